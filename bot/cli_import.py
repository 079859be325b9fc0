"""`samverkansbot import FILE… [--body NAME] [--tenant ID] [--yes]`: bring in old minutes."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from sqlalchemy import select

from bot.settings import Settings, load_settings
from dialogs.importer import ImportFormatError, parse_minutes, read_document
from dialogs.importer.model import DOCUMENT_SOURCES
from dialogs.importer.store import (
    ImportRefused,
    choose_body_name,
    duplicate_of,
    store_minutes,
    summary,
)
from storage.db import Database
from storage.migrate import upgrade

SUFFIXES = {".txt", ".md", ".markdown", ".docx", ".doc", ".html", ".htm", ".pdf"}


def expand(paths: list[str]) -> list[Path]:
    """Files as given; a folder means every file in it (sorted, hidden files skipped)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(
                sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
            )
        else:
            out.append(path)
    return out


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    try:
        answer = input(question)
    except EOFError:
        return False
    return answer.strip().lower() in ("j", "ja", "y", "yes")


async def _hand_over(db: Database, tenant: str, body_names: list[str], admin: str | None) -> None:
    """An imported body has no admin, so nobody may bind or read it until one is named: the
    import prints a one-time code the first `organ:` must quote. With --admin NAME that person
    is registered as admin now and confirms with the same code from their own Teams account."""
    from dialogs.text import name_key, squash
    from storage.directory import add_membership, find_body, members_with_role, new_claim_code
    from storage.models import Person

    for body_name in dict.fromkeys(body_names):
        async with db.transaction() as session:
            found = await find_body(session, tenant, name_key(body_name))
            if len(found) != 1:
                continue
            org = found[0]
            admins = await members_with_role(session, org.id, ["admin"])
            if admins and not admin:
                continue
            named = ""
            if admin:
                key = name_key(squash(admin))
                people = [
                    p
                    for p in (
                        await session.scalars(
                            select(Person).where(Person.tenant_id == tenant, Person.name_key == key)
                        )
                    ).all()
                ]
                person = people[0] if len(people) == 1 else None
                if person is None:
                    person = Person(tenant_id=tenant, display_name=squash(admin), name_key=key)
                    session.add(person)
                    await session.flush()
                await add_membership(session, org.id, person.id, "admin")
                named = person.display_name
            code = new_claim_code(org)
        if named:
            print(
                f"{named} är administratör för {org.name} när hen har bekräftat sitt Teams-konto: "
                f"hen skriver i Teams `organ: {org.name} kod: {code}`. Koden gäller en gång."
            )
        else:
            print(
                f"{org.name} har ingen administratör. Engångskod: {code}. Den som ska administrera "
                f"organet skriver i Teams `organ: {org.name} kod: {code}`."
            )


def _ask_body(folder: str | None) -> str | None:
    """Asked at a terminal when the minutes name no body; the folder's name is the default."""
    default = f" [{folder}]" if folder else ""
    try:
        answer = input(f"Protokollet säger inte vilket organ det gäller. Organ{default}: ")
    except EOFError:
        return None
    return answer.strip() or folder


async def run_import(
    settings: Settings,
    files: list[Path],
    *,
    tenant: str,
    body: str | None,
    yes: bool,
    admin: str | None = None,
) -> int:
    if settings.migrate_on_start:
        await upgrade(settings.database_url)
    db = Database(settings.database_url)
    failures = 0
    imported: list[str] = []
    try:
        for path in files:
            if not path.exists():
                print(f"{path}: filen finns inte.", file=sys.stderr)
                failures += 1
                continue
            try:
                read = read_document(path)
            except ImportFormatError as err:
                print(f"{path}: {err.message_sv}", file=sys.stderr)
                failures += 1
                continue
            parsed = parse_minutes(read.text, path.name)
            async with db.transaction() as session:
                dup = await duplicate_of(session, tenant, read.sha256)
            asking = dup is None and not yes and sys.stdin.isatty()
            body_name, source = choose_body_name(
                parsed,
                body,
                folder=path.resolve().parent.name,
                ask=_ask_body if asking else None,
            )
            print(
                summary(
                    parsed,
                    read,
                    body_name=body_name,
                    body_source=source,
                    duplicate=dup is not None,
                )
            )
            if dup is not None:
                print()
                continue
            if not yes and not _confirm("Spara i registret? [j/N] "):
                print(
                    "Inget sparades."
                    + ("" if sys.stdin.isatty() else " Kör med --yes för att spara utan fråga.")
                )
                print()
                continue
            try:
                async with db.transaction() as session:
                    outcome = await store_minutes(
                        session,
                        tenant,
                        parsed,
                        read,
                        # A name the document gives is resolved with its short form too.
                        body_name=None if source in DOCUMENT_SOURCES else body_name,
                        source="import",
                        actor_label="kommandoraden",
                    )
            except ImportRefused as err:
                print(f"{path}: {err.sv}", file=sys.stderr)
                failures += 1
                continue
            if outcome.duplicate:
                print("Filen är redan importerad; inget ändrades.")
            else:
                ids = [outcome.meeting_id, *outcome.more_meeting_ids]
                meetings = "möte " + " och ".join(str(i) for i in ids)
                print(f"Sparat: {meetings} i {outcome.body_name}.")
                imported.append(outcome.body_name)
            print()
        if imported or (admin and body):
            await _hand_over(db, tenant, imported or [body or ""], admin)
    finally:
        await db.dispose()
    return 1 if failures else 0


def cmd_import(args: argparse.Namespace) -> int:
    settings = load_settings()
    if args.database_url:
        from dataclasses import replace

        from storage.db import normalize_url

        settings = replace(settings, database_url=normalize_url(args.database_url))
    files = expand(args.files)
    if not files:
        print("Inga filer att importera.", file=sys.stderr)
        return 2
    return asyncio.run(
        run_import(
            settings,
            files,
            tenant=args.tenant or settings.default_tenant,
            body=args.body,
            yes=args.yes,
            admin=args.admin,
        )
    )


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "import",
        help="importera gamla protokoll (.txt .md .docx .html .pdf; en mapp = alla filer i den)",
        description="Läser protokoll och minnesanteckningar, visar vad som förstods och sparar efter fråga "
        "(eller direkt med --yes). Samma fil två gånger ändrar ingenting.",
    )
    p.add_argument("files", nargs="+", metavar="FIL", help="filer eller mappar")
    p.add_argument(
        "--body", help='organet, t.ex. "LSVO ledningsgrupp" (standard: det protokollet namnger)'
    )
    p.add_argument("--tenant", help="värdorganisationens tenant (standard: DEFAULT_TENANT)")
    p.add_argument("--yes", action="store_true", help="spara utan att fråga")
    p.add_argument(
        "--admin",
        metavar="NAMN",
        help="organets administratör; bekräftar sitt Teams-konto med engångskoden som skrivs ut",
    )
    p.set_defaults(func=cmd_import)

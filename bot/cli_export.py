"""`samverkansbot export --body NAME [--from DATUM] [--to DATUM] --format csv|json [--full]`.

Every decision of the body (or bodies: --body may be repeated) as CSV for Swedish Excel or as
JSON with a published schema. The public version unless --full: the console is the local
operator, who has the database itself; --full is for an operator exporting on behalf of a member
of the body, and every full export is written to the audit trail.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from dataclasses import replace
from pathlib import Path

from bot.settings import Settings, load_settings

EXIT_BAD_INPUT = 2


class ExportError(Exception):
    """Bad input, said in Swedish; nothing was written."""


async def run_export(
    settings: Settings,
    body_names: list[str],
    fmt: str,
    *,
    tenant: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    full: bool = False,
    actor: str = "konsolen",
) -> tuple[bytes, str]:
    """The export file's bytes and a file name; ExportError for bad input."""
    from dialogs import export
    from dialogs.text import name_key
    from storage.db import Database
    from storage.directory import find_body

    if fmt not in export.FORMATS:
        raise ExportError(f"Formatet ”{fmt}” finns inte: välj csv eller json.")
    try:
        start = export.parse_date(date_from)
        end = export.parse_date(date_to, end=True)
    except ValueError as err:
        raise ExportError(str(err)) from None
    if start and end and start > end:
        raise ExportError("--from ligger efter --to.")
    tenant_id = tenant or settings.default_tenant
    db = Database(settings.database_url)
    try:
        async with db.transaction() as session:
            bodies = []
            for name in body_names:
                found = list(await find_body(session, tenant_id, name_key(name)))
                if not found:
                    raise ExportError(f"Det finns inget organ som heter ”{name}”.")
                if len(found) > 1:
                    names = ", ".join(f"”{b.name}”" for b in found)
                    raise ExportError(f"”{name}” kan vara flera organ: {names}. Skriv hela namnet.")
                bodies.append(found[0])
            made = await export.export_file(
                session,
                tenant_id,
                bodies,
                fmt,
                base_url=settings.base_url,
                app_id=settings.app_id,
                full_body_ids=[b.id for b in bodies] if full else (),
                date_from=start,
                date_to=end,
                source="console",
                actor_label=actor,
            )
        return made.data, made.name
    finally:
        await db.dispose()


def cmd_export(args: argparse.Namespace) -> int:
    from storage.db import normalize_url

    settings = load_settings()
    if getattr(args, "database_url", None):
        settings = replace(settings, database_url=normalize_url(args.database_url))
    try:
        data, name = asyncio.run(
            run_export(
                settings,
                args.body,
                args.format,
                tenant=args.tenant,
                date_from=args.date_from,
                date_to=args.date_to,
                full=args.full,
            )
        )
    except ExportError as err:
        print(str(err), file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.output in (None, "-"):
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        out = Path(args.output)
        if out.is_dir():
            out = out / name
        out.write_bytes(data)
        print(f"Skrev {out}", file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "export",
        help="beslutsregistret som CSV (Excel) eller JSON",
        description="Alla beslut i ett organ: organ, datum, §, rubrik, beslut, ställning och "
        "länk. Den offentliga versionen om inte --full anges.",
    )
    parser.add_argument(
        "--body", action="append", required=True, help="organet (namn eller kortnamn); kan upprepas"
    )
    parser.add_argument("--from", dest="date_from", help="från och med (ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM, ÅÅÅÅ)")
    parser.add_argument("--to", dest="date_to", help="till och med (ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM, ÅÅÅÅ)")
    parser.add_argument("--format", required=True, choices=["csv", "json"], help="csv eller json")
    parser.add_argument(
        "--full",
        action="store_true",
        help="med sekretessparagrafer i sin helhet (bara för en ledamot i organet; loggas)",
    )
    parser.add_argument("--tenant", help="värdorganisationens tenant (standard: DEFAULT_TENANT)")
    parser.add_argument("-o", "--output", help="fil eller katalog (standard: skriv till stdout)")
    parser.set_defaults(func=cmd_export)

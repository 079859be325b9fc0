"""`samverkansbot minutes MEETING_ID | --date YYYY-MM-DD [--body NAME]
--format md|html|docx|pdf|text [--public] [-o FILE]`.

Renders a meeting's minutes from the record: Markdown, HTML and text to stdout (or FILE),
DOCX and PDF (A4) to FILE (a default name when none is given; `-o -` writes the bytes to
stdout).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import logging
import sys
from dataclasses import replace
from pathlib import Path

from bot.settings import load_settings

logger = logging.getLogger(__name__)

FORMATS = ("md", "html", "docx", "pdf", "text")
EXIT_UNKNOWN = 2


def _default_name(kind: str, short: str, date: str, ext: str = "docx") -> str:
    import re

    slug = re.sub(r"[^\w-]+", "-", short).strip("-") or "organ"
    return f"{kind}-{slug}-{date}.{ext}"


async def _render(
    database_url: str, meeting_id: int, fmt: str, public: bool
) -> tuple[bytes | str, str] | None:
    from sqlalchemy.exc import DBAPIError

    from dialogs.minutes import render_docx, render_html, render_markdown, render_text
    from storage.db import Database
    from storage.minutes import build_document

    db = Database(database_url)
    try:
        async with db.sessions() as session:
            try:
                doc = await build_document(session, meeting_id)
            except DBAPIError as err:
                logger.debug("reading meeting %s failed: %s", meeting_id, err)
                raise RuntimeError(
                    "Databasen gick inte att läsa. Har den uppgraderats? "
                    "Kör `samverkansbot db upgrade`."
                ) from None
    finally:
        await db.dispose()
    if doc is None:
        return None
    kind = "minnesanteckningar" if doc.form == "minnesanteckningar" else "protokoll"
    name = _default_name(kind, doc.body_short or doc.body_name, doc.date.isoformat(), fmt)
    if fmt == "pdf":
        from dialogs.minutes.pdf import render_pdf

        return render_pdf(doc, public=public), name
    if fmt == "docx":
        return render_docx(doc, public=public), name
    if fmt == "html":
        return render_html(doc, public=public), name
    if fmt == "text":
        return render_text(doc, public=public), name
    return render_markdown(doc, public=public), name


async def _find(
    database_url: str, date: dt.date, body: str | None
) -> list[tuple[int, str, str | None, str]]:
    """Meetings held on the date (in the body named, by name or short name): id, body, title,
    status."""
    from sqlalchemy import select

    from dialogs.text import name_key
    from storage.db import Database
    from storage.models import Body, Meeting

    db = Database(database_url)
    try:
        async with db.sessions() as session:
            rows = (
                await session.execute(
                    select(Meeting, Body)
                    .join(Body, Body.id == Meeting.body_id)
                    .where(Meeting.date == date)
                    .order_by(Meeting.id)
                )
            ).all()
    finally:
        await db.dispose()
    wanted = name_key(body) if body else None
    return [
        (m.id, b.name, m.title, m.status)
        for m, b in rows
        if wanted is None or wanted in (b.name_key, b.short_key, name_key(b.name))
    ]


def _pick_meeting(args: argparse.Namespace, database_url: str) -> int | None:
    """MEETING_ID, or the one meeting --date (and --body) names; None after saying why not."""
    if args.meeting_id is not None:
        return int(args.meeting_id)
    if args.date is None:
        print(
            "Ange mötets id (`samverkansbot minutes 12`) eller datum och organ "
            "(`samverkansbot minutes --date 2021-06-04 --body LSVO`).",
            file=sys.stderr,
        )
        return None
    found = asyncio.run(_find(database_url, args.date, args.body))
    where = f" i {args.body}" if args.body else ""
    if not found:
        print(f"Inget möte {args.date.isoformat()}{where}.", file=sys.stderr)
        return None
    if len(found) > 1:
        print(
            f"{len(found)} möten {args.date.isoformat()}{where}; ange id:t "
            "(`samverkansbot minutes ID`) eller --body:",
            file=sys.stderr,
        )
        for mid, body, title, status in found:
            print(f"  {mid}: {body}{' – ' + title if title else ''} ({status})", file=sys.stderr)
        return None
    return found[0][0]


def cmd_minutes(args: argparse.Namespace) -> int:
    from storage.db import normalize_url

    settings = load_settings()
    if getattr(args, "database_url", None):
        settings = replace(settings, database_url=normalize_url(args.database_url))
    try:
        meeting_id = _pick_meeting(args, settings.database_url)
        if meeting_id is None:
            return EXIT_UNKNOWN
        args.meeting_id = meeting_id
        result = asyncio.run(
            _render(settings.database_url, args.meeting_id, args.format, args.public)
        )
    except RuntimeError as err:
        print(str(err), file=sys.stderr)
        return EXIT_UNKNOWN
    if result is None:
        print(f"Mötet {args.meeting_id} finns inte.", file=sys.stderr)
        return EXIT_UNKNOWN
    content, default_name = result
    out = args.output
    if isinstance(content, bytes):
        if out == "-":
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
            return 0
        path = Path(out or default_name)
        path.write_bytes(content)
        print(f"Skrev {path} ({len(content)} byte).", file=sys.stderr)
        return 0
    if out and out != "-":
        Path(out).write_text(content, encoding="utf-8")
        print(f"Skrev {out}.", file=sys.stderr)
        return 0
    sys.stdout.write(content)
    sys.stdout.flush()
    return 0


def _meeting_id(value: str) -> int:
    if not value.isdigit() or int(value) <= 0:
        raise argparse.ArgumentTypeError(f"mötets id ska vara ett positivt heltal, inte {value!r}")
    return int(value)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"datumet ska skrivas ÅÅÅÅ-MM-DD och finnas i kalendern, inte {value!r}"
        ) from None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "minutes",
        aliases=["protokoll"],
        help="skriv ut ett mötes protokoll (md, html, docx, pdf, text)",
        description="Skriver protokollet (eller minnesanteckningarna) för mötet MEETING_ID.",
    )
    parser.add_argument(
        "meeting_id",
        metavar="MEETING_ID",
        type=_meeting_id,
        nargs="?",
        help="mötets id (visas på protokollkortet och i `historik`)",
    )
    parser.add_argument(
        "--date",
        type=_date,
        help="mötets datum, ÅÅÅÅ-MM-DD, i stället för id (med --body om flera organ möttes)",
    )
    parser.add_argument("--body", help="organets namn eller kortnamn, med --date")
    parser.add_argument(
        "--format", "-f", choices=FORMATS, default="md", help="utformat (standard: md)"
    )
    parser.add_argument(
        "--public",
        action="store_true",
        help="offentlig version: paragrafer med sekretess utelämnas",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="skriv till FILE (docx, pdf: standardnamn om det saknas; '-' = stdout)",
    )
    parser.set_defaults(func=cmd_minutes)

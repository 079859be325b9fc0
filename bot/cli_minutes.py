"""`samverkansbot minutes MEETING_ID --format md|html|docx|pdf|text [--public] [-o FILE]`.

Renders a meeting's minutes from the record: Markdown, HTML and text to stdout (or FILE),
DOCX and PDF (A4) to FILE (a default name when none is given; `-o -` writes the bytes to
stdout).
"""

from __future__ import annotations

import argparse
import asyncio
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


def cmd_minutes(args: argparse.Namespace) -> int:
    from storage.db import normalize_url

    settings = load_settings()
    if getattr(args, "database_url", None):
        settings = replace(settings, database_url=normalize_url(args.database_url))
    try:
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


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "minutes",
        aliases=["protokoll"],
        help="skriv ut ett mötes protokoll (md, html, docx, pdf, text)",
        description="Skriver protokollet (eller minnesanteckningarna) för mötet MEETING_ID.",
    )
    parser.add_argument("meeting_id", metavar="MEETING_ID", type=_meeting_id, help="mötets id")
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

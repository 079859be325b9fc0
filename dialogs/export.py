"""Export of the decision register as CSV (for Swedish Excel) or JSON (for a diarium or a site).

The same code serves `samverkansbot export` and the register tab's "Exportera" button. The
rows come from storage.register, which has already made sekretess paragraphs their public
version where the caller may not see them in full.

CSV: UTF-8 with a byte order mark and semicolons, which is what Excel with Swedish regional
settings opens without a wizard. A cell that starts with =, +, -, @, a tab or a carriage return
would be read by a spreadsheet as a formula; it is written with a leading apostrophe.

JSON: an object described by manifest/decisions-export.schema.json (published by the bot at
/schemas/decisions-export.schema.json).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit, register
from storage.models import Body
from storage.register import RegisterRow

FORMATS = ("csv", "json")
SCHEMA_FILE = "decisions-export.schema.json"
SCHEMA_PATH = "/schemas/" + SCHEMA_FILE
SCHEMA_VERSION = "1.0"

STANDING_SV = {
    "valid": "gäller",
    "amended": "ändrat",
    "withdrawn": "återkallat",
    "superseded": "ersatt",
}
STANDING_EN = {
    "valid": "in force",
    "amended": "amended",
    "withdrawn": "withdrawn",
    "superseded": "superseded",
}
KIND_SV = {
    "beslut": "beslut",
    "rapporterat": "rapporterat beslut",
    "information": "information",
    "ovrigt": "övrigt",
}
KIND_EN = {
    "beslut": "decision",
    "rapporterat": "reported decision",
    "information": "information",
    "ovrigt": "other",
}
ITEM_STATUS_SV = {
    "behandlad": "",
    "utgar": "utgår",
    "bordlagd": "bordlagd",
    "aterremitterad": "återremitterad",
}

CSV_HEADER = (
    "Organ",
    "Datum",
    "Paragraf",
    "Rubrik",
    "Beslut",
    "Ställning",
    "Typ",
    "Fattat av",
    "Sekretess",
    "Länk",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def standing_label(row: RegisterRow, lang: str = "sv") -> str:
    labels = STANDING_EN if lang == "en" else STANDING_SV
    label = labels.get(row.standing, row.standing)
    extra = ITEM_STATUS_SV.get(row.item_status, row.item_status)
    if extra and lang != "en":
        label = f"{label} ({extra})"
    elif row.item_status not in ("behandlad", "") and lang == "en":
        label = f"{label} ({row.item_status})"
    return label


def kind_label(kind: str, lang: str = "sv") -> str:
    return (KIND_EN if lang == "en" else KIND_SV).get(kind, kind)


def register_link(base_url: str, row: RegisterRow, app_id: str = "") -> str:
    """A stable link to the decision in the register (the reader signs in to see it): a Teams
    link to the personal tab when the bot has an app id, else the page itself (local use)."""
    web_path = f"/tab?meeting={row.meeting_id}#beslut-{row.decision_id}"
    if app_id:
        from manifest.build import tab_deep_link

        return tab_deep_link(
            app_id, base_url, f"beslut-{row.meeting_id}-{row.decision_id}", web_path
        )
    return f"{base_url.rstrip('/')}{web_path}"


def safe_cell(value: str) -> str:
    """A spreadsheet must never read a cell as a formula."""
    if value.startswith(_FORMULA_START):
        return "'" + value
    return value


@dataclass(frozen=True)
class ExportScope:
    tenant_id: str
    body_names: Sequence[str]
    date_from: dt.date | None
    date_to: dt.date | None
    full: bool


def to_csv(rows: Sequence[RegisterRow], base_url: str, app_id: str = "") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in rows:
        cells = (
            row.body,
            row.date.isoformat(),
            row.paragraph or "",
            row.title,
            row.wording,
            standing_label(row),
            kind_label(row.kind),
            row.decided_by or "",
            "ja" if row.confidential else "nej",
            register_link(base_url, row, app_id),
        )
        writer.writerow([safe_cell(c) for c in cells])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def row_json(row: RegisterRow, base_url: str, app_id: str = "") -> dict[str, Any]:
    return {
        "id": row.decision_id,
        "body": row.body,
        "body_short": row.body_short,
        "date": row.date.isoformat(),
        "paragraph": row.paragraph,
        "title": row.title,
        "wording": row.wording,
        "standing": row.standing,
        "standing_label": standing_label(row),
        "item_status": row.item_status,
        "kind": row.kind,
        "decided_by": row.decided_by,
        "confidential": row.confidential,
        "redacted": row.redacted,
        "meeting_id": row.meeting_id,
        "link": register_link(base_url, row, app_id),
    }


def to_json(
    rows: Sequence[RegisterRow],
    scope: ExportScope,
    base_url: str,
    *,
    app_id: str = "",
    generated_at: dt.datetime | None = None,
) -> bytes:
    data = {
        "$schema": f"{base_url.rstrip('/')}{SCHEMA_PATH}",
        "schema_version": SCHEMA_VERSION,
        "generated_at": (generated_at or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"),
        "version": "full" if scope.full else "public",
        "bodies": list(scope.body_names),
        "from": scope.date_from.isoformat() if scope.date_from else None,
        "to": scope.date_to.isoformat() if scope.date_to else None,
        "decisions": [row_json(r, base_url, app_id) for r in rows],
    }
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def render(
    fmt: str, rows: Sequence[RegisterRow], scope: ExportScope, base_url: str, app_id: str = ""
) -> tuple[bytes, str]:
    """The file's bytes and its content type."""
    if fmt == "csv":
        return to_csv(rows, base_url, app_id), "text/csv; charset=utf-8"
    if fmt == "json":
        return to_json(rows, scope, base_url, app_id=app_id), "application/json; charset=utf-8"
    raise ValueError(f"unknown export format {fmt!r}")


@dataclass(frozen=True)
class ExportFile:
    data: bytes
    name: str
    content_type: str
    rows: int


async def export_file(
    session: AsyncSession,
    tenant_id: str,
    bodies: Sequence[Body],
    fmt: str,
    *,
    base_url: str,
    app_id: str = "",
    full_body_ids: Sequence[int] = (),
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    source: str,
    actor_person_id: int | None = None,
    actor_label: str | None = None,
) -> ExportFile:
    """The export of `bodies` (all in `tenant_id`), for the command line and the tab alike.
    Sekretess in full only for `full_body_ids`; each body exported in full is audited."""
    ids = [b.id for b in bodies if b.tenant_id == tenant_id]
    full = [i for i in full_body_ids if i in ids]
    rows = await register.decisions(
        session, tenant_id, ids, full_body_ids=full, date_from=date_from, date_to=date_to
    )
    scope = ExportScope(
        tenant_id=tenant_id,
        body_names=[b.name for b in bodies if b.id in ids],
        date_from=date_from,
        date_to=date_to,
        full=bool(full) and set(full) == set(ids),
    )
    for body_id in full:
        await audit.record(
            session,
            tenant_id=tenant_id,
            action="export_full",
            entity="body",
            entity_id=body_id,
            source=source,
            actor_person_id=actor_person_id,
            actor_label=actor_label,
            after={
                "format": fmt,
                "from": date_from.isoformat() if date_from else None,
                "to": date_to.isoformat() if date_to else None,
                "decisions": sum(1 for r in rows if r.body_id == body_id),
            },
        )
    data, content_type = render(fmt, rows, scope, base_url, app_id)
    return ExportFile(data, file_name(scope, fmt), content_type, len(rows))


def file_name(scope: ExportScope, fmt: str) -> str:
    import re

    name = "-".join(scope.body_names) or "beslut"
    slug = re.sub(r"[^\w-]+", "-", name).strip("-")[:60] or "beslut"
    span = ""
    if scope.date_from or scope.date_to:
        span = f"-{scope.date_from or ''}--{scope.date_to or ''}"
    return f"beslut-{slug}{span}.{fmt}"


def schema() -> dict[str, Any]:
    """The published JSON Schema of the JSON export."""
    text = resources.files("manifest").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


def parse_date(raw: str | None, *, end: bool = False) -> dt.date | None:
    """YYYY-MM-DD, YYYY-MM or YYYY (a month or year is its first or, with end=True, last day).
    ValueError with a Swedish message for anything else."""
    if raw is None or not raw.strip():
        return None
    value = raw.strip()
    try:
        if len(value) == 4 and value.isdigit():
            year = int(value)
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        if len(value) == 7 and value[4] == "-":
            first = dt.date(int(value[:4]), int(value[5:]), 1)
            if not end:
                return first
            nxt = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"”{raw}” är inget datum: skriv ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ.") from None

"""`samverkansbot export`: CSV that Swedish Excel opens and cannot run, JSON against its
published schema, the public version unless --full, and bad input refused with nothing written."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from sqlalchemy import func, select

from bot.cli_export import ExportError, run_export
from bot.settings import Settings
from dialogs import export
from storage.db import Database, normalize_url
from storage.models import AuditEvent, Decision, Meeting
from tests.register.record import (
    FORMULA_CLAUSES,
    FORMULA_TITLE,
    HOME,
    OTHER,
    SECRET_CLAUSE,
    SECRET_TITLE,
    WITHDRAWN_CLAUSE,
    Built,
)

ROOT = Path(__file__).resolve().parents[2]
BASE = "https://samverkan.example.se"


def settings_for(db_url: str) -> Settings:
    return Settings(database_url=normalize_url(db_url), default_tenant=HOME, public_url=BASE)


def read_swedish_csv(data: bytes) -> list[dict[str, str]]:
    """As Excel with Swedish regional settings reads it: UTF-8 by its BOM, ';' between cells."""
    assert data.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte order mark"
    text = data.decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=";,\t")
    assert dialect.delimiter == ";"
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


async def lsvo_decisions(database: Database, built: Built) -> int:
    async with database.sessions() as session:
        return int(
            await session.scalar(
                select(func.count(Decision.id))
                .join(Meeting, Meeting.id == Decision.meeting_id)
                .where(Meeting.body_id == built.lsvo_id)
            )
            or 0
        )


async def test_csv_opens_in_swedish_excel_and_runs_nothing(
    db_url: str, database: Database, built: Built
) -> None:
    data, name = await run_export(settings_for(db_url), ["LSVO"], "csv")
    assert name == "beslut-LSVO-ledningsgrupp.csv"
    rows = read_swedish_csv(data)
    assert list(rows[0]) == list(export.CSV_HEADER)
    assert len(rows) == await lsvo_decisions(database, built) == 11 + 4
    # Newest first: the open 2026 meeting, then 2021's § 123 … § 113.
    assert [r["Datum"] for r in rows[:4]] == ["2026-11-30"] * 4
    assert [r["Paragraf"] for r in rows[4:]] == [f"§ {n}" for n in range(123, 112, -1)]
    p116 = next(r for r in rows if r["Paragraf"] == "§ 116")
    assert p116["Organ"] == "LSVO ledningsgrupp"
    assert p116["Rubrik"].startswith("Samsjuklighet: Projektplan")
    assert p116["Beslut"].splitlines()[0] == "LSVO:s ledningsgrupp beslutar"
    assert p116["Beslut"].splitlines()[1].startswith("att ge samverkansgrupp vuxna i uppdrag")
    assert p116["Ställning"] == "gäller" and p116["Sekretess"] == "nej"
    assert p116["Länk"].startswith(f"{BASE}/tab?meeting=")
    # No cell starts as a formula; the ones that would are kept, behind an apostrophe.
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    formula = next(r for r in rows if r["Rubrik"].startswith("'="))
    assert formula["Rubrik"] == "'" + FORMULA_TITLE
    assert FORMULA_CLAUSES[0] in formula["Beslut"] and FORMULA_CLAUSES[1] in formula["Beslut"]
    withdrawn = next(r for r in rows if WITHDRAWN_CLAUSE in r["Beslut"])
    assert withdrawn["Ställning"] == "återkallat"
    # Public version: the sekretess § is its number and "Sekretess", nothing else.
    secret = next(r for r in rows if r["Sekretess"] == "ja")
    assert secret["Rubrik"] == "Sekretess" and secret["Beslut"] == ""
    assert SECRET_TITLE.encode() not in data and SECRET_CLAUSE.encode() not in data


def test_safe_cell_escapes_every_formula_start() -> None:
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert export.safe_cell(f"{start}1+1") == f"'{start}1+1"
    assert export.safe_cell("§ 3") == "§ 3" and export.safe_cell("2021-06-04") == "2021-06-04"


async def test_json_follows_its_published_schema(
    db_url: str, database: Database, built: Built
) -> None:
    schema = export.schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    data, name = await run_export(
        settings_for(db_url), ["LSVO", "Uppdragsgrupp Psykisk hälsa"], "json"
    )
    doc = json.loads(data)
    validator.validate(doc)
    assert name.endswith(".json") and doc["version"] == "public"
    assert doc["$schema"] == f"{BASE}{export.SCHEMA_PATH}"
    dates = [d["date"] for d in doc["decisions"]]
    assert dates == sorted(dates, reverse=True)
    reported = [d for d in doc["decisions"] if d["kind"] == "rapporterat"]
    assert {d["decided_by"] for d in reported} == {"Styrgrupp närård", "Styrgrupp närvård"}
    secret = [d for d in doc["decisions"] if d["confidential"]]
    assert len(secret) == 1 and secret[0]["redacted"] and secret[0]["title"] == "Sekretess"
    assert SECRET_CLAUSE not in data.decode()
    # The schema is not a formality: a redacted row that carried its wording is refused.
    leaked = json.loads(data)
    leaked["decisions"][[d["confidential"] for d in leaked["decisions"]].index(True)]["wording"] = (
        SECRET_CLAUSE
    )
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(leaked)


async def test_full_version_is_asked_for_and_audited(
    db_url: str, database: Database, built: Built
) -> None:
    async with database.sessions() as session:
        before = await session.scalar(select(func.count(AuditEvent.id)))
    data, _ = await run_export(settings_for(db_url), ["LSVO"], "json", full=True)
    doc = json.loads(data)
    jsonschema.validate(doc, export.schema())
    assert doc["version"] == "full"
    secret = next(d for d in doc["decisions"] if d["confidential"])
    assert secret["title"] == SECRET_TITLE and SECRET_CLAUSE in secret["wording"]
    assert not secret["redacted"]
    async with database.sessions() as session:
        events = (
            await session.scalars(select(AuditEvent).where(AuditEvent.action == "export_full"))
        ).all()
        assert await session.scalar(select(func.count(AuditEvent.id))) == (before or 0) + 1
    assert [(e.entity_id, e.tenant_id) for e in events] == [(built.lsvo_id, HOME)]
    assert events[0].after is not None and events[0].after["decisions"] == 15


async def test_dates_narrow_and_tenants_stay_apart(
    db_url: str, database: Database, built: Built
) -> None:
    settings = settings_for(db_url)
    data, name = await run_export(settings, ["LSVO"], "json", date_from="2021", date_to="2021-06")
    doc = json.loads(data)
    assert {d["date"] for d in doc["decisions"]} == {"2021-06-04"}
    assert (doc["from"], doc["to"]) == ("2021-01-01", "2021-06-30")
    assert name == "beslut-LSVO-ledningsgrupp-2021-01-01--2021-06-30.json"
    mine = {d["meeting_id"] for d in doc["decisions"]}
    other, _ = await run_export(settings, ["LSVO"], "json", tenant=OTHER)
    theirs = json.loads(other)["decisions"]
    assert len(theirs) == 11 and mine.isdisjoint({d["meeting_id"] for d in theirs})
    assert all(d["date"] == "2021-06-04" for d in theirs)


@pytest.mark.parametrize(
    ("bodies", "kwargs", "message"),
    [
        (["Finns inte"], {}, "Det finns inget organ som heter ”Finns inte”."),
        (["LSVO"], {"date_from": "4 juni"}, "”4 juni” är inget datum"),
        (["LSVO"], {"date_from": "2022", "date_to": "2021"}, "--from ligger efter --to."),
        (["LSVO"], {"fmt": "xlsx"}, "Formatet ”xlsx” finns inte"),
    ],
)
async def test_bad_input_is_said_and_nothing_is_written(
    db_url: str,
    database: Database,
    built: Built,
    bodies: list[str],
    kwargs: dict[str, str],
    message: str,
) -> None:
    async with database.sessions() as session:
        before = await session.scalar(select(func.count(AuditEvent.id)))
    dates = {k: v for k, v in kwargs.items() if k != "fmt"}
    with pytest.raises(ExportError) as err:
        await run_export(settings_for(db_url), bodies, kwargs.get("fmt", "csv"), full=True, **dates)
    assert str(err.value).startswith(message)
    async with database.sessions() as session:
        assert await session.scalar(select(func.count(AuditEvent.id))) == before


async def _prepare(url: str) -> None:
    from storage.migrate import upgrade
    from tests.register.record import build

    await upgrade(url)
    db = Database(url)
    try:
        await build(db, HOME)
    finally:
        await db.dispose()


def test_command_line(sqlite_url: str, tmp_path: Path) -> None:
    import asyncio

    asyncio.run(_prepare(sqlite_url))
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DEFAULT_TENANT")}
    env.update(DATABASE_URL=sqlite_url, DEFAULT_TENANT=HOME, PUBLIC_URL=BASE, PYTHONUTF8="1")
    cmd = [sys.executable, "-m", "bot.cli", "export", "--body", "LSVO ledningsgrupp"]
    out = tmp_path / "lsvo.csv"
    done = subprocess.run(
        [*cmd, "--format", "csv", "--from", "2026-01-01", "-o", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode()
    rows = read_swedish_csv(out.read_bytes())
    assert len(rows) == 4 and {r["Datum"] for r in rows} == {"2026-11-30"}
    printed = subprocess.run(
        [*cmd, "--format", "json"], cwd=ROOT, env=env, capture_output=True, timeout=120
    )
    assert printed.returncode == 0
    jsonschema.validate(json.loads(printed.stdout), export.schema())
    bad = subprocess.run(
        [sys.executable, "-m", "bot.cli", "export", "--body", "Inget sådant", "--format", "csv"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert bad.returncode == 2 and bad.stdout == b""
    assert bad.stderr.decode().strip() == "Det finns inget organ som heter ”Inget sådant”."


async def test_links_open_the_register_tab_in_teams(
    db_url: str, database: Database, built: Built
) -> None:
    from dataclasses import replace
    from urllib.parse import parse_qs, urlsplit

    from manifest.build import manifest
    from tests.harness.activities import BOT_APP_ID

    settings = replace(settings_for(db_url), app_id=BOT_APP_ID)
    data, _ = await run_export(settings, ["LSVO"], "json")
    doc = json.loads(data)
    jsonschema.Draft202012Validator(
        export.schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(doc)
    first = doc["decisions"][0]
    parts = urlsplit(first["link"])
    package = manifest(BOT_APP_ID, domain="samverkan.example.se")
    assert (parts.netloc, parts.path) == (
        "teams.microsoft.com",
        f"/l/entity/{package['id']}/{package['staticTabs'][0]['entityId']}",
    )
    query = parse_qs(parts.query)
    assert json.loads(query["context"][0]) == {
        "subEntityId": f"beslut-{first['meeting_id']}-{first['id']}"
    }
    assert query["webUrl"] == [f"{BASE}/tab?meeting={first['meeting_id']}#beslut-{first['id']}"]

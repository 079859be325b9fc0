"""`samverkansbot ask "…" [--tenant ID] [--body NAME] [--json]` runs the chat's answer code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from bot.cli_ask import run_ask
from bot.settings import load_settings
from tests.ask.record import FACT_DECISION_1, FACT_DECISION_2, FACT_TEAM_TEXT, HOME, Record

ROOT = Path(__file__).resolve().parents[2]
HIT_KEYS = {"body", "date", "paragraph", "title", "text", "meeting_id", "kind"}


async def test_json_shape_best_first(db_url: str, record: Record) -> None:
    settings = replace(load_settings({}), database_url=db_url, default_tenant=HOME)
    result = await run_ask(settings, "vad beslutades om F-ACT?", migrate=False)
    assert set(result) == {"answer", "hits"}
    assert result["answer"].startswith("**Beslut om ”F-ACT”**")
    assert all(set(h) == HIT_KEYS for h in result["hits"])
    assert {h["text"] for h in result["hits"][:3]} == {
        FACT_DECISION_1,
        FACT_DECISION_2,
        FACT_TEAM_TEXT,
    }
    first = result["hits"][0]
    assert isinstance(first["meeting_id"], int) and first["kind"] == "decision"
    # --body narrows; an unknown body is said plainly; nothing found → [].
    lsvo = await run_ask(settings, "vad beslutades om F-ACT?", body="LSVO", migrate=False)
    assert lsvo["hits"] == [] and lsvo["answer"].startswith("Inga beslut hittades")
    nobody = await run_ask(settings, "F-ACT", body="Finns inte", migrate=False)
    assert nobody == {"answer": "Det finns inget organ som heter ”Finns inte”.", "hits": []}
    other = await run_ask(
        settings, "what was decided about FACT?", tenant="someone-else", migrate=False
    )
    assert other["hits"] == [] and other["answer"].startswith("No decisions found")
    para = await run_ask(settings, "§ 117 2021", body="LSVO ledningsgrupp", migrate=False)
    assert para["hits"][0]["paragraph"] == "§ 117" and para["hits"][0]["date"] == "2021-06-04"


def test_subprocess_prints_json(tmp_path: Path) -> None:
    db = tmp_path / "ask.db"
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DEFAULT_TENANT")}
    env.update(DATABASE_URL=f"sqlite:///{db}", DEFAULT_TENANT=HOME, PYTHONUTF8="1")
    seed = (
        "import asyncio\n"
        "import storage.search\n"
        "from storage.db import Database\n"
        "from storage.migrate import upgrade\n"
        "from tests.ask.record import build_record\n"
        "async def main():\n"
        f"    url = 'sqlite+aiosqlite:///{db}'\n"
        "    await upgrade(url)\n"
        "    db = Database(url)\n"
        "    async with db.transaction() as s:\n"
        "        await build_record(s)\n"
        "    await db.dispose()\n"
        "asyncio.run(main())\n"
    )
    subprocess.run([sys.executable, "-c", seed], check=True, cwd=ROOT, env=env, timeout=120)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot.cli",
            "ask",
            "--json",
            "what was decided about FACT last year?",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["answer"].startswith("**Decisions about “FACT”")
    assert [h["text"] for h in out["hits"]] == [FACT_TEAM_TEXT]
    assert out["hits"][0]["date"] == "2025-04-03" and out["hits"][0]["paragraph"] == "punkt 5"
    plain = subprocess.run(
        [sys.executable, "-m", "bot.cli", "ask", "vad beslutades om kärnkraft?"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert plain.returncode == 0 and plain.stdout.startswith("Inga beslut hittades")

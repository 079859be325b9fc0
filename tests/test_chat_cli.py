"""`samverkansbot chat` with stdin not a terminal: each line is a message, replies printed."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

SETTINGS_ENV = (
    "MicrosoftAppId",
    "MicrosoftAppPassword",
    "MicrosoftAppType",
    "MicrosoftAppTenantId",
    "DATABASE_URL",
    "ALLOWED_TENANTS",
    "DEFAULT_TENANT",
    "PORT",
    "LOG_LEVEL",
    "PUBLIC_URL",
    "MIGRATE_ON_START",
)


def run_chat(tmp_path: Path, stdin: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS_ENV}
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'x.db'}", PYTHONIOENCODING="utf-8", PYTHONUTF8="1"
    )
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "chat", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,
        timeout=60,
    )


def processed(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT conversation_id, activity_id FROM processed_activity ORDER BY id"
        ).fetchall()


@pytest.fixture(scope="module")
def chat_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    tmp = tmp_path_factory.mktemp("chat")
    return tmp, run_chat(tmp, "hjälp\n[Anna Burston] hjälp\n\n[Mats Wennstig]   help\n")


def test_help_is_printed(chat_run: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    tmp, proc = chat_run
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    # Three messages (the empty line is nothing): twice Swedish help, once English.
    assert out.count("Samverkansbot — kommandon") == 2, out
    assert out.count("Samverkansbot — commands") == 1, out
    assert "hjälp [närvaro | beslut | …]" in out and "Visa kommandona" in out
    assert "Förlåt" not in out and "Traceback" not in proc.stderr
    # Not a terminal: no prompt or banner, replies only.
    assert "Ctrl-D" not in out and "> " not in out.splitlines()[0]
    # The same record as `serve`: the turns went through the database.
    rows = processed(tmp / "x.db")
    assert len(rows) == 3
    assert {conv for conv, _ in rows} == {"console:local"}


def test_speaker_prefix_is_not_part_of_the_message(
    chat_run: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    # "[Anna Burston] hjälp" is Anna saying `hjälp`: had the prefix stayed in the text, the line
    # would be a question, not the help.
    _, proc = chat_run
    blocks = [b for b in proc.stdout.split("\n\n") if b.strip().startswith("Samverkansbot —")]
    assert len(blocks) == 3, proc.stdout
    assert "Anna Burston" not in proc.stdout and "Mats Wennstig" not in proc.stdout


def test_as_and_tenant_options(tmp_path: Path) -> None:
    proc = run_chat(
        tmp_path,
        "help\n",
        "--as",
        "Anna Burston",
        "--tenant",
        "72f988bf-0000-4000-8000-000000000001",
    )
    assert proc.returncode == 0, proc.stderr
    assert "Samverkansbot — commands" in proc.stdout
    assert processed(tmp_path / "x.db")[0][0] == "console:72f988bf-0000-4000-8000-000000000001"

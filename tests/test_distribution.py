"""'Protokollet ska skickas till' and the letterhead: set in the chat or brought by an import,
printed in the minutes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.shared import SEED_004

ROOT = Path(__file__).resolve().parents[1]


def run(args: list[str], db: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "MicrosoftAppId": "",
        "DEFAULT_TENANT": "local",
    }
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_body_list_meeting_override_and_refusal(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    out = run(
        ["chat"],
        db,
        (
            "[Mats Wennstig] organ: LSVO ledningsgrupp (LSVO)\n"
            "[Mats Wennstig] organ sändlista: Ledamöter i LSVO; Kommunernas registratorer\n"
            "[Mats Wennstig] organ brevhuvud: Samverkan Blekinge – Hälsa, vård, lärande och social välfärd\n"
            "[Anna Karlsson] organ sändlista: Alla\n"
            "[Mats Wennstig] öppna mötet: 4 juni 2021\n"
            "[Mats Wennstig] § 1 Mötets öppnande\n"
            "[Mats Wennstig] avsluta mötet\n"
        ),
    )
    assert (
        "Sändlista för LSVO ledningsgrupp: Ledamöter i LSVO; Kommunernas registratorer."
        in out.stdout
    )
    assert "Det får bara administratörer för LSVO ledningsgrupp göra" in out.stdout
    minutes = run(["minutes", "1", "--format", "md"], db).stdout
    assert "Protokollet ska skickas till" in minutes
    assert "Kommunernas registratorer" in minutes and "Alla" not in minutes
    assert "Samverkan Blekinge – Hälsa, vård, lärande och social välfärd" in minutes

    run(["chat", "--as", "Mats Wennstig"], db, "sändlista: Styrgruppen\n")
    minutes = run(["minutes", "1", "--format", "md"], db).stdout
    assert "Styrgruppen" in minutes.split("Protokollet ska skickas till")[1]
    assert "Kommunernas registratorer" not in minutes


def test_import_brings_the_seeds_recipients_and_letterhead(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    assert run(["import", str(SEED_004), "--yes"], db).returncode == 0
    minutes = run(["minutes", "1", "--format", "md"], db).stdout
    recipients = minutes.split("Protokollet ska skickas till")[1]
    lines = [line.removeprefix("- ").strip() for line in recipients.splitlines() if line.strip()]
    assert lines[:5] == [
        "Diariet",
        "Ledamöter",
        "Sammanställande i verksamhetsgrupperna",
        "Peter Lilja",
        "Lars Ericsson",
    ]
    assert "Samverkan Blekinge" in minutes.split("LSVO ledningsgrupp")[0]

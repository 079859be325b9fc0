"""After justering nothing is silently rewritten: amendments and withdrawals are corrections
with a reason, shown in the minutes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


SETUP = """\
[Mats Wennstig] organ: LSVO ledningsgrupp (LSVO)
[Mats Wennstig] organ ledamöter: Bodil Sundlöf, Region Blekinge; Tina Johansson, Laxå kommun
[Mats Wennstig] öppna mötet: 4 juni 2021
[Mats Wennstig] § 117 FoU-avtal 2022-
[Mats Wennstig] beslut: att avtalet som helhet beslutas vid mötet 210611
[Mats Wennstig] § 118 Länsdialoger
[Mats Wennstig] beslut: att informationen noteras
[Mats Wennstig] avsluta mötet
[Mats Wennstig] justerare: Tina Johansson
[Mats Wennstig] justerat: 2021-06-14 via e-post
"""


def test_changes_after_justering_need_a_reason_and_show_as_corrections(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    setup = run(["chat"], db, SETUP)
    assert setup.returncode == 0, setup.stderr
    # `justerare:` works after the meeting closed (the justerare is often named then).
    assert "Tina Johansson" in setup.stdout.split("avslutat")[-1]

    out = run(
        ["chat", "--as", "Mats Wennstig"],
        db,
        "ändra beslut § 117 2021: att avtalet beslutas i september\n",
    )
    assert "är justerat, så ändringen blir en rättelse" in out.stdout
    out = run(["chat", "--as", "Mats Wennstig"], db, "ångra § 118 2021\n")
    assert "Ange skälet" in out.stdout

    out = run(
        ["chat", "--as", "Mats Wennstig"],
        db,
        "ändra beslut § 117 2021: att avtalet beslutas i september; skäl: fel mötesdatum i beslutet\n"
        "ångra § 118 2021; skäl: paragrafen hörde till ett annat möte\n",
    )
    assert "**att** avtalet beslutas i september" in out.stdout
    assert "återtaget" in out.stdout

    minutes = run(["minutes", "1", "--format", "md"], db)
    assert minutes.returncode == 0, minutes.stderr
    text = minutes.stdout
    assert "Rättelser" in text
    assert "Beslutet i § 117 ändrat till: att avtalet beslutas i september" in text
    assert "fel mötesdatum i beslutet" in text
    assert "Beslutet i § 118 återtaget: att informationen noteras" in text
    assert "paragrafen hörde till ett annat möte" in text
    # The amended wording stands in § 117; the old one is only in the audit trail.
    assert "att avtalet som helhet beslutas vid mötet 210611" not in text.split("Rättelser")[0]

    history = run(["chat", "--as", "Mats Wennstig"], db, "historik § 117 2021\n")
    assert (
        "att avtalet som helhet beslutas vid mötet 210611 → att avtalet beslutas i september"
        in history.stdout
    )


def test_before_justering_no_reason_is_needed(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    out = run(
        ["chat"],
        db,
        SETUP.split("[Mats Wennstig] avsluta mötet")[0]
        + "[Mats Wennstig] ändra beslut § 117: att avtalet beslutas i september\n",
    )
    assert "**att** avtalet beslutas i september" in out.stdout
    assert "rättelse" not in out.stdout

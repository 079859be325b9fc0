"""The attendance and decision flows in `samverkansbot chat` (issues 3 and 4): the LSVO meeting
of 2021-06-04 typed into the local console by several speakers, asserted on what it prints and
on the SQLite database it wrote."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests import seed004

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
SELF = ["Bodil Sundlöf", "Cecilia Grefve-Lang", "Maria Appelskog", "Patrik Håkansson"]
MARKER = "organ"  # prints which body this is: a line between the parts of the transcript
MARKER_REPLY = (
    "Den här konversationen hör till **LSVO ledningsgrupp** (LSVO). "
    "§-numrering per år, form protokoll."
)


def script() -> str:
    others = [e for e in seed004.PRESENT if seed004.name_of(e) not in [*SELF, "Kjell Ivarsson"]]
    register = [
        e if seed004.name_of(e) in [*SELF, "Kjell Ivarsson"] else seed004.name_of(e)
        for e in seed004.MEMBERS
    ]
    lines = [
        "organ: LSVO ledningsgrupp (LSVO)",
        "organ ledamöter: " + "; ".join(register),
        "öppna mötet: Sammanträde 4 juni 2021",
        MARKER,
        "[Bodil Sundlöf] närvarande",
        "[Cecilia Grefve-Lang] här",
        "[Maria Appelskog] närvarande",
        "[Patrik Håkansson] jag är här",
        "[Bodil Sundlöf] närvarande",
        "[Kjell Ivarsson] present",
        MARKER,
        "närvarande: " + "; ".join(others[:5]),
        "närvarande: " + "; ".join(others[5:]),
        "frånvarande: " + "; ".join(seed004.ABSENT),
        "[Kjell Ivarsson] ordförande: Kjell Ivarsson",
        "ordförande: Bodil Sundlöf",
        f"sekreterare: {seed004.SECRETARY}",
        "närvarande: Maria",
        "närvarolista",
        MARKER,
    ]
    for i, p in enumerate(seed004.PARAGRAPHS):
        lines.append(seed004.heading_command(p))
        block = p.phrase and i % 2 == 0
        # One message over several lines: the console reads "\n" as a line break.
        lines.append(
            seed004.block_command(p).replace("\n", "\\n") if block else seed004.colon_command(p)
        )
    lines.append(MARKER)
    lines += [f"[Kjell Ivarsson] visa § {p.number}" for p in seed004.PARAGRAPHS]
    lines += [
        MARKER,
        "ändra beslut § 116: att samverkansgrupp vuxna tar fram förslag; att rekryteringen väntar",
        "historik § 116",
        "§ 117",
        "sekretess",
        "[Olle Utomstående] visa § 117",
        "§ 118",
        "jäv: Kjell Ivarsson",
        "uppdrag: Cecilia Grefve-Lang kontaktar Jesper Ekberg på SKR och återkopplar till LSVO 3 september",
        "uppdrag: Maria Appelskog ordnar transporten senast när det passar",
        "[Cecilia Grefve-Lang] mina uppdrag",
        "[Kjell Ivarsson] beslut: att Kjell bestämmer",
        "beslut:",
        "beslut: att",
        "avsluta mötet",
        "[Carina Andersson] närvarande",
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def transcript(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    tmp = tmp_path_factory.mktemp("chat_flows")
    db = tmp / "lsvo.db"
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS_ENV}
    env.update(DATABASE_URL=f"sqlite:///{db}", PYTHONIOENCODING="utf-8", PYTHONUTF8="1")
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli", "chat", "--as", "Mats Wennstig"],
        input=script(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "Förlåt" not in proc.stdout, proc.stdout
    return proc.stdout, db


def part(out: str, n: int) -> str:
    """The n-th stretch of the transcript between MARKER replies (0: before the first)."""
    parts = out.split(MARKER_REPLY)
    assert len(parts) == 6, out
    return parts[n]


def blocks(text: str) -> list[str]:
    return [b.strip() for b in text.split("\n\n") if b.strip()]


def card_sections(card: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    head = None
    for line in card.split("\n"):
        m = re.fullmatch(r"\*\*(.+)\*\*", line)
        if m:
            head = m.group(1)
            out[head] = []
        elif head and line.startswith("- "):
            out[head].append(line[2:])
        else:
            head = None
    return out


def test_attendance_in_chat(transcript: tuple[str, Path]) -> None:
    out, db = transcript
    checkins = blocks(part(out, 1))
    # A check-in says nothing but the card; Kjell's `present` gets it in English.
    cards = [b for b in checkins if b.startswith(("Närvaro – ", "Attendance – "))]
    assert len(cards) == len(checkins) == 6, checkins
    assert cards[-1].startswith("Attendance – LSVO ledningsgrupp 2021-06-04\nPresent: 6")
    assert cards[-2] == cards[-3]  # Bodil again: nothing changed

    registered = part(out, 2)
    assert (
        "Det får bara mötets ordförande och sekreterare eller organets administratörer göra. "
        "Inget ändrades." in registered
    )
    assert (
        "Vem menar du med Maria? Det kan vara Maria Appelskog, Maria Arvidsson-Karlsson."
        in registered
    )
    final = [b for b in blocks(registered) if b.startswith("Närvaro – ")][-1]
    got = {head: sorted(lines) for head, lines in card_sections(final).items()}
    assert got == {
        "Ordförande": [seed004.CHAIR],
        "Ledamöter": sorted(seed004.PRESENT[1:]),
        "Sekreterare": [seed004.SECRETARY],
        "Frånvarande": sorted(seed004.ABSENT),
    }, final
    assert "Närvarande: 15" in final and "Beslutförhet: 14 av 21 ledamöter – beslutfört" in final

    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT p.display_name, p.organisation, a.status, a.source FROM attendance a "
            "JOIN person p ON p.id = a.person_id"
        ).fetchall()
        chair, secretary = conn.execute(
            "SELECT c.display_name, s.display_name FROM meeting m "
            "JOIN person c ON c.id = m.chair_person_id JOIN person s ON s.id = m.secretary_person_id"
        ).fetchone()
        people = conn.execute("SELECT count(*) FROM person").fetchone()[0]
    present = {f"{n}, {o}" for n, o, s, _ in rows if s == "present"}
    absent = {f"{n}, {o}" for n, o, s, _ in rows if s == "absent"}
    assert present == {*seed004.PRESENT, seed004.SECRETARY}
    assert absent == set(seed004.ABSENT)
    assert {src for *_, src in rows} == {"console"}
    assert (chair, secretary) == ("Bodil Sundlöf", "Mats Wennstig")
    assert people == 21 + 1  # the members and the secretary: check-ins found their people


def test_decisions_in_chat(transcript: tuple[str, Path]) -> None:
    out, db = transcript
    recorded = part(out, 3)
    for p in seed004.PARAGRAPHS:
        assert f"**§ {p.number} {p.title}** är öppnad." in recorded
    shown = part(out, 4)
    headers = [
        f"**LSVO ledningsgrupp 2021-06-04 — § {p.number} {p.title}**" for p in seed004.PARAGRAPHS
    ]
    for i, p in enumerate(seed004.PARAGRAPHS):
        start = shown.index(headers[i])
        end = shown.index(headers[i + 1]) if i + 1 < len(headers) else len(shown)
        text = shown[start:end]
        clauses = [
            ln.removeprefix("**att** ") for ln in text.split("\n") if ln.startswith("**att** ")
        ]
        assert clauses == list(p.clauses), text
        assert f"**{seed004.PHRASE}**" in text
        if p.presenters:
            assert f"Föredragande: {p.presenters}" in text

    rest = part(out, 5)
    assert "**att** samverkansgrupp vuxna tar fram förslag\n**att** rekryteringen väntar" in rest
    old = "; ".join(f"att {c}" for c in seed004.PARAGRAPHS[3].clauses)
    assert f"decision.amend: {old} → att samverkansgrupp vuxna tar fram förslag" in rest
    assert "Mats Wennstig (console)" in rest
    assert (
        "**LSVO ledningsgrupp 2021-06-04 — § 117 Sekretess**\n"
        "Paragrafen omfattas av sekretess och visas bara för organets ledamöter." in rest
    )
    assert seed004.PARAGRAPHS[4].clauses[0] not in rest.split("§ 117 Sekretess")[1]
    assert (
        "Kjell Ivarsson deltar inte i handläggningen av § 118 (jäv). Beslutförhet i paragrafen: 13 av 21."
        in rest
    )
    assert "klart 2021-09-03 (3 september)" in rest
    assert (
        "Jag kunde inte läsa slutdatumet ”senast när det passar”; det sparas som det står." in rest
    )
    assert (
        "**Dina öppna uppdrag** (1)" in rest
        and "Cecilia Grefve-Lang: kontaktar Jesper Ekberg" in rest
    )
    assert "Det får bara mötets ordförande och sekreterare" in rest  # Kjell's `beslut:`
    assert "Beslutet saknar text. Skriv beslutet som det står i protokollet" in rest
    assert "`beslut: att …; att …`" in rest
    # A decision without "att" is stored as written (issue 13); a bare "att" is refused.
    assert "En beslutssats består bara av ”att”." in rest
    assert "Mötet 2021-06-04 är avslutat." in rest
    assert rest.rstrip().endswith(
        "Inget möte är öppet här. Öppna det med `öppna mötet` (eller `öppna mötet: Sammanträde 4 juni`)."
    )

    with sqlite3.connect(db) as conn:
        numbers = [n for (n,) in conn.execute("SELECT number FROM item ORDER BY number")]
        statuses = conn.execute(
            "SELECT i.number, d.status, d.source FROM decision d JOIN item i ON i.id = d.item_id "
            "ORDER BY d.id"
        ).fetchall()
        confidential = conn.execute("SELECT number FROM item WHERE confidential").fetchall()
        assignments = conn.execute("SELECT count(*) FROM assignment").fetchone()[0]
    assert numbers == list(range(113, 124))
    assert len(statuses) == 12  # 11 decisions and the amended § 116's new wording
    assert [s for n, s, _ in statuses if n == 116] == ["amended", "valid"]
    assert {src for *_, src in statuses} == {"console"}
    assert confidential == [(117,)]
    assert assignments == 2

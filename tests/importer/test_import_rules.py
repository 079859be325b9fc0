"""Rules every import follows whatever the minutes look like: encodings read without mojibake,
personnummer masked and listed, secret § imported as sekretess, a body name never refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogs.importer import parse_minutes, read_bytes, read_document
from dialogs.importer.store import choose_body_name, summary

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.mark.parametrize(
    ("name", "encoding", "warning"),
    [
        ("cp1252-minutes.txt", "cp1252", "Filen var inte UTF-8; den lästes som cp1252."),
        # No byte in 0x80–0x9F: latin-1 and cp1252 read it the same, and correctly.
        ("latin1-minutes.txt", "latin-1", "Filen var inte UTF-8; den lästes som cp1252."),
        ("utf8-bom-minutes.txt", "utf-8-sig", None),
    ],
)
def test_legacy_encodings_read_without_mojibake(name: str, encoding: str, warning: str) -> None:
    raw = (FIXTURES / name).read_bytes()
    result = read_document(FIXTURES / name)
    assert result.text == raw.decode(encoding)
    assert not any(bad in result.text for bad in ("Ã", "â€", "\ufeff", "\ufffd"))
    assert result.warnings == ([warning] if warning else [])
    minutes = parse_minutes(result.text, name)
    assert minutes.people and all("Ã" not in p.name for p in minutes.people)
    assert minutes.items


def test_cp1252_punctuation_survives() -> None:
    text = read_document(FIXTURES / "cp1252-minutes.txt").text
    assert "välkomna – även de nya ”ersättarna”…" in text
    assert "Åsa Öberg" in text


def test_utf8_with_and_without_bom_read_the_same() -> None:
    with_bom = (FIXTURES / "utf8-bom-minutes.txt").read_bytes()
    assert with_bom.startswith(b"\xef\xbb\xbf")
    assert read_bytes(with_bom, "a.txt").text == read_bytes(with_bom[3:], "a.txt").text


MINUTES_WITH_PERSONNUMMER = """Protokoll fört vid styrelsens sammanträde 2023-02-01

Närvarande: Anna Berg, Bertil Ek

§ 1 Val av revisor
Till revisor valdes Cecilia Dahl (19850101-1234). Ersättare Dan Ek, 850202-5678.

§ 2 Övrigt
Ring 070-1234567 eller 0701234567 för frågor. Nästa möte 2023-03-01.
"""


def test_personnummer_are_masked_and_listed_in_the_summary() -> None:
    minutes = parse_minutes(MINUTES_WITH_PERSONNUMMER, "p.txt")
    everything = repr(minutes)
    assert "1234" not in everything.replace("070-1234567", "").replace("0701234567", "")
    assert "5678" not in everything
    assert "XXXXXXXX-XXXX" in minutes.items[0].text
    assert "XXXXXX-XXXX" in minutes.items[0].text
    assert minutes.personnummer_lines == [6, 6]
    # Phone numbers are not personnummer.
    assert "070-1234567" in minutes.items[1].text
    read = read_bytes(MINUTES_WITH_PERSONNUMMER.encode(), "p.txt")
    text = summary(minutes, read)
    assert "Personnummer maskerades (2 st.): rad 6, rad 6; de sparas inte." in text
    english = summary(minutes, read, lang="en")
    assert "Personal identity numbers masked; they are not stored (line 6, line 6)." in english


SECRET = """Protokoll socialnämndens arbetsutskott 2022-05-04

Närvarande: Anna Berg, Bertil Ek

§ 10 Individärende
Sekretess enligt OSL 26 kap. 1 §. Arbetsutskottet beslutar enligt förslag.

§ 11 Budget
Arbetsutskottet beslutar att godkänna budgeten.

§ 12 Placering
Sekretessbelagd uppgift. Beslut: bifalles.

§ 13 Skyddat boende
Uppgifterna omfattas av 25 kap. 1 § offentlighets- och sekretesslagen.
"""


def test_a_paragraph_marked_secret_is_imported_as_sekretess() -> None:
    minutes = parse_minutes(SECRET, "s.txt")
    assert [(i.number, i.confidential) for i in minutes.items] == [
        ("10", True),
        ("11", False),
        ("12", True),
        ("13", True),
    ]
    text = summary(minutes, read_bytes(SECRET.encode(), "s.txt"))
    assert "Sekretess: § 10, § 12, § 13 sparas som sekretess-§." in text


def test_body_name_is_never_a_reason_to_refuse() -> None:
    nameless = parse_minutes("§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n", "x.txt")
    assert nameless.body_name is None
    assert choose_body_name(nameless, "Styrgruppen") == ("Styrgruppen", "given")
    assert choose_body_name(nameless, None, folder="Styrgrupp närvård") == (
        "Styrgrupp närvård",
        "folder",
    )
    asked: list[str | None] = []

    def ask(default: str | None) -> str | None:
        asked.append(default)
        return "Ledningsgruppen"

    assert choose_body_name(nameless, None, folder="protokoll", ask=ask) == (
        "Ledningsgruppen",
        "terminal",
    )
    assert asked == ["protokoll"]
    assert choose_body_name(nameless, None) == ("Okänt organ", "none")
    titled = parse_minutes("Protokoll Socialnämnden 2017-09-20\n\n§ 1 Upprop\nText.\n", "y.txt")
    assert choose_body_name(titled, None, folder="f") == ("Socialnämnden", "title")
    # --body still wins over the document.
    assert choose_body_name(titled, "Annat organ", folder="f") == ("Annat organ", "given")
    read = read_bytes(b"x", "y.txt")
    assert "Organ: Socialnämnden – namnet från protokollets titelrad" in summary(titled, read)


def test_what_cannot_be_placed_is_listed_under_osakert() -> None:
    text = "Lite text\nutan rubriker eller datum\n"
    minutes = parse_minutes(text, "x.txt")
    assert minutes.leftover_text
    summary_sv = summary(minutes, read_bytes(text.encode(), "x.txt"))
    osakert = summary_sv.split("Osäkert:\n", 1)[1]
    assert "- 2 rader kunde inte placeras; de sparas som mötets text och är sökbara." in osakert

"""Rules that batch 29 of real excerpts (tests/importer/real/complete/real_370–375: minutes of a
kommunalförbund's direktion, association boards, an annual meeting and a federation's web
report) asked for, each on a short text of our own with invented names."""

from __future__ import annotations

from dialogs.importer import parse_minutes
from dialogs.importer.model import ParsedItem

HEAD = "Protokoll 2024-03-12\n\nNärvarande: Maja Holm, Tor Berg, Lisa Sand\n\n"


def _items(text: str) -> list[ParsedItem]:
    return parse_minutes(text, "protokoll.txt").items


def _decisions(text: str) -> dict[str | None, list[str]]:
    return {item.number: [d.text for d in item.decisions] for item in _items(text)}


def test_flattened_decision_column_runs_in_as_capital_att() -> None:
    # A two-column protocol flattened into one run: the decision column's "Att …" follows the
    # text's last sentence, before a named subject, after a dash, or in the middle of the text
    # when it opens with a deciding infinitive (real/complete 372).
    text = (
        "Styrelseprotokoll nr 3/24 Närvarande: Maja Holm, ordf. Tor Berg Lisa Sand "
        "12 Mötets öppnande Ordföranden öppnar mötet. Att fastställa dagordningen "
        "13 Val av protokolljusterare Att Lisa Sand justerar protokollet "
        "14 Föregående protokoll Inga frågor. Punkten tas upp senare. - att lägga protokoll 2 till "
        "handlingarna. "
        "15 Årsmötet Genomgång av motionerna. Att ge ombuden fria händer vid årsmötet. "
        "16 Tröjor Nya tröjor behövs. Att ge kansliet i uppdrag att ta fram ett förslag på "
        "tröjor. En kalkyl ska tas fram till nästa möte.\n"
    )
    items = {item.number: item for item in _items(text)}
    assert items["13"].title == "Val av protokolljusterare"
    said = {n: [d.text for d in item.decisions] for n, item in items.items()}
    assert said["12"] == ["Att fastställa dagordningen"]
    assert said["13"] == ["Att Lisa Sand justerar protokollet"]
    assert said["14"][0].startswith("att lägga protokoll 2 till handlingarna")
    assert said["15"][0].startswith("Att ge ombuden fria händer vid årsmötet")
    assert said["16"][0].startswith("Att ge kansliet i uppdrag att ta fram")
    # A statement that opens with "Att" and has a finite verb of its own decides nothing.
    statement = _decisions(
        HEAD + "1. Årsmötet\n\nAtt ge barnen en trygg miljö är viktigt. Vi talade om det.\n\n"
        "2. Övrigt\n\nInget.\n"
    )
    assert statement["1"] == []


def test_meeting_found_duly_called_is_a_decision() -> None:
    # An annual meeting's formal finding, in the passive (real/complete 373); the opening
    # "förklarades öppnat" decides nothing.
    said = _decisions(
        HEAD + "1. Ordföranden förklarade mötet öppnat.\n2. Mötet förklarades behörigt utlyst.\n"
        "3. Dagordningen godkändes.\n"
    )
    assert said["2"] == ["Mötet förklarades behörigt utlyst."]
    assert said["1"] == []

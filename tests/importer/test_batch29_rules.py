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
    mid_text = _decisions(
        HEAD + "1. Planen\n\nVi läste planen. Att anta planen innebär nya kostnader. Vi "
        "återkommer.\n\n2. Övrigt\n\nInget.\n"
    )
    assert mid_text["1"] == []


def test_meeting_found_duly_called_is_a_decision() -> None:
    # An annual meeting's formal finding, in the passive (real/complete 373); the opening
    # "förklarades öppnat" decides nothing.
    said = _decisions(
        HEAD + "1. Ordföranden förklarade mötet öppnat.\n2. Mötet förklarades behörigt utlyst.\n"
        "3. Dagordningen godkändes.\n"
    )
    assert said["2"] == ["Mötet förklarades behörigt utlyst."]
    assert said["1"] == []


def _names(text: str) -> list[str]:
    return [p.name for p in parse_minutes(text, "protokoll.txt").people]


def test_two_particles_and_stierna_surnames_stay_in_the_name() -> None:
    # A flattened list of members without separators keeps "van der" inside one name
    # (real/complete 372); "-stierna"/"-tierna" ends a surname, no group in the definite
    # plural (real/complete 373), while "Seniorerna" still names a group.
    flat = _names(
        "Styrelseprotokoll nr 3/24 Plats: Kansliet Närvarande: Maja Holm, ordf. Tor Berg "
        "Anna Lund Mia van der Linden Sara Ek Per Dahl Anmält förhinder: Eva Sand "
        "12 Mötets öppnande Ordföranden öppnar mötet.\n"
    )
    assert "Mia van der Linden" in flat
    assert "Mia van" not in flat
    listed = _names(
        "Protokoll årsmöte 2024-03-12\n\nNärvarande: Eva Sand, Karl von Gyllenstierna, "
        "Tor Berg\n\n1. Mötets öppnande\n"
    )
    assert listed == ["Eva Sand", "Karl von Gyllenstierna", "Tor Berg"]


def test_tar_ett_snack_med_is_a_task() -> None:
    # "Bjarne tar ett snack med Tommy Hegestrand om detta" (a club's board, real/complete 374).
    items = _items(
        HEAD + "§1 Sponsor\nEn firma vill sponsra provet. Tor tar ett snack med Olle Ek om "
        "detta.\n\n§2 Nästa möte\nNästa möte blir den 2/11.\n"
    )
    tasks = [(a.assignees, a.what) for item in items for a in item.assignments]
    assert tasks == [(["Tor"], "tar ett snack med Olle Ek om detta")]


def test_numbered_line_with_a_sentence_fills_the_gap_in_a_chain() -> None:
    # An annual meeting whose numbered lines are their own decisions: "3. Title. Sentence"
    # between 2 and 4 is item 3, its title the first sentence (real/complete 373). A lone
    # "N. Sentence. Sentence" elsewhere stays text.
    items = _items(
        HEAD + "1. Mötets öppnande\n2. Val av ordförande för mötet\n"
        "3. Val av 2 justerare. Till justerare valdes Tor Berg och Lisa Sand.\n"
        "4. Mötet förklarades behörigt utlyst.\n5. Dagordningen godkändes.\n"
    )
    assert [(i.number, i.title) for i in items][:4] == [
        ("1", "Mötets öppnande"),
        ("2", "Val av ordförande för mötet"),
        ("3", "Val av 2 justerare"),
        ("4", "Mötet förklarades behörigt utlyst"),
    ]
    assert [d.text for d in items[2].decisions] == ["Till justerare valdes Tor Berg och Lisa Sand."]
    text_only = _items(
        HEAD + "1. Mötets öppnande\n\nVi gick igenom listan:\n"
        "7. Ny skylt. Den sattes upp i maj.\n\n2. Övrigt\n\nInget.\n"
    )
    assert [i.number for i in text_only] == ["1", "2"]


def test_bullets_with_item_numbers_and_letters_are_items() -> None:
    # A web report's " • 2a Title" bullets over "Förbundsstyrelsen beslutar" and "- …" lines
    # (real/complete 375).
    items = _items(
        "Rapport från styrelsemöte 1/2024 som genomfördes den 25 januari 2024.\n\n"
        " • 2a Budget 2024\n\nKassören föredrar budgeten.\n\nFörbundsstyrelsen beslutar\n\n"
        "- godkänna budgeten för 2024\n\n"
        " • 2b Verksamhetsplan\n\nFörbundsstyrelsen beslutar\n\n"
        "- att ge GS i uppdrag att ta fram en verksamhetsplan.\n\n"
        " • 3 Ledarsatsningen\n\nInformation lämnades.\n"
    )
    assert [(i.number, i.title) for i in items] == [
        ("2a", "Budget 2024"),
        ("2b", "Verksamhetsplan"),
        ("3", "Ledarsatsningen"),
    ]
    assert items[0].decisions and items[1].decisions
    assert [a.assignees for a in items[1].assignments] == [["GS"]]


def test_contents_titles_the_cut_page_never_reached_are_items() -> None:
    # A web protocol's contents list of titles with page numbers and no item numbers above
    # numbered items that stop (the page cut short): the listed matters after the last item
    # are items without number; its attendance and signature pages are none (real/complete
    # 370). A list the items do not repeat stays out.
    head = "Direktionens protokoll 2024-01-18\n\nNärvarande: Maja Holm, Tor Berg\n\n"
    contents = (
        "Innehållsförteckning\n\nVal av justerare 3\nFastställande av dagordning 4\n\n"
        "Val av ordförande 5\n\nVal av revisorer 6\n\nNärvarolista 7\n\nDigitala signaturer 8\n\n"
    )
    body = (
        "1. Val av justerare\n\nDirektionen beslutar att utse Tor Berg att justera.\n\n"
        "2. Fastställande av dagordning\n\nDirektionen beslutar att fastställa dagordningen.\n\n"
        "3. Val av ordförande\n\nFörslag till ordförande: Maja Holm.\n"
    )
    items = _items(head + contents + body)
    assert [(i.number, i.title) for i in items] == [
        ("1", "Val av justerare"),
        ("2", "Fastställande av dagordning"),
        ("3", "Val av ordförande"),
        (None, "Val av revisorer"),
    ]
    other = _items(head + contents.replace("Val av justerare 3", "Mötets öppnande 3") + body)
    assert [i.number for i in other] == ["1", "2", "3"]

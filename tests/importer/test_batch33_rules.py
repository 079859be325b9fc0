"""Rules that batch 33 of real excerpts (tests/importer/real/complete/real_410–414: the board
minutes of three associations and two annual meetings of a hackerspace) asked for, each on a
short text of our own with invented names and handles."""

from __future__ import annotations

from dialogs.importer import parse_minutes
from dialogs.importer.decisions import OwnBody, find_assignments, prose_decision
from dialogs.importer.model import ParsedItem, ParsedMinutes


def _parse(text: str) -> ParsedMinutes:
    return parse_minutes(text, "protokoll.txt")


def test_roll_of_member_handles_in_the_head() -> None:
    # A club's annual meeting lists its voters by their handles, one a bullet, under
    # "Röstlängd:", and those without a vote under "Icke röstberättigade:" (real/complete 414).
    minutes = _parse(
        "Årsmöte 2021\n\nMötet öppnades 2021-03-02 kl 19:00.\n\nRöstlängd:\n\n- qwerty\n"
        "- b-ost\n- k9\n- Lodjuret\n\nIcke röstberättigade:\n\n- visitorbot\n\n"
        "1. Val av mötesordförande\n\nAnna Ek valdes till mötesordförande.\n\n"
        "2. Övriga frågor\n\nInga.\n"
    )
    people = {p.name: (p.status, p.roles) for p in minutes.people}
    assert people == {
        "qwerty": ("present", []),
        "b-ost": ("present", []),
        "k9": ("present", []),
        "Lodjuret": ("present", []),
        "visitorbot": ("present", ["ovrig"]),
    }


def test_bullets_that_are_no_handles_stay_out_of_the_roll() -> None:
    # A word that names an organisation, a role or a label is no member's handle.
    minutes = _parse(
        "Styrelsemöte 2021-03-02\n\nDeltagare:\n\n- Kansliet\n- sekreterare\n- Frånvarande\n\n"
        "1. Mötets öppnande\n\nMötet öppnades.\n"
    )
    assert [p.name for p in minutes.people] == []


def _item(minutes: ParsedMinutes, number: str) -> ParsedItem:
    return next(item for item in minutes.items if item.number == number)


def test_lead_in_ending_in_att_over_bullets_decides_each_bullet() -> None:
    # "Styrelsen beslutade att" closes its line without a colon, the clauses follow as "* "
    # bullets, the last one opening "Att" (real/complete 412).
    minutes = _parse(
        "Protokoll styrelsemöte 2022-05-10\n\nNärvarande: Eva Lund, Ola Berg\n\n"
        "1. Medlemsregister\nStyrelsen konstaterade att registret är gammalt.\n\n"
        "Styrelsen beslutade att\n* Byta till ett nytt register.\n"
        "* Kassören bör skicka ut en påminnelse.\n* Att webben ska ha en anmälningssida\n\n"
        "2. Övrigt\nInget.\n"
    )
    decided = " ".join(d.text for d in _item(minutes, "1").decisions).lower()
    for clause in (
        "byta till ett nytt register",
        "kassören bör skicka ut en påminnelse",
        "att webben ska ha en anmälningssida",
    ):
        assert clause in decided
    assert "registret är gammalt" not in decided


def test_sub_item_title_with_a_full_stop_inside_a_word() -> None:
    # "6.2 FFII.se": a web site's name as a sub-item's title (real/complete 412).
    minutes = _parse(
        "Protokoll styrelsemöte 2022-05-10\n\nNärvarande: Eva Lund, Ola Berg\n\n"
        "1. Mötets öppnande\n\nMötet öppnades.\n\n2. Dagordning\n\nDagordningen fastställdes.\n\n"
        "3. Övriga frågor\n\n3.1 Serverdrift\nOla berättade om servern.\n\n"
        "3.2 Klubben.se\nSidan är gammal.\n\n3.3 Rekrytering\nInget nytt.\n"
    )
    titles = {item.number: item.title for item in minutes.items}
    assert titles["3.2"] == "Klubben.se"
    assert titles["3.3"] == "Rekrytering"


def test_decision_with_the_verb_before_its_subject() -> None:
    # Verb second after an opening adverbial or subordinate clause (real/complete 414).
    own = OwnBody(names=["Styrelsen"])
    for sentence, phrase in (
        ("Efter en kort diskussion beslutade styrelsen att köpa en ny skrivare.", "Styrelsen"),
        ("Då kassan räcker så beviljar mötet avgående styrelse ansvarsfrihet.", "Mötet"),
        ("Därefter beslöt årsmötet att höja avgiften.", "Årsmötet"),
    ):
        decided = prose_decision(sentence, own)
        assert decided is not None and decided.phrase.startswith(phrase), sentence
    # An earlier meeting's decision, a proposal and another subject decide nothing here.
    for sentence in (
        "Förra året beslutade styrelsen att köpa en ny skrivare.",
        "I mars beslutade styrelsen att köpa en ny skrivare.",
        "Efter diskussion beslutade Anna att gå hem.",
    ):
        assert prose_decision(sentence, own) is None, sentence


def test_meeting_found_duly_called_in_other_words() -> None:
    own = OwnBody(names=[])
    for sentence in ("Mötet ansågs stadgeenligt utlyst", "Stämman fanns behörigen kallad."):
        assert prose_decision(sentence, own) is not None, sentence


def test_task_phrasings_of_a_board() -> None:
    # "får som uppgift att", "Uppdrag för alla att", "Steg 1: Name städar upp …"
    # (real/complete 410, 412).
    known = ["Lisa Holm", "Per Ek"]
    found = {
        sentence: [(a.assignees, a.what) for a in find_assignments(sentence, known)]
        for sentence in (
            "Lisa får som uppgift att jämföra två bokföringsprogram.",
            "Uppdrag för alla att tipsa om talare till årsmötet.",
            "Steg 1: Per städar upp förrådet före maj.",
        )
    }
    assert list(found.values()) == [
        [(["Lisa"], "jämföra två bokföringsprogram")],
        [(["alla"], "tipsa om talare till årsmötet")],
        [(["Per"], "städar upp förrådet före maj")],
    ]


def test_one_line_paragraphs_that_are_their_own_outcome() -> None:
    # A blog post's minutes, one line a paragraph: "§6 Dagordningen godkändes" decides in two
    # words; "§16 Mötet uppdrar åt styrelsen att …:" decides and hands out its task over the
    # list that follows (real/complete 413).
    minutes = _parse(
        "Årsmöte 2019\n\n§1 Mötet öppnades 2019-02-12 18:00\n\n§2 Dagordningen godkändes\n\n"
        "§3 Mötet uppdrar åt styrelsen att ta fram en plan för följande områden:\n"
        "- Kurser\n- Lokalen\n\n§4 Mötet avslutades 18:40\n"
    )
    assert [d.text for d in _item(minutes, "2").decisions] == ["Dagordningen godkändes"]
    third = _item(minutes, "3")
    assert [d.phrase for d in third.decisions] == ["Mötet uppdrar"]
    assert [(a.assignees, a.what) for a in third.assignments] == [
        (["styrelsen"], "ta fram en plan för följande områden")
    ]
    assert _item(minutes, "1").decisions == [] and _item(minutes, "4").decisions == []


def test_summary_before_an_announced_protocol_decides_nothing() -> None:
    # A blog post tells what the meeting did, then "Protokoll följer:" and the minutes; the
    # summary's "valdes … fastställdes" are the minutes' decisions told again (real/complete
    # 413).
    minutes = _parse(
        "Årsmöte avklarat\n\nI går höll klubben årsmöte. En ny styrelse valdes och budgeten "
        "fastställdes.\n\nProtokoll följer:\n\n§1 Mötet öppnades 2019-02-12 18:00\n\n"
        "§2 Anna Ek valdes till ordförande\n\n§3 Mötet avslutades 18:40\n"
    )
    assert [item.number for item in minutes.items] == ["1", "2", "3"]
    assert [d.text for d in _item(minutes, "2").decisions] == ["Anna Ek valdes till ordförande"]


def test_a_body_that_looks_into_a_matter_has_a_task() -> None:
    # "Styrelsen undersöker …" under Övriga frågor: work still to be done, with no time set
    # (real/complete 414); a body's habit ("Kansliet bokar ofta …") stays no task.
    tasks = find_assignments("Styrelsen ser över hyran för lokalen.", [])
    assert [(t.assignees, t.what) for t in tasks] == [(["Styrelsen"], "ser över hyran för lokalen")]
    assert find_assignments("Kansliet bokar ofta lokaler i förväg.", []) == []

"""Decisions and tasks in the layout of real/complete batch 26 (a working group's Markdown
notes: an agenda list, '## Närvarande', '## Anteckningar', '## Beslut'): each rule the batch
asked for, on short texts of our own."""

from __future__ import annotations

from dialogs.importer import parse_minutes
from dialogs.importer.model import ParsedMinutes

HEAD = (
    "# Agenda & mötesanteckningar 2022-03-04",
    "",
    "* Inledning",
    "* Testmiljön",
    "",
    "## Närvarande",
    "",
    "* Karin Holm",
    "* Olof Berg",
    "",
)


def _text(*lines: str) -> ParsedMinutes:
    return parse_minutes("\n".join([*HEAD, *lines]) + "\n")


def _decisions(minutes: ParsedMinutes) -> list[str]:
    return [d.text for i in minutes.items for d in i.decisions]


def _tasks(minutes: ParsedMinutes) -> list[tuple[list[str], str]]:
    return [(a.assignees, a.what) for i in minutes.items for a in i.assignments]


def test_each_paragraph_or_entry_under_a_beslut_heading_is_a_decision() -> None:
    """Under '## Beslut' each paragraph or bullet that stands alone is what was decided, a
    task too; the next meeting among them is none, nor a sentence inside a longer paragraph
    (real/complete 340, 341; real/items 45)."""
    minutes = _text(
        "## Anteckningar",
        "",
        "* Karin visade testmiljön för gruppen.",
        "",
        "## Beslut",
        "",
        "* Gruppen inför en gemensam testmiljö från april.",
        "",
        "* Olof skriver en instruktion för testmiljön.",
        "",
        "* Nästa möte - 2022-04-01, 10:00-11:00",
    )
    assert _decisions(minutes) == [
        "Gruppen inför en gemensam testmiljö från april.",
        "Olof skriver en instruktion för testmiljön.",
    ]
    minutes = _text(
        "## Beslut",
        "",
        "Alla anteckningar läggs ut på webben. Vi kom överens om att testerna körs varje "
        "vecka. Det gör arbetet lättare för alla.",
    )
    assert _decisions(minutes) == [
        "Vi kom överens om att testerna körs varje vecka.",
    ]


def test_we_decided_in_the_notes_is_the_meetings_decision() -> None:
    """'Vi beslutade att …' in a note bullet decides (real/complete 341, 343); 'Vi beslutade
    förra året att …' tells of an earlier one."""
    minutes = _text(
        "## Anteckningar",
        "",
        "* Karin gick igenom testmiljön.",
        "",
        "  - Vi beslutade att testmiljön ska ligga hos Olof.",
        "",
        "* Vi beslutade förra året att lägga testerna på hösten.",
    )
    assert _decisions(minutes) == ["Vi beslutade att testmiljön ska ligga hos Olof."]


def test_a_decision_after_men_in_the_same_sentence() -> None:
    """'X är intressant, men gruppen beslutade att …': the clause after 'men' is the decision,
    from its subject (real/complete 343)."""
    minutes = _text(
        "## Anteckningar",
        "",
        "* Mobilappar är intressanta, men gruppen beslutade att vänta med dem till nästa år.",
    )
    assert _decisions(minutes) == ["gruppen beslutade att vänta med dem till nästa år"]


def test_a_discussion_named_in_its_sentence_is_no_passive_decision() -> None:
    """'Diskussioner om … och hur … hanteras.' reports a discussion (real/complete 343)."""
    minutes = _text(
        "## Anteckningar",
        "",
        "* Diskussioner om testdata och hur personuppgifter hanteras.",
    )
    assert _decisions(minutes) == []


def test_what_the_group_came_to_over_indented_entries() -> None:
    """'Vid diskussionen om … kom gruppen fram till:' over indented entries: one decision with
    each entry, ending at the next entry further out; an entry's task is read, a purpose
    clause ('För att … ska …') names no owner (real/complete 342)."""
    minutes = _text(
        "## Anteckningar",
        "",
        "* Karin visade testmiljön.",
        "",
        "* Vid diskussionen om testmiljön kom gruppen fram till:",
        "",
        "   - Olof sätter upp en server för testerna.",
        "   ",
        "   - För att testerna ska kunna starta bör vi ha färdiga testfall i mars.",
        "",
        "* Karin berättade om konferensen i Lund.",
    )
    decisions = [d for i in minutes.items for d in i.decisions]
    assert len(decisions) == 1
    assert decisions[0].clauses == [
        "Olof sätter upp en server för testerna.",
        "För att testerna ska kunna starta bör vi ha färdiga testfall i mars.",
    ]
    assert _tasks(minutes) == [(["Olof"], "sätter upp en server för testerna")]


def test_a_request_to_everyone_is_a_task_for_alla() -> None:
    """'Karin bad alla läsa igenom …' hands everyone present a task (real/complete 341)."""
    minutes = _text(
        "## Anteckningar",
        "",
        "* Karin bad alla läsa igenom testplanen före nästa möte.",
    )
    assert _tasks(minutes)[0][0] == ["alla"]
    assert _tasks(minutes)[0][1].startswith("läsa igenom testplanen")


def test_the_opening_bullet_list_of_sectioned_notes_is_the_agenda() -> None:
    """Notes whose only headings are their sections ('## Anteckningar', '## Beslut') open with
    a bulleted list before the attendance: its entries are the items, a point under an entry
    belongs to it, a trailing colon goes (real/complete 340-343); a list under a label
    ('Deltagare:') is no agenda."""
    minutes = parse_minutes(
        "\n".join(
            [
                "# Mötesanteckningar 2022-03-04",
                "",
                "* Inledning",
                "* Testmiljön",
                "* Övriga frågor:",
                "  - lokal till hösten",
                "",
                "## Närvarande",
                "",
                "* Karin Holm",
                "* Olof Berg",
                "",
                "## Anteckningar",
                "",
                "* Karin visade testmiljön och berättade hur gruppen kan använda den.",
            ]
        )
        + "\n"
    )
    titles = [item.title for item in minutes.items]
    assert titles[:3] == ["Inledning", "Testmiljön", "Övriga frågor"]
    assert titles[3:] == ["Anteckningar"]
    labelled = parse_minutes(
        "\n".join(
            [
                "# Mötesanteckningar 2022-03-04",
                "",
                "Deltagare:",
                "* Karin Holm",
                "* Olof Berg",
                "",
                "## Anteckningar",
                "",
                "* Karin visade testmiljön och berättade hur gruppen kan använda den.",
            ]
        )
        + "\n"
    )
    assert [item.title for item in labelled.items] == ["Anteckningar"]


def test_agenda_and_notes_in_the_title_name_no_body() -> None:
    """'Agenda & mötesanteckningar 2021-03-04': the file's two kinds, no body's name; a name
    before them stays (real/complete 340-343)."""
    tail = "\n\n* Inledning\n* Testmiljön\n\n## Närvarande\n\n* Karin Holm\n"
    assert parse_minutes("# Agenda & mötesanteckningar 2021-03-04" + tail).body_name is None
    assert parse_minutes("# Agenda och anteckningar 2021-03-04" + tail).body_name is None
    named = parse_minutes("# Styrgruppen – agenda & anteckningar 2021-03-04" + tail)
    assert named.body_name == "Styrgruppen"

"""`hjälp` / `help`: a card grouped by task, the most used commands first, and `hjälp <task>`
for the rest, over the running bot and the stand-in connector."""

from __future__ import annotations

import json
from typing import Any

import pytest

import dialogs.commands  # noqa: F401  (registers every command)
from dialogs.cards import card_to_text
from dialogs.help import MOST_USED, find_task, help_card, task_card, tasks
from dialogs.registry import REGISTRY
from tests.harness.activities import conversation_id_of
from tests.harness.connector import StandInConnector
from tests.harness.server import BotServer


async def _ask(
    server: BotServer, connector: StandInConnector, text: str, where: str = "meeting", **kw: Any
) -> tuple[list[dict[str, Any]], list[str]]:
    act = server.activities.message(text, conversation=where, mention_bot=where != "personal", **kw)
    assert (await server.post(act))[0] == 200
    conv = conversation_id_of(act)
    await connector.wait_for(1, conv)
    sent = connector.sent(conv)
    return [c for r in sent for c in r.cards], [r.text for r in sent if r.text]


def _facts(card: dict[str, Any]) -> list[str]:
    return [f["title"] for el in card["body"] if el["type"] == "FactSet" for f in el["facts"]]


def _task_headings(card: dict[str, Any]) -> list[str]:
    return [
        el["text"].strip("*")
        for el in card["body"]
        if el["type"] == "TextBlock" and el["text"].startswith("**") and el["text"].endswith("**")
    ]


async def test_hjalp_in_a_meeting_is_a_card_with_attendance_first(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    [card], texts = await _ask(bot_server, connector, "hjälp")
    assert texts == []
    tasks_shown = _task_headings(card)
    assert tasks_shown[:3] == ["Närvaro", "Möte", "Paragrafer och beslut"]
    assert set(tasks_shown) == set(REGISTRY.groups())
    shown = _facts(card)
    assert shown[:2] == ["närvarande [: Namn, organisation; Namn …]", "närvarolista"]
    # A short card, not the whole list: at most three commands per task.
    assert len(shown) <= 3 * len(tasks_shown) < len(REGISTRY.commands)
    assert len(json.dumps(card, ensure_ascii=False).encode()) < 8_000
    text = card_to_text(card)
    assert "**hjälp närvaro**" in text and "**hjälp beslut**" in text


async def test_hjalp_in_a_personal_chat_starts_with_what_people_do_alone(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    [card], _ = await _ask(bot_server, connector, "hjälp", where="personal")
    shown = _facts(card)
    first = [title.split(" [")[0].split(":")[0] for title in shown[:4]]
    assert first == ["hjälp", "mina uppdrag", "uppdrag klart 12", "uppdrag"]
    assert "importera" in " ".join(shown[:8])


@pytest.mark.parametrize(
    ("topic", "heading", "includes"),
    [
        # Decisions as written, without "att" (issue 13).
        ("beslut", "Hjälp: Paragrafer och beslut", "beslut: Protokollet läggs till handlingarna."),
        ("närvaro", "Hjälp: Närvaro", "återbud: Namn; Namn"),
        ("narvaro", "Hjälp: Närvaro", "frånvarande: Namn; Namn"),
        ("paragraf", "Hjälp: Paragrafer och beslut", "historik § 116"),
        ("justering", "Hjälp: Protokoll", "skicka till justering"),
    ],
)
async def test_hjalp_with_a_task_lists_all_its_commands(
    bot_server: BotServer, connector: StandInConnector, topic: str, heading: str, includes: str
) -> None:
    [card], _ = await _ask(bot_server, connector, f"hjälp {topic}")
    assert card["body"][0]["text"] == heading
    titles = _facts(card)
    assert includes in titles
    group = find_task(topic)
    assert group is not None
    assert len(titles) == len(REGISTRY.groups()[group])


async def test_help_in_english_is_english(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    [card], _ = await _ask(bot_server, connector, "help", locale="en-US")
    assert card["body"][0]["text"] == "Samverkansbot — commands"
    assert _task_headings(card)[:3] == ["Attendance", "Meeting", "Paragraphs and decisions"]
    # English placeholders too (issue 10 names Swedish placeholders in the English help).
    assert _facts(card)[:2] == ["present [: Name, organisation; Name …]", "attendance"]
    text = card_to_text(card)
    for swedish in ("kommandon", "hjälp", "till:", "Närvaro", "uppgift", "fråga"):
        assert swedish not in text, swedish

    [card2], _ = await _ask(
        bot_server, connector, "help decisions", where="channel", locale="en-US"
    )
    assert card2["body"][0]["text"] == "Help: Paragraphs and decisions"
    assert "decision: The minutes are approved." in _facts(card2)


async def test_unknown_topic_says_which_exist_and_stores_nothing(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    cards, [text] = await _ask(bot_server, connector, "hjälp bananer")
    assert cards == []
    assert "Jag har ingen hjälp om ”bananer”" in text
    assert "**närvaro**" in text and "**beslut**" in text


def test_every_command_is_in_exactly_one_task_card() -> None:
    seen: list[str] = []
    for group, _ in tasks():
        seen += _facts(task_card(group, "sv"))
    assert sorted(seen) == sorted(c.usage_sv for c in REGISTRY.commands)


def test_most_used_names_real_commands_and_leads_the_card() -> None:
    keywords = {c.words_sv[0] for c in REGISTRY.commands if c.words_sv}
    assert {word for word, _ in MOST_USED} <= keywords
    card = help_card("sv", scope="groupChat")
    first_of_each = [commands[0].words_sv[0] for _, commands in tasks(scope="groupChat")]
    assert first_of_each[:3] == ["närvarande", "öppna mötet", "§"]
    assert _facts(card)[0].startswith("närvarande")

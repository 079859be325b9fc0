"""Issue 10 piece by piece: which messages are for the bot, how mentions read, the attendance
card posted afresh when far up, and labels with both language forms."""

from __future__ import annotations

from typing import Any

import pytest

from dialogs import cards, labels
from dialogs.addressing import candidate, message_text
from dialogs.help import help_card, task_card
from dialogs.registry import REGISTRY
from storage.models import OutboxMessage
from tests.harness.activities import personal
from tests.harness.connector import StandInConnector
from tests.test_meeting_replay import ATTENDANCE_HEAD, Meeting_


def test_only_the_bots_mention_is_removed_others_stay_as_names() -> None:
    raw = "<at>Samverkansbot</at> justerare: <at>Tina Johansson</at>&nbsp;och <at>Per Ek</at>"
    assert message_text(raw, ["<at>Samverkansbot</at>"]) == "justerare: Tina Johansson och Per Ek"
    # Nobody mentioned the bot: nothing is removed, the names stay.
    assert message_text("<at>Tina</at> kan du dela skärmen?", []) == "Tina kan du dela skärmen?"
    assert message_text("rad ett\r\n\r\n  rad  två ", []) == "rad ett\nrad två"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("här", "checkin"),
        ("Närvarande!", "checkin"),
        ("present", "checkin"),
        ("narvarande", "checkin"),
        ("justerare: Cecilia Grefve-Lang", "record"),
        ("Beslut : att godkänna", "record"),
        ("beslut:\natt godkänna", "record"),
        ("§ 117 FoU-avtal", "record"),
        ("§117", "record"),
        ("här kommer bilderna", None),
        ("jag är här", None),  # a command, but not an exact check-in word: needs a mention
        ("närvarande alla utom Robert", None),
        ("Ordförande:", None),  # a bare heading
        ("Närvarande:\\", None),
        ("§113 - §123", None),  # a range, not a heading
        ("vad beslutades om FoU-avtalet?", None),
        ("sekretess", None),  # a keyword without a colon needs a mention
        ("Tack för idag!", None),
        ("Obs: fika klockan tio", None),  # not a keyword
    ],
)
def test_what_an_unaddressed_line_could_be(text: str, kind: str | None) -> None:
    assert candidate(text) == kind


def test_every_help_group_and_placeholder_has_an_english_form() -> None:
    for group in REGISTRY.groups():
        assert labels.group(group, "en") != group or group == labels.GROUPS[group].en, group
    english = cards.card_to_text(help_card("en"))
    for group in REGISTRY.groups():
        english += "\n" + cards.card_to_text(task_card(group, "en"))
    for swedish in ("**Frågor**", "Namn", "Rubrik", "Mottagare", "visa §"):
        assert swedish not in english, swedish
    assert "Questions" in english
    with pytest.raises(KeyError):
        labels.group("Okänd grupp", "en")


async def test_personal_chat_needs_no_mention_and_shared_chat_ignores_others_mentions(
    make_bot_server: Any, connector: StandInConnector
) -> None:
    server = await make_bot_server()
    m = Meeting_(server, connector, [])
    own = personal()
    said = await m.say("Karin Lund", "hjälp", where=own, mention=False)
    assert "kommandon" in said.text
    # In the meeting chat, a message that mentions someone else is not for the bot.
    await m.chatter("Karin Lund", "vad beslutades om budgeten?", mentions=("Per Ek",))
    # English `more` after a Swedish question is answered in English.
    await m.say("Karin Lund", "vad beslutades om budgeten?", where=own, mention=False)
    more = await m.say("Karin Lund", "more", where=own, mention=False, lang="en")
    assert "Inga" not in more.text, more.text
    assert "There is no" in more.text or "No " in more.text, more.text
    m.assert_languages()


async def test_a_card_far_up_the_chat_is_posted_afresh_and_updates_follow_it(
    make_bot_server: Any, connector: StandInConnector
) -> None:
    server = await make_bot_server()
    m = Meeting_(server, connector, [])
    secretary = "Mats Wennstig"
    names = ["Anna Burston", "Karin Lund", "Omar Haddad", "Lena Sjöberg", "Per Ek", "Eva Ek"]
    await m.say(secretary, "organ: Styrgruppen (SG)")
    await m.say(secretary, "organ ledamöter: " + "; ".join(names))
    await m.say(secretary, "öppna mötet")
    await m.settled()
    conv = m.chat.conversation_id()

    def card_calls() -> list[Any]:
        return [
            r
            for r in connector.sent(conv)
            if any(ATTENDANCE_HEAD.match(str(c["body"][0].get("text", ""))) for c in r.cards)
        ]

    assert [r.method for r in card_calls()] == ["POST"]
    first = str(card_calls()[0].response["id"])
    # Each of the secretary's changes: a short text to its author, and the card follows.
    for name in names[:5]:
        said = await m.say(secretary, f"närvarande: {name}", mention=False)
        assert f"Noterat – närvarande: {name}." in said.text
        await m.settled()
    calls = card_calls()
    posts = [str(r.response["id"]) for r in calls if r.method == "POST"]
    assert len(posts) == 2, connector.describe(calls)  # four texts later it was far up
    second = next(i for i, r in enumerate(calls) if i and r.method == "POST")
    assert all(r.activity_id == first for r in calls[1:second] if r.method == "PUT")
    # A check-in now updates the fresh card, not the first one.
    await m.check_in("Eva Ek", "här")
    last = card_calls()[-1]
    assert last.method == "PUT" and last.activity_id == posts[-1]
    await m.settled()
    rows = await server.rows(OutboxMessage, OutboxMessage.coalesce_key.is_not(None))
    assert {r.status for r in rows} == {"sent"}


def test_help_with_a_word_or_two_more_is_help_and_nothing_else_is() -> None:
    from dialogs.router import _asking_for_help

    for text, lang in (("help me", "en"), ("hjälp tack", "sv"), ("Help me please?", "en")):
        match = _asking_for_help(text, REGISTRY)
        assert match is not None and match.command.name == "show_help" and match.lang == lang
    for text in ("sekretess gäller", "fler beslut?", "publicera nu tack", "help"):
        assert _asking_for_help(text, REGISTRY) is None, text

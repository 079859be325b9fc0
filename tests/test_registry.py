"""The one registry (issue 13): every command has help and usage in Swedish and English and a
group with labels in both; pattern matchers run in their stated priority before keywords; card
actions and meeting events are the registry's too."""

from __future__ import annotations

import pytest

from dialogs import actions, events
from dialogs.labels import GROUPS, CommandGroup
from dialogs.registry import REGISTRY, Registry, command
from dialogs.router import REGISTRY as ROUTED


def test_every_command_has_help_and_usage_in_both_languages() -> None:
    assert ROUTED is REGISTRY and len(REGISTRY.commands) > 50
    for cmd in REGISTRY.commands:
        assert cmd.help_sv.strip() and cmd.help_en.strip(), cmd.name
        assert cmd.help_sv != cmd.help_en, f"{cmd.name}: the English help is the Swedish one"
        assert cmd.usage_sv.strip() and cmd.usage_en.strip(), cmd.name
        if cmd.matcher is None:
            assert cmd.words_sv and cmd.words_en, f"{cmd.name} needs keywords in both languages"


def test_every_group_is_an_enum_member_with_both_labels() -> None:
    for cmd in REGISTRY.commands:
        assert isinstance(cmd.group, CommandGroup), cmd.name
        label = cmd.group.label
        assert label.sv == cmd.group.value and label.en and label.en != label.sv, cmd.group
        assert GROUPS[cmd.group] == label
    with pytest.raises(ValueError):

        @command("nytt", en=("new",), group="Okänd grupp", registry=Registry())
        async def _unknown(ctx: object, arg: str) -> None:
            """Nytt"""


def test_matchers_run_in_their_stated_priority() -> None:
    order = [c.name for c in REGISTRY.matchers()]
    assert order == [
        "cmd_paragraph_numbered",
        "cmd_decision_for",
        "cmd_decision_block",
        "cmd_show",
    ]
    priorities = [c.priority for c in REGISTRY.matchers()]
    assert priorities == sorted(priorities) and len(set(priorities)) == len(priorities)
    cases = {
        "§ 116 Samsjuklighet": "cmd_paragraph_numbered",
        "beslut § 2: Protokollet läggs till handlingarna.": "cmd_decision_for",
        "decision § 2: The minutes are approved.": "cmd_decision_for",
        "beslut: Protokollet läggs till handlingarna.": "cmd_decision",
        "Nämnden beslutar\natt godkänna": "cmd_decision_block",
        "visa § 117": "cmd_show",
        "ordförande: Anna Berg": "cmd_role_ordforande",
        "organ form: minnesanteckningar": "body_setting_form",
    }
    for text, name in cases.items():
        found = REGISTRY.match(text)
        assert found is not None and found.command.name == name, (text, found)


def test_priority_decides_between_two_matchers() -> None:
    reg = Registry()

    async def later(ctx: object, arg: str) -> None:
        """Senare"""

    async def first(ctx: object, arg: str) -> None:
        """Först"""

    command(matcher=lambda text: text, priority=50, help_en="Later", registry=reg)(later)
    command(matcher=lambda text: text, priority=5, help_en="First", registry=reg)(first)
    found = reg.match("vad som helst")
    assert found is not None and found.command.name == "first"


def test_card_actions_and_meeting_events_are_the_registrys() -> None:
    assert actions.ACTIONS is REGISTRY.actions and events.EVENTS is REGISTRY.events
    assert {"rerun", "checkin", "decisionAmend", "decisionUndo"} <= set(REGISTRY.actions)
    assert set(REGISTRY.events) == {
        "meetingStart",
        "meetingEnd",
        "participantsJoin",
        "participantsLeave",
    }
    with pytest.raises(ValueError):
        REGISTRY.add_action("checkin", REGISTRY.actions["checkin"])

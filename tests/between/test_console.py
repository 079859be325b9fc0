"""`samverkansbot chat` runs the scheduler after each line: the återkoppling card is printed
when the next meeting opens (issue 16)."""

from __future__ import annotations

from pathlib import Path

from bot.console import ConsoleChat
from bot.settings import Settings
from storage.migrate import upgrade


async def test_console_prints_the_feedback_card_when_the_next_meeting_opens(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'chat.db'}"
    await upgrade(url)
    out: list[str] = []
    chat = ConsoleChat(
        Settings(database_url=url, migrate_on_start=False), "local", "Mats", "console:c", out.append
    )
    try:
        for line in (
            "organ: Styrgruppen (SG)",
            "organ ledamöter: Karin Lund",
            "öppna mötet",
            "§: Tvisterutin",
            "uppdrag: Karin Lund tar fram en rutin till i dag",
            "avsluta mötet",
        ):
            await chat.say(line)
        assert not any(o.startswith("Återkoppling") for o in out)
        await chat.say("öppna mötet")
        [card] = [o for o in out if o.startswith("Återkoppling – Styrgruppen")]
        assert "Karin Lund: tar fram en rutin till i dag" in card, card
        # Once per meeting: another line does not print it again.
        await chat.say("närvarolista")
        assert len([o for o in out if o.startswith("Återkoppling – Styrgruppen")]) == 1
    finally:
        await chat.close()

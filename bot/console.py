"""`samverkansbot chat`: the same bot code without Teams.

Each line becomes a Teams-shaped message activity run through the same handler, turn runner,
commands and database as `serve`; what would be sent to Teams is printed. What it records is
audited as coming from the local console.
"""

from __future__ import annotations

import asyncio
import re
import sys
import uuid
from collections.abc import Callable
from typing import Any

from botbuilder.schema import Activity

from bot.adapter import TurnAdapter
from bot.handler import SOURCE_KEY, SamverkansBot
from bot.scheduler import Scheduler
from bot.sender import ConsoleDeliverer
from bot.settings import Settings
from bot.turns import TurnRunner
from dialogs.context import RequestEnv
from storage.clock import SystemClock
from storage.db import Database
from storage.migrate import upgrade

SERVICE_URL = "console://local/"
SPEAKER_LINE = re.compile(r"^\[([^\]]{1,200})\]\s*(.*)$", re.DOTALL)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "konsolen"


class ConsoleChat:
    def __init__(
        self,
        settings: Settings,
        tenant: str,
        speaker: str,
        conversation: str,
        write: Callable[[str], None],
    ) -> None:
        self.settings = settings
        self.tenant = tenant
        self.speaker = speaker
        self.conversation = conversation
        self.write = write
        self.db = Database(settings.database_url)
        deliverer = ConsoleDeliverer(self.db, write)
        self.runner = TurnRunner(
            self.db,
            deliverer,
            inline_delivery=True,
            update_delay=0.0,
            env=RequestEnv.of(settings),
        )
        self.bot = SamverkansBot(self.runner)
        # No loop here: one scheduler pass after each line, so what falls due (the återkoppling
        # when a meeting opens, a kallelse) is printed in order.
        self.scheduler = Scheduler(self.db, deliverer, SystemClock())
        self.adapter = TurnAdapter()

    def activity(self, text: str, speaker: str) -> Activity:
        body: dict[str, Any] = {
            "type": "message",
            "id": f"console-{uuid.uuid4()}",
            "channelId": "msteams",
            "serviceUrl": SERVICE_URL,
            "text": text,
            "textFormat": "plain",
            "from": {"id": f"console:{slug(speaker)}", "name": speaker},
            "recipient": {"id": "28:samverkansbot", "name": "Samverkansbot"},
            "conversation": {
                "id": self.conversation,
                "conversationType": "groupChat",
                "isGroup": True,
                "tenantId": self.tenant,
            },
            "channelData": {"tenant": {"id": self.tenant}},
            "locale": "sv-SE",
        }
        return Activity().deserialize(body)

    async def say(self, line: str) -> None:
        speaker = self.speaker
        match = SPEAKER_LINE.match(line.strip())
        if match:
            speaker, line = match.group(1).strip(), match.group(2)
        if not line.strip():
            return
        await self.adapter.process(
            self.activity(line.replace("\\n", "\n"), speaker),
            self.bot.on_turn,
            turn_state={SOURCE_KEY: "console"},
        )
        await self.scheduler.run_once()

    async def close(self) -> None:
        await self.db.dispose()


async def run_chat(settings: Settings, tenant: str, speaker: str, conversation: str) -> int:
    if settings.migrate_on_start:
        await upgrade(settings.database_url)

    def write(text: str) -> None:
        print(text, flush=True)
        print(flush=True)

    chat = ConsoleChat(settings, tenant, speaker, conversation, write)
    try:
        if sys.stdin.isatty():
            print("Samverkansbot — lokal chatt. Skriv 'hjälp', avsluta med Ctrl-D.", flush=True)
            print("Tala som någon annan: [Mats Wennstig] beslut: att …", flush=True)
            while True:
                try:
                    line = await asyncio.to_thread(input, f"{speaker}> ")
                except EOFError:
                    break
                await chat.say(line)
        else:
            for line in sys.stdin:
                await chat.say(line.rstrip("\n"))
    finally:
        await chat.close()
    return 0

"""Drives the running bot like Teams would, for the minutes tests: messages from named users in
the body's channel and meeting chat, card button invokes, and what the bot queued in reply."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from sqlalchemy import select

from bot.sender import redact_links
from storage.models import Meeting, OutboxMessage
from tests.harness.activities import Conversation, User, channel, make_user, meeting_chat
from tests.harness.connector import StandInConnector
from tests.harness.server import BotServer

from . import seed

LINK = re.compile(r"https?://[^\s)\"']+/dl/[A-Za-z0-9_-]+")
SECRETARY = seed.name_of(seed.SECRETARY)
CHAIR = seed.name_of(seed.CHAIR)
JUSTERARE = seed.name_of(seed.JUSTERARE)


@dataclass
class Sent:
    """What the bot queued for one activity (read from the outbox, which the turn commits
    before answering the HTTP request)."""

    rows: list[OutboxMessage]

    @property
    def texts(self) -> list[str]:
        return [
            str(r.payload["activity"].get("text") or "")
            for r in self.rows
            if r.payload["activity"].get("text")
        ]

    @property
    def text(self) -> str:
        return "\n".join(self.texts)

    @property
    def cards(self) -> list[dict[str, Any]]:
        return [
            a["content"]
            for r in self.rows
            for a in r.payload["activity"].get("attachments") or []
            if a.get("contentType") == "application/vnd.microsoft.card.adaptive"
        ]


@dataclass
class Chat:
    server: BotServer
    connector: StandInConnector
    channel: Conversation = field(default_factory=channel)
    meeting: Conversation = field(default_factory=meeting_chat)
    users: dict[str, User] = field(default_factory=dict)

    def user(self, name: str) -> User:
        if name not in self.users:
            self.users[name] = make_user(name)
        return self.users[name]

    async def say(
        self,
        text: str,
        *,
        who: str = SECRETARY,
        where: Conversation | None = None,
        locale: str | None = None,
    ) -> Sent:
        act = self.server.activities.message(
            text, user=self.user(who), conversation=where or self.meeting, locale=locale
        )
        status, _ = await self.server.post(act)
        assert status == 200, (text, status)
        return await self.sent_for(act["id"])

    async def sent_for(self, activity_id: str) -> Sent:
        rows = await self.server.rows(
            OutboxMessage, OutboxMessage.source_activity_id == activity_id
        )
        for row in rows:
            self._as_delivered(row)
        return Sent(sorted(rows, key=lambda r: r.id))

    def _as_delivered(self, row: OutboxMessage) -> None:
        """A delivered row's payload has its /dl/ tokens cut (issue 17); the working links are
        in what the connector received, which is what the user clicks."""
        activity = (row.payload or {}).get("activity")
        if not isinstance(activity, dict) or "/dl/…" not in json.dumps(
            activity, ensure_ascii=False
        ):
            return
        key = _content(activity)
        for request in reversed(self.connector.requests):
            redacted = redact_links({"a": request.activity})
            if redacted is not None and _content(redacted["a"]) == key:
                row.payload = {**row.payload, "activity": request.activity}
                return

    async def invoke(
        self,
        verb: str,
        data: dict[str, Any],
        *,
        who: str,
        where: Conversation | None = None,
    ) -> tuple[dict[str, Any], Sent]:
        act = self.server.activities.invoke_action(
            verb, data, user=self.user(who), conversation=where or self.meeting
        )
        status, body = await self.server.post(act)
        assert status == 200, (verb, status, body)
        assert isinstance(body, dict), body
        return body, await self.sent_for(act["id"])

    async def meeting_row(self) -> Meeting:
        rows = await self.server.rows(Meeting)
        assert len(rows) == 1, rows
        return rows[0]

    async def download(self, url: str) -> tuple[int, bytes, dict[str, str]]:
        async with aiohttp.ClientSession() as http, http.get(url) as resp:
            return resp.status, await resp.read(), dict(resp.headers)


def links(text: str) -> list[str]:
    return LINK.findall(text)


def card_urls(card: dict[str, Any]) -> dict[str, str]:
    return {a["title"]: a["url"] for a in card.get("actions", []) if a["type"] == "Action.OpenUrl"}


def card_executes(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {a["title"]: a for a in card.get("actions", []) if a["type"] == "Action.Execute"}


async def set_up_body(chat: Chat, members: list[str], *, chair: str = seed.CHAIR) -> None:
    """The secretary binds the channel and the meeting chat and registers the body."""
    first = await chat.say(f"organ: {seed.BODY} ({seed.SHORT})", where=chat.channel)
    assert "skapat" in first.text, first.text
    bound = await chat.say(f"organ: {seed.BODY} ({seed.SHORT})")
    assert "kopplad" in bound.text, bound.text
    for command in (
        f"organ sekreterare: {seed.SECRETARY}",
        f"organ ordförande: {chair}",
        "organ ledamöter: " + "; ".join(members),
    ):
        reply = await chat.say(command)
        assert "lade till" in reply.text, (command, reply.text)


async def record_paragraph(chat: Chat, p: seed.Paragraph, *, secret: bool = False) -> None:
    head = f"§ {p.number} {p.title}"
    if p.presenters:
        head += f"; föredragande {p.presenters}"
    opened = await chat.say(head)
    assert "öppnad" in opened.text, (head, opened.text)
    if p.text:
        assert "uppdaterad" in (await chat.say(f"text: {p.text}")).text
    if secret:
        assert "sekretess" in (await chat.say("sekretess")).text
    block = seed.PHRASE + "\n" + "\n".join(f"att {c}" for c in p.clauses)
    decided = await chat.say(block)
    assert decided.cards, (p.number, decided.text)


async def record_004(chat: Chat) -> Meeting:
    """The whole 004 meeting typed into Teams, as the secretary would."""
    await set_up_body(chat, seed.LEDAMOTER + seed.FRANVARANDE)
    opened = await chat.say(f"öppna mötet: Sammanträde {seed.DATE}")
    assert "öppnat" in opened.text, opened.text
    await chat.say("närvarande: " + "; ".join([seed.CHAIR, *seed.LEDAMOTER]))
    await chat.say("frånvarande: " + "; ".join(seed.name_of(e) for e in seed.FRANVARANDE))
    await chat.say(f"justerare: {JUSTERARE}")
    # The approvers check in themselves, which ties their Teams accounts to their names.
    for name in (CHAIR, JUSTERARE, "Kjell Ivarsson"):
        await chat.say("här", who=name)
    for p in seed.PARAGRAPHS:
        await record_paragraph(chat, p, secret=p.number == seed.SECRET)
    closed = await chat.say("avsluta mötet")
    assert "avslutat" in closed.text, closed.text
    meeting = await chat.meeting_row()
    assert meeting.date == dt.date.fromisoformat(seed.DATE)
    assert meeting.status == "closed"
    return meeting


async def record_small(chat: Chat, *, form: str | None = None) -> Meeting:
    """A short meeting: chair, justerare, one more ledamot; § 117, § 118, § 119 (sekretess)."""
    members = [seed.LEDAMOTER[3], seed.LEDAMOTER[7], seed.FRANVARANDE[0]]
    await set_up_body(chat, members)
    if form:
        assert form in (await chat.say(f"organ form: {form}")).text
    await chat.say(f"öppna mötet: Sammanträde {seed.DATE}")
    await chat.say(f"närvarande: {CHAIR}; {JUSTERARE}; Kjell Ivarsson")
    await chat.say(f"återbud: {seed.name_of(seed.FRANVARANDE[0])}")
    await chat.say(f"justerare: {JUSTERARE}")
    for name in (CHAIR, JUSTERARE, "Kjell Ivarsson"):
        await chat.say("här", who=name)
    by_number = {p.number: p for p in seed.PARAGRAPHS}
    for number in (117, 118, 119):
        await record_paragraph(chat, by_number[number], secret=number == seed.SECRET)
    await chat.say("avsluta mötet")
    return await chat.meeting_row()


async def latest_outbox(server: BotServer, kind: str) -> list[OutboxMessage]:
    async with server.db.sessions() as session:
        return list(
            (
                await session.scalars(
                    select(OutboxMessage)
                    .where(OutboxMessage.kind == kind)
                    .order_by(OutboxMessage.id)
                )
            ).all()
        )


def _content(activity: dict[str, Any]) -> str:
    return json.dumps(
        [activity.get("text"), activity.get("attachments")], sort_keys=True, ensure_ascii=False
    )

"""What a command sees of its turn: who speaks, where, in which language, and the session."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.reply import Reply

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@dataclass(frozen=True)
class Speaker:
    """Who said it. provider 'aad' for a Teams account, 'console' for `samverkansbot chat`."""

    provider: str
    subject: str
    name: str
    aad_object_id: str | None = None
    home_tenant_id: str | None = None
    teams_user_id: str | None = None


@dataclass
class TurnInput:
    tenant_id: str
    conversation_id: str
    conversation_type: str | None
    speaker: Speaker | None
    text: str = ""
    value: dict[str, Any] | None = None
    activity_id: str | None = None
    source: str = "teams"  # teams | console
    team_id: str | None = None
    channel_id: str | None = None
    teams_meeting_id: str | None = None
    locale: str | None = None
    # The conversation a body binds to: the channel for a channel thread, else the chat itself.
    binding_id: str = ""
    # Files attached to the message (personal chat only, see BOTBUILDER.md): (name, bytes).
    files: list[tuple[str, bytes]] = field(default_factory=list)
    # Why an attached file could not be had: (Swedish, English).
    file_errors: list[tuple[str, str]] = field(default_factory=list)
    # People @mentioned in the message (not the bot): (Teams user id, name as shown).
    mentions: list[tuple[str, str]] = field(default_factory=list)
    # The files read and parsed before the turn's transaction (dialogs.importing.prepare).
    prepared_files: list[Any] | None = None
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    def __post_init__(self) -> None:
        if not self.binding_id:
            self.binding_id = self.conversation_id

    @property
    def today(self) -> dt.date:
        return self.now.astimezone(STOCKHOLM).date()


@dataclass(frozen=True)
class RequestEnv:
    """What a command may know of the process that runs it, passed in rather than read from
    globals: the settings, the public base URL its links are built on, and the clock the turn's
    time (TurnInput.now) was read from (storage.clock; None: the wall clock)."""

    public_url: str = "http://localhost:3978"
    settings: Any = None
    clock: Any = None

    @classmethod
    def of(cls, settings: Any, clock: Any = None) -> RequestEnv:
        """From bot.settings.Settings (its base_url: PUBLIC_URL, or localhost and the port)."""
        return cls(public_url=str(settings.base_url).rstrip("/"), settings=settings, clock=clock)


class CommandContext:
    def __init__(
        self,
        session: AsyncSession,
        turn: TurnInput,
        lang: str = "sv",
        env: RequestEnv | None = None,
    ) -> None:
        self.session = session
        self.turn = turn
        self.lang = lang
        self.env = env or RequestEnv()
        self.replies: list[Reply] = []
        self.cache: dict[Any, Any] = {}

    def t(self, sv: str, en: str) -> str:
        return en if self.lang == "en" else sv

    def say(self, sv: str, en: str | None = None) -> None:
        self.replies.append(Reply(text=self.t(sv, en or sv)))

    def card(
        self,
        card: dict[str, Any],
        fallback: str,
        *,
        coalesce_key: str | None = None,
        fresh: bool = False,
        follow: bool = False,
    ) -> None:
        self.replies.append(
            Reply(
                card=card, fallback=fallback, coalesce_key=coalesce_key, fresh=fresh, follow=follow
            )
        )

    @property
    def audit_source(self) -> str:
        return "console" if self.turn.source == "console" else "teams"

    async def audit(
        self,
        action: str,
        entity: str,
        entity_id: int | None,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> None:
        """Record who changed what in this turn (source, speaker, activity id)."""
        from storage import audit

        actor = self.cache.get("speaker_person")
        await audit.record(
            self.session,
            tenant_id=self.turn.tenant_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            source=self.audit_source,
            actor_person_id=actor.id if actor is not None else None,
            actor_label=self.turn.speaker.name if self.turn.speaker else "Teams",
            before=before,
            after=after,
            activity_id=self.turn.activity_id,
        )

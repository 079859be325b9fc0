"""Teams-shaped activities, built from the reference payloads in shared/teams-activities/.

Each builder loads a sample, fills in text, ids, sender, conversation, tenant, serviceUrl and
value, and returns the JSON dict Teams would POST to /api/messages.
"""

from __future__ import annotations

import copy
import itertools
import json
import time
import uuid
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from tests.shared import SHARED

SAMPLES = SHARED / "teams-activities"

TENANT = "72f988bf-0000-4000-8000-000000000001"
OTHER_TENANT = "0b5e4c1d-0000-4000-8000-000000000002"
BOT_APP_ID = "00000000-0000-4000-8000-0000000000b0"
BOT_NAME = "Bot"
TEAM_ID = "19:faketeamgeneral0000000000000000001@thread.tacv2"

_counter = itertools.count(1)


def _next() -> int:
    return next(_counter)


def new_message_id() -> str:
    """Teams message ids look like epoch milliseconds; distinct within the session."""
    return str(int(time.time() * 1000) * 100 + _next())


@cache
def _sample(name: str) -> dict[str, Any]:
    return json.loads((SAMPLES / name).read_text(encoding="utf-8"))


def sample(name: str) -> dict[str, Any]:
    """A deep copy of one reference payload (file name with or without .json)."""
    return copy.deepcopy(_sample(name if name.endswith(".json") else name + ".json"))


@dataclass(frozen=True)
class User:
    name: str
    aad_object_id: str
    teams_id: str

    def account(self) -> dict[str, Any]:
        return {"id": self.teams_id, "name": self.name, "aadObjectId": self.aad_object_id}

    def meeting_user(self, tenant_id: str) -> dict[str, Any]:
        return {
            "tenantId": tenant_id,
            "objectId": self.aad_object_id,
            "id": self.teams_id,
            "name": self.name,
            "aadObjectId": self.aad_object_id,
        }


_NAMES = ["Anna Burston", "Mats Wennstig", "Karin Lund", "Omar Haddad", "Lena Sjöberg", "Per Ek"]


def make_user(name: str | None = None) -> User:
    """A distinct user (fresh AAD object id and 29: id) each call."""
    n = _next()
    name = name or f"{_NAMES[n % len(_NAMES)]} {n}"
    return User(name=name, aad_object_id=str(uuid.uuid4()), teams_id=f"29:1{uuid.uuid4().hex}{n}")


def make_users(*names: str) -> list[User]:
    return [make_user(name) for name in names]


ConversationKind = Literal["channel", "groupChat", "personal"]


@dataclass(frozen=True)
class Conversation:
    """Where an activity happens. For a channel, `id` is the channel (19:…@thread.tacv2) and each
    message builds its thread id `<channel>;messageid=<root>`; a chat's id is the chat id."""

    kind: ConversationKind
    id: str
    meeting_id: str | None = None
    root_message_id: str | None = None  # channel thread root (None: a new top-level post)
    name: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def thread(self, root_message_id: str) -> Conversation:
        return Conversation(self.kind, self.id, self.meeting_id, root_message_id, self.name)

    def conversation_id(self, message_id: str | None = None) -> str:
        if self.kind == "channel":
            root = self.root_message_id or message_id
            return f"{self.id};messageid={root}" if root else self.id
        return self.id


def channel(channel_id: str | None = None, *, root_message_id: str | None = None) -> Conversation:
    cid = channel_id or f"19:channel{uuid.uuid4().hex}@thread.tacv2"
    return Conversation("channel", cid, root_message_id=root_message_id, name="Planering")


def meeting_chat(thread_id: str | None = None) -> Conversation:
    tid = thread_id or f"19:meeting_{uuid.uuid4().hex}@thread.v2"
    meeting_id = "MCMx" + uuid.uuid5(uuid.NAMESPACE_URL, tid).hex
    return Conversation("groupChat", tid, meeting_id=meeting_id)


def personal(conversation_id: str | None = None) -> Conversation:
    return Conversation("personal", conversation_id or f"a:1{uuid.uuid4().hex}")


class Activities:
    """Builders bound to one service URL (the stand-in connector), tenant and bot.

    `conversation` arguments take a Conversation or one of "channel", "meeting", "personal"
    (a fresh conversation of that kind); None means this factory's default meeting chat."""

    def __init__(
        self,
        service_url: str,
        *,
        tenant_id: str = TENANT,
        bot_app_id: str = BOT_APP_ID,
        bot_name: str = BOT_NAME,
        locale: str = "sv-SE",
    ) -> None:
        self.service_url = service_url
        self.tenant_id = tenant_id
        self.bot_app_id = bot_app_id
        self.bot_name = bot_name
        self.locale = locale
        self.default_conversation = meeting_chat()
        self.default_user = make_user("Anna Burston")

    @property
    def bot_id(self) -> str:
        return f"28:{self.bot_app_id}"

    def _conv(self, conversation: Conversation | str | None) -> Conversation:
        if conversation is None:
            return self.default_conversation
        if isinstance(conversation, Conversation):
            return conversation
        return {
            "channel": channel,
            "meeting": meeting_chat,
            "groupChat": meeting_chat,
            "personal": personal,
        }[conversation]()

    def _envelope(
        self, act: dict[str, Any], conv: Conversation, user: User | None, message_id: str | None
    ) -> dict[str, Any]:
        act["serviceUrl"] = self.service_url
        act["channelId"] = "msteams"
        if message_id is not None:
            act["id"] = message_id
        act["recipient"] = {"id": self.bot_id, "name": self.bot_name}
        if user is not None:
            act["from"] = user.account()
        conversation: dict[str, Any] = {
            "id": conv.conversation_id(message_id),
            "conversationType": conv.kind,
            "tenantId": self.tenant_id,
        }
        if conv.kind != "personal":
            conversation["isGroup"] = True
        if conv.name:
            conversation["name"] = conv.name
        act["conversation"] = conversation
        data: dict[str, Any] = {"tenant": {"id": self.tenant_id}}
        if conv.kind == "channel":
            data["channel"] = {"id": conv.id}
            data["team"] = {"id": TEAM_ID}
            data["teamsChannelId"] = conv.id
            data["teamsTeamId"] = TEAM_ID
        if conv.meeting_id:
            data["meeting"] = {"id": conv.meeting_id}
        act["channelData"] = {
            **{
                k: v
                for k, v in (act.get("channelData") or {}).items()
                if k
                not in ("tenant", "channel", "team", "meeting", "teamsChannelId", "teamsTeamId")
            },
            **data,
        }
        if "locale" in act or self.locale:
            act["locale"] = self.locale
        for ent in act.get("entities") or []:
            if ent.get("type") == "clientInfo":
                ent["locale"] = self.locale
        return act

    # --- messages --------------------------------------------------------------------------

    def message(
        self,
        text: str,
        *,
        user: User | None = None,
        conversation: Conversation | str | None = None,
        mention_bot: bool = True,
        id: str | None = None,
        locale: str | None = None,
        mentions: tuple[User, ...] = (),
    ) -> dict[str, Any]:
        """A message; with mention_bot the text starts with `<at>Bot</at> ` and carries the mention
        entity, as Teams sends it in channels and group chats. `mentions`: people mentioned in
        the text as `<at>Name</at>` (Teams adds one mention entity each)."""
        conv = self._conv(conversation)
        base = {
            "channel": "message-channel",
            "groupChat": "message-groupchat-meeting",
            "personal": "message-personal",
        }
        act = sample(base[conv.kind])
        message_id = id or new_message_id()
        self._envelope(act, conv, user or self.default_user, message_id)
        entities = [e for e in act.get("entities") or [] if e.get("type") != "mention"]
        if mention_bot:
            mention = f"<at>{self.bot_name}</at>"
            act["text"] = f"{mention} {text}"
            entities.insert(
                0,
                {
                    "mentioned": {"id": self.bot_id, "name": self.bot_name},
                    "text": mention,
                    "type": "mention",
                },
            )
        else:
            act["text"] = text
        for person in mentions:
            entities.append(
                {
                    "mentioned": {"id": person.teams_id, "name": person.name},
                    "text": f"<at>{person.name}</at>",
                    "type": "mention",
                }
            )
        act["entities"] = entities
        act.pop("attachments", None)  # the sample's text/html copy would contradict the text
        if locale:
            act["locale"] = locale
        return act

    def card_submit(
        self,
        data: dict[str, Any],
        *,
        user: User | None = None,
        conversation: Conversation | str | None = None,
        reply_to_id: str | None = None,
        id: str | None = None,
    ) -> dict[str, Any]:
        """What an Action.Submit click sends: a message with no text and the data in `value`."""
        conv = self._conv(conversation)
        act = sample("message-card-submit")
        message_id = id or new_message_id()
        if conv.kind == "channel" and conv.root_message_id is None:
            conv = conv.thread(reply_to_id or message_id)
        self._envelope(act, conv, user or self.default_user, message_id)
        act["value"] = dict(data)
        act["replyToId"] = reply_to_id or new_message_id()
        act.pop("text", None)
        return act

    def invoke_action(
        self,
        verb: str,
        data: dict[str, Any] | None = None,
        *,
        user: User | None = None,
        conversation: Conversation | str | None = None,
        reply_to_id: str | None = None,
        id: str | None = None,
    ) -> dict[str, Any]:
        """An `adaptiveCard/action` invoke (Action.Execute) with the given verb and data."""
        conv = self._conv(conversation)
        act = sample("invoke-adaptive-card-action")
        invoke_id = id or f"f:{uuid.uuid4()}"
        self._envelope(act, conv, user or self.default_user, invoke_id)
        if conv.kind == "channel":
            act["conversation"]["id"] = conv.conversation_id(reply_to_id or new_message_id())
        act["value"] = {
            "action": {
                "type": "Action.Execute",
                "title": verb,
                "verb": verb,
                "data": dict(data or {}),
            },
            "trigger": "manual",
        }
        act["replyToId"] = reply_to_id or new_message_id()
        return act

    # --- membership, installation ----------------------------------------------------------

    def conversation_update_bot_added(
        self,
        *,
        conversation: Conversation | str | None = "channel",
        user: User | None = None,
        id: str | None = None,
    ) -> dict[str, Any]:
        """conversationUpdate with the bot in membersAdded (team install by default)."""
        conv = self._conv(conversation)
        act = sample("conversation-update-bot-added-team")
        self._envelope(act, conv, user or self.default_user, id or f"f:{uuid.uuid4()}")
        act["conversation"]["id"] = conv.id
        act["membersAdded"] = [{"id": self.bot_id}]
        if conv.kind == "channel":
            act["channelData"]["settings"] = {"selectedChannel": {"id": conv.id}}
            act["channelData"]["eventType"] = "teamMemberAdded"
            act["channelData"]["team"] = {
                "id": TEAM_ID,
                "name": "Samverkan",
                "aadGroupId": str(uuid.uuid4()),
            }
            act["channelData"].pop("channel", None)
        else:
            act["channelData"].pop("team", None)
            act["channelData"].pop("settings", None)
            act["channelData"].pop("eventType", None)
            act["channelData"].pop("teamsTeamId", None)
        return act

    def installation_update_add(
        self,
        *,
        conversation: Conversation | str | None = "channel",
        user: User | None = None,
        id: str | None = None,
    ) -> dict[str, Any]:
        conv = self._conv(conversation)
        act = sample("installation-update-add")
        self._envelope(act, conv, user or self.default_user, id or f"f:{uuid.uuid4()}")
        act["conversation"]["id"] = conv.id
        act["action"] = "add"
        if conv.kind == "channel":
            act["channelData"]["settings"] = {"selectedChannel": {"id": conv.id}}
        else:
            act["channelData"].pop("settings", None)
        return act

    # --- meeting events --------------------------------------------------------------------

    def _meeting(self, conversation: Conversation | str | None) -> Conversation:
        conv = self._conv(conversation)
        if conv.kind != "groupChat" or not conv.meeting_id:
            raise ValueError("meeting events happen in a meeting chat")
        return conv

    def meeting_start(
        self,
        *,
        conversation: Conversation | str | None = None,
        title: str = "Ledningsgruppens möte",
        start: str | None = None,
        user: User | None = None,
        id: str | None = None,
    ) -> dict[str, Any]:
        conv = self._meeting(conversation)
        act = sample("meeting-start")
        self._envelope(act, conv, user or self.default_user, id or new_message_id())
        act["value"].update(
            {"Id": conv.meeting_id, "Title": title, "StartTime": start or _now_iso()}
        )
        return act

    def meeting_end(
        self,
        *,
        conversation: Conversation | str | None = None,
        title: str = "Ledningsgruppens möte",
        end: str | None = None,
        user: User | None = None,
        id: str | None = None,
    ) -> dict[str, Any]:
        conv = self._meeting(conversation)
        act = sample("meeting-end")
        self._envelope(act, conv, user or self.default_user, id or new_message_id())
        act["value"].update({"Id": conv.meeting_id, "Title": title, "EndTime": end or _now_iso()})
        return act

    def participants_join(
        self,
        users: list[User],
        *,
        conversation: Conversation | str | None = None,
        id: str | None = None,
    ) -> dict[str, Any]:
        return self._participants("meeting-participant-join", users, conversation, True, id)

    def participants_leave(
        self,
        users: list[User],
        *,
        conversation: Conversation | str | None = None,
        id: str | None = None,
    ) -> dict[str, Any]:
        return self._participants("meeting-participant-leave", users, conversation, False, id)

    def _participants(
        self,
        name: str,
        users: list[User],
        conversation: Conversation | str | None,
        in_meeting: bool,
        id: str | None,
    ) -> dict[str, Any]:
        conv = self._meeting(conversation)
        act = sample(name)
        # The doc samples carry no activity id; pass id= to give one.
        self._envelope(act, conv, None, id)
        act["from"] = {"id": users[0].teams_id} if users else act.get("from")
        act["value"] = {
            "members": [
                {
                    "user": u.meeting_user(self.tenant_id),
                    "meeting": {
                        "inMeeting": in_meeting,
                        **({"role": "Attendee"} if in_meeting else {}),
                    },
                }
                for u in users
            ]
        }
        return act


def conversation_id_of(activity: dict[str, Any]) -> str:
    return str(activity["conversation"]["id"])


def _now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S.0000000Z", time.gmtime())

"""A stand-in Bot Connector on loopback that records what the bot sends and answers like Teams.

Teams behaviour reproduced where it matters (see shared/BOTBUILDER.md and
shared/teams-activities/README.md):
- sends answer 201 with {"id": <new activity id>}; updates 200 {"id": …};
  POST /v3/conversations answers {"id": <new conversation>, "activityId": …};
- a body past 100 KB counted as UTF-16 gets 413 {"error": {"code": "MessageSizeTooBig"}};
- per-conversation rate limits (7/1 s, 8/2 s, 60/30 s) answer 429 with Retry-After once a test
  switches them on; a test can also script the next N answers for a conversation;
- POST /{tenant}/oauth2/v2.0/token issues bearer tokens and counts the calls.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import math
import re
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from aiohttp import web

MAX_MESSAGE_BYTES = 100 * 1024  # Teams counts the message as UTF-16
TEAMS_WINDOWS: tuple[tuple[float, int], ...] = ((1.0, 7), (2.0, 8), (30.0, 60))
ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"

_TOKEN_PATH = re.compile(r"^/([^/]+)/oauth2/v2\.0/token$")


def utf16_size(body: Any) -> int:
    return len(json.dumps(body, ensure_ascii=False).encode("utf-16-le"))


@dataclass
class Recorded:
    """One request the bot made to the connector (sends, updates, new conversations, others)."""

    method: str
    path: str  # raw path as sent (percent-encoded)
    kind: str  # "send" | "reply" | "update" | "create_conversation" | "other"
    conversation_id: str | None  # decoded
    activity_id: str | None  # decoded replyToId (POST) or target activity id (PUT)
    body: Any
    authorization: str | None
    time: float  # time.monotonic()
    status: int = 0
    response: Any = None

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def activity(self) -> dict[str, Any]:
        """The activity the request carries (for POST /v3/conversations: body["activity"])."""
        if not isinstance(self.body, dict):
            return {}
        if self.kind == "create_conversation":
            return self.body.get("activity") or {}
        return self.body

    @property
    def text(self) -> str | None:
        return self.activity.get("text")

    @property
    def cards(self) -> list[dict[str, Any]]:
        return [
            a.get("content") or {}
            for a in self.activity.get("attachments") or []
            if a.get("contentType") == ADAPTIVE_CARD
        ]


@dataclass
class TokenCall:
    tenant: str
    form: dict[str, str]
    time: float
    token: str


Responder = Callable[["Recorded"], "tuple[int, Any]"]


@dataclass
class _Scripted:
    remaining: int
    status: int
    body: Any
    headers: dict[str, str]


@dataclass
class _RateLimit:
    windows: tuple[tuple[float, int], ...]
    retry_after: float | None  # None: computed from the windows
    sent: dict[str, deque[float]] = field(default_factory=lambda: defaultdict(deque))


class StandInConnector:
    """aiohttp server on 127.0.0.1; use as `async with StandInConnector() as c:` or start/stop."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.token_calls: list[TokenCall] = []
        self.port = 0
        self._runner: web.AppRunner | None = None
        self._ids = itertools.count(1)
        self._scripts: dict[str | None, list[_Scripted]] = defaultdict(list)
        self._rate: _RateLimit | None = None
        self._token_status = 200
        self._routes: list[tuple[str, re.Pattern[str], Responder]] = []
        self.token_delay = 0.0
        # Seconds each send/update waits before it is answered (a slow or hanging Teams).
        self.send_delay = 0.0

    # --- lifecycle -------------------------------------------------------------------------

    async def start(self) -> StandInConnector:
        app = web.Application(client_max_size=16 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None and server.sockets  # type: ignore[attr-defined]
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> StandInConnector:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """http://127.0.0.1:PORT — also the OAuth authority (token endpoint host)."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def service_url(self) -> str:
        """What activities carry as serviceUrl: http://127.0.0.1:PORT/"""
        return self.base_url + "/"

    # --- what a test switches on -----------------------------------------------------------

    def rate_limit(
        self,
        enabled: bool = True,
        *,
        windows: tuple[tuple[float, int], ...] = TEAMS_WINDOWS,
        retry_after: float | None = None,
    ) -> None:
        """Per-conversation limits like Teams (7/1 s, 8/2 s, 60/30 s); past them 429 + Retry-After."""
        self._rate = _RateLimit(windows, retry_after) if enabled else None

    def fail_next(
        self,
        n: int = 1,
        *,
        status: int = 503,
        conversation_id: str | None = None,
        retry_after: float | None = None,
        body: Any = None,
    ) -> None:
        """The next n calls for conversation_id (None: any conversation) answer `status`."""
        headers = {}
        if retry_after is not None:
            headers["Retry-After"] = f"{retry_after:g}"
        if body is None:
            body = {
                "error": {
                    "code": "ServiceError" if status != 429 else "TooManyRequests",
                    "message": f"scripted {status}",
                }
            }
        self._scripts[conversation_id].append(_Scripted(n, status, body, headers))

    def route(self, method: str, path_pattern: str, responder: Responder) -> None:
        """Serve more of the Bot Connector API, e.g.
        `route("GET", r"/v1/meetings/[^/]+/participants/.+", lambda rec: (200, {...}))`.
        The pattern is matched (re.fullmatch) against the percent-decoded path; such requests
        are recorded with kind "other"."""
        self._routes.append((method.upper(), re.compile(path_pattern), responder))

    def fail_tokens(self, status: int = 500) -> None:
        self._token_status = status

    def reset(self) -> None:
        """Forget what was recorded and scripted (keeps the server running)."""
        self.requests.clear()
        self.token_calls.clear()
        self._scripts.clear()
        self._routes.clear()
        self._rate = None
        self._token_status = 200

    # --- what a test reads -----------------------------------------------------------------

    def sent(self, conversation_id: str | None = None, *, ok_only: bool = True) -> list[Recorded]:
        """Sends/replies/updates/new conversations recorded, optionally for one conversation.

        For POST /v3/conversations the conversation is the channel id in channelData."""
        out = []
        for r in self.requests:
            if r.kind == "other" or (ok_only and not r.ok):
                continue
            if conversation_id is not None and r.conversation_id != conversation_id:
                continue
            out.append(r)
        return out

    def texts(self, conversation_id: str | None = None) -> list[str]:
        return [r.text for r in self.sent(conversation_id) if r.text]

    def cards(self, conversation_id: str | None = None) -> list[dict[str, Any]]:
        return [c for r in self.sent(conversation_id) for c in r.cards]

    @property
    def token_count(self) -> int:
        return len(self.token_calls)

    @property
    def issued_tokens(self) -> list[str]:
        return [t.token for t in self.token_calls]

    async def wait_for(
        self,
        n: int = 1,
        conversation_id: str | None = None,
        *,
        timeout: float = 5.0,  # noqa: ASYNC109  (a polling deadline that reports what arrived)
        ok_only: bool = True,
        where: Callable[[Recorded], bool] | None = None,
    ) -> list[Recorded]:
        """Poll until at least n matching messages were received; return them (all matching)."""
        deadline = time.monotonic() + timeout
        while True:
            got = [
                r for r in self.sent(conversation_id, ok_only=ok_only) if where is None or where(r)
            ]
            if len(got) >= n:
                return got
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"waited {timeout}s for {n} message(s) to {conversation_id or 'any conversation'}, "
                    f"got {len(got)}; all requests: {self.describe()}"
                )
            await asyncio.sleep(0.02)

    async def wait_until(
        self,
        predicate: Callable[[], bool],
        *,
        timeout: float = 5.0,  # noqa: ASYNC109
        what: str = "",
    ) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"timed out after {timeout}s waiting for {what or predicate}; "
                    f"requests: {self.describe()}"
                )
            await asyncio.sleep(0.02)

    async def assert_quiet(self, duration: float = 0.3, conversation_id: str | None = None) -> None:
        """Assert nothing more arrives for `duration` seconds (polling)."""
        before = len(self.sent(conversation_id, ok_only=False))
        deadline = time.monotonic() + duration
        while time.monotonic() < deadline:
            now = len(self.sent(conversation_id, ok_only=False))
            assert now == before, (
                f"unexpected request(s): {self.describe(self.sent(conversation_id, ok_only=False)[before:])}"
            )
            await asyncio.sleep(0.02)

    def describe(self, records: list[Recorded] | None = None) -> str:
        recs = self.requests if records is None else records
        return (
            "; ".join(
                f"{r.method} {r.path} -> {r.status} {str(r.text or r.cards or r.body)[:80]!r}"
                for r in recs
            )
            or "(none)"
        )

    # --- the server ------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        raw_path = request.raw_path.split("?", 1)[0]
        token = _TOKEN_PATH.match(raw_path)
        if token and request.method == "POST":
            return await self._token(request, unquote(token.group(1)))
        segments = [unquote(s) for s in raw_path.strip("/").split("/")]
        try:
            body: Any = await request.json() if request.can_read_body else None
        except (json.JSONDecodeError, UnicodeDecodeError):
            body = await request.text()
        kind, conv, act = _classify(request.method, segments)
        if kind == "create_conversation" and isinstance(body, dict):
            conv = ((body.get("channelData") or {}).get("channel") or {}).get("id") or conv
        rec = Recorded(
            method=request.method,
            path=raw_path,
            kind=kind,
            conversation_id=conv,
            activity_id=act,
            body=body,
            authorization=request.headers.get("Authorization"),
            time=time.monotonic(),
        )
        self.requests.append(rec)
        if self.send_delay:
            await asyncio.sleep(self.send_delay)
        status, payload, headers = self._answer(rec)
        rec.status, rec.response = status, payload
        return web.json_response(payload, status=status, headers=headers)

    def _answer(self, rec: Recorded) -> tuple[int, Any, dict[str, str]]:
        decoded = "/" + "/".join(unquote(s) for s in rec.path.strip("/").split("/"))
        for method, pattern, responder in self._routes:
            if method == rec.method and pattern.fullmatch(decoded):
                status, payload = responder(rec)
                return status, payload, {}
        if rec.kind == "other":
            return (
                404,
                {"error": {"code": "NotFound", "message": f"stand-in does not serve {rec.path}"}},
                {},
            )
        scripted = self._take_script(rec.conversation_id)
        if scripted is not None:
            return scripted.status, scripted.body, dict(scripted.headers)
        if utf16_size(rec.body) > MAX_MESSAGE_BYTES:
            return (
                413,
                {"error": {"code": "MessageSizeTooBig", "message": "Message size too big"}},
                {},
            )
        if self._rate is not None and rec.conversation_id is not None:
            wait = self._rate_check(rec.conversation_id, rec.time)
            if wait is not None:
                return (
                    429,
                    {"error": {"code": "TooManyRequests", "message": "rate limit"}},
                    {"Retry-After": f"{wait:g}"},
                )
        new_id = self._new_activity_id()
        if rec.kind == "create_conversation":
            conv = f"{rec.conversation_id};messageid={new_id}"
            return 201, {"id": conv, "activityId": new_id}, {}
        if rec.kind == "update":
            return 200, {"id": rec.activity_id}, {}
        return 201, {"id": new_id}, {}

    def _take_script(self, conv: str | None) -> _Scripted | None:
        for key in (conv, None):
            queue = self._scripts.get(key)
            while queue:
                head = queue[0]
                if head.remaining <= 0:
                    queue.pop(0)
                    continue
                head.remaining -= 1
                return head
        return None

    def _rate_check(self, conv: str, now: float) -> float | None:
        assert self._rate is not None
        sent = self._rate.sent[conv]
        longest = max(span for span, _ in self._rate.windows)
        while sent and now - sent[0] >= longest:
            sent.popleft()
        wait = 0.0
        for span, limit in self._rate.windows:
            recent = [t for t in sent if now - t < span]
            if len(recent) >= limit:
                wait = max(wait, span - (now - recent[-limit]))
        if wait > 0:
            return (
                self._rate.retry_after
                if self._rate.retry_after is not None
                else float(math.ceil(wait))
            )
        sent.append(now)
        return None

    def _new_activity_id(self) -> str:
        # Teams activity ids look like epoch milliseconds.
        return str(1_750_000_000_000 + next(self._ids))

    async def _token(self, request: web.Request, tenant: str) -> web.Response:
        form = {k: str(v) for k, v in (await request.post()).items()}
        if self.token_delay:
            await asyncio.sleep(self.token_delay)
        token = f"stand-in-token-{len(self.token_calls) + 1}"
        self.token_calls.append(TokenCall(tenant, form, time.monotonic(), token))
        if self._token_status != 200:
            return web.json_response({"error": "invalid_client"}, status=self._token_status)
        return web.json_response(
            {"access_token": token, "expires_in": 3600, "token_type": "Bearer"}
        )


def _classify(method: str, seg: list[str]) -> tuple[str, str | None, str | None]:
    # v3/conversations[/{conv}/activities[/{id}]]
    if len(seg) >= 2 and seg[0] == "v3" and seg[1] == "conversations":
        if len(seg) == 2 and method == "POST":
            return "create_conversation", None, None
        if len(seg) == 4 and seg[3] == "activities" and method == "POST":
            return "send", seg[2], None
        if len(seg) == 5 and seg[3] == "activities":
            if method == "POST":
                return "reply", seg[2], seg[4]
            if method == "PUT":
                return "update", seg[2], seg[4]
        if len(seg) >= 3:
            return "other", seg[2], seg[4] if len(seg) > 4 else None
    return "other", None, None

"""Runs the real app (bot.app.create_app) on a free loopback port, and talks to it over HTTP."""

from __future__ import annotations

import json
import socket
import time
from dataclasses import replace
from typing import Any

import aiohttp
from aiohttp import web
from sqlalchemy import func, select

from bot.app import create_app
from bot.settings import Settings
from storage.clock import Clock
from storage.db import Database, normalize_url

from .activities import BOT_APP_ID, Activities, User, personal
from .auth import OpenIdServer, sign_token
from .connector import StandInConnector

APP_PASSWORD = "stand-in-secret"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class BotServer:
    """The bot service under test.

    `auth=True` sets a GUID app id and password, points inbound validation at `openid` and the
    outbound token endpoint at the stand-in connector."""

    def __init__(
        self,
        database_url: str,
        connector: StandInConnector,
        *,
        openid: OpenIdServer | None = None,
        auth: bool = False,
        app_id: str = BOT_APP_ID,
        app_password: str = APP_PASSWORD,
        clock: Clock | None = None,
        scheduler_interval: float = 0.5,
        **overrides: Any,
    ) -> None:
        if auth and openid is None:
            raise ValueError("auth=True needs an OpenIdServer")
        self.connector = connector
        self.openid = openid
        self.clock = clock
        self.scheduler_interval = scheduler_interval
        self.port = free_port()
        self.settings = Settings(
            app_id=app_id if auth else "",
            app_password=app_password if auth else "",
            database_url=normalize_url(database_url),
            host="127.0.0.1",
            port=self.port,
            public_url=f"http://127.0.0.1:{self.port}",
            oauth_authority=connector.base_url,
            openid_metadata_url=openid.metadata_url if openid is not None else "",
            migrate_on_start=True,
        )
        if overrides:
            self.settings = replace(self.settings, **overrides)
        self.app_id = app_id
        self.activities = Activities(connector.service_url, bot_app_id=app_id)
        self.app: web.Application | None = None
        self._runner: web.AppRunner | None = None
        self._http: aiohttp.ClientSession | None = None
        self._db: Database | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self._runner is not None

    async def start(self) -> BotServer:
        """Start (again) on the same port and database."""
        assert self._runner is None, "already running"
        self.app = create_app(
            self.settings, clock=self.clock, scheduler_interval=self.scheduler_interval
        )
        self._runner = web.AppRunner(self.app, access_log=None)
        await self._runner.setup()  # runs cleanup_ctx: migrations, database, sender
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()
        if self._http is None:
            # A deadline, not a measure. A message with a file is answered within
            # IMPORT_ACK_SECONDS however long its parse takes (2-2.5 minutes for 10 MB on
            # session 14's machine); no other turn comes near this.
            self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120))
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
            self.app = None

    async def restart(self) -> None:
        await self.stop()
        await self.start()

    async def close(self) -> None:
        await self.stop()
        if self._http is not None:
            await self._http.close()
            self._http = None
        if self._db is not None:
            await self._db.dispose()
            self._db = None

    async def __aenter__(self) -> BotServer:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # --- talking to it ---------------------------------------------------------------------

    def token_for(self, activity: dict[str, Any], **kwargs: Any) -> str:
        return sign_token(self.app_id, activity.get("serviceUrl", ""), **kwargs)

    async def post(
        self,
        activity: dict[str, Any] | str | bytes,
        token: str | None = None,
        *,
        content_type: str = "application/json",
    ) -> tuple[int, Any]:
        """POST to /api/messages. token: None (no Authorization header), 'valid' (a correctly
        signed token for the activity's serviceUrl) or the literal Authorization header value.
        A str/bytes activity is sent as the raw body. Returns (status, JSON body or None)."""
        assert self._http is not None, "server not started"
        headers = {"Content-Type": content_type}
        if token == "valid":
            assert isinstance(activity, dict)
            headers["Authorization"] = f"Bearer {self.token_for(activity)}"
        elif token is not None:
            headers["Authorization"] = token
        if isinstance(activity, dict):
            data: bytes = json.dumps(activity, ensure_ascii=False).encode("utf-8")
        else:
            data = activity.encode("utf-8") if isinstance(activity, str) else activity
        async with self._http.post(f"{self.url}/api/messages", data=data, headers=headers) as resp:
            return resp.status, await _json_or_none(resp)

    async def get(self, path: str) -> tuple[int, Any]:
        assert self._http is not None, "server not started"
        async with self._http.get(f"{self.url}{path}") as resp:
            return resp.status, await _json_or_none(resp)

    # --- the database behind it ------------------------------------------------------------

    @property
    def db(self) -> Database:
        """A separate Database on the same URL, for assertions (created on first use)."""
        if self._db is None:
            self._db = Database(self.settings.database_url)
        return self._db

    async def count(self, model: Any, *where: Any) -> int:
        async with self.db.sessions() as session:
            return int(
                await session.scalar(select(func.count()).select_from(model).where(*where)) or 0
            )

    async def rows(self, model: Any, *where: Any) -> list[Any]:
        async with self.db.sessions() as session:
            return list((await session.scalars(select(model).where(*where))).all())


async def turn_latency(server: BotServer, connector: StandInConnector, user: User) -> float:
    """Seconds from posting `hjälp` until its reply reaches the connector, in a personal chat of
    its own each time (the sender paces replies within one conversation)."""
    other = personal()
    started = time.perf_counter()
    await server.post(server.activities.message("hjälp", user=user, conversation=other))
    await connector.wait_for(1, other.id, timeout=60)
    return time.perf_counter() - started


async def _json_or_none(resp: aiohttp.ClientResponse) -> Any:
    raw = await resp.read()
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None

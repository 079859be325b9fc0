"""Keeps botbuilder's OpenID signing keys fresh without blocking the event loop.

botbuilder 4.17.1 fetches the channel's OpenID metadata with a blocking `requests.get` on the
event loop, on the first request and again after 24 h; a token signed with a rotated key is
refused until that daily refresh (see BOTBUILDER.md). The keeper warms the cache at start-up
and refreshes it every few hours from a thread, and when a token names a key id we do not
have, it refreshes once (at most every few minutes) so the request can be authenticated again.
"""

from __future__ import annotations

import asyncio
import logging
import time

import jwt
from botframework.connector.auth import AuthenticationConstants, JwtTokenExtractor

from bot.settings import Settings

logger = logging.getLogger(__name__)


def _refresh_blocking(metadata: object) -> None:
    # _refresh is declared async but only does blocking requests; give it a loop of its own here.
    asyncio.run(metadata._refresh())  # type: ignore[attr-defined]


class MetadataKeeper:
    def __init__(
        self, settings: Settings, *, interval: float = 6 * 3600, min_forced_gap: float = 300
    ) -> None:
        self.url = (
            settings.openid_metadata_url
            or AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL
        )
        self.interval = interval
        self.min_forced_gap = min_forced_gap
        self._last_forced = 0.0
        self._lock = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None

    def _metadata(self) -> object:
        return JwtTokenExtractor.get_open_id_metadata(self.url)

    async def refresh(self) -> bool:
        async with self._lock:
            try:
                await asyncio.to_thread(_refresh_blocking, self._metadata())
                return True
            except Exception as exc:
                logger.warning("OpenID metadata refresh from %s failed: %s", self.url, exc)
                return False

    def known_kids(self) -> set[str]:
        keys = getattr(self._metadata(), "keys", None) or []
        return {str(k.get("kid")) for k in keys if isinstance(k, dict)}

    async def refresh_for(self, auth_header: str) -> bool:
        """True when the token names a key we lacked and a refresh was made (retry then)."""
        token = auth_header.removeprefix("Bearer ").strip()
        try:
            kid = jwt.get_unverified_header(token).get("kid")
        except jwt.PyJWTError:
            return False
        if not kid or kid in self.known_kids():
            return False
        now = time.monotonic()
        if now - self._last_forced < self.min_forced_gap:
            return False
        self._last_forced = now
        logger.info("token names unknown key id %s; refreshing OpenID metadata", kid)
        return await self.refresh() and kid in self.known_kids()

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="openid-keeper")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass

    async def _run(self) -> None:
        while True:
            await self.refresh()
            await asyncio.sleep(self.interval)

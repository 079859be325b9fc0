"""A lean async Bot Connector client: one keep-alive session, cached tokens.

The stock botbuilder path builds new credentials, an MSAL app and a `requests`-based
ConnectorClient per turn (~125 turns/s measured, see BOTBUILDER.md). Replies are plain JSON
POSTs, so the outbox sends them here directly.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import aiohttp

from bot.settings import Settings

logger = logging.getLogger(__name__)

BOT_FRAMEWORK_SCOPE = "https://api.botframework.com/.default"


@dataclass
class ConnectorResponse:
    status: int
    body: dict[str, Any]
    retry_after: float | None

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


class TokenProvider:
    """Client-credentials tokens for the Bot Connector, cached until shortly before expiry."""

    def __init__(self, settings: Settings, http: aiohttp.ClientSession) -> None:
        self._settings = settings
        self._http = http
        self._token: str | None = None
        self._expires = 0.0
        self._lock = asyncio.Lock()

    async def token(self) -> str | None:
        if not self._settings.auth_enabled:
            return None
        if self._token and time.monotonic() < self._expires:
            return self._token
        async with self._lock:
            if self._token and time.monotonic() < self._expires:
                return self._token
            tenant = (
                self._settings.app_tenant_id
                if self._settings.app_type == "SingleTenant"
                else "botframework.com"
            )
            url = f"{self._settings.oauth_authority}/{tenant}/oauth2/v2.0/token"
            form = {
                "grant_type": "client_credentials",
                "client_id": self._settings.app_id,
                "client_secret": self._settings.app_password,
                "scope": BOT_FRAMEWORK_SCOPE,
            }
            async with self._http.post(url, data=form) as resp:
                body = await resp.json(content_type=None)
                if resp.status != 200 or "access_token" not in body:
                    raise RuntimeError(f"token endpoint answered {resp.status}")
            self._token = str(body["access_token"])
            self._expires = time.monotonic() + max(60.0, float(body.get("expires_in", 3600)) - 300)
            return self._token


class Connector:
    def __init__(self, settings: Settings, http: aiohttp.ClientSession) -> None:
        self._http = http
        self._tokens = TokenProvider(settings, http)

    async def _call(self, method: str, url: str, body: dict[str, Any]) -> ConnectorResponse:
        headers = {"Content-Type": "application/json; charset=utf-8"}
        token = await self._tokens.token()
        if token:
            headers["Authorization"] = f"Bearer {token}"
        async with self._http.request(method, url, json=body, headers=headers) as resp:
            try:
                data = await resp.json(content_type=None)
            except Exception:
                data = None
            retry_after = None
            if "Retry-After" in resp.headers:
                try:
                    retry_after = float(resp.headers["Retry-After"])
                except ValueError:
                    retry_after = None
            return ConnectorResponse(
                resp.status, data if isinstance(data, dict) else {}, retry_after
            )

    @staticmethod
    def _base(service_url: str) -> str:
        return service_url if service_url.endswith("/") else service_url + "/"

    async def send(
        self,
        service_url: str,
        conversation_id: str,
        activity: dict[str, Any],
        reply_to_id: str | None,
    ) -> ConnectorResponse:
        url = f"{self._base(service_url)}v3/conversations/{quote(conversation_id, safe='')}/activities"
        if reply_to_id:
            url += "/" + quote(reply_to_id, safe="")
        return await self._call("POST", url, activity)

    async def update(
        self, service_url: str, conversation_id: str, activity_id: str, activity: dict[str, Any]
    ) -> ConnectorResponse:
        url = (
            f"{self._base(service_url)}v3/conversations/{quote(conversation_id, safe='')}"
            f"/activities/{quote(activity_id, safe='')}"
        )
        return await self._call("PUT", url, {**activity, "id": activity_id})

    async def create_conversation(
        self, service_url: str, params: dict[str, Any]
    ) -> ConnectorResponse:
        return await self._call("POST", f"{self._base(service_url)}v3/conversations", params)

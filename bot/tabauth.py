"""Who is calling the register tab's API: a Teams SSO token, validated here.

Inside Teams the tab asks teams-js for the user's token (authentication.getAuthToken) and sends
it as `Authorization: Bearer …`. The token is an Entra ID access token for this app:

- signed RS256 with a key of the user's tenant, from the tenant's OpenID metadata (jwks_uri);
  the keys are cached and fetched again, at most every few minutes, for an unknown key id;
- issuer https://sts.windows.net/<tid>/ (v1) or https://login.microsoftonline.com/<tid>/v2.0
  (v2), with <tid> the token's own tenant, which must be one this bot serves;
- audience api://<domain>/<app id> (the manifest's webApplicationInfo.resource) or, for a v2
  token, the app id itself;
- not expired, with a minute of clock skew.

Without a token the API answers 401, unless the server runs with TAB_LOCAL_DEV (refused by the
settings when MicrosoftAppId is set): then the caller is the local operator of the tenant named
in the URL (or DEFAULT_TENANT), who sees the public version of every body.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import jwt
from jwt.algorithms import RSAAlgorithm

from bot.settings import GUID, Settings

logger = logging.getLogger(__name__)

LEEWAY = 60
KEYS_TTL = 24 * 3600
MIN_REFETCH = 300


class TabAuthError(Exception):
    """The request is not from a signed-in user this bot serves (the reason is logged only)."""


@dataclass(frozen=True)
class TabUser:
    tenant_id: str
    oid: str | None  # the Entra object id; None for the local operator
    name: str | None
    local_dev: bool = False


def audiences(settings: Settings) -> list[str]:
    if not settings.app_id:
        return []
    host = urlsplit(settings.base_url).netloc
    return [f"api://{host}/{settings.app_id}", settings.app_id]


def issuers(tenant_id: str) -> list[str]:
    return [
        f"https://sts.windows.net/{tenant_id}/",
        f"https://login.microsoftonline.com/{tenant_id}/v2.0",
    ]


class TenantKeys:
    """Signing keys per tenant from its OpenID metadata, cached.

    Anyone can send a token naming any tenant, so what a stranger can make us do is bounded:
    one fetch per tenant at a time, no new fetch for MIN_REFETCH seconds after a failed or a
    recent one, and at most `max_tenants` tenants remembered (the oldest are forgotten)."""

    def __init__(
        self, metadata_url: str, http: aiohttp.ClientSession, *, max_tenants: int = 1000
    ) -> None:
        self.metadata_url = metadata_url
        self.http = http
        self.max_tenants = max_tenants
        self._keys: dict[str, tuple[float, dict[str, Any]]] = {}
        self._failed: dict[str, float] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def _fetch(self, tenant_id: str) -> dict[str, Any]:
        url = self.metadata_url.replace("{tenant}", tenant_id)
        async with self.http.get(url) as resp:
            resp.raise_for_status()
            metadata = await resp.json(content_type=None)
        jwks_uri = metadata.get("jwks_uri") if isinstance(metadata, dict) else None
        if not isinstance(jwks_uri, str):
            raise ValueError("OpenID metadata without jwks_uri")
        async with self.http.get(jwks_uri) as resp:
            resp.raise_for_status()
            jwks = await resp.json(content_type=None)
        keys: dict[str, Any] = {}
        for jwk in jwks.get("keys", []) if isinstance(jwks, dict) else []:
            if isinstance(jwk, dict) and jwk.get("kty") == "RSA" and jwk.get("kid"):
                keys[str(jwk["kid"])] = RSAAlgorithm.from_jwk(json.dumps(jwk))
        return keys

    def _remember(self, table: dict[str, Any], tenant_id: str, value: Any) -> None:
        table.pop(tenant_id, None)
        table[tenant_id] = value
        while len(table) > self.max_tenants:
            table.pop(next(iter(table)))

    async def key(self, tenant_id: str, kid: str) -> Any:
        cached = self._keys.get(tenant_id)
        if cached is not None and kid in cached[1] and time.monotonic() - cached[0] < KEYS_TTL:
            return cached[1][kid]
        failed = self._failed.get(tenant_id)
        if failed is not None and time.monotonic() - failed < MIN_REFETCH:
            raise TabAuthError(f"signing keys of {tenant_id} failed recently")
        lock = self._locks.setdefault(tenant_id, asyncio.Lock())
        try:
            async with lock:
                cached = self._keys.get(tenant_id)
                if cached is None or time.monotonic() - cached[0] >= MIN_REFETCH:
                    try:
                        keys = await self._fetch(tenant_id)
                    except (aiohttp.ClientError, TimeoutError, ValueError) as err:
                        self._remember(self._failed, tenant_id, time.monotonic())
                        raise TabAuthError(f"signing keys of {tenant_id}: {err}") from None
                    self._failed.pop(tenant_id, None)
                    self._remember(self._keys, tenant_id, (time.monotonic(), keys))
                    cached = self._keys[tenant_id]
        finally:
            if not lock.locked():
                self._locks.pop(tenant_id, None)
        if kid not in cached[1]:
            raise TabAuthError(f"unknown key id {kid!r}")
        return cached[1][kid]


async def validate(token: str, settings: Settings, keys: TenantKeys) -> TabUser:
    """The user of a Teams SSO token, or TabAuthError."""
    wanted = audiences(settings)
    if not wanted:
        raise TabAuthError("no MicrosoftAppId: there is no audience to check tokens against")
    try:
        header = jwt.get_unverified_header(token)
        unverified = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError as err:
        raise TabAuthError(f"malformed token: {err}") from None
    if header.get("alg") != "RS256":
        raise TabAuthError(f"algorithm {header.get('alg')!r}")
    kid = header.get("kid")
    tid = unverified.get("tid")
    if not isinstance(kid, str) or not kid:
        raise TabAuthError("no key id")
    if not isinstance(tid, str) or not GUID.match(tid):
        raise TabAuthError("no tenant id")
    tid = tid.lower()
    if not settings.tenant_allowed(tid):
        raise TabAuthError(f"tenant {tid} is not served")
    key = await keys.key(tid, kid)
    try:
        claims = jwt.decode(
            token,
            key,
            algorithms=["RS256"],
            audience=wanted,
            issuer=issuers(tid),
            leeway=LEEWAY,
            options={"require": ["exp", "iss", "aud", "tid", "oid"]},
        )
    except jwt.PyJWTError as err:
        raise TabAuthError(f"{type(err).__name__}: {err}") from None
    oid = claims.get("oid")
    if not isinstance(oid, str) or not GUID.match(oid):
        raise TabAuthError("no object id")
    name = claims.get("name")
    return TabUser(tid, oid.lower(), name if isinstance(name, str) else None)


async def caller(
    authorization: str, settings: Settings, keys: TenantKeys, tenant_hint: str | None
) -> TabUser:
    """The caller of a tab API request: a validated token, or the local operator when the
    server runs with TAB_LOCAL_DEV and no token is sent."""
    if authorization:
        if not authorization.startswith("Bearer "):
            raise TabAuthError("not a bearer token")
        return await validate(authorization.removeprefix("Bearer ").strip(), settings, keys)
    if settings.tab_local_dev and not settings.app_id:
        tenant = (tenant_hint or "").strip() or settings.default_tenant
        return TabUser(tenant, None, None, local_dev=True)
    raise TabAuthError("no token")

"""Inbound authentication, done before the adapter so every failure is a 401.

botbuilder 4.17.1's CloudAdapter.process maps only PermissionError to 401; a forged or expired
token comes back as 500. We call authenticate_request ourselves and answer 401 on any failure.
"""

from __future__ import annotations

import logging
from types import SimpleNamespace

from botbuilder.integration.aiohttp import ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity
from botframework.connector.auth import AuthenticateRequestResult, BotFrameworkAuthentication

from bot.settings import Settings

logger = logging.getLogger(__name__)

CHANNEL_TOKEN_ISSUER = "https://api.botframework.com"
MAX_HEADER = 16 * 1024  # a channel token is ~1.5 KB


class AuthFailed(Exception):
    pass


def make_authentication(settings: Settings) -> BotFrameworkAuthentication:
    config = SimpleNamespace(
        APP_ID=settings.app_id or None,
        APP_PASSWORD=settings.app_password or None,
        APP_TYPE=settings.app_type,
        APP_TENANTID=settings.app_tenant_id or None,
    )
    if settings.openid_metadata_url:
        # Setting the metadata URL alone rejects valid tokens; the issuer must come with it.
        config.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL = settings.openid_metadata_url
        config.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER = CHANNEL_TOKEN_ISSUER
    return ConfigurationBotFrameworkAuthentication(config)


async def authenticate(
    auth: BotFrameworkAuthentication, settings: Settings, header: str, channel_id: str
) -> AuthenticateRequestResult:
    """The token alone, before the activity is read: botbuilder checks signature, issuer,
    audience, expiry and that the signing key is endorsed for `channel_id`. The activity's
    serviceUrl is compared with the token's `serviceurl` claim by the caller (bot/edge.py) once
    the body is parsed; botbuilder skips that comparison when the activity carries none."""
    if settings.auth_enabled and not header.startswith("Bearer "):
        raise AuthFailed("missing bearer token")
    if len(header) > MAX_HEADER:
        raise AuthFailed("token too long")
    try:
        result = await auth.authenticate_request(
            Activity(channel_id=channel_id, service_url=None), header
        )
    except Exception as exc:  # every way a token can be wrong
        raise AuthFailed(f"{type(exc).__name__}: {exc}") from exc
    identity = result.claims_identity
    if settings.auth_enabled and (identity is None or not identity.is_authenticated):
        raise AuthFailed("token not authenticated")
    return result

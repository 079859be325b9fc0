"""Settings from the environment, validated once at start-up into a typed object."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from storage.db import DEFAULT_SQLITE_URL, normalize_url

GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
APP_TYPES = ("MultiTenant", "SingleTenant", "UserAssignedMSI")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class SettingsError(ValueError):
    """A setting is wrong; the message names it and says why."""


@dataclass(frozen=True)
class Settings:
    app_id: str = ""
    app_password: str = field(default="", repr=False)
    app_type: str = "MultiTenant"
    app_tenant_id: str = ""
    database_url: str = DEFAULT_SQLITE_URL
    allowed_tenants: tuple[str, ...] = ()
    default_tenant: str = "local"
    host: str = "0.0.0.0"
    port: int = 3978
    log_level: str = "INFO"
    # Where the bot's own links (document downloads) point; defaults to http://localhost:PORT.
    public_url: str = ""
    # Token endpoint host for outbound Bot Connector calls; tests point it at loopback.
    oauth_authority: str = "https://login.microsoftonline.com"
    # OpenID metadata for inbound channel tokens; tests point it at loopback.
    openid_metadata_url: str = ""
    migrate_on_start: bool = True
    # Days delivered/failed outbox rows and processed-activity ids are kept (0: forever).
    outbox_retention_days: int = 30
    processed_retention_days: int = 30
    # The register tab without a Teams SSO token: only on a developer's machine (TAB_LOCAL_DEV),
    # never together with MicrosoftAppId. The caller is then the local operator.
    tab_local_dev: bool = False
    # OpenID metadata of the tenant whose users sign in to the tab; {tenant} is the token's tid.
    tab_openid_metadata_url: str = (
        "https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration"
    )
    # Named on the privacy and accessibility pages (bot/pages.py): the personuppgiftsansvarig
    # (the body's organisation), its dataskyddsombud, and where to report accessibility problems.
    controller: str = ""
    dpo: str = ""
    accessibility_contact: str = ""
    # A message with files in a personal chat: when reading and parsing them has not finished
    # after this many seconds, the bot says it is reading and sends the summary when it is done
    # (the Bot Connector gives up on a turn after about 15 s and sends the message again).
    import_ack_seconds: float = 5.0

    @property
    def auth_enabled(self) -> bool:
        return bool(self.app_id)

    @property
    def base_url(self) -> str:
        return (self.public_url or f"http://localhost:{self.port}").rstrip("/")

    def tenant_allowed(self, tenant_id: str | None) -> bool:
        if not self.allowed_tenants:
            return True
        return tenant_id is not None and tenant_id.lower() in self.allowed_tenants


def _bool(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise SettingsError(f"{name}: expected true or false, got {raw!r}")


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read and check every setting; raise SettingsError naming the first bad one."""
    env = os.environ if env is None else env

    def get(name: str, default: str = "") -> str:
        return env.get(name, default).strip()

    app_id = get("MicrosoftAppId")
    if app_id and not GUID.match(app_id):
        raise SettingsError(
            f"MicrosoftAppId: expected a GUID (the Azure Bot's app id), got {app_id!r}"
        )
    app_password = get("MicrosoftAppPassword")
    app_type = get("MicrosoftAppType", "MultiTenant") or "MultiTenant"
    match = {t.lower(): t for t in APP_TYPES}.get(app_type.lower())
    if match is None:
        raise SettingsError(
            f"MicrosoftAppType: expected one of {', '.join(APP_TYPES)}, got {app_type!r}"
        )
    app_type = match
    app_tenant_id = get("MicrosoftAppTenantId")
    if app_type == "SingleTenant" and app_id and not app_tenant_id:
        raise SettingsError("MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant")
    if app_tenant_id and not GUID.match(app_tenant_id):
        raise SettingsError(f"MicrosoftAppTenantId: expected a GUID, got {app_tenant_id!r}")
    if app_id and app_type != "UserAssignedMSI" and not app_password:
        raise SettingsError("MicrosoftAppPassword: required when MicrosoftAppId is set")

    database_url = normalize_url(get("DATABASE_URL") or DEFAULT_SQLITE_URL)
    if not (
        database_url.startswith("sqlite+aiosqlite://")
        or database_url.startswith("postgresql+asyncpg://")
    ):
        raise SettingsError(
            "DATABASE_URL: expected sqlite:///path or postgresql://user@host/db, "
            f"got {database_url.split('://')[0]!r}"
        )

    allowed: list[str] = []
    for part in re.split(r"[,\s]+", get("ALLOWED_TENANTS")):
        if not part:
            continue
        if not GUID.match(part):
            raise SettingsError(f"ALLOWED_TENANTS: {part!r} is not a tenant id (GUID)")
        allowed.append(part.lower())

    port_raw = get("PORT", "3978") or "3978"
    if not port_raw.isdigit() or not 0 <= int(port_raw) <= 65535:
        raise SettingsError(f"PORT: expected a number from 0 to 65535, got {port_raw!r}")

    log_level = (get("LOG_LEVEL", "INFO") or "INFO").upper()
    if log_level not in LOG_LEVELS:
        raise SettingsError(
            f"LOG_LEVEL: expected one of {', '.join(LOG_LEVELS)}, got {log_level!r}"
        )

    retention: dict[str, int] = {}
    for name in ("OUTBOX_RETENTION_DAYS", "PROCESSED_ACTIVITY_RETENTION_DAYS"):
        raw = get(name, "30") or "30"
        if not raw.isdigit():
            raise SettingsError(f"{name}: expected a whole number of days (0: keep), got {raw!r}")
        retention[name] = int(raw)

    public_url = get("PUBLIC_URL")
    if public_url and not re.match(r"^https?://", public_url):
        raise SettingsError(f"PUBLIC_URL: expected an http(s) URL, got {public_url!r}")

    tab_local_dev = _bool("TAB_LOCAL_DEV", get("TAB_LOCAL_DEV", "false"))
    if tab_local_dev and app_id:
        raise SettingsError(
            "TAB_LOCAL_DEV: the register without sign-in is for a developer's machine; "
            "it cannot be on when MicrosoftAppId is set"
        )
    tab_metadata = get("TAB_OPENID_METADATA_URL") or Settings.tab_openid_metadata_url
    if not re.match(r"^https?://", tab_metadata):
        raise SettingsError(
            f"TAB_OPENID_METADATA_URL: expected an http(s) URL, got {tab_metadata!r}"
        )

    ack_raw = get("IMPORT_ACK_SECONDS", "5") or "5"
    try:
        import_ack = float(ack_raw)
    except ValueError:
        import_ack = -1.0
    if not 0 <= import_ack <= 12:
        raise SettingsError(
            f"IMPORT_ACK_SECONDS: expected a number of seconds from 0 to 12, got {ack_raw!r}"
        )

    return Settings(
        app_id=app_id,
        app_password=app_password,
        app_type=app_type,
        app_tenant_id=app_tenant_id,
        database_url=database_url,
        allowed_tenants=tuple(allowed),
        default_tenant=get("DEFAULT_TENANT", "local") or "local",
        host=get("HOST", "0.0.0.0") or "0.0.0.0",
        port=int(port_raw),
        log_level=log_level,
        public_url=public_url,
        oauth_authority=(get("OAUTH_AUTHORITY") or "https://login.microsoftonline.com").rstrip("/"),
        openid_metadata_url=get("OPENID_METADATA_URL"),
        migrate_on_start=_bool("MIGRATE_ON_START", get("MIGRATE_ON_START", "true")),
        outbox_retention_days=retention["OUTBOX_RETENTION_DAYS"],
        processed_retention_days=retention["PROCESSED_ACTIVITY_RETENTION_DAYS"],
        tab_local_dev=tab_local_dev,
        tab_openid_metadata_url=tab_metadata,
        controller=get("PRIVACY_CONTROLLER"),
        dpo=get("PRIVACY_DPO"),
        accessibility_contact=get("ACCESSIBILITY_CONTACT"),
        import_ack_seconds=import_ack,
    )


def configure_logging(level: str) -> None:
    logging.basicConfig(
        level=getattr(logging, level, logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )

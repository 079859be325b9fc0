"""Settings are read from the environment and checked once; a bad one is named."""

from __future__ import annotations

import pytest

from bot.settings import Settings, SettingsError, load_settings

APP_ID = "11111111-2222-4333-8444-555555555555"
TENANT = "72f988bf-0000-4000-8000-000000000001"


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"MicrosoftAppId": "not-a-guid", "MicrosoftAppPassword": "x"}, "MicrosoftAppId"),
        (
            {
                "MicrosoftAppId": APP_ID,
                "MicrosoftAppPassword": "x",
                "MicrosoftAppType": "SingleTenant",
            },
            "MicrosoftAppTenantId",
        ),
        (
            {
                "MicrosoftAppId": APP_ID,
                "MicrosoftAppPassword": "x",
                "MicrosoftAppType": "SingleTenant",
                "MicrosoftAppTenantId": "contoso",
            },
            "MicrosoftAppTenantId",
        ),
        (
            {"MicrosoftAppId": APP_ID, "MicrosoftAppPassword": "x", "MicrosoftAppType": "Personal"},
            "MicrosoftAppType",
        ),
        ({"MicrosoftAppId": APP_ID}, "MicrosoftAppPassword"),
        ({"PORT": "http"}, "PORT"),
        ({"PORT": "70000"}, "PORT"),
        ({"PORT": "-1"}, "PORT"),
        ({"DATABASE_URL": "mysql://root@localhost/bot"}, "DATABASE_URL"),
        ({"DATABASE_URL": "/var/lib/bot.db"}, "DATABASE_URL"),
        ({"ALLOWED_TENANTS": f"{TENANT},kommun.se"}, "ALLOWED_TENANTS"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
        ({"MIGRATE_ON_START": "kanske"}, "MIGRATE_ON_START"),
        ({"PUBLIC_URL": "bot.example.se"}, "PUBLIC_URL"),
        ({"IMPORT_ACK_SECONDS": "snart"}, "IMPORT_ACK_SECONDS"),
        ({"IMPORT_ACK_SECONDS": "30"}, "IMPORT_ACK_SECONDS"),
        ({"IMPORT_ACK_SECONDS": "nan"}, "IMPORT_ACK_SECONDS"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_bad_setting_is_named(env: dict[str, str], named: str) -> None:
    with pytest.raises(SettingsError) as err:
        load_settings(env)
    assert str(err.value).startswith(named + ":"), str(err.value)


def test_defaults() -> None:
    s = load_settings({})
    assert s == Settings()
    assert not s.auth_enabled
    assert s.app_type == "MultiTenant"
    assert s.port == 3978
    assert s.database_url.startswith("sqlite+aiosqlite:///")
    assert s.tenant_allowed("anything")


def test_good_settings_parse() -> None:
    other = "0b5e4c1d-0000-4000-8000-000000000002"
    s = load_settings(
        {
            "MicrosoftAppId": APP_ID,
            "MicrosoftAppPassword": " secret ",
            "MicrosoftAppType": "singletenant",
            "MicrosoftAppTenantId": TENANT,
            "DATABASE_URL": "postgresql://bot:pw@db.internal:5432/samverkan",
            "ALLOWED_TENANTS": f"{TENANT.upper()}, {other}",
            "DEFAULT_TENANT": TENANT,
            "PORT": "8080",
            "LOG_LEVEL": "debug",
            "PUBLIC_URL": "https://bot.example.se/",
            "MIGRATE_ON_START": "false",
            "IMPORT_ACK_SECONDS": "2.5",
        }
    )
    assert s.auth_enabled
    assert (s.app_id, s.app_password, s.app_type, s.app_tenant_id) == (
        APP_ID,
        "secret",
        "SingleTenant",
        TENANT,
    )
    assert s.database_url == "postgresql+asyncpg://bot:pw@db.internal:5432/samverkan"
    assert s.allowed_tenants == (TENANT, other)
    assert s.tenant_allowed(TENANT.upper()) and s.tenant_allowed(other)
    assert not s.tenant_allowed("33333333-0000-4000-8000-000000000003") and not s.tenant_allowed(
        None
    )
    assert s.default_tenant == TENANT
    assert s.port == 8080
    assert s.log_level == "DEBUG"
    assert s.import_ack_seconds == 2.5
    assert s.base_url == "https://bot.example.se"
    assert s.migrate_on_start is False


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("sqlite:///./data/x.db", "sqlite+aiosqlite:///./data/x.db"),
        ("postgres://u@h/db", "postgresql+asyncpg://u@h/db"),
        ("postgresql+asyncpg://u@h/db", "postgresql+asyncpg://u@h/db"),
    ],
)
def test_database_url_forms(raw: str, expected: str) -> None:
    assert load_settings({"DATABASE_URL": raw}).database_url == expected


def test_multitenant_needs_no_tenant_id() -> None:
    s = load_settings({"MicrosoftAppId": APP_ID, "MicrosoftAppPassword": "x"})
    assert s.app_type == "MultiTenant" and s.app_tenant_id == ""

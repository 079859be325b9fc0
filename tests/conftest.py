"""Shared fixtures: databases (SQLite file, fresh PostgreSQL database), the stand-in Bot
Connector, the local OpenID/JWKS authority and the running bot (tests/harness/)."""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # so `tests.harness` imports under any pytest invocation
    sys.path.insert(0, str(ROOT))

from tests.harness.activities import Activities  # noqa: E402
from tests.harness.auth import OpenIdServer, clear_metadata_cache  # noqa: E402
from tests.harness.connector import StandInConnector  # noqa: E402
from tests.harness.server import BotServer  # noqa: E402

PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Whatever uses a PostgreSQL database is a postgres test (`-m "not postgres"` skips them).
    for item in items:
        if "pg_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(autouse=True)
def _clear_openid_metadata_cache() -> Iterator[None]:
    """botbuilder caches OpenID metadata in a class-level dict; no test may see another's."""
    clear_metadata_cache()
    yield
    clear_metadata_cache()


# --- databases -----------------------------------------------------------------------------


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'samverkansbot.db'}"


def _pg_admin_dsn() -> str:
    url = os.environ.get("DATABASE_URL_PG") or PG_ADMIN_URL
    for prefix in ("postgresql+asyncpg://", "postgres://"):
        if url.startswith(prefix):
            url = "postgresql://" + url[len(prefix) :]
    return url


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL is required with CI=true: {reason}")
    pytest.skip(f"PostgreSQL not available: {reason}")


@pytest.fixture
async def pg_url() -> AsyncIterator[str]:
    """A fresh database svb_t_<random> on the PostgreSQL server, dropped afterwards."""
    import asyncpg

    admin = _pg_admin_dsn()
    try:
        conn = await asyncpg.connect(admin, timeout=5)
    except (OSError, asyncpg.PostgresError, TimeoutError) as err:
        _unavailable(f"{admin}: {err!r}")
        raise  # unreachable
    name = f"svb_t_{uuid.uuid4().hex[:12]}"
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    base = admin.rsplit("/", 1)[0]
    try:
        yield f"postgresql+asyncpg://{base.split('://', 1)[1]}/{name}"
    finally:
        conn = await asyncpg.connect(admin, timeout=5)
        try:
            await conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = $1 AND pid <> pg_backend_pid()",
                name,
            )
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        finally:
            await conn.close()


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
    ]
)
def db_url(request: pytest.FixtureRequest) -> str:
    """Runs a test once on SQLite and once on PostgreSQL (an empty, unmigrated database)."""
    return str(request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url"))


# --- stand-ins -----------------------------------------------------------------------------


@pytest.fixture
async def connector() -> AsyncIterator[StandInConnector]:
    """The stand-in Bot Connector (also the outbound token endpoint)."""
    async with StandInConnector() as c:
        yield c


@pytest.fixture
def openid() -> Iterator[OpenIdServer]:
    """Local OpenID metadata + JWKS (in a thread), publishing tests.harness.auth.default_key()."""
    with OpenIdServer() as server:
        yield server


# --- the bot -------------------------------------------------------------------------------

BotServerFactory = Callable[..., Awaitable[BotServer]]


@pytest.fixture
async def make_bot_server(
    connector: StandInConnector, sqlite_url: str, request: pytest.FixtureRequest
) -> AsyncIterator[BotServerFactory]:
    """`await make_bot_server(auth=False, database_url=None, **settings)` starts a BotServer;
    all are closed at teardown. auth=True pulls in the `openid` fixture."""
    servers: list[BotServer] = []

    async def make(
        *, auth: bool = False, database_url: str | None = None, **kwargs: Any
    ) -> BotServer:
        openid = request.getfixturevalue("openid") if auth else None
        server = BotServer(
            database_url or sqlite_url, connector, openid=openid, auth=auth, **kwargs
        )
        servers.append(server)
        return await server.start()

    yield make
    for server in reversed(servers):
        await server.close()


@pytest.fixture
async def bot_server(make_bot_server: BotServerFactory) -> BotServer:
    """The bot on SQLite, authentication off, talking to the stand-in connector."""
    return await make_bot_server()


@pytest.fixture
def activities(bot_server: BotServer) -> Activities:
    """Activity builders bound to bot_server (serviceUrl = the stand-in connector)."""
    return bot_server.activities

"""Shared fixtures: databases (SQLite file, fresh PostgreSQL database), the stand-in Bot
Connector, the local OpenID/JWKS authority and the running bot (tests/harness/)."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
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
        if {"pg_url", "empty_pg_url"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(autouse=True)
def _no_embeddings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every running bot starts the passage embedder, and loading the model and embedding each
    write costs seconds of the two shared cores: off unless a test asks for `embeddings`."""
    monkeypatch.setenv("SVB_EMBEDDINGS", "0")


@pytest.fixture
def embeddings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dense vectors on (storage/vectors.py), for the tests of vectors and dense retrieval."""
    monkeypatch.setenv("SVB_EMBEDDINGS", "1")


@pytest.fixture(autouse=True)
def _clear_openid_metadata_cache() -> Iterator[None]:
    """botbuilder caches OpenID metadata in a class-level dict; no test may see another's."""
    clear_metadata_cache()
    yield
    clear_metadata_cache()


# --- databases -----------------------------------------------------------------------------


def _off_the_loop(fn: Callable[..., Any], *args: Any) -> Any:
    """Session fixtures may be set up while a test's event loop exists; Alembic's env.py and
    asyncio.run want none, so they run in a thread of their own."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn, *args).result()


# Each test gets a database of its own, already at the migrations' head: copied from a template
# migrated once per session (from empty, so the migrations themselves still run on both engines)
# instead of migrating every one; the start-up migration then finds nothing to do.
# tests/test_migrations.py starts the bot on an empty database of each engine.


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from storage.migrate import upgrade_sync

    path = tmp_path_factory.mktemp("template") / "samverkansbot.db"
    _off_the_loop(upgrade_sync, f"sqlite+aiosqlite:///{path}")
    return path


@pytest.fixture
def empty_sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}"


@pytest.fixture
def sqlite_url(tmp_path: Path, _sqlite_template: Path) -> str:
    """A SQLite file migrated to head."""
    path = tmp_path / "samverkansbot.db"
    shutil.copyfile(_sqlite_template, path)
    return f"sqlite+aiosqlite:///{path}"


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


def _pg_unavailable_reason() -> str | None:
    import asyncpg

    async def probe() -> None:
        conn = await asyncpg.connect(_pg_admin_dsn(), timeout=5)
        await conn.close()

    try:
        _off_the_loop(asyncio.run, probe())
    except (OSError, asyncpg.PostgresError, TimeoutError) as err:
        return f"{_pg_admin_dsn()}: {err!r}"
    return None


async def _pg_execute(*statements: tuple[str, ...]) -> None:
    import asyncpg

    conn = await asyncpg.connect(_pg_admin_dsn(), timeout=5)
    try:
        for statement, *args in statements:
            await conn.execute(statement, *args)
    finally:
        await conn.close()


def _pg_database_url(name: str) -> str:
    base = _pg_admin_dsn().rsplit("/", 1)[0]
    return f"postgresql+asyncpg://{base.split('://', 1)[1]}/{name}"


async def _pg_drop(name: str) -> None:
    # WITH (FORCE) (PostgreSQL 13+) ends the database's connections and drops it in one step:
    # pg_terminate_backend only signals, and under load a backend that had not exited yet (or
    # a pool reconnecting in between) made the DROP fail with "being accessed by other users".
    await _pg_execute((f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',))


@pytest.fixture(scope="session")
def _pg_template() -> Iterator[str | None]:
    """The name of a database migrated to head, to be copied (CREATE DATABASE … TEMPLATE);
    None when no server answers (each test then skips, or fails under CI=true)."""
    if _pg_unavailable_reason() is not None:
        yield None
        return
    from storage.migrate import upgrade_sync

    name = f"svb_tpl_{uuid.uuid4().hex[:12]}"
    _off_the_loop(asyncio.run, _pg_execute((f'CREATE DATABASE "{name}"',)))
    try:
        _off_the_loop(upgrade_sync, _pg_database_url(name))
        yield name
    finally:
        _off_the_loop(asyncio.run, _pg_drop(name))


async def _fresh_pg_database(template: str | None) -> AsyncIterator[str]:
    import asyncpg

    admin = _pg_admin_dsn()
    try:
        conn = await asyncpg.connect(admin, timeout=5)
    except (OSError, asyncpg.PostgresError, TimeoutError) as err:
        _unavailable(f"{admin}: {err!r}")
        raise  # unreachable
    name = f"svb_t_{uuid.uuid4().hex[:12]}"
    try:
        if template is None:
            await conn.execute(f'CREATE DATABASE "{name}"')
        else:
            await conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    finally:
        await conn.close()
    try:
        yield _pg_database_url(name)
    finally:
        await _pg_drop(name)


@pytest.fixture
async def empty_pg_url() -> AsyncIterator[str]:
    """A fresh, empty database svb_t_<random> on the PostgreSQL server, dropped afterwards."""
    async for url in _fresh_pg_database(None):
        yield url


@pytest.fixture
async def pg_url(_pg_template: str | None) -> AsyncIterator[str]:
    """A fresh database svb_t_<random> at the migrations' head, dropped afterwards."""
    if _pg_template is None:
        _unavailable(_pg_unavailable_reason() or "no template database")
    async for url in _fresh_pg_database(_pg_template):
        yield url


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
    ]
)
def db_url(request: pytest.FixtureRequest) -> str:
    """Runs a test once on SQLite and once on PostgreSQL (a database at the migrations' head)."""
    return str(request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url"))


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
    ]
)
def empty_db_url(request: pytest.FixtureRequest) -> str:
    """Runs a test once on an empty, unmigrated SQLite file and PostgreSQL database."""
    return str(
        request.getfixturevalue("empty_sqlite_url" if request.param == "sqlite" else "empty_pg_url")
    )


class Snapshots:
    """Databases a slow fixture filled, kept for the session: the first test on each engine
    builds, the next ones get a copy (a file copy on SQLite, CREATE DATABASE … TEMPLATE on
    PostgreSQL) in place of their own fresh database."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.pg: dict[str, str] = {}
        self.sqlite: dict[str, Path] = {}

    async def restore_or_build(
        self, key: str, database: Any, build: Callable[[], Awaitable[None]]
    ) -> None:
        """`database` (storage.db.Database, already on the test's fresh database) ends up
        holding what `build()` writes: built once per key and engine, copied after."""
        url = str(database.url)
        if database.is_sqlite:
            path = Path(url.split(":///", 1)[1])
            if key in self.sqlite:
                await database.dispose()
                shutil.copyfile(self.sqlite[key], path)
                return
            await build()
            await database.dispose()
            self.sqlite[key] = self.root / f"{key}.db"
            shutil.copyfile(path, self.sqlite[key])
            return
        name = url.rsplit("/", 1)[1]
        if key in self.pg:
            await database.dispose()
            await _pg_drop(name)
            await _pg_execute((f'CREATE DATABASE "{name}" TEMPLATE "{self.pg[key]}"',))
            return
        await build()
        await database.dispose()
        snapshot = f"svb_snap_{uuid.uuid4().hex[:12]}"
        await _pg_execute((f'CREATE DATABASE "{snapshot}" TEMPLATE "{name}"',))
        self.pg[key] = snapshot


@pytest.fixture(scope="session")
def snapshots(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Snapshots]:
    kept = Snapshots(tmp_path_factory.mktemp("snapshots"))
    yield kept
    for name in kept.pg.values():
        _off_the_loop(asyncio.run, _pg_drop(name))


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

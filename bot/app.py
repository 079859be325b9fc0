"""The aiohttp service: POST /api/messages, GET /healthz, GET /dl/{token}, the pages.

Its typed keys (SETTINGS, DB, …) are in bot/keys.py, so route modules need not import this one.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator

import aiohttp
from aiohttp import web
from botbuilder.schema import Activity
from botframework.connector.auth import AuthenticationConstants, ClaimsIdentity

from bot import edge
from bot.adapter import TurnAdapter
from bot.auth import AuthFailed, authenticate, make_authentication
from bot.connector import Connector
from bot.handler import SamverkansBot, tenant_of
from bot.keys import (
    ADAPTER,
    AUTH,
    BOT,
    CLOCK,
    DB,
    KEEPER,
    RUNNER,
    SCHEDULER,
    SCHEDULER_INTERVAL,
    SETTINGS,
    SWEEPER,
)
from bot.openid import MetadataKeeper
from bot.scheduler import Scheduler
from bot.sender import ConnectorSender, Sweeper
from bot.settings import Settings
from bot.turns import TurnRunner
from dialogs.context import RequestEnv
from storage.clock import Clock, SystemClock
from storage.db import Database
from storage.migrate import upgrade

logger = logging.getLogger(__name__)


async def messages(request: web.Request) -> web.StreamResponse:
    app = request.app
    settings = app[SETTINGS]
    try:
        edge.check_headers(request)
        identity = await _authenticate(request) if settings.auth_enabled else None
        body = edge.parse_activity(await edge.read_body(request))
        edge.check_route(body, dict(identity.claims or {}) if identity is not None else None)
    except edge.EdgeRefusal as refusal:
        if refusal.status == 401:
            logger.info("401 before the turn: %s", refusal.error)
        return await edge.refuse(request, refusal.status, refusal.error)
    except AuthFailed as err:
        logger.info("401 for a request to /api/messages: %s", err)
        return await edge.refuse(request, 401, "unauthorized")
    try:
        activity = Activity().deserialize(body)
    except Exception:
        return web.json_response({"error": "malformed activity"}, status=400)
    if identity is None:  # authentication off (local runs): what botbuilder gives then
        identity = ClaimsIdentity({}, True, AuthenticationConstants.ANONYMOUS_AUTH_TYPE)
    tenant = tenant_of(activity)
    if not settings.tenant_allowed(tenant):
        logger.warning("tenant %s is not served (activity %s)", tenant, activity.id)
        return web.json_response({"error": "tenant not served"}, status=403)
    invoke = await app[ADAPTER].process(activity, app[BOT].on_turn, identity=identity)
    if invoke is None:
        return web.Response(status=200)
    # 4.17.1 re-serializes invoke bodies and answers 500; the body is already a dict here.
    return web.Response(
        status=invoke.status,
        body=json.dumps(invoke.body, ensure_ascii=False).encode("utf-8")
        if invoke.body is not None
        else None,
        content_type="application/json",
        charset="utf-8",
    )


async def _authenticate(request: web.Request) -> ClaimsIdentity:
    """The token is checked before the body is read; a rotated key refreshes the keys once."""
    app = request.app
    header = request.headers.get("Authorization", "")
    try:
        result = await authenticate(app[AUTH], app[SETTINGS], header, edge.SERVED_CHANNEL)
    except AuthFailed:
        keeper = app.get(KEEPER)
        if keeper is None or not await keeper.refresh_for(header):
            raise
        result = await authenticate(app[AUTH], app[SETTINGS], header, edge.SERVED_CHANNEL)
    identity: ClaimsIdentity = result.claims_identity
    return identity


async def healthz(request: web.Request) -> web.Response:
    ok = await request.app[DB].ping()
    return web.json_response(
        {"status": "ok" if ok else "unavailable", "database": ok}, status=200 if ok else 503
    )


def create_app(
    settings: Settings, *, clock: Clock | None = None, scheduler_interval: float = 10.0
) -> web.Application:
    """The service. `clock` is the time the scheduler and the turns see (tests pass one they
    move by hand); `scheduler_interval` how often the scheduler looks for due posts."""
    app = web.Application(client_max_size=edge.MAX_BODY)
    app[SETTINGS] = settings
    app[CLOCK] = clock or SystemClock()
    app[SCHEDULER_INTERVAL] = scheduler_interval
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", healthz)
    app.cleanup_ctx.append(_resources)
    from bot import downloads, pages

    downloads.setup(app)
    pages.setup(app, settings)
    from bot import tab

    tab.setup(app)
    return app


async def _resources(app: web.Application) -> AsyncIterator[None]:
    settings = app[SETTINGS]
    if settings.migrate_on_start:
        await upgrade(settings.database_url)
    db = Database(settings.database_url)
    http = aiohttp.ClientSession(
        timeout=aiohttp.ClientTimeout(total=30),
        connector=aiohttp.TCPConnector(limit=100, keepalive_timeout=60),
    )
    connector = Connector(settings, http)
    sender = ConnectorSender(
        db,
        connector,
        lambda: f"28:{settings.app_id}" if settings.app_id else None,
        port=settings.port,
    )
    await sender.start()
    runner = TurnRunner(db, sender, env=RequestEnv.of(settings, clock=app[CLOCK]))
    sweeper = Sweeper(
        db,
        sender,
        retention_days=(settings.outbox_retention_days, settings.processed_retention_days),
    )
    app[DB] = db
    app[RUNNER] = runner
    app[BOT] = SamverkansBot(runner, http, clock=app[CLOCK], ack_after=settings.import_ack_seconds)
    app[SWEEPER] = sweeper
    scheduler = Scheduler(db, sender, app[CLOCK], interval=app[SCHEDULER_INTERVAL])
    app[SCHEDULER] = scheduler
    app[AUTH] = make_authentication(settings)
    app[ADAPTER] = TurnAdapter()
    sweeper.start()
    scheduler.start()
    # Dense vectors of new passages, off the event loop, after every write that made some.
    from storage.vectors import Embedder

    embedder = Embedder(db)
    embedder.start()
    keeper = None
    if settings.auth_enabled:
        keeper = MetadataKeeper(settings)
        app[KEEPER] = keeper
        keeper.start()
    logger.info(
        "samverkansbot ready on port %s (auth %s, %s)",
        settings.port,
        "on" if settings.auth_enabled else "off",
        db.dialect,
    )
    try:
        yield
    finally:
        if keeper is not None:
            await keeper.stop()
        await scheduler.stop()
        await sweeper.stop()
        await embedder.stop()
        await runner.drain()
        await sender.stop()
        await http.close()
        await db.dispose()

"""The aiohttp application's typed keys, in a module of their own so that the route modules
(downloads, pages) read what create_app stored without importing bot/app.py back."""

from __future__ import annotations

from aiohttp import web
from botframework.connector.auth import BotFrameworkAuthentication

from bot.adapter import TurnAdapter
from bot.handler import SamverkansBot
from bot.openid import MetadataKeeper
from bot.scheduler import Scheduler
from bot.sender import Sweeper
from bot.settings import Settings
from bot.turns import TurnRunner
from storage.clock import Clock
from storage.db import Database

SETTINGS = web.AppKey("settings", Settings)
DB = web.AppKey("db", Database)
RUNNER = web.AppKey("runner", TurnRunner)
BOT = web.AppKey("bot", SamverkansBot)
SWEEPER = web.AppKey("sweeper", Sweeper)
AUTH = web.AppKey("authentication", BotFrameworkAuthentication)
ADAPTER = web.AppKey("adapter", TurnAdapter)
KEEPER = web.AppKey("openid_keeper", MetadataKeeper)
CLOCK = web.AppKey("clock", Clock)
SCHEDULER = web.AppKey("scheduler", Scheduler)
SCHEDULER_INTERVAL = web.AppKey("scheduler_interval", float)

"""The `samverkansbot` command."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from dataclasses import replace

from bot.settings import Settings, SettingsError, configure_logging, load_settings

logger = logging.getLogger(__name__)


def _settings(args: argparse.Namespace) -> Settings:
    settings = load_settings()
    if getattr(args, "database_url", None):
        from storage.db import normalize_url

        settings = replace(settings, database_url=normalize_url(args.database_url))
    return settings


def cmd_serve(args: argparse.Namespace) -> int:
    from aiohttp import web

    from bot.app import create_app

    settings = _settings(args)
    if args.port is not None:
        settings = replace(settings, port=args.port)
    web.run_app(create_app(settings), host=settings.host, port=settings.port, print=None)
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    from bot.console import run_chat

    settings = _settings(args)
    tenant = args.tenant or settings.default_tenant
    conversation = args.conversation or f"console:{tenant}"
    return asyncio.run(run_chat(settings, tenant, args.as_name, conversation))


def cmd_db(args: argparse.Namespace) -> int:
    from storage.migrate import current_sync, upgrade_sync

    settings = _settings(args)
    if args.action == "upgrade":
        upgrade_sync(settings.database_url)
        print(f"Databasen är uppgraderad ({settings.database_url.split('://')[0]}).")
    else:
        current_sync(settings.database_url)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="samverkansbot",
        description="Samverkansbot: mötet blir protokollet. Teams-bot för samverkansorgan.",
    )
    parser.add_argument("--database-url", help="överskrid DATABASE_URL")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="kör boten (POST /api/messages, GET /healthz)")
    serve.add_argument("--port", type=int, help="överskrid PORT")
    serve.set_defaults(func=cmd_serve)

    chat = sub.add_parser("chat", help="prata med boten lokalt, utan Teams")
    chat.add_argument(
        "--as", dest="as_name", default="Konsolen", help='vem som talar, t.ex. "Anna Burston"'
    )
    chat.add_argument("--tenant", help="värdorganisationens tenant (standard: DEFAULT_TENANT)")
    chat.add_argument("--conversation", help="konversationens id (standard: console:<tenant>)")
    chat.set_defaults(func=cmd_chat)

    db = sub.add_parser("db", help="databasen: migreringar")
    db.add_argument("action", choices=["upgrade", "current"])
    db.set_defaults(func=cmd_db)

    # Feature commands register themselves: each module has register(subparsers).
    import importlib

    for module in FEATURE_COMMANDS:
        importlib.import_module(module).register(sub)
    return parser


# Modules with a register(subparsers) function adding their own subcommands.
FEATURE_COMMANDS: list[str] = [
    "bot.cli_manifest",
    "bot.cli_import",
    "bot.cli_minutes",
    "bot.cli_ask",
    "bot.cli_export",
]


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "manifest":
        # Building the package reads only the app id and domain, and needs no secret.
        configure_logging("WARNING")
        return int(args.func(args))
    try:
        settings = load_settings()
    except SettingsError as err:
        print(f"Fel i inställningarna: {err}", file=sys.stderr)
        return 2
    configure_logging(
        settings.log_level if args.command == "serve" else max_level(settings.log_level, "WARNING")
    )
    return int(args.func(args))


def max_level(a: str, b: str) -> str:
    return a if logging.getLevelName(a) >= logging.getLevelName(b) else b


if __name__ == "__main__":
    sys.exit(main())

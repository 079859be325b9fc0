"""`samverkansbot ask "…" [--tenant ID] [--body NAME] [--json]`: ask the record from the shell.

The same answer code as the chat (dialogs.ask), over all bodies of the tenant (or the one named),
in the language of the question. `--json` prints {"answer": …, "hits": […]} with the hits best
first and an empty list when there is no answer.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from typing import Any

from bot.settings import Settings, load_settings

logger = logging.getLogger(__name__)


async def run_ask(
    settings: Settings,
    question: str,
    *,
    tenant: str | None = None,
    body: str | None = None,
    include_confidential: bool = False,
    migrate: bool | None = None,
) -> dict[str, Any]:
    """Answer one question from the configured database; {"answer", "hits"}."""
    import storage.search  # noqa: F401  (the index hooks)
    from dialogs import ask as ask_module
    from dialogs.context import CommandContext, TurnInput
    from dialogs.router import detect_language
    from dialogs.text import name_key
    from storage.db import Database
    from storage.directory import find_body
    from storage.migrate import upgrade

    if migrate if migrate is not None else settings.migrate_on_start:
        await upgrade(settings.database_url)
    tenant_id = tenant or settings.default_tenant
    db = Database(settings.database_url)
    try:
        async with db.transaction() as session:
            turn = TurnInput(
                tenant_id=tenant_id,
                conversation_id=f"cli:{tenant_id}",
                conversation_type=None,
                speaker=None,
                text=question,
                source="console",
            )
            ctx = CommandContext(session, turn, lang=detect_language(question))
            body_ids: list[int] | None = None
            if body:
                found = list(await find_body(session, tenant_id, name_key(body)))
                if not found:
                    message = ctx.t(
                        f"Det finns inget organ som heter ”{body}”.",
                        f"There is no body called “{body}”.",
                    )
                    return {"answer": message, "hits": []}
                body_ids = [b.id for b in found]
            ctx.cache["ask_scope"] = {"body_ids": body_ids, "confidential": include_confidential}
            answer = await ask_module.ask(ctx, question)
            return answer.as_json()
    finally:
        await db.dispose()


def cmd_ask(args: argparse.Namespace) -> int:
    settings = load_settings()
    if getattr(args, "database_url", None):
        from dataclasses import replace

        from storage.db import normalize_url

        settings = replace(settings, database_url=normalize_url(args.database_url))
    question = " ".join(args.question).strip()
    if not question:
        print('Skriv en fråga, t.ex. samverkansbot ask "vad beslutades om F-ACT?"', file=sys.stderr)
        return 2
    result = asyncio.run(
        run_ask(
            settings,
            question,
            tenant=args.tenant,
            body=args.body,
            include_confidential=args.include_confidential,
        )
    )
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(result["answer"])
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("ask", help='fråga registret, t.ex. "vad beslutades om F-ACT?"')
    parser.add_argument("question", nargs="+", help="frågan, på svenska eller engelska")
    parser.add_argument("--tenant", help="värdorganisationens tenant (standard: DEFAULT_TENANT)")
    parser.add_argument("--body", help="bara det här organet (namn eller kortnamn)")
    parser.add_argument("--json", action="store_true", help="svaret som JSON: answer och hits")
    parser.add_argument(
        "--include-confidential",
        action="store_true",
        help="ta med paragrafer med sekretess (utelämnas annars)",
    )
    parser.set_defaults(func=cmd_ask)

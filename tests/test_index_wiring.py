"""The search index follows every write, whichever command a process runs first.

Run in a fresh interpreter that loads only what the service loads for a command turn, so no
earlier import of the question code can install the index hooks by accident."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = textwrap.dedent(
    """
    import asyncio, sys
    from sqlalchemy import text
    from storage.db import Database
    from dialogs.context import CommandContext, Speaker, TurnInput
    from dialogs.router import dispatch_text
    from dialogs.state import current_session

    async def main(url):
        db = Database(url)
        from storage.directory import ensure_tenant

        async with db.transaction() as session:
            await ensure_tenant(session, "t")  # as the turn runner does
        speaker = Speaker("console", "console:mats", "Mats Wennstig")
        for line in ["organ: LSVO ledningsgrupp (LSVO)", "öppna mötet: 4 juni 2021", "§ 116 Samsjuklighet",
                     "beslut: att ge samverkansgrupp vuxna i uppdrag att ta fram förslag"]:
            async with db.transaction() as session:
                current_session.set(session)  # as the turn runner does
                turn = TurnInput(tenant_id="t", conversation_id="c", conversation_type="groupChat",
                                 speaker=speaker, text=line, source="console")
                await dispatch_text(CommandContext(session, turn), line)
        async with db.transaction() as session:
            print((await session.execute(text("SELECT count(*) FROM search_doc"))).scalar())
        await db.dispose()

    asyncio.run(main(sys.argv[1]))
    """
)


def test_command_writes_reach_the_index_before_any_question(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'x.db'}"
    # Migrated beforehand, as a restarted service finds it: the migration that creates the
    # index imports the search module itself, which must not be what makes indexing work.
    from storage.migrate import upgrade_sync

    upgrade_sync(url)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, url], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    # The § (item) and its decision are both in the index.
    assert int(done.stdout.strip().splitlines()[-1]) >= 2

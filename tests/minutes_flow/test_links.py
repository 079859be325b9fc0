"""Download tokens: only hashes stored, expiry, shape checks; and no token in the access log."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from sqlalchemy import select

from bot.downloads import _REDACT
from storage import minutes as store
from storage.models import DownloadToken, Meeting
from tests.harness.server import BotServer

from .driver import Chat, record_small


async def test_tokens_are_hashed_bound_and_expire(bot_server: BotServer, chat: Chat) -> None:
    meeting = await record_small(chat)
    now = dt.datetime(2026, 1, 1, 12, tzinfo=dt.UTC)
    async with bot_server.db.transaction() as session:
        raw = await store.create_download_token(
            session,
            tenant_id=meeting.tenant_id,
            meeting_id=meeting.id,
            public=True,
            fmt="md",
            now=now,
        )
        with pytest.raises(ValueError):
            await store.create_download_token(
                session, tenant_id="t", meeting_id=meeting.id, public=True, fmt="exe", now=now
            )
    assert len(raw) == 43
    async with bot_server.db.sessions() as session:
        [row] = (await session.scalars(select(DownloadToken))).all()
        assert row.token_hash == store.token_hash(raw) != raw
        assert row.expires_at == now + store.TOKEN_TTL
        assert (row.public, row.fmt, row.meeting_id) == (True, "md", meeting.id)
        ok = await store.check_download_token(session, raw, now + dt.timedelta(days=6))
        assert ok.status == "ok" and ok.token is not None and ok.token.id == row.id
        late = await store.check_download_token(session, raw, now + store.TOKEN_TTL)
        assert late.status == "expired"
        for bad in ("", raw[:-1], raw + "A", raw.replace(raw[0], "!"), "../" + raw[3:]):
            assert (await store.check_download_token(session, bad, now)).status == "unknown"
    # The md link serves Markdown until it expires.
    url = f"{bot_server.url}/dl/{raw}"
    async with bot_server.db.transaction() as session:
        token = await session.scalar(select(DownloadToken))
        assert token is not None
        token.expires_at = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5)
    status, body, headers = await chat.download(url)
    assert status == 200 and headers["Content-Type"].startswith("text/markdown")
    assert body.decode().startswith("# LSVO ledningsgrupp")
    assert "§ 119 Sekretess" in body.decode()  # a public token
    # A token of another meeting's tenant does not open this one.
    async with bot_server.db.transaction() as session:
        token = await session.scalar(select(DownloadToken))
        assert token is not None
        token.tenant_id = "another-tenant"
    assert (await chat.download(url))[0] == 404
    async with bot_server.db.sessions() as session:
        assert await session.get(Meeting, meeting.id) is not None


def test_access_log_does_not_keep_working_links() -> None:
    token = "Ab" * 21 + "c"
    record = logging.LogRecord(
        "aiohttp.access",
        logging.INFO,
        __file__,
        1,
        f'127.0.0.1 "GET /dl/{token} HTTP/1.1" 200',
        None,
        None,
    )
    record.first_request_line = f"GET /dl/{token} HTTP/1.1"
    assert _REDACT.filter(record)
    assert token not in record.getMessage() and "/dl/…" in record.getMessage()
    assert token not in record.first_request_line
    args = logging.LogRecord("x", logging.INFO, __file__, 1, "%s", (f"/dl/{token}",), None)
    _REDACT.filter(args)
    assert token not in args.getMessage()


async def test_markdown_and_html_render_off_the_loop_within_a_size_limit(
    bot_server: BotServer, chat: Chat, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from bot import downloads

    meeting = await record_small(chat)
    urls = {}
    async with bot_server.db.transaction() as session:
        for fmt in ("md", "html", "docx"):
            raw = await store.create_download_token(
                session, tenant_id=meeting.tenant_id, meeting_id=meeting.id, public=True, fmt=fmt
            )
            urls[fmt] = f"{bot_server.url}/dl/{raw}"
    threads: list[str] = []
    for name in ("render_markdown", "render_html"):
        original = getattr(downloads, name)

        def spy(*args: object, _original: object = original, **kwargs: object) -> str:
            threads.append(threading.current_thread().name)
            return _original(*args, **kwargs)  # type: ignore[operator]

        monkeypatch.setattr(downloads, name, spy)
    sizes = {}
    for fmt in ("md", "html"):
        status, body, headers = await chat.download(urls[fmt])
        assert status == 200, fmt
        sizes[fmt] = len(body.decode())
    assert len(threads) == 2
    assert threading.main_thread().name not in threads  # rendered in worker threads

    # Over the limit: a clear 413 in Swedish, and the Word file still downloads.
    monkeypatch.setattr(downloads, "MAX_TEXT_CHARS", min(sizes.values()) - 1)
    for fmt in ("md", "html"):
        status, body, headers = await chat.download(urls[fmt])
        assert status == 413 and headers["Content-Type"].startswith("text/plain")
        assert "för stort" in body.decode() and "LSVO" not in body.decode()
    assert (await chat.download(urls["docx"]))[0] == 200

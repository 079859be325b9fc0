"""GET /dl/{token}: a meeting's minutes (or a protokollsutdrag) behind an expiring link.

The link is the credential: 256 random bits of which the database keeps only the SHA-256
(storage/minutes.py), bound to a tenant, a meeting, a format and the public/full version. The
document is rendered from the record at download time, so corrections show at once. An
unknown or malformed token is 404 and an expired one 410, both with a short body that names
nothing of the meeting.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import quote

from aiohttp import web

from bot.keys import DB
from bot.pages import CSP_FRAME_ANCESTORS
from dialogs.minutes import (
    MinutesDocument,
    ParagraphNotFoundError,
    render_docx,
    render_extract,
    render_html,
    render_markdown,
)
from storage import minutes as store

logger = logging.getLogger(__name__)

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_SECURITY_HEADERS = {
    # A link is personal to whoever was given it: no caches, no referrer carrying the token on.
    "Cache-Control": "no-store, private",
    "Pragma": "no-cache",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Robots-Tag": "noindex, nofollow",
}
# The HTML is static and escaped; nothing in it should ever run or load.
_HTML_CSP = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; {CSP_FRAME_ANCESTORS}"
# Markdown and HTML are shown inline; past this size a browser or Teams' viewer struggles, and
# the Word file is the better way to read the minutes.
MAX_TEXT_CHARS = 5_000_000
_TOKEN_IN_PATH = re.compile(r"/dl/[^\s/?\"]+", re.IGNORECASE)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# Renders are bounded: at most RENDER_SLOTS at once (each in a thread, off the event loop), a
# request waits RENDER_WAIT seconds for a slot, a render gets RENDER_TIMEOUT seconds, and a
# render is not started for a client that has already gone.
RENDER_SLOTS = web.AppKey("render_slots", asyncio.Semaphore)
RENDER_SLOT_COUNT = 2
RENDER_WAIT = 10.0
RENDER_TIMEOUT = 60.0
BUSY = "Samverkansbot skriver redan ut andra dokument. Försök igen om en stund."


class _RenderRefused(Exception):
    def __init__(self, status: int, text: str) -> None:
        super().__init__(text)
        self.status = status
        self.text = text


async def _render(request: web.Request, fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
    slots = request.app[RENDER_SLOTS]
    try:
        async with asyncio.timeout(RENDER_WAIT):
            await slots.acquire()
    except TimeoutError:
        raise _RenderRefused(503, BUSY) from None
    transport = request.transport
    if transport is None or transport.is_closing():
        slots.release()
        raise _RenderRefused(499, "client gone")
    task = asyncio.ensure_future(asyncio.to_thread(fn, *args, **kw))
    # The slot is freed when the thread ends, even if we stop waiting for it.
    task.add_done_callback(lambda _t: slots.release())
    try:
        return await asyncio.wait_for(asyncio.shield(task), RENDER_TIMEOUT)
    except TimeoutError:
        logger.warning("render gave up after %.0f s", RENDER_TIMEOUT)
        raise _RenderRefused(503, BUSY) from None


def _plain(status: int, text: str) -> web.Response:
    return web.Response(
        status=status,
        text=text,
        content_type="text/plain",
        charset="utf-8",
        headers=_SECURITY_HEADERS,
    )


def _file_name(doc: MinutesDocument, suffix: str, extra: str = "") -> str:
    kind = "minnesanteckningar" if doc.form == "minnesanteckningar" else "protokoll"
    short = re.sub(r"[^\w-]+", "-", (doc.body_short or doc.body_name).strip()).strip("-")
    return f"{kind}-{short or 'organ'}-{doc.date.isoformat()}{extra}.{suffix}"


def _disposition(kind: str, name: str) -> str:
    ascii_name = re.sub(r"[^A-Za-z0-9._-]+", "_", name)
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"


async def download(request: web.Request) -> web.StreamResponse:
    raw = request.match_info.get("token", "")
    async with request.app[DB].transaction() as session:
        check = await store.check_download_token(session, raw)
        if check.status == "unknown" or check.token is None:
            return _plain(404, "Länken är ogiltig.")
        token = check.token
        if check.status == "expired" or (
            not token.public and not await store.use_full_token(session, token.id)
        ):
            # A link to the full version opens once; a second request finds it spent.
            logger.info("download token %s expired or used", token.id)
            return _plain(410, "Länken har gått ut. Be Samverkansbot om en ny (skriv `protokoll`).")
        doc = await store.build_document(session, token.meeting_id, tenant_id=token.tenant_id)
    if doc is None:
        logger.warning("download token %s names a missing meeting", token.id)
        return _plain(404, "Länken är ogiltig.")
    public = bool(token.public)
    logger.info(
        "download token %s: meeting %s as %s (public=%s)",
        token.id,
        token.meeting_id,
        token.fmt,
        public,
    )
    headers = dict(_SECURITY_HEADERS)
    try:
        return await _respond(request, doc, token.fmt, public, headers)
    except _RenderRefused as refused:
        if refused.status == 499:
            logger.info("download token %s: the client left before the render", token.id)
        return _plain(refused.status, refused.text)


async def _respond(
    request: web.Request, doc: Any, fmt: str, public: bool, headers: dict[str, str]
) -> web.StreamResponse:
    if fmt.startswith(store.EXTRACT_PREFIX):
        label = fmt[len(store.EXTRACT_PREFIX) :]
        try:
            body = await _render(request, render_extract, doc, label, fmt="docx", public=public)
        except ParagraphNotFoundError:
            return _plain(404, "Länken är ogiltig.")
        headers["Content-Disposition"] = _disposition(
            "attachment", _file_name(doc, "docx", f"-utdrag-{label}")
        )
        return web.Response(body=body, content_type=DOCX_TYPE, headers=headers)
    if fmt == "docx":
        body = await _render(request, render_docx, doc, public=public)
        headers["Content-Disposition"] = _disposition("attachment", _file_name(doc, "docx"))
        return web.Response(body=body, content_type=DOCX_TYPE, headers=headers)
    if fmt in ("md", "html"):
        # Rendered in a worker thread like DOCX, so a large meeting never stalls other turns.
        render = render_markdown if fmt == "md" else render_html
        text = await _render(request, render, doc, public=public)
        if len(text) > MAX_TEXT_CHARS:
            logger.warning("download: %s of %d characters is over the limit", fmt, len(text))
            return _plain(
                413,
                "Protokollet är för stort för att visas i webbläsaren. Be Samverkansbot om "
                "Word-filen (skriv `protokoll`).",
            )
        if fmt == "html":
            headers["Content-Security-Policy"] = _HTML_CSP
        headers["Content-Disposition"] = _disposition("inline", _file_name(doc, fmt))
        return web.Response(
            text=text,
            content_type="text/markdown" if fmt == "md" else "text/html",
            charset="utf-8",
            headers=headers,
        )
    logger.error("download format %r is unknown", fmt)
    return _plain(404, "Länken är ogiltig.")


class _RedactTokens(logging.Filter):
    """The access log must not keep working links: /dl/<token> is logged as /dl/…."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and "/dl/" in record.msg.lower():
            record.msg = _TOKEN_IN_PATH.sub("/dl/…", record.msg)
        if isinstance(record.args, tuple) and any(
            isinstance(a, str) and "/dl/" in a.lower() for a in record.args
        ):
            record.args = tuple(
                _TOKEN_IN_PATH.sub("/dl/…", a) if isinstance(a, str) else a for a in record.args
            )
        for key in ("first_request_line", "request_line", "path"):
            value = getattr(record, key, None)
            if isinstance(value, str) and "/dl/" in value.lower():
                setattr(record, key, _TOKEN_IN_PATH.sub("/dl/…", value))
        return True


_REDACT = _RedactTokens()


def setup(app: web.Application) -> None:
    app[RENDER_SLOTS] = asyncio.Semaphore(RENDER_SLOT_COUNT)
    app.router.add_get("/dl/{token}", download)
    access = logging.getLogger("aiohttp.access")
    if _REDACT not in access.filters:
        access.addFilter(_REDACT)

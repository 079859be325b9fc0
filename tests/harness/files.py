"""Attachment bytes served the way Teams' downloadUrl does: GET {base}{name}."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiohttp import web


@asynccontextmanager
async def file_server(files: dict[str, bytes]) -> AsyncIterator[str]:
    """Serves `files` (read at each request) on a loopback port; yields the base URL."""

    async def serve(request: web.Request) -> web.Response:
        data = files.get(request.match_info["name"])
        return web.Response(body=data) if data is not None else web.Response(status=404)

    app = web.Application()
    app.router.add_get("/files/{name}", serve)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}/files/"
    finally:
        await runner.cleanup()

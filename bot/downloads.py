"""GET /dl/{token}: rendered documents behind expiring links (filled in with the minutes)."""

from __future__ import annotations

from aiohttp import web


async def download(request: web.Request) -> web.Response:
    return web.json_response({"error": "not found"}, status=404)


def setup(app: web.Application) -> None:
    app.router.add_get("/dl/{token}", download)

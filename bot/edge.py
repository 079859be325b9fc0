"""The request edge of POST /api/messages: cheap checks before anything expensive runs.

Order, cheapest first, so an unauthenticated request costs next to nothing:
1. Content-Type and a declared Content-Length over MAX_BODY (413) are refused from the headers.
2. With authentication on, the bearer token is validated before the body is read or parsed
   (signature, issuer, audience, expiry and the key's endorsement for the channel we serve);
   the activity's serviceUrl is compared with the token's claim once the body is parsed.
3. The body is read up to MAX_BODY (413 past it) and parsed with the standard JSON parser.
4. Lists msrest would turn into objects one by one (entities, attachments, members) are capped,
   ids are checked for NUL and for the lengths the database stores, and NUL anywhere in the
   activity is refused (PostgreSQL cannot store it) — all before `Activity().deserialize`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web

# Teams activities are small (a message is at most ~28 KB of text; cards and invokes a few KB).
MAX_BODY = 256 * 1024
SERVED_CHANNEL = "msteams"

# Lists in an activity and how many items we take; more is not a Teams activity.
CAPS: dict[str, int] = {
    "entities": 64,
    "attachments": 32,
    "membersAdded": 256,
    "membersRemoved": 256,
}
# Ids and how long the database stores them (storage/models.py).
ID_LIMITS: dict[tuple[str, ...], int] = {
    ("id",): 200,
    ("replyToId",): 200,
    ("serviceUrl",): 500,
    ("channelId",): 64,
    ("conversation", "id"): 400,
    ("conversation", "tenantId"): 64,
    ("from", "id"): 300,
    ("from", "aadObjectId"): 64,
    ("recipient", "id"): 300,
    ("channelData", "tenant", "id"): 64,
    ("channelData", "team", "id"): 200,
    ("channelData", "channel", "id"): 200,
    ("channelData", "meeting", "id"): 400,
}
MAX_NAME = 200  # display names are cut to what the database keeps, not refused
_WALK_BUDGET = 20_000  # string/container nodes looked at for NUL


class EdgeRefusal(Exception):
    def __init__(self, status: int, error: str) -> None:
        super().__init__(error)
        self.status = status
        self.error = error


async def refuse(request: web.Request, status: int, error: str) -> web.StreamResponse:
    """Answer a refusal. If the body was not read (refused from the headers or the token), the
    connection is closed once the answer is out: aiohttp would otherwise read and discard the
    rest of the upload for up to 10 s, and a flood of large bodies would cost that reading."""
    resp = web.json_response({"error": error}, status=status)
    if request.content.is_eof():
        return resp
    resp.force_close()
    await resp.prepare(request)
    await resp.write_eof()
    if request.protocol is not None:
        request.protocol.force_close()
    return resp


def check_headers(request: web.Request) -> None:
    if "application/json" not in request.headers.get("Content-Type", ""):
        raise EdgeRefusal(415, "expected application/json")
    length = request.content_length
    if length is not None and length > MAX_BODY:
        raise EdgeRefusal(413, f"activity larger than {MAX_BODY} bytes")


async def read_body(request: web.Request) -> bytes:
    """At most MAX_BODY bytes; a chunked body that runs past it is refused as it arrives."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.content.iter_chunked(64 * 1024):
        size += len(chunk)
        if size > MAX_BODY:
            raise EdgeRefusal(413, f"activity larger than {MAX_BODY} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def parse_activity(raw: bytes) -> dict[str, Any]:
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):
        raise EdgeRefusal(400, "malformed activity") from None
    if not isinstance(body, dict) or not isinstance(body.get("type"), str) or not body["type"]:
        raise EdgeRefusal(400, "malformed activity")
    for key, cap in CAPS.items():
        value = body.get(key)
        if value is None:
            continue
        if not isinstance(value, list):
            raise EdgeRefusal(400, f"{key} must be a list")
        if len(value) > cap:
            raise EdgeRefusal(400, f"too many {key} ({len(value)} > {cap})")
    for path, limit in ID_LIMITS.items():
        value = _at(body, path)
        if value is None:
            continue
        if not isinstance(value, str):
            raise EdgeRefusal(400, f"{'.'.join(path)} must be a string")
        if len(value) > limit:
            raise EdgeRefusal(400, f"{'.'.join(path)} longer than {limit} characters")
    if b"\\u0000" in raw and _has_nul(body):
        raise EdgeRefusal(400, "NUL characters are not accepted")
    for key in ("from", "recipient"):
        account = body.get(key)
        if isinstance(account, dict) and isinstance(account.get("name"), str):
            account["name"] = account["name"][:MAX_NAME]
    return body


@dataclass(frozen=True)
class Route:
    """What the edge checked about where the activity came from."""

    service_url: str
    channel_id: str


def check_route(body: dict[str, Any], claims: dict[str, Any] | None) -> Route:
    """serviceUrl and channelId are required; with a token, they must be the token's."""
    service_url = body.get("serviceUrl")
    channel_id = body.get("channelId")
    if not isinstance(service_url, str) or not service_url.startswith(("https://", "http://")):
        raise EdgeRefusal(401 if claims is not None else 400, "serviceUrl missing or not a URL")
    if not isinstance(channel_id, str) or not channel_id:
        raise EdgeRefusal(401 if claims is not None else 400, "channelId missing")
    if claims is not None:
        claimed = claims.get("serviceurl")
        if not isinstance(claimed, str) or claimed != service_url:
            raise EdgeRefusal(401, "serviceUrl differs from the token's serviceurl claim")
        if channel_id != SERVED_CHANNEL:
            raise EdgeRefusal(401, "channelId differs from the channel the token was checked for")
    return Route(service_url, channel_id)


def _at(body: dict[str, Any], path: tuple[str, ...]) -> Any:
    node: Any = body
    for key in path:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def _has_nul(body: Any) -> bool:
    stack = [body]
    seen = 0
    while stack:
        node = stack.pop()
        seen += 1
        if seen > _WALK_BUDGET:
            return True  # a body this shaped is not a Teams activity either
        if isinstance(node, str):
            if "\x00" in node:
                return True
        elif isinstance(node, dict):
            stack.extend(node.keys())
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False

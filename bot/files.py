"""Downloads files attached in personal chat (Teams sends a download URL; see BOTBUILDER.md)."""

from __future__ import annotations

import logging

import aiohttp
from botbuilder.schema import Activity

logger = logging.getLogger(__name__)

FILE_INFO = "application/vnd.microsoft.teams.file.download.info"
MAX_FILE = 20 * 1024 * 1024


def _not_fetched(name: str) -> tuple[str, str]:
    return f"{name}: filen kunde inte hämtas.", f"{name}: the file could not be fetched."


async def download_attachments(
    http: aiohttp.ClientSession | None, activity: Activity
) -> tuple[list[tuple[str, bytes]], list[tuple[str, str]]]:
    """The attached files' bytes, and for each that could not be had a reason (Swedish,
    English)."""
    files: list[tuple[str, bytes]] = []
    errors: list[tuple[str, str]] = []
    for att in activity.attachments or []:
        if att.content_type != FILE_INFO or not isinstance(att.content, dict):
            continue
        name = att.name or "fil"
        url = att.content.get("downloadUrl")
        if not url or http is None:
            errors.append(_not_fetched(name))
            continue
        try:
            async with http.get(url) as resp:
                if resp.status != 200:
                    errors.append(
                        (
                            f"{name}: Teams svarade {resp.status} när filen hämtades.",
                            f"{name}: Teams answered {resp.status} when the file was fetched.",
                        )
                    )
                    continue
                # read(n) returns what has arrived, up to n bytes: read to the end (or the limit).
                chunks: list[bytes] = []
                size = 0
                async for chunk in resp.content.iter_chunked(1 << 16):
                    chunks.append(chunk)
                    size += len(chunk)
                    if size > MAX_FILE:
                        break
                data = b"".join(chunks)
        except aiohttp.ClientError as exc:
            logger.warning("download of %s failed: %s", name, exc)
            errors.append(_not_fetched(name))
            continue
        if len(data) > MAX_FILE:
            errors.append(
                (f"{name}: filen är större än 20 MB.", f"{name}: the file is larger than 20 MB.")
            )
            continue
        files.append((name, data))
    return files, errors

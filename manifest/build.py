"""Builds the Teams app package (manifest.json + icons, zipped) for `samverkansbot manifest build`."""

from __future__ import annotations

import io
import json
import struct
import uuid
import zipfile
import zlib
from pathlib import Path
from typing import Any

SCHEMA = "https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json"
ACCENT = "#1F5C99"


def _png(size: int, rgba: tuple[int, int, int, int], *, ring: bool = False) -> bytes:
    """A square PNG: filled (colour icon) or a white ring on transparency (outline icon)."""
    rows = bytearray()
    c = (size - 1) / 2
    for y in range(size):
        rows.append(0)
        for x in range(size):
            d = ((x - c) ** 2 + (y - c) ** 2) ** 0.5
            if ring:
                px = (255, 255, 255, 255) if size * 0.28 <= d <= size * 0.45 else (0, 0, 0, 0)
            else:
                px = (255, 255, 255, 255) if size * 0.22 <= d <= size * 0.34 else rgba
            rows.extend(px)

    def chunk(tag: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + tag
            + data
            + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


def manifest(
    app_id: str, *, domain: str, version: str = "1.0.0", package_id: str | None = None
) -> dict[str, Any]:
    return {
        "$schema": SCHEMA,
        "manifestVersion": "1.30",
        "version": version,
        "id": package_id or str(uuid.uuid5(uuid.NAMESPACE_URL, f"samverkansbot:{app_id}")),
        "developer": {
            "name": "Samverkansbot",
            "websiteUrl": f"https://{domain}/",
            "privacyUrl": f"https://{domain}/privacy",
            "termsOfUseUrl": f"https://{domain}/terms",
        },
        "name": {
            "short": "Samverkansbot",
            "full": "Samverkansbot – protokoll och beslut för samverkansorgan",
        },
        "description": {
            "short": "Mötet blir protokollet: närvaro, paragrafer och beslut i chatten.",
            "full": "Samverkansbot för samverkansorgan mellan kommuner och regioner: närvaro, paragrafer (§), "
            "beslut med att-satser, uppdrag och jäv registreras i mötets chatt; protokollet skrivs, "
            "justeras och publiceras i Teams, och alla kan fråga vad som beslutats. "
            "Behörigheten att läsa chattens meddelanden (ChatMessage.Read.Chat) begärs bara för att "
            "närvaro (”här”) och sekreterarens rader (”justerare: …”, ”§ 5 …”) ska fungera utan "
            "@omnämnande medan ett möte pågår. Andra meddelanden som inte @nämner boten får inget "
            "svar och sparas inte. Stängs behörigheten av fungerar allt med @omnämnanden.",
        },
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": ACCENT,
        "bots": [
            {
                "botId": app_id,
                "scopes": ["personal", "team", "groupChat"],
                "supportsFiles": True,
                "isNotificationOnly": False,
                "commandLists": [
                    {
                        "scopes": ["team", "groupChat"],
                        "commands": [
                            {"title": "hjälp", "description": "Visa kommandona"},
                            {"title": "närvarande", "description": "Anmäl att du är här"},
                            {"title": "närvarolista", "description": "Vilka är här?"},
                            {"title": "protokoll", "description": "Ta fram protokollet"},
                        ],
                    }
                ],
            }
        ],
        "supportsChannelFeatures": "tier1",
        "validDomains": [domain],
        "webApplicationInfo": {"id": app_id, "resource": f"api://{domain}/{app_id}"},
        "authorization": {
            "permissions": {
                "resourceSpecific": [
                    {"name": "OnlineMeeting.ReadBasic.Chat", "type": "Application"},
                    {"name": "OnlineMeetingParticipant.Read.Chat", "type": "Application"},
                    {"name": "ChannelMeeting.ReadBasic.Group", "type": "Application"},
                    {"name": "ChatMessage.Read.Chat", "type": "Application"},
                ]
            }
        },
    }


def build_package(app_id: str, *, domain: str, out: Path, version: str = "1.0.0") -> Path:
    data = manifest(app_id, domain=domain, version=version)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps(data, ensure_ascii=False, indent=2))
        zf.writestr("color.png", _png(192, (31, 92, 153, 255)))
        zf.writestr("outline.png", _png(32, (0, 0, 0, 0), ring=True))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(buffer.getvalue())
    return out

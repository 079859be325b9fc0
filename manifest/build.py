"""Builds the Teams app package (manifest.json, en.json, icons; zipped) for `samverkansbot manifest build`.

Needs no secret: the package names the bot's app id and domain, nothing more."""

from __future__ import annotations

import io
import json
import re
import struct
import uuid
import zipfile
import zlib
from pathlib import Path
from typing import Any

from dialogs.help import Scope

SCHEMA = "https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json"
LOCALIZATION_SCHEMA = "https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json"
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


def default_package_id(app_id: str) -> str:
    """The app package's id (the manifest's "id", used in Teams deep links), from the bot's."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"samverkansbot:{app_id}"))


TAB_ENTITY = "beslutsregister"  # the personal tab (bot/tab.py)


def tab_deep_link(app_id: str, base_url: str, sub_entity: str, web_path: str = "/tab") -> str:
    """A Teams link that opens the personal register tab at `sub_entity` (the tab reads it as
    page.subPageId); webUrl is where a browser without Teams goes."""
    from urllib.parse import quote

    context = json.dumps({"subEntityId": sub_entity}, separators=(",", ":"))
    return (
        f"https://teams.microsoft.com/l/entity/{default_package_id(app_id)}/{TAB_ENTITY}"
        f"?webUrl={quote(base_url.rstrip('/') + web_path, safe='')}"
        f"&context={quote(context, safe='')}"
    )


# Semantic version as Teams wants it: MAJOR.MINOR.PATCH, numbers without leading zeros.
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
SCOPES: tuple[Scope, ...] = ("team", "groupChat", "personal")
DEFAULT_LANGUAGE = "sv-se"
EN_FILE = "en.json"

# Resource-specific consent: each permission, and why the bot asks for it (README repeats it
# for the admin who approves the app).
RSC_PERMISSIONS: dict[str, str] = {
    "ChatMessage.Read.Chat": "read the messages of the group or meeting chat it is added to "
    "without an @mention, so `närvarande`, `§ 116 …` and `beslut: …` work as ordinary messages",
    "OnlineMeeting.ReadBasic.Chat": "receive the start and end of the chat's meeting",
    "OnlineMeetingParticipant.Read.Chat": "receive who joins and leaves the chat's meeting, to "
    "help with attendance",
    "ChannelMeeting.ReadBasic.Group": "receive the start and end of meetings held in the team's "
    "channels",
}

NAME = {
    "sv": ("Samverkansbot", "Samverkansbot – protokoll och beslut för samverkansorgan"),
    "en": ("Samverkansbot", "Samverkansbot – minutes and decisions for samverkan bodies"),
}
DESCRIPTION = {
    "sv": (
        "Mötet blir protokollet: närvaro, paragrafer och beslut i chatten.",
        "Samverkansbot för samverkansorgan mellan kommuner och regioner: närvaro, paragrafer (§), "
        "beslut med att-satser, uppdrag och jäv registreras i mötets chatt; protokollet skrivs, "
        "justeras och publiceras i Teams, och alla kan fråga vad som beslutats. "
        "Behörigheten att läsa chattens meddelanden (ChatMessage.Read.Chat) begärs bara för att "
        "närvaro (”här”) och sekreterarens rader (”justerare: …”, ”§ 5 …”) ska fungera utan "
        "@omnämnande medan ett möte pågår. Andra meddelanden som inte @nämner boten får inget "
        "svar och sparas inte. Stängs behörigheten av fungerar allt med @omnämnanden.",
    ),
    "en": (
        "The meeting becomes the minutes: attendance, paragraphs and decisions in chat.",
        "Samverkansbot for bodies where Swedish municipalities and regions work together: "
        "attendance, paragraphs (§), decisions with their att clauses, assignments and "
        "conflicts of interest are recorded in the meeting chat; the minutes are written, "
        "approved and published in Teams, and anyone can ask what was decided. "
        "The permission to read the chat's messages (ChatMessage.Read.Chat) is asked only so "
        "that check-ins (“här”) and the secretary's lines (“justerare: …”, “§ 5 …”) work "
        "without an @mention while a meeting is open. Other messages that do not @mention the "
        "bot get no reply and are not stored. With the permission turned off, everything works "
        "with @mentions.",
    ),
}


class ManifestError(ValueError):
    """A value the package cannot carry; the message says which and what is expected."""


def check_version(version: str) -> str:
    if not SEMVER.match(version):
        raise ManifestError(
            f"--version: ange appens version som X.Y.Z (semantisk version, t.ex. 1.2.0), "
            f"inte {version!r}."
        )
    return version


def page_url(domain: str, path: str) -> str:
    return f"https://{domain}{path}"


def _command_lists(lang: str) -> list[dict[str, Any]]:
    import dialogs.commands  # noqa: F401  (registers every command)
    from dialogs.help import command_menu

    return [{"scopes": [scope], "commands": command_menu(scope, lang)} for scope in SCOPES]


def manifest(
    app_id: str, *, domain: str, version: str = "1.0.0", package_id: str | None = None
) -> dict[str, Any]:
    check_version(version)
    short, full = NAME["sv"]
    short_description, full_description = DESCRIPTION["sv"]
    return {
        "$schema": SCHEMA,
        "manifestVersion": "1.30",
        "version": version,
        "id": package_id or default_package_id(app_id),
        "localizationInfo": {
            "defaultLanguageTag": DEFAULT_LANGUAGE,
            "additionalLanguages": [{"languageTag": "en", "file": EN_FILE}],
        },
        "developer": {
            "name": "Samverkansbot",
            "websiteUrl": page_url(domain, "/"),
            "privacyUrl": page_url(domain, "/integritet"),
            "termsOfUseUrl": page_url(domain, "/villkor"),
        },
        "name": {"short": short, "full": full},
        "description": {"short": short_description, "full": full_description},
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": ACCENT,
        "bots": [
            {
                "botId": app_id,
                "scopes": list(SCOPES),
                "supportsFiles": True,
                "isNotificationOnly": False,
                "commandLists": _command_lists("sv"),
            }
        ],
        # The decision register (bot/tab.py): a personal tab, and a tab for channels, chats
        # and meetings (chat, details and the side panel), configured by /tab/config.
        "staticTabs": [
            {
                "entityId": TAB_ENTITY,
                "name": "Beslut",
                "contentUrl": page_url(domain, "/tab?host=teams"),
                "websiteUrl": page_url(domain, "/tab"),
                "scopes": ["personal"],
            }
        ],
        "configurableTabs": [
            {
                "configurationUrl": page_url(domain, "/tab/config?host=teams"),
                "canUpdateConfiguration": True,
                "scopes": ["team", "groupChat"],
                "context": [
                    "channelTab",
                    "privateChatTab",
                    "meetingChatTab",
                    "meetingDetailsTab",
                    "meetingSidePanel",
                ],
            }
        ],
        "supportsChannelFeatures": "tier1",
        "validDomains": [domain],
        # The register tab's single sign-on (bot/tabauth.py): the tab's tokens are issued for
        # this resource and checked against it.
        "webApplicationInfo": {"id": app_id, "resource": f"api://{domain}/{app_id}"},
        "authorization": {
            "permissions": {
                "resourceSpecific": [
                    {"name": name, "type": "Application"} for name in RSC_PERMISSIONS
                ]
            }
        },
    }


def translation_en() -> dict[str, Any]:
    """The English strings (name, description, command menus) for Teams in English."""
    short, full = NAME["en"]
    short_description, full_description = DESCRIPTION["en"]
    strings: dict[str, Any] = {
        "$schema": LOCALIZATION_SCHEMA,
        "name.short": short,
        "name.full": full,
        "description.short": short_description,
        "description.full": full_description,
        "staticTabs[0].name": "Decisions",
    }
    for i, menu in enumerate(_command_lists("en")):
        for j, entry in enumerate(menu["commands"]):
            for field in ("title", "description"):
                strings[f"bots[0].commandLists[{i}].commands[{j}].{field}"] = entry[field]
    return strings


def build_package(app_id: str, *, domain: str, out: Path, version: str = "1.0.0") -> Path:
    data = manifest(app_id, domain=domain, version=version)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps(data, ensure_ascii=False, indent=2))
        zf.writestr(EN_FILE, json.dumps(translation_en(), ensure_ascii=False, indent=2))
        zf.writestr("color.png", _png(192, (31, 92, 153, 255)))
        zf.writestr("outline.png", _png(32, (0, 0, 0, 0), ring=True))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(buffer.getvalue())
    return out

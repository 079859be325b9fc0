"""The pages the app package points at, requested from the running bot over HTTP.

The package is built as `manifest build` builds it; every https URL in manifest.json and en.json
is then fetched from the bot on its loopback port. Each answers 200 with a page in Swedish, and
its English version answers too.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp

from bot.pages import FRAME_ANCESTORS, PAGES
from manifest.build import build_package
from tests.conftest import BotServerFactory
from tests.harness.server import BotServer

APP_ID = "00000000-0000-4000-8000-0000000000b0"
DOMAIN = "bot.example.se"


def _urls(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        if value.startswith("https://"):
            yield value
    elif isinstance(value, dict):
        for key, inner in value.items():
            if key != "$schema":
                yield from _urls(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _urls(inner)


async def _get(server: BotServer, path: str) -> tuple[int, str, dict[str, str]]:
    async with aiohttp.ClientSession() as http, http.get(server.url + path) as resp:
        return resp.status, await resp.text(), dict(resp.headers)


def _lang(page: str) -> str:
    match = re.search(r'<html lang="([a-z]+)"[ >]', page)
    assert match, page[:200]
    return match.group(1)


async def test_every_url_in_the_package_answers_on_the_running_bot(
    bot_server: BotServer, tmp_path: Path
) -> None:
    build_package(APP_ID, domain=DOMAIN, out=tmp_path / "app.zip")
    with zipfile.ZipFile(tmp_path / "app.zip") as zf:
        documents = [json.loads(zf.read(name)) for name in ("manifest.json", "en.json")]
    urls = sorted({url for document in documents for url in _urls(document)})
    assert {f"https://{DOMAIN}/", f"https://{DOMAIN}/integritet", f"https://{DOMAIN}/villkor"} <= (
        set(urls)
    )
    for url in urls:
        assert url.startswith(f"https://{DOMAIN}/"), url
        path = url.removeprefix(f"https://{DOMAIN}")
        status, page, headers = await _get(bot_server, path)
        assert status == 200, url
        assert headers["Content-Type"].startswith("text/html")
        assert _lang(page) == "sv"
        status, english, _ = await _get(
            bot_server, path + ("&" if "?" in path else "?") + "lang=en"
        )
        assert status == 200 and _lang(english) == "en", url


async def test_every_page_in_both_languages(bot_server: BotServer) -> None:
    assert [p.path_sv for p in PAGES] == ["/", "/integritet", "/villkor", "/tillganglighet"]
    for page in PAGES:
        status, sv, headers = await _get(bot_server, page.path_sv)
        assert status == 200 and _lang(sv) == "sv"
        assert f"<h1>{page.title_sv}</h1>" in sv
        # Each page links to its other language, and framing is limited to Teams and M365.
        assert f'href="{page.path_en}"' in sv
        csp = headers["Content-Security-Policy"]
        frame = csp.split("frame-ancestors", 1)[1].split(";")[0].split()
        assert frame == list(FRAME_ANCESTORS)
        for host in ("https://teams.microsoft.com", "https://teams.cloud.microsoft"):
            assert host in frame
        assert "https://*.cloud.microsoft" in frame and "https://outlook.office.com" in frame
        assert "<script" not in sv

        status, en, _ = await _get(bot_server, page.path_en)
        assert status == 200 and _lang(en) == "en"
        assert f"<h1>{page.title_en}</h1>" in en
        assert f'href="{page.path_sv}"' in en
    assert (await _get(bot_server, "/en"))[0] == 200
    assert (await _get(bot_server, "/privacy"))[0] == 404


async def test_privacy_names_controller_and_dpo_from_settings(
    make_bot_server: BotServerFactory,
) -> None:
    server = await make_bot_server(
        controller="Region Exempel, regionstyrelsen, 100 00 Exempelstad",
        dpo="dataskyddsombud@region.example",
        accessibility_contact="tillganglighet@region.example",
    )
    status, page, _ = await _get(server, "/integritet")
    assert status == 200
    assert "Region Exempel, regionstyrelsen, 100 00 Exempelstad." in page
    assert "Dataskyddsombud: dataskyddsombud@region.example." in page
    for words in ("arkivlagen", "dokumenthanteringsplan", "6.1 e", "7 dagar", "gallras"):
        assert words in page, words
    assert "Inte angivet" not in page
    _, english, _ = await _get(server, "/en/privacy")
    assert "Region Exempel" in english and "records management plan" in english
    _, statement, _ = await _get(server, "/tillganglighet")
    assert "tillganglighet@region.example." in statement
    assert "DOS-lagen" in statement and "Digg" in statement


async def test_missing_settings_are_said_to_be_missing(bot_server: BotServer) -> None:
    _, page, _ = await _get(bot_server, "/integritet")
    assert page.count("Inte angivet ännu") == 2
    assert "PRIVACY_CONTROLLER" in page and "PRIVACY_DPO" in page
    _, english, _ = await _get(bot_server, "/en/accessibility")
    assert "Not filled in yet" in english and "ACCESSIBILITY_CONTACT" in english


async def test_settings_are_escaped(make_bot_server: BotServerFactory) -> None:
    server = await make_bot_server(controller="<script>alert(1)</script> & Co")
    _, page, _ = await _get(server, "/villkor")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page

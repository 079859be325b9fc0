"""The register tab's API over real HTTP: Teams SSO tokens validated (issuer, audience, signature
against the tenant's keys from its OpenID metadata, served locally), scope per tenant and body,
sekretess only to members in the personal tab, the side panel, export and minutes links."""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import replace
from typing import Any

import aiohttp
import jwt
import pytest
from sqlalchemy import select

from bot.cli_ask import run_ask
from bot.settings import SettingsError, load_settings
from storage.models import AuditEvent
from tests.harness.activities import BOT_APP_ID
from tests.harness.auth import OpenIdServer, SigningKey, default_key, other_key
from tests.harness.server import BotServer
from tests.register.record import (
    HOME,
    MEMBER_OID,
    OPEN_CONVERSATION,
    OTHER,
    OUTSIDER_OID,
    SECRET_CLAUSE,
    SECRET_TITLE,
    Built,
)

Get = Callable[..., Awaitable[tuple[int, str, dict[str, str]]]]


def sso_token(
    server: BotServer,
    *,
    tid: str = HOME,
    oid: str = MEMBER_OID,
    aud: str | None = None,
    iss: str | None = None,
    key: SigningKey | None = None,
    exp: float | None = None,
    algorithm: str = "RS256",
    drop: tuple[str, ...] = (),
) -> str:
    """A token shaped like the one teams-js getAuthToken() returns (v1: iss sts.windows.net)."""
    now = time.time()
    claims: dict[str, Any] = {
        "aud": aud if aud is not None else f"api://127.0.0.1:{server.port}/{BOT_APP_ID}",
        "iss": iss if iss is not None else f"https://sts.windows.net/{tid}/",
        "iat": int(now - 60),
        "nbf": int(now - 60),
        "exp": int(exp if exp is not None else now + 3600),
        "tid": tid,
        "oid": oid,
        "name": "Cecilia Grefve-Lang",
        "scp": "access_as_user",
        "ver": "1.0",
    }
    for name in drop:
        claims.pop(name)
    signing = key or default_key()
    if algorithm == "HS256":
        return jwt.encode(claims, "a-shared-secret-0123456789abcdef0123", algorithm="HS256")
    return jwt.encode(claims, signing.private_key, algorithm="RS256", headers={"kid": signing.kid})


@pytest.fixture
async def server(
    make_bot_server: Any, openid: OpenIdServer, db_url: str, built: Built
) -> BotServer:
    return await make_bot_server(  # type: ignore[no-any-return]
        auth=True, database_url=db_url, tab_openid_metadata_url=openid.metadata_url
    )


@pytest.fixture
async def get(server: BotServer) -> AsyncIterator[Get]:
    async with aiohttp.ClientSession() as http:

        async def run(
            path: str, token: str | None = None, **params: str
        ) -> tuple[int, str, dict[str, str]]:
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            async with http.get(f"{server.url}{path}", params=params, headers=headers) as r:
                return r.status, await r.text(errors="replace"), dict(r.headers)

        yield run


async def test_tokens_are_checked(server: BotServer, get: Get, openid: OpenIdServer) -> None:
    good = sso_token(server)
    status, body, _ = await get("/tab/api/register", good)
    assert status == 200 and "LSVO ledningsgrupp" in body
    bad = {
        "none": None,
        "audience of another app": sso_token(server, aud=f"api://127.0.0.1/{OUTSIDER_OID}"),
        "bot channel audience only by name": sso_token(server, aud="api://elsewhere/x"),
        "issuer of another tenant": sso_token(server, iss=f"https://sts.windows.net/{OTHER}/"),
        "issuer not Entra": sso_token(server, iss="https://api.botframework.com"),
        "forged signature": sso_token(server, key=other_key()),
        "unknown key": sso_token(server, key=SigningKey("kid-nobody", other_key().private_key)),
        "expired": sso_token(server, exp=time.time() - 3600),
        "HS256": sso_token(server, algorithm="HS256"),
        "no oid": sso_token(server, drop=("oid",)),
        "tid not a tenant": sso_token(server, tid="not-a-guid"),
    }
    for name, token in bad.items():
        status, body, headers = await get("/tab/api/register", token)
        assert status == 401, name
        assert body == "Logga in för att se registret.", name
        assert "LSVO" not in body and headers.get("WWW-Authenticate") == "Bearer"
    status, body, _ = await get("/tab/api/register", None, lang="en")
    assert (status, body) == (401, "Sign in to see the register.")
    # The keys came from the tenant's metadata, fetched once and kept, and once more for the
    # unknown key id only after the refetch interval (not per request).
    assert sum(1 for h in openid.hits if h.startswith("/keys")) <= 2


async def test_a_tenant_not_served_is_refused(
    make_bot_server: Any, openid: OpenIdServer, db_url: str, built: Built
) -> None:
    server = await make_bot_server(
        auth=True,
        database_url=db_url,
        tab_openid_metadata_url=openid.metadata_url,
        allowed_tenants=(OTHER,),
    )
    async with aiohttp.ClientSession() as http:
        token = sso_token(server)
        async with http.get(
            f"{server.url}/tab/api/register", headers={"Authorization": f"Bearer {token}"}
        ) as r:
            assert r.status == 401


def decisions_in(body: str) -> list[str]:
    return [h for h in json.loads(body)["html"].split('<li class="decision"')[1:]]


async def test_scope_and_sekretess(server: BotServer, get: Get, built: Built) -> None:
    member = sso_token(server)
    outsider = sso_token(server, oid=OUTSIDER_OID)
    stranger = sso_token(server, oid="0e0e0e0e-3333-4333-8333-000000000003")
    other_tenant = sso_token(server, tid=OTHER, oid=MEMBER_OID)

    status, body, _ = await get("/tab/api/register", member, context="personal")
    data = json.loads(body)
    assert status == 200
    assert {b["name"] for b in data["bodies"]} == {
        "LSVO ledningsgrupp",
        "Uppdragsgrupp Psykisk hälsa",
    }
    assert data["years"] == [2026, 2025, 2021]
    assert SECRET_TITLE in data["html"] and SECRET_CLAUSE in data["html"]
    # Newest first.
    dates = [chunk.split('datetime="')[1][:10] for chunk in decisions_in(body)]
    assert dates == sorted(dates, reverse=True) and len(dates) == 15 + 3

    # The same member in a channel, chat or meeting tab: the public version.
    status, body, _ = await get("/tab/api/register", member, context="shared")
    assert status == 200 and SECRET_TITLE not in body and SECRET_CLAUSE not in body
    assert "Sekretess enligt OSL" in json.loads(body)["html"]

    for token in (outsider, stranger):
        status, body, _ = await get("/tab/api/register", token, context="personal")
        data = json.loads(body)
        assert [b["name"] for b in data["bodies"]] == ["Uppdragsgrupp Psykisk hälsa"]
        assert "LSVO" not in data["html"] and SECRET_TITLE not in body
        # Asking for a body one may not see gives nothing, not an error that names it.
        status, body, _ = await get("/tab/api/register", token, body=str(built.lsvo_id))
        assert status == 200 and "LSVO" not in json.loads(body)["html"]

    # Another tenant's user sees only that tenant's record, whatever ids they try.
    status, body, _ = await get(
        "/tab/api/register", other_tenant, meeting=str(built.open_meeting_id)
    )
    assert status == 200 and json.loads(body)["bodies"] == []
    status, body, _ = await get("/tab/api/panel", other_tenant, meeting=str(built.open_meeting_id))
    assert "Det finns inget pågående möte här" in json.loads(body)["html"]

    # Filters: a year, a kind, a body.
    status, body, _ = await get("/tab/api/register", member, year="2025", kind="rapporterat")
    chunks = decisions_in(body)
    assert len(chunks) == 2 and all("Rapporterat beslut" in c for c in chunks)
    status, body, _ = await get("/tab/api/register", member, body=str(built.lsvo_id), year="2021")
    assert len(decisions_in(body)) == 11
    status, body, _ = await get("/tab/api/register", member, kind="<script>")
    assert status == 400 and body == "Typen ”<script>” finns inte."
    status, body, _ = await get("/tab/api/register", member, year="tjugo", lang="en")
    assert status == 400 and body == "“year” must be a number."


async def test_side_panel_of_the_open_meeting(server: BotServer, get: Get, built: Built) -> None:
    member = sso_token(server)
    status, body, _ = await get(
        "/tab/api/panel", member, conversation=OPEN_CONVERSATION, context="personal"
    )
    assert status == 200
    page = json.loads(body)["html"]
    assert "LSVO ledningsgrupp, 30 november 2026" in page
    assert "Beslutförhet: 2 av 3 ledamöter – beslutfört" in page
    assert 'Cecilia Grefve-Lang, ledamot – <span class="att-present">närvarande</span>' in page
    assert f'<p class="current">{built.current_paragraph} =HYPERLINK' in page
    # Decisions so far, oldest first; the panel is shared: sekretess is never in full there.
    assert page.index("Mötets öppnande") < page.index("Sekretess enligt OSL")
    assert SECRET_TITLE not in page and SECRET_CLAUSE not in page
    status, body, _ = await get("/tab/api/panel", member, conversation=OPEN_CONVERSATION, lang="en")
    assert "Quorum: 2 of 3 members – quorate" in json.loads(body)["html"]
    outsider = sso_token(server, oid=OUTSIDER_OID)
    status, body, _ = await get("/tab/api/panel", outsider, conversation=OPEN_CONVERSATION)
    html = json.loads(body)["html"]
    assert "Cecilia" not in html and "inget pågående möte" in html


async def test_export_button_and_minutes_links(server: BotServer, get: Get, built: Built) -> None:
    member = sso_token(server)
    status, body, headers = await get(
        "/tab/api/export",
        member,
        body=str(built.lsvo_id),
        format="csv",
        full="1",
        context="personal",
    )
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert "beslut-LSVO-ledningsgrupp.csv" in headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert len(rows) == 15 and any(r["Rubrik"] == SECRET_TITLE for r in rows)
    async with server.db.sessions() as session:
        audit = (
            await session.scalars(select(AuditEvent).where(AuditEvent.action == "export_full"))
        ).all()
    assert [(a.entity_id, a.source, a.actor_person_id is not None) for a in audit] == [
        (built.lsvo_id, "teams", True)
    ]
    # Full asked for outside the personal tab, or by someone who is not a member: public.
    status, body, _ = await get(
        "/tab/api/export", member, body=str(built.lsvo_id), format="json", full="1"
    )
    assert status == 200 and json.loads(body)["version"] == "public"
    assert SECRET_TITLE not in body
    outsider = sso_token(server, oid=OUTSIDER_OID)
    status, body, _ = await get("/tab/api/export", outsider, body=str(built.lsvo_id))
    assert status == 400 and body == "Det finns inget organ att exportera."
    status, body, _ = await get("/tab/api/export", outsider, format="json", full="1")
    assert status == 200 and "LSVO" not in body
    status, body, _ = await get("/tab/api/export", member, format="xlsx")
    assert status == 400

    # A minutes link: a one-hour public link for a meeting one may see; 404 otherwise.
    status, body, _ = await get(f"/tab/api/minutes/{built.open_meeting_id}", member, format="html")
    assert status == 200
    url = json.loads(body)["url"]
    assert url.startswith(f"{server.url}/dl/")
    async with aiohttp.ClientSession() as http, http.get(url) as r:
        text = await r.text()
        assert r.status == 200 and "Mötets öppnande" in text and SECRET_TITLE not in text
    status, _, _ = await get(f"/tab/api/minutes/{built.open_meeting_id}", outsider)
    assert status == 404
    status, _, _ = await get(f"/tab/api/minutes/{built.open_meeting_id}", None)
    assert status == 401


async def test_search_is_the_bots_answer_path(
    make_bot_server: Any, db_url: str, built: Built
) -> None:
    """Local development (TAB_LOCAL_DEV, no app id): the operator sees every body, public."""
    server = await make_bot_server(database_url=db_url, tab_local_dev=True, default_tenant=HOME)
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{server.url}/tab/api/register", params={"q": "F-ACT"}) as r:
            assert r.status == 200
            page = (await r.json())["html"]
        async with http.get(f"{server.url}/tab/api/register", params={"tenant": OTHER}) as r:
            other = await r.json()
    expected = await run_ask(replace(server.settings, default_tenant=HOME), "F-ACT", migrate=False)
    assert expected["hits"], "the bot finds F-ACT in the seeds"
    import html as html_lib

    texts = [
        html_lib.unescape(c.split('class="wording">')[1].split("</p>")[0])
        for c in page.split('class="decision hit"')[1:]
    ]
    assert texts == [h["text"] for h in expected["hits"]]
    assert any("F-ACT-samordnarens anställning" in t for t in texts)
    assert [b["name"] for b in other["bodies"]] == ["LSVO ledningsgrupp"]


def test_local_development_cannot_be_on_with_an_app_id() -> None:
    env = {"MicrosoftAppId": BOT_APP_ID, "MicrosoftAppPassword": "x", "TAB_LOCAL_DEV": "1"}
    with pytest.raises(SettingsError, match="TAB_LOCAL_DEV"):
        load_settings(env)
    assert load_settings({"TAB_LOCAL_DEV": "1"}).tab_local_dev
    assert not load_settings({}).tab_local_dev


async def test_page_and_schema_are_served(make_bot_server: Any) -> None:
    server = await make_bot_server()
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{server.url}/tab", params={"lang": "en", "theme": "dark"}) as r:
            page = await r.text()
            assert (
                r.status == 200
                and "frame-ancestors 'self' https://teams.microsoft.com"
                in r.headers["Content-Security-Policy"]
            )
        assert '<html lang="en" data-theme="dark"' in page and "Decision register" in page
        assert 'href="/tillganglighet"' in page
        async with http.get(f"{server.url}/tab", params={"theme": "<x>"}) as r:
            assert 'data-theme="default"' in await r.text()
        # Without TAB_LOCAL_DEV and without a token, no data.
        async with http.get(f"{server.url}/tab/api/register") as r:
            assert r.status == 401
        async with http.get(f"{server.url}/schemas/decisions-export.schema.json") as r:
            schema = await r.json(content_type=None)
            assert schema["title"].startswith("Samverkansbot")
        for name in ("tab.js", "tab.css", "config.js"):
            async with http.get(f"{server.url}/tab/static/{name}") as r:
                assert r.status == 200, name
        async with http.get(f"{server.url}/tab/static/..%2Fapp.py") as r:
            assert r.status == 404


def test_manifest_has_the_tab() -> None:
    from manifest.build import manifest

    data = manifest(BOT_APP_ID, domain="samverkan.example.se")
    assert [t["contentUrl"] for t in data["staticTabs"]] == [
        "https://samverkan.example.se/tab?host=teams"
    ]
    tab = data["configurableTabs"][0]
    assert tab["configurationUrl"] == "https://samverkan.example.se/tab/config?host=teams"
    assert "meetingSidePanel" in tab["context"] and "channelTab" in tab["context"]
    # The SSO audience the tab's tokens are checked against.
    assert data["webApplicationInfo"]["resource"] == f"api://samverkan.example.se/{BOT_APP_ID}"


async def test_full_minutes_only_to_the_signed_in_member(
    server: BotServer, get: Get, built: Built
) -> None:
    """The personal chat's link to full minutes opens the personal tab, which fetches them with
    the user's own token: a member gets the full version there, audited; no one else does."""
    from urllib.parse import parse_qs, urlsplit

    from bot.tab import full_minutes_link
    from manifest.build import manifest

    link = full_minutes_link(BOT_APP_ID, "https://samverkan.example.se", built.open_meeting_id)
    parts = urlsplit(link)
    package = manifest(BOT_APP_ID, domain="samverkan.example.se")
    assert (parts.netloc, parts.path) == (
        "teams.microsoft.com",
        f"/l/entity/{package['id']}/{package['staticTabs'][0]['entityId']}",
    )
    query = parse_qs(parts.query)
    assert json.loads(query["context"][0]) == {"subEntityId": f"protokoll-{built.open_meeting_id}"}
    assert query["webUrl"] == ["https://samverkan.example.se/tab"]

    path = f"/tab/api/document/{built.open_meeting_id}"
    member = sso_token(server)
    status, body, headers = await get(path, member, full="1", context="personal")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert SECRET_TITLE in body and SECRET_CLAUSE in body
    assert headers["Cache-Control"] == "no-store, private"
    async with server.db.sessions() as session:
        reads = (
            await session.scalars(
                select(AuditEvent).where(AuditEvent.action == "read_full_minutes")
            )
        ).all()
    assert [(r.entity_id, r.actor_person_id is not None) for r in reads] == [
        (built.open_meeting_id, True)
    ]
    # The same member outside the personal tab: refused, said plainly.
    status, body, _ = await get(path, member, full="1", context="shared")
    assert status == 403 and body.startswith("Den fullständiga versionen visas bara för ledamöter")
    # The public version is there for whoever may see the body; Word too.
    status, body, _ = await get(path, member)
    assert status == 200 and SECRET_TITLE not in body and "Mötets öppnande" in body
    status, _, headers = await get(path, member, format="docx", full="1", context="personal")
    assert status == 200 and "wordprocessingml" in headers["Content-Type"]
    # Not a member, another tenant, no token: nothing.
    for token, expected in (
        (sso_token(server, oid=OUTSIDER_OID), 404),
        (sso_token(server, tid=OTHER), 404),
        (None, 401),
    ):
        status, body, _ = await get(path, token, full="1", context="personal")
        assert status == expected and SECRET_TITLE not in body


async def test_what_a_stranger_can_make_the_key_cache_do(openid: OpenIdServer) -> None:
    """Any token can name any tenant: one fetch per tenant, none again soon after a failure,
    and a bounded number of tenants remembered."""
    from bot.tabauth import TabAuthError, TenantKeys

    async with aiohttp.ClientSession() as http:
        good = TenantKeys(openid.metadata_url + "?tenant={tenant}", http, max_tenants=3)
        key = await good.key(HOME, default_key().kid)
        assert key is not None and await good.key(HOME, default_key().kid) is key
        with pytest.raises(TabAuthError, match="unknown key id"):
            await good.key(HOME, "kid-nobody")  # a recent fetch: not fetched again
        assert sum(1 for h in openid.hits if h.startswith("/keys")) == 1

        bad = TenantKeys(openid.base_url + "/no-such/{tenant}", http, max_tenants=3)
        for _ in range(3):
            with pytest.raises(TabAuthError):
                await bad.key(OTHER, "kid")
        assert sum(1 for h in openid.hits if h.startswith("/no-such/")) == 1
        for i in range(10):
            with pytest.raises(TabAuthError):
                await bad.key(f"00000000-0000-4000-8000-{i:012d}", "kid")
        assert len(bad._failed) == 3 and not bad._locks


async def test_an_unconfirmed_identity_is_no_member(
    server: BotServer, get: Get, built: Built
) -> None:
    """An identity linked by display name alone, not confirmed (issue 17), gives no membership
    in the tab: no member bodies, no sekretess."""
    from storage.models import PersonIdentity

    async with server.db.transaction() as session:
        ident = await session.scalar(
            select(PersonIdentity).where(PersonIdentity.subject == MEMBER_OID.lower())
        )
        assert ident is not None
        ident.confirmed = False
    status, body, _ = await get("/tab/api/register", sso_token(server), context="personal")
    data = json.loads(body)
    assert status == 200 and [b["name"] for b in data["bodies"]] == ["Uppdragsgrupp Psykisk hälsa"]
    assert SECRET_TITLE not in body

"""The decision register as a Teams tab: personal tab, channel or chat tab, meeting side panel.

GET /tab is a page with no data in it (Teams loads it without credentials); its script asks
teams-js for the user's SSO token and calls the API below with it, which answers with HTML
rendered and escaped here. Outside Teams (local use) theme, language and view come from the URL
and the API needs TAB_LOCAL_DEV (see bot/tabauth.py).

    GET /tab                       the page (?view=panel for the meeting side panel)
    GET /tab/config                the configuration page of a channel, chat or meeting tab
    GET /tab/static/{name}         its script, style sheet and the teams-js library
    GET /tab/api/register          decisions, newest first, filtered; ?q= asks the record
    GET /tab/api/panel             the current meeting: attendance, quorum, current §, decisions
    GET /tab/api/export            the "Exportera" button: the export of dialogs/export.py
    GET /tab/api/minutes/{id}      a one-hour link to a meeting's minutes (public version)
    GET /schemas/{name}            the JSON Schema of the JSON export

Who sees what: the bodies shared with the whole organisation and those the signed-in user is a
member of, in the token's tenant only. Sekretess in full only to a member of its body, and only
in the personal tab (what the quiet-chat rule allows for a personal chat); a channel or chat
tab and the meeting side panel, which others may be looking at, show the public version.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import logging
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import aiohttp
from aiohttp import web
from sqlalchemy import func, or_, select

from bot.keys import DB, SETTINGS
from bot.pages import CSP_FRAME_ANCESTORS
from bot.settings import Settings
from bot.tabauth import TabAuthError, TabUser, TenantKeys, caller
from storage.models import Body, Item, Meeting, Membership, PersonIdentity, Tenant

logger = logging.getLogger(__name__)

KEYS = web.AppKey("tab_keys", TenantKeys)
TAB_HTTP = web.AppKey("tab_http", aiohttp.ClientSession)

STATIC = Path(__file__).resolve().parent / "static"
PAGE_LIMIT = 200
QUESTION_MAX = 300
LINK_TTL = dt.timedelta(hours=1)
_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self' https://res.cdn.office.net; base-uri 'none'; form-action 'self'; "
    f"{CSP_FRAME_ANCESTORS}"
)
_HEADERS = {
    "Content-Security-Policy": _CSP,
    "Cache-Control": "no-store, private",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}
MONTHS_SV = "januari februari mars april maj juni juli augusti september oktober november december"
MONTHS_EN = "January February March April May June July August September October November December"


def teams_js_path() -> Path | None:
    """teams-js as npm installs it (Makefile: .cache/npm), or where TEAMS_JS_PATH says."""
    explicit = os.environ.get("TEAMS_JS_PATH")
    candidates = [Path(explicit)] if explicit else []
    candidates.append(
        Path(__file__).resolve().parents[1]
        / ".cache/npm/node_modules/@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js"
    )
    return next((p for p in candidates if p.is_file()), None)


# --- language ------------------------------------------------------------------------------

TEXT: dict[str, dict[str, str]] = {
    "sv": {
        "title": "Beslutsregister",
        "panel_title": "Pågående möte",
        "skip": "Hoppa till innehållet",
        "search_label": "Sök i besluten",
        "search_hint": "Till exempel ”vad beslutades om F-ACT?”",
        "search": "Sök",
        "body": "Organ",
        "all_bodies": "Alla organ",
        "year": "År",
        "all_years": "Alla år",
        "kind": "Typ",
        "all_kinds": "Alla typer",
        "export": "Exportera",
        "export_format": "Format för export",
        "filters": "Sök och filtrera",
        "results": "Beslut",
        "loading": "Hämtar …",
        "signin": "Logga in för att se registret.",
        "error": "Registret gick inte att hämta. Försök igen.",
        "accessibility": "Tillgänglighetsredogörelse",
        "privacy": "Integritet",
        "kind_beslut": "Beslut",
        "kind_rapporterat": "Rapporterat beslut",
        "kind_information": "Information",
        "kind_ovrigt": "Övrigt",
        "show_all": "Visa alla beslut",
        "exported": "Exporten är hämtad.",
        "document": "Protokollet",
        "document_text": "Den fullständiga versionen, för dig som ledamot i organet.",
        "document_html": "Hämta protokollet (HTML)",
        "document_docx": "Hämta protokollet (Word)",
    },
    "en": {
        "title": "Decision register",
        "panel_title": "Current meeting",
        "skip": "Skip to content",
        "search_label": "Search the decisions",
        "search_hint": "For example “what was decided about F-ACT?”",
        "search": "Search",
        "body": "Body",
        "all_bodies": "All bodies",
        "year": "Year",
        "all_years": "All years",
        "kind": "Kind",
        "all_kinds": "All kinds",
        "export": "Export",
        "export_format": "Export format",
        "filters": "Search and filter",
        "results": "Decisions",
        "loading": "Loading …",
        "signin": "Sign in to see the register.",
        "error": "The register could not be loaded. Please try again.",
        "accessibility": "Accessibility statement",
        "privacy": "Privacy",
        "kind_beslut": "Decision",
        "kind_rapporterat": "Reported decision",
        "kind_information": "Information",
        "kind_ovrigt": "Other",
        "show_all": "Show all decisions",
        "exported": "The export has been downloaded.",
        "document": "The minutes",
        "document_text": "The full version, for you as a member of the body.",
        "document_html": "Download the minutes (HTML)",
        "document_docx": "Download the minutes (Word)",
    },
}


def lang_of(request: web.Request) -> str:
    raw = (request.query.get("lang") or "").lower()
    if raw.startswith("en"):
        return "en"
    # Swedish unless asked: inside Teams the script asks again with Teams' locale.
    return "sv"


def t(lang: str, sv: str, en: str) -> str:
    return en if lang == "en" else sv


def long_date(day: dt.date, lang: str) -> str:
    months = (MONTHS_EN if lang == "en" else MONTHS_SV).split()
    return f"{day.day} {months[day.month - 1]} {day.year}"


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


# --- who is asking, and what they may see ----------------------------------------------------


@dataclass
class TabScope:
    user: TabUser
    tenant_id: str
    person_id: int | None
    bodies: list[Body]
    member_of: set[int] = field(default_factory=set)
    personal: bool = False

    @property
    def body_ids(self) -> list[int]:
        return [b.id for b in self.bodies]

    @property
    def full_ids(self) -> set[int]:
        """Bodies whose sekretess this view may show in full."""
        if self.user.local_dev or not self.personal:
            return set()
        return self.member_of & set(self.body_ids)


async def scope_for(session: Any, user: TabUser, *, personal: bool) -> TabScope:
    # The tenant as the record spells it (Teams ids are GUIDs; the token's tid is lower case).
    tenant_id = (
        await session.scalar(
            select(Tenant.id).where(func.lower(Tenant.id) == user.tenant_id.lower()).limit(1)
        )
        or user.tenant_id
    )
    all_bodies = list(
        (
            await session.scalars(
                select(Body).where(Body.tenant_id == tenant_id).order_by(Body.name, Body.id)
            )
        ).all()
    )
    if user.local_dev:
        return TabScope(user, tenant_id, None, all_bodies)
    person_id = None
    member_of: set[int] = set()
    if user.oid:
        stmt = select(PersonIdentity.person_id).where(
            PersonIdentity.tenant_id == tenant_id,
            PersonIdentity.provider == "aad",
            PersonIdentity.subject == user.oid.lower(),
        )
        # Membership counts only for an identity whose link to its person is confirmed, where
        # the record keeps that (issue 17's PersonIdentity.confirmed): a display name is no proof.
        confirmed = getattr(PersonIdentity, "confirmed", None)
        if confirmed is not None:
            stmt = stmt.where(confirmed.is_(True))
        person_id = await session.scalar(stmt)
    if person_id is not None:
        today = dt.datetime.now(dt.UTC).date()
        member_of = set(
            (
                await session.scalars(
                    select(Membership.body_id).where(
                        Membership.person_id == person_id,
                        or_(Membership.valid_to.is_(None), Membership.valid_to >= today),
                        or_(Membership.valid_from.is_(None), Membership.valid_from <= today),
                    )
                )
            ).all()
        )
    visible = [b for b in all_bodies if b.sharing == "organisation" or b.id in member_of]
    return TabScope(user, tenant_id, person_id, visible, member_of, personal)


class BadInput(ValueError):
    def __init__(self, sv: str, en: str) -> None:
        super().__init__(sv)
        self.sv, self.en = sv, en


def _int_param(request: web.Request, name: str) -> int | None:
    raw = (request.query.get(name) or "").strip()
    if not raw:
        return None
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 12:
        raise BadInput(f"”{name}” ska vara ett tal.", f"“{name}” must be a number.")
    return int(raw)


async def _authorised(request: web.Request) -> TabUser:

    settings: Settings = request.app[SETTINGS]
    return await caller(
        request.headers.get("Authorization", ""),
        settings,
        request.app[KEYS],
        request.query.get("tenant"),
    )


def _refuse(request: web.Request, err: TabAuthError) -> web.Response:
    logger.info("tab API %s refused: %s", request.path, err)
    lang = lang_of(request)
    return web.Response(
        status=401,
        text=TEXT[lang]["signin"],
        content_type="text/plain",
        charset="utf-8",
        headers={**_HEADERS, "WWW-Authenticate": "Bearer"},
    )


SignedInHandler = Callable[[web.Request, TabUser], Awaitable[web.Response]]


def _signed_in(handler: SignedInHandler) -> Callable[[web.Request], Awaitable[web.Response]]:
    """The handler runs only for a validated caller (bot/tabauth.py); 401 otherwise."""

    @functools.wraps(handler)
    async def run(request: web.Request) -> web.Response:
        try:
            user = await _authorised(request)
        except TabAuthError as err:
            return _refuse(request, err)
        return await handler(request, user)

    return run


def _bad(request: web.Request, err: BadInput) -> web.Response:
    return web.Response(
        status=400,
        text=err.en if lang_of(request) == "en" else err.sv,
        content_type="text/plain",
        charset="utf-8",
        headers=_HEADERS,
    )


# --- the page ---------------------------------------------------------------------------------


def _page(lang: str, theme: str, view: str, has_teams_js: bool) -> str:
    x = TEXT[lang]
    title = x["panel_title"] if view == "panel" else x["title"]
    kinds = "".join(
        f'<option value="{k}">{esc(x["kind_" + k])}</option>'
        for k in ("beslut", "rapporterat", "information", "ovrigt")
    )
    teams = '<script src="/tab/static/teams-js.js"></script>' if has_teams_js else ""
    register = f"""
<form id="filters" role="search" aria-label="{esc(x["filters"])}">
  <div class="field field-q">
    <label for="q">{esc(x["search_label"])}</label>
    <div class="row">
      <input id="q" name="q" type="search" maxlength="{QUESTION_MAX}" autocomplete="off"
        aria-describedby="q-hint">
      <button type="submit">{esc(x["search"])}</button>
    </div>
    <p id="q-hint" class="hint">{esc(x["search_hint"])}</p>
  </div>
  <div class="filters">
    <div class="field"><label for="body">{esc(x["body"])}</label>
      <select id="body" name="body"><option value="">{esc(x["all_bodies"])}</option></select></div>
    <div class="field"><label for="year">{esc(x["year"])}</label>
      <select id="year" name="year"><option value="">{esc(x["all_years"])}</option></select></div>
    <div class="field"><label for="kind">{esc(x["kind"])}</label>
      <select id="kind" name="kind"><option value="">{esc(x["all_kinds"])}</option>{kinds}</select></div>
    <div class="field field-export"><label for="format">{esc(x["export_format"])}</label>
      <div class="row"><select id="format" name="format">
        <option value="csv">CSV (Excel)</option><option value="json">JSON</option></select>
      <button type="button" id="export">{esc(x["export"])}</button></div></div>
  </div>
</form>
<section id="document" class="document" aria-labelledby="doc-h" hidden>
  <h2 id="doc-h">{esc(x["document"])}</h2>
  <p>{esc(x["document_text"])}</p>
  <div class="row">
    <button type="button" data-doc-format="html">{esc(x["document_html"])}</button>
    <button type="button" data-doc-format="docx">{esc(x["document_docx"])}</button>
  </div>
</section>
<h2 id="results-h">{esc(x["results"])}</h2>"""
    main = register if view != "panel" else ""
    return f"""<!doctype html>
<html lang="{lang}" data-theme="{esc(theme)}" data-view="{esc(view)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} – Samverkansbot</title>
<link rel="stylesheet" href="/tab/static/tab.css">
<link rel="icon" href="data:,">
</head>
<body>
<a class="skip" href="#main">{esc(x["skip"])}</a>
<header><h1>{esc(title)}</h1></header>
<main id="main" tabindex="-1">
{main}
<p id="status" role="status" aria-live="polite" data-loading="{esc(x["loading"])}"
  data-error="{esc(x["error"])}" data-signin="{esc(x["signin"])}"
  data-exported="{esc(x["exported"])}"></p>
<div id="results" aria-busy="false"></div>
</main>
<footer>
  <a href="/tillganglighet">{esc(x["accessibility"])}</a>
  <a href="/integritet">{esc(x["privacy"])}</a>
</footer>
{teams}
<script src="/tab/static/tab.js"></script>
</body>
</html>
"""


async def page(request: web.Request) -> web.Response:
    lang = lang_of(request)
    theme = request.query.get("theme", "default")
    theme = theme if theme in ("default", "dark", "contrast") else "default"
    view = "panel" if request.query.get("view") == "panel" else "register"
    return web.Response(
        # teams-js only inside Teams (the manifest's URLs say host=teams): outside it, it would
        # reach for Microsoft's CDN.
        text=_page(lang, theme, view, in_teams(request)),
        content_type="text/html",
        charset="utf-8",
        headers=_HEADERS,
    )


def in_teams(request: web.Request) -> bool:
    return request.query.get("host") == "teams" and teams_js_path() is not None


async def config_page(request: web.Request) -> web.Response:
    lang = lang_of(request)
    teams = '<script src="/tab/static/teams-js.js"></script>' if in_teams(request) else ""
    body = f"""<!doctype html>
<html lang="{lang}" data-theme="default">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(t(lang, "Lägg till beslutsregistret", "Add the decision register"))}</title>
<link rel="stylesheet" href="/tab/static/tab.css"></head>
<body><main id="main">
<h1>{esc(t(lang, "Beslutsregistret", "The decision register"))}</h1>
<p>{
        esc(
            t(
                lang,
                "Fliken visar besluten i de organ du får se, och i ett möte det pågående mötet. "
                "Välj Spara för att lägga till den.",
                "The tab shows the decisions of the bodies you may see, and in a meeting the "
                "current meeting. Choose Save to add it.",
            )
        )
    }</p>
</main>{teams}<script src="/tab/static/config.js"></script></body></html>
"""
    return web.Response(text=body, content_type="text/html", charset="utf-8", headers=_HEADERS)


_STATIC_TYPES = {
    "tab.js": "text/javascript",
    "config.js": "text/javascript",
    "tab.css": "text/css",
}


async def static(request: web.Request) -> web.StreamResponse:
    name = request.match_info["name"]
    path: Path | None
    if name == "teams-js.js":
        path = teams_js_path()
        ctype = "text/javascript"
    elif name in _STATIC_TYPES:
        path = STATIC / name
        ctype = _STATIC_TYPES[name]
    else:
        path = None
        ctype = ""
    if path is None or not path.is_file():
        raise web.HTTPNotFound()
    return web.Response(
        body=path.read_bytes(),
        content_type=ctype,
        charset="utf-8",
        headers={"Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff"},
    )


async def schema_file(request: web.Request) -> web.Response:
    from dialogs import export

    if request.match_info["name"] != export.SCHEMA_FILE:
        raise web.HTTPNotFound()
    return web.Response(
        text=json.dumps(export.schema(), ensure_ascii=False, indent=2),
        content_type="application/schema+json",
        charset="utf-8",
    )


# --- the register -----------------------------------------------------------------------------


def _standing(lang: str, standing: str, item_status: str) -> str:
    from dialogs.export import ITEM_STATUS_SV, STANDING_EN, STANDING_SV

    label = (STANDING_EN if lang == "en" else STANDING_SV).get(standing, standing)
    extra = item_status if lang == "en" else ITEM_STATUS_SV.get(item_status, item_status)
    if item_status != "behandlad" and extra:
        label = f"{label} ({extra})"
    return f'<span class="standing standing-{esc(standing)}">{esc(label)}</span>'


def _minutes_links(lang: str, meeting_id: int, day: dt.date) -> str:
    from storage.minutes import DOCUMENT_FORMATS

    names = {"html": "HTML", "pdf": "PDF", "docx": "Word"}
    links = [
        f'<a class="minutes" href="/tab/minutes/{meeting_id}?format={fmt}" '
        f'data-meeting="{meeting_id}" data-format="{fmt}">{names[fmt]}'
        f'<span class="sr"> – {esc(t(lang, "protokollet", "the minutes"))} '
        f"{esc(day.isoformat())}</span></a>"
        for fmt in ("html", "pdf", "docx")
        if fmt in DOCUMENT_FORMATS
    ]
    return (
        f'<p class="links">{esc(t(lang, "Protokoll:", "Minutes:"))} {" ".join(links)}</p>'
        if links
        else ""
    )


def _decision_html(lang: str, row: Any, *, level: int = 3) -> str:
    x = TEXT[lang]
    para = f'<span class="para">{esc(row.paragraph)}</span> ' if row.paragraph else ""
    title = row.title or t(lang, "(utan rubrik)", "(untitled)")
    if row.redacted:
        wording = f'<p class="wording secret">{esc(t(lang, "Sekretess enligt OSL – redovisas inte i den offentliga versionen.", "Confidential under the Swedish Public Access to Information and Secrecy Act – not shown in the public version."))}</p>'
    else:
        wording = f'<p class="wording">{esc(row.wording)}</p>' if row.wording else ""
    by = (
        f" · {esc(t(lang, 'fattat av', 'taken by'))} {esc(row.decided_by)}"
        if row.decided_by
        else ""
    )
    return (
        f'<li class="decision" id="beslut-{row.decision_id}">'
        f'<article aria-labelledby="t-{row.decision_id}">'
        f'<h{level} id="t-{row.decision_id}">{para}{esc(title)}</h{level}>'
        f'<p class="meta"><time datetime="{row.date.isoformat()}">{esc(long_date(row.date, lang))}</time>'
        f" · {esc(row.body)} · {esc(x['kind_' + row.kind] if 'kind_' + row.kind in x else row.kind)}{by}"
        f" · {_standing(lang, row.standing, row.item_status)}</p>"
        f"{wording}{_minutes_links(lang, row.meeting_id, row.date)}"
        "</article></li>"
    )


async def _search(session: Any, scope: TabScope, body_ids: list[int], question: str) -> Any:
    """The bot's answer path (dialogs.ask.ask, as `samverkansbot ask --json` runs it)."""
    import storage.search  # noqa: F401  (the index hooks)
    from dialogs import ask as ask_module
    from dialogs.context import CommandContext, TurnInput
    from dialogs.router import detect_language

    turn = TurnInput(
        tenant_id=scope.tenant_id,
        conversation_id=f"tab:{scope.tenant_id}",
        conversation_type="personal" if scope.personal else None,
        speaker=None,
        text=question,
        source="tab",
    )
    ctx = CommandContext(session, turn, lang=detect_language(question))
    full = scope.full_ids
    ctx.cache["ask_scope"] = {
        "body_ids": body_ids,
        "confidential": bool(body_ids) and set(body_ids) <= full,
    }
    return await ask_module.ask(ctx, question)


def _hit_html(lang: str, hit: Any, index: int) -> str:
    # The kinds `ask --json` gives its hits.
    kinds = {
        "decision": t(lang, "Beslut", "Decision"),
        "item": t(lang, "Ur protokollets text", "From the minutes"),
        "text": t(lang, "Ur protokollets text", "From the minutes"),
        "attendance": t(lang, "Närvaro", "Attendance"),
        "assignment": t(lang, "Uppdrag", "Assignment"),
        "meeting": t(lang, "Mötet", "The meeting"),
    }
    para = f'<span class="para">{esc(hit.paragraph)}</span> ' if hit.paragraph else ""
    try:
        day: dt.date | None = dt.date.fromisoformat(hit.date)
    except (TypeError, ValueError):
        day = None
    when = (
        f'<time datetime="{esc(hit.date)}">{esc(long_date(day, lang))}</time>'
        if day
        else esc(hit.date or "")
    )
    links = _minutes_links(lang, hit.meeting_id, day) if day else ""
    return (
        f'<li class="decision hit" id="traff-{index}"><article aria-labelledby="h-{index}">'
        f'<h3 id="h-{index}">{para}{esc(hit.title or "")}</h3>'
        f'<p class="meta">{when} · {esc(hit.body)} · {esc(kinds.get(hit.kind, hit.kind))}</p>'
        f'<p class="wording">{esc(hit.text)}</p>{links}</article></li>'
    )


@_signed_in
async def api_register(request: web.Request, user: TabUser) -> web.Response:
    from storage import register

    lang = lang_of(request)
    try:
        body_id = _int_param(request, "body")
        year = _int_param(request, "year")
        meeting_id = _int_param(request, "meeting")
        kind = (request.query.get("kind") or "").strip() or None
        if kind is not None and kind not in register.KINDS:
            raise BadInput(f"Typen ”{kind}” finns inte.", f"There is no kind “{kind}”.")
        question = (request.query.get("q") or "").strip()
        if len(question) > QUESTION_MAX:
            raise BadInput(
                f"Frågan är för lång (högst {QUESTION_MAX} tecken).",
                f"The question is too long (at most {QUESTION_MAX} characters).",
            )
    except BadInput as err:
        return _bad(request, err)
    personal = request.query.get("context") == "personal"
    async with request.app[DB].sessions() as session:
        scope = await scope_for(session, user, personal=personal)
        ids = scope.body_ids
        if body_id is not None:
            ids = [i for i in ids if i == body_id]
        bodies = [{"id": b.id, "name": b.name} for b in scope.bodies]
        years = await register.years_of(session, scope.tenant_id, scope.body_ids)
        if question:
            answer = await _search(session, scope, ids, question)
            hits = [h for h in answer.hits if year is None or str(h.date).startswith(str(year))]
            status = t(
                lang,
                f"{len(hits)} träffar för ”{question}”.",
                f"{len(hits)} results for “{question}”.",
            )
            items = "".join(_hit_html(lang, h, i) for i, h in enumerate(hits, 1))
            fragment = f'<ol class="decisions" aria-labelledby="results-h">{items}</ol>'
            if not hits:
                fragment = f'<p class="empty">{esc(answer.text)}</p>'
        else:
            rows = await register.decisions(
                session,
                scope.tenant_id,
                ids,
                full_body_ids=scope.full_ids,
                date_from=dt.date(year, 1, 1) if year else None,
                date_to=dt.date(year, 12, 31) if year else None,
                kind=kind,
                meeting_id=meeting_id,
                limit=PAGE_LIMIT + 1,
            )
            more = len(rows) > PAGE_LIMIT
            rows = rows[:PAGE_LIMIT]
            status = t(lang, f"{len(rows)} beslut.", f"{len(rows)} decisions.")
            if more:
                status = t(
                    lang,
                    f"Visar de {PAGE_LIMIT} senaste besluten; filtrera för att se äldre.",
                    f"Showing the {PAGE_LIMIT} latest decisions; filter to see older ones.",
                )
            items = "".join(_decision_html(lang, r) for r in rows)
            fragment = (
                f'<ol class="decisions" aria-labelledby="results-h">{items}</ol>'
                if rows
                else f'<p class="empty">{esc(t(lang, "Inga beslut att visa.", "No decisions to show."))}</p>'
            )
    return web.json_response(
        {"html": fragment, "status": status, "bodies": bodies, "years": years},
        headers=_HEADERS,
    )


# --- the meeting side panel -------------------------------------------------------------------

ROLE_SV = {
    "ordforande": "ordförande",
    "vice_ordforande": "vice ordförande",
    "sekreterare": "sekreterare",
    "ledamot": "ledamot",
    "ersattare": "ersättare",
    "tjansteperson": "tjänsteperson",
    "adjungerad": "adjungerad",
}
STATUS_TEXT = {
    "present": ("närvarande", "present"),
    "partial": ("delvis närvarande", "partly present"),
    "absent": ("frånvarande", "absent"),
}


async def _panel_meeting(
    session: Any, scope: TabScope, meeting_id: int | None, conversation: str
) -> Meeting | None:
    visible = scope.body_ids
    if not visible:
        return None
    stmt = select(Meeting).where(Meeting.tenant_id == scope.tenant_id, Meeting.body_id.in_(visible))
    if meeting_id is not None:
        return await session.scalar(stmt.where(Meeting.id == meeting_id))
    if not conversation:
        return None
    from storage.models import BodyConversation

    found = await session.scalar(
        stmt.where(Meeting.conversation_id == conversation, Meeting.status == "open")
        .order_by(Meeting.id.desc())
        .limit(1)
    )
    if found is not None:
        return found  # type: ignore[no-any-return]
    # A channel tab: the open meeting of the body bound to the channel.
    body_id = await session.scalar(
        select(BodyConversation.body_id).where(
            BodyConversation.tenant_id == scope.tenant_id,
            BodyConversation.conversation_id == conversation,
        )
    )
    if body_id is None or body_id not in visible:
        return None
    return await session.scalar(  # type: ignore[no-any-return]
        stmt.where(Meeting.body_id == body_id, Meeting.status == "open")
        .order_by(Meeting.date.desc(), Meeting.id.desc())
        .limit(1)
    )


@_signed_in
async def api_panel(request: web.Request, user: TabUser) -> web.Response:
    from storage import register
    from storage.meetings import attendance_list, quorum

    lang = lang_of(request)
    try:
        meeting_id = _int_param(request, "meeting")
    except BadInput as err:
        return _bad(request, err)
    conversation = (request.query.get("conversation") or "").strip()[:400]
    async with request.app[DB].sessions() as session:
        # The side panel is on everyone's screen in a meeting: never sekretess in full.
        scope = await scope_for(session, user, personal=False)
        meeting = await _panel_meeting(session, scope, meeting_id, conversation)
        if meeting is None:
            text = t(
                lang,
                "Det finns inget pågående möte här som du kan se.",
                "There is no current meeting here that you can see.",
            )
            return web.json_response(
                {"html": f'<p class="empty">{esc(text)}</p>', "status": text}, headers=_HEADERS
            )
        body = next(b for b in scope.bodies if b.id == meeting.body_id)
        people = await attendance_list(session, meeting.id)
        q = await quorum(session, meeting)
        current = (
            await session.get(Item, meeting.current_item_id) if meeting.current_item_id else None
        )
        rows = await register.decisions(session, scope.tenant_id, [body.id], meeting_id=meeting.id)
    status_word = {
        "open": t(lang, "pågår", "in progress"),
        "closed": t(lang, "avslutat", "closed"),
        "justerat": t(lang, "justerat", "approved"),
        "published": t(lang, "publicerat", "published"),
        "imported": t(lang, "importerat", "imported"),
    }.get(meeting.status, meeting.status)
    heading = f"{body.name}, {long_date(meeting.date, lang)}"
    parts = [
        f'<section class="panel" aria-labelledby="m-h"><h2 id="m-h">{esc(heading)}</h2>',
        f'<p class="meta">{esc(t(lang, "Mötet", "The meeting"))} {esc(status_word)}</p>',
        f'<h3 id="att-h">{esc(t(lang, "Närvaro", "Attendance"))}</h3>',
    ]
    if q is not None:
        reached = (
            t(lang, "beslutfört", "quorate")
            if q.reached
            else t(lang, "inte beslutfört", "not quorate")
        )
        parts.append(
            f'<p class="quorum quorum-{"ok" if q.reached else "no"}">'
            + esc(
                t(
                    lang,
                    f"Beslutförhet: {q.present} av {q.members} ledamöter – {reached}",
                    f"Quorum: {q.present} of {q.members} members – {reached}",
                )
            )
            + "</p>"
        )
    present = sum(1 for p in people if p.attendance.status in ("present", "partial"))
    parts.append(
        f"<p>{esc(t(lang, f'{present} närvarande av {len(people)} i listan.', f'{present} present of {len(people)} listed.'))}</p>"
    )
    if people:
        lines = []
        for row in people:
            sv, en = STATUS_TEXT.get(row.attendance.status, (row.attendance.status,) * 2)
            role = row.attendance.role or ""
            role_text = ROLE_SV.get(role, role) if lang == "sv" else role.replace("_", " ")
            extra = f", {role_text}" if role_text else ""
            lines.append(
                f"<li>{esc(row.person.display_name)}{esc(extra)} – "
                f'<span class="att-{esc(row.attendance.status)}">{esc(t(lang, sv, en))}</span></li>'
            )
        parts.append(f'<ul class="attendance" aria-labelledby="att-h">{"".join(lines)}</ul>')
    parts.append(f"<h3>{esc(t(lang, 'Aktuell paragraf', 'Current paragraph'))}</h3>")
    if current is not None:
        from storage.register import SECRECY_TITLE, paragraph_label

        label = paragraph_label(current) or ""
        title = SECRECY_TITLE if current.confidential else current.title
        parts.append(f'<p class="current">{esc(label)} {esc(title)}</p>')
    else:
        parts.append(f"<p>{esc(t(lang, 'Ingen paragraf är öppen.', 'No paragraph is open.'))}</p>")
    parts.append(f'<h3 id="dec-h">{esc(t(lang, "Beslut hittills", "Decisions so far"))}</h3>')
    if rows:
        items = "".join(_decision_html(lang, r, level=4) for r in reversed(rows))
        parts.append(f'<ol class="decisions" aria-labelledby="dec-h">{items}</ol>')
    else:
        parts.append(f"<p>{esc(t(lang, 'Inga beslut ännu.', 'No decisions yet.'))}</p>")
    parts.append("</section>")
    status = t(lang, f"{len(rows)} beslut hittills.", f"{len(rows)} decisions so far.")
    return web.json_response({"html": "".join(parts), "status": status}, headers=_HEADERS)


# --- export and minutes links -----------------------------------------------------------------


@_signed_in
async def api_export(request: web.Request, user: TabUser) -> web.Response:
    from dialogs import export

    fmt = request.query.get("format", "csv")
    try:
        body_id = _int_param(request, "body")
        if fmt not in export.FORMATS:
            raise BadInput(
                f"Formatet ”{fmt}” finns inte: välj csv eller json.",
                f"There is no format “{fmt}”: choose csv or json.",
            )
        try:
            start = export.parse_date(request.query.get("from"))
            end = export.parse_date(request.query.get("to"), end=True)
            year = _int_param(request, "year")
        except ValueError as err:
            raise BadInput(str(err), "Write dates as YYYY-MM-DD, YYYY-MM or YYYY.") from None
        if year is not None:
            start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    except BadInput as err:
        return _bad(request, err)
    want_full = request.query.get("full") == "1"
    personal = request.query.get("context") == "personal"
    settings: Settings = request.app[SETTINGS]
    async with request.app[DB].transaction() as session:
        scope = await scope_for(session, user, personal=personal)
        bodies = [b for b in scope.bodies if body_id is None or b.id == body_id]
        if not bodies:
            return _bad(
                request,
                BadInput("Det finns inget organ att exportera.", "There is no body to export."),
            )
        made = await export.export_file(
            session,
            scope.tenant_id,
            bodies,
            fmt,
            base_url=settings.base_url,
            app_id=settings.app_id,
            full_body_ids=sorted(scope.full_ids) if want_full else (),
            date_from=start,
            date_to=end,
            source="teams",
            actor_person_id=scope.person_id,
            actor_label=user.name,
        )
    headers = dict(_HEADERS)
    headers["Content-Disposition"] = (
        f'attachment; filename="{made.name.encode("ascii", "replace").decode()}"; '
        f"filename*=UTF-8''{quote(made.name)}"
    )
    return web.Response(
        body=made.data, headers=headers, content_type=made.content_type.split(";")[0]
    )


def _meeting_id(request: web.Request) -> int:
    raw = request.match_info["meeting_id"]
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 12:
        raise web.HTTPNotFound()
    return int(raw)


async def _visible_meeting(session: Any, scope: TabScope, meeting_id: int) -> Meeting:
    """The meeting, when it is in the caller's tenant and a body they may see; 404 otherwise
    (the same answer for a meeting that does not exist)."""
    meeting = await session.get(Meeting, meeting_id)
    if meeting is None or meeting.tenant_id != scope.tenant_id:
        raise web.HTTPNotFound()
    if meeting.body_id not in scope.body_ids:
        raise web.HTTPNotFound()
    return meeting  # type: ignore[no-any-return]


async def _minutes_url(request: web.Request) -> str | web.Response:
    from storage import minutes as store

    try:
        user = await _authorised(request)
    except TabAuthError as err:
        return _refuse(request, err)
    meeting_id = _meeting_id(request)
    fmt = request.query.get("format", "html")
    if fmt not in store.DOCUMENT_FORMATS:
        return _bad(request, BadInput(f"Formatet ”{fmt}” finns inte.", f"No format “{fmt}”."))
    async with request.app[DB].transaction() as session:
        scope = await scope_for(session, user, personal=False)
        meeting = await _visible_meeting(session, scope, meeting_id)
        raw = await store.create_download_token(
            session,
            tenant_id=scope.tenant_id,
            meeting_id=meeting.id,
            public=True,
            fmt=fmt,
            ttl=LINK_TTL,
        )
    settings: Settings = request.app[SETTINGS]
    return f"{settings.base_url}/dl/{raw}"


async def api_minutes(request: web.Request) -> web.Response:
    url = await _minutes_url(request)
    if isinstance(url, web.Response):
        return url
    return web.json_response({"url": url}, headers=_HEADERS)


async def minutes_redirect(request: web.Request) -> web.Response:
    """A plain link (no script, local use): the same check, then on to the document."""
    url = await _minutes_url(request)
    if isinstance(url, web.Response):
        return url
    raise web.HTTPSeeOther(url, headers={"Cache-Control": "no-store"})


# --- full minutes, bound to the signed-in user ------------------------------------------------


def full_minutes_link(app_id: str, base_url: str, meeting_id: int) -> str:
    """A link for a personal chat to a meeting's full minutes. It opens the personal tab in
    Teams, which fetches the document with the signed-in user's own token: there is no link
    that works for whoever holds it, and only a member of the body gets the full version."""
    from manifest.build import tab_deep_link

    return tab_deep_link(app_id, base_url, f"protokoll-{meeting_id}")


@_signed_in
async def api_document(request: web.Request, user: TabUser) -> web.Response:
    """A meeting's minutes for the signed-in user: the full version to a member of its body in
    the personal tab (audited), the public version to anyone else who may see the body."""
    import asyncio

    from dialogs.minutes import render_docx, render_html
    from storage import audit
    from storage.minutes import build_document

    lang = lang_of(request)
    fmt = request.query.get("format", "html")
    if fmt not in ("html", "docx"):
        return _bad(request, BadInput(f"Formatet ”{fmt}” finns inte.", f"No format “{fmt}”."))
    meeting_id = _meeting_id(request)
    full = request.query.get("full") == "1"
    personal = request.query.get("context") == "personal"
    async with request.app[DB].transaction() as session:
        scope = await scope_for(session, user, personal=personal)
        meeting = await _visible_meeting(session, scope, meeting_id)
        if full and meeting.body_id not in scope.full_ids:
            return web.Response(
                status=403,
                text=t(
                    lang,
                    "Den fullständiga versionen visas bara för ledamöter i organet, "
                    "i den personliga fliken.",
                    "The full version is shown only to members of the body, in the personal tab.",
                ),
                content_type="text/plain",
                charset="utf-8",
                headers=_HEADERS,
            )
        doc = await build_document(session, meeting.id, tenant_id=scope.tenant_id)
        if doc is None:
            raise web.HTTPNotFound()
        if full:
            await audit.record(
                session,
                tenant_id=scope.tenant_id,
                action="read_full_minutes",
                entity="meeting",
                entity_id=meeting.id,
                source="teams",
                actor_person_id=scope.person_id,
                actor_label=user.name,
                after={"format": fmt},
            )
    headers = dict(_HEADERS)
    name = f"protokoll-{meeting_id}-{doc.date.isoformat()}{'' if full else '-offentlig'}.{fmt}"
    headers["Content-Disposition"] = f'attachment; filename="{name}"'
    if fmt == "docx":
        data = await asyncio.to_thread(render_docx, doc, public=not full)
        return web.Response(
            body=data,
            headers=headers,
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    text = await asyncio.to_thread(render_html, doc, public=not full)
    return web.Response(body=text.encode("utf-8"), headers=headers, content_type="text/html")


# --- wiring -----------------------------------------------------------------------------------


async def _resources(app: web.Application) -> Any:

    http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
    app[TAB_HTTP] = http
    app[KEYS] = TenantKeys(app[SETTINGS].tab_openid_metadata_url, http)
    try:
        yield
    finally:
        await http.close()


def setup(app: web.Application) -> None:
    app.router.add_get("/tab", page)
    app.router.add_get("/tab/config", config_page)
    app.router.add_get("/tab/static/{name}", static)
    app.router.add_get("/tab/api/register", api_register)
    app.router.add_get("/tab/api/panel", api_panel)
    app.router.add_get("/tab/api/export", api_export)
    app.router.add_get("/tab/api/minutes/{meeting_id}", api_minutes)
    app.router.add_get("/tab/api/document/{meeting_id}", api_document)
    app.router.add_get("/tab/minutes/{meeting_id}", minutes_redirect)
    app.router.add_get("/schemas/{name}", schema_file)
    app.cleanup_ctx.append(_resources)

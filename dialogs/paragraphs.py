"""Agenda, paragraphs (§) and decisions ("att …" clauses), recorded in the chat."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from dialogs import cards, choices
from dialogs.actions import action
from dialogs.bodies import body_for_reading, current_body, is_member
from dialogs.context import CommandContext
from dialogs.errors import Choice, UserError
from dialogs.labels import CommandGroup
from dialogs.people import require_manager, resolve_person, speaker_person
from dialogs.recording import current_meeting, recorder
from dialogs.registry import (
    PRIORITY_DECISION_BLOCK,
    PRIORITY_LATE_DECISION,
    PRIORITY_PARAGRAPH_LINE,
    PRIORITY_SHOW,
    command,
)
from dialogs.reply import InvokeResult
from dialogs.text import squash
from storage import audit
from storage.models import (
    AgendaEntry,
    Body,
    Decision,
    DecisionNote,
    Item,
    ItemAttachment,
    Jav,
    Meeting,
)
from storage.record import (
    NumberTaken,
    add_decision,
    add_paragraph,
    agenda,
    assignments_of_item,
    attachments_of,
    decisions_of,
    find_paragraph,
    items_of,
    jav_of,
    last_number,
    notes_of,
    number_scope,
)

MAX_TITLE = 500
STATUS_SV = {
    "behandlad": "behandlad",
    "utgar": "utgår",
    "bordlagd": "bordlagd",
    "aterremitterad": "återremitterad",
}
STATUS_EN = {
    "behandlad": "dealt with",
    "utgar": "withdrawn",
    "bordlagd": "tabled",
    "aterremitterad": "referred back",
}
DECISION_FORM_SV = (
    "Skriv beslutet som det står i protokollet, t.ex. `beslut: Protokollet läggs till "
    "handlingarna.`, eller med att-satser `beslut: att …; att …`."
)
DECISION_FORM_EN = (
    "Write the decision as the minutes word it, e.g. `decision: The minutes are approved.`, "
    "or with clauses `decision: att …; att …`."
)


# --- helpers ---------------------------------------------------------------------------------


async def _actor(ctx: CommandContext) -> int:
    return (await speaker_person(ctx)).id


async def current_item(ctx: CommandContext, meeting: Meeting) -> Item:
    item = await ctx.session.get(Item, meeting.current_item_id) if meeting.current_item_id else None
    if item is None:
        raise UserError(
            "Ingen paragraf är öppen. Öppna en med `§: Rubrik` eller `nästa punkt`.",
            "No paragraph is open. Open one with `§: Title` or `next item`.",
        )
    return item


# Size limits: a decision or a § is read in a Teams message and printed in the minutes.
MAX_CLAUSES = 100
MAX_ITEM_TEXT = 20_000  # characters of discussion text in one §

BARE_ATT_LINE = re.compile(
    r"^([ \t]*(?:[-•*][ \t]+)?(?:\*\*|__)?att(?:\*\*|__)?)[ \t]*\n[ \t]*(?=\S)",
    re.IGNORECASE | re.MULTILINE,
)


def parse_clauses(text: str) -> list[str]:
    """ "att A; att B" or one clause a line → ["A", "B"]; a line not starting with "att"
    continues the clause before it. Raises when the first part is not a clause."""
    clauses: list[str] = []
    # "att" alone at the end of a line starts the clause on the next line (corpus 18:
    # "Regionstyrelsen beslutar att" / "Föreslå regionfullmäktige …").
    text = BARE_ATT_LINE.sub(r"\1 ", text.replace("\r", ""))
    for line in text.split("\n"):
        for part in line.split(";"):
            raw = part.strip()
            cleaned = re.sub(
                r"^(?:[-•*]\s+)?(?:\*\*|__)?att(?:\*\*|__)?(?=\s|$)",
                "att",
                raw,
                flags=re.IGNORECASE,
            )
            if not raw:
                continue
            if re.fullmatch(r"att", cleaned, re.IGNORECASE):
                raise UserError(
                    "En beslutssats består bara av ”att”. " + DECISION_FORM_SV,
                    "A clause is only “att”. " + DECISION_FORM_EN,
                )
            if re.match(r"^att\s", cleaned, re.IGNORECASE):
                clauses.append(cleaned[4:].strip())
            elif clauses:
                sep = "; " if part is not line.split(";")[0] else " "
                clauses[-1] = f"{clauses[-1]}{sep}{raw}"
            else:
                raise UserError(
                    "Beslutssatserna ska börja med ”att”. " + DECISION_FORM_SV,
                    "The clauses must begin with “att”. " + DECISION_FORM_EN,
                )
    if not clauses:
        raise UserError(
            "Beslutet saknar text. " + DECISION_FORM_SV,
            "The decision has no text. " + DECISION_FORM_EN,
        )
    if len(clauses) > MAX_CLAUSES:
        raise UserError(
            f"Ett beslut får ha högst {MAX_CLAUSES} att-satser; det här har {len(clauses)}. "
            "Dela upp det på flera paragrafer. Inget sparades.",
            f"A decision may have at most {MAX_CLAUSES} clauses; this one has {len(clauses)}. "
            "Split it over several paragraphs. Nothing was saved.",
        )
    for clause in clauses:
        if len(clause) > 4000:
            raise UserError(
                "En beslutssats får vara högst 4000 tecken.",
                "A clause may be at most 4000 characters.",
            )
    return clauses


@dataclass(frozen=True)
class Wording:
    """A decision as written: an optional phrase ("Beredningen beslutar"), then either "att"
    clauses (without the "att") or the text as it stands."""

    phrase: str | None
    clauses: list[str]
    text: str | None


# "<body> beslutar" (or beslöt/beslutade) opening a decision, on the first line.
PHRASE = re.compile(
    r"^(?P<phrase>(?:[^\n;:]|:(?!\s)){1,200}?\b(?:beslutar|beslöt|beslutade|beslutat|decides|resolves))"
    r"\s*:?(?P<sep>[ \t]*\n|[ \t]+|$)(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
CLAUSE_START = re.compile(r"^(?:[-•*]\s+)?(?:\*\*|__)?att(?:\*\*|__)?(?=[\s;]|$)", re.IGNORECASE)


def parse_decision(text: str) -> Wording:
    """The decision as the secretary wrote it. "att" clauses are split out when the text is
    made of them (after an optional "<organ> beslutar"); they are never required or added."""
    body = text.replace("\r", "").strip()
    if not body:
        raise UserError(
            "Beslutet saknar text. " + DECISION_FORM_SV,
            "The decision has no text. " + DECISION_FORM_EN,
        )
    if len(body) > 8000:
        raise UserError(
            "Ett beslut får vara högst 8000 tecken.", "A decision may be at most 8000 characters."
        )
    m = PHRASE.match(body)
    if m is not None and len(m.group("phrase").split()) <= 12:
        phrase = squash(m.group("phrase")).replace("**", "").strip()
        rest = m.group("rest").strip()
        if CLAUSE_START.match(rest):
            return Wording(phrase, parse_clauses(rest), None)
        if rest and "\n" in m.group("sep"):
            # The phrase on its own line, the decision under it in prose.
            return Wording(phrase, [], rest)
    if CLAUSE_START.match(body):
        return Wording(None, parse_clauses(body), None)
    return Wording(None, [], body)


def decision_words(clauses: list[Any], text: str | None) -> str:
    """One line for history and buttons: "att A; att B", or the text as written."""
    return "; ".join(f"att {c}" for c in clauses) if clauses else (text or "")


def parse_heading(rest: str) -> tuple[str, dict[str, Any], str | None]:
    """ "Titel; föredragande A och B; diarienummer RS 2021/1" + further lines as text."""
    first, _, more = rest.partition("\n")
    parts = [p.strip() for p in first.split(";")]
    title = squash(parts[0]) if parts else ""
    fields: dict[str, Any] = {}
    extra: list[str] = []
    for part in parts[1:]:
        m = re.match(
            r"^(föredragande|foredragande|presenter|presented by)\s*:?\s*(.+)$", part, re.IGNORECASE
        )
        d = re.match(r"^(diarienummer|dnr|dnr\.)\s*:?\s*(.+)$", part, re.IGNORECASE)
        if m:
            fields["presenters"] = squash(m.group(2))
        elif d:
            fields["diarienummer"] = squash(d.group(2))
        elif part:
            extra.append(part)
    text = "\n".join(x for x in ["; ".join(extra), more.strip()] if x) or None
    if text is not None and len(text) > MAX_ITEM_TEXT:
        raise UserError(
            f"Texten i en paragraf får vara högst {MAX_ITEM_TEXT} tecken; den här har "
            f"{len(text)}. Korta den eller lägg resten i en bilaga. Inget sparades.",
            f"A paragraph's text may be at most {MAX_ITEM_TEXT} characters; this one has "
            f"{len(text)}. Shorten it or put the rest in an attachment. Nothing was saved.",
        )
    return title, fields, text


async def default_phrase(ctx: CommandContext, body: Body) -> str:
    """The phrase the body used last ("LSVO:s ledningsgrupp beslutar"), else "<name> beslutar"."""
    last = await ctx.session.scalar(
        select(Decision.phrase)
        .join(Item, Item.id == Decision.item_id)
        .where(
            Item.body_id == body.id,
            Decision.phrase.is_not(None),
            Decision.reported_by_body.is_(None),
        )
        .order_by(Decision.id.desc())
        .limit(1)
    )
    return last or f"{body.name} beslutar"


def paragraph_label(item: Item) -> str:
    return (
        f"§ {item.label or item.number}"
        if item.is_paragraph
        else f"Punkt {item.label or item.position}"
    )


async def _open_paragraph(
    ctx: CommandContext,
    body: Body,
    meeting: Meeting,
    title: str,
    number: int | None,
    fields: dict[str, Any],
    text: str | None,
    agenda_entry: AgendaEntry | None = None,
) -> Item:
    if len(title) > MAX_TITLE:
        raise UserError(
            f"Rubriken får vara högst {MAX_TITLE} tecken (den är {len(title)}). "
            "Skriv `§ 116 Rubrik; föredragande Namn` eller `§: Rubrik` med en kortare rubrik, "
            "och resten med `text: …`.",
            f"The title may be at most {MAX_TITLE} characters (it is {len(title)}). "
            "Write `§ 116 Title; presenter Name` or `§: Title` with a shorter title, "
            "and the rest with `notes: …`.",
        )
    try:
        item = await add_paragraph(
            ctx.session,
            body,
            meeting,
            title=title,
            number=number,
            created_by=await _actor(ctx),
            text=text,
            **fields,
        )
    except NumberTaken:
        scope = "i år" if body.numbering == "per_year" else "på det här mötet"
        raise UserError(
            f"§ {number} finns redan {scope}; ett nummer används bara en gång. Skriv `§: {title or 'Rubrik'}` för nästa lediga nummer.",
            f"§ {number} already exists; a number is used only once. Write `§: {title or 'Title'}` for the next free number.",
        ) from None
    meeting.current_item_id = item.id
    if agenda_entry is None and title:
        agenda_entry = await ctx.session.scalar(
            select(AgendaEntry).where(
                AgendaEntry.meeting_id == meeting.id,
                AgendaEntry.item_id.is_(None),
                AgendaEntry.title == title,
            )
        )
    if agenda_entry is not None:
        agenda_entry.item_id = item.id
    await ctx.audit(
        "item.open", "item", item.id, after={"number": item.number, "title": title, **fields}
    )
    return item


def _opened_reply(ctx: CommandContext, item: Item) -> None:
    extra = f"\nFöredragande: {item.presenters}" if item.presenters else ""
    ctx.say(
        f"**{paragraph_label(item)} {item.title}** är öppnad.{extra}",
        f"**{paragraph_label(item)} {item.title}** is open.{extra}",
    )


# --- agenda ------------------------------------------------------------------------------------


@command(
    "dagordning",
    "föredragningslista",
    en=("agenda",),
    arg="optional_colon",
    group=CommandGroup.PARAGRAPHS,
    usage="dagordning: Punkt; Punkt; …",
    help_en="Set the agenda; alone: show it",
)
async def cmd_agenda(ctx: CommandContext, arg: str) -> None:
    """Sätt dagordningen; ensamt: visa den"""
    if not arg:
        meeting = await current_meeting(ctx)
        entries = await agenda(ctx.session, meeting.id)
        if not entries:
            ctx.say(
                "Ingen dagordning är satt. Skriv `dagordning: Punkt; Punkt; …`.",
                "No agenda yet. Write `agenda: Item; Item; …`.",
            )
            return
        lines = []
        for e in entries:
            item = await ctx.session.get(Item, e.item_id) if e.item_id else None
            lines.append(
                f"{e.position}. {e.title}" + (f" — {paragraph_label(item)}" if item else "")
            )
        ctx.say("**Dagordning**\n" + "\n".join(lines), "**Agenda**\n" + "\n".join(lines))
        return
    _, meeting = await recorder(ctx)
    titles = [squash(t) for t in re.split(r"[;\n]", arg) if squash(t)]
    if any(len(t) > MAX_TITLE for t in titles):
        raise UserError(
            f"En punkt får vara högst {MAX_TITLE} tecken.",
            f"An item may be at most {MAX_TITLE} characters.",
        )
    existing = await agenda(ctx.session, meeting.id)
    kept = [e for e in existing if e.item_id is not None]
    for e in existing:
        if e.item_id is None:
            await ctx.session.delete(e)
    await ctx.session.flush()
    # Entries already opened as § keep their place; the new list follows them.
    for pos, e in enumerate(kept, start=1):
        e.position = -pos
    await ctx.session.flush()
    for pos, e in enumerate(kept, start=1):
        e.position = pos
    for pos, title in enumerate(titles, start=len(kept) + 1):
        ctx.session.add(AgendaEntry(meeting_id=meeting.id, position=pos, title=title))
    await ctx.session.flush()
    await ctx.audit("agenda.set", "meeting", meeting.id, after={"agenda": titles})
    ctx.say(
        f"Dagordningen har {len(titles)} punkter. `nästa punkt` öppnar nästa som paragraf.",
        f"The agenda has {len(titles)} items. `next item` opens the next as a paragraph.",
    )


@command(
    "punkt",
    en=("item",),
    arg="colon",
    group=CommandGroup.PARAGRAPHS,
    usage="punkt: Rubrik",
    help_en="Add one item to the agenda",
)
async def cmd_agenda_item(ctx: CommandContext, arg: str) -> None:
    """Lägg till en punkt på dagordningen"""
    _, meeting = await recorder(ctx)
    title = squash(arg)
    if not title or len(title) > MAX_TITLE:
        raise UserError(
            f"Skriv `punkt: Rubrik` (högst {MAX_TITLE} tecken).",
            f"Write `item: Title` (at most {MAX_TITLE} characters).",
        )
    pos = len(await agenda(ctx.session, meeting.id)) + 1
    ctx.session.add(AgendaEntry(meeting_id=meeting.id, position=pos, title=title))
    await ctx.session.flush()
    await ctx.audit("agenda.add", "meeting", meeting.id, after={"title": title})
    ctx.say(f"Punkt {pos} på dagordningen: {title}.", f"Agenda item {pos}: {title}.")


@command(
    "nästa punkt",
    en=("next item",),
    group=CommandGroup.PARAGRAPHS,
    help_en="Open the next agenda item as the next §",
)
async def cmd_next_item(ctx: CommandContext, arg: str) -> None:
    """Öppna nästa punkt på dagordningen som nästa §"""
    body, meeting = await recorder(ctx)
    entry = next((e for e in await agenda(ctx.session, meeting.id) if e.item_id is None), None)
    if entry is None:
        raise UserError(
            "Alla punkter på dagordningen är öppnade. Skriv `§: Rubrik` för en ny paragraf.",
            "Every agenda item is open already. Write `§: Title` for a new paragraph.",
        )
    item = await _open_paragraph(ctx, body, meeting, entry.title, None, {}, None, entry)
    _opened_reply(ctx, item)


# --- paragraphs --------------------------------------------------------------------------------

PARAGRAPH_LINE = re.compile(r"^§\s*(\d{1,5})(?:\s+|$)(.*)$", re.DOTALL)


def _match_paragraph_line(text: str) -> str | None:
    return text if PARAGRAPH_LINE.match(text.strip()) else None


@command(
    group=CommandGroup.PARAGRAPHS,
    matcher=_match_paragraph_line,
    priority=PRIORITY_PARAGRAPH_LINE,
    usage="§ 116 Rubrik; föredragande Namn",
    help_en="Open § 116 with its title (up to the first ;) and presenters",
)
async def cmd_paragraph_numbered(ctx: CommandContext, arg: str) -> None:
    """Öppna § 116 med rubrik (fram till första ;) och föredragande"""
    m = PARAGRAPH_LINE.match(arg.strip())
    assert m is not None
    body, meeting = await recorder(ctx)
    number = int(m.group(1))
    title, fields, text = parse_heading(m.group(2).strip())
    if not title:
        # "§ 116" alone: go back to a § of this meeting.
        existing = await ctx.session.scalar(
            select(Item).where(Item.meeting_id == meeting.id, Item.number == number)
        )
        if existing is None:
            raise UserError(
                f"§ {number} finns inte på det här mötet. Skriv `§ {number} Rubrik` för att öppna den.",
                f"§ {number} is not in this meeting. Write `§ {number} Title` to open it.",
            )
        meeting.current_item_id = existing.id
        ctx.say(
            f"{paragraph_label(existing)} {existing.title} är aktuell igen.",
            f"{paragraph_label(existing)} {existing.title} is current again.",
        )
        return
    scope = number_scope(body, meeting)
    last = await last_number(ctx.session, body.id, scope)
    taken = await ctx.session.scalar(
        select(Item.id).where(
            Item.body_id == body.id, Item.number_scope == scope, Item.number == number
        )
    )
    if number < last and taken is None and not choices.confirmed(ctx, f"low:{number}"):
        # A number below the body's last is usually a typo (§ 3 for § 118); ask first.
        raise Choice(
            f"§ {number} är lägre än {body.name}s senaste paragraf, § {last}; nästa är § {last + 1}. "
            f"Skriv `§ {last + 1} {title}` eller `§: {title}` för nästa nummer, "
            f"eller bekräfta att det ska vara § {number}. Inget ändrades.",
            f"§ {number} is below the last paragraph of {body.name}, § {last}; the next is "
            f"§ {last + 1}. Write `§ {last + 1} {title}` or `§: {title}` for the next number, "
            f"or confirm § {number}. Nothing was changed.",
            [
                choices.option(
                    ctx,
                    f"Ja, öppna § {number}",
                    f"Yes, open § {number}",
                    confirm=f"low:{number}",
                )
            ],
        )
    item = await _open_paragraph(ctx, body, meeting, title, number, fields, text)
    _opened_reply(ctx, item)


@command(
    "§",
    "paragraf",
    en=("paragraph",),
    arg="colon",
    group=CommandGroup.PARAGRAPHS,
    usage="§: Rubrik; föredragande Namn",
    help_en="Open the next § with this title",
)
async def cmd_paragraph_next(ctx: CommandContext, arg: str) -> None:
    """Öppna nästa § med den här rubriken"""
    body, meeting = await recorder(ctx)
    title, fields, text = parse_heading(arg.strip())
    if not title:
        raise UserError(
            "Skriv `§: Rubrik` eller `§ 116 Rubrik`.", "Write `§: Title` or `§ 116 Title`."
        )
    item = await _open_paragraph(ctx, body, meeting, title, None, fields, text)
    _opened_reply(ctx, item)


@command(
    "rubrik",
    en=("title",),
    arg="colon",
    group=CommandGroup.PARAGRAPHS,
    usage="rubrik: Text",
    help_en="Set or change the title of the current §",
)
async def cmd_title(ctx: CommandContext, arg: str) -> None:
    """Sätt eller ändra rubriken på aktuell §"""
    _, meeting = await recorder(ctx)
    item = await current_item(ctx, meeting)
    title, fields, _text = parse_heading(arg.strip())
    if not title or len(title) > MAX_TITLE:
        raise UserError(
            f"Skriv `rubrik: Text` (högst {MAX_TITLE} tecken).",
            f"Write `title: Text` (at most {MAX_TITLE} characters).",
        )
    before = {"title": item.title}
    item.title = title
    for k, v in fields.items():
        setattr(item, k, v)
    await ctx.audit("item.title", "item", item.id, before, {"title": title, **fields})
    ctx.say(
        f"{paragraph_label(item)} heter nu: {title}.",
        f"{paragraph_label(item)} is now titled: {title}.",
    )


@command(
    "föredragande",
    en=("presenter", "presenters"),
    arg="colon",
    group=CommandGroup.PARAGRAPHS,
    usage="föredragande: Namn och Namn",
    help_en="Who presents the current §",
)
async def cmd_presenters(ctx: CommandContext, arg: str) -> None:
    """Vem som föredrar aktuell §"""
    await _set_item_field(ctx, "presenters", squash(arg), "föredragande", "presenters")


@command(
    "text",
    "anteckning",
    en=("notes",),
    arg="colon",
    group=CommandGroup.PARAGRAPHS,
    usage="text: Vad som sades",
    help_en="Add discussion text to the current §",
)
async def cmd_text(ctx: CommandContext, arg: str) -> None:
    """Lägg till diskussionstext i aktuell §"""
    _, meeting = await recorder(ctx)
    item = await current_item(ctx, meeting)
    addition = arg.strip()
    if not addition:
        raise UserError(
            "Skriv `text: …` med det som ska stå i paragrafen.",
            "Write `notes: …` with what the paragraph should say.",
        )
    before = {"text": item.text}
    combined = f"{item.text}\n\n{addition}" if item.text else addition
    if len(combined) > MAX_ITEM_TEXT:
        raise UserError(
            f"Texten i en paragraf får vara högst {MAX_ITEM_TEXT} tecken; den skulle bli "
            f"{len(combined)}. Korta den eller lägg resten i en bilaga. Inget sparades.",
            f"A paragraph's text may be at most {MAX_ITEM_TEXT} characters; it would be "
            f"{len(combined)}. Shorten it or put the rest in an attachment. Nothing was saved.",
        )
    item.text = combined
    await ctx.audit("item.text", "item", item.id, before, {"text": item.text})
    ctx.say(
        f"Texten i {paragraph_label(item)} är uppdaterad.",
        f"The text of {paragraph_label(item)} is updated.",
    )


async def _set_item_field(
    ctx: CommandContext, field: str, value: str, word_sv: str, word_en: str
) -> Item:
    _, meeting = await recorder(ctx)
    item = await current_item(ctx, meeting)
    if not value:
        raise UserError(f"Skriv `{word_sv}: …`.", f"Write `{word_en}: …`.")
    if len(value) > 500:
        raise UserError(
            f"{word_sv.capitalize()} får vara högst 500 tecken.",
            f"{word_en.capitalize()} may be at most 500 characters.",
        )
    before = {field: getattr(item, field)}
    setattr(item, field, value)
    await ctx.audit(f"item.{field}", "item", item.id, before, {field: value})
    ctx.say(
        f"{paragraph_label(item)}: {word_sv} {value}.",
        f"{paragraph_label(item)}: {word_en} {value}.",
    )
    return item


@command(
    "diarienummer",
    "dnr",
    en=("reference number",),
    arg="colon",
    group=CommandGroup.PARAGRAPHS,
    usage="diarienummer: RS 2021/123",
    help_en="The current §'s registration number",
)
async def cmd_diarienummer(ctx: CommandContext, arg: str) -> None:
    """Diarienummer för aktuell §"""
    await _set_item_field(ctx, "diarienummer", squash(arg), "diarienummer", "reference number")


URL = re.compile(r"(https?://\S+)")


@command(
    "bilaga",
    en=("attachment",),
    arg="colon",
    group=CommandGroup.PARAGRAPHS,
    usage="bilaga: Namn (länk)",
    help_en="Attach a document reference to the current §",
)
async def cmd_attachment(ctx: CommandContext, arg: str) -> None:
    """Bilaga till aktuell § (namn och länk)"""
    _, meeting = await recorder(ctx)
    item = await current_item(ctx, meeting)
    text = squash(arg)
    url_match = URL.search(text)
    url = url_match.group(1).rstrip(").,") if url_match else None
    name = squash(URL.sub("", text).replace("()", "")).strip(" -–(") if url else text
    if not name:
        raise UserError("Skriv `bilaga: Namn (länk)`.", "Write `attachment: Name (link)`.")
    ctx.session.add(ItemAttachment(item_id=item.id, name=name[:500], url=url))
    await ctx.session.flush()
    await ctx.audit("item.attachment", "item", item.id, after={"name": name, "url": url})
    ctx.say(
        f"Bilaga till {paragraph_label(item)}: {name}" + (f" ({url})" if url else "") + ".",
        f"Attachment to {paragraph_label(item)}: {name}" + (f" ({url})" if url else "") + ".",
    )


async def _set_status(ctx: CommandContext, status: str, remit_to: str | None = None) -> None:
    _, meeting = await recorder(ctx)
    item = await current_item(ctx, meeting)
    before = {"status": item.status, "remit_to": item.remit_to}
    item.status = status
    item.remit_to = remit_to
    await ctx.audit(
        "item.status", "item", item.id, before, {"status": status, "remit_to": remit_to}
    )
    suffix = f" {remit_to}" if remit_to else ""
    ctx.say(
        f"{paragraph_label(item)} {item.title}: {STATUS_SV[status]}{suffix}.",
        f"{paragraph_label(item)} {item.title}: {STATUS_EN[status]}{suffix}.",
    )


@command(
    "utgår",
    en=("withdrawn", "struck"),
    group=CommandGroup.PARAGRAPHS,
    help_en="The current § is struck (keeps its number)",
)
async def cmd_struck(ctx: CommandContext, arg: str) -> None:
    """Aktuell § utgår (behåller sitt nummer)"""
    await _set_status(ctx, "utgar")


@command(
    "bordläggs",
    "bordlägg",
    en=("tabled", "table"),
    group=CommandGroup.PARAGRAPHS,
    help_en="The current § is tabled",
)
async def cmd_tabled(ctx: CommandContext, arg: str) -> None:
    """Aktuell § bordläggs"""
    await _set_status(ctx, "bordlagd")


@command(
    "återremitteras",
    "återremiss",
    en=("referred back",),
    arg="optional_colon",
    group=CommandGroup.PARAGRAPHS,
    usage="återremitteras: till samverkansgrupp vuxna",
    help_en="The current § is referred back (to whom)",
)
async def cmd_remit(ctx: CommandContext, arg: str) -> None:
    """Aktuell § återremitteras (till vem)"""
    await _set_status(ctx, "aterremitterad", squash(arg) or None)


@command(
    "sekretess",
    en=("confidential",),
    group=CommandGroup.PARAGRAPHS,
    help_en="The current § is confidential (OSL): out of the public minutes and answers to non-members",
)
async def cmd_confidential(ctx: CommandContext, arg: str) -> None:
    """Aktuell § omfattas av sekretess (OSL): utanför offentligt protokoll och svar till icke-ledamöter"""
    _, meeting = await recorder(ctx)
    item = await current_item(ctx, meeting)
    before = {"confidential": item.confidential}
    item.confidential = True
    await ctx.audit("item.confidential", "item", item.id, before, {"confidential": True})
    ctx.say(
        f"{paragraph_label(item)} är markerad med sekretess. Den visas inte i den offentliga versionen eller för andra än organets ledamöter.",
        f"{paragraph_label(item)} is marked confidential. It is left out of the public version and hidden from non-members.",
    )


@command(
    "information",
    en=("information",),
    arg="colon",
    group=CommandGroup.PARAGRAPHS,
    usage="information: Informationen läggs till handlingarna",
    help_en="Record the current § as an information item",
)
async def cmd_information(ctx: CommandContext, arg: str) -> None:
    """Aktuell § är en informationspunkt (med utfallet)"""
    _, meeting = await recorder(ctx)
    item = await current_item(ctx, meeting)
    outcome = arg.strip()
    if not outcome:
        raise UserError(
            "Skriv `information: Informationen läggs till handlingarna`.",
            "Write `information: The information is noted`.",
        )
    before = {"kind": item.kind, "outcome": item.outcome}
    item.kind = "information"
    item.outcome = outcome
    await ctx.audit(
        "item.information",
        "item",
        item.id,
        before,
        {"kind": "information", "outcome": outcome},
    )
    ctx.say(
        f"{paragraph_label(item)} {item.title}: {outcome}",
        f"{paragraph_label(item)} {item.title}: {outcome}",
    )


@command(
    "jäv",
    en=("conflict of interest",),
    arg="colon",
    group=CommandGroup.PARAGRAPHS,
    usage="jäv: Namn",
    help_en="Someone takes no part in the current § (not counted for its quorum)",
)
async def cmd_jav(ctx: CommandContext, arg: str) -> None:
    """Någon deltar inte i aktuell § på grund av jäv (räknas inte för beslutförhet)"""
    body, meeting = await recorder(ctx)
    item = await current_item(ctx, meeting)
    names = []
    from dialogs.people import name_entries

    entries = await name_entries(ctx, body, arg)
    if not entries:
        raise UserError("Skriv `jäv: Namn`.", "Write `conflict of interest: Name`.")
    for entry in entries:
        # Only someone the body or the meeting knows: jäv for an unknown name means nothing.
        person = await resolve_person(ctx, body, entry, create=False)
        exists = await ctx.session.scalar(
            select(Jav.id).where(Jav.item_id == item.id, Jav.person_id == person.id)
        )
        if exists is None:
            ctx.session.add(Jav(item_id=item.id, person_id=person.id))
            await ctx.session.flush()
            await ctx.audit(
                "item.jav",
                "item",
                item.id,
                after={"person_id": person.id, "name": person.display_name},
            )
        names.append(person.display_name)
    from storage.meetings import quorum

    q = await quorum(ctx.session, meeting, item.id)
    qline = ""
    if q is not None:
        qline = f" Beslutförhet i paragrafen: {q.present} av {q.members}{'' if q.reached else ' – inte beslutfört'}."
    ctx.say(
        f"{', '.join(names)} deltar inte i handläggningen av {paragraph_label(item)} (jäv).{qline}",
        f"{', '.join(names)} takes no part in {paragraph_label(item)} (conflict of interest).{qline}",
    )


# --- decisions ---------------------------------------------------------------------------------


def _match_beslutar_block(text: str) -> str | None:
    lines = [line.strip() for line in text.strip().split("\n") if line.strip()]
    # A first line ending in "beslutar" with more lines under it is a decision block; lines
    # that do not begin with "att" get the accepted form back (parse_clauses), rather than
    # being answered as a question.
    if len(lines) >= 2 and re.search(r"\bbeslutar\**:?\**$", lines[0], re.IGNORECASE):
        return text.strip()
    return None


def decision_card(
    ctx: CommandContext, item: Item, decision: Decision
) -> tuple[dict[str, Any], str]:
    head = f"{paragraph_label(item)} {item.title or ctx.t('(rubrik saknas)', '(no title yet)')}"
    clause_text = (
        "\n".join(f"**att** {c}" for c in decision.clauses)
        if decision.clauses
        else (decision.text or "")
    )
    editable = (
        "\n".join(f"att {c}" for c in decision.clauses)
        if decision.clauses
        else (decision.text or "")
    )
    body = [
        cards.heading(head),
        cards.text(f"**{decision.phrase}**" if decision.phrase else ""),
        cards.text(clause_text),
        {
            "type": "Input.Text",
            "id": "clauses",
            "isMultiline": True,
            "label": ctx.t("Ändra beslutet", "Amend the decision"),
            "value": editable,
        },
    ]
    actions = [
        cards.execute(ctx.t("Ändra", "Amend"), "decisionAmend", {"decisionId": decision.id}),
        cards.execute(ctx.t("Ångra", "Undo"), "decisionUndo", {"decisionId": decision.id}),
    ]
    fallback = f"{head}\n{decision.phrase or ''}\n" + editable
    return cards.card(body, actions), fallback


async def _record_decision(
    ctx: CommandContext, wording: Wording, *, number: int | None = None
) -> None:
    body, meeting = await recorder(ctx)
    opened = False
    if number is not None:
        # `beslut § 2: …`: a decision for an earlier § of this meeting.
        item = await ctx.session.scalar(
            select(Item).where(Item.meeting_id == meeting.id, Item.number == number)
        )
        if item is None:
            raise UserError(
                f"§ {number} finns inte på det här mötet. Öppna den med `§ {number} Rubrik`, "
                f"eller skriv `beslut § N: …` med en § från mötet.",
                f"§ {number} is not in this meeting. Open it with `§ {number} Title`, "
                f"or write `decision § N: …` with a § of this meeting.",
            )
    else:
        item = (
            await ctx.session.get(Item, meeting.current_item_id)
            if meeting.current_item_id
            else None
        )
    if item is None:
        # A decision with no § open opens the next § and asks for its title.
        item = await _open_paragraph(ctx, body, meeting, "", None, {}, None)
        opened = True
    phrase = wording.phrase
    if phrase is None and wording.clauses:
        # "att" clauses read under the body's phrase; prose stands as written.
        phrase = await default_phrase(ctx, body)
    decision = await add_decision(
        ctx.session,
        item,
        phrase=phrase,
        clauses=wording.clauses,
        text=wording.text,
        recorded_by=await _actor(ctx),
        source="console" if ctx.turn.source == "console" else "chat",
        activity_id=ctx.turn.activity_id,
    )
    if item.kind != "beslut":
        item.kind = "beslut"
    await ctx.audit(
        "decision.add",
        "decision",
        decision.id,
        after={
            "item_id": item.id,
            "phrase": decision.phrase,
            "clauses": wording.clauses,
            "text": wording.text,
        },
    )
    card, fallback = decision_card(ctx, item, decision)
    ctx.card(card, fallback)
    if opened:
        ctx.say(
            f"Beslutet står under den nya {paragraph_label(item)}. Vilken rubrik har den? Skriv `rubrik: …`.",
            f"The decision is under the new {paragraph_label(item)}. What is its title? Write `title: …`.",
        )


@command(
    "beslut",
    en=("decision",),
    arg="colon",
    group=CommandGroup.PARAGRAPHS,
    usage="beslut: Protokollet läggs till handlingarna.",
    usage_en="decision: The minutes are approved.",
    help_en="Record a decision on the current § as written (with or without “att” clauses)",
)
async def cmd_decision(ctx: CommandContext, arg: str) -> None:
    """Besluta i aktuell §, som det står i protokollet (med eller utan att-satser)"""
    await _record_decision(ctx, parse_decision(arg))


LATE_DECISION = re.compile(
    r"^(?:beslut|decision)\s+(?:i\s+|in\s+)?§\s*(\d{1,5})\s*:\s*(.*)$", re.IGNORECASE | re.DOTALL
)


def _match_late_decision(text: str) -> str | None:
    return text if LATE_DECISION.match(text.strip()) else None


@command(
    group=CommandGroup.PARAGRAPHS,
    matcher=_match_late_decision,
    priority=PRIORITY_LATE_DECISION,
    usage="beslut § 2: Protokollet läggs till handlingarna.",
    usage_en="decision § 2: The minutes are approved.",
    help_en="Add a decision to an earlier § of this meeting",
)
async def cmd_decision_for(ctx: CommandContext, arg: str) -> None:
    """Lägg till ett beslut i en tidigare § på mötet"""
    m = LATE_DECISION.match(arg.strip())
    assert m is not None
    if re.match(r"^decision", arg.strip(), re.IGNORECASE):
        ctx.lang = "en"
    await _record_decision(ctx, parse_decision(m.group(2)), number=int(m.group(1)))


@command(
    group=CommandGroup.PARAGRAPHS,
    matcher=_match_beslutar_block,
    priority=PRIORITY_DECISION_BLOCK,
    usage="<Organ> beslutar (ny rad) att … (ny rad) att …",
    help_en="A decision block: first line ends in “beslutar”, then the decision (“att …” lines or text)",
)
async def cmd_decision_block(ctx: CommandContext, arg: str) -> None:
    """Ett beslut i protokollform: första raden slutar på ”beslutar”, sedan beslutet"""
    first, _, rest = arg.partition("\n")
    phrase = squash(first).rstrip(":").replace("**", "").strip()
    wording = parse_decision(rest)
    await _record_decision(ctx, Wording(phrase, wording.clauses, wording.text))


REASON = re.compile(
    r"(?:^|[;\n,])\s*(?:skäl|skal|motivering|reason)\s*:\s*(?P<why>.+)$", re.IGNORECASE | re.DOTALL
)


def split_reason(text: str) -> tuple[str, str | None]:
    """ "att …; skäl: fel belopp" → ("att …", "fel belopp")."""
    m = REASON.search(text)
    if m is None:
        return text, None
    return text[: m.start()].strip(), squash(m.group("why")) or None


async def _correction(ctx: CommandContext, item: Item, what: str, why: str | None) -> None:
    """After justering nothing is silently rewritten: the change is a correction with a reason,
    shown in the minutes (who, when, what, why)."""
    meeting = await ctx.session.get(Meeting, item.meeting_id)
    if meeting is None or meeting.status not in ("justerat", "published"):
        return
    if not why:
        raise UserError(
            f"Protokollet för {meeting.date.isoformat()} är justerat, så ändringen blir en rättelse. "
            f"Ange skälet, t.ex. `ändra beslut {paragraph_label(item)}: att …; skäl: fel belopp` "
            f"eller `ångra {paragraph_label(item)}; skäl: …`.",
            f"The minutes of {meeting.date.isoformat()} are approved, so the change is a correction. "
            f"Give the reason, e.g. `amend decision {paragraph_label(item)}: att …; reason: wrong amount`.",
        )
    from storage.models import Correction

    ctx.session.add(
        Correction(
            meeting_id=meeting.id,
            item_id=item.id,
            person_id=ctx.cache["speaker_person"].id,
            what=what,
            why=why,
        )
    )


async def _amend(
    ctx: CommandContext, old: Decision, wording: Wording, why: str | None = None
) -> Decision:
    item = await ctx.session.get(Item, old.item_id)
    assert item is not None
    words = decision_words(wording.clauses, wording.text)
    await _correction(ctx, item, f"Beslutet i {paragraph_label(item)} ändrat till: {words}", why)
    new = await add_decision(
        ctx.session,
        item,
        phrase=wording.phrase or old.phrase,
        clauses=wording.clauses,
        text=wording.text,
        recorded_by=await _actor(ctx),
        source="console" if ctx.turn.source == "console" else "chat",
        activity_id=ctx.turn.activity_id,
    )
    new.position = old.position
    old.status = "amended"
    old.superseded_by_id = new.id
    # Reservations and protokollsanteckningar follow the decision that replaces the old one.
    for note in await notes_of(ctx.session, [old.id]):
        note.decision_id = new.id
    await ctx.audit(
        "decision.amend",
        "decision",
        old.id,
        {"clauses": old.clauses, "status": "valid", **({"text": old.text} if old.text else {})},
        {
            "clauses": wording.clauses,
            "text": wording.text,
            "superseded_by": new.id,
            "why": why,
        },
    )
    return new


async def _withdraw(ctx: CommandContext, decision: Decision, why: str | None = None) -> None:
    item = await ctx.session.get(Item, decision.item_id)
    assert item is not None
    await _correction(
        ctx,
        item,
        f"Beslutet i {paragraph_label(item)} återtaget: "
        + decision_words(decision.clauses, decision.text),
        why,
    )
    before = {"status": decision.status}
    decision.status = "withdrawn"
    await ctx.audit(
        "decision.withdraw",
        "decision",
        decision.id,
        before,
        {"status": "withdrawn", "clauses": decision.clauses, "text": decision.text, "why": why},
    )


def _parse_ref(arg: str) -> tuple[int, int | None, str | None, str]:
    """ "§ 116 2021: rest" → (116, 2021, None, "rest"); "§ 5 2024-05-17" → (5, None, "2024-05-17", "")."""
    m = re.match(
        r"^\s*§?\s*(\d{1,5})(?:\s+((?:19|20)\d{2})(?:-(\d{2})-(\d{2}))?)?\s*(?::\s*(.*))?$",
        arg.strip(),
        re.DOTALL,
    )
    if not m:
        raise UserError(
            "Skriv paragrafen som `§ 116`, `§ 117 2021` eller `§ 5 2024-05-17`.",
            "Write the paragraph as `§ 116`, `§ 117 2021` or `§ 5 2024-05-17`.",
        )
    number = int(m.group(1))
    if m.group(3):
        return number, None, f"{m.group(2)}-{m.group(3)}-{m.group(4)}", (m.group(5) or "")
    return number, int(m.group(2)) if m.group(2) else None, None, (m.group(5) or "")


async def lookup_paragraph(ctx: CommandContext, body: Body, arg: str) -> tuple[Item, str]:
    import datetime as dt

    number, year, date_text, rest = _parse_ref(arg)
    meeting = ctx.cache.get("meeting")
    if meeting is None:
        from storage.meetings import latest_meeting, open_meeting_in

        meeting = await open_meeting_in(
            ctx.session, body.id, ctx.turn.binding_id
        ) or await latest_meeting(ctx.session, body.id)
    prefer = (
        number_scope(body, meeting)
        if meeting is not None and year is None and date_text is None
        else None
    )
    if prefer is None and year is None and date_text is None:
        prefer = str(ctx.turn.today.year)
    item = await find_paragraph(
        ctx.session,
        body,
        number,
        year=year,
        meeting_date=dt.date.fromisoformat(date_text) if date_text else None,
        prefer_scope=prefer,
    )
    if item is None:
        where = f" {year}" if year else (f" {date_text}" if date_text else "")
        raise UserError(
            f"§ {number}{where} finns inte i {body.name}s protokoll.",
            f"§ {number}{where} is not in the record of {body.name}.",
        )
    return item, rest


@command(
    "ändra beslut",
    en=("amend decision",),
    arg="ref",
    group=CommandGroup.PARAGRAPHS,
    usage="ändra beslut § 116: att … [; skäl: …]",
    help_en="Amend a decision; the old text stays in the audit trail",
)
async def cmd_amend(ctx: CommandContext, arg: str) -> None:
    """Ändra ett beslut; den gamla lydelsen finns kvar i historiken"""
    body = await current_body(ctx)
    await speaker_person(ctx)
    item, rest = await lookup_paragraph(ctx, body, arg)
    meeting = await ctx.session.get(Meeting, item.meeting_id)
    await require_manager(ctx, body, meeting)
    rest, why = split_reason(rest)
    if not rest.strip():
        raise UserError(
            "Skriv `ändra beslut § 116: Ny lydelse` (med eller utan att-satser).",
            "Write `amend decision § 116: New wording` (with or without “att” clauses).",
        )
    wording = parse_decision(rest)
    current = list(await decisions_of(ctx.session, item.id))
    if not current:
        raise UserError(
            f"{paragraph_label(item)} har inget beslut att ändra. "
            f"Lägg till ett med `beslut {paragraph_label(item)}: …`.",
            f"{paragraph_label(item)} has no decision to amend. "
            f"Add one with `decision {paragraph_label(item)}: …`.",
        )
    target = _which_decision(ctx, item, current, "ändras", "amended")
    new = await _amend(ctx, target, wording, why)
    card, fallback = decision_card(ctx, item, new)
    ctx.card(card, fallback)


@command(
    "ångra",
    en=("undo",),
    arg="optional_ref",
    group=CommandGroup.PARAGRAPHS,
    usage="ångra [§ 116] [; skäl: …]",
    help_en="Withdraw the latest decision (of the current § or the one named)",
)
async def cmd_undo(ctx: CommandContext, arg: str) -> None:
    """Dra tillbaka det senaste beslutet (i aktuell § eller den som anges)"""
    body = await current_body(ctx)
    await speaker_person(ctx)
    arg, why = split_reason(arg)
    arg = arg.strip().strip(";,")
    if arg:
        item, _ = await lookup_paragraph(ctx, body, arg)
        meeting = await ctx.session.get(Meeting, item.meeting_id)
    else:
        meeting = await current_meeting(ctx)
        item = await current_item(ctx, meeting)
    await require_manager(ctx, body, meeting)
    current = list(await decisions_of(ctx.session, item.id))
    if not current:
        raise UserError(
            f"{paragraph_label(item)} har inget beslut att ångra.",
            f"{paragraph_label(item)} has no decision to undo.",
        )
    target = _which_decision(ctx, item, current, "ångras", "withdrawn")
    await _withdraw(ctx, target, why)
    ctx.say(
        f"Beslutet i {paragraph_label(item)} är återtaget (”{decision_words(target.clauses, target.text)[:80]} …”). Det finns kvar i historiken.",
        f"The decision in {paragraph_label(item)} is withdrawn. It stays in the history.",
    )


def _which_decision(
    ctx: CommandContext, item: Item, current: list[Decision], verb_sv: str, verb_en: str
) -> Decision:
    """The decision a command means: the only one, or the one chosen on the card; with several
    and no choice yet, a card asks which (nothing changes until chosen)."""
    chosen = choices.made(ctx)["decision"]
    target = next((d for d in current if d.id == chosen), None)
    if target is not None or len(current) == 1:
        return target or current[0]
    listing = "; ".join(
        f"{i}) {decision_words(d.clauses, d.text)[:80]}" for i, d in enumerate(current, 1)
    )
    raise Choice(
        f"Vilket av besluten i {paragraph_label(item)} ska {verb_sv}? {listing}. Inget ändrades.",
        f"Which decision in {paragraph_label(item)} should be {verb_en}? {listing}. "
        "Nothing was changed.",
        [
            choices.option(
                ctx,
                f"{i}: {decision_words(d.clauses, d.text)[:60]}",
                f"{i}: {decision_words(d.clauses, d.text)[:60]}",
                decision=d.id,
            )
            for i, d in enumerate(current, 1)
        ],
    )


async def _decision_from_button(
    ctx: CommandContext, data: dict[str, Any]
) -> tuple[Body, Decision, Item]:
    body = await current_body(ctx)
    await speaker_person(ctx)
    decision = await ctx.session.get(Decision, int(data.get("decisionId") or 0))
    if decision is None:
        raise UserError("Beslutet finns inte.", "The decision does not exist.")
    item = await ctx.session.get(Item, decision.item_id)
    if item is None or item.body_id != body.id:
        raise UserError(
            "Beslutet hör inte till det här organet.", "The decision does not belong to this body."
        )
    meeting = await ctx.session.get(Meeting, item.meeting_id)
    await require_manager(ctx, body, meeting)
    if decision.status != "valid":
        raise UserError(
            "Beslutet är redan ändrat eller återtaget.",
            "The decision has already been amended or withdrawn.",
        )
    return body, decision, item


@action("decisionAmend")
async def act_amend(ctx: CommandContext, data: dict[str, Any]) -> InvokeResult:
    _, decision, item = await _decision_from_button(ctx, data)
    text, why = split_reason(str(data.get("clauses") or ""))
    new = await _amend(ctx, decision, parse_decision(text), why)
    card, _ = decision_card(ctx, item, new)
    return InvokeResult(card=card)


@action("decisionUndo")
async def act_undo(ctx: CommandContext, data: dict[str, Any]) -> InvokeResult:
    _, decision, item = await _decision_from_button(ctx, data)
    await _withdraw(ctx, decision)
    return InvokeResult(
        card=cards.card(
            [
                cards.heading(f"{paragraph_label(item)} {item.title}"),
                cards.text(
                    ctx.t(
                        "Beslutet är återtaget. Det finns kvar i historiken.",
                        "The decision is withdrawn. It stays in the history.",
                    )
                ),
            ]
        )
    )


async def _note(ctx: CommandContext, arg: str, kind: str, sv: str, en: str) -> None:
    _, meeting = await recorder(ctx)
    item = await current_item(ctx, meeting)
    text = arg.strip()
    if not text:
        raise UserError(f"Skriv `{sv}: …`.", f"Write `{en}: …`.")
    current = list(await decisions_of(ctx.session, item.id))
    if not current:
        raise UserError(
            f"{paragraph_label(item)} har inget beslut än; en {sv} hör till ett beslut.",
            f"{paragraph_label(item)} has no decision yet; a {en} belongs to a decision.",
        )
    note = DecisionNote(decision_id=current[-1].id, kind=kind, text=text)
    ctx.session.add(note)
    await ctx.session.flush()
    await ctx.audit(f"decision.{kind}", "decision", current[-1].id, after={"text": text})
    ctx.say(
        f"{sv.capitalize()} till beslutet i {paragraph_label(item)}: {text}",
        f"{en.capitalize()} on the decision in {paragraph_label(item)}: {text}",
    )


@command(
    "reservation",
    en=("dissent",),
    arg="colon",
    group=CommandGroup.PARAGRAPHS,
    usage="reservation: Namn reserverar sig mot beslutet",
    help_en="A reservation against the current decision",
)
async def cmd_reservation(ctx: CommandContext, arg: str) -> None:
    """Reservation mot beslutet i aktuell §"""
    await _note(ctx, arg, "reservation", "reservation", "dissent")


@command(
    "protokollsanteckning",
    en=("minute note",),
    arg="colon",
    group=CommandGroup.PARAGRAPHS,
    usage="protokollsanteckning: …",
    help_en="A note to the minutes on the current decision",
)
async def cmd_protocol_note(ctx: CommandContext, arg: str) -> None:
    """Protokollsanteckning till beslutet i aktuell §"""
    await _note(ctx, arg, "protokollsanteckning", "protokollsanteckning", "minute note")


# --- reading -------------------------------------------------------------------------------


async def can_see_confidential(ctx: CommandContext, body: Body) -> bool:
    """A sekretess § is shown to members of the body, in a personal chat only: in a shared
    conversation everyone reads along. Only a confirmed identity counts (a display name is no
    proof)."""
    from dialogs.addressing import is_private
    from dialogs.people import confirmed_speaker

    if not is_private(ctx):
        return False
    person = await confirmed_speaker(ctx)
    return person is not None and await is_member(ctx, body, person.id)


async def render_paragraph(ctx: CommandContext, body: Body, item: Item) -> str:
    meeting = await ctx.session.get(Meeting, item.meeting_id)
    assert meeting is not None
    head = f"**{body.name} {meeting.date.isoformat()} — {paragraph_label(item)} {item.title}**"
    if item.confidential and not await can_see_confidential(ctx, body):
        return f"{head.split(' — ')[0]} — {paragraph_label(item)} Sekretess**\n" + ctx.t(
            "Paragrafen omfattas av sekretess och visas bara för organets ledamöter.",
            "The paragraph is confidential and shown to the body's members only.",
        )
    lines = [head]
    if item.confidential:
        lines.append(
            ctx.t(
                "*Sekretess (OSL) – visas inte i den offentliga versionen.*",
                "*Confidential (OSL) – not in the public version.*",
            )
        )
    status = ctx.t(STATUS_SV.get(item.status, item.status), STATUS_EN.get(item.status, item.status))
    lines.append(
        ctx.t("Status: ", "Status: ")
        + status
        + (f" {item.remit_to}" if item.remit_to else "")
        + ctx.t(
            f" · mötet {'justerat' if meeting.status in ('justerat', 'published') else 'ej justerat'}",
            f" · minutes {'approved' if meeting.status in ('justerat', 'published') else 'not yet approved'}",
        )
    )
    if item.presenters:
        lines.append(ctx.t("Föredragande: ", "Presenters: ") + item.presenters)
    if item.diarienummer:
        lines.append(ctx.t("Diarienummer: ", "Reference: ") + item.diarienummer)
    if item.text:
        lines.append("")
        lines.append(item.text)
    if item.outcome:
        lines.append("")
        lines.append(item.outcome)
    decisions = list(await decisions_of(ctx.session, item.id))
    notes = await notes_of(ctx.session, [d.id for d in decisions])
    for d in decisions:
        lines.append("")
        if d.reported_by_body:
            lines.append(
                ctx.t(
                    f"Rapporterat beslut ({d.reported_by_body}):",
                    f"Reported decision ({d.reported_by_body}):",
                )
            )
        elif d.phrase:
            lines.append(f"**{d.phrase}**")
        if d.clauses:
            lines.extend(f"**att** {c}" for c in d.clauses)
        elif d.text:
            lines.append(d.text)
        for n in notes:
            if n.decision_id == d.id:
                label = (
                    ctx.t("Reservation", "Dissent")
                    if n.kind == "reservation"
                    else ctx.t("Protokollsanteckning", "Note")
                )
                lines.append(f"{label}: {n.text}")
    for person in await jav_of(ctx.session, item.id):
        lines.append(
            ctx.t(
                f"Jäv: {person.display_name} deltar inte i handläggningen.",
                f"Conflict of interest: {person.display_name} takes no part.",
            )
        )
    assignments = await assignments_of_item(ctx.session, item.id)
    if assignments:
        lines.append("")
        lines.append(ctx.t("**Uppdrag**", "**Assignments**"))
        for a in assignments:
            due = f" ({a.due_text})" if a.due_text else ""
            done = ctx.t(" – klart", " – done") if a.status == "done" else ""
            lines.append(
                f"- [{a.id}] {a.assignee_text or ''} {a.what}{due}{done}".replace("  ", " ")
            )
    attachments = await attachments_of(ctx.session, item.id)
    if attachments:
        lines.append("")
        lines.append(ctx.t("**Bilagor**", "**Attachments**"))
        lines.extend(f"- {a.name}" + (f" ({a.url})" if a.url else "") for a in attachments)
    return "\n".join(lines)


SHOW = re.compile(r"^(?:visa|show)\s+(§\s*\d.*|\d+(?:\s.*)?)$", re.IGNORECASE | re.DOTALL)


def _match_show(text: str) -> str | None:
    m = SHOW.match(text.strip())
    return m.group(1).rstrip("?. ") if m else None


@command(
    group=CommandGroup.PARAGRAPHS,
    matcher=_match_show,
    priority=PRIORITY_SHOW,
    usage="visa § 117 [2021 | 2024-05-17]",
    usage_en="show § 117 [2021 | 2024-05-17]",
    help_en="Show a paragraph: title, presenters, status, text, decisions, assignments, attachments",
)
async def cmd_show(ctx: CommandContext, arg: str) -> None:
    """Visa en paragraf: rubrik, föredragande, status, text, beslut, uppdrag och bilagor"""
    body = await body_for_reading(ctx)
    if re.match(r"^(?:show)\b", ctx.turn.text.strip(), re.IGNORECASE):
        ctx.lang = "en"
    item, _ = await lookup_paragraph(ctx, body, arg)
    ctx.say(await render_paragraph(ctx, body, item))


@command(
    "historik",
    en=("history",),
    arg="ref",
    group=CommandGroup.PARAGRAPHS,
    usage="historik § 116",
    help_en="Who changed what in a paragraph, and when",
)
async def cmd_history(ctx: CommandContext, arg: str) -> None:
    """Vem som ändrade vad i en paragraf, och när"""
    body = await body_for_reading(ctx)
    item, _ = await lookup_paragraph(ctx, body, arg)
    if item.confidential and not await can_see_confidential(ctx, body):
        raise UserError("Paragrafen omfattas av sekretess.", "The paragraph is confidential.")
    decision_ids = [d.id for d in await decisions_of(ctx.session, item.id, include_old=True)]
    events = sorted(
        [
            *await audit.trail(ctx.session, "item", [item.id]),
            *await audit.trail(ctx.session, "decision", decision_ids),
        ],
        key=lambda e: (e.at, e.id),
    )
    from dialogs.context import STOCKHOLM

    meeting = await ctx.session.get(Meeting, item.meeting_id)
    assert meeting is not None
    lines = [
        ctx.t(
            f"**Historik för {paragraph_label(item)} {item.title}** "
            f"(möte {meeting.id}, {meeting.date.isoformat()}; "
            f"`samverkansbot protokoll {meeting.id}`)",
            f"**History of {paragraph_label(item)} {item.title}** "
            f"(meeting {meeting.id}, {meeting.date.isoformat()}; "
            f"`samverkansbot minutes {meeting.id}`)",
        )
    ]
    for e in events:
        when = e.at.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M")
        who = e.actor_label or "?"
        detail = ""
        if e.action in ("decision.amend",) and e.before and e.after:
            detail = (
                ": "
                + decision_words(e.before.get("clauses", []), e.before.get("text"))
                + " → "
                + decision_words(e.after.get("clauses", []), e.after.get("text"))
            )
        elif e.action in ("decision.add", "decision.withdraw") and e.after:
            detail = ": " + decision_words(e.after.get("clauses", []), e.after.get("text"))
        elif e.after:
            detail = (
                ": "
                + ", ".join(f"{k}={v}" for k, v in e.after.items() if k not in ("clauses", "text"))[
                    :300
                ]
            )
        lines.append(f"- {when} {who} ({e.source}) {e.action}{detail}")
    ctx.say("\n".join(lines))


async def list_items(ctx: CommandContext, meeting: Meeting) -> list[Item]:
    return list(await items_of(ctx.session, meeting.id))

"""Writing the answer from passages: labelled, cited extracts in the question's language.

The question's filters (bodies, dates, §) come from dialogs.ask.parse_question; retrieval and
extracts from dialogs.ask_passages. The bot's own words (headings, labels, `fler`, the no-answer
text) follow the question's language; quoted record text stays as written.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from sqlalchemy import select

from dialogs import ask_passages as AP
from dialogs.ask import (
    _RX_WHO_ASKED,
    RX_ASKS_DECISION,
    Answer,
    Hit,
    Parsed,
    Visible,
    _decision_text,
    _meeting_kind,
    _nothing,
    _other_kind,
    _prepare,
    full_names,
    name_lines,
    topic_of,
    where_suffix,
)
from dialogs.context import CommandContext
from dialogs.dates import MONTHS
from dialogs.importer.dates import find_dates
from dialogs.importer.names import is_given_name
from storage import passages as P
from storage import search
from storage.models import Decision
from storage.search_text import fold

# What kind of text a question is after, from how it asks (general question words).
_RX_WHEN = re.compile(
    r"\b(?:nar|vilken\s+tid|vilket\s+datum|when|what\s+time|which\s+date|what\s+date)\b"
)
_RX_PEOPLE = re.compile(
    r"\b(?:narvarande|franvarande|deltog|present|absent|attend\w*|ordforande|sekreterare|"
    r"justera\w*|chair\w*|secretary|ersatt\w*|ersatter|replac\w*|substitut\w*)\b"
)


def _kind_bias(parsed: Parsed, folded: str) -> tuple[str, ...]:
    kinds: list[str] = []
    if parsed.intent in ("role", "attendance", "substitute") or _RX_PEOPLE.search(folded):
        kinds.append(P.NARVARO)
    if parsed.intent in ("assignments", "overdue"):
        kinds.append(P.UPPDRAG)
    if parsed.intent == "next_meeting" or _RX_WHEN.search(folded):
        kinds.append(P.MOTESFAKTA)
    if RX_ASKS_DECISION.search(folded):
        kinds.append(P.BESLUT)
    return tuple(kinds)


# What kind of answer a question wants, from its question words (Swedish and English): an
# amount or a date needs a number in the extract, a person a name, the next meeting the word.
_RX_AMOUNT = re.compile(
    r"\bhur\s+(?:mycket|manga|stor\w*|lang\w*)\b|\bhow\s+(?:much|many|large|big|long)\b"
    r"|\bkosta\w*|\bcost\w*|\bbudget\w*|\bbelopp\w*|\bsumm\w*|\bpris\w*|\bprice\w*|\bamount\w*"
)
_RX_WHEN_ONLY = re.compile(
    r"^\W*(?:nar|when)\b|\b(?:vilket\s+datum|vilken\s+dag|what\s+date|which\s+day)\b"
)
_RX_WHO_FIRST = re.compile(r"^\W*(?:vem|who|whom)\b")
# A capitalised word opening the text or a sentence: a given name there names a person.
_RX_SENTENCE_NAME = re.compile(r"(?:^|[.!?:]\s+)([A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖÉ][a-zåäöéü]+)?)\b")
_RX_NEXT_WORD = re.compile(r"\b(?:nasta|next|kommande|upcoming)\b")
_RX_NUMBER = re.compile(r"\d")
_RX_NAME = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-ZÅÄÖÉ][a-zåäöéü]+\b")
# Who was given a task need not be a person: "ge samverkansgrupp vuxna i uppdrag att …",
# "Kansliet har fått uppdraget …", "Uppdrag till kansliet: …" name the one who answers a
# "vem fick i uppdrag …" question.
_RX_TASKED = re.compile(
    r"(?i)\b(?:i\s+uppdrag|uppdraget|uppdrag\s+till|uppdra[rs]?\s+åt|uppdrog\s+åt|"
    r"assignment\s+(?:for|to)|tasked|ansvarig)\b"
)


_RX_REPLACE = re.compile(r"ersatt|ersatter|eftertrad|vikari|tjanstgor")


# Numbers that are no quantity: a clock, a year on its own, a reference (a diary number "RS
# 2018–06226", "§ 12", "punkt 5", "SON 108", "nr 3", "1(8)" page marks).
_RX_NOT_QUANTITY = re.compile(
    r"\b\d{1,2}[.:]\d{2}\b"
    r"|(?<![\d,.])(?:19|20)\d\d(?![\d,.]|\s*(?:kr|kronor|tkr|mkr|st|%|procent)\b)"
    r"|(?:§+|\b(?:punkt|punkterna|nr|dnr|ärende|paragraf)|\b[A-ZÅÄÖ]{2,})\s*\d[\d/:–-]*"
    r"|\b\d+\s*\(\d+\)"
)
# Swedish numerals written as words ("åtta Guldbaggar", "två miljoner"), "en"/"ett" left out
# (the article).
_RX_NUMBER_WORD = re.compile(
    r"(?i)\b(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton|femton|sexton|"
    r"sjutton|arton|nitton|tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio|hundra|tusen|"
    r"miljon|miljoner|miljard|miljarder|dussin|hälften)\b"
)


# A question about a price or a cost (folded): what it costs, a fee, a payment, a remuneration.
# Not "budget", whose lines are often bare numbers ("kylning: -20000").
_RX_MONEY_ASKED = re.compile(
    r"\bkost\w*|\bcost\w*|\bpris\w*|\bprice\w*|avgift\w*|\bfees?\b|\bersattning\w*"
    r"|\bbetala\w*|\bpaid\b|\bpay\b|\bpays\b"
)
# An amount of money as Swedish minutes write it ("120 kr", "1 234 567:-", "2 mkr", "249,2
# miljoner kronor", "500 SEK", "€ 40", "100 kr/fastighet"), or that something costs nothing
# ("gratis", "kostnadsfritt", "ingen ersättning", "0 kr").
_RX_MONEY = re.compile(
    r"(?i)\d[\d\s.,]*\s*(?:kr\b|kronor|:-|tkr\b|mkr\b|mnkr\b|msek\b|sek\b|euro\b|eur\b|€|\$"
    r"|(?:tusen|miljon(?:er)?|miljard(?:er)?|milj\.?|mdr)\s*(?:kr\b|kronor|sek\b|euro\b))"
    r"|(?:sek|€|\$)\s*\d"
    r"|\b(?:gratis|kostnadsfri\w*|avgiftsfri\w*|utan\s+kostnad|free\s+of\s+charge"
    r"|ingen\s+(?:ekonomisk\s+)?ersättning|inget\s+arvode)\b"
)


def has_money(text: str) -> bool:
    """Whether a text states an amount of money, or that something is free: what a question
    about a cost or a fee must find in what the asker is shown (a count of meetings or a
    length of time answers no "vad kostar …")."""
    return bool(_RX_MONEY.search(text))


def has_quantity(text: str) -> bool:
    """Whether a text states an amount or a count ("915 miljoner kronor", "ca 65 medlemmar",
    "120 kr", "2 ggr per termin"): a number left when dates, clocks, years and references are
    taken away (a diary number answers no "hur mycket")."""
    bare = text
    for found in reversed(find_dates(text)):
        bare = bare[: found.start] + " " + bare[found.end :]
    bare = _RX_NOT_QUANTITY.sub(" ", bare)
    return bool(_RX_NUMBER.search(bare) or _RX_NUMBER_WORD.search(bare))


def answer_type(parsed: Parsed, folded: str) -> str | None:
    if parsed.intent == "next_meeting":
        return "next"
    if parsed.intent == "substitute":
        return "replace"
    if _RX_WHO_FIRST.match(folded):
        # "Vem ska undersöka vad X kostar?": the question word says what is asked; the cost
        # is the task's subject.
        return "who"
    if _RX_AMOUNT.search(folded):
        return "money" if _RX_MONEY_ASKED.search(folded) else "amount"
    if _RX_WHEN_ONLY.search(folded):
        return "when"
    if _RX_WHO_ASKED.search(folded):
        return "who"
    return None


def fits(kind: str | None, text: str, question: str = "") -> bool:
    """Whether an extract can answer a question of this kind at all."""
    if kind == "replace":
        # Someone replacing the person asked about, said in one clause.
        names = [w for w in re.findall(r"\b[A-ZÅÄÖÉ][\w-]+", question)[1:] if len(w) > 2]
        for clause in re.split(r"[;.\n]", text):
            low = fold(clause.lower())
            if _RX_REPLACE.search(low) and any(fold(n.lower()) in low for n in names[-2:]):
                return True
        return False
    if kind == "amount":
        return has_quantity(text)
    if kind == "money":
        return has_money(text)
    if kind == "when":
        return bool(_RX_NUMBER.search(text))
    if kind == "who":
        return bool(
            _RX_NAME.search(text)
            or _RX_TASKED.search(text)
            # A sentence that opens with a given name ("Fredrik jobbar med att sätta upp en
            # ny server"), as notes name their members.
            or any(is_given_name(m.group(1)) for m in _RX_SENTENCE_NAME.finditer(text))
        )
    if kind == "next":
        return bool(_RX_NEXT_WORD.search(fold(text.lower())))
    return True


def _months_named(parsed: Parsed, question: str) -> set[int]:
    """The months a question names without a year ("i februari"), else nothing."""
    if re.search(r"(?:19|20)\d{2}", question) or not (parsed.date_from and parsed.date_to):
        return set()
    words = {w for f in parsed.filter_words for w in fold(f.lower()).split()}
    named = {MONTHS[w] for w in words if w in MONTHS and len(w) >= 3}
    if not named:
        return set()
    first, last = parsed.date_from.month, parsed.date_to.month
    return set(range(first, last + 1)) if first <= last else named


def _scope(ctx: CommandContext, parsed: Parsed, visible: Visible, *, dates: bool) -> P.PassageScope:
    body_ids = tuple(parsed.body_ids) if parsed.body_ids else tuple(sorted(visible.bodies))
    return P.PassageScope(
        tenant_id=ctx.turn.tenant_id,
        body_ids=body_ids,
        confidential_body_ids=tuple(sorted(visible.confidential)),
        date_from=parsed.date_from if dates else None,
        date_to=parsed.date_to if dates else None,
        item_labels=(
            (f"§ {parsed.item_number}", f"punkt {parsed.item_number}")
            if parsed.item_number is not None
            else ()
        ),
    )


def _standing(ctx: CommandContext, row: Any) -> str:
    found = AP.STANDING.get(row.standing or "")
    if row.kind == P.BESLUT:
        return ctx.t(*found) if found else ""
    if row.kind in (P.INFORMATION, P.DISKUSSION) and found:
        return ctx.t(*found)
    return ""


async def _decisions_of(ctx: CommandContext, ids: list[int]) -> dict[int, Decision]:
    if not ids:
        return {}
    rows = await ctx.session.scalars(select(Decision).where(Decision.id.in_(ids)))
    return {d.id: d for d in rows}


def _shown_text(f: AP.Found, decisions: dict[int, Decision]) -> str:
    row = f.row
    decision = decisions.get(row.decision_id) if row.decision_id else None
    # A decision reads as the record states it (the formal phrase and its att-clauses).
    return _decision_text(decision) if decision is not None else str(row.text)


def _as_seen(f: AP.Found, text: str) -> str:
    """What the asker sees of a hit: its title, then its text (or extract)."""
    return f"{f.row.title or ''}. {text}"


def _hit(ctx: CommandContext, f: AP.Found, extract: str, visible: Visible) -> Hit:
    row = f.row
    body = visible.bodies[row.body_id]
    hint = ""
    if row.label and row.label.startswith("§") and row.item_id:
        ref = (
            f"{row.meeting_date.year}"
            if body.numbering == "per_year"
            else row.meeting_date.isoformat()
        )
        hint = f"`{ctx.t('visa', 'show')} {row.label} {ref}`"
    return Hit(
        body=body.name,
        date=row.meeting_date.isoformat(),
        paragraph=row.label,
        title=row.title or "",
        text=extract,
        meeting_id=row.meeting_id,
        kind=AP.JSON_KIND.get(row.kind, "item"),
        standing=_standing(ctx, row),
        open_hint=hint,
        label=AP.label_of(ctx, row),
        date_stated=getattr(row, "date_stated", None) is not False,
    )


def _hit_text(ctx: CommandContext, n: int, hit: Hit) -> str:
    where = f" · {hit.paragraph}" if hit.paragraph else ""
    title = f" {hit.title}" if hit.title else ""
    lines = [
        f"**{n}. {hit.body} · {hit.shown_date(ctx)}{where}**{title}",
        f"_{hit.label}:_ {hit.text}",
    ]
    lines += name_lines(ctx, hit)
    tail = hit.standing
    if hit.open_hint:
        tail += (" · " if tail else "") + ctx.t("öppna: ", "open: ") + hit.open_hint
    if tail:
        lines.append(f"_{tail}_")
    return "\n".join(lines)


# Answer kinds whose answer must be in the extract shown, not only somewhere in its passage (a
# "when" question is answered by the hit's date too). Measured on the dev split of
# bench/ask_corpus: it empties near-miss "how much"/"who" questions the record cannot answer.
EXTRACT_MUST_FIT = ("amount", "money", "who")


async def _no_answer(
    ctx: CommandContext,
    question: str,
    topic: str,
    parsed: Parsed,
    visible: Visible,
    result: AP.Retrieval,
    structured: Answer | None,
) -> Answer:
    """No hits, in the question's language, with the record's words near the missing ones."""
    if structured is not None:
        return structured
    missing = [w for w, df in result.dfs.items() if df == 0]
    scope = search.Scope(
        tenant_id=ctx.turn.tenant_id,
        body_ids=tuple(sorted(visible.bodies)),
        confidential_body_ids=tuple(sorted(visible.confidential)),
        # Asked over every body, a word the index counts in a public row is one the asker can
        # find (search.suggest needs no search for it: ~0.9 s a word on PostgreSQL at 200k).
        all_bodies=visible.whole_tenant,
    )
    near = await search.suggest(ctx.session, scope, missing) if missing else []
    nothing = _nothing(ctx, question, topic, near, parsed)
    nothing.confidence = result.features()
    nothing.plan = _plan(result)
    return nothing


def _plan(result: AP.Retrieval) -> str:
    return "passages+vectors" if result.used_vectors else "passages"


def _answers(result: AP.Retrieval, wanted: str | None, question: str, lang: str) -> bool:
    """Whether the retrieval answers: past the cut-off, and one of the best three passages can
    answer this kind of question."""
    return AP.answers_at_all(result, lang) and any(
        fits(wanted, _as_seen(f, f.row.text), question) for f in result.found[:3]
    )


async def answer_from_passages(
    ctx: CommandContext,
    question: str,
    parsed: Parsed,
    visible: Visible,
    offset: int,
    page: int,
    structured: Answer | None = None,
) -> Answer:
    topic = topic_of(parsed) or question.strip()[:80]
    if not visible.bodies:
        return structured or _nothing(ctx, question, topic, [], parsed)
    folded = _prepare(question)[1]
    bias = _kind_bias(parsed, folded)
    lexical_text = parsed.rest_original or question
    wanted = answer_type(parsed, folded)

    async def retrieve(asked: Parsed, words: str, *, dates: bool) -> AP.Retrieval:
        return await AP.retrieve(
            ctx,
            _scope(ctx, asked, visible, dates=dates),
            question,
            words,
            kind_bias=bias,
            asks_who=wanted == "who",
        )

    result = await retrieve(parsed, lexical_text, dates=True)
    topic_dates = parsed.topic_dates
    if not topic_dates and parsed.bare_year is not None and not result.found:
        # "Who can sign on behalf of the club in 2020?": the record holds no passage of that
        # year at all, so the year can only name what is asked about (chosen in 2019 for 2020).
        topic_dates = [str(parsed.bare_year)]
    if topic_dates:
        # "bokslutsdispositioner 2018": the year may name the subject (the 2018 accounts were
        # decided on in 2019) rather than the meeting. Asked again over every date with the
        # year as a word; that answer is taken when its first passage names the year and the
        # meetings of 2018 hold no answer that does ("Bokslutsdispositioner 2018" beside the
        # 2018 meeting's "Bokslutsdispositioner 2017").
        years = re.findall(r"(?:19|20)\d\d", " ".join(topic_dates))

        def names_year(r: AP.Retrieval) -> bool:
            return bool(r.found) and any(
                y in _as_seen(r.found[0], r.found[0].row.text) for y in years
            )

        if not (_answers(result, wanted, question, ctx.lang) and names_year(result)):
            words = f"{lexical_text} {' '.join(topic_dates)}"
            undated = replace(
                parsed, date_from=None, date_to=None, exact_date=None, rest_original=words
            )
            again = await retrieve(undated, words, dates=False)
            # Past the cut-off, or on the question's names and numbers (anchored: an English
            # question shares little else with a Swedish passage, but "April 2025" it does).
            if AP.answers_at_all(again, ctx.lang) and names_year(again):
                result, parsed, lexical_text = again, undated, words
                topic = topic_of(parsed) or topic
    months = _months_named(parsed, question)
    if months and not AP.confident(result, ctx.lang):
        # "i februari" without a year: the archive's Februaries, newest first.
        result = await retrieve(parsed, lexical_text, dates=False)
        result.found = [f for f in result.found if f.row.meeting_date.month in months]
        dated = True
    else:
        dated = parsed.date_from is not None or parsed.date_to is not None
    if wanted == "when" and dated and not AP.confident(result, ctx.lang):
        # "när …" about meetings the question's dates name: those meetings' facts.
        # Not another kind of meeting than asked for (a board meeting for "årsmötet").
        asked_kind = _meeting_kind(folded)
        result.found = [
            f
            for f in result.found
            if f.row.kind != P.MOTESFAKTA or not _other_kind(asked_kind, f.row)
        ]
        facts = [f for f in result.found if f.row.kind == P.MOTESFAKTA]
        if facts:
            result.found = facts + [f for f in result.found if f.row.kind != P.MOTESFAKTA]
            result.best_lexical = max(result.best_lexical, AP.cutoff(ctx.lang)["lexical"])
    # None of the best passages can answer this kind of question: no answer.
    if not _answers(result, wanted, question, ctx.lang):
        return await _no_answer(ctx, question, topic, parsed, visible, result, structured)
    found = AP.dedupe(AP.trim(result))
    if bias and bias[-1] == P.BESLUT:
        # "vad beslutades om …": the decisions first, then what the text says.
        found.sort(key=lambda f: f.row.kind != P.BESLUT)
    decisions = await _decisions_of(ctx, [f.row.decision_id for f in found if f.row.decision_id])
    shown = [f for f in found[offset : offset + page] if f.row.body_id in visible.bodies]
    texts = await AP.extracts(
        [_shown_text(f, decisions) for f in shown],
        question,
        result.qvec,
        lambda text: fits(wanted, text, question),
    )
    seen = [_as_seen(f, t) for f, t in zip(shown, texts, strict=True)]
    if offset == 0 and wanted in EXTRACT_MUST_FIT and not any(fits(wanted, t) for t in seen[:3]):
        # The passages are about the question's subject, but what they would show holds no
        # amount (no person) for a "how much" ("who") question: the record does not say.
        return await _no_answer(ctx, question, topic, parsed, visible, result, structured)
    if offset == 0 and texts:
        result.extract_share = AP.extract_share(seen[0], question)
        # The first hit as the asker sees it: its body and date, title and extract.
        body = visible.bodies[shown[0].row.body_id]
        header = f"{body.name} {body.short_name or ''} {AP.date_words(shown[0].row.meeting_date)}"
        result.anchors_missing = AP.anchors_missing(question, f"{header} {seen[0]}")
        if AP.wants_extract_dense(ctx.lang):
            result.extract_dense = await AP.seen_similarity(seen[:3], result.qvec)
        if not AP.extract_holds(result, ctx.lang):
            # What the asker would see first holds too few of the question's words (or of its
            # names and numbers, or is too far from it in meaning, where those gates are on).
            return await _no_answer(ctx, question, topic, parsed, visible, result, structured)
    hits = [_hit(ctx, f, text, visible) for f, text in zip(shown, texts, strict=True)]
    if wanted == "who" and hits:
        await full_names(ctx, hits)
    if not hits:
        more = ctx.t("Inga fler träffar.", "No more matches.")
        return Answer(more, [], len(found), offset, False, _plan(result))
    total = len(found)
    span = f" ({offset + 1}–{offset + len(hits)} av {total})" if total > 1 else ""
    span_en = f" ({offset + 1}–{offset + len(hits)} of {total})" if total > 1 else ""
    if all(f.row.kind == P.BESLUT for f in shown):
        head = ctx.t(
            f"**Beslut om ”{topic}”{where_suffix(ctx, parsed)}**{span}",
            f"**Decisions about “{topic}”{where_suffix(ctx, parsed)}**{span_en}",
        )
    else:  # discussion and other text are never called decisions
        head = ctx.t(
            f"**Ur registret om ”{topic}”{where_suffix(ctx, parsed)}**{span}",
            f"**From the record about “{topic}”{where_suffix(ctx, parsed)}**{span_en}",
        )
    lines = [head, ""]
    for n, hit in enumerate(hits, start=offset + 1):
        lines += [_hit_text(ctx, n, hit), ""]
    if offset + len(hits) < total:
        lines.append(ctx.t("Skriv `fler` för fler träffar.", "Write `more` for more."))
    answer = Answer("\n".join(lines).rstrip(), hits, total, offset, True, _plan(result))
    answer.confidence = result.features()
    return answer


__all__ = ["answer_from_passages"]

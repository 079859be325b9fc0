"""Minutes from the record: `protokoll`, justering in Teams or outside it, publishing to the
body's channel, `utdrag § 117`, and the expiring download links behind them.

Flow: the meeting is closed → `protokoll` shows the summary card (Granska, Skicka till
justering, Ladda ner) → `skicka till justering` posts one card in the body's conversation whose
Godkänn / Begär ändring buttons only the chair and the justerare see (the card's
refresh.userIds) → when all of them have approved the minutes are justerade and the bot posts
them to the body's channel as a new thread. Minnesanteckningar have no justering and are
published at once. After justering a change is a recorded correction (paragraphs._amend).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass
from typing import Any

from dialogs import cards
from dialogs.actions import action
from dialogs.addressing import is_private
from dialogs.bodies import body_for_reading, current_body, is_member
from dialogs.context import CommandContext
from dialogs.dates import find_date, refuse_impossible_date
from dialogs.errors import UserError
from dialogs.minutes import MinutesDocument, render_extract, render_markdown, summary_card
from dialogs.paragraphs import lookup_paragraph
from dialogs.people import require_manager, speaker_person, speaker_person_if_known
from dialogs.registry import command
from dialogs.reply import InvokeResult, Reply
from dialogs.text import fold, squash
from storage import audit
from storage import minutes as store
from storage.models import Body, Meeting, Person

logger = logging.getLogger(__name__)

GROUP = "Protokoll"
VERB_SEND = "minutesSendForJustering"
VERB_REFRESH = "refreshJustering"
VERB_APPROVE = "justeringApprove"
VERB_CHANGE = "justeringChange"
# Teams refreshes a card automatically for at most 60 users.
MAX_REFRESH_USERS = 60
# A chat message stays well under Teams' 100 KB; the full extract is in the DOCX.
MAX_CHAT_CHARS = 20_000

# --------------------------------------------------------------------------------------------
# Links to the bot's own download endpoint


def download_url(ctx: CommandContext, token: str) -> str:
    """A link to the bot's own download endpoint, on the public URL the turn was given."""
    return f"{ctx.env.public_url}/dl/{token}"


@dataclass(frozen=True)
class Links:
    html: str
    docx: str
    public: bool


async def document_links(ctx: CommandContext, meeting: Meeting, *, public: bool) -> Links:
    return Links(
        await review_link(ctx, meeting, public=public, fmt="html"),
        await review_link(ctx, meeting, public=public, fmt="docx"),
        public,
    )


async def review_link(ctx: CommandContext, meeting: Meeting, *, public: bool, fmt: str) -> str:
    token = await store.create_download_token(
        ctx.session,
        tenant_id=meeting.tenant_id,
        meeting_id=meeting.id,
        public=public,
        fmt=fmt,
        now=ctx.turn.now,
        ttl=store.TOKEN_TTL if public else store.FULL_TOKEN_TTL,
    )
    return download_url(ctx, token)


def link_validity(ctx: CommandContext, *, public: bool) -> str:
    """How long the links just handed out work, as a sentence."""
    if public:
        return ctx.t(
            f"Länkarna gäller i {store.TOKEN_TTL.days} dagar.",
            f"The links work for {store.TOKEN_TTL.days} days.",
        )
    return ctx.t(
        "Länkarna till den fullständiga versionen gäller en timme och öppnas en gång var.",
        "The links to the full version work for one hour and open once each.",
    )


# --------------------------------------------------------------------------------------------
# Shared helpers


def _form_word(ctx: CommandContext, meeting: Meeting, *, capital: bool = False) -> str:
    if meeting.form == "minnesanteckningar":
        word = ctx.t("minnesanteckningarna", "the notes")
    else:
        word = ctx.t("protokollet", "the minutes")
    return word[0].upper() + word[1:] if capital else word


def _lang_of(ctx: CommandContext, data: dict[str, Any]) -> None:
    """Buttons carry the language of the command that made the card."""
    if data.get("lang") in ("sv", "en"):
        ctx.lang = str(data["lang"])


async def _audit(
    ctx: CommandContext,
    action_name: str,
    meeting: Meeting,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    actor = ctx.cache.get("speaker_person") or await speaker_person_if_known(ctx)
    await audit.record(
        ctx.session,
        tenant_id=ctx.turn.tenant_id,
        action=action_name,
        entity="meeting",
        entity_id=meeting.id,
        source=ctx.audit_source,
        actor_person_id=actor.id if actor else None,
        actor_label=ctx.turn.speaker.name if ctx.turn.speaker else None,
        before=before,
        after=after,
        activity_id=ctx.turn.activity_id,
    )


async def can_see_full(ctx: CommandContext, body: Body, meeting: Meeting) -> bool:
    """Members of the body (and the meeting's chair and secretary) get the full version, in a
    personal chat only; everyone else, and everyone in a shared conversation, the public one,
    without the sekretess §. Only a confirmed identity counts (a display-name match or an
    anonymous participant sees the public version)."""
    from dialogs.people import confirmed_speaker

    if not is_private(ctx):
        return False
    person = await confirmed_speaker(ctx)
    if person is None:
        return False
    if person.id in (meeting.chair_person_id, meeting.secretary_person_id):
        return True
    return await is_member(ctx, body, person.id)


async def _document(ctx: CommandContext, meeting: Meeting) -> MinutesDocument:
    doc = await store.build_document(ctx.session, meeting.id, tenant_id=ctx.turn.tenant_id)
    if doc is None:  # the meeting was found in this tenant a moment ago
        raise RuntimeError(f"meeting {meeting.id} vanished while writing its minutes")
    return doc


def fingerprint(doc: MinutesDocument) -> str:
    """What the approvers approve: the full text. A change after sending needs a new round."""
    return hashlib.sha256(render_markdown(doc, public=False).encode("utf-8")).hexdigest()


async def _meeting_of(
    ctx: CommandContext, arg: str = "", *, reading: bool = False
) -> tuple[Body, Meeting]:
    """The meeting a command means; `reading` (`protokoll`) also works in a personal chat bound
    to no body, for the speaker's one body."""
    body = await body_for_reading(ctx) if reading else await current_body(ctx)
    date = None
    if arg.strip():
        refuse_impossible_date(arg, "`protokoll 2021-06-04`", "`minutes 2021-06-04`")
        found = find_date(arg, ctx.turn.today)
        if found is None:
            raise UserError(
                "Skriv `protokoll` för det senaste mötet eller `protokoll 2021-06-04` för ett visst datum.",
                "Write `minutes` for the latest meeting or `minutes 2021-06-04` for a given date.",
            )
        date = found[0]
    meeting = await store.meeting_for_minutes(ctx.session, body.id, ctx.turn.binding_id, date)
    if meeting is None:
        if date is not None:
            raise UserError(
                f"{body.name} har inget möte den {date.isoformat()}. Inget ändrades.",
                f"{body.name} has no meeting on {date.isoformat()}. Nothing was changed.",
            )
        raise UserError(
            f"{body.name} har inget möte än att skriva protokoll för. Öppna ett med `öppna mötet`.",
            f"{body.name} has no meeting yet to write minutes for. Open one with `open meeting`.",
        )
    ctx.cache["meeting"] = meeting
    return body, meeting


async def _meeting_from_data(
    ctx: CommandContext, data: dict[str, Any], *, lock: bool = False
) -> tuple[Body, Meeting]:
    """The meeting a card button names, in this body. With lock, the meeting row is locked
    for the turn (PostgreSQL; SQLite runs one writer at a time anyway) so that two approvers
    pressing Godkänn at once cannot both miss the other's approval."""
    body = await current_body(ctx)
    try:
        meeting_id = int(data.get("meetingId") or 0)
    except (TypeError, ValueError):
        meeting_id = 0
    meeting = (
        await ctx.session.get(
            Meeting, meeting_id, with_for_update=lock or None, populate_existing=lock
        )
        if meeting_id > 0
        else None
    )
    if meeting is None or meeting.body_id != body.id or meeting.tenant_id != ctx.turn.tenant_id:
        raise UserError(
            "Kortet hör inte till något möte i det här organet. Skriv `protokoll` i stället.",
            "This card belongs to no meeting of this body. Write `minutes` instead.",
        )
    ctx.cache["meeting"] = meeting
    return body, meeting


# --------------------------------------------------------------------------------------------
# `protokoll`


def _summary_actions(
    ctx: CommandContext, meeting: Meeting, links: Links, *, offer_justering: bool
) -> list[dict[str, Any]]:
    actions: list[dict[str, Any]] = [
        {"type": "Action.OpenUrl", "title": ctx.t("Granska", "Review"), "url": links.html}
    ]
    if offer_justering:
        actions.append(
            cards.execute(
                ctx.t("Skicka till justering", "Send for approval"),
                VERB_SEND,
                {"meetingId": meeting.id, "lang": ctx.lang},
            )
        )
    actions.append(
        {"type": "Action.OpenUrl", "title": ctx.t("Ladda ner", "Download"), "url": links.docx}
    )
    return actions


def _status_words(ctx: CommandContext, meeting: Meeting) -> str:
    if meeting.form == "minnesanteckningar":
        return ctx.t("minnesanteckningar, ingen justering", "notes, no approval")
    if meeting.status in store.JUSTERAT_STATUSES and meeting.justerat_on:
        return ctx.t(
            f"justerat den {meeting.justerat_on.isoformat()}",
            f"approved on {meeting.justerat_on.isoformat()}",
        )
    if meeting.status == "open":
        return ctx.t("mötet pågår, utkast", "meeting in progress, draft")
    return ctx.t("ej justerat", "not yet approved")


@command(
    "protokoll",
    en=("minutes",),
    arg="optional_ref",
    group=GROUP,
    usage="protokoll [2021-06-04]",
    help_en="Write the minutes of the latest meeting (or the date given): summary, review, download",
)
async def cmd_minutes(ctx: CommandContext, arg: str) -> None:
    """Skriv protokollet för senaste mötet (eller datumet): sammanfattning, granska, ladda ner"""
    body, meeting = await _meeting_of(ctx, arg, reading=True)
    full = await can_see_full(ctx, body, meeting)
    doc = await _document(ctx, meeting)
    links = await document_links(ctx, meeting, public=not full)
    offer = (
        meeting.form != "minnesanteckningar"
        and meeting.status == "closed"
        and ctx.turn.conversation_type != "personal"  # the card goes where the approvers are
        and await _may_manage(ctx, body, meeting)
    )
    card = summary_card(
        doc,
        public=not full,
        actions=_summary_actions(ctx, meeting, links, offer_justering=offer),
        lang=ctx.lang,
    )
    # The id a user needs for `samverkansbot minutes ID` (and to tell meetings of a day apart).
    card.setdefault("body", []).append(
        cards.text(
            ctx.t(
                f"Möte {meeting.id} · `samverkansbot protokoll {meeting.id}`",
                f"Meeting {meeting.id} · `samverkansbot minutes {meeting.id}`",
            ),
            isSubtle=True,
            size="Small",
        )
    )
    fallback = ctx.t(
        f"{_form_word(ctx, meeting, capital=True)} för {body.name} {meeting.date.isoformat()}: {links.html}",
        f"{_form_word(ctx, meeting, capital=True)} of {body.name} {meeting.date.isoformat()}: {links.html}",
    )
    ctx.card(card, fallback)
    public_note = (
        ctx.t(
            " Det är den offentliga versionen, utan paragrafer med sekretess.",
            " This is the public version, without confidential paragraphs.",
        )
        if not full
        else ""
    )
    ctx.say(
        f"{_form_word(ctx, meeting, capital=True)} för **{body.name}** {meeting.date.isoformat()} "
        f"(möte {meeting.id}, {_status_words(ctx, meeting)}): [Granska]({links.html}) · [Ladda ner (Word)]({links.docx}). "
        f"{link_validity(ctx, public=not full)}{public_note}",
        f"{_form_word(ctx, meeting, capital=True)} of **{body.name}** {meeting.date.isoformat()} "
        f"(meeting {meeting.id}, {_status_words(ctx, meeting)}): [Review]({links.html}) · [Download (Word)]({links.docx}). "
        f"{link_validity(ctx, public=not full)}{public_note}",
    )
    logger.info(
        "minutes written for meeting %s (%s, public=%s)", meeting.id, meeting.status, not full
    )
    if (
        meeting.form == "minnesanteckningar"
        and meeting.status == "closed"
        and await _may_manage(ctx, body, meeting)
    ):
        # Notes have no justering: written after the meeting, they are published at once.
        await publish(ctx, body, meeting)


async def _may_manage(ctx: CommandContext, body: Body, meeting: Meeting) -> bool:
    try:
        await require_manager(ctx, body, meeting)
    except UserError:
        return False
    return True


# --------------------------------------------------------------------------------------------
# Justering in Teams


@dataclass
class _Approver:
    person: Person
    role: str  # "ordforande" | "justerare"
    verdict: str | None
    comment: str | None


async def _approvers(ctx: CommandContext, meeting: Meeting) -> list[_Approver]:
    ids = await store.approver_ids(ctx.session, meeting)
    people = await store.people_by_id(ctx.session, ids)
    verdicts = await store.verdicts(ctx.session, meeting.id)
    out = []
    for pid in ids:
        person = people.get(pid)
        if person is None:
            continue
        v = verdicts.get(pid)
        out.append(
            _Approver(
                person,
                "ordforande" if pid == meeting.chair_person_id else "justerare",
                v.verdict if v else None,
                v.comment if v else None,
            )
        )
    return out


def _role_word(ctx: CommandContext, role: str) -> str:
    return ctx.t("ordförande", "chair") if role == "ordforande" else ctx.t("justerare", "adjuster")


def _verdict_words(ctx: CommandContext, a: _Approver) -> str:
    if a.verdict == "approved":
        return ctx.t("Godkänt", "Approved")
    if a.verdict == "changes_requested":
        comment = f": {a.comment}" if a.comment else ""
        return ctx.t("Begär ändring", "Changes requested") + comment
    return ctx.t("Väntar", "Waiting")


def _round_data(ctx: CommandContext, meeting: Meeting, round_no: int) -> dict[str, Any]:
    return {"meetingId": meeting.id, "round": round_no, "lang": ctx.lang}


def _coalesce_key(meeting: Meeting, round_no: int) -> str:
    return f"justering:{meeting.id}:{round_no}"


async def justering_card(
    ctx: CommandContext,
    body: Body,
    meeting: Meeting,
    round_no: int,
    *,
    viewer: _Approver | None = None,
    notice: str | None = None,
) -> dict[str, Any]:
    """The justering card: the status everyone sees; for an approver who has not approved yet
    (viewer) also Granska, a comment field and Godkänn / Begär ändring."""
    approvers = await _approvers(ctx, meeting)
    done = meeting.status in store.JUSTERAT_STATUSES
    elements: list[dict[str, Any]] = []
    if notice:
        elements.append(cards.text(notice, color="Attention", weight="Bolder"))
    elements += [
        cards.heading(
            ctx.t(
                f"Justering: {body.name} {meeting.date.isoformat()}",
                f"Approval: {body.name} {meeting.date.isoformat()}",
            )
        ),
    ]
    if done and meeting.justerat_on:
        how = meeting.justering_how or "Teams"
        how_text = ctx.t("i Teams", "in Teams") if how.lower() == "teams" else how
        elements.append(
            cards.text(
                ctx.t(
                    f"Protokollet är justerat den {meeting.justerat_on.isoformat()} {how_text}.",
                    f"The minutes were approved on {meeting.justerat_on.isoformat()} {how_text}.",
                ),
                weight="Bolder",
            )
        )
    else:
        elements.append(
            cards.text(
                ctx.t(
                    "Ordföranden och justerarna godkänner protokollet här. När alla har godkänt är det justerat och publiceras.",
                    "The chair and the adjusters approve the minutes here. When all have approved they are final and published.",
                )
            )
        )
    elements.append(
        cards.facts(
            [
                (f"{a.person.display_name} ({_role_word(ctx, a.role)})", _verdict_words(ctx, a))
                for a in approvers
            ]
        )
    )
    data = _round_data(ctx, meeting, round_no)
    actions: list[dict[str, Any]] = []
    if not done and viewer is not None:
        # A refusal notice carries no link: a refused press stores nothing at all.
        review = (
            [
                {
                    "type": "Action.OpenUrl",
                    "title": ctx.t("Granska", "Review"),
                    # The full version only in a personal chat: a card in a shared chat
                    # links the public one.
                    "url": await review_link(ctx, meeting, public=not is_private(ctx), fmt="html"),
                }
            ]
            if notice is None
            else []
        )
        if viewer.verdict == "approved":
            elements.append(
                cards.text(
                    ctx.t("Du har godkänt protokollet.", "You have approved the minutes."),
                    color="Good",
                )
            )
            actions += review
        else:
            elements.append(
                {
                    "type": "Input.Text",
                    "id": "comment",
                    "isMultiline": True,
                    "maxLength": 2000,
                    "label": ctx.t("Vad behöver ändras?", "What needs to change?"),
                    "placeholder": ctx.t(
                        "Behövs bara för Begär ändring", "Only needed for Request changes"
                    ),
                }
            )
            actions += [
                *review,
                cards.execute(ctx.t("Godkänn", "Approve"), VERB_APPROVE, data),
                cards.execute(ctx.t("Begär ändring", "Request changes"), VERB_CHANGE, data),
            ]
    elif not done:
        # Someone who became an approver after the card was sent can still get the buttons.
        actions.append(cards.execute(ctx.t("Uppdatera", "Refresh"), VERB_REFRESH, data))
    extra: dict[str, Any] = {}
    if not done:
        ids = await store.teams_user_ids(
            ctx.session, ctx.turn.tenant_id, [a.person.id for a in approvers]
        )
        user_ids = [uid for a in approvers for uid in ids.get(a.person.id, [])]
        if user_ids:
            extra["refresh"] = {
                "action": {
                    "type": "Action.Execute",
                    "title": ctx.t("Uppdatera", "Refresh"),
                    "verb": VERB_REFRESH,
                    "data": data,
                },
                "userIds": user_ids[:MAX_REFRESH_USERS],
            }
    return cards.card(elements, actions, **extra)


async def send_for_justering(ctx: CommandContext, body: Body, meeting: Meeting) -> str:
    """Post the justering card in this conversation; returns the confirmation text."""
    await speaker_person(ctx)
    await require_manager(ctx, body, meeting)
    if meeting.form == "minnesanteckningar":
        raise UserError(
            "Minnesanteckningar justeras inte; de publiceras direkt med `publicera`.",
            "Notes are not approved; publish them with `publish`.",
        )
    if meeting.status in store.JUSTERAT_STATUSES:
        raise UserError(
            f"Protokollet är redan justerat ({meeting.justerat_on}). Ändringar blir rättelser.",
            f"The minutes are already approved ({meeting.justerat_on}). Changes become corrections.",
        )
    if meeting.status == "open":
        raise UserError(
            "Mötet pågår fortfarande. Avsluta det med `avsluta mötet` och skicka sedan protokollet till justering.",
            "The meeting is still open. Close it with `close meeting`, then send the minutes for approval.",
        )
    approvers = await _approvers(ctx, meeting)
    if not approvers:
        raise UserError(
            "Mötet har varken ordförande eller justerare, så ingen kan justera protokollet i Teams. "
            "Registrera justeringen med `justerat: 2024-06-14 via e-post` när den är gjord.",
            "The meeting has neither chair nor adjusters, so nobody can approve in Teams. "
            "Record the approval with `approved: 2024-06-14 via e-mail` once it is done.",
        )
    doc = await _document(ctx, meeting)
    previous, _ = await store.justering_round(ctx.session, meeting.id)
    round_no = previous + 1
    # A new round is a new text to approve: earlier verdicts no longer count.
    for a in approvers:
        if a.verdict is not None:
            _, before = await store.set_verdict(
                ctx.session, meeting.id, a.person.id, "superseded", None, ctx.turn.now
            )
            await _audit(ctx, "minutes.verdict_superseded", meeting, before, {"round": round_no})
    await _audit(
        ctx,
        store.JUSTERING_SENT,
        meeting,
        None,
        {
            "round": round_no,
            "sha256": fingerprint(doc),
            "approvers": [a.person.id for a in approvers],
        },
    )
    card = await justering_card(ctx, body, meeting, round_no)
    names = ", ".join(f"{a.person.display_name} ({_role_word(ctx, a.role)})" for a in approvers)
    ctx.card(
        card,
        ctx.t(
            f"Justering av protokollet {meeting.date.isoformat()}: {names}",
            f"Approval of the minutes {meeting.date.isoformat()}: {names}",
        ),
        coalesce_key=_coalesce_key(meeting, round_no),
    )
    ids = await store.teams_user_ids(
        ctx.session, ctx.turn.tenant_id, [a.person.id for a in approvers]
    )
    unreachable = [a.person.display_name for a in approvers if a.person.id not in ids]
    text = ctx.t(
        f"Protokollet {meeting.date.isoformat()} är skickat till justering. Godkänns av {names}.",
        f"The minutes of {meeting.date.isoformat()} are sent for approval by {names}.",
    )
    if previous:
        text += ctx.t(
            " Tidigare godkännanden gäller inte längre; alla godkänner den nya versionen.",
            " Earlier approvals no longer count; everyone approves the new version.",
        )
    if unreachable:
        who = ", ".join(unreachable)
        text += ctx.t(
            f" {who} har ännu inte skrivit till mig i Teams och ser därför inte knapparna direkt; "
            f"de kan trycka Uppdatera på kortet.",
            f" {who} have not written to me in Teams yet, so they do not see the buttons at once; "
            f"they can press Refresh on the card.",
        )
    logger.info("meeting %s sent for justering, round %s", meeting.id, round_no)
    return text


@command(
    "skicka till justering",
    "skicka för justering",
    en=("send for approval",),
    group=GROUP,
    help_en="Post the approval card: the chair and the adjusters approve the minutes in Teams",
)
async def cmd_send_for_justering(ctx: CommandContext, arg: str) -> None:
    """Skicka protokollet till justering: ordföranden och justerarna godkänner i Teams"""
    body, meeting = await _meeting_of(ctx)
    ctx.say(await send_for_justering(ctx, body, meeting))


@action(VERB_SEND)
async def act_send_for_justering(ctx: CommandContext, data: dict[str, Any]) -> InvokeResult:
    _lang_of(ctx, data)
    body, meeting = await _meeting_from_data(ctx, data)
    return InvokeResult(message=await send_for_justering(ctx, body, meeting))


async def _viewer(ctx: CommandContext, meeting: Meeting) -> _Approver | None:
    person = await speaker_person_if_known(ctx)
    if person is None:
        return None
    return next((a for a in await _approvers(ctx, meeting) if a.person.id == person.id), None)


async def _current_round(ctx: CommandContext, meeting: Meeting) -> tuple[int, str | None]:
    round_no, sent = await store.justering_round(ctx.session, meeting.id)
    digest = sent.get("sha256") if isinstance(sent, dict) else None
    return round_no, str(digest) if digest else None


def _data_round(data: dict[str, Any]) -> int:
    try:
        return int(data.get("round") or 0)
    except (TypeError, ValueError):
        return 0


@action(VERB_REFRESH)
async def act_refresh(ctx: CommandContext, data: dict[str, Any]) -> InvokeResult:
    """Teams asks on behalf of each user in refresh.userIds (and on Uppdatera): the approver's
    own card, or the status."""
    _lang_of(ctx, data)
    body, meeting = await _meeting_from_data(ctx, data)
    round_no, _ = await _current_round(ctx, meeting)
    if _data_round(data) != round_no:
        return InvokeResult(
            card=await justering_card(
                ctx, body, meeting, round_no, notice=_stale_notice(ctx, meeting)
            )
        )
    viewer = await _viewer(ctx, meeting)
    return InvokeResult(card=await justering_card(ctx, body, meeting, round_no, viewer=viewer))


def _stale_notice(ctx: CommandContext, meeting: Meeting) -> str:
    if meeting.status in store.JUSTERAT_STATUSES:
        return ctx.t("Protokollet är redan justerat.", "The minutes are already approved.")
    return ctx.t(
        "Det här kortet gäller en äldre version av protokollet. Använd det senaste justeringskortet.",
        "This card is for an older version of the minutes. Use the latest approval card.",
    )


async def _vote(
    ctx: CommandContext, data: dict[str, Any], verdict: str
) -> tuple[Body, Meeting, int, _Approver | None, str | None]:
    """Checks shared by Godkänn and Begär ändring; returns a notice when the vote is refused
    (nothing is stored then)."""
    _lang_of(ctx, data)
    body, meeting = await _meeting_from_data(ctx, data, lock=True)
    round_no, digest = await _current_round(ctx, meeting)
    viewer = await _viewer(ctx, meeting)
    if viewer is None:
        logger.info(
            "justering %s refused for %s: not the chair or a justerare",
            verdict,
            ctx.turn.speaker.subject if ctx.turn.speaker else "unknown",
        )
        return (
            body,
            meeting,
            round_no,
            None,
            ctx.t(
                "Bara mötets ordförande och justerarna kan godkänna eller begära ändring i protokollet. Ditt svar sparades inte.",
                "Only the meeting's chair and adjusters can approve or request changes. Your answer was not saved.",
            ),
        )
    if meeting.status in store.JUSTERAT_STATUSES or _data_round(data) != round_no:
        return body, meeting, round_no, viewer, _stale_notice(ctx, meeting)
    if digest is None or fingerprint(await _document(ctx, meeting)) != digest:
        return (
            body,
            meeting,
            round_no,
            viewer,
            ctx.t(
                "Protokollet har ändrats sedan det skickades till justering. Sekreteraren skickar det igen med `skicka till justering`. Ditt svar sparades inte.",
                "The minutes changed after they were sent for approval. The secretary sends them again with `send for approval`. Your answer was not saved.",
            ),
        )
    return body, meeting, round_no, viewer, None


def _update_posted_card(
    ctx: CommandContext, card: dict[str, Any], meeting: Meeting, n: int
) -> None:
    """Everyone else's copy of the justering card follows (an update of the posted card)."""
    ctx.card(card, ctx.t("Justering", "Approval"), coalesce_key=_coalesce_key(meeting, n))


@action(VERB_APPROVE)
async def act_approve(ctx: CommandContext, data: dict[str, Any]) -> InvokeResult:
    body, meeting, round_no, viewer, notice = await _vote(ctx, data, "approved")
    if notice is not None or viewer is None:
        return InvokeResult(
            card=await justering_card(ctx, body, meeting, round_no, viewer=viewer, notice=notice)
        )
    _, before = await store.set_verdict(
        ctx.session, meeting.id, viewer.person.id, "approved", None, ctx.turn.now
    )
    await _audit(
        ctx,
        "minutes.approve",
        meeting,
        before,
        {"person_id": viewer.person.id, "verdict": "approved", "round": round_no},
    )
    approvers = await _approvers(ctx, meeting)
    if all(a.verdict == "approved" for a in approvers):
        await justera(ctx, body, meeting, how="Teams")
    viewer = next((a for a in approvers if a.person.id == viewer.person.id), viewer)
    _update_posted_card(ctx, await justering_card(ctx, body, meeting, round_no), meeting, round_no)
    return InvokeResult(card=await justering_card(ctx, body, meeting, round_no, viewer=viewer))


@action(VERB_CHANGE)
async def act_request_change(ctx: CommandContext, data: dict[str, Any]) -> InvokeResult:
    body, meeting, round_no, viewer, notice = await _vote(ctx, data, "changes_requested")
    comment = squash(str(data.get("comment") or ""))[:2000]
    if notice is None and not comment:
        notice = ctx.t(
            "Skriv vad som behöver ändras i fältet och tryck Begär ändring igen.",
            "Write what needs to change in the field and press Request changes again.",
        )
    if notice is not None or viewer is None:
        return InvokeResult(
            card=await justering_card(ctx, body, meeting, round_no, viewer=viewer, notice=notice)
        )
    _, before = await store.set_verdict(
        ctx.session, meeting.id, viewer.person.id, "changes_requested", comment, ctx.turn.now
    )
    await _audit(
        ctx,
        "minutes.request_change",
        meeting,
        before,
        {"person_id": viewer.person.id, "verdict": "changes_requested", "comment": comment},
    )
    ctx.say(
        f"{viewer.person.display_name} begär ändring i protokollet {meeting.date.isoformat()}: {comment}",
        f"{viewer.person.display_name} requests changes to the minutes of {meeting.date.isoformat()}: {comment}",
    )
    viewer = next(
        (a for a in await _approvers(ctx, meeting) if a.person.id == viewer.person.id), viewer
    )
    _update_posted_card(ctx, await justering_card(ctx, body, meeting, round_no), meeting, round_no)
    return InvokeResult(card=await justering_card(ctx, body, meeting, round_no, viewer=viewer))


async def justera(
    ctx: CommandContext, body: Body, meeting: Meeting, *, how: str, on: dt.date | None = None
) -> None:
    """The minutes are justerade: locked (later changes are corrections) and published."""
    before = {
        "status": meeting.status,
        "justerat_on": meeting.justerat_on.isoformat() if meeting.justerat_on else None,
        "justering_how": meeting.justering_how,
    }
    meeting.justerat_on = on or ctx.turn.today
    meeting.status = "justerat"
    meeting.justering_how = how
    await _audit(
        ctx,
        "minutes.justerat",
        meeting,
        before,
        {
            "status": "justerat",
            "justerat_on": meeting.justerat_on.isoformat() if meeting.justerat_on else None,
            "justering_how": how,
        },
    )
    logger.info("meeting %s justerat (%s)", meeting.id, how)
    await publish(ctx, body, meeting)


# --------------------------------------------------------------------------------------------
# Justering outside Teams

_HOW = (
    (("e-post", "epost", "e-mail", "email", "mejl", "mail"), "via e-post"),
    (("papper", "paper"), "på papper"),
)


def _how(text: str) -> str:
    cleaned = squash(text).strip(" .,:;–-")
    folded = fold(cleaned)
    for words, phrase in _HOW:
        if any(w in folded for w in words):
            return phrase
    return cleaned


@command(
    "justerat",
    en=("approved",),
    arg="colon",
    group=GROUP,
    usage="justerat: 2024-06-14 via e-post",
    usage_en="approved: 2024-06-14 via e-mail",
    help_en="Record a justering done outside Teams (by e-mail or on paper)",
)
async def cmd_justerat(ctx: CommandContext, arg: str) -> None:
    """Registrera justering som gjorts utanför Teams (via e-post eller på papper)"""
    body, meeting = await _meeting_of(ctx)
    await speaker_person(ctx)
    await require_manager(ctx, body, meeting)
    refuse_impossible_date(
        arg, "`justerat: 2024-06-14 via e-post`", "`approved: 2024-06-14 via e-mail`"
    )
    found = find_date(arg, ctx.turn.today)
    if found is None:
        raise UserError(
            "Skriv datum och sätt: `justerat: 2024-06-14 via e-post` eller `justerat: 2024-06-14 på papper`.",
            "Write the date and how: `approved: 2024-06-14 via e-mail` or `approved: 2024-06-14 on paper`.",
        )
    on, (start, end) = found
    how = _how(fold(arg)[:start] + " " + arg[end:])
    if not how:
        raise UserError(
            f"Hur justerades protokollet? Skriv t.ex. `justerat: {on.isoformat()} via e-post` eller `… på papper`.",
            f"How were the minutes approved? Write e.g. `approved: {on.isoformat()} via e-mail` or `… on paper`.",
        )
    if len(how) > 100:
        raise UserError(
            "Beskriv hur protokollet justerades med högst 100 tecken.",
            "Describe how the minutes were approved in at most 100 characters.",
        )
    if meeting.form == "minnesanteckningar":
        raise UserError(
            "Minnesanteckningar justeras inte. Inget ändrades.",
            "Notes are not approved. Nothing was changed.",
        )
    if meeting.status in store.JUSTERAT_STATUSES:
        raise UserError(
            f"Protokollet {meeting.date.isoformat()} är redan justerat den {meeting.justerat_on}. Inget ändrades.",
            f"The minutes of {meeting.date.isoformat()} were already approved on {meeting.justerat_on}. Nothing was changed.",
        )
    if meeting.status == "open":
        raise UserError(
            "Mötet pågår fortfarande. Avsluta det först med `avsluta mötet`. Inget ändrades.",
            "The meeting is still open. Close it first with `close meeting`. Nothing was changed.",
        )
    if on < meeting.date or on > ctx.turn.today:
        raise UserError(
            f"Justeringsdatumet {on.isoformat()} måste ligga mellan mötet ({meeting.date.isoformat()}) och i dag. Inget ändrades.",
            f"The approval date {on.isoformat()} must lie between the meeting ({meeting.date.isoformat()}) and today. Nothing was changed.",
        )
    await justera(ctx, body, meeting, how=how, on=on)
    ctx.say(
        f"Protokollet {meeting.date.isoformat()} är justerat den {on.isoformat()} {how}. Ändringar blir nu rättelser.",
        f"The minutes of {meeting.date.isoformat()} are recorded as approved on {on.isoformat()} ({how}). Changes are now corrections.",
    )


# --------------------------------------------------------------------------------------------
# Publishing


async def publish(ctx: CommandContext, body: Body, meeting: Meeting) -> bool:
    """Post the public summary card with its links to the body's channel as a new thread."""
    target = await store.publication_target(ctx.session, ctx.turn.tenant_id, body.id)
    if target is None:
        ctx.say(
            f"Jag hittar ingen kanal eller chatt för {body.name} att publicera {_form_word(ctx, meeting)} i. "
            f"Skriv `publicera` i organets kanal.",
            f"I found no channel or chat of {body.name} to publish {_form_word(ctx, meeting)} in. "
            f"Write `publish` in the body's channel.",
        )
        logger.warning("meeting %s: no conversation to publish to", meeting.id)
        return False
    doc = await _document(ctx, meeting)
    links = await document_links(ctx, meeting, public=True)
    card = summary_card(
        doc,
        public=True,
        actions=[
            {"type": "Action.OpenUrl", "title": "Öppna protokollet", "url": links.html},
            {"type": "Action.OpenUrl", "title": "Ladda ner (Word)", "url": links.docx},
        ],
    )
    word = "Minnesanteckningar" if meeting.form == "minnesanteckningar" else "Protokoll"
    ctx.replies.append(
        Reply(
            card=card,
            fallback=f"{word} {body.name} {meeting.date.isoformat()}: {links.html}",
            target_conversation=target.conversation_id,
            new_thread=target.new_thread,
            extra={"service_url": target.service_url},
        )
    )
    before = {
        "status": meeting.status,
        "published_at": meeting.published_at.isoformat() if meeting.published_at else None,
    }
    meeting.status = "published"
    meeting.published_at = ctx.turn.now
    await _audit(
        ctx,
        "minutes.publish",
        meeting,
        before,
        {
            "status": "published",
            "published_at": ctx.turn.now.isoformat(),
            "conversation": target.conversation_id,
        },
    )
    logger.info("meeting %s published to %s", meeting.id, target.conversation_id)
    return True


@command(
    "publicera",
    en=("publish",),
    group=GROUP,
    help_en="Post the approved minutes (or the notes) to the body's channel as a new thread",
)
async def cmd_publish(ctx: CommandContext, arg: str) -> None:
    """Publicera det justerade protokollet (eller minnesanteckningarna) i organets kanal"""
    body, meeting = await _meeting_of(ctx)
    await speaker_person(ctx)
    await require_manager(ctx, body, meeting)
    if meeting.status == "open":
        raise UserError(
            "Mötet pågår fortfarande. Avsluta det först med `avsluta mötet`.",
            "The meeting is still open. Close it first with `close meeting`.",
        )
    if meeting.form != "minnesanteckningar" and meeting.status not in store.JUSTERAT_STATUSES:
        raise UserError(
            "Protokollet är inte justerat än. Skicka det till justering med `skicka till justering`, "
            "eller registrera `justerat: 2024-06-14 via e-post`.",
            "The minutes are not approved yet. Send them with `send for approval`, "
            "or record `approved: 2024-06-14 via e-mail`.",
        )
    again = meeting.status == "published"
    if await publish(ctx, body, meeting):
        ctx.say(
            f"{_form_word(ctx, meeting, capital=True)} {meeting.date.isoformat()} "
            + ctx.t(
                "publiceras igen" if again else "publiceras",
                "published again" if again else "published",
            )
            + ctx.t(" i organets kanal.", " in the body's channel."),
        )


# --------------------------------------------------------------------------------------------
# Protokollsutdrag


@command(
    "utdrag",
    "protokollsutdrag",
    en=("extract",),
    arg="ref",
    group=GROUP,
    usage="utdrag § 117",
    help_en="A protokollsutdrag: one § with the meeting's header and justering, as text and Word",
)
async def cmd_extract(ctx: CommandContext, arg: str) -> None:
    """Protokollsutdrag: en § med mötets huvud och justering, som text och Word-fil"""
    body = await body_for_reading(ctx)
    item, _ = await lookup_paragraph(ctx, body, arg)
    meeting = await ctx.session.get(Meeting, item.meeting_id)
    if meeting is None or meeting.tenant_id != ctx.turn.tenant_id:
        raise UserError("Paragrafen finns inte.", "The paragraph does not exist.")
    full = await can_see_full(ctx, body, meeting)
    doc = await _document(ctx, meeting)
    label = str(store.paragraph_number(item))
    text = render_extract(doc, label, fmt="md", public=not full)
    if len(text) > MAX_CHAT_CHARS:
        text = text[:MAX_CHAT_CHARS].rsplit("\n", 1)[0] + ctx.t(
            "\n\n… (hela utdraget finns i Word-filen)",
            "\n\n… (the full extract is in the Word file)",
        )
    ctx.say(text)
    fmt = store.EXTRACT_PREFIX + label
    if len(fmt) > store.MAX_FORMAT_LENGTH:
        logger.warning("§ label %r too long for an extract link", label)
        return
    token = await store.create_download_token(
        ctx.session,
        tenant_id=meeting.tenant_id,
        meeting_id=meeting.id,
        public=not full,
        fmt=fmt,
        now=ctx.turn.now,
        ttl=store.FULL_TOKEN_TTL if full else store.TOKEN_TTL,
    )
    ctx.say(
        f"[Ladda ner utdraget ur {_form_word(ctx, meeting)} (Word)]({download_url(ctx, token)}). {link_validity(ctx, public=not full)}",
        f"[Download the extract (Word)]({download_url(ctx, token)}). {link_validity(ctx, public=not full)}",
    )

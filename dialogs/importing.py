"""`importera: LSVO` in a personal chat with the file attached: summary card, then Spara / Avbryt.

Reading and parsing a file take about half a second per MB of text, so they run in a worker
process (dialogs.importer.prepare) before the turn's transaction opens (prepare, called by the Teams handler); inside the
transaction the turn only writes the pending import. The pending import keeps the parse, not the
file, and expires after PENDING_TTL; expired ones are removed whenever an import is started,
saved or cancelled.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import delete

from dialogs import cards
from dialogs.actions import action
from dialogs.context import CommandContext, TurnInput
from dialogs.errors import UserError
from dialogs.importer import ImportFormatError, ParsedMinutes, ReadResult
from dialogs.importer.model import from_data, to_data
from dialogs.importer.prepare import PreparedFile
from dialogs.importer.prepare import prepare as prepare_files
from dialogs.importer.store import ImportRefused, duplicate_of, store_minutes, summary
from dialogs.people import speaker_person
from dialogs.registry import command
from dialogs.reply import InvokeResult
from dialogs.text import name_key, squash
from storage.botstate import delete_states, read_states, write_state
from storage.directory import find_body, roles_in_body
from storage.models import Body, BotState

PENDING = "import-pending/"
PENDING_TTL = dt.timedelta(hours=24)


async def prepare(turn: TurnInput) -> None:
    """Read and parse the turn's files in a worker, before the turn's transaction opens."""
    if turn.files and turn.prepared_files is None:
        turn.prepared_files = await prepare_files(turn.files)


async def purge_expired(ctx: CommandContext) -> None:
    """Remove pending imports nobody saved or cancelled within PENDING_TTL."""
    cutoff = ctx.turn.now - PENDING_TTL
    await ctx.session.execute(
        delete(BotState).where(BotState.key.like(PENDING + "%"), BotState.updated_at < cutoff)
    )


async def _body_for_import(ctx: CommandContext, name: str) -> Body:
    found = list(await find_body(ctx.session, ctx.turn.tenant_id, name_key(name)))
    if len(found) != 1:
        raise UserError(
            f"Jag hittar inget organ som heter ”{name}”."
            if not found
            else f"Flera organ matchar ”{name}”; skriv hela namnet.",
            f"I can't find a body called “{name}”."
            if not found
            else f"Several bodies match “{name}”; write the full name.",
        )
    body = found[0]
    person = await speaker_person(ctx)
    if not await roles_in_body(ctx.session, body.id, person.id) & {"admin", "sekreterare"}:
        raise UserError(
            f"Bara administratörer och sekreterare för {body.name} kan importera protokoll dit.",
            f"Only admins and secretaries of {body.name} may import minutes into it.",
        )
    return body


@command(
    "importera",
    en=("import",),
    arg="colon",
    group="Organ",
    usage="importera: LSVO (med filen bifogad, i personlig chatt)",
    help_en="Import old minutes: send the file to the bot in a personal chat",
)
async def cmd_import(ctx: CommandContext, arg: str) -> None:
    """Importera gamla protokoll: skicka filen till boten i en personlig chatt"""
    if ctx.turn.conversation_type not in ("personal", None) and ctx.turn.source != "console":
        raise UserError(
            "Skicka filen till mig i en personlig chatt med `importera: Organ`; i kanaler kan jag inte läsa bifogade filer.",
            "Send me the file in a personal chat with `import: Body`; I cannot read files attached in channels.",
        )
    name = squash(arg)
    if not name:
        raise UserError(
            "Skriv vilket organ protokollet hör till: `importera: LSVO`.",
            "Write which body the minutes belong to: `import: LSVO`.",
        )
    body = await _body_for_import(ctx, name)
    if ctx.turn.file_errors:
        raise UserError(
            " ".join(sv for sv, _ in ctx.turn.file_errors),
            " ".join(en for _, en in ctx.turn.file_errors),
        )
    if not ctx.turn.files:
        raise UserError(
            "Bifoga filen (.docx, .pdf, .txt, .md eller .html) i samma meddelande som `importera: …`. "
            "På datorn går det också med `samverkansbot import FIL`.",
            "Attach the file (.docx, .pdf, .txt, .md or .html) to the same message as `import: …`.",
        )
    prepared: list[PreparedFile] = (
        ctx.turn.prepared_files
        if ctx.turn.prepared_files is not None
        # The console and tests that bypass the Teams handler: still off the event loop.
        else await prepare_files(ctx.turn.files)
    )
    await purge_expired(ctx)
    for file in prepared:
        if file.error is not None or file.read is None or file.parsed is None:
            err = file.error or ImportFormatError(
                "Filen kunde inte läsas.", "The file could not be read."
            )
            raise UserError(
                f"{file.filename}: {err.message_sv}", f"{file.filename}: {err.message_en}"
            )
        read, parsed = file.read, file.parsed
        dup = await duplicate_of(ctx.session, ctx.turn.tenant_id, read.sha256)
        text = summary(
            parsed,
            read,
            lang=ctx.lang,
            body_name=body.name,
            body_source="given",
            duplicate=dup is not None,
        )
        if dup is not None:
            ctx.say(text)
            continue
        pending_id = uuid.uuid4().hex
        await write_state(
            ctx.session,
            PENDING + pending_id,
            {
                "filename": file.filename,
                "read": {
                    "format": read.format,
                    "sha256": read.sha256,
                    "warnings": read.warnings,
                },
                "parsed": to_data(parsed),
                "body_id": body.id,
                "speaker": ctx.turn.speaker.subject if ctx.turn.speaker else None,
                "expires": (ctx.turn.now + PENDING_TTL).isoformat(),
            },
            None,
        )
        card = cards.card(
            [
                cards.heading(
                    ctx.t("Import – kontrollera innan du sparar", "Import – check before saving")
                ),
                *[cards.text(line) for line in text.split("\n")],
            ],
            [
                cards.execute(ctx.t("Spara", "Save"), "importSave", {"pendingId": pending_id}),
                cards.execute(ctx.t("Avbryt", "Cancel"), "importCancel", {"pendingId": pending_id}),
            ],
        )
        ctx.card(
            card,
            text
            + ctx.t(
                "\n(Spara eller avbryt med knapparna.)", "\n(Save or cancel with the buttons.)"
            ),
        )


async def _pending(ctx: CommandContext, data: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    key = PENDING + str(data.get("pendingId") or "")
    rows = await read_states(ctx.session, [key])
    if key not in rows:
        raise UserError(
            "Importen är redan sparad eller avbruten.",
            "The import has already been saved or cancelled.",
        )
    pending = rows[key][1]
    expires = pending.get("expires")
    if not expires or dt.datetime.fromisoformat(expires) < ctx.turn.now or "parsed" not in pending:
        await delete_states(ctx.session, [key])
        raise UserError(
            "Importen har gått ut (den sparas i 24 timmar). Skicka filen igen.",
            "The import has expired (it is kept for 24 hours). Send the file again.",
        )
    if ctx.turn.speaker is None or pending.get("speaker") != ctx.turn.speaker.subject:
        raise UserError(
            "Bara den som skickade filen kan spara eller avbryta importen.",
            "Only the person who sent the file can save or cancel the import.",
        )
    return key, pending


@action("importSave")
async def act_save(ctx: CommandContext, data: dict[str, Any]) -> InvokeResult:
    key, pending = await _pending(ctx, data)
    body = await ctx.session.get(Body, int(pending["body_id"]))
    if body is None:
        raise UserError("Organet finns inte längre.", "The body no longer exists.")
    await purge_expired(ctx)
    kept = pending.get("read") or {}
    read = ReadResult(
        text="",
        format=str(kept.get("format") or "txt"),
        sha256=str(kept.get("sha256") or ""),
        filename=pending["filename"],
        warnings=list(kept.get("warnings") or []),
    )
    parsed = from_data(ParsedMinutes, pending["parsed"])
    person = await speaker_person(ctx)
    try:
        outcome = await store_minutes(
            ctx.session,
            ctx.turn.tenant_id,
            parsed,
            read,
            body=body,
            source=ctx.audit_source,
            actor_person_id=person.id,
            actor_label=ctx.turn.speaker.name if ctx.turn.speaker else None,
        )
    except ImportRefused as err:
        raise UserError(err.sv, err.en) from None
    await delete_states(ctx.session, [key])
    ids = " och ".join(str(i) for i in [outcome.meeting_id, *outcome.more_meeting_ids])
    ids_en = " and ".join(str(i) for i in [outcome.meeting_id, *outcome.more_meeting_ids])
    many = bool(outcome.more_meeting_ids)
    text = ctx.t(
        f"Sparat i {body.name}: {'mötena' if many else 'mötet'} {ids}."
        if not outcome.duplicate
        else "Filen var redan importerad; inget ändrades.",
        f"Saved in {body.name}: {'meetings' if many else 'meeting'} {ids_en}."
        if not outcome.duplicate
        else "The file was already imported; nothing changed.",
    )
    return InvokeResult(card=cards.card([cards.heading(pending["filename"]), cards.text(text)]))


@action("importCancel")
async def act_cancel(ctx: CommandContext, data: dict[str, Any]) -> InvokeResult:
    key, pending = await _pending(ctx, data)
    await delete_states(ctx.session, [key])
    await purge_expired(ctx)
    return InvokeResult(
        card=cards.card(
            [
                cards.heading(pending["filename"]),
                cards.text(
                    ctx.t(
                        "Importen är avbruten. Inget sparades.",
                        "Import cancelled. Nothing was saved.",
                    )
                ),
            ]
        )
    )

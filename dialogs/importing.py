"""`importera: LSVO` in a personal chat with the file attached: summary card, then Spara / Avbryt."""

from __future__ import annotations

import base64
import uuid
from typing import Any

from dialogs import cards
from dialogs.actions import action
from dialogs.context import CommandContext
from dialogs.errors import UserError
from dialogs.importer import ImportFormatError, parse_minutes, read_bytes
from dialogs.importer.store import ImportRefused, duplicate_of, store_minutes, summary
from dialogs.people import speaker_person
from dialogs.registry import command
from dialogs.reply import InvokeResult
from dialogs.text import name_key, squash
from storage.botstate import delete_states, read_states, write_state
from storage.directory import find_body, roles_in_body
from storage.models import Body

PENDING = "import-pending/"


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
        raise UserError(" ".join(ctx.turn.file_errors))
    if not ctx.turn.files:
        raise UserError(
            "Bifoga filen (.docx, .pdf, .txt, .md eller .html) i samma meddelande som `importera: …`. "
            "På datorn går det också med `samverkansbot import FIL`.",
            "Attach the file (.docx, .pdf, .txt, .md or .html) to the same message as `import: …`.",
        )
    for filename, data in ctx.turn.files:
        try:
            read = read_bytes(data, filename)
        except ImportFormatError as err:
            raise UserError(
                f"{filename}: {err.message_sv}", f"{filename}: {err.message_en}"
            ) from None
        parsed = parse_minutes(read.text, filename)
        dup = await duplicate_of(ctx.session, ctx.turn.tenant_id, read.sha256)
        text = summary(parsed, read, lang=ctx.lang, body_name=body.name, duplicate=dup is not None)
        if dup is not None:
            ctx.say(text)
            continue
        pending_id = uuid.uuid4().hex
        await write_state(
            ctx.session,
            PENDING + pending_id,
            {
                "filename": filename,
                "data": base64.b64encode(data).decode("ascii"),
                "body_id": body.id,
                "speaker": ctx.turn.speaker.subject if ctx.turn.speaker else None,
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
    raw = base64.b64decode(pending["data"])
    read = read_bytes(raw, pending["filename"])
    person = await speaker_person(ctx)
    try:
        outcome = await store_minutes(
            ctx.session,
            ctx.turn.tenant_id,
            parse_minutes(read.text, pending["filename"]),
            read,
            body=body,
            source=ctx.audit_source,
            actor_person_id=person.id,
            actor_label=ctx.turn.speaker.name if ctx.turn.speaker else None,
        )
    except ImportRefused as err:
        raise UserError(err.sv, err.en) from None
    await delete_states(ctx.session, [key])
    text = ctx.t(
        f"Sparat i {body.name}: mötet {outcome.meeting_id}."
        if not outcome.duplicate
        else "Filen var redan importerad; inget ändrades.",
        f"Saved in {body.name}: meeting {outcome.meeting_id}."
        if not outcome.duplicate
        else "The file was already imported; nothing changed.",
    )
    return InvokeResult(card=cards.card([cards.heading(pending["filename"]), cards.text(text)]))


@action("importCancel")
async def act_cancel(ctx: CommandContext, data: dict[str, Any]) -> InvokeResult:
    key, pending = await _pending(ctx, data)
    await delete_states(ctx.session, [key])
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

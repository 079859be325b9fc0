"""Nobody gets a role's powers or sekretess by a display name (issue 17, attack 2 and 3).

A display-name match links a new Teams account to a registered person for check-in only;
chair, secretary, justerare and admin powers and sekretess need a confirmed identity: an
admin's `koppla godkänn`, a registration by @mention, or an import's one-time code."""

from __future__ import annotations

import io
import re
from contextlib import redirect_stdout
from dataclasses import replace
from typing import Any

from bot.cli_import import run_import
from storage.models import (
    Attendance,
    Body,
    BodyConversation,
    Decision,
    Item,
    LinkRequest,
    Meeting,
    Membership,
    PersonIdentity,
)
from tests import seed004
from tests.harness.activities import User, channel, make_user
from tests.harness.connector import StandInConnector
from tests.harness.server import BotServer
from tests.shared import SEED_004, shared
from tests.test_attendance_e2e import NOT_ALLOWED_SV, Room, lsvo_meeting

CHAIR = "Bodil Sundlöf"
RECORD = (Body, BodyConversation, Membership, Meeting, Attendance, Item, Decision)


async def record_counts(server: BotServer) -> dict[str, int]:
    return {m.__tablename__: await server.count(m) for m in RECORD}


def anonymous(name: str) -> User:
    """An anonymous meeting participant: 8:teamsvisitor: id, no aadObjectId."""
    return User(name=name, aad_object_id="", teams_id=f"8:teamsvisitor:{make_user().teams_id[4:]}")


async def post_as(room: Room, user: User, text: str, **kwargs: Any) -> str:
    act = room.server.activities.message(text, user=user, conversation=room.conversation)
    if not user.aad_object_id:
        act["from"].pop("aadObjectId", None)
    act.update(kwargs)
    status, _ = await room.server.post(act)
    assert status == 200
    return "\n".join(r.text or "" for r in await room.replies(act))


async def chaired_meeting(server: BotServer, connector: StandInConnector) -> tuple[Room, User]:
    room = Room(server, connector, server.activities.default_conversation)
    mats = make_user("Mats Wennstig")
    await lsvo_meeting(room, mats, seed004.MEMBERS)
    await room.say(mats, f"ordförande: {CHAIR}")  # answered by the attendance card
    [meeting] = await server.rows(Meeting)
    assert meeting.chair_person_id is not None
    return room, mats


def not_confirmed(name: str) -> str:
    return (
        f"Ditt Teams-konto är ännu inte bekräftat som {name}. Skriv `koppla: {name}` så kan en "
        "administratör bekräfta det. Inget ändrades."
    )


async def test_a_guest_with_the_chairs_display_name_checks_in_but_gets_no_powers(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    room, _ = await chaired_meeting(bot_server, connector)
    guest = make_user(CHAIR)  # a fresh AAD id from another tenant, the chair's display name
    await room.post(guest, "närvarande")  # check-in by name is allowed
    before = await record_counts(bot_server)
    for command in (
        "ordförande: Kjell Ivarsson",
        "justerare: Kjell Ivarsson",
        "frånvarande: Mats Wennstig",
        "§ 1 Övrigt",
        "beslut: att godkänna allt",
        "avsluta mötet",
    ):
        assert await room.say(guest, command) == not_confirmed(CHAIR), command
    assert await record_counts(bot_server) == before
    [meeting] = await bot_server.rows(Meeting)
    [ident] = await bot_server.rows(
        PersonIdentity, PersonIdentity.aad_object_id == guest.aad_object_id
    )
    assert ident.confirmed is False and ident.person_id == meeting.chair_person_id


async def test_an_anonymous_participant_with_the_chairs_name_never_gets_powers(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    room, mats = await chaired_meeting(bot_server, connector)
    visitor = anonymous(CHAIR)
    before = await record_counts(bot_server)
    refusal = await post_as(room, visitor, "ordförande: Kjell Ivarsson")
    assert refusal.startswith("Anonyma mötesdeltagare kan anmäla närvaro men inte")
    assert await post_as(room, visitor, "beslut: att godkänna allt") == refusal
    assert await record_counts(bot_server) == before
    # Not even an admin's approval gives an anonymous participant powers.
    await post_as(room, visitor, f"koppla: {CHAIR}")  # the request comes as a card
    [req] = await bot_server.rows(LinkRequest)
    assert "kopplat till" in await room.say(mats, f"koppla godkänn {req.id}")
    assert await post_as(room, visitor, "ordförande: Kjell Ivarsson") == refusal


async def test_sekretess_is_not_shown_to_a_namesake(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    room, mats = await chaired_meeting(bot_server, connector)
    p = seed004.PARAGRAPHS[4]  # § 117
    await room.say(mats, seed004.heading_command(p))
    await room.say(mats, seed004.block_command(p))
    assert "markerad med sekretess" in await room.say(mats, "sekretess")
    member = "Torill Skaar Magnusson"
    for impostor in (make_user(member), anonymous(member)):
        shown = await post_as(room, impostor, "visa § 117")
        assert "visas bara för organets ledamöter" in shown
        assert all(clause not in shown for clause in p.clauses)


async def test_admin_name_does_not_let_an_impostor_change_or_bind_the_body(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    room, mats = await chaired_meeting(bot_server, connector)
    assert "lade till Karin Lund" in await room.say(mats, "organ admin: Karin Lund")
    impostor = make_user("Karin Lund")
    before = await record_counts(bot_server)
    assert await room.say(impostor, "organ delning: organisationen") == not_confirmed("Karin Lund")
    other = Room(bot_server, connector, channel())
    assert "Det får bara administratörer för LSVO ledningsgrupp" in await other.say(
        impostor, "organ: LSVO"
    )
    assert await record_counts(bot_server) == before
    [body] = await bot_server.rows(Body)
    assert body.sharing == "body"


async def test_an_admins_approval_confirms_the_real_person(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    room, mats = await chaired_meeting(bot_server, connector)
    bodil = make_user(CHAIR)
    assert await room.say(bodil, "justerare: Kjell Ivarsson") == not_confirmed(CHAIR)
    await room.say(bodil, f"koppla: {CHAIR}")  # the request comes as a card
    [req] = await bot_server.rows(LinkRequest)
    assert "kopplat till Bodil Sundlöf" in await room.say(mats, f"koppla godkänn {req.id}")
    assert "Kjell Ivarsson" in await room.say(bodil, "justerare: Kjell Ivarsson")
    assert await bot_server.count(Attendance, Attendance.is_justerare.is_(True)) == 1
    # Only the account the admin approved: another with the same name is now nobody special
    # (the person is claimed, so it is not even linked by name any more).
    assert await room.say(make_user(CHAIR), "justerare: Mats Wennstig") == NOT_ALLOWED_SV


def mention(user: User) -> dict[str, Any]:
    return {
        "type": "mention",
        "mentioned": {"id": user.teams_id, "name": user.name},
        "text": f"<at>{user.name}</at>",
    }


async def test_registered_by_mention_is_confirmed_and_a_namesake_is_not(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    room = Room(bot_server, connector, bot_server.activities.default_conversation)
    mats = make_user("Mats Wennstig")
    bodil = make_user(CHAIR)
    assert "skapat" in await room.say(mats, "organ: LSVO ledningsgrupp (LSVO)")
    act = bot_server.activities.message(
        f"organ admin: <at>{CHAIR}</at>", user=mats, conversation=room.conversation
    )
    act["entities"].append(mention(bodil))
    assert (await bot_server.post(act))[0] == 200
    assert "lade till Bodil Sundlöf" in "\n".join(r.text or "" for r in await room.replies(act))
    # The mentioned account, speaking for the first time, is the admin.
    assert "Ledamöter i LSVO" in await room.say(bodil, "organ ledamöter: Kjell Ivarsson")
    # A guest with the same display name is not: not even linked, since the person is claimed.
    guest = make_user(CHAIR)
    assert "Det får bara administratörer" in await room.say(guest, "organ delning: organisationen")
    [body] = await bot_server.rows(Body)
    assert body.sharing == "body"


async def _import(server: BotServer, **kwargs: Any) -> str:
    out = io.StringIO()
    settings = replace(server.settings, migrate_on_start=True)
    with redirect_stdout(out):
        code = await run_import(
            settings,
            [shared(SEED_004)],
            tenant=server.activities.tenant_id,
            body="LSVO ledningsgrupp",
            yes=True,
            **kwargs,
        )
    assert code == 0, out.getvalue()
    return out.getvalue()


def _code(printed: str) -> str:
    [code] = set(re.findall(r"kod: ([A-Z0-9]{4}-[A-Z0-9]{4})", printed))
    return code


async def test_an_imported_body_is_claimed_only_with_the_imports_code(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    code = _code(await _import(bot_server))
    stranger = make_user("Någon Annan")
    room = Room(bot_server, connector, channel())
    before = await record_counts(bot_server)
    assert "har ingen administratör än" in await room.say(stranger, "organ: LSVO ledningsgrupp")
    assert "Koden stämmer inte" in await room.say(
        stranger, "organ: LSVO ledningsgrupp kod: AAAA-BBBB"
    )
    assert await record_counts(bot_server) == before
    owner = make_user("Anna Burston")
    assert "nu kopplad" in await room.say(owner, f"organ: LSVO ledningsgrupp kod: {code}")
    [body] = await bot_server.rows(Body)
    assert body.claim_code_hash is None
    # One time only: the same code from someone else, elsewhere, is refused.
    other = Room(bot_server, connector, channel())
    reply = await other.say(stranger, f"organ: LSVO ledningsgrupp kod: {code}")
    assert "Det får bara administratörer för LSVO ledningsgrupp" in reply
    assert await bot_server.count(BodyConversation) == 1


async def test_an_imported_body_with_admin_name_needs_that_persons_code(
    bot_server: BotServer, connector: StandInConnector
) -> None:
    printed = await _import(bot_server, admin="Mats Wennstig")
    assert "Mats Wennstig är administratör för LSVO ledningsgrupp när hen" in printed
    code = _code(printed)
    room = Room(bot_server, connector, channel())
    # Someone else with the code: the code is the named admin's.
    assert "Koden gäller för den administratör" in await room.say(
        make_user("Anna Burston"), f"organ: LSVO ledningsgrupp kod: {code}"
    )
    mats = make_user("Mats Wennstig")
    assert "Det får bara administratörer" in await room.say(mats, "organ: LSVO ledningsgrupp")
    assert "nu kopplad" in await room.say(mats, f"organ: LSVO ledningsgrupp kod: {code}")
    assert "Ledamöter i LSVO" in await room.say(mats, "organ ledamöter: Kjell Ivarsson")

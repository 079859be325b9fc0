"""The register tests' record: the four seed minutes imported as `samverkansbot import` does,
plus one open LSVO meeting typed in Teams with a sekretess §, cells a spreadsheet would read as
formulas and a withdrawn decision, members with Teams identities, and a second tenant."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest
from sqlalchemy import select

import storage.search  # noqa: F401  (the index hooks)
from dialogs.text import name_key
from storage.db import Database
from storage.models import (
    Attendance,
    Body,
    BodyConversation,
    Meeting,
    Membership,
    Person,
    PersonIdentity,
)
from storage.record import add_decision, add_paragraph
from tests.ask.test_seeds import SEEDS, import_seeds

HOME = "1b2c3d4e-0000-4000-8000-00000000a001"
OTHER = "1b2c3d4e-0000-4000-8000-00000000b002"
MEMBER_OID = "0e0e0e0e-1111-4111-8111-000000000001"
OUTSIDER_OID = "0e0e0e0e-2222-4222-8222-000000000002"
OPEN_CONVERSATION = "19:meeting_lsvo-open@thread.v2"
OPEN_DATE = dt.date(2026, 11, 30)

SECRET_TITLE = "Enskilt ärende om placering av en namngiven brukare"
SECRET_CLAUSE = "bevilja den enskilde brukaren förlängd placering"
FORMULA_TITLE = '=HYPERLINK("http://evil.example/";"klicka")'
FORMULA_CLAUSES = ["-1+2 kronor ska inte räknas", "@SUM(A1:A9) är ingen formel"]
WITHDRAWN_CLAUSE = "detta beslut togs tillbaka"
OPEN_CLAUSE = "förklara mötet öppnat"


@dataclass
class Built:
    tenant: str
    lsvo_id: int = 0
    shared_body_id: int = 0
    open_meeting_id: int = 0
    current_paragraph: str = ""
    bodies: dict[str, int] = field(default_factory=dict)


async def _person(session: object, tenant: str, name: str, oid: str | None = None) -> Person:
    from sqlalchemy.ext.asyncio import AsyncSession

    assert isinstance(session, AsyncSession)
    person = Person(tenant_id=tenant, display_name=name, name_key=name_key(name))
    session.add(person)
    await session.flush()
    if oid is not None:
        ident = PersonIdentity(
            tenant_id=tenant,
            person_id=person.id,
            provider="aad",
            subject=oid.lower(),
            aad_object_id=oid,
            home_tenant_id=tenant,
            display_name=name,
        )
        if hasattr(PersonIdentity, "confirmed"):  # issue 17: registered by Teams identity
            ident.confirmed = True
        session.add(ident)
        await session.flush()
    return person


async def build(database: Database, tenant: str = HOME) -> Built:
    if not SEEDS.exists():
        pytest.skip(f"seed minutes not found at {SEEDS}")
    await import_seeds(database, tenant, ["000", "002", "003", "004"])
    built = Built(tenant)
    async with database.transaction() as session:
        bodies = (await session.scalars(select(Body).where(Body.tenant_id == tenant))).all()
        built.bodies = {b.name: b.id for b in bodies}
        lsvo = next(b for b in bodies if b.short_name == "LSVO")
        shared = next(b for b in bodies if b.name.startswith("Uppdragsgrupp"))
        shared.sharing = "organisation"
        built.lsvo_id, built.shared_body_id = lsvo.id, shared.id
        member = await _person(session, tenant, "Cecilia Grefve-Lang", MEMBER_OID)
        await _person(session, tenant, "Olle Utanför", OUTSIDER_OID)
        second = await _person(session, tenant, "Bodil Sundlöf")
        third = await _person(session, tenant, "Gunilla Råberg")
        for p in (member, second, third):
            session.add(Membership(body_id=lsvo.id, person_id=p.id, role="ledamot"))
        meeting = Meeting(
            tenant_id=tenant,
            body_id=lsvo.id,
            date=OPEN_DATE,
            title="LSVO ledningsgrupp",
            status="open",
            conversation_id=OPEN_CONVERSATION,
            source="chat",
        )
        session.add(meeting)
        session.add(
            BodyConversation(
                tenant_id=tenant,
                body_id=lsvo.id,
                conversation_id=OPEN_CONVERSATION,
                conversation_type="groupChat",
            )
        )
        await session.flush()
        built.open_meeting_id = meeting.id
        for p, status in ((member, "present"), (second, "present"), (third, "absent")):
            session.add(
                Attendance(
                    meeting_id=meeting.id,
                    person_id=p.id,
                    status=status,
                    role="ledamot",
                    source="self",
                )
            )
        phrase = "LSVO:s ledningsgrupp beslutar"
        p1 = await add_paragraph(session, lsvo, meeting, title="Mötets öppnande")
        await add_decision(
            session, p1, phrase=phrase, clauses=[OPEN_CLAUSE], recorded_by=None, source="chat"
        )
        p2 = await add_paragraph(session, lsvo, meeting, title=SECRET_TITLE, confidential=True)
        await add_decision(
            session, p2, phrase=phrase, clauses=[SECRET_CLAUSE], recorded_by=None, source="chat"
        )
        p3 = await add_paragraph(session, lsvo, meeting, title=FORMULA_TITLE)
        await add_decision(
            session, p3, phrase=phrase, clauses=FORMULA_CLAUSES, recorded_by=None, source="chat"
        )
        p4 = await add_paragraph(session, lsvo, meeting, title="Ett beslut som ångrades")
        withdrawn = await add_decision(
            session, p4, phrase=phrase, clauses=[WITHDRAWN_CLAUSE], recorded_by=None, source="chat"
        )
        withdrawn.status = "withdrawn"
        meeting.current_item_id = p3.id
        built.current_paragraph = f"§ {p3.number}"
        await session.flush()
    return built

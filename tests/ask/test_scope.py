"""Who sees what: the host tenant only; bodies bound to the conversation, shared with the
organisation or where the speaker is a member; sekretess only to members, in a personal chat."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogs.context import Speaker
from storage.db import Database
from storage.models import BodyConversation, Membership, PersonIdentity
from tests.ask.conftest import Ask
from tests.ask.record import FACT_DECISION_2, HOME, OTHER, Record, _Builder, build_record

SECRET_WORD = "omplaceringsärendet"
SECRET_CLAUSE = f"godkänna {SECRET_WORD} för brukaren enligt bilaga"
MEMBER = Speaker(provider="aad", subject="aad-member", name="Maja Medlem")
GUEST = Speaker(provider="aad", subject="aad-guest", name="Gustav Gäst")


@pytest.fixture
async def world(database: Database, record: Record) -> Record:
    """The seed record in HOME, plus: another tenant with its own F-ACT decision; a body shared
    with the organisation holding one public and one sekretess paragraph; a member and a guest;
    a channel bound to LSVO."""
    async with database.transaction() as session:
        other = await build_record(session, OTHER)
        b = _Builder(session, other)
        meeting = await b.meeting("gotland", other.bodies["lsvo"], dt.date(2024, 2, 2))
        item = await b.item("gotland", meeting, "F-ACT på Gotland", number=7)
        await b.decision(
            "gotland",
            item,
            phrase="LSVO:s ledningsgrupp beslutar",
            clauses=["införa gotlandsmodellen för F-ACT"],
        )

        h = _Builder(session, record)
        sek = await h.body("sek", "Sekretessgruppen", "SEK", sharing="organisation")
        m = await h.meeting("sek", sek, dt.date(2024, 3, 1))
        public = await h.item("public", m, "Lokalfrågan", number=1)
        await h.decision(
            "public", public, phrase="SEK beslutar", clauses=["hyra lokalen på Eklundavägen"]
        )
        secret = await h.item(
            "secret",
            m,
            "Enskilt ärende",
            number=2,
            confidential=True,
            text=f"Diskussion om {SECRET_WORD}.",
        )
        await h.decision("secret", secret, phrase="SEK beslutar", clauses=[SECRET_CLAUSE])
        member = await h.person("Maja Medlem")
        guest = await h.person("Gustav Gäst")
        session.add(Membership(body_id=sek.id, person_id=member.id, role="ledamot"))
        for person, speaker in ((member, MEMBER), (guest, GUEST)):
            session.add(
                PersonIdentity(
                    tenant_id=HOME,
                    person_id=person.id,
                    provider=speaker.provider,
                    subject=speaker.subject,
                    display_name=speaker.name,
                    # Their own accounts, confirmed (issue 17: only a confirmed identity
                    # counts as a member for sekretess).
                    confirmed=True,
                )
            )
        session.add(
            BodyConversation(
                tenant_id=HOME,
                body_id=record.bodies["lsvo"].id,
                conversation_id="19:lsvo-channel@thread.tacv2",
                conversation_type="channel",
            )
        )
    return record


async def test_no_hit_crosses_tenants(world: Record, asking: Ask) -> None:
    there = await asking("vad beslutades om gotlandsmodellen?", tenant=OTHER)
    assert [h.text for h in there.hits] == [
        "LSVO:s ledningsgrupp beslutar\natt införa gotlandsmodellen för F-ACT"
    ]
    here = await asking("vad beslutades om gotlandsmodellen?", tenant=HOME)
    assert here.hits == [] and here.text.startswith("Inga beslut hittades")
    # Not even as a suggestion for a near miss.
    near = await asking("vad beslutades om gotlandsmodelen?", tenant=HOME)
    assert near.hits == [] and "gotlandsmodellen" not in near.text
    # Both tenants have F-ACT decisions; each sees only its own meetings.
    home_meetings = {m.id for m in world.meetings.values()}
    for tenant, mine in ((HOME, True), (OTHER, False)):
        answer = await asking("vad beslutades om F-ACT?", tenant=tenant)
        assert answer.hits
        assert all((h.meeting_id in home_meetings) == mine for h in answer.hits)
    assert not any("gotlandsmodellen" in h.text for h in (await asking("F-ACT", tenant=HOME)).hits)


async def test_conversation_sees_its_bodies_only(world: Record, asking: Ask) -> None:
    channel = "19:lsvo-channel@thread.tacv2"
    in_lsvo = await asking(
        "vad beslutades om samsjuklighet?",
        conversation=channel,
        conversation_type="channel",
        speaker=GUEST,
        all_bodies=False,
    )
    assert in_lsvo.hits and {h.body for h in in_lsvo.hits} == {"LSVO ledningsgrupp"}
    # Mellersta Skåne's F-ACT decisions are neither bound here, shared nor the guest's.
    fact = await asking(
        "vad beslutades om F-ACT?",
        conversation=channel,
        conversation_type="channel",
        speaker=GUEST,
        all_bodies=False,
    )
    assert fact.hits == []
    # A personal chat with no body: only what is shared with the whole organisation.
    personal = await asking(
        "vad beslutades om lokalen?",
        conversation="a:guest-chat",
        conversation_type="personal",
        speaker=GUEST,
        all_bodies=False,
    )
    assert [h.body for h in personal.hits] == ["Sekretessgruppen"]
    none = await asking(
        "vad beslutades om samsjuklighet?",
        conversation="a:guest-chat",
        conversation_type="personal",
        speaker=GUEST,
        all_bodies=False,
    )
    assert none.hits == []


@pytest.mark.parametrize(
    ("speaker", "conversation_type", "sees"),
    [
        (GUEST, "personal", False),
        (None, "personal", False),
        (MEMBER, "personal", True),
        # A member asking in a channel: everyone there would read the answer.
        (MEMBER, "channel", False),
    ],
)
async def test_sekretess_only_to_members(
    world: Record, asking: Ask, speaker: Speaker | None, conversation_type: str, sees: bool
) -> None:
    answer = await asking(
        f"vad beslutades om {SECRET_WORD}?",
        conversation=f"conv-{conversation_type}",
        conversation_type=conversation_type,
        speaker=speaker,
        all_bodies=False,
    )
    shown = "\n".join([answer.text, *(h.text + h.title for h in answer.hits)])
    if sees:
        assert [h.text for h in answer.hits] == [f"SEK beslutar\natt {SECRET_CLAUSE}"]
    else:
        assert answer.hits == [] and answer.text.startswith("Inga beslut hittades")
        assert "bilaga" not in shown and "Enskilt ärende" not in shown
    # The public paragraph of the same body is there for everyone.
    public = await asking(
        "vad beslutades om lokalen?",
        conversation=f"conv-{conversation_type}",
        conversation_type=conversation_type,
        speaker=speaker,
        all_bodies=False,
    )
    assert [h.title for h in public.hits] == ["Lokalfrågan"]


async def test_sekretess_never_suggested_nor_listed(world: Record, asking: Ask) -> None:
    near = await asking(
        "omplaceringsärende",
        speaker=GUEST,
        all_bodies=False,
        conversation="a:x",
        conversation_type="personal",
    )
    assert near.hits == [] and "omplacering" not in near.text.split("hittades", 1)[1].replace(
        "”omplaceringsärende”", ""
    )
    listing = await asking(
        "visa beslut i SEK",
        speaker=GUEST,
        all_bodies=False,
        conversation="a:x",
        conversation_type="personal",
    )
    assert [h.title for h in listing.hits] == ["Lokalfrågan"]
    # The command line leaves sekretess out unless asked to include it.
    assert (await asking(SECRET_WORD)).hits == []


async def test_member_identity_is_what_counts(world: Record, asking: Ask) -> None:
    """A guest whose display name equals a member's gets nothing more."""
    spoof = Speaker(provider="aad", subject="aad-someone-else", name="Maja Medlem")
    answer = await asking(
        SECRET_WORD,
        speaker=spoof,
        all_bodies=False,
        conversation="a:spoof",
        conversation_type="personal",
    )
    assert answer.hits == []


async def test_fact_answer_in_home_is_unchanged_by_other_tenant(world: Record, asking: Ask) -> None:
    answer = await asking("vad beslutades om F-ACT?")
    assert FACT_DECISION_2 in {h.text for h in answer.hits[:3]}

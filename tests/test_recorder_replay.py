"""Two meetings as secretaries type them (issue 13), over HTTP with Teams-shaped activities, on
SQLite and PostgreSQL: the LSVO meeting of 2021-06-04 (seed 004) and the Beredningen för vård och
rehabilitering meeting of ../shared/corpus/14_jll-beredningen-vard-rehabilitering.txt.

Decisions in the minutes' own phrasings, with and without "att"; a late decision to an earlier §;
misspelled and unknown names; roles given to absent members; a second `ordförande:`; impossible
dates; a § number below the body's last. It asserts every decision stored as written, names
resolved or asked about (never invented), attendance and quorum untouched by roles, and every
wrong value refused with its accepted form.

Addressing follows issue 10: a recorder's line that begins with a command keyword and a colon
(or `§` and a number) during an open meeting is sent without a mention; everything else
mentions the bot (the mention's id is recipient.id)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from storage.meetings import quorum
from storage.models import (
    Assignment,
    Attendance,
    Decision,
    Item,
    Jav,
    Meeting,
    OutboxMessage,
    Person,
)
from tests import seed004
from tests.harness.activities import User, make_user, meeting_chat
from tests.harness.connector import Recorded, StandInConnector
from tests.harness.server import BotServer
from tests.shared import CORPUS, shared
from tests.test_attendance_e2e import Room, attendance_by_name, settled

BotFactory = Any


# --- driving ---------------------------------------------------------------------------------


class Recorder:
    """A room and its secretary; `line` sends as issue 10 addresses it."""

    def __init__(self, room: Room, secretary: User) -> None:
        self.room = room
        self.secretary = secretary

    async def send(
        self, text: str, *, user: User | None = None, mention: bool = True, **kw: Any
    ) -> list[Recorded]:
        act = await self.room.post(user or self.secretary, text, mention_bot=mention, **kw)
        return await self.room.replies(act)

    async def line(self, text: str, **kw: Any) -> list[Recorded]:
        """A recorder's command line during the meeting: no mention needed."""
        return await self.send(text, mention=False, **kw)

    async def click(
        self, user: User, action: dict[str, Any]
    ) -> tuple[dict[str, Any], list[Recorded]]:
        """Press a card button (Action.Execute); returns the invoke answer and what the
        command it ran posted to the chat (sent as new messages, not replies)."""
        server, connector = self.room.server, self.room.connector

        def is_send(r: Recorded) -> bool:
            return r.kind == "send"

        before = len(connector.sent(self.room.id)) and [
            r for r in connector.sent(self.room.id) if is_send(r)
        ]
        act = server.activities.invoke_action(
            action["verb"], action.get("data") or {}, user=user, conversation=self.room.conversation
        )
        status, body = await server.post(act)
        assert status == 200, (status, body)
        rows = await server.rows(
            OutboxMessage,
            OutboxMessage.source_activity_id == act["id"],
            OutboxMessage.coalesce_key.is_(None),
        )
        seen = len(before or [])
        sent = await connector.wait_for(seen + len(rows), self.room.id, where=is_send)
        return body, sent[seen:]


def said(sent: list[Recorded]) -> str:
    """Everything the replies say: texts, card text blocks and button titles."""
    parts: list[str] = []
    for r in sent:
        if r.text:
            parts.append(r.text)
        for card in r.cards:
            parts.extend(_card_strings(card))
    return "\n".join(parts)


def _card_strings(card: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for element in card.get("body") or []:
        if element.get("text"):
            out.append(str(element["text"]))
        for item in element.get("items") or []:
            if item.get("text"):
                out.append(str(item["text"]))
    out.extend(str(a.get("title", "")) for a in card.get("actions") or [])
    return out


def buttons(sent: list[Recorded]) -> dict[str, dict[str, Any]]:
    return {str(a.get("title")): a for r in sent for c in r.cards for a in c.get("actions") or []}


async def decisions_of_number(server: BotServer, meeting_id: int, number: int) -> list[Decision]:
    [item] = await server.rows(Item, Item.meeting_id == meeting_id, Item.number == number)
    return [
        d for d in await server.rows(Decision, Decision.item_id == item.id) if d.status == "valid"
    ]


async def statuses(server: BotServer, meeting_id: int) -> dict[str, str]:
    """Who is present, absent or partly present; a role given to someone who never checked
    in is stored as "unregistered", which is no attendance at all."""
    return {
        n: a.status
        for n, a in (await attendance_by_name(server, meeting_id)).items()
        if a.status != "unregistered"
    }


async def quorum_of(server: BotServer, meeting_id: int) -> tuple[int, int]:
    async with server.db.sessions() as session:
        meeting = await session.get(Meeting, meeting_id)
        assert meeting is not None
        q = await quorum(session, meeting)
        assert q is not None
        return q.present, q.members


async def person_count(server: BotServer) -> int:
    return await server.count(Person)


# --- the 004 meeting ---------------------------------------------------------------------------


async def test_replay_lsvo_as_the_secretary_types_it(
    make_bot_server: BotFactory, connector: StandInConnector, db_url: str
) -> None:
    server: BotServer = await make_bot_server(database_url=db_url)
    room = Room(server, connector, meeting_chat())
    mats = make_user("Mats Wennstig")
    rec = Recorder(room, mats)

    # Before the meeting: everything mentions the bot.
    assert "skapat" in said(await rec.send("organ: LSVO ledningsgrupp (LSVO)"))
    assert "lade till" in said(await rec.send("organ ledamöter: " + "\n".join(seed004.MEMBERS)))
    assert "2021-06-04 är öppnat" in said(await rec.send("öppna mötet: Sammanträde 4 juni 2021"))
    [meeting] = await server.rows(Meeting)
    people_before = await person_count(server)

    # Attendance, typed; one name misspelled, one unknown, one ambiguous.
    present = [seed004.name_of(e) for e in seed004.PRESENT]
    typed = [n for n in present if n not in ("Kjell Ivarsson", "Maria Appelskog")]
    await rec.line("närvarande: " + "; ".join(typed))
    misspelled = said(await rec.line("närvarande: Kjell Ivarson"))
    assert "Kjell Ivarsson (tolkat från ”Kjell Ivarson”)" in misspelled, misspelled
    unknown = await rec.line("närvarande: Finns Inte")
    text = said(unknown)
    assert "Finns Inte" in text and "Lägg till" in text, text
    assert await person_count(server) == people_before  # never invented
    ambiguous = await rec.line("närvarande: Maria")
    choices = buttons(ambiguous)
    assert {"Maria Appelskog", "Maria Arvidsson-Karlsson"} <= set(choices), choices
    assert "Maria Appelskog" not in await attendance_by_name(server, meeting.id)
    answer, _ = await rec.click(mats, choices["Maria Appelskog"])
    assert answer["statusCode"] == 200
    assert (await statuses(server, meeting.id))["Maria Appelskog"] == "present"
    await rec.line("frånvarande: " + "; ".join(seed004.name_of(e) for e in seed004.ABSENT))
    assert await person_count(server) == people_before

    by_status = await statuses(server, meeting.id)
    assert {n for n, s in by_status.items() if s == "present"} == {*present, "Mats Wennstig"}
    before_roles = await quorum_of(server, meeting.id)
    assert before_roles == (14, 21)

    # Roles: a second chair replaces the first; roles to absent members change nothing else.
    first = said(await rec.line("ordförande: Bodil Sundlöf"))
    assert "Bodil Sundlöf" in first
    second = said(await rec.line("ordförande: Kjell Ivarsson"))
    assert "Kjell Ivarsson" in second and "i stället för Bodil Sundlöf" in second, second
    [meeting] = await server.rows(Meeting)
    kjell = (await server.rows(Person, Person.display_name == "Kjell Ivarsson"))[0]
    assert meeting.chair_person_id == kjell.id
    rows = await attendance_by_name(server, meeting.id)
    assert [n for n, a in rows.items() if a.role == "ordforande"] == ["Kjell Ivarsson"]
    await rec.line("ordförande: Bodil Sundlöf")  # back as in the minutes
    await rec.line("justerare: Gunilla Råberg")  # absent
    await rec.line("justerare: Torill Skaar Magnusson")
    await rec.line("övrig: Mats Wennstig")  # the secretary stays secretary
    assert await statuses(server, meeting.id) == by_status
    assert await quorum_of(server, meeting.id) == before_roles
    rows = await attendance_by_name(server, meeting.id)
    assert rows["Gunilla Råberg"].is_justerare and rows["Gunilla Råberg"].status == "absent"
    [meeting] = await server.rows(Meeting)
    mats_person = (await server.rows(Person, Person.display_name == "Mats Wennstig"))[0]
    assert meeting.secretary_person_id == mats_person.id

    # Ersättare and jäv only for known people: refused, nothing stored.
    refused = said(await rec.line("ersättare: Okänd Ersättare för Gunilla Råberg"))
    assert "Okänd Ersättare" in refused and "`ersättare: Namn för Namn`" in refused, refused
    refused = said(await rec.line("ersättare: Carina Andersson för Okänd Ledamot"))
    assert "Okänd Ledamot" in refused, refused
    assert await statuses(server, meeting.id) == by_status
    assert await quorum_of(server, meeting.id) == before_roles
    assert await person_count(server) == people_before

    # Paragraphs and decisions, as the minutes write them.
    p = seed004.PARAGRAPHS
    await rec.line(seed004.heading_command(p[0]))  # § 113
    await rec.send(seed004.block_command(p[0]))  # the block form, mentioned
    await rec.line(seed004.heading_command(p[1]))  # § 114
    no_att = "Föregående sammanträdesprotokoll godkänns."
    assert "Beslutssatserna" not in said(await rec.line(f"beslut: {no_att}"))
    await rec.line(seed004.heading_command(p[2]))  # § 115
    await rec.line(seed004.colon_command(p[2]))
    await rec.line(seed004.heading_command(p[3]))  # § 116
    # A late decision to § 114, written the way the corpus writes it.
    late = said(await rec.send("beslut § 114: Protokollet läggs till handlingarna."))
    assert "§ 114" in late, late
    # A decision-like line is offered back, not searched.
    offered = await rec.send(
        "LSVO:s ledningsgrupp beslutar att ge samverkansgrupp vuxna i uppdrag att ta fram förslag"
    )
    text = said(offered)
    assert "Menade du `beslut:" in text and "Inga beslut hittades" not in text, text
    assert await decisions_of_number(server, meeting.id, 116) == []
    confirm = buttons(offered)
    assert len(confirm) == 1, confirm
    await rec.click(mats, next(iter(confirm.values())))
    [d116] = await decisions_of_number(server, meeting.id, 116)
    assert d116.phrase == "LSVO:s ledningsgrupp beslutar"
    assert d116.clauses == ["ge samverkansgrupp vuxna i uppdrag att ta fram förslag"]
    # No colon: the accepted form, and nothing stored.
    near = said(await rec.send("beslut att rekrytering inleds i september"))
    assert "Menade du `beslut: att rekrytering inleds i september`?" in near, near
    misspelt = said(await rec.send("beslt: att rekrytering inleds i september"))
    assert "Menade du `beslut: att rekrytering inleds i september`?" in misspelt, misspelt
    assert len(await decisions_of_number(server, meeting.id, 116)) == 1

    [d113] = await decisions_of_number(server, meeting.id, 113)
    assert (d113.phrase, d113.clauses) == (seed004.PHRASE, list(p[0].clauses))
    d114 = await decisions_of_number(server, meeting.id, 114)
    assert [(d.text, d.clauses) for d in d114] == [
        (no_att, []),
        ("Protokollet läggs till handlingarna.", []),
    ]
    [d115] = await decisions_of_number(server, meeting.id, 115)
    assert d115.clauses == list(p[2].clauses)
    shown = said(await rec.send("visa § 114", user=make_user("Kjell Ivarsson")))
    assert no_att in shown and "Protokollet läggs till handlingarna." in shown
    assert "**att** Protokollet" not in shown

    # Ambiguous amend: asks which, changes nothing.
    asked = await rec.send("ändra beslut § 114: Protokollet godkänns.")
    assert "Vilket" in said(asked), said(asked)
    assert [d.text for d in await decisions_of_number(server, meeting.id, 114)] == [
        no_att,
        "Protokollet läggs till handlingarna.",
    ]
    which = buttons(asked)
    assert len(which) == 2, which
    await rec.click(mats, which[next(k for k in which if "Protokollet läggs" in k)])
    assert [d.text for d in await decisions_of_number(server, meeting.id, 114)] == [
        no_att,
        "Protokollet godkänns.",
    ]

    # English.
    english = said(await rec.line("decision: that the project plan is approved", locale="en-US"))
    assert "§ 116" in english
    assert "Beslut" not in english and "beslut" not in english, english
    d116s = await decisions_of_number(server, meeting.id, 116)
    assert d116s[-1].text == "that the project plan is approved"

    # Wrong values: impossible dates and a § below the body's last.
    assignments_before = await server.count(Assignment)
    bad_date = said(
        await rec.line("uppdrag: Cecilia Grefve-Lang återkopplar till LSVO senast 31 februari")
    )
    assert "31 februari" in bad_date and "finns inte" in bad_date, bad_date
    assert "`uppdrag: Namn gör något till 3 september`" in bad_date, bad_date
    assert await server.count(Assignment) == assignments_before
    await rec.line(seed004.heading_command(p[4]))  # § 117
    low = await rec.line("§ 3 Något annat")
    assert "§ 3" in said(low) and "§ 117" in said(low), said(low)
    assert await server.count(Item, Item.number == 3) == 0
    jav = said(await rec.line("jäv: Finns Inte"))
    assert "Finns Inte" in jav
    assert await server.count(Jav) == 0
    assert await person_count(server) == people_before

    # History and the meeting id.
    history = said(await rec.send("historik § 113"))
    assert f"möte {meeting.id}" in history, history

    # Questions stay questions, from the secretary too.
    for question in ("beslut om samsjuklighet", "vad beslutades om FoU-avtal?"):
        assert "Menade du" not in said(await rec.send(question)), question
    english_near = said(await rec.send("decison: that the plan is approved", locale="en-US"))
    assert "Did you mean `decision: that the plan is approved`?" in english_near, english_near

    # Closing: the list is still there; opening again the same day is a new meeting.
    await rec.send("avsluta mötet")
    minutes = said(await rec.send("protokoll"))
    assert f"samverkansbot protokoll {meeting.id}" in minutes, minutes
    listed = said(await rec.send("närvarolista"))
    assert "Inget möte är öppet här" not in listed, listed
    await settled(server)
    reopened = said(await rec.send("öppna mötet"))
    assert "öppnat" in reopened and "återöppna mötet" in reopened, reopened
    assert await server.count(Meeting) == 2
    # Roles after closing still leave attendance alone.
    assert await statuses(server, meeting.id) == by_status


# --- the corpus meeting ------------------------------------------------------------------------

JLL_MEMBERS = [
    "Ann-Marie Johansson",
    "Alvi Berglund",
    "Siw Lundkvist",
    "Anna Hildebrand",
    "Berit Johansson",
    "Yngve Hamberg",
    "Annelie Bengtsson",
    "Lise Hjemgaard-Svensson",
    "Alf Lundin",
    "Gert Norman",
    "Bodil Sihm",
    "Kerstin Weimer",
    "Ingrid Gustafsson",
    "Margareta Glad",
]
JLL_DECISIONS = {
    42: "Preliminär föredragningslista fastställs som slutlig föredragningslista.",
    43: "Protokollet läggs till handlingarna.",
    44: "Beredningen godkänner rapporten.",
}


def test_the_corpus_meeting_says_what_the_replay_types() -> None:
    """The decisions and people typed below are the corpus document's own words."""
    source = shared(CORPUS / "14_jll-beredningen-vard-rehabilitering.txt").read_text("utf-8")
    for text in JLL_DECISIONS.values():
        assert text in source, text
    for name in [*JLL_MEMBERS, "Anneli Bengtsson", "Marie Holm Sherman"]:
        assert name in source, name


async def test_replay_corpus_meeting_as_the_secretary_types_it(
    make_bot_server: BotFactory, connector: StandInConnector, db_url: str
) -> None:
    server: BotServer = await make_bot_server(database_url=db_url)
    room = Room(server, connector, meeting_chat())
    marie = make_user("Marie Holm Sherman")
    rec = Recorder(room, marie)
    assert "skapat" in said(await rec.send("organ: Beredningen för vård och rehabilitering"))
    await rec.send("organ ledamöter: " + "; ".join(JLL_MEMBERS))
    impossible = said(await rec.send("öppna mötet: Sammanträde 31 april 2008"))
    assert "31 april" in impossible and "finns inte" in impossible, impossible
    assert await server.count(Meeting) == 0
    assert "öppnat" in said(await rec.send("öppna mötet: Sammanträde 14 april 2008"))
    [meeting] = await server.rows(Meeting)
    people_before = await person_count(server)

    # Written as minutes list people: commas and "och" between names the body knows.
    listed = said(
        await rec.line("närvarande: " + ", ".join(JLL_MEMBERS[:9]) + " och " + JLL_MEMBERS[9])
    )
    assert "Noterat – närvarande: " + ", ".join(JLL_MEMBERS[:10]) + "." in listed, listed
    await rec.line("återbud: Bodil Sihm; Kerstin Weimer")
    before = await statuses(server, meeting.id)
    q = await quorum_of(server, meeting.id)
    assert q == (10, 14)
    # The minutes' own spelling of the justerare differs from the register.
    just = said(await rec.line("justerare: Anneli Bengtsson"))
    assert "Annelie Bengtsson (tolkat från ”Anneli Bengtsson”)" in just, just
    # A role for someone who sent återbud, and for one never registered.
    await rec.line("justerare: Kerstin Weimer")
    await rec.line("ordförande: Margareta Glad")
    assert await statuses(server, meeting.id) == before
    assert await quorum_of(server, meeting.id) == q
    await rec.line("ordförande: Ann-Marie Johansson")
    rows = await attendance_by_name(server, meeting.id)
    assert [n for n, a in rows.items() if a.role == "ordforande"] == ["Ann-Marie Johansson"]
    assert rows["Margareta Glad"].status == "unregistered"
    assert await person_count(server) == people_before

    titles = {
        42: "Fastställande av föredragningslista",
        43: "Föregående protokoll",
        44: "Ekonomi",
        45: "Ungdomsmotioner",
    }
    for number in (42, 43):
        await rec.line(f"§ {number} {titles[number]}")
        await rec.line(f"beslut: {JLL_DECISIONS[number]}")
    await rec.line(f"§ 44 {titles[44]}")
    # The corpus sentence typed as a line: offered as a decision, one click stores it.
    offered = await rec.send(JLL_DECISIONS[44])
    assert f"Menade du `beslut: {JLL_DECISIONS[44]}`?" in said(offered), said(offered)
    [confirm] = buttons(offered).values()
    await rec.click(marie, confirm)
    for number, text in JLL_DECISIONS.items():
        [d] = await decisions_of_number(server, meeting.id, number)
        assert (d.text, d.clauses, d.phrase) == (text, [], None), (number, d.phrase)
    await rec.line(f"§ 45 {titles[45]}")
    await rec.line("beslut: att bifalla motion 26; att avslå motion 27 och 28")
    [d45] = await decisions_of_number(server, meeting.id, 45)
    assert d45.clauses == ["bifalla motion 26", "avslå motion 27 och 28"]

    # A § below the body's last needs the secretary's confirmation.
    low = await rec.line("§ 4 Övriga frågor")
    assert "§ 45" in said(low) and await server.count(Item, Item.number == 4) == 0
    [yes] = [a for t, a in buttons(low).items() if "§ 4" in t]
    await rec.click(marie, yes)
    assert await server.count(Item, Item.number == 4) == 1

    # Nothing was searched: no reply anywhere says "Inga beslut hittades".
    await settled(server)
    assert not any("Inga beslut hittades" in t for t in connector.texts(room.id))
    async with server.db.sessions() as session:
        kinds = (await session.scalars(select(Attendance.status))).all()
    assert set(kinds) <= {"present", "absent", "partial", "unregistered"}

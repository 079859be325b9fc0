"""A record built with the ORM from the four seed minutes (../shared/seeds/): the decisions,
items, people and attendance the ask tests need, written exactly as the minutes word them.

Independent of the importer's parser, so these tests fail only when search fails.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.text import name_key
from storage.models import (
    Assignment,
    Attendance,
    Body,
    Decision,
    Item,
    Meeting,
    Membership,
    Person,
    Tenant,
)
from tests import seed004

HOME = "tenant-home"
OTHER = "tenant-other"

FACT_ITEM_TEXT = (
    "Vid styrgruppsmötet i december fattades beslut om att arbeta vidare mot inriktningen att "
    "tillsätta en gemensam samordnare samt att kartlägga ACT- brukare och behov av denna insats i "
    "kommunerna. En arbetsgrupp har därefter tillsatts för att arbeta vidare med frågan. Ett "
    "förslag på annons har tagits fram och underlaget har bifogats till dagens mötesinbjudan. "
    "För att hålla ihop arbetet med bland annat F-ACT kommer en ny arbetsgrupp att tillsättas där "
    "F-ACT arbetet följs upp, Anna Burston är ordförande i den nya gruppen och kommer att "
    "kontinuerligt informera och lyfta upp aktuella frågorna tillbaka in i styrgruppen. "
    "Finansieringen föreslås vara genom de länsgemensamma medlen 2022, men att man kan förvänta "
    "sig att F-ACT samordningen sannolikt kommer att behöva pågå längre än så."
)
FACT_DECISION_1 = (
    "Styrgruppen ställer sig bakom förslaget med tillägget att förtydliga kring att målgruppen "
    "även är personer med missbruk/beroende."
)
FACT_DECISION_2 = (
    "Vuxenpsykiatrin ställer sig positiva till att ansvara för F-ACT-samordnarens anställning, "
    "vilket styrgruppen ställer sig bakom."
)
SAMSJUK_DECISION = (
    "Styrgruppen ställer sig positiva till att Lund tar ansvaret för utredning och kartläggning "
    "av målgruppen och att detta finansieras av de länsgemensamma medlen."
)
MEDEL_DECISION = (
    "Styrgruppen beslutar i enlighet med förslaget om fördelningen av de länsgemensamma medlen."
)
FACT_TEAM_CLAUSE = (
    "se över möjligheterna för att inrätta ett FACT-team i Sjuhärad och se över möjligheterna "
    "för projektfinansiering vid uppstart av FACT-team."
)
FACT_TEAM_TEXT = "Styrgrupp närvård har tagit beslut att " + FACT_TEAM_CLAUSE
SNORE_TEXT = (
    'Styrgrupp närård har beslutat att möjligheten att dra i "det röda snöret i samverkan" ska '
    "pausas under veckorna 25–32, 2025."
)
LSVO_116 = list(seed004.PARAGRAPHS[3].clauses)
LSVO_117 = list(seed004.PARAGRAPHS[4].clauses)
LSVO_118 = list(seed004.PARAGRAPHS[5].clauses)


@dataclass
class Record:
    tenant: str
    bodies: dict[str, Body] = field(default_factory=dict)
    meetings: dict[str, Meeting] = field(default_factory=dict)
    items: dict[str, Item] = field(default_factory=dict)
    decisions: dict[str, Decision] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)


class _Builder:
    def __init__(self, session: AsyncSession, record: Record) -> None:
        self.session = session
        self.record = record

    async def body(self, key: str, name: str, short: str | None = None, **kw: Any) -> Body:
        body = Body(
            tenant_id=self.record.tenant,
            name=name,
            name_key=name_key(name),
            short_name=short,
            short_key=name_key(short) if short else None,
            **kw,
        )
        self.session.add(body)
        await self.session.flush()
        self.record.bodies[key] = body
        return body

    async def meeting(self, key: str, body: Body, date: dt.date, **kw: Any) -> Meeting:
        meeting = Meeting(tenant_id=self.record.tenant, body_id=body.id, date=date, **kw)
        self.session.add(meeting)
        await self.session.flush()
        self.record.meetings[key] = meeting
        return meeting

    async def item(
        self,
        key: str,
        meeting: Meeting,
        title: str,
        *,
        number: int | None = None,
        label: str | None = None,
        position: int = 0,
        **kw: Any,
    ) -> Item:
        scope = None
        if number is not None:
            body = await self.session.get(Body, meeting.body_id)
            assert body is not None
            scope = str(meeting.date.year) if body.numbering == "per_year" else f"m{meeting.id}"
        item = Item(
            tenant_id=self.record.tenant,
            body_id=meeting.body_id,
            meeting_id=meeting.id,
            number=number,
            number_scope=scope,
            label=label or (str(number) if number is not None else None),
            is_paragraph=number is not None,
            position=position,
            title=title,
            **kw,
        )
        self.session.add(item)
        await self.session.flush()
        self.record.items[key] = item
        return item

    async def decision(
        self,
        key: str,
        item: Item,
        *,
        phrase: str | None,
        clauses: list[str] | None = None,
        text: str | None = None,
        reported_by_body: str | None = None,
        position: int = 1,
    ) -> Decision:
        decision = Decision(
            tenant_id=self.record.tenant,
            item_id=item.id,
            meeting_id=item.meeting_id,
            position=position,
            phrase=phrase,
            clauses=list(clauses or []),
            text=text,
            reported_by_body=reported_by_body,
            source="import",
        )
        self.session.add(decision)
        await self.session.flush()
        self.record.decisions[key] = decision
        return decision

    async def person(self, name: str, organisation: str | None = None) -> Person:
        person = Person(
            tenant_id=self.record.tenant,
            display_name=name,
            name_key=name_key(name),
            organisation=organisation,
        )
        self.session.add(person)
        await self.session.flush()
        self.record.people[name] = person
        return person

    async def attend(
        self, meeting: Meeting, person: Person, status: str = "present", **kw: Any
    ) -> None:
        self.session.add(
            Attendance(
                meeting_id=meeting.id, person_id=person.id, status=status, source="import", **kw
            )
        )
        await self.session.flush()


async def build_record(session: AsyncSession, tenant: str = HOME) -> Record:
    """The four seed meetings, as far as the questions need them."""
    record = Record(tenant)
    if await session.get(Tenant, tenant) is None:
        session.add(Tenant(id=tenant, name=tenant))
        await session.flush()
    b = _Builder(session, record)

    # 000: Delregional samverkan, Mellersta Skåne, styrgruppsmöte 2022-02-11.
    mellersta = await b.body(
        "mellersta", "Delregional samverkan Mellersta Skåne", form="minnesanteckningar"
    )
    m0 = await b.meeting(
        "2022-02-11",
        mellersta,
        dt.date(2022, 2, 11),
        status="closed",
        source="import",
        place="Teams",
        form="minnesanteckningar",
    )
    fact = await b.item("fact", m0, "F-ACT", position=1, text=FACT_ITEM_TEXT)
    await b.decision("fact1", fact, phrase="Styrgruppen ställer sig bakom", text=FACT_DECISION_1)
    await b.decision(
        "fact2", fact, phrase="Styrgruppen ställer sig bakom", text=FACT_DECISION_2, position=2
    )
    samsjuk = await b.item(
        "samsjuk",
        m0,
        "Integrerade arbetssätt/samsjuklighet",
        position=2,
        text=(
            "Vid styrgruppsmötet i december beslutades det att i enlighet med förslaget från "
            "arbetsgruppen missbruk och beroende att arbeta vidare med kartläggning av stöd till "
            "personer i samsjuklighet. Målgruppen som beskrivs ovan kan kopplas till den "
            "nationella samsjuklighetsutredningen."
        ),
    )
    await b.decision(
        "samsjuk", samsjuk, phrase="Styrgruppen ställer sig positiva till", text=SAMSJUK_DECISION
    )
    await b.item(
        "suicid",
        m0,
        "Suicidprevention",
        position=3,
        text=(
            "Vid föregående styrgruppsmöte i december beslutades att en arbetsgrupp skulle "
            "tillsättas. En folhälsostrateg som i Lund arbetar kommunövergripande har utsetts som "
            "projektledare. Syftet är att kartlägga vilka aktiviteter som redan pågår och vilket "
            "behov som finns för att få mer kraft i det fortsatta arbetet kring suicidprevention."
        ),
    )
    medel = await b.item(
        "medel",
        m0,
        "Länsgemensamma medel för 2022",
        position=4,
        text=(
            "De Länsgemensamma medlen för 2022 är i stort sett detsamma som för 2021. Det rör sig "
            "om ca 9 miljoner kronor för vår delregion Mellersta Skåne."
        ),
    )
    await b.decision("medel", medel, phrase="Styrgruppen beslutar", text=MEDEL_DECISION)

    # 002: Uppdragsgrupp Psykisk hälsa (Närvårdssamverkan Södra Älvsborg) 2025-04-03.
    uph = await b.body(
        "uph", "Uppdragsgrupp Psykisk hälsa", numbering="per_meeting", form="minnesanteckningar"
    )
    m2 = await b.meeting(
        "2025-04-03",
        uph,
        dt.date(2025, 4, 3),
        status="closed",
        source="import",
        next_meeting_date=dt.date(2025, 5, 6),
        next_meeting_text="Nästa möte blir den 6 maj och genomförs fysiskt.",
    )
    avtal = await b.item("avtal", m2, "Samverkansavtal", label="3", position=3, text=SNORE_TEXT)
    await b.decision(
        "snore",
        avtal,
        phrase="Styrgrupp närård har beslutat",
        clauses=[SNORE_TEXT.split(" att ", 1)[1]],
        text=SNORE_TEXT,
        reported_by_body="Styrgrupp närård",
    )
    beroende = await b.item(
        "beroende",
        m2,
        "Integrerad beroendemottagning",
        label="5",
        position=5,
        text=(
            "Mikael Szanto presenterar arbetet med integrerad beroendevård för samsjukliga. "
            "Förslaget som fortsatt ska arbetas med innebär att ett FACT-team inrättas i samverkan. "
            "FACT står för Flexible Assertive Community Treatment."
        ),
    )
    await b.decision(
        "factteam",
        beroende,
        phrase="Styrgrupp närvård har tagit beslut",
        clauses=[FACT_TEAM_CLAUSE],
        text=FACT_TEAM_TEXT,
        reported_by_body="Styrgrupp närvård",
    )
    ingelhag = await b.person("Anna-Lena Ingelhag", "Regional primärvård")
    hardtmann = await b.person("Anna-Lena Hardtmann", "Närårdskontoret")
    await b.attend(m2, ingelhag, role="ordforande")
    await b.attend(m2, hardtmann, role="sekreterare")

    # 003: Specifika samverkansrådet …, Region Örebro län, 2024-05-17, justerat 2024-06-14.
    rad = await b.body(
        "rad",
        "Specifika samverkansrådet för social välfärd samt vård och omsorg",
        numbering="per_meeting",
    )
    m3 = await b.meeting(
        "2024-05-17",
        rad,
        dt.date(2024, 5, 17),
        status="justerat",
        source="import",
        justerat_on=dt.date(2024, 6, 14),
        justering_how="via e-post",
        next_meeting_date=dt.date(2024, 9, 20),
        next_meeting_text="Nästa träff är den 20 september klockan 09-12.",
    )
    await b.item(
        "arsberattelse",
        m3,
        "Nära vård årsberättelse 2023 och exempel",
        label="9",
        position=9,
        status="utgar",
        outcome="Ärendet utgår på grund av tidsbrist.",
    )
    steen = await b.person("Jenny Steen", "Region Örebro län")
    tina = await b.person("Tina Johansson", "Laxå kommun")
    malin = await b.person("Malin Duckert Ek", "Region Örebro län")
    kallgren = await b.person("Mayvor Källgren", "Degerfors kommun")
    sundberg = await b.person("Ingela Sundberg", "Degerfors kommun")
    await b.attend(m3, steen, role="ordforande")
    await b.attend(m3, tina, role="ersattare", is_justerare=True)
    await b.attend(m3, malin, role="sekreterare")
    await b.attend(m3, kallgren, status="absent", role="ledamot", absence_kind="aterbud")
    await b.attend(m3, sundberg, role="ersattare", substitute_for_person_id=kallgren.id)

    # 004: LSVO ledningsgrupp, Samverkan Blekinge, 2021-06-04, § 113–§ 123.
    lsvo = await b.body("lsvo", "LSVO ledningsgrupp", "LSVO")
    m4 = await b.meeting("2021-06-04", lsvo, dt.date(2021, 6, 4), status="closed", source="import")
    i116 = await b.item(
        "116",
        m4,
        "Samsjuklighet: Projektplan, fortsatt arbete",
        number=116,
        position=4,
        presenters="Farhad Haddad-Nik och Margareta Jansson",
        text=(
            "Farhad Haddad-Nik presenterar huvuddragen i Sammanhållen Vårdprocess för personer med "
            "Samsjuklighet i Blekinge (SVS i Blekinge)."
        ),
    )
    await b.decision("116", i116, phrase="LSVO:s ledningsgrupp beslutar", clauses=LSVO_116)
    i117 = await b.item(
        "117",
        m4,
        "FoU-avtal 2022-",
        number=117,
        position=5,
        presenters="Torill Skaar-Magnusson, Kjell Ivarsson och Mats Wennstig",
        text="Föredragande beskriver den förändring i §1 som gjorts avseende skolans inkludering i avtalet.",
    )
    await b.decision("117", i117, phrase="LSVO:s ledningsgrupp beslutar", clauses=LSVO_117)
    i118 = await b.item("118", m4, "Länsdialoger med Strategi för hälsa", number=118, position=6)
    d118 = await b.decision("118", i118, phrase="LSVO:s ledningsgrupp beslutar", clauses=LSVO_118)
    sundlof = await b.person("Bodil Sundlöf", "Region Blekinge")
    grefve = await b.person("Cecilia Grefve-Lang", "Karlskrona kommun")
    wennstig = await b.person("Mats Wennstig", "Region Blekinge")
    raberg = await b.person("Gunilla Råberg", "Karlskrona kommun")
    await b.attend(m4, sundlof, role="ordforande")
    await b.attend(m4, grefve, role="ledamot")
    await b.attend(m4, wennstig, role="sekreterare")
    await b.attend(m4, raberg, status="absent", role="ledamot")
    session.add(Membership(body_id=lsvo.id, person_id=grefve.id, role="ledamot"))
    session.add(
        Assignment(
            tenant_id=tenant,
            body_id=lsvo.id,
            meeting_id=m4.id,
            item_id=i118.id,
            decision_id=d118.id,
            assignee_text="Cecilia Grefve-Lang",
            assignee_person_id=grefve.id,
            what="tar en inledande kontakt med Jesper Ekberg på SKR och återkopplar därefter till LSVO",
            due_date=dt.date(2021, 9, 3),
            due_text="till LSVO:s möte den 3 september",
        )
    )
    session.add(
        Assignment(
            tenant_id=tenant,
            body_id=uph.id,
            meeting_id=m2.id,
            item_id=beroende.id,
            assignee_text="Mikael Szanto",
            what="kontaktar Anna-Lena Ingelbag för fortsatt dialog kring information till vårdcentralerna",
            due_date=None,
        )
    )
    await session.flush()
    return record

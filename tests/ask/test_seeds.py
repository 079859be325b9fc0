"""Over the four seed minutes imported with the importer (dialogs/importer): the issue's
"done when" questions, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from dialogs.importer import parse_minutes, read_document
from dialogs.importer.store import store_minutes
from storage.db import Database
from tests.ask.conftest import Ask
from tests.conftest import Snapshots
from tests.shared import SEEDS, shared

HOME = "tenant-seeds"
OTHER = "tenant-seeds-other"


async def import_seeds(database: Database, tenant: str, names: list[str]) -> None:
    for name in names:
        path = next(SEEDS.glob(f"{name}_*.txt"))
        read = read_document(path)
        parsed = parse_minutes(read.text, path.name)
        async with database.transaction() as session:
            await store_minutes(session, tenant, parsed, read)


@pytest.fixture
async def seeded(database: Database, snapshots: Snapshots) -> None:
    """The four seeds imported for HOME and 004 for OTHER, once per engine (then copied)."""
    shared(SEEDS)

    async def build() -> None:
        await import_seeds(database, HOME, ["000", "002", "003", "004"])
        await import_seeds(database, OTHER, ["004"])

    await snapshots.restore_or_build("ask-seeds", database, build)


async def test_fact_over_the_imported_minutes(seeded: None, asking: Ask) -> None:
    answer = await asking("vad beslutades om F-ACT?", tenant=HOME)
    top = answer.hits[:3]
    assert [(h.body, h.date, h.kind) for h in top] == [
        ("Delregional samverkan, Mellersta Skåne", "2022-02-11", "decision"),
        ("Delregional samverkan, Mellersta Skåne", "2022-02-11", "decision"),
        ("Uppdragsgrupp Psykisk hälsa", "2025-04-03", "decision"),
    ]
    texts = [h.text for h in top]
    assert any(t.startswith("Styrgruppen ställer sig bakom förslaget med tillägget") for t in texts)
    assert any("F-ACT-samordnarens anställning" in t for t in texts)
    assert any(
        t.startswith("Styrgrupp närvård har tagit beslut att se över möjligheterna") for t in texts
    )
    reported = top[2]
    assert reported.title == "Integrerad beroendemottagning" and reported.paragraph == "punkt 5"
    assert "rapporterat beslut, fattat av Styrgrupp närvård" in answer.text
    assert {h.title for h in top[:2]} == {"F-ACT"}

    english = await asking("what was decided about FACT?", tenant=HOME)
    # Discussion text among the hits is never headed as decisions (issue 12).
    heading = (
        "**Decisions about “FACT”**"
        if all(h.kind == "decision" for h in english.hits)
        else "**From the record about “FACT”**"
    )
    assert english.text.startswith(heading)
    assert [(h.body, h.date) for h in english.hits[:3]] == [(h.body, h.date) for h in top]
    assert "reported decision, taken by Styrgrupp närvård" in english.text


@pytest.mark.parametrize("question", ['"', "*", "NEAR(", ":", "-", "x" * 5000, "') OR 1=1 --"])
async def test_hostile_input_over_the_imported_minutes(
    seeded: None, asking: Ask, question: str
) -> None:
    answer = await asking(question, tenant=HOME)
    # Nothing about decisions was asked: the empty answer does not speak of decisions.
    assert answer.hits == [] and answer.text.startswith("Inget hittades")


async def test_nothing_across_tenants(seeded: None, asking: Ask) -> None:
    # The other tenant has only LSVO (004): no F-ACT there, and no Mellersta hits.
    answer = await asking("vad beslutades om F-ACT?", tenant=OTHER)
    assert answer.hits == [] and answer.text.startswith("Inga beslut hittades")
    lsvo = await asking("vad har LSVO beslutat om samsjuklighet?", tenant=OTHER)
    mine = await asking("vad har LSVO beslutat om samsjuklighet?", tenant=HOME)
    assert [h.text for h in lsvo.hits] == [h.text for h in mine.hits]
    assert {h.meeting_id for h in lsvo.hits}.isdisjoint({h.meeting_id for h in mine.hits})


async def test_people_and_dates_over_the_imported_minutes(seeded: None, asking: Ask) -> None:
    chair = await asking("vem var ordförande 2024-05-17?", tenant=HOME)
    assert [h.text for h in chair.hits] == ["Jenny Steen, Region Örebro län"]
    present = await asking("vilka var närvarande på LSVO i juni 2021?", tenant=HOME)
    assert "Bodil Sundlöf" in present.hits[0].text
    assert "Gunilla Råberg" not in present.hits[0].text
    sub = await asking("vem ersätter Jerry Karjalainen?", tenant=HOME)
    assert [h.text for h in sub.hits] == ["Tina Johansson, Laxå kommun"]
    tasks = await asking("vilka uppdrag har Cecilia Grefve-Lang?", tenant=HOME)
    assert len(tasks.hits) == 1 and "Jesper Ekberg" in tasks.hits[0].text
    nxt = await asking("när är nästa möte i Uppdragsgrupp Psykisk hälsa?", tenant=HOME)
    assert [h.date for h in nxt.hits] == ["2025-05-06"]
    assert "6 maj" in nxt.hits[0].text

"""Import quality over the real corpus (../shared/corpus/), against structures written by hand.

Every corpus document goes through the real import path (read_document → parse_minutes →
store_minutes, the code `samverkansbot import` runs) into a fresh SQLite database, each in its
own tenant; what landed in the record is read back and compared with
tests/importer/expected/<stem>.json (format: tests/importer/expected/README.md):

- people: (name, status); names equal after Unicode NFC, whitespace folding and casefolding;
- items: number (when the annotation gives one) and title, equal after the same folding, or
  the stored title starting with the expected one;
- decisions: a stored decision matches an expected one when its normalised text equals or
  contains the expected wording (one stored decision with three att-clauses can match three);
- assignments: owner equal (or one contains the other as words, or both name the same set of
  people: "Helen och Johan" = "Helen, Johan") and the stored text equals or contains the
  expected text, or the other way round.

Meetings are paired in order when a document holds two. Precision and recall are summed over
documents (micro average) per split, dev and test, as the annotation says; a document without
an annotation counts only for "imported".

A third group, "shapes", is our own short texts in the layouts of public minutes outside the
corpus (tests/importer/shapes/<topic>/, each .txt beside its .json with the source page of the
layout): attendance/ is scored on people, items/ on items, decisions and assignments, complete/
(whole minutes) on all four. It is dev
material, reported on its own and never mixed into the corpus's dev or test figures.

A fourth group, "real", is excerpts of real public minutes from outside the corpus
(tests/importer/real/<topic>/, laid out as shapes/, each .json naming its source page), annotated
by hand and committed before the importer first ran on them. Its first run is a fresh
measurement of how the rules generalise (the commit that adds an excerpt quotes it); after that
it is dev material like shapes.

    .venv/bin/python bench/import_quality.py [--corpus DIR] [--expected DIR] [--shapes DIR]
                                             [--real DIR] [--verbose [--show-test]]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import tempfile
import traceback
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from dialogs.importer import parse_minutes, read_document  # noqa: E402
from dialogs.importer.model import DOCUMENT_SOURCES  # noqa: E402
from dialogs.importer.store import (  # noqa: E402
    ImportRefused,
    choose_body_name,
    store_minutes,
)
from storage.db import Database  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from storage.models import Assignment, Attendance, Decision, Item, Meeting, Person  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
EXPECTED = ROOT / "tests" / "importer" / "expected"
SHAPES = ROOT / "tests" / "importer" / "shapes"
# What each shape folder annotates; the rest of its expectation is left empty.
# bodies/ holds openings (the first lines of minutes) gathered for the body's name: scored on
# people, date and body; their items run past the excerpt and are not annotated.
# complete/ holds whole minutes (or an opening with attendance and several whole items): scored
# on every kind.
SHAPE_KINDS = {
    "attendance": ("people",),
    "items": ("items", "decisions", "assignments"),
    "bodies": ("people",),
    "complete": ("people", "items", "decisions", "assignments"),
}
REAL = ROOT / "tests" / "importer" / "real"
SPLITS = ("dev", "test", "shapes", "real")
GROUPS = ("shapes", "real")  # folders of <topic>/<text>.txt + .json, scored by topic
KINDS = ("people", "items", "decisions", "assignments")


def fold(text: str | None) -> str:
    """NFC, markdown emphasis gone, whitespace folded, casefolded."""
    text = unicodedata.normalize("NFC", text or "")
    text = re.sub(r"[*_~`]+", "", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


def fold_wording(text: str | None) -> str:
    """A decision's or assignment's wording: folded, without a trailing period or a label."""
    text = fold(text)
    text = re.sub(r"^(?:beslut|uppdrag|ansvarig)\s*:\s*", "", text)
    return text.rstrip(" .;:,")


def fold_number(text: str | None) -> str:
    return re.sub(r"^(?:§|punkt|ärende)\s*", "", fold(text)).rstrip(".) ")


@dataclass
class Count:
    true_pos: int = 0  # expected entries found
    expected: int = 0
    correct: int = 0  # stored entries that match an expected one
    got: int = 0

    def add(self, other: Count) -> None:
        self.true_pos += other.true_pos
        self.expected += other.expected
        self.correct += other.correct
        self.got += other.got

    def recall(self) -> float | None:
        return self.true_pos / self.expected if self.expected else None

    def precision(self) -> float | None:
        return self.correct / self.got if self.got else None


@dataclass
class Stored:
    people: list[tuple[str, str]] = field(default_factory=list)
    items: list[tuple[str, str]] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    assignments: list[tuple[str, str]] = field(default_factory=list)
    date: str | None = None


@dataclass
class DocResult:
    name: str
    split: str | None
    imported: bool
    error: str | None = None
    counts: dict[str, Count] = field(default_factory=lambda: {k: Count() for k in KINDS})
    dates_right: int = 0
    dates_expected: int = 0
    # The body the minutes name (title, header, "Protokoll fört vid …", opening lines), as the
    # import's summary gives it before any --body or folder name.
    bodies_right: int = 0
    bodies_expected: int = 0
    misses: list[str] = field(default_factory=list)


def _score(expected: list[Any], got: list[Any], same: Any, label: str, misses: list[str]) -> Count:
    count = Count(expected=len(expected), got=len(got))
    for e in expected:
        if any(same(e, g) for g in got):
            count.true_pos += 1
        else:
            misses.append(f"  missing {label}: {e}")
    for g in got:
        if any(same(e, g) for e in expected):
            count.correct += 1
        else:
            misses.append(f"  extra {label}: {g}")
    return count


def _same_person(e: tuple[str, str], g: tuple[str, str]) -> bool:
    return e == g


def _same_item(e: tuple[str, str], g: tuple[str, str]) -> bool:
    number, title = e
    if number and fold_number(g[0]) != number:
        return False
    title, stored = title.rstrip(" .:;"), g[1].rstrip(" .:;")
    return stored == title or (bool(title) and stored.startswith(title))


def _same_decision(e: str, g: str) -> bool:
    return bool(e) and e in g


def _words_contain(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (f" {a} " in f" {b} " or f" {b} " in f" {a} ")


def _owner_names(owner: str) -> frozenset[str]:
    """ "helen och johan", "helen, johan" and "johan & helen" name the same owners."""
    parts = re.split(r"\s*(?:,|;|/|&|\boch\b)\s*", owner)
    return frozenset(p for p in parts if p)


def _same_assignment(e: tuple[str, str], g: tuple[str, str]) -> bool:
    names_e, names_g = _owner_names(e[0]), _owner_names(g[0])
    owner_ok = _words_contain(e[0], g[0]) or (len(names_e) > 1 and names_e == names_g)
    return owner_ok and bool(e[1]) and (e[1] in g[1] or (bool(g[1]) and g[1] in e[1]))


def expected_of(meeting: dict[str, Any]) -> Stored:
    return Stored(
        people=[(fold(p["name"]), p["status"]) for p in meeting.get("people", [])],
        items=[
            (fold_number(i.get("number")) if i.get("number") else "", fold(i.get("title")))
            for i in meeting.get("items", [])
        ],
        decisions=[fold_wording(d["text"]) for d in meeting.get("decisions", [])],
        assignments=[
            (fold(a.get("owner")), fold_wording(a["text"])) for a in meeting.get("assignments", [])
        ],
        date=meeting.get("date"),
    )


async def stored_meetings(db: Database, after_id: int) -> list[Stored]:
    out: list[Stored] = []
    async with db.transaction() as session:
        meetings = (
            await session.scalars(select(Meeting).where(Meeting.id > after_id).order_by(Meeting.id))
        ).all()
        for meeting in meetings:
            found = Stored(date=meeting.date.isoformat())
            rows = await session.execute(
                select(Person.display_name, Attendance.status)
                .join(Person, Person.id == Attendance.person_id)
                .where(Attendance.meeting_id == meeting.id)
                .order_by(Attendance.id)
            )
            found.people = [(fold(name), status) for name, status in rows]
            items = await session.execute(
                select(Item.label, Item.title)
                .where(Item.meeting_id == meeting.id)
                .order_by(Item.position)
            )
            found.items = [(fold_number(label), fold(title)) for label, title in items]
            decisions = await session.scalars(
                select(Decision).where(Decision.meeting_id == meeting.id).order_by(Decision.id)
            )
            for d in decisions:
                text = d.text or "\n".join([d.phrase or "", *("att " + c for c in d.clauses)])
                found.decisions.append(fold_wording(text))
            assignments = await session.execute(
                select(Assignment.assignee_text, Assignment.what)
                .where(Assignment.meeting_id == meeting.id)
                .order_by(Assignment.id)
            )
            found.assignments = [(fold(who), fold_wording(what)) for who, what in assignments]
            out.append(found)
    return out


async def import_one(
    db: Database, path: Path, tenant: str
) -> tuple[list[Stored], str | None, str | None]:
    """What landed, the refusal or traceback, and the body the document itself names."""
    async with db.transaction() as session:
        last = await session.scalar(select(func.max(Meeting.id))) or 0
    named: str | None = None
    try:
        read = read_document(path)
        parsed = parse_minutes(read.text, path.name)
        named = parsed.body_name if parsed.body_source in DOCUMENT_SOURCES else None
        # As `samverkansbot import --yes` without --body: the document's name, else the folder's.
        name, source = choose_body_name(parsed, None, folder=path.parent.name)
        async with db.transaction() as session:
            await store_minutes(
                session,
                tenant,
                parsed,
                read,
                body_name=None if source in DOCUMENT_SOURCES else name,
                source="import",
            )
    except ImportRefused as err:
        return [], f"refused: {err.sv}", named
    except Exception:
        return [], "traceback: " + traceback.format_exc().strip().splitlines()[-1], named
    return await stored_meetings(db, last), None, named


def same_body(want: str, got: str | None) -> bool:
    """The same body when equal after folding, or when one name holds the other as whole words
    ("Socialberedningen" / "Socialberedningen i Norrbotten"; "Direktionen" / "Direktionen,
    Medelpads Räddningstjänstförbund": a comma or a bracket beside a word leaves it whole)."""
    a = " ".join(re.findall(r"[^\W_]+(?:[-:'][^\W_]+)*", fold(want)))
    b = " ".join(re.findall(r"[^\W_]+(?:[-:'][^\W_]+)*", fold(got or "")))
    if not b:
        return False
    return a == b or f" {b} " in f" {a} " or f" {a} " in f" {b} "


def compare(
    name: str,
    expected: dict[str, Any] | None,
    got: list[Stored],
    error: str | None,
    body: str | None = None,
) -> DocResult:
    result = DocResult(
        name=name, split=expected.get("split") if expected else None, imported=error is None
    )
    result.error = error
    if expected is None:
        return result
    wanted = [expected_of(m) for m in expected.get("meetings", [])]
    if expected.get("body"):
        result.bodies_expected = 1
        result.bodies_right = int(same_body(expected["body"], body))
        if not result.bodies_right:
            result.misses.append(f"  body: want {expected['body']!r}, named {body!r}")
    kinds = SHAPE_KINDS.get(expected.get("topic", ""), KINDS) if result.split in GROUPS else KINDS
    for n, want in enumerate(wanted):
        have = got[n] if n < len(got) else Stored()
        prefix = f"meeting {n + 1}: " if len(wanted) > 1 else ""
        for kind, same in (
            ("people", _same_person),
            ("items", _same_item),
            ("decisions", _same_decision),
            ("assignments", _same_assignment),
        ):
            if kind not in kinds:
                continue
            result.counts[kind].add(
                _score(getattr(want, kind), getattr(have, kind), same, prefix + kind, result.misses)
            )
        if want.date:
            result.dates_expected += 1
            result.dates_right += int(have.date == want.date)
    for extra in got[len(wanted) :]:
        for kind in kinds:
            result.counts[kind].got += len(getattr(extra, kind))
    return result


def pct(value: float | None) -> str:
    return "   –  " if value is None else f"{100 * value:5.1f}%"


def line(label: str, counts: dict[str, Count]) -> str:
    cells = [
        f"{kind[:6]:>6} R {pct(counts[kind].recall())} P {pct(counts[kind].precision())}"
        for kind in KINDS
    ]
    return f"{label:<58} " + " | ".join(cells)


def load(corpus: Path, expected_dir: Path) -> list[tuple[Path, dict[str, Any] | None]]:
    out: list[tuple[Path, dict[str, Any] | None]] = []
    for path in sorted(
        p for p in corpus.resolve().iterdir() if p.is_file() and p.name != "INDEX.md"
    ):
        expected_path = expected_dir / f"{path.stem}.json"
        expected = (
            json.loads(expected_path.read_text(encoding="utf-8"))
            if expected_path.exists()
            else None
        )
        out.append((path, expected))
    return out


def load_shapes(folder: Path, split: str = "shapes") -> list[tuple[Path, dict[str, Any] | None]]:
    """Texts with their expectation beside them (shape texts, or real excerpts from outside
    the corpus): the split is the group's, the expectation's topic is its folder's name."""
    out: list[tuple[Path, dict[str, Any] | None]] = []
    for path in sorted(folder.glob("*/*.txt")):
        if path.with_suffix(".json").exists():
            expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            out.append((path, {**expected, "split": split, "topic": path.parent.name}))
    return out


async def run(
    docs: list[tuple[Path, dict[str, Any] | None]], verbose: bool, show_test: bool = False
) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+aiosqlite:///{tmp}/bench.db"
        await upgrade(url)
        db = Database(url)
        results: list[DocResult] = []
        try:
            for n, (path, expected) in enumerate(docs):
                got, error, body = await import_one(db, path, f"bench{n}")
                results.append(compare(path.name, expected, got, error, body))
        finally:
            await db.dispose()
    print("Per document (R = recall, P = precision; – = nothing expected / nothing stored)")
    for r in results:
        tag = r.split or "unannotated"
        status = "ok" if r.imported else r.error
        print(
            line(f"[{tag:>4}] {r.name[:48]}", r.counts)
            + f"  date {r.dates_right}/{r.dates_expected}  {status}"
        )
        # The test split is only reported: its misses are not listed unless asked for, so that
        # tuning on dev never reads them by accident.
        if verbose and (r.split != "test" or show_test):
            for miss in r.misses:
                print(miss)
    print()
    for split in SPLITS:
        split_docs = [r for r in results if r.split == split]
        total = {k: Count() for k in KINDS}
        for r in split_docs:
            for kind in KINDS:
                total[kind].add(r.counts[kind])
        imported = sum(r.imported for r in split_docs)
        dates = sum(r.dates_right for r in split_docs), sum(r.dates_expected for r in split_docs)
        bodies = sum(r.bodies_right for r in split_docs), sum(r.bodies_expected for r in split_docs)
        print(line(f"{split.upper()} ({len(split_docs)} documents)", total))
        print(
            f"    {split}: imported without refusal or traceback {imported}/{len(split_docs)}; "
            f"date right {dates[0]}/{dates[1]}; body named right {bodies[0]}/{bodies[1]}"
        )
        for kind in KINDS:
            c = total[kind]
            print(
                f"    {kind:<12} found {c.true_pos}/{c.expected} expected, "
                f"{c.correct}/{c.got} stored were right"
            )
    corpus = [r for r in results if r.split not in GROUPS]
    all_imported = sum(r.imported for r in corpus)
    print(
        f"ALL: {all_imported}/{len(corpus)} corpus documents imported without refusal or traceback"
    )
    for r in results:
        if not r.imported:
            print(f"    {r.name}: {r.error}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--expected", type=Path, default=EXPECTED)
    parser.add_argument("--shapes", type=Path, default=SHAPES)
    parser.add_argument("--real", type=Path, default=REAL)
    parser.add_argument(
        "--verbose", action="store_true", help="list every miss and extra (not of the test split)"
    )
    parser.add_argument(
        "--show-test",
        action="store_true",
        help="with --verbose, list the test split's misses too (to report them, never to tune on)",
    )
    args = parser.parse_args()
    docs = (
        load(args.corpus, args.expected) + load_shapes(args.shapes) + load_shapes(args.real, "real")
    )
    return asyncio.run(run(docs, args.verbose, args.show_test))


if __name__ == "__main__":
    raise SystemExit(main())

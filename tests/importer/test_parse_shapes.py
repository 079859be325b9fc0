"""Shapes real minutes have (../shared/corpus/), each on a small text of our own: markup
headings, presence columns, attendance flattened from a PDF, passive decisions, lists under
"Beslut:", 'Name fixar …' assignments, dates."""

from __future__ import annotations

import datetime as dt

from dialogs.importer import parse_minutes, read_bytes


def test_latex_sections_are_numbered_items_and_author_is_the_body() -> None:
    tex = r"""% a comment
\documentclass{article}
\title{Styrelsemöte 3}
\author{Föreningen Exempel}
\date{2022-02-02}
\begin{document}
\maketitle
\section{Mötets öppnande}
Mötet öppnades.
\section{Formalia}
\subsection{Val av justerare}
\subsubsection*{Förslag}
\begin{itemize}
  \item Eva Ek väljs till justerare.
\end{itemize}
\subsubsection*{Beslut}
\begin{itemize}
  \item förslaget bifalles
\end{itemize}
\appendix
\section{Stadgar}
Föreningens namn är Exempel.
\end{document}
"""
    text = read_bytes(tex.encode(), "m.tex").text
    m = parse_minutes(text, "m.tex")
    assert (m.body_name, m.date) == ("Föreningen Exempel", dt.date(2022, 2, 2))
    assert [(i.number, i.title) for i in m.items] == [
        ("1", "Mötets öppnande"),
        ("2", "Formalia"),
        ("2.1", "Val av justerare"),
    ]
    # The proposal is not a decision; the Beslut list is; the appendix is no item.
    assert [c for d in m.items[2].decisions for c in d.clauses] == ["förslaget bifalles"]


def test_presence_column_rows_and_kallade() -> None:
    m = parse_minutes(
        "# Styrelsemöte\n\nDatum: 2021-03-04\n\nKallade: Anna Berg, Bo Ek, Cecilia Dahl\n\n"
        "Närvarande: Anna Berg, Cecilia Dahl\n\nÖvriga:\nDan Lund, Ja\nEva Holm, Nej\n"
        "Fia Ro, Ja, lämnade vid 2.1\n\n## 1. Öppnande\nMötet öppnades.\n\n## 2. Avslut\nKlart.\n"
    )
    assert [(p.name, p.status) for p in m.people] == [
        ("Anna Berg", "present"),
        ("Bo Ek", "absent"),
        ("Cecilia Dahl", "present"),
        ("Dan Lund", "present"),
        ("Eva Holm", "absent"),
        ("Fia Ro", "partial"),
    ]


def test_attendance_flattened_into_one_line() -> None:
    line = (
        "1 1 (4) Protokoll Tid: 13.00 Närvarande Ledamöter Karin Lund (S), ordförande "
        "Olof Berg (M) Sara Nyström (C) ersätter Per Holm Anders Ek (S), tjg ersättare, 104 "
        "Övriga Lena Fors, nämndsekreterare Ej närvarande Mats Ahl Utses att justera Olof Berg"
    )
    m = parse_minutes(line + "\n\nMer text.\n")
    assert [(p.name, p.status) for p in m.people] == [
        ("Karin Lund", "present"),
        ("Olof Berg", "present"),
        ("Sara Nyström", "present"),
        ("Per Holm", "absent"),
        ("Anders Ek", "partial"),
        ("Lena Fors", "present"),
        ("Mats Ahl", "absent"),
    ]
    assert "ordforande" in m.people[0].roles


def test_decisions_in_any_phrasing_and_lists_under_beslut() -> None:
    m = parse_minutes(
        "Protokoll årsmöte Föreningen Exempel 2020-05-05\n\n"
        "§ 1 Dagordning\nDagordningen godkändes.\n\n"
        "§ 2 Val av ordförande\nÅrsmötet valde Anna Berg till ordförande.\n\n"
        "§ 3 Revisor\nNy revisor behöver utses. Det beslutades att frågan bordläggs.\n\n"
        "§ 4 Budget\nBeslut:\n1. Budgeten fastställs.\n2. Avgiften blir 100 kr.\n\n"
        "§ 5 Övrigt\nGustav fixar lokalen. Föredragande informerar om läget.\n"
    )
    texts = {i.number: [d.text for d in i.decisions] for i in m.items}
    assert texts["1"] == ["Dagordningen godkändes."]
    assert texts["2"] == ["Årsmötet valde Anna Berg till ordförande."]
    assert texts["3"] == ["Det beslutades att frågan bordläggs."]
    assert [c for d in m.items[3].decisions for c in d.clauses] == [
        "Budgeten fastställs.",
        "Avgiften blir 100 kr.",
    ]
    assert [(a.assignees, a.what) for a in m.assignments] == [(["Gustav"], "fixar lokalen")]


def test_dates_as_minutes_write_them() -> None:
    assert parse_minutes("# Möte 24-10-21\n\nText.\n").date == dt.date(2024, 10, 21)
    assert parse_minutes(
        "Minnesanteckningar\n\nTisdagen den 12 juni 2012\n\n1. Öppnande\nText.\n2. Avslut\nSlut.\n"
    ).date == dt.date(2012, 6, 12)
    undated = parse_minutes("Bara text utan datum.\n", "styrgrupp-2019-03-26.txt")
    assert undated.date == dt.date(2019, 3, 26)
    assert "Mötets datum togs från filnamnet." in undated.warnings

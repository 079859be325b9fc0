"""Source markup saved under .txt (or no extension) is read by its own reader when its marks are
unmistakable; plain text with a stray '#' or '*' line stays plain text."""

from __future__ import annotations

import pytest

from dialogs.importer.readers import read_bytes

TYPST = """#set heading(numbering: "1.")
#let today = datetime(year: 2025, month: 3, day: 4)
= Formalia
== Val av mötesordförande
Lisa Berg valdes.
"""
LATEX = """\\documentclass{article}
\\begin{document}
\\section{Mötets öppnande}
Ordföranden öppnade mötet.
\\end{document}
"""
ORG = """#+TITLE: Styrelsemöte 2025-03-04
* Mötets öppnande
Ordföranden öppnade mötet.
"""
FRONT_MATTER = """---
kommun: exempelby
organ: ks
typ: protokoll
---

# Kommunstyrelsen
"""
ASCIIDOC = """= Styrelsemöte 2025-03-04
:revdate: 2025-03-04

== Mötets öppnande
Ordföranden öppnade mötet.
"""
PLAIN = """Styrelsemöte 2025-03-04
# Mötets öppnande
* Ordföranden öppnade mötet.
= summa 3
"""


@pytest.mark.parametrize(
    ("text", "name", "fmt"),
    [
        (TYPST, "protokoll.txt", "typst"),
        (TYPST, None, "typst"),
        (LATEX, "protokoll.txt", "latex"),
        (ORG, "protokoll.txt", "org"),
        (ASCIIDOC, "protokoll.txt", "asciidoc"),
        (ASCIIDOC, "protokoll.adoc", "asciidoc"),
        (ASCIIDOC.replace(":revdate: 2025-03-04\n", ""), "protokoll.txt", "txt"),
        (PLAIN, "protokoll.txt", "txt"),
        (TYPST, "protokoll.md", "md"),  # an explicit Markdown extension is kept
        (FRONT_MATTER, "protokoll.txt", "md"),
    ],
)
def test_markup_in_a_text_file_is_read_as_markup(text: str, name: str | None, fmt: str) -> None:
    assert read_bytes(text.encode(), name).format == fmt


def test_typst_code_lines_are_no_items() -> None:
    from dialogs.importer import parse_minutes

    parsed = parse_minutes(read_bytes(TYPST.encode(), "protokoll.txt").text)
    titles = [i.title for i in parsed.items]
    assert titles and not any(t.lstrip("#").startswith(("set", "let")) for t in titles), titles
    assert any(t.endswith("Val av mötesordförande") for t in titles), titles
    assert parsed.date is not None and parsed.date.isoformat() == "2025-03-04"

"""The printed minutes: the PDF's pages rendered to images and looked at, and the DOCX's page set-up.

The PDF is rendered with PDFium (pypdfium2 ships it, so CI needs nothing else) and each page is
read as pixels: its size, its lines of text (rows of ink between white rows above the footer)
and its footer. A page whose body holds only one or two lines is the tail the layout must avoid.
"""

from __future__ import annotations

import io
import shutil
from dataclasses import replace
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from dialogs.minutes import MinutesDocument, render_docx
from dialogs.minutes.pdf import render_pdf
from dialogs.minutes.render import keep_with_next
from tests.minutes.test_render import (
    CLAUSES,
    TITLES,
    _assert_no_secret,
    office_to_pdf,
    seed_document,
)

A4_PT = (595.28, 841.89)
SCALE = 2  # 144 dpi: lines of 10.5 pt text are about 20 px high with clear gaps between them
FOOTER_BAND_PT = 2.0 * 72 / 2.54  # the footer sits in the bottom 2 cm, the body above it


def _ink_rows(image) -> list[bool]:  # type: ignore[no-untyped-def]
    # Ink (darker than light grey) becomes non-zero; the projection says which rows have any.
    ink = image.convert("L").point(lambda v: 255 if v < 140 else 0)
    return [bool(v) for v in ink.getprojection()[1]]


def _bands(rows: list[bool]) -> list[tuple[int, int]]:
    bands: list[tuple[int, int]] = []
    start = None
    for y, ink in enumerate([*rows, False]):
        if ink and start is None:
            start = y
        elif not ink and start is not None:
            bands.append((start, y))
            start = None
    return bands


def look(pdf: bytes) -> list[dict[str, object]]:
    """What each page shows: its size in points, its body lines, its footer and its text."""
    document = pdfium.PdfDocument(pdf)
    pages = []
    for page in document:
        width, height = page.get_size()
        image = page.render(scale=SCALE).to_pil()
        rows = _ink_rows(image)
        body_end = int((height - FOOTER_BAND_PT) * SCALE)
        pages.append(
            {
                "size": (width, height),
                "pixels": image.size,
                "body_lines": len(_bands(rows[:body_end])),
                "footer_lines": len(_bands(rows[body_end:])),
                "text": page.get_textpage().get_text_range(),
            }
        )
    return pages


@pytest.fixture(scope="module")
def seed_pages() -> list[dict[str, object]]:
    return look(render_pdf(seed_document()))


def test_pdf_of_the_004_meeting_is_a4_on_six_pages(seed_pages: list[dict[str, object]]) -> None:
    assert len(seed_pages) == 6
    for page in seed_pages:
        width, height = page["size"]  # type: ignore[misc]
        assert (round(width, 1), round(height, 1)) == (595.3, 841.9)
        assert page["pixels"] == (round(A4_PT[0] * SCALE), round(A4_PT[1] * SCALE))


def test_pdf_pages_have_body_text_and_one_footer_line(
    seed_pages: list[dict[str, object]],
) -> None:
    total = len(seed_pages)
    for number, page in enumerate(seed_pages, start=1):
        assert page["footer_lines"] == 1
        assert f"LSVO – Protokoll 2021-06-04 · Sida {number} av {total}" in str(page["text"])
        # No page holds only a one- or two-line tail of what came before.
        assert int(page["body_lines"]) > 2, (number, page["body_lines"])  # type: ignore[call-overload]


def test_pdf_text_is_the_minutes(seed_pages: list[dict[str, object]]) -> None:
    text = " ".join(" ".join(str(p["text"]).split()) for p in seed_pages)
    assert "LSVO ledningsgrupp" in text
    assert "Tid och plats: Fredagen den 4 juni 2021 kl. 13.00–15.30 via Teams" in text
    for number, title in TITLES.items():
        assert f"§ {number}" in text
        assert title in text
        for clause in CLAUSES[number]:
            # The first words of each clause, after "att": wrapping only ever splits at spaces.
            assert "att " + " ".join(clause.split()[:4]) in text
    first = str(seed_pages[0]["text"]) + str(seed_pages[1]["text"])
    # Underskrifter on the first pages, after Paragrafer, as in the 004 seed.
    assert "Underskrifter" in first
    assert first.index("Paragrafer") < first.index("Underskrifter")


# Without keep-with-next, 14 and 15 recipients leave one and two names alone on a last page.
@pytest.mark.parametrize("recipients", [3, 13, 14, 15, 16, 30])
def test_a_list_never_leaves_a_short_tail_on_a_page(recipients: int) -> None:
    """Lists of many lengths at the end of the document: wherever the page break falls, the
    last page holds at least three lines, and every list item printed is there."""
    doc: MinutesDocument = replace(
        seed_document(), send_to=[f"Mottagare nummer {i}" for i in range(1, recipients + 1)]
    )
    pdf = render_pdf(doc)
    pages = look(pdf)
    for page in pages:
        assert int(page["body_lines"]) > 2  # type: ignore[call-overload]
    text = " ".join(str(p["text"]) for p in pages)
    for i in range(1, recipients + 1):
        assert f"Mottagare nummer {i}\r" in text or text.endswith(f"Mottagare nummer {i}")


def test_pdf_public_version_leaves_out_the_secret() -> None:
    pages = look(render_pdf(seed_document(), public=True))
    text = " ".join(" ".join(str(p["text"]).split()) for p in pages)
    assert "(offentlig version)" in text
    _assert_no_secret(text)


def test_keep_with_next_holds_a_lists_ends_together() -> None:
    assert keep_with_next(1) == [False]
    assert keep_with_next(6) == [True] * 5 + [False]
    flags = keep_with_next(14)
    assert flags[:2] == [True, True] and flags[2] is False
    assert flags[-3:] == [True, True, False]
    assert flags[3:10] == [False] * 7


def test_docx_is_a4_with_swedish_margins_and_one_footer_size() -> None:
    data = render_docx(seed_document())
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    page = section._sectPr.find(qn("w:pgSz"))
    assert (page.get(qn("w:w")), page.get(qn("w:h"))) == ("11906", "16838")
    margins = section._sectPr.find(qn("w:pgMar"))
    assert {margins.get(qn(f"w:{side}")) for side in ("top", "bottom", "left", "right")} == {"1417"}
    # Every run of the footer line, the page fields' results included, in one size.
    runs = section.footer.paragraphs[0].runs
    assert runs and {run.font.size for run in runs} == {Pt(9)}


def test_docx_lists_and_headings_keep_their_ends_together() -> None:
    document = docx.Document(io.BytesIO(render_docx(seed_document())))
    paragraphs = document.paragraphs
    for p in paragraphs:
        if p.style is not None and p.style.name.startswith("Heading"):
            assert p.paragraph_format.keep_with_next is True, p.text
    # The recipients, the document's last list: five lines, kept as one.
    last = [p for p in paragraphs[-5:]]
    assert [p.style.name for p in last] == ["List Bullet"] * 5  # type: ignore[union-attr]
    assert [p.paragraph_format.keep_with_next for p in last] == [True] * 4 + [False]
    # The long list of ledamöter: first and last three lines together, the middle free.
    heading = next(i for i, p in enumerate(paragraphs) if p.text == "Ledamöter")
    items = []
    for p in paragraphs[heading + 1 :]:
        if p.style is None or p.style.name != "List Bullet":
            break
        items.append(bool(p.paragraph_format.keep_with_next))
    assert items == keep_with_next(len(items)) and len(items) > 6


@pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")),
    reason="LibreOffice (soffice) is not installed; the DOCX page check needs it",
)
def test_docx_as_an_office_suite_lays_it_out(tmp_path: Path) -> None:
    """LibreOffice lays out the DOCX: A4 pages, and no page with only a one- or two-line tail
    (it printed the 004 minutes on 9 Letter pages, the last holding one recipient's name).
    Without keep-with-next on lists, 44 and 45 recipients leave one and two names on a page."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    assert office is not None
    sources = []
    for recipients in (None, 44, 45):
        doc = seed_document()
        if recipients is not None:
            doc = replace(doc, send_to=[f"Mottagare nummer {i}" for i in range(1, recipients + 1)])
        source = tmp_path / f"protokoll-{recipients or 'seed'}.docx"
        source.write_bytes(render_docx(doc))
        sources.append(source)
    office_to_pdf(office, tmp_path, *sources)
    for source in sources:
        pages = look(source.with_suffix(".pdf").read_bytes())
        assert 4 <= len(pages) <= 8, source.name
        for page in pages:
            width, height = page["size"]  # type: ignore[misc]
            assert (round(width), round(height)) == (595, 842)
            assert int(page["body_lines"]) > 2, (source.name, page["body_lines"])  # type: ignore[call-overload]
            assert page["footer_lines"] == 1
    assert "Lars Ericsson" in str(look(sources[0].with_suffix(".pdf").read_bytes())[-1]["text"])

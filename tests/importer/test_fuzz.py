"""No input makes the importer crash: arbitrary text parses, arbitrary bytes read or fail with a
clear ImportFormatError."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dialogs.importer import (
    PARSE_FAILED_WARNING,
    ImportFormatError,
    ParsedMinutes,
    ReadResult,
    parse_minutes,
    read_bytes,
    read_document,
)
from dialogs.importer.readers import FORMATS
from tests.shared import SEEDS, in_ci

from .pdfbytes import minimal_pdf

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of real minutes, so random text also exercises the parser's structure paths.
FRAGMENTS = [
    "\n",
    "\n\n",
    "\t",
    "  ",
    "§ ",
    "§ 12",
    "## § 113\n",
    "### ",
    "1. ",
    "2.\t<p>",
    "</p> <p>",
    '<ul style="list-style-type: none"> - ',
    "<ol> 1. ",
    "<i>Se ",
    "</i>",
    "~~",
    "**att** ",
    "att ",
    "Närvarande:",
    "Återbud: ",
    "Frånvarande\n",
    "Ordförande\n",
    "##### Ordförande\n",
    "Ersättare:\n",
    "(Del av mötet)",
    "(antecknar)",
    "Anna Berg, ",
    "Bertil Ek\tRegion Blekinge, sekreterare\n",
    "LSVO:s ledningsgrupp beslutar\n",
    "Beslut: ",
    "Styrgruppen ställer sig bakom ",
    ", vilket styrgruppen ställer sig bakom.",
    "Styrgrupp närvård har tagit beslut att ",
    "Dagordningen godkänns.",
    "ges i uppdrag att ",
    "tar med frågan",
    "Till nästa möte ska ",
    "Nästa möte blir den 6 maj",
    "Justerat den: 2024-06-14 via e-post.",
    "Tid och plats:\n",
    "Fredagen den 4 juni 2021 kl. 13.00 – 15.30 via Teams",
    "2024-05-17, kl. 13.00-16.00. ",
    "ca 550 000 kr",
    "-1 620 000 kr",
    "POSTADRESS\n",
    "Protokollet ska skickas till\n",
    "Underskrifter:\n",
    "Föredragande: ",
    "(se PPT)",
    "[länk](#)",
]

minutes_text = st.lists(
    st.one_of(st.text(max_size=40), st.sampled_from(FRAGMENTS)), max_size=60
).map("".join)


def _check(minutes: ParsedMinutes) -> None:
    assert isinstance(minutes, ParsedMinutes)
    # The safety net in parse_minutes must not be what kept it from raising.
    assert PARSE_FAILED_WARNING not in minutes.warnings


@FUZZ
@given(st.text())
def test_parse_any_text(text: str) -> None:
    _check(parse_minutes(text))


@FUZZ
@given(minutes_text, st.one_of(st.none(), st.text(max_size=30)))
def test_parse_minutes_like_text(text: str, filename: str | None) -> None:
    _check(parse_minutes(text, filename))


def _seed_texts() -> list[str]:
    if not SEEDS.is_dir():
        assert not in_ci(), f"{SEEDS} is missing; CI needs the seeds"
        return ["Protokoll\nNärvarande: Anna Berg, Bertil Ek\n1. Öppnande\n2. Avslut\n"]
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


@FUZZ
@given(st.data())
def test_parse_damaged_seeds(data: st.DataObject) -> None:
    """Real minutes with parts cut out and garbage pasted in."""
    text = data.draw(st.sampled_from(_seed_texts()))
    for _ in range(data.draw(st.integers(0, 4))):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 400)))
        text = text[:start] + data.draw(minutes_text) + text[end:]
    _check(parse_minutes(text))


def _read_any(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"minutes{suffix}"
        path.write_bytes(data)
        try:
            result = read_document(path)
        except ImportFormatError as error:
            assert error.message_sv and error.message_en
            return
    assert isinstance(result, ReadResult)
    assert result.format in FORMATS
    _check(parse_minutes(result.text, path.name))


# Pieces of LaTeX, Typst, Org and Markdown source, so random markup exercises the converters.
MARKUP = [
    "\\section{",
    "\\subsection*{",
    "}",
    "\\begin{itemize}\n",
    "\\item ",
    "\\end{itemize}\n",
    "\\author{",
    "\\appendix\n",
    "% ",
    "\\textbf{",
    "\\macro{A}{B}{Ja}",
    "= ",
    "== ",
    "#attSatser([",
    "])",
    "[Anna Berg], [Ja],",
    "  key: value,\n",
    "* ",
    "** ",
    "#+TITLE: ",
    "#+BEGIN_SRC\n",
    "#+END_SRC\n",
    "+struck+",
    "---\n",
    "title: ",
    "<!-- ",
    "-->",
    "=====\n",
    "Närvarande:\\\n",
    ":sectnums:\n",
    "////\n",
    "|===\n",
    ". ",
]
markup_text = st.lists(
    st.one_of(st.text(max_size=20), st.sampled_from(FRAGMENTS + MARKUP)), max_size=60
).map("".join)


@FUZZ
@given(markup_text, st.sampled_from([".tex", ".typ", ".org", ".md", ".adoc"]))
def test_read_any_markup(text: str, suffix: str) -> None:
    _read_any(text.encode("utf-8", "surrogatepass"), suffix)


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from([".docx", ".txt", ".pdf", ".md", ".html", ""]))
def test_read_any_bytes(data: bytes, suffix: str) -> None:
    _read_any(data, suffix)


def _valid_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Protokoll", level=1)
    paragraph = document.add_paragraph("Närvarande: Anna Berg, ")
    paragraph.add_run("Bertil Ek").font.strike = True
    document.add_table(rows=1, cols=2).cell(0, 1).text = "Mötets öppnande"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _valid_pdf() -> bytes:
    return minimal_pdf(["Protokoll", "1. Mötets öppnande", "2. Avslut"])


VALID = {".docx": _valid_docx(), ".pdf": _valid_pdf()}


@FUZZ
@given(st.sampled_from(sorted(VALID)), st.data())
def test_read_damaged_documents(suffix: str, data: st.DataObject) -> None:
    """Real .docx and .pdf files, truncated or with bytes overwritten."""
    raw = bytearray(VALID[suffix])
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    for _ in range(data.draw(st.integers(0, 8))):
        if not raw:
            break
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at] = data.draw(st.integers(0, 255))
    _read_any(bytes(raw), suffix)


def test_undamaged_documents_read() -> None:
    """The fuzzed originals themselves are readable, so damage is what the tests exercise."""
    assert "Mötets öppnande" in read_bytes(VALID[".docx"], "a.docx").text
    assert "Mötets öppnande" in read_bytes(VALID[".pdf"], "a.pdf").text

"""Turn a minutes file into text: .txt, .md, .docx, .html and text-based .pdf.

Every failure to read is an ImportFormatError whose message says what to convert the file to;
no input makes these functions raise anything else.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ImportFormatError
from .htmltext import html_to_text
from .markup import to_markdown

logger = logging.getLogger(__name__)

FORMATS = ("txt", "md", "docx", "html", "pdf", "latex", "typst", "org", "asciidoc")

_EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".tex": "latex",
    ".typ": "typst",
    ".org": "org",
    ".adoc": "asciidoc",
    ".asciidoc": "asciidoc",
    ".markdown": "md",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
}

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_PDF_MAGIC = b"%PDF"

# Refuse absurd inputs before handing them to a parser (a chat upload is a few MB at most).
MAX_BYTES = 50 * 1024 * 1024


@dataclass
class ReadResult:
    text: str
    format: str
    # sha256 of the raw bytes: importing the same file twice is detected by this.
    sha256: str
    filename: str | None = None
    warnings: list[str] = field(default_factory=list)


def _error_doc() -> ImportFormatError:
    return ImportFormatError(
        "Filen är i det gamla Word-formatet (.doc), som inte kan läsas. "
        "Spara som .docx eller PDF och importera igen.",
        "The file is in the old Word format (.doc), which cannot be read. "
        "Save it as .docx or PDF and import again.",
    )


def _error_unknown(what: str = "Filformatet känns inte igen") -> ImportFormatError:
    return ImportFormatError(
        f"{what}. Konvertera filen till .docx eller .txt och importera igen.",
        "The file format is not recognised. Convert the file to .docx or .txt and import again.",
    )


def _error_scanned_pdf() -> ImportFormatError:
    return ImportFormatError(
        "PDF:en saknar text (inskannad?) — exportera från originalet eller kör OCR.",
        "The PDF has no text (scanned?) — export it from the original document or run OCR.",
    )


def read_document(path: Path) -> ReadResult:
    """Read a minutes file from disk; see read_bytes."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFormatError(
            f"Filen {path.name} kunde inte öppnas ({exc.strerror or exc}).",
            f"The file {path.name} could not be opened ({exc.strerror or exc}).",
        ) from exc
    return read_bytes(data, path.name)


def read_bytes(data: bytes, filename: str | None = None) -> ReadResult:
    """Read the raw bytes of a minutes file named filename (its extension picks the reader).

    Returns the text, the detected format and the sha256 of the bytes, or raises
    ImportFormatError with a Swedish and an English message saying what to convert to.
    """
    sha256 = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise ImportFormatError("Filen är tom.", "The file is empty.")
    if len(data) > MAX_BYTES:
        raise ImportFormatError(
            "Filen är för stor för att importeras (över 50 MB). Dela upp den eller spara som .txt.",
            "The file is too large to import (over 50 MB). Split it or save it as .txt.",
        )
    fmt = _detect_format(data, filename)
    warnings: list[str] = []
    try:
        if fmt in ("txt", "md", "latex", "typst", "org", "asciidoc"):
            text = to_markdown(_decode_text(data, warnings), fmt)
        elif fmt == "html":
            text = html_to_text(_decode_text(data, warnings))
        elif fmt == "docx":
            text = _read_docx(data)
        else:
            text = _read_pdf(data)
    except ImportFormatError:
        raise
    except Exception as exc:
        # Third-party readers raise many kinds of errors on broken files; to the user they all
        # mean the same thing: this file cannot be read, convert it.
        logger.info("could not read %s as %s: %r", filename, fmt, exc)
        raise _error_unknown(f"Filen kunde inte läsas som {fmt}") from exc
    if not text.strip():
        if fmt == "pdf":
            raise _error_scanned_pdf()
        raise ImportFormatError(
            "Filen innehåller ingen text.",
            "The file contains no text.",
        )
    return ReadResult(text=text, format=fmt, sha256=sha256, filename=filename, warnings=warnings)


def _detect_format(data: bytes, filename: str | None) -> str:
    suffix = Path(filename).suffix.lower() if filename else ""
    if data.startswith(_OLE_MAGIC) or suffix in (".doc", ".dot"):
        # Old binary Word (also when renamed to .docx): nothing pure-Python reads it reliably.
        raise _error_doc()
    if suffix in (".odt", ".rtf", ".pages", ".wpd"):
        raise ImportFormatError(
            f"Filformatet {suffix} kan inte läsas. Spara som .docx eller PDF och importera igen.",
            f"The {suffix} format cannot be read. Save it as .docx or PDF and import again.",
        )
    fmt = _EXTENSIONS.get(suffix)
    if fmt == "txt":
        return _markup_in_text(data) or "txt"
    if fmt == "docx" and data.startswith(_PDF_MAGIC):
        return "pdf"
    if fmt == "pdf" and data.startswith(_ZIP_MAGIC):
        return "docx"
    if fmt is not None:
        return fmt
    # Unknown or missing extension: look at the content.
    if data.startswith(_PDF_MAGIC):
        return "pdf"
    if data.startswith(_ZIP_MAGIC):
        if b"word/" in data[:65536]:
            return "docx"
        raise _error_unknown()
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return _markup_in_text(data) or "txt"


# Source markup saved as plain text (a .typ, .tex or .org file renamed, or pasted into a .txt):
# read by its own reader when its marks are unmistakable, so that headings become items and
# the code lines stay out of them (real/formats 70, 71).
_LATEX_MARKS = re.compile(rb"(?m)^\s*\\(?:documentclass|begin\{document\})")
_TYPST_CODE = re.compile(rb"(?m)^#(?:set|let|import|show)\b")
_TYPST_HEADING = re.compile(rb"(?m)^=+ \S")
_ORG_KEYWORD = re.compile(rb"(?mi)^#\+(?:title|author|date):")
_ORG_HEADING = re.compile(rb"(?m)^\*+ \S")
# AsciiDoc: a document title "= Title" with an attribute line (":revdate:", ":sectnums:") and
# "==" sections.
_ADOC_TITLE = re.compile(rb"(?m)\A(?:\s*//[^\n]*\n)*\s*= \S")
_ADOC_ATTRIBUTE = re.compile(rb"(?m)^:!?[\w-]+!?:(?:[ \t]|$)")
_ADOC_SECTION = re.compile(rb"(?m)^==+ \S")


_FRONT_MATTER = re.compile(rb"\A(?:\xef\xbb\xbf)?---\r?\n(?:[\w-]+:[^\n]*\r?\n){2,80}?---\r?\n")


def _markup_in_text(data: bytes) -> str | None:
    head = data[:16384]
    if head[:2048].lstrip().lower().startswith((b"<!doctype html", b"<html")):
        return "html"  # a web page saved as .txt
    if _FRONT_MATTER.match(head):
        return "md"  # YAML front matter: a Markdown file saved as .txt (real/formats 72, 73)
    if _LATEX_MARKS.search(head):
        return "latex"
    if len(_TYPST_CODE.findall(head)) >= 2 and _TYPST_HEADING.search(data):
        return "typst"
    if _ORG_KEYWORD.search(head) and _ORG_HEADING.search(data):
        return "org"
    if _ADOC_TITLE.match(head) and _ADOC_ATTRIBUTE.search(head) and _ADOC_SECTION.search(data):
        return "asciidoc"
    return None


# The single-byte encodings Swedish offices saved text in before UTF-8. charset-normalizer picks
# among them by how plausible the decoded text is (cp1252 and latin-1 differ only in 0x80–0x9F,
# where cp1252 has – ” … and latin-1 has control characters).
_LEGACY_ENCODINGS = ["cp1252", "latin_1", "iso8859_15"]
_ENCODING_NAMES = {"latin_1": "latin-1", "iso8859_15": "ISO-8859-15"}


def _decode_text(data: bytes, warnings: list[str]) -> str:
    """Decode text the way Swedish offices save it: UTF-8 (with or without BOM), UTF-16 with a
    BOM, or a legacy single-byte encoding detected by charset-normalizer."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise _error_unknown("Filen är inte läsbar text") from None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text, encoding = _decode_legacy(data)
            warnings.append(f"Filen var inte UTF-8; den lästes som {encoding}.")
    if not _looks_like_text(text):
        raise _error_unknown("Filen verkar inte vara en textfil")
    return text


def _decode_legacy(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    # Detection looks at a sample; a 10 MB file is decoded whole only once the encoding is known.
    best = from_bytes(data[:200_000], cp_isolation=_LEGACY_ENCODINGS).best()
    encoding = best.encoding if best is not None else None
    if encoding is None:
        # Nothing plausible: latin-1 decodes every byte, so the text is kept, if oddly.
        encoding = "cp1252" if _decodes(data, "cp1252") else "latin_1"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        encoding = "latin_1"
        text = data.decode(encoding)
    return text, _ENCODING_NAMES.get(encoding, encoding)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _looks_like_text(text: str) -> bool:
    if "\x00" in text:
        return False
    sample = text[:20000]
    if not sample:
        return True
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return control / len(sample) < 0.02


# .docx -----------------------------------------------------------------------------------------


def _read_docx(data: bytes) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        logger.info("python-docx could not open the file: %r", exc)
        raise ImportFormatError(
            "Filen kunde inte läsas som Word-dokument (.docx). Öppna den i Word och spara som "
            ".docx igen, eller spara som .txt.",
            "The file could not be read as a Word document (.docx). Open it in Word and save it "
            "as .docx again, or save it as .txt.",
        ) from exc
    numbering = _DocxNumbering(document)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(_docx_paragraph(block, numbering))
        elif isinstance(block, Table):
            lines.extend(_docx_table(block, numbering))
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


class _DocxNumbering:
    """Renders Word's automatic list numbering, which is not part of the paragraph text.

    Without it "1. Mötets öppnande" written as a numbered list would lose its number.
    """

    def __init__(self, document: Any) -> None:
        self.formats: dict[tuple[str, str], str] = {}
        self.counters: dict[tuple[str, str], int] = {}
        try:
            self._load(document)
        except Exception:
            logger.debug("could not read numbering definitions", exc_info=True)

    def _load(self, document: Any) -> None:
        from docx.oxml.ns import qn

        part = document.part.numbering_part
        root = part.element
        abstract: dict[str, dict[str, str]] = {}
        for an in root.findall(qn("w:abstractNum")):
            levels: dict[str, str] = {}
            for lvl in an.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                levels[lvl.get(qn("w:ilvl"), "0")] = (
                    fmt.get(qn("w:val"), "bullet") if fmt is not None else "bullet"
                )
            abstract[an.get(qn("w:abstractNumId"), "")] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is None:
                continue
            for ilvl, fmt in abstract.get(ref.get(qn("w:val"), ""), {}).items():
                self.formats[(num.get(qn("w:numId"), ""), ilvl)] = fmt

    @staticmethod
    def _num_pr(paragraph: Any) -> Any:
        """The numbering of a paragraph, set on it or inherited from its style ("List Number")."""
        p_pr = paragraph._p.pPr
        if p_pr is not None and p_pr.numPr is not None:
            return p_pr.numPr
        style = paragraph.style
        depth = 0
        while style is not None and depth < 10:
            style_ppr = style.element.pPr
            if style_ppr is not None and style_ppr.numPr is not None:
                return style_ppr.numPr
            style = style.base_style
            depth += 1
        return None

    def prefix(self, paragraph: Any) -> str:
        try:
            num_pr = self._num_pr(paragraph)
        except Exception:
            return ""
        if num_pr is None or num_pr.numId is None:
            return ""
        num_id = str(num_pr.numId.val)
        ilvl = str(num_pr.ilvl.val) if num_pr.ilvl is not None else "0"
        if num_id == "0":
            return ""
        fmt = self.formats.get((num_id, ilvl), "bullet")
        indent = "  " * int(ilvl) if ilvl.isdigit() else ""
        if fmt in ("decimal", "decimalZero"):
            key = (num_id, ilvl)
            self.counters[key] = self.counters.get(key, 0) + 1
            return f"{indent}{self.counters[key]}. "
        return f"{indent}- "


def _docx_runs(paragraph: Any) -> Iterator[Any]:
    from docx.text.hyperlink import Hyperlink

    for content in paragraph.iter_inner_content():
        if isinstance(content, Hyperlink):
            yield from content.runs
        else:
            yield content


def _docx_paragraph(paragraph: Any, numbering: _DocxNumbering) -> str:
    parts: list[str] = []
    struck: list[str] = []

    def flush_struck() -> None:
        if struck:
            joined = "".join(struck)
            core = joined.strip()
            if core:
                lead = joined[: len(joined) - len(joined.lstrip())]
                trail = joined[len(joined.rstrip()) :]
                parts.append(f"{lead}~~{core}~~{trail}")
            else:
                parts.append(joined)
            struck.clear()

    for run in _docx_runs(paragraph):
        text = run.text
        if not text:
            continue
        font = run.font
        if font.strike or font.double_strike:
            struck.append(text)
        else:
            flush_struck()
            parts.append(text)
    flush_struck()
    text = "".join(parts)
    style_name = ""
    try:
        style_name = (paragraph.style.name or "") if paragraph.style is not None else ""
    except Exception:
        style_name = ""
    prefix = numbering.prefix(paragraph)
    heading = re.match(r"(?i)(?:heading|rubrik)\s*(\d)$", style_name.strip())
    if heading and text.strip():
        # Keep a numbered heading's number ("## 3. Ekonomi"): it is how items are found.
        number = prefix.strip() + " " if prefix.strip()[:1].isdigit() else ""
        return "#" * min(6, int(heading.group(1))) + " " + number + text.strip()
    if style_name.strip().lower() in ("title", "rubrik") and text.strip():
        return "# " + text.strip()
    return prefix + text


def _docx_table(table: Any, numbering: _DocxNumbering) -> list[str]:
    from docx.table import Table

    lines: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            # Merged cells come back once per grid column; keep each cell once.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            inner: list[str] = []
            for block in cell.iter_inner_content():
                if isinstance(block, Table):
                    inner.extend(_docx_table(block, numbering))
                else:
                    inner.append(_docx_paragraph(block, numbering))
            cells.append("\n".join(part for part in inner if part.strip()))
        lines.append("\t".join(cells))
    lines.append("")
    return lines


# .pdf ------------------------------------------------------------------------------------------


def _read_pdf(data: bytes) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                # An owner password alone (printing/copying limits) opens with an empty password.
                opened = bool(reader.decrypt(""))
            except Exception:
                opened = False
            if not opened:
                raise ImportFormatError(
                    "PDF:en är lösenordsskyddad. Ta bort skyddet eller exportera en oskyddad PDF.",
                    "The PDF is password protected. Remove the protection or export an "
                    "unprotected PDF.",
                )
        pages = [page.extract_text() or "" for page in reader.pages]
    except ImportFormatError:
        raise
    except Exception as exc:
        logger.info("pypdf could not read the file: %r", exc)
        raise ImportFormatError(
            "PDF:en kunde inte läsas (skadad fil?). Exportera den på nytt från originalet eller "
            "spara som .docx.",
            "The PDF could not be read (damaged file?). Export it again from the original or "
            "save it as .docx.",
        ) from exc
    if not any(page.strip() for page in pages):
        raise _error_scanned_pdf()
    return "\n\n".join(_strip_running_heads(pages)).strip()


def _strip_running_heads(pages: list[str]) -> list[str]:
    """Drop header and footer lines that repeat on every page (letterhead, "Sida 2 av 5")."""
    if len(pages) < 2:
        return pages

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", line.strip().lower())

    split = [page.splitlines() for page in pages]
    candidates: set[str] | None = None
    for lines in split:
        nonblank = [line for line in lines if line.strip()]
        edge = {key(line) for line in nonblank[:3] + nonblank[-3:]}
        candidates = edge if candidates is None else candidates & edge
    if not candidates:
        return pages
    return ["\n".join(line for line in lines if key(line) not in candidates) for lines in split]

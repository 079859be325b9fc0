"""Reading minutes files: each format to text, and a clear error for what cannot be read."""

from __future__ import annotations

import hashlib
from pathlib import Path

import docx
import pytest

from dialogs.importer import ImportFormatError, parse_minutes, read_bytes, read_document

from .pdfbytes import minimal_pdf


def _docx_minutes(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Protokoll Styrgruppen för närvård", level=1)
    document.add_paragraph("Tid och plats: 2024-03-08 kl. 09.00–11.00, Rum Ekbacken")
    present = document.add_paragraph("Närvarande: Anna Berg, ")
    struck = present.add_run("Bertil Ek")
    struck.font.strike = True
    present.add_run(", Cecilia Dahl")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "1."
    table.cell(0, 1).text = "Mötets öppnande"
    table.cell(1, 0).text = "2."
    table.cell(1, 1).text = "Budget 2025"
    document.add_paragraph("Styrgruppen beslutar att godkänna budgeten om 1,5 mkr.")
    document.add_paragraph("Första punkten", style="List Number")
    document.add_paragraph("Andra punkten", style="List Number")
    document.add_paragraph("En punkt i en lista", style="List Bullet")
    document.save(str(path))
    return path


def test_docx_paragraphs_tables_and_strike_in_document_order(tmp_path: Path) -> None:
    path = _docx_minutes(tmp_path / "protokoll.docx")
    result = read_document(path)
    assert result.format == "docx"
    assert result.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert result.filename == "protokoll.docx"
    assert result.text == (
        "# Protokoll Styrgruppen för närvård\n"
        "Tid och plats: 2024-03-08 kl. 09.00–11.00, Rum Ekbacken\n"
        "Närvarande: Anna Berg, ~~Bertil Ek~~, Cecilia Dahl\n"
        "1.\tMötets öppnande\n"
        "2.\tBudget 2025\n"
        "\n"
        "Styrgruppen beslutar att godkänna budgeten om 1,5 mkr.\n"
        "1. Första punkten\n"
        "2. Andra punkten\n"
        "- En punkt i en lista"
    )


def test_docx_minutes_parse_end_to_end(tmp_path: Path) -> None:
    result = read_document(_docx_minutes(tmp_path / "protokoll.docx"))
    minutes = parse_minutes(result.text, result.filename)
    assert minutes.meeting_kind == "protokoll"
    assert minutes.body_name == "Styrgruppen för närvård"
    assert str(minutes.date) == "2024-03-08"
    assert minutes.place == "Rum Ekbacken"
    assert [(p.name, p.status) for p in minutes.people] == [
        ("Anna Berg", "present"),
        ("Bertil Ek", "absent"),
        ("Cecilia Dahl", "present"),
    ]
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "Mötets öppnande"),
        ("2", "Budget 2025"),
    ]
    budget = minutes.items[1]
    assert [(d.phrase, d.clauses) for d in budget.decisions] == [
        ("Styrgruppen beslutar", ["godkänna budgeten om 1,5 mkr."])
    ]
    assert [(a.text, a.kronor) for a in budget.amounts] == [("1,5 mkr", 1_500_000)]


def test_broken_docx_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "trasig.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with pytest.raises(ImportFormatError) as error:
        read_document(path)
    assert "Word-dokument (.docx)" in error.value.message_sv
    assert ".docx" in error.value.message_en


def test_html_to_text(tmp_path: Path) -> None:
    path = tmp_path / "protokoll.html"
    path.write_text(
        "<!DOCTYPE html><html><head><title>Ignoreras</title><style>p{color:red}</style></head>"
        "<body><h2>Minnesanteckningar R&amp;D-gruppen</h2>"
        "<p>Närvarande: Anna Berg, <s>Bertil Ek</s>, <del>Cecilia Dahl</del></p>"
        "<ul><li>Första</li><li>Andra <strike>struken</strike></li></ul>"
        "<ol><li>Mötets öppnande</li><li>Ekonomi</li></ol>"
        "<table><tr><td>Intäkt</td><td>8 930 774 kr</td></tr></table>"
        "<p>Rad ett<br>rad två</p><script>alert('x')</script></body></html>",
        encoding="utf-8",
    )
    result = read_document(path)
    assert result.format == "html"
    assert result.text == (
        "## Minnesanteckningar R&D-gruppen\n"
        "\n"
        "Närvarande: Anna Berg, ~~Bertil Ek~~, ~~Cecilia Dahl~~\n"
        "\n"
        "- Första\n"
        "- Andra ~~struken~~\n"
        "\n"
        "1. Mötets öppnande\n"
        "2. Ekonomi\n"
        "\n"
        "Intäkt\t8 930 774 kr\n"
        "\n"
        "Rad ett\n"
        "rad två"
    )


def test_markdown_is_read_as_written(tmp_path: Path) -> None:
    text = "## § 113\n\n### Godkännande\n\n**att** godkänna\n"
    path = tmp_path / "protokoll.md"
    path.write_text(text, encoding="utf-8")
    result = read_document(path)
    assert (result.format, result.text, result.warnings) == ("md", text, [])


def test_text_encodings(tmp_path: Path) -> None:
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeffNärvarande: Åsa Öberg".encode())
    assert read_document(bom).text == "Närvarande: Åsa Öberg"
    legacy = tmp_path / "ansi.txt"
    legacy.write_bytes("Närvarande: Åsa Öberg – ordförande".encode("cp1252"))
    result = read_document(legacy)
    assert result.text == "Närvarande: Åsa Öberg – ordförande"
    assert result.warnings == ["Filen var inte UTF-8; den lästes som cp1252."]
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"Beslut: \x81ndrat \xe5r")  # 0x81 is undefined in cp1252
    assert read_document(latin).text == "Beslut: \x81ndrat år"
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("Protokoll för rådet".encode("utf-16"))
    assert read_document(utf16).text == "Protokoll för rådet"


def test_text_pdf(tmp_path: Path) -> None:
    path = tmp_path / "protokoll.pdf"
    path.write_bytes(minimal_pdf(["Protokoll Styrgruppen 2024-05-17", "1. Mötets öppnande"]))
    result = read_document(path)
    assert result.format == "pdf"
    assert result.text == "Protokoll Styrgruppen 2024-05-17\n1. Mötets öppnande"


def test_pdf_without_text_asks_for_ocr(tmp_path: Path) -> None:
    path = tmp_path / "inskannad.pdf"
    path.write_bytes(minimal_pdf([]))
    with pytest.raises(ImportFormatError) as error:
        read_document(path)
    assert error.value.message_sv.startswith(
        "PDF:en saknar text (inskannad?) — exportera från originalet eller kör OCR"
    )
    assert "OCR" in error.value.message_en


def test_broken_pdf_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "trasig.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    with pytest.raises(ImportFormatError) as error:
        read_document(path)
    assert "PDF" in error.value.message_sv


@pytest.mark.parametrize("name", ["protokoll.doc", "omdopad.docx", "utan_filändelse"])
def test_old_word_format_says_what_to_convert_to(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    # The OLE2 signature of binary .doc files, whatever the file is called.
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(ImportFormatError) as error:
        read_document(path)
    assert "Spara som .docx eller PDF" in error.value.message_sv
    assert "Save it as .docx or PDF" in error.value.message_en


def test_unknown_binary_says_what_to_convert_to(tmp_path: Path) -> None:
    path = tmp_path / "bild.bin"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ImportFormatError) as error:
        read_document(path)
    assert "Konvertera filen till .docx eller .txt" in error.value.message_sv


def test_unknown_extension_with_text_content_is_text(tmp_path: Path) -> None:
    path = tmp_path / "protokoll.export"
    path.write_text("Minnesanteckningar\nNärvarande: Anna Berg, Bertil Ek", encoding="utf-8")
    assert read_document(path).format == "txt"


def test_empty_and_missing_files(tmp_path: Path) -> None:
    empty = tmp_path / "tom.txt"
    empty.write_bytes(b"  \n")
    with pytest.raises(ImportFormatError, match="tom"):
        read_document(empty)
    with pytest.raises(ImportFormatError, match="kunde inte öppnas"):
        read_document(tmp_path / "finns_inte.txt")


def test_same_bytes_same_hash_whatever_the_name() -> None:
    first = read_bytes(b"Protokoll", "a.txt")
    second = read_bytes(b"Protokoll", "b.md")
    assert first.sha256 == second.sha256 == hashlib.sha256(b"Protokoll").hexdigest()

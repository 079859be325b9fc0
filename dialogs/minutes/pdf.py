"""The minutes as a PDF (A4), laid out by ReportLab from the same blocks as every other format.

ReportLab is a maintained, pure-Python PDF library from PyPI, so neither the bot nor CI needs
LibreOffice or any system package. Its page layout engine (platypus) keeps headings with what
follows them, keeps a list's first and last lines together and forbids widows and orphans, so no
page holds only a one- or two-line tail. The text is set in Bitstream Vera, which ships inside
ReportLab and is embedded, so å, ä, ö, § and the dashes print the same everywhere.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from dialogs.minutes.render import (
    FOOTER_CM,
    FOOTER_PT,
    MARGIN_CM,
    _Block,
    _Bullets,
    _document_blocks,
    _Heading,
    _Line,
    _Lines,
    _page_meta,
    _Para,
    keep_with_next,
)
from storage.minutes_document import MinutesDocument

FONT = "SvbVera"
BODY_PT = 10.5
_HEADING_PT = {1: 18.0, 2: 14.0, 3: 12.0}


def _fonts() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    faces = {
        FONT: "Vera.ttf",
        f"{FONT}-Bold": "VeraBd.ttf",
        f"{FONT}-Italic": "VeraIt.ttf",
        f"{FONT}-BoldItalic": "VeraBI.ttf",
    }
    for name, file in faces.items():
        pdfmetrics.registerFont(TTFont(name, file))
    for (bold, italic), name in {
        (0, 0): FONT,
        (1, 0): f"{FONT}-Bold",
        (0, 1): f"{FONT}-Italic",
        (1, 1): f"{FONT}-BoldItalic",
    }.items():
        addMapping(FONT, bold, italic, name)


def _markup(runs: _Line) -> str:
    """ReportLab's paragraph mark-up for one line: escaped text, b/i/strike and links."""
    out = []
    for run in runs:
        text = escape(run.text)
        if run.strike:
            text = f"<strike>{text}</strike>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.bold:
            text = f"<b>{text}</b>"
        if run.url:
            text = f'<a href={quoteattr(run.url)} color="#0563C1"><u>{text}</u></a>'
        out.append(text)
    return "".join(out)


def _styles() -> dict[str, Any]:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    base = ParagraphStyle(
        "body",
        fontName=FONT,
        fontSize=BODY_PT,
        leading=BODY_PT * 1.3,
        spaceAfter=4,
        allowWidows=0,
        allowOrphans=0,
    )
    styles: dict[str, Any] = {"body": base}
    for level in range(1, 5):
        size = _HEADING_PT.get(level, BODY_PT + 0.5)
        styles[f"h{level}"] = ParagraphStyle(
            f"h{level}",
            parent=base,
            fontName=f"{FONT}-Bold",
            fontSize=size,
            leading=size * 1.25,
            spaceBefore=size * 0.8,
            spaceAfter=size * 0.3,
            keepWithNext=1,
        )
    # Wrapped clause lines start under the text after "att", as in a printed protocol.
    hang = stringWidth("att ", f"{FONT}-Bold", BODY_PT)
    styles["clause"] = ParagraphStyle("clause", parent=base, leftIndent=hang, firstLineIndent=-hang)
    styles["item"] = ParagraphStyle(
        "item", parent=base, leftIndent=0.6 * cm, bulletIndent=0.1 * cm, spaceAfter=1
    )
    styles["item_last"] = ParagraphStyle("item_last", parent=styles["item"], spaceAfter=6)
    styles["signature"] = ParagraphStyle("signature", parent=base, spaceBefore=18)
    return styles


def _flowables(blocks: Sequence[_Block], styles: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph

    story: list[Any] = []
    for index, block in enumerate(blocks):
        if isinstance(block, _Heading):
            level = min(max(block.level, 1), 4)
            story.append(Paragraph(escape(block.text), styles[f"h{level}"]))
        elif isinstance(block, _Para):
            style = styles["clause" if block.kind == "clause" else "body"]
            story.append(Paragraph(_markup(block.runs), style))
        elif isinstance(block, _Bullets):
            for item, keep in zip(block.items, keep_with_next(len(block.items)), strict=True):
                style = styles["item" if item is not block.items[-1] else "item_last"]
                flowable = Paragraph(_markup(item), style, bulletText="•")
                flowable.keepWithNext = keep
                story.append(flowable)
        else:
            text = "<br/>".join(_markup(line) for line in block.lines)
            flowable = Paragraph(text, styles["signature"])
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            flowable.keepWithNext = isinstance(following, _Lines)
            story.append(flowable)
    return story


def _emit_pdf(
    blocks: Sequence[_Block], *, title: str, author: str, subject: str, footer: str
) -> bytes:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import SimpleDocTemplate

    _fonts()

    class _NumberedCanvas(Canvas):
        """Holds each page until the end, so the footer can say "Sida X av Y"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont(FONT, FOOTER_PT)
                self.setFillColor(HexColor("#555555"))
                self.drawCentredString(
                    A4[0] / 2, FOOTER_CM * cm, f"{footer} · Sida {number} av {total}"
                )
                super().showPage()
            super().save()

    out = io.BytesIO()
    template = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN_CM * cm,
        rightMargin=MARGIN_CM * cm,
        topMargin=MARGIN_CM * cm,
        bottomMargin=MARGIN_CM * cm,
        title=title,
        author=author,
        subject=subject,
        creator="Samverkansbot",
        lang="sv-SE",
    )
    template.build(_flowables(blocks, _styles()), canvasmaker=_NumberedCanvas)
    return out.getvalue()


def render_pdf(doc: MinutesDocument, *, public: bool = False) -> bytes:
    """The minutes as an A4 PDF with "Sida X av Y" in the footer."""
    return _emit_pdf(_document_blocks(doc, public=public), **_page_meta(doc, public=public))

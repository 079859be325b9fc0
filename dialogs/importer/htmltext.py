"""HTML to plain text that keeps what minutes need: paragraphs, list items, table cells and
struck-through text (as ~~text~~, the same marker Markdown minutes use for absent members).

Used for whole .html files and for HTML fragments that converted documents leave inside plain
text (the 003 seed has <p> and <ul> inside table cells).
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

logger = logging.getLogger(__name__)

_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "nav",
        "blockquote",
        "pre",
        "address",
        "figure",
        "figcaption",
        "form",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "dl",
        "dt",
        "dd",
        "hr",
        "body",
        "html",
    }
)
_SKIP_TAGS = frozenset({"script", "style", "head", "noscript", "template", "title"})
_STRIKE_TAGS = frozenset({"s", "del", "strike"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_INLINE_BULLETS = "-•—–*·"


class _ListContext:
    def __init__(self, ordered: bool) -> None:
        self.ordered = ordered
        self.counter = 0
        self.has_li = False
        # Marker of bullets written inline as text ("<ul> - a - b"), decided by the first data.
        self.inline_marker: str | None = None


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.lists: list[_ListContext] = []
        self.in_li = 0
        self.in_p = 0
        self.cell_index = 0

    # Building lines -------------------------------------------------------------------------

    def _newline(self) -> None:
        line = "".join(self.current)
        self.current = []
        if line.strip():
            self.lines.append(line)

    def _paragraph_break(self) -> None:
        self._newline()
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    # HTMLParser callbacks -------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag in _STRIKE_TAGS:
            self.current.append("~~")
        elif tag == "br":
            self._newline()
        elif tag in ("ul", "ol"):
            # Converted documents open lists they never close and write the bullets as text;
            # a list that never got an <li> ends where the next list or paragraph starts.
            if self.lists and not self.lists[-1].has_li:
                self.lists.pop()
            self._newline()
            self.lists.append(_ListContext(ordered=tag == "ol"))
        elif tag == "li":
            self._newline()
            if self.lists:
                ctx = self.lists[-1]
                ctx.has_li = True
                ctx.counter += 1
                indent = "  " * (len(self.lists) - 1)
                self.current.append(f"{indent}{ctx.counter}. " if ctx.ordered else f"{indent}- ")
            else:
                self.current.append("- ")
            self.in_li += 1
        elif tag in _HEADINGS:
            self._paragraph_break()
            self.current.append("#" * _HEADINGS[tag] + " ")
        elif tag == "tr":
            self._newline()
            self.cell_index = 0
        elif tag in ("td", "th"):
            if self.cell_index:
                self.current.append("\t")
            self.cell_index += 1
        elif tag == "p":
            if self.lists and not self.lists[-1].has_li and not self.in_li:
                self.lists.pop()
            if not self.in_li:
                self._paragraph_break()
            self.in_p += 1
        elif tag in _BLOCK_TAGS:
            self._paragraph_break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if tag == "br":
            if not self.skip_depth:
                self._newline()
        elif tag == "hr":
            if not self.skip_depth:
                self._paragraph_break()
        else:
            self.handle_starttag(tag, attrs)
            if tag in ("ul", "ol", "li", "p") or tag in _STRIKE_TAGS:
                self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if tag in _SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if self.skip_depth:
            return
        if tag in _STRIKE_TAGS:
            self.current.append("~~")
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self._paragraph_break()
        elif tag == "li":
            self.in_li = max(0, self.in_li - 1)
            self._newline()
        elif tag in _HEADINGS:
            self._paragraph_break()
        elif tag == "p":
            self.in_p = max(0, self.in_p - 1)
            if not self.in_li:
                self._paragraph_break()
        elif tag in ("td", "th"):
            pass
        elif tag in _BLOCK_TAGS:
            self._paragraph_break()

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.lists and not self.in_li and not self.in_p and data.strip():
            self._inline_list_data(data)
            return
        self.current.append(data)

    def _inline_list_data(self, data: str) -> None:
        ctx = self.lists[-1]
        stripped = data.strip()
        if ctx.inline_marker is None:
            if ctx.ordered and re.match(r"\d{1,2}[.)]\s", stripped):
                ctx.inline_marker = "1."
            elif stripped[0] in _INLINE_BULLETS and stripped[1:2].isspace():
                ctx.inline_marker = stripped[0]
            else:
                ctx.inline_marker = ""
        if not ctx.inline_marker:
            self._paragraph_break()
            self.current.append(stripped)
            self._paragraph_break()
            return
        if ctx.inline_marker == "1.":
            parts = re.split(r"(?:^|\s)\d{1,2}[.)]\s+", " " + stripped)
        else:
            parts = re.split(r"(?:^|\s)" + re.escape(ctx.inline_marker) + r"\s+", " " + stripped)
        self._newline()
        for part in parts:
            part = part.strip()
            if not part:
                continue
            ctx.counter += 1
            prefix = f"{ctx.counter}. " if ctx.ordered else "- "
            self.lines.append(prefix + part)
        self._newline()

    def result(self) -> str:
        self._newline()
        lines = [re.sub(r"[ \f\v\r]+", " ", line).strip(" ") for line in self.lines]
        lines = [line.replace(" \t", "\t").replace("\t ", "\t") for line in lines]
        text = "\n".join(lines)
        text = re.sub(r"~~\s*~~", "", text)
        text = re.sub(r"\n{3,}", "\n\n", text)
        return text.strip("\n")


def html_to_text(html: str) -> str:
    """Render HTML (a document or a fragment) as plain text; never raises on bad markup."""
    converter = _Converter()
    try:
        converter.feed(html)
        converter.close()
    except Exception:
        # HTMLParser is lenient, but keep whatever was converted if it ever gives up.
        logger.debug("html parser gave up; keeping partial text", exc_info=True)
    return converter.result()


_TAG_RE = re.compile(
    r"</?(?:p|ul|ol|li|br|div|span|i|b|em|strong|u|s|del|strike|h[1-6]|table|tr|td|th|a)\b[^<>]*>",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    """True when text carries HTML tags worth converting (not just a stray '<')."""
    return len(_TAG_RE.findall(text)) >= 1

"""The structure of rendered minutes, read back from DOCX (python-docx), HTML and Markdown:
people by group and each § with its title, föredragande, deciding phrase and "att" clauses.

The three readers turn their format into the same events (heading level + text, bullet,
paragraph), so one walk builds the structure and the formats are compared alike."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import docx

Event = tuple[str, int, str]  # ("h", level, text) | ("li", 0, text) | ("p", 0, text)


@dataclass
class Para:
    title: str = ""
    presenters: str | None = None
    phrases: list[str] = field(default_factory=list)
    clauses: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


@dataclass
class Structure:
    groups: dict[str, list[str]] = field(default_factory=dict)
    paragraphs: dict[int, Para] = field(default_factory=dict)
    headings: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


_PARAGRAPH_HEADING = re.compile(r"^§\s*(\d+)(?:\s+(Sekretess))?$")


def walk(events: list[Event]) -> Structure:
    out = Structure()
    h2 = h3 = ""
    current: Para | None = None
    for kind, level, text in events:
        text = text.strip()
        if kind == "h":
            out.headings.append(text)
            if level <= 2:
                h2, h3 = text, ""
                m = _PARAGRAPH_HEADING.match(text)
                current = Para(title=m.group(2) or "") if m else None
                if m:
                    out.paragraphs[int(m.group(1))] = current  # type: ignore[assignment]
            elif level == 3:
                h3 = text
                if current is not None and not current.title:
                    current.title = text
            elif current is not None:
                current.phrases.append(text)
            continue
        out.texts.append(text)
        if kind == "li":
            key = f"{h2}/{h3}" if h2 == "Närvarande" else h2
            out.groups.setdefault(key, []).append(text)
        elif current is not None:
            if text.startswith("Föredragande: "):
                current.presenters = text[len("Föredragande: ") :]
            elif text.startswith("att "):
                current.clauses.append(text[4:])
            else:
                current.texts.append(text)
    return out


def from_docx(data: bytes) -> Structure:
    document = docx.Document(io.BytesIO(data))
    events: list[Event] = []
    for p in document.paragraphs:
        style = p.style.name if p.style is not None else ""
        if style.startswith("Heading "):
            events.append(("h", int(style.split()[1]), p.text))
        elif style == "Title":
            events.append(("h", 1, p.text))
        elif style == "List Bullet":
            events.append(("li", 0, p.text))
        elif p.text.strip():
            events.append(("p", 0, p.text))
    return walk(events)


class _HtmlEvents(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[Event] = []
        self._tag: str | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "h2", "h3", "h4", "li", "p"):
            self._tag, self._buf = tag, []
        elif tag == "br":
            self._buf.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._tag:
            text = "".join(self._buf)
            if tag.startswith("h"):
                self.events.append(("h", int(tag[1]), text))
            else:
                self.events.append((tag, 0, text))
            self._tag = None

    def handle_data(self, data: str) -> None:
        if self._tag is not None:
            self._buf.append(data)


def from_html(html: str) -> Structure:
    parser = _HtmlEvents()
    parser.feed(html)
    return walk(parser.events)


def _md_plain(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(?<!\\)(\*\*|\*|~~)", "", text)
    return re.sub(r"\\(.)", r"\1", text)


def from_markdown(md: str) -> Structure:
    events: list[Event] = []
    for block in md.split("\n\n"):
        for line in block.split("\n") if block.lstrip().startswith("- ") else [block]:
            line = line.rstrip()
            if not line.strip():
                continue
            heading = re.match(r"^(#{1,6}) (.*)$", line)
            if heading:
                events.append(("h", len(heading.group(1)), _md_plain(heading.group(2))))
            elif line.startswith("- "):
                events.append(("li", 0, _md_plain(line[2:])))
            elif re.fullmatch(r"\*\*[^*].*\*\*", line) and not line.startswith("**att**"):
                # Headings below level 3 are bold lines in Teams Markdown.
                events.append(("h", 4, _md_plain(line)))
            else:
                events.append(("p", 0, _md_plain(line)))
    return walk(events)

"""Minutes kept as source markup (LaTeX, Typst, Org-mode, Markdown with front matter) turned into
the Markdown-like text the parser reads: headings as "#"-lines numbered the way the rendered
document numbers them, lists as "- " lines, metadata (title, author, date) as header lines, and
comments and layout commands dropped.

Serves the corpus's 01 (Typst), 07 and 08 (LaTeX), 09 (Org), 02 and 04 (front matter); the rules
are the markup languages' own, not any document's.
"""

from __future__ import annotations

import re
from collections import Counter

from .htmltext import html_to_text

# Headings that are parts of an item, not items: "=== Förslag", "\subsubsection*{Beslut}".
PART_HEADINGS = re.compile(
    r"(?i)^(?:förslag(?:\s+till\s+beslut)?|beslutsförslag|beslut|anteckningar|bakgrund|"
    r"diskussion|ärendebeskrivning|yrkanden?|underlag|information|kommentarer?)\s*:?$"
)


class _Outline:
    """Numbers headings 1, 1.1, 1.1.1 as LaTeX, Typst and Org render them, when the document
    numbers them (numbering=False: the headings stay unnumbered items).

    Items are the first two levels. A deeper heading under a level-2 one is a part of that
    item, written as a bold line ("=== Git" under "== Seminarium", real/formats 70); under a
    level-1 heading with no level-2 one between, it stands in an item's place (corpus 07's
    unnumbered "\\subsubsection*{Komplettering …}" under "\\section{Beslutspunkter}")."""

    def __init__(self, numbering: bool = True, depth: int = 99) -> None:
        self.counters: list[int] = []
        self.numbering = numbering
        self.depth = depth  # Org's "num:2": deeper headings are rendered without a number

    def number(self, level: int) -> str:
        while len(self.counters) < level:
            self.counters.append(0)
        del self.counters[level:]
        self.counters[level - 1] += 1
        return ".".join(str(n) for n in self.counters)

    def heading(self, level: int, title: str, numbered: bool = True) -> str:
        title = title.strip()
        if PART_HEADINGS.match(title):
            return f"{'#' * min(level + 1, 6)} {title}"
        if level >= 3 and len(self.counters) >= 2 and self.counters[1] > 0:
            return f"**{title}**"
        if numbered and self.numbering and level <= self.depth:
            return f"{'#' * min(level + 1, 6)} {self.number(level)} {title}"
        if numbered:
            self.number(level)
        return f"{'#' * min(level + 1, 6)} {title}"


def _front_matter(lines: list[str]) -> tuple[list[str], list[str]]:
    """Jekyll "---" front matter and Nikola ".. key: value" comments → header lines."""
    header: list[str] = []
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start < len(lines) and lines[start].strip() == "---":
        end = next((n for n in range(start + 1, len(lines)) if lines[n].strip() == "---"), None)
        if end is not None:
            for line in lines[start + 1 : end]:
                key, _, value = line.partition(":")
                value = value.strip().strip("\"'")
                if key.strip().lower() == "title" and value:
                    header.append(f"# {value}")
                elif key.strip().lower() == "date" and value:
                    header.append(f"Datum: {value}")
            return header, lines[end + 1 :]
    return header, lines


_NIKOLA = re.compile(r"^\s*\.\.\s+(?P<key>title|date)\s*:\s*(?P<value>.+)$", re.IGNORECASE)


_BOLD_LINE = re.compile(r"^\s*(?P<marks>\*{2,3}|_{2,3})(?P<title>[^*_\n]{2,80})(?P=marks)\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")


_HTML_BLOCK = re.compile(r"^\s*</?(?:p|ul|ol|li|h[1-6]|div|table|tr|td|th|br|strong|b)\b", re.I)


# Attendance tables written as Markdown pipe tables or HTML tables inside Markdown: "| Namn |
# Organisation | Närvarande |" over "| Anna Ek | Östby kommun | Ja |". A table is one only when
# its heading row names people (a name, member or participant column); its rows become "Name,
# cell, …" lines, as a table flattened to rows is read ("Tim Persson, Ja", corpus 01), and an
# empty cell under a presence heading is "Nej". Other tables (tasks, budgets) stay as written.
_PEOPLE_COLUMN = re.compile(
    r"(?i)^(?:namn|för-? och efternamn|deltagare|ledamot|ledamöter|ersättare|person|"
    r"mötesdeltagare|närvarande)$"
)
_PRESENCE_COLUMN = re.compile(r"(?i)^(?:närvarande|närvaro|närv\.?|deltog|närvarande\s*\(?x\)?)$")
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
# "|---|:--:|", and Org-mode's "|------+-----|"
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:[|+]\s*:?-{3,}:?\s*)*\|?\s*$")


def _pipe_cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _table_lines(header: list[str], rows: list[list[str]]) -> list[str] | None:
    """A people table's rows as lines, or None when the table lists no people."""
    if not any(_PEOPLE_COLUMN.match(cell) for cell in header):
        return None
    presence = [n for n, cell in enumerate(header) if _PRESENCE_COLUMN.match(cell)]
    out: list[str] = []
    for row in rows:
        cells = list(row) + [""] * (len(header) - len(row))
        for n in presence:
            if n < len(cells) and not cells[n] and any(cells):
                cells[n] = "Nej"
        kept = [cell for cell in cells if cell]
        if kept:
            out.append(", ".join(kept))
    return out


def _tables_as_rows(lines: list[str]) -> list[str]:
    """Pipe tables and HTML tables of people as row lines (see _PEOPLE_COLUMN)."""
    out: list[str] = []
    n = 0
    while n < len(lines):
        line = lines[n]
        if _PIPE_ROW.match(line) and n + 1 < len(lines) and _PIPE_RULE.match(lines[n + 1]):
            end = n + 2
            while end < len(lines) and _PIPE_ROW.match(lines[end]):
                end += 1
            rows = [_pipe_cells(row) for row in lines[n + 2 : end]]
            converted = _table_lines(_pipe_cells(line), rows)
            if converted is not None:
                out.extend(converted)
                n = end
                continue
        if re.match(r"(?i)^\s*<table\b", line):
            close = next(
                (m for m in range(n, len(lines)) if re.search(r"(?i)</table>", lines[m])), None
            )
            converted = _html_table_lines("\n".join(lines[n : close + 1])) if close else None
            if close is not None and converted is not None:
                out.extend(converted)
                n = close + 1
                continue
        out.append(line)
        n += 1
    return out


def _html_table_lines(block: str) -> list[str] | None:
    """An HTML table of people whose first row is its heading (<th> cells) as row lines."""
    cells = [
        [(kind, html_to_text(cell).strip()) for kind, cell in _HTML_CELL.findall(row)]
        for row in _HTML_ROW.findall(block)
    ]
    if not cells or not all(kind == "h" for kind, _ in cells[0]):
        return None
    header = [text for _, text in cells[0]]
    return _table_lines(header, [[text for _, text in row] for row in cells[1:]])


_HTML_ROW = re.compile(r"(?is)<tr\b[^>]*>(.*?)</tr>")
_HTML_CELL = re.compile(r"(?is)<t([hd])\b[^>]*>(.*?)</t[hd]>")


def _mostly_html(lines: list[str]) -> bool:
    """A Markdown file whose body is HTML blocks (a CMS export: "<p><strong>§ 1 …</strong>"),
    corpus 02: at least a third of its non-empty lines open with a block tag."""
    filled = [line for line in lines if line.strip()]
    tagged = sum(1 for line in filled if _HTML_BLOCK.match(line))
    return len(filled) >= 3 and tagged * 3 >= len(filled)


# Pandoc's "numbersections: true" in the front matter: the headings are numbered at rendering.
_NUMBER_SECTIONS = re.compile(
    r"(?i)\A\s*---[ \t]*\n(?:(?!---)[^\n]*\n)*?(?:numbersections|number-sections)\s*:\s*true\s*\n"
)
_ATX = re.compile(r"^(?P<marks>#{1,6})\s+(?P<title>.+?)\s*$")
_UNNUMBERED = re.compile(r"\s*\{(?:-|\.unnumbered)\}$")


def _numbered_sections(lines: list[str]) -> list[str]:
    """ATX headings numbered as Pandoc renders them: 1, 1.1, …; "{-}" marks one unnumbered,
    a heading that already starts with its number keeps it."""
    outline = _Outline()
    out: list[str] = []
    for line in lines:
        heading = _ATX.match(line)
        if heading is None:
            out.append(line)
            continue
        title, level = heading.group("title"), len(heading.group("marks"))
        if _UNNUMBERED.search(title):
            out.append(f"{heading.group('marks')} {_UNNUMBERED.sub('', title)}")
        elif re.match(r"\d+(?:\.\d+)*\.?\s", title):
            out.append(line)
        else:
            out.append(f"{heading.group('marks')} {outline.number(level)} {title}")
    return out


# "<!-- sida 3 -->": where a page of the converted PDF begins (real/formats 72, 73).
_PAGE_COMMENT = re.compile(r"(?im)^[ \t]*<!--\s*(?:sida|page|sid\.?|s\.)\s*\d{1,4}\s*-->[ \t]*$")


# A page's number in a running header: "4 (58)", "Sida 4 av 58", "4/58", or alone at an end.
_PAGE_NUMBER = re.compile(
    r"(?i)(?:\bsida\s+)?\b\d{1,4}\s*(?:\(\d{1,4}\)|(?:av|/)\s*\d{1,4})|^\d{1,4}\s|\s\d{1,4}$"
)


def _furniture_key(line: str) -> str:
    return _PAGE_NUMBER.sub(" # ", " ".join(line.split())).strip().casefold()


def _without_page_furniture(text: str) -> str:
    """A converted PDF marked page by page: the lines that open (or close) four pages in five,
    three or more, page numbers aside, are its running header (or footer) and are dropped, so
    that 'KOMMUN SAMMANTRÄDESPROTOKOLL 4 (58)', the body and date under it, and 'Det här
    dokumentet är digitalt signerat' are no item's text. The first page keeps its head (the
    letterhead names the body and the date): heads are read from the second page on."""
    pages = _PAGE_COMMENT.split(text)
    if len(pages) < 5:
        return text
    edge = 8

    def filled(page: str) -> list[str]:
        return [line for line in page.split("\n") if line.strip()]

    def enough(count: int) -> int:
        return max(3, -(-count * 4 // 5))

    heads: Counter[str] = Counter()
    feet: Counter[str] = Counter()
    for number, page in enumerate(pages[1:], start=1):
        lines = filled(page)
        if number > 1:
            heads.update({_furniture_key(line) for line in lines[:edge]})
        feet.update({_furniture_key(line) for line in lines[-edge:]})
    out: list[str] = []
    for number, page in enumerate(pages):
        lines = page.split("\n")
        top, bottom = 0, len(lines)
        seen = 0
        while number > 1 and top < len(lines) and seen < edge:
            if lines[top].strip() and heads[_furniture_key(lines[top])] < enough(len(pages) - 2):
                break
            seen += bool(lines[top].strip())
            top += 1
        seen = 0
        while number > 0 and bottom > top and seen < edge:
            line = lines[bottom - 1]
            if line.strip() and feet[_furniture_key(line)] < enough(len(pages) - 1):
                break
            seen += bool(line.strip())
            bottom -= 1
        out.append("\n".join(lines[top:bottom]))
    return "\n\n".join(out)


def markdown(text: str) -> str:
    """Markdown as written, with front matter, HTML comments, setext underlines and
    hard-break backslashes turned into what the parser reads (corpus 02, 03, 04, 05, 06)."""
    text = _without_page_furniture(text)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    lines = text.split("\n")
    header, rest = _front_matter(lines)
    if rest is not lines and _NUMBER_SECTIONS.search(text[:4096]):
        rest = _numbered_sections(rest)
    rest = _tables_as_rows(rest)
    if _mostly_html(rest):
        rest = html_to_text("\n".join(rest)).split("\n")
    out: list[str] = []
    for n, line in enumerate(rest):
        line = re.sub(r"(?i)\s*<br\s*/?>\s*", "\n", line).rstrip("\n")  # a line break in HTML
        if line.rstrip().endswith("\\") and not line.rstrip().endswith("\\\\"):
            line = line.rstrip()[:-1]
        underline = _SETEXT.match(rest[n + 1]) if n + 1 < len(rest) else None
        if underline and line.strip() and not line.lstrip().startswith(("-", "*", "#")):
            level = 1 if underline.group(1).startswith("=") else 2
            out.append(f"{'#' * level} {line.strip()}")
            continue
        if _SETEXT.match(line) and out and out[-1].startswith("#"):
            continue
        bold = _BOLD_LINE.match(line)
        if bold and (n == 0 or not rest[n - 1].strip()):
            # A paragraph that is only a bold phrase is a sub-heading: "**Rekapitulering**",
            # "***Nyckelhantering***" one level down (corpus 05).
            out.append(f"{'#' * (len(bold.group('marks')) + 1)} {bold.group('title').strip()}")
            continue
        nikola = _NIKOLA.match(line)
        if nikola and nikola.group("value").strip():
            key = nikola.group("key").lower()
            out.append(
                f"# {nikola.group('value').strip()}"
                if key == "title"
                else f"Datum: {nikola.group('value').strip()}"
            )
            continue
        out.append(line)
    return "\n".join(header + out)


# LaTeX ---------------------------------------------------------------------------------------

_LATEX_SECTION = re.compile(
    r"^\s*\\(?P<kind>section|subsection|subsubsection|paragraph)(?P<star>\*)?\s*\{(?P<title>.*)\}\s*$"
)
_LATEX_META = re.compile(r"^\s*\\(?P<kind>title|author|date|subtitle)\s*\{(?P<value>.*)\}\s*$")
_LATEX_DROP = re.compile(
    r"^\s*\\(?:documentclass|usepackage|bibliographystyle|maketitle|KOMAoptions|"
    r"includegraphics|newpage|clearpage|pagebreak|tableofcontents|vspace|hspace|input|include|"
    r"appendix|end\{document\}|begin\{document\})"
)
_LEVELS = {"section": 1, "subsection": 2, "subsubsection": 3, "paragraph": 4}


def _latex_inline(text: str) -> str:
    text = re.sub(r"(?<!\\)%.*$", "", text)
    text = text.replace("\\\\", "\n").replace("\\S", "§").replace("~", " ")
    text = re.sub(r"\\csname.*?\\endcsname", "", text)
    text = re.sub(r"\\(?:begin|end)\{[^{}]*\}(?:\[[^\]]*\])?", "", text)
    text = re.sub(r"\\(?:textbf|emph|textit|underline|texttt|textsc)\{([^{}]*)\}", r"**\1**", text)
    text = text.replace("**", "") if text.count("**") % 2 else text
    # \macro{a}{b}{c}: the arguments, as cells of one row.
    text = re.sub(
        r"\\[^\W\d_]+\*?((?:\s*\{[^{}]*\})+)",
        lambda m: ", ".join(a.strip() for a in re.findall(r"\{([^{}]*)\}", m.group(1))),
        text,
    )
    text = re.sub(r"\\(?:begin|end)\{[^{}]*\}(?:\[[^\]]*\])?", "", text)
    text = re.sub(r"\\item\b\s*", "- ", text)
    text = re.sub(r"\\[^\W\d_]+\*?", "", text)
    return text.replace("{", "").replace("}", "")


def latex(text: str) -> str:
    outline = _Outline()
    meta: dict[str, str] = {}
    out: list[str] = []
    appendix = False
    table: list[list[str]] | None = None
    for raw in text.split("\n"):
        if re.match(r"\s*\\begin\{(?:tabular|tabularx|longtable)\}", raw):
            table = []  # "Namn & Närvarande \\" rows of a table of people
            continue
        if table is not None:
            if re.match(r"\s*\\end\{(?:tabular|tabularx|longtable)\}", raw):
                rows = [row for row in table if any(row)]
                lines = _table_lines(rows[0], rows[1:]) if rows else None
                out.extend(
                    lines if lines is not None else [", ".join(c for c in r if c) for r in rows]
                )
                table = None
            elif not re.fullmatch(r"\s*(?:\\hline|\\toprule|\\midrule|\\bottomrule)?\s*", raw):
                row = re.sub(r"\\\\\s*(?:\\hline)?\s*$", "", raw)
                table.append([_latex_inline(cell).strip() for cell in row.split("&")])
            continue
        if raw.lstrip().startswith("%") or (
            _LATEX_DROP.match(raw) and not raw.strip().startswith("\\appendix")
        ):
            continue
        if raw.strip().startswith("\\appendix"):
            appendix = True
            continue
        found = _LATEX_META.match(raw)
        if found:
            meta[found.group("kind")] = _latex_inline(found.group("value")).strip()
            continue
        section = _LATEX_SECTION.match(raw)
        if section:
            title = _latex_inline(section.group("title")).strip()
            if appendix:  # an appendix's sections are not items of the meeting
                out.append(f"Bilaga: {title}")
                continue
            out.append("")
            out.append(
                outline.heading(_LEVELS[section.group("kind")], title, not section.group("star"))
            )
            out.append("")
            continue
        out.extend(_latex_inline(raw).split("\n"))
    return "\n".join(_meta_lines(meta) + out)


def _meta_lines(meta: dict[str, str]) -> list[str]:
    """Author (the body), title and date as a letterhead the parser reads."""
    lines: list[str] = []
    if meta.get("author"):
        lines.append(f"# {meta['author']}")
    title = " ".join(v for v in (meta.get("title"), meta.get("subtitle")) if v)
    if title:
        lines.append(f"## {title}")
    if meta.get("date"):
        lines.append(f"Datum: {meta['date']}")
    return [*lines, ""] if lines else []


# Typst ---------------------------------------------------------------------------------------

_TYPST_HEADING = re.compile(r"^(?P<marks>=+)\s+(?P<title>.+)$")
_TYPST_DATE = re.compile(r"datetime\(\s*year:\s*(\d{4}),\s*month:\s*(\d{1,2}),\s*day:\s*(\d{1,2})")


_TYPST_NUMBERING = re.compile(r"(?m)^\s*#set\s+heading\s*\((?P<args>[^)]*)\)")
# "Hoppade till 1.7", "lämnade vid 5.1": a number of the rendered outline named in the text.
_OUTLINE_REFERENCE = re.compile(r"(?<![\d.,:/-])(\d{1,2}(?:\.\d{1,2})+)(?![\d,:/-]|\.\d)")


def _refers_to_outline(text: str, levels: list[int]) -> bool:
    """Whether the text (its heading and code lines aside) names a sub-item number (N.M) the
    headings of these levels would be given when numbered."""
    outline = _Outline()
    numbers = {outline.number(level) for level in levels}
    prose = "\n".join(
        line
        for line in text.split("\n")
        if not _TYPST_HEADING.match(line.strip()) and not line.lstrip().startswith("#")
    )
    return any(ref in numbers for ref in _OUTLINE_REFERENCE.findall(prose))


def _typst_numbering(text: str) -> bool:
    """Typst numbers headings only under "#set heading(numbering: …)"; a template may set it
    for the document (corpus 01: "#show: setupDocument.with(…)"), which shows when the text
    names the rendered numbers ("lämnade vid 5.1"). Otherwise the headings stay unnumbered."""
    for found in _TYPST_NUMBERING.finditer(text):
        numbering = re.search(r"numbering\s*:\s*(?P<value>[^,)]+)", found.group("args"))
        if numbering:
            return numbering.group("value").strip() != "none"
    levels = [
        len(heading.group("marks"))
        for line in text.split("\n")
        if (heading := _TYPST_HEADING.match(line.strip()))
    ]
    return _refers_to_outline(text, levels)


# "#let time = "17:23"" binds a string that the text then writes as "#time" (corpus 01's
# template keeps the meeting's opening time so).
_TYPST_LET = re.compile(r'(?m)^\s*#let\s+([^\W\d][\w-]*)\s*=\s*"([^"\n]*)"\s*$')
_TYPST_USE = re.compile(r"#([^\W\d][\w-]*)(?![\w(\[-]|\.\w)")


def typst(text: str) -> str:
    outline = _Outline(_typst_numbering(text))
    bound = {m.group(1): m.group(2) for m in _TYPST_LET.finditer(text)}
    out: list[str] = []
    date = _TYPST_DATE.search(text)
    if date:
        out.append("Datum: {}-{:02d}-{:02d}".format(*(int(g) for g in date.groups())))
    for raw in text.split("\n"):
        line = re.sub(r"(?<!:)//.*$", "", raw)
        stripped = line.strip()
        if stripped.startswith(("#import", "#let ", "#set ", "#show", "#pagebreak")):
            continue
        if bound:
            line = _TYPST_USE.sub(lambda m: bound.get(m.group(1), m.group(0)), line)
            stripped = line.strip()
        if re.fullmatch(r"[\w-]+:\s.*,?", stripped) and raw[:1].isspace():
            continue  # a named argument of a call: layout, not content
        heading = _TYPST_HEADING.match(stripped)
        if heading:
            out.append("")
            out.append(outline.heading(len(heading.group("marks")), heading.group("title")))
            out.append("")
            continue
        # [Name], [Ja] cells and #func( … ) wrappers: keep the cell text, one row per line.
        if re.fullmatch(r"#\w[\w.]*\(?", stripped) or stripped in (")", "]", "[", "],", ")]"):
            continue
        line = re.sub(r"^\s*#\w[\w.]*\(\s*", "", line)
        cells = re.findall(r"\[([^\[\]]*)\]", line)
        if cells and re.fullmatch(r"\s*(?:\[[^\[\]]*\]\s*,?\s*)+", line):
            out.append(", ".join(c.strip() for c in cells))
            continue
        line = line.replace("\\", "").replace("[", "").replace("]", "")
        line = re.sub(r"\*([^*\n]+)\*", r"**\1**", line)
        out.append(line.rstrip())
    return "\n".join(out)


# Org-mode ------------------------------------------------------------------------------------

_ORG_HEADING = re.compile(r"^(?P<stars>\*+)\s+(?P<title>.+?)\s*(?::[\w:]+:)?\s*$")
_ORG_META = re.compile(r"^#\+(?P<key>\w+):\s*(?P<value>.*)$")


_ORG_NUM = re.compile(r"(?im)^#\+options:.*?(?<!\S)num:(?P<num>nil|t|\d+)(?!\S)")


def _org_outline(text: str) -> _Outline:
    """Org's export numbers headings unless "#+OPTIONS: num:nil"; "num:2" numbers two levels."""
    found = _ORG_NUM.search(text)
    if found is None or found.group("num") == "t":
        return _Outline()
    if found.group("num") == "nil":
        return _Outline(numbering=False)
    return _Outline(numbering=int(found.group("num")) > 0, depth=int(found.group("num")))


def org(text: str) -> str:
    outline = _org_outline(text)
    meta: dict[str, str] = {}
    out: list[str] = []
    in_block = False
    for raw in text.split("\n"):
        stripped = raw.strip()
        found = _ORG_META.match(stripped)
        if found:
            key = found.group("key").lower()
            if key in ("title", "author", "date", "subtitle"):
                meta[key] = re.sub(r"[<>\[\]]", "", found.group("value")).strip()
            in_block = key == "begin_src" or (key.startswith("begin") and key != "begin_quote")
            if key.startswith("end"):
                in_block = False
            continue
        if stripped.startswith("#") or in_block:
            continue
        heading = _ORG_HEADING.match(raw)
        if heading:
            out.append("")
            out.append(outline.heading(len(heading.group("stars")), heading.group("title")))
            out.append("")
            continue
        line = re.sub(r"\[\[[^\]]*\]\[([^\]]*)\]\]", r"\1", raw)
        line = re.sub(r"(?<!\w)\*([^*\n]+)\*(?!\w)", r"**\1**", line)
        line = re.sub(r"(?<!\w)\+([^+\n]+)\+(?!\w)", r"~~\1~~", line)  # struck through
        line = re.sub(r"(?<!\w)[/=]([^/=\n]+)[/=](?!\w)", r"\1", line)
        out.append(line.rstrip())
    return "\n".join(_meta_lines(meta) + _tables_as_rows(out))


# AsciiDoc ------------------------------------------------------------------------------------

_ADOC_HEADING = re.compile(r"^(?P<marks>={1,6})\s+(?P<title>\S.*?)\s*=*\s*$")
_ADOC_ATTRIBUTE = re.compile(r"(?m)^:(?P<key>!?[\w-]+!?):[ \t]*(?P<value>.*)$")
_ADOC_DELIMITER = re.compile(r"^(?:-{4,}|\.{4,}|={4,}|\*{4,}|_{4,}|\+{4,}|--|\|===|,===|:===)$")


def _asciidoc_numbering(text: str) -> bool:
    """AsciiDoc numbers sections under ":sectnums:" (":sectnums!:" turns it off); without it a
    document shows its numbering when its text names the rendered numbers, as Typst's."""
    for found in _ADOC_ATTRIBUTE.finditer("\n".join(line.strip() for line in text.split("\n"))):
        key = found.group("key")
        if key.strip("!") in ("sectnums", "numbered"):
            return "!" not in key
    levels = [
        len(heading.group("marks")) - 1
        for line in text.split("\n")
        if (heading := _ADOC_HEADING.match(line.strip())) and len(heading.group("marks")) > 1
    ]
    prose = "\n".join(line for line in text.split("\n") if not _ADOC_HEADING.match(line.strip()))
    return _refers_to_outline(prose, levels)


def asciidoc(text: str) -> str:
    """AsciiDoc: the document title ("= Styrelsemöte") and its attributes (":revdate:") as the
    letterhead, sections ("==", "===") as headings numbered as Asciidoctor renders them when the
    document numbers them, comments and block delimiters dropped, lists as "- " lines."""
    outline = _Outline(_asciidoc_numbering(text))
    meta: dict[str, str] = {}
    out: list[str] = []
    comment = False
    after_title = False
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped == "////":
            comment = not comment
            continue
        if comment or (stripped.startswith("//") and not stripped.startswith("///")):
            continue
        attribute = _ADOC_ATTRIBUTE.match(stripped)
        if attribute:
            key = attribute.group("key").lower()
            if key in ("revdate", "date"):
                meta["date"] = attribute.group("value").strip()
            elif key == "author":
                meta["author"] = attribute.group("value").strip()
            continue
        heading = _ADOC_HEADING.match(stripped)
        if heading and len(heading.group("marks")) == 1 and "title" not in meta:
            meta["title"] = heading.group("title")
            after_title = True
            continue
        if after_title:
            after_title = False
            # The author line and the revision line right under the title.
            if stripped and not heading and not stripped.startswith(("*", ".", "-", "[")):
                continue
        if heading:
            out.append("")
            out.append(outline.heading(len(heading.group("marks")) - 1, heading.group("title")))
            out.append("")
            continue
        if (
            _ADOC_DELIMITER.match(stripped)
            or re.fullmatch(r"\[[^\]]*\]", stripped)
            or re.match(r"\.[^\s.]", stripped)
        ):
            continue  # block delimiters, attributes ("[NOTE]", "[cols=2]") and titles (".Tabell")
        if stripped == "+":
            out.append("")
            continue
        line = re.sub(r"^(\s*)\.{1,5}\s+(?=\S)", r"\1- ", raw)  # ". item": an ordered list
        line = re.sub(r"^(\s*)\*{1,5}\s+(?=\S)", r"\1- ", line)
        if line.lstrip().startswith("|"):
            line = ", ".join(c.strip() for c in line.strip().strip("|").split("|") if c.strip())
        line = re.sub(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])", r"**\1**", line)
        line = re.sub(r"\s\+$", "", line)  # a hard line break
        out.append(line.rstrip())
    return "\n".join(_meta_lines(meta) + out)


def to_markdown(text: str, fmt: str) -> str:
    """The text of a markup file as the parser's Markdown; other formats pass through."""
    if fmt == "latex":
        return latex(text)
    if fmt == "typst":
        return typst(text)
    if fmt == "org":
        return org(text)
    if fmt == "asciidoc":
        return asciidoc(text)
    if fmt == "md":
        return markdown(text)
    return text

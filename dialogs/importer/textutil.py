"""Small text helpers shared by the minutes parser: normalising, markdown, sentences, noise."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

_SPACES = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u3000": " ",
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
        "\u00ad": None,
        "\u2028": "\n",
        "\u2029": "\n",
        "\x0c": "\n",
        "\x0b": "\n",
    }
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def normalize(text: str) -> str:
    """NFC, Unix newlines, plain spaces; drops invisible characters that break matching."""
    return "".join(_normalize_piece(piece) for piece in line_chunks(text))


def _normalize_piece(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_SPACES)
    text = _LOST_SECTION_SIGN.sub(r"\1§", text)
    text = _SPACED_WORD.sub(lambda m: m.group(0).replace(" ", ""), text)
    return _CONTROL.sub("", text)


# A word a PDF wrote with its letters spaced out, as in a table heading or an emphasised "A t t"
# (shapes/items 02; "N ä r v a r o", corpus 17): a capital and two or more lowercase letters,
# or four or more lowercase letters, each alone between single spaces. Of three spaced
# lower-case letters only "a t t" is a word: the decision clause's "att", spaced for emphasis
# after a lost subject ("beslutar a t t utse …", real/items 68); the others are abbreviations
# written with spaces ("t o m", "o s v") and stay as they are.
_SPACED_WORD = re.compile(
    r"(?<!\S)(?<!\s\w\s)(?:[A-ZÅÄÖ](?: [a-zåäö]){2,}|[a-zåäö](?: [a-zåäö]){3,}|a t t)"
    r"(?!\S)(?! \w(?!\S))"
)


# A replacement character right before a number at the start of a line is a "§" the file's
# encoding lost (corpus 02, where every non-ASCII letter became U+FFFD): "� 1 Mötet öppnas".
_LOST_SECTION_SIGN = re.compile(r"(?m)^([ \t#*_]*)\ufffd(?=[ \t]*\d)")


def spellings(word: str) -> Iterator[str]:
    """word, then, when a lost encoding turned its letters into U+FFFD ("N\ufffdrvarande",
    corpus 02), each reading with å, ä or ö in their place, so keyword tests still match."""
    yield word
    holes = word.count("\ufffd")
    if not 0 < holes <= 3:
        return
    for letters in itertools.product("åäö", repeat=holes):
        it = iter(letters)
        yield "".join(next(it) if ch == "\ufffd" else ch for ch in word)


def line_chunks(text: str, size: int = 1 << 15) -> Iterator[str]:
    """text in pieces of about size characters, cut after a newline. One C call over 10 MB holds
    the GIL for seconds; piece by piece, the event loop's thread gets its turns while a worker
    thread parses."""
    start = 0
    while start < len(text):
        end = text.find("\n", start + size)
        end = len(text) if end == -1 else end + 1
        yield text[start:end]
        start = end


_BOLD = re.compile(r"\*\*|__")
_ITALIC_STAR = re.compile(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!~|])")


def strip_inline_markdown(text: str) -> str:
    """Remove bold/italic markers and backslash escapes; keeps ~~strike~~ (it means absent)."""
    text = _BOLD.sub("", text)
    text = _ITALIC_STAR.sub("", text)
    return _ESCAPE.sub(r"\1", text)


_HEADING = re.compile(r"^\s{0,3}(#{1,6})[ \t]*")


def heading_level(line: str) -> int:
    """Markdown heading level of a line (0 when it is not a heading)."""
    match = _HEADING.match(line)
    return len(match.group(1)) if match else 0


def clean_line(line: str) -> str:
    """A line without markdown heading marks, emphasis, or surrounding whitespace."""
    line = _HEADING.sub("", line)
    line = strip_inline_markdown(line)
    return collapse_spaces(line).strip()


def collapse_spaces(text: str) -> str:
    return re.sub(r"[ \t]+", " ", text)


_BULLET = re.compile(r"^\s*(?:[-*•·▪◦‣–—]|\d{1,2}[.)])\s+")


def strip_bullet(line: str) -> str:
    return _BULLET.sub("", line, count=1)


def is_bullet(line: str) -> bool:
    return bool(re.match(r"^\s*[-*•·▪◦‣–—]\s+", line))


# Sentences -------------------------------------------------------------------------------------

# Abbreviations after which a period does not end a sentence.
_ABBREVIATIONS = frozenset(
    {
        "kl",
        "ca",
        "t.ex",
        "bl.a",
        "s.k",
        "m.m",
        "osv",
        "dvs",
        "o.s.v",
        "d.v.s",
        "nr",
        "f.d",
        "p.g.a",
        "fr.o.m",
        "t.o.m",
        "jfr",
        "resp",
        "ev",
        "st",
        "tel",
        "inkl",
        "exkl",
        "mfl",
        "m.fl",
        "obs",
        "ang",
        "enl",
        "avd",
        "tf",
        "vs",
        "kap",
        "prop",
        "sid",
        "s",
        "dnr",
    }
)
# A capital letter before a full stop is an initial ("Anna B. Berg"), unless it labels a thing:
# the last of a list of letters ("enligt bilagorna A och B. Fullmäktige godkände …", real/items
# 65) or after the noun it labels ("bilaga C.", "alternativ B.").
_LETTER_LABEL = re.compile(
    r"(?:\b[A-ZÅÄÖ](?:,\s*[A-ZÅÄÖ])*\s+(?:och|samt|eller)|"
    r"\b(?:bilag(?:a|an|orna|or)|alternativ(?:et|en)?|punkt(?:en|erna)?|avsnitt(?:et)?))"
    r"\s+[A-ZÅÄÖ]$"
)
# A dash bullet run into the line after a full stop opens the next sentence: "… en vecka innan.
# - Eva kontaktar …" (real/items 92).
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)]*(?=\s+(?:[-–•]\s+)?[\"“”(§*]*[A-ZÅÄÖÉÜ0-9])")


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of the sentences of text; a line break always ends a sentence."""
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        start = 0
        for match in _SENTENCE_END.finditer(line):
            before = line[start : match.start()]
            word = re.search(r"([\w.]+)$", before[-40:])
            if word:
                token = word.group(1).lower().rstrip(".")
                if token in _ABBREVIATIONS or (
                    len(token) == 1 and token.isalpha() and not _LETTER_LABEL.search(before)
                ):
                    continue
            end = match.end()
            if line[start:end].strip():
                yield _trim_span(line, line_start, start, end)
            start = end
        if line[start:].strip():
            yield _trim_span(line, line_start, start, len(line))


def _trim_span(line: str, offset: int, start: int, end: int) -> tuple[int, int]:
    segment = line[start:end]
    lead = len(segment) - len(segment.lstrip())
    trail = len(segment) - len(segment.rstrip())
    return offset + start + lead, offset + end - trail


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def strip_final_period(text: str) -> str:
    text = text.strip()
    while text.endswith((".", ":", ";", ",")):
        text = text[:-1].rstrip()
    return text


# Noise -----------------------------------------------------------------------------------------

_PAGE_MARK = re.compile(
    r"^\s*(?:sida|page|s\.)\s*\d+\s*(?:\(\s*\d+\s*\)|(?:av|of|/)\s*\d+)?\s*$|^\s*\d+\s*\(\s*\d+\s*\)\s*$",
    re.IGNORECASE,
)
# What letterheads carry and minutes' text rarely does.
_CONTACT = re.compile(
    r"@|\bwww\.|https?://|\b0\d{1,3}[- ]\d{2,3}[ ]?\d{2}[ ]?\d{2}\b|\b\d{6}-\d{4}\b|"
    r"\bbox\s+\d+|\b\d{3} ?\d{2}\s+[A-ZÅÄÖ]|^(?:POSTADRESS|TELEFON|BESÖKSADRESS)\b|"
    r"^(?:sida|page)\s+\d+",
    re.IGNORECASE,
)
# Labels of a letterhead footer; a run of lines containing several of them is a footer.
_FOOTER_LABELS = re.compile(
    r"^\s*(?:POSTADRESS|BESÖKSADRESS|LEVERANSADRESS|TELEFON|TELEFAX|FAX|ORG\.?\s*NR|"
    r"ORGANISATIONSNUMMER|PLUSGIRO|BANKGIRO|E-POST|INTERNET|WEBB|WEBBPLATS|HEMSIDA)\b",
)


def remove_noise(lines: list[str]) -> tuple[list[str], int]:
    """Drop letterheads and footers repeated through the text, and page numbers.

    A converted document carries its letterhead footer once per page, in the middle of the
    text; left in, it would become people or items. Returns the cleaned lines and how many were
    removed. Blocks are found by repetition, so no organisation's footer needs to be known.
    """
    keys = [line.strip() for line in lines]
    remove = [False] * len(lines)
    nonblank = [i for i, key in enumerate(keys) if key]
    # Repeated runs: windows of 4 consecutive non-blank lines that occur at least twice, joined
    # into runs. A run goes only if it looks like a letterhead (an address, a phone number, a
    # web or e-mail address), so minutes that repeat themselves keep their text.
    window = 4
    counts: Counter[str] = Counter()
    for n in range(len(nonblank) - window + 1):
        # Strings, not tuples: the garbage collector does not walk strings, and walking
        # hundreds of thousands of tuples stalls every thread (the bot's event loop too).
        counts["\n".join(keys[i] for i in nonblank[n : n + window])] += 1
    repeated = [False] * len(nonblank)
    for n in range(len(nonblank) - window + 1):
        if counts["\n".join(keys[i] for i in nonblank[n : n + window])] >= 2:
            for m in range(n, n + window):
                repeated[m] = True
    n = 0
    while n < len(nonblank):
        if not repeated[n]:
            n += 1
            continue
        end = n
        while end < len(nonblank) and repeated[end]:
            end += 1
        run = nonblank[n:end]
        if len(run) <= 30 and any(_CONTACT.search(keys[i]) for i in run):
            for i in run:
                remove[i] = True
        n = end
    # A footer seen once (the last page) is still recognisable by its labels: remove from the
    # first label of a cluster to the value after its last label. A cluster only spans short
    # lines, so text between two footers is never taken with them.
    cluster: list[int] = []

    def close(cluster: list[int]) -> None:
        if len(cluster) < 3:
            return
        last = cluster[-1]
        # The last label's value is on the next line only when the label stands alone.
        label_alone = _FOOTER_LABELS.sub("", keys[nonblank[last]]).strip() == ""
        if label_alone and last + 1 < len(nonblank) and len(keys[nonblank[last + 1]]) <= 40:
            last += 1
        for m in range(cluster[0], last + 1):
            remove[nonblank[m]] = True

    for n, i in enumerate(nonblank):
        if _FOOTER_LABELS.match(keys[i]):
            if cluster and n - cluster[-1] > 3:
                close(cluster)
                cluster = []
            cluster.append(n)
        elif len(keys[i]) > 40 and cluster:
            close(cluster)
            cluster = []
    close(cluster)
    for i, key in enumerate(keys):
        if key and _PAGE_MARK.match(key):
            remove[i] = True
    kept = [line for line, gone in zip(lines, remove, strict=True) if not gone]
    return kept, sum(remove)

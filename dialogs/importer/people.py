"""Attendance lists: section labels, one person per entry, and merging repeated mentions."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from .dates import MONTHS, WEEKDAY_STEMS
from .model import ABSENT, PARTIAL, PRESENT, ROLE_ORDER, ParsedPerson
from .names import (
    common_in,
    given_evidence,
    is_given_name,
    is_surname,
    surname_evidence,
    unlike_a_name,
)
from .textutil import (
    clean_line,
    heading_level,
    is_bullet,
    spellings,
    strip_bullet,
    strip_inline_markdown,
)


@dataclass(frozen=True)
class SectionLabel:
    """What a heading such as "Ersättare:" or "Återbud" says about the people listed under it."""

    roles: tuple[str, ...] = ()
    status: str = PRESENT
    absence_kind: str | None = None
    # A label naming one person ("Ordförande"); as a sub-heading of a group it covers only the
    # next name, after which the group's label applies again.
    singular: bool = False
    # "Kallade": invited; absent unless another list says present (corpus 03).
    invited: bool = False
    # "Närvarande ledamöter": a bare "Frånvarande" list after it lists absent ledamöter.
    present_group: bool = False
    # "Närvarande (X = närvarande)": the list marks who came; an unmarked name did not.
    marks_present: bool = False


_LABELS: list[tuple[re.Pattern[str], SectionLabel]] = [
    (
        re.compile(r"närvarande ledamöter|närvarande ledamot"),
        SectionLabel(("ledamot",), present_group=True),
    ),
    (
        re.compile(
            r"närvarande ersättare|tjänstgörande ersättare|(?:närvarande,? )?(?:ej|icke) "
            # "Tjänstgörande" alone: the label wrapped around its first row, "Tjänstgörande
            # Name (P) för Name (P) ersättare Name …" (real attendance 75)
            r"tjänstgörande ersättare|suppleanter|suppleant|tjänstgörande"
        ),
        SectionLabel(("ersattare",)),
    ),
    (
        re.compile(
            r"närvarande|deltagare|deltagande|närvarande deltagare|närvarande personer|närvaro|"
            r"mötesdeltagare|deltog|"
            # "Följande deltog på mötet; Johan Storåkers (ordförande), …" (real/complete 375)
            r"följande (?:deltog|närvarade|var närvarande)(?: (?:på|vid|i) (?:mötet|sammanträdet))?|"
            # "Närvarande på plats:", "Deltog på distans:", "Närvarande via Teams:"
            r"(?:närvarande|deltog|deltagande|deltagare)\s+(?:på plats|på distans|digitalt|"
            r"fysiskt|på länk|per telefon|via\s+\w+)"
        ),
        SectionLabel(),
    ),
    (
        re.compile(
            # "ande": "Beslutande" whose start a PDF conversion lost ("Plats och tid: ande: …", real 16,
            # 17, 23).
            r"(?:ordinarie )?ledamöter|ordinarie|ledamot|beslutande(?: ledamöter)?|ande|"
            r"styrelsemedlemmar|"
            r"styrelseledamöter|närvarande styrelseledamöter"
        ),
        SectionLabel(("ledamot",)),
    ),
    # "Icke röstberättigade:" after a club's "Röstlängd:": there without a vote, as guests
    # are (real/complete 414).
    (
        re.compile(
            r"(?:närvarande,? )?(?:ej|icke|inte) röstberättigade(?: medlemmar)?|"
            r"(?:närvarande|deltagare|medlemmar) utan rösträtt|utan rösträtt"
        ),
        SectionLabel(("ovrig",)),
    ),
    (
        re.compile(
            r"närvarolista|röstlängd|närvarande medlemmar|upprop|"
            r"(?:närvarande )?röstberättigade(?: medlemmar)?"
        ),
        SectionLabel(),
    ),
    # The organisations' representatives of a council, after its politicians (real 40).
    (re.compile(r"representanter"), SectionLabel()),
    (
        re.compile(r"kallade(?: ledamöter| deltagare)?|kallad"),
        SectionLabel(status=ABSENT, invited=True),
    ),
    (re.compile(r"ersättare"), SectionLabel(("ersattare",))),
    (
        re.compile(r"vice ordförande|v\.? ?ordförande|vice ordf\.?"),
        SectionLabel(("vice_ordforande",), singular=True),
    ),
    (
        re.compile(r"ordförande|ordf\.?|mötesordförande"),
        SectionLabel(("ordforande",), singular=True),
    ),
    (
        re.compile(r"sekreterare|mötessekreterare|protokollförare|antecknare|antecknas av"),
        SectionLabel(("sekreterare",), singular=True),
    ),
    (
        re.compile(
            # "Protokolljusterare Helena Ek" in a kommun's signature box (real formats 72, 73).
            r"justerare|protokolljusterare|justeringsperson(?:er)?|justerande|"
            r"utsedd?a? att justera|utses att justera|"
            # "Justeras Michael Ländin Lars Sandberg": the head's label in the passive, the
            # signatories after it (real/complete 311).
            r"justeras(?: av)?"
        ),
        SectionLabel(("justerare",)),
    ),
    (
        re.compile(
            r"tjänstepersoner|tjänsteperson|tjänstemän|övriga tjänstepersoner|sekretariatet"
        ),
        SectionLabel(("tjansteperson",)),
    ),
    (re.compile(r"brukarrepresentant(?:er)?"), SectionLabel(("brukarrepresentant",))),
    (
        re.compile(
            r"övriga(?: närvarande| deltagare| deltagande| medverkande| medlemmar)?|"
            r"adjungerade?(?: utan rösträtt)?|gäster|inbjudna|medverkande|övrig närvarande"
        ),
        SectionLabel(("ovrig",)),
    ),
    (re.compile(r"föredragande"), SectionLabel(("foredragande",))),
    (
        re.compile(
            r"återbud|anmält förhinder|förhinder|förhindrade|återbud från|anmälda förhinder|"
            r"meddelat förhinder|meddelade förhinder"
        ),
        SectionLabel(status=ABSENT, absence_kind="aterbud"),
    ),
    (
        re.compile(
            r"frånvarande(?: ledamöter| ersättare)?(?: med förhinder)?|ej närvarande|frånvaro|"
            r"deltog ej|deltog inte|"
            # "Icke deltagande: Inger Sjöberg Mats Hallor" on a board's web page (real 305).
            r"(?:ej|icke|inte) deltagande|icke närvarande"
        ),
        SectionLabel(status=ABSENT, absence_kind="franvarande"),
    ),
]

# A role word as the last part of an entry ("Anna-Lena Hardtmann<TAB>Närvårdskontoret, sekreterare"),
# with the abbreviations minutes use ("ordf", "sekr", "tjg ers", "mötesordf.").
ROLE_WORDS = {
    "ordförande": "ordforande",
    "ordf": "ordforande",
    "mötesordförande": "ordforande",
    "mötesordf": "ordforande",
    "vice ordförande": "vice_ordforande",
    "v ordförande": "vice_ordforande",
    "vice ordf": "vice_ordforande",
    "1:e vice ordförande": "vice_ordforande",
    "2:e vice ordförande": "vice_ordforande",
    "förste vice ordförande": "vice_ordforande",
    "andre vice ordförande": "vice_ordforande",
    "sekreterare": "sekreterare",
    "sekr": "sekreterare",
    "mötessekreterare": "sekreterare",
    "antecknar": "sekreterare",
    "antecknare": "sekreterare",
    "protokollförare": "sekreterare",
    "justerare": "justerare",
    "ledamot": "ledamot",
    "ersättare": "ersattare",
    "suppleant": "ersattare",
    "tjänstgörande ersättare": "ersattare",
    "ej tjänstgörande ersättare": "ersattare",
    "tjg ersättare": "ersattare",
    "tjg ers": "ersattare",
    "tgj ers": "ersattare",
    "ej tjg ers": "ersattare",
    "ers": "ersattare",
    "brukarrepresentant": "brukarrepresentant",
    "tjänsteperson": "tjansteperson",
    "föredragande": "foredragande",
    "adjungerad": "ovrig",
    "adjungerad utan rösträtt": "ovrig",
    "utan rösträtt": "ovrig",
    "gäst": "ovrig",
}
# Longest first, so "vice ordförande" is read before "ordförande".
_ROLE_PREFIX = re.compile(
    r"(?i)^(?P<word>"
    + "|".join(re.escape(w) for w in sorted(ROLE_WORDS, key=len, reverse=True))
    + r")\.?(?=$|[\s,§(\d])"
)


def role_of(part: str) -> tuple[str, str] | None:
    """(role, what follows) when part starts with a role word: "sekr. Regionens stab",
    "mötesordf. § 10-15", "ordförande"."""
    match = _ROLE_PREFIX.match(part.strip())
    if not match:
        return None
    return ROLE_WORDS[match.group("word").lower()], part.strip()[match.end() :].strip(" ,.")


_PARTIAL = re.compile(
    r"del av (?:mötet|sammanträdet|tiden)|delvis|fr\.?\s?o\.?\s?m\.?|t\.?\s?o\.?\s?m\.?|"
    r"från kl|till kl|från §|till §|ej §|§§?\s*\d|kl\.?\s*\d|lämnade|anslöt|deltog under|"
    r"(?:efter|till och med|från och med) punkt|"
    # "Lars-Gunnar Borg (punkt 3)" closing a comma list: there for that item only (real 305)
    r"\b(?:punkt(?:erna)?|pkt\.?)\s*\d|"
    # "Olav Ek (ärende 16 och 21, programansvarig)", "Per Lund, utvärdering (ärende 20)": there
    # for those items of a saklista only (real attendance 421)
    r"\bärende(?:na|n)?\s*\d",
    re.IGNORECASE,
)
_SUBSTITUTE = re.compile(
    r"^(?:tjänstgörande ersättare|ersättare|tjänstgör|ersätter|(?:ej )?(?:tjg|tgj) ers\.?|ers\.?)"
    r"\s+(?:för\s+)?(?P<who>.+)$|"
    r"^för\s+(?P<who2>.+)$",
    re.IGNORECASE,
)
# "Karin Holm (S) ersätter Peter Ström (S)" / "Mona Falk (C) tjänstgörande ersättare för Per Hed".
_REPLACES = re.compile(
    r"^(?P<name>.+?)\s*,?\s+(?:ersätter|i stället för|istället för|(?:tjänstgörande )?ersättare för|"
    r"(?:tjg|tgj)\.? ers\.? för|ers\.? för|tjänstgörande för|(?:tjg|tgj)\.? för|"
    # "S Håkan Andersson, tjänstgör för Marcus Holmquist (V)": the verb in the present or past
    # (real attendance 381)
    r"tjänstgör för|tjänstgjorde för)\s+(?P<who>.+)$",
    re.IGNORECASE,
)

_PARTICLES = frozenset(
    {"de", "la", "le", "af", "av", "von", "van", "der", "den", "du", "di", "da", "del", "el"}
    | {"bin", "ibn", "al", "y", "zu", "dos", "das", "do", "ter", "ten"}
)
# Words that start organisations, places and headings, not names.
_NOT_NAME_WORDS = frozenset(
    {
        "region",
        "kommun",
        "kommuner",
        "kommunerna",
        "stad",
        "län",
        "landsting",
        "box",
        "sida",
        "protokoll",
        "protokollet",
        "mötet",
        "tid",
        "plats",
        "datum",
        "lokal",
        "paragrafer",
        "underskrifter",
        "bilaga",
        "dagordning",
        "föredragningslista",
        "beslut",
        "närvarande",
        "frånvarande",
        "ordförande",
        "sekreterare",
        "justerare",
        "ledamöter",
        "ersättare",
        "styrgrupp",
        "styrgruppen",
        # A letterhead's field labels closing a page ("… Ulla Persson Ärenden: … Postadress
        # Besöksadress Telefon Telefax Regionens Hus", real/complete 245).
        "postadress",
        "besöksadress",
        "telefax",
        # The agenda's heading after the head's last value: "Lergöksgatan 2, Munspelet
        # Mötespunkter 1. …" (real/complete 240)
        "mötespunkter",
        # A letterhead's address block flattened into a list: "… produktionschef Förebyggande
        # Räddningstjänsten Östra Götaland Albrektsvägen Norrköping Växel Fax E-post …" (real/
        # bodies 295)
        "växel",
        "fax",
        "e-post",
        "organisationsnummer",
    }
)
# U+FFFD inside a name is a letter a lost encoding replaced ("B\ufffdrje", corpus 02).
_NAME_TOKEN = re.compile(
    r"[A-ZÅÄÖÜÉÈÁÀÆØÇÑ][\wÅÄÖåäöÜüÉéÈèÁáÀàÆæØøÇçÑñ'’.\ufffd]*(?:-[\w'’\ufffd]+)*"
)


# Words that end like an organisation or a unit ("Vårdcentralen", "Medicinkliniken", "Regionens",
# "Socialförvaltningen", "Tandvården"): a token so shaped is not part of a person's name.
_ORGANISATION_WORD = re.compile(
    r"(?i)(?:klinik|central|kommun|region|förvaltning|enhet|avdelning|centrum|center|sjukhus|"
    r"nämnd|styrelse|kontor|förbund|verk|myndighet|stab|grupp|vård|bolag|skola|förening|"
    r"institut|universitet|landsting|kansli|sektion|råd|företag|"
    # "Göteborgs Hamn AB", "Östra Lagnö Byalag", Norwegian "Samferdselsetaten", "Akershus
    # fylkeskommune" in cooperation across the border (real 25, 33)
    r"hamn|byalag|samfällighet|etat|kommune|"
    # "Försäkringskassan Roger Ingvarsson", "Samordningsteam Sala" (real 23)
    r"kassa|team|"
    # "Soili Brunberg Sekretariatet Rolf Thor …": a group heading glued to the name before it
    # (real/complete 245)
    r"sekretariat|"
    # "Annika Knober, Närhälsan Askim", "Dan Carlsson, Ungdomsmottagningen Väst": a care unit
    # in the definite form, which no surname has (real/complete 240)
    r"hälsa|mottagning|"
    # A building, where a meeting or its justering is held: "Rådhuset Visborg" (real 41); only
    # in the definite form, which no surname has
    r"huset|"
    # A service and a street in a letterhead's address block: "Räddningstjänsten", "Albrektsvägen",
    # "Drottninggatan" (real/bodies 295); only definite, which no surname is
    r"tjänsten|vägen|gatan|torget|"
    # An airport, a company in a regional body's guest list: "VD Smaland Airport Lars Håkansson",
    # the title before the company and the name (real attendance 422)
    r"airport|flygplats|"
    # A science or business park, the meeting's place flattened among the names after the
    # column labels: "Tjänstemän Bure, Vidéum Science Park, Framtidsvägen 12, Växjö Marie-Louise
    # …" (real attendance 331). "Park" alone is a surname too ("Ji-Hoon Park"), so only the
    # English "Science" and a compound's "-parken" ("Teknikparken") count.
    r"\Bpark|science)(?:en|et|n|na|ens|ets|s)?$"
)
# Titles written before a name ("Kommunchef Gustav Ring", "kommunsekreterare Tina Sand").
_TITLE_WORD = re.compile(
    r"(?i)(?:chef|sekreterare|direktör|ekonom|strateg|samordnare|handläggare|ansvarig|ingenjör|"
    r"arkitekt|controller|sköterska|läkare|konsult|utvecklare|ledare|assistent|rådgivare|jurist|"
    r"revisor|tjänsteman|utredare|representant|ombud|inspektör|kurator|kommunikatör|analytiker|"
    r"specialist|koordinator|sekr|"
    # "Förskollärare Jolanta Nilsson Familjebehandlare Anna Karlsson Språkstödjare …" (real 29)
    r"lärare|behandlare|stödjare|planerare|pedagog|terapeut|psykolog|socionom|"
    # "… Enhetschef Livsmedel Nämndadministratör Miljö- och hälsoskyddsinspektör" (a title
    # column after the names, real attendance 383)
    r"administratör)\.?$"
)


# A noun in the definite plural names a group, no person: "SPF Seniorerna Mariefred-Åker Anita
# Engström" (the pensioners' organisation before the next name, real/complete 230),
# "Pensionärerna", "Kommunerna". Three letters before the ending keep given names ("Verna");
# "-stierna"/"-tierna" (the old spelling of "stjärna") ends surnames, "Krusentierna",
# "Gyllenstierna" (an annual meeting's list, real/complete 373).
_GROUP_PLURAL = re.compile(r"(?i)[a-zåäö]{3,}(?<!sti)(?<!nti)(?:erna|arna|orna)$")


def is_organisation_word(token: str) -> bool:
    token = token.strip(".,:;()")
    return token == "AB" or (
        len(token) > 3
        and bool(_ORGANISATION_WORD.search(token) or _GROUP_PLURAL.search(token.split("-")[0]))
    )


def is_title_word(token: str) -> bool:
    # "Chef" alone, capitalised in a title column: "Ing-Britt Runger Chef kommunledningssektorn"
    # (real attendance 280); other words of four letters or fewer are no titles.
    bare = token.strip(",:;()")
    return bool(_TITLE_WORD.search(bare)) and (len(token) > 4 or bare.lower() == "chef")


@functools.lru_cache(maxsize=4096)
def _label_of(word: str) -> SectionLabel | None:
    """The label a phrase is, or the label two column headings side by side make
    ("ledamöter närvarande": ledamöter present; "övriga närvarande ersättare": ersättare)."""
    for pattern, label in _LABELS:
        if any(pattern.fullmatch(spelling) for spelling in spellings(word)):
            return label
    words = word.split()
    for cut in range(1, len(words)):
        first = _label_of(" ".join(words[:cut]))
        second = first and _label_of(" ".join(words[cut:]))
        if first and second:
            roles = second.roles or first.roles
            absent = first if first.status == ABSENT else second
            return replace(
                second if second.roles else first,
                roles=roles,
                status=absent.status,
                absence_kind=absent.absence_kind,
                singular=False,
            )
    return None


# Every label spelling, for a misspelt label followed by a colon ("Frånvarnade:").
_LABEL_SPELLINGS = [
    word
    for word in (
        "närvarande",
        "frånvarande",
        "deltagare",
        "ersättare",
        "ledamöter",
        "beslutande",
        "förhinder",
        "anmält förhinder",
        "övriga närvarande",
        "övriga deltagare",
        "tjänstgörande ersättare",
        "justerare",
        "sekreterare",
        "ordförande",
    )
]


def _fuzzy_label(word: str) -> SectionLabel | None:
    if len(word) < 8:
        return None
    best = process.extractOne(word, _LABEL_SPELLINGS, scorer=fuzz.ratio, score_cutoff=88)
    return _label_of(best[0]) if best else None


_MARK_LEGEND_LABEL = re.compile(
    r"\s*\((?:[xX]\s*=\s*(?:närvarande|närvaro|deltog)|(?i:markerade?\s+med\s+x))[^()]*\)"
)


# A label closed by a semicolon instead of a colon before its names: "Övriga; Stefan Olsson
# (generalsekreterare), …", "Återbud; Karin Grute Movin" (a federation's web report, real/complete
# 375). Only a capitalised name may follow, so a sentence with a semicolon is no label.
_SEMICOLON_LABEL = re.compile(r"^([^:;]{2,40}?)\s*;\s+([A-ZÅÄÖ].*)$")


def match_label(line: str, names_after: bool = False) -> tuple[SectionLabel, str, int] | None:
    """If line is an attendance heading, return its label, any names on the same line, and its
    markdown heading level. With names_after (the header), a label followed by names without a
    colon ("Beslutande Anna Berg (S), ordförande") and a misspelt label before a colon
    ("Frånvarnade:") count too."""
    level = heading_level(line)
    text = clean_line(line)
    legend = _MARK_LEGEND_LABEL.search(text)
    if legend:
        # "Närvarande (X = närvarande)", "Närvarolista (markerade med x)" over "Name X" rows.
        found = match_label(text[: legend.start()] + text[legend.end() :], names_after)
        return (replace(found[0], marks_present=True), *found[1:]) if found else None
    semicolon = _SEMICOLON_LABEL.match(text)
    if semicolon and _label_of(semicolon.group(1).strip().lower()) is None:
        semicolon = None
    match = semicolon or re.match(r"^([^:]{2,40}?)\s*(?::\s*(.*))?$", text)
    if match:
        word = match.group(1).strip().lower()
        rest = (match.group(2) or "").strip()
        label = _label_of(word)
        if label is None and names_after and match.group(2) is not None:
            # Only where the header is read: "Beslutade:" in an item is no "Beslutande:".
            label = _fuzzy_label(word)
        if label is not None:
            return label, rest, level
    if not names_after:
        return None
    words = text.split()
    for cut in range(min(4, len(words) - 1), 0, -1):
        label = _label_of(" ".join(words[:cut]).lower().rstrip(":"))
        rest = " ".join(words[cut:])
        if label is not None and rest[:1].isupper() and _all_people(rest):
            return label, rest, level
    return None


_LABEL_IN_SENTENCE = re.compile(r"(?<=[.;])\s+(?P<label>[A-ZÅÄÖ][\wåäö ]{2,40}?\s*:\s*\S.*)$")
# A table's label cell run into the line after a cell that ends in a bracket: "… i Prologen
# (Kommunhuset) Ledamöter Göran Lindvall (FP) ordf.", "K G Hammarlund (S) Representanter Sture
# Beckman (SRF)", "Clary Hägglund (Parkinson lokalförening) Övriga Parisa Rahimi, sekreterare"
# (real 40).
_LABEL_AFTER_BRACKET = re.compile(
    r"(?<=\))\s+(?=(?P<label>[A-ZÅÄÖ][\wåäö]+(?:\s+[a-zåäö]+)?\s+[A-ZÅÄÖ].*)$)"
)


# A decision-makers' label and a name ("Beslutande: Roland Bäckman"), not a second column heading
# ("Närvarande: Ledamöter Tjänstgörande ersättare Kerstin …", real 300, whose flattened columns
# the flat reading does not yet separate).
_EARLIER_LIST = re.compile(
    r"\b(?:Beslutande|Närvarande|Ledamöter)\b:?\s+"
    r"(?:(?:Ledamöter|Tjänstgörande ersättare)\s+)*"
    r"(?!(?:Ledamöter|Tjänstgörande|Ersättare|Ordinarie|Ej|Icke)\b)[A-ZÅÄÖ][\wåäö-]+\s+[A-ZÅÄÖ]"
)


def label_after_value(text: str) -> tuple[str, str] | None:
    """(value, labelled list) when a header value or a list's line is followed on its line by an
    attendance label and its names: "Plats: Café Skogen. Deltagande: Anna Berg, Bo Ek." (real
    10), "… (Kommunhuset) Ledamöter Göran Lindvall (FP) ordf." (real 40)."""
    for pattern in (_LABEL_IN_SENTENCE, _LABEL_AFTER_BRACKET):
        for found in pattern.finditer(text):
            if len(text) > 300 and _EARLIER_LIST.search(text[: found.start()]):
                # A page flattened to one line, whose decision-makers' list stands before the
                # label found: "Plats och tid … klockan 9:00-13:40 Beslutande: Roland Bäckman
                # (S) … Brink (C) Övriga deltagande Nicklas …" is not a place followed by one
                # list, and is left to the flattened-page reading (real 302).
                continue
            if match_label(found.group("label"), names_after=True):
                return text[: found.start()].strip(), found.group("label")
    return None


def _all_people(text: str) -> bool:
    entries = split_inline_list(text).entries
    return bool(entries) and all(parse_person(e, None) is not None for e in entries)


def looks_like_name(text: str) -> bool:
    """A person's name: two to six capitalised words (particles such as "de la" allowed), none
    of them shaped like an organisation or a title."""
    if not text or len(text) > 60 or any(ch.isdigit() for ch in text):
        return False
    tokens = text.split()
    if not 2 <= len(tokens) <= 6:
        return False
    capitalised = 0
    for token in tokens:
        if token.lower() in _PARTICLES:
            continue
        if token.lower().strip(".") in _NOT_NAME_WORDS or not _NAME_TOKEN.fullmatch(token):
            return False
        if is_organisation_word(token) or is_title_word(token):
            return False
        capitalised += 1
    return capitalised >= 2


# "Anna Ek – socialchef, Östby kommun", "Bo Lund - Region Nordland", "Cilla Berg/sekreterare":
# a dash or a slash after the name where a comma would stand (layouts the brief for batch 8
# names). The name first, two to four capitalised words.
_NAME_THEN_DASH = re.compile(
    r"^(?P<name>[A-ZÅÄÖÉ][\wåäöé'’-]*(?:\s+[A-ZÅÄÖÉ][\wåäöé'’-]*){1,3})"
    r"(?:\s+[–—-]\s+|\s*/\s*(?=[a-zåäö]))(?P<rest>\S.*)$"
)


def dash_after_name(line: str) -> str:
    """The line with "Name – rest" / "Name/role" written "Name, rest", part by part when ";"
    separates people."""

    def one(part: str) -> str:
        found = _NAME_THEN_DASH.match(part.strip())
        if not found or not looks_like_name(found.group("name")):
            return part
        return f"{found.group('name')}, {found.group('rest')}"

    return ";".join(one(part) for part in line.split(";"))


_GIVEN_NAME = re.compile(r"[A-ZÅÄÖ][a-zåäöéü]{2,11}(?:-[A-ZÅÄÖ][a-zåäöéü]{2,11})?")


def first_names(text: str) -> list[str]:
    """A list of given names only, as a unit's notes write those present: "Malin, Sofia,
    Ingrid, … och Nasrin" (real attendance 78). Three or more single words, each shaped like a
    given name and none an organisation ("Skatteverket"), title or role word; [] otherwise."""
    parts = [p.strip() for p in re.split(r"\s*,\s*|\s+(?:och|samt)\s+", text.strip().rstrip("."))]
    bare = [re.sub(r"\s*\([^()]*\)", "", p).strip() for p in parts if p]
    if len(bare) < 3:
        return []
    for word in bare:
        low = word.lower()
        if (
            not _GIVEN_NAME.fullmatch(word)
            or low in _NOT_NAME_WORDS
            or low in ROLE_WORDS
            or is_organisation_word(word)
            or is_title_word(word)
        ):
            return []
    # Most of them known given names (names.py): "Bollnäs, Hudiksvall, Ljusdal och Söderhamn"
    # are places of the same shape.
    if 2 * sum(map(is_given_name, bare)) < len(bare):
        return []
    return bare


def split_names(text: str) -> list[str]:
    """Split "A, B och C" into names; returns [] unless every part is a name."""
    parts = [p.strip() for p in re.split(r"\s*,\s*|\s+och\s+|\s+samt\s+|\s*&\s*", text)]
    parts = [p for p in parts if p]
    if parts and all(looks_like_name(p) for p in parts):
        return parts
    return []


@dataclass
class InlineEntries:
    entries: list[str]
    # Parts that had to be split because a comma seemed to be missing.
    split: list[tuple[str, list[str]]]


def _run_together_rows(parts: list[str]) -> list[str] | None:
    """ "Björn Cedersjö, Civos Camilla Olsson, Coompanion": rows of "Name, Organisation" that
    lost their line breaks; each inner part is the organisation of the name before and the name
    of the next row (its last two words)."""
    if len(parts) < 3 or not looks_like_name(parts[0]) or looks_like_name(parts[-1]):
        return None
    rows = [[parts[0]]]
    for part in parts[1:-1]:
        tokens = part.split()
        if len(tokens) < 3 or not looks_like_name(" ".join(tokens[-2:])):
            return None
        rows[-1].append(" ".join(tokens[:-2]))
        rows.append([" ".join(tokens[-2:])])
    rows[-1].append(parts[-1])
    return [", ".join(row) for row in rows]


def _titleish(token: str) -> bool:
    """A word of a function after a name: lower case, a title word ('Förbundschef',
    'Sekreterare'), or an abbreviation with a slash ('MT/CT')."""
    bare = token.strip(",")
    return (
        bare[:1].islower()
        or is_title_word(bare)
        or bool(re.fullmatch(r"[A-ZÅÄÖ]+/[A-ZÅÄÖ]+", bare))
    )


def _run_together_title_rows(text: str) -> list[str] | None:
    """ "Samir Haddad, Förbundschef Jessica Wallén, Sekreterare Lena Boström Samordnare MT/CT
    Malin Eklöf, Ekonom": rows of "Name, Title" (the title capitalised, the comma sometimes
    missing) that lost their line breaks, so each title reads as if it stood before the next
    name (real 142). The words alternate: a name of two to four words, then its title; only
    read so when every name run is a name and the line ends in a title."""
    tokens = text.rstrip(".").split()
    if len(tokens) < 6 or not _titleish(tokens[-1]):
        return None
    rows: list[tuple[list[str], list[str]]] = []
    for token in tokens:
        if _titleish(token):
            if not rows:
                return None
            rows[-1][1].append(token)
        elif rows and not rows[-1][1] and not rows[-1][0][-1].endswith(","):
            rows[-1][0].append(token)
        else:
            rows.append(([token], []))
    if len(rows) < 3 or any(not title for _, title in rows):
        return None
    out = []
    for name, title in rows:
        bare = " ".join(name).rstrip(",")
        if not looks_like_name(bare):
            return None
        out.append(f"{bare}, {' '.join(title)}")
    return out


# A list of names ending in "och" and then § numbers for them all.
_LIST_PARAGRAPHS = re.compile(
    r"^(?P<list>.+\s+och\s+.+?)\s*,?\s+(?P<nums>(?:§{1,2}\s*)?\d{1,4}(?:\s*[-–,]\s*\d{1,4})*)\.?$"
)


def _run_together_titled_rows(parts: list[str]) -> list[str] | None:
    """ "Birgitta Lundell, färdtjänsthandläggare Annika Hjort Lindgren, utemiljöförvaltare": rows
    of "Name, title" that lost their line break; each inner part is the lower-case title of the
    name before and the next row's name (real 40)."""
    if len(parts) < 3 or not looks_like_name(parts[0]) or not parts[-1][:1].islower():
        return None
    rows = [[parts[0]]]
    for part in parts[1:-1]:
        tokens = part.split()
        cut = 0
        while cut < len(tokens) and tokens[cut][:1].islower():
            cut += 1
        if not cut or not looks_like_name(" ".join(tokens[cut:])):
            return None
        rows[-1].append(" ".join(tokens[:cut]))
        rows.append([" ".join(tokens[cut:])])
    rows[-1].append(parts[-1])
    return [", ".join(row) for row in rows]


# "Karin Sjödin, sektorsekonom, § 37 Linda Åkerman, socialsekreterare, §45, 46 Mats Roos, …":
# the § a person was there for end that person; a name with its comma or bracket starts the
# next, people run together on one line of a flattened page (real attendance 103).
_PARAGRAPHS_THEN_NAME = re.compile(
    r"(,\s*(?:del\s+av\s+)?§\s*\d+(?:\s*[-–,]\s*\d+)*)\s+"
    r"(?=[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäö]+)?\s+[A-ZÅÄÖ][\wåäöé-]+\s*[,(])"
)


# "Ingela Svensson (C) 1:e vice ordförande, deltog på distans Rolf Lindström (M) …": how a
# person took part, after the comma, ends that person; the next name with its party bracket or
# comma starts the next, people run together on one line of a flattened page (real/complete
# 311 and attendance 330, two excerpts of one page: a meeting held partly over Teams).
_REMOTE_THEN_NAME = re.compile(
    r"(,\s*(?:deltog|deltar|närvarade|närvarar|medverkade|medverkar)\s+"
    r"(?:på\s+distans|digitalt|via\s+(?:Teams|Skype|Zoom|länk|video|telefon)))\s+"
    r"(?=[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäö]+)?(?:\s+[A-ZÅÄÖ][\wåäöé-]+){1,2}\s*[,(])"
)


# "A (AAA), B (BBB) och C (CCC). CCC deltog §229-246.": a sentence after the list's full stop
# on the same line that says when one of the listed took part (real 144, a Teams meeting's
# 'Deltagare:'). The person is named by initials in parentheses, a full name or a first name.
_PRESENCE_SENTENCE = re.compile(
    r"(?<=[\w)])\.\s+(?P<who>[A-ZÅÄÖÉ][\wåäöéÅÄÖ-]*(?:\s+[A-ZÅÄÖÉ][\wåäöé-]+)?)\s+"
    r"(?P<what>(?:deltog|närvarade|var\s+närvarande|deltar|närvarar)\s+[^.]*?"
    r"(?:§|kl\.?|klockan|till|från|under|efter|före)[^.]*)\.?$"
)
# "Ulrika Sjödin (USJ) och Jonas Fagerberg (JFA), personalen": names joined by "och" share the
# function written after them in lower case (real 144).
_SHARED_FUNCTION = re.compile(r"^[a-zåäö][\wåäö-]*(?:\s+[a-zåäö][\wåäö-]*){0,3}$")


def _initials(entry: str) -> str | None:
    found = re.search(r"\(([A-ZÅÄÖ]{2,4})\)", entry)
    return found.group(1) if found else None


def _with_presence_sentence(entries: list[str], who: str, what: str) -> list[str] | None:
    """The entries with the sentence's note on the one person it names: by the initials in
    parentheses after the name, by the full name, or by a first name only one of them has."""

    def names(entry: str) -> bool:
        bare = core_name(entry)
        return _initials(entry) == who or bare == who or bare.split()[0] == who

    hits = [i for i, e in enumerate(entries) if names(e)]
    if len(hits) != 1:
        return None
    out = list(entries)
    out[hits[0]] = f"{out[hits[0]]}, {what}"
    return out


def split_inline_list(text: str, name_org: bool = False, context: str = "") -> InlineEntries:
    """The people in one line. ";" separates people, each "name, organisation, title"; otherwise a
    line of names only ("Närvarande: A, B (S) och C, ekonom D 71") is split on commas, "och" and
    a closing party bracket, and a line that is not only names is one person with organisation
    and title. With name_org (the list's rows so far were "Name, Organisation"), a line is read
    as such rows: "Conny Sandberg, Ideell Kulturallians" is one person, and rows run together
    are split (real 06). The context (the whole document) lets the name lexicon tell a name
    from a heading's ordinary words (names.py)."""
    text = _PARAGRAPHS_THEN_NAME.sub(r"\1; ", text.strip())
    text = _REMOTE_THEN_NAME.sub(r"\1; ", text)
    sentence = _PRESENCE_SENTENCE.search(text)
    if sentence and ";" not in text:
        inner = split_inline_list(text[: sentence.start()], name_org, context)
        noted = _with_presence_sentence(
            inner.entries, sentence.group("who"), sentence.group("what")
        )
        if noted and len(inner.entries) >= 2:
            return InlineEntries(noted, inner.split)
    if ";" in text:
        return InlineEntries([p.strip() for p in text.split(";") if p.strip()], [])
    shared = _LIST_PARAGRAPHS.match(text)
    if shared:
        # "Ylva Strand, Marianne Ödman Berg och Maja Falk, 37.": the § are all of theirs (real
        # 38, as _shared_paragraphs in flattened text).
        inner = split_inline_list(shared.group("list"), name_org)
        if len(inner.entries) >= 2 and all(
            "," not in e and looks_like_name(core_name(e)) for e in inner.entries
        ):
            nums = shared.group("nums")
            return InlineEntries([f"{e} {nums}" for e in inner.entries], inner.split)
    words = text.split()
    if (
        len(words) >= 5
        and _FLAT_RUN.fullmatch(text + " ")
        and not any(w.lower() in _PARTICLES for w in words)
        and all(_is_flat_name_word(w) for w in words)
    ):
        # A line of names only, without separators: two columns' names run together ("Anette
        # Schön Erling Johansson Ulrika Björklund", real 22), two or three words each.
        pieces, at = [], 0
        for size in _split_run(words, context):
            piece = words[at : at + size]
            at += size
            if not unlike_a_name(piece, context):
                pieces.append(" ".join(piece))  # not "Ekonomisk Uppföljning" (names.py)
        return InlineEntries(pieces, [(text, pieces)])
    if (
        len(words) == 4
        and all(_NAME_TOKEN.fullmatch(w) and _is_flat_name_word(w) for w in words)
        and is_given_name(words[0])
        and is_given_name(words[2])
        and not is_given_name(words[1])
        and not is_given_name(words[3])
        and not _is_surname(words[2])
    ):
        # Two "Given Surname" names without the comma between them: "Icke deltagande: Inger
        # Sjöberg Mats Hallor" (real 305). Both first and third words known given names, the
        # third not shaped like a surname ("Anna Berg Lind Ek" keeps its double surname).
        pieces = [" ".join(words[:2]), " ".join(words[2:])]
        return InlineEntries(pieces, [(text, pieces)])
    parts = [p.strip() for p in re.split(r",", text.rstrip(".")) if p.strip()]
    if name_org and len(parts) == 2 and looks_like_name(core_name(parts[0])):
        return InlineEntries([text], [])
    rows = (
        (_run_together_rows(parts) if name_org else None)
        or _run_together_titled_rows(parts)
        or _run_together_title_rows(text)
    )
    if rows:
        return InlineEntries(rows, [])
    # "… och Anna Berg" ending the list; "Rolf Ek (M) Ingrid Lax (S)" on one line.
    for splitter in (r"\s+(?:och|samt)\s+", r"(?<=\))\s+(?=[A-ZÅÄÖÉ])"):
        expanded: list[str] = []
        for part in parts:
            pieces = [p.strip() for p in re.split(splitter, part) if p.strip()]
            if len(pieces) > 1 and all(looks_like_name(core_name(p)) for p in pieces):
                expanded.extend(pieces)
            else:
                expanded.append(part)
        parts = expanded
    cores = [core_name(p) for p in parts]
    if (
        len(parts) >= 3
        and _SHARED_FUNCTION.fullmatch(parts[-1])
        and all(looks_like_name(c) for c in cores[:-1])
        and re.search(r"\s(?:och|samt)\s", text)
    ):
        return InlineEntries([f"{p}, {parts[-1]}" for p in parts[:-1]], [])
    if len(parts) >= 2 and all(looks_like_name(c) for c in cores):
        entries: list[str] = []
        split: list[tuple[str, list[str]]] = []
        for part, bare in zip(parts, cores, strict=True):
            halves = _missing_comma(bare)
            if halves and part == bare:
                entries.extend(halves)
                split.append((part, halves))
            else:
                entries.append(part)
        return InlineEntries(entries, split)
    if len(parts) >= 4 and looks_like_name(cores[0]) and sum(map(looks_like_name, cores)) >= 2:
        # "Anna Berg, Östby kommun, Bo Ek, Region Nordland": each name opens an entry and the
        # parts after it are its organisation and title.
        grouped: list[list[str]] = []
        for part, bare in zip(parts, cores, strict=True):
            if looks_like_name(bare) or not grouped:
                grouped.append([part])
            else:
                grouped[-1].append(part)
        return InlineEntries([", ".join(group) for group in grouped], [])
    grouped_line = _grouped_by_organisation(text, context)
    if grouped_line:
        return InlineEntries(grouped_line, [(text, grouped_line)])
    return InlineEntries([text], [])


def _grouped_by_organisation(text: str, context: str = "") -> list[str] | None:
    """A list grouped under the organisations that sent each person, flattened into one line:
    "Sjukhuset Anna Berg, Bo Ek Primärvården Lisa Lind Kommun Per Alm, Eva Ek" (a cooperation
    body's attendance by huvudman, as PDF text extraction leaves it). A person is a known given
    name, or a capitalised word before a known surname, and one or two capitalised words (up to
    a comma); the words between people
    are the next people's organisation. Only when at least two organisations head people and
    most of them hold an organisation word; else None. Entries are "Name, Organisation"."""
    tokens = text.replace(",", " , ").split()
    people: list[tuple[str, str]] = []
    label: list[str] = []
    labels: list[str] = []
    i = 0
    while i < len(tokens):
        word = tokens[i]
        if word == ",":
            if label:
                return None  # a comma inside an organisation's name: not this layout
            i += 1
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        # A known given name, or a capitalised word before a known surname ("Cilla Berg": half
        # of all given names are outside the lists, names.py).
        given = is_given_name(word) and not common_in(word, context)
        if (
            (given or (word.istitle() and is_surname(nxt) and not is_title_word(word)))
            and not is_organisation_word(word)
            and _NAME_TOKEN.fullmatch(nxt or "-")
            and not is_organisation_word(nxt)
        ):
            end = i + 2
            # A second surname ("Anna Berg Lind"), not the next organisation or person.
            if (
                end < len(tokens)
                and _NAME_TOKEN.fullmatch(tokens[end])
                and not is_organisation_word(tokens[end])
                and not is_given_name(tokens[end])
                and (end + 1 >= len(tokens) or tokens[end + 1] == ",")
                and is_surname(tokens[end])
            ):
                end += 1
            if label:
                labels.append(" ".join(label))
                label = []
            if not labels:
                return None  # people before any organisation: another layout
            people.append((" ".join(tokens[i:end]), labels[-1]))
            i = end
            continue
        if not word[:1].isupper() and not label:
            return None
        label.append(word)
        i += 1
    if label or len(labels) < 2 or len(people) < 3:
        return None
    with_word = sum(any(is_organisation_word(w) for w in lab.split()) for lab in labels)
    if 2 * with_word < len(labels):
        return None
    return [f"{name}, {org}" for name, org in people]


def _without_parentheses(text: str) -> str:
    return re.sub(r"\s*\([^()]*\)", "", text).replace("~~", "").strip()


# "Ann Vall X" / "Sofia Brandt Anmält förhinder": a presence column after the name.
_MARK_AFTER_NAME = re.compile(
    r"^(?P<name>[^,\t]+?)\s+(?P<mark>X|x|anmält förhinder|meddelat förhinder|frånvarande|"
    r"ej närvarande)(?=\s*(?:,|$))",
    re.IGNORECASE,
)
# "Maj Rask 50", "Per Eklöf § 71, 73", "Per Holm (SD) deltar §§ 6-37" (real formats 73):
# present for those § only.
_TRAILING_PARAGRAPHS = re.compile(
    r"^(?P<name>.*?\S)\s*,?(?:\s+(?:deltar|deltog|närvarande|närvarade|tjänstgör|tjänstgjorde)"
    r"(?:\s+(?:i|på|under|vid))?)?\s+(?P<nums>(?:§{1,2}\s*)?\d{1,4}(?:\s*[-–,]\s*(?:§\s*)?\d{1,4})*)\.?$"
)


# An acting or deputy post before a title: "Tf förvaltningschef", "T.f. kommunchef", "Bitr.
# rektor", "Stf. ekonomichef" (real attendance 64).
_ACTING = re.compile(r"(?i)^(?:t\.?f\.?|tillf\.?|tillförordnad|bitr\.?|biträdande|stf\.?|vik\.?)$")


def _leading_title(name: str) -> tuple[str | None, str]:
    """("Kommunchef", "Gustav Ring") from "Kommunchef Gustav Ring", ("Tf förvaltningschef",
    "Anders Wiklund") from "Tf förvaltningschef Anders Wiklund"; (None, name) otherwise."""
    tokens = name.split()
    cut = 0
    while len(tokens) - cut > 2 and (
        tokens[cut][:1].islower()
        or is_title_word(tokens[cut])
        or (_ACTING.match(tokens[cut]) and cut + 1 < len(tokens) and tokens[cut + 1][:1].islower())
    ):
        cut += 1
    if cut and looks_like_name(" ".join(tokens[cut:])):
        return " ".join(tokens[:cut]), " ".join(tokens[cut:])
    return None, name


def is_titled_name(text: str) -> bool:
    """ "Socialchef Anna Ek": a title before a person's name (no organisation's name)."""
    return _leading_title(text)[0] is not None


def core_name(part: str) -> str:
    """The name in a list entry without party, title before it, § numbers after it, a presence
    mark or whom the person replaces."""
    text = _without_parentheses(part).strip(" .")
    text = _MARK_AFTER_NAME.sub(r"\g<name>", text)
    replaces = _REPLACES.match(text)
    if replaces:
        text = replaces.group("name")
    numbers = _TRAILING_PARAGRAPHS.match(text)
    if numbers:
        text = numbers.group("name")
    return _leading_title(text)[1]


def _missing_comma(name: str) -> list[str] | None:
    """Four capitalised words without particles are most likely two people missing a comma."""
    tokens = name.split()
    if len(tokens) == 4 and not any(t.lower() in _PARTICLES for t in tokens):
        return [" ".join(tokens[:2]), " ".join(tokens[2:])]
    return None


# A party code in brackets after a name: "(S)", "(KD)", "(c)", "(-)".
_PARTY = re.compile(r"^(?:[A-ZÅÄÖ]{1,3}|[a-zåäö]{1,3}|-|–)$")
# An organisation in brackets after a name: an acronym or up to four words, the first
# capitalised ("(RSMH)", "(Vindens Vänner)", "(Parkinson lokalförening)").
# A function or group in lower case, one to three words: "generalsekreterare",
# "personalrepresentant", "ungdomskommittén".
_BRACKETED_FUNCTION = re.compile(r"[a-zåäöéü][a-zåäöéü-]{3,}(?:\s+[a-zåäöéü][a-zåäöéü-]*){0,2}")
# Words of absence in brackets ("(förhinder)", "(sjuk)", "(deltog ej)") say no function.
_ABSENCE_WORD = re.compile(r"(?i)förhinder|frånvar|återbud|sjuk|\b(?:ej|inte|deltog)\b")
_BRACKETED_ORGANISATION = re.compile(r"[A-ZÅÄÖ][\wåäöÅÄÖ&-]*(?:\s+[\wåäöÅÄÖ&-]+){0,3}")


_ROLE_AFTER_NAME = re.compile(
    r"(?i)^(?P<name>.+?)\s+(?P<role>"
    + "|".join(re.escape(w) for w in sorted(ROLE_WORDS, key=len, reverse=True))
    + r")\.?$"
)


def _comma_before_organisation(raw: str) -> str:
    """One person a line with the organisation after the name and no comma: "Karin
    Sjöholm-Berg Kommunstyrelsen", "Göran Alvståhl ordf Kommunstyrelsen", "Sten Ekwall Miljö och
    byggnadsnämnden" (real attendance 37): the line's last word names an organisation, the two
    words before it (or before a role word) are a name. Then "Name, role, Organisation"."""
    if "," in raw or "\t" in raw:
        return raw
    tokens = raw.split()
    if len(tokens) < 3 or not is_organisation_word(tokens[-1]):
        return raw
    name = tokens[:2]
    if not all(re.fullmatch(r"[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖÉ]?[a-zåäöéü]+)*", t) for t in name):
        return raw
    rest = tokens[2:]
    role = rest[0].lower().rstrip(".")
    if role in ROLE_WORDS and len(rest) > 1:
        return f"{' '.join(name)}, {rest[0]}, {' '.join(rest[1:])}"
    if not rest[0][:1].isupper() or is_organisation_word(name[-1]):
        return raw
    return f"{' '.join(name)}, {' '.join(rest)}"


# "Per Åkerström MRO Kontaktman", "Lennart Boström SS/ DjL", "Jan Ekholm SRJmf/ ULJ": a
# member organisation's abbreviation after the name, two capitals at least and not shaped like
# a surname ("McKenzie"), then a role or another abbreviation (real attendance 76).
_ABBREVIATION = re.compile(r"(?:[A-ZÅÄÖ]{2}[A-Za-zåäöÅÄÖ]*|[A-ZÅÄÖ][A-Za-zåäöÅÄÖ]*[A-ZÅÄÖ])/?")


def _abbreviation_after_name(name: str) -> tuple[str, list[str]] | None:
    """ "Name ABBR [role …]" as (name, [abbreviation, role parts]) when the words before the
    abbreviation are a name."""
    tokens = name.split()
    for at in range(2, min(len(tokens), 5)):
        if _ABBREVIATION.fullmatch(tokens[at]) and looks_like_name(" ".join(tokens[:at])):
            rest = " ".join(tokens[at + 1 :])
            return " ".join(tokens[:at]), [
                tokens[at].rstrip("/"),
                *(p.strip() for p in rest.split("/") if p.strip()),
            ]
    return None


def _organisation_beside_name(text: str) -> tuple[str, list[str]] | None:
    """ "Anna Ek Östby kommun Socialchef" / "Östby kommun Anna Ek": a row's cells without
    punctuation, the name and an organisation side by side (layouts the brief for batch 8
    names). The organisation starts with a capitalised word that is an organisation's or is
    followed by a lower-case one ("Östby kommun"); the name is two or three words."""
    tokens = text.split()

    def starts_organisation(words: list[str]) -> bool:
        return (
            bool(words)
            and words[0][:1].isupper()
            and (
                is_organisation_word(words[0])
                or (len(words) > 1 and words[1][:1].islower() and is_organisation_word(words[1]))
            )
        )

    for k in (3, 2):
        if len(tokens) > k and looks_like_name(" ".join(tokens[:k])):
            if starts_organisation(tokens[k:]):
                return " ".join(tokens[:k]), [" ".join(tokens[k:])]
    for k in (3, 2):
        head, tail = tokens[: len(tokens) - k], tokens[len(tokens) - k :]
        # The organisation two words at least ("Region Nordland", not "Region" alone).
        if len(head) >= 2 and looks_like_name(" ".join(tail)) and starts_organisation(head):
            if any(is_organisation_word(t) for t in head):
                return " ".join(tail), [" ".join(head)]
    return None


# "Göran Lind- Holmer": a space after a double name's hyphen (real attendance 76).
_HYPHEN_SPACE = re.compile(r"(?<=[a-zåäöé])- (?=[A-ZÅÄÖ][a-zåäöé])")


def parse_person(entry: str, label: SectionLabel | None) -> ParsedPerson | None:
    """One attendance entry: "Name, title, organisation", "Name<TAB>organisation, role",
    "~~Name, organisation~~" (struck through: not present), "Name (Del av mötet)",
    "Name (S), tjg ers för Other (S)", "Name X, mötesordf. § 3-5", "kommunchef Name 71"."""
    raw = strip_bullet(entry.strip())
    struck = "~~" in raw and bool(re.search(r"~~[^~]+~~", raw))
    raw = _HYPHEN_SPACE.sub("-", strip_inline_markdown(raw.replace("~~", "")).strip())
    box = re.match(r"^\[([ xX])\]\s+(?=\S)", raw)
    if box:
        # "- [x] Anna Ek" / "- [ ] Bo Lund": a task list used as a presence list.
        raw = raw[box.end() :] + (", Ja" if box.group(1).strip() else ", Nej")
    if not raw:
        return None
    # "Ulla Granqvist (s": a party bracket left open at the end of the entry, a typo of the
    # page (real attendance 104).
    raw = re.sub(r"\s\(([a-zåäöA-ZÅÄÖ]{1,4})$", r" (\1)", raw)
    roles: list[str] = list(label.roles) if label else []
    status = label.status if label else PRESENT
    absence_kind = label.absence_kind if label else None
    note: str | None = None
    substitute: str | None = None
    bracketed: str | None = None
    bracketed_title: str | None = None
    initials: str | None = None

    def handle_parenthetical(match: re.Match[str]) -> str:
        nonlocal note, substitute, status, bracketed, bracketed_title, initials
        content = match.group(1).strip()
        low = content.lower().rstrip(".")
        if initials is None and initials_of(match.string[: match.start()], content):
            # "Johan Åström (JÅS)": the initials the minutes go on to call him by (a
            # federation board's minutes, real/attendance 144).
            initials = content
            return ""
        if _PARTY.match(content) and "," not in match.string[: match.start()]:
            return ""  # the party after the name
        found_role = role_of(content)
        if found_role and not found_role[1]:
            roles.append(found_role[0])
            return ""
        if re.search(r"(?i)utan rösträtt|yttranderätt|adjungerad", content):
            roles.append("ovrig")
            return ""
        sub = _SUBSTITUTE.match(content)
        who = _without_parentheses(sub.group("who") or sub.group("who2") or "") if sub else ""
        if who and looks_like_name(who):
            substitute = who
            roles.append("ersattare")
            return ""
        if _PARTIAL.search(content):
            status = PARTIAL
            note = content
            return ""
        if low in ROLE_WORDS:
            roles.append(ROLE_WORDS[low])
            return ""
        if (
            bracketed is None
            and _BRACKETED_ORGANISATION.fullmatch(content)
            and not match.string[: match.start()].count(",")
        ):
            # "Maj-Britt Bredell (RSMH)", "Tomas Ottosson (Parkinson lokalförening)": the
            # organisation the person represents, in brackets like a party (real 40).
            bracketed = content
            return ""
        if (
            bracketed_title is None
            and _BRACKETED_FUNCTION.fullmatch(content)
            and not (_PRESENT_MARK.match(content) or _ABSENT_MARK.match(content))
            and not _ABSENCE_WORD.search(content)
            and not match.string[: match.start()].count(",")
        ):
            # "Stefan Olsson (generalsekreterare)", "Tomas Riste (valberedningen)": the
            # person's function or group in lower case, in brackets like a party (a
            # federation's web report, real/complete 375).
            bracketed_title = content
            return ""
        return match.group(0)

    raw = re.sub(r"\(([^()]*)\)", handle_parenthetical, raw)
    raw = re.sub(r"[ ]{2,}", " ", raw).strip(" ,")
    raw = _MARK_AFTER_NAME.sub(r"\g<name>, \g<mark>", raw)
    raw = _comma_before_organisation(raw)
    if "\t" in raw:
        name, rest = raw.split("\t", 1)
        parts = [p.strip() for p in re.split(r"[,\t]", rest) if p.strip()]
    else:
        parts = [p.strip() for p in raw.split(",") if p.strip()]
        name = parts.pop(0) if parts else ""
    name = name.strip().rstrip(".")
    replaces = _REPLACES.match(name)
    who = _without_parentheses(replaces.group("who")).strip(" .") if replaces else ""
    served = _TRAILING_PARAGRAPHS.match(who)
    if served and not looks_like_name(who) and looks_like_name(served.group("name")):
        # "Eva Ek (SD) ersätter Per Holm (SD) §§ 1-5": she served for those § (real formats 73).
        who = served.group("name")
        note = note or "§ " + served.group("nums").lstrip("§ ")
        status = PARTIAL if status == PRESENT else status
    if replaces and looks_like_name(who):
        name = replaces.group("name").strip()
        substitute = who
        roles.append("ersattare")
    numbers = _TRAILING_PARAGRAPHS.match(name)
    if numbers and status != ABSENT and looks_like_name(core_name(numbers.group("name"))):
        name = numbers.group("name")
        note = note or "§ " + numbers.group("nums").lstrip("§ ")
        # Under a function's heading ("Mötesordförande" over "Anna Berg §§ 109-119") the §
        # are when she held it, not when she was there (real 07).
        if not (label and label.singular):
            status = PARTIAL
    role_after = _ROLE_AFTER_NAME.match(name)
    if role_after and looks_like_name(role_after.group("name")):
        # "Kerstin Höijer sekreterare": a role column after the name, no comma (real 07).
        name = role_after.group("name")
        roles.append(ROLE_WORDS[role_after.group("role").lower()])
    lead_title, name = _leading_title(name)
    if not looks_like_name(name) and parts and looks_like_name(parts[0]):
        # A table row "Ordförande, Anna Berg, Ja" / "Kassör, …": the post first (corpus 07).
        post = name.lower().rstrip(".")
        if post in ROLE_WORDS:
            roles.append(ROLE_WORDS[post])
        elif _presence_marker(list(parts[1:])) is not None:
            parts.append(name)
        else:
            return None
        name = parts.pop(0)
    abbreviation = None if parts else _abbreviation_after_name(name)
    if abbreviation:
        name, parts = abbreviation
    beside = None if parts or looks_like_name(name) else _organisation_beside_name(name)
    if beside:
        name, parts = beside
    if not looks_like_name(name):
        return None
    marker = _presence_marker(parts)
    if marker is not None:
        status, note_text = marker
        note = note or note_text
        absence_kind = None
    remaining: list[str] = []
    for part in parts:
        sub = _SUBSTITUTE.match(part)
        who = _without_parentheses(sub.group("who") or sub.group("who2") or "") if sub else ""
        if who and looks_like_name(who):
            substitute = who
            roles.append("ersattare")
            continue
        found_role = role_of(part)
        if found_role:
            roles.append(found_role[0])
            if found_role[1] and not _PARTIAL.search(found_role[1]):
                remaining.append(found_role[1])
            continue
        if status != ABSENT and _PARTIAL.search(part):
            status = PARTIAL
            note = note or part
            continue
        remaining.append(part)
    title = remaining.pop(0) if remaining and remaining[0][:1].islower() else lead_title
    title = title or bracketed_title
    organisation = ", ".join(remaining) or bracketed
    if struck:
        status = ABSENT
        absence_kind = None
    return ParsedPerson(
        name=name,
        organisation=organisation,
        title=title,
        roles=sort_roles(roles),
        status=status,
        absence_kind=absence_kind if status == ABSENT else None,
        substitute_for=substitute,
        note=note,
        initials=initials,
    )


def initials_of(name: str, code: str) -> bool:
    """Whether code (two to four capitals) is the name's initials as minutes write them: the
    first given name's initial, then the surname's first letter or letters ("Johan Åström"
    JÅS, "Peter Nyqvist" PNY, "Anna Berg" AB), or every name's initial ("Anna-Karin Lund
    Berg" ALB)."""
    if not re.fullmatch(r"[A-ZÅÄÖ]{2,4}", code):
        return False
    words = name.split()
    parts = [p for w in words for p in w.split("-")]
    if len(words) < 2 or not all(p[:1].isupper() and p[1:].islower() for p in parts):
        return False
    surname = words[-1].upper()
    return (code[0] == words[0][0] and surname.startswith(code[1:])) or code == "".join(
        w[0] for w in words
    )


# A presence column in a table flattened to a row: "Anna Berg, Ja" / "Nej" / "1" / "–" /
# "Ja, lämnade vid 5.1" (corpus 01, 07, 17).
_PRESENT_MARK = re.compile(r"(?i)^(?:ja|x|1|närvarande)$")
_ABSENT_MARK = re.compile(
    r"(?i)^(?:nej|-|–|—|0|frånvarande|ej närvarande|anmält förhinder|meddelat förhinder)$"
)


def _presence_marker(parts: list[str]) -> tuple[str, str | None] | None:
    """(status, note) when the parts hold a presence column; the marker is removed from parts."""
    for n, part in enumerate(parts):
        if _ABSENT_MARK.match(part):
            del parts[n]
            return ABSENT, None
        if _PRESENT_MARK.match(part):
            del parts[n]
            rest = ", ".join(parts[n:])
            # "X, mötesordf. § 10-15" chairs those §; the person was there throughout.
            if rest and _PARTIAL.search(rest) and not role_of(parts[n]):
                del parts[n:]
                return PARTIAL, rest
            return PRESENT, None
    return None


def is_marked_row(entry: str) -> bool:
    """A flattened table row that carries its own presence column ("Tim Persson, Ja")."""
    parts = [p.strip() for p in strip_inline_markdown(entry).replace("\t", ",").split(",")]
    return len(parts) >= 2 and _presence_marker(parts[1:]) is not None


# A marked cell of a presence table that came out one cell a line: "X" (there, serving, voting),
# a dash (an empty cell).
_CELL_MARK = re.compile(r"^(?:[Xx]|[-–—])$")
_CELL_ROW_ROLES = 2  # role cells between a name cell and its marks ("vice ordförande")


def _cell_row(lines: list[str], start: int) -> int | None:
    """Where a row of a one-cell-a-line table ends: a name cell ("Leif Brännström (KD)"), up to
    two role cells ("ordförande"), then one or more marked cells."""
    if not looks_like_name(_without_parentheses(lines[start].strip())):
        return None
    end = start + 1
    while (
        end < len(lines)
        and end - start <= _CELL_ROW_ROLES
        and lines[end].strip()[:1].islower()
        and role_of(lines[end])
    ):
        end += 1
    marks = end
    while end < len(lines) and _CELL_MARK.match(lines[end].strip()):
        end += 1
    return end if end > marks else None


def _column_heading_cells(lines: list[str], first_row: int) -> int:
    """Where the heading cells above a table's first row start ("Närvaro", "§ 30", "§", "Tjg",
    "Ej tjg", "JA", "NEJ", one a line): short lines up to the list's label ("Ordinarie ledamöter",
    "Ersättare"). first_row when no label closes them."""
    start = first_row
    while start > 0:
        text = lines[start - 1].strip()
        label = match_label(text)
        if label is not None and label[0].roles:
            return start
        if not text or len(text) > 15 or looks_like_name(_without_parentheses(text)):
            return first_row
        start -= 1
    return first_row


def join_cell_rows(lines: list[str]) -> list[str]:
    """A presence table whose cells came out one a line, as a kommun's web page's HTML table
    does: the name cell, a role cell, then the marked cells ('X' there, '-' empty). Each row of
    two or more in a row becomes one line "Leif Brännström (KD), ordförande, X": X when any
    cell is marked, a dash when all are empty, which the list reads as a row with a presence
    column. The column headings above the rows ("Närvaro", "§ 30", "Tjg", "JA", "NEJ") are
    dropped, so that "§ 30" starts no item (real attendance 64)."""
    rows: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        end = _cell_row(lines, i)
        if end is None:
            i += 1
            continue
        rows.append((i, end))
        i = end
    out: list[str] = []
    done = 0
    for n, (start, end) in enumerate(rows):
        joined_before = n > 0 and rows[n - 1][1] == start
        joined_after = n + 1 < len(rows) and rows[n + 1][0] == end
        if not (joined_before or joined_after):
            continue
        if not joined_before:
            out.extend(lines[done : _column_heading_cells(lines, start)])
        cells = [line.strip() for line in lines[start:end]]
        marks = [cell for cell in cells if _CELL_MARK.match(cell)]
        mark = "X" if any(m in "Xx" for m in marks) else "-"
        indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
        out.append(indent + ", ".join([*cells[: len(cells) - len(marks)], mark]))
        done = end
    out.extend(lines[done:])
    return out


# A page's footer or the next page's header inside a list that runs over a page break:
# "Sida 1 av 6", "Omsorgsstyrelsen sammanträdesprotokoll Sida 2", "3 (12)".
_PAGE_NOISE = re.compile(
    r"(?i)^(?:.{0,80}\bsida\s+\d{1,3}(?:\s*(?:av|/)\s*\d{1,3}|\s*\(\d{1,3}\))?|"
    r"\d{1,3}\s*\(\d{1,3}\)|\d{1,3}\s*/\s*\d{1,3})$"
)


def is_page_noise(text: str) -> bool:
    return bool(_PAGE_NOISE.match(text.strip()))


def sort_roles(roles: list[str]) -> list[str]:
    unique = list(dict.fromkeys(roles))
    return sorted(unique, key=lambda r: ROLE_ORDER.index(r) if r in ROLE_ORDER else len(ROLE_ORDER))


def _paragraphs_note(after: str) -> str | None:
    """The § a flattened entry's partial presence names: "ej 13", "13-16", "del av 60-61"."""
    # Not an ordinal: "1:e vice ordförande, ej , " (real 41).
    found = re.search(
        r"(?i)(?:\b(?:ej|utom|del av)\s+)?(?:§{1,2}\s*)?\d{1,4}(?!\d|:[a-zåäö])"
        r"(?:\s*[-–,]\s*\d{1,4})*",
        after,
    )
    return found.group(0).strip(" ,") if found else None


def _complementary(first: str | None, second: str | None) -> bool:
    """ "(S) 13" and "(S) ej 13": serving at § 13 in one list and there as a non-serving
    ersättare except § 13 in the other, so there throughout (real 01)."""
    if not first or not second:
        return False
    numbers = [re.findall(r"\d+", note) for note in (first, second)]
    negated = [bool(re.search(r"(?i)\b(?:ej|utom|inte)\b", note)) for note in (first, second)]
    return bool(numbers[0]) and numbers[0] == numbers[1] and negated[0] != negated[1]


def name_key(name: str) -> str:
    """Names compared loosely: "Torill Skaar-Magnusson" is "Torill Skaar Magnusson"."""
    return re.sub(r"[\s\-‐]+", " ", name).strip().casefold()


class PeopleRegistry:
    """The meeting's people in order of first mention; repeated mentions are merged."""

    def __init__(self) -> None:
        self.people: list[ParsedPerson] = []
        self._by_key: dict[str, ParsedPerson] = {}
        self._sections: dict[str, int] = {}
        # Initials the lists give ("Johan Åström (JÅS)"); None where two people share them.
        self._initials: dict[str, ParsedPerson | None] = {}

    def find(self, name: str) -> ParsedPerson | None:
        found = self._by_key.get(name_key(name))
        if found is None and re.fullmatch(r"[A-ZÅÄÖ]{2,4}", name.strip()):
            found = self._initials.get(name.strip())
        return found

    def close(self, name: str) -> ParsedPerson | None:
        """The one listed person whose name is this one misspelt by a letter: the same first
        name and as many words, the names almost equal ("Rolf Emanuelson" for "Rolf
        Emanuelsson" in a signature box, real formats 72)."""
        words = name_key(name).split()
        near = [
            person
            for key, person in self._by_key.items()
            if len(key.split()) == len(words)
            and key.split()[0] == words[0]
            and len(key) >= 10
            and fuzz.ratio(key, " ".join(words)) >= 90
        ]
        return near[0] if len(near) == 1 else None

    def add(self, person: ParsedPerson, section: int | None = None) -> bool:
        """Add or merge; returns True when the same name was already listed in this section."""
        key = name_key(person.name)
        existing = self._by_key.get(key)
        duplicate = section is not None and self._sections.get(key) == section
        if section is not None:
            self._sections.setdefault(key, section)
        if person.initials:
            known = self._initials.get(person.initials, person)
            self._initials[person.initials] = (
                person if known is person or (existing is not None and known is existing) else None
            )
        if existing is None:
            self.people.append(person)
            self._by_key[key] = person
            return duplicate
        existing.initials = existing.initials or person.initials
        existing.roles = sort_roles(existing.roles + person.roles)
        existing.organisation = existing.organisation or person.organisation
        existing.title = existing.title or person.title
        existing.substitute_for = existing.substitute_for or person.substitute_for
        existing.note = existing.note or person.note
        # Listed as present anywhere wins over a struck-through duplicate elsewhere.
        if existing.status == ABSENT and person.status != ABSENT:
            existing.status = person.status
            existing.absence_kind = None
        elif existing.status == PRESENT and person.status == PARTIAL:
            existing.status = PARTIAL
        elif existing.status == PARTIAL and person.status == PARTIAL:
            if _complementary(existing.note, person.note):
                existing.status = PRESENT
        elif existing.status == ABSENT and person.status == ABSENT:
            existing.absence_kind = existing.absence_kind or person.absence_kind
        return duplicate


def _lost_range_after(name: str, segment: str) -> bool:
    """Whether a listed member's bracket is followed by a comma that the list's other entries
    lack: "Tony Lundstedt (S), Olja Pekusic (S) Martina …" where the extraction dropped the §
    range after the comma. Replaced on the same seat later ("Anne Karlsson (S), ersätter Tony
    Lundstedt (S)"), the member served part and the ersättare the rest (real attendance 333).
    In a list whose entries all end in a comma the comma is only punctuation. Empty fields
    between commas after the entry ("Håkan Söderman (M), vice ordförande, , , Kjell …") are
    the ranges themselves, lost (real attendance 380)."""
    if re.search(re.escape(name) + r"\s*(?:\([^()]{1,6}\))?\s*(?:,[^,()]{1,40}?)?,\s*,", segment):
        return True
    if not re.search(re.escape(name) + r"\s*\([^()]{1,6}\)\s*,\s+(?=[A-ZÅÄÖ])", segment):
        return False
    return 3 * len(re.findall(r"\)\s*,", segment)) <= len(re.findall(r"\)", segment))


# Attendance flattened into running text -------------------------------------------------------
# A PDF converted to text loses the table: "Närvarande Ledamöter Ulrik Hammar (L), nämnden Anna
# Carlsson (C) … Ej närvarande Per Ek …". The labels still split it into lists and the names are
# runs of two or three capitalised words (corpus 12, 16, 17, 22 in dev).

_FLAT_LABEL_WORDS = (
    r"närvarande ledamöter|närvarande ersättare|tjänstgörande ersättare|"
    r"(?:ej|icke) tjänstgörande ersättare|beslutande ledamöter|beslutande|ande|ordinarie ledamöter|"
    # "Ovriga": the diaeresis lost in OCR (real 36).
    r"ledamöter|ersättare|suppleanter|[öo]vriga deltagande|övriga närvarande|övriga deltagare|övriga|"
    # A lower-case "ej närvarande" right after a party's bracket is the mark of the name before
    # it, not a heading: "Johanna Händel (BUN) ej närvarande Monica Svensson (DHR)" (real 300).
    r"närvarande|deltagare|(?<!\) )ej närvarande|(?<=\) )(?-i:Ej|EJ) närvarande|frånvarande|"
    r"anmält förhinder|anmälda förhinder|"
    r"meddelat förhinder|förhindrade|förhinder|återbud|adjungerade|gäster|upprop|tjänstemän|tjänstepersoner|närvaro|"
    r"(?-i:Tjänstgörande)|"
    # A närvarolista's party heading: "SOCIALDEMOKRATERNA - Ordinarie (15) Ja Nej Ja Nej Inga-Lill
    # Forsman …" (the members and their count; real attendance 120). Not a bare "Ordinarie",
    # which heads the justerare in "Utses att justera: Ordinarie A (s) … Ersättare C" (real 74).
    r"ordinarie(?=\s*\(\d{1,3}\))"
)
_FLAT_LABEL = re.compile(
    rf"(?<![\w-])(?P<label>{_FLAT_LABEL_WORDS})(?:\s*:)?"
    # A lone closing bracket after the heading is scan noise, not the end of a parenthesis:
    # "Kommunhuset 21 februari 2013 kl ande ) Irene Karlsson (C), BIN, ordförande" (the label
    # 'Beslutande' with its start lost, real/complete 233).
    r"(?:\s+\)(?=\s+[A-ZÅÄÖ]))?"
    # A name after the label, perhaps after a title ("Övriga deltagande socialchef Lillemor
    # Quist"), in any case of the label: "90 deltagare genomfördes" is prose (real 10).
    r"(?=\s*:|(?:\s*\([^()]{0,40}\))?(?:\s+(?-i:[a-zåäö]+)\.?)?\s+(?-i:[A-ZÅÄÖ]))"
    # "tjänstgörande ersättare för Per Hed" says whom someone replaces: no heading. A
    # capitalised "För" starts a group of the list: "Beslutande För Kommunstyrelsen Linnea Berg
    # (KD) … För Socialnämnden …" (real 29).
    r"(?!\s+(?-i:för)\s+(?-i:[A-ZÅÄÖ]))",
    re.IGNORECASE,
)
_FLAT_JUSTERA = r"utses att justera|utsedda? att justera|justerare|justerande"
# A table's column headings flattened before its rows: "Beslutande ledamöter Ej tjänstgörande
# ersättare Övriga närvarande Utses att justera Lars Berg (S) …". The names after it cannot be
# told apart by column (shape 03; corpus 14 in the INDEX's description).
_HEADER_RUN = re.compile(
    rf"(?<![\w-])(?:(?:{_FLAT_LABEL_WORDS}|{_FLAT_JUSTERA})\s+){{2,}}"
    rf"(?P<last>{_FLAT_LABEL_WORDS}|{_FLAT_JUSTERA})(?=\s+[A-ZÅÄÖ])",
    re.IGNORECASE,
)
_JUSTERA_LABEL = re.compile(rf"(?<![\w-])(?:{_FLAT_JUSTERA})\b\s*:?", re.IGNORECASE)
# A capitalised list heading that ends a table's names, before the next table's headings.
_NEXT_TABLE_LABEL = re.compile(rf"(?<![\w-])(?=[A-ZÅÄÖ])(?i:{_FLAT_LABEL_WORDS})\s*$")
_JUSTERING_HEADING = re.compile(r"(?i)\s*justeringens\s+plats(?:\s+och\s+tid)?\b")
_FLAT_STOP = re.compile(
    r"(?<![\w-])(?:utses att justera|utsedda? att justera|justeringens|justerare:|underskrift(?:er)?|val av|"
    r"paragrafer|dagordning|föredragningslista|ärendelista|protokollet|sammanträdestid|"
    # the first item: "… Dan Holm Region Nordland 1. Mötets öppnande Anna Ek hälsade …"
    r"(?:mötets|sammanträdets) öppnande|"
    # "Tid för justering:", "Justeringsledamöter" end the officials' list (real attendance 81)
    r"plats och tid|register|tid för justering|justeringsledamöter|"
    # The contents list after the head: "… Göran Svensson, handläggare Innehållsförteckning
    # Ärende 1 Mötets öppnande" (real/complete 230)
    r"innehållsförteckning|"
    # The first paragraph titled "Justering" after the list, its number before it: "…
    # Pia Andersen 15 Justering Ordförande Annelill Davidsson och … justerar protokollet" (real
    # attendance 385); its number is no § of the last name's. Not "Justeringens plats och tid".
    r"\d{1,3}\s+justering(?=\s+[A-ZÅÄÖ][a-zåäö])|"
    # "… Name, näringslivschef 41 Justerare Justeringens plats och tid Name (C)": the justering's
    # two headings side by side end the list before them (real attendance 146).
    r"justerare(?=\s+justeringens))\b|\b\d+\s+\d+\s*\(\d+\)",
    re.IGNORECASE,
)
_FLAT_TOKEN = re.compile(r"[A-ZÅÄÖÉÜØÆ][a-zåäöéüøæ]+(?:-[A-ZÅÄÖa-zåäö][a-zåäöéüøæ]+)*")
# Lower-case letters of names in a flattened run, with those of other languages ("Esther
# Axelsdóttir Clausen", real 05; "Emir Hadžić", "Jolanta Wiśniewska", real 29).
_LOWER = "a-zåäöéüøæáàóòúùíìâêîôûëïçñðšžčćđśźńłěřůýťďőű"
_UPPER = "A-ZÅÄÖÉÜØÆÁÓÍÚŠŽČĆĐŚŹŁŘ"
_FLAT_NOT_NAME = _NOT_NAME_WORDS | {
    "förnamn",
    "efternamn",
    "namn",
    "parti",
    "partibeteckning",
    "närvaro",
    "reservation",
    "anteckningar",
    "vakant",
    "övriga",
    "beslutande",
    # "Utses att justera: Ordinarie A (s) B (m) Ersättare C (s)"; "… ordförande Lennart Brink
    # Ärenden enligt föredragningslistan" (real attendance 74)
    "ordinarie",
    "ärenden",
    "tjänstgörande",
    "enligt",
    "från",
    "för",
    "vice",
    "kansli",
    "gäst",
    "justering",
    "justerande",
    # Column headings that end a run of names ("… Marie Lindblom Närvarorätt Utses att
    # justera", "Övriga förtroendevalda Tjänstemän Thomas Nilsson", real 01 and 12).
    "närvarorätt",
    "tjänstemän",
    "tjänstepersoner",
    "förtroendevalda",
    "deltagande",
    "adjungerade",
    # A vote column's headings "Ja Nej Ja Nej" before the first name (real attendance 62).
    "ja",
    "nej",
    # "Paragraf" of the signature block, "Tf." (tillförordnad) before a title (real 28, 29).
    "paragraf",
    "tf",
    # Points of the compass start place and organisation names, not a person's: "Östra Lagnö
    # Byalag", "Västra Götalandsregionen" (real 25, 33).
    "östra",
    "västra",
    "norra",
    "södra",
    # "Statens Vegvesen", "Statens institut …": an agency's name (real 33).
    "statens",
    # Written with a capital in a column: "Roger Bogren (m) Ersätter Anders Holmensköld kl"
    # (real attendance 280); the verb opens no name.
    "ersätter",
}
# Weekdays and months open a date run into the list: "rum Ekman Måndag den 19 mars" (real 27),
# "Regionförbundet, Kalmar Torsdagen den 11 september" (real 16); the month names the date
# reader knows, written out, but not "maj", a given name ("Maj Lind", shape 08).
_FLAT_NOT_NAME |= {f"{day}dag{end}" for day in WEEKDAY_STEMS for end in ("", "en")}
_FLAT_NOT_NAME |= {max((m for m in MONTHS if MONTHS[m] == n), key=len) for n in range(1, 13)} - {
    "maj"
}


_ITEM_OPENING = re.compile(
    r"(?i)(?<![\w-])(?:val av|fastställande av|godkännande av|(?:mötets|sammanträdets) "
    r"öppnande)\b|§\s*\d"
)


# A capitalised heading whose group a noun phrase names before the list: "Närvarande
# rådsrepresentanter och ersättare Hans Fäldt, PRO Mariefred …" (real/complete 230). The last
# word ("ersättare") is a label in lower case after a lower-case word, which alone is running
# text; after "<Heading> <noun> och" it ends the heading.
_COMPOUND_HEADING_START = re.compile(
    r"(?<![\w-])(?P<head>[A-ZÅÄÖ][a-zåäö]+)\s+[a-zåäö]{4,}\s+och\s+$"
)


def _compound_heading(text: str, m: re.Match[str]) -> SectionLabel | None:
    """The label of the heading a lower-case label word ends ("Närvarande rådsrepresentanter
    och ersättare": Närvarande's), or None."""
    found = _COMPOUND_HEADING_START.search(text, max(0, m.start() - 60), m.start())
    return _flat_label(found.group("head")) if found else None


def _flat_labels(text: str, start: int = 0) -> list[re.Match[str]]:
    """The attendance headings in flattened text. A heading in lower case after a lower-case
    word is running text ("regionstyrelsens övriga verksamheter", real 09), unless a colon
    follows it; after a name or a party ("Anna Berg (S) ersättare …") it is a column."""

    def heading(m: re.Match[str]) -> bool:
        if m.group("label")[:1].isupper() or ":" in m.group(0):
            return True
        if _compound_heading(text, m) is not None:
            return True
        if m.group("label").lower() == "ande":
            return True  # a heading's lost start, never running text before a name
        if text[m.end() :].lstrip().startswith(":"):
            return True
        before = re.search(r"(\S+)\s*$", text[: m.start()])
        return not (before and re.fullmatch(r"[a-zåäö]+", before.group(1)))

    return [m for m in _FLAT_LABEL.finditer(text, start) if heading(m)]


def _flat_label(word: str) -> SectionLabel | None:
    found = match_label(word)
    return found[0] if found else None


_ITEM_AFTER = re.compile(r"(?i)val av|fastställande|godkännande|dagordning|föredragningslista")


def _without_item_number(segment: str, text: str, stop: re.Match[str] | None) -> str:
    """The list without the number of the first item that ends it: "Lena Lindgren, sekreterare
    18 Val av protokolljusterare" is no "present at § 18" (real 17, 18, 19)."""
    if stop is None or not _ITEM_AFTER.match(text, stop.start()):
        return segment
    return re.sub(r"(?<=[^\d\s,])\s+\d{1,3}\s*$", " ", segment)


def flat_attendance(text: str, later: bool = False, context: str = "") -> list[ParsedPerson]:
    """The people in attendance lists that have lost their line breaks, or []. With later (the
    lists were found on an earlier page), a label after the page's first item is in running
    text: "3 1 Val av mötesordförande … (M) ersättare Borås Ulf Olsson"
    lists the members' appointees, not who came (real 11). The context (the whole document)
    is the name lexicon's evidence of ordinary words (names.py)."""
    people: list[ParsedPerson] = []
    header = _HEADER_RUN.search(text)
    if (
        header
        and len(re.findall(rf"{_FLAT_LABEL_WORDS}|{_FLAT_JUSTERA}", header.group(0), re.I)) < 3
    ):
        header = None  # "Övriga närvarande Ersättare": one list's two headings, not a table's
    if header:
        stop = _FLAT_STOP.search(text, header.end())
        segment = text[header.end() : stop.start() if stop else len(text)]
        resume = stop.start() if stop else len(text)
        tail = _NEXT_TABLE_LABEL.search(segment)
        if stop and tail and _JUSTERA_LABEL.match(text, stop.start()):
            # "… Linnea Gränsberg (S) Övriga Utsedd att justera Justeringens plats och tid Petra
            # Lindberg, regiondirektör, …": the next table's headings side by side, the first
            # one's list after them all (real 41). That list is read with the labels below.
            segment = segment[: tail.start()]
            resume = header.end() + tail.start()
        if re.search(r"(?i)\bplats\b\W*(?:\w{1,12}\W*)?$", text[: header.start()]):
            # "Plats ande Ledamöter … Ersättare Korrö Hantverksby, Linneryd Anna Berg, (c)":
            # the place's heading came before the table's, so its value comes first (real 12).
            segment = segment.split(",", 1)[-1]
        found = _names_in_segment(segment, SectionLabel(), text, context)
        _absent_last_column(header.group(0), segment, found)
        seen: dict[str, ParsedPerson] = {}
        for person in found:
            key = name_key(person.name)
            if key in seen:
                # Listed again: the later column, the justerare when that column is last.
                if re.fullmatch(_FLAT_JUSTERA, header.group("last"), re.IGNORECASE):
                    seen[key].roles = sort_roles([*seen[key].roles, "justerare"])
                continue
            seen[key] = person
            people.append(person)
        text = text[: header.start()] + " " + text[resume:]
    labels = _flat_labels(text)
    first_stop = _ITEM_OPENING.search(text) if later else None
    if first_stop:
        labels = [m for m in labels if m.start() < first_stop.start()]
    interleaved: set[int] = set()
    for n, label_match in enumerate(labels):
        start = label_match.end()
        end = labels[n + 1].start() if n + 1 < len(labels) else len(text)
        stop = _FLAT_STOP.search(text, start, end)
        label = _flat_label(label_match.group("label"))
        if label is not None and label_match.group("label")[:1].islower():
            # "Närvarande rådsrepresentanter och ersättare": the group the whole heading names,
            # not the ersättare alone.
            label = _compound_heading(text, label_match) or label
        if label is None:
            continue
        if stop and not text[start : stop.start()].strip():
            justera = _JUSTERA_LABEL.match(text, stop.start())
            if justera:
                # "Övriga deltagande Utses att justera Roland Bång … Rickard Norberg": two
                # columns' headings side by side, then both columns' names; the justerare is
                # the one already listed among the members (real 03).
                interleaved.add(stop.start())
                start = justera.end()
                # And the justering's own heading beside them (real 41).
                beside = _JUSTERING_HEADING.match(text, start)
                start = beside.end() if beside else start
                stop = _FLAT_STOP.search(text, start, end)
                listed = {name_key(p.name): p for p in people}
                segment = text[start : stop.start() if stop else end]
                for person in _names_in_segment(segment, label, text, context):
                    earlier = listed.get(name_key(person.name))
                    if earlier is not None:
                        earlier.roles = sort_roles([*earlier.roles, "justerare"])
                    else:
                        people.append(person)
                continue
        segment = _without_item_number(text[start : stop.start() if stop else end], text, stop)
        people.extend(_names_in_segment(segment, label, text, context))
        if stop and n + 1 < len(labels) and labels[n + 1].start() > stop.start():
            # The lists ended; labels further on belong to something else.
            if not _flat_labels(text, stop.end()):
                break
    if people and not header:
        _mark_justerare(text, people, interleaved)
    if people:
        people.extend(_members_listed_elsewhere(text, people))
        chair = _chair_of_label_row(text, labels)
        if chair and not any(name_key(p.name) == name_key(chair) for p in people):
            people.insert(0, ParsedPerson(name=chair, roles=["ordforande"], status=PRESENT))
    return people


# The head's labels in a row before their values: "Plats och tid Ordförande Mötesdatum Dnr. …
# Gyllenhjelm, Kommunhuset, Strängnäs kl. 10:00-12:00 Monica Lindell Rylén (S) Närvarande …"
# (real/complete 230): the chair is the name with a party among the values, before the lists.
_LABEL_ROW_CHAIR = re.compile(
    r"(?i)\bplats och tid\s+ordförande\s+(?:mötesdatum|sammanträdesdatum|datum)\b"
)
_NAME_WITH_PARTY = re.compile(
    r"(?<![\w-])([A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]+){1,3})\s*\((?-i:[A-ZÅÄÖ]{1,3})\)"
)


def _chair_of_label_row(text: str, labels: list[re.Match[str]]) -> str | None:
    """The chair's name among the values of a head whose labels stand in a row before them
    ("Plats och tid Ordförande Mötesdatum …"), or None: the one name with a party between the
    row and the first attendance heading."""
    row = _LABEL_ROW_CHAIR.search(text)
    if row is None:
        return None
    first = next((m.start() for m in labels if m.start() > row.end()), None)
    if first is None:
        return None
    names = _NAME_WITH_PARTY.findall(text, row.end(), first)
    return names[0] if len(names) == 1 else None


_LIST_ELSEWHERE = re.compile(
    r"(?i)\benligt\s+(?:särskild\s+|bifogad\s+|separat\s+|bilagd\s+)?närvarolista"
)
_SIGNED_MEMBER = r"[A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]+){1,2}"
_JUSTERA_NAME = re.compile(
    rf"(?i:utses att justera|utsedda? att justera)\s*:?\s+({_SIGNED_MEMBER})"
)
_SECRETARY_DOTS = re.compile(rf"\bSekreterare\s*[.…]{{2,}}\s*({_SIGNED_MEMBER})")
_CHAIR_SIGNED = re.compile(
    rf"Ordförande\s+Justerande\s+({_SIGNED_MEMBER})\s*(?:\([^()]{{1,4}}\))?\s+({_SIGNED_MEMBER})"
)


def _members_listed_elsewhere(text: str, people: list[ParsedPerson]) -> list[ParsedPerson]:
    """ "Beslutande Enligt särskild närvarolista": the members are listed outside the text; the
    justerare named under "Utses att justera" and the ordförande who signs beside them were
    there (real 28). Only those the lists here do not already hold."""
    if not _LIST_ELSEWHERE.search(text):
        return []
    known = {name_key(p.name) for p in people}
    found: list[ParsedPerson] = []
    justera = _JUSTERA_NAME.search(text)
    if justera is None:
        return []
    words = justera.group(1).split()
    while words and not _is_flat_name_word(words[0]):
        words = words[1:]  # "Utses att justera: Ordinarie Henrik Sandgren (s)" (real att. 74)
    while words and not _is_flat_name_word(words[-1], after_name=True):
        words = words[:-1]  # "Utses att justera Kjell Asp Paragrafer 1-8" (real att. 121)
    if len(words) < 2:
        return []
    justerare = " ".join(words)
    if name_key(justerare) not in known:
        found.append(ParsedPerson(name=justerare, roles=["justerare"]))
        known.add(name_key(justerare))
    chair = _CHAIR_SIGNED.search(text)
    if chair and chair.group(2) == justerare and name_key(chair.group(1)) not in known:
        found.append(ParsedPerson(name=chair.group(1), roles=["ordforande"]))
    # The secretary who signs on a dotted line keeps the minutes: "Underskrift Sekreterare…
    # Agneta Holmqvist Ordförande… Bengt Lindh (L)" (real attendance 121).
    secretary = _SECRETARY_DOTS.search(text)
    words = secretary.group(1).split() if secretary else []
    while words and not _is_flat_name_word(words[-1], after_name=True):
        words = words[:-1]
    if len(words) >= 2 and name_key(" ".join(words)) not in known:
        found.append(ParsedPerson(name=" ".join(words), roles=["sekreterare"]))
    return found


def _absent_last_column(header: str, segment: str, found: list[ParsedPerson]) -> None:
    """A table "Beslutande | Övriga deltagande | Förhindrade" flattened to its headings and then
    every column's names: members carry a party, the others none, so a second run of names with
    parties after those without is the last column, and when that column is an absence heading
    they were absent: "… Pia Johnsson (S) Tomas Jonasson Lars Jönsson … Sture Carlsson (S)"
    (real 36)."""
    labels = re.findall(rf"{_FLAT_LABEL_WORDS}|{_FLAT_JUSTERA}", header, re.IGNORECASE)
    last = _flat_label(labels[-1]) if labels else None
    if len(labels) < 3 or last is None or last.status != ABSENT:
        return
    party = [
        bool(re.search(rf"(?<![\w-]){re.escape(p.name)}\s*\([^()]{{1,4}}\)", segment))
        for p in found
    ]
    groups: list[tuple[bool, int, int]] = []  # (with party, first, end)
    for n, has in enumerate(party):
        if groups and groups[-1][0] == has:
            groups[-1] = (has, groups[-1][1], n + 1)
        else:
            groups.append((has, n, n + 1))
    if len(groups) >= 3 and [g[0] for g in groups[:3]] == [True, False, True]:
        for person in found[groups[2][1] : groups[2][2]]:
            person.status, person.roles = ABSENT, []
            person.absence_kind = last.absence_kind


_SIGNATURE_ROW = re.compile(r"\bSekreterare\s+(?:Ordförande\b|Justerande\b)[^|]{0,160}")
_SIGNED_NAME = re.compile(
    r"[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?(?:\s+[A-ZÅÄÖ]\.?)?"
    r"(?:\s+[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?){1,2}"
)


def signing_secretary(text: str, listed: list[str]) -> str | None:
    """The sekreterare of a flattened signature row "Sekreterare Ordförande Justerande Gunilla
    Carlsvärd Redell Maths Andersson Anders Andersson": the one name there that the attendance
    lists do not already hold (ordförande and justerare are members), when exactly one is left
    (real 04, 12)."""
    row = _SIGNATURE_ROW.search(text)
    if row is None:
        return None
    rest = row.group(0)
    for name in sorted(listed, key=len, reverse=True):
        rest = rest.replace(name, "|")
    found = [
        m.group(0)
        for m in _SIGNED_NAME.finditer(rest)
        if all(_is_flat_name_word(w) for w in m.group(0).split() if len(w) > 2)
    ]
    return found[0] if len(found) == 1 else None


def _mark_justerare(
    text: str, people: list[ParsedPerson], skip: set[int] | frozenset[int] = frozenset()
) -> None:
    """ "Utses att justera: Tomas Wik" / "Justerare Justeringens plats och tid Olle Bäck": the
    listed people named within the next words are the justerare."""
    for label in _JUSTERA_LABEL.finditer(text):
        if label.start() in skip or re.search(
            r"\b(?:Sekreterare|Ordförande)\s*$", text[: label.start()]
        ):
            # "Sekreterare Ordförande Justerande Anna Berg Bo Ek …": the signatures' headings,
            # whose names come in the headings' order (real 01).
            continue
        window = text[label.end() : label.end() + 100]
        # A whole name only ("Per Holm" is not named in "Per Holmgren"), in the order written.
        named: list[tuple[int, ParsedPerson]] = []
        for p in people:
            found = re.search(rf"(?<!\w){re.escape(p.name)}(?!\w)", window)
            if p.status != ABSENT and found:
                named.append((found.start(), p))
        named.sort(key=lambda pair: pair[0])
        for _, person in named[:2]:
            person.roles = sort_roles([*person.roles, "justerare"])


_FLAT_PARTIAL = re.compile(
    r"(?i)närvarande\s+(?:§\s*)?\d+\s*[-–]?\s*\d+|från och med|till och med|\bdel av\b|"
    r"\blämnade\b|\banslöt\b|"
    # "Gunilla Johansson (delvis)" (real 21); "Boye Johansson, Business Region Göteborg, p10":
    # at that punkt only (real 15)
    r"\bdelvis\b|(?:^|[\s,])p\.?\s?\d{1,3}\s*,?\s*$|"
    # "… för Mattias Örn (S) kommer kl": came later, the time lost (real attendance 75)
    r"\b(?:kommer|kom|går|gick)\s+kl\b|"
    # "Björn Carlén Vägverket Region Väst (punkt 6)" (real 33)
    r"\(\s*(?:punkt|pkt\.?|p\.)\s*\d|"
    # "Olav Ek (ärende 16 och 21, programansvarig)", "Per Lund, utvärdering (ärende 20)": the
    # saklista's items the person came for (real attendance 421)
    r"\(\s*ärende(?:na|n)?\s*\d|"
    # "Anita Kjellström (t o m punkt 5)", "(fr.o.m. § 6)": the short forms of 'till och med' /
    # 'från och med' opening a bracket (real/bodies 293)
    r"\(\s*(?:t|fr)\.?\s?o\.?\s?m\.?\s+(?:punkt|pkt\.?|p\.|§|kl)|"
    # "Jonas Brodd Lundqvist (M), 1:e vice ordförande, ej , ": "ej §§ …" whose numbers the
    # extraction lost, a space left before the comma (real 41)
    r"\bej\s+,|"
    # "Eva Nilsson (M) deltar ej vid 59 punkt 2 pga. jäv": out of the meeting for one § or
    # point, there for the rest (real attendance 335)
    r"\b(?:deltar|deltog|deltagit)\s+(?:ej|inte)\s+(?:i|vid|under)\s+(?:§\s*|punkt\s+|ärende\s+)?\d|"
    # "Leif Hansen (SRD), , Lars Molin", "Daniel Aronsson (chef ekonomi) , Malin Thorson": the
    # bracket's comma followed by an empty one, or a comma with a space before it, where the
    # extraction dropped a § range ("141-143, 145-159", as the page's title keeps, real 301,
    # 302)
    # A party's bracket before " ," is no such trace ("Rut Björk Nilsson (KD) ersätter Gösta
    # Ahl (KD) , Kim Ros", shapes 24): the space-comma counts after a title's bracket only.
    r"^\s*\([^()]{7,60}\)\s+,|^\s*\([^()]{1,60}\)\s*,\s+,|"
    # "Akko Karlsson vice ordförande , Eddie Forsman": the same space-comma after a role word
    # in the row's role column (real attendance 332, as "Roland Åkesson , Birgitta …")
    r"^\s*(?:(?:1:e|2:e|förste|andre)\s+)?(?:vice\s+)?(?:ordförande|sekreterare)\s+,(?=\s)|"
    # "Bo Bertelsen (M) ej Yvonne Andersson (M)": "ej §§ …" with the whole range lost, the next
    # name right after (real 304, as "Claes Jansson (S) ej 147")
    r"^\s*\([^()]{1,6}\)\s*ej(?:\s*$|\s+(?=[A-ZÅÄÖ][a-zåäöé]))|"
    # "Sanna Lööw (s) ( 151)", "samhällsbyggn chef ( 138)": "(§ 151)" with its sign lost, the
    # space left; "(fp)( )" lost the number too (real attendance 81). A page count "(36)" has
    # no space inside.
    r"\(\s+(?:\d{1,4}(?:\s*[-–,]\s*\d{1,4})*\s*)?\)|"
    # "Vilhelmina Vinderos, controller, paragraf 8", "Mats Flodin (M), paragraf 1-5 och 7-30":
    # the word for § before the numbers, after a comma, any count of digits (real attendance
    # 279). Not the head's plural "Avser paragrafer 1-30", which is the whole protocol.
    r",\s*paragraf\s+\d{1,3}\b|"
    # "Maria Abrahamson (m) kl Roger Bogren …", "Ove Wiktorsson (c) Kl , …": "kl" right after
    # the name or its party with no time after it, the time lost in extraction: there for part
    # of the meeting (real attendance 280)
    r"^\s*(?:\([^()]{1,6}\)\s*)?kl\b\.?(?!\s*\d)"
)
# "…, tjg ersättare, 108" / "Name, title, 106": present for those § only (corpus 16, 17). A
# single digit after a comma too: "Lena Byqvist, folkhälsostrateg, 6" at a meeting of §§ 6-10
# (real 39). Sub-points of one § after it: "Gunilla Levén, Kollektivtrafiknämnden 88 a-d"; a
# range at the end of a page keeps the page number after it: "Anders Einarsson, Kommunchef
# Bollebygd 75-87 1" (real/complete 242); so does a single § after its comma: "Tony Malmberg
# Larsson, Samordnare Ensamkommande barn, 109 1" (real attendance 380).
_PARAGRAPH_NUMBERS = re.compile(
    r"(?:(?:^|[\s,])(?!19\d\d|20\d\d)\d{2,4}|,\s*\d)(?:\s*[-–]\s*\d{1,4})?"
    r"(?:\s+[a-h]\s*[-–]\s*[a-h])?\s*,?\s*$|"
    r"(?:^|\s)\d{2,4}\s*[-–]\s*\d{2,4}\s+[1-9]\s*$|"
    r",\s*(?!19\d\d|20\d\d)\d{2,4}\s+[1-9]\s*$"
)
# A § range straight after a name: "Anders Unger 1-2, 4-5," / "Bo Lund 1-23," (real attendance
# 422); the whole list of ranges and numbers after a name, nothing else.
_RANGE_AFTER_NAME = re.compile(r"\s*(?:§\s*)?\d{1,4}\s*[-–]\s*\d{1,4}\s*[,;]")
_PARAGRAPH_LIST_AFTER_NAME = re.compile(
    r"\s*(?:§\s*)?\d{1,4}(?:\s*[-–]\s*\d{1,4})?(?:\s*,\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?)*"
    r"\s*[,;]?\s*$"
)


def _meeting_span(text: str) -> tuple[int, int] | None:
    """The § the minutes hold, from the head's "Paragrafer 1-23" (its dash may be lost:
    "Paragrafer 1 23")."""
    found = re.search(r"(?i)\bparagrafer\s*:?\s*(?:§+\s*)?(\d{1,4})\s*[-–]?\s*(\d{1,4})\b", text)
    if not found or int(found.group(1)) >= int(found.group(2)):
        return None
    return int(found.group(1)), int(found.group(2))


def _span_of(after: str) -> tuple[int, int] | None:
    """ "1-23," → (1, 23): the one range after a name; None for anything else."""
    found = re.fullmatch(r"\s*(?:§\s*)?(\d{1,4})\s*[-–]\s*(\d{1,4})\s*[,;]?\s*", after)
    return (int(found.group(1)), int(found.group(2))) if found else None


# "Name, title N" with a single digit, the § of a guest, in a list of such entries (see
# _names_in_segment): a scan fragment in lower case may follow ("Socialchef 1 -sståndare").
_SINGLE_PARAGRAPH = re.compile(r",\s*[^,\d]{2,40}?\s+\d(?:\s+-?[a-zåäö]+)?\s*$")
_SINGLE_PARAGRAPH_BEFORE_NAME = re.compile(
    r",\s*[^,\d]{2,40}?\s+\d(?:\s+-?[a-zåäö]+)?(?=\s+[A-ZÅÄÖ][a-zåäö]+\s+[A-ZÅÄÖ]|\s*$)"
)
# "Lars Hedin , ekonom Cecilia Rask , …", "Ulla Frid (V) , Jonas …": a space before the comma
# right after the name (or its party) is where the extraction lost the § this person was there
# for, as "ej , " (real 41); in lists whose other entries keep theirs ("Maria Åkesson 206, ,",
# real attendance 141).
# "Margit Bik (S), 65 81, 83 87 ordförande …": ranges whose dashes were lost, two or more after
# the party, before the roles' column (a region's board, real/complete 430).
_LOST_DASH_RANGES_AFTER_NAME = re.compile(
    r"^\s*(?:\([^()]{1,6}\)\s*)?,\s*(?!19\d\d|20\d\d)\d{2,4}\s+\d{2,4}"
    r"(?:\s*,\s*\d{2,4}\s+\d{2,4})+(?=\s|$)"
)
_LOST_PARAGRAPHS_AFTER_NAME = re.compile(r"^(?:\s*\([^()]{1,6}\))?\s+,(?=\s|$)")
# "Anna Wik 164, , ekonom …" / "Amir Said 165." : § numbers right after the name.
_PARAGRAPHS_AFTER_NAME = re.compile(
    r"^\s*(?:\([^()]*\)\s*)?,?\s*(?:§\s*)?(?!19\d\d|20\d\d)\d{2,4}(?:\s*[-–]\s*\d{2,4})?"
    r"(?:\s*(?:,|och)\s*\d{2,4})*\s*(?:[,.;]|och\b|$)"
)
_FLAT_WORD = rf"[{_UPPER}][{_LOWER}]+(?:[A-ZÅÄÖ][{_LOWER}]+)?(?:-[A-ZÅÄÖa-zåäö][{_LOWER}]+)*"
# Nobiliary particles between name words in flattened text: "Björn af Ekström" (real 39). Not
# "av" or "den", which join capitalised words in running text ("Val av Ordförande").
_FLAT_PARTICLES = ("af", "von", "van", "de", "der", "du", "da", "di", "la", "le", "del")
# "den" only after "van"/"von", as one particle with it: "Kayumba van den Brink" (real
# attendance 383).
_FLAT_PARTICLE = "(?:" + "|".join(_FLAT_PARTICLES) + "|(?<=van |von )den)"


def _particle_pair(first: str, second: str) -> bool:
    """Two particles in a row inside one name: "van der", "van den", "von der"."""
    return first in _FLAT_PARTICLES and (
        second in _FLAT_PARTICLES or (first in ("van", "von") and second == "den")
    )


# A word before a colon is a field's label, no name's: "… Örebro Program: Mötet öppnas" (real
# attendance 74).
_FLAT_RUN = re.compile(
    rf"(?:{_FLAT_WORD}(?:[ ]+(?![ ]*:)|(?=[,.;()]|$)))"
    # A middle initial before the surname that ends the name at a party or a comma: "Margareta
    # B Lindén (M)", "Lars F Ekman (kd)" (real 27, 32); a lone capital elsewhere may be a party.
    # … also with its point: "RosMarie J. Neckö (S)" (a county council's board, real/complete
    # 432).
    rf"(?:(?:[A-ZÅÄÖ]\.?[ ]+(?={_FLAT_WORD}[ ]*[,(]))?(?:{_FLAT_PARTICLE}[ ]+){{0,2}}"
    rf"{_FLAT_WORD}(?:[ ]+(?![ ]*:)|(?=[,.;()]|$)))*"
)


# Points of the compass that are surnames too ("Malin Öst", real attendance 62) but never a
# given name: they start no name ("Region Öst Anna Berg", real 33); not "Nord" ("Kalle Nord",
# shape 07).
_COMPASS_SURNAMES = frozenset({"öst", "väst"})


def _is_flat_name_word(word: str, after_name: bool = False) -> bool:
    low = word.lower()
    return not (
        low in _FLAT_NOT_NAME
        or (low in _COMPASS_SURNAMES and not after_name)
        or low in ROLE_WORDS
        or is_title_word(word)
        or is_organisation_word(word)
        # A noun's definite genitive in "-ingens" opens a label, no name ends so: "Carina
        # Bengtsson Justreringens plats och tid" (a misspelt "Justeringens", real attendance
        # 278).
        or low.endswith("ingens")
    )


_CODED_NAME = re.compile(r"[A-ZÅÄÖ][\wåäöé-]+\s*\([^()]{1,4}\)")


def _headings_before_coded_names(segment: str, chunk: list[tuple[str, int, int]]) -> bool:
    """A run of name-shaped words closed by a bracket, in a list whose names (three or more
    after it) are each closed by one: no run of several names without brackets is among
    them."""
    end = chunk[-1][2]
    return segment[end : end + 2].lstrip().startswith("(") and (
        len(_CODED_NAME.findall(segment, end)) >= 3
    )


# A lone capital between two runs of name words is a middle initial when the word before it is
# a given name and the word after it a surname the name lists know ("… Sofia Lind Malin K
# Persson Niklas Borg …", names run together without separators, real attendance 147); the
# single-letter party codes are left alone.
_INITIAL_GAP = re.compile(r"([A-ZÅÄÖ])[ ]+")
_PARTY_LETTERS = frozenset("SMCVL")


def _runs_across_initials(segment: str) -> list[tuple[int, int]]:
    """The spans of _FLAT_RUN in the segment, two joined across a middle initial."""
    spans: list[tuple[int, int]] = []
    for match in _FLAT_RUN.finditer(segment):
        if spans:
            gap = _INITIAL_GAP.fullmatch(segment, spans[-1][1], match.start())
            before = segment[spans[-1][0] : spans[-1][1]].split()
            after = match.group(0).split()
            if (
                gap
                and gap.group(1) not in _PARTY_LETTERS
                and before
                and after
                and is_given_name(before[-1])
                and is_surname(after[0])
                and not is_given_name(after[0])
            ):
                spans[-1] = (spans[-1][0], match.end())
                continue
        spans.append((match.start(), match.end()))
    return spans


def _name_runs(segment: str, text: str = "") -> list[tuple[int, int, list[str]]]:
    """(start, end, words) of each run of two to six name-shaped words; a label, role, title or
    organisation word inside a run of capitalised words splits it ("Kommunchef Gustav Ring
    Kommunsekreterare Ida Vik")."""
    runs: list[tuple[int, int, list[str]]] = []
    for start, stop in _runs_across_initials(segment):
        chunk: list[tuple[str, int, int]] = []
        words = [
            (w.group(0), start + w.start(), start + w.end())
            for w in re.finditer(r"\S+", segment[start:stop])
        ]
        for item in [*words, None]:
            if (
                item is not None
                and _is_flat_name_word(item[0], after_name=bool(chunk))
                # Three letters or more and no vowel, no name: an abbreviation in an
                # organisation column ("Barbro Holm Bmn N", real attendance 121); not an
                # initial or "Mc" ("Calin Mc Quillan", real 13).
                and (
                    len(item[0]) < 3 or re.search(r"[aeiouyåäöéèáàóòúùíìüæøâêîôû]", item[0].lower())
                )
            ):
                chunk.append(item)
                continue
            if len(chunk) >= 5 and not runs and _headings_before_coded_names(segment, chunk):
                # "Närvarande: 19 av 22 Askersund Degerfors … Örebro Jonas Eklöf (i) AU
                # Birgitta Wallin Hägg (p) …": a table's column headings, then its cells row
                # by row, every name closed by its bracket; the long first run is the
                # headings and one name, its last two words (real attendance 63).
                chunk = chunk[-2:]
            if len(chunk) in (2, 3, 4, 6):
                runs.append((chunk[0][1], chunk[-1][2], [c[0] for c in chunk]))
            elif len(chunk) >= 5:
                # Names without parties or commas, "Rickard Norberg Ulf Hansson … Gunder
                # Lindgren Bo Lennart Danielsson" (real 03): two or three words each.
                pieces = _split_run([c[0] for c in chunk], text)
                at = 0
                for size in pieces:
                    piece = chunk[at : at + size]
                    runs.append((piece[0][1], piece[-1][2], [c[0] for c in piece]))
                    at += size
            chunk = []
    kept = []
    for run in runs:
        if _names_place(segment, run):
            if len(run[2]) < 3:
                continue
            # "Anna Ek Östby kommun Bo Lund …": a name, then its kommun's name before the
            # lower-case "kommun" (rows "Name Organisation" run together).
            last = segment.rindex(run[2][-1], run[0], run[1])
            run = (run[0], len(segment[:last].rstrip()), run[2][:-1])
        if len(run[2]) == 3 and run[2][1] == run[2][2]:
            # "Mikael Kling Kling Konsult": the firm after its owner's name (real 33).
            run = (run[0], segment.rindex(run[2][2], run[0], run[1]) - 1, run[2][:2])
        shortened = _before_lower_organisation(segment, _organisation_edges(segment, run, text))
        if shortened is not None:
            kept.append(_before_title_or_place(segment, shortened))
    return kept


def _names_place(segment: str, run: tuple[int, int, list[str]]) -> bool:
    """A run right before a lower-case "kommun", "stad" or "län" names the place: "… östra
    Skaraborg Tibro kommun kommunchef" in an organisation column (real 36)."""
    if re.match(r"\s+(?-i:kommuns?|stads?|läns?|landstings?)\b", segment[run[1] :]):
        return True
    # A place in the genitive before a capitalised "Stad" / "Kommun": "Lennart Blomberg, Forum
    # Vänersborgs Stad Peter Falk, sekreterare" (real/complete 232), "Göteborgs Stad".
    return run[2][-1].endswith("s") and bool(
        re.match(r"\s+(?-i:Stad|Kommun|Län|Landsting)\b", segment[run[1] :])
    )


def _before_lower_organisation(
    segment: str, run: tuple[int, int, list[str]]
) -> tuple[int, int, list[str]] | None:
    """A lower-case organisation word continues a proper name: "Blidö Frötuna
    skärgårdsförening", "Ornö skärgårds Intresseförening", "Akershus fylkeskommune" (real 25,
    33). The run's last word (two of four) is the organisation's; what is left is a name when
    two words remain, else the run was no name."""
    start, end, words = run
    after = re.match(r"\s+(?:[a-zåäö]+s\s+)?(\S+)", segment[end:])
    if not (
        after and after.group(0).strip()[:1].islower() and is_organisation_word(after.group(1))
    ):
        return run
    if len(words) < 3:
        return None
    last = segment.index(words[2], segment.index(words[1], start) + len(words[1]))
    return start, len(segment[:last].rstrip()), words[:2]


def _before_title_or_place(
    segment: str, run: tuple[int, int, list[str]]
) -> tuple[int, int, list[str]]:
    """A run of three words before a lower-case job title ends in the title's adjective:
    "Malin Åkerlund Administrativ chef Göran Berglöf" (real 28)."""
    start, end, words = run
    after = re.match(r"\s+([a-zåäö]+)\b", segment[end:])
    if (
        len(words) == 3
        and after
        and _TITLE_WORD.search(after.group(1))
        and not _is_surname(words[2])
        and words[1] not in _FLAT_PARTICLES  # "Jolanda van Vliet sekreterare" (real/items 18)
    ):
        last = segment.rindex(words[2], start, end)
        return start, len(segment[:last].rstrip()), words[:2]
    return run


def _is_surname(word: str) -> bool:
    """Shaped like a Swedish surname, or a known one (names.py)."""
    return bool(_SURNAME_END.search(word)) or surname_evidence(word) == 1.0


# Endings of Swedish surnames that given names do not have: a word with one does not start a
# name ("Britt-Marie Andrén Karlsson Per Pellby", real 15).
_SURNAME_END = re.compile(
    r"(?i)(?:s?son|berg|ström|gren|lund|qvist|kvist|quist|dahl|holm|stedt|blad|bäck|sjö|"
    r"ros|fors|ling|myr|mark)$"
)


def _whole_elsewhere(piece: list[str], text: str) -> bool:
    """The text writes these words as one whole name elsewhere: before a comma, "och", a
    full stop or a parenthesis ("Hans Erik Fossum, Sidsel Sandvik … hade anmält förhinder")."""
    name = r"\s+".join(re.escape(w) for w in piece)
    return bool(text) and bool(re.search(rf"(?<![\w-]){name}(?=\s*(?:,|\.|\(|och\b))", text))


def _piece_cost(piece: list[str], text: str, surname_first: bool) -> float:
    """What published name statistics say against a piece being one name (soft evidence,
    names.py): a name starts with a given name and ends with a surname ("Per Olof Strand",
    not "Per Olof" + "Strand Siv Edlund", real attendance 120), or the other way round in a
    surname-first list ("Andersson Anna Berg Per")."""
    head, tail = (piece[-1], piece[0]) if surname_first else (piece[0], piece[-1])
    cost = 3.0 * surname_evidence(head) - 2.0 * given_evidence(head, text)
    cost += 3.0 * given_evidence(tail, text) * (1.0 - surname_evidence(tail))
    return cost - surname_evidence(tail)


def _best_split(words: list[str], text: str, surname_first: bool) -> tuple[float, list[int]]:
    n = len(words)
    best: list[tuple[float, list[int]] | None] = [None] * (n + 1)
    best[n] = (0.0, [])
    for at in range(n - 2, -1, -1):
        options = []
        for size in (2, 3, 4):
            rest = best[at + size] if at + size <= n else None
            if rest is None:
                continue
            piece = words[at : at + size]
            if size == 4 and not _particle_pair(piece[1], piece[2]):
                # Four words only round two particles: "Jennifer van der Gronden" in a
                # federation's flattened list of members (real/complete 372).
                continue
            # A surname-shaped word does not start a name ("Britt-Marie Andrén Karlsson Per
            # Pellby", real 15), nor end one in a surname-first list.
            edge = piece[-1] if surname_first else piece[0]
            cost = rest[0] + (10.0 if _SURNAME_END.search(edge) else 0.0)
            # A particle neither starts nor ends a name ("Björn af Ekström").
            if piece[0] in _FLAT_PARTICLES or piece[-1] in _FLAT_PARTICLES:
                cost += 20.0
            # A piece the text writes whole elsewhere is a name (real 33).
            cost -= 5.0 if _whole_elsewhere(piece, text) else 0.0
            # Three words: a small cost, smaller the later it stands (ties go to the last).
            cost += (1.0 + 0.01 * (n - at)) if size == 3 else 0.0
            cost += _piece_cost(piece, text, surname_first)
            options.append((cost, [size, *rest[1]]))
        best[at] = min(options, key=lambda o: o[0]) if options else None
    found = best[0]
    return found if found else (0.0, [n])


def _split_run(words: list[str], text: str = "") -> list[int]:
    """The sizes (two or three) of the names in a run of name words without separators. A name
    starts with a given name, so a piece starting with a surname-shaped word costs most; known
    given names and surnames (names.py) weigh in; each three-word piece costs a little (most
    names have two words). Without evidence the one three-word name is the last (a guess, as
    before). A run whose pieces read far better surname first ("Andersson Anna Berg Per
    Lindqvist Eva") is split that way."""
    cost, sizes = _best_split(words, text, surname_first=False)
    flipped, flipped_sizes = _best_split(words, text, surname_first=True)
    starts = [sum(flipped_sizes[:k]) for k in range(len(flipped_sizes))]
    if flipped < cost - 4.0 and all(
        surname_evidence(words[at]) > given_evidence(words[at], text) for at in starts
    ):
        return flipped_sizes
    return sizes


def _without_org_tail(words: list[str], text: str) -> list[str]:
    """A run of three or four words whose first is no known given name and whose second is one
    starts with the last word of what stood before (an organisation or a place column):
    "Attendo Jan Erik Wiklund", "Växjö Suzanne Frank", "Hjälpmedel Jan Östling" (real
    attendance 121, 21, 61). Names are evidence (names.py), so a known given name first keeps
    the run whole."""
    while (
        len(words) > 2
        and words[0] not in _FLAT_PARTICLES
        and not is_given_name(words[0])
        and given_evidence(words[1], text) >= 0.5
    ):
        words = words[1:]
    return words


_ROLE_IN_TEXT = [
    (re.compile(rf"(?<![\wåäö]){re.escape(word)}(?![\wåäö])"), role)
    for word, role in sorted(ROLE_WORDS.items(), key=lambda wr: len(wr[0]), reverse=True)
]


def _roles_in(text: str) -> list[str]:
    """The roles text names, longest words first ("vice ordförande" is not also "ordförande")."""
    low = text.lower()
    roles: list[str] = []
    for pattern, role in _ROLE_IN_TEXT:
        if pattern.search(low):
            roles.append(role)
            low = pattern.sub(" ", low)
    return roles


def _title_after(after: str) -> str | None:
    """ "Anna Pettersson, regiondirektör, Rachel Nygren, kanslichef": the lower-case title a
    flattened list writes after the name and a comma (corpus 17; real attendance 41, 60). A
    meeting role ("ordförande"), § numbers or a partial note are no title."""
    m = re.match(r"\s*(?:\([^()]{1,6}\)\s*)?,\s*([a-zåäöé][^,()\d]{2,80}?)\s*(?:,|$)", after)
    if not m:
        return None
    title = m.group(1).strip().rstrip(".")
    if (
        len(title) < 4  # "ej", "kl", a lower-case party ("kd", "mp")
        or title.lower() in ROLE_WORDS
        or _FLAT_PARTIAL.search(title)
        or re.search(r"\b(?:tjg|tgj|tjänstgörande|ersätter|ersättare)\b|\bför\s+[A-ZÅÄÖ]", title)
    ):
        return None
    return title


def _own_and_lead(after: str) -> tuple[str, str]:
    """Split the text between two names into what belongs to the first ("(S), ordförande, 108")
    and what leads the second: a capitalised role or title right after the first name and its
    party ("Kommunsekreterare" in "Gustav Ring Kommunsekreterare Ida Vik"); after a comma it is
    the first one's ("Eva Holm, Socialt Ansvarig Socionom 140"). A lower-case role or title after
    "samt", or a job title (not a meeting role) after a comma, leads the next name ("Maria
    Blomberg (L) samt sekreterare Patrik Skanser, socialchef Lillemor Quist", real 01; but
    "Anna Berg (S), ordförande Bo Ek")."""
    joined = re.search(r"(\s+samt|,)\s+(?=[a-zåäö][\wåäö.]*\s*$)", after)
    title = after[joined.end() :].strip().lower().rstrip(".") if joined else ""
    if joined and (
        (joined.group(1).strip() == "samt" and (is_title_word(title) or title in ROLE_WORDS))
        or (is_title_word(title) and title not in ROLE_WORDS)
    ):
        return after[: joined.start()], after[joined.start() :]
    for word in re.finditer(r"[A-ZÅÄÖ][\wåäö:]+", after):
        if _is_flat_name_word(word.group(0)) or _org_word(word.group(0)):
            # An organisation after a name is the name's: "Björn Carlén Vägverket Region Väst
            # (punkt 6)" (real 33).
            continue
        # After the party, or after § numbers: "Petra Lindholm 47 Utredare Oskar Nyberg" (real 28).
        if re.fullmatch(
            r"\s*(?:\([^()]*\)\s*)*(?:(?!19\d\d|20\d\d)\d{2,4}(?:\s*[-–,]\s*\d{2,4})*\s*,?\s*)?",
            after[: word.start()],
        ):
            if is_title_word(word.group(0)) and re.fullmatch(
                r"\s+(?!19\d\d|20\d\d)\d{2,4}(?:\s*[-–,]\s*\d{2,4})*\s*,?\s*",
                after[word.end() :],
            ):
                # "Margareta Alexandersson Projektledare 354 Bengt …": § after the title are
                # the first name's, so the title is too; before a title that leads the next
                # name the § stand first ("Petra Lindholm 47 Utredare Oskar Nyberg", real 28;
                # real attendance 280).
                return after, ""
            return after[: word.start()], after[word.start() :]
    return after, ""


_REPLACED_BEFORE = re.compile(
    r"(?:ersätter|i stället för|istället för|ersättare för|(?:tjg|tgj)\.? ers\.? för|ers\.? för|"
    # "Marit Åslund, SPF, tjänstgörande för Margareta Hedqvist" (real 39).
    r"tjänstgörande för|(?:tjg|tgj)\.? för|tjänstgör för|tjänstgjorde för|"
    # "Thomas Bäuml (M) (ers Maritha Josefsson (M))" (real 19).
    r"\(ers\.?|"
    # "Lars-Åke Magnusson (KD) ers. Pernilla Mårtensson (KD)": 'ersätter' shortened, after the
    # serving ersättare's party; the point keeps it from the role "(S) ers" (real attendance
    # 335)
    r"\)\s*ers\.|"
    # Under "Tjänstgörande ersättare": "Malin Norfall (S) för Per-Ola Mattsson (S)" (real 09).
    r"\)\s*för)\s*$"
)


def _acronym_org_word(first: str, before: str, text: str) -> bool:
    """first follows an organisation's acronym ("SRF Lundabygden Bergwall Lars") and the
    acronym with that word stands in the text at least twice: an organisation's two-word name
    whose second word ran into the next person's name, not that name's start (real/complete
    231). A name after an acronym once ("HSO Järbel Torell Gunilla") keeps its words."""
    acronym = re.search(r"(?<![\w-])([A-ZÅÄÖ]{2,5})\s+$", before)
    if acronym is None:
        return False
    pair = rf"(?<![\w-]){re.escape(acronym.group(1))}\s+{re.escape(first)}(?![\w-])"
    return len(re.findall(pair, text)) >= 2


def _closing_word_recurs(word: str, runs: list[tuple[int, int, list[str]]]) -> bool:
    """The last word of runs of three or four words, the same in two runs at least, that no name
    list knows: an organisation after each name ("Bengt G Gustavsson Meritea 355 Elisabeth
    Henriksson Meritea 355", real attendance 280), not a surname."""
    # After different names: one person's name written twice ("Hans Erik Foss") is no list.
    before = {tuple(w[:-1]) for _, _, w in runs if len(w) >= 3 and w[-1] == word}
    return len(before) >= 2 and not is_given_name(word) and not is_surname(word)


def _recurring_tail(words: list[str], text: str) -> bool:
    """Three name words whose last two recur elsewhere without the first: "Linneryd
    Marie-Louise Hilmersson" where the signatures say "Marie-Louise Hilmersson (c)" (real 12)."""
    whole = len(re.findall(rf"(?<![\w-]){re.escape(' '.join(words))}(?![\w-])", text))
    tail = len(re.findall(rf"(?<![\w-]){re.escape(' '.join(words[1:]))}(?![\w-])", text))
    return tail > whole


_AFTER_PARTY_COMMA = re.compile(r"\([^()]{1,4}\)\s*,\s*$")


_AFTER_PARTY = re.compile(r"\([^()]{1,4}\)\s*$")


# "Ulf Stenåsen, Kristianstad Matz Nilsson, Malmö Agneta Malm, Osby …": rows "Name, Place"
# without a party, the comma straight after a word (real attendance 420).
_AFTER_WORD_COMMA = re.compile(r"[^\s,()]\s*,\s*$")


def _place_column(segment: str, runs: list[tuple[int, int, list[str]]]) -> re.Pattern[str] | None:
    """Rows "Name (party), Place" run together: "Eva Falck (m), Kungälv Jan Hedberg (m),
    Göteborg Runa Hjelm (v), Göteborg …" (a kommunalförbund's members by kommun, real 32), or
    without the comma, "Anna Ek (S) Östby Bo Lund (M) Västby …". Each run after the party then
    starts with the place; told from a list of names with parties ("Anna Berg (S), Per Ek (M)")
    by most such runs being longer than a name's two words, three times at least. The pattern
    of what stands before such a run, or None."""
    for before in (_AFTER_PARTY_COMMA, _AFTER_PARTY, _AFTER_WORD_COMMA):
        after = [len(w) for s, _, w in runs if before.search(segment[max(0, s - 12) : s])]
        longer = sum(1 for n in after if n in (3, 4))
        if longer >= 3 and 3 * longer >= 2 * len(after):
            return before
    return None


def _org_word(word: str) -> bool:
    return word.lower().strip(",") in _NOT_NAME_WORDS or is_organisation_word(word)


def _organisation_edges(
    segment: str, run: tuple[int, int, list[str]], text: str
) -> tuple[int, int, list[str]]:
    """A three- or four-word run in a "Name Organisation" list whose first or last word is part of
    an organisation's name, known by the text's other uses of it (real 33):
    "Trafikkontoret Göteborg Tore Granli": the first word follows an organisation word here and
    elsewhere ("Business Region Göteborg"); "Bengt Wikberg Business Region": the last word is
    followed by the same organisation word elsewhere too; "Erik Nyström Göteborgs Hamn": a
    genitive of a word the text uses on its own, before an organisation word."""
    start, end, words = run
    if len(words) not in (3, 4) or not text:
        return run
    before = re.search(r"(\S+)\s*,?\s*$", segment[:start])
    first = re.escape(words[0])
    if before and _org_word(before.group(1)):
        org_before = [
            m for m in re.finditer(rf"(\S+)\s*,?\s+{first}(?![\w-])", text) if _org_word(m.group(1))
        ]
        # Or a place the text writes in parentheses after names: "Jan Ek (Skaraborg) … Thomas
        # Jungbeck, Kommunförbundet Skaraborg Per Wallinder," (real 15).
        in_parentheses = re.search(rf"\(\s*{first}\s*\)", text)
        if len(org_before) >= 2 or (org_before and in_parentheses):
            start = segment.index(words[1], start + len(words[0]))
            words = words[1:]
    following = re.match(r"\s+(\S+)", segment[end:])
    if following and _org_word(following.group(1)):
        last, nxt = words[-1], re.escape(following.group(1))
        again = len(re.findall(rf"(?<![\w-]){re.escape(last)}\s+{nxt}", text)) >= 2
        genitive = last.endswith("s") and re.search(
            rf"(?<![\w-]){re.escape(last[:-1])}(?![\w-])", text
        )
        if (again or genitive) and len(words) >= 3:
            return start, len(segment[: segment.rindex(last, start, end)].rstrip()), words[:-1]
    return start, end, words


def _replaced_column(segment: str, runs: list[tuple[int, int, list[str]]]) -> set[int]:
    """The runs of a flattened two-column table "Tjänstgörande ersättare | ersätter": "Per
    Almander (MP) Ulla Olsson (M) ersätter Charlotta Lorentz (MP) Magnus Sandin (M)" — the
    column heading "ersätter" stands once between the serving ersättare and as many replaced
    members, in the same order (real 34). Those after it are the replaced, absent."""
    at = [
        n
        for n, (start, _, _) in enumerate(runs)
        if re.search(r"\)\s*ersätter\s*$", segment[max(0, start - 14) : start])
    ]
    if len(at) != 1 or "ersätter" in segment[runs[at[0]][1] :]:
        return set()
    first = at[0]
    if first < 2 or len(runs) - first != first:
        return set()
    # "Eva Nord (M) deltar ej vid 59 … Arne Ek (M) ersätter Eva Nord (M) vid 59 punkt 2 …": the
    # one replaced is a member listed before, so "ersätter" is that row's own word, not a
    # column heading, however the runs happen to balance (real attendance 335).
    replaced = name_key(" ".join(runs[first][2][:2]))
    if any(replaced in name_key(" ".join(words)) for _, _, words in runs[:first]):
        return set()
    return set(range(first, len(runs)))


# A presence table's legend: "Närv (N),Frånv (F) Närv tj.g. (NT)", "Närvarande (N) Frånvarande
# (F)": each code written after a name is that person's status (real attendance 62).
_LEGEND = re.compile(
    r"(?i)\b(?P<word>närv(?:arande)?\.?\s*tj(?:änstgörande|\.?\s*g)\.?|tjg\.?|"
    r"tjänstgörande|närv(?:arande)?\.?|frånv(?:arande)?\.?)\s*\((?P<code>[A-ZÅÄÖ]{1,3})\)"
)
_CODE_AFTER_NAME = re.compile(r"\s*(?:\([^()]{1,6}\)\s*)?(?P<code>[A-ZÅÄÖ]{1,3})(?![\wåäö])")
_CODE_LAST = re.compile(r"(?<![\wåäö:])(?P<code>[A-ZÅÄÖ]{1,3})\s*$")
# An absence written in a flattened table's notes column after the name and organisation.
_ABSENCE_NOTED = re.compile(
    r"(?i)\bfrånvaro\s+anmäld|\banmält\s+förhinder\b|"
    # "Johanna Händel (BUN) ej närvarande Monica …": the mark after the name (real 300)
    r"^\s*\([^()]{1,6}\)\s*(?-i:ej)\s+närvarande\b"
)


@functools.lru_cache(maxsize=64)
def presence_codes(text: str) -> dict[str, str]:
    """{code: status} of a legend in text; only a legend with an absent code counts (a lone
    "Närvarande (S)" is a party)."""
    codes = {
        m.group("code"): ABSENT if m.group("word").lower().startswith("frånv") else PRESENT
        for m in _LEGEND.finditer(text)
    }
    return codes if len(codes) >= 2 and ABSENT in codes.values() else {}


# A legend that marks the present: "Närvarande: (markerade med x, tjänstgörande ersättare i
# ledamots ställe markerade med xx)" (real attendance 81).
_MARK_LEGEND = re.compile(r"(?i)\bmarkerade?\s+med\s+[xX]{1,2}\b")
_MARK_BEFORE = re.compile(r"(?:^|[\s)])[xX]{1,2}\s*$")


def _marked_runs(segment: str, runs: list[tuple[int, int, list[str]]], text: str) -> list[bool]:
    """Which runs the legend's mark ("x", "xx") stands before; [] unless the text has such a
    legend and this list uses the mark (two runs at least): then an unmarked name was not
    there."""
    if not _MARK_LEGEND.search(text):
        return []
    marked = [
        bool(_MARK_BEFORE.search(segment[runs[n - 1][1] if n else 0 : start]))
        for n, (start, _, _) in enumerate(runs)
    ]
    return marked if sum(marked) >= 2 else []


# A table whose first column names each group of rows: "Kommun/landsting Ledamot Ersättare
# Askersund Sture Wikman (s) … Degerfors Roger Ahlqvist (s) …" (real attendance 74).
_GROUP_COLUMN = re.compile(r"(?i)(?<![\w-])(?:kommuner?|kommun/\w+|organisation|förvaltning)\s")
_SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}"})


def _group_heading_runs(
    segment: str, runs: list[tuple[int, int, list[str]]], text: str
) -> set[int]:
    """The runs whose first word is the group column's value: three-word runs at a row's start
    (the list's first or after a bracket), under a group column's heading, whose first words
    stand in alphabetical order as such a column is sorted; a three-word name among them
    ("Ulrika Fält Ekdahl") breaks the order and keeps its first word."""
    at = text.find(segment) if text else -1
    heading = (text[max(0, at - 60) : at] if at > 0 else "") + segment[: runs[0][0] if runs else 0]
    if not runs or not _GROUP_COLUMN.search(heading):
        return set()
    starts = [
        n
        for n, (start, _, words) in enumerate(runs)
        if len(words) == 3 and (n == 0 or segment[:start].rstrip().endswith(")"))
    ]
    keys = [runs[n][2][0].lower().translate(_SWEDISH_ORDER) for n in starts]
    # The longest run of first words in order (patience style, small lists).
    best: list[list[int]] = []
    for k in range(len(keys)):
        chain = max((c for c in best if keys[c[-1]] <= keys[k]), key=len, default=[])
        best.append([*chain, k])
    longest = max(best, key=len, default=[])
    if len(longest) < 3 or 3 * len(longest) < 2 * len(starts):
        return set()
    return {starts[k] for k in longest}


_ROW_NUMBER = re.compile(r"(?<![\w§,-])(\d{1,3})(?=\s+[A-ZÅÄÖÉ][a-zåäöé])")


def _without_row_numbers(segment: str) -> str:
    """The segment with the numbers of a table's rows blanked: "1 Mats Jonsson (S) 2 Fredrika
    Sjöberg (M) … 9 Efat Rahimi (S) 10 Torbjörn …", the seats of an upprop, are no § after the
    name before (real attendance 124). Numbers before names that count up by one, four or more
    in a row, are rows; a § range after a name ("12-20,") is not counted."""
    found = list(_ROW_NUMBER.finditer(segment))
    rows: list[re.Match[str]] = []
    chain: list[re.Match[str]] = []
    for match in found:
        if chain and int(match.group(1)) == int(chain[-1].group(1)) + 1:
            chain.append(match)
            continue
        if len(chain) >= 4:
            rows.extend(chain)
        chain = [match]
    if len(chain) >= 4:
        rows.extend(chain)
    for match in reversed(rows):
        segment = segment[: match.start()] + " " * len(match.group(1)) + segment[match.end() :]
    return segment


def _opens_organisation(words: list[str], after: str) -> bool:
    """ "Stefan Sjöberg, Övre Norrlands Kreditgarantiförening, 15": name-shaped words that no
    name list knows, straight before a capitalised organisation word, begin that
    organisation's name ("Övre Norrlands …"), not a person's (real attendance 277). A known
    given name or surname among them keeps the run a name ("Björn Carlén Vägverket", real 33)."""
    nxt = re.match(r"[ ]+([A-ZÅÄÖ][\wåäöÅÄÖ-]+)", after)
    return bool(
        nxt
        and is_organisation_word(nxt.group(1))
        and not any(is_given_name(w) or is_surname(w) for w in words)
    )


_PLACE_THEN_DAY = re.compile(
    r"\s*,\s*[A-ZÅÄÖ][\wåäö-]+\s+(?i:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?\b"
)


def _after_organisation_word(after: str) -> str | None:
    """What follows the organisation word that _opens_organisation saw, or None."""
    nxt = re.match(r"[ ]+[A-ZÅÄÖ][\wåäöÅÄÖ-]+", after)
    return after[nxt.end() :] if nxt else None


def _after_title_for(words: list[str], before: str) -> list[str] | None:
    """ "förvaltningschef för Intern Service Lars Hedin": after a lower-case title and "för" the
    capitalised words that open the run are what the title is of (a unit, a service), up to the
    first given name the name lists know; the name is the rest (real attendance 141). Not after
    "ersättare för", "tjänstgörande för", where the run is the replaced member."""
    if len(words) < 4 or not re.search(r"\b[a-zåäö]{4,}\s+för\s+$", before):
        return None
    if _REPLACED_BEFORE.search(before.lower()) or is_given_name(words[0]):
        return None
    for k in range(1, len(words) - 1):
        if is_given_name(words[k]):
            return words[k:] if 2 <= len(words) - k <= 3 else None
    return None


def _names_in_segment(
    segment: str, label: SectionLabel, text: str = "", context: str = ""
) -> list[ParsedPerson]:
    segment = _without_row_numbers(segment)
    runs = _name_runs(segment, text)
    groups = _group_heading_runs(segment, runs, text)
    runs = [
        (segment.index(w[1], s + len(w[0])), e, w[1:]) if n in groups else (s, e, w)
        for n, (s, e, w) in enumerate(runs)
    ]
    codes = presence_codes(text)
    marked = _marked_runs(segment, runs, text)
    place_column = _place_column(segment, runs)
    # "Jane Ek, Socialchef 1 … Robert Lund, MAS 1 Astrid Holm, Gymnasiet 3 Ebba Berg,
    # Gymnasiet 3": three entries or more end in a single digit before the next name, the §
    # each guest attended (real/complete 233); one such digit alone may be an organisation's
    # ("Hälso- och sjukvårdsnämnd 4").
    single_column = len(_SINGLE_PARAGRAPH_BEFORE_NAME.findall(segment)) >= 3
    # "Ulla Ek 1-23, Tor Nilsson 1, Bo Lund 1-23, Ann Ung 1-2, 4-5, 7": § straight after the
    # names, ranges in two entries or more; then a lone digit after a name is a § as well, and
    # a range that spans the whole meeting ("Paragrafer 1-23") is no partial presence (real
    # attendance 422).
    range_column = sum(bool(_RANGE_AFTER_NAME.match(segment, e)) for _, e, _ in runs) >= 2
    meeting_span = _meeting_span(text or segment) if range_column else None
    replaced_column = _replaced_column(segment, runs)
    out: list[ParsedPerson] = []
    run_people: list[list[ParsedPerson]] = []
    excluded = False
    lead = segment[: runs[0][0]] if runs else ""
    label_roles = list(label.roles)
    for n, (start, end, words) in enumerate(runs):
        if re.match(r"\s*samt\b", lead):
            # "Ersättare: A, B och C samt sekreterare D, socialchef E": the list's own
            # people end at "samt"; the rest are of other kinds (real 01).
            label_roles = []
        if excluded and not re.fullmatch(r"\s*och\s*", segment[max(0, start - 6) : start]):
            excluded = False
        raw_after = segment[end : runs[n + 1][0] if n + 1 < len(runs) else len(segment)][:60]
        after, next_lead = _own_and_lead(raw_after)
        before = segment[max(0, start - 30) : start].lower()
        if len(words) == 3 and re.search(r",\s*\([^()]{0,4}\)\s*,\s*$", before):
            # "Eva Berg, (s), Luleå Henning Åhman, (s)": a place column ends the row before
            # (corpus 15).
            words = words[1:]
        elif place_column and len(words) in (3, 4) and place_column.search(before):
            # "Jan Ek (m), Göteborg Runa Hjelm (v), Göteborg …": the place column ends the row
            # before; a four-word run holds a two-word place ("Lilla Edet Urban Svedin"), or a
            # one-word place before a given name that opens a three-word name ("Göteborg
            # Kristina Bergman Alme", "Göteborg Lars F Eklund", real attendance 424).
            if (
                len(words) == 4
                and is_given_name(words[1])
                and not is_given_name(words[0])
                and not is_given_name(words[2])
            ):
                words = words[1:]
            else:
                words = words[len(words) - 2 :]
        elif len(words) == 3 and text and _recurring_tail(words, text):
            words = words[1:]
        elif len(words) == 3 and text and _acronym_org_word(words[0], segment[:start], text):
            # "Bengtsson Bengt SRF Lundabygden Bergwall Lars LKF, adjungerad": "SRF
            # Lundabygden" is an organisation the list names again; its second word is no
            # part of the next (surname-first) name (real/complete 231).
            words = words[1:]
        elif (own := _after_title_for(words, segment[max(0, start - 30) : start])) is not None:
            words = own
        else:
            words = _without_org_tail(words, text)
        if len(words) >= 3 and _closing_word_recurs(words[-1], runs):
            words = words[:-1]
        size = 3 if len(words) == 3 else 2
        if len(words) == 4 and _particle_pair(words[1], words[2]):
            size = 4  # "Jennifer van der Gronden" is one name (real/complete 372)
        run_people.append([])
        for k in range(0, len(words), size):
            if unlike_a_name(words[k : k + size], context or text, _FLAT_PARTICLES):
                # "… Rindöborna Total frånvarotid" (real 25), a heading's "Ekonomisk
                # Uppföljning": no name list knows the words and the text uses one of them as an
                # ordinary word (names.py).
                continue
            if _PLACE_THEN_DAY.match(raw_after):
                # "Plats och tid: Beslutande: Net City, Örebro Torsdag den 1 juni": a run before
                # ", Town Weekday" is the meeting's place, the labels' first value (real
                # attendance 281); no name in a list is followed by a day of the week.
                continue
            if k + size >= len(words) and _opens_organisation(words[k : k + size], raw_after):
                # The organisation is the person's before it ("Name, Organisation, 15"): the
                # § after it are that person's.
                if (
                    k == 0
                    and n > 0
                    and run_people[-2:-1]
                    and run_people[-2]
                    and run_people[-2][-1].status == PRESENT
                    and re.fullmatch(r"\s*,\s*", segment[runs[n - 1][1] : start])
                    and (rest := _after_organisation_word(after)) is not None
                    and (
                        _FLAT_PARTIAL.search(rest)
                        or re.match(r"\s*,\s*(?:§\s*)?\d{1,4}(?:\s*[-–]\s*\d{1,4})?(?![\w-])", rest)
                    )
                ):
                    run_people[-2][-1].status = PARTIAL
                    run_people[-2][-1].note = _paragraphs_note(rest)
                continue
            roles = list(label_roles)
            status = label.status
            last = k + size >= len(words)
            low = after.lower() if last else ""
            if k == 0:
                roles.extend(_roles_in(lead))
            # "Sven Nääs för Gun Berg, Psykgruppen": "för" straight after the name before, no
            # party between (real attendance 61).
            for_name = n > 0 and re.fullmatch(r"\s+för\s+", segment[runs[n - 1][1] : start])
            replaced_before = bool(_REPLACED_BEFORE.search(before)) and not (
                # "Anna Berg (S) ers. Bo Lund (M) ers.": a role column of 'ers.' after each
                # name, not "ersätter" (the shortened form of real attendance 335)
                re.search(r"\)\s*ers\.\s*$", before)
                and re.match(r"\s*(?:\([^()]{1,6}\)\s*)?ers\.", raw_after)
            )
            if k == 0 and (replaced_before or for_name or n in replaced_column):
                status, roles = ABSENT, []  # the one replaced by the name before it
                # A replacement for a time or for some § only ("Roger Bogren (m) Ersätter Anders
                # Holmensköld kl", "Mona-Britt Gillerstedt (s) Ersätter Mad Abda Amin (s) 361"):
                # a member listed as present before was there for the rest (real attendance
                # 280, as real 141's "ersätter Ulla Frid (V) 212,").
                limited = last and bool(
                    _PARAGRAPH_NUMBERS.search(after)
                    or _FLAT_PARTIAL.search(after)
                    # "ersätter Eva Nilsson (M) vid 59 punkt 2": for that § only (real
                    # attendance 335)
                    or re.match(
                        r"\s*(?:\([^()]{1,6}\)\s*)?(?:vid|under|i)\s+(?:§\s*)?\d", raw_after
                    )
                )
                # Listed on the seat and then replaced on it: "12 Sara Lund (C) Marita Grahn
                # (C) ersätter Sara Lund (C)" (real attendance 124).
                for earlier in out:
                    if earlier.status in (PRESENT, PARTIAL) and name_key(earlier.name) == name_key(
                        " ".join(words[k : k + size])
                    ):
                        if limited or _lost_range_after(earlier.name, segment):
                            earlier.status = PARTIAL
                            status = PARTIAL
                            if not limited and out[-1] is not earlier and out[-1].status == PRESENT:
                                out[-1].status = PARTIAL  # the ersättare, for the rest
                        elif earlier.status == PRESENT:
                            earlier.status, earlier.roles = ABSENT, []
                if (
                    last
                    and out
                    and out[-1].status == PRESENT
                    and (_PARAGRAPH_NUMBERS.search(after) or _FLAT_PARTIAL.search(after))
                ):
                    # "Kim Ros (V) ersätter Bo Alm (V) 170,", "Roger Nyhed (S) för Mattias
                    # Örn (S) kommer kl" (real attendance 75)
                    out[-1].status = PARTIAL
            elif k == 0 and (
                re.search(r"\b(?:förutom|utom|med undantag av)\s*$", before)
                or (excluded and re.fullmatch(r"\s*och\s*", before[-6:]))
            ):
                status, roles = ABSENT, []  # "samtliga närvarande förutom A och B"
                excluded = True
            elif last:
                if re.search(r"\btjg\b|\btgj\b|tjänstgörande|\bersätter\b", low):
                    roles.append("ersattare")
                    status = PRESENT
                code = _CODE_AFTER_NAME.match(after) if codes else None
                if codes and (code is None or code.group("code") not in codes):
                    # The code after the organisation's column: "Eva Sandström KS F" (real
                    # attendance 121).
                    code = _CODE_LAST.search(after)
                if code and codes.get(code.group("code")) == ABSENT:
                    status = ABSENT  # "Tomas Ek (FP) F" under the legend's "Frånv (F)"
                elif _ABSENCE_NOTED.search(after):
                    status = ABSENT  # "Lilian Frisk SPF Frånvaro anmäld" (real attendance 121)
                elif re.match(r"\s*(?:\([^)]*\)\s*|[A-ZÅÄÖ]{1,4}\s+)?[-–](?:\s|$)", after):
                    status = ABSENT  # a presence column with "–"
                elif (
                    status != ABSENT
                    and (
                        # Under a function's label ("Sekreterare Anneli Wendt ( 151)" among the
                        # justering's signers) the § are the function's, not her presence (real
                        # attendance 81; as parse_person reads a function's heading, real 07).
                        not label.singular
                    )
                    and (
                        _FLAT_PARTIAL.search(after)
                        or _PARAGRAPH_NUMBERS.search(after)
                        or (single_column and _SINGLE_PARAGRAPH.search(after))
                        or (
                            range_column
                            and _PARAGRAPH_LIST_AFTER_NAME.match(after)
                            and _span_of(after) != meeting_span
                        )
                        or _PARAGRAPHS_AFTER_NAME.match(after)
                        or _LOST_DASH_RANGES_AFTER_NAME.match(after)
                        or (
                            _LOST_PARAGRAPHS_AFTER_NAME.match(raw_after)
                            and re.search(r"[\w)]\s+\d{2,4},", text or segment)
                        )
                    )
                ):
                    status = PARTIAL
                    party = re.match(r"\s*(\([^()]{1,4}\))", after)
                    if (
                        party
                        and "ersattare" in roles
                        and out
                        and out[-1].status == PRESENT
                        and segment[max(0, start - 12) : start]
                        .rstrip()
                        .endswith(f"{party.group(1)},")
                    ):
                        # "Lena Ek (MP), Anders Ny (MP), tjg ersättare, 108": the ersättare
                        # of the same party served for the member before at those § (corpus
                        # 16).
                        out[-1].status = PARTIAL
                        out[-1].note = _paragraphs_note(after)
                roles.extend(_roles_in(low))
            if marked and not marked[n]:
                status = ABSENT  # no mark under a legend that marks the present
            out.append(
                ParsedPerson(
                    name=" ".join(words[k : k + size]),
                    roles=sort_roles(roles),
                    status=status,
                    absence_kind=label.absence_kind if status == ABSENT else None,
                    note=_paragraphs_note(after) if status == PARTIAL else None,
                    title=_title_after(after) if last else None,
                )
            )
            run_people[-1].append(out[-1])
        lead = next_lead
    _shared_paragraphs(segment, runs, run_people)
    _narrower_hours(segment, runs, run_people)
    return out


_HOURS = re.compile(r"\bkl\.?\s*(\d{1,2})[.:](\d{2})\s*[-–]\s*(\d{1,2})[.:](\d{2})")


def _narrower_hours(
    segment: str, runs: list[tuple[int, int, list[str]]], run_people: list[list[ParsedPerson]]
) -> None:
    """ "Anna Ek, (direktör), kl 09.30-15.00 Bo Lund, (avdelningschef), kl 09.30-12.00 …": when
    each listed person has the hours they were there and at least two share the widest span
    (the whole meeting), a narrower span is partial presence (real attendance 102)."""
    spans: dict[int, tuple[int, int, str]] = {}
    for n, (_, end, _words) in enumerate(runs):
        after = segment[end : runs[n + 1][0] if n + 1 < len(runs) else len(segment)][:60]
        found = _HOURS.search(after)
        if found:
            h1, m1, h2, m2 = (int(g) for g in found.groups())
            spans[n] = (h1 * 60 + m1, h2 * 60 + m2, found.group(0))
    if len(spans) < 3:
        return
    first = min(a for a, _, _ in spans.values())
    last = max(b for _, b, _ in spans.values())
    if sum((a, b) == (first, last) for a, b, _ in spans.values()) < 2:
        return
    for n, (a, b, written) in spans.items():
        if (a, b) != (first, last):
            for person in run_people[n] if n < len(run_people) else []:
                if person.status == PRESENT:
                    person.status, person.note = PARTIAL, written


def _shared_paragraphs(
    segment: str, runs: list[tuple[int, int, list[str]]], run_people: list[list[ParsedPerson]]
) -> None:
    """ "Ylva Strand, Marianne Ödman Berg, Ann-Sofi Karlberg och Maja Falk, 37.": the § after
    a list of names that ends in "och" are all of theirs, as a qualifier after a Swedish list
    is (real 38). Only names joined by a bare comma or "och", the last link an "och"."""
    start = 0
    for n in range(1, len(runs) + 1):
        link = segment[runs[n - 1][1] : runs[n][0]] if n < len(runs) else ""
        if n < len(runs) and re.fullmatch(r"\s*,\s*|\s+och\s+", link):
            continue
        chain = run_people[start:n]
        joined = segment[runs[n - 2][1] : runs[n - 1][0]] if n - start >= 2 else ""
        last = chain[-1] if chain else []
        if (
            re.fullmatch(r"\s+och\s+", joined)
            and last
            and last[-1].status == PARTIAL
            and last[-1].note
            and re.fullmatch(r"(?:§{1,2}\s*)?\d[\d\s,–-]*", last[-1].note)
        ):
            for people in chain[:-1]:
                for person in people:
                    if person.status == PRESENT:
                        person.status, person.note = PARTIAL, last[-1].note
        start = n


# A table that runs over a page break: a converted PDF's next page opens with its page marker
# ("2 2(36) Ann-Charlotte Kakoulidou s Janeric Kandenäs s …") and the rows go on (corpus 22).
_PAGE_MARK = re.compile(
    r"^\d{1,3}\s+(?:(?:\w+\s+)?\d{1,3}\s*\(\d{1,3}\)|"
    # or "N av M": "2 2 av 22 Jonas Hellgren, operativ chef …" (real/bodies 295)
    r"\d{1,3}\s+av\s+\d{1,3}|"
    # or its running header: "2 SAMMANTRÄDESPROTOKOLL Sammanträdesdatum Joakim Rosén (SD) …"
    # after "Ej tjänstgörande ersättare Page 1 of 14" (real 13)
    r"(?:[A-ZÅÄÖ]{4,}|Sammanträdesdatum|Sida\s+\d{1,3}(?:\s*\(\d{1,3}\))?)"
    r"(?:\s+(?:Sammanträdesdatum|Sida\s+\d{1,3}(?:\s*\(\d{1,3}\))?))*"
    # the page's number after the header, then a table's next row number: "2 PROTOKOLL 2 17
    # Madelene Pavic (L) 18 …" (an upprop's seats, real attendance 124)
    r"(?:\s+\d{1,3}(?=\s+\d{1,3}\s+[A-ZÅÄÖ][a-zåäö]))?)\s+(?=[A-ZÅÄÖ]|\d{1,3}\s+[A-ZÅÄÖ][a-zåäö])"
)


def open_flat_label(text: str) -> str | None:
    """The last attendance label of a flattened line when its list runs to the line's end."""
    labels = _flat_labels(text)
    if not labels or _FLAT_STOP.search(text, labels[-1].end()):
        return None
    return labels[-1].group("label")


# A page that opens with its number and the protocol's running page count ("1 22 Organ …" on
# the first page, "2 23 Ulla Nordgren …" on the next, real attendance 80): both one up from the
# page before tell a page marker from a page that opens with a § number.
_PAGE_COUNT_MARK = re.compile(r"^(?P<page>\d{1,3})\s+(?P<count>\d{1,4})\s+(?=[A-ZÅÄÖ])")


# "… Tage Gumaelius, ISGR" ending page 1 under "Övriga", "2 Imre Tomasits, ISGR Välkomsthälsning
# …" opening page 2 (real attendance 424): docplayer's bare page numbers, one up, and the list's
# last "Name, ABBREVIATION" entry shaped again at the new page's start.
_NAME_ABBREVIATION_LAST = re.compile(
    r"[A-ZÅÄÖ][\w-]+(?:\s+[A-ZÅÄÖ][\w-]+){1,2},\s*[A-ZÅÄÖ]{2,6}\s*$"
)
_NAME_ABBREVIATION_ENTRIES = re.compile(
    r"^(?P<page>\d{1,3})\s+(?P<entries>(?:[A-ZÅÄÖ][\w-]+(?:\s+[A-ZÅÄÖ][\w-]+){1,2},\s*"
    r"[A-ZÅÄÖ]{2,6}(?:\s+|$))+)"
)


def page_continuation(line: str, label: str, previous: str = "") -> str | None:
    """A page's text as the rest of the list under label, when the page opens with its marker."""
    entries = _NAME_ABBREVIATION_ENTRIES.match(line)
    first = re.match(r"\d{1,3}(?=\s)", previous)
    if (
        entries
        and first
        and int(entries["page"]) == int(first.group(0)) + 1
        and _NAME_ABBREVIATION_LAST.search(previous)
    ):
        return f"{label} {entries['entries'].strip()}"
    marker = _PAGE_MARK.match(line)
    here, before = _PAGE_COUNT_MARK.match(line), _PAGE_COUNT_MARK.match(previous)
    if marker is None and here and before:
        if (int(here["page"]), int(here["count"])) == (
            int(before["page"]) + 1,
            int(before["count"]) + 1,
        ):
            marker = here
    if marker is None:
        return None
    rest = line[marker.end() :]
    # A table's row number first ("17 Madelene Pavic (L) 18 …", real attendance 124): a colon
    # keeps the label a heading before it.
    colon = ":" if rest[:1].isdigit() else ""
    return f"{label}{colon} {rest}"


# Roll calls written as prose: "Vid uppropet var samtliga ordinarie ledamöter närvarande förutom
# A och B." (absent), "C var inte närvarande vid uppropet utan deltog från och med 50." (partly
# present) (corpus 22).
_NAME_PATTERN = (
    r"[A-ZÅÄÖÉ][\wåäöé]+(?:-[A-ZÅÄÖ][\wåäö]+)?(?:\s+[A-ZÅÄÖÉ][\wåäöé]+(?:-[\wåäö]+)?){1,2}"
)
_ALL_EXCEPT = re.compile(
    r"\b(?:samtliga|alla)\b[^.]{0,80}?\bnärvarande\s+(?:förutom|utom|med undantag av)\s+"
    r"(?P<names>[^.]+)"
)
_CAME_LATER = re.compile(
    rf"(?P<name>{_NAME_PATTERN})\s+(?:var|är)\s+(?:inte|ej)\s+närvarande\b[^.]{{0,60}}?"
    r"\b(?:utan|men)\s+(?:deltog|närvarade|anslöt|kom)\b"
)


# Attendance stated in sentences of notes (real 06, 14):
# "Svenskt Friluftsliv och Passalen hade anmält förhinder" (absent; organisations too),
# "Från Myndigheten X närvarade Anna Berg (fram till kl. 14.30), Bo Ek och Eva Lind",
# "… Ann-Katrin Persson, ordförande, som inte var närvarande på grund av sjukdom",
# "Emmis, Foxears och Kotte är närvarande." (names of one word: a list of them is the subject).
_LISTED = r"[A-ZÅÄÖ][\wåäöé'’-]*(?:\s+[A-ZÅÄÖ][\wåäöé'’-]*){0,3}"
_LIST_OF = rf"{_LISTED}(?:\s*,\s*{_LISTED})*(?:\s+(?:och|samt)\s+{_LISTED})?"
_REPORTED_ABSENT = re.compile(
    rf"(?:^|(?<=[.;:]\s))(?P<names>{_LIST_OF})\s+(?:hade|har)\s+(?:anmält|meddelat|lämnat)\s+"
    r"(?:förhinder|återbud)\b"
)
_PROSE_ATTENDED = re.compile(
    r"(?:\b[Ff]rån\s+(?P<org>[^.;]{2,90}?)\s+)?"
    # "närvarade", "Närvarande var …", "Vid mötet deltog …" (sentences of notes)
    r"(?:\bnärvarade|\b[Nn]ärvarande\s+var|\b[Vv]id\s+(?:mötet|sammanträdet)\s+deltog)\s+"
    r"(?:även\s+|också\s+)?"
    r"(?P<names>[A-ZÅÄÖ](?:[^.;()]|\([^()]*\))*)"
)
_SUBJECT_PRESENT = re.compile(
    rf"(?:^\s*|(?<=[.:]\s))(?P<names>{_LIST_OF})\s+(?:är|var)\s+(?:alla\s+)?närvarande\s*(?:\.|$)"
)
_SUBJECT_ABSENT = re.compile(
    rf"(?:^\s*|(?<=[.:]\s))(?P<names>{_LIST_OF})\s+(?:är|var)\s+frånvarande\s*(?:\.|$)"
)
_NOT_THERE = re.compile(
    rf"(?P<name>{_NAME_PATTERN})(?:,\s*[a-zåäö][\wåäö -]{{0,40}},)?\s+(?:som\s+)?"
    r"(?:(?:inte|ej)\s+var|var\s+(?:inte|ej))\s+närvarande\s*(?=[.,;]|på grund av|p\.?g\.?a)"
)


# "Dessutom var A, B samt kanslisekreterare C närvarande.": an adverb first puts the verb
# before its subject (Swedish V2 order) — those named were there too (real attendance 104).
_ADVERB_FIRST_PRESENT = re.compile(
    r"(?:^\s*|(?<=[.:]\s))(?:Dessutom|Därutöver|Vidare|Även|Också)\s+var\s+(?:även\s+|också\s+)?"
    r"(?P<names>[^.;]{3,300}?)\s+närvarande\s*(?:\.|$)"
)
# "Anna Berg (Kommunal) närvarande som fackrepresentant.": one person there in a given capacity
# (real attendance 104).
_PRESENT_AS = re.compile(
    rf"^\s*(?P<name>{_NAME_PATTERN})(?:\s*\((?P<org>[^()]{{1,40}})\))?,?\s+(?:var\s+)?"
    r"närvarande\s+som\s+[a-zåäö][\wåäö/ -]{1,60}\.?\s*$"
)


def _titled_names(text: str) -> list[str]:
    """The names of "A, B samt kanslisekreterare C", each without the title before it; [] when a
    part is not a (titled) name."""
    names: list[str] = []
    for part in re.split(r"\s*,\s*|\s+och\s+|\s+samt\s+", text.strip()):
        name = _leading_title(part)[1] if part else part
        if not looks_like_name(name):
            return []
        names.append(name)
    return names


def _list_names(text: str, single_words: bool) -> list[str]:
    parts = [p.strip() for p in re.split(r"\s*,\s*|\s+och\s+|\s+samt\s+", text) if p.strip()]
    if not parts:
        return []
    if all(looks_like_name(p) for p in parts):
        return parts
    if (
        single_words
        and len(parts) >= 2
        and all(
            all(_NAME_TOKEN.fullmatch(t) and t.lower() not in _NOT_NAME_WORDS for t in p.split())
            for p in parts
        )
    ):
        return parts
    return []


def prose_attendance(text: str) -> list[ParsedPerson]:
    """The people sentences say were absent, there or partly there, in order."""
    found: list[ParsedPerson] = []
    for match in _REPORTED_ABSENT.finditer(text):
        names = _list_names(match.group("names"), single_words=True)
        found.extend(ParsedPerson(name=n, status=ABSENT, absence_kind="aterbud") for n in names)
    for match in _PROSE_ATTENDED.finditer(text):
        entries = split_inline_list(match.group("names")).entries
        people = [parse_person(e, None) for e in entries]
        if people and all(p is not None for p in people):
            for person in people:
                assert person is not None
                if person.note and _PARTIAL.search(person.note):
                    person.status = PARTIAL
                person.organisation = person.organisation or (match.group("org") or None)
                found.append(person)
    for match in _SUBJECT_PRESENT.finditer(text):
        found.extend(
            ParsedPerson(name=n) for n in _list_names(match.group("names"), single_words=True)
        )
    for match in _SUBJECT_ABSENT.finditer(text):
        names = _list_names(match.group("names"), single_words=True)
        found.extend(ParsedPerson(name=n, status=ABSENT) for n in names)
    for match in _NOT_THERE.finditer(text):
        found.append(ParsedPerson(name=match.group("name"), status=ABSENT))
    for match in _ADVERB_FIRST_PRESENT.finditer(text):
        found.extend(ParsedPerson(name=n) for n in _titled_names(match.group("names")))
    present_as = _PRESENT_AS.match(text)
    if present_as:
        found.append(
            ParsedPerson(name=present_as.group("name"), organisation=present_as.group("org"))
        )
    return found


def roll_call_statuses(text: str) -> list[tuple[str, str]]:
    """(name, status) that prose about a roll call states, in order."""
    found: list[tuple[str, str]] = []
    for match in _ALL_EXCEPT.finditer(text):
        found.extend((name, ABSENT) for name in split_names(match.group("names")))
    found.extend((m.group("name"), PARTIAL) for m in _CAME_LATER.finditer(text))
    return found


# An item that establishes the röstlängd lists who was there: "Fastställande av röstlängd" over a
# bulleted list of names, or "Följande var närvarande vid mötet …:" over one name or member
# handle a line (corpus 04, 08).
_ROLL_TITLE = re.compile(r"(?i)röstlängd|upprop|närvarolista")
_ROLL_INTRO = re.compile(r"(?i)\b(?:närvarande|närvarade|deltog|röstberättigade)\b[^.]*:\s*$")
_ROLL_ENTRY = re.compile(r"[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,3}")


# A member's handle as an association's roll lists them, one a line: "- mifr", "- e-rock",
# "- j10" under "Röstlängd:" (real/complete 414). One word: a letter, then letters, digits,
# hyphens or apostrophes.
_HANDLE = re.compile(r"[^\W\d_][\w'’-]{1,19}")


def member_handle(entry: str) -> bool:
    """entry is one word that can be a member's handle in a list of people: not a label, role,
    title, organisation or other word that is no name."""
    low = entry.lower()
    return (
        bool(_HANDLE.fullmatch(entry))
        and low not in _NOT_NAME_WORDS
        and low not in ROLE_WORDS
        and _label_of(low) is None
        and not is_organisation_word(entry)
        and not is_title_word(entry)
    )


def roll_call_entries(title: str, body: list[str]) -> list[str]:
    """The names listed under an item about the röstlängd, or []."""
    titled = bool(_ROLL_TITLE.search(title))
    entries: list[str] = []
    introduced = fenced = False
    for raw in body:
        stripped = raw.strip()
        if stripped.startswith("```"):
            fenced = not fenced
            continue
        if not stripped:
            continue
        text = clean_line(strip_bullet(raw))
        if _ROLL_INTRO.search(text) and not entries:
            introduced = True
            continue
        listed = (titled and is_bullet(raw)) or introduced
        if listed and _ROLL_ENTRY.fullmatch(text) and text.lower() not in _NOT_NAME_WORDS:
            entries.append(text)
            continue
        if entries:
            break
    return entries if len(entries) >= 2 else []


# A people table's heading row flattened to a line: "Namn, Närvarande" (Typst and LaTeX tables
# of people turned into rows).
_COLUMN_WORDS = frozenset(
    {
        "namn",
        "närvarande",
        "närvaro",
        "organisation",
        "funktion",
        "roll",
        "titel",
        "parti",
        "ledamot",
        "ersättare",
        "kommun",
        "förvaltning",
        "deltagare",
        "befattning",
        "representerar",
    }
)


def is_column_heading_row(text: str) -> bool:
    cells = [c for c in re.split(r"\s*[,\t|&]\s*", text.strip().strip("|")) if c]
    return len(cells) >= 2 and all(c.lower() in _COLUMN_WORDS for c in cells)


_LABELLED_SENTENCE = re.compile(r"^(?P<label>[A-ZÅÄÖ][^:.]{2,40}):\s*(?P<rest>\S.*?)\.?$")


def _sentence_list(sentence: str, label: SectionLabel | None) -> list[ParsedPerson] | None:
    """The people of one sentence of an attendance list: "A, B och C." under label, or
    "Frånvarande: D." under its own; None when the sentence is not such a list."""
    labelled = _LABELLED_SENTENCE.match(sentence)
    if labelled:
        own = match_label(labelled.group("label"))
        if own is not None and not own[1]:
            label, sentence = own[0], labelled.group("rest")
    if label is None:
        return None
    entries = split_inline_list(sentence.rstrip(".")).entries
    parsed = [parse_person(entry, label) for entry in entries]
    if not entries or any(p is None for p in parsed):
        return None
    return [p for p in parsed if p is not None]


def item_attendance(title: str, body: list[str]) -> list[ParsedPerson]:
    """The people an item titled as an attendance list names ("§ 2. Närvarande" over "A, B och
    C.", "2. Närvaro" over one name a line, "A, B och C. Frånvarande: D."), or [] when its body
    is not such a list."""
    found = match_label(title)
    if found is None or found[1]:
        return []
    label = found[0]
    people: list[ParsedPerson] = []
    for raw in body:
        text = clean_line(strip_bullet(raw))
        if not text:
            if people:
                break
            continue
        if is_column_heading_row(text) and not people:
            continue
        listed = [_sentence_list(s, label) for s in re.split(r"(?<=\.)\s+(?=[A-ZÅÄÖ])", text)]
        if any(p is None for p in listed):
            break
        people.extend(p for sentence in listed if sentence for p in sentence)
    return people


def labelled_lists(body: list[str]) -> list[ParsedPerson]:
    """ "Närvarande: A, B och C." / "Frånvarande: D." as lines of an item's text (the first
    item of association minutes: "§ 1 Mötets öppnande … Närvarande: …"): the people of
    labels that say who came or not, not of a function's ("Ordförande: …" is an election)."""
    people: list[ParsedPerson] = []
    for raw in body:
        for sentence in re.split(r"(?<=\.)\s+(?=[A-ZÅÄÖ])", clean_line(strip_bullet(raw))):
            labelled = _LABELLED_SENTENCE.match(sentence)
            own = match_label(labelled.group("label")) if labelled else None
            if own is None or own[1] or own[0].roles or own[0].invited:
                continue
            people.extend(_sentence_list(sentence, None) or [])
    return people


# Who held a function, as items and prose say: an item "Val av justerare" / "Vid protokoll" over
# the names, "Anna Berg valdes till mötesordförande", "Ordförande Anna Berg hälsar …".
_FUNCTION_TITLE = re.compile(
    r"(?i)^(?:val av\s+(?:två\s+|en\s+)?)?(?P<what>mötesordförande|ordförande|mötessekreterare|"
    r"sekreterare|protokollförare|vid protokoll(?:et)?|(?:protokoll|mötes)?justerare|"
    r"justeringsperson(?:er)?|person(?:er)? att justera protokollet)\b"
)
_FUNCTIONS = (
    r"(?P<what>mötesordförande|ordförande|mötessekreterare|sekreterare|protokollförare|"
    r"(?:protokoll|mötes)?justerare|justeringsperson(?:er)?|justera protokollet)"
)
_ELECTED = re.compile(
    r"(?P<names>[A-ZÅÄÖ][^.;:]{2,80}?)\s+(?:valdes|utsågs|utses|väljs)\s+(?:enhälligt\s+)?"
    r"(?:till|som|att)\s+" + _FUNCTIONS
)
# The active form of a decision: "Beslutades: Att välja JÅS till ordförande", "Att jämte
# ordföranden utse ABE till justeringsperson", "Mötet valde Anna Berg till sekreterare".
_ELECTS = re.compile(
    r"\b(?i:välja|väljer|valde|utse|utser|utsåg)\s+(?P<names>[A-ZÅÄÖ][^.;:]{1,80}?)\s+"
    r"(?:till|som)\s+" + _FUNCTIONS
)
# "Ordförande Lotta Ring öppnar mötet": a verb after the name, so a table row flattened into
# text ("Ordförande Anders Ågren M 1", corpus 17) is not read as prose. Not "vice ordförande".
_CHAIR_PROSE = re.compile(
    r"(?<![Vv]ice )(?<![Vv]\. )(?<!förre )(?<!tidigare )(?<!avgående )"
    r"\b(?:[Mm]ötes)?[Oo]rdförande(?:n)?\s+(?P<name>" + _NAME_PATTERN + r")(?=\s+[a-zåäö])"
)


def _function_role(what: str) -> str:
    what = what.lower()
    if "ordförande" in what:
        return "ordforande"
    if "juster" in what:
        return "justerare"
    return "sekreterare"


def function_roles(title: str, text: str) -> list[tuple[str, str]]:
    """(name, role) pairs an item states; the caller keeps those naming listed people."""
    found: list[tuple[str, str]] = []
    titled = _FUNCTION_TITLE.match(title.strip())
    if titled:
        first = text.strip().split("\n")[0].strip().rstrip(".")
        found.extend((n, _function_role(titled.group("what"))) for n in split_names(first))
    for match in [*_ELECTED.finditer(text), *_ELECTS.finditer(text)]:
        group = match.group("names").strip()
        names = (
            split_names(group)
            or split_names(" ".join(group.split()[-2:]))
            # Initials the lists gave ("välja JÅS till ordförande"); the caller finds them.
            or ([group] if re.fullmatch(r"[A-ZÅÄÖ]{2,4}", group) else [])
        )
        found.extend((n, _function_role(match.group("what"))) for n in names)
    found.extend((m.group("name"), "ordforande") for m in _CHAIR_PROSE.finditer(text))
    return found


def presence_mark_only(text: str) -> tuple[str, str | None] | None:
    """(status, note) of a line that is only a presence column ("X, § 40 - § 41", "Anmält
    förhinder"): a table whose column came out as its own block of lines after the names."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if (
        not parts
        or parts[0].isdigit()
        or not (_PRESENT_MARK.match(parts[0]) or _ABSENT_MARK.match(parts[0]))
    ):
        return None
    return _presence_marker(parts)


def has_presence_mark(entry: str) -> bool:
    """An entry that carries its own presence column ("Ulrika Sand X", "Tim Persson, Ja")."""
    text = strip_inline_markdown(entry).strip()
    return is_marked_row(text) or bool(_MARK_AFTER_NAME.match(_without_parentheses(text)))


# "Östby kommun: Anna Ek, Bo Lund" / "Från regionen: Cilla Berg och Dan Holm": the people one
# organisation sent, the organisation before a colon (the layouts the brief for batch 8 names:
# cooperation bodies list their members by organisation).
_FROM_GROUP = re.compile(r"(?i)^(?:(?:närvarande|deltagare|deltog)\s+)?från\s+")
_ORGANISATION_GROUP = re.compile(
    r"^(?:(?i:(?:närvarande|deltagare|deltog)\s+)?(?i:från)\s+)?(?P<org>[^:,;]{2,50}?)\s*:\s+"
    r"(?P<names>\S.*)$"
)


def from_group(text: str) -> bool:
    """ "Från regionen: …" / "Närvarande från Östby kommun: …": a group that needs no heading."""
    return bool(_FROM_GROUP.match(text)) and organisation_group(text) is not None


def organisation_group(text: str) -> tuple[str, list[str]] | None:
    """(organisation, entries) of such a line; a "Från …:" line may name the organisation
    generically ("Från kommunerna"), otherwise it must read as an organisation."""
    found = _ORGANISATION_GROUP.match(text)
    if not found:
        return None
    org, names = found.group("org"), found.group("names")
    generic = bool(_FROM_GROUP.match(text))  # "Från regionen:", "Närvarande från …:"
    if not (generic or is_organisation_line(org) or _unit_heading(org)) or not _all_people(names):
        return None
    return org, split_inline_list(names).entries


def _unit_heading(text: str) -> bool:
    """A unit's name before a colon in an attendance list, though no organisation word says so
    ("Kommunerna: …", "Socialtjänsten: …", "Elevhälsan: …"): one to three words, the first
    capitalised, no digits, no person's name, no list label, role or title."""
    words = text.split()
    return (
        1 <= len(words) <= 3
        and text[:1].isupper()
        and not any(ch.isdigit() for ch in text)
        and not looks_like_name(text)
        and not (len(words) == 1 and (is_given_name(text) or is_surname(text)))
        and _label_of(text.lower()) is None
        and not any(w.lower().strip(".") in ROLE_WORDS or is_title_word(w) for w in words)
    )


def is_organisation_line(text: str) -> bool:
    """A line that names an organisation, not a person ("Region Nordland", "Östby kommun",
    "Primärvården"): a group heading inside an attendance list. Several organisations with
    commas, each with its organisation word: "Kommunstyrelsen, Hälso och Sjukvårdsnämnden"
    (real/items 48)."""
    parts = [p.split() for p in text.split(",")]
    return (
        0 < sum(map(len, parts)) <= 6
        and not any(ch.isdigit() for ch in text)
        and text[:1].isupper()
        and all(tokens and any(is_organisation_word(t) for t in tokens) for tokens in parts)
    )


# A ditto mark standing for the cell above: '"', '〃', "''", '”' (real 42).
_DITTO = re.compile(r"^(?:[\"”„〃″]|''|,,)$")


def is_ditto_mark(text: str) -> bool:
    return bool(_DITTO.match(text.strip()))


# A kommun's attendance table flattened line by line: a heading row "Beslutande  Ledamöter
# Tjänstgörande ersättare" (the row's label, then two column headings), then rows whose two
# cells run into one line, with a wide gap or a single space: "Karin Berg (M), Ordförande Eva
# Ek (SD) ersätter", a role wrapped onto the next row ("ordförande   Per Holm (SD)"). The standard
# template of very many kommun protocols (real formats 72, 73).
_PARTY_BRACKET = re.compile(r"\((?:[A-ZÅÄÖ]{1,3}|[a-zåäö]{1,3}|-|–)\)")
# A cell that ends in a replacing word goes on with the replaced member in the column's next row.
_OPEN_REPLACEMENT = re.compile(r"(?i)\b(?:ersätter|för|i stället för|istället för)\s*$")
_COLUMN_GAP = re.compile(r"\t|\s{2,}")
_TABLE_NAME_WORD = re.compile(rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}]?[{_LOWER}]+)*")


def _column_headings(text: str) -> list[tuple[str, SectionLabel]] | None:
    """The row's label and two column headings of a heading row ("Beslutande Ledamöter
    Tjänstgörande ersättare", "Övriga närvarande Ersättare Tjänstemän"): each capitalised word
    starts a heading, each heading is a list label."""
    words = text.split()
    if not 3 <= len(words) <= 8:
        return None
    groups: list[list[str]] = []
    for word in words:
        if word[:1].isupper() or not groups:
            groups.append([word])
        else:
            groups[-1].append(word)
    if len(groups) != 3:
        return None
    out = []
    for group in groups:
        heading = " ".join(group)
        label = _label_of(heading.lower())
        if label is None or label.singular:
            return None
        out.append((heading, label))
    return out


def _name_before(text: str, end: int) -> int | None:
    """Where the name that ends at end starts: two or three capitalised words, none a role or
    list word ("Ordförande Therese Wallin (SD)": the name is the last two)."""
    tokens = list(re.finditer(r"\S+", text[:end]))
    start = None
    for count, token in enumerate(reversed(tokens[-3:])):
        word = token.group(0)
        if (
            not _TABLE_NAME_WORD.fullmatch(word)
            or word.lower() in ROLE_WORDS
            or word.lower() in _FLAT_NOT_NAME
            or is_title_word(word)
            or is_organisation_word(word)
        ):
            break
        start = token.start() if count >= 1 else None
    return start


def _table_cells(line: str) -> list[str]:
    """A row's cells: split at wide gaps, and inside a piece where a new "Name (PARTY)" starts
    after a cell ("Karin Berg (M), Ordförande Eva Ek (SD) ersätter"), or where a name follows a
    party bracket ("Ola Ek (M) Kim Sand, controller"). Not after a replacing word: "Eva Ek (SD)
    ersätter Per Holm (SD)" is one cell."""
    cells: list[str] = []
    for piece in _COLUMN_GAP.split(line.strip()):
        piece = piece.strip()
        cuts: list[int] = []
        for bracket in _PARTY_BRACKET.finditer(piece):
            start = _name_before(piece, bracket.start())
            if start:
                cuts.append(start)
            rest = piece[bracket.end() :]
            head = re.split(r"[,(§]", rest, maxsplit=1)[0].strip()
            if rest[:1] == " " and looks_like_name(head):
                cuts.append(bracket.end() + len(rest) - len(rest.lstrip()))
        at = 0
        for cut in sorted(set(cuts)):
            if cut <= at or _OPEN_REPLACEMENT.search(piece[:cut]):
                continue
            cells.append(piece[at:cut].strip())
            at = cut
        if piece[at:].strip():
            cells.append(piece[at:].strip())
    return cells


def _continues_cell(cell: str) -> bool:
    """A wrapped cell's rest: a role or title ("ordförande", "kommundirektör, § 2"), the § ("§
    2", "187-195")."""
    return cell[:1].islower() or cell[:1].isdigit() or cell[:1] in "§("


def _opens_entry(cell: str) -> bool:
    head = re.split(r"[,(§]", cell, maxsplit=1)[0].strip()
    head = re.sub(r"\s+(?:deltar|deltog|närvarande|ersätter)\b.*$", "", head)
    return looks_like_name(head)


def _is_official(cell: str) -> bool | None:
    """True for "Name, title" (an official), False for "Name (PARTY)" (a politician)."""
    if _PARTY_BRACKET.search(cell):
        return False
    parts = cell.split(",", 1)
    return True if len(parts) == 2 and parts[1].strip()[:1].islower() else None


def _read_column_table(
    lines: list[str], start: int, headings: list[tuple[str, SectionLabel]]
) -> tuple[list[str], int]:
    """The two columns' entries under a heading row, each column as a labelled list; and where
    the table ends (a line that is neither a person nor a wrapped cell, or the next heading)."""
    row_heading = headings[0][0]
    columns: list[list[str]] = [[], []]
    officials = [label.roles == ("tjansteperson",) for _, label in headings[1:]]
    last = 0
    end = start
    for end in range(start, len(lines) + 1):
        if end == len(lines):
            break
        text = lines[end].strip()
        if not text:
            continue
        cells = _table_cells(text)
        if not _continues_cell(cells[0]) and (
            match_label(text) is not None or _column_headings(text) is not None
        ):
            break
        if len(cells) > 2:
            break
        if len(cells) == 2:
            if not (_continues_cell(cells[0]) or _opens_entry(cells[0])):
                break
            placed = list(enumerate(cells))
            last = 0
        else:
            column = last
            if not _continues_cell(cells[0]) and not (
                columns[last] and _OPEN_REPLACEMENT.search(columns[last][-1])
            ):
                if not _opens_entry(cells[0]):
                    break
                official = _is_official(cells[0])
                column = 0
                if official is not None and officials[0] != officials[1]:
                    column = officials.index(official)
                last = column
            placed = [(column, cells[0])]
        for column, cell in placed:
            entries = columns[column]
            if entries and (_continues_cell(cell) or _OPEN_REPLACEMENT.search(entries[-1])):
                entries[-1] = f"{entries[-1]} {cell}"
            elif _opens_entry(cell):
                entries.append(cell)
            elif entries:
                entries[-1] = f"{entries[-1]} {cell}"
    out: list[str] = []
    for (heading, _), entries in zip(headings[1:], columns, strict=True):
        if entries:
            out.append(f"{row_heading} {heading}:")
            out.extend(entries)
    return out, end


def split_column_tables(lines: list[str]) -> list[str]:
    """Each flattened two-column attendance table as two labelled lists, one entry a line, the
    left column's list first (real formats 72, 73)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        headings = _column_headings(lines[i].strip())
        if headings is None:
            out.append(lines[i])
            i += 1
            continue
        table, end = _read_column_table(lines, i + 1, headings)
        if not table:
            out.append(lines[i])
            i += 1
            continue
        out.extend(table)
        out.append("")
        i = end
    return out

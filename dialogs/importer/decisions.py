"""What an item's text says: decisions, reported decisions, assignments, amounts, attachments,
outcomes and the next meeting. Every function here takes text and never raises."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import find_date
from .model import ParsedAmount, ParsedAssignment, ParsedDecision, ParsedNextMeeting
from .names import is_given_name
from .textutil import clean_line, sentence_spans, spellings, strip_bullet, strip_final_period

# Decisions ----------------------------------------------------------------------------------

_DECISION_HEADING = re.compile(
    r"^(?P<phrase>[^.!?;]{2,80}?\s(?:beslutar|beslutade|beslöt))\s*:?$", re.IGNORECASE
)
# "Barn- och utbildningsnämndens beslut", "Folkhälsorådets beslut" on a line of their own: the
# body's decision as a heading over its wording (real/items 352: "… noterar informationen till
# protokollet." under it). A proposal's label ("Ordförandens förslag till beslut") is none.
_BODY_BESLUT_HEADING = re.compile(
    r"^(?P<phrase>[A-ZÅÄÖ][\w-]*(?:\s+(?:och|för|[\w-]+)){0,4}?s\s+beslut)\s*:?$"
)
_BESLUT_LABEL = re.compile(r"^beslut\s*:\s*(?P<rest>\S.*)$", re.IGNORECASE)
_ATT_CLAUSE = re.compile(r"^(?:[-*•·]\s*)?att\b\s*(?P<rest>.*)$", re.IGNORECASE)
_BOLD_ATT = re.compile(r"^\s*(?:[-*•]\s*)?(?:\*\*|__)att(?:\*\*|__)\s*", re.IGNORECASE)

# Nouns by which minutes name the body that is meeting ("Styrgruppen ställer sig bakom …").
_OWN_NOUNS = frozenset(
    {
        "mötet",
        "gruppen",
        "rådet",
        "sammanträdet",
        "styrgruppen",
        "ledningsgruppen",
        "uppdragsgruppen",
        "arbetsgruppen",
        "samverkansrådet",
        "samverkansgruppen",
        "nämnden",
        "styrelsen",
        "beredningen",
        "presidiet",
        "utskottet",
        "kommittén",
        "ledamöterna",
    }
)
_ALWAYS_OWN = frozenset(
    {
        "mötet",
        "gruppen",
        "rådet",
        "sammanträdet",
        "ledamöterna",
        # A members' meeting is the body deciding (corpus 02, 04, 08).
        "årsmötet",
        "stämman",
        "föreningsstämman",
        "höstmötet",
        "vårmötet",
        "medlemsmötet",
    }
)
# The head nouns Swedish bodies are named with ("Socialnämnden", "Regionstyrelsen",
# "Arbetsutskottet", "Landstingsfullmäktige", "Samrådsgruppen"); the importer also reads a body's
# name from them (parse.body_in_opening).
BODY_HEADS = r"nämnd|styrelse|utskott|fullmäktige|beredning|råd|grupp|förbund|delegation|direktion"
# Words that show a subject is a body that can take decisions: the heads and the offices and
# groups that act for one.
_BODY_WORD = re.compile(
    BODY_HEADS + r"|ledning|presidi|direktör|chefsgrupp|kommittén|konferens|kollegi|"
    r"förvaltning|kansli|sekretariat|sektion|avdelning|"
    # "Forumet ställer sig bakom …" (real/items 110).
    r"forum",
    re.IGNORECASE,
)
_PRONOUNS = frozenset({"de", "vi", "man", "den", "det", "han", "hon", "dessa", "detta", "som"})
# Possessive pronouns end like a genitive but own no body ("hans grupp", "deras styrelse").
_POSSESSIVES = frozenset({"hans", "dess", "ens", "vars", "deras", "hennes"})

# The verbs by which a body decides, present and past (elections and adoptions are decisions:
# "Mötet valde …", "Mötet antog …", "Mötet fastställde …"; corpus 02, 04, 07, 24).
_OWN_VERBS = (
    r"beslutar|beslutade|beslöt|godkänner|godkände|ställer sig bakom|ställde sig bakom|"
    r"ställer sig positiva? till|ställde sig positiva? till|valde|väljer|antog|"
    r"fastställde|fastställer|finner|fann|beviljade|beviljar|bifaller|biföll|avslår|avslog|"
    r"uppdrar|uppdrog|utser|utsåg|tillstyrker|tillstyrkte|"
    # "Årliga mötet inrättade en arbetsgrupp", "Styrelsen tillsatte …", "Styrelsen ställer in
    # nästa sammanträde" (real/items 46, 36).
    r"inrättade|inrättar|tillsatte|tillsätter|ställer\s+in|ställde\s+in|"
    # "Styrgruppen enas om att …", "Arbetsgruppen är överens om att …", "Styrgruppen tar beslut
    # om att …": a body's agreement or decision in other words.
    r"enas\s+om|är\s+överens\s+om|var\s+överens\s+om|tar\s+beslut|tog\s+beslut|"
    r"fattar\s+beslut|fattade\s+beslut|"
    # "Styrgruppen instämmer i slutsatserna", "Styrgruppen kommer sammanfattningsvis fram till
    # att …" (real/items 31).
    r"instämmer\s+i|instämde\s+i|kommer\s+(?:\w+\s+)?fram\s+till|kom\s+(?:\w+\s+)?fram\s+till|"
    # "Styrelsen gav Ali i uppdrag att …" decides and assigns at once (shapes/items 05).
    r"ger\s+\S+(?:\s+\S+){0,3}?\s+i\s+uppdrag|gav\s+\S+(?:\s+\S+){0,3}?\s+i\s+uppdrag|"
    # "Mötet bestämde att vi ska ordna ett knytkalas …" (real/items 251); "Styrelsen stödjer
    # motion om …", the board's position on a motion to the annual meeting (real/items 253).
    r"bestämde|bestämmer|stödjer|stöder|"
    # "Regionstyrelsen antecknar skrivelserna till protokollet": a board taking letters or a
    # report to its minutes decides so (real/complete 431).
    r"anteckna(?:r|de)(?=\s+(?:\S+\s+){0,4}?till\s+(?:protokollet|handlingarna)\b)"
)
# A past decision told as background: "Direktionen beslutade 2023-09-12 § 56 om …",
# "Nämnden beslutade i oktober att …", "… beslöt vid sitt möte den 3 maj …".
_EARLIER_DATE = re.compile(
    r"^(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}|den\s+\d|i\s+(?:"
    + "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
    + r")\b|vid\b|på\s+sitt\b|tidigare\b|förra\b|\d{4}\b|§)",
    re.IGNORECASE,
)
_PRESENT_VERB = re.compile(r"(?i)(?:ar|er|ger)$")
# The verbs by which "vi" / "man" of the notes decide (see prose_decision).
_WE_DECIDED = re.compile(r"(?i)beslutade|beslöt|beslutar|bestämde|bestämmer")


def is_body_subject(subject: str) -> bool:
    """Whether a sentence's subject names a body that can decide: a noun in the definite form
    that names a group ("Nämnden", "Miljönämnden", "Direktionen", "Samrådsgruppen",
    "Regionstyrelsens arbetsutskott"), not a person or a pronoun."""
    words = subject.split()
    if not words or len(words) > 3 or words[0].lower() in _PRONOUNS:
        return False
    last = words[-1].lower()
    if (
        len(words) >= 2
        and re.search(r"(?::s|[^\Ws]s)$", words[-2])
        and words[-2].lower() not in _POSSESSIVES
    ):
        # After an owner's genitive the body noun has no definite ending: "Regionens
        # samverkansråd", "Regionstyrelsens arbetsutskott", "LSVO:s ledningsgrupp".
        return bool(_BODY_WORD.search(last))
    # "Kommunfullmäktige", "Regionfullmäktige" name the body without a definite ending.
    if not re.search(r"(?:en|et|na|n|fullmäktige)$", last):
        return False
    return last in _OWN_NOUNS or last in _ALWAYS_OWN or bool(_BODY_WORD.search(last))


_OWN_SENTENCE = re.compile(
    r"^(?P<subj>\S+(?:\s+\S+){0,3}?)\s+(?P<verb>" + _OWN_VERBS + r")\b\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# Swedish puts the verb second: after an adverbial or a subordinate clause that opens the
# sentence the subject follows the verb, "Efter diskussion beslutade styrelsen att …", "Med
# förbehållet att ingen sett kontot … så beviljar mötet avgående styrelse ansvarsfrihet." (an
# association's annual meeting, real/complete 414). The subject is one word, the body's own.
_INVERTED_OWN = re.compile(
    r"^(?P<front>\S.*?)(?:,\s*|\s+)(?:så\s+)?(?P<verb>" + _OWN_VERBS + r")\s+"
    r"(?P<subj>[^\W\d_]+)\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
# An opening that tells of an earlier meeting: "Förra året beslutade styrelsen …".
_EARLIER_FRONT = re.compile(
    r"(?i)\b(?:förra|föregående|tidigare|i\s+fjol|senast|förut|dessförinnan)\b"
)
# "Direktionen antar det nya förslaget": another body-like subject adopting (shapes/items 08).
# The meeting's own "Mötet antar …" keeps its older reading, as a passive outcome sentence
# (seed 003).
_ADOPTS = re.compile(r"^(?P<subj>\S+(?:\s+\S+){0,2}?)\s+(?P<verb>antar)\b\s*(?P<rest>.*)$", re.I)
_WHICH_SENTENCE = re.compile(
    r"^(?P<clause>.+?),\s+vilket\s+(?P<subj>\S+(?:\s+\S+){0,2}?)\s+(?P<verb>"
    + _OWN_VERBS
    + r")\s*[.!]?$",
    re.IGNORECASE,
)
_REPORTED_SENTENCE = re.compile(
    r"^(?P<subj>\S+(?:\s+\S+){0,5}?)\s+har\s+(?:nu\s+|också\s+|även\s+)?"
    r"(?P<verb>tagit (?:ett )?beslut|fattat (?:ett )?beslut|beslutat)(?P<om>\s+om)?\b\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# A decision stated as its outcome, in the passive: "Fastställdes.", "Dagordningen godkändes.",
# "Det beslutades att …", "X valdes till …", "Förslaget bifalles." (corpus 01, 08, 23);
# "Ärendet avskrivs", "… bestämdes till okt-nov", "Man enades om att …" (real/items 03, 04, 08);
# an election in the present as notes write it, "X kandiderar och väljs" (real/formats 71), not
# a relative clause about a later one ("de ansvariga som väljs på stämman", real/items 06).
# Another point of the agenda dropped, moved or put later, named by its number or its matter:
# "Punkt 7 utgår", "punkterna 3 och 4 flyttas", "Punkten om Tulpan tas informellt senare".
AGENDA_CHANGE = (
    r"(?<![\w-])punkt(?:en|erna)?\s+(?:\d{1,2}[a-z]?(?:\s+och\s+\d{1,2}[a-z]?)?|om\s+\S+(?:\s+\S+)?)"
    r"\s+(?:\S+\s+){0,2}?(?:utgår|utgick|stryks|ströks|flyttas|flyttades|skjuts\s+upp|"
    r"sköts\s+upp|tas\s+(?:\S+\s+){0,2}?(?:senare|bort))"
)
_PASSIVE = re.compile(
    # "Som kassör omvaldes Yvonne Uhlin", "A och B omvaldes." (re-elected, real/items 274)
    r"\b(?:godkänns|godkändes|fastställs|fastställdes|(?:om|ny)?valdes|(?<!som\s)väljs|antogs|antas|"
    r"beviljades|beviljas|bifölls|bifalles|bifalls|beslutades|beslöts|röstades\s+(?:\w+\s+)?igenom|"
    r"utsågs|utses|avskrivs|avskrevs|bestämdes|enades\s+om|enades\s+man\s+om|"
    # "Det ålades sekreteraren att …": a task imposed decides as "uppdras" does (real/items 400).
    r"ålades|åläggs|"
    # "Vi kom överens om att …" (real/items 45), as "Man enades om att …".
    r"kom\s+(?:vi\s+|man\s+)?överens\s+om|"
    # "…, Göran Jansson och Clas Rosenqvist, omvaldes", "Hyran för Bystugan bibehålles
    # oförändrad", "Beträffande byvandringen hänsköts frågan till styrelsen" (real/items 251,
    # 256). ("… läggs till handlingarna" stays the item's outcome, as the seeds and shapes/items
    # 03, 04 have it.)
    r"omvaldes|bibehålles|bibehålls|bibehölls|hänsköts|"
    # The meeting's formal finding: "Mötet förklarades behörigt utlyst." (an annual meeting,
    # real/complete 373); "förklarades öppnat" opens the meeting and decides nothing.
    # The same finding as "ansågs", "fanns", "befanns" (a hackerspace's annual meetings,
    # "Mötet ansågs stadgeenligt utlyst", "Mötet fanns stadgeenligt utlyst.", real/complete 413,
    # 414).
    r"(?:förklarades|ansågs|befanns|fanns)\s+(?:\w+\s+)?(?:utlyst|utlysts|kallat|kallad|"
    r"beslutsmässigt|beslutsmässig|beslutfört|beslutför)|"
    # An agenda changed as the meeting opens: "Remiss, kulturpolitiskt program läggs in som
    # ärende 12.", "Frågan lades till som punkt 8." (real/complete 230)
    # … and "Punkterna Grannstöd, X-Cons och Rapport från chefssamråd läggs till under Övriga
    # frågor." (a kommun's council's notes, real/items 366).
    # … and another point of the agenda dropped or moved as the agenda is set (AGENDA_CHANGE:
    # "Punkt 7 utgår helt och punkt 9 delvis.", a decision group's minutes, real/items 391;
    # "Punkten om Tulpan tas informellt senare under dagen …", a network's notes, real/items
    # 390). The point is named by its number or by "om …"; "Punkten utgår" alone is the item's
    # own outcome (outcome() below).
    r"(?:läggs|lades)\s+(?:in|till)\s+(?:som|under)\s+(?:(?:ett\s+)?(?:nytt\s+)?(?:ärende|punkt)|"
    r"övriga\s+frågor)|" + AGENDA_CHANGE + r")\b",
    re.IGNORECASE,
)
# A decision in the second half of a sentence: "Delegationen diskuterar … och delegerar till
# ordföranden att …" (real/items 42); "…, varför man beslöt hålla ett extra möte" (real/items
# 37).
# "…, men gruppen beslutade att tackla detta i framtida versioner": a clause after "men" decides
# as one after "och" does (real/complete 343).
# "Fråga om … lyfts och styrelsen beslutar att vi ska fatta beslut i frågan på nästa möte": the
# body may be named after "och" too, with the verb in the present (a village association's
# notes, real/complete 403).
_SECOND_VERB_DECIDES = re.compile(
    r"(?:\boch\s+(?:(?P<body>[a-zåäö]+(?:en|et|na))\s+(?=(?:beslutar|beslöt|beslutade)\s+att\b))?|"
    r",\s*(?:varför|och|så|men)\s+(?P<who>man|vi|\w+(?:en|et))\s+)"
    r"(?P<said>(?:delegerar|delegerade)\s+(?:till|åt)\s+\S.*|"
    r"(?:beslöt|beslutade|uppdrog|uppdrar|(?<=\s)beslutar(?=\s+att\b))\s+(?!sig\b)\S.*)$",
    re.IGNORECASE,
)
# "… behöver utses", "ska fastställas": something to decide later, not a decision.
_MODAL = re.compile(
    r"\b(?:behöver|ska|skall|kommer att|bör|kan|måste|får)\s+(?:\w+\s+)?(?:utses|väljas|"
    r"godkännas|fastställas|antas|beslutas)\b|\b(?:behöver|ska|skall|bör|måste)\s+utses\b|"
    # The future with its subject inside: "Eventuellt kommer en ny att utses senare" (real/items
    # 274).
    r"\bkommer\s+(?:\w+\s+){1,3}?att\s+(?:\w+\s+)?(?:utses|väljas|godkännas|fastställas|"
    r"antas|beslutas)\b",
    re.IGNORECASE,
)
# A finite proposing verb makes the sentence a proposal; "beslutar att föreslå …" (the
# infinitive after a deciding verb) is still a decision.
_PROPOSES = re.compile(r"(?i)\b(?:föreslår|föreslog|föreslagit|yrkar|yrkade|yrkat)\b")
# "Beslut att …" / "Beslutades att …" opening a sentence.
# "Beslut togs att …" / "Beslut fattades att …" (real/items 04).
_DECISION_OPENING = re.compile(
    # "Även beslut att vi tar upp en kollekt …" (real/items 254).
    r"^(?:(?:även|också)\s+)?(?:beslut(?:\s+(?:togs|fattades))?|beslutades)\s+att\s+\S|"
    # "Beslut enligt förslag." / "Beslut enligt arbetsutskottets förslag."
    r"^beslut\s+enligt\s+(?:\S+\s+)?förslag",
    re.IGNORECASE,
)
# A decision named as a noun and taken: "Det togs också ett inriktningsbeslut om att …", "Ett
# beslut fattades om att …"; not "inget beslut", not a decision taken at another time.
_DECISION_TAKEN = re.compile(
    r"(?i)^(?:det\s+)?(?:togs|fattades)\s+(?:också\s+|även\s+|därefter\s+)?(?:ett\s+)?"
    r"[a-zåäö]*beslut\s+om\s+att\s+(?P<clause>\S.*)$|"
    r"^(?i:ett\s+)?(?i:[a-zåäö]*beslut)\s+(?i:togs|fattades)\s+(?i:också\s+|även\s+)?"
    r"(?i:om\s+)?(?i:att)\s+(?P<clause2>\S.*)$"
)
# "Beslutades att …" with its capital inside a flattened run, after a word of the run.
_OPENING_IN_RUN = re.compile(
    r"(?<=[\w)]\s)(?:Beslutades|Beslöts|Beslut\s+(?:togs|fattades))\s+att\s+\S"
)
# A flattened PDF loses the bold subject of a decision: the sentence then opens with the
# deciding verb in lower case, "godkänner föreliggande dagordning", "tar informationen till
# protokollet" (real/items 14, 15). Only the verbs a body uses to decide, in the present.
LOST_SUBJECT_VERBS = (
    r"(?:godkänner|beslutar|fastställer|antar|noterar|"
    r"tar\s+(?:informationen|redovisningen|rapporten|dialogen)\s+till\s+"
    r"(?:protokollet|handlingarna|dagens\s+protokoll)|"
    r"lägger\s+\S+(?:\s+\S+)?\s+till\s+handlingarna)\b"
)
SUBJECTLESS_DECISION = re.compile(r"(?:^|(?<=[.!?]\s))" + LOST_SUBJECT_VERBS)
# When the whole lead-in "<Nämnden> beslutar att" was lost, the decision opens with its
# infinitive right after the item's title: "SON 24 Dnr Val av justerare utse Bertil Hammar att
# jämte ordföranden justera …", "Meddelanden lägga följande meddelanden till handlingarna"
# (real/items 69). Only the infinitives a body decides with.
LOST_LEAD_INFINITIVES = (
    r"(?:godkänna|fastställa|anta|utse|välja|bevilja|avslå|bifalla|avstyrka|tillstyrka|avge|"
    r"överlämna|anteckna|notera|återremittera|uppdra\s+åt|ställa\s+sig\s+bakom|"
    r"lägga\s+(?:\S+\s+){0,4}?till\s+(?:handlingarna|protokollet)|"
    r"ge\s+(?:\S+\s+){1,4}?i\s+uppdrag)\b"
)
_LOST_LEAD_OPENING = re.compile(r"^" + LOST_LEAD_INFINITIVES + r"(?=\W*(?:\s+\S|$))")


def lost_lead_decision(sentence: str) -> ParsedDecision | None:
    """The opening sentence of an item's text when it starts with a deciding infinitive in lower
    case: the decision whose "… beslutar att" the conversion lost (real/items 69)."""
    text = strip_bullet(sentence).strip()
    if not _LOST_LEAD_OPENING.match(text) or text.endswith("?") or len(text.split()) < 2:
        return None
    return ParsedDecision(phrase="Beslut", clauses=[strip_final_period(text)], text=text)


# "Vid förra mötet …", "Under förra styrelsemötet bestämdes det …" (corpus 07): told of before.
_HISTORICAL = re.compile(
    r"^vid\b|\b(?:vid|under|på) (?:föregående|förra|tidigare)\b", re.IGNORECASE
)
# An earlier meeting's decision quoted as background: a past deciding verb followed by when it
# was taken, "FHR beslutade den 22 oktober 2002, § 33, att uppdra åt presidiet att …" (real/
# items 48), "Nämnden beslöt 2023-09-12 att ge förvaltningen i uppdrag …". Its att-clauses are
# neither decisions nor tasks of this meeting, whoever the subject is.
_EARLIER_DECISION = re.compile(
    r"^\S+(?:\s+\S+){0,4}?\s+(?:beslutade|beslöt|uppdrog|fattade\s+beslut|har\s+beslutat|"
    r"hade\s+beslutat)\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)

# "… beslutade vid dagens möte att …" is this meeting's.
_THIS_MEETING = re.compile(r"(?i)vid\s+(?:dagens|detta|det\s+här|nu\s+aktuella)\b")


# The same told with the time after the object or the agent: "MRP 2022 godkändes av
# direktionen den 10 december 2021." (a past passive, "av" its agent, then a dated time) and
# "Direktionen antog budget för år 2024 vid sitt sammanträde den 12 december 2023 § 84." (a
# past active verb, then "vid sitt sammanträde/möte" and a date) — background in web minutes of
# kommunalförbund (real/items 325, 326). "Protokollet från den 9 november godkändes" keeps its
# date before the verb and stays this meeting's.
_EARLIER_BY_AGENT = re.compile(
    r"(?i)\b(?:godkändes|antogs|fastställdes|beslutades|beviljades|togs)\s+av\s+\S+"
    r"(?:\s+\S+)?\s+(?:den\s+\d{1,2}\s+\w+\s+(?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2}|"
    r"vid\s+sitt\s+(?:sammanträde|möte))"
)
_EARLIER_AT_ITS_MEETING = re.compile(
    r"(?i)\b(?:antog|beslutade|beslöt|godkände|fastställde|beviljade)\b[^.;]*?"
    r"\bvid\s+sitt\s+(?:sammanträde|möte|styrelsemöte)\s+(?:den\s+)?\d"
)


def reports_earlier_decision(sentence: str) -> bool:
    """Whether sentence tells of a decision taken at an earlier meeting (a date, a month or a
    § number right after the verb, or a dated "vid sitt sammanträde" / "av <agent> den …")."""
    text = strip_bullet(sentence).strip()
    if _EARLIER_BY_AGENT.search(text) or _EARLIER_AT_ITS_MEETING.search(text):
        return True
    match = _EARLIER_DECISION.match(text)
    rest = match.group("rest") if match else ""
    return bool(_EARLIER_DATE.match(rest)) and not _THIS_MEETING.match(rest)


@dataclass
class OwnBody:
    """How this meeting's body may be named in its own minutes."""

    names: list[str]

    def is_own(self, subject: str) -> bool:
        low = subject.lower().strip()
        base = re.sub(r":s\b", "", low)
        if low in _PRONOUNS:
            return False
        for name in self.names:
            n = name.lower().strip()
            if not n:
                continue
            if base == n or base.startswith(n + " ") or n.startswith(base + " "):
                return True
        if any(spelling in _ALWAYS_OWN for spelling in spellings(low)):
            return True
        if low in _OWN_NOUNS:
            stem = re.sub(r"(?:en|et|n)$", "", low)
            return any(stem in name.lower() for name in self.names)
        return False


# "Nämnden beslutade vid sitt sammanträde den 28 augusti 2007 om följande:" over a list of
# "att …" (corpus 21); "X föreslår att Y beslutar följande:" is a proposal, not a decision.
_DECIDED_FOLLOWING = re.compile(
    r"^(?P<phrase>[^.!?;:]{2,80}?\s(?:beslutar|beslutade|beslöt))\b[^.!?;:]{0,80}?"
    r"\bföljande\s*:$",
    re.IGNORECASE,
)


# "Hälso- och sjukvårdsnämnden beslutade 12 april 2018 att:" over the decided sentences (the
# layout of real/items 135); a date written as background ("beslutade 2017-03-02 att:") is an
# earlier meeting's, as in prose.
_DECIDED_ATT = re.compile(
    r"^(?P<phrase>[^.!?;:]{2,80}?\s(?:beslutar|beslutade|beslöt))\s+(?P<when>[^.!?;:]{0,40}?)"
    r"\s*\batt\s*:$",
    re.IGNORECASE,
)


def decision_heading(line: str) -> str | None:
    """The deciding phrase when line is a heading such as "LSVO:s ledningsgrupp beslutar"."""
    text = clean_line(line)
    dated = _DECIDED_ATT.match(text)
    if (
        dated
        and _EARLIER_DATE.match(dated.group("when"))
        and not _THIS_MEETING.match(dated.group("when"))
    ):
        dated = None
    match = (
        _DECISION_HEADING.match(text)
        or _DECIDED_FOLLOWING.match(text)
        or dated
        or _BODY_BESLUT_HEADING.match(text)
    )
    if match and not re.search(r"(?i)\bföreslå\w*|\bförslag", match.group("phrase")):
        return match.group("phrase").strip()
    if re.fullmatch(r"(?i)beslut\s*:?", text):
        return "Beslut"
    return None


def body_beslut_heading(line: str) -> bool:
    """ "Barn- och utbildningsnämndens beslut" alone on a line: a heading over the decision."""
    return bool(_BODY_BESLUT_HEADING.match(clean_line(line)))


def att_clause(line: str) -> str | None:
    """The clause of a line "att …" / "**att** …", without the "att"."""
    if _BOLD_ATT.match(line):
        return clean_line(_BOLD_ATT.sub("", line, count=1))
    text = clean_line(line)
    match = _ATT_CLAUSE.match(text)
    if match and match.group("rest"):
        return match.group("rest").strip()
    return None


def is_bold_att(line: str) -> bool:
    return bool(_BOLD_ATT.match(line))


def inline_decision(line: str) -> ParsedDecision | None:
    """A line "Beslut: …" (with or without a deciding phrase after the colon)."""
    text = clean_line(strip_bullet(line))
    match = _BESLUT_LABEL.match(text)
    if not match:
        return None
    rest = match.group("rest").strip()
    own_match = _OWN_SENTENCE.match(rest)
    if own_match and "beslut" in own_match.group("verb").lower():
        phrase = f"{own_match.group('subj')} {own_match.group('verb')}"
        clauses = _split_att(own_match.group("rest"))
        return ParsedDecision(phrase=phrase, clauses=clauses, text=rest)
    return ParsedDecision(phrase="Beslut", clauses=_split_att(rest), text=rest)


def _split_att(text: str) -> list[str]:
    text = text.strip()
    if re.match(r"(?i)att\s", text):
        parts = re.split(r"(?i)[;\n]\s*att\s+", text[4:])
        return [p.strip() for p in parts if p.strip()]
    return [text] if text else []


def _strip_att(text: str) -> str:
    return re.sub(r"(?i)^att\s+", "", text.strip())


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _body_decides(match: re.Match[str], rest: str) -> bool:
    """A body-like subject that is not known as this meeting's body still decides here, in
    the present ("Nämnden beslutar att …") or the past ("Styrelsen beslöt att …"), unless the
    past verb is followed by when it was decided: then it is background."""
    if not is_body_subject(match.group("subj")):
        return False
    verb = match.group("verb").split()[0]
    return bool(_PRESENT_VERB.search(verb)) or not _EARLIER_DATE.match(rest)


def _told_when(verb_phrase: str) -> bool:
    """ "gav i oktober förvaltningen i uppdrag": a time inside the verb phrase tells of an
    earlier meeting (shapes/items 09)."""
    words = verb_phrase.split()[1:]
    return any(_EARLIER_DATE.match(" ".join(words[n:])) for n in range(len(words)))


def prose_decision(sentence: str, own: OwnBody) -> ParsedDecision | None:
    """A decision written as a sentence of the discussion text, or None."""
    text = strip_bullet(sentence).strip()
    if (
        not text
        # The head's form label on a line of its own, "Utses att justera:" (real/items 325).
        or (text.endswith(":") and _FORM_LABEL.match(text))
        or _HISTORICAL.search(text)
        or text.endswith("?")
        or len(text) > 600
        or reports_earlier_decision(text)
    ):
        return None
    lost_subject = SUBJECTLESS_DECISION.search(text)
    if lost_subject:
        said = text[lost_subject.start() :]
        return ParsedDecision(phrase="Beslut", clauses=[said], text=said)
    taken = _DECISION_TAKEN.match(text)
    if taken:
        # "Det togs också ett inriktningsbeslut om att till nästa år införa …" (real/items
        # 271): a decision named as a noun, taken at this meeting.
        clause = taken.group("clause") or taken.group("clause2")
        return ParsedDecision(phrase="Beslut", clauses=[clause], text=text)
    opening = _OPENING_IN_RUN.search(text) if len(text) > 250 else None
    if opening:
        # A flattened run lost the full stop before "Beslutades att …": the decision opens
        # there ("… Landsbygdsprogrammet (ÖK) Beslutades att kansliet tar fram ett brev …",
        # real/items 272); a shorter sentence is read whole below.
        return prose_decision(text[opening.start() :], own)
    which = _WHICH_SENTENCE.match(text)
    if which and own.is_own(which.group("subj")):
        phrase = _capitalise(f"{which.group('subj')} {which.group('verb')}")
        return ParsedDecision(phrase=phrase, clauses=[which.group("clause").strip()], text=text)
    match = _OWN_SENTENCE.match(text)
    rest = match.group("rest").lstrip(" :").strip() if match else ""
    # "… tar beslut om att införa rutinen": the clause is what follows "om".
    rest = re.sub(r"(?i)^om\s+(?=att\b)", "", rest)
    if (
        match
        and rest
        and not _told_when(match.group("verb"))
        # "Regionstyrelsen föreslår att regionfullmäktige godkänner …": a proposal (corpus 19).
        and not _PROPOSES.search(match.group("subj"))
        and (own.is_own(match.group("subj")) or _body_decides(match, rest))
    ):
        phrase = f"{match.group('subj')} {match.group('verb')}"
        if "uppdrag" in match.group("verb"):
            return ParsedDecision(phrase=phrase, clauses=[text], text=text)
        return ParsedDecision(phrase=phrase, clauses=[_strip_att(rest)], text=text)
    if (
        match
        and rest
        and match.group("subj").lower() in {"vi", "man"}
        and _WE_DECIDED.fullmatch(match.group("verb"))
        and re.match(r"(?i)att\b", rest)
        and not _EARLIER_DATE.match(rest)
    ):
        # "Vi beslutade att försöka få till flera sittningar …": notes written by the group in
        # the first person; "vi" (or "man") who decided are the meeting (real/complete 341,
        # 343). Only the verbs of deciding, with the decision's "att" right after them.
        phrase = f"{match.group('subj')} {match.group('verb')}"
        return ParsedDecision(phrase=phrase, clauses=[_strip_att(rest)], text=text)
    inverted = _INVERTED_OWN.match(text)
    if (
        inverted
        and own.is_own(inverted.group("subj"))
        and not _EARLIER_FRONT.search(inverted.group("front"))
        # "I mars beslutade styrelsen …", "Den 5 maj beslöt …": a time told opens the sentence;
        # "Vid dagens möte beslutade styrelsen …" is this meeting's.
        and not (
            _EARLIER_DATE.match(inverted.group("front"))
            and not _THIS_MEETING.match(inverted.group("front"))
        )
        and not _PROPOSES.search(inverted.group("front"))
        and not _OWN_SENTENCE.match(inverted.group("front"))
    ):
        phrase = _capitalise(f"{inverted.group('subj')} {inverted.group('verb')}")
        return ParsedDecision(
            phrase=phrase, clauses=[_strip_att(inverted.group("rest"))], text=text
        )
    adopts = _ADOPTS.match(text)
    if (
        adopts
        and adopts.group("rest").strip()
        and is_body_subject(adopts.group("subj"))
        # The minutes' own body adopting too, once the title names it ("Direktionens protokoll"
        # → "Direktionen antar …", shapes/items 08 with real/items 325-327's titles); the
        # meeting's "Mötet antar …" keeps its passive reading.
        and (
            not own.is_own(adopts.group("subj"))
            or adopts.group("subj").lower() not in {"mötet", "sammanträdet"}
        )
    ):
        phrase = f"{adopts.group('subj')} {adopts.group('verb')}"
        return ParsedDecision(phrase=phrase, clauses=[adopts.group("rest").strip()], text=text)
    reported = _REPORTED_SENTENCE.match(text)
    if reported and reported.group("rest").strip():
        subject = reported.group("subj").strip()
        phrase = f"{subject} har {reported.group('verb')}" + (" om" if reported.group("om") else "")
        clause = _strip_att(reported.group("rest"))
        if own.is_own(subject):
            return ParsedDecision(phrase=phrase, clauses=[clause], text=text)
        # A body word ("Chefsgruppen") or an acronym ("ABCD har beslutat") names a body. The
        # subject's head is what stands before a preposition: "Politikerna i stadsdelsnämnden
        # Öster har beslutat att …" tells what people decided, not a body (a crime-prevention
        # council's follow-up of other bodies' decisions, real/items 365); "Styrelsen i
        # föreningen har beslutat …" keeps its body.
        head = re.split(r"\s+(?:i|inom|från|på|hos|för|vid)\s+", subject, maxsplit=1)[0]
        acronym = re.fullmatch(r"[A-ZÅÄÖ]{2,8}", head)
        if subject.lower() not in _PRONOUNS and (_BODY_WORD.search(head) or acronym):
            return ParsedDecision(
                phrase=phrase, clauses=[clause], reported_by_body=subject, text=text
            )
    if _DECISION_OPENING.match(text):
        clause = re.sub(r"(?i)^\S+\s+(?:(?:togs|fattades)\s+)?", "", text)
        return ParsedDecision(phrase="Beslut", clauses=[_strip_att(clause)], text=text)
    passive = _PASSIVE.search(text)
    if (
        passive
        and not re.match(r"(?i)om\b", text)
        # "Diskussioner om autostart av appar och hur vi ska se till att användarvänligheten
        # bibehålls.": a sentence that names a discussion reports it; its passive is inside
        # what was discussed (real/complete 343).
        and not _DISCUSSION_OPENING.match(text)
        # "Festkommitté valdes inte på årsmötet …" says what was not decided (real/items 134).
        and not re.match(r"(?i)\s+(?:inte|ej|icke)\b", text[passive.end() :])
        # "Kommunstyrelsen har föreslagit att motionen bifalls": a proposal (shapes/items 15).
        and not _PROPOSES.search(text[: passive.start()])
        and not _MODAL.search(text)
        and len(text) <= 250
    ):
        return ParsedDecision(phrase="Beslut", clauses=[text], text=text)
    second = _SECOND_VERB_DECIDES.search(text)
    subject = text.split()[0] if text.split() else ""
    if (
        second
        and not _PROPOSES.search(text[: second.start()])
        and (
            second.group("who")
            or (second.group("body") and is_body_subject(second.group("body")))
            or own.is_own(subject)
            or is_body_subject(subject)
        )
    ):
        opens = next((second.start(g) for g in ("who", "body") if second.group(g)), None)
        said = strip_final_period(text[second.start("said") if opens is None else opens :])
        clause = strip_final_period(second.group("said"))
        return ParsedDecision(phrase="Beslut", clauses=[_strip_att(clause)], text=said)
    return None


# A flattened run holds several sentences without their full stops ("… Personalavdelningen Till
# jämte ordföranden justera protokollet utsågs Ingela Axelsson."): past this length a sentence
# is such a run, and the decision in it starts nearer its verb.
_RUN_LENGTH = 150
_CAPITALISED = re.compile(r"[A-ZÅÄÖ]")


def _clause_in_run(text: str) -> str:
    """The sentence around the first passive decision verb of a flattened run: it opens at the
    capitalised word before the lower-case words that lead up to the verb ("Till jämte
    ordföranden justera protokollet utsågs X"), or at the name just before it ("Anna Berg
    valdes …")."""
    verb = _PASSIVE.search(text)
    if verb is None or len(text) <= _RUN_LENGTH:
        return text
    if _CAPITALISED.match(verb.group()):
        # "… Justering Utsågs X att jämte ordföranden justera …": the verb opens it.
        return text[verb.start() :]
    words = list(re.finditer(r"\S+", text[: verb.start()]))
    start = len(words)
    while start > 0 and not _CAPITALISED.match(words[start - 1].group()):
        start -= 1
    if start == len(words):
        # The verb follows a name: at most three capitalised words.
        while start > 0 and len(words) - start < 3 and _CAPITALISED.match(words[start - 1].group()):
            start -= 1
    elif start > 0:
        start -= 1
    return text[words[start].start() :] if start < len(words) else text[verb.start() :]


# A flattened run lost the full stop before a body's decision: "Protokollet ska justeras
# senast onsdagen den 20 juni Fullmäktige beslutade på ordförandens förslag att …" (real/items
# 65). A capitalised subject after a lower-case word or a number, with a deciding verb after
# it, opens a sentence of its own unless the word before makes it an object or a clause inside
# the sentence ("enligt vad Nämnden beslutade", "förslag till Styrelsen godkänner …").
_RUN_ON_SUBJECT = re.compile(
    r"(?<=[a-zåäö0-9]\s)(?=(?P<subj>[A-ZÅÄÖ][\w-]+(?:\s+[a-zåäö]+)?)\s+(?:" + _OWN_VERBS + r")\b)"
)
_NOT_BEFORE_SUBJECT = frozenset(
    {
        "som",
        "vad",
        "att",
        "när",
        "då",
        "och",
        "eller",
        "om",
        "innan",
        "sedan",
        "eftersom",
        "vilket",
        "där",
        "men",
        "samt",
        "hur",
        "varför",
        "enligt",
        "av",
        "för",
        "till",
        "med",
        "från",
        "i",
        "på",
        "hos",
        "vid",
        "åt",
        "mot",
        "genom",
        "under",
        "inför",
        "efter",
    }
)


def run_on_decision(sentence: str, own: OwnBody) -> ParsedDecision | None:
    """A body's decision that runs on after the words of another sentence, or None."""
    text = strip_bullet(sentence).strip()
    for match in _RUN_ON_SUBJECT.finditer(text):
        before = text[: match.start()].split()
        if len(before) < 3 or before[-1].lower() in _NOT_BEFORE_SUBJECT:
            continue
        subject = match.group("subj")
        if not (own.is_own(subject) or is_body_subject(subject)):
            continue
        decision = prose_decision(text[match.start() :], own)
        if decision is not None and not decision.reported_by_body:
            return decision
    return None


# The front page form of kommunal minutes labels its fields, with or without a colon: "Utses att
# justera Name Justeringens plats och tid …" (real/items 13, 50, 51) names who is to justera,
# it records no decision.
_FORM_LABEL = re.compile(r"(?i)^utses\s+att\s+justera\b")


def head_decision(sentence: str, own: OwnBody) -> ParsedDecision | None:
    """A decision written in the minutes' head, before the first item: "Dagordningen
    godkändes.", "Till att jämte ordföranden justera protokollet utsågs Birgitta Ek."
    (real/items 48, 49), also inside a flattened run of names. A label ("Utses att justera:")
    and another body's reported decision are none of this meeting's."""
    text = _clause_in_run(strip_bullet(sentence).strip())
    if ":" in text or _FORM_LABEL.match(text):
        return None
    decision = prose_decision(text, own)
    if decision is None or decision.reported_by_body:
        return None
    return decision


# Sekretess ----------------------------------------------------------------------------------

# How minutes mark a § as secret: "Sekretess", "sekretessbelagd", "enligt OSL",
# "offentlighets- och sekretesslagen (2009:400) 25 kap. 1 §". A § about sekretess rules in
# general is marked too: wrongly hiding a § is the safe mistake.
_SECRET = re.compile(
    r"\bsekretess(?:belag\w*|prövning|skydd)?\b|\benligt\s+OSL\b|\bOSL\s+\d|"
    r"offentlighets-\s*och\s+sekretesslag\w*|\b25\s+kap\b",
    re.IGNORECASE,
)


def is_secret(text: str) -> bool:
    return bool(_SECRET.search(text))


# Assignments --------------------------------------------------------------------------------

_MONTH_WORDS = (
    r"januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
)
_DUE = re.compile(
    r"\b(?:till|senast|inför|före)\s+(?:"
    r"nästa\s+(?:möte|sammanträde|träff)\w*"
    r"|(?:\S+\s+)?möte(?:t)?\s+(?:i|den)\s+(?:\d{1,2}\s+)?(?:" + _MONTH_WORDS + r")(?:\s+\d{4})?"
    r"|(?:den\s+)?\d{1,2}\s+(?:" + _MONTH_WORDS + r")(?:\s+\d{4})?"
    r"|(?:v\.|v|vecka)\s*\d{1,2}\b"
    # "senast 15/3", "till Q2", "före kvartal 3", "senast i mars": forms secretaries write that
    # no excerpt holds yet (tests/importer/test_assignment_shapes.py)
    r"|(?:den\s+)?\d{1,2}/\d{1,2}\b|Q[1-4]\b|kvartal\s+[1-4]\b"
    r"|i\s+(?:" + _MONTH_WORDS + r")\b"
    r"|\d{4}-\d{2}-\d{2})",
    re.IGNORECASE,
)
_GIVEN_TASK = re.compile(
    # "X ges uppdraget att …", "X uppdras att …" say the same (the 'ges i uppdrag').
    # ("Ledamöterna uppmanas att läsa handlingarna" exhorts all members: no task, seed 003.)
    # "Andreas får som uppgift att titta på det" (a board's notes, real/complete 410): a task
    # ("uppgift") given as "uppdrag" is. "ålades"/"åläggs" (real/items 400) the older form.
    r"^(?P<who>.*?)\s*\b(?:(?:ges|får|gavs|fick)\s+(?:i\s+uppdrag|uppdraget|(?:i|som)\s+uppgift|"
    r"uppgiften)|uppdras|ålades|åläggs)\s+att\s+"
    r"(?P<what>.+)$",
    re.IGNORECASE,
)
_GIVE_TASK = re.compile(
    r"\b(?:ge|ger|gav)\s+(?P<who>.+?)\s+i\s+uppdrag\s+att\s+(?P<what>.+)$", re.IGNORECASE
)
# The subject of a relative clause right before the verb that gives a task: "ärenden som
# nämnden (har) uppdragit åt …", "det som styrelsen gav X i uppdrag att …".
_RELATIVE_BEFORE = re.compile(
    r"(?i)(?:^|[^\w])som\s+(?!att\b)(?:[^\s,.;:]+\s+){1,3}?(?:har\s+|hade\s+)?$"
)
# The older "ålägga": "Det ålades sekreteraren att hålla ledamöterna uppdaterade …" (a nämnd's
# protocol, real/items 400), "Styrelsen ålägger kassören att …".
_TASK_TO = re.compile(
    r"\b(?:(?:uppdra(?:r|s|de|git)?|uppdrog)\s+(?:åt\s+)?|delegera(?:r|de|t)?\s+(?:till|åt)\s+|"
    r"(?:ålades|åläggs|ålägger|ålade)\s+(?!att\b))"
    r"(?P<who>.+?)\s+att\s+(?P<what>.+)$",
    re.IGNORECASE,
)
# "Gustav fixar FB-event", "Axel mailar sponsorer", "Lukas införskaffar …": a first name and an
# action verb in the present opening a clause (corpus 01, 03, 10); "Henrik har lovat
# (att) återkomma", "Tomas åtog sig att …" (corpus 05, 09).
_ACTION_VERBS = (
    r"fixar|ordnar|mailar|mejlar|kollar|hör|bokar|skickar|kontaktar|ringer|köper|införskaffar|"
    r"skriver|kör|marknadsför|bjuder|beställer|undersöker|återkommer|sammanställer|uppdaterar|"
    r"förbereder|meddelar|tar fram|tar reda på|tar kontakt|ansvarar för|bevakar|planerar|"
    r"organiserar|påminner|skapar|ser över|tittar på|följer upp|"
    # "Anna kallar till nästa möte": no excerpt holds it yet (test_assignment_shapes.py).
    r"kallar\s+till|sammankallar|"
    # Common Swedish ways to take a task on: "Lisa tar på sig att …", "Per ser till att …",
    # "Eva håller i planeringen", "Olle tar hand om …", "Anna stämmer av med …", "Per pratar
    # med kommunen", "Lisa lägger upp protokollet" (no excerpt holds them yet:
    # test_assignment_shapes.py).
    r"tar\s+på\s+sig|ser\s+till\s+att|håller\s+i|tar\s+hand\s+om|stämmer\s+av|reder\s+ut|"
    r"utreder|lämnar\s+in|sköter|återrapporterar|lägger\s+(?:upp|ut)|pratar\s+med|"
    # "Steg 1: Per städar upp siten …" (real/complete 412).
    r"städar|"
    # "Tiina tar med sig pappersformat", "Peter tar emot anmälningar" (real/items 06, 08).
    r"tar med sig|tar med|tar emot|förser|"
    # "Thijs fortsätter söka Kjell för föreläsning", "Janne bakar småkakor" (a local-history
    # association's notes, real/complete 404); "Kamratlunchen fortsätter liksom …" (goes on,
    # real/items 09) is no task: "fortsätter" only before an infinitive.
    r"fortsätter\s+(?:att\s+)?(?=[a-zåäö]+a\b)|bakar|"
    # "Bjarne tar ett snack med Tommy Hegestrand om detta" (a club's board, real/complete 374),
    # and the plainer "tar ett samtal med", "snackar med".
    r"tar\s+ett\s+(?:snack|samtal)\s+med|snackar\s+med|"
    # "Britt-Mari och Astrid handlar det som behövs till grillning" (real/items 254); "handlar
    # om" tells what something is about.
    r"handlar(?!\s+om\b)|"
    # "Mats och Sven tar tillsammans med Johanna Ek fram ett program", "Alla funderar på vad …"
    # (real/items 90, 95).
    r"tar\s+tillsammans\s+med\s+[^,.;]{2,40}?\s+fram|funderar på|"
    # "Tobias frågar dem.", "Olle frågar Arne om han kan tänka sig att …": asking people to do
    # something is a task (real/items 134); "Anna frågar om budgeten", "… frågar hur …" is a
    # question in the discussion.
    r"frågar(?=\s+(?:dem|dom|honom|henne)\b|\s+[A-ZÅÄÖ][a-zåäöé]+(?:\s+[A-ZÅÄÖ]\.?)?\s+om\s+"
    r"(?:han|hon|de|dom)\s+(?:kan|vill)\b)"
)
# Verbs that say what someone will do, not what they did or do as a habit: with one of these a
# full name's sentence in the discussion is a task ("Annika Bengtsson undersöker om …",
# "Gunnar Lindqvist bjuder in.", real/items 90); "Name Surname kontaktar …" stays a report.
_FORWARD_VERBS = (
    r"undersöker|återkommer|bjuder in|tar fram|sammanställer|kollar upp|tar reda på|ser över|"
    r"förbereder|sammankallar|kallar\s+till|"
    # "Kaj Söder gör en sammanställning över hur arbetet ser ut …": "gör" with a noun of work
    # to be done says the same as the verb (a kommun's council's notes, real/items 366).
    r"gör\s+en\s+(?:sammanställning|översyn|kartläggning|utredning|förfrågan|analys|"
    r"uppföljning|utvärdering)"
)
# The owner: a first name, or one with an initial ("Elin M"), two of these joined by och/&,
# or initials in parentheses ("(MB) undersöker …", shapes/items 10). Inside a decision clause
# a surname may follow too ("att Tor Ny sammanställer …", shapes/items 14); in discussion
# text "Name Surname kontaktar …" is as often a report of what someone does.
# A first name may be double: "Britt-Inger ordnar en present" (real/items 02).
_FIRST = r"[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?"
_ONE_NAME = _FIRST + r"(?:\s+[A-ZÅÄÖ]\.?(?![\wåäö]))?"
_CLAUSE_NAME = _FIRST + r"(?:\s+[A-ZÅÄÖ](?:[a-zåäöé]+|\.)?(?![\wåäö]))?"


def _name_acts(name: str, verbs: str = _ACTION_VERBS, tail: str = ".+") -> re.Pattern[str]:
    # A role in parentheses may follow a name: "Jojje (sammankallande) och Henrik ordnar …"
    # (real/items 92).
    named = name + r"(?:\s+\([a-zåäö][^()]{0,30}\))?"
    # Two names may be joined by "+" too: "Lars+Martin I ordnar offert …" (real/items 250).
    return re.compile(
        rf"^(?:\((?P<initials>[A-ZÅÄÖ]{{2,4}})\)|"
        rf"(?P<who>{named}(?:(?:\s+(?:och|&)\s+|\s*\+\s*){named})?))"
        r"\s+(?P<what>(?:" + verbs + r")\b" + tail + r")$"
    )


_NAME_ACTS = _name_acts(_ONE_NAME)
_CLAUSE_NAME_ACTS = _name_acts(_CLAUSE_NAME)
# "Gunnar Lindqvist bjuder in.": a forward verb may close the sentence.
_NAME_WILL = _name_acts(_CLAUSE_NAME, _FORWARD_VERBS, ".*")
_ROLE_IN_PARENS = re.compile(r"\s*\([^()]*\)")
# "Styrelsen beslutade: Elin M ordnar …", "Det beslutades att Tor Ny sammanställer …": what
# follows the deciding words is read as a decision clause.
_DECIDED_LEAD = re.compile(
    r"^(?:beslut\s+att\s+|[^.:;]{0,60}?\b(?:beslutar|beslutade|beslöt|beslutades|beslöts)"
    r"\s*(?::\s*|att\s+))",
    re.IGNORECASE,
)
# Inside a decision, a body acting is its task: "Beslut att styrelsen kontaktar en revisor"
# (corpus 08), "att förvaltningen tar fram …".
_BODY_ACTS = re.compile(
    r"^(?P<who>\S+(?:\s+\S+)?)\s+(?P<what>(?:" + _ACTION_VERBS + r")\b.+)$", re.IGNORECASE
)
# Inside a decision, a person and a verb in the present is the task whatever the verb:
# "Styrelsen beslutar att Marianne Sandström representerar Västerbotten" (real/items 05).
_CLAUSE_PERSON_ACTS = re.compile(
    r"^(?P<who>" + _FIRST + r"(?:\s+[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?)?)\s+"
    r"(?P<what>[a-zåäö]{3,}(?:ar|er|r)\b.+)$"
)
# A task in the passive with its doer: "Påminnelse om … skickas av Victor", "Pris på … infordras
# genom ordföranden" (real/items 06, 08); a present -s verb, the doer ending the sentence.
# The verb may be one of "-tas" ("kontaktas"; "-ades", "-tes", "-des" are the past, reports);
# the subject may follow it when an adverbial opens the sentence, and what the task is for may
# follow the doer: "Inför Årsmötet kontaktas styrelsen av Yvonne för ev. omval." (a
# local-history association's notes, real/complete 404).
_DONE_BY = re.compile(
    r"^(?P<what>(?!(?:mötet|sammanträdet|protokollet)\b)\S.*?\s[a-zåäö]{2,}"
    r"(?:(?<![dt])(?:as|es|rs|ls|ns)|(?<=t)as)(?:\s+[a-zåäö]{3,}(?:en|et|na))?)\s+"
    r"(?:av|genom)\s+(?P<who>" + _FIRST + r"(?:\s+[A-ZÅÄÖ][a-zåäöé]+)?|[a-zåäö]+(?:en|et|na))"
    r"(?:\s+(?:för|inför|senast|före)\s+[^,;:]{1,60})?$",
    re.IGNORECASE,
)
_HEADING_RUN_IN = re.compile(
    r"^(?P<head>[A-ZÅÄÖ]\S*(?:\s+\S+){0,5}?\s+[a-zåäö]\S*)\s+(?="
    + _FIRST
    + r"\s+(?:ska|skall|kommer\s+att)\s+[a-zåäö]+a\b)"
)
# A word that may be a finite verb: a heading has none ("Kalkning av biflöden").
_FINITE_WORD = re.compile(r"(?i)\b(?:är|var|har|hade|blir|blev|\w+(?:ar|er|ir|ur|de|te|des|tes))\b")
_CONDITION_BEFORE = re.compile(
    r"(?i)\b(?:om|ifall|när|då|eftersom|innan|sedan|såvida)\s+(?:den|det|de|dessa|detta|han|hon)"
    r"\s+\S+$"
)
_NAME_PROMISED = re.compile(
    r"^(?P<who>[A-ZÅÄÖ][a-zåäöé]+(?:\s+[A-ZÅÄÖ][a-zåäöé]+)?)\s+"
    # "Lisa Berg utsågs till kassör och åtog sig att …": the promise may be the second of two
    # clauses about the same person (the "utsågs till … och åtogs att …", with the
    # passive-looking "åtogs" some secretaries write).
    r"(?:[^.;:]{3,80}?\s+och\s+)?"
    r"(?:har\s+lovat|lovade|lovar|åtog\s+sig|åtogs|åtar\s+sig|har\s+åtagit\s+sig)\s+(?:att\s+)?"
    r"(?P<what>.+)$"
)
# Role nouns as owners are definite or participles ("Ordföranden", "Föredragande", "Kansliet");
# a bare "-or" is as often a first name ("Victor kör …", corpus 10).
# The definite of a participle noun too: "Ordföranden", "Föredraganden".
_ROLE_NOUN = re.compile(r"(?:ande|ende|anden|enden|aren|eren|arna|erna|et)$")
# A role's verb that says what it will do is its task: "Sekreteraren skickar ut
# minnesanteckningarna", "Ordföranden sammankallar arbetsgruppen"; "Ordföranden meddelar att
# mötet är beslutsfört" is information (the issue's shapes; test_assignment_shapes.py).
_ROLE_TASK_VERBS = re.compile(r"^(?:" + _FORWARD_VERBS + r"|skickar\s+ut|bokar)\b")
# … and any of its action verbs when it is to be done at once or by a time: "Ordföranden
# skriver verksamhetsberättelse och plan omgående." (real/items 253).
_RIGHT_AWAY = re.compile(
    r"(?i)\b(?:omgående|snarast|genast|skyndsamt|senast\s+\S+|till\s+nästa\s+(?:möte|sammanträde))\b"
)
_FIRST_NAMES = _FIRST + r"(?:\s+(?:och|&)\s+" + _FIRST + r")?"
# "Annie ska försöka ge tid åt …", "Speciellt kommer Olav skriva …", "Lisa kommer att boka …":
# a first name and what they shall do, an infinitive (ending in -a) (corpus 03).
# An adverb may stand between the modal and the infinitive: "Birgit kommer omg att ta in
# kostnadsförslag" (omgående, real/items 181), "Per ska snarast boka …"; one word that is no
# infinitive itself (it does not end in -a) and does not negate or doubt ("inte", "kanske"). A
# pronoun there is the subject after a fronted word: "Framåt kommer vi försöka …" (seed 003).
_MODAL_ADVERB = (
    r"(?!(?:inte|ej|aldrig|kanske|vi|ni|de|dom|du|jag|han|hon|man|den|det)\b)"
    r"(?![a-zåäö]+a\b)[a-zåäö]{2,12}\.?"
)
# Leaving is no task: "Björn kommer att lämna styrelsen" (real/items 253).
_NOT_A_TASK = (
    r"(?!vara\b|bara\b|kunna\b|avgå\b|sluta\b|lämna\s+(?:styrelsen|föreningen|uppdraget)\b)"
)
_NAME_SHALL = re.compile(
    rf"^(?P<who>{_FIRST_NAMES})\s+(?:ska|skall|kommer)(?:\s+{_MODAL_ADVERB})?(?:\s+att)?\s+"
    r"(?P<what>" + _NOT_A_TASK + r"[a-zåäö]+a\b.+)$"
)
_SHALL_NAME = re.compile(
    r"^(?:[A-ZÅÄÖ][a-zåäö]+\s+)?(?:ska|skall|kommer)\s+(?P<who>[A-ZÅÄÖ][a-zåäöé]+)\s+(?:att\s+)?"
    r"(?P<what>" + _NOT_A_TASK + r"[a-zåäö]+a\b.+)$"
)
# A definite or genitive noun ("Föreningen", "Styrelsens") is not a first name.
_DEFINITE_NOUN = re.compile(r"(?:en|et|arna|erna|orna|ens|ets)$")
# "Marknadsför FB-evenemanget. Gustav och Victor fixar.": the task is the sentence before.
_NAME_TAKES_IT = re.compile(
    rf"^(?P<who>{_FIRST_NAMES})\s+(?:fixar|ordnar|tar)(?:\s+(?:det|detta))?(?:\s+det)?$"
)
# "Ansvarig: Erik J." (shapes/items 11); "Ansvar: Cecilia Forsberg." (real/items 110).
_RESPONSIBLE = re.compile(
    r"(?i)^ansvar(?:ig\w*)?\s*:\s*(?P<who>[^:;]{2,60}?)\.?"
    r"(?:\s+(?:klart|klar|deadline|senast)\s*(?:till|senast)?\s*:?\s*(?P<due>[^:;]+?))?\.?\s*$"
)
# "Dom tar kontakt med …": the spoken form of "de" is a pronoun too (real/items 184).
_NOT_OWNER = frozenset(
    {"vi", "det", "den", "man", "jag", "han", "hon", "de", "dom", "mötet", "gruppen", "styrelsen"}
)
# "Åtgärd: Inga åtgärder behövs" names nobody ("Inga Berg tar …" keeps her surname).
_NOBODY = frozenset({"ingen", "inga", "inget"})
# "… tar med sig frågan", "Samordningsgruppen tar med sig detta i det kommande arbetet"
# (real/items 46), "tar med sig synpunkterna".
_TAKE_QUESTION = re.compile(
    r"(?P<verb>\b(?:tar|ta)\s+(?:med\s+(?:sig\s+)?|hem\s+)"
    r"(?:frågan|detta|synpunkterna|förslaget|informationen)\b|\btar\s+frågan\s+vidare)"
    r"(?P<after>.*)$",
    re.IGNORECASE,
)
_UNTIL_NEXT = re.compile(
    r"^(?P<due>(?:till|inför)\s+nästa\s+(?:möte|sammanträde|träff)\w*)\s+ska\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_SHALL_UNTIL_NEXT = re.compile(
    r"^(?P<who>.+?)\s+ska\s+(?P<due>till\s+nästa\s+(?:möte|sammanträde|träff)\w*)\s+(?P<what>.+)$",
    re.IGNORECASE,
)
# "Åtgärd: Lisa tar fram ett förslag …", "Uppdrag: Per Alm skickar …", "Att göra: …": a label
# that says what follows is a task, read like a decision's clause (a name and any present verb).
# "Action: Lisa skickar ut protokollet", "ToDo: …": the English labels Swedish notes use too.
_ACTION_LABEL = re.compile(
    r"(?i)^(?:åtgärd(?:er)?|uppdrag|att\s+göra|actions?(?:\s*points?)?|to[\s-]*do|ap)\s*:\s*"
)
# "Till nästa möte: Eva tar fram siffror": a label that gives the task its time.
_NEXT_MEETING_LABEL = re.compile(
    r"(?i)^(?P<due>(?:till|inför)\s+nästa\s+(?:möte|sammanträde|träff)\w*)\s*:\s*"
)
# "Uppdrag till Per Holm att ta fram en tidplan", "Uppdrag åt kansliet att …": the noun, as
# notes of samverkan groups write a task.
# "Uppdrag för alla att komma med förslag …" (real/complete 410): "för" as "till", "åt".
_TASK_NOUN = re.compile(
    r"(?i)^uppdrag(?:et)?\s+(?:till|åt|för)\s+(?P<who>[^,;:]+?)\s+att\s+(?P<what>.+)$"
)
# A body's "återkommer med …", "tar fram …" is its task when a time is set: "Kansliet
# återkommer med ett förslag till nästa möte" (without one it may be its habit).
_BODY_TASK_VERBS = re.compile(
    r"(?i)^(?:återkommer|tar\s+fram|sammanställer|undersöker|ser\s+över|bjuder\s+in|"
    r"förbereder|kallar)\b"
)
# "Styrelsen undersöker nyckelfrågan, …" (an association's annual meeting, real/complete 414):
# to look into a matter is work still to be done, a task with a time set or not.
_BODY_LOOKS_INTO = re.compile(r"(?i)^(?:undersöker|utreder|ser\s+över)\b")
# "Utvecklingsavdelningen återkommer med en uppföljning i december" (real/items 113): a month
# or a season ahead sets the time as "till nästa möte" does.
_LATER_TIME = re.compile(
    r"(?i)\b(?:i|under)\s+(?:(?:" + _MONTH_WORDS + r")|våren|hösten|sommaren|vintern)\b"
)
_CAPITALISED_RUN = re.compile(r"((?:[A-ZÅÄÖ][\w-]*)(?:\s+[A-ZÅÄÖ][\w-]*)*)\s*$")


# "Gunnar ansvarar för detta.", "PE ansvarar för det", "Ansvar Olle." (real/items 130; the
# layout's "Ansvar KA" lines): the owner takes on what the text before describes, the line itself
# names no task. Initials stand for a name in such notes.
_OWNER_WORDS = _FIRST_NAMES + r"|[A-ZÅÄÖ]{2,3}(?:\s+(?:och|&)\s+(?:[A-ZÅÄÖ]{2,3}|" + _FIRST + r"))?"
_RESPONSIBLE_FOR_IT = re.compile(
    rf"^(?:(?P<who>{_OWNER_WORDS})\s+(?:ansvarar|har\s+ansvaret)\s+för\s+"
    r"(?:detta|det|denna\s+fråga|frågan|den\s+biten)"
    rf"|(?i:ansvar(?:ig)?)\s+(?P<label>{_OWNER_WORDS}))$"
)
# The word order after a fronted phrase puts the verb before its subject: "Nu när vi vet var
# avloppet ska ligga så tar Lasse kontakt med Niklas" (real/items 130), "Utifrån synpunkterna
# ska kansliet återkomma med ett förslag" (real/items 132). A person's first name right after
# an action verb or "ska", or a body after "ska" and one of the verbs a body's task takes, is the
# subject of the task; the verb's particle follows the subject ("tar Lasse kontakt med").
_ACTION_HEADS = (
    r"fixar|ordnar|mailar|mejlar|kollar|bokar|skickar|kontaktar|ringer|köper|införskaffar|"
    r"skriver|bjuder|beställer|undersöker|återkommer|sammanställer|uppdaterar|förbereder|"
    r"meddelar|tar|ansvarar|bevakar|planerar|organiserar|påminner|skapar|följer"
)
_INVERTED_TASK = re.compile(
    r"(?<!\bsom)(?<!\batt)(?<!\bom)(?<!\bnär)(?<!\bdär)(?<!\bvad)(?<!\bhur)\s"
    r"(?:(?P<verb>(?:" + _ACTION_HEADS + r")\b)|(?P<modal>ska|skall))\s+"
    r"(?:(?P<who>" + _FIRST + r")|(?P<body>[a-zåäö]+(?:et|en)))\s+(?P<rest>[a-zåäö].+)$"
)
# A person's role in the definite ("ordföranden", "sekreteraren", "kassören"), not a body
# ("styrelsen", "mötet"), and the verbs of a task it takes on after a fronted clause.
_PERSON_ROLE_NOUN = re.compile(r"(?:anden|enden|aren|eren|ören)$")
_INVERTED_ROLE_VERBS = re.compile(
    r"^(?:" + _FORWARD_VERBS + r"|skickar\s+ut|bokar|tar\s+kontakt|kontaktar)\b"
)
_BODY_SHALL_VERBS = re.compile(
    r"(?i)^(?:återkomma|återrapportera|undersöka|se\s+över|sammanställa|kalla\s+till|"
    r"ta\s+fram|bjuda\s+in|förbereda)\b"
)
# Inside a decision a body or an office that shall do something has a task: "Hälso- och
# sjukvårdsdirektören ska fortlöpande informera nämnden om arbetet" (real/items 135), "Kansliet
# ska återkomma med synopsis" (real/items 132).
_DISCUSSION_OPENING = re.compile(
    r"(?i)(?:kort\s+|korta\s+)?(?:diskussion(?:er|en)?|dialog|samtal)\s+(?:om|kring|angående|runt|gällande)\s"
)
_SUBORDINATE_OPENING = re.compile(
    r"(?i)(?:för\s+att|om|när|eftersom|då|innan|efter\s+att|medan|så\s+att|även\s+om)\s"
)
_BODY_SHALL = re.compile(
    r"^(?P<who>\S+(?:\s+\S+){0,2}?)\s+(?:ska|skall)\s+(?P<what>(?:[a-zåäö]+\s+)?[a-zåäö]+a\b.+)$"
)
# "Analysen ska vara genomförd senast 30 november 2018": the time of the task before it.
_DONE_BY_TIME = re.compile(
    r"(?i)^\S+(?:\s+\S+)?\s+(?:ska|skall)\s+vara\s+(?:genomför|klar|färdig|redovisa|"
    r"slutför|inlämna|inkomm)\w*\s+(?P<due>(?:senast|före|till)\s+.+)$"
)
# "Alla läser igenom underlaget till nästa möte", "Var och en kollar med sin chef", "Respektive
# kommun återkommer med namn …": a task for everyone, or for each member, by an action verb or
# any verb with a time set (the annotation's owner "alla"; test_assignment_shapes.py). "Samtliga
# ledamöter funderar på …" stays as seed 004's test has it (no task).
_EVERYONE_ACTS = re.compile(
    r"^(?P<who>Alla|Samtliga|Var och en|"
    r"(?:Respektive|Varje)\s+[a-zåäö]+)\s+(?P<what>[a-zåäö]{2,}(?:ar|er|r)\b.+)$"
)
_NOT_A_TASK_VERB = re.compile(r"(?:var|är|har|hade|blir|blev|kan|ska|skall|vill|får)\b")
# "FDF: vi sätter Gabriel på det" (corpus 10): putting a person on it hands them the task.
_PUT_ON_IT = re.compile(
    r"\b(?:sätter|satte)\s+(?P<who>"
    + _CLAUSE_NAME
    + r")\s+på\s+(?:det|detta|den|uppgiften|saken)\b"
)
_INITIALS_ACT = re.compile(r"^(?P<who>[A-ZÅÄÖ]{2,3})\s+(?P<what>(?:" + _ACTION_VERBS + r")\b.+)$")


def _initials_of(name: str) -> str:
    return "".join(part[0] for part in re.split(r"[\s-]+", name) if part[:1].isupper())


# "Inköp av mikrofon Sven Hedlund ansvarar för att undersöka vilka krav som finns …" (real/items
# 182): a person who "ansvarar för att" + an infinitive takes on a task, a full name too, and a
# topic label a flattened text ran into the sentence may stand before the name. The name's first
# word must be a given name (the names lexicon): "Region Gotland ansvarar för att …" is a body.
_RESPONSIBLE_TO = re.compile(
    r"(?:^|\s)(?P<who>" + _FIRST + r"(?:\s+[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?)?)\s+"
    r"(?:ansvarar|har\s+ansvar(?:et)?|tar\s+ansvar(?:et)?)\s+för\s+att\s+"
    r"(?P<what>(?!(?:inte|ej)\b)[a-zåäö]+a\b.+)$"
)
# "… rutiner på sekretariatet där Ann-Sofie Weimarsson blir ansvarig för utskick och
# tryckning", "Nytt för mötet är att Linda Englund kommer framgent att ansvara för
# protokollskrivning …" (real/items 321): a person given a duty from now on takes on a task,
# inside a longer sentence too; as for _RESPONSIBLE_TO the first word must be a given name.
_BECOMES_RESPONSIBLE = re.compile(
    r"(?:^|\s)(?P<who>" + _FIRST + r"(?:\s+[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?)?)\s+"
    r"(?P<what>(?:blir|utses\s+till)\s+ansvarig\s+för\s+(?!(?:inte|ej)\b)[a-zåäö].+|"
    r"kommer\s+(?:(?:framgent|fortsättningsvis|hädanefter|framöver|i\s+fortsättningen)\s+)?"
    r"att\s+ansvara\s+för\s+[a-zåäö].+)$"
)
# "Johan kontaktar brandvakten och Albin beställer fyrverkeri": two people's tasks in one
# sentence; the "och" before the second name splits it when the first part has its own verb.
_SECOND_OWNER = re.compile(r"\s+och\s+(?=" + _FIRST + r"\s+(?:" + _ACTION_VERBS + r")\b)")


# "Ta fram en tidplan för flytten (PE).", "Boka lokal för workshop (Anna, Lisa)": an action in
# the imperative or the infinitive with its owner in parentheses at the end, as task lists write
# it (shapes/items 10), in running text too (no excerpt holds that yet: test_assignment_shapes). The sentence opens with the verb (a word ending in -a, or one of the
# short imperatives); a party's letters in parentheses ("Anna Berg (S)") are no owner.
_IMPERATIVES = r"undersök|skriv|bjud|hör|kolla|skicka|ta|gör|sätt|ring|mejla|maila|lägg"
_OWNER_AFTER_ACTION = re.compile(
    r"^(?P<what>(?:[A-ZÅÄÖ][a-zåäö]+a|(?i:" + _IMPERATIVES + r"))\s+[a-zåäö0-9].{3,}?)\s*"
    r"\((?P<who>(?:[A-ZÅÄÖ]{2,3}|"
    + _FIRST
    + r")(?:\s*(?:,|och|&)\s*(?:[A-ZÅÄÖ]{2,3}|"
    + _FIRST
    + r"))*)\)$"
)
# "Ta fram en kommunikationsplan (Ansvar: Eva).", "Planen tas fram till maj (ansvarig: Eva
# Lind)", "Uppdatera hemsidan – ansvar AB": a responsibility label names the owner at the end of
# a sentence, whatever its verb (the shapes; no excerpt holds them yet:
# test_assignment_shapes.py).
_OWNER_NAMES = (
    r"(?:[A-ZÅÄÖ]{2,3}|"
    + _CLAUSE_NAME
    + r")(?:\s*(?:,|och|&)\s*(?:[A-ZÅÄÖ]{2,3}|"
    + _CLAUSE_NAME
    + r"))*"
)
_LABELLED_OWNER = re.compile(
    r"^(?P<what>\S.{3,}?)\s*(?:\(\s*(?i:ansvar(?:ig)?|ansv\.)\s*:?\s*(?P<who>"
    + _OWNER_NAMES
    + r")\s*\)|\s[,–—-]?\s*(?i:ansvar(?:ig)?)\s*:?\s+(?P<after>"
    + _OWNER_NAMES
    + r"))$"
)
# A past giving with an earlier time before it: a year, "tidigare", "förra …", a month after "i".
_GIVEN_EARLIER = re.compile(
    r"(?i)^(?=.*\b(?:gav|gavs|fick|uppdrog|uppdrogs)\b)(?=.*(?<!till )(?<!senast )(?<!före )"
    r"(?:\b(?:19|20)\d{2}\b|\btidigare\b|\bförra\s+\w+|\bi\s+(?:" + _MONTH_WORDS + r")\b))"
)
# "- [ ] Boka lokal (Anna)", "- [x] …": a Markdown task list's box (GitHub's form).
_CHECKBOX = re.compile(r"^\[[ xX]?\]\s*")
_LISTED_OWNER_FIRST = re.compile(
    r"^(?P<who>" + _OWNER_NAMES + r")(?:\s*:\s*|\s+[–—-]\s+|\s+(?:to|will|att)\s+)(?P<what>\S.+)$"
)
# "Anna utses att ta fram ett förslag": appointed to do something is a task; "utses att
# justera protokollet" is the election of a justerare, a decision (real/items 13, 50).
_APPOINTED_TO = re.compile(
    r"^(?P<who>.+?)\s+(?:utses|utsågs)\s+att\s+(?P<what>(?!justera\b)[a-zåäö]+a\b.+)$"
)
# "Stefan Sjögren valdes att jämte ordförande signera dagens protokoll" (real/items 320), "… utsågs
# till sekreterare": an election after a known name is the meeting's decision, not a task.
_ELECTED = re.compile(
    r"(?i)^(?:valdes|omvaldes|nyvaldes|utsågs|utses|väljs)\s+(?:till\b|att\s+"
    r"(?:(?:jämte|tillsammans\s+med)\s+\S+\s+)?(?:justera|signera|underteckna)\b)"
)
# "Vi ber Lena att kontakta kommunen", "Styrelsen bad kansliet återkomma med …": asking someone
# to do something hands them the task.
_ASKED_TO = re.compile(
    r"\b(?:ber|bad)\s+(?P<who>(?:alla|samtliga)(?=\s)|"
    + _CLAUSE_NAME
    + r"(?:\s+(?:och|&)\s+"
    + _CLAUSE_NAME
    + r")?|[a-zåäö]+(?:et|en|na))\s+(?:att\s+)?(?P<what>(?!om\b)[a-zåäö]+a\b.+)$"
)
# "Nämnden önskar att Lena Jansson, rektor för Ek skola, för nämnden i februari redovisar hur
# …" (real/items 351): a body wishing that a named person reports or does something hands that
# person the task; the person's role may follow the name between commas, and the finite verb
# may come after a few words. The subject must be a body ("Nämnden", "Styrelsen").
_WISHES_THAT = re.compile(
    r"^(?P<body>\S+(?:\s+\S+){0,3}?)\s+(?:önskar|önskade|begär|begärde)\s+att\s+(?P<who>"
    + _CLAUSE_NAME
    + r")(?:\s*,[^,.]{2,80},)?\s+(?P<what>(?:[a-zåäö]+\s+){0,6}?[a-zåäö]{3,}(?:ar|er)\b.+)$"
)
# The letters of Swedish parties, which minutes put after a name in the same way.
_PARTY_CODES = frozenset(
    {"S", "M", "C", "V", "L", "KD", "MP", "SD", "FP", "FI", "PP", "NYD", "SPI", "KDS"}
)
# "Axel har mottagit underlaget, och kommer gå igenom det med revisorn" (the sentence of
# real/items 133, whose flattened title swallows its subject, so the excerpt still misses it):
# the second verb phrase of a coordination shares the first's subject, a first name.
_ELIDED_SUBJECT = re.compile(
    r"^(?P<who>"
    + _FIRST
    + r")\s+(?:(?:har|hade|är|var|[a-zåäö]+(?:ar|er|ir|de|te))\b[^.;]*?,?\s+och|"
    # "Våge framhöll vikten av att få in nya i styrelsen, han kommer att ringa runt" (real/items
    # 253): a pronoun after the comma takes up the first name.
    r"[a-zåäö]{3,}\b[^.;]*?,\s+(?:han|hon))\s+"
    r"(?:ska|skall|kommer\s+att|kommer)"
    r"\s+(?P<what>(?!vara\b|bara\b|kunna\b)(?:[a-zåäö]+a|gå|stå|se|nå)\b.+)$"
)


def responsible_for_it(sentence: str) -> list[str]:
    """The owners of a line that takes on what was said before ("Gunnar ansvarar för detta.",
    "Ansvar KA."), or []."""
    text = strip_final_period(strip_bullet(sentence)).strip().rstrip(".")
    match = _RESPONSIBLE_FOR_IT.match(text)
    if not match:
        return []
    who = match.group("who") or match.group("label") or ""
    names = [w for w in re.split(r"\s+(?:och|&)\s+", who.strip()) if w]
    if any(n.lower() in _NOT_OWNER | _PRONOUNS | _NOBODY for n in names):
        return []
    return names


def task_of_context(owners: list[str], context: str) -> ParsedAssignment | None:
    """The task of a "X ansvarar för detta" line: the sentences before it (up to about 300
    characters, whole sentences), with their time."""
    text = " ".join(context.split())
    if not owners or not text or text.endswith("?"):
        return None
    spans = list(sentence_spans(text))
    kept: list[str] = []
    for start, end in reversed(spans):
        piece = text[start:end].strip()
        if kept and sum(len(k) for k in kept) + len(piece) > 300:
            break
        kept.insert(0, piece)
    what, due = _due(strip_final_period(" ".join(kept)))
    return ParsedAssignment(assignees=owners, what=what, due_text=due) if what else None


# "Ansvarig: Per. Klart: v. 12", "Deadline: 15 mars": a label that gives the task before it its
# time (no excerpt holds it yet: test_assignment_shapes.py).
_DUE_LABEL = re.compile(r"(?i)^(?:klart?|deadline|senast|tidplan|när)\s*:\s*(?P<due>\S.{0,40})$")


def due_of_task_before(sentence: str) -> str | None:
    """The time a sentence such as "Analysen ska vara genomförd senast 30 november 2018" or
    "Klart: v. 12" sets for the task before it, or None."""
    text = strip_final_period(strip_bullet(sentence)).strip()
    match = _DONE_BY_TIME.match(text) or _DUE_LABEL.match(text)
    return strip_final_period(match.group("due")) if match else None


def _inverted_task(match: re.Match[str], clause: bool) -> ParsedAssignment | None:
    """The task of a clause whose verb comes before its subject (_INVERTED_TASK)."""
    rest = strip_final_period(match.group("rest"))
    if match.group("who"):
        who = match.group("who")
        if who.lower() in _NOT_OWNER or _ROLE_NOUN.search(who.lower()):
            return None
        if match.group("modal"):
            if not re.match(r"(?!vara\b|bara\b|kunna\b)[a-zåäö]+a\b", rest):
                return None
            what = rest
        else:
            what = f"{match.group('verb')} {rest}"
        what, due = _due(what)
        return ParsedAssignment(assignees=[who], what=what, due_text=due)
    body = match.group("body")
    if (
        match.group("verb")
        and _PERSON_ROLE_NOUN.search(body)
        and body not in _NOT_OWNER
        and _INVERTED_ROLE_VERBS.match(f"{match.group('verb')} {rest}")
    ):
        # "Då det endast finns en förening …, tar ordföranden kontakt med föreningen och
        # förklarar detta" (real/items 274): a person's role after the verb of a forward task.
        what, due = _due(f"{match.group('verb')} {rest}")
        return ParsedAssignment(assignees=[body], what=what, due_text=due)
    if (
        match.group("modal")
        and body not in _NOT_OWNER
        and is_body_subject(_capitalise(body))
        and (clause or _BODY_SHALL_VERBS.match(rest))
    ):
        what, due = _due(rest)
        return ParsedAssignment(assignees=[body], what=what, due_text=due)
    return None


def task_due(what: str) -> tuple[str, str | None]:
    """A task's wording without its time, and the time ("till nästa möte", "senast 1 oktober")."""
    return _due(what)


def _due(what: str) -> tuple[str, str | None]:
    match = _DUE.search(what)
    if not match or re.search(r"(?i)\b(?:kallar|kalla|sammankallar)\s*$", what[: match.start()]):
        # "Anna kallar till nästa möte": the meeting is what she calls, not her time.
        return what, None
    if match.start() > 0 and what[match.end() :].strip(" .,;"):
        # "Kanslichefen undersöker till nästa sammanträde möjligheten att …" (real/items 132):
        # a time inside the clause stays in its wording, which would not read without it.
        return what, match.group(0)
    rest = (what[: match.start()] + what[match.end() :]).strip()
    return re.sub(r"\s{2,}", " ", rest), match.group(0)


def _names_in(text: str, known: list[str]) -> list[str]:
    found = [(text.find(name), name) for name in known if name and name in text]
    return [name for _, name in sorted(found)]


def _subject(text: str, known: list[str]) -> list[str]:
    """Who a sentence's subject names: known people first, else its last capitalised words."""
    # "Att folkhälsoplaneraren får i uppdrag …" opens a decision clause (real/items 38).
    text = re.sub(r"^(?:att|Att)\s+", "", text.strip())
    names = _names_in(text, known)
    if names:
        return names
    tail = re.split(r",|\bsamt\b|\boch\b(?=\s+[A-ZÅÄÖ])|\bvilket\b", text)[-1].strip()
    run = _CAPITALISED_RUN.search(tail[-200:])
    if run and run.group(1).lower() not in _PRONOUNS:
        return [run.group(1)]
    return [tail] if tail and len(tail.split()) <= 4 else []


# "Janne bakar småkakor, Yvonne bullar, Tomas sockerkakor.": after a task, the comma's parts
# that are a given name and its object share the task's verb (a local-history association's
# notes, real/complete 404).
_ELIDED_VERB_PART = re.compile(
    r"^(?P<who>" + _FIRST + r")\s+(?P<what>[a-zåäö][\wåäö-]*(?:\s+[a-zåäö][\wåäö-]*){0,3})[,.]?$"
)


def _elided_verb_tasks(parts: list[str]) -> list[ParsedAssignment]:
    """The tasks of the parts after a task's own when every one of them is a given name and an
    object without a verb; otherwise none (the parts say something else)."""
    found = [_ELIDED_VERB_PART.match(part.strip()) for part in parts]
    matches = [m for m in found if m]
    if not parts or len(matches) < len(parts):
        return []
    if not all(is_given_name(m.group("who")) for m in matches):
        return []
    return [ParsedAssignment(assignees=[m.group("who")], what=m.group("what")) for m in matches]


def find_assignments(
    sentence: str, known: list[str], *, clause: bool = False, previous: str | None = None
) -> list[ParsedAssignment]:
    """Assignments in one sentence, or in a decision clause (clause=True), where a clause that
    starts with a person's name ("att Cecilia Grefve-Lang tar en inledande kontakt …") is one.
    previous is the sentence before, which "Gustav fixar." takes on."""
    text = strip_final_period(strip_bullet(sentence))
    if reports_earlier_decision(text):
        return []
    given_before = re.search(r"(?i)\buppdrag", text)
    if given_before and _GIVEN_EARLIER.search(text[: given_before.start()]):
        # "Regionfullmäktige gav 2017 regionstyrelsen i uppdrag att …", "I mars fick kansliet
        # i uppdrag …": background on a task given at an earlier time, none of this meeting's.
        return []
    checkbox = _CHECKBOX.match(text)
    if checkbox:
        text = text[checkbox.end() :]
    opening = _OPENING_IN_RUN.search(text) if len(text) > 250 else None
    if opening:
        # "… (ÖK) Beslutades att kansliet tar fram …" inside a flattened run: the decision's
        # clause starts there, as prose_decision reads it (real/items 272).
        text = text[opening.start() :]
    decided = _DECIDED_LEAD.match(text)
    label = None if decided else _ACTION_LABEL.match(text)
    lead = decided or label
    if lead:
        text, clause = text[lead.end() :], True
    if label or checkbox:
        # After a task label or a Markdown task box the owner may stand first, before a colon
        # or a dash, or as the English "Anna to send …" ("TODO: Josef – skicka enkäten",
        # "- [ ] Anna: boka lokal"): the label or the box says it is a task.
        listed = _LISTED_OWNER_FIRST.match(text)
        if listed:
            what, due = _due(listed.group("what"))
            who = [w for w in re.split(r"\s*(?:,|\boch\b|&)\s*", listed.group("who")) if w]
            return [ParsedAssignment(assignees=who, what=what, due_text=due)]
    next_label = _NEXT_MEETING_LABEL.match(text)
    if next_label:
        labelled = find_assignments(text[next_label.end() :], known, clause=True)
        for entry in labelled:
            entry.due_text = entry.due_text or next_label.group("due")
        return labelled
    if not text:
        return []
    second = _SECOND_OWNER.search(text)
    if second and re.search(r"\s[a-zåäö]{2,}", text[: second.start()]):
        # "Johan kontaktar brandvakten och Albin beställer fyrverkeri senast 15 april" (real/
        # items 134): each part is read on its own; "Mats och Sven tar …" is one task.
        leading = find_assignments(text[: second.start()], known, clause=clause)
        return leading + find_assignments(text[second.end() :], known, clause=clause)
    labelled_owner = _LABELLED_OWNER.match(text)
    if labelled_owner:
        who_text = labelled_owner.group("who") or labelled_owner.group("after")
        who = [w for w in re.split(r"\s*(?:,|\boch\b|&)\s*", who_text) if w]
        what, due = _due(labelled_owner.group("what").rstrip(" ,–—-"))
        return [ParsedAssignment(assignees=who, what=what, due_text=due)]
    appointed = _APPOINTED_TO.match(text)
    if appointed and appointed.group("who").lower() not in _PRONOUNS:
        what, due = _due(appointed.group("what"))
        return [
            ParsedAssignment(
                assignees=_subject(appointed.group("who"), known), what=what, due_text=due
            )
        ]
    asked = _ASKED_TO.search(text)
    if asked and (
        asked.group("who")[0].isupper()
        or is_body_subject(asked.group("who"))
        # "Martin bad alla ta en titt på iGov-profilen": a request to everyone present
        # (real/complete 341).
        or asked.group("who") in {"alla", "samtliga"}
    ):
        what, due = _due(asked.group("what"))
        who = re.split(r"\s+(?:och|&)\s+", asked.group("who"))
        return [ParsedAssignment(assignees=who, what=what, due_text=due)]
    wished = _WISHES_THAT.match(text)
    if wished and is_body_subject(wished.group("body")):
        what, due = _due(wished.group("what"))
        return [ParsedAssignment(assignees=[wished.group("who")], what=what, due_text=due)]
    everyone = _EVERYONE_ACTS.match(text)
    if everyone and (
        re.match(r"(?:" + _ACTION_VERBS + "|" + _FORWARD_VERBS + r")\b", everyone.group("what"))
        or (
            (_DUE.search(text) or _LATER_TIME.search(text))
            and not _NOT_A_TASK_VERB.match(everyone.group("what"))
        )
    ):
        what, due = _due(everyone.group("what"))
        return [ParsedAssignment(assignees=[everyone.group("who")], what=what, due_text=due)]
    put_on = _PUT_ON_IT.search(text)
    if put_on:
        return [ParsedAssignment(assignees=[put_on.group("who")], what=text.strip(), due_text=None)]
    initials = _INITIALS_ACT.match(text)
    if initials and initials.group("who") in {_initials_of(name) for name in known}:
        # "AB kontaktar kommunen": initials as the subject name the attendee whose initials
        # they are; letters nobody present has are an organisation ("KS tar fram …").
        what, due = _due(initials.group("what"))
        return [ParsedAssignment(assignees=[initials.group("who")], what=what, due_text=due)]
    noun = _TASK_NOUN.match(text)
    if noun and noun.group("who").lower() not in _PRONOUNS:
        what, due = _due(noun.group("what"))
        return [ParsedAssignment(assignees=[noun.group("who").strip()], what=what, due_text=due)]
    if previous and _HISTORICAL.search(previous) and re.search(r"\b(?:åtog|lovade)\b", text):
        # "Vid möte den 24:e uttryckte Per … Tomas åtog sig att …": an earlier task (corpus 05).
        return []
    owner = _RESPONSIBLE.match(text)
    if owner and previous and not previous.rstrip().endswith("?"):
        # "Informera projektgruppen. Ansvarig: Erik J." (shapes/items 11).
        task = strip_final_period(strip_bullet(previous))
        label = _ACTION_LABEL.match(task)
        what, due = _due(task[label.end() :] if label else task)
        due = owner.group("due") or due
        who = [w.strip() for w in re.split(r",\s*|\s+och\s+|\s*&\s*", owner.group("who"))]
        return [ParsedAssignment(assignees=[w for w in who if w], what=what, due_text=due)]
    takes = _NAME_TAKES_IT.match(text)
    if takes and previous and not previous.rstrip().endswith("?"):
        what, due = _due(strip_final_period(strip_bullet(previous)))
        if not _NAME_TAKES_IT.match(what):
            who = re.split(r"\s+(?:och|&)\s+", takes.group("who"))
            return [ParsedAssignment(assignees=who, what=what, due_text=due)]
    until = _UNTIL_NEXT.match(text)
    if until:
        rest = until.group("rest")
        names = [n for n in _names_in(rest, known) if rest.startswith(n)]
        if names:
            who = names
            what = rest[len(names[0]) :].strip()
        else:
            first, _, what = rest.partition(" ")
            who = [first]
            if first.lower() in _PRONOUNS | _NOT_OWNER:
                # "Till nästa möte ska de få en redovisning": a pronoun names no owner
                # (real/items 41).
                return []
        return [ParsedAssignment(assignees=who, what=what.strip(), due_text=until.group("due"))]
    shall = _SHALL_UNTIL_NEXT.match(text)
    if shall:
        return [
            ParsedAssignment(
                assignees=_subject(shall.group("who"), known),
                what=shall.group("what").strip(),
                due_text=shall.group("due"),
            )
        ]
    for pattern in (_GIVE_TASK, _TASK_TO):
        match = pattern.search(text)
        if match and _RELATIVE_BEFORE.search(text[: match.start()]):
            # "… framgår 38 ärenden som nämnden uppdragit åt förvaltningschefen att bereda
            # eller handlägga": a relative clause describes tasks given before, none of this
            # meeting's (a region's patientnämnd, real/items 362).
            continue
        if match:
            what, due = _due(match.group("what"))
            return [
                ParsedAssignment(assignees=[match.group("who").strip()], what=what, due_text=due)
            ]
    given = _GIVEN_TASK.match(text)
    if given and given.group("who").strip().lower() not in {"", *_PRONOUNS, *_NOT_OWNER}:
        what, due = _due(given.group("what"))
        return [
            ParsedAssignment(assignees=_subject(given.group("who"), known), what=what, due_text=due)
        ]
    take = _TAKE_QUESTION.search(text)
    if take:
        before = text[: take.start()]
        before = re.sub(r"\s+(?:att|kommer att|ska)\s*$", "", before)
        what, due = _due((take.group("verb") + take.group("after")).strip())
        return [ParsedAssignment(assignees=_subject(before, known), what=what, due_text=due)]
    owned = _OWNER_AFTER_ACTION.match(text)
    if owned:
        who = [w for w in re.split(r"\s*(?:,|\boch\b|&)\s*", owned.group("who")) if w]
        if not any(w in _PARTY_CODES for w in who):
            what, due = _due(owned.group("what").rstrip(" ,–-"))
            return [ParsedAssignment(assignees=who, what=what, due_text=due)]
    elided = _ELIDED_SUBJECT.match(text)
    if elided and elided.group("who").lower() not in _NOT_OWNER:
        what, due = _due(elided.group("what"))
        return [ParsedAssignment(assignees=[elided.group("who")], what=what, due_text=due)]
    # A short topic label may open the sentence: "Lokal: Josef fixar lokal …".
    parts = re.split(r"(?<=[,;:])\s+|\s+–\s+", text)
    for k, part in enumerate(parts):
        # With a due date a full name's action is a task in the discussion too ("Cia Dahl
        # sammanställer en rapport till nästa möte", shapes/items 17).
        acts = _CLAUSE_NAME_ACTS if clause or _DUE.search(part) else _NAME_ACTS
        for pattern in (acts, _NAME_WILL, _NAME_PROMISED, _NAME_SHALL, _SHALL_NAME):
            found = pattern.match(part.strip())
            if found and pattern in (acts, _NAME_WILL) and found.group("initials"):
                what, due = _due(strip_final_period(found.group("what")))
                return [ParsedAssignment([found.group("initials")], what=what, due_text=due)]
            first = found.group("who").split()[0].lower() if found else ""
            if found and not clause and is_body_subject(found.group("who")):
                timed = _DUE.search(part) or _LATER_TIME.search(part)
                if (timed and _BODY_TASK_VERBS.match(found.group("what"))) or (
                    pattern is acts and _BODY_LOOKS_INTO.match(found.group("what"))
                ):
                    # "Kansliet återkommer med ett förslag till nästa möte": with a time set,
                    # a body's "återkommer", "tar fram" is its task.
                    what, due = _due(strip_final_period(found.group("what")))
                    return [ParsedAssignment([found.group("who")], what=what, due_text=due)]
                # "Förvaltningen bokar ofta …" in the discussion is a body's habit, not a task
                # given at this meeting; inside a decision it is one (above).
                continue
            if found and pattern in (_NAME_SHALL, _SHALL_NAME) and _DEFINITE_NOUN.search(first):
                # "Föreningen skall ha sin hemvist …" (statutes, corpus 08) is no task.
                if not any(name.split()[0].lower() == first for name in known if name):
                    continue
            # "Föredragande informerar", "Ordföranden tar …": a role, not a name.
            if (
                found
                and first not in _NOT_OWNER
                and (
                    not _ROLE_NOUN.search(first)
                    or _ROLE_TASK_VERBS.match(found.group("what"))
                    or _RIGHT_AWAY.search(part)
                )
            ):
                what, due = _due(strip_final_period(found.group("what")))
                who = re.split(r"\s+(?:och|&)\s+", _ROLE_IN_PARENS.sub("", found.group("who")))
                return [
                    ParsedAssignment(assignees=who, what=what, due_text=due),
                    *_elided_verb_tasks(parts[k + 1 :]),
                ]
    inverted = _INVERTED_TASK.search(text)
    if inverted:
        found_task = _inverted_task(inverted, clause)
        if found_task:
            return [found_task]
    shall = _BODY_SHALL.match(text)
    if (
        shall
        and shall.group("who").lower() not in _NOT_OWNER
        # "För att piloterna ska kunna starta bör vi …": a purpose clause before the main one,
        # no subject (real/complete 342).
        and not _SUBORDINATE_OPENING.match(shall.group("who"))
        and (is_body_subject(shall.group("who")) or _ROLE_NOUN.search(shall.group("who")))
        and (clause or _BODY_SHALL_VERBS.match(shall.group("what")))
    ):
        # A body's "ska återkomma med …" in the discussion, any "ska" + infinitive in a
        # decision (real/items 132, 135); "Förvaltningen ska arbeta för …" stays a statement.
        what, due = _due(shall.group("what"))
        return [ParsedAssignment(assignees=[shall.group("who")], what=what, due_text=due)]
    done_by = _DONE_BY.match(text)
    doer = done_by.group("who") if done_by else ""
    if (
        done_by
        # "… genomförs om den efterfrågas av gymnasiecheferna": the passive of a condition, not
        # a task handed out (real/items 28).
        and not _CONDITION_BEFORE.search(done_by.group("what"))
        and doer.lower() not in _NOT_OWNER
        # A lower-case doer is a definite role or body ("genom ordföranden"); "… ska ersättas av
        # riktlinjer för …" names no one (real/items 53).
        and (doer[:1].isupper() or re.search(r"(?:en|et|na)$", doer.split()[0]))
        and not is_body_subject(doer)
        and (not _DEFINITE_NOUN.search(doer.split()[0]) or _ROLE_NOUN.search(doer))
    ):
        what, due = _due(done_by.group("what"))
        return [ParsedAssignment(assignees=[done_by.group("who")], what=what, due_text=due)]
    person = _CLAUSE_PERSON_ACTS.match(text) if clause else None
    if (
        person
        and not _DEFINITE_NOUN.search(person.group("who").split()[0])
        and not is_body_subject(person.group("who"))
        and person.group("who").lower() not in _NOT_OWNER | _NOBODY
    ):
        what, due = _due(person.group("what"))
        return [ParsedAssignment(assignees=[person.group("who")], what=what, due_text=due)]
    body = _BODY_ACTS.match(text) if clause else None
    if body and is_body_subject(body.group("who")):
        what, due = _due(body.group("what"))
        return [ParsedAssignment(assignees=[body.group("who")], what=what, due_text=due)]
    for name in known if clause else ():
        if (
            text.startswith(name + " ")
            and text[len(name) + 1 : len(name) + 2].islower()
            and not _ELECTED.match(text[len(name) + 1 :])
        ):
            what, due = _due(text[len(name) :].strip())
            return [ParsedAssignment(assignees=[name], what=what, due_text=due)]
    responsible = _RESPONSIBLE_TO.search(text)
    if responsible and is_given_name(responsible.group("who").split()[0]):
        what, due = _due(responsible.group("what"))
        return [ParsedAssignment(assignees=[responsible.group("who")], what=what, due_text=due)]
    becomes = _BECOMES_RESPONSIBLE.search(text)
    if becomes and is_given_name(becomes.group("who").split()[0]):
        what = re.sub(
            r"^(?:blir|utses\s+till)\s+|^kommer\s+(?:\S+\s+)*?att\s+", "", becomes.group("what")
        )
        what, due = _due(what)
        return [ParsedAssignment(assignees=[becomes.group("who")], what=what, due_text=due)]
    heading = _HEADING_RUN_IN.match(text) if not clause else None
    if heading and not _FINITE_WORD.search(heading.group("head")):
        # "Delprojekt 1: Kalkning av biflöden Hanna kommer att sammankalla …": a flattened
        # sub-heading (no verb of its own) runs into the sentence that names the owner
        # (real/items 93).
        return find_assignments(text[heading.end() :], known)
    return []


# Amounts ------------------------------------------------------------------------------------

_AMOUNT = re.compile(
    r"(?<![\w,.\-−])(?P<q>(?:ca|cirka|ungefär|drygt|knappt|runt)\.?\s+)?"
    r"(?P<num>[-−]?\d{1,3}(?: \d{3})+|[-−]?\d+)(?:,(?P<dec>\d+))?\s*"
    r"(?P<unit>miljoner kronor|miljoner kr|milj\.? kr|miljarder kronor|mnkr|mkr|msek|tkr|ksek|"
    r"tusen kronor|kronor|kr|sek)(?![\w])",
    re.IGNORECASE,
)
_MULTIPLIERS = {
    "miljoner kronor": 1_000_000,
    "miljoner kr": 1_000_000,
    "milj kr": 1_000_000,
    "milj. kr": 1_000_000,
    "mnkr": 1_000_000,
    "mkr": 1_000_000,
    "msek": 1_000_000,
    "miljarder kronor": 1_000_000_000,
    "tkr": 1_000,
    "ksek": 1_000,
    "tusen kronor": 1_000,
}


def find_amounts(text: str) -> list[ParsedAmount]:
    amounts: list[ParsedAmount] = []
    for match in _AMOUNT.finditer(text):
        digits = match.group("num").replace(" ", "").replace("−", "-")
        try:
            value = float(f"{digits}.{match.group('dec')}" if match.group("dec") else digits)
        except ValueError:
            continue
        multiplier = _MULTIPLIERS.get(match.group("unit").lower(), 1)
        kronor = round(value * multiplier)
        if abs(kronor) > 10**15:
            continue
        amounts.append(ParsedAmount(text=match.group(0).strip(), kronor=kronor))
    return amounts


# Attachments, outcomes, next meeting --------------------------------------------------------

_SEE = re.compile(r"^se\s+(?:även\s+|också\s+)?(?P<what>.+)$", re.IGNORECASE)
_SEE_PAREN = re.compile(r"\(\s*se\s+(?:även\s+|också\s+)?(?P<what>[^()]+)\)", re.IGNORECASE)
_BILAGA = re.compile(r"^bilag(?:a|an|or)\s*[–:\-]\s*(?P<what>.+)$", re.IGNORECASE)
_ATTACHED = re.compile(r"^(?P<what>.+?)\s+bifogas\b", re.IGNORECASE)
_LINK = re.compile(r"\[(?P<text>[^\]\n]+)\]\((?P<url>[^)\s]*)\)")


def title_attachments(title: str) -> tuple[str, list[str]]:
    """Split "Struktur … (se PPT)" into the title and its references."""
    found = [m.group("what").strip() for m in _SEE_PAREN.finditer(title)]
    cleaned = _SEE_PAREN.sub("", title)
    return re.sub(r"\s{2,}", " ", cleaned).strip(), found


def replace_links(text: str) -> tuple[str, list[str]]:
    links = [m.group("text").strip() for m in _LINK.finditer(text)]
    return _LINK.sub(lambda m: m.group("text"), text), links


def sentence_attachment(sentence: str) -> str | None:
    text = strip_bullet(sentence).strip()
    for pattern in (_SEE, _BILAGA, _ATTACHED):
        match = pattern.match(text)
        if match:
            what = strip_final_period(match.group("what"))
            return what or None
    return None


_OUTCOME = re.compile(
    r"\b(?:läggs|lades|lägges)\s+till\s+(?:handlingarna|protokollet)\b|"
    r"^(?:ärendet|punkten|frågan)\s+(?:utgår|bordläggs|bordlades|återremitteras|återremitterades)\b",
    re.IGNORECASE,
)


def outcome(sentence: str) -> str | None:
    text = strip_bullet(sentence).strip()
    if _OUTCOME.search(text):
        return strip_final_period(text)
    return None


_NEXT_MEETING = re.compile(
    r"\bnästa\s+(?:möte|träff|sammanträde|styrgruppsmöte)\w*\b", re.IGNORECASE
)


def next_meeting(sentence: str, reference: dt.date | None) -> ParsedNextMeeting | None:
    text = strip_bullet(sentence).strip()
    match = _NEXT_MEETING.search(text)
    if not match:
        return None
    found = find_date(text[match.end() :], reference)
    if not found:
        return None
    return ParsedNextMeeting(date=found.date, text=strip_final_period(text))

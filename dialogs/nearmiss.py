"""Lines that nearly are commands: a keyword misspelt, a keyword without its colon, or a
recorder's line that reads as a decision. They get the accepted form back ("Menade du
`beslut: …`?"), a decision with a one-click confirm; never a search of the record."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from dialogs import cards, choices
from dialogs.context import CommandContext
from dialogs.registry import Command, Registry
from dialogs.text import fold

# A first word that makes the line a question, not a command (Swedish and English).
QUESTION_WORDS = {
    "vad", "vem", "vems", "vilka", "vilken", "vilket", "nar", "hur", "varfor", "var",
    "finns", "har", "kan", "ska", "what", "who", "whose", "when", "which", "how", "why",
    "did", "does", "do", "is", "are", "was", "were", "can", "has", "have",
}  # fmt: skip
# A keyword followed by one of these reads as a phrase ("beslut om …"), not a command.
PREPOSITIONS = {
    "om", "i", "fran", "av", "for", "pa", "till", "med", "under", "efter", "mot", "kring",
    "about", "on", "from", "in", "of", "to", "with", "since", "after",
}  # fmt: skip
# Swedish (and English) verb forms that decisions in minutes are written with.
DECISION_LIKE = re.compile(
    r"\b(?:beslutar|beslöt|beslöts|beslutade|beslutades|beslutas|godkänner|godkänns|godkändes|fastställer|fastställs|"
    r"fastställdes|antar|antas|antogs|bifaller|bifalls|bifalles|biföll|bifölls|avslår|avslås|"
    r"avslogs|uppdrar|uppdras|tillstyrker|tillstyrks|valdes|utsågs|utses|(?:läggs|lades) till handlingarna|"
    r"decides|resolves|approves)\b",
    re.IGNORECASE,
)
COLON_HEAD = re.compile(r"^([^:\n]{1,40}):(?=\s|$)(.*)$", re.DOTALL)
CUTOFF = 80.0


def _is_question(first_line: str) -> bool:
    words = re.findall(r"[\wåäöé]+", fold(first_line))
    return first_line.rstrip().endswith("?") or (bool(words) and words[0] in QUESTION_WORDS)


def _colon_words(registry: Registry) -> dict[str, tuple[str, str, Command]]:
    out: dict[str, tuple[str, str, Command]] = {}
    for cmd in registry.commands:
        if cmd.arg not in ("colon", "optional_colon"):
            continue
        for lang, words in (("sv", cmd.words_sv), ("en", cmd.words_en)):
            for word in words:
                out.setdefault(fold(word), (word, lang, cmd))
    return out


async def _recorder_in_meeting(ctx: CommandContext) -> bool:
    from dialogs.people import can_manage
    from storage.directory import body_for_conversation
    from storage.meetings import open_meeting_in

    body = await body_for_conversation(ctx.session, ctx.turn.tenant_id, ctx.turn.binding_id)
    if body is None:
        return False
    meeting = await open_meeting_in(ctx.session, body.id, ctx.turn.binding_id)
    return meeting is not None and await can_manage(ctx, body, meeting)


async def answer(ctx: CommandContext, text: str, registry: Registry) -> bool:
    """Answer a near miss; False when the text is not one (it is then a question)."""
    stripped = text.strip()
    first = stripped.split("\n", 1)[0]
    if not first or _is_question(first):
        return False
    words = _colon_words(registry)
    suggestion: tuple[str, str, Command | None] | None = None  # (text, lang, command)

    m = COLON_HEAD.match(stripped)
    if m and fold(m.group(1)) not in words and len(m.group(1).split()) <= 3:
        got = process.extractOne(
            fold(m.group(1)), list(words), scorer=fuzz.ratio, score_cutoff=CUTOFF
        )
        if got is not None:
            word, lang, named = words[got[0]]
            suggestion = (f"{word}: {m.group(2).strip()}", lang, named)

    recorder: bool | None = None
    if suggestion is None and not m:
        folded = fold(first)
        for key in sorted(words, key=len, reverse=True):
            if not folded.startswith(key + " "):
                continue
            following = folded[len(key) :].split()
            if not following or following[0] in PREPOSITIONS:
                break
            recorder = await _recorder_in_meeting(ctx)
            if recorder:
                word, lang, named = words[key]
                rest = " ".join(stripped.split()[len(key.split()) :]).lstrip("-–—:. ")
                suggestion = (f"{word}: {rest}", lang, named)
            break

    if suggestion is None and DECISION_LIKE.search(stripped):
        if recorder is None:
            recorder = await _recorder_in_meeting(ctx)
        if recorder:
            word = "decision" if ctx.lang == "en" else "beslut"
            suggestion = (f"{word}: {stripped}", ctx.lang, None)

    if suggestion is None:
        return False
    form, lang, cmd = suggestion
    ctx.lang = lang
    is_decision = cmd is None or cmd.name == "cmd_decision"
    if not is_decision:
        ctx.say(
            f"Menade du `{form}`? Kommandot skrivs med kolon efter ordet. Inget sparades.",
            f"Did you mean `{form}`? The command is written with a colon after the word. "
            "Nothing was saved.",
        )
        return True
    button = choices.option(ctx, "Spara som beslut", "Save as decision", text=form)
    question = ctx.t(
        f"Menade du `{form}`? Spara det som beslut med knappen, eller skriv det så. "
        "Inget sparades än.",
        f"Did you mean `{form}`? Save it as a decision with the button, or type it that way. "
        "Nothing was saved yet.",
    )
    ctx.card(
        cards.card(
            [cards.text(question)],
            [cards.execute(ctx.t(button.title_sv, button.title_en), "rerun", button.data)],
        ),
        question,
    )
    return True

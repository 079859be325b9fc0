from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class UserError(Exception):
    """An expected failure: its message goes to the user as it is, in their language.

    The turn's transaction rolls back, so nothing the turn did is stored.
    """

    def __init__(self, sv: str, en: str | None = None) -> None:
        super().__init__(sv)
        self.sv = sv
        self.en = en or sv

    def message(self, lang: str) -> str:
        return self.en if lang == "en" else self.sv

    def card(self, lang: str) -> dict[str, Any] | None:
        """A card to answer with instead of the text (a question with buttons), or None."""
        return None


@dataclass(frozen=True)
class Option:
    """One button of a question: its title and the data of the `rerun` action it sends."""

    title_sv: str
    title_en: str
    data: dict[str, Any] = field(default_factory=dict)


class Choice(UserError):
    """A question the user answers with a button; nothing is stored until they do.

    Each option re-runs the command with the choice made (dialogs/choices.py)."""

    def __init__(self, sv: str, en: str, options: list[Option]) -> None:
        super().__init__(sv, en)
        self.options = options

    def card(self, lang: str) -> dict[str, Any] | None:
        from dialogs import cards

        return cards.card(
            [cards.text(self.message(lang))],
            [
                cards.execute(o.title_en if lang == "en" else o.title_sv, "rerun", o.data)
                for o in self.options
            ],
        )

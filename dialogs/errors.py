from __future__ import annotations


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

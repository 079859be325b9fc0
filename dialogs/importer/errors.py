"""The one expected failure of an import: a file we cannot read as text."""

from __future__ import annotations


class ImportFormatError(Exception):
    """The file cannot be read; the messages tell the user what to convert it to."""

    def __init__(self, message_sv: str, message_en: str) -> None:
        super().__init__(message_sv)
        self.message_sv = message_sv
        self.message_en = message_en

    def __reduce__(self) -> tuple[type[ImportFormatError], tuple[str, str]]:
        # Crosses from the import worker process; the default pickling would lose message_en.
        return (ImportFormatError, (self.message_sv, self.message_en))

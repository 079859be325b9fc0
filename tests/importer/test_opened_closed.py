"""The meeting's times from the § that opens or closes it, when the header gives none."""

from __future__ import annotations

import datetime as dt

import pytest

from dialogs.importer.dates import opened_closed
from dialogs.importer.parse import parse_minutes

T = dt.time


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Mötet förklaras öppnat 19:54", (T(19, 54), None)),
        ("Ordföranden förklarade mötet avslutat kl. 20.36", (None, T(20, 36))),
        ("Mötets avslutande. Mötet avslutas 18:05.", (None, T(18, 5))),
        ("Mötet öppnades av Samuel Hammersberg kl 14:30", (T(14, 30), None)),
        ("Sammanträdet stängdes 16.05", (None, T(16, 5))),
        ("Mötet öppnas. 12:10-ish", (T(12, 10), None)),
        # A planned time before the verb is not when it opened.
        ("Mötet planeras att öpnnas 17:00 Mötet öppnades #time", (None, None)),
        # No meeting named: a project closing is not the meeting closing.
        ("Projektet avslutades 2024-05-01 kl. 12.00 enligt plan.", (None, None)),
        ("Beslutet om att avsluta projektet fattades på mötet.", (None, None)),
    ],
)
def test_opened_closed(text: str, want: tuple[dt.time | None, dt.time | None]) -> None:
    assert opened_closed(text) == want


def test_minutes_take_their_end_from_the_closing_paragraph() -> None:
    text = (
        "Protokoll styrelsemöte 2024-03-05 kl. 18.00\n\n"
        "Närvarande: Anna Berg, Olle Ek\n\n"
        "§ 1 Mötets öppnande\nOrdföranden förklarade mötet öppnat 18.07.\n\n"
        "§ 2 Budget\nStyrelsen beslutar att anta budgeten.\n\n"
        "§ 3 Mötets avslutande\nMötet avslutades kl. 19.42.\n"
    )
    minutes = parse_minutes(text, "styrelsen.txt")
    # The header's time stays the start; the closing § gives the end.
    assert (minutes.start_time, minutes.end_time) == (T(18, 0), T(19, 42))
    untimed = parse_minutes(text.replace(" kl. 18.00", ""), "styrelsen.txt")
    assert (untimed.start_time, untimed.end_time) == (T(18, 7), T(19, 42))

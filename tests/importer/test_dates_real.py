"""The meeting's date as Swedish minutes write it, table-driven.

Every row is a line (or a few lines) as real public minutes write their date, run through the
importer's whole path (parse_minutes) with the expected ISO date written by hand. Sources:
tests/importer/real/items/real_03, _05, _08, _21, _23 (excerpts already in the repo), and title
and header lines of public minutes found on the web (docplayer.se transcripts of kommunstyrelse
and nämnd protocols from Timrå, Robertsfors, Tjörn; Föreningen Nordens styrelse; Amnesty's
styrelse; a samordningsgrupp's protocol; Vårdsamverkan Fyrbodal's notes; culturum.se's template
following the SIS layout). Names of bodies are changed or dropped where they do not matter.

How ambiguous forms are read (the importer must do the same):
- Three groups of two digits ("04.04.21", "24-10-21", "120612") can be yy-mm-dd, as Swedish
  numeric dates are written (SS-ISO 8601 short form, and the six-digit "yymmdd" of file names
  and personnummer), or dd-mm-yy as dotted dates are also written. A reading must be a valid
  date between 1990 and next year. When both are, the one whose year lies nearest the other
  years the document or its file name states wins ("04.04.21" in a text that speaks of "år
  2005" is 2004-04-21, "10.03.08" beside "budget 2008" is 2008-03-10); with no other year,
  year first (Swedish order).
- "12.6.12" and "12/6 2012", "12/6-2012" are day first, as Swedish writes a day and month with
  a slash or a dot; a four-digit year is never ambiguous.
- A date range ("26-27 januari 2002", "22-23 sep 2015") is the meeting's first day.
- A date without a year ("Datum: måndag 4 april") takes the year of the file name or of the
  document's other dates; with none, there is no date (a year is not guessed).
- Dates after a justering, anslag, next-meeting, deadline or print cue ("Justeringen gjordes",
  "Justeringens plats och tid", "Anslaget uppsatt", "Nästa möte", "senast", "Utskriftsdatum")
  are never the meeting's date, nor are dates inside an item's (§) text.
- With no date in the header, a date with a year right after words that say a meeting was held
  on it ("Styrelsemötet 230412", "nämnden beslutade 12 april 2018 att:", "vid sammanträdet den
  …") anywhere in the text, not one of another meeting ("ett extra möte", "föregående möte").
- The file name is the last resort, after everything in the text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dialogs.importer.parse import parse_minutes

ROWS: list[tuple[str, str, str | None, str | None]] = [
    # --- the forms, as a title or header line ---------------------------------------------
    ("iso", "Protokoll styrelsemöte 2012-06-12", None, "2012-06-12"),
    ("long", "Protokoll styrelsemöte 12 juni 2012", None, "2012-06-12"),
    ("weekday_den", "Styrelsemöte tisdagen den 12 juni 2012", None, "2012-06-12"),
    ("slash_space_year", "Protokoll styrelsemöte den 12/6 2012", None, "2012-06-12"),
    ("slash_dash_year", "Protokoll styrelsemöte 12/6-2012", None, "2012-06-12"),
    ("six_digits", "Protokoll 120612", None, "2012-06-12"),
    ("spaced_iso", "Styrelsemöte 2012 06 12", None, "2012-06-12"),
    ("dotted_full", "Protokoll årsmöte 12.06.2012", None, "2012-06-12"),
    ("dotted_short", "Protokoll 12.6.12", None, "2012-06-12"),
    ("short_iso_dashes", "Protokoll arbetsutskottet 24-10-21", None, "2024-10-21"),
    ("sammantradesdatum_inline", "Sammanträdesdatum 2012-06-12", None, "2012-06-12"),
    # culturum.se's SIS template: the label on one line, the date on the next.
    ("sammantradesdatum_next_line", "PROTOKOLL\nSammanträdesdatum\n2012-06-12", None, "2012-06-12"),
    ("tid_with_clock", "Tid: 2012-06-12 kl. 13.00–16.00", None, "2012-06-12"),
    ("motesdatum", "Mötesdatum: 2012-06-12", None, "2012-06-12"),
    ("tid_och_plats", "Tid och plats: 2012-06-12 kl. 13.00–16.00, Kommunhuset", None, "2012-06-12"),
    ("tid_weekday_long", "Tid: onsdag 12 juni 2024 kl 13:00-15:30", None, "2024-06-12"),
    ("title_with_clock", "Protokoll styrelsemöte 2012-06-12 kl. 18.00", None, "2012-06-12"),
    # Year from the file name; without any year there is no date.
    ("no_year_filename", "Datum: måndag 4 april", "styrelsemote_2022.docx", "2022-04-04"),
    ("no_year_no_context", "Datum: måndag 4 april", None, None),
    ("no_year_doc_year", "Styrelsemöte\nDatum: 12 juni\n§ 1 Budget 2012", None, "2012-06-12"),
    # --- from real minutes ----------------------------------------------------------------
    # Amnesty's styrelse (medlem.amnesty.se): a two-day meeting.
    ("range_long", "Möte med sektionens styrelse den 26-27 januari 2002", None, "2002-01-26"),
    # real_21: the title's date, then the date the notes were written, then "Dag:" with a range.
    (
        "real21_dag_range",
        "Minnesanteckning 2015-09-22\n\n2015-10-05\nMinnesanteckningar arbetsgrupp\nDag:\n"
        "22-23 sep 2015\nPlats:\nHooks Herrgård, Hook\nDeltagare:\nGunnel Lindell (ordf.)",
        None,
        "2015-09-22",
    ),
    ("dag_range_alone", "Dag:\n22-23 sep 2015", None, "2015-09-22"),
    # real_05: six digits in the title; the text speaks of 2017 and 2018.
    (
        "real05_six_digits",
        "Protokoll 180414\n\nNärvarande: Peder Westerberg, Mari Johansson\n\n"
        "1. Godkännande av verksamhetsberättelse 2017\nBeslut: Godkändes\n\n"
        "2. Godkännande av budget 2018\nBeslut: Godkändes",
        None,
        "2018-04-14",
    ),
    # real_08: eight digits in the title, "Dag" with a spaced date.
    (
        "real08_spaced",
        "Styrelseprotokoll 20160827\nSTYRELSEN ÖSTBY VÄGSAMFÄLLIGHET\nPROTOKOLL\n"
        "Dag 2016 08 27\nPlats: Hos Jörgen Sundberg, Tegen",
        None,
        "2016-08-27",
    ),
    ("dag_spaced_alone", "Dag 2016 08 27", None, "2016-08-27"),
    # real_03: "04.04.21" and "år 2005" later: 2004-04-21, not 2021-04-04.
    (
        "real03_dotted_context",
        "SAMMANTRÄDESPROTOKOLL\nFRÅN STYRELSEMÖTE I FÖRENINGSLOKALEN 04.04.21 kl 17.00-19.15.\n"
        "Närvarande Nils Bondeson, ordförande, Werner Ahlgren\n\n§ 35 Sammanträdets öppnande\n"
        "Ordföranden öppnade sammanträdet.\n\n§ 39 Inbjudan\nKommunen kallar till möte om "
        "ett evenemang år 2005 (totalt åtta veckor).",
        None,
        "2004-04-21",
    ),
    ("dotted_no_context_year_first", "Styrelsemöte 04.04.21", None, "2004-04-21"),
    ("dotted_day_first_by_context", "Styrelsemöte 10.03.08\n§ 1 Budget 2008", None, "2008-03-10"),
    ("dotted_year_first_impossible", "Styrelsemöte 31.12.21", None, "2021-12-31"),
    ("six_digits_year_first_impossible", "Protokoll 311221", None, "2021-12-31"),
    # real_23: a flattened notice whose running header carries the day it was sent.
    (
        "real23_flattened_datum",
        "Socialnämnden Kallelse/Underrättelse 3 februari 2015 1 (7) Till ledamöterna i "
        "socialnämnden Kallelse till socialnämndens sammanträde: Datum: Tisdagen den 10 februari "
        "2015 Plats: Bornholm plan 4, Rådhuset Ordinarie ledamot som inte kan delta anmäler "
        "detta till sekreteraren.",
        None,
        "2015-02-10",
    ),
    # Föreningen Norden (docplayer.se 3086062): a flattened header and a capitalised title.
    (
        "flattened_datum_tid_plats",
        "Datum: Tisdagen den 16 september 2008 Tid: Kl Plats: Norra Latin, (Norra Bantorget)",
        None,
        "2008-09-16",
    ),
    (
        "upper_case_title",
        "PROTOKOLL FÖRT VID FÖRENINGENS STYRELSEMÖTE MÅNDAGEN DEN 16 SEPTEMBER 2008",
        None,
        "2008-09-16",
    ),
    # A samordningsgrupp's protocol (docplayer.se 3354463).
    (
        "title_den_long_place",
        "Protokoll från samordningsgruppens möte den 1 april 2004 i Västerås",
        None,
        "2004-04-01",
    ),
    # Robertsfors (docplayer.se 24389463): "Plats och tid", the place first.
    (
        "plats_och_tid",
        "Plats och tid Kommunkontoret onsdagen den 21 november 2018 kl. 08:30-14:00, "
        "ajournering för lunch 12:15-13:00",
        None,
        "2018-11-21",
    ),
    # Vårdsamverkan Fyrbodal's notes: a place and a date on one line.
    ("place_then_date", "Vänersborg 2016-01-20\nNärvarande\nMaria Lind", None, "2016-01-20"),
    # Timrå (docplayer.se 1935769): page 2 names the meeting's day.
    (
        "arenden_till_den",
        "Protokoll 2 Ärenden till kommunstyrelsen den 9 september 2014",
        None,
        "2014-09-09",
    ),
    # --- dates that are not the meeting's ------------------------------------------------
    ("next_meeting_only", "Nästa möte 2012-09-12", None, None),
    (
        "next_meeting_after",
        "Protokoll styrelsemöte 2012-06-12\nNästa möte 2012-09-12",
        None,
        "2012-06-12",
    ),
    (
        "next_meeting_before_label",
        "Styrelsemöte\nNästa möte: 2012-09-12\nDatum: 2012-06-12",
        None,
        "2012-06-12",
    ),
    ("justering_only", "Justeringen gjordes 2012-06-15", None, None),
    ("anslag_only", "Anslaget 2012-06-20", None, None),
    ("anslag_uppsatt", "Protokoll styrelsen\nAnslaget uppsatt den 2012-06-20", None, None),
    # Timrå (docplayer.se 3088185): the justering's place and time is not the meeting's.
    (
        "justeringens_plats_och_tid",
        "Protokoll styrelsen\nJusteringens plats och tid Kommunledningskontoret onsdag den 10 "
        "september 2014",
        None,
        None,
    ),
    (
        "justering_anslag_then_label",
        "Protokoll styrelsen\nJusteringen gjordes 2012-06-15\nAnslaget 2012-06-20\n"
        "Sammanträdesdatum 2012-06-12",
        None,
        "2012-06-12",
    ),
    ("deadline", "Styrelsemöte\nSvar senast 2012-08-31", None, None),
    (
        "printed_date",
        "Utskriftsdatum 2012-06-20\nProtokoll styrelsemöte 2012-06-12",
        None,
        "2012-06-12",
    ),
    # --- dates inside the items' text ----------------------------------------------------
    (
        "date_in_item_only",
        "Protokoll styrelsemöte\n§ 1 Öppnande\nMötet öppnades.\n§ 2 Budget\n"
        "Budgeten gäller från 2013-01-01.",
        None,
        None,
    ),
    (
        "dates_in_items_and_header",
        "Protokoll styrelsemöte 2012-06-12\n§ 1 Föregående protokoll\nProtokollet från "
        "2012-05-08 godkändes.\n§ 2 Nästa möte\n2012-09-12",
        None,
        "2012-06-12",
    ),
    # Amnesty's styrelse: a § evaluating an earlier two-day meeting.
    (
        "earlier_meeting_in_item",
        "Protokoll styrelsen 1 december 2007\n§ 78 Utvärdering av styrelsemötet 15-16 "
        "september 2007\nStyrelsen går igenom rapporten.",
        None,
        "2007-12-01",
    ),
    # A working committee's flattened minutes whose title line names the board meeting it
    # prepares; the first page's "Tid och plats" names its own (real/attendance 09).
    (
        "label_beats_title_of_another_meeting",
        "REGIONSTYRELSEN Arbetsutskottet Sammanträdesprotokoll Regionstyrelsens sammanträde den "
        "14 december 2016 i Karlshamn\n\n1 Dagordning Regionstyrelsens sammanträde den 14 "
        "december 2016 Information\n\n2 Tid och plats Onsdagen den 30 november 2016 kl Region "
        "Blekinge, Karlskrona Närvarande Ordförande Anna Berg (S)",
        None,
        "2016-11-30",
    ),
    # --- no header: the day the text says a meeting was held (web pages, notes) ----------
    # A samordningsförbund's news page (real/items 37): the meeting's own day, not the extra
    # meeting it plans.
    (
        "held_cue_web_page",
        "Styrelsemötet 230412\n\nStyrelsen beslutade att avvakta med beslut om medel tills "
        "ett extra möte 230508.",
        None,
        "2023-04-12",
    ),
    # A region's page on a nämnd's decision (real/items 135).
    (
        "held_cue_decided",
        "Beslut i hälso- och sjukvårdsnämnden\n\nHälso- och sjukvårdsnämnden beslutade 12 april "
        "2018 att:\n\nDirektören ges i uppdrag att göra en analys.",
        None,
        "2018-04-12",
    ),
    # A notice is for the meeting it calls (corpus 15's form).
    ("held_cue_notice", "Kallelse till sammanträde 28 oktober 2010 kl. 10", None, "2010-10-28"),
    (
        "held_cue_only_another_meeting",
        "Anteckningar\n\nFrågan tas upp igen vid ett extra möte 2023-05-08, som vid föregående "
        "möte 2023-04-01.",
        None,
        None,
    ),
    (
        "held_cue_beats_filename",
        "Minnesanteckningar\n\nVid sammanträdet den 3 maj 2022 beslutades att gå vidare.",
        "scan_2023-01-01.pdf",
        "2022-05-03",
    ),
    # A flattened page whose first line the reader takes for an item: a date on the page that
    # names the minutes or the meeting before it (real/bodies 175), never a justering's (the
    # labelled day on such a page: test_labelled_day_on_a_page_read_as_items).
    (
        "first_page_names_meeting",
        "Styrelsen konstituerade sig själv.\n\nTranskript\n\n1 Protokoll från styrelsemöte nr. "
        "1 Reykjavik, 7-9 februari 2009 Närvarande Karin Ek, ordförande Ola Berg",
        "styrelsen.pdf",
        "2009-02-07",
    ),
    (
        "first_page_beats_filename",
        "Styrelsen konstituerade sig själv.\n\nTranskript\n\n1 Protokoll från styrelsemöte nr. "
        "1 Reykjavik, 7-9 februari 2009 Närvarande Karin Ek, ordförande Ola Berg",
        "scan_2013-01-01.pdf",
        "2009-02-07",
    ),
    (
        "first_page_justering_only",
        "Styrelsen konstituerade sig själv.\n\nTranskript\n\n1 Protokollet justerades "
        "2009-02-20 Närvarande Karin Ek, ordförande Ola Berg",
        None,
        None,
    ),
    # --- the file name, last ------------------------------------------------------------
    (
        "filename_iso",
        "Protokoll styrelsemöte\n§ 1 Öppnande\nMötet öppnades.",
        "styrelsen_2019-03-26.pdf",
        "2019-03-26",
    ),
    (
        "filename_six_digits",
        "Protokoll styrelsemöte\n§ 1 Öppnande\nMötet öppnades.",
        "protokoll_190326.docx",
        "2019-03-26",
    ),
    ("text_beats_filename", "Protokoll 2012-06-12", "scan_2013-01-01.pdf", "2012-06-12"),
    ("invalid_date", "Protokoll 2012-13-45", None, None),
    # A flattened page's number before its date, then the justering's date (real attendance 41).
    (
        "page_number_before_date",
        "1 25 maj 2022\n\n2 RS 2022/88 Plats och tid Rådhuset Visborg 2 juni 2022 Paragrafer",
        None,
        "2022-05-25",
    ),
]


@pytest.mark.parametrize(
    ("text", "filename", "expected"),
    [pytest.param(text, name, want, id=row) for row, text, name, want in ROWS],
)
def test_meeting_date(text: str, filename: str | None, expected: str | None) -> None:
    parsed = parse_minutes(text, filename)
    want = dt.date.fromisoformat(expected) if expected else None
    assert parsed.date == want


def test_at_least_forty_rows() -> None:
    assert len(ROWS) >= 40
    assert len({row[0] for row in ROWS}) == len(ROWS)


# --- time of day and place -------------------------------------------------------------------
# (id, text, start, end, place); "-" for a place this row does not check. Sources as above, plus
# real_09, real_16, real_26, real_27 and corpus 07 ("Tid: 14:30" then "Plats: …").
TIME_PLACE_ROWS: list[tuple[str, str, str | None, str | None, str | None]] = [
    ("tid_date_clock", "Tid: 2012-06-12 kl. 13.00–16.00", "13:00", "16:00", None),
    ("tid_dotted_spaced", "Datum: 2012-06-12\nTid: 09.00 – 12.00", "09:00", "12:00", None),
    (
        "tid_colon_range",
        "Datum: 2012-06-12\nTid: 13:00-15:30\nPlats: Teams",
        "13:00",
        "15:30",
        "Teams",
    ),
    ("tid_single_clock", "Datum: 2023-08-22\nTid: 14:30\nPlats: Monaden", "14:30", None, "Monaden"),
    ("tid_kl_single", "Datum: 2012-06-12\nTid: kl. 13.00", "13:00", None, None),
    ("lokal", "Datum: 2012-06-12\nLokal: Sal A, Stadshuset", None, None, "Sal A, Stadshuset"),
    (
        "digitalt",
        "Tid och plats: 2021-03-04 kl. 09.00–10.30, digitalt via Teams",
        "09:00",
        "10:30",
        "digitalt via Teams",
    ),
    (
        "real09_time_next_paragraph",
        "Protokoll 2025-11-19\n\nProtokoll fört vid styrelsesammanträde för föreningen. "
        "Tid: 2025-11-19\n\n10.00-12.30\nPlats: Café Skogen. Deltagande: Lars Göran Bergman, "
        "Berit Kock, Sören Karlsson.\n\n§1. Mötets öppnande. Ordförande förklarar "
        "sammanträdet öppnat.",
        "10:00",
        "12:30",
        "Café Skogen",
    ),
    (
        "real03_title_clock",
        "SAMMANTRÄDESPROTOKOLL\nFRÅN STYRELSEMÖTE I FÖRENINGSLOKALEN 04.04.21 kl 17.00-19.15.\n"
        "Närvarande Nils Bondeson, ordförande\n\n§ 35 Sammanträdets öppnande\nOrdföranden "
        "öppnade sammanträdet.",
        "17:00",
        "19:15",
        "-",
    ),
    (
        "plats_och_tid_ajournering",
        "Plats och tid Kommunkontoret onsdagen den 21 november 2018 kl. 08:30-14:00, "
        "ajournering för lunch 12:15-13:00",
        "08:30",
        "14:00",
        "Kommunkontoret",
    ),
    (
        "plats_och_tid_room",
        "SAMMANTRÄDESPROTOKOLL\nPlats och tid: Kommunalhuset 2:3, kl 16:00-17:15",
        "16:00",
        "17:15",
        "Kommunalhuset 2:3",
    ),
    (
        "real27_tid_plats_one_line",
        "Styrgruppen för det sociala området\n\nTid: 4 december 2008 kl. 08:30-11:40 Plats: "
        "GR-huset, Göteborg\n\nNärvarande: Madeleine Dahlgren, Lilla Edet, ordf.",
        "08:30",
        "11:40",
        "GR-huset, Göteborg",
    ),
    (
        "real26_plats_then_label",
        "Styrgruppen för sociala området\n\nTid: 7 maj 2007\n\nPlats: GR-huset, Göteborg "
        "Närvarande:\n\nJonas Ransgård (m), Göteborg",
        None,
        None,
        "GR-huset, Göteborg",
    ),
    (
        "real16_plats_och_tid_two_lines",
        "Protokoll Styrelsen\n\nOrgan: Regionförbundets styrelse Plats och tid: Regionförbundet "
        "i Kalmar län,\n\nFredagen den 11 januari 2007, kl 10.00-13.00\n\nBeslutande: Leif "
        "Larsson ordförande",
        "10:00",
        "13:00",
        "Regionförbundet i Kalmar län",
    ),
    (
        # Hours and minutes as four digits (the layout of real/complete 375).
        "four_digit_clocks",
        "Rapport från styrelsemöte 3/2024 som genomfördes tisdagen den 12 mars kl 0930-1615 "
        "på kansliet.\n\nNärvaro\n\nFöljande deltog: Anna Ek (ordförande), Bo Lund.",
        "09:30",
        "16:15",
        "-",
    ),
    (
        # A range whose dash the flattening lost, after "Tid:" (the layout of real/complete 370).
        "glued_range_after_tid",
        "Protokoll\n\nTid: 20240305 13.0014.30\n\nPlats: Microsoft Teams\n\nNärvarande: Anna Ek",
        "13:00",
        "14:30",
        "Microsoft Teams",
    ),
    (
        "flattened_empty_tid",
        "Datum: Tisdagen den 16 september 2008 Tid: Kl Plats: Norra Latin, (Norra Bantorget)",
        None,
        None,
        "Norra Latin, (Norra Bantorget)",
    ),
]


def _clock(value: str | None) -> dt.time | None:
    return dt.time.fromisoformat(value) if value else None


@pytest.mark.parametrize(
    ("text", "start", "end", "place"),
    [pytest.param(text, s, e, p, id=row) for row, text, s, e, p in TIME_PLACE_ROWS],
)
def test_meeting_time_and_place(
    text: str, start: str | None, end: str | None, place: str | None
) -> None:
    parsed = parse_minutes(text)
    assert (parsed.start_time, parsed.end_time) == (_clock(start), _clock(end))
    if place != "-":
        assert parsed.place == place


@pytest.mark.parametrize(
    ("excerpt", "expected"),
    [
        # "… Transkript 1 Protokoll fört vid LAG-sammanträde i … Tid: Fredag den 6 december
        # 2013": the labelled day on the first page.
        ("real_179_*.txt", "2013-12-06"),
        # "1 Protokoll från styrelsemöte nr. 1 Reykjavik, 7-9 februari 2009 Närvarande …": the
        # first page names the meeting beside its date.
        ("real_175_*.txt", "2009-02-07"),
    ],
)
def test_labelled_day_on_a_page_read_as_items(excerpt: str, expected: str) -> None:
    """A docplayer page whose first line the reader takes for an item has no header, but its
    first page gives the day (real/bodies, excerpts of public minutes)."""
    path = next(Path(__file__).parent.glob(f"real/bodies/{excerpt}"))
    parsed = parse_minutes(path.read_text(encoding="utf-8"), path.name)
    assert parsed.date == dt.date.fromisoformat(expected)


def test_a_date_in_spaced_two_digit_groups_on_its_own_line_or_after_the_meeting() -> None:
    """Real/items 253: '18 05 02' as the page's title line and in 'Skypemöte 18 05 02 kl.
    10-11'; spaced numbers inside a flattened run ('§§ 10 11 12 behandlades') are no date."""
    from dialogs.importer.dates import find_date

    assert find_date("18 05 02").date == dt.date(2018, 5, 2)
    assert find_date("Protokoll fört vid Skypemöte 18 05 02 kl. 10-11").date == dt.date(2018, 5, 2)
    assert find_date("Paragraferna 10 11 12 behandlades") is None

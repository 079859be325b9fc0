"""A diarienummer between a § number and the title ("§ 187 Dnr BN-2025-00001" over the title's
own line), as most Swedish kommuner print their paragraphs: the number is not the title."""

from __future__ import annotations

from dialogs.importer import parse_minutes

TEXT = """Byggnadsnämndens arbetsutskott
Protokoll 2025-09-16

§ 187                      Dnr BN-2025-00001
Förändring av ärendelista

Beslut
Byggnadsnämndens arbetsutskott godkänner ärendelistan.

§ 188 Dnr: KS 2024/312
Information från förvaltningschefen

Informationen noteras.

§ 189 Dnr 2025.0417
Strandskyddsdispens för en brygga

Beslut
Byggnadsnämndens arbetsutskott beviljar dispensen.
"""


def test_a_file_number_after_the_paragraph_leaves_the_title_to_the_next_line() -> None:
    parsed = parse_minutes(TEXT)
    assert [(i.number, i.title) for i in parsed.items] == [
        ("187", "Förändring av ärendelista"),
        ("188", "Information från förvaltningschefen"),
        ("189", "Strandskyddsdispens för en brygga"),
    ]


def test_dnr_alone_is_no_file_number_and_a_title_starting_with_it_stays() -> None:
    parsed = parse_minutes(
        "Styrelsen\nProtokoll 2025-01-10\n\n§ 1 Dnr-hantering i nämnden\n\nText.\n"
    )
    assert [(i.number, i.title) for i in parsed.items] == [("1", "Dnr-hantering i nämnden")]

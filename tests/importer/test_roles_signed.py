"""Who held the meeting's posts, read from the signature block and the head's fields, and from
initials the attendance list gives (real/attendance 144, 146, 302; real/bodies 292), each on a
short text of our own with invented names."""

from __future__ import annotations

from dialogs.importer import parse_minutes
from dialogs.importer.people import initials_of


def _roles(text: str) -> dict[str, list[str]]:
    return {p.name: p.roles for p in parse_minutes(text, "protokoll.txt").people}


def test_initials_are_the_given_names_initial_and_the_surnames_start() -> None:
    assert initials_of("Johan Åström", "JÅS")
    assert initials_of("Peter Nyqvist", "PNY")
    assert initials_of("Anna Berg", "AB")
    assert initials_of("Anna-Karin Lund Berg", "ALB")
    assert not initials_of("Anna Berg", "S")  # a party
    assert not initials_of("Anna Berg", "KD")
    assert not initials_of("Anna", "AN")  # one name alone


def test_a_post_given_to_initials_the_list_gave_goes_to_that_person() -> None:
    text = (
        "Protokoll fört vid styrelsemöte 2023-05-10\n\n"
        "Deltagare:\nKarin Svedberg (KSV), Olle Tornqvist (OTO) och Mia Ljung (MLJ).\n\n"
        "§ 1. Val av mötesordförande\n\nBeslutades: Att välja KSV till ordförande.\n\n"
        "§ 2. Val av sekreterare\n\nBeslutades: Att välja MLJ till sekreterare.\n\n"
        "§ 3. Val av justeringsperson\n\n"
        "Beslutades: Att jämte ordföranden utse OTO till justeringsperson.\n"
    )
    roles = _roles(text)
    assert "ordforande" in roles["Karin Svedberg"]
    assert "sekreterare" in roles["Mia Ljung"]
    assert "justerare" in roles["Olle Tornqvist"]


def test_shared_initials_name_nobody() -> None:
    text = (
        "Protokoll 2023-05-10\n\nDeltagare:\nKarin Svedberg (KSV), Kalle Svensson (KSV).\n\n"
        "§ 1. Val av mötesordförande\n\nBeslutades: Att välja KSV till ordförande.\n"
    )
    assert all("ordforande" not in roles for roles in _roles(text).values())


def test_a_flattened_signature_block_names_the_posts() -> None:
    text = (
        "1(12) Plats och tid Kommunhuset, 09.00-11.30 Beslutande ledamöter Lena Vikström (S) "
        "Pär Edlund (V) Sara Hammar (C) Övriga närvarande Eva Nordlund, kommunsekreterare "
        "Justerare Justeringens plats och tid Sara Hammar (C) Kansliet 14 mars Underskrifter "
        "Sekreterare Paragrafer 41 -- 53 Eva Nordlund Ordförande Lena Vikström (S) "
        "Justerare Sara Hammar (C)\n\n"
        "§ 41 Information\n\nInformationen noteras.\n"
    )
    roles = _roles(text)
    assert "sekreterare" in roles["Eva Nordlund"]
    assert "ordforande" in roles["Lena Vikström"]
    assert "justerare" in roles["Sara Hammar"]


def test_a_row_of_signature_headings_is_not_read_label_by_label() -> None:
    # "Sekreterare Ordförande Justerande A B C": the names come in the headings' order; the
    # last heading is not the first name's post.
    text = (
        "Plats och tid Kommunhuset Beslutande Lena Vikström (S) Pär Edlund (V) Övriga "
        "Eva Nordlund, nämndsekreterare Underskrifter Sekreterare Ordförande Justerande "
        "Eva Nordlund Lena Vikström Pär Edlund\n\n§ 1 Information\n\nInformationen noteras.\n"
    )
    assert "justerare" not in _roles(text)["Eva Nordlund"]


def test_a_label_under_its_signature_names_the_line_above() -> None:
    text = (
        "Protokoll styrelsemöte 2021-04-12\n\nNärvarande: Petra Lind, Göran Ek, Ulla Björk\n\n"
        "1. Mötet öppnas\nMötet öppnades.\n\n2. Avslutning\nMötet avslutades.\n\n"
        "Petra Lind\nOrdförande\n\nGöran Ek\nSekreterare\n\nUlla Björk\nJusterare\n"
    )
    roles = _roles(text)
    assert "ordforande" in roles["Petra Lind"] and "sekreterare" not in roles["Petra Lind"]
    assert "sekreterare" in roles["Göran Ek"]
    assert "justerare" in roles["Ulla Björk"]

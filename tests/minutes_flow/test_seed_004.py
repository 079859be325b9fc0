"""The 004 seed meeting recorded through Teams (the HTTP harness), its minutes compared with
the seed, then justered by two approvers, published as a new channel thread and corrected."""

from __future__ import annotations

import datetime as dt
import io
import json
from zoneinfo import ZoneInfo

import docx
from sqlalchemy import select, update

from dialogs.minutes import CARD_MAX_BYTES, card_size
from storage.models import AuditEvent, Correction, DownloadToken, MinutesApproval
from tests.harness.activities import personal

from . import seed
from .driver import (
    CHAIR,
    JUSTERARE,
    Chat,
    card_executes,
    card_urls,
    links,
    record_004,
)
from .structure import Structure, from_docx, from_html

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def test_the_copied_seed_is_verbatim() -> None:
    """The test data is the seed's own text: people, titles, föredragande, every "att" clause."""
    parsed = seed.parse_seed()
    assert parsed.chair == seed.CHAIR
    assert parsed.ledamoter == seed.LEDAMOTER
    assert parsed.franvarande == seed.FRANVARANDE
    assert parsed.sekreterare == [seed.SECRETARY]
    assert parsed.titles == {p.number: p.title for p in seed.PARAGRAPHS}
    assert parsed.presenters == {p.number: p.presenters for p in seed.PARAGRAPHS if p.presenters}
    assert parsed.clauses == {p.number: p.clauses for p in seed.PARAGRAPHS}
    text = seed.SEED_004.read_text(encoding="utf-8")
    for p in seed.PARAGRAPHS:
        if p.text:
            assert p.text in text


def assert_matches_seed(s: Structure, *, public: bool = False) -> None:
    parsed = seed.parse_seed()
    assert s.groups["Närvarande/Ordförande"] == [parsed.chair]
    assert s.groups["Närvarande/Ledamöter"] == parsed.ledamoter
    assert s.groups["Frånvarande"] == parsed.franvarande
    assert s.groups["Sekreterare"] == parsed.sekreterare
    assert s.groups["Justerare"] == [seed.JUSTERARE]  # added: the seed names none
    assert "Återbud" not in s.groups and "Närvarande/Ersättare" not in s.groups
    assert list(s.paragraphs) == list(range(113, 124))
    for number, title in parsed.titles.items():
        p = s.paragraphs[number]
        if public and number == seed.SECRET:
            assert (p.title, p.clauses, p.presenters) == ("Sekretess", [], None)
            continue
        assert p.title == title
        assert p.presenters == parsed.presenters.get(number)
        assert p.clauses == parsed.clauses[number]
        assert p.phrases == [seed.PHRASE]
    for expected in seed.PARAGRAPHS:
        if expected.text:
            assert s.paragraphs[expected.number].texts == [expected.text]


async def test_004_minutes_match_the_seed(chat: Chat) -> None:
    meeting = await record_004(chat)

    # `protokoll` in the body's channel is the public version, even for the secretary
    # (issue 10: everyone in a shared conversation reads along).
    shared = await chat.say("protokoll", where=chat.channel)
    shown = json.dumps(shared.cards[0], ensure_ascii=False)
    assert "§ 119 Sekretess" in shown and seed.PARAGRAPHS[6].title not in shown
    assert [a["title"] for a in shared.cards[0]["actions"]] == [
        "Granska",
        "Skicka till justering",
        "Ladda ner",
    ]
    send = card_executes(shared.cards[0])["Skicka till justering"]
    assert send["data"]["meetingId"] == meeting.id

    # In the secretary's personal chat: a summary card and, separately, the links as text.
    sent = await chat.say("protokoll", where=personal())
    assert len(sent.cards) == 1 and len(sent.rows) == 2
    card = sent.cards[0]
    assert card["version"] == "1.5" and card_size(card) < CARD_MAX_BYTES
    # The justering card is posted where the approvers are, not offered in a personal chat.
    assert [a["title"] for a in card["actions"]] == ["Granska", "Ladda ner"]
    shown = json.dumps(card, ensure_ascii=False)
    for p in seed.PARAGRAPHS:
        assert f"§ {p.number} {p.title}" in shown
        for clause in p.clauses:
            assert clause in shown
    facts = {f["title"]: f["value"] for f in card["body"][2]["facts"]}
    assert facts["Närvarande"] == str(1 + len(seed.LEDAMOTER) + 1)  # chair, ledamöter, secretary
    assert facts["Status"] == "Ej justerat"
    urls = card_urls(card)
    assert sorted(links(sent.text)) == sorted(urls.values())
    assert "ej justerat" in sent.text

    # The secretary is a member, in a personal chat: the full version, DOCX read back with
    # python-docx. Each of these links opens once.
    status, body, headers = await chat.download(urls["Ladda ner"])
    assert status == 200
    assert headers["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert "attachment" in headers["Content-Disposition"]
    assert headers["Cache-Control"] == "no-store, private"
    assert_matches_seed(from_docx(body))
    document = docx.Document(io.BytesIO(body))
    assert document.core_properties.author == seed.name_of(seed.SECRETARY)
    all_text = "\n".join(p.text for p in document.paragraphs)
    assert "Protokoll" in all_text and "Status: Ej justerat" in all_text
    assert "Underskrifter" in all_text

    status, body, headers = await chat.download(urls["Granska"])
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    html = body.decode("utf-8")
    assert_matches_seed(from_html(html))
    assert "<script" not in html.lower()

    # Nothing above changed the record.
    assert (await chat.meeting_row()).status == "closed"


async def test_004_justering_publication_and_correction(chat: Chat) -> None:
    meeting = await record_004(chat)
    thread = chat.channel.thread("1750000000001")

    sent = await chat.say("skicka till justering", where=thread)
    assert "Bodil Sundlöf (ordförande), Cecilia Grefve-Lang (justerare)" in sent.text
    [card] = sent.cards
    assert card["version"] == "1.5"
    teams_ids = [chat.user(CHAIR).teams_id, chat.user(JUSTERARE).teams_id]
    assert card["refresh"]["userIds"] == teams_ids
    assert card["refresh"]["action"]["type"] == "Action.Execute"
    assert card["refresh"]["action"]["verb"] == "refreshJustering"
    # Everyone else sees the status, not the buttons.
    assert "justeringApprove" not in json.dumps(card)
    data = card["refresh"]["action"]["data"]

    # Teams refreshes the card for the chair: Godkänn and Begär ändring (Action.Execute).
    body, _ = await chat.invoke("refreshJustering", data, who=CHAIR, where=thread)
    assert body["type"] == "application/vnd.microsoft.card.adaptive"
    buttons = card_executes(body["value"])
    assert {b["verb"] for b in buttons.values()} == {"justeringApprove", "justeringChange"}
    review = card_urls(body["value"])["Granska"]
    assert (await chat.download(review))[0] == 200
    # …and for a ledamot who is not an approver only the status.
    body, _ = await chat.invoke("refreshJustering", data, who="Kjell Ivarsson", where=thread)
    assert "justeringApprove" not in json.dumps(body["value"])

    # An approval by someone who is neither chair nor justerare is refused; nothing stored.
    audits_before = await chat.server.count(AuditEvent)
    for outsider in ("Kjell Ivarsson", "Extern Besökare"):
        body, replies = await chat.invoke("justeringApprove", data, who=outsider, where=thread)
        notice = body["value"]["body"][0]["text"]
        assert notice.startswith("Bara mötets ordförande och justerarna kan godkänna")
        assert "sparades inte" in notice
        assert replies.rows == []
    assert await chat.server.count(MinutesApproval) == 0
    assert await chat.server.count(AuditEvent) == audits_before
    assert (await chat.meeting_row()).status == "closed"

    # The chair approves: not yet justerat.
    body, replies = await chat.invoke("justeringApprove", data, who=CHAIR, where=thread)
    assert "Du har godkänt protokollet." in json.dumps(body["value"], ensure_ascii=False)
    assert [r.kind for r in replies.rows] == ["update"]  # everyone's copy of the card follows
    assert (await chat.meeting_row()).status == "closed"
    assert await chat.server.count(Correction) == 0

    # The justerare approves: justerat today, and published to the channel as a new thread.
    body, replies = await chat.invoke("justeringApprove", data, who=JUSTERARE, where=thread)
    today = dt.datetime.now(STOCKHOLM).date()
    assert f"Protokollet är justerat den {today.isoformat()} i Teams." in json.dumps(
        body["value"], ensure_ascii=False
    )
    done = await chat.meeting_row()
    assert (done.status, done.justerat_on, done.justering_how) == ("published", today, "Teams")
    assert done.published_at is not None
    approvals = await chat.server.rows(MinutesApproval)
    assert sorted(a.verdict for a in approvals) == ["approved", "approved"]

    [post] = await chat.connector.wait_for(
        1, where=lambda r: r.kind == "create_conversation", timeout=10
    )
    assert post.method == "POST" and post.path == "/v3/conversations"
    assert post.body["isGroup"] is True
    assert post.body["channelData"]["channel"]["id"] == chat.channel.id
    [published] = post.cards
    assert card_size(published) < CARD_MAX_BYTES
    text = json.dumps(published, ensure_ascii=False)
    assert "offentlig version" in text and f"Justerat den {today.isoformat()}" in text
    assert "§ 119 Sekretess" in text and seed.PARAGRAPHS[6].title not in text
    public_urls = card_urls(published)

    # The published (public) document: justerat, without the sekretess §.
    status, body_bytes, _ = await chat.download(public_urls["Ladda ner (Word)"])
    assert status == 200
    public = from_docx(body_bytes)
    assert_matches_seed(public, public=True)
    words = "\n".join(public.texts + public.headings)
    assert f"Status: Justerat den {today.isoformat()} i Teams" in words
    assert "Helen Sjöblom-Andersson" not in words  # § 119's föredragande
    assert "Sekretess enligt OSL" in words
    status, body_bytes, _ = await chat.download(public_urls["Öppna protokollet"])
    assert status == 200 and "§ 119 Sekretess" in body_bytes.decode()

    # Only a valid link downloads: tampered, unknown, malformed → 404; expired → 410.
    url = public_urls["Öppna protokollet"]
    token = url.rsplit("/", 1)[1]
    tampered = url[:-1] + ("A" if token[-1] != "A" else "B")
    for bad in (tampered, url.rsplit("/", 1)[0] + "/" + "x" * 43, url + "x", url[:-10]):
        status, body_bytes, _ = await chat.download(bad)
        assert status == 404
        assert seed.BODY not in body_bytes.decode() and seed.SHORT not in body_bytes.decode()
    async with chat.server.db.transaction() as session:
        await session.execute(
            update(DownloadToken).values(
                expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
            )
        )
    status, body_bytes, _ = await chat.download(url)
    assert status == 410 and seed.BODY not in body_bytes.decode()
    # Only hashes are stored, never the token itself.
    stored = await chat.server.rows(DownloadToken)
    assert stored and all(token not in (t.token_hash, t.fmt) for t in stored)
    assert {(t.tenant_id, t.meeting_id) for t in stored} == {
        (chat.server.activities.tenant_id, meeting.id)
    }

    # After justering a change is a recorded correction, shown in the document.
    amended = "avtalet som helhet beslutas vid mötet 2021-06-11."
    reply = await chat.say(
        f"ändra beslut § 117: att {seed.PARAGRAPHS[4].clauses[0]}; att {amended}"
        "; skäl: datumet skrevs fel"
    )
    assert reply.cards, reply.text
    [correction] = await chat.server.rows(Correction)
    assert correction.meeting_id == meeting.id and amended in correction.what
    assert correction.why == "datumet skrevs fel"
    sent = await chat.say("protokoll", where=personal())
    full = card_urls(sent.cards[0])["Ladda ner"]
    status, body_bytes, _ = await chat.download(full)
    corrected = from_docx(body_bytes)
    assert corrected.paragraphs[117].clauses == [seed.PARAGRAPHS[4].clauses[0], amended]
    assert "Rättelser" in corrected.headings
    [line] = corrected.groups["Rättelser"]
    assert "Mats Wennstig, § 117" in line and amended in line
    assert "datumet skrevs fel" in line
    # A member sees it all in a personal chat.
    assert corrected.paragraphs[119].title == seed.PARAGRAPHS[6].title
    still = await chat.meeting_row()
    assert (still.status, still.justerat_on) == ("published", today)
    # The justering was audited: who approved, and the justering itself.
    async with chat.server.db.sessions() as session:
        actions = list(
            (
                await session.scalars(
                    select(AuditEvent.action).where(
                        AuditEvent.entity == "meeting", AuditEvent.entity_id == meeting.id
                    )
                )
            ).all()
        )
    for expected in (
        "minutes.justering_sent",
        "minutes.approve",
        "minutes.justerat",
        "minutes.publish",
    ):
        assert expected in actions

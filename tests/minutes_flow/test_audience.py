"""Sekretess by audience on the justering card (issue 10): its Granska in a shared chat opens
the public version; the approver reads the full one in a personal chat, behind a link that
opens once and expires within the hour."""

from __future__ import annotations

import datetime as dt

from storage import minutes as store
from storage.models import DownloadToken, LinkRequest
from tests.harness.activities import personal

from . import seed
from .driver import CHAIR, Chat, card_urls, record_small


async def test_justering_card_links_the_public_version_in_a_shared_chat(chat: Chat) -> None:
    await record_small(chat)
    sent = await chat.say("skicka till justering")
    [card] = sent.cards
    data = card["refresh"]["action"]["data"]
    body, _ = await chat.invoke("refreshJustering", data, who=CHAIR)
    review = card_urls(body["value"])["Granska"]
    status, page, _ = await chat.download(review)
    assert status == 200
    assert seed.PARAGRAPHS[6].title not in page.decode() and "§ 119 Sekretess" in page.decode()
    token = review.rsplit("/", 1)[1]
    [row] = [
        t for t in await chat.server.rows(DownloadToken) if t.token_hash == store.token_hash(token)
    ]
    assert row.public is True

    # The chair, in a personal chat: the public version until her Teams account is confirmed
    # as her (issue 17: a display name is no proof), then the full version, once, for at most
    # an hour.
    unconfirmed = await chat.say("protokoll", who=CHAIR, where=personal())
    status, page, _ = await chat.download(card_urls(unconfirmed.cards[0])["Granska"])
    assert status == 200 and seed.PARAGRAPHS[6].title not in page.decode()
    await chat.say(f"koppla: {CHAIR}", who=CHAIR)
    [request] = await chat.server.rows(LinkRequest)
    assert f"kopplat till {CHAIR}" in (await chat.say(f"koppla godkänn {request.id}")).text
    own = await chat.say("protokoll", who=CHAIR, where=personal())
    full = card_urls(own.cards[0])["Granska"]
    status, page, _ = await chat.download(full)
    assert status == 200 and seed.PARAGRAPHS[6].title in page.decode()
    assert (await chat.download(full))[0] == 410
    private = [t for t in await chat.server.rows(DownloadToken) if not t.public]
    assert private and all(t.expires_at - t.created_at <= dt.timedelta(hours=1) for t in private)
    assert "en timme" in own.text

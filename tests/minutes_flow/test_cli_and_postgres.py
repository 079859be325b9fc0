"""`samverkansbot minutes` from the command line, and justering on PostgreSQL."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from storage.models import Meeting, MinutesApproval
from tests.harness.connector import StandInConnector

from . import seed
from .driver import CHAIR, JUSTERARE, Chat, card_urls, record_small
from .structure import from_docx, from_html, from_markdown

ROOT = Path(__file__).resolve().parents[2]


async def cli(*args: str, cwd: Path = ROOT) -> tuple[int, bytes, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        *args,
        cwd=cwd,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    return int(proc.returncode or 0), out, err.decode("utf-8")


async def test_cli_renders_md_html_and_docx(chat: Chat, tmp_path: Path) -> None:
    meeting = await record_small(chat)
    url = chat.server.settings.database_url
    expected = {p.number: p for p in seed.PARAGRAPHS if p.number in (117, 118, 119)}

    code, out, err = await cli("--database-url", url, "minutes", str(meeting.id), "--format", "md")
    assert code == 0, err
    md = from_markdown(out.decode("utf-8"))
    assert md.groups["Närvarande/Ordförande"] == [seed.CHAIR]
    assert md.groups["Sekreterare"] == [seed.SECRETARY]
    assert md.groups["Återbud"] == [seed.FRANVARANDE[0]]
    assert list(md.paragraphs) == [117, 118, 119]
    for number, p in expected.items():
        assert (md.paragraphs[number].title, md.paragraphs[number].clauses) == (p.title, p.clauses)

    code, out, err = await cli(
        "--database-url", url, "minutes", str(meeting.id), "--format", "html", "--public"
    )
    assert code == 0, err
    page = from_html(out.decode("utf-8"))
    assert page.paragraphs[119].title == "Sekretess"
    assert expected[119].title not in out.decode("utf-8")
    assert page.paragraphs[118].clauses == expected[118].clauses

    target = tmp_path / "lsvo.docx"
    code, out, err = await cli(
        "--database-url", url, "minutes", str(meeting.id), "--format", "docx", "-o", str(target)
    )
    assert code == 0, err
    assert out == b"" and "lsvo.docx" in err
    document = from_docx(target.read_bytes())
    assert document.paragraphs[119].title == expected[119].title
    assert document.paragraphs[117].clauses == expected[117].clauses

    # Without -o the DOCX gets a name of its own in the working directory.
    code, _, err = await cli(
        "--database-url", url, "minutes", str(meeting.id), "--format", "docx", cwd=tmp_path
    )
    assert code == 0, err
    assert (tmp_path / "protokoll-LSVO-2021-06-04.docx").is_file()


async def test_cli_renders_pdf(chat: Chat, tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    meeting = await record_small(chat)
    url = chat.server.settings.database_url
    code, _, err = await cli(
        "--database-url", url, "minutes", str(meeting.id), "--format", "pdf", cwd=tmp_path
    )
    assert code == 0, err
    target = tmp_path / "protokoll-LSVO-2021-06-04.pdf"
    assert target.read_bytes().startswith(b"%PDF-")
    pdf = pdfium.PdfDocument(target.read_bytes())
    assert [tuple(round(v, 1) for v in page.get_size()) for page in pdf] == [(595.3, 841.9)] * len(
        pdf
    )
    text = " ".join(" ".join(page.get_textpage().get_text_range().split()) for page in pdf)
    for p in seed.PARAGRAPHS:
        if p.number in (117, 118, 119):
            assert f"§ {p.number}" in text and p.title in text

    code, out, err = await cli(
        "--database-url", url, "minutes", str(meeting.id), "-f", "pdf", "-o", "-"
    )
    assert code == 0, err
    assert out.startswith(b"%PDF-") and out.rstrip().endswith(b"%%EOF")


async def test_cli_unknown_meeting(chat: Chat) -> None:
    await record_small(chat)
    url = chat.server.settings.database_url
    code, out, err = await cli("--database-url", url, "minutes", "999", "--format", "md")
    assert (code, out) == (2, b"")
    assert "Mötet 999 finns inte." in err
    code, _, err = await cli("--database-url", url, "minutes", "tolv")
    assert code == 2 and "mötets id ska vara ett positivt heltal" in err


@pytest.mark.postgres
async def test_justering_on_postgres(
    make_bot_server: Any, connector: StandInConnector, pg_url: str
) -> None:
    server = await make_bot_server(database_url=pg_url)
    assert server.db.dialect == "postgresql"
    chat = Chat(server, connector)
    await record_small(chat)
    sent = await chat.say("skicka till justering")
    [card] = sent.cards
    assert card["refresh"]["userIds"] == [chat.user(CHAIR).teams_id, chat.user(JUSTERARE).teams_id]
    data = card["refresh"]["action"]["data"]

    body, _ = await chat.invoke("justeringApprove", data, who="Kjell Ivarsson")
    assert "Ditt svar sparades inte" in body["value"]["body"][0]["text"]
    assert await server.count(MinutesApproval) == 0

    # Both approve at the same moment: neither may miss the other's approval.
    (_, first), (_, second) = await asyncio.gather(
        chat.invoke("justeringApprove", data, who=CHAIR),
        chat.invoke("justeringApprove", data, who=JUSTERARE),
    )
    today = dt.datetime.now(ZoneInfo("Europe/Stockholm")).date()
    [meeting] = await server.rows(Meeting)
    assert (meeting.status, meeting.justerat_on, meeting.justering_how) == (
        "published",
        today,
        "Teams",
    )
    assert [r.kind for r in first.rows + second.rows].count("create_thread") == 1
    [post] = await connector.wait_for(
        1, where=lambda r: r.kind == "create_conversation", timeout=10
    )
    assert post.body["channelData"]["channel"]["id"] == chat.channel.id
    status, body_bytes, _ = await chat.download(card_urls(post.cards[0])["Öppna protokollet"])
    assert status == 200
    assert f"Justerat den {today.isoformat()}" in body_bytes.decode("utf-8")
    assert json.dumps(post.cards[0], ensure_ascii=False).count("§ 119 Sekretess") == 1


async def test_cli_finds_the_meeting_by_date_and_body(chat: Chat) -> None:
    meeting = await record_small(chat)
    url = chat.server.settings.database_url
    day = meeting.date.isoformat()
    by_id = await cli("--database-url", url, "minutes", str(meeting.id), "--format", "md")
    by_date = await cli("--database-url", url, "minutes", "--date", day, "--format", "md")
    assert by_date[0] == 0 and by_date[1] == by_id[1] and by_id[1]
    with_body = await cli(
        "--database-url", url, "minutes", "--date", day, "--body", "lsvo", "--format", "md"
    )
    assert with_body[:2] == by_id[:2]
    code, out, err = await cli(
        "--database-url", url, "minutes", "--date", day, "--body", "Annat organ"
    )
    assert (code, out) == (2, b"") and f"Inget möte {day} i Annat organ." in err
    code, _, err = await cli("--database-url", url, "minutes", "--date", "2021-02-30")
    assert code == 2 and "finnas i kalendern" in err
    code, _, err = await cli("--database-url", url, "minutes")
    assert code == 2 and "--date 2021-06-04 --body LSVO" in err

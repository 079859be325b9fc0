"""The decision register: every recorded decision of some bodies, newest first.

One query serves the register tab, its "Exportera" button and `samverkansbot export`. Who may
see what is decided by the caller and passed in: the bodies (always within one tenant) and the
bodies whose sekretess paragraphs may be shown in full. A confidential § of any other body comes
out as its public version: its number and the word "Sekretess", nothing of its title or wording.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Body, Decision, Item, Meeting

# Kinds a register row can have: the item's kind, or "rapporterat" for a decision another body
# took and this one was told of.
KINDS = ("beslut", "rapporterat", "information", "ovrigt")
# Standing of a decision (Decision.status).
STANDINGS = ("valid", "amended", "withdrawn", "superseded")
SECRECY_TITLE = "Sekretess"


@dataclass(frozen=True)
class RegisterRow:
    decision_id: int
    body_id: int
    body: str
    body_short: str | None
    meeting_id: int
    meeting_status: str
    date: dt.date
    paragraph: str | None  # "§ 113", "punkt 5", or None when the item has no number
    item_id: int
    title: str
    wording: str
    standing: str  # valid | amended | withdrawn | superseded
    item_status: str  # behandlad | utgar | bordlagd | aterremitterad
    kind: str  # one of KINDS
    decided_by: str | None  # the body that took a reported decision
    confidential: bool  # the § is under sekretess
    redacted: bool  # …and this is its public version


def paragraph_label(item: Item) -> str | None:
    if item.is_paragraph and (item.number is not None or item.label):
        return f"§ {item.label or item.number}"
    if item.label:
        return f"punkt {item.label}"
    return None


def decision_wording(decision: Decision) -> str:
    """The decision as written: its own text, or the phrase and its att-clauses."""
    if decision.text and decision.text.strip():
        return decision.text.strip()
    clauses = [str(c).strip() for c in decision.clauses or [] if str(c).strip()]
    phrase = (decision.phrase or "").strip()
    if not clauses:
        return phrase
    lines = [phrase] if phrase else []
    lines += [f"att {c}" for c in clauses]
    return "\n".join(lines)


def _query(
    tenant_id: str,
    body_ids: Collection[int],
    date_from: dt.date | None,
    date_to: dt.date | None,
) -> Any:
    stmt = (
        select(Decision, Item, Meeting, Body)
        .join(Item, Item.id == Decision.item_id)
        .join(Meeting, Meeting.id == Decision.meeting_id)
        .join(Body, Body.id == Meeting.body_id)
        .where(
            Decision.tenant_id == tenant_id,
            Meeting.tenant_id == tenant_id,
            Body.tenant_id == tenant_id,
            Body.id.in_(list(body_ids)),
        )
    )
    if date_from is not None:
        stmt = stmt.where(Meeting.date >= date_from)
    if date_to is not None:
        stmt = stmt.where(Meeting.date <= date_to)
    return stmt.order_by(
        Meeting.date.desc(),
        Meeting.id.desc(),
        Item.position.desc(),
        Item.id.desc(),
        Decision.position.desc(),
        Decision.id.desc(),
    )


async def decisions(
    session: AsyncSession,
    tenant_id: str,
    body_ids: Collection[int],
    *,
    full_body_ids: Collection[int] = (),
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    kind: str | None = None,
    meeting_id: int | None = None,
    limit: int | None = None,
) -> list[RegisterRow]:
    """The decisions of `body_ids` in `tenant_id`, newest first. Sekretess in full only for
    the bodies in `full_body_ids`; everything else is the public version."""
    if not body_ids:
        return []
    stmt = _query(tenant_id, body_ids, date_from, date_to)
    if meeting_id is not None:
        stmt = stmt.where(Meeting.id == meeting_id)
    if kind == "rapporterat":
        stmt = stmt.where(Decision.reported_by_body.is_not(None), Decision.reported_by_body != "")
    elif kind is not None:
        stmt = stmt.where(
            or_(Decision.reported_by_body.is_(None), Decision.reported_by_body == ""),
            Item.kind == kind,
        )
    if limit is not None:
        stmt = stmt.limit(limit)
    full = set(full_body_ids)
    out: list[RegisterRow] = []
    for decision, item, meeting, body in (await session.execute(stmt)).all():
        row_kind = "rapporterat" if decision.reported_by_body else (item.kind or "beslut")
        redacted = bool(item.confidential) and body.id not in full
        out.append(
            RegisterRow(
                decision_id=decision.id,
                body_id=body.id,
                body=body.name,
                body_short=body.short_name,
                meeting_id=meeting.id,
                meeting_status=meeting.status,
                date=meeting.date,
                paragraph=paragraph_label(item),
                item_id=item.id,
                title=SECRECY_TITLE if redacted else (item.title or ""),
                wording="" if redacted else decision_wording(decision),
                standing=decision.status,
                item_status=item.status,
                kind=row_kind,
                decided_by=None if redacted else decision.reported_by_body,
                confidential=bool(item.confidential),
                redacted=redacted,
            )
        )
    return out


async def bodies_of(
    session: AsyncSession, tenant_id: str, body_ids: Collection[int] | None = None
) -> list[Body]:
    stmt = select(Body).where(Body.tenant_id == tenant_id)
    if body_ids is not None:
        stmt = stmt.where(Body.id.in_(list(body_ids)))
    return list((await session.scalars(stmt.order_by(Body.name, Body.id))).all())


async def years_of(session: AsyncSession, tenant_id: str, body_ids: Collection[int]) -> list[int]:
    """The years that have decisions in these bodies, newest first."""
    if not body_ids:
        return []
    dates = (
        await session.scalars(
            select(Meeting.date)
            .join(Decision, Decision.meeting_id == Meeting.id)
            .where(Meeting.tenant_id == tenant_id, Meeting.body_id.in_(list(body_ids)))
            .distinct()
        )
    ).all()
    return sorted({d.year for d in dates}, reverse=True)

"""Rows behind botbuilder's Storage: JSON documents with an eTag for optimistic concurrency."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import BotState, utcnow

MAX_KEY = 400


class StateConflict(Exception):
    """The stored eTag is not the one the writer read: someone else wrote in between."""


def row_key(key: str) -> str:
    # Conversation ids can be long; past the column's size a digest keeps keys unique.
    if len(key) <= MAX_KEY:
        return key
    return "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()


def new_etag() -> str:
    return uuid.uuid4().hex


async def read_states(session: AsyncSession, keys: Iterable[str]) -> dict[str, tuple[str, Any]]:
    by_row = {row_key(k): k for k in keys}
    if not by_row:
        return {}
    rows = await session.execute(
        select(BotState.key, BotState.etag, BotState.data).where(BotState.key.in_(list(by_row)))
    )
    return {by_row[k]: (etag, data) for k, etag, data in rows.all()}


async def write_state(session: AsyncSession, key: str, data: Any, expected_etag: str | None) -> str:
    """Write one document; expected_etag None means last writer wins. Returns the new eTag."""
    rk = row_key(key)
    etag = new_etag()
    stmt = update(BotState).where(BotState.key == rk)
    if expected_etag is not None:
        stmt = stmt.where(BotState.etag == expected_etag)
    result = await session.execute(
        stmt.values(data=data, etag=etag, updated_at=utcnow()).execution_options(
            synchronize_session=False
        )
    )
    if result.rowcount:  # type: ignore[attr-defined]
        return etag
    exists = await session.scalar(select(BotState.key).where(BotState.key == rk))
    if exists is not None:
        raise StateConflict(key)
    try:
        async with session.begin_nested():
            await session.execute(insert(BotState).values(key=rk, etag=etag, data=data))
    except IntegrityError as err:
        # Another writer inserted the same key between our update and insert.
        if expected_etag is not None:
            raise StateConflict(key) from err
        await session.execute(
            update(BotState)
            .where(BotState.key == rk)
            .values(data=data, etag=etag, updated_at=utcnow())
            .execution_options(synchronize_session=False)
        )
    return etag


async def delete_states(session: AsyncSession, keys: Iterable[str]) -> None:
    rows = [row_key(k) for k in keys]
    if rows:
        await session.execute(delete(BotState).where(BotState.key.in_(rows)))

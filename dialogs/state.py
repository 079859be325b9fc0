"""A SQL-backed botbuilder Storage, so dialogs survive restarts and move between instances.

Inside a turn it writes through the turn's own session, so dialog state commits or rolls back
together with what the turn recorded; outside a turn each call is its own transaction.
"""

from __future__ import annotations

import contextvars
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import jsonpickle  # type: ignore[import-untyped]
from botbuilder.core import Storage
from sqlalchemy.ext.asyncio import AsyncSession

from storage.botstate import StateConflict, delete_states, read_states, write_state
from storage.db import Database

# The session of the turn running in this task, if any (set by the turn runner).
current_session: contextvars.ContextVar[AsyncSession | None] = contextvars.ContextVar(
    "current_session", default=None
)


def _encode(item: Any) -> Any:
    # Dialog state holds objects (DialogState, DialogInstance); jsonpickle round-trips them.
    return json.loads(jsonpickle.encode(item, make_refs=False))


def _decode(data: Any) -> Any:
    return jsonpickle.decode(json.dumps(data))


def _get_etag(item: Any) -> str | None:
    if isinstance(item, dict):
        return item.get("e_tag")
    return getattr(item, "e_tag", None)


def _set_etag(item: Any, etag: str) -> None:
    if isinstance(item, dict):
        item["e_tag"] = etag
    elif hasattr(item, "e_tag") or hasattr(item, "__dict__"):
        item.e_tag = etag


class SqlStorage(Storage):
    """With no database given it only works inside a turn (the turn's session)."""

    def __init__(self, db: Database | None = None) -> None:
        self._db = db

    @asynccontextmanager
    async def _session(self) -> AsyncIterator[AsyncSession]:
        session = current_session.get()
        if session is not None:
            yield session
        elif self._db is not None:
            async with self._db.transaction() as own:
                yield own
        else:
            raise RuntimeError("SqlStorage without a database used outside a turn")

    async def read(self, keys: list[str]) -> dict[str, object]:
        if keys is None:
            raise Exception("Keys are required when reading")
        keys = list(keys)
        async with self._session() as session:
            rows = await read_states(session, keys)
        result: dict[str, object] = {}
        for key, (etag, data) in rows.items():
            item = _decode(data)
            _set_etag(item, etag)
            result[key] = item
        return result

    async def write(self, changes: dict[str, object]) -> None:
        if changes is None:
            raise Exception("Changes are required when writing")
        if not changes:
            return
        written: list[tuple[object, str]] = []
        async with self._session() as session:
            for key, item in changes.items():
                etag = _get_etag(item)
                if etag == "":
                    raise Exception(f"Etag conflict: an empty eTag is not valid for '{key}'")
                expected = None if etag in (None, "*") else etag
                stored = _encode(item)
                if isinstance(stored, dict):
                    stored.pop("e_tag", None)
                try:
                    new = await write_state(session, key, stored, expected)
                except StateConflict as err:
                    raise Exception(
                        f"Etag conflict: '{key}' was changed by another writer"
                    ) from err
                written.append((item, new))
        # After the write is durable, hand the new eTags back so a second save in the same turn
        # does not conflict with the first.
        for item, new in written:
            _set_etag(item, new)

    async def delete(self, keys: list[str]) -> None:
        if keys is None:
            raise Exception("Keys are required when deleting")
        async with self._session() as session:
            await delete_states(session, list(keys))

"""Fixtures for the register tests: a migrated database on SQLite and PostgreSQL (the ask
tests' `database`) with the record of tests/register/record.py in two tenants."""

from __future__ import annotations

import pytest

from storage.db import Database
from tests.ask.conftest import database
from tests.register.record import HOME, OTHER, Built, build, import_seeds

__all__ = ["built", "database"]


@pytest.fixture
async def built(database: Database) -> Built:
    result = await build(database, HOME)
    await import_seeds(database, OTHER, ["004"])
    return result

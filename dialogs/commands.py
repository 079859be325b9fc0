"""Importing this module registers every command, card action and meeting event handler."""

from __future__ import annotations

from dialogs import help as _help  # noqa: F401

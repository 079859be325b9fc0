"""The SQL-backed botbuilder Storage lives in dialogs.state; re-exported for the service."""

from dialogs.state import SqlStorage, current_session

__all__ = ["SqlStorage", "current_session"]

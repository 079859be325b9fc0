"""Importing this module registers every command, card action and meeting event handler."""

from __future__ import annotations

from dialogs import ask as _ask  # noqa: F401
from dialogs import assignments as _assignments  # noqa: F401
from dialogs import attendance as _attendance  # noqa: F401
from dialogs import between as _between  # noqa: F401
from dialogs import bodies as _bodies  # noqa: F401
from dialogs import choices as _choices  # noqa: F401
from dialogs import feedback as _feedback  # noqa: F401
from dialogs import form as _form  # noqa: F401
from dialogs import help as _help  # noqa: F401
from dialogs import importing as _importing  # noqa: F401
from dialogs import meetings as _meetings  # noqa: F401
from dialogs import minutes_flow as _minutes_flow  # noqa: F401
from dialogs import paragraphs as _paragraphs  # noqa: F401
from dialogs import scheduled as _scheduled  # noqa: F401

"""The minutes' document model now lives below storage and dialogs, in storage/minutes_document.py
(storage fills it without importing any renderer). This name stays for existing imports."""

from storage.minutes_document import *  # noqa: F403

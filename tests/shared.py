"""The shared folder beside the worktree (../shared: seeds, corpus, Teams activities).

Tests that read it call `shared()`: where the folder is missing they are skipped on a
developer's machine, and fail under CI=true, so CI never passes by skipping them. No test
names a machine path; SVB_SHARED points elsewhere when the folder lives elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SVB_SHARED") or ROOT.parent / "shared")
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"
SEED_004 = SEEDS / "004_029c77288144ec65.txt"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def shared(path: Path) -> Path:
    """The path, which must exist: skipped locally when it does not, a failure under CI."""
    if not path.exists():
        message = f"{path} is missing (the shared folder beside the worktree, or SVB_SHARED)"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    return path

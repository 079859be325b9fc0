"""The layers hold: storage imports neither dialogs nor bot, and loading it loads no renderer;
the web routes read the app's keys without importing bot/app.py."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_storage_imports_neither_dialogs_nor_bot() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            name for name in _imports(path) if name.split(".")[0] in ("dialogs", "bot")
        )
        for path in (ROOT / "storage").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_loading_the_minutes_store_loads_no_renderer() -> None:
    code = (
        "import sys, storage.minutes; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dialogs', 'docx', 'bot')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == "[]"


def test_route_modules_do_not_import_the_app() -> None:
    for name in ("downloads.py", "pages.py"):
        assert not {n for n in _imports(ROOT / "bot" / name) if n == "bot.app"}, name

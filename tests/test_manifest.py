"""The Teams app package validates against Microsoft's own v1.30 schema, offline."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = (
    ROOT
    / ".cache/npm/node_modules/@microsoft/app-manifest/build/json-schemas/teams/v1.30/MicrosoftTeams.schema.json"
)
APP_ID = "00000000-0000-4000-8000-0000000000b0"


def _schema() -> dict:
    if not SCHEMA.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(
                f"Teams manifest schema missing at {SCHEMA}: `make test` installs it with npm"
            )
        pytest.skip("Teams manifest schema not installed (needs npm; `make test` installs it)")
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def _build(tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "bot.cli",
            "manifest",
            "build",
            *extra,
            "-o",
            str(tmp_path / "app.zip"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "MicrosoftAppId": "", "PUBLIC_URL": ""},
    )


def test_package_validates_against_teams_schema(tmp_path: Path) -> None:
    schema = _schema()
    result = _build(tmp_path, "--app-id", APP_ID, "--domain", "bot.example.se")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "app.zip") as zf:
        assert sorted(zf.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(zf.read("manifest.json"))
        color, outline = zf.read("color.png"), zf.read("outline.png")
    errors = [
        f"{list(e.path)}: {e.message}"
        for e in jsonschema.Draft4Validator(schema).iter_errors(manifest)
    ]
    assert errors == []
    assert manifest["bots"][0]["botId"] == APP_ID
    assert manifest["supportsChannelFeatures"] == "tier1"
    rsc = {p["name"] for p in manifest["authorization"]["permissions"]["resourceSpecific"]}
    assert {"OnlineMeeting.ReadBasic.Chat", "OnlineMeetingParticipant.Read.Chat"} <= rsc
    # Icons: colour 192×192, outline 32×32 (RGBA, so it can be transparent).
    for png, size in ((color, 192), (outline, 32)):
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height, depth, colour_type = struct.unpack(">IIBB", png[16:26])
        assert (width, height, depth, colour_type) == (size, size, 8, 6)


def test_missing_app_id_is_a_clear_error(tmp_path: Path) -> None:
    result = _build(tmp_path, "--domain", "bot.example.se")
    assert result.returncode == 2
    assert "app-id" in result.stderr
    assert not (tmp_path / "app.zip").exists()

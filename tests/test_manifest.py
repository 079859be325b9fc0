"""The Teams app package validates against Microsoft's own v1.30 schemas, offline, and carries
what a tenant admin reads: Swedish by default with English strings, command menus from the
registry, a checked version, and no secret needed to build it."""

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
SCHEMAS = ROOT / ".cache/npm/node_modules/@microsoft/app-manifest/build/json-schemas/teams/v1.30"
SCHEMA = SCHEMAS / "MicrosoftTeams.schema.json"
LOCALIZATION_SCHEMA = SCHEMAS / "MicrosoftTeams.Localization.schema.json"
APP_ID = "00000000-0000-4000-8000-0000000000b0"


def _schema(path: Path = SCHEMA) -> dict:
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(
                f"Teams manifest schema missing at {SCHEMA}: `make test` installs it with npm"
            )
        pytest.skip("Teams manifest schema not installed (needs npm; `make test` installs it)")
    return json.loads(path.read_text(encoding="utf-8"))


def _build(
    tmp_path: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
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
        env={**os.environ, "MicrosoftAppId": "", "PUBLIC_URL": "", **(env or {})},
    )


def _errors(schema: dict, document: dict) -> list[str]:
    return [
        f"{list(e.path)}: {e.message}"
        for e in jsonschema.Draft4Validator(schema).iter_errors(document)
    ]


def _package(tmp_path: Path) -> tuple[dict, dict, bytes, bytes]:
    with zipfile.ZipFile(tmp_path / "app.zip") as zf:
        assert sorted(zf.namelist()) == ["color.png", "en.json", "manifest.json", "outline.png"]
        return (
            json.loads(zf.read("manifest.json")),
            json.loads(zf.read("en.json")),
            zf.read("color.png"),
            zf.read("outline.png"),
        )


def test_package_validates_against_teams_schema(tmp_path: Path) -> None:
    schema, localization = _schema(), _schema(LOCALIZATION_SCHEMA)
    result = _build(tmp_path, "--app-id", APP_ID, "--domain", "bot.example.se")
    assert result.returncode == 0, result.stderr
    manifest, english, color, outline = _package(tmp_path)
    assert _errors(schema, manifest) == []
    assert _errors(localization, english) == []
    assert manifest["bots"][0]["botId"] == APP_ID
    assert manifest["version"] == "1.0.0"
    assert manifest["supportsChannelFeatures"] == "tier1"
    assert manifest["validDomains"] == ["bot.example.se"]
    developer = manifest["developer"]
    assert developer["websiteUrl"] == "https://bot.example.se/"
    assert developer["privacyUrl"] == "https://bot.example.se/integritet"
    assert developer["termsOfUseUrl"] == "https://bot.example.se/villkor"
    # The register tab's single sign-on: its tokens are for this resource (bot/tabauth.py).
    assert manifest["webApplicationInfo"] == {
        "id": APP_ID,
        "resource": f"api://bot.example.se/{APP_ID}",
    }
    assert english["staticTabs[0].name"] == "Decisions"
    assert manifest["localizationInfo"] == {
        "defaultLanguageTag": "sv-se",
        "additionalLanguages": [{"languageTag": "en", "file": "en.json"}],
    }
    rsc = {p["name"] for p in manifest["authorization"]["permissions"]["resourceSpecific"]}
    assert {"OnlineMeeting.ReadBasic.Chat", "OnlineMeetingParticipant.Read.Chat"} <= rsc
    # Icons: colour 192×192, outline 32×32 (RGBA, so it can be transparent).
    for png, size in ((color, 192), (outline, 32)):
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height, depth, colour_type = struct.unpack(">IIBB", png[16:26])
        assert (width, height, depth, colour_type) == (size, size, 8, 6)


def test_command_menus_come_from_the_registry_per_scope(tmp_path: Path) -> None:
    import dialogs.commands  # noqa: F401
    from dialogs.registry import REGISTRY

    result = _build(tmp_path, "--app-id", APP_ID, "--domain", "bot.example.se")
    assert result.returncode == 0, result.stderr
    manifest, english, _, _ = _package(tmp_path)
    lists = manifest["bots"][0]["commandLists"]
    assert [cl["scopes"] for cl in lists] == [["team"], ["groupChat"], ["personal"]]
    by_word = {w: c for c in REGISTRY.commands for w in c.words_sv}
    by_word_en = {w: c for c in REGISTRY.commands for w in c.words_en}
    for i, cl in enumerate(lists):
        titles = [c["title"] for c in cl["commands"]]
        assert 0 < len(titles) <= 10 and len(set(titles)) == len(titles)
        for j, entry in enumerate(cl["commands"]):
            # Each title is a keyword the bot answers to, described by its own help text, and
            # the English file names the same command by its English keyword.
            cmd = by_word[entry["title"]]
            assert entry["description"] == cmd.help_sv
            assert len(entry["title"]) <= 32 and len(entry["description"]) <= 128
            en_title = english[f"bots[0].commandLists[{i}].commands[{j}].title"]
            assert by_word_en[en_title] is cmd
            assert english[f"bots[0].commandLists[{i}].commands[{j}].description"] == cmd.help_en
    team, group, personal = ([c["title"] for c in cl["commands"]] for cl in lists)
    assert team == group and team[:2] == ["närvarande", "närvarolista"]
    assert {"importera", "mina uppdrag", "hjälp"} <= set(personal)
    assert "närvarande" not in personal  # attendance belongs to a meeting's chat


def test_builds_without_a_secret(tmp_path: Path) -> None:
    """The package names the app id and domain only: MicrosoftAppId alone is enough, with no
    MicrosoftAppPassword and even with other settings that `serve` would refuse."""
    result = _build(
        tmp_path,
        env={
            "MicrosoftAppId": APP_ID,
            "MicrosoftAppPassword": "",
            "PORT": "not-a-port",
            "PUBLIC_URL": "https://Bot.Example.se/samverkan",
        },
    )
    assert result.returncode == 0, result.stderr
    manifest, _, _, _ = _package(tmp_path)
    assert manifest["bots"][0]["botId"] == APP_ID
    # The domain is PUBLIC_URL's host when --domain is not given.
    assert manifest["validDomains"] == ["bot.example.se"]


@pytest.mark.parametrize("version", ["banana", "1.0", "01.2.3"])
def test_a_version_that_is_not_semantic_is_refused(tmp_path: Path, version: str) -> None:
    result = _build(
        tmp_path, "--app-id", APP_ID, "--domain", "bot.example.se", "--version", version
    )
    assert result.returncode == 2
    assert "X.Y.Z" in result.stderr and repr(version) in result.stderr
    assert not (tmp_path / "app.zip").exists()


def test_the_version_given_is_the_packages(tmp_path: Path) -> None:
    result = _build(
        tmp_path, "--app-id", APP_ID, "--domain", "bot.example.se", "--version", "2.10.0"
    )
    assert result.returncode == 0, result.stderr
    assert _package(tmp_path)[0]["version"] == "2.10.0"


def test_every_rsc_permission_has_its_reason_in_readme() -> None:
    from manifest.build import RSC_PERMISSIONS

    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    for name in RSC_PERMISSIONS:
        lines = [line for line in readme if line.lstrip().startswith(f"- `{name}`")]
        assert len(lines) == 1, name
        reason = lines[0].split("`", 2)[2].strip(" :—-")
        assert len(reason.split()) >= 5, lines[0]


def test_missing_app_id_is_a_clear_error(tmp_path: Path) -> None:
    result = _build(tmp_path, "--domain", "bot.example.se")
    assert result.returncode == 2
    assert "app-id" in result.stderr
    assert not (tmp_path / "app.zip").exists()


def test_a_bad_domain_is_a_clear_error(tmp_path: Path) -> None:
    result = _build(tmp_path, "--app-id", APP_ID, "--domain", "https://bot.example.se/x")
    assert result.returncode == 2
    assert "--domain" in result.stderr
    assert not (tmp_path / "app.zip").exists()

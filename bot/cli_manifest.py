"""`samverkansbot manifest build`: the Teams app package to upload."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

from bot.settings import GUID

# A host name: dot-separated labels of letters, digits and hyphens (no scheme, port or path).
DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")


def cmd_manifest(args: argparse.Namespace) -> int:
    from manifest.build import ManifestError, build_package, check_version

    # Only the two values the package names are read, not the whole configuration: building a
    # package needs no secret, so a missing MicrosoftAppPassword must not stop it.
    app_id = (args.app_id or os.environ.get("MicrosoftAppId", "")).strip()
    if not app_id or not GUID.match(app_id):
        print("Ange botens app-id (GUID) med --app-id eller MicrosoftAppId.", file=sys.stderr)
        return 2
    public_url = os.environ.get("PUBLIC_URL", "").strip()
    domain = (args.domain or urlparse(public_url).hostname or "").strip().lower()
    if not domain or not DOMAIN.match(domain):
        print(
            "Ange botens domän med --domain (t.ex. abc123.euw.devtunnels.ms) eller PUBLIC_URL.",
            file=sys.stderr,
        )
        return 2
    try:
        check_version(args.version)
    except ManifestError as err:
        print(str(err), file=sys.stderr)
        return 2
    out = build_package(app_id, domain=domain, out=Path(args.output), version=args.version)
    print(f"Appaketet är skrivet: {out}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    manifest = sub.add_parser("manifest", help="Teams-appens paket (manifest.json och ikoner)")
    msub = manifest.add_subparsers(dest="manifest_command", required=True)
    build = msub.add_parser("build", help="bygg appaketet (zip) att ladda upp i Teams")
    build.add_argument("--app-id", help="botens app-id (standard: MicrosoftAppId)")
    build.add_argument("--domain", help="botens domän (standard: värden i PUBLIC_URL)")
    build.add_argument("--version", default="1.0.0", help="appens version, X.Y.Z (standard: 1.0.0)")
    build.add_argument(
        "-o", "--output", default="build/samverkansbot-teams.zip", help="zip-filen att skriva"
    )
    build.set_defaults(func=cmd_manifest)

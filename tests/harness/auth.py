"""Local channel-token authority: an RSA key, OpenID metadata + JWKS on loopback, signed tokens.

botbuilder 4.17.1 fetches the metadata with a blocking `requests.get` on the event loop, so the
server runs in its own thread (a server on the test's loop would deadlock). botbuilder caches
metadata in the class-level `JwtTokenExtractor.metadataCache`: clear it between tests
(`clear_metadata_cache`, done by an autouse fixture in tests/conftest.py).
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

CHANNEL_ISSUER = "https://api.botframework.com"
DEFAULT_KID = "svb-test-key-1"


@dataclass(frozen=True)
class SigningKey:
    kid: str
    private_key: rsa.RSAPrivateKey

    def jwk(self, endorsements: tuple[str, ...] = ("msteams",)) -> dict[str, Any]:
        data = json.loads(RSAAlgorithm.to_jwk(self.private_key.public_key()))
        data.update(
            {"kid": self.kid, "use": "sig", "alg": "RS256", "endorsements": list(endorsements)}
        )
        return data


def new_key(kid: str | None = None) -> SigningKey:
    return SigningKey(
        kid or f"kid-{uuid.uuid4().hex[:8]}",
        rsa.generate_private_key(public_exponent=65537, key_size=2048),
    )


@cache
def default_key() -> SigningKey:
    """The key the local JWKS publishes (generated once per test session)."""
    return new_key(DEFAULT_KID)


@cache
def other_key() -> SigningKey:
    """A second RSA key that is NOT published: for forged signatures (use with the same kid)."""
    return new_key(DEFAULT_KID)


def sign_token(
    app_id: str,
    service_url: str,
    *,
    kid: str | None = None,
    exp: float | None = None,
    nbf: float | None = None,
    aud: str | None = None,
    iss: str = CHANNEL_ISSUER,
    key: SigningKey | rsa.RSAPrivateKey | None = None,
    algorithm: str = "RS256",
    extra: dict[str, Any] | None = None,
) -> str:
    """An RS256 channel token like the Bot Connector's: iss api.botframework.com, aud = app id,
    serviceurl = the activity's serviceUrl. exp/nbf are absolute epoch seconds (default: now+1h,
    now-5min); `key` defaults to the published key, `kid` to that key's kid."""
    signing = key if key is not None else default_key()
    private = signing.private_key if isinstance(signing, SigningKey) else signing
    if kid is None:
        kid = signing.kid if isinstance(signing, SigningKey) else DEFAULT_KID
    now = time.time()
    claims: dict[str, Any] = {
        "iss": iss,
        "aud": app_id if aud is None else aud,
        "serviceurl": service_url,
        "nbf": int(now - 300 if nbf is None else nbf),
        "exp": int(now + 3600 if exp is None else exp),
        "iat": int(now - 300 if nbf is None else nbf),
    }
    claims.update(extra or {})
    return jwt.encode(claims, private, algorithm=algorithm, headers={"kid": kid})


def hs256_token(
    app_id: str,
    service_url: str,
    *,
    secret: str = "not-a-channel-secret-0123456789abcdef",
    kid: str = DEFAULT_KID,
) -> str:
    """A token with the right claims but signed HS256 (must be refused)."""
    now = int(time.time())
    claims = {
        "iss": CHANNEL_ISSUER,
        "aud": app_id,
        "serviceurl": service_url,
        "nbf": now - 300,
        "exp": now + 3600,
    }
    return jwt.encode(claims, secret, algorithm="HS256", headers={"kid": kid})


class OpenIdServer:
    """OpenID metadata at /.well-known/openidconfiguration and JWKS at /keys, in a thread."""

    def __init__(
        self, keys: list[SigningKey] | None = None, endorsements: tuple[str, ...] = ("msteams",)
    ) -> None:
        self.keys = list(keys) if keys is not None else [default_key()]
        self.endorsements = endorsements
        self.hits: list[str] = []
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> OpenIdServer:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.hits.append(self.path)
                if self.path.startswith("/.well-known/openidconfiguration"):
                    body = owner.metadata()
                elif self.path.startswith("/keys"):
                    body = {"keys": [k.jwk(owner.endorsements) for k in owner.keys]}
                else:
                    self.send_error(404)
                    return
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="openid-stand-in",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> OpenIdServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        assert self._server is not None, "OpenIdServer not started"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def metadata_url(self) -> str:
        return f"{self.base_url}/.well-known/openidconfiguration"

    def metadata(self) -> dict[str, Any]:
        return {
            "issuer": CHANNEL_ISSUER,
            "authorization_endpoint": "https://invalid.botframework.com",
            "jwks_uri": f"{self.base_url}/keys",
            "id_token_signing_alg_values_supported": ["RS256"],
            "token_endpoint_auth_methods_supported": ["private_key_jwt"],
        }

    def sign(self, app_id: str, service_url: str, **kwargs: Any) -> str:
        return sign_token(app_id, service_url, **kwargs)


def clear_metadata_cache() -> None:
    from botframework.connector.auth import JwtTokenExtractor

    JwtTokenExtractor.metadataCache.clear()

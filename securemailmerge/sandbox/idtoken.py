"""ID tokens as Microsoft's identity platform issues them: RS256 JWTs whose key is published as JWKS.

msal decodes ID tokens without checking their signature, but an app or a test may check it, so
the sandbox signs for real with a key generated at start and publishes that key (with a
self-signed certificate, ``kid`` = ``x5t`` = the certificate's SHA-1 thumbprint, as Entra does)
at ``/discovery/v2.0/keys``.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import json
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID

from securemailmerge.sandbox.directory import TENANT_ID, Mailbox

ID_TOKEN_LIFETIME = 3600


def b64url(data: bytes) -> str:
    """Base64url without padding, as JOSE wants it."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _uint(value: int) -> str:
    return b64url(value.to_bytes((value.bit_length() + 7) // 8, "big"))


def client_info(user_id: str) -> str:
    """The ``client_info`` msal reads to name the account: uid and utid, base64url JSON."""
    return b64url(json.dumps({"uid": user_id, "utid": TENANT_ID}, separators=(",", ":")).encode("utf-8"))


class SigningKey:
    """An RSA key that signs ID tokens, with the JWKS that publishes it."""

    def __init__(self) -> None:
        self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "SecureMailMerge Sandbox token signing")])
        now = datetime.datetime.now(datetime.UTC)
        certificate = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(self._key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(hours=1))
            .not_valid_after(now + datetime.timedelta(days=90))
            .sign(self._key, hashes.SHA256())
        )
        der = certificate.public_bytes(serialization.Encoding.DER)
        self.kid = b64url(hashlib.sha1(der).digest())  # noqa: S324 - x5t is defined as SHA-1
        self._x5c = base64.b64encode(der).decode("ascii")

    def jwks(self, issuer: str) -> dict[str, Any]:
        """The JSON Web Key Set with this key, as ``/discovery/v2.0/keys`` answers."""
        numbers = self._key.public_key().public_numbers()
        return {
            "keys": [
                {
                    "kty": "RSA",
                    "use": "sig",
                    "kid": self.kid,
                    "x5t": self.kid,
                    "n": _uint(numbers.n),
                    "e": _uint(numbers.e),
                    "x5c": [self._x5c],
                    "issuer": issuer,
                }
            ]
        }

    def sign(self, claims: dict[str, Any]) -> str:
        """A compact RS256 JWT of ``claims``."""
        header = {"typ": "JWT", "alg": "RS256", "kid": self.kid}
        signing_input = ".".join(
            b64url(json.dumps(part, separators=(",", ":")).encode("utf-8")) for part in (header, claims)
        )
        signature = self._key.sign(signing_input.encode("ascii"), padding.PKCS1v15(), hashes.SHA256())
        return f"{signing_input}.{b64url(signature)}"


def id_token_claims(
    mailbox: Mailbox, *, client_id: str, issuer: str, now: float, nonce: str | None = None
) -> dict[str, Any]:
    """The claims of a v2.0 ID token for ``mailbox`` signing in to ``client_id``."""
    issued = int(now)
    # Entra's sub is pairwise: stable for one user and one app, different across apps.
    subject = b64url(hashlib.sha256(f"{mailbox.id}:{client_id}".encode()).digest())
    claims: dict[str, Any] = {
        "aud": client_id,
        "iss": issuer,
        "iat": issued,
        "nbf": issued,
        "exp": issued + ID_TOKEN_LIFETIME,
        "name": mailbox.display_name,
        "oid": mailbox.id,
        "preferred_username": mailbox.upn,
        "sub": subject,
        "tid": TENANT_ID,
        "ver": "2.0",
    }
    if nonce is not None:
        claims["nonce"] = nonce
    return claims

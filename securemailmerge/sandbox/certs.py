"""A throw-away certificate authority and server certificate for the sandbox's HTTPS on loopback.

Every start makes a new CA, so nothing the sandbox ever trusted outlives it. The CA certificate is
written as PEM next to the server's certificate and key; clients trust the sandbox by pointing at
``ca_file`` and nothing else (the tenant configuration carries it, for loopback hosts only).
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import ssl
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

# Long enough for a sandbox that runs for weeks, short enough that a forgotten CA file is worthless.
VALIDITY = datetime.timedelta(days=90)
# Tolerates a client clock slightly behind ours.
BACKDATE = datetime.timedelta(hours=1)


@dataclass(frozen=True)
class SandboxCertificates:
    """Where the CA, the server certificate and its key were written."""

    ca_file: Path
    cert_file: Path
    key_file: Path

    def server_context(self) -> ssl.SSLContext:
        """A TLS 1.2+ server context presenting the sandbox's certificate."""
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.load_cert_chain(self.cert_file, self.key_file)
        return context


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "SecureMailMerge Sandbox"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _write_private(path: Path, data: bytes) -> None:
    # The key never becomes readable by other users, not even for an instant.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)


def _ca_certificate(
    ca_key: ec.EllipticCurvePrivateKey,
    ca_name: x509.Name,
    ca_ski: x509.SubjectKeyIdentifier,
    now: datetime.datetime,
) -> x509.Certificate:
    """The self-signed CA certificate, allowed to sign server certificates only."""
    return (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - BACKDATE)
        .not_valid_after(now + VALIDITY)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(ca_ski, critical=False)
        .sign(ca_key, hashes.SHA256())
    )


def _server_certificate(
    server_key: ec.EllipticCurvePrivateKey,
    ca_key: ec.EllipticCurvePrivateKey,
    ca_name: x509.Name,
    ca_ski: x509.SubjectKeyIdentifier,
    now: datetime.datetime,
) -> x509.Certificate:
    """The server certificate for 127.0.0.1, localhost and ::1, signed by the CA."""
    return (
        x509.CertificateBuilder()
        .subject_name(_name("127.0.0.1"))
        .issuer_name(ca_name)
        .public_key(server_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - BACKDATE)
        .not_valid_after(now + VALIDITY)
        .add_extension(
            x509.SubjectAlternativeName(
                [
                    x509.DNSName("localhost"),
                    x509.IPAddress(ipaddress.IPv4Address("127.0.0.1")),
                    x509.IPAddress(ipaddress.IPv6Address("::1")),
                ]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(server_key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski), critical=False)
        .sign(ca_key, hashes.SHA256())
    )


def _write_certificates(
    folder: Path,
    ca_cert: x509.Certificate,
    server_cert: x509.Certificate,
    server_key: ec.EllipticCurvePrivateKey,
) -> SandboxCertificates:
    """Write both certificates as PEM and the server key as private PKCS#8 into ``folder``."""
    certificates = SandboxCertificates(
        ca_file=folder / "sandbox-ca.pem",
        cert_file=folder / "sandbox-server.pem",
        key_file=folder / "sandbox-server.key",
    )
    certificates.ca_file.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    certificates.cert_file.write_bytes(server_cert.public_bytes(serialization.Encoding.PEM))
    _write_private(
        certificates.key_file,
        server_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
    )
    return certificates


def create_certificates(folder: Path) -> SandboxCertificates:
    """Generate a new CA and a server certificate for 127.0.0.1, localhost and ::1 into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name("SecureMailMerge Sandbox CA")
    ca_ski = x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key())
    ca_cert = _ca_certificate(ca_key, ca_name, ca_ski, now)
    server_key = ec.generate_private_key(ec.SECP256R1())
    server_cert = _server_certificate(server_key, ca_key, ca_name, ca_ski, now)
    return _write_certificates(folder, ca_cert, server_cert, server_key)

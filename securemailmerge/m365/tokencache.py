""" "Stay signed in": msal's token cache, encrypted on disk, with its key in the OS keychain.

The cache file (``token_cache.bin`` in the data folder) is Fernet ciphertext (AES-128-CBC with an
HMAC-SHA256 tag); the key lives in the OS keychain through ``keyring`` (service ``SecureMailMerge``)
and nowhere else. Without a usable keychain the option is unavailable: there is never a plaintext
fallback. A cache that can no longer be decrypted (keychain entry lost or replaced, file damaged)
is discarded with a log line and the user simply signs in again.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import keyring
import keyring.errors
import msal
from cryptography.fernet import Fernet, InvalidToken
from keyring.backends import chainer, fail, null

from securemailmerge import paths
from securemailmerge.errors import KeychainUnavailable
from securemailmerge.i18n import translate

log = logging.getLogger(__name__)

KEYCHAIN_SERVICE = "SecureMailMerge"
KEYCHAIN_ENTRY = "token-cache-key"
CACHE_FILE_NAME = "token_cache.bin"


def cache_path() -> Path:
    """Where the encrypted token cache lives."""
    return paths.data_dir() / CACHE_FILE_NAME


def has_saved_sign_in() -> bool:
    """True when a kept sign-in (the encrypted cache file) is on this computer; touches no keychain."""
    return cache_path().is_file()


def _no_keychain() -> KeychainUnavailable:
    return KeychainUnavailable(
        translate(
            "TokenCache",
            "Stay signed in needs the system keychain (Windows Credential Manager, macOS Keychain or a "
            "Secret Service such as GNOME Keyring) and none is available on this computer. You will be "
            "asked to sign in each time the app starts.",
        ),
        code="no_keychain",
    )


def _keychain_refused(error: Exception) -> KeychainUnavailable:
    return KeychainUnavailable(
        translate(
            "TokenCache", "Stay signed in is unavailable because the keychain refused access: {error}"
        ).format(error=str(error) or type(error).__name__),
        code="keychain_error",
    )


def _check_backend() -> None:
    backend = keyring.get_keyring()
    # fail.Keyring and an empty chain are what keyring picks when it finds nothing; null.Keyring
    # accepts every secret and keeps none.
    if isinstance(backend, fail.Keyring | null.Keyring):
        raise _no_keychain()
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        raise _no_keychain()


def _stored_key() -> str | None:
    """The cache key if the keychain holds one; KeychainUnavailable when there is no usable keychain."""
    _check_backend()
    try:
        return keyring.get_password(KEYCHAIN_SERVICE, KEYCHAIN_ENTRY)
    except keyring.errors.KeyringError as error:
        raise _keychain_refused(error) from None


def _load_or_create_key() -> bytes:
    """The cache key from the keychain, created there on first use."""
    stored = _stored_key()
    if stored:
        return stored.encode("ascii")
    key = Fernet.generate_key().decode("ascii")
    try:
        keyring.set_password(KEYCHAIN_SERVICE, KEYCHAIN_ENTRY, key)
        kept = keyring.get_password(KEYCHAIN_SERVICE, KEYCHAIN_ENTRY)
    except keyring.errors.KeyringError as error:
        raise _keychain_refused(error) from None
    if kept != key:
        raise KeychainUnavailable(
            translate(
                "TokenCache", "Stay signed in is unavailable because the keychain did not keep its key."
            ),
            code="keychain_forgets",
        )
    return key.encode("ascii")


def keychain_unavailable_reason() -> str | None:
    """Why "stay signed in" cannot be offered here (translated), or None when the keychain works."""
    try:
        _stored_key()
    except KeychainUnavailable as error:
        return error.message
    return None


class EncryptedTokenCache:
    """Keeps an msal ``SerializableTokenCache`` in an encrypted file whose key is in the keychain."""

    def __init__(self, cache: msal.SerializableTokenCache, path: Path | None = None) -> None:
        """Bind ``cache`` to the file; raises KeychainUnavailable when there is no usable keychain."""
        self.cache = cache
        self.path = path or cache_path()
        self._fernet: Fernet | None = None
        self._cipher()  # fail now, when the user turns the option on, not at the first save

    def load(self) -> bool:
        """Fill the cache from the file; True when a saved sign-in was restored."""
        try:
            ciphertext = self.path.read_bytes()
        except FileNotFoundError:
            return False
        except OSError as error:
            log.warning("Ignored the saved sign-in: the cache file cannot be read (%s)", error.strerror)
            return False
        try:
            self.cache.deserialize(self._cipher().decrypt(ciphertext).decode("utf-8"))
        except (InvalidToken, UnicodeDecodeError, ValueError):
            # The key was lost or replaced, or the file was damaged: the user signs in again.
            log.warning("Discarded the saved sign-in: it cannot be decrypted with the keychain's key")
            self.path.unlink(missing_ok=True)
            return False
        return True

    def save(self, *, force: bool = False) -> bool:
        """Write the cache if msal changed it (or ``force``); True when the file was written."""
        if not (force or self.cache.has_state_changed):
            return False
        # Staying signed in is a convenience: a locked keychain or a full disk must not stop the
        # user's work, so failures here are logged and the sign-in simply is not kept.
        try:
            ciphertext = self._cipher().encrypt(self.cache.serialize().encode("utf-8"))
        except KeychainUnavailable as error:
            log.warning("Could not save the sign-in for next time (%s)", error.code)
            return False
        temporary = self.path.with_name(self.path.name + ".tmp")
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(ciphertext)
            os.replace(temporary, self.path)
        except OSError as error:
            log.warning("Could not save the sign-in for next time (%s)", error.strerror)
            temporary.unlink(missing_ok=True)
            return False
        return True

    def forget(self) -> None:
        """Delete the file and the key; a later save starts over with a new key."""
        forget_saved_sign_in(self.path)
        self._fernet = None

    def _cipher(self) -> Fernet:
        if self._fernet is None:
            self._fernet = Fernet(_load_or_create_key())
        return self._fernet


def forget_saved_sign_in(path: Path | None = None) -> None:
    """Delete the encrypted cache file and its key from the keychain (no keychain is not an error)."""
    (path or cache_path()).unlink(missing_ok=True)
    try:
        keyring.delete_password(KEYCHAIN_SERVICE, KEYCHAIN_ENTRY)
    except keyring.errors.PasswordDeleteError:
        pass  # there was no key: nothing to forget
    except keyring.errors.NoKeyringError:
        # Without a keychain no key can have been kept, so this is no warning (which the command
        # line would print on every sign-in).
        log.debug("No keychain, so no token cache key to remove")
    except keyring.errors.KeyringError as error:
        log.warning("Could not remove the token cache key from the keychain (%s)", type(error).__name__)

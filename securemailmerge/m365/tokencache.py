""" "Stay signed in": msal's token cache, encrypted on disk, with its key in the OS keychain.

The cache file (``token_cache.bin`` in the data folder) is Fernet ciphertext (AES-128-CBC with an
HMAC-SHA256 tag); the key lives in the OS keychain through ``keyring`` (service ``SecureMailMerge``)
and nowhere else. Without a usable keychain the option is unavailable: there is never a plaintext
fallback. A cache that can no longer be used (keychain entry lost, replaced or not a key at all,
file damaged, planted or decrypting to something that is not an msal cache) is discarded with a
warning in the log and the user simply signs in again.

Two instances of the app (or the app and the command line) share the file as Microsoft's
msal-extensions ``PersistedTokenCache`` does: ``SharedTokenCache`` reloads the file before msal
reads it when another instance has replaced it, and every change msal makes is written under an
exclusive lock on ``token_cache.bin.lock``, after reloading, so neither overwrites the other's
tokens. The lock is portalocker's (fcntl on macOS and Linux, LockFileEx on Windows) on a file
opened here without following links; msal-extensions' own lock opens its lock file by name
(following a planted link) and waits 5 s whenever a lock file is left behind. The file is
written to a temporary file made by ``mkstemp`` (created exclusively, never following a link,
mode 0600) in the same folder, flushed, then renamed over the old one.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
import msal
import portalocker
import portalocker.exceptions
from cryptography.fernet import Fernet, InvalidToken
from keyring.backends import chainer, fail, null

from securemailmerge import paths
from securemailmerge.errors import KeychainUnavailable
from securemailmerge.i18n import translate

log = logging.getLogger(__name__)

KEYCHAIN_SERVICE = "SecureMailMerge"
KEYCHAIN_ENTRY = "token-cache-key"
CACHE_FILE_NAME = "token_cache.bin"
LOCK_TIMEOUT = 5.0  # seconds to wait for another instance's write, as msal-extensions does
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)  # Windows has no symbolic links a user can plant
# The entries msal reads without checking; a cache without them would fail inside msal.
_SECRETS = ("AccessToken", "RefreshToken", "IdToken")


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


def _load_or_create_key() -> str:
    """The cache key from the keychain, created there on first use."""
    stored = _stored_key()
    if stored:
        return stored
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
    return key


def _fernet(key: str) -> Fernet | None:
    """The cipher for ``key``, or None when the keychain holds something that is not a Fernet key."""
    try:
        return Fernet(key.encode("ascii"))
    except ValueError:  # also binascii.Error and UnicodeEncodeError
        return None


def _is_msal_cache(state: Any) -> bool:
    """True when ``state`` has the shape msal relies on: sections of entries, each a flat object."""
    if not isinstance(state, dict):
        return False
    for section, entries in state.items():
        if not isinstance(entries, dict):
            return False
        for entry in entries.values():
            if not isinstance(entry, dict) or any(isinstance(v, dict | list) for v in entry.values()):
                return False
            if section in _SECRETS and not isinstance(entry.get("secret"), str):
                return False
            if section == "AccessToken" and not str(entry.get("expires_on", "")).isdigit():
                return False
    return True


def _signature(path: Path) -> tuple[int, int, int] | None:
    """What changes when another instance replaces the file: inode, modification time and size."""
    try:
        stat = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


def keychain_unavailable() -> KeychainUnavailable | None:
    """Why "stay signed in" cannot work here, or None when the keychain works; creates no key."""
    try:
        _stored_key()
    except KeychainUnavailable as error:
        return error
    return None


def keychain_unavailable_reason() -> str | None:
    """Why "stay signed in" cannot be offered here (translated), or None when the keychain works."""
    problem = keychain_unavailable()
    return None if problem is None else problem.message


class SharedTokenCache(msal.SerializableTokenCache):  # type: ignore[misc]  # msal has no type hints
    """msal's cache that, while kept on disk, sees and keeps the other instances' changes."""

    store: EncryptedTokenCache | None = None

    def search(self, credential_type: Any, *args: Any, **kwargs: Any) -> Any:
        """msal's search, after reloading the file if another instance replaced it."""
        if self.store is not None:
            self.store.reload_if_changed()
        return super().search(credential_type, *args, **kwargs)

    def modify(self, credential_type: Any, old_entry: Any, new_key_value_pairs: Any = None) -> None:
        """msal's change, made under the lock on top of the file's latest state and written at once."""
        store = self.store
        if store is None:
            super().modify(credential_type, old_entry, new_key_value_pairs)
            return
        with store.locked() as locked:
            if locked:
                store.reload_if_changed()
            super().modify(credential_type, old_entry, new_key_value_pairs)
            if locked:
                store.write()


class EncryptedTokenCache:
    """Keeps an msal ``SerializableTokenCache`` in an encrypted file whose key is in the keychain."""

    def __init__(self, cache: msal.SerializableTokenCache, path: Path | None = None) -> None:
        """Bind ``cache`` to the file; raises KeychainUnavailable when there is no usable keychain."""
        self.cache = cache
        self.path = path or cache_path()
        self._lock_path = self.path.with_name(self.path.name + ".lock")
        self._fernet: Fernet | None = None
        self._synced: tuple[int, int, int] | None = None
        self._cipher()  # fail now, when the user turns the option on, not at the first save
        if isinstance(cache, SharedTokenCache):
            cache.store = self

    def load(self) -> bool:
        """Fill the cache from the file; True when a saved sign-in was restored."""
        with self.locked():
            return self._read()

    def reload_if_changed(self) -> None:
        """Read the file again when another instance has replaced it since this one read or wrote it."""
        signature = _signature(self.path)
        if signature is not None and signature != self._synced:
            self._read()

    def save(self, *, force: bool = False) -> bool:
        """Write the cache if msal changed it (or ``force``); True when the file was written."""
        if not (force or self.cache.has_state_changed):
            return False
        with self.locked() as locked:
            return locked and self.write()

    def write(self) -> bool:
        """Write the cache now (the caller holds the lock); False, with a log line, when that fails."""
        # Staying signed in is a convenience: a locked keychain or a full disk must not stop the
        # user's work, so failures here are logged and the sign-in simply is not kept.
        try:
            ciphertext = self._cipher().encrypt(self.cache.serialize().encode("utf-8"))
        except KeychainUnavailable as error:
            log.warning("Could not save the sign-in for next time (%s)", error.code)
            return False
        temporary: str | None = None
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".token_cache.")
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(ciphertext)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, self.path)
        except OSError as error:
            log.warning("Could not save the sign-in for next time (%s)", error.strerror)
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)
            return False
        self._synced = _signature(self.path)
        return True

    @contextmanager
    def locked(self) -> Iterator[bool]:
        """Hold the exclusive lock other instances also take; yields False when it cannot be had."""
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            descriptor = os.open(self._lock_path, os.O_RDWR | os.O_CREAT | _NO_FOLLOW, 0o600)
        except OSError as error:
            log.warning("Could not lock the saved sign-in (%s); it is left as it is", error.strerror)
            yield False
            return
        with os.fdopen(descriptor, "r+b") as handle:
            if not _acquire(handle):
                log.warning("Another instance of the app kept the saved sign-in locked; it is left as it is")
                yield False
                return
            try:
                yield True
            finally:
                portalocker.unlock(handle)

    def forget(self) -> None:
        """Delete the file and the key; a later save starts over with a new key."""
        forget_saved_sign_in(self.path)
        self._fernet = None
        self._synced = None

    def detach(self) -> None:
        """Stop keeping the cache on disk (what was kept stays until ``forget``)."""
        if isinstance(self.cache, SharedTokenCache) and self.cache.store is self:
            self.cache.store = None

    def _read(self) -> bool:
        try:
            descriptor = os.open(self.path, os.O_RDONLY | _NO_FOLLOW)
        except FileNotFoundError:
            self._synced = None
            return False
        except OSError as error:
            # A link planted in place of the file is refused here (ELOOP) and removed below.
            return self._discard(f"the cache file cannot be read ({error.strerror})")
        with os.fdopen(descriptor, "rb") as handle:
            ciphertext = handle.read()
        try:
            text = self._cipher().decrypt(ciphertext).decode("utf-8")
            state = json.loads(text)
        except (InvalidToken, UnicodeDecodeError, ValueError):
            # The key was lost or replaced, or the file was damaged: the user signs in again.
            return self._discard("it cannot be decrypted with the keychain's key")
        if not _is_msal_cache(state):
            return self._discard("it does not hold a token cache")
        self.cache.deserialize(text)
        self._synced = _signature(self.path)
        return True

    def _discard(self, reason: str) -> bool:
        log.warning("Discarded the saved sign-in: %s", reason)
        with suppress(OSError):
            self.path.unlink(missing_ok=True)
        self._synced = None
        return False

    def _cipher(self) -> Fernet:
        if self._fernet is None:
            fernet = _fernet(_load_or_create_key())
            if fernet is None:
                log.warning("Discarded the saved sign-in: the keychain's entry for it is not a valid key")
                forget_saved_sign_in(self.path)
                fernet = _fernet(_load_or_create_key())
            if fernet is None:  # the keychain gave back something else than it was given
                raise KeychainUnavailable(
                    translate(
                        "TokenCache",
                        "Stay signed in is unavailable because the keychain did not keep its key.",
                    ),
                    code="keychain_forgets",
                )
            self._fernet = fernet
        return self._fernet


def _acquire(handle: Any) -> bool:
    """Take the exclusive lock on ``handle``, waiting up to ``LOCK_TIMEOUT`` for another instance."""
    deadline = time.monotonic() + LOCK_TIMEOUT
    while True:
        try:
            portalocker.lock(handle, portalocker.LockFlags.EXCLUSIVE | portalocker.LockFlags.NON_BLOCKING)
        except portalocker.exceptions.LockException:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)
        else:
            return True


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

"""The saved sign-in is on disk only encrypted, its key only in the keychain; no keychain, no saving."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar

import keyring
import keyring.backend
import keyring.errors
import msal
import pytest
from keyring.backends import chainer, fail, null

from securemailmerge.errors import KeychainUnavailable
from securemailmerge.m365.tokencache import (
    CACHE_FILE_NAME,
    KEYCHAIN_ENTRY,
    KEYCHAIN_SERVICE,
    EncryptedTokenCache,
    cache_path,
    forget_saved_sign_in,
    keychain_unavailable_reason,
)
from tests.helpers import InMemoryKeyring

TOKEN_ENDPOINT = "https://login.microsoftonline.com/contoso/oauth2/v2.0/token"


def signed_in_cache(secret: str = "SECRET") -> msal.SerializableTokenCache:
    """An msal cache holding an access and a refresh token, as after a sign-in."""
    cache = msal.SerializableTokenCache()
    cache.add(
        {
            "client_id": "client",
            "scope": ["User.Read"],
            "token_endpoint": TOKEN_ENDPOINT,
            "response": {
                "access_token": f"at-{secret}",
                "refresh_token": f"rt-{secret}",
                "expires_in": 3600,
                "token_type": "Bearer",
            },
        }
    )
    return cache


def refresh_tokens(cache: msal.SerializableTokenCache) -> list[str]:
    """The refresh tokens the cache holds."""
    return [entry["secret"] for entry in cache.search(msal.TokenCache.CredentialType.REFRESH_TOKEN)]


class LockedKeyring(keyring.backend.KeyringBackend):
    """A keychain that exists but refuses every request, as a locked one does."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("the keychain is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("the keychain is locked")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringLocked("the keychain is locked")


class ForgetfulKeyring(InMemoryKeyring):
    """A keychain that accepts a secret without error and then does not have it."""

    def set_password(self, service: str, username: str, password: str) -> None:
        return None


class EmptyChain(chainer.ChainerBackend):
    """A keyring chain that found no backend at all (what a bare Linux install gives)."""

    backends: ClassVar[list[keyring.backend.KeyringBackend]] = []


@pytest.fixture
def use_keyring() -> Iterator[Callable[[keyring.backend.KeyringBackend], None]]:
    """Install a given keychain backend for one test."""
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


@pytest.mark.parametrize(
    ("backend", "expected"),
    [
        (fail.Keyring, "none is available on this computer"),
        (null.Keyring, "none is available on this computer"),
        (EmptyChain, "none is available on this computer"),
        (LockedKeyring, "the keychain refused access: the keychain is locked"),
    ],
)
def test_no_usable_keychain_makes_the_option_unavailable_with_the_reason(
    use_keyring: Callable[[keyring.backend.KeyringBackend], None],
    backend: Callable[[], keyring.backend.KeyringBackend],
    expected: str,
) -> None:
    use_keyring(backend())
    reason = keychain_unavailable_reason()
    assert reason is not None
    assert expected in reason
    with pytest.raises(KeychainUnavailable, match=expected):
        EncryptedTokenCache(signed_in_cache())
    assert not cache_path().exists()


def test_a_keychain_that_forgets_its_key_is_refused(
    use_keyring: Callable[[keyring.backend.KeyringBackend], None],
) -> None:
    use_keyring(ForgetfulKeyring())
    with pytest.raises(KeychainUnavailable, match="did not keep its key") as caught:
        EncryptedTokenCache(signed_in_cache())
    assert caught.value.code == "keychain_forgets"


def test_a_working_keychain_offers_the_option(memory_keyring: InMemoryKeyring) -> None:
    assert keychain_unavailable_reason() is None
    assert memory_keyring.secrets == {}, "probing must not create a key"


def test_the_cache_round_trips_encrypted_with_the_key_in_the_keychain(
    memory_keyring: InMemoryKeyring, data_dir: Path
) -> None:
    store = EncryptedTokenCache(signed_in_cache("round-trip"))
    assert store.save() is True
    path = data_dir / CACHE_FILE_NAME
    stored = path.read_bytes()
    for plain in (b"round-trip", b"RefreshToken", b"{"):
        assert plain not in stored
    assert (KEYCHAIN_SERVICE, KEYCHAIN_ENTRY) in memory_keyring.secrets
    assert memory_keyring.secrets[(KEYCHAIN_SERVICE, KEYCHAIN_ENTRY)].encode() not in stored

    restored = msal.SerializableTokenCache()
    assert EncryptedTokenCache(restored).load() is True
    assert refresh_tokens(restored) == ["rt-round-trip"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_cache_file_is_private_to_the_user(memory_keyring: InMemoryKeyring) -> None:
    EncryptedTokenCache(signed_in_cache()).save()
    assert os.stat(cache_path()).st_mode & 0o777 == 0o600


def test_nothing_is_written_unless_msal_changed_the_cache(memory_keyring: InMemoryKeyring) -> None:
    store = EncryptedTokenCache(signed_in_cache())
    assert store.save() is True
    before = cache_path().read_bytes()
    assert store.save() is False
    assert cache_path().read_bytes() == before
    empty = EncryptedTokenCache(msal.SerializableTokenCache(), cache_path().with_name("other.bin"))
    assert empty.save() is False
    assert not empty.path.exists()


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda ring, path: ring.secrets.clear(), id="key-lost"),
        pytest.param(
            lambda ring, path: ring.set_password(KEYCHAIN_SERVICE, KEYCHAIN_ENTRY, "A" * 43 + "="),
            id="key-replaced",
        ),
        pytest.param(lambda ring, path: path.write_bytes(b"not a fernet token"), id="file-damaged"),
    ],
)
def test_a_cache_that_cannot_be_decrypted_is_discarded_with_a_log_line(
    memory_keyring: InMemoryKeyring,
    caplog: pytest.LogCaptureFixture,
    damage: Callable[[InMemoryKeyring, Path], None],
) -> None:
    EncryptedTokenCache(signed_in_cache()).save()
    damage(memory_keyring, cache_path())
    restored = msal.SerializableTokenCache()
    with caplog.at_level(logging.WARNING, logger="securemailmerge.m365.tokencache"):
        assert EncryptedTokenCache(restored).load() is False
    assert refresh_tokens(restored) == []
    assert not cache_path().exists()
    assert "Discarded the saved sign-in" in caplog.text


def test_a_failed_write_is_logged_and_not_fatal(
    memory_keyring: InMemoryKeyring, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = EncryptedTokenCache(signed_in_cache(), tmp_path / "missing-folder" / CACHE_FILE_NAME)
    with caplog.at_level(logging.WARNING, logger="securemailmerge.m365.tokencache"):
        assert store.save() is False
    assert "Could not save the sign-in" in caplog.text
    assert list(tmp_path.glob("**/*.tmp")) == []


def test_forgetting_removes_the_file_and_the_key(memory_keyring: InMemoryKeyring) -> None:
    EncryptedTokenCache(signed_in_cache()).save()
    forget_saved_sign_in()
    assert not cache_path().exists()
    assert memory_keyring.secrets == {}
    forget_saved_sign_in()  # forgetting twice is harmless


@pytest.mark.parametrize(
    ("backend", "level", "message"),
    [
        # Nothing can have been kept without a keychain: no warning for the command line to print.
        (fail.Keyring, logging.DEBUG, "No keychain, so no token cache key to remove"),
        (
            LockedKeyring,
            logging.WARNING,
            "Could not remove the token cache key from the keychain (KeyringLocked)",
        ),
    ],
)
def test_forgetting_without_a_usable_keychain_removes_the_file_and_warns_only_on_a_real_failure(
    use_keyring: Callable[[keyring.backend.KeyringBackend], None],
    caplog: pytest.LogCaptureFixture,
    backend: Callable[[], keyring.backend.KeyringBackend],
    level: int,
    message: str,
) -> None:
    cache_path().write_bytes(b"left over")
    use_keyring(backend())
    with caplog.at_level(logging.DEBUG, logger="securemailmerge.m365.tokencache"):
        forget_saved_sign_in()
    assert not cache_path().exists()
    assert [(record.levelno, record.getMessage()) for record in caplog.records] == [(level, message)]


def test_after_forgetting_the_next_save_starts_over_with_a_new_key(memory_keyring: InMemoryKeyring) -> None:
    store = EncryptedTokenCache(signed_in_cache("first"))
    store.save()
    old_key = memory_keyring.secrets[(KEYCHAIN_SERVICE, KEYCHAIN_ENTRY)]
    store.forget()
    assert memory_keyring.secrets == {}
    store.cache = signed_in_cache("second")
    assert store.save() is True
    assert memory_keyring.secrets[(KEYCHAIN_SERVICE, KEYCHAIN_ENTRY)] != old_key
    restored = msal.SerializableTokenCache()
    assert EncryptedTokenCache(restored).load() is True
    assert refresh_tokens(restored) == ["rt-second"]


def test_a_keychain_locked_after_a_sign_out_only_stops_the_saving(
    use_keyring: Callable[[keyring.backend.KeyringBackend], None], caplog: pytest.LogCaptureFixture
) -> None:
    use_keyring(InMemoryKeyring())
    store = EncryptedTokenCache(signed_in_cache())
    store.forget()  # as after a sign-out: the next save needs a new key
    use_keyring(LockedKeyring())
    with caplog.at_level(logging.WARNING, logger="securemailmerge.m365.tokencache"):
        assert store.save() is False
    assert "Could not save the sign-in for next time (keychain_error)" in caplog.text
    assert not cache_path().exists()

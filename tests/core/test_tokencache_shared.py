"""The kept sign-in survives two instances and planted files: a lock, a reload, never a traceback."""

from __future__ import annotations

import base64
import json
import logging
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import msal
import pytest
from cryptography.fernet import Fernet

from securemailmerge.m365.tokencache import (
    CACHE_FILE_NAME,
    KEYCHAIN_ENTRY,
    KEYCHAIN_SERVICE,
    EncryptedTokenCache,
    SharedTokenCache,
    cache_path,
)
from tests.conftest import InMemoryKeyring
from tests.core.test_tokencache import refresh_tokens, signed_in_cache

REPO = Path(__file__).resolve().parents[2]
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and modes")


def add_sign_in(cache: msal.SerializableTokenCache, who: str) -> None:
    """What msal writes when ``who`` signs in: an access and a refresh token of their own."""
    cache.add(
        {
            "client_id": "client",
            "scope": ["User.Read"],
            "token_endpoint": "https://login.microsoftonline.com/contoso/oauth2/v2.0/token",
            "response": {
                "access_token": f"at-{who}",
                "refresh_token": f"rt-{who}",
                "expires_in": 3600,
                "token_type": "Bearer",
                # Who signed in, as Entra says it: the refresh token is kept under this account.
                "client_info": base64.urlsafe_b64encode(
                    json.dumps({"uid": who, "utid": "tenant"}).encode()
                ).decode(),
            },
        }
    )


def instance() -> tuple[SharedTokenCache, EncryptedTokenCache]:
    """A second app or command line: its own cache, bound to the same file."""
    cache = SharedTokenCache()
    store = EncryptedTokenCache(cache)
    store.load()
    return cache, store


@POSIX
def test_a_link_planted_as_the_temporary_file_is_not_followed(
    memory_keyring: InMemoryKeyring, data_dir: Path, tmp_path: Path
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    data_dir.mkdir(parents=True)
    for name in (CACHE_FILE_NAME + ".tmp", ".token_cache.tmp"):
        (data_dir / name).symlink_to(victim)
    assert EncryptedTokenCache(signed_in_cache()).save() is True
    assert victim.read_text() == "precious"
    assert not cache_path().is_symlink()


@POSIX
def test_a_link_planted_as_the_cache_is_not_read_and_is_removed(
    memory_keyring: InMemoryKeyring, data_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    EncryptedTokenCache(signed_in_cache("elsewhere"), tmp_path / "other.bin").save()
    data_dir.mkdir(parents=True)
    cache_path().symlink_to(tmp_path / "other.bin")
    restored = msal.SerializableTokenCache()
    with caplog.at_level(logging.WARNING, logger="securemailmerge.m365.tokencache"):
        assert EncryptedTokenCache(restored).load() is False
    assert refresh_tokens(restored) == []
    assert not cache_path().exists()
    assert not cache_path().is_symlink()
    assert (tmp_path / "other.bin").exists()
    assert "Discarded the saved sign-in" in caplog.text


@POSIX
def test_the_cache_is_never_wider_than_0600_whatever_the_umask(memory_keyring: InMemoryKeyring) -> None:
    previous = os.umask(0)
    try:
        EncryptedTokenCache(signed_in_cache()).save()
    finally:
        os.umask(previous)
    assert os.stat(cache_path()).st_mode & 0o777 == 0o600
    assert os.stat(cache_path().with_name(CACHE_FILE_NAME + ".lock")).st_mode & 0o777 == 0o600


def test_two_instances_keep_each_others_tokens(memory_keyring: InMemoryKeyring) -> None:
    app, _ = instance()
    command_line, _ = instance()
    add_sign_in(app, "ada")
    add_sign_in(command_line, "grace")  # reloads the app's write first, then adds its own
    assert sorted(refresh_tokens(app)) == ["rt-ada", "rt-grace"]  # the app sees the other's write
    restored = msal.SerializableTokenCache()
    EncryptedTokenCache(restored).load()
    assert sorted(refresh_tokens(restored)) == ["rt-ada", "rt-grace"]


CHILD = """
import json, sys
from pathlib import Path
import keyring, keyring.backend

class FileKeyring(keyring.backend.KeyringBackend):
    priority = 1
    def get_password(self, service, username):
        return json.loads(Path(sys.argv[2]).read_text()).get(username)
    def set_password(self, service, username, password):
        raise AssertionError("the parent made the key")
    def delete_password(self, service, username):
        raise AssertionError("nothing is forgotten here")

keyring.set_keyring(FileKeyring())
from securemailmerge.m365.tokencache import EncryptedTokenCache, SharedTokenCache
from tests.core.test_tokencache_shared import add_sign_in

cache = SharedTokenCache()
EncryptedTokenCache(cache, Path(sys.argv[1])).load()
for number in range(int(sys.argv[4])):
    add_sign_in(cache, f"{sys.argv[3]}-{number}")
"""


def test_two_processes_writing_at_once_lose_nothing(memory_keyring: InMemoryKeyring, tmp_path: Path) -> None:
    key = Fernet.generate_key().decode("ascii")
    memory_keyring.set_password(KEYCHAIN_SERVICE, KEYCHAIN_ENTRY, key)
    keys = tmp_path / "keychain.json"
    keys.write_text(json.dumps({KEYCHAIN_ENTRY: key}))
    path = tmp_path / CACHE_FILE_NAME
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    children = [
        subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(CHILD), str(path), str(keys), name, "25"],
            env=env,
            cwd=REPO,
        )
        for name in ("app", "cli")
    ]
    assert [child.wait(timeout=60) for child in children] == [0, 0]
    restored = msal.SerializableTokenCache()
    assert EncryptedTokenCache(restored, path).load() is True
    expected = sorted(f"rt-{name}-{number}" for name in ("app", "cli") for number in range(25))
    assert sorted(refresh_tokens(restored)) == expected


@pytest.mark.parametrize("stored", ["not-a-key", "A" * 10, "schlüssel" * 5, "A" * 42 + "=="])
def test_a_keychain_entry_that_is_not_a_key_forgets_the_cache_with_a_warning(
    memory_keyring: InMemoryKeyring, caplog: pytest.LogCaptureFixture, stored: str
) -> None:
    EncryptedTokenCache(signed_in_cache()).save()
    memory_keyring.set_password(KEYCHAIN_SERVICE, KEYCHAIN_ENTRY, stored)
    restored = msal.SerializableTokenCache()
    with caplog.at_level(logging.WARNING, logger="securemailmerge.m365.tokencache"):
        assert EncryptedTokenCache(restored).load() is False
    assert "is not a valid key" in caplog.text
    assert refresh_tokens(restored) == []
    assert not cache_path().exists()
    assert memory_keyring.secrets[(KEYCHAIN_SERVICE, KEYCHAIN_ENTRY)] != stored  # a new key for next time


def wrong_structures() -> Iterator[object]:
    yield [1, 2, 3]
    yield None
    yield "a string"
    yield {"AccessToken": [1]}
    yield {"RefreshToken": {"k": "not an entry"}}
    yield {"RefreshToken": {"k": {"secret": 5, "home_account_id": "h"}}}
    yield {"AccessToken": {"k": {"secret": "s", "expires_on": "soon", "target": "User.Read"}}}
    yield {"Account": {"k": {"home_account_id": {"nested": True}}}}


@pytest.mark.parametrize("state", list(wrong_structures()))
def test_a_cache_that_decrypts_to_the_wrong_structure_is_forgotten_with_a_warning(
    memory_keyring: InMemoryKeyring, caplog: pytest.LogCaptureFixture, state: object
) -> None:
    EncryptedTokenCache(signed_in_cache()).save()
    key = memory_keyring.secrets[(KEYCHAIN_SERVICE, KEYCHAIN_ENTRY)]
    cache_path().write_bytes(Fernet(key.encode()).encrypt(json.dumps(state).encode()))
    restored = SharedTokenCache()
    with caplog.at_level(logging.WARNING, logger="securemailmerge.m365.tokencache"):
        assert EncryptedTokenCache(restored).load() is False
    assert "Discarded the saved sign-in" in caplog.text
    # msal works on an empty cache instead of failing inside.
    assert list(restored.search(msal.TokenCache.CredentialType.ACCOUNT)) == []
    assert refresh_tokens(restored) == []
    assert not cache_path().exists()

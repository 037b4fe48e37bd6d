"""signin, signout, whoami and contacts work on the command line against the sandbox; errors are one line."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from securemailmerge import cli
from securemailmerge.cli import m365 as cli_m365
from securemailmerge.m365.addressbook import MERGE_FIELDS
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.browser import as_default_browser
from securemailmerge.sandbox.directory import BOARD, DEMO_USER, DEMO_USER_ID, Mailbox
from securemailmerge.sandbox.graph.seed import add_contacts
from tests.helpers import InMemoryKeyring

HR = "hr@contoso.onmicrosoft.com"  # a shared mailbox Ada has no rights in
FREE = 'Free plan: messages end with a short "Sent with SecureMailMerge" line.'
NOT_SIGNED_IN = (
    "securemailmerge: You are not signed in; run: securemailmerge signin --stay-signed-in, "
    "or add --sign-in browser (or code) to sign in for this command only"
)
NO_KEYCHAIN = (
    "securemailmerge: You are not signed in, and this computer has no system keychain to keep a sign-in "
    "in. Add --sign-in browser (or --sign-in code) to sign in for this command.\n"
)


@pytest.fixture
def sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    """A sandbox that approves device codes at once, with a shared mailbox Ada has no rights in;
    SMM_TENANT_CONFIG names its tenant file."""
    running = Sandbox(auto_approve=True, licensed={})
    running.directory.add(
        Mailbox(id="5d6e7f80-0000-4000-8000-000000000001", upn=HR, display_name="HR", mail=HR, shared=True)
    )
    with running:
        monkeypatch.setenv(cli_m365.TENANT_ENV, str(running.tenant_config_path))
        yield running


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def sign_in(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "signin", "--device-code", "--stay-signed-in")
    assert code == 0, out


def read_csv(path: Path) -> list[dict[str, str]]:
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, as Excel reads it
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == MERGE_FIELDS
        return list(reader)


@pytest.mark.parametrize("command", [["signin"], ["whoami"], ["contacts", "--out", "x.csv"]])
def test_without_a_tenant_the_commands_say_how_to_name_one(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: list[str], tmp_path: Path
) -> None:
    monkeypatch.delenv(cli_m365.TENANT_ENV, raising=False)
    assert run(capsys, *command) == (
        2,
        "",
        "securemailmerge: No tenant is configured: pass --tenant-config FILE, set SMM_TENANT_CONFIG to "
        f"the file, or put it at {tmp_path / 'machine' / 'tenant.json'} or "
        f"{tmp_path / 'appdata' / 'tenant.json'}.\n",
    )


def test_a_broken_tenant_file_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "tenant.json"
    broken.write_text("{", encoding="utf-8")
    code, out, err = run(capsys, "whoami", "--tenant-config", str(broken))
    assert (code, out) == (2, "")
    assert err.startswith(f"securemailmerge: The tenant configuration {broken} is not valid JSON")
    assert err.count("\n") == 1


@pytest.mark.e2e
def test_a_device_code_sign_in_prints_where_to_go_and_lasts_one_command(
    capsys: pytest.CaptureFixture[str], sandbox: Sandbox, memory_keyring: InMemoryKeyring, data_dir: Path
) -> None:
    code, out, _ = run(capsys, "signin", "--device-code", "--tenant-config", str(sandbox.tenant_config_path))
    lines = out.splitlines()
    assert code == 0
    assert lines[0].startswith(
        f"On any device, open {sandbox.authority_url.rsplit('/', 1)[0]}/devicelogin and enter"
    )
    assert lines[1:] == [
        f"Signed in as Ada Lovelace ({DEMO_USER}).",
        "The sign-in ends with this command. To stay signed in for the next commands, add --stay-signed-in.",
    ]
    assert not (data_dir / "token_cache.bin").exists()
    assert run(capsys, "whoami") == (2, "", NOT_SIGNED_IN + "\n")


@pytest.mark.e2e
def test_signing_in_without_staying_drops_a_sign_in_kept_before(
    capsys: pytest.CaptureFixture[str], sandbox: Sandbox, memory_keyring: InMemoryKeyring, data_dir: Path
) -> None:
    sign_in(capsys)
    assert run(capsys, "whoami")[0] == 0
    assert run(capsys, "signin", "--device-code")[0] == 0
    assert not (data_dir / "token_cache.bin").exists()
    assert memory_keyring.secrets == {}
    assert run(capsys, "whoami") == (2, "", NOT_SIGNED_IN + "\n")


@pytest.mark.e2e
def test_stay_signed_in_keeps_the_sign_in_until_signout(
    capsys: pytest.CaptureFixture[str], sandbox: Sandbox, memory_keyring: InMemoryKeyring
) -> None:
    code, out, _ = run(capsys, "signin", "--device-code", "--stay-signed-in")
    assert code == 0
    assert (
        out.splitlines()[-1] == "You stay signed in on this computer until you run: securemailmerge signout"
    )
    assert run(capsys, "whoami") == (
        0,
        f"Name:      Ada Lovelace\nAddress:   {DEMO_USER}\nAccount:   {DEMO_USER}\n"
        f"Time zone: W. Europe Standard Time\nLicense:   {FREE}\n",
        "",
    )
    assert run(capsys, "signout") == (
        0,
        "Signed out. Nothing of your sign-in is kept on this computer.\n",
        "",
    )
    assert memory_keyring.secrets == {}
    assert run(capsys, "whoami") == (2, "", NOT_SIGNED_IN + "\n")


@pytest.mark.e2e
def test_whoami_shows_a_commercial_license(
    capsys: pytest.CaptureFixture[str], sandbox: Sandbox, memory_keyring: InMemoryKeyring
) -> None:
    sign_in(capsys)
    sandbox.license.set_license(DEMO_USER, date(2099, 12, 31))
    code, out, _ = run(capsys, "whoami")
    assert code == 0
    assert out.splitlines()[-1] == "License:   Commercial license, valid until 2099-12-31."


@pytest.mark.e2e
def test_interactive_sign_in_uses_the_system_browser(
    capsys: pytest.CaptureFixture[str], sandbox: Sandbox, memory_keyring: InMemoryKeyring
) -> None:
    with as_default_browser(sandbox.browser()) as browser:
        code, out, err = run(capsys, "signin", "--stay-signed-in")
        browser.wait()
    assert (code, err) == (
        0,
        f"Sign in in the browser window that opens now.\nSigned in as {DEMO_USER} in the browser.\n",
    )
    assert out.splitlines()[0] == f"Signed in as Ada Lovelace ({DEMO_USER})."
    assert run(capsys, "whoami")[0] == 0


@pytest.mark.e2e
def test_stay_signed_in_without_a_keychain_says_why(
    capsys: pytest.CaptureFixture[str], sandbox: Sandbox, no_keychain: None
) -> None:
    code, out, err = run(capsys, "signin", "--device-code", "--stay-signed-in")
    assert (code, out) == (2, "")
    assert err.startswith("securemailmerge: Stay signed in needs the system keychain")
    assert err.count("\n") == 1
    code, _, err = run(capsys, "whoami")
    assert code == 2
    assert err == NO_KEYCHAIN


@pytest.mark.e2e
def test_contacts_of_ones_own_mailbox_are_written_as_excel_ready_csv(
    capsys: pytest.CaptureFixture[str], sandbox: Sandbox, memory_keyring: InMemoryKeyring, tmp_path: Path
) -> None:
    store = sandbox.graph.emulator.store
    default_folder = store.folder(DEMO_USER_ID, "contact", "contacts")
    assert default_folder is not None
    evil = {
        "displayName": "Mallory",
        "companyName": '=HYPERLINK("http://x")',
        "emailAddresses": [{"address": "m@x.de"}],
    }
    add_contacts(store, DEMO_USER_ID, default_folder.id, iter([evil]))
    stored = store.items(DEMO_USER_ID, "contact", None)
    no_address = [item for item in stored if not item.data.get("emailAddresses")]
    sign_in(capsys)
    out_file = tmp_path / "contacts.csv"
    code, out, err = run(capsys, "contacts", "--out", str(out_file))
    assert (code, out) == (0, "")
    rows = read_csv(out_file)
    assert len(rows) == len(stored) == 316
    assert {row["Folder"] for row in rows} == {
        "",
        "Kunden",
        "Kunden/Deutschland",
        "Kunden/Deutschland/Berlin",
        "Clientes",
        "Clientes/España",
        "Partners",
    }
    [mallory] = [row for row in rows if row["DisplayName"] == "Mallory"]
    assert mallory["Company"] == '\'=HYPERLINK("http://x")'
    lines = err.splitlines()
    assert lines[0] == f"Contacts of {DEMO_USER}: 316 contacts in 7 contact folder(s); 316 match the filters."
    assert lines[1].startswith("Ready: ")
    assert f"; without an address: {len(no_address)};" in lines[1]
    assert lines[2].startswith("Contacts without an address: ")
    assert lines[-2:] == [f"License: {FREE}", f"Wrote 316 contacts to {out_file}."]


@pytest.mark.e2e
def test_contacts_without_out_writes_the_csv_to_standard_output(
    capsys: pytest.CaptureFixture[str], sandbox: Sandbox, memory_keyring: InMemoryKeyring
) -> None:
    sign_in(capsys)
    code, out, err = run(capsys, "contacts", "--category", "Kunde")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows
    assert all("Kunde" in row["Categories"].split("; ") for row in rows)
    assert list(rows[0]) == list(MERGE_FIELDS)
    assert err.splitlines()[-1] == f"Wrote {len(rows)} contacts to standard output."


@pytest.mark.e2e
def test_contacts_filters_by_folder_category_and_text(
    capsys: pytest.CaptureFixture[str], sandbox: Sandbox, memory_keyring: InMemoryKeyring, tmp_path: Path
) -> None:
    sign_in(capsys)
    out_file = tmp_path / "kunden.csv"
    code, _, err = run(
        capsys,
        "contacts",
        "--folder",
        "kunden/deutschland",
        "--category",
        "kunde",
        "--category",
        "Newsletter",
        "--match",
        "all",
        "--out",
        str(out_file),
    )
    rows = read_csv(out_file)
    assert code == 0
    assert rows
    assert all(row["Folder"].startswith("Kunden/Deutschland") for row in rows)
    assert all({"Kunde", "Newsletter"} <= set(row["Categories"].split("; ")) for row in rows)
    assert f"; {len(rows)} match the filters." in err
    code, _, err = run(
        capsys,
        "contacts",
        "--folder",
        "Kunden",
        "--no-subfolders",
        "--search",
        "GMBH",
        "--out",
        str(out_file),
    )
    rows = read_csv(out_file)
    assert code == 0
    assert rows
    assert {row["Folder"] for row in rows} == {"Kunden"}
    assert all("gmbh" in row["Company"].casefold() for row in rows)


@pytest.mark.e2e
def test_contacts_of_a_shared_mailbox_fall_back_to_its_contacts_categories(
    capsys: pytest.CaptureFixture[str], sandbox: Sandbox, memory_keyring: InMemoryKeyring, tmp_path: Path
) -> None:
    sign_in(capsys)
    out_file = tmp_path / "board.csv"
    code, _, err = run(
        capsys,
        "contacts",
        "--mailbox",
        BOARD,
        "--category",
        "Investor",
        "--out",
        str(out_file),
    )
    assert code == 0
    rows = read_csv(out_file)
    assert rows
    assert all("Investor" in row["Categories"].split("; ") for row in rows)
    lines = err.splitlines()
    assert lines[0].startswith(f"Contacts of {BOARD}: 25 contacts in 1 contact folder(s); {len(rows)} match")
    assert (
        f"The category list of {BOARD} cannot be read (ErrorAccessDenied: your account has no reviewer "
        "rights on its calendar, where Outlook keeps the list). Showing the 3 categories found on its "
        "contacts instead."
    ) in lines
    # The license is the signed-in user's, whichever mailbox is read.
    assert f"License: {FREE}" in lines


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--mailbox", HR],
            f"You have no right to read the contacts of the mailbox {HR} (ErrorAccessDenied). Ask its owner "
            "or your administrator for full access to that mailbox (or reviewer rights on its contact "
            "folders).",
        ),
        (
            ["--mailbox", "nobody@contoso.onmicrosoft.com"],
            "There is no mailbox nobody@contoso.onmicrosoft.com in your organisation, or it is hidden from "
            "you (ErrorInvalidUser); check the address.",
        ),
        (["--folder", "Kunden/Italien"], f"Contacts of {DEMO_USER} has no contact folder 'Kunden/Italien'."),
        (["--mailbox", "sales"], "'sales' is not a mailbox address such as sales@contoso.com."),
        (["--address", "second"], "'second' does not say which address to use"),
        (
            ["--mailbox", BOARD, "--category", "Investor", "--category", "Vorstand"],
            f"No category named Vorstand in {BOARD}; its categories are: Alt-Kategorie, Aufsichtsrat, "
            "Investor.\n",
        ),
        (["--category", "Kundee"], f"No category named Kundee in {DEMO_USER}; its categories are: "),
    ],
)
def test_contacts_errors_are_one_clear_line(
    capsys: pytest.CaptureFixture[str],
    sandbox: Sandbox,
    memory_keyring: InMemoryKeyring,
    tmp_path: Path,
    argv: list[str],
    message: str,
) -> None:
    sign_in(capsys)
    out_file = tmp_path / "out.csv"
    code, out, err = run(capsys, "contacts", *argv, "--out", str(out_file))
    assert (code, out) == (2, "")
    assert err.startswith(f"securemailmerge: {message}")
    assert err.count("\n") == 1
    assert not out_file.exists()


@pytest.mark.e2e
def test_a_revoked_sign_in_asks_to_sign_in_again(
    capsys: pytest.CaptureFixture[str], sandbox: Sandbox, memory_keyring: InMemoryKeyring, tmp_path: Path
) -> None:
    sign_in(capsys)
    sandbox.tokens.revoke_user(DEMO_USER_ID)
    sandbox.tokens.expire_access_tokens()
    code, out, err = run(capsys, "contacts", "--out", str(tmp_path / "out.csv"))
    assert (code, out) == (2, "")
    assert err.startswith("securemailmerge: Your sign-in has expired or was revoked. Please sign in again")
    assert err.endswith("Run: securemailmerge signin --stay-signed-in\n")
    assert run(capsys, "whoami") == (2, "", NOT_SIGNED_IN + "\n")


def test_the_commands_are_listed_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert caught.value.code == 0
    for command in ("signin", "signout", "whoami", "contacts"):
        assert command in out


@pytest.mark.e2e
def test_without_a_keychain_a_command_can_sign_in_for_itself(
    capsys: pytest.CaptureFixture[str], sandbox: Sandbox, tmp_path: Path
) -> None:
    out_file = tmp_path / "contacts.csv"
    code, out, err = run(
        capsys, "contacts", "--sign-in", "code", "--category", "Kunde", "--out", str(out_file)
    )
    assert code == 0, err
    assert "devicelogin" in out  # the code to enter was shown
    rows = read_csv(out_file)
    assert rows
    assert all("Kunde" in row["Categories"].split("; ") for row in rows)
    # Nothing was kept: the next command without --sign-in is not signed in.
    assert run(capsys, "whoami") == (2, "", NO_KEYCHAIN)

"""The Microsoft 365 commands of the command line: ``signin``, ``signout`` and ``whoami``, and sign-in for
every command that needs it (``signed_in``; ``contacts`` lives in ``securemailmerge.cli.contacts``).

Each takes ``--tenant-config FILE`` (the format of ``securemailmerge.m365.tenant``, which the sandbox
writes; ``SMM_TENANT_CONFIG`` names it when the option is left out). Tokens live in memory, so a
sign-in lasts one command unless ``signin --stay-signed-in`` keeps it, encrypted, with its key in
the OS keychain; later commands sign in silently from there, and ``signout`` forgets it. Results go
to stdout, progress and summaries to stderr; every error is one line and exit code 2 (``cli.main``).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from securemailmerge.cli.common import Subparsers
from securemailmerge.errors import (
    AuthError,
    ConfigError,
    GraphError,
    InputError,
    KeychainUnavailable,
    SignInRequired,
)
from securemailmerge.i18n import translate

# The Microsoft 365 libraries (msal, httpx, cryptography, keyring) take longer to import than the
# offline commands take to run, so they are imported inside the commands that need them.
if TYPE_CHECKING:
    from securemailmerge.m365 import (
        Account,
        Connection,
        DeviceCodePrompt,
        Profile,
        RetryEvent,
        Session,
        TenantConfig,
        TenantSource,
    )

TENANT_ENV = "SMM_TENANT_CONFIG"
SIGN_IN_TIMEOUT = 300.0  # seconds the browser sign-in may take


def register(subparsers: Subparsers) -> None:
    """Add signin, signout and whoami to the command line."""
    subparsers.add_command("signin", translate("Cli", "sign in to Microsoft 365"), _signin_arguments)
    subparsers.add_command("signout", translate("Cli", "forget the kept sign-in"), _signout_arguments)
    subparsers.add_command(
        "whoami",
        translate("Cli", "show who is signed in, their address, time zone and license"),
        _whoami_arguments,
    )


def _signin_arguments(signin: argparse.ArgumentParser) -> None:
    add_tenant_argument(signin)
    signin.add_argument(
        "--device-code",
        action="store_true",
        help=translate("Cli", "sign in with a code on another device (for machines without a browser)"),
    )
    signin.add_argument(
        "--stay-signed-in",
        action="store_true",
        help=translate("Cli", "keep the sign-in for later commands, encrypted, with its key in the keychain"),
    )
    signin.set_defaults(handler=run_signin)


def _signout_arguments(signout: argparse.ArgumentParser) -> None:
    add_tenant_argument(signout)
    signout.set_defaults(handler=run_signout)


def _whoami_arguments(whoami: argparse.ArgumentParser) -> None:
    add_tenant_argument(whoami)
    add_sign_in_argument(whoami)
    whoami.set_defaults(handler=run_whoami)


def add_tenant_argument(parser: argparse.ArgumentParser) -> None:
    """The ``--tenant-config FILE`` option (SUPPRESS: a global option of the same name also works)."""
    parser.add_argument(
        "--tenant-config",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="FILE",
        help=translate("Cli", "the tenant configuration (default: the file named by {env})").format(
            env=TENANT_ENV
        ),
    )


def add_sign_in_argument(parser: argparse.ArgumentParser) -> None:
    """``--sign-in browser|code``: with no kept sign-in, sign in for this one command."""
    parser.add_argument(
        "--sign-in",
        choices=("browser", "code"),
        help=translate(
            "Cli", "when no sign-in is kept, sign in for this command only, in the browser or with a code"
        ),
    )


def tenant_source(args: argparse.Namespace) -> TenantSource:
    """The tenant configuration and where it came from (option, variable, machine-wide file, own file)."""
    from securemailmerge.m365 import find_tenant_config, machine_tenant_path, user_tenant_path

    path = getattr(args, "tenant_config", None) or os.environ.get(TENANT_ENV)
    found = find_tenant_config(Path(path) if path else None)
    if found is None:
        raise ConfigError(
            translate(
                "Cli",
                "No tenant is configured: pass --tenant-config FILE, set {env} to the file, "
                "or put it at {machine} or {user}.",
            ).format(env=TENANT_ENV, machine=machine_tenant_path(), user=user_tenant_path())
        )
    return found


def tenant_config(args: argparse.Namespace) -> TenantConfig:
    """The tenant the command talks to (see ``tenant_source``)."""
    return tenant_source(args).config


def _not_signed_in(keychain: KeychainUnavailable | None = None) -> SignInRequired:
    """What to do now: keep a sign-in, or (when this computer cannot keep one) sign in per command."""
    here = translate("Cli", "Add --sign-in browser (or --sign-in code) to sign in for this command.")
    if keychain is not None and keychain.code == "no_keychain":
        text = translate(
            "Cli", "You are not signed in, and this computer has no system keychain to keep a sign-in in."
        )
        text = f"{text} {here}"
    elif keychain is not None:
        text = translate(
            "Cli", "You are not signed in, and this computer cannot keep a sign-in ({reason})."
        ).format(reason=keychain.message.rstrip("."))
        text = f"{text} {here}"
    else:
        text = translate(
            "Cli",
            "You are not signed in; run: securemailmerge signin --stay-signed-in, "
            "or add --sign-in browser (or code) to sign in for this command only",
        )
    return SignInRequired(text, code="not_signed_in")


@contextmanager
def signed_in(args: argparse.Namespace) -> Iterator[Connection]:
    """Sign in silently from the kept sign-in (or, with ``--sign-in``, for this command only) and connect."""
    config = tenant_config(args)
    method = getattr(args, "sign_in", None)
    try:
        with _connect(config, method) as connection:
            yield connection
    except SignInRequired as error:
        if error.code == "not_signed_in":
            raise
        hint = translate("Cli", "Run: securemailmerge signin --stay-signed-in")
        raise SignInRequired(f"{error.message} {hint}", code=error.code) from None


def _connect(config: TenantConfig, method: str | None) -> Connection:
    """The kept sign-in, signed in silently; else, with ``method``, a sign-in that is never kept."""
    from securemailmerge.m365 import connect, has_saved_sign_in, keychain_unavailable

    if has_saved_sign_in():
        try:
            return connect(config, _kept_sign_in(method), stay_signed_in=True, on_retry=_show_retry)
        except KeychainUnavailable as error:
            if method is None:
                raise _not_signed_in(error) from None
        except SignInRequired:
            if method is None:
                raise
    if method is None:
        raise _not_signed_in(keychain_unavailable())

    def for_this_command(session: Session) -> Account:
        return _sign_in(session, device_code=method == "code")

    # A sign-in for one command stays in memory: nothing reaches the disk or the keychain.
    return connect(config, for_this_command, stay_signed_in=False, on_retry=_show_retry)


def _kept_sign_in(method: str | None) -> Callable[[Session], Account | None]:
    from securemailmerge.m365 import sign_in_silently

    def silently(session: Session) -> Account | None:
        account = sign_in_silently(session)
        if account is None and method is None:
            raise _not_signed_in()
        return account

    return silently


def _show_retry(event: RetryEvent) -> None:
    print(str(event), file=sys.stderr)


def _show_prompt(prompt: DeviceCodePrompt) -> None:
    print(prompt.message, flush=True)


def _announce(method: str) -> None:
    from securemailmerge.m365 import BROKER, BROWSER

    if method == BROKER:
        print(
            translate("Cli", "Sign in in the window of this computer's sign-in that opens now."),
            file=sys.stderr,
        )
    elif method == BROWSER:
        print(translate("Cli", "Sign in in the browser window that opens now."), file=sys.stderr)


def _sign_in(session: Session, *, device_code: bool) -> Account:
    """Sign in with a code shown on stdout, or through the OS broker or the browser (with a hint
    when neither works here); says on stderr which method signed in."""
    from securemailmerge.m365 import choose_methods, sign_in

    methods = choose_methods(broker=session.broker, device_code=device_code, then_code=False)
    try:
        signed = sign_in(
            session, methods, on_prompt=_show_prompt, timeout=SIGN_IN_TIMEOUT, on_method=_announce
        )
    except AuthError as error:
        if error.code != "no_browser":
            raise
        hint = translate(
            "Cli", "Use a code instead: securemailmerge signin --device-code (or --sign-in code)"
        )
        raise AuthError(f"{error.message} {hint}", code=error.code) from None
    print(signed.message, file=sys.stderr)
    return signed.account


def run_signin(args: argparse.Namespace) -> int:
    """Sign in in the browser (or with a device code) and say who is signed in."""
    from securemailmerge.m365 import HttpFactory, Session, forget_saved_sign_in

    config = tenant_config(args)
    factory = HttpFactory(config)
    with Session(config, factory, stay_signed_in=args.stay_signed_in) as session:
        account = _sign_in(session, device_code=args.device_code)
    print(
        translate("Cli", "Signed in as {name} ({account}).").format(
            name=account.display_name, account=account.username
        )
    )
    if args.stay_signed_in:
        print(translate("Cli", "You stay signed in on this computer until you run: securemailmerge signout"))
    else:
        # A sign-in kept earlier (perhaps of another account) must not outlive this one.
        forget_saved_sign_in()
        print(
            translate(
                "Cli",
                "The sign-in ends with this command. To stay signed in for the next commands, "
                "add --stay-signed-in.",
            )
        )
    return 0


def run_signout(args: argparse.Namespace) -> int:
    """Forget the kept sign-in: the encrypted token cache and its key in the keychain."""
    from securemailmerge.m365 import forget_saved_sign_in

    forget_saved_sign_in()
    print(translate("Cli", "Signed out. Nothing of your sign-in is kept on this computer."))
    return 0


def run_whoami(args: argparse.Namespace) -> int:
    """Print the signed-in user's name, primary address, account, time zone and last license check."""
    from securemailmerge.m365 import LAST_CHECK, load_mailbox_settings

    with signed_in(args) as connection:
        profile = connection.profile
        try:
            time_zone = load_mailbox_settings(connection.graph, profile).time_zone or "-"
        except GraphError as error:
            time_zone = translate("Cli", "unknown ({reason})").format(reason=error.message)
    lines = [
        (translate("Cli", "Name"), profile.display_name),
        (translate("Cli", "Address"), _sender_text(profile)),
        (translate("Cli", "Account"), profile.user_principal_name),
        (translate("Cli", "Time zone"), time_zone),
        # Only an address book, a test or a campaign asks the license server; this shows the last answer.
        (translate("Cli", "License"), LAST_CHECK.describe(profile.mail)),
    ]
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        print(f"{label + ':':<{width + 1}} {value}")
    return 0


def _sender_text(profile: Profile) -> str:
    from securemailmerge.m365 import choose_sender

    try:
        return choose_sender(profile).address
    except InputError as error:
        return error.message

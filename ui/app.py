"""The desktop app's entry point: arguments, translations, the tenant, and the main window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox

from securemailmerge import __version__, logfilter
from securemailmerge.campaign import CampaignDocument, FileSource
from securemailmerge.errors import SecureMailMergeError
from securemailmerge.m365 import TenantSource, find_tenant_config, sandbox_tenant
from securemailmerge.paths import data_dir
from securemailmerge.resources import asset_path
from securemailmerge.template import load_template
from ui import settings
from ui.campaign_system import SystemOpener, campaign_argument
from ui.controller import Controller
from ui.dialogs import install_excepthook
from ui.i18n import install_translations
from ui.icons import app_icon
from ui.relaunch import current, keep_shown
from ui.single_instance import Receiver, hand_over
from ui.tenant_settings import tenant_in_settings
from ui.theme import follow_system_scheme
from ui.window import MainWindow

if TYPE_CHECKING:
    from securemailmerge.sandbox.app import Sandbox


def _tenant(args: argparse.Namespace) -> tuple[TenantSource | None, Sandbox | None]:
    """The tenant to use and, in sandbox mode, the running sandbox that must live as long as the app."""
    if args.sandbox:
        from securemailmerge.sandbox.app import Sandbox  # only sandbox mode pays for loading it

        # A file, so the sandbox's mailboxes (and later a campaign's drafts) survive a restart.
        sandbox = Sandbox(auto_approve=True, state=str(data_dir() / "sandbox.sqlite")).start()
        return sandbox_tenant(sandbox.tenant_config_path), sandbox
    # --tenant-config, else the one chosen in Settings, else IT's machine-wide file, else the user's.
    if args.tenant_config:
        return find_tenant_config(Path(args.tenant_config)), None
    return tenant_in_settings(), None


def open_sample(window: MainWindow) -> None:
    """Start with the sample template and recipients, so a newcomer sees a whole campaign at once."""
    document = window.campaign.document()
    sample = CampaignDocument(
        template=load_template(asset_path("sample", "template.json")),
        template_folder=asset_path("sample"),
        settings=document.settings,
        source=FileSource(asset_path("sample", "recipients.csv")),
    )
    window.campaign.open_untitled(sample)


def first_campaign(window: MainWindow, campaign: Path | None, sample: bool) -> None:
    """After a crash the autosaved campaign (if wanted), else the file asked for, else the sample."""
    if window.campaign.offer_recovery():
        return
    if campaign is not None:
        window.campaign.open(campaign)
    elif sample:
        open_sample(window)


def main(argv: list[str] | None = None) -> int:
    """Start the app; ``--sandbox`` runs it against the built-in Microsoft 365 sandbox with sample data."""
    parser = argparse.ArgumentParser(prog="securemailmerge-desktop")
    parser.add_argument("--sandbox", action="store_true", help="use the built-in Microsoft 365 sandbox")
    parser.add_argument("--tenant-config", metavar="FILE", help="a tenant configuration file")
    parser.add_argument("--lang", choices=["en", "de", "es"], default=None)
    parser.add_argument("--no-sample", action="store_true", help="start empty instead of with the sample")
    parser.add_argument(
        "--self-test", action="store_true", help="check this installation on the sandbox, then exit"
    )
    parser.epilog = "A campaign file (.smmcampaign) named on the command line is opened."
    campaign, arguments = campaign_argument(argv if argv is not None else sys.argv[1:])
    args, qt_args = parser.parse_known_args(arguments)
    if args.self_test:
        args.sandbox, args.no_sample = True, True
    logfilter.configure(stderr=False)
    app = QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("SecureMailMerge")
    app.setApplicationVersion(__version__)
    # The title-bar and task-bar icon; on Linux desktops the .desktop entry's name ties the two.
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("securemailmerge")
    follow_system_scheme(app)
    if campaign is not None and not args.self_test and hand_over(campaign):
        return 0  # the app already running opens it
    install_translations(app, args.lang or settings.LANGUAGE.get() or None)
    install_excepthook()
    try:
        source, sandbox = _tenant(args)
    except SecureMailMergeError as error:
        QMessageBox.critical(None, "SecureMailMerge", str(error))
        return 2
    controller = Controller(source.config if source else None)
    window = keep_shown(MainWindow(controller))
    window.tenant_source = source
    window.tenant_follows_settings = not (args.sandbox or args.tenant_config)
    if args.self_test:
        from ui.selftest import self_test

        try:
            return self_test(app, controller, window)
        finally:
            if sandbox is not None:
                sandbox.stop()
    opener, receiver = SystemOpener(current, app), Receiver(current, app)  # both live until the app ends
    app.installEventFilter(opener)
    controller.sign_in_silent()
    window.show()  # first, so the question about a crashed session's campaign sits on the window
    first_campaign(window, campaign, not args.no_sample)
    try:
        return app.exec()
    finally:
        receiver.lock.unlock()
        if sandbox is not None:
            sandbox.stop()

"""The controller's rendering half: any row's message as rendered, and exactly as it is sent.

The Preview shows ``outgoing_message``: the engine's ``Outgoing`` adds the free plan's footer (unless
the license last checked is commercial, as the engine decides when sending), inlines the styles and
embeds the images, so what the window shows is what Graph receives.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from securemailmerge.campaign import Outgoing, OutgoingMessage, footer_text
from securemailmerge.errors import SecureMailMergeError
from securemailmerge.m365 import LicenseStatus
from securemailmerge.recipients import RecipientList
from securemailmerge.template import CompiledTemplate, RenderedMessage, Template, compile_template


class Rendering:
    """Renders rows of the open list with the open template; the controller holds the state."""

    template: Template | None
    template_folder: Path | None
    recipients: RecipientList | None
    license: LicenseStatus | None
    _compiled: CompiledTemplate | None
    _outgoing: Outgoing | None

    def preview(self, fields: Mapping[str, str]) -> RenderedMessage | str:
        """The rendered message for one row, or the sentence saying why it cannot be rendered."""
        if self.template is None or self.recipients is None:
            return QCoreApplication.translate(
                "Controller", "Open a recipient list and a template to see a preview."
            )
        try:
            if self._compiled is None:
                self._compiled = compile_template(self.template, self.recipients.columns)
            return self._compiled.render(fields)
        except SecureMailMergeError as error:
            return str(error)

    def outgoing_message(self, fields: Mapping[str, str]) -> OutgoingMessage | str:
        """The row's message exactly as it is sent (footer, Outlook's HTML), or why it cannot be made."""
        rendered = self.preview(fields)
        if isinstance(rendered, str):
            return rendered
        footer = "" if self.license is not None and self.license.commercial else footer_text()
        folder = (self.template_folder or Path.cwd()).resolve()
        if self._outgoing is None or (self._outgoing.base_folder, self._outgoing.footer) != (folder, footer):
            self._outgoing = Outgoing(folder, footer)
        try:
            return self._outgoing.message(rendered)
        except SecureMailMergeError as error:
            return str(error)

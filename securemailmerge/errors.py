"""The one exception tree of SecureMailMerge.

Every error the engine raises on purpose is a ``SecureMailMergeError``; foreign errors (csv,
openpyxl, Jinja2, httpx, msal) are translated into these at one boundary each and never returned
as values. Each error carries what the user needs to act: the file and row, the field, the Graph
error code and request id. ``str(error)`` is a complete, translated sentence for the user.

    SecureMailMergeError
    ├── InputError                  something the user gave us cannot be used as it is
    │   ├── RecipientFileError      a recipient file cannot be read (empty, binary, no header, bad sheet)
    │   ├── ColumnError             a named or detected column does not exist
    │   ├── TemplateError           a template cannot be loaded or used
    │   │   └── TemplateSyntaxError a syntax error at a line and column of the subject or body
    │   ├── RenderError             one row cannot be rendered safely (line break in a header, unsafe access)
    │   ├── AttachmentError         an attachment is missing or lies outside the chosen folder
    │   └── CampaignFileError       a campaign file (.smmcampaign) cannot be read, used or written
    ├── ConfigError                 a tenant configuration file is missing or malformed
    ├── AuthError                   sign-in failed or was cancelled
    │   ├── SignInRequired          no usable account: the user must sign in (again)
    │   ├── KeychainUnavailable     "stay signed in" needs an OS keychain and there is none
    │   └── BrowserUnavailable      no web browser could be opened: sign in with a code instead
    ├── NetworkError                the request did not get an answer (connection, timeout, TLS)
    │   └── HostNotAllowed          refused before leaving: the host is not on the allowlist
    └── GraphError                  Microsoft Graph answered with an error (status, code, request id)
        ├── ThrottledError          429 still after the retries allowed
        ├── AccessDeniedError       403: a right is missing (ErrorAccessDenied, ErrorSendAsDenied)
        ├── NotFoundError           404: the mailbox, folder or item does not exist
        └── MailboxNotEnabledError  404 MailboxNotEnabledForRESTAPI: not a cloud mailbox
"""

from __future__ import annotations


class SecureMailMergeError(Exception):
    """Base of every error the engine raises on purpose; ``str()`` is the user's message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(SecureMailMergeError):
    """Something the user gave us cannot be used as it is; names the file, row and field."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.file = file
        self.row = row
        self.field = field


class RecipientFileError(InputError):
    """A recipient file cannot be read: empty, binary, undecodable, no header, missing sheet."""


class ColumnError(InputError):
    """A named or detected column does not exist in the recipient list."""


class TemplateError(InputError):
    """A template cannot be loaded or used."""


class TemplateSyntaxError(TemplateError):
    """A syntax error in the subject or a body, at a line and column."""

    def __init__(
        self,
        message: str,
        *,
        part: str,
        line: int,
        column: int | None = None,
        file: str | None = None,
    ) -> None:
        super().__init__(message, file=file, field=part)
        self.part = part
        self.line = line
        self.column = column


class RenderError(InputError):
    """One row cannot be rendered safely: a line break in a header, unsafe template access."""


class AttachmentError(InputError):
    """An attachment is missing or its path lies outside the folder the user chose."""


class CampaignFileError(InputError):
    """A campaign file is broken, from a newer version, has a wrong field, or cannot be written."""


class ConfigError(SecureMailMergeError):
    """A tenant configuration is missing or malformed; ``field`` names the setting when one is at fault."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class AuthError(SecureMailMergeError):
    """Sign-in failed or was cancelled."""

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.code = code


class SignInRequired(AuthError):
    """There is no usable account or token: the user must sign in (again)."""


class KeychainUnavailable(AuthError):
    """ "Stay signed in" needs an OS keychain and none is usable here."""


class BrowserUnavailable(AuthError):
    """No web browser could be opened for the sign-in: the code sign-in is the way left."""


class NetworkError(SecureMailMergeError):
    """A request got no answer: connection refused or dropped, timeout, TLS failure."""

    def __init__(self, message: str, *, host: str | None = None) -> None:
        super().__init__(message)
        self.host = host


class HostNotAllowed(NetworkError):
    """A request was refused before leaving the computer: its host is not allowed."""


class GraphError(SecureMailMergeError):
    """Microsoft Graph answered with an error; carries status, Graph code and request id."""

    def __init__(
        self,
        message: str,
        *,
        status: int,
        code: str,
        request_id: str | None = None,
        client_request_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.request_id = request_id
        self.client_request_id = client_request_id


class ThrottledError(GraphError):
    """Graph still answered 429 after the retries we allow."""


class AccessDeniedError(GraphError):
    """403: the signed-in user lacks a right (ErrorAccessDenied, ErrorSendAsDenied)."""


class NotFoundError(GraphError):
    """404: the mailbox, folder or item does not exist."""


class MailboxNotEnabledError(NotFoundError):
    """404 MailboxNotEnabledForRESTAPI: the mailbox is not an Exchange Online mailbox."""

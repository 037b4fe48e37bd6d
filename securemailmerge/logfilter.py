"""A logging filter that keeps tokens, addresses and message bodies out of every log.

``install()`` puts one ``RedactingFilter`` on the root logger and on each of its handlers (a filter
on a logger alone does not see records that propagate from child loggers such as ``msal`` or
``httpx``), so call it after the handlers are set up. The filter formats each record itself and
replaces its text, traceback and stack with the redacted version before any handler writes it.
"""

from __future__ import annotations

import logging
import re

REDACTED = "[redacted]"
ADDRESS = "[address]"
BODY = "[body]"

# Names whose values are secrets wherever they appear: as a query option, a form field, JSON or repr.
_SENSITIVE_NAMES = (
    r"access_token|refresh_token|id_token|client_secret|client_assertion|code_verifier|device_code"
    r"|password|authtoken|tempauth|token"
)
_HTML_TAGS = r"!doctype|html|head|body|div|p|span|table|br|a|img|b|i|strong|em|ul|ol|li|h[1-6]"
# "ada@contoso.com", also percent-encoded; the local part is found by walking back from the "@"
# (a regex doing it would be quadratic on long lines without delimiters).
_AT_DOMAIN = re.compile(r"(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_LOCAL_PART_ENDS = frozenset(' \t\r\n<>()[]{}",;:@=&?#')  # not ', as in o'neil@contoso.com
# Refresh tokens and upload keys: long unbroken runs of base64 that mix digits and letters.
_LONG_RUN = re.compile(r"[A-Za-z0-9_+.-]{60,}=*")


def _redact_addresses(text: str) -> str:
    parts: list[str] = []
    position = 0
    for match in _AT_DOMAIN.finditer(text):
        start = match.start()
        while start > position and text[start - 1] not in _LOCAL_PART_ENDS:
            start -= 1
        # A slash is legal in an address but far more often ends a path ("/users/ada@contoso.com"):
        # keep the path, never the address.
        head, slash, _ = text[start : match.start()].rpartition("/")
        parts.append(f"{text[position:start]}{head}{slash}{ADDRESS}")
        position = match.end()
    parts.append(text[position:])
    return "".join(parts)


def _redact_long_run(match: re.Match[str]) -> str:
    run = match.group()
    mixed = any(c.isdigit() for c in run) and any(c.isalpha() for c in run)
    return REDACTED if mixed else run


_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # Bodies first, so a token or address inside one goes with it.
    (re.compile(r"\[?\{\s*['\"][\s\S]*[}\]]"), BODY),
    (re.compile(rf"(?i)<(?:{_HTML_TAGS})\b[\s\S]*>"), BODY),
    (re.compile(r"(?i)content-type:\s*(?:text|multipart)/[\s\S]*"), BODY),
    (re.compile(r"(?i)\b(bearer)\s+[^\s'\",;]+"), rf"\1 {REDACTED}"),
    (re.compile(r"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*"), REDACTED),
    (
        re.compile(rf"(?i)(['\"]?\b(?:{_SENSITIVE_NAMES})['\"]?\s*[=:]\s*['\"]?)[^\s'\"&,;)}}]+"),
        rf"\1{REDACTED}",
    ),
    # Filter and search values may hold spaces when logged unencoded: drop up to the next option.
    (re.compile(r"(?i)([?&]\$(?:filter|search)=)[^&\n]*"), rf"\1{REDACTED}"),
    # Every other query value in a URL ($filter values hold tags and addresses).
    (re.compile(r"([?&#][^=&\s#'\"]+=)[^&\s#'\"]+"), rf"\1{REDACTED}"),
)


def redact(text: str) -> str:
    """``text`` with bodies, tokens, secrets, query values and addresses replaced."""
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    # Addresses before long runs, so that a long domain cannot leave its "@" behind.
    return _LONG_RUN.sub(_redact_long_run, _redact_addresses(text))


class RedactingFilter(logging.Filter):
    """Rewrites every record so that no token, address or body reaches a handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact the record in place; never drops it."""
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def install(logger: logging.Logger | None = None) -> RedactingFilter:
    """Put the redacting filter on ``logger`` (the root logger) and its handlers; safe to call twice."""
    target = logger or logging.getLogger()
    existing = [f for f in target.filters if isinstance(f, RedactingFilter)]
    chosen = existing[0] if existing else RedactingFilter()
    for holder in [target, *target.handlers]:
        if chosen not in holder.filters:
            holder.addFilter(chosen)
    # httpx logs every full URL at INFO; upload URLs carry a key in their query.
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)
    return chosen


class _AppLog(logging.Handler):
    """``<data folder>/logs/app.log``, rotated, opened at the first record: a command that logs
    nothing (``check``, ``preview``) neither waits for the file handlers' imports nor makes folders."""

    def __init__(self) -> None:
        super().__init__()
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        """Write ``record`` to the file, opening it first if need be."""
        if self._file is None:
            from logging.handlers import RotatingFileHandler

            from securemailmerge.paths import log_dir

            path = log_dir() / "app.log"
            self._file = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def flush(self) -> None:
        """Flush the file, if it was opened."""
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        """Close the file, if it was opened."""
        if self._file is not None:
            self._file.close()
        super().close()


def configure(*, stderr: bool) -> None:
    """Log INFO and up to ``<data folder>/logs/app.log`` (and warnings to stderr), always redacted."""
    root = logging.getLogger()
    if any(isinstance(f, RedactingFilter) for f in root.filters):
        return
    root.setLevel(logging.INFO)
    handler = _AppLog()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if stderr:
        console = logging.StreamHandler()
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        root.addHandler(console)
    install(root)

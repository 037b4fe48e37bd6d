"""Exchange Online's sending settings as the sandbox applies them: delays, limits and undeliverable domains.

``SendPolicy()`` holds Microsoft's defaults; ``SendPolicy.parse("seed=7,submit_delay=0,licenses=25")``
overrides any of them (the ``--sending`` option of ``python -m securemailmerge.sandbox``), and
``SendPolicy.instant()`` is the defaults with no delays, for tests that only want the outcome. Every
duration here is in seconds of Exchange's time: the emulator multiplies it by ``--time-scale``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from securemailmerge.i18n import translate

# RFC 2606 and RFC 6761 reserve these top-level names: no domain under them can receive mail.
RESERVED_TLDS = ("invalid", "test", "localhost", "example")


@dataclass(frozen=True)
class SendPolicy:
    """How long Exchange takes, how much it lets a mailbox and a tenant send, and where mail cannot go."""

    seed: int = 0
    min_submit_delay: float = 1.0  # from the 202 to the Sent Items copy, when no limit holds it back
    max_submit_delay: float = 4.0
    min_ndr_delay: float = 5.0  # from leaving the mailbox to the non-delivery report in the Inbox
    max_ndr_delay: float = 30.0
    messages_per_minute: int = 30
    recipients_per_day: int = 10_000
    recipients_per_message: int = 500
    block_after_limit: float = 24 * 3600.0  # how long a mailbox cannot send after reaching the daily limit
    max_message_bytes: int = 35 * 1024 * 1024
    licenses: int = 0  # paid licences behind the tenant-wide external limit; 0: one per user mailbox
    trial: bool = False  # a trial tenant has a flat 5,000 external recipients a day
    external_limit: int = 0  # 0: Microsoft's formula from ``licenses``
    undeliverable: tuple[str, ...] = ()  # domains that cannot receive mail, besides the reserved names
    rejecting: tuple[str, ...] = ()  # external addresses whose server answers "user unknown"
    concurrency: str = "app"  # what the four concurrent requests count against: "app" or "app+mailbox"

    @classmethod
    def instant(cls, **overrides: Any) -> SendPolicy:
        """The defaults with no delays: a message leaves, and a bounce arrives, at the next request."""
        return replace(
            cls(), min_submit_delay=0, max_submit_delay=0, min_ndr_delay=0, max_ndr_delay=0, **overrides
        )

    @classmethod
    def parse(cls, text: str) -> SendPolicy:
        """``name=value`` pairs separated by commas; ValueError naming the setting otherwise.

        ``submit_delay=2`` or ``submit_delay=1-5`` set both ends of a delay; lists take ``+``:
        ``undeliverable=nomail.example.com+old.example.org``.
        """
        policy = cls()
        known = {f.name: f for f in fields(cls)}
        for part in (p.strip() for p in text.split(",")):
            if not part:
                continue
            name, eq, value = (s.strip() for s in part.partition("="))
            if not eq:
                raise ValueError(
                    translate("Sandbox", "Sending settings look like name=value, not {text}.").format(
                        text=repr(part)
                    )
                )
            policy = _apply(policy, known, name, value)
        return policy

    def external_recipients_per_day(self, user_mailboxes: int) -> int:
        """The tenant's external recipient rate limit (TERRL): 500 x licences^0.7 + 9,500, 5,000 on trial."""
        if self.external_limit:
            return self.external_limit
        if self.trial:
            return 5_000
        licenses = self.licenses or max(1, user_mailboxes)
        return int(500 * licenses**0.7 + 9_500)

    def cannot_receive(self, domain: str) -> bool:
        """True for a domain that cannot receive mail (a reserved name or one configured as such)."""
        domain = domain.lower().rstrip(".")
        if domain.rsplit(".", 1)[-1] in RESERVED_TLDS:
            return True
        return any(domain == d or domain.endswith("." + d) for d in self.undeliverable)


def _apply(policy: SendPolicy, known: dict[str, Any], name: str, value: str) -> SendPolicy:
    if name in {"submit_delay", "ndr_delay"}:
        low, _, high = value.partition("-")
        low_value = _number(name, low)
        high_value = _number(name, high) if high else low_value
        if high_value < low_value:
            raise ValueError(
                translate("Sandbox", "The range of {name} must not end before it starts.").format(name=name)
            )
        delays: dict[str, Any] = {f"min_{name}": low_value, f"max_{name}": high_value}
        return replace(policy, **delays)
    if name not in known:
        raise ValueError(
            translate("Sandbox", "Unknown sending setting {name}; settings are {names}.").format(
                name=repr(name), names=", ".join([*known, "submit_delay", "ndr_delay"])
            )
        )
    if name in {"undeliverable", "rejecting"}:
        names: dict[str, Any] = {name: tuple(v.strip().lower() for v in value.split("+") if v.strip())}
        return replace(policy, **names)
    if name == "trial":
        return replace(policy, trial=value.lower() in {"1", "true", "yes"})
    if name == "concurrency":
        if value not in {"app", "app+mailbox"}:
            raise ValueError(
                translate("Sandbox", "concurrency is app or app+mailbox, not {value}.").format(
                    value=repr(value)
                )
            )
        return replace(policy, concurrency=value)
    number = _number(name, value)
    current = getattr(policy, name)
    setting: dict[str, Any] = {name: int(number) if isinstance(current, int) else number}
    return replace(policy, **setting)


def _number(name: str, text: str) -> float:
    try:
        number = float(text)
    except ValueError:
        raise ValueError(
            translate("Sandbox", "The sending setting {name} needs a number, not {value}.").format(
                name=name, value=repr(text)
            )
        ) from None
    if number < 0:
        raise ValueError(
            translate("Sandbox", "The sending setting {name} cannot be negative.").format(name=name)
        )
    return number

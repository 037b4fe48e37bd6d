"""Seeded fault injection: the same ``SEED:PROFILE`` gives the same sequence of faults, request by request.

Profiles: ``none``, ``light`` and ``storm``; any setting can be overridden after the profile, e.g.
``42:light,drop=0.05,latency=0.5``. Faults: ``throttle`` (429 with Retry-After), ``unavailable``
(503), ``timeout`` (504 before the work), ``timeout_after`` (504 after the work was committed: the
draft exists although the client saw an error), ``drop`` and ``drop_after`` (the connection closes
without an answer, before or after the work), ``expired`` (401 InvalidAuthenticationToken, as when
a token expires mid-campaign). Half the 503s carry ``Retry-After``, as Graph's may ("Microsoft Graph
throttling guidance", learn.microsoft.com/graph/throttling: "503 Service Unavailable ... may include a
Retry-After header"). ``latency`` is the share of requests that take ``min_latency`` to
``max_latency`` seconds (times the time scale) while holding their slot among the mailbox's four.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, fields, replace
from typing import Any

from securemailmerge.i18n import translate

FAULTS = ("throttle", "unavailable", "timeout", "timeout_after", "drop", "drop_after", "expired")


@dataclass(frozen=True)
class FaultProfile:
    """How often each fault happens, and the seed that fixes their sequence."""

    seed: int = 0
    name: str = "none"
    throttle: float = 0.0
    unavailable: float = 0.0
    timeout: float = 0.0
    timeout_after: float = 0.0
    drop: float = 0.0
    drop_after: float = 0.0
    expired: float = 0.0
    latency: float = 0.0
    min_latency: float = 0.0
    max_latency: float = 0.25
    max_retry_after: int = 3

    @classmethod
    def parse(cls, text: str) -> FaultProfile:
        """``SEED:PROFILE[,name=value...]``, e.g. ``42:storm``; ValueError with a clear message otherwise."""
        seed_text, sep, rest = text.partition(":")
        if not sep or not seed_text.strip().lstrip("-").isdigit():
            raise ValueError(
                translate(
                    "Sandbox", "Faults must look like SEED:PROFILE (e.g. 42:storm), not {text}."
                ).format(text=repr(text))
            )
        name, *overrides = [part.strip() for part in rest.split(",")]
        if name not in PROFILES:
            raise ValueError(
                translate("Sandbox", "Unknown fault profile {name}; choose one of {names}.").format(
                    name=repr(name), names=", ".join(PROFILES)
                )
            )
        profile = replace(PROFILES[name], seed=int(seed_text), name=name)
        numeric = {f.name: f.type for f in fields(cls) if f.name not in {"seed", "name"}}
        for override in overrides:
            key, eq, value = override.partition("=")
            key = key.strip()
            if not eq or key not in numeric:
                raise ValueError(
                    translate("Sandbox", "Unknown fault setting {setting}; settings are {names}.").format(
                        setting=repr(override), names=", ".join(numeric)
                    )
                )
            try:
                number = float(value)
            except ValueError:
                raise ValueError(
                    translate("Sandbox", "The fault setting {name} needs a number, not {value}.").format(
                        name=key, value=repr(value)
                    )
                ) from None
            if key in FAULTS or key == "latency":
                if not 0.0 <= number <= 1.0:
                    raise ValueError(
                        translate(
                            "Sandbox", "The fault rate {name} must lie between 0 and 1, not {value}."
                        ).format(name=key, value=value)
                    )
            elif number < 0:
                raise ValueError(
                    translate("Sandbox", "The fault setting {name} cannot be negative.").format(name=key)
                )
            setting: dict[str, Any] = {key: int(number) if key == "max_retry_after" else number}
            profile = replace(profile, **setting)
        if sum(getattr(profile, f) for f in FAULTS) > 1.0:
            raise ValueError(translate("Sandbox", "The fault rates add up to more than 1."))
        return profile

    def injector(self) -> FaultInjector:
        """A fresh sequence of decisions for this profile."""
        return FaultInjector(self)


PROFILES = {
    "none": FaultProfile(),
    "light": FaultProfile(
        name="light",
        throttle=0.02,
        unavailable=0.01,
        timeout=0.005,
        timeout_after=0.005,
        drop=0.005,
        drop_after=0.005,
        expired=0.002,
        latency=0.05,
    ),
    "storm": FaultProfile(
        name="storm",
        throttle=0.08,
        unavailable=0.04,
        timeout=0.02,
        timeout_after=0.03,
        drop=0.02,
        drop_after=0.02,
        expired=0.01,
        latency=0.2,
    ),
}


@dataclass(frozen=True)
class FaultDecision:
    """What happens to one request: a fault (or None), a delay, and the Retry-After of a 429 (or 503)."""

    fault: str | None
    delay: float
    retry_after: int
    hint_on_503: bool = False  # a 503 that carries Retry-After, as Graph's sometimes do


class FaultInjector:
    """Draws one decision per request from the profile's seeded random sequence (thread-safe)."""

    def __init__(self, profile: FaultProfile) -> None:
        self.profile = profile
        self._random = random.Random(profile.seed)  # noqa: S311 - reproducible faults, not security
        # A draw of its own: which 503s carry Retry-After must not shift the sequence of the faults.
        self._hints = random.Random(profile.seed + 1)  # noqa: S311
        self._lock = threading.Lock()

    def next(self) -> FaultDecision:
        """The decision for the next request."""
        profile = self.profile
        with self._lock:
            roll = self._random.random()
            delay_roll = self._random.random()
            delay = self._random.uniform(profile.min_latency, max(profile.min_latency, profile.max_latency))
            retry_after = self._random.randint(1, max(1, profile.max_retry_after))
            hint = self._hints.random() < 0.5
        fault = None
        for name in FAULTS:
            rate = getattr(profile, name)
            if roll < rate:
                fault = name
                break
            roll -= rate
        return FaultDecision(fault, delay if delay_roll < profile.latency else 0.0, retry_after, hint)

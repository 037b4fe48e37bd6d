"""Curated package surfaces that load their modules only when a name is first used.

A subpackage's ``__init__`` lists its public names once, by module; ``exports`` turns that table into
the module-level ``__getattr__`` and ``__all__`` of PEP 562. So ``from securemailmerge.m365 import
TenantConfig`` loads only ``tenant``, and the offline commands never pay for msal or cryptography.
The ``__init__`` repeats the same imports under ``TYPE_CHECKING`` for type checkers and editors; a
test holds the two lists against each other.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping


def exports(package: str, table: Mapping[str, tuple[str, ...]]) -> tuple[Callable[[str], object], list[str]]:
    """``(__getattr__, __all__)`` for ``package``, from ``{module: (public names, ...)}``."""
    where = {name: module for module, names in table.items() for name in names}

    def __getattr__(name: str) -> object:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{module}"), name)

    return __getattr__, sorted(where)

"""Outlook's display-name columns: the name Outlook shows for each of a contact's addresses.

An Outlook export carries, beside "E-mail Address", "E-mail 2 Address" and "E-mail 3 Address",
the name each is shown with ("E-mail Display Name", "E-Mail 2: Angezeigter Name", "Nombre de
pantalla de correo electrónico 3"; see ``columns.display_name_columns``). An address taken from
an address column is named by that column's display-name cell, unless a name was typed with it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from securemailmerge.recipients.addresses import Mailbox
from securemailmerge.recipients.columns import display_name_columns, outlook_name


class OutlookNames:
    """The display-name column of each address column of one list, by the column's position."""

    def __init__(self, columns: Sequence[str], address_columns: Sequence[str], index: Mapping[str, int]):
        shown = display_name_columns(columns, address_columns)
        self.positions = {
            column: index[name]
            for column, name in zip(address_columns, shown, strict=True)
            if name is not None
        }

    def named(self, boxes: list[Mailbox], column: str, values: Sequence[str]) -> list[Mailbox]:
        """``boxes`` from the address ``column``, each without a typed name named as Outlook shows it."""
        position = self.positions.get(column)
        if position is None:
            return boxes
        name = outlook_name(values[position])
        return [box if box.name or not name else Mailbox(box.address, name) for box in boxes]

    def names(self, address: str, column: str, values: Sequence[str]) -> tuple[tuple[str, str], ...]:
        """``((address, name),)`` for a bare ``address`` from ``column``, or ``()`` without a name."""
        return tuple(
            [(box.address, box.name) for box in self.named([Mailbox(address)], column, values) if box.name]
        )

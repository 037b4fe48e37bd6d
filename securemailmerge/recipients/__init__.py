"""Recipient lists: rows from CSV files, Excel sheets and address books, with their addresses checked.

``model`` holds what a list is made of and ``builder`` the one builder every source goes through;
``files`` opens a file with ``csvfile`` (its encoding found by ``csvencoding``) or ``xlsxfile``
(``excelformat`` shows numbers as Excel does, with the formats ``xlsxstyles``, ``xlsstyles`` and
``odsstyles`` read; ``workbookcheck`` refuses damaged, encrypted and oversized workbooks);
``choice`` picks among a row's addresses; ``columns`` finds the email, CC, BCC and Reply-To
columns (``outlooknames`` names addresses as Outlook's display-name columns do); ``addresses``
parses and validates what a cell holds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from securemailmerge.lazy import exports

if TYPE_CHECKING:
    from securemailmerge.recipients.addresses import (
        BadAddress as BadAddress,
        Mailbox as Mailbox,
        normalise_address as normalise_address,
        parse_address_cell as parse_address_cell,
        parse_mailbox as parse_mailbox,
        reason_text as reason_text,
        split_addresses as split_addresses,
    )
    from securemailmerge.recipients.builder import build_recipient_list as build_recipient_list
    from securemailmerge.recipients.choice import AddressChoice as AddressChoice
    from securemailmerge.recipients.files import (
        load_recipients as load_recipients,
        sheet_names as sheet_names,
    )
    from securemailmerge.recipients.model import (
        DUPLICATE as DUPLICATE,
        EMPTY_ADDRESS as EMPTY_ADDRESS,
        INVALID_ADDRESS as INVALID_ADDRESS,
        Recipient as Recipient,
        RecipientList as RecipientList,
        RecipientOptions as RecipientOptions,
        RowProblem as RowProblem,
    )
    from securemailmerge.recipients.workbookcheck import check_workbook as check_workbook
    from securemailmerge.recipients.xlsxfile import open_sheet as open_sheet
    from securemailmerge.recipients.xlsxstyles import read_formats as read_formats

__getattr__, __all__ = exports(
    __name__,
    {
        "addresses": (
            "BadAddress",
            "Mailbox",
            "normalise_address",
            "parse_address_cell",
            "parse_mailbox",
            "reason_text",
            "split_addresses",
        ),
        "model": (
            "DUPLICATE",
            "EMPTY_ADDRESS",
            "INVALID_ADDRESS",
            "Recipient",
            "RecipientList",
            "RecipientOptions",
            "RowProblem",
        ),
        "builder": ("build_recipient_list",),
        "choice": ("AddressChoice",),
        "files": ("load_recipients", "sheet_names"),
        "workbookcheck": ("check_workbook",),
        "xlsxfile": ("open_sheet",),
        "xlsxstyles": ("read_formats",),
    },
)

"""Opening a recipient file: the path checked, the reader chosen by the file's kind, every row checked.

A path that is a folder, a named pipe, a device or a socket is refused before it is opened (opening
a pipe would wait for a writer forever). ``.xlsx``, ``.xlsm``, ``.xlsb``, ``.xls`` and ``.ods`` are
workbooks (``xlsxfile``); anything else is read as CSV text (``csvfile``).
"""

from __future__ import annotations

import stat
from pathlib import Path

from securemailmerge.errors import RecipientFileError
from securemailmerge.i18n import translate
from securemailmerge.recipients.builder import build_recipient_list
from securemailmerge.recipients.csvfile import open_csv
from securemailmerge.recipients.model import RecipientList, RecipientOptions

_DEFAULT = RecipientOptions()
# The workbook reader (calamine, the zip and XML readers, the number formats) loads when a
# workbook is opened, so that a CSV check does not wait for it.
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})


def _error(path: Path, text: str) -> RecipientFileError:
    return RecipientFileError(text.format(file=path.name, path=path), file=str(path))


def check_regular_file(path: Path) -> None:
    """Refuse at once a path that is missing, a folder, a pipe, a device or a socket (links followed)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise _error(path, translate("Recipients", "{path} does not exist.")) from None
    except OSError as error:
        text = translate("Recipients", "Cannot open {path}: {reason}")
        raise RecipientFileError(
            text.format(path=path, reason=error.strerror or error), file=str(path)
        ) from error
    if stat.S_ISDIR(mode):
        raise _error(
            path,
            translate("Recipients", "{path} is a folder; choose the recipient file (.csv or Excel) in it."),
        )
    if not stat.S_ISREG(mode):
        raise _error(
            path,
            translate(
                "Recipients",
                "{path} is not a file saved on disk (it is a pipe, a device or a socket); "
                "choose a .csv or Excel file.",
            ),
        )


def load_recipients(path: Path, options: RecipientOptions = _DEFAULT) -> RecipientList:
    """Read a CSV (``.csv``, ``.txt``, ``.tsv``) or a workbook (``.xlsx``, ``.xls``, ``.ods``, ...) and
    check every row."""
    check_regular_file(path)
    if options.header_row is not None and options.header_row < 1:
        raise _error(
            path, translate("Recipients", "{file}: the header row is counted from 1, as Excel does.")
        )
    suffix = path.suffix.lower()
    if suffix == ".numbers":
        text = translate(
            "Recipients",
            "{file}: this spreadsheet format cannot be read. Save it as Excel workbook (.xlsx) or CSV.",
        )
        raise _error(path, text)
    if suffix in WORKBOOK_SUFFIXES:
        from securemailmerge.recipients.xlsxfile import open_sheet, read_whole

        def read(in_parts: bool) -> RecipientList:
            with open_sheet(path, options.sheet, header_row=options.header_row, in_parts=in_parts) as sheet:
                details = {"sheet": sheet.title, "header_row": str(sheet.header_row), **sheet.notes}
                label = sheet.column_label
                return build_recipient_list(
                    str(path), sheet.header, sheet.blocks, options, column_label=label, details=details
                )

        result = read_whole(read)
    else:
        with open_csv(path, options.encoding, options.delimiter, header_row=options.header_row) as table:
            details = {
                "encoding": table.encoding,
                "delimiter": table.delimiter,
                "header_row": str(table.header_row),
            }
            result = build_recipient_list(str(path), table.header, table.records, options, details=details)
            result.encoding = table.encoding
            mixed = table.mixed_problems()
            if mixed:
                result.problems = sorted([*result.problems, *mixed], key=lambda problem: problem.row)
                result.details = {**result.details, "mixed_rows": ", ".join(str(p.row) for p in mixed)}
    if not result.rows and not result.excluded:
        text = translate("Recipients", "{file} has a header row but no recipients below it.")
        raise _error(path, text)
    return result


def sheet_names(path: Path) -> list[str]:
    """The names of the worksheets of a workbook, in workbook order, for the user to choose."""
    from securemailmerge.recipients.xlsxfile import sheet_names as book_sheets

    check_regular_file(path)
    return book_sheets(path)

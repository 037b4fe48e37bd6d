"""The number format of each cell of an old ``.xls`` sheet (Excel 97-2003), read with xlrd.

calamine reads the values of an ``.xls`` but not its number formats, which decide whether
``12500.5`` shows as ``12.500,50 €``. xlrd (the reader pandas uses for ``.xls``, maintained by
the python-excel project; the format no longer changes) reads the workbook's format records and
the style of each cell. Only numbers and dates need a format; a file xlrd cannot read keeps
General formats, since calamine has already read its values.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from securemailmerge.recipients.xlsxstyles import CellFormats

# xlrd's cell types that a number format applies to: XL_CELL_NUMBER and XL_CELL_DATE.
_NUMERIC_TYPES = frozenset({2, 3})
_GENERAL = frozenset({"General", "@", ""})


def read_xls_formats(path: Path, sheet: str) -> CellFormats:
    """The number formats of the numbers and dates of ``sheet``; none when xlrd cannot read the file."""
    import xlrd  # loads only for an .xls

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except Exception:  # a damaged part only costs the formats: calamine has read the values
        return CellFormats()
    try:
        return _formats(book, book.sheet_by_name(sheet))
    except Exception:
        return CellFormats()
    finally:
        book.release_resources()


def _formats(book: Any, worksheet: Any) -> CellFormats:
    known = book.format_map
    codes = [known[xf.format_key].format_str if xf.format_key in known else "General" for xf in book.xf_list]
    formats = CellFormats()
    for row in range(worksheet.nrows):
        types = worksheet.row_types(row)
        for column, kind in enumerate(types):
            if kind not in _NUMERIC_TYPES:
                continue
            code = codes[worksheet.cell_xf_index(row, column)]
            if code not in _GENERAL:
                formats.add(row, column, code)
    return formats

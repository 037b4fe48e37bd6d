"""The number format of each cell of an old ``.xls`` sheet (Excel 97-2003).

calamine reads the values of an ``.xls`` but not its number formats, which decide whether
``12500.5`` shows as ``12.500,50 €``. An ``.xls`` of Excel 97 or later (BIFF8) is a stream of
records (MS-XLS): the workbook's ``FORMAT`` and ``XF`` records map a cell's format index to a
format code, and each number cell (``NUMBER``, ``RK``, ``MULRK``, ``FORMULA``) names its index.
Those records are read here directly, from the stream that xlrd's compound-file reader finds;
older files (BIFF5, Excel 95) are read whole by xlrd (the reader pandas uses for ``.xls``,
maintained by the python-excel project; the format no longer changes), a hundred times slower.
Only numbers and dates need a format; a file that cannot be read keeps General formats, since
calamine has already read its values.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path
from typing import Any

from securemailmerge.recipients.xlsxstyles import BUILTIN_FORMATS, CellFormats

# xlrd's cell types that a number format applies to: XL_CELL_NUMBER and XL_CELL_DATE.
_NUMERIC_TYPES = frozenset({2, 3})
_GENERAL = frozenset({"General", "@", ""})


def read_xls_formats(path: Path, sheet: str) -> CellFormats:
    """The number formats of the numbers and dates of ``sheet``; none when xlrd cannot read the file."""
    try:
        fast = _biff8_formats(path.read_bytes(), sheet)
    except (OSError, ValueError, IndexError, struct.error):
        return CellFormats()
    if fast is not None:
        return fast
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


# Record types of MS-XLS 2.3.
_BOF, _EOF, _SHEET, _FORMAT, _XF = 0x0809, 0x000A, 0x0085, 0x041E, 0x00E0
_NUMBER, _RK, _FORMULA, _MULRK = 0x0203, 0x027E, 0x0006, 0x00BD
_BIFF8 = 0x0600
_SINGLE_NUMBERS = frozenset({_NUMBER, _RK, _FORMULA})


def _biff8_formats(data: bytes, sheet: str) -> CellFormats | None:
    """The formats of ``sheet`` read from the records of a BIFF8 workbook; ``None`` for another kind."""
    from xlrd import compdoc  # the compound file (OLE) that holds the workbook stream

    stream, base, size = compdoc.CompDoc(data, logfile=io.StringIO()).locate_named_stream("Workbook")
    if stream is None or struct.unpack_from("<HHH", stream, base) != (_BOF, 16, _BIFF8):
        return None
    custom: dict[int, str] = {}
    indexes: list[int] = []
    sheets: dict[str, int] = {}
    for kind, start, _ in _records(stream, base, base + size):
        if kind == _FORMAT:
            custom[struct.unpack_from("<H", stream, start)[0]] = _unicode(stream, start + 2, 2)
        elif kind == _XF:
            indexes.append(struct.unpack_from("<H", stream, start + 2)[0])
        elif kind == _SHEET:
            sheets[_unicode(stream, start + 6, 1)] = struct.unpack_from("<I", stream, start)[0]
        elif kind == _EOF:
            break
    codes = [custom.get(index) or BUILTIN_FORMATS.get(index, "General") for index in indexes]
    wanted = {index: code for index, code in enumerate(codes) if code not in _GENERAL}
    if sheet not in sheets or not wanted:
        return CellFormats()
    return _cells(stream, base + sheets[sheet], base + size, wanted)


def _records(stream: bytes, position: int, end: int) -> Any:
    """``(type, start, length)`` of each record from ``position``: a 2-byte type, a 2-byte length."""
    unpack = struct.unpack_from
    while position + 4 <= end:
        kind, length = unpack("<HH", stream, position)
        yield kind, position + 4, length
        position += 4 + length


def _unicode(stream: bytes, position: int, count_bytes: int) -> str:
    """An XLUnicodeString (``count_bytes`` = 2) or ShortXLUnicodeString (1): a count of characters,
    a flags byte (bit 0: two bytes a character; rich text and extended data add fields first)."""
    count = stream[position] if count_bytes == 1 else struct.unpack_from("<H", stream, position)[0]
    flags = stream[position + count_bytes]
    position += count_bytes + 1 + (2 if flags & 0x08 else 0) + (4 if flags & 0x04 else 0)
    if flags & 0x01:
        return stream[position : position + 2 * count].decode("utf-16-le")
    return stream[position : position + count].decode("latin-1")


def _cells(stream: bytes, position: int, end: int, wanted: dict[int, str]) -> CellFormats:
    """The formats of the number cells of the sheet whose records start at ``position``."""
    formats = CellFormats()
    unpack = struct.unpack_from
    # The records are walked inline: a sheet has a record for every cell.
    while position + 4 <= end:
        kind, length = unpack("<HH", stream, position)
        start = position + 4
        position = start + length
        if kind in _SINGLE_NUMBERS:
            if kind == _FORMULA and stream[start + 12 : start + 14] == b"\xff\xff":
                continue  # a formula whose result is text, a truth value or an error
            row, column, index = unpack("<HHH", stream, start)
            if index in wanted:
                formats.add(row, column, wanted[index])
        elif kind == _MULRK:
            row, first = unpack("<HH", stream, start)
            for offset in range((length - 6) // 6):
                index = unpack("<H", stream, start + 4 + 6 * offset)[0]
                if index in wanted:
                    formats.add(row, first + offset, wanted[index])
        elif kind == _EOF:
            break
    return formats

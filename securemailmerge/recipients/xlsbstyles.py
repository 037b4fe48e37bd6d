"""The number format of each number cell of an ``.xlsb`` sheet (Excel's binary workbook).

calamine reads the values of an ``.xlsb`` but not its number formats, and gives a date kept as a
whole number of days as that number (``45306`` for 15 January 2024). An ``.xlsb`` is a zip of
BIFF12 record streams (MS-XLSB): ``styles.bin`` lists the number formats (``BrtFmt``) and the cell
formats that name them (``BrtXF``), and each number cell of a sheet (``BrtCellRk``,
``BrtCellReal``, ``BrtFmlaNum``) names its cell format. The sheet's records are walked up to
``SCAN_BYTES``; below that point each column keeps the last format seen in it, as for an ``.xlsx``.
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import ParseError

from securemailmerge.recipients.xlsxstyles import BUILTIN_FORMATS, CellFormats, related_part

SCAN_BYTES = 8 << 20
# Record types of MS-XLSB 2.3.2 (the numbers calamine and Excel use).
_ROW_HEADER, _END_SHEET_DATA = 0x0000, 0x0092
_NUMBER_CELLS = frozenset({0x0002, 0x0005, 0x0009})  # BrtCellRk, BrtCellReal, BrtFmlaNum
_FORMAT, _CELL_FORMAT, _BEGIN_CELL_FORMATS, _END_CELL_FORMATS = 0x002C, 0x002F, 0x0269, 0x026A
_SHEET = 0x009C  # BrtBundleSh
_UNREADABLE = (KeyError, zipfile.BadZipFile, ParseError, OSError, ValueError, IndexError, struct.error)


def read_xlsb_formats(path: Path, sheet: str) -> CellFormats:
    """The number formats of the number cells of ``sheet``; none when the parts are missing or odd."""
    try:
        with zipfile.ZipFile(path) as archive:
            codes = _style_codes(archive.read("xl/styles.bin"))
            part = _sheet_part(archive, sheet)
            wanted = {index: code for index, code in enumerate(codes) if code not in {"General", "@"}}
            if not wanted or part is None:
                return CellFormats()
            with archive.open(part) as stream:
                data = stream.read(SCAN_BYTES)
                complete = not stream.read(1)
            return _scan(data, wanted, complete)
    except _UNREADABLE:
        return CellFormats()


def _records(data: bytes, position: int = 0) -> Iterator[tuple[int, int, int]]:
    """``(type, start, end)`` of each record from ``position``: the type and the size are 7-bit
    variable-length integers (at most 2 and 4 bytes), the payload follows."""
    size = len(data)
    while position < size:
        kind = data[position]
        position += 1
        if kind & 0x80:
            kind = (kind & 0x7F) | ((data[position] & 0x7F) << 7)
            position += 1
        length, position = _long_size(data, position)
        yield kind, position, position + length
        position += length


def _wide(data: bytes, start: int) -> tuple[str, int]:
    """An XLWideString at ``start`` (a 4-byte count of UTF-16 units, then the units) and where it ends."""
    (units,) = struct.unpack_from("<I", data, start)
    end = start + 4 + 2 * units
    if end > len(data):
        raise ValueError("string beyond its record")
    return data[start + 4 : end].decode("utf-16-le"), end


def _style_codes(data: bytes) -> list[str]:
    """The format code of each cell format (``BrtXF`` inside ``BrtBeginCellXFs``), in order."""
    custom: dict[int, str] = {}
    codes: list[str] = []
    inside = False
    for kind, start, end in _records(data):
        if kind == _FORMAT:
            (number,) = struct.unpack_from("<H", data, start)
            custom[number] = _wide(data[:end], start + 2)[0]
        elif kind == _BEGIN_CELL_FORMATS:
            inside = True
        elif kind == _END_CELL_FORMATS:
            break
        elif kind == _CELL_FORMAT and inside:
            (number,) = struct.unpack_from("<H", data, start + 2)
            codes.append(custom.get(number) or BUILTIN_FORMATS.get(number, "General"))
    return codes


def _sheet_part(archive: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip part of the sheet named ``sheet`` (``BrtBundleSh`` names its relationship)."""
    data = archive.read("xl/workbook.bin")
    wanted = None
    for kind, start, end in _records(data):
        if kind == _SHEET:
            record = data[:end]
            relation, after = _wide(record, start + 8)
            if _wide(record, after)[0] == sheet:
                wanted = relation
                break
    return related_part(archive, "xl/_rels/workbook.bin.rels", wanted)


def _scan(data: bytes, wanted: dict[int, str], complete: bool) -> CellFormats:
    """The formats of the number cells in the records of ``data`` whose cell format is ``wanted``."""
    formats = CellFormats()
    row = position = 0
    size = len(data)
    unpack = struct.unpack_from
    try:
        # The records are walked inline (a sheet has one for every cell): a type and a size below
        # 128 take one byte each, as nearly all of a sheet's do.
        while position < size:
            kind = data[position]
            if kind & 0x80:
                kind = (kind & 0x7F) | ((data[position + 1] & 0x7F) << 7)
                position += 1
            length = data[position + 1]
            position += 2
            if length & 0x80:
                length, position = _long_size(data, position - 1)
            start = position
            position += length
            if kind in _NUMBER_CELLS:
                column, style = unpack("<II", data, start)
                code = wanted.get(style & 0xFFFFFF)  # iStyleRef: the low 24 bits
                if code is not None:
                    formats.add(row, column, code)
            elif kind == _ROW_HEADER:
                (row,) = unpack("<I", data, start)
            elif kind == _END_SHEET_DATA:
                return formats
    except (IndexError, struct.error):
        if complete:
            raise
    if not complete:
        formats.scanned_rows = row  # the row being read when the budget ran out is judged by its column
    return formats


def _long_size(data: bytes, position: int) -> tuple[int, int]:
    """A record size of one to four 7-bit bytes from ``position``, and where its payload starts."""
    length = shift = 0
    for _ in range(4):
        byte = data[position]
        position += 1
        length |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            break
    return length, position

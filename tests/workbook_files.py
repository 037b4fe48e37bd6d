"""Workbooks that no Python library writes, laid out for tests and benchmarks as Excel and LibreOffice
write them: an ``.xlsb`` (Excel's binary workbook, records as MS-XLSB lays them out) and an ``.ods``.

A sheet is a list of rows of Python values (``str``, ``int``, ``float``, ``bool``, ``date``,
``datetime``, ``time``, ``None`` for an empty cell); ``formats`` gives a 0-based column a number
format code (the Excel code for an ``.xlsb``, the name of a data style in ``ODS_STYLES`` for an ``.ods``).
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path

Cell = str | int | float | bool | date | datetime | time | None
_EPOCH = datetime(1899, 12, 30)


def _serial(value: date | datetime | time) -> float:
    """The number Excel keeps for a date or time (days since 30 December 1899)."""
    if isinstance(value, time):
        return (value.hour * 3600 + value.minute * 60 + value.second) / 86400
    moment = value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
    return (moment - _EPOCH) / timedelta(days=1)


def _record(kind: int, payload: bytes = b"") -> bytes:
    """One BIFF12 record: its type and size as 7-bit variable-length integers, then the payload."""
    head = bytearray()
    for number, most in ((kind, 2), (len(payload), 4)):
        for _ in range(most):
            byte, number = number & 0x7F, number >> 7
            head.append(byte | (0x80 if number else 0))
            if not number:
                break
    return bytes(head) + payload


def _wide(text: str) -> bytes:
    return struct.pack("<I", len(text)) + text.encode("utf-16-le")


def _rk(value: float) -> bytes | None:
    """The 4-byte RK form Excel uses for a number that fits in it (an integer, or a number whose
    hundredfold is one, or a double whose low 34 bits are zero), ``None`` when it does not fit."""
    if value == int(value) and -(1 << 29) <= value < (1 << 29):
        return struct.pack("<i", (int(value) << 2) | 2)
    hundredfold = round(value * 100)
    if -(1 << 29) <= hundredfold < (1 << 29) and hundredfold / 100 == value:
        return struct.pack("<i", (hundredfold << 2) | 3)
    bits = struct.unpack("<Q", struct.pack("<d", value))[0]
    if bits & ((1 << 34) - 1) == 0:
        return struct.pack("<I", bits >> 32)
    return None


def _xlsb_cell(column: int, style: int, value: Cell, strings: dict[str, int]) -> bytes:
    cell = struct.pack("<II", column, style)
    if isinstance(value, bool):
        return _record(0x04, cell + bytes([value]))
    if isinstance(value, str):
        return _record(0x07, cell + struct.pack("<I", strings.setdefault(value, len(strings))))
    number = _serial(value) if isinstance(value, date | time) else float(value)  # type: ignore[arg-type]
    rk = _rk(number)
    return _record(0x02, cell + rk) if rk is not None else _record(0x05, cell + struct.pack("<d", number))


def write_xlsb(
    path: Path, rows: Iterable[Sequence[Cell]], formats: dict[int, str] | None = None, sheet: str = "Sheet1"
) -> Path:
    """An ``.xlsb`` with one sheet of ``rows``; ``formats`` maps a column to its number format code."""
    codes = sorted(set((formats or {}).values()))
    style_of = {column: codes.index(code) + 1 for column, code in (formats or {}).items()}
    strings: dict[str, int] = {}
    body = bytearray()
    width = 0
    for number, values in enumerate(rows):
        width = max(width, len(values))
        body += _record(0x00, struct.pack("<IIHHBI", number, 0, 300, 0, 0, 0))
        for column, value in enumerate(values):
            if value is not None and value != "":
                body += _xlsb_cell(column, style_of.get(column, 0), value, strings)
    dimension = struct.pack("<IIII", 0, max(number, 0), 0, max(width - 1, 0))
    sheet_part = (
        _record(0x81) + _record(0x94, dimension) + _record(0x91) + bytes(body) + _record(0x92) + _record(0x82)
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _XLSB_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS.format(target="xl/workbook.bin"))
        archive.writestr("xl/_rels/workbook.bin.rels", _XLSB_RELS)
        archive.writestr("xl/workbook.bin", _xlsb_workbook(sheet))
        archive.writestr("xl/styles.bin", _xlsb_styles(codes))
        archive.writestr("xl/sharedStrings.bin", _xlsb_strings(strings))
        archive.writestr("xl/worksheets/sheet1.bin", sheet_part)
    return path


def _xlsb_workbook(sheet: str) -> bytes:
    bundle = struct.pack("<II", 0, 1) + _wide("rId1") + _wide(sheet)
    return (
        _record(0x83) + _record(0x8F) + _record(0x9C, bundle) + _record(0x90) + _record(0x84)
    )  # BrtBeginBook, BrtBeginBundleShs, BrtBundleSh, BrtEndBundleShs, BrtEndBook


def _xlsb_styles(codes: list[str]) -> bytes:
    """BrtBeginStyleSheet, the custom formats (ids from 164, as Excel numbers them) and one
    cell format per code after the default one."""
    formats = b"".join(
        _record(0x2C, struct.pack("<H", 164 + i) + _wide(code)) for i, code in enumerate(codes)
    )
    xfs = [0, *range(164, 164 + len(codes))]
    cell_formats = b"".join(
        _record(0x2F, struct.pack("<HHHHHBBHBB", 0xFFFF, f, 0, 0, 0, 0, 0, 0, 0, 0)) for f in xfs
    )
    return (
        _record(0x296)
        + _record(0x267, struct.pack("<I", len(codes)))
        + formats
        + _record(0x268)
        + _record(0x269, struct.pack("<I", len(xfs)))
        + cell_formats
        + _record(0x26A)
        + _record(0x297)
    )


def _xlsb_strings(strings: dict[str, int]) -> bytes:
    items = b"".join(_record(0x13, b"\x00" + _wide(text)) for text in strings)
    return _record(0x9F, struct.pack("<II", len(strings), len(strings))) + items + _record(0xA0)


_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="{target}"/></Relationships>'
)
_XLSB_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.bin"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'styles" Target="styles.bin"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'sharedStrings" Target="sharedStrings.bin"/></Relationships>'
)
_XLSB_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.bin" ContentType="application/vnd.ms-excel.worksheet"/>'
    '<Override PartName="/xl/styles.bin" ContentType="application/vnd.ms-excel.styles"/>'
    '<Override PartName="/xl/sharedStrings.bin" ContentType="application/vnd.ms-excel.sharedStrings"/>'
    "</Types>"
)

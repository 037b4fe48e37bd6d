"""The number format of each cell of an OpenDocument sheet (``.ods``), read from its data styles.

calamine reads the values of an ``.ods`` but not how LibreOffice shows them. A cell names a cell
style (its own, else its row's or its column's default), the cell style names a data style
(``number:number-style``, ``currency-style``, ``percentage-style``, ``date-style``, ``time-style``),
and each data style is turned here into the Excel format code that shows the same, so that
``excelformat`` shows both kinds of workbook alike (``12.500,50 €`` on a German system). As for an
``.xlsx``, the sheet is read up to ``SCAN_BYTES``, its start tags found by a pattern; below that
point each column keeps its last format.
"""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import ElementTree

from securemailmerge.recipients.xlsxstyles import CellFormats

SCAN_BYTES = 32 << 20
_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "number": "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
}
_DATA_STYLES = frozenset(
    f"{{{_NS['number']}}}{kind}-style" for kind in ("number", "currency", "percentage", "date", "time")
)
_CLOCK_UNITS = frozenset(f"{{{_NS['number']}}}{unit}" for unit in ("hours", "minutes", "seconds"))
_NUMERIC_VALUES = frozenset({b"float", b"currency", b"percentage", b"date", b"time"})
_TABLE_NAME, _STYLE_NAME, _VALUE_TYPE = b'table:name="', b'table:style-name="', b'office:value-type="'
_DEFAULT_STYLE = b'table:default-cell-style-name="'
_ROWS_REPEATED, _COLUMNS_REPEATED = b'table:number-rows-repeated="', b'table:number-columns-repeated="'
# Rows a repeated row element stands for, at most, when its cells hold numbers.
_REPEATS_KEPT = 10_000
# Columns one element may stand for, at most (LibreOffice repeats the last one to the sheet's end).
_COLUMNS_KEPT = 16_384


def _name(space: str, local: str) -> str:
    return f"{{{_NS[space]}}}{local}"


# calamine matches the names as LibreOffice, Excel and Google Sheets write them ("table:table-cell"),
# so the sheet's part is searched for those names, in C, as for an .xlsx: only the start tags of
# tables, columns, rows and cells are looked at, and a cell's attributes only when it holds a number.
_TAGS = re.compile(rb"<table:(table-cell|covered-table-cell|table-row|table-column|table)(?=[\s/>])([^>]*)>")
_STYLES_START, _STYLES_END = b"<office:automatic-styles", b"</office:automatic-styles>"


def read_ods_formats(path: Path, sheet: str) -> CellFormats:
    """The number formats of the numbers and dates of ``sheet``; none when the parts are missing or odd."""
    try:
        with zipfile.ZipFile(path) as archive:
            styles = _Styles()
            if "styles.xml" in archive.namelist():
                styles.read(ElementTree.fromstring(archive.read("styles.xml")))
            with archive.open("content.xml") as stream:
                data = stream.read(SCAN_BYTES)
                complete = not stream.read(1)
            _content_styles(data, styles)
            formats = _scan(data, complete, sheet, styles)
        formats.text_durations = True  # calamine gives LibreOffice's PT36H15M00S of 36 hours as text
        return formats
    except (KeyError, zipfile.BadZipFile, ParseError, OSError, ValueError):
        return CellFormats()


class _Styles:
    """The data styles as Excel format codes and the cell styles that name them."""

    def __init__(self) -> None:
        self.data: dict[str, Element] = {}
        self.cells: dict[str, tuple[str | None, str | None]] = {}
        self.known: dict[str, str] = {}

    def read(self, root: Element) -> None:
        """Take the data styles and cell styles of a styles part (or of the content's own)."""
        for element in root.iter():
            if element.tag in _DATA_STYLES:
                self.data[element.get(_name("style", "name"), "")] = element
            elif (
                element.tag == _name("style", "style")
                and element.get(_name("style", "family")) == "table-cell"
            ):
                self.cells[element.get(_name("style", "name"), "")] = (
                    element.get(_name("style", "data-style-name")),
                    element.get(_name("style", "parent-style-name")),
                )

    def code(self, cell_style: str | None) -> str:
        """The format code of the cell style ``cell_style`` (``General`` for none)."""
        if cell_style is None:
            return "General"
        code = self.known.get(cell_style)
        if code is None:
            code = self.known[cell_style] = self._resolve(cell_style)
        return code

    def _resolve(self, cell_style: str) -> str:
        name: str | None = cell_style
        for _ in range(8):  # a style inherits its data style from its parents; LibreOffice nests a few
            data, parent = self.cells.get(name or "", (None, None))
            if data is not None:
                return data_style_code(self.data, data)
            name = parent
            if name is None:
                break
        return "General"


def _content_styles(data: bytes, styles: _Styles) -> None:
    """Take the styles that the content part keeps itself (before its body), parsed as XML with
    the namespaces its root element declares."""
    start, end = data.find(_STYLES_START), data.find(_STYLES_END)
    root = data.find(b"<office:document-content")
    if min(start, end, root) < 0:
        return
    head = data[root : data.index(b">", root) + 1]
    styles.read(
        ElementTree.fromstring(head + data[start : end + len(_STYLES_END)] + b"</office:document-content>")
    )


def _text(value: bytes | None) -> str | None:
    """An attribute's raw value as the text it stands for (its character references replaced)."""
    return None if value is None else html.unescape(value.decode("utf-8", "replace"))


def _attribute(tag: bytes, name: bytes) -> bytes | None:
    """The raw value of the attribute ``name`` (``b'table:style-name="'``) of a start tag's rest."""
    at = tag.find(name)
    if at < 0:
        return None
    at += len(name)
    return tag[at : tag.index(b'"', at)]


class _Sheet:
    """Where the scan stands in the sheet: the row, the column, and the styles that apply."""

    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.formats = CellFormats()
        self.row = self.next_row = self.column = 0
        self.repeat_rows = 1
        self.columns: list[bytes | None] = []
        self.row_style: bytes | None = None
        self.codes: dict[bytes, str] = {}

    def row_starts(self, tag: bytes) -> None:
        """A ``table:table-row`` begins (and stands for its repeats)."""
        self.row, self.column, self.row_style = self.next_row, 0, _attribute(tag, _DEFAULT_STYLE)
        self.repeat_rows = min(int(_attribute(tag, _ROWS_REPEATED) or 1), _REPEATS_KEPT)
        self.next_row += self.repeat_rows

    def column_starts(self, tag: bytes) -> None:
        """A ``table:table-column`` (and its repeats) names its cells' default style."""
        repeat = min(int(_attribute(tag, _COLUMNS_REPEATED) or 1), _COLUMNS_KEPT)
        self.columns += [_attribute(tag, _DEFAULT_STYLE)] * repeat

    def cell(self, tag: bytes) -> None:
        """A cell (and its repeats): a number, date or time in it gets the format of its style."""
        column = self.column
        repeat = min(int(_attribute(tag, _COLUMNS_REPEATED) or 1), _COLUMNS_KEPT) if b"repeated" in tag else 1
        self.column += repeat
        if _attribute(tag, _VALUE_TYPE) not in _NUMERIC_VALUES:
            return
        style = _attribute(tag, _STYLE_NAME) or self.row_style
        columns = self.columns
        for position in range(column, column + repeat):
            code = self._code(style or (columns[position] if position < len(columns) else None))
            if code != "General":
                for offset in range(self.repeat_rows):
                    self.formats.add(self.row + offset, position, code)

    def _code(self, style: bytes | None) -> str:
        if style is None:
            return "General"
        code = self.codes.get(style)
        if code is None:
            code = self.codes[style] = self.styles.code(_text(style))
        return code


def _scan(data: bytes, complete: bool, sheet: str, styles: _Styles) -> CellFormats:
    state: _Sheet | None = None
    for name, tag in _TAGS.findall(data):
        if name == b"table-cell" or name == b"covered-table-cell":
            if state is not None:
                state.cell(tag)
        elif name == b"table-row":
            if state is not None:
                state.row_starts(tag)
        elif name == b"table":
            if state is not None:
                return state.formats
            if _text(_attribute(tag, _TABLE_NAME)) == sheet:
                state = _Sheet(styles)
        elif state is not None:
            state.column_starts(tag)
    if state is None:
        return CellFormats()
    if not complete:
        state.formats.scanned_rows = state.row  # the row being read when the budget ran out: by its column
    return state.formats


def data_style_code(data: dict[str, Element], name: str, depth: int = 0) -> str:
    """The Excel format code that shows a value as the data style ``name`` does ("General" if unknown).

    A style that maps non-negative values to another style (LibreOffice's currencies with a red
    minus) becomes two sections, the other style's first: ``#,##0.00 "€";"-"#,##0.00 "€"``.
    """
    style = data.get(name)
    if style is None or depth > 4:
        return "General"
    kind = style.tag.rpartition("}")[2]
    parts = [_part(child, kind) for child in style]
    if style.get(_name("number", "truncate-on-overflow")) == "false":
        # The largest unit of a duration goes past 23 hours (or 59 minutes): Excel's [h], [mm].
        first = next((i for i, child in enumerate(style) if child.tag in _CLOCK_UNITS), None)
        if first is not None:
            parts[first] = f"[{parts[first]}]"
    code = "".join(parts)
    for mapping in style.iter(_name("style", "map")):
        if mapping.get(_name("style", "condition"), "").replace(" ", "") == "value()>=0":
            positive = data_style_code(data, mapping.get(_name("style", "apply-style-name"), ""), depth + 1)
            return f"{positive};{code}" if positive != "General" else code
    return code or "General"


def _part(element: Element, kind: str) -> str:
    """The piece of a format code for one element of a data style."""
    local = element.tag.rpartition("}")[2]
    long = element.get(_name("number", "style")) == "long"
    if local in {"text", "currency-symbol"}:
        text = element.text or ""
        if kind == "percentage-style" and "%" in text:
            return "%".join(_quoted(piece) for piece in text.split("%"))
        return _quoted(text)
    if local in {"number", "scientific-number"}:
        return _number_part(element) + ("E+00" if local == "scientific-number" else "")
    if local == "fraction":
        return "# ?/?"
    if local == "seconds":
        # Fractions of a second, as many digits as the style keeps (09:30:15.25).
        places = int(element.get(_name("number", "decimal-places"), "0"))
        return _DATE_PARTS[(local, long)] + ("." + "0" * places if places else "")
    return _DATE_PARTS.get((local, long), "") if local != "month" else _month(element, long)


def _number_part(element: Element) -> str:
    places = int(element.get(_name("number", "decimal-places"), "0"))
    least = int(element.get(_name("number", "min-decimal-places"), str(places)))
    digits = int(element.get(_name("number", "min-integer-digits"), "1"))
    whole = "0" * digits or "#"
    if element.get(_name("number", "grouping")) == "true":
        whole = "#,##" + whole if len(whole) < 4 else whole
    decimals = "0" * least + "#" * max(places - least, 0)
    return whole + ("." + decimals if decimals else "")


def _month(element: Element, long: bool) -> str:
    if element.get(_name("number", "textual")) == "true":
        return "mmmm" if long else "mmm"
    return "mm" if long else "m"


def _quoted(text: str) -> str:
    return f'"{text}"' if text else ""


_DATE_PARTS = {
    ("day", True): "dd",
    ("day", False): "d",
    ("year", True): "yyyy",
    ("year", False): "yy",
    ("day-of-week", True): "dddd",
    ("day-of-week", False): "ddd",
    ("hours", True): "hh",
    ("hours", False): "h",
    ("minutes", True): "mm",
    ("minutes", False): "m",
    ("seconds", True): "ss",
    ("seconds", False): "s",
    ("am-pm", True): "AM/PM",
    ("am-pm", False): "AM/PM",
}

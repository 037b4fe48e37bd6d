"""The number format of each cell of an OpenDocument sheet (``.ods``), read from its data styles.

calamine reads the values of an ``.ods`` but not how LibreOffice shows them. A cell names a cell
style (its own, else its row's or its column's default), the cell style names a data style
(``number:number-style``, ``currency-style``, ``percentage-style``, ``date-style``, ``time-style``),
and each data style is turned here into the Excel format code that shows the same, so that
``excelformat`` shows both kinds of workbook alike (``12.500,50 €`` on a German system). As for an
``.xlsx``, the sheet is read up to ``SCAN_BYTES``; below that each column keeps its last format.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO
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
_NUMERIC_VALUES = frozenset({"float", "currency", "percentage", "date", "time"})
# Rows a repeated row element stands for, at most, when its cells hold numbers.
_REPEATS_KEPT = 10_000
# Columns one element may stand for, at most (LibreOffice repeats the last one to the sheet's end).
_COLUMNS_KEPT = 16_384


def _name(space: str, local: str) -> str:
    return f"{{{_NS[space]}}}{local}"


_TABLE, _ROW, _COLUMN = _name("table", "table"), _name("table", "table-row"), _name("table", "table-column")
_CELLS = frozenset({_name("table", "table-cell"), _name("table", "covered-table-cell")})
_STYLE_NAME, _DEFAULT_STYLE = _name("table", "style-name"), _name("table", "default-cell-style-name")
_ROWS_REPEATED, _COLUMNS_REPEATED = (
    _name("table", "number-rows-repeated"),
    _name("table", "number-columns-repeated"),
)


class _Capped:
    """A stream that ends after ``budget`` bytes, so the parser stops where the scan does."""

    def __init__(self, stream: IO[bytes], budget: int) -> None:
        self.stream, self.left = stream, budget
        self.complete = True

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes, none once the budget is spent."""
        wanted = self.left if size < 0 else min(size, self.left)
        if wanted <= 0:
            if self.complete and self.stream.read(1):
                self.complete = False
            return b""
        data = self.stream.read(wanted)
        self.left -= len(data)
        return data


def read_ods_formats(path: Path, sheet: str) -> CellFormats:
    """The number formats of the numbers and dates of ``sheet``; none when the parts are missing or odd."""
    try:
        with zipfile.ZipFile(path) as archive:
            styles = _Styles()
            if "styles.xml" in archive.namelist():
                styles.read(ElementTree.fromstring(archive.read("styles.xml")))
            with archive.open("content.xml") as stream:
                formats = _scan(_Capped(stream, SCAN_BYTES), sheet, styles)
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


def _scan(stream: _Capped, sheet: str, styles: _Styles) -> CellFormats:
    formats = CellFormats()
    inside, row, column = False, 0, 0
    columns: list[str | None] = []
    row_style: str | None = None
    repeat_rows = 1
    try:
        for event, element in ElementTree.iterparse(stream, events=("start", "end")):
            tag = element.tag
            if event == "end":
                if tag == _name("office", "automatic-styles"):
                    styles.read(element)
                elif tag == _ROW:
                    row += repeat_rows if inside else 0
                    element.clear()
                elif tag == _TABLE and inside:
                    return formats
                continue
            if tag == _TABLE:
                inside = element.get(_name("table", "name")) == sheet
            elif not inside:
                continue
            elif tag == _COLUMN:
                repeat = min(int(element.get(_COLUMNS_REPEATED, "1")), _COLUMNS_KEPT)
                columns += [element.get(_DEFAULT_STYLE)] * repeat
            elif tag == _ROW:
                column, row_style = 0, element.get(_DEFAULT_STYLE)
                repeat_rows = min(int(element.get(_ROWS_REPEATED, "1")), _REPEATS_KEPT)
            elif tag in _CELLS:
                repeat = min(int(element.get(_COLUMNS_REPEATED, "1")), _COLUMNS_KEPT)
                if element.get(_name("office", "value-type")) in _NUMERIC_VALUES:
                    style = element.get(_STYLE_NAME) or row_style
                    for position in range(column, column + repeat):
                        code = styles.code(style or (columns[position] if position < len(columns) else None))
                        if code != "General":
                            for offset in range(repeat_rows):
                                formats.add(row + offset, position, code)
                column += repeat
    except ParseError:
        if stream.complete:
            raise
        formats.scanned_rows = row  # the row being read when the budget ran out is judged by its column
    return formats


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

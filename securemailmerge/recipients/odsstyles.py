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
from typing import IO, Any
from xml.etree.ElementTree import Element, ParseError, TreeBuilder
from xml.parsers import expat

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


def _expat(space: str, local: str) -> str:
    """A name as expat gives it with ``}`` between namespace and local name."""
    return f"{_NS[space]}}}{local}"


_TABLE_TAG, _ROW_TAG = _expat("table", "table"), _expat("table", "table-row")
_COLUMN_TAG, _AUTOMATIC_STYLES_TAG = _expat("table", "table-column"), _expat("office", "automatic-styles")
_CELL_TAGS = frozenset({_expat("table", "table-cell"), _expat("table", "covered-table-cell")})
_TABLE_NAME_KEY, _STYLE_NAME_KEY = _expat("table", "name"), _expat("table", "style-name")
_DEFAULT_STYLE_KEY, _VALUE_TYPE_KEY = (
    _expat("table", "default-cell-style-name"),
    _expat("office", "value-type"),
)
_ROWS_REPEATED_KEY = _expat("table", "number-rows-repeated")
_COLUMNS_REPEATED_KEY = _expat("table", "number-columns-repeated")
_CHUNK = 1 << 20


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


class _Stop(Exception):
    """The sheet has been read: the rest of the document is not needed."""


class _Scan:
    """The formats of one sheet's number cells, from expat's events: the C parser calls back only
    for elements (no tree is built), and the styles inside the content are built as a tree."""

    def __init__(self, sheet: str, styles: _Styles) -> None:
        self.sheet, self.styles = sheet, styles
        self.formats = CellFormats()
        self.inside = False
        self.row = self.next_row = self.column = 0
        self.repeat_rows = 1
        self.columns: list[str | None] = []
        self.row_style: str | None = None
        self.tree: TreeBuilder | None = None

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        """An element begins (``tag`` as ``namespace}local``)."""
        if tag in _CELL_TAGS:
            if self.inside:
                self._cell(attributes)
        elif tag == _ROW_TAG:
            if self.inside:
                self.row, self.column, self.row_style = self.next_row, 0, attributes.get(_DEFAULT_STYLE_KEY)
                self.repeat_rows = min(int(attributes.get(_ROWS_REPEATED_KEY, "1")), _REPEATS_KEPT)
                self.next_row += self.repeat_rows
        elif tag == _TABLE_TAG:
            if self.inside:
                raise _Stop
            self.inside = attributes.get(_TABLE_NAME_KEY) == self.sheet
        elif tag == _COLUMN_TAG and self.inside:
            repeat = min(int(attributes.get(_COLUMNS_REPEATED_KEY, "1")), _COLUMNS_KEPT)
            self.columns += [attributes.get(_DEFAULT_STYLE_KEY)] * repeat
        elif self.tree is not None:
            self.tree.start(_clark(tag), {_clark(key): value for key, value in attributes.items()})
        elif tag == _AUTOMATIC_STYLES_TAG:
            self.tree = TreeBuilder()
            self.tree.start(_clark(tag), {})

    def end(self, tag: str) -> bool:
        """An element ends; ``True`` once the content's own styles are read (no more ends needed)."""
        if self.tree is None:
            return False
        self.tree.end(_clark(tag))
        if tag != _AUTOMATIC_STYLES_TAG:
            return False
        self.styles.read(self.tree.close())
        self.tree = None
        return True

    def text(self, data: str) -> None:
        """Text inside the content's styles (a currency symbol, a separator)."""
        if self.tree is not None:
            self.tree.data(data)

    def _cell(self, attributes: dict[str, str]) -> None:
        column = self.column
        repeat = min(int(attributes.get(_COLUMNS_REPEATED_KEY, "1")), _COLUMNS_KEPT)
        self.column += repeat
        if attributes.get(_VALUE_TYPE_KEY) not in _NUMERIC_VALUES:
            return
        style = attributes.get(_STYLE_NAME_KEY) or self.row_style
        columns = self.columns
        for position in range(column, column + repeat):
            code = self.styles.code(style or (columns[position] if position < len(columns) else None))
            if code != "General":
                for offset in range(self.repeat_rows):
                    self.formats.add(self.row + offset, position, code)


def _scan(stream: _Capped, sheet: str, styles: _Styles) -> CellFormats:
    scan = _Scan(sheet, styles)
    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartElementHandler = scan.start
    parser.CharacterDataHandler = scan.text
    parser.buffer_text = True

    def end(tag: str) -> None:
        if scan.end(tag):
            parser.EndElementHandler = parser.CharacterDataHandler = None

    parser.EndElementHandler = end
    # As defusedxml does: a document part declares no entities and loads nothing from outside.
    parser.EntityDeclHandler = parser.ExternalEntityRefHandler = _refuse_entities
    try:
        while chunk := stream.read(_CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _Stop:
        return scan.formats
    except expat.ExpatError as error:
        if stream.complete:
            raise ValueError(str(error)) from error
    if not stream.complete:
        scan.formats.scanned_rows = scan.row  # the row being read when the budget ran out: by its column
    return scan.formats


def _clark(name: str) -> str:
    """expat's ``namespace}local`` as ElementTree writes it, ``{namespace}local``."""
    return "{" + name if "}" in name else name


def _refuse_entities(*_: Any) -> Any:
    raise ValueError("entities are not allowed in a workbook part")


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

"""LibreOffice's data styles show a value as LibreOffice does once turned into Excel format codes."""

from __future__ import annotations

from datetime import date, datetime
from xml.etree.ElementTree import Element

import pytest
from defusedxml import ElementTree

from securemailmerge.recipients.excelformat import cell_text
from securemailmerge.recipients.odsstyles import data_style_code

NUMBER = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"


def styles(xml: str) -> dict[str, Element]:
    """The data styles of ``xml`` (elements inside ``<number:...-style>``) by name."""
    root = ElementTree.fromstring(f'<s xmlns:number="{NUMBER}" xmlns:style="{STYLE}">{xml}</s>')
    return {element.get(f"{{{STYLE}}}name", ""): element for element in root}


@pytest.mark.parametrize(
    ("xml", "value", "language", "shown"),
    [
        (
            '<number:number-style style:name="N"><number:number number:decimal-places="2" '
            'number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/>'
            "</number:number-style>",
            1234567.891,
            "de",
            "1.234.567,89",
        ),
        (
            '<number:number-style style:name="N"><number:number number:decimal-places="0" '
            'number:min-integer-digits="5"/></number:number-style>',
            1234,
            "en",
            "01234",
        ),
        (
            '<number:number-style style:name="N"><number:number number:decimal-places="2" '
            'number:min-decimal-places="0" number:min-integer-digits="1"/></number:number-style>',
            2.5,
            "es",
            "2,5",
        ),
        (
            '<number:percentage-style style:name="N"><number:number number:decimal-places="0" '
            'number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>',
            0.25,
            "en",
            "25%",
        ),
        (
            '<number:number-style style:name="N"><number:scientific-number number:decimal-places="2" '
            'number:min-integer-digits="1" number:min-exponent-digits="2"/></number:number-style>',
            12345.678,
            "en",
            "1.23E+04",
        ),
        (
            '<number:currency-style style:name="N"><number:currency-symbol>US$</number:currency-symbol>'
            '<number:number number:decimal-places="2" number:min-decimal-places="2" '
            'number:min-integer-digits="1" number:grouping="true"/></number:currency-style>',
            1234.5,
            "en",
            "US$1,234.50",
        ),
        (
            '<number:date-style style:name="N"><number:day-of-week/><number:text>, </number:text>'
            '<number:day/><number:text>. </number:text><number:month number:textual="true" '
            'number:style="long"/><number:text> </number:text><number:year number:style="long"/>'
            "</number:date-style>",
            date(2024, 3, 5),
            "de",
            "Di, 5. März 2024",
        ),
        (
            '<number:date-style style:name="N"><number:day number:style="long"/><number:text>/</number:text>'
            '<number:month number:style="long"/><number:text>/</number:text><number:year/>'
            '<number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text>'
            '<number:minutes number:style="long"/></number:date-style>',
            datetime(2024, 1, 15, 9, 5),
            "es",
            "15/01/24 09:05",
        ),
        ('<number:text-style style:name="T"/>', 3, "en", "3"),
    ],
)
def test_data_styles_show_values_as_libreoffice_does(
    xml: str, value: object, language: str, shown: str
) -> None:
    assert cell_text(value, data_style_code(styles(xml), "N"), language) == shown

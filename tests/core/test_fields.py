"""Field names typed as in Outlook and Word, with spaces, hyphens or aliases, find their column and render."""

from __future__ import annotations

import pytest

from securemailmerge.template.fields import FieldResolver, normalise
from securemailmerge.template.model import Template, compile_template

COLUMNS = ["First Name", "E-Mail", "Straße", "Teléfono móvil", "Address 2", "Opt in", "Tel (mobile)", "self"]


@pytest.mark.parametrize(
    ("name", "columns", "expected"),
    [
        ("First Name", ["First Name"], "First Name"),
        ("FirstName", ["First Name"], "First Name"),
        ("first_name", ["First Name"], "First Name"),
        ("FIRSTNAME", ["first-name"], "first-name"),
        ("FirstName", ["Vorname", "Nachname"], "Vorname"),
        ("FirstName", ["Nombre", "Apellido(s)"], "Nombre"),
        ("FirstName", ["given_name"], "given_name"),
        ("Vorname", ["First Name"], "First Name"),
        ("LastName", ["Nachname"], "Nachname"),
        ("LastName", ["Apellido(s)"], "Apellido(s)"),
        ("Email", ["E-Mail"], "E-Mail"),
        ("Email", ["Correo"], "Correo"),
        ("Company", ["Firma"], "Firma"),
        ("Company", ["Empresa"], "Empresa"),
        ("JobTitle", ["Position"], "Position"),
        ("JobTitle", ["Cargo"], "Cargo"),
        ("DisplayName", ["Name"], "Name"),
        ("DisplayName", ["Nombre completo"], "Nombre completo"),
        ("Straße", ["STRASSE"], "STRASSE"),
        ("Tel_mobile", ["Tel (mobile)"], "Tel (mobile)"),
        ("FirstName", ["First Name", "Vorname"], "First Name"),
        ("Email", ["Email", "E-Mail"], "Email"),
        ("Nombre", ["Name"], None),
        ("Company", ["Companion"], None),
        ("Phone", ["First Name"], None),
        ("", ["First Name"], None),
    ],
)
def test_field_names_resolve_to_columns(name: str, columns: list[str], expected: str | None) -> None:
    assert FieldResolver(columns).resolve(name) == expected


def test_normalise_keeps_letters_and_digits_only() -> None:
    assert normalise("E-Mail-Adresse") == normalise("e_mail adresse") == "emailadresse"
    assert normalise("Apellido(s)") == "apellidos"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("{{FirstName}}", "Ana"),
        ("{{ First Name }}", "Ana"),
        ("{{ first   name }}", "Ana"),
        ("{{E-Mail}}|{{ Email }}", "ana@example.com|ana@example.com"),
        ("{{Straße}}", "Hauptstraße 1"),
        ("{{Teléfono móvil}}", "+34 600"),
        ("{{ Address 2 }}", "Piso 3"),
        ("{{ Tel_mobile }}", "+49 170"),
        ("{% if First Name %}Hi {{ First Name|upper }}{% endif %}", "Hi ANA"),
        ("{% if Opt in %}subscribed{% endif %}", "subscribed"),
        ("{% if First Name and Opt in %}both{% endif %}", "both"),
        ("{{ First Name if Opt in else 'nobody' }}", "Ana"),
        ("{% set Full Name = First Name ~ ' Díaz' %}{{ Full Name }}", "Ana Díaz"),
        ("{{ self }}", "me"),
        ("{{ First Name | default('there') }}", "Ana"),
        ("{{ 'First Name' }}", "First Name"),
    ],
)
def test_fields_written_the_user_way_render(html: str, expected: str) -> None:
    values = ["Ana", "ana@example.com", "Hauptstraße 1", "+34 600", "Piso 3", "yes", "+49 170", "me"]
    compiled = compile_template(Template(subject="s", html=html), COLUMNS)
    assert compiled.render(dict(zip(COLUMNS, values, strict=True))).html == expected

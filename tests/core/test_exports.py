"""Files exported by Outlook (English, German, Spanish), outlook.com, Google Contacts, Thunderbird,
Mailchimp, HubSpot and German Excel load with no options: the right rows are ready, each gets the
address a person expects, and the template's field names find the columns as the files spell them."""

from __future__ import annotations

from pathlib import Path

import pytest

from securemailmerge import cli
from securemailmerge.recipients.choice import AddressChoice
from securemailmerge.recipients.files import load_recipients
from securemailmerge.recipients.model import RecipientOptions
from securemailmerge.template.model import Template, compile_template


def names(header: str) -> list[str]:
    """The column names of a header line as the tool writes it."""
    return header.split(",")


OUTLOOK_EN = names(
    "Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,Business Street,"
    "Business Street 2,Business Street 3,Business City,Business State,Business Postal Code,"
    "Business Country/Region,Home Street,Home Street 2,Home Street 3,Home City,Home State,"
    "Home Postal Code,Home Country/Region,Other Street,Other Street 2,Other Street 3,Other City,"
    "Other State,Other Postal Code,Other Country/Region,Assistant's Phone,Business Fax,Business Phone,"
    "Business Phone 2,Callback,Car Phone,Company Main Phone,Home Fax,Home Phone,Home Phone 2,ISDN,"
    "Mobile Phone,Other Fax,Other Phone,Pager,Primary Phone,Radio Phone,TTY/TDD Phone,Telex,Account,"
    "Anniversary,Assistant's Name,Billing Information,Birthday,Business Address PO Box,Categories,"
    "Children,Directory Server,E-mail Address,E-mail Type,E-mail Display Name,E-mail 2 Address,"
    "E-mail 2 Type,E-mail 2 Display Name,E-mail 3 Address,E-mail 3 Type,E-mail 3 Display Name,Gender,"
    "Government ID Number,Hobby,Home Address PO Box,Initials,Internet Free Busy,Keywords,Language,"
    "Location,Manager's Name,Mileage,Notes,Office Location,Organizational ID Number,"
    "Other Address PO Box,Priority,Private,Profession,Referred By,Sensitivity,Spouse,User 1,User 2,"
    "User 3,User 4,Web Page"
)
GERMAN = names(
    "Anrede,Vorname,Weitere Vornamen,Nachname,Suffix,Firma,Abteilung,Position,Straße geschäftlich,"
    "Straße geschäftlich 2,Straße geschäftlich 3,Ort geschäftlich,Region geschäftlich,"
    "Postleitzahl geschäftlich,Land/Region geschäftlich,Straße privat,Straße privat 2,Straße privat 3,"
    "Ort privat,Bundesland/Kanton privat,Postleitzahl privat,Land/Region privat,Weitere Straße,"
    "Weitere Straße 2,Weitere Straße 3,Weiterer Ort,Weiteres/r Bundesland/Kanton,Weitere Postleitzahl,"
    "Weiteres/e Land/Region,Telefon Assistent,Fax geschäftlich,Telefon geschäftlich,"
    "Telefon geschäftlich 2,Rückmeldung,Autotelefon,Telefon Firma,Fax privat,Telefon privat,"
    "Telefon privat 2,ISDN,Mobiltelefon,Weiteres Fax,Weiteres Telefon,Pager,Haupttelefon,"
    "Mobiltelefon 2,Telefon für Hörbehinderte,Telex,Konto,Jahrestag,Name Assistent,"
    "Abrechnungsinformation,Geburtstag,Postfach geschäftlich,Kategorien,Kinder,Verzeichnisserver,"
    "E-Mail-Adresse,E-Mail-Typ,E-Mail: Angezeigter Name,E-Mail 2: Adresse,E-Mail 2: Typ,"
    "E-Mail 2: Angezeigter Name,E-Mail 3: Adresse,E-Mail 3: Typ,E-Mail 3: Angezeigter Name,Geschlecht,"
    "Regierungsnr.,Hobby,Postfach privat,Initialen,Internet-Frei/Gebucht,Stichwörter,Sprache,Ort,"
    "Name des/der Vorgesetzten,Reisekilometer,Notizen,Büro,Organisations-Nr.,Weiteres Postfach,"
    "Priorität,Privat,Beruf,Empfohlen von,Vertraulichkeit,Partner,Benutzer 1,Benutzer 2,Benutzer 3,"
    "Benutzer 4,Webseite"
)
SPANISH = names(
    "Tratamiento,Nombre,Segundo nombre,Apellidos,Sufijo,Organización,Departamento,Puesto,"
    "Calle del trabajo,Calle del trabajo 2,Calle del trabajo 3,Ciudad de trabajo,"
    "Provincia o estado de trabajo,Código postal del trabajo,País o región del trabajo,"
    "Calle del domicilio,Calle del domicilio 2,Calle del domicilio 3,Ciudad de residencia,"
    "Provincia o estado de residencia,Código postal de residencia,País o región del domicilio,"
    "Otra calle,Otra calle 2,Otra calle 3,Otra ciudad,Otra provincia o estado,Otro código postal,"
    "Otro país o región,Teléfono del ayudante,Fax del trabajo,Teléfono del trabajo,"
    "Teléfono del trabajo 2,Devolución de llamada,Teléfono del automóvil,"
    "Número de centralita de la organización,Fax particular,Particular,Particular 2,RDSI,Móvil,"
    "Otro fax,Otro teléfono,Localizador,Teléfono principal,Radioteléfono,Número de teletipo,Télex,"
    "Cuenta,Aniversario,Nombre del ayudante,Facturación,Cumpleaños,"
    "Apartado postal de la dirección del trabajo,Categorías,Hijos,Servidor de directorio,"
    "Dirección de correo electrónico,Tipo de correo electrónico,"
    "Nombre de pantalla de correo electrónico,Dirección de correo electrónico 2,"
    "Tipo de correo electrónico 2,Nombre de pantalla de correo electrónico 2,"
    "Dirección del correo electrónico 3,Tipo de correo electrónico 3,"
    "Nombre de pantalla de correo electrónico 3,Género,Número de id. oficial,Aficiones,"
    "Apartado postal de la dirección personal,Iniciales,Disponibilidad Internet,Palabras clave,"
    "Idioma,Ubicación,Nombre del director,Kilometraje,Notas,Ubicación de la oficina,"
    "Número de id. de la organización,Otro apartado postal,Prioridad,Privado,Profesión,"
    "Remitido por,Confidencialidad,Cónyuge,Usuario 1,Usuario 2,Usuario 3,Usuario 4,Página web"
)
OUTLOOK_COM = names(
    "First Name,Middle Name,Last Name,Title,Suffix,Nickname,Given Yomi,Surname Yomi,E-mail Address,"
    "E-mail 2 Address,E-mail 3 Address,Home Phone,Home Phone 2,Business Phone,Business Phone 2,"
    "Mobile Phone,Car Phone,Other Phone,Primary Phone,Pager,Business Fax,Home Fax,Other Fax,"
    "Company Main Phone,Callback,Radio Phone,Telex,TTY/TDD Phone,IMAddress,Job Title,Department,"
    "Company,Office Location,Manager's Name,Assistant's Name,Assistant's Phone,Company Yomi,"
    "Business Street,Business City,Business State,Business Postal Code,Business Country/Region,"
    "Home Street,Home City,Home State,Home Postal Code,Home Country/Region,Other Street,Other City,"
    "Other State,Other Postal Code,Other Country/Region,Personal Web Page,Spouse,Schools,Hobby,"
    "Location,Web Page,Birthday,Anniversary,Notes"
)
X500 = "/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP (FYDIBOHF23SPDLT)/CN=RECIPIENTS/CN=4F2A-JMUELLER"


def csv_text(header: list[str], rows: list[dict[str, str]], delimiter: str = ",", end: str = "") -> str:
    """A CSV as the tool writes it: every cell quoted, as Outlook does, each line ending with ``end``."""

    def line(cells: list[str]) -> str:
        return delimiter.join('"' + cell.replace('"', '""') + '"' for cell in cells) + end + "\r\n"

    return line(header) + "".join(line([row.get(name, "") for name in header]) for row in rows)


def save(tmp_path: Path, name: str, text: str, encoding: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def fields(columns: tuple[str, ...], html: str) -> list[str]:
    """The columns the template's field names resolve to, in the order written."""
    compiled = compile_template(Template(subject="x", html=html), columns)
    assert not compiled.unknown_fields
    return sorted(compiled.fields_used)


@pytest.mark.parametrize(
    ("header", "first", "last", "company", "email", "email2", "email3", "shown"),
    [
        (
            OUTLOOK_EN,
            "First Name",
            "Last Name",
            "Company",
            "E-mail Address",
            "E-mail 2 Address",
            "E-mail 3 Address",
            ("E-mail Display Name", "E-mail 2 Display Name", "E-mail 3 Display Name"),
        ),
        (
            GERMAN,
            "Vorname",
            "Nachname",
            "Firma",
            "E-Mail-Adresse",
            "E-Mail 2: Adresse",
            "E-Mail 3: Adresse",
            ("E-Mail: Angezeigter Name", "E-Mail 2: Angezeigter Name", "E-Mail 3: Angezeigter Name"),
        ),
        (
            SPANISH,
            "Nombre",
            "Apellidos",
            "Organización",
            "Dirección de correo electrónico",
            "Dirección de correo electrónico 2",
            "Dirección del correo electrónico 3",
            (
                "Nombre de pantalla de correo electrónico",
                "Nombre de pantalla de correo electrónico 2",
                "Nombre de pantalla de correo electrónico 3",
            ),
        ),
    ],
    ids=["english", "german", "spanish"],
)
def test_outlook_desktop_exports_load_with_the_address_each_contact_has(
    tmp_path: Path,
    header: list[str],
    first: str,
    last: str,
    company: str,
    email: str,
    email2: str,
    email3: str,
    shown: tuple[str, str, str],
) -> None:
    assert len(header) == 92
    rows = [
        {
            first: "Jürgen",
            last: "Weiß",
            company: "Müller GmbH",
            email: "juergen@example.de",
            shown[0]: "Jürgen Weiß (juergen@example.de)",
            email2: "jw@privat.de",
            shown[1]: "Jürgen privat (jw@privat.de)",
        },
        # only the second address is filled
        {first: "Begoña", last: "Núñez", email2: "begona@example.es", shown[1]: "Begoña (Madrid)"},
        # an Exchange name, then an SMTP address whose display name only repeats it
        {first: "Jörg", last: "Groß", email: X500, email3: "joerg@example.de", shown[2]: "joerg@example.de"},
        {first: "Sören", last: "Köhler", email: X500},  # Exchange name only
    ]
    path = save(tmp_path, "contacts.CSV", csv_text(header, rows), "cp1252")
    result = load_recipients(path)
    assert result.encoding == "cp1252"
    assert result.address_columns == (email, email2, email3)
    assert [(r.row, r.to) for r in result.rows] == [
        (2, ("juergen@example.de",)),
        (3, ("begona@example.es",)),
        (4, ("joerg@example.de",)),
    ]
    assert [r.row for r in result.excluded] == [5]
    assert [p.message for p in result.problems] == [
        f"contacts.CSV:5: {X500[:77] + '...'!r} in column {email!r} is not a valid email address: "
        "it is an Exchange directory (X.500) name, not an internet address; "
        "export the contact again with its SMTP address."
    ]
    assert [r.display_names for r in result.rows] == [
        (("juergen@example.de", "Jürgen Weiß"),),
        (("begona@example.es", "Begoña (Madrid)"),),
        (),
    ]
    assert result.rows[0].fields[last] == "Weiß"
    assert fields(result.columns, "{{ FirstName }} {{ LastName }} {{ Company }}") == sorted(
        [first, last, company]
    )
    every = load_recipients(path, RecipientOptions(address=AddressChoice.parse("all")))
    assert every.rows[0].to == ("juergen@example.de", "jw@privat.de")
    assert every.rows[0].display_names == (
        ("juergen@example.de", "Jürgen Weiß"),
        ("jw@privat.de", "Jürgen privat"),
    )
    second = load_recipients(path, RecipientOptions(address=AddressChoice.parse("2")))
    assert second.rows[0].to == ("jw@privat.de",)
    assert second.rows[0].display_name("jw@privat.de") == "Jürgen privat"
    assert second.rows[1].to == ("begona@example.es",), "no second address: the first one there is"


def test_outlook_com_exports_utf8_with_a_bom_and_61_columns(tmp_path: Path) -> None:
    assert len(OUTLOOK_COM) == 61
    rows = [
        {
            "First Name": "Lucía",
            "Last Name": "Pérez",
            "E-mail Address": "lucia@example.es",
            "Company": "Café Sol",
        }
    ]
    result = load_recipients(save(tmp_path, "contacts.csv", csv_text(OUTLOOK_COM, rows), "utf-8-sig"))
    assert result.encoding == "utf-8-sig"
    assert result.columns[0] == "First Name"
    assert [r.to for r in result.rows] == [("lucia@example.es",)]
    assert result.rows[0].fields["Company"] == "Café Sol"


GOOGLE = names(
    "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,"
    "Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,"
    "Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,"
    "E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value"
)
GOOGLE_LEGACY = names(
    "Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Additional Name Yomi,"
    "Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,Short Name,Maiden Name,Birthday,Gender,"
    "Location,Billing Information,Directory Server,Mileage,Occupation,Hobby,Sensitivity,Priority,"
    "Subject,Notes,Language,Photo,Group Membership,E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Type,"
    "E-mail 2 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Type,Organization 1 - Name,"
    "Organization 1 - Yomi Name,Organization 1 - Title,Organization 1 - Department"
)


def test_google_contacts_current_export_with_several_values_in_one_cell(tmp_path: Path) -> None:
    rows = [
        {
            "First Name": "Ángel",
            "E-mail 1 - Label": "* Work",
            "E-mail 1 - Value": "angel@example.es ::: angel@casa.es",
        },
        {"First Name": "Núria", "E-mail 2 - Value": "nuria@example.es", "Labels": "* myContacts ::: Kunden"},
    ]
    path = save(tmp_path, "contacts.csv", csv_text(GOOGLE, rows), "utf-8")
    result = load_recipients(path)
    assert result.address_columns == ("E-mail 1 - Value", "E-mail 2 - Value")
    assert [r.to for r in result.rows] == [("angel@example.es",), ("nuria@example.es",)]
    assert not result.problems
    every = load_recipients(path, RecipientOptions(address=AddressChoice.parse("all")))
    assert every.rows[0].to == ("angel@example.es", "angel@casa.es")
    domain = load_recipients(path, RecipientOptions(address=AddressChoice.parse("@casa.es")))
    assert domain.rows[0].to == ("angel@casa.es",)
    columns = result.columns
    assert fields(columns, "{{ FirstName }}, {{ Company }} {{ JobTitle }}") == [
        "First Name",
        "Organization Name",
        "Organization Title",
    ]


def test_google_contacts_legacy_export_and_its_field_names(tmp_path: Path) -> None:
    rows = [
        {
            "Name": "Björn Ek",
            "Given Name": "Björn",
            "Family Name": "Ek",
            "E-mail 1 - Type": "* Home",
            "E-mail 1 - Value": "bjorn@example.se",
            "Organization 1 - Name": "Ek & Söhne",
        }
    ]
    result = load_recipients(save(tmp_path, "google.csv", csv_text(GOOGLE_LEGACY, rows), "utf-8"))
    assert [r.to for r in result.rows] == [("bjorn@example.se",)]
    assert fields(result.columns, "{{ FirstName }} {{ LastName }} {{ Company }}") == [
        "Family Name",
        "Given Name",
        "Organization 1 - Name",
    ]
    assert fields(result.columns, "{{ Organization 1 - Name }}") == ["Organization 1 - Name"]


THUNDERBIRD = names(
    "First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,Work Phone,"
    "Home Phone,Fax Number,Pager Number,Mobile Number,Home Address,Home Address 2,Home City,Home State,"
    "Home ZipCode,Home Country,Work Address,Work Address 2,Work City,Work State,Work ZipCode,"
    "Work Country,Job Title,Department,Organization,Web Page 1,Web Page 2,Birth Year,Birth Month,"
    "Birth Day,Custom 1,Custom 2,Custom 3,Custom 4,Notes"
)


def test_thunderbird_export_with_its_trailing_comma(tmp_path: Path) -> None:
    rows = [
        {
            "First Name": "Käthe",
            "Last Name": "Löwe",
            "Primary Email": "kaethe@example.de",
            "Organization": "Löwe KG",
        },
        {"First Name": "Íñigo", "Secondary Email": "inigo@example.es"},
    ]
    result = load_recipients(save(tmp_path, "adressbuch.csv", csv_text(THUNDERBIRD, rows, end=","), "utf-8"))
    assert result.email_column == "Primary Email"
    assert [r.to for r in result.rows] == [("kaethe@example.de",), ("inigo@example.es",)]
    assert not result.problems
    assert fields(result.columns, "{{ Company }}") == ["Organization"]


MAILCHIMP = names(
    "Email Address,First Name,Last Name,Address,Phone Number,Birthday,MEMBER_RATING,OPTIN_TIME,"
    "OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,LATITUDE,LONGITUDE,GMTOFF,DSTOFF,TIMEZONE,CC,REGION,"
    "LAST_CHANGED,LEID,EUID,NOTES,TAGS"
)


def test_mailchimp_export_whose_cc_column_is_a_country_code(tmp_path: Path) -> None:
    rows = [
        {
            "Email Address": "hans@example.de",
            "First Name": "Hans",
            "CC": "DE",
            "OPTIN_TIME": "2024-03-01 10:00:00",
        },
        {"Email Address": "ana@example.es", "First Name": "Ana", "CC": "ES"},
    ]
    result = load_recipients(save(tmp_path, "members_export.csv", csv_text(MAILCHIMP, rows), "utf-8"))
    assert result.cc_column is None
    assert [(r.to, r.cc) for r in result.rows] == [(("hans@example.de",), ()), (("ana@example.es",), ())]
    assert not result.problems
    assert fields(result.columns, "{{ FirstName }}") == ["First Name"]


def test_a_cc_column_of_addresses_is_still_taken(tmp_path: Path) -> None:
    text = "Email,CC\r\nhans@example.de,chef@example.de\r\nana@example.es,\r\n"
    result = load_recipients(save(tmp_path, "liste.csv", text, "utf-8"))
    assert result.cc_column == "CC"
    assert result.rows[0].cc == ("chef@example.de",)


def test_hubspot_export(tmp_path: Path) -> None:
    header = (
        "Record ID,First Name,Last Name,Email,Phone Number,Contact owner,Lead Status,Company Name,Create Date"
    )
    text = header + "\r\n101,Sophie,Groß,sophie@example.de,+49 30 1234,Ana,New,Groß AG,2024-05-02 09:12\r\n"
    result = load_recipients(save(tmp_path, "hubspot-crm-exports-all-contacts.csv", text, "utf-8"))
    assert [r.to for r in result.rows] == [("sophie@example.de",)]
    assert fields(result.columns, "{{ Company }} {{ LastName }}") == ["Company Name", "Last Name"]


def test_numbered_address_columns(tmp_path: Path) -> None:
    text = "Name;Email1;Email2\r\nAnna;;anna@example.de\r\nBen;ben@example.de;ben@home.de\r\n"
    result = load_recipients(save(tmp_path, "liste.csv", text, "utf-8"))
    assert result.address_columns == ("Email1", "Email2")
    assert [r.to for r in result.rows] == [("anna@example.de",), ("ben@example.de",)]


def test_german_excel_csv_trennzeichen_getrennt(tmp_path: Path) -> None:
    text = "Vorname;Nachname;E-Mail;Firma;Betrag\r\nJürgen;Weiß;juergen@example.de;Weiß & Co.;12.500,50 €\r\n"
    result = load_recipients(save(tmp_path, "Mappe1.csv", text, "cp1252"))
    assert (result.encoding, result.details["delimiter"]) == ("cp1252", ";")
    assert dict(result.rows[0].fields)["Betrag"] == "12.500,50 €"
    assert fields(result.columns, "{{ FirstName }} {{ Company }}") == ["Firma", "Vorname"]


def test_german_excel_unicode_text(tmp_path: Path) -> None:
    text = "Vorname\tE-Mail\tOrt\r\nDörte\tdoerte@example.de\tNürnberg\r\n"
    result = load_recipients(save(tmp_path, "Mappe1.txt", "\ufeff" + text, "utf-16-le"))
    assert (result.encoding, result.details["delimiter"]) == ("utf-16", "\t")
    assert dict(result.rows[0].fields) == {
        "Vorname": "Dörte",
        "E-Mail": "doerte@example.de",
        "Ort": "Nürnberg",
    }


def test_a_title_row_above_the_table_is_skipped(tmp_path: Path) -> None:
    text = "Einladungsliste Sommerfest;;\r\n;;\r\nName;E-Mail;Ort\r\nAnna;anna@example.de;Köln\r\n"
    result = load_recipients(save(tmp_path, "liste.csv", text, "utf-8"))
    assert result.details["header_row"] == "3"
    assert [r.row for r in result.rows] == [4]
    chosen = load_recipients(save(tmp_path, "liste.csv", text, "utf-8"), RecipientOptions(header_row=3))
    assert chosen.columns == ("Name", "E-Mail", "Ort")


def test_without_an_address_column_a_handful_of_columns_is_named(tmp_path: Path) -> None:
    garbage = "x" * 4096
    text = f"{garbage};Name;Ort;PLZ;Straße;Land;Telefon;Notiz\r\n1;Anna;Köln;50667;Domplatz 1;DE;0221;-\r\n"
    with pytest.raises(
        Exception, match=r"Choose the email column among: x{39}…, Name, Ort, PLZ, Straße, Land and 2 more\.$"
    ) as error:
        load_recipients(save(tmp_path, "liste.csv", text, "utf-8"))
    assert len(str(error.value)) < 300


def test_an_address_column_without_an_address_name_is_found_by_its_cells(tmp_path: Path) -> None:
    text = "Name;Kontakt\r\nAnna;anna@example.de\r\nBen;ben@example.de\r\n"
    result = load_recipients(save(tmp_path, "liste.csv", text, "utf-8"))
    assert result.email_column == "Kontakt"


@pytest.mark.parametrize(
    ("html", "column"),
    [
        ("{{Organization 1 - Name}}", "Organization 1 - Name"),
        ("{{Opt-in Date}}", "Opt-in Date"),
        ("{{Check-in}}", "Check-in"),
        ("{{E-Mail 2: Adresse}}", "E-Mail 2: Adresse"),
        ("{{ Land/Region geschäftlich }}", "Land/Region geschäftlich"),
    ],
)
def test_field_names_as_the_files_spell_them(html: str, column: str) -> None:
    columns = (
        "Organization 1 - Name",
        "Opt-in Date",
        "Check-in",
        "E-Mail 2: Adresse",
        "Land/Region geschäftlich",
    )
    assert fields(columns, html) == [column]


def test_names_that_are_no_column_still_calculate() -> None:
    compiled = compile_template(
        Template(subject="x", html="{{ Price - Discount }} {{ Total / Count }}"),
        ("Price", "Discount", "Total", "Count"),
    )
    assert sorted(compiled.fields_used) == ["Count", "Discount", "Price", "Total"]
    assert compiled.render({"Price": 10, "Discount": 3, "Total": 9, "Count": 3}).html == "7 3.0"


def test_check_on_the_command_line_takes_the_address_choice_and_the_header_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Gästeliste;;\r\nName;E-mail Address;E-mail 2 Address\r\nAnna;anna@example.de;anna@home.de\r\n"
    recipients = save(tmp_path, "liste.csv", text, "cp1252")
    template = tmp_path / "t.json"
    template.write_text('{"subject": "Hallo {{ Name }}", "html": "<p>Hallo</p>"}', encoding="utf-8")
    common = ["check", "--json", "--recipients", str(recipients), "--template", str(template)]
    assert cli.main([*common, "--header-row", "2", "--address", "all"]) == 0
    report = capsys.readouterr().out
    assert '"encoding": "cp1252"' in report
    assert '"ready": 1' in report
    assert cli.main([*common, "--address", "sometimes"]) != 0
    assert "'sometimes' does not say which address to use" in capsys.readouterr().err


def test_preview_names_the_outlook_contact_as_outlook_shows_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        {
            "First Name": "Jürgen",
            "Last Name": "Weiß",
            "E-mail Address": "juergen@example.de",
            "E-mail Display Name": "Dr. Jürgen Weiß (juergen@example.de)",
            "E-mail 2 Address": "jw@privat.de",
            "E-mail 2 Display Name": "Jürgen\r\n(privat)\x07 (jw@privat.de)",
        }
    ]
    recipients = save(tmp_path, "contacts.CSV", csv_text(OUTLOOK_EN, rows), "cp1252")
    template = tmp_path / "t.json"
    template.write_text('{"subject": "Hallo", "html": "<p>Hallo</p>"}', encoding="utf-8")
    common = ["preview", "--recipients", str(recipients), "--template", str(template), "--row", "2"]
    assert cli.main(common) == 0
    assert "To:      Dr. Jürgen Weiß <juergen@example.de>" in capsys.readouterr().out
    assert cli.main([*common, "--address", "2"]) == 0
    assert "To:      Jürgen (privat) <jw@privat.de>" in capsys.readouterr().out
    assert cli.main([*common, "--email-column", "E-mail 2 Address"]) == 0
    assert "To:      Jürgen (privat) <jw@privat.de>" in capsys.readouterr().out

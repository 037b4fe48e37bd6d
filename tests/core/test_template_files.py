"""Template files load from .json and .html in any common encoding, name the wrong file and key, and save."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from securemailmerge.errors import TemplateError, TemplateSyntaxError
from securemailmerge.resources import asset_path
from securemailmerge.safepaths import resolve_attachment
from securemailmerge.template.files import load_template, save_template
from securemailmerge.template.model import Template, compile_template


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_json_template_with_files_loads(tmp_path: Path) -> None:
    write(tmp_path, "body.html", "<p>Hallo {{ FirstName }}</p>")
    write(tmp_path, "body.txt", "Hallo {{ FirstName }}")
    spec = {
        "subject": "Rechnung {{ Invoice }}",
        "html_file": "body.html",
        "text_file": "body.txt",
        "attachments": ["invoices/{{ Invoice }}.pdf"],
        "attachment_column": "Files",
    }
    path = write(tmp_path, "t.json", json.dumps(spec))
    assert load_template(path) == Template(
        subject="Rechnung {{ Invoice }}",
        html="<p>Hallo {{ FirstName }}</p>",
        text="Hallo {{ FirstName }}",
        attachments=("invoices/{{ Invoice }}.pdf",),
        attachment_column="Files",
    )


def test_html_template_takes_its_title_as_subject(tmp_path: Path) -> None:
    page = "<html><head><title>Hi &amp; welcome, {{ FirstName }}</title></head><body>x</body></html>"
    path = write(tmp_path, "t.htm", page)
    assert load_template(path) == Template(subject="Hi & welcome, {{ FirstName }}", html=page)


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        ("<title>Grüße</title>", "utf-8-sig"),
        ("<title>Grüße</title>", "utf-16"),
        ("<title>Grüße</title>", "cp1252"),
    ],
)
def test_html_files_in_common_encodings_load(tmp_path: Path, content: str, encoding: str) -> None:
    path = write(tmp_path, "t.html", content.encode(encoding))
    assert load_template(path).subject == "Grüße"


@pytest.mark.parametrize(
    ("name", "content", "key", "message"),
    [
        ("t.json", '{"subject": "x",\n "html": }', None, "is not valid JSON at line 2, column 10"),
        ("t.json", '["subject"]', "", "must hold one JSON object"),
        ("t.json", '{"subject": "x", "html": "y", "atachments": []}', "atachments", "this key is unknown"),
        ("t.json", '{"html": "y"}', "subject", "it is missing"),
        ("t.json", '{"subject": "x"}', "html", "it is missing"),
        ("t.json", '{"subject": 3, "html": "y"}', "subject", "it must be text"),
        ("t.json", '{"subject": "x", "html": "y", "html_file": "b.html"}', "html_file", "not both"),
        (
            "t.json",
            '{"subject": "x", "html_file": "../outside.html"}',
            "html_file",
            "lies outside the folder",
        ),
        ("t.json", '{"subject": "x", "html_file": "missing.html"}', "html_file", "does not exist"),
        (
            "t.json",
            '{"subject": "x", "html": "y", "attachments": "a.pdf"}',
            "attachments",
            "a list of file names",
        ),
        (
            "t.json",
            '{"subject": "x", "html": "y", "attachment_column": ""}',
            "attachment_column",
            "a column name",
        ),
        ("t.html", "<p>no title</p>", "title", "has no <title>"),
        ("t.txt", "Subject", None, "neither a .json nor an .html file"),
        ("t.html", b"\x00\x01binary\x00", None, "is not a text file"),
    ],
)
def test_bad_template_files_name_file_and_key(
    tmp_path: Path, name: str, content: str | bytes, key: str | None, message: str
) -> None:
    path = write(tmp_path / "templates", name, content)
    write(tmp_path, "outside.html", "<p>secret</p>")
    with pytest.raises(TemplateError, match=message) as caught:
        load_template(path)
    assert caught.value.file == str(path)
    assert str(path) in str(caught.value)
    if key is not None:
        assert caught.value.field == key
    if key and name.endswith(".json"):
        assert f"(“{key}”)" in str(caught.value)


def test_missing_template_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="cannot be read"):
        load_template(tmp_path / "nope.json")


@pytest.mark.parametrize(
    "template",
    [
        Template(subject="Grüße {{ FirstName }}", html="<p>¡Hola!</p>"),
        Template(
            subject="s", html="h", text="Text\n", attachments=("a.pdf", "{{ X }}.pdf"), attachment_column="F"
        ),
    ],
)
def test_saved_template_loads_back_the_same(tmp_path: Path, template: Template) -> None:
    path = tmp_path / "saved.json"
    save_template(template, path)
    assert load_template(path) == template
    written = path.read_text(encoding="utf-8")
    assert json.loads(written)["subject"] == template.subject
    assert "\\u" not in written  # accents are written as they are, readable in any editor
    assert [p.name for p in tmp_path.iterdir()] == ["saved.json"]


def test_saving_into_a_missing_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="cannot be saved"):
        save_template(Template(subject="s", html="h"), tmp_path / "missing" / "t.json")


def test_sample_template_renders_with_the_sample_recipients() -> None:
    template = load_template(asset_path("sample", "template.json"))
    columns = ["First Name", "Last Name", "Email", "Company", "City", "Agenda"]
    row = ["Lucía", "Fernández", "l@example.org", "", "Sevilla", "attachments/agenda-es.pdf"]
    message = compile_template(template, columns).render(dict(zip(columns, row, strict=True)))
    assert message.subject.endswith("see you on 12 July, Lucía?")
    assert "together with your colleagues" not in message.text
    assert "tell us whether you can come (https://example.com/rsvp)" in message.text
    for name in message.attachments:
        assert resolve_attachment(asset_path("sample"), name).is_file()


@pytest.mark.parametrize(
    ("name", "content", "place"),
    [
        (
            "bad.json",
            '{"subject": "Hi {{ FirstName }", "html": "<p>x</p>"}',
            "the subject at line 1, column 17",
        ),
        ("bad.html", "<title>Hi</title>\n<p>{% if Company %}x</p>", "line 2"),
    ],
)
def test_a_syntax_error_is_found_on_opening_and_names_the_file(
    tmp_path: Path, name: str, content: str, place: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TemplateSyntaxError) as caught:
        load_template(path)
    assert str(caught.value).startswith(f"{path}: Error in ")
    assert place in str(caught.value)
    assert caught.value.file == str(path)

"""Outlook imports: an .eml with attachments and inline images becomes a self-contained template."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from securemailmerge.errors import TemplateError
from securemailmerge.template import import_message
from tests.helpers import tiny_png

PNG = tiny_png()


def write_eml(path: Path) -> Path:
    message = EmailMessage()
    message["Subject"] = "Einladung für {{First Name}}"
    message["From"] = "ada@example.com"
    message.set_content("Hallo {{First Name}}")
    message.add_alternative(
        '<html><body><p>Hallo {{First Name}}</p><img src="cid:logo@example"></body></html>', subtype="html"
    )
    message.get_payload()[1].add_related(PNG, "image", "png", cid="<logo@example>", filename="logo.png")
    message.add_attachment(b"%PDF-1.4 agenda", maintype="application", subtype="pdf", filename="Agenda.pdf")
    path.write_bytes(message.as_bytes())
    return path


def test_an_eml_becomes_a_template_with_its_files_beside_it(tmp_path: Path) -> None:
    source = write_eml(tmp_path / "Einladung.eml")
    folder = tmp_path / "files"
    template = import_message(source, folder)
    assert template.subject == "Einladung für {{First Name}}"
    assert "Hallo {{First Name}}" in template.html
    assert 'src="logo.png"' in template.html
    assert "cid:" not in template.html
    assert template.attachments == ("Agenda.pdf",)
    assert (folder / "logo.png").read_bytes() == PNG
    assert (folder / "Agenda.pdf").read_bytes() == b"%PDF-1.4 agenda"
    assert not list(folder.glob("*.partial"))


def test_a_different_file_of_the_same_name_is_never_overwritten(tmp_path: Path) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "Agenda.pdf").write_bytes(b"mine")
    template = import_message(write_eml(tmp_path / "a.eml"), folder)
    assert template.attachments == ("Agenda (2).pdf",)
    assert (folder / "Agenda.pdf").read_bytes() == b"mine"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("notes.txt", b"hello", "notes.txt is not an Outlook template or message (.oft, .msg, .eml)."),
        ("broken.msg", b"not an OLE file", "broken.msg cannot be read as an Outlook message"),
        ("empty.eml", b"", "empty.eml cannot be read as an Outlook message: it has no message headers."),
    ],
)
def test_a_file_that_is_not_a_message_is_named_in_the_error(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(TemplateError) as caught:
        import_message(path, tmp_path / "files")
    assert str(caught.value).startswith(expected)

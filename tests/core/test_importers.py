"""Outlook imports: .eml, .msg and .oft with attachments and inline images become self-contained templates."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from securemailmerge.errors import TemplateError
from securemailmerge.template import import_message
from tests.helpers import tiny_png
from tests.outlook_files import Part, write_msg

PNG = tiny_png()
HTML_BODY = '<html><body><p>Hallo {{First Name}}</p><img src="cid:logo@example"></body></html>'


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


def write_outlook(path: Path, *, html: str | None = HTML_BODY) -> Path:
    """A real Outlook item (.msg or .oft by its suffix) with an HTML body, an inline logo and a PDF."""
    return write_msg(
        path,
        subject="Einladung für {{First Name}}",
        html=html,
        text="Hallo {{First Name}}\n\nbis bald",
        parts=(
            Part("logo.png", PNG, "image/png", "logo@example"),
            Part("Agenda.pdf", b"%PDF-1.4 agenda", "application/pdf"),
        ),
        template=path.suffix == ".oft",
    )


@pytest.mark.parametrize("name", ["Einladung.msg", "Einladung.oft"])
def test_an_outlook_message_or_template_becomes_a_template_with_its_files(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "files"
    template = import_message(write_outlook(tmp_path / name), folder)
    assert template.subject == "Einladung für {{First Name}}"
    assert template.html == HTML_BODY.replace("cid:logo@example", "logo.png")
    assert template.text is None  # derived from the HTML, as for a message written in the app
    assert template.attachments == ("Agenda.pdf",)
    assert (folder / "logo.png").read_bytes() == PNG
    assert (folder / "Agenda.pdf").read_bytes() == b"%PDF-1.4 agenda"
    assert sorted(p.name for p in folder.iterdir()) == ["Agenda.pdf", "logo.png"]


def test_an_outlook_message_without_html_keeps_its_lines(tmp_path: Path) -> None:
    template = import_message(write_outlook(tmp_path / "plain.msg", html=None), tmp_path / "files")
    # extract-msg writes a plain-text body as HTML with its line breaks.
    assert template.html == "<html><body>Hallo {{First Name}}<br /><br />bis bald</body></html>"
    # Without HTML nothing shows the logo inline, so it travels as an attachment.
    assert template.attachments == ("logo.png", "Agenda.pdf")


def test_a_cut_off_outlook_message_is_named_in_the_error(tmp_path: Path) -> None:
    whole = write_outlook(tmp_path / "whole.msg").read_bytes()
    cut = tmp_path / "cut.msg"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(TemplateError) as caught:
        import_message(cut, tmp_path / "files")
    assert str(caught.value).startswith("cut.msg cannot be read as an Outlook message: ")
    assert not (tmp_path / "files").exists() or not any((tmp_path / "files").iterdir())

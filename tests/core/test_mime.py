"""Built messages parse back with the same subject, names, bodies and attachment bytes, in 7-bit headers."""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from securemailmerge.campaign.headers import ascii_fallback
from securemailmerge.campaign.mime import base64_size, build_message, estimate_size, recipient_name
from securemailmerge.errors import AttachmentError, RenderError
from securemailmerge.recipients.model import Recipient
from securemailmerge.template.model import RenderedMessage

CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f]")
GERMAN = {"First Name": "Jürgen", "Last Name": "Müller", "Email": "juergen@müller-bäckerei.example"}


def recipient(
    row: int = 2, fields: dict[str, str] | None = None, to: tuple[str, ...] = ("a@example.com",)
) -> Recipient:
    return Recipient(row=row, fields=fields or {}, to=to)


def rendered(attachments: tuple[str, ...] = (), subject: str = "Grüße, Señor Muñoz") -> RenderedMessage:
    return RenderedMessage(
        subject=subject,
        html="<p>Hallo Jürgen, ¿qué tal? ß</p>",
        text="Hallo Jürgen, ¿qué tal? ß\n",
        attachments=attachments,
    )


def parse(message: bytes) -> EmailMessage:
    parsed = BytesParser(policy=policy.default).parsebytes(message)
    assert isinstance(parsed, EmailMessage)
    return parsed


def header_block(message: bytes) -> bytes:
    return message.split(b"\r\n\r\n", 1)[0]


def test_message_round_trips_with_utf8_and_attachments(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    pdf = b"%PDF-1.4\n" + bytes(range(256)) * 40
    (tmp_path / "docs" / "Übersicht – Café.pdf").write_bytes(pdf)
    (tmp_path / "notes.txt").write_text("Straße\n", encoding="utf-8")
    person = recipient(fields=GERMAN, to=("juergen@müller-bäckerei.example",))
    message = build_message(
        rendered(("docs/Übersicht – Café.pdf", "notes.txt")),
        person,
        sender="Peña Eventos <eventos@peña.example>",
        base_folder=tmp_path,
    )
    assert header_block(message).isascii()
    parsed = parse(message)
    assert parsed["Subject"] == "Grüße, Señor Muñoz"
    (to,) = parsed["To"].addresses
    assert (to.display_name, to.username, to.domain) == (
        "Jürgen Müller",
        "juergen",
        "xn--mller-bckerei-hfb76a.example",
    )
    assert parsed["From"].addresses[0].display_name == "Peña Eventos"
    assert parsed["X-Unsent"] == "1"
    assert parsed["Date"] is not None
    assert parsed["Message-ID"].endswith("@xn--pea-8ma.example>")
    assert parsed.get_content_type() == "multipart/mixed"
    body = parsed.get_body(("plain",))
    html = parsed.get_body(("html",))
    assert body is not None
    assert html is not None
    assert body.get_content().replace("\r\n", "\n") == "Hallo Jürgen, ¿qué tal? ß\n"
    assert "<p>Hallo Jürgen, ¿qué tal? ß</p>" in html.get_content()
    files = {part.get_filename(): part for part in parsed.iter_attachments()}
    assert set(files) == {"Übersicht – Café.pdf", "notes.txt"}
    assert files["Übersicht – Café.pdf"].get_content_type() == "application/pdf"
    assert files["Übersicht – Café.pdf"].get_content() == pdf
    assert files["notes.txt"].get_payload(decode=True) == "Straße\n".encode()
    assert b"filename*=utf-8''%C3%9Cbersicht" in message


def test_message_without_attachments_is_alternative_with_cc_bcc_and_reply_to(tmp_path: Path) -> None:
    person = Recipient(
        row=3,
        fields={"Name": "Begoña Ibáñez"},
        to=("begona@example.org",),
        cc=("jefe@example.org",),
        bcc=("archivo@example.org",),
        reply_to=("reservas@example.org",),
        display_names=(("reservas@example.org", "Reservas"),),
    )
    parsed = parse(build_message(rendered(), person, sender=None, base_folder=tmp_path))
    assert parsed.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in parsed.iter_parts()] == ["text/plain", "text/html"]
    assert str(parsed["To"]) == "Begoña Ibáñez <begona@example.org>"
    assert str(parsed["Cc"]) == "jefe@example.org"
    assert str(parsed["Bcc"]) == "archivo@example.org"
    assert str(parsed["Reply-To"]) == "Reservas <reservas@example.org>"
    assert parsed["From"] is None
    assert parsed["Message-ID"].endswith("@securemailmerge.local>")


def test_only_the_top_part_says_mime_version(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    raw = build_message(rendered(("a.txt",)), recipient(), sender=None, base_folder=tmp_path)
    assert raw.count(b"MIME-Version:") == 1


def test_unicode_local_part_is_written_as_utf8_headers(tmp_path: Path) -> None:
    message = build_message(
        rendered(), recipient(to=("jürgen@example.com",)), sender=None, base_folder=tmp_path
    )
    assert "jürgen@example.com".encode() in header_block(message)
    # The stdlib parser leaves RFC 6532 headers as surrogate-escaped bytes; they are UTF-8 underneath.
    username = parse(message)["To"].addresses[0].username
    assert username.encode("utf-8", "surrogateescape").decode("utf-8") == "jürgen"


@pytest.mark.parametrize(
    ("address", "error"),
    [
        ("a@example.com\r\nBcc: victim@example.com", "line break"),
        ("no-at-sign", "no @ sign"),
        ("a@exa mple..com", "not a valid domain"),
    ],
)
def test_unusable_addresses_are_render_errors(tmp_path: Path, address: str, error: str) -> None:
    with pytest.raises(RenderError, match=error):
        build_message(rendered(), recipient(to=(address,)), sender=None, base_folder=tmp_path)


def test_a_row_without_address_cannot_become_a_message(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="no address"):
        build_message(rendered(), recipient(to=()), sender=None, base_folder=tmp_path)


def test_date_is_the_given_moment_with_its_offset(tmp_path: Path) -> None:
    moment = datetime(2025, 7, 12, 18, 30, tzinfo=timezone(timedelta(hours=2)))
    message = build_message(rendered(), recipient(), sender=None, base_folder=tmp_path, now=moment)
    assert parse(message)["Date"].datetime == moment


def test_missing_attachment_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(AttachmentError, match=r"agenda-fr\.pdf"):
        build_message(rendered(("agenda-fr.pdf",)), recipient(), sender=None, base_folder=tmp_path)


@pytest.mark.parametrize("size", [0, 1, 2, 3, 56, 57, 58, 1000, 100_000])
def test_base64_size_matches_the_encoder(size: int) -> None:
    encoded = base64.encodebytes(b"x" * size).replace(b"\n", b"\r\n")
    assert base64_size(size) == len(encoded)


@pytest.mark.parametrize(
    ("html_repeat", "files"),
    [(1, ()), (200, ()), (1, (10,)), (20, (3_000, 250_000)), (5, (1_000_000,))],
)
def test_size_estimate_is_close_and_not_below(
    tmp_path: Path, html_repeat: int, files: tuple[int, ...]
) -> None:
    names = []
    for number, size in enumerate(files):
        name = f"anhang-{number}-Größe.bin"
        (tmp_path / name).write_bytes(bytes(range(256)) * (size // 256) + b"x" * (size % 256))
        names.append(name)
    message = RenderedMessage(
        subject="Einladung für Jürgen Müller – ¿vienes?",
        html="<p>Grüße aus Köln, ñandú &amp; café.</p>\n" * html_repeat,
        text="Grüße aus Köln, ñandú & café.\n" * html_repeat,
        attachments=tuple(names),
    )
    person = recipient(fields=GERMAN, to=("juergen@müller-bäckerei.example",))
    actual = len(build_message(message, person, sender="me@example.com", base_folder=tmp_path))
    estimate = estimate_size(message, person, files)
    assert actual <= estimate <= actual * 1.05 + 1500


@pytest.mark.parametrize(
    ("fields", "name"),
    [
        ({"First Name": "Jürgen", "Last Name": "Müller"}, "Jürgen Müller"),
        ({"vorname": " Käthe ", "NACHNAME": "Löwe"}, "Käthe Löwe"),
        ({"Nombre completo": "María José Gómez", "Nombre": "María"}, "María José Gómez"),
        ({"Apellidos": "Peña"}, "Peña"),
        ({"Company": "ACME"}, ""),
    ],
)
def test_recipient_name_from_columns(fields: dict[str, str], name: str) -> None:
    assert recipient_name(fields) == name


def words(text: str) -> str:
    return " ".join(text.split())


def lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    subject=st.text(st.characters(blacklist_categories=("Cs",)), max_size=120),
    name=st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    body=st.text(st.characters(blacklist_categories=("Cs",)), max_size=300),
)
def test_any_text_round_trips_or_is_refused(tmp_path: Path, subject: str, name: str, body: str) -> None:
    message = RenderedMessage(subject=subject, html=f"<p>{body}</p>", text=body, attachments=())
    person = recipient(fields={"Name": name}, to=("ana@example.com",))
    if subject != " ".join(subject.splitlines()):
        with pytest.raises(RenderError, match="line break"):
            build_message(message, person, sender=None, base_folder=tmp_path)
        return
    built = build_message(message, person, sender=None, base_folder=tmp_path)
    assert header_block(built).isascii()
    # CRLF only, and every line within RFC 5322's 998 characters (header lines within 78).
    assert b"\n" not in built.replace(b"\r\n", b"")
    assert all(len(line) <= 78 for line in header_block(built).split(b"\r\n"))
    assert all(len(line) <= 998 for line in built.split(b"\r\n"))
    parsed = parse(built)
    plain = parsed.get_body(("plain",))
    assert plain is not None
    # Whitespace in headers is folding material and control characters are dropped; the words stay.
    assert words(parsed["Subject"]) == words(CONTROL.sub("", subject))
    # A long name is folded into adjacent encoded words; the stdlib parser puts a space between them
    # in a display name although RFC 2047 (6.2) says to ignore it, so names compare without spaces.
    shown = parsed["To"].addresses[0].display_name
    assert "".join(shown.split()) == "".join(CONTROL.sub("", name).split())
    assert lines(plain.get_content()) == lines(body)


@pytest.mark.parametrize(
    ("person", "subject", "problem"),
    [
        (recipient(fields={"Name": "A" * 2_000_000}), "Hola", "A display name has 2000000 characters"),
        (
            Recipient(row=2, fields={}, to=("a@x.com",), display_names=(("a@x.com", "B" * 300),)),
            "Hola",
            "A display name has 300 characters",
        ),
        (recipient(), "S" * 1001, "The subject has 1001 characters"),
    ],
)
def test_merge_data_too_long_for_a_header_is_refused_at_once(
    tmp_path: Path, person: Recipient, subject: str, problem: str
) -> None:
    message = RenderedMessage(subject=subject, html="", text="", attachments=())
    with pytest.raises(RenderError, match=problem):
        build_message(message, person, sender=None, base_folder=tmp_path)


ATTACHMENT_NAMES = [
    "plain.pdf",
    "Übersicht – Café.pdf",
    'Angebot "Sommer" 2025.pdf',
    "it's; a, test.txt",
    "Ñandú año 2025, con un nombre muy largo que pasa de la línea de setenta y ocho letras.pdf",
    "日本語の資料.pdf",
]


def attachment_message(folder: Path, name: str) -> bytes:
    (folder / name).write_bytes(b"%PDF-1.4 " + name.encode())
    person = recipient(fields={"Name": "Jürgen Müller"}, to=("j@example.com",))
    return build_message(rendered((name,)), person, sender="Ana <ana@example.com>", base_folder=folder)


@pytest.mark.parametrize("name", ATTACHMENT_NAMES)
@pytest.mark.parametrize("parser_policy", [policy.default, policy.compat32], ids=["default", "compat32"])
def test_attachment_names_survive_the_standard_library_in_both_policies(
    tmp_path: Path, name: str, parser_policy: policy.Policy
) -> None:
    raw = attachment_message(tmp_path, name)
    assert header_block(raw).isascii()
    parsed = BytesParser(policy=parser_policy).parsebytes(raw)
    (part,) = [part for part in parsed.walk() if part.get_content_disposition() == "attachment"]
    assert part.get_filename() == name
    assert part.get_payload(decode=True) == b"%PDF-1.4 " + name.encode()
    # Readers without RFC 2231 find a plain name= in Content-Type, quoted, with no backslash escape.
    unfolded = raw.decode("ascii").replace("\r\n ", " ")
    assert re.search(r'\r\nContent-Type: [a-z]+/[a-z.+-]+; name="[ !#-\[\]-~]+"\r\n', unfolded)


@pytest.mark.skipif(shutil.which("mshow") is None, reason="mblaze is not installed (apt install mblaze)")
@pytest.mark.parametrize("name", ATTACHMENT_NAMES)
def test_mblaze_reads_the_exact_attachment_name(
    tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    message = tmp_path / "message.eml"
    message.write_bytes(attachment_message(tmp_path, name))
    (tmp_path / "mblaze").mkdir()
    (tmp_path / "mblaze" / "seq").write_text("", encoding="utf-8")
    monkeypatch.setenv("MBLAZE", str(tmp_path / "mblaze"))
    tree = subprocess.run(["mshow", "-t", str(message)], capture_output=True, text=True, check=True).stdout
    assert f'name="{name}"' in tree.splitlines()[-1]
    out = tmp_path / "out"
    out.mkdir()
    subprocess.run(["mshow", "-x", str(message), "5"], cwd=out, capture_output=True, check=True)
    assert [path.read_bytes() for path in out.iterdir()] == [b"%PDF-1.4 " + name.encode()]


@pytest.mark.skipif(shutil.which("munpack") is None, reason="mpack is not installed (apt install mpack)")
@pytest.mark.parametrize("name", ATTACHMENT_NAMES)
def test_mpack_finds_a_file_name_rather_than_part1(tmp_path: Path, name: str) -> None:
    """munpack knows neither RFC 2231 nor 2047 and writes unsafe characters as X; it gets the ASCII name."""
    message = tmp_path / "message.eml"
    message.write_bytes(attachment_message(tmp_path, name))
    out = tmp_path / "out"
    out.mkdir()
    subprocess.run(["munpack", "-q", "-C", str(out), str(message)], capture_output=True, check=True)
    (written,) = list(out.iterdir())
    assert written.read_bytes() == b"%PDF-1.4 " + name.encode()
    assert written.name == re.sub(r"[^A-Za-z0-9._,-]", "X", ascii_fallback(name))
    assert written.name != "part1"

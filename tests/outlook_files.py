"""Real Outlook ``.msg`` messages and ``.oft`` templates, written for tests as MS-OXMSG lays them out.

An Outlook item is an OLE compound file; extract-msg's own ``OleWriter`` writes the compound file
and this module fills it as Outlook does: a ``__properties_version1.0`` stream of 16-byte
property entries (32-byte header at the top, 8 bytes in attachments), each string or binary
value in its own ``__substg1.0_<tag>`` stream (strings UTF-16LE), one ``__attach_version1.0_#n``
storage per attachment, one ``__recip_version1.0_#n`` per recipient and the named-property map.
A template (``.oft``) differs from a message by the class id of its root storage.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

from extract_msg.ole_writer import OleWriter

MSG_CLSID = UUID("00020d0b-0000-0000-c000-000000000046").bytes_le
OFT_CLSID = UUID("0006f046-0000-0000-c000-000000000046").bytes_le
UNICODE, BINARY, LONG, BOOLEAN = 0x001F, 0x0102, 0x0003, 0x000B
READABLE_WRITABLE = 0x6
STORE_UNICODE_OK = 0x40000  # PidTagStoreSupportMask: the strings are UTF-16
ATTACH_BY_VALUE = 1
NAMEID = "__nameid_version1.0"


@dataclass(frozen=True)
class Part:
    """A file the item carries; with a content id it is an image the HTML shows."""

    name: str
    data: bytes
    mime: str
    content_id: str | None = None


class _Properties:
    """One object's properties: fixed values in the properties stream, the others in their own streams."""

    def __init__(self) -> None:
        self.entries: list[bytes] = []
        self.streams: dict[str, bytes] = {}

    def fixed(self, prop: int, kind: int, value: int) -> None:
        self.entries.append(struct.pack("<IIq", prop << 16 | kind, READABLE_WRITABLE, value))

    def variable(self, prop: int, kind: int, data: bytes) -> None:
        size = len(data) + (2 if kind == UNICODE else 0)  # a string's size counts its terminator
        self.entries.append(struct.pack("<IIII", prop << 16 | kind, READABLE_WRITABLE, size, 0))
        self.streams[f"__substg1.0_{prop:04X}{kind:04X}"] = data

    def text(self, prop: int, value: str) -> None:
        self.variable(prop, UNICODE, value.encode("utf-16-le"))

    def write(self, writer: OleWriter, folder: list[str], header: bytes) -> None:
        writer.addEntry([*folder, "__properties_version1.0"], header + b"".join(self.entries))
        for name, data in self.streams.items():
            writer.addEntry([*folder, name], data)


def write_msg(
    path: Path,
    *,
    subject: str,
    html: str | None,
    text: str,
    parts: tuple[Part, ...] = (),
    template: bool = False,
) -> Path:
    """Write an Outlook message (or, with ``template``, an ``.oft`` template) to ``path``."""
    writer = OleWriter(OFT_CLSID if template else MSG_CLSID)
    message = _Properties()
    message.text(0x001A, "IPM.Note")
    message.text(0x0037, subject)
    message.text(0x1000, text)
    if html is not None:
        message.variable(0x1013, BINARY, html.encode("utf-8"))
    message.fixed(0x340D, LONG, STORE_UNICODE_OK)
    recipients = 1
    header = struct.pack("<8xIIII8x", recipients, len(parts), recipients, len(parts))
    message.write(writer, [], header)
    # The named-property map: no named properties, but Outlook always writes its three streams.
    writer.addEntry([NAMEID], storage=True)
    for stream in ("__substg1.0_00020102", "__substg1.0_00030102", "__substg1.0_00040102"):
        writer.addEntry([NAMEID, stream], b"")
    recipient = _Properties()
    recipient.text(0x3001, "Ada Lovelace")
    recipient.text(0x39FE, "ada@example.com")
    recipient.fixed(0x0C15, LONG, 1)  # PidTagRecipientType: To
    folder = "__recip_version1.0_#00000000"
    writer.addEntry([folder], storage=True)
    recipient.write(writer, [folder], bytes(8))
    for number, part in enumerate(parts):
        folder = f"__attach_version1.0_#{number:08X}"
        writer.addEntry([folder], storage=True)
        _attachment(part).write(writer, [folder], bytes(8))
    writer.write(path)
    return path


def _attachment(part: Part) -> _Properties:
    props = _Properties()
    props.fixed(0x3705, LONG, ATTACH_BY_VALUE)
    props.variable(0x3701, BINARY, part.data)
    props.text(0x3707, part.name)  # the long file name Outlook shows
    props.text(0x3704, part.name)
    props.text(0x370E, part.mime)
    if part.content_id is not None:
        props.text(0x3712, part.content_id)
        props.fixed(0x7FFE, BOOLEAN, 1)  # PidTagAttachmentHidden: shown in the body, not listed
    return props

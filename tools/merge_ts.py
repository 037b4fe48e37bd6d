"""A git merge driver for Qt ``.ts`` catalogues: keep every translation either side made.

Two branches that each add strings conflict in the catalogues although their texts never clash.
This driver takes the union of both sides' messages per context (ours first when both translated
the same source), writes it over ours, and exits 0; running ``tools/translations.py`` afterwards
drops texts the merged code no longer has and recompiles the ``.qm`` files. Set it up once per
clone (``.gitattributes`` names it):

    git config merge.tsunion.driver "python3 tools/merge_ts.py %O %A %B"
    git config merge.regenerate.driver true
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def _messages(path: Path) -> tuple[ET.Element, dict[str, dict[str, ET.Element]]]:
    root = ET.parse(path).getroot()  # noqa: S314 (our own catalogues, not untrusted input)
    contexts: dict[str, dict[str, ET.Element]] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        found = contexts.setdefault(name, {})
        for message in context.iter("message"):
            found.setdefault(message.findtext("source") or "", message)
    return root, contexts


def _translated(message: ET.Element) -> bool:
    translation = message.find("translation")
    return translation is not None and bool(translation.text) and translation.get("type") != "unfinished"


def merge(ours: Path, theirs: Path) -> None:
    """Write the union of ``ours`` and ``theirs`` into ``ours``."""
    root, mine = _messages(ours)
    _, other = _messages(theirs)
    for name, messages in other.items():
        target = mine.setdefault(name, {})
        for source, message in messages.items():
            if source not in target or (not _translated(target[source]) and _translated(message)):
                target[source] = message
    out = ET.Element("TS", root.attrib)
    for name in sorted(mine):
        context = ET.SubElement(out, "context")
        ET.SubElement(context, "name").text = name
        for source in sorted(mine[name]):
            context.append(mine[name][source])
    ET.indent(out, space="    ")
    body = ET.tostring(out, encoding="unicode")
    ours.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


if __name__ == "__main__":
    _base, ours_path, theirs_path = sys.argv[1:4]
    merge(Path(ours_path), Path(theirs_path))

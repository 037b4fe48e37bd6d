"""The plan holds preflight's ready rows with fingerprints that a later render reproduces exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from securemailmerge.campaign.check import PreflightSettings
from securemailmerge.campaign.journal import SKIPPED, Journal
from securemailmerge.campaign.plan import Renderer, build_plan
from securemailmerge.errors import InputError
from securemailmerge.recipients import load_recipients
from securemailmerge.template.model import Template

TEMPLATE = Template(
    subject="Hello {{ Name }}",
    html="<p>Dear {{ Name }}</p>",
    attachments=("agenda.pdf", "{{ File }}"),
)


def inputs(tmp_path: Path) -> tuple[Path, PreflightSettings]:
    (tmp_path / "agenda.pdf").write_bytes(b"%PDF" * 10)
    (tmp_path / "a.pdf").write_bytes(b"a" * 5)
    (tmp_path / "b.pdf").write_bytes(b"b" * 7)
    csv = tmp_path / "list.csv"
    csv.write_text(
        "Name,Email,File\nAda,ada@example.com,a.pdf\nBo,bo@example.com,b.pdf\nCy,cy@example.com,a.pdf\n",
        encoding="utf-8",
    )
    return csv, PreflightSettings(base_folder=tmp_path)


def test_rows_get_keys_fingerprints_and_common_attachments(tmp_path: Path) -> None:
    csv, settings = inputs(tmp_path)
    plan = build_plan(load_recipients(csv), TEMPLATE, settings, {"mode": "now"})
    assert [row.key for row in plan.rows] == ["r2", "r3", "r4"]
    assert plan.settings["common_attachments"] == ["agenda.pdf"]
    assert len({row.fingerprint for row in plan.rows}) == 3
    assert plan.ready == 3


def test_a_row_left_out_is_kept_as_skipped_with_its_reason(tmp_path: Path) -> None:
    csv, settings = inputs(tmp_path)
    plan = build_plan(
        load_recipients(csv),
        TEMPLATE,
        settings,
        {},
        exclude=lambda r: "unsubscribed" if r.to == ("bo@example.com",) else None,
    )
    assert [(row.key, row.state, row.reason) for row in plan.rows if row.state == SKIPPED] == [
        ("r3", SKIPPED, "unsubscribed")
    ]
    assert plan.ready == 2


def test_the_renderer_reproduces_the_plan_and_notices_a_changed_attachment(tmp_path: Path) -> None:
    csv, settings = inputs(tmp_path)
    plan = build_plan(load_recipients(csv), TEMPLATE, settings, {"footer": "Sent with SecureMailMerge"})
    with Journal.create(tmp_path / "c", plan.settings, plan.rows) as journal:
        renderer = Renderer(journal.settings())
        rows = list(journal.rows())
        messages = [renderer.message(row.key, row.recipient) for row in rows]
        assert [m.fingerprint for m in messages] == [row.fingerprint for row in rows]
        assert messages[0].rendered.html.endswith("Sent with SecureMailMerge</p>")
        assert messages[0].rendered.text.endswith("Sent with SecureMailMerge\n")
        assert [(a.name, a.common) for a in messages[0].attachments] == [
            ("agenda.pdf", True),
            ("a.pdf", False),
        ]
        (tmp_path / "a.pdf").write_bytes(b"changed, longer")
        again = Renderer(journal.settings()).message(rows[0].key, rows[0].recipient)
        assert again.fingerprint != rows[0].fingerprint


def test_a_plan_with_no_ready_row_is_refused(tmp_path: Path) -> None:
    csv, settings = inputs(tmp_path)
    with pytest.raises(InputError, match="No row is ready to send"):
        build_plan(load_recipients(csv), TEMPLATE, settings, {}, exclude=lambda r: "no")

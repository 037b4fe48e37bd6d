"""Campaigns: the check before sending, and what a campaign writes.

``check`` (preflight) renders every row once, as a stream of events, and reports; ``mime`` builds
RFC 5322 messages (with ``headers`` writing their header fields) and ``export`` the ``.eml`` files;
``csvout`` writes CSV reports whose cells cannot start a formula.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from securemailmerge.lazy import exports

if TYPE_CHECKING:
    from securemailmerge.campaign.check import (
        CheckPass as CheckPass,
        CheckStarted as CheckStarted,
        PreflightEvent as PreflightEvent,
        PreflightReport as PreflightReport,
        PreflightSettings as PreflightSettings,
        RowChecked as RowChecked,
        check_rows as check_rows,
        format_duration as format_duration,
        format_size as format_size,
        preflight as preflight,
        ready_messages as ready_messages,
        report_json as report_json,
        report_lines as report_lines,
        unknown_fields_text as unknown_fields_text,
    )
    from securemailmerge.campaign.csvout import (
        safe_csv_cell as safe_csv_cell,
        write_csv as write_csv,
        write_rows as write_rows,
    )
    from securemailmerge.campaign.export import (
        ExportResult as ExportResult,
        export_eml as export_eml,
    )
    from securemailmerge.campaign.mime import (
        MessageWriter as MessageWriter,
        build_message as build_message,
        header_address as header_address,
        header_problem as header_problem,
        named as named,
        named_to as named_to,
        shown_address as shown_address,
    )

__getattr__, __all__ = exports(
    __name__,
    {
        "csvout": ("safe_csv_cell", "write_csv", "write_rows"),
        "export": ("ExportResult", "export_eml"),
        "mime": (
            "MessageWriter",
            "build_message",
            "header_address",
            "header_problem",
            "named",
            "named_to",
            "shown_address",
        ),
        "check": (
            "CheckPass",
            "CheckStarted",
            "PreflightEvent",
            "PreflightReport",
            "PreflightSettings",
            "format_duration",
            "check_rows",
            "format_size",
            "preflight",
            "ready_messages",
            "report_json",
            "report_lines",
            "RowChecked",
            "unknown_fields_text",
        ),
    },
)

"""Campaigns: the check before sending, and what a campaign writes.

``check`` (preflight) renders every row once, as a stream of events, and reports; ``mime`` builds
RFC 5322 messages and ``.eml`` files; ``csvout`` writes CSV reports whose cells cannot start a formula.
Sending: ``plan`` and ``journal`` (the campaign on disk), ``pacing`` (the one scheduler), ``sender`` and
``drafts`` (Graph calls), ``engine`` (the run, speaking in ``events``), ``reconcile`` (after a restart),
``bounces``, ``suppression`` (do-not-contact), ``report``, and ``start`` (what front ends call first).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from securemailmerge.lazy import exports

if TYPE_CHECKING:
    from securemailmerge.campaign.bounces import (
        BounceReader as BounceReader,
        InboxCheck as InboxCheck,
        reason_text as reason_text,
    )
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
    )
    from securemailmerge.campaign.engine import (
        DRAFTS as DRAFTS,
        MODES as MODES,
        NOW as NOW,
        SCHEDULED as SCHEDULED,
        Campaign as Campaign,
        Control as Control,
    )
    from securemailmerge.campaign.events import (
        Cancelled as Cancelled,
        Event as Event,
        Finished as Finished,
        Paused as Paused,
        Reconciled as Reconciled,
        Resumed as Resumed,
        RowBounced as RowBounced,
        RowDrafted as RowDrafted,
        RowFailed as RowFailed,
        RowScheduled as RowScheduled,
        RowSent as RowSent,
        Started as Started,
        Stopped as Stopped,
        Waiting as Waiting,
    )
    from securemailmerge.campaign.footer import footer_text as footer_text, with_footer as with_footer
    from securemailmerge.campaign.journal import (
        BOUNCED as BOUNCED,
        FAILED as FAILED,
        PLANNED as PLANNED,
        Journal as Journal,
        JournalRow as JournalRow,
        campaigns_dir as campaigns_dir,
        list_campaigns as list_campaigns,
    )
    from securemailmerge.campaign.mime import (
        build_message as build_message,
        export_eml as export_eml,
        header_address as header_address,
        named_to as named_to,
    )
    from securemailmerge.campaign.pacing import (
        Pacing as Pacing,
        Scheduler as Scheduler,
        SendWindow as SendWindow,
    )
    from securemailmerge.campaign.report import (
        report_rows as report_rows,
        summary_lines as summary_lines,
        write_report as write_report,
    )
    from securemailmerge.campaign.sender import Mailbox as Mailbox
    from securemailmerge.campaign.start import (
        CampaignOptions as CampaignOptions,
        NewCampaign as NewCampaign,
        parse_time as parse_time,
        send_test as send_test,
        start_campaign as start_campaign,
    )
    from securemailmerge.campaign.suppression import DoNotContact as DoNotContact

__getattr__, __all__ = exports(
    __name__,
    {
        "bounces": ("BounceReader", "InboxCheck", "reason_text"),
        "engine": ("Campaign", "Control", "DRAFTS", "MODES", "NOW", "SCHEDULED"),
        "events": (
            "Cancelled",
            "Event",
            "Finished",
            "Paused",
            "Reconciled",
            "Resumed",
            "RowBounced",
            "RowDrafted",
            "RowFailed",
            "RowScheduled",
            "RowSent",
            "Started",
            "Stopped",
            "Waiting",
        ),
        "footer": ("footer_text", "with_footer"),
        "journal": (
            "BOUNCED",
            "FAILED",
            "PLANNED",
            "Journal",
            "JournalRow",
            "campaigns_dir",
            "list_campaigns",
        ),
        "pacing": ("Pacing", "Scheduler", "SendWindow"),
        "report": ("report_rows", "summary_lines", "write_report"),
        "sender": ("Mailbox",),
        "start": ("CampaignOptions", "NewCampaign", "parse_time", "send_test", "start_campaign"),
        "suppression": ("DoNotContact",),
        "csvout": ("safe_csv_cell", "write_csv"),
        "mime": ("build_message", "export_eml", "header_address", "named_to"),
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

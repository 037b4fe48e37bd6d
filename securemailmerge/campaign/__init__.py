"""Campaigns: the check before sending, and what a campaign writes.

``check`` (preflight) renders every row once, as a stream of events, and reports (``checktext``
words the report for people and as JSON); ``mime`` builds RFC 5322 messages (with ``headers``
writing their header fields), ``export`` the ``.eml`` files and ``duration`` estimates the sending
time; ``csvout`` writes CSV reports whose cells cannot start a formula.
Sending: ``plan`` and ``journal`` (the campaign on disk), ``outgoing`` (what is sent and previewed:
the footer, Outlook-friendly HTML), ``pacing`` (the one scheduler), ``sender`` and ``drafts`` (Graph
calls), ``engine`` (the run, speaking in ``events``; ``control`` pauses, resumes and cancels it and
says which errors stop it), ``reconcile`` (after a restart), ``bounces``, ``suppression``
(do-not-contact), ``report``, and ``start`` (what front ends call first).
``document`` saves a campaign file (``.smmcampaign``: template, settings, recipient source) and
``documentread`` reads one back.
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
        CheckStarted as CheckStarted,
        PreflightEvent as PreflightEvent,
        PreflightReport as PreflightReport,
        PreflightSettings as PreflightSettings,
        RowChecked as RowChecked,
        check_rows as check_rows,
        preflight as preflight,
        preflight_in_workers as preflight_in_workers,
    )
    from securemailmerge.campaign.checkpass import CheckPass as CheckPass, ready_messages as ready_messages
    from securemailmerge.campaign.checktext import (
        Formats as Formats,
        format_duration as format_duration,
        report_json as report_json,
        report_lines as report_lines,
        unknown_fields_text as unknown_fields_text,
    )
    from securemailmerge.campaign.control import Control as Control
    from securemailmerge.campaign.csvout import (
        safe_csv_cell as safe_csv_cell,
        write_csv as write_csv,
        write_rows as write_rows,
    )
    from securemailmerge.campaign.document import (
        EXTENSION as EXTENSION,
        MIME_TYPE as MIME_TYPE,
        CampaignDocument as CampaignDocument,
        ContactsSource as ContactsSource,
        FileSource as FileSource,
        SendSettings as SendSettings,
        save_campaign as save_campaign,
    )
    from securemailmerge.campaign.documentread import load_campaign as load_campaign
    from securemailmerge.campaign.duration import (
        DAILY_RECIPIENT_LIMIT as DAILY_RECIPIENT_LIMIT,
        PER_MINUTE_LIMIT as PER_MINUTE_LIMIT,
    )
    from securemailmerge.campaign.engine import Campaign as Campaign, graphs_of as graphs_of
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
    from securemailmerge.campaign.export import (
        ExportResult as ExportResult,
        export_eml as export_eml,
    )
    from securemailmerge.campaign.footer import footer_text as footer_text, with_footer as with_footer
    from securemailmerge.campaign.journal import (
        BOUNCED as BOUNCED,
        DELIVERED as DELIVERED,
        FAILED as FAILED,
        PLANNED as PLANNED,
        SENT as SENT,
        SKIPPED as SKIPPED,
        Journal as Journal,
        JournalRow as JournalRow,
        campaigns_dir as campaigns_dir,
        list_campaigns as list_campaigns,
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
    from securemailmerge.campaign.modes import (
        DRAFTS as DRAFTS,
        MODES as MODES,
        NOW as NOW,
        SCHEDULED as SCHEDULED,
    )
    from securemailmerge.campaign.outgoing import Outgoing as Outgoing, OutgoingMessage as OutgoingMessage
    from securemailmerge.campaign.pacing import (
        Pacing as Pacing,
        ScaledTime as ScaledTime,
        Scheduler as Scheduler,
        SendWindow as SendWindow,
    )
    from securemailmerge.campaign.parallel import available_workers as available_workers
    from securemailmerge.campaign.plan import check_for_plan as check_for_plan
    from securemailmerge.campaign.report import (
        counts_text as counts_text,
        report_rows as report_rows,
        state_text as state_text,
        summary_lines as summary_lines,
        write_report as write_report,
    )
    from securemailmerge.campaign.sender import Mailbox as Mailbox, tags as tags
    from securemailmerge.campaign.start import (
        CampaignOptions as CampaignOptions,
        NewCampaign as NewCampaign,
        parse_time as parse_time,
        send_test as send_test,
        start_campaign as start_campaign,
    )
    from securemailmerge.campaign.suppression import (
        DoNotContact as DoNotContact,
        DoNotContactEntry as DoNotContactEntry,
        left_out_rows as left_out_rows,
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
        "bounces": ("BounceReader", "InboxCheck", "reason_text"),
        "control": ("Control",),
        "document": (
            "EXTENSION",
            "MIME_TYPE",
            "CampaignDocument",
            "ContactsSource",
            "FileSource",
            "SendSettings",
            "save_campaign",
        ),
        "documentread": ("load_campaign",),
        "duration": ("DAILY_RECIPIENT_LIMIT", "PER_MINUTE_LIMIT"),
        "engine": ("Campaign", "graphs_of"),
        "modes": ("DRAFTS", "MODES", "NOW", "SCHEDULED"),
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
            "DELIVERED",
            "FAILED",
            "PLANNED",
            "SENT",
            "SKIPPED",
            "Journal",
            "JournalRow",
            "campaigns_dir",
            "list_campaigns",
        ),
        "outgoing": ("Outgoing", "OutgoingMessage"),
        "pacing": ("Pacing", "ScaledTime", "Scheduler", "SendWindow"),
        "plan": ("check_for_plan",),
        "report": ("counts_text", "report_rows", "state_text", "summary_lines", "write_report"),
        "sender": ("Mailbox", "tags"),
        "start": ("CampaignOptions", "NewCampaign", "parse_time", "send_test", "start_campaign"),
        "suppression": ("DoNotContact", "DoNotContactEntry", "left_out_rows"),
        "parallel": ("available_workers",),
        "check": (
            "CheckStarted",
            "PreflightEvent",
            "PreflightReport",
            "PreflightSettings",
            "RowChecked",
            "check_rows",
            "preflight",
            "preflight_in_workers",
        ),
        "checkpass": ("CheckPass", "ready_messages"),
        "checktext": (
            "Formats",
            "format_duration",
            "report_json",
            "report_lines",
            "unknown_fields_text",
        ),
    },
)

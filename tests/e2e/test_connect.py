"""One connect seam: a tenant file becomes a signed-in connection sending from the mailbox's own address."""

from __future__ import annotations

from dataclasses import replace

import httpx
import pytest

from securemailmerge.errors import SignInRequired
from securemailmerge.m365.connection import connect
from securemailmerge.m365.mailbox import MailboxRef
from securemailmerge.m365.net import HttpFactory
from securemailmerge.m365.retry import RetryEvent, Throttled
from securemailmerge.m365.tenant import load_tenant_config
from securemailmerge.sandbox.app import Sandbox
from securemailmerge.sandbox.directory import DEMO_USER, DEMO_USER_ID, SALES
from tests.helpers import CONFIG


def code_sign_in(session):  # type: ignore[no-untyped-def]
    return session.sign_in_device_code(lambda prompt: None)


def test_a_connection_knows_who_is_signed_in_and_sends_from_the_primary_address() -> None:
    with Sandbox(auto_approve=True) as sandbox:
        # Ada's account name and her address differ, as they often do in real tenants.
        ada = sandbox.directory.mailboxes[DEMO_USER_ID]
        sandbox.directory.add(replace(ada, mail="ada@contoso.com"))
        config = load_tenant_config(sandbox.tenant_config_path)
        with connect(config, code_sign_in) as connection:
            assert connection.account is not None
            assert connection.account.username == DEMO_USER
            assert connection.profile.mail == "ada@contoso.com"
            assert connection.sender().address == "ada@contoso.com"
            assert connection.sender(SALES).mailbox == MailboxRef(SALES, own=False)
            assert connection.graph.get("/me", params={"$select": "id"})["id"] == DEMO_USER_ID


def test_graph_waits_reach_the_observer_given_when_connecting() -> None:
    heard: list[RetryEvent] = []
    with Sandbox(auto_approve=True, faults="3:none,throttle=0.6,max_retry_after=1") as sandbox:
        config = load_tenant_config(sandbox.tenant_config_path)
        with connect(config, code_sign_in, on_retry=heard.append) as connection:
            assert connection.profile.user_principal_name == DEMO_USER
    assert heard
    assert all(isinstance(event, Throttled) and event.wait_seconds == 1 for event in heard)


def test_nobody_signed_in_is_said_before_any_graph_request() -> None:
    def no_network(request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"no request expected, got {request.url}")

    factory = HttpFactory(CONFIG, transport=httpx.MockTransport(no_network))
    with pytest.raises(SignInRequired) as raised:
        connect(CONFIG, lambda session: None, factory=factory)
    assert raised.value.code == "not_signed_in"
    assert raised.value.message == "You are not signed in. Please sign in."

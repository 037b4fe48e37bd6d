"""The version is set once, in pyproject.toml: the package, the command line and the User-Agent agree."""

from __future__ import annotations

import tomllib

import httpx
import pytest

from securemailmerge import __version__, cli
from securemailmerge.m365 import HttpFactory, TenantConfig
from tests.helpers import REPO

VERSION = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def test_the_package_has_the_version_of_pyproject() -> None:
    assert __version__ == VERSION


def test_the_command_line_says_it(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert capsys.readouterr().out == f"securemailmerge {VERSION}\n"


def test_every_request_carries_it_in_the_user_agent() -> None:
    agents: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        agents.append(request.headers["user-agent"])
        return httpx.Response(200, json={})

    factory = HttpFactory(TenantConfig(client_id="app"), transport=httpx.MockTransport(answer))
    with factory.client() as client:
        client.get("https://graph.microsoft.com/v1.0/me")
    assert agents == [f"SecureMailMerge/{VERSION}"]

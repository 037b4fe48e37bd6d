"""`python -m securemailmerge.sandbox` prints one JSON line, serves, stops cleanly, or fails in one line."""

from __future__ import annotations

import json
import selectors
import signal
import ssl
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from securemailmerge.m365.tenant import load_tenant_config
from securemailmerge.sandbox.server import listen
from tests.helpers import REPO

TIMEOUT = 30


def _start(*arguments: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "securemailmerge.sandbox", *arguments],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _first_line(process: subprocess.Popen[str]) -> dict[str, str]:
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        assert selector.select(TIMEOUT), "the sandbox printed nothing in time"
    return dict(json.loads(process.stdout.readline()))


@pytest.fixture
def running() -> Iterator[tuple[subprocess.Popen[str], dict[str, str]]]:
    process = _start("--auto-approve", "--licensed", "pat@example.com=2099-01-31", "--time-scale", "0.5")
    try:
        yield process, _first_line(process)
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=TIMEOUT)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_the_json_line_names_working_services_and_a_signal_stops_it_cleanly(
    running: tuple[subprocess.Popen[str], dict[str, str]], stop: signal.Signals
) -> None:
    process, line = running
    context = ssl.create_default_context(cafile=line["ca_file"])
    with httpx.Client(verify=context, trust_env=False) as client:
        discovery = client.get(f"{line['authority']}/v2.0/.well-known/openid-configuration")
        license_answer = client.post(line["license"], json={"email": "pat@example.com"})
    config = load_tenant_config(Path(line["tenant_config"]))

    process.send_signal(stop)
    code = process.wait(timeout=TIMEOUT)

    assert set(line) == {"authority", "graph", "license", "uploads", "ca_file", "tenant_config"}
    assert discovery.json()["token_endpoint"] == f"{line['authority']}/oauth2/v2.0/token"
    assert license_answer.json()["plan"] == "commercial"
    assert (config.authority, config.graph_url, config.ca_file) == (
        line["authority"],
        line["graph"],
        line["ca_file"],
    )
    assert code == 0
    assert not Path(line["ca_file"]).exists()


def test_a_busy_port_is_one_line_on_stderr_and_exit_2() -> None:
    taken = listen()
    port = taken.getsockname()[1]
    try:
        process = _start("--port", str(port))
        out, err = process.communicate(timeout=TIMEOUT)
    finally:
        taken.close()

    assert process.returncode == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert f"127.0.0.1:{port}" in err


@pytest.mark.parametrize(
    ("arguments", "fragment"),
    [
        (["--faults", "storm"], "SEED:PROFILE"),
        (["--faults", "7:hurricane"], "hurricane"),
        (["--licensed", "not-an-address"], "not-an-address"),
        (["--time-scale", "0"], "--time-scale"),
        (["--sending", "licenses=many"], "licenses"),
        (["--sending", "speed=3"], "speed"),
        (["--port", "70000"], "--port"),
    ],
    ids=[
        "faults-shape",
        "faults-profile",
        "licensed",
        "time-scale",
        "sending-number",
        "sending-name",
        "port",
    ],
)
def test_bad_options_are_one_line_on_stderr_and_exit_2(arguments: list[str], fragment: str) -> None:
    process = _start(*arguments)
    out, err = process.communicate(timeout=TIMEOUT)

    assert (process.returncode, out) == (2, "")
    assert len(err.strip().splitlines()) == 1
    assert fragment in err

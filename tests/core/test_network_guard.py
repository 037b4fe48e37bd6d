"""The test suite's network guard: loopback connects, anything else is refused and fails the test."""

from __future__ import annotations

import socket

import pytest

from tests.helpers import NetworkGuard


@pytest.mark.parametrize("address", [("203.0.113.7", 443), ("2001:db8::1", 443, 0, 0), ("example.com", 80)])
def test_a_connection_beyond_this_computer_is_refused_and_remembered(
    network_guard: NetworkGuard, address: tuple[object, ...]
) -> None:
    family = socket.AF_INET6 if ":" in str(address[0]) else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock, pytest.raises(ConnectionRefusedError):
        sock.connect(address)
    assert network_guard.attempts == [f"{address[0]}:{address[1]}"]
    network_guard.attempts.clear()  # this test made the attempt on purpose


def test_connect_ex_is_guarded_too(network_guard: NetworkGuard) -> None:
    with socket.socket() as sock, pytest.raises(ConnectionRefusedError):
        sock.connect_ex(("198.51.100.1", 25))
    assert network_guard.attempts == ["198.51.100.1:25"]
    network_guard.attempts.clear()


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "localhost", "::1", "::ffff:127.0.0.1"])
def test_loopback_is_allowed(host: str) -> None:
    NetworkGuard().check((host, 8080))


def test_a_loopback_server_is_reached_through_the_guard(network_guard: NetworkGuard) -> None:
    with socket.create_server(("127.0.0.1", 0)) as server:
        socket.create_connection(server.getsockname(), timeout=5).close()
    assert network_guard.attempts == []

"""A request whose client has gone is not worked on (real sockets, as gunicorn hands
them to the application)."""

from __future__ import annotations

import socket
from typing import Any

from fasit.core.shedding import client_gone, shed_departed_clients


def app_that_counts(calls: list[str]) -> Any:
    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        calls.append(environ["PATH_INFO"])
        start_response("200 OK", [])
        return [b"page"]

    return app


def test_a_request_whose_client_closed_is_dropped() -> None:
    server, client = socket.socketpair()
    client.close()
    calls: list[str] = []
    statuses: list[str] = []
    body = shed_departed_clients(app_that_counts(calls))(
        {"gunicorn.socket": server, "PATH_INFO": "/", "REQUEST_METHOD": "GET"},
        lambda status, headers: statuses.append(status),
    )
    assert calls == [] and statuses == ["503 Service Unavailable"]
    assert list(body) == [b"client gone\n"]
    server.close()


def test_a_waiting_client_is_served_and_unread_bytes_stay() -> None:
    server, client = socket.socketpair()
    client.sendall(b"next request")
    calls: list[str] = []
    body = shed_departed_clients(app_that_counts(calls))(
        {"gunicorn.socket": server, "PATH_INFO": "/", "REQUEST_METHOD": "GET"},
        lambda status, headers: None,
    )
    assert list(body) == [b"page"] and calls == ["/"]
    assert server.recv(100) == b"next request"  # only peeked at
    server.close()
    client.close()


def test_open_idle_connection_and_other_servers() -> None:
    server, client = socket.socketpair()
    assert client_gone({"gunicorn.socket": server}) is False
    assert client_gone({"waitress.client_disconnected": lambda: True}) is True
    assert client_gone({}) is False
    server.close()
    client.close()

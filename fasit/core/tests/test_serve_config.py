"""``fasit serve``'s gunicorn settings (docs/operations.md, Web server and capacity)."""

from __future__ import annotations

import os

import pytest
from django.test import override_settings

from fasit.core.management.commands.fasit_serve import _gunicorn_app


def test_one_shared_listening_socket_by_default() -> None:
    app = _gunicorn_app("127.0.0.1:0")
    assert app.cfg.reuse_port is False
    assert app.cfg.worker_class_str == "gthread"


@override_settings(FASIT_WEB_REUSE_PORT=True)
def test_a_socket_per_worker_when_asked() -> None:
    # With SO_REUSEPORT the kernel spreads kept-alive clients over the workers by
    # address; one shared socket once split 64 of them 62/2 (docs/operations.md).
    assert _gunicorn_app("127.0.0.1:0").cfg.reuse_port is True


@pytest.mark.skipif(
    bool({"FASIT_WEB_THREADS", "FASIT_WEB_CONNECTIONS"} & set(os.environ)),
    reason="the environment sets them",
)
def test_two_threads_a_worker_and_room_for_64_clients_by_default() -> None:
    # Four threads a worker lengthened the tail at 64 clients (GIL turns at every
    # database call); fewer than 64 connections a process made clients queue in the
    # kernel when they split unevenly over the workers (docs/operations.md).
    cfg = _gunicorn_app("127.0.0.1:0").cfg
    assert cfg.threads == 2
    assert cfg.worker_connections == 64

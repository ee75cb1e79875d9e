"""``fasit serve``'s gunicorn settings (docs/operations.md, Web server and capacity)."""

from __future__ import annotations

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

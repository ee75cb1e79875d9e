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


class _Collector:
    """Stands in for the gc module in fasit_serve: records collect() and freeze()."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def collect(self) -> int:
        self.calls.append("collect")
        return 0

    def freeze(self) -> None:
        self.calls.append("freeze")


def _join_warm_thread() -> None:
    import threading

    for thread in threading.enumerate():
        if thread.name == "fasit-signals-warm":
            thread.join(timeout=10)


def test_the_master_freezes_its_heap_before_each_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    from fasit.core.management.commands import fasit_serve

    collector = _Collector()
    monkeypatch.setattr(fasit_serve, "gc", collector)
    hook = _gunicorn_app("127.0.0.1:0").cfg.pre_fork
    hook(None, None)
    assert collector.calls == ["freeze"]
    with override_settings(FASIT_WEB_GC_FREEZE=False):
        hook(None, None)
    assert collector.calls == ["freeze"]


def test_a_worker_freezes_its_heap_once_the_signal_indexes_are_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A full collection walked the app and the indexes: 165-260 ms of CPU with the GIL
    # held, the tail of even a static file (docs/operations.md, "Collector pauses").
    from fasit.core.management.commands import fasit_serve
    from fasit.signals import index as signal_index

    collector = _Collector()
    monkeypatch.setattr(fasit_serve, "gc", collector)
    monkeypatch.setattr(signal_index, "warm_all", lambda: collector.calls.append("warm"))
    # The process's templates and tables are built first, before anything is frozen
    # and before the worker accepts a connection (the hook returns first).
    monkeypatch.setattr(fasit_serve, "warm_process", lambda: collector.calls.append("process"))
    hook = _gunicorn_app("127.0.0.1:0").cfg.post_worker_init
    worker = object()
    with override_settings(FASIT_SIGNALS_WARM=True, FASIT_WEB_GC_FREEZE=True):
        hook(worker)
        assert collector.calls[0] == "process"
        _join_warm_thread()
    assert collector.calls == ["process", "warm", "collect", "freeze"]
    collector.calls.clear()
    with override_settings(FASIT_SIGNALS_WARM=False, FASIT_WEB_GC_FREEZE=True):
        hook(worker)
    assert collector.calls == ["process", "collect", "freeze"]
    collector.calls.clear()
    with override_settings(FASIT_SIGNALS_WARM=True, FASIT_WEB_GC_FREEZE=False):
        hook(worker)
        _join_warm_thread()
    assert collector.calls == ["process", "warm"]


def test_the_hook_called_without_a_worker_leaves_the_collector_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fasit.core.management.commands import fasit_serve
    from fasit.signals import index as signal_index

    collector = _Collector()
    monkeypatch.setattr(fasit_serve, "gc", collector)
    monkeypatch.setattr(signal_index, "warm_all", lambda: collector.calls.append("warm"))
    monkeypatch.setattr(fasit_serve, "warm_process", lambda: collector.calls.append("process"))
    hook = _gunicorn_app("127.0.0.1:0").cfg.post_worker_init
    with override_settings(FASIT_SIGNALS_WARM=True):
        hook(None)
        _join_warm_thread()
    assert collector.calls == ["warm"]


def test_a_frozen_heap_is_left_out_of_full_collections() -> None:
    # In a fresh process (this one's collector is not changed): after freeze_heap()
    # everything loaded is in the permanent generation, and a full collection walks
    # only what was allocated since.
    import subprocess
    import sys

    script = (
        "import django, gc; django.setup()\n"
        "import fasit.urls\n"
        "from fasit.core.management.commands.fasit_serve import freeze_heap\n"
        "before = len(gc.get_objects())\n"
        "freeze_heap()\n"
        "print(before, gc.get_freeze_count(), len(gc.get_objects()))\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "fasit.settings", "FASIT_WEB_GC_FREEZE": "1"}
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    ).stdout.split()
    before, frozen, tracked = (int(x) for x in out[-3:])
    assert frozen > 0.9 * before
    assert tracked < 0.01 * before

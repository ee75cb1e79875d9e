"""``fasit serve``: Fasit behind gunicorn's threaded workers.

waitress runs the whole application in one process, so Python used one of the machine's
cores however many requests waited (bench/bench_http.py: 30 API pages a second on two
cores). gunicorn forks ``FASIT_WEB_WORKERS`` processes (default: one per core) with
``FASIT_WEB_THREADS`` threads each, and restarts a worker stuck longer than
``FASIT_WEB_TIMEOUT`` seconds. Background tasks run in a separate ``fasit worker``
process that ``serve`` starts and stops with it (threads would not survive the fork).
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from fasit.core.warmup import warm_process


def parse_addr(addr: str) -> tuple[str, int]:
    host, _, port = addr.rpartition(":")
    try:
        return host or "127.0.0.1", int(port)
    except ValueError:
        raise CommandError(f"--addr {addr!r} is not HOST:PORT") from None


def freeze_heap() -> None:
    """Move every object alive now into the collector's permanent generation.

    A full (generation 2) collection walks every tracked object of the process: with
    the application and the teams' signal indexes loaded that took 155-295 ms of CPU
    (0.25-1.8 s of wall time on a busy machine) at ``--scale 100``, about once a minute
    per worker under load, and every thread of the worker waits for it with the GIL
    held: the longest tails of the API lists (docs/operations.md, "Collector pauses";
    3-10 ms once frozen). These objects
    live as long as the process; frozen, they are still freed by reference counting
    when let go (an index dropped after a delete leaves no cycle: measured), the
    collector just no longer walks them. ``FASIT_WEB_GC_FREEZE=0`` turns it off."""
    if not settings.FASIT_WEB_GC_FREEZE:
        return
    gc.collect()
    gc.freeze()


def _freeze_before_fork(server: Any, worker: Any) -> None:
    """In gunicorn's master before each fork: what it imported (Django, the app) starts
    frozen in every worker, and no worker's collection writes to those pages (they stay
    shared, copy-on-write)."""
    if settings.FASIT_WEB_GC_FREEZE:
        gc.freeze()


def _warm_signal_indexes(worker: Any) -> None:
    """As a worker starts, before it accepts a connection: first build what its first
    requests would (``core.warmup.warm_process``: every template compiled, each
    language's catalogue, formats and URL names, the zones; ~20 ms of a fresh
    process's first pages otherwise), then each team's market-signal index in the
    background, so the first statement added after a restart does not wait for it (at
    100,000 statements a build is about 20 s of CPU; docs/signals.md). The first worker
    builds and writes each team's index file, the others load it
    (``FASIT_SIGNALS_INDEX_DIR``). In a server's worker (``worker`` given: the hook is
    also called bare, in tests) the heap is then frozen (``freeze_heap``): the indexes
    are most of it."""
    if worker is not None:
        warm_process()
    if not settings.FASIT_SIGNALS_WARM:
        if worker is not None:
            freeze_heap()
        return
    import threading

    from django.db import connections

    from fasit.signals.index import warm_all

    def warm() -> None:
        try:
            warm_all()
        finally:
            connections.close_all()  # this thread's connections
            if worker is not None:
                freeze_heap()

    threading.Thread(target=warm, name="fasit-signals-warm", daemon=True).start()


def _gunicorn_app(bind: str) -> Any:
    from gunicorn.app.base import BaseApplication

    from fasit.wsgi import application

    class FasitApplication(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            options = {
                "bind": bind,
                "workers": settings.FASIT_WEB_WORKERS,
                "worker_class": "gthread",
                "threads": settings.FASIT_WEB_THREADS,
                "timeout": settings.FASIT_WEB_TIMEOUT,
                "graceful_timeout": 10,
                # Kept-alive clients wait on the worker's poller, not in a thread; a
                # request whose client has gone is dropped before it runs (shedding).
                "worker_connections": settings.FASIT_WEB_CONNECTIONS,
                # FASIT_WEB_REUSE_PORT=1: each worker listens on its own socket and the
                # kernel spreads new connections over them by address; on one shared
                # socket whichever worker wakes first takes them (docs/operations.md).
                "reuse_port": settings.FASIT_WEB_REUSE_PORT,
                "accesslog": None,
                "errorlog": "-",
                "proc_name": "fasit",
                "pre_fork": _freeze_before_fork,
                "post_worker_init": _warm_signal_indexes,
            }
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    return FasitApplication()


def serve(addr: str, *, worker: bool, stdout: Any) -> None:
    host, port = parse_addr(addr)
    task_worker = (
        subprocess.Popen([sys.executable, "-m", "fasit.cli", "worker"], env=os.environ.copy())
        if worker
        else None
    )
    stdout.write(
        f"Fasit is serving on http://{host}:{port}/  ({settings.FASIT_WEB_WORKERS} workers × "
        f"{settings.FASIT_WEB_THREADS} threads; Ctrl+C stops it)\n"
    )
    stdout.flush()
    try:
        _gunicorn_app(f"{host}:{port}").run()
    finally:
        if task_worker is not None:
            task_worker.terminate()
            try:
                task_worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                task_worker.kill()


class Command(BaseCommand):
    help = "Run pending migrations and serve Fasit (gunicorn) with a background task worker."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--addr", default="127.0.0.1:8000", help="HOST:PORT (default 127.0.0.1:8000)"
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Do not start a background task worker (run `fasit worker` instead).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        serve(options["addr"], worker=not options["no_worker"], stdout=self.stdout)

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser


def parse_addr(addr: str) -> tuple[str, int]:
    host, _, port = addr.rpartition(":")
    try:
        return host or "127.0.0.1", int(port)
    except ValueError:
        raise CommandError(f"--addr {addr!r} is not HOST:PORT") from None


def serve(addr: str, *, worker: bool, stdout: Any) -> None:
    from waitress import serve as waitress_serve

    from fasit.core.worker import start_background_worker
    from fasit.wsgi import application

    host, port = parse_addr(addr)
    if worker:
        start_background_worker()
    stdout.write(f"Fasit is serving on http://{host}:{port}/  (Ctrl+C stops it)\n")
    waitress_serve(application, host=host, port=port, threads=8, ident="fasit")


class Command(BaseCommand):
    help = "Run pending migrations and serve Fasit with waitress."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--addr", default="127.0.0.1:8000", help="HOST:PORT (default 127.0.0.1:8000)"
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Do not run background tasks in this process (run `fasit worker` instead).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        serve(options["addr"], worker=not options["no_worker"], stdout=self.stdout)

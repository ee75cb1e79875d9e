from __future__ import annotations

import resource
import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from fasit.core.db import refresh_statistics
from fasit.core.demo.generator import DEMO_PASSWORD, DEMO_USERS, DemoExists, delete_demo, seed_demo
from fasit.core.management.commands.fasit_serve import parse_addr, serve


class Command(BaseCommand):
    help = "Migrate, seed the demo team and serve it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="Seed only; do not serve.")
        parser.add_argument("--seed", type=int, default=7, help="Random seed (default 7).")
        parser.add_argument("--scale", type=int, default=1, help="Multiply the data (default 1).")
        parser.add_argument(
            "--reset", action="store_true", help="Delete the demo team and seed it again."
        )
        parser.add_argument(
            "--addr", default="127.0.0.1:8000", help="HOST:PORT (default 127.0.0.1:8000)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        parse_addr(options["addr"])  # a bad address fails before minutes of seeding
        call_command("migrate", interactive=False, verbosity=0)
        if options["reset"]:
            delete_demo()
        started, cpu_started = time.monotonic(), time.process_time()
        try:
            result = seed_demo(
                seed=options["seed"],
                scale=options["scale"],
                # The elapsed time on each line: a run stopped half-way still shows
                # where its time went.
                log=lambda message: self.stdout.write(
                    f"  [{time.monotonic() - started:7.1f} s] seeding {message}"
                ),
            )
        except DemoExists:
            self.stdout.write("The demo team is already there (use --reset to seed it again).")
        else:
            seeded = time.monotonic()
            refresh_statistics(vacuum=True)
            analysed = time.monotonic()
            counts = ", ".join(f"{n} {what}" for what, n in result.counts.items())
            self.stdout.write(f"Seeded: {counts}.")
            # Where the time went: wall time per step next to this process's CPU (the
            # rest is waiting for the database or for a busy machine).
            self.stdout.write(f"  {'step':<32} {'wall s':>8} {'cpu s':>8} {'statements':>10}")
            steps = sum(wall for _s, wall, _c, _n in result.timings)
            for step, wall, cpu, statements in result.timings:
                self.stdout.write(f"  {step:<32} {wall:8.1f} {cpu:8.1f} {statements:>10,}")
            self.stdout.write(f"  {'commit and the rest':<32} {seeded - started - steps:8.1f}")
            self.stdout.write(f"  {'statistics (VACUUM ANALYZE)':<32} {analysed - seeded:8.1f}")
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            self.stdout.write(
                f"  {'total':<32} {analysed - started:8.1f} "
                f"{time.process_time() - cpu_started:8.1f}   peak memory {peak:.0f} MiB"
            )
        host, port = parse_addr(options["addr"])
        self.stdout.write(f"\nOpen http://{host}:{port}/ and log in as (password {DEMO_PASSWORD}):")
        for username, first, last, role, country in DEMO_USERS:
            where = f", sells in {country}" if country else ""
            self.stdout.write(f"  {username:<6} {first} {last} – {role.label}{where}")
        if not options["no_serve"]:
            serve(options["addr"], worker=True, stdout=self.stdout)

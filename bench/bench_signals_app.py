"""Adding one statement through the application (service, database, cached index).

The engine benchmark (bench_signals.py) measures grouping alone; this one measures
what a seller waits for when keeping a statement in a team that already has N:
``statement_create`` with its row writes, theme update and audit record, on SQLite
in a temporary data dir. It prints p50/p95 over the adds, wall clock and CPU time of
this process (on a shared machine the CPU figure is the fair one); no assertions.
Before them: the first add after a restart without a warm-up (the index is built for
it), the background warm-up and the first add after it, and adds made after another
process's add (replayed from the log).

    .venv/bin/python bench/bench_signals_app.py [N ...] [--adds=200] [--sql] [--reuse] [--no-cold] [--data-dir=PATH]   # default N: 10000 100000

With ``DATABASE_URL`` set it runs on that database instead (PostgreSQL: give it a
database of its own; each run adds a team). It also prints the SQL statements one add
sends (``--sql`` lists them, and on PostgreSQL the server's CPU by statement). The
server's CPU is read from ``/proc/PID/schedstat`` of the connection's backend, so the
bench must run on the database's machine; it prints this process's CPU plus the
server's, add by add. ``--reuse`` keeps the seeded team (slug ``bench-N-reuse``) for
the next run with ``--reuse``, which then skips the seed and regroup (its adds stay in
the team: each run adds a few hundred statements to it). ``--no-cold`` leaves out the
first add after a restart without a warm-up (a second build of the whole index).
"""

from __future__ import annotations

import copy
import importlib.util
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _setup_django(data_dir: str) -> None:
    os.environ["FASIT_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fasit.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _engine_generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_signals", HERE / "bench_signals.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.generate


SHOW_SQL = False
REUSE = False
NO_COLD = False


def run(n: int, adds: int = 200, replays: int = 5) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from fasit.conversations.models import Conversation
    from fasit.customers.models import Account
    from fasit.engine.signals.analysis import _NO_HEADS
    from fasit.signals import index as signal_index
    from fasit.signals.models import Statement, Theme
    from fasit.signals.services import signals_regroup, statement_create
    from fasit.tenancy.models import Team

    generate = _engine_generator()
    synthetic = generate(n + 2 + 2 * replays + adds + 1)
    stamp = time.strftime("%H%M%S")
    slug = f"bench-{n}-reuse" if REUSE else f"bench-{n}-{stamp}"
    team = Team.objects.filter(slug=slug).first()
    started = time.perf_counter()
    if team is not None:
        # --reuse: the team seeded by an earlier run (with that run's adds in it too).
        account_ids = {a.name: a for a in Account.objects.filter(team=team)}
        conversation_of = {
            c.account_id: c
            for c in Conversation.objects.filter(team=team).select_related("account")
        }
        themes = Theme.objects.filter(team=team).count()
    else:
        team = Team.objects.create(name=f"Bench {n} {stamp}", slug=slug)
        accounts = {}
        for s in synthetic:
            accounts.setdefault(s.account, None)
        created = Account.objects.bulk_create(
            [Account(team=team, name=a) for a in accounts], batch_size=2000
        )
        account_ids = {a.name: a for a in created}
        conversations = Conversation.objects.bulk_create(
            [Conversation(team=team, account=a, occurred_at=timezone.now()) for a in created],
            batch_size=2000,
        )
        conversation_of = {c.account_id: c for c in conversations}
        Statement.objects.bulk_create(
            [
                Statement(
                    team=team,
                    conversation=conversation_of[account_ids[s.account].pk],
                    account=account_ids[s.account],
                    text=s.text,
                    language=s.language or "en",
                    said_on=s.date,
                )
                for s in synthetic[:n]
            ],
            batch_size=5000,
        )
        themes = signals_regroup(team=team)
    seeded = time.perf_counter() - started

    backend_cpu = _backend_cpu(connection)
    backend: list[float] = []

    def add(s) -> tuple[float, float]:  # type: ignore[no-untyped-def]
        conversation = conversation_of[account_ids[s.account].pk]
        b0 = backend_cpu()
        t0, c0 = time.perf_counter(), time.process_time()
        statement_create(
            team=team, actor=None, conversation=conversation, text=s.text, language=s.language
        )
        wall, cpu = (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000
        backend.append(backend_cpu() - b0)
        return wall, cpu

    # A restart with no warm-up: the first add builds the index (outside its transaction).
    signal_index.reset()
    cold, cold_cpu = add(synthetic[n]) if not NO_COLD else (0.0, 0.0)
    # A restart as `fasit serve` does it: the worker warms the index in the background
    # (timed here in the foreground), and the first add finds it ready.
    signal_index.reset()
    w0, wc0 = time.perf_counter(), time.process_time()
    signal_index.warm_all()
    warm, warm_cpu = time.perf_counter() - w0, time.process_time() - wc0
    warm_first, warm_first_cpu = add(synthetic[n + 1])
    # Another process added one statement since this one's last write: the add replays
    # it from the log (the other process is played by a copy of the index one add behind).
    replay = []
    # The cache's key for the team (main before sigadd9 kept it by the team's id).
    slot = signal_index.team_key(team) if hasattr(signal_index, "team_key") else team.pk
    for s, other in zip(
        synthetic[n + 2 : n + 2 + replays], synthetic[n + 2 + replays :], strict=False
    ):
        version, index = signal_index._cache[slot]
        shared = (index._lexicon, _NO_HEADS)  # read-only, shared by every index
        behind = copy.deepcopy(index, {id(x): x for x in shared})
        add(other)
        signal_index._cache[slot] = (version, behind)
        replay.append(add(s))
    replay_cpu = sorted(c for _, c in replay)
    replay_wall = sorted(w for w, _ in replay)
    print(
        f"N={n:>7,}  restart, no warm-up: first add {cold:7.0f} ms wall, {cold_cpu:7.0f} ms CPU;  "
        f"warm-up {warm:5.1f} s wall, {warm_cpu:5.1f} s CPU, then first add {warm_first:5.1f} ms wall, "
        f"{warm_first_cpu:5.1f} ms CPU;  add after another process's add (replayed): "
        f"median {statistics.median(replay_wall):5.1f} ms wall, {statistics.median(replay_cpu):5.1f} ms CPU "
        f"({len(replay)} adds)"
    )
    timings = []
    cpu = []
    backend.clear()
    for s in synthetic[n + 2 + 2 * replays : -1]:
        wall_ms, cpu_ms = add(s)
        cpu.append(cpu_ms)
        timings.append(wall_ms)
    cpu_each = list(cpu)
    with CaptureQueriesContext(connection) as sent:
        add(synthetic[-1])
    statements = [q["sql"] for q in sent.captured_queries]
    timings.sort()
    cpu.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    cpu95 = cpu[int(len(cpu) * 0.95) - 1]
    print(
        f"N={n:>7,}  seed+regroup {seeded:6.1f} s  themes {themes:,}  "
        f"add p50 {statistics.median(timings):5.1f} ms  p95 {p95:5.1f} ms wall, "
        f"CPU p50 {statistics.median(cpu):5.1f} ms  p95 {cpu95:5.1f} ms  ({len(timings)} adds)  "
        f"{connection.vendor}, {len(statements)} SQL statements in the last add"
    )
    if connection.vendor == "postgresql":
        # This process's CPU and the server process's CPU, add by add (the server's from
        # /proc/PID/schedstat in nanoseconds: the bench must run on the database's machine).
        server_each = backend[: len(cpu_each)]
        server = sorted(server_each)
        both = sorted(a + b for a, b in zip(cpu_each, server_each, strict=True))
        print(
            f"N={n:>7,}  PostgreSQL server process CPU per add (same machine): "
            f"p50 {statistics.median(server):5.2f} ms  p95 {server[int(len(server) * 0.95) - 1]:5.2f} ms  "
            f"mean {statistics.mean(server):5.2f} ms;  app + server CPU per add: "
            f"p50 {statistics.median(both):5.1f} ms  p95 {both[int(len(both) * 0.95) - 1]:5.1f} ms"
        )
    if SHOW_SQL:
        for sql in statements:
            print("   ", sql[:160])
        if connection.vendor == "postgresql":
            _profile_statements(
                n, connection, backend_cpu, add, synthetic[n + 2 + 2 * replays : -1][:200]
            )


def _profile_statements(n, connection, backend_cpu, add, again) -> None:  # type: ignore[no-untyped-def]
    """The server's CPU by SQL statement, over adds made again with the same texts
    (``--sql`` on PostgreSQL): each statement's server time is read before and after it."""
    spent: dict[str, list[float]] = {}

    def timed(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        b0 = backend_cpu()
        try:
            return execute(sql, params, many, context)
        finally:
            shape = " ".join(sql.split()[:4])[:70]
            spent.setdefault(shape, []).append(backend_cpu() - b0)

    with connection.execute_wrapper(timed):
        for s in again:
            add(s)
    total = sum(sum(v) for v in spent.values())
    print(
        f"N={n:>7,}  server CPU by statement over {len(again)} adds (mean per add, ms; all {total / len(again):.2f}):"
    )
    for shape, times in sorted(spent.items(), key=lambda kv: -sum(kv[1])):
        print(f"    {sum(times) / len(again):6.3f}  x{len(times) / len(again):4.2f}  {shape}")


def _backend_cpu(connection):  # type: ignore[no-untyped-def]
    """A function giving the CPU ms the database server process of this connection
    used so far (PostgreSQL on this machine, from /proc), or 0 (SQLite runs in this
    process: its work is in the process's own CPU time)."""
    if connection.vendor != "postgresql":
        return lambda: 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    tick = os.sysconf("SC_CLK_TCK")

    def read() -> float:
        # schedstat's first field is the time the process ran, in nanoseconds; /proc/PID/stat
        # counts clock ticks (10 ms), too coarse for one add.
        try:
            return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e6
        except (OSError, ValueError, IndexError):
            pass
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) * 1000 / tick

    return read


def main(argv: list[str]) -> int:
    global SHOW_SQL, REUSE, NO_COLD
    NO_COLD = "--no-cold" in argv
    SHOW_SQL = "--sql" in argv
    REUSE = "--reuse" in argv
    adds = [int(a.split("=", 1)[1]) for a in argv if a.startswith("--adds=")] or [200]
    sizes = [int(a) for a in argv if not a.startswith("--")] or [10_000, 100_000]
    kept = [a.split("=", 1)[1] for a in argv if a.startswith("--data-dir=")]
    with tempfile.TemporaryDirectory() as data_dir:
        # --data-dir=PATH: SQLite in a directory that outlives the run (for --reuse).
        _setup_django(kept[-1] if kept else data_dir)
        for n in sizes:
            run(n, adds=adds[-1])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

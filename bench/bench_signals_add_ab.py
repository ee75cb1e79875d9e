"""One add before and after add11, alternated add by add in one process.

``main``'s ``services._add`` (e29d5d0: the theme row read through the ORM, the replay-log
row and the audit record as model saves) and the current one take turns in the order
A B B A on the same team and the same cached index, so both see the same load on a
shared machine. It prints this process's CPU per add, the database server's (PostgreSQL
on this machine, from ``/proc/PID/schedstat``) and their sum, p50 and p95.

Needs a team seeded by ``bench_signals_app.py N --reuse`` (slug ``bench-N-reuse``):

    DATABASE_URL=postgres://… .venv/bin/python bench/bench_signals_add_ab.py [N] [--adds=800]
    .venv/bin/python bench/bench_signals_add_ab.py [N] --data-dir=PATH   # SQLite
"""

from __future__ import annotations

import importlib.util
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    options = dict(a[2:].split("=", 1) for a in argv if a.startswith("--") and "=" in a)
    n = int(next((a for a in argv if not a.startswith("--")), "100000"))
    adds = int(options.get("adds", "800"))
    os.environ["FASIT_DATA_DIR"] = options.get("data-dir") or tempfile.mkdtemp()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fasit.settings")
    import django

    django.setup()
    from django.db import connection

    from fasit.conversations.models import Conversation
    from fasit.core.audit import audit_create
    from fasit.customers.models import Account
    from fasit.signals import index as signal_index
    from fasit.signals import services
    from fasit.signals.models import IndexAdd, Theme
    from fasit.tenancy.models import Team

    spec = importlib.util.spec_from_file_location("bench_signals", HERE / "bench_signals.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    # The statements bench_signals_app.py adds after the seed (its default 600 adds).
    synthetic = module.generate(n + 2 + 10 + 600 + 1)
    pool = synthetic[n + 12 : n + 612]
    team = Team.objects.get(slug=f"bench-{n}-reuse")
    accounts = {a.name: a for a in Account.objects.filter(team=team)}
    conversations = {
        c.account_id: c for c in Conversation.objects.select_related("account").filter(team=team)
    }

    def old_add(team: Any, actor: Any, statement: Any, account: Any) -> Any:
        state = signal_index.locked_state(team, reserve_statement_id=True)
        index = signal_index.checkout(team, state)
        reserved = state.statement_id  # type: ignore[attr-defined]
        if reserved is None:
            statement.save()
        else:
            statement.pk = reserved
        group = signal_index.independent_key(account.pk, {account.pk: account.group_root.pk})
        row = {f: getattr(statement, f) for f in signal_index.STATEMENT_FIELDS}
        key = index.add(signal_index.engine_statement(row, {}, group))
        existing = Theme.objects.for_team(team).filter(key=key).first()
        if existing is None or services._relabel_due(existing.statement_count + 1):
            rows = {key: existing} if existing is not None else {}
            statement.theme = services._sync_themes(team, index, [key], rows)[key]
        else:
            statement.theme = services._sync_joined(team, index, existing, statement)
        if reserved is None:
            statement.save(update_fields=["theme"])
        else:
            statement.save(force_insert=True)
        signal_index.checkin(team, state, index)
        IndexAdd.objects.create(
            team=team, version=state.version, statement=statement, theme_key=key, group=group
        )
        if state.version % signal_index.LOG_PRUNE_EVERY == 0:
            IndexAdd.objects.filter(
                team=team, version__lte=state.version - signal_index.LOG_KEEP
            ).delete()
        audit_create(team=team, actor=actor, instance=statement)
        return statement

    new_add = services._add
    server = _server_cpu(connection)

    def add(s: Any) -> None:
        services.statement_create(
            team=team,
            actor=None,
            conversation=conversations[accounts[s.account].pk],
            text=s.text,
            language=s.language,
        )

    started = time.process_time()
    signal_index.warm(team)
    print(f"warm-up {time.process_time() - started:.1f} s CPU", flush=True)
    for s in pool[:10]:
        add(s)
    figures: dict[str, tuple[list[float], list[float]]] = {"main": ([], []), "add11": ([], [])}
    order = ["main", "add11", "add11", "main"]
    for i in range(adds):
        variant = order[i % 4]
        services._add = old_add if variant == "main" else new_add  # type: ignore[assignment]
        b0, c0 = server(), time.process_time()
        add(pool[i % len(pool)])
        c1, b1 = time.process_time(), server()
        figures[variant][0].append((c1 - c0) * 1000)
        figures[variant][1].append(b1 - b0)
    services._add = new_add  # type: ignore[assignment]
    print(
        f"{connection.vendor}, N={n:,}, {adds} adds alternated A B B A, "
        f"load {os.getloadavg()[0]:.1f}"
    )
    for variant, (app, db) in figures.items():
        both = [a + b for a, b in zip(app, db, strict=True)]
        print(
            f"  {variant:6s} app CPU p50 {statistics.median(app):5.2f} p95 {_p95(app):5.2f} | "
            f"server p50 {statistics.median(db):5.2f} p95 {_p95(db):5.2f} "
            f"mean {statistics.mean(db):5.2f} | app+server p50 {statistics.median(both):5.2f} "
            f"p95 {_p95(both):5.2f} ms"
        )
    return 0


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[int(len(ordered) * 0.95) - 1]


def _server_cpu(connection: Any) -> Any:
    if connection.vendor != "postgresql":
        return lambda: 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    stat = Path(f"/proc/{pid}/schedstat")
    return lambda: int(stat.read_text().split()[0]) / 1e6


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

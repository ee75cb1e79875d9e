"""Database housekeeping shared by the bulk loaders (the demo seed, imports)."""

from __future__ import annotations

from django.db import connection

# Below this many rows written, the planner's statistics are still good enough and
# ANALYZE (which samples every table) would cost more than it saves.
ANALYZE_AFTER_ROWS = 1000


def refresh_statistics() -> None:
    """Let PostgreSQL's planner see the data a bulk load just wrote.

    PostgreSQL plans from the statistics ANALYZE collects, and autovacuum gets to a
    freshly loaded table only later: right after the demo seed the signals board for
    one country took 719 ms instead of 104 ms at scale 100, planned as if the tables
    were empty. SQLite is left alone on purpose: without ``sqlite_stat1`` it plans
    from its index heuristics, which the pages' indexes were chosen and measured
    against (docs/development.md).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

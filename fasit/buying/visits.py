"""Per-stage visit counts (``StageVisitCount``) kept in step with the stage history.

The invariant: a team's rows sum, key by key, to what ``_grouped`` counts from its
stage changes. The services that change a journey's visits (a stage change, an
outcome, a removed stage) run inside ``kept(journeys)``: the journeys' visits are
counted before and after the write and only the difference is applied, a query over
a few changes instead of the team's history. A journey deleted by any path (its
account's deletion too) takes its visits with it (``receivers``). Code that writes
the history without the services (the demo, a team import) ends with
``link_visits``, which outside ``kept`` recounts the whole team.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import connection
from django.db.models import F

from fasit.buying.models import BuyingProcess, Journey, StageChange, StageVisitCount

# (team, process, stage, days, outcome, entered_on)
Key = tuple[int, int, int, int | None, str, dt.date | None]

_keeping: ContextVar[bool] = ContextVar("buying_visits_keeping", default=False)


def _days_sql() -> str:
    if connection.vendor == "postgresql":
        return "c.left_on - c.changed_on"
    return "CAST(julianday(c.left_on) - julianday(c.changed_on) AS INTEGER)"


def _select(where: str) -> str:
    """The visits of the journeys ``where`` selects, grouped by the tally's key: a
    completed visit by its length, an open one by its journey's outcome and first day.
    A change to no stage (a removed one) ends the visit before it and starts none."""
    return f"""
        SELECT j.team_id, j.process_id, c.to_stage_id,
               CASE WHEN c.left_on IS NOT NULL THEN {_days_sql()} END,
               CASE WHEN c.left_on IS NULL THEN j.outcome ELSE '' END,
               CASE WHEN c.left_on IS NULL THEN c.changed_on END,
               COUNT(*)
        FROM {Journey._meta.db_table} j
        JOIN {StageChange._meta.db_table} c ON c.journey_id = j.id
        WHERE {where} AND c.to_stage_id IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5, 6
    """  # noqa: S608 - table names from the models, the condition from this module


def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _grouped(journey_ids: list[int]) -> dict[Key, int]:
    if not journey_ids:
        return {}
    sql = _select(f"j.id IN ({', '.join(['%s'] * len(journey_ids))})")
    with connection.cursor() as cursor:
        cursor.execute(sql, journey_ids)
        return {
            (team, process, stage, days, outcome, _as_date(entered)): n
            for team, process, stage, days, outcome, entered, n in cursor.fetchall()
        }


def _apply(delta: dict[Key, int]) -> None:
    for (team, process, stage, days, outcome, entered), n in delta.items():
        if not n:
            continue
        rows = StageVisitCount.objects.filter(
            team_id=team,
            process_id=process,
            stage_id=stage,
            days=days,
            outcome=outcome,
            entered_on=entered,
        )
        if not rows.update(n=F("n") + n):
            StageVisitCount.objects.create(
                team_id=team,
                process_id=process,
                stage_id=stage,
                days=days,
                outcome=outcome,
                entered_on=entered,
                n=n,
            )
        # Keys nobody is counted under any more (a day's open visits all moved on)
        # would otherwise pile up.
        rows.filter(n=0).delete()


def _ids(journeys: Iterable[Any]) -> list[int]:
    return sorted({j if isinstance(j, int) else j.pk for j in journeys})


@contextmanager
def kept(journeys: Iterable[Any]) -> Iterator[None]:
    """Run a write that changes these journeys' visits, then bring the counts in step
    with what it did. The journeys must exist before and after (a deleted one is the
    receiver's). Inside a transaction: the journeys' rows stay locked until it ends."""
    ids = _ids(journeys)
    # Writers of the same process take turns (PostgreSQL; SQLite writes one at a time
    # anyway). Under READ COMMITTED two writers of one journey would otherwise both
    # count "before" without the other's change, and two of one process could both
    # find no row for a key they share and each create one, which later changes then
    # update twice. Processes first, then journeys, always in id order: no deadlock.
    processes = sorted(set(Journey.objects.filter(pk__in=ids).values_list("process_id", flat=True)))
    list(
        BuyingProcess.objects.select_for_update()
        .filter(pk__in=processes)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    list(
        Journey.objects.select_for_update()
        .filter(pk__in=ids)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    before = _grouped(ids)
    token = _keeping.set(True)
    try:
        yield
    finally:
        _keeping.reset(token)
    after = _grouped(ids)
    _apply({key: after.get(key, 0) - before.get(key, 0) for key in {*before, *after}})


def keeping() -> bool:
    """Whether a ``kept`` block will bring the counts in step after this write."""
    return _keeping.get()


def forget_journey(journey_id: int) -> None:
    """Take a journey's visits out of the counts; called before its deletion."""
    _apply({key: -n for key, n in _grouped([journey_id]).items()})


def recount(team_ids: Iterable[int]) -> None:
    """Count these teams' visits again from their whole stage history."""
    ids = sorted(set(team_ids))
    if not ids:
        return
    StageVisitCount.objects.filter(team_id__in=ids).delete()
    table = StageVisitCount._meta.db_table
    sql = f"""
        INSERT INTO {table} (team_id, process_id, stage_id, days, outcome, entered_on, n)
        {_select(f"j.team_id IN ({', '.join(['%s'] * len(ids))})")}
    """  # noqa: S608 - table names from the models, values bound
    with connection.cursor() as cursor:
        cursor.execute(sql, ids)


def counted(
    team_id: int,
    process_ids: list[int],
    *,
    open_visits: bool = True,
    dates_of: str | None = None,
) -> list[tuple]:
    """(process, stage, days, outcome, entered_on, n) rows of the team's processes;
    ``days`` is None for an open visit. Only completed ones with ``open_visits=False``.
    With ``dates_of``, open visits of journeys with another outcome are summed without
    their first day (``entered_on`` None): at scale 100 that leaves ~45 rows of ~1,900.

    Plain SQL: the rows are many and small, and the ORM's per-row conversion was most
    of their cost."""
    if not process_ids:
        return []
    marks = ", ".join(["%s"] * len(process_ids))
    entered = "entered_on"
    params: list[Any] = []
    if dates_of is not None:
        entered = "CASE WHEN days IS NULL AND outcome = %s THEN entered_on END"
        params.append(dates_of)
    params += [team_id, *process_ids]
    sql = f"""
        SELECT process_id, stage_id, days, outcome, {entered}, SUM(n)
        FROM {StageVisitCount._meta.db_table}
        WHERE team_id = %s AND process_id IN ({marks}) AND n <> 0
        {"" if open_visits else "AND days IS NOT NULL"}
        GROUP BY 1, 2, 3, 4, 5
    """  # noqa: S608 - table name from the model, values bound
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [
            (process, stage, days, outcome, _as_date(entered_on), int(n))
            for process, stage, days, outcome, entered_on, n in cursor.fetchall()
        ]

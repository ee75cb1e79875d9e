"""Per-theme motive counts (``MotiveThemeCount``) kept in step with the motives.

The invariant: a process's rows are, theme by theme, what ``from_motives`` counts
from its journeys' motives. A count is not a sum that a write can change by a
difference (the accounts are distinct, the wordings the newest three), so a write
counts the themes it touched again, a process's motives about one theme (a few
hundred at scale 100) rather than the team's:

- the services that add or remove a motive (``services.motive_add``/``motive_remove``),
  in their transaction;
- a journey deleted by any path (its account's deletion too) takes its motives with
  it (``receivers``);
- writes that change motives without the services (the admin's inline, the demo, a
  team import, an erasure that scrubs their words, an account merge that makes two
  accounts one) end with ``recount`` of the team or of the journeys' processes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.db import connection, transaction

from fasit.buying.models import BuyingProcess, Journey, Motive, MotiveThemeCount

# (process, theme) -> (motives, accounts, newest motive id, wordings newest first)
Counted = dict[tuple[int, str], tuple[int, int, int, list[str]]]

EXAMPLES = 3


def from_motives(process_ids: Sequence[int], themes: Sequence[str] | None = None) -> Counted:
    """Each theme's counts of these processes, from the motives themselves: two grouped
    statements (the insight page ran them on each first request before)."""
    if not process_ids:
        return {}
    where = f"j.process_id IN ({', '.join(['%s'] * len(process_ids))})"
    params: list[Any] = list(process_ids)
    if themes is not None:
        if not themes:
            return {}
        where += f" AND m.theme IN ({', '.join(['%s'] * len(themes))})"
        params += list(themes)
    motive, journey = Motive._meta.db_table, Journey._meta.db_table
    counts_sql = f"""
        SELECT j.process_id, m.theme, COUNT(m.id), COUNT(DISTINCT j.account_id), MAX(m.id)
        FROM {motive} m JOIN {journey} j ON j.id = m.journey_id
        WHERE {where}
        GROUP BY j.process_id, m.theme
    """  # noqa: S608 - table names from the models, values bound
    # The newest occurrence of each wording ranks it within its theme.
    examples_sql = f"""
        SELECT process_id, theme, text FROM (
            SELECT j.process_id AS process_id, m.theme AS theme, m.text AS text,
                   ROW_NUMBER() OVER (
                       PARTITION BY j.process_id, m.theme ORDER BY MAX(m.id) DESC
                   ) AS pos
            FROM {motive} m JOIN {journey} j ON j.id = m.journey_id
            WHERE {where}
            GROUP BY j.process_id, m.theme, m.text
        ) wordings
        WHERE pos <= {EXAMPLES}
        ORDER BY process_id, theme, pos
    """  # noqa: S608 - table names from the models, values bound
    examples: dict[tuple[int, str], list[str]] = defaultdict(list)
    with connection.cursor() as cursor:
        cursor.execute(counts_sql, params)
        per_theme = cursor.fetchall()
        cursor.execute(examples_sql, params)
        for process_id, theme, text in cursor.fetchall():
            examples[(process_id, theme)].append(text)
    return {
        (process_id, theme): (int(n), int(accounts), int(last), examples[(process_id, theme)])
        for process_id, theme, n, accounts, last in per_theme
    }


def lock(process_ids: Iterable[int]) -> dict[int, int]:
    """Lock these processes' rows (in id order) until the transaction ends; their teams.

    Writers of one process take turns (PostgreSQL; SQLite writes one at a time anyway):
    under READ COMMITTED two of them could each count without the other's motive and
    both keep a row for the theme. A write takes the lock before it changes a motive or
    journey (``kept``, the journey receiver), in the order ``visits.kept`` takes its
    locks (process, then journeys), so the two do not deadlock."""
    return dict(
        BuyingProcess.objects.select_for_update()
        .filter(pk__in=sorted(set(process_ids)))
        .order_by("pk")
        .values_list("pk", "team_id")
    )


@contextmanager
def kept(process_ids: Iterable[int], themes: Iterable[str] | None = None) -> Iterator[None]:
    """Run a write that changes motives of these processes (about these themes), then
    count those themes again. Inside a transaction."""
    ids = sorted(set(process_ids))
    lock(ids)
    yield
    refresh(ids, themes)


@transaction.atomic
def refresh(process_ids: Iterable[int], themes: Iterable[str] | None = None) -> None:
    """Count these processes' motives about these themes (default: all) again. Inside
    the caller's transaction; the processes' rows stay locked until it ends."""
    ids = sorted(set(process_ids))
    if not ids:
        return
    chosen = None if themes is None else sorted(set(themes))
    teams = lock(ids)
    ids = [pk for pk in ids if pk in teams]
    stale = MotiveThemeCount.objects.filter(process__in=ids)
    if chosen is not None:
        stale = stale.filter(theme__in=chosen)
    stale.delete()
    MotiveThemeCount.objects.bulk_create(
        MotiveThemeCount(
            team_id=teams[process_id],
            process_id=process_id,
            theme=theme,
            motives=n,
            accounts=accounts,
            last_id=last,
            examples=examples,
        )
        for (process_id, theme), (n, accounts, last, examples) in from_motives(ids, chosen).items()
    )


def refresh_journeys(journeys: Iterable[Any]) -> None:
    """Count the processes of these journeys again (all themes)."""
    ids = sorted({j if isinstance(j, int) else j.pk for j in journeys})
    refresh(Journey.objects.filter(pk__in=ids).values_list("process_id", flat=True).distinct())


def recount(team_ids: Iterable[int]) -> None:
    """Count these teams' motives again, every process."""
    refresh(
        BuyingProcess.objects.filter(team__in=sorted(set(team_ids))).values_list("pk", flat=True)
    )


def counted(team_id: int, process_ids: Sequence[int]) -> Counted:
    """The kept counts of the team's processes."""
    return {
        (process_id, theme): (n, accounts, last, list(examples))
        for process_id, theme, n, accounts, last, examples in MotiveThemeCount.objects.filter(
            team_id=team_id, process__in=process_ids, motives__gt=0
        ).values_list("process_id", "theme", "motives", "accounts", "last_id", "examples")
    }

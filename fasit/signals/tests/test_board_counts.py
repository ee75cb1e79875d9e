"""The board's counts and quotes come from the database's grouping and each theme's
newest statements (selectors.board, attach_evidence). They must be exactly what the
earlier computation gave, which read every filtered statement into Python twice:
that computation is kept here as the reference, on a team built to exercise it
(corporate groups three deep, weak evidence, equal dates, more candidates than a theme
reads, filters, a dismissed theme, statements outside any theme, another team)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Max, Q
from django.urls import reverse

from fasit.engine.signals import level_for
from fasit.signals import selectors, services
from fasit.signals.index import group_roots, independent_key
from fasit.signals.models import Kind, Statement, Theme
from fasit.testing import AccountFactory, CategoryFactory, ConversationFactory

START = dt.date(2026, 1, 1)


def _team(team: Any, other: Any) -> None:
    rng = random.Random(17)
    category = CategoryFactory(team=team)
    top = AccountFactory(team=team, country="SE", category=category)
    middle = AccountFactory(team=team, country="NO", parent=top)
    accounts = [
        top,
        middle,
        AccountFactory(team=team, country="DK", parent=middle),
        *(AccountFactory(team=team, country=rng.choice(["NO", "SE", "DK"])) for _ in range(9)),
        *(AccountFactory(team=team, country="SE", category=category) for _ in range(3)),
    ]
    conversations = {a.pk: ConversationFactory(team=team, account=a) for a in accounts}
    themes = [
        Theme.objects.create(team=team, key=f"t{i}", label=f"Theme {i}", corroborated=i != 2)
        for i in range(5)
    ]
    themes[4].dismissed = True
    themes[4].save()
    rows = []
    # Theme 0 has more statements than a theme reads for its quotes (200), and many
    # share a date, so the order by date and id decides which are candidates.
    sizes = [260, 40, 12, 3, 6]
    for theme, size in zip(themes, sizes, strict=True):
        for _ in range(size):
            account = rng.choice(accounts[:3] if rng.random() < 0.4 else accounts)
            rows.append(
                Statement(
                    team=team,
                    theme=theme,
                    account=account,
                    conversation=conversations[account.pk],
                    text="x",
                    language="sv",
                    kind=rng.choice(list(Kind.values)),
                    said_on=START + dt.timedelta(days=rng.randrange(40)),
                    weak=rng.random() < 0.2,
                )
            )
    for _ in range(5):  # not grouped yet: never on the board
        rows.append(
            Statement(
                team=team,
                account=top,
                conversation=conversations[top.pk],
                text="y",
                language="sv",
                said_on=START,
            )
        )
    rng.shuffle(rows)
    Statement.objects.bulk_create(rows)
    # Another team's statements in the same theme keys and dates count nowhere here.
    stranger = AccountFactory(team=other, country="SE")
    foreign = Theme.objects.create(team=other, key="t0", label="Theirs")
    Statement.objects.bulk_create(
        Statement(
            team=other,
            theme=foreign,
            account=stranger,
            conversation=ConversationFactory(team=other, account=stranger),
            text="z",
            language="sv",
            said_on=START + dt.timedelta(days=50),
        )
        for _ in range(30)
    )
    # The theme rows as the services keep them (independent accounts, statements, last
    # date): the board without filters reads them instead of counting the statements.
    # That the services keep them so is tested below.
    for owner in (team, other):
        roots = group_roots(owner)
        for theme in Theme.objects.for_team(owner):
            said = list(theme.statements.values_list("account_id", "said_on"))
            theme.accounts = len({independent_key(a, roots) for a, _d in said})
            theme.statement_count = len(said)
            theme.last_said_on = max(d for _a, d in said)
            theme.save()


def _reference_board(team: Any, include_dismissed: bool, level: str, **filters: Any) -> list:
    """The board as computed before: every filtered statement read into Python."""
    roots = group_roots(team)
    per_theme: dict[int, dict[str, Any]] = {}
    rows = selectors.statements_filtered(team, **filters).values_list(
        "theme_id", "account_id", "said_on", "weak"
    )
    for theme_id, account_id, said_on, weak in rows:
        entry = per_theme.setdefault(theme_id, {"keys": set(), "n": 0, "last": None, "weak": 0})
        entry["keys"].add(independent_key(account_id, roots))
        entry["n"] += 1
        entry["weak"] += int(weak)
        entry["last"] = said_on if entry["last"] is None else max(entry["last"], said_on)
    filtered = any(filters.values())
    themes = Theme.objects.for_team(team).filter(pk__in=per_theme)
    if not include_dismissed:
        themes = themes.filter(dismissed=False)
    items = [
        selectors.BoardTheme(
            theme=theme,
            level=level_for(len(per_theme[theme.pk]["keys"]), theme.corroborated),
            accounts=len(per_theme[theme.pk]["keys"]),
            statements=per_theme[theme.pk]["n"],
            last_said_on=per_theme[theme.pk]["last"],
            weak=per_theme[theme.pk]["weak"],
            narrowed=filtered and len(per_theme[theme.pk]["keys"]) != theme.accounts,
        )
        for theme in themes
    ]
    if level:
        items = [item for item in items if item.level == level]
    items.sort(key=lambda i: (-i.rank, -(i.last_said_on or dt.date.min).toordinal(), -i.accounts))
    return items


def _reference_evidence(team: Any, items: list, **filters: Any) -> dict[int, list[int]]:
    by_theme = {item.theme.pk: item for item in items}
    pools: dict[int, list[tuple[int, int]]] = {pk: [] for pk in by_theme}
    rows = (
        selectors.statements_filtered(team, **filters)
        .filter(theme_id__in=by_theme)
        .order_by("-said_on", "-id")
        .values_list("id", "theme_id", "account_id")
    )
    for statement_id, theme_id, account_id in rows:
        if len(pools[theme_id]) < selectors.CANDIDATES_PER_THEME:
            pools[theme_id].append((statement_id, account_id))
    roots = group_roots(team)
    chosen = {}
    for theme_id, pool in pools.items():
        seen: set[str] = set()
        first, rest = [], []
        for statement_id, account_id in pool:
            key = independent_key(account_id, roots)
            (rest if key in seen else first).append(statement_id)
            seen.add(key)
        chosen[theme_id] = (first + rest)[: selectors.EVIDENCE_PER_THEME]
    return chosen


def _plain(items: list) -> list[tuple]:
    return [
        (i.theme.pk, i.level, i.accounts, i.statements, i.last_said_on, i.weak, i.narrowed)
        for i in items
    ]


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"include_dismissed": True},
        {"level": "confirmed"},
        {"country": "SE"},
        {"country": "DK", "kind": Kind.NEED},
        {"since": START + dt.timedelta(days=10), "until": START + dt.timedelta(days=30)},
        {"category": "first"},
    ],
)
def test_board_counts_and_quotes_are_the_earlier_computation(
    team_a: Any, team_b: Any, options: dict[str, Any]
) -> None:
    _team(team_a, team_b)
    options = dict(options)
    if options.get("category") == "first":
        options["category"] = _category(team_a)
    include_dismissed = options.pop("include_dismissed", False)
    level = options.pop("level", "")
    expected = _reference_board(team_a, include_dismissed, level, **options)
    got = selectors.board(team_a, include_dismissed=include_dismissed, level=level, **options)
    assert _plain(got) == _plain(expected)
    assert got, "the filters leave something to compare"
    page = list(Paginator(got, 3).get_page(1))
    selectors.attach_evidence(team_a, page, **options)
    assert {i.theme.pk: [s.pk for s in i.evidence] for i in page} == _reference_evidence(
        team_a, page, **options
    )
    assert all(s.team_id == team_a.pk for i in page for s in i.evidence)


def _category(team: Any) -> Any:
    from fasit.customers.models import CustomerCategory

    return CustomerCategory.objects.for_team(team).get()


def test_the_board_of_another_team_shows_none_of_these_themes(
    team_a: Any, team_b: Any, alice_client: Any, charlie_client: Any
) -> None:
    _team(team_a, team_b)
    theirs = charlie_client.get(reverse("signals:board")).content.decode()
    assert "Theme 0" not in theirs and "Theirs" in theirs
    theme = Theme.objects.for_team(team_a).get(key="t0")
    assert charlie_client.get(reverse("signals:theme", args=[theme.pk])).status_code == 404
    assert "Theme 0" in alice_client.get(reverse("signals:board")).content.decode()


def test_the_board_counts_from_its_indexes_without_a_sort(team_a: Any, team_b: Any) -> None:
    """SQLite plans: the counts read one covering index, each theme's quotes come in
    index order (no temp B-tree for a sort or a DISTINCT)."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's EXPLAIN QUERY PLAN")
    _team(team_a, team_b)
    statements = selectors.statements_filtered(team_a, country="SE").order_by()
    theme = Theme.objects.for_team(team_a).get(key="t0")
    # The filtered board's one read (selectors._filtered_counts): grouped by theme and
    # account in the covering index's own order.
    counts = (
        statements.values_list("theme_id", "account_id")
        .annotate(n=Count("id"), weak=Count("id", filter=Q(weak=True)), last=Max("said_on"))
        .order_by()
    )
    queries = [
        counts,
        statements.filter(theme_id=theme.pk).order_by("-said_on", "-id").values_list("id")[:200],
    ]
    for query in queries:
        assert "TEMP B-TREE" not in _plan(query), _plan(query)
    assert "COVERING INDEX" in _plan(queries[0])
    # The unfiltered board's "N weaker" reads the weaker statements' own index, not
    # the team's every statement through the wide covering index.
    weak = (
        Statement.objects.for_team(team_a)
        .filter(weak=True, theme__isnull=False)
        .order_by()
        .values_list("theme_id")
        .annotate(n=Count("id"))
    )
    assert "COVERING INDEX signals_stmt_weak_theme2" in _plan(weak), _plan(weak)


def _plan(query: Any) -> str:
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return " ".join(str(row[-1]) for row in cursor.fetchall())


def test_the_unfiltered_board_is_the_count_after_changes_through_the_services(
    team_a: Any, team_b: Any, alice: Any, charlie: Any
) -> None:
    """The board without filters reads each theme's kept counts: after statements are
    added (in one corporate group and apart), moved, deleted, an account deleted with
    its statements and a group formed, they are what counting the statements gives."""
    from fasit.customers.models import Account
    from fasit.signals.tests.test_services import LEAD_TIME, _say

    top = AccountFactory(team=team_a)
    child = AccountFactory(team=team_a, parent=top)
    loner, leaving = AccountFactory(team=team_a), AccountFactory(team=team_a)
    said = [
        _say(team_a, alice, LEAD_TIME[0], account=top),
        _say(team_a, alice, LEAD_TIME[1], account=child),
        _say(team_a, alice, LEAD_TIME[2], account=loner, weak=True),
        _say(team_a, alice, LEAD_TIME[0], account=leaving),
        _say(team_a, alice, "Vi vill ha en samlingsfaktura per månad.", account=loner),
    ]
    _say(team_b, charlie, LEAD_TIME[0])

    def same() -> None:
        for include_dismissed in (False, True):
            got = selectors.board(team_a, include_dismissed=include_dismissed)
            assert _plain(got) == _plain(_reference_board(team_a, include_dismissed, ""))
            assert all(i.theme.team_id == team_a.pk for i in got)

    same()
    services.statement_delete(statement=said[0], actor=alice)
    same()
    services.statement_move(statement=said[4], actor=alice, theme=said[1].theme)
    same()
    keys = services.statement_theme_keys(Statement.objects.filter(account=leaving))
    Account.objects.filter(pk=leaving.pk).delete()
    services.statements_deleted(team=team_a, keys=keys)
    same()
    Account.objects.filter(pk=loner.pk).update(parent=top)
    services.themes_recount(team=team_a, account_ids=[loner.pk])
    same()


def test_the_filtered_board_is_one_read_of_the_counts_and_one_of_the_quotes(
    team_a: Any, team_b: Any, django_assert_num_queries: Any
) -> None:
    """Counts, themes, every theme's quote candidates (one statement for the page),
    the quotes: four statements whatever the number of themes, never one per theme."""
    _team(team_a, team_b)
    roots = group_roots(team_a)
    with django_assert_num_queries(4):
        items = selectors.board(team_a, roots=roots, country="SE")
        selectors.attach_evidence(team_a, items, roots=roots, country="SE")
    assert len(items) > 2
    assert {i.theme.pk: [s.pk for s in i.evidence] for i in items} == _reference_evidence(
        team_a, items, country="SE"
    )


def test_quotes_for_more_themes_than_one_statement_asks_for(team_a: Any, team_b: Any) -> None:
    # The candidates' statement holds at most 100 themes' reads; more go in another.
    accounts = [AccountFactory(team=team_a, country="SE") for _ in range(3)]
    conversation = ConversationFactory(team=team_a, account=accounts[0])
    themes = Theme.objects.bulk_create(
        Theme(team=team_a, key=f"k{i}", label=f"K {i}") for i in range(130)
    )
    Statement.objects.bulk_create(
        Statement(
            team=team_a,
            theme=theme,
            account=accounts[(i + j) % 3],
            conversation=conversation,
            text="x",
            language="sv",
            said_on=START + dt.timedelta(days=(i * 7 + j) % 11),
        )
        for i, theme in enumerate(themes)
        for j in range(i % 7 + 1)
    )
    items = selectors.board(team_a, country="SE")
    assert len(items) == 130
    selectors.attach_evidence(team_a, items, country="SE")
    assert {i.theme.pk: [s.pk for s in i.evidence] for i in items} == _reference_evidence(
        team_a, items, country="SE"
    )

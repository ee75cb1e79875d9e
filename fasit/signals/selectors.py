"""Reads for market signals. Levels on the board are counted from the statements
that pass the filters, so "confirmed in Sweden this half-year" means three
independent Swedish customers said it in that period."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Count, Max, Q, QuerySet

from fasit.customers.models import Account
from fasit.engine.signals import level_for
from fasit.signals.index import group_roots, independent_key
from fasit.signals.models import LEVEL_RANK, Notification, Proposal, Statement, Theme
from fasit.tenancy.models import Team

EVIDENCE_PER_THEME = 5
# Enough recent statements per theme to find several independent accounts among them.
CANDIDATES_PER_THEME = 200
#: What a quote on the board shows (``views._theme_cards``).
QUOTE_FIELDS = (
    "team_id",
    "theme_id",
    "conversation_id",
    "account__name",
    "person__name",
    "text",
    "question",
    "seller_summary",
    "language",
    "kind",
    "said_on",
    "weak",
    "weak_reason",
)


@dataclass
class BoardTheme:
    theme: Theme
    level: str
    accounts: int
    statements: int
    last_said_on: dt.date | None
    evidence: list[Statement] = field(default_factory=list)
    weak: int = 0
    narrowed: bool = False  # a filter leaves out some of the theme's customers

    @property
    def total_accounts(self) -> int:
        """Independent customers behind the whole theme, whatever the filters."""
        return self.theme.accounts

    @property
    def rank(self) -> int:
        return LEVEL_RANK[self.level]


def statements_filtered(
    team: Team | None,
    *,
    category: Any = None,
    country: str = "",
    since: dt.date | None = None,
    until: dt.date | None = None,
    kind: str = "",
) -> QuerySet[Statement]:
    statements = Statement.objects.for_team(team).filter(theme__isnull=False)
    if category is not None:
        statements = statements.filter(account__category=category)
    if country:
        statements = statements.filter(account__country=country)
    if since:
        statements = statements.filter(said_on__gte=since)
    if until:
        statements = statements.filter(said_on__lte=until)
    if kind:
        statements = statements.filter(kind=kind)
    return statements


def board(
    team: Team | None,
    *,
    include_dismissed: bool = False,
    level: str = "",
    roots: dict[int, int] | None = None,
    **filters: Any,
) -> list[BoardTheme]:
    """Themes by level, then by how recently a customer said it, with evidence.

    The database counts statements per theme and account (a few thousand rows where
    the team has tens of thousands of statements); only the accounts' corporate groups
    are joined here, since an account's group is a walk up its parents. Pass ``roots``
    (``group_roots``) when the caller needs them again, e.g. for ``attach_evidence``."""
    if team is None:
        return []
    if not any(filters.values()):
        return _sorted(_board_unfiltered(team, include_dismissed=include_dismissed), level)
    roots = group_roots(team) if roots is None else roots
    per_theme = _filtered_counts(statements_filtered(team, **filters), roots)
    filtered = True
    themes = Theme.objects.for_team(team).filter(pk__in=per_theme)
    if not include_dismissed:
        themes = themes.filter(dismissed=False)
    items = [
        BoardTheme(
            theme=theme,
            # A filter narrows the accounts; corroboration is the whole theme's.
            level=level_for(len(per_theme[theme.pk]["keys"]), theme.corroborated),
            accounts=len(per_theme[theme.pk]["keys"]),
            statements=per_theme[theme.pk]["n"],
            last_said_on=per_theme[theme.pk]["last"],
            weak=per_theme[theme.pk]["weak"],
            narrowed=filtered and len(per_theme[theme.pk]["keys"]) != theme.accounts,
        )
        for theme in themes
    ]
    return _sorted(items, level)


def _filtered_counts(
    statements: QuerySet[Statement], roots: dict[int, int]
) -> dict[int, dict[str, Any]]:
    """Each theme's statements, weaker statements, last date and independent accounts
    among ``statements``, in one read of the covering index on (team, theme, account,
    said_on, weak): a row per theme and account, folded here. The rows are read
    through the cursor, not the ORM: converting a date per row cost more than the
    database took to count them. SQLite gives the dates as ISO text, which compares
    as the dates do, so only each theme's last one is converted."""
    query = (
        statements.order_by()
        .values_list("theme_id", "account_id")
        .annotate(n=Count("id"), weak=Count("id", filter=Q(weak=True)), last=Max("said_on"))
    )
    sql, params = query.query.sql_with_params()
    per_theme: dict[int, dict[str, Any]] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for theme_id, account_id, n, weak, last in cursor.fetchall():
            entry = per_theme.get(theme_id)
            if entry is None:
                entry = per_theme[theme_id] = {"keys": set(), "n": 0, "weak": 0, "last": last}
            entry["keys"].add(independent_key(account_id, roots))
            entry["n"] += n
            entry["weak"] += weak
            if last is not None and (entry["last"] is None or last > entry["last"]):
                entry["last"] = last
    for entry in per_theme.values():
        if isinstance(entry["last"], str):
            entry["last"] = dt.date.fromisoformat(entry["last"][:10])
    return per_theme


def _sorted(items: list[BoardTheme], level: str) -> list[BoardTheme]:
    if level:
        items = [item for item in items if item.level == level]
    items.sort(key=lambda i: (-i.rank, -(i.last_said_on or dt.date.min).toordinal(), -i.accounts))
    return items


def _board_unfiltered(team: Team, *, include_dismissed: bool) -> list[BoardTheme]:
    """The board without filters, from what each theme's row keeps: its independent
    accounts (corporate groups counted by the engine), statements and last date, kept
    by the services that add, move and delete statements (``services._sync_themes``,
    ``_sync_joined``). Counting them from the statements read every statement of the
    team on the board's first request after any change: two scans of 100,000 index
    entries at ``--scale 100``, ten times that at ``--scale 1000``. Only the weaker
    statements are counted, from an index that holds nothing else."""
    themes = Theme.objects.for_team(team).filter(statement_count__gt=0)
    if not include_dismissed:
        themes = themes.filter(dismissed=False)
    weak = dict(
        Statement.objects.for_team(team)
        .filter(weak=True, theme__isnull=False)
        .order_by()
        .values_list("theme_id")
        .annotate(n=Count("id"))
    )
    return [
        BoardTheme(
            theme=theme,
            level=level_for(theme.accounts, theme.corroborated),
            accounts=theme.accounts,
            statements=theme.statement_count,
            last_said_on=theme.last_said_on,
            weak=weak.get(theme.pk, 0),
        )
        for theme in themes
    ]


def attach_evidence(
    team: Team,
    items: list[BoardTheme],
    *,
    roots: dict[int, int] | None = None,
    **filters: Any,
) -> list[BoardTheme]:
    """Fill in quotes for the themes on one page of the board: the latest from each
    independent account first (the level is about independent customers, so the
    evidence should show them), then the latest of the rest.

    Each theme's newest candidates come from the index on (theme, date, id), so a
    theme's read stops after ``CANDIDATES_PER_THEME`` rows instead of the page reading
    and ordering every statement of its themes. Candidates are plain tuples and only
    the chosen quotes become model objects: a theme can have thousands of statements."""
    by_theme = {item.theme.pk: item for item in items}
    filtered = statements_filtered(team, **filters).order_by("-said_on", "-id")
    roots = group_roots(team) if roots is None else roots
    chosen: dict[int, list[int]] = {}
    for theme_id, pool in _candidates(filtered, list(by_theme)).items():
        seen: set[int] = set()
        first, rest = [], []
        for statement_id, account_id in pool:
            key = independent_key(account_id, roots)
            (rest if key in seen else first).append(statement_id)
            seen.add(key)
        chosen[theme_id] = (first + rest)[:EVIDENCE_PER_THEME]
    wanted = [pk for ids in chosen.values() for pk in ids]
    # The quotes link their conversation by id: joining it read each conversation's
    # notes for nothing. Only what a quote shows is read: the accounts' and people's
    # other columns cost more to turn into objects than the query took.
    loaded = (
        Statement.objects.filter(pk__in=wanted)
        .select_related("account", "person")
        .only(*QUOTE_FIELDS)
    )
    by_id = {statement.pk: statement for statement in loaded}
    for theme_id, ids in chosen.items():
        by_theme[theme_id].evidence = [by_id[pk] for pk in ids]
    return items


def _candidates(filtered: QuerySet[Statement], theme_ids: list[int]) -> dict[int, list[Any]]:
    """Each theme's newest ``CANDIDATES_PER_THEME`` (id, account) pairs among
    ``filtered`` (ordered newest first), in one statement: a UNION ALL of one limited
    read per theme, each through the index on (theme, date, id) and stopped at the
    limit. Each part sits in a subquery so that SQLite, which cannot limit the parts of
    a compound statement itself, limits them too. The part is compiled once, with a
    marker for the theme, and repeated with each theme's id: compiling a queryset per
    theme cost as much as the reads. Rows are read through the cursor (SQLite's dates
    stay ISO text, which sorts as the dates do)."""
    found: dict[int, list[Any]] = {theme_id: [] for theme_id in theme_ids}
    if not theme_ids:
        return found
    part = filtered.filter(theme_id=_THEME_MARK).values_list(
        "theme_id", "said_on", "id", "account_id"
    )
    sql, params = part[:CANDIDATES_PER_THEME].query.sql_with_params()
    at = [i for i, value in enumerate(params) if value == _THEME_MARK]
    if len(at) != 1:  # the marker is not one plain parameter: a statement per theme
        base = filtered.values_list("theme_id", "said_on", "id", "account_id")
        rows: list[Any] = []
        for theme_id in theme_ids:
            rows.extend(base.filter(theme_id=theme_id)[:CANDIDATES_PER_THEME])
    else:
        rows = []
        # SQLite allows 500 parts in a compound statement; a page has 20 themes.
        for chunk in (theme_ids[i : i + 100] for i in range(0, len(theme_ids), 100)):
            union = " UNION ALL ".join(
                f"SELECT * FROM ({sql}) AS part{i}" for i in range(len(chunk))
            )
            every: list[Any] = []
            for theme_id in chunk:
                values = list(params)
                values[at[0]] = theme_id
                every.extend(values)
            with connection.cursor() as cursor:
                cursor.execute(union, every)
                rows.extend(cursor.fetchall())
    # A UNION ALL keeps no order of its own: each theme's newest first again.
    rows.sort(key=lambda r: (r[1], r[2]), reverse=True)
    for theme_id, _said_on, statement_id, account_id in rows:
        found[theme_id].append((statement_id, account_id))
    return found


#: Stands for "this theme" in ``_candidates``' compiled part (no theme has this id).
_THEME_MARK = -917_364_251


def theme_statements(theme: Theme) -> QuerySet[Statement]:
    return (
        Statement.objects.for_team(theme.team)
        .filter(theme=theme)
        .select_related("account", "person", "conversation")
        .order_by("-said_on", "-id")
    )


def theme_accounts(theme: Theme) -> list[Account]:
    ids = Statement.objects.for_team(theme.team).filter(theme=theme).values("account_id")
    return list(Account.objects.for_team(theme.team).filter(pk__in=ids).order_by("name"))


def merge_candidates(theme: Theme) -> QuerySet[Theme]:
    return Theme.objects.for_team(theme.team).exclude(pk=theme.pk).order_by("-accounts", "label")


def account_statements(account: Account) -> QuerySet[Statement]:
    return (
        Statement.objects.for_team(account.team)
        .filter(account=account)
        .select_related("theme", "person", "conversation")
        .order_by("-said_on", "-id")
    )


def conversation_proposals(conversation: Any) -> QuerySet[Proposal]:
    return (
        Proposal.objects.for_team(conversation.team)
        .filter(conversation=conversation, status=Proposal.Status.PENDING)
        .select_related("person")
    )


def conversation_statements(conversation: Any) -> QuerySet[Statement]:
    return (
        Statement.objects.for_team(conversation.team)
        .filter(conversation=conversation)
        .select_related("theme", "person")
    )


def pending_proposals(team: Team | None, *, user: Any = None) -> QuerySet[Proposal]:
    proposals = Proposal.objects.for_team(team).filter(status=Proposal.Status.PENDING)
    if user is not None:
        proposals = proposals.filter(conversation__users=user)
    return proposals.select_related("conversation__account", "person").order_by(
        "-conversation__occurred_at", "id"
    )


def notifications(team: Team | None, user: Any) -> QuerySet[Notification]:
    return Notification.objects.for_team(team).select_related("theme")


def unread_count(team: Team | None, user: Any) -> int:
    """How many of the team's notifications ``user`` has not read: the page frame's
    count on every page. Plain SQL: the same count through the ORM's query builder
    cost more CPU than the rest of the frame's data (bench/bench_pages.py)."""
    if team is None:
        return 0
    read_by = Notification.read_by.through
    with connection.cursor() as cursor:
        cursor.execute(
            _UNREAD_SQL.format(n=Notification._meta.db_table, r=read_by._meta.db_table),
            [team.pk, user.pk],
        )
        return int(cursor.fetchone()[0])


_UNREAD_SQL = (
    "SELECT COUNT(*) FROM {n} n WHERE n.team_id = %s AND NOT EXISTS"
    " (SELECT 1 FROM {r} r WHERE r.notification_id = n.id AND r.user_id = %s)"
)

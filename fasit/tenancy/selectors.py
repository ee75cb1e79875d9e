from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fasit.tenancy.models import WRITERS, Membership, Role, Team


def active_membership(user: Any, team_id: Any) -> Membership | None:
    """The membership of the team chosen in the session, else the user's first.

    Runs on every request (TeamMiddleware). A user signed in by session comes with
    their memberships and teams read in the same statement as the user
    (``signed_in_user``); any other is read with two plain queries (the same two
    through the ORM's query builder cost about 0.8 ms of CPU).
    """
    memberships = getattr(user, "_fasit_memberships", None)
    if memberships is None:
        memberships = list(Membership.objects.raw(MEMBERSHIPS_SQL, [user.pk]))
    if not memberships:
        return None
    chosen = memberships[0]
    if team_id is not None:
        chosen = next((m for m in memberships if str(m.team_id) == str(team_id)), chosen)
    if not Membership._meta.get_field("team").is_cached(chosen):
        chosen.team = next(iter(Team.objects.raw(TEAM_SQL, [chosen.team_id])))
    return chosen


MEMBERSHIPS_SQL = (
    f"SELECT * FROM {Membership._meta.db_table} WHERE user_id = %s ORDER BY created_at, id"
)
TEAM_SQL = f"SELECT * FROM {Team._meta.db_table} WHERE id = %s"


def user_teams(user: Any) -> list[Team]:
    """The user's teams in the memberships' order (by team name). A user signed in by
    session comes with their memberships and teams (``signed_in_user``): the page
    frame's team switch then needs no query (it ran on every page)."""
    memberships = getattr(user, "_fasit_memberships", None)
    if memberships is None:
        return [m.team for m in Membership.objects.filter(user=user).select_related("team")]
    return [m.team for m in sorted(memberships, key=lambda m: (m.team.name, m.pk))]


def team_members(team: Team | None) -> list[Membership]:
    return list(Membership.objects.for_team(team).select_related("user").order_by("user__username"))


def team_users(team: Team | None, *, roles: Iterable[str] | None = None) -> Any:
    from django.contrib.auth import get_user_model

    if team is None:
        return get_user_model().objects.none()
    # One filter() call, so the team and the role are read from the same membership.
    lookup: dict[str, Any] = {"memberships__team": team}
    if roles is not None:
        lookup["memberships__role__in"] = list(roles)
    return get_user_model().objects.filter(**lookup).order_by("first_name", "username")


def team_writers(team: Team | None) -> Any:
    """The users who keep customer records: the ones to offer as an account's owner, a
    follow-up's owner or a conversation's participant from our side. Viewers and the
    product role read along but do not own customers."""
    return team_users(team, roles=WRITERS)


def team_owners(team: Team | None) -> list[Any]:
    """The owners, who can change a member's role (named on refused pages)."""
    return list(team_users(team, roles=[Role.OWNER]))


# -- one statement per request for who is asking ------------------------------------
#
# Every signed-in request needs its user, the user's memberships and teams, whether the
# team requires two-step sign-in and (for cached lists) the team's data version. Read
# one by one that was five round trips before the page's own queries; on PostgreSQL
# each costs a round trip and backend CPU (bench/bench_api_lists.py). Nothing here is
# kept between requests: a removed member, a revoked token or a new two-step rule is
# seen by the very next request.


class _Columns:
    """A model's columns in a joined SELECT, turned back into an instance with the
    database's converters applied (as the ORM would: dates, JSON, booleans)."""

    def __init__(self, model: Any, alias: str) -> None:
        from django.db import connection

        self.model = model
        fields = model._meta.concrete_fields
        self.attnames = [f.attname for f in fields]
        self.sql = ", ".join(f"{alias}.{connection.ops.quote_name(f.column)}" for f in fields)
        self.width = len(fields)
        # Per database vendor: (position, column, converters) of the fields that have
        # any: most have none, and each request builds a user, a membership and a team.
        self._converters: dict[str, list[tuple[int, Any, list[Any]]]] = {}

    def build(self, row: tuple[Any, ...], start: int) -> Any:
        from django.db import connection

        converters = self._converters.get(connection.vendor)
        if converters is None:
            converters = []
            for i, field in enumerate(self.model._meta.concrete_fields):
                col = field.get_col(self.model._meta.db_table)
                funcs = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
                if funcs:
                    converters.append((i, col, funcs))
            self._converters[connection.vendor] = converters
        values = list(row[start : start + self.width])
        for i, col, funcs in converters:
            value = values[i]
            for func in funcs:
                value = func(value, col, connection)
            values[i] = value
        return self.model.from_db(connection.alias, self.attnames, values)


_columns: dict[str, _Columns] = {}


def _cols(model: Any, alias: str) -> _Columns:
    key = f"{model._meta.label}:{alias}"
    if key not in _columns:
        _columns[key] = _Columns(model, alias)
    return _columns[key]


def _team_extras_sql(team_column: str) -> str:
    """Two columns about a team: does it require two-step sign-in, and its data
    version (core/cache.py: the id of its newest audit record)."""
    from fasit.core.models import AuditEvent
    from fasit.signin.models import TeamSignInPolicy

    return (
        f"CASE WHEN EXISTS (SELECT 1 FROM {TeamSignInPolicy._meta.db_table} p"
        f" WHERE p.team_id = {team_column} AND p.require_two_factor = %s) THEN 1 ELSE 0 END,"
        f" (SELECT MAX(e.id) FROM {AuditEvent._meta.db_table} e WHERE e.team_id = {team_column})"
    )


def _mark_team(team: Team, two_factor: Any, version: Any) -> None:
    # Read with the membership in the same statement; the middleware and the API read
    # them from here for this request only (the Team object lives as long as it).
    team._fasit_requires_two_factor = bool(two_factor)  # type: ignore[attr-defined]
    team._fasit_version = int(version or 0)  # type: ignore[attr-defined]


def signed_in_user_sql(session_table: str | None = None) -> str:
    """The statement of ``signed_in_user``: a user, their memberships (oldest first)
    and teams. With ``session_table``, the row of one unexpired session comes first in
    the same statement (``fasit.signin.sessions``): parameters ``[True, user id,
    session key, now]``; otherwise ``[True, user id]``."""
    from django.contrib.auth import get_user_model

    users = get_user_model()._meta.db_table
    columns = (
        f"{_cols(get_user_model(), 'u').sql}, {_cols(Membership, 'm').sql},"
        f" {_cols(Team, 't').sql}, {_team_extras_sql('t.id')}"
    )
    joins = (
        f" LEFT JOIN {Membership._meta.db_table} m ON m.user_id = u.id"
        f" LEFT JOIN {Team._meta.db_table} t ON t.id = m.team_id"
    )
    if session_table is None:
        return (
            f"SELECT {columns} FROM {users} u{joins}"  # noqa: S608
            " WHERE u.id = %s ORDER BY m.created_at, m.id"
        )
    return (
        f"SELECT s.session_data, {columns} FROM {session_table} s"  # noqa: S608
        f" LEFT JOIN {users} u ON u.id = %s{joins}"
        " WHERE s.session_key = %s AND s.expire_date > %s ORDER BY m.created_at, m.id"
    )


def signed_in_user(user_id: Any) -> Any:
    """The user with ``pk`` and, from the same statement, their memberships (oldest
    first) with their teams, each team marked as ``_mark_team`` says. None when there
    is no such user. ``active_membership`` uses the memberships without a query."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(signed_in_user_sql(), [True, user_id])
        rows = cursor.fetchall()
    return user_from_rows(rows)


def user_from_rows(rows: list[tuple[Any, ...]], start: int = 0) -> Any:
    """The user of ``signed_in_user_sql``'s rows (their columns from ``start``), with
    memberships and teams; None when there are no rows or the user's columns are NULL
    (no such user)."""
    from django.contrib.auth import get_user_model

    if not rows or rows[0][start] is None:
        return None
    user_cols = _cols(get_user_model(), "u")
    membership_cols = _cols(Membership, "m")
    team_cols = _cols(Team, "t")
    user = user_cols.build(rows[0], start)
    memberships = []
    first = start + user_cols.width
    for row in rows:
        if row[first] is None:  # the LEFT JOIN's row for a user with no team
            continue
        membership = membership_cols.build(row, first)
        team = team_cols.build(row, first + membership_cols.width)
        _mark_team(team, *row[first + membership_cols.width + team_cols.width :])
        membership.team = team
        membership.user = user
        memberships.append(membership)
    user._fasit_memberships = memberships
    return user


def token_holder(digest: str) -> tuple[Any, Any, Any, str] | None:
    """The unrevoked token with ``digest``, its user, its team (marked as
    ``_mark_team`` says) and the user's current role there, in one statement. None
    when the token is unknown or revoked or its user is no longer a member."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    from fasit.tenancy.models import ApiToken

    token_cols = _cols(ApiToken, "k")
    user_cols = _cols(get_user_model(), "u")
    team_cols = _cols(Team, "t")
    sql = (
        f"SELECT {token_cols.sql}, {user_cols.sql}, {team_cols.sql}, m.role,"
        f" {_team_extras_sql('t.id')}"
        f" FROM {ApiToken._meta.db_table} k"
        f" JOIN {Membership._meta.db_table} m ON m.team_id = k.team_id AND m.user_id = k.user_id"
        f" JOIN {get_user_model()._meta.db_table} u ON u.id = k.user_id"
        f" JOIN {Team._meta.db_table} t ON t.id = k.team_id"
        " WHERE k.digest = %s AND k.revoked_at IS NULL"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [True, digest])
        row = cursor.fetchone()
    if row is None:
        return None
    token = token_cols.build(row, 0)
    user = user_cols.build(row, token_cols.width)
    team = team_cols.build(row, token_cols.width + user_cols.width)
    rest = token_cols.width + user_cols.width + team_cols.width
    role, two_factor, version = row[rest], row[rest + 1], row[rest + 2]
    _mark_team(team, two_factor, version)
    return token, user, team, role


def read_version(request: Any) -> int | None:
    """The team's data version read with the request's user or token, for a read
    (GET/HEAD) only: a write changes the version during the request, and what it shows
    afterwards must not come from before. None: look it up (core/cache.py)."""
    if request.method not in ("GET", "HEAD"):
        return None
    return getattr(getattr(request, "team", None), "_fasit_version", None)

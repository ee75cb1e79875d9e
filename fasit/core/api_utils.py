from __future__ import annotations

import datetime as dt
import hashlib
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, Literal, Protocol

import orjson
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination
from ninja.security import HttpBearer, SessionAuth
from ninja.throttling import BaseThrottle
from pydantic import create_model

from fasit.core import tallies
from fasit.core.audit import history_rows, record_events
from fasit.core.cache import team_cached
from fasit.tenancy.access import get_for_team_or_404
from fasit.tenancy.selectors import read_version

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Ids are 64-bit signed integers in every database Fasit runs on: a larger number is
# refused as input (422) rather than reaching the database (an overflow, a 500).
MAX_INT = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_INT)]


class TeamSessionAuth(SessionAuth):
    """Django's session, and the user must have an active team (request.team).
    Writes need the CSRF token, as in the browser."""

    def _get_key(self, request: HttpRequest) -> str | None:
        if request.method in SAFE_METHODS:
            # Django's CSRF check accepts these methods without looking, and the site's
            # CsrfViewMiddleware has read the cookie already: ninja's check would build
            # a second CsrfViewMiddleware per request (about a twentieth of a list
            # request) to reach the same answer.
            return request.COOKIES.get(self.param_name)
        return super()._get_key(request)  # type: ignore[no-any-return]

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user is None or getattr(request, "team", None) is None:
            return None
        refuse_viewer_writes(request, request.membership)  # type: ignore[attr-defined]
        return user


# Writes that change only the caller's own state, never the team's data: marking one's
# notifications read (the page lets a viewer do it too). The door lets viewers and read
# tokens through for these URL names only; the handler acts on request.user alone.
OWN_STATE_WRITES = frozenset({"signals_notifications_read"})


def is_team_write(request: HttpRequest) -> bool:
    """A request the door treats as a write: any unsafe method, except the few
    ``OWN_STATE_WRITES``."""
    if request.method in SAFE_METHODS:
        return False
    match = getattr(request, "resolver_match", None)
    return getattr(match, "url_name", None) not in OWN_STATE_WRITES


def refuse_viewer_writes(request: HttpRequest, membership: Any) -> None:
    """A viewer changes nothing: refused at the door, before the body is read, so the
    answer is 403 whatever the body (each write still checks its own rule too)."""
    if not membership.can_shape and is_team_write(request):
        raise PermissionDenied("Viewers cannot change team data.")


class TokenMembership:
    """The token user's membership as the API sees it: a read token can neither write
    nor shape, whatever the user's role; a write token has exactly the role's rights."""

    def __init__(self, membership: Any, token: Any) -> None:
        self._membership = membership
        self.token = token
        self.team = membership.team
        self.role = membership.role

    @property
    def can_write(self) -> bool:
        return bool(self._membership.can_write and self.token.can_write)

    @property
    def can_shape(self) -> bool:
        return bool(self._membership.can_shape and self.token.can_write)

    @property
    def is_owner(self) -> bool:
        return bool(self._membership.is_owner)


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <personal access token>``.

    The token is bound to one team: the request sees that team only, with the token
    user's current role there (a user who left the team loses the token's access).
    """

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        from fasit.tenancy.models import ApiToken, Membership
        from fasit.tenancy.selectors import token_holder
        from fasit.tenancy.services import TOKEN_PREFIX, token_digest

        token = token.strip()
        if not token.startswith(TOKEN_PREFIX) or len(token) > 100:
            return None
        # One plain statement: the unrevoked token with its user, team and the user's
        # current role there (and the team's data version). Read on every call and
        # never kept: a revoked token, a removed member or a deactivated user is
        # refused by the very next request.
        held = token_holder(token_digest(token))
        now = timezone.now()
        if held is None:
            return None
        found, user, team, role = held
        if found.expires_at is not None and found.expires_at <= now:
            return None
        if not user.is_active:
            return None
        found.user, found.team = user, team
        membership = Membership(team=team, user=user, role=role)
        if not found.can_write and is_team_write(request):
            raise PermissionDenied("This token may only read.")
        refuse_viewer_writes(request, membership)
        # One write a minute at most: "last used" to the minute is what the settings
        # page shows, and a write per request would cost every API call.
        if found.last_used_at is None or now - found.last_used_at > dt.timedelta(seconds=60):
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        request.team = found.team  # type: ignore[attr-defined]
        request.membership = TokenMembership(membership, found)  # type: ignore[attr-defined]
        request.api_token = found  # type: ignore[attr-defined]
        return found.user


class TokenRateThrottle(BaseThrottle):
    """``FASIT_API_RATE_LIMIT`` requests per ``FASIT_API_RATE_WINDOW`` seconds per token
    (a fixed window); more get 429 with ``Retry-After``. Browser sessions are not
    limited. Counted where ``FASIT_API_RATE_STORE`` says: ``cache`` (Django's cache: per
    process with the default in-memory cache) or ``database`` (one row per token and
    window in the database every process shares, raised atomically)."""

    def __init__(self) -> None:
        self.retry_after: float | None = None

    def allow_request(self, request: HttpRequest) -> bool:
        token = getattr(request, "api_token", None)
        limit = settings.FASIT_API_RATE_LIMIT
        if token is None or limit <= 0:
            return True
        window = settings.FASIT_API_RATE_WINDOW
        now = time.time()
        start = int(now // window)
        if settings.FASIT_API_RATE_STORE == "database":
            count = _database_count(token.pk, start)
        else:
            count = _cache_count(token.pk, start, window)
        if count > limit:
            self.retry_after = (start + 1) * window - now
            return False
        return True

    def wait(self) -> float | None:
        return self.retry_after


def _cache_count(token_id: int, start: int, window: int) -> int:
    key = f"fasit:api-rate:{token_id}:{start}"
    cache.add(key, 0, window + 1)
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr: a new window
        cache.set(key, 1, window + 1)
        return 1


def _database_count(token_id: int, start: int) -> int:
    """One statement, atomic in PostgreSQL and SQLite alike (INSERT … ON CONFLICT …
    RETURNING): two processes never read the same count. The first request of a
    window also drops the token's older windows, so the table stays one row a token."""
    from django.db import connection

    from fasit.core.models import ApiRateCount

    table = connection.ops.quote_name(ApiRateCount._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (token_id, window_start, count) VALUES (%s, %s, 1) "  # noqa: S608
            f"ON CONFLICT (token_id, window_start) DO UPDATE SET count = {table}.count + 1 "
            "RETURNING count",
            [token_id, start],
        )
        count = int(cursor.fetchone()[0])
    if count == 1:
        ApiRateCount.objects.filter(token_id=token_id, window_start__lt=start).delete()
    return count


def require_write(request: HttpRequest) -> None:
    if not request.membership.can_write:  # type: ignore[attr-defined]
        raise PermissionDenied("Viewers cannot change team data.")


def require_shape(request: HttpRequest) -> None:
    if not request.membership.can_shape:  # type: ignore[attr-defined]
        raise PermissionDenied("This role cannot shape buying processes or themes.")


def require_owner(request: HttpRequest) -> None:
    if not request.membership.is_owner:  # type: ignore[attr-defined]
        raise PermissionDenied("Only the team's owners can do this.")


def error_detail(exc: ValidationError) -> dict[str, list[str]]:
    """A service's ValidationError as the API's 400 body: field -> messages."""
    if hasattr(exc, "error_dict"):
        return exc.message_dict
    return {"__all__": exc.messages}


class ListQuery(Schema):
    """Paging and incremental sync, the same on every list.

    Rows come in id order (ids never change), ``order=-id`` for newest first. Page
    with ``limit`` and ``offset``, or, cheaper on large lists and stable while rows
    are added, with ``after`` = the previous page's ``next_after``. ``updated_since``
    keeps a copy in step: rows created or changed at or after that moment.
    """

    limit: int = Field(50, ge=1, le=500, description="Rows per page (1–500)")
    offset: int = Field(0, ge=0, le=MAX_INT, description="Rows to skip")
    after: int | None = Field(
        None, ge=0, le=MAX_INT, description="Keyset cursor: rows after this id in list order"
    )
    order: Literal["id", "-id"] = Field("id", description="id ascending or descending")
    updated_since: dt.datetime | None = Field(
        None, description="Only rows created or changed at or after this moment (ISO 8601)"
    )


def page_schema(item: type[Schema], name: str) -> type[Schema]:
    """The response of a list: the page's ``items``, the ``count`` of all rows that
    match and the cursor for the next page (null on the last)."""
    model: type[Schema] = create_model(  # type: ignore[call-overload]
        name,
        __base__=Schema,
        count=(int, ...),
        next_after=(int | None, None),
        items=(list[item], ...),  # type: ignore[valid-type]
    )
    return model


def list_page(
    request: HttpRequest,
    queryset: QuerySet[Any] | Callable[[], QuerySet[Any]],
    params: ListQuery,
    rows: Callable[[QuerySet[Any]], list[dict[str, Any]]],
    *,
    updated_field: str | None = "updated_at",
    plain: PageReader | None = None,
    where: Where | None = None,
    keep_body: bool = False,
) -> HttpResponse:
    """One page of ``queryset`` (already team-scoped and filtered) as plain rows.

    ``rows`` turns the page's queryset into dicts with a fixed number of queries (no
    query per row). The total is counted once per team data version and filter (the
    team's newest audit id, core/cache.py): a write through any service changes it,
    so the count is never stale, and repeated pages cost no COUNT over the team.
    ``plain``, given by a handler only when no filter narrows the team's list, reads
    the same page with a fixed statement instead (``PlainPage``). ``queryset`` may then
    be a function that builds it: it is built only when the total is not cached yet
    (building the team's queryset through the ORM cost more CPU than the count lookup).
    ``where`` with ``plain``: the filters, as conditions of that statement (``Where``),
    the same rows as ``queryset``; their total is counted by a statement too. Without
    ``where`` the reader's ``count`` reads the team's tally (core/tallies.py): the
    first total after a write costs an index read, not a COUNT over the team.
    ``keep_body``: the handler's output depends on nothing about the caller but the
    team (not the user, nor their role): the body is kept in this process by the
    team's data version and the full query (``_kept_body``) and served again until the
    team's next audited write, the next day or ``FASIT_TEAM_CACHE_SECONDS``.
    """
    body_key = _body_key(request) if keep_body else None
    if body_key is not None:
        kept = _bodies.get(body_key)
        if kept is not None and kept[0] > time.monotonic():
            return _json_response(kept[1])
    descending = params.order == "-id"

    def ordered() -> QuerySet[Any]:
        found = queryset() if callable(queryset) else queryset
        if params.updated_since is not None and updated_field:
            found = found.filter(**{f"{updated_field}__gte": params.updated_since})
        return found.order_by("-id" if descending else "id")

    team = request.team  # type: ignore[attr-defined]
    use_plain = plain is not None and params.updated_since is None
    counter = getattr(plain, "count", None) if use_plain else None
    if counter is not None:
        count = _count(request, lambda: counter(team, where))
    else:
        count = _count(request, lambda: ordered().count())
    if plain is not None and use_plain:
        items = plain.page(team, params, where)
    else:
        queryset = ordered()
        if params.after is not None:
            queryset = queryset.filter(**{"id__lt" if descending else "id__gt": params.after})
            window = queryset[: params.limit]
        else:
            window = queryset[params.offset : params.offset + params.limit]
        items = rows(window)
    last = items[-1]["id"] if len(items) == params.limit else None
    # Rendered straight from the plain rows: validating 50 rows through the response
    # schema again cost more CPU than the queries (bench/bench_api_lists.py). The rows
    # are built to the schema; .ci/schemathesis checks every response against it.
    body = {"count": count, "next_after": last, "items": items}
    # orjson writes dates and times itself, as isoformat() does; encoding with the
    # standard library (and a default() call per value) was a tenth of the request.
    content = orjson.dumps(body, default=_json_value)
    if body_key is not None:
        _keep_body(body_key, content)
    return _json_response(content)


def _json_response(content: bytes) -> HttpResponse:
    return HttpResponse(content, content_type="application/json")


# List bodies this process has written, by (database, team, data version, day, time
# zone, language, role, path, query): (monotonic expiry, JSON). As the kept totals: the
# team's data version changes with every audited write (core/cache.py), so a kept body
# is never read after a change; the expiry bounds a change made outside the services
# (as the team cache's TTL does). Serving a kept body skips the page's statements,
# its rows and the JSON: on PostgreSQL two or three round trips, each with the
# database server's own work (bench/bench_api_lists.py, docs/api.md).
_bodies: dict[tuple[Any, ...], tuple[float, bytes]] = {}
_BODIES_KEPT = 1024
_BODY_BYTES_KEPT = 32 * 1024 * 1024
_body_bytes = [0]


def _body_key(request: HttpRequest) -> tuple[Any, ...] | None:
    """Everything a kept list body depends on; None when it cannot be kept (a write,
    or no data version read with the caller: nothing then tells when it changes)."""
    team = getattr(request, "team", None)
    version = read_version(request)
    if team is None or version is None:
        return None
    membership = getattr(request, "membership", None)
    return (
        connection.settings_dict["NAME"],
        team.pk,
        version,
        timezone.localdate(),
        timezone.get_current_timezone_name(),
        translation.get_language(),
        getattr(membership, "role", None),
        request.path,
        tuple(sorted((key, tuple(values)) for key, values in request.GET.lists())),
    )


def _keep_body(key: tuple[Any, ...], content: bytes) -> None:
    if len(_bodies) >= _BODIES_KEPT or _body_bytes[0] + len(content) > _BODY_BYTES_KEPT:
        # Bodies of older versions are never read again; the current ones are
        # written again by the next request of each.
        _bodies.clear()
        _body_bytes[0] = 0
    _bodies[key] = (time.monotonic() + settings.FASIT_TEAM_CACHE_SECONDS, content)
    _body_bytes[0] += len(content)


class PageReader(Protocol):
    """Reads one page of a team's list (``where``: narrowed by filters) as the
    handler's rows would be."""

    def page(
        self, team: Any, params: ListQuery, where: Where | None = None
    ) -> list[dict[str, Any]]: ...


@dataclass(frozen=True)
class Where:
    """A list's filters as conditions on its main table ``x``: ``terms`` are (SQL with
    one ``%s``, value), all of which must hold, the same rows as the handler's ORM
    filters. Filtered lists were built and compiled through the ORM on every request,
    several times the cost of an unfiltered page (bench/bench_api_lists.py).

    ``own_index``: a term has an index of its own that finds fewer rows than the team's
    (an account's conversations, an owner's accounts). The team's condition is then
    written ``+x.team_id``, which keeps SQLite (planning without statistics) from
    walking all the team's rows in id order through the (team, id) index to find an
    account's few; PostgreSQL plans it as before."""

    terms: tuple[tuple[str, Any], ...]
    own_index: bool = False

    @classmethod
    def of(cls, *terms: tuple[str, Any], own_index: bool = False) -> Where | None:
        """The terms whose value is given (not None, not ""); None if there is none."""
        given = tuple((sql, value) for sql, value in terms if value not in (None, ""))
        return cls(given, own_index) if given else None

    def sql(self, team: Any) -> tuple[list[str], list[Any]]:
        team_term = "+x.team_id = %s" if self.own_index else "x.team_id = %s"
        return [team_term, *(sql for sql, _value in self.terms)], [
            team.pk,
            *(value for _sql, value in self.terms),
        ]


@dataclass(frozen=True)
class PlainPage:
    """A team's whole list, paged, as one fixed statement: the same rows, in the same
    order and shape, as the handler's ORM query without filters, for the request
    every sync client and list screen makes most. Building and compiling that query
    through the ORM, and converting its values, was about 40% of a list request's CPU
    (bench/bench_api_lists.py). The team filter is the statement's own; ``finish``
    adds what the handler adds to the rows (children, renamed keys).

    ``columns`` are (key, SQL) in the order of the response; the main table is ``x``.
    SQLite gives times without a zone (stored in UTC) and booleans as 0/1: they are
    converted as the ORM converts them, so the bytes of the response are the same."""

    table: str
    joins: str
    columns: tuple[tuple[str, str], ...]
    finish: Callable[[list[dict[str, Any]]], list[dict[str, Any]]]
    times: frozenset[str] = frozenset({"created_at", "updated_at"})
    booleans: frozenset[str] = frozenset()
    # The list's key in the team's tallies (core/tallies.py), and the condition whose
    # value is the key's bucket (``x.kind = %s``): the total without filters, or with
    # that one alone, is read from the tallies instead of counted.
    tally: str | None = None
    bucket: str | None = None

    def statement(
        self, team: Any, params: ListQuery, where: Where | None = None
    ) -> tuple[str, list[Any]]:
        """The page's SQL and its parameters."""
        descending = params.order == "-id"
        conditions, args = (where or Where(())).sql(team)
        if params.after is not None:
            conditions.append("x.id < %s" if descending else "x.id > %s")
            args.append(params.after)
        offset = 0 if params.after is not None else params.offset
        sql = (
            f"SELECT {', '.join(self._select())} FROM {self.table} x"
            f" {self.joins} WHERE {' AND '.join(conditions)}"
            f" ORDER BY x.id {'DESC' if descending else 'ASC'} LIMIT %s OFFSET %s"
        )
        return sql, [*args, params.limit, offset]

    def count(self, team: Any, where: Where | None = None) -> int:
        """How many of the team's rows ``where`` keeps (without the joins, which only
        bring columns, as the ORM's count of the handler's queryset); the team's
        tally if ``where`` is none or only the bucket's condition."""
        if self.tally is not None:
            if where is None:
                return tallies.total(team, self.tally)
            if self.bucket is not None and len(where.terms) == 1:
                sql, value = where.terms[0]
                if sql == self.bucket:
                    return tallies.total(team, self.tally, str(value))
        conditions, args = (where or Where(())).sql(team)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT COUNT(*) FROM {self.table} x WHERE {' AND '.join(conditions)}",  # noqa: S608
                args,
            )
            return int(cursor.fetchone()[0])

    def page(
        self, team: Any, params: ListQuery, where: Where | None = None
    ) -> list[dict[str, Any]]:
        sql, args = self.statement(team, params, where)
        with connection.cursor() as cursor:
            cursor.execute(sql, args)
            found = cursor.fetchall()
        keys = [key for key, _expr in self.columns]
        times = [i for i, key in enumerate(keys) if key in self.times]
        booleans = [i for i, key in enumerate(keys) if key in self.booleans]
        rows = []
        for values in found:
            if times or booleans:
                values = list(values)
                for i in times:
                    values[i] = _utc_time(values[i])
                for i in booleans:
                    if values[i] is not None:
                        values[i] = bool(values[i])
            rows.append(dict(zip(keys, values, strict=True)))
        return self.finish(rows)

    def _select(self) -> list[str]:
        """The columns' SQL. On SQLite the times are read as the text they are stored
        as (``|| ''`` hides the declared type from the driver's converter): parsing
        them into datetimes and giving each a zone cost about a fifth of a list
        request's CPU; ``_utc_time`` writes the same ISO text JSON would."""
        if connection.vendor != "sqlite":
            return [expr for _key, expr in self.columns]
        return [f"({expr} || '')" if key in self.times else expr for key, expr in self.columns]


def _utc_time(value: Any) -> Any:
    """A stored time as the response writes it: ISO 8601 in UTC with its offset, as
    ``datetime.isoformat()`` (and orjson) write an aware UTC datetime. SQLite's text
    ``2026-12-06 08:30:00[.123456]`` (Django stores UTC without a zone) becomes
    ``2026-12-06T08:30:00[.123456]+00:00`` without parsing; anything else (another
    shape of text, a naive or aware datetime) is parsed and converted."""
    if isinstance(value, str):
        if len(value) in (19, 26) and value[10] == " " and value[4] == "-":
            return f"{value[:10]}T{value[11:]}+00:00"
        value = dt.datetime.fromisoformat(value)
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


# Query parameters that page through a list without changing which rows match it.
PAGING_PARAMS = frozenset({"limit", "offset", "after", "order"})

# Totals this process has read, by (database, team, data version, day, list and filters):
# the data version makes a kept total right until the team's next audited write, as in
# core/cache.py. Looking one up here costs a dictionary read; through team_cached (key
# text, SHA-256, the local cache's pickle) it was about a tenth of a list request.
_counts: dict[tuple[Any, ...], int] = {}
_COUNTS_KEPT = 4096


def forget_counts() -> None:
    """Drop the kept totals and list bodies (the tests' fixture, with the caches: ids
    come again after a test's rollback)."""
    _counts.clear()
    _bodies.clear()
    _body_bytes[0] = 0


def _count(request: HttpRequest, compute: Callable[[], int]) -> int:
    """The list's total: from this process' totals, else from the team cache (shared
    by the server's processes), else counted."""
    team = request.team  # type: ignore[attr-defined]
    version = read_version(request)
    filters = _count_filters(request)
    local = None
    if team is not None and version is not None:
        local = (
            connection.settings_dict["NAME"],
            team.pk,
            version,
            timezone.localdate(),
            filters,
        )
        found = _counts.get(local)
        if found is not None:
            return found
    count = team_cached(team, _count_key(filters), compute, version=version)
    if local is not None:
        if len(_counts) >= _COUNTS_KEPT:
            _counts.clear()  # old versions are never read again
        _counts[local] = count
    return count


def _count_filters(request: HttpRequest) -> tuple[Any, ...]:
    """What decides a list's total: its path and filters (every query parameter but the
    paging ones) and the time zone (date filters read the day in it). Read from the
    request rather than from the compiled SQL, which cost a second compilation of the
    page's query on every request."""
    filters = sorted(
        (key, value)
        for key, values in request.GET.lists()
        if key not in PAGING_PARAMS
        for value in values
    )
    return (request.path, tuple(filters), timezone.get_current_timezone_name())


def _count_key(filters: tuple[Any, ...]) -> str:
    """The team cache's key of a list's total (``_count_filters``)."""
    text = repr(filters)
    return "api-count:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def rows_for_ids(sql: str, ids: list[int]) -> list[tuple[Any, ...]]:
    """The rows of a fixed query over a page's child records, ``{ids}`` in ``sql``
    standing for the page's ids. Plain SQL: the ids come from the page's team-scoped
    query, so the children are the team's by construction, and compiling the same
    ORM query on every page cost more CPU than running it (bench/bench_api_lists.py).
    Values come as the driver gives them: SQLite gives dates as ISO text (JSON writes
    the same) and booleans as 0/1, which the caller turns into booleans."""
    if not ids:
        return []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One array for each ``IN ({ids})``: the statement's text and its three or
            # so parameters are the same for every page, so psycopg parses it once and
            # the server plans it once (prepared). A list of 150 placeholders (the
            # conversations' children) was parsed again in Python on every request:
            # psycopg caches only statements of at most 50 parameters.
            text, count = _IN_IDS.subn("= ANY(%s::bigint[])", sql)
            if count != sql.count("{ids}"):
                raise ValueError("rows_for_ids: write each {ids} as IN ({ids})")
            cursor.execute(text, [ids] * count)
        else:
            # ``{ids}`` may stand in several places (a UNION of children): ids for each.
            cursor.execute(sql.format(ids=", ".join(["%s"] * len(ids))), ids * sql.count("{ids}"))
        return list(cursor.fetchall())


_IN_IDS = re.compile(r"\bIN \(\{ids\}\)")


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


def team_ref(queryset: QuerySet[Any], team: Any, pk: int | None, field: str) -> Any:
    """The team's record ``pk`` for an input field, or None when ``pk`` is None. An
    unknown id, or another team's, is a 400 on that field (never a sign it exists)."""
    if pk is None:
        return None
    try:
        return get_for_team_or_404(queryset, team, pk=pk)
    except Http404:
        raise ValidationError({field: [_("Choose one of your team's records.")]}) from None


def patch_data(payload: Schema, nullable: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The fields a PATCH body actually sent (an absent field is left alone). ``null``
    clears only the ``nullable`` fields; for any other it is a 400 on that field."""
    data = payload.dict(exclude_unset=True)
    refused = {
        k: [_("This field cannot be empty.")]
        for k, v in data.items()
        if v is None and k not in nullable
    }
    if refused:
        raise ValidationError(refused)
    return data


class BoundedLimitOffset(LimitOffsetPagination):
    """ninja's limit/offset with the offset bounded to what a database accepts."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=500)
        offset: int = Field(0, ge=0, le=MAX_INT)


class HistoryChangeOut(Schema):
    field: str
    label: str = Field(description="The field's name in the caller's language")
    old: Any = None
    new: Any = None


class HistoryItemOut(Schema):
    """One audited change of a record or of a row kept with it (core.audit.record_events)."""

    id: int
    at: dt.datetime
    by: str | None = Field(description="Who made it; null for the system or a deleted user")
    action: str = Field(description="create, update or delete")
    record_type: str = Field(description="app.model of the changed row, e.g. customers.interest")
    record_id: str
    record: str = Field(description="How the row read when changed (blank after an erasure)")
    changes: list[HistoryChangeOut]


HistoryPage = page_schema(HistoryItemOut, "HistoryPage")


def history_list(request: HttpRequest, instance: Any, params: ListQuery) -> HttpResponse:
    """A record's history (``core.audit.record_events``) as a page of the API, paged
    like the lists: each change with who, when and each field's old and new value."""

    def rows(window: QuerySet[Any]) -> list[dict[str, Any]]:
        return [
            {
                **{k: v for k, v in row.items() if k not in ("action_label", "record_label")},
                # The page's "text changed" length is the page's: the API gives the texts.
                "changes": [{k: v for k, v in c.items() if k != "size"} for c in row["changes"]],
            }
            for row in history_rows(instance, list(window))
        ]

    return list_page(request, record_events(instance), params, rows, updated_field=None)

"""core.api_utils.rows_for_ids: a page's children by one fixed statement."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from fasit.core.api_utils import rows_for_ids

SQL = (
    "SELECT 'a', id FROM auth_user WHERE id IN ({ids})"
    " UNION ALL SELECT 'b', id FROM auth_user WHERE id IN ({ids}) ORDER BY 1, 2"
)


@pytest.mark.django_db
def test_rows_for_ids_reads_each_id_in_each_place() -> None:
    users = [get_user_model().objects.create(username=f"u{i}") for i in range(3)]
    ids = [u.pk for u in users]
    rows = rows_for_ids(SQL, [*ids[:2], 10**9])
    assert [tuple(r) for r in rows] == [("a", ids[0]), ("a", ids[1]), ("b", ids[0]), ("b", ids[1])]
    assert rows_for_ids(SQL, []) == []


@pytest.mark.django_db
def test_on_postgresql_every_page_runs_the_same_statement() -> None:
    """One array parameter per ``IN ({ids})``: psycopg parses (and caches) a statement
    of at most 50 parameters once; 3 × 50 placeholders were parsed on every request."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's arrays")
    seen: list[tuple[str, Any]] = []

    def wrapper(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        seen.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        rows_for_ids(SQL, list(range(1, 51)))
        rows_for_ids(SQL, [7, 8, 9])
    assert len(seen) == 2
    assert seen[0][0] == seen[1][0]
    assert "{ids}" not in seen[0][0]
    assert [len(params) for _sql, params in seen] == [2, 2]


@pytest.mark.django_db
def test_an_ids_placeholder_outside_in_is_refused_on_postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's arrays")
    with pytest.raises(ValueError, match="IN"):
        rows_for_ids("SELECT id FROM auth_user WHERE id = ({ids})", [1])

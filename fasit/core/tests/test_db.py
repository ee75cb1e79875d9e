from __future__ import annotations

from typing import Any

import pytest
from django.db import connection, transaction

from fasit.core.db import refresh_statistics
from fasit.customers.models import Account


def _all_visible_pages() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relallvisible FROM pg_class WHERE relname = %s", [Account._meta.db_table]
        )
        return int(cursor.fetchone()[0])


@pytest.mark.django_db(transaction=True)
def test_the_demo_seeds_statistics_leave_loaded_pages_all_visible(team_a: Any) -> None:
    """After a bulk load the pages are not yet marked all-visible, so a count over a
    team's rows reads the table instead of the index (issue 17: an API list's total at
    scale 100, 70-150 ms against 26-29 ms); the demo's refresh vacuums them."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no visibility map; its statistics are left alone")
    Account.objects.bulk_create(
        [Account(team=team_a, name=f"Account {i}", country="NO") for i in range(300)]
    )
    refresh_statistics()  # ANALYZE only, as after an import
    assert _all_visible_pages() == 0
    refresh_statistics(vacuum=True)
    assert _all_visible_pages() > 0


@pytest.mark.django_db(transaction=True)
def test_inside_a_transaction_the_refresh_only_analyses(team_a: Any) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite is left alone")
    Account.objects.bulk_create(
        [Account(team=team_a, name=f"Account {i}", country="NO") for i in range(300)]
    )
    with transaction.atomic():
        refresh_statistics(vacuum=True)  # VACUUM would raise in a transaction block
    assert _all_visible_pages() == 0


@pytest.mark.django_db(transaction=True)
def test_the_refresh_leaves_the_servers_shared_catalogs_alone(team_a: Any) -> None:
    """A bare ANALYZE inside a long transaction (the demo seed's) held locks on the
    cluster's shared catalogs until it ended: every other database's ANALYZE waited."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite is left alone")
    with transaction.atomic():
        refresh_statistics()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT relation::regclass::text FROM pg_locks"
                " WHERE pid = pg_backend_pid() AND locktype = 'relation' AND database = 0"
                " AND mode = 'ShareUpdateExclusiveLock'"
            )
            shared = [row[0] for row in cursor.fetchall()]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid()"
                " AND locktype = 'relation' AND mode = 'ShareUpdateExclusiveLock'"
                " AND relation = %s::regclass",
                [Account._meta.db_table],
            )
            analysed_own = cursor.fetchone()[0]
    assert shared == []
    assert analysed_own == 1  # Fasit's tables are still analysed

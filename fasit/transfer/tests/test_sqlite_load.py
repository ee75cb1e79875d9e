"""SQLite: a large first import of people builds their scattered indexes at the end
(``transfer/sqlite_load.py``), inside its one transaction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from fasit.customers.models import ImportantDate, Person, PersonRole
from fasit.testing import AccountFactory, PersonFactory
from fasit.transfer import sqlite_load
from fasit.transfer.importing import ImportOptions, open_import_file, run_import
from fasit.transfer.sqlite_load import DEFERRED, indexes_built_at_end, should_defer

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="PostgreSQL keeps its indexes (sqlite_load.py)"
)

CONTACTS = (
    "Record ID,First Name,Last Name,Email,Job Title,Associated Company,Date of birth\n"
    "101,Kari,Nordmann,kari@fjord.no,Innkjøpssjef,Fjord Energi AS,1980-05-17\n"
    "102,Ola,Hansen,ola@fjord.no,CFO,Fjord Energi AS,\n"
    "103,Siri,Dahl,siri@vik.no,Daglig leder,Vik Bygg AS,--02-29\n"
)
BAD_ROW = "104,Per,Lie,not-an-address,CFO,Vik Bygg AS,\n"


def _run(team: Any, actor: Any, tmp_path: Path, text: str, **options: Any) -> Any:
    path = tmp_path / "contacts.csv"
    path.write_text(text, encoding="utf-8")
    import_file = open_import_file(path, path.name, team=team)[0]
    return run_import(team=team, actor=actor, files=[import_file], options=ImportOptions(**options))


def _schema() -> dict[str, str]:
    """Every index of the tables concerned, by name: its SQL (None for a constraint's)."""
    with connection.cursor() as cursor:
        marks = ", ".join(["%s"] * len(DEFERRED))
        cursor.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ({marks})",
            list(DEFERRED),
        )
        return dict(cursor.fetchall())


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file counts as large (the real threshold is 50,000 rows)."""
    monkeypatch.setattr(sqlite_load, "DEFER_FROM_ROWS", 1)


def test_a_large_first_import_drops_the_scattered_indexes_and_builds_them_again(
    tmp_path: Path, team_a: Any, alice: Any, large: None
) -> None:
    before = _schema()
    with CaptureQueriesContext(connection) as queries:
        outcome = _run(team_a, alice, tmp_path, CONTACTS)
    assert outcome.status == "done", outcome.problems
    dropped = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("DROP INDEX")]
    # (team, name), (team, e-mail), (team, name day); a role's account; (month, day).
    assert len(dropped) == 5, dropped
    # The same indexes, from the same SQL, once the file is written.
    assert _schema() == before
    kari = Person.objects.for_team(team_a).get(email="kari@fjord.no")
    with connection.cursor() as cursor:
        cursor.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM customers_person WHERE team_id = %s AND email = %s",
            [team_a.pk, kari.email],
        )
        plan = str(cursor.fetchall())
    by_email = next(name for name, sql in before.items() if sql and '("team_id", "email")' in sql)
    assert by_email in plan
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA integrity_check")
        assert cursor.fetchall() == [("ok",)]
    assert ImportantDate.objects.filter(person=kari).count() == 1
    assert PersonRole.objects.filter(person=kari).get().account.name == "Fjord Energi AS"


def test_a_refused_file_leaves_the_indexes_and_nothing_else(
    tmp_path: Path, team_a: Any, alice: Any, large: None
) -> None:
    before = _schema()
    outcome = _run(team_a, alice, tmp_path, CONTACTS + BAD_ROW)
    assert outcome.status == "refused"
    assert _schema() == before
    assert not Person.objects.for_team(team_a).exists()


def test_a_dry_run_leaves_the_indexes(tmp_path: Path, team_a: Any, alice: Any, large: None) -> None:
    before = _schema()
    outcome = _run(team_a, alice, tmp_path, CONTACTS, dry_run=True)
    assert outcome.status == "checked"
    assert _schema() == before
    assert not Person.objects.for_team(team_a).exists()


def test_a_failure_in_the_middle_rolls_the_drop_back(
    tmp_path: Path, team_a: Any, alice: Any, large: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fasit.transfer.writers import PersonWriter

    before = _schema()
    dropped: list[set[str]] = []

    def failing(self: Any, records: Any) -> Any:
        dropped.append(set(before) - set(_schema()))
        raise RuntimeError("disk full")

    monkeypatch.setattr(PersonWriter, "write", failing)
    with pytest.raises(RuntimeError):
        _run(team_a, alice, tmp_path, CONTACTS)
    assert len(dropped[0]) == 5  # they were gone while the file was written...
    assert _schema() == before  # ...and came back with the rollback
    assert not Person.objects.for_team(team_a).exists()


def test_unique_indexes_stay_and_still_refuse_duplicates(team_a: Any, large: None) -> None:
    person = PersonFactory(team=team_a, name="Kari Nordmann")
    account = AccountFactory(team=team_a, name="Fjord Energi AS")
    PersonRole.objects.create(person=person, account=account)
    unique = {name for name, sql in _schema().items() if sql is None or "UNIQUE" in sql}
    assert unique  # a role's (person, account), among others
    before = _schema()
    with pytest.raises(IntegrityError), transaction.atomic(), indexes_built_at_end(10**9, True):
        assert unique <= set(_schema()) < set(before)  # the plain ones went, not these
        PersonRole.objects.create(person=person, account=account)


def test_only_a_first_file_at_least_as_large_as_the_table_is_loaded_so(
    team_a: Any, large: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A team with people matches in the database, by the (team, e-mail) index.
    assert not should_defer(10, fresh=False)
    PersonFactory.create_batch(3, team=team_a)
    highest = Person.objects.order_by("-id").values_list("id", flat=True).first()
    # A file smaller than what the table holds (every team's): rebuilding would cost more.
    assert not should_defer(highest - 1, fresh=True)
    assert should_defer(highest, fresh=True)
    monkeypatch.setattr(sqlite_load, "DEFER_FROM_ROWS", 50_000)
    assert not should_defer(highest, fresh=True)

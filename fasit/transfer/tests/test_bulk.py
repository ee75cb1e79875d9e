"""The import's raw bulk writes: the cross-team rules they check themselves (they pass
by the model layer's guard), the values they convert, and the search entries the
import writes instead of rebuilding the team's index."""

from __future__ import annotations

import datetime as dt
import gc
import zoneinfo
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.db import IntegrityError, OperationalError, connection, connections, transaction
from django.test.utils import CaptureQueriesContext

from fasit.conversations.models import Conversation
from fasit.core import tallies
from fasit.core.db import savepoint, whole_transaction
from fasit.core.guard import CrossTeamReference, RowCheck
from fasit.core.models import AuditEvent
from fasit.customers.models import Account, ImportantDate, Person, PersonRole
from fasit.search.documents import (
    BULK_HASHSIZE,
    index_records,
    index_team,
    insert_indexed,
    large_fts_buffer,
)
from fasit.search.models import SearchEntry
from fasit.search.selectors import search_hits
from fasit.testing import AccountFactory, PersonFactory
from fasit.transfer import bulk
from fasit.transfer.bulk import JSONText, _binary_types, insert_rows, pipelined
from fasit.transfer.importing import (
    IMPORT_CACHE_KIB,
    IMPORT_GC_THRESHOLD,
    ImportOptions,
    open_import_file,
    run_import,
)
from fasit.transfer.models import ExternalKey

COMPANIES = (
    "Record ID,Company name,Country/Region,Organization number\n"
    "9001,Fjord Energi AS,Norway,923609016\n"
    "9002,Vik Bygg AS,Norway,\n"
)
CONTACTS = (
    "Record ID,First Name,Last Name,Email,Job Title,Associated Company,Create Date\n"
    "101,Kari,Nordmann,kari@fjord.no,Innkjøpssjef,Fjord Energi AS,2023-04-12 10:22\n"
    "102,Ola,Hansen,ola@fjord.no,CFO,Fjord Energi AS,\n"
    "103,Siri,Dahl,siri@vik.no,Daglig leder,Vik Bygg AS,\n"
    "104,Søren,Østergård,soren@aero.dk,Indkøbschef,Ærø Maskin A/S,\n"
)


def _run(team: Any, actor: Any, tmp_path: Path, **texts: str) -> Any:
    files = []
    for name, text in texts.items():
        path = tmp_path / f"{name}.csv"
        path.write_text(text, encoding="utf-8")
        files.append(open_import_file(path, path.name, team=team)[0])
    return run_import(team=team, actor=actor, files=files, options=ImportOptions())


def _entries(team: Any) -> dict[tuple[str, int], tuple[list[str], list[str]]]:
    return {
        (e.kind, e.object_id): (sorted(e.title_index.split()), sorted(e.body_index.split()))
        for e in SearchEntry.objects.for_team(team).filter(kind__in=["account", "person"])
    }


def test_the_search_entries_an_import_writes_are_what_a_rebuild_gives(
    tmp_path: Path, team_a: Any, alice: Any
) -> None:
    # Records that exist before: one person the file changes, one account it renames
    # (matched by organisation number), one person it leaves alone.
    old = AccountFactory(team=team_a, name="Fjord Gammel AS", org_number="923 609 016")
    kari = PersonFactory(team=team_a, name="Kari N.", email="kari@fjord.no")
    PersonRole.objects.create(person=kari, account=old, title="Innkjøper")
    PersonFactory(team=team_a, name="Per Lie", email="per@lie.no")
    index_team(team_a, kinds=["account", "person"])

    outcome = _run(team_a, alice, tmp_path, companies=COMPANIES, contacts=CONTACTS)
    assert outcome.status == "done", outcome.problems
    assert outcome.counts()["created"] == 4  # Vik Bygg, Ola, Siri, Søren
    imported = _entries(team_a)
    assert (
        len(imported)
        == Account.objects.for_team(team_a).count() + Person.objects.for_team(team_a).count()
    )
    index_team(team_a, kinds=["account", "person"])
    assert imported == _entries(team_a)
    # The renamed account's person is found under the new name, the folded forms too.
    kari_entry = SearchEntry.objects.get(kind="person", object_id=kari.pk).body_index.split()
    assert {"fjord", "energi", "innkjopssjef"} <= set(kari_entry)
    soren = Person.objects.get(email="soren@aero.dk")
    assert "aero" in SearchEntry.objects.get(kind="person", object_id=soren.pk).body_index


def test_imported_entries_are_found_and_the_index_keeps_working_after(
    tmp_path: Path, team_a: Any, alice: Any
) -> None:
    # On SQLite the import fills FTS5 set-based with its insert trigger dropped for the
    # moment: the imported records are found, and records saved afterwards are too.
    outcome = _run(team_a, alice, tmp_path, companies=COMPANIES, contacts=CONTACTS)
    assert outcome.status == "done", outcome.problems
    soren = Person.objects.get(email="soren@aero.dk")
    assert {(h.kind, h.object_id) for h in search_hits(team_a, "Østergård")} == {
        ("person", soren.pk)
    }
    assert [h.object_id for h in search_hits(team_a, "vik bygg", kind="account")] == [
        Account.objects.get(name="Vik Bygg AS").pk
    ]
    later = PersonFactory(team=team_a, name="Ragnhild Tveit")
    index_records("person", [later.pk])
    assert [h.object_id for h in search_hits(team_a, "ragnhild")] == [later.pk]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES('integrity-check')")


def test_a_failed_bulk_insert_of_entries_leaves_the_index_trigger_in_place(team_a: Any) -> None:
    def failing() -> list[int]:
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        insert_indexed(failing)
    person = PersonFactory(team=team_a, name="Ragnhild Tveit")
    index_records("person", [person.pk])
    assert [h.object_id for h in search_hits(team_a, "tveit")] == [person.pk]


def test_an_import_writes_its_batches_without_savepoints(
    tmp_path: Path, team_a: Any, alice: Any
) -> None:
    # On SQLite a savepoint copies every page it changes to a statement journal (about
    # 800 MB per 100,000 rows late in a million-row import); the import is all or
    # nothing, so its bulk helpers take none (``core.db.whole_transaction``).
    with CaptureQueriesContext(connection) as queries:
        outcome = _run(team_a, alice, tmp_path, companies=COMPANIES, contacts=CONTACTS)
    assert outcome.status == "done", outcome.problems
    assert Person.objects.for_team(team_a).count() == 4
    statements = [q["sql"] for q in queries.captured_queries]
    if connection.vendor == "sqlite":
        # The helpers ran (the triggers they drop for the bulk insert)...
        assert any(s.startswith("DROP TRIGGER") for s in statements)
    # ...and none opened a savepoint: the one left is the import's own transaction,
    # a savepoint here only because the test runs inside a transaction itself.
    opened = [s for s in statements if s.upper().startswith("SAVEPOINT")]
    assert len(opened) == (1 if connection.in_atomic_block else 0), opened
    # Outside an import the helpers keep theirs (a caller may catch a failed insert).
    assert savepoint() is True


def test_a_failed_insert_inside_a_whole_transaction_rolls_all_of_it_back(team_a: Any) -> None:
    kept = PersonFactory(team=team_a, name="Ragnhild Tveit")

    def failing() -> list[int]:
        PersonFactory(team=team_a, name="Ola Nordmann")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError), transaction.atomic(), whole_transaction():
        assert savepoint() is False
        PersonFactory(team=team_a, name="Siri Dahl")
        insert_indexed(failing)
    # No savepoint of its own: the whole transaction went, not only the failed part.
    assert list(Person.objects.for_team(team_a).values_list("name", flat=True)) == [kept.name]
    # The index trigger the helper dropped is back with the rollback.
    index_records("person", [kept.pk])
    assert [h.object_id for h in search_hits(team_a, "tveit")] == [kept.pk]


def test_a_row_pointing_at_another_teams_record_is_refused_and_nothing_written(
    team_a: Any, team_b: Any, alice: Any, charlie: Any
) -> None:
    ours = PersonFactory(team=team_a, name="Kari Berg")
    theirs = AccountFactory(team=team_b, name="Other AB")
    check = RowCheck(team_a.pk)
    with pytest.raises(CrossTeamReference):
        insert_rows(PersonRole, [{"person_id": ours.pk, "account_id": theirs.pk}], check=check)
    with pytest.raises(CrossTeamReference):
        insert_rows(Person, [{"team_id": team_b.pk, "name": "Eve"}], check=check)
    with pytest.raises(CrossTeamReference):  # an owner who is not a member of the team
        insert_rows(
            Account, [{"team_id": team_a.pk, "name": "X AS", "owner_id": charlie.pk}], check=check
        )
    assert not PersonRole.objects.exists()
    assert not Person.objects.filter(name="Eve").exists()
    assert not Account.objects.filter(name="X AS").exists()

    # Rows of the team pass; ids the check saw inserted are not asked about again.
    [account_id] = insert_rows(
        Account, [{"team_id": team_a.pk, "name": "Fjord AS", "owner_id": alice.pk}], check=check
    )
    insert_rows(PersonRole, [{"person_id": ours.pk, "account_id": account_id}], check=check)
    assert PersonRole.objects.get(person=ours).account.name == "Fjord AS"
    # Remembered ids are the team's own: another team's id still fails.
    with pytest.raises(CrossTeamReference):
        insert_rows(
            PersonRole,
            [
                {"person_id": ours.pk, "account_id": account_id},
                {"person_id": ours.pk, "account_id": theirs.pk},
            ],
            check=check,
        )


def test_values_are_stored_as_the_orm_stores_them(team_a: Any, alice: Any) -> None:
    oslo = zoneinfo.ZoneInfo("Europe/Oslo")
    moment = dt.datetime(2023, 10, 29, 12, 30, tzinfo=oslo)
    check = RowCheck(team_a.pk)
    [pk] = insert_rows(
        Person,
        [
            {
                "team_id": team_a.pk,
                "name": "Kari",
                "legal_basis_recorded_on": dt.date(2024, 2, 29),
                "created_at": moment,
                "updated_at": moment,
            }
        ],
        check=check,
    )
    kari = Person.objects.get(pk=pk)
    assert (kari.created_at, kari.legal_basis_recorded_on) == (moment, dt.date(2024, 2, 29))
    changes = {"imported_from": [None, "ø.csv:2"], "amount": ["1.50", 2]}
    [event] = insert_rows(
        AuditEvent,
        [
            {
                "team_id": team_a.pk,
                "actor_id": alice.pk,
                "action": "create",
                "object_type": "customers.person",
                "object_id": str(pk),
                "object_repr": "Kari",
                "changes": changes,
                "at": moment,
            }
        ],
        check=check,
    )
    stored = AuditEvent.objects.get(pk=event)
    assert (stored.changes, stored.at) == (changes, moment)


def test_text_dates_numbers_and_nulls_are_stored_as_given_in_either_copy_format(
    team_a: Any,
) -> None:
    """PostgreSQL copies a table of plain types in binary and any other as text: the
    values come back the same either way (and on SQLite)."""
    oslo = zoneinfo.ZoneInfo("Europe/Oslo")
    moment = dt.datetime(2024, 6, 15, 12, 30, tzinfo=oslo)
    check = RowCheck(team_a.pk)
    awkward = 'Åse \\N \t\ttab\nline \\ back\\slash "quote" ø 😀'
    [pk] = insert_rows(
        Person,
        [
            {
                "team_id": team_a.pk,
                "name": awkward,
                "email": "",
                "notes": "\\.\n\\N",
                "legal_basis_recorded_on": dt.date(2024, 2, 29),
                "legal_basis_recorded_by_id": None,
                "import_line": 70000,
                "created_at": moment,
                "updated_at": moment,
            }
        ],
        check=check,
    )
    stored = Person.objects.get(pk=pk)
    assert (stored.name, stored.notes, stored.email) == (awkward, "\\.\n\\N", "")
    assert (stored.created_at, stored.legal_basis_recorded_on) == (moment, dt.date(2024, 2, 29))
    assert (stored.legal_basis_recorded_by_id, stored.import_line) == (None, 70000)
    [date] = insert_rows(
        ImportantDate,
        [{"person_id": pk, "kind": "birthday", "month": 2, "day": 29, "year": None}],
        check=check,
    )
    assert ImportantDate.objects.filter(pk=date, month=2, day=29, year__isnull=True).exists()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            assert _binary_types(cursor, '"customers_person"', ["id", "name"]) is not None
            # jsonb (the audit's changes) is not among the binary types: text.
            assert _binary_types(cursor, '"core_auditevent"', ["id", "changes"]) is None


@pytest.mark.parametrize("line", [2**31, 2**40])
def test_a_number_too_large_for_its_column_is_refused_not_stored_wrapped(
    team_a: Any, line: int
) -> None:
    """psycopg's binary COPY packs a whole number into an int4 column's four bytes
    without a check (2**31 came back as -2**31, 2**40 as 0): such a batch goes as text,
    and PostgreSQL refuses it. SQLite's integers are 64-bit and keep it."""
    row = {
        "team_id": team_a.pk,
        "name": "Åse Lid",
        "email": "",
        "legal_basis_recorded_on": dt.date(2024, 2, 29),
        "import_line": line,
    }
    check = RowCheck(team_a.pk)
    if connection.vendor != "postgresql":
        [pk] = insert_rows(Person, [row], check=check)
        assert Person.objects.get(pk=pk).import_line == line
        return
    with pytest.raises(psycopg.errors.NumericValueOutOfRange), transaction.atomic():
        insert_rows(Person, [row, {**row, "import_line": 7}], check=check)
    assert not Person.objects.filter(team=team_a).exists()
    # Numbers that fit still go in binary.
    [pk] = insert_rows(Person, [{**row, "import_line": 2**31 - 1}], check=check)
    assert Person.objects.get(pk=pk).import_line == 2**31 - 1


def test_json_given_as_text_is_stored_as_it_is_and_dicts_and_one_shared_value_as_before(
    team_a: Any,
) -> None:
    check = RowCheck(team_a.pk)
    moment = dt.datetime(2024, 3, 31, 1, 30, tzinfo=dt.UTC)
    rows = [
        {
            "team_id": team_a.pk,
            "action": "create",
            "object_type": "customers.person",
            "object_id": "1",
            "object_repr": "Kari",
            "changes": JSONText('{"imported_from": [null, "a.csv:2"]}'),
            "at": moment,  # one object on both rows: converted once
        },
        {
            "team_id": team_a.pk,
            "action": "create",
            "object_type": "customers.person",
            "object_id": "2",
            "object_repr": "Ola",
            "changes": {"imported_from": [None, "a.csv:3"]},
            "at": moment,
        },
    ]
    ids = insert_rows(AuditEvent, rows, check=check)
    stored = [AuditEvent.objects.get(pk=pk) for pk in ids]
    assert [e.changes for e in stored] == [
        {"imported_from": [None, "a.csv:2"]},
        {"imported_from": [None, "a.csv:3"]},
    ]
    assert [e.at for e in stored] == [moment, moment]


@pytest.mark.parametrize("team_has_people", [False, True])
def test_lines_of_one_person_in_different_batches_make_one_person(
    tmp_path: Path, team_a: Any, alice: Any, monkeypatch: pytest.MonkeyPatch, team_has_people: bool
) -> None:
    """A team with no people is matched in memory, one with people in the database:
    both find a person created by an earlier batch, by e-mail and by record id."""
    from fasit.transfer import importing

    monkeypatch.setattr(importing, "BATCH", 2)
    if team_has_people:
        PersonFactory(team=team_a, name="Per Lie", email="per@lie.no")
    text = CONTACTS + (
        "105,Kari,Nordmann,kari@fjord.no,Innkjøpsdirektør,Fjord Energi AS,\n"  # by e-mail
        "103,Siri,Dahl,siri.dahl@vik.no,Daglig leder,Vik Bygg AS,\n"  # by record id
    )
    outcome = _run(team_a, alice, tmp_path, contacts=text)
    assert outcome.counts() == {"created": 4, "updated": 2, "unchanged": 0, "invalid": 0}
    assert Person.objects.for_team(team_a).filter(email__endswith=".no").count() == (
        4 if team_has_people else 3
    )
    assert PersonRole.objects.get(person__email="kari@fjord.no").title == "Innkjøpsdirektør"
    assert Person.objects.filter(email="siri.dahl@vik.no").count() == 1


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's page cache")
def test_sqlite_imports_with_a_large_page_cache_and_gives_it_back(
    tmp_path: Path, team_a: Any, alice: Any
) -> None:
    def cache_size() -> int:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            return int(cursor.fetchone()[0])

    before = cache_size()
    during: list[int] = []
    path = tmp_path / "contacts.csv"
    path.write_text(CONTACTS, encoding="utf-8")
    run_import(
        team=team_a,
        actor=alice,
        files=[open_import_file(path, path.name, team=team_a)[0]],
        options=ImportOptions(),
        progress=lambda done, total: during.append(cache_size()),
    )
    assert during[0] == -IMPORT_CACHE_KIB
    assert cache_size() == before


def test_an_import_collects_cycles_less_often_and_restores_the_collector(
    tmp_path: Path, team_a: Any, alice: Any
) -> None:
    before = gc.get_threshold()
    during: list[int] = []
    path = tmp_path / "contacts.csv"
    path.write_text(CONTACTS, encoding="utf-8")
    run_import(
        team=team_a,
        actor=alice,
        files=[open_import_file(path, path.name, team=team_a)[0]],
        options=ImportOptions(),
        progress=lambda done, total: during.append(gc.get_threshold()[0]),
    )
    assert during[0] == IMPORT_GC_THRESHOLD
    assert gc.get_threshold() == before


TODAY = {"legal_basis_recorded_on": dt.date(2024, 5, 2)}


def test_pipelined_copies_are_written_in_order_and_seen_by_the_next_query(team_a: Any) -> None:
    """On PostgreSQL a thread writes the COPYs while the import goes on: every other
    statement waits for the rows given before it, and foreign keys are checked as the
    rows arrive (a role after its account and person passes)."""
    check = RowCheck(team_a.pk)
    with transaction.atomic(), pipelined():
        assert (bulk.active_pipeline() is not None) == (connection.vendor == "postgresql")
        [account] = insert_rows(Account, [{"team_id": team_a.pk, "name": "Fjord AS"}], check=check)
        people = insert_rows(
            Person,
            [{"team_id": team_a.pk, "name": f"Person {i}", **TODAY} for i in range(3)],
            check=check,
        )
        insert_rows(
            PersonRole, [{"person_id": pk, "account_id": account} for pk in people], check=check
        )
        # Queries see every row given before them.
        assert PersonRole.objects.filter(account_id=account).count() == 3
        assert sorted(Person.objects.for_team(team_a).values_list("pk", flat=True)) == people
        # After a table's first rows ids are drawn in blocks: the next inserts go on
        # from the same block without a query.
        [fourth] = insert_rows(Person, [{"team_id": team_a.pk, "name": "4", **TODAY}], check=check)
        [fifth] = insert_rows(Person, [{"team_id": team_a.pk, "name": "5", **TODAY}], check=check)
        assert fourth > people[-1]
        assert fifth == fourth + 1
    assert bulk.active_pipeline() is None
    assert Person.objects.for_team(team_a).count() == 5


def test_a_failed_pipelined_copy_is_raised_and_nothing_is_kept(team_a: Any) -> None:
    check = RowCheck(team_a.pk)
    key = {"team_id": team_a.pk, "source": "hubspot", "entity": "person", "key": "1"}
    person = PersonFactory(team=team_a)
    with (
        pytest.raises((IntegrityError, psycopg.IntegrityError)),
        transaction.atomic(),
        pipelined(),
    ):
        insert_rows(Account, [{"team_id": team_a.pk, "name": "Kept? AS"}], check=check)
        insert_rows(
            ExternalKey,
            [{**key, "person_id": person.pk}, {**key, "person_id": person.pk}],
            check=check,
        )
        # A query after the failed COPY raises its error, not a later one.
        Account.objects.count()
    assert not Account.objects.filter(name="Kept? AS").exists()
    assert bulk.active_pipeline() is None


def test_foreign_keys_are_deferred_again_after_the_pipeline(team_a: Any) -> None:
    """Inside the import's transaction foreign keys are checked at once; after it the
    transaction defers them again as Django's constraints say."""
    if connection.vendor != "postgresql":
        pytest.skip("constraint modes are PostgreSQL's")
    missing = Person.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    account = AccountFactory(team=team_a)
    role = "INSERT INTO customers_personrole (person_id, account_id, title, buying_role) VALUES (%s, %s, '', '')"
    with transaction.atomic():
        with (
            pipelined(),
            pytest.raises(IntegrityError),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(role, [missing + 1000, account.pk])
        with transaction.atomic():  # deferred: not checked before the commit
            with connection.cursor() as cursor:
                cursor.execute(role, [missing + 1000, account.pk])
            transaction.set_rollback(True)


def test_progress_counts_only_rows_whose_copy_has_finished(team_a: Any) -> None:
    """The import's progress asks ``written``: on PostgreSQL rows still queued for the
    COPY thread are not counted yet; without a pipeline every row given is written."""
    assert bulk.written(5) == 5
    check = RowCheck(team_a.pk)
    with transaction.atomic(), pipelined():
        pipeline = bulk.active_pipeline()
        insert_rows(
            Person,
            [{"team_id": team_a.pk, "name": f"Person {i}", **TODAY} for i in range(3)],
            check=check,
        )
        reached = bulk.written(3)
        if pipeline is None:
            assert reached == 3
            return
        assert reached <= 3  # the mark waits behind the COPY
        pipeline.drain()
        # The mark 3 was passed once the rows before it were written.
        assert bulk.written(4) == 3


def _session(cursor: Any, name: str) -> str:
    cursor.execute(f"SHOW {name}")
    return cursor.fetchone()[0]


def test_the_import_transaction_has_its_own_settings_and_leaves_no_gin_pending_list(
    team_a: Any, tmp_path: Path
) -> None:
    """``synchronous_commit`` off and a larger GIN pending list only for the import's
    transaction (``SET LOCAL``); the pending list is merged before the commit, so no
    later request pays for it."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's settings and GIN index")
    with connection.cursor() as cursor:
        # (The test's own transaction keeps them until its end: SET LOCAL lasts as long
        # as the outermost transaction, which in a real import is the import's.)
        cursor.execute("SELECT gin_clean_pending_list('search_entry_vector'::regclass)")
        with transaction.atomic(), pipelined():
            assert _session(cursor, "synchronous_commit") == "off"
            assert _session(cursor, "gin_pending_list_limit") == "64MB"
            assert _session(cursor, "work_mem") == "64MB"
    _run(team_a, None, tmp_path, companies=COMPANIES, contacts=CONTACTS)
    assert SearchEntry.objects.for_team(team_a).count() > 4
    with connection.cursor() as cursor:
        # Nothing left to merge: the import did it (0 pages taken off the list).
        cursor.execute("SELECT gin_clean_pending_list('search_entry_vector'::regclass)")
        assert cursor.fetchone()[0] == 0


def test_an_external_key_of_another_team_is_refused_without_its_database_constraint(
    team_a: Any, team_b: Any
) -> None:
    """``ExternalKey.team`` has no database constraint (it was one trigger query per
    imported contact): the import's cross-team check still refuses a key written for
    another team, and deleting a team still deletes its keys (Django's on_delete)."""
    ours = PersonFactory(team=team_a)
    key = {"source": "hubspot", "entity": "person", "key": "7", "person_id": ours.pk}
    with pytest.raises(CrossTeamReference):
        insert_rows(ExternalKey, [{**key, "team_id": team_b.pk}], check=RowCheck(team_a.pk))
    assert not ExternalKey.objects.exists()
    their_person = PersonFactory(team=team_b)
    insert_rows(
        ExternalKey,
        [{**key, "team_id": team_b.pk, "person_id": their_person.pk}],
        check=RowCheck(team_b.pk),
    )
    team_b.delete()
    assert not ExternalKey.objects.exists()


def test_a_search_entry_of_another_team_is_refused_without_its_database_constraint(
    team_a: Any, team_b: Any
) -> None:
    """``SearchEntry.team`` has no database constraint on PostgreSQL (it was one trigger
    query per imported contact): the import's cross-team check still refuses an entry
    written for another team, and deleting a team still deletes its entries (Django's
    on_delete)."""
    ours = PersonFactory(team=team_a)
    entry = {"kind": "person", "object_id": ours.pk, "title_index": "kari", "body_index": ""}
    SearchEntry.objects.filter(kind="person", object_id=ours.pk).delete()
    with pytest.raises(CrossTeamReference):
        insert_indexed(
            lambda: insert_rows(
                SearchEntry, [{**entry, "team_id": team_b.pk}], check=RowCheck(team_a.pk)
            )
        )
    assert not SearchEntry.objects.filter(kind="person", object_id=ours.pk).exists()
    theirs = PersonFactory(team=team_b, name="Ola Vik")
    index_records("person", [theirs.pk])
    assert SearchEntry.objects.filter(team_id=team_b.pk).exists()
    team_b_id = team_b.pk
    team_b.delete()
    assert not SearchEntry.objects.filter(team_id=team_b_id).exists()


def test_the_import_entry_a_record_names_is_set_to_null_when_deleted_without_a_constraint(
    tmp_path: Path, team_a: Any, team_b: Any, alice: Any
) -> None:
    """``import_entry`` (people, accounts) has no database constraint on PostgreSQL (one
    trigger query per imported row): the cross-team check refuses another team's entry,
    deleting the entry through the ORM sets it to NULL (Django's on_delete), and
    deleting the team deletes records and entries alike."""
    theirs = AuditEvent.objects.create(
        team=team_b, action="create", object_type="transfer.import", object_repr="x.csv"
    )
    with pytest.raises(CrossTeamReference):
        insert_rows(
            Person,
            [{"team_id": team_a.pk, "name": "Kari", "import_entry_id": theirs.pk, **TODAY}],
            check=RowCheck(team_a.pk),
        )
    assert not Person.objects.filter(name="Kari").exists()

    outcome = _run(team_a, alice, tmp_path, companies=COMPANIES, contacts=CONTACTS)
    assert outcome.status == "done", outcome.problems
    people = Person.objects.for_team(team_a)
    entries = set(people.values_list("import_entry_id", flat=True))
    entries |= set(Account.objects.for_team(team_a).values_list("import_entry_id", flat=True))
    entries.discard(None)
    assert entries and all(AuditEvent.objects.filter(pk=pk).exists() for pk in entries)
    AuditEvent.objects.filter(pk__in=entries).delete()
    assert not people.filter(import_entry_id__isnull=False).exists()
    assert not Account.objects.for_team(team_a).filter(import_entry_id__isnull=False).exists()

    _run(team_b, None, tmp_path, contacts=CONTACTS)
    team_b_id = team_b.pk
    assert Person.objects.filter(team_id=team_b_id, import_entry_id__isnull=False).exists()
    team_b.delete()
    assert not Person.objects.filter(team_id=team_b_id).exists()
    assert not AuditEvent.objects.filter(team_id=team_b_id).exists()


def test_the_constraints_the_import_no_longer_pays_for_are_the_redundant_ones(db: Any) -> None:
    """On PostgreSQL the import's rows fire these foreign-key checks and no others: a
    new constraint on one of its tables is a cost per imported row (docs/transfer.md,
    *Speed*), to be chosen on purpose. The team of keys and search entries and the
    import's entry are left to the model layer and the import's checks."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite keeps them in the tables' definitions")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, a.attname FROM pg_constraint c"
            " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]"
            " WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY(%s)",
            [
                [
                    "customers_person",
                    "customers_personrole",
                    "transfer_externalkey",
                    "search_searchentry",
                ]
            ],
        )
        found = sorted(cursor.fetchall())
    assert found == [
        ("customers_person", "legal_basis_recorded_by_id"),
        ("customers_person", "team_id"),
        ("customers_personrole", "account_id"),
        ("customers_personrole", "person_id"),
        ("transfer_externalkey", "account_id"),
        ("transfer_externalkey", "person_id"),
    ]


def _pipelined_here(*models: Any) -> Any:
    return pipelined(checked_here=models)


@pytest.mark.django_db(transaction=True)
def test_keys_checked_per_batch_lock_the_rows_they_name_as_the_triggers_did(team_a: Any) -> None:
    """Roles, keys and dates are copied without their foreign-key triggers on
    PostgreSQL (``checked_here``); a row they name that the import did not write is
    locked ``FOR KEY SHARE`` as the trigger locked it, so another transaction cannot
    delete it (nor lock it to) before the import commits. Only that COPY skips the
    triggers."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's foreign-key triggers")
    account = AccountFactory(team=team_a)  # committed: another connection sees it
    check = RowCheck(team_a.pk)
    with transaction.atomic(), _pipelined_here(PersonRole):
        pipeline = bulk.active_pipeline()
        assert pipeline is not None and list(pipeline.checked_here) == ['"customers_personrole"']
        people = insert_rows(
            Person,
            [{"team_id": team_a.pk, "name": f"Person {i}", **TODAY} for i in range(3)],
            check=check,
        )
        insert_rows(
            PersonRole, [{"person_id": pk, "account_id": account.pk} for pk in people], check=check
        )
        pipeline.drain()
        with connection.cursor() as cursor:
            assert _session(cursor, "session_replication_role") == "origin"
        other = connections.create_connection("default")
        try:
            with other.cursor() as cursor, pytest.raises(OperationalError):
                cursor.execute(
                    "SELECT id FROM customers_account WHERE id = %s FOR UPDATE NOWAIT",
                    [account.pk],
                )
        finally:
            other.close()
    assert PersonRole.objects.filter(account=account).count() == 3


def test_a_key_checked_per_batch_that_names_no_row_fails_and_keeps_nothing(team_a: Any) -> None:
    """The per-batch check refuses what the trigger refused: a role naming an account
    that does not exist rolls everything back."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite checks foreign keys at the commit, without a pipeline")
    missing = (Account.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1000
    check = RowCheck(team_a.pk)
    with (
        pytest.raises((IntegrityError, psycopg.IntegrityError)),
        transaction.atomic(),
        _pipelined_here(PersonRole),
    ):
        people = insert_rows(Person, [{"team_id": team_a.pk, "name": "Gone", **TODAY}], check=check)
        insert_rows(PersonRole, [{"person_id": people[0], "account_id": missing}], check=check)
        Account.objects.count()
    assert not Person.objects.filter(name="Gone").exists()
    assert bulk.active_pipeline() is None


def test_a_table_with_triggers_of_its_own_keeps_them_unless_they_are_tallies_kept_here(
    team_a: Any, alice: Any
) -> None:
    """``session_replication_role`` skips every trigger. People have only the tallies'
    triggers, whose insert the pipeline does itself once per COPY, so the tally still
    counts them; conversations' tallies are bucketed by a value of each row, so their
    table keeps its triggers. A person's team and recorder are locked as their
    triggers locked them."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's triggers")
    before = tallies.total(team_a, "people")
    with transaction.atomic(), _pipelined_here(Person, Conversation, ImportantDate):
        pipeline = bulk.active_pipeline()
        assert pipeline is not None
        assert sorted(pipeline.checked_here) == ['"customers_importantdate"', '"customers_person"']
        insert_rows(
            Person,
            [
                {
                    "team_id": team_a.pk,
                    "name": f"Kari {i}",
                    "legal_basis_recorded_by_id": alice.pk,
                    **TODAY,
                }
                for i in range(3)
            ],
            check=RowCheck(team_a.pk),
        )
        assert tallies.total(team_a, "people") == before + 3
        assert tallies.kept(team_a) == tallies.recount(team_a)
    assert tallies.kept(team_a) == tallies.recount(team_a)


SHARED_TEXTS = [
    "",
    'it\'s 100% "ours"',
    "%s %%s %% %d %(phone)s ?",
    "line\nbreak \\ back\\slash \t tab",
    "Åse ø 😀",
    "'; DROP TABLE customers_person; --",
]


def test_a_value_every_row_shares_is_stored_as_binding_it_would_store(team_a: Any) -> None:
    """SQLite writes a value every row of a bulk insert shares into the statement once
    (``bulk._shared_literal``): awkward text, numbers and nulls come back as given, and
    on PostgreSQL the same rows are copied as before."""
    check = RowCheck(team_a.pk)
    for text in SHARED_TEXTS:
        rows = [
            {
                "team_id": team_a.pk,
                "name": text,
                "email": f"p{i}@shared.example",
                "notes": text,
                "what_matters": text,
                "legal_basis_recorded_on": dt.date(2024, 2, 29),
                "legal_basis_recorded_by_id": None,
                "import_line": 2**30 + 7,
            }
            for i in range(3)
        ]
        with CaptureQueriesContext(connection) as queries:
            ids = insert_rows(Person, rows, check=check)
        stored = Person.objects.filter(pk__in=ids).order_by("pk")
        assert [(p.name, p.notes, p.what_matters, p.import_line) for p in stored] == [
            (text, text, text, 2**30 + 7)
        ] * 3
        assert [p.email for p in stored] == [f"p{i}@shared.example" for i in range(3)]
        assert {p.legal_basis_recorded_by_id for p in stored} == {None}
        if connection.vendor == "sqlite":
            [insert] = [q["sql"] for q in queries if 'INSERT INTO "customers_person"' in q["sql"]]
            assert "1073741831" in insert  # 2**30 + 7, written once


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's literals")
def test_values_that_are_not_written_as_literals_are_bound(db: Any) -> None:
    # A bool, a float, a NUL, a lone surrogate and an int beyond 64 bits are bound as
    # before; every literal reads back as the value.
    for value in (True, 1.5, "a\x00b", "\ud800", 2**63, dt.date(2024, 2, 29)):
        assert bulk._sqlite_literal(value) is None
    for value in [*SHARED_TEXTS, 0, -(2**63), 2**63 - 1, None]:
        literal = bulk._sqlite_literal(value)
        assert literal is not None
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {literal}, %s", [1])
            assert cursor.fetchone() == (value, 1)
    assert bulk._shared_literal(["a"]) is None  # one row: nothing to share
    shared = "x"
    assert bulk._shared_literal([shared, shared]) == "'x'"
    assert bulk._shared_literal(["x", "y"]) is None


def _fts_config() -> dict[str, Any]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT k, v FROM search_fts_config")
        return dict(cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5")
def test_fts5_buffers_more_terms_during_an_import_and_is_left_as_it_was(
    tmp_path: Path, team_a: Any, alice: Any
) -> None:
    before = _fts_config()
    assert "hashsize" not in before
    with transaction.atomic(), large_fts_buffer():
        assert _fts_config()["hashsize"] == BULK_HASHSIZE
    assert _fts_config() == before
    # A failure inside rolls the setting back with the rest.
    with pytest.raises(RuntimeError), transaction.atomic(), large_fts_buffer():
        raise RuntimeError("disk full")
    assert _fts_config() == before
    outcome = _run(team_a, alice, tmp_path, companies=COMPANIES, contacts=CONTACTS)
    assert outcome.status == "done", outcome.problems
    assert _fts_config() == before
    assert {h.kind for h in search_hits(team_a, "Østergård")} == {"person"}
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO search_fts(search_fts) VALUES('integrity-check')")

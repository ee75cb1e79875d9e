"""One audit entry per imported file: the records it creates name it and their line,
and everything that reads a record's history (the history itself, the privacy
export, erasure, merging, the team export) still tells where a record came from."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.urls import reverse

from fasit.core.audit import changes_of, history, import_origin
from fasit.core.models import AuditEvent
from fasit.customers.models import Account, AccountRevenue, Person
from fasit.privacy.erasure import person_erase
from fasit.privacy.selectors import person_dossier
from fasit.tenancy.models import Team
from fasit.testing import PersonFactory
from fasit.transfer import teamdump
from fasit.transfer.importing import (
    IMPORT_ENTRY_TYPE,
    ImportOptions,
    open_import_file,
    run_import,
)
from fasit.transfer.merging import record_merge
from fasit.transfer.models import EntityKind, ImportJob, SourceKind

CONTACTS = (
    "Record ID,First Name,Last Name,Email,Job Title,Associated Company\n"
    "101,Kari,Nordmann,kari@fjord.no,Innkjøpssjef,Fjord Energi AS\n"
    "102,Ola,Hansen,ola@fjord.no,CFO,Fjord Energi AS\n"
    "103,Kari,Nordman,kari.n@vik.no,Daglig leder,Vik Bygg AS\n"
)
COMPANIES = (
    "Account name,Country,Revenue with us,Corporate group\n"
    "Fjord Energi AS,NO,1000000,\n"
    "Fjord Energi Sverige AB,SE,500000,Fjord Energi AS\n"
)


def _run(tmp_path: Path, team: Any, actor: Any, name: str, text: str, **options: Any) -> Any:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    files = [open_import_file(path, name, team=team)[0]]
    return run_import(team=team, actor=actor, files=files, options=ImportOptions(**options))


def test_a_file_writes_one_entry_and_its_records_name_it(
    tmp_path: Path, team_a: Any, alice: Any
) -> None:
    job = ImportJob.objects.create(
        team=team_a,
        created_by=alice,
        file_name="contacts.csv",
        source=SourceKind.HUBSPOT,
        entity=EntityKind.PERSON,
    )
    outcome = _run(tmp_path, team_a, alice, "contacts.csv", CONTACTS, job_id=job.pk)
    assert outcome.counts()["created"] == 3
    entry = AuditEvent.objects.for_team(team_a).get()
    assert (entry.object_type, entry.object_id, entry.actor) == (
        IMPORT_ENTRY_TYPE,
        str(job.pk),
        alice,
    )
    assert entry.changes["job"] == [None, job.pk]
    assert entry.changes["created"] == [None, 3]
    people = Person.objects.for_team(team_a).order_by("import_line")
    assert [(p.import_entry_id, p.import_line) for p in people] == [
        (entry.pk, 2),
        (entry.pk, 3),
        (entry.pk, 4),
    ]
    # Anyone finds what the import created from its entry.
    assert Account.objects.for_team(team_a).filter(import_entry=entry).count() == 2
    origin = import_origin(people[1])
    assert origin is not None
    assert (origin["file"], origin["line"], origin["job"], origin["actor"]) == (
        "contacts.csv",
        3,
        job.pk,
        alice,
    )
    events = history(people[1])
    assert [(e["action"], changes_of(e)["imported_from"]) for e in events] == [
        ("create", [None, "contacts.csv:3"])
    ]


def test_companies_revenue_and_groups_are_part_of_the_creation(
    tmp_path: Path, team_a: Any, alice: Any
) -> None:
    _run(tmp_path, team_a, alice, "companies.csv", COMPANIES)
    assert AccountRevenue.objects.filter(account__team=team_a).count() == 2
    sweden = Account.objects.get(name="Fjord Energi Sverige AB")
    assert sweden.parent is not None and sweden.import_line == 3
    # The revenue rows and the group set at the end: no entries of their own.
    assert list(AuditEvent.objects.for_team(team_a).values_list("object_type", flat=True)) == [
        IMPORT_ENTRY_TYPE
    ]


def test_a_re_import_audits_each_change_and_a_new_revenue_row(
    tmp_path: Path, team_a: Any, alice: Any
) -> None:
    _run(tmp_path, team_a, alice, "companies.csv", COMPANIES.replace("1000000", ""))
    first = AuditEvent.objects.for_team(team_a).get()
    _run(tmp_path, team_a, alice, "companies2.csv", COMPANIES.replace("1000000", "1200000"))
    fjord = Account.objects.get(name="Fjord Energi AS")
    # Still the first import's record; the second created nothing, so wrote no entry.
    assert fjord.import_entry == first
    assert not AuditEvent.objects.filter(object_type=IMPORT_ENTRY_TYPE).exclude(pk=first.pk)
    revenue = AuditEvent.objects.get(object_type="customers.accountrevenue")
    assert (revenue.action, revenue.changes) == (
        "create",
        {"imported_from": [None, "companies2.csv:2"]},
    )


def test_an_entry_written_meanwhile_gets_a_closing_entry(
    tmp_path: Path, team_a: Any, alice: Any, bob: Any
) -> None:
    """The team's data version is its newest audit id: someone else's entry written
    while the import ran must not stay newer than the import."""

    def progress(done: int, total: int) -> None:
        if done and not AuditEvent.objects.filter(object_type="customers.account", actor=bob):
            AuditEvent.objects.create(
                team=team_a,
                actor=bob,
                action="update",
                object_type="customers.account",
                object_id="1",
                object_repr="x",
                at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
            )

    path = tmp_path / "contacts.csv"
    path.write_text(CONTACTS, encoding="utf-8")
    files = [open_import_file(path, path.name, team=team_a)[0]]
    run_import(team=team_a, actor=alice, files=files, options=ImportOptions(), progress=progress)
    newest = AuditEvent.objects.for_team(team_a).order_by("-id").first()
    assert newest is not None
    assert (newest.object_type, newest.action, newest.actor) == (IMPORT_ENTRY_TYPE, "update", alice)


def test_a_dry_run_or_refused_file_leaves_no_entry(tmp_path: Path, team_a: Any, alice: Any) -> None:
    _run(tmp_path, team_a, alice, "contacts.csv", CONTACTS, dry_run=True)
    _run(tmp_path, team_a, alice, "bad.csv", CONTACTS + "104,,,not-an-address,,\n")
    assert not AuditEvent.objects.for_team(team_a).exists()
    assert not Person.objects.for_team(team_a).exists()


def test_the_privacy_export_says_which_import_file_and_line(
    tmp_path: Path, team_a: Any, alice: Any, alice_client: Any, charlie_client: Any
) -> None:
    _run(tmp_path, team_a, alice, "contacts.csv", CONTACTS)
    ola = Person.objects.get(email="ola@fjord.no")
    dossier = person_dossier(ola)
    imported = dossier["person"]["imported_from"]
    assert (imported["file"], imported["line"], imported["by"]) == ("contacts.csv", 3, "Alice")
    assert imported["at"]
    assert dossier["audit"][0]["changes"] == {"imported_from": [None, "contacts.csv:3"]}
    assert dossier["audit"][0]["record"] == "customers.person"
    json.dumps(dossier)
    html = alice_client.get(reverse("privacy:export", args=[ola.pk, "html"])).content.decode()
    assert "Imported from" in html and "contacts.csv, line 3" in html
    data = alice_client.get(reverse("privacy:export", args=[ola.pk, "json"])).json()
    assert data["person"]["imported_from"]["line"] == 3
    assert charlie_client.get(reverse("privacy:export", args=[ola.pk, "html"])).status_code == 404
    # A person made otherwise says nothing about imports.
    assert person_dossier(PersonFactory(team=team_a))["person"]["imported_from"] is None


def test_erasure_leaves_the_import_entry_and_nothing_of_the_person(
    tmp_path: Path, team_a: Any, alice: Any
) -> None:
    _run(tmp_path, team_a, alice, "contacts.csv", CONTACTS)
    ola = Person.objects.get(email="ola@fjord.no")
    entry = ola.import_entry
    person_erase(person=ola, actor=alice, channel="web")
    assert not Person.objects.filter(email="ola@fjord.no").exists()
    entry.refresh_from_db()
    assert "ola" not in json.dumps(entry.changes).lower() + entry.object_repr.lower()
    # The others it created still name it.
    assert Person.objects.filter(import_entry=entry).count() == 2


def test_merging_an_imported_person_says_where_it_came_from(
    tmp_path: Path, team_a: Any, alice: Any
) -> None:
    _run(tmp_path, team_a, alice, "contacts.csv", CONTACTS)
    keep = Person.objects.get(email="kari@fjord.no")
    drop = Person.objects.get(email="kari.n@vik.no")
    record_merge(keep=keep, drop=drop, actor=alice, choices={})
    merge = AuditEvent.objects.get(
        object_type="customers.person", object_id=str(keep.pk), action="update"
    )
    assert merge.changes["merged_imported_from"] == [None, "contacts.csv:4"]
    # The kept record's history: created by the import, then the merge.
    assert [e["action"] for e in history(keep)] == ["create", "update"]


def test_an_imported_team_round_trips_with_its_import_entries(
    tmp_path: Path, team_a: Any, alice: Any
) -> None:
    _run(tmp_path, team_a, alice, "companies.csv", COMPANIES)
    _run(tmp_path, team_a, alice, "contacts.csv", CONTACTS)
    out = __import__("io").StringIO()
    teamdump.export_team(team_a, out)
    exported = json.loads(out.getvalue())
    restored = Team.objects.create(name="Restored", slug="restored")
    teamdump.import_team(restored, exported)
    for email in ("kari@fjord.no", "ola@fjord.no"):
        before = import_origin(Person.objects.for_team(team_a).get(email=email))
        after = import_origin(Person.objects.for_team(restored).get(email=email))
        assert before is not None and after is not None
        assert after["entry"].team_id == restored.pk
        assert after["entry"].pk != before["entry"].pk
        for key in ("file", "line", "at", "imported_from"):
            assert after[key] == before[key]
    sweden = Account.objects.for_team(restored).get(name="Fjord Energi Sverige AB")
    assert import_origin(sweden)["imported_from"] == "companies.csv:3"  # type: ignore[index]


def test_an_import_update_moves_no_row_between_people(
    tmp_path: Path, team_a: Any, alice: Any
) -> None:
    """An import matches a row to one person (by e-mail, then the source's id) and
    changes that person and their roles (a role is one person's at one account): no
    row goes from one person to another, so its entries name one person each. Kari
    moves to another company and renamed; erasing her leaves nothing of her."""
    _run(tmp_path, team_a, alice, "contacts.csv", CONTACTS)
    moved = CONTACTS.replace(
        "101,Kari,Nordmann,kari@fjord.no,Innkjøpssjef,Fjord Energi AS",
        "101,Kari,Nordmann-Lie,kari@fjord.no,Innkjøpsdirektør,Vik Bygg AS",
    )
    _run(tmp_path, team_a, alice, "contacts2.csv", moved)
    kari = Person.objects.get(email="kari@fjord.no")
    assert kari.name == "Kari Nordmann-Lie"
    assert sorted(kari.roles.values_list("account__name", flat=True)) == [
        "Fjord Energi AS",
        "Vik Bygg AS",
    ]
    assert not AuditEvent.objects.for_team(team_a).exclude(moved_from="").exists()

    person_erase(person=kari, actor=alice, channel="web")

    text = " ".join(
        f"{e.object_repr} {json.dumps(e.changes)}" for e in AuditEvent.objects.for_team(team_a)
    )
    assert "kari@fjord.no" not in text
    assert "Nordmann" not in text

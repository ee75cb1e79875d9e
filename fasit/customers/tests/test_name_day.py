"""``Person.name_day`` (the almanac's day for the first name and country, stored so the
dates card can ask the database for a window's name days) stays right on every path
that writes a person's name or country."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import io
import json
import pkgutil
from pathlib import Path
from typing import Any

from django.db.models import Value
from django.db.models.functions import Concat
from django.urls import reverse

from fasit.core.tests.test_admin_audit import _form, _operator
from fasit.customers import migrations as customers_migrations
from fasit.customers import services
from fasit.customers.models import Person, refresh_name_days
from fasit.privacy.erasure import person_erase
from fasit.relationships import selectors
from fasit.relationships.mapping import DATA_DIR, NAME_DAY_COUNTRIES, almanac_name_day
from fasit.testing import PersonFactory
from fasit.transfer import teamdump
from fasit.transfer.importing import ImportOptions, open_import_file, run_import
from fasit.transfer.merging import record_merge


def _stored(*people: Person) -> list[int | None]:
    return [Person.objects.get(pk=p.pk).name_day for p in people]


def _wrong() -> list[tuple[str, str, int | None]]:
    """Every person whose stored day is not the almanac's (none, when all is well)."""
    return [
        (name, country, stored)
        for name, country, stored in Person.objects.values_list("name", "country", "name_day")
        if stored != almanac_name_day(name, country)
    ]


def test_the_stored_number_is_the_almanacs_day() -> None:
    assert almanac_name_day("Eva Lind", "SE") == 1224  # 24 December
    assert almanac_name_day("Anna-Karin Lind", "SE") == 1209  # the whole double name
    assert almanac_name_day("Kari Berg", "NO") == 1125
    assert almanac_name_day("Kari Berg", "SE") is None  # not in the Swedish almanac
    assert almanac_name_day("Aino Korhonen", "FI") is None  # no almanac for Finland
    assert almanac_name_day("   ", "SE") is None


def test_create_and_edit_through_the_services(team_a: Any, alice: Any) -> None:
    person = services.person_create(
        team=team_a, actor=alice, name="Eva Lind", country="SE", legal_basis="contract"
    )
    assert _stored(person) == [1224]
    services.person_update(person=person, actor=alice, data={"name": "Kari Lind"})
    assert _stored(person) == [None]
    services.person_update(person=person, actor=alice, data={"country": "NO"})
    assert _stored(person) == [1125]
    # The derived number is not audited: the name and country it comes from are.
    from fasit.core.models import AuditEvent

    for event in AuditEvent.objects.filter(object_type="customers.person"):
        assert "name_day" not in event.changes


def test_save_with_update_fields_and_the_bulk_writes(team_a: Any) -> None:
    eva = PersonFactory(team=team_a, name="Eva Lind", country="SE")
    eva.name = "Adam Lind"
    eva.save(update_fields=["name"])
    assert _stored(eva) == [1223]

    made = Person.objects.bulk_create(
        [
            Person(
                team=team_a,
                name="Nils Berg",
                country="SE",
                legal_basis="contract",
                legal_basis_recorded_on=dt.date(2026, 1, 1),
            ),
            Person(
                team=team_a,
                name="Kari Berg",
                country="NO",
                legal_basis="contract",
                legal_basis_recorded_on=dt.date(2026, 1, 1),
            ),
        ]
    )
    assert _stored(*made) == [1008, 1125]
    made[0].name, made[1].country = "Lucia Berg", "DK"
    Person.objects.bulk_update(made, ["name", "country"])
    assert _stored(*made) == [1213, None]

    # An update whose new names only the database works out.
    Person.objects.filter(pk=made[1].pk).update(name=Concat(Value("Anna "), "name"))
    assert _stored(made[1]) == [726]  # Anna, in the Danish almanac
    # The rows the update matched, even when it changes what its filter matches.
    Person.objects.filter(country="SE").update(country="NO")
    assert _wrong() == []
    # Other updates leave the day alone.
    Person.objects.filter(pk=eva.pk).update(notes="x")
    assert _stored(eva) == [1224]  # Adam in the Norwegian almanac (23 Dec in the Swedish)
    assert _wrong() == []


def test_the_admin(team_a: Any) -> None:
    person = PersonFactory(team=team_a, name="Eva Lind", country="SE")
    operator = _operator()
    url = reverse("admin:customers_person_change", args=[person.pk])
    data = _form(operator, url)
    data["name"] = "Stefan Lind"
    response = operator.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert _stored(person) == [1226]


def test_an_import_creates_and_updates_them(tmp_path: Path, team_a: Any, alice: Any) -> None:
    def run(text: str) -> None:
        path = tmp_path / "people.csv"
        path.write_text(text, encoding="utf-8")
        files = [open_import_file(path, path.name, team=team_a)[0]]
        run_import(team=team_a, actor=alice, files=files, options=ImportOptions())

    header = "First Name,Last Name,Email,Country\n"
    run(header + "Eva,Lind,eva@vik.se,SE\nKari,Berg,kari@fjord.no,NO\nAino,K,aino@x.fi,FI\n")
    people = Person.objects.for_team(team_a).order_by("email")
    assert [(p.email, p.name_day) for p in people] == [
        ("aino@x.fi", None),
        ("eva@vik.se", 1224),
        ("kari@fjord.no", 1125),
    ]
    # Matched by e-mail address: a new first name and a new country.
    run(header + "Adam,Lind,eva@vik.se,SE\nKari,Berg,kari@fjord.no,SE\n")
    assert dict(people.values_list("email", "name_day")) == {
        "aino@x.fi": None,
        "eva@vik.se": 1223,
        "kari@fjord.no": None,
    }
    assert _wrong() == []


def test_a_merge_that_keeps_the_other_name(team_a: Any, alice: Any) -> None:
    keep = PersonFactory(team=team_a, name="Eva Lind", country="SE")
    drop = PersonFactory(team=team_a, name="Nils Lind", country="SE")
    record_merge(keep=keep, drop=drop, actor=alice, choices={"name": "drop"})
    assert _stored(keep) == [1008]
    assert _wrong() == []


def test_an_erased_person_leaves_the_card(team_a: Any, alice: Any) -> None:
    eva = PersonFactory(team=team_a, name="Eva Lind", country="SE")
    PersonFactory(team=team_a, name="Adam Berg", country="SE")
    today = dt.date(2026, 12, 20)
    before = {r.person.name for r in selectors.upcoming_dates(team_a, today=today, days=7)}
    assert before == {"Eva Lind", "Adam Berg"}
    person_erase(person=eva, actor=alice, channel="web")
    after = {r.person.name for r in selectors.upcoming_dates(team_a, today=today, days=7)}
    assert after == {"Adam Berg"}


def test_a_team_export_restores_them_even_without_the_column(
    team_a: Any, team_b: Any, alice: Any
) -> None:
    PersonFactory(team=team_a, name="Eva Lind", country="SE")
    PersonFactory(team=team_a, name="Kari Berg", country="NO")
    out = io.StringIO()
    teamdump.export_team(team_a, out)
    exported = json.loads(out.getvalue())
    for row in exported["models"]["customers.person"]:
        row["fields"].pop("name_day", None)  # an export from before the column
    from fasit.tenancy.models import Team

    empty = Team.objects.create(name="Restored", slug="restored")
    teamdump.import_team(empty, exported)
    assert sorted(Person.objects.for_team(empty).values_list("name", "name_day")) == [
        ("Eva Lind", 1224),
        ("Kari Berg", 1125),
    ]
    assert _wrong() == []


def test_the_migrations_fill_refreshes_every_row(team_a: Any, team_b: Any) -> None:
    PersonFactory(team=team_a, name="Eva Lind", country="SE")
    PersonFactory(team=team_a, name="Kari Berg", country="NO")
    PersonFactory(team=team_b, name="Anna Holm", country="DK")
    PersonFactory(team=team_b, name="Aino K", country="FI")
    # As before the migration (and as after a change to the almanac files): wrong days.
    from django.db.models import QuerySet

    QuerySet.update(Person.objects.all(), name_day=101)
    assert len(_wrong()) == 4
    assert refresh_name_days(Person.objects.all(), batch=3) == 4
    assert _wrong() == []
    assert refresh_name_days(Person.objects.all()) == 0


def test_the_demo(db: Any) -> None:
    from fasit.core.demo.generator import seed_demo

    seed_demo(seed=3)
    assert Person.objects.count() > 10
    assert _wrong() == []


def _almanac_digest() -> str:
    """The almanac files' content (line endings aside), as the migrations record it."""
    digest = hashlib.sha256()
    for country in sorted(c.lower() for c in NAME_DAY_COUNTRIES):
        text = (DATA_DIR / f"namedays_{country}.tsv").read_text(encoding="utf-8")
        digest.update(country.encode() + b"\0" + "\n".join(text.splitlines()).encode() + b"\0")
    return digest.hexdigest()[:16]


def test_a_changed_almanac_comes_with_a_migration_that_refreshes_the_stored_days() -> None:
    # Stored days are derived from the almanac files; a change to the files leaves
    # every stored day as it was until a migration calls refresh_name_days. The newest
    # migration that does records the files it was written for.
    recorded = [
        (name, module.ALMANAC_DIGEST)
        for name in sorted(
            m.name
            for m in pkgutil.iter_modules(customers_migrations.__path__)
            if m.name[0].isdigit()
        )
        if hasattr(
            module := importlib.import_module(f"{customers_migrations.__name__}.{name}"),
            "ALMANAC_DIGEST",
        )
    ]
    assert recorded, "no customers migration records ALMANAC_DIGEST"
    newest, digest = recorded[-1]
    assert digest == _almanac_digest(), (
        f"the almanac files changed since customers.{newest}: add a migration that calls "
        f"customers.models.refresh_name_days and sets ALMANAC_DIGEST = {_almanac_digest()!r}"
    )

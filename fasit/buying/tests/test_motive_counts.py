"""The per-theme motive counts the writes keep (``MotiveThemeCount``) equal the counts
from the motives themselves after every kind of write: the services, deleted journeys
and accounts, the admin's inline, an account merge, an erasure, a team import, the
demo and the migration's fill."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from fasit.buying import motives, selectors, services
from fasit.buying.models import BuyingProcess, Motive, MotiveThemeCount
from fasit.buying.tests.helpers import journey_at, process_for
from fasit.buying.tests.test_selectors import _python_motive_counts
from fasit.customers.services import account_delete
from fasit.testing import AccountFactory, PersonFactory, UserFactory

TODAY = timezone.localdate()  # the session's today (see fasit/pytest_clock.py)


def _kept(team: Any) -> dict[tuple[int, str], tuple]:
    return {
        (p, theme): (n, accounts, last, list(examples))
        for p, theme, n, accounts, last, examples in MotiveThemeCount.objects.filter(
            team=team
        ).values_list("process_id", "theme", "motives", "accounts", "last_id", "examples")
    }


def _assert_in_step(team: Any) -> None:
    """The kept rows are what the motives give, row for row (no stale theme left), and
    each process's counts as the page shows them equal the motives read in Python."""
    processes = list(BuyingProcess.objects.for_team(team).values_list("pk", flat=True))
    assert _kept(team) == motives.from_motives(processes)
    for process in BuyingProcess.objects.for_team(team):
        found = [
            (m.theme, m.motives, m.accounts, m.examples)
            for m in selectors.motive_counts(team, process)
        ]
        assert found == _python_motive_counts(team, process)


def _journeys(team: Any, actor: Any, process: Any, n: int, account: Any = None) -> list[Any]:
    return [
        journey_at(
            team,
            actor,
            process=process,
            index=1,
            since=TODAY - dt.timedelta(days=10 + i),
            account=account,
        )
        for i in range(n)
    ]


def test_counts_follow_the_services_and_deletions(
    team_a: Any, team_b: Any, alice: Any, charlie: Any
) -> None:
    process = process_for(team_a, alice)
    other = process_for(team_a, alice, name="Offentlig")
    foreign = process_for(team_b, charlie)
    shared = AccountFactory(team=team_a, category=process.category)
    journeys = [
        *_journeys(team_a, alice, process, 2, account=shared),
        *_journeys(team_a, alice, process, 3),
    ]
    elsewhere = _journeys(team_a, alice, other, 2)
    added = []
    for i, journey in enumerate(journeys + elsewhere):
        for k, theme in enumerate(("cost", "uptime", "cost", "safety")[: 1 + i % 4]):
            added.append(
                services.motive_add(
                    journey=journey, actor=alice, text=f"Pris {(i + k) % 3}.", theme=theme
                )
            )
            _assert_in_step(team_a)
    # Another team's motive in the same theme and wording counts only there.
    services.motive_add(
        journey=_journeys(team_b, charlie, foreign, 1)[0], actor=charlie, text="Pris 0."
    )
    kept_a = _kept(team_a)
    assert len(kept_a) >= 5

    # Removed: the newest of a wording, the last of a theme in a process.
    services.motive_remove(motive=added[-1], actor=alice)
    _assert_in_step(team_a)
    for motive in Motive.objects.filter(journey__process=other, theme="uptime"):
        services.motive_remove(motive=motive, actor=alice)
    assert not MotiveThemeCount.objects.filter(process=other, theme="uptime").exists()
    _assert_in_step(team_a)

    # Deleted journeys: by the service and with their account (two journeys at once).
    services.journey_delete(journey=journeys[4], actor=alice)
    _assert_in_step(team_a)
    account_delete(account=shared, actor=alice)
    _assert_in_step(team_a)
    assert sum(n for n, *_ in _kept(team_a).values()) > 5

    # The other team's counts are its own; a recount from scratch changes nothing.
    _assert_in_step(team_b)
    assert [(n, a) for n, a, *_ in _kept(team_b).values()] == [(1, 1)]
    before = _kept(team_a)
    motives.recount([team_a.pk])
    assert _kept(team_a) == before


def test_views_count_and_another_team_gets_404(
    team_a: Any, alice: Any, alice_client: Any, charlie_client: Any
) -> None:
    process = process_for(team_a, alice)
    journey = _journeys(team_a, alice, process, 1)[0]
    add = reverse("buying:motive_add", args=[journey.pk])
    assert charlie_client.post(add, {"text": "Pris.", "theme": "cost"}).status_code == 404
    assert not MotiveThemeCount.objects.exists()
    alice_client.post(add, {"text": "Pris.", "theme": "cost", "pulls": "change"})
    alice_client.post(add, {"text": "Oppetid.", "theme": "uptime", "pulls": "change"})
    assert {theme for _p, theme in _kept(team_a)} == {"cost", "uptime"}
    motive = Motive.objects.get(journey=journey, theme="cost")
    remove = reverse("buying:motive_remove", args=[journey.pk, motive.pk])
    assert charlie_client.post(remove).status_code == 404
    assert {theme for _p, theme in _kept(team_a)} == {"cost", "uptime"}
    alice_client.post(remove)
    assert {theme for _p, theme in _kept(team_a)} == {"uptime"}
    _assert_in_step(team_a)
    page = alice_client.get(reverse("buying:insight"))
    assert page.status_code == 200 and "Oppetid." in page.content.decode()
    assert "Oppetid." not in charlie_client.get(reverse("buying:insight")).content.decode()


def _fields(form: Any) -> dict[str, Any]:
    data = {}
    for field in form:
        value = field.value()
        if value is None or value is False:
            continue
        data[field.html_name] = "on" if value is True else value
    return data


def test_editing_motives_in_the_admin_counts_them_again(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    journey = _journeys(team_a, alice, process, 1)[0]
    motive = services.motive_add(journey=journey, actor=alice, text="Pris.", theme="cost")
    client = Client()
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    url = reverse("admin:buying_journey_change", args=[journey.pk])
    page = client.get(url)
    data = _fields(page.context["adminform"].form)
    prefix = None
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_fields(formset.management_form))
        for form in formset.forms:
            data.update(_fields(form))
            if isinstance(form.instance, Motive) and form.instance.pk == motive.pk:
                prefix = form.prefix
    assert prefix is not None
    data[f"{prefix}-theme"] = "uptime"
    data[f"{prefix}-text"] = "Ingen stans."
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    assert _kept(team_a) == {(process.pk, "uptime"): (1, 1, motive.pk, ["Ingen stans."])}
    _assert_in_step(team_a)


def test_merging_two_accounts_makes_their_motives_one_accounts(team_a: Any, alice: Any) -> None:
    from fasit.transfer.merging import record_merge

    process = process_for(team_a, alice)
    keep, drop = (AccountFactory(team=team_a, category=process.category) for _ in range(2))
    for account in (keep, drop):
        journey = _journeys(team_a, alice, process, 1, account=account)[0]
        services.motive_add(journey=journey, actor=alice, text="Pris.", theme="cost")
    assert _kept(team_a)[(process.pk, "cost")][:2] == (2, 2)
    record_merge(keep=keep, drop=drop, actor=alice, choices={})
    assert _kept(team_a)[(process.pk, "cost")][:2] == (2, 1)
    _assert_in_step(team_a)


def test_an_erasure_counts_the_motives_and_wordings_again(team_a: Any, alice: Any) -> None:
    from fasit.privacy.erasure import person_erase

    process = process_for(team_a, alice)
    person = PersonFactory(team=team_a, name="Sigrid Aasheim")
    journey = _journeys(team_a, alice, process, 1)[0]
    services.motive_add(journey=journey, actor=alice, text="Nei.", theme="cost", person=person)
    services.motive_add(
        journey=journey, actor=alice, text="Sigrid Aasheim vil ha lav pris.", theme="cost"
    )
    before = _kept(team_a)[(process.pk, "cost")]
    assert before[0] == 2 and "Sigrid Aasheim vil ha lav pris." in before[3]
    person_erase(person=person, actor=alice, channel="web")
    after = _kept(team_a)[(process.pk, "cost")]
    assert after[0] == 1 and not any("Sigrid" in text for text in after[3])
    _assert_in_step(team_a)


def test_demo_team_import_and_migration_count_like_the_services(db: Any) -> None:
    """The demo and a team import write motives in bulk and count them after; the
    migration's fill gives the same rows."""
    from importlib import import_module

    from django.db import connection

    from fasit.core.demo.generator import seed_demo
    from fasit.tenancy.models import Team
    from fasit.transfer import teamdump

    team = seed_demo(seed=3).team
    assert Motive.objects.for_team(team).count() > 20
    _assert_in_step(team)
    buffer = io.StringIO()
    teamdump.export_team(team, buffer)
    out = json.loads(buffer.getvalue())
    assert "buying.motivethemecount" not in out["models"]
    restored = Team.objects.create(name="Restored", slug="restored")
    teamdump.import_team(restored, out)
    _assert_in_step(restored)
    assert len(_kept(restored)) == len(_kept(team))

    kept = {team.pk: _kept(team), restored.pk: _kept(restored)}
    MotiveThemeCount.objects.all().delete()
    migration = import_module("fasit.buying.migrations.0007_motive_theme_count")

    class Editor:
        def __init__(self) -> None:
            self.connection = connection

    from django.apps import apps

    migration.count(apps, Editor())
    assert {team.pk: _kept(team), restored.pk: _kept(restored)} == kept

"""Retention: who is due under the team's rules, the daily run that lists them for an
owner (or erases them), and the digest line. Dates are relative to today."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from fasit.conversations.services import conversation_log
from fasit.customers.models import Consent, Person
from fasit.customers.services import consent_record, consent_withdraw
from fasit.privacy.models import DueReason, ErasureCandidate, PrivacySettings, RegisterEntry
from fasit.privacy.retention import months_after, months_before, people_due, retention_run
from fasit.privacy.services import candidate_keep, retention_rule_set
from fasit.relationships.digest import build_digest
from fasit.testing import AccountFactory, PersonFactory

TODAY = timezone.localdate()


def _person(team: Any, basis: str, recorded_days_ago: int, **kwargs: Any) -> Person:
    return PersonFactory(
        team=team,
        legal_basis=basis,
        legal_basis_recorded_on=TODAY - dt.timedelta(days=recorded_days_ago),
        **kwargs,
    )


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2028, 2, 29), 12, dt.date(2027, 2, 28)),
        (dt.date(2026, 3, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2027, 1, 15), 24, dt.date(2025, 1, 15)),
    ],
)
def test_months_before_and_after(day: dt.date, months: int, expected: dt.date) -> None:
    assert months_before(day, months) == expected
    assert months_after(expected, months) <= day


def test_prospect_without_contact_for_24_months_is_due(team_a: Any, alice: Any) -> None:
    quiet = _person(team_a, "li_prospect", 800, name="Quiet Prospect")
    recent = _person(team_a, "li_prospect", 800, name="Met Lately")
    fresh = _person(team_a, "li_prospect", 30, name="New Prospect")
    customer = _person(team_a, "li_customer", 800, name="Old Customer")
    account = AccountFactory(team=team_a)
    conversation_log(
        team=team_a,
        actor=alice,
        account=account,
        people=[recent],
        occurred_at=timezone.now() - dt.timedelta(days=60),
    )
    # An unanswered e-mail is not real contact.
    conversation_log(team=team_a, actor=alice, account=account, people=[quiet], kind="email")
    due = {d.person_id: d for d in people_due(team_a, today=TODAY)}
    assert set(due) == {quiet.pk}
    assert due[quiet.pk].reason == DueReason.RETENTION
    assert {fresh.pk, customer.pk, recent.pk}.isdisjoint(due)


def test_the_teams_own_rule_applies(team_a: Any, alice: Any) -> None:
    person = _person(team_a, "li_customer", 200)
    assert people_due(team_a, today=TODAY) == []
    retention_rule_set(team=team_a, actor=alice, legal_basis="li_customer", months=6)
    assert [d.person_id for d in people_due(team_a, today=TODAY)] == [person.pk]
    retention_rule_set(team=team_a, actor=alice, legal_basis="li_customer", months=None)
    assert people_due(team_a, today=TODAY) == []


def test_withdrawn_consent_is_due_at_once(
    team_a: Any, alice: Any, django_capture_on_commit_callbacks: Any
) -> None:
    person = _person(team_a, "consent", 10)
    consent = consent_record(person=person, actor=alice, wording="Ja.")
    with django_capture_on_commit_callbacks(execute=True):
        consent_withdraw(consent=consent, actor=alice)
    # The withdrawal ran the rules for the team at once (a task after commit).
    candidate = ErasureCandidate.objects.get(person=person)
    assert (candidate.reason, candidate.status) == ("consent", "pending")


def test_withdrawn_consent_waits_the_teams_days(team_a: Any, alice: Any) -> None:
    PrivacySettings.objects.create(team=team_a, withdrawn_consent_days=30)
    person = _person(team_a, "consent", 10)
    Consent.objects.create(
        person=person,
        wording="Ja.",
        given_on=TODAY - dt.timedelta(days=9),
        withdrawn_on=TODAY - dt.timedelta(days=3),
    )
    assert people_due(team_a, today=TODAY) == []
    assert [d.person_id for d in people_due(team_a, today=TODAY + dt.timedelta(days=27))] == [
        person.pk
    ]


def test_the_run_lists_for_an_owner_and_erases_nothing(team_a: Any, alice: Any) -> None:
    person = _person(team_a, "li_prospect", 800)
    result = retention_run(team=team_a, today=TODAY)
    assert (result.due, result.new, result.erased) == (1, 1, 0)
    assert Person.objects.filter(pk=person.pk).exists()
    again = retention_run(team=team_a, today=TODAY)
    assert (again.due, again.new) == (1, 0)


def test_new_contact_takes_a_person_off_the_list(team_a: Any, alice: Any) -> None:
    person = _person(team_a, "li_prospect", 800)
    retention_run(team=team_a, today=TODAY)
    conversation_log(team=team_a, actor=alice, account=AccountFactory(team=team_a), people=[person])
    retention_run(team=team_a, today=TODAY)
    assert not ErasureCandidate.objects.filter(person=person).exists()


def test_kept_people_come_back_when_their_time_is_up(team_a: Any, alice: Any) -> None:
    person = _person(team_a, "li_prospect", 800)
    retention_run(team=team_a, today=TODAY)
    candidate = ErasureCandidate.objects.get(person=person)
    candidate_keep(
        candidate=candidate, actor=alice, until=TODAY + dt.timedelta(days=30), reason="Tender"
    )
    retention_run(team=team_a, today=TODAY + dt.timedelta(days=10))
    assert ErasureCandidate.objects.get(person=person).status == "kept"
    retention_run(team=team_a, today=TODAY + dt.timedelta(days=31))
    assert ErasureCandidate.objects.get(person=person).status == "pending"


def test_automatic_erasure_when_the_team_chose_it(team_a: Any, alice: Any) -> None:
    PrivacySettings.objects.create(team=team_a, auto_erase=True)
    due = _person(team_a, "li_prospect", 800)
    asked = _person(team_a, "li_customer", 10)
    ErasureCandidate.objects.create(
        team=team_a, person=asked, reason=DueReason.REQUESTED, due_since=TODAY
    )
    result = retention_run(team=team_a, today=TODAY)
    assert result.erased == 1
    assert not Person.objects.filter(pk=due.pk).exists()
    # A request made by hand still waits for an owner.
    assert Person.objects.filter(pk=asked.pk).exists()
    entry = RegisterEntry.objects.get(kind="erasure")
    assert (entry.channel, entry.actor) == ("retention", None)
    assert "no real contact" in entry.detail


def test_the_digest_tells_owners(team_a: Any, alice: Any, bob: Any) -> None:
    _person(team_a, "li_prospect", 800)
    retention_run(team=team_a, today=TODAY)
    owner = {s.key: s for s in build_digest(team=team_a, user=alice, today=TODAY)}
    assert "1 person is due for erasure" in owner["privacy"].items[0].headline
    member = {s.key for s in build_digest(team=team_a, user=bob, today=TODAY)}
    assert "privacy" not in member


def test_the_command_runs_the_rules(team_a: Any, capsys: Any) -> None:
    _person(team_a, "li_prospect", 800)
    call_command("fasit_privacy", "retention", "--team", "team-a")
    assert "team-a: 1 due for erasure (1 new), 0 erased." in capsys.readouterr().out
    assert mail.outbox == []


def test_the_run_binds_no_more_for_more_people(
    team_a: Any, team_b: Any, alice: Any, monkeypatch: Any
) -> None:
    # A whole team can fall due or drop off at once (a rule changed): the queue's ids
    # are named a slice at a time (slices of two stand in for thousands), where one
    # statement naming every due person grew with the team past PostgreSQL's 65,535.
    from fasit.core import db
    from fasit.testing import bound_parameters, most_bound

    monkeypatch.setattr(db, "ID_SLICE", 2)
    theirs = _person(team_b, "li_prospect", 800)
    retention_run(team=team_b, today=TODAY)

    def run_with(n: int) -> int:
        for _ in range(n):
            _person(team_a, "li_prospect", 800)
        queue = ErasureCandidate.objects.for_team(team_a)
        with bound_parameters() as seen:
            retention_run(team=team_a, today=TODAY)
        assert queue.count() == n
        for candidate in queue.all():
            candidate_keep(
                candidate=candidate, actor=alice, until=TODAY + dt.timedelta(days=5), reason="x"
            )
        # Their time is up: all come back at once.
        with bound_parameters() as back:
            retention_run(team=team_a, today=TODAY + dt.timedelta(days=6))
        assert set(queue.values_list("status", flat=True)) == {"pending"}
        # Each became a customer just now: none is due any more.
        Person.objects.for_team(team_a).update(
            legal_basis="li_customer", legal_basis_recorded_on=TODAY
        )
        with bound_parameters() as gone:
            retention_run(team=team_a, today=TODAY + dt.timedelta(days=6))
        assert not queue.exists()
        return most_bound(seen + back + gone)

    # Enough people that naming them all would outgrow the run's widest fixed statement.
    assert run_with(3) == run_with(30)
    assert ErasureCandidate.objects.filter(person=theirs).exists()

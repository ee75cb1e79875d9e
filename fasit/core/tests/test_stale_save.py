"""A record another request deleted between this one's read and its write is not
brought back by the write (core.models.Record): the service raises RecordGone, the API
and the pages answer 404, and no row comes back. Found by schemathesis with two
workers: an erasure and a "keep" of the same person ended in a 500 at COMMIT."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.db import transaction
from django.db.models.signals import pre_save
from django.utils import timezone

from fasit.core.models import RecordGone
from fasit.customers.models import Account, Person
from fasit.customers.services import account_update
from fasit.privacy.models import ErasureCandidate
from fasit.privacy.services import erasure_request
from fasit.relationships.models import CadenceNorm
from fasit.testing import AccountFactory, PersonFactory

pytestmark = pytest.mark.django_db


@contextmanager
def just_before_save(model: type, other: Any) -> Iterator[None]:
    """Run ``other`` when the next ``model`` is about to be saved: the other request
    that won the race."""

    def receiver(sender: Any, instance: Any, **kwargs: Any) -> None:
        pre_save.disconnect(receiver, sender=model)
        other(instance)

    pre_save.connect(receiver, sender=model, weak=False)
    try:
        yield
    finally:
        pre_save.disconnect(receiver, sender=model)


def test_a_record_deleted_meanwhile_is_not_saved_back(team_a: Any) -> None:
    account = AccountFactory(team=team_a, name="Fjord Kraft")
    stale = Account.objects.get(pk=account.pk)
    Account.objects.filter(pk=account.pk).delete()
    stale.name = "Fjord Kraft AS"
    # Each in its own savepoint: the failed save marks its transaction for rollback.
    with pytest.raises(RecordGone), transaction.atomic():
        stale.save()
    with pytest.raises(RecordGone), transaction.atomic():
        stale.save(update_fields=["name"])
    assert not Account.objects.filter(pk=account.pk).exists()


def test_new_and_existing_records_save_as_before(team_a: Any) -> None:
    account = Account(team=team_a, name="Nordlys")
    account.save()
    account.name = "Nordlys AS"
    account.save()
    assert Account.objects.get(pk=account.pk).name == "Nordlys AS"
    # A copy made the Django way (no primary key) is a new row.
    account.pk = None
    account._state.adding = True
    account.save()
    assert Account.objects.filter(name="Nordlys AS").count() == 2


def test_a_service_on_a_record_deleted_meanwhile_raises_and_writes_nothing(
    team_a: Any, alice: Any
) -> None:
    account = AccountFactory(team=team_a, name="Fjord Kraft")

    def delete(stale: Account) -> None:
        Account.objects.filter(pk=stale.pk).delete()

    with just_before_save(Account, delete), pytest.raises(RecordGone):
        account_update(account=account, actor=alice, data={"name": "Fjord Kraft AS"})
    # The other request's delete ran inside this one's transaction here, so it rolled
    # back with it; what matters is that nothing of this request was written.
    assert Account.objects.get(pk=account.pk).name == "Fjord Kraft"


def test_keeping_a_person_erased_meanwhile_answers_404(
    team_a: Any, alice: Any, alice_api: Any, charlie_api: Any
) -> None:
    person = PersonFactory(team=team_a, name="Asked To Go")
    candidate = erasure_request(person=person, actor=alice, detail="Asked")
    url = f"/api/privacy/queue/{candidate.pk}/keep"
    later = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    body = json.dumps({"until": later, "reason": "Open invoice"})
    assert charlie_api.post(url, body, content_type="application/json").status_code == 404

    def erase(candidate: ErasureCandidate) -> None:
        Person.objects.filter(pk=candidate.person_id).delete()

    with just_before_save(ErasureCandidate, erase):
        answer = alice_api.post(url, body, content_type="application/json")
    assert answer.status_code == 404
    # (The erasure rolled back with the request here: it ran inside its transaction.)
    assert ErasureCandidate.objects.get(pk=candidate.pk).status == "pending"


def test_a_page_saving_an_account_deleted_meanwhile_answers_404(
    team_a: Any, alice_client: Any, charlie_client: Any
) -> None:
    account = AccountFactory(team=team_a, name="Fjord Kraft")
    url = f"/accounts/{account.pk}/edit/"
    form = {"name": "Fjord Kraft AS", "country": "NO", "tier": "customer"}
    assert charlie_client.post(url, form).status_code == 404
    with just_before_save(Account, lambda stale: Account.objects.filter(pk=stale.pk).delete()):
        answer = alice_client.post(url, form)
    assert answer.status_code == 404
    assert Account.objects.get(pk=account.pk).name == "Fjord Kraft"


def test_a_unique_value_taken_by_another_request_meanwhile_answers_409(
    team_a: Any, alice_api: Any, charlie_api: Any
) -> None:
    """Two owners set the key-account norm at the same moment; the second insert is
    refused by the unique constraint: 409, nothing half-stored (was a 500)."""
    url = "/api/relationships/norms/key"

    def first_owner(norm: CadenceNorm) -> None:
        CadenceNorm.objects.create(team=norm.team, tier=norm.tier, days=30)

    with just_before_save(CadenceNorm, first_owner):
        answer = alice_api.put(url, json.dumps({"days": 45}), content_type="application/json")
    assert answer.status_code == 409
    assert "another request" in answer.json()["detail"]
    assert alice_api.put(url, json.dumps({"days": 45}), content_type="application/json").json() == {
        "tier": "key",
        "days": 45,
    }
    # Another team's owner sets their own norm, never this one.
    charlie_api.put(url, json.dumps({"days": 10}), content_type="application/json")
    assert CadenceNorm.objects.get(team=team_a, tier="key").days == 45

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from fasit.customers.models import AccountRevenue, FamilyMember, ImportantDate, Interest
from fasit.testing import (
    AccountFactory,
    ConversationFactory,
    FollowUpFactory,
    PersonFactory,
    PersonRoleFactory,
)

# The session's today (the root conftest starts every test at the session's moment, so
# this stays right past midnight and on the days CI moves the clock to).
TODAY = timezone.localdate()
TOMORROW = TODAY + dt.timedelta(days=1)


def at(day: dt.date, hour: int = 12) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def ago(days: int) -> dt.datetime:
    return at(TODAY - dt.timedelta(days=days))


@pytest.fixture
def kari(team_a: Any, alice: Any) -> Any:
    """Kari Berg, CEO at Fjord Energi AS (a key account alice owns), birthday tomorrow."""
    account = AccountFactory(team=team_a, name="Fjord Energi AS", tier="key", owner=alice)
    person = PersonFactory(team=team_a, name="Kari Berg", what_matters="Stable deliveries")
    PersonRoleFactory(person=person, account=account, title="CEO", buying_role="decision_maker")
    # 1980 was a leap year, so a birthday tomorrow is valid when tomorrow is 29 February.
    ImportantDate.objects.create(
        person=person, kind="birthday", month=TOMORROW.month, day=TOMORROW.day, year=1980
    )
    FamilyMember.objects.create(person=person, relation="Daughter", name="Emma")
    Interest.objects.create(person=person, name="Cross-country skiing")
    AccountRevenue.objects.create(
        account=account, year=TODAY.year, amount=1_000_000, currency="NOK"
    )
    conversation = ConversationFactory(
        team=team_a, account=account, occurred_at=ago(40), kind="coffee", subject="Spring plans"
    )
    conversation.people.add(person)
    FollowUpFactory(
        conversation=conversation,
        task="Send the offer",
        owner=alice,
        due_date=TODAY + dt.timedelta(days=2),
    )
    return person


# The key accounts of team A with people of all kinds of profiles (shared with the
# key accounts API's tests).
from fasit.relationships.tests.test_knowledge_snapshots import key_team  # noqa: E402, F401

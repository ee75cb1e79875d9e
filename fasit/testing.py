"""Factories and the named test users (alice, bob, charlie, victor).

alice owns team A, bob is a member of team A, victor is a viewer in team A, and
charlie is in team B only: every view and API test shows charlie a 404 for team
A's records.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone

from fasit.conversations.models import Conversation, FollowUp
from fasit.customers.models import Account, CustomerCategory, ImportantDate, Person, PersonRole
from fasit.tenancy.models import Membership, Role, Team


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.LazyAttribute(lambda o: o.username.capitalize())
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.com")
    password = factory.django.Password("password")


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Team {n}")
    slug = factory.Sequence(lambda n: f"team-{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    team = factory.SubFactory(TeamFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.MEMBER


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CustomerCategory

    team = factory.SubFactory(TeamFactory)
    name = factory.Sequence(lambda n: f"Category {n}")


class AccountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Account

    team = factory.SubFactory(TeamFactory)
    name = factory.Sequence(lambda n: f"Kunde {n} AS")
    country = "NO"
    tier = "customer"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    team = factory.SubFactory(TeamFactory)
    name = factory.Sequence(lambda n: f"Kari Nordmann {n}")
    country = "NO"
    legal_basis = "li_customer"
    legal_basis_recorded_on = factory.LazyFunction(lambda: dt.date(2026, 1, 15))


class PersonRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonRole

    person = factory.SubFactory(PersonFactory)
    account = factory.SubFactory(AccountFactory, team=factory.SelfAttribute("..person.team"))
    title = "Innkjøpssjef"
    buying_role = "economic_buyer"


class ImportantDateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportantDate

    person = factory.SubFactory(PersonFactory)
    kind = "birthday"
    month = 5
    day = 17


class ConversationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conversation

    team = factory.SubFactory(TeamFactory)
    account = factory.SubFactory(AccountFactory, team=factory.SelfAttribute("..team"))
    occurred_at = factory.LazyFunction(timezone.now)
    kind = "meeting"
    notes = "Vi trenger kortere leveringstid."


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    conversation = factory.SubFactory(ConversationFactory)
    task = "Send tilbud"


@contextlib.contextmanager
def bound_parameters() -> Iterator[list[tuple[str, int]]]:
    """(statement, parameters bound) of each statement run inside the block, INSERTs and
    executemany left out: a statement that names a list of a team's ids binds more
    parameters the larger the team, until the database refuses it (PostgreSQL binds at
    most 65,535). Compare ``max(n for _, n in ...)`` for a small and a larger team."""
    seen: list[tuple[str, int]] = []

    def record(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        if not many and not sql.lstrip().upper().startswith("INSERT"):
            seen.append((sql, len(params or ())))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        yield seen


def most_bound(seen: list[tuple[str, int]]) -> int:
    return max((n for _sql, n in seen), default=0)


@contextlib.contextmanager
def demo_for_module(django_db_blocker: Any, **options: Any) -> Iterator[int]:
    """The demo team (``seed_demo(**options)``) seeded once for the tests of one module,
    in a transaction rolled back after the module's last test; yields the team's id.

    For a module-scoped fixture (``django_db_blocker`` is pytest-django's). Each test
    that uses it runs in the ``db`` fixture's transaction, which nests inside this one
    (a savepoint), so whatever a test writes is rolled back before the next test sees
    the demo. It is seeded on the session's clock and without signal index files, as a
    test's own ``seed_demo`` call would be. Seeding is seconds of CPU per demo, times
    the seven runs of the suite in CI: seed once where the tests only read the demo or
    write inside their own transaction."""
    import time_machine
    from django.db import transaction
    from django.test import override_settings

    from fasit import pytest_clock
    from fasit.core.demo.generator import seed_demo

    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        override_settings(FASIT_SIGNALS_INDEX_DIR=""),
    ):
        with time_machine.travel(pytest_clock._session_start, tick=True):
            team_id = seed_demo(**options).team.pk
        yield team_id
        transaction.set_rollback(True)

from __future__ import annotations

from typing import Any

import pytest

from fasit.testing import AccountFactory, PersonFactory, PersonRoleFactory


@pytest.fixture
def acme(team_a: Any) -> Any:
    return AccountFactory(team=team_a, name="Acme AS")


@pytest.fixture
def kari(team_a: Any, acme: Any) -> Any:
    person = PersonFactory(team=team_a, name="Kari Nordmann", email="kari@acme.no")
    PersonRoleFactory(person=person, account=acme)
    return person


@pytest.fixture
def per(team_a: Any, acme: Any) -> Any:
    person = PersonFactory(team=team_a, name="Per Hansen", email="Per@Acme.no")
    PersonRoleFactory(person=person, account=acme)
    return person


@pytest.fixture
def team_b_customer(team_b: Any, charlie: Any) -> Any:
    account = AccountFactory(team=team_b, name="Bravo AB")
    person = PersonFactory(team=team_b, name="Sven Svensson", email="sven@bravo.se")
    PersonRoleFactory(person=person, account=account)
    return person

"""Named test users and their teams, shared by every app's tests."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import caches
from django.test import Client
from django.utils import translation

from fasit.tenancy.models import Role
from fasit.testing import MembershipFactory, TeamFactory, UserFactory


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Each test starts with an empty cache and the default language: ids (and so the
    team data versions in cache keys, see core/cache.py) come again after a test's
    rollback."""
    from fasit.core.api_utils import forget_counts
    from fasit.core.cache import forget_area_versions
    from fasit.relationships import memo
    from fasit.signals import index as signal_index

    for cache in caches.all():
        cache.clear()
    forget_counts()
    forget_area_versions()
    memo.clear()
    signal_index.reset()
    # A request activates its user's language in the thread and leaves it active
    # (a streamed response still renders after the middleware returns), so a test
    # after a Swedish request would otherwise start in Swedish.
    translation.deactivate()


@pytest.fixture(autouse=True)
def _no_index_files(settings: Any) -> None:
    """No signal index files: ids and frozen creation times come again from test to
    test (``signals/tests/test_index_files.py`` turns them on in a folder of its own)."""
    settings.FASIT_SIGNALS_INDEX_DIR = ""


@pytest.fixture
def team_a(db: Any) -> Any:
    return TeamFactory(name="Team A", slug="team-a")


@pytest.fixture
def team_b(db: Any) -> Any:
    return TeamFactory(name="Team B", slug="team-b")


@pytest.fixture
def alice(team_a: Any) -> Any:
    user = UserFactory(username="alice", first_name="Alice")
    MembershipFactory(team=team_a, user=user, role=Role.OWNER)
    return user


@pytest.fixture
def bob(team_a: Any) -> Any:
    user = UserFactory(username="bob", first_name="Bob")
    MembershipFactory(team=team_a, user=user, role=Role.MEMBER)
    return user


@pytest.fixture
def victor(team_a: Any) -> Any:
    user = UserFactory(username="victor", first_name="Victor")
    MembershipFactory(team=team_a, user=user, role=Role.VIEWER)
    return user


@pytest.fixture
def paula(team_a: Any) -> Any:
    """A product manager: shapes buying processes and themes, keeps no customer records."""
    user = UserFactory(username="paula", first_name="Paula")
    MembershipFactory(team=team_a, user=user, role=Role.PRODUCT)
    return user


@pytest.fixture
def charlie(team_b: Any) -> Any:
    user = UserFactory(username="charlie", first_name="Charlie")
    MembershipFactory(team=team_b, user=user, role=Role.OWNER)
    return user


def _client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def alice_client(alice: Any) -> Client:
    return _client_for(alice)


@pytest.fixture
def bob_client(bob: Any) -> Client:
    return _client_for(bob)


@pytest.fixture
def victor_client(victor: Any) -> Client:
    return _client_for(victor)


@pytest.fixture
def paula_client(paula: Any) -> Client:
    return _client_for(paula)


@pytest.fixture
def charlie_client(charlie: Any) -> Client:
    return _client_for(charlie)


def _api_for(team: Any, user: Any) -> Client:
    """A client that calls the API with a read-and-write personal access token (no
    session): what a script or another system does."""
    from fasit.tenancy.services import api_token_create

    _token, secret = api_token_create(
        team=team, user=user, actor=user, name=f"{user.username}'s script", scope="write"
    )
    return Client(headers={"Authorization": f"Bearer {secret}"})


@pytest.fixture
def alice_api(team_a: Any, alice: Any) -> Client:
    return _api_for(team_a, alice)


@pytest.fixture
def bob_api(team_a: Any, bob: Any) -> Client:
    return _api_for(team_a, bob)


@pytest.fixture
def victor_api(team_a: Any, victor: Any) -> Client:
    """A viewer's token: even with the write scope it never writes."""
    return _api_for(team_a, victor)


@pytest.fixture
def paula_api(team_a: Any, paula: Any) -> Client:
    return _api_for(team_a, paula)


@pytest.fixture
def charlie_api(team_b: Any, charlie: Any) -> Client:
    return _api_for(team_b, charlie)

"""Search everything: accounts, people, conversations (notes and transcripts), themes
and journeys; stemmed in four languages, accent- and case-insensitive, ranked,
team-scoped. Run on SQLite (FTS5) and PostgreSQL (tsvector) alike."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from fasit.conversations.services import transcript_store
from fasit.customers import services as customer_services
from fasit.search.models import SearchEntry
from fasit.search.selectors import search
from fasit.signals.services import statement_create
from fasit.testing import AccountFactory, ConversationFactory, PersonFactory, PersonRoleFactory

pytestmark = pytest.mark.django_db

VTT = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Bob>Hvordan løser dere vedlikeholdet i dag?

00:00:05.000 --> 00:00:12.000
<v Kari>Vi bytter transportbåndene hvert tredje år, og reservedelene kommer sent.
""".encode()


def _found(team: Any, query: str) -> list[tuple[str, str]]:
    return [
        (r.kind, str(getattr(r.record, "title", None) or r.record)) for r in search(team, query)
    ]


@pytest.fixture
def world(team_a: Any, team_b: Any, alice: Any, charlie: Any) -> dict[str, Any]:
    account = AccountFactory(team=team_a, name="Bergström Energi AB", country="SE")
    person = PersonFactory(team=team_a, name="Søren Ærbø", what_matters="Seiling og golf")
    PersonRoleFactory(person=person, account=account, title="Driftssjef")
    meeting = ConversationFactory(
        team=team_a,
        account=account,
        subject="Årsmøte",
        notes="Kunden vill ha kortare leveranstider och betala per drifttimme.",
    )
    foreign = AccountFactory(team=team_b, name="Bergström Kraft AS")
    return {"account": account, "person": person, "meeting": meeting, "foreign": foreign}


def test_finds_accounts_and_people_without_accents_or_case(world: Any, team_a: Any) -> None:
    # The account ranks first on its own name; its meeting (the account's name is in
    # its title) and its person (in the body) follow.
    assert _found(team_a, "BERGSTROM") == [
        ("account", "Bergström Energi AB"),
        ("conversation", "Årsmøte"),
        ("person", "Søren Ærbø"),
    ]
    assert _found(team_a, "soren aerbo") == [("person", "Søren Ærbø")]
    assert ("person", "Søren Ærbø") in _found(team_a, "driftssjef")


def test_finds_conversations_by_stemmed_words_of_the_notes_in_another_form(
    world: Any, team_a: Any
) -> None:
    # Notes say "leveranstider" and "drifttimme"; a query in the plural or definite
    # form, or as a prefix being typed, still finds them.
    assert ("conversation", "Årsmøte") in _found(team_a, "leveranstiderna")
    assert ("conversation", "Årsmøte") in _found(team_a, "drifttim")
    assert _found(team_a, "leveranstider golf") == []


def test_finds_words_said_in_a_transcript(world: Any, team_a: Any, alice: Any) -> None:
    transcript_store(conversation=world["meeting"], actor=alice, name="m.vtt", content=VTT)
    assert ("conversation", "Årsmøte") in _found(team_a, "reservedel")
    assert ("conversation", "Årsmøte") in _found(team_a, "transportbånd")


def test_finds_themes_by_their_quotes_and_journeys_by_title(
    world: Any, team_a: Any, alice: Any
) -> None:
    from fasit.buying.tests.helpers import journey_at, process_for

    statement_create(
        team=team_a,
        actor=alice,
        conversation=world["meeting"],
        text="Vi vill betala per drifttimme i stället för att köpa maskinen.",
    )
    assert "theme" in {kind for kind, _ in _found(team_a, "maskinen")}
    journey_at(
        team_a,
        alice,
        process=process_for(team_a, alice),
        index=0,
        since=timezone.localdate() - dt.timedelta(days=3),
        title="Nye transportbånd til Luleå",
    )
    assert ("journey", "Nye transportbånd til Luleå") in _found(team_a, "lulea")


def test_index_follows_edits_and_deletes(world: Any, team_a: Any, alice: Any) -> None:
    customer_services.account_update(
        account=world["account"], actor=alice, data={"name": "Nordkraft AB"}
    )
    assert _found(team_a, "bergstrom") == []
    assert _found(team_a, "nordkraft")[0] == ("account", "Nordkraft AB")
    # The conversation is found by its account's new name too.
    assert ("conversation", "Årsmøte") in _found(team_a, "nordkraft årsmøte")
    world["meeting"].delete()
    assert not SearchEntry.objects.filter(kind="conversation", object_id=world["meeting"].pk)


def test_a_team_never_finds_another_teams_records(world: Any, team_b: Any) -> None:
    assert _found(team_b, "bergström") == [("account", "Bergström Kraft AS")]
    assert _found(team_b, "soren") == []
    assert _found(None, "bergstrom") == []


def test_the_index_command_rebuilds_what_bulk_writes_missed(world: Any, team_a: Any) -> None:
    SearchEntry.objects.all().delete()
    assert _found(team_a, "bergstrom") == []
    call_command("fasit_search_index", "--team", team_a.slug, stdout=io.StringIO())
    assert _found(team_a, "bergstrom")[0] == ("account", "Bergström Energi AB")


def test_search_page_and_dropdown(world: Any, alice_client: Any, victor_client: Any) -> None:
    page = alice_client.get(reverse("search:page"), {"q": "bergstrom"})
    assert page.status_code == 200
    assert reverse("accounts:detail", args=[world["account"].pk]) in page.content.decode()
    only_people = alice_client.get(reverse("search:page"), {"q": "bergstrom", "kind": "person"})
    assert (
        reverse("accounts:detail", args=[world["account"].pk]) not in only_people.content.decode()
    )
    assert reverse("people:detail", args=[world["person"].pk]) in only_people.content.decode()
    # A viewer reads everything, so searches too.
    drop = victor_client.get(reverse("search:dropdown"), {"q": "berg"}, HTTP_HX_REQUEST="true")
    assert drop.status_code == 200
    assert 'role="option"' in drop.content.decode()
    assert (
        "Nothing found" in alice_client.get(reverse("search:page"), {"q": "zzzz"}).content.decode()
    )


def test_charlie_sees_none_of_team_as_records(world: Any, charlie_client: Any) -> None:
    for url in (reverse("search:page"), reverse("search:dropdown")):
        body = charlie_client.get(url, {"q": "bergstrom"}).content.decode()
        assert "Bergström Kraft AS" in body
        assert "Bergström Energi AB" not in body
        assert reverse("accounts:detail", args=[world["account"].pk]) not in body


def test_migrate_indexes_teams_that_were_there_before_the_search(
    world: Any, team_a: Any, team_b: Any
) -> None:
    SearchEntry.objects.filter(team=team_a).delete()
    indexed_b = SearchEntry.objects.filter(team=team_b).count()
    call_command("migrate", verbosity=0)
    assert _found(team_a, "bergstrom")[0] == ("account", "Bergström Energi AB")
    assert SearchEntry.objects.filter(team=team_b).count() == indexed_b  # left alone

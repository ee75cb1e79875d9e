"""The model layer refuses a record that points at another team's record, on every
write path: save (services, forms, admin), bulk_create, bulk_update, update and
many-to-many add (core/guard.py)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from fasit.buying.models import BuyingGroupMember, Journey, StageChange
from fasit.buying.services import journey_create
from fasit.conversations.models import FollowUp, ListeningAnalysis, TranscriptSpeaker
from fasit.conversations.services import conversation_attach_transcript
from fasit.core.guard import CrossTeamReference
from fasit.customers.models import Account, PersonRole
from fasit.relationships.models import CalendarFeed
from fasit.testing import AccountFactory, ConversationFactory, PersonFactory


@pytest.fixture
def a(team_a: Any, alice: Any) -> dict[str, Any]:
    account = AccountFactory(team=team_a, name="Fjord Energi AS")
    conversation = ConversationFactory(team=team_a, account=account)
    journey = journey_create(team=team_a, actor=alice, account=account, title="Pumper")
    return {
        "account": account,
        "person": PersonFactory(team=team_a, name="Kari Berg"),
        "conversation": conversation,
        "journey": journey,
        "stage": journey.stage,
    }


@pytest.fixture
def b(team_b: Any, charlie: Any) -> dict[str, Any]:
    account = AccountFactory(team=team_b, name="Other AB")
    conversation = ConversationFactory(team=team_b, account=account)
    conversation_attach_transcript(
        conversation=conversation,
        actor=charlie,
        transcript=SimpleUploadedFile("m.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nEva: Hei\n"),
    )
    journey = journey_create(team=team_b, actor=charlie, account=account, title="Lease")
    return {
        "account": account,
        "person": PersonFactory(team=team_b, name="Eva"),
        "conversation": conversation,
        "journey": journey,
        "analysis": ListeningAnalysis.objects.get(conversation=conversation),
    }


def test_a_person_role_at_another_teams_account_is_refused(a: Any, b: Any) -> None:
    with pytest.raises(CrossTeamReference, match="another team"):
        PersonRole.objects.create(person=b["person"], account=a["account"])
    assert not PersonRole.objects.filter(account=a["account"]).exists()


def test_own_team_references_are_saved(a: Any, b: Any, charlie: Any) -> None:
    PersonRole.objects.create(person=b["person"], account=b["account"])
    BuyingGroupMember.objects.create(journey=b["journey"], person=b["person"])
    b["conversation"].people.add(b["person"])
    b["conversation"].users.add(charlie)
    FollowUp.objects.create(conversation=b["conversation"], task="Call", owner=charlie)
    assert PersonRole.objects.filter(account=b["account"]).count() == 1


@pytest.mark.parametrize(
    "build",
    [
        lambda a, b: BuyingGroupMember(journey=b["journey"], person=a["person"]),
        lambda a, b: TranscriptSpeaker(
            analysis=b["analysis"], position=9, name="X", side="customer", person=a["person"]
        ),
        lambda a, b: StageChange(journey=b["journey"], conversation=a["conversation"]),
        lambda a, b: StageChange(journey=b["journey"], to_stage=a["stage"]),
        lambda a, b: Account(team=b["account"].team, name="Child", parent=a["account"]),
    ],
    ids=["buying member", "transcript speaker", "stage change conversation", "stage", "parent"],
)
def test_child_rows_pointing_at_team_a_are_refused(a: Any, b: Any, build: Any) -> None:
    row = build(a, b)
    with pytest.raises(CrossTeamReference):
        row.save()
    with pytest.raises(CrossTeamReference):
        type(row).objects.bulk_create([build(a, b)])
    assert not type(row).objects.filter(pk=row.pk).exists() if row.pk else True


def test_journey_stage_of_another_team_is_refused_on_save_and_update(a: Any, b: Any) -> None:
    journey = b["journey"]
    journey.stage = a["stage"]
    with pytest.raises(CrossTeamReference):
        journey.save()
    with pytest.raises(CrossTeamReference):
        Journey.objects.filter(pk=journey.pk).update(stage=a["stage"])
    with pytest.raises(CrossTeamReference):
        Journey.objects.filter(pk=journey.pk).update(stage_id=a["stage"].pk)
    assert Journey.objects.get(pk=journey.pk).stage_id != a["stage"].pk


def test_bulk_update_is_checked(a: Any, b: Any) -> None:
    role = PersonRole.objects.create(person=b["person"], account=b["account"])
    role.account = a["account"]
    with pytest.raises(CrossTeamReference):
        PersonRole.objects.bulk_update([role], ["account"])


def test_conversation_participants_of_another_team_are_refused(
    a: Any, b: Any, alice: Any
) -> None:
    # Django adds through rows inside a transaction: each attempt gets its own.
    with pytest.raises(CrossTeamReference), transaction.atomic():
        b["conversation"].people.add(a["person"])
    with pytest.raises(CrossTeamReference), transaction.atomic():
        a["person"].conversations.add(b["conversation"])
    with pytest.raises(CrossTeamReference), transaction.atomic():
        b["conversation"].users.add(alice)
    assert not b["conversation"].people.exists()


def test_follow_up_owner_and_feed_user_must_be_members(a: Any, b: Any, alice: Any) -> None:
    with pytest.raises(CrossTeamReference, match="member"):
        FollowUp.objects.create(conversation=b["conversation"], task="Call", owner=alice)
    with pytest.raises(CrossTeamReference, match="member"):
        CalendarFeed.objects.create(team=b["account"].team, user=alice, token_hash="x" * 64)
    with pytest.raises(CrossTeamReference, match="member"):
        Account.objects.filter(pk=b["account"].pk).update(owner=alice)


def test_history_stays_when_a_member_leaves(a: Any, bob: Any, team_a: Any) -> None:
    follow_up = FollowUp.objects.create(conversation=a["conversation"], task="Call", owner=bob)
    bob.memberships.all().delete()
    follow_up.done = True
    follow_up.save()
    follow_up.refresh_from_db()
    assert follow_up.done


def test_a_bulk_write_looks_its_targets_up_in_slices(
    team_a: Any, team_b: Any, monkeypatch: Any
) -> None:
    # The guard reads the teams of a bulk write's targets a slice at a time (slices of
    # two stand in for thousands): one statement naming them all grew with the write
    # until PostgreSQL refused it (65,535 parameters; a retention run queueing a whole
    # team's people). A target of another team is still refused.
    from fasit.core import db
    from fasit.testing import bound_parameters, most_bound

    monkeypatch.setattr(db, "ID_SLICE", 2)
    account = AccountFactory(team=team_a)

    def write(n: int) -> int:
        people = [PersonFactory(team=team_a).pk for _ in range(n)]
        roles = [PersonRole(person_id=p, account_id=account.pk) for p in people]
        with bound_parameters() as seen:
            PersonRole.objects.bulk_create(roles)
        return most_bound(seen)

    assert write(3) == write(9)
    stranger = PersonFactory(team=team_b).pk
    with pytest.raises(CrossTeamReference), transaction.atomic():
        PersonRole.objects.bulk_create(
            [PersonRole(person_id=PersonFactory(team=team_a).pk, account_id=account.pk)]
            + [PersonRole(person_id=stranger, account_id=account.pk)]
        )

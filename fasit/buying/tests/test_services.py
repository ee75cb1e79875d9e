from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from fasit.buying import services
from fasit.buying.models import BuyingProcess, Journey, StageChange
from fasit.buying.tests.helpers import journey_at, process_for, stages_of
from fasit.core.models import AuditEvent, RecordGone
from fasit.testing import AccountFactory, CategoryFactory, ConversationFactory, PersonFactory

DAY = timezone.localdate() - dt.timedelta(days=270)


def test_default_template_starts_at_status_quo_and_follows_the_buying_jobs(
    team_a: Any, alice: Any
) -> None:
    process = process_for(team_a, alice)
    assert [s.name for s in stages_of(process)] == [
        "Status quo",
        "Problem identification",
        "Solution exploration",
        "Requirements building",
        "Supplier selection",
        "Validation",
        "Consensus",
        "Decision",
        "Implementation",
    ]
    first = stages_of(process)[1]
    assert first.question_list and first.sign_list and first.buying_support
    assert "driftsstans" in first.sign_keywords
    assert AuditEvent.objects.filter(object_type="buying.buyingprocess").count() == 1


def test_a_category_gets_one_process(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    with pytest.raises(ValidationError) as error:
        services.process_create(team=team_a, actor=alice, category=process.category)
    assert "has a buying process already" in str(error.value)
    assert BuyingProcess.objects.count() == 1


def test_another_teams_category_is_refused(team_a: Any, team_b: Any, alice: Any) -> None:
    with pytest.raises(ValidationError):
        services.process_create(team=team_a, actor=alice, category=CategoryFactory(team=team_b))
    assert BuyingProcess.objects.count() == 0


def test_copying_a_process_copies_its_stages(team_a: Any, alice: Any) -> None:
    source = process_for(team_a, alice)
    services.stage_update(stage=stages_of(source)[0], actor=alice, data={"name": "Nøytral"})
    copy = services.process_create(
        team=team_a, actor=alice, category=CategoryFactory(team=team_a), copy_from=source
    )
    assert stages_of(copy)[0].name == "Nøytral"
    assert len(stages_of(copy)) == 9


def test_journey_starts_in_the_accounts_category_process(team_a: Any, alice: Any) -> None:
    category = CategoryFactory(team=team_a, name="Energi")
    account = AccountFactory(team=team_a, category=category)
    journey = services.journey_create(team=team_a, actor=alice, account=account, title="Pumper")
    assert journey.process.category == category
    assert journey.stage.name == "Status quo"
    assert journey.stage_since == timezone.localdate()
    assert journey.stage_changes.count() == 1


def test_account_without_category_uses_the_default_process(team_a: Any, alice: Any) -> None:
    journey = services.journey_create(
        team=team_a, actor=alice, account=AccountFactory(team=team_a), title="Pumper"
    )
    assert journey.process.category is None
    assert journey.process.name == "Default buying process"


def test_journey_needs_a_title(team_a: Any, alice: Any) -> None:
    with pytest.raises(ValidationError) as error:
        services.journey_create(
            team=team_a, actor=alice, account=AccountFactory(team=team_a), title="  "
        )
    assert "title" in error.value.message_dict
    assert Journey.objects.count() == 0


def test_stage_change_needs_evidence(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    journey = journey_at(team_a, alice, process=process, index=1, since=DAY)
    with pytest.raises(ValidationError) as error:
        services.journey_change_stage(journey=journey, actor=alice, stage=stages_of(process)[2])
    assert "note" in error.value.message_dict
    journey.refresh_from_db()
    assert journey.stage == stages_of(process)[1]
    assert journey.stage_changes.count() == 1


def test_stage_change_with_a_conversation_as_evidence(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    journey = journey_at(team_a, alice, process=process, index=1, since=DAY)
    conversation = ConversationFactory(team=team_a, account=journey.account)
    change = services.journey_change_stage(
        journey=journey,
        actor=alice,
        stage=stages_of(process)[3],
        changed_on=DAY + dt.timedelta(days=5),
        conversation=conversation,
    )
    journey.refresh_from_db()
    assert (journey.stage, journey.stage_since) == (stages_of(process)[3], DAY + dt.timedelta(5))
    assert (change.from_name, change.to_name, change.conversation) == (
        "Problem identification",
        "Requirements building",
        conversation,
    )
    # One entry for this change (the journey's first change has its own).
    assert (
        AuditEvent.objects.filter(
            object_type="buying.stagechange", object_id=str(change.pk)
        ).count()
        == 1
    )


def test_stage_change_refuses_bad_input(team_a: Any, team_b: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    other = process_for(team_a, alice, name="Offentlig")
    journey = journey_at(team_a, alice, process=process, index=1, since=DAY)
    other_account = ConversationFactory(team=team_a)
    cases = [
        ({"stage": stages_of(other)[2], "note": "x"}, "stage"),
        ({"stage": stages_of(process)[1], "note": "x"}, "stage"),
        ({"stage": stages_of(process)[2], "conversation": other_account}, "conversation"),
        (
            {"stage": stages_of(process)[2], "note": "x", "changed_on": DAY - dt.timedelta(1)},
            "changed_on",
        ),
        (
            {
                "stage": stages_of(process)[2],
                "note": "x",
                "changed_on": timezone.localdate() + dt.timedelta(1),
            },
            "changed_on",
        ),
    ]
    for kwargs, field in cases:
        with pytest.raises(ValidationError) as error:
            services.journey_change_stage(journey=journey, actor=alice, **kwargs)
        assert field in error.value.message_dict
    with pytest.raises(ValidationError):
        services.journey_change_stage(
            journey=journey,
            actor=alice,
            stage=stages_of(process)[2],
            conversation=ConversationFactory(team=team_b),
        )
    assert StageChange.objects.filter(journey=journey).count() == 1


def test_reordering_keeps_journeys_in_their_stage(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    journey = journey_at(team_a, alice, process=process, index=3, since=DAY)
    requirements = stages_of(process)[3]
    services.stage_move(stage=requirements, actor=alice, direction="up")
    journey.refresh_from_db()
    names = [s.name for s in stages_of(process)]
    assert names[2:4] == ["Requirements building", "Solution exploration"]
    assert journey.stage == requirements
    assert [s.order for s in stages_of(process)] == list(range(9))


def test_moving_the_first_stage_up_changes_nothing(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    before = [s.pk for s in stages_of(process)]
    services.stage_move(stage=stages_of(process)[0], actor=alice, direction="up")
    assert [s.pk for s in stages_of(process)] == before


def test_removing_a_stage_moves_its_journeys_to_the_stage_before(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    journey = journey_at(team_a, alice, process=process, index=5, since=DAY)
    validation, selection = stages_of(process)[5], stages_of(process)[4]
    neighbour = services.stage_remove(stage=validation, actor=alice)
    journey.refresh_from_db()
    assert neighbour == selection
    assert journey.stage == selection
    assert journey.stage_since == DAY  # time in stage is kept
    last = journey.stage_changes.order_by("id").last()
    assert (last.from_name, last.to_name, last.changed_on) == (
        "Validation",
        "Supplier selection",
        DAY,
    )
    assert "was removed from the template" in last.note
    assert [s.order for s in stages_of(process)] == list(range(8))


def test_removing_the_first_stage_moves_journeys_to_the_next(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    journey = journey_at(team_a, alice, process=process, index=0, since=DAY)
    services.stage_remove(stage=stages_of(process)[0], actor=alice)
    journey.refresh_from_db()
    assert journey.stage.name == "Problem identification"


@pytest.mark.parametrize("change", ["remove", "move"])
def test_a_stage_another_request_removed_meanwhile_is_gone(
    team_a: Any, alice: Any, change: str
) -> None:
    # Two removals of one stage at once (found by schemathesis: a 500): the second read
    # the stage before the first deleted it.
    process = process_for(team_a, alice)
    journey = journey_at(team_a, alice, process=process, index=2, since=DAY)
    stale = stages_of(process)[3]
    services.stage_remove(stage=stages_of(process)[3], actor=alice)
    before = [(s.pk, s.order) for s in stages_of(process)]
    with pytest.raises(RecordGone):
        if change == "remove":
            services.stage_remove(stage=stale, actor=alice)
        else:
            services.stage_move(stage=stale, actor=alice, direction="up")
    assert [(s.pk, s.order) for s in stages_of(process)] == before
    journey.refresh_from_db()
    assert journey.stage == stages_of(process)[2]


def test_the_last_stage_cannot_be_removed(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    for stage in stages_of(process)[1:]:
        services.stage_remove(stage=stage, actor=alice)
    with pytest.raises(ValidationError) as error:
        services.stage_remove(stage=stages_of(process)[0], actor=alice)
    assert "at least one stage" in error.value.messages[0]
    assert len(stages_of(process)) == 1


def test_stage_needs_a_name(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    with pytest.raises(ValidationError):
        services.stage_add(process=process, actor=alice, name=" ")
    with pytest.raises(ValidationError):
        services.stage_update(stage=stages_of(process)[0], actor=alice, data={"name": ""})
    assert stages_of(process)[0].name == "Status quo"
    added = services.stage_add(process=process, actor=alice, name="Fornyelse")
    assert stages_of(process)[-1] == added


def test_buying_group_member_is_added_then_updated(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    journey = journey_at(team_a, alice, process=process, index=1, since=DAY)
    person = PersonFactory(team=team_a)
    services.member_set(journey=journey, actor=alice, person=person, role="decision_maker")
    member = services.member_set(
        journey=journey, actor=alice, person=person, role="decision_maker", stance="for"
    )
    assert journey.members.count() == 1
    assert member.stance == "for"


def test_buying_group_refuses_another_teams_person(team_a: Any, team_b: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    journey = journey_at(team_a, alice, process=process, index=1, since=DAY)
    with pytest.raises(ValidationError):
        services.member_set(journey=journey, actor=alice, person=PersonFactory(team=team_b))
    assert journey.members.count() == 0


def test_motive_in_the_customers_words(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    journey = journey_at(team_a, alice, process=process, index=1, since=DAY)
    with pytest.raises(ValidationError):
        services.motive_add(journey=journey, actor=alice, text=" ")
    motive = services.motive_add(
        journey=journey, actor=alice, text="Vi tåler ikke en stans til.", theme="uptime"
    )
    assert (motive.theme, motive.pulls, motive.person) == ("uptime", "change", None)


def test_outcome_closes_and_reopens(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    journey = journey_at(team_a, alice, process=process, index=1, since=DAY)
    services.journey_set_outcome(journey=journey, actor=alice, outcome="no_decision")
    assert journey.closed_on == timezone.localdate()
    with pytest.raises(ValidationError):
        services.journey_change_stage(
            journey=journey, actor=alice, stage=stages_of(process)[2], note="x"
        )
    services.journey_set_outcome(journey=journey, actor=alice, outcome="open")
    assert journey.closed_on is None
    with pytest.raises(ValidationError):
        services.journey_set_outcome(journey=journey, actor=alice, outcome="won")


def test_forecast_is_validated(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    journey = journey_at(team_a, alice, process=process, index=1, since=DAY)
    with pytest.raises(ValidationError) as error:
        services.journey_update(journey=journey, actor=alice, data={"forecast_probability": 120})
    assert "forecast_probability" in error.value.message_dict
    journey.refresh_from_db()
    assert journey.forecast_probability is None


def test_deleting_the_team_takes_its_journeys_but_a_stage_cannot_go_under_them(
    team_a: Any, alice: Any
) -> None:
    from django.db.models import RestrictedError

    process = process_for(team_a, alice)
    journey = journey_at(team_a, alice, process=process, index=2, since=DAY)
    with pytest.raises(RestrictedError):
        journey.stage.delete()
    team_a.delete()
    assert not Journey.objects.exists()
    assert not BuyingProcess.objects.exists()

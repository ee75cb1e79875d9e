"""A buying journey's history (core.audit.record_events): the journey's own changes and
those of its stage changes, buying group and motives, also of rows since removed, on a
page every member can open and in the API; another team gets a 404."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from fasit.buying import services
from fasit.buying.tests.helpers import journey_at, process_for
from fasit.core.audit import changes_of, history
from fasit.testing import PersonFactory

pytestmark = pytest.mark.django_db

SINCE = dt.date(2026, 3, 2)


def _journey(team: Any, actor: Any) -> Any:
    journey = journey_at(team, actor, process=process_for(team, actor), index=0, since=SINCE)
    services.journey_update(journey=journey, actor=actor, data={"title": "Nye robotceller"})
    person = PersonFactory(team=team, name="Ola Hansen")
    member = services.member_set(journey=journey, actor=actor, person=person, role="decision_maker")
    services.motive_add(journey=journey, actor=actor, text="Kortere omstillingstid", person=person)
    services.member_remove(member=member, actor=actor)
    return journey


def test_a_journeys_history_lists_its_group_and_motives_also_a_removed_member(
    team_a: Any, alice: Any
) -> None:
    journey = _journey(team_a, alice)
    other = journey_at(team_a, alice, process=journey.process, index=0, since=SINCE, title="Annet")
    services.journey_update(journey=other, actor=alice, data={"title": "Noe annet"})
    rows = history(journey)
    assert [(r["action"], r["record_type"]) for r in rows] == [
        ("create", "buying.journey"),
        ("create", "buying.stagechange"),
        ("update", "buying.journey"),
        ("create", "buying.buyinggroupmember"),
        ("create", "buying.motive"),
        ("delete", "buying.buyinggroupmember"),
    ]
    assert changes_of(rows[2])["title"] == ["Nye transportbånd", "Nye robotceller"]
    # The removed member's row is gone; its creation and removal are still listed.
    assert rows[3]["record_id"] == rows[5]["record_id"]
    assert not journey.members.exists()


def test_the_journey_history_page_and_api_for_members_viewers_and_404_for_another_team(
    team_a: Any,
    alice: Any,
    alice_client: Any,
    victor_client: Any,
    charlie_client: Any,
    alice_api: Any,
    victor_api: Any,
    charlie_api: Any,
) -> None:
    journey = _journey(team_a, alice)
    url = f"/buying/journeys/{journey.pk}/history/"
    page = alice_client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    rows = html.split("<tbody>")[1].split("</tr>")
    assert "Deleted" in rows[0] and "Ola Hansen" in rows[0]
    assert "Kortere omstillingstid" in rows[1]
    assert victor_client.get(url).status_code == 200  # a viewer reads it too
    assert charlie_client.get(url).status_code == 404
    assert url in alice_client.get(f"/buying/journeys/{journey.pk}/").content.decode()
    assert url in victor_client.get(f"/buying/journeys/{journey.pk}/").content.decode()

    api = f"/api/buying/journeys/{journey.pk}/history"
    body = alice_api.get(api, {"order": "-id", "limit": 2}).json()
    assert body["count"] == 6
    assert [(i["action"], i["record_type"]) for i in body["items"]] == [
        ("delete", "buying.buyinggroupmember"),
        ("create", "buying.motive"),
    ]
    rest = alice_api.get(api, {"order": "-id", "after": body["next_after"]}).json()
    assert [i["action"] for i in rest["items"]] == ["create", "update", "create", "create"]
    assert rest["next_after"] is None
    assert victor_api.get(api).status_code == 200
    assert charlie_api.get(api).status_code == 404


def test_a_new_journeys_first_stage_change_is_audited_like_later_ones(
    team_a: Any, alice: Any, alice_client: Any, charlie_client: Any
) -> None:
    process = process_for(team_a, alice)
    stages = list(process.stages.order_by("order"))
    journey = services.journey_create(
        team=team_a,
        actor=alice,
        account=journey_at(team_a, alice, process=process, index=0, since=SINCE).account,
        title="Ny palleterer",
        stage=stages[1],
        started_on=SINCE,
        note="De har bedt om tilbud",
    )
    later = services.journey_change_stage(
        journey=journey, actor=alice, stage=stages[2], changed_on=SINCE, note="Befaring avtalt"
    )
    rows = history(journey)
    assert [(r["action"], r["record_type"]) for r in rows] == [
        ("create", "buying.journey"),
        ("create", "buying.stagechange"),
        ("create", "buying.stagechange"),
        ("update", "buying.journey"),
    ]
    first = journey.stage_changes.order_by("id").first()
    assert rows[1]["record_id"] == str(first.pk) and rows[2]["record_id"] == str(later.pk)
    assert rows[1]["by"] == rows[2]["by"]
    assert changes_of(rows[1])["to_name"] == [None, stages[1].name]
    assert changes_of(rows[1])["note"] == [None, "De har bedt om tilbud"]
    assert changes_of(rows[1])["changed_on"] == [None, SINCE.isoformat()]
    assert changes_of(rows[2])["from_name"] == [None, stages[1].name]
    url = f"/buying/journeys/{journey.pk}/history/"
    assert "De har bedt om tilbud" in alice_client.get(url).content.decode()
    assert charlie_client.get(url).status_code == 404


def test_a_stage_change_made_by_removing_a_stage_is_audited(team_a: Any, alice: Any) -> None:
    process = process_for(team_a, alice)
    stages = list(process.stages.order_by("order"))
    journey = journey_at(team_a, alice, process=process, index=1, since=SINCE)
    services.stage_remove(stage=stages[1], actor=alice)
    rows = history(journey)
    assert [(r["action"], r["record_type"]) for r in rows] == [
        ("create", "buying.journey"),
        ("create", "buying.stagechange"),
        ("create", "buying.stagechange"),
        ("update", "buying.journey"),
    ]
    assert changes_of(rows[2])["from_name"] == [None, stages[1].name]
    assert changes_of(rows[2])["to_name"] == [None, stages[0].name]

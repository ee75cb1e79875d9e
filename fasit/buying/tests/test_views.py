from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from django.urls import reverse
from django.utils import timezone

from fasit.buying.models import Journey, StageChange
from fasit.buying.tests.helpers import journey_at, process_for, stages_of
from fasit.core.models import AuditEvent
from fasit.testing import AccountFactory, CategoryFactory, ConversationFactory, PersonFactory

SINCE = timezone.localdate() - dt.timedelta(days=90)


def test_journey_pages_for_alice_and_404_for_charlie(
    team_a: Any, alice: Any, alice_client: Any, charlie_client: Any
) -> None:
    process = process_for(team_a, alice)
    journey = journey_at(
        team_a, alice, process=process, index=1, since=SINCE, forecast_probability=80
    )
    html = alice_client.get(reverse("buying:journey", args=[journey.pk])).content.decode()
    assert "Problem identification" in html
    assert "58 points above the 22% that the customer&#x27;s stage" in html
    assert "What is the problem" not in html  # questions are the stage's own
    assert "What exactly is the problem, and what causes it?" in html
    assert charlie_client.get(reverse("buying:journey", args=[journey.pk])).status_code == 404
    assert charlie_client.get(reverse("buying:process", args=[process.pk])).status_code == 404


def test_gap_view_lists_value_and_what_the_customer_works_on(
    team_a: Any, alice: Any, alice_client: Any, charlie_client: Any
) -> None:
    process = process_for(team_a, alice)
    journey_at(
        team_a,
        alice,
        process=process,
        index=1,
        since=SINCE,
        title="Nye pumper",
        forecast_probability=80,
        forecast_value=Decimal("750000"),
    )
    html = alice_client.get(reverse("buying:gaps")).content.decode()
    assert "Nye pumper" in html
    assert "750,000\xa0NOK" in html
    assert "Is it urgent enough to act on now?" in html
    assert "Nye pumper" not in charlie_client.get(reverse("buying:gaps")).content.decode()


def test_overview_filters_by_risk_and_serves_rows_to_htmx(
    team_a: Any, alice: Any, alice_client: Any, charlie_client: Any
) -> None:
    process = process_for(team_a, alice)
    journey_at(team_a, alice, process=process, index=1, since=SINCE, title="Gammel sak")
    rows = alice_client.get(reverse("buying:home"), {"risk": "high"}, HTTP_HX_REQUEST="true")
    assert "Gammel sak" in rows.content.decode()
    assert "<html" not in rows.content.decode()
    low = alice_client.get(reverse("buying:home"), {"risk": "low"}).content.decode()
    assert "Gammel sak" not in low
    assert "Gammel sak" not in charlie_client.get(reverse("buying:home")).content.decode()


def test_insight_draws_svg_charts(
    team_a: Any, alice: Any, alice_client: Any, charlie_client: Any
) -> None:
    process = process_for(team_a, alice)
    journey_at(team_a, alice, process=process, index=2, since=SINCE)
    # The page's own content: the top bar has an icon of its own (search).
    html = alice_client.get(reverse("buying:insight")).content.decode().split("<main", 1)[1]
    assert html.count("<svg") == 3
    assert "Where they stall" in html
    assert "Solution exploration" in html
    other = charlie_client.get(reverse("buying:insight")).content.decode().split("<main", 1)[1]
    assert "<svg" not in other and process.name not in other
    # The sections are cached as HTML until the team's next change: a motive added
    # through the service shows on the next request, and reading writes nothing.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from fasit.buying import services

    journey = Journey.objects.get(process=process)
    services.motive_add(journey=journey, actor=alice, text="Mindre nedetid.", theme="uptime")
    with CaptureQueriesContext(connection) as captured:
        again = alice_client.get(reverse("buying:insight")).content.decode()
    assert "Mindre nedetid." in again
    assert not [
        q["sql"]
        for q in captured
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        and "django_session" not in q["sql"]
    ]


def test_workshop_page_edits_a_stage_inline(
    team_a: Any, alice: Any, bob_client: Any, charlie_client: Any
) -> None:
    process = process_for(team_a, alice)
    stage = stages_of(process)[1]
    url = reverse("buying:stage_edit", args=[stage.pk])
    form = bob_client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "<form" in form and "<html" not in form
    data = {
        "name": "Problemet blir tydelig",
        "questions": "Hva koster det?",
        "signs": "",
        "sign_keywords": "stans",
        "buying_support": "",
        "selling_support": "",
        "typical_days": 20,
    }
    card = bob_client.post(url, data, HTTP_HX_REQUEST="true").content.decode()
    assert "Problemet blir tydelig" in card and "Hva koster det?" in card
    stage.refresh_from_db()
    assert (stage.name, stage.typical_days) == ("Problemet blir tydelig", 20)
    assert charlie_client.post(url, data).status_code == 404


def test_workshop_refuses_a_stage_without_name(
    team_a: Any, alice: Any, bob_client: Any, charlie_client: Any
) -> None:
    process = process_for(team_a, alice)
    stage = stages_of(process)[1]
    response = bob_client.post(
        reverse("buying:stage_edit", args=[stage.pk]),
        {"name": "", "typical_days": 20},
        HTTP_HX_REQUEST="true",
    )
    assert "This field is required" in response.content.decode()
    stage.refresh_from_db()
    assert stage.name == "Problem identification"
    assert charlie_client.get(reverse("buying:stage", args=[stage.pk])).status_code == 404


def test_reorder_with_htmx_returns_the_stage_list(
    team_a: Any, alice: Any, bob_client: Any, charlie_client: Any
) -> None:
    process = process_for(team_a, alice)
    stage = stages_of(process)[2]
    url = reverse("buying:stage_move", args=[stage.pk])
    html = bob_client.post(url, {"direction": "up"}, HTTP_HX_REQUEST="true").content.decode()
    assert html.index("Solution exploration") < html.index("Problem identification")
    assert "<html" not in html
    assert charlie_client.post(url, {"direction": "up"}).status_code == 404


def test_remove_and_add_stage(
    team_a: Any, alice: Any, bob_client: Any, charlie_client: Any
) -> None:
    process = process_for(team_a, alice)
    journey = journey_at(team_a, alice, process=process, index=5, since=SINCE)
    remove = reverse("buying:stage_remove", args=[stages_of(process)[5].pk])
    assert charlie_client.post(remove).status_code == 404
    add = reverse("buying:stage_add", args=[process.pk])
    assert charlie_client.post(add, {"name": "X"}).status_code == 404
    assert len(stages_of(process)) == 9
    html = bob_client.post(
        reverse("buying:stage_remove", args=[stages_of(process)[5].pk]), HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "its journeys moved to “Supplier selection”" in html
    journey.refresh_from_db()
    assert journey.stage.name == "Supplier selection"
    bob_client.post(reverse("buying:stage_add", args=[process.pk]), {"name": "Fornyelse"})
    assert stages_of(process)[-1].name == "Fornyelse"


def test_victor_reads_the_workshop_but_cannot_edit(
    team_a: Any, alice: Any, victor_client: Any, charlie_client: Any
) -> None:
    process = process_for(team_a, alice)
    assert charlie_client.get(reverse("buying:process", args=[process.pk])).status_code == 404
    assert process.name not in charlie_client.get(reverse("buying:processes")).content.decode()
    html = victor_client.get(reverse("buying:process", args=[process.pk])).content.decode()
    assert "Status quo" in html
    assert "Add stage" not in html
    assert "stage_move" not in html and "/move/" not in html
    stage = stages_of(process)[0]
    response = victor_client.post(reverse("buying:stage_edit", args=[stage.pk]), {"name": "X"})
    assert response.status_code == 403


def test_create_process_for_a_category(
    team_a: Any, alice: Any, alice_client: Any, charlie: Any, charlie_client: Any
) -> None:
    category = CategoryFactory(team=team_a, name="Offentlig")
    response = alice_client.post(reverse("buying:process_create"), {"category": category.pk})
    process = category.buying_processes.get()
    assert response["Location"] == reverse("buying:process", args=[process.pk])
    again = alice_client.post(
        reverse("buying:process_create"), {"category": category.pk}, follow=True
    )
    assert "Select a valid choice" in again.content.decode()
    charlie_client.post(reverse("buying:process_create"), {"category": category.pk})
    assert category.buying_processes.count() == 1


def test_create_journey_from_the_account_page(
    team_a: Any, alice: Any, bob_client: Any, charlie_client: Any
) -> None:
    process = process_for(team_a, alice)
    account = AccountFactory(team=team_a, category=process.category, name="Fjord Energi AS")
    page = bob_client.get(reverse("buying:journey_create"), {"account": account.pk})
    assert "Where the customer is now" in page.content.decode()
    response = bob_client.post(
        reverse("buying:journey_create"),
        {
            "account": account.pk,
            "title": "Nytt styresystem",
            "stage": stages_of(process)[2].pk,
            "currency": "NOK",
            "note": "De spurte hvordan andre har løst det.",
        },
    )
    journey = Journey.objects.get()
    assert response["Location"] == reverse("buying:journey", args=[journey.pk])
    assert journey.stage.name == "Solution exploration"
    account_page = bob_client.get(reverse("accounts:detail", args=[account.pk])).content.decode()
    assert "Nytt styresystem" in account_page
    charlie_client.post(
        reverse("buying:journey_create"), {"account": account.pk, "title": "X", "currency": "NOK"}
    )
    assert Journey.objects.count() == 1


def test_change_stage_form_shows_errors_and_changes_nothing(
    team_a: Any, alice: Any, bob_client: Any, charlie_client: Any
) -> None:
    process = process_for(team_a, alice)
    journey = journey_at(team_a, alice, process=process, index=1, since=SINCE)
    url = reverse("buying:journey_stage", args=[journey.pk])
    stage = stages_of(process)[2]
    response = bob_client.post(url, {"stage": stage.pk}, follow=True)
    assert "Give the evidence" in response.content.decode()
    assert StageChange.objects.filter(journey=journey).count() == 1
    assert charlie_client.post(url, {"stage": stage.pk, "note": "x"}).status_code == 404
    bob_client.post(url, {"stage": stage.pk, "note": "De har sett på tre løsninger."})
    journey.refresh_from_db()
    assert journey.stage == stage


def test_group_motives_and_forecast_on_the_journey_page(
    team_a: Any, alice: Any, bob_client: Any, charlie_client: Any
) -> None:
    process = process_for(team_a, alice)
    journey = journey_at(team_a, alice, process=process, index=1, since=SINCE)
    person = PersonFactory(team=team_a, name="Kari Berg")
    journey.account.roles.create(person=person, title="CEO", buying_role="decision_maker")
    bob_client.post(
        reverse("buying:member_set", args=[journey.pk]),
        {"person": person.pk, "role": "decision_maker", "stance": "for"},
    )
    bob_client.post(
        reverse("buying:motive_add", args=[journey.pk]),
        {"text": "Vi tåler ikke en stans til.", "theme": "uptime", "pulls": "change"},
    )
    bob_client.post(
        reverse("buying:journey_edit", args=[journey.pk]),
        {"title": journey.title, "currency": "NOK", "forecast_probability": 30},
    )
    html = bob_client.get(reverse("buying:journey", args=[journey.pk])).content.decode()
    assert "Kari Berg" in html and "Vi tåler ikke en stans til." in html
    journey.refresh_from_db()
    assert journey.forecast_probability == 30
    member, motive = journey.members.get(), journey.motives.get()
    for name, args in (
        ("buying:member_remove", [journey.pk, member.pk]),
        ("buying:motive_remove", [journey.pk, motive.pk]),
        ("buying:journey_outcome", [journey.pk]),
    ):
        assert (
            charlie_client.post(reverse(name, args=args), {"outcome": "bought"}).status_code == 404
        )
    bob_client.post(reverse("buying:member_remove", args=[journey.pk, member.pk]))
    bob_client.post(reverse("buying:motive_remove", args=[journey.pk, motive.pk]))
    assert (journey.members.count(), journey.motives.count()) == (0, 0)


def test_suggestion_accept_and_dismiss_views(
    team_a: Any, alice: Any, bob_client: Any, charlie_client: Any
) -> None:
    process = process_for(team_a, alice)
    journey = journey_at(
        team_a, alice, process=process, index=1, since=timezone.localdate() - dt.timedelta(3)
    )
    pilot = ConversationFactory(team=team_a, account=journey.account, notes="De vil ha en pilot.")
    tender = ConversationFactory(team=team_a, account=journey.account, notes="Anbud er ute.")
    html = bob_client.get(reverse("buying:journey", args=[journey.pk])).content.decode()
    assert "Suggested stage changes" in html
    dismiss = reverse("buying:suggestion_dismiss", args=[journey.pk, pilot.pk])
    assert charlie_client.post(dismiss).status_code == 404
    assert bob_client.post(dismiss, HTTP_HX_REQUEST="true").content == b""
    accept = reverse("buying:suggestion_accept", args=[journey.pk, tender.pk])
    assert charlie_client.post(accept).status_code == 404
    bob_client.post(accept)
    journey.refresh_from_db()
    assert journey.stage.name == "Supplier selection"
    again = bob_client.post(accept, follow=True).content.decode()
    assert "no stage suggestion for this conversation" in again


def test_delete_journey(team_a: Any, alice: Any, bob_client: Any, charlie_client: Any) -> None:
    process = process_for(team_a, alice)
    journey = journey_at(team_a, alice, process=process, index=1, since=SINCE)
    url = reverse("buying:journey_delete", args=[journey.pk])
    assert charlie_client.post(url).status_code == 404
    bob_client.post(url)
    assert not Journey.objects.exists()
    assert AuditEvent.objects.filter(object_type="buying.journey", action="delete").exists()


def test_api_journey_and_process(
    team_a: Any, alice: Any, alice_client: Any, victor_client: Any, charlie_client: Any
) -> None:
    process = process_for(team_a, alice)
    journey = journey_at(
        team_a, alice, process=process, index=1, since=SINCE, forecast_probability=80
    )
    body = alice_client.get(f"/api/buying/journeys/{journey.pk}").json()
    assert (body["stage"], body["stage_index"], body["stages_total"]) == (
        "Problem identification",
        1,
        9,
    )
    assert body["reality_gap"] is True
    assert alice_client.get("/api/buying/journeys").json()["items"][0]["id"] == journey.pk
    assert len(alice_client.get(f"/api/buying/processes/{process.pk}").json()["stages"]) == 9
    assert charlie_client.get(f"/api/buying/journeys/{journey.pk}").status_code == 404
    assert charlie_client.get(f"/api/buying/processes/{process.pk}").status_code == 404
    assert charlie_client.get("/api/buying/journeys").json() == {
        "items": [],
        "count": 0,
        "next_after": None,
    }
    url = f"/api/buying/journeys/{journey.pk}/stage"
    payload = {"stage_id": stages_of(process)[2].pk, "note": "Ser på alternativer."}
    assert charlie_client.post(url, payload, content_type="application/json").status_code == 404
    assert victor_client.post(url, payload, content_type="application/json").status_code == 403
    bad = alice_client.post(url, {"stage_id": payload["stage_id"]}, content_type="application/json")
    assert bad.status_code == 400 and "note" in bad.json()["detail"]
    ok = alice_client.post(url, json.dumps(payload), content_type="application/json")
    assert ok.status_code == 200 and ok.json()["stage"] == "Solution exploration"

"""The screens' reads added to the API this round: search, notifications, key accounts,
listening summaries, team settings, buying insight. Each calls the page's own
selector; charlie (team B) sees nothing of team A and victor (a viewer) cannot write."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from fasit.buying.services import motive_add
from fasit.buying.tests.helpers import journey_at, process_for
from fasit.conversations.tests.test_listening import TEAMS_NB
from fasit.customers.models import AccountRevenue
from fasit.signals.models import Notification, Theme
from fasit.tenancy.models import Team as Team
from fasit.testing import (
    AccountFactory,
    ConversationFactory,
    FollowUpFactory,
    PersonFactory,
    PersonRoleFactory,
)

pytestmark = pytest.mark.django_db


def _send(client: Any, method: str, url: str, payload: Any = None) -> Any:
    if payload is None:
        return getattr(client, method)(url)
    return getattr(client, method)(url, json.dumps(payload), content_type="application/json")


def test_search_finds_the_teams_records_only(
    team_a: Any, team_b: Any, bob_api: Any, charlie_api: Any
) -> None:
    account = AccountFactory(team=team_a, name="Bergström Energi AB")
    meeting = ConversationFactory(team=team_a, account=account, subject="Årsmøte")
    AccountFactory(team=team_b, name="Bergström Kraft AS")

    found = bob_api.get("/api/search?q=BERGSTROM").json()
    assert [(h["kind"], h["id"]) for h in found["items"]] == [
        ("account", account.pk),
        ("conversation", meeting.pk),
    ]
    assert found["items"][0]["title"] == "Bergström Energi AB"
    only = bob_api.get("/api/search?q=bergstrom&kind=conversation").json()
    assert [h["id"] for h in only["items"]] == [meeting.pk]
    assert bob_api.get("/api/search?q=bergstrom&limit=1").json()["items"][0]["id"] == account.pk
    theirs = charlie_api.get("/api/search?q=bergstrom").json()["items"]
    assert [h["title"] for h in theirs] == ["Bergström Kraft AS"]
    assert bob_api.get("/api/search?q=%20").json()["items"] == []
    assert bob_api.get("/api/search").status_code == 422


def test_notifications_are_listed_and_marked_read_per_user(
    team_a: Any,
    team_b: Any,
    alice: Any,
    bob_api: Any,
    alice_api: Any,
    victor_api: Any,
    charlie_api: Any,
) -> None:
    theme = Theme.objects.create(team=team_a, label="Leveringstid", level="alarm")
    older = Notification.objects.create(team=team_a, theme=theme, level="alarm", text="Alarm")
    newer = Notification.objects.create(team=team_a, level="confirmed", text="Bekreftet")
    Notification.objects.create(team=team_b, level="alarm", text="Theirs")

    page = bob_api.get("/api/signals/notifications").json()
    assert (page["count"], page["unread"]) == (2, 2)
    assert [n["id"] for n in page["items"]] == [newer.pk, older.pk]
    assert page["items"][1]["theme_id"] == theme.pk
    assert page["items"][0]["text"] == "Bekreftet"
    assert [n["text"] for n in charlie_api.get("/api/signals/notifications").json()["items"]] == [
        "Theirs"
    ]

    # Marking read changes only the caller's own read marks: a viewer may (as on the page).
    assert _send(victor_api, "post", "/api/signals/notifications/read").json() == {"marked": 2}
    assert _send(charlie_api, "post", "/api/signals/notifications/read").json() == {"marked": 1}
    assert _send(bob_api, "post", "/api/signals/notifications/read").json() == {"marked": 2}
    assert _send(bob_api, "post", "/api/signals/notifications/read").json() == {"marked": 0}
    mine = bob_api.get("/api/signals/notifications?unread_only=true").json()
    assert (mine["count"], mine["unread"], mine["items"]) == (0, 0, [])
    # Read by bob, still unread for alice.
    assert alice_api.get("/api/signals/notifications").json()["unread"] == 2
    assert not older.read_by.filter(pk=alice.pk).exists()


def test_a_read_token_marks_only_its_users_notifications_read(
    team_a: Any, alice: Any, victor: Any
) -> None:
    """The one write the door lets a read token and a viewer make: it touches the
    caller's read marks and nothing else (no audit, no other user's marks)."""
    from fasit.core.models import AuditEvent
    from fasit.tenancy.services import api_token_create

    Notification.objects.create(team=team_a, level="alarm", text="Alarm")
    _token, secret = api_token_create(team=team_a, user=victor, actor=victor, name="BI")
    reader = Client(headers={"Authorization": f"Bearer {secret}"})
    before = AuditEvent.objects.count()
    assert _send(reader, "post", "/api/signals/notifications/read").json() == {"marked": 1}
    assert AuditEvent.objects.count() == before
    assert reader.get("/api/signals/notifications").json()["unread"] == 0
    assert Notification.objects.get().read_by.get() == victor
    # Every other write stays closed to the read token.
    assert _send(reader, "post", "/api/categories", {"name": "Olje"}).status_code == 403


def test_key_accounts_show_how_well_the_buying_group_is_known(
    team_a: Any, alice: Any, bob: Any, bob_api: Any, charlie_api: Any
) -> None:
    key = AccountFactory(team=team_a, name="Fjord Energi AS", tier="key", owner=bob)
    other = AccountFactory(team=team_a, name="Nord Kraft AS", tier="key", owner=alice)
    AccountFactory(team=team_a, name="Liten Kunde AS", tier="customer")
    kari = PersonRoleFactory(
        person__team=team_a, person__name="Kari Berg", account=key, buying_role="decision_maker"
    ).person

    rows = bob_api.get("/api/relationships/key-accounts").json()["items"]
    assert sorted(r["name"] for r in rows) == ["Fjord Energi AS", "Nord Kraft AS"]
    fjord = next(r for r in rows if r["id"] == key.pk)
    assert (fjord["owner"], fjord["people"]) == ("bob", 1)
    role = next(r for r in fjord["roles"] if r["role"] == "decision_maker")
    assert role["people"] == 1
    assert [p["person_id"] for p in role["best_known"]] == [kari.pk]
    assert "decision_maker" not in fjord["missing_roles"]
    mine = bob_api.get("/api/relationships/key-accounts?mine=true").json()["items"]
    assert [r["id"] for r in mine] == [key.pk]
    assert other.pk not in [r["id"] for r in mine]
    assert charlie_api.get("/api/relationships/key-accounts").json()["items"] == []


def test_listening_summaries_for_the_team_and_a_seller(
    team_a: Any,
    alice: Any,
    bob: Any,
    bob_api: Any,
    charlie_api: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    bob.last_name = "Dahl"
    bob.save()
    account = AccountFactory(team=team_a, name="Fjord Energi AS")
    kari = PersonRoleFactory(person__team=team_a, person__name="Kari Berg", account=account).person
    conversation = ConversationFactory(
        team=team_a, account=account, kind="video", occurred_at=timezone.now()
    )
    conversation.people.add(kari)
    conversation.users.add(bob)
    with django_capture_on_commit_callbacks(execute=True):
        upload = SimpleUploadedFile("m.vtt", TEAMS_NB.encode())
        url = f"/api/conversations/{conversation.pk}/transcript"
        assert bob_api.post(url, {"file": upload}).status_code == 202

    team = bob_api.get("/api/listening").json()
    assert team["user_id"] is None
    assert [(s["user_id"], s["conversations"]) for s in team["sellers"]] == [(bob.pk, 1)]
    assert [m["conversations"] for m in team["months"]] == [1]
    assert 0 < team["months"][0]["talk_share"] < 1
    assert [a["conversation_id"] for a in team["latest"]] == [conversation.pk]
    assert team["latest"][0]["sellers"] == ["bob"]

    seller = bob_api.get(f"/api/listening/sellers/{bob.pk}").json()
    assert seller["user_id"] == bob.pk
    assert [a["conversation_id"] for a in seller["latest"]] == [conversation.pk]
    quiet = bob_api.get(f"/api/listening/sellers/{alice.pk}").json()
    assert (quiet["months"], quiet["latest"]) == ([], [])

    assert charlie_api.get(f"/api/listening/sellers/{bob.pk}").status_code == 404
    theirs = charlie_api.get("/api/listening").json()
    assert (theirs["sellers"], theirs["months"], theirs["latest"]) == ([], [], [])


def test_team_settings_are_read_by_all_and_changed_by_owners(
    team_a: Any, alice_api: Any, bob_api: Any, victor_api: Any, charlie_api: Any
) -> None:
    settings = bob_api.get("/api/team/settings").json()
    assert (settings["name"], settings["slug"]) == ("Team A", "team-a")
    assert settings["rates_are_default"] is True
    assert settings["rates"]["EUR"] == "1"
    assert charlie_api.get("/api/team/settings").json()["name"] == "Team B"

    rename = {"name": " Fjordteamet ", "language": "nb"}
    assert _send(victor_api, "patch", "/api/team/settings", rename).status_code == 403
    assert _send(bob_api, "patch", "/api/team/settings", rename).status_code == 403
    answer = _send(alice_api, "patch", "/api/team/settings", rename)
    assert answer.status_code == 200, answer.content
    assert (answer.json()["name"], answer.json()["language"]) == ("Fjordteamet", "nb")
    assert _send(alice_api, "patch", "/api/team/settings", {"name": "  "}).status_code == 400
    only_language = _send(alice_api, "patch", "/api/team/settings", {"language": "sv"}).json()
    assert (only_language["name"], only_language["language"]) == ("Fjordteamet", "sv")
    team_a.refresh_from_db()
    assert (team_a.name, team_a.language) == ("Fjordteamet", "sv")
    assert Team.objects.get(slug="team-b").name == "Team B"

    on = timezone.localdate() - dt.timedelta(days=1)
    rates = {
        "currency": "SEK",
        "on": on.isoformat(),
        "rates": {"NOK": "11.5", "SEK": "11.2", "DKK": "7.46", "USD": "1.1", "GBP": "0.85"},
    }
    assert _send(victor_api, "put", "/api/team/settings/rates", rates).status_code == 403
    assert _send(bob_api, "put", "/api/team/settings/rates", rates).status_code == 403
    answer = _send(alice_api, "put", "/api/team/settings/rates", rates).json()
    assert (answer["currency"], answer["rates_on"], answer["rates_are_default"]) == (
        "SEK",
        on.isoformat(),
        False,
    )
    assert Decimal(answer["rates"]["NOK"]) == Decimal("11.5")
    future = {**rates, "on": (on + dt.timedelta(days=5)).isoformat()}
    refused = _send(alice_api, "put", "/api/team/settings/rates", future)
    assert refused.status_code == 400
    assert "on" in refused.json()["detail"]
    negative = {**rates, "rates": {**rates["rates"], "USD": "-1"}}
    assert _send(alice_api, "put", "/api/team/settings/rates", negative).status_code == 422
    team_a.refresh_from_db()
    assert team_a.currency == "SEK"


def test_buying_insight_and_reality_gap_totals(
    team_a: Any, alice: Any, bob_api: Any, charlie_api: Any
) -> None:
    today = timezone.localdate()
    process = process_for(team_a, alice)
    flagged = journey_at(
        team_a,
        alice,
        process=process,
        index=1,
        since=today - dt.timedelta(days=10),
        title="Nye pumper",
        forecast_probability=80,
        value=Decimal("250000"),
    )
    journey_at(team_a, alice, process=process, index=1, since=today, title="Service")
    motive_add(journey=flagged, actor=alice, text="Ingen stans til.")

    insight = bob_api.get("/api/buying/insight").json()
    assert [(i["process_id"], i["journeys_open"]) for i in insight] == [(process.pk, 2)]
    stage = insight[0]["stages"][1]
    assert (stage["name"], stage["here_now"]) == ("Problem identification", 2)
    assert sum(m["motives"] for m in insight[0]["motives"]) == 1
    assert charlie_api.get("/api/buying/insight").json() == []

    gaps = bob_api.get("/api/buying/gaps").json()
    assert gaps == {
        "count": 1,
        "totals": [{"currency": "NOK", "amount": "250000.00"}],
        "journey_ids": [flagged.pk],
    }
    assert charlie_api.get("/api/buying/gaps").json() == {
        "count": 0,
        "totals": [],
        "journey_ids": [],
    }


def test_loyalty_lists_customers_by_years(team_a: Any, bob_api: Any, charlie_api: Any) -> None:
    today = timezone.localdate()
    old = AccountFactory(
        team=team_a, name="Gammel Kunde AS", customer_since=today - dt.timedelta(days=365 * 12)
    )
    AccountRevenue.objects.create(account=old, year=today.year - 2, amount=100, currency="NOK")
    AccountRevenue.objects.create(account=old, year=today.year - 1, amount=150, currency="NOK")
    AccountFactory(team=team_a, name="Ny Kunde AS", customer_since=today - dt.timedelta(days=30))
    AccountFactory(team=team_a, name="Uten dato AS")

    rows = bob_api.get("/api/relationships/loyalty").json()
    assert [(r["name"], r["segment"]) for r in rows] == [
        ("Gammel Kunde AS", "loyal"),
        ("Ny Kunde AS", "new"),
    ]
    assert (rows[0]["years"], rows[0]["revenue"], rows[0]["growing"]) == (11, "150.00", True)
    assert rows[0]["prompt"]
    assert charlie_api.get("/api/relationships/loyalty").json() == []


def test_home_cards_are_the_callers(
    team_a: Any, bob: Any, alice: Any, bob_api: Any, charlie_api: Any
) -> None:
    key = AccountFactory(team=team_a, name="Fjord Energi AS", tier="key", owner=bob)
    AccountFactory(team=team_a, name="Nord Kraft AS", tier="key", owner=alice)
    meeting = ConversationFactory(team=team_a, account=key, subject="Årsmøte")
    mine = FollowUpFactory(conversation=meeting, owner=bob, task="Send tilbud")
    FollowUpFactory(conversation=meeting, owner=alice, task="Ring Kari")

    home = bob_api.get("/api/home").json()
    assert home["key_accounts_mine"] is True
    assert [a["id"] for a in home["key_accounts"]] == [key.pk]
    assert [(f["id"], f["account_id"]) for f in home["follow_ups"]] == [(mine.pk, key.pk)]
    assert home["follow_ups_more"] == 0
    assert [(c["id"], c["title"]) for c in home["recent"]] == [(meeting.pk, "Årsmøte")]
    theirs = charlie_api.get("/api/home").json()
    assert (theirs["key_accounts"], theirs["follow_ups"], theirs["recent"]) == ([], [], [])


def test_home_reads_only_what_its_recent_conversations_show(
    team_a: Any, bob: Any, bob_api: Any, charlie_api: Any
) -> None:
    """The latest conversations without their participants and users; the same JSON as
    before (a title from the kind and account when there is no subject)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    account = AccountFactory(team=team_a, name="Fjord Energi AS")
    meeting = ConversationFactory(team=team_a, account=account, subject="", notes="Lang notat")
    meeting.people.add(PersonFactory(team=team_a))
    with CaptureQueriesContext(connection) as queries:
        home = bob_api.get("/api/home").json()
    assert home["recent"] == [
        {
            "id": meeting.pk,
            "title": meeting.title,
            "kind": meeting.kind,
            "account_id": account.pk,
            "occurred_at": home["recent"][0]["occurred_at"],
        }
    ]
    assert "Fjord Energi AS" in home["recent"][0]["title"]
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert "conversation_people" not in sql and "conversation_users" not in sql
    assert charlie_api.get("/api/home").json()["recent"] == []

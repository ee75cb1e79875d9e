from __future__ import annotations

import hashlib
from typing import Any

import pytest
from django.urls import reverse
from icalendar import Calendar

from fasit.customers.models import ImportantDate
from fasit.relationships import selectors, services
from fasit.relationships.models import AccountCadence, CadenceNorm, PersonCadence
from fasit.relationships.tests.conftest import TOMORROW

PAGES = ["key_accounts", "being_on", "loyalty", "dates", "reminders"]


@pytest.mark.parametrize("name", PAGES)
def test_pages_render(kari: Any, alice_client: Any, name: str) -> None:
    response = alice_client.get(reverse(f"relationships:{name}"))
    assert response.status_code == 200


def test_pages_show_only_own_team(kari: Any, charlie_client: Any) -> None:
    for name in PAGES:
        html = charlie_client.get(reverse(f"relationships:{name}") + "?scope=team").content.decode()
        assert "Fjord Energi" not in html
        assert "Kari Berg" not in html


def test_dates_page_gives_context(kari: Any, alice_client: Any) -> None:
    html = alice_client.get(reverse("relationships:dates")).content.decode()
    assert "Kari Berg" in html
    assert "Emma" in html and "Cross-country skiing" in html and "Send the offer" in html


def test_bad_dates_filter_is_explained(kari: Any, alice_client: Any) -> None:
    html = alice_client.get(reverse("relationships:dates"), {"days": "999"}).content.decode()
    assert "errorlist" in html


def test_cards_on_person_account_and_home(kari: Any, alice_client: Any) -> None:
    account = kari.roles.get().account
    person_html = alice_client.get(reverse("people:detail", args=[kari.pk])).content.decode()
    assert "How well we know them" in person_html
    assert "how Kari prefers to meet" in person_html
    account_html = alice_client.get(reverse("accounts:detail", args=[account.pk])).content.decode()
    assert "Revenue at risk" in account_html and "No economic buyer on record." in account_html
    home = alice_client.get("/").content.decode()
    assert "Upcoming dates" in home and "Going dark" in home and "Kari Berg" in home


def test_overrides_from_the_pages(kari: Any, bob_client: Any) -> None:
    account = kari.roles.get().account
    bob_client.post(reverse("relationships:account_cadence", args=[account.pk]), {"days": "7"})
    bob_client.post(reverse("relationships:person_cadence", args=[kari.pk]), {"days": "30"})
    assert AccountCadence.objects.get().days == 7
    assert PersonCadence.objects.get().days == 30
    bob_client.post(reverse("relationships:account_cadence", args=[account.pk]), {"days": ""})
    assert not AccountCadence.objects.exists()


def test_bad_override_changes_nothing(kari: Any, bob_client: Any) -> None:
    account = kari.roles.get().account
    response = bob_client.post(
        reverse("relationships:account_cadence", args=[account.pk]), {"days": "0"}, follow=True
    )
    assert not AccountCadence.objects.exists()
    assert "greater than or equal to 1" in response.content.decode()


def test_charlie_cannot_override_team_a(kari: Any, charlie_client: Any) -> None:
    account = kari.roles.get().account
    assert (
        charlie_client.post(
            reverse("relationships:account_cadence", args=[account.pk]), {"days": "7"}
        ).status_code
        == 404
    )
    assert (
        charlie_client.post(
            reverse("relationships:person_cadence", args=[kari.pk]), {"days": "7"}
        ).status_code
        == 404
    )
    assert not AccountCadence.objects.exists() and not PersonCadence.objects.exists()


def test_only_owners_set_team_norms(alice_client: Any, bob_client: Any) -> None:
    data = {"key": "10", "customer": "30", "prospect": "60"}
    assert bob_client.post(reverse("relationships:norms_set"), data).status_code == 403
    alice_client.post(reverse("relationships:norms_set"), data)
    assert dict(CadenceNorm.objects.values_list("tier", "days")) == {
        "key": 10,
        "customer": 30,
        "prospect": 60,
    }


def test_reminder_settings_form(bob_client: Any, bob: Any) -> None:
    bob_client.post(reverse("relationships:reminders"), {"days_before": "5", "digest": "on"})
    assert bob.reminder_settings.get().days_before == 5
    response = bob_client.post(reverse("relationships:reminders"), {"days_before": "-1"})
    assert response.status_code == 200 and bob.reminder_settings.get().days_before == 5


def _feed_url(team: Any, user: Any) -> str:
    feed = services.calendar_feed_regenerate(team=team, user=user, actor=user)
    return reverse("relationships:feed", args=[feed.token])


def test_feed_is_valid_icalendar_with_yearly_rules(
    team_a: Any, alice: Any, kari: Any, client: Any
) -> None:
    ImportantDate.objects.create(person=kari, kind="other", month=2, day=29, label="Leap party")
    url = _feed_url(team_a, alice)
    response = client.get(url)  # no session: the token is the key
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    birthday = next(e for e in events.values() if "Birthday" in str(e["SUMMARY"]))
    assert birthday["RRULE"]["FREQ"] == ["YEARLY"]
    assert birthday.decoded("DTSTART") == TOMORROW.replace(year=1980)
    leap = next(e for e in events.values() if "Leap party" in str(e["SUMMARY"]))
    assert leap["RRULE"]["BYMONTHDAY"] == [-1] and leap["RRULE"]["BYMONTH"] == [2]
    assert leap.decoded("DTSTART").isoformat() == "2000-02-29"
    assert any("Send the offer" in str(e["SUMMARY"]) for e in events.values())
    # Name days are opt-in.
    assert not any(str(e["SUMMARY"]).startswith("Name day") for e in events.values())
    assert "Emma" in str(birthday["DESCRIPTION"])
    # Stable UIDs: a second fetch describes the same events.
    again = Calendar.from_ical(client.get(url).content)
    assert {str(e["UID"]) for e in again.walk("VEVENT")} == set(events)
    assert b"BEGIN:VCALENDAR" in response.content and b"VERSION:2.0" in response.content


def test_revoked_and_unknown_tokens_are_404(
    team_a: Any, alice: Any, client: Any, alice_client: Any
) -> None:
    url = _feed_url(team_a, alice)
    assert client.get(url).status_code == 200
    alice_client.post(reverse("relationships:feed_revoke"))
    assert client.get(url).status_code == 404
    assert alice_client.get(url).status_code == 404
    assert client.get(reverse("relationships:feed", args=["x" * 43])).status_code == 404
    assert client.post(reverse("relationships:feed", args=["x" * 43])).status_code == 404


def test_regenerating_from_the_page_kills_the_old_address(
    team_a: Any, alice: Any, alice_client: Any, client: Any
) -> None:
    old = _feed_url(team_a, alice)
    alice_client.post(reverse("relationships:feed_regenerate"))
    assert client.get(old).status_code == 404
    page = alice_client.get(reverse("relationships:reminders")).content.decode()
    assert "/relationships/feed/" in page and old not in page


def test_a_teams_feed_holds_only_its_own_dates(
    team_a: Any, team_b: Any, charlie: Any, kari: Any, client: Any
) -> None:
    body = client.get(_feed_url(team_b, charlie)).content.decode()
    assert "Kari Berg" not in body and "BEGIN:VCALENDAR" in body


def test_a_viewer_may_subscribe_to_their_own_feed(victor_client: Any, victor: Any) -> None:
    victor_client.post(reverse("relationships:feed_regenerate"))
    assert victor.calendar_feeds.filter(revoked_at__isnull=True).count() == 1


def test_the_feed_token_is_stored_hashed_and_shown_once(
    alice_client: Any, alice: Any, client: Any
) -> None:
    response = alice_client.post(reverse("relationships:feed_regenerate"), follow=True)
    page = response.content.decode()
    feed = alice.calendar_feeds.get(revoked_at__isnull=True)
    start = page.index("/relationships/feed/") + len("/relationships/feed/")
    token = page[start : page.index(".ics", start)]
    assert len(token) >= 40 and token not in feed.token_hash
    assert feed.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert client.get(reverse("relationships:feed", args=[token])).status_code == 200
    # The next visit cannot show it again: only the hash is kept.
    again = alice_client.get(reverse("relationships:reminders")).content.decode()
    assert token not in again and "/relationships/feed/" not in again
    assert client.get(reverse("relationships:feed", args=[feed.token_hash])).status_code == 404


def test_a_removed_members_feed_dies_at_once(
    team_a: Any, alice: Any, bob: Any, alice_client: Any, client: Any
) -> None:
    url = _feed_url(team_a, bob)
    assert client.get(url).status_code == 200
    membership = bob.memberships.get(team=team_a)
    alice_client.post(reverse("member_remove", args=[membership.pk]))
    assert client.get(url).status_code == 404
    assert not bob.calendar_feeds.exists()


def test_a_feed_whose_member_left_by_another_path_is_404(
    team_a: Any, bob: Any, client: Any
) -> None:
    url = _feed_url(team_a, bob)
    # Not through the service (the admin, a script): the feed checks membership itself.
    bob.memberships.filter(team=team_a).delete()
    assert client.get(url).status_code == 404


def test_each_member_chooses_what_goes_into_their_feed(
    team_a: Any, alice: Any, kari: Any, client: Any, alice_client: Any
) -> None:
    url = _feed_url(team_a, alice)
    page = alice_client.get(reverse("relationships:reminders")).content.decode()
    assert 'value="name_day"' in page and "Name days are off until you choose them" in page
    alice_client.post(reverse("relationships:feed_kinds"), {"kinds": ["name_day", "follow_up"]})
    summaries = [
        str(e["SUMMARY"]) for e in Calendar.from_ical(client.get(url).content).walk("VEVENT")
    ]
    assert any(s.startswith("Name day: Kari Berg") for s in summaries)
    assert any("Send the offer" in s for s in summaries)
    assert not any(s.startswith("Birthday") for s in summaries)
    alice_client.post(reverse("relationships:feed_kinds"), {})
    assert Calendar.from_ical(client.get(url).content).walk("VEVENT") == []
    bad = alice_client.post(reverse("relationships:feed_kinds"), {"kinds": ["pets"]}, follow=True)
    assert "Select a valid choice" in bad.content.decode()
    assert selectors.reminder_setting(team_a, alice).feed_kinds == []


def test_a_viewer_chooses_their_own_feed_and_nobody_elses(
    team_a: Any, alice: Any, victor: Any, victor_client: Any, charlie_client: Any
) -> None:
    victor_client.post(reverse("relationships:feed_kinds"), {"kinds": ["birthday"]})
    assert selectors.reminder_setting(team_a, victor).feed_kinds == ["birthday"]
    assert selectors.reminder_setting(team_a, alice).feed_kinds == [
        "birthday",
        "work_anniversary",
        "other",
        "life_event",
        "follow_up",
    ]
    charlie_client.post(reverse("relationships:feed_kinds"), {"kinds": ["name_day"]})
    assert selectors.reminder_setting(team_a, victor).feed_kinds == ["birthday"]

"""Sortable columns: every list sorts by its whitelisted columns (?sort=key or -key),
breaks ties by id, keeps the order across pages and htmx filtering, and marks the
sorted header with aria-sort."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from fasit.conversations.models import FollowUp
from fasit.core.views import sort_list
from fasit.customers.models import Account
from fasit.testing import AccountFactory, ConversationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _main(response: Any) -> str:
    """The page's <main> only: the head carries a random CSRF token, which now and then
    holds a short word such as "Sen" and would win an index() against the table."""
    html = response.content.decode()
    return html[html.index("<main") :]


def _names(html: str, href: str) -> list[str]:
    return re.findall(rf'<a href="{href}\d+/">([^<]+)</a>', html)


@pytest.fixture
def accounts(team_a: Any, alice: Any, bob: Any) -> list[Any]:
    return [
        AccountFactory(team=team_a, name="Bergen Kraft AS", tier="key", owner=bob),
        AccountFactory(team=team_a, name="Aalborg Plast A/S", tier="customer", owner=alice),
        AccountFactory(team=team_a, name="Caverion Oy", tier="prospect", owner=alice),
    ]


def test_accounts_sort_by_a_column_both_ways_with_aria_sort(
    accounts: Any, alice_client: Any
) -> None:
    default = alice_client.get("/accounts/").content.decode()
    assert _names(default, "/accounts/") == ["Aalborg Plast A/S", "Bergen Kraft AS", "Caverion Oy"]
    assert re.search(r'<th aria-sort="ascending"[^>]*><a class="sort" href="\?sort=-name"', default)
    by_tier = alice_client.get("/accounts/", {"sort": "-tier"}).content.decode()
    assert _names(by_tier, "/accounts/") == ["Caverion Oy", "Bergen Kraft AS", "Aalborg Plast A/S"]
    assert 'aria-sort="descending"' in by_tier
    assert by_tier.count("aria-sort=") == 1
    # The filter form keeps the order when it filters (a hidden field for htmx).
    assert '<input type="hidden" name="sort" value="-tier">' in by_tier


def test_an_unknown_sort_key_falls_back_to_the_default(accounts: Any, alice_client: Any) -> None:
    html = alice_client.get("/accounts/", {"sort": "-notes"}).content.decode()
    assert _names(html, "/accounts/") == ["Aalborg Plast A/S", "Bergen Kraft AS", "Caverion Oy"]
    html = alice_client.get("/accounts/", {"sort": "owner__password"}).content.decode()
    assert _names(html, "/accounts/")[0] == "Aalborg Plast A/S"


def test_ties_break_by_id_so_pages_never_repeat_a_row(team_a: Any, alice_client: Any) -> None:
    for i in range(30):
        AccountFactory(team=team_a, name=f"Samme Navn {i:02}", tier="customer")
    seen = []
    for page in (1, 2):
        html = alice_client.get("/accounts/", {"sort": "tier", "page": page}).content.decode()
        seen += _names(html, "/accounts/")
        # The next page's link keeps the order.
        if page == 1:
            assert "?sort=tier&amp;page=2" in html
    assert len(seen) == 30 == len(set(seen))


def test_header_links_keep_the_filters_and_go_back_to_page_one(
    accounts: Any, alice_client: Any
) -> None:
    html = alice_client.get(
        "/accounts/", {"tier": "key", "page": "1"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert 'href="?tier=key&amp;sort=name"' in html or 'href="?tier=key&amp;sort=-name"' in html
    assert "page=1&amp;sort" not in html


def test_empty_values_sort_last_both_ways(team_a: Any, alice: Any) -> None:
    AccountFactory(team=team_a, name="Ingen", owner=None)
    AccountFactory(team=team_a, name="Alice sin", owner=alice)
    request = RequestFactory().get("/", {"sort": "-owner"})
    ordered, sorting = sort_list(
        request, Account.objects.for_team(team_a), {"owner": "owner__first_name"}, "owner"
    )
    assert [a.name for a in ordered][-1] == "Ingen"
    assert (sorting.key, sorting.descending, sorting.param) == ("owner", True, "-owner")


def test_people_conversations_journeys_and_follow_ups_sort(
    team_a: Any, alice: Any, bob: Any, alice_client: Any
) -> None:
    PersonFactory(team=team_a, name="Øyvind", email="a@x.no")
    PersonFactory(team=team_a, name="Anne", email="z@x.no")
    html = alice_client.get("/people/", {"sort": "-email"}).content.decode()
    assert _names(html, "/people/") == ["Anne", "Øyvind"]

    now = timezone.now()
    old = ConversationFactory(team=team_a, occurred_at=now - dt.timedelta(days=9), subject="B")
    new = ConversationFactory(team=team_a, occurred_at=now, subject="A")
    html = alice_client.get("/conversations/").content.decode()
    assert html.index(f"/conversations/{new.pk}/") < html.index(f"/conversations/{old.pk}/")
    html = alice_client.get("/conversations/", {"sort": "subject"}).content.decode()
    assert html.index(f"/conversations/{new.pk}/") < html.index(f"/conversations/{old.pk}/")
    html = alice_client.get("/conversations/", {"sort": "when"}).content.decode()
    assert html.index(f"/conversations/{old.pk}/") < html.index(f"/conversations/{new.pk}/")

    today = timezone.localdate()
    FollowUp.objects.create(conversation=old, task="Ring", due_date=today + dt.timedelta(days=3))
    FollowUp.objects.create(conversation=new, task="Send", due_date=today - dt.timedelta(days=1))
    html = _main(alice_client.get("/conversations/follow-ups/"))
    assert html.index("Send") < html.index("Ring")
    assert "overdue" in html
    html = _main(alice_client.get("/conversations/follow-ups/", {"sort": "task"}))
    assert html.index("Ring") < html.index("Send")

    from fasit.buying.tests.helpers import journey_at, process_for

    process = process_for(team_a, alice)
    journey_at(team_a, alice, process=process, index=0, since=today, title="Tidlig")
    journey_at(
        team_a, alice, process=process, index=2, since=today - dt.timedelta(days=40), title="Sen"
    )
    html = _main(alice_client.get(reverse("buying:home"), {"sort": "-days"}))
    assert html.index("Sen") < html.index("Tidlig")
    html = _main(alice_client.get(reverse("buying:home"), {"sort": "-stage"}))
    assert html.index("Sen") < html.index("Tidlig")
    html = _main(alice_client.get(reverse("buying:home"), {"sort": "stage"}))
    assert html.index("Tidlig") < html.index("Sen")

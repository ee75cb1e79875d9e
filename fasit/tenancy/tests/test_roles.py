"""What each role is told and offered: a viewer learns that they are one (on refused
pages, in the bar, on the home page), is never offered as an owner or a participant,
and sees no links to what they cannot do; the product role shapes buying processes and
themes but keeps no customer records."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from fasit.conversations.services import conversation_log
from fasit.customers.services import account_create
from fasit.testing import AccountFactory


@pytest.fixture
def owner_named(team_a: Any, alice: Any) -> Any:
    alice.first_name, alice.last_name = "Maja", "Lindqvist"
    alice.save()
    team_a.name = "Nordlys Teknikk"
    team_a.save()
    return alice


def test_a_refused_page_names_the_role_the_team_whom_to_ask_and_a_way_back(
    owner_named: Any, victor_client: Any
) -> None:
    response = victor_client.get(
        reverse("accounts:create"), HTTP_REFERER="http://testserver/accounts/"
    )
    assert response.status_code == 403
    text = response.content.decode()
    assert "You are a viewer in Nordlys Teknikk" in text
    assert "Ask Maja Lindqvist (owner)" in text
    assert 'href="http://testserver/accounts/"' in text
    assert f'href="{reverse("home")}"' in text


def test_a_refused_page_never_links_back_to_another_site(
    owner_named: Any, victor_client: Any
) -> None:
    response = victor_client.get(reverse("accounts:create"), HTTP_REFERER="https://evil.test/")
    assert response.status_code == 403
    assert "evil.test" not in response.content.decode()


def test_a_refused_page_is_translated(owner_named: Any, victor_client: Any) -> None:
    response = victor_client.get(reverse("accounts:create"), HTTP_ACCEPT_LANGUAGE="sv")
    assert "Du är läsare i Nordlys Teknikk" in response.content.decode()


def test_charlie_still_gets_404_not_the_role_page(team_a: Any, charlie_client: Any) -> None:
    account = AccountFactory(team=team_a)
    assert charlie_client.get(reverse("accounts:edit", args=[account.pk])).status_code == 404


def test_the_viewer_sees_the_role_in_the_bar_and_on_the_home_page(
    owner_named: Any, victor_client: Any
) -> None:
    text = victor_client.get(reverse("home")).content.decode()
    assert 'class="role-badge"' in text and ">Viewer</a>" in text
    assert "You are a viewer in Nordlys Teknikk" in text
    assert reverse("conversations:log") not in text


def test_a_member_sees_no_role_notice_and_the_log_button(bob_client: Any) -> None:
    text = bob_client.get(reverse("home")).content.decode()
    assert "role-badge" not in text and "role-notice" not in text
    assert reverse("conversations:log") in text


def test_the_viewer_sees_no_link_to_the_proposals_and_is_refused_there(
    victor_client: Any, bob_client: Any
) -> None:
    proposals = reverse("signals:proposals")
    assert proposals not in victor_client.get(reverse("signals:board")).content.decode()
    assert victor_client.get(proposals).status_code == 403
    assert proposals in bob_client.get(reverse("signals:board")).content.decode()
    assert bob_client.get(proposals).status_code == 200


def test_viewers_and_product_are_not_offered_as_owner_or_participant(
    team_a: Any, alice_client: Any, victor: Any, paula: Any, bob: Any
) -> None:
    for url in (reverse("accounts:create"), reverse("conversations:log")):
        text = alice_client.get(url).content.decode()
        assert f'value="{bob.pk}"' in text
        assert f'value="{victor.pk}"' not in text
        assert f'value="{paula.pk}"' not in text


def test_services_refuse_a_viewer_as_owner_or_participant(
    team_a: Any, alice: Any, victor: Any
) -> None:
    with pytest.raises(ValidationError) as owner:
        account_create(team=team_a, actor=alice, name="Fjord AS", owner=victor)
    assert "owner" in owner.value.message_dict
    account = AccountFactory(team=team_a)
    with pytest.raises(ValidationError) as users:
        conversation_log(team=team_a, actor=alice, account=account, users=[alice, victor])
    assert "users" in users.value.message_dict
    assert not account.conversations.exists()


def test_the_product_role_shapes_processes_and_themes_only(paula_client: Any, team_a: Any) -> None:
    processes = paula_client.get(reverse("buying:processes")).content.decode()
    assert reverse("buying:process_create") in processes
    assert paula_client.post(reverse("buying:process_create"), {}).status_code != 403
    assert paula_client.get(reverse("accounts:create")).status_code == 403
    assert paula_client.get(reverse("conversations:log")).status_code == 403
    assert paula_client.get(reverse("buying:journey_create")).status_code == 403
    home = paula_client.get(reverse("home")).content.decode()
    assert "You have the product role in Team A" in home


def test_the_api_refuses_the_product_role_customer_writes(paula_client: Any) -> None:
    response = paula_client.post(
        "/api/accounts", {"name": "Fjord AS"}, content_type="application/json"
    )
    assert response.status_code == 403


def test_owners_can_give_the_product_role(alice_client: Any, bob: Any) -> None:
    membership = bob.memberships.get()
    alice_client.post(reverse("member_role", args=[membership.pk]), {"role": "product"})
    membership.refresh_from_db()
    assert membership.role == "product"
    assert not membership.can_write and membership.can_shape


MAIN_PAGES = [
    "/",
    "/accounts/",
    "/people/",
    "/conversations/",
    "/conversations/listening/",
    "/relationships/key-accounts/",
    "/relationships/being-on/",
    "/relationships/dates/",
    "/relationships/reminders/",
    "/signals/",
    "/signals/notifications/",
    "/buying/",
    "/buying/gaps/",
    "/buying/insight/",
    "/buying/processes/",
    "/settings/",
]


def _targets(html: str) -> set[tuple[str, str]]:
    """The links and form actions inside <main> (the bar is checked elsewhere)."""
    import re

    main = html.split("<main", 1)[1]
    links = {("get", href) for href in re.findall(r'<a [^>]*href="(/[^"#?]*)', main)}
    forms = {
        (method.lower(), action)
        for method, action in re.findall(
            r'<form [^>]*method="(post|get)"[^>]*action="(/[^"?]*)"', main, re.I
        )
    }
    return links | forms


@pytest.mark.parametrize("who", ["victor", "paula"])
def test_no_link_or_form_on_a_main_page_is_refused_to_the_role(
    request: pytest.FixtureRequest, who: str, team_a: Any, alice: Any
) -> None:
    from fasit.buying.services import journey_create
    from fasit.testing import ConversationFactory, PersonFactory, PersonRoleFactory

    account = AccountFactory(team=team_a, owner=alice, tier="key")
    PersonRoleFactory(person=PersonFactory(team=team_a), account=account)
    ConversationFactory(team=team_a, account=account)
    journey = journey_create(team=team_a, actor=alice, account=account, title="Pumper")
    client = request.getfixturevalue(f"{who}_client")
    pages = [
        *MAIN_PAGES,
        f"/accounts/{account.pk}/",
        f"/buying/journeys/{journey.pk}/",
        f"/buying/processes/{journey.process_id}/",
    ]
    targets = set()
    for page in pages:
        targets |= _targets(client.get(page).content.decode())
    assert ("get", f"/accounts/{account.pk}/") in targets  # the pages were read
    refused = sorted(
        (method, url) for method, url in targets if getattr(client, method)(url).status_code == 403
    )
    assert refused == []

"""An operator's admin edits are audited like the app's own (docs/development.md,
"Admin"): the team's data version moves on, so cached pages and API bodies show the
edit at the next request, and deletes go through the apps' delete services."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from django.test import Client
from django.urls import reverse

from fasit.buying.models import Journey
from fasit.buying.services import journey_create
from fasit.conversations.models import Conversation
from fasit.core.cache import team_data_version
from fasit.core.models import AuditEvent
from fasit.customers.models import Account, CustomerCategory, Person, PersonRole
from fasit.testing import (
    AccountFactory,
    CategoryFactory,
    ConversationFactory,
    PersonFactory,
    UserFactory,
)


class _FormValues(HTMLParser):
    """The values a browser would post from the admin's change form, as shown."""

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, Any] = {}
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in {"submit", "button", "file"}:
            if a.get("type") in {"checkbox", "radio"}:
                if "checked" in a:
                    self.data[name] = a.get("value") or "on"
            else:
                self.data[name] = a.get("value") or ""
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select] = a.get("value") or ""
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.data[self._textarea] += (
                data.lstrip("\n") if not self.data[self._textarea] else data
            )


def _operator() -> Client:
    client = Client()
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def _form(client: Client, url: str) -> dict[str, Any]:
    response = client.get(url)
    assert response.status_code == 200
    parser = _FormValues()
    parser.feed(response.content.decode())
    parser.data.pop("csrfmiddlewaretoken", None)
    return parser.data


def test_an_admin_edit_is_audited_and_shows_in_the_cached_list(
    team_a: Any, alice: Any, alice_api: Client, charlie_api: Client
) -> None:
    account = AccountFactory(team=team_a, name="Fjord Energi AS")
    assert "Fjord Energi AS" in alice_api.get("/api/accounts?limit=50").content.decode()
    version = team_data_version(team_a)
    operator = _operator()
    url = reverse("admin:customers_account_change", args=[account.pk])
    data = _form(operator, url)
    data["name"] = "Fjord Kraft AS"
    response = operator.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert team_data_version(team_a) > version
    event = AuditEvent.objects.filter(team=team_a, object_id=str(account.pk)).latest("id")
    assert event.action == "update"
    assert event.changes == {"name": ["Fjord Energi AS", "Fjord Kraft AS"]}
    # The API's kept body for the list is keyed by the data version: the edit shows.
    body = alice_api.get("/api/accounts?limit=50").content.decode()
    assert "Fjord Kraft AS" in body and "Fjord Energi AS" not in body
    assert charlie_api.get(f"/api/accounts/{account.pk}").status_code == 404


def test_an_inline_row_added_in_the_admin_is_audited_on_the_persons_team(team_a: Any) -> None:
    person = PersonFactory(team=team_a, name="Kari Berg")
    account = AccountFactory(team=team_a)
    operator = _operator()
    url = reverse("admin:customers_person_change", args=[person.pk])
    data = _form(operator, url)
    data.update({"roles-TOTAL_FORMS": "1", "roles-0-account": str(account.pk)})
    data["roles-0-title"] = "CFO"
    data["roles-0-person"] = str(person.pk)
    version = team_data_version(team_a)
    response = operator.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    role = PersonRole.objects.get(person=person)
    event = AuditEvent.objects.filter(team=team_a, object_type="customers.personrole").get()
    assert (event.action, event.object_id) == ("create", str(role.pk))
    assert team_data_version(team_a) > version
    # An unchanged save writes no update record.
    assert operator.post(url, _form(operator, url)).status_code == 302
    assert not AuditEvent.objects.filter(team=team_a, action="update").exists()


def test_an_admin_delete_goes_through_the_service(team_a: Any, team_b: Any, alice: Any) -> None:
    account = AccountFactory(team=team_a)
    conversation = ConversationFactory(team=team_a, account=account)
    other = AccountFactory(team=team_b)
    operator = _operator()
    response = operator.post(
        reverse("admin:customers_account_delete", args=[account.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Account.objects.filter(pk=account.pk).exists()
    deleted = set(
        AuditEvent.objects.filter(team=team_a, action="delete").values_list(
            "object_type", "object_id"
        )
    )
    # The account's service writes a delete record for the conversation it takes along.
    assert deleted == {
        ("customers.account", str(account.pk)),
        ("conversations.conversation", str(conversation.pk)),
    }
    assert not Conversation.objects.filter(pk=conversation.pk).exists()
    assert Account.objects.filter(pk=other.pk).exists()
    assert not AuditEvent.objects.filter(team=team_b).exists()


def test_the_delete_action_audits_each_record(team_a: Any, team_b: Any) -> None:
    people = [PersonFactory(team=team_a), PersonFactory(team=team_b)]
    response = _operator().post(
        reverse("admin:customers_person_changelist"),
        {"action": "delete_selected", "post": "yes", "_selected_action": [p.pk for p in people]},
    )
    assert response.status_code == 302
    assert not Person.objects.exists()
    for person in people:
        event = AuditEvent.objects.get(object_type="customers.person", object_id=str(person.pk))
        assert (event.team_id, event.action) == (person.team_id, "delete")


def test_a_category_deleted_in_the_admin_goes_through_its_service(team_a: Any) -> None:
    category = CategoryFactory(team=team_a)
    account = AccountFactory(team=team_a, category=category)
    response = _operator().post(
        reverse("admin:customers_customercategory_delete", args=[category.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not CustomerCategory.objects.filter(pk=category.pk).exists()
    account.refresh_from_db()
    assert account.category is None
    event = AuditEvent.objects.get(team=team_a, action="delete")
    assert (event.object_type, event.object_id) == ("customers.customercategory", str(category.pk))


def test_a_category_whose_process_has_journeys_is_not_deleted(team_a: Any, alice: Any) -> None:
    category = CategoryFactory(team=team_a)
    account = AccountFactory(team=team_a, category=category)
    journey = journey_create(team=team_a, actor=alice, account=account, title="New fleet")
    assert journey.process.category == category
    before = AuditEvent.objects.filter(team=team_a).count()
    response = _operator().post(
        reverse("admin:customers_customercategory_delete", args=[category.pk]), {"post": "yes"}
    )
    # The process is protected: the admin says so and deletes nothing.
    assert response.status_code == 200
    assert "Cannot delete" in response.content.decode()
    assert CustomerCategory.objects.filter(pk=category.pk).exists()
    assert Journey.objects.filter(pk=journey.pk).exists()
    assert AuditEvent.objects.filter(team=team_a).count() == before

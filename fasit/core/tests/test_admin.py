"""The admin is the operator's tool: superusers only (docs/development.md, "Admin")."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from fasit.customers.models import Person, PersonRole
from fasit.testing import (
    AccountFactory,
    ConversationFactory,
    MembershipFactory,
    PersonFactory,
    UserFactory,
)

MODELS = sorted(admin.site._registry, key=lambda m: m._meta.label)


def _admin_urls(records: dict[str, Any]) -> list[str]:
    """Every kind of admin page, for every registered model, with team A's ids where a
    page takes one: change, history and delete pages, add pages pre-filled with each
    foreign key (the raw-id widget shows its label), raw-id popups and autocomplete."""
    urls = [reverse("admin:index"), reverse("admin:jsi18n")]
    for model in admin.site._registry:
        meta = model._meta
        name = f"admin:{meta.app_label}_{meta.model_name}"
        urls.append(reverse("admin:app_list", args=[meta.app_label]))
        urls.append(reverse(f"{name}_changelist"))
        urls.append(reverse(f"{name}_changelist") + "?_popup=1&_to_field=id")
        urls.append(reverse(f"{name}_changelist") + "?q=Fjord")
        add = reverse(f"{name}_add")
        urls.append(add)
        for field in meta.get_fields():
            if field.many_to_one or field.many_to_many:
                target = records.get(field.related_model._meta.label)
                if target is not None:
                    urls.append(f"{add}?{field.name}={target.pk}")
                    urls.append(
                        reverse("admin:autocomplete")
                        + f"?app_label={meta.app_label}&model_name={meta.model_name}"
                        + f"&field_name={field.name}&term=Fjord"
                    )
        record = records.get(meta.label)
        if record is not None:
            for action in ("change", "history", "delete"):
                urls.append(reverse(f"{name}_{action}", args=[record.pk]))
            content_type = ContentType.objects.get_for_model(model)
            urls.append(reverse("admin:view_on_site", args=[content_type.pk, record.pk]))
    return urls


@pytest.fixture
def team_a_records(team_a: Any, alice: Any) -> dict[str, Any]:
    account = AccountFactory(team=team_a, name="Fjord Energi AS")
    person = PersonFactory(team=team_a, name="Fjord Kari Berg")
    conversation = ConversationFactory(team=team_a, account=account, subject="Fjord meeting")
    return {
        "customers.Account": account,
        "customers.Person": person,
        "conversations.Conversation": conversation,
        "tenancy.Team": team_a,
        "auth.User": alice,
    }


@pytest.fixture
def staff_of_team_b(team_b: Any) -> Any:
    """Staff with every model permission: the admin must still refuse them."""
    staff = UserFactory(username="staffer", is_staff=True)
    staff.user_permissions.set(Permission.objects.all())
    MembershipFactory(team=team_b, user=staff)
    return staff


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_superuser_opens_every_changelist(db: Any, model: Any) -> None:
    client = Client()
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    assert client.get(url).status_code == 200


def test_superuser_opens_an_add_page_with_a_raw_id(team_a_records: dict[str, Any]) -> None:
    client = Client()
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    account = team_a_records["customers.Account"]
    response = client.get(
        reverse("admin:conversations_conversation_add") + f"?account={account.pk}"
    )
    assert response.status_code == 200
    assert "Fjord Energi AS" in response.content.decode()


def test_staff_of_another_team_reach_no_admin_page(
    team_a_records: dict[str, Any], staff_of_team_b: Any
) -> None:
    client = Client()
    client.force_login(staff_of_team_b)
    login = reverse("admin:login")
    answers = {url: client.get(url) for url in _admin_urls(team_a_records)}
    statuses = {url: r.status_code for url, r in answers.items()}
    assert statuses == dict.fromkeys(statuses, 302)
    assert all(r["Location"].startswith(login) for r in answers.values())
    assert len(answers) > 5 * len(MODELS)


def test_staff_of_another_team_cannot_save_through_the_admin(
    team_a_records: dict[str, Any], staff_of_team_b: Any, team_b: Any
) -> None:
    client = Client()
    client.force_login(staff_of_team_b)
    account = team_a_records["customers.Account"]
    response = client.post(
        reverse("admin:customers_person_add"),
        {
            "team": team_b.pk,
            "name": "Planted",
            "roles-TOTAL_FORMS": 1,
            "roles-INITIAL_FORMS": 0,
            "roles-0-account": account.pk,
            "roles-0-title": "CEO",
        },
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert not Person.objects.filter(name="Planted").exists()
    assert not PersonRole.objects.filter(account=account).exists()


def test_the_admin_login_page_tells_staff_they_are_not_allowed(staff_of_team_b: Any) -> None:
    client = Client()
    client.force_login(staff_of_team_b)
    response = client.get(reverse("admin:login"))
    assert response.status_code == 200
    assert "not authorized" in response.content.decode()

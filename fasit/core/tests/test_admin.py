from __future__ import annotations

from typing import Any

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from fasit.testing import AccountFactory, MembershipFactory, UserFactory

MODELS = sorted(admin.site._registry, key=lambda m: m._meta.label)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_superuser_opens_every_changelist(db: Any, model: Any) -> None:
    client = Client()
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    assert client.get(url).status_code == 200


def test_staff_sees_only_their_teams_records(team_a: Any, team_b: Any) -> None:
    staff = UserFactory(username="staffer", is_staff=True)
    staff.user_permissions.set(Permission.objects.filter(codename="view_account"))
    MembershipFactory(team=team_a, user=staff)
    AccountFactory(team=team_a, name="Fjord Energi AS")
    AccountFactory(team=team_b, name="Other Team AB")
    client = Client()
    client.force_login(staff)
    html = client.get(reverse("admin:customers_account_changelist")).content.decode()
    assert "Fjord Energi AS" in html
    assert "Other Team AB" not in html

"""The forms real exports and invoices use for organisation numbers are accepted in the
account form (and stored in the country's national format)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from fasit.customers.models import Account


@pytest.mark.parametrize(
    ("country", "typed", "stored"),
    [
        ("NO", "NO 923 609 016 MVA", "923 609 016"),
        ("SE", "SE556012579001", "556012-5790"),
        ("SE", "16556012-5790", "556012-5790"),
        ("DK", "DK24256790", "24256790"),
        ("DK", "CVR 24256790", "24256790"),
        ("FI", "FI01120389", "0112038-9"),
    ],
)
def test_account_form_accepts_vat_forms(
    alice_client: Any, team_a: Any, country: str, typed: str, stored: str
) -> None:
    response = alice_client.post(
        reverse("accounts:create"),
        {"name": "Kunde AS", "org_number": typed, "country": country, "tier": "customer"},
    )
    assert response.status_code == 302
    assert Account.objects.for_team(team_a).get().org_number == stored


def test_a_vat_number_of_another_country_is_refused_clearly(alice_client: Any, team_a: Any) -> None:
    response = alice_client.post(
        reverse("accounts:create"),
        {"name": "Kunde AS", "org_number": "SE556012579001", "country": "NO", "tier": "customer"},
    )
    assert response.status_code == 200
    assert "is an organisation number of Sweden, but the country is Norway" in response.content.decode()
    assert not Account.objects.exists()

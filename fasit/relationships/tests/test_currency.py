"""Revenue at risk is ranked and summed in the team's currency, at rates the owner
sets (a dated default table until then); each amount is shown in its own currency too."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.urls import reverse

from fasit.customers.models import AccountRevenue
from fasit.relationships.tests.conftest import TODAY
from fasit.tenancy.currency import DEFAULT_RATES, convert
from fasit.testing import AccountFactory


def _two_currencies(team: Any) -> None:
    # Same health (no contact at all), so the same share of revenue is at risk.
    sek = AccountFactory(team=team, name="Svensk Kund AB", country="SE", tier="key")
    dkk = AccountFactory(team=team, name="Dansk Kunde A/S", country="DK", tier="key")
    AccountRevenue.objects.create(account=sek, year=TODAY.year, amount=2_000_000, currency="SEK")
    AccountRevenue.objects.create(account=dkk, year=TODAY.year, amount=1_500_000, currency="DKK")


def test_conversion_uses_units_per_euro() -> None:
    rates = dict(DEFAULT_RATES)
    # The ECB's reference rates of 8 May 2026 (eurofxref-daily.xml), per euro.
    assert rates["NOK"] == Decimal("10.8215") and rates["SEK"] == Decimal("10.8420")
    assert rates["DKK"] == Decimal("7.4726") and rates["GBP"] == Decimal("0.86410")
    assert convert(Decimal(1_068_000), "DKK", "SEK", rates) == Decimal(1_549_562)
    assert convert(Decimal(1_068_000), "DKK", "SEK", rates) > Decimal(1_462_000)
    assert convert(Decimal(100), "NOK", "NOK", rates) == Decimal(100)
    assert convert(Decimal(100), "XYZ", "NOK", rates) is None


def test_being_on_ranks_in_the_teams_currency_and_shows_both(
    team_a: Any, alice: Any, alice_client: Any
) -> None:
    _two_currencies(team_a)
    html = alice_client.get(reverse("relationships:being_on")).content.decode()
    # 2,000,000 SEK is more than 1,500,000 DKK as a number, less in NOK.
    assert html.index("Dansk Kunde A/S") < html.index("Svensk Kund AB")
    assert "≈" in html and "NOK" in html and "SEK" in html and "DKK" in html
    assert "Converted at the rates of 8 May 2026" in html


def test_the_owner_sets_currency_and_rates_and_the_order_follows(
    team_a: Any, alice: Any, alice_client: Any
) -> None:
    _two_currencies(team_a)
    settings = alice_client.get(reverse("settings")).content.decode()
    assert "Fasit's default rates" in settings and "1 EUR = … SEK" in settings
    data = {"currency": "SEK", "on": TODAY.isoformat()}
    data |= {f"rate_{c}": str(v) for c, v in DEFAULT_RATES.items() if c != "EUR"}
    data["rate_SEK"] = "5"  # a strong krona: SEK now outweighs DKK
    assert alice_client.post(reverse("team_rates_update"), data).status_code == 302
    team_a.refresh_from_db()
    assert team_a.currency == "SEK" and team_a.exchange_rates["SEK"] == "5"
    html = alice_client.get(reverse("relationships:being_on")).content.decode()
    assert html.index("Svensk Kund AB") < html.index("Dansk Kunde A/S")


def test_bad_rates_change_nothing(team_a: Any, alice_client: Any) -> None:
    data = {"currency": "SEK", "on": TODAY.isoformat()}
    data |= {f"rate_{c}": "0" for c in DEFAULT_RATES if c != "EUR"}
    response = alice_client.post(reverse("team_rates_update"), data, follow=True)
    assert "greater than or equal to" in response.content.decode()
    team_a.refresh_from_db()
    assert team_a.currency == "NOK" and team_a.exchange_rates == {}


def test_only_owners_set_rates_and_only_for_their_team(
    team_a: Any, bob_client: Any, victor_client: Any, charlie_client: Any, charlie: Any
) -> None:
    data = {"currency": "EUR", "on": TODAY.isoformat()}
    data |= {f"rate_{c}": "2" for c in DEFAULT_RATES if c != "EUR"}
    assert bob_client.post(reverse("team_rates_update"), data).status_code == 403
    assert victor_client.post(reverse("team_rates_update"), data).status_code == 403
    charlie_client.post(reverse("team_rates_update"), data)
    team_a.refresh_from_db()
    assert team_a.currency == "NOK" and team_a.exchange_rates == {}
    assert charlie.memberships.get().team.currency == "EUR"

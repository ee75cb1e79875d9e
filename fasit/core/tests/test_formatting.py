"""One format per language for dates, times and numbers, on pages, in notifications
and in language names (fasit/formats, core/formatting.py)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from fasit.conversations.services import conversation_log
from fasit.core.formatting import (
    format_axis_month,
    format_date,
    format_datetime,
    format_day_month,
    format_money,
    format_number,
    format_percent,
)
from fasit.core.languages import language_name
from fasit.customers.models import AccountRevenue, LifeEvent
from fasit.signals.models import Notification
from fasit.signals.services import statement_create
from fasit.tenancy.models import UserProfile
from fasit.testing import AccountFactory, ConversationFactory, ImportantDateFactory, PersonFactory

MOMENT = dt.datetime(2026, 12, 5, 13, 30, tzinfo=dt.UTC)  # 14:30 in Oslo


@pytest.mark.parametrize(
    ("language", "date", "moment", "day", "money", "decimal"),
    [
        ("en", "5 Dec 2026", "5 Dec 2026 14:30", "5 Dec", "7,000,000\xa0NOK", "1,234.6"),
        ("sv", "2026-12-05", "2026-12-05 14:30", "5 dec", "7\xa0000\xa0000\xa0NOK", "1\xa0234,6"),
        ("nb", "05.12.2026", "05.12.2026 14:30", "5. des", "7\xa0000\xa0000\xa0NOK", "1\xa0234,6"),
        ("da", "05.12.2026", "05.12.2026 14:30", "5. dec", "7.000.000\xa0NOK", "1.234,6"),
    ],
)
def test_one_format_per_language(
    settings: Any, language: str, date: str, moment: str, day: str, money: str, decimal: str
) -> None:
    settings.TIME_ZONE = "Europe/Oslo"
    with translation.override(language):
        assert format_date(dt.date(2026, 12, 5)) == date
        assert format_date(MOMENT) == date
        assert format_datetime(MOMENT) == moment
        assert format_day_month(dt.date(2026, 12, 5)) == day
        assert format_money(7_000_000, "NOK") == money
        assert format_number(1234.56, 1) == decimal


@pytest.mark.parametrize(
    ("language", "share"), [("en", "43%"), ("sv", "43\xa0%"), ("nb", "43\xa0%"), ("da", "43\xa0%")]
)
def test_one_percent_style_per_language(language: str, share: str) -> None:
    # English sets the sign straight after the number; the Nordic languages put a
    # (no-break) space before it, as the translated sentences do.
    with translation.override(language):
        assert format_percent(43) == share
        assert format_percent(None) == ""


@pytest.mark.parametrize(
    ("language", "tick"), [("en", "Dec 26"), ("sv", "dec 26"), ("da", "dec 26")]
)
def test_chart_axis_months(language: str, tick: str) -> None:
    with translation.override(language):
        assert format_axis_month(dt.date(2026, 12, 1)) == tick


def test_a_moment_is_dated_in_the_users_time_zone(settings: Any) -> None:
    settings.TIME_ZONE = "Europe/Oslo"
    late = dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC)  # already 1 January in Oslo
    with translation.override("en"):
        assert format_date(late) == "1 Jan 2027"


def test_a_page_uses_one_date_and_one_number_format(
    team_a: Any, alice: Any, alice_client: Any
) -> None:
    account = AccountFactory(team=team_a, name="Fjord Energi AS")
    AccountRevenue.objects.create(account=account, year=2025, amount=7_000_000)
    AccountRevenue.objects.create(account=account, year=2024, amount=5_040_000)
    conversation_log(team=team_a, actor=alice, account=account, occurred_at=MOMENT)
    person = PersonFactory(team=team_a, name="Kari Berg")
    ImportantDateFactory(person=person, kind="birthday", year=1986, month=12, day=20)
    ImportantDateFactory(person=person, kind="name_day", month=2, day=29)
    LifeEvent.objects.create(person=person, date=dt.date(2025, 12, 26), text="Ny jobb")

    page = alice_client.get(reverse("accounts:detail", args=[account.pk])).content.decode()
    assert "7,000,000\xa0NOK" in page and "5,040,000\xa0NOK" in page
    assert "5 Dec 2026" in page
    person_page = alice_client.get(reverse("people:detail", args=[person.pk])).content.decode()
    assert "20 Dec 1986" in person_page and "26 Dec 2025" in person_page
    assert "29 Feb" in person_page
    for html in (page, person_page):
        # None of the other styles: 12/05/2026, Dec. 5, 2026, 20.12.1986, 2025-12-26.
        assert not re.search(
            r"\b\d{1,2}/\d{1,2}/\d{4}\b|[A-Z][a-z]{2}\. \d|\d\d\.\d\d\.\d{4}|\b\d{4}-\d\d-\d\d\b",
            _text(html),
        )


def test_danish_uses_full_stops_for_thousands(team_a: Any, alice: Any, alice_client: Any) -> None:
    UserProfile.objects.create(user=alice, language="da")
    account = AccountFactory(team=team_a)
    AccountRevenue.objects.create(account=account, year=2025, amount=7_000_000)
    alice_client.force_login(alice)  # the language is read at login
    page = alice_client.get(reverse("accounts:detail", args=[account.pk])).content.decode()
    assert "7.000.000\xa0NOK" in page


def test_notifications_are_written_in_the_readers_language(
    team_a: Any, alice: Any, bob: Any, bob_client: Any
) -> None:
    team_a.language = "en"
    team_a.save()
    for text in (
        "Vi trenger kortere leveringstid på reservedeler.",
        "Vi behöver kortare leveranstid på reservdelar.",
        "We need spare parts delivered faster, the lead time is too long.",
    ):
        conversation = ConversationFactory(team=team_a, account=AccountFactory(team=team_a))
        statement_create(team=team_a, actor=alice, conversation=conversation, text=text)
    confirmed = Notification.objects.get(level="confirmed")
    assert confirmed.text.startswith("Confirmed: 3 independent customers")  # the team's
    page = bob_client.get(reverse("signals:notifications"), HTTP_ACCEPT_LANGUAGE="sv")
    assert "Facit: 3 oberoende kunder säger" in page.content.decode()
    page = bob_client.get(reverse("signals:notifications"), HTTP_ACCEPT_LANGUAGE="nb")
    assert "Fasit: 3 uavhengige kunder sier" in page.content.decode()
    page = bob_client.get(reverse("signals:notifications"), HTTP_ACCEPT_LANGUAGE="da")
    assert "Facit: 3 uafhængige kunder siger" in page.content.decode()


@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("en", "Norwegian (bokmål)"),
        ("sv", "norska (bokmål)"),
        ("nb", "norsk (bokmål)"),
        ("da", "norsk (bokmål)"),
    ],
)
def test_language_names_are_fasits_own_and_translated(language: str, name: str) -> None:
    with translation.override(language):
        assert language_name("nb") == name
        assert language_name("xx") == "xx"


def _text(html: str) -> str:
    """What a person reads: the page without its tags, attributes and scripts."""
    body = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html)
    return re.sub(r"<[^>]+>", " ", body)


def test_excel_exports_keep_amounts_as_numbers_and_csv_plain(
    team_a: Any, alice_client: Any
) -> None:
    """Excel shows a number cell in its reader's locale; CSV stays plain for machines."""
    import io

    from python_calamine import CalamineWorkbook

    account = AccountFactory(team=team_a, name="Fjord Energi AS")
    AccountRevenue.objects.create(account=account, year=2025, amount=7_000_000)
    url = reverse("transfer:export_list") + "?what=accounts&format="
    xlsx = b"".join(alice_client.get(url + "xlsx").streaming_content)
    header, row = CalamineWorkbook.from_filelike(io.BytesIO(xlsx)).get_sheet_by_index(0).to_python()
    assert row[header.index("Yearly revenue")] == 7_000_000.0
    csv_text = b"".join(alice_client.get(url + "csv").streaming_content).decode("utf-8-sig")
    assert ",7000000.00," in csv_text

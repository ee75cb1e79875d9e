from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from fasit.core.models import AuditEvent
from fasit.relationships import selectors, services
from fasit.relationships.models import CadenceNorm, CalendarFeed, ReminderSetting
from fasit.testing import AccountFactory, PersonFactory


def test_team_norm_is_set_and_audited(team_a: Any, alice: Any) -> None:
    services.cadence_norm_set(team=team_a, actor=alice, tier="key", days=21)
    services.cadence_norm_set(team=team_a, actor=alice, tier="key", days=10)
    assert selectors.team_norms(team_a) == {"key": 10, "customer": 45, "prospect": 90}
    assert list(
        AuditEvent.objects.filter(object_type="relationships.cadencenorm").values_list(
            "action", flat=True
        )
    ) == ["update", "create"]


@pytest.mark.parametrize(("tier", "days"), [("key", 0), ("key", 731), ("vip", 14), ("key", True)])
def test_bad_norm_changes_nothing(team_a: Any, alice: Any, tier: str, days: Any) -> None:
    with pytest.raises(ValidationError):
        services.cadence_norm_set(team=team_a, actor=alice, tier=tier, days=days)
    assert CadenceNorm.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_account_override_then_back_to_the_tier(team_a: Any, alice: Any) -> None:
    account = AccountFactory(team=team_a, tier="customer")
    services.account_cadence_set(account=account, actor=alice, days=20)
    assert selectors.account_norm(account) == (20, "account")
    services.account_cadence_set(account=account, actor=alice, days=None)
    assert selectors.account_norm(account) == (45, "tier")
    assert AuditEvent.objects.filter(object_type="relationships.accountcadence").count() == 2


def test_person_norm_follows_the_strictest_account(team_a: Any, alice: Any) -> None:
    from fasit.testing import PersonRoleFactory

    person = PersonFactory(team=team_a)
    PersonRoleFactory(person=person, account=AccountFactory(team=team_a, tier="prospect"))
    PersonRoleFactory(person=person, account=AccountFactory(team=team_a, tier="key"))
    assert selectors.person_norm(person) == (14, "tier")
    services.person_cadence_set(person=person, actor=alice, days=60)
    assert selectors.person_norm(person) == (60, "person")


def test_reminder_setting(team_a: Any, bob: Any) -> None:
    assert selectors.reminder_setting(team_a, bob).days_before == 3
    services.reminder_setting_update(team=team_a, user=bob, actor=bob, days_before=7, digest=False)
    setting = ReminderSetting.objects.get()
    assert (setting.days_before, setting.digest) == (7, False)
    with pytest.raises(ValidationError, match="0 to 60"):
        services.reminder_setting_update(
            team=team_a, user=bob, actor=bob, days_before=61, digest=True
        )


def test_reminder_setting_for_someone_outside_the_team_is_refused(
    team_a: Any, alice: Any, charlie: Any
) -> None:
    with pytest.raises(ValidationError):
        services.reminder_setting_update(
            team=team_a, user=charlie, actor=alice, days_before=3, digest=True
        )
    assert ReminderSetting.objects.count() == 0


def test_regenerating_a_feed_revokes_the_old_one(team_a: Any, bob: Any) -> None:
    first = services.calendar_feed_regenerate(team=team_a, user=bob, actor=bob)
    second = services.calendar_feed_regenerate(team=team_a, user=bob, actor=bob)
    first.refresh_from_db()
    assert first.revoked_at is not None
    assert first.token != second.token
    assert first.token_hash == CalendarFeed.hash_token(first.token)
    assert selectors.feed_by_token(first.token) is None
    assert selectors.feed_by_token(second.token) == second
    assert services.calendar_feed_revoke(team=team_a, user=bob, actor=bob) is True
    assert services.calendar_feed_revoke(team=team_a, user=bob, actor=bob) is False
    assert CalendarFeed.objects.filter(revoked_at__isnull=True).count() == 0
    assert len(second.token) >= 40

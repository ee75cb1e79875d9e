"""Changes made in place, without a reload: ticking off a follow-up on the home page,
and a life event that moves the person's knowledge score and its gaps."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone

from fasit.conversations.models import FollowUp
from fasit.testing import FollowUpFactory


def test_a_follow_up_is_ticked_off_on_the_home_page(
    phone: Any, log_in: Any, alice: Any, browser_world: Any
) -> None:
    FollowUpFactory(
        conversation=browser_world["conversations"][0],
        owner=alice,
        task="Ring Kari",
        due_date=timezone.localdate() - dt.timedelta(days=2),
    )
    page = log_in(phone, alice)
    home = page.url
    row = page.locator("li", has_text="Ring Kari")
    assert row.get_by_text("overdue").is_visible()
    page.get_by_role("button", name="Done: Ring Kari").tap()
    page.locator("li s", has_text="Ring Kari").wait_for()
    assert row.get_by_text("overdue").count() == 0
    assert page.url == home and page.js_errors == []
    assert FollowUp.objects.get(task="Ring Kari").done


def test_a_life_event_updates_the_knowledge_card_without_a_reload(
    desktop: Any, log_in: Any, alice: Any, browser_world: Any
) -> None:
    kari = browser_world["people"][0]
    page = log_in(desktop, alice, reverse("people:detail", args=[kari.pk]))
    card = page.locator("#relationship-person")
    assert card.get_by_text("No personal note about Kari in the last year.").is_visible()
    page.evaluate("window.notReloaded = true")
    section = page.locator("#profile-life_event")
    section.locator("summary").click()
    section.locator("input[name=date]").fill(timezone.localdate().isoformat())
    section.locator("[name=text]").fill("Ny jobb som konsernsjef")
    section.get_by_role("button", name="Add").click()
    page.locator("#profile-life_event", has_text="Ny jobb som konsernsjef").wait_for()
    card.get_by_text("No personal note about Kari in the last year.").wait_for(state="detached")
    assert page.evaluate("window.notReloaded") is True and page.js_errors == []

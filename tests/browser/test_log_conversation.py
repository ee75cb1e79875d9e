"""Logging a conversation from the home page, on a phone and on a desktop: the main
action is one tap away with the menu closed, and a saved conversation is a few taps
more. The taps are counted so the figure in docs/ui.md stays true."""

from __future__ import annotations

from typing import Any

import pytest

from fasit.conversations.models import Conversation


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_log_a_conversation_from_the_home_page(
    request: pytest.FixtureRequest, device: str, log_in: Any, alice: Any, browser_world: Any
) -> None:
    page = log_in(request.getfixturevalue(device), alice)
    fjord, kari = browser_world["accounts"][0], browser_world["people"][0]
    taps = 0

    button = page.get_by_role("banner").get_by_role("link", name="+ Log a conversation")
    assert button.is_visible()  # no menu to open first
    button.tap() if device == "phone" else button.click()
    taps += 1
    page.wait_for_url("**/conversations/log/**")

    # The account picker: open it and choose (two taps on a phone's native picker).
    page.select_option("#id_account", str(fjord.pk))
    taps += 2
    person = page.get_by_label(kari.name)
    person.wait_for()  # the account's people arrive by htmx
    person.check()
    taps += 1
    notes = page.locator("#id_notes")
    notes.click()  # one tap to focus; typing is not a tap
    taps += 1
    notes.fill("Wants pay-per-hour; send the offer on Friday.")
    page.get_by_role("button", name="Save").click()
    taps += 1
    page.wait_for_url("**/conversations/*/")

    saved = Conversation.objects.get(notes__startswith="Wants pay-per-hour")
    assert saved.account == fjord
    assert list(saved.people.all()) == [kari]
    assert page.get_by_text(
        "Wants pay-per-hour; send the offer on Friday.", exact=True
    ).is_visible()
    assert taps == 6
    assert page.js_errors == []


def test_the_log_button_is_one_tap_away_on_every_main_page(
    phone: Any, log_in: Any, alice: Any, browser_world: Any
) -> None:
    fjord = browser_world["accounts"][0]
    for path in (
        "/",
        "/accounts/",
        f"/accounts/{fjord.pk}/",
        "/people/",
        "/conversations/",
        "/relationships/being-on/",
        "/signals/",
        "/buying/",
        "/settings/",
    ):
        page = log_in(phone, alice, path)
        button = page.get_by_role("banner").get_by_role("link", name="+ Log a conversation")
        box = button.bounding_box()
        assert button.is_visible() and box is not None, path
        assert box["y"] + box["height"] <= 80, path  # in the bar at the top, menu closed

"""Search everything from any page: Ctrl-K (⌘-K) opens the search, results come as
you type, the arrow keys choose one and Enter opens it; the bar's search link does the
same on a phone; the dialog and the results page are axe-clean."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize("key", ["Control+k", "Meta+k"])
def test_ctrl_k_searches_and_the_keyboard_opens_a_result(
    desktop: Any, log_in: Any, alice: Any, browser_world: Any, axe_violations: Any, key: str
) -> None:
    page = log_in(desktop, alice, "/accounts/")
    page.keyboard.press(key)
    box = page.get_by_role("combobox", name="Search accounts, people, conversations")
    assert box.is_visible()
    assert page.evaluate("document.activeElement.id") == "search-dialog-q"
    # Accents and endings do not matter: "malmo" finds Malmö Vatten AB, "driftstimen"
    # the meeting whose notes and transcript say "driftstime".
    page.keyboard.type("malmo")
    option = page.get_by_role("option").first
    option.wait_for()
    assert "Malmö Vatten AB" in option.inner_text()
    assert box.get_attribute("aria-expanded") == "true"
    assert axe_violations(page) == []
    page.keyboard.press("ArrowDown")
    assert option.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    page.keyboard.press("Enter")
    page.wait_for_url("**/accounts/*/")
    assert page.get_by_role("heading", name="Malmö Vatten AB").is_visible()
    assert page.js_errors == []


def test_the_search_link_on_a_phone_and_enter_for_all_results(
    phone: Any, log_in: Any, alice: Any, browser_world: Any, axe_violations: Any
) -> None:
    page = log_in(phone, alice)
    page.get_by_role("link", name="Search").click()
    box = page.get_by_role("combobox", name="Search accounts, people, conversations")
    box.fill("driftstimen")
    page.get_by_role("option").first.wait_for()
    box.press("Enter")
    page.wait_for_url("**/search/?q=driftstimen")
    results = page.locator("ol.search-results > li")
    assert results.count() >= 2
    assert "Conversation" in results.first.inner_text()
    assert axe_violations(page) == []
    page.keyboard.press("Escape")
    assert page.js_errors == []

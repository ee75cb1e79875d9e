"""Lists on a desktop and a phone: a click on a column header sorts by it (aria-sort
says how), the order survives filtering as you type; ticking rows and the bar above
change several records at once."""

from __future__ import annotations

from typing import Any

import pytest


def _names(page: Any) -> list[str]:
    return page.locator("#rows tbody tr td:nth-child(2) > a").all_inner_texts()


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_header_click_sorts_and_filtering_keeps_the_order(
    request: pytest.FixtureRequest, device: str, log_in: Any, alice: Any, browser_world: Any
) -> None:
    page = log_in(request.getfixturevalue(device), alice, "/accounts/")
    assert _names(page) == sorted(_names(page))
    name = page.locator("#rows thead th", has_text="Name")
    assert name.get_attribute("aria-sort") == "ascending"
    if device == "phone":
        # On a phone the header row is hidden (cards); the order comes from the link.
        page.goto(page.url + "?sort=-name")
    else:
        page.get_by_role("link", name="Name", exact=True).click()
        page.wait_for_url("**sort=-name")
    assert _names(page) == sorted(_names(page), reverse=True)
    assert name.get_attribute("aria-sort") == "descending"
    # Filtering through htmx keeps the order (and the URL says so).
    page.locator("#id_q").fill("a")
    page.wait_for_url("**q=a**")
    assert "sort=-name" in page.url
    assert _names(page) == sorted(_names(page), reverse=True)
    assert page.js_errors == []


def test_tick_all_and_set_the_tier(
    desktop: Any, log_in: Any, alice: Any, browser_world: Any, axe_violations: Any
) -> None:
    page = log_in(desktop, alice, "/accounts/?sort=name")
    assert axe_violations(page) == []
    page.get_by_label("Select all accounts on this page").check()
    ticked = page.locator("[data-bulk-item]:checked").count()
    assert ticked == len(browser_world["accounts"])
    assert page.locator("[data-bulk-count]").inner_text() == f"{ticked} ticked"
    page.get_by_label("New tier").select_option("prospect")
    page.get_by_role("button", name="Set tier").click()
    page.wait_for_url("**/accounts/?sort=name")
    assert page.get_by_text(f"{ticked} accounts changed.").is_visible()
    assert set(page.locator("#rows tbody .badge").all_inner_texts()) == {"Prospect"}
    assert page.js_errors == []

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
        # On a phone the header row is hidden (cards): the headers become a choice.
        choice = page.get_by_label("Sort by")
        assert choice.evaluate("s => s.options[s.selectedIndex].text") == "Name, ascending"
        choice.select_option(label="Name, descending")
        page.wait_for_url("**sort=-name")
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


def _being_on_names(page: Any) -> list[str]:
    return page.locator("table.responsive tbody tr td:nth-child(1) > a").all_inner_texts()


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_being_on_and_key_accounts_sort_by_their_columns(
    request: pytest.FixtureRequest, device: str, log_in: Any, alice: Any, browser_world: Any
) -> None:
    # Being on opens in its ranking: the riskiest revenue first.
    page = log_in(request.getfixturevalue(device), alice, "/relationships/being-on/")
    risk = page.locator("table.responsive thead th", has_text="Revenue at risk")
    assert risk.get_attribute("aria-sort") == "descending"
    if device == "phone":
        choice = page.get_by_label("Sort by")
        choice.select_option(label="Account, descending")
        page.wait_for_url("**sort=-account")
    else:
        page.get_by_role("link", name="Account", exact=True).click()
        page.wait_for_url("**sort=account")
        page.get_by_role("link", name="Account", exact=True).click()
        page.wait_for_url("**sort=-account")
    assert _being_on_names(page) == sorted(_being_on_names(page), reverse=True)
    header = page.locator("table.responsive thead th", has_text="Account")
    assert header.get_attribute("aria-sort") == "descending"
    # Key accounts are cards: the same choices as a row of links above them.
    page.goto(page.url.split("/relationships/")[0] + "/relationships/key-accounts/")
    page.get_by_role("navigation", name="Sort by").get_by_role("link", name="Account").click()
    page.wait_for_url("**sort=account")
    names = page.locator("section.card > h2 > a").all_inner_texts()
    assert names == sorted(names) and len(names) >= 2
    assert page.locator(".sort-links a[aria-current]").inner_text() == "Account, ascending"
    assert page.js_errors == []

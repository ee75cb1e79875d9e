"""What only a browser shows about the layout: the bar on a phone (menu open and
closed), labels in tables on a phone, one row of navigation on a 1366 px screen in
every language, readable chart labels, the favicon."""

from __future__ import annotations

from typing import Any

import pytest

from fasit.tenancy.models import Role
from fasit.testing import MembershipFactory

ONE_ROW = """() => {
  const bar = document.querySelector('header.topbar');
  const tops = [...bar.querySelectorAll('.mainnav a, .log-button, .usermenu > *')]
    .filter(e => e.offsetParent !== null)
    .map(e => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2));
  return {height: bar.getBoundingClientRect().height, spread: Math.max(...tops) - Math.min(...tops)};
}"""


@pytest.fixture
def maja(alice: Any, team_a: Any, team_b: Any) -> Any:
    """The demo's names, long enough to find a bar that wraps."""
    alice.first_name, alice.last_name = "Maja", "Lindqvist"
    alice.save()
    team_a.name = "Nordlys Teknikk AS"
    team_a.save()
    # In two teams, so the bar holds the team switcher rather than a name.
    MembershipFactory(team=team_b, user=alice, role=Role.MEMBER)
    return alice


@pytest.mark.parametrize("language", ["sv", "nb", "da", "en"])
def test_the_bar_is_one_row_at_1366_px(
    desktop: Any, log_in: Any, maja: Any, browser_world: Any, language: str
) -> None:
    page = log_in(desktop, maja, "/", language=language)
    assert page.locator("html").get_attribute("lang") == language
    bar = page.evaluate(ONE_ROW)
    assert bar["spread"] <= 4, bar
    assert bar["height"] <= 64, bar


def test_settings_import_and_log_out_are_under_the_users_name(
    desktop: Any, log_in: Any, alice: Any, victor: Any
) -> None:
    page = log_in(desktop, alice)
    items = page.locator(".account-menu-items")
    assert not items.is_visible()
    page.locator(".account-menu > summary").click()
    assert items.get_by_role("link", name="Settings").is_visible()
    assert items.get_by_role("link", name="Import / export").is_visible()
    items.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/login/**")
    page = log_in(desktop, victor)
    page.locator(".account-menu > summary").click()
    assert page.locator(".account-menu-items").get_by_role("link").all_inner_texts() == ["Settings"]


def test_the_phone_menu_opens_below_the_bar(phone: Any, log_in: Any, alice: Any) -> None:
    page = log_in(phone, alice)
    brand, toggle = page.locator(".brand"), page.locator(".nav-toggle-label")
    closed = (brand.bounding_box(), toggle.bounding_box())
    assert not page.locator(".mainnav").is_visible()
    toggle.tap()
    assert page.get_by_role("navigation", name="Main").is_visible()
    # "Fasit" and ☰ stay where they were, at the top; the list opens underneath.
    assert (brand.bounding_box(), toggle.bounding_box()) == closed
    assert closed[0]["y"] < 40 and closed[1]["y"] < 40
    first_link = page.get_by_role("navigation", name="Main").get_by_role("link").first
    assert first_link.bounding_box()["y"] > closed[1]["y"] + closed[1]["height"] - 1


def test_the_menu_opens_from_the_keyboard(phone: Any, log_in: Any, alice: Any) -> None:
    page = log_in(phone, alice)
    page.locator("#nav-toggle").focus()
    page.keyboard.press("Space")
    assert page.get_by_role("navigation", name="Main").is_visible()


def test_every_table_value_has_its_label_on_a_phone(
    phone: Any, log_in: Any, alice: Any, browser_world: Any
) -> None:
    labels = """() => [...document.querySelectorAll('table.responsive tbody td')]
      .filter(td => td.offsetParent !== null && td.textContent.trim() && td.colSpan === 1)
      .map(td => [getComputedStyle(td, '::before').content, td.textContent.trim()])"""
    meeting = browser_world["conversations"][0]  # its transcript's speakers table
    for path in (
        "/accounts/",
        "/people/",
        "/conversations/",
        "/relationships/being-on/",
        f"/conversations/{meeting.pk}/",
    ):
        page = log_in(phone, alice, path)
        cells = page.evaluate(labels)
        assert cells, path
        unlabelled = [text for before, text in cells if before in ("none", "normal", '""')]
        assert unlabelled == [], path
    assert ['"Time"', "4 s"] in page.evaluate(labels)  # the transcript's speakers, last
    page = log_in(phone, alice, "/accounts/")
    assert ['"People"', "1"] in page.evaluate(labels)


def test_the_key_accounts_role_tables_fit_a_phone_with_their_labels(
    phone: Any, log_in: Any, alice: Any, browser_world: Any
) -> None:
    # Each key account's table of buying roles (also on the account page) ran off the
    # card on a phone, cutting its last columns; it is one card per role now.
    fjord = browser_world["accounts"][0]
    for path in ("/relationships/key-accounts/", f"/accounts/{fjord.pk}/"):
        page = log_in(phone, alice, path)
        table = page.locator("table.compact").first
        assert table.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth"), path
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        cell = table.locator("tbody td").nth(1)
        assert cell.get_attribute("data-label"), path


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_chart_labels_are_readable(
    request: pytest.FixtureRequest, device: str, log_in: Any, alice: Any, browser_world: Any
) -> None:
    smallest = """() => Math.min(...[...document.querySelectorAll('svg text')]
      .map(t => t.getBoundingClientRect().height).filter(h => h > 0))"""
    for path in ("/buying/insight/", "/conversations/listening/"):
        page = log_in(request.getfixturevalue(device), alice, path)
        assert page.locator("svg text").count(), path
        assert page.evaluate(smallest) >= 11, path


def test_every_page_has_a_favicon(desktop: Any, log_in: Any, alice: Any, live_server: Any) -> None:
    page = log_in(desktop, alice)
    href = page.locator("link[rel=icon]").get_attribute("href")
    response = page.request.get(live_server.url + href)
    assert response.ok and "svg" in response.headers["content-type"]


def test_rows_swapped_in_by_a_search_keep_their_labels(
    phone: Any, log_in: Any, alice: Any, browser_world: Any
) -> None:
    page = log_in(phone, alice, "/accounts/")
    page.locator("#id_q").fill("Fjord")
    page.wait_for_function("() => document.querySelectorAll('#rows tbody tr').length === 1")
    # The seventh cell: after the row's tick box (bulk actions) and five columns.
    cell = page.locator("#rows tbody td").nth(6)
    assert cell.get_attribute("data-label") == "People"
    assert page.js_errors == []

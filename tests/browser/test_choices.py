"""Searchable selects: a select with more than 20 names gets a search box that narrows
it (case and accents aside) and picks the match; a short one stays as it is."""

from __future__ import annotations

from typing import Any

from fasit.testing import AccountFactory


def test_a_long_select_is_narrowed_by_typing_and_submits_the_match(
    desktop: Any, log_in: Any, alice: Any, team_a: Any, browser_world: Any, axe_violations: Any
) -> None:
    for i in range(25):
        AccountFactory(team=team_a, name=f"Kunde {i:02} AS")
    page = log_in(desktop, alice, "/buying/journeys/new/")
    account = page.locator("#id_account")
    box = page.get_by_role("searchbox", name="Account: Type to narrow the list")
    assert box.is_visible()
    assert axe_violations(page) == []
    box.fill("MALMO")
    assert account.evaluate("s => s.options[s.selectedIndex].text") == "Malmö Vatten AB"
    visible = account.evaluate("s => [...s.options].filter(o => !o.hidden && o.value).length")
    assert visible == 1
    box.fill("kunde 1")
    shown = account.evaluate(
        "s => [...s.options].filter(o => !o.hidden && o.value).map(o => o.text)"
    )
    assert shown == [f"Kunde {i:02} AS" for i in range(10, 20)]
    assert account.evaluate("s => s.options[s.selectedIndex].text") == "Kunde 10 AS"
    # The select is the form's field: what is chosen is what is posted.
    page.locator("#id_title").fill("Nye pumper")
    page.get_by_role("button", name="Start the journey").click()
    page.wait_for_url("**/buying/journeys/*/")
    assert page.get_by_text("Kunde 10 AS").first.is_visible()
    assert page.js_errors == []


def test_a_short_select_is_left_alone(
    desktop: Any, log_in: Any, alice: Any, browser_world: Any
) -> None:
    page = log_in(desktop, alice, "/accounts/new/")
    assert page.locator("#id_owner").is_visible()
    assert page.locator("input.choice-filter").count() == 0

"""Under the Content-Security-Policy every main page runs with no violation (no inline
script, no eval, no injected style), and the behaviours moved out of inline handlers
still work: htmx search, the team switcher."""

from __future__ import annotations

from typing import Any

from fasit.tenancy.models import Role
from fasit.testing import MembershipFactory
from tests.browser.test_accessibility import main_pages


def watch_csp(page: Any) -> list[str]:
    violations: list[str] = []
    page.on(
        "console",
        lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    return violations


def test_no_main_page_breaks_the_policy(
    desktop: Any, log_in: Any, alice: Any, browser_world: Any
) -> None:
    violations = watch_csp(desktop)
    for path in ["/login/", *main_pages(browser_world)]:
        log_in(desktop, alice, path)
        desktop.wait_for_load_state("load")
    assert violations == []
    assert desktop.js_errors == []


def test_htmx_search_and_team_switch_work_under_the_policy(
    desktop: Any, log_in: Any, alice: Any, team_b: Any, browser_world: Any
) -> None:
    MembershipFactory(team=team_b, user=alice, role=Role.MEMBER)
    violations = watch_csp(desktop)
    page = log_in(desktop, alice, "/accounts/")
    page.locator("#id_q").fill("Fjord")
    page.wait_for_function("() => document.querySelectorAll('#rows tbody tr').length === 1")
    page.locator("select[name=team]").select_option(label="Team B")
    page.wait_for_function(
        "() => document.querySelector('select[name=team]').selectedOptions[0].text === 'Team B'"
    )
    assert violations == []
    assert page.js_errors == []

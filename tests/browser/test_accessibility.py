"""axe-core on the main pages, desktop and phone: no violations (WCAG 2 A/AA and
axe's best practices). A new page belongs in MAIN_PAGES."""

from __future__ import annotations

from typing import Any

import pytest


def report(found: dict[str, list[dict[str, Any]]]) -> str:
    return "\n".join(
        f"{path}: {v['id']} ({v['impact']}, {v['count']}×) {v['help']} — e.g. {v['nodes'][:3]}"
        for path, violations in found.items()
        for v in violations
    )


def main_pages(world: dict[str, Any]) -> list[str]:
    fjord = world["accounts"][0]
    kari = world["people"][0]
    conversation = world["conversations"][0]
    journey = world["journey"]
    theme = conversation.statements.first().theme_id
    return [
        "/",
        "/accounts/",
        f"/accounts/{fjord.pk}/",
        "/people/",
        f"/people/{kari.pk}/",
        "/conversations/",
        f"/conversations/{conversation.pk}/",
        "/conversations/log/",
        "/conversations/listening/",
        "/relationships/key-accounts/",
        "/relationships/being-on/",
        "/relationships/dates/",
        "/relationships/reminders/",
        "/signals/",
        f"/signals/themes/{theme}/",
        "/signals/notifications/",
        "/buying/",
        "/buying/gaps/",
        "/buying/insight/",
        "/buying/processes/",
        f"/buying/processes/{journey.process_id}/",
        f"/buying/journeys/{journey.pk}/",
        "/settings/",
        "/capture/",
        f"/capture/accounts/{fjord.pk}/mail/",
        "/settings/two-step/",
        "/transfer/imports/",
        "/transfer/exports/",
        "/transfer/duplicates/",
        "/conversations/follow-ups/",
        "/search/?q=kraft",
    ]


def test_the_main_pages_are_axe_clean_on_a_desktop(
    desktop: Any, log_in: Any, alice: Any, browser_world: Any, axe_violations: Any
) -> None:
    found = {}
    for path in main_pages(browser_world):
        page = log_in(desktop, alice, path)
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    assert found == {}, report(found)


@pytest.mark.parametrize("menu", ["closed", "open"])
def test_the_main_pages_are_axe_clean_on_a_phone(
    phone: Any, log_in: Any, alice: Any, browser_world: Any, axe_violations: Any, menu: str
) -> None:
    found = {}
    for path in ("/", "/accounts/", "/conversations/log/", "/signals/"):
        page = log_in(phone, alice, path)
        if menu == "open":
            page.locator(".nav-toggle-label").tap()
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    assert found == {}, report(found)


def test_the_viewer_pages_and_the_refusal_are_axe_clean(
    desktop: Any, log_in: Any, victor: Any, browser_world: Any, axe_violations: Any
) -> None:
    found = {}
    for path in ("/", "/accounts/new/", "/signals/"):
        page = log_in(desktop, victor, path)
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    assert found == {}, report(found)


def test_the_login_page_is_axe_clean(desktop: Any, live_server: Any, axe_violations: Any) -> None:
    desktop.goto(live_server.url + "/login/")
    violations = axe_violations(desktop)
    assert violations == [], report({"/login/": violations})

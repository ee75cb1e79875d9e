"""The home page's cards, on a phone and a desktop: every link opens a page, and the
link under a card opens a page that shows what the card listed."""

from __future__ import annotations

from typing import Any

import pytest

CARDS = """() => [...document.querySelectorAll('main section.card')].map(card => ({
  title: card.querySelector('h2').firstChild.textContent.trim(),  // not the scope note after it
  items: [...card.querySelectorAll('li > a')].map(a => a.textContent.trim()),
  links: [...card.querySelectorAll('a')].map(a => a.getAttribute('href')),
  more: [...card.children].filter(e => e.tagName === 'A').map(a => a.getAttribute('href')).pop() || null,
}))"""


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_every_home_card_link_opens_what_the_card_showed(
    request: pytest.FixtureRequest, device: str, log_in: Any, alice: Any, browser_world: Any
) -> None:
    page = log_in(request.getfixturevalue(device), alice)
    cards = page.evaluate(CARDS)
    titles = {c["title"] for c in cards}
    assert titles >= {"Upcoming dates", "Going dark"}
    # "My key accounts" for someone who owns accounts, the team's otherwise.
    assert titles & {"Key accounts", "My key accounts"}
    home = page.url
    for card in cards:
        for href in card["links"]:
            response = page.goto(home.rstrip("/") + href if href.startswith("/") else href)
            assert response.ok, (card["title"], href)
        if card["more"] and card["items"]:
            page.goto(home.rstrip("/") + card["more"])
            shown = page.inner_text("main")
            missing = [name for name in card["items"] if name.split(" · ")[0] not in shown]
            assert missing == [], (card["title"], card["more"])


def test_the_viewer_home_says_what_the_role_allows(
    phone: Any, log_in: Any, victor: Any, alice: Any, browser_world: Any
) -> None:
    page = log_in(phone, victor)
    assert page.get_by_text("You are a viewer in Team A").is_visible()
    assert page.get_by_role("link", name="+ Log a conversation").count() == 0
    page.goto(page.url.rstrip("/") + "/conversations/log/")
    assert page.get_by_role("heading", name="Not allowed").is_visible()
    assert page.get_by_text("Ask Alice (owner)").is_visible()

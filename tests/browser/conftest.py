"""Browser fixtures: Debian's Chromium driven by Playwright for Python, against the app
served on loopback by pytest-django's ``live_server``.

Reuse them in any browser test (mark it ``@pytest.mark.browser``)::

    def test_something(live_server, desktop, log_in, alice):
        page = log_in(desktop, alice)          # a logged-in page, at the home page
        page.goto(live_server.url + "/accounts/")

``desktop`` and ``phone`` are fresh pages (1366×768, and a 390×844 touch screen); ``page``
is the desktop one. ``log_in(page, user, path="/")`` gives the page the user's session
(no form round trip) and opens ``path``. ``axe_violations(page)`` runs axe-core on the
page and returns its violations.

No browser is downloaded: Chromium is Debian's (``.ci/run`` installs it). Where it is
missing locally the browser tests are skipped with that reason; in CI (``CI=true``)
they fail instead, so a run can never pass without them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

# pytest-django's live_server: loopback IPv4 on a free port (other sessions run tests
# on this machine at the same time).
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

CHROMIUM = os.environ.get("FASIT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# Quiet, offline and reproducible: no GPU, no sandbox (CI runs as root), and nothing
# that would phone home (updates, sync, safe browsing lists).
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"viewport": {"width": 1366, "height": 768}}
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
TIMEOUT_MS = 10_000


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":  # .ci/run installs it: never skip there
            pytest.fail(f"Chromium not found at {CHROMIUM} in CI")
        pytest.skip(
            f"Chromium not found at {CHROMIUM}: install Debian's chromium package "
            "(.ci/run does) to run the browser tests"
        )
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    # Playwright's sync API keeps an event loop in this thread; Django refuses ORM calls
    # from a thread with a running loop unless told that this is deliberate.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    manager = sync_api.sync_playwright().start()
    browser = manager.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
    try:
        yield browser
    finally:
        browser.close()
        manager.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _page(chromium: Any, options: dict[str, Any]) -> Iterator[Any]:
    context = chromium.new_context(locale="en-GB", **options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.js_errors = errors  # read by tests that want no script errors
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def desktop(chromium: Any, live_server: Any) -> Iterator[Any]:
    yield from _page(chromium, DESKTOP)


@pytest.fixture
def phone(chromium: Any, live_server: Any) -> Iterator[Any]:
    yield from _page(chromium, PHONE)


@pytest.fixture
def page(desktop: Any) -> Any:
    return desktop


@pytest.fixture
def log_in(live_server: Any) -> Callable[..., Any]:
    """``log_in(page, user, path="/", language=None)``: the user's session in the page's
    browser context, then ``path`` opened. ``language`` sets the user's language."""

    def log_in(page: Any, user: Any, path: str = "/", language: str | None = None) -> Any:
        if language:
            from fasit.tenancy.models import UserProfile

            UserProfile.objects.update_or_create(user=user, defaults={"language": language})
            user = type(user).objects.get(pk=user.pk)  # the profile is read at login
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
        )
        page.goto(live_server.url + path)
        return page

    return log_in


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core, as shipped inside the axe-playwright-python wheel (no download)."""
    module = pytest.importorskip("axe_playwright_python", reason="axe-playwright-python missing")
    return (Path(module.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


@pytest.fixture
def axe_violations(axe_source: str) -> Callable[..., list[dict[str, Any]]]:
    """``axe_violations(page)``: axe-core's violations on the page as it is now (WCAG 2.x
    A and AA and best practices), each with its id, impact and offending elements."""

    def run(page: Any, disable: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        page.evaluate(axe_source)
        options = {
            "resultTypes": ["violations"],
            "rules": {rule: {"enabled": False} for rule in disable},
        }
        result = page.evaluate("options => axe.run(document, options)", options)
        return [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"]][:5],
                "count": len(v["nodes"]),
            }
            for v in result["violations"]
        ]

    return run


@pytest.fixture
def browser_world(team_a: Any, alice: Any, bob: Any, victor: Any) -> dict[str, Any]:
    """A small team A that fills every main page: key accounts (one gone quiet), people
    with a birthday soon, conversations with notes and a follow-up, a market-signal
    theme said by three customers, a buying journey. Dates are relative to today."""
    import datetime as dt

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from fasit.buying.services import journey_create
    from fasit.conversations.services import conversation_attach_transcript, conversation_log
    from fasit.customers.models import AccountRevenue
    from fasit.signals.services import statement_create
    from fasit.testing import (
        AccountFactory,
        ImportantDateFactory,
        PersonFactory,
        PersonRoleFactory,
    )

    now = timezone.now()
    soon = timezone.localdate() + dt.timedelta(days=3)
    fjord = AccountFactory(team=team_a, name="Fjord Energi AS", tier="key", owner=alice)
    kraft = AccountFactory(team=team_a, name="Bergen Kraft AS", tier="key", owner=alice)
    vatten = AccountFactory(
        team=team_a, name="Malmö Vatten AB", tier="customer", country="SE", owner=bob
    )
    AccountRevenue.objects.create(account=fjord, year=soon.year - 1, amount=7_000_000)
    AccountRevenue.objects.create(account=kraft, year=soon.year - 1, amount=5_040_000)
    kari = PersonFactory(team=team_a, name="Kari Berg")
    PersonRoleFactory(person=kari, account=fjord, buying_role="decision_maker")
    ImportantDateFactory(person=kari, kind="birthday", month=soon.month, day=soon.day)
    ola = PersonFactory(team=team_a, name="Ola Nordmann")
    PersonRoleFactory(person=ola, account=kraft)
    anna = PersonFactory(team=team_a, name="Anna Svensson", country="SE")
    PersonRoleFactory(person=anna, account=vatten)
    recent = conversation_log(
        team=team_a,
        actor=alice,
        account=fjord,
        occurred_at=now - dt.timedelta(days=2),
        people=[kari],
        subject="Pumpene",
        notes="Vi skal have en betaling pr. driftstime.",
        follow_ups=[{"task": "Send tilbud", "due_date": timezone.localdate()}],
    )
    old = conversation_log(
        team=team_a,
        actor=alice,
        account=kraft,
        occurred_at=now - dt.timedelta(days=200),
        people=[ola],
        notes="Vi ønsker å lease.",
    )
    swedish = conversation_log(
        team=team_a,
        actor=bob,
        account=vatten,
        occurred_at=now - dt.timedelta(days=5),
        people=[anna],
        notes="Vi vill hyra per timme.",
    )
    for conversation, text in (
        (recent, "Vi vil betale per driftstime."),
        (old, "Vi vil betale per time vi bruker pumpene."),
        (swedish, "Vi vill betala per drifttimme."),
    ):
        # "What they want to buy": a footer with more words than links, as on a real
        # board (axe checks links in running text only).
        statement_create(
            team=team_a, actor=alice, conversation=conversation, text=text, kind="want"
        )
    conversation_attach_transcript(
        conversation=recent,
        actor=alice,
        transcript=SimpleUploadedFile(
            "meeting.vtt",
            (
                "WEBVTT\n\n00:00.000 --> 00:04.000\n<v Alice>Hvordan bruker dere pumpene i dag?\n\n"
                "00:04.000 --> 00:12.000\n<v Kari Berg>Vi kjører dem døgnet rundt, og vi vil "
                "betale per driftstime.\n"
            ).encode(),
        ),
    )
    journey = journey_create(team=team_a, actor=alice, account=fjord, title="Nye pumper")
    return {
        "accounts": [fjord, kraft, vatten],
        "people": [kari, ola, anna],
        "conversations": [recent, old, swedish],
        "journey": journey,
    }

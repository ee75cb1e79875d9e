"""Webhooks against a real HTTP receiver on loopback: signed deliveries, retries with
backoff, disabling after a day of failures (and the owner told), the settings page."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from fasit.buying.services import journey_change_stage, journey_create
from fasit.conversations.services import conversation_log
from fasit.customers.services import person_create
from fasit.privacy.erasure import person_erase
from fasit.signals.models import Theme
from fasit.testing import AccountFactory, bound_parameters, most_bound
from fasit.webhooks import services
from fasit.webhooks.models import DarkAccount, Status, WebhookDelivery, WebhookEndpoint

pytestmark = pytest.mark.usefixtures("_loopback_allowed")


@pytest.fixture
def _loopback_allowed() -> Iterator[None]:
    with override_settings(FASIT_WEBHOOK_ALLOW_HTTP_LOOPBACK=True):
        yield


class Receiver:
    def __init__(self) -> None:
        self.status = 200
        self.received: list[tuple[dict[str, str], bytes]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((dict(self.headers), body))
                self.send_response(receiver.status)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


def verify(secret: str, headers: dict[str, str], body: bytes, now: int) -> bool:
    """What a receiver does (the snippet in docs/api.md)."""
    parts = dict(item.split("=", 1) for item in headers["Fasit-Signature"].split(","))
    timestamp = int(parts["t"])
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return abs(now - timestamp) <= 300 and hmac.compare_digest(expected.hexdigest(), parts["v1"])


def test_conversation_logged_is_delivered_signed(
    team_a: Any, alice: Any, receiver: Receiver, django_capture_on_commit_callbacks: Any
) -> None:
    endpoint = services.endpoint_create(
        team=team_a, actor=alice, url=receiver.url, events=["conversation.logged"]
    )
    account = AccountFactory(team=team_a)
    with django_capture_on_commit_callbacks(execute=True):
        conversation = conversation_log(team=team_a, actor=alice, account=account)
    assert len(receiver.received) == 1
    headers, body = receiver.received[0]
    assert verify(endpoint.secret, headers, body, int(timezone.now().timestamp()))
    assert not verify("whsec_wrong", headers, body, int(timezone.now().timestamp()))
    assert not verify(endpoint.secret, headers, body, int(timezone.now().timestamp()) + 3600)
    payload = json.loads(body)
    assert headers["Fasit-Event"] == payload["type"] == "conversation.logged"
    assert payload["data"]["conversation_id"] == conversation.pk
    assert headers["Fasit-Delivery"] == payload["id"]
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("delivered", 1, 200)


def test_only_subscribed_events_and_nothing_for_a_rollback(
    team_a: Any, alice: Any, receiver: Receiver, django_capture_on_commit_callbacks: Any
) -> None:
    services.endpoint_create(team=team_a, actor=alice, url=receiver.url, events=["person.created"])
    account = AccountFactory(team=team_a)
    with django_capture_on_commit_callbacks(execute=True):
        conversation_log(team=team_a, actor=alice, account=account)
        person = person_create(team=team_a, actor=alice, name="Kari", legal_basis="li_customer")
        person_erase(person=person, actor=alice, channel="web")
    assert [json.loads(b)["type"] for _h, b in receiver.received] == ["person.created"]


def test_person_erased_journey_stage_and_theme_level(
    team_a: Any, alice: Any, receiver: Receiver, django_capture_on_commit_callbacks: Any
) -> None:
    services.endpoint_create(
        team=team_a,
        actor=alice,
        url=receiver.url,
        events=["person.erased", "journey.stage_changed", "theme.level_raised"],
    )
    account = AccountFactory(team=team_a)
    with django_capture_on_commit_callbacks(execute=True):
        person = person_create(team=team_a, actor=alice, name="Kari", legal_basis="li_customer")
    person_id = person.pk
    with django_capture_on_commit_callbacks(execute=True):
        person_erase(person=person, actor=alice, channel="web")
        journey = journey_create(team=team_a, actor=alice, account=account, title="Pumper")
        stage = journey.process.stages.order_by("order").last()
        journey_change_stage(journey=journey, actor=alice, stage=stage, note="Signed")
        theme = Theme.objects.create(team=team_a, label="Leasing", level="noted")
        theme.level = "alarm"
        theme.save()
        theme.level = "noted"
        theme.save()
    events = [json.loads(b) for _h, b in receiver.received]
    assert {"type": "person.erased", "person_id": person_id} in [
        {"type": e["type"], **e["data"]} for e in events if e["type"] == "person.erased"
    ]
    stage_events = [e["data"] for e in events if e["type"] == "journey.stage_changed"]
    assert stage_events[-1]["to_stage"] == stage.name
    levels = [e["data"] for e in events if e["type"] == "theme.level_raised"]
    assert levels == [{"theme_id": theme.pk, "level": "alarm", "previous_level": "noted"}]


def test_failures_retry_with_backoff_then_disable_and_tell_the_owner(
    team_a: Any, alice: Any, receiver: Receiver, django_capture_on_commit_callbacks: Any
) -> None:
    alice.email = "alice@example.com"
    alice.save()
    receiver.status = 500
    endpoint = services.endpoint_create(
        team=team_a, actor=alice, url=receiver.url, events=["conversation.logged"]
    )
    account = AccountFactory(team=team_a)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            conversation_log(team=team_a, actor=alice, account=account)
        delivery = WebhookDelivery.objects.get()
        assert (delivery.status, delivery.attempts, delivery.response_status) == (
            "retrying",
            1,
            500,
        )
        assert delivery.next_attempt_at == start + dt.timedelta(seconds=60)
    waits = []
    moment = start
    while True:
        delivery.refresh_from_db()
        if delivery.next_attempt_at is None:
            break
        waits.append((delivery.next_attempt_at - moment).total_seconds())
        moment = delivery.next_attempt_at
        with (
            time_machine.travel(moment, tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            assert services.due_deliveries() == [delivery.pk]
            services.deliver(delivery.pk)
    assert waits[:6] == [60, 300, 1800, 7200, 21600, 43200]
    assert moment == start + dt.timedelta(days=1)
    assert delivery.status == Status.FAILED and delivery.attempts == len(receiver.received)
    endpoint.refresh_from_db()
    assert not endpoint.active and endpoint.disabled_at is not None
    assert mail.outbox and mail.outbox[0].to == ["alice@example.com"]
    assert receiver.url in mail.outbox[0].subject
    receiver.status = 204
    services.endpoint_enable(endpoint=endpoint, actor=alice)
    with django_capture_on_commit_callbacks(execute=True):
        conversation_log(team=team_a, actor=alice, account=account)
    assert WebhookDelivery.objects.order_by("-id").first().status == Status.DELIVERED  # type: ignore[union-attr]


def test_a_receiver_that_recovers_clears_the_failure(
    team_a: Any, alice: Any, receiver: Receiver, django_capture_on_commit_callbacks: Any
) -> None:
    receiver.status = 503
    endpoint = services.endpoint_create(
        team=team_a, actor=alice, url=receiver.url, events=["conversation.logged"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        conversation_log(team=team_a, actor=alice, account=AccountFactory(team=team_a))
    endpoint.refresh_from_db()
    assert endpoint.failing_since is not None
    receiver.status = 200
    delivery = WebhookDelivery.objects.get()
    with time_machine.travel(delivery.next_attempt_at, tick=False):
        services.deliver(delivery.pk)
    delivery.refresh_from_db()
    endpoint.refresh_from_db()
    assert delivery.status == Status.DELIVERED and endpoint.failing_since is None


def test_unreachable_receiver_is_a_failure_not_an_error(
    team_a: Any, alice: Any, receiver: Receiver, django_capture_on_commit_callbacks: Any
) -> None:
    url = receiver.url
    receiver.close()
    services.endpoint_create(team=team_a, actor=alice, url=url, events=["conversation.logged"])
    with django_capture_on_commit_callbacks(execute=True):
        conversation_log(team=team_a, actor=alice, account=AccountFactory(team=team_a))
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.RETRYING and delivery.error


def test_went_dark_is_sent_once_per_spell(
    team_a: Any,
    alice: Any,
    receiver: Receiver,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from fasit.relationships.models import AccountHealth

    account = AccountFactory(team=team_a)
    services.endpoint_create(
        team=team_a, actor=alice, url=receiver.url, events=["account.went_dark"]
    )
    today = timezone.localdate()
    # Today's stored snapshot is what the sweep reads (the nightly refresh writes it).
    health = AccountHealth.objects.create(
        team=team_a, account=account, day=today, health=10, going_dark=True, currency=""
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.account_dark_sweep(team_a, today=today)
        services.account_dark_sweep(team_a, today=today)
    assert [json.loads(b)["data"] for _h, b in receiver.received] == [{"account_id": account.pk}]
    AccountHealth.objects.filter(pk=health.pk).update(going_dark=False, health=80)
    services.account_dark_sweep(team_a, today=today)
    assert not DarkAccount.objects.exists()


def test_dark_sweep_binds_no_more_for_more_accounts(
    team_a: Any, team_b: Any, monkeypatch: Any
) -> None:
    # Accounts that stop going dark are dropped a slice at a time (slices of two stand
    # in for thousands): naming every dark account in one statement grew with the team.
    from fasit.core import db
    from fasit.relationships.models import AccountHealth

    monkeypatch.setattr(db, "ID_SLICE", 2)
    today = timezone.localdate()
    theirs = AccountFactory(team=team_b)
    DarkAccount.objects.create(account=theirs, since=today)

    def sweep_with(n: int) -> int:
        accounts = [AccountFactory(team=team_a) for _ in range(n)]
        for account in accounts:
            AccountHealth.objects.create(
                team=team_a, account=account, day=today, health=10, going_dark=True, currency=""
            )
        with bound_parameters() as seen:
            services.account_dark_sweep(team_a, today=today)
            assert DarkAccount.objects.for_team(team_a).count() == n
            AccountHealth.objects.filter(team=team_a).update(going_dark=False, health=80)
            services.account_dark_sweep(team_a, today=today)
        assert not DarkAccount.objects.for_team(team_a).exists()
        return most_bound(seen)

    assert sweep_with(3) == sweep_with(8)
    assert DarkAccount.objects.filter(account=theirs).exists()


@override_settings(FASIT_WEBHOOK_ALLOW_HTTP_LOOPBACK=False)
def test_https_only(team_a: Any, alice_client: Any) -> None:
    for url in ("http://127.0.0.1:9/hook", "http://example.com/hook", "ftp://x"):
        alice_client.post("/settings/webhooks/", {"url": url, "events": ["person.created"]})
    assert not WebhookEndpoint.objects.exists()
    alice_client.post(
        "/settings/webhooks/", {"url": "https://erp.example.com/hook", "events": ["person.created"]}
    )
    assert WebhookEndpoint.objects.get().url == "https://erp.example.com/hook"


def test_settings_page_for_owners_only(
    team_a: Any,
    alice: Any,
    alice_client: Any,
    bob_client: Any,
    victor_client: Any,
    charlie_client: Any,
) -> None:
    data = {"url": "https://erp.example.com/hook", "events": ["person.created"]}
    assert bob_client.post("/settings/webhooks/", data).status_code == 403
    assert victor_client.post("/settings/webhooks/", data).status_code == 403
    alice_client.post("/settings/webhooks/", data)
    endpoint = WebhookEndpoint.objects.get()
    page = alice_client.get("/settings/").content.decode()
    assert endpoint.url in page and endpoint.secret in page
    assert endpoint.secret not in bob_client.get("/settings/").content.decode()
    assert charlie_client.post(f"/settings/webhooks/{endpoint.pk}/delete/").status_code == 404
    assert alice_client.post(f"/settings/webhooks/{endpoint.pk}/delete/").status_code == 302
    assert not WebhookEndpoint.objects.exists()


@override_settings(FASIT_WEBHOOK_ALLOW_HTTP_LOOPBACK=False)
@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/hook",
        "https://localhost:8443/hook",
        "https://[::1]/hook",
        "https://10.1.2.3/hook",
        "https://192.168.0.10/hook",
        "https://172.16.5.4/hook",
        "https://169.254.169.254/latest/meta-data",  # cloud metadata (link-local)
        "https://100.64.0.1/hook",  # shared address space (carrier NAT)
        "https://[::ffff:10.0.0.1]/hook",  # IPv4-mapped private address
        "https://[fd00::1]/hook",  # unique local IPv6
        "https://0.0.0.0/hook",
        "https://224.0.0.1/hook",
    ],
)
def test_private_and_local_addresses_are_refused_at_registration(
    team_a: Any, alice: Any, alice_api: Any, url: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        services.endpoint_create(team=team_a, actor=alice, url=url, events=["person.created"])
    assert "private, local or reserved" in str(refused.value)
    answer = alice_api.post(
        "/api/webhooks",
        json.dumps({"url": url, "events": ["person.created"]}),
        content_type="application/json",
    )
    assert answer.status_code == 400
    assert "private, local or reserved" in answer.json()["detail"]["url"][0]
    assert not WebhookEndpoint.objects.exists()


def test_a_public_address_and_an_unknown_name_are_accepted(team_a: Any, alice: Any) -> None:
    with override_settings(FASIT_WEBHOOK_ALLOW_HTTP_LOOPBACK=False):
        for url in ("https://93.184.215.14/hook", "https://erp.example.com/hook"):
            services.endpoint_create(team=team_a, actor=alice, url=url, events=["person.created"])
    assert WebhookEndpoint.objects.count() == 2


def test_delivery_checks_the_address_again(
    team_a: Any, alice: Any, receiver: Receiver, django_capture_on_commit_callbacks: Any
) -> None:
    """A name registered while it pointed elsewhere (DNS rebinding) or an address that
    is no longer allowed: every delivery resolves and checks it, and sends nothing."""
    url = receiver.url.replace("127.0.0.1", "localhost")
    endpoint = services.endpoint_create(
        team=team_a, actor=alice, url=url, events=["person.created"]
    )
    with override_settings(FASIT_WEBHOOK_ALLOW_HTTP_LOOPBACK=False):
        with django_capture_on_commit_callbacks(execute=True):
            person_create(team=team_a, actor=alice, name="Kari", legal_basis="li_customer")
        rebound = WebhookEndpoint.objects.create(
            team=team_a, url=f"https://localhost:{receiver.server.server_address[1]}/hook",
            secret="s", events=["person.created"],
        )
        with django_capture_on_commit_callbacks(execute=True):
            person_create(team=team_a, actor=alice, name="Ola", legal_basis="li_customer")
    assert receiver.received == []
    errors = set(
        WebhookDelivery.objects.filter(endpoint__in=[endpoint, rebound]).values_list(
            "status", "error"
        )
    )
    assert {status for status, _e in errors} == {Status.RETRYING}
    assert all("private, local or reserved" in e or "local testing" in e for _s, e in errors)
    # Allowed again (tests, development): the same endpoint is delivered to.
    with django_capture_on_commit_callbacks(execute=True):
        person_create(team=team_a, actor=alice, name="Per", legal_basis="li_customer")
    assert len(receiver.received) == 1


def test_a_level_the_saving_service_read_is_used_for_that_save_only(
    team_a: Any, alice: Any
) -> None:
    # signals' _sync_joined hands over the level it read under the team's lock, so the
    # receiver does not read the row again; a later save of the same object must read
    # it again, or a level raised once would be announced twice.
    services.endpoint_create(
        team=team_a, actor=alice, url="http://127.0.0.1:9/hook", events=["theme.level_raised"]
    )
    theme = Theme.objects.create(team=team_a, label="Leasing", level="noted")
    theme._webhook_level = "noted"  # type: ignore[attr-defined]
    theme.level = "alarm"
    theme.save()
    theme.save()
    raised = WebhookDelivery.objects.filter(event="theme.level_raised")
    assert [d.payload["data"]["previous_level"] for d in raised] == ["noted"]

"""The capture service: one message becomes (or joins) an e-mail conversation of the
right team's account, once."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from fasit.capture.models import CapturedItem, Source
from fasit.capture.services import (
    CaptureContext,
    Outcome,
    capture_mail,
    capture_settings_update,
    exclusion_add,
)
from fasit.capture.tests.mails import MALFORMED, mail
from fasit.conversations.models import Conversation
from fasit.conversations.services import conversation_delete
from fasit.engine.capture import MailError, parse_message
from fasit.relationships.selectors import REAL
from fasit.testing import AccountFactory, PersonFactory, PersonRoleFactory

pytestmark = pytest.mark.django_db

# Ten in the morning a week ago, local time: far from midnight, so a reply an hour
# later is the same day wherever the suite's clock is.
MORNING = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0) - dt.timedelta(
    days=7
)


def capture(team: Any, user: Any, raw: bytes, **kwargs: Any) -> str:
    context = CaptureContext.build(team=team, user=user, source=Source.UPLOAD, source_detail="t.eml")
    return capture_mail(context=context, message=parse_message(raw), **kwargs)


def test_outgoing_mail_becomes_an_email_conversation(
    team_a: Any, alice: Any, acme: Any, kari: Any
) -> None:
    raw = mail(
        sender="Alice <alice@example.com>",
        to="Kari Nordmann <kari@acme.no>",
        subject="Möte om offerten – åtgärder",
        when=MORNING,
    )
    assert capture(team_a, alice, raw) == Outcome.CAPTURED
    conversation = Conversation.objects.for_team(team_a).get()
    assert (conversation.kind, conversation.initiated_by) == ("email", "us")
    assert conversation.account == acme
    assert conversation.subject == "Möte om offerten – åtgärder"
    assert list(conversation.people.all()) == [kari]
    assert list(conversation.users.all()) == [alice]
    assert conversation.notes == ""  # bodies are off by default
    assert conversation.customer_replied is False
    assert not Conversation.objects.filter(REAL).exists()
    item = CapturedItem.objects.for_team(team_a).get()
    assert (item.source, item.source_detail, item.captured_by) == ("upload", "t.eml", alice)


def test_a_customer_reply_joins_the_thread_and_makes_it_real_contact(
    team_a: Any, alice: Any, acme: Any, kari: Any, per: Any
) -> None:
    first = mail(
        sender="alice@example.com", to="kari@acme.no", subject="Tilbud på kjøretøy",
        when=MORNING, message_id="<t1@example.com>",
    )
    reply = mail(
        sender="Per Hansen <per@acme.no>", to="alice@example.com", cc="kari@acme.no",
        subject="SV: Tilbud på kjøretøy", when=MORNING + dt.timedelta(hours=1),
        in_reply_to="<t1@example.com>",
    )
    assert capture(team_a, alice, first) == Outcome.CAPTURED
    assert capture(team_a, alice, reply) == Outcome.JOINED
    conversation = Conversation.objects.for_team(team_a).get()
    assert conversation.customer_replied is True
    assert set(conversation.people.all()) == {kari, per}
    assert Conversation.objects.filter(REAL).get() == conversation


def test_the_next_day_is_a_new_conversation(team_a: Any, alice: Any, kari: Any) -> None:
    first = mail(sender="alice@example.com", to="kari@acme.no", subject="Ærlig talt",
                 when=MORNING, message_id="<d1@example.com>")
    reply = mail(sender="kari@acme.no", to="alice@example.com", subject="Re: Ærlig talt",
                 when=MORNING + dt.timedelta(days=1), in_reply_to="<d1@example.com>")
    capture(team_a, alice, first)
    assert capture(team_a, alice, reply) == Outcome.CAPTURED
    assert Conversation.objects.for_team(team_a).count() == 2
    assert Conversation.objects.filter(REAL).get().initiated_by == "customer"


def test_the_same_message_twice_is_logged_once(team_a: Any, alice: Any, bob: Any, kari: Any) -> None:
    raw = mail(sender="alice@example.com", to="kari@acme.no", subject="Hei", when=MORNING)
    assert capture(team_a, alice, raw) == Outcome.CAPTURED
    assert capture(team_a, alice, raw) == Outcome.DUPLICATE
    assert capture(team_a, bob, raw) == Outcome.DUPLICATE  # bob was in copy
    assert Conversation.objects.for_team(team_a).count() == 1


def test_a_deleted_capture_is_never_captured_again(team_a: Any, alice: Any, kari: Any) -> None:
    raw = mail(sender="alice@example.com", to="kari@acme.no", subject="Privat", when=MORNING)
    capture(team_a, alice, raw)
    conversation_delete(conversation=Conversation.objects.for_team(team_a).get(), actor=alice)
    assert capture(team_a, alice, raw) == Outcome.DELETED
    assert not Conversation.objects.for_team(team_a).exists()
    assert CapturedItem.objects.for_team(team_a).get().conversation is None


def test_a_domain_of_exactly_one_account_matches(team_a: Any, alice: Any, acme: Any, kari: Any) -> None:
    raw = mail(sender="ny.person@acme.no", to="alice@example.com", subject="Hej", when=MORNING)
    assert capture(team_a, alice, raw) == Outcome.CAPTURED
    conversation = Conversation.objects.for_team(team_a).get()
    assert conversation.account == acme
    assert list(conversation.people.all()) == []


def test_a_shared_or_free_mail_domain_never_matches(team_a: Any, alice: Any, acme: Any) -> None:
    other = AccountFactory(team=team_a, name="Other AS")
    for account, email in ((acme, "a@shared.no"), (other, "b@shared.no"), (acme, "kari@gmail.com")):
        PersonRoleFactory(person=PersonFactory(team=team_a, email=email), account=account)
    shared = mail(sender="c@shared.no", to="alice@example.com", subject="x", when=MORNING)
    free = mail(sender="someone@gmail.com", to="alice@example.com", subject="y", when=MORNING)
    assert capture(team_a, alice, shared) == Outcome.IGNORED
    assert capture(team_a, alice, free) == Outcome.IGNORED
    # The person's own free-mail address still matches: it is theirs.
    known = mail(sender="kari@gmail.com", to="alice@example.com", subject="z", when=MORNING)
    assert capture(team_a, alice, known) == Outcome.CAPTURED


def test_mail_among_ourselves_is_ignored(team_a: Any, alice: Any, bob: Any, kari: Any) -> None:
    raw = mail(sender="alice@example.com", to="bob@example.com", subject="Lunsj?", when=MORNING)
    assert capture(team_a, alice, raw) == Outcome.IGNORED
    assert not CapturedItem.objects.exists()


def test_an_excluded_person_or_domain_is_private(team_a: Any, alice: Any, bob: Any, kari: Any) -> None:
    exclusion_add(team=team_a, user=alice, value="@Acme.no")
    raw = mail(sender="alice@example.com", to="kari@acme.no", subject="Middag", when=MORNING)
    assert capture(team_a, alice, raw) == Outcome.IGNORED
    # Only alice's: bob's copy of the same message is captured.
    assert capture(team_a, bob, raw) == Outcome.CAPTURED
    with pytest.raises(ValidationError):
        exclusion_add(team=team_a, user=alice, value="not an address")


def test_bodies_only_when_the_team_enables_them(team_a: Any, alice: Any, kari: Any) -> None:
    capture_settings_update(team=team_a, actor=alice, store_body=True, body_chars=14)
    raw = mail(
        sender="kari@acme.no", to="alice@example.com", subject="HTML", when=MORNING,
        html="<html><head><style>p{}</style></head><body><p>Hej Alice,</p><p>vi vill köpa mer.</p></body></html>",
    )
    capture(team_a, alice, raw)
    assert Conversation.objects.for_team(team_a).get().notes == "Hej Alice,\n\nvi"


def test_charlie_never_matches_team_a_people(
    team_a: Any, alice: Any, kari: Any, charlie: Any, team_b: Any, team_b_customer: Any
) -> None:
    raw = mail(sender="charlie@example.org", to="kari@acme.no", subject="Hej", when=MORNING)
    assert capture(team_b, charlie, raw) == Outcome.IGNORED
    assert not Conversation.objects.exists()
    # The same message id in both teams: each team keeps its own record of it.
    both = mail(sender="kari@acme.no", to="alice@example.com", cc="sven@bravo.se, charlie@example.org",
                subject="Hej", when=MORNING)
    assert capture(team_a, alice, both) == Outcome.CAPTURED
    assert capture(team_b, charlie, both) == Outcome.CAPTURED
    assert [p.name for p in Conversation.objects.for_team(team_b).get().people.all()] == [
        "Sven Svensson"
    ]
    assert list(Conversation.objects.for_team(team_a).get().people.all()) == [kari]


def test_a_viewer_captures_nothing(team_a: Any, victor: Any, kari: Any) -> None:
    with pytest.raises(ValidationError):
        CaptureContext.build(team=team_a, user=victor, source=Source.UPLOAD)


def test_a_message_without_a_sender_is_refused() -> None:
    with pytest.raises(MailError):
        parse_message(MALFORMED)

"""Every URL that shows or changes a record of team A: charlie (team B) gets a 404,
victor (viewer in team A) cannot change anything, alice can read it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from fasit.buying.services import journey_create, member_set, motive_add
from fasit.capture.calendars import calendar_subscribe
from fasit.capture.services import exclusion_add
from fasit.conversations.services import conversation_attach_transcript
from fasit.core.models import AuditEvent
from fasit.customers.models import Account, AccountRevenue, FamilyMember, Person
from fasit.customers.services import category_create, consent_record
from fasit.privacy.services import erasure_request
from fasit.relationships.services import calendar_feed_regenerate, calendar_feed_revoke
from fasit.signals.models import Proposal
from fasit.signals.services import statement_create
from fasit.tenancy.services import api_token_create, invitation_create, invitation_revoke
from fasit.testing import (
    AccountFactory,
    ConversationFactory,
    FollowUpFactory,
    MembershipFactory,
    PersonFactory,
    PersonRoleFactory,
    UserFactory,
)
from fasit.transfer.models import ImportJob
from fasit.webhooks.models import WebhookEndpoint


@dataclass
class World:
    account: Any
    person: Any
    role: Any
    conversation: Any
    follow_up: Any
    family: Any
    revenue: Any
    membership: Any
    statement: Any
    proposal: Any
    journey: Any
    member: Any
    motive: Any
    consent: Any
    candidate: Any
    import_job: Any = None
    feed_token: str = ""
    invitation: Any = None
    capture_exclusion: Any = None
    capture_calendar: Any = None
    api_token: Any = None
    webhook: Any = None
    category: Any = None


@pytest.fixture
def world(team_a: Any, alice: Any) -> World:
    account = AccountFactory(team=team_a, name="Fjord Energi AS")
    person = PersonFactory(team=team_a, name="Kari Berg")
    role = PersonRoleFactory(person=person, account=account)
    conversation = ConversationFactory(team=team_a, account=account)
    conversation.people.add(person)
    conversation_attach_transcript(
        conversation=conversation,
        actor=alice,
        transcript=SimpleUploadedFile("m.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nKari: Hei\n"),
    )
    journey = journey_create(team=team_a, actor=alice, account=account, title="Nye pumper")
    consent = consent_record(person=person, actor=alice, wording="Tilbud på service.")
    feed = calendar_feed_regenerate(team=team_a, user=alice, actor=alice)
    calendar_feed_revoke(team=team_a, user=alice, actor=alice)
    pending = invitation_create(team=team_a, actor=alice, email="used@example.com", role="member")
    revoked = invitation_create(team=team_a, actor=alice, email="gone@example.com", role="member")
    invitation_revoke(invitation=revoked, actor=alice)
    pending.token = revoked.token  # the URL below is a dead link; the pk is a live one
    return World(
        category=category_create(team=team_a, actor=alice, name="Energy"),
        invitation=pending,
        capture_exclusion=exclusion_add(team=team_a, user=alice, value="privat.no"),
        capture_calendar=calendar_subscribe(
            team=team_a, user=alice, url="https://calendar.google.com/calendar/ical/a/basic.ics"
        ),
        import_job=ImportJob.objects.create(
            team=team_a, file_name="contacts.csv", source="hubspot", entity="person"
        ),
        feed_token=feed.token,
        webhook=WebhookEndpoint.objects.create(
            team=team_a, url="https://erp.example.com/hook", secret="s", events=["person.created"]
        ),
        api_token=api_token_create(team=team_a, user=alice, actor=alice, name="ERP")[0],
        consent=consent,
        candidate=erasure_request(person=person, actor=alice, detail="Asked by phone"),
        journey=journey,
        member=member_set(journey=journey, actor=alice, person=person, role="decision_maker"),
        motive=motive_add(journey=journey, actor=alice, text="Ingen stans til."),
        account=account,
        person=person,
        role=role,
        conversation=conversation,
        follow_up=FollowUpFactory(conversation=conversation),
        family=FamilyMember.objects.create(person=person, relation="Daughter", name="Emma"),
        revenue=AccountRevenue.objects.create(account=account, year=2025, amount=100),
        membership=MembershipFactory(team=team_a, user=UserFactory(username="dora")),
        statement=statement_create(
            team=team_a,
            actor=alice,
            conversation=conversation,
            text="Vi trenger kortere leveringstid.",
        ),
        proposal=Proposal.objects.create(
            team=team_a,
            conversation=conversation,
            text="Vi vil lease.",
            kind="how_to_buy",
            language="nb",
            source="notes",
        ),
    )


def record_urls(w: World) -> dict[str, str]:
    """URL name -> URL for one record of team A; keys must cover every URL with an id."""
    a, p, c = w.account.pk, w.person.pk, w.conversation.pk
    j, process, stage = w.journey.pk, w.journey.process_id, w.journey.stage_id
    return {
        "buying:process": reverse("buying:process", args=[process]),
        "buying:process_edit": reverse("buying:process_edit", args=[process]),
        "buying:stage_add": reverse("buying:stage_add", args=[process]),
        "buying:stage": reverse("buying:stage", args=[stage]),
        "buying:stage_edit": reverse("buying:stage_edit", args=[stage]),
        "buying:stage_move": reverse("buying:stage_move", args=[stage]),
        "buying:stage_remove": reverse("buying:stage_remove", args=[stage]),
        "buying:journey": reverse("buying:journey", args=[j]),
        "buying:journey_edit": reverse("buying:journey_edit", args=[j]),
        "buying:journey_outcome": reverse("buying:journey_outcome", args=[j]),
        "buying:journey_delete": reverse("buying:journey_delete", args=[j]),
        "buying:journey_stage": reverse("buying:journey_stage", args=[j]),
        "buying:member_set": reverse("buying:member_set", args=[j]),
        "buying:member_remove": reverse("buying:member_remove", args=[j, w.member.pk]),
        "buying:motive_add": reverse("buying:motive_add", args=[j]),
        "buying:motive_remove": reverse("buying:motive_remove", args=[j, w.motive.pk]),
        "buying:suggestion_accept": reverse("buying:suggestion_accept", args=[j, c]),
        "buying:suggestion_dismiss": reverse("buying:suggestion_dismiss", args=[j, c]),
        "api:get_journey": f"/api/buying/journeys/{j}",
        "buying:journey_history": reverse("buying:journey_history", args=[j]),
        "api:journey_history": f"/api/buying/journeys/{j}/history",
        "api:get_process": f"/api/buying/processes/{process}",
        "accounts:detail": reverse("accounts:detail", args=[a]),
        "accounts:edit": reverse("accounts:edit", args=[a]),
        "accounts:history": reverse("accounts:history", args=[a]),
        "api:account_history": f"/api/accounts/{a}/history",
        "accounts:delete": reverse("accounts:delete", args=[a]),
        "accounts:revenue_set": reverse("accounts:revenue_set", args=[a]),
        "accounts:revenue_delete": reverse("accounts:revenue_delete", args=[a, w.revenue.pk]),
        "people:detail": reverse("people:detail", args=[p]),
        "people:edit": reverse("people:edit", args=[p]),
        "people:history": reverse("people:history", args=[p]),
        "api:person_history": f"/api/people/{p}/history",
        "people:delete": reverse("people:delete", args=[p]),
        "people:role_add": reverse("people:role_add", args=[p]),
        "people:role_form": reverse("people:role_form", args=[p]),
        "people:role_remove": reverse("people:role_remove", args=[p, w.role.pk]),
        "people:profile_add": reverse("people:profile_add", args=[p, "family"]),
        "people:profile_remove": reverse("people:profile_remove", args=[p, "family", w.family.pk]),
        "conversations:detail": reverse("conversations:detail", args=[c]),
        "conversations:edit": reverse("conversations:edit", args=[c]),
        "conversations:history": reverse("conversations:history", args=[c]),
        "api:conversation_history": f"/api/conversations/{c}/history",
        "conversations:delete": reverse("conversations:delete", args=[c]),
        "conversations:transcript_upload": reverse("conversations:transcript_upload", args=[c]),
        "conversations:transcript_download": reverse("conversations:transcript_download", args=[c]),
        "conversations:followup_add": reverse("conversations:followup_add", args=[c]),
        "conversations:followup_toggle": reverse(
            "conversations:followup_toggle", args=[w.follow_up.pk]
        ),
        "conversations:listening_card": reverse("conversations:listening_card", args=[c]),
        "conversations:transcript_speakers": reverse("conversations:transcript_speakers", args=[c]),
        "conversations:listening_user": reverse(
            "conversations:listening_user", args=[w.membership.user_id]
        ),
        "capture:account_upload": reverse("capture:account_upload", args=[a]),
        "capture:person_upload": reverse("capture:person_upload", args=[p]),
        "capture:exclusion_remove": reverse(
            "capture:exclusion_remove", args=[w.capture_exclusion.pk]
        ),
        "capture:calendar_remove": reverse("capture:calendar_remove", args=[w.capture_calendar.pk]),
        "member_role": reverse("member_role", args=[w.membership.pk]),
        "member_remove": reverse("member_remove", args=[w.membership.pk]),
        "invitation_revoke": reverse("invitation_revoke", args=[w.invitation.pk]),
        "invitation": reverse("invitation", args=[w.invitation.token]),
        "token_revoke": reverse("token_revoke", args=[w.api_token.pk]),
        "webhooks:endpoint_delete": reverse("webhooks:endpoint_delete", args=[w.webhook.pk]),
        "webhooks:endpoint_enable": reverse("webhooks:endpoint_enable", args=[w.webhook.pk]),
        "signals:theme": reverse("signals:theme", args=[w.statement.theme_id]),
        "signals:theme_rename": reverse("signals:theme_rename", args=[w.statement.theme_id]),
        "signals:theme_merge": reverse("signals:theme_merge", args=[w.statement.theme_id]),
        "signals:theme_split": reverse("signals:theme_split", args=[w.statement.theme_id]),
        "signals:theme_dismiss": reverse("signals:theme_dismiss", args=[w.statement.theme_id]),
        "signals:statement_move": reverse("signals:statement_move", args=[w.statement.pk]),
        "signals:statement_delete": reverse("signals:statement_delete", args=[w.statement.pk]),
        "signals:statement_mark": reverse("signals:statement_mark", args=[c]),
        "signals:proposal_decide": reverse("signals:proposal_decide", args=[w.proposal.pk]),
        "api:get_theme": f"/api/signals/themes/{w.statement.theme_id}",
        "api:get_statement": f"/api/signals/statements/{w.statement.pk}",
        "relationships:account_cadence": reverse("relationships:account_cadence", args=[a]),
        "relationships:person_cadence": reverse("relationships:person_cadence", args=[p]),
        "relationships:feed": reverse("relationships:feed", args=[w.feed_token]),
        "api:get_account_health": f"/api/relationships/accounts/{a}",
        "api:get_person_knowledge": f"/api/relationships/people/{p}",
        "api:get_account": f"/api/accounts/{a}",
        "api:get_person": f"/api/people/{p}",
        "api:get_conversation": f"/api/conversations/{c}",
        "api:get_conversation_listening": f"/api/conversations/{c}/listening",
        "api:get_follow_up": f"/api/follow-ups/{w.follow_up.pk}",
        "api:get_category": f"/api/categories/{w.category.pk}",
        "api:get_import": f"/api/imports/{w.import_job.pk}",
        "privacy:person": reverse("privacy:person", args=[p]),
        "privacy:export": reverse("privacy:export", args=[p, "json"]),
        "privacy:consent_add": reverse("privacy:consent_add", args=[p]),
        "privacy:consent_withdraw": reverse("privacy:consent_withdraw", args=[p, w.consent.pk]),
        "privacy:notice": reverse("privacy:notice", args=[p]),
        "privacy:request": reverse("privacy:request", args=[p]),
        "privacy:erase": reverse("privacy:erase", args=[p]),
        "privacy:candidate_keep": reverse("privacy:candidate_keep", args=[w.candidate.pk]),
        "privacy:candidate_erase": reverse("privacy:candidate_erase", args=[w.candidate.pk]),
        "api:export": f"/api/privacy/people/{p}/export",
        "api:notice": f"/api/privacy/people/{p}/notice",
        "transfer:import_detail": reverse("transfer:import_detail", args=[w.import_job.pk]),
        "transfer:import_invalid_rows": reverse(
            "transfer:import_invalid_rows", args=[w.import_job.pk]
        ),
        "transfer:person_vcard": reverse("transfer:person_vcard", args=[p]),
        "transfer:account_vcards": reverse("transfer:account_vcards", args=[a]),
        "transfer:merge": reverse("transfer:merge", args=["people", p, p]),
    }


# These answer GET with 405 whoever asks (nothing about the record is revealed);
# their POST is what the 404 test checks.
POST_ONLY = {
    "relationships:account_cadence",
    "relationships:person_cadence",
    "buying:process_edit",
    "buying:stage_add",
    "buying:stage_move",
    "buying:stage_remove",
    "buying:journey_outcome",
    "buying:journey_stage",
    "buying:member_set",
    "buying:member_remove",
    "buying:motive_add",
    "buying:motive_remove",
    "buying:suggestion_accept",
    "buying:suggestion_dismiss",
    "signals:theme_rename",
    "signals:theme_merge",
    "signals:theme_split",
    "signals:theme_dismiss",
    "signals:statement_move",
    "signals:statement_delete",
    "signals:statement_mark",
    "signals:proposal_decide",
    "accounts:revenue_set",
    "accounts:revenue_delete",
    "people:role_add",
    "people:role_remove",
    "people:profile_add",
    "people:profile_remove",
    "conversations:transcript_upload",
    "conversations:followup_add",
    "conversations:followup_toggle",
    "member_role",
    "member_remove",
    "invitation_revoke",
    "token_revoke",
    "webhooks:endpoint_delete",
    "webhooks:endpoint_enable",
    "privacy:consent_add",
    "privacy:consent_withdraw",
    "privacy:request",
    "privacy:candidate_keep",
    "privacy:candidate_erase",
    "capture:exclusion_remove",
    "capture:calendar_remove",
}
READ_ONLY = {
    "api:get_account_health",
    "api:get_person_knowledge",
    "buying:process",
    "buying:stage",
    "buying:journey",
    "api:get_journey",
    "api:get_process",
    "signals:theme",
    "api:get_theme",
    "api:get_statement",
    "accounts:detail",
    "accounts:history",
    "api:account_history",
    "people:detail",
    "people:history",
    "api:person_history",
    "buying:journey_history",
    "api:journey_history",
    "conversations:history",
    "api:conversation_history",
    "conversations:detail",
    "conversations:transcript_download",
    "conversations:listening_card",
    "conversations:listening_user",
    "api:get_conversation_listening",
    "api:get_follow_up",
    "api:get_category",
    "api:get_import",
    "api:get_account",
    "api:get_person",
    "api:get_conversation",
    "privacy:person",
    "api:export",
    "api:notice",
}

# What the product role (paula) may change: buying processes and themes, nothing else.
SHAPE_URLS = {
    "buying:process_edit",
    "buying:stage_add",
    "buying:stage_edit",
    "buying:stage_move",
    "buying:stage_remove",
    "signals:theme_rename",
    "signals:theme_merge",
    "signals:theme_split",
    "signals:theme_dismiss",
    "signals:statement_move",
}

# Reached by a secret token rather than the session (calendar apps cannot log in):
# world holds revoked tokens, which are a 404 for everyone, charlie included.
TOKEN_URLS = {"relationships:feed", "invitation"}
# Every member revokes their own API tokens, viewers too; another member's token is a
# 404 to them (test_api_tokens.py), and to charlie like every record here.
OWN_URLS = {"token_revoke"}


# URLs with ids that name no team record: a user's own password-reset link (the id is
# the user's, checked together with a one-time token; a forged one shows "this link no
# longer works" to everyone, see fasit/signin/tests/test_password_reset.py).
NOT_TEAM_RECORDS = {"password_reset_confirm"}


def _names_with_ids(resolver: Any = None, prefix: str = "") -> set[str]:
    names: set[str] = set()
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{entry.namespace}:" if entry.namespace else prefix
            if entry.namespace == "admin":
                continue
            names |= _names_with_ids(entry, ns)
        elif (
            isinstance(entry, URLPattern)
            and entry.pattern.converters
            and entry.name
            and f"{prefix}{entry.name}" not in NOT_TEAM_RECORDS
        ):
            names.add(f"{prefix}{entry.name}")
    return names


def test_every_record_url_is_covered(world: World) -> None:
    api_names = {n for n in _names_with_ids() if n.startswith("api:")}
    app_names = _names_with_ids() - api_names
    assert app_names <= set(record_urls(world))
    assert {n for n in api_names if n.startswith("api:get_")} <= set(record_urls(world))


@pytest.mark.parametrize("method", ["get", "post"])
def test_charlie_gets_404_for_team_a_records(
    world: World, charlie_client: Any, method: str
) -> None:
    before = AuditEvent.objects.count()
    statuses = {
        name: getattr(charlie_client, method)(url).status_code
        for name, url in record_urls(world).items()
        if not (method == "post" and name.startswith("api:"))
        and not (method == "get" and name in POST_ONLY)
    }
    assert statuses == dict.fromkeys(statuses, 404)
    assert AuditEvent.objects.count() == before
    assert Account.objects.filter(pk=world.account.pk).exists()


def test_victor_the_viewer_cannot_change_anything(world: World, victor_client: Any) -> None:
    before = AuditEvent.objects.count()
    statuses = {
        name: victor_client.post(
            url, {"task": "x", "name": "x", "year": 2024, "amount": 1}
        ).status_code
        for name, url in record_urls(world).items()
        if name not in READ_ONLY | TOKEN_URLS | OWN_URLS
    }
    assert statuses == dict.fromkeys(statuses, 403)
    assert AuditEvent.objects.count() == before
    assert Person.objects.filter(pk=world.person.pk).exists()


def test_paula_the_product_manager_changes_only_processes_and_themes(
    world: World, paula_client: Any
) -> None:
    before = AuditEvent.objects.count()
    refused = {
        name: paula_client.post(url, {"task": "x", "name": "x", "year": 2024}).status_code
        for name, url in record_urls(world).items()
        if name not in READ_ONLY | TOKEN_URLS | OWN_URLS | SHAPE_URLS
    }
    assert refused == dict.fromkeys(refused, 403)
    assert AuditEvent.objects.count() == before
    allowed = {
        name: paula_client.post(record_urls(world)[name], {"name": "Leasing"}).status_code
        # Moving the theme's only statement away removes the theme: that one goes last.
        for name in sorted(SHAPE_URLS, key=lambda n: (n == "signals:statement_move", n))
    }
    assert 403 not in allowed.values() and 404 not in allowed.values(), allowed


def test_alice_reads_every_record_page(world: World, alice_client: Any) -> None:
    statuses = {
        name: alice_client.get(record_urls(world)[name]).status_code for name in sorted(READ_ONLY)
    }
    assert statuses == dict.fromkeys(statuses, 200)


def test_lists_show_only_own_team(world: World, charlie_client: Any, alice_client: Any) -> None:
    for url in (
        "/accounts/",
        "/people/",
        "/conversations/",
        "/conversations/follow-ups/",
        "/api/accounts",
        "/api/people",
        "/api/conversations",
    ):
        assert world.account.name not in charlie_client.get(url).content.decode()
        assert alice_client.get(url).status_code == 200


def test_anonymous_is_sent_to_login(world: World, client: Any) -> None:
    response = client.get(reverse("accounts:detail", args=[world.account.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert client.get("/api/accounts").status_code == 401


def test_switching_to_a_team_one_is_not_in_is_404(world: World, charlie_client: Any) -> None:
    response = charlie_client.post(reverse("team_switch"), {"team": world.account.team_id})
    assert response.status_code == 404


def test_for_team_none_is_empty(world: World) -> None:
    assert Account.objects.for_team(None).count() == 0
    assert Account.objects.for_team(world.account.team).count() == 1


def test_dates_are_plain_json_in_audit(world: World, alice: Any) -> None:
    from fasit.customers.services import account_update

    account_update(
        account=world.account, actor=alice, data={"customer_since": dt.date(2020, 2, 29)}
    )
    event = AuditEvent.objects.filter(object_type="customers.account", action="update").get()
    assert event.changes == {"customer_since": [None, "2020-02-29"]}
    assert event.actor == alice


def test_charlie_as_staff_reaches_no_admin_page_for_team_a(world: World, charlie: Any) -> None:
    """The admin is superusers only; a staff flag on another team's owner opens nothing."""
    from django.test import Client

    from fasit.core.tests.test_admin import _admin_urls

    charlie.is_staff = True
    charlie.save(update_fields=["is_staff"])
    client = Client()
    client.force_login(charlie)
    records = {
        "customers.Account": world.account,
        "customers.Person": world.person,
        "customers.PersonRole": world.role,
        "conversations.Conversation": world.conversation,
        "conversations.FollowUp": world.follow_up,
        "buying.Journey": world.journey,
        "signals.Statement": world.statement,
        "signals.Proposal": world.proposal,
        "tenancy.Membership": world.membership,
        "tenancy.Team": world.account.team,
    }
    statuses = {url: client.get(url).status_code for url in _admin_urls(records)}
    assert statuses == dict.fromkeys(statuses, 302)


def test_feeds_answer_only_members_of_their_team(
    world: World, alice: Any, charlie_client: Any, client: Any
) -> None:
    """A live feed is a bearer address: it serves its member's dates to whoever holds
    it, and nothing once that member has left the team, by any path."""
    from fasit.tenancy.services import membership_remove

    dora = world.membership.user
    feed = calendar_feed_regenerate(team=world.account.team, user=dora, actor=alice)
    url = reverse("relationships:feed", args=[feed.token])
    assert client.get(url).status_code == 200
    # charlie's session opens nothing more than the address itself would.
    assert (
        charlie_client.get(reverse("relationships:feed", args=[world.feed_token])).status_code
        == 404
    )
    membership_remove(membership=world.membership, actor=alice)
    assert client.get(url).status_code == 404
    assert charlie_client.get(url).status_code == 404

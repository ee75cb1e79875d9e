from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from fasit.conversations.models import Conversation, FollowUp, TranscriptFile
from fasit.core.markdown import render_markdown
from fasit.testing import AccountFactory, ConversationFactory, PersonRoleFactory

# A few days back from the session's today (the log form refuses nothing in the past,
# but a fixed date would sit next to a view that reads the clock).
MET_ON = timezone.localdate() - dt.timedelta(days=3)
MET_AT = f"{MET_ON.isoformat()}T09:30"


def test_quick_log_with_follow_up(team_a: Any, bob: Any, bob_client: Any) -> None:
    role = PersonRoleFactory(person__team=team_a)
    response = bob_client.post(
        reverse("conversations:log"),
        {
            "account": role.account.pk,
            "kind": "coffee",
            "occurred_at": MET_AT,
            "initiated_by": "customer",
            "people": [role.person.pk],
            "notes": "Vi trenger kortere leveringstid.",
            "follow_up": "Send tilbud",
            "follow_up_due": (MET_ON + dt.timedelta(days=7)).isoformat(),
        },
    )
    conversation = Conversation.objects.get()
    assert response.status_code == 302
    assert (conversation.kind, conversation.initiated_by) == ("coffee", "customer")
    assert list(conversation.people.all()) == [role.person]
    assert list(conversation.users.all()) == [bob]
    assert FollowUp.objects.get().owner == bob


def test_log_form_loads_the_accounts_people_with_htmx(team_a: Any, bob_client: Any) -> None:
    role = PersonRoleFactory(person__team=team_a, person__name="Kari Berg")
    html = bob_client.get(
        reverse("conversations:people_choices"),
        {"account": role.account.pk},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert "Kari Berg" in html
    assert 'id="people-boxes"' in html
    assert "<html" not in html


def test_log_form_offers_a_short_searchable_list_of_people(team_a: Any, bob_client: Any) -> None:
    account = AccountFactory(team=team_a)
    for i in range(20):
        PersonRoleFactory(person__team=team_a, person__name=f"Person {i:02d}", account=account)
    chosen = PersonRoleFactory(
        person__team=team_a, person__name="Kari Berg", account=account
    ).person
    url = reverse("conversations:people_choices")
    plain = bob_client.get(url, {"account": account.pk}).content.decode()
    found = bob_client.get(
        url, {"account": account.pk, "people_q": "03", "people": [chosen.pk]}
    ).content.decode()
    assert plain.count('name="people"') == 12
    assert found.count('name="people"') == 2
    assert "Person 03" in found
    assert f'value="{chosen.pk}" checked' in found


def test_person_of_another_team_cannot_be_a_participant(
    team_a: Any, team_b: Any, bob_client: Any
) -> None:
    account = AccountFactory(team=team_a)
    foreign = PersonRoleFactory(person__team=team_b)
    bob_client.post(
        reverse("conversations:log"),
        {
            "account": account.pk,
            "kind": "call",
            "occurred_at": MET_AT,
            "initiated_by": "us",
            "people": [foreign.person.pk],
        },
    )
    assert Conversation.objects.count() == 0


def test_empty_transcript_is_refused_and_nothing_saved(team_a: Any, bob_client: Any) -> None:
    account = AccountFactory(team=team_a)
    response = bob_client.post(
        reverse("conversations:log"),
        {
            "account": account.pk,
            "kind": "video",
            "occurred_at": MET_AT,
            "initiated_by": "us",
            "transcript": SimpleUploadedFile("empty.vtt", b""),
        },
    )
    assert "empty" in response.content.decode()
    assert Conversation.objects.count() == 0


@override_settings(FASIT_MAX_UPLOAD_BYTES=100)
def test_oversized_transcript_is_refused(team_a: Any, bob_client: Any) -> None:
    conversation = ConversationFactory(team=team_a)
    response = bob_client.post(
        reverse("conversations:transcript_upload", args=[conversation.pk]),
        {"transcript": SimpleUploadedFile("big.vtt", b"x" * 101)},
        follow=True,
    )
    assert "the limit is" in response.content.decode()
    assert TranscriptFile.objects.count() == 0


TINY_VTT = "WEBVTT\n\n00:00.000 --> 00:02.000\nKari: Hei på deg\n"


def test_transcript_upload_and_download(team_a: Any, bob_client: Any) -> None:
    conversation = ConversationFactory(team=team_a)
    bob_client.post(
        reverse("conversations:transcript_upload", args=[conversation.pk]),
        {"transcript": SimpleUploadedFile("møte.vtt", TINY_VTT.encode())},
    )
    download = bob_client.get(reverse("conversations:transcript_download", args=[conversation.pk]))
    assert download.content.decode() == TINY_VTT


def test_notes_markdown_is_sanitised() -> None:
    html = render_markdown("**Viktig** <script>alert(1)</script> [x](javascript:alert(1))")
    assert "<strong>Viktig</strong>" in html
    assert "<script" not in html
    assert "javascript:" not in html


def test_follow_up_toggle_with_htmx(team_a: Any, bob_client: Any) -> None:
    conversation = ConversationFactory(team=team_a)
    follow_up = FollowUp.objects.create(conversation=conversation, task="Ring Kari")
    response = bob_client.post(
        reverse("conversations:followup_toggle", args=[follow_up.pk]), HTTP_HX_REQUEST="true"
    )
    follow_up.refresh_from_db()
    assert follow_up.done
    assert "<s>Ring Kari</s>" in response.content.decode()


def test_conversation_list_filters_by_kind(team_a: Any, alice_client: Any) -> None:
    ConversationFactory(team=team_a, kind="coffee", subject="Kaffe med Kari")
    ConversationFactory(team=team_a, kind="call", subject="Telefon med Ola")
    html = alice_client.get(reverse("conversations:list"), {"kind": "coffee"}).content.decode()
    assert "Kaffe med Kari" in html
    assert "Telefon med Ola" not in html


def test_log_form_offers_my_accounts_and_finds_others(team_a: Any, bob: Any, bob_client: Any) -> None:
    AccountFactory(team=team_a, name="Mine AS", owner=bob)
    AccountFactory(team=team_a, name="Someone Elses AB")
    form = bob_client.get(reverse("conversations:log")).content.decode()
    found = bob_client.get(
        reverse("conversations:account_choices"), {"account_search": "elses"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Mine AS" in form
    assert "Someone Elses AB" not in form
    assert "Someone Elses AB" in found
    assert "Mine AS" not in found


def test_account_search_never_finds_another_teams_accounts(team_a: Any, team_b: Any, charlie_client: Any) -> None:
    AccountFactory(team=team_a, name="Fjord Energi AS")
    found = charlie_client.get(reverse("conversations:account_choices"), {"account_search": "fjord"})
    assert "Fjord Energi AS" not in found.content.decode()

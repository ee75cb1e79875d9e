"""A conversation's history (core.audit.record_events): its own changes and those of its
follow-ups, also of follow-ups since deleted; long notes read as "text changed" with
their length, not as two texts. Every member can open it; another team gets a 404."""

from __future__ import annotations

from typing import Any

import pytest

from fasit.conversations import services
from fasit.core.audit import changes_of, history
from fasit.testing import AccountFactory

pytestmark = pytest.mark.django_db

NOTES = "Kunden vil ha kortere leveringstid. " * 20  # 700 characters


def _conversation(team: Any, actor: Any) -> Any:
    account = AccountFactory(team=team, name="Fjord Kraft")
    conversation = services.conversation_log(
        team=team, actor=actor, account=account, subject="Oppstart", notes="Kort."
    )
    services.conversation_update(conversation=conversation, actor=actor, data={"notes": NOTES})
    follow_up = services.followup_create(conversation=conversation, actor=actor, task="Send tilbud")
    services.followup_delete(follow_up=follow_up, actor=actor)
    return conversation


def test_a_conversations_history_lists_a_deleted_follow_up(team_a: Any, alice: Any) -> None:
    conversation = _conversation(team_a, alice)
    rows = history(conversation)
    assert [(r["action"], r["record_type"]) for r in rows] == [
        ("create", "conversations.conversation"),
        ("update", "conversations.conversation"),
        ("create", "conversations.followup"),
        ("delete", "conversations.followup"),
    ]
    assert changes_of(rows[1])["notes"] == ["Kort.", NOTES]
    assert changes_of(rows[3])["task"] == ["Send tilbud", None]
    # Long text is measured for a page, not shown.
    notes = next(c for c in rows[1]["changes"] if c["field"] == "notes")
    assert notes["size"] == [5, len(NOTES)]


def test_the_conversation_history_page_says_the_notes_changed_not_what_they_say(
    team_a: Any,
    alice: Any,
    alice_client: Any,
    victor_client: Any,
    charlie_client: Any,
    alice_api: Any,
    victor_api: Any,
    charlie_api: Any,
) -> None:
    conversation = _conversation(team_a, alice)
    url = f"/conversations/{conversation.pk}/history/"
    page = alice_client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    rows = html.split("<tbody>")[1].split("</tr>")
    assert "Deleted" in rows[0] and "Send tilbud" in rows[0]
    assert f"text changed (5 → {len(NOTES)} characters)" in rows[2]
    assert "leveringstid" not in rows[2]
    assert victor_client.get(url).status_code == 200
    assert charlie_client.get(url).status_code == 404
    assert url in victor_client.get(f"/conversations/{conversation.pk}/").content.decode()

    api = f"/api/conversations/{conversation.pk}/history"
    body = alice_api.get(api, {"limit": 2}).json()
    assert body["count"] == 4
    assert [i["action"] for i in body["items"]] == ["create", "update"]
    # The API gives the texts whole, as the audit keeps them.
    notes = next(c for c in body["items"][1]["changes"] if c["field"] == "notes")
    assert notes == {"field": "notes", "label": "notes", "old": "Kort.", "new": NOTES}
    rest = alice_api.get(api, {"after": body["next_after"]}).json()
    assert [i["record_type"] for i in rest["items"]] == ["conversations.followup"] * 2
    assert victor_api.get(api).status_code == 200
    assert charlie_api.get(api).status_code == 404

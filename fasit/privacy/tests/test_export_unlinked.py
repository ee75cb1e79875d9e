"""A person's export lists the statements and proposals made of their transcript turns
even when their speaker was linked to nobody: erasure removes those rows as theirs
(``erasure.theirs``), so "what do you hold about me" must show them, and the erasure
preview must count them."""

from __future__ import annotations

import json
from typing import Any

from django.urls import reverse

from fasit.conversations.models import TranscriptSpeaker
from fasit.privacy.erasure import erasure_preview, person_erase
from fasit.privacy.selectors import person_dossier
from fasit.privacy.tests.conftest import NAME, Rich
from fasit.signals.models import Proposal, Source, Statement
from fasit.signals.services import proposals_from_turns, statement_create
from fasit.testing import PersonFactory

# A sentence of her fourth turn in the fixture's transcript.
ASKED = "Hvorfor tar det tre uker i dag?"
LEASE = "Vi vil også lease maskinene."


def _unlinked(rich: Rich, alice: Any) -> tuple[Statement, Proposal]:
    """Her speaker is unlinked (the name still matches exactly); a statement and a
    proposal are taken from her turn with nobody as the person."""
    TranscriptSpeaker.objects.filter(analysis=rich.analysis, name=NAME).update(person=None)
    statement = statement_create(
        team=rich.person.team,
        actor=alice,
        conversation=rich.meeting,
        text=ASKED,
        source=Source.TRANSCRIPT,
    )
    # The analysis proposed her sentence while her speaker was linked; proposed again
    # now, it would be the same row, so it is made as the analysis would have made it
    # with her speaker unlinked.
    Proposal.objects.filter(conversation=rich.meeting, text=LEASE).delete()
    [proposal] = proposals_from_turns(conversation=rich.meeting, turns=[(LEASE, None, "", "")])
    assert statement.person_id is None and proposal.person_id is None
    return statement, proposal


def test_the_export_lists_rows_made_of_her_unlinked_turns(rich: Rich, alice: Any) -> None:
    statement, proposal = _unlinked(rich, alice)
    d = person_dossier(rich.person)
    said = {s["text"]: s for s in d["statements"]}
    assert said[ASKED]["attributed_to_them"] is False
    assert said[ASKED]["conversation"] == rich.meeting.pk
    # Her own attributed statement is still there, marked as hers.
    assert any(s["attributed_to_them"] for s in d["statements"])
    proposed = {p["text"]: p for p in d["proposed_statements"]}
    assert proposed[LEASE]["attributed_to_them"] is False
    assert proposed[LEASE]["status"] == str(Proposal.Status.PENDING.label)
    json.dumps(d)

    # Somebody else at the same meeting does not get her words.
    other = PersonFactory(team=rich.person.team, name="Per Hansen")
    rich.meeting.people.add(other)
    d_other = person_dossier(other)
    assert ASKED not in {s["text"] for s in d_other["statements"]}
    assert LEASE not in {p["text"] for p in d_other["proposed_statements"]}


def test_the_preview_counts_what_erasure_removes(rich: Rich, alice: Any) -> None:
    statement, proposal = _unlinked(rich, alice)
    listed = len(person_dossier(rich.person)["statements"])
    assert erasure_preview(rich.person)["statements"] == listed
    person_erase(person=rich.person, actor=alice, channel="web")
    assert not Statement.objects.filter(pk=statement.pk).exists()
    assert not Proposal.objects.filter(pk=proposal.pk).exists()


def test_the_page_shows_them_to_members_only(
    rich: Rich, alice: Any, bob_client: Any, charlie_client: Any, victor_client: Any
) -> None:
    _unlinked(rich, alice)
    pk = rich.person.pk
    html = bob_client.get(f"/api/privacy/people/{pk}/export?format=html").content.decode()
    assert ASKED in html and LEASE in html
    assert "from a transcript turn of theirs, not linked to them" in html
    data = json.loads(bob_client.get(reverse("privacy:export", args=[pk, "json"])).content)
    assert {p["text"] for p in data["proposed_statements"]} >= {LEASE}
    # Another team's user finds no such person; a viewer may not export.
    assert charlie_client.get(reverse("privacy:export", args=[pk, "json"])).status_code == 404
    assert charlie_client.get(f"/api/privacy/people/{pk}/export").status_code == 404
    assert victor_client.get(reverse("privacy:export", args=[pk, "json"])).status_code == 403

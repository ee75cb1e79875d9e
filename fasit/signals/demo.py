"""Demo step: statements from the demo conversations' notes, grouped into themes.

Sellers in the demo have kept what Fasit proposed from conversations older than
two weeks; the newer ones still wait for a decision, so the proposal flow shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from fasit.conversations.models import Conversation
from fasit.engine.signals.proposals import propose
from fasit.signals.models import Proposal, Source, Statement
from fasit.signals.services import signals_regroup
from fasit.tenancy.models import Team

BATCH = 2000
# Distinct note texts whose proposals are kept (bounded memory at any scale).
PROPOSED_KEPT = 20_000


def seed(
    *,
    team: Team,
    users: dict[str, Any],
    today: dt.date,
    seed: int,
    scale: int,
    log: Callable[[str], None],
) -> dict[str, int]:
    kept_before = today - dt.timedelta(days=14)
    statements: list[Statement] = []
    proposals: list[Proposal] = []
    counts = {"statements": 0, "proposals waiting": 0}

    def flush() -> None:
        created = Statement.objects.bulk_create(statements, batch_size=BATCH)
        for proposal, statement in zip(
            [p for p in proposals if p.status == Proposal.Status.ACCEPTED], created, strict=True
        ):
            proposal.statement = statement
        Proposal.objects.bulk_create(proposals, batch_size=BATCH)
        counts["statements"] += len(created)
        counts["proposals waiting"] += sum(p.status == Proposal.Status.PENDING for p in proposals)
        statements.clear()
        proposals.clear()

    conversations = (
        Conversation.objects.for_team(team)
        .exclude(notes="")
        .prefetch_related("people")
        .order_by("id")
    )
    # The demo's notes are drawn from a few hundred sentences, so most texts recur:
    # propose() is a pure function of the text, and asking it once per distinct text
    # took the step's CPU from about 1.2 ms to a fraction of that per conversation.
    proposed: dict[str, list[Any]] = {}
    for conversation in conversations.iterator(chunk_size=BATCH):
        people = list(conversation.people.all())
        person = people[0] if len(people) == 1 else None
        said_on = conversation.occurred_at.date()
        found_in_notes = proposed.get(conversation.notes)
        if found_in_notes is None:
            found_in_notes = propose(conversation.notes)
            if len(proposed) < PROPOSED_KEPT:
                proposed[conversation.notes] = found_in_notes
        for found in found_in_notes:
            accepted = said_on < kept_before
            proposal = Proposal(
                team=team,
                conversation=conversation,
                person=person,
                text=found.text.strip(),
                kind=found.kind,
                language=found.language,
                source=Source.NOTES,
                status=Proposal.Status.ACCEPTED if accepted else Proposal.Status.PENDING,
                # The id, not the user: reading created_by ran one query per conversation.
                decided_by_id=conversation.created_by_id if accepted else None,
            )
            proposals.append(proposal)
            if accepted:
                statements.append(
                    Statement(
                        team=team,
                        conversation=conversation,
                        account_id=conversation.account_id,
                        person=person,
                        text=proposal.text,
                        language=found.language,
                        kind=found.kind,
                        said_on=said_on,
                        source=Source.NOTES,
                        created_by_id=conversation.created_by_id,
                    )
                )
        if len(proposals) >= BATCH:
            flush()
    flush()
    log("grouping statements into themes…")
    counts["themes"] = signals_regroup(team=team, keep_index=False)
    return counts

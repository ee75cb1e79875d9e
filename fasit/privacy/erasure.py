"""The right to erasure (GDPR Art. 17): a person removed from everywhere Fasit keeps
them, in one transaction.

- Their own rows go: the person, roles, profile, consents, cadence, buying-group
  places, notices, access log, their place in conversations.
- What they said goes: their transcript turns and speaker name (the meeting and its
  listening figures stay), their statements (themes are recounted and a theme that
  falls a level says why), proposals and buying motives made of their words.
- Uploaded import files that hold them go (``uploads``).
- Mentions of them go: their name, e-mail and phone (and family members' full names)
  anywhere in the team's text, found from the model graph; in the meetings they were
  in, their first or last name alone too.
- The audit log keeps that their records existed and changed, and that an erasure
  happened, by whom and when, but none of the values. An entry that gave a row from
  them to another person keeps the move, with "[erased]" for them.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from functools import reduce
from typing import Any

from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.db.models import Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from fasit.buying.models import Journey, Motive
from fasit.buying.motives import recount as recount_motives
from fasit.conversations.models import Conversation
from fasit.core.audit import audit_record, person_fields, touch
from fasit.core.models import AuditEvent
from fasit.customers.models import Person
from fasit.privacy.events import person_erased
from fasit.privacy.models import RegisterEntry
from fasit.privacy.redaction import Redactor, name_pattern
from fasit.privacy.scrub import scrub_conversations, scrub_team
from fasit.privacy.transcripts import erase_from_transcripts, spoken_by
from fasit.privacy.uploads import erase_from_uploads
from fasit.signals.models import Level, Notification, Proposal, Source, Statement, Theme
from fasit.signals.services import statements_forget
from fasit.tenancy.models import Team


@dataclass(frozen=True)
class Redactors:
    everywhere: Redactor
    in_the_room: Redactor


def person_redactors(person: Person, placeholder: str) -> Redactors:
    family = [n for n in person.familymembers.values_list("name", flat=True) if n.strip()]
    everywhere = Redactor.for_person(
        name=person.name,
        email=person.email,
        phone=person.phone,
        other_names=[n for n in family if len(n.split()) >= 2],
        placeholder=placeholder,
    )
    # Other people whose names share a word with this person's keep their names.
    parts = [w for w in person.name.split() if len(w) >= 2]
    alike = Q()
    for part in parts:
        alike |= Q(name__iregex=name_pattern(part))
    namesakes = (
        list(
            Person.objects.for_team(person.team)
            .filter(alike)
            .exclude(pk=person.pk)
            .values_list("name", flat=True)[:500]
        )
        if parts
        else []
    )
    return Redactors(
        everywhere, everywhere.with_name_parts(person.name, *family, protect=namesakes)
    )


def own_records(person: Person) -> dict[type[models.Model], list[Any]]:
    """Every row that points at the person (found from the model graph)."""
    records: dict[type[models.Model], list[Any]] = {Person: [person.pk]}
    for relation in Person._meta.related_objects:
        if relation.many_to_many:
            continue
        model = relation.related_model
        ids = list(
            model._default_manager.filter(**{relation.field.name: person}).values_list(
                "pk", flat=True
            )
        )
        if ids:
            records.setdefault(model, []).extend(ids)
    return records


def history_arms(person_ref: int, records: dict[type[models.Model], list[Any]]) -> list[Q]:
    """The audit entries that are the person's, one condition per kind (``united``
    reads them): what erasure blanks and what their export lists.

    - every entry that names them as the person of the row (``person_ref``), whatever
      the row and whether it still exists (a removed motive, buying-group place,
      statement or cadence, whose parent is another record);
    - the entries of their records (``records``: their own rows and the statements and
      proposals made of their words) and of rows kept with those records, deleted ones
      included (a removed role: its entries name the person as their parent)."""
    # The partial indexes' own conditions, so SQLite sees that they apply.
    arms = [Q(person_ref=str(person_ref)) & ~Q(person_ref="")]
    for model, ids in records.items():
        keys = sorted({str(pk) for pk in ids})
        if not keys:
            continue
        label = model._meta.label_lower
        arms.append(Q(object_type=label, object_id__in=keys))
        arms.append(Q(parent_type=label, parent_id__in=keys) & ~Q(parent_id=""))
    return arms


def united(team: Team, arms: list[Q]) -> QuerySet[AuditEvent]:
    """The team's entries that meet any of ``arms``, each once. SQLite without
    statistics walks every entry of the team for an OR of them (136 ms at 400,000
    entries), so there it is one index search per arm and their ids united (as
    core/audit.py ``record_events``); PostgreSQL ORs the same indexes' bitmaps, and
    re-reading the united ids row by row cost it ten times that (33-58 ms against
    4-7 ms for 808 entries)."""
    entries = AuditEvent.objects.for_team(team)
    if connection.vendor == "postgresql":
        return entries.filter(reduce(operator.or_, arms))
    ids = [entries.filter(arm).order_by().values("pk") for arm in arms]
    return AuditEvent.objects.filter(pk__in=ids[0].union(*ids[1:], all=True))


def _blank_history(
    team: Team, person_ref: int, records: dict[type[models.Model], list[Any]], placeholder: str
) -> int:
    """Keep that each record was created, changed or deleted, by whom and when; drop
    what it said (``history_arms``). Django admin's log of the same records too."""
    blanked = united(team, history_arms(person_ref, records)).update(
        object_repr=placeholder, changes={}
    )
    for model, ids in records.items():
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[str(pk) for pk in ids],
        ).update(object_repr=placeholder, change_message="")
    return blanked


def _unname_moves(team: Team, person_ref: int, placeholder: str) -> int:
    """Entries that gave a row from the person to another (``moved_from``: a statement
    given to the one who said it) belong to the other's history too: the change keeps
    who did it, when, and who has the row now, and the person's side of it becomes the
    placeholder. Their own entries (``person_ref``) were blanked whole."""
    count = 0
    entries = (
        AuditEvent.objects.for_team(team)
        .filter(moved_from=str(person_ref))
        .exclude(person_ref=str(person_ref))
        .values_list("pk", "object_type", "changes")
    )
    for pk, object_type, changes in entries:
        try:
            fields = person_fields(apps.get_model(object_type))
        except (LookupError, ValueError):
            fields = []
        changes = dict(changes or {})
        unnamed = 0
        for name in fields:
            pair = changes.get(name)
            if isinstance(pair, list) and len(pair) == 2 and pair[0] not in (None, placeholder):
                changes[name] = [placeholder, pair[1]]
                unnamed += 1
        if unnamed:
            AuditEvent.objects.filter(pk=pk).update(changes=changes)
            count += 1
    return count


def _normal(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


def _made_of(model: type[Statement] | type[Proposal], spoken: dict[int, list[str]]) -> set[int]:
    """Rows of ``model`` taken from transcript turns the person spoke (``spoken``:
    conversation id -> their turns), attributed to them or to nobody (a speaker not
    mapped). One query whatever the number of meetings."""
    said = {cid: [_normal(t) for t in texts] for cid, texts in spoken.items() if texts}
    if not said:
        return set()
    rows = model.objects.filter(
        conversation_id__in=list(said), source=Source.TRANSCRIPT
    ).values_list("pk", "conversation_id", "text")
    return {pk for pk, cid, text in rows if any(_normal(text) in s for s in said[cid])}


@dataclass
class Theirs:
    """The rows that are the person's: what erasure removes and whose history it blanks."""

    records: dict[type[models.Model], list[Any]]
    statements: set[int]
    proposals: QuerySet[Proposal]


def theirs(person: Person, spoken: dict[int, list[str]]) -> Theirs:
    """``own_records`` with the statements made of transcript turns they spoke
    (attributed to nobody when the speaker was not mapped) and the proposals made of
    their statements or turns (``spoken``: ``transcripts.spoken_by``, or what the
    transcript erasure took out). Each read by its own index: an OR of person and
    statement had SQLite walk the team's proposals."""
    records = own_records(person)
    statements = {*records.get(Statement, []), *_made_of(Statement, spoken)}
    proposal_ids = {
        *records.get(Proposal, []),
        *Proposal.objects.filter(statement_id__in=statements).values_list("pk", flat=True),
        *_made_of(Proposal, spoken),
    }
    records[Statement] = sorted(statements)
    records[Proposal] = sorted(proposal_ids)
    proposals = Proposal.objects.for_team(person.team).filter(pk__in=records[Proposal])
    return Theirs(records, statements, proposals)


def person_history(person: Person, their: Theirs | None = None) -> QuerySet[AuditEvent]:
    """Every audit entry that is the person's, each once, unordered: the entries
    erasure blanks (``history_arms`` of ``theirs``) and those that gave a row of theirs
    to another person (``moved_from``, kept in the other's history; erasure takes the
    person's name out of them). Their access export lists these; it passes the
    ``theirs`` it already read."""
    team = person.team
    if their is None:
        their = theirs(person, spoken_by(person))
    arms = history_arms(person.pk, their.records)
    arms.append(Q(moved_from=str(person.pk)) & ~Q(moved_from=""))
    return united(team, arms)


def _say_why(team: Team, drops: list[tuple[Theme, str]], actor: Any) -> None:
    levels = dict(Level.choices)
    for theme, old in drops:
        with translation.override(team.language):
            text = ngettext(
                "“%(theme)s” fell from %(old)s to %(new)s: a statement in it was erased "
                "with the person who made it (GDPR); %(accounts)s independent customer "
                "remains.",
                "“%(theme)s” fell from %(old)s to %(new)s: a statement in it was erased "
                "with the person who made it (GDPR); %(accounts)s independent customers "
                "remain.",
                theme.accounts,
            ) % {
                "theme": theme.name,
                "old": str(levels[old]).lower(),
                "new": str(levels[theme.level]).lower(),
                "accounts": theme.accounts,
            }
        Notification.objects.create(team=team, theme=theme, level=theme.level, text=text[:300])
        audit_record(
            team=team,
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            instance=theme,
            changes={"level": [old, theme.level], "why": [None, "statement erased (GDPR)"]},
        )


@transaction.atomic
def person_erase(*, person: Person, actor: Any, channel: str, reason: str = "") -> RegisterEntry:
    """Erase ``person`` everywhere (see the module's docstring). ``channel``: web, api,
    cli or retention. Returns the register entry that records the erasure."""
    team = person.team
    person = Person.objects.select_for_update().get(pk=person.pk)
    person_ref = person.pk
    with translation.override(team.language):
        placeholder = _("[erased]")
        erased_label = _("Erased person")
    redactors = person_redactors(person, placeholder)
    attended_ids = Conversation.people.through.objects.filter(person_id=person_ref).values(
        "conversation_id"
    )
    attended = set(attended_ids.values_list("conversation_id", flat=True))

    transcripts = erase_from_transcripts(
        person=person,
        redactor=redactors.everywhere,
        in_the_room=redactors.in_the_room,
        attended=attended,
    )
    imports = erase_from_uploads(person=person)
    their = theirs(person, transcripts.spoken)
    statements, proposals, records = their.statements, their.proposals, their.records
    motives = Motive.objects.for_team(team).filter(person=person)
    counts = {
        "conversations": len(attended),
        "transcripts": transcripts.transcripts,
        "transcript turns": transcripts.turns,
        "imported files": imports,
        "statements": len(statements),
        "proposals": proposals.count(),
        "buying motives": motives.count(),
        "records": sum(len(ids) for ids in records.values()),
    }
    counts["audit entries blanked"] = _blank_history(team, person_ref, records, placeholder)
    counts["moves unnamed"] = _unname_moves(team, person_ref, placeholder)
    # A copy kept in step with the API reads these again (core/audit.py): the
    # conversations lose a participant, the journeys a group member or motive.
    touch(Conversation.objects.filter(pk__in=attended))
    touch(
        Journey.objects.for_team(team).filter(Q(members__person=person) | Q(motives__person=person))
    )
    proposals.delete()
    motives.delete()
    changed = scrub_conversations(
        team=team, conversation_ids=attended_ids, redactor=redactors.in_the_room
    )
    person.delete()
    for label, ids in scrub_team(team=team, redactor=redactors.everywhere).items():
        changed.setdefault(label, set()).update(ids)
    # Their motives went and others' were scrubbed past the services: the insight
    # page's per-theme motive counts and wordings are counted again.
    recount_motives([team.pk])
    counts["rows rewritten"] = sum(len(ids) for ids in changed.values())
    drops = statements_forget(
        team=team,
        statement_ids=statements,
        rewritten_ids=changed.get(Statement._meta.label, set()),
    )
    counts["themes fallen a level"] = len(drops)
    _say_why(team, drops, actor)

    RegisterEntry.objects.for_team(team).filter(person_ref=person_ref).update(person_label="")
    user = actor if getattr(actor, "is_authenticated", False) else None
    entry = RegisterEntry.objects.create(
        team=team,
        kind=RegisterEntry.Kind.ERASURE,
        person_ref=person_ref,
        actor=user,
        channel=channel,
        detail=redactors.everywhere.scrub(reason)[:300],
        counts=counts,
    )
    AuditEvent.objects.create(
        team=team,
        actor=user,
        action=AuditEvent.Action.DELETE,
        object_type=Person._meta.label_lower,
        object_id=str(person_ref),
        object_repr=erased_label,
        changes={"erased": [None, channel]},
    )
    transaction.on_commit(
        lambda: person_erased.send(
            sender=Person, team=team, person_id=person_ref, actor=user, entry=entry
        )
    )
    return entry


def erasure_preview(person: Person) -> dict[str, int]:
    """What erasing the person would remove, for the confirmation page and the CLI."""
    team = person.team
    return {
        "roles": person.roles.count(),
        "profile_items": sum(
            getattr(person, f"{m}s").count()
            for m in ("familymember", "interest", "lifeevent", "importantdate")
        ),
        "conversations": Conversation.objects.for_team(team).filter(people=person).count(),
        "transcripts": person.transcript_speakers.values("analysis_id").distinct().count(),
        # What erasure removes: also the statements made of their transcript turns
        # when their speaker was not linked to them (``theirs``).
        "statements": len(theirs(person, spoken_by(person)).statements),
        "buying_motives": Motive.objects.for_team(team).filter(person=person).count(),
    }

"""Reads for privacy: everything held about one person (access and portability, Art.
15 and 20), the team's records of processing (Art. 30 input), and who looked."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from fasit.buying.models import BuyingGroupMember, Motive
from fasit.conversations.models import Conversation, FollowUp, ListeningAnalysis, TranscriptTurn
from fasit.core.audit import import_origin
from fasit.core.forms import user_label
from fasit.core.models import AuditEvent
from fasit.customers.models import (
    Consent,
    FamilyMember,
    ImportantDate,
    Interest,
    LegalBasis,
    LifeEvent,
    Person,
    PersonRole,
)
from fasit.privacy.erasure import person_history, theirs
from fasit.privacy.models import AccessLog, ErasureCandidate, RegisterEntry
from fasit.privacy.redaction import Redactor
from fasit.privacy.retention import team_rules, team_settings
from fasit.privacy.scrub import matching
from fasit.privacy.transcripts import spoken_by
from fasit.signals.models import Statement
from fasit.tenancy.models import Membership, Team


def _date(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat(timespec="minutes")
    return str(value.isoformat())


def _name(user: Any) -> str | None:
    return user_label(user) if user is not None else None


def _imported(origin: dict[str, Any] | None) -> dict[str, Any] | None:
    if origin is None:
        return None
    return {
        "file": origin["file"],
        "line": origin["line"],
        "import": origin["job"],
        "at": _date(origin["at"]),
        "by": _name(origin["actor"]),
    }


def person_dossier(person: Person) -> dict[str, Any]:
    """Everything Fasit holds about ``person``, JSON-ready. Bounded queries whatever the
    number of conversations (each list is one query, or two with its related rows)."""
    team = person.team
    attended = Conversation.objects.for_team(team).filter(people=person)
    redactor = Redactor.for_person(
        name=person.name, email=person.email, phone=person.phone, placeholder=""
    )
    conversations = (
        attended.select_related("account")
        .prefetch_related("users", "follow_ups")
        .order_by("-occurred_at", "-id")
    )
    # An imported person's creation is the import's one entry (file, line, who, when).
    origin = import_origin(person)
    # Their rows as erasure sees them: statements and proposals include those made of
    # transcript turns they spoke while their speaker was linked to nobody.
    their = theirs(person, spoken_by(person))
    mentions = matching(
        Conversation.objects.for_team(team).exclude(pk__in=attended.values("pk")),
        [Conversation._meta.get_field("subject"), Conversation._meta.get_field("notes")],
        redactor,
    ).select_related("account")
    mentioned_tasks = matching(
        FollowUp.objects.for_team(team).exclude(conversation__in=attended.values("pk")),
        [FollowUp._meta.get_field("task")],
        redactor,
    ).select_related("conversation")
    return {
        "generated_at": _date(timezone.now()),
        "team": team.name,
        "controller": team_settings(team).controller_name or team.name,
        "person": {
            "id": person.pk,
            "name": person.name,
            "email": person.email,
            "phone": person.phone,
            "country": person.country,
            "preferred_way_to_meet": person.get_preferred_meeting_display() or None,
            "what_matters": person.what_matters,
            "notes": person.notes,
            "legal_basis": person.legal_basis,
            "legal_basis_label": str(person.get_legal_basis_display()),
            "legal_basis_recorded_on": _date(person.legal_basis_recorded_on),
            "legal_basis_recorded_by": _name(person.legal_basis_recorded_by),
            "data_source": str(person.get_data_source_display()),
            "data_source_detail": person.data_source_detail,
            "created_at": _date(person.created_at),
            "updated_at": _date(person.updated_at),
            "imported_from": _imported(origin),
        },
        "roles": [
            {
                "account": r.account.name,
                "title": r.title,
                "buying_role": r.get_buying_role_display(),
            }
            for r in PersonRole.objects.filter(person=person).select_related("account")
        ],
        "family": [
            {"relation": f.relation, "name": f.name, "note": f.note}
            for f in FamilyMember.objects.filter(person=person)
        ],
        "interests": [i.name for i in Interest.objects.filter(person=person)],
        "life_events": [
            {"date": _date(e.date), "text": e.text} for e in LifeEvent.objects.filter(person=person)
        ],
        "important_dates": [
            {
                "kind": d.get_kind_display(),
                "day": d.day,
                "month": d.month,
                "year": d.year,
                "label": d.label,
            }
            for d in ImportantDate.objects.filter(person=person)
        ],
        "consents": [
            {
                "wording": c.wording,
                "given_on": _date(c.given_on),
                "recorded_by": _name(c.recorded_by),
                "withdrawn_on": _date(c.withdrawn_on),
            }
            for c in Consent.objects.filter(person=person).select_related("recorded_by")
        ],
        "information_notices": [
            {"sent_on": _date(n.sent_on), "language": n.language, "how": n.get_channel_display()}
            for n in person.information_notices.all()
        ],
        "conversations": [
            {
                "id": c.pk,
                "when": _date(c.occurred_at),
                "kind": c.get_kind_display(),
                "account": c.account.name,
                "subject": c.subject,
                "notes": c.notes,
                "our_participants": [user_label(u) for u in c.users.all()],
                "follow_ups": [
                    {"task": f.task, "due": _date(f.due_date), "done": f.done}
                    for f in c.follow_ups.all()
                ],
            }
            for c in conversations
        ],
        "mentioned_in": [
            {
                "conversation": c.pk,
                "when": _date(c.occurred_at),
                "account": c.account.name,
                "subject": c.subject,
                "notes": c.notes,
            }
            for c in mentions
            if redactor.found_in(f"{c.subject}\n{c.notes}")
        ]
        + [
            {"follow_up": f.pk, "conversation": f.conversation_id, "task": f.task}
            for f in mentioned_tasks
            if redactor.found_in(f.task)
        ],
        "statements": [
            {
                "said_on": _date(s.said_on),
                "text": s.text,
                "kind": s.get_kind_display(),
                "language": s.language,
                "theme": s.theme.name if s.theme else None,
                "conversation": s.conversation_id,
                # False: taken from a transcript turn of theirs, attributed to nobody.
                "attributed_to_them": s.person_id == person.pk,
            }
            for s in Statement.objects.for_team(team)
            .filter(pk__in=sorted(their.statements))
            .select_related("theme")
        ],
        "proposed_statements": [
            {
                "text": p.text,
                "question": p.question,
                "kind": p.get_kind_display(),
                "status": p.get_status_display(),
                "conversation": p.conversation_id,
                "attributed_to_them": p.person_id == person.pk,
            }
            for p in their.proposals.order_by("id")
        ],
        "buying_groups": [
            {
                "journey": m.journey.title,
                "account": m.journey.account.name,
                "role": m.get_role_display(),
                "stance": m.get_stance_display(),
                "note": m.note,
            }
            for m in BuyingGroupMember.objects.filter(person=person).select_related(
                "journey__account"
            )
        ],
        "buying_motives": [
            {"journey": m.journey.title, "text": m.text, "about": m.get_theme_display()}
            for m in Motive.objects.filter(person=person).select_related("journey")
        ],
        "transcript_turns": [
            {
                "conversation": t.analysis.conversation_id,
                "when": _date(t.analysis.conversation.occurred_at),
                "start_seconds": t.start,
                "end_seconds": t.end,
                "text": t.text,
            }
            for t in TranscriptTurn.objects.filter(speaker__person=person)
            .select_related("analysis__conversation")
            .order_by("analysis__conversation__occurred_at", "analysis_id", "index")
        ],
        "audit": [
            *(
                [
                    {
                        "at": _date(origin["at"]),
                        "by": _name(origin["actor"]),
                        "action": str(AuditEvent.Action.CREATE.label),
                        "record": Person._meta.label_lower,
                        "changes": {"imported_from": [None, origin["imported_from"]]},
                    }
                ]
                if origin
                else []
            ),
            *(
                {
                    "at": _date(e.at),
                    "by": _name(e.actor),
                    "action": e.get_action_display(),
                    "record": e.object_type,
                    "changes": e.changes,
                }
                # Everything erasure would blank or unname: entries of rows deleted
                # since that named them too (a removed role, motive or statement).
                for e in person_history(person, their).select_related("actor").order_by("at", "id")
            ),
        ],
        "looked_at_by": [
            {"at": _date(a.created_at), "by": _name(a.user), "what": a.get_what_display()}
            for a in AccessLog.objects.for_team(team).filter(person=person).select_related("user")
        ],
    }


def dossier_counts(dossier: dict[str, Any]) -> dict[str, int]:
    return {key: len(value) for key, value in dossier.items() if isinstance(value, list)}


# -- the records of processing (Art. 30) ------------------------------------------------


def records_of_processing(team: Team) -> dict[str, Any]:
    """Categories held, their purposes, legal bases and retention: what an owner needs
    for the team's record of processing activities."""
    people = Person.objects.for_team(team)
    bases = dict(
        people.values_list("legal_basis").annotate(n=Count("id")).values_list("legal_basis", "n")
    )
    rules = team_rules(team)
    counts = {
        "contact": people.count(),
        "roles": PersonRole.objects.for_team(team).count(),
        "profile": FamilyMember.objects.for_team(team).count()
        + Interest.objects.for_team(team).count()
        + ImportantDate.objects.for_team(team).count()
        + LifeEvent.objects.for_team(team).count()
        + people.exclude(what_matters="", notes="").count(),
        "conversations": Conversation.objects.for_team(team).count(),
        "transcripts": ListeningAnalysis.objects.for_team(team).count(),
        "statements": Statement.objects.for_team(team).count(),
        "buying": BuyingGroupMember.objects.for_team(team).count()
        + Motive.objects.for_team(team).filter(person__isnull=False).count(),
        "consents": Consent.objects.for_team(team).count(),
        "access": AccessLog.objects.for_team(team).count(),
    }
    members = dict(
        Membership.objects.for_team(team)
        .values_list("role")
        .annotate(n=Count("id"))
        .values_list("role", "n")
    )
    return {
        "counts": counts,
        "categories": [
            {"key": key, "label": label, "purpose": purpose, "basis": basis, "n": counts[key]}
            for key, label, purpose, basis in CATEGORIES
        ],
        "bases": [
            {
                "basis": basis,
                "label": str(label),
                "people": bases.get(basis, 0),
                "months": rules.get(basis),
            }
            for basis, label in LegalBasis.choices
        ],
        "members": members,
        "settings": team_settings(team),
        "pending": ErasureCandidate.objects.for_team(team)
        .filter(status=ErasureCandidate.Status.PENDING)
        .count(),
    }


# (key in ``records_of_processing()["counts"]``, category, purpose, legal bases)
CATEGORIES = [
    (
        "contact",
        _("Name and work contact details (e-mail, phone, country)"),
        _("Keeping in touch with customers and prospects"),
        _("Every person's recorded legal basis"),
    ),
    (
        "roles",
        _("Employer, title and buying role"),
        _("Knowing who decides and who to talk to"),
        _("Every person's recorded legal basis"),
    ),
    (
        "profile",
        _("Human profile: family, interests, important dates, life events, what matters"),
        _("Knowing customers as people; reminders of their important days"),
        _("Legitimate interest or consent, as recorded per person"),
    ),
    (
        "conversations",
        _("Notes of conversations and meetings, follow-ups"),
        _("Being on: real contact with every account"),
        _("Every person's recorded legal basis"),
    ),
    (
        "transcripts",
        _("Meeting transcripts (what was said, by whom)"),
        _("Listening feedback to sellers; hearing customers' needs"),
        _("Every person's recorded legal basis"),
    ),
    (
        "statements",
        _("Statements: what customers said about their needs"),
        _("Market signals: what several customers ask for"),
        _("Every person's recorded legal basis"),
    ),
    (
        "buying",
        _("Buying groups, stances and buying motives"),
        _("Following how customers buy"),
        _("Every person's recorded legal basis"),
    ),
    (
        "consents",
        _("Consents and their wording"),
        _("Proving consent"),
        _("Legal obligation (GDPR Art. 7(1))"),
    ),
    (
        "access",
        _("Who read a full profile or transcript"),
        _("Security: accountability for sensitive data"),
        _("Legitimate interest"),
    ),
]


def records_export(team: Team) -> dict[str, Any]:
    """The records page as plain rows (for CSV and JSON)."""
    data = records_of_processing(team)
    return {
        "team": team.name,
        "generated_at": _date(timezone.now()),
        "categories": [
            {
                "category": str(label),
                "purpose": str(purpose),
                "legal_basis": str(basis),
                "records": data["counts"][key],
            }
            for key, label, purpose, basis in CATEGORIES
        ],
        "legal_bases": [
            {
                "legal_basis": row["label"],
                "people": row["people"],
                "months_without_contact": row["months"],
            }
            for row in data["bases"]
        ],
        "register": [
            {
                "at": _date(entry.created_at),
                "what": str(entry.get_kind_display()),
                "person_id": entry.person_ref,
                "person": entry.person_label,
                "by": _name(entry.actor),
                "how": str(entry.get_channel_display()),
                "detail": entry.detail,
            }
            for entry in register(team)
        ],
    }


def register(team: Team) -> QuerySet[RegisterEntry]:
    return RegisterEntry.objects.for_team(team).select_related("actor")


def access_log(
    team: Team, *, person: Person | None = None, user: Any = None
) -> QuerySet[AccessLog]:
    entries = AccessLog.objects.for_team(team).select_related(
        "user", "person", "conversation__account"
    )
    if person is not None:
        # The person's own profile, and transcripts of meetings they were in.
        entries = entries.filter(Q(person=person) | Q(conversation__people=person)).distinct()
    if user is not None:
        entries = entries.filter(user=user)
    return entries


def review_queue(team: Team) -> QuerySet[ErasureCandidate]:
    return ErasureCandidate.objects.for_team(team).select_related(
        "person", "requested_by", "decided_by"
    )


def notices_due(team: Team) -> QuerySet[Person]:
    """People whose data came from someone else and who have not been given the
    information notice yet (oldest first)."""
    return (
        Person.objects.for_team(team)
        .filter(data_source="other", information_notices__isnull=True)
        .order_by("created_at")
    )

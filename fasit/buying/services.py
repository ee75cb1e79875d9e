"""Writes for buying processes and journeys. Each is atomic and audited.

Removing a stage that journeys are in moves them to the neighbouring stage (the one
before it, or the one after when the first stage is removed), with a stage change
that says why; their time in stage is kept. The last stage of a process cannot be
removed.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from fasit.buying import motives, visits
from fasit.buying.defaults import DEFAULT_STAGES
from fasit.buying.models import (
    BuyingGroupMember,
    BuyingProcess,
    Journey,
    Motive,
    Outcome,
    Stage,
    StageChange,
    SuggestionDismissal,
)
from fasit.conversations.models import Conversation
from fasit.core.audit import audit_create, audit_delete, audit_update, snapshot
from fasit.core.formatting import format_date
from fasit.core.models import RecordGone
from fasit.core.services import model_update, require_same_team
from fasit.customers.models import Account, CustomerCategory, Person
from fasit.tenancy.models import Team

STAGE_FIELDS = (
    "name",
    "questions",
    "signs",
    "sign_keywords",
    "buying_support",
    "selling_support",
    "typical_days",
)
JOURNEY_FIELDS = (
    "title",
    "value",
    "currency",
    "forecast_probability",
    "forecast_close",
    "forecast_value",
)


def _lines(items: Any) -> str:
    return "\n".join(str(item) for item in items)


def _default_stages(process: BuyingProcess) -> list[Stage]:
    return [
        Stage(
            process=process,
            order=index,
            name=str(d.name),
            questions=_lines(d.questions),
            signs=_lines(d.signs),
            sign_keywords=d.keywords,
            buying_support=_lines(f"- {s}" for s in d.buying_support),
            selling_support=_lines(f"- {s}" for s in d.selling_support),
            typical_days=d.typical_days,
        )
        for index, d in enumerate(DEFAULT_STAGES)
    ]


# -- processes -----------------------------------------------------------------


def link_visits(journeys: Any) -> None:
    """Set each stage change's ``left_on`` to the date of its journey's next change
    (date, then id order, the engine's), None on the latest. Called by every service
    that adds stage changes: a change may fall between others on the same day."""
    changes = StageChange.objects.filter(journey__in=journeys).order_by(
        "journey_id", "changed_on", "id"
    )
    stale = []
    rows = list(changes.only("id", "journey_id", "changed_on", "left_on"))
    for i, change in enumerate(rows):
        following = rows[i + 1] if i + 1 < len(rows) else None
        left_on = (
            following.changed_on
            if following is not None and following.journey_id == change.journey_id
            else None
        )
        if change.left_on != left_on:
            change.left_on = left_on
            stale.append(change)
    StageChange.objects.bulk_update(stale, ["left_on"])
    if not visits.keeping():
        # Written without the services (the demo, a team import): count the teams'
        # visits again, the per-stage counts cannot know what changed.
        chosen = (
            journeys
            if isinstance(journeys, QuerySet)
            else Journey.objects.filter(pk__in=[j.pk for j in journeys])
        )
        visits.recount(chosen.order_by().values_list("team_id", flat=True).distinct())


@transaction.atomic
def process_create(
    *,
    team: Team,
    actor: Any,
    category: CustomerCategory | None = None,
    name: str = "",
    description: str = "",
    copy_from: BuyingProcess | None = None,
) -> BuyingProcess:
    """A process for ``category`` (None: the team's default), filled with the default
    template in the team's language, or with a copy of ``copy_from``'s stages."""
    require_same_team(team, category=category, copy_from=copy_from)
    if BuyingProcess.objects.for_team(team).filter(category=category).exists():
        raise ValidationError(
            {"category": _("This category has a buying process already; edit that one.")}
        )
    with translation.override(team.language):
        default_name = (
            _("Buying process: %(category)s") % {"category": category.name}
            if category
            else _("Default buying process")
        )
        process = BuyingProcess(
            team=team,
            category=category,
            name=(name or default_name).strip(),
            description=description,
        )
        process.full_clean()
        process.save()
        if copy_from is not None:
            stages = [
                Stage(process=process, order=i, **{f: getattr(s, f) for f in STAGE_FIELDS})
                for i, s in enumerate(copy_from.stages.all())
            ]
        else:
            stages = _default_stages(process)
    Stage.objects.bulk_create(stages)
    audit_create(team=team, actor=actor, instance=process)
    return process


def process_for_account(*, team: Team, actor: Any, account: Account) -> BuyingProcess:
    """The process of the account's category; made from the default template when the
    team has none yet, so a journey can always start."""
    process = BuyingProcess.objects.for_team(team).filter(category=account.category_id).first()
    if process is None:
        process = process_create(team=team, actor=actor, category=account.category)
    return process


@transaction.atomic
def process_update(*, process: BuyingProcess, actor: Any, data: dict[str, Any]) -> BuyingProcess:
    process, _changed = model_update(
        instance=process,
        fields=("name", "description"),
        data=data,
        team=process.team,
        actor=actor,
    )
    return process


# -- stages ----------------------------------------------------------------------


def _position(stages: list[Stage], stage: Stage) -> int:
    """Where ``stage`` stands among its process's ``stages`` as read now. Another
    request may have removed it since this one read it (two removals of the same stage
    at once): that answers 404, as a moment later, before anything is written."""
    for index, candidate in enumerate(stages):
        if candidate.pk == stage.pk:
            return index
    raise RecordGone(f"stage {stage.pk} no longer exists")


def _renumber(process: BuyingProcess) -> list[Stage]:
    stages = list(Stage.objects.filter(process=process).order_by("order", "id"))
    for index, stage in enumerate(stages):
        stage.order = index
    Stage.objects.bulk_update(stages, ["order"])
    return stages


@transaction.atomic
def stage_add(*, process: BuyingProcess, actor: Any, name: str, typical_days: int = 30) -> Stage:
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the stage a name.")})
    last = Stage.objects.filter(process=process).aggregate(m=Max("order"))["m"]
    stage = Stage(
        process=process,
        name=name,
        order=0 if last is None else last + 1,
        typical_days=typical_days,
    )
    stage.full_clean()
    stage.save()
    audit_create(team=process.team, actor=actor, instance=stage)
    return stage


@transaction.atomic
def stage_update(*, stage: Stage, actor: Any, data: dict[str, Any]) -> Stage:
    if "name" in data:
        data = {**data, "name": (data["name"] or "").strip()}
        if not data["name"]:
            raise ValidationError({"name": _("Give the stage a name.")})
    stage, _changed = model_update(
        instance=stage, fields=STAGE_FIELDS, data=data, team=stage.process.team, actor=actor
    )
    return stage


@transaction.atomic
def stage_move(*, stage: Stage, actor: Any, direction: str) -> list[Stage]:
    """Swap the stage with its neighbour; journeys keep their stage, so their place in
    the process follows the new order."""
    if direction not in {"up", "down"}:
        raise ValidationError({"direction": _("Move a stage up or down.")})
    stages = _renumber(stage.process)
    index = _position(stages, stage)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(stages):
        return stages
    before = snapshot(stages[index], ["order"])
    stages[index].order, stages[other].order = other, index
    Stage.objects.bulk_update([stages[index], stages[other]], ["order"])
    audit_update(team=stage.process.team, actor=actor, instance=stages[index], before=before)
    return sorted(stages, key=lambda s: s.order)


@transaction.atomic
def stage_remove(*, stage: Stage, actor: Any) -> Stage | None:
    """Remove a stage; journeys in it move to the neighbouring stage (see the module
    docstring). Returns that neighbour, or None when no journey had to move."""
    team = stage.process.team
    stages = _renumber(stage.process)
    if len(stages) == 1:
        raise ValidationError(
            _("A buying process needs at least one stage; add another before removing this one.")
        )
    index = _position(stages, stage)
    neighbour = stages[index - 1] if index > 0 else stages[index + 1]
    moved = list(Journey.objects.for_team(team).filter(stage=stage))
    with translation.override(team.language):
        note = _(
            "The stage “%(stage)s” was removed from the template on %(date)s; "
            "the journey moved to the neighbouring stage “%(neighbour)s”."
        ) % {
            "stage": stage.name,
            "date": timezone.localdate().isoformat(),
            "neighbour": neighbour.name,
        }
    with visits.kept(moved):
        _move_out(team, actor, stage, neighbour, moved, note)
    audit_delete(team=team, actor=actor, instance=stage)
    stage.delete()
    _renumber(neighbour.process)
    return neighbour if moved else None


def _move_out(
    team: Team, actor: Any, stage: Stage, neighbour: Stage, moved: list[Journey], note: str
) -> None:
    for journey in moved:
        # Dated at the journey's stage_since so its time in stage is kept.
        change = StageChange.objects.create(
            journey=journey,
            from_stage=stage,
            to_stage=neighbour,
            from_name=stage.name,
            to_name=neighbour.name,
            changed_on=journey.stage_since,
            note=note,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        before = snapshot(journey, ["stage"])
        journey.stage = neighbour
        journey.save(update_fields=["stage", "updated_at"])
        audit_create(team=team, actor=actor, instance=change)
        audit_update(team=team, actor=actor, instance=journey, before=before)
    link_visits(moved)


# -- journeys --------------------------------------------------------------------


def _check_forecast(
    probability: int | None, value: Decimal | None, order_value: Decimal | None = None
) -> None:
    errors = {}
    if order_value is not None and order_value < 0:
        errors["value"] = _("The value cannot be negative.")
    if probability is not None and not 0 <= probability <= 100:
        errors["forecast_probability"] = _("A probability is between 0 and 100 %.")
    if value is not None and value < 0:
        errors["forecast_value"] = _("The value cannot be negative.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def journey_create(
    *,
    team: Team,
    actor: Any,
    account: Account,
    title: str,
    value: Decimal | None = None,
    currency: str = "NOK",
    stage: Stage | None = None,
    started_on: dt.date | None = None,
    note: str = "",
    forecast_probability: int | None = None,
    forecast_close: dt.date | None = None,
    forecast_value: Decimal | None = None,
) -> Journey:
    require_same_team(team, account=account)
    title = title.strip()
    if not title:
        raise ValidationError({"title": _("Say what the customer is considering buying.")})
    _check_forecast(forecast_probability, forecast_value, value)
    process = process_for_account(team=team, actor=actor, account=account)
    stages = list(process.stages.all())
    if stage is None:
        stage = stages[0]
    elif stage.process_id != process.pk:
        raise ValidationError(
            {"stage": _("Choose a stage of the buying process for this account's category.")}
        )
    started_on = started_on or timezone.localdate()
    if started_on > timezone.localdate():
        raise ValidationError({"started_on": _("The date cannot be in the future.")})
    journey = Journey(
        team=team,
        account=account,
        process=process,
        title=title,
        value=value,
        currency=currency,
        stage=stage,
        stage_since=started_on,
        forecast_probability=forecast_probability,
        forecast_close=forecast_close,
        forecast_value=forecast_value,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    journey.full_clean()
    journey.save()
    with visits.kept([journey]):
        first = StageChange.objects.create(
            journey=journey,
            to_stage=stage,
            to_name=stage.name,
            changed_on=started_on,
            note=note.strip(),
            created_by=journey.created_by,
        )
    audit_create(team=team, actor=actor, instance=journey)
    # The first stage change is audited like every later one: the journey's history
    # shows where the buyer started, when, and on what evidence.
    audit_create(team=team, actor=actor, instance=first)
    return journey


@transaction.atomic
def journey_update(*, journey: Journey, actor: Any, data: dict[str, Any]) -> Journey:
    _check_forecast(data.get("forecast_probability"), data.get("forecast_value"), data.get("value"))
    if "title" in data and not (data["title"] or "").strip():
        raise ValidationError({"title": _("Say what the customer is considering buying.")})
    journey, _changed = model_update(
        instance=journey, fields=JOURNEY_FIELDS, data=data, team=journey.team, actor=actor
    )
    return journey


@transaction.atomic
def journey_set_outcome(
    *, journey: Journey, actor: Any, outcome: str, closed_on: dt.date | None = None
) -> Journey:
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Choose an outcome from the list.")})
    closed = None if outcome == Outcome.OPEN else (closed_on or timezone.localdate())
    # The journey's open visit is counted under its outcome.
    with visits.kept([journey]):
        journey, _changed = model_update(
            instance=journey,
            fields=("outcome", "closed_on"),
            data={"outcome": outcome, "closed_on": closed},
            team=journey.team,
            actor=actor,
        )
    return journey


@transaction.atomic
def journey_change_stage(
    *,
    journey: Journey,
    actor: Any,
    stage: Stage,
    changed_on: dt.date | None = None,
    conversation: Conversation | None = None,
    note: str = "",
) -> StageChange:
    """Move the buyer to ``stage``, with evidence: a conversation, a note, or both."""
    team = journey.team
    require_same_team(team, conversation=conversation)
    note = note.strip()
    errors: dict[str, str] = {}
    if stage.process_id != journey.process_id:
        errors["stage"] = _("Choose a stage of this journey's buying process.")
    elif stage.pk == journey.stage_id:
        errors["stage"] = _("The customer is at this stage already.")
    if conversation is not None and conversation.account_id != journey.account_id:
        errors["conversation"] = _("Choose a conversation with this account.")
    if conversation is None and not note:
        errors["note"] = _(
            "Give the evidence: the conversation where it showed, or what the customer said or did."
        )
    changed_on = changed_on or timezone.localdate()
    if changed_on > timezone.localdate():
        errors["changed_on"] = _("The date cannot be in the future.")
    elif changed_on < journey.stage_since:
        errors["changed_on"] = _(
            "The customer entered the current stage on %(date)s; a change cannot be earlier."
        ) % {"date": format_date(journey.stage_since)}
    if journey.outcome != Outcome.OPEN:
        errors["stage"] = _("This journey is closed; reopen it to change its stage.")
    if errors:
        raise ValidationError(errors)
    before = snapshot(journey, ["stage", "stage_since"])
    with visits.kept([journey]):
        change = StageChange.objects.create(
            journey=journey,
            from_stage=journey.stage,
            to_stage=stage,
            from_name=journey.stage.name,
            to_name=stage.name,
            changed_on=changed_on,
            conversation=conversation,
            note=note,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        link_visits([journey])
    change.refresh_from_db(fields=["left_on"])
    journey.stage = stage
    journey.stage_since = changed_on
    journey.save(update_fields=["stage", "stage_since", "updated_at"])
    audit_create(team=team, actor=actor, instance=change)
    audit_update(team=team, actor=actor, instance=journey, before=before)
    return change


@transaction.atomic
def journey_delete(*, journey: Journey, actor: Any) -> None:
    audit_delete(team=journey.team, actor=actor, instance=journey)
    journey.delete()


# -- buying group and motives ----------------------------------------------------


@transaction.atomic
def member_set(
    *,
    journey: Journey,
    actor: Any,
    person: Person,
    role: str = "",
    stance: str = "unknown",
    note: str = "",
) -> BuyingGroupMember:
    """Add a person to the buying group, or update their role and stance."""
    require_same_team(journey.team, person=person)
    member = BuyingGroupMember.objects.filter(journey=journey, person=person).first()
    if member is None:
        member = BuyingGroupMember(
            journey=journey, person=person, role=role, stance=stance, note=note.strip()
        )
        member.full_clean()
        member.save()
        audit_create(team=journey.team, actor=actor, instance=member)
        return member
    member, _changed = model_update(
        instance=member,
        fields=("role", "stance", "note"),
        data={"role": role, "stance": stance, "note": note.strip()},
        team=journey.team,
        actor=actor,
    )
    return member


@transaction.atomic
def member_remove(*, member: BuyingGroupMember, actor: Any) -> None:
    audit_delete(team=member.journey.team, actor=actor, instance=member)
    member.delete()


@transaction.atomic
def motive_add(
    *,
    journey: Journey,
    actor: Any,
    text: str,
    person: Person | None = None,
    theme: str = "other",
    pulls: str = "change",
    conversation: Conversation | None = None,
) -> Motive:
    require_same_team(journey.team, person=person, conversation=conversation)
    if conversation is not None and conversation.account_id != journey.account_id:
        raise ValidationError({"conversation": _("Choose a conversation with this account.")})
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write the motive in the customer's own words.")})
    motive = Motive(
        journey=journey,
        person=person,
        text=text,
        theme=theme,
        pulls=pulls,
        conversation=conversation,
    )
    motive.full_clean()
    with motives.kept([journey.process_id], [motive.theme]):
        motive.save()
    audit_create(team=journey.team, actor=actor, instance=motive)
    return motive


@transaction.atomic
def motive_remove(*, motive: Motive, actor: Any) -> None:
    audit_delete(team=motive.journey.team, actor=actor, instance=motive)
    with motives.kept([motive.journey.process_id], [motive.theme]):
        motive.delete()


# -- stage suggestions -----------------------------------------------------------


@transaction.atomic
def suggestion_accept(*, journey: Journey, actor: Any, conversation: Conversation) -> StageChange:
    """Accept Fasit's suggestion for this conversation: a stage change with the
    conversation as its evidence. Refused when there is no such suggestion (any more)."""
    from fasit.buying.selectors import journey_suggestions

    require_same_team(journey.team, conversation=conversation)
    suggestion = next(
        (s for s in journey_suggestions(journey) if s.conversation.pk == conversation.pk), None
    )
    if suggestion is None:
        raise ValidationError(
            _("There is no stage suggestion for this conversation any more; reload the page.")
        )
    with translation.override(journey.team.language):
        note = _("Suggested by Fasit from the conversation notes (matched: %(words)s).") % {
            "words": ", ".join(suggestion.matched)
        }
    return journey_change_stage(
        journey=journey,
        actor=actor,
        stage=suggestion.stage,
        changed_on=max(journey.stage_since, timezone.localtime(conversation.occurred_at).date()),
        conversation=conversation,
        note=note,
    )


@transaction.atomic
def suggestion_dismiss(
    *, journey: Journey, actor: Any, conversation: Conversation
) -> SuggestionDismissal:
    require_same_team(journey.team, conversation=conversation)
    dismissal, created = SuggestionDismissal.objects.get_or_create(
        journey=journey,
        conversation=conversation,
        defaults={"dismissed_by": actor if getattr(actor, "is_authenticated", False) else None},
    )
    if created:
        audit_create(team=journey.team, actor=actor, instance=dismissal)
    return dismissal

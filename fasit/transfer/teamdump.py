"""The full team export as JSON, and its import into an empty team.

Which rows belong to a team is read from the model graph, not listed by hand: a model
with a ``team`` foreign key, or a foreign key to such a model (a role through its
person, a transcript turn through its analysis, its conversation and its team). A
model another engineer adds tomorrow is exported and restored without a change here.

Each row keeps its id in the export (stable: the same record has the same id in every
export of the team); references are those ids. Users are referred to by username and
listed with their role, so the file can be restored on another installation. On
import every row gets a new id and every reference is translated, self-references
(corporate groups) after all rows of the model exist. Rows are saved "raw", as
``loaddata`` does, so timestamps come back as they were and no side effects run.

Left out, on purpose: the team's calendar-feed tokens and invitations (secrets that
must not leave; an invitation names someone who is not yet in the team),
import jobs and their files (operational), account health, Being on row and person
knowledge snapshots (derived; recomputed on the next read), per-stage visit counts (derived;
counted again by the import), the search index (derived; rebuilt by the import), and
API tokens, webhooks, mailbox connections, BCC addresses and calendar subscriptions
(secrets of this installation; see EXCLUDED).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Iterator
from typing import IO, Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fasit.buying.models import Journey
from fasit.buying.motives import recount as recount_motives
from fasit.buying.services import link_visits
from fasit.core.audit import PERSON_MODEL
from fasit.customers.models import Person, refresh_name_days
from fasit.search.documents import index_team
from fasit.tenancy.models import Membership, Team

FORMAT = "fasit-team-export"
VERSION = 1
EXCLUDED = {
    "relationships.calendarfeed",
    "relationships.accounthealth",
    "relationships.accountrowsnapshot",
    "relationships.personknowledgesnapshot",
    "relationships.accountknowledgesnapshot",
    # Counted from the stage history again by the import (link_visits).
    "buying.stagevisitcount",
    # Counted from the motives again by the import (motives.recount).
    "buying.motivethemecount",
    # Derived from the records and keyed by their ids: rebuilt after a restore.
    "search.searchentry",
    "transfer.importjob",
    "transfer.importchunk",
    "tenancy.invitation",
    "tenancy.membership",
    "tenancy.team",
    # Secrets (hashed tokens, signing secrets, encrypted mailbox passwords, private
    # calendar links) stay in the installation that issued them, and so does what only
    # records their use: a restored team connects its mailboxes, calendars, tokens and
    # webhooks anew.
    "tenancy.apitoken",
    "webhooks.webhookendpoint",
    "webhooks.webhookdelivery",
    "webhooks.darkaccount",
    "capture.mailconnection",
    "capture.mailaddress",
    "capture.calendarsource",
}


def _is_user(model: Any) -> bool:
    return model is get_user_model()


def team_models() -> list[tuple[type[models.Model], str]]:
    """Every model holding team data, with the lookup from it to its team, parents
    before children."""
    found: dict[type[models.Model], str] = {}
    candidates = [
        m
        for m in apps.get_models()
        if m._meta.label_lower not in EXCLUDED and not m._meta.auto_created
    ]
    changed = True
    while changed:
        changed = False
        for model in candidates:
            if model in found:
                continue
            # A foreign key to the team itself first, wherever the model declares it
            # (a field redefined from an abstract parent comes after the parent's).
            fields = sorted(
                model._meta.concrete_fields,
                key=lambda f: f.is_relation and f.related_model is not Team,
            )
            for field in fields:
                if not field.is_relation or field.related_model is None:
                    continue
                if field.related_model is Team:
                    found[model] = field.name
                elif field.related_model in found and field.related_model is not model:
                    found[model] = f"{field.name}__{found[field.related_model]}"
                else:
                    continue
                changed = True
                break
    return [(m, found[m]) for m in _ordered(list(found))]


def _ordered(models_: list[type[models.Model]]) -> list[type[models.Model]]:
    """Parents first (a model after every model its non-self foreign keys point to)."""
    remaining, ordered = list(models_), []
    while remaining:
        for model in remaining:
            needs = {
                f.related_model
                for f in model._meta.concrete_fields
                if f.is_relation and f.related_model in remaining and f.related_model is not model
            }
            if not needs:
                ordered.append(model)
                remaining.remove(model)
                break
        else:  # a cycle through nullable keys: take the first and defer its keys
            ordered.append(remaining.pop(0))
    return ordered


def _plain(field: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode()
    if isinstance(field, models.JSONField):
        return value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, int | float | bool | str):
        return value
    return str(value)


def _plain_m2m(model: type[models.Model]) -> list[Any]:
    """Many-to-many fields kept as lists; one with its own model (a person's accounts
    through their roles) is exported as that model's rows instead."""
    return [f for f in model._meta.many_to_many if f.remote_field.through._meta.auto_created]


def _row(model: type[models.Model], obj: models.Model, usernames: dict[int, str]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        value = getattr(obj, field.attname)
        if field.is_relation and field.related_model is Team:
            continue
        if field.is_relation and _is_user(field.related_model):
            fields[field.name] = usernames.get(value) if value is not None else None
        elif isinstance(field, models.FileField):
            fields[field.name] = value or None
        else:
            fields[field.name] = _plain(field, value)
    for field in _plain_m2m(model):
        ids = list(getattr(obj, field.name).values_list("pk", flat=True).order_by("pk"))
        if _is_user(field.related_model):
            fields[field.name] = sorted(usernames[i] for i in ids if i in usernames)
        else:
            fields[field.name] = ids
    return {"pk": obj.pk, "fields": fields}


def _users(team: Team) -> tuple[list[dict[str, Any]], dict[int, str]]:
    memberships = (
        Membership.objects.for_team(team).select_related("user").order_by("user__username")
    )
    users = [
        {
            "username": m.user.username,
            "email": m.user.email,
            "first_name": m.user.first_name,
            "last_name": m.user.last_name,
            "role": m.role,
        }
        for m in memberships
    ]
    usernames = dict(get_user_model().objects.values_list("pk", "username"))
    return users, usernames


def export_team(team: Team, out: IO[str]) -> dict[str, int]:
    """Write the team as JSON to ``out``, one model at a time; returns rows per model."""
    users, usernames = _users(team)
    counts: dict[str, int] = {}
    head = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "team": {"name": team.name, "slug": team.slug, "language": team.language},
        "users": users,
    }
    out.write(json.dumps(head, ensure_ascii=False, cls=DjangoJSONEncoder)[:-1])
    out.write(', "models": {')
    for position, (model, path) in enumerate(team_models()):
        label = model._meta.label_lower
        out.write(("," if position else "") + f"\n{json.dumps(label)}: [")
        rows = model._default_manager.filter(**{path: team}).order_by("pk")
        n = 0
        for obj in rows.iterator(chunk_size=2000):
            out.write(
                ("," if n else "")
                + "\n"
                + json.dumps(_row(model, obj, usernames), ensure_ascii=False)
            )
            n += 1
        out.write("]")
        counts[label] = n
    out.write("\n}}\n")
    return counts


def iter_team_rows(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for label, rows in data.get("models", {}).items():
        for row in rows:
            yield label, row


def _team_is_empty(team: Team) -> bool:
    """No team records yet. Audit entries about what an export never holds (the
    token a restore script calls the API with, invitations, webhooks, mailboxes) do
    not count: setting a new team up for the restore leaves them."""
    for model, path in team_models():
        label = model._meta.label_lower
        if label == "market_signals.signalstate":
            continue
        rows = model._default_manager.filter(**{path: team})
        if label == "core.auditevent":
            rows = rows.exclude(object_type__in=EXCLUDED)
        if rows.exists():
            return False
    return True


def _resolve_users(team: Team, users: list[dict[str, Any]]) -> dict[str, int]:
    """Usernames of the export to users here: by username, then e-mail; anyone
    missing is created without a password (an owner sets one) and joins the team."""
    model = get_user_model()
    found: dict[str, int] = {}
    for entry in users:
        user = model.objects.filter(username=entry["username"]).first()
        if user is None and entry.get("email"):
            user = model.objects.filter(email__iexact=entry["email"]).first()
        if user is None:
            user = model(
                username=entry["username"],
                email=entry.get("email", ""),
                first_name=entry.get("first_name", ""),
                last_name=entry.get("last_name", ""),
            )
            user.set_unusable_password()
            user.save()
        Membership.objects.get_or_create(
            team=team, user=user, defaults={"role": entry.get("role", "member")}
        )
        found[entry["username"]] = user.pk
    return found


def _load(field: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(field, models.BinaryField):
        return base64.b64decode(value)
    if isinstance(field, models.JSONField):
        return value
    return field.to_python(value)


@transaction.atomic
def import_team(team: Team, data: dict[str, Any], actor: Any = None) -> dict[str, int]:
    """Restore an export into ``team``, which must be empty. All or nothing."""
    if data.get("format") != FORMAT or data.get("version") != VERSION:
        raise ValidationError(_("This is not a Fasit team export."))
    if not _team_is_empty(team):
        raise ValidationError(_("A team export can only be imported into an empty team."))
    user_ids = _resolve_users(team, data.get("users", []))
    known = {model._meta.label_lower: model for model, _path in team_models()}
    id_maps: dict[str, dict[int, int]] = {}
    counts: dict[str, int] = {}
    # The signal state row a team gets on creation is replaced by the exported one.
    for model, path in team_models():
        if model._meta.label_lower == "market_signals.signalstate":
            model._default_manager.filter(**{path: team}).delete()
    for model, _path in team_models():
        label = model._meta.label_lower
        rows = data.get("models", {}).get(label, [])
        id_map = id_maps.setdefault(label, {})
        deferred: list[tuple[models.Model, str, int]] = []
        m2m_later: list[tuple[models.Model, str, list[Any]]] = []
        for row in rows:
            obj = model()
            for field in model._meta.concrete_fields:
                if field.primary_key:
                    continue
                if field.is_relation and field.related_model is Team:
                    setattr(obj, field.attname, team.pk)
                    continue
                if field.name not in row["fields"]:
                    continue
                value = row["fields"][field.name]
                if field.is_relation and _is_user(field.related_model):
                    setattr(obj, field.attname, user_ids.get(value) if value else None)
                elif field.is_relation:
                    target = field.related_model._meta.label_lower
                    if value is None:
                        setattr(obj, field.attname, None)
                    elif field.related_model is model:
                        deferred.append((obj, field.attname, value))
                        setattr(obj, field.attname, None)
                    elif target in id_maps and value in id_maps[target]:
                        setattr(obj, field.attname, id_maps[target][value])
                    elif target in known:
                        raise ValidationError(
                            _("The export refers to a missing %(model)s %(id)s.")
                            % {"model": target, "id": value}
                        )
                    else:
                        setattr(obj, field.attname, value)
                else:
                    setattr(obj, field.attname, _load(field, value))
            models.Model.save_base(obj, raw=True)
            id_map[int(row["pk"])] = obj.pk
            for field in _plain_m2m(model):
                if field.name in row["fields"]:
                    m2m_later.append((obj, field.name, row["fields"][field.name]))
        for obj, attname, old in deferred:
            setattr(obj, attname, id_map.get(old))
            models.Model.save_base(obj, raw=True, update_fields=[attname.removesuffix("_id")])
        for obj, name, values in m2m_later:
            field = model._meta.get_field(name)
            if _is_user(field.related_model):
                ids = [user_ids[v] for v in values if v in user_ids]
            else:
                ids = [id_maps[field.related_model._meta.label_lower][v] for v in values]
            getattr(obj, name).set(ids)
        counts[label] = len(rows)
    _remap_audit(team, id_maps)
    # An export made before stage changes kept the date their visit ended has no
    # left_on: work it out, or every visit of the team would read as still open.
    link_visits(Journey.objects.filter(team=team))
    # Motives saved raw pass by the services that keep their per-theme counts.
    recount_motives([team.pk])
    # Rows saved raw pass by Person.save: derive the almanac name days by this
    # installation's almanacs (an older export has none, another's may differ).
    refresh_name_days(Person.objects.for_team(team))
    # Rows saved raw send no signal the search index listens to; index the team whole.
    index_team(team)
    return counts


def _remap_audit(team: Team, id_maps: dict[str, dict[int, int]]) -> None:
    """Audit entries name their record by type and id; point them at the new ids."""
    from fasit.core.models import AuditEvent

    changed = []
    for event in AuditEvent.objects.for_team(team):
        found = False
        for type_field, id_field in (("object_type", "object_id"), ("parent_type", "parent_id")):
            mapping = id_maps.get(getattr(event, type_field))
            old = getattr(event, id_field)
            if mapping and old.isdigit() and int(old) in mapping:
                setattr(event, id_field, str(mapping[int(old)]))
                found = True
        people = id_maps.get(PERSON_MODEL)
        for field in ("person_ref", "moved_from"):
            ref = getattr(event, field)
            if people and ref.isdigit() and int(ref) in people:
                setattr(event, field, str(people[int(ref)]))
                found = True
        if found:
            changed.append(event)
    AuditEvent.objects.bulk_update(
        changed, ["object_id", "parent_id", "person_ref", "moved_from"], batch_size=1000
    )

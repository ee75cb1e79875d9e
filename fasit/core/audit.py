"""Audit records, written by the service that makes a change in its transaction."""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from fasit.core.forms import user_label
from fasit.core.models import AuditEvent


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return f"<{len(value)} bytes>"
    if isinstance(value, list | tuple | set):
        return [_plain(v) for v in value]
    if hasattr(value, "name") and hasattr(value, "url"):  # FieldFile
        return value.name or None
    return value


# Not the record's own data: the import that created it is told by its own entry.
SKIPPED = {"id", "team", "created_at", "updated_at", "import_entry", "import_line"}


def snapshot(instance: models.Model, fields: list[str] | None = None) -> dict[str, Any]:
    """The concrete field values of ``instance``, JSON-ready, for diffing later."""
    data: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        if field.name in SKIPPED:
            continue
        if fields is not None and field.name not in fields:
            continue
        data[field.name] = _plain(getattr(instance, field.name))
    return data


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {
        key: [before.get(key), value] for key, value in after.items() if before.get(key) != value
    }


def audit_record(
    *,
    team: Any,
    actor: Any,
    action: str,
    instance: models.Model,
    changes: dict[str, Any] | None = None,
) -> AuditEvent:
    touch_sync_parents(instance)
    return AuditEvent.objects.create(
        team=team,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=instance._meta.label_lower,
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        changes=changes or {},
    )


def audit_create(*, team: Any, actor: Any, instance: models.Model) -> AuditEvent:
    return audit_record(
        team=team,
        actor=actor,
        action=AuditEvent.Action.CREATE,
        instance=instance,
        changes=created_changes(instance),
    )


def created_changes(instance: models.Model) -> dict[str, list[Any]]:
    """A created record's audited changes: each field it was created with."""
    return {k: [None, v] for k, v in snapshot(instance).items() if v not in (None, "", [])}


def audit_create_sql(*, team: Any, actor: Any, instance: models.Model) -> tuple[str, list[Any]]:
    """``audit_create``'s record as an INSERT statement and its parameters, for a
    service that sends it together with its own write in one round trip (signals'
    add). The same row as ``audit_create`` writes; nothing listens to audit rows'
    saves."""
    touch_sync_parents(instance)
    changes = created_changes(instance)
    field = AuditEvent._meta.get_field
    values = {
        "team_id": team.pk,
        "actor_id": actor.pk if getattr(actor, "is_authenticated", False) else None,
        "action": AuditEvent.Action.CREATE.value,
        "object_type": instance._meta.label_lower,
        "object_id": str(instance.pk),
        "object_repr": str(instance)[:200],
        "changes": field("changes").get_db_prep_save(changes, connection),
        "at": field("at").get_db_prep_save(timezone.now(), connection),
    }
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(AuditEvent._meta.db_table)} ({', '.join(map(quote, values))})"
        f" VALUES ({', '.join(['%s'] * len(values))})"
    )
    return sql, list(values.values())


def audit_update(
    *, team: Any, actor: Any, instance: models.Model, before: dict[str, Any]
) -> AuditEvent | None:
    changes = diff(before, snapshot(instance))
    if not changes:
        return None
    return audit_record(
        team=team, actor=actor, action=AuditEvent.Action.UPDATE, instance=instance, changes=changes
    )


def audit_delete(*, team: Any, actor: Any, instance: models.Model) -> AuditEvent:
    return audit_record(
        team=team,
        actor=actor,
        action=AuditEvent.Action.DELETE,
        instance=instance,
        changes={k: [v, None] for k, v in snapshot(instance).items() if v not in (None, "", [])},
    )


def touch_sync_parents(instance: models.Model) -> None:
    """Move the ``updated_at`` of the records a child row is read through (a person's
    role, an account's revenue row, a profile item), so a copy kept in step with the
    API's ``updated_since`` fetches the parent again. Child models name their parents
    in ``SYNC_PARENTS``; every service write is audited here, so none can forget it."""
    now = timezone.now()
    for name in getattr(type(instance), "SYNC_PARENTS", ()):
        field = instance._meta.get_field(name)
        parent_id = getattr(instance, field.attname)  # type: ignore[union-attr]
        if parent_id is not None:
            field.related_model._default_manager.filter(pk=parent_id).update(  # type: ignore[union-attr]
                updated_at=now
            )


def audit_cascade(*, team: Any, actor: Any, querysets: list[Any]) -> int:
    """Delete records for the rows a delete will take with it (an account's
    conversations, journeys and statements), so ``/api/sync/deleted`` lists every
    record a copy must drop, not only the one that was deleted. Only ids: the rows are
    not loaded, a large account costs one INSERT per thousand rows."""
    events = []
    for queryset in querysets:
        label = queryset.model._meta.label_lower
        events.extend(
            AuditEvent(
                team=team,
                actor=actor if getattr(actor, "is_authenticated", False) else None,
                action=AuditEvent.Action.DELETE,
                object_type=label,
                object_id=str(pk),
                object_repr="",
                changes={"deleted_with": True},
            )
            for pk in queryset.values_list("pk", flat=True).iterator()
        )
    AuditEvent.objects.bulk_create(events, batch_size=1000)
    return len(events)


def touch(queryset: Any) -> None:
    """Move ``updated_at`` of rows whose children a delete removes (see
    ``touch_sync_parents``)."""
    queryset.update(updated_at=timezone.now())


def import_origin(instance: models.Model) -> dict[str, Any] | None:
    """Where an imported record came from: the import's one audit entry (the file, who
    ran it and when) and the record's line in the file, or None for a record made
    otherwise (or imported before imports wrote one entry per file, when its own
    created entry says ``imported_from``)."""
    entry_id = getattr(instance, "import_entry_id", None)
    if entry_id is None:
        return None
    entry = AuditEvent.objects.filter(pk=entry_id).select_related("actor").first()
    if entry is None:
        return None
    return origin_of(entry, getattr(instance, "import_line", None))


def origin_of(entry: AuditEvent, line: int | None) -> dict[str, Any]:
    changes = entry.changes or {}

    def new(key: str) -> Any:
        value = changes.get(key)
        return value[1] if isinstance(value, list) and len(value) == 2 else None

    file = new("imported_file") or entry.object_repr
    return {
        "entry": entry,
        "file": file,
        "line": line,
        "job": new("job"),
        "source": new("source"),
        "at": entry.at,
        "actor": entry.actor,
        # The words of a created entry written per record before: one shape for both.
        "imported_from": f"{file}:{line}" if line else file,
    }


def record_events(instance: models.Model) -> QuerySet[AuditEvent]:
    """The audit entries of one record and of the rows read through it (the models that
    name it in ``SYNC_PARENTS``: an account's revenue rows, a person's roles, profile
    items and consents, a journey's stage changes), with the entry of the import that
    created it. Unordered: callers page it by id.

    Rows read through it that were deleted are not found (their ids are gone); their
    deletion moved the record's ``updated_at`` but is not listed here."""
    condition = Q(object_type=instance._meta.label_lower, object_id=str(instance.pk))
    for relation in instance._meta.related_objects:
        model = relation.related_model
        if relation.many_to_many or relation.field.name not in getattr(model, "SYNC_PARENTS", ()):
            continue
        keys = [
            str(pk)
            for pk in model._default_manager.filter(**{relation.field.name: instance}).values_list(
                "pk", flat=True
            )
        ]
        if keys:
            condition |= Q(object_type=model._meta.label_lower, object_id__in=keys)
    entry_id = getattr(instance, "import_entry_id", None)
    if entry_id is not None:
        condition |= Q(pk=entry_id)
    return (
        AuditEvent.objects.filter(team_id=instance.team_id)  # type: ignore[attr-defined]
        .filter(condition)
        .select_related("actor")
    )


def _field_label(model: type[models.Model] | None, name: str) -> str:
    if model is not None:
        try:
            return str(model._meta.get_field(name).verbose_name)  # type: ignore[union-attr]
        except FieldDoesNotExist:
            pass
    return name.replace("_", " ")


def history_rows(instance: models.Model, events: list[AuditEvent]) -> list[dict[str, Any]]:
    """``record_events`` as rows a page or the API shows: who did what when, to which
    record, and each field's old and new value with the field's name in the user's
    language. The import's entry reads as the record's creation from FILE:LINE."""
    origin = None
    entry_id = getattr(instance, "import_entry_id", None)
    rows = []
    for event in events:
        if event.pk == entry_id and event.object_type != instance._meta.label_lower:
            origin = origin or origin_of(event, getattr(instance, "import_line", None))
            model: type[models.Model] | None = type(instance)
            action = AuditEvent.Action.CREATE
            record_id, record = str(instance.pk), str(instance)[:200]
            changes = [
                {
                    "field": "imported_from",
                    "label": _("imported from"),
                    "old": None,
                    "new": origin["imported_from"],
                }
            ]
        else:
            try:
                model = apps.get_model(event.object_type)
            except (LookupError, ValueError):
                model = None
            action = AuditEvent.Action(event.action)
            record_id, record = event.object_id, event.object_repr
            changes = [
                {
                    "field": name,
                    "label": _field_label(model, name),
                    "old": pair[0] if isinstance(pair, list) and len(pair) == 2 else None,
                    "new": pair[1] if isinstance(pair, list) and len(pair) == 2 else pair,
                }
                for name, pair in (event.changes or {}).items()
            ]
        rows.append(
            {
                "id": event.pk,
                "at": event.at,
                "by": user_label(event.actor) if event.actor is not None else None,
                "action": action.value,
                "action_label": str(action.label),
                "record_type": model._meta.label_lower if model else event.object_type,
                "record_label": str(model._meta.verbose_name) if model else event.object_type,
                "record_id": record_id,
                "record": record,
                "changes": changes,
            }
        )
    return rows


def history(instance: models.Model) -> list[dict[str, Any]]:
    """The record's whole history as ``history_rows``, oldest first (the page and the
    API page through ``record_events`` themselves)."""
    return history_rows(instance, list(record_events(instance).order_by("id")))


def changes_of(row: dict[str, Any]) -> dict[str, list[Any]]:
    """A history row's changes as the audit stores them: field -> [old, new]."""
    return {c["field"]: [c["old"], c["new"]] for c in row["changes"]}

"""Audit records, written by the service that makes a change in its transaction."""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any

from django.db import connection, models
from django.utils import timezone

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
        changes={k: [None, v] for k, v in snapshot(instance).items() if v not in (None, "", [])},
    )


def audit_create_sql(*, team: Any, actor: Any, instance: models.Model) -> tuple[str, list[Any]]:
    """``audit_create``'s record as an INSERT statement and its parameters, for a
    service that sends it together with its own write in one round trip (signals'
    add). The same row as ``audit_create`` writes; nothing listens to audit rows'
    saves."""
    touch_sync_parents(instance)
    changes = {k: [None, v] for k, v in snapshot(instance).items() if v not in (None, "", [])}
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


def history(instance: models.Model) -> list[AuditEvent]:
    """The audit entries of one record, oldest first: its own, and the import's entry
    when an import created it (given as a created entry of the record, with
    ``imported_from`` FILE:LINE as per-record entries said)."""
    label = instance._meta.label_lower
    events = list(
        AuditEvent.objects.filter(
            team_id=instance.team_id,  # type: ignore[attr-defined]
            object_type=label,
            object_id=str(instance.pk),
        )
        .select_related("actor")
        .order_by("at", "id")
    )
    origin = import_origin(instance)
    if origin is not None:
        entry = origin["entry"]
        events.insert(
            0,
            AuditEvent(
                id=entry.id,
                team_id=entry.team_id,
                actor=entry.actor,
                action=AuditEvent.Action.CREATE,
                object_type=label,
                object_id=str(instance.pk),
                object_repr=str(instance)[:200],
                changes={
                    "imported_from": [None, origin["imported_from"]],
                    "import_job": [None, origin["job"]],
                },
                at=entry.at,
            ),
        )
    return events

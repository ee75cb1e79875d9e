"""Audit records, written by the service that makes a change in its transaction."""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any

from django.db import models
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


def snapshot(instance: models.Model, fields: list[str] | None = None) -> dict[str, Any]:
    """The concrete field values of ``instance``, JSON-ready, for diffing later."""
    data: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        if field.name in {"id", "team", "created_at", "updated_at"}:
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

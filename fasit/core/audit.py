"""Audit records, written by the service that makes a change in its transaction."""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models
from django.db.models import QuerySet
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


# Not the record's own data: the import that created it is told by its own entry; a
# person's almanac name day is derived from their name and country, which are audited.
SKIPPED = {"id", "team", "created_at", "updated_at", "import_entry", "import_line", "name_day"}


class Snapshot(dict[str, Any]):
    """A snapshot's values, and the id of the person the row named then
    (``person_of``): an update that gives the row to another person names both
    (``audit_update``), and a name alone would not say which person it was."""

    person_ref: str = ""


def snapshot(instance: models.Model, fields: list[str] | None = None) -> Snapshot:
    """The concrete field values of ``instance``, JSON-ready, for diffing later."""
    data = Snapshot()
    data.person_ref = person_of(instance)
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
    moved_from: str = "",
) -> AuditEvent:
    touch_sync_parents(instance)
    parent_type, parent_id = parent_of(instance)
    return AuditEvent.objects.create(
        team=team,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=instance._meta.label_lower,
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        changes=changes or {},
        parent_type=parent_type,
        parent_id=parent_id,
        person_ref=person_of(instance),
        moved_from=moved_from,
    )


def history_parents(model: type[models.Model]) -> tuple[str, ...]:
    """The fields naming the records a child row is kept with: ``SYNC_PARENTS`` (read
    through them by the API) and ``HISTORY_PARENTS`` (only listed in their history, as
    a conversation's transcript file)."""
    return (*getattr(model, "SYNC_PARENTS", ()), *getattr(model, "HISTORY_PARENTS", ()))


def parent_of(instance: models.Model) -> tuple[str, str]:
    """The record ``instance`` is kept with, as an audit entry's ``parent_type`` and
    ``parent_id`` (blank for a record of its own)."""
    for name in history_parents(type(instance)):
        field = instance._meta.get_field(name)
        parent_id = getattr(instance, field.attname)  # type: ignore[union-attr]
        if parent_id is not None:
            return field.related_model._meta.label_lower, str(parent_id)  # type: ignore[union-attr]
    return "", ""


# The people erasure removes (privacy/erasure.py). By label: core imports no app.
PERSON_MODEL = "customers.person"


def person_of(instance: models.Model) -> str:
    """The id of the person a row of another kind names (its first foreign key to a
    person that is set), as an audit entry's ``person_ref``; blank for a person (the
    entry's ``object_id`` names them) and for a row that names nobody. Found from the
    model graph, so a model added later that names a person is covered."""
    if instance._meta.label_lower == PERSON_MODEL:
        return ""
    for field in instance._meta.concrete_fields:
        related = field.related_model if field.is_relation else None
        if related is not None and related._meta.label_lower == PERSON_MODEL:  # type: ignore[union-attr]
            value = getattr(instance, field.attname)
            if value is not None:
                return str(value)
    return ""


def person_field(instance: models.Model) -> str:
    """The name of the field ``person_of`` reads (as the entries' snapshots name it),
    blank when it reads none."""
    if instance._meta.label_lower == PERSON_MODEL:
        return ""
    for field in instance._meta.concrete_fields:
        related = field.related_model if field.is_relation else None
        if (
            related is not None
            and related._meta.label_lower == PERSON_MODEL  # type: ignore[union-attr]
            and getattr(instance, field.attname) is not None
        ):
            return field.name
    return ""


def person_fields(model: type[models.Model]) -> list[str]:
    """The names of ``model``'s foreign keys to a person (none for a person)."""
    if model._meta.label_lower == PERSON_MODEL:
        return []
    return [
        field.name
        for field in model._meta.concrete_fields
        if field.is_relation
        and field.related_model is not None
        and field.related_model._meta.label_lower == PERSON_MODEL  # type: ignore[union-attr]
    ]


def moved_from(
    team_id: int, instance: models.Model, before: dict[str, Any], changes: dict[str, Any], now: str
) -> str:
    """The person an update took the row from: the one it named before (``before``, a
    ``snapshot``) when that is not the one it names ``now``; blank for no move. A
    snapshot made otherwise (a plain dict) names the earlier person by name only."""
    fields = [name for name in person_fields(type(instance)) if name in changes]
    if not fields:
        return ""
    earlier = getattr(before, "person_ref", None)
    if earlier is None:
        names = [before.get(name) for name in fields]
        earlier = next((found for n in names if (found := person_named(team_id, n))), "")
    return earlier if earlier and earlier != now else ""


def person_named(team_id: int, text: Any) -> str:
    """The id of the one person of the team named ``text``, blank for none or a
    namesake (an entry's snapshot names a person by name)."""
    if not isinstance(text, str) or not text:
        return ""
    found = list(
        apps.get_model(PERSON_MODEL)
        ._default_manager.filter(team_id=team_id, name=text)
        .values_list("pk", flat=True)[:2]
    )
    return str(found[0]) if len(found) == 1 else ""


def persons_as_of(
    entries: list[tuple[int, str, str, Any]],
    field: str,
    today: str,
    named: Any,
    moved: dict[int, str] | None = None,
) -> dict[int, str]:
    """The person one row named when each of its entries was written ((id, action,
    person_ref, changes), oldest first), read back from the newest: ``today`` (blank
    for a deleted row, unknown), an entry's own ``person_ref`` (written with it), an
    update's [old, new] pair of ``field`` (before it, the row named the old one, found
    by ``named``: a name, so a namesake or a renamed person leaves it blank, unless the
    update names the old one's id, ``moved``: entry id -> ``moved_from``). An unknown
    person is left out. Copied in migration ``core.0009`` (a migration keeps
    its own code)."""
    found: dict[int, str] = {}
    after = today
    for pk, action, ref, changes in reversed(entries):
        pair = (changes or {}).get(field) if isinstance(changes, dict) else None
        pair = pair if isinstance(pair, list) and len(pair) == 2 else None
        if ref:
            now = ref
        elif pair and action == AuditEvent.Action.DELETE:
            now = named(pair[0])
        elif pair and not after:
            now = named(pair[1])
        else:
            now = after
        if now:
            found[pk] = now
        if pair and action == AuditEvent.Action.UPDATE:
            after = (moved or {}).get(pk) or named(pair[0])
        elif action != AuditEvent.Action.CREATE:
            after = now
        else:
            after = ""
    return found


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
    parent_type, parent_id = parent_of(instance)
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
        "parent_type": parent_type,
        "parent_id": parent_id,
        "person_ref": person_of(instance),
        "moved_from": "",  # a created row was taken from nobody
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
    after = snapshot(instance)
    changes = diff(before, after)
    if not changes:
        return None
    return audit_record(
        team=team,
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        instance=instance,
        changes=changes,
        # Given to another person (or to nobody): the entry is the earlier one's too.
        moved_from=moved_from(team.pk, instance, before, changes, after.person_ref),
    )


def audit_delete(*, team: Any, actor: Any, instance: models.Model) -> AuditEvent:
    parent_type, parent_id = parent_of(instance)
    earlier = AuditEvent.objects.filter(
        team_id=team.pk, object_type=instance._meta.label_lower, object_id=str(instance.pk)
    )
    if parent_id:
        # Entries written without the parent (by the importer, or before entries named
        # it) would be lost to the parent's history once the row's id is gone.
        earlier.filter(parent_id="").update(parent_type=parent_type, parent_id=parent_id)
    field = person_field(instance)
    if field:
        # Likewise for erasure: once the row is gone, only ``person_ref`` ties its
        # entries (which hold the person's words) to the person: the person the row
        # named when each entry was written, not today's (a statement moved to
        # another person).
        blank = list(earlier.filter(person_ref="").values_list("pk", flat=True))
        if blank:
            entries = list(
                earlier.order_by("pk").values_list("pk", "action", "person_ref", "changes")
            )
            moved = dict(earlier.exclude(moved_from="").values_list("pk", "moved_from"))
            found = persons_as_of(
                entries,
                field,
                person_of(instance),
                lambda text: person_named(team.pk, text),
                moved,
            )
            by_person: dict[str, list[int]] = {}
            for pk in blank:
                if found.get(pk):
                    by_person.setdefault(found[pk], []).append(pk)
            for person, ids in by_person.items():
                AuditEvent.objects.filter(pk__in=ids).update(person_ref=person)
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
    """The audit entries of one record and of the rows kept with it (the models that
    name it in ``SYNC_PARENTS`` or ``HISTORY_PARENTS``: an account's revenue rows, a
    person's roles, profile items and consents, a journey's stage changes, group and
    motives, a conversation's follow-ups and transcript file), with the entry of the
    import that created it. Unordered: callers page it by id.

    A row kept with it is found by the parent its entries name (``parent_type``,
    ``parent_id``), so a deleted row's creation, changes and deletion stay listed; and
    by its current id, for entries that name no parent (the importer's, and those
    written before entries named it)."""
    team_id = instance.team_id  # type: ignore[attr-defined]
    label = instance._meta.label_lower
    entries = AuditEvent.objects.filter(team_id=team_id)
    # One index search per kind of entry, their ids united: an OR of the same
    # conditions let SQLite without statistics walk every entry of the team instead
    # (``core_audit_team_version``, for the order), ~130 ms at 400,000 entries.
    arms = [
        entries.filter(object_type=label, object_id=str(instance.pk)),
        # The partial index's own condition, so SQLite sees that it applies.
        entries.filter(parent_type=label, parent_id=str(instance.pk)).exclude(parent_id=""),
    ]
    for relation in instance._meta.related_objects:
        model = relation.related_model
        if relation.many_to_many or relation.field.name not in history_parents(model):
            continue
        keys = [
            str(pk)
            for pk in model._default_manager.filter(**{relation.field.name: instance}).values_list(
                "pk", flat=True
            )
        ]
        if keys:
            arms.append(entries.filter(object_type=model._meta.label_lower, object_id__in=keys))
    entry_id = getattr(instance, "import_entry_id", None)
    if entry_id is not None:
        arms.append(entries.filter(pk=entry_id))
    ids = [arm.order_by().values("pk") for arm in arms]
    united = ids[0].union(*ids[1:], all=True)
    return entries.filter(pk__in=united).select_related("actor")


def _field_label(model: type[models.Model] | None, name: str) -> str:
    if model is not None:
        try:
            return str(model._meta.get_field(name).verbose_name)  # type: ignore[union-attr]
        except FieldDoesNotExist:
            pass
    return name.replace("_", " ")


# Longer text (a conversation's notes, a motive) reads on a history page as "text
# changed" with its length before and after, not as two texts side by side.
LONG_TEXT = 300


def _long(value: Any) -> bool:
    return isinstance(value, str) and len(value) > LONG_TEXT


def _size(value: Any) -> int:
    return len(value) if isinstance(value, str) else 0


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
            changes = []
            for name, pair in (event.changes or {}).items():
                old = pair[0] if isinstance(pair, list) and len(pair) == 2 else None
                new = pair[1] if isinstance(pair, list) and len(pair) == 2 else pair
                change = {"field": name, "label": _field_label(model, name), "old": old, "new": new}
                if _long(old) or _long(new):
                    # A page says how long the text was and became, not both texts.
                    change["size"] = [_size(old), _size(new)]
                changes.append(change)
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

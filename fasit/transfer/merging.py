"""Merging two people or two accounts into one, moving every related row.

Which rows point at a record is read from the model graph at run time (every reverse
foreign key and one-to-one, hidden ones included, and the rows of many-to-many
tables), so rows of a model added by any app later — captured e-mail, privacy
records, webhooks — move too without a change here. A row that cannot move because
the kept record already has its twin (a role at the same account, a place in the same
buying group, the same conversation) is folded into the twin: the twin's empty fields
are filled from it, then it is removed. Audit entries of the merged record move to the
kept one; the merge itself is audited on the kept record with what moved.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from fasit.core.audit import PERSON_MODEL, audit_record, import_origin, snapshot
from fasit.core.models import AuditEvent
from fasit.customers.models import Account, Person
from fasit.customers.services import ACCOUNT_FIELDS, PERSON_FIELDS

TEXT_JOINABLE = {"notes", "what_matters"}
MERGE_FIELDS: dict[type[models.Model], tuple[str, ...]] = {
    Person: PERSON_FIELDS,
    Account: ACCOUNT_FIELDS,
}


def reverse_relations(model: type[models.Model]) -> Iterator[Any]:
    """Every foreign key or one-to-one pointing at ``model`` (hidden ones included)."""
    for relation in model._meta.get_fields(include_hidden=True):
        if (
            relation.auto_created
            and not relation.concrete
            and (relation.one_to_many or relation.one_to_one)
        ):
            yield relation


def _unique_sets(model: type[models.Model], field: Any) -> list[list[str]]:
    """Field sets that must be unique and include ``field`` (by attname)."""
    sets: list[list[str]] = []
    if field.unique:
        sets.append([field.attname])
    for together in model._meta.unique_together:
        names = [model._meta.get_field(n).attname for n in together]
        if field.attname in names:
            sets.append(names)
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and constraint.fields:
            names = [model._meta.get_field(n).attname for n in constraint.fields]
            if field.attname in names:
                sets.append(names)
    return sets


def _fold_into(twin: models.Model, row: models.Model) -> None:
    """Fill the twin's empty fields from ``row`` before ``row`` goes."""
    changed = []
    for field in twin._meta.concrete_fields:
        if field.primary_key or field.is_relation:
            continue
        if getattr(twin, field.attname) in (None, "") and getattr(row, field.attname) not in (
            None,
            "",
        ):
            setattr(twin, field.attname, getattr(row, field.attname))
            changed.append(field.attname)
    if changed:
        twin.save(update_fields=changed)


def move_related(keep: models.Model, drop: models.Model) -> dict[str, int]:
    """Point every row that refers to ``drop`` at ``keep``; returns counts per model."""
    moved: dict[str, int] = {}
    model = type(keep)
    for relation in reverse_relations(model):
        related, field = relation.related_model, relation.field
        rows = related._base_manager.filter(**{field.attname: drop.pk})
        if related is model:  # a corporate group: subsidiaries of the merged account
            rows = rows.exclude(pk=keep.pk)
        unique_sets = _unique_sets(related, field)
        count = 0
        if not unique_sets:
            count = rows.update(**{field.attname: keep.pk})
        else:
            for row in list(rows):
                twin = None
                for names in unique_sets:
                    lookup = {n: getattr(row, n) for n in names if n != field.attname}
                    twin = (
                        related._base_manager.filter(**{field.attname: keep.pk}, **lookup)
                        .exclude(pk=row.pk)
                        .first()
                    )
                    if twin is not None:
                        break
                if twin is not None:
                    _fold_into(twin, row)
                    row.delete()
                else:
                    setattr(row, field.attname, keep.pk)
                    row.save(update_fields=[field.attname])
                count += 1
        if count:
            label = related._meta.label_lower
            moved[label] = moved.get(label, 0) + count
    label = model._meta.label_lower
    audit = AuditEvent.objects.filter(
        team_id=keep.team_id, object_type=label, object_id=str(drop.pk)
    )  # type: ignore[attr-defined]
    moved["core.auditevent"] = audit.update(object_id=str(keep.pk))
    # The entries of rows kept with the dropped record (its deleted roles too) now
    # belong to the kept record's history.
    AuditEvent.objects.filter(
        team_id=keep.team_id, parent_type=label, parent_id=str(drop.pk)
    ).update(parent_id=str(keep.pk))
    if label == PERSON_MODEL:
        # And the entries of rows that named the dropped person (a removed motive):
        # erasing the kept person blanks them.
        AuditEvent.objects.filter(team_id=keep.team_id, person_ref=str(drop.pk)).update(
            person_ref=str(keep.pk)
        )
        # And of rows given away from the dropped person: erasing the kept person
        # takes their name out of the move.
        AuditEvent.objects.filter(team_id=keep.team_id, moved_from=str(drop.pk)).update(
            moved_from=str(keep.pk)
        )
    return {k: v for k, v in moved.items() if v}


def merge_choices(keep: models.Model, drop: models.Model) -> list[dict[str, Any]]:
    """The fields where the two differ, for the compare page."""
    rows = []
    for name in MERGE_FIELDS[type(keep)]:
        a, b = getattr(keep, name), getattr(drop, name)
        if a == b or b in (None, ""):
            continue
        rows.append(
            {
                "name": name,
                "label": keep._meta.get_field(name).verbose_name,
                "keep": a,
                "drop": b,
                "joinable": name in TEXT_JOINABLE and a not in (None, ""),
                "default": "keep" if a not in (None, "") else "drop",
            }
        )
    return rows


@transaction.atomic
def record_merge(
    *, keep: models.Model, drop: models.Model, actor: Any, choices: dict[str, str]
) -> dict[str, int]:
    """Merge ``drop`` into ``keep`` (two people or two accounts of one team)."""
    model = type(keep)
    if model not in MERGE_FIELDS or type(drop) is not model:
        raise ValidationError(_("Only two people or two accounts can be merged."))
    if keep.pk == drop.pk:
        raise ValidationError(_("Choose two different records."))
    if keep.team_id != drop.team_id:  # type: ignore[attr-defined]
        raise ValidationError(_("Choose one of your team's records."))
    before = snapshot(keep)
    for row in merge_choices(keep, drop):
        choice = choices.get(row["name"], row["default"])
        if choice == "drop":
            setattr(keep, row["name"], row["drop"])
        elif choice == "both" and row["joinable"]:
            setattr(keep, row["name"], f"{row['keep']}\n\n{row['drop']}")
    if isinstance(keep, Account) and keep.parent_id in (keep.pk, drop.pk):
        # Never its own group: the merged account's group, unless that is the kept one.
        parent = drop.parent_id  # type: ignore[attr-defined]
        keep.parent_id = parent if parent not in (keep.pk, drop.pk) else None
    drop_snapshot, drop_name, drop_pk = snapshot(drop), str(drop), drop.pk
    drop_origin = import_origin(drop)
    moved = move_related(keep, drop)
    keep.save()
    team = keep.team  # type: ignore[attr-defined]
    drop.delete()
    if isinstance(keep, Account):
        from fasit.relationships import snapshots

        snapshots.forget([keep.pk])  # its conversations moved without save signals
        from fasit.search.documents import index_account_dependents

        index_account_dependents(keep)
        from fasit.signals.services import themes_recount

        # Its statements moved by a plain update: two accounts that spoke in one theme
        # are now one customer, so the theme counts (and may fall a level) anew.
        themes_recount(team=team, account_ids=[keep.pk])
        from fasit.buying.motives import refresh_journeys

        # Its journeys moved too: two accounts with motives in one theme are now one.
        refresh_journeys(keep.buying_journeys.values_list("pk", flat=True))  # type: ignore[attr-defined]
    after = snapshot(keep)
    changes: dict[str, Any] = {
        k: [before.get(k), v] for k, v in after.items() if before.get(k) != v
    }
    changes["merged"] = [None, f"{drop_name} (#{drop_pk})"]
    if drop_origin is not None:
        # The dropped record's own entries move to the kept one (move_related); that
        # an import created it is said by the import's entry, so it is said here.
        changes["merged_imported_from"] = [None, drop_origin["imported_from"]]
    changes["moved"] = [None, moved]
    audit_record(
        team=team, actor=actor, action=AuditEvent.Action.UPDATE, instance=keep, changes=changes
    )
    audit = AuditEvent(
        team=team,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=AuditEvent.Action.DELETE,
        object_type=model._meta.label_lower,
        object_id=str(drop_pk),
        object_repr=drop_name[:200],
        changes={
            **{k: [v, None] for k, v in drop_snapshot.items() if v not in (None, "", [])},
            "merged_into": [None, f"{keep} (#{keep.pk})"],
        },
        # A merged person's deletion holds every value the duplicate had (another
        # e-mail, a misspelt name): it is the kept person's record now, so erasing
        # them blanks it (a later merge of the kept one moves it on).
        person_ref=str(keep.pk) if isinstance(keep, Person) else "",
    )
    audit.save()
    return moved

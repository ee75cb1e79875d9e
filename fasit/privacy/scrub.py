"""Scrubbing a person's name, e-mail and phone out of every text column of a team.

The columns come from the model graph (``registry.text_tables``), so a model added
later is scrubbed without anyone remembering to add it here. The database finds the
candidate rows (one regular expression per column, see ``redaction``); Python decides
and rewrites each value, strings inside JSON included.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, models, transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from fasit.conversations.models import Conversation
from fasit.privacy.redaction import Redactor
from fasit.privacy.registry import TextTable, text_tables
from fasit.tenancy.models import Team


class ErasureBlocked(Exception):
    """A rewritten value broke a constraint: the erasure is rolled back whole, and the
    message names the column so that a handler can be written for it."""


def matching(
    queryset: models.QuerySet[models.Model], fields: Iterable[models.Field], redactor: Redactor
) -> models.QuerySet[models.Model]:
    # One alternation per column: SQLite calls Python once per row and column.
    pattern = "|".join(f"(?:{p})" for p in redactor.database_patterns())
    condition, aliases = Q(), {}
    for f in fields:
        column = f.name
        if isinstance(f, models.JSONField):
            column = f"privacy_text_{f.name}"
            aliases[column] = Cast(f.name, TextField())
        condition |= Q(**{f"{column}__iregex": pattern})
    return queryset.alias(**aliases).filter(condition)


def scrub_rows(
    queryset: models.QuerySet[models.Model], fields: Iterable[models.Field], redactor: Redactor
) -> set[int]:
    """Rewrite the given columns of the matching rows; the ids of rows changed."""
    fields = list(fields)
    if not fields or not redactor.needles:
        return set()
    model = queryset.model
    names = [f.name for f in fields]
    rows = list(matching(queryset, fields, redactor).values("pk", *names))
    touched = [f.name for f in model._meta.concrete_fields if getattr(f, "auto_now", False)]
    changed: set[int] = set()
    now = timezone.now()
    for row in rows:
        updates = {
            name: new for name in names if (new := redactor.scrub_value(row[name])) != row[name]
        }
        if not updates:
            continue
        # A change other systems sync by (``updated_since``) must look like one.
        updates.update(dict.fromkeys(touched, now))
        try:
            with transaction.atomic():
                model._default_manager.filter(pk=row["pk"]).update(**updates)
        except IntegrityError as exc:
            raise ErasureBlocked(
                f"{model._meta.label} {row['pk']} ({', '.join(updates)}): {exc}"
            ) from exc
        changed.add(row["pk"])
    return changed


def scrub_team(*, team: Team, redactor: Redactor) -> dict[str, set[int]]:
    """Every team-owned text column; model label -> ids of rows changed."""
    changed: dict[str, set[int]] = {}
    for table in text_tables():
        if table.team_path is None:
            continue
        queryset = table.model._default_manager.filter(**{table.team_path: team})
        ids = scrub_rows(queryset, table.fields, redactor)
        if ids:
            changed[table.model._meta.label] = ids
    return changed


def conversation_path(table: TextTable) -> str | None:
    """The lookup from a row to its conversation, for rows that belong to one."""
    if table.model is Conversation:
        return "pk"
    for f in table.model._meta.concrete_fields:
        if f.is_relation and f.related_model is Conversation:
            return f"{f.name}_id"
    path = table.team_path or ""
    if "conversation__" in path:
        return path.split("conversation__")[0] + "conversation"
    return None


def scrub_conversations(
    *, team: Team, conversation_ids: models.QuerySet[Any], redactor: Redactor
) -> dict[str, set[int]]:
    """Every text column of rows that belong to the given conversations (notes,
    follow-ups, statements, turns …; ``conversation_ids`` is a subquery of ids), with a
    redactor that may be broader than the team-wide one (first names alone, say)."""
    changed: dict[str, set[int]] = {}
    for table in text_tables():
        path = conversation_path(table)
        if path is None or table.team_path is None:
            continue
        queryset = table.model._default_manager.filter(
            **{table.team_path: team, f"{path}__in": conversation_ids}
        )
        ids = scrub_rows(queryset, table.fields, redactor)
        if ids:
            changed[table.model._meta.label] = ids
    return changed

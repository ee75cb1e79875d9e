"""Where text lives, found from the model graph rather than listed by hand.

Erasure scrubs every free-text column of every model that belongs to a team, and the
tests search every text column of every model: a model added later (e-mail capture,
imports, webhook logs, a search index) is covered the day it exists, and if it keeps
a person's data where erasure cannot reach, the search test says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.apps import apps
from django.db import models

from fasit.core.guard import team_path

TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def text_fields(model: type[models.Model]) -> list[models.Field]:
    """Concrete columns that can hold free text (or JSON holding it). A field with fixed
    choices cannot hold a name, so it is left out."""
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, TEXT_FIELDS) and not f.choices and not f.primary_key
    ]


def binary_fields(model: type[models.Model]) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.BinaryField)]


@dataclass(frozen=True)
class TextTable:
    model: type[models.Model]
    team_path: str | None
    fields: tuple[models.Field, ...]
    binary: tuple[models.Field, ...]


def text_tables() -> Iterator[TextTable]:
    """Every installed model with a text or binary column."""
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        fields = tuple(text_fields(model))
        binary = tuple(binary_fields(model))
        if fields or binary:
            yield TextTable(model, team_path(model), fields, binary)


# Models with text columns that belong to no team, and why erasure may leave them: a
# model added later with text and no team fails ``test_registry`` until it is given a
# team path (``TeamOwned``, ``scoped_manager``) or listed here with its reason.
TEAMLESS: dict[str, str] = {
    "admin.LogEntry": "Erasure blanks the admin's log of the person's records by their ids.",
    "auth.Permission": "Django's permission names: no personal data.",
    "auth.Group": "Django's group names: no personal data.",
    "auth.User": "The team's own users, not the people they sell to.",
    "contenttypes.ContentType": "Model names: no personal data.",
    "sessions.Session": "Log-ins; end after 2 idle hours, 12 at most (docs/operations.md).",
    "axes.AccessAttempt": "Failed sign-ins of the team's own users (username, address); "
    "kept for the lock-out's cool-off.",
    "axes.AccessFailureLog": "Failed sign-ins of users (off in Fasit's settings).",
    "axes.AccessLog": "Sign-ins of users (off in Fasit's settings).",
    "signin.TwoFactorDevice": "A user's TOTP secret: no customer's data.",
    "signin.RecoveryCode": "Hashes of a user's recovery codes: no customer's data.",
    "django_tasks_database.DBTaskResult": "Background work; arguments are record ids.",
    "tenancy.Team": "The team's own name.",
    "core.TeamTally": "Row counts of a team's lists under list names, conversation kinds "
    "and journey outcomes (core/tallies.py): no personal data.",
    "relationships.DailyRun": "Claims of the worker's once-a-day jobs (job name, day, the "
    "claiming worker's host and process id): no customer's data.",
}

"""Helpers shared by the apps' service modules."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from fasit.core.audit import audit_update, snapshot

M = TypeVar("M", bound=models.Model)


def model_update(
    *, instance: M, fields: Iterable[str], data: dict[str, Any], team: Any, actor: Any
) -> tuple[M, bool]:
    """Set the given ``fields`` from ``data``, validate, save and audit the change.

    Keys in ``data`` outside ``fields`` are ignored so a form or API payload can
    never reach a field the caller did not intend to expose.
    """
    before = snapshot(instance)
    changed = []
    for field in fields:
        if field in data and getattr(instance, field) != data[field]:
            setattr(instance, field, data[field])
            changed.append(field)
    if not changed:
        return instance, False
    instance.full_clean()
    instance.save()
    audit_update(team=team, actor=actor, instance=instance, before=before)
    return instance, True


def require_same_team(team: Any, **objects: Any) -> None:
    """Refuse references to another team's records (they are treated as absent)."""
    errors = {}
    for name, obj in objects.items():
        if obj is not None and getattr(obj, "team_id", None) != team.pk:
            errors[name] = _("Choose one of your team's records.")
    if errors:
        raise ValidationError(errors)


def require_writer(team: Any, **users: Any) -> None:
    """Each user keeps customer records in ``team`` (owner or member): an account's
    owner, a follow-up's owner and our side of a conversation. A viewer is refused."""
    from fasit.tenancy.models import WRITERS, Membership

    errors = {}
    for name, user in users.items():
        if user is None:
            continue
        if not Membership.objects.filter(team=team, user=user, role__in=WRITERS).exists():
            errors[name] = _("Choose a member of your team who keeps customer records.")
    if errors:
        raise ValidationError(errors)


def require_member(team: Any, **users: Any) -> None:
    from fasit.tenancy.models import Membership

    errors = {}
    for name, user in users.items():
        if user is not None and not Membership.objects.filter(team=team, user=user).exists():
            errors[name] = _("Choose a member of your team.")
    if errors:
        raise ValidationError(errors)

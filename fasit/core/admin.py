"""The Django admin is the operator's tool: superusers only.

Team staff do not need it: the app covers everything a team does (records, members,
settings, imports, privacy), with team scoping, roles, validation and the audit trail
that the admin bypasses. An admin open to team staff would have to repeat all of that
on every page, widget, popup and autocomplete (issue 10 found it did not), so the site
refuses everyone who is not a superuser, and each model admin refuses them again in case
it is ever registered on another site.

An operator's change is still a change to a team's data: every save and delete made here
is audited like the app's own (the team's cached pages and API bodies are keyed by its
newest audit record, so without one they would show the old data until they expire).
Where an app has a delete service that keeps other records in step (an account's
conversations get delete records, its themes lose a customer), the admin deletes through
it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from fasit.core.audit import audit_create, audit_delete, audit_update, snapshot
from fasit.core.models import AuditEvent
from fasit.tenancy.models import Team


def is_operator(request: HttpRequest) -> bool:
    user = request.user
    return bool(user.is_active and user.is_superuser)


class OperatorAdminSite(admin.AdminSite):
    """``admin.site`` (installed through ``fasit.core.apps.OperatorAdminConfig``)."""

    def has_permission(self, request: HttpRequest) -> bool:
        return is_operator(request)


def team_of(instance: models.Model) -> Team | None:
    """The team a record belongs to, through its manager's ``team_path`` (a role's is
    its person's), or ``None`` for records of no team (users, teams themselves)."""
    path = getattr(type(instance)._default_manager.all(), "team_path", None)
    if path is None:
        return None
    *parents, last = path.split("__")
    target: Any = instance
    for name in parents:
        target = getattr(target, name, None)
        if target is None:
            return None
    team_id = getattr(target, f"{last}_id", None)
    return Team.objects.filter(pk=team_id).first() if team_id is not None else None


def _stored(instance: models.Model) -> dict[str, Any]:
    """The record as the database holds it, before the admin's form is saved."""
    stored = type(instance)._default_manager.filter(pk=instance.pk).first()
    return snapshot(stored) if stored is not None else {}


class TeamScopedAdmin(admin.ModelAdmin):
    """Base for the admin of team records: superusers only, on every action; every
    write audited (inline rows included), deletes through ``delete_service``."""

    # ``service(record, actor)``: the app's delete, for records whose delete must keep
    # others in step. Without one, the record is audited and deleted here.
    delete_service: ClassVar[Callable[[Any, Any], None] | None] = None

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_operator(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_operator(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return is_operator(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_operator(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_operator(request)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        before = _stored(obj) if change else None
        super().save_model(request, obj, form, change)
        _audit_saved(request, obj, before)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        deleting = [f.instance for f in formset.deleted_forms if f.instance.pk is not None]
        for row in deleting:
            _audit_deleted(request, row)
        befores = {
            f.instance.pk: _stored(f.instance)
            for f in formset.initial_forms
            if f.instance.pk is not None and f not in formset.deleted_forms and f.has_changed()
        }
        super().save_formset(request, form, formset, change)
        for row in formset.new_objects:
            _audit_saved(request, row, None)
        for row, _fields in formset.changed_objects:
            _audit_saved(request, row, befores.get(row.pk, {}))

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        if self.delete_service is not None:
            self.delete_service(obj, request.user)
            return
        _audit_deleted(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        # One by one: each record gets its audit entry (and its service's bookkeeping),
        # as when it is deleted from its own page.
        for obj in queryset:
            self.delete_model(request, obj)


def _audit_saved(request: HttpRequest, obj: Any, before: dict[str, Any] | None) -> None:
    team = team_of(obj)
    if team is None:
        return
    if before is None:
        audit_create(team=team, actor=request.user, instance=obj)
    else:
        audit_update(team=team, actor=request.user, instance=obj, before=before)


def _audit_deleted(request: HttpRequest, obj: Any) -> None:
    team = team_of(obj)
    if team is not None:
        audit_delete(team=team, actor=request.user, instance=obj)


@admin.register(AuditEvent)
class AuditEventAdmin(TeamScopedAdmin):
    list_display = ("at", "team", "actor", "action", "object_type", "object_repr")
    list_filter = ("action", "object_type")
    search_fields = ("object_repr",)
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

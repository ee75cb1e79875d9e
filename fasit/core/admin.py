"""The Django admin is the operator's tool: superusers only.

Team staff do not need it: the app covers everything a team does (records, members,
settings, imports, privacy), with team scoping, roles, validation and the audit trail
that the admin bypasses. An admin open to team staff would have to repeat all of that
on every page, widget, popup and autocomplete (issue 10 found it did not), so the site
refuses everyone who is not a superuser, and each model admin refuses them again in case
it is ever registered on another site.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from fasit.core.models import AuditEvent


def is_operator(request: HttpRequest) -> bool:
    user = request.user
    return bool(user.is_active and user.is_superuser)


class OperatorAdminSite(admin.AdminSite):
    """``admin.site`` (installed through ``fasit.core.apps.OperatorAdminConfig``)."""

    def has_permission(self, request: HttpRequest) -> bool:
        return is_operator(request)


class TeamScopedAdmin(admin.ModelAdmin):
    """Base for the admin of team records: superusers only, on every action."""

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

"""Admin base: superusers see everything; staff see only their teams' records."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from fasit.core.models import AuditEvent


def user_team_ids(request: HttpRequest) -> list[int]:
    from fasit.tenancy.models import Membership

    return list(Membership.objects.filter(user=request.user).values_list("team_id", flat=True))


class TeamScopedAdmin(admin.ModelAdmin):
    team_path = "team"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)
        if request.user.is_superuser:  # type: ignore[union-attr]
            return queryset
        return queryset.filter(**{f"{self.team_path}__in": user_team_ids(request)})

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if request.user.is_superuser or field is None:  # type: ignore[union-attr]
            return field
        model = db_field.related_model
        teams = user_team_ids(request)
        if model._meta.label == "tenancy.Team":
            field.queryset = field.queryset.filter(pk__in=teams)
        elif any(f.name == "team" for f in model._meta.fields):
            field.queryset = field.queryset.filter(team__in=teams)
        return field


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

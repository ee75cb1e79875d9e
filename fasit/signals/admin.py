"""The operator's admin pages for market signals.

Statements and themes are the engine's memory, and the team's cached pages and every
process's grouping index are kept in step by the services that write them (audited, the
team's signal version moved on). So these pages write through those services too: a
statement's words and details through ``statement_edit``, deletions through
``statements_delete``, a theme's name through ``theme_rename``. What only the engine or
the app's own actions set (a statement's theme and pin, a theme's counts, level and
labels, taught words) is shown read-only; statements are added, and themes made,
dismissed, merged and split, in the app."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from fasit.core.admin import TeamScopedAdmin
from fasit.signals import services
from fasit.signals.models import Notification, Proposal, Statement, TaughtTerm, Theme


@admin.register(Theme)
class ThemeAdmin(TeamScopedAdmin):
    list_display = (
        "label",
        "custom_label",
        "team",
        "level",
        "accounts",
        "statement_count",
        "dismissed",
    )
    list_filter = ("level", "dismissed")
    search_fields = ("label", "custom_label")
    # Only the operator's name for a theme is edited here; what the engine sets
    # (``services.SYNCED_FIELDS``) is shown.
    fields = ("custom_label", "team", "key", *services.SYNCED_FIELDS, "level_reached_at")
    readonly_fields = fields[1:]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # A theme goes when its last statement does; a row deleted here would leave
        # its statements outside every theme while the engine still grouped them.
        return False

    def save_model(self, request: HttpRequest, obj: Theme, form: Any, change: bool) -> None:
        if "custom_label" in form.changed_data:
            stored = Theme.objects.select_related("team").get(pk=obj.pk)
            services.theme_rename(
                theme=stored, actor=request.user, name=form.cleaned_data["custom_label"]
            )


@admin.register(Statement)
class StatementAdmin(TeamScopedAdmin):
    list_display = ("text", "team", "account", "kind", "language", "said_on", "theme", "weak")
    list_filter = ("kind", "language", "weak")
    search_fields = ("text",)
    raw_id_fields = ("person",)
    fields = (
        *services.EDITABLE,
        "team",
        "conversation",
        "account",
        "theme",
        "pinned",
        "source",
        "created_by",
    )
    readonly_fields = fields[len(services.EDITABLE) :]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # A statement is placed in a theme as it is kept (``statement_create``): in
        # the app, on a conversation.
        return False

    def save_model(self, request: HttpRequest, obj: Statement, form: Any, change: bool) -> None:
        stored = Statement.objects.select_related("team", "theme").get(pk=obj.pk)
        services.statement_edit(
            statement=stored,
            actor=request.user,
            **{name: form.cleaned_data[name] for name in form.changed_data},
        )

    def delete_model(self, request: HttpRequest, obj: Statement) -> None:
        self.delete_queryset(request, Statement.objects.filter(pk=obj.pk))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Statement]) -> None:
        by_team: dict[Any, list[Statement]] = {}
        for statement in queryset.select_related("team", "theme"):
            by_team.setdefault(statement.team, []).append(statement)
        for team, statements in by_team.items():
            services.statements_delete(team=team, statements=statements, actor=request.user)


@admin.register(Proposal)
class ProposalAdmin(TeamScopedAdmin):
    list_display = ("text", "team", "kind", "status", "source")
    list_filter = ("status", "source")
    raw_id_fields = ("conversation", "person", "statement")


@admin.register(TaughtTerm)
class TaughtTermAdmin(TeamScopedAdmin):
    """Shown only: taught words are grouping decisions, made by moving a statement."""

    list_display = ("term", "concept", "team")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Notification)
class NotificationAdmin(TeamScopedAdmin):
    list_display = ("text", "team", "level", "created_at")

from django.contrib import admin

from fasit.core.admin import TeamScopedAdmin
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


@admin.register(Statement)
class StatementAdmin(TeamScopedAdmin):
    list_display = ("text", "team", "account", "kind", "language", "said_on", "theme", "weak")
    list_filter = ("kind", "language", "weak")
    search_fields = ("text",)
    raw_id_fields = ("conversation", "account", "person", "theme")


@admin.register(Proposal)
class ProposalAdmin(TeamScopedAdmin):
    list_display = ("text", "team", "kind", "status", "source")
    list_filter = ("status", "source")
    raw_id_fields = ("conversation", "person", "statement")


@admin.register(TaughtTerm)
class TaughtTermAdmin(TeamScopedAdmin):
    list_display = ("term", "concept", "team")


@admin.register(Notification)
class NotificationAdmin(TeamScopedAdmin):
    list_display = ("text", "team", "level", "created_at")

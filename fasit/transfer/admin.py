from django.contrib import admin

from fasit.core.admin import TeamScopedAdmin
from fasit.transfer.models import ExternalKey, ImportJob, ImportMapping


@admin.register(ImportJob)
class ImportJobAdmin(TeamScopedAdmin):
    list_display = ("file_name", "team", "status", "created", "updated", "unchanged", "invalid")
    list_filter = ("status", "source")
    exclude = ("rejected",)
    readonly_fields = ("problems", "header", "columns", "layout")


@admin.register(ImportMapping)
class ImportMappingAdmin(TeamScopedAdmin):
    list_display = ("name", "team", "source", "entity")


@admin.register(ExternalKey)
class ExternalKeyAdmin(TeamScopedAdmin):
    list_display = ("key", "source", "entity", "team")
    raw_id_fields = ("account", "person")
    search_fields = ("key",)

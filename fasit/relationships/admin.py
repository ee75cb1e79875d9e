from django.contrib import admin

from fasit.core.admin import TeamScopedAdmin
from fasit.relationships.models import (
    AccountCadence,
    CadenceNorm,
    CalendarFeed,
    PersonCadence,
    ReminderSetting,
)


@admin.register(CadenceNorm)
class CadenceNormAdmin(TeamScopedAdmin):
    list_display = ("team", "tier", "days")


@admin.register(AccountCadence)
class AccountCadenceAdmin(TeamScopedAdmin):
    list_display = ("account", "days")
    raw_id_fields = ("account",)


@admin.register(PersonCadence)
class PersonCadenceAdmin(TeamScopedAdmin):
    list_display = ("person", "days")
    raw_id_fields = ("person",)


@admin.register(ReminderSetting)
class ReminderSettingAdmin(TeamScopedAdmin):
    list_display = ("team", "user", "days_before")


@admin.register(CalendarFeed)
class CalendarFeedAdmin(TeamScopedAdmin):
    list_display = ("team", "user", "created_at", "revoked_at")
    # Only the token's hash is stored; the admin does not show even that.
    exclude = ("token_hash",)

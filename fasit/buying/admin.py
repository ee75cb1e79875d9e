from django.contrib import admin

from fasit.buying.models import (
    BuyingGroupMember,
    BuyingProcess,
    Journey,
    Motive,
    Stage,
    StageChange,
)
from fasit.core.admin import TeamScopedAdmin


class StageInline(admin.TabularInline):
    model = Stage
    extra = 0
    fields = ("order", "name")


@admin.register(BuyingProcess)
class BuyingProcessAdmin(TeamScopedAdmin):
    list_display = ("__str__", "team", "category")
    inlines = [StageInline]


class StageChangeInline(admin.TabularInline):
    model = StageChange
    extra = 0
    raw_id_fields = ("conversation", "from_stage", "to_stage")


class MemberInline(admin.TabularInline):
    model = BuyingGroupMember
    extra = 0
    raw_id_fields = ("person",)


class MotiveInline(admin.TabularInline):
    model = Motive
    extra = 0
    raw_id_fields = ("person", "conversation")


@admin.register(Journey)
class JourneyAdmin(TeamScopedAdmin):
    list_display = ("title", "team", "account", "stage")
    search_fields = ("title", "account__name")
    raw_id_fields = ("account", "stage", "process")
    inlines = [StageChangeInline, MemberInline, MotiveInline]

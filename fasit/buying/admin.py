from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from fasit.buying import motives
from fasit.buying.models import (
    BuyingGroupMember,
    BuyingProcess,
    Journey,
    Motive,
    Stage,
    StageChange,
)
from fasit.buying.services import journey_delete, link_visits
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
    delete_service = staticmethod(
        lambda journey, actor: journey_delete(journey=journey, actor=actor)
    )

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        # Stage changes and outcomes edited here bypass the services that keep each
        # visit's end (left_on) and the per-stage visit counts: work them out again.
        link_visits([form.instance])
        # Motives edited inline: their themes' counts are worked out again too.
        motives.refresh_journeys([form.instance])

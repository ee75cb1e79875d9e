from django.contrib import admin

from fasit.core.admin import TeamScopedAdmin
from fasit.tenancy.models import Membership, Team, UserProfile


@admin.register(Team)
class TeamAdmin(TeamScopedAdmin):
    list_display = ("name", "slug", "language", "created_at")
    search_fields = ("name", "slug")


@admin.register(Membership)
class MembershipAdmin(TeamScopedAdmin):
    list_display = ("user", "team", "role")
    list_filter = ("role",)


@admin.register(UserProfile)
class UserProfileAdmin(TeamScopedAdmin):
    list_display = ("user", "language")

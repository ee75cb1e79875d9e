from django.contrib import admin

from fasit.core.admin import TeamScopedAdmin
from fasit.tenancy.models import Membership, Team, UserProfile


@admin.register(Team)
class TeamAdmin(TeamScopedAdmin):
    team_path = "pk"
    list_display = ("name", "slug", "language", "created_at")
    search_fields = ("name", "slug")


@admin.register(Membership)
class MembershipAdmin(TeamScopedAdmin):
    list_display = ("user", "team", "role")
    list_filter = ("role",)


@admin.register(UserProfile)
class UserProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "language")

    def get_queryset(self, request):  # type: ignore[no-untyped-def]
        queryset = super().get_queryset(request)
        return queryset if request.user.is_superuser else queryset.filter(user=request.user)

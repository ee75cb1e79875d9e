from __future__ import annotations

from typing import Any

from fasit.tenancy.models import Membership, Team


def active_membership(user: Any, team_id: Any) -> Membership | None:
    memberships = Membership.objects.filter(user=user).select_related("team")
    if team_id is not None:
        chosen = memberships.filter(team_id=team_id).first()
        if chosen is not None:
            return chosen
    return memberships.order_by("created_at", "id").first()


def user_teams(user: Any) -> list[Team]:
    return [m.team for m in Membership.objects.filter(user=user).select_related("team")]


def team_members(team: Team | None) -> list[Membership]:
    return list(Membership.objects.for_team(team).select_related("user").order_by("user__username"))


def team_users(team: Team | None) -> Any:
    from django.contrib.auth import get_user_model

    if team is None:
        return get_user_model().objects.none()
    return (
        get_user_model().objects.filter(memberships__team=team).order_by("first_name", "username")
    )

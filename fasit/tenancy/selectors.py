from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fasit.tenancy.models import WRITERS, Membership, Role, Team


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


def team_users(team: Team | None, *, roles: Iterable[str] | None = None) -> Any:
    from django.contrib.auth import get_user_model

    if team is None:
        return get_user_model().objects.none()
    # One filter() call, so the team and the role are read from the same membership.
    lookup: dict[str, Any] = {"memberships__team": team}
    if roles is not None:
        lookup["memberships__role__in"] = list(roles)
    return get_user_model().objects.filter(**lookup).order_by("first_name", "username")


def team_writers(team: Team | None) -> Any:
    """The users who keep customer records: the ones to offer as an account's owner, a
    follow-up's owner or a conversation's participant from our side. Viewers and the
    product role read along but do not own customers."""
    return team_users(team, roles=WRITERS)


def team_owners(team: Team | None) -> list[Any]:
    """The owners, who can change a member's role (named on refused pages)."""
    return list(team_users(team, roles=[Role.OWNER]))

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fasit.tenancy.models import WRITERS, Membership, Role, Team


def active_membership(user: Any, team_id: Any) -> Membership | None:
    """The membership of the team chosen in the session, else the user's first.

    Runs on every request, so it is one query: all the user's memberships (a handful)
    with their teams and the teams' sign-in policies, which the two-step check reads
    next (``signin.services.team_requires_two_factor``) without a query of its own.
    """
    memberships = list(
        Membership.objects.filter(user=user)
        .select_related("team", "team__sign_in_policy")
        .order_by("created_at", "id")
    )
    if team_id is not None:
        for membership in memberships:
            if str(membership.team_id) == str(team_id):
                return membership
    return memberships[0] if memberships else None


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

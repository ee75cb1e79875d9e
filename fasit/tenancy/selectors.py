from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fasit.tenancy.models import WRITERS, Membership, Role, Team


def active_membership(user: Any, team_id: Any) -> Membership | None:
    """The membership of the team chosen in the session, else the user's first.

    Runs on every request (TeamMiddleware), so it is written as two plain queries (the
    user's memberships, then the chosen team): the same two through the ORM's query
    builder cost about 0.8 ms of CPU, five times the rest of the lookup.
    """
    memberships = list(Membership.objects.raw(MEMBERSHIPS_SQL, [user.pk]))
    if not memberships:
        return None
    chosen = memberships[0]
    if team_id is not None:
        chosen = next((m for m in memberships if str(m.team_id) == str(team_id)), chosen)
    chosen.team = next(iter(Team.objects.raw(TEAM_SQL, [chosen.team_id])))
    return chosen


MEMBERSHIPS_SQL = (
    f"SELECT * FROM {Membership._meta.db_table} WHERE user_id = %s ORDER BY created_at, id"
)
TEAM_SQL = f"SELECT * FROM {Team._meta.db_table} WHERE id = %s"


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

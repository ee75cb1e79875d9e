"""The team's members and invitations over the API, as on the settings page: every
member sees who is in the team; only owners change roles, remove members and invite.
Writes go through ``tenancy.services``."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status

from fasit.core.api_utils import Id, require_owner
from fasit.tenancy import services
from fasit.tenancy.access import get_for_team_or_404
from fasit.tenancy.models import Invitation, Membership
from fasit.tenancy.schemas import InvitationIn, InvitationOut, MemberRoleIn, TeamMemberOut

router = Router(tags=["team"])


def _member_out(m: Membership) -> dict[str, Any]:
    return {
        "id": m.pk,
        "username": m.user.username,
        "name": m.user.get_full_name(),
        "email": m.user.email,
        "role": m.role,
        "joined_at": m.created_at,
    }


def _invitation_out(i: Invitation) -> dict[str, Any]:
    if i.accepted_at is not None:
        state = "accepted"
    elif i.revoked_at is not None:
        state = "revoked"
    elif i.expires_at <= timezone.now():
        state = "expired"
    else:
        state = "pending"
    return {
        "id": i.pk,
        "email": i.email,
        "role": i.role,
        "invited_by": i.invited_by.username if i.invited_by_id else None,
        "created_at": i.created_at,
        "expires_at": i.expires_at,
        "state": state,
    }


def _membership(request: HttpRequest, membership_id: int) -> Membership:
    membership = get_for_team_or_404(
        Membership.objects.select_related("user", "team"),
        request.team,  # type: ignore[attr-defined]
        pk=membership_id,
    )
    require_owner(request)
    return membership


@router.get("/members", response=list[TeamMemberOut])
def list_members(request: HttpRequest) -> Any:
    members = Membership.objects.for_team(request.team).select_related("user")  # type: ignore[attr-defined]
    return [_member_out(m) for m in members.order_by("id")]


@router.patch("/members/{membership_id}", response=TeamMemberOut)
def set_member_role(request: HttpRequest, membership_id: Id, payload: MemberRoleIn) -> Any:
    """Owners only. A team keeps at least one owner (400 otherwise)."""
    membership = _membership(request, membership_id)
    services.membership_set_role(membership=membership, actor=request.user, role=payload.role)
    return _member_out(membership)


@router.delete("/members/{membership_id}", response={204: None})
def remove_member(request: HttpRequest, membership_id: Id) -> Status[None]:
    """Owners only: the user leaves the team (their tokens and calendar feed stop)."""
    membership = _membership(request, membership_id)
    services.membership_remove(membership=membership, actor=request.user)
    return Status(204, None)


@router.get("/invitations", response=list[InvitationOut])
def list_invitations(request: HttpRequest) -> Any:
    """Owners only: the team's invitations, newest first."""
    require_owner(request)
    invitations = Invitation.objects.for_team(request.team).select_related("invited_by")  # type: ignore[attr-defined]
    return [_invitation_out(i) for i in invitations.order_by("-id")]


@router.post("/invitations", response={201: InvitationOut})
def create_invitation(request: HttpRequest, payload: InvitationIn) -> Status[Any]:
    """Owners only: the link goes by e-mail to the address (a new invitation to the
    same address replaces a pending one)."""
    require_owner(request)
    invitation = services.invitation_create(
        team=request.team,  # type: ignore[attr-defined]
        actor=request.user,
        email=payload.email,
        role=payload.role,
    )
    return Status(201, _invitation_out(invitation))


@router.post("/invitations/{invitation_id}/revoke", response=InvitationOut)
def revoke_invitation(request: HttpRequest, invitation_id: Id) -> Any:
    """Owners only: the link stops working (400 once accepted)."""
    invitation = get_for_team_or_404(
        Invitation.objects.select_related("team", "invited_by"),
        request.team,  # type: ignore[attr-defined]
        pk=invitation_id,
    )
    require_owner(request)
    services.invitation_revoke(invitation=invitation, actor=request.user)
    return _invitation_out(invitation)

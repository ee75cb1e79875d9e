from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fasit.core.forms import add_service_errors, submit
from fasit.core.views import flash_form_errors
from fasit.customers.forms import CategoryForm
from fasit.customers.models import CustomerCategory
from fasit.customers.services import category_create
from fasit.tenancy import services
from fasit.tenancy.access import (
    get_for_team_or_404,
    owner_required,
    team_required,
    write_required,
)
from fasit.tenancy.currency import rates_date, team_rates
from fasit.tenancy.forms import (
    InvitationSignupForm,
    InviteForm,
    MemberRoleForm,
    PreferencesForm,
    TeamRatesForm,
    TeamSettingsForm,
    TokenForm,
)
from fasit.tenancy.models import ApiToken, Invitation, Membership, UserProfile
from fasit.tenancy.selectors import team_members
from fasit.tenancy.signals import remember_preferences


@require_POST
@team_required
def team_switch(request: HttpRequest) -> HttpResponse:
    # Only a team the user belongs to can become active; anything else is a 404.
    membership = (
        Membership.objects.filter(user=request.user, team_id=request.POST.get("team") or None)
        .select_related("team")
        .first()
    )
    if membership is None:
        raise Http404
    request.session["team_id"] = membership.team_id
    messages.success(request, _("Switched to %(team)s.") % {"team": membership.team.name})
    return redirect("home")


def _settings_context(request: HttpRequest, **extra: Any) -> dict[str, Any]:
    team = request.team  # type: ignore[attr-defined]
    membership = request.membership  # type: ignore[attr-defined]
    tokens = ApiToken.objects.for_team(team).select_related("user")
    if not membership.is_owner:
        tokens = tokens.filter(user=request.user)
    context = {
        "team_form": TeamSettingsForm(initial={"name": team.name, "language": team.language}),
        "rates_form": TeamRatesForm(
            initial={
                "currency": team.currency,
                "on": rates_date(team),
                **{f"rate_{c}": v for c, v in team_rates(team).items()},
            }
        ),
        "rates_are_default": not team.exchange_rates_on,
        "members": team_members(team),
        "invite_form": InviteForm(),
        "invitations": (
            Invitation.objects.for_team(team).pending().select_related("invited_by")
            if membership.is_owner
            else []
        ),
        "categories": CustomerCategory.objects.for_team(team),
        "category_form": CategoryForm(),
        "roles": MemberRoleForm.base_fields["role"].choices,
        "tokens": tokens.filter(revoked_at__isnull=True),
        "token_form": TokenForm(can_write=membership.can_write),
        "now": timezone.now(),
    }
    if membership.is_owner:
        from fasit.webhooks.views import settings_context

        context.update(settings_context(team))
    context.update(extra)
    return context


@team_required
def settings_page(request: HttpRequest) -> HttpResponse:
    profile = UserProfile.objects.filter(user=request.user).first()
    preferences_form = PreferencesForm(
        initial={
            "language": profile.language if profile else "",
            "time_zone": profile.time_zone if profile else "",
        }
    )
    if request.method == "POST":
        preferences_form = PreferencesForm(request.POST)
        if preferences_form.is_valid():
            profile = services.user_set_preferences(
                user=request.user, **preferences_form.cleaned_data
            )
            remember_preferences(request, profile)
            return redirect("settings")
    return render(
        request,
        "tenancy/settings.html",
        _settings_context(request, preferences_form=preferences_form),
    )


@require_POST
@team_required
def token_create(request: HttpRequest) -> HttpResponse:
    """Any member makes tokens for themself in the active team. The secret is shown in
    this response only (no redirect, so it is never kept in a message or the session)."""
    membership = request.membership  # type: ignore[attr-defined]
    form = TokenForm(request.POST, can_write=membership.can_write)
    secret = None
    if form.is_valid():
        try:
            _token, secret = services.api_token_create(
                team=request.team,  # type: ignore[attr-defined]
                user=request.user,
                actor=request.user,
                **form.cleaned_data,
            )
            form = TokenForm(can_write=membership.can_write)
        except ValidationError as exc:
            add_service_errors(form, exc)
    context = _settings_context(request, preferences_form=PreferencesForm(), new_secret=secret)
    context["token_form"] = form
    response = render(request, "tenancy/settings.html", context)
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@team_required
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """One's own token; an owner may revoke any token of the team."""
    tokens = ApiToken.objects.all()
    if not request.membership.is_owner:  # type: ignore[attr-defined]
        tokens = tokens.filter(user=request.user)
    token = get_for_team_or_404(tokens, request.team, pk=pk)  # type: ignore[attr-defined]
    services.api_token_revoke(token=token, actor=request.user)
    messages.success(request, _("The token %(name)s no longer works.") % {"name": token.name})
    return redirect("settings")


@require_POST
@owner_required
def team_update(request: HttpRequest) -> HttpResponse:
    form = TeamSettingsForm(request.POST)
    submit(form, services.team_update, team=request.team, actor=request.user)  # type: ignore[attr-defined]
    flash_form_errors(request, form)
    return redirect("settings")


@require_POST
@owner_required
def team_rates_update(request: HttpRequest) -> HttpResponse:
    form = TeamRatesForm(request.POST)
    if form.is_valid():
        try:
            services.team_rates_set(
                team=request.team,  # type: ignore[attr-defined]
                actor=request.user,
                **form.service_data(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Currency and exchange rates saved."))
    flash_form_errors(request, form)
    return redirect("settings")


@require_POST
@owner_required
def invitation_create(request: HttpRequest) -> HttpResponse:
    form = InviteForm(request.POST)
    if submit(form, services.invitation_create, team=request.team, actor=request.user):  # type: ignore[attr-defined]
        messages.success(
            request,
            _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]},
        )
    flash_form_errors(request, form)
    return redirect("settings")


@require_POST
@owner_required
def invitation_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_for_team_or_404(Invitation.objects.all(), request.team, pk=pk)  # type: ignore[attr-defined]
    try:
        services.invitation_revoke(invitation=invitation, actor=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The invitation is revoked; its link no longer works."))
    return redirect("settings")


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The link in an invitation e-mail. No team or sign-in needed to open it: the
    token is the key. A signed-in user accepts; anyone else signs in (and comes back
    here) or creates an account. A used, revoked, expired or unknown link is a 404."""
    found = services.invitation_by_token(token)
    if found is None:
        return render(request, "tenancy/invitation_invalid.html", status=404)
    signup_form = InvitationSignupForm()
    if request.method == "POST" and request.user.is_authenticated:
        try:
            membership = services.invitation_accept(token=token, user=request.user)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return redirect("home")
        return _welcome(request, membership)
    if request.method == "POST":
        signup_form = InvitationSignupForm(request.POST)
        if signup_form.is_valid():
            try:
                user = services.user_create_for_invitation(
                    token=token,
                    username=signup_form.cleaned_data["username"],
                    password=signup_form.cleaned_data["password1"],
                )
            except ValidationError as exc:
                add_service_errors(signup_form, exc)
            else:
                login(request, user, backend="fasit.signin.backends.ModelBackend")
                return _welcome(request, Membership.objects.get(team=found.team, user=user))
    return render(
        request,
        "tenancy/invitation.html",
        {
            "invitation": found,
            "signup_form": signup_form,
            "login_url": f"{reverse('login')}?{urlencode({'next': request.path})}",
        },
    )


def _welcome(request: HttpRequest, membership: Membership) -> HttpResponse:
    request.session["team_id"] = membership.team_id
    messages.success(request, _("Welcome to %(team)s.") % {"team": membership.team.name})
    return redirect("home")


@require_POST
@owner_required
def member_role(request: HttpRequest, pk: int) -> HttpResponse:
    membership = get_for_team_or_404(Membership.objects.all(), request.team, pk=pk)  # type: ignore[attr-defined]
    form = MemberRoleForm(request.POST)
    if form.is_valid():
        try:
            services.membership_set_role(
                membership=membership, actor=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
    flash_form_errors(request, form)
    return redirect("settings")


@require_POST
@owner_required
def member_remove(request: HttpRequest, pk: int) -> HttpResponse:
    membership = get_for_team_or_404(Membership.objects.all(), request.team, pk=pk)  # type: ignore[attr-defined]
    try:
        services.membership_remove(membership=membership, actor=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect("settings")


@require_POST
@write_required
def category_add(request: HttpRequest) -> HttpResponse:
    form = CategoryForm(request.POST)
    submit(form, category_create, team=request.team, actor=request.user)  # type: ignore[attr-defined]
    flash_form_errors(request, form)
    return redirect("settings")

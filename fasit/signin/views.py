"""Sign-in with an optional second step, and the two-step set-up in Settings."""

from __future__ import annotations

import io
from typing import Any

import segno
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import LoginView, redirect_to_login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fasit.core.forms import add_service_errors
from fasit.signin import services
from fasit.signin.forms import CodeForm, SignInCodeForm, TeamPolicyForm
from fasit.signin.lockout import lockout_response
from fasit.tenancy.access import owner_required

PENDING_USER = "fasit_2fa_user"
PENDING_BACKEND = "fasit_2fa_backend"
PENDING_AT = "fasit_2fa_at"
PENDING_NEXT = "fasit_2fa_next"
# The password step is good for this long; then the password is asked again.
PENDING_SECONDS = 5 * 60


class SignInView(LoginView):
    """Django's login, with a second step for users who have turned two-step sign-in on:
    the password alone does not sign them in."""

    def form_valid(self, form: Any) -> HttpResponse:
        user = form.get_user()
        if services.device_for(user) is None:
            return super().form_valid(form)
        session = self.request.session
        session[PENDING_USER] = user.pk
        session[PENDING_BACKEND] = user.backend
        session[PENDING_AT] = timezone.now().timestamp()
        session[PENDING_NEXT] = self.get_success_url()
        return HttpResponseRedirect(reverse("signin:verify"))


def admin_login(request: HttpRequest) -> HttpResponse:
    """The admin's own login form would sign in with the password alone; every
    sign-in goes through Fasit's, with its second step and lock-out. A signed-in user
    still sees the admin's page (it says when they lack the rights), but never posts
    another user's password to it."""
    if request.user.is_authenticated and request.method == "GET":
        from django.contrib import admin

        return admin.site.login(request)
    return redirect_to_login(request.GET.get("next") or reverse("admin:index"))


def _pending_user(request: HttpRequest) -> Any:
    session = request.session
    started = session.get(PENDING_AT)
    if not started or timezone.now().timestamp() - started > PENDING_SECONDS:
        return None
    return get_user_model().objects.filter(pk=session.get(PENDING_USER), is_active=True).first()


def verify(request: HttpRequest) -> HttpResponse:
    """The second step: a code from the app or a recovery code. A wrong code counts as
    a failed sign-in for the lock-out, so codes cannot be guessed either."""
    user = _pending_user(request)
    if user is None:
        messages.info(request, _("Sign in again, please."))
        return redirect("login")
    credentials = {settings.AXES_USERNAME_FORM_FIELD: user.get_username()}
    form = SignInCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if AxesProxyHandler.is_locked(request, credentials):
            return lockout_response(request, None, credentials)
        if services.two_factor_verify(user=user, code=form.cleaned_data["code"]):
            backend = request.session.get(PENDING_BACKEND) or settings.AUTHENTICATION_BACKENDS[-1]
            next_url = request.session.get(PENDING_NEXT) or settings.LOGIN_REDIRECT_URL
            for key in (PENDING_USER, PENDING_BACKEND, PENDING_AT, PENDING_NEXT):
                request.session.pop(key, None)
            login(request, user, backend=backend)
            left = services.recovery_codes_left(user)
            if left <= 3:
                messages.warning(
                    request,
                    _("You have %(count)d recovery codes left. Make new ones in Settings.")
                    % {"count": left},
                )
            return redirect(next_url)
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        if getattr(request, "axes_locked_out", False):
            return lockout_response(request, None, credentials)
        form.add_error("code", _("That code is not right."))
    return render(request, "signin/verify.html", {"form": form})


def _qr_svg(uri: str) -> str:
    out = io.BytesIO()
    segno.make(uri, error="m").save(
        out, kind="svg", xmldecl=False, svgns=True, scale=5, border=2, title=_("QR code")
    )
    return out.getvalue().decode("ascii")


@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    """Settings → Two-step sign-in: set it up (QR code drawn here, no network), see how
    many recovery codes are left, make new ones, turn it off."""
    user = request.user
    device = services.device_for(user)
    team = getattr(request, "team", None)
    membership = getattr(request, "membership", None)
    context: dict[str, Any] = {
        "device": device,
        "required": services.two_factor_required(user),
        "team_required": services.team_requires_two_factor(team),
        "is_owner": bool(membership and membership.is_owner),
        # Two forms with a code field on one page: distinct ids for their labels.
        "renew_form": CodeForm(auto_id="renew_%s"),
        "off_form": CodeForm(auto_id="off_%s"),
    }
    if device is None:
        form = CodeForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                codes = services.two_factor_confirm(user=user, code=form.cleaned_data["code"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                # Shown this once: only their hashes are kept.
                return render(request, "signin/recovery_codes.html", {"codes": codes})
        pending = services.two_factor_begin(user=user, restart="restart" in request.GET)
        uri = services.provisioning_uri(pending)
        context.update(
            form=form,
            qr=mark_safe(_qr_svg(uri)),  # noqa: S308  (segno's own SVG, no user input)
            secret=" ".join(pending.secret[i : i + 4] for i in range(0, len(pending.secret), 4)),
        )
    else:
        context["codes_left"] = services.recovery_codes_left(user)
    return render(request, "signin/two_factor.html", context)


@require_POST
@login_required
def recovery_codes(request: HttpRequest) -> HttpResponse:
    form = CodeForm(request.POST)
    if form.is_valid():
        try:
            codes = services.recovery_codes_renew(user=request.user, code=form.cleaned_data["code"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return render(request, "signin/recovery_codes.html", {"codes": codes})
    for error in form.errors.get("code", []):
        messages.error(request, error)
    return redirect("signin:two_factor")


@require_POST
@login_required
def disable(request: HttpRequest) -> HttpResponse:
    form = CodeForm(request.POST)
    if form.is_valid():
        try:
            services.two_factor_disable(user=request.user, code=form.cleaned_data["code"])
        except ValidationError as exc:
            for error in exc.messages:
                messages.error(request, error)
        else:
            messages.success(request, _("Two-step sign-in is off."))
    return redirect("signin:two_factor")


@require_POST
@owner_required
def team_policy(request: HttpRequest) -> HttpResponse:
    form = TeamPolicyForm(request.POST)
    if form.is_valid():
        try:
            services.team_set_two_factor(
                team=request.team,  # type: ignore[attr-defined]
                actor=request.user,
                required=form.cleaned_data["require_two_factor"],
            )
        except ValidationError as exc:
            for error in exc.messages:
                messages.error(request, error)
        else:
            messages.success(request, _("Saved."))
    return redirect("signin:two_factor")

"""The "Mail and calendar" page (a user's connections and private contacts, the
team's body setting) and the e-mail upload on an account's or a person's page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fasit.capture import calendars, imap, selectors, services, smtp
from fasit.capture.forms import (
    CalendarSubscribeForm,
    CalendarUploadForm,
    CaptureSettingsForm,
    ExclusionForm,
    MailboxForm,
    MailUploadForm,
)
from fasit.capture.models import CalendarSource, Exclusion, MailAddress, MailConnection
from fasit.capture.tasks import sync_calendar_task, sync_mailbox_task
from fasit.capture.uploads import mail_upload
from fasit.core.forms import add_service_errors
from fasit.core.views import flash_form_errors
from fasit.customers.models import Account, Person
from fasit.tenancy.access import get_for_team_or_404, owner_required, write_required


def _page_context(request: HttpRequest) -> dict[str, Any]:
    team = request.team  # type: ignore[attr-defined]
    chosen = services.capture_settings(team)
    mailbox = MailConnection.objects.for_team(team).filter(user=request.user).first()
    initial = {"port": 993, "tls": "ssl"}
    if mailbox is not None:
        initial = {f: getattr(mailbox, f) for f in ("host", "port", "tls", "username", "folders")}
    return {
        "mail_domain": settings.FASIT_MAIL_DOMAIN,
        "calendar_upload_form": CalendarUploadForm(),
        "calendar_subscribe_form": CalendarSubscribeForm(),
        "mailbox_form": MailboxForm(initial=initial),
        "exclusions": selectors.user_exclusions(team, request.user),
        "exclusion_form": ExclusionForm(),
        "settings_form": CaptureSettingsForm(
            initial={"store_body": chosen.store_body, "body_chars": chosen.body_chars}
        ),
        **selectors.connection_context(team, request.user),
    }


@write_required
def capture_page(request: HttpRequest) -> HttpResponse:
    context = _page_context(request)
    context["new_address"] = request.session.pop("capture_new_address", None)
    return render(request, "capture/settings.html", context)


@require_POST
@write_required
def mailbox_connect(request: HttpRequest) -> HttpResponse:
    form = MailboxForm(request.POST)
    if form.is_valid():
        try:
            connection = imap.mailbox_connect(
                team=request.team,  # type: ignore[attr-defined]
                user=request.user,
                **form.cleaned_data,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            sync_mailbox_task.enqueue(connection.pk)
            messages.success(request, _("Mailbox connected. The first sync has started."))
    flash_form_errors(request, form)
    return redirect("capture:settings")


def _own_mailbox(request: HttpRequest) -> MailConnection | None:
    return (
        MailConnection.objects.for_team(request.team)  # type: ignore[attr-defined]
        .filter(user=request.user)
        .first()
    )


@require_POST
@write_required
def mailbox_sync(request: HttpRequest) -> HttpResponse:
    connection = _own_mailbox(request)
    if connection is not None:
        sync_mailbox_task.enqueue(connection.pk)
        messages.success(request, _("Sync started."))
    return redirect("capture:settings")


@require_POST
@write_required
def mailbox_disconnect(request: HttpRequest) -> HttpResponse:
    connection = _own_mailbox(request)
    if connection is not None:
        imap.mailbox_disconnect(connection=connection, actor=request.user)
        messages.success(request, _("Mailbox disconnected. What it captured stays."))
    return redirect("capture:settings")


@require_POST
@write_required
def bcc_address(request: HttpRequest) -> HttpResponse:
    address = smtp.bcc_address_create(team=request.team, user=request.user)  # type: ignore[attr-defined]
    # Only the token's hash is kept: this page is the one chance to copy it.
    request.session["capture_new_address"] = address
    return redirect("capture:settings")


@require_POST
@write_required
def bcc_revoke(request: HttpRequest) -> HttpResponse:
    address = (
        MailAddress.objects.for_team(request.team)  # type: ignore[attr-defined]
        .filter(user=request.user)
        .first()
    )
    if address is not None:
        smtp.bcc_address_revoke(address=address, actor=request.user)
        messages.success(request, _("The address no longer logs mail."))
    return redirect("capture:settings")


@require_POST
@write_required
def calendar_upload(request: HttpRequest) -> HttpResponse:
    form = CalendarUploadForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = calendars.calendar_upload(
                team=request.team,  # type: ignore[attr-defined]
                user=request.user,
                name=upload.name or "calendar.ics",
                content=b"".join(upload.chunks()),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("%(captured)s past meetings logged, %(planned)s planned meetings with customers.")
                % {"captured": report.captured, "planned": report.planned},
            )
    flash_form_errors(request, form)
    return redirect("capture:settings")


@require_POST
@write_required
def calendar_subscribe(request: HttpRequest) -> HttpResponse:
    form = CalendarSubscribeForm(request.POST)
    if form.is_valid():
        try:
            source = calendars.calendar_subscribe(
                team=request.team,  # type: ignore[attr-defined]
                user=request.user,
                url=form.cleaned_data["url"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            sync_calendar_task.enqueue(source.pk)
            messages.success(request, _("Calendar added. It is read now and then periodically."))
    flash_form_errors(request, form)
    return redirect("capture:settings")


@require_POST
@write_required
def calendar_remove(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_for_team_or_404(
        CalendarSource.objects.filter(user=request.user),
        request.team,  # type: ignore[attr-defined]
        pk=pk,
    )
    calendars.calendar_unsubscribe(source=source, actor=request.user)
    return redirect("capture:settings")


@require_POST
@owner_required
def team_settings(request: HttpRequest) -> HttpResponse:
    form = CaptureSettingsForm(request.POST)
    if form.is_valid():
        try:
            services.capture_settings_update(
                team=request.team,  # type: ignore[attr-defined]
                actor=request.user,
                **form.cleaned_data,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
    flash_form_errors(request, form)
    return redirect("capture:settings")


@require_POST
@write_required
def exclusion_add(request: HttpRequest) -> HttpResponse:
    form = ExclusionForm(request.POST)
    if form.is_valid():
        try:
            services.exclusion_add(
                team=request.team,  # type: ignore[attr-defined]
                user=request.user,
                value=form.cleaned_data["value"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Kept private."))
    flash_form_errors(request, form)
    return redirect("capture:settings")


@require_POST
@write_required
def exclusion_remove(request: HttpRequest, pk: int) -> HttpResponse:
    # Only one's own private contacts: another user's are as absent as another team's.
    exclusion = get_for_team_or_404(
        Exclusion.objects.filter(user=request.user),
        request.team,  # type: ignore[attr-defined]
        pk=pk,
    )
    services.exclusion_remove(exclusion=exclusion, actor=request.user)
    return redirect("capture:settings")


def _upload(
    request: HttpRequest, *, account: Account | None, person: Person | None
) -> HttpResponse:
    form = MailUploadForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = mail_upload(
                team=request.team,  # type: ignore[attr-defined]
                user=request.user,
                name=upload.name or "mail.eml",
                content=b"".join(upload.chunks()),
                account=account,
                person=person,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
    status = 400 if request.method == "POST" and form.errors else 200
    return render(
        request,
        "capture/upload.html",
        {"form": form, "report": report, "account": account, "person": person},
        status=status,
    )


@write_required
def account_mail_upload(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_for_team_or_404(Account.objects.all(), request.team, pk=pk)  # type: ignore[attr-defined]
    return _upload(request, account=account, person=None)


@write_required
def person_mail_upload(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_for_team_or_404(Person.objects.all(), request.team, pk=pk)  # type: ignore[attr-defined]
    return _upload(request, account=None, person=person)

"""Privacy pages: a person's privacy page (legal basis, consent, notice, export,
erasure) for members, and the team's records, review queue, notices, access log and
settings for owners."""

from __future__ import annotations

import csv
import io
import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fasit.core.forms import add_service_errors, submit
from fasit.core.views import flash_form_errors, paginate
from fasit.customers.models import Consent, Person
from fasit.customers.services import consent_record, consent_withdraw
from fasit.privacy import selectors, services
from fasit.privacy.erasure import erasure_preview, person_erase
from fasit.privacy.export import FORMATS, export_person
from fasit.privacy.forms import (
    ConsentForm,
    EraseForm,
    KeepForm,
    NoticeSentForm,
    PrivacySettingsForm,
    RequestForm,
    RetentionRulesForm,
)
from fasit.privacy.models import ErasureCandidate, RegisterEntry
from fasit.privacy.notice import draft_notice, last_notice, notice_needed, person_language
from fasit.privacy.retention import describe, retention_run, team_rules, team_settings
from fasit.tenancy.access import (
    get_for_team_or_404,
    owner_required,
    team_required,
    write_required,
)


def _person(request: HttpRequest, pk: int) -> Person:
    return get_for_team_or_404(Person.objects.select_related("team"), request.team, pk=pk)  # type: ignore[attr-defined]


# -- one person ---------------------------------------------------------------------------


@team_required
def person_privacy(request: HttpRequest, pk: int) -> HttpResponse:
    person = _person(request, pk)
    candidate = ErasureCandidate.objects.filter(person=person).first()
    return render(
        request,
        "privacy/person.html",
        {
            "person": person,
            "consents": person.consents.select_related("recorded_by"),
            "consent_form": ConsentForm(),
            "notice_needed": notice_needed(person),
            "last_notice": last_notice(person),
            "candidate": candidate,
            "candidate_why": describe(candidate) if candidate else "",
            "request_form": RequestForm(),
            "formats": FORMATS,
        },
    )


@write_required
def person_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    person = _person(request, pk)
    if fmt not in FORMATS:
        return HttpResponse(status=404)
    export = export_person(person=person, actor=request.user, channel="web", fmt=fmt)
    response = HttpResponse(export.content, content_type=export.content_type)
    if fmt == "json":
        response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    return response


@require_POST
@write_required
def consent_add(request: HttpRequest, pk: int) -> HttpResponse:
    person = _person(request, pk)
    form = ConsentForm(request.POST)
    if submit(form, consent_record, person=person, actor=request.user):
        messages.success(request, _("Consent recorded."))
    flash_form_errors(request, form)
    return redirect("privacy:person", pk=person.pk)


@require_POST
@write_required
def consent_end(request: HttpRequest, pk: int, consent_pk: int) -> HttpResponse:
    person = _person(request, pk)
    consent = get_for_team_or_404(Consent.objects.all(), request.team, pk=consent_pk, person=person)  # type: ignore[attr-defined]
    try:
        consent_withdraw(consent=consent, actor=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("Consent withdrawn. The retention rule for withdrawn consent applies now.")
        )
    return redirect("privacy:person", pk=person.pk)


@write_required
def person_notice(request: HttpRequest, pk: int) -> HttpResponse:
    person = _person(request, pk)
    language = (
        request.POST.get("language") or request.GET.get("language") or person_language(person)
    )
    form = NoticeSentForm(request.POST or None, initial={"language": language})
    if request.method == "POST" and submit(
        form, services.notice_record, person=person, actor=request.user
    ):
        messages.success(request, _("Recorded that the information notice was sent."))
        return redirect("privacy:person", pk=person.pk)
    return render(
        request,
        "privacy/notice.html",
        {
            "person": person,
            "notice": draft_notice(person, language),
            "form": form,
            "notices": person.information_notices.select_related("sent_by"),
        },
    )


@require_POST
@write_required
def person_request_erasure(request: HttpRequest, pk: int) -> HttpResponse:
    person = _person(request, pk)
    form = RequestForm(request.POST)
    if submit(form, services.erasure_request, person=person, actor=request.user):
        messages.success(request, _("The request is in the owners' review queue."))
    return redirect("privacy:person", pk=person.pk)


@owner_required
def person_erase_view(request: HttpRequest, pk: int) -> HttpResponse:
    person = _person(request, pk)
    form = EraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            person_erase(
                person=person,
                actor=request.user,
                channel=RegisterEntry.Channel.WEB,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The person was erased from everywhere in Fasit."))
            return redirect("privacy:records")
    return render(
        request,
        "privacy/erase.html",
        {"person": person, "form": form, "preview": erasure_preview(person)},
    )


# -- the team (owners) ------------------------------------------------------------------


@owner_required
def records(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    fmt = request.GET.get("format", "")
    if fmt in {"csv", "json"}:
        return _records_download(request, fmt)
    return render(
        request,
        "privacy/records.html",
        {
            "records": selectors.records_of_processing(team),
            "page_obj": paginate(request, selectors.register(team)),
        },
    )


def _records_download(request: HttpRequest, fmt: str) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    data = selectors.records_export(team)
    if fmt == "json":
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2, default=str),
            content_type="application/json; charset=utf-8",
        )
    else:
        out = io.StringIO()
        writer = csv.writer(out)
        for section, rows in data.items():
            if not isinstance(rows, list) or not rows:
                continue
            writer.writerow([section])
            writer.writerow(list(rows[0]))
            for row in rows:
                writer.writerow([row[key] for key in rows[0]])
            writer.writerow([])
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="fasit-privacy-records.{fmt}"'
    return response


@owner_required
def queue(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    if request.method == "POST":
        result = retention_run(team=team, today=timezone.localdate(), actor=request.user)
        messages.success(
            request,
            _("Retention rules applied: %(due)s due, %(new)s new, %(erased)s erased.")
            % {"due": result.due, "new": result.new, "erased": result.erased},
        )
        return redirect("privacy:queue")
    candidates = paginate(request, selectors.review_queue(team))
    for candidate in candidates:
        candidate.why = describe(candidate)
    return render(
        request,
        "privacy/queue.html",
        {
            "page_obj": candidates,
            "keep_form": KeepForm(),
            "settings": team_settings(team),
        },
    )


def _candidate(request: HttpRequest, pk: int) -> ErasureCandidate:
    return get_for_team_or_404(
        ErasureCandidate.objects.select_related("person"),
        request.team,  # type: ignore[attr-defined]
        pk=pk,
    )


@require_POST
@owner_required
def candidate_keep(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = _candidate(request, pk)
    form = KeepForm(request.POST)
    if submit(form, services.candidate_keep, candidate=candidate, actor=request.user):
        messages.success(request, _("Kept."))
    flash_form_errors(request, form)
    return redirect("privacy:queue")


@require_POST
@owner_required
def candidate_erase(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = _candidate(request, pk)
    person_erase(
        person=candidate.person,
        actor=request.user,
        channel=RegisterEntry.Channel.WEB,
        reason=describe(candidate),
    )
    messages.success(request, _("The person was erased from everywhere in Fasit."))
    return redirect("privacy:queue")


@owner_required
def notices(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    return render(
        request,
        "privacy/notices.html",
        {"page_obj": paginate(request, selectors.notices_due(team))},
    )


@owner_required
def access(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    person = None
    if request.GET.get("person"):
        person = _person(request, request.GET["person"])  # type: ignore[arg-type]
    return render(
        request,
        "privacy/access.html",
        {
            "person": person,
            "page_obj": paginate(request, selectors.access_log(team, person=person)),
        },
    )


@owner_required
def privacy_settings(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    settings_form = PrivacySettingsForm(
        request.POST if request.POST.get("part") == "settings" else None,
        instance=team_settings(team),
    )
    rules_form = RetentionRulesForm(
        request.POST if request.POST.get("part") == "rules" else None, rules=team_rules(team)
    )
    if request.method == "POST":
        if settings_form.is_bound and settings_form.is_valid():
            services.privacy_settings_update(
                team=team, actor=request.user, data=settings_form.cleaned_data
            )
            messages.success(request, _("Saved."))
            return redirect("privacy:settings")
        if rules_form.is_bound and rules_form.is_valid():
            try:
                services.retention_rules_set(
                    team=team, actor=request.user, rules=rules_form.cleaned_data
                )
            except ValidationError as exc:
                add_service_errors(rules_form, exc)
            else:
                messages.success(request, _("Saved."))
                return redirect("privacy:settings")
    return render(
        request,
        "privacy/settings.html",
        {"settings_form": settings_form, "rules_form": rules_form},
    )

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fasit.buying import charts, selectors, services
from fasit.buying.forms import (
    JourneyCreateForm,
    JourneyFilterForm,
    JourneyForm,
    MemberForm,
    MotiveForm,
    OutcomeForm,
    ProcessCreateForm,
    ProcessForm,
    StageAddForm,
    StageChangeForm,
    StageForm,
)
from fasit.buying.models import BuyingGroupMember, BuyingProcess, Journey, Motive, Stage
from fasit.conversations.models import Conversation
from fasit.core.cache import team_cached
from fasit.core.forms import add_service_errors, submit
from fasit.core.views import flash_form_errors, history_page, list_template, paginate, sort_list
from fasit.customers.models import Account
from fasit.tenancy.access import get_for_team_or_404, shape_required, team_required, write_required


def _error_messages(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


# -- overview, gaps, insight -------------------------------------------------------


JOURNEY_SORTS = {
    "journey": "title",
    "account": "account__name",
    "stage": "stage__order",
    "days": "-stage_since",
    "forecast": "forecast_probability",
}


@team_required
def home(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    filters = JourneyFilterForm(request.GET or None, team=team)
    params = filters.cleaned_data if filters.is_valid() else {}
    journeys, sorting = sort_list(
        request,
        selectors.journey_list(team, process=params.get("process")),
        JOURNEY_SORTS,
        "account",
    )
    if params.get("risk"):
        # Risk needs every journey judged (from plain rows); only the page is assessed.
        frames = selectors.team_frames(team)
        ids = selectors.risk_ids(team, journeys, params["risk"], frames=frames)
        page = paginate(request, ids)  # type: ignore[arg-type]
        page.object_list = selectors.assess_ids(team, page.object_list, frames=frames)
    else:
        page = paginate(request, journeys)
        page.object_list = selectors.assess(team, page.object_list)
    return render(
        request,
        list_template(request, "buying/home.html"),
        {"filters": filters, "page_obj": page, "sorting": sorting},
    )


@team_required
def gaps(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    summary = selectors.gap_summary(team)
    page = paginate(request, summary.ids)  # type: ignore[arg-type]
    page.object_list = selectors.assess_ids(team, page.object_list)
    return render(
        request,
        "buying/gaps.html",
        {
            "gaps": page.object_list,
            "page_obj": page,
            "count": len(summary),
            "totals": summary.totals,
        },
    )


@team_required
def insight(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]

    def sections() -> SafeString:
        result = [
            {"insight": data, "charts": charts.insight_charts(data)}
            for data in selectors.team_insight(team)
        ]
        # Rendered here: the charts and translated counts were most of a cached page.
        return render_to_string(
            "buying/insight.html#sections", {"sections": result}, request=request
        )

    # Every stage change of the team feeds it: computed once per change of the team's
    # buying data (a logged conversation or a statement leaves it as it was).
    return render(
        request,
        "buying/insight.html",
        {"sections_html": team_cached(team, "buying-insight-html", sections, area="buying")},
    )


# -- processes (the workshop page) -----------------------------------------------------


@team_required
def process_list(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    return render(
        request,
        "buying/process_list.html",
        {"processes": selectors.process_list(team), "form": ProcessCreateForm(team=team)},
    )


@require_POST
@shape_required
def process_create(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    form = ProcessCreateForm(request.POST, team=team)
    if form.is_valid():
        try:
            process = services.process_create(team=team, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Buying process created."))
            return redirect("buying:process", pk=process.pk)
    flash_form_errors(request, form)
    return redirect("buying:processes")


def _process_context(process: BuyingProcess, **extra: Any) -> dict[str, Any]:
    norms = selectors.process_norms(process)
    return {
        "process": process,
        "stage_rows": [(s, norms[str(s.pk)]) for s in selectors.process_stages(process)],
        "add_form": StageAddForm(),
        **extra,
    }


@team_required
def process_detail(request: HttpRequest, pk: int) -> HttpResponse:
    process = get_for_team_or_404(
        BuyingProcess.objects.select_related("category"),
        request.team,  # type: ignore[attr-defined]
        pk=pk,
    )
    return render(
        request,
        "buying/process_detail.html",
        _process_context(process, process_form=ProcessForm(instance=process)),
    )


@require_POST
@shape_required
def process_edit(request: HttpRequest, pk: int) -> HttpResponse:
    process = get_for_team_or_404(BuyingProcess.objects.all(), request.team, pk=pk)  # type: ignore[attr-defined]
    form = ProcessForm(request.POST, instance=process)
    if form.is_valid():
        try:
            services.process_update(process=process, actor=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
    flash_form_errors(request, form)
    return redirect("buying:process", pk=process.pk)


def _stages_response(request: HttpRequest, process: BuyingProcess, **extra: Any) -> HttpResponse:
    if request.htmx:  # type: ignore[attr-defined]
        return render(
            request, "buying/process_detail.html#stages", _process_context(process, **extra)
        )
    for message in extra.get("errors", []):
        messages.error(request, message)
    return redirect("buying:process", pk=process.pk)


@require_POST
@shape_required
def stage_add(request: HttpRequest, pk: int) -> HttpResponse:
    process = get_for_team_or_404(BuyingProcess.objects.all(), request.team, pk=pk)  # type: ignore[attr-defined]
    form = StageAddForm(request.POST)
    errors: list[str] = []
    if form.is_valid():
        try:
            services.stage_add(process=process, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            errors = exc.messages
    else:
        errors = [e for es in form.errors.values() for e in es]
    return _stages_response(request, process, errors=errors)


def _stage(request: HttpRequest, pk: int) -> Stage:
    return get_for_team_or_404(Stage.objects.select_related("process__team"), request.team, pk=pk)  # type: ignore[attr-defined]


@team_required
def stage_card(request: HttpRequest, pk: int) -> HttpResponse:
    stage = _stage(request, pk)
    norms = selectors.process_norms(stage.process)
    return render(request, "buying/_stage.html", {"stage": stage, "norm": norms[str(stage.pk)]})


@shape_required
def stage_edit(request: HttpRequest, pk: int) -> HttpResponse:
    stage = _stage(request, pk)
    form = StageForm(request.POST or None, instance=stage)
    if request.method == "POST" and form.is_valid():
        try:
            services.stage_update(stage=stage, actor=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            stage.refresh_from_db()
            add_service_errors(form, exc)
        else:
            if request.htmx:  # type: ignore[attr-defined]
                return stage_card(request, pk)
            messages.success(request, _("Saved."))
            return redirect("buying:process", pk=stage.process_id)
    if request.method == "POST":
        stage.refresh_from_db()
    template = "buying/_stage_form.html" if request.htmx else "buying/stage_edit.html"  # type: ignore[attr-defined]
    return render(request, template, {"stage": stage, "form": form})


@require_POST
@shape_required
def stage_move(request: HttpRequest, pk: int) -> HttpResponse:
    stage = _stage(request, pk)
    errors: list[str] = []
    try:
        services.stage_move(
            stage=stage, actor=request.user, direction=request.POST.get("direction", "")
        )
    except ValidationError as exc:
        errors = exc.messages
    return _stages_response(request, stage.process, errors=errors)


@require_POST
@shape_required
def stage_remove(request: HttpRequest, pk: int) -> HttpResponse:
    stage = _stage(request, pk)
    process = stage.process
    errors: list[str] = []
    notice = ""
    try:
        neighbour = services.stage_remove(stage=stage, actor=request.user)
    except ValidationError as exc:
        errors = exc.messages
    else:
        notice = (
            _("Stage removed; its journeys moved to “%(stage)s”.") % {"stage": neighbour.name}
            if neighbour
            else _("Stage removed.")
        )
        if not request.htmx:  # type: ignore[attr-defined]
            messages.success(request, notice)
    return _stages_response(request, process, errors=errors, notice=notice)


# -- journeys ----------------------------------------------------------------------


def _journey(request: HttpRequest, pk: int) -> Journey:
    return get_for_team_or_404(
        Journey.objects.select_related("account", "process__category", "stage"),
        request.team,  # type: ignore[attr-defined]
        pk=pk,
    )


@write_required
def journey_create(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    account_id = request.POST.get("account") or request.GET.get("account")
    account = Account.objects.for_team(team).filter(pk=account_id).first() if account_id else None
    form = JourneyCreateForm(
        request.POST or None,
        team=team,
        account=account,
        initial={"account": account.pk} if account else {},
    )
    if request.method == "POST" and form.is_valid():
        try:
            journey = services.journey_create(team=team, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Journey started."))
            return redirect("buying:journey", pk=journey.pk)
    return render(request, "buying/journey_form.html", {"form": form, "account": account})


@team_required
def journey_history(request: HttpRequest, pk: int) -> HttpResponse:
    journey = _journey(request, pk)
    return history_page(
        request,
        journey,
        title=_("History of %(name)s") % {"name": journey.title},
        back_url=reverse("buying:journey", args=[journey.pk]),
    )


@team_required
def journey_detail(request: HttpRequest, pk: int) -> HttpResponse:
    journey = _journey(request, pk)
    assessment = selectors.assess_one(journey)
    return render(
        request,
        "buying/journey_detail.html",
        {
            "journey": journey,
            "a": assessment,
            "history": selectors.journey_history(journey),
            "members": selectors.journey_members(journey),
            "motives": selectors.journey_motives(journey),
            "suggestions": selectors.journey_suggestions(journey),
            "stage_form": StageChangeForm(journey=journey),
            "member_form": MemberForm(journey=journey),
            "motive_form": MotiveForm(journey=journey),
            "outcome_form": OutcomeForm(initial={"outcome": journey.outcome}),
        },
    )


@write_required
def journey_edit(request: HttpRequest, pk: int) -> HttpResponse:
    journey = _journey(request, pk)
    form = JourneyForm(request.POST or None, instance=journey)
    if request.method == "POST" and form.is_valid():
        try:
            services.journey_update(journey=journey, actor=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            journey.refresh_from_db()
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("buying:journey", pk=journey.pk)
    elif request.method == "POST":
        journey.refresh_from_db()
    return render(request, "buying/journey_edit.html", {"form": form, "journey": journey})


@require_POST
@write_required
def journey_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    journey = _journey(request, pk)
    form = OutcomeForm(request.POST)
    if form.is_valid():
        try:
            services.journey_set_outcome(journey=journey, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
    flash_form_errors(request, form)
    return redirect("buying:journey", pk=journey.pk)


@write_required
def journey_delete(request: HttpRequest, pk: int) -> HttpResponse:
    journey = _journey(request, pk)
    if request.method == "POST":
        account_pk = journey.account_id
        services.journey_delete(journey=journey, actor=request.user)
        messages.success(request, _("Journey deleted."))
        return redirect("accounts:detail", pk=account_pk)
    return render(request, "confirm_delete.html", {"object": journey})


@require_POST
@write_required
def journey_stage(request: HttpRequest, pk: int) -> HttpResponse:
    journey = _journey(request, pk)
    form = StageChangeForm(request.POST, journey=journey)
    if form.is_valid():
        try:
            services.journey_change_stage(journey=journey, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Stage changed."))
    flash_form_errors(request, form)
    return redirect("buying:journey", pk=journey.pk)


@require_POST
@write_required
def member_set(request: HttpRequest, pk: int) -> HttpResponse:
    journey = _journey(request, pk)
    form = MemberForm(request.POST, journey=journey)
    submit(form, services.member_set, journey=journey, actor=request.user)
    flash_form_errors(request, form)
    return redirect("buying:journey", pk=journey.pk)


@require_POST
@write_required
def member_remove(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    member = get_for_team_or_404(
        BuyingGroupMember.objects.select_related("journey__team"),
        request.team,  # type: ignore[attr-defined]
        pk=member_pk,
        journey_id=pk,
    )
    services.member_remove(member=member, actor=request.user)
    return redirect("buying:journey", pk=pk)


@require_POST
@write_required
def motive_add(request: HttpRequest, pk: int) -> HttpResponse:
    journey = _journey(request, pk)
    form = MotiveForm(request.POST, journey=journey)
    submit(form, services.motive_add, journey=journey, actor=request.user)
    flash_form_errors(request, form)
    return redirect("buying:journey", pk=journey.pk)


@require_POST
@write_required
def motive_remove(request: HttpRequest, pk: int, motive_pk: int) -> HttpResponse:
    motive = get_for_team_or_404(
        Motive.objects.select_related("journey__team"),
        request.team,  # type: ignore[attr-defined]
        pk=motive_pk,
        journey_id=pk,
    )
    services.motive_remove(motive=motive, actor=request.user)
    return redirect("buying:journey", pk=pk)


def _suggestion_target(request: HttpRequest, pk: int, conversation_pk: int) -> Any:
    journey = _journey(request, pk)
    conversation = get_for_team_or_404(
        Conversation.objects.all(),
        request.team,  # type: ignore[attr-defined]
        pk=conversation_pk,
        account_id=journey.account_id,
    )
    return journey, conversation


@require_POST
@write_required
def suggestion_accept(request: HttpRequest, pk: int, conversation_pk: int) -> HttpResponse:
    journey, conversation = _suggestion_target(request, pk, conversation_pk)
    try:
        change = services.suggestion_accept(
            journey=journey, actor=request.user, conversation=conversation
        )
    except ValidationError as exc:
        _error_messages(request, exc)
    else:
        messages.success(request, _("Stage changed to “%(stage)s”.") % {"stage": change.to_name})
    return redirect("buying:journey", pk=journey.pk)


@require_POST
@write_required
def suggestion_dismiss(request: HttpRequest, pk: int, conversation_pk: int) -> HttpResponse:
    journey, conversation = _suggestion_target(request, pk, conversation_pk)
    services.suggestion_dismiss(journey=journey, actor=request.user, conversation=conversation)
    if request.htmx:  # type: ignore[attr-defined]
        return HttpResponse("")
    return redirect("buying:journey", pk=journey.pk)

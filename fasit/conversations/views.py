from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from fasit.conversations import selectors, services
from fasit.conversations.forms import (
    ConversationFilterForm,
    ConversationForm,
    FollowUpFilterForm,
    FollowUpForm,
    TranscriptForm,
    account_shortlist,
)
from fasit.conversations.listening_views import card_context
from fasit.conversations.models import Conversation, FollowUp, TranscriptFile
from fasit.core import tallies
from fasit.core.forms import add_service_errors
from fasit.core.views import (
    back_to_list,
    bulk_records,
    flash_form_errors,
    history_page,
    list_template,
    paginate,
    sort_list,
)
from fasit.customers.models import Account
from fasit.privacy.models import AccessLog
from fasit.privacy.services import access_record
from fasit.tenancy.access import get_for_team_or_404, team_required, write_required

CONVERSATION_SORTS = {
    "when": "occurred_at",
    "kind": "kind",
    "account": "account__name",
    "subject": "subject",
}


@team_required
def conversation_list(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    filters = ConversationFilterForm(request.GET or None)
    params = filters.cleaned_data if filters.is_valid() else {}
    conversations = selectors.conversation_list(
        team,
        q=params.get("q", ""),
        kind=params.get("kind", ""),
        since=params.get("since"),
        until=params.get("until"),
        user=request.user if params.get("mine") else None,
    )
    conversations, sorting = sort_list(request, conversations, CONVERSATION_SORTS, "-when")
    # Without filters (or with the kind alone) the team's tally is the total.
    narrowed = any(params.get(name) for name in ("q", "since", "until", "mine"))
    count = None if narrowed else tallies.total(team, "conversations", params.get("kind") or None)
    return render(
        request,
        list_template(request, "conversations/conversation_list.html"),
        {
            "filters": filters,
            "page_obj": paginate(request, conversations, count=count),
            "sorting": sorting,
        },
    )


@team_required
def conversation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    conversation = get_for_team_or_404(Conversation.objects.select_related("account"), team, pk=pk)
    transcript = TranscriptFile.objects.filter(conversation=conversation).defer("content").first()
    if transcript is not None:
        # The page shows what was said (the listening card's timeline and questions).
        access_record(
            team=team, user=request.user, what=AccessLog.What.TRANSCRIPT, conversation=conversation
        )
    return render(
        request,
        "conversations/conversation_detail.html",
        {
            "conversation": conversation,
            "transcript": transcript,
            "follow_ups": conversation.follow_ups.select_related("owner"),
            "follow_up_form": FollowUpForm(team=team, initial={"owner": request.user}),
            "transcript_form": TranscriptForm(),
            **card_context(conversation),
        },
    )


def _log_kwargs(data: dict[str, Any], actor: Any) -> dict[str, Any]:
    kwargs = {
        key: data[key]
        for key in (
            "account",
            "kind",
            "occurred_at",
            "initiated_by",
            "customer_replied",
            "subject",
            "notes",
            "people",
        )
    }
    kwargs["users"] = list(data.get("users") or []) or [actor]
    kwargs["transcript"] = data.get("transcript")
    if data.get("follow_up"):
        kwargs["follow_ups"] = [
            {"task": data["follow_up"], "owner": actor, "due_date": data.get("follow_up_due")}
        ]
    return kwargs


@write_required
def conversation_log(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    initial = {"account": request.GET.get("account")} if request.GET.get("account") else {}
    form = ConversationForm(
        request.POST or None, request.FILES or None, team=team, initial=initial, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            conversation = services.conversation_log(
                team=team, actor=request.user, **_log_kwargs(form.cleaned_data, request.user)
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Conversation logged."))
            return redirect("conversations:detail", pk=conversation.pk)
    return render(request, "conversations/conversation_form.html", {"form": form})


@team_required
def account_choices(request: HttpRequest) -> HttpResponse:
    """htmx: the accounts matching what was typed in the log form's account search."""
    accounts = account_shortlist(
        request.team,  # type: ignore[attr-defined]
        request.user,
        None,
        request.GET.get("account_search", "").strip(),
    )
    return render(request, "conversations/_account_options.html", {"accounts": accounts})


@team_required
def account_people_choices(request: HttpRequest) -> HttpResponse:
    """htmx: the people checkboxes for the account chosen in the log form."""
    team = request.team  # type: ignore[attr-defined]
    account_pk = request.GET.get("account", "")
    account = (
        Account.objects.for_team(team).filter(pk=account_pk).first()
        if account_pk.isdigit()
        else None
    )
    form = ConversationForm(
        team=team,
        account=account,
        people_query=request.GET.get("people_q", "").strip(),
        initial={"people": request.GET.getlist("people")},
    )
    return render(request, "conversations/conversation_form.html#people", {"form": form})


@team_required
def conversation_history(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = get_for_team_or_404(
        Conversation.objects.select_related("account"),
        request.team,  # type: ignore[attr-defined]
        pk=pk,
    )
    return history_page(
        request,
        conversation,
        title=_("History of %(name)s") % {"name": conversation.title},
        back_url=reverse("conversations:detail", args=[conversation.pk]),
    )


@write_required
def conversation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    conversation = get_for_team_or_404(Conversation.objects.all(), team, pk=pk)
    initial = {
        "account": conversation.account_id,
        "kind": conversation.kind,
        "occurred_at": conversation.occurred_at,
        "initiated_by": conversation.initiated_by,
        "customer_replied": conversation.customer_replied,
        "people": list(conversation.people.values_list("pk", flat=True)),
        "users": list(conversation.users.all()),
        "subject": conversation.subject,
        "notes": conversation.notes,
    }
    form = ConversationForm(
        request.POST or None, team=team, initial=initial, account=conversation.account
    )
    for name in ("follow_up", "follow_up_due", "transcript"):
        del form.fields[name]
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.conversation_update(
                conversation=conversation,
                actor=request.user,
                data=data,
                people=data["people"],
                users=data["users"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("conversations:detail", pk=conversation.pk)
    return render(
        request,
        "conversations/conversation_form.html",
        {"form": form, "conversation": conversation},
    )


@write_required
def conversation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = get_for_team_or_404(Conversation.objects.all(), request.team, pk=pk)  # type: ignore[attr-defined]
    if request.method == "POST":
        account_pk = conversation.account_id
        services.conversation_delete(conversation=conversation, actor=request.user)
        messages.success(request, _("Conversation deleted."))
        return redirect("accounts:detail", pk=account_pk)
    return render(request, "confirm_delete.html", {"object": conversation})


@require_POST
@write_required
def transcript_upload(request: HttpRequest, pk: int) -> HttpResponse:
    conversation = get_for_team_or_404(Conversation.objects.all(), request.team, pk=pk)  # type: ignore[attr-defined]
    form = TranscriptForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.conversation_attach_transcript(
                conversation=conversation,
                actor=request.user,
                transcript=form.cleaned_data["transcript"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Transcript uploaded."))
    flash_form_errors(request, form)
    return redirect("conversations:detail", pk=conversation.pk)


@team_required
def transcript_download(request: HttpRequest, pk: int) -> HttpResponse:
    stored = get_for_team_or_404(
        TranscriptFile.objects.select_related("conversation"),
        request.team,  # type: ignore[attr-defined]
        conversation_id=pk,
    )
    access_record(
        team=request.team,  # type: ignore[attr-defined]
        user=request.user,
        what=AccessLog.What.TRANSCRIPT,
        conversation=stored.conversation,
    )
    response = HttpResponse(bytes(stored.content), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{stored.name}"'
    return response


@require_POST
@write_required
def followup_add(request: HttpRequest, pk: int) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    conversation = get_for_team_or_404(Conversation.objects.all(), team, pk=pk)
    form = FollowUpForm(request.POST, team=team)
    if form.is_valid():
        try:
            services.followup_create(
                conversation=conversation, actor=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
    flash_form_errors(request, form)
    return redirect("conversations:detail", pk=conversation.pk)


FOLLOW_UP_SORTS = {
    "due": "due_date",
    "task": "task",
    "account": "conversation__account__name",
    "owner": "owner__first_name",
}


@team_required
def followup_list(request: HttpRequest) -> HttpResponse:
    """Every follow-up of the team, to sort, filter and tick off several at once."""
    team = request.team  # type: ignore[attr-defined]
    filters = FollowUpFilterForm(request.GET or None)
    params = filters.cleaned_data if filters.is_valid() else {}
    follow_ups = selectors.follow_up_list(
        team,
        owner=request.user if params.get("mine") else None,
        status=params.get("status") or "open",
    )
    follow_ups, sorting = sort_list(request, follow_ups, FOLLOW_UP_SORTS, "due")
    return render(
        request,
        list_template(request, "conversations/follow_up_list.html"),
        {
            "filters": filters,
            "page_obj": paginate(request, follow_ups),
            "sorting": sorting,
            "today": timezone.localdate(),
        },
    )


@require_POST
@write_required
def followups_done(request: HttpRequest) -> HttpResponse:
    """Tick off the follow-ups ticked in the list."""
    team = request.team  # type: ignore[attr-defined]
    follow_ups = bulk_records(
        request, FollowUp.objects.for_team(team).select_related("conversation")
    )
    try:
        changed = services.followups_set_done(team=team, actor=request.user, follow_ups=follow_ups)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            ngettext("%(n)s follow-up done.", "%(n)s follow-ups done.", changed) % {"n": changed},
        )
    return back_to_list(request, "conversations:follow_ups")


@require_POST
@write_required
def followup_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    follow_up = get_for_team_or_404(
        FollowUp.objects.select_related("conversation__account"), request.team, pk=pk
    )  # type: ignore[attr-defined]
    services.followup_set_done(follow_up=follow_up, actor=request.user, done=not follow_up.done)
    # Ticked off on the home page: the row is swapped there, or the page comes back.
    on_home = bool(request.POST.get("on_home"))
    if request.htmx:  # type: ignore[attr-defined]
        return render(
            request,
            "conversations/_follow_up.html",
            {"f": follow_up, "can_write": True, "on_home": on_home},
        )
    if on_home:
        return redirect("home")
    return redirect("conversations:detail", pk=follow_up.conversation_id)

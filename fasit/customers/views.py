from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from fasit.core import tallies
from fasit.core.forms import add_service_errors, submit
from fasit.core.views import (
    back_to_list,
    bulk_records,
    flash_form_errors,
    history_page,
    list_template,
    paginate,
    sort_list,
)
from fasit.customers import selectors, services
from fasit.customers.forms import (
    PROFILE_FORMS,
    AccountBulkForm,
    AccountFilterForm,
    AccountForm,
    PersonCreateForm,
    PersonFilterForm,
    PersonForm,
    PersonRoleForm,
    RevenueForm,
)
from fasit.customers.models import Account, AccountRevenue, Person, PersonRole
from fasit.privacy.models import AccessLog
from fasit.privacy.services import access_record
from fasit.tenancy.access import get_for_team_or_404, team_required, write_required

# The columns each list may be sorted by (?sort=key or -key), and what they sort on.
ACCOUNT_SORTS = {
    "name": "name",
    "tier": "tier",
    "category": "category__name",
    "country": "country",
    "owner": "owner__first_name",
    "people": "people_count",
    "last": "last_conversation_at",
}
PERSON_SORTS = {"name": "name", "email": "email", "phone": "phone"}


@team_required
def account_list(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    filters = AccountFilterForm(request.GET or None, team=team)
    params = filters.cleaned_data if filters.is_valid() else {}
    accounts = selectors.account_list(
        team,
        q=params.get("q", ""),
        tier=params.get("tier", ""),
        country=params.get("country", ""),
        category=params.get("category"),
        owner=request.user if params.get("mine") else None,
    )
    accounts, sorting = sort_list(request, accounts, ACCOUNT_SORTS, "name")
    # Without filters the team's tally is the total (core/tallies.py).
    narrowed = any(params.get(name) for name in ("q", "tier", "country", "category", "mine"))
    count = None if narrowed else tallies.total(team, "accounts")
    return render(
        request,
        list_template(request, "customers/account_list.html"),
        {
            "filters": filters,
            "page_obj": paginate(request, accounts, count=count),
            "sorting": sorting,
            "bulk_form": AccountBulkForm(team=team) if request.membership.can_write else None,  # type: ignore[attr-defined]
        },
    )


@require_POST
@write_required
def account_bulk(request: HttpRequest) -> HttpResponse:
    """Set the owner, tier or category of the accounts ticked in the list."""
    team = request.team  # type: ignore[attr-defined]
    accounts = bulk_records(request, Account.objects.for_team(team))
    form = AccountBulkForm(request.POST, team=team)
    if not form.is_valid():
        flash_form_errors(request, form)
        return back_to_list(request, "accounts:list")
    try:
        changed = services.accounts_bulk_update(
            team=team, actor=request.user, accounts=accounts, data=form.change()
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            ngettext("%(n)s account changed.", "%(n)s accounts changed.", changed) % {"n": changed},
        )
    return back_to_list(request, "accounts:list")


@team_required
def account_detail(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_for_team_or_404(
        Account.objects.select_related("category", "owner", "parent"),
        request.team,
        pk=pk,  # type: ignore[attr-defined]
    )
    return render(
        request,
        "customers/account_detail.html",
        {
            "account": account,
            "people_by_role": selectors.account_people_by_role(account),
            "timeline": selectors.account_timeline(account),
            "revenues": account.revenues.all(),
            "subsidiaries": Account.objects.for_team(account.team).filter(parent=account),
            "revenue_form": RevenueForm(initial={"currency": "NOK"}),
        },
    )


@team_required
def account_history(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_for_team_or_404(Account.objects.all(), request.team, pk=pk)  # type: ignore[attr-defined]
    return history_page(
        request,
        account,
        title=_("History of %(name)s") % {"name": account.name},
        back_url=reverse("accounts:detail", args=[account.pk]),
    )


@write_required
def account_create(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    form = AccountForm(request.POST or None, team=team, initial={"owner": request.user})
    if request.method == "POST" and form.is_valid():
        try:
            account = services.account_create(team=team, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Account %(name)s created.") % {"name": account.name})
            return redirect("accounts:detail", pk=account.pk)
    return render(request, "customers/account_form.html", {"form": form})


@write_required
def account_edit(request: HttpRequest, pk: int) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    account = get_for_team_or_404(Account.objects.all(), team, pk=pk)
    form = AccountForm(request.POST or None, instance=account, team=team)
    if request.method == "POST" and form.is_valid():
        try:
            services.account_update(account=account, actor=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            account.refresh_from_db()
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("accounts:detail", pk=account.pk)
    return render(request, "customers/account_form.html", {"form": form, "account": account})


@write_required
def account_delete(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_for_team_or_404(Account.objects.all(), request.team, pk=pk)  # type: ignore[attr-defined]
    if request.method == "POST":
        services.account_delete(account=account, actor=request.user)
        messages.success(request, _("Account %(name)s deleted.") % {"name": account.name})
        return redirect("accounts:list")
    return render(request, "confirm_delete.html", {"object": account, "cancel_url": account.pk})


@require_POST
@write_required
def account_revenue_set(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_for_team_or_404(Account.objects.all(), request.team, pk=pk)  # type: ignore[attr-defined]
    form = RevenueForm(request.POST)
    submit(form, services.account_revenue_set, account=account, actor=request.user)
    if form.errors:
        flash_form_errors(request, form)
    return redirect("accounts:detail", pk=account.pk)


@require_POST
@write_required
def account_revenue_delete(request: HttpRequest, pk: int, revenue_pk: int) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    revenue = get_for_team_or_404(AccountRevenue.objects.all(), team, pk=revenue_pk, account_id=pk)
    services.account_revenue_delete(revenue=revenue, actor=request.user)
    return redirect("accounts:detail", pk=pk)


@team_required
def person_list(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    filters = PersonFilterForm(request.GET or None, team=team)
    params = filters.cleaned_data if filters.is_valid() else {}
    people = selectors.person_list(
        team,
        q=params.get("q", ""),
        account=params.get("account"),
        account_name=params.get("account_name", ""),
        buying_role=params.get("buying_role", ""),
    )
    people, sorting = sort_list(request, people, PERSON_SORTS, "name")
    narrowed = any(params.get(name) for name in ("q", "account", "account_name", "buying_role"))
    count = None if narrowed else tallies.total(team, "people")
    return render(
        request,
        list_template(request, "customers/person_list.html"),
        {
            "filters": filters,
            "page_obj": paginate(request, people, count=count),
            "sorting": sorting,
        },
    )


@team_required
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    person = get_for_team_or_404(Person.objects.all(), team, pk=pk)
    # Family, life events and dates are sensitive: owners can see who read them.
    access_record(team=team, user=request.user, what=AccessLog.What.PROFILE, person=person)
    context = {
        "person": person,
        "profile": selectors.person_profile(person),
        "profile_forms": {kind: form_class() for kind, form_class in PROFILE_FORMS.items()},
    }
    return render(request, "customers/person_detail.html", context)


@team_required
def person_history(request: HttpRequest, pk: int) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    person = get_for_team_or_404(Person.objects.all(), team, pk=pk)
    # Changes to family, life events and dates are as sensitive as the profile itself.
    access_record(team=team, user=request.user, what=AccessLog.What.PROFILE, person=person)
    return history_page(
        request,
        person,
        title=_("History of %(name)s") % {"name": person.name},
        back_url=reverse("people:detail", args=[person.pk]),
    )


@write_required
def person_create(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    initial = {"account": request.GET.get("account")} if request.GET.get("account") else {}
    form = PersonCreateForm(request.POST or None, team=team, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_create(team=team, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("%(name)s added.") % {"name": person.name})
            return redirect("people:detail", pk=person.pk)
    return render(request, "customers/person_form.html", {"form": form})


@write_required
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    person = get_for_team_or_404(Person.objects.all(), team, pk=pk)
    form = PersonForm(request.POST or None, instance=person, team=team)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_update(person=person, actor=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            person.refresh_from_db()
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("people:detail", pk=person.pk)
    return render(request, "customers/person_form.html", {"form": form, "person": person})


@write_required
def person_delete(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_for_team_or_404(Person.objects.all(), request.team, pk=pk)  # type: ignore[attr-defined]
    if request.method == "POST":
        services.person_delete(person=person, actor=request.user)
        messages.success(request, _("%(name)s deleted.") % {"name": person.name})
        return redirect("people:list")
    return render(request, "confirm_delete.html", {"object": person})


@write_required
def person_role_form(request: HttpRequest, pk: int) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    person = get_for_team_or_404(Person.objects.all(), team, pk=pk)
    context = {"person": person, "role_form": PersonRoleForm(team=team)}
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "customers/_role_form.html", context)
    return render(request, "customers/role_form.html", context)


@require_POST
@write_required
def person_role_add(request: HttpRequest, pk: int) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    person = get_for_team_or_404(Person.objects.all(), team, pk=pk)
    form = PersonRoleForm(request.POST, team=team)
    submit(form, services.person_role_set, person=person, actor=request.user)
    flash_form_errors(request, form)
    return redirect("people:detail", pk=person.pk)


@require_POST
@write_required
def person_role_remove(request: HttpRequest, pk: int, role_pk: int) -> HttpResponse:
    role = get_for_team_or_404(PersonRole.objects.all(), request.team, pk=role_pk, person_id=pk)  # type: ignore[attr-defined]
    services.person_role_remove(role=role, actor=request.user)
    return redirect("people:detail", pk=pk)


def _profile_section(
    request: HttpRequest, person: Person, kind: str, form: object = None
) -> HttpResponse:
    form_class = PROFILE_FORMS[kind]
    section = render_to_string(
        f"customers/person_detail.html#profile-{kind}",
        {
            "person": person,
            "profile": selectors.person_profile(person),
            "profile_forms": {kind: form or form_class()},
            "can_write": True,
        },
        request=request,
    )
    # Every part of the profile counts in the knowledge score: the card with the
    # score and its gaps comes along as an out-of-band swap, so it is never stale.
    card = render_to_string("customers/_knowledge_oob.html", {"person": person}, request=request)
    return HttpResponse(section + card)


@require_POST
@write_required
def profile_item_add(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    person = get_for_team_or_404(Person.objects.all(), request.team, pk=pk)  # type: ignore[attr-defined]
    form_class = PROFILE_FORMS.get(kind)
    if form_class is None:
        return HttpResponse(status=404)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            services.profile_item_add(
                person=person, actor=request.user, item_type=kind, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            form = None
    if request.htmx:  # type: ignore[attr-defined]
        return _profile_section(request, person, kind, form)
    if form is not None:
        flash_form_errors(request, form)
    return redirect("people:detail", pk=person.pk)


@require_POST
@write_required
def profile_item_remove(request: HttpRequest, pk: int, kind: str, item_pk: int) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    person = get_for_team_or_404(Person.objects.all(), team, pk=pk)
    model = services.PROFILE_MODELS.get(kind)
    if model is None:
        return HttpResponse(status=404)
    item = get_for_team_or_404(model.objects.all(), team, pk=item_pk, person=person)
    services.profile_item_remove(item=item, actor=request.user)
    if request.htmx:  # type: ignore[attr-defined]
        return _profile_section(request, person, kind)
    return redirect("people:detail", pk=person.pk)

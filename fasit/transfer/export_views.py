"""Export pages: any filtered list as CSV or Excel, vCards, the full team as JSON and its
import into an empty team. Viewers cannot take data out (write access needed); the
full team export and import are for the team's owners."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from fasit.conversations import selectors as conversation_selectors
from fasit.conversations.forms import ConversationFilterForm
from fasit.customers import selectors as customer_selectors
from fasit.customers.forms import AccountFilterForm, PersonFilterForm
from fasit.customers.models import Account, Person
from fasit.tenancy.access import get_for_team_or_404, owner_required, write_required
from fasit.transfer import exports, teamdump


def filtered(request: HttpRequest, what: str) -> Any:
    """The rows of a list page for the filters in the query string (as the page shows)."""
    rows, _errors = filter_rows(request.team, request.user, what, request.GET or None)  # type: ignore[attr-defined]
    return rows


def filter_rows(team: Any, user: Any, what: str, data: Any) -> tuple[Any, dict[str, Any]]:
    """The rows of the list ``what`` for the filters in ``data`` (the list page's own
    filter form and selector), and the form's errors. The page ignores filters it
    cannot read (as the list page does); the API answers them with a 400."""
    if what == "accounts":
        form: forms.Form = AccountFilterForm(data, team=team)
        p = form.cleaned_data if form.is_valid() else {}
        return customer_selectors.account_list(
            team,
            q=p.get("q", ""),
            tier=p.get("tier", ""),
            country=p.get("country", ""),
            category=p.get("category"),
            owner=user if p.get("mine") else None,
        ), form.errors
    if what == "people":
        form = PersonFilterForm(data, team=team)
        p = form.cleaned_data if form.is_valid() else {}
        return customer_selectors.person_list(
            team,
            q=p.get("q", ""),
            account=p.get("account"),
            account_name=p.get("account_name", ""),
            buying_role=p.get("buying_role", ""),
        ), form.errors
    form = ConversationFilterForm(data)
    p = form.cleaned_data if form.is_valid() else {}
    return conversation_selectors.conversation_list(
        team,
        q=p.get("q", ""),
        kind=p.get("kind", ""),
        since=p.get("since"),
        until=p.get("until"),
        user=user if p.get("mine") else None,
    ), form.errors


TABLES = {
    "accounts": exports.account_table,
    "people": exports.person_table,
    "conversations": exports.conversation_table,
    "follow_ups": exports.follow_up_table,
}
SHEET_NAMES = {
    "accounts": gettext_lazy("Accounts"),
    "people": gettext_lazy("People"),
    "conversations": gettext_lazy("Conversations"),
    "follow_ups": gettext_lazy("Follow-ups"),
}


def _filename(team: Any, what: str, suffix: str) -> str:
    return f"{team.slug}-{what}-{timezone.localdate().isoformat()}.{suffix}"


@write_required
def export_list(request: HttpRequest) -> HttpResponse:
    what, fmt = request.GET.get("what", ""), request.GET.get("format", "")
    if what not in TABLES or fmt not in {"csv", "xlsx"}:
        raise Http404
    team = request.team  # type: ignore[attr-defined]
    source = "conversations" if what == "follow_ups" else what
    header, rows = TABLES[what](filtered(request, source))
    if fmt == "csv":
        response: HttpResponse = StreamingHttpResponse(
            exports.csv_stream(header, rows), content_type="text/csv; charset=utf-8"
        )
    else:
        path = exports.xlsx_file([(str(SHEET_NAMES[what]), header, rows)])
        response = FileResponse(
            unlinking(path),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{_filename(team, what, fmt)}"'
    return response


def unlinking(path: Path) -> Any:
    """Open ``path`` for the response; the file is removed once it is open (POSIX keeps
    it readable until closed), so no export is left on disk."""
    handle = path.open("rb")
    path.unlink()
    return handle


def _vcard_response(people: Any, team: Any, name: str) -> HttpResponse:
    response = StreamingHttpResponse(
        exports.vcards(people, team), content_type="text/vcard; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.vcf"'
    return response


@write_required
def person_vcard(request: HttpRequest, pk: int) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    person = get_for_team_or_404(Person.objects.all(), team, pk=pk)
    return _vcard_response(Person.objects.filter(pk=person.pk), team, f"person-{person.pk}")


@write_required
def account_vcards(request: HttpRequest, pk: int) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    account = get_for_team_or_404(Account.objects.all(), team, pk=pk)
    people = (
        Person.objects.for_team(team).filter(roles__account=account).distinct().order_by("name")
    )
    return _vcard_response(people, team, f"account-{account.pk}-people")


@write_required
def team_vcards(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    return _vcard_response(filtered(request, "people"), team, f"{team.slug}-people")


class TeamImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Team export (JSON)"))


@write_required
def export_page(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "transfer/exports.html",
        {"tables": SHEET_NAMES, "team_form": TeamImportForm()},
    )


@owner_required
def team_export(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - handed to the response
        "w+", suffix=".json", delete=False, encoding="utf-8"
    )
    teamdump.export_team(team, handle)
    handle.close()
    response = FileResponse(unlinking(Path(handle.name)), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{_filename(team, "team", "json")}"'
    return response


@require_POST
@owner_required
def team_import(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    form = TeamImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            data = json.load(form.cleaned_data["file"])
            counts = teamdump.import_team(team, data, actor=request.user)
        except (ValueError, UnicodeDecodeError):
            messages.error(request, _("The file is not JSON."))
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("The team was restored: %(n)s records.") % {"n": sum(counts.values())},
            )
    else:
        messages.error(request, _("Choose a file."))
    return redirect("transfer:exports")

"""Likely duplicates and merging two records."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from fasit.customers.models import Account, Person
from fasit.tenancy.access import get_for_team_or_404, write_required
from fasit.transfer import merging, selectors

MODELS = {"people": Person, "accounts": Account}


@write_required
def duplicates(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    people = selectors.duplicate_people(team)
    accounts = selectors.duplicate_accounts(team)
    names = selectors.account_names(
        {int(r.detail) for c, _a, _b in people for r in c.reasons if r.detail.isdigit()}
    )
    return render(
        request,
        "transfer/duplicates.html",
        {
            "people": [
                (c, a, b, [selectors.reason_text(r, names) for r in c.reasons])
                for c, a, b in people
            ],
            "accounts": [
                (c, a, b, [selectors.reason_text(r, {}) for r in c.reasons]) for c, a, b in accounts
            ],
        },
    )


@write_required
def merge(request: HttpRequest, kind: str, keep_pk: int, drop_pk: int) -> HttpResponse:
    model = MODELS.get(kind)
    if model is None:
        raise Http404
    team = request.team  # type: ignore[attr-defined]
    keep = get_for_team_or_404(model.objects.all(), team, pk=keep_pk)
    drop = get_for_team_or_404(model.objects.all(), team, pk=drop_pk)
    choices = merging.merge_choices(keep, drop)
    if request.method == "POST":
        picked = {row["name"]: request.POST.get(row["name"], row["default"]) for row in choices}
        try:
            moved = merging.record_merge(keep=keep, drop=drop, actor=request.user, choices=picked)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("%(drop)s was merged into %(keep)s; %(n)s related records moved.")
                % {"drop": drop, "keep": keep, "n": sum(moved.values())},
            )
            target = "people:detail" if kind == "people" else "accounts:detail"
            return redirect(target, pk=keep.pk)
    return render(
        request,
        "transfer/merge.html",
        {"kind": kind, "keep": keep, "drop": drop, "choices": choices},
    )

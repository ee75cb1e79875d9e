from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fasit.core.forms import submit
from fasit.core.views import flash_form_errors
from fasit.tenancy.access import get_for_team_or_404, owner_required
from fasit.webhooks import services
from fasit.webhooks.forms import EndpointForm
from fasit.webhooks.models import WebhookDelivery, WebhookEndpoint


def settings_context(team: Any) -> dict[str, Any]:
    """The Webhooks section of the settings page (owners)."""
    return {
        "webhook_endpoints": WebhookEndpoint.objects.for_team(team),
        "webhook_deliveries": WebhookDelivery.objects.for_team(team).select_related("endpoint")[
            :25
        ],
        "webhook_form": EndpointForm(),
    }


@require_POST
@owner_required
def endpoint_add(request: HttpRequest) -> HttpResponse:
    form = EndpointForm(request.POST)
    if submit(form, services.endpoint_create, team=request.team, actor=request.user):  # type: ignore[attr-defined]
        messages.success(request, _("Endpoint added. Its signing secret is shown below."))
    flash_form_errors(request, form)
    return redirect("/settings/#webhooks")


@require_POST
@owner_required
def endpoint_delete(request: HttpRequest, pk: int) -> HttpResponse:
    endpoint = get_for_team_or_404(WebhookEndpoint.objects.all(), request.team, pk=pk)  # type: ignore[attr-defined]
    services.endpoint_delete(endpoint=endpoint, actor=request.user)
    return redirect("/settings/#webhooks")


@require_POST
@owner_required
def endpoint_enable(request: HttpRequest, pk: int) -> HttpResponse:
    endpoint = get_for_team_or_404(WebhookEndpoint.objects.all(), request.team, pk=pk)  # type: ignore[attr-defined]
    services.endpoint_enable(endpoint=endpoint, actor=request.user)
    return redirect("/settings/#webhooks")

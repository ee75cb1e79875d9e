"""Webhook endpoints and their delivery log over the API, for the team's owners, as on
Settings → Webhooks. Writes go through ``webhooks.services`` (which refuses private,
local and reserved addresses)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status

from fasit.core.api_utils import Id, require_owner
from fasit.tenancy.access import get_for_team_or_404
from fasit.webhooks import services
from fasit.webhooks.models import WebhookDelivery, WebhookEndpoint
from fasit.webhooks.schemas import DeliveryOut, EndpointIn, EndpointOut

router = Router(tags=["webhooks"])

ENDPOINT_FIELDS = tuple(EndpointOut.model_fields)


def _out(endpoint: WebhookEndpoint) -> dict[str, Any]:
    return {name: getattr(endpoint, name) for name in ENDPOINT_FIELDS}


def _endpoint(request: HttpRequest, endpoint_id: int) -> WebhookEndpoint:
    endpoint = get_for_team_or_404(
        WebhookEndpoint.objects.select_related("team"),
        request.team,  # type: ignore[attr-defined]
        pk=endpoint_id,
    )
    require_owner(request)
    return endpoint


@router.get("", response=list[EndpointOut])
def list_endpoints(request: HttpRequest) -> Any:
    require_owner(request)
    return [_out(e) for e in WebhookEndpoint.objects.for_team(request.team)]  # type: ignore[attr-defined]


@router.post("", response={201: EndpointOut})
def create_endpoint(request: HttpRequest, payload: EndpointIn) -> Status[Any]:
    """Register a public ``https://`` endpoint for these events (400 with a message on
    ``url`` for a private, local or reserved address)."""
    require_owner(request)
    endpoint = services.endpoint_create(
        team=request.team,  # type: ignore[attr-defined]
        actor=request.user,
        url=payload.url,
        events=list(payload.events),
    )
    return Status(201, _out(endpoint))


@router.delete("/{endpoint_id}", response={204: None})
def delete_endpoint(request: HttpRequest, endpoint_id: Id) -> Status[None]:
    services.endpoint_delete(endpoint=_endpoint(request, endpoint_id), actor=request.user)
    return Status(204, None)


@router.post("/{endpoint_id}/enable", response=EndpointOut)
def enable_endpoint(request: HttpRequest, endpoint_id: Id) -> Any:
    """Turn an endpoint that was disabled after a day of failures on again."""
    endpoint = services.endpoint_enable(endpoint=_endpoint(request, endpoint_id), actor=request.user)
    return _out(endpoint)


@router.get("/{endpoint_id}/deliveries", response=list[DeliveryOut])
def list_deliveries(request: HttpRequest, endpoint_id: Id) -> Any:
    """The endpoint's latest 100 deliveries, newest first: state, attempts, answer."""
    endpoint = _endpoint(request, endpoint_id)
    deliveries = WebhookDelivery.objects.filter(endpoint=endpoint).order_by("-id")[:100]
    return [
        {**d, "uid": str(d["uid"])}
        for d in deliveries.values(*DeliveryOut.model_fields)
    ]

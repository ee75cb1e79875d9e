"""The CSP header built once from the settings is the header django-csp builds."""

from __future__ import annotations

from typing import Any

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.decorators import csp_update
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.utils import build_policy
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from fasit.core.middleware import CSPMiddleware


def test_pages_and_api_lists_carry_django_csps_own_header(alice_client: Any) -> None:
    for path in ("/", "/api/accounts?limit=5"):
        response = alice_client.get(path)
        assert response.headers[HEADER] == build_policy(), path
        assert HEADER_REPORT_ONLY not in response.headers


def test_a_change_of_settings_is_seen(alice_client: Any) -> None:
    alice_client.get("/api/accounts")
    policy = {"DIRECTIVES": {"default-src": ["'none'"]}}
    with override_settings(CONTENT_SECURITY_POLICY=policy):
        assert alice_client.get("/api/accounts").headers[HEADER] == "default-src 'none'"
    assert alice_client.get("/api/accounts").headers[HEADER] == build_policy()


def test_a_views_own_policy_and_a_nonce_are_django_csps() -> None:
    @csp_update({"img-src": ["https://example.org"]})
    def view(request: Any) -> HttpResponse:
        return HttpResponse("x")

    def with_nonce(request: Any) -> HttpResponse:
        return HttpResponse(str(request.csp_nonce))

    for handler in (view, with_nonce):
        ours = CSPMiddleware(handler)(RequestFactory().get("/"))
        theirs = BaseCSPMiddleware(handler)(RequestFactory().get("/"))
        assert ours.headers[HEADER] == theirs.headers[HEADER]
    assert "https://example.org" in CSPMiddleware(view)(RequestFactory().get("/")).headers[HEADER]

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone, translation

from fasit.core.models import RecordGone


class RecordGoneMiddleware:
    """A page that saved a record another request deleted meanwhile answers 404, as
    it would have a moment later (core.models.Record)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        if isinstance(exception, RecordGone):
            raise Http404(str(exception)) from exception


class UserLanguageMiddleware:
    """The user's chosen language wins; otherwise the browser's (Accept-Language).

    The choice is kept in the session at login (see tenancy.signals) so this runs
    before authentication without a database query.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = request.session.get("fasit_language") or translation.get_language_from_request(
            request
        )
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()  # type: ignore[attr-defined]
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)  # type: ignore[attr-defined]
        return response


class UserTimeZoneMiddleware:
    """The user's chosen time zone (kept in the session at login) for this request:
    the times they enter and see, and what "today" means for them. Without a choice,
    the server's TIME_ZONE."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        name = request.session.get("fasit_time_zone")
        try:
            zone = ZoneInfo(name) if name else None
        except (ZoneInfoNotFoundError, ValueError):
            zone = None  # a zone the system no longer knows: fall back, don't fail
        if zone is None:
            timezone.deactivate()
        else:
            timezone.activate(zone)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class PermissionsPolicyMiddleware:
    """Sends settings.FASIT_PERMISSIONS_POLICY (Django has no setting for this header)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        policy = settings.FASIT_PERMISSIONS_POLICY
        if policy:
            response.headers.setdefault("Permissions-Policy", policy)
        return response


_POLICY_ATTRS = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
)
# (policy, report-only policy) as built from the settings; None until first needed.
_built_policy: tuple[str, str] | None = None


def _settings_policy() -> tuple[str, str]:
    global _built_policy
    if _built_policy is None:
        _built_policy = (build_policy(), build_policy(report_only=True))
    return _built_policy


@receiver(setting_changed)
def _drop_built_policy(setting: str, **_kwargs: Any) -> None:
    global _built_policy
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _built_policy = None


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware with the settings' policy built once: it rebuilt the
    same header on every response (about a tenth of the middleware's share of an API
    list request, bench/bench_api_lists.py). A response whose view changes the policy
    (csp decorators) or a request that used a nonce is handled by django-csp as
    before; a change of the settings (tests) drops the kept header."""

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if getattr(request, "_csp_nonce", None) is not None or any(
            getattr(response, attr, None) is not None for attr in _POLICY_ATTRS
        ):
            return super().process_response(request, response)
        if response.status_code in (500, 404) and settings.DEBUG:
            return response
        policy, report_only = _settings_policy()
        for header, value, exempt, name in (
            (HEADER, policy, "_csp_exempt", "CONTENT_SECURITY_POLICY"),
            (
                HEADER_REPORT_ONLY,
                report_only,
                "_csp_exempt_ro",
                "CONTENT_SECURITY_POLICY_REPORT_ONLY",
            ),
        ):
            if not value or header in response or getattr(response, exempt, False) is not False:
                continue
            prefixes = (getattr(settings, name, None) or {}).get("EXCLUDE_URL_PREFIXES") or ()
            if not request.path_info.startswith(tuple(prefixes)):
                response[header] = value
        # As django-csp: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)  # type: ignore[attr-defined]
        return response

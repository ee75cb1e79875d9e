"""How django-axes locks sign-in after repeated failures, and what the user then sees.

Axes counts failed logins per account and per address (settings.AXES_LOCKOUT_PARAMETERS)
in the database, so the lock holds across web processes on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from axes.helpers import get_client_username, get_cool_off
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

log = logging.getLogger("fasit.signin")


def client_ip(request: HttpRequest) -> str | None:
    """The client's address as Fasit should count it.

    Behind FASIT_TRUSTED_PROXIES reverse proxies the socket address is the nearest
    proxy's, so the client is the entry that many places from the right of
    X-Forwarded-For (entries further left can be forged by the client itself).
    """
    proxies = settings.FASIT_TRUSTED_PROXIES
    remote = request.META.get("REMOTE_ADDR")
    if proxies <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < proxies:
        return remote
    return forwarded[-proxies]


def lockout_minutes(request: HttpRequest | None = None) -> int:
    cool_off = get_cool_off(request)
    return math.ceil(cool_off.total_seconds() / 60) if cool_off else 0


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """A plain page saying sign-in is locked and for how long, with status 429."""
    username = get_client_username(request, credentials) or ""
    log.warning(
        "Sign-in locked: username=%r address=%s after %s failures",
        username,
        client_ip(request),
        settings.AXES_FAILURE_LIMIT,
    )
    return render(
        request,
        "signin/locked_out.html",
        {"minutes": lockout_minutes(request)},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from fasit.tenancy.models import UserProfile


def remember_preferences(request: HttpRequest, profile: UserProfile | None) -> None:
    """Keep the user's language and time zone in the session, so the middleware that
    applies them needs no database query."""
    for key, value in (
        ("fasit_language", profile.language if profile else ""),
        ("fasit_time_zone", profile.time_zone if profile else ""),
    ):
        if value:
            request.session[key] = value
        else:
            request.session.pop(key, None)


@receiver(user_logged_in)
def remember_at_login(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    remember_preferences(request, getattr(user, "fasit_profile", None))

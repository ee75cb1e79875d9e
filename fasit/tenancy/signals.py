from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest


@receiver(user_logged_in)
def remember_language(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    # Kept in the session so the language middleware need not touch the database.
    profile = getattr(user, "fasit_profile", None)
    if profile is not None and profile.language:
        request.session["fasit_language"] = profile.language

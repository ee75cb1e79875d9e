from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from fasit.signin.middleware import start_session_clock


@receiver(user_logged_in, dispatch_uid="fasit_signin_session_clock")
def _start_session_clock(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        start_session_clock(request)

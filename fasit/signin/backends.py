"""Django's ModelBackend with the user of a signed-in request read by one plain query
(with the user's memberships and teams: ``tenancy.selectors.signed_in_user``).

Every signed-in request loads its user (AuthenticationMiddleware); through the ORM's
``get(pk=…)`` that cost about 0.5 ms of CPU, several times the lookup itself
(bench/bench_api_lists.py). Passwords, permissions and everything else are Django's.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend

from fasit.signin.sessions import take_prefetched_user
from fasit.tenancy.selectors import signed_in_user


class ModelBackend(DjangoModelBackend):
    def get_user(self, user_id: Any) -> Any:
        model = get_user_model()
        try:
            pk = model._meta.pk.to_python(user_id)  # type: ignore[union-attr]
        except Exception:  # noqa: BLE001 - a malformed id in a session: nobody
            return None
        # With the user's memberships, teams, two-step rule and data versions, in one
        # statement (tenancy.selectors.signed_in_user): read fresh on every request.
        user = take_prefetched_user(pk)  # read with the session row (signin.sessions)
        if user is None:
            user = signed_in_user(pk)
        return user if user is not None and self.user_can_authenticate(user) else None

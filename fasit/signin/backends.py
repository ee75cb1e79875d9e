"""Django's ModelBackend with the user of a signed-in request read by one plain query.

Every signed-in request loads its user (AuthenticationMiddleware); through the ORM's
``get(pk=…)`` that cost about 0.5 ms of CPU, several times the lookup itself
(bench/bench_api_lists.py). Passwords, permissions and everything else are Django's.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend


class ModelBackend(DjangoModelBackend):
    def get_user(self, user_id: Any) -> Any:
        model = get_user_model()
        try:
            pk = model._meta.pk.to_python(user_id)  # type: ignore[union-attr]
        except Exception:  # noqa: BLE001 - a malformed id in a session: nobody
            return None
        sql = f"SELECT * FROM {model._meta.db_table} WHERE {model._meta.pk.column} = %s"  # type: ignore[union-attr]
        user = next(iter(model._default_manager.raw(sql, [pk])), None)
        return user if user is not None and self.user_can_authenticate(user) else None

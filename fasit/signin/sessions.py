"""Django's database sessions, read with one plain query.

Every signed-in request loads its session first; through the ORM that lookup cost
about 0.3 ms of CPU against 0.03 ms for the query itself (bench/bench_api_lists.py).
Writing, expiry and clearing are Django's own.
"""

from __future__ import annotations

import threading
from typing import Any

from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.core.signals import request_finished, setting_changed
from django.db import connection
from django.dispatch import receiver
from django.utils import timezone

LOAD_SQL = (
    f"SELECT session_data FROM {Session._meta.db_table} WHERE session_key = %s AND expire_date > %s"
)

# Session data this process has verified, by the signed text stored in the database:
# the payload it carries, serialised again. Checking the signature (a salted HMAC and
# base64) and decompressing was about a twentieth of an API list request, the same work
# on every request of a session whose data had not changed. Only text whose signature
# held is kept; the row is still read on every request, so a signed-out or expired
# session is refused as before. A change of the signing keys (tests) forgets it all.
_verified: dict[str, bytes] = {}
_VERIFIED_KEPT = 10_000


@receiver(setting_changed)
def _forget_verified(setting: str, **_kwargs: Any) -> None:
    if setting in ("SECRET_KEY", "SECRET_KEY_FALLBACKS", "SESSION_SERIALIZER"):
        _verified.clear()


# The user each session key was last seen signed in as, in this process: the next
# request of that session reads its session row and that user (with memberships and
# teams, tenancy.selectors.signed_in_user_sql) in one statement instead of two. Both
# are still read on every request; the user is used only if the session's own data,
# decoded, names the same user (else Django's path reads the user as before).
_user_of_session: dict[str, str] = {}
_USERS_KEPT = 10_000
# That statement's user, for this thread's current request only: taken (once) by the
# authentication backend (signin.backends), dropped by the next session load and at
# the end of the request.
_prefetched = threading.local()


def take_prefetched_user(user_id: str) -> Any:
    """The user read with this request's session row, if it is ``user_id``; once."""
    found = getattr(_prefetched, "user", None)
    _prefetched.user = None
    if found is not None and str(found[0]) == str(user_id):
        return found[1]
    return None


@receiver(request_finished)
def _drop_prefetched(**_kwargs: Any) -> None:
    _prefetched.user = None


class SessionStore(db.SessionStore):
    def load(self) -> dict[str, Any]:
        _prefetched.user = None
        if not self.session_key:
            self._session_key = None
            return {}
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        guess = _user_of_session.get(self.session_key)
        with connection.cursor() as cursor:
            if guess is None:
                cursor.execute(LOAD_SQL, [self.session_key, now])
                rows = cursor.fetchall()
            else:
                user_pk = get_user_model()._meta.pk.to_python(guess)  # type: ignore[union-attr]
                cursor.execute(_load_with_user_sql(), [True, user_pk, self.session_key, now])
                rows = cursor.fetchall()
        if not rows:
            # As Django's: an unknown or expired key is dropped, a new one made on save.
            _user_of_session.pop(self.session_key, None)
            self._session_key = None
            return {}
        data = self.decode(rows[0][0])
        user_id = data.get(SESSION_KEY)
        if user_id is None:
            _user_of_session.pop(self.session_key, None)
            return data
        if guess is not None and str(user_id) == guess:
            from fasit.tenancy.selectors import user_from_rows

            _prefetched.user = (guess, user_from_rows(rows, 1))
        elif guess != str(user_id):
            if len(_user_of_session) >= _USERS_KEPT:
                _user_of_session.clear()
            _user_of_session[self.session_key] = str(user_id)
        return data

    def decode(self, session_data: str) -> dict[str, Any]:
        payload = _verified.get(session_data)
        if payload is not None:
            return self.serializer().loads(payload)  # type: ignore[no-any-return]
        decoded: dict[str, Any] = super().decode(session_data)
        if decoded:  # not empty, so its signature held (Django gives {} when it fails)
            if len(_verified) >= _VERIFIED_KEPT:
                _verified.clear()  # a session's older texts are not read again
            _verified[session_data] = self.serializer().dumps(decoded)
        return decoded


def _load_with_user_sql() -> str:
    from fasit.tenancy.selectors import signed_in_user_sql

    return signed_in_user_sql(Session._meta.db_table)

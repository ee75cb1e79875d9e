"""Django's PostgreSQL backend (psycopg 3) with two per-request costs removed.

- **Times read in C.** Django reads every ``timestamptz`` through its own loader, a
  Python subclass of psycopg's pure-Python one, so psycopg's C loader is never used: an
  API list page of 50 rows reads 100-150 times, and parsing them in Python was about a
  tenth of the request's CPU. When the connection's time zone is UTC (Django's own with
  ``USE_TZ`` and no database ``TIME_ZONE``) the C loader gives the same values, aware in
  ``datetime.timezone.utc``; any other time zone keeps Django's loader.
- **A health check without a round trip.** With ``CONN_HEALTH_CHECKS`` Django sends
  ``SELECT 1`` before the first query of every request: one of the four or five round
  trips of an API list. A server that closed the connection (restart, idle timeout,
  ``pg_terminate_backend``) has left something to read on its socket (the error, or the
  end of the stream); an idle, healthy connection has nothing. So the socket is polled
  without waiting, and only a connection with something to read, or not idle, gets
  Django's full check (and is replaced when it fails). A peer that vanished without a
  word (no FIN, no RST) is not seen by either check until a query times out.
"""

from __future__ import annotations

import datetime
import select
from typing import Any

from django.db.backends.postgresql import base
from psycopg import adapters
from psycopg.abc import AdaptContext
from psycopg.adapt import Loader
from psycopg.pq import Format, TransactionStatus

TIMESTAMPTZ_OID = adapters.types["timestamptz"].oid
# psycopg's fastest loader for timestamptz: the C one when psycopg[binary] is installed.
_FAST_LOADER = adapters.get_loader(TIMESTAMPTZ_OID, Format.TEXT)


class UtcTimestamptzLoader(Loader):
    """psycopg's own (C) loader, with the ``timezone`` attribute Django's cursors check
    (``DatabaseWrapper.create_cursor`` registers its loader again when they differ)."""

    timezone = datetime.UTC

    def __init__(self, oid: int, context: AdaptContext | None = None) -> None:
        super().__init__(oid, context)
        # The C loader's method itself, so a value costs one C call (its type cannot
        # be subclassed). It reads the connection's time zone when the cursor is made.
        self.load = _FAST_LOADER(oid, context).load  # type: ignore[method-assign]

    def load(self, data: Any) -> Any:  # replaced on each instance by the C method
        raise NotImplementedError


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params: dict[str, Any]) -> Any:
        connection = super().get_new_connection(conn_params)
        if self.timezone is datetime.UTC and self.timezone_name == "UTC":
            connection.adapters.register_loader("timestamptz", UtcTimestamptzLoader)
        return connection

    def close_if_health_check_failed(self) -> None:
        if (
            self.pool
            or self.connection is None
            or not self.health_check_enabled
            or self.health_check_done
        ):
            return
        if not self._quietly_idle() and not self.is_usable():
            self.close()
        self.health_check_done = True

    def _quietly_idle(self) -> bool:
        """Idle, outside a transaction, and the server has sent nothing since."""
        connection = self.connection
        try:
            if connection.closed or connection.info.transaction_status != TransactionStatus.IDLE:
                return False
            poller = select.poll()
            poller.register(connection.fileno(), select.POLLIN | select.POLLPRI)
            return not poller.poll(0)
        except Exception:  # noqa: BLE001 - anything odd: Django's full check decides
            return False

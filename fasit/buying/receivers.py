"""A deleted journey takes its visits out of the per-stage counts (``visits.py``) and
its motives out of the per-theme ones (``motives.py``), whatever deletes it: the service, its account's or category's
deletion, the admin."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, pre_delete


def _forget_journey(sender: Any, instance: Any, origin: Any = None, **kwargs: Any) -> None:
    from fasit.buying import visits
    from fasit.tenancy.models import Team

    # A deleted team's counts go with it (CASCADE); a query per journey would not.
    if isinstance(origin, Team):
        return
    visits.forget_journey(instance.pk)


def _lock_process(sender: Any, instance: Any, origin: Any = None, **kwargs: Any) -> None:
    from fasit.buying import motives
    from fasit.tenancy.models import Team

    if isinstance(origin, Team):
        return
    # Before the journey's and its motives' rows are deleted (and locked): the order
    # every writer of the process's counts takes its locks in (motives.lock).
    motives.lock([instance.process_id])


def _recount_motives(sender: Any, instance: Any, origin: Any = None, **kwargs: Any) -> None:
    from fasit.buying import motives
    from fasit.tenancy.models import Team

    if isinstance(origin, Team):
        return
    # After the delete: its motives went first (CASCADE), so its process's themes are
    # counted without them.
    motives.refresh([instance.process_id])


def connect() -> None:
    from fasit.buying.models import Journey

    pre_delete.connect(_lock_process, sender=Journey, dispatch_uid="buying-lock-process")
    pre_delete.connect(_forget_journey, sender=Journey, dispatch_uid="buying-forget-journey")
    post_delete.connect(_recount_motives, sender=Journey, dispatch_uid="buying-recount-motives")

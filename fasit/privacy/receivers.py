"""Reacting to changes elsewhere: a withdrawn consent applies the retention rules."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from fasit.customers.events import consent_withdrawn


@receiver(consent_withdrawn, dispatch_uid="privacy_consent_withdrawn")
def consent_was_withdrawn(sender: Any, person: Any, **kwargs: Any) -> None:
    from fasit.privacy.tasks import retention_for_person_task

    retention_for_person_task.enqueue(person.pk)

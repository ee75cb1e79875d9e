from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from fasit.tenancy.models import Team
from fasit.webhooks import services


@task()
def deliver_task(delivery_id: int) -> str:
    delivery = services.deliver(delivery_id)
    return delivery.status if delivery else "gone"


@task()
def webhooks_sweep_task() -> int:
    """Deliveries that are due (when the task backend cannot schedule them itself, or a
    worker was down), then "account went dark" for every team."""
    sent = 0
    for pk in services.due_deliveries():
        services.deliver(pk)
        sent += 1
    today = timezone.localdate()
    for team in Team.objects.all():
        services.account_dark_sweep(team, today=today)
    return sent

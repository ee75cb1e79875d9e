"""``fasit webhooks``: send due webhook deliveries and "account went dark" events.
Run it from cron every few minutes (daily at least, for going dark)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from fasit.webhooks.tasks import webhooks_sweep_task


class Command(BaseCommand):
    help = "Send due webhook deliveries and account-went-dark events."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = webhooks_sweep_task.call()
        self.stdout.write(f"{sent} deliveries attempted")

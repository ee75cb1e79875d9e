"""``fasit mail sync|serve``: captured e-mail from the command line.

    fasit mail sync [--team SLUG] [--enqueue]   read every connected mailbox (from cron)
    fasit mail serve [--addr HOST:PORT]         the SMTP server for the BCC addresses
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fasit.tenancy.models import Team

USAGE = "use: fasit mail sync [--team SLUG] [--enqueue] | serve [--addr HOST:PORT]"


class Command(BaseCommand):
    help = "Captured e-mail: sync the connected mailboxes, or serve the BCC addresses."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("subcommand", nargs="?", help="sync or serve")
        parser.add_argument("--team", help="sync: only this team's mailboxes")
        parser.add_argument(
            "--enqueue", action="store_true", help="sync: hand it to the background worker"
        )
        parser.add_argument("--addr", default="127.0.0.1:2525", help="serve: HOST:PORT to listen on")

    def handle(self, *args: Any, **options: Any) -> None:
        command = options["subcommand"]
        if command == "sync":
            self._sync(options["team"], options["enqueue"])
        elif command == "serve":
            from fasit.capture.smtp import serve

            host, _sep, port = options["addr"].rpartition(":")
            if not host or not port.isdigit():
                raise CommandError("--addr must be HOST:PORT, e.g. 127.0.0.1:2525")
            serve(host, int(port), out=self.stdout)
        else:
            raise CommandError(USAGE)

    def _sync(self, slug: str | None, enqueue: bool) -> None:
        team = None
        if slug:
            team = Team.objects.filter(slug=slug).first()
            if team is None:
                raise CommandError(f"No team with the slug {slug!r}.")
        if enqueue:
            from fasit.capture.tasks import sync_mailboxes_task

            sync_mailboxes_task.enqueue(slug)
            self.stdout.write("Queued the mailbox sync for the worker.")
            return
        from fasit.capture.imap import sync_all_mailboxes

        results = sync_all_mailboxes(team=team)
        failed = [r for r in results if r.error]
        self.stdout.write(
            f"{len(results)} mailboxes: {sum(r.read for r in results)} messages read, "
            f"{sum(r.captured for r in results)} captured, {len(failed)} failed."
        )
        for result in failed:
            self.stderr.write(f"mailbox {result.connection_id}: {result.error}")

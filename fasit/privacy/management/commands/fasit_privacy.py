"""``fasit privacy export|erase|retention``: the data subject's rights from the command line.

    fasit privacy export --person ID [--format json|html] [--out FILE]
    fasit privacy erase --person ID [--person ID …] [--yes] [--reason TEXT]
    fasit privacy retention [--team SLUG] [--date YYYY-MM-DD] [--enqueue]
    fasit privacy vacuum

``vacuum`` rewrites the database files so that erased values are gone from free pages
and (SQLite) the write-ahead log too; run it after erasures, in a quiet hour.

The command line acts as the operator: the register and the audit log record
"command line" and no user, unless ``--by USERNAME`` names a member of the team.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.utils import timezone

from fasit.customers.models import Person
from fasit.privacy.erasure import erasure_preview, person_erase
from fasit.privacy.export import FORMATS, export_person
from fasit.privacy.retention import retention_run
from fasit.relationships.management.commands._common import parse_date, resolve_team
from fasit.tenancy.models import Membership, Team

USAGE = (
    "use: fasit privacy export --person ID [--format json|html] [--out FILE] | "
    "erase --person ID [--yes] [--reason TEXT] | retention [--team SLUG] [--date YYYY-MM-DD] | "
    "vacuum"
)


class Command(BaseCommand):
    help = "Privacy: export a person's data, erase a person, apply the retention rules."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("subcommand", nargs="?", help="export, erase, retention or vacuum")
        parser.add_argument("--person", action="append", default=[], help="the person's id")
        parser.add_argument("--format", default="json", help="export: json (default) or html")
        parser.add_argument("--out", help="export: write to this file instead of standard output")
        parser.add_argument("--yes", action="store_true", help="erase without asking")
        parser.add_argument("--reason", default="", help="erase: why, for the register")
        parser.add_argument("--by", help="the username acting (a member of the person's team)")
        parser.add_argument("--team", help="retention: team slug (default: every team)")
        parser.add_argument("--date", help="retention: the day to apply the rules for")
        parser.add_argument(
            "--enqueue", action="store_true", help="retention: hand it to the background worker"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        command = options["subcommand"]
        if command == "export":
            self._export(options)
        elif command == "erase":
            self._erase(options)
        elif command == "retention":
            self._retention(options)
        elif command == "vacuum":
            self._vacuum()
        else:
            raise CommandError(f"Unknown subcommand {command!r}; {USAGE}")

    def _people(self, options: dict[str, Any], *, one: bool) -> list[Person]:
        ids = options["person"]
        if not ids:
            raise CommandError(f"Name the person with --person ID; {USAGE}")
        if one and len(ids) > 1:
            raise CommandError("Export one person at a time.")
        people = []
        for raw in ids:
            try:
                pk = int(raw)
            except ValueError:
                raise CommandError(f"--person must be a number, got {raw!r}.") from None
            person = Person.objects.select_related("team").filter(pk=pk).first()
            if person is None:
                raise CommandError(f"No person with id {pk}.")
            people.append(person)
        return people

    def _actor(self, options: dict[str, Any], team: Team, *, owner: bool) -> Any:
        if not options["by"]:
            return None
        user = get_user_model().objects.filter(username=options["by"]).first()
        member = Membership.objects.filter(team=team, user=user).first() if user else None
        if member is None:
            raise CommandError(f"{options['by']!r} is not a member of the team {team.slug!r}.")
        if owner and not member.is_owner:
            raise CommandError(f"{options['by']!r} is not an owner of the team {team.slug!r}.")
        return user

    def _export(self, options: dict[str, Any]) -> None:
        if options["format"] not in FORMATS:
            raise CommandError(f"--format must be json or html, got {options['format']!r}.")
        (person,) = self._people(options, one=True)
        result = export_person(
            person=person,
            actor=self._actor(options, person.team, owner=False),
            channel="cli",
            fmt=options["format"],
        )
        if options["out"]:
            Path(options["out"]).write_text(result.content, encoding="utf-8")
            self.stderr.write(f"Wrote {options['out']}.")
        else:
            self.stdout.write(result.content, ending="")

    def _erase(self, options: dict[str, Any]) -> None:
        people = self._people(options, one=False)
        for person in people:
            actor = self._actor(options, person.team, owner=True)
            preview = ", ".join(
                f"{n} {what.replace('_', ' ')}" for what, n in erasure_preview(person).items()
            )
            label = f"{person.name} (id {person.pk}, team {person.team.slug})"
            if not options["yes"]:
                if not sys.stdin.isatty():
                    raise CommandError(
                        "Refusing to erase without --yes when not run interactively."
                    )
                self.stdout.write(f"Erase {label}: {preview}?")
                answer = input("This cannot be undone. Type yes to erase: ")
                if answer.strip().lower() != "yes":
                    self.stdout.write("Nothing erased.")
                    continue
            entry = person_erase(
                person=person, actor=actor, channel="cli", reason=options["reason"]
            )
            self.stdout.write(
                f"Erased person {entry.person_ref}: {json.dumps(entry.counts, ensure_ascii=False)}"
            )

    def _retention(self, options: dict[str, Any]) -> None:
        today = parse_date(options["date"]) if options["date"] else timezone.localdate()
        teams = [resolve_team(options["team"])] if options["team"] else list(Team.objects.all())
        if options["enqueue"]:
            from fasit.privacy.tasks import retention_task

            result = retention_task.enqueue(
                date=today.isoformat(), team_slug=options["team"] or None
            )
            self.stdout.write(f"Enqueued retention task {result.id}.")
            return
        for team in teams:
            run = retention_run(team=team, today=today)
            self.stdout.write(
                f"{team.slug}: {run.due} due for erasure ({run.new} new), {run.erased} erased."
            )

    def _vacuum(self) -> None:
        # Deleted rows stay in free pages (and SQLite's write-ahead log) until the file is
        # rewritten: VACUUM does that; on PostgreSQL only VACUUM FULL does.
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM")
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        elif connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM FULL")
        else:
            raise CommandError(f"No vacuum for {connection.vendor}.")
        self.stdout.write(f"Vacuumed the {connection.vendor} database.")

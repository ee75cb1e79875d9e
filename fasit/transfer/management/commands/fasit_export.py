"""``fasit export --team SLUG --format csv|xlsx|json OUT``.

csv: a folder OUT (or a .zip when OUT ends in .zip) with accounts.csv, people.csv,
conversations.csv and follow_ups.csv; xlsx: one workbook with a sheet each; json: the
full team export, which ``fasit import OUT.json --team EMPTY`` or the Export page
restores into an empty team.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from fasit.conversations.models import Conversation
from fasit.customers.models import Account, Person
from fasit.transfer import exports, teamdump
from fasit.transfer.management.commands.fasit_import import team_by_slug


def _tables(team: Any) -> list[tuple[str, list[str], Any]]:
    conversations = Conversation.objects.for_team(team).order_by("-occurred_at", "-id")
    return [
        ("accounts", *exports.account_table(Account.objects.for_team(team).order_by("name", "id"))),
        ("people", *exports.person_table(Person.objects.for_team(team).order_by("name", "id"))),
        ("conversations", *exports.conversation_table(conversations)),
        ("follow_ups", *exports.follow_up_table(conversations)),
    ]


class Command(BaseCommand):
    help = "Export a team's accounts, people, conversations and follow-ups (or the whole team)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("out", type=Path, metavar="OUT")
        parser.add_argument("--team", required=True, help="The team's slug.")
        parser.add_argument("--format", required=True, choices=["csv", "xlsx", "json"])

    def handle(self, *args: Any, **options: Any) -> None:
        team = team_by_slug(options["team"])
        out: Path = options["out"]
        fmt = options["format"]
        if fmt == "json":
            with out.open("w", encoding="utf-8") as handle:
                counts = teamdump.export_team(team, handle)
            self.stdout.write(f"Wrote {sum(counts.values())} records of {team.slug} to {out}")
            return
        if fmt == "xlsx":
            exports.write_xlsx(_tables(team), out)
            self.stdout.write(f"Wrote {out}")
            return
        if out.suffix.lower() == ".zip":
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
                for name, header, rows in _tables(team):
                    with archive.open(f"{name}.csv", "w") as handle:
                        for piece in exports.csv_stream(header, rows):
                            handle.write(piece.encode("utf-8"))
        else:
            out.mkdir(parents=True, exist_ok=True)
            for name, header, rows in _tables(team):
                with (out / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
                    for piece in exports.csv_stream(header, rows):
                        handle.write(piece)
        self.stdout.write(f"Wrote {out}")

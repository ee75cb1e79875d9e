"""``fasit import FILE [FILE ...] --team SLUG``: import accounts and people from HubSpot,
Pipedrive, Salesforce, any CSV/Excel/ODS file or vCards, all files in one
all-or-nothing run. A full team export (``fasit export --format json``) given alone
is restored into the team, which must be empty."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from fasit.customers.models import Country, LegalBasis
from fasit.engine.transfer.reading import ReadError
from fasit.engine.transfer.sources import Source
from fasit.tenancy.models import Team
from fasit.transfer import teamdump
from fasit.transfer.importing import ImportFile, ImportOptions, open_import_file, run_import
from fasit.transfer.problems import read_error_message

EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def team_by_slug(slug: str) -> Team:
    team = Team.objects.filter(slug=slug).first()
    if team is None:
        slugs = ", ".join(Team.objects.order_by("slug").values_list("slug", flat=True))
        raise CommandError(f"No team {slug!r}. Teams: {slugs or 'none'}", returncode=EXIT_USAGE)
    return team


class Command(BaseCommand):
    help = "Import accounts and people from files into a team (all or nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
        parser.add_argument("--team", required=True, help="The team's slug.")
        parser.add_argument("--source", choices=[s.value for s in Source])
        parser.add_argument("--dry-run", action="store_true", help="Check only; store nothing.")
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Import the valid rows; write the invalid ones to FILE.invalid.csv.",
        )
        parser.add_argument("--json", action="store_true", help="Print the outcome as JSON.")
        parser.add_argument(
            "--legal-basis",
            choices=[c for c, _l in LegalBasis.choices],
            default=LegalBasis.LEGITIMATE_CUSTOMER,
            help="Legal basis (GDPR) for people created by the import.",
        )
        parser.add_argument(
            "--legal-basis-date",
            type=dt.date.fromisoformat,
            help="When the legal basis was recorded (default: today).",
        )
        parser.add_argument(
            "--country",
            choices=[c for c, _l in Country.choices],
            default="NO",
            help="Country of rows that name none (for phones and organisation numbers).",
        )
        parser.add_argument(
            "--owner",
            action="append",
            default=[],
            metavar="VALUE=USERNAME",
            help="Map an owner named in the file (e.g. a Salesforce OwnerId) to a user.",
        )
        parser.add_argument("--as", dest="actor", help="Username recorded in the audit trail.")

    def handle(self, *args: Any, **options: Any) -> None:
        team = team_by_slug(options["team"])
        actor = None
        if options["actor"]:
            actor = get_user_model().objects.filter(username=options["actor"]).first()
            if actor is None:
                raise CommandError(f"No user {options['actor']!r}.", returncode=EXIT_USAGE)
        paths: list[Path] = options["files"]
        if len(paths) == 1 and paths[0].suffix.lower() == ".json":
            self._restore(team, paths[0], actor, options["json"])
            return
        source = Source(options["source"]) if options["source"] else None
        files: list[ImportFile] = []
        owners: dict[str, Any] = {}
        for path in options["files"]:
            if not path.is_file():
                raise CommandError(f"{path}: no such file.", returncode=EXIT_USAGE)
            try:
                import_file, saved_owners = open_import_file(
                    path, path.name, team=team, source=source
                )
            except ReadError as error:
                raise CommandError(
                    f"{path}: {read_error_message(error)}", returncode=EXIT_PROBLEMS
                ) from None
            owners.update(saved_owners)
            files.append(import_file)
        owners.update(self._owner_options(team, options["owner"]))
        import_options = ImportOptions(
            owners=owners,
            legal_basis=options["legal_basis"],
            legal_basis_recorded_on=options["legal_basis_date"],
            default_country=options["country"],
            skip_invalid=options["skip_invalid"],
            dry_run=options["dry_run"],
        )
        if not options["json"]:
            for f in files:
                mapped = sum(1 for c in f.mapping.columns if c)
                self.stderr.write(
                    f"{f.name}: {f.mapping.source.value} {f.mapping.entity.value}s, "
                    f"{mapped} of {len(f.table.header)} columns mapped"
                )
        outcome = self._run(team, actor, files, import_options)
        rejected = self._keep_rejected(outcome.rejected, files, options["skip_invalid"])
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {
                        **outcome.counts(),
                        "status": outcome.status,
                        "accounts_created": outcome.accounts_created,
                        "problems": [p.as_dict() for p in outcome.problems],
                        "problem_count": outcome.problem_count,
                        "unmatched_owners": outcome.unmatched_owners,
                        "invalid_rows_files": [str(p) for p in rejected],
                    },
                    ensure_ascii=False,
                    indent=2,
                )
            )
        else:
            self._print(outcome, rejected)
        # Non-zero when problems kept the rows out: refused (or would be, in a dry run),
        # or with --skip-invalid when not a single row was valid.
        nothing = outcome.created + outcome.updated + outcome.unchanged == 0
        if outcome.problem_count and (not options["skip_invalid"] or nothing):
            sys.exit(EXIT_PROBLEMS)

    def _restore(self, team: Team, path: Path, actor: Any, as_json: bool) -> None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            counts = teamdump.import_team(team, data, actor=actor)
        except (ValueError, UnicodeDecodeError) as error:
            raise CommandError(
                f"{path}: not a JSON file ({error}).", returncode=EXIT_PROBLEMS
            ) from None
        except ValidationError as error:
            raise CommandError(
                f"{path}: {' '.join(error.messages)}", returncode=EXIT_PROBLEMS
            ) from None
        if as_json:
            self.stdout.write(json.dumps({"restored": counts}, indent=2))
        else:
            self.stdout.write(f"Restored {sum(counts.values())} records into {team.slug}.")

    def _owner_options(self, team: Team, pairs: list[str]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        users = {u.username: u.pk for u in get_user_model().objects.filter(memberships__team=team)}
        for pair in pairs:
            value, sep, username = pair.rpartition("=")
            if not sep or username not in users:
                raise CommandError(
                    f"--owner {pair!r}: give VALUE=USERNAME with a user of the team.",
                    returncode=EXIT_USAGE,
                )
            found[value] = users[username]
        return found

    def _run(self, team: Team, actor: Any, files: list[ImportFile], options: ImportOptions) -> Any:
        if not sys.stderr.isatty():
            return run_import(team=team, actor=actor, files=files, options=options)
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

        with Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
        ) as bar:
            task = bar.add_task("Importing", total=None)

            def progress(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            return run_import(
                team=team, actor=actor, files=files, options=options, progress=progress
            )

    def _keep_rejected(
        self, rejected: dict[str, Path], files: list[ImportFile], skip_invalid: bool
    ) -> list[Path]:
        """The invalid rows go next to each input file as FILE.invalid.csv."""
        kept = []
        for import_file in files:
            temp = rejected.get(import_file.name)
            if temp is None:
                continue
            if skip_invalid:
                target = import_file.path.with_name(import_file.path.stem + ".invalid.csv")
                try:
                    shutil.move(temp, target)
                except OSError:
                    target = Path.cwd() / target.name
                    shutil.move(temp, target)
                kept.append(target)
            else:
                temp.unlink(missing_ok=True)
        return kept

    def _print(self, outcome: Any, rejected: list[Path]) -> None:
        verdict = {
            "done": "Imported",
            "checked": "Checked (dry run, nothing stored)",
            "refused": "Refused: nothing was stored",
        }[outcome.status]
        counts = outcome.counts()
        self.stdout.write(
            f"{verdict}. created {counts['created']}, updated {counts['updated']}, "
            f"unchanged {counts['unchanged']}, invalid {counts['invalid']}"
            + (
                f" (and {outcome.accounts_created} accounts named by people)"
                if outcome.accounts_created
                else ""
            )
        )
        for problem in outcome.problems[:50]:
            where = f"{problem.file}:{problem.line}" + (
                f" [{problem.column}]" if problem.column else ""
            )
            self.stdout.write(f"  {where}: {problem.message}")
        if outcome.problem_count > 50:
            self.stdout.write(f"  … and {outcome.problem_count - 50} more problems")
        if outcome.unmatched_owners:
            self.stdout.write(
                "Owners not found in the team (left empty; map them with --owner VALUE=USERNAME): "
                + ", ".join(outcome.unmatched_owners[:20])
            )
        for path in rejected:
            self.stdout.write(f"Invalid rows written to {path}")
        if outcome.status == "refused":
            self.stdout.write(
                "Fix the rows, or run again with --skip-invalid to import the valid ones."
            )

"""Running an import: every file of a run in one transaction, all or nothing.

Rows are read as a stream, validated by the engine and written in batches, so memory
stays flat however long the file. Everything happens inside one database transaction;
at the end it is committed, or rolled back when the run was a check (dry run) or found
problems and the user did not ask to import the valid rows. A crash or ``kill -9``
in between leaves the transaction uncommitted, which the database discards: there is
never a half-imported file.

Every problem is listed (line, column, message) because the whole file is read even
after the first one; invalid rows are written to a CSV the user can fix and import
again (matching makes the second run update, not duplicate).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import gc
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fasit.core.db import ANALYZE_AFTER_ROWS, refresh_statistics, whole_transaction
from fasit.core.guard import RowCheck
from fasit.core.models import AuditEvent
from fasit.customers.models import ImportantDate, LegalBasis, Person, PersonRole
from fasit.engine.transfer import pipeline
from fasit.engine.transfer.reading import ReadError, Table, estimate_rows, open_table
from fasit.engine.transfer.records import Limits, Problem
from fasit.engine.transfer.sources import (
    Entity,
    Mapping,
    Source,
    header_signature,
    mapping_for,
    recognise,
)
from fasit.search.documents import large_fts_buffer
from fasit.transfer.bulk import pipelined, written
from fasit.transfer.models import ExternalKey
from fasit.transfer.owners import OwnerIndex
from fasit.transfer.problems import problem_message, read_error_message
from fasit.transfer.sqlite_load import indexes_built_at_end
from fasit.transfer.writers import AccountWriter, Context, PersonWriter

BATCH = 5000
# The object type of an import's audit entry (the job's id, or none on the command line).
IMPORT_ENTRY_TYPE = "transfer.importjob"
# SQLite's page cache while an import runs, in KiB.
IMPORT_CACHE_KIB = 256 * 1024
# From this many rows the file is read and validated in a second process while this one
# writes (fasit/engine/transfer/pipeline.py); below it, starting the process costs more
# than it saves.
BACKGROUND_ROWS = 20_000
# Python's cycle collector runs after this many new objects during an import (default
# 700): a batch of 5,000 rows makes hundreds of thousands of short-lived objects and
# hardly any cycles, and each collection walked every object still alive.
IMPORT_GC_THRESHOLD = 100_000
# Problems kept for the page and --json; every one of them is in the invalid-rows file.
MAX_LISTED_PROBLEMS = 10_000

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ImportFile:
    path: Path
    name: str
    table: Table
    mapping: Mapping


@dataclass
class ImportOptions:
    owners: dict[str, Any] = field(default_factory=dict)
    legal_basis: str = LegalBasis.LEGITIMATE_CUSTOMER
    legal_basis_recorded_on: dt.date | None = None
    default_country: str = "NO"
    skip_invalid: bool = False
    dry_run: bool = False
    # The background job running the import (None on the command line): named by the
    # import's audit entry.
    job_id: int | None = None


@dataclass(frozen=True)
class ListedProblem:
    file: str
    line: int
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


@dataclass
class ImportOutcome:
    status: str = "done"  # done, checked (dry run) or refused
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    invalid: int = 0
    accounts_created: int = 0
    problem_count: int = 0
    problems: list[ListedProblem] = field(default_factory=list)
    unmatched_owners: list[str] = field(default_factory=list)
    rejected: dict[str, Path] = field(default_factory=dict)

    @property
    def stored(self) -> bool:
        return self.status == "done"

    def counts(self) -> dict[str, int]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "invalid": self.invalid,
        }


def _limits() -> Limits:
    def length(model: Any, name: str) -> int:
        return int(model._meta.get_field(name).max_length)

    return Limits(
        name=length(Person, "name"),
        email=length(Person, "email"),
        phone=length(Person, "phone"),
        title=120,
        today=timezone.localdate(),
    )


class _Rejected:
    """The invalid rows of one file, as it came, with the line and the problems added."""

    def __init__(self, header: tuple[str, ...]) -> None:
        self.handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - kept open across batches
            "w", suffix=".csv", delete=False, encoding="utf-8-sig", newline=""
        )
        self.writer = csv.writer(self.handle)
        self.writer.writerow([*header, _("Line"), _("Problems")])
        self.lines: set[int] = set()

    def add(self, values: tuple[str, ...], line: int, messages: list[str]) -> None:
        self.lines.add(line)
        self.writer.writerow([*values, line, "; ".join(messages)])

    def close(self) -> Path:
        self.handle.close()
        return Path(self.handle.name)


def run_import(
    *,
    team: Any,
    actor: Any,
    files: list[ImportFile],
    options: ImportOptions,
    progress: Progress | None = None,
) -> ImportOutcome:
    """Import ``files`` (accounts before people) into ``team``, all or nothing."""
    ordered = sorted(files, key=lambda f: f.mapping.entity != Entity.ACCOUNT)
    totals = [estimate_rows(f.table) for f in ordered]
    total = sum(totals)
    outcome = ImportOutcome()
    owners = OwnerIndex(team, options.owners)
    done = 0
    # All or nothing: any error rolls the whole transaction back, so the bulk helpers
    # inside it take no savepoints of their own (``whole_transaction``).
    with (
        _few_collections(),
        _large_page_cache(),
        transaction.atomic(),
        whole_transaction(),
        # People, roles, keys and dates name the team and the people and accounts the
        # import writes: their foreign keys are checked per batch rather than by a
        # trigger per row (PostgreSQL).
        pipelined(checked_here=(Person, PersonRole, ExternalKey, ImportantDate)),
        # SQLite: FTS5 writes the search entries' terms in fewer, larger segments.
        large_fts_buffer(),
    ):
        # Rows are written past the ORM; this applies the cross-team rules to them.
        check = RowCheck(team.pk)
        for import_file in ordered:
            ctx = Context(
                team=team,
                actor=actor,
                source=import_file.mapping.source.value,
                label=import_file.name,
                owners=owners,
                check=check,
                default_country=options.default_country,
                legal_basis=options.legal_basis,
                legal_basis_recorded_on=options.legal_basis_recorded_on or timezone.localdate(),
            )
            ctx.entry_id = _begin_entry(ctx, options.job_id).pk
            done = _import_file(import_file, ctx, outcome, done, total, progress)
            _end_entry(ctx, options.job_id)
            outcome.created += ctx.counts.created
            outcome.updated += ctx.counts.updated
            outcome.unchanged += ctx.counts.unchanged
            outcome.accounts_created += ctx.counts.accounts_created
        outcome.unmatched_owners = sorted(owners.unmatched)
        if options.dry_run:
            outcome.status = "checked"
        elif outcome.problem_count and not options.skip_invalid:
            outcome.status = "refused"
        if outcome.status != "done":
            transaction.set_rollback(True)
    if outcome.status == "refused":
        outcome.created = outcome.updated = outcome.unchanged = outcome.accounts_created = 0
    elif outcome.status == "done" and outcome.created + outcome.updated >= ANALYZE_AFTER_ROWS:
        refresh_statistics()
    if progress:
        progress(total, total)
    return outcome


def _begin_entry(ctx: Context, job_id: int | None) -> AuditEvent:
    """The import's one audit entry for a file, written before its first batch so the
    records it creates can name it (with their line): one row instead of one per
    record. Rolled back with everything else when nothing is stored."""
    return _entry(ctx, job_id, AuditEvent.Action.CREATE, _entry_changes(ctx, job_id))


def _entry(ctx: Context, job_id: int | None, action: str, changes: dict[str, Any]) -> AuditEvent:
    return AuditEvent.objects.create(
        team=ctx.team,
        actor=ctx.actor if getattr(ctx.actor, "is_authenticated", False) else None,
        action=action,
        object_type=IMPORT_ENTRY_TYPE,
        object_id=str(job_id) if job_id else "",
        object_repr=ctx.label[:200],
        changes=changes,
    )


def _entry_changes(ctx: Context, job_id: int | None) -> dict[str, Any]:
    counts = ctx.counts
    return {
        "imported_file": [None, ctx.label],
        "source": [None, ctx.source],
        "job": [None, job_id],
        "created": [None, counts.created],
        "accounts_created": [None, counts.accounts_created],
        "updated": [None, counts.updated],
        "unchanged": [None, counts.unchanged],
    }


def _end_entry(ctx: Context, job_id: int | None) -> None:
    """The counts, once the file is written. The team's data version is its newest
    audit id (core/cache.py): when someone else's entry committed while this import
    ran has a higher id than every entry of the import, one closing entry moves the
    version past it, so pages cached in between are not kept."""
    entries = AuditEvent.objects.filter(team_id=ctx.team_id)
    if not (ctx.counts.created or ctx.counts.accounts_created):
        # Nothing created names it: a re-run that changes nothing leaves no trace (the
        # records it updated have their own entries, which name the file).
        entries.filter(pk=ctx.entry_id).delete()
        return
    entries.filter(pk=ctx.entry_id).update(changes=_entry_changes(ctx, job_id))
    # The import's own entries (updated records) are written at its "now".
    newest = entries.order_by("-id").values_list("id", "at").first()
    if newest is not None and newest[0] > (ctx.entry_id or 0) and newest[1] != ctx.now:
        _entry(ctx, job_id, AuditEvent.Action.UPDATE, {"finished": [None, ctx.entry_id]})


@contextlib.contextmanager
def _few_collections() -> Iterator[None]:
    """Collect cycles less often while the import runs (restored at the end)."""
    before = gc.get_threshold()
    gc.set_threshold(IMPORT_GC_THRESHOLD, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


@contextlib.contextmanager
def _large_page_cache() -> Iterator[None]:
    """SQLite keeps 2 MiB of pages by default: an import of a million rows then spills
    its uncommitted pages to the WAL and reads them back for every index it grows.
    While it runs the connection keeps up to 256 MiB (given back at the end)."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        before = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before)}")


def _import_file(
    import_file: ImportFile,
    ctx: Context,
    outcome: ImportOutcome,
    done: int,
    total: int,
    progress: Progress | None,
) -> int:
    table, mapping = import_file.table, import_file.mapping
    writer: AccountWriter | PersonWriter = (
        AccountWriter(ctx) if mapping.entity == Entity.ACCOUNT else PersonWriter(ctx)
    )
    rejected = _Rejected(table.header)
    rows_by_line: dict[int, tuple[str, ...]] = {}

    def report(problems: list[Problem], values: dict[int, tuple[str, ...]]) -> None:
        by_line: dict[int, list[str]] = {}
        for problem in problems:
            column = _column_name(table.header, mapping, problem.column)
            message = problem_message(problem.code, dict(problem.params))
            by_line.setdefault(problem.line, []).append(
                f"{column}: {message}" if column else message
            )
            outcome.problem_count += 1
            if len(outcome.problems) < MAX_LISTED_PROBLEMS:
                outcome.problems.append(
                    ListedProblem(import_file.name, problem.line, column, message)
                )
        for line, messages in by_line.items():
            if line not in rejected.lines:
                outcome.invalid += 1
            rejected.add(values.get(line, ()), line, messages)

    batches = pipeline.batches(
        table,
        mapping,
        default_country=ctx.default_country,
        limits=_limits(),
        size=BATCH,
        background=estimate_rows(table) >= BACKGROUND_ROWS,
    )
    # SQLite: a large first file of people builds its scattered indexes at the end
    # (transfer/sqlite_load.py).
    fresh = isinstance(writer, PersonWriter) and writer.fresh
    with indexes_built_at_end(estimate_rows(table), fresh):
        try:
            for batch in batches:
                problems = [p for item in batch for p in item.problems]
                valid = [item.record for item in batch if item.record is not None]
                values = {item.row.line: item.row.values for item in batch}
                problems += writer.write(valid)  # type: ignore[arg-type]
                ctx.flush()
                if problems:
                    report(problems, values)
                # Parent groups are checked at the end; keep the rows that name one.
                if isinstance(writer, AccountWriter):
                    for record in valid:
                        if record.parent_id or record.parent_name:  # type: ignore[union-attr]
                            rows_by_line[record.line] = values[record.line]
                done += len(batch)
                if progress:
                    # Rows whose COPY is still queued are not counted yet.
                    progress(written(done), max(total, done))
            if isinstance(writer, AccountWriter):
                report(writer.finish(), rows_by_line)
                ctx.flush()
            if progress:
                # The file's rows, once written (the next statement would wait for them too).
                progress(written(done, wait=True), max(total, done))
        except ReadError as error:
            outcome.problem_count += 1
            outcome.invalid += 1
            outcome.problems.append(
                ListedProblem(import_file.name, error.line, "", read_error_message(error))
            )
    path = rejected.close()
    if rejected.lines:
        outcome.rejected[import_file.name] = path
    else:
        path.unlink(missing_ok=True)
    return done


def _column_name(header: tuple[str, ...], mapping: Mapping, target: str) -> str:
    """The file's own column name for a field (problems name the column the user sees)."""
    if target in header:
        return target
    for position, mapped in enumerate(mapping.columns):
        if mapped == target and position < len(header):
            return header[position]
    return target


def saved_mapping(team: Any, header: tuple[str, ...]) -> Any:
    from fasit.transfer.models import ImportMapping

    return ImportMapping.objects.for_team(team).filter(signature=header_signature(header)).first()


def open_import_file(
    path: Path, name: str, *, team: Any, source: Source | None = None
) -> tuple[ImportFile, dict[str, Any]]:
    """Open a file, recognise it, and apply the team's saved mapping for its header.
    Returns the file and the saved owner choices. ReadError when it cannot be read."""
    table = open_table(path)
    if table.layout.kind == "vcard":
        mapping = recognise(table.header)
    else:
        mapping = mapping_for(table.header, source, None)
    owners: dict[str, Any] = {}
    saved = saved_mapping(team, table.header)
    if saved is not None and (source is None or saved.source == source):
        mapping = Mapping(
            Source(saved.source),
            Entity(saved.entity),
            tuple(saved.columns.get(h, "") for h in table.header),
        )
        owners = dict(saved.owners)
    return ImportFile(path, name, table, mapping), owners

"""Writes for imports started in the web UI: upload, check the mapping, run."""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fasit.core.audit import audit_create, audit_record
from fasit.core.services import require_member
from fasit.customers.models import Country, LegalBasis
from fasit.engine.transfer.reading import ReadError, estimate_rows, open_table
from fasit.engine.transfer.sources import TARGETS, Entity, Mapping, Source, header_signature
from fasit.tenancy.models import Team
from fasit.transfer import progress
from fasit.transfer.importing import ImportFile, ImportOptions, open_import_file, run_import
from fasit.transfer.models import ImportChunk, ImportJob, ImportMapping, ImportStatus
from fasit.transfer.owners import OwnerIndex
from fasit.transfer.problems import read_error_message

CHUNK = 8 * 1024 * 1024
MAX_OWNER_VALUES = 200


@contextlib.contextmanager
def job_file(job: ImportJob) -> Iterator[Path]:
    """The uploaded file on local disk for the length of a block."""
    suffix = Path(job.file_name).suffix
    with tempfile.TemporaryDirectory(prefix="fasit-import-") as folder:
        path = Path(folder) / f"upload{suffix}"
        with path.open("wb") as handle:
            for chunk in (
                ImportChunk.objects.filter(job=job).order_by("index").iterator(chunk_size=1)
            ):
                handle.write(bytes(chunk.data))
        yield path


def _owner_values(import_file: ImportFile) -> list[str]:
    positions = import_file.mapping.index().get("owner", [])
    if not positions:
        return []
    found: set[str] = set()
    for row in import_file.table.rows():
        for position in positions:
            if position < len(row.values) and row.values[position].strip():
                found.add(row.values[position].strip())
        if len(found) >= MAX_OWNER_VALUES:
            break
    return sorted(found)


@transaction.atomic
def import_job_create(*, team: Team, actor: Any, upload: Any) -> ImportJob:
    """Keep an uploaded file and recognise it; nothing is imported yet."""
    limit = settings.FASIT_MAX_IMPORT_BYTES
    if upload.size > limit:
        raise ValidationError(
            {"file": _("The file is larger than %(mb)s MB.") % {"mb": limit // (1024 * 1024)}}
        )
    job = ImportJob(team=team, created_by=actor, file_name=upload.name[:255], size=upload.size)
    with tempfile.TemporaryDirectory(prefix="fasit-upload-") as folder:
        path = Path(folder) / f"upload{Path(upload.name).suffix.lower()}"
        with path.open("wb") as handle:
            for piece in upload.chunks():
                handle.write(piece)
        try:
            import_file, owners = open_import_file(path, job.file_name, team=team)
        except ReadError as error:
            raise ValidationError({"file": read_error_message(error)}) from None
        job.source = import_file.mapping.source.value
        job.entity = import_file.mapping.entity.value
        job.layout = {
            "kind": import_file.table.layout.kind,
            "encoding": import_file.table.layout.encoding,
            "delimiter": import_file.table.layout.delimiter,
            "sheet": import_file.table.layout.sheet,
        }
        job.header = list(import_file.table.header)
        job.columns = list(import_file.mapping.columns)
        job.owners = owners
        job.total_rows = estimate_rows(import_file.table)
        try:
            job.owner_values = _owner_values(import_file)
        except ReadError as error:
            raise ValidationError({"file": read_error_message(error)}) from None
        job.legal_basis = LegalBasis.LEGITIMATE_CUSTOMER
        job.legal_basis_recorded_on = timezone.localdate()
        job.save()
        with path.open("rb") as handle:
            index = 0
            while data := handle.read(CHUNK):
                ImportChunk.objects.create(job=job, index=index, data=data)
                index += 1
    audit_create(team=team, actor=actor, instance=job)
    return job


def preview_rows(job: ImportJob, limit: int = 10) -> list[tuple[int, list[str]]]:
    with job_file(job) as path:
        table = open_table(path)
        rows = []
        for row in table.rows():
            rows.append((row.line, list(row.values)))
            if len(rows) >= limit:
                break
        return rows


@transaction.atomic
def import_job_configure(
    *,
    job: ImportJob,
    actor: Any,
    entity: str,
    columns: list[str],
    owners: dict[str, Any],
    legal_basis: str,
    legal_basis_recorded_on: dt.date | None,
    default_country: str,
    skip_invalid: bool,
    save_as: str = "",
) -> ImportJob:
    """Set the mapping and choices of an import (and save the mapping for the team)."""
    if job.status not in {ImportStatus.UPLOADED, ImportStatus.CHECKED, ImportStatus.REFUSED}:
        raise ValidationError(_("This import has already run."))
    if entity not in {e.value for e in Entity}:
        raise ValidationError({"entity": _("Choose accounts or people.")})
    allowed = set(TARGETS[Entity(entity)])
    if len(columns) != len(job.header) or not set(columns) <= allowed | {""}:
        raise ValidationError({"columns": _("Choose a field for each column, or leave it out.")})
    chosen = [c for c in columns if c and c != "notes"]
    if len(chosen) != len(set(chosen)):
        raise ValidationError({"columns": _("Two columns fill the same field; leave one out.")})
    if "name" not in columns and not {"first_name", "last_name"} & set(columns):
        raise ValidationError({"columns": _("Choose the column with the name.")})
    if entity == Entity.PERSON and legal_basis not in LegalBasis.values:
        raise ValidationError(
            {"legal_basis": _("Choose the legal basis for holding these people's data.")}
        )
    if default_country not in Country.values:
        raise ValidationError({"default_country": _("Choose a country.")})
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(pk__in=[v for v in owners.values() if v])
    for user in users:
        require_member(job.team, owner=user)
    job.entity = entity
    job.columns = columns
    job.owners = {k: (int(v) if v else None) for k, v in owners.items()}
    job.legal_basis = legal_basis
    job.legal_basis_recorded_on = legal_basis_recorded_on or timezone.localdate()
    job.default_country = default_country
    job.skip_invalid = skip_invalid
    job.save()
    if save_as.strip():
        ImportMapping.objects.update_or_create(
            team=job.team,
            signature=header_signature(tuple(job.header)),
            defaults={
                "name": save_as.strip()[:120],
                "source": job.source,
                "entity": entity,
                "columns": dict(zip(job.header, columns, strict=True)),
                "owners": job.owners,
                "created_by": actor,
            },
        )
    return job


@transaction.atomic
def import_job_start(*, job: ImportJob, actor: Any, dry_run: bool) -> ImportJob:
    """Queue the run in the background (a check stores nothing)."""
    if job.status not in {ImportStatus.UPLOADED, ImportStatus.CHECKED, ImportStatus.REFUSED}:
        raise ValidationError(_("This import has already run."))
    job.status = ImportStatus.QUEUED
    job.dry_run = dry_run
    job.save(update_fields=["status", "dry_run", "updated_at"])
    from fasit.transfer.tasks import run_import_job

    transaction.on_commit(lambda: run_import_job.enqueue(job.pk))
    return job


def import_job_run(*, job_id: int) -> None:
    """Run a queued import (the background task). The import's own transaction is
    all or nothing; the job row is updated before and after it."""
    job = ImportJob.objects.select_related("team", "created_by").get(pk=job_id)
    if job.status != ImportStatus.QUEUED:
        return
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportStatus.RUNNING, started_at=timezone.now(), updated_at=timezone.now()
    )
    reporter = progress.Reporter(job.pk)
    try:
        with job_file(job) as path:
            import_file, _owners = open_import_file(path, job.file_name, team=job.team)
            mapping = Mapping(Source(job.source), Entity(job.entity), tuple(job.columns))
            import_file = ImportFile(path, job.file_name, import_file.table, mapping)
            options = ImportOptions(
                owners=job.owners,
                legal_basis=job.legal_basis or LegalBasis.LEGITIMATE_CUSTOMER,
                legal_basis_recorded_on=job.legal_basis_recorded_on,
                default_country=job.default_country,
                skip_invalid=job.skip_invalid,
                dry_run=job.dry_run,
                job_id=job.pk,
            )
            reporter(0, job.total_rows, force=True)
            outcome = run_import(
                team=job.team,
                actor=job.created_by,
                files=[import_file],
                options=options,
                progress=reporter,
            )
    except ReadError as error:
        _finish(job, status=ImportStatus.FAILED, error=read_error_message(error))
        return
    except Exception as error:  # the import rolled back; tell the user what happened
        _finish(job, status=ImportStatus.FAILED, error=f"{type(error).__name__}: {error}")
        raise
    finally:
        reporter.close()
        progress.clear(job.pk)
    rejected = outcome.rejected.get(job.file_name)
    status = {
        "done": ImportStatus.DONE,
        "checked": ImportStatus.CHECKED,
        "refused": ImportStatus.REFUSED,
    }[outcome.status]
    _finish(
        job,
        status=status,
        created=outcome.created,
        updated=outcome.updated,
        unchanged=outcome.unchanged,
        invalid=outcome.invalid,
        accounts_created=outcome.accounts_created,
        problem_count=outcome.problem_count,
        problems=[p.as_dict() for p in outcome.problems[:1000]],
        rejected=rejected.read_bytes() if rejected else None,
        unmatched=outcome.unmatched_owners,
    )
    if rejected:
        rejected.unlink(missing_ok=True)


@transaction.atomic
def import_job_requeue(*, job_id: int) -> None:
    """Its worker was killed mid-import (which rolled back): run it again."""
    ImportJob.objects.filter(pk=job_id, status=ImportStatus.RUNNING).update(
        status=ImportStatus.QUEUED, updated_at=timezone.now()
    )


def import_job_abandon(*, job_id: int) -> None:
    """The import's worker stopped every time it tried: fail it with a message."""
    ImportJob.objects.filter(
        pk=job_id, status__in=[ImportStatus.QUEUED, ImportStatus.RUNNING]
    ).update(
        status=ImportStatus.FAILED,
        error=_("The import was interrupted several times and was stopped; nothing was stored."),
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )


def _finish(
    job: ImportJob, *, status: str, unmatched: list[str] | None = None, **fields: Any
) -> None:
    ImportJob.objects.filter(pk=job.pk).update(
        status=status, finished_at=timezone.now(), updated_at=timezone.now(), **fields
    )
    job.refresh_from_db()
    if status == ImportStatus.DONE:
        audit_record(
            team=job.team,
            actor=job.created_by,
            action="update",
            instance=job,
            changes={
                "imported": [
                    None,
                    {
                        "created": job.created,
                        "updated": job.updated,
                        "unchanged": job.unchanged,
                        "invalid": job.invalid,
                        "owners_not_found": unmatched or [],
                    },
                ]
            },
        )


def owner_suggestions(job: ImportJob) -> list[tuple[str, int | None]]:
    index = OwnerIndex(job.team, job.owners)
    return [(value, index.suggest(value)) for value in job.owner_values]

"""Imports over the API, the same steps as the import page: upload a file (Fasit
recognises its source, records and columns), read the preview, mapping and owner
suggestions, start it (or a check that stores nothing) and follow its status and
problems. Writes go through ``transfer.services``; the run is the same background
task as in the app."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Query, Router, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile

from fasit.core.api_utils import Id, ListQuery, list_page, page_schema, require_write
from fasit.engine.transfer.reading import ReadError
from fasit.engine.transfer.sources import TARGETS, Entity
from fasit.tenancy.access import get_for_team_or_404
from fasit.tenancy.selectors import team_users
from fasit.transfer import services
from fasit.transfer.models import ImportJob, ImportStatus
from fasit.transfer.schemas import ImportOut, ImportRow, ImportStartIn

router = Router(tags=["imports"])

ImportPage = page_schema(ImportRow, "ImportPage")
ROW_FIELDS = tuple(ImportRow.model_fields)
EDITABLE = {ImportStatus.UPLOADED, ImportStatus.CHECKED, ImportStatus.REFUSED}


def _rows(jobs: QuerySet[ImportJob]) -> list[dict[str, Any]]:
    return list(jobs.values(*ROW_FIELDS))


def _job(request: HttpRequest, import_id: int) -> ImportJob:
    return get_for_team_or_404(
        ImportJob.objects.select_related("team").defer("rejected"),
        request.team,  # type: ignore[attr-defined]
        pk=import_id,
    )


def _detail(job: ImportJob) -> dict[str, Any]:
    row = {name: getattr(job, name) for name in ROW_FIELDS}
    editable = job.status in EDITABLE
    preview: list[dict[str, Any]] = []
    owners: list[dict[str, Any]] = []
    if editable:
        try:
            preview = [{"line": n, "values": v} for n, v in services.preview_rows(job)]
        except ReadError:
            preview = []  # the problems say why; the check reads the file again
        users = dict(team_users(job.team).values_list("pk", "username"))
        owners = [
            {"value": value, "suggested": users.get(pk) if pk else None}
            for value, pk in services.owner_suggestions(job)
        ]
    return {
        **row,
        "header": job.header,
        "columns": job.columns,
        "fields": {e.value: list(TARGETS[e]) for e in Entity},
        "owners": owners,
        "legal_basis": job.legal_basis,
        "legal_basis_recorded_on": job.legal_basis_recorded_on,
        "default_country": job.default_country,
        "skip_invalid": job.skip_invalid,
        "preview": preview,
        "problems": job.problems,
        "progress_done": job.progress_done,
        "progress_total": job.progress_total,
    }


@router.get("", response=ImportPage)
def list_imports(request: HttpRequest, params: Query[ListQuery], status: str = "") -> Any:
    """The team's imports (``status`` e.g. ``uploaded``, ``done``, ``refused``)."""
    require_write(request)
    jobs = ImportJob.objects.for_team(request.team)  # type: ignore[attr-defined]
    if status:
        jobs = jobs.filter(status=status)
    return list_page(request, jobs, params, _rows)


@router.post("", response={201: ImportOut})
def upload_import(request: HttpRequest, file: File[UploadedFile]) -> Status[Any]:
    """Upload a CSV, Excel or vCard file (``multipart/form-data``, field ``file``).
    Nothing is imported yet: read the answer's mapping and preview, then start it."""
    require_write(request)
    job = services.import_job_create(
        team=request.team,  # type: ignore[attr-defined]
        actor=request.user,
        upload=file,
    )
    return Status(201, _detail(job))


@router.get("/{import_id}", response=ImportOut)
def get_import(request: HttpRequest, import_id: Id) -> Any:
    """One import: mapping, preview and owner suggestions while it can still be
    changed; status, counts, progress and problems (line, column, message) after."""
    job = _job(request, import_id)
    require_write(request)
    return _detail(job)


@router.post("/{import_id}/start", response={202: ImportOut})
def start_import(request: HttpRequest, import_id: Id, payload: ImportStartIn) -> Status[Any]:
    """Set the mapping (fields left out keep what Fasit recognised) and queue the run;
    ``dry_run`` checks every row and stores nothing. 409 once it has run. Follow it
    with ``GET /api/imports/{id}`` until ``status`` is ``done``, ``checked``,
    ``refused`` or ``failed``."""
    job = _job(request, import_id)
    require_write(request)
    if job.status not in EDITABLE:
        raise HttpError(409, _("This import has already run."))
    team = request.team  # type: ignore[attr-defined]
    owners: dict[str, Any] = {}
    if payload.owners is not None:
        users = dict(team_users(team).values_list("username", "pk"))
        unknown = [u for u in payload.owners.values() if u is not None and u not in users]
        if unknown:
            raise ValidationError({"owners": [_("Choose one of your team's records.")]})
        owners = {k: (users[v] if v is not None else None) for k, v in payload.owners.items()}
    else:
        owners = dict(services.owner_suggestions(job))
    services.import_job_configure(
        job=job,
        actor=request.user,
        entity=payload.entity or job.entity,
        columns=payload.columns if payload.columns is not None else list(job.columns),
        owners=owners,
        legal_basis=payload.legal_basis or job.legal_basis,
        legal_basis_recorded_on=payload.legal_basis_recorded_on or job.legal_basis_recorded_on,
        default_country=payload.default_country or job.default_country,
        skip_invalid=job.skip_invalid if payload.skip_invalid is None else payload.skip_invalid,
        save_as=payload.save_as,
    )
    services.import_job_start(job=job, actor=request.user, dry_run=payload.dry_run)
    job.refresh_from_db()
    return Status(202, _detail(job))

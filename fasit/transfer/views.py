"""Import pages: upload, preview and mapping, progress and outcome."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from fasit.core.forms import add_service_errors
from fasit.core.views import paginate
from fasit.tenancy.access import get_for_team_or_404, write_required
from fasit.transfer import progress, services
from fasit.transfer.forms import TARGET_LABELS, ConfigureForm, UploadForm
from fasit.transfer.models import ImportJob, ImportStatus


@write_required
def import_list(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = services.import_job_create(
                team=team, actor=request.user, upload=form.cleaned_data["file"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("transfer:import_detail", pk=job.pk)
    jobs = ImportJob.objects.for_team(team).select_related("created_by").defer("rejected")
    return render(
        request,
        "transfer/import_list.html",
        {"form": form, "page_obj": paginate(request, jobs)},
    )


@write_required
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    job = get_for_team_or_404(ImportJob.objects.defer("rejected"), team, pk=pk)
    editable = job.status in {ImportStatus.UPLOADED, ImportStatus.CHECKED, ImportStatus.REFUSED}
    form = None
    if editable:
        form = ConfigureForm(request.POST or None, job=job, owners=job.owner_values)
        for position, (_value, user_id) in enumerate(services.owner_suggestions(job)):
            form.fields[f"owner_{position}"].initial = user_id
        if request.method == "POST" and form.is_valid():
            try:
                services.import_job_configure(job=job, actor=request.user, **form.service_kwargs())
                services.import_job_start(
                    job=job, actor=request.user, dry_run="check" in request.POST
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                return redirect("transfer:import_detail", pk=job.pk)
    context = {
        "job": job,
        "form": form,
        "preview": services.preview_rows(job) if editable else [],
        "labels": TARGET_LABELS,
        "progress": progress.read(job),
    }
    template = "transfer/import_detail.html"
    if request.htmx:  # type: ignore[attr-defined]
        template += "#status"
    return render(request, template, context)


@write_required
def import_invalid_rows(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_for_team_or_404(ImportJob.objects.all(), request.team, pk=pk)  # type: ignore[attr-defined]
    if not job.rejected:
        raise Http404
    response = HttpResponse(bytes(job.rejected), content_type="text/csv; charset=utf-8")
    stem = job.file_name.rsplit(".", 1)[0]
    response["Content-Disposition"] = f'attachment; filename="{stem}.invalid.csv"'
    return response

"""Erasing a person from files the team imported (``transfer``).

An uploaded file (CSV, vCard, spreadsheet) holds rows about many people, and Fasit
cannot rewrite one row of a spreadsheet safely, so a stored upload that holds the
person is deleted, with the rows the import gave back as invalid; the import's record
and counts stay. Compressed spreadsheets (.xlsx, .ods) cannot be searched, so their
stored copy goes too. An upload still waiting to be imported is stopped (failed, with
the reason) so that it can never bring the person back.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from fasit.customers.models import Person
from fasit.transfer.models import ImportChunk, ImportJob, ImportStatus

ENCODINGS = ("utf-8", "utf-16-le", "cp1252")
ZIP_MAGIC = b"PK\x03\x04"


def _encoded(texts: list[str]) -> set[bytes]:
    found = set()
    for text in texts:
        for encoding in ENCODINGS:
            try:
                found.add(text.encode(encoding))
            except UnicodeEncodeError:
                continue
    return found


def erase_from_uploads(*, person: Person) -> int:
    """Delete the stored uploads that hold the person; the number of imports touched."""
    team = person.team
    needles = _encoded([t for t in (person.name, person.email) if t.strip()])
    in_file, in_rejected = Q(), Q()
    for needle in needles:
        in_file |= Q(data__privacy_contains=needle)
        in_rejected |= Q(rejected__privacy_contains=needle)
    chunks = ImportChunk.objects.for_team(team)
    holding = set(chunks.filter(in_file).values_list("job_id", flat=True))
    holding |= set(
        chunks.filter(index=0, data__privacy_contains=ZIP_MAGIC).values_list("job_id", flat=True)
    )
    holding |= set(
        ImportJob.objects.for_team(team).filter(in_rejected).values_list("pk", flat=True)
    )
    if not holding:
        return 0
    ImportChunk.objects.filter(job_id__in=holding).delete()
    jobs = ImportJob.objects.for_team(team).filter(pk__in=holding)
    jobs.update(rejected=None)
    waiting = [job.pk for job in jobs.defer("rejected") if not job.finished]
    with translation.override(team.language):
        reason = _(
            "Stopped: the file held data about a person who was erased. Import it again "
            "without them."
        )
    ImportJob.objects.filter(pk__in=waiting).update(status=ImportStatus.FAILED, error=reason)
    return len(holding)

"""Imports (the uploaded file, its mapping, progress and outcome), mappings a team saved
for reuse, and the keys records have in the systems they came from."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fasit.core.models import TeamOwned, TeamScopedQuerySet, scoped_manager
from fasit.customers.models import LegalBasis


class SourceKind(models.TextChoices):
    HUBSPOT = "hubspot", "HubSpot"
    PIPEDRIVE = "pipedrive", "Pipedrive"
    SALESFORCE = "salesforce", "Salesforce"
    CSV = "csv", _("CSV or spreadsheet")
    VCARD = "vcard", "vCard"


class EntityKind(models.TextChoices):
    ACCOUNT = "account", _("Accounts")
    PERSON = "person", _("People")


class ImportStatus(models.TextChoices):
    UPLOADED = "uploaded", _("Waiting for your check")
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Imported")
    CHECKED = "checked", _("Checked (nothing stored)")
    REFUSED = "refused", _("Refused: nothing was stored")
    FAILED = "failed", _("Failed: nothing was stored")


class ImportJob(TeamOwned):
    """One uploaded file and everything about importing it.

    The counts and problems are filled when the run ends; progress while it runs is
    kept apart (``progress.py``) because the run's own transaction cannot be seen
    until it commits.
    """

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    file_name = models.CharField(_("file"), max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    source = models.CharField(_("source"), max_length=12, choices=SourceKind.choices)
    entity = models.CharField(_("records"), max_length=10, choices=EntityKind.choices)
    layout: models.JSONField[dict[str, Any]] = models.JSONField(default=dict, blank=True)
    header: models.JSONField[list[str]] = models.JSONField(default=list, blank=True)
    columns: models.JSONField[list[str]] = models.JSONField(default=list, blank=True)
    owners: models.JSONField[dict[str, Any]] = models.JSONField(default=dict, blank=True)
    default_country = models.CharField(_("default country"), max_length=2, default="NO")
    legal_basis = models.CharField(
        _("legal basis"), max_length=20, choices=LegalBasis.choices, blank=True
    )
    legal_basis_recorded_on = models.DateField(_("legal basis recorded on"), null=True, blank=True)
    skip_invalid = models.BooleanField(
        _("import the valid rows, give back the invalid"), default=False
    )
    dry_run = models.BooleanField(default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.UPLOADED
    )
    total_rows = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    invalid = models.PositiveIntegerField(_("invalid"), default=0)
    accounts_created = models.PositiveIntegerField(default=0)
    problem_count = models.PositiveIntegerField(default=0)
    # The first problems, for the page; all of them are in ``rejected``.
    problems: models.JSONField[list[dict[str, Any]]] = models.JSONField(default=list, blank=True)
    rejected = models.BinaryField(null=True, blank=True)
    error = models.TextField(blank=True)
    # Written around the run's transaction (see progress.py), PostgreSQL only.
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    heartbeat = models.FloatField(null=True, blank=True)
    # Distinct values of the owner column, for the preview to map.
    owner_values: models.JSONField[list[str]] = models.JSONField(default=list, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return self.file_name

    @property
    def finished(self) -> bool:
        return self.status in {
            ImportStatus.DONE,
            ImportStatus.CHECKED,
            ImportStatus.REFUSED,
            ImportStatus.FAILED,
        }


class ImportChunk(models.Model):
    """The uploaded file in pieces, in the database so any worker can read it and a
    web process keeps no state (a single value of hundreds of megabytes would strain
    both SQLite and the PostgreSQL driver)."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="chunks")
    index = models.PositiveIntegerField()
    data = models.BinaryField()

    objects = scoped_manager("job__team")

    class Meta:
        ordering = ["job", "index"]
        constraints = [models.UniqueConstraint(fields=["job", "index"], name="chunk_once")]

    def __str__(self) -> str:
        return f"{self.job_id}/{self.index}"


class ImportMapping(TeamOwned):
    """A column mapping (and owner mapping) saved for files with the same header."""

    name = models.CharField(_("name"), max_length=120)
    signature = models.TextField()
    source = models.CharField(max_length=12, choices=SourceKind.choices)
    entity = models.CharField(max_length=10, choices=EntityKind.choices)
    columns: models.JSONField[dict[str, str]] = models.JSONField(default=dict)
    owners: models.JSONField[dict[str, Any]] = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["team", "signature"], name="one_mapping_per_header")
        ]
        verbose_name = _("saved mapping")
        verbose_name_plural = _("saved mappings")

    def __str__(self) -> str:
        return self.name


class ExternalKey(models.Model):
    """The id a record has in the system it was imported from, so a second import of
    the same export finds it again (and Salesforce contacts find their AccountId)."""

    # The unique (team, source, entity, key) index serves look-ups by team.
    # No database constraint (``db_constraint=False``): a key always names its record
    # (the account or person foreign key below, checked by the database), which carries
    # the team, and every row written past the ORM passes the import's cross-team check
    # (``RowCheck``: its team is the import's). The team's own check cost one trigger
    # query per imported contact, about 1/7 of PostgreSQL's foreign-key work in an
    # import (docs/transfer.md, *Speed*). Deleting a team still deletes its keys
    # (``on_delete`` is Django's).
    team = models.ForeignKey(
        "tenancy.Team",
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    source = models.CharField(max_length=12, choices=SourceKind.choices)
    entity = models.CharField(max_length=10, choices=EntityKind.choices)
    key = models.CharField(max_length=120)
    # Indexed only where set (Meta): a person's key has no account, and an import of a
    # million contacts would otherwise add a million NULL entries to that index.
    account = models.ForeignKey(
        "customers.Account",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
    )
    person = models.ForeignKey(
        "customers.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    objects = TeamScopedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["team", "source", "entity", "key"], name="one_record_per_external_key"
            )
        ]
        indexes = [
            models.Index(
                fields=["account"],
                condition=models.Q(account__isnull=False),
                name="transfer_externalkey_account",
            )
        ]
        verbose_name = _("external key")
        verbose_name_plural = _("external keys")

    def __str__(self) -> str:
        return f"{self.source}:{self.entity}:{self.key}"


class AccountDomain(models.Model):
    """A web domain of an account (from an import), one way duplicates are found."""

    account = models.ForeignKey("customers.Account", on_delete=models.CASCADE, related_name="+")
    domain = models.CharField(max_length=253)

    objects = scoped_manager("account__team")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["account", "domain"], name="one_domain_per_account")
        ]
        indexes = [models.Index(fields=["domain"])]
        verbose_name = _("account domain")
        verbose_name_plural = _("account domains")

    def __str__(self) -> str:
        return self.domain

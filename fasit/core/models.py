"""Cross-cutting models: the audit trail and the base for team-owned records."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import DatabaseError, models
from django.utils.translation import gettext_lazy as _

from fasit.core.validators import CleanTextMixin

if TYPE_CHECKING:
    from fasit.tenancy.models import Team


class TeamScopedQuerySet(models.QuerySet):
    """The only door to team data: ``Model.objects.for_team(team)``.

    ``None`` yields nothing rather than everything, so a view that lost track of
    its team fails closed.
    """

    team_path = "team"

    def for_team(self, team: Team | None) -> Self:
        if team is None:
            return self.none()
        return self.filter(**{self.team_path: team})


def scoped_manager(team_path: str) -> models.Manager[Any]:
    """A manager whose ``for_team`` follows ``team_path`` (e.g. ``"person__team"``)
    for rows that belong to a team through their parent."""
    queryset_class = type(
        f"TeamScopedQuerySet_{team_path}", (TeamScopedQuerySet,), {"team_path": team_path}
    )
    return queryset_class.as_manager()  # type: ignore[no-any-return]


class RecordGone(ObjectDoesNotExist):
    """A record was saved after someone else deleted it; the API and the pages answer 404."""


class Record(CleanTextMixin):
    """Base of the team's records: clean text (``CleanTextMixin``), and a save that
    never brings back a row someone else deleted.

    Django's ``save()`` on a loaded record runs an UPDATE and, when it finds no row,
    an INSERT. Two requests at once (an erasure and a "keep" on the same person, say)
    would then re-insert the deleted row; when its parent is gone too, the deferred
    foreign key fails at COMMIT and the user gets a 500. Here such a save raises
    ``RecordGone`` instead, before anything is written.
    """

    class Meta:
        abstract = True

    def save(
        self,
        *,
        force_insert: Any = False,
        force_update: bool = False,
        using: str | None = None,
        update_fields: Any = None,
    ) -> None:
        loaded = not self._state.adding and self.pk is not None and not force_insert
        try:
            super().save(
                force_insert=force_insert,
                force_update=force_update or loaded,
                using=using,
                update_fields=update_fields,
            )
        except DatabaseError as error:
            # Django's own "did not affect any rows" (the row is gone) carries no driver
            # error as its cause; a real database error is left as it is.
            if not loaded or error.__cause__ is not None:
                raise
            raise RecordGone(f"{self._meta.verbose_name} {self.pk} no longer exists") from None


class TeamOwned(Record):
    team = models.ForeignKey("tenancy.Team", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TeamScopedQuerySet.as_manager()

    class Meta:
        abstract = True


class AuditEvent(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("changed")
        DELETE = "delete", _("deleted")

    # The (team, object_type, object_id) and (team, id) indexes serve look-ups by team.
    team = models.ForeignKey(
        "tenancy.Team", on_delete=models.CASCADE, related_name="audit_events", db_index=False
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=10, choices=Action.choices)
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=40)
    object_repr = models.CharField(max_length=200)
    changes: models.JSONField[dict[str, Any]] = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    # The record a child row is kept with (its ``SYNC_PARENTS``/``HISTORY_PARENTS``:
    # a person's role, a journey's motive), so the parent's history still finds the
    # row's entries after the row is deleted (core/audit.py ``record_events``). Blank
    # for a record with no parent, and on the importer's rows until the row is deleted
    # (``audit_delete`` names the parent on the row's earlier entries then).
    parent_type = models.CharField(max_length=60, blank=True, default="")
    parent_id = models.CharField(max_length=40, blank=True, default="")
    # The person a row of another kind names (a buying motive's or group member's, a
    # statement's, a role's), so erasure finds and blanks the row's entries after the
    # row is deleted, whatever its parent (core/audit.py ``person_of``). Blank on a
    # person's own entries (``object_id`` names them) and on rows that name nobody.
    person_ref = models.CharField(max_length=40, blank=True, default="")
    # The person an update took the row from (a statement given to the one who said
    # it, a transcript speaker mapped anew), when ``person_ref`` names the one it went
    # to: the entry is both people's, so erasing the first takes their name out of it
    # and leaves the second's record of the move (privacy/erasure.py). Blank otherwise.
    moved_from = models.CharField(max_length=40, blank=True, default="")

    objects = TeamScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["team", "object_type", "object_id"]),
            # The team's newest id is the version of its data (core/cache.py).
            models.Index(fields=["team", "id"], name="core_audit_team_version"),
            # The team's newest id of one kind of record: the version of one area of
            # its data (core/cache.py ``area_version``).
            models.Index(fields=["team", "object_type", "id"], name="core_audit_team_type_version"),
            # A parent's child entries (``record_events``). Partial: only rows that name a
            # parent are indexed, so an import's million entries cost it nothing.
            models.Index(
                fields=["team", "parent_type", "parent_id"],
                name="core_audit_parent",
                condition=~models.Q(parent_id=""),
            ),
            # Every entry naming a person (erasure). Partial like the parent's.
            models.Index(
                fields=["team", "person_ref"],
                name="core_audit_person",
                condition=~models.Q(person_ref=""),
            ),
            # Every entry that moved a row away from a person (erasure). Partial: few.
            models.Index(
                fields=["team", "moved_from"],
                name="core_audit_moved_from",
                condition=~models.Q(moved_from=""),
            ),
        ]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.object_type} {self.object_repr}"


class ApiRateCount(models.Model):
    """Requests of one API token in one rate window, when the limit is counted in the
    database (``FASIT_API_RATE_STORE=database``): one row per token and window, raised
    by an atomic upsert, so every web process counts against the same limit."""

    token_id = models.BigIntegerField()
    window_start = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["token_id", "window_start"], name="one_count_per_window"
            )
        ]

    def __str__(self) -> str:
        return f"token {self.token_id} @ {self.window_start}: {self.count}"


class TeamTally(models.Model):
    """A team's row count of one of the big lists (``core/tallies.py``), kept by database
    triggers. On PostgreSQL a key may have a few rows (one more for each writer that
    found the others held by open transactions); its count is their sum. ``team_id`` is a plain
    number, not a foreign key: a team's deletion deletes its rows, whose triggers
    write the tallies down to nothing, after the team row may already be gone."""

    team_id = models.BigIntegerField()
    name = models.CharField(max_length=60)
    n = models.BigIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["team_id", "name"], name="core_tally_team_name")]

    def __str__(self) -> str:
        return f"team {self.team_id} {self.name}: {self.n}"

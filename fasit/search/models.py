from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from fasit.core.models import TeamOwned


class Kind(models.TextChoices):
    ACCOUNT = "account", _("Account")
    PERSON = "person", _("Person")
    CONVERSATION = "conversation", _("Conversation")
    THEME = "theme", _("Theme")
    JOURNEY = "journey", _("Buying journey")


class SearchEntry(TeamOwned):
    """One record as the search sees it. ``title_index`` and ``body_index`` hold the
    folded and stemmed tokens (``fasit.engine.text.search.index_text``); the database's
    full-text index is built over them: an FTS5 table kept in step by triggers on
    SQLite, a generated ``tsvector`` column with a GIN index on PostgreSQL (migration
    0001).
    A result is shown from the record itself, in the reader's language."""

    # The (team, kind) index serves look-ups by team.
    # No database constraint (``db_constraint=False``; on PostgreSQL, migration 0003): an
    # entry is written from its record (``kind``, ``object_id``) with that record's team,
    # and the record's own team is a checked foreign key; rows written past the ORM (an
    # import's ``COPY``) pass the import's cross-team check (``RowCheck``: their team is
    # the import's). The check cost one trigger query per imported contact, about a
    # sixth of PostgreSQL's foreign-key work in an import (docs/transfer.md, *Speed*).
    # Deleting a team still deletes its entries (``on_delete`` is Django's), and a team
    # deleted while entries are written cannot commit: their records hold it through
    # their own checked foreign key. (The import's other links, a role's person and
    # account and a key's person, stay checked: others can delete those rows meanwhile.)
    # SQLite keeps the constraint: dropping it there would rebuild the table and lose
    # its full-text triggers.
    team = models.ForeignKey(
        "tenancy.Team",
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    title_index = models.TextField(blank=True)
    body_index = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="unique_search_entry")
        ]
        indexes = [models.Index(fields=["team", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"

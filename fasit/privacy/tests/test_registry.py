"""Erasure reaches every text column by construction: every model with text either
belongs to a team (and is scrubbed) or is listed, with the reason, as holding no
person's data. A model added later that is neither makes this test fail."""

from __future__ import annotations

from typing import Any

from fasit.privacy.redaction import Redactor
from fasit.privacy.registry import TEAMLESS, text_tables
from fasit.privacy.scrub import scrub_team


def test_every_text_column_belongs_to_a_team_or_is_explained() -> None:
    unexplained = sorted(
        t.model._meta.label
        for t in text_tables()
        if t.team_path is None and t.model._meta.label not in TEAMLESS
    )
    assert unexplained == [], (
        "These models keep text but have no way to their team, so erasure cannot scrub "
        "them: give them a team path (TeamOwned or scoped_manager) or explain them in "
        "fasit/privacy/registry.py TEAMLESS."
    )


def test_the_explained_models_still_exist() -> None:
    labels = {t.model._meta.label for t in text_tables()}
    assert set(TEAMLESS) <= labels


def test_every_team_path_is_a_working_query(team_a: Any) -> None:
    # A wrong path would raise here, in the test, rather than in someone's erasure.
    redactor = Redactor.for_person(name="Nobody Atall", placeholder="[x]")
    assert scrub_team(team=team_a, redactor=redactor) == {}


def test_binary_columns_are_known() -> None:
    # Erasure rewrites transcript files (privacy/transcripts.py) and drops imported files
    # (privacy/uploads.py); any other binary column needs its own handler.
    binary = {f"{t.model._meta.label}.{f.name}" for t in text_tables() for f in t.binary}
    assert binary == {
        "conversations.TranscriptFile.content",
        "transfer.ImportChunk.data",
        "transfer.ImportJob.rejected",
    }

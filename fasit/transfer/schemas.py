from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Field, Schema


class ImportRow(Schema):
    id: int
    file_name: str
    size: int
    source: str
    entity: str
    status: str
    dry_run: bool
    total_rows: int
    created: int
    updated: int
    unchanged: int
    invalid: int
    accounts_created: int
    problem_count: int
    error: str
    created_at: dt.datetime
    updated_at: dt.datetime
    started_at: dt.datetime | None
    finished_at: dt.datetime | None


class ProblemOut(Schema):
    file: str
    line: int
    column: str
    message: str


class PreviewRowOut(Schema):
    line: int
    values: list[str]


class OwnerOut(Schema):
    value: str
    suggested: str | None


class ImportOut(ImportRow):
    """An import: what Fasit recognised (``source``, ``entity``, the file's ``header``
    and the field each column fills, ``columns``), the first rows, the owner values
    and whom Fasit suggests for each, then progress and the problems found."""

    header: list[str]
    columns: list[str]
    fields: dict[str, list[str]]
    owners: list[OwnerOut]
    legal_basis: str
    legal_basis_recorded_on: dt.date | None
    default_country: str
    skip_invalid: bool
    preview: list[PreviewRowOut]
    problems: list[ProblemOut]
    progress_done: int
    progress_total: int


class ImportStartIn(Schema):
    """The mapping and choices, as on the import page, then the run (``dry_run``: a
    check that stores nothing). Fields left out keep what Fasit recognised."""

    dry_run: bool = False
    entity: Literal["account", "person"] | None = None
    columns: list[str] | None = Field(None, max_length=500)
    owners: dict[str, str | None] | None = Field(
        None, description="owner value in the file -> username (null: no owner)"
    )
    legal_basis: str | None = Field(None, max_length=30)
    legal_basis_recorded_on: dt.date | None = None
    default_country: str | None = Field(None, max_length=2)
    skip_invalid: bool | None = None
    save_as: str = Field("", max_length=120)

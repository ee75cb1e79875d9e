"""Exports, the team's JSON export and import, and duplicates over the API, as on the
Exports and Duplicates pages: the same filters, tables, files and services.

Like the pages, exports and duplicates are for members who write (a viewer takes no
data out); the whole-team export and import are for the team's owners. Large bodies
are streamed (CSV, JSON tables, vCards) or written to a temporary file first and sent
from it (Excel, the team export), so memory stays bounded at any team size."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _
from ninja import Field, File, Query, Router, Schema, Status
from ninja.files import UploadedFile

from fasit.core.api_utils import MAX_INT, Id, require_owner, require_write
from fasit.customers.models import Account, Person
from fasit.tenancy.access import get_for_team_or_404
from fasit.transfer import exports, merging, selectors, teamdump
from fasit.transfer.export_views import SHEET_NAMES, TABLES, filter_rows, unlinking

exports_router = Router(tags=["exports"])
duplicates_router = Router(tags=["duplicates"])

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file_doc(description: str, types: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The OpenAPI answer of an operation that sends a file rather than a schema."""
    return {"responses": {200: {"description": description, "content": types}}}


TEXT = {"type": "string"}
BINARY = {"type": "string", "format": "binary"}
TABLE_JSON = {
    "type": "object",
    "properties": {
        "header": {"type": "array", "items": {"type": "string"}},
        "rows": {"type": "array", "items": {"type": "array", "items": {}}},
    },
    "required": ["header", "rows"],
}


class ExportFilters(Schema):
    """The list pages' filters: accounts ``q``, ``tier``, ``country``, ``category_id``,
    ``mine``; people ``q``, ``account_id``, ``account_name``, ``buying_role``;
    conversations and follow-ups (of the matching conversations) ``q``, ``kind``,
    ``since``, ``until``, ``mine``. Others are ignored; a value the page's filter
    refuses is a 400 on that field."""

    q: str = Field("", max_length=200)
    tier: str = Field("", max_length=20)
    country: str = Field("", max_length=2)
    category_id: int | None = Field(None, ge=1, le=MAX_INT)
    account_id: int | None = Field(None, ge=1, le=MAX_INT)
    account_name: str = Field("", max_length=200)
    buying_role: str = Field("", max_length=30)
    kind: str = Field("", max_length=20)
    since: dt.date | None = None
    until: dt.date | None = None
    mine: bool = False


def _rows(request: HttpRequest, what: str, filters: ExportFilters) -> Any:
    data = {
        key: value
        for key, value in {
            **filters.dict(exclude={"category_id", "account_id", "mine"}),
            "category": filters.category_id,
            "account": filters.account_id,
            "mine": "on" if filters.mine else None,
        }.items()
        if value not in (None, "")
    }
    rows, errors = filter_rows(request.team, request.user, what, data)  # type: ignore[attr-defined]
    if errors:
        # The forms' names back to the API's (category -> category_id).
        names = {"category": "category_id", "account": "account_id"}
        raise ValidationError({names.get(k, k): v for k, v in errors.items()})
    return rows


def _json_table(header: list[str], rows: Any) -> Iterator[str]:
    """``{"header": [...], "rows": [[...], ...]}`` in pieces of 500 rows."""
    yield json.dumps({"header": header}, ensure_ascii=False)[:-1] + ', "rows": ['
    chunk: list[str] = []
    for count, row in enumerate(rows):
        chunk.append(("," if count else "") + json.dumps(row, cls=DjangoJSONEncoder))
        if len(chunk) == 500:
            yield "".join(chunk)
            chunk = []
    yield "".join(chunk) + "]}"


def _attachment(response: HttpResponse, request: HttpRequest, what: str, suffix: str) -> Any:
    from fasit.transfer.export_views import _filename

    name = _filename(request.team, what, suffix)  # type: ignore[attr-defined]
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@exports_router.get(
    "/list",
    openapi_extra=_file_doc(
        "The list as a file: CSV (UTF-8 with a byte-order mark), Excel, or JSON "
        "(the same header and rows)",
        {
            "text/csv": {"schema": TEXT},
            XLSX: {"schema": BINARY},
            "application/json": {"schema": TABLE_JSON},
        },
    ),
)
def export_list(
    request: HttpRequest,
    what: Literal["accounts", "people", "conversations", "follow_ups"],
    filters: Query[ExportFilters],
    format: Literal["csv", "xlsx", "json"] = "csv",
) -> Any:
    """Accounts, people (with roles and the human profile), conversations or follow-ups
    as the Exports page writes them, with the list's filters: exactly the rows the list
    shows. CSV and JSON are streamed; Excel is written to a temporary file first."""
    require_write(request)
    source = "conversations" if what == "follow_ups" else what
    header, rows = TABLES[what](_rows(request, source, filters))
    if format == "csv":
        response: HttpResponse = StreamingHttpResponse(
            exports.csv_stream(header, rows), content_type="text/csv; charset=utf-8"
        )
    elif format == "json":
        response = StreamingHttpResponse(
            _json_table([str(h) for h in header], rows), content_type="application/json"
        )
    else:
        path = exports.xlsx_file([(str(SHEET_NAMES[what]), header, rows)])
        response = FileResponse(unlinking(path), content_type=XLSX)
    return _attachment(response, request, what, format)


VCARD_DOC = _file_doc("vCard 3.0, one card per person", {"text/vcard": {"schema": TEXT}})


def _vcards(request: HttpRequest, people: Any, name: str) -> Any:
    response = StreamingHttpResponse(
        exports.vcards(people, request.team),  # type: ignore[attr-defined]
        content_type="text/vcard; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.vcf"'
    return response


@exports_router.get("/vcards", openapi_extra=VCARD_DOC)
def team_vcards(request: HttpRequest, filters: Query[ExportFilters]) -> Any:
    """The team's people as vCards, with the people list's filters."""
    require_write(request)
    team = request.team  # type: ignore[attr-defined]
    return _vcards(request, _rows(request, "people", filters), f"{team.slug}-people")


@exports_router.get("/people/{person_id}/vcard", openapi_extra=VCARD_DOC)
def person_vcard(request: HttpRequest, person_id: Id) -> Any:
    person = get_for_team_or_404(Person.objects.all(), request.team, pk=person_id)  # type: ignore[attr-defined]
    require_write(request)
    return _vcards(request, Person.objects.filter(pk=person.pk), f"person-{person.pk}")


@exports_router.get("/accounts/{account_id}/vcards", openapi_extra=VCARD_DOC)
def account_vcards(request: HttpRequest, account_id: Id) -> Any:
    """The people with a role at the account, by name."""
    team = request.team  # type: ignore[attr-defined]
    account = get_for_team_or_404(Account.objects.all(), team, pk=account_id)
    require_write(request)
    people = (
        Person.objects.for_team(team).filter(roles__account=account).distinct().order_by("name")
    )
    return _vcards(request, people, f"account-{account.pk}-people")


@exports_router.get(
    "/team",
    openapi_extra=_file_doc(
        "The whole team as one JSON document (format fasit-team, its version, users by "
        "name, every team record by model)",
        {"application/json": {"schema": {"type": "object"}}},
    ),
)
def team_export(request: HttpRequest) -> Any:
    """Owners: everything the team holds, as the Exports page's "whole team" file, to
    restore into an empty team (``POST /api/exports/team``) here or on another Fasit."""
    require_owner(request)
    import tempfile

    team = request.team  # type: ignore[attr-defined]
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - handed to the response
        "w+", suffix=".json", delete=False, encoding="utf-8"
    )
    teamdump.export_team(team, handle)
    handle.close()
    response = FileResponse(unlinking(Path(handle.name)), content_type="application/json")
    return _attachment(response, request, "team", "json")


class TeamImportOut(Schema):
    """Records restored per model (``app.model``) and in all."""

    total: int
    counts: dict[str, int]


@exports_router.post("/team", response={201: TeamImportOut})
def team_import(request: HttpRequest, file: File[UploadedFile]) -> Status[Any]:
    """Owners: restore a team export (multipart, field ``file``) into this team, which
    must be empty; all or nothing (400 with the reason otherwise)."""
    require_owner(request)
    try:
        data = json.load(file)
    except (ValueError, UnicodeDecodeError):
        raise ValidationError({"file": [_("The file is not JSON.")]}) from None
    if not isinstance(data, dict):
        raise ValidationError(_("This is not a Fasit team export."))
    counts = teamdump.import_team(request.team, data, actor=request.user)  # type: ignore[attr-defined]
    return Status(201, {"total": sum(counts.values()), "counts": counts})


# --- duplicates ---------------------------------------------------------------------------

MODELS: dict[str, Any] = {"people": Person, "accounts": Account}


class ReasonOut(Schema):
    code: str
    detail: str
    score: int
    text: str


class DuplicateOut(Schema):
    """Two records that are likely the same (``score`` 0–100): merge ``second_id``
    into ``first_id`` or the other way round."""

    first_id: int
    first_name: str
    second_id: int
    second_name: str
    score: int
    reasons: list[ReasonOut]


class DuplicatesOut(Schema):
    people: list[DuplicateOut]
    accounts: list[DuplicateOut]


@duplicates_router.get("", response=DuplicatesOut)
def list_duplicates(request: HttpRequest) -> Any:
    """The Duplicates page: up to 100 likely duplicate pairs of people and of accounts,
    most likely first, with why (same e-mail, phone, organisation number, web domain,
    names alike)."""
    require_write(request)
    team = request.team  # type: ignore[attr-defined]
    people = selectors.duplicate_people(team)
    accounts = selectors.duplicate_accounts(team)
    names = selectors.account_names(
        {int(r.detail) for c, _a, _b in people for r in c.reasons if r.detail.isdigit()}
    )

    def pairs(found: list[Any], names: dict[int, str]) -> list[dict[str, Any]]:
        return [
            {
                "first_id": a.pk,
                "first_name": a.name,
                "second_id": b.pk,
                "second_name": b.name,
                "score": c.score,
                "reasons": [
                    {
                        "code": r.code,
                        "detail": r.detail,
                        "score": r.score,
                        "text": selectors.reason_text(r, names),
                    }
                    for r in c.reasons
                ],
            }
            for c, a, b in found
        ]

    return {"people": pairs(people, names), "accounts": pairs(accounts, {})}


class MergeFieldOut(Schema):
    """A field where the two differ: ``default`` is what a merge takes unless told
    (``keep`` or ``drop``; ``both`` joins two texts where ``joinable``)."""

    name: str
    label: str
    keep: Any
    drop: Any
    joinable: bool
    default: str


class MergeIn(Schema):
    choices: dict[str, Literal["keep", "drop", "both"]] = Field(
        default_factory=dict, description="field name -> keep, drop or both"
    )


class MergeOut(Schema):
    id: int
    moved: dict[str, int]


def _pair(request: HttpRequest, kind: str, keep_id: int, drop_id: int) -> tuple[Any, Any]:
    model = MODELS[kind]
    team = request.team  # type: ignore[attr-defined]
    keep = get_for_team_or_404(model.objects.all(), team, pk=keep_id)
    drop = get_for_team_or_404(model.objects.all(), team, pk=drop_id)
    require_write(request)
    return keep, drop


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


@duplicates_router.get("/{kind}/{keep_id}/{drop_id}", response=list[MergeFieldOut])
def compare(
    request: HttpRequest, kind: Literal["people", "accounts"], keep_id: Id, drop_id: Id
) -> Any:
    """The merge page: the fields where ``drop`` differs from ``keep``."""
    keep, drop = _pair(request, kind, keep_id, drop_id)
    return [
        {
            **row,
            "label": str(row["label"]),
            "keep": _plain(row["keep"]),
            "drop": _plain(row["drop"]),
        }
        for row in merging.merge_choices(keep, drop)
    ]


@duplicates_router.post("/{kind}/{keep_id}/{drop_id}/merge", response=MergeOut)
def merge(
    request: HttpRequest,
    kind: Literal["people", "accounts"],
    keep_id: Id,
    drop_id: Id,
    payload: MergeIn,
) -> Any:
    """Merge ``drop`` into ``keep`` (the merge page's service): each differing field
    as chosen, every related record moved, ``drop`` deleted; audited on both (the
    deleted one as merged into the kept one, so ``/api/sync/deleted`` lists it)."""
    keep, drop = _pair(request, kind, keep_id, drop_id)
    moved = merging.record_merge(
        keep=keep, drop=drop, actor=request.user, choices=dict(payload.choices)
    )
    return {"id": keep.pk, "moved": moved}

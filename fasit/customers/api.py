from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from fasit.core.api_utils import error_detail, require_write
from fasit.customers import selectors, services
from fasit.customers.models import Account, CustomerCategory, Person
from fasit.customers.schemas import AccountIn, AccountOut, ErrorOut, PersonOut
from fasit.tenancy.access import get_for_team_or_404

router = Router(tags=["customers"])


@router.get("/accounts", response=list[AccountOut])
@paginate(LimitOffsetPagination)
def list_accounts(request: HttpRequest, q: str = "", tier: str = "", country: str = "") -> Any:
    return selectors.account_list(request.team, q=q, tier=tier, country=country)  # type: ignore[attr-defined]


@router.get("/accounts/{account_id}", response=AccountOut)
def get_account(request: HttpRequest, account_id: int) -> Account:
    return get_for_team_or_404(
        Account.objects.select_related("category", "owner"),
        request.team,
        pk=account_id,  # type: ignore[attr-defined]
    )


@router.post("/accounts", response={201: AccountOut, 400: ErrorOut})
def create_account(request: HttpRequest, payload: AccountIn) -> Status[Any]:
    require_write(request)
    team = request.team  # type: ignore[attr-defined]
    data = payload.dict()
    category_id, parent_id = data.pop("category_id"), data.pop("parent_id")
    try:
        # Unknown or foreign ids are reported as absent, never as another team's.
        category = (
            get_for_team_or_404(CustomerCategory.objects.all(), team, pk=category_id)
            if category_id
            else None
        )
        parent = (
            get_for_team_or_404(Account.objects.all(), team, pk=parent_id) if parent_id else None
        )
    except Http404:
        return Status(
            400, ErrorOut(detail={"category_id/parent_id": ["No such record in your team."]})
        )
    try:
        account = services.account_create(
            team=team,
            actor=request.user,
            category=category,
            parent=parent,
            owner=request.user,
            **data,
        )
    except ValidationError as exc:
        return Status(400, ErrorOut(detail=error_detail(exc)))
    return Status(201, account)


@router.get("/people", response=list[PersonOut])
@paginate(LimitOffsetPagination)
def list_people(request: HttpRequest, q: str = "", account_id: int | None = None) -> Any:
    team = request.team  # type: ignore[attr-defined]
    account = (
        get_for_team_or_404(Account.objects.all(), team, pk=account_id) if account_id else None
    )
    return selectors.person_list(team, q=q, account=account)


@router.get("/people/{person_id}", response=PersonOut)
def get_person(request: HttpRequest, person_id: int) -> Person:
    return get_for_team_or_404(Person.objects.all(), request.team, pk=person_id)  # type: ignore[attr-defined]

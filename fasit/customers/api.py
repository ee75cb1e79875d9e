"""Accounts (with yearly revenue and corporate group) and people (roles, the human
profile, legal basis) over the API. Writes go through ``customers.services``."""

from __future__ import annotations

from typing import Any, Literal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from fasit.core.api_utils import (
    HistoryPage,
    Id,
    ListQuery,
    PlainPage,
    Where,
    history_list,
    list_page,
    page_schema,
    patch_data,
    require_write,
    rows_for_ids,
    team_ref,
)
from fasit.customers import services
from fasit.customers.models import (
    Account,
    AccountRevenue,
    CustomerCategory,
    FamilyMember,
    ImportantDate,
    Interest,
    LifeEvent,
    Person,
    PersonRole,
)
from fasit.customers.schemas import (
    AccountDetailOut,
    AccountIn,
    AccountPatch,
    AccountRow,
    CategoryIn,
    CategoryOut,
    CategoryPatch,
    FamilyIn,
    FamilyOut,
    ImportantDateIn,
    ImportantDateOut,
    InterestIn,
    InterestOut,
    LifeEventIn,
    LifeEventOut,
    PersonDetailOut,
    PersonIn,
    PersonPatch,
    PersonRow,
    RevenueIn,
    RevenueOut,
    RoleIn,
    RoleRow,
)
from fasit.privacy.models import AccessLog
from fasit.privacy.services import access_record
from fasit.tenancy.access import get_for_team_or_404
from fasit.tenancy.selectors import team_users

router = Router(tags=["customers"])

AccountPage = page_schema(AccountRow, "AccountPage")
PersonPage = page_schema(PersonRow, "PersonPage")

ACCOUNT_VALUES = (
    "id",
    "name",
    "org_number",
    "country",
    "tier",
    "category_id",
    "category__name",
    "owner__username",
    "customer_since",
    "parent_id",
    "notes",
    "created_at",
    "updated_at",
)


def account_rows(accounts: QuerySet[Account]) -> list[dict[str, Any]]:
    """Plain rows in one query: no model instances, no query per row."""
    rows = list(accounts.values(*ACCOUNT_VALUES))
    for row in rows:
        row["category"] = row.pop("category__name")
        row["owner"] = row.pop("owner__username")
    return rows


# The team's accounts unfiltered, as account_rows gives them (core.api_utils.PlainPage).
ACCOUNTS_PLAIN = PlainPage(
    table=Account._meta.db_table,
    tally="accounts",
    joins=(
        f"LEFT JOIN {CustomerCategory._meta.db_table} c ON c.id = x.category_id"
        f" LEFT JOIN {get_user_model()._meta.db_table} u ON u.id = x.owner_id"
    ),
    columns=(
        *((name, f"x.{name}") for name in ACCOUNT_VALUES if "__" not in name),
        ("category", "c.name"),
        ("owner", "u.username"),
    ),
    finish=lambda rows: rows,
)

PERSON_VALUES = (
    "id",
    "name",
    "email",
    "phone",
    "country",
    "preferred_meeting",
    "what_matters",
    "legal_basis",
    "legal_basis_recorded_on",
    "data_source",
    "data_source_detail",
    "created_at",
    "updated_at",
)


def person_rows(people: QuerySet[Person]) -> list[dict[str, Any]]:
    """The page's people and, in one more query, their roles."""
    return _with_roles(list(people.values(*PERSON_VALUES)))


def _with_roles(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    roles: dict[int, list[dict[str, Any]]] = {row["id"]: [] for row in rows}
    for person_id, account_id, account, title, buying_role in rows_for_ids(ROLES_SQL, list(roles)):
        roles[person_id].append(
            {
                "account_id": account_id,
                "account": account,
                "title": title,
                "buying_role": buying_role,
            }
        )
    for row in rows:
        row["roles"] = roles[row["id"]]
    return rows


# The roles of a page of people (core.api_utils.rows_for_ids). The account's name by
# its key for each role: as a join, PostgreSQL hashed every account of the team for
# 50 roles (1.2 ms at 4,000 accounts, growing with the team).
ROLES_SQL = (
    f"SELECT r.person_id, r.account_id,"
    f" (SELECT a.name FROM {Account._meta.db_table} a WHERE a.id = r.account_id),"
    f" r.title, r.buying_role FROM {PersonRole._meta.db_table} r"
    " WHERE r.person_id IN ({ids}) ORDER BY r.id"
)


# The team's people unfiltered, as person_rows gives them (core.api_utils.PlainPage).
PEOPLE_PLAIN = PlainPage(
    table=Person._meta.db_table,
    tally="people",
    joins="",
    columns=tuple((name, f"x.{name}") for name in PERSON_VALUES),
    finish=_with_roles,
)


def _account(request: HttpRequest, account_id: int) -> Account:
    return get_for_team_or_404(
        Account.objects.select_related("category", "owner", "team"),
        request.team,  # type: ignore[attr-defined]
        pk=account_id,
    )


def _account_detail(account: Account) -> dict[str, Any]:
    row = account_rows(Account.objects.filter(pk=account.pk))[0]
    row["revenues"] = list(account.revenues.order_by("-year").values("year", "amount", "currency"))
    row["subsidiaries"] = list(account.subsidiaries.order_by("id").values_list("id", flat=True))
    return row


def _account_links(request: HttpRequest, data: dict[str, Any]) -> dict[str, Any]:
    """Ids and usernames in a body -> the team's records, for the service."""
    team = request.team  # type: ignore[attr-defined]
    if "category_id" in data:
        data["category"] = team_ref(
            CustomerCategory.objects.all(), team, data.pop("category_id"), "category_id"
        )
    if "parent_id" in data:
        data["parent"] = team_ref(Account.objects.all(), team, data.pop("parent_id"), "parent_id")
    if "owner" in data:
        username = data.pop("owner")
        data["owner"] = (
            team_users(team).filter(username=username).first() if username is not None else None
        )
        if username is not None and data["owner"] is None:
            raise ValidationError({"owner": [_("Choose one of your team's records.")]})
    return data


USERS = get_user_model()._meta.db_table
ROLES = PersonRole._meta.db_table


@router.get("/accounts", response=AccountPage)
def list_accounts(
    request: HttpRequest,
    params: Query[ListQuery],
    q: str = "",
    tier: str = "",
    country: str = "",
    category_id: Id | None = None,
    owner: str = "",
    parent_id: Id | None = None,
) -> Any:
    """The team's accounts. Filters as in the app: text (name, organisation number),
    tier, country, customer category, owner (username) and corporate group parent."""
    team = request.team  # type: ignore[attr-defined]
    if not q:

        def team_accounts() -> QuerySet[Account]:
            return _account_filters(
                Account.objects.for_team(team), tier, country, category_id, owner, parent_id
            )

        # The queryset is built only if the total is not cached (core.api_utils); the
        # page is read by a fixed statement with the filters as its conditions.
        where = Where.of(
            ("x.tier = %s", tier),
            ("x.country = %s", country),
            ("x.category_id = %s", category_id),
            (f"x.owner_id IN (SELECT u.id FROM {USERS} u WHERE u.username = %s)", owner),
            ("x.parent_id = %s", parent_id),
            # Category, owner and parent have indexes of their own (foreign keys).
            own_index=category_id is not None or bool(owner) or parent_id is not None,
        )
        return list_page(
            request,
            team_accounts,
            params,
            account_rows,
            plain=ACCOUNTS_PLAIN,
            where=where,
            keep_body=True,
        )
    accounts = Account.objects.for_team(team)
    accounts = accounts.filter(name__icontains=q) | accounts.filter(org_number__icontains=q)
    accounts = _account_filters(accounts, tier, country, category_id, owner, parent_id)
    return list_page(request, accounts, params, account_rows, keep_body=True)


def _account_filters(
    accounts: QuerySet[Account],
    tier: str,
    country: str,
    category_id: int | None,
    owner: str,
    parent_id: int | None,
) -> QuerySet[Account]:
    if tier:
        accounts = accounts.filter(tier=tier)
    if country:
        accounts = accounts.filter(country=country)
    if category_id is not None:
        accounts = accounts.filter(category_id=category_id)
    if owner:
        accounts = accounts.filter(owner__username=owner)
    if parent_id is not None:
        accounts = accounts.filter(parent_id=parent_id)
    return accounts


@router.get("/accounts/{account_id}", response=AccountDetailOut)
def get_account(request: HttpRequest, account_id: Id) -> Any:
    return _account_detail(_account(request, account_id))


@router.post("/accounts", response={201: AccountDetailOut})
def create_account(request: HttpRequest, payload: AccountIn) -> Status[Any]:
    """A new account, owned by the caller."""
    require_write(request)
    team = request.team  # type: ignore[attr-defined]
    data = _account_links(request, payload.dict())
    account = services.account_create(team=team, actor=request.user, owner=request.user, **data)
    return Status(201, _account_detail(account))


@router.patch("/accounts/{account_id}", response=AccountDetailOut)
def update_account(request: HttpRequest, account_id: Id, payload: AccountPatch) -> Any:
    account = _account(request, account_id)
    require_write(request)
    data = _account_links(
        request,
        patch_data(payload, frozenset({"category_id", "owner", "customer_since", "parent_id"})),
    )
    services.account_update(account=account, actor=request.user, data=data)
    return _account_detail(account)


@router.delete("/accounts/{account_id}", response={204: None})
def delete_account(request: HttpRequest, account_id: Id) -> Status[None]:
    account = _account(request, account_id)
    require_write(request)
    services.account_delete(account=account, actor=request.user)
    return Status(204, None)


@router.get("/accounts/{account_id}/history", response=HistoryPage)
def account_history(request: HttpRequest, account_id: Id, params: Query[ListQuery]) -> Any:
    """Every audited change of the account and of its revenue rows, with who and when
    (``order=-id`` for newest first); an imported account begins with its file and line."""
    return history_list(request, _account(request, account_id), params)


@router.get("/accounts/{account_id}/revenue", response=list[RevenueOut])
def list_revenue(request: HttpRequest, account_id: Id) -> Any:
    account = _account(request, account_id)
    return list(account.revenues.order_by("-year").values("year", "amount", "currency"))


@router.put("/accounts/{account_id}/revenue/{year}", response=RevenueOut)
def set_revenue(request: HttpRequest, account_id: Id, year: int, payload: RevenueIn) -> Any:
    """The account's revenue for one year (created or replaced)."""
    account = _account(request, account_id)
    require_write(request)
    if not 1900 <= year <= 9999:
        raise ValidationError({"year": [_("Give a year between 1900 and next year.")]})
    return services.account_revenue_set(
        account=account,
        actor=request.user,
        year=year,
        amount=payload.amount,
        currency=payload.currency,
    )


@router.delete("/accounts/{account_id}/revenue/{year}", response={204: None})
def delete_revenue(request: HttpRequest, account_id: Id, year: int) -> Status[None]:
    account = _account(request, account_id)
    require_write(request)
    revenue = get_for_team_or_404(
        AccountRevenue.objects.filter(account=account),
        request.team,  # type: ignore[attr-defined]
        year=year,
    )
    # The account already read: a concurrent delete of it must not fail a lazy load.
    revenue.account = account
    services.account_revenue_delete(revenue=revenue, actor=request.user)
    return Status(204, None)


def _person(request: HttpRequest, person_id: int) -> Person:
    return get_for_team_or_404(
        Person.objects.select_related("team"),
        request.team,  # type: ignore[attr-defined]
        pk=person_id,
    )


def _person_detail(person: Person) -> dict[str, Any]:
    row = person_rows(Person.objects.filter(pk=person.pk))[0]
    row["notes"] = person.notes
    row["family"] = list(person.familymembers.values("id", "relation", "name", "note"))
    row["interests"] = list(person.interests.values("id", "name"))
    row["life_events"] = list(person.lifeevents.values("id", "date", "text"))
    row["important_dates"] = list(
        person.importantdates.values("id", "kind", "month", "day", "year", "label")
    )
    return row


@router.get("/people", response=PersonPage)
def list_people(
    request: HttpRequest,
    params: Query[ListQuery],
    q: str = "",
    account_id: Id | None = None,
    legal_basis: str = "",
    buying_role: str = "",
) -> Any:
    """The team's people (without the private profile; read one person for that)."""
    team = request.team  # type: ignore[attr-defined]
    if not q:

        def team_people() -> QuerySet[Person]:
            return _people_filters(
                Person.objects.for_team(team), account_id, buying_role, legal_basis
            )

        # The queryset is built only if the total is not cached (core.api_utils); the
        # page is read by a fixed statement with the filters as its conditions: each
        # role condition is its own subquery, as each filter() on roles is its own join.
        where = Where.of(
            (f"x.id IN (SELECT r.person_id FROM {ROLES} r WHERE r.account_id = %s)", account_id),
            (f"x.id IN (SELECT r.person_id FROM {ROLES} r WHERE r.buying_role = %s)", buying_role),
            ("x.legal_basis = %s", legal_basis),
        )
        return list_page(
            request,
            team_people,
            params,
            person_rows,
            plain=PEOPLE_PLAIN,
            where=where,
            keep_body=True,
        )
    people = Person.objects.for_team(team)
    people = people.filter(name__icontains=q) | people.filter(email__icontains=q)
    return list_page(
        request,
        _people_filters(people, account_id, buying_role, legal_basis),
        params,
        person_rows,
        keep_body=True,
    )


def _people_filters(
    people: QuerySet[Person], account_id: int | None, buying_role: str, legal_basis: str
) -> QuerySet[Person]:
    if account_id is not None:
        people = people.filter(roles__account_id=account_id)
    if buying_role:
        people = people.filter(roles__buying_role=buying_role)
    if legal_basis:
        people = people.filter(legal_basis=legal_basis)
    if account_id is not None or buying_role:
        people = people.distinct()
    return people


def _profile_read(request: HttpRequest, person_id: int) -> Person:
    """The person, their profile's reading logged (owners see who read it)."""
    person = _person(request, person_id)
    access_record(
        team=request.team,  # type: ignore[attr-defined]
        user=request.user,
        what=AccessLog.What.PROFILE,
        person=person,
    )
    return person


@router.get("/people/{person_id}", response=PersonDetailOut)
def get_person(request: HttpRequest, person_id: Id) -> Any:
    return _person_detail(_profile_read(request, person_id))


@router.get("/people/{person_id}/history", response=HistoryPage)
def person_history(request: HttpRequest, person_id: Id, params: Query[ListQuery]) -> Any:
    """Every audited change of the person and of the rows kept with them (roles,
    family, interests, life events, dates, consents), with who and when."""
    return history_list(request, _profile_read(request, person_id), params)


@router.post("/people", response={201: PersonDetailOut})
def create_person(request: HttpRequest, payload: PersonIn) -> Status[Any]:
    """A new person; the legal basis is required (GDPR) and recorded as the caller's."""
    require_write(request)
    team = request.team  # type: ignore[attr-defined]
    data = payload.dict()
    data["account"] = team_ref(Account.objects.all(), team, data.pop("account_id"), "account_id")
    person = services.person_create(team=team, actor=request.user, **data)
    return Status(201, _person_detail(person))


@router.patch("/people/{person_id}", response=PersonDetailOut)
def update_person(request: HttpRequest, person_id: Id, payload: PersonPatch) -> Any:
    person = _person(request, person_id)
    require_write(request)
    services.person_update(person=person, actor=request.user, data=patch_data(payload))
    return _person_detail(person)


@router.delete("/people/{person_id}", response={204: None})
def delete_person(request: HttpRequest, person_id: Id) -> Status[None]:
    """Deletes the record. To erase a person under GDPR use the privacy erase operation."""
    person = _person(request, person_id)
    require_write(request)
    services.person_delete(person=person, actor=request.user)
    return Status(204, None)


@router.put("/people/{person_id}/roles/{account_id}", response=RoleRow)
def set_role(request: HttpRequest, person_id: Id, account_id: Id, payload: RoleIn) -> Any:
    """The person's title and buying role at the account (created or replaced)."""
    person = _person(request, person_id)
    require_write(request)
    account = _account(request, account_id)
    role = services.person_role_set(
        person=person,
        actor=request.user,
        account=account,
        title=payload.title,
        buying_role=payload.buying_role,
    )
    return {
        "account_id": account.pk,
        "account": account.name,
        "title": role.title,
        "buying_role": role.buying_role,
    }


@router.delete("/people/{person_id}/roles/{account_id}", response={204: None})
def remove_role(request: HttpRequest, person_id: Id, account_id: Id) -> Status[None]:
    person = _person(request, person_id)
    require_write(request)
    # Through the person's own manager, so the role holds the person already read: a
    # person deleted by a concurrent request then cannot turn the audit's lookup of
    # role.person into a 500 (schemathesis found it with two workers).
    role = get_for_team_or_404(
        person.roles.all(),
        request.team,  # type: ignore[attr-defined]
        account_id=account_id,
    )
    services.person_role_remove(role=role, actor=request.user)
    return Status(204, None)


def _add_profile(request: HttpRequest, person_id: int, kind: str, fields: dict[str, Any]) -> Any:
    person = _person(request, person_id)
    require_write(request)
    item = services.profile_item_add(person=person, actor=request.user, item_type=kind, **fields)
    return Status(201, item)


@router.post("/people/{person_id}/family", response={201: FamilyOut})
def add_family(request: HttpRequest, person_id: Id, payload: FamilyIn) -> Any:
    return _add_profile(request, person_id, "family", payload.dict())


@router.post("/people/{person_id}/interests", response={201: InterestOut})
def add_interest(request: HttpRequest, person_id: Id, payload: InterestIn) -> Any:
    return _add_profile(request, person_id, "interest", payload.dict())


@router.post("/people/{person_id}/life-events", response={201: LifeEventOut})
def add_life_event(request: HttpRequest, person_id: Id, payload: LifeEventIn) -> Any:
    return _add_profile(request, person_id, "life_event", payload.dict())


@router.post("/people/{person_id}/dates", response={201: ImportantDateOut})
def add_important_date(request: HttpRequest, person_id: Id, payload: ImportantDateIn) -> Any:
    return _add_profile(request, person_id, "date", payload.dict())


PROFILE_PARTS: dict[str, Any] = {
    "family": FamilyMember,
    "interests": Interest,
    "life-events": LifeEvent,
    "dates": ImportantDate,
}


@router.delete("/people/{person_id}/{part}/{item_id}", response={204: None})
def remove_profile_item(
    request: HttpRequest,
    person_id: Id,
    part: Literal["family", "interests", "life-events", "dates"],
    item_id: Id,
) -> Status[None]:
    """Remove a family member, interest, life event or important date."""
    person = _person(request, person_id)
    require_write(request)
    item = get_for_team_or_404(
        PROFILE_PARTS[part].objects.filter(person=person),
        request.team,  # type: ignore[attr-defined]
        pk=item_id,
    )
    services.profile_item_remove(item=item, actor=request.user)
    return Status(204, None)


CategoryPage = page_schema(CategoryOut, "CategoryPage")


def category_rows(categories: QuerySet[CustomerCategory]) -> list[dict[str, Any]]:
    # No account count: it changes without the category changing, and a copy kept in
    # step with updated_since would hold a stale one. Count with ?category_id=.
    return list(categories.values("id", "name", "description", "created_at", "updated_at"))


def _category(request: HttpRequest, category_id: int) -> CustomerCategory:
    return get_for_team_or_404(
        CustomerCategory.objects.select_related("team"),
        request.team,  # type: ignore[attr-defined]
        pk=category_id,
    )


@router.get("/categories", response=CategoryPage)
def list_categories(request: HttpRequest, params: Query[ListQuery]) -> Any:
    """The team's customer categories (segments whose buying process differs). Assign one with ``PATCH /accounts/{id}``
    ``{"category_id": …}``."""
    categories = CustomerCategory.objects.for_team(request.team)  # type: ignore[attr-defined]
    return list_page(request, categories, params, category_rows)


@router.get("/categories/{category_id}", response=CategoryOut)
def get_category(request: HttpRequest, category_id: Id) -> Any:
    return category_rows(CustomerCategory.objects.filter(pk=_category(request, category_id).pk))[0]


@router.post("/categories", response={201: CategoryOut})
def create_category(request: HttpRequest, payload: CategoryIn) -> Status[Any]:
    require_write(request)
    category = services.category_create(
        team=request.team,  # type: ignore[attr-defined]
        actor=request.user,
        name=payload.name,
        description=payload.description,
    )
    return Status(201, category_rows(CustomerCategory.objects.filter(pk=category.pk))[0])


@router.patch("/categories/{category_id}", response=CategoryOut)
def update_category(request: HttpRequest, category_id: Id, payload: CategoryPatch) -> Any:
    category = _category(request, category_id)
    require_write(request)
    services.category_update(category=category, actor=request.user, data=patch_data(payload))
    return category_rows(CustomerCategory.objects.filter(pk=category.pk))[0]


@router.delete("/categories/{category_id}", response={204: None})
def delete_category(request: HttpRequest, category_id: Id) -> Status[None]:
    """Delete a category (its accounts keep none). 400 while journeys follow its buying
    process."""
    category = _category(request, category_id)
    require_write(request)
    services.category_delete(category=category, actor=request.user)
    return Status(204, None)

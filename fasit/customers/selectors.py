"""Reads for accounts and people. Every function takes the team first."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from fasit.conversations.models import Conversation
from fasit.customers.models import Account, BuyingRole, Person, PersonRole, Tier
from fasit.tenancy.models import Team


def account_list(
    team: Team | None,
    *,
    q: str = "",
    tier: str = "",
    country: str = "",
    category: Any = None,
    owner: Any = None,
) -> QuerySet[Account]:
    accounts = Account.objects.for_team(team).select_related("category", "owner", "parent")
    if q:
        accounts = accounts.filter(Q(name__icontains=q) | Q(org_number__icontains=q))
    if tier:
        accounts = accounts.filter(tier=tier)
    if country:
        accounts = accounts.filter(country=country)
    if category is not None:
        accounts = accounts.filter(category=category)
    if owner is not None:
        accounts = accounts.filter(owner=owner)
    # Correlated subqueries rather than joins: joining roles and conversations
    # multiplies rows (people x conversations per account) before grouping, and a
    # subquery is only evaluated for the page of rows actually shown.
    people = (
        PersonRole.objects.filter(account=OuterRef("pk"))
        .values("account")
        .annotate(n=Count("*"))
        .values("n")
    )
    last = (
        Conversation.objects.filter(account=OuterRef("pk"))
        .order_by("-occurred_at")
        .values("occurred_at")[:1]
    )
    return accounts.annotate(
        people_count=Coalesce(Subquery(people), 0),
        last_conversation_at=Subquery(last),
    ).order_by("name")


def key_accounts(team: Team | None, *, owner: Any = None) -> QuerySet[Account]:
    return account_list(team, tier=Tier.KEY_ACCOUNT, owner=owner)


def account_people_by_role(account: Account) -> OrderedDict[str, list[PersonRole]]:
    """The account's people grouped by buying role, in the role order of the model."""
    roles = (
        PersonRole.objects.filter(account=account).select_related("person").order_by("person__name")
    )
    labels = dict(BuyingRole.choices)
    grouped: OrderedDict[str, list[PersonRole]] = OrderedDict(
        (str(label), []) for label in labels.values()
    )
    unknown: list[PersonRole] = []
    for role in roles:
        if role.buying_role:
            grouped[str(labels[role.buying_role])].append(role)
        else:
            unknown.append(role)
    result = OrderedDict((label, items) for label, items in grouped.items() if items)
    if unknown:
        result["—"] = unknown
    return result


def account_timeline(account: Account, limit: int = 50) -> QuerySet[Conversation]:
    return (
        Conversation.objects.for_team(account.team)
        .filter(account=account)
        .prefetch_related("people", "users", "follow_ups")
        .order_by("-occurred_at")[:limit]
    )


def person_list(
    team: Team | None,
    *,
    q: str = "",
    account: Any = None,
    account_name: str = "",
    buying_role: str = "",
) -> QuerySet[Person]:
    people = Person.objects.for_team(team)
    if q:
        people = people.filter(
            Q(name__icontains=q) | Q(email__icontains=q) | Q(roles__title__icontains=q)
        )
    if account is not None:
        people = people.filter(roles__account=account)
    if account_name:
        people = people.filter(roles__account__name__icontains=account_name)
    if buying_role:
        people = people.filter(roles__buying_role=buying_role)
    return (
        people.distinct()
        .prefetch_related(Prefetch("roles", queryset=PersonRole.objects.select_related("account")))
        .order_by("name")
    )


def person_profile(person: Person) -> dict[str, Any]:
    return {
        "roles": list(person.roles.select_related("account")),
        "family": list(person.familymembers.all()),
        "interests": list(person.interests.all()),
        "life_events": list(person.lifeevents.all()),
        "dates": list(person.importantdates.all()),
        "conversations": list(
            Conversation.objects.for_team(person.team)
            .filter(people=person)
            .select_related("account")
            .order_by("-occurred_at")[:30]
        ),
    }

"""Reads for the transfer pages. Every function takes the team first."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from fasit.customers.models import Account, Person, PersonRole
from fasit.engine.transfer.duplicates import (
    AccountKey,
    Candidate,
    PersonKey,
    account_duplicates,
    people_duplicates,
)
from fasit.tenancy.models import Team
from fasit.transfer.models import AccountDomain


def duplicate_people(team: Team | None, limit: int = 100) -> list[tuple[Candidate, Person, Person]]:
    accounts: dict[int, list[int]] = defaultdict(list)
    for person_id, account_id in PersonRole.objects.for_team(team).values_list(
        "person_id", "account_id"
    ):
        accounts[person_id].append(account_id)
    keys = (
        PersonKey(pk, name, email, phone, tuple(accounts.get(pk, ())))
        for pk, name, email, phone in Person.objects.for_team(team)
        .values_list("pk", "name", "email", "phone")
        .iterator(chunk_size=5000)
    )
    found = people_duplicates(keys)[:limit]
    people = Person.objects.for_team(team).in_bulk(
        {c.first for c in found} | {c.second for c in found}
    )
    return [(c, people[c.first], people[c.second]) for c in found]


def duplicate_accounts(
    team: Team | None, limit: int = 100
) -> list[tuple[Candidate, Account, Account]]:
    domains: dict[int, list[str]] = defaultdict(list)
    for account_id, domain in AccountDomain.objects.for_team(team).values_list(
        "account_id", "domain"
    ):
        domains[account_id].append(domain)
    keys = (
        AccountKey(pk, name, org, country, tuple(domains.get(pk, ())))
        for pk, name, org, country in Account.objects.for_team(team)
        .values_list("pk", "name", "org_number", "country")
        .iterator(chunk_size=5000)
    )
    found = account_duplicates(keys)[:limit]
    accounts = Account.objects.for_team(team).in_bulk(
        {c.first for c in found} | {c.second for c in found}
    )
    return [(c, accounts[c.first], accounts[c.second]) for c in found]


def account_names(ids: set[int]) -> dict[int, str]:
    return dict(Account.objects.filter(pk__in=ids).values_list("pk", "name"))


def reason_text(reason: Any, names: dict[int, str]) -> str:
    from django.utils.translation import gettext as _

    if reason.code == "email":
        return _("same e-mail %(value)s") % {"value": reason.detail}
    if reason.code == "phone":
        return _("same phone number")
    if reason.code == "org_number":
        return _("same organisation number %(value)s") % {"value": reason.detail}
    if reason.code == "domain":
        return _("same web domain %(value)s") % {"value": reason.detail}
    if reason.detail.isdigit() and int(reason.detail) in names:
        return _("names %(score)s%% alike at %(account)s") % {
            "score": reason.score,
            "account": names[int(reason.detail)],
        }
    return _("names %(score)s%% alike") % {"score": reason.score}

"""Which account (and which of its people) a message or meeting was with.

An address matches a person when it is that person's e-mail; otherwise its domain
matches an account when exactly one of the team's accounts has people at that domain.
Free-mail domains and our own domains never match an account.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from fasit.engine.capture.mail import Address, is_free_mail


@dataclass(frozen=True)
class Directory:
    """A team's addresses, built once per sync so matching needs no queries."""

    # e-mail -> (person id, ids of the accounts the person has a role at)
    people: Mapping[str, tuple[int, tuple[int, ...]]]
    # domain -> ids of the accounts with people at that domain
    domains: Mapping[str, frozenset[int]]
    # our side: e-mail -> user id (writers of the team)
    users: Mapping[str, int]
    own_domains: frozenset[str] = field(default_factory=frozenset)

    def account_for_domain(self, domain: str) -> int | None:
        if is_free_mail(domain) or domain in self.own_domains:
            return None
        accounts = self.domains.get(domain, frozenset())
        return next(iter(accounts)) if len(accounts) == 1 else None


def build_directory(
    *,
    people: Iterable[tuple[int, str, Iterable[int]]],
    users: Iterable[tuple[int, str]],
) -> Directory:
    """``people``: (person id, e-mail, account ids); ``users``: (user id, e-mail)."""
    by_email: dict[str, tuple[int, tuple[int, ...]]] = {}
    domains: dict[str, set[int]] = {}
    for person_id, email, account_ids in people:
        email = (email or "").strip().lower()
        if "@" not in email:
            continue
        accounts = tuple(sorted(set(account_ids)))
        # Two people sharing an address: the first keeps it (the same human twice).
        by_email.setdefault(email, (person_id, accounts))
        domains.setdefault(email.rpartition("@")[2], set()).update(accounts)
    our = {(email or "").strip().lower(): user_id for user_id, email in users if email}
    own_domains = frozenset(
        e.rpartition("@")[2] for e in our if "@" in e and not is_free_mail(e.rpartition("@")[2])
    )
    return Directory(
        people=by_email,
        domains={d: frozenset(a) for d, a in domains.items()},
        users=our,
        own_domains=own_domains,
    )


@dataclass(frozen=True)
class Match:
    account_id: int
    person_ids: tuple[int, ...]
    user_ids: tuple[int, ...]
    from_us: bool


def is_excluded(address: Address, excluded: frozenset[str]) -> bool:
    return address.email in excluded or address.domain in excluded


def match_addresses(
    addresses: Iterable[Address],
    sender: Address | None,
    directory: Directory,
    *,
    owner_id: int,
    owner_addresses: frozenset[str] = frozenset(),
    excluded: frozenset[str] = frozenset(),
    account_id: int | None = None,
) -> Match | None:
    """The account the exchange was with, or None when no customer is in it.

    ``owner_addresses`` are the mailbox owner's own addresses (a mailbox user name is
    often not the address on file). ``account_id`` forces the account (an upload on an
    account's page); the people are then matched among that account's people only.
    """
    ours: dict[str, int] = {**directory.users, **dict.fromkeys(owner_addresses, owner_id)}

    def is_ours(address: Address) -> bool:
        return address.email in ours or address.domain in directory.own_domains

    customers: list[Address] = []
    user_ids = {owner_id}
    for address in addresses:
        if is_ours(address):
            if address.email in ours:
                user_ids.add(ours[address.email])
        elif not is_excluded(address, excluded):
            customers.append(address)
    votes: Counter[int] = Counter()
    people: list[tuple[int, tuple[int, ...]]] = []
    for address in customers:
        person = directory.people.get(address.email)
        if person is not None:
            people.append(person)
            votes.update(person[1])
            continue
        domain_account = directory.account_for_domain(address.domain)
        if domain_account is not None:
            votes[domain_account] += 1
    if account_id is None:
        if not votes:
            return None
        # Most matched addresses wins; a tie goes to the oldest account, so the
        # choice is the same on every sync.
        account_id = min(votes, key=lambda a: (-votes[a], a))
    person_ids = tuple(sorted({p for p, accounts in people if account_id in accounts}))
    from_us = sender is not None and is_ours(sender)
    return Match(
        account_id=account_id,
        person_ids=person_ids,
        user_ids=tuple(sorted(user_ids)),
        from_us=from_us,
    )

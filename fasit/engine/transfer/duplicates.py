"""Likely duplicates among people and accounts, each pair with the reasons.

People: the same e-mail address, the same phone number, or very similar names at the
same account ("Kari Nordmann" and "Kari Nordman", "Søren" and "Soren"). Accounts: the
same organisation number or web domain, or similar names once legal forms and
punctuation are set aside ("Fjord Energi AS" and "Fjord Energi"). Names are compared
with rapidfuzz within small blocks (people of one account; accounts whose names start
alike), so a team of a million people is never compared pair by pair.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from fasit.engine.transfer.records import fold

PERSON_NAME_SCORE = 88
ACCOUNT_NAME_SCORE = 92
MAX_BLOCK = 2000  # a block larger than this is a common word, not a name

_LEGAL_FORMS = re.compile(
    r"\b(as|asa|ab|a/s|aps|oy|oyj|ab\s*oy|ltd|limited|gmbh|inc|llc|sa|ag|nuf|ans|da|ks|i/s|hf|ehf)\b\.?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PersonKey:
    id: int
    name: str
    email: str = ""
    phone: str = ""
    accounts: tuple[int, ...] = ()


@dataclass(frozen=True)
class AccountKey:
    id: int
    name: str
    org_number: str = ""
    country: str = ""
    domains: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reason:
    code: str  # email, phone, similar_name, org_number, domain
    detail: str
    score: int = 100


@dataclass(frozen=True)
class Candidate:
    first: int
    second: int
    reasons: tuple[Reason, ...]

    @property
    def score(self) -> int:
        return max(r.score for r in self.reasons)


class _Pairs:
    def __init__(self) -> None:
        self.found: dict[tuple[int, int], list[Reason]] = defaultdict(list)

    def add(self, a: int, b: int, reason: Reason) -> None:
        if a == b:
            return
        key = (a, b) if a < b else (b, a)
        if all(r.code != reason.code for r in self.found[key]):
            self.found[key].append(reason)

    def same(self, groups: dict[str, list[int]], code: str) -> None:
        for value, ids in groups.items():
            if 1 < len(ids) <= MAX_BLOCK:
                for i, a in enumerate(ids):
                    for b in ids[i + 1 :]:
                        self.add(a, b, Reason(code, value))

    def similar(self, block: list[tuple[int, str]], threshold: int, detail: str) -> None:
        if len(block) < 2 or len(block) > MAX_BLOCK:
            return
        names = [name for _id, name in block]
        scores = process.cdist(names, names, scorer=fuzz.token_sort_ratio, score_cutoff=threshold)
        for i in range(len(block)):
            for j in range(i + 1, len(block)):
                score = int(scores[i][j])
                if score >= threshold:
                    self.add(block[i][0], block[j][0], Reason("similar_name", detail, score))

    def result(self) -> list[Candidate]:
        found = [Candidate(a, b, tuple(reasons)) for (a, b), reasons in self.found.items()]
        return sorted(found, key=lambda c: (-len(c.reasons), -c.score, c.first, c.second))


def _digits(phone: str) -> str:
    return re.sub(r"\D", "", phone)


def people_duplicates(
    people: Iterable[PersonKey], threshold: int = PERSON_NAME_SCORE
) -> list[Candidate]:
    pairs = _Pairs()
    by_email: dict[str, list[int]] = defaultdict(list)
    by_phone: dict[str, list[int]] = defaultdict(list)
    by_account: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for person in people:
        if person.email:
            by_email[person.email.strip().lower()].append(person.id)
        if len(_digits(person.phone)) >= 6:
            by_phone[_digits(person.phone)].append(person.id)
        for account in person.accounts:
            by_account[account].append((person.id, fold(person.name)))
    pairs.same(by_email, "email")
    pairs.same(by_phone, "phone")
    for account, block in by_account.items():
        pairs.similar(block, threshold, str(account))
    return pairs.result()


def company_key(name: str) -> str:
    """A company name without legal form, punctuation, case and accents."""
    return " ".join(re.sub(r"[^\w\s]", " ", _LEGAL_FORMS.sub(" ", fold(name))).split())


def account_duplicates(
    accounts: Iterable[AccountKey], threshold: int = ACCOUNT_NAME_SCORE
) -> list[Candidate]:
    pairs = _Pairs()
    by_org: dict[str, list[int]] = defaultdict(list)
    by_domain: dict[str, list[int]] = defaultdict(list)
    blocks: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for account in accounts:
        if account.org_number:
            by_org[f"{account.country} {account.org_number}"].append(account.id)
        for domain in account.domains:
            by_domain[domain].append(account.id)
        key = company_key(account.name)
        if key:
            blocks[key[:3]].append((account.id, key))
    pairs.same(by_org, "org_number")
    pairs.same(by_domain, "domain")
    for prefix, block in blocks.items():
        pairs.similar(block, threshold, prefix)
    return pairs.result()

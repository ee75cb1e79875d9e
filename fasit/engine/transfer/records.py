"""Rows of a file turned into account and person records, or into problems.

Everything here is per row and needs nothing but the row: names, e-mail addresses,
phone numbers and organisation numbers normalised, countries and dates read in the
forms Nordic and international exports use. What needs the database (matching,
owners, accounts of people) is the Django app's.

A problem names the line, the column and what is wrong, as a code with parameters
the app words in the user's language.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from fasit.engine.text.search import index_text
from fasit.engine.transfer.identifiers import IdentifierError, normalise_phone, parse_org_number
from fasit.engine.transfer.reading import Row
from fasit.engine.transfer.sources import Entity, Mapping


@dataclass(frozen=True)
class Problem:
    line: int
    column: str
    code: str
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class PartialDate:
    month: int
    day: int
    year: int | None = None


@dataclass(frozen=True)
class AccountRecord:
    line: int
    name: str
    source_id: str = ""
    org_number: str = ""
    country: str = ""  # "" when neither a column nor the org number tells
    domain: str = ""
    revenue: Decimal | None = None
    owner: str = ""
    parent_id: str = ""
    parent_name: str = ""
    tier: str = ""
    customer_since: dt.date | None = None
    notes: str = ""
    created_at: dt.datetime | None = None


@dataclass(frozen=True)
class PersonRecord:
    line: int
    name: str
    source_id: str = ""
    email: str = ""
    phone: str = ""
    mobile: str = ""
    title: str = ""
    buying_role: str = ""
    account_name: str = ""
    account_id: str = ""
    account_org_number: str = ""
    account_country: str = ""
    owner: str = ""
    birthday: PartialDate | None = None
    anniversary: PartialDate | None = None
    notes: str = ""
    country: str = ""
    created_at: dt.datetime | None = None
    # The e-mail address as the search indexes it (``text.search.index_text``): the
    # one part of a person's search entry that is new on every row, worked out here,
    # where a large import validates in a process of its own.
    email_index: str = field(default="", compare=False, repr=False)


Record = AccountRecord | PersonRecord


@dataclass(frozen=True)
class Parsed:
    """One row: its record (None when it has problems or is a deleted row) and problems."""

    row: Row
    record: Record | None
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Limits:
    """Longest values the database takes; the app passes its models' max_length."""

    name: int = 200
    email: int = 254
    title: int = 120
    phone: int = 32
    #: The importing team's today: a customer since or a birthday after it, or a birth
    #: year before EARLIEST_BIRTH_YEAR, is a problem. None checks no dates.
    today: dt.date | None = None


EARLIEST_BIRTH_YEAR = 1900
# Names and one-line values take no control characters (a NUL byte, a tab, a line
# break, C1 controls): the forms and API refuse them too.
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class _Row:
    """One row's mapped values, each stripped once: a person's row is asked for about
    eighteen of them, some twice, and a million-row import asks for every one."""

    __slots__ = ("header", "index", "problems", "row", "values")

    def __init__(
        self,
        row: Row,
        header: tuple[str, ...],
        index: dict[str, list[int]],
        single: tuple[tuple[str, int], ...],
        several: tuple[tuple[str, list[int]], ...],
    ) -> None:
        self.row = row
        self.header = header
        self.index = index
        self.problems: list[Problem] = []
        cells = row.values
        width = len(cells)
        # Most fields have one column; the first non-empty of several wins.
        values = {target: cells[p].strip() for target, p in single if p < width}
        for target, positions in several:
            values[target] = next(
                (v for p in positions if p < width and (v := cells[p].strip())), ""
            )
        self.values = values

    def get(self, target: str) -> str:
        return self.values.get(target, "")

    def column(self, target: str) -> str:
        positions = self.index.get(target)
        return self.header[positions[0]] if positions else target

    def problem(self, target: str, code: str, **params: object) -> None:
        self.problems.append(
            Problem(
                self.row.line,
                self.column(target),
                code,
                tuple((k, str(v)) for k, v in params.items()),
            )
        )


_COUNTRIES = {
    "NO": "no|nor|norway|norge|noreg|norwegen|norja|norja|nn",
    "SE": "se|swe|sweden|sverige|sverige|ruotsi|schweden",
    "DK": "dk|dnk|denmark|danmark|tanska|dänemark",
    "FI": "fi|fin|finland|suomi|finnland",
}
COUNTRY_NAMES = {
    alias: code for code, aliases in _COUNTRIES.items() for alias in aliases.split("|")
}

_TIERS = {
    "key": "key|key account|key accounts|nøkkelkunde|nyckelkund|nøglekunde|avainasiakas|a",
    "customer": "customer|kunde|kund|asiakas|b|client",
    "prospect": "prospect|prospekt|lead|potential|potentiell|potentiel|c|mulig kunde",
}
TIER_NAMES = {alias: code for code, aliases in _TIERS.items() for alias in aliases.split("|")}

_ROLES = {
    "decision_maker": "decision maker|decision-maker|beslutningstaker|beslutsfattare"
    "|beslutningstager",
    "economic_buyer": "economic buyer|budget holder|økonomisk kjøper|ekonomisk köpare",
    "influencer": "influencer|påvirker|påverkare|påvirker",
    "user": "user|bruker|användare|bruger",
    "gatekeeper": "gatekeeper|portvakt|portvogter",
    "champion": "champion|ambassadør|ambassadör",
}
ROLE_NAMES = {alias: code for code, aliases in _ROLES.items() for alias in aliases.split("|")}

_EMAIL = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\]]{2,}$")
_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_TRUE = {"true", "1", "yes", "ja", "x"}


def parse_country(value: str) -> str | None:
    return COUNTRY_NAMES.get(value.strip().lower().rstrip("."))


_DATE_PATTERNS = tuple(
    (re.compile(pattern), order)
    for pattern, order in (
        (r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$", "ymd"),
        (r"^(\d{4})(\d{2})(\d{2})$", "ymd"),
        (r"^(\d{4})/(\d{1,2})/(\d{1,2})$", "ymd"),
        (r"^--(\d{2})-?(\d{2})$", "md"),
        (r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s.*)?$", "dmy"),
        (r"^(\d{1,2})\.(\d{1,2})\.?$", "dm"),
        (r"^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:\s.*)?$", "dmy/mdy"),
    )
)
_ZONE_WITHOUT_COLON = re.compile(r"([+-]\d{2})(\d{2})$")


def parse_partial_date(value: str) -> PartialDate | None:
    """A date with or without its year: 1980-04-15, --04-15, --0415, 15.04.1980,
    15.04., 15/04/1980 (day first, as in the Nordics, unless only month-first fits),
    19800415, 1980-04-15T00:00:00Z. None when it is not a date."""
    text = value.strip()
    for pattern, order in _DATE_PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        parts = [int(p) for p in match.groups()]
        candidates: list[tuple[int | None, int, int]] = []
        if order == "ymd":
            candidates = [(parts[0], parts[1], parts[2])]
        elif order == "md":
            candidates = [(None, parts[0], parts[1])]
        elif order == "dmy":
            candidates = [(parts[2], parts[1], parts[0])]
        elif order == "dm":
            candidates = [(None, parts[1], parts[0])]
        else:
            candidates = [(parts[2], parts[1], parts[0]), (parts[2], parts[0], parts[1])]
        for year, month, day in candidates:
            # 1604 is Apple's stand-in for "no year"; 1900 is Outlook's.
            if year in (1604, 1900):
                year = None
            try:
                dt.date(year or 2000, month, day)
            except ValueError:
                continue
            return PartialDate(month=month, day=day, year=year)
        return None
    return None


def parse_datetime(value: str) -> dt.datetime | None:
    """A moment from an export: ISO 8601 (with or without time and zone), Salesforce's
    2023-04-12T10:22:33.000+0000, HubSpot's 2023-04-12 10:22, or 12.04.2023 10:22."""
    text = value.strip()
    if not text:
        return None
    iso = _ZONE_WITHOUT_COLON.sub(r"\1:\2", text.replace("Z", "+00:00"))
    try:
        return dt.datetime.fromisoformat(iso)
    except ValueError:
        pass
    for fmt in ("%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def parse_amount(value: str) -> Decimal | None:
    """1234567, 1 234 567,89, 1.234.567,89, 1,234,567.89, NOK 1 200 000."""
    text = re.sub(r"[^\d,.\-]", "", value.replace("\u00a0", " "))
    if not text or not re.search(r"\d", text):
        return None
    if "," in text and "." in text:
        decimal_sign = "," if text.rfind(",") > text.rfind(".") else "."
    elif "," in text:
        # A single comma with 1-2 digits after it is a decimal comma; 1,234,567 groups.
        decimal_sign = "," if re.search(r",\d{1,2}$", text) and text.count(",") == 1 else ""
    elif "." in text:
        decimal_sign = "." if not re.fullmatch(r"-?\d{1,3}(\.\d{3})+", text) else ""
    else:
        decimal_sign = ""
    grouping = {",", "."} - {decimal_sign}
    for sign in grouping:
        text = text.replace(sign, "")
    if decimal_sign == ",":
        text = text.replace(",", ".")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def normalise_domain(value: str) -> str:
    text = value.strip().lower()
    text = re.sub(r"^[a-z]+://", "", text)
    text = text.split("/")[0].split("?")[0].split(":")[0]
    return text.removeprefix("www.")


def fold(text: str) -> str:
    """Lower case without accents, for comparing names as people misspell them."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("ø", "o").replace("æ", "ae").replace("ß", "ss").split())


def _truthy(value: str) -> bool:
    return value.strip().lower() in _TRUE


def _text(r: _Row, target: str, limit: int | None = None) -> str:
    value = r.get(target)
    if _CONTROL_RE.search(value):
        r.problem(target, "control")
        return ""
    if limit is not None and len(value) > limit:
        r.problem(target, "too_long", limit=limit)
        return ""
    return value


def _country(r: _Row, target: str = "country") -> str:
    value = r.get(target)
    if not value:
        return ""
    code = parse_country(value)
    if code is None:
        r.problem(target, "country", value=value)
        return ""
    return code


def _org_number(r: _Row, target: str, country: str, default_country: str) -> tuple[str, str]:
    value = r.get(target)
    if not value:
        return "", country
    try:
        found = parse_org_number(value, country or None)
        if found is None:
            return "", country
    except IdentifierError as exc:
        if exc.code == "ambiguous" and not country and default_country:
            return _org_number(r, target, default_country, "")
        r.problem(target, f"org_{exc.code}", **exc.params)
        return "", country
    return found.number, found.country


def _phone(r: _Row, target: str, country: str, limits: Limits) -> str:
    value = r.get(target)
    if not value:
        return ""
    try:
        phone = normalise_phone(value, country)
    except IdentifierError as exc:
        r.problem(target, exc.code, **exc.params)
        return ""
    if len(phone) > limits.phone:
        r.problem(target, "too_long", limit=limits.phone)
        return ""
    return phone


def _date(r: _Row, target: str) -> PartialDate | None:
    value = r.get(target)
    if not value:
        return None
    found = parse_partial_date(value)
    if found is None:
        r.problem(target, "date", value=value)
    return found


def _moment(r: _Row, target: str) -> dt.datetime | None:
    value = r.get(target)
    if not value:
        return None
    found = parse_datetime(value)
    if found is None:
        r.problem(target, "date", value=value)
    return found


def _account(r: _Row, default_country: str, limits: Limits) -> AccountRecord | None:
    name = _text(r, "name", limits.name)
    if not name and not r.problems:
        r.problem("name", "required")
    country = _country(r)
    org_number, country = _org_number(r, "org_number", country, default_country)
    domain = ""
    if raw_domain := r.get("domain"):
        domain = normalise_domain(raw_domain)
        if not _DOMAIN.match(domain):
            r.problem("domain", "domain", value=raw_domain)
            domain = ""
    revenue = None
    if raw_revenue := r.get("revenue"):
        revenue = parse_amount(raw_revenue)
        if revenue is None or revenue < 0:
            r.problem("revenue", "amount", value=raw_revenue)
            revenue = None
    tier = ""
    if raw_tier := r.get("tier"):
        tier = TIER_NAMES.get(raw_tier.strip().lower(), "")
        if not tier:
            r.problem("tier", "tier", value=raw_tier)
    since = _date(r, "customer_since")
    if since is not None and since.year is None:
        r.problem("customer_since", "date", value=r.get("customer_since"))
    elif (
        since is not None
        and since.year
        and limits.today
        and dt.date(since.year, since.month, since.day) > limits.today
    ):
        r.problem("customer_since", "future", value=r.get("customer_since"))
    created_at = _moment(r, "created_at")
    if r.problems:
        return None
    return AccountRecord(
        line=r.row.line,
        name=name,
        source_id=r.get("id"),
        org_number=org_number,
        country=country,
        domain=domain,
        revenue=revenue,
        owner=r.get("owner"),
        parent_id=r.get("parent_id"),
        parent_name=r.get("parent_name")[: limits.name],
        tier=tier,
        customer_since=dt.date(since.year, since.month, since.day)
        if since and since.year
        else None,
        notes=r.get("notes"),
        created_at=created_at,
    )


def _person(r: _Row, default_country: str, limits: Limits) -> PersonRecord | None:
    name = r.get("name") or " ".join(p for p in (r.get("first_name"), r.get("last_name")) if p)
    if not name:
        r.problem("name" if "name" in r.index else "last_name", "required")
    elif len(name) > limits.name:
        r.problem("name" if "name" in r.index else "last_name", "too_long", limit=limits.name)
    elif _CONTROL_RE.search(name):
        r.problem("name" if "name" in r.index else "last_name", "control")
    email = r.get("email").lower()
    if email.startswith("mailto:"):
        email = email[7:]
    if email and (not _EMAIL.match(email) or len(email) > limits.email):
        r.problem("email", "email", value=r.get("email"))
    country = _country(r)
    phone_country = country or default_country
    phone = _phone(r, "phone", phone_country, limits)
    mobile = _phone(r, "mobile", phone_country, limits)
    title = _text(r, "title", limits.title)
    buying_role = ""
    if raw_role := r.get("buying_role"):
        buying_role = ROLE_NAMES.get(raw_role.strip().lower(), "")
        if not buying_role:
            r.problem("buying_role", "buying_role", value=raw_role)
    account_name = _text(r, "account_name", limits.name)
    account_org, account_country = _org_number(r, "account_org_number", country, default_country)
    birthday = _date(r, "birthday")
    if birthday is not None and birthday.year and limits.today:
        born = dt.date(birthday.year, birthday.month, birthday.day)
        if birthday.year < EARLIEST_BIRTH_YEAR or born > limits.today:
            r.problem(
                "birthday",
                "birth_year",
                value=r.get("birthday"),
                first=str(EARLIEST_BIRTH_YEAR),
                last=str(limits.today.year),
            )
    anniversary = _date(r, "anniversary")
    created_at = _moment(r, "created_at")
    if r.problems:
        return None
    return PersonRecord(
        line=r.row.line,
        name=name,
        source_id=r.get("id"),
        email=email,
        phone=phone,
        mobile=mobile,
        title=title,
        buying_role=buying_role,
        account_name=account_name,
        account_id=r.get("account_id"),
        account_org_number=account_org,
        account_country=account_country if account_org else country,
        owner=r.get("owner"),
        birthday=birthday,
        anniversary=anniversary,
        notes=r.get("notes"),
        country=country,
        created_at=created_at,
        email_index=index_text(email),
    )


def parse_rows(
    rows: Iterable[Row],
    header: tuple[str, ...],
    mapping: Mapping,
    *,
    default_country: str = "NO",
    limits: Limits = Limits(),  # noqa: B008 - frozen, so one shared default is safe
) -> Iterator[Parsed]:
    """Each row as a record or its problems. Rows marked deleted (Salesforce's
    IsDeleted) are left out: a data export includes what was deleted."""
    index = mapping.index()
    single = tuple((t, positions[0]) for t, positions in index.items() if len(positions) == 1)
    several = tuple((t, positions) for t, positions in index.items() if len(positions) > 1)
    build = _account if mapping.entity is Entity.ACCOUNT else _person
    for row in rows:
        r = _Row(row, header, index, single, several)
        if row.error:
            yield Parsed(row, None, (Problem(row.line, "", f"vcard_{row.error}"),))
            continue
        if "deleted" in index and _truthy(r.get("deleted")):
            continue
        record = build(r, default_country, limits)
        yield Parsed(row, record, tuple(r.problems))

"""Where a file comes from, recognised from its header row, and the mapping of its
columns to Fasit's fields.

Each known export (HubSpot, Pipedrive, Salesforce, vCard) has a profile: the column
names it writes and the field each one means. Any other CSV or spreadsheet gets a
mapping guessed from common column names in English, Swedish, Norwegian, Danish and
Finnish, which the user checks and changes in the preview.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Entity(StrEnum):
    ACCOUNT = "account"
    PERSON = "person"


class Source(StrEnum):
    HUBSPOT = "hubspot"
    PIPEDRIVE = "pipedrive"
    SALESFORCE = "salesforce"
    CSV = "csv"
    VCARD = "vcard"


ACCOUNT_TARGETS = (
    "id",
    "name",
    "org_number",
    "country",
    "domain",
    "revenue",
    "owner",
    "parent_id",
    "parent_name",
    "tier",
    "customer_since",
    "notes",
    "created_at",
    "deleted",
)
PERSON_TARGETS = (
    "id",
    "name",
    "first_name",
    "last_name",
    "email",
    "phone",
    "mobile",
    "title",
    "buying_role",
    "account_name",
    "account_id",
    "account_org_number",
    "owner",
    "birthday",
    "anniversary",
    "notes",
    "country",
    "created_at",
    "deleted",
)
TARGETS = {Entity.ACCOUNT: ACCOUNT_TARGETS, Entity.PERSON: PERSON_TARGETS}


def normalise_header(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().lower().replace("_", " "))


@dataclass(frozen=True)
class Profile:
    source: Source
    entity: Entity
    columns: dict[str, str]  # normalised header -> target
    signature: frozenset[str]  # every one of these headers must be there
    prefix: str = ""  # Pipedrive writes "Person - Email - Work"

    def target(self, header: str) -> str:
        name = normalise_header(header)
        if self.prefix and name.startswith(self.prefix):
            name = name[len(self.prefix) :]
        return self.columns.get(name, "")


def _profile(
    source: Source,
    entity: Entity,
    columns: dict[str, str],
    signature: tuple[str, ...],
    prefix: str = "",
) -> Profile:
    return Profile(
        source,
        entity,
        {normalise_header(k): v for k, v in columns.items()},
        frozenset(normalise_header(s) for s in signature),
        prefix,
    )


# Org numbers are never a standard field in these CRMs; teams add their own property.
_ORG_NUMBER_NAMES = {
    name: "org_number"
    for name in (
        "Org number",
        "Org. number",
        "Org.nr",
        "Org.nr.",
        "Orgnr",
        "Org nr",
        "Organisation number",
        "Organization number",
        "Organisasjonsnummer",
        "Organisationsnummer",
        "CVR",
        "CVR-nummer",
        "CVR nr",
        "CVR-nr",
        "Y-tunnus",
        "Business ID",
        "VAT",
        "VAT number",
        "VAT no",
        "VAT No.",
        "Momsnummer",
        "MVA-nummer",
        "Registration number",
        "Company number",
    )
}

HUBSPOT_COMPANIES = _profile(
    Source.HUBSPOT,
    Entity.ACCOUNT,
    {
        "Record ID": "id",
        "Company name": "name",
        "Name": "name",
        "Company Domain Name": "domain",
        "Website URL": "domain",
        "Country/Region": "country",
        "Country": "country",
        # "Annual Revenue" is the company's own turnover, not what it buys from us
        # (Fasit's yearly revenue): recognised, left out unless the user maps it.
        "Company owner": "owner",
        "Parent Company": "parent_name",
        "Parent Company ID": "parent_id",
        "Create Date": "created_at",
        "Description": "notes",
        **_ORG_NUMBER_NAMES,
    },
    ("Record ID", "Company name"),
)
HUBSPOT_CONTACTS = _profile(
    Source.HUBSPOT,
    Entity.PERSON,
    {
        "Record ID": "id",
        "First Name": "first_name",
        "Last Name": "last_name",
        "Email": "email",
        "Phone Number": "phone",
        "Mobile Phone Number": "mobile",
        "Job Title": "title",
        "Associated Company": "account_name",
        "Company Name": "account_name",
        "Associated Company ID": "account_id",
        "Primary Associated Company ID": "account_id",
        "Contact owner": "owner",
        "Create Date": "created_at",
        "Country/Region": "country",
        "Date of birth": "birthday",
        "Birthday": "birthday",
        "Notes": "notes",
    },
    ("Record ID", "First Name", "Last Name"),
)
PIPEDRIVE_ORGANIZATIONS = _profile(
    Source.PIPEDRIVE,
    Entity.ACCOUNT,
    {
        "ID": "id",
        "Name": "name",
        "Owner": "owner",
        "Address - Country": "country",
        "Country": "country",
        "Website": "domain",
        "Web domain": "domain",
        "Add time": "created_at",
        "Notes": "notes",
        **_ORG_NUMBER_NAMES,
    },
    ("Organization - Name",),
    prefix="organization - ",
)
PIPEDRIVE_PERSONS = _profile(
    Source.PIPEDRIVE,
    Entity.PERSON,
    {
        "ID": "id",
        "Name": "name",
        "First name": "first_name",
        "Last name": "last_name",
        "Email": "email",
        "Email - Work": "email",
        "Phone": "phone",
        "Phone - Work": "phone",
        "Phone - Mobile": "mobile",
        "Job title": "title",
        "Title": "title",
        "Organization": "account_name",
        "Organization ID": "account_id",
        "Owner": "owner",
        "Birthday": "birthday",
        "Notes": "notes",
        "Add time": "created_at",
    },
    ("Person - Name",),
    prefix="person - ",
)
# Pipedrive's newer exports leave out the "Person - " prefix; its e-mail and phone
# columns with their labels ("Email - Work") still give it away.
PIPEDRIVE_PERSONS_PLAIN = Profile(
    Source.PIPEDRIVE,
    Entity.PERSON,
    PIPEDRIVE_PERSONS.columns,
    frozenset({"name", "email - work"}),
)
SALESFORCE_ACCOUNTS = _profile(
    Source.SALESFORCE,
    Entity.ACCOUNT,
    {
        "Id": "id",
        "Name": "name",
        "ParentId": "parent_id",
        "BillingCountry": "country",
        "OwnerId": "owner",
        "Website": "domain",
        "Description": "notes",
        "CreatedDate": "created_at",
        "IsDeleted": "deleted",
        **_ORG_NUMBER_NAMES,
    },
    ("Id", "Name", "OwnerId"),
)
SALESFORCE_CONTACTS = _profile(
    Source.SALESFORCE,
    Entity.PERSON,
    {
        "Id": "id",
        "AccountId": "account_id",
        "FirstName": "first_name",
        "LastName": "last_name",
        "Email": "email",
        "Phone": "phone",
        "MobilePhone": "mobile",
        "Title": "title",
        "Birthdate": "birthday",
        "Description": "notes",
        "MailingCountry": "country",
        "OwnerId": "owner",
        "CreatedDate": "created_at",
        "IsDeleted": "deleted",
    },
    ("Id", "AccountId", "LastName"),
)
VCARD_PEOPLE = _profile(
    Source.VCARD,
    Entity.PERSON,
    {
        "UID": "id",
        "FN": "name",
        "N:given": "first_name",
        "N:family": "last_name",
        "ORG": "account_name",
        "TITLE": "title",
        "EMAIL": "email",
        "TEL": "phone",
        "TEL;CELL": "mobile",
        "BDAY": "birthday",
        "ANNIVERSARY": "anniversary",
        "NOTE": "notes",
        "ADR:country": "country",
    },
    ("UID", "FN", "N:given", "TEL;CELL"),
)

PROFILES = (
    SALESFORCE_CONTACTS,
    SALESFORCE_ACCOUNTS,
    HUBSPOT_CONTACTS,
    HUBSPOT_COMPANIES,
    PIPEDRIVE_PERSONS,
    PIPEDRIVE_ORGANIZATIONS,
    PIPEDRIVE_PERSONS_PLAIN,
    VCARD_PEOPLE,
)

# Any other file: common column names in English and the Nordic languages ("|" between
# the names of one field).
_GENERIC: dict[Entity, dict[str, str]] = {
    Entity.PERSON: {
        "id": "id|external id|record id|contact id",
        "name": "name|full name|navn|namn|fullt navn|contact name|nimi",
        "first_name": "first name|firstname|given name|fornavn|förnamn|etunimi",
        "last_name": "last name|lastname|surname|family name|etternavn|efternavn|efternamn"
        "|sukunimi",
        "email": "email|e-mail|email address|e-mail address|e-post|epost|e-postadresse"
        "|e-postadress|mail|sähköposti",
        "phone": "phone|telephone|phone number|direct phone|telefon|telefonnummer|tlf|tel|puhelin",
        "mobile": "mobile|mobile phone|cell|cell phone|mobil|mobiltelefon|mobilnummer|matkapuhelin",
        "title": "title|job title|position|tittel|stilling|titel|befattning"
        "|stillingsbetegnelse|tehtävänimike",
        "account_name": "company|company name|organization|organisation|account|account name"
        "|firma|företag|bedrift|virksomhed|selskap|kunde|kund|yritys",
        "account_org_number": "|".join(_ORG_NUMBER_NAMES),
        "owner": "owner|eier|ägare|ejer|ansvarlig|ansvarig|account manager|sales rep|selger"
        "|säljare|sælger",
        "birthday": "birthday|birthdate|date of birth|fødselsdag|födelsedag|fødselsdato"
        "|födelsedatum|bursdag|syntymäpäivä",
        "anniversary": "anniversary|jubileum|bröllopsdag|bryllupsdag",
        "notes": "notes|note|comment|comments|notater|anteckningar|noter|kommentar"
        "|kommentarer|description|beskrivelse",
        "country": "country|country/region|land|maa",
    },
    Entity.ACCOUNT: {
        "id": "id|external id|record id|account id|company id",
        "name": "name|company|company name|account|account name|organization"
        "|organization name|organisation|organisation name|firma|firmanavn|företag"
        "|företagsnamn|bedrift|bedriftsnavn|virksomhed|selskap|navn|namn|kunde|kund|nimi"
        "|yritys",
        "org_number": "|".join(_ORG_NUMBER_NAMES),
        "country": "country|country/region|land|maa",
        "domain": "domain|website|web|url|homepage|hjemmeside|nettside|webbplats|hemsida|kotisivu",
        "revenue": "revenue with us|sales|salg|försäljning|omsetning med oss|omsättning med oss",
        "owner": "owner|eier|ägare|ejer|ansvarlig|ansvarig|account manager|kundeansvarlig"
        "|kundansvarig",
        "parent_name": "parent|parent company|group|corporate group|konsern|koncern"
        "|morselskap|moderbolag|moderselskab|konserni",
        "tier": "tier|segment|kundetype|kundtyp",
        "customer_since": "customer since|kunde siden|kund sedan|asiakas alkaen",
        "notes": "notes|note|comment|comments|notater|anteckningar|noter|kommentar"
        "|description|beskrivelse",
    },
}


def _generic_aliases(entity: Entity) -> dict[str, str]:
    return {
        normalise_header(alias): target
        for target, aliases in _GENERIC[entity].items()
        for alias in aliases.split("|")
    }


@dataclass(frozen=True)
class Mapping:
    """Which field each column of a file fills ("" = not imported)."""

    source: Source
    entity: Entity
    columns: tuple[str, ...]

    def index(self) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for position, target in enumerate(self.columns):
            if target:
                found.setdefault(target, []).append(position)
        return found


def _profile_mapping(profile: Profile, header: tuple[str, ...]) -> Mapping:
    columns: list[str] = []
    used: set[str] = set()
    for name in header:
        target = profile.target(name)
        # The first column for a field wins (Pipedrive has "Email - Work" and "Email").
        if target in used and target not in {"notes"}:
            target = ""
        used.add(target)
        columns.append(target)
    return Mapping(profile.source, profile.entity, tuple(columns))


def recognise(header: tuple[str, ...]) -> Mapping:
    """The mapping of a header row: a known export's, or a guess for any other file."""
    names = {normalise_header(h) for h in header}
    best: tuple[int, Profile] | None = None
    for profile in PROFILES:
        if not profile.signature <= names:
            continue
        mapped = sum(1 for h in header if profile.target(h))
        if best is None or mapped > best[0]:
            best = (mapped, profile)
    if best is not None:
        return _profile_mapping(best[1], header)
    return guess(header)


def guess(header: tuple[str, ...], entity: Entity | None = None) -> Mapping:
    """A mapping for a file of no known source, from common column names."""
    if entity is None:
        person = guess(header, Entity.PERSON)
        person_only = {"first_name", "last_name", "email", "title", "mobile", "birthday"}
        entity = Entity.PERSON if person_only & set(person.columns) else Entity.ACCOUNT
        if entity is Entity.PERSON:
            return person
    aliases = _generic_aliases(entity)
    columns: list[str] = []
    used: set[str] = set()
    for name in header:
        target = aliases.get(normalise_header(name), "")
        if target in used:
            target = ""
        used.add(target)
        columns.append(target)
    return Mapping(Source.CSV, entity, tuple(columns))


def mapping_for(header: tuple[str, ...], source: Source | None, entity: Entity | None) -> Mapping:
    """The mapping when the user named the source (or the kind of records)."""
    recognised = recognise(header)
    if (source is None or recognised.source == source) and (
        entity is None or recognised.entity == entity
    ):
        return recognised
    for profile in PROFILES:
        if (
            profile.source == source
            and (entity is None or profile.entity == entity)
            and profile.signature <= {normalise_header(h) for h in header}
        ):
            return _profile_mapping(profile, header)
    guessed = guess(header, entity)
    return Mapping(source or Source.CSV, guessed.entity, guessed.columns)


def header_signature(header: tuple[str, ...]) -> str:
    """A key for a header row, so a mapping saved for one export is found for the next."""
    return "|".join(sorted(normalise_header(h) for h in header if h.strip()))

"""Writes for accounts, people and human profiles. Each is atomic and audited."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fasit.core.audit import (
    audit_cascade,
    audit_create,
    audit_delete,
    audit_update,
    snapshot,
    touch,
)
from fasit.core.services import model_update, require_same_team, require_writer
from fasit.customers.events import consent_withdrawn
from fasit.customers.models import (
    Account,
    AccountRevenue,
    Consent,
    CustomerCategory,
    DataSource,
    FamilyMember,
    ImportantDate,
    Interest,
    LegalBasis,
    LifeEvent,
    Person,
    PersonRole,
)
from fasit.customers.validation import clean_org_number, clean_phone
from fasit.tenancy.models import Team

ACCOUNT_FIELDS = (
    "name",
    "org_number",
    "country",
    "category",
    "tier",
    "owner",
    "customer_since",
    "parent",
    "notes",
)
PERSON_FIELDS = (
    "name",
    "email",
    "phone",
    "country",
    "preferred_meeting",
    "what_matters",
    "notes",
    "legal_basis",
    "legal_basis_recorded_on",
    "data_source",
    "data_source_detail",
)


def _clean_account_data(
    team: Team, data: dict[str, Any], account: Account | None
) -> dict[str, Any]:
    data = dict(data)
    country = data.get("country") or (account.country if account else "NO")
    if "org_number" in data:
        try:
            data["org_number"] = clean_org_number(data["org_number"], country)
        except ValidationError as exc:
            raise ValidationError({"org_number": exc.messages}) from None
    require_same_team(team, category=data.get("category"), parent=data.get("parent"))
    require_writer(team, owner=data.get("owner"))
    parent = data.get("parent")
    if account is not None and parent is not None:
        node = parent
        while node is not None:
            if node.pk == account.pk:
                raise ValidationError({"parent": _("An account cannot be its own parent group.")})
            node = node.parent
    return data


@transaction.atomic
def category_create(
    *, team: Team, actor: Any, name: str, description: str = ""
) -> CustomerCategory:
    name = name.strip()
    if CustomerCategory.objects.for_team(team).filter(name__iexact=name).exists():
        raise ValidationError(
            {"name": _("The team already has a category called %(name)s.") % {"name": name}}
        )
    category = CustomerCategory(team=team, name=name, description=description)
    category.full_clean()
    category.save()
    audit_create(team=team, actor=actor, instance=category)
    return category


@transaction.atomic
def category_update(
    *, category: CustomerCategory, actor: Any, data: dict[str, Any]
) -> CustomerCategory:
    """Rename a customer category or change its description."""
    if "name" in data:
        data["name"] = data["name"].strip()
        clash = CustomerCategory.objects.for_team(category.team).filter(
            name__iexact=data["name"]
        )
        if clash.exclude(pk=category.pk).exists():
            raise ValidationError(
                {
                    "name": _("The team already has a category called %(name)s.")
                    % {"name": data["name"]}
                }
            )
    category, _changed = model_update(
        instance=category,
        fields=("name", "description"),
        data=data,
        team=category.team,
        actor=actor,
    )
    return category


@transaction.atomic
def category_delete(*, category: CustomerCategory, actor: Any) -> None:
    """Delete a category: its accounts keep no category. Refused while a buying process
    of the category has journeys (their history would go with it)."""
    from fasit.buying.models import BuyingProcess, Journey

    if Journey.objects.filter(process__category=category).exists():
        raise ValidationError(
            _("Journeys follow this category's buying process: the category cannot be deleted.")
        )
    touch(Account.objects.filter(category=category))
    for process in BuyingProcess.objects.filter(category=category):
        audit_delete(team=category.team, actor=actor, instance=process)
    audit_delete(team=category.team, actor=actor, instance=category)
    category.delete()


@transaction.atomic
def account_create(*, team: Team, actor: Any, name: str, **fields: Any) -> Account:
    unknown = set(fields) - set(ACCOUNT_FIELDS)
    if unknown:
        raise TypeError(f"account_create got unknown fields: {sorted(unknown)}")
    data = _clean_account_data(team, {"name": name, **fields}, None)
    account = Account(team=team, **data)
    account.full_clean()
    account.save()
    audit_create(team=team, actor=actor, instance=account)
    return account


@transaction.atomic
def account_update(*, account: Account, actor: Any, data: dict[str, Any]) -> Account:
    data = _clean_account_data(account.team, data, account)
    account, _changed = model_update(
        instance=account, fields=ACCOUNT_FIELDS, data=data, team=account.team, actor=actor
    )
    return account


# What a bulk change of accounts may set: the owner, the tier or the customer category.
BULK_ACCOUNT_FIELDS = ("owner", "tier", "category")


@transaction.atomic
def accounts_bulk_update(
    *, team: Team, actor: Any, accounts: list[Account], data: dict[str, Any]
) -> int:
    """Set one of the owner, tier or category on several accounts at once, each change
    validated and audited as if made one by one; all or nothing. Returns how many
    accounts changed."""
    data = {k: v for k, v in data.items() if k in BULK_ACCOUNT_FIELDS}
    if not data:
        raise ValidationError(_("Choose what to change."))
    if not accounts:
        raise ValidationError(_("Choose at least one account."))
    require_same_team(
        team, category=data.get("category"), **{f"account {a.pk}": a for a in accounts}
    )
    require_writer(team, owner=data.get("owner"))
    changed = 0
    for account in accounts:
        _account, did_change = model_update(
            instance=account, fields=BULK_ACCOUNT_FIELDS, data=data, team=team, actor=actor
        )
        changed += did_change
    return changed


@transaction.atomic
def account_delete(*, account: Account, actor: Any) -> None:
    # The delete takes the account's conversations, journeys and statements with it:
    # each gets its own delete record, and the people who held a role there change.
    from fasit.buying.models import Journey
    from fasit.conversations.models import Conversation, FollowUp
    from fasit.signals.models import Statement
    from fasit.signals.services import statement_theme_keys, statements_deleted

    team = account.team
    theme_keys = statement_theme_keys(Statement.objects.filter(team=team, account=account))
    audit_cascade(
        team=team,
        actor=actor,
        querysets=[
            FollowUp.objects.filter(conversation__account=account),
            Conversation.objects.filter(account=account),
            Journey.objects.filter(account=account),
            Statement.objects.filter(account=account),
        ],
    )
    touch(Person.objects.filter(team=team, roles__account=account))
    audit_delete(team=team, actor=actor, instance=account)
    account.delete()
    # Its statements' themes count one customer fewer (or go): recounted like a
    # deleted statement's, in the same transaction.
    statements_deleted(team=team, keys=theme_keys)


@transaction.atomic
def account_revenue_set(
    *, account: Account, actor: Any, year: int, amount: Decimal, currency: str = "NOK"
) -> AccountRevenue:
    if not 1900 <= year <= timezone.localdate().year + 1:
        raise ValidationError({"year": _("Give a year between 1900 and next year.")})
    if amount < 0:
        raise ValidationError({"amount": _("Revenue cannot be negative.")})
    revenue = AccountRevenue.objects.filter(account=account, year=year).first()
    if revenue is None:
        revenue = AccountRevenue(account=account, year=year, amount=amount, currency=currency)
        revenue.full_clean()
        revenue.save()
        audit_create(team=account.team, actor=actor, instance=revenue)
        return revenue
    revenue, _changed = model_update(
        instance=revenue,
        fields=("amount", "currency"),
        data={"amount": amount, "currency": currency},
        team=account.team,
        actor=actor,
    )
    return revenue


@transaction.atomic
def account_revenue_delete(*, revenue: AccountRevenue, actor: Any) -> None:
    audit_delete(team=revenue.account.team, actor=actor, instance=revenue)
    revenue.delete()


def _clean_person_data(data: dict[str, Any], person: Person | None) -> dict[str, Any]:
    data = dict(data)
    if "legal_basis" in data and data["legal_basis"] not in LegalBasis.values:
        raise ValidationError(
            {"legal_basis": _("Choose the legal basis for holding this person's data (GDPR).")}
        )
    recorded_on = data.get("legal_basis_recorded_on")
    if recorded_on and recorded_on > timezone.localdate():
        raise ValidationError(
            {"legal_basis_recorded_on": _("A legal basis cannot be recorded in the future.")}
        )
    source = data.get("data_source") or (person.data_source if person else DataSource.PERSON)
    detail = data.get("data_source_detail", person.data_source_detail if person else "")
    if source == DataSource.OTHER and not (detail or "").strip():
        raise ValidationError(
            {
                "data_source_detail": _(
                    "Say where the data came from: the information notice to the person "
                    "must name the source."
                )
            }
        )
    if "phone" in data:
        country = data.get("country") or (person.country if person else "NO")
        try:
            data["phone"] = clean_phone(data["phone"], country)
        except ValidationError as exc:
            raise ValidationError({"phone": exc.messages}) from None
    if data.get("email"):
        data["email"] = data["email"].strip().lower()
    return data


@transaction.atomic
def person_create(
    *,
    team: Team,
    actor: Any,
    name: str,
    legal_basis: str,
    legal_basis_recorded_on: dt.date | None = None,
    account: Account | None = None,
    title: str = "",
    buying_role: str = "",
    consent_wording: str = "",
    **fields: Any,
) -> Person:
    """Add a person. The legal basis is required and records who recorded it and when;
    with ``consent_wording`` the consent itself is kept in the words the person was given."""
    unknown = set(fields) - set(PERSON_FIELDS)
    if unknown:
        raise TypeError(f"person_create got unknown fields: {sorted(unknown)}")
    data = _clean_person_data(
        {
            "name": name,
            "legal_basis": legal_basis,
            "legal_basis_recorded_on": legal_basis_recorded_on or timezone.localdate(),
            **fields,
        },
        None,
    )
    person = Person(team=team, legal_basis_recorded_by=_user_or_none(actor), **data)
    person.full_clean()
    person.save()
    audit_create(team=team, actor=actor, instance=person)
    if consent_wording.strip():
        consent_record(person=person, actor=actor, wording=consent_wording)
    if account is not None:
        person_role_set(
            person=person, actor=actor, account=account, title=title, buying_role=buying_role
        )
    return person


@transaction.atomic
def person_update(*, person: Person, actor: Any, data: dict[str, Any]) -> Person:
    """Change a person (rectification, audited). A new legal basis is recorded as of
    today (unless a date is given) and by the actor; ``consent_wording`` in ``data``
    records a consent."""
    data = _clean_person_data(data, person)
    consent_wording = str(data.pop("consent_wording", "") or "")
    basis_changed = "legal_basis" in data and data["legal_basis"] != person.legal_basis
    date_changed = data.get("legal_basis_recorded_on", person.legal_basis_recorded_on) != (
        person.legal_basis_recorded_on
    )
    if basis_changed or date_changed:
        data["legal_basis_recorded_by"] = _user_or_none(actor)
        if basis_changed and not date_changed:
            data["legal_basis_recorded_on"] = timezone.localdate()
    person, _changed = model_update(
        instance=person,
        fields=(*PERSON_FIELDS, "legal_basis_recorded_by"),
        data=data,
        team=person.team,
        actor=actor,
    )
    if consent_wording.strip():
        consent_record(person=person, actor=actor, wording=consent_wording)
    return person


def _user_or_none(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


@transaction.atomic
def consent_record(
    *, person: Person, actor: Any, wording: str, given_on: dt.date | None = None
) -> Consent:
    """Keep a consent in the words the person was given."""
    wording = wording.strip()
    if not wording:
        raise ValidationError(
            {"consent_wording": _("Write what the person agreed to, in the words they were given.")}
        )
    given_on = given_on or timezone.localdate()
    if given_on > timezone.localdate():
        raise ValidationError({"given_on": _("A consent cannot be given in the future.")})
    consent = Consent(
        person=person, wording=wording, given_on=given_on, recorded_by=_user_or_none(actor)
    )
    consent.full_clean()
    consent.save()
    audit_create(team=person.team, actor=actor, instance=consent)
    return consent


@transaction.atomic
def consent_withdraw(
    *, consent: Consent, actor: Any, withdrawn_on: dt.date | None = None
) -> Consent:
    """Record that a consent was withdrawn. Apps that apply retention rules hear of it
    (``consent_withdrawn``) after the transaction commits."""
    if consent.withdrawn_on is not None:
        raise ValidationError(_("This consent was already withdrawn."))
    withdrawn_on = withdrawn_on or timezone.localdate()
    if withdrawn_on < consent.given_on or withdrawn_on > timezone.localdate():
        raise ValidationError({"withdrawn_on": _("Give a date between the consent and today.")})
    before = snapshot(consent)
    consent.withdrawn_on = withdrawn_on
    consent.withdrawal_recorded_by = _user_or_none(actor)
    consent.save(update_fields=["withdrawn_on", "withdrawal_recorded_by"])
    audit_update(team=consent.person.team, actor=actor, instance=consent, before=before)
    person = consent.person
    transaction.on_commit(
        lambda: consent_withdrawn.send(sender=Consent, consent=consent, person=person, actor=actor)
    )
    return consent


@transaction.atomic
def person_delete(*, person: Person, actor: Any) -> None:
    # Conversations list their people and journeys their buying group: both change.
    from fasit.buying.models import Journey
    from fasit.conversations.models import Conversation

    touch(Conversation.objects.filter(team=person.team, people=person))
    touch(Journey.objects.filter(team=person.team, members__person=person))
    audit_delete(team=person.team, actor=actor, instance=person)
    person.delete()


@transaction.atomic
def person_role_set(
    *, person: Person, actor: Any, account: Account, title: str = "", buying_role: str = ""
) -> PersonRole:
    require_same_team(person.team, account=account)
    role = PersonRole.objects.filter(person=person, account=account).first()
    if role is None:
        role = PersonRole(person=person, account=account, title=title, buying_role=buying_role)
        role.full_clean()
        role.save()
        audit_create(team=person.team, actor=actor, instance=role)
        return role
    role, _changed = model_update(
        instance=role,
        fields=("title", "buying_role"),
        data={"title": title, "buying_role": buying_role},
        team=person.team,
        actor=actor,
    )
    return role


@transaction.atomic
def person_role_remove(*, role: PersonRole, actor: Any) -> None:
    audit_delete(team=role.person.team, actor=actor, instance=role)
    role.delete()


PROFILE_MODELS: dict[str, type[FamilyMember | Interest | LifeEvent | ImportantDate]] = {
    "family": FamilyMember,
    "interest": Interest,
    "life_event": LifeEvent,
    "date": ImportantDate,
}


def _validate_important_date(month: int, day: int, year: int | None) -> None:
    # A date without a year is checked against a leap year so 29 February is fine;
    # with a year it must exist in that year.
    try:
        dt.date(year or 2000, month, day)
    except (ValueError, TypeError):
        if year and month == 2 and day == 29:
            raise ValidationError(
                {"day": _("%(year)s has no 29 February.") % {"year": year}}
            ) from None
        raise ValidationError({"day": _("That day does not exist in that month.")}) from None


@transaction.atomic
def profile_item_add(*, person: Person, actor: Any, item_type: str, **fields: Any) -> Any:
    """Add a family member, interest, life event or important date to a profile."""
    model = PROFILE_MODELS.get(item_type)
    if model is None:
        raise ValidationError(_("Unknown profile item."))
    if model is ImportantDate:
        _validate_important_date(fields.get("month", 0), fields.get("day", 0), fields.get("year"))
    item = model(person=person, **fields)
    item.full_clean()
    item.save()
    person.save(update_fields=["updated_at"])
    audit_create(team=person.team, actor=actor, instance=item)
    return item


@transaction.atomic
def profile_item_remove(*, item: Any, actor: Any) -> None:
    audit_delete(team=item.person.team, actor=actor, instance=item)
    item.delete()

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from fasit.core.formatting import format_date, format_day_month
from fasit.core.models import Record, TeamOwned, TeamScopedQuerySet, scoped_manager
from fasit.core.validators import (
    EARLIEST_BIRTH_YEAR,
    birth_year,
    not_future,
)


class Country(models.TextChoices):
    NO = "NO", _("Norway")
    SE = "SE", _("Sweden")
    DK = "DK", _("Denmark")
    FI = "FI", _("Finland")


class Tier(models.TextChoices):
    KEY_ACCOUNT = "key", _("Key account")
    CUSTOMER = "customer", _("Customer")
    PROSPECT = "prospect", _("Prospect")


class BuyingRole(models.TextChoices):
    DECISION_MAKER = "decision_maker", _("Decision maker")
    ECONOMIC_BUYER = "economic_buyer", _("Economic buyer")
    INFLUENCER = "influencer", _("Influencer")
    USER = "user", _("User")
    GATEKEEPER = "gatekeeper", _("Gatekeeper")
    CHAMPION = "champion", _("Champion")


class LegalBasis(models.TextChoices):
    LEGITIMATE_CUSTOMER = "li_customer", _("Legitimate interest – customer")
    LEGITIMATE_PROSPECT = "li_prospect", _("Legitimate interest – prospect")
    CONTRACT = "contract", _("Contract")
    CONSENT = "consent", _("Consent")


class DataSource(models.TextChoices):
    """Where a person's data came from: from anyone but the person themselves, the team
    must tell them it holds it (GDPR Art. 14)."""

    PERSON = "person", _("From the person themselves")
    OTHER = "other", _("From another source")


class MeetingPreference(models.TextChoices):
    UNKNOWN = "", _("Not known")
    IN_PERSON = "in_person", _("In person")
    COFFEE = "coffee", _("Over coffee")
    LUNCH = "lunch", _("Over lunch")
    VIDEO = "video", _("Video call")
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")


class CustomerCategory(TeamOwned):
    """A segment whose buying process differs (defined per team)."""

    name = models.CharField(_("name"), max_length=80)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["team", "name"], name="unique_category_name")
        ]
        verbose_name = _("customer category")
        verbose_name_plural = _("customer categories")

    def __str__(self) -> str:
        return self.name


class CreatedByImport(models.Model):
    """The import that created a record: its one audit entry (file, who, when) and the
    file's line. An import writes one audit entry per file, not one per record
    (docs/transfer.md, "Audit"); the record's history reads this instead."""

    # No database constraint (``db_constraint=False``; on PostgreSQL, migration 0008):
    # only the importer sets it, to the entry it wrote itself in the same transaction
    # before the first row (``transfer/importing.py``, ``_begin_entry``): no one else
    # can see or delete that entry before the commit, and the import's cross-team
    # check (``RowCheck``) refuses another team's entry. Audit entries are never
    # deleted by raw SQL: the import's entry is removed through the ORM (which sets this
    # to NULL first, ``on_delete`` being Django's) or with its team, and readers treat
    # an entry they cannot find as no import (``core.audit``). The check cost one
    # trigger query per imported row, about a sixth of PostgreSQL's foreign-key work in
    # an import (docs/transfer.md, *Speed*). SQLite keeps the constraint: dropping it
    # there would rebuild the tables and lose the tallies' triggers.
    import_entry = models.ForeignKey(
        "core.AuditEvent",
        verbose_name=_("created by import"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        db_constraint=False,
    )
    import_line = models.PositiveIntegerField(
        _("line in the imported file"), null=True, blank=True, editable=False
    )

    class Meta:
        abstract = True


class Account(TeamOwned, CreatedByImport):
    name = models.CharField(_("name"), max_length=200)
    org_number = models.CharField(_("organisation number"), max_length=20, blank=True)
    country = models.CharField(
        _("country"), max_length=2, choices=Country.choices, default=Country.NO
    )
    category = models.ForeignKey(
        CustomerCategory,
        verbose_name=_("customer category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="accounts",
    )
    tier = models.CharField(_("tier"), max_length=10, choices=Tier.choices, default=Tier.CUSTOMER)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_accounts",
    )
    customer_since = models.DateField(_("customer since"), null=True, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("corporate group (parent)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subsidiaries",
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["team", "name"]),
            models.Index(fields=["team", "tier"]),
            # Imports match accounts on the organisation number first.
            models.Index(fields=["team", "org_number"]),
        ]
        verbose_name = _("account")
        verbose_name_plural = _("accounts")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.customer_since is not None:
            try:
                not_future(self.customer_since)
            except ValidationError as error:
                raise ValidationError({"customer_since": error}) from None

    @property
    def group_root(self) -> Account:
        """The top of the corporate group (accounts in one group count once)."""
        node, seen = self, {self.pk}
        while node.parent_id and node.parent_id not in seen:
            seen.add(node.parent_id)
            node = node.parent  # type: ignore[assignment]
        return node


class AccountRevenue(models.Model):
    # Read through its parent: a change moves the parent's updated_at (core/audit.py).
    SYNC_PARENTS = ("account",)

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="revenues")
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("revenue"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="NOK")

    objects = scoped_manager("account__team")

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["account", "year"], name="one_revenue_per_year")
        ]
        verbose_name = _("yearly revenue")
        verbose_name_plural = _("yearly revenue")

    def __str__(self) -> str:
        return f"{self.account} {self.year}: {self.amount} {self.currency}"


#: The fields ``Person.name_day`` is derived from.
NAME_DAY_SOURCES = frozenset({"name", "country"})


def refresh_name_days(people: Any, *, batch: int = 5000) -> int:
    """Set ``name_day`` of ``people`` (a queryset of Person, or of the historical model
    in a migration) from their names and countries, set-based: one UPDATE per day that
    changed in each batch. Returns how many rows changed. For the data migration, and
    for the writes whose new names only the database knows (``update`` with an
    expression). A change to the almanac files needs a migration that calls this."""
    from fasit.relationships.mapping import almanac_name_day

    changed = 0
    rows = people.order_by("pk").values_list("pk", "name", "country", "name_day")
    last = 0
    while True:
        chunk = list(rows.filter(pk__gt=last)[:batch])
        if not chunk:
            return changed
        last = chunk[-1][0]
        by_day: dict[int | None, list[int]] = {}
        for pk, name, country, stored in chunk:
            day = almanac_name_day(name, country)
            if day != stored:
                by_day.setdefault(day, []).append(pk)
        for day, ids in by_day.items():
            # QuerySet.update itself: name_day is not one of NAME_DAY_SOURCES.
            changed += people.model._base_manager.filter(pk__in=ids).update(name_day=day)


class PersonQuerySet(TeamScopedQuerySet):
    """Keeps ``Person.name_day`` right on the writes that pass by ``Person.save``
    (the demo's bulk_create, the importer's bulk_update, an erasure's update)."""

    def bulk_create(self, objs: Any, *args: Any, **kwargs: Any) -> Any:
        from fasit.relationships.mapping import almanac_name_day

        objs = list(objs)
        for obj in objs:
            obj.name_day = almanac_name_day(obj.name, obj.country)
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs: Any, fields: Any, *args: Any, **kwargs: Any) -> Any:
        from fasit.relationships.mapping import almanac_name_day

        fields = list(fields)
        if NAME_DAY_SOURCES & set(fields):
            objs = list(objs)
            for obj in objs:
                obj.name_day = almanac_name_day(obj.name, obj.country)
            if "name_day" not in fields:
                fields.append("name_day")
        return super().bulk_update(objs, fields, *args, **kwargs)

    def update(self, **values: Any) -> int:
        if not NAME_DAY_SOURCES & set(values):
            return super().update(**values)
        # The new names may be expressions only the database evaluates: write them,
        # then derive the name days of the same rows (chosen before the write, which
        # may change what the filter matches).
        with transaction.atomic(using=self.db):
            ids = list(self.values_list("pk", flat=True))
            count = super().update(**values)
            for start in range(0, len(ids), 5000):
                refresh_name_days(self.model._base_manager.filter(pk__in=ids[start : start + 5000]))
        return count


class Person(TeamOwned, CreatedByImport):
    # No index of its own: the (team, id), (team, name) and (team, email) indexes start
    # with it, and an import of a million people pays for every index they have.
    team = models.ForeignKey(
        "tenancy.Team", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    country = models.CharField(
        _("country"),
        max_length=2,
        choices=Country.choices,
        default=Country.NO,
        help_text=_("Used for phone numbers and the name-day calendar."),
    )
    preferred_meeting = models.CharField(
        _("preferred way to meet"), max_length=20, choices=MeetingPreference.choices, blank=True
    )
    what_matters = models.TextField(_("what matters to them"), blank=True)
    notes = models.TextField(_("personal notes"), blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=20, choices=LegalBasis.choices)
    legal_basis_recorded_on = models.DateField(_("legal basis recorded on"))
    # Indexed only where set (Meta): people imported from the command line, and
    # every person whose recorder was erased, have none.
    legal_basis_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("legal basis recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )
    data_source = models.CharField(
        _("where the data came from"),
        max_length=10,
        choices=DataSource.choices,
        default=DataSource.PERSON,
        help_text=_(
            "Data from anyone else (a colleague, a website, a list) means the person must be "
            "told that the team holds it (GDPR Art. 14)."
        ),
    )
    data_source_detail = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("For example: the company's website, a colleague, a trade fair list."),
    )
    accounts = models.ManyToManyField(Account, through="PersonRole", related_name="people")
    # The almanac's name day for the first name and country, month * 100 + day
    # (``relationships.mapping.almanac_name_day``); None when the almanac has none.
    # Derived, never entered: ``save``, ``PersonQuerySet`` and the importer's
    # ``insert_rows`` (``derive_rows``) keep it right, so the dates card asks the
    # database for the window's days instead of looking up every first name of the team.
    name_day = models.PositiveSmallIntegerField(null=True, editable=False)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["team", "name"]),
            # The dates card: the team's people whose almanac name day is in the window.
            models.Index(fields=["team", "name_day"], name="customers_person_name_day"),
            # Imports match people on their e-mail address; duplicates are found by it.
            models.Index(fields=["team", "email"]),
            # Lists and the API page the team's people in id order (keyset ``after``).
            # Without it SQLite, which plans without statistics, sorted all the team's
            # people for each page: the API's people list took 10.2 instead of 4.6 ms
            # of CPU at scale 100 once the single-column team index was dropped.
            models.Index(fields=["team", "id"], name="customers_person_team_id_idx"),
            models.Index(
                fields=["legal_basis_recorded_by"],
                condition=models.Q(legal_basis_recorded_by__isnull=False),
                name="customers_person_lb_recorder",
            ),
        ]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name

    def save(self, **kwargs: Any) -> None:
        from fasit.relationships.mapping import almanac_name_day

        self.name_day = almanac_name_day(self.name, self.country)
        fields = kwargs.get("update_fields")
        if fields is not None and NAME_DAY_SOURCES & set(fields) and "name_day" not in fields:
            kwargs["update_fields"] = [*fields, "name_day"]
        super().save(**kwargs)

    @classmethod
    def derive_rows(cls, rows: Any) -> None:
        """Fill the derived columns of rows (attname -> value) about to be inserted
        by ``transfer.bulk.insert_rows``, which passes by ``save``."""
        from fasit.relationships.mapping import almanac_name_day

        country = cls._meta.get_field("country").get_default()
        for row in rows:
            row["name_day"] = almanac_name_day(row.get("name", ""), row.get("country", country))

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.strip() else self.name


class PersonRole(Record):
    """A person's role at one account: title and buying role."""

    # Read through its parent: a change moves the parent's updated_at (core/audit.py).
    SYNC_PARENTS = ("person",)

    # The unique (person, account) index serves look-ups by person.
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="roles", db_index=False
    )
    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(_("title"), max_length=120, blank=True)
    buying_role = models.CharField(
        _("buying role"), max_length=20, choices=BuyingRole.choices, blank=True
    )

    objects = scoped_manager("person__team")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "account"], name="one_role_per_account")
        ]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self) -> str:
        return f"{self.person} – {self.title} @ {self.account}"


class Consent(models.Model):
    """A person's consent in the words they were given, and its withdrawal.

    Kept as a row rather than a flag so the team can show what exactly was agreed
    to, when, and who recorded it; a withdrawn consent stays as the record of it.
    """

    # Read through its parent: a change moves the parent's updated_at (core/audit.py).
    SYNC_PARENTS = ("person",)

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    wording = models.TextField(_("what they agreed to"))
    given_on = models.DateField(_("given on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawal_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = scoped_manager("person__team")

    class Meta:
        ordering = ["-given_on", "-id"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        state = f"withdrawn {self.withdrawn_on}" if self.withdrawn_on else "given"
        return f"consent {self.given_on} ({state})"

    @property
    def is_live(self) -> bool:
        return self.withdrawn_on is None


class ProfileItem(Record):
    """Base for the parts of a human profile; ``created_at`` tells how fresh it is."""

    # Read through its parent: a change moves the parent's updated_at (core/audit.py).
    SYNC_PARENTS = ("person",)

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="%(class)ss")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = scoped_manager("person__team")

    class Meta:
        abstract = True


class FamilyMember(ProfileItem):
    relation = models.CharField(_("relation"), max_length=60)
    name = models.CharField(_("name"), max_length=120, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("family member")
        verbose_name_plural = _("family members")

    def __str__(self) -> str:
        return f"{self.relation}: {self.name}".strip(": ")


class Interest(ProfileItem):
    name = models.CharField(_("interest"), max_length=120)

    class Meta:
        ordering = ["name"]
        verbose_name = _("interest")
        verbose_name_plural = _("interests")

    def __str__(self) -> str:
        return self.name


class LifeEvent(ProfileItem):
    date = models.DateField(_("date"))
    text = models.CharField(_("what happened"), max_length=300)

    class Meta:
        ordering = ["-date"]
        # The dates card reads the fortnight's events by date (relationships.selectors).
        indexes = [models.Index(fields=["date"], name="customers_lifeevent_date")]
        verbose_name = _("life event")
        verbose_name_plural = _("life events")

    def __str__(self) -> str:
        return f"{format_date(self.date)}: {self.text}"


class ImportantDate(ProfileItem):
    class Kind(models.TextChoices):
        BIRTHDAY = "birthday", _("Birthday")
        WORK_ANNIVERSARY = "work_anniversary", _("Work anniversary")
        NAME_DAY = "name_day", _("Name day")
        OTHER = "other", _("Other")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    month = models.PositiveSmallIntegerField(_("month"))
    day = models.PositiveSmallIntegerField(_("day"))
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    label = models.CharField(_("label"), max_length=120, blank=True)

    class Meta:
        ordering = ["month", "day"]
        indexes = [
            # The dates card reads the window's days, and every recorded name day (it
            # replaces the almanac's), without walking the team's people.
            models.Index(fields=["month", "day"], name="customers_date_month_day"),
            models.Index(
                fields=["person"],
                condition=models.Q(kind="name_day"),
                name="customers_date_name_day",
            ),
        ]
        verbose_name = _("important date")
        verbose_name_plural = _("important dates")

    def clean(self) -> None:
        super().clean()
        if self.year is None:
            return
        try:
            if self.kind == self.Kind.BIRTHDAY:
                birth_year(self.year)
                # Born later this year is no birthday yet (imports check the same). A
                # day that does not exist is reported by the service's own check.
                with contextlib.suppress(ValueError, TypeError):
                    not_future(dt.date(self.year, self.month, self.day))
            elif not EARLIEST_BIRTH_YEAR <= self.year <= timezone.localdate().year + 1:
                raise ValidationError(
                    _("Give a year between %(first)s and %(last)s.")
                    % {"first": EARLIEST_BIRTH_YEAR, "last": timezone.localdate().year + 1}
                )
        except ValidationError as error:
            raise ValidationError({"year": error}) from None

    def __str__(self) -> str:
        # A leap year stands in for a date without its year, so 29 February shows.
        day = dt.date(self.year or 2000, self.month, self.day)
        when = format_date(day) if self.year else format_day_month(day)
        return f"{self.label or self.get_kind_display()} {when}"

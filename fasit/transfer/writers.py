"""Writing a batch of imported records: match, create, update, audit.

A batch is a few thousand valid rows. Matching is done with a handful of queries per
batch (never one per row), new rows are inserted in bulk, and changed rows are
updated and audited one by one (they are few on a re-import). Rows created by an
earlier batch of the same file are found by the next batch's queries, so a file that
names a company on a thousand lines creates it once.

Matching (issue 14): an account by organisation number, then by the source's record
id, then by exact name and country; a person by e-mail, then by the source's id.
An empty cell never erases what Fasit has.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Model, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from fasit.core.audit import _plain
from fasit.core.guard import RowCheck
from fasit.core.models import AuditEvent
from fasit.customers.models import (
    Account,
    AccountRevenue,
    DataSource,
    ImportantDate,
    Person,
    PersonRole,
)
from fasit.engine.text.search import index_text
from fasit.engine.transfer.records import AccountRecord, PartialDate, PersonRecord, Problem
from fasit.search.documents import index_records, insert_indexed
from fasit.search.models import Kind, SearchEntry
from fasit.transfer.bulk import JSONText, insert_rows
from fasit.transfer.models import AccountDomain, EntityKind, ExternalKey
from fasit.transfer.owners import OwnerIndex

CURRENCY = {"NO": "NOK", "SE": "SEK", "DK": "DKK", "FI": "EUR"}


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    accounts_created: int = 0


@dataclass
class Context:
    team: Any
    actor: Any
    source: str
    label: str  # the file's name, for the audit trail
    owners: OwnerIndex
    default_country: str
    legal_basis: str
    legal_basis_recorded_on: dt.date
    check: RowCheck
    now: dt.datetime = field(default_factory=timezone.now)
    counts: Counts = field(default_factory=Counts)
    # The import's one audit entry (written by ``run_import`` before the first batch):
    # the accounts and people it creates name it and their line instead of each
    # getting a created entry of their own (docs/transfer.md, "Audit").
    entry_id: int | None = None
    audit: list[dict[str, Any]] = field(default_factory=list)
    # Search entries of the records this batch created, and the records it changed
    # (indexed again from the database): the import keeps the index in step itself
    # instead of rebuilding the team's whole index at the end.
    search: list[dict[str, Any]] = field(default_factory=list)
    reindex: dict[str, set[int]] = field(default_factory=dict)
    # Names of accounts people are placed at (their search entry names the account).
    account_names: dict[int, str] = field(default_factory=dict)
    index_texts: dict[str, str] = field(default_factory=dict)
    # Accounts found or created by name while importing people: (name, country) -> id.
    accounts_by_name: dict[tuple[str, str], int] = field(default_factory=dict)
    _names: dict[tuple[Any, Any], str] = field(default_factory=dict)

    # Read for every row written (a million times in a large import): worked out once.
    @functools.cached_property
    def actor_id(self) -> int | None:
        return self.actor.pk if getattr(self.actor, "is_authenticated", False) else None

    @functools.cached_property
    def team_id(self) -> Any:
        return self.team.pk

    def _event(self, action: str, model: Any, pk: Any, text: str, changes: Any) -> None:
        self.audit.append(
            {
                "team_id": self.team_id,
                "actor_id": self.actor_id,
                "action": action,
                "object_type": model._meta.label_lower,
                "object_id": str(pk),
                "object_repr": text[:200],
                "changes": changes,
                "at": self.now,
            }
        )

    @functools.cached_property
    def _created_json(self) -> str:
        """The JSON text of a created entry's changes up to its line number:
        ``{"imported_from": [null, "FILE:`` (the field's own encoder writes it)."""
        encoder = AuditEvent._meta.get_field("changes").encoder or json.JSONEncoder  # type: ignore[attr-defined]
        text = encoder().encode({"imported_from": [None, f"{self.label}:"]})
        assert text.endswith('"]}')
        return text[:-3]

    def audit_created(self, model: Any, obj: Any, line: int) -> None:
        text = str(obj) if isinstance(obj, Model) else str(getattr(obj, "name", "") or obj.pk)
        # ``{"imported_from": [None, "FILE:LINE"]}`` as the text the encoder would write
        # for it (a line number needs no escaping): one format instead of one encode.
        self._event(
            AuditEvent.Action.CREATE,
            model,
            obj.pk,
            text,
            JSONText(f'{self._created_json}{int(line)}"]}}'),
        )

    def created_here(self, obj: Any) -> bool:
        """A record this import created (its creation is the import's entry: what is
        set on it while the import runs is part of that, not a change of its own)."""
        return self.entry_id is not None and getattr(obj, "import_entry_id", None) == self.entry_id

    def audit_updated(self, obj: Any, before: dict[str, Any], line: int) -> None:
        """Audit what changed since ``before`` (from ``values(obj)``), in the words of
        ``core.audit``: related records by name, dates as ISO text."""
        changes: dict[str, list[Any]] = {}
        for model_field in obj._meta.concrete_fields:
            attname = model_field.attname
            if attname in {"updated_at", "created_at"} or attname not in before:
                continue
            old, new = before[attname], getattr(obj, attname)
            if old == new:
                continue
            if model_field.is_relation:
                changes[model_field.name] = [
                    self._name(model_field, old),
                    self._name(model_field, new),
                ]
            else:
                changes[model_field.name] = [_plain(old), _plain(new)]
        if not changes:
            return
        changes["imported_from"] = [None, f"{self.label}:{line}"]
        self._event(AuditEvent.Action.UPDATE, type(obj), obj.pk, str(obj), changes)

    def _name(self, field: Any, pk: Any) -> str | None:
        if pk is None:
            return None
        key = (field.related_model, pk)
        if key not in self._names:
            found = field.related_model._base_manager.filter(pk=pk).first()
            self._names[key] = str(found) if found is not None else str(pk)
        return self._names[key]

    def create_and_update(
        self,
        model: Any,
        new: list[tuple[Any, Pending]],
        matched: list[tuple[Any, int]],
        apply: Any,
        fields: list[str],
    ) -> tuple[dict[int, Any], set[int]]:
        """Insert the new rows (they name the import's entry and their line); apply the
        records to the matched ones and save and audit those that changed. Returns the
        matched instances and changed lines."""
        self.insert(model, [obj for _r, obj in new])
        self.counts.created += len(new)
        existing = model.objects.in_bulk({pk for _r, pk in matched})
        changed, touched = [], set()
        for record, pk in matched:
            obj = existing[pk]
            before = values(obj)
            if apply(obj, record):
                obj.updated_at = self.now
                changed.append(obj)
                touched.add(record.line)
                self.audit_updated(obj, before, record.line)
        _save_changed(changed, [*fields, "updated_at"])
        return existing, touched

    def insert(self, model: Any, objs: list[Pending]) -> None:
        ids = insert_rows(model, [obj.__dict__ for obj in objs], check=self.check)
        for obj, pk in zip(objs, ids, strict=True):
            obj.pk = pk

    def index_new(self, kind: str, pk: int, title: str, body: str) -> None:
        """The search entry of a record this batch created (text from ``index_text``)."""
        self.search.append(
            {
                "team_id": self.team_id,
                "kind": kind,
                "object_id": pk,
                "title_index": title,
                "body_index": body,
                "created_at": self.now,
                "updated_at": self.now,
            }
        )

    def index_again(self, kind: str, ids: Iterable[int]) -> None:
        self.reindex.setdefault(kind, set()).update(ids)

    def flush(self) -> None:
        """Write the batch's audit entries and search entries."""
        insert_rows(AuditEvent, self.audit, check=self.check)
        self.audit = []
        search, self.search = self.search, []
        if search:
            insert_indexed(lambda: insert_rows(SearchEntry, search, check=self.check))
        for kind, ids in self.reindex.items():
            if ids:
                index_records(kind, ids)
        self.reindex = {}

    def aware(self, moment: dt.datetime | None) -> dt.datetime | None:
        if moment is None:
            return None
        if moment.tzinfo is None:
            # fold=0: an ambiguous wall time on the night the clocks go back is the first.
            return moment.replace(tzinfo=self._zone, fold=0)
        return moment

    @functools.cached_property
    def _zone(self) -> dt.tzinfo:
        return timezone.get_current_timezone()


class Pending:
    """A row about to be inserted, by attname; far cheaper than a model instance when a
    million are made. ``pk`` (a plain attribute: it is read millions of times) is set
    by ``Context.insert``."""

    pk: Any = None

    def __init__(self, **values: Any) -> None:
        # The keyword arguments are a new dict already: it becomes the instance's own.
        self.__dict__ = values


def values(obj: Any) -> dict[str, Any]:
    """The stored values of ``obj`` by attname: a cheap "before" (no related lookups)."""
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def _set(obj: Any, name: str, value: Any) -> bool:
    """Set a field when the source gives a value that differs (never erase)."""
    if value in (None, "") or getattr(obj, name) == value:
        return False
    setattr(obj, name, value)
    return True


def _keys(ctx: Context, entity: str, keys: Iterable[str]) -> dict[str, int]:
    column = "account_id" if entity == EntityKind.ACCOUNT else "person_id"
    found = ExternalKey.objects.for_team(ctx.team).filter(
        source=ctx.source, entity=entity, key__in=set(keys)
    )
    return dict(found.values_list("key", column))


def _save_changed(objs: list[Any], fields: list[str]) -> None:
    if objs:
        type(objs[0]).objects.bulk_update(objs, fields, batch_size=500)


class AccountWriter:
    FIELDS = ["name", "org_number", "country", "owner_id", "tier", "customer_since", "notes"]

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.parents: list[tuple[int, AccountRecord]] = []

    def write(self, records: list[AccountRecord]) -> list[Problem]:
        ctx = self.ctx
        team_accounts = Account.objects.for_team(ctx.team)
        orgs = {r.org_number for r in records if r.org_number}
        by_org: dict[tuple[str, str], int] = {}
        for pk, org, country in (
            team_accounts.filter(org_number__in=orgs)
            .order_by("-id")
            .values_list("id", "org_number", "country")
        ):
            by_org[(org, country)] = pk
        by_key = _keys(ctx, EntityKind.ACCOUNT, (r.source_id for r in records if r.source_id))
        by_name: dict[tuple[str, str], int] = {}
        names = {r.name for r in records}
        for pk, name, country in (
            team_accounts.filter(name__in=names)
            .order_by("-id")
            .values_list("id", "name", "country")
        ):
            by_name[(name, country)] = pk

        matched: list[tuple[AccountRecord, int]] = []
        new: list[tuple[AccountRecord, Account]] = []
        pending: dict[tuple[str, str, str], Account] = {}
        for record in records:
            country = record.country or ctx.default_country
            pk = (
                (record.org_number and by_org.get((record.org_number, country)))
                or (record.source_id and by_key.get(record.source_id))
                or by_name.get((record.name, country))
            )
            if pk:
                matched.append((record, pk))
                continue
            # Two lines of one batch for the same new account: the later one updates it.
            keys = [
                ("org", record.org_number, country),
                ("id", record.source_id, ""),
                ("name", record.name, country),
            ]
            twin = next((pending[k] for k in keys if k[1] and k in pending), None)
            if twin is not None:
                self._apply(twin, record)
                ctx.counts.updated += 1
                continue
            account = Pending(
                team_id=ctx.team_id,
                name=record.name,
                org_number=record.org_number,
                country=country,
                tier=record.tier or "customer",
                owner_id=ctx.owners.find(record.owner),
                customer_since=record.customer_since,
                notes=record.notes,
                created_at=ctx.aware(record.created_at) or ctx.now,
                updated_at=ctx.now,
                import_entry_id=ctx.entry_id,
                import_line=record.line,
            )
            for k in keys:
                if k[1]:
                    pending[k] = account
            new.append((record, account))

        existing, touched_lines = ctx.create_and_update(
            Account, new, matched, self._apply, self.FIELDS
        )
        for _record, account in new:
            ctx.index_new(
                Kind.ACCOUNT,
                account.pk,
                index_text(account.name),
                index_text(account.org_number, account.notes),
            )
        changed = {pk for record, pk in matched if record.line in touched_lines}
        if changed:
            # People's entries name their account: a renamed account's people too.
            ctx.index_again(Kind.ACCOUNT, changed)
            ctx.index_again(
                Kind.PERSON,
                PersonRole.objects.filter(account_id__in=changed).values_list(
                    "person_id", flat=True
                ),
            )

        pairs = [*new, *((r, existing[pk]) for r, pk in matched)]
        self._keys_and_domains(pairs, by_key)
        touched_lines |= self._revenues(pairs)
        for record, _pk in matched:
            if record.line in touched_lines:
                ctx.counts.updated += 1
            else:
                ctx.counts.unchanged += 1
        for record, account in pairs:
            if record.parent_id or record.parent_name:
                self.parents.append((account.pk, record))
        return []

    def _apply(self, account: Account, record: AccountRecord) -> bool:
        changed = False
        for name in ("name", "org_number", "tier", "customer_since", "notes"):
            changed |= _set(account, name, getattr(record, name))
        changed |= _set(account, "country", record.country)
        changed |= _set(account, "owner_id", self.ctx.owners.find(record.owner))
        return changed

    def _revenues(self, pairs: list[tuple[AccountRecord, Account]]) -> set[int]:
        """This year's revenue from the source; the lines where it changed."""
        ctx = self.ctx
        wanted = [(r, a) for r, a in pairs if r.revenue is not None]
        if not wanted:
            return set()
        accounts = {a.pk: a for _r, a in wanted}
        year = timezone.localdate().year
        existing = {
            rev.account_id: rev
            for rev in AccountRevenue.objects.filter(
                account_id__in={a.pk for _r, a in wanted}, year=year
            )
        }
        new, changed, touched = [], [], set()
        for record, account in wanted:
            revenue = existing.get(account.pk)
            if revenue is None:
                revenue = Pending(
                    account_id=account.pk,
                    year=year,
                    amount=record.revenue,
                    currency=CURRENCY.get(account.country, "NOK"),
                )
                existing[account.pk] = revenue
                new.append((record, revenue))
                touched.add(record.line)
            elif revenue.amount != Decimal(record.revenue or 0):
                before = values(revenue)
                revenue.amount = record.revenue
                if revenue.pk:
                    changed.append(revenue)
                    ctx.audit_updated(revenue, before, record.line)
                touched.add(record.line)
        ctx.insert(AccountRevenue, [rev for _r, rev in new])
        for record, revenue in new:
            # A new account's revenue is part of its creation; an account Fasit had
            # before gets a revenue row of its own (audited: a re-import's few).
            if not ctx.created_here(accounts[revenue.account_id]):
                ctx.audit_created(AccountRevenue, revenue, record.line)
        _save_changed(changed, ["amount"])
        return touched

    def _keys_and_domains(
        self, pairs: list[tuple[AccountRecord, Account]], by_key: dict[str, int]
    ) -> None:
        ctx = self.ctx
        keys = []
        seen_keys = set(by_key)
        domains = {(a.pk, r.domain) for r, a in pairs if r.domain}
        known = set(
            AccountDomain.objects.filter(account_id__in={pk for pk, _d in domains}).values_list(
                "account_id", "domain"
            )
        )
        for record, account in pairs:
            if record.source_id and record.source_id not in seen_keys:
                seen_keys.add(record.source_id)
                keys.append(
                    Pending(
                        team_id=ctx.team_id,
                        source=ctx.source,
                        entity=EntityKind.ACCOUNT,
                        key=record.source_id,
                        account_id=account.pk,
                    )
                )
        ctx.insert(ExternalKey, keys)
        ctx.insert(AccountDomain, [Pending(account_id=pk, domain=d) for pk, d in domains - known])

    def finish(self) -> list[Problem]:
        """Corporate groups, once every account of the file exists."""
        ctx = self.ctx
        problems = []
        if not self.parents:
            return problems
        by_key = _keys(
            ctx, EntityKind.ACCOUNT, (r.parent_id for _pk, r in self.parents if r.parent_id)
        )
        names = {r.parent_name for _pk, r in self.parents if r.parent_name}
        by_name = dict(
            Account.objects.for_team(ctx.team)
            .filter(name__in=names)
            .order_by("-id")
            .values_list("name", "id")
        )
        accounts = Account.objects.in_bulk({pk for pk, _r in self.parents})
        changed = []
        for pk, record in self.parents:
            parent = (
                by_key.get(record.parent_id)
                if record.parent_id
                else by_name.get(record.parent_name)
            )
            column = "parent_id" if record.parent_id else "parent_name"
            value = record.parent_id or record.parent_name
            if parent is None:
                problems.append(
                    Problem(record.line, column, "parent_not_found", (("value", value),))
                )
                continue
            if parent == pk or self._would_cycle(pk, parent):
                problems.append(
                    Problem(record.line, column, "parent_cycle", (("value", record.name),))
                )
                continue
            account = accounts[pk]
            if account.parent_id != parent:
                before = values(account)
                account.parent_id = parent
                account.updated_at = ctx.now
                changed.append(account)
                if not ctx.created_here(account):
                    ctx.audit_updated(account, before, record.line)
        _save_changed(changed, ["parent_id", "updated_at"])
        return problems

    def _would_cycle(self, pk: int, parent: int) -> bool:
        node, seen = parent, set()
        while node and node not in seen:
            if node == pk:
                return True
            seen.add(node)
            node = Account.objects.filter(pk=node).values_list("parent_id", flat=True).first()
        return False


class PersonWriter:
    FIELDS = ["name", "email", "phone", "country", "notes"]

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.new_roles: list[Any] = []
        self.mobile_label = _("Mobile: %(phone)s")
        # An imported person's data came from another system, not from the person: the
        # team owes them an information notice (GDPR Art. 14) naming the source.
        self.source_detail = (_("Imported from %(file)s") % {"file": ctx.label})[:200]
        # A team with no people yet (a first import, the common large one): every
        # person a line can match was created by this file, so matching looks in
        # these maps instead of asking the database twice per batch.
        self.fresh = not Person.objects.for_team(ctx.team).exists()
        self.emails: dict[str, int] = {}
        self.keys: dict[str, int] = {}
        self.owned: set[int] = set()
        # Likewise for accounts: in a team with none, an account a line names by name
        # and country is one this file created (``ctx.accounts_by_name``) or none.
        self.fresh_accounts = not Account.objects.for_team(ctx.team).exists()
        # Accounts this file created without an owner (and not given one since): known
        # here, so not asked for again.
        self.created_ownerless: set[int] = set()

    def _resolve_accounts(
        self, records: list[PersonRecord]
    ) -> tuple[dict[int, int], list[Problem]]:
        """The account of each record (by line), creating accounts named by people."""
        ctx = self.ctx
        team_accounts = Account.objects.for_team(ctx.team)
        by_key = _keys(ctx, EntityKind.ACCOUNT, (r.account_id for r in records if r.account_id))
        orgs = {r.account_org_number for r in records if r.account_org_number}
        by_org = dict(
            team_accounts.filter(org_number__in=orgs)
            .order_by("-id")
            .values_list("org_number", "id")
        )
        wanted = {
            (r.account_name, r.account_country or r.country or ctx.default_country)
            for r in records
            if r.account_name and not r.account_id
        }
        missing_names = {name for name, _c in wanted if (name, _c) not in ctx.accounts_by_name}
        if missing_names and not self.fresh_accounts:
            for pk, name, country in (
                team_accounts.filter(name__in=missing_names)
                .order_by("-id")
                .values_list("id", "name", "country")
            ):
                ctx.accounts_by_name[(name, country)] = pk
        create: dict[tuple[str, str], Account] = {}
        problems: list[Problem] = []
        result: dict[int, int] = {}
        lines_needing: list[tuple[PersonRecord, tuple[str, str]]] = []
        for record in records:
            if record.account_id:
                pk = by_key.get(record.account_id)
                if pk is None:
                    problems.append(
                        Problem(
                            record.line,
                            "account_id",
                            "account_not_found",
                            (("value", record.account_id),),
                        )
                    )
                else:
                    result[record.line] = pk
                continue
            if record.account_org_number and record.account_org_number in by_org:
                result[record.line] = by_org[record.account_org_number]
                continue
            if not record.account_name:
                continue
            key = (
                record.account_name,
                record.account_country or record.country or ctx.default_country,
            )
            if key in ctx.accounts_by_name:
                result[record.line] = ctx.accounts_by_name[key]
                continue
            if key not in create:
                create[key] = Pending(
                    team_id=ctx.team_id,
                    name=key[0],
                    country=key[1],
                    org_number=record.account_org_number,
                    owner_id=ctx.owners.find(record.owner),
                    created_at=ctx.now,
                    updated_at=ctx.now,
                    # The first line that names it.
                    import_entry_id=ctx.entry_id,
                    import_line=record.line,
                )
            lines_needing.append((record, key))
        new_accounts = list(create.values())
        ctx.insert(Account, new_accounts)
        for key, account in create.items():
            ctx.accounts_by_name[key] = account.pk
            if account.owner_id is None:
                self.created_ownerless.add(account.pk)
            else:
                self.owned.add(account.pk)
            ctx.account_names[account.pk] = account.name
            ctx.index_new(
                Kind.ACCOUNT, account.pk, index_text(account.name), index_text(account.org_number)
            )
        for record, key in lines_needing:
            result[record.line] = ctx.accounts_by_name[key]
        ctx.counts.accounts_created += len(new_accounts)
        return result, problems

    def write(self, records: list[PersonRecord]) -> list[Problem]:
        ctx = self.ctx
        account_of, problems = self._resolve_accounts(records)
        bad_lines = {p.line for p in problems}
        records = [r for r in records if r.line not in bad_lines]
        emails = {r.email for r in records if r.email}
        source_ids = {r.source_id for r in records if r.source_id}
        if self.fresh:
            by_email = {e: self.emails[e] for e in emails if e in self.emails}
            by_key = {k: self.keys[k] for k in source_ids if k in self.keys}
        else:
            by_email = dict(
                Person.objects.for_team(ctx.team)
                .filter(email__in=emails)
                .order_by("-id")
                .values_list("email", "id")
            )
            by_key = _keys(ctx, EntityKind.PERSON, source_ids)

        matched: list[tuple[PersonRecord, int]] = []
        new: list[tuple[PersonRecord, Person]] = []
        pending: dict[tuple[str, str], Person] = {}
        twins: list[tuple[PersonRecord, Person]] = []
        for record in records:
            pk = (record.email and by_email.get(record.email)) or (
                record.source_id and by_key.get(record.source_id)
            )
            if pk:
                matched.append((record, pk))
                continue
            # A twin earlier in the batch: by e-mail first, then by the source's id.
            email_key = ("email", record.email) if record.email else None
            id_key = ("id", record.source_id) if record.source_id else None
            twin = (email_key and pending.get(email_key)) or (id_key and pending.get(id_key))
            if twin is not None:
                twins.append((record, twin))
                continue
            person = Pending(
                team_id=ctx.team_id,
                name=record.name,
                email=record.email,
                phone=record.phone or record.mobile,
                country=record.country or ctx.default_country,
                notes=self._notes(record, ""),
                legal_basis=ctx.legal_basis,
                legal_basis_recorded_on=ctx.legal_basis_recorded_on,
                legal_basis_recorded_by_id=ctx.actor_id,
                data_source=DataSource.OTHER,
                data_source_detail=self.source_detail,
                created_at=ctx.aware(record.created_at) or ctx.now,
                updated_at=ctx.now,
                import_entry_id=ctx.entry_id,
                import_line=record.line,
            )
            if email_key:
                pending[email_key] = person
            if id_key:
                pending[id_key] = person
            new.append((record, person))
        for record, twin in twins:
            self._apply(twin, record)
        ctx.counts.updated += len(twins)
        existing, touched_lines = ctx.create_and_update(
            Person, new, matched, self._apply, self.FIELDS
        )
        if self.fresh:
            # What the database query would find next time: the first person with an
            # e-mail address (the lowest id), under their address as it is now.
            for _record, person in new:
                if person.email:
                    self.emails.setdefault(person.email, person.pk)
            for person in existing.values():
                if person.email:
                    self.emails.setdefault(person.email, person.pk)

        pairs = [(r, p.pk) for r, p in new] + [(r, p.pk) for r, p in twins] + matched
        created = {p.pk for _r, p in new}
        touched_lines |= self._roles(pairs, account_of, created)
        self._index(new, matched, touched_lines)
        touched_lines |= self._dates(pairs, created)
        self._external_keys(pairs, by_key)
        self._account_owners(pairs, account_of)
        for record, _pk in matched:
            if record.line in touched_lines:
                ctx.counts.updated += 1
            else:
                ctx.counts.unchanged += 1
        return problems

    def _index(
        self,
        new: list[tuple[PersonRecord, Pending]],
        matched: list[tuple[PersonRecord, int]],
        touched_lines: set[int],
    ) -> None:
        """Search entries of the people created (what ``search.documents`` indexes:
        name; e-mail, each role as title and account, notes), and the changed ones
        again."""
        ctx = self.ctx
        created = {person.pk for _r, person in new}
        places: dict[int, list[tuple[str, int]]] = {}
        for role in self.new_roles:
            if role.person_id in created:
                places.setdefault(role.person_id, []).append((role.title, role.account_id))
        wanted = {a for found in places.values() for _t, a in found} - set(ctx.account_names)
        if wanted:
            ctx.account_names.update(
                Account.objects.filter(pk__in=wanted).values_list("id", "name")
            )
        names = ctx.account_names
        # Names, titles and account names repeat over thousands of rows: their index
        # text is worked out once (``index_text`` of parts is the parts' texts joined).
        cached = ctx.index_texts
        if len(cached) > 100_000:  # a file where every title is its own
            cached.clear()
        for record, person in new:
            parts = [
                record.email_index if person.email == record.email else index_text(person.email)
            ]
            for title, account in places.get(person.pk, ()):
                for text in (title, names[account]):
                    if text not in cached:
                        cached[text] = index_text(text)
                    parts.append(cached[text])
            if person.notes:
                parts.append(index_text(person.notes))
            if person.name not in cached:
                cached[person.name] = index_text(person.name)
            ctx.index_new(
                Kind.PERSON, person.pk, cached[person.name], " ".join(filter(None, parts))
            )
        ctx.index_again(Kind.PERSON, {pk for record, pk in matched if record.line in touched_lines})

    def _notes(self, record: PersonRecord, current: str) -> str:
        notes = record.notes or current
        # Fasit keeps one phone per person; a second number is kept where people see it.
        if record.mobile and record.phone and record.mobile != record.phone:
            line = self.mobile_label % {"phone": record.mobile}
            if record.mobile not in notes:
                notes = f"{notes}\n{line}".strip()
        return notes

    def _apply(self, person: Person, record: PersonRecord) -> bool:
        changed = False
        changed |= _set(person, "name", record.name)
        changed |= _set(person, "email", record.email)
        changed |= _set(person, "phone", record.phone or record.mobile)
        changed |= _set(person, "country", record.country)
        changed |= _set(person, "notes", self._notes(record, person.notes))
        return changed

    def _roles(
        self,
        pairs: list[tuple[PersonRecord, int]],
        account_of: dict[int, int],
        created: set[int],
    ) -> set[int]:
        ctx = self.ctx
        self.new_roles = []
        wanted = [(r, pk, account_of[r.line]) for r, pk in pairs if r.line in account_of]
        if not wanted:
            return set()
        # People this batch created have no roles yet: only the others are looked up.
        lookup = {pk for _r, pk, _a in wanted if pk not in created}
        existing = {
            (role.person_id, role.account_id): role
            for role in (PersonRole.objects.filter(person_id__in=lookup) if lookup else ())
        }
        new, changed, touched = [], [], set()
        for record, person_id, account_id in wanted:
            role = existing.get((person_id, account_id))
            if role is None:
                role = Pending(
                    person_id=person_id,
                    account_id=account_id,
                    title=record.title,
                    buying_role=record.buying_role,
                )
                existing[(person_id, account_id)] = role
                new.append(role)
                touched.add(record.line)
                continue
            before = values(role)
            if _set(role, "title", record.title) | _set(role, "buying_role", record.buying_role):
                if role.pk:
                    changed.append(role)
                    ctx.audit_updated(role, before, record.line)
                touched.add(record.line)
        ctx.insert(PersonRole, new)
        self.new_roles = new
        _save_changed(changed, ["title", "buying_role"])
        return touched

    def _dates(self, pairs: list[tuple[PersonRecord, int]], created: set[int]) -> set[int]:
        ctx = self.ctx
        wanted: list[tuple[PersonRecord, int, str, PartialDate]] = []
        for record, pk in pairs:
            if record.birthday:
                wanted.append((record, pk, ImportantDate.Kind.BIRTHDAY, record.birthday))
            if record.anniversary:
                wanted.append((record, pk, ImportantDate.Kind.OTHER, record.anniversary))
        if not wanted:
            return set()
        label = _("Anniversary")
        existing: dict[tuple[int, str], ImportantDate] = {}
        lookup = {pk for _r, pk, _k, _d in wanted if pk not in created}
        if lookup:
            for item in ImportantDate.objects.filter(person_id__in=lookup).filter(
                Q(kind=ImportantDate.Kind.BIRTHDAY) | Q(kind=ImportantDate.Kind.OTHER, label=label)
            ):
                existing.setdefault((item.person_id, item.kind), item)
        new, changed, touched = [], [], set()
        for record, pk, kind, date in wanted:
            item = existing.get((pk, kind))
            if item is None:
                item = Pending(
                    person_id=pk,
                    kind=kind,
                    month=date.month,
                    day=date.day,
                    year=date.year,
                    label=label if kind == ImportantDate.Kind.OTHER else "",
                    created_at=ctx.now,
                    updated_at=ctx.now,
                )
                existing[(pk, kind)] = item
                new.append(item)
                touched.add(record.line)
                continue
            before = values(item)
            if (item.month, item.day, item.year) != (date.month, date.day, date.year) and item.pk:
                item.month, item.day, item.year = date.month, date.day, date.year
                item.updated_at = ctx.now
                changed.append(item)
                ctx.audit_updated(item, before, record.line)
                touched.add(record.line)
        ctx.insert(ImportantDate, new)
        _save_changed(changed, ["month", "day", "year", "updated_at"])
        return touched

    def _external_keys(self, pairs: list[tuple[PersonRecord, int]], by_key: dict[str, int]) -> None:
        ctx = self.ctx
        seen = set(by_key)
        keys = []
        for record, pk in pairs:
            if record.source_id and record.source_id not in seen:
                seen.add(record.source_id)
                keys.append(
                    Pending(
                        team_id=ctx.team_id,
                        source=ctx.source,
                        entity=EntityKind.PERSON,
                        key=record.source_id,
                        person_id=pk,
                    )
                )
        ctx.insert(ExternalKey, keys)
        if self.fresh:
            for key in keys:
                self.keys[key.key] = key.person_id

    def _account_owners(
        self, pairs: list[tuple[PersonRecord, int]], account_of: dict[int, int]
    ) -> None:
        """Fasit keeps owners on accounts: a contact's owner becomes the owner of their
        account when it has none yet."""
        ctx = self.ctx
        owner_of: dict[int, int] = {}
        for record, _pk in pairs:
            if record.owner and record.line in account_of:
                owner = ctx.owners.find(record.owner)
                if owner:
                    owner_of.setdefault(account_of[record.line], owner)
        # Accounts this file has seen with an owner keep it: only the others are asked.
        unknown = set(owner_of) - self.owned
        if not unknown:
            return
        by_owner: dict[int, list[int]] = {}
        # Accounts this file created are known without a query (and their owner is part
        # of their creation: no audit entry of its own).
        for pk in unknown & self.created_ownerless:
            by_owner.setdefault(owner_of[pk], []).append(pk)
        self.created_ownerless -= unknown
        asked = unknown - set().union(*by_owner.values())
        ownerless = Account.objects.filter(pk__in=asked, owner__isnull=True) if asked else ()
        for account in ownerless:
            before = values(account)
            account.owner_id = owner_of[account.pk]
            account.updated_at = ctx.now
            by_owner.setdefault(account.owner_id, []).append(account.pk)
            if not ctx.created_here(account):
                ctx.audit_updated(account, before, 0)
        # A team has a handful of owners: one UPDATE per owner instead of a bulk_update,
        # whose CASE per row cost more to build than the thousands of accounts a large
        # file's first batches leave without one. (``update`` passes the same guard.)
        for owner, ids in by_owner.items():
            for start in range(0, len(ids), 5000):
                Account.objects.filter(pk__in=ids[start : start + 5000]).update(
                    owner_id=owner, updated_at=ctx.now
                )
        self.owned |= unknown

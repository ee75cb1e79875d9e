"""Accounts, people (with roles and the human profile), conversations and follow-ups
as tables for CSV and Excel, and people as vCards.

Rows are produced as a stream from the same selectors the list pages use, so an
export of a filtered list has exactly the rows of that list, and a team of a million
people exports in bounded memory.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from fasit.conversations.models import Conversation, FollowUp
from fasit.core.forms import user_label
from fasit.customers.models import Account, ImportantDate, Person, PersonRole
from fasit.engine.transfer.vcard import VCardPerson, write_vcard

CHUNK = 2000
WHAT = ("accounts", "people", "conversations", "follow_ups")


def _user(user: Any) -> str:
    return user_label(user) if user is not None else ""


def _local(moment: Any) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def account_table(accounts: QuerySet[Account]) -> tuple[list[str], Iterator[list[Any]]]:
    header = [
        _("Id"), _("Name"), _("Organisation number"), _("Country"), _("Tier"),
        _("Customer category"), _("Owner"), _("Customer since"), _("Corporate group"),
        _("People"), _("Last conversation"), _("Yearly revenue"), _("Revenue year"),
        _("Currency"), _("Notes"), _("Created"),
    ]  # fmt: skip

    def rows() -> Iterator[list[Any]]:
        queryset = accounts.select_related("owner", "category", "parent").prefetch_related(
            "revenues"
        )
        for a in queryset.iterator(chunk_size=CHUNK):
            revenue = max(a.revenues.all(), key=lambda r: r.year, default=None)
            yield [
                a.pk, a.name, a.org_number, a.country, a.get_tier_display(),
                a.category.name if a.category else "", _user(a.owner),
                a.customer_since.isoformat() if a.customer_since else "",
                a.parent.name if a.parent else "", getattr(a, "people_count", ""),
                _local(getattr(a, "last_conversation_at", None)),
                revenue.amount if revenue else "", revenue.year if revenue else "",
                revenue.currency if revenue else "", a.notes, _local(a.created_at),
            ]  # fmt: skip

    return header, rows()


def _date_text(item: ImportantDate) -> str:
    when = (
        f"{item.year:04d}-{item.month:02d}-{item.day:02d}"
        if item.year
        else f"--{item.month:02d}-{item.day:02d}"
    )
    return f"{item.label or item.get_kind_display()}: {when}"


def person_table(people: QuerySet[Person]) -> tuple[list[str], Iterator[list[Any]]]:
    header = [
        _("Id"), _("Name"), _("E-mail"), _("Phone"), _("Country"), _("Roles"), _("Accounts"),
        _("Preferred way to meet"), _("What matters to them"), _("Notes"), _("Family"),
        _("Interests"), _("Life events"), _("Important dates"), _("Legal basis"),
        _("Legal basis recorded on"), _("Created"),
    ]  # fmt: skip

    def rows() -> Iterator[list[Any]]:
        queryset = people.prefetch_related(None).prefetch_related(
            Prefetch("roles", queryset=PersonRole.objects.select_related("account")),
            "familymembers", "interests", "lifeevents", "importantdates",
        )  # fmt: skip
        for p in queryset.iterator(chunk_size=CHUNK):
            roles = list(p.roles.all())
            yield [
                p.pk, p.name, p.email, p.phone, p.country,
                "; ".join(
                    " – ".join(x for x in (r.title, r.account.name, r.get_buying_role_display()) if x)
                    for r in roles
                ),
                "; ".join(r.account.name for r in roles),
                p.get_preferred_meeting_display() if p.preferred_meeting else "",
                p.what_matters, p.notes,
                "; ".join(str(f) for f in p.familymembers.all()),
                "; ".join(i.name for i in p.interests.all()),
                "; ".join(f"{e.date.isoformat()}: {e.text}" for e in p.lifeevents.all()),
                "; ".join(_date_text(d) for d in p.importantdates.all()),
                p.get_legal_basis_display(), p.legal_basis_recorded_on.isoformat(),
                _local(p.created_at),
            ]  # fmt: skip

    return header, rows()


def conversation_table(
    conversations: QuerySet[Conversation],
) -> tuple[list[str], Iterator[list[Any]]]:
    header = [
        _("Id"), _("When"), _("Kind"), _("Account"), _("Subject"), _("Initiated by"),
        _("The customer answered"), _("Customer participants"), _("Our participants"),
        _("Notes"), _("Follow-ups"),
    ]  # fmt: skip

    def rows() -> Iterator[list[Any]]:
        queryset = conversations.select_related("account").prefetch_related(
            "people", "users", "follow_ups"
        )
        for c in queryset.iterator(chunk_size=CHUNK):
            yield [
                c.pk, _local(c.occurred_at), c.get_kind_display(), c.account.name, c.subject,
                c.get_initiated_by_display(), _("yes") if c.customer_replied else _("no"),
                "; ".join(p.name for p in c.people.all()),
                "; ".join(_user(u) for u in c.users.all()), c.notes,
                "; ".join(f.task for f in c.follow_ups.all()),
            ]  # fmt: skip

    return header, rows()


def follow_up_table(conversations: QuerySet[Conversation]) -> tuple[list[str], Iterator[list[Any]]]:
    header = [
        _("Id"), _("Task"), _("Owner"), _("Due date"), _("Done"), _("Done at"),
        _("Conversation"), _("Account"), _("When"),
    ]  # fmt: skip
    follow_ups = FollowUp.objects.filter(
        conversation__in=conversations.values("pk")
    ).select_related("owner", "conversation__account")

    def rows() -> Iterator[list[Any]]:
        for f in follow_ups.order_by("done", "due_date", "id").iterator(chunk_size=CHUNK):
            yield [
                f.pk, f.task, _user(f.owner), f.due_date.isoformat() if f.due_date else "",
                _("yes") if f.done else _("no"), _local(f.done_at), f.conversation_id,
                f.conversation.account.name, _local(f.conversation.occurred_at),
            ]  # fmt: skip

    return header, rows()


def _cell(value: Any) -> Any:
    # A cell that starts like a formula is data, not a formula, when the file is opened.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") and not value[1:2].isdigit():
        return "'" + value
    return value


def csv_stream(header: list[str], rows: Iterable[list[Any]]) -> Iterator[str]:
    """CSV text in pieces (UTF-8 with a byte-order mark so Excel reads ø and å)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(header)
    for count, row in enumerate(rows, start=1):
        writer.writerow([_cell(v) for v in row])
        if count % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def write_xlsx(sheets: list[tuple[str, list[str], Iterable[list[Any]]]], path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(
        str(path), {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    bold = book.add_format({"bold": True})
    # Amounts are numbers, not text, with Excel's thousands separator: each reader's
    # Excel then shows them in their own locale's one format (7,000,000 / 7 000 000).
    amount = book.add_format({"num_format": "#,##0.00"})
    for name, header, rows in sheets:
        sheet = book.add_worksheet(name[:31])
        sheet.write_row(0, 0, header, bold)
        sheet.freeze_panes(1, 0)
        for index, row in enumerate(rows, start=1):
            for column, value in enumerate(row):
                if isinstance(value, Decimal):
                    sheet.write_number(index, column, float(value), amount)
                else:
                    sheet.write(
                        index, column, value if isinstance(value, int | float | str) else str(value)
                    )
    book.close()


def xlsx_file(sheets: list[tuple[str, list[str], Iterable[list[Any]]]]) -> Path:
    handle = tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False)  # noqa: SIM115
    handle.close()
    path = Path(handle.name)
    write_xlsx(sheets, path)
    return path


def vcards(people: QuerySet[Person], team: Any) -> Iterator[str]:
    """One vCard 3.0 per person: name, first role's account and title, e-mail, phone,
    birthday (with or without a year), anniversary and what matters as the note."""
    queryset = people.prefetch_related(None).prefetch_related(
        Prefetch("roles", queryset=PersonRole.objects.select_related("account")), "importantdates"
    )
    for person in queryset.iterator(chunk_size=CHUNK):
        roles = list(person.roles.all())
        dates = list(person.importantdates.all())
        birthday = next((d for d in dates if d.kind == ImportantDate.Kind.BIRTHDAY), None)
        anniversary = next(
            (
                d
                for d in dates
                if d.kind == ImportantDate.Kind.OTHER and d.label == _("Anniversary")
            ),
            None,
        )
        yield write_vcard(
            VCardPerson(
                uid=f"fasit-{team.slug}-person-{person.pk}",
                name=person.name,
                org=roles[0].account.name if roles else "",
                title=roles[0].title if roles else "",
                email=person.email,
                phone=person.phone,
                birthday=(birthday.year, birthday.month, birthday.day) if birthday else None,
                anniversary=(anniversary.year, anniversary.month, anniversary.day)
                if anniversary
                else None,
                note=person.what_matters,
                revision=person.updated_at.strftime("%Y%m%dT%H%M%SZ"),
            )
        )

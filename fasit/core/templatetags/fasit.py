from __future__ import annotations

from typing import Any

from django import template
from django.http import QueryDict
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from fasit.core import formatting
from fasit.core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str) -> SafeString:
    return render_markdown(text or "")


@register.filter
def display_name(user: object) -> str:
    """A team user's full name, else username; empty for no user."""
    if user is None:
        return ""
    full = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return full or getattr(user, "username", "")


# One format per language for every value a person reads (see fasit/formats): use
# these rather than |date:"…" or |floatformat so a page never mixes two styles.
@register.filter
def change_value(value: Any) -> str:
    """One side of an audited change as text: "—" for nothing, yes/no, lists joined."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, list):
        return ", ".join(change_value(v) for v in value)
    return str(value)


@register.filter
def day(value: Any) -> str:
    """A date (or the local date of a moment): 5 Dec 2026 · 2026-12-05 · 05.12.2026."""
    return formatting.format_date(value)


@register.filter
def moment(value: Any) -> str:
    """A date and a 24-hour time in the user's time zone."""
    return formatting.format_datetime(value)


@register.filter
def day_month(value: Any) -> str:
    """A day without its year: 5 Dec · 5 dec · 5. des."""
    return formatting.format_day_month(value)


@register.filter
def axis_month(value: Any) -> str:
    """A month on a chart axis: Dec 26 · dec 26."""
    return formatting.format_axis_month(value)


@register.filter
def pct(value: Any, decimals: int = 0) -> str:
    """43% · 43 %: a share in per cent, in the language's one style."""
    return "" if value in (None, "") else formatting.format_percent(value, int(decimals))


@register.filter
def number(value: Any, decimals: int = 0) -> str:
    """7,000,000 · 7 000 000 · 7.000.000."""
    return "" if value in (None, "") else formatting.format_number(value, int(decimals))


@register.filter
def amount(value: Any, currency: str = "") -> str:
    """A whole amount with its currency code on one line: 7,000,000 NOK."""
    return "" if value in (None, "") else formatting.format_money(value, currency)


@register.inclusion_tag("_sort_links.html", takes_context=True)
def sort_links(context: Any, *columns: str) -> dict[str, Any]:
    """For a list of cards (no table, so no column headers): the same choices as
    ``sort_header`` as a row of links, ``columns`` given as key, label, key, label ….
    The current order is marked with ``aria-current`` and said in words."""
    links = []
    for key, label in zip(columns[::2], columns[1::2], strict=True):
        header = sort_header(context, key, label)
        links.append({**header, "key": key})
    return {"links": links}


@register.inclusion_tag("_sort_header.html", takes_context=True)
def sort_header(context: Any, key: str, label: str) -> dict[str, Any]:
    """A sortable column header: a link to the list in the other order (keeping the
    filters, back to page 1), ``aria-sort`` on the column the list is sorted by."""
    sorting = context.get("sorting")
    request = context.get("request")
    query = request.GET.copy() if request is not None else QueryDict(mutable=True)
    query.pop("page", None)
    if sorting is not None:
        query["sort"] = sorting.next_param(key)
    return {
        "label": label,
        "aria": sorting.aria(key) if sorting is not None else "",
        "href": "?" + query.urlencode(),
    }

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format, localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from fasit.core.cache import team_cached
from fasit.core.forms import add_service_errors
from fasit.core.templatetags.fasit import amount, display_name
from fasit.core.views import (
    Sorting,
    detached_page,
    flash_form_errors,
    requested_sort,
    sort_rows,
)
from fasit.customers.models import Account, Person, Tier
from fasit.relationships import explain, feeds, memo, selectors, services, snapshots
from fasit.relationships.forms import (
    BeingOnFilterForm,
    DatesFilterForm,
    FeedKindsForm,
    MineForm,
    NormsForm,
    OverrideForm,
    ReminderForm,
)
from fasit.relationships.models import CalendarFeed
from fasit.relationships.templatetags.relationships import (
    arrow,
    bar,
    health_class,
    next_step,
    part_labels,
    sparkline,
)
from fasit.tenancy.access import get_for_team_or_404, owner_required, team_required, write_required
from fasit.tenancy.currency import rates_date
from fasit.tenancy.selectors import read_version

DEFAULT_DAYS = 14


def _mine(request: HttpRequest, form_class: Any = MineForm) -> Any:
    form = form_class(request.GET or None)
    return form, (request.user if form.is_valid() and form.cleaned_data["mine"] else None)


PAGE_SIZE = 50


def _page_rows(team: Any, ids: list[int], *, today: Any) -> dict[int, selectors.AccountRow]:
    """Full assessments of the accounts on one page (a GET writes nothing: the
    snapshots that order the pages are written by the nightly refresh), each kept
    until its account changes (``memo.py``)."""
    return snapshots.kept_rows(team, ids, today=today)


def _cache_name(request: HttpRequest, page: str, owner: Any, sorting: Sorting) -> str:
    # One entry per scope, order and page: the rows are sorted before they are paged.
    return f"{page}:{owner.pk if owner else 'team'}:{sorting.param}:{request.GET.get('page', '')}"


def _cached_page(
    request: HttpRequest,
    template: str,
    name: str,
    page: Callable[[], dict[str, Any]],
    context: dict[str, Any],
) -> HttpResponse:
    """``template`` with everything under the page frame (its ``body`` partial: rows,
    totals, filter form, order links, pages) rendered once per change of team data and
    cached as HTML: the form's widgets, the order links and the pages were most of a
    warm request's CPU once the rows were cached. The query string as sent is in the
    key (the links repeat it); the scope (``mine``) is in ``name``. Nothing in a body
    may depend on the user's role or carry a CSRF token."""

    def body() -> str:
        return render_to_string(f"{template}#body", {**page(), **context}, request=request)

    html = team_cached(
        request.team,  # type: ignore[attr-defined]
        f"{name}-html?{request.META.get('QUERY_STRING', '')}",
        body,
        version=read_version(request),
    )
    return render(request, template, {"body_html": html})


def _being_on_rows_html(rows: dict[int, selectors.AccountRow]) -> dict[int, SafeString]:
    """Each row of the Being on page as its template's ``row`` partial renders it,
    built in Python: the template's tags, filters and translations per row (a link, a
    sparkline, a bar, several blocktranslates, an include) were most of the page's
    first request. Translations without values are looked up once per page, numbers
    localised as the template does, every value escaped as the template escapes it.
    The HTML is the same as the partial's (``test_being_on_rows.py`` compares them)."""
    account_url = _url_of("accounts:detail")
    today = timezone.localdate()
    never = _("never")
    never_contacted = _("Never contacted by us")
    attention = _("Needs attention")
    their_today = _("last real contact today, their initiative")
    # As ``get_tier_display`` shows each tier, looked up once per page: it hashed every
    # lazy label of the field's choices (a translation each) for each row, a tenth of
    # the page's first request.
    tier_labels = {
        value: str(label) for value, label in Account._meta.get_field("tier").flatchoices
    }

    numbers: dict[Any, str] = {}

    def number(value: Any) -> str:
        # As ``{{ value }}`` (and a blocktranslate's values) show a number; each value
        # localised once per page (the same few dozen days and counts recur).
        text = numbers.get(value)
        if text is None:
            text = numbers[value] = conditional_escape(localize(value))
        return text

    dates: dict[Any, str] = {}

    def short_date(day: Any) -> str:
        # As ``|date:"SHORT_DATE_FORMAT"``, once per day (Django's formatter is slow).
        text = dates.get(day)
        if text is None:
            text = dates[day] = conditional_escape(date_format(day, "SHORT_DATE_FORMAT"))
        return text

    html: dict[int, SafeString] = {}
    for pk, r in rows.items():
        a = r.assessment
        account = r.account
        out = [
            f'\n    <tr>\n      <td><a href="{account_url(account.pk)}">'
            f"{conditional_escape(account.name)}</a> "
            f'<span class="badge {conditional_escape(account.tier)}">'
            f"{conditional_escape(tier_labels.get(account.tier, account.tier))}</span>\n        "
        ]
        if a.alerts:
            alert = a.alerts[0]
            out.append('<br><span class="small trend-down">')
            if alert.code == "going_dark":
                out.append(
                    _(
                        "Going dark: %(days)s days since we last took the initiative, "
                        "norm %(norm)s, behind since %(since)s"
                    )
                    % {
                        "days": number(alert.days),
                        "norm": number(alert.norm_days),
                        "since": short_date(alert.since),
                    }
                )
                if alert.count:
                    out.append(
                        " · "
                        + _("%(n)s of %(total)s of their people still reach out")
                        % {"n": number(alert.count), "total": number(alert.total)}
                    )
            elif alert.code == "never_contacted":
                out.append(never_contacted)
            else:
                out.append(attention)
            out.append("</span>")
        out.append(
            f'</td>\n      <td><span class="score {health_class(a.health)}">{number(a.health)}'
            f'</span> <span class="trend-{conditional_escape(a.trend)}">'
            f"{conditional_escape(arrow(a.trend))}</span></td>\n      <td>"
        )
        if a.days_since_our_contact is None:
            out.append(f'<span class="muted">{never}</span>')
        else:
            days = a.days_since_our_contact
            out.append(ngettext("%(days)s day", "%(days)s days", days) % {"days": number(days)})
        out.append(f' <span class="small muted">/ {number(a.norm_days)}</span>')
        if a.last_contact_theirs:
            # relationships/_last_contact.html
            ago = (today - a.last_contact).days  # type: ignore[operator]
            said = (
                their_today
                if ago == 0
                else ngettext(
                    "last real contact %(days)s day ago, their initiative",
                    "last real contact %(days)s days ago, their initiative",
                    ago,
                )
                % {"days": number(ago)}
            )
            out.append(f'<br><span class="small muted"> · {said}</span>')
        coverage = a.coverage
        out.append(
            f"</td>\n      <td>{sparkline(a.monthly_ours, a.monthly_theirs)}</td>\n"
            f"      <td>{bar(coverage.in_contact, coverage.on_record, 70)} "
            f'<span class="small">{number(coverage.in_contact)}/{number(coverage.on_record)}'
            "</span></td>\n      <td>"
        )
        if r.revenue is not None:
            out.append(conditional_escape(amount(a.revenue_at_risk, r.currency)))
            if r.currency != r.team_currency and r.at_risk_team is not None:
                out.append(
                    '<br><span class="small muted">≈ '
                    f"{conditional_escape(amount(r.at_risk_team, r.team_currency))}</span>"
                )
        else:
            out.append("—")
        out.append(
            f'</td>\n      <td class="small">{conditional_escape(next_step(r))}</td>\n    </tr>\n  '
        )
        # Every value above is escaped (or a tag's safe output); the rows go into the
        # list's partial as they are, as the partial's own output did.
        html[pk] = mark_safe("".join(out))  # noqa: S308
    return html


#: Being on: the ranking (revenue at risk in the team's currency, largest first) is
#: the default; the other columns whose values every ranked account carries sort too.
BEING_ON_SORTS: dict[str, Callable[[Any], Any] | None] = {
    "risk": None,
    "account": lambda e: e.name.casefold(),
    "health": lambda e: e.health,
}

#: Key accounts: least known first (the ranking) is the default.
KEY_ACCOUNT_SORTS: dict[str, Callable[[Any], Any] | None] = {
    "knowledge": None,
    "account": lambda e: e.name.casefold(),
    "people": lambda e: e.knowledge.people,
    "known_well": lambda e: e.knowledge.known_well,
    "owner": lambda e: display_name(e.owner).casefold() if e.owner else None,
}


#: An id no record has, reversed once and replaced by each record's (``_url_of``).
_URL_SENTINEL = 987654321987


def _url_of(name: str) -> Callable[[int], str]:
    """``reverse(name, args=[pk])`` for any ``pk``, from one reverse: a page of key
    accounts links some 460 people and accounts, and a reverse each was a sixth of
    rendering them."""
    head, sep, tail = reverse(name, args=[_URL_SENTINEL]).partition(str(_URL_SENTINEL))
    if not sep or str(_URL_SENTINEL) in tail:  # not a plain ``<int:pk>`` route
        return lambda pk: reverse(name, args=[pk])
    return lambda pk: f"{head}{pk}{tail}"


def _key_account_cards_html(cards: list[selectors.KeyAccountCard]) -> list[str]:
    """The key accounts' cards as the template's cards partial drew them
    (``test_key_account_cards.py`` keeps it and compares, byte for byte, in each
    language), built in Python: the partial's tags and variables per person (~410 people
    on a page) were the largest part of the page's first request once the values were
    worked out. URL patterns are reversed once, labels translated once per page, role
    labels once per role, numbers localised and the missing parts' labels escaped once
    per value; every value is escaped as the template escaped it.

    Returns the HTML cut at each card's health (which reads conversations and is worked
    out after every change): ``len(cards) + 1`` pieces, the ``i``-th card's health going
    between pieces ``i`` and ``i + 1`` (``_with_healths``)."""
    if not cards:
        none_yet = conditional_escape(_("No key accounts yet."))
        return [f'<p class="muted">{none_yet}</p>\n']
    person_url, account_url = _url_of("people:detail"), _url_of("accounts:detail")
    score_title = conditional_escape(_("Knowledge score"))
    missing_label = conditional_escape(_("missing:"))
    # Translated outside the f-strings, where makemessages would not find them.
    nobody_label = conditional_escape(_("nobody on record"))
    role_head = conditional_escape(_("Buying role"))
    people_head = conditional_escape(_("People"))
    well_head = conditional_escape(_("Known well"))
    best_head = conditional_escape(_("Best known"))
    nobody = f'<span class="trend-down">{nobody_label}</span>'
    # After the known-well line (``.format`` would read braces in a translation).
    head = (
        '</p>\n  <table class="compact responsive">\n'
        f"    <thead><tr><th>{role_head}</th><th>{people_head}</th><th>{well_head}</th>"
        f"<th>{best_head}</th></tr></thead>\n    <tbody>"
    )
    known_well = _("%(well)s of %(total)s people known well · owner %(owner)s")
    numbers: dict[int, str] = {}
    labels: dict[str, str] = {}
    missing_of: dict[tuple[str, ...], str] = {}

    def number(n: int) -> str:
        # As ``{{ n }}`` shows an integer, once per value.
        text = numbers.get(n)
        if text is None:
            text = numbers[n] = conditional_escape(localize(n))
        return text

    pieces: list[str] = []
    out: list[str] = []
    for card in cards:
        knowledge = card.knowledge
        out.append(
            f'\n<section class="card">\n  <h2><a href="{conditional_escape(account_url(card.account_id))}">'
            f"{conditional_escape(card.name)}</a>\n"
            f'    <span class="score {health_class(knowledge.score)}" title="{score_title}">'
            f"{number(knowledge.score)}</span>\n    "
        )
        pieces.append("".join(out))
        owner = conditional_escape(display_name(card.owner) or "—")
        out = [
            '</h2>\n  <p class="small muted">',
            known_well
            % {
                "well": number(knowledge.known_well),
                "total": number(knowledge.people),
                "owner": owner,
            },
            head,
        ]
        for k, best in card.roles:
            label = labels.get(k.role)
            if label is None:
                label = labels[k.role] = conditional_escape(explain.role_label(k.role))
            out.append(
                f"<tr><td>{label}</td><td>{number(k.people)}</td>"
                f"<td>{number(k.known_well)}</td>\n      <td>"
            )
            for i, (pk, name, known) in enumerate(best):
                if i:
                    out.append("<br>")
                out.append(
                    f'<a href="{conditional_escape(person_url(pk))}">{conditional_escape(name)}</a> '
                    f'<span class="score {health_class(known.score)}">{number(known.score)}</span>'
                )
                missing = known.missing
                if missing:
                    text = missing_of.get(missing)
                    if text is None:
                        text = missing_of[missing] = conditional_escape(part_labels(missing))
                    out.append(f' <span class="small muted">{missing_label} {text}</span>')
            if not k.people:
                out.append(nobody)
            out.append("</td></tr>")
        out.append("</tbody>\n  </table>\n</section>\n")
    out.append("\n")
    pieces.append("".join(out))
    return pieces


def _key_account_healths_html(healths: list[selectors.HealthMark | None]) -> list[str]:
    """Each card's health as the template's health partial drew it (kept in
    ``test_key_account_cards.py``), nothing for an account without one."""
    word = conditional_escape(_("health"))
    going_dark = conditional_escape(_("going dark"))
    dark = f' · <span class="trend-down">{going_dark}</span>'
    return [
        (
            f'<span class="small muted">{word} {conditional_escape(localize(h.health))} '
            f"{conditional_escape(arrow(h.trend))}{dark if h.going_dark else ''}</span>"
        )
        if h
        else ""
        for h in healths
    ]


def _with_healths(pieces: list[str], healths: list[str]) -> str:
    """The cards' pieces (``_key_account_cards_html``) with each card's health between."""
    out = [pieces[0]]
    for health, piece in zip(healths, pieces[1:], strict=True):
        out.append(health)
        out.append(piece)
    return "".join(out)


@team_required
def key_accounts(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    form, owner = _mine(request)
    today = timezone.localdate()

    sorting = requested_sort(request, KEY_ACCOUNT_SORTS, "knowledge")

    def knowledge() -> tuple[list[str], list[int], Any]:
        # Ranked by knowledge, which reads every key account's people, and a long page
        # to render: both once per change of the people's data (and order, page). Only
        # the accounts shown get their cards (people by role). Each card's health reads
        # conversations, so the cards are kept cut where each health goes and a logged
        # conversation recomputes only the 50 healths, not the ranking or the cards.
        if KEY_ACCOUNT_SORTS[sorting.key] is None:
            # Least known first (or last): ranked in the database from the scores the
            # nightly refresh stores, as the API ranks (scoring 800 accounts' ~7,000
            # people's roles in Python cost the page's first request ~20 ms).
            ids, _ = sort_rows(
                request,
                selectors.key_account_order(team, today=today, owner=owner),
                {"knowledge": None},
                "knowledge",
            )
        else:
            ranked, _ = sort_rows(
                request,
                selectors.key_account_ranking(team, today=today, owner=owner),
                KEY_ACCOUNT_SORTS,
                "knowledge",
            )
            ids = [e.account_id for e in ranked]
        page_obj = detached_page(ids, PAGE_SIZE, request.GET.get("page"))
        page_ids = list(page_obj)
        cards = selectors.key_account_cards(team, page_ids, today=today)
        # The cache keeps the page's numbers and HTML, not its cards (pickling 50 cards
        # with their people cost a cached request more than the rest of it).
        return _key_account_cards_html(cards), [c.account_id for c in cards], page_obj

    def page() -> dict[str, Any]:
        pieces, shown, page_obj = team_cached(
            team,
            f"{_cache_name(request, 'key-accounts-knowledge', owner, sorting)}"
            f"?{request.META.get('QUERY_STRING', '')}",
            knowledge,
            version=read_version(request),
            area="people",
        )
        # Each kept until its account changes (``memo.py``): after a logged
        # conversation only that account's health is computed again.
        health = memo.per_account(
            team,
            ("key-account-health", today),
            shown,
            lambda ids: selectors.key_account_health(team, ids, today=today),
        )
        rows_html = _with_healths(pieces, _key_account_healths_html([health.get(i) for i in shown]))
        # Every value in the pieces is escaped as the template escaped it.
        return {"rows_html": mark_safe(rows_html), "page_obj": page_obj}  # noqa: S308

    return _cached_page(
        request,
        "relationships/key_accounts.html",
        _cache_name(request, "key-accounts", owner, sorting),
        page,
        {"filters": form, "sorting": sorting, "today": today},
    )


def ranking_totals(ranked: list[snapshots.RankedAccount]) -> dict[str, Any]:
    """The Being on page's totals of a ranking's entries (``snapshots.Standings.totals``
    gives the same from the database)."""
    totals: dict[str, Any] = {
        "accounts": len(ranked),
        "going_dark": sum(1 for e in ranked if e.going_dark),
        "at_risk": {},
        # The sum in the team's currency; amounts without a rate stay apart.
        "at_risk_team": sum(
            (e.at_risk_team for e in ranked if e.at_risk_team is not None), Decimal(0)
        ),
        "unconverted": sorted(
            {e.currency for e in ranked if e.revenue_at_risk is not None and e.at_risk_team is None}
        ),
    }
    for entry in ranked:
        if entry.revenue_at_risk is not None:
            totals["at_risk"][entry.currency] = (
                totals["at_risk"].get(entry.currency, 0) + entry.revenue_at_risk
            )
    return totals


@team_required
def being_on(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    form, owner = _mine(request, BeingOnFilterForm)
    # "N more" under the home page's Going dark card opens exactly its list.
    dark_only = bool(form.is_valid() and form.cleaned_data["dark"])
    today = timezone.localdate()

    sorting = requested_sort(request, BEING_ON_SORTS, "-risk")

    def ranked_by_database() -> tuple[Any, dict[str, Any]]:
        # By risk (the ranking) or health: the database orders today's stored
        # snapshots and sums them; only the page's accounts are read
        # (``snapshots.Standings``; ranking every account in Python was most of the
        # page's first request).
        standings = snapshots.Standings(team, today=today, owner=owner)
        totals = standings.totals()
        count = totals["going_dark"] if dark_only else totals["accounts"]
        page_obj = Paginator(range(count), PAGE_SIZE).get_page(request.GET.get("page"))
        start = (page_obj.number - 1) * PAGE_SIZE
        if sorting.key == "health":
            order: dict[str, Any] = {"health": "desc" if sorting.descending else "asc"}
        else:
            order = {"reverse": not sorting.descending}
        page_obj.object_list = standings.window(
            start, start + PAGE_SIZE, going_dark=dark_only, **order
        )
        return page_obj, totals

    def by_name() -> tuple[Any, dict[str, Any]]:
        # By name as Python folds case (``str.casefold``, which no database's lower()
        # matches): the whole ranking, kept in this process (``memo.py``).
        ranked = snapshots.kept_ranking(team, today=today, owner=owner)
        listed, _ = sort_rows(
            request,
            [e for e in ranked if e.going_dark] if dark_only else ranked,
            BEING_ON_SORTS,
            "-risk",
        )
        page_obj = detached_page(listed, PAGE_SIZE, request.GET.get("page"))
        page_obj.object_list = [e.account_id for e in page_obj.object_list]
        return page_obj, ranking_totals(ranked)

    def page() -> dict[str, Any]:
        if sorting.key == "account":
            page_obj, totals = by_name()
        else:
            page_obj, totals = ranked_by_database()
        shown = list(page_obj.object_list)
        # The rows are rendered here, once per change of team data: with their sparklines,
        # bars and translated phrases they were most of a cached page's CPU.
        # Each row's HTML is kept until its account changes (``memo.py``): a logged
        # conversation renders one row again, not the page's 50.
        rows = memo.per_account(
            team,
            ("being-on-row", today, translation.get_language(), get_script_prefix()),
            shown,
            lambda ids: _being_on_rows_html(_page_rows(team, ids, today=today)),
        )
        rows_html = render_to_string(
            "relationships/being_on.html#rows",
            {"row_html": [rows[pk] for pk in shown if pk in rows], "filters": form},
            request=request,
        )
        return {
            "rows_html": rows_html,
            "page_obj": page_obj,
            "totals": totals,
        }

    return _cached_page(
        request,
        "relationships/being_on.html",
        _cache_name(request, "being-on-dark" if dark_only else "being-on", owner, sorting),
        page,
        {"sorting": sorting, "rates_on": rates_date(team), "filters": form, "today": today},
    )


@team_required
def loyalty(request: HttpRequest) -> HttpResponse:
    rows = selectors.loyalty(request.team, today=timezone.localdate())  # type: ignore[attr-defined]
    for row in rows:
        row["prompt"] = explain.loyalty_prompt(row["segment"], row["years"])
    return render(request, "relationships/loyalty.html", {"rows": rows})


DATES_PER_PAGE = 50


@team_required
def dates(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    form = DatesFilterForm(request.GET or None)
    params = form.cleaned_data if form.is_valid() else {}
    scope = params.get("scope") or "mine"
    days = params.get("days")
    days = DEFAULT_DAYS if days is None else days
    today = timezone.localdate()
    rows = selectors.upcoming_dates(
        team, today=today, days=days, user=request.user if scope == "mine" else None
    )
    # The context (family, interests, last conversation…) costs queries per person, so
    # only the page shown gets it; a big team has hundreds of name days a week.
    page = Paginator(rows, DATES_PER_PAGE).get_page(request.GET.get("page"))
    context = selectors.person_context(team, [r.person.pk for r in page])
    return render(
        request,
        "relationships/dates.html",
        {
            "page_obj": page,
            "rows": [(r, context.get(r.person.pk, {})) for r in page],
            "filters": form,
            "scope": scope,
            "days": days,
            "today": today,
        },
    )


@team_required
def reminders(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    setting = selectors.reminder_setting(team, request.user)
    form = ReminderForm(
        request.POST or None, initial={"days_before": setting.days_before, "digest": setting.digest}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.reminder_setting_update(
                team=team, user=request.user, actor=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("relationships:reminders")
    feed = selectors.live_feed(team, request.user)
    # The address is shown once, on the page the new address leads to: only its hash
    # is stored, and the session keeps the token only until that page is shown.
    token = request.session.pop(NEW_FEED_TOKEN, "")
    feed_url = ""
    if feed is not None and token and CalendarFeed.hash_token(token) == feed.token_hash:
        feed_url = request.build_absolute_uri(_feed_path(token))
    norms = selectors.team_norms(team)
    return render(
        request,
        "relationships/reminders.html",
        {
            "form": form,
            "feed": feed,
            "feed_url": feed_url,
            "webcal_url": feed_url.replace("https://", "webcal://").replace("http://", "webcal://"),
            "kinds_form": FeedKindsForm(initial={"kinds": setting.feed_kinds}),
            "norms_form": NormsForm(initial=norms),
            "norms": [(label, norms[tier]) for tier, label in Tier.choices],
        },
    )


NEW_FEED_TOKEN = "fasit_new_feed_token"


def _feed_path(token: str) -> str:

    return reverse("relationships:feed", args=[token])


@require_POST
@team_required
def feed_regenerate(request: HttpRequest) -> HttpResponse:
    # Any member, viewers included, may subscribe to their own dates.
    feed = services.calendar_feed_regenerate(
        team=request.team,  # type: ignore[attr-defined]
        user=request.user,
        actor=request.user,
    )
    request.session[NEW_FEED_TOKEN] = feed.token
    messages.success(
        request, _("Your calendar address is ready. Any earlier address has stopped working.")
    )
    return redirect("relationships:reminders")


@require_POST
@team_required
def feed_kinds(request: HttpRequest) -> HttpResponse:
    # Any member, viewers included: it is their own feed.
    form = FeedKindsForm(request.POST)
    if form.is_valid():
        services.reminder_feed_kinds_set(
            team=request.team,  # type: ignore[attr-defined]
            user=request.user,
            actor=request.user,
            kinds=form.cleaned_data["kinds"],
        )
        messages.success(request, _("Your calendar feed will hold what you chose."))
    else:
        flash_form_errors(request, form)
    return redirect("relationships:reminders")


@require_POST
@team_required
def feed_revoke(request: HttpRequest) -> HttpResponse:
    revoked = services.calendar_feed_revoke(
        team=request.team,  # type: ignore[attr-defined]
        user=request.user,
        actor=request.user,
    )
    if revoked:
        messages.success(request, _("Your calendar address has stopped working."))
    return redirect("relationships:reminders")


@require_POST
@owner_required
def norms_set(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    form = NormsForm(request.POST)
    if form.is_valid():
        for tier, days in form.cleaned_data.items():
            services.cadence_norm_set(team=team, actor=request.user, tier=tier, days=days)
        messages.success(request, _("Cadence norms saved."))
    else:
        for field, errors in form.errors.items():
            for error in errors:
                messages.error(
                    request,
                    f"{form.fields[field].label}: {error}" if field in form.fields else error,
                )
    return redirect("relationships:reminders")


def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The calendar feed. No session: the secret token is the key, so a calendar app
    can subscribe. A revoked or unknown token is a 404 whoever asks."""
    calendar_feed = selectors.feed_by_token(token)
    if calendar_feed is None:
        raise Http404
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD"})
    profile = getattr(calendar_feed.user, "fasit_profile", None)
    language = getattr(profile, "language", "") or calendar_feed.team.language or "en"
    body = feeds.build_calendar(calendar_feed, today=timezone.localdate(), language=language)
    services.calendar_feed_touch(calendar_feed)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="fasit.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response


def _override(request: HttpRequest, setter: Any, target: str, **kwargs: Any) -> None:
    form = OverrideForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return
    try:
        setter(actor=request.user, days=form.cleaned_data["days"], **kwargs)
    except ValidationError as exc:
        for error in exc.messages:
            messages.error(request, error)
    else:
        messages.success(request, _("Cadence saved for %(name)s.") % {"name": target})


@require_POST
@write_required
def account_cadence(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_for_team_or_404(Account.objects.all(), request.team, pk=pk)  # type: ignore[attr-defined]
    _override(request, services.account_cadence_set, account.name, account=account)
    return redirect("accounts:detail", pk=account.pk)


@require_POST
@write_required
def person_cadence(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_for_team_or_404(Person.objects.all(), request.team, pk=pk)  # type: ignore[attr-defined]
    _override(request, services.person_cadence_set, person.name, person=person)
    return redirect("people:detail", pk=person.pk)

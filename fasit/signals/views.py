from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from fasit.conversations.models import Conversation
from fasit.core.cache import team_cached
from fasit.core.forms import add_service_errors
from fasit.core.views import flash_form_errors, requested_sort, sort_rows
from fasit.signals import selectors, services
from fasit.signals.forms import BoardFilterForm, RenameForm, StatementForm, ThemeChoiceForm
from fasit.signals.index import group_roots
from fasit.signals.models import Kind, Notification, Proposal, Statement, Theme
from fasit.tenancy.access import get_for_team_or_404, shape_required, team_required, write_required
from fasit.tenancy.selectors import read_version

THEMES_PER_PAGE = 20

#: The board's ranking (level, then how recently a customer said it) is the default.
BOARD_SORTS: dict[str, Callable[[Any], Any] | None] = {
    "level": None,
    "theme": lambda i: i.theme.name.casefold(),
    "customers": lambda i: i.accounts,
    "statements": lambda i: i.statements,
    "last_said": lambda i: i.last_said_on,
}
STATEMENTS_PER_PAGE = 50


@team_required
def board(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]

    def compute() -> tuple[str, str]:
        filters = BoardFilterForm(request.GET or None, team=team)
        engine_filters = filters.engine_filters()
        data = filters.cleaned_data if filters.is_valid() else {}
        sorting = requested_sort(request, BOARD_SORTS, "-level")
        # Corporate groups are read once for the counts and the quotes.
        roots = group_roots(team)
        items = selectors.board(
            team,
            include_dismissed=bool(data.get("dismissed")),
            level=data.get("level", ""),
            roots=roots,
            **engine_filters,
        )
        ordered, _ = sort_rows(request, items, BOARD_SORTS, "-level")
        page = Paginator(ordered, THEMES_PER_PAGE).get_page(request.GET.get("page"))
        selectors.attach_evidence(team, list(page), roots=roots, **engine_filters)
        counts = {
            level: sum(1 for i in items if i.level == level)
            for level in ("confirmed", "alarm", "noted")
        }
        cards = _theme_cards(list(page))
        # The filter form and the rows (theme cards with their quotes, counts, order
        # links, pages) are rendered here, once per change of team data: the form's
        # widgets and the cards were most of a warm page's CPU. Nothing in them depends
        # on the user or their role, and the query string is in the key.
        context = {
            "filters": filters,
            "page_obj": page,
            "cards": cards,
            "counts": counts,
            "sorting": sorting,
        }
        return (
            render_to_string("signals/board.html#filters", context, request=request),
            render_to_string("signals/board.html#rows", context, request=request),
        )

    # Counting independent customers reads every statement of the team: once per
    # change of team data, per filter, order and page. The query string as sent is the
    # key: the order and page links repeat it.
    zone = timezone.get_current_timezone_name()
    filters_html, rows_html = team_cached(
        team,
        f"signals-board-html:{zone}?{request.META.get('QUERY_STRING', '')}",
        compute,
        version=read_version(request),
        # Statements, themes and the accounts they quote: a logged conversation
        # without a statement leaves the board as it was.
        area="signals",
    )
    if request.htmx:  # type: ignore[attr-defined]
        return HttpResponse(rows_html)
    return render(
        request, "signals/board.html", {"filters_html": filters_html, "rows_html": rows_html}
    )


_URL_SENTINEL = 987654321


def _url_of(name: str) -> Callable[[int], str]:
    """``reverse(name, args=[pk])`` for any ``pk``, from one reverse."""
    head, sep, tail = reverse(name, args=[_URL_SENTINEL]).partition(str(_URL_SENTINEL))
    if not sep or str(_URL_SENTINEL) in tail:  # not a plain ``<int:pk>`` route
        return lambda pk: reverse(name, args=[pk])
    return lambda pk: f"{head}{pk}{tail}"


def _theme_cards(items: list[selectors.BoardTheme]) -> list[SafeString]:
    """The board's theme cards (with their quotes) as ``board.html#themes`` and
    ``_quote.html`` rendered them, built in Python: each URL pattern reversed once,
    each label translated once, each count and date localised once. Through the
    templates a page of 20 themes and ~100 quotes (an include per quote, another per
    quote's text, a ``{% url %}`` per link) was about half of the board's first request
    after a change. The HTML is the same (``tests/test_board_html.py``)."""
    theme_url = _url_of("signals:theme")
    account_url = _url_of("accounts:detail")
    person_url = _url_of("people:detail")
    conversation_url = _url_of("conversations:detail")
    memo: dict[Any, str] = {}

    def once(key: Any, make: Callable[[], str]) -> str:
        text = memo.get(key)
        if text is None:
            text = memo[key] = make()
        return text

    def number(n: int) -> str:
        return once(("n", n), lambda: conditional_escape(formats.localize(n)))

    def day(d: Any) -> str:
        return once(
            ("d", d), lambda: conditional_escape(formats.date_format(d, "SHORT_DATE_FORMAT"))
        )

    # Each label once per page. ``{% translate "..." %}`` does not escape a literal's
    # translation (it is marked safe), so neither is it escaped here.
    text = {
        "Seller:": _("Seller:"),
        "Customer:": _("Customer:"),
        "seller's summary": _("seller's summary"),
        "weak": _("weaker evidence: answered a leading closed question"),
        "dismissed": _("dismissed"),
        "held": _(
            "Held at alarm: three or more customers, but their statements do not yet clearly"
            " say the same thing. Read them; merge or move statements if they do."
        ),
        "not corroborated": _("not corroborated"),
        "All evidence": _("All evidence"),
        "Confirmed": _("Confirmed"),
        "Alarm": _("Alarm"),
        "Noted": _("Noted"),
    }

    def counted(message: str, n: int, **more: str) -> str:
        # As ``{% blocktranslate count n=... %}``: the message for n (each call site
        # names its ``ngettext`` literally, for makemessages), with the values rendered
        # as the template would (localised, escaped).
        return message % {"n": number(n), **more}

    kinds = {value: str(label) for value, label in Kind.choices}

    def level_html(level: str) -> str:
        def make() -> str:
            label = {"confirmed": "Confirmed", "alarm": "Alarm"}.get(level, "Noted")
            return f'<span class="level level-{escape(level)}">{text[label]}</span>\n'

        return once(("level", level), make)

    def said(s: Statement) -> str:
        html = ""
        if s.question:
            html = (
                f'<span class="muted">{text["Seller:"]} “{escape(s.question)}”</span>'
                f" {text['Customer:']} "
            )
        if s.seller_summary:
            summary = text["seller's summary"]
            return f'{html}<span class="badge">{summary}</span> {escape(s.text)}'
        return f"{html}“{escape(s.text)}”"

    def quote(s: Statement) -> str:
        person = ""
        if s.person_id is not None:
            person = f' · <a href="{person_url(s.person_id)}">{escape(s.person.name)}</a>'
        weak = ""
        if s.weak:
            weak = f'<span class="badge weak" title="{escape(s.weak_reason)}">{text["weak"]}</span>'
        kind = once(("kind", s.kind), lambda: conditional_escape(kinds.get(s.kind, s.kind)))
        return (
            f'<blockquote class="quote{" weak" if s.weak else ""}">\n'
            f"  <p>{said(s)}</p>\n"
            '  <footer class="small muted">\n'
            f'    <a href="{account_url(s.account_id)}">{escape(s.account.name)}</a>{person}\n'
            f'    · <a href="{conversation_url(s.conversation_id)}">{day(s.said_on)}</a>\n'
            f"    · {escape(s.language.upper())} · {kind}\n"
            f"    {weak}\n"
            "  </footer>\n"
            "</blockquote>\n"
        )

    cards = []
    for item in items:
        theme = item.theme
        url = theme_url(theme.pk)
        if item.narrowed:
            line = counted(
                ngettext(
                    "%(n)s of %(total)s independent customers in this filter",
                    "%(n)s of %(total)s independent customers in this filter",
                    item.accounts,
                ),
                item.accounts,
                total=number(item.total_accounts),
            )
        else:
            line = counted(
                ngettext(
                    "%(n)s independent customer", "%(n)s independent customers", item.accounts
                ),
                item.accounts,
            )
        line += " · " + counted(
            ngettext("%(n)s statement", "%(n)s statements", item.statements), item.statements
        )
        if item.last_said_on:
            line += " · " + _("last said %(d)s") % {"d": day(item.last_said_on)}
        if item.weak:
            line += " · " + counted(ngettext("%(n)s weaker", "%(n)s weaker", item.weak), item.weak)
        if theme.dismissed:
            line += f" · <strong>{text['dismissed']}</strong>"
        if not theme.corroborated and item.accounts >= 3:
            line += f' · <span title="{text["held"]}">{text["not corroborated"]}</span>'
        more = ""
        if item.statements > len(item.evidence):
            more = f'<a class="small" href="{url}">{text["All evidence"]} →</a>'
        cards.append(
            mark_safe(  # noqa: S308 - every value above is escaped or a translated label
                f'\n<section class="card theme-card level-border-{escape(item.level)}">\n'
                '  <div class="header-row">\n'
                f'    <h2><a href="{url}">{escape(theme.name)}</a></h2>\n'
                f"    {level_html(item.level)}\n"
                "  </div>\n"
                f'  <p class="small muted">{line}</p>\n'
                f"  {''.join(quote(s) for s in item.evidence)}\n"
                f"  {more}\n"
                "</section>\n"
            )
        )
    return cards


@team_required
def theme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    theme = get_for_team_or_404(Theme.objects.all(), team, pk=pk)
    page = Paginator(selectors.theme_statements(theme), STATEMENTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "signals/theme_detail.html",
        {
            "theme": theme,
            "page_obj": page,
            "statements": list(page),
            "accounts": selectors.theme_accounts(theme),
            "rename_form": RenameForm(initial={"name": theme.name}),
            "merge_form": ThemeChoiceForm(team=team, exclude=theme),
            # Why the level is what it is: raised, or fallen when a quote was erased.
            "history": Notification.objects.for_team(team).filter(theme=theme)[:5],
        },
    )


def _flash(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


@require_POST
@shape_required
def theme_rename(request: HttpRequest, pk: int) -> HttpResponse:
    theme = get_for_team_or_404(Theme.objects.all(), request.team, pk=pk)  # type: ignore[attr-defined]
    form = RenameForm(request.POST)
    if form.is_valid():
        try:
            services.theme_rename(theme=theme, actor=request.user, name=form.cleaned_data["name"])
        except ValidationError as exc:
            add_service_errors(form, exc)
    # A name that was not taken says why, never silently.
    flash_form_errors(request, form)
    return redirect("signals:theme", pk=theme.pk)


@require_POST
@shape_required
def theme_merge(request: HttpRequest, pk: int) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    theme = get_for_team_or_404(Theme.objects.all(), team, pk=pk)
    form = ThemeChoiceForm(request.POST, team=team, exclude=theme)
    if not form.is_valid() or form.cleaned_data["theme"] is None:
        messages.error(request, _("Choose the theme to merge into this one."))
        return redirect("signals:theme", pk=theme.pk)
    try:
        merged = services.theme_merge(
            into=theme, other=form.cleaned_data["theme"], actor=request.user
        )
    except ValidationError as exc:
        _flash(request, exc)
        return redirect("signals:theme", pk=theme.pk)
    messages.success(request, _("Merged. Later statements like these join this theme."))
    return redirect("signals:theme", pk=merged.pk)


@require_POST
@shape_required
def theme_split(request: HttpRequest, pk: int) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    theme = get_for_team_or_404(Theme.objects.all(), team, pk=pk)
    chosen = Statement.objects.for_team(team).filter(
        theme=theme, pk__in=request.POST.getlist("statements")
    )
    try:
        new_theme = services.theme_split(theme=theme, actor=request.user, statements=list(chosen))
    except ValidationError as exc:
        _flash(request, exc)
        return redirect("signals:theme", pk=theme.pk)
    messages.success(request, _("Split into a new theme."))
    return redirect("signals:theme", pk=new_theme.pk)


@require_POST
@shape_required
def theme_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    theme = get_for_team_or_404(Theme.objects.all(), request.team, pk=pk)  # type: ignore[attr-defined]
    services.theme_dismiss(theme=theme, actor=request.user)
    messages.success(
        request, _("Theme dismissed. It stays out of the board unless you show dismissed themes.")
    )
    return redirect("signals:board")


@require_POST
@shape_required
def statement_move(request: HttpRequest, pk: int) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    statement = get_for_team_or_404(Statement.objects.select_related("theme"), team, pk=pk)
    form = ThemeChoiceForm(request.POST, team=team, exclude=statement.theme)
    if not form.is_valid():
        messages.error(request, _("Choose a theme."))
        return redirect("signals:board")
    target = services.statement_move(
        statement=statement, actor=request.user, theme=form.cleaned_data["theme"]
    )
    messages.success(request, _("Moved. Fasit learns from its wording."))
    return redirect("signals:theme", pk=target.pk)


@require_POST
@write_required
def statement_delete(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_for_team_or_404(Statement.objects.all(), request.team, pk=pk)  # type: ignore[attr-defined]
    conversation_pk = statement.conversation_id
    services.statement_delete(statement=statement, actor=request.user)
    messages.success(request, _("Statement removed."))
    return redirect("conversations:detail", pk=conversation_pk)


def _conversation_card(
    request: HttpRequest, conversation: Conversation, form: StatementForm | None = None
) -> HttpResponse:
    return render(
        request,
        "signals/_conversation_card.html",
        {
            "conversation": conversation,
            "proposals": selectors.conversation_proposals(conversation),
            "statements": selectors.conversation_statements(conversation),
            "statement_form": form or StatementForm(conversation=conversation),
            "can_write": request.membership.can_write,  # type: ignore[attr-defined]
        },
    )


@require_POST
@write_required
def statement_mark(request: HttpRequest, conversation_pk: int) -> HttpResponse:
    """A seller marks what the customer said in this conversation as a statement."""
    team = request.team  # type: ignore[attr-defined]
    # The account with it: the add reads it (team guard, corporate group, audit).
    conversation = get_for_team_or_404(
        Conversation.objects.select_related("account"), team, pk=conversation_pk
    )
    form = StatementForm(request.POST, conversation=conversation)
    if form.is_valid():
        try:
            services.statement_create(
                team=team, actor=request.user, conversation=conversation, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            form = None
    if request.htmx:  # type: ignore[attr-defined]
        return _conversation_card(request, conversation, form)
    if form is not None:
        flash_form_errors(request, form)
    return redirect("conversations:detail", pk=conversation.pk)


@require_POST
@write_required
def proposal_decide(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_for_team_or_404(
        Proposal.objects.select_related("conversation"), request.team, pk=pk
    )  # type: ignore[attr-defined]
    try:
        if request.POST.get("decision") == "accept":
            services.proposal_accept(
                proposal=proposal, actor=request.user, kind=request.POST.get("kind") or None
            )
        else:
            services.proposal_reject(proposal=proposal, actor=request.user)
    except ValidationError as exc:
        _flash(request, exc)
    if request.htmx:  # type: ignore[attr-defined]
        return _conversation_card(request, proposal.conversation)
    return redirect("conversations:detail", pk=proposal.conversation_id)


@write_required
def proposals(request: HttpRequest) -> HttpResponse:
    """Everything Fasit proposed from my conversations that waits for a decision."""
    team = request.team  # type: ignore[attr-defined]
    pending = selectors.pending_proposals(team, user=request.user)
    return render(
        request,
        "signals/proposals.html",
        {"page_obj": Paginator(pending, 30).get_page(request.GET.get("page"))},
    )


@team_required
def notifications(request: HttpRequest) -> HttpResponse:
    team = request.team  # type: ignore[attr-defined]
    items = Paginator(selectors.notifications(team, request.user), 30).get_page(
        request.GET.get("page")
    )
    unread = set(
        Notification.objects.for_team(team).unread_by(request.user).values_list("pk", flat=True)
    )
    if request.method == "POST":
        services.notifications_mark_read(team=team, user=request.user)
        return redirect("signals:notifications")
    return render(request, "signals/notifications.html", {"page_obj": items, "unread": unread})

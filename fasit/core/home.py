"""What the home page's cards show, for the page and the API alike, and the page's
cards rendered each as seldom as what it shows changes."""

from __future__ import annotations

from typing import Any

from django.db.models import Max
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from fasit.conversations.models import Conversation
from fasit.conversations.selectors import open_follow_ups, recent_conversations
from fasit.core.cache import AuditRow, kept_version, team_cached
from fasit.core.models import AuditEvent
from fasit.customers.models import Account
from fasit.customers.selectors import key_accounts

HOME_FOLLOW_UPS = 10
HOME_KEY_ACCOUNTS = 12
HOME_RECENT = 10

# Stand-ins in the cached home cards for what changes per request: the CSRF token and
# the clock-relative "3 hours ago". HTML comments, so no escaped user text can contain
# them; each request puts the real values in (core/views.py ``home``).
CSRF_MARK = "<!--fasit:csrf-->"
WHEN_MARK = "<!--fasit:when:{}-->"
# In the key accounts card, kept across logged conversations: each account's "last
# conversation …" or "no conversation yet", filled when the cards are joined.
LAST_MARK = "<!--fasit:last:{}-->"
_WHEN = "<!--fasit:when-->"

TEMPLATE = "core/home.html"


def home_cards(team: Any, user: Any) -> dict[str, Any]:
    # A seller sees their own key accounts, like the other cards; someone who owns
    # none (a sales manager, a viewer) sees the team's.
    mine = Account.objects.for_team(team).filter(owner=user).exists()
    shown, more = _follow_ups(team, user)
    return {
        "key_accounts": key_accounts(team, owner=user if mine else None)[:HOME_KEY_ACCOUNTS],
        "key_accounts_mine": mine,
        "follow_ups": shown,
        "follow_ups_more": more,
        "recent": recent_conversations(team)[:HOME_RECENT],
    }


def _follow_ups(team: Any, user: Any) -> tuple[list[Any], int]:
    follow_ups = open_follow_ups(team, owner=user).select_related("conversation__account")
    shown = list(follow_ups[:HOME_FOLLOW_UPS])
    # Counted only when the card is full: the link then says how many the list adds.
    more = follow_ups.count() - len(shown) if len(shown) == HOME_FOLLOW_UPS else 0
    return shown, more


# -- what changes which card ------------------------------------------------------------
# A card is kept under ``core.cache.kept_version``: records of the kinds named here
# leave it as it was; any other kind (one added later too) renders it again.

#: Apps whose records never change the key accounts' names, tiers or owners. Their last
#: conversation is read apart (``_last_conversations``).
_KEYS_IGNORED_APPS = frozenset(
    {
        "conversations",
        "market_signals",
        "buying",
        "relationships",
        "search",
        "webhooks",
        "signin",
        "capture",
    }
)
#: Apps and kinds whose records never change a user's open follow-ups as the card
#: shows them (task, due date, the conversation's account).
_FOLLOW_UPS_IGNORED_APPS = _KEYS_IGNORED_APPS - {"conversations"}
_FOLLOW_UPS_IGNORED = frozenset(
    {
        "conversations.listeninganalysis",
        "conversations.transcriptfile",
        "conversations.transcriptspeaker",
        "conversations.transcriptturn",
    }
)


def keys_affected(event: AuditRow) -> bool:
    return event[0].split(".", 1)[0] not in _KEYS_IGNORED_APPS


def follow_ups_affected(event: AuditRow) -> bool:
    label, _object_id, action, changes = event
    if label in _FOLLOW_UPS_IGNORED or label.split(".", 1)[0] in _FOLLOW_UPS_IGNORED_APPS:
        return False
    if label == "conversations.conversation":
        # A new conversation brings its follow-ups as records of their own; an edit
        # shows only when it moves the conversation (and its follow-ups) to another
        # account. A delete takes its follow-ups along.
        if action == AuditEvent.Action.CREATE:
            return False
        if action == AuditEvent.Action.UPDATE and changes and "account" not in changes:
            return False
    return True


def cards_html(
    request: HttpRequest, team: Any, user: Any, membership: Any, *, version: int
) -> tuple[str, list[Any]]:
    """The home page's cards (the CSRF token and the key accounts' "when" as stand-ins)
    and the key accounts' last conversation times, each card from what it shows.

    After a logged conversation only the going-dark card (its own account assessed
    again: ``relationships/memo.py``) and the recent conversations are rendered again;
    the dates card waits for a change of people, the key accounts for a change of
    accounts, the follow-ups for a change of follow-ups."""
    mine = Account.objects.for_team(team).filter(owner=user).exists()
    owner = user if mine else None
    context = {
        "csrf_token": mark_safe(CSRF_MARK),  # noqa: S308 - a fixed stand-in
        "can_write": membership.can_write,
        "home_owner": owner,
    }
    suffix = f"{user.pk}:{membership.role}:{timezone.get_current_timezone_name()}"

    def render(part: str, **extra: Any) -> SafeString:
        return mark_safe(  # noqa: S308 - rendered by the template engine
            render_to_string(f"{TEMPLATE}#{part}", {**context, **extra}, request=request)
        )

    dates = team_cached(
        team, f"home-dates-html:{suffix}", lambda: render("dates"), version=version, area="people"
    )

    def keys() -> tuple[str, list[int], str, str]:
        accounts = list(key_accounts(team, owner=owner)[:HOME_KEY_ACCOUNTS])
        for i, account in enumerate(accounts):
            account.last_mark = mark_safe(LAST_MARK.format(i))  # type: ignore[attr-defined]  # noqa: S308
        html = render("keys", key_accounts=accounts, key_accounts_mine=mine)
        last = render("last_conversation", when_mark=mark_safe(_WHEN))  # noqa: S308
        return html, [a.pk for a in accounts], last, render("no_conversation")

    keys_html, key_ids, last_text, none_text = team_cached(
        team,
        f"home-keys:{suffix}",
        keys,
        version=kept_version(team, "home-keys", keys_affected, version=version),
    )
    whens = _last_conversations(team, key_ids)
    for i, when in enumerate(whens):
        text = none_text if when is None else last_text.replace(_WHEN, WHEN_MARK.format(i))
        keys_html = keys_html.replace(LAST_MARK.format(i), text, 1)

    def follow_ups() -> str:
        shown, more = _follow_ups(team, user)
        return render("follow_ups", follow_ups=shown, follow_ups_more=more)

    follow_ups_html = team_cached(
        team,
        f"home-follow-ups:{suffix}",
        follow_ups,
        version=kept_version(team, "home-follow-ups", follow_ups_affected, version=version),
    )
    recent = (
        Conversation.objects.for_team(team)
        .select_related("account")
        .only("occurred_at", "kind", "account", "account__name")
        .order_by("-occurred_at", "-id")[:HOME_RECENT]
    )
    html = render_to_string(
        f"{TEMPLATE}#cards",
        {
            "dates_card": dates,
            "dark_card": render("dark"),
            "keys_card": mark_safe(keys_html),  # noqa: S308 - rendered above
            "follow_ups_card": follow_ups_html,
            "recent_card": render("recent", recent=recent),
        },
    )
    return html, whens


def _last_conversations(team: Any, ids: list[int]) -> list[Any]:
    """When each of these accounts last had a conversation (None: never), in order."""
    if not ids:
        return []
    last = dict(
        Conversation.objects.filter(account__team=team, account_id__in=ids)
        .values("account_id")
        .annotate(last=Max("occurred_at"))
        .values_list("account_id", "last")
    )
    return [last.get(i) for i in ids]

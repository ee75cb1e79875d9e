from __future__ import annotations

from typing import Any

from django import template

from fasit.signals import selectors
from fasit.signals.forms import StatementForm

register = template.Library()


@register.inclusion_tag("signals/_conversation_card.html", takes_context=True)
def conversation_signals(context: dict[str, Any], conversation: Any) -> dict[str, Any]:
    return {
        "conversation": conversation,
        "proposals": selectors.conversation_proposals(conversation),
        "statements": selectors.conversation_statements(conversation),
        "statement_form": StatementForm(conversation=conversation),
        "can_write": context.get("can_write", False),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("signals/_account_statements.html")
def account_signals(account: Any) -> dict[str, Any]:
    return {"statements": selectors.account_statements(account)[:20], "account": account}


@register.simple_tag(takes_context=True)
def unread_signal_count(context: dict[str, Any]) -> int:
    request = context.get("request")
    team = getattr(request, "team", None)
    if request is None or team is None:
        return 0
    return selectors.unread_count(team, request.user)

"""``{% load buying %}{% account_journeys account %}``: an account's buying journeys,
so the account page shows them without the customers app knowing this one."""

from __future__ import annotations

from typing import Any

from django import template

from fasit.buying.selectors import account_journeys as select_account_journeys

register = template.Library()


@register.inclusion_tag("buying/_account_journeys.html", takes_context=True)
def account_journeys(context: Any, account: Any) -> dict[str, Any]:
    return {
        "account": account,
        "assessments": select_account_journeys(account),
        "can_write": context.get("can_write", False),
    }

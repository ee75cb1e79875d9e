"""Captured contact shown on other apps' pages, so their views need no changes."""

from __future__ import annotations

from typing import Any

from django import template

from fasit.capture import selectors

register = template.Library()


@register.inclusion_tag("capture/_origin.html")
def conversation_origin(conversation: Any) -> dict[str, Any]:
    return {"item": selectors.conversation_origin(conversation)}


@register.inclusion_tag("capture/_planned.html")
def account_planned_contact(account: Any) -> dict[str, Any]:
    return {"meetings": selectors.planned_meetings(account)}

"""``{% load tenancy %}{% role_notice %}``: tells a user plainly what their role in the
active team lets them do and whom to ask for more. Shown on refused pages, on the
settings page and, for roles that cannot change customer records, on the home page."""

from __future__ import annotations

from typing import Any

from django import template

from fasit.core.templatetags.fasit import display_name
from fasit.tenancy.selectors import team_owners

register = template.Library()


@register.inclusion_tag("tenancy/_role_notice.html", takes_context=True)
def role_notice(context: Any, refused: bool = False) -> dict[str, Any]:
    membership = context.get("membership")
    if membership is None:
        return {"membership": None}
    owners = [display_name(u) for u in team_owners(membership.team)]
    return {
        "membership": membership,
        "team": membership.team,
        "owners": ", ".join(owners),
        "owner_count": len(owners),
        "refused": refused,
    }

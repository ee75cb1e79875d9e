from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

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

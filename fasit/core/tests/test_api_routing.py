"""API requests are resolved before any page's pattern is tried (fasit/urls.py)."""

from __future__ import annotations

from django.urls import get_resolver, resolve


def test_an_api_path_resolves_to_its_operation() -> None:
    assert resolve("/api/accounts").url_name == "list_accounts"


def test_the_api_is_the_first_url_pattern() -> None:
    first = get_resolver().url_patterns[0]
    assert str(first.pattern) == "api/"


def test_no_page_pattern_answers_under_api() -> None:
    # Every path under /api/ that the API does not know is a 404 of the API's
    # patterns, not a page: nothing after the API's include starts with "api/".
    for pattern in get_resolver().url_patterns[1:]:
        assert not str(pattern.pattern).startswith("api")

"""A web worker's warm-up (core.warmup.warm_process, called by `fasit serve` before the
worker freezes its heap and accepts connections): every template of the app is
compiled before the first request, whatever templates are added later, and the
warm-up never touches the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.template import engines
from django.template.loaders import cached, filesystem
from django.test import override_settings
from django.urls import reverse

from fasit.core.warmup import app_templates, warm_process
from fasit.testing import AccountFactory


def _cached_names() -> set[str]:
    """Names held by the main engine's cached loader(s)."""
    found: set[str] = set()
    todo = list(engines["django"].engine.template_loaders)
    while todo:
        loader = todo.pop()
        if isinstance(loader, cached.Loader):
            found |= set(loader.get_template_cache)
        todo.extend(getattr(loader, "loaders", []))
    return found


def _files_on_disk() -> set[str]:
    """Every file in the app's template folders, listed apart from the warm-up's own
    listing: a template added to any app later is in this set, so the test covers it."""
    root = Path(settings.BASE_DIR)
    names = set()
    for folder in [root / "templates", *root.glob("*/templates")]:
        names |= {
            p.relative_to(folder).as_posix()
            for p in folder.rglob("*")
            if p.is_file() and not p.name.startswith(".")
        }
    return names


def test_every_template_of_the_app_is_compiled_and_no_database_is_touched() -> None:
    # No ``db`` fixture: any query here would fail the test (pytest-django blocks it).
    engines["django"].engine.template_loaders[0].reset()
    warmed = warm_process()
    on_disk = _files_on_disk()
    assert len(on_disk) > 100
    assert set(app_templates()) == on_disk
    assert on_disk <= _cached_names()
    assert warmed.templates == len(on_disk)
    # The form renderer's own engine: the widgets every form page renders.
    assert warmed.form_templates > 20
    assert warmed.languages == len(settings.LANGUAGES)
    # Idempotent: a second call finds everything compiled.
    assert warm_process().templates == len(on_disk)


def test_a_template_added_to_a_folder_later_is_compiled_too(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    (folder / "later").mkdir(parents=True)
    (folder / "later" / "page.html").write_text('{% include "later/part.html" %}')
    (folder / "later" / "part.html").write_text("part")
    config = [{**settings.TEMPLATES[0], "DIRS": [folder]}]
    with override_settings(TEMPLATES=config, BASE_DIR=tmp_path):
        warm_process()
        assert {"later/page.html", "later/part.html"} <= _cached_names()


def test_pages_read_no_template_file_after_the_warm_up(
    alice_client: Any, charlie_client: Any, team_a: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the first requests of a fresh worker would have compiled is compiled: the
    main pages, a form page and an error page read no template file."""
    warm_process()
    read: list[str] = []
    contents = filesystem.Loader.get_contents
    monkeypatch.setattr(
        filesystem.Loader,
        "get_contents",
        lambda self, origin: read.append(origin.template_name) or contents(self, origin),
    )
    account = AccountFactory(team=team_a)
    for name in (
        "home",
        "signals:board",
        "relationships:being_on",
        "relationships:key_accounts",
        "conversations:log",
        "accounts:list",
    ):
        assert alice_client.get(reverse(name)).status_code == 200, name
    assert alice_client.get(reverse("signals:board") + "?country=SE").status_code == 200
    assert alice_client.get(reverse("accounts:detail", args=[account.pk])).status_code == 200
    assert charlie_client.get(reverse("accounts:detail", args=[account.pk])).status_code == 404
    assert read == []

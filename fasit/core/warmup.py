"""What a fresh web process would otherwise build on its first requests, built before
it serves any: every template of the app compiled into Django's cached loader (and
the form widgets' templates), each language's translations, formats and URL names,
the time zones and the other per-process tables a page reads.

``fasit serve`` calls ``warm_process()`` in each worker before the worker freezes its
heap (``gc.freeze``) and accepts connections, and ``bench/bench_pages.py`` calls it
the same way, so a page's "first request" figure is what a served request pays. It
reads files only: no database, so nothing it does can write (tests in
``core/tests/test_warmup.py``; docs/operations.md, "Warm-up of a web worker")."""

from __future__ import annotations

import contextlib
import time
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.utils.module_loading import import_string

#: Per-process tables of the apps that a page builds on first use, each a callable
#: without arguments (dotted path, so that core does not import the apps at load).
APP_WARMERS: tuple[str, ...] = (
    "fasit.core.warmup._name_day_calendars",
    "fasit.core.warmup._local_days",
)
#: How far back the contact pages date conversations in their accounts' zones (a
#: year's window, and a month more for "a month before").
LOCAL_DAYS_BACK = 400


@dataclass(frozen=True)
class Warmed:
    templates: int
    form_templates: int
    languages: int
    seconds: float


def warm_process() -> Warmed:
    """Build the process-wide caches a first request would pay for. Idempotent: a
    second call finds everything cached and costs a few ms."""
    from django.utils import translation

    start = time.perf_counter()
    templates = len(app_templates(load=True))
    form_templates = _warm_form_templates()
    language = translation.get_language()
    try:
        for code, _name in settings.LANGUAGES:
            _warm_language(code)
    finally:
        if language:
            translation.activate(language)
        else:
            translation.deactivate()
    for name in _zone_names():
        zoneinfo.ZoneInfo(name)
    for model in apps.get_models():
        # Django works these out on a model's first query or form.
        model._meta.get_fields()
        model._meta.fields_map  # noqa: B018 - computes and keeps it
    _warm_request_parts()
    for path in APP_WARMERS:
        import_string(path)()
    return Warmed(
        templates=templates,
        form_templates=form_templates,
        languages=len(settings.LANGUAGES),
        seconds=time.perf_counter() - start,
    )


def app_templates(*, load: bool = False) -> list[str]:
    """The names of every template file in the app's template directories (the
    project's and each Fasit app's), and with ``load`` each one compiled through the
    engine's loaders, as a page's ``render`` finds it; then the templates they extend
    or include by a literal name (Django's admin pages that Fasit's override)."""
    from django.template import engines

    backend: Any = engines["django"]
    names = sorted(
        {
            name
            for directory in _template_dirs(backend.engine)
            if _is_apps_own(directory)
            for name in _files_under(directory)
        }
    )
    if load:
        seen: set[str] = set()
        todo = list(names)
        while todo:
            name = todo.pop()
            if name in seen:
                continue
            seen.add(name)
            template = backend.get_template(name).template
            todo.extend(_named_templates(template.nodelist))
    return names


def _warm_form_templates() -> int:
    """The default form renderer has an engine of its own (Django's form and widget
    templates): the board's filter form and every form page render through it."""
    from django.forms.renderers import get_default_renderer

    renderer = get_default_renderer()
    engine = getattr(renderer, "engine", None)
    if engine is None or not hasattr(engine, "engine"):
        return 0
    count = 0
    for directory in _template_dirs(engine.engine):
        for name in _files_under(directory):
            if name.startswith("django/forms/") and name.endswith(".html"):
                renderer.get_template(name)
                count += 1
    return count


def _warm_language(code: str) -> None:
    """The language's merged catalogue, its formats and the URL resolver's reverse
    table (kept per language), as its first request would build them."""
    from django.urls import NoReverseMatch, get_resolver, reverse
    from django.utils import formats, translation

    translation.activate(code)
    resolver = get_resolver()
    resolver.reverse_dict  # noqa: B018 - populates this language's table
    # Each namespace ("signals:", "accounts:", …) has a resolver of its own with its
    # own table per language, filled by the first ``reverse`` into it: a name that
    # is not there fills it and raises.
    for namespace in _namespaces(resolver):
        with contextlib.suppress(NoReverseMatch):
            reverse(f"{namespace}:{_NO_SUCH_NAME}")
    for name in formats.FORMAT_SETTINGS:
        formats.get_format(name, code)
    for name in ("DATE_FORMAT", "SHORT_DATE_FORMAT", "DATETIME_FORMAT", "TIME_FORMAT"):
        formats.get_format(name, code, use_l10n=True)


_NO_SUCH_NAME = "fasit-warm-up-no-such-name"


def _namespaces(resolver: Any, prefix: str = "") -> Iterator[str]:
    for name, (_pattern, sub) in resolver.namespace_dict.items():
        path = f"{prefix}{name}"
        yield path
        yield from _namespaces(sub, f"{path}:")


def _warm_request_parts() -> None:
    """What the first request imports or builds on its way through: the template
    context processors, the messages' storage, this thread's caches (the modules; a
    request thread makes its own cache objects, cheaply, once these are imported)."""
    from django.core.cache import caches
    from django.template import engines

    backend: Any = engines["django"]
    backend.engine.template_context_processors  # noqa: B018 - imports them
    import_string(settings.MESSAGE_STORAGE)
    for alias in settings.CACHES:
        caches[alias]


def _zone_names() -> set[str]:
    from fasit.engine.relationships.dates import COUNTRY_TIME_ZONES, DEFAULT_TIME_ZONE
    from fasit.tenancy.models import TIME_ZONES

    return {settings.TIME_ZONE, DEFAULT_TIME_ZONE, *COUNTRY_TIME_ZONES.values()} | {
        name for name, _label in TIME_ZONES
    }


def _template_dirs(engine: Any) -> Iterator[Path]:
    for loader in engine.template_loaders:
        for directory in loader.get_dirs():
            path = Path(directory)
            if path.is_dir():
                yield path


def _is_apps_own(directory: Path) -> bool:
    return directory.resolve().is_relative_to(Path(settings.BASE_DIR).resolve())


def _files_under(directory: Path) -> Iterator[str]:
    for path in directory.rglob("*"):
        if path.is_file() and not path.name.startswith(".") and path.suffix != ".pyc":
            yield path.relative_to(directory).as_posix()


def _named_templates(nodelist: Any) -> Iterator[str]:
    """Literal names in ``{% extends %}`` and ``{% include %}`` anywhere in a template
    (a constant's ``FilterExpression.var`` is the string itself)."""
    from django.template.loader_tags import ExtendsNode, IncludeNode

    for node in nodelist.get_nodes_by_type((ExtendsNode, IncludeNode)):
        expression = node.parent_name if isinstance(node, ExtendsNode) else node.template
        name = getattr(expression, "var", None)
        if isinstance(name, str):
            yield str(name)


def _name_day_calendars() -> None:
    """The almanacs the home page's dates card reads (a file each)."""
    from fasit.relationships.mapping import NAME_DAY_COUNTRIES, name_day_calendar

    for country in NAME_DAY_COUNTRIES:
        name_day_calendar(country)


def _local_days() -> None:
    """The local day of each UTC day of the last ``LOCAL_DAYS_BACK`` in each Nordic
    zone, as being on, key accounts and home date a year of conversations
    (``relationships.selectors._LOCAL_DAYS``: ~900 zone/day pairs worked out on a fresh
    process's first such page). Keyed as the database gives the times: SQLite's UTC
    text, PostgreSQL's aware datetimes (``vendor`` is the backend's, no query)."""
    import datetime as dt

    from django.db import connection
    from django.utils import timezone

    from fasit.engine.relationships.dates import COUNTRY_TIME_ZONES, time_zone_for
    from fasit.relationships.selectors import _LOCAL_DAYS

    zones = {time_zone_for(country) for country in [*COUNTRY_TIME_ZONES, ""]}
    today = timezone.now().date()
    as_text = connection.vendor == "sqlite"
    for back in range(-1, LOCAL_DAYS_BACK):
        day = today - dt.timedelta(days=back)
        noon = dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)
        value: Any = noon.strftime("%Y-%m-%d %H:%M:%S") if as_text else noon
        for zone in zones:
            _LOCAL_DAYS.of(value, zone)

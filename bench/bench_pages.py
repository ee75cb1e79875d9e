"""Time and query count of pages as one user sees them, on an existing demo.

Loads the data dir in ``FASIT_DATA_DIR`` (e.g. a ``fasit demo --scale 100`` copy),
logs the user in with Django's test client and requests each page ``--repeat`` times,
printing the best time, the query count and the status. A page that needs a record
id takes the first matching record of the user's team. No assertions.

    FASIT_DATA_DIR=/tmp/perf-x .venv/bin/python bench/bench_pages.py [--user maja]
        [--app buying] [--repeat 2] [--profile PATH]

Apps add their pages to ``PAGES`` (one entry per app; never remove another app's).
An entry is a label and either a URL, a callable ``(team) -> URL`` or, for things that
are not pages (management commands), a callable ``(team) -> None`` marked with
``call:`` in its label.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

Target = str | Callable[[Any], str | None]


def _first_pk(model_path: str, team: Any, **filters: Any) -> int:
    from django.apps import apps

    model = apps.get_model(model_path)
    obj = model.objects.for_team(team).filter(**filters).order_by("pk").first()
    if obj is None:
        raise LookupError(f"no {model_path} in {team}")
    return int(obj.pk)


def _buying_account(team: Any) -> str:
    """An account with several journeys, so the account page's card has work to do."""
    from django.db.models import Count

    from fasit.buying.models import Journey

    row = (
        Journey.objects.for_team(team)
        .values("account_id")
        .annotate(n=Count("id"))
        .order_by("-n", "account_id")
        .first()
    )
    return f"/accounts/{row['account_id']}/" if row else "/accounts/"


def _buying_report(team: Any) -> None:
    from fasit.buying.reports import report_buying

    report_buying(team=team, as_json=True)


def _relationships_account(team: Any) -> str:
    """The account with the most people on record (the 40-of-250 case in the demo)."""
    from django.db.models import Count

    from fasit.customers.models import Account

    account = Account.objects.for_team(team).annotate(n=Count("roles")).order_by("-n", "pk").first()
    return f"/accounts/{account.pk}/" if account else "/accounts/"


def _relationships_person(team: Any) -> str:
    """The person in the most conversations."""
    from django.db.models import Count

    from fasit.customers.models import Person

    person = (
        Person.objects.for_team(team)
        .annotate(n=Count("conversations"))
        .order_by("-n", "pk")
        .first()
    )
    return f"/people/{person.pk}/" if person else "/people/"


def _largest_theme(team: Any) -> str:
    from fasit.signals.models import Theme

    theme = Theme.objects.for_team(team).order_by("-statement_count", "pk").first()
    return f"/signals/themes/{theme.pk}/" if theme else "/signals/"


def _analysed_conversation(team: Any) -> str:
    from fasit.conversations.models import ListeningAnalysis

    analysis = ListeningAnalysis.objects.filter(conversation__team=team).order_by("pk").first()
    return f"/conversations/{analysis.conversation_id}/" if analysis else "/conversations/"


PAGES: dict[str, list[tuple[str, Target]]] = {
    "core": [
        ("accounts", "/accounts/"),
        ("accounts search", "/accounts/?q=bergen"),
        ("people", "/people/"),
        ("people by account name", "/people/?account_name=kraft"),
        ("conversations", "/conversations/"),
        ("log form", "/conversations/log/"),
        ("log form account search", "/conversations/log/accounts/?account_search=berg"),
        ("api accounts", "/api/accounts"),
    ],
    "signals": [
        ("board", "/signals/"),
        ("board Sweden", "/signals/?country=SE"),
        ("largest theme", _largest_theme),
        ("proposals", "/signals/proposals/"),
        ("api themes", "/api/signals/themes"),
    ],
    "listening": [
        ("conversation with transcript", _analysed_conversation),
        ("listening team", "/conversations/listening/"),
    ],
    "buying": [
        ("journeys", "/buying/"),
        ("journeys page 3", "/buying/?page=3"),
        ("journeys risk=high", "/buying/?risk=high"),
        ("journeys process", lambda t: f"/buying/?process={_first_pk('buying.BuyingProcess', t)}"),
        ("gaps", "/buying/gaps/"),
        ("insight", "/buying/insight/"),
        ("processes", "/buying/processes/"),
        ("workshop", lambda t: f"/buying/processes/{_first_pk('buying.BuyingProcess', t)}/"),
        (
            "journey",
            lambda t: f"/buying/journeys/{_first_pk('buying.Journey', t, outcome='open')}/",
        ),
        ("account (journeys card)", _buying_account),
        ("api journeys", "/api/buying/journeys"),
        ("api journeys gaps", "/api/buying/journeys?gaps_only=true"),
        ("call: report buying --json", _buying_report),
    ],
    "relationships": [
        ("home", "/"),
        ("being-on", "/relationships/being-on/"),
        ("being-on page 2", "/relationships/being-on/?page=2"),
        ("being-on mine", "/relationships/being-on/?mine=on"),
        ("key-accounts", "/relationships/key-accounts/"),
        ("api key-accounts", "/api/relationships/key-accounts"),
        ("account (most people)", _relationships_account),
        ("person (most conversations)", _relationships_person),
    ],
}


def _setup() -> None:
    if not os.environ.get("FASIT_DATA_DIR"):
        sys.exit("Set FASIT_DATA_DIR to a demo data dir.")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fasit.settings")
    import django

    django.setup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--user", default="maja")
    parser.add_argument("--app", action="append", help="only these apps' pages")
    parser.add_argument("--page", action="append", help="only pages whose label contains this")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--profile", help="write cProfile stats of the last run per page here")
    parser.add_argument(
        "--freeze",
        action="store_true",
        help="freeze the heap after the warm-up (core.warmup.warm_process, gc.freeze), as"
        " `fasit serve`'s workers do: without it a page's 'first' figure may include a full"
        " collection of the whole process",
    )
    args = parser.parse_args()
    _setup()

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from fasit.tenancy.models import Membership

    user = get_user_model().objects.get(username=args.user)
    team = Membership.objects.filter(user=user).select_related("team").first().team  # type: ignore[union-attr]
    client = Client()
    client.force_login(user)
    # What a served worker builds before it accepts connections (`fasit serve` calls
    # the same function): every template, each language's translations, formats and
    # URL names, the zones. A page's "first" figure is then its cold per-team caches
    # plus whatever else its first request builds, as in the server.
    from fasit.core.warmup import warm_process

    warmed = warm_process()
    # The server's handler loads its middleware when it is made, at start-up (the
    # static files' table among them); the test client's on its first request.
    client.handler.load_middleware()
    print(
        f"warm-up: {warmed.templates} templates, {warmed.form_templates} form templates,"
        f" {warmed.languages} languages in {warmed.seconds * 1000:.0f} ms"
    )
    if args.freeze:
        import gc

        gc.collect()
        gc.freeze()

    # "first": the first request in this process, with the per-team caches empty (as
    # after any change to the team's data); "best": the fastest of --repeat, cached.
    # CPU is this process's (SQLite runs inside it; PostgreSQL's own work is not in it).
    print(
        f"{'page':34} {'first ms':>9} {'cpu':>7} {'best ms':>9} {'cpu':>7} {'queries':>8}"
        "  status  url"
    )
    for app, pages in PAGES.items():
        if args.app and app not in args.app:
            continue
        for label, target in pages:
            if args.page and not any(p in label for p in args.page):
                continue
            is_call = label.startswith("call:")
            url = "" if is_call or isinstance(target, str) else target(team)  # type: ignore[operator]
            url = target if isinstance(target, str) else url
            best = best_cpu = float("inf")
            first = first_cpu = 0.0
            status: Any = "-"
            queries = 0
            for i in range(max(1, args.repeat)):
                profiler = cProfile.Profile() if args.profile and i == args.repeat - 1 else None
                with CaptureQueriesContext(connection) as captured:
                    start, cpu = time.perf_counter(), time.process_time()
                    if profiler:
                        profiler.enable()
                    if is_call:
                        target(team)  # type: ignore[operator]
                        status = "ok"
                    else:
                        status = client.get(url).status_code  # type: ignore[arg-type]
                    if profiler:
                        profiler.disable()
                    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
                    if i == 0:
                        first, first_cpu = elapsed, cpu
                    best, best_cpu = min(best, elapsed), min(best_cpu, cpu)
                queries = len(captured)
                if profiler:
                    safe = "".join(c if c.isalnum() else "_" for c in label)
                    path = Path(args.profile) / f"{app}-{safe}.prof"
                    path.parent.mkdir(parents=True, exist_ok=True)
                    profiler.dump_stats(path)
                    pstats.Stats(str(path)).sort_stats("cumulative")
            print(
                f"{app + ': ' + label:34} {first * 1000:9.1f} {first_cpu * 1000:7.1f}"
                f" {best * 1000:9.1f} {best_cpu * 1000:7.1f} {queries:8d}  {status!s:6}  {url}"
            )


if __name__ == "__main__":
    main()

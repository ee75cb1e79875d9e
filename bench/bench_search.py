"""Search speed on an existing demo: median milliseconds of ten queries (accounts,
people, words from notes and transcripts, themes, a prefix being typed, several words,
accents), each run ``--repeat`` times through ``fasit.search.selectors.search`` (the
index query and loading the records shown), and the dropdown as a user gets it (HTTP
through Django's test client). No assertions.

    FASIT_DATA_DIR=/tmp/uxsearch-s100 .venv/bin/python bench/bench_search.py [--repeat 5]

Build the data dir once: ``FASIT_DATA_DIR=… fasit demo --no-serve --scale 100`` (the
demo's last step fills the index; an older data dir gets it from the migration or
``fasit manage fasit_search_index``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

QUERIES = [
    "nordlys",  # account names
    "kari",  # a first name, many people
    "trine christensen",  # a person, two words
    "leveranstid",  # a word in notes, stemmed
    "driftstime",  # notes and transcripts
    "pris",  # a short word in many notes
    "le",  # two letters typed so far (prefix)
    "lulea verkstad",  # an account without its accents, two words
    "produksjonen helgene",  # two words from notes, other forms
    "søren",  # a Danish name with ø
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--user", default="maja")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fasit.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from fasit.search.models import SearchEntry
    from fasit.search.selectors import search
    from fasit.tenancy.models import Membership

    user = get_user_model().objects.get(username=args.user)
    team = Membership.objects.filter(user=user).select_related("team").first().team
    print(
        f"{connection.vendor}: {SearchEntry.objects.filter(team=team).count()} entries "
        f"in {team.name}; best of {args.repeat} per query"
    )
    client = Client()
    client.force_login(user)
    selector_ms, http_ms = [], []
    for query in QUERIES:
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            results = search(team, query, limit=20)
            times.append((time.perf_counter() - started) * 1000)
        http = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            response = client.get("/search/dropdown/", {"q": query}, HTTP_HX_REQUEST="true")
            http.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
        selector_ms.append(min(times))
        http_ms.append(min(http))
        print(
            f"  {query!r:24} {len(results):3} results  search {min(times):7.1f} ms"
            f"  dropdown page {min(http):7.1f} ms"
        )
    print(
        f"median of {len(QUERIES)} queries: search {statistics.median(selector_ms):.1f} ms, "
        f"dropdown page {statistics.median(http_ms):.1f} ms; "
        f"slowest: search {max(selector_ms):.1f} ms, dropdown page {max(http_ms):.1f} ms"
    )


if __name__ == "__main__":
    main()

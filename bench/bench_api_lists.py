"""CPU cost and query count of a 50-row API list page, in one process (no server, no
network): what bounds the requests per second `bench_http.py` can reach per core.

Uses an existing demo (``FASIT_DATA_DIR`` or ``DATABASE_URL``) and its user ``maja``.
Prints, per list, the median milliseconds over ``--repeat`` requests and the queries
one request makes. No assertions.

    FASIT_DATA_DIR=/tmp/s100 .venv/bin/python bench/bench_api_lists.py [--repeat 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

LISTS = [
    "/api/conversations?limit=50",
    "/api/accounts?limit=50",
    "/api/people?limit=50",
    "/api/buying/journeys?limit=50",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--user", default="maja")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fasit.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(get_user_model().objects.get(username=args.user))
    for url in LISTS:
        client.get(url)  # warm caches and imports
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        print(
            f"{url:<34} {response.status_code}  median {statistics.median(times):7.1f} ms"
            f"  min {min(times):7.1f} ms  {len(queries)} queries"
        )


if __name__ == "__main__":
    main()

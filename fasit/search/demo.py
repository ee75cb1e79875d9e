"""Demo step: index everything the steps before wrote with bulk inserts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from fasit.search.documents import index_team


def seed(
    *, team: Any, users: Any, today: dt.date, seed: int, scale: int, log: Callable[[str], None]
) -> dict[str, int]:
    counts = index_team(team, log=log)
    return {"search_entries": sum(counts.values())}

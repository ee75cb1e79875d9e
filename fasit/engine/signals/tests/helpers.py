"""Small builders shared by the signal tests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from fasit.engine.signals.model import Statement

DATA = Path(__file__).parent / "data"


def st(
    sid: str,
    account: str,
    text: str,
    *,
    group: str | None = None,
    language: str | None = None,
) -> Statement:
    return Statement(
        id=sid,
        account=account,
        conversation=f"c-{sid}",
        date=dt.date(2026, 3, 1),
        text=text,
        group=group,
        language=language,
    )


def load_eval(name: str) -> tuple[list[Statement], dict[str, str]]:
    """Statements of an evaluation file in tests/data and their gold themes.

    The gold theme is on each row (``"theme"``) or, in the shared eval format, in a
    ``<name>_gold.jsonl`` file next to it.
    """
    statements: list[Statement] = []
    gold: dict[str, str] = {}
    gold_file = DATA / name.replace(".jsonl", "_gold.jsonl")
    if gold_file.exists():
        for line in gold_file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                gold[row["id"]] = row["theme"]
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        statements.append(
            Statement(
                id=row["id"],
                account=row["account"],
                conversation=row["conversation"],
                date=dt.date.fromisoformat(row["date"]),
                text=row["text"],
                group=row.get("group"),
            )
        )
        if "theme" in row:
            gold[row["id"]] = row["theme"]
    return statements, gold

"""``fasit signals group INPUT.jsonl [--json]``: group statements into themes, no database."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from fasit.engine.signals.embedding import EmbedderUnavailable, load_embedder
from fasit.engine.signals.grouping import build_index
from fasit.engine.signals.model import Statement, Theme

REQUIRED = ("id", "account", "conversation", "date", "text")
LANGUAGES = ("sv", "nb", "da", "en")
USAGE = "usage: fasit signals group INPUT.jsonl [--json] [--language sv|nb|da|en]"


class InputError(Exception):
    pass


def _parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return dt.datetime.fromisoformat(value).date()


def _statement(record: Any) -> Statement:
    if not isinstance(record, dict):
        raise InputError("expected a JSON object")
    for name in REQUIRED:
        value = record.get(name)
        if value is None:
            raise InputError(f'missing field "{name}"')
        if not isinstance(value, str) or not value.strip():
            raise InputError(f'field "{name}" must be a non-empty string')
    try:
        date = _parse_date(record["date"].strip())
    except ValueError:
        raise InputError(f'field "date": not a date: {record["date"]!r}') from None
    group = record.get("group")
    if group is not None and not isinstance(group, str):
        raise InputError('field "group" must be a string')
    language = record.get("language")
    if language is not None and language not in LANGUAGES:
        raise InputError(f'field "language" must be one of {", ".join(LANGUAGES)}')
    return Statement(
        id=record["id"].strip(),
        account=record["account"].strip(),
        conversation=record["conversation"].strip(),
        date=date,
        text=record["text"].strip(),
        group=group.strip() or None if group else None,
        language=language,
    )


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise InputError("cannot tell the file's text encoding") from None
        return str(best)


def read_statements(path: Path) -> tuple[list[Statement], list[str]]:
    """Statements of a JSONL file, and one message per bad line (blank lines skipped)."""
    statements: list[Statement] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(_read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"invalid JSON: {exc.msg}") from None
            statement = _statement(record)
            if statement.id in seen:
                raise InputError(
                    f"duplicate id {statement.id!r} (first on line {seen[statement.id]})"
                )
        except InputError as exc:
            errors.append(f"{path}:{number}: {exc}")
            continue
        seen[statement.id] = number
        statements.append(statement)
    return statements, errors


def _theme_json(theme: Theme) -> dict[str, object]:
    return {
        "id": theme.id,
        "label": theme.label,
        "statements": list(theme.statement_ids),
        "accounts": theme.accounts,
        "level": theme.level,
        "corroborated": theme.corroborated,
    }


def _print_readable(themes: list[Theme], by_id: dict[str, Statement]) -> None:
    for theme in themes:
        accounts = sorted({by_id[sid].account for sid in theme.statement_ids})
        plural = "account" if theme.accounts == 1 else "accounts"
        held = "" if theme.corroborated else " (held at alarm: not corroborated)"
        print(f"[{theme.level.upper()}] {theme.label} — {theme.accounts} {plural}{held}")
        print(f"    {', '.join(accounts)}")
        for sid in theme.statement_ids:
            s = by_id[sid]
            print(f'    "{s.text}" — {s.account}, {s.date.isoformat()}, {s.language} ({s.id})')
        print()


def _group(args: argparse.Namespace) -> int:
    path = Path(args.input)
    try:
        statements, errors = read_statements(path)
    except (OSError, InputError) as exc:
        print(f"fasit signals group: {path}: {exc}", file=sys.stderr)
        return 2
    if errors:
        for message in errors:
            print(message, file=sys.stderr)
        print(f"fasit signals group: {len(errors)} bad line(s); nothing grouped", file=sys.stderr)
        return 2
    embedder = None
    if args.embedder:
        try:
            embedder = load_embedder(args.embedder)
        except EmbedderUnavailable as exc:
            print(f"fasit signals group: {exc}", file=sys.stderr)
            return 2
    index = build_index(statements, embedder=embedder)
    themes = index.themes(args.language)
    if args.json:
        json.dump({"themes": [_theme_json(t) for t in themes]}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        by_id = {sid: index.statement(sid) for t in themes for sid in t.statement_ids}
        _print_readable(themes, by_id)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fasit signals", add_help=True)
    sub = parser.add_subparsers(dest="command")
    group = sub.add_parser("group", help="group customer statements into themes")
    group.add_argument("input", help="JSONL file, one statement per line")
    group.add_argument("--json", action="store_true", help="print one JSON object")
    group.add_argument("--language", default="en", choices=LANGUAGES, help="label language")
    group.add_argument("--embedder", default=None, help="local embedding model directory")
    return parser


def main(argv: list[str]) -> int:
    parser = _parser()
    if not argv or argv[0] not in {"group", "-h", "--help"}:
        print(USAGE, file=sys.stderr)
        return 2
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else 2
    return _group(args)

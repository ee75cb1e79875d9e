"""Search the whole database for strings: every text column of every model (from the
model graph), every column of every table (from the database's own catalogue, for
tables no model describes), and for SQLite the bytes of the file after VACUUM.

Needles are matched case-insensitively and also in the form JSON gives them on
SQLite (``"Bergstr\\u00f6m"``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from django.db import connection
from django.db.models import Q, TextField
from django.db.models.functions import Cast

from fasit.privacy.registry import text_tables


def variants(needles: Iterable[str]) -> list[str]:
    out: list[str] = []
    for needle in needles:
        for form in (needle, json.dumps(needle)[1:-1]):
            if form and form not in out:
                out.append(form)
    return out


def search_models(needles: Iterable[str]) -> list[str]:
    """Hits as "app.Model.field #pk" over every text, JSON and binary column."""
    needles = variants(needles)
    hits = []
    for table in text_tables():
        manager = table.model._default_manager
        for f in table.fields:
            column = f.name
            queryset = manager.all()
            if f.get_internal_type() == "JSONField":
                column = "search_text"
                queryset = queryset.annotate(search_text=Cast(f.name, TextField()))
            condition = Q()
            for needle in needles:
                condition |= Q(**{f"{column}__icontains": needle})
            for pk in queryset.filter(condition).values_list("pk", flat=True):
                hits.append(f"{table.model._meta.label}.{f.name} #{pk}")
        for f in table.binary:
            for pk, content in manager.values_list("pk", f.name).iterator():
                data = bytes(content or b"").lower()
                if any(_encoded(n) & _in(data) for n in needles):
                    hits.append(f"{table.model._meta.label}.{f.name} #{pk}")
    return hits


def _encoded(needle: str) -> set[bytes]:
    lower = needle.lower()
    return {lower.encode(e, errors="ignore") for e in ("utf-8", "utf-16-le", "cp1252")}


class _in:
    """``set_of_encodings & _in(data)`` is truthy when any encoding occurs in data."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def __rand__(self, encodings: set[bytes]) -> bool:
        return any(e in self.data for e in encodings)


def search_tables(needles: Iterable[str]) -> list[str]:
    """Hits as "table.column" over every column of every table in the database."""
    originals = variants(needles)
    needles = [n.lower() for n in originals]
    hits = []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT table_name, column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND data_type IN "
                "('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')"
            )
            columns = cursor.fetchall()
        else:
            columns = []
            for table in connection.introspection.table_names(cursor):
                for col in connection.introspection.get_table_description(cursor, table):
                    columns.append((table, col.name, "any"))
        for table, column, data_type in columns:
            quoted = f"{connection.ops.quote_name(table)}.{connection.ops.quote_name(column)}"
            for original, needle in zip(originals, needles, strict=True):
                if data_type == "bytea":
                    # Binary: the bytes as written, in UTF-8 (transcripts are text files).
                    sql = f"SELECT count(*) FROM {connection.ops.quote_name(table)} WHERE position(%s in {quoted}) > 0"  # noqa: E501
                    params = [original.encode("utf-8")]
                elif connection.vendor == "postgresql":
                    sql = f"SELECT count(*) FROM {connection.ops.quote_name(table)} WHERE lower({quoted}::text) LIKE %s"  # noqa: E501
                    params = [f"%{needle}%"]
                else:
                    sql = f"SELECT count(*) FROM {connection.ops.quote_name(table)} WHERE instr(lower(CAST({quoted} AS TEXT)), %s) > 0"  # noqa: E501
                    params = [needle]
                cursor.execute(sql, params)
                if cursor.fetchone()[0]:
                    hits.append(f"{table}.{column} ({needle})")
    return hits


def sqlite_file_bytes_after_vacuum(tmp_path: Path) -> bytes:
    """The database as a file after VACUUM (``VACUUM INTO`` writes the vacuumed copy;
    it needs no open transaction, so tests using it run with ``transaction=True``)."""
    assert connection.vendor == "sqlite"
    path = tmp_path / "vacuumed.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(path)])
    return path.read_bytes()

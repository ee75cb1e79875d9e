"""The person an update took a row from (``AuditEvent.moved_from``), so that erasing
them takes their name out of the entry that gave the row to another person, which is
kept under the other (``person_ref``). Filled for entries already written:

- an update of a row that names a person, whose change of that person reads
  [old name, new name]: the one person of the team named the old name, when that is
  not the entry's own person. A renamed or erased person, or a namesake, leaves it
  blank (erasure's name scrub is then all that looks at the entry, as before).
- a merged duplicate's deletion (``merged_into`` "name (#id)"): it holds every value
  the duplicate had, and is now the kept person's (``person_ref``), when that person
  still exists.

On SQLite the column is added in place, as in ``0008_audit_person_ref`` (the audit
table is large; a rebuild would copy it). Set-based: one UPDATE … FROM for the moves,
against a temporary table of the old names and the people they resolve to; merges are
few and read one by one. It only fills blanks, so it can run again."""

from __future__ import annotations

import re
from typing import Any

from django.db import migrations, models

# label -> its foreign key to a person, as in ``0009_audit_links_filled`` (a migration
# keeps its own list: it does not follow later models).
PERSONS = {
    "customers.personrole": "person",
    "customers.consent": "person",
    "customers.familymember": "person",
    "customers.interest": "person",
    "customers.lifeevent": "person",
    "customers.importantdate": "person",
    "conversations.transcriptspeaker": "person",
    "market_signals.statement": "person",
    "market_signals.proposal": "person",
    "relationships.personcadence": "person",
    "relationships.personknowledgesnapshot": "person",
    "buying.buyinggroupmember": "person",
    "buying.motive": "person",
    "transfer.externalkey": "person",
    "privacy.erasurecandidate": "person",
    "privacy.informationnotice": "person",
    "privacy.accesslog": "person",
}
NAMES = "fill_moved_from_name"
MERGED_INTO = re.compile(r"\(#(\d{1,18})\)$")


def _field() -> models.CharField:
    field = models.CharField(blank=True, default="", max_length=40)
    field.set_attributes_from_name("moved_from")
    return field


def add_column(apps: Any, schema_editor: Any) -> None:
    model = apps.get_model("core", "AuditEvent")
    if schema_editor.connection.vendor != "sqlite":
        schema_editor.add_field(model, _field())
        return
    table = schema_editor.quote_name(model._meta.db_table)
    schema_editor.execute(
        f"ALTER TABLE {table} ADD COLUMN {schema_editor.quote_name('moved_from')}"
        " varchar(40) NOT NULL DEFAULT ''"
    )


def remove_column(apps: Any, schema_editor: Any) -> None:
    schema_editor.remove_field(apps.get_model("core", "AuditEvent"), _field())


def _pair(postgres: bool, field: str) -> str:
    """The entry's change of ``field`` is an [old, new] pair whose old is a text."""
    if postgres:
        return (
            f"(CASE WHEN jsonb_typeof(e.changes -> '{field}') = 'array'"
            f" THEN jsonb_array_length(e.changes -> '{field}') END) = 2"
            f" AND jsonb_typeof(e.changes -> '{field}' -> 0) = 'string'"
        )
    return (
        f"json_type(e.changes, '$.{field}') = 'array'"
        f" AND json_array_length(e.changes, '$.{field}') = 2"
        f" AND json_type(e.changes, '$.{field}[0]') = 'text'"
    )


def _old(postgres: bool, field: str) -> str:
    if postgres:
        return f"e.changes -> '{field}' ->> 0"
    return f"json_extract(e.changes, '$.{field}[0]')"


def fill_moved_from(apps: Any, schema_editor: Any) -> None:
    connection = schema_editor.connection
    postgres = connection.vendor == "postgresql"
    Event = apps.get_model("core", "AuditEvent")
    Person = apps.get_model("customers", "Person")
    events, people = Event._meta.db_table, Person._meta.db_table
    by_field: dict[str, list[str]] = {}
    for label, field in PERSONS.items():
        by_field.setdefault(field, []).append(label)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {NAMES}")
        cursor.execute(
            f"CREATE TEMPORARY TABLE {NAMES} (team_id BIGINT, text TEXT, found VARCHAR(40))"
        )
        for field, labels in sorted(by_field.items()):
            kinds = ", ".join(f"'{label}'" for label in sorted(labels))
            moves = (
                f"e.object_type IN ({kinds}) AND e.action = 'update' AND e.moved_from = ''"
                f" AND {_pair(postgres, field)}"
            )
            cursor.execute(f"DELETE FROM {NAMES}")  # noqa: S608
            cursor.execute(
                f"INSERT INTO {NAMES} SELECT t.team_id, t.text, CAST(MIN(p.id) AS TEXT)"  # noqa: S608
                f" FROM (SELECT DISTINCT e.team_id, {_old(postgres, field)} AS text"
                f" FROM {events} AS e WHERE {moves}) AS t"
                f" JOIN {people} AS p ON p.team_id = t.team_id AND p.name = t.text"
                " WHERE t.text <> '' GROUP BY t.team_id, t.text HAVING COUNT(*) = 1"
            )
            cursor.execute(f"CREATE INDEX IF NOT EXISTS {NAMES}_key ON {NAMES} (team_id, text)")
            cursor.execute(
                f"UPDATE {events} AS e SET moved_from = n.found FROM {NAMES} AS n"  # noqa: S608
                f" WHERE {moves} AND n.team_id = e.team_id"
                f" AND n.text = {_old(postgres, field)} AND n.found <> e.person_ref"
            )
        cursor.execute(f"DROP TABLE IF EXISTS {NAMES}")
    # A merged duplicate's deletion: few (one per merge), read one by one.
    merged = Event.objects.filter(
        object_type="customers.person",
        action="delete",
        person_ref="",
        changes__has_key="merged_into",
    ).values_list("pk", "team_id", "changes")
    for pk, team_id, changes in merged.iterator():
        pair = changes.get("merged_into")
        text = pair[1] if isinstance(pair, list) and len(pair) == 2 else None
        found = MERGED_INTO.search(text) if isinstance(text, str) else None
        if found and Person.objects.filter(team_id=team_id, pk=int(found[1])).exists():
            Event.objects.filter(pk=pk, person_ref="").update(person_ref=found[1])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0009_audit_links_filled"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="auditevent",
                    name="moved_from",
                    field=models.CharField(blank=True, default="", max_length=40),
                ),
            ],
            database_operations=[migrations.RunPython(add_column, remove_column)],
        ),
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(
                condition=models.Q(("moved_from", ""), _negated=True),
                fields=["team", "moved_from"],
                name="core_audit_moved_from",
            ),
        ),
        migrations.RunPython(fill_moved_from, migrations.RunPython.noop, elidable=True),
    ]

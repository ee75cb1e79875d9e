"""The Python path of ``core.0009_audit_links_filled`` before it became set-based
(commit 6950522), kept as the oracle of its differential test and the A of
``bench/bench_audit_fill.py --old``. Its docstring as it was:

Fill ``parent_type``/``parent_id`` and ``person_ref`` on audit entries written before
entries named them (``0007_audit_parent``, ``0008_audit_person_ref``), from what the
entries themselves hold, where that determines them:

- the row still exists: its parent and person are read from the row (its id is the
  entry's ``object_id``);
- the row was deleted: the entries' snapshots name the parent and the person as text
  (``str()`` of the record at the time: a person's or account's name, a journey's
  "title (account)", a conversation's "kind account date"). When every entry of the
  row that names one names the same, and exactly one record of the team reads so,
  that record is the one. Otherwise (a namesake, a renamed or erased record) the
  entry is left as it is: a wrong parent would put a row into another record's
  history, a wrong person would blank another person's history on erasure.

The audit table can be large: entries are read in batches of ``BATCH`` by id, each
batch in its own transaction, so memory stays bounded and a stopped run resumes
where it stopped (it only fills what is blank). The kinds are those of the models
when this migration was written: a migration does not follow later models."""

import datetime as dt
from collections import defaultdict

from django.db import transaction
from django.db.models import Q

BATCH = 2000

# child label -> (parent field, parent label): the models' SYNC_PARENTS/HISTORY_PARENTS.
PARENTS = {
    "customers.accountrevenue": ("account", "customers.account"),
    "customers.personrole": ("person", "customers.person"),
    "customers.consent": ("person", "customers.person"),
    "customers.familymember": ("person", "customers.person"),
    "customers.interest": ("person", "customers.person"),
    "customers.lifeevent": ("person", "customers.person"),
    "customers.importantdate": ("person", "customers.person"),
    "conversations.transcriptfile": ("conversation", "conversations.conversation"),
    "conversations.followup": ("conversation", "conversations.conversation"),
    "buying.stage": ("process", "buying.buyingprocess"),
    "buying.stagechange": ("journey", "buying.journey"),
    "buying.buyinggroupmember": ("journey", "buying.journey"),
    "buying.motive": ("journey", "buying.journey"),
    "buying.suggestiondismissal": ("journey", "buying.journey"),
}

# label -> its foreign key to a person (core/audit.py ``person_of``).
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


def _unique(queryset):
    found = list(queryset.values_list("pk", flat=True)[:2])
    return str(found[0]) if len(found) == 1 else None


def _by_name(label):
    def resolve(apps, team_id, text):
        model = apps.get_model(label)
        return _unique(model.objects.filter(team_id=team_id, name=text))

    return resolve


def _journey(apps, team_id, text):
    # "<title> (<account>)": each " (" could end the title; the account's name and the
    # journeys of that account are found by index, not by reading every journey.
    if not text.endswith(")"):
        return None
    splits = Q()
    start = text.find(" (")
    while start != -1:
        splits |= Q(title=text[:start], account__name=text[start + 2 : -1])
        start = text.find(" (", start + 1)
    if not splits:
        return None
    model = apps.get_model("buying", "Journey")
    return _unique(model.objects.filter(splits, team_id=team_id))


def _conversation(apps, team_id, text):
    # "<kind> <account> <YYYY-MM-DD>": the kind in the language of whoever made the
    # change; the date of ``occurred_at`` as it was formatted (UTC from the database,
    # or the local time of a form), so a day either side is looked at.
    try:
        day = dt.date.fromisoformat(text[-10:])
    except ValueError:
        return None
    model = apps.get_model("conversations", "Conversation")
    start = dt.datetime.combine(day - dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    rows = model.objects.filter(
        team_id=team_id,
        occurred_at__gte=start,
        occurred_at__lt=start + dt.timedelta(days=3),
    ).values_list("pk", "account__name")
    found = [pk for pk, account in rows if text.endswith(f" {account} {day.isoformat()}")]
    return str(found[0]) if len(found) == 1 else None


RESOLVERS = {
    "customers.person": _by_name("customers.person"),
    "customers.account": _by_name("customers.account"),
    "buying.buyingprocess": _by_name("buying.buyingprocess"),
    "buying.journey": _journey,
    "conversations.conversation": _conversation,
}


def _texts(Event, label, keys, fields):
    """For deleted rows ``keys`` ({(team_id, object_id)}): the one text all of a row's
    entries give each of ``fields`` (absent when none does, or they differ). One query
    for the batch's rows of a kind."""
    seen = defaultdict(set)  # (team_id, object_id, field) -> texts
    for team_id, object_id, changes in Event.objects.filter(
        object_type=label, object_id__in=sorted({i for _t, i in keys})
    ).values_list("team_id", "object_id", "changes"):
        if (team_id, object_id) not in keys:
            continue
        for field in fields:
            pair = (changes or {}).get(field)
            if isinstance(pair, list) and len(pair) == 2:
                seen[(team_id, object_id, field)].update(
                    v for v in pair if isinstance(v, str) and v
                )
    return {key: next(iter(texts)) for key, texts in seen.items() if len(texts) == 1}


def _fill_batch(apps, Event, rows):
    objects = defaultdict(set)  # label -> {(team_id, object_id)}
    for row in rows:
        if row["object_id"].isdigit():
            objects[row["object_type"]].add((row["team_id"], row["object_id"]))
    parents = defaultdict(list)  # (team, label, parent label, parent id) -> object ids
    people = defaultdict(list)  # (team, label, person id) -> object ids
    resolved = {}

    def resolve(target_label, team_id, text):
        key = (target_label, team_id, text)
        if key not in resolved:
            resolved[key] = RESOLVERS[target_label](apps, team_id, text)
        return resolved[key]

    for label, keys in objects.items():
        model = apps.get_model(label)
        parent = PARENTS.get(label)
        person = PERSONS.get(label)
        fields = [name for name in (parent and parent[0], person) if name]
        existing = {
            str(row["pk"]): row
            for row in model.objects.filter(pk__in=[int(i) for _t, i in keys]).values(
                "pk", *(f"{name}_id" for name in fields)
            )
        }
        gone = {(t, i) for t, i in keys if i not in existing}
        texts = _texts(Event, label, gone, fields) if gone else {}
        for team_id, object_id in keys:
            row = existing.get(object_id)
            found = {}
            for field, target_label in (
                *((parent,) if parent else ()),
                *(((person, "customers.person"),) if person else ()),
            ):
                if row is not None:
                    value = row[f"{field}_id"]
                    found[field] = None if value is None else str(value)
                else:
                    text = texts.get((team_id, object_id, field))
                    found[field] = None if text is None else resolve(target_label, team_id, text)
            if parent and found[parent[0]] is not None:
                parents[(team_id, label, parent[1], found[parent[0]])].append(object_id)
            if person and found[person] is not None:
                people[(team_id, label, found[person])].append(object_id)
    for (team_id, label, parent_label, target), ids in parents.items():
        Event.objects.filter(
            team_id=team_id, object_type=label, object_id__in=ids, parent_id=""
        ).update(parent_type=parent_label, parent_id=target)
    for (team_id, label, target), ids in people.items():
        Event.objects.filter(
            team_id=team_id, object_type=label, object_id__in=ids, person_ref=""
        ).update(person_ref=target)


def fill_links(apps, schema_editor, batch=BATCH):
    Event = apps.get_model("core", "AuditEvent")
    blank = Q(object_type__in=list(PARENTS), parent_id="") | Q(
        object_type__in=list(PERSONS), person_ref=""
    )
    last = 0
    while True:
        with transaction.atomic():
            rows = list(
                Event.objects.filter(blank, pk__gt=last)
                .order_by("pk")
                .values("pk", "team_id", "object_type", "object_id")[:batch]
            )
            if not rows:
                return
            last = rows[-1]["pk"]
            _fill_batch(apps, Event, rows)


# Migration 0009's ``_fill_moved`` before it read the rows whose person changed kind by
# kind (it read and wrote them one by one): the oracle of that change's test. It takes
# the migration's own ``_Sql`` and ``_persons_as_of`` (``fill_moved_one_by_one(cursor,
# sql, apps, events, migration=module)``).
def fill_moved_one_by_one(cursor, sql, apps, events, migration):
    """Rows whose person changed (an update names it: a statement given to another
    person): each entry gets the person the row named when it was written, read from
    the updates' [old, new] names back from today's person (or, for a deleted row, the
    person its deletion names). A name that is not one person's of the team leaves the
    entries before it blank. Few rows: read one by one."""
    Event = apps.get_model("core", "AuditEvent")
    Person = apps.get_model("customers", "Person")
    names = {}

    def named(team_id, text):
        if not isinstance(text, str) or not text:
            return ""
        if (team_id, text) not in names:
            found = list(
                Person.objects.filter(team_id=team_id, name=text).values_list("pk", flat=True)[:2]
            )
            names[(team_id, text)] = str(found[0]) if len(found) == 1 else ""
        return names[(team_id, text)]

    for label, field in sorted(PERSONS.items()):
        model = apps.get_model(label)
        cursor.execute(
            f"SELECT DISTINCT c.team_id, c.object_id FROM {events} AS c"  # noqa: S608
            f" WHERE c.object_type = '{label}' AND c.action = 'update' AND {sql.pair('c', field)}"
            f" AND EXISTS (SELECT 1 FROM {events} AS b WHERE b.team_id = c.team_id"
            f" AND b.object_type = c.object_type AND b.object_id = c.object_id"
            " AND b.person_ref = '')"
        )
        for team_id, object_id in cursor.fetchall():
            today = ""
            if object_id.isdigit():
                row = model.objects.filter(pk=int(object_id)).values_list(f"{field}_id", flat=True)
                today = next((str(v) for v in row if v is not None), "")
            entries = list(
                Event.objects.filter(team_id=team_id, object_type=label, object_id=object_id)
                .order_by("pk")
                .values_list("pk", "action", "person_ref", "changes")
            )
            found = migration._persons_as_of(
                entries, field, today, lambda t, team=team_id: named(team, t)
            )
            blank = {pk for pk, _a, ref, _c in entries if not ref}
            for pk, person in found.items():
                if pk in blank:
                    Event.objects.filter(pk=pk, person_ref="").update(person_ref=person)

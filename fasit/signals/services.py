"""Writes for market signals. Each is atomic and audited, and keeps the engine's
index, the statement rows and the theme rows in step within one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from fasit.conversations.models import Conversation
from fasit.core.audit import (
    audit_create_sql,
    audit_delete,
    audit_record,
    audit_update,
    snapshot,
)
from fasit.core.db import id_slices
from fasit.core.services import require_same_team
from fasit.core.validators import check_one_line
from fasit.customers.models import Account, Person
from fasit.engine.signals import ThemeIndex, build_index, level_for
from fasit.engine.signals.model import Proposal as EngineProposal
from fasit.engine.signals.proposals import propose
from fasit.engine.text.language import detect_language
from fasit.signals import index as signal_index
from fasit.signals.events import themes_changed
from fasit.signals.models import (
    LEVEL_RANK,
    Kind,
    Level,
    Notification,
    Proposal,
    Source,
    Statement,
    TaughtTerm,
    Theme,
    notification_text,
)
from fasit.tenancy.models import Team

LANGUAGES = {"sv", "nb", "da", "en"}
# Statements assigned to a theme per UPDATE in a regroup (bound parameters per statement).
ASSIGN_SLICE = 5_000


def _notify_level(team: Team, theme: Theme) -> None:
    with override(team.language):
        text = notification_text(theme.level, theme.accounts, theme.name)
    Notification.objects.create(
        team=team, theme=theme, level=theme.level, accounts=theme.accounts, text=text
    )


# What ``_sync_joined`` changes on a theme row (its labels and concepts stay).
JOINED_FIELDS = (
    "accounts",
    "corroborated",
    "level",
    "level_reached_at",
    "statement_count",
    "languages",
    "last_said_on",
    "updated_at",
)


def _save_theme(
    team: Team, theme: Theme, old_rank: int, fields: Iterable[str] | None = None
) -> None:
    """Save a theme row (only ``fields`` when given); when its level rose to alarm or
    confirmed, note when and tell the team (a dismissed theme rises silently)."""
    raised = LEVEL_RANK[theme.level] > old_rank
    if raised:
        theme.level_reached_at = timezone.now()
    theme.save(update_fields=fields)
    if raised and theme.level != Level.NOTED and not theme.dismissed:
        _notify_level(team, theme)


# The theme columns ``_sync_themes`` sets from the engine.
SYNCED_FIELDS = (
    "labels",
    "label",
    "level",
    "accounts",
    "corroborated",
    "statement_count",
    "languages",
    "concepts",
    "dismissed",
    "last_said_on",
)


def _sync_themes(
    team: Team, index: ThemeIndex, keys: Iterable[str], rows: dict[str, Theme] | None = None
) -> dict[str, Theme]:
    """Write the engine's view of the given themes to their rows (create, update or
    delete), and tell the team when one reaches alarm or confirmed. ``rows``: the
    themes' rows already read in this transaction (a key missing from it has none).

    A row is saved with the columns that changed only: a save that leaves the names
    alone does not touch the theme's search entry."""
    keys = set(keys)
    if rows is None:
        rows = {t.key: t for t in Theme.objects.for_team(team).filter(key__in=keys)}
    synced: dict[str, Theme] = {}
    for key in keys:
        row = rows.get(key)
        try:
            engine_theme = index.theme(key, team.language)
        except KeyError:
            if row is not None:
                row.delete()
            continue
        dates = [index.statement(sid).date for sid in engine_theme.statement_ids]
        if row is None:
            row = Theme(team=team, key=key)
        old_rank = LEVEL_RANK.get(row.level, 0) if row.pk else 0
        before = {f: getattr(row, f) for f in SYNCED_FIELDS} if row.pk else None
        labels = index.labels(key)
        row.labels = {lang: text[:200] for lang, text in labels.items()}
        row.label = labels.get(team.language, engine_theme.label)[:200]
        row.level = engine_theme.level
        row.accounts = engine_theme.accounts
        row.corroborated = engine_theme.corroborated
        row.statement_count = len(engine_theme.statement_ids)
        row.languages = ",".join(engine_theme.languages)[:40]
        row.concepts = list(engine_theme.concepts)
        row.dismissed = engine_theme.dismissed
        row.last_said_on = max(dates) if dates else None
        synced[key] = row
        if before is None:
            _save_theme(team, row, old_rank)
            continue
        changed = [f for f in SYNCED_FIELDS if getattr(row, f) != before[f]]
        if changed:
            # The level as read in this transaction (after the team's lock): the
            # webhook receiver need not read it again to see whether the save raised it.
            row._webhook_level = before["level"]  # type: ignore[attr-defined]
            fields = [*changed, "updated_at"]
            if "level" in changed:
                fields.append("level_reached_at")
            _save_theme(team, row, old_rank, fields=fields)
    return synced


# A theme's label is recomputed while it is small and then at doubling sizes: labels
# of large themes hardly change, and recomputing one costs a pass over its statements.
def _relabel_due(count: int) -> bool:
    return count <= 8 or count & (count - 1) == 0


def _sync_joined(team: Team, index: ThemeIndex, theme: Theme, statement: Statement) -> Theme:
    """Update a theme row after one statement joined it, in time independent of the
    theme's size and of the team's: the engine keeps each theme's independent accounts
    (corporate-group keys, counted as statements join and leave), so no query asks
    whether the statement's group spoke in the theme already; from three accounts on,
    the engine's corroboration check (bounded, cached) decides between alarm and
    confirmed."""
    old_rank = LEVEL_RANK[theme.level]
    # The level as read in this transaction (after the team's lock): the webhook
    # receiver need not read it again to see whether the save raised it.
    theme._webhook_level = theme.level  # type: ignore[attr-defined]
    theme.accounts = index.account_count(theme.key)
    theme.corroborated = theme.accounts < 3 or index.corroborated(theme.key)
    theme.level = level_for(theme.accounts, theme.corroborated)
    theme.statement_count += 1
    theme.languages = ",".join(
        sorted({*filter(None, theme.languages.split(",")), statement.language})
    )[:40]
    theme.last_said_on = max(filter(None, [theme.last_said_on, statement.said_on]))
    _save_theme(team, theme, old_rank, fields=JOINED_FIELDS)
    return theme


def _theme_by_key(team: Team, key: str) -> Theme | None:
    """The team's theme row of this engine key, or None: one indexed read by the
    (team, key) unique index, written out so an add does not pay for building the
    ORM query (with its ORDER BY) each time; the values pass the database's and the
    fields' converters as the ORM's do."""
    fields = Theme._meta.concrete_fields
    quote = connection.ops.quote_name
    sql = (
        f"SELECT {', '.join(quote(f.column) for f in fields)} FROM {quote(Theme._meta.db_table)}"
        f" WHERE {quote('team_id')} = %s AND {quote('key')} = %s LIMIT 1"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [team.pk, key])
        row = cursor.fetchone()
    if row is None:
        return None
    values = []
    for field, value in zip(fields, row, strict=True):
        expression = field.get_col(Theme._meta.db_table)
        for convert in [
            *connection.ops.get_db_converters(expression),
            *field.get_db_converters(connection),
        ]:
            value = convert(value, expression, connection)
        values.append(value)
    return Theme.from_db(connection.alias, [f.attname for f in fields], values)


def _clean_text(text: str) -> str:
    text = " ".join((text or "").split())
    if not text:
        raise ValidationError({"text": _("Write what the customer said.")})
    if len(text) > 2000:
        raise ValidationError({"text": _("A statement is at most 2,000 characters.")})
    return text


def statement_create(
    *,
    team: Team,
    actor: Any,
    conversation: Conversation,
    text: str,
    kind: str = Kind.NEED,
    person: Person | None = None,
    source: str = Source.MANUAL,
    language: str | None = None,
    weak: bool = False,
    weak_reason: str = "",
    question: str = "",
    seller_summary: bool = False,
) -> Statement:
    """Keep a statement and put it in a theme (an existing one or a new one).

    ``question`` is the seller's question a short answer answered (kept with it);
    ``seller_summary`` marks the seller's own words about the customer.

    The team's index is made ready first, outside the transaction: building it
    (seconds at 100,000 statements, after a restart) must not hold the database's
    write lock, and a build already under way (the worker's warm-up) is waited for."""
    require_same_team(team, conversation=conversation, person=person)
    text = _clean_text(text)
    question = " ".join((question or "").split())[:2000]
    if kind not in Kind.values:
        raise ValidationError({"kind": _("Choose what kind of statement this is.")})
    language = language if language in LANGUAGES else detect_language(f"{question} {text}")
    # The account as an object: the team guard, the group lookup and the audit read it
    # from here instead of querying it (three times) by its id.
    account = conversation.account
    statement = Statement(
        team=team,
        conversation=conversation,
        account=account,
        person=person,
        text=text,
        question=question,
        seller_summary=seller_summary,
        language=language,
        kind=kind,
        said_on=timezone.localdate(conversation.occurred_at),
        source=source,
        weak=weak,
        weak_reason=weak_reason[:300],
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    # The related rows are given as objects of this team (checked above and by the
    # team guard on save): full_clean would query each by id to see that it exists.
    statement.full_clean(exclude=["team", "conversation", "account", "person", "created_by"])
    signal_index.warm(team)
    with transaction.atomic():
        return _add(team, actor, statement, account)


def _add(team: Team, actor: Any, statement: Statement, account: Account) -> Statement:
    """The add's writes, in its transaction: 8 queries when the statement joins a
    theme (the version bump that locks the team's signals and reserves the statement's
    id, the theme read and update, the statement's one insert, the search entry read,
    the replay log, the audit record), plus the search entry's update when the
    statement brings words the theme's entry lacks."""
    # Take the index before saving: a rebuilt index must not contain the new row yet.
    state = signal_index.locked_state(team, reserve_statement_id=True)
    index = signal_index.checkout(team, state)
    reserved = state.statement_id  # type: ignore[attr-defined]
    if reserved is None:
        statement.save()
    else:
        statement.pk = reserved
    # Only this account's group matters here (read under the team's lock, as a change
    # of groups recounts under it): walking its parents is cheaper than loading the
    # whole team's account tree on every statement.
    group = signal_index.independent_key(account.pk, {account.pk: account.group_root.pk})
    row = {f: getattr(statement, f) for f in signal_index.STATEMENT_FIELDS}
    engine_statement = signal_index.engine_statement(row, {}, group)
    key = index.add(engine_statement)
    existing = _theme_by_key(team, key)
    if existing is None or _relabel_due(existing.statement_count + 1):
        rows = {key: existing} if existing is not None else {}
        statement.theme = _sync_themes(team, index, [key], rows)[key]
    else:
        statement.theme = _sync_joined(team, index, existing, statement)
    if reserved is None:
        statement.save(update_fields=["theme"])
    else:
        # Inserted once, in its theme (the search receiver adds its words to the
        # theme's entry, as for a statement put into its theme).
        statement.save(force_insert=True)
    signal_index.checkin(team, state, index)
    audit = audit_create_sql(team=team, actor=actor, instance=statement)
    signal_index.log_add(team, state, statement, key, group, audit=audit)
    return statement


@transaction.atomic
def themes_recount(*, team: Team, account_ids: Iterable[int]) -> int:
    """Recount the themes these accounts spoke in, after they joined or left a corporate
    group: the engine's index is rebuilt with the new group keys, and each theme's
    stored count of independent customers and its level follow. Returns how many
    themes were recounted."""
    ids = set(account_ids)
    if not ids:
        return 0
    keys = set(
        Theme.objects.for_team(team)
        .filter(statements__account_id__in=ids)
        .values_list("key", flat=True)
        .distinct()
    )
    return _recount(team, keys)


def statement_theme_keys(statements: QuerySet[Statement]) -> set[str] | None:
    """The theme keys of statements about to be deleted with their account or
    conversation (read before the delete), or None when there are none: pass it to
    ``statements_deleted`` after the delete."""
    if not statements.exists():
        return None
    return set(
        statements.filter(theme__isnull=False).values_list("theme__key", flat=True).distinct()
    )


@transaction.atomic
def statements_deleted(*, team: Team, keys: set[str] | None) -> int:
    """After statements went with a deleted account or conversation (a database
    cascade, which no statement service sees): rebuild the engine's index without them
    and recount their themes, as ``statement_delete`` does for one statement — a theme
    may fall a level, or go when it has no statements left. Returns how many themes
    were recounted."""
    if keys is None:
        return 0
    return _recount(team, keys)


def _recount(team: Team, keys: set[str]) -> int:
    state = signal_index.locked_state(team)
    signal_index.forget(team)
    index = signal_index.restore_index(team)
    synced = _sync_themes(team, index, keys) if keys else {}
    signal_index.checkin(team, state, index)
    # Statements went by a cascade: the themes' search entries lose their words.
    if synced:
        themes_changed.send(Theme, team=team, theme_ids=sorted(t.pk for t in synced.values()))
    return len(keys)


@transaction.atomic
def statement_delete(*, statement: Statement, actor: Any) -> None:
    team = statement.team
    key = statement.theme.key if statement.theme else None
    audit_delete(team=team, actor=actor, instance=statement)
    statement.delete()
    state = signal_index.locked_state(team)
    signal_index.forget(team)
    index = signal_index.restore_index(team)
    if key:
        _sync_themes(team, index, [key])
    signal_index.checkin(team, state, index)


# What a statement's edit may change; the fields in GROUPED change what the engine
# read (its words, language, date), so its team's index is rebuilt and its theme
# counted again. The statement stays in its theme: moving it is ``statement_move``.
EDITABLE = (
    "text",
    "question",
    "seller_summary",
    "language",
    "kind",
    "said_on",
    "weak",
    "weak_reason",
    "person",
)
GROUPED = frozenset({"text", "question", "language", "said_on"})


@transaction.atomic
def statement_edit(*, statement: Statement, actor: Any, **changes: Any) -> Statement:
    """Change a statement kept earlier (the operator's admin page edits through here).

    Audited like every write, so the team's cached pages (keyed by its newest audit
    record) show the new text; a change of what grouping reads also moves the team's
    signal version on, so no process keeps an index made from the old words."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable here: {', '.join(sorted(unknown))}")
    team = statement.team
    require_same_team(team, person=changes.get("person"))
    if "text" in changes:
        changes["text"] = _clean_text(changes["text"])
    if "question" in changes:
        changes["question"] = " ".join((changes["question"] or "").split())[:2000]
    before = snapshot(statement)
    for name, value in changes.items():
        setattr(statement, name, value)
    if statement.language not in LANGUAGES:  # as ``statement_create``: detected
        statement.language = detect_language(statement.full_text)
        changes["language"] = statement.language
    statement.full_clean(
        exclude=["team", "conversation", "account", "person", "created_by", "theme"]
    )
    after = snapshot(statement)
    changed = {name for name in changes if before.get(name) != after.get(name)}
    if not changed:
        return statement
    statement.save()
    if changed & GROUPED:
        state = signal_index.locked_state(team)
        signal_index.forget(team)
        index = signal_index.restore_index(team)
        if statement.theme_id:
            _sync_themes(team, index, [statement.theme.key])  # type: ignore[union-attr]
        signal_index.checkin(team, state, index)
    audit_update(team=team, actor=actor, instance=statement, before=before)
    return statement


@transaction.atomic
def statements_delete(*, team: Team, statements: Iterable[Statement], actor: Any) -> int:
    """Delete several statements of one team (each audited) and recount their themes
    with one rebuild of the index. Returns how many were deleted."""
    statements = list(statements)
    for statement in statements:
        require_same_team(team, statement=statement)
    if not statements:
        return 0
    keys = {s.theme.key for s in statements if s.theme is not None}
    for statement in statements:
        audit_delete(team=team, actor=actor, instance=statement)
        statement.delete()
    _recount(team, keys)
    return len(statements)


# --- proposals -----------------------------------------------------------------------------


# Background proposals (the tasks after a note is saved or a transcript analysed) must
# not hold SQLite's write lock while the engine reads: with IMMEDIATE transactions a
# transaction that computes blocks every other writer in every team. So the engine runs
# outside any transaction and the proposals are written in short transactions of
# PROPOSAL_CHUNK rows. What one source can cost is bounded: notes are at most
# NOTES_MAX_CHARS (the form and API refuse longer), and one run keeps at most
# MAX_PROPOSALS_PER_RUN proposals (nobody reviews more from one meeting).
PROPOSAL_CHUNK = 100
MAX_PROPOSALS_PER_RUN = 300


def proposals_from_notes(*, conversation: Conversation) -> list[Proposal]:
    """Propose the sentences of the notes that sound like statements (new ones only)."""
    from fasit.conversations.models import NOTES_MAX_CHARS

    people = list(conversation.people.all()[:2])
    # With one customer in the room, the notes are about what that person said.
    person = people[0] if len(people) == 1 else None
    found = [
        _Found(found, person, "")
        for found in propose(conversation.notes[:NOTES_MAX_CHARS], notes=True)
    ]
    return _store_proposals(conversation=conversation, source=Source.NOTES, found=found)


def proposals_from_turns(
    *, conversation: Conversation, turns: Iterable[tuple[str, Person | None, str, str]]
) -> list[Proposal]:
    """Propose from customer turns: (text, person, weak_reason, question) with
    weak_reason set when the turn answered a seller's leading closed question, and
    question the seller's question right before it (a bare answer is kept with it)."""
    found: list[_Found] = []
    for text, person, weak_reason, question in turns:
        found += [_Found(f, person, weak_reason) for f in propose(text, question=question)]
        if len(found) >= MAX_PROPOSALS_PER_RUN:
            break
    return _store_proposals(conversation=conversation, source=Source.TRANSCRIPT, found=found)


class _Found(NamedTuple):
    proposal: EngineProposal
    person: Person | None
    weak_reason: str


def _store_proposals(
    *, conversation: Conversation, source: str, found: list[_Found]
) -> list[Proposal]:
    created: list[Proposal] = []
    found = found[:MAX_PROPOSALS_PER_RUN]
    for start in range(0, len(found), PROPOSAL_CHUNK):
        with transaction.atomic():
            for item in found[start : start + PROPOSAL_CHUNK]:
                proposal, made = Proposal.objects.get_or_create(
                    conversation=conversation,
                    source=source,
                    question=item.proposal.question.strip()[:2000],
                    text=item.proposal.text.strip()[:2000],
                    defaults={
                        "team_id": conversation.team_id,
                        "person": item.person,
                        "kind": item.proposal.kind,
                        "language": item.proposal.language,
                        "weak": bool(item.weak_reason),
                        "weak_reason": item.weak_reason[:300],
                        "seller_summary": item.proposal.summary,
                    },
                )
                if made:
                    created.append(proposal)
    return created


@transaction.atomic
def proposal_accept(
    *,
    proposal: Proposal,
    actor: Any,
    text: str | None = None,
    kind: str | None = None,
    person: Person | None = None,
) -> Statement:
    if proposal.status != Proposal.Status.PENDING:
        raise ValidationError(_("This proposal has already been decided."))
    statement = statement_create(
        team=proposal.team,
        actor=actor,
        conversation=proposal.conversation,
        text=text or proposal.text,
        kind=kind or proposal.kind,
        person=person or proposal.person,
        source=proposal.source,
        language=proposal.language,
        weak=proposal.weak,
        weak_reason=proposal.weak_reason,
        question=proposal.question,
        seller_summary=proposal.seller_summary,
    )
    proposal.status = Proposal.Status.ACCEPTED
    proposal.statement = statement
    proposal.decided_by = actor
    proposal.decided_at = timezone.now()
    proposal.save()
    return statement


@transaction.atomic
def proposal_reject(*, proposal: Proposal, actor: Any) -> Proposal:
    if proposal.status != Proposal.Status.PENDING:
        raise ValidationError(_("This proposal has already been decided."))
    proposal.status = Proposal.Status.REJECTED
    proposal.decided_by = actor
    proposal.decided_at = timezone.now()
    proposal.save()
    audit_record(
        team=proposal.team,
        actor=actor,
        action="update",
        instance=proposal,
        changes={"status": ["pending", "rejected"]},
    )
    return proposal


# --- people's decisions about themes ------------------------------------------------------------


@transaction.atomic
def theme_rename(*, theme: Theme, actor: Any, name: str) -> Theme:
    limit = Theme._meta.get_field("custom_label").max_length or 200
    try:
        check_one_line(name)
    except ValidationError as error:
        raise ValidationError({"name": error}) from None
    name = " ".join(name.split())
    if len(name) > limit:
        raise ValidationError(
            {
                "name": _("A theme's name can be at most %(limit)s characters; this is %(size)s.")
                % {"limit": limit, "size": len(name)}
            }
        )
    before = snapshot(theme, ["custom_label"])
    theme.custom_label = name
    theme.save(update_fields=["custom_label", "updated_at"])
    audit_update(team=theme.team, actor=actor, instance=theme, before=before)
    return theme


def _persist_taught(team: Team, index: ThemeIndex) -> None:
    known = set(TaughtTerm.objects.for_team(team).values_list("term", "concept"))
    TaughtTerm.objects.bulk_create(
        [
            TaughtTerm(team=team, term=t[:80], concept=c[:120])
            for t, c in index.decisions.taught
            if (t[:80], c[:120]) not in known
        ],
        ignore_conflicts=True,
    )


@transaction.atomic
def theme_merge(*, into: Theme, other: Theme, actor: Any) -> Theme:
    """Merge ``other`` into ``into``; the pair stays merged for later statements."""
    if into.team_id != other.team_id:
        raise ValidationError(_("Choose one of your team's themes."))
    if into.pk == other.pk:
        raise ValidationError(_("A theme cannot be merged with itself."))
    team = into.team
    state = signal_index.locked_state(team)
    index = signal_index.checkout(team, state)
    index.merge(into.key, other.key)
    Statement.objects.filter(theme__in=[into, other]).update(theme=into, pinned=True)
    if not into.custom_label and other.custom_label:
        into.custom_label = other.custom_label
        into.save(update_fields=["custom_label"])
    audit_record(
        team=team,
        actor=actor,
        action="update",
        instance=into,
        changes={"merged": [other.name, into.name]},
    )
    synced = _sync_themes(team, index, [into.key, other.key])
    signal_index.checkin(team, state, index)
    themes_changed.send(Theme, team=team, theme_ids=[into.pk, other.pk])
    return synced[into.key]


def _move(index: ThemeIndex, statement: Statement, target: str) -> str | None:
    old_key = statement.theme.key if statement.theme else None
    index.move(str(statement.pk), target)
    return old_key


@transaction.atomic
def statement_move(*, statement: Statement, actor: Any, theme: Theme | None) -> Theme:
    """Move a statement to another theme (or a new one of its own); its wording
    teaches the team's lexicon so similar statements follow it next time."""
    return _move_many(team=statement.team, actor=actor, statements=[statement], theme=theme)


@transaction.atomic
def theme_split(*, theme: Theme, actor: Any, statements: Iterable[Statement]) -> Theme:
    """Take some statements out of a theme into a new theme of their own."""
    chosen = [s for s in statements if s.theme_id == theme.pk]
    if not chosen or len(chosen) >= Statement.objects.filter(theme=theme).count():
        raise ValidationError(
            _("Choose some, but not all, of the theme's statements to split off.")
        )
    return _move_many(team=theme.team, actor=actor, statements=chosen, theme=None)


def _move_many(
    *, team: Team, actor: Any, statements: list[Statement], theme: Theme | None
) -> Theme:
    require_same_team(team, theme=theme)
    for statement in statements:
        require_same_team(team, statement=statement)
    state = signal_index.locked_state(team)
    index = signal_index.checkout(team, state)
    target = theme.key if theme is not None else f"t-{statements[0].pk}-v{state.version}"
    touched = {target}
    befores = []
    # The themes the statements leave: their quotes change with the move.
    left = {s.theme_id for s in statements if s.theme_id}
    for statement in statements:
        befores.append(snapshot(statement, ["theme"]))
        old_key = _move(index, statement, target)
        if old_key:
            touched.add(old_key)
    synced = _sync_themes(team, index, touched)
    for statement, before in zip(statements, befores, strict=True):
        statement.theme = synced[target]
        statement.pinned = True
        statement.save(update_fields=["theme", "pinned", "updated_at"])
        audit_update(team=team, actor=actor, instance=statement, before=before)
    _persist_taught(team, index)
    signal_index.checkin(team, state, index)
    themes_changed.send(Theme, team=team, theme_ids=sorted(left | {t.pk for t in synced.values()}))
    return synced[target]


@transaction.atomic
def theme_dismiss(*, theme: Theme, actor: Any) -> Theme:
    team = theme.team
    state = signal_index.locked_state(team)
    index = signal_index.checkout(team, state)
    index.dismiss(theme.key)
    before = snapshot(theme, ["dismissed"])
    theme = _sync_themes(team, index, [theme.key])[theme.key]
    audit_update(team=team, actor=actor, instance=theme, before=before)
    signal_index.checkin(team, state, index)
    themes_changed.send(Theme, team=team, theme_ids=[theme.pk])
    return theme


@transaction.atomic
def signals_regroup(*, team: Team, actor: Any = None, keep_index: bool = True) -> int:
    """Regroup every statement of the team from scratch, keeping people's decisions.

    Theme rows are matched to the new themes by the statements they share, so a
    name given by the team (and a dismissal) survives the regrouping. ``keep_index=False``
    does not keep the new index in this process (the demo seed: at a million
    conversations the index held until the seed's transaction committed was a GiB).
    """
    state = signal_index.locked_state(team)
    signal_index.forget(team)
    old_of = dict(Statement.objects.for_team(team).values_list("id", "theme_id"))
    old_rows = {t.pk: t for t in Theme.objects.for_team(team)}
    index = build_index(
        signal_index.team_statements(team),
        decisions=signal_index.team_decisions(team),
        embedder=signal_index.embedder(),
    )
    assignments = index.assignments()
    members: dict[str, list[int]] = {}
    for sid, key in assignments.items():
        members.setdefault(key, []).append(int(sid))
    carried: dict[str, Theme] = {}
    taken: set[int] = set()
    for key, ids in sorted(members.items(), key=lambda kv: -len(kv[1])):
        votes: dict[int, int] = {}
        for sid in ids:
            if old_of.get(sid):
                votes[old_of[sid]] = votes.get(old_of[sid], 0) + 1
        for theme_pk, _n in sorted(votes.items(), key=lambda kv: -kv[1]):
            if theme_pk not in taken:
                taken.add(theme_pk)
                carried[key] = old_rows[theme_pk]
                break
    for key, row in carried.items():
        if row.dismissed:
            index.dismiss(key)
    Statement.objects.for_team(team).update(theme=None)
    # The themes not carried over, named a slice at a time (as the statements below):
    # excluding the carried ones by id bound one parameter per theme.
    kept_pks = {r.pk for r in carried.values()}
    for gone in id_slices(sorted(set(old_rows) - kept_pks)):
        Theme.objects.for_team(team).filter(pk__in=gone).delete()
    # Carried rows take their new keys; a temporary key avoids clashes while renaming.
    for row in carried.values():
        row.key = f"tmp-{row.pk}"
        row.save(update_fields=["key"])
    for key, row in carried.items():
        row.key = key
        row.save(update_fields=["key"])
    synced = _sync_themes(team, index, members)
    for key, ids in members.items():
        # A theme can gather more statements than one statement may bind (PostgreSQL:
        # 65,535 parameters; the scale-1000 demo's largest theme has more): in slices.
        for start in range(0, len(ids), ASSIGN_SLICE):
            Statement.objects.filter(pk__in=ids[start : start + ASSIGN_SLICE]).update(
                theme=synced[key]
            )
    audit_record(
        team=team,
        actor=actor,
        action="update",
        instance=team,
        changes={
            "signals regrouped": [None, f"{len(assignments)} statements, {len(members)} themes"]
        },
    )
    signal_index.checkin(team, state, index, keep=keep_index)
    del index, assignments, old_of
    # The rows were saved while their statements were still unassigned: index them
    # again now that every statement has its theme.
    themes_changed.send(Theme, team=team, theme_ids=None)
    return len(members)


@transaction.atomic
def statements_forget(
    *, team: Team, statement_ids: Iterable[int], rewritten_ids: Iterable[int] = ()
) -> list[tuple[Theme, str]]:
    """Remove statements without a trace (a person's right to erasure) and recount the
    themes they were in from the statements that remain; ``rewritten_ids`` are
    statements whose text was changed in place and must be read again.

    Nothing is audited here: an audit of the deletion would keep the quotes. The
    caller records that an erasure happened. Returns the themes that fell a level,
    each with the level it had, so the caller can say why.
    """
    statement_ids, rewritten_ids = set(statement_ids), set(rewritten_ids)
    touched = Statement.objects.for_team(team).filter(
        pk__in=statement_ids | rewritten_ids, theme__isnull=False
    )
    before = dict(
        Theme.objects.for_team(team)
        .filter(pk__in=touched.values("theme_id"))
        .values_list("key", "level")
    )
    if not before and not statement_ids:
        return []
    state = signal_index.locked_state(team)
    Statement.objects.for_team(team).filter(pk__in=statement_ids).delete()
    signal_index.forget(team)
    index = signal_index.restore_index(team)
    synced = _sync_themes(team, index, before)
    signal_index.checkin(team, state, index)
    # Quotes were deleted or rewritten by bulk writes: the entries lose the old words.
    if synced:
        themes_changed.send(Theme, team=team, theme_ids=sorted(t.pk for t in synced.values()))
    return [
        (theme, before[key])
        for key, theme in synced.items()
        if LEVEL_RANK[theme.level] < LEVEL_RANK[before[key]]
    ]


def notifications_mark_read(*, team: Any, user: Any) -> int:
    """Mark every notification of ``team`` that ``user`` has not read as read by them
    (the notifications page's button; the API's ``…/notifications/read``). Returns how
    many were marked. Reading is the reader's own state: not audited."""
    unread = list(Notification.objects.for_team(team).unread_by(user))
    for notification in unread:
        notification.read_by.add(user)
    return len(unread)

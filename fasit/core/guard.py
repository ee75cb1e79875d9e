"""A record of one team never points at a record of another team.

Services check this where they take related records (``require_same_team``), but a
form, an admin page, an import, a demo step or a service written next year could
forget, and one cross-team reference is enough to show team A's names on team B's
pages and break A's pages. So the model layer checks every write, whatever its path:

- ``save()`` (services, forms, the admin) through a ``pre_save`` receiver;
- ``bulk_create`` and ``bulk_update`` (imports, the demo seed, and Django's own
  many-to-many ``add()``, which bulk-creates the through rows);
- ``QuerySet.update()`` that sets a foreign key.

The rule, found from the model graph (no list to keep up to date): every foreign key
of a row whose target belongs to a team (a ``team`` column, or a ``scoped_manager``
path such as ``process__team``) must lead to the same team — a person role's person
and account, a stage change's journey, conversation and stages, a conversation's
people. Users belong to no team, so the user columns that name someone who works in
the team (``MEMBER_FIELDS``) must hold a member of it; a value saved while the user
was a member may stay after they leave (history is not rewritten).

Raw SQL passes by this: the bulk inserts of imports check their rows with ``RowCheck``
(the same rules, set-based); ``core/tests/test_team_references.py`` scans the whole
database for cross-team references after building two demo teams.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.expressions import Combinable
from django.utils.translation import gettext as _

from fasit.core.db import id_slices
from fasit.core.models import TeamScopedQuerySet

TEAM_LABEL = "tenancy.Team"

# User columns that must name a member of the row's team when set (model label ->
# field names). Authorship columns (created_by, actor, recorded_by …) are history and
# are not listed: services set them to the acting user, who is checked by the view.
MEMBER_FIELDS: dict[str, tuple[str, ...]] = {
    "customers.Account": ("owner",),
    "conversations.Conversation_users": ("user",),
    "conversations.FollowUp": ("owner",),
    "conversations.TranscriptSpeaker": ("user",),
    "relationships.CalendarFeed": ("user",),
    "relationships.ReminderSetting": ("user",),
}


class CrossTeamReference(ValidationError):
    """A write that would make a record point at another team's record."""


def team_path(model: type[models.Model]) -> str | None:
    """The lookup from a row to its team ("team", "person__team", …), or None for rows
    that belong to no team (users, teams themselves, sessions, task results)."""
    for f in model._meta.concrete_fields:
        if (
            f.name == "team"
            and f.is_relation
            and f.related_model is not None
            and f.related_model._meta.label == TEAM_LABEL
        ):
            return "team"
    queryset_class = getattr(model._default_manager, "_queryset_class", None)
    if isinstance(queryset_class, type) and issubclass(queryset_class, TeamScopedQuerySet):
        return queryset_class.team_path
    return None


@dataclass(frozen=True)
class TeamLink:
    """A foreign key whose target belongs to a team, and the path from the target to
    its team ("" when the target is the team itself)."""

    field: models.ForeignKey[Any, Any]
    path: str


@dataclass(frozen=True)
class Rules:
    links: tuple[TeamLink, ...]
    members: tuple[models.ForeignKey[Any, Any], ...]

    @property
    def empty(self) -> bool:
        return not self.links or (len(self.links) == 1 and not self.members)


@cache
def rules_for(model: type[models.Model]) -> Rules:
    links: list[TeamLink] = []
    for f in model._meta.concrete_fields:
        if not (f.many_to_one or f.one_to_one) or f.related_model is None:
            continue
        target = f.related_model
        if target._meta.label == TEAM_LABEL:
            links.append(TeamLink(f, ""))  # type: ignore[arg-type]
        elif (path := team_path(target)) is not None:
            links.append(TeamLink(f, path))  # type: ignore[arg-type]
    members = tuple(
        model._meta.get_field(name)  # type: ignore[misc]
        for name in MEMBER_FIELDS.get(model._meta.label, ())
    )
    return Rules(tuple(links), members)


def _cached_team(obj: models.Model, path: str) -> tuple[bool, Any]:
    """Follow ``path`` through related objects already loaded (no query); (False, None)
    when a step is not loaded."""
    steps = path.split("__")
    for step in steps[:-1]:
        field = obj._meta.get_field(step)
        if not field.is_cached(obj):  # type: ignore[union-attr]
            return False, None
        obj = field.get_cached_value(obj)  # type: ignore[union-attr]
        if obj is None:
            return True, None
    return True, getattr(obj, f"{steps[-1]}_id")


def _target_teams(link: TeamLink, objs: Sequence[models.Model]) -> list[Any]:
    """The team id each object's ``link`` leads to (None when the key is empty), with at
    most one query for the targets that are not loaded."""
    field = link.field
    teams: list[Any] = [None] * len(objs)
    pending: dict[Any, list[int]] = {}
    for index, obj in enumerate(objs):
        value = getattr(obj, field.attname)
        if value is None:
            continue
        if not link.path:
            teams[index] = value
            continue
        if field.is_cached(obj):
            target = field.get_cached_value(obj)
            if target is not None and target.pk == value:
                found, team = _cached_team(target, link.path)
                if found:
                    teams[index] = team
                    continue
        pending.setdefault(value, []).append(index)
    if pending:
        target_model = field.related_model
        to_field = field.target_field.attname
        # The keys a slice at a time: a bulk write of a whole team's rows (a nightly
        # refresh, a retention run queueing everyone) named every target in one
        # statement, which PostgreSQL refuses past 65,535 parameters.
        for keys in id_slices(list(pending)):
            rows = target_model._base_manager.filter(  # type: ignore[union-attr]
                **{f"{to_field}__in": keys}
            ).values_list(to_field, link.path)
            for key, team in rows:
                for index in pending.pop(key, []):
                    teams[index] = team
        # A key that leads nowhere is left to the database's foreign key constraint.
    return teams


def _refuse(obj: models.Model, field: models.Field[Any, Any], message: str) -> None:
    raise CrossTeamReference({field.name: message}, code="cross_team")


def check_objects(
    model: type[models.Model], objs: Sequence[models.Model], fields: Iterable[str] | None = None
) -> None:
    """Refuse any object whose team-bound keys lead to different teams, or whose member
    columns name someone outside its team. ``fields``: only these changed (update)."""
    rules = rules_for(model)
    if rules.empty or not objs:
        return
    if fields is not None:
        changed = set(fields)
        names = {link.field.name for link in rules.links} | {f.name for f in rules.members}
        if not changed & (names | {link.field.attname for link in rules.links}):
            return
    row_teams: list[Any] = [None] * len(objs)
    first_link: list[TeamLink | None] = [None] * len(objs)
    for link in rules.links:
        for index, team in enumerate(_target_teams(link, objs)):
            if team is None:
                continue
            if row_teams[index] is None:
                row_teams[index], first_link[index] = team, link
            elif team != row_teams[index]:
                other = first_link[index]
                assert other is not None
                _refuse(
                    objs[index],
                    link.field,
                    _(
                        "%(model)s: %(field)s belongs to another team than %(other)s; "
                        "a record may only refer to records of its own team."
                    )
                    % {
                        "model": model._meta.verbose_name,
                        "field": link.field.verbose_name,
                        "other": other.field.verbose_name,
                    },
                )
    if rules.members:
        _check_members(model, rules, objs, row_teams)


def _check_members(
    model: type[models.Model], rules: Rules, objs: Sequence[models.Model], row_teams: list[Any]
) -> None:
    from fasit.tenancy.models import Membership

    wanted = {
        (team, getattr(obj, field.attname))
        for obj, team in zip(objs, row_teams, strict=True)
        for field in rules.members
        if team is not None and getattr(obj, field.attname) is not None
    }
    if not wanted:
        return
    members = set(
        Membership.objects.filter(
            team_id__in={t for t, _u in wanted}, user_id__in={u for _t, u in wanted}
        ).values_list("team_id", "user_id")
    )
    for obj, team in zip(objs, row_teams, strict=True):
        for field in rules.members:
            user = getattr(obj, field.attname)
            if team is None or user is None or (team, user) in members:
                continue
            # Saved while they were a member: history stays as it was.
            if obj.pk is not None and (
                model._base_manager.filter(pk=obj.pk, **{field.attname: user}).exists()
            ):
                continue
            _refuse(
                obj,
                field,
                _("%(model)s: %(field)s must be a member of the team.")
                % {"model": model._meta.verbose_name, "field": field.verbose_name},
            )


class RowCheck:
    """The same rules for rows written past the ORM (``transfer/bulk.py``'s COPY and
    ``executemany``), set-based, for rows that must all belong to ``team_id``.

    A million imported rows cannot be checked one query each, so a key is checked once
    per batch (one query per foreign key for the values not seen yet) and remembered:
    ids this check saw inserted for the team, or already found in it, are not asked
    about again. Use one instance inside one transaction only — an id remembered from a
    rolled-back insert could later name another team's row on SQLite."""

    def __init__(self, team_id: Any) -> None:
        self.team_id = team_id
        self.known: dict[type[models.Model], set[Any]] = {}
        self._members: set[Any] | None = None

    def check(self, model: type[models.Model], rows: Sequence[dict[str, Any]]) -> None:
        """Refuse (CrossTeamReference) when any row's team-bound key leads to another
        team than ``team_id``, or a member column names someone outside the team."""
        rules = rules_for(model)
        for link in rules.links:
            attname = link.field.attname
            try:  # rows usually name every column; subscripting is the cheap way
                values = {row[attname] for row in rows}
            except KeyError:
                values = {row.get(attname) for row in rows}
            values.discard(None)
            if not values:
                continue
            if not link.path:
                if values != {self.team_id}:
                    self._refuse(model, link.field)
                continue
            target = link.field.related_model
            known = self.known.setdefault(target, set())  # type: ignore[arg-type]
            unknown = list(values - known)
            to_field = link.field.target_field.attname
            for start in range(0, len(unknown), 5000):
                chunk = unknown[start : start + 5000]
                outside = (
                    target._base_manager.filter(**{f"{to_field}__in": chunk})  # type: ignore[union-attr]
                    .exclude(**{link.path: self.team_id})
                    .exclude(**{f"{link.path}__isnull": True})
                )
                if outside.exists():
                    self._refuse(model, link.field)
            known.update(unknown)
        for field in rules.members:
            users = {row.get(field.attname) for row in rows}
            users.discard(None)
            if users and not users <= self._team_members():
                self._refuse_member(model, field)

    def inserted(self, model: type[models.Model], ids: Iterable[Any]) -> None:
        """Rows of ``model`` just inserted for the team (checked by ``check``). Only
        kept for models other rows have referred to (people, accounts): a million
        audit and search rows are never referred to and would only take memory."""
        if model in self.known and any(not link.path for link in rules_for(model).links):
            self.known[model].update(ids)

    def _team_members(self) -> set[Any]:
        if self._members is None:
            from fasit.tenancy.models import Membership

            self._members = set(
                Membership.objects.filter(team_id=self.team_id).values_list("user_id", flat=True)
            )
        return self._members

    @staticmethod
    def _refuse(model: type[models.Model], field: Any) -> None:
        raise CrossTeamReference(
            {
                field.name: _(
                    "%(model)s: %(field)s belongs to another team; "
                    "a record may only refer to records of its own team."
                )
                % {"model": model._meta.verbose_name, "field": field.verbose_name}
            },
            code="cross_team",
        )

    @staticmethod
    def _refuse_member(model: type[models.Model], field: Any) -> None:
        raise CrossTeamReference(
            {
                field.name: _("%(model)s: %(field)s must be a member of the team.")
                % {"model": model._meta.verbose_name, "field": field.verbose_name}
            },
            code="cross_team",
        )


def check_update(queryset: models.QuerySet[Any], values: dict[str, Any]) -> None:
    """``queryset.update(**values)``: refuse a key that leads to another team than a row's
    own (or another key's), and a non-member in a member column."""
    model = queryset.model
    rules = rules_for(model)
    if rules.empty:
        return
    by_name = {link.field.name: link for link in rules.links}
    by_name |= {link.field.attname: link for link in rules.links}
    changed = [
        (by_name[name], value)
        for name, value in values.items()
        if name in by_name and value is not None and not isinstance(value, Combinable)
    ]
    member_names = {f.name for f in rules.members} | {f.attname for f in rules.members}
    members_changed = [n for n, v in values.items() if n in member_names and v is not None]
    if not changed and not members_changed:
        return
    # Few rows are updated through a key at once (merges, theme moves): check them as
    # objects with the new values, which is the same rule as a save.
    # (Read through the base manager by primary key: the queryset may be a values()
    # queryset, or carry annotations that do not belong on an instance.)
    objs = list(model._base_manager.filter(pk__in=queryset.values("pk")))
    for obj in objs:
        for name, value in values.items():
            field = model._meta.get_field(name)
            if getattr(field, "many_to_one", False) and not isinstance(value, Combinable):
                setattr(obj, field.attname, value.pk if isinstance(value, models.Model) else value)
    check_objects(model, objs)


def _on_save(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    update_fields = kwargs.get("update_fields")
    check_objects(sender, [instance], None if update_fields is None else update_fields)


def install() -> None:
    """Connect the checks (``CoreConfig.ready``). ``bulk_create``, ``bulk_update`` and
    ``update`` send no signal, and every model's manager (Django's many-to-many through
    tables included) would need its own queryset class to catch them there, so the
    three methods of Django's ``QuerySet`` are wrapped once, for every model."""
    from django.db.models.signals import pre_save

    pre_save.connect(_on_save, dispatch_uid="fasit.core.guard")
    queryset = models.QuerySet
    if getattr(queryset, "_fasit_guarded", False):
        return
    bulk_create, bulk_update, update = (
        queryset.bulk_create,
        queryset.bulk_update,
        queryset.update,
    )

    def guarded_bulk_create(self: Any, objs: Iterable[Any], *args: Any, **kw: Any) -> Any:
        objs = list(objs)
        check_objects(self.model, objs)
        return bulk_create(self, objs, *args, **kw)

    def guarded_bulk_update(
        self: Any, objs: Iterable[Any], fields: Sequence[str], *args: Any, **kw: Any
    ) -> Any:
        objs = list(objs)
        check_objects(self.model, objs, fields)
        return bulk_update(self, objs, fields, *args, **kw)

    def guarded_update(self: Any, **values: Any) -> Any:
        check_update(self, values)
        return update(self, **values)

    queryset.bulk_create = guarded_bulk_create  # type: ignore[method-assign]
    queryset.bulk_update = guarded_bulk_update  # type: ignore[method-assign]
    queryset.update = guarded_update  # type: ignore[method-assign]
    queryset._fasit_guarded = True  # type: ignore[attr-defined]


def _team_lookup(link: TeamLink) -> str:
    return link.field.attname if not link.path else f"{link.field.name}__{link.path}"


def cross_team_references(*, members: bool = True) -> dict[str, int]:
    """Scan the whole database: "<model>.<field>" -> rows whose key leads to another team
    than the row's other keys (and, with ``members``, member columns naming someone who
    is not a member of the row's team). Empty when every reference stays in its team;
    anything else was written past this module (raw SQL) or before it existed."""
    from django.apps import apps
    from django.db.models import Exists, F, OuterRef, Q

    from fasit.tenancy.models import Membership

    found: dict[str, int] = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        rules = rules_for(model)
        links = rules.links
        rows = model._base_manager.all()
        for index, first in enumerate(links):
            for other in links[index + 1 :]:
                count = (
                    rows.filter(**{f"{first.field.attname}__isnull": False})
                    .filter(**{f"{other.field.attname}__isnull": False})
                    .filter(~Q(**{_team_lookup(other): F(_team_lookup(first))}))
                    .count()
                )
                if count:
                    found[f"{model._meta.label}.{other.field.name}"] = count
        if members and links:
            anchor = _team_lookup(links[0])
            for field in rules.members:
                is_member = Membership.objects.filter(
                    team=OuterRef(anchor), user=OuterRef(field.attname)
                )
                count = (
                    rows.filter(**{f"{field.attname}__isnull": False})
                    .filter(~Exists(is_member))
                    .count()
                )
                if count:
                    found[f"{model._meta.label}.{field.name}"] = count
    return found

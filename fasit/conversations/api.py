"""Conversations (participants, notes, follow-ups, transcript and listening result)
and follow-ups over the API. Writes go through ``conversations.services``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Query, Router, Status
from ninja.files import UploadedFile

from fasit.conversations import selectors, services
from fasit.conversations.models import Conversation, FollowUp
from fasit.conversations.schemas import (
    ConversationIn,
    ConversationOut,
    ConversationPatch,
    FollowUpIn,
    FollowUpPatch,
    FollowUpRow,
    ListeningOut,
    SpeakersIn,
)
from fasit.conversations.transcripts import SpeakerMatch
from fasit.core.api_utils import (
    HistoryPage,
    Id,
    ListQuery,
    PlainPage,
    Where,
    history_list,
    list_page,
    page_schema,
    patch_data,
    require_write,
    rows_for_ids,
    team_ref,
)
from fasit.customers.models import Account, Person
from fasit.tenancy.access import get_for_team_or_404
from fasit.tenancy.selectors import team_users

User = get_user_model()
router = Router(tags=["conversations"])
followups_router = Router(tags=["follow-ups"])

ConversationPage = page_schema(ConversationOut, "ConversationPage")
FollowUpPage = page_schema(FollowUpRow, "FollowUpPage")

FOLLOW_UP_VALUES = ("id", "conversation_id", "task", "owner__username", "due_date", "done")


def _follow_up_row(row: dict[str, Any]) -> dict[str, Any]:
    row["owner"] = row.pop("owner__username")
    return row


def conversation_rows(conversations: QuerySet[Conversation]) -> list[dict[str, Any]]:
    """The page's conversations in one query, then one query each for the customer
    participants, our participants and the follow-ups of the whole page."""
    rows = list(conversations.values(*CONVERSATION_VALUES))
    for row in rows:
        row["account"] = row.pop("account__name")
    return _with_children(rows)


CONVERSATION_VALUES = (
    "id",
    "account_id",
    "account__name",
    "occurred_at",
    "kind",
    "initiated_by",
    "customer_replied",
    "subject",
    "notes",
    "created_at",
    "updated_at",
)


def _with_children(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_id = {row["id"]: row for row in rows}
    for row in rows:
        row.update(people=[], users=[], follow_ups=[])
    children = rows_for_ids(CHILDREN_SQL, list(by_id))
    # One statement for the three kinds of children; each kind in its own order.
    children.sort(key=lambda r: (r[0], r[4] if r[0] == "u" else "", r[2]))
    for kind, cid, key, task, name, due_date, done in children:
        row = by_id[cid]
        if kind == "p":
            row["people"].append(key)
        elif kind == "u":
            row["users"].append(name)
        else:
            row["follow_ups"].append(
                {
                    "id": key,
                    "conversation_id": cid,
                    "task": task,
                    "owner": name,
                    "due_date": due_date,
                    "done": bool(done),
                }
            )
    return rows


# The children of a page of conversations (core.api_utils.rows_for_ids) in one
# statement, a round trip instead of three: (kind, conversation, key, task, username,
# due date, done) where kind p = customer participant (key = person id), u = our
# participant (key = the link's id: same username, first linked first), f = follow-up.
CHILDREN_SQL = (
    # Follow-ups first: PostgreSQL takes a UNION's column types from its branches in
    # order, and the NULLs of the others must meet a date and a boolean, not text.
    "SELECT 'f', f.conversation_id, f.id, f.task, u.username, f.due_date, f.done"
    f" FROM {FollowUp._meta.db_table} f LEFT JOIN {User._meta.db_table} u ON u.id = f.owner_id"
    " WHERE f.conversation_id IN ({ids})"
    " UNION ALL SELECT 'p', cp.conversation_id, cp.person_id, NULL, NULL, NULL, NULL"
    f" FROM {Conversation.people.through._meta.db_table} cp"
    " WHERE cp.conversation_id IN ({ids})"
    " UNION ALL SELECT 'u', cu.conversation_id, cu.id, NULL, u.username, NULL, NULL"
    f" FROM {Conversation.users.through._meta.db_table} cu"
    f" JOIN {User._meta.db_table} u ON u.id = cu.user_id"
    " WHERE cu.conversation_id IN ({ids})"
)


# The team's conversations unfiltered, as conversation_rows gives them
# (core.api_utils.PlainPage).
CONVERSATIONS_PLAIN = PlainPage(
    table=Conversation._meta.db_table,
    tally="conversations",
    bucket="x.kind = %s",
    joins=f"JOIN {Account._meta.db_table} a ON a.id = x.account_id",
    columns=(
        *((name, f"x.{name}") for name in CONVERSATION_VALUES if "__" not in name),
        ("account", "a.name"),
    ),
    finish=_with_children,
    times=frozenset({"occurred_at", "created_at", "updated_at"}),
    booleans=frozenset({"customer_replied"}),
)


def _conversation(request: HttpRequest, conversation_id: int) -> Conversation:
    return get_for_team_or_404(
        Conversation.objects.select_related("account", "team"),
        request.team,  # type: ignore[attr-defined]
        pk=conversation_id,
    )


def _detail(conversation: Conversation) -> dict[str, Any]:
    return conversation_rows(Conversation.objects.filter(pk=conversation.pk))[0]


def _participants(
    request: HttpRequest, data: dict[str, Any]
) -> tuple[list[Person] | None, list[Any] | None]:
    team = request.team  # type: ignore[attr-defined]
    people = users = None
    person_ids = data.pop("people", None)
    if person_ids is not None:
        people = list(Person.objects.for_team(team).filter(pk__in=person_ids))
        if len(people) != len(set(person_ids)):
            raise ValidationError({"people": [_("Choose one of your team's records.")]})
    usernames = data.pop("users", None)
    if usernames is not None:
        users = list(team_users(team).filter(username__in=usernames))
        if len(users) != len(set(usernames)):
            raise ValidationError({"users": [_("Choose one of your team's records.")]})
    return people, users


@router.get("", response=ConversationPage)
def list_conversations(
    request: HttpRequest,
    params: Query[ListQuery],
    q: str = "",
    kind: str = "",
    account_id: Id | None = None,
    user: str = Query("", description="Username of one of our participants"),  # noqa: B008
    since: dt.date | None = Query(None, description="Occurred on or after"),  # noqa: B008
    until: dt.date | None = Query(None, description="Occurred on or before"),  # noqa: B008
) -> Any:
    """The team's conversations, filtered as in the app."""
    team = request.team  # type: ignore[attr-defined]
    if not (q or user or since or until):

        def team_conversations() -> QuerySet[Conversation]:
            found = Conversation.objects.for_team(team)
            if kind:
                found = found.filter(kind=kind)
            if account_id is not None:
                found = found.filter(account_id=account_id)
            return found

        # The queryset is built only if the total is not cached (core.api_utils); the
        # page is read by a fixed statement with the filters as its conditions.
        where = Where.of(
            ("x.kind = %s", kind),
            ("x.account_id = %s", account_id),
            own_index=account_id is not None,  # an account's are found by its index
        )
        return list_page(
            request,
            team_conversations,
            params,
            conversation_rows,
            plain=CONVERSATIONS_PLAIN,
            where=where,
            keep_body=True,
        )
    conversations = Conversation.objects.for_team(team)
    if q:
        conversations = (
            conversations.filter(subject__icontains=q)
            | conversations.filter(notes__icontains=q)
            | conversations.filter(account__name__icontains=q)
        )
    if kind:
        conversations = conversations.filter(kind=kind)
    if account_id is not None:
        conversations = conversations.filter(account_id=account_id)
    if user:
        conversations = conversations.filter(users__username=user)
    if since:
        conversations = conversations.filter(occurred_at__date__gte=since)
    if until:
        conversations = conversations.filter(occurred_at__date__lte=until)
    return list_page(request, conversations, params, conversation_rows, keep_body=True)


@router.get("/{conversation_id}", response=ConversationOut)
def get_conversation(request: HttpRequest, conversation_id: Id) -> Any:
    return _detail(_conversation(request, conversation_id))


@router.get("/{conversation_id}/history", response=HistoryPage)
def conversation_history(
    request: HttpRequest, conversation_id: Id, params: Query[ListQuery]
) -> Any:
    """Every audited change of the conversation and of its follow-ups and transcript
    file, also of those since deleted, with who and when (``order=-id`` for newest
    first). Notes come whole, as the audit keeps them."""
    return history_list(request, _conversation(request, conversation_id), params)


@router.get("/{conversation_id}/listening", response=ListeningOut)
def get_conversation_listening(request: HttpRequest, conversation_id: Id) -> Any:
    """The listening analysis of the conversation's transcript; 404 without one."""
    conversation = _conversation(request, conversation_id)
    analysis = selectors.conversation_listening(conversation)
    if analysis is None:
        raise Http404
    return analysis


@router.put("/{conversation_id}/speakers", response=ListeningOut)
def map_speakers(request: HttpRequest, conversation_id: Id, payload: SpeakersIn) -> Any:
    """Correct who the transcript's speakers are (the sellers are ``user`` and
    ``other_us``); the listening analysis runs again (``status`` ``pending``). Speakers
    not in the body keep their match. 404 without a transcript."""
    team = request.team  # type: ignore[attr-defined]
    conversation = _conversation(request, conversation_id)
    analysis = selectors.conversation_listening(conversation)
    if analysis is None:
        raise Http404
    require_write(request)
    speakers = set(analysis.speakers.values_list("pk", flat=True))
    people = {p.pk: p for p in selectors.speaker_candidates(conversation)}
    mapping: dict[int, SpeakerMatch] = {}
    for index, item in enumerate(payload.speakers):
        field = f"speakers.{index}"
        if item.id not in speakers:
            raise ValidationError({f"{field}.id": [_("No such speaker in this transcript.")]})
        user = person = None
        if item.user is not None:
            user = team_users(team).filter(username=item.user).first()
            if user is None:
                raise ValidationError({f"{field}.user": [_("Choose one of your team's records.")]})
        if item.person_id is not None:
            person = people.get(item.person_id)
            if person is None:
                raise ValidationError(
                    {f"{field}.person_id": [_("Choose a person of the account or the meeting.")]}
                )
        mapping[item.id] = SpeakerMatch(item.side, user=user, person=person)
    services.transcript_speakers_map(analysis=analysis, actor=request.user, mapping=mapping)
    return selectors.conversation_listening(conversation)


@router.post("", response={201: ConversationOut})
def log_conversation(request: HttpRequest, payload: ConversationIn) -> Status[Any]:
    """Log a conversation; the caller takes part unless ``users`` says who did."""
    require_write(request)
    team = request.team  # type: ignore[attr-defined]
    data = payload.dict()
    account = team_ref(Account.objects.all(), team, data.pop("account_id"), "account_id")
    people, users = _participants(request, data)
    follow_ups = [
        {**f, "owner": _owner(request, f.pop("owner"))} for f in data.pop("follow_ups") or []
    ]
    conversation = services.conversation_log(
        team=team,
        actor=request.user,
        account=account,
        people=people or [],
        users=users,
        follow_ups=follow_ups,
        **data,
    )
    return Status(201, _detail(conversation))


@router.patch("/{conversation_id}", response=ConversationOut)
def update_conversation(
    request: HttpRequest, conversation_id: Id, payload: ConversationPatch
) -> Any:
    conversation = _conversation(request, conversation_id)
    require_write(request)
    team = request.team  # type: ignore[attr-defined]
    data = patch_data(payload)
    if "account_id" in data:
        data["account"] = team_ref(
            Account.objects.all(), team, data.pop("account_id"), "account_id"
        )
    people, users = _participants(request, data)
    services.conversation_update(
        conversation=conversation, actor=request.user, data=data, people=people, users=users
    )
    return _detail(conversation)


@router.delete("/{conversation_id}", response={204: None})
def delete_conversation(request: HttpRequest, conversation_id: Id) -> Status[None]:
    conversation = _conversation(request, conversation_id)
    require_write(request)
    services.conversation_delete(conversation=conversation, actor=request.user)
    return Status(204, None)


@router.post("/{conversation_id}/transcript", response={202: ListeningOut})
def upload_transcript(
    request: HttpRequest,
    conversation_id: Id,
    file: File[UploadedFile],  # type: ignore[type-arg]
) -> Status[Any]:
    """Upload a transcript (Teams/Zoom/Meet WebVTT, SRT or plain text, multipart field
    ``file``). It is read at once; the listening analysis follows in the background:
    poll ``GET …/listening`` until ``status`` is ``done``."""
    conversation = _conversation(request, conversation_id)
    require_write(request)
    services.conversation_attach_transcript(
        conversation=conversation, actor=request.user, transcript=file
    )
    return Status(202, selectors.conversation_listening(conversation))


def _owner(request: HttpRequest, username: str | None) -> Any:
    if username is None:
        return None
    owner = team_users(request.team).filter(username=username).first()  # type: ignore[attr-defined]
    if owner is None:
        raise ValidationError({"owner": [_("Choose one of your team's records.")]})
    return owner


@router.post("/{conversation_id}/follow-ups", response={201: FollowUpRow})
def add_follow_up(request: HttpRequest, conversation_id: Id, payload: FollowUpIn) -> Status[Any]:
    conversation = _conversation(request, conversation_id)
    require_write(request)
    follow_up = services.followup_create(
        conversation=conversation,
        actor=request.user,
        task=payload.task,
        owner=_owner(request, payload.owner),
        due_date=payload.due_date,
    )
    return Status(201, _follow_up(follow_up.pk))


def _follow_up(pk: int) -> dict[str, Any]:
    return _follow_up_row(FollowUp.objects.filter(pk=pk).values(*FOLLOW_UP_VALUES).get())


@followups_router.get("", response=FollowUpPage)
def list_follow_ups(
    request: HttpRequest,
    params: Query[ListQuery],
    owner: str = Query("", description="Username"),  # noqa: B008
    done: bool | None = None,
    due_before: dt.date | None = None,
    conversation_id: Id | None = None,
) -> Any:
    """The team's follow-ups. ``updated_since``: created or changed (ticked off, given
    another owner or day) since then."""
    follow_ups = FollowUp.objects.for_team(request.team)  # type: ignore[attr-defined]
    if owner:
        follow_ups = follow_ups.filter(owner__username=owner)
    if done is not None:
        follow_ups = follow_ups.filter(done=done)
    if due_before:
        follow_ups = follow_ups.filter(due_date__lt=due_before)
    if conversation_id is not None:
        follow_ups = follow_ups.filter(conversation_id=conversation_id)
    return list_page(
        request,
        follow_ups,
        params,
        lambda page: [_follow_up_row(r) for r in page.values(*FOLLOW_UP_VALUES)],
        updated_field="updated_at",
    )


def _get_follow_up(request: HttpRequest, follow_up_id: int) -> FollowUp:
    return get_for_team_or_404(
        FollowUp.objects.select_related("conversation__team"),
        request.team,  # type: ignore[attr-defined]
        pk=follow_up_id,
    )


@followups_router.get("/{follow_up_id}", response=FollowUpRow)
def get_follow_up(request: HttpRequest, follow_up_id: Id) -> Any:
    return _follow_up(_get_follow_up(request, follow_up_id).pk)


@followups_router.patch("/{follow_up_id}", response=FollowUpRow)
def update_follow_up(request: HttpRequest, follow_up_id: Id, payload: FollowUpPatch) -> Any:
    """Mark a follow-up done or not done."""
    follow_up = _get_follow_up(request, follow_up_id)
    require_write(request)
    services.followup_set_done(follow_up=follow_up, actor=request.user, done=payload.done)
    return _follow_up(follow_up.pk)


@followups_router.delete("/{follow_up_id}", response={204: None})
def delete_follow_up(request: HttpRequest, follow_up_id: Id) -> Status[None]:
    follow_up = _get_follow_up(request, follow_up_id)
    require_write(request)
    services.followup_delete(follow_up=follow_up, actor=request.user)
    return Status(204, None)

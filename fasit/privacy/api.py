"""Privacy over the API: export a person's data, erase them, consent, information
notices, and (owners) the records, the review queue and the access log."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router, Status
from ninja.pagination import paginate

from fasit.core.api_utils import (
    MAX_INT,
    BoundedLimitOffset,
    Id,
    error_detail,
    patch_data,
    require_owner,
    require_write,
)
from fasit.customers.models import Consent, Person
from fasit.customers.schemas import ErrorOut
from fasit.customers.services import consent_record, consent_withdraw
from fasit.privacy import selectors, services
from fasit.privacy.erasure import person_erase
from fasit.privacy.export import FORMATS, export_person
from fasit.privacy.models import ErasureCandidate, InformationNotice, RegisterEntry
from fasit.privacy.notice import draft_notice, notice_needed
from fasit.privacy.retention import describe, retention_run, team_rules, team_settings
from fasit.privacy.schemas import (
    AccessOut,
    CandidateOut,
    ConsentIn,
    ConsentOut,
    EraseIn,
    KeepIn,
    NoticeDueOut,
    NoticeOut,
    NoticeSentIn,
    NoticeSentOut,
    PersonPrivacyOut,
    PrivacySettingsIn,
    PrivacySettingsOut,
    RegisterEntryOut,
    RequestIn,
    RetentionIn,
    RetentionRunOut,
)
from fasit.tenancy.access import get_for_team_or_404

router = Router(tags=["privacy"])


def _person(request: HttpRequest, person_id: Id) -> Person:
    return get_for_team_or_404(Person.objects.select_related("team"), request.team, pk=person_id)  # type: ignore[attr-defined]


@router.get("/people/{person_id}/export", response={200: dict[str, Any], 400: ErrorOut})
def export(request: HttpRequest, person_id: Id, format: str = "json") -> Any:
    """Everything Fasit holds about the person (GDPR Art. 15, 20): JSON, or with
    ``format=html`` the printable page. Noted in the team's register."""
    require_write(request)
    person = _person(request, person_id)
    if format not in FORMATS:
        return Status(400, ErrorOut(detail={"format": ["Use json or html."]}))
    result = export_person(person=person, actor=request.user, channel="api", fmt=format)
    return HttpResponse(result.content, content_type=result.content_type)


@router.post("/people/{person_id}/erase", response={200: RegisterEntryOut, 400: ErrorOut})
def erase(request: HttpRequest, person_id: Id, payload: EraseIn) -> Any:
    """Erase the person everywhere (GDPR Art. 17); owners only, ``confirm`` must be true."""
    require_owner(request)
    person = _person(request, person_id)
    if not payload.confirm:
        return Status(400, ErrorOut(detail={"confirm": ["Set confirm to true to erase."]}))
    return person_erase(person=person, actor=request.user, channel="api", reason=payload.reason)


@router.post("/people/{person_id}/erasure-request", response={201: CandidateOut})
def request_erasure(request: HttpRequest, person_id: Id, payload: RequestIn) -> Any:
    require_write(request)
    try:
        candidate = services.erasure_request(
            person=_person(request, person_id), actor=request.user, detail=payload.detail
        )
    except Person.DoesNotExist:
        raise Http404 from None  # erased while this request was on its way
    return Status(201, _candidate_out(candidate))


@router.post("/people/{person_id}/consents", response={201: ConsentOut, 400: ErrorOut})
def add_consent(request: HttpRequest, person_id: Id, payload: ConsentIn) -> Any:
    require_write(request)
    person = _person(request, person_id)
    try:
        consent = consent_record(
            person=person, actor=request.user, wording=payload.wording, given_on=payload.given_on
        )
    except ValidationError as exc:
        return Status(400, ErrorOut(detail=error_detail(exc)))
    return Status(201, consent)


@router.post(
    "/people/{person_id}/consents/{consent_id}/withdraw",
    response={200: ConsentOut, 400: ErrorOut},
)
def withdraw_consent(request: HttpRequest, person_id: Id, consent_id: Id) -> Any:
    require_write(request)
    person = _person(request, person_id)
    consent = get_for_team_or_404(Consent.objects.all(), request.team, pk=consent_id, person=person)  # type: ignore[attr-defined]
    try:
        return consent_withdraw(consent=consent, actor=request.user)
    except ValidationError as exc:
        return Status(400, ErrorOut(detail=error_detail(exc)))


@router.get("/people/{person_id}/notice", response=NoticeOut)
def notice(request: HttpRequest, person_id: Id, language: str = "") -> Any:
    """The drafted information notice (GDPR Art. 14), in the person's language unless
    ``language`` (en, sv, nb, da) says otherwise."""
    require_write(request)
    return draft_notice(_person(request, person_id), language or None)


@router.post("/people/{person_id}/notices", response={201: NoticeSentOut, 400: ErrorOut})
def notice_sent(request: HttpRequest, person_id: Id, payload: NoticeSentIn) -> Any:
    require_write(request)
    try:
        sent = services.notice_record(
            person=_person(request, person_id),
            actor=request.user,
            language=payload.language,
            sent_on=payload.sent_on,
            channel=payload.channel,
        )
    except ValidationError as exc:
        return Status(400, ErrorOut(detail=error_detail(exc)))
    return Status(201, sent)


@router.get("/records", response=dict[str, Any])
def records(request: HttpRequest) -> Any:
    """The records of processing and the register of exports and erasures (owners)."""
    require_owner(request)
    return selectors.records_export(request.team)  # type: ignore[attr-defined]


@router.get("/queue", response=list[CandidateOut])
@paginate(BoundedLimitOffset)
def queue(request: HttpRequest) -> Any:
    require_owner(request)
    return [_candidate_out(c) for c in selectors.review_queue(request.team)]  # type: ignore[attr-defined]


@router.get("/access-log", response=list[AccessOut])
@paginate(BoundedLimitOffset)
def access_log(
    request: HttpRequest,
    person_id: int | None = Query(None, ge=1, le=MAX_INT),  # noqa: B008
) -> Any:
    """Who read a person's full profile or a transcript, and when (owners)."""
    require_owner(request)
    person = _person(request, person_id) if person_id else None
    return selectors.access_log(request.team, person=person)  # type: ignore[attr-defined]


def _candidate_out(candidate: Any) -> dict[str, Any]:
    return {
        "id": candidate.pk,
        "person_id": candidate.person_id,
        "reason": candidate.reason,
        "why": describe(candidate),
        "due_since": candidate.due_since,
        "status": candidate.status,
        "kept_until": candidate.kept_until,
    }


@router.get("/people/{person_id}", response=PersonPrivacyOut)
def person_privacy(request: HttpRequest, person_id: Id) -> Any:
    """A person's privacy page: legal basis, source of the data, consents, the Art. 14
    notices given (newest first) and whether one is needed, the erasure queue entry."""
    person = _person(request, person_id)
    candidate = ErasureCandidate.objects.filter(person=person).first()
    notices = (
        InformationNotice.objects.filter(person=person)
        .select_related("sent_by")
        .order_by("-sent_on", "-id")
    )
    return {
        "person_id": person.pk,
        "legal_basis": person.legal_basis,
        "legal_basis_recorded_on": person.legal_basis_recorded_on,
        "data_source": person.data_source,
        "data_source_detail": person.data_source_detail,
        "notice_needed": notice_needed(person),
        "notices": [
            {
                "id": n.pk,
                "language": n.language,
                "sent_on": n.sent_on,
                "channel": n.channel,
                "sent_by": n.sent_by.username if n.sent_by_id else None,
            }
            for n in notices
        ],
        "consents": list(person.consents.order_by("id")),
        "candidate": _candidate_out(candidate) if candidate else None,
    }


@router.get("/notices/due", response=list[NoticeDueOut])
@paginate(BoundedLimitOffset)
def notices_due(request: HttpRequest) -> Any:
    """Owners: people whose data came from someone else and who have not been given
    the Art. 14 notice yet, oldest first (Privacy → Notices due). Draft one with
    ``GET …/people/{id}/notice`` and record it with ``POST …/people/{id}/notices``."""
    require_owner(request)
    return [
        {
            "person_id": p.pk,
            "name": p.name,
            "data_source_detail": p.data_source_detail,
            "recorded_at": p.created_at,
        }
        for p in selectors.notices_due(request.team)  # type: ignore[attr-defined]
    ]


def _settings_out(team: Any) -> dict[str, Any]:
    chosen = team_settings(team)
    return {
        **{name: getattr(chosen, name) for name in services.SETTINGS_FIELDS},
        "retention": team_rules(team),
    }


@router.get("/settings", response=PrivacySettingsOut)
def get_privacy_settings(request: HttpRequest) -> Any:
    """Owners: the controller named in notices, the privacy contact, the DPO, automatic
    erasure, days kept after consent is withdrawn, and the retention rules."""
    require_owner(request)
    return _settings_out(request.team)  # type: ignore[attr-defined]


@router.patch("/settings", response=PrivacySettingsOut)
def update_privacy_settings(request: HttpRequest, payload: PrivacySettingsIn) -> Any:
    """Owners: change the fields sent (the settings page's service and checks)."""
    require_owner(request)
    team = request.team  # type: ignore[attr-defined]
    services.privacy_settings_update(team=team, actor=request.user, data=patch_data(payload))
    return _settings_out(team)


@router.put("/settings/retention", response=PrivacySettingsOut)
def set_retention(request: HttpRequest, payload: RetentionIn) -> Any:
    """Owners: months without real contact per legal basis before a person is due for
    erasure (null: no limit). All rules are set, or none (400 on the field)."""
    require_owner(request)
    team = request.team  # type: ignore[attr-defined]
    services.retention_rules_set(team=team, actor=request.user, rules=payload.rules)
    return _settings_out(team)


@router.post("/queue/run", response=RetentionRunOut)
def run_retention(request: HttpRequest) -> Any:
    """Owners: apply the retention rules now (the queue page's button): queue who is
    due and, with automatic erasure on, erase them."""
    require_owner(request)
    result = retention_run(
        team=request.team,  # type: ignore[attr-defined]
        today=timezone.localdate(),
        actor=request.user,
    )
    return {"due": result.due, "new": result.new, "erased": result.erased}


def _candidate(request: HttpRequest, candidate_id: int) -> ErasureCandidate:
    candidate = get_for_team_or_404(
        ErasureCandidate.objects.select_related("person", "team"),
        request.team,  # type: ignore[attr-defined]
        pk=candidate_id,
    )
    require_owner(request)
    return candidate


@router.post("/queue/{candidate_id}/keep", response=CandidateOut)
def keep_candidate(request: HttpRequest, candidate_id: Id, payload: KeepIn) -> Any:
    """Owners: keep a person due for erasure until a later day, for a reason the
    register shows."""
    candidate = services.candidate_keep(
        candidate=_candidate(request, candidate_id),
        actor=request.user,
        until=payload.until,
        reason=payload.reason,
    )
    return _candidate_out(candidate)


@router.post("/queue/{candidate_id}/erase", response=RegisterEntryOut)
def erase_candidate(request: HttpRequest, candidate_id: Id) -> Any:
    """Owners: erase a person of the queue everywhere, the register noting why."""
    candidate = _candidate(request, candidate_id)
    return person_erase(
        person=candidate.person,
        actor=request.user,
        channel=RegisterEntry.Channel.API,
        reason=describe(candidate),
    )

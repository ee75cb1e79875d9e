"""Every API operation with a record id, read from the OpenAPI schema so a new one is
covered without a change here: charlie's token gets 404 for team A's records, victor's
(a viewer's, even with the write scope) gets 403 on every write, and nothing changes."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fasit.core.models import AuditEvent
from fasit.core.tests import test_isolation
from fasit.core.tests.test_isolation import World

# The same records as the app's isolation test.
world = test_isolation.world


def _ids(w: World) -> dict[str, Any]:
    return {
        "account_id": w.account.pk,
        "person_id": w.person.pk,
        "conversation_id": w.conversation.pk,
        "follow_up_id": w.follow_up.pk,
        "journey_id": w.journey.pk,
        "process_id": w.journey.process_id,
        "stage_id": w.journey.stage_id,
        "theme_id": w.statement.theme_id,
        "statement_id": w.statement.pk,
        "consent_id": w.consent.pk,
        "member_id": w.member.pk,
        "motive_id": w.motive.pk,
        "item_id": w.family.pk,
        "part": "family",
        "year": w.revenue.year,
        "proposal_id": w.proposal.pk,
        "category_id": w.category.pk,
        "membership_id": w.membership.pk,
        "user_id": w.membership.user_id,
        "invitation_id": w.invitation.pk,
        "import_id": w.import_job.pk,
        "endpoint_id": w.webhook.pk,
        "calendar_id": w.capture_calendar.pk,
        "exclusion_id": w.capture_exclusion.pk,
        "candidate_id": w.candidate.pk,
        # Duplicates: comparing a record with itself reads (nothing differs); merging
        # it into itself is refused, after the checks these tests are about.
        "kind": "people",
        "keep_id": w.person.pk,
        "drop_id": w.person.pk,
        "tier": "key",
    }


def _example(schema: dict[str, Any], components: dict[str, Any]) -> Any:
    """A minimal valid-looking value for a JSON schema: required fields only."""
    if "$ref" in schema:
        return _example(components[schema["$ref"].rsplit("/", 1)[1]], components)
    if "anyOf" in schema:
        return _example(schema["anyOf"][0], components)
    kind = schema.get("type")
    if kind == "object":
        props = schema.get("properties", {})
        return {k: _example(props[k], components) for k in schema.get("required", [])}
    if kind == "array":
        return []
    if kind in ("integer", "number"):
        return schema.get("minimum", 1)
    if kind == "boolean":
        return False
    if schema.get("format") == "date":
        return "2024-01-02"
    if schema.get("format") == "date-time":
        return "2024-01-02T10:00:00Z"
    if "enum" in schema:
        return schema["enum"][0]
    return "x"


def _operations(
    client: Any, w: World, *, without_ids: bool = False
) -> list[tuple[str, str, str, Any]]:
    """Operations with a record id in the path; ``without_ids``: every operation."""
    schema = client.get("/api/openapi.json").json()
    components = schema["components"]["schemas"]
    ids = _ids(w)
    found = []
    for path, methods in schema["paths"].items():
        params = re.findall(r"{(\w+)}", path)
        if not without_ids and not any(p.endswith("_id") for p in params):
            continue  # no record in the path (e.g. the team's norm for a tier)
        url = path.format(**{p: ids[p] for p in params})
        for method, operation in methods.items():
            body = None
            content = operation.get("requestBody", {}).get("content", {})
            if "application/json" in content:
                body = _example(content["application/json"]["schema"], components)
            elif "multipart/form-data" in content:
                body = MULTIPART
            found.append((operation["operationId"], method, url, body))
    return found


MULTIPART = object()


def _call(client: Any, method: str, url: str, body: Any) -> Any:
    if method == "get":
        return client.get(url)
    if body is MULTIPART:
        upload = SimpleUploadedFile("m.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nKari: Hei\n")
        return client.post(url, {"file": upload})
    if body is None:
        return getattr(client, method)(url)
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


@pytest.mark.django_db
def test_charlies_token_gets_404_everywhere(world: World, charlie_api: Any) -> None:
    before = AuditEvent.objects.filter(team=world.account.team).count()
    statuses = {
        op: _call(charlie_api, method, url, body).status_code
        for op, method, url, body in _operations(charlie_api, world)
    }
    assert len(statuses) > 20
    assert statuses == dict.fromkeys(statuses, 404)
    assert AuditEvent.objects.filter(team=world.account.team).count() == before


# Writes to the caller's own state only (core.api_utils.OWN_STATE_WRITES), open to a
# viewer as on the page; tested in test_api_reads.
OWN_STATE = {"fasit_signals_api_mark_notifications_read"}


@pytest.mark.django_db
def test_victors_token_cannot_write_anything(world: World, victor_api: Any) -> None:
    before = AuditEvent.objects.count()
    statuses = {
        op: _call(victor_api, method, url, body).status_code
        for op, method, url, body in _operations(victor_api, world, without_ids=True)
        if method != "get" and op not in OWN_STATE
    }
    assert len(statuses) > 60
    assert statuses == dict.fromkeys(statuses, 403)
    assert AuditEvent.objects.count() == before


@pytest.mark.django_db
def test_alice_reads_every_record(world: World, alice_api: Any) -> None:
    statuses = {
        op: _call(alice_api, method, url, body).status_code
        for op, method, url, body in _operations(alice_api, world)
        if method == "get"
    }
    assert statuses == dict.fromkeys(statuses, 200)

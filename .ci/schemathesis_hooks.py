"""schemathesis hooks (SCHEMATHESIS_HOOKS) so the run covers the operations that end
access or data for good without ending its own: a change or removal of the token's
own membership goes to one of the seeded members instead (and the setup moved that
membership to an id the coverage phase, which runs without hooks, never tries), and an
erasure to one of the seeded people (or queue entries) rather than the demo's people
the other operations read. Ids come from .ci/schemathesis_setup.py through FASIT_FUZZ_IDS (a JSON file)."""

from __future__ import annotations

import json
import os
from typing import Any

import schemathesis

with open(os.environ["FASIT_FUZZ_IDS"], encoding="utf-8") as handle:
    IDS = json.load(handle)
PROTECTED = set(IDS["protected_memberships"])


def _pick(ids: list[int], value: Any) -> Any:
    """One of ``ids`` for a generated id, the same for the same value (a failing example
    replays alike). A value that is no id (the coverage phase's wrong types) is kept:
    it is answered 422 before anything is looked up."""
    if isinstance(value, int) and not isinstance(value, bool):
        return ids[value % len(ids)]
    return value


@schemathesis.hook
def map_path_parameters(ctx: Any, path_parameters: dict[str, Any] | None) -> Any:
    if not path_parameters or ctx.operation is None:
        return path_parameters
    path = ctx.operation.path
    if path.startswith("/api/team/members/") and path_parameters.get("membership_id") in PROTECTED:
        path_parameters["membership_id"] = _pick(IDS["members"], path_parameters["membership_id"])
    if path == "/api/privacy/people/{person_id}/erase" and "person_id" in path_parameters:
        path_parameters["person_id"] = _pick(IDS["erasable_people"], path_parameters["person_id"])
    if path == "/api/privacy/queue/{candidate_id}/erase" and "candidate_id" in path_parameters:
        path_parameters["candidate_id"] = _pick(IDS["candidates"], path_parameters["candidate_id"])
    return path_parameters

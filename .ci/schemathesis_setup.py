"""Records the schemathesis run may change for good without ending its own access:
members it may demote or remove (never the token's own user, the demo owner maja) and
people it may erase (never the demo's). Prints their ids as JSON for
.ci/schemathesis_hooks.py. Run with the demo's FASIT_DATA_DIR after `fasit demo`."""

from __future__ import annotations

import json

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402

from fasit.customers.services import person_create  # noqa: E402
from fasit.privacy.services import erasure_request  # noqa: E402
from fasit.tenancy.models import Membership, Role, Team  # noqa: E402

team = Team.objects.get(slug="demo")
maja = get_user_model().objects.get(username="maja")
# The token's own membership out of reach of generated ids: the coverage phase tries
# small ids and the schema's bounds without the hooks, so maja's membership moves to an
# id no generated value meets (nothing refers to a membership's id; tokens are found
# by team and user).
OWN_ID = 4_611_686_018_427_387_903 - 7_919
Membership.objects.filter(team=team, user=maja).update(id=OWN_ID)
members = []
for n in range(1, 7):
    user = get_user_model().objects.create_user(f"fuzz{n}", email=f"fuzz{n}@example.com")
    members.append(Membership.objects.create(team=team, user=user, role=Role.MEMBER).pk)
people = [
    person_create(team=team, actor=maja, name=f"Erasable {n}", legal_basis="li_prospect").pk
    for n in range(1, 41)
]
candidates = [
    erasure_request(person=person, actor=maja, detail="schemathesis").pk
    for person in [
        person_create(team=team, actor=maja, name=f"Queued {n}", legal_basis="li_prospect")
        for n in range(1, 21)
    ]
]
print(
    json.dumps(
        {
            "protected_memberships": list(
                Membership.objects.filter(team=team, user=maja).values_list("pk", flat=True)
            ),
            "members": members,
            "erasable_people": people,
            "candidates": candidates,
        }
    )
)

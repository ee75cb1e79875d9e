"""A script with a token builds a copy of the team's data through the API and keeps it
in step with ``updated_since`` and ``/api/sync/deleted``, as docs/api.md tells it to:
child rows (roles, revenue rows, profile items, follow-ups, buying groups) and the
rows a delete takes with it must reach the copy too."""

from __future__ import annotations

import json
from typing import Any

from django.utils import timezone

from fasit.buying.models import Journey
from fasit.buying.tests.helpers import journey_at, process_for
from fasit.conversations.models import Conversation, FollowUp
from fasit.customers.models import (
    Account,
    AccountRevenue,
    FamilyMember,
    Interest,
    Person,
    PersonRole,
)
from fasit.signals.models import Statement
from fasit.signals.services import statement_create
from fasit.testing import (
    AccountFactory,
    ConversationFactory,
    FollowUpFactory,
    PersonFactory,
    PersonRoleFactory,
)

# list URL -> the type /api/sync/deleted names its deletions with
LISTS = {
    "/api/accounts": "customers.account",
    "/api/people": "customers.person",
    "/api/conversations": "conversations.conversation",
    "/api/follow-ups": "conversations.followup",
    "/api/signals/statements": "market_signals.statement",
    "/api/buying/journeys?outcome=all": "buying.journey",
    "/api/categories": "customers.customercategory",
}
# Lists whose rows do not carry every child: the script reads the record itself.
DETAILS = {"/api/accounts": "/api/accounts/{}", "/api/people": "/api/people/{}"}


class SyncScript:
    """What an ERP's sync job does: page through every list with ``after``, read the
    details of what changed, drop what ``/api/sync/deleted`` names."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.copy: dict[str, dict[int, dict[str, Any]]] = {url: {} for url in LISTS}
        self.since: str | None = None

    def _pages(self, url: str, **params: Any) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        after = None
        while True:
            query = {"limit": 2, **params, **({"after": after} if after is not None else {})}
            answer = self.client.get(url, query)
            assert answer.status_code == 200, (url, answer.content)
            body = answer.json()
            items += body["items"]
            after = body["next_after"]
            if after is None:
                return items

    def run(self) -> None:
        started = timezone.now().isoformat()
        params = {"updated_since": self.since} if self.since else {}
        for url in LISTS:
            for row in self._pages(url, **params):
                if url in DETAILS:
                    row = self.client.get(DETAILS[url].format(row["id"])).json()
                self.copy[url][row["id"]] = row
        if self.since:
            types = {kind: url for url, kind in LISTS.items()}
            for gone in self._pages("/api/sync/deleted", updated_since=self.since):
                url = types.get(gone["type"])
                if url is not None:
                    self.copy[url].pop(int(gone["object_id"]), None)
        self.since = started


def _send(client: Any, method: str, url: str, payload: Any = None) -> Any:
    body = json.dumps(payload) if payload is not None else None
    answer = getattr(client, method)(url, body, content_type="application/json")
    assert answer.status_code in (200, 201, 204), (url, answer.content)
    return answer


def test_a_copy_built_and_kept_in_step_through_the_api(
    team_a: Any, team_b: Any, alice: Any, alice_api: Any, bob_api: Any
) -> None:
    process = process_for(team_a, alice)
    accounts = [
        AccountFactory(team=team_a, name=f"Kunde {i}", category=process.category) for i in range(4)
    ]
    people = [PersonFactory(team=team_a, name=f"Person {i}") for i in range(5)]
    for person, account in zip(people, accounts + accounts, strict=False):
        PersonRoleFactory(person=person, account=account, title="Innkjøper")
    AccountRevenue.objects.create(account=accounts[0], year=2024, amount=100)
    AccountRevenue.objects.create(account=accounts[1], year=2024, amount=200)
    interest = Interest.objects.create(person=people[0], name="Seiling")
    conversations = [ConversationFactory(team=team_a, account=a) for a in accounts]
    conversations[0].people.add(people[3])
    conversations[3].people.add(people[4])
    follow_ups = [FollowUpFactory(conversation=c) for c in conversations]
    journeys = [
        journey_at(team_a, alice, process=process, index=1, since=timezone.localdate(), account=a)
        for a in accounts
    ]
    statement_create(
        team=team_a, actor=alice, conversation=conversations[2], text="Vi vil lease."
    )
    AccountFactory(team=team_b, name="Another team's")  # never in the copy

    script = SyncScript(bob_api)
    script.run()
    assert script.copy == SyncScript_full(bob_api)

    # Changes the way the app makes them: child rows, deletes and what they take along.
    p0, p1, p2, p3 = (p.pk for p in people[:4])
    a0, a1, a2 = (a.pk for a in accounts[:3])
    _send(bob_api, "put", f"/api/people/{p0}/roles/{a1}", {"title": "CFO"})
    _send(bob_api, "put", f"/api/people/{p1}/roles/{a1}", {"title": "Daglig leder"})
    _send(bob_api, "delete", f"/api/people/{p2}/roles/{a2}")
    _send(bob_api, "put", f"/api/accounts/{a0}/revenue/2025", {"amount": "150.00"})
    _send(bob_api, "delete", f"/api/accounts/{a1}/revenue/2024")
    _send(bob_api, "post", f"/api/people/{p1}/family", {"relation": "Datter", "name": "Emma"})
    _send(bob_api, "delete", f"/api/people/{p0}/interests/{interest.pk}")
    _send(bob_api, "patch", f"/api/follow-ups/{follow_ups[1].pk}", {"done": True})
    _send(bob_api, "put", f"/api/buying/journeys/{journeys[1].pk}/members/{p1}", {"role": ""})
    _send(bob_api, "delete", f"/api/people/{p3}")  # took part in conversations[0]
    erase = {"confirm": True, "reason": "Asked to be forgotten"}
    _send(alice_api, "post", f"/api/privacy/people/{people[4].pk}/erase", erase)
    _send(bob_api, "delete", f"/api/accounts/{a2}")  # its conversation, journey, statement
    _send(bob_api, "post", "/api/categories", {"name": "Energi"})

    script.run()
    assert script.copy == SyncScript_full(bob_api)
    copy = script.copy
    assert set(copy["/api/accounts"]) == set(
        Account.objects.filter(team=team_a).values_list("pk", flat=True)
    )
    assert set(copy["/api/people"]) == set(
        Person.objects.filter(team=team_a).values_list("pk", flat=True)
    )
    for url, model in (
        ("/api/conversations", Conversation),
        ("/api/buying/journeys?outcome=all", Journey),
        ("/api/signals/statements", Statement),
    ):
        assert set(copy[url]) == set(model.objects.filter(team=team_a).values_list("pk", flat=True))
    assert set(copy["/api/follow-ups"]) == set(
        FollowUp.objects.filter(conversation__team=team_a).values_list("pk", flat=True)
    )
    for pk, person in copy["/api/people"].items():
        roles = PersonRole.objects.filter(person_id=pk)
        assert {(r["account_id"], r["title"]) for r in person["roles"]} == set(
            roles.values_list("account_id", "title")
        )
        assert [f["name"] for f in person["family"]] == list(
            FamilyMember.objects.filter(person_id=pk).values_list("name", flat=True)
        )
        assert [i["name"] for i in person["interests"]] == list(
            Interest.objects.filter(person_id=pk).values_list("name", flat=True)
        )
    for pk, account in copy["/api/accounts"].items():
        assert {(r["year"], r["amount"]) for r in account["revenues"]} == {
            (year, f"{amount:.2f}")
            for year, amount in AccountRevenue.objects.filter(account_id=pk).values_list(
                "year", "amount"
            )
        }
    assert copy["/api/follow-ups"][follow_ups[1].pk]["done"] is True
    participants = {p for c in copy["/api/conversations"].values() for p in c["people"]}
    assert p3 not in participants and people[4].pk not in participants


def SyncScript_full(client: Any) -> dict[str, dict[int, dict[str, Any]]]:  # noqa: N802
    """A copy built from nothing now: what the kept copy must equal."""
    fresh = SyncScript(client)
    fresh.run()
    return fresh.copy

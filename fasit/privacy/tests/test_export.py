"""Access and portability: everything held about a person, as a printable page and as
JSON, from the UI, the API and the command line; each export is in the register."""

from __future__ import annotations

import json
from typing import Any

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fasit.privacy.export import export_person
from fasit.privacy.models import RegisterEntry
from fasit.privacy.selectors import person_dossier
from fasit.privacy.tests.conftest import EMAIL, NAME, NEED, Rich
from fasit.testing import ConversationFactory, PersonFactory


def test_the_dossier_holds_everything(rich: Rich) -> None:
    d = person_dossier(rich.person)
    assert (d["person"]["name"], d["person"]["email"]) == (NAME, EMAIL)
    assert d["person"]["legal_basis_recorded_by"] == "Alice"
    assert [r["account"] for r in d["roles"]] == ["Fjord Kraft AS"]
    assert {f["name"] for f in d["family"]} == {"Alva Bergström", "Sigurd"}
    assert d["interests"] == ["Langrenn"]
    assert d["consents"][0]["wording"].startswith("Fjord Kraft may keep")
    assert [c["id"] for c in d["conversations"]] == [rich.meeting.pk]
    assert d["conversations"][0]["follow_ups"][0]["task"].startswith("Send tilbud")
    assert [m["conversation"] for m in d["mentioned_in"] if "notes" in m] == [rich.other_meeting.pk]
    assert any(m.get("task") == "Ring 91234567" for m in d["mentioned_in"])
    assert [s["text"] for s in d["statements"]] == [NEED]
    assert len(d["transcript_turns"]) == 2 and NEED in d["transcript_turns"][0]["text"]
    assert d["buying_groups"][0]["journey"] == "Nye pumper"
    assert d["buying_motives"][0]["text"] == "Ingen stans i vinter."
    assert {e["record"] for e in d["audit"]} >= {
        "customers.person",
        "customers.familymember",
        "customers.consent",
    }
    json.dumps(d)  # JSON-ready as it is


def test_queries_do_not_grow_with_conversations(team_a: Any, alice: Any) -> None:
    person = PersonFactory(team=team_a)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            person_dossier(person)
        return len(ctx.captured_queries)

    for _ in range(3):
        ConversationFactory(team=team_a).people.add(person)
    few = queries()
    for _ in range(30):
        ConversationFactory(team=team_a).people.add(person)
    assert queries() == few


def test_one_click_in_the_ui(rich: Rich, bob_client: Any, bob: Any) -> None:
    for page in ("people:detail", "privacy:person"):
        html = bob_client.get(reverse(page, args=[rich.person.pk])).content.decode()
        assert reverse("privacy:export", args=[rich.person.pk, "html"]) in html
    html = bob_client.get(reverse("privacy:export", args=[rich.person.pk, "html"]))
    assert html.status_code == 200 and NAME in html.content.decode()
    assert "Ingen stans i vinter." in html.content.decode()
    response = bob_client.get(reverse("privacy:export", args=[rich.person.pk, "json"]))
    assert response["Content-Disposition"].endswith('.json"')
    assert json.loads(response.content)["person"]["email"] == EMAIL
    entries = RegisterEntry.objects.filter(kind="export", person_ref=rich.person.pk)
    assert list(entries.values_list("channel", "actor", "person_label", "detail")) == [
        ("web", bob.pk, NAME, "JSON"),
        ("web", bob.pk, NAME, "HTML"),
    ]


def test_one_api_call(rich: Rich, alice_client: Any) -> None:
    response = alice_client.get(f"/api/privacy/people/{rich.person.pk}/export")
    assert response.status_code == 200
    assert response.json()["person"]["name"] == NAME
    html = alice_client.get(f"/api/privacy/people/{rich.person.pk}/export?format=html")
    assert html["Content-Type"].startswith("text/html")
    assert (
        alice_client.get(f"/api/privacy/people/{rich.person.pk}/export?format=pdf").status_code
        == 400
    )
    assert RegisterEntry.objects.filter(channel="api").count() == 2


def test_the_command_line(rich: Rich, capsys: Any, tmp_path: Any) -> None:
    call_command("fasit_privacy", "export", "--person", str(rich.person.pk))
    assert json.loads(capsys.readouterr().out)["person"]["phone"] == rich.person.phone
    out = tmp_path / "p.html"
    call_command(
        "fasit_privacy",
        "export",
        "--person",
        str(rich.person.pk),
        "--format",
        "html",
        "--out",
        str(out),
    )
    assert NAME in out.read_text(encoding="utf-8")
    assert RegisterEntry.objects.filter(channel="cli", actor=None).count() == 2


def test_charlie_and_victor_cannot_export(
    rich: Rich, charlie_client: Any, victor_client: Any
) -> None:
    pk = rich.person.pk
    assert charlie_client.get(reverse("privacy:export", args=[pk, "json"])).status_code == 404
    assert charlie_client.get(f"/api/privacy/people/{pk}/export").status_code == 404
    assert victor_client.get(reverse("privacy:export", args=[pk, "json"])).status_code == 403
    assert victor_client.get(f"/api/privacy/people/{pk}/export").status_code == 403
    assert not RegisterEntry.objects.exists()


def test_export_of_a_bare_person(team_a: Any, alice: Any) -> None:
    person = PersonFactory(team=team_a, name="Ola")
    result = export_person(person=person, actor=alice, channel="web", fmt="html")
    assert "Ola" in result.content and result.filename.endswith(".html")

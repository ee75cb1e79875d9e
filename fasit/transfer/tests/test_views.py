"""The import, export and duplicate pages, with charlie (team B) and victor (viewer)."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fasit.customers.models import Account, Person
from fasit.testing import AccountFactory, PersonFactory, PersonRoleFactory
from fasit.transfer.models import ImportJob, ImportMapping, ImportStatus

CSV = (
    "Navn;E-post;Mobil;Bedrift;Ansvarlig\n"
    "Kari Nordmann;kari@fjord.no;912 34 567;Fjord Energi AS;Alice\n"
    "Ola Ødegård;ola@fjord.no;;Fjord Energi AS;Ukjent Person\n"
)


def _upload(client: Any, text: str = CSV, name: str = "kunder.csv") -> Any:
    return client.post(
        reverse("transfer:imports"),
        {"file": SimpleUploadedFile(name, text.encode("cp1252"))},
    )


def _configure(job: ImportJob, **extra: Any) -> dict[str, Any]:
    data = {
        "entity": job.entity,
        "legal_basis": "li_prospect",
        "legal_basis_recorded_on": "2026-01-15",
        "default_country": "NO",
        **{f"col_{i}": c for i, c in enumerate(job.columns)},
    }
    data.update(extra)
    return data


def test_upload_preview_and_import_in_the_background(
    alice_client: Any, alice: Any, team_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    response = _upload(alice_client)
    job = ImportJob.objects.for_team(team_a).get()
    assert response.status_code == 302
    assert job.columns == ["name", "email", "mobile", "account_name", "owner"]
    assert job.layout == {"kind": "csv", "encoding": "cp1252", "delimiter": ";", "sheet": ""}
    assert job.owner_values == ["Alice", "Ukjent Person"]
    page = alice_client.get(reverse("transfer:import_detail", args=[job.pk]))
    content = page.content.decode()
    assert "Kari Nordmann" in content and "Fjord Energi AS" in content
    assert 'value="mobile" selected' in content
    # Alice, matched by name, is preselected for "Alice".
    assert f'<option value="{alice.pk}" selected>' in content
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_client.post(
            reverse("transfer:import_detail", args=[job.pk]),
            _configure(job, **{"import": "1"}, owner_0=alice.pk, save_as="Fjord-lista"),
        )
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE
    assert (job.created, job.invalid, job.accounts_created) == (2, 0, 1)
    kari = Person.objects.for_team(team_a).get(email="kari@fjord.no")
    assert kari.legal_basis == "li_prospect"
    assert kari.legal_basis_recorded_on.isoformat() == "2026-01-15"
    assert Account.objects.for_team(team_a).get().owner == alice
    saved = ImportMapping.objects.for_team(team_a).get()
    assert saved.columns["Mobil"] == "mobile"
    # The next file with this header gets the saved mapping and owner choices.
    _upload(alice_client, CSV.replace("Mobil;", "Mobil;").replace("Ola", "Per"), "neste.csv")
    second = ImportJob.objects.for_team(team_a).latest("id")
    assert second.owners == {"Alice": alice.pk, "Ukjent Person": None}
    done = alice_client.get(reverse("transfer:import_detail", args=[job.pk]))
    assert "Imported" in done.content.decode()


def test_a_refused_import_lists_problems_and_offers_the_invalid_rows(
    alice_client: Any, team_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _upload(alice_client, CSV + "Per;per@;abc;Nord AS;\n")
    job = ImportJob.objects.for_team(team_a).get()
    with django_capture_on_commit_callbacks(execute=True):
        alice_client.post(
            reverse("transfer:import_detail", args=[job.pk]), _configure(job, **{"import": "1"})
        )
    job.refresh_from_db()
    assert job.status == ImportStatus.REFUSED
    assert [(p["line"], p["column"]) for p in job.problems] == [(4, "E-post"), (4, "Mobil")]
    assert not Person.objects.exists()
    page = alice_client.get(reverse("transfer:import_detail", args=[job.pk])).content.decode()
    assert "per@ is not an e-mail address." in page
    # Import the valid rows this time; the invalid one comes back as CSV.
    with django_capture_on_commit_callbacks(execute=True):
        alice_client.post(
            reverse("transfer:import_detail", args=[job.pk]),
            _configure(job, **{"import": "1"}, skip_invalid="on"),
        )
    job.refresh_from_db()
    assert (job.status, job.created, job.invalid) == (ImportStatus.DONE, 2, 1)
    rows = alice_client.get(reverse("transfer:import_invalid_rows", args=[job.pk]))
    assert rows.status_code == 200
    assert "Per;per@" not in rows.content.decode("utf-8-sig")  # written as standard CSV
    assert "Per,per@,abc,Nord AS,,4," in rows.content.decode("utf-8-sig")


def test_a_file_that_cannot_be_read_changes_nothing(alice_client: Any, team_a: Any) -> None:
    response = _upload(alice_client, "Navn,navn\nA,B\n")
    assert response.status_code == 200
    assert "Two columns are called navn" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_charlie_and_victor(
    alice_client: Any, charlie_client: Any, victor_client: Any, team_a: Any
) -> None:
    _upload(alice_client)
    job = ImportJob.objects.for_team(team_a).get()
    assert charlie_client.get(reverse("transfer:import_detail", args=[job.pk])).status_code == 404
    assert (
        charlie_client.post(
            reverse("transfer:import_detail", args=[job.pk]), _configure(job, **{"import": "1"})
        ).status_code
        == 404
    )
    for name in (
        "transfer:imports",
        "transfer:exports",
        "transfer:duplicates",
        "transfer:team_vcards",
    ):
        assert victor_client.get(reverse(name)).status_code == 403
    assert (
        victor_client.get(reverse("transfer:export_list") + "?what=people&format=csv").status_code
        == 403
    )
    assert _upload(victor_client).status_code == 403
    assert victor_client.get(reverse("transfer:import_detail", args=[job.pk])).status_code == 403
    assert ImportJob.objects.count() == 1
    assert charlie_client.get(reverse("transfer:team_export")).status_code == 200
    assert b"Fjord" not in b"".join(
        charlie_client.get(reverse("transfer:team_export")).streaming_content
    )


def test_exports_of_filtered_lists(alice_client: Any, charlie_client: Any, team_a: Any) -> None:
    fjord = AccountFactory(team=team_a, name="Fjord Energi AS", tier="key")
    AccountFactory(team=team_a, name="Vik Bygg AS", tier="prospect")
    role = PersonRoleFactory(
        person=PersonFactory(team=team_a, name="Kari Nordmann", email="kari@fjord.no"),
        account=fjord,
        title="Innkjøpssjef",
    )
    url = reverse("transfer:export_list")
    csv_text = b"".join(
        alice_client.get(url + "?what=accounts&format=csv&tier=key").streaming_content
    )
    text = csv_text.decode("utf-8-sig")
    assert "Fjord Energi AS" in text and "Vik Bygg AS" not in text
    people = b"".join(alice_client.get(url + "?what=people&format=csv").streaming_content).decode(
        "utf-8-sig"
    )
    assert "Innkjøpssjef – Fjord Energi AS – Economic buyer" in people
    xlsx = alice_client.get(url + "?what=people&format=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_filelike(io.BytesIO(b"".join(xlsx.streaming_content)))
    rows = book.get_sheet_by_index(0).to_python()
    assert rows[1][1] == "Kari Nordmann"
    vcard = b"".join(
        alice_client.get(reverse("transfer:person_vcard", args=[role.person.pk])).streaming_content
    ).decode()
    assert "FN:Kari Nordmann" in vcard and "ORG:Fjord Energi AS" in vcard
    account_cards = b"".join(
        alice_client.get(reverse("transfer:account_vcards", args=[fjord.pk])).streaming_content
    ).decode()
    assert account_cards.count("BEGIN:VCARD") == 1
    assert (
        charlie_client.get(reverse("transfer:person_vcard", args=[role.person.pk])).status_code
        == 404
    )
    theirs = b"".join(charlie_client.get(url + "?what=accounts&format=csv").streaming_content)
    assert b"Fjord" not in theirs


def test_duplicates_page_and_merge(alice_client: Any, charlie_client: Any, team_a: Any) -> None:
    fjord = AccountFactory(team=team_a, name="Fjord Energi AS", org_number="923 609 016")
    AccountFactory(team=team_a, name="Fjord Energi", org_number="923 609 016")
    kari = PersonFactory(team=team_a, name="Kari Nordmann", email="kari@fjord.no")
    kari2 = PersonFactory(team=team_a, name="Kari Nordman", phone="+47 22 33 44 55")
    PersonRoleFactory(person=kari, account=fjord)
    PersonRoleFactory(person=kari2, account=fjord)
    page = alice_client.get(reverse("transfer:duplicates")).content.decode()
    assert "names 96% alike at Fjord Energi AS" in page
    assert "same organisation number NO 923 609 016" in page
    url = reverse("transfer:merge", args=["people", kari.pk, kari2.pk])
    assert charlie_client.get(url).status_code == 404
    assert charlie_client.post(url).status_code == 404
    compare = alice_client.get(url).content.decode()
    assert "+47 22 33 44 55" in compare
    response = alice_client.post(url, {"name": "keep", "phone": "drop"})
    assert response.status_code == 302
    kari.refresh_from_db()
    assert kari.phone == "+47 22 33 44 55"
    assert not Person.objects.filter(pk=kari2.pk).exists()

"""Demo data for privacy: the team's controller details, who recorded each legal
basis, consents in the words people were given, some people found through others
(with their information notices, most of them sent), and the retention queue."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from fasit.customers.models import Consent, LegalBasis, Person, Tier
from fasit.privacy.models import InformationNotice, PrivacySettings
from fasit.privacy.retention import retention_run
from fasit.tenancy.models import Team

WORDING = {
    "NO": "Nordlys Teknikk kan lagre kontaktinformasjonen min og sende meg tilbud på service "
    "og reservedeler. Jeg kan trekke samtykket tilbake når som helst.",
    "SE": "Nordlys Teknikk får spara mina kontaktuppgifter och skicka erbjudanden om service "
    "och reservdelar. Jag kan återkalla samtycket när som helst.",
    "DK": "Nordlys Teknikk må gemme mine kontaktoplysninger og sende mig tilbud på service og "
    "reservedele. Jeg kan til enhver tid trække samtykket tilbage.",
}
LANGUAGE = {"NO": "nb", "SE": "sv", "DK": "da"}
BATCH = 2000


def seed(
    *,
    team: Team,
    users: dict[str, Any],
    today: dt.date,
    seed: int,
    scale: int,
    log: Callable[[str], None],
) -> dict[str, int]:
    rng = random.Random(seed * 13 + 5)
    PrivacySettings.objects.create(
        team=team,
        controller_name="Nordlys Teknikk AS",
        contact_email="privacy@nordlys.example",
        dpo_contact="Maja Lindqvist, privacy@nordlys.example",
    )
    people = Person.objects.for_team(team)
    people.update(legal_basis_recorded_by=users["maja"])
    consents = [
        Consent(
            person_id=pk,
            wording=WORDING.get(country, WORDING["NO"]),
            given_on=recorded_on,
            recorded_by=users["maja"],
        )
        for pk, country, recorded_on in people.filter(legal_basis=LegalBasis.CONSENT).values_list(
            "pk", "country", "legal_basis_recorded_on"
        )
    ]
    Consent.objects.bulk_create(consents, batch_size=BATCH)
    # People at prospects were mostly found through others: a trade fair list.
    found = list(
        people.filter(roles__account__tier=Tier.PROSPECT)
        .order_by("pk")
        .values_list("pk", "country", "created_at")
    )
    Person.objects.filter(pk__in=[pk for pk, _c, _t in found]).update(
        data_source="other", data_source_detail="Visitor list from Nor-Shipping trade fair"
    )
    notices = [
        InformationNotice(
            team=team,
            person_id=pk,
            language=LANGUAGE.get(country, "en"),
            sent_on=min(today, created.date() + dt.timedelta(days=rng.randint(1, 20))),
            sent_by=users["maja"],
        )
        for pk, country, created in found
        if rng.random() < 0.8
    ]
    InformationNotice.objects.bulk_create(notices, batch_size=BATCH)
    # One withdrawn consent, so the review queue shows that reason too.
    withdrawn = Consent.objects.filter(person__team=team).order_by("pk").first()
    if withdrawn is not None:
        withdrawn.withdrawn_on = today - dt.timedelta(days=2)
        withdrawn.withdrawal_recorded_by = users["maja"]
        withdrawn.save(update_fields=["withdrawn_on", "withdrawal_recorded_by"])
    result = retention_run(team=team, today=today)
    log(f"privacy: {len(consents)} consents, {len(notices)} notices, {result.due} due for erasure")
    return {"consents": len(consents), "people due for erasure": result.due}

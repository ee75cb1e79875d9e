"""The information notice (GDPR Art. 14) for a person whose data the team got from
someone else: what is held, why, on which legal basis, from where, for how long, their
rights and whom to contact — drafted in the person's language, ready to send."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from fasit.customers.models import DataSource, LegalBasis, Person
from fasit.privacy.models import InformationNotice
from fasit.privacy.retention import team_rules, team_settings

LANGUAGE_OF_COUNTRY = {"NO": "nb", "SE": "sv", "DK": "da"}
# Where a person complains: the authority of the country they live in.
AUTHORITIES = {
    "NO": ("Datatilsynet", "https://www.datatilsynet.no"),
    "SE": ("Integritetsskyddsmyndigheten (IMY)", "https://www.imy.se"),
    "DK": ("Datatilsynet", "https://www.datatilsynet.dk"),
    "FI": ("Tietosuojavaltuutetun toimisto", "https://tietosuoja.fi"),
}
# Notices are due within a month of getting the data (Art. 14(3)(a)).
NOTICE_DUE_DAYS = 30


@dataclass(frozen=True)
class Notice:
    language: str
    to: str
    subject: str
    body: str


def person_language(person: Person) -> str:
    return LANGUAGE_OF_COUNTRY.get(person.country, "en")


def _held(person: Person) -> list[str]:
    """The kinds of data actually held about this person, in words."""
    held = [_("your name and work contact details (e-mail, phone)")]
    if person.roles.exists():
        held.append(_("your role at your employer"))
    if any(
        getattr(person, f"{m}s").exists()
        for m in ("familymember", "interest", "lifeevent", "importantdate")
    ) or (person.what_matters or person.notes):
        held.append(
            _("what you have told us about yourself (such as interests, family, important dates)")
        )
    if person.conversations.exists():
        held.append(_("notes from our conversations and meetings with you"))
    if person.transcript_speakers.exists():
        held.append(_("transcripts of meetings you took part in"))
    if person.statements.exists():
        held.append(_("what you told us about your company's needs and plans"))
    return held


def _purpose_and_basis(person: Person, consent: Any) -> tuple[str, str]:
    basis = person.legal_basis
    if basis == LegalBasis.CONSENT:
        wording = consent.wording if consent is not None else ""
        return (
            _("To do what you agreed to: “%(wording)s”.") % {"wording": wording}
            if wording
            else _("To do what you agreed to."),
            _("Your consent (GDPR Art. 6(1)(a)). You can withdraw it at any time."),
        )
    if basis == LegalBasis.CONTRACT:
        return (
            _("To carry out our agreement with you and your company."),
            _("A contract (GDPR Art. 6(1)(b))."),
        )
    return (
        _(
            "To look after our business relationship with you and your company: to keep in "
            "touch, prepare meetings and understand what you need."
        ),
        _(
            "Our legitimate interest in keeping in touch with our customers and the people "
            "we do business with (GDPR Art. 6(1)(f)). You can object to it at any time."
        ),
    )


def _how_long(person: Person) -> str:
    months = team_rules(person.team).get(person.legal_basis)
    if not months:
        return _("As long as we do business with you or your company.")
    return _(
        "Until %(months)s months after our last contact with you, unless you ask us to erase it sooner."
    ) % {"months": months}


def draft_notice(person: Person, language: str | None = None) -> Notice:
    language = language if language in dict(settings.LANGUAGES) else person_language(person)
    team = person.team
    privacy = team_settings(team)
    controller = privacy.controller_name or team.name
    consent = person.consents.filter(withdrawn_on__isnull=True).first()
    authority = AUTHORITIES.get(person.country)
    with translation.override(language):
        purpose, basis = _purpose_and_basis(person, consent)
        context = {
            "person": person,
            "controller": controller,
            "contact_email": privacy.contact_email,
            "dpo": privacy.dpo_contact,
            "held": _held(person),
            "purpose": purpose,
            "basis": basis,
            "source": person.data_source_detail,
            "how_long": _how_long(person),
            "consent": person.legal_basis == LegalBasis.CONSENT,
            "objection": person.legal_basis
            in (LegalBasis.LEGITIMATE_CUSTOMER, LegalBasis.LEGITIMATE_PROSPECT),
            "authority": authority,
        }
        subject = _("How %(controller)s handles your personal data") % {"controller": controller}
        body = render_to_string("privacy/notice.txt", context).strip() + "\n"
    return Notice(language=language, to=person.email, subject=subject, body=body)


def notice_needed(person: Person) -> bool:
    return person.data_source == DataSource.OTHER


def last_notice(person: Person) -> InformationNotice | None:
    return person.information_notices.order_by("-sent_on", "-id").first()

"""The default buying-process template.

It starts at status quo and follows the buying jobs that research on B2B buying
describes (Gartner: problem identification, solution exploration, requirements
building, supplier selection, validation, consensus creation), then decision and
implementation. Buyers do not walk these in a straight line; they loop back, and
the template is a starting point for a team's workshop, not a rule.

Names and texts are translatable; a new process is written in the team's language.
Sign keywords are in all four languages (sv, nb, da, en) on purpose: customers speak
their own language whatever the team's is.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class DefaultStage:
    key: str
    name: Promise
    questions: tuple[Promise, ...]
    signs: tuple[Promise, ...]
    buying_support: tuple[Promise, ...]
    selling_support: tuple[Promise, ...]
    keywords: str
    typical_days: int


DEFAULT_STAGES: tuple[DefaultStage, ...] = (
    DefaultStage(
        key="status_quo",
        name=_("Status quo"),
        questions=(
            _("Why would we change anything?"),
            _("Is what we have today good enough?"),
            _("What would a change cost us in time, money and attention?"),
        ),
        signs=(
            _("They describe today's way of working as “good enough”."),
            _("Nobody owns the problem yet; it is “something we live with”."),
        ),
        buying_support=(
            _("Short stories of peers who found a hidden cost in their own status quo."),
            _("A self-check: what does today's way really cost per year?"),
        ),
        selling_support=(
            _("Ask open questions about how things work today – no pitch."),
            _("Listen for a trigger: an incident, a new rule, a new manager, a growth plan."),
        ),
        keywords="",
        typical_days=90,
    ),
    DefaultStage(
        key="problem_identification",
        name=_("Problem identification"),
        questions=(
            _("What exactly is the problem, and what causes it?"),
            _("What does it cost us, and who feels it?"),
            _("Is it urgent enough to act on now?"),
        ),
        signs=(
            _("They name a concrete problem, cost or incident in their own words."),
            _("Someone has been asked to look into it."),
        ),
        buying_support=(
            _("A simple way to size the problem: cost of downtime, errors or extra work."),
            _("Research or benchmarks that show how common the problem is."),
        ),
        selling_support=(
            _("Restate the problem in the customer's words and check it."),
            _("Find out who else feels the problem and who would own fixing it."),
        ),
        keywords=(
            "problem, issue, incident, downtime, breakdown, cost us, we need to, "
            "driftstopp, haveri, kostar oss, vi måste, "
            "driftsstans, havari, koster oss, vi må, "
            "nedbrud, driftstop, koster os, vi er nødt til"
        ),
        typical_days=30,
    ),
    DefaultStage(
        key="solution_exploration",
        name=_("Solution exploration"),
        questions=(
            _("What is out there that could solve this?"),
            _("How have others solved it?"),
            _("Should we fix it ourselves, change how we work, or buy something?"),
        ),
        signs=(
            _("They research options, read up, attend webinars or visit fairs."),
            _("They ask how other customers solved the same problem."),
        ),
        buying_support=(
            _("A neutral overview of the ways to solve the problem, ours included."),
            _("Customer cases told by the customers themselves."),
        ),
        selling_support=(
            _("Help them see the options; do not push one yet."),
            _("Offer to connect them with a reference customer."),
        ),
        keywords=(
            "options, alternatives, approach, how do others, references, webinar, "
            "alternativ, lösning, hur gör andra, referens, mässa, "
            "løsning, hvordan gjør andre, referanse, messe, "
            "hvordan gør andre, reference"
        ),
        typical_days=30,
    ),
    DefaultStage(
        key="requirements_building",
        name=_("Requirements building"),
        questions=(
            _("What exactly do we need the solution to do?"),
            _("What are our must-haves and nice-to-haves?"),
            _("What budget do we have, and who approves it?"),
        ),
        signs=(
            _("They write a requirement specification or an RFI."),
            _("They talk about a budget range or criteria for choosing."),
        ),
        buying_support=(
            _("A requirements checklist they can adapt, not tilted toward us."),
            _("A total-cost-of-ownership template."),
        ),
        selling_support=(
            _("Ask which requirements matter most to whom, and why."),
            _("Make sure the users' needs reach the specification."),
        ),
        keywords=(
            "requirement, specification, must-have, rfi, budget, criteria, "
            "kravspec, kravställning, krav på, kriterier, budgeten, "
            "kravspes, kravspesifikasjon, budsjett, "
            "kravspecifikation, kravene"
        ),
        typical_days=30,
    ),
    DefaultStage(
        key="supplier_selection",
        name=_("Supplier selection"),
        questions=(
            _("Who can deliver what we need?"),
            _("Does this supplier's solution do what we want it to do?"),
            _("How do the offers compare?"),
        ),
        signs=(
            _("They issue a tender or an RFP, or ask for an offer."),
            _("They have a shortlist of suppliers or ask for a demo."),
        ),
        buying_support=(
            _("A clear offer structured along their own requirements."),
            _("A demo built on their case, not our standard script."),
        ),
        selling_support=(
            _("Learn their selection criteria and who weighs them."),
            _("Tailor the offer to their motives, not our USPs."),
        ),
        keywords=(
            "shortlist, tender, rfp, request for proposal, asked for a quote, "
            "asked for an offer, upphandling, anbud, förfrågningsunderlag, begär offert, "
            "bad om offert, be om tilbud, ba om tilbud, bad om tilbud, beder om tilbud, "
            "tilbudsforespørsel, konkurranse, udbud"
        ),
        typical_days=40,
    ),
    DefaultStage(
        key="validation",
        name=_("Validation"),
        questions=(
            _("Are we sure this is the right choice?"),
            _("Will it work here, with our people and our systems?"),
            _("What do customers like us say about it?"),
        ),
        signs=(
            _("They ask for a pilot, a trial, a proof of concept or a site visit."),
            _("They call references on their own."),
        ),
        buying_support=(
            _("A pilot plan with success criteria they set."),
            _("Reference customers they can call without us on the line."),
        ),
        selling_support=(
            _("Agree how the pilot will be judged before it starts."),
            _("Ask what would make them hesitate."),
        ),
        keywords=(
            "pilot, trial, proof of concept, reference call, site visit, "
            "provperiod, referensbesök, testperiod, "
            "prøveperiode, referansebesøk, testperiode, "
            "referencebesøg"
        ),
        typical_days=30,
    ),
    DefaultStage(
        key="consensus",
        name=_("Consensus"),
        questions=(
            _("Will everyone in the buying group get on board?"),
            _("Who is against, and why?"),
            _("How do we explain the choice to management?"),
        ),
        signs=(
            _("The purchase goes to a management team, steering group or board."),
            _("Objections are aired and answered; the group speaks with one voice."),
        ),
        buying_support=(
            _("A short decision memo they can use internally."),
            _("Answers to each stakeholder's concern, in their terms."),
        ),
        selling_support=(
            _("Map the buying group and each person's stance and motive."),
            _("Help the champion sell internally; do not go around them."),
        ),
        keywords=(
            "steering group, management team, board meeting, alignment, everyone agrees, "
            "styrgrupp, ledningsgrupp, styrelsen, förankra, alla är överens, "
            "styringsgruppe, ledergruppe, styret, forankre, alle er enige, "
            "styregruppe, ledelsen, bestyrelse"
        ),
        typical_days=30,
    ),
    DefaultStage(
        key="decision",
        name=_("Decision"),
        questions=(
            _("Are the terms right?"),
            _("What are the risks in the contract, and who carries them?"),
            _("When do we sign?"),
        ),
        signs=(
            _("They negotiate the contract or send it to legal review."),
            _("They talk about a purchase order or a date to sign."),
        ),
        buying_support=(
            _("A plain-language summary of the contract."),
            _("A clear implementation plan attached to the offer."),
        ),
        selling_support=(
            _("Keep the buyer's motive in view during negotiation."),
            _("Agree on the steps to signature with dates and owners."),
        ),
        keywords=(
            "contract, negotiation, legal review, purchase order, "
            "avtalet, förhandl, jurist, inköpsorder, "
            "kontrakt, avtalen, forhandl, innkjøpsordre, "
            "aftale, indkøbsordre"
        ),
        typical_days=21,
    ),
    DefaultStage(
        key="implementation",
        name=_("Implementation"),
        questions=(
            _("Are we getting what we bought?"),
            _("Are our people using it?"),
            _("Did it solve the problem we started with?"),
        ),
        signs=(
            _("The contract is signed and a kickoff is planned."),
            _("They talk about delivery, go-live or onboarding."),
        ),
        buying_support=(
            _("An onboarding plan and training for the users."),
            _("A follow-up of the results against the original problem."),
        ),
        selling_support=(
            _("Follow up on the motive they bought for."),
            _("Listen for the next problem; that is the next journey."),
        ),
        keywords=(
            "signed, kickoff, kick-off, onboarding, go-live, delivery date, "
            "signerat, undertecknat, uppstart, driftstart, "
            "signert, oppstart, idriftsettelse, "
            "underskrevet, opstart, idriftsættelse"
        ),
        typical_days=60,
    ),
)

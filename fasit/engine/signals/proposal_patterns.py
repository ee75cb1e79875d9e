"""The pattern tables behind the proposal rules (see ``proposals.py``).

Triggers in three families (fixed phrases, verbs of wanting and needing with any
subject, problems and complaints), the vetoes for seller talk, and the word lists the
rules consult. Kept apart so that ``proposals.py`` holds only the logic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from fasit.engine.signals.model import Kind


@dataclass(frozen=True)
class Rule:
    kind: Kind
    pattern: re.Pattern[str]
    weak: bool = False
    # A verb whose subject matters: rejected after or before the seller's pronoun
    # ("ni behöver", "trenger dere …?"), and turned into an objection when negated.
    verb: bool = False
    # "must"-like verbs are also rejected with "jag/jeg/I" ("jag måste gå nu").
    not_first_person: bool = False
    languages: frozenset[str] | None = None


def _rules(
    kind: Kind,
    patterns: Iterable[str],
    *,
    weak: bool = False,
    verb: bool = False,
    not_first_person: bool = False,
    languages: Iterable[str] | None = None,
) -> list[Rule]:
    langs = frozenset(languages) if languages is not None else None
    return [
        Rule(kind, re.compile(p, re.IGNORECASE), weak, verb, not_first_person, langs)
        for p in patterns
    ]


# Notes often label a line: "Önskemål: …", "Behov: …", "Invändning: …".
_LABELLED = [
    *_rules(
        "want",
        [
            r"^\W*(önskemål|önskan|ønske|ønsker|ønskeliste|wish|wishes|wishlist|"
            r"requests?|wants?)\s*:"
        ],
    ),
    *_rules(
        "need",
        [
            r"^\W*(krav|behov|needs?|requirements?|problem|problemer|utmaning|"
            r"utfordring|udfordring|pain points?|challenges?)\s*:"
        ],
    ),
    *_rules(
        "objection",
        [r"^\W*(invändning\w*|innvending\w*|indvending\w*|objections?)\s*:"],
    ),
    *_rules("motive", [r"^\W*(köpmotiv|kjøpsmotiv|købsmotiv|buying motive)\s*:"]),
]
# "It takes too long" is a problem (a need), not the objection "far too …" below.
_SLOW = _rules(
    "need",
    [
        r"\b(tar|tager|takes?|took|taking)\b(\s+[^\W\d_]+){0,3}?\s+"
        r"(alldeles för|alltför|altfor|alt for|far too|way too|much too|för|for|too) "
        r"(lång|lang|long)\b"
        r"(?! tid sedan| tid siden)",
        r"\b(lägger|bruker|bruger|spend\w*|använder)\s+(alldeles för|alltför|altfor|alt for|"
        r"way too|far too|too|för|for)\s+(mycket|mye|meget|much)\s+(tid|time)\b",
        r"\b(tar|tager|takes?|took)\b(\s+[^\W\d_]+){0,3}?\s+(en )?"
        r"(evighet\w*|evighed\w*|ages|forever)\b",
    ],
)


# Checked in this order: an objection or a motive that also says "vi vill" is still an
# objection or a motive; "how to buy" wins over a plain want when it says how.
_OBJECTION = _rules(
    "objection",
    [
        # sv
        r"\bför dyr",
        r"\binte (övertygad|övertygade|intresserad|intresserade)\b",
        r"\balldeles för\b",
        r"\b(inte|ingen) budget\b",
        r"\boroliga? (för|över)\b",
        r"\bfull av fel\b",
        r"\btvivlar\b",
        r"\binte aktuell",
        r"\bfår inte hända\b",
        r"\bskeptisk",
        r"\bfungerar inte\b",
        r"\bför (långa|höga|krångligt|komplicerat)\b",
        r"\bbilligare (hos|någon annan)",
        r"\binte värt\b",
        r"\bnöjda med (vår|nuvarande)",
        # nb
        r"\bfor dyr",
        r"\bikke (overbevist|interessert)",
        r"\baltfor\b",
        r"\bikke budsjett\b",
        r"\bingen budsjett\b",
        r"\bbekymret\b",
        r"\bfull av feil\b",
        r"\btviler\b",
        r"\buaktuel",
        r"\bkan ikke skje igjen\b",
        r"\bfor (lange|høye|høy)\b",
        r"\bikke verdt\b",
        r"\bfornøyd med (dagens|nåværende)",
        # da
        r"\bikke (overbevist|interesseret)",
        r"\balt for\b",
        r"\bikke budget\b",
        r"\bingen budget\b",
        r"\bbekymrede?\b",
        r"\bfuld af fejl\b",
        r"\btvivler\b",
        r"\bikke aktuel",
        r"\bmå ikke ske igen\b",
        r"\bfor (høje|høj)\b",
        r"\bikke (pengene|prisen) værd\b",
        r"\btilfredse med (vores|den nuværende)",
        # en
        r"\btoo (expensive|pricey|long|slow|complicated|cumbersome|high)\b",
        r"\bnot (convinced|interested|worth)\b",
        r"\bfar too\b",
        r"\b(don'?t|do not) have (the |a )?budget\b",
        r"\bno budget\b",
        r"\bworried\b",
        r"\bconcerned\b",
        r"\bfull of (defects|errors|faults)\b",
        r"\bdoubt\b",
        r"\bout of the question\b",
        r"\bcan'?t happen again\b",
        r"\bskeptical\b",
        r"\bsceptical\b",
        r"\bhappy with (our|the) current\b",
        # comparisons with competitors and bad experiences, in all four languages
        r"\b(högre|dyrare) än\b",
        r"\b(høyere|dyrere) enn\b",
        r"\b(højere|dyrere) end\b",
        r"\b(higher|more expensive) than\b",
        r"\babove (your|the) competitor",
        r"\bdåliga erfarenheter\b",
        r"\bdårlige erfaring",
        r"\bbad experiences?\b",
        r"\binte nöjda\b",
        r"\bikke (fornøyd|fornøyde|tilfreds|tilfredse)\b",
        r"\bnot happy\b",
        r"\bdisappointed\b",
        r"\bbesvikna?\b",
        r"\bskuffet\b",
        # "too" + adjective, in any inflection ("för högt", "for besværligt")
        r"\bför (dyr|hög|lång|krång|komplic|riskab|omständ|tungrodd|tidskräv|osäker)\w*",
        r"\bför mycket (jobb|arbete|pengar|tid|administration|krångel)\b",
        r"\bfor (dyr|høy|høj|lang|tungvint|kompli|risik|omstendelig|omstændelig|besværlig|"
        r"tidkrevende|tidskrævende|usikker)\w*(?! tid siden| siden)",
        r"\bfor (mye|meget) (jobb|arbeid|arbejde|penger|penge|tid|administrasjon|bøvl|styr)\b",
        r"\btoo (costly|complex|risky|much|steep|big a|far|late|early|small|big)\b",
        # tied to a contract or a supplier
        r"\b(bundna?|bundne|bundet|låsta?|låste|låst|locked|tied)\s+(av|af|by|in|into|to|till|til|"
        r"up|fast|inne)\b",
        r"\bbound by\b",
        # content with the supplier they have
        r"\b(nöjda?|fornøyde?|tilfredse?|happy|satisfied|content|glada)\s+(med|with)\s+"
        r"([^\W\d_]+\s+){0,3}?(nuvarande|nuværende|nåværende|dagens|befintlig\w*|eksisterende|"
        r"current|existing|leverantör\w*|leverandør\w*|suppliers?|vendors?)\b",
        r"\b(har redan|har allerede|already have|already use|använder redan|bruker allerede|"
        r"bruger allerede)\b.{0,40}\b(leverantör\w*|leverandør\w*|suppliers?|vendors?|avtal\w*|"
        r"aftale\w*|contract|agreement|lösning\w*|løsning\w*|solution)",
        # risk, doubt, timing, experience, price above
        r"\b(riskab\w+|risikab\w+|risky|riskfyll\w*|risikofyl\w*|for stor risiko|för stor risk)\b",
        r"\b(vi|we|de|they|kunden|ledningen|ledelsen|han|hon|hun|he|she)(\s+(är|er|are|is|blir|"
        r"bliver|var|were|was)|'re|'s)\s+([^\W\d_]+\s+)?(osäkra?|usikre|usikker|unsure|"
        r"uncertain|not sure|i tvivl|tveksamma?|tvilende)\b",
        r"\b(hinner|rekker|rækker)\s+(vi\s+|de\s+)?(inte|ikke|ej)\b",
        r"\b(inte|ikke|ingen|no)\s+(tid|time|kapacitet|capacity|resurser|ressurser|ressourcer|"
        r"resources)\s+(till|til|for|to|att|å|at)\b",
        r"\b(don'?t|do not) have (the )?(time|capacity|resources)\b",
        r"\b(dålig\w*|dårlig\w*|bad|negative|poor)\s+(erfarenhet\w*|erfaring\w*|experiences?)\b",
        r"\b(pris\w*|prices?|kostnad\w*|omkostning\w*|costs?)\s+(ligger|är|er|is|are|lies)\s+"
        r"([^\W\d_]+\s+)?(över|over|above|högre|høyere|højere|higher)\b",
        r"\b(mer än|mer enn|mere end|more than)\s+(vad |det |what )?(vi|we)\s+(betalar|betaler|pay)\b",
        r"\b(väl|overkant|overkanten|ganska|rätt|rimelig|temmelig|ret|lidt|litt|lite|bit|quite|"
        r"rather|pretty|very|väldigt|veldig|meget|mycket|helt|really|super)\s+(dyr\w*|pricey|"
        r"expensive|costly|steep)\b",
        # gone with someone else, no budget room, a no, no sense, not now
        r"\b(skrivit på|skrivit avtal|skrevet under|signert|signed|gått för|gått for|gone with)\b"
        r".{0,25}\b(konkurrent\w*|competitors?|annan leverantör|annen leverandør|anden "
        r"leverandør|another supplier|someone else|någon annan|noen andre|en anden)",
        r"\b(passar|passer|fits?|fitting)\s+(inte|ikke|not)\b.{0,20}\b(budget\w*|budsjett\w*)",
        r"\b(doesn'?t|does not|don'?t|won'?t)\s+fit\b.{0,20}\bbudget",
        r"\b(säger|sa|sagt|sier|sagde|siger|says|saying|said)\s+(nej|nei|no)\b",
        r"\b(ger|gir|giver)\s+(inte|ikke)\s+(någon |noen |nogen )?mening\b",
        r"\b(doesn'?t|does not|don'?t) make (any |much )?sense\b|\bmakes? no sense\b",
        r"\b(inte|ikke|not)\s+([^\W\d_]+\s+)?(lönsamt|lønnsomt|rentabelt|profitable|prioriter\w*|"
        r"a priority|prioritet)\b",
        r"\b(avvaktar|avventer|afventer|väntar med|venter med|wait and see|holding off|"
        r"on hold)\b",
    ],
)
_MOTIVE = _rules(
    "motive",
    [
        # sv
        r"\bdet viktigaste för oss\b",
        r"\bför oss handlar det om\b",
        r"\bmålet är\b",
        r"\bvårt mål\b",
        r"\bmäter oss på\b",
        r"\bkunder kräver\b",
        r"\bför att slippa\b",
        r"\bdet som avgör\b",
        r"\bvi vill (minska|sänka|halvera|spara)\b",
        r"\bvi ska (minska|halvera|sänka|nå)\b",
        r"\bvi gör (det|det här|detta) för att\b",
        r"\beftersom vi (vill|måste|ska)\b",
        # nb
        r"\bdet viktigste for oss\b",
        r"\bfor oss handler det om\b",
        r"\bmålet (vårt )?er\b",
        r"\bmåler oss på\b",
        r"\bkundene (våre )?krever\b",
        r"\bvi skal (kutte|redusere|halvere|nå)\b",
        r"\bdet som avgjør\b",
        r"\bvi gjør (dette|det) fordi\b",
        r"\bvi vil (redusere|kutte|spare)\b",
        # da
        r"\bdet vigtigste for os\b",
        r"\bfor os handler det om\b",
        r"\bmål er\b",
        r"\bmåler os på\b",
        r"\bkunder kræver\b",
        r"\bvi skal (skære|reducere|halvere|nå)\b",
        r"\bdet afgørende\b",
        r"\bvi gør det,? fordi\b",
        r"\bvi vil (reducere|skære|spare)\b",
        # en
        r"\bthe most important thing\b",
        r"\bfor us it'?s (all )?about\b",
        r"\bour goal\b",
        r"\bwe aim to\b",
        r"\bmeasures? us on\b",
        r"\bcustomers (require|demand)\b",
        r"\bwhat decides it\b",
        r"\bwe'?re doing (this|it) because\b",
        r"\bbecause we (don'?t |do not )?(want|need|have to)\b",
        r"\bwe want to (reduce|cut|save|halve)\b",
        # commitments to owners, boards and management
        r"\bvi har lovat\b",
        r"\bvi har lovet\b",
        r"\bwe'?ve promised\b",
        r"\bwe have promised\b",
        # what owners or management demand is a motive; what they'd like to see is a want
        r"\b(ägarna|styrelsen|ledningen|eierne|styret|ledelsen|ejerne|bestyrelsen)"
        r" (kräver|vill att|krever|vil at|kræver|vil have at)\b",
        r"\b(owners|board|management) (requires?|wants? us|demands?)\b",
        # how they choose, what weighs, what decides
        r"\b(för|for) (oss|os|us)\b.{0,30}\b(viktigast\w*|viktigste|vigtigste|most important|"
        r"matters most)\b",
        r"\b(viktigast\w*|viktigste|vigtigste|most important|matters most|what matters)\b"
        r".{0,30}\b(för oss|for oss|for os|to us|for us)\b",
        r"\b(väljer|velger|vælger|choose|chooses|select|selects|pick|picks|evaluate)\s+"
        r"([^\W\d_]+\s+){0,3}?(leverantör\w*|leverandør\w*|suppliers?|vendors?|partners?)\b",
        r"\b(väger|veier|vejer|weighs?|counts?|teller|tæller|räknas)\s+([^\W\d_]+\s+)?(tyngst|"
        r"tyngre|tungest|tungere|mest|heaviest|heavier|most)\b",
        r"\b(deciding factor|decisive factor|what decides)\b",
        r"\b(köper|kjøper|køber|buy)\s+([^\W\d_]+\s+)?(där|der|hvor|where|from whoever)\b",
        r"\b(det som räknas|det som teller|det der tæller|what (really )?counts)\b",
        r"\b(lägger|legger|lægger|place|put)\s+(\w+\s+)?(vikt|vekt|vægt|importance|weight|"
        r"emphasis)\s+(vid|på|on)\b",
        r"\bcare (most |a lot |deeply )?about\b",
        r"\b(vill|vil|want to|wants to|aim to)\s+(vara|være|bli|blive|be|become)\b(?!\s+(säkra|"
        r"säker|sikre|sikker|sure|certain|able|med|with|involved|delaktiga|kontaktet|kontaktad\w*|"
        r"contacted))",
        r"\b(sticka ut|skille oss ut|skille os ud|stand out|differentiate)\b",
        r"\b(ska|skal|has to|have to|must|should|måste|må)\s+(hjälpa|hjelpe|hjælpe|help)\s+"
        r"(oss|os|us)\b",
    ],
)
_HOW = _rules(
    "how_to_buy",
    [
        r"\bvi föredrar\b",
        r"\bhellre\b.*\bän\b",
        r"\bköper helst\b",
        r"\bhelst via\b",
        r"\bforetrekker\b",
        r"\bheller\b.*\benn\b",
        r"\bkjøper helst\b",
        r"\bforetrækker\b",
        r"\bhellere\b.*\bend\b",
        r"\bkøber helst\b",
        r"\bprefer\b",
        r"\brather\b.*\bthan\b",
        r"\b(mostly|usually) buy\b",
        r"\b(brukar|pleier|plejer|usually|normally|normalt|vanligtvis|vanligvis|typically)\s+"
        r"((å|at|att|to)\s+)?(köpa|kjøpe|købe|buy|betala|betale|pay|beställa|bestille|order|"
        r"handla|handle)\b",
        r"\bföredrar\b",
        r"\b(vill|vil|ville|would|'d)\s+([^\W\d_]+\s+)?(hellre|heller|hellere|rather)\b",
    ],
)
_NEED = _rules(
    "need",
    [
        # sv
        r"\bvi behöver\b",
        r"\bbehöver vi\b",
        r"\bbehov av\b",
        r"\bvi måste\b",
        r"\bdet måste\b",
        r"\bvi saknar\b",
        r"\bvi har (ett |stora |ett stort |stort )?problem",
        r"\bstörsta problem",
        r"\bvi kämpar med\b",
        r"\bvi sliter med\b",
        r"\bdet är (svårt|krångligt|ett problem)\b",
        r"\butan\b.*\b(kommer vi inte|klarar vi inte|kan vi inte)\b",
        # nb
        r"\bvi trenger\b",
        r"\btrenger vi\b",
        r"\bvi mangler\b",
        r"\bvi savner\b",
        r"\bvi må (ha|kunne|få)\b",
        r"\bbehov for\b",
        r"\bvi har (et |et stort |store )?problem",
        r"\bdet er (vanskelig|tungvint)\b",
        r"\buten\b.*\b(klarer|kan) vi ikke\b",
        # da
        r"\bhar brug for\b",
        r"\bhar vi brug\b",
        r"\bvi skal (have|kunne|bruge)\b",
        r"\bvi må (have|kunne)\b",
        r"\bvi kæmper med\b",
        r"\bdet er (svært|besværligt)\b",
        r"\buden\b.*\b(klarer|kan) vi ikke\b",
        # en
        r"\bwe need\b",
        r"\bneeds? (training|help|support)\b",
        r"\bwe (really )?have to\b",
        r"\bwe must\b",
        r"\bwe lack\b",
        r"\bwe('re| are) missing\b",
        r"\bwe have (a |an )?(big |real |huge |serious )?problem",
        r"\bwe struggle\b",
        r"\bit'?s (hard|difficult) for us\b",
        r"\bit would (really )?help\b",
        r"\b(kravet|ett krav|et krav|vårt krav|vores krav|våre krav|a requirement|"
        r"the requirement|a must|ett måste|et must)\b",
        r"\b(krav\w*|behov\w*|needs?|requirements?)\b(\s+[^\W\d_]+){0,3}?\s+(är|er|is|are)\b"
        r"(?!\s+(inte|ikke|not|inget|intet|no)\b)",
        r"\b(vårt|vores|våre|vårat|our) (största |største |biggest |main |stora |store )?"
        r"(behov|needs?)\b",
        r"\b(är|er|is|'s)\s+(väldigt |mycket |veldig |meget |really |very |super|helt )?"
        r"(viktigt|viktig|vigtigt|important|avgörande|kritisk\w*|critical|crucial|essential)\s+"
        r"(att|at|å|that|to|för oss|for oss|for os|for us)\b",
        r"\bwithout\b.*\bwe (can'?t|cannot)\b",
        r"\bhar svårt (att|med)\b",
        r"\bhar (vanskelig|problemer) (for|med)\b",
        r"\bhar svært ved\b",
        r"\bfind it (hard|difficult)\b",
    ],
)
# Verbs of needing, with any subject ("våra operatörer behöver", "innkjøp krever",
# "our CFO needs") or none ("Trenger levering uke 34").
_NEED_VERBS = [
    *_rules(
        "need",
        [
            r"\b(behöver|behövs|behöva|behøver|behøve|trenger|trengs|trenge|needs?)\b",
            r"\b(får|få|fik|fået) brug for\b",
            r"\b(kräver|krävs|krever|kreves|kræver|kræves|requires?)\b",
            r"\b(saknar|saknas|mangler|savner|lacks?|lacking)\b",
            r"\b(klagar|klagade|klager|klaget|klagede|complain\w*)\b",
            r"\b(skal|ska|skall) bruge\b",
            r"\b(är|er|are|is) (beroende|avhengige?|afhængige?|dependent) (av|af|on)\b",
            r"\b(are|is) missing\b",
        ],
        verb=True,
    ),
    *_rules(
        "need",
        [
            r"\b(måste|must(?! (have been|be|have had)\b)|have to|has to|got to|är tvungna|"
            r"er nødt til|er nødte til|"
            r"er tvunget til|er tvungne til)\b",
        ],
        verb=True,
        not_first_person=True,
    ),
    # Norwegian "vi må" + infinitive is a need; Danish "vi må" is mostly "we may".
    *_rules(
        "need",
        [r"\bvi må\s+(?!(gerne|gjerne|godt|ikke|vel|jo|nok|se|også)\b)[^\W\d_]+"],
        languages=("nb",),
    ),
]
# Problems and complaints, whoever the subject is.
_PROBLEM = _rules(
    "need",
    [
        r"\b(aldrig|aldri|never)\b(\s+[^\W\d_]+){0,3}?\s+(svar|besked|återkoppling|"
        r"tilbakemelding|tilbagemelding|answers?|repl(y|ies)|responses?|feedback|back)\b",
        r"\b(får|fick|fikk|fik|get|got|getting)\s+(aldrig|aldri|never|inget|inga|ingen|"
        r"ikke noe|no)\s+(svar|besked|info\w*|återkoppling|tilbakemelding|tilbagemelding|"
        r"answer|reply|response|feedback|hjälp|hjelp|hjælp|help)\b",
        r"\b(stämmer|stemmer|passer)\s+(inte|ikke)\b",
        r"\b(don'?t|doesn'?t|do not|does not|never)\s+(match|add up|tally)\b",
        r"\b(är|er|blir|bliver|are|is|keeps? being|kommer)\s+([^\W\d_]+\s+){0,2}?(fel|feil|"
        r"forkert\w*|wrong|incorrect|inaccurate|felaktiga?|mangelfull\w*|mangelfulde?)\b",
        r"\b(kommer|kom|anländer|arrives?|arrived|arriving|comes?|coming|levereras|leveres|"
        r"leveret|delivered)\b(\s+[^\W\d_]+){0,3}?\s+(för sent|for sent|late|too late|"
        r"forsinket|försenad\w*)\b",
        r"\b(är|er|are|is|blir|bliver)\s+([^\W\d_]+\s+)?(försenade?|forsinket|forsinkede|"
        r"delayed)\b",
        r"\b(står still|står stille|stands? still|at a standstill|går sönder|går i stykker|"
        r"breaks? down|keeps? breaking|goes down|ligger nede|havarer\w*)\b",
        r"\b(sliter|kämpar|kæmper|strever|brottas|struggl\w+)\s+([^\W\d_]+\s+)?(med|with)\b",
        r"\b(problemet|problemen|utmaningen|utfordringen|udfordringen|the (main |big |biggest "
        r"|real )?(problem|issue|challenge|pain point|headache))\s+([^\W\d_]+\s+){0,3}?"
        r"(är|er|is)\b",
        r"\b(största|største|biggest|main|stort|stora|stor|store|big|major|real|serious)\s+"
        r"([^\W\d_]+\s+)?(problem\w*|utmaning\w*|utfordring\w*|udfordring\w*|challenges?|"
        r"issues?|headaches?|pain points?|pain)\b",
        r"\b(har|have|has|having)\s+(?:(?!(ingen|inga|inget|no|inte|ikke|not|never)\b)"
        r"[^\W\d_]+\s+){0,2}?(problem|problemer|problems|issues|trouble|besvär|trøbbel|bøvl)\b",
        r"\b(är|er|is|are|blir|bliver)\s+(ett |et |en |a |an )?(stort |stor |store |big |real |"
        r"huge |constant )?(problem|issue|utmaning|utfordring|udfordring|challenge|headache)\b",
        r"\b(ont om|har for lite|har for få|har for lidt|short of|run\w* out|tar slut|tog slut|"
        r"går tomt?|gikk tomt?|løber tør|løb tør|out of stock|restnotert|backorder\w*)\b",
        r"\b(ingen|inga|nobody|no one)\b.{0,20}\b(svarar|svarer|answers|replies|picks up|"
        r"tar telefonen|tager telefonen|ringer tillbaka|ringer tilbake|ringer tilbage|calls back)\b",
        r"\b(krånglar|strular|bøvler)\b",
        r"\b(får|må|have to|has to|must|tvingas|tvinges|tvunget til at)\s+(vänta|vente|wait)\b",
        r"\b(wait|waits|waiting|väntar|venter)\s+([^\W\d_]+\s+){0,2}(timme|timmar|time|timer|"
        r"hours?|dagar|dager|dage|days|veckor|uker|uger|weeks)\b",
        r"^\W*(problem|problemer|issues?|trouble)\s+(med|m\.|with|w/)",
        r"\b(krångel|strul|rot|rod|bøvl|mess|hassle|kaos|chaos|trassel|trøbbel)\s+(med|with|i|in|"
        r"på|around)\b",
        r"\b(räcker|rekker|rækker|strækker)\s+(inte|ikke)\b",
        r"\b(inte|ikke|not|never|aldrig|aldri)\b.{0,30}\b(snabbt nog|raskt nok|hurtigt nok|"
        r"fast enough|quickly enough|bra nog|godt nok|good enough|tillräckligt|tilstrekkelig\w*|"
        r"tilstrækkelig\w*)\b",
        r"\b(tappar|taper|mister|lose|losing|lost)\s+([^\W\d_]+\s+)?(ordrar|ordre|ordrer|orders|"
        r"kunder|customers|försäljning|salg|sales)\b",
        r"\b(klagomål|klager fra|complaints|reklamationer|reklamasjoner)\b",
        r"\b(är|er|is|'s|blir|bliver)\s+([^\W\d_]+\s+)?(svårt|vanskelig\w*|svært|hard|"
        r"difficult|tricky|tungvint|krångligt|besværligt|omständligt|umulig\w*|omöjligt|"
        r"impossible)\s+(att|å|at|to)\b",
    ],
)
_WANT = _rules(
    "want",
    [
        # sv
        r"\bvi (vill|ville|skulle vilja)\b",
        r"\bvill vi\b",
        r"\bvi önskar\b",
        r"\bdet (vore|skulle vara) (bra|bäst|fint|skönt|fantastiskt|toppen|perfekt|värdefullt)",
        r"\bdet bästa vore\b",
        r"\bvi hoppas\b",
        r"^\W*(kan|kunde|skulle) ni\b",
        r"\bgärna se\b",
        r"\bdet (hade|skulle ha) varit\b",
        r"\bdet (vore|skulle vara)\b",
        r"\bskulle uppskatta\b",
        # nb
        r"\bvi (vil|ville) (gjerne|helst|ha)\b",
        r"\bvi ønsker\b",
        r"\bdet (hadde|ville) vært (fint|bra|best|supert|flott|fantastisk|nyttig|ønskelig)",
        r"\bdet beste (hadde|ville) vært\b",
        r"\bvi håper\b",
        r"^\W*(kan|kunne) dere\b",
        r"\bhadde det vært mulig\b",
        r"\bskulle gjerne (hatt|ha)\b",
        r"\bvi vil kunne\b",
        r"\bdet (hadde|ville) vært\b",
        r"\b(hadde|ville) satt pris på\b",
        # da
        r"\bvi vil (gerne|helst|have|kunne)\b",
        r"\bdet ville være (rart|godt|fint|super|dejligt)",
        r"\bdet bedste ville være\b",
        r"\bvi håber\b",
        r"^\W*(kan|kunne) i\b",
        r"\bgodt tænke os\b",
        r"\bvi ønsker\b",
        r"\bdet ville være\b",
        r"\bville sætte pris på\b",
        # en
        r"\bwe (want|would like|wish)\b",
        r"\bwe'?d (like|love)\b",
        r"\bwe would love\b",
        r"\bit would be (great|nice|good|helpful|useful|ideal)\b",
        r"\bideally\b",
        r"\bwe hope\b",
        r"^\W*(can|could|would) you\b",
        r"\bwe'?re looking for\b",
        r"\bwould be (great|brilliant|fantastic|excellent|perfect|lovely|amazing|valuable|"
        r"welcome|a (big |great |real )?help)\b",
        r"\bwe'?d appreciate\b",
        r"\bwe would appreciate\b",
        # wishes, dreams, preferences
        r"\b(drömmen|drømmen|the dream|dream scenario|in an ideal world|i en (ideell|ideel|"
        r"idealisk) (verden|värld))\b",
        r"(?<!som )\bhelst\b",
        r"\b(vill|vil|ville|skulle|hade|hadde|havde|kunde|kunne|tar|tager|ser|hör|hører)\b"
        r"(\s+[^\W\d_]+){0,2}\s+(gärna|gjerne|gerne)\b",
        r"\b(we|they|he|she|customer|management)('re| are| is|'s)?\s+(hoping|hope|hopes)\b",
        r"\b(de|dom|kunden|han|hon|hun|ledningen|ledelsen) (hoppas|håper|håber)\b",
        r"\bhoping for\b",
        r"\b(kunne|kunde) (godt )?(tenke|tänka|tænke) (oss|os)\b",
        r"\b(önskemål\w*|ønske|ønsket|wish|wishes|request)\b(\s+[^\W\d_]+){0,3}?\s+(är|er|is)\b"
        r"(?!\s+(inte|ikke|not)\b)",
        r"\b(hade|skulle|hadde|ville|would|'d)\s+([^\W\d_]+\s+)?(underlätta\w*|förenkla\w*|"
        r"forenkle\w*|lette|lettet|hjälpt|hjulpet|helped|help)\b",
        r"\b(stor|stora|stort|store|big|huge|real|enorm|enormous)\s+(skillnad|forskjell|forskel|"
        r"difference)\b",
        r"\b(keen on|keen to|eager to|ivriga att|ivrige etter|ivrige efter|opsat på)\b",
        r"\b(hadde|ville|skulle|hade) (satt|sätta|sætte|satte|sett|set)\s+([^\W\d_]+\s+)?pris på\b",
        r"\b(kunne|kunde|skulle|ville|would|could)\b.{0,15}\b(interessant|intressant|"
        r"interesting|spännande|spændende|spennende)\b",
        r"\b(it'?d|it would|that'?d|that would) (be )?(great|nice|good|helpful|useful|ideal|"
        r"brilliant|perfect)\b",
        r"\bwould be (nice|good|useful|helpful|ideal)\b",
        r"\b(underlätta|underlättar|förenkla|forenkle|lette|lettere|make (it|things|life) "
        r"easier|simplify)\b.{0,30}\b(om|hvis|if|för oss|for oss|for os|for us)\b",
        r"\b(vore|ville) det (vara |være )?(möjligt|mulig|muligt)\b",
        r"\b(ni|dere|you)\s+(borde|burde|bör|bør|should|ought to)\b",
        # questions that ask for something, also after a comma ("…, kan dere levere?")
        r"([,;:]\s*|\b(och|og|and|men|but|så|so|eller|or)\s+)(kan|kunde|kunne|can|could)\s+"
        r"(ni|dere|I|you)\b",
        r"^\W*(erbjuder|tilbyr|tilbyder|levererar|leverer|säljer|selger|sælger|stöder|støtter|"
        r"understøtter|hanterar|håndterer)\s+(ni|dere|I)\b",
        r"\b(har|finns det|finnes det|fins det|findes der|er der)\s+((ni|dere|I)\s+)?"
        r"(möjlighet|mulighet|mulighed)\w*\b",
        r"^\W*(do|does) you (offer|provide|support|deliver|sell|stock|carry|handle|have "
        r"(a |an |any )?(option|way|possibility|service|solution))\b",
    ],
)
# Verbs of wanting with any subject ("ledelsen vil ha", "our CFO wants") or none
# ("Vill ha offert på 20 st").
_WANT_VERBS = _rules(
    "want",
    [
        r"\b(vill|vil|ville)\b(\s+(vi|de|dom|han|hon|hun|kunden|man))?\s+"
        r"((?!(si|sige|säga)\b)[^\W\d_]+\s+)?"
        r"(ha|have|se|kunna|kunne|få|slippa|slippe|prøve|pröva|testa|teste|byta|bytte|skifte|"
        r"köpa|kjøpe|købe|hyra|leie|leje|leasa|lease|betala|betale|beställa|bestille|gärna|"
        r"gjerne|gerne|helst|att|at)\b",
        r"\b(önskar|önskade|ønsker|ønsket|ønskede)\b",
        r"\b(efterlys\w*|etterlys\w*)\b",
        r"\b(wants?|wanted|wish|wishes)\b",
        r"\b(would|'d) (like|love|prefer|want)\b",
        r"\b(letar|leter|leder|söker|søker|looking|searching)\s+(efter|etter|for)\b",
        r"\b(överväger|vurderer|overvejer|considering|utvärderar|evaluerer|evaluating|"
        r"planerar att|planlegger å|planlægger at|planning to|plan to)\b",
        r"\b(intresserade?|interesserte?|interesseret|interested)\s+(av|i|in|af|på)\b",
        r"\b(tittar|ser|kigger|kikker)\s+på\s+(att|å|at)\b",
        r"\blooking (at|into) [^\W\d_]+ing\b",
    ],
    verb=True,
)
# Questions and requests that are statements only when they are about buying.
_WEAK = _rules(
    "want",
    [
        r"^\W*(kan|kunde) vi\b",
        r"^\W*går det (att|an)\b",
        r"^\W*är det möjligt\b",
        r"^\W*(kan|kunne) vi\b",
        r"^\W*er det mulig",
        r"^\W*kan man\b",
        r"^\W*(can|could) we\b",
        r"^\W*is it possible\b",
        r"^\W*would it be possible\b",
        r"^\W*(is there|are there|finns det|finnes det|fins det|findes der|er der)\b",
        r"^\W*(kan|kunne|kunde|can|could)\s+(the\s+[^\W\d_]+|[^\W\d_]+(en|et|na|ne|erne|ene))\b",
        r"\b(frågade|frågat|spurte|spurt|spurgte|asked|efterfrågar|efterfrågade|etterspør|"
        r"etterspurte|efterspørger|efterspurgte|requested)\b",
    ],
    weak=True,
)
# A need declined is an objection (after the motives: "because we don't want to …").
_DECLINED = _rules(
    "objection",
    [
        r"\b(vi|we|de|they|kunden)\s+(behöver|trenger|behøver|need)\s+(inte|ikke|ej|not)\b",
        r"\b(behöver|trenger|behøver)\s+(vi|de)\s+(inte|ikke|ej)\b",
        r"\b(don'?t|do not|doesn'?t|does not)\s+(need|want|require)\b",
        r"\bhar (inte|ikke|ingen) (brug|behov)\b",
        r"\b(vi|de|we|they|kunden)\s+(vill|vil|ønsker|önskar|want)\s+(inte|ikke|ej|not)\b",
    ],
)
RULES: Final[tuple[Rule, ...]] = (
    *_LABELLED,
    *_SLOW,
    *_OBJECTION,
    *_MOTIVE,
    *_DECLINED,
    *_HOW,
    *_NEED,
    *_NEED_VERBS,
    *_PROBLEM,
    *_WANT,
    *_WANT_VERBS,
    *_WEAK,
)

# A seller's promise or pitch in the notes is not a customer statement.
VETO: Final[tuple[re.Pattern[str], ...]] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^\W*jag (skickar|lovar|kan visa|tänkte|återkommer|ska skicka)\b",
        r"^\W*jeg (sender|lover|kan vise|tenkte|tænkte|kommer tilbake|vender tilbage)\b",
        r"^\W*(i'?ll|i will|let me|i promise|i thought|i can show)\b",
        r"^\W*(vår|vores|our) (produkt|product|lösning|løsning|solution)\b",
        r"^\W*(produktet|løsningen) vårt\b",
        # the seller's own to-dos: "Behöver uppdatera CRM", "Vi må få ut tilbudet"
        r"^\W*((men|och|og|and|but|så|so)\s+)?((vi|we|jag|jeg|I)\s+)?(behöver|måste|ska|"
        r"skall|bör|trenger|må|skal|bør|behøver|need|needs|must|should|have to|has to|got to|"
        r"vill|vil|would like|'d like|want)\s+((att|å|at|to)\s+)?((också|også|also|just|bara|"
        r"bare|lige|först|først|first|gärna|gjerne|gerne|hellre|heller|hellere|rather|helst)\s+)?"
        r"(skicka|sende|send|ringa|ringe|call|boka|booke|book|"
        r"uppdatera|oppdatere|opdatere|update|följa upp|følge opp|følge op|follow up|"
        r"återkomma|komme tilbake|vende tilbage|get back|kolla|sjekke|tjekke|check|förbereda|"
        r"forberede|prepare|påminna|minne|minde|remind|maila|mejla|maile|e-?mail|tacka|takke|"
        r"thank|visa|vise|show|presentera|presentere|præsentere|present|invitera|invitere|"
        r"invite|få ut|få ud)\b",
        r"\b(offert\w*|tilbud\w*|quote|proposal|kontrakt\w*|contract)\s+(ut|ud|out)\b",
        # meeting logistics: "vi behöver ses igen", "the CEO wants to meet again"
        r"\b(vill|vil|wants?|would like|'d like|behöver|trenger|behøver|need|needs|måste|må|"
        r"must|skal|ska)\s+((att|å|at|to)\s+)?(ses|träffas|møtes|mødes|snakkes|höras|høres|"
        r"tales ved|catch up|meet again|meet up|talk|snakke|prata|tala|diskutera|diskutere|"
        r"discuss)\b",
        # the seller inviting the customer to talk, or restating what they said
        r"\b(kan|kunde|kunne|can|could|would)\s+(ni|dere|I|you)\s+([^\W\d_]+\s+){0,3}?(berätta|"
        r"fortelle|fortælle|tell|beskriva|beskrive|describe|explain|förklara|forklare|walk me)\b",
        r"^\W*(så\s+|so\s+)?(om jag förstår (dig|er) rätt|det (du|ni) säger|det (du|dere) sier|"
        r"hvis jeg (har )?forstått (deg|dere)|hvis jeg (har )?(forstået|fanget)|hvis jeg forstår|"
        r"det (du|I) siger|what i'?m hearing|if i understand|what you'?re saying)",
        # the seller offering something: "Would you like to see a demo?", "Vill ni se …?"
        r"^\W*((would|do) you (like|want)|(vill|vil) (ni|dere|I|du) (ha|have|se))\b[^?]*\?\s*$",
        # greetings: "ønsker dere en god helg"
        r"\b(önska|ønsk|wish)\w*\s+([^\W\d_]+\s+)?(en |et |ett |a )?(god|godt|gott|glad|"
        r"glædelig|gledelig|trevlig|fin|happy|merry|nice)\b",
        # the seller's yes/no questions to the customer: "Har ni haft problem med …?"
        r"^\W*(har|hade|hadde|havde|är|er|var|använder|bruker|bruger|behöver|trenger|"
        r"behøver|do|did|have|are|were|use|does|vill|vil|ønsker|önskar|tänker|tenker|tænker|"
        r"planerar|planlegger|planlægger)\s+(ni|dere|I|du|you)\b(?!\s+(möjlighet|mulighet|"
        r"mulighed|offer|provide|support|deliver|sell|stock|carry|handle))[^?]*\?\s*$",
    )
)
INTERROGATIVE: Final[re.Pattern[str]] = re.compile(
    r"^\W*((och|og|and|men|but|så|so)\s+)?(hur|vad|varför|vilken|vilket|vilka|vem|när|var|"
    r"hvordan|hva|hvorfor|hvilken|hvilket|hvilke|hvem|når|hvor|hvad|hvornår|how|what|"
    r"what's|why|which|who|when|where)\b",
    re.IGNORECASE,
)
YOU: Final[frozenset[str]] = frozenset(
    [
        "ni",
        "era",
        "ert",
        "dere",
        "deres",
        "jer",
        "jeres",
        "du",
        "dig",
        "deg",
        "din",
        "ditt",
        "dit",
        "dina",
        "dine",
        "you",
        "your",
        "yours",
    ]
)
# Subjects that make a verb someone else's: the seller ("ni behöver"), anyone at all
# ("om någon vill ha"), or a question to the seller ("trenger dere …?").
OTHERS: Final[frozenset[str]] = frozenset(
    [
        "ni",
        "dere",
        "du",
        "you",
        "jer",
        "någon",
        "noen",
        "nogen",
        "anyone",
        "someone",
        "somebody",
        "anybody",
        "man",
    ]
)
WE: Final[frozenset[str]] = frozenset(
    ["vi", "we", "oss", "os", "us", "vår", "våra", "vårt", "våre", "vores", "our", "ours"]
)
OTHERS_AFTER: Final[frozenset[str]] = frozenset(["ni", "dere", "du", "you", "jer", "deg", "dig"])
FIRST_PERSON: Final[frozenset[str]] = frozenset(("jag", "jeg"))
NEGATION: Final[frozenset[str]] = frozenset(
    ["inte", "ikke", "ej", "not", "don't", "dont", "doesn't", "didn't", "never", "aldrig", "aldri"]
)
SUBJECTS: Final[frozenset[str]] = frozenset(
    ["vi", "de", "dom", "we", "they", "han", "hon", "hun", "he", "she"]
)
WORD_RE: Final[re.Pattern[str]] = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# Buying forms (payment, lease, subscription, framework, tender, ordering channels): a
# weak trigger counts with them, and a want or need that names them says how to buy.
# Invoices and ordering in general are not here: "keeping track of invoices" is a need.
HOW_WORDS: Final[re.Pattern[str]] = re.compile(
    r"\b(betal\w*|pay|paying|payments?|leas\w*|hyr(a|t|es|ning)|leie|leje|rent|renting|"
    r"rental|abonnem\w*|subscri\w*|ramavtal\w*|rammeavtal\w*|rammeaftal\w*|framework|"
    r"upphandl\w*|anbud\w*|udbud\w*|tender\w*|punch-?out|edi|peppol|ehf|oioubl|"
    r"delbetal\w*|avbetal\w*|afbetal\w*|instal+ments?)\b",
    re.IGNORECASE,
)
BUY_WORDS: Final[re.Pattern[str]] = re.compile(
    r"\b(köp\w*|kjøp\w*|køb\w*|buy\w*|purchas\w*|order\w*|beställ\w*|bestill\w*|bestil\w*|"
    r"leverer\w*|levere|deliver\w*)\b",
    re.IGNORECASE,
)

# Narrow concepts only: "an overview of our service contracts" or "keeping track of
# invoices" is a need, while "a framework agreement" or "e-invoices" says how to buy.
HOW_CONCEPTS: Final[tuple[str, ...]] = (
    "ordering.digital",
    "invoice.consolidated",
    "invoice.electronic",
    "payment",
    "contract.framework",
    "contract.flexibility",
    "price.model",
    "price.usage",
    "price.no_ownership",
    "price.subscription",
    "price.fixed",
    "price.volume_discount",
    "price.agreement",
    "procurement",
    "financing",
)

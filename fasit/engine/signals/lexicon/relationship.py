"""Relationship: contact, reviews, suppliers, presence, references, pilots, partnership, advice, timing."""

from __future__ import annotations

from typing import Final

from fasit.engine.signals.lexicon._base import Concept
from fasit.engine.signals.lexicon._base import concept as _c

CONCEPTS: Final[tuple[Concept, ...]] = (
    _c(
        "contact.single",
        (
            "En fast kontaktperson",
            "Én fast kontaktperson",
            "Én fast kontaktperson",
            "One dedicated contact person",
        ),
        sv="kontaktperson* | kontakt person | fast kontakt | en kontakt | en enda kontakt | "
        "samma person | samma säljare | olika personer | olika kontakter | "
        "kundansvarig* | key account* | account manager | dedikerad* | personlig kontakt | "
        "direktnummer | en person att ringa | en väg in | så många olika | en ansvarig | fast ansvarig | ny person varje gång | bollas runt | slussas runt | skickas runt | kopplas runt",
        nb="kontaktperson* | kontakt person | fast kontakt | én kontakt | en kontakt | "
        "samme person | samme selger | forskjellige personer | ulike personer | "
        "kundeansvarlig* | key account* | account manager | dedikert* | personlig kontakt | "
        "direktenummer | én person å ringe | én vei inn | så mange hos dere | så mange ulike | én ansvarlig | en ansvarlig | fast ansvarlig | ny person | sendt rundt | kastet rundt | satt over",
        da="kontaktperson* | kontakt person | fast kontakt | én kontakt | en kontakt | "
        "samme person | samme sælger | forskellige personer | mange forskellige | "
        "kundeansvarlig* | key account* | account manager | dedikeret* | personlig kontakt | "
        "direkte nummer | én person at ringe | én indgang | så mange hos jer | én ansvarlig | en ansvarlig | fast ansvarlig | ny person | stillet rundt | sendt rundt | kastet rundt",
        en="contact person | point of contact | single contact | one contact | dedicated contact | "
        "same person | different people | key account* | account manager* | dedicated | "
        "personal contact | one person to call | single point | so many different | one responsible | passed around | bounced around | new person every time | someone new every time",
    ),
    _c(
        "contact.meetings",
        (
            "Regelbunden uppföljning",
            "Jevnlig oppfølging",
            "Regelmæssig opfølgning",
            "Regular business reviews",
        ),
        sv="uppföljningsmöte* | kvartalsmöte* | regelbundna möten | regelbunden uppföljning | "
        "affärsgenomgång* | besöka oss oftare | höra av er oftare | återkoppling* | proaktiv* | "
        "statusmöte* | fasta möten | möte varje | bara när ~ sälja | hör av er ~ när",
        nb="oppfølgingsmøte* | kvartalsmøte* | jevnlige møter | faste møter | "
        "jevnlig oppfølging | besøke oss oftere | høre fra dere oftere | tilbakemelding* | "
        "proaktiv* | statusmøte* | møte hver | bare når ~ selge | hører fra dere ~ når",
        da="opfølgningsmøde* | kvartalsmøde* | faste møder | regelmæssige møder | "
        "regelmæssig opfølgning | besøge os oftere | høre fra jer oftere | tilbagemelding* | "
        "proaktiv* | statusmøde* | møde hver | kun når ~ sælge | hører ~ fra jer ~ når",
        en="business review* | qbr | quarterly meeting* | quarterly review* | regular meetings | "
        "regular follow-up | visit us more often | hear from you more | proactive* | "
        "status meeting* | only when ~ sell | only call ~ when",
    ),
    _c(
        "supplier.consolidation",
        (
            "Färre leverantörer, allt från en",
            "Færre leverandører, alt fra én",
            "Færre leverandører, alt fra én",
            "Fewer suppliers, one-stop shop",
        ),
        sv="färre leverantörer | en leverantör | samma leverantör | allt från en | "
        "allt på ett ställe | helhetsleverantör* | totalleverantör* | brett sortiment | "
        "bredare sortiment | sortiment* | antal* ~ leverantör* | samla inköpen",
        nb="færre leverandører | én leverandør | samme leverandør | alt fra én | "
        "alt på ett sted | totalleverandør* | helhetsleverandør* | bredt sortiment | "
        "bredere sortiment | sortiment* | antall* ~ leverandør* | samle innkjøpene",
        da="færre leverandører | én leverandør | samme leverandør | alt fra én | "
        "alt ét sted | totalleverandør* | bredt sortiment | bredere sortiment | sortiment* | "
        "antal* ~ leverandør* | samle indkøbene",
        en="fewer suppliers | one supplier | single supplier | same supplier | one-stop | "
        "one stop shop | everything from one | wider range | broader range | product range | "
        "assortment | number of suppliers | consolidate ~ suppliers | supplier base",
    ),
    _c(
        "local_presence",
        ("Lokal närvaro", "Lokal tilstedeværelse", "Lokal tilstedeværelse", "Local presence"),
        w=0.6,
        sv="lokal närvaro | lokalt kontor | lokal | lokalt | lokala | nära oss | i närheten | "
        "i regionen | på orten | lokalkännedom | i sverige | här i sverige | i landet | i norden | närhet* | eget kontor | egen personal i | i finland",
        nb="lokal tilstedeværelse | lokalt kontor | lokal | lokalt | lokale | nær oss | "
        "i nærheten | i regionen | lokalkunnskap | i norge | her i norge | i landet | i norden | nærhet* | eget kontor | egne folk her | i finland",
        da="lokal tilstedeværelse | lokalt kontor | lokal | lokalt | lokale | tæt på os | "
        "i nærheden | i regionen | lokalkendskab | i danmark | her i danmark | i landet | "
        "i norden | nærhed* | eget kontor | egne folk her | i finland",
        en="local presence | local office | local | locally | nearby | close to us | "
        "in the region | local knowledge | local team | in the country | in sweden | "
        "in norway | in denmark | in the nordics | own office | someone local | on the ground | in finland",
    ),
    _c(
        "references",
        (
            "Referenser från liknande kunder",
            "Referanser fra lignende kunder",
            "Referencer fra lignende kunder",
            "References from similar customers",
        ),
        sv="referenskund* | referenser | kundcase | kundexempel | andra kunder | liknande kunder | "
        "i vår bransch | annan kund | prata med ~ kund*",
        nb="referansekund* | referanser | kundecase | kundeeksempel* | andre kunder | "
        "lignende kunder | i vår bransje | annen kunde | snakke med ~ kunde*",
        da="referencekund* | referencer | kundecase | kundeeksempl* | andre kunder | "
        "lignende kunder | i vores branche | anden kunde | tale med ~ kunde*",
        en="reference customer* | references | case stud* | customer case* | other customers | "
        "similar customers | similar customer | in our industry | talk to ~ customer* | "
        "in touch with ~ customer*",
    ),
    _c(
        "trial",
        (
            "Pilot innan beslut",
            "Pilot før beslutning",
            "Pilot før beslutning",
            "Pilot before deciding",
        ),
        sv="pilot* | testa det | testa den | testa lösningen | testa ~ först | testperiod* | "
        "provperiod* | prova det | prova den | prova på | prova ~ först | provkör* | "
        "proof of concept | poc | demo* | utvärdera | utvärdering* | en avdelning först | "
        "först på ~ avdelning | rulla ut | utrullning* | stegvis | i liten skala | "
        "innan vi bestämmer | innan vi beslutar | före beslut | innan beslut",
        nb="pilot* | teste det | teste den | teste løsningen | teste ~ først | testperiode* | "
        "prøveperiode* | prøve det | prøve den | prøve ~ først | prøvd det | prøvd den | "
        "prøvd ut | prøve ut | proof of concept | poc | demo* | evaluere | evaluering* | "
        "én avdeling først | først på ~ avdeling | rulle ut | ruller ut | utrulling* | "
        "trinnvis | i liten skala | før vi bestemmer | før vi tar ~ beslutning | "
        "ingen beslutning før | før beslutning",
        da="pilot* | teste det | teste den | teste løsningen | teste ~ først | testperiode* | "
        "prøveperiode* | prøve det | prøve den | prøve ~ først | prøvet det | afprøve* | "
        "proof of concept | poc | demo* | evaluere | evaluering* | én afdeling først | "
        "først på ~ afdeling | rulle ~ ud | ruller ~ ud | udrulning* | trinvis | "
        "i lille skala | før vi beslutter | før vi bestemmer | før beslutning",
        en="pilot* | test it | test ~ first | trial period* | free trial | trial | try it | "
        "try ~ first | try out | proof of concept | poc | demo* | evaluate | evaluation | "
        "one department first | roll out | rollout | roll-out | step by step | phased | "
        "small scale | before we decide | before deciding | before committing",
    ),
    _c(
        "time.fast",
        ("Snabbt", "Raskt", "Hurtigt", "Fast"),
        w=0.3,
        sv="snabbt | snabb | snabbare | fort | omgående | akut | brådskande | nödfall*",
        nb="raskt | rask | raskere | fort | umiddelbart | straks | akutt | haster | nødstilfelle*",
        da="hurtigt | hurtig | hurtigere | straks | omgående | akut | haster | nødstilfælde*",
        en="quick | quickly | faster | immediately | urgent | urgently | emergency",
    ),
)

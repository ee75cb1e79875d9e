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
    # --- Taxonomy: responsiveness, partnership, innovation, advice, supply, notice --------
    _c(
        "contact.responsiveness",
        ("Svar och återkoppling", "Svar og oppfølging", "Svar og opfølgning", "Responsiveness"),
        sv="återkomma | återkommer | ringa tillbaka | ringer tillbaka | svarar inte | svarar aldrig | "
        "får inget svar | inget svar | svar på mejl | svar på mail | besvara* | höra av sig | "
        "hör aldrig av",
        nb="komme tilbake til | ringe tilbake | ringer tilbake | svarer ikke | svarer aldri | får ikke svar | "
        "ingen svar | svar på e-post | svar på mail | besvare* | hører aldri fra | følge opp",
        da="vende tilbage | vender tilbage | ringe tilbage | ringer tilbage | svarer ikke | svarer aldrig | "
        "får ikke svar | intet svar | svar på mail | besvare* | hører aldrig fra | følge op",
        en="get back to us | getting back to us | call back | calls back | callback* | doesn't answer | "
        "don't answer | never answer* | no answer | no reply | reply to ~ email* | hear back | never hear | "
        "follow up | responsive | responsiveness",
    ),
    _c(
        "partnership",
        (
            "Långsiktigt partnerskap",
            "Langsiktig partnerskap",
            "Langsigtet partnerskab",
            "Long-term partnership",
        ),
        w=0.6,
        sv="partnerskap* | partner | samarbetspartner* | strategisk partner* | långsiktigt samarbete | "
        "samarbete* | utveckla tillsammans | tillsammans med er | lojalitet* | förtroende | tillit",
        nb="partnerskap* | partner | samarbeidspartner* | strategisk partner* | langsiktig samarbeid | "
        "samarbeid* | utvikle sammen | sammen med dere | lojalitet* | tillit",
        da="partnerskab* | partner | samarbejdspartner* | strategisk partner* | langsigtet samarbejde | "
        "samarbejde* | udvikle sammen | sammen med jer | loyalitet* | tillid",
        en="partnership* | partner | strategic partner* | long-term relationship | long-term partner* | "
        "collaborat* | work together | working together | together with you | loyalty | trust",
    ),
    _c(
        "innovation",
        (
            "Produktutveckling och innovation",
            "Produktutvikling og innovasjon",
            "Produktudvikling og innovation",
            "Innovation and product development",
        ),
        sv="innovation* | innovativ* | produktutveckling* | nyutveckling* | utvecklingsprojekt* | "
        "nya lösningar | nyheter | nya produkter | färdplan* | roadmap* | samutveckl* | forskning",
        nb="innovasjon* | innovativ* | produktutvikling* | nyutvikling* | utviklingsprosjekt* | "
        "nye løsninger | nyheter | nye produkter | veikart* | roadmap* | forskning",
        da="innovation* | innovativ* | produktudvikling* | nyudvikling* | udviklingsprojekt* | "
        "nye løsninger | nyheder | nye produkter | roadmap* | forskning",
        en="innovation* | innovative | product development | co-develop* | joint development | roadmap* | "
        "new products | new solutions | r&d | research",
    ),
    _c(
        "advice",
        (
            "Rådgivning och expertis",
            "Rådgivning og kompetanse",
            "Rådgivning og ekspertise",
            "Advice and expertise",
        ),
        w=0.8,
        sv="rådgivning* | rådgivare | råd om | expertis* | kompetens* | sakkunnig* | specialist* | "
        "applikationsingenjör* | dimensionering* | hjälp att välja | hjälpa oss välja | välja rätt",
        nb="rådgivning* | rådgiver* | råd om | ekspertise* | kompetanse* | fagkunnskap* | spesialist* | "
        "applikasjonsingeniør* | dimensjonering* | hjelp til å velge | velge riktig",
        da="rådgivning* | rådgiver* | råd om | ekspertise* | kompetence* | fagkundskab* | specialist* | "
        "applikationsingeniør* | dimensionering* | hjælp til at vælge | vælge rigtigt | vælge det rigtige",
        en="advice | advise | advisory | consultative | expertise | expert* | know-how | specialist* | "
        "application engineer* | sizing | help us choose | choose the right",
    ),
    _c(
        "supply.security",
        (
            "Försörjningstrygghet",
            "Forsyningssikkerhet",
            "Forsyningssikkerhed",
            "Security of supply",
        ),
        sv="försörjningstrygghet* | försörjningssäkerhet* | leveranstrygghet* | beredskap* | "
        "beredskapslager* | dubbla leverantörer | andrahandsleverantör* | riskspridning* | "
        "lokal produktion | tillverkat i sverige | tillverkning i sverige | producerat i sverige | "
        "nordisk produktion | närproducera* | geopoliti* | kris | krisen | kriser | krisläge*",
        nb="forsyningssikkerhet* | leveransesikkerhet* | beredskap* | beredskapslager* | to leverandører | "
        "reserveleverandør* | risikospredning* | lokal produksjon | produsert i norge | laget i norge | "
        "norsk produksjon | nordisk produksjon | kortreist* | geopoliti* | krise | krisen | kriser | "
        "krisesituasjon*",
        da="forsyningssikkerhed* | beredskab* | beredskabslager* | to leverandører | reserveleverandør* | "
        "risikospredning* | lokal produktion | produceret i danmark | lavet i danmark | dansk produktion | "
        "nordisk produktion | geopoliti* | krise | krisen | kriser | krisesituation*",
        en="security of supply | supply security | supply assurance | resilien* | dual sourcing | "
        "second source | backup supplier* | local production | made in sweden | made in norway | "
        "made in denmark | nordic production | nearshoring | near-shoring | reshoring | geopoliti* | "
        "crisis | crises | contingency stock* | emergency stock* | preparedness",
    ),
    _c(
        "change.notice",
        (
            "Förvarning om ändringar",
            "Varsel om endringer",
            "Varsel om ændringer",
            "Notice of changes",
        ),
        sv="förvarning* | varsel | i god tid | informera ~ om ändring* | meddela ~ ändring* | "
        "ändringsmeddelande* | produktändring* | pcn | utfasning* | utgående produkt* | "
        "få veta ~ i förväg",
        nb="forhåndsvarsel* | varsel | varsle oss | i god tid | endringsvarsel* | produktendring* | pcn | "
        "utfasing* | utgående produkt* | beskjed i forkant | vite ~ på forhånd",
        da="forvarsel* | varsel | varsle os | i god tid | ændringsmeddelelse* | produktændring* | pcn | "
        "udfasning* | udgående produkt* | besked i forvejen | vide ~ på forhånd",
        en="advance notice | prior notice | notice of change* | product change notification* | pcn | "
        "change notification* | heads-up | heads up | phase-out | phase out | end of life | eol | "
        "in good time",
    ),
)

"""Commercial terms: price and price models, discounts, payment, invoicing, contracts, tenders, budgets."""

from __future__ import annotations

from typing import Final

from fasit.engine.signals.lexicon._base import Concept
from fasit.engine.signals.lexicon._base import concept as _c

CONCEPTS: Final[tuple[Concept, ...]] = (
    _c(
        "price",
        ("Pris", "Pris", "Pris", "Price"),
        w=0.5,
        sv="pris | priset | priser | priserna | prisnivå* | kostnad | kostnaden | kostnader | "
        "dyr | dyrt | dyra | billig | billigare | kostar | "
        "konkurrent*",
        nb="pris | prisen | priser | prisene | prisnivå* | kostnad | kostnaden | kostnader | "
        "dyr | dyrt | dyre | billig | billigere | koster",
        da="pris | prisen | priser | priserne | prisniveau* | omkostning* | udgift* | dyr | dyrt | "
        "dyre | billig | billigere | koster",
        en="price | prices | pricing | cost | costs | expensive | cheap | cheaper | price level*",
    ),
    _c(
        "price.too_high",
        ("För högt pris", "For høy pris", "For høj pris", "Price too high"),
        broader=("price",),
        sv="för dyrt | för dyr | för dyra | för högt pris | för höga priser | för hög kostnad | "
        "har inte råd | överpris* | inte värt priset | billigare hos | billigare alternativ | "
        "för hög | för höga | över ~ konkurrenter* | billigare någon annanstans | högre än ~ konkurrent* | dyrare än | dyrare hos er | högre än hos | högre än vad | mer än vi betalar | betalar ~ annanstans",
        nb="for dyrt | for dyr | for dyre | for høy pris | for høye priser | for høy kostnad | "
        "har ikke råd | overpris* | ikke verdt prisen | billigere hos | billigere alternativ | "
        "for høy | for høye | billigere et annet sted | billigere andre steder | høyere enn ~ konkurrent* | dyrere enn | dyrere hos dere | høyere enn hos | mer enn vi betaler | betaler ~ andre steder",
        da="for dyrt | for dyr | for dyre | for høj pris | for høje priser | for høje omkostninger | "
        "har ikke råd | overpris* | ikke prisen værd | billigere hos | billigere alternativ | "
        "for høj | for høje | billigere andre steder | billigere et andet sted | højere end ~ konkurrent* | dyrere end | dyrere hos jer | højere end hos | mere end vi betaler | betaler ~ andre steder",
        en="too expensive | too pricey | too high a price | price is too high | "
        "prices are too high | can't afford | cannot afford | overpriced | not worth the price | "
        "cheaper elsewhere | cheaper alternative* | too high | above ~ competitors | higher than ~ competitor* | more expensive than | well above | higher than what | more than we pay | what we pay elsewhere | pay elsewhere",
    ),
    _c(
        "price.unit",
        ("Styckpris", "Stykkpris", "Stykpris", "Unit price"),
        broader=("price",),
        sv="styckpris* | styckepris* | enhetspris* | pris per styck | pris per enhet | "
        "pris per st | pris/st | a-pris* | kilopris* | literpris* | meterpris* | pris per kilo | "
        "pris per meter | pris per ton",
        nb="stykkpris* | enhetspris* | pris per stykk | pris per enhet | pris pr stk | "
        "pris per stk | kilopris* | literpris* | meterpris* | pris per kilo | pris per meter | "
        "pris per tonn",
        da="stykpris* | enhedspris* | pris pr stk | pris per stk | pris pr styk | pris per styk | "
        "pris per enhed | pris pr enhed | kilopris* | literpris* | meterpris* | pris pr kilo | "
        "pris per kilo | pris pr ton",
        en="unit price* | price per unit | price per piece | piece price* | per-unit price* | "
        "price each | price per kg | price per kilo | price per metre | price per meter | "
        "price per tonne",
    ),
    _c(
        "price.increase",
        ("Prishöjningar", "Prisøkninger", "Prisstigninger", "Price increases"),
        broader=("price",),
        sv="prishöjning* | prisökning* | höjt priserna | höjer priserna | höja priserna | "
        "priserna har stigit | priser har stigit | priset har gått upp | dyrare för varje år | "
        "prisuppräkning*",
        nb="prisøkning* | prisstigning* | prisheving* | økt prisene | øker prisene | "
        "prisene har steget | prisen har gått opp | dyrere for hvert år",
        da="prisstigning* | prisforhøjelse* | prisstigninger | hævet priserne | hæver priserne | "
        "priserne er steget | prisen er steget | dyrere for hvert år",
        en="price increase* | price rise* | price hike* | raised ~ prices | raising ~ prices | "
        "prices have gone up | prices went up | more expensive every year",
    ),
    _c(
        "price.fixed",
        ("Fasta priser", "Faste priser", "Faste priser", "Fixed prices"),
        broader=("price",),
        sv="fast pris | fasta priser | fastpris* | prisgaranti* | låsta priser | låsa priset | "
        "låsa priserna | prissäkring | prisstabilitet | oförändrade priser | inga prishöjningar | "
        "förutsägbara priser | förutsägbar kostnad | ligga fast | låst pris | priset låst | samma pris ~ hela | garantera ~ pris* | pris ~ hela avtalsperioden | pris ~ hela projektet",
        nb="fast pris | faste priser | fastpris* | prisgaranti* | låste priser | låse prisen | "
        "låse prisene | prissikring | prisstabilitet | uendrede priser | ingen prisøkning* | "
        "forutsigbare priser | forutsigbar kostnad | forutsigbarhet | ligge fast | låst pris | prisen låst | samme pris ~ hele | garantere ~ pris* | pris ~ hele avtaleperioden | pris ~ hele prosjektet",
        da="fast pris | faste priser | fastpris* | prisgaranti* | låste priser | låse prisen | "
        "låse priserne | prissikring | prisstabilitet | uændrede priser | ingen prisstigning* | "
        "forudsigelige priser | forudsigelig* | forudsigelighed | ligge fast | låst pris | prisen låst | samme pris ~ hele | garantere ~ pris* | pris ~ hele aftaleperioden | pris ~ hele projektet",
        en="fixed price* | fixed-price | price guarantee | locked price* | lock the price* | "
        "lock in price* | price stability | stable prices | no price increase* | "
        "predictable price* | predictable cost* | predictability | price locked | prices locked | locked for | same price ~ whole | same price ~ full | guarantee ~ price* | price ~ for the full | price ~ for the whole",
    ),
    _c(
        "price.indexation",
        (
            "Prisjustering och index",
            "Prisjustering og indeks",
            "Prisregulering og indeks",
            "Price indexation",
        ),
        broader=("price",),
        sv="index* | indexera* | indexreglering | kpi | prisjustering* | råvaruprisklausul* | "
        "valutaklausul* | valutajustering* | råvarutillägg* | råvarupris* | materialtillägg* | metalltillägg* | koppartillägg* | kopparpris* | stålpris* | aluminiumpris* | lme | regleras efter | justeras efter | följa ~ index",
        nb="indeks* | indeksregulering | kpi | prisjustering* | råvareklausul* | valutaklausul* | råvaretillegg* | råvarepris* | materialtillegg* | metalltillegg* | kobbertillegg* | kobberpris* | stålpris* | aluminiumspris* | lme | reguleres etter | justeres etter | følge ~ indeks",
        da="indeks* | indeksregulering | pristalsregulering | prisregulering* | nettoprisindeks | "
        "råvareklausul* | valutaklausul* | råvaretillæg* | råvarepris* | materialetillæg* | metaltillæg* | kobbertillæg* | kobberpris* | stålpris* | aluminiumspris* | lme | reguleres efter | justeres efter | følge ~ indeks",
        en="index* | indexation | indexed | cpi | price adjustment* | price review* | "
        "raw material clause* | currency clause* | escalation clause* | raw material surcharge* | material surcharge* | metal surcharge* | energy surcharge* | fuel surcharge* | raw material price* | copper price* | steel price* | aluminium price* | lme | linked to ~ index | tied to ~ index",
    ),
    _c(
        "price.discount",
        ("Rabatt", "Rabatt", "Rabat", "Discount"),
        broader=("price",),
        sv="rabatt* | bättre pris | bättre priser | prisavdrag | kampanjpris*",
        nb="rabatt* | bedre pris | bedre priser | prisavslag | kampanjepris*",
        da="rabat* | bedre pris | bedre priser | prisnedslag | kampagnepris*",
        en="discount* | better price* | price reduction*",
    ),
    _c(
        "price.volume_discount",
        ("Volymrabatt", "Volumrabatt", "Mængderabat", "Volume discount"),
        broader=("price.discount", "price"),
        sv="volymrabatt* | mängdrabatt* | kvantitetsrabatt* | stegrabatt* | bonus på volym | "
        "rabatt ~ volym* | rabatt ~ större | årsbonus | köper mer | större volymer | "
        "dubbelt så mycket | större mängder | stora mängder | hela årsbehovet | ju fler | ju mer vi | staffelpris* | stafflade priser | trappstegsrabatt* | volympris*",
        nb="volumrabatt* | mengderabatt* | kvantumsrabatt* | trapperabatt* | rabatt ~ volum* | "
        "rabatt ~ større | årsbonus | kjøper mer | større volum | dobbelt så mye | "
        "større mengder | store mengder | hele årsbehovet | samler alle innkjøp | jo flere | jo mer vi | staffelpris* | trappepris* | volumpris* | mengdepris*",
        da="mængderabat* | volumenrabat* | kvantumsrabat* | trapperabat* | rabat ~ volumen* | "
        "rabat ~ større | årsbonus | køber mere | større mængder | dobbelt så meget | "
        "store mængder | hele årsforbruget | hele året på én gang | jo flere | jo mere vi | staffelpris* | trappepris* | volumenpris* | mængdepris*",
        en="volume discount* | bulk discount* | quantity discount* | tiered discount* | "
        "volume rebate* | discount ~ volume* | discount ~ larger | buy more | larger volumes | "
        "twice as much | large quantities | whole year at once | annual volume* | the more we | tiered pricing | tiered price* | volume pricing | price breaks | price break",
    ),
    _c(
        "price.agreement",
        ("Avtalspriser", "Avtalepriser", "Aftalepriser", "Agreed customer prices"),
        broader=("price",),
        sv="avtalspris* | kundpris* | nettopris* | våra priser | egna priser | kundunika priser",
        nb="avtalepris* | avtalte priser | kundepris* | nettopris* | våre priser | egne priser",
        da="aftalepris* | aftalte priser | kundepris* | nettopris* | vores priser | egne priser",
        en="agreed price* | contract price* | customer price* | net price* | our prices | "
        "negotiated price*",
    ),
    _c(
        "price.transparency",
        (
            "Tydliga priser utan dolda avgifter",
            "Tydelige priser uten skjulte gebyrer",
            "Gennemskuelige priser uden skjulte gebyrer",
            "Transparent pricing",
        ),
        broader=("price",),
        sv="prislista* | dolda avgifter | dolda kostnader | tilläggsavgift* | avgifter | "
        "tydliga priser | tydligare priser | transparent* | prisöversikt | vad det kostar",
        nb="prisliste* | skjulte gebyrer | skjulte kostnader | tilleggsgebyr* | gebyrer | "
        "tydelige priser | tydeligere priser | transparen* | prisoversikt | hva det koster",
        da="prisliste* | skjulte gebyrer | skjulte omkostninger | tillægsgebyr* | gebyrer | "
        "gennemskuelig* | tydelige priser | transparen* | prisoversigt | hvad det koster",
        en="price list* | hidden fees | hidden costs | surcharge* | extra fees | fees | "
        "transparent pricing | transparency | clear prices | clearer prices | what it costs",
    ),
    _c(
        "price.model",
        ("Prismodell", "Prismodell", "Prismodel", "Price model"),
        w=0.5,
        broader=("price",),
        sv="prismodell* | affärsmodell* | betalningsmodell*",
        nb="prismodell* | forretningsmodell* | betalingsmodell*",
        da="prismodel* | forretningsmodel* | betalingsmodel*",
        en="price model* | pricing model* | business model* | payment model*",
    ),
    _c(
        "price.usage",
        ("Betala efter användning", "Betale etter bruk", "Betale efter forbrug", "Pay per use"),
        broader=("price.model",),
        sv="betala per | betalar per | betala för ~ används | betala efter ~ användning | "
        "per användning | användningsbaserad* | förbrukningsbaserad* | efter förbrukning | "
        "hur mycket ~ används | mycket den används | så mycket vi använder | det vi använder | "
        "per timme | per drifttimme | per styck | per utskrift | per körning",
        nb="betale per | betaler per | betale for bruk | betale etter bruk | etter bruk | "
        "per bruk | bruksbasert* | forbruksbasert* | etter forbruk | hvor mye ~ brukes | "
        "det vi bruker | per time | per driftstime | per stykk | per utskrift",
        da="betale per | betaler per | betale for brug | betale efter brug | efter brug | "
        "per brug | brugsbaseret* | forbrugsbaseret* | efter forbrug | hvor meget ~ bruges | "
        "det vi bruger | per time | pr time | per driftstime | per styk | per udskrift",
        en="pay per | pay-per-use | pay as you go | pay-as-you-go | usage-based | usage based | "
        "consumption-based | consumption based | per use | pay for ~ use | pay for what we use | "
        "per hour | per running hour | per unit | per print",
    ),
    _c(
        "price.no_ownership",
        (
            "Hyra eller leasa i stället för att köpa",
            "Leie i stedet for å kjøpe",
            "Leje eller lease i stedet for at købe",
            "Rent or lease instead of buying",
        ),
        broader=("price.model",),
        sv="leasa | leasing* | hyra | hyr | hyrmodell | hyresavtal | som en tjänst | "
        "i stället för att köpa | istället för att köpa | än att köpa | inte köpa | inte äga | "
        "slippa äga | äga själva | ägande | balansräkning* | binda kapital | investering* | capex",
        nb="lease | leasing* | leie | leier | leieavtale | leiemodell | som en tjeneste | "
        "i stedet for å kjøpe | istedenfor å kjøpe | enn å kjøpe | ikke kjøpe | ikke eie | "
        "slippe å eie | eie selv | eierskap | balansen | balanse | binde kapital | "
        "investering* | capex",
        da="lease | leasing* | leje | lejer | lejeaftale | lejemodel | som en service | "
        "i stedet for at købe | i stedet for at eje | end at købe | ikke købe | ikke eje | "
        "slippe for at eje | eje selv | ejerskab | balancen | binde kapital | investering* | capex",
        en="lease | leasing | rent | rental | as a service | as-a-service | instead of buying | "
        "rather than buying | than buy | than buying | not buy | not own | owning | ownership | "
        "balance sheet | tie up capital | capital expenditure | capex | investment*",
    ),
    _c(
        "price.subscription",
        ("Abonnemang", "Abonnement", "Abonnement", "Subscription"),
        broader=("price.model",),
        sv="abonnemang* | prenumeration* | månadsavgift* | fast månadskostnad | "
        "per månad | månadsvis betalning",
        nb="abonnement* | månedsavgift* | månedlig avgift | fast månedskostnad | "
        "per måned | månedlig betaling",
        da="abonnement* | månedsgebyr* | månedlig betaling | fast månedlig | "
        "per måned | om måneden betale",
        en="subscription* | subscribe | monthly fee* | fixed monthly | "
        "per month | monthly payment*",
    ),
    _c(
        "price.included",
        (
            "Ska ingå i priset",
            "Skal være inkludert i prisen",
            "Skal være inkluderet i prisen",
            "Included in the price",
        ),
        broader=("price",),
        sv="ingå i priset | ingår i priset | ingå i avtalet | ingår i avtalet | ingår | "
        "inkluderad* | inkluderat | inklusive | utan extra kostnad | ingen extra kostnad | "
        "paketpris | helhetspris",
        nb="inkludert | inkluderes | inngå i prisen | inngår i prisen | "
        "inklusive | uten ekstra kostnad | ingen ekstra kostnad | pakkepris | totalpris",
        da="inkluderet | inkluderes | indgå i prisen | indgår i prisen | "
        "inklusive | uden ekstra omkostninger | ingen ekstra omkostninger | pakkepris | totalpris",
        en="included | inclusive | at no extra cost | no extra charge | "
        "bundled | bundle | all-in price | all-inclusive",
    ),
    _c(
        "price.roi",
        (
            "Lönsamhet och totalkostnad",
            "Lønnsomhet og totalkostnad",
            "Rentabilitet og totalomkostninger",
            "ROI and total cost",
        ),
        broader=("price",),
        sv="lönsamhet | återbetalningstid* | payback | kalkyl* | business case | roi | "
        "totalkostnad* | livscykelkostnad* | tco | tjäna in | räkna hem",
        nb="lønnsomhet | tilbakebetalingstid* | payback | kalkyle* | business case | roi | "
        "totalkostnad* | livssykluskostnad* | tco | tjene inn | regne hjem",
        da="rentabilitet | tilbagebetalingstid* | payback | beregning* | business case | roi | "
        "totalomkostning* | levetidsomkostning* | tco | tjene ind | tjent hjem",
        en="return on investment | roi | payback | business case | total cost of ownership | "
        "tco | lifecycle cost* | life cycle cost* | pays for itself | pay back",
    ),
    _c(
        "payment.terms",
        ("Betalningsvillkor", "Betalingsbetingelser", "Betalingsbetingelser", "Payment terms"),
        sv="betalningsvillkor* | betalningstid* | betalningsfrist* | kredittid* | förfallotid* | "
        "dagar netto | netto ~ dagar | längre betalningstid | delbetalning* | avbetalning* | "
        "förskottsbetalning* | i förskott | betala i efterskott | betala senare | "
        "dela upp betalningen | förfallodag* | förfallo* | betalningsdagar | dagars kredit | dagar att betala | netto 30 | netto 60 | 30 dagar netto | 60 dagar netto",
        nb="betalingsbetingelse* | betalingsvilkår* | betalingstid* | betalingsfrist* | "
        "kredittid* | forfallstid* | dager netto | netto ~ dager | lengre betalingstid | "
        "delbetaling* | avdrag* | forskuddsbetaling* | forskudd* | betale senere | etterskudd* | "
        "dele opp betalingen | forfall | forfallet | forfallsdato* | forfallsdag* | betalingsdager | dagers kreditt | kredittdager | dager å betale",
        da="betalingsbetingelse* | betalingsvilkår* | betalingstid* | betalingsfrist* | "
        "kredittid* | forfaldstid* | dage netto | netto ~ dage | løbende måned | længere kredit | "
        "afdrag* | afbetaling* | forudbetaling* | betale senere | bagud* | dele betalingen op | forfald | forfaldsdato* | forfaldsdag* | kreditdage | dages kredit | dage til at betale | lb md",
        en="payment term* | terms of payment | payment period* | credit period* | "
        "days net | net ~ days | longer credit | instalment* | installment* | prepayment* | "
        "pay in advance | pay later | paying later | payment plan* | split the payment | net 14 | net 30 | net 45 | net 60 | net 90 | days to pay | days credit | due date* | payment due",
    ),
    _c(
        "payment.method",
        ("Betalsätt", "Betalingsmåte", "Betalingsmåde", "Payment methods"),
        sv="betalsätt | betala med kort | kortbetalning* | swish | autogiro | direktdebitering | "
        "kreditkort | företagskort",
        nb="betalingsmåte* | betale med kort | kortbetaling* | vipps | avtalegiro | efaktura-avtale | "
        "kredittkort | firmakort",
        da="betalingsmåde* | betale med kort | kortbetaling* | mobilepay | betalingsservice | "
        "kreditkort | firmakort",
        en="payment method* | pay by card | card payment* | credit card* | direct debit | "
        "company card*",
    ),
    _c(
        "invoice",
        ("Fakturering", "Fakturering", "Fakturering", "Invoicing"),
        w=0.6,
        sv="faktura* | fakturer* | fakturor* | räkning* | kreditfaktura*",
        nb="faktura* | fakturer* | regning* | kreditnota*",
        da="faktura* | fakturer* | regning* | kreditnota*",
        en="invoice* | invoicing | billing | bill | bills | credit note*",
    ),
    _c(
        "invoice.consolidated",
        ("Samlingsfaktura", "Samlefaktura", "Samlefaktura", "Consolidated invoice"),
        broader=("invoice",),
        sv="samlingsfaktura* | samlad faktura | samlade fakturor | samfaktura* | månadsfaktura* | "
        "en faktura ~ månad* | en faktura per | faktura per månad | faktura i månaden | "
        "för många fakturor | många små fakturor | småfakturor | faktura för varje | "
        "varje leverans ~ faktura* | faktur* ~ samlade | faktur* ~ samlat",
        nb="samlefaktura* | samlet faktura | samla faktura | månedsfaktura* | "
        "én faktura ~ måned* | en faktura ~ måned* | faktura per måned | faktura i måneden | "
        "for mange fakturaer | mange små fakturaer | småfakturaer | faktura for hver | "
        "hver levering ~ faktura* | faktura* ~ samlet",
        da="samlefaktura* | samlet faktura | samlede fakturaer | månedsfaktura* | "
        "én faktura ~ måned* | en faktura ~ måned* | faktura om måneden | faktura pr måned | "
        "for mange fakturaer | mange små fakturaer | småfakturaer | faktura for hver | "
        "hver levering ~ faktura* | faktura* ~ samlet",
        en="consolidated invoice* | collective invoice* | single invoice | one invoice | "
        "monthly invoice* | invoice per month | invoice a month | too many invoices | "
        "many small invoices | invoice for every | invoice for each | summary invoice* | "
        "invoices ~ bundled | invoices ~ together | bundle ~ invoices",
    ),
    _c(
        "invoice.electronic",
        ("E-faktura", "E-faktura (EHF)", "E-faktura (OIOUBL)", "E-invoicing"),
        broader=("invoice", "digital"),
        sv="e-faktura* | efaktura* | e faktura* | elektronisk faktura | elektroniska fakturor | "
        "elektronisk fakturering | peppol | svefaktura | pappersfaktur* | pdf-faktur*",
        nb="e-faktura* | efaktura* | e faktura* | ehf | elektronisk faktura | "
        "elektroniske fakturaer | elektronisk fakturering | peppol | papirfaktur* | pdf-faktur*",
        da="e-faktura* | efaktura* | e faktura* | oioubl | nemhandel | elektronisk faktura | "
        "elektroniske fakturaer | elektronisk fakturering | peppol | papirfaktur* | pdf-faktur*",
        en="e-invoice* | einvoice* | e invoice* | e-invoicing | electronic invoic* | peppol | "
        "paper invoice* | pdf invoice*",
    ),
    _c(
        "invoice.reference",
        (
            "Rätt referenser på fakturan",
            "Riktige referanser på fakturaen",
            "Rigtige referencer på fakturaen",
            "References on invoices",
        ),
        broader=("invoice",),
        sv="referens ~ faktura* | vår referens | referensnummer* | fakturareferens* | ordernummer | inköpsordernummer | po-nummer | po nummer | kostnadsställe* | "
        "projektnummer | specificerad* | specificera* | fakturaunderlag",
        nb="referanse ~ faktura* | vår referanse | referansenummer* | ordrenummer | innkjøpsordrenummer | po-nummer | po nummer | "
        "kostnadssted* | prosjektnummer | spesifisert* | spesifisere* | fakturagrunnlag",
        da="reference ~ faktura* | vores reference | referencenummer* | ordrenummer | indkøbsordrenummer | po-nummer | po nummer | "
        "omkostningssted* | projektnummer | specificeret* | specificere* | fakturagrundlag",
        en="reference ~ invoice* | our reference | reference number* | po number* | purchase order number* | order number* | cost centre* | "
        "cost center* | project number* | itemised | itemized | specified",
    ),
    _c(
        "contract",
        ("Avtal", "Avtaler", "Aftaler", "Agreements"),
        w=0.5,
        sv="avtal | avtalet | avtalen | kontrakt* | överenskommelse*",
        nb="avtale | avtalen | avtaler | kontrakt* | overenskomst*",
        da="aftale | aftalen | aftaler | kontrakt* | overenskomst*",
        en="agreement* | contract | contracts | deal",
    ),
    _c(
        "contract.framework",
        ("Ramavtal", "Rammeavtale", "Rammeaftale", "Framework agreement"),
        broader=("contract",),
        sv="ramavtal* | ram avtal | långsiktigt avtal | flerårsavtal* | årsavtal* | "
        "avtal på ~ år | avtal över ~ år | avrop* | avropa* | avropsavtal* | avropsordning*",
        nb="rammeavtale* | ramme avtale | langsiktig avtale | flerårsavtale* | årsavtale* | "
        "avtale på ~ år | avtale over ~ år | avrop* | avropsavtale* | avropsordning*",
        da="rammeaftale* | ramme aftale | langsigtet aftale | flerårsaftale* | årsaftale* | "
        "aftale på ~ år | aftale over ~ år | afkald* | afkaldsaftale* | køb på rammeaftale*",
        en="framework agreement* | frame agreement* | frame contract* | master agreement* | "
        "long-term agreement* | long-term contract* | multi-year* | annual agreement* | call-off* | call off* | calloff*",
    ),
    _c(
        "contract.flexibility",
        (
            "Kortare bindningstid och uppsägning",
            "Kortere bindingstid og oppsigelse",
            "Kortere bindingsperiode og opsigelse",
            "Flexible term and notice",
        ),
        broader=("contract",),
        sv="bindningstid* | avtalstid* | uppsägningstid* | säga upp | uppsägning* | bunden | "
        "bundna | inlåst* | flexibla avtal | flexibelt avtal | kortare avtal | månad för månad | "
        "utträdesklausul* | förlängning* | automatisk förlängning | månaders varsel | "
        "säga upp ~ avtal*",
        nb="bindingstid* | avtaletid* | avtaleperiode* | oppsigelsestid* | si opp | oppsigelse* | "
        "bundet | låst | innlåst* | fleksible avtaler | fleksibel avtale | kortere avtale | "
        "måned for måned | utmeldelse* | forlengelse* | automatisk fornyelse | "
        "måneders varsel | si opp ~ avtale*",
        da="bindingsperiode* | bindingstid* | aftaleperiode* | opsigelsesvarsel* | "
        "opsigelsesperiode* | opsige | opsigelse* | bundet | låst | fleksible aftaler | "
        "fleksibel aftale | kortere aftale | måned til måned | forlængelse* | "
        "automatisk fornyelse | måneders varsel | binder os | binde os",
        en="notice period* | binding period* | contract term* | lock-in | locked in | tied in | "
        "flexible contract* | flexible agreement* | shorter contract* | month to month | "
        "month-to-month | cancel | cancellation | terminate | termination | exit clause* | "
        "auto-renew* | automatic renewal* | months notice | months' notice | tie ourselves",
    ),
    _c(
        "procurement",
        ("Upphandling och offerter", "Anbud og tilbud", "Udbud og tilbud", "Tenders and quotes"),
        sv="upphandling* | anbud* | offert | offerter | offerten | prisförfrågan* | "
        "förfrågningsunderlag | lou | ramupphandling* | inköpsprocess*",
        nb="anbud* | anskaffelse* | konkurranse | tilbud | tilbudet | pristilbud* | "
        "prisforespørsel* | konkurransegrunnlag | innkjøpsprosess*",
        da="udbud* | tilbud | tilbuddet | pristilbud* | prisforespørgsel* | udbudsmateriale* | "
        "indkøbsproces*",
        en="tender* | rfp | rfq | request for proposal | request for quote* | quote | quotes | "
        "quotation* | bid | bids | procurement process*",
    ),
    _c(
        "procurement.fast_quote",
        ("Snabbare offerter", "Raskere tilbud", "Hurtigere tilbud", "Faster quotes"),
        broader=("procurement",),
        sv="snabbare offert* | snabb offert* | offert ~ samma dag | offert inom | svar på offert*",
        nb="raskere tilbud | raskt tilbud | tilbud ~ samme dag | tilbud innen | svar på tilbud",
        da="hurtigere tilbud | hurtigt tilbud | tilbud ~ samme dag | tilbud inden | svar på tilbud",
        en="faster quote* | quick quote* | quote ~ same day | quote within | quotes faster",
    ),
    _c(
        "financing",
        ("Finansiering", "Finansiering", "Finansiering", "Financing"),
        broader=("price.model",),
        sv="finansiering* | finansiera | kreditlösning* | kreditram* | lån | leasingbolag* | finansieringspartner* | avbetala | delbetala | dela upp ~ betalning* | hyrköp",
        nb="finansiering* | finansiere | kredittramme* | kredittløsning* | lån | leasingselskap* | finansieringspartner* | nedbetale | nedbetaling* | avbetale | dele opp ~ betaling*",
        da="finansiering* | finansiere | kreditramme* | kreditløsning* | lån | leasingselskab* | finansieringspartner* | afdrage | afbetale | dele ~ betaling* op",
        en="financing | financed | credit line* | credit facilit* | line of credit | loan | leasing company | finance partner* | financing partner* | finance company | pay in instalments | hire purchase | spread the payment* | spread the cost*",
    ),
)

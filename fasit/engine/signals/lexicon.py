"""A cross-lingual lexicon of what Nordic B2B customers raise when they talk about buying.

Written for Fasit from domain knowledge of industrial, construction, wholesale and
service sales in Sweden, Norway and Denmark; it is not derived from any evaluation file.

Each concept has a weight (how much sharing it says two statements mean the same
thing: narrow concepts 1.0, broad topics less), broader concepts (sharing only a broader
concept is weak evidence), a short name per language for theme labels, and terms per
language. Terms are separated by ``|``:

- ``word``      matches the word and its inflections (Snowball stems in sv/nb/da/en),
- ``pref*``     matches any word starting with ``pref`` (compounds, odd inflections),
- ``a b c``     matches the words in sequence (also the parts of a compound),
- ``~``         inside a phrase allows up to two words in between.

Terms of all four languages are matched against every statement: the languages share
many words and a statement's language can be wrongly detected on short texts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

LANGS: Final[tuple[str, ...]] = ("sv", "nb", "da", "en")


@dataclass(frozen=True)
class Concept:
    id: str
    names: dict[str, str]
    terms: dict[str, tuple[str, ...]]
    weight: float = 1.0
    broader: tuple[str, ...] = ()


def _split(spec: str) -> tuple[str, ...]:
    return tuple(t.strip().lower() for t in spec.split("|") if t.strip())


def _c(
    cid: str,
    names: tuple[str, str, str, str],
    *,
    sv: str,
    nb: str,
    da: str,
    en: str,
    w: float = 1.0,
    broader: tuple[str, ...] = (),
) -> Concept:
    return Concept(
        id=cid,
        names=dict(zip(LANGS, names, strict=True)),
        terms={"sv": _split(sv), "nb": _split(nb), "da": _split(da), "en": _split(en)},
        weight=w,
        broader=broader,
    )


CONCEPTS: Final[tuple[Concept, ...]] = (
    # --- Delivery and logistics -------------------------------------------------------
    _c(
        "delivery",
        ("Leveranser", "Leveranser", "Leverancer", "Deliveries"),
        w=0.5,
        sv="leverans* | leverera | levereras | levererat | frakt | transport | sändning | utleverans",
        nb="leveranse* | levering* | levere | levert | frakt | transport | forsendelse*",
        da="leverance* | levering* | levere | leveret | fragt | transport | forsendelse*",
        en="delivery | deliveries | deliver | delivered | shipping | shipment* | freight | "
        "transport | dispatch",
    ),
    _c(
        "delivery.lead_time",
        (
            "Kortare leveranstid",
            "Kortere leveringstid",
            "Kortere leveringstid",
            "Shorter lead times",
        ),
        broader=("delivery",),
        sv="leveranstid* | ledtid* | leveranstider | väntetid på ~ leverans | snabb leverans | "
        "snabbare leverans | snabba leveranser | ta för lång tid | för lång tid | veckors väntan | alltför lång tid | alldeles för lång tid | tar länge | för länge | väntar ~ länge | väntat ~ länge | leverera på ~ dagar | leverera på ~ vecka | leverera på ~ veckor | leverera inom | korta ledtiden | kortare ledtid* | när kan ~ levereras | när kan ni leverera | leveransdatum | inom ett par dagar | på ett par dagar",
        nb="leveringstid* | leveransetid* | ledetid* | rask levering | raskere levering | "
        "tar for lang tid | for lang tid | ukers ventetid | ventetid | altfor lang tid | alt for lang tid | tar lang tid | for lenge | venter ~ lenge | ventet ~ lenge | levere på ~ dager | levere på ~ uke | levere på ~ uker | levere innen | kortere ledetid* | når kan ~ leveres | når kan dere levere | leveringsdato | i løpet av ~ dager | innen et par dager",
        da="leveringstid* | leverancetid* | hurtig levering | hurtigere levering | "
        "tager for lang tid | for lang tid | ugers ventetid | ventetid | alt for lang tid | altfor lang tid | tager lang tid | for længe | venter ~ længe | ventet ~ længe | levere på ~ dage | levere på ~ uge | levere på ~ uger | levere inden | kortere leveringstid* | hvornår kan ~ leveres | hvornår kan i levere | leveringsdato | i løbet af ~ dage | inden for et par dage",
        en="lead time* | delivery time* | fast delivery | faster delivery | quick delivery | "
        "takes too long | too long to deliver | weeks of waiting | waiting time | too long | takes ages | take ages | ages to arrive | wait* ~ long | deliver in ~ days | deliver in ~ week* | deliver within | shorter lead time* | when can ~ be delivered | when can you deliver | delivery date | within a couple of days | in a couple of days",
    ),
    _c(
        "delivery.next_day",
        ("Leverans nästa dag", "Levering neste dag", "Levering næste dag", "Next-day delivery"),
        broader=("delivery.lead_time", "delivery"),
        sv="dagen efter | nästa dag | nästkommande dag | över natten | express* | "
        "leverans ~ dag | dag till dag | inom ett dygn | inom 24 timmar",
        nb="dagen etter | neste dag | påfølgende dag | over natten | ekspress* | levering ~ dag | "
        "fra dag til dag | innen ett døgn | innen 24 timer",
        da="dagen efter | næste dag | efterfølgende dag | over natten | ekspres* | "
        "levering ~ dag | fra dag til dag | inden for et døgn | inden for 24 timer",
        en="next day | next-day | following day | overnight | express | day after | "
        "within 24 hours",
    ),
    _c(
        "delivery.precision",
        ("Leveransprecision", "Leveringspresisjon", "Leveringspræcision", "On-time delivery"),
        broader=("delivery",),
        sv="leveransprecision | leveranssäkerhet | i tid | i rätt tid | som utlovat | som lovat | "
        "försening* | försenad* | försenade | sena leveranser | kommer sent | levererar sent | "
        "för sent | avtalad tid | avtalade tiden | utlovade tiden | "
        "hålla tider* | hålla leveransdatum | utlovad tid | lovat | lovade | utlovad* | när ni säger | leveransförmåga | punktlig* | dagar för sent | kommer för sent",
        nb="leveringspresisjon | leveringssikkerhet | i tide | til rett tid | som lovet | "
        "forsinkelse* | forsinket | forsinka | sene leveranser | kommer sent | holde tiden | "
        "for sent | avtalt tid | avtalte tiden | "
        "holde leveringsdato | lovet tid | lovet | lovte | når dere sier | leveringsevne | punktlig* | dager for sent | kom for sent",
        da="leveringspræcision | leveringssikkerhed | til tiden | til rette tid | som lovet | "
        "forsinkelse* | forsinket | forsinkede | sene leverancer | kommer for sent | "
        "for sent | aftalt tid | aftalte tid | "
        "overholde leveringsdato | lovet tid | lovet | lovede | når i siger | leveringsevne | punktlig* | dage for sent | kom for sent",
        en="on-time | on time | delivery precision | reliable deliver* | as promised | delay | "
        "too late | agreed time | "
        "delays | delayed | late deliver* | arrive late | promised date | miss* deadline* | promised | when you say | punctual* | otd | days late | came late",
    ),
    _c(
        "delivery.tracking",
        (
            "Spårning och leveransbesked",
            "Sporing og leveringsvarsel",
            "Sporing og leveringsbesked",
            "Tracking and delivery notices",
        ),
        broader=("delivery",),
        sv="spåra | spårning | spårbar leverans | leveransbesked | leveransavisering | avisering | "
        "orderbekräftelse* | leveransstatus | orderstatus | var leveransen är | när leveransen kommer | "
        "sms | på väg | när ~ kommer fram",
        nb="spore | sporing | leveringsvarsel | varsling om levering | ordrebekreftelse* | "
        "leveringsstatus | ordrestatus | hvor leveransen er | når leveransen kommer | sms | "
        "på vei | når ~ kommer frem | vet når ~ kommer",
        da="spore | sporing | track and trace | leveringsbesked | leveringsadvisering | "
        "ordrebekræftelse* | leveringsstatus | ordrestatus | hvor leverancen er | sms | "
        "på vej | hvornår ~ kommer",
        en="track | tracking | track and trace | delivery notice* | delivery notification* | "
        "order confirmation* | delivery status | order status | eta | where the delivery is | "
        "text message | on its way | when ~ will arrive",
    ),
    _c(
        "delivery.site",
        (
            "Leverans direkt till arbetsplatsen",
            "Levering rett til byggeplass",
            "Levering direkte til pladsen",
            "Delivery to site",
        ),
        broader=("delivery",),
        sv="arbetsplats* | byggarbetsplats* | bygget | byggplats* | direkt till ~ plats* | "
        "tidsfönster | leveransfönster | leveranstidpunkt | före klockan | morgonleverans* | "
        "kvällsleverans* | nattleverans*",
        nb="byggeplass* | direkte til ~ plass* | tidsvindu* | leveringsvindu* | "
        "før klokka | før kl | morgenlevering* | kveldslevering* | nattlevering*",
        da="byggeplads* | arbejdsplads* | direkte til ~ plads* | tidsvindue* | leveringsvindue* | "
        "før klokken | før kl | morgenlevering* | aftenlevering* | natlevering*",
        en="construction site | job site | building site | on-site delivery | delivery window* | "
        "time window* | before 7 | early morning deliver* | night deliver*",
    ),
    _c(
        "delivery.cost",
        ("Fraktkostnader", "Fraktkostnader", "Fragtomkostninger", "Shipping costs"),
        broader=("delivery",),
        sv="fraktkostnad* | fraktavgift* | fri frakt | fraktfritt | fraktfri | leveransavgift* | "
        "frakten kostar",
        nb="fraktkostnad* | fraktgebyr* | fri frakt | fraktfritt | fraktfri | leveringsgebyr* | "
        "frakten koster",
        da="fragtomkostning* | fragtgebyr* | fri fragt | fragtfrit | fragtfri | leveringsgebyr* | "
        "fragten koster",
        en="shipping cost* | freight cost* | delivery charge* | delivery fee* | free shipping | "
        "free delivery | shipping fee*",
    ),
    _c(
        "order.minimum",
        (
            "Små ordrar och minsta ordervärde",
            "Små ordre og minsteordre",
            "Små ordrer og minimumsordre",
            "Small orders and minimum order",
        ),
        sv="minsta order* | minimiorder* | minsta ordervärde | minimikvantitet* | små kvantiteter | "
        "mindre kvantiteter | små partier | mindre partier | små volymer | moq | "
        "halva förpackningar | styckvis",
        nb="minsteordre* | minimumsordre* | minste ordreverdi | minimumskvantum | små kvanta | "
        "små mengder | mindre mengder | små partier | mindre partier | små volum | moq | stykkvis",
        da="minimumsordre* | mindste ordre* | minimumskøb | små mængder | mindre mængder | "
        "små partier | mindre partier | små volumener | moq | stykvis",
        en="minimum order* | moq | small quantities | smaller quantities | small batches | "
        "smaller batches | small volumes | single units | break bulk",
    ),
    # --- Ordering channels ------------------------------------------------------------
    _c(
        "ordering",
        ("Beställning", "Bestilling", "Bestilling", "Ordering"),
        w=0.6,
        sv="beställa | beställer | beställning* | beställt | order | ordern | ordrar | "
        "orderläggning | lägga order | göra inköp | avrop* | avropa | köpa in",
        nb="bestille | bestiller | bestilling* | bestilt | ordre | ordrer | ordren | "
        "legge inn ordre | avrop* | handle inn | kjøpe inn",
        da="bestille | bestiller | bestilling* | bestilt | ordre | ordrer | ordren | "
        "afgive ordre | afgive ordrer | afkald | købe ind",
        en="order | orders | ordering | ordered | place order* | purchase order* | reorder* | "
        "call-off*",
    ),
    _c(
        "ordering.digital",
        (
            "Digital beställning (webbshop, EDI)",
            "Digital bestilling (nettbutikk, EDI)",
            "Digital bestilling (webshop, EDI)",
            "Digital ordering (web shop, EDI)",
        ),
        broader=("ordering", "digital"),
        sv="webbshop* | webshop* | webbutik* | nätbutik* | e-handel* | ehandel* | "
        "e handel* | handla online | beställa online | beställa på nätet | beställa själva | "
        "beställa själv | order själva | beställa elektroniskt | elektronisk beställning | edi | punchout | "
        "punch out | beställningsportal | orderportal | beställa ~ app* | digital beställning | "
        "beställa ~ från ~ affärssystem* | beställa ~ från ~ erp* | beställa ~ från ~ inköpssystem* | order ~ från ~ affärssystem* | webbportal* | webportal* | edifact | återbeställ* | beställa på nätet | logga in och beställa",
        nb="nettbutikk* | webshop* | nettbutik* | netthandel* | e-handel* | ehandel* | "
        "e handel* | handle på nett | bestille på nett | bestille online | bestille selv | "
        "ordre selv | ordre elektronisk | bestille elektronisk | elektronisk bestilling | edi | punchout | "
        "punch out | bestillingsportal | ordreportal | bestille ~ app* | digital bestilling | "
        "bestille ~ fra ~ erp* | rett fra innkjøpssystem* | direkte fra innkjøpssystem* | bestille ~ fra ~ innkjøpssystem* | ordre ~ fra ~ innkjøpssystem* | bestille ~ fra ~ forretningssystem* | nettportal* | webportal* | edifact | gjenbestill* | bestille på nettet | logge inn og bestille",
        da="webshop* | netbutik* | nethandel* | e-handel* | ehandel* | e handel* | "
        "handle online | bestille online | bestille på nettet | bestille selv | "
        "bestille elektronisk | elektronisk bestilling | edi | punchout | punch out | "
        "bestillingsportal | ordreportal | bestille ~ app* | digital bestilling | ordrer selv | "
        "bestille ~ fra ~ erp* | direkte fra ~ erp* | bestille ~ fra ~ indkøbssystem* | direkte fra ~ indkøbssystem* | bestille ~ fra ~ økonomisystem* | webportal* | edifact | genbestill* | logge ind og bestille | logge ind og genbestille",
        en="web shop* | webshop* | online shop* | e-commerce | ecommerce | e commerce | "
        "order online | online ordering | ordering online | order electronically | "
        "electronic ordering | edi | punchout | punch-out | ordering portal | order portal | "
        "self-service ordering | order ~ ourselves | order through ~ app | digital ordering | "
        "order ~ from ~ erp | order ~ from ~ procurement system* | order ~ from ~ purchasing system* | straight from ~ erp | web portal* | edifact | reorder online | order on the web | log in and order",
    ),
    # --- Stock, availability, spare parts --------------------------------------------
    _c(
        "stock",
        (
            "Lagerstatus och tillgänglighet",
            "Lagerstatus og tilgjengelighet",
            "Lagerstatus og tilgængelighed",
            "Stock and availability",
        ),
        sv="lager | lagret | lagerstatus | lagersaldo | lagerhållning | lagernivå* | "
        "på lager | tillgänglighet | tillgängligt | restorder* | restnotera* | slut på lager | "
        "slutsåld* | buffertlager | säkerhetslager | lagerföra | lagerför",
        nb="lager | lageret | lagerstatus | lagerbeholdning | lagersaldo | lagernivå* | "
        "på lager | tilgjengelighet | tilgjengelig | restordre* | tomt på lager | utsolgt | "
        "bufferlager | sikkerhetslager | lagerføre | lagerfører",
        da="lager | lageret | lagerstatus | lagerbeholdning | lagersaldo | lagerniveau* | "
        "på lager | tilgængelighed | tilgængelig | restordre* | udsolgt | bufferlager | "
        "sikkerhedslager | lagerføre | lagerfører",
        en="stock | in stock | out of stock | stock level* | stock status | inventory | "
        "availability | available | backorder* | back order* | sold out | buffer stock | "
        "safety stock",
    ),
    _c(
        "stock.consignment",
        ("Konsignationslager", "Konsignasjonslager", "Konsignationslager", "Consignment stock"),
        broader=("stock",),
        sv="konsignation* | kommissionslager* | vmi | leverantörsstyrt lager | "
        "leverantörsägt lager | ni äger ~ tills | betala* ~ vid uttag | betala* ~ vid uttak | "
        "faktur* ~ vid uttag | faktur* ~ vid uttak | vid uttag | vid uttak | lager hos oss | "
        "era varor hos oss | när vi plockar ut | när vi tar ut",
        nb="konsignasjon* | kommisjonslager* | vmi | leverandørstyrt lager | dere eier ~ til | "
        "faktur* ~ ved uttak | ved uttak | lager hos oss | varer ~ hos oss | varer stående hos oss | "
        "når vi tar ~ ut",
        da="konsignation* | kommissionslager* | vmi | leverandørstyret lager | i ejer ~ indtil | "
        "faktur* ~ ved udtag | ved udtag | ved træk | når vi trækker | lager hos os | "
        "varer ~ hos os | stående hos os",
        en="consignment* | vendor managed inventory | vendor-managed inventory | vmi | "
        "you own ~ until | on withdrawal | invoiced ~ when we use | stock on our premises | "
        "on our premises | pay ~ when we take",
    ),
    _c(
        "spare_parts",
        ("Reservdelar", "Reservedeler", "Reservedele", "Spare parts"),
        sv="reservdel* | slitdel* | slitagedel* | utbytesdel* | ersättningsdel*",
        nb="reservedel* | slitedel* | sliteddel* | utskiftingsdel* | erstatningsdel*",
        da="reservedel* | sliddel* | sliddele | udskiftningsdel* | erstatningsdel*",
        en="spare part* | spares | replacement part* | wear part*",
    ),
    # --- Price and price models ------------------------------------------------------
    _c(
        "spare_parts.catalogue",
        (
            "Reservdelskatalog",
            "Reservedelskatalog",
            "Reservedelskatalog",
            "Spare parts catalogue",
        ),
        broader=("spare_parts",),
        sv="reservdelskatalog* | reservdelslista* | reservdelsbok* | reservdelsnummer* | "
        "sprängskiss* | sprängritning* | sprängvy* | hitta rätt ~ del | hitta rätt reservdel* | "
        "artikelnummer ~ reservdel*",
        nb="reservedelskatalog* | reservedelsliste* | reservedelsbok* | reservedelsnummer* | "
        "sprengskisse* | sprengtegning* | eksplosjonstegning* | finne riktig ~ del* | "
        "finne riktig reservedel*",
        da="reservedelskatalog* | reservedelsliste* | reservedelsbog* | reservedelsnummer* | "
        "sprængskitse* | sprængtegning* | finde den rigtige ~ del* | finde den rigtige reservedel*",
        en="parts catalog* | spare parts catalog* | parts list* | spare parts list* | "
        "part number* | exploded view* | exploded drawing* | illustrated parts | "
        "find the right part* | identify ~ parts",
    ),
    _c(
        "spare_parts.kit",
        ("Reservdelskit", "Reservedelssett", "Reservedelssæt", "Spare parts kits"),
        broader=("spare_parts",),
        sv="reservdelskit* | reservdelspaket* | reservdelssats* | servicekit* | servicesats* | "
        "slitdelssats* | slitdelspaket* | kit | kitet | satser | färdiga paket | paketera*",
        nb="reservedelssett* | reservedelspakke* | servicesett* | servicekit* | slitedelssett* | "
        "kit | ferdige pakker | ferdige sett | pakke ~ deler | pakke ~ reservedel*",
        da="reservedelssæt* | reservedelspakke* | servicesæt* | servicekit* | sliddelssæt* | "
        "kit | færdige pakker | færdige sæt | pakke ~ dele | pakke ~ reservedel*",
        en="spare parts kit* | service kit* | spares kit* | wear parts kit* | maintenance kit* | "
        "kit | kits | parts package*",
    ),
    _c(
        "spare_parts.lifetime",
        (
            "Reservdelar på lång sikt",
            "Reservedeler på lang sikt",
            "Reservedele på lang sigt",
            "Long-term parts availability",
        ),
        broader=("spare_parts",),
        sv="utgått | utgångna | utgående | end of life | föråldrad* | inte längre tillgänglig* | "
        "ej längre tillgänglig* | reservdel* i ~ år | tillgänglig* i ~ år | "
        "garantera ~ reservdel* | hur länge ~ reservdel* | reservdelsgaranti* | "
        "reservdel* ~ tillgängliga",
        nb="utgått | utgående | end of life | foreldet | ikke lenger tilgjengelig* | "
        "reservedel* i ~ år | tilgjengelig* i ~ år | garantere ~ reservedel* | "
        "hvor lenge ~ reservedel* | reservedelsgaranti* | reservedel* ~ tilgjengelig*",
        da="udgået | udgåede | udgående | end of life | forældet | ikke længere tilgængelig* | "
        "reservedel* i ~ år | tilgængelig* i ~ år | garantere ~ reservedel* | "
        "hvor længe ~ reservedel* | reservedelsgaranti* | reservedel* ~ tilgængelig*",
        en="obsolete | obsolescence | end of life | end-of-life | discontinued | "
        "no longer available | long-term availability | guaranteed availability | "
        "parts availability | available for ~ years | parts for ~ years",
    ),
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
        sv="rabatt* | bättre pris | bättre priser | bonus | prisavdrag | kampanjpris*",
        nb="rabatt* | bedre pris | bedre priser | bonus | prisavslag | kampanjepris*",
        da="rabat* | bedre pris | bedre priser | bonus | prisnedslag | kampagnepris*",
        en="discount* | better price* | rebate* | bonus | price reduction*",
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
        sv="abonnemang* | prenumeration* | månadsavgift* | fast månadskostnad | licens* | "
        "per månad | månadsvis betalning",
        nb="abonnement* | månedsavgift* | månedlig avgift | fast månedskostnad | lisens* | "
        "per måned | månedlig betaling",
        da="abonnement* | månedsgebyr* | månedlig betaling | fast månedlig | licens* | "
        "per måned | om måneden betale",
        en="subscription* | subscribe | monthly fee* | fixed monthly | licence* | license* | "
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
    # --- Payment and invoicing -------------------------------------------------------
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
    # --- Contracts and agreements ----------------------------------------------------
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
        "avtal på ~ år | avtal över ~ år",
        nb="rammeavtale* | ramme avtale | langsiktig avtale | flerårsavtale* | årsavtale* | "
        "avtale på ~ år | avtale over ~ år",
        da="rammeaftale* | ramme aftale | langsigtet aftale | flerårsaftale* | årsaftale* | "
        "aftale på ~ år | aftale over ~ år",
        en="framework agreement* | frame agreement* | frame contract* | master agreement* | "
        "long-term agreement* | long-term contract* | multi-year* | annual agreement*",
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
    # --- Service, support, response ---------------------------------------------------
    _c(
        "service",
        (
            "Service och underhåll",
            "Service og vedlikehold",
            "Service og vedligehold",
            "Service and maintenance",
        ),
        w=0.6,
        sv="service | underhåll | serviceavtal* | underhållsavtal* | förebyggande underhåll | "
        "serviceintervall* | servicebesök | reparation* | reparera | laga",
        nb="service | vedlikehold* | serviceavtale* | forebyggende vedlikehold | "
        "serviceintervall* | servicebesøk | reparasjon* | reparere | fikse",
        da="service | vedligehold* | serviceaftale* | forebyggende vedligehold | "
        "serviceinterval* | servicebesøg | reparation* | reparere",
        en="service | servicing | maintenance | service agreement* | service contract* | "
        "preventive maintenance | service interval* | service visit* | repair* | fix",
    ),
    _c(
        "service.preventive",
        (
            "Förebyggande service",
            "Forebyggende vedlikehold",
            "Forebyggende vedligehold",
            "Preventive maintenance",
        ),
        broader=("service",),
        sv="förebyggande underhåll | förebyggande service | planerat underhåll | "
        "planerad service | schemalagd* | serviceintervall* | service ~ gånger per år | "
        "regelbunden service | återkommande service | årlig service | årsservice",
        nb="forebyggende vedlikehold | forebyggende service | planlagt vedlikehold | "
        "fast vedlikehold | fast service | serviceintervall* | service ~ ganger i året | "
        "jevnlig service | årlig service | årsservice",
        da="forebyggende vedligehold* | forebyggende service | planlagt vedligehold* | "
        "fast vedligehold* | fast service | serviceinterval* | service ~ gange om året | "
        "regelmæssig service | årlig service | årsservice",
        en="preventive maintenance | preventative maintenance | planned maintenance | "
        "scheduled maintenance | scheduled service | service interval* | twice a year | "
        "regular servicing | regular service | annual service",
    ),
    _c(
        "service.loaner",
        (
            "Ersättningsmaskin under reparation",
            "Lånemaskin under reparasjon",
            "Erstatningsmaskine under reparation",
            "Loan unit during repair",
        ),
        broader=("service",),
        sv="ersättningsmaskin* | ersättare | lånemaskin* | lånemaskin | reservmaskin* | "
        "utbytesenhet* | ersättningsenhet* | låna ut ~ maskin",
        nb="lånemaskin* | erstatningsmaskin* | reservemaskin* | utskiftingsenhet* | "
        "låne ut ~ maskin",
        da="lånemaskine* | erstatningsmaskine* | reservemaskine* | udskiftningsenhed* | "
        "låne ~ maskine",
        en="loan machine* | loaner | replacement machine* | replacement unit* | "
        "backup machine* | swap unit*",
    ),
    _c(
        "service.onsite",
        (
            "Tekniker på plats snabbt",
            "Tekniker på stedet raskt",
            "Tekniker på stedet hurtigt",
            "Technician on site fast",
        ),
        broader=("service",),
        sv="tekniker* | servicetekniker* | montör* | vara på plats | komma på plats | "
        "på plats inom | på plats samma | komma ut till oss | ut till oss | reparera på plats | "
        "laga på plats | utryckning* | inställelsetid* | komma ut | åka ut | fältservice",
        nb="tekniker* | servicetekniker* | montør* | være på stedet | være på plass | "
        "på stedet innen | på plass innen | reparere på stedet | fikse ~ på stedet | komme hit | "
        "ut til oss | utrykning* | oppmøtetid* | komme ut | rykke ut | feltservice",
        da="tekniker* | servicetekniker* | montør* | være på stedet | være her | "
        "på stedet inden | reparere på stedet | komme herud | ud til os | udrykning* | "
        "fremmødetid* | komme ud | rykke ud | feltservice",
        en="technician* | engineer on site | service engineer* | field engineer* | "
        "be on site | on site within | come on site | repair ~ on site | fix ~ on site | "
        "onsite repair* | on-site repair* | on-site service | onsite service | call-out | "
        "call out | field service | come out",
    ),
    _c(
        "service.response_time",
        ("Snabb responstid", "Rask responstid", "Hurtig responstid", "Fast response time"),
        sv="responstid* | svarstid* | reaktionstid* | åtgärdstid* | inom ~ timmar | inom ~ timme | "
        "samma dag | inom några timmar | snabb hjälp | snabbt svar | svara snabbt | hur snabbt ~ på plats | hur snabbt ~ komma ut | hur fort ~ på plats | utryckningstid*",
        nb="responstid* | svartid* | reaksjonstid* | utbedringstid* | innen ~ timer | "
        "innen ~ time | samme dag | innen noen timer | rask hjelp | raskt svar | svare raskt | hvor raskt ~ rykke ut | hvor fort ~ rykke ut | hvor raskt ~ på plass | utrykningstid*",
        da="responstid* | svartid* | reaktionstid* | udbedringstid* | inden for ~ timer | "
        "inden ~ timer | samme dag | inden for få timer | hurtig hjælp | hurtigt svar | "
        "svare hurtigt | hvor hurtigt ~ rykke ud | hvor hurtigt ~ være her | hvor hurtigt ~ komme ud | udrykningstid*",
        en="response time* | reaction time* | resolution time* | within ~ hours | "
        "within ~ hour | same day | same-day | within hours | quick help | quick answer* | "
        "answer quickly | respond quickly | fast response | how quickly ~ on site | how fast ~ on site | how quickly ~ get here | call-out time*",
    ),
    _c(
        "service.downtime",
        ("Driftstopp", "Driftsstans", "Driftsstop", "Downtime"),
        w=0.6,
        sv="driftstopp* | stillestånd | står still | stannar | stopp | går sönder | går ner | "
        "haveri* | havererar | nertid | avbrott* | produktionsstopp*",
        nb="driftsstans* | driftstans* | stans | stopper | står stille | går i stykker | "
        "går ned | havari* | nedetid | avbrudd* | produksjonsstans*",
        da="driftsstop* | nedbrud* | stopper | står stille | går i stykker | går ned | "
        "havari* | nedetid | afbrydelse* | produktionsstop*",
        en="downtime | breakdown* | breaks down | goes down | stops | standstill | outage* | "
        "failure* | stoppage* | production stop*",
    ),
    _c(
        "service.sla",
        (
            "Servicenivåavtal och drifttid",
            "Tjenestenivåavtale og oppetid",
            "Serviceniveauaftale og oppetid",
            "SLA and uptime",
        ),
        broader=("service", "contract"),
        sv="sla | servicenivå* | servicenivåavtal* | drifttid* | tillgänglighetsgaranti* | "
        "upptid* | vite | viten | garanterad responstid",
        nb="sla | tjenestenivå* | servicenivå* | oppetid* | oppetidsgaranti* | dagbot* | "
        "garantert responstid",
        da="sla | serviceniveau* | oppetid* | oppetidsgaranti* | bod | bodsbestemmelse* | "
        "garanteret responstid",
        en="sla | slas | service level* | uptime | availability guarantee* | penalty clause* | "
        "penalties | guaranteed response",
    ),
    _c(
        "support",
        (
            "Support och kundtjänst",
            "Support og kundeservice",
            "Support og kundeservice",
            "Support and customer service",
        ),
        w=0.7,
        sv="support | supporten | kundtjänst* | kundservice | helpdesk | hotline | "
        "telefonsupport | chatt | felanmälan | ärende* | svara i telefon",
        nb="support | supporten | kundeservice | kundestøtte | brukerstøtte | helpdesk | hotline | "
        "telefonsupport | chat | feilmelding* | svare telefonen",
        da="support | supporten | kundeservice | helpdesk | hotline | telefonsupport | chat | "
        "fejlmelding* | tage telefonen",
        en="support | customer service | helpdesk | help desk | hotline | phone support | chat | "
        "ticket* | answer the phone",
    ),
    _c(
        "support.hours",
        (
            "Support utanför kontorstid",
            "Support utenfor kontortid",
            "Support uden for kontortid",
            "Support outside office hours",
        ),
        broader=("support",),
        sv="24 7 | dygnet runt | kväll* | helg* | helger | lördag* | söndag* | "
        "öppettider | kontorstid* | utanför kontorstid | jour* | beredskap* | nattetid | "
        "alla dagar | midnatt | stänger klockan | stänger kl",
        nb="24 7 | døgnet rundt | kveld* | helg* | helger | lørdag* | søndag* | "
        "åpningstid* | kontortid* | utenfor kontortid | vakt* | beredskap* | nattestid | "
        "alle dager | midnatt | stenger klokka | stenger kl",
        da="24 7 | døgnet rundt | aften | aftener | aftenen | weekend* | lørdag* | søndag* | "
        "åbningstid* | kontortid* | uden for kontortid | vagt* | beredskab* | nattetimer | "
        "alle dage | midnat | lukker klokken | lukker kl",
        en="24 7 | around the clock | round the clock | evening* | weekend* | saturday* | "
        "sunday* | opening hours | office hours | business hours | outside office | on call | "
        "on-call | at night | night-time | midnight | closes at | every day",
    ),
    _c(
        "language.local",
        (
            "På vårt eget språk",
            "På vårt eget språk",
            "På vores eget sprog",
            "In the local language",
        ),
        sv="svenska | svensk | svenskspråkig* | svensktalande | norska | danska | "
        "på vårt språk | eget språk | lokalt språk | modersmål | översatt* | översättning* | "
        "på engelska | bara på engelska | på tyska | bara på tyska",
        nb="norsk | norske | norskspråklig* | norsktalende | svensk | dansk | på vårt språk | "
        "eget språk | lokalt språk | morsmål | oversatt | oversettelse* | på engelsk | "
        "bare på engelsk | på tysk | bare på tysk",
        da="dansk | danske | dansksproget | dansktalende | svensk | norsk | på vores sprog | "
        "eget sprog | lokalt sprog | modersmål | oversat | oversættelse* | på engelsk | "
        "kun på engelsk | på tysk | kun på tysk",
        en="swedish | norwegian | danish | local language | our language | own language | "
        "native language | translated | translation* | only in english | english only | in german | only in german",
    ),
    _c(
        "documentation",
        (
            "Dokumentation och manualer",
            "Dokumentasjon og manualer",
            "Dokumentation og manualer",
            "Documentation and manuals",
        ),
        w=0.8,
        sv="dokumentation* | manual* | bruksanvisning* | handbok* | handböcker | instruktion* | "
        "användarhandbok* | användarmanual* | användarguide* | snabbguide* | "
        "datablad* | produktblad* | teknisk information | ritning* | drift och underhåll | "
        "dokumentera",
        nb="dokumentasjon* | manual* | bruksanvisning* | håndbok* | håndbøker | instruksjon* | "
        "brukerveiledning* | bruksveiledning* | veiledning* | brukermanual* | hurtigguide* | "
        "datablad* | produktblad* | teknisk informasjon | tegning* | fdv* | dokumentere",
        da="dokumentation* | manual* | brugsanvisning* | håndbog* | håndbøger | instruktion* | "
        "brugervejledning* | betjeningsvejledning* | vejledning* | brugermanual* | "
        "datablad* | produktblad* | teknisk information | tegning* | dokumentere",
        en="documentation | document | manual | manuals | user guide* | handbook* | "
        "instruction* | datasheet* | data sheet* | product sheet* | technical information | "
        "drawing*",
    ),
    _c(
        "certificates",
        (
            "Certifikat och intyg",
            "Sertifikater og erklæringer",
            "Certifikater og erklæringer",
            "Certificates and declarations",
        ),
        broader=("documentation",),
        sv="certifikat* | intyg | certifierad* | ce-märk* | ce märk* | ce | "
        "försäkran om överensstämmelse | överensstämmelseförsäkran | eg-försäkran | "
        "eu-försäkran | atex | iso 9001 | iso 14001 | iso 45001 | iso-certifi* | "
        "analyscertifikat* | analysintyg* | materialcertifikat* | materialintyg* | typgodkän* | "
        "gmp | en 10204 | fda-godkän*",
        nb="sertifikat* | sertifisert* | ce-merk* | ce merk* | ce | samsvarserklæring* | "
        "eu-erklæring* | atex | iso 9001 | iso 14001 | iso 45001 | analysesertifikat* | "
        "materialsertifikat* | typegodkjen* | gmp | en 10204 | fda-godkjen*",
        da="certifikat* | certificeret* | ce-mærk* | ce mærk* | ce | "
        "overensstemmelseserklæring* | eu-overensstemmelseserklæring* | atex | iso 9001 | "
        "iso 14001 | iso 45001 | analysecertifikat* | materialecertifikat* | typegodkend* | "
        "gmp | en 10204 | fda-godkend*",
        en="certificate* | certified | ce mark* | ce-mark* | ce | declaration of conformity | "
        "declarations of conformity | atex | iso 9001 | iso 14001 | iso 45001 | "
        "certificate of analysis | coa | mill certificate* | material certificate* | "
        "type approv* | gmp | en 10204 | fda approv*",
    ),
    _c(
        "training",
        ("Utbildning", "Opplæring", "Uddannelse og oplæring", "Training"),
        sv="utbildning* | utbilda | utbildar | kurs | kurser | lära upp | upplärning | "
        "introduktion för | introduktionsutbildning | onboarding | e-learning | webbinar* | "
        "certifiering* | workshop* | instruktörer | lära sig | nyanställd* | nya medarbetare | introduktionsprogram* | operatörsutbildning* | kurs för",
        nb="opplæring* | lære opp | læreopp | kurs | kurset | kursing | utdanning | "
        "introduksjon for | onboarding | e-læring | webinar* | sertifisering* | workshop* | "
        "lære seg | skolering | nyansatt* | nye ansatte | nye medarbeidere | introduksjonsopplegg* | introduksjonsprogram* | operatøropplæring* | kurs for",
        da="uddannelse* | oplæring* | lære op | kursus | kurser | træning | introduktion til | "
        "onboarding | e-læring | webinar* | certificering* | workshop* | lære at bruge | nyansat* | nye medarbejdere | introduktionsforløb* | introduktionsprogram* | operatøruddannelse* | kursus for",
        en="training | train | trained | course | courses | onboarding | e-learning | webinar* | "
        "certification* | workshop* | learn how | teach | new hire* | new employees | new starters | new staff | operator training | video course*",
    ),
    _c(
        "installation",
        (
            "Installation och driftsättning",
            "Installasjon og idriftsettelse",
            "Installation og idriftsættelse",
            "Installation and commissioning",
        ),
        sv="installation* | installera | installerar | montering* | montera | driftsättning* | "
        "idrifttagning* | uppstart* | nyckelfärdig* | driftstart",
        nb="installasjon* | installere | installerer | montering* | montere | "
        "idriftsettelse* | oppstart* | nøkkelferdig* | igangkjøring*",
        da="installation* | installere | installerer | montering* | montage | montere | "
        "idriftsættelse* | opstart* | nøglefærdig* | ibrugtagning*",
        en="installation* | install | installed | installing | mounting | assembly | "
        "commissioning | start-up | startup | turnkey | turn-key",
    ),
    _c(
        "warranty",
        ("Garanti", "Garanti", "Garanti", "Warranty"),
        sv="garanti | garantin | garantier | garantitid* | garantiperiod* | förlängd garanti | "
        "garantiåtagande* | garantiförlängning* | års garanti | garantivillkor*",
        nb="garanti | garantien | garantier | garantitid* | garantiperiode* | utvidet garanti | "
        "forlenget garanti | lengre garanti | garantiforlengelse* | års garanti | garantivilkår*",
        da="garanti | garantien | garantier | garantiperiode* | garantitid* | forlænget garanti | "
        "udvidet garanti | længere garanti | garantiforlængelse* | års garanti | "
        "garantibetingelse*",
        en="warranty | warranties | guarantee | guarantee period | extended warranty | "
        "longer warranty | year warranty | years warranty | warranty period*",
    ),
    _c(
        "returns",
        (
            "Returer och reklamationer",
            "Returer og reklamasjoner",
            "Returneringer og reklamationer",
            "Returns and complaints",
        ),
        sv="retur | returer | returnera | returrätt | öppet köp | reklamation* | reklamera | "
        "felleverans* | skadat gods | skadade varor | fel vara | fel varor | kreditering*",
        nb="retur | returer | returnere | returrett | åpent kjøp | reklamasjon* | reklamere | "
        "feillevering* | skadet gods | skadede varer | feil vare | feil varer | kreditering*",
        da="retur | returer | returnere | returret | returnering* | reklamation* | reklamere | "
        "fejllevering* | beskadiget gods | beskadigede varer | forkert vare | forkerte varer | "
        "kreditering*",
        en="return | returns | returning | return policy | right of return | complaint* | "
        "claim | claims | wrong delivery | damaged goods | wrong item* | wrong goods | "
        "credit note*",
    ),
    _c(
        "quality",
        ("Kvalitet", "Kvalitet", "Kvalitet", "Quality"),
        sv="kvalitet* | kvalitetsproblem* | kvalitetssäkring* | felprocent | defekt* | "
        "toleranser | jämn kvalitet | kvalitetskontroll* | fel på | för många fel | "
        "felaktig* | kassation* | kasserade",
        nb="kvalitet* | kvalitetsproblem* | kvalitetssikring* | feilprosent | defekt* | "
        "toleranser | jevn kvalitet | kvalitetskontroll* | feil på | for mange feil | "
        "feilaktig* | vrak*",
        da="kvalitet* | kvalitetsproblem* | kvalitetssikring* | fejlprocent | defekt* | "
        "tolerancer | ensartet kvalitet | kvalitetskontrol* | fejl på | "
        "for mange fejl | fejlbehæftede | kassation*",
        en="quality | defect* | tolerance* | consistent quality | quality control | "
        "quality assurance | reject rate | faulty | too many errors | scrap rate",
    ),
    _c(
        "quality.traceability",
        ("Spårbarhet", "Sporbarhet", "Sporbarhed", "Traceability"),
        broader=("quality",),
        sv="spårbarhet | spårbar | batchnummer | lotnummer | serienummer* | ursprung*",
        nb="sporbarhet | sporbar | batchnummer | lotnummer | serienummer* | opprinnelse*",
        da="sporbarhed | sporbar | batchnummer | lotnummer | serienummer* | oprindelse*",
        en="traceability | traceable | batch number* | lot number* | serial number* | origin",
    ),
    _c(
        "durability",
        ("Lång livslängd", "Lang levetid", "Lang levetid", "Long lifetime"),
        sv="livslängd* | slitstark* | hållbara produkter | tål | robust* | håller länge | "
        "håller längre | lång livstid",
        nb="levetid* | slitesterk* | holdbar* | tåler | robust* | varer lenge | varer lenger",
        da="levetid* | slidstærk* | holdbar* | tåler | robust* | holder længe | holder længere",
        en="lifetime | lifespan | life span | durable | durability | robust* | lasts longer | "
        "last longer | hard-wearing | wear and tear",
    ),
    # --- Sustainability, packaging, recycling ----------------------------------------
    _c(
        "sustainability",
        ("Hållbarhet", "Bærekraft", "Bæredygtighed", "Sustainability"),
        w=0.7,
        sv="hållbarhet* | hållbarhets* | miljö* | miljövänlig* | esg | csrd | grön | gröna | "
        "miljökrav | miljöcertifi* | svanen* | miljömärk* | fossilfri* | förnybar*",
        nb="bærekraft* | miljø* | miljøvennlig* | esg | csrd | grønn | grønne | miljøkrav | "
        "miljøsertifi* | svanemerk* | miljømerk* | fossilfri* | fornybar*",
        da="bæredygtig* | miljø* | miljøvenlig* | esg | csrd | grøn | grønne | miljøkrav | "
        "miljøcertifi* | svanemærk* | miljømærk* | fossilfri* | vedvarende*",
        en="sustainab* | environment* | eco-friendly | esg | csrd | green | ecolabel* | "
        "eco-label* | fossil-free | fossil free | renewable*",
    ),
    _c(
        "sustainability.carbon",
        (
            "Klimatavtryck och CO2-data",
            "Klimaavtrykk og CO2-data",
            "Klimaaftryk og CO2-data",
            "Carbon footprint data",
        ),
        broader=("sustainability",),
        sv="co2* | koldioxid* | klimat* | utsläpp* | avtryck* | klimatavtryck* | "
        "klimatdeklaration* | epd* | miljövarudeklaration* | livscykelanalys* | lca | "
        "scope 3 | växthusgas*",
        nb="co2* | karbon* | klima* | utslipp* | avtrykk* | klimaavtrykk* | klimaregnskap* | "
        "epd* | miljødeklarasjon* | livsløpsanalyse* | lca | scope 3 | klimagass*",
        da="co2* | kuldioxid* | klima* | udledning* | udslip* | aftryk* | klimaaftryk* | "
        "klimaregnskab* | epd* | miljøvaredeklaration* | livscyklusanalyse* | lca | scope 3 | "
        "drivhusgas*",
        en="co2 | carbon* | climate* | emission* | footprint* | epd | epds | "
        "environmental product declaration* | life cycle assessment* | lca | scope 3 | "
        "greenhouse gas*",
    ),
    _c(
        "packaging",
        ("Förpackningar", "Emballasje", "Emballage", "Packaging"),
        sv="förpackning* | emballage* | pall | pallar | pallen | kartong* | wellpapp* | "
        "plastfilm | plastemballage | sträckfilm | engångsförpackning* | returemballage* | "
        "packa | packat",
        nb="emballasje* | innpakning* | pall | paller | pallen | kartong* | bølgepapp* | "
        "plastfilm | plastemballasje | strekkfilm | engangsemballasje* | returemballasje* | "
        "pakke ~ inn",
        da="emballage* | indpakning* | palle | paller | pallen | papkasse* | bølgepap* | "
        "plastfolie | plastemballage | strækfilm | engangsemballage* | returemballage* | "
        "pakke ~ ind",
        en="packaging | package | packaged | pallet* | cardboard | box | boxes | plastic wrap | "
        "stretch film | shrink wrap | single-use packaging | returnable packaging | packed",
    ),
    _c(
        "recycling",
        (
            "Återtag och återvinning",
            "Returordning og gjenvinning",
            "Returordning og genbrug",
            "Take-back and recycling",
        ),
        broader=("sustainability",),
        sv="återvinning* | återvinna | återvinns | återbruk* | återanvänd* | ta tillbaka | "
        "tar tillbaka | återtag* | retursystem* | pant* | cirkulär* | kretslopp* | avfall*",
        nb="gjenvinning* | gjenvinne | resirkuler* | gjenbruk* | ta tilbake | tar tilbake | "
        "returordning* | retursystem* | pant* | sirkulær* | kretsløp* | avfall*",
        da="genbrug* | genanvend* | genvinding* | tage tilbage | tager tilbage | "
        "tilbagetag* | returordning* | retursystem* | pant* | cirkulær* | kredsløb* | affald*",
        en="recycl* | reuse | re-use | reusable | take back | take-back | takeback | "
        "return scheme* | deposit scheme* | circular* | waste",
    ),
    _c(
        "supplier.conduct",
        (
            "Uppförandekod och ansvarsfulla inköp",
            "Etiske retningslinjer og ansvarlige innkjøp",
            "Code of conduct og ansvarlige indkøb",
            "Supplier code of conduct",
        ),
        broader=("sustainability",),
        sv="uppförandekod* | leverantörskod* | code of conduct | ecovadis | sedex | bsci | "
        "mänskliga rättigheter | barnarbete | tvångsarbete | arbetsvillkor* | "
        "leverantörsrevision* | leverantörsgranskning* | granska ~ underleverantör* | "
        "underleverantörer | ansvarsfulla inköp | socialt ansvar | csddd | due diligence | "
        "antikorruption* | mutor",
        nb="etiske retningslinjer | leverandørerklæring* | code of conduct | ecovadis | sedex | "
        "bsci | åpenhetsloven | aktsomhetsvurdering* | menneskerettighet* | barnearbeid | "
        "tvangsarbeid | arbeidsforhold | leverandørrevisjon* | leverandørkontroll* | "
        "underleverandører | ansvarlige innkjøp | samfunnsansvar | csddd | due diligence | "
        "antikorrupsjon* | korrupsjon",
        da="adfærdskodeks* | leverandørkodeks* | code of conduct | ecovadis | sedex | bsci | "
        "menneskerettighed* | børnearbejde | tvangsarbejde | arbejdsforhold | "
        "leverandøraudit* | leverandørkontrol* | underleverandører | ansvarlige indkøb | "
        "samfundsansvar | csr | csddd | due diligence | antikorruption* | bestikkelse*",
        en="code of conduct | supplier code | ecovadis | sedex | bsci | human rights | "
        "child labour | child labor | forced labour | forced labor | working conditions | "
        "supplier audit* | subcontractors | sub-suppliers | responsible sourcing | "
        "social responsibility | csr | csddd | due diligence | anti-corruption | bribery",
    ),
    _c(
        "noise",
        ("Ljudnivå och buller", "Støy og lydnivå", "Støj og lydniveau", "Noise level"),
        sv="buller | bullrar | bullrig* | bullernivå* | ljudnivå* | ljudtrycksnivå* | decibel | "
        "db | dba | tystare | tyst gång | ljuddämp* | för högljudd*",
        nb="støy | støyer | støynivå* | støyende | lydnivå* | lydtrykk* | desibel | db | dba | "
        "stillegående | mer stille | lyddemp* | bråker",
        da="støj | støjer | støjniveau* | støjende | lydniveau* | lydtryk* | decibel | db | dba | "
        "lydsvag* | mere stille | lyddæmp* | larmer",
        en="noise | noisy | noise level* | sound level* | sound pressure | decibel* | db | dba | "
        "quieter | low-noise | silent running | sound insulation",
    ),
    _c(
        "energy",
        ("Energiförbrukning", "Energiforbruk", "Energiforbrug", "Energy consumption"),
        sv="energi* | energiförbrukning* | elförbrukning* | strömförbrukning* | elpris* | "
        "energieffektiv* | energisnål* | elkostnad*",
        nb="energi* | energiforbruk* | strømforbruk* | strømpris* | energieffektiv* | "
        "energigjerrig* | strømkostnad*",
        da="energi* | energiforbrug* | elforbrug* | strømforbrug* | elpris* | energieffektiv* | "
        "energibesparende | elregning*",
        en="energy* | power consumption | electricity* | energy-efficient | energy efficient | "
        "energy consumption | energy use",
    ),
    _c(
        "reporting",
        (
            "Rapporter och statistik",
            "Rapporter og statistikk",
            "Rapporter og statistik",
            "Reports and statistics",
        ),
        w=0.7,
        sv="rapport* | statistik* | uppföljning* | översikt* | nyckeltal* | kpi | kpier | "
        "insikt* | redovisa | redovisning* | analys* | sammanställning* | dashboard*",
        nb="rapport* | statistikk* | oppfølging* | oversikt* | nøkkeltall* | kpi | kpier | "
        "innsikt* | redegjøre | analyse* | sammenstilling* | dashboard*",
        da="rapport* | statistik* | opfølgning* | overblik* | oversigt* | nøgletal* | kpi | "
        "indsigt* | redegøre | analyse* | sammenstilling* | dashboard*",
        en="report* | statistic* | follow-up | overview* | kpi | kpis | insight* | "
        "analytics | analysis | summary | dashboard*",
    ),
    # --- Integration, digital tools, security ----------------------------------------
    _c(
        "digital",
        ("Digitalt", "Digitalt", "Digitalt", "Digital"),
        w=0.4,
        sv="digital* | elektronisk* | online | på nätet | automatisk* | automatiser* | "
        "pappersfri* | utan papper",
        nb="digital* | elektronisk* | online | på nett | automatisk* | automatiser* | "
        "papirløs* | uten papir",
        da="digital* | elektronisk* | online | på nettet | automatisk* | automatiser* | "
        "papirløs* | uden papir",
        en="digital* | electronic* | online | automatic* | automate* | automation | paperless",
    ),
    _c(
        "integration",
        ("Systemintegration", "Systemintegrasjon", "Systemintegration", "System integration"),
        sv="integration* | integrera* | integrerad | koppla ~ system* | koppla ihop | "
        "kopplas ihop | gränssnitt* | systemstöd | synkronisera* | dataöverföring* | "
        "dubbelregistrering* | skriva in två gånger | manuell inmatning",
        nb="integrasjon* | integrere* | integrert | koble ~ system* | koble sammen | "
        "kobles sammen | grensesnitt* | synkronisere* | dataoverføring* | dobbeltregistrering* | "
        "skrive inn to ganger | manuell registrering",
        da="integration* | integrere* | integreret | koble ~ system* | koble sammen | "
        "kobles sammen | grænseflade* | snitflade* | synkronisere* | dataoverførsel* | "
        "dobbeltregistrering* | taste ind to gange | manuel indtastning",
        en="integration* | integrate* | connect ~ system* | interface* | sync | synchronise* | "
        "synchronize* | data transfer | double entry | type ~ in twice | manual entry",
    ),
    _c(
        "integration.erp",
        (
            "Koppling till affärssystemet",
            "Kobling til ERP-systemet",
            "Kobling til ERP-systemet",
            "ERP integration",
        ),
        broader=("integration",),
        sv="erp* | affärssystem* | ekonomisystem* | inköpssystem* | sap | visma | fortnox | "
        "monitor erp | jeeves | ifs | dynamics | business central | navision | m3",
        nb="erp* | forretningssystem* | økonomisystem* | innkjøpssystem* | sap | visma | tripletex | "
        "unit4 | ifs | dynamics | business central | navision | m3",
        da="erp* | forretningssystem* | økonomisystem* | indkøbssystem* | sap | e-conomic | "
        "uniconta | dynamics | business central | navision | c5",
        en="erp* | business system* | finance system* | procurement system* | "
        "purchasing system* | sap | oracle | netsuite | dynamics | business central | navision",
    ),
    _c(
        "integration.api",
        ("Öppet API", "Åpent API", "Åbent API", "Open API"),
        broader=("integration",),
        sv="api | apier | api:er | öppet api | webhook* | rest-api | endpoint*",
        nb="api | apier | åpent api | webhook* | rest-api | endepunkt*",
        da="api | apier | åbent api | webhook* | rest-api | endpoint*",
        en="api | apis | open api | webhook* | rest api | endpoint*",
    ),
    _c(
        "digital.portal",
        (
            "Kundportal och app",
            "Kundeportal og app",
            "Kundeportal og app",
            "Customer portal and app",
        ),
        broader=("digital",),
        sv="kundportal* | portal* | mina sidor | app | appen | appar | mobilapp* | självservice | "
        "orderhistorik* | på ett ställe | se ~ ordrar | se ~ fakturor | "
        "självbetjäning* | inloggning | logga in",
        nb="kundeportal* | portal* | min side | mine sider | app | appen | apper | mobilapp* | "
        "ordrehistorikk* | på ett sted | se ~ ordrer | se ~ fakturaer | "
        "selvbetjening* | selvbetjent | innlogging | logge inn",
        da="kundeportal* | portal* | min side | mine sider | app | appen | apps | mobilapp* | "
        "ordrehistorik* | ét sted | finde ordrer | se ~ ordrer | se ~ fakturaer | "
        "selvbetjening* | selvbetjent | login | logge ind",
        en="customer portal* | portal* | my pages | app | apps | mobile app* | self-service | "
        "order history | in one place | see ~ orders | see ~ invoices | "
        "self service | login | log in",
    ),
    _c(
        "security",
        ("Cybersäkerhet", "Cybersikkerhet", "Cybersikkerhed", "Cybersecurity"),
        sv="säkerhet* | it-säkerhet* | informationssäkerhet* | cybersäkerhet* | cyber* | "
        "säkerhetsuppdatering* | sårbarhet* | patch* | patcha* | penetrationstest* | pentest* | "
        "iso 27001 | nis2 | nis 2 | iec 62443 | 62443 | kryptering* | krypterad* | "
        "behörighet* | tvåfaktor* | dataintrång* | intrång* | hackad* | hackare | ransomware | "
        "brandvägg*",
        nb="sikkerhet* | it-sikkerhet* | informasjonssikkerhet* | cybersikkerhet* | cyber* | "
        "sikkerhetsoppdatering* | sårbarhet* | patch* | patche* | penetrasjonstest* | pentest* | "
        "iso 27001 | nis2 | nis 2 | iec 62443 | 62443 | kryptering* | kryptert* | "
        "tilgangsstyring* | tofaktor* | datainnbrudd* | innbrudd* | hacket | hackere | "
        "løsepengevirus | ransomware | brannmur*",
        da="sikkerhed* | it-sikkerhed* | informationssikkerhed* | cybersikkerhed* | cyber* | "
        "sikkerhedsopdatering* | sårbarhed* | patch* | patche* | penetrationstest* | pentest* | "
        "iso 27001 | nis2 | nis 2 | iec 62443 | 62443 | kryptering* | krypteret* | "
        "adgangsstyring* | tofaktor* | databrud* | hackerangreb* | hacket | ransomware | "
        "firewall*",
        en="security | secure | cyber* | vulnerabilit* | patch | patches | patching | "
        "pen test* | pentest* | penetration test* | security update* | iso 27001 | nis2 | "
        "iec 62443 | 62443 | encryption | encrypted | access control* | two-factor | "
        "data breach* | hacked | hackers | ransomware | firewall*",
    ),
    _c(
        "privacy",
        (
            "Dataskydd och GDPR",
            "Personvern og GDPR",
            "Databeskyttelse og GDPR",
            "Data protection and GDPR",
        ),
        sv="gdpr | dataskydd* | personuppgift* | biträdesavtal* | personlig information | "
        "integritetsskydd*",
        nb="gdpr | personvern* | personopplysning* | databehandleravtale* | databehandler*",
        da="gdpr | databeskyttelse* | persondata* | personoplysning* | databehandleraftale* | "
        "databehandler*",
        en="gdpr | data protection | privacy | personal data | personal information | "
        "data processing agreement* | dpa | data processor*",
    ),
    _c(
        "security.data_location",
        (
            "Data lagrad i Norden/EU",
            "Data lagret i Norden/EU",
            "Data opbevaret i Norden/EU",
            "Data stored in the Nordics/EU",
        ),
        broader=("privacy",),
        sv="inom eu | data ~ i eu | data ~ i sverige | data ~ i norden | datalagring* | lagras ~ i | servrar* | "
        "datacenter* | molnet | molntjänst* | utanför eu | lämna eu | lämnar eu",
        nb="innenfor eu | data ~ i eu | data ~ i norge | data ~ i norden | datalagring* | lagres ~ i | servere* | "
        "serverne | datasenter* | skyen | skytjeneste* | utenfor eu | forlate eu | forlater eu",
        da="inden for eu | data ~ i eu | data ~ i danmark | data ~ i norden | dataopbevaring* | opbevares ~ i | "
        "servere* | serverne | datacenter* | skyen | cloud* | uden for eu | forlade eu | "
        "forlader eu",
        en="within the eu | data ~ in the eu | data ~ in the nordics | data residency | data storage | "
        "stored ~ in | servers | data centre* | data center* | cloud | outside the eu | "
        "leaves the eu | leave the eu",
    ),
    _c(
        "safety",
        (
            "Arbetsmiljö och säkerhet",
            "HMS og sikkerhet",
            "Arbejdsmiljø og sikkerhed",
            "Health and safety",
        ),
        sv="arbetsmiljö* | skyddsutrustning* | säkerhetsdatablad* | olycksrisk* | olycka* | "
        "personsäkerhet* | ergonomi* | skyddsföreskrift*",
        nb="hms | arbeidsmiljø* | verneutstyr* | sikkerhetsdatablad* | ulykke* | "
        "personsikkerhet* | ergonomi*",
        da="arbejdsmiljø* | værnemidler | sikkerhedsdatablad* | ulykke* | personsikkerhed* | "
        "ergonomi*",
        en="health and safety | hse | work environment | protective equipment | ppe | "
        "safety data sheet* | accident* | ergonomic*",
    ),
    _c(
        "compliance",
        ("Krav och regelverk", "Krav og regelverk", "Krav og regler", "Regulatory compliance"),
        w=0.7,
        sv="regelverk* | lagkrav* | myndighetskrav* | föreskrift* | direktiv* | "
        "godkänd* | efterlevnad | compliance | revision* | revisor*",
        nb="regelverk* | lovkrav* | myndighetskrav* | forskrift* | direktiv* | "
        "godkjent* | etterlevelse | compliance | revisjon* | revisor*",
        da="regler | regelsæt* | lovkrav* | myndighedskrav* | bekendtgørelse* | direktiv* | "
        "godkendt* | overholdelse | compliance | revision* | "
        "revisor*",
        en="regulation* | regulatory | legal requirement* | directive* | approved | "
        "compliance | compliant | audit* | auditor*",
    ),
    # --- Relationship and account management -----------------------------------------
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
        "samples",
        ("Varuprover", "Vareprøver", "Vareprøver", "Product samples"),
        sv="varuprov* | provbit* | provexemplar* | smakprov* | gratisprov* | skicka ~ prover | skicka ~ prov | prover på | provexemplar*",
        nb="vareprøve* | prøveeksemplar* | prøvestykke* | gratisprøve* | sende ~ prøver | sende ~ prøve | prøver av | prøver på",
        da="vareprøve* | prøveeksemplar* | prøvestykke* | gratis prøve* | sende ~ prøver | sende ~ prøve | prøver af | prøver på",
        en="sample | samples | free sample* | test piece* | send ~ samples | sample of | samples of",
    ),
    _c(
        "customisation",
        ("Anpassade produkter", "Tilpassede produkter", "Tilpassede produkter", "Customisation"),
        sv="anpassa | anpassad* | anpassning* | skräddarsy* | specialtillverk* | special* | "
        "egen design | eget varumärke | egen logga | logotyp* | måttanpassad* | konfigurera*",
        nb="tilpasse | tilpasset | tilpasning* | skreddersy* | spesialtilpass* | spesiall* | "
        "egen design | eget merke | egen logo | logo* | måltilpass* | konfigurere*",
        da="tilpasse | tilpasset | tilpasning* | skræddersy* | specialfremstil* | special* | "
        "eget design | eget mærke | eget logo | logo* | måltilpas* | konfigurere*",
        en="customis* | customiz* | tailor* | bespoke | made to order | made-to-order | "
        "own brand | private label | our logo | logo* | configure*",
    ),
    _c(
        "usability",
        ("Enkelt att använda", "Enkelt å bruke", "Nemt at bruge", "Easy to use"),
        w=0.7,
        sv="lätt att använda | enkel att använda | enkelt att använda | användarvänlig* | "
        "krångligt | krånglig | komplicerat | intuitiv* | enklare | smidigare | enkelt att | "
        "enkel att | enkla att | användargränssnitt* | gränssnittet är",
        nb="lett å bruke | enkel å bruke | enkelt å bruke | brukervennlig* | tungvint | "
        "komplisert | intuitiv* | enklere | smidigere | enkelt å | enkel å | "
        "brukergrensesnitt* | grensesnittet er",
        da="nem at bruge | let at bruge | nemt at bruge | brugervenlig* | besværlig* | "
        "kompliceret | intuitiv* | nemmere | enklere | smidigere | nemt at | nem at | "
        "brugerflade* | brugergrænseflade*",
        en="easy to use | user-friendly | user friendly | complicated | cumbersome | intuitive | "
        "easier | simpler | simple to | user interface | interface is",
    ),
    _c(
        "admin.less",
        (
            "Mindre administration",
            "Mindre administrasjon",
            "Mindre administration",
            "Less administration",
        ),
        sv="administration* | admin | pappersarbete* | handpåläggning | manuellt arbete | "
        "manuell hantering | för hand | tidskrävande | sparar tid | spara tid | tar tid | "
        "merarbete",
        nb="administrasjon* | admin | papirarbeid* | manuelt arbeid | manuell håndtering | "
        "for hånd | tidkrevende | sparer tid | spare tid | tar tid | merarbeid | "
        "drukner i",
        da="administration* | admin | papirarbejde* | manuelt arbejde | manuel håndtering | "
        "i hånden | tidskrævende | sparer tid | spare tid | tager tid | merarbejde | "
        "drukner i",
        en="administration | admin | paperwork | manual work | manual handling | by hand | "
        "time-consuming | time consuming | save time | saves time | takes time | "
        "extra work | drowning in",
    ),
    _c(
        "ai.model",
        (
            "AI tränad på våra data",
            "AI trent på våre data",
            "AI trænet på vores data",
            "AI models trained on our data",
        ),
        sv="träningsdata | ai | artificiell intelligens | maskininlärning* | algoritm* | "
        "ai-modell* | tränas om | träna om | träna ~ modell* | modellen ~ lär* | bildanalys* | "
        "kamerasystem* | visionsystem* | maskinsyn | märka ~ bilder",
        nb="treningsdata | ai | kunstig intelligens | maskinlæring* | algoritm* | ai-modell* | "
        "trene ~ modell* | trenes opp | modellen ~ lær* | bildeanalyse* | kamerasystem* | "
        "maskinsyn | merke ~ bilder",
        da="træningsdata | ai | kunstig intelligens | maskinlæring* | algoritm* | ai-model* | "
        "træne ~ model* | trænes op | modellen ~ lær* | billedanalyse* | kamerasystem* | "
        "maskinsyn | mærke ~ billeder",
        en="training data | ai | artificial intelligence | machine learning | ml model* | "
        "algorithm* | train* ~ model* | retrain* | model ~ trained | computer vision | "
        "vision system* | image recognition | label* ~ data | labelled data | labeled data",
    ),
    _c(
        "data.ownership",
        ("Äganderätt till data", "Eierskap til data", "Ejerskab til data", "Data ownership"),
        sv="äger ~ data* | äga ~ data* | äger ~ mätdata* | vem äger | äganderätt* | "
        "data är vår* | datan är vår* | exportera ~ data* | export av data | rådata | "
        "öppet format | öppna format | ta med oss ~ data* | ta med oss ~ historik*",
        nb="eier ~ data* | eie ~ data* | hvem eier | eierskap til ~ data* | eierskapet til | "
        "dataene ~ er våre | dataene er våre | eksportere ~ data* | eksport av data | rådata | "
        "åpent format | åpne formater | ta med oss ~ data* | selge ~ data* | dataene våre",
        da="ejer ~ data* | eje ~ data* | hvem ejer | ejerskab til ~ data* | ejerskabet til | "
        "data er vores | dataene er vores | eksportere ~ data* | eksport af data | rådata | "
        "åbent format | åbne formater | tage ~ data* med | sælge ~ data*",
        en="data ownership | own the data | owns the data | ownership of ~ data | who owns | "
        "export ~ data | data export* | raw data | open format* | sell ~ data | "
        "use our ~ data | take ~ data with us",
    ),
    _c(
        "upgrade",
        (
            "Uppgradering och ombyggnad",
            "Oppgradering og ombygging",
            "Opgradering og ombygning",
            "Upgrades and retrofits",
        ),
        sv="uppgradera* | uppgradering* | retrofit* | ombyggnad* | bygga om ~ maskin* | "
        "modernisera* | modernisering* | eftermontera* | eftermontering* | livstidsförläng* | "
        "befintlig* ~ maskin* | befintlig* ~ anläggning* | befintlig* ~ utrustning | "
        "äldre maskiner | gamla maskiner | senaste version* | uppgraderingskit*",
        nb="oppgradere* | oppgradering* | retrofit* | ombygging* | bygge om ~ maskin* | "
        "modernisere* | modernisering* | ettermontere* | ettermontering* | levetidsforleng* | "
        "eksisterende ~ maskin* | eksisterende ~ anlegg* | eksisterende ~ utstyr | "
        "eldre maskiner | gamle maskiner | nyeste versjon* | siste versjon*",
        da="opgradere* | opgradering* | retrofit* | ombygning* | ombygge* | bygge om ~ maskin* | "
        "modernisere* | modernisering* | eftermontere* | eftermontering* | levetidsforlæng* | "
        "eksisterende ~ maskine* | eksisterende ~ anlæg* | eksisterende ~ udstyr | "
        "ældre maskiner | gamle maskiner | nyeste version* | seneste version*",
        en="upgrade* | upgrading | retrofit* | retrofit kit* | upgrade kit* | refurbish* | "
        "rebuild | modernis* | moderniz* | life extension | existing machine* | "
        "existing equipment | existing installation* | older machines | old machines | "
        "latest version | up to date | up to the current",
    ),
    _c(
        "remote_monitoring",
        ("Fjärrövervakning", "Fjernovervåking", "Fjernovervågning", "Remote monitoring"),
        sv="fjärrövervakning* | fjärrövervaka* | övervakning* | övervaka* | fjärrstyr* | "
        "fjärr* | sensor* | iot | uppkopplad* | larm* | förebyggande larm | "
        "prediktivt underhåll | tillståndsövervakning* | på distans | varna ~ innan | "
        "signal ~ innan | innan ~ går sönder | digital tvilling* | digitala tvilling* | driftstatus* | driftsstatus* | fjärravläs* | varna ~ innan | varna ~ före | kontrollrummet | kontrollrum",
        nb="fjernovervåking* | fjernovervåkning* | overvåking* | overvåkning* | overvåke* | "
        "fjernstyr* | fjerndiagnos* | sensor* | iot | oppkoblet | tilkoblet | alarm* | varsling* | "
        "sende varsel | varsle ~ når | prediktivt vedlikehold | tilstandsovervåking* | "
        "på avstand | "
        "begynner å svikte | før ~ går i stykker | digital tvilling* | digitale tvilling* | driftsstatus* | fjernavles* | varsle ~ før | følge med ~ fra | kontrollrommet | kontrollrom",
        da="fjernovervågning* | overvågning* | overvåge* | fjernstyr* | fjerndiagnos* | sensor* | iot | "
        "opkoblet | tilkoblet | alarm* | varsling* | sende varsel | varsle ~ når | "
        "prædiktiv vedligeholdelse | tilstandsovervågning* | på afstand | før ~ går i stykker | digital tvilling* | digitale tvilling* | driftsstatus* | fjernaflæs* | varsle ~ før | følge med ~ fra | kontrolrummet | kontrolrum",
        en="remote monitoring | remotely | remote | monitoring | monitor | sensor* | iot | "
        "connected machine* | alarm* | alert* | warning* | predictive maintenance | "
        "condition monitoring | before it breaks | before ~ fails | digital twin* | operating status | remote reading* | alert ~ before | warn ~ before | control room",
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


# Function words, intent verbs and fillers that say nothing about the theme. Intent
# words ("vill", "trenger", "need") are here on purpose: every statement has one, so
# they would pull unrelated statements together.
def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS: Final[dict[str, frozenset[str]]] = {
    "sv": _wordset(
        """
        köpa köper köpt köp köpte betala betalar betalat via per egen eget
        egna stor stort stora ny nytt nya om innan före först sen tar ta tog fått fåt
        hur längre och i att det som en på är av för med till den har de inte om ett han
        men var jag sig från vi så kan när år säger hon under också efter eller nu sin
        där vid mot ska skulle kunna vill ville vilja behöver behövde behov måste må bör
        borde får fick få göra gör gjorde gjort ha hade haft vara varit blir blev bli
        mycket mer mest många någon något några alla allt andra annan annat samma sådan
        sådana här där hur vad vem vilken vilket vilka varför då sedan än bara även
        redan ju väl nog helst hellre gärna kanske alltid aldrig ofta igen återigen
        också våra vår vårt er era ert oss dem deras hans hennes min mitt mina din ditt
        dina man det den detta dessa denna sådant dock mellan utan inom över genom hos
        ni du dig mig honom henne jag vi de ja nej tack okej ok bra jättebra lite skull
        ganska verkligen faktiskt egentligen nog gärna önskar önskemål tycker tror vet
        känns kommer komma kom ge ger gav hjälpa hjälp viktigt viktigaste en ett två tre
        fyra fem sex sju åtta nio tio dag dagar vecka veckor månad månader år tid gång
        gånger heller hela helt ingen inget inga varje annars sätt lösning lösningen
        produkt produkter produkten vara varor era företag
        """
    ),
    "nb": _wordset(
        """
        kjøpe kjøper kjøpt kjøp kjøpte betale betaler betalt via per egen eget egne stor
        stort store ny nytt nye før først tar ta tok fått lenger hvis og i at det som en
        et på er av for med til den har de ikke om han men var jeg seg fra vi så kan når
        år sier hun under også etter eller nå sin der ved mot skal skulle kunne vil
        ville trenger trengte behov må måtte bør burde får fikk få gjøre gjør gjorde
        gjort ha hadde hatt være vært blir ble bli mye mer mest mange noen noe alle alt
        andre annen annet samme slik slike her der hvordan hva hvem hvilken hvilket
        hvilke hvorfor da siden enn bare også allerede jo vel nok helst heller gjerne
        kanskje alltid aldri ofte igjen våre vår vårt dere deres oss dem hans hennes min
        mitt mine din ditt dine man dette disse denne dog mellom uten innen over gjennom
        hos du deg meg ham henne ja nei takk ok bra litt ganske virkelig faktisk
        egentlig ønsker ønske ønsket synes tror vet kommer komme kom gi gir ga hjelpe
        hjelp viktig viktigste en ett én to tre fire fem seks sju syv åtte ni ti dag
        dager uke uker måned måneder år tid gang ganger hele helt ingen intet hver
        ellers måte løsning løsningen produkt produkter produktet vare varer selskap
        savner mangler
        """
    ),
    "da": _wordset(
        """
        købe køber købt køb købte betale betaler betalt via per egen eget egne stor
        stort store ny nyt nye før først tager tage tog fået længere hvis og i at det
        som en et på er af for med til den har de ikke om han men var jeg sig fra vi så
        kan når år siger hun under også efter eller nu sin der ved mod skal skulle kunne
        vil ville behøver har brug brug for behov må måtte bør burde får fik få gøre gør
        gjorde gjort have havde haft være været bliver blev blive meget mere mest mange
        nogen noget nogle alle alt andre anden andet samme sådan sådanne her der hvordan
        hvad hvem hvilken hvilket hvilke hvorfor da siden end kun også allerede jo vel
        nok helst hellere gerne måske altid aldrig ofte igen vores jer jeres os dem hans
        hendes min mit mine din dit dine man dette disse denne dog mellem uden inden
        over gennem hos du dig mig ham hende ja nej tak ok godt lidt ganske virkelig
        faktisk egentlig ønsker ønske ønsket synes tror ved kommer komme kom give giver
        gav hjælpe hjælp vigtig vigtigste vigtigt en et én to tre fire fem seks syv otte
        ni ti dag dage uge uger måned måneder år tid gang gange hele helt ingen intet
        hver ellers måde løsning løsningen produkt produkter produktet vare varer firma
        savner mangler lige
        """
    ),
    "en": _wordset(
        """
        buy buys buying bought purchase purchasing pay pays paying paid via per own big
        new before first take takes took than put longer if a an the and or but if then
        so of in on at to for with from by about as into over under within without
        between through is are was were be been being am do does did done have has had
        having will would shall should can could may might must need needs needed want
        wants wanted wish like would prefer rather we us our ours you your yours they
        them their it its this that these those i me my he him his she her not no yes ok
        okay please thanks thank very really just also too more most much many some any
        all every each other another same such here there how what who which why when
        where get gets got make makes made give gives gave help important one two three
        four five six seven eight nine ten day days week weeks month months year years
        time times whole again always never often already still even only way solution
        product products goods company able instead miss missing lack lacking think know
        feel
        """
    ),
}

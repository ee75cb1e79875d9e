"""Ordering, delivery and logistics, stock and spare parts."""

from __future__ import annotations

from typing import Final

from fasit.engine.signals.lexicon._base import Concept
from fasit.engine.signals.lexicon._base import concept as _c

CONCEPTS: Final[tuple[Concept, ...]] = (
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
)

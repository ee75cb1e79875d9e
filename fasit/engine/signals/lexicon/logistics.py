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
        "på lager | tillgänglighet | tillgängligt | "
        " buffertlager | säkerhetslager | lagerföra | lagerför",
        nb="lager | lageret | lagerstatus | lagerbeholdning | lagersaldo | lagernivå* | "
        "på lager | tilgjengelighet | tilgjengelig | "
        "bufferlager | sikkerhetslager | lagerføre | lagerfører",
        da="lager | lageret | lagerstatus | lagerbeholdning | lagersaldo | lagerniveau* | "
        "på lager | tilgængelighed | tilgængelig | bufferlager | "
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
    # --- Taxonomy: delivery patterns, unloading, damage, proof, terms, shortages ----------
    _c(
        "delivery.frequency",
        (
            "Tätare leveranser",
            "Hyppigere leveranser",
            "Hyppigere leverancer",
            "More frequent deliveries",
        ),
        broader=("delivery",),
        sv="leveransfrekvens* | tätare leveranser | oftare leveranser | leverera oftare | levereras oftare | "
        "leveranser ~ oftare | leverans* oftare | fler leveranser | flera leveranser | leveranser varje dag | "
        "leverans varje dag | dagliga leveranser | daglig leverans | leveransdag* | gånger i veckan | "
        "gång i veckan | fasta leveransdagar | turlista* | körschema*",
        nb="leveransefrekvens* | leveringsfrekvens* | hyppigere levering* | hyppigere leveranser | "
        "oftere levering* | levere oftere | leveres oftere | levering* ~ oftere | leveranse* ~ oftere | "
        "leveranser oftere | flere leveranser | leveranser hver dag | levering hver dag | daglige leveranser | "
        "daglig levering | leveringsdag* | ganger i uka | ganger i uken | gang i uka | gang i uken | "
        "faste leveringsdager | ruteplan*",
        da="leveringsfrekvens* | hyppigere levering* | hyppigere leverancer | oftere levering* | "
        "levere oftere | leveres oftere | levering* ~ oftere | leverancer ~ oftere | flere leverancer | "
        "leverancer hver dag | levering hver dag | daglige leverancer | daglig levering | leveringsdag* | "
        "gange om ugen | gang om ugen | faste leveringsdage | ruteplan*",
        en="delivery frequency | more frequent deliver* | frequent deliveries | deliver more often | "
        "delivered more often | deliveries more often | daily deliver* | deliver* every day | "
        "deliveries a week | times a week | once a week | twice a week | fixed delivery day* | "
        "delivery day* | delivery schedule* | smaller drops | milk run*",
    ),
    _c(
        "delivery.partial",
        (
            "Samlade leveranser och delleveranser",
            "Samlet levering og dellevering",
            "Samlet levering og dellevering",
            "Consolidated and partial deliveries",
        ),
        broader=("delivery",),
        sv="delleverans* | restleverans* | samleverans* | samlastning* | samla leveranser* | samlad leverans | "
        "samlade leveranser | allt i en leverans | komplett leverans | kompletta leveranser | i omgångar | "
        "flera kollin | flera sändningar | splittrade leveranser | uppdelade leveranser",
        nb="dellevering* | restlevering* | samlevering* | samlast* | samle leveranse* | samlet levering | "
        "samlede leveranser | alt i én levering | alt i en levering | komplett levering | komplette leveranser | "
        "i flere omganger | flere kolli | flere forsendelser | oppdelte leveranser",
        da="dellevering* | restlevering* | samlevering* | samlast* | samle leveringer* | samlet levering | "
        "samlede leverancer | alt i én levering | alt i en levering | komplet levering | komplette leverancer | "
        "i flere omgange | flere kolli | flere forsendelser | opdelte leverancer",
        en="partial deliver* | partial shipment* | split deliver* | split shipment* | consolidated deliver* | "
        "consolidate ~ shipments | consolidate ~ deliveries | single delivery | complete deliver* | "
        "full delivery | in one go | several parcels | multiple shipments | multiple deliveries",
    ),
    _c(
        "delivery.unloading",
        ("Lossning och kran", "Lossing og kran", "Aflæsning og kran", "Unloading and crane"),
        broader=("delivery",),
        sv="lossning* | lossa | lossar | lossas | kran | kranbil* | bilkran* | kranar | bakgavellyft* | "
        "baklyft* | gaffeltruck* | inbärning* | bära in | bära upp | avlastning* | lyfta in | "
        "lyfta upp | hjälp att lossa | lastkaj* | lastbrygga*",
        nb="lossing* | losse | losser | losses | kran | kranbil* | lastebilkran* | bakløfter* | baklift* | "
        "gaffeltruck* | bære inn | bære opp | innbæring* | løfte inn | løfte opp | "
        "hjelp til å losse | lasterampe*",
        da="aflæsning* | aflæsse* | losse | losning* | kran | kranbil* | lastbilkran* | bagsmæk* | "
        "gaffeltruck* | bære ind | bære op | indbæring* | løfte ind | "
        "hjælp til at losse | læsserampe*",
        en="unloading | unload | offload* | crane | crane truck* | lorry crane | hiab | tail lift* | "
        "forklift* | carry in | carry ~ inside | lift ~ into place | loading dock* | loading bay*",
    ),
    _c(
        "delivery.damage",
        (
            "Transportskador och väderskydd",
            "Transportskader og værbeskyttelse",
            "Transportskader og vejrbeskyttelse",
            "Transport damage and weather protection",
        ),
        broader=("delivery",),
        sv="transportskad* | skadad* vid leverans | trasig* vid leverans | kom trasig* | kom sönder | "
        "blev förstörd* | förstörda varor | förstört gods | väderskydd* | inplastad* | inplastat | "
        "plasta in | fukt* | i regnet | tåla regn | regnväder | blöt* | vattenskad* | "
        "vattentät* | krossad*",
        nb="transportskade* | skadet ved levering | kom ødelagt | ødelagt ved levering | ødelagt under transport | "
        "ødelagte varer | værbeskytt* | værbestandig* | plastet inn | innplastet | tildekket | dekket til | "
        "fukt* | i regnet | tåle regn | regnvær | gjennomvåt* | vannskade* | vanntett* | knust*",
        da="transportskade* | beskadiget ved levering | kom ødelagt | ødelagt ved levering | ødelagt under transport | "
        "ødelagte varer | vejrbeskytt* | vejrfast* | pakket ind i plast | indpakket i plast | overdækket | "
        "tildækket | fugt* | i regnen | tåle regn | regnvejr | gennemblødt* | vandskade* | vandtæt* | knust*",
        en="damaged in transit | transport damage* | arrived damaged | arrived broken | broken on arrival | "
        "weather protect* | weatherproof* | protected from ~ weather | kept dry | keep ~ dry | moisture | "
        "damp | wet | soaking | rain | water damage* | waterproof* | crushed",
    ),
    _c(
        "delivery.proof",
        ("Leveransbevis", "Leveringsbevis", "Leveringsbevis", "Proof of delivery"),
        broader=("delivery",),
        sv="leveransbevis* | kvittens* | kvittera* | kvitteras | pod | signatur vid leverans | "
        "signera vid leverans | underskrift vid leverans | foto vid leverans | fotobevis* | "
        "fraktsedl* | när godset lämnas | vid avlämning",
        nb="leveringsbevis* | kvittering* | kvittere* | signatur ved levering | signere ved levering | "
        "signering ved levering | foto ved levering | bilde ved levering | fraktbrev* | pod",
        da="leveringsbevis* | kvittering* | kvittere* | underskrift ved levering | "
        "signatur ved levering | foto ved levering | billede ved levering | "
        "fragtbrev* | pod",
        en="proof of delivery | pod | delivery receipt* | signed for | signature on delivery | "
        "signature at delivery | photo on delivery | photo at delivery | delivery photo* | "
        "consignment note* | e-pod | epod",
    ),
    _c(
        "delivery.terms",
        (
            "Leveransvillkor och tull",
            "Leveringsbetingelser og toll",
            "Leveringsbetingelser og told",
            "Delivery terms and customs",
        ),
        broader=("delivery",),
        sv="incoterms* | leveransvillkor* | leveransklausul* | fritt levererat | fritt vårt lager | "
        "fritt fabrik | ex works | exw | dap | ddp | fca | fob | cif | cpt | tullklarering* | tull | tullen | "
        "förtullad* | förtullning* | tulldeklaration*",
        nb="incoterms* | leveringsbetingelse* | leveringsvilkår* | fritt levert | fritt vårt lager | "
        "fritt fabrikk | ex works | exw | dap | ddp | fca | fob | cif | toll | tollen | fortollet | "
        "fortolling* | tolldeklarasjon* | tollklarering*",
        da="incoterms* | leveringsbetingelse* | leveringsvilkår* | frit leveret | frit vores lager | "
        "ab fabrik | ex works | exw | dap | ddp | fca | fob | cif | tolden | fortold* | toldbehandl* | "
        "tolddeklaration* | toldpapir*",
        en="incoterm* | delivery terms | terms of delivery | delivered duty paid | ex works | exw | dap | "
        "ddp | fca | fob | cif | customs | customs clearance | duty paid | import duty | import duties",
    ),
    _c(
        "stock.shortage",
        (
            "Restorder och bristvaror",
            "Restordre og mangelvarer",
            "Restordrer og mangelvarer",
            "Backorders and shortages",
        ),
        broader=("stock",),
        sv="restnotera* | restorder* | restnotering* | bristvar* | brist på | bristsituation* | "
        "leveransstörning* | leveransproblem* | slut på lager | slutsåld* | ersättningsprodukt* | "
        "ersättningsartik* | alternativ produkt | likvärdig produkt | utgått",
        nb="restordre* | restnotert* | mangelvare* | mangel på | mangelsituasjon* | leveringssvikt* | "
        "leveranseproblem* | tomt på lager | utsolgt* | erstatningsprodukt* | erstatningsvare* | "
        "alternativt produkt | tilsvarende produkt | utgått* | knapphet*",
        da="restordre* | restnoteret* | mangelvare* | mangel på | mangelsituation* | leveringssvigt* | "
        "leveranceproblem* | udsolgt* | ikke på lager | erstatningsprodukt* | erstatningsvare* | "
        "alternativt produkt | tilsvarende produkt | udgået* | knaphed*",
        en="backorder* | back order* | back-order* | out of stock | sold out | shortage* | stockout* | "
        "stock-out* | substitute product* | alternative product* | equivalent product* | discontinued",
    ),
    _c(
        "capacity",
        (
            "Kapacitet och prognoser",
            "Kapasitet og prognoser",
            "Kapacitet og prognoser",
            "Capacity and forecasts",
        ),
        sv="prognos* | behovsprognos* | försäljningsprognos* | rullande prognos* | volymplanering* | "
        "leveransplan* | produktionsplan* | säsongstopp* | säsongsvariation* | högsäsong* | kapacitet* | "
        "kapacitetsbrist* | skala upp | volymtopp*",
        nb="prognose* | behovsprognose* | salgsprognose* | rullerende prognose* | volumplanlegging* | "
        "leveranseplan* | produksjonsplan* | sesongtopp* | høysesong* | kapasitet* | kapasitetsmangel* | "
        "skalere opp | volumtopp*",
        da="prognose* | behovsprognose* | salgsprognose* | rullende prognose* | volumenplanlægning* | "
        "leveranceplan* | produktionsplan* | sæsontop* | højsæson* | kapacitet* | kapacitetsmangel* | "
        "skalere op | spidsbelastning*",
        en="forecast* | rolling forecast* | demand plan* | volume plan* | capacity | capacities | "
        "peak season | peaks in demand | seasonal peak* | scale up | ramp up | ramp-up",
    ),
    _c(
        "pallets",
        (
            "Pallbyte och lastbärare",
            "Pallebytte og lastebærere",
            "Pallebytte og ladebærere",
            "Pallet exchange and load carriers",
        ),
        broader=("packaging",),
        sv="lastpall* | eur-pall* | europall* | helpall* | halvpall* | pallbyte* | pallretur* | "
        "pallväxling* | pallkrage* | pallkragar | rullbur* | lastbärar* | returpall* | engångspall* | "
        "pallavgift*",
        nb="lastepall* | eur-pall* | europall* | helpall* | halvpall* | pallebytte* | pallbytte* | "
        "palleretur* | pallretur* | pallekarm* | rullebur* | lastebærer* | returpall* | engangspall* | "
        " paller i retur",
        da="eur-palle* | europalle* | helpalle* | halvpalle* | pallebytte* | palleretur* | pallekarm* | "
        "rullebur* | ladebærer* | returpalle* | engangspalle* | "
        " paller retur",
        en="euro pallet* | eur pallet* | pallet exchange | pallet return* | pallet pool* | chep | "
        "roll cage* | load carrier* | returnable pallet* | one-way pallet*",
    ),
    _c(
        "ordering.cutoff",
        (
            "Beställningstider och orderändringar",
            "Bestillingsfrister og ordreendringer",
            "Bestillingsfrister og ordreændringer",
            "Order cut-off and changes",
        ),
        broader=("ordering",),
        sv="sista beställningstid* | beställa senast | beställningsstopp* | cut-off* | ändra ordern | "
        "ändra order* | ändra beställning* | avbeställ* | orderändring* | beställa före kl",
        nb="bestillingsfrist* | bestille innen | bestille før kl | endre ordren | endre ordre* | "
        "endre bestilling* | ordreendring* | avbestill* | cut-off*",
        da="bestillingsfrist* | bestille inden | bestille før kl | ændre ordren | ændre ordre* | "
        "ændre bestilling* | ordreændring* | afbestil* | cut-off*",
        en="cut-off time* | order cut-off | cutoff | cut-off | change the order | change an order | "
        "order change* | amend ~ order* | cancel ~ order* | order deadline*",
    ),
)

"""Sustainability: carbon, recycling and reuse, supplier conduct, labour conditions, eco-labels, reporting."""

from __future__ import annotations

from typing import Final

from fasit.engine.signals.lexicon._base import Concept
from fasit.engine.signals.lexicon._base import concept as _c

CONCEPTS: Final[tuple[Concept, ...]] = (
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
    # --- Taxonomy: labels, reuse, reporting, transport, energy, labour, audits ------------
    _c(
        "ecolabel",
        (
            "Miljömärkning och certifierade råvaror",
            "Miljømerking og sertifiserte råvarer",
            "Miljømærkning og certificerede råvarer",
            "Eco-labels and certified sourcing",
        ),
        broader=("sustainability", "certificates"),
        sv="svanen* | svanenmärk* | eu-blomman | eu ecolabel | bra miljöval | krav-märk* | krav-certifi* | "
        "ekologisk* | fairtrade | rainforest alliance | msc | asc | fsc | pefc | utz | rspo | miljömärk*",
        nb="svanemerk* | eu-blomsten | økologisk* | debio | økomerk* | fairtrade | rainforest alliance | "
        "msc | asc | fsc | pefc | rspo | miljømerk*",
        da="svanemærk* | eu-blomsten | økologisk* | ø-mærk* | økomærk* | fairtrade | rainforest alliance | "
        "msc | asc | fsc | pefc | rspo | miljømærk*",
        en="ecolabel* | eco-label* | nordic swan | swan label | eu flower | organic | fairtrade | "
        "fair trade | rainforest alliance | msc | asc | fsc | pefc | rspo | certified sustainable",
    ),
    _c(
        "reuse",
        (
            "Flergångs i stället för engångs",
            "Flergangs i stedet for engangs",
            "Genbrugelige i stedet for engangs",
            "Reusable instead of single-use",
        ),
        broader=("recycling", "sustainability"),
        sv="flergångs* | återanvändbar* | återanvändningsbar* | sterilisera* | steriliserbar* | autoklav* | "
        "tvättbar* | slit och släng | engångsartik* | engångsmaterial* | engångsprodukt* | "
        "engångsinstrument* | engångsförkläd* | engångshandsk* | engångsutrustning* | engångsplast* | "
        "engångsbestick*",
        nb="flergangs* | gjenbrukbar* | sterilisere* | steriliserbar* | autoklav* | vaskbar* | "
        "engangsartik* | engangsmateriell* | engangsprodukt* | engangsinstrument* | engangsforkle* | "
        "engangshansk* | engangsutstyr* | engangsplast* | bruk og kast",
        da="flergangs* | genanvendelig* | genbrugelig* | sterilisere* | steriliserbar* | autoklav* | "
        "vaskbar* | engangsartik* | engangsmateriale* | engangsprodukt* | engangsinstrument* | "
        "engangsforklæd* | engangshandsk* | engangsudstyr* | engangsplast* | brug og smid væk",
        en="single-use | single use | disposable* | reusable | re-usable | autoclav* | steriliz* | "
        "sterilis* | washable | throwaway | throw-away",
    ),
    _c(
        "sustainability.reporting",
        (
            "Hållbarhetsrapportering",
            "Bærekraftsrapportering",
            "Bæredygtighedsrapportering",
            "Sustainability reporting",
        ),
        broader=("sustainability",),
        sv="csrd | esrs | hållbarhetsrapport* | klimatrapport* | taxonomi* | eu-taxonomi* | scope 1 | "
        "scope 2 | scope 3 | esg-data | esg-rapport* | rapportera ~ utsläpp* | klimatdata | cdp | sbti",
        nb="csrd | esrs | bærekraftsrapport* | klimarapport* | taksonomi* | eu-taksonomi* | scope 1 | "
        "scope 2 | scope 3 | esg-data | esg-rapport* | rapportere ~ utslipp* | klimadata | cdp | sbti",
        da="csrd | esrs | bæredygtighedsrapport* | klimarapport* | taksonomi* | eu-taksonomi* | scope 1 | "
        "scope 2 | scope 3 | esg-data | esg-rapport* | rapportere ~ udledning* | klimadata | cdp | sbti",
        en="csrd | esrs | sustainability report* | climate report* | taxonomy | eu taxonomy | scope 1 | "
        "scope 2 | scope 3 | esg data | esg report* | report ~ emissions | emissions data | "
        "ghg protocol | cdp | sbti | science-based target*",
    ),
    _c(
        "transport.fossil_free",
        (
            "Fossilfria transporter",
            "Fossilfri transport",
            "Fossilfri transport",
            "Fossil-free transport",
        ),
        broader=("sustainability.carbon", "delivery"),
        sv="fossilfri* transport* | fossilfria transporter | hvo | hvo100 | biogas* | biodiesel* | elbil* | "
        "ellastbil* | el-lastbil* | eldriv* | elektriska lastbilar | elektrisk lastbil | nollutsläpp* | "
        "utsläppsfri* | sista milen | sista kilometern | köra på el | kör på el | vätgas* | "
        "euro 6 | gröna transporter",
        nb="fossilfri transport | fossilfrie transporter | hvo | hvo100 | biogass* | biodiesel* | elbil* | "
        "ellastebil* | el-lastebil* | elektriske lastebiler | elektrisk lastebil | nullutslipp* | "
        "utslippsfri* | siste mil | siste kilometer | på strøm | hydrogen* | euro 6 | grønn transport",
        da="fossilfri transport | fossilfrie transporter | hvo | hvo100 | biogas* | biodiesel* | elbil* | "
        "ellastbil* | el-lastbil* | elektriske lastbiler | elektrisk lastbil | nuludledning* | "
        "emissionsfri* | sidste mil | sidste kilometer | på strøm | på el | brint* | euro 6 | "
        "grøn transport | grønne transporter",
        en="fossil-free transport | fossil free transport | hvo | hvo100 | biogas | biodiesel | "
        "electric truck* | electric lorr* | electric van* | zero-emission* | zero emission* | "
        "emission-free | last-mile | last mile | hydrogen | euro 6 | green transport | green logistics",
    ),
    _c(
        "energy.renewable",
        ("Förnybar energi", "Fornybar energi", "Vedvarende energi", "Renewable energy"),
        broader=("sustainability.carbon",),
        sv="förnybar el | förnybar energi | grön el | fossilfri el | solceller | solenergi | vindkraft | "
        "ursprungsgaranti*",
        nb="fornybar strøm | fornybar energi | grønn strøm | opprinnelsesgaranti* | solceller | solenergi | "
        "vindkraft",
        da="vedvarende energi | grøn strøm | oprindelsesgaranti* | solceller | solenergi | vindkraft | "
        "vindmøllestrøm",
        en="renewable energy | renewable electricity | green electricity | green power | "
        "guarantees of origin | solar | wind power | ppa",
    ),
    _c(
        "labour.conditions",
        (
            "Arbetsvillkor i leverantörskedjan",
            "Lønns- og arbeidsvilkår",
            "Løn- og arbejdsvilkår",
            "Labour conditions in the supply chain",
        ),
        broader=("supplier.conduct",),
        sv="arbetsvillkor* | arbetsrättsliga villkor | kollektivavtal* | schyssta villkor | schysta villkor | "
        "avtalsenlig* lön* | lönevillkor* | underentreprenör* | underentreprenad* | id06 | "
        "personalliggare | svartarbete | social dumpning | sociala krav | sociala hänsyn",
        nb="lønns og arbeidsvilkår | arbeidsvilkår* | lønnsvilkår* | tariffavtale* | tariffert* | "
        "tarifflønn* | allmenngjort* | underentreprise* | underentreprenør* | ledd underentreprise | "
        "hms kort* | byggekort* | sosial dumping | svart arbeid | arbeidslivskriminalitet* | "
        "seriøsitetsbestemmelse* | seriøsitetskrav*",
        da="arbejdsklausul* | arbejdsvilkår* | løn og arbejdsvilkår | arbejdsforhold* | overenskomstløn* | "
        "overenskomstmæssig* | kædeansvar* | underleverandørled* | underentreprenør* | social dumping | "
        "sort arbejde | sociale klausuler | sociale krav",
        en="labour conditions | labor conditions | working conditions | pay and conditions | wages | "
        "collective agreement* | union agreement* | fair wages | social clause* | labour clause* | "
        "labor clause* | subcontracting chain | social dumping | undeclared work",
    ),
    _c(
        "supplier.audit",
        ("Leverantörsrevision", "Leverandørrevisjon", "Leverandøraudit", "Supplier audits"),
        broader=("compliance",),
        sv="leverantörsrevision* | leverantörsgranskning* | leverantörsbesök* | revision på plats | "
        "revidera* | besöka ~ fabrik* | fabriksbesök* | platsbesök* | inspektion* | audit* | auditera*",
        nb="leverandørrevisjon* | leverandørbesøk* | revisjon på stedet | revidere* | besøke ~ fabrikk* | "
        "fabrikkbesøk* | inspeksjon* | audit* | auditere*",
        da="leverandøraudit* | leverandørbesøg* | audit på stedet | auditere* | auditering* | "
        "besøge ~ fabrik* | fabriksbesøg* | inspektion* | audit*",
        en="supplier audit* | audit* | on-site audit* | on-site visit* | site visit* | factory visit* | "
        "plant visit* | inspect* | inspection* | visit your plant | visit your factory",
    ),
)

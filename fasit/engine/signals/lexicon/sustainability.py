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
)

"""Product and quality: quality, durability, safety, noise, energy, customisation, samples, packaging, food safety."""

from __future__ import annotations

from typing import Final

from fasit.engine.signals.lexicon._base import Concept
from fasit.engine.signals.lexicon._base import concept as _c

CONCEPTS: Final[tuple[Concept, ...]] = (
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
        "safety",
        (
            "Arbetsmiljö och säkerhet",
            "HMS og sikkerhet",
            "Arbejdsmiljø og sikkerhed",
            "Health and safety",
        ),
        sv="arbetsmiljö* | skyddsutrustning* | säkerhetsdatablad* | olycksrisk* | olycka* | "
        "personsäkerhet* | skyddsföreskrift*",
        nb="hms | arbeidsmiljø* | verneutstyr* | sikkerhetsdatablad* | ulykke* | personsikkerhet*",
        da="arbejdsmiljø* | værnemidler | sikkerhedsdatablad* | ulykke* | personsikkerhed*",
        en="health and safety | hse | work environment | protective equipment | ppe | "
        "safety data sheet* | accident*",
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
    # --- Taxonomy: specifications, substances, ergonomics, hygiene ------------------------
    _c(
        "product.specs",
        (
            "Produktspecifikationer",
            "Produktspesifikasjoner",
            "Produktspecifikationer",
            "Product specifications",
        ),
        w=0.8,
        sv="specifikation* | spec | specen | kravspecifikation* | tekniska data | teknisk specifikation | "
        "dimension* | sammansättning* | receptur* | innehållsförteckning*",
        nb="spesifikasjon* | spec | kravspesifikasjon* | tekniske data | teknisk spesifikasjon | "
        "dimensjon* | sammensetning* | ingrediensliste*",
        da="specifikation* | spec | kravspecifikation* | tekniske data | teknisk specifikation | "
        "dimension* | sammensætning* | receptur* | ingrediensliste*",
        en="specification* | spec | specs | spec sheet* | technical data | technical specification* | "
        "dimensions | composition | recipe* | ingredient list*",
    ),
    _c(
        "chemicals",
        (
            "Kemikalier och farliga ämnen",
            "Kjemikalier og farlige stoffer",
            "Kemikalier og farlige stoffer",
            "Chemicals and hazardous substances",
        ),
        sv="kemikalie* | farliga ämnen | farligt ämne | reach förordningen | reach krav* | svhc | pfas | "
        "ftalat* | bisfenol* | giftfri* | kandidatförteckning* | basta | byggvarubedömning* | sunda hus | "
        "prio-ämne* | utfasningsämne* | lösningsmedel* | voc",
        nb="kjemikalie* | farlige stoffer | farlig stoff | reach forordningen | reach krav* | svhc | pfas | "
        "ftalat* | bisfenol* | giftfri* | kandidatliste* | prioritetsliste* | miljøgift* | løsemiddel* | "
        "voc | emisjonsklass*",
        da="kemikalie* | farlige stoffer | farligt stof | reach forordningen | reach krav* | svhc | pfas | "
        "ftalat* | bisfenol* | giftfri* | kandidatliste* | miljøgift* | opløsningsmiddel* | voc | "
        "afgasning*",
        en="chemical* | hazardous substance* | dangerous substance* | reach regulation | reach compliance | "
        "reach compliant | svhc | pfas | forever chemicals | phthalate* | bisphenol* | toxic-free | "
        "non-toxic | candidate list | solvent* | voc | vocs | off-gassing",
    ),
    _c(
        "ergonomics",
        ("Ergonomi", "Ergonomi", "Ergonomi", "Ergonomics"),
        broader=("safety",),
        sv="ergonomi* | tunga lyft | belastningsskad* | arbetsställning* | förslitningsskad* | "
        "höj och sänkbar* | vibration* | lyfthjälp* | tungt att lyfta | för tunga",
        nb="ergonomi* | tunge løft | belastningsskade* | arbeidsstilling* | slitasjeskade* | hev senk* | "
        "vibrasjon* | løftehjelp* | tungt å løfte | for tunge",
        da="ergonomi* | tunge løft | belastningsskade* | arbejdsstilling* | nedslidning* | hæve sænke* | "
        "vibration* | løftehjælp* | tungt at løfte | for tunge",
        en="ergonomic* | heavy lifting | heavy lifts | strain injur* | repetitive strain | posture | "
        "height-adjustable | height adjustable | vibration* | lifting aid* | too heavy",
    ),
    _c(
        "hygiene",
        (
            "Hygien och rengöring",
            "Hygiene og renhold",
            "Hygiejne og rengøring",
            "Hygiene and cleaning",
        ),
        sv="hygien* | hygienisk* | rengöring* | rengöra | lätt att rengöra | lättstädad* | diskmaskin* | "
        "desinfektion* | desinficera* | smittspridning* | städning*",
        nb="hygiene* | hygienisk* | renhold* | rengjøring* | rengjøre | lett å rengjøre | desinfeksjon* | "
        "desinfisere* | smittevern* | smittespredning*",
        da="hygiejne* | hygiejnisk* | rengøring* | rengøre | let at rengøre | nem at rengøre | "
        "desinfektion* | desinficere* | smittespredning* | smitteforebyg*",
        en="hygiene | hygienic | cleaning | easy to clean | cleanable | wash down | washdown | disinfect* | "
        "infection control | cross-infection",
    ),
)

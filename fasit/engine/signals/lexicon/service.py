"""Service: maintenance, response, support, language, documentation, training, installation, warranty, returns."""

from __future__ import annotations

from typing import Final

from fasit.engine.signals.lexicon._base import Concept
from fasit.engine.signals.lexicon._base import concept as _c

CONCEPTS: Final[tuple[Concept, ...]] = (
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
        "upptid* | vite | viten | garanterad responstid | garanterad tillgänglighet | tillgänglighet i procent",
        nb="sla | tjenestenivå* | servicenivå* | oppetid* | oppetidsgaranti* | dagbot* | "
        "garantert responstid | garantert tilgjengelighet | garantert oppetid",
        da="sla | serviceniveau* | oppetid* | oppetidsgaranti* | bod | bodsbestemmelse* | "
        "garanteret responstid | garanteret tilgængelighed | garanteret oppetid",
        en="sla | slas | service level* | uptime | availability guarantee* | penalty clause* | "
        "penalties | guaranteed response | guaranteed availability | guaranteed uptime",
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
        "gmp | en 10204 | fda-godkän* | ackrediter*",
        nb="sertifikat* | sertifisert* | ce-merk* | ce merk* | ce | samsvarserklæring* | "
        "eu-erklæring* | atex | iso 9001 | iso 14001 | iso 45001 | analysesertifikat* | "
        "materialsertifikat* | typegodkjen* | gmp | en 10204 | fda-godkjen* | akkredit*",
        da="certifikat* | certificeret* | ce-mærk* | ce mærk* | ce | "
        "overensstemmelseserklæring* | eu-overensstemmelseserklæring* | atex | iso 9001 | "
        "iso 14001 | iso 45001 | analysecertifikat* | materialecertifikat* | typegodkend* | "
        "gmp | en 10204 | fda-godkend* | akkredit*",
        en="certificate* | certified | ce mark* | ce-mark* | ce | declaration of conformity | "
        "declarations of conformity | atex | iso 9001 | iso 14001 | iso 45001 | "
        "certificate of analysis | coa | mill certificate* | material certificate* | "
        "type approv* | gmp | en 10204 | fda approv* | accredit*",
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
        "support.remote",
        ("Fjärrsupport", "Fjernsupport", "Fjernsupport", "Remote support"),
        broader=("support",),
        sv="fjärrsupport* | fjärrhjälp* | fjärruppkoppling* | fjärråtkomst* | teamviewer | videosupport* | "
        "videosamtal | koppla upp sig | felsöka på distans | felsökning på distans",
        nb="fjernsupport* | fjernhjelp* | fjerntilgang* | teamviewer | videosupport* | videosamtale | "
        "koble seg opp | feilsøke på avstand | feilsøking på avstand",
        da="fjernsupport* | fjernhjælp* | fjernadgang* | teamviewer | videosupport* | videoopkald | "
        "koble sig på | fejlfinde på afstand | fejlfinding på afstand",
        en="remote support | remote assistance | remote access | remote help | teamviewer | video support | "
        "video call* | dial in | remote troubleshooting | troubleshoot remotely",
    ),
)

"""Digital: reporting, integration, portals and log-in, hosting, security, data protection, data, AI, compliance."""

from __future__ import annotations

from typing import Final

from fasit.engine.signals.lexicon._base import Concept
from fasit.engine.signals.lexicon._base import concept as _c

CONCEPTS: Final[tuple[Concept, ...]] = (
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
        "självbetjäning*",
        nb="kundeportal* | portal* | min side | mine sider | app | appen | apper | mobilapp* | "
        "ordrehistorikk* | på ett sted | se ~ ordrer | se ~ fakturaer | "
        "selvbetjening* | selvbetjent",
        da="kundeportal* | portal* | min side | mine sider | app | appen | apps | mobilapp* | "
        "ordrehistorik* | ét sted | finde ordrer | se ~ ordrer | se ~ fakturaer | "
        "selvbetjening* | selvbetjent",
        en="customer portal* | portal* | my pages | app | apps | mobile app* | self-service | "
        "order history | in one place | see ~ orders | see ~ invoices | "
        "self service",
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
    # --- Taxonomy: log-in, hosting, meter data, accessibility -----------------------------
    _c(
        "digital.sso",
        (
            "Inloggning och användarkonton (SSO)",
            "Innlogging og brukerkontoer (SSO)",
            "Login og brugerkonti (SSO)",
            "Single sign-on and user accounts",
        ),
        sv="sso | single sign on | inloggning* | logga in | loggar in | lösenord* | tvåfaktor* | mfa | 2fa | "
        "bankid | azure ad | entra id | active directory | identitetsleverantör* | användarkonton | "
        "användarkonto | användarhantering* | behörighetsstyrning* | scim | saml | okta",
        nb="sso | innlogging* | logge inn | logger inn | passord* | tofaktor* | totrinns* | mfa | 2fa | "
        "bankid | azure ad | entra id | active directory | identitetsleverandør* | brukerkontoer | "
        "brukerkonto* | brukeradministrasjon* | tilgangsstyring* | scim | saml | okta | id porten | feide",
        da="sso | login | log ind | logge ind | logger ind | logge på | adgangskode* | password* | "
        "tofaktor* | totrins* | mfa | 2fa | mitid | nemid | azure ad | entra id | active directory | "
        "identitetsudbyder* | brugerkonti | brugerkonto* | brugeradministration* | adgangsstyring* | "
        "scim | saml | okta",
        en="single sign on | sso | login | log in | logins | password* | two-factor | 2fa | mfa | "
        "multi-factor | azure ad | entra | entra id | active directory | identity provider* | idp | "
        "user account* | user provisioning | provisioning | user management | access rights | scim | "
        "saml | okta",
    ),
    _c(
        "digital.hosting",
        (
            "Molntjänst eller lokal drift",
            "Skytjeneste eller lokal drift",
            "Cloud eller lokal drift",
            "Cloud or on-premise",
        ),
        w=0.8,
        sv="molnet | molntjänst* | molnbaserad* | saas | on-prem* | on premise | lokalt installerad* | "
        "egen server* | egna servrar | hosting | hostad* | driftleverantör* | serverhall*",
        nb="skyen | skytjeneste* | skyløsning* | skybasert* | saas | on-prem* | lokal installasjon | "
        "egen server* | egne servere | hosting | hostet | driftsleverandør*",
        da="skyen | cloud* | skyløsning* | saas | on-prem* | lokal installation | egen server* | "
        "egne servere | hosting | hostet | driftsleverandør*",
        en="cloud | in the cloud | cloud-based | saas | on-prem* | on premise | on-premise | self-hosted | "
        "hosting | hosted | own servers",
    ),
    _c(
        "meter_data",
        (
            "Mätvärden och mätardata",
            "Måleverdier og målerdata",
            "Måledata og målerdata",
            "Meter data",
        ),
        sv="mätvärde* | mätardata | mätdata | mätare | mätarna | elmätare* | smarta mätare | timvärde* | "
        "kvartsvärde* | timmätning* | kvartsmätning* | mätaravläsning* | förbrukningsdata | datahub* | "
        "per kvart",
        nb="måleverdi* | målerdata | måledata | måleren | målerne | strømmåler* | ams | ams måler* | "
        "smarte målere | timesverdi* | timeverdi* | kvartersverdi* | timesmåling* | måleravlesning* | "
        "forbruksdata | elhub*",
        da="måleværdi* | målerdata | måledata | måleren | målerne | elmåler* | fjernaflæst* | "
        "smarte målere | timeværdi* | kvarterværdi* | timeaflæsning* | måleraflæsning* | forbrugsdata | "
        "datahub*",
        en="meter data | metering | meter reading* | smart meter* | interval data | hourly value* | "
        "hourly data | quarter-hourly | 15-minute value* | consumption data | meters | ami",
    ),
    _c(
        "accessibility",
        (
            "Tillgänglighet för alla (WCAG)",
            "Universell utforming (WCAG)",
            "Tilgængelighed for alle (WCAG)",
            "Accessibility (WCAG)",
        ),
        sv="wcag | tillgänglighetskrav* | tillgänglighetsdirektiv* | webbtillgänglighet* | "
        "digital tillgänglighet | tillgänglig för alla | tillgängligt för alla | "
        "tillgänglighetsanpass* | skärmläsare* | talsyntes* | funktionsnedsättning* | funktionshinder* | "
        "synnedsättning* | synskadad* | större text | tillgänglighetslag*",
        nb="wcag | universell utforming | universelt utformet | uu krav* | tilgjengelighetskrav* | "
        "tilgjengelighetsdirektiv* | tilgjengelig for alle | skjermleser* | talesyntese* | "
        "funksjonsnedsettelse* | funksjonshemme* | synshemme* | svaksynt* | "
        "større tekst",
        da="wcag | webtilgængelighed* | tilgængelighedskrav* | tilgængelighedsdirektiv* | "
        "tilgængelig for alle | digital tilgængelighed | skærmlæser* | oplæsning* | handicap* | "
        "funktionsnedsættelse* | svagsynede | synshandicap* | større tekst",
        en="accessibility | accessible | wcag | universal design | screen reader* | assistive technolog* | "
        "disabilit* | visually impaired | impaired vision | larger text | european accessibility act",
    ),
)

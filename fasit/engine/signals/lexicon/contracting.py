"""Contracting: rebates, early-payment discounts, credit limits, currency, invoice errors, licence models, fuel surcharges, trade marketing, penalties, liability, exit, public procurement rules, budgets."""

from __future__ import annotations

from typing import Final

from fasit.engine.signals.lexicon._base import Concept
from fasit.engine.signals.lexicon._base import concept as _c

CONCEPTS: Final[tuple[Concept, ...]] = (
    # --- Discounts, payment and currency -----------------------------------------------
    _c(
        "price.rebate",
        (
            "Bonus och återbäring",
            "Bonus og etterskuddsrabatt",
            "Bonus og efterrabat",
            "Rebates and bonuses",
        ),
        broader=("price.discount", "price"),
        sv="årsbonus* | bonusavtal* | bonustrappa* | återbäring* | kickback* | retrobonus* | "
        "efterhandsrabatt* | omsättningsbonus* | bonus | tillväxtbonus*",
        nb="årsbonus* | bonusavtale* | bonustrapp* | kickback* | etterskuddsrabatt* | omsetningsbonus* | "
        "bonus | retrobonus* | vekstbonus*",
        da="årsbonus* | bonusaftale* | bonustrappe* | kickback* | efterbonus* | efterrabat* | "
        "omsætningsbonus* | bonus | retrobonus* | vækstbonus*",
        en="rebate* | year-end bonus | annual bonus | bonus | retrospective discount* | retro bonus | "
        "growth bonus | kickback*",
    ),
    _c(
        "payment.early_discount",
        ("Kassarabatt", "Kontantrabatt", "Kontantrabat", "Early payment discount"),
        broader=("payment.terms", "price.discount"),
        sv="kassarabatt* | kontantrabatt* | rabatt vid snabb betalning | skonto | betalningsrabatt*",
        nb="kontantrabatt* | rabatt ved rask betaling | skonto | betalingsrabatt*",
        da="kontantrabat* | rabat ved hurtig betaling | skonto | betalingsrabat*",
        en="early payment discount* | prompt payment discount* | cash discount* | skonto | "
        "discount for early payment | pay early | paying early",
    ),
    _c(
        "payment.credit_limit",
        ("Kreditgräns", "Kredittgrense", "Kreditmaksimum", "Credit limit"),
        broader=("payment.terms",),
        sv="kreditgräns* | kreditlimit* | kreditramen | kreditupplysning* | kreditprövning* | kreditspärr* | "
        "spärrat konto | kontot ~ spärrat | bankgaranti* | moderbolagsgaranti*",
        nb="kredittgrense* | kredittsjekk* | kredittvurdering* | kontoen ~ sperret | sperret konto | "
        "bankgaranti* | morselskapsgaranti*",
        da="kreditmaksimum* | kreditgrænse* | kreditvurdering* | kredittjek* | kontoen ~ spærret | "
        "spærret konto | bankgaranti* | moderselskabsgaranti*",
        en="credit limit* | credit check* | credit rating* | credit hold | account on hold | on stop | "
        "bank guarantee* | parent company guarantee*",
    ),
    _c(
        "currency",
        ("Valuta", "Valuta", "Valuta", "Currency"),
        sv="valuta* | växelkurs* | valutarisk* | valutakurs* | i euro | euro | eur | sek | dkk | usd | "
        "dollar* | i kronor | svenska kronor | i lokal valuta",
        nb="valuta* | vekslingskurs* | valutarisiko* | valutakurs* | i euro | euro | eur | dollar* | "
        "i kroner | norske kroner | i lokal valuta",
        da="valuta* | vekselkurs* | valutarisiko* | valutakurs* | i euro | euro | eur | dkk | dollar* | "
        "i kroner | danske kroner | i lokal valuta",
        en="currency | currencies | exchange rate* | fx | fx risk | in euros | in euro | euro | euros | "
        "eur | sek | dkk | usd | dollar* | local currency",
    ),
    _c(
        "invoice.errors",
        ("Felaktiga fakturor", "Feil i fakturaene", "Fejl i fakturaerne", "Invoice errors"),
        broader=("invoice",),
        sv="felaktig* faktur* | fel på faktura* | fel i faktura* | fakturafel | felfakturer* | "
        "dubbelfakturer* | kreditera* | kreditnota* | fel pris på ~ faktura*",
        nb="feil i faktura* | feil på faktura* | fakturafeil | feilfakturer* | dobbeltfakturer* | "
        "kreditere* | kreditnota* | fakturaene er feil | fakturaen er feil",
        da="fejl i faktura* | fejl på faktura* | fakturafejl | fejlfakturer* | dobbeltfakturer* | "
        "kreditere* | kreditnota* | fakturaerne er forkerte | fakturaen er forkert",
        en="wrong invoice* | incorrect invoice* | invoice error* | billing error* | errors on ~ invoice* | "
        "double billing | double-billed | overbilled | overcharged | credited",
    ),
    # --- Price models and surcharges ----------------------------------------------------
    _c(
        "price.license",
        ("Licensmodell", "Lisensmodell", "Licensmodel", "Licence model"),
        broader=("price.model",),
        sv="licensmodell* | licens per användare | per användare | användarlicens* | namngivna användare | "
        "samtidiga användare | samtidiga licenser | företagslicens* | sitelicens* | koncernlicens* | "
        "obegränsat antal användare | räkna användare | per licens | ny licens | licenskostnad* | licens*",
        nb="lisensmodell* | lisens per bruker | per bruker | brukerlisens* | navngitte brukere | "
        "samtidige brukere | samtidige lisenser | bedriftslisens* | konsernlisens* | "
        "ubegrenset antall brukere | per lisens | ny lisens | lisenskostnad* | lisens*",
        da="licensmodel* | licens per bruger | per bruger | brugerlicens* | navngivne brugere | "
        "samtidige brugere | samtidige licenser | virksomhedslicens* | koncernlicens* | "
        "ubegrænset antal brugere | per licens | ny licens | licensomkostning* | licens*",
        en="licence model | license model | licensing | per user | per seat | named user* | "
        "concurrent user* | concurrent licen* | enterprise licen* | site licen* | unlimited users | "
        "seats | user-based | licence* | license*",
    ),
    _c(
        "price.fuel_surcharge",
        ("Drivmedelstillägg", "Drivstofftillegg", "Brændstoftillæg", "Fuel surcharge"),
        broader=("price.indexation", "price"),
        sv="bränsletillägg* | drivmedelstillägg* | dieseltillägg* | dieselklausul* | bränsleklausul* | "
        "drivmedelsklausul* | dieselpris* | bränslepris* | drivmedelspris* | bunkertillägg* | baf",
        nb="drivstofftillegg* | dieseltillegg* | dieselklausul* | drivstoffklausul* | dieselpris* | "
        "drivstoffpris* | bunkerstillegg* | baf",
        da="brændstoftillæg* | brændstofstillæg* | dieseltillæg* | dieselklausul* | brændstofklausul* | "
        "dieselpris* | brændstofpris* | baf",
        en="fuel surcharge* | diesel surcharge* | fuel clause* | diesel clause* | diesel index* | "
        "fuel index* | diesel price* | fuel price* | bunker surcharge* | baf",
    ),
    _c(
        "trade.marketing",
        (
            "Kampanjer och marknadsstöd",
            "Kampanjer og markedsstøtte",
            "Kampagner og markedsføringsstøtte",
            "Promotions and marketing support",
        ),
        sv="kampanj* | marknadsföringsbidrag* | marknadsstöd* | marknadsföring* | marknadsmaterial* | "
        "säljmaterial* | säljstöd* | hyllplats* | hyllplacering* | listningsavgift* | listning* | "
        "exponering* | provsmakning* | butiksmaterial* | reklambidrag* | annonsering i butik",
        nb="kampanje* | markedsføringsbidrag* | markedsføring* | markedsstøtte* | markedsmateriell* | "
        "salgsmateriell* | hylleplass* | hylleplassering* | listingavgift* | listing* | eksponering* | "
        "smaksprøv* | butikkmateriell* | reklamebidrag*",
        da="kampagne* | markedsføringsbidrag* | markedsføring* | markedsføringsstøtte* | markedsmateriale* | "
        "salgsmateriale* | hyldeplads* | hyldeplacering* | listningsgebyr* | listning* | eksponering* | "
        "smagsprøv* | butiksmateriale* | reklamebidrag*",
        en="promotion* | promo | promos | campaign* | marketing support | marketing budget | marketing | "
        "marketing material* | co-marketing | joint marketing | trade marketing | shelf space | "
        "listing fee* | slotting fee* | in-store | point of sale | pos material* | tasting*",
    ),
    # --- Contract terms -------------------------------------------------------------------
    _c(
        "contract.penalty",
        (
            "Viten och kompensation",
            "Dagbøter og kompensasjon",
            "Bod og kompensation",
            "Penalties and service credits",
        ),
        broader=("contract",),
        sv="vite | viten | vitesklausul* | förseningsvite* | prisavdrag* | avdrag på fakturan | "
        "kompensation* | ersättning vid | skadestånd* | sanktion* | servicekredit*",
        nb="dagbot* | dagmulkt* | konvensjonalbot* | prisavslag* | kompensasjon* | erstatning ved | "
        "sanksjon* | servicekreditt*",
        da="bod | dagbod* | konventionalbod* | bodsbestemmelse* | prisafslag* | kompensation* | "
        "erstatning ved | sanktion* | servicekredit*",
        en="penalty | penalties | penalty clause* | liquidated damages | service credit* | compensation | "
        "compensate | damages | sanction* | deduction*",
    ),
    _c(
        "contract.liability",
        (
            "Ansvar och försäkring",
            "Ansvar og forsikring",
            "Ansvar og forsikring",
            "Liability and insurance",
        ),
        broader=("contract",),
        sv="ansvarsbegränsning* | ansvarsförsäkring* | produktansvar* | försäkring* | försäkrad* | "
        "skadeståndsansvar* | obegränsat ansvar | ansvarstak* | friskrivning*",
        nb="ansvarsbegrensning* | ansvarsforsikring* | produktansvar* | forsikring* | forsikret | "
        "erstatningsansvar* | ubegrenset ansvar | ansvarstak* | ansvarsfraskrivelse*",
        da="ansvarsbegrænsning* | ansvarsforsikring* | produktansvar* | forsikring* | forsikret | "
        "erstatningsansvar* | ubegrænset ansvar | ansvarsloft* | ansvarsfraskrivelse*",
        en="liability | liabilities | limitation of liability | liability cap | product liability | "
        "insurance | insured | indemnit* | unlimited liability",
    ),
    _c(
        "contract.exit",
        (
            "Exit och byte av leverantör",
            "Exit og bytte av leverandør",
            "Exit og skift af leverandør",
            "Exit and switching supplier",
        ),
        broader=("contract",),
        sv="exitplan* | exit | när avtalet upphör | när avtalet löper ut | avtalet ~ löper ut | "
        "avsluta avtalet | byta leverantör | byter leverantör | byta system | byter system | "
        "inlåsning* | leverantörsberoende | migrering* | migrera* | flytta ~ data*",
        nb="exitplan* | exit | avslutte avtalen | avslutter avtalen | når avtalen ~ utløper | "
        "når avtalen ~ går ut | bytte leverandør | bytter leverandør | bytte system | bytter system | "
        "innlåsing* | leverandøravhengig* | låst til | migrering* | migrere* | flytte ~ data* | "
        "få med oss ~ data*",
        da="exitplan* | exit | opsige aftalen | når aftalen udløber | aftalen udløber | når aftalen ophører | "
        "skifte leverandør | skifter leverandør | skifte system | skifter system | fastlåst* | låst til | "
        "bundet til | leverandørafhængig* | migrering* | migrere* | flytte ~ data* | få ~ data ud",
        en="exit plan* | exit strategy | exit | when the contract ends | when ~ contract ends | "
        "end of the contract | if we leave | switch supplier* | switching supplier* | change supplier* | "
        "switch system* | vendor lock-in | locked in to | migration* | migrate | data portability | "
        "full export | take our data",
    ),
    _c(
        "procurement.public",
        (
            "Offentlig upphandling och regler",
            "Offentlige anskaffelser og regler",
            "Offentlige udbud og regler",
            "Public procurement rules",
        ),
        broader=("procurement",),
        sv="lou | lagen om offentlig upphandling | offentlig upphandling | offentliga upphandlingar | "
        "direktupphandl* | tröskelvärde* | annonsera upphandling* | annonsering* | annonsera | "
        "upphandlingsplikt* | överprövning* | förnyad konkurrensutsättning | kammarkollegiet | adda | "
        "tilldelningsbeslut* | kvalificeringskrav* | ska-krav | utvärderingskriteri*",
        nb="anskaffelsesloven | anskaffelsesforskrift* | offentlig anskaffelse* | offentlige anskaffelser | "
        "direkteanskaffelse* | direktekjøp | terskelverdi* | kunngjøring* | kunngjøre* | doffin | "
        "lyse ut | lyses ut | utlysning* | konkurranseutsett* | klagenemnd* | kofa | minikonkurranse* | "
        "tildelingskriteri* | kvalifikasjonskrav*",
        da="udbudsloven | udbudsregler* | offentligt udbud | offentlige udbud | direkte tildeling | "
        "tærskelværdi* | annoncere* | annoncering* | udbudspligt* | klagenævn* | miniudbud* | "
        "tildelingskriteri* | egnethedskrav* | i udbud",
        en="public procurement | public tender* | procurement rules | procurement law | procurement act | "
        "direct award* | threshold* | advertise the tender | advertised tender* | ted | doffin | "
        "mini-competition* | mini competition* | award criteria | evaluation criteria",
    ),
    _c(
        "budget",
        (
            "Budget och beslutstidpunkt",
            "Budsjett og beslutningstidspunkt",
            "Budget og beslutningstidspunkt",
            "Budget and timing",
        ),
        sv="budget* | budgetår* | budgeterat | budgetera* | investeringsbudget* | budgetprocess* | "
        "verksamhetsplan* | räkenskapsår* | budgetmedel | pengar avsatta | avsatta medel | anslag* | "
        "nämnden beslutar | fullmäktige | styrelsen beslutar | nästa års pengar",
        nb="budsjett* | budsjettår* | budsjettere* | investeringsbudsjett* | regnskapsår* | bevilgning* | "
        "bevilget | styret vedtar | styret ~ behandlet | kommunestyret | vedtatt budsjett | midler avsatt | "
        "avsatt midler",
        da="budget* | budgetår* | budgettere* | investeringsbudget* | regnskabsår* | bevilling* | bevilget | "
        "byrådet | kommunalbestyrelsen | bestyrelsen vedtager | midler afsat | afsatte midler | finanslov*",
        en="budget* | budgeted | fiscal year | financial year | capex budget | funds allocated | funding | "
        "approved by the board | board approval | council vote* | council approv*",
    ),
)

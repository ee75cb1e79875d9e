"""Food, fresh goods and retail: food safety, allergens, shelf life, cold chain, labelling and barcodes, product data, pack sizes, less plastic."""

from __future__ import annotations

from typing import Final

from fasit.engine.signals.lexicon._base import Concept
from fasit.engine.signals.lexicon._base import concept as _c

CONCEPTS: Final[tuple[Concept, ...]] = (
    _c(
        "food.safety",
        ("Livsmedelssäkerhet", "Mattrygghet", "Fødevaresikkerhed", "Food safety"),
        broader=("quality",),
        sv="livsmedelssäkerhet* | haccp | brc | brcgs | ifs | fssc* | iso 22000 | livsmedelsverket | "
        "egenkontroll* | främmande föremål | metalldetektor* | listeria | salmonella | återkallelse* | "
        "återkalla* | indragning*",
        nb="mattrygghet* | næringsmiddelsikkerhet* | haccp | brc | brcgs | ifs | fssc* | iso 22000 | "
        "mattilsynet | internkontroll* | fremmedlegeme* | metalldetektor* | listeria | salmonella | "
        "tilbaketrekking* | tilbakekall*",
        da="fødevaresikkerhed* | haccp | brc | brcgs | ifs | fssc* | iso 22000 | fødevarestyrelsen | "
        "egenkontrol* | fremmedlegeme* | metaldetektor* | listeria | salmonella | tilbagekald*",
        en="food safety | haccp | brc | brcgs | ifs | fssc | iso 22000 | foreign bod* | foreign object* | "
        "metal detect* | listeria | salmonella | recall* | product recall*",
    ),
    _c(
        "food.allergens",
        ("Allergener", "Allergener", "Allergener", "Allergens"),
        broader=("food.safety",),
        sv="allergen* | allergi* | gluten* | glutenfri* | laktos* | laktosfri* | nötter | nötspår | "
        "jordnötter | spår av | kan innehålla spår | korskontaminer* | sesam | selleri | senap | "
        "mjölkprotein*",
        nb="allergen* | allergi* | gluten* | glutenfri* | laktose* | laktosefri* | nøtter | peanøtter | "
        "spor av | kan inneholde spor | krysskontaminer* | sesam | selleri | sennep | melkeprotein*",
        da="allergen* | allergi* | gluten* | glutenfri* | laktose* | laktosefri* | nødder | jordnødder | "
        "spor af | kan indeholde spor | krydskontaminer* | sesam | selleri | sennep | mælkeprotein*",
        en="allergen* | allerg* | gluten* | gluten-free | lactose* | nuts | nut traces | peanut* | "
        "traces of | may contain | may-contain | cross-contaminat* | cross contaminat* | sesame | "
        "celery | mustard",
    ),
    _c(
        "shelf_life",
        (
            "Hållbarhet och bäst före",
            "Holdbarhet og best før",
            "Holdbarhed og bedst før",
            "Shelf life",
        ),
        sv="hållbarhetstid* | bäst före* | bäst-före* | sista förbrukningsdag* | utgångsdatum* | "
        "restlevnadstid* | resthållbarhet* | kort datum | korta datum | kortdaterad* | datummärkning* | "
        "lång hållbarhet | kort hållbarhet | längre hållbarhet | kortare hållbarhet | "
        "måste slänga | svinn* | matsvinn*",
        nb="holdbarhet* | holdbarhetsdato* | best før* | siste forbruksdag* | utløpsdato* | "
        "restholdbarhet* | kort dato | kortdatert* | datomerking* | lang holdbarhet | kort holdbarhet | "
        " kaste mat | svinn* | matsvinn*",
        da="holdbarhed* | holdbarhedsdato* | bedst før* | sidste anvendelsesdato* | udløbsdato* | "
        "restholdbarhed* | restlevetid* | kort dato | kortdateret* | datomærkning* | lang holdbarhed | "
        "kort holdbarhed | smide ud | kassere | madspild* | svind*",
        en="shelf life | shelf-life | best before | best-before | use by | use-by | expiry date* | "
        "expiration date* | remaining shelf life | short-dated | short dated | date code* | food waste | "
        "write-off* | throw away",
    ),
    _c(
        "cold_chain",
        (
            "Kylkedja och temperatur",
            "Kjølekjede og temperatur",
            "Kølekæde og temperatur",
            "Cold chain and temperature",
        ),
        sv="kylkedja* | kyltransport* | kylbil* | frysbil* | temperatur* | temperaturlogg* | "
        "temperaturkontroll* | kyld* | kylvar* | frysvar* | fryst | frysta | djupfryst* | kylrum* | "
        "fryslager* | kylförvaring | minusgrader | plusgrader | tinade",
        nb="kjølekjede* | kjøletransport* | kjølebil* | frysebil* | temperatur* | temperaturlogg* | "
        "temperaturmåling* | temperaturkontroll* | kjølt* | kjølevar* | frysevar* | fryst | frosne | "
        "dypfryst* | kjølerom* | fryselager* | minusgrader | plussgrader | tint",
        da="kølekæde* | køletransport* | kølebil* | frysebil* | temperatur* | temperaturlog* | "
        "temperaturmåling* | temperaturkontrol* | kølet* | kølevar* | frostvar* | frossen | frosne | "
        "dybfrost* | kølerum* | frostlager* | minusgrader | plusgrader | optø*",
        en="cold chain | cold-chain | refrigerated | reefer* | temperature* | temperature log* | "
        "temperature-controlled | chilled | frozen | deep-frozen | cold store* | cold storage | "
        "freezer* | thawed | thaw*",
    ),
    _c(
        "labelling",
        (
            "Märkning och streckkoder",
            "Merking og strekkoder",
            "Mærkning og stregkoder",
            "Labelling and barcodes",
        ),
        sv="märkning* | märka | etikett* | streckkod* | ean | ean-kod* | gtin | gs1 | sscc | "
        "pallettikett* | kollietikett* | pallmärkning* | skanna | skannas | scanna | scannas | rfid | "
        "qr-kod* | datummärk*",
        nb="merking* | etikett* | strekkode* | ean | ean-kode* | gtin | gs1 | sscc | palleetikett* | "
        "kollietikett* | pallmerking* | skanne | skannes | scanne | scannes | rfid | qr-kode*",
        da="mærkning* | etiket* | stregkode* | ean | ean-kode* | gtin | gs1 | sscc | palleetiket* | "
        "kollietiket* | label | labels | scanne | scannes | skanne | rfid | qr-kode*",
        en="labelling | labeling | label | labels | barcode* | bar code* | ean | gtin | gs1 | sscc | "
        "pallet label* | case label* | scan | scanned | scanning | scannable | rfid | qr code* | relabel*",
    ),
    _c(
        "product.data",
        (
            "Produktdata och produktinformation",
            "Produktdata og produktinformasjon",
            "Produktdata og produktinformation",
            "Product data and information",
        ),
        sv="produktdata | produktinformation | produktinfo | artikeldata | artikelinformation | grunddata | "
        "masterdata | stamdata | pim | produktbild* | produktbeskrivning* | produktregister* | "
        "artikelregister* | validoo | dabas",
        nb="produktdata | produktinformasjon | produktinfo | artikkeldata | varedata | vareinformasjon | "
        "grunndata | masterdata | stamdata | pim | produktbilde* | produktbeskrivelse* | produktregister* | "
        "vareregister* | tradesolution | nobb | efobasen",
        da="produktdata | produktinformation | produktinfo | varedata | vareinformation | stamdata | "
        "masterdata | pim | produktbillede* | produktbeskrivelse* | vareregister* | varekartotek*",
        en="product data | product information | product info | item data | master data | pim | "
        "product image* | product description* | data pool | gdsn",
    ),
    _c(
        "packaging.size",
        ("Förpackningsstorlekar", "Pakningsstørrelser", "Pakningsstørrelser", "Pack sizes"),
        broader=("packaging",),
        sv="förpackningsstorlek* | storpack* | storförpackning* | bulk | i bulk | mindre förpackningar | "
        "större förpackningar | småförpackning* | förpackningsenhet* | styckförpack* | portionsförpack* | "
        "big bag* | ibc",
        nb="pakningsstørrelse* | storpakning* | storpakke* | bulk | i bulk | mindre pakninger | "
        "større pakninger | småpakning* | pakningsenhet* | porsjonspakning* | big bag* | ibc",
        da="pakningsstørrelse* | storpakning* | storkøbspakning* | bulk | i bulk | mindre pakninger | "
        "større pakninger | småpakning* | pakningsenhed* | portionspakning* | big bag* | ibc",
        en="pack size* | package size* | bulk pack* | in bulk | bulk | smaller packs | larger packs | "
        "bigger packs | multipack* | portion pack* | big bag* | ibc | ibcs | case size*",
    ),
    _c(
        "packaging.plastic",
        (
            "Mindre plast och återvinningsbara förpackningar",
            "Mindre plast og gjenvinnbar emballasje",
            "Mindre plast og genanvendelig emballage",
            "Less plastic, recyclable packaging",
        ),
        broader=("packaging", "sustainability"),
        sv="mindre plast | plastfri* | plastminskning* | minska plasten | minska ~ plast* | monomaterial* | "
        "återvinningsbar* förpackning* | återvinningsbara förpackningar | förpackning* ~ återvinna | "
        "papper i stället för plast | kartong i stället | laminat* | krympfilm* | plastpåse* | "
        "onödig förpackning | överförpackning*",
        nb="mindre plast | plastfri* | redusere plast* | kutte plast* | monomateriale* | "
        "resirkulerbar* emballasje | gjenvinnbar* emballasje | papp i stedet for plast | laminat* | "
        "krympefilm* | krympeplast* | plastpose* | unødvendig emballasje | overemballering*",
        da="mindre plast | plastfri* | reducere plast* | skære ned på plast* | monomateriale* | "
        "genanvendelig* emballage | genbrugelig* emballage | pap i stedet for plast | "
        "laminat* | krympefolie* | krympeplast* | plastpose* | unødvendig emballage | overemballering*",
        en="less plastic | plastic-free | plastic free | reduce plastic | cut plastic | mono-material* | "
        "mono material* | recyclable packaging | paper instead of plastic | cardboard instead | laminate* | "
        "shrink film | plastic bag* | unnecessary packaging | overpackaging | over-packaging | "
        "packaging reduction",
    ),
)

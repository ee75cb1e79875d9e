"""Places, buildings, rooms, fixtures and outdoor areas."""

ROWS = """
building | byggnad, hus, fastighet | bygning, bygg, hus, eiendom | bygning, hus, ejendom | property, premises
office | kontor | kontor | kontor |
room | rum, lokal | rom, lokale | rum, lokale | premises
kitchen | kök, storkök, pentry | kjøkken, storkjøkken | køkken, storkøkken | kitchenette
canteen | matsal, personalmatsal, kantin | kantine, spisesal | kantine, spisesal | cafeteria, dining hall, lunchroom
break room | personalrum, fikarum | pauserom, personalrom | pauserum, frokoststue | staff room
toilet | toalett, wc, toa | toalett, wc, do | toilet, wc | restroom, lavatory, bathroom
bathroom | badrum | bad, baderom | badeværelse |
shower | dusch | dusj | bruser, brusebad |
changing room | omklädningsrum | garderobe, omkledningsrom | omklædningsrum | locker room
locker | skåp, klädskåp, låsskåp | skap, garderobeskap | skab, garderobeskab |
corridor | korridor, korridorer, gång | korridor, gang | gang, korridor | hallway, hall
stairs | trappa, trapphus | trapp, trappeoppgang | trappe, opgang | staircase, stairway, steps
lift | hiss | heis | elevator | elevator
entrance | entré, ingång, entre | inngang | indgang | entry, doorway
exit | utgång, nödutgång | utgang, nødutgang | udgang, nødudgang | emergency exit
door | dörr, port | dør, port | dør, port | gate
gate | grind | grind | låge |
window | fönster | vindu | vindue |
wall | vägg | vegg | væg |
floor | golv | gulv | gulv | flooring
storey | våning | etasje | etage | story, level
roof | tak | tak | tag |
ceiling | innertak | himling | loft |
basement | källare | kjeller | kælder | cellar
attic | vind | loft | loftsrum | loft
reception | reception, receptionen | resepsjon, resepsjonen | reception, receptionen | front desk, lobby
lobby | lobby, foajé | lobby, foajé | lobby, foyer | foyer
meeting room | mötesrum, konferensrum | møterom, konferanserom | mødelokale, mødelokaler, konferencerum | conference room, boardroom
classroom | klassrum, lektionssal | klasserom | klasseværelse, klasselokale |
school | skola, grundskola, gymnasium | skole, grunnskole, videregående | skole, folkeskole, gymnasium |
preschool | förskola, dagis | barnehage | børnehave, vuggestue | kindergarten, nursery
university | universitet, högskola | universitet, høgskole | universitet | college
hospital | sjukhus, lasarett | sykehus | hospital, sygehus |
clinic | klinik, vårdcentral, mottagning | klinikk, legekontor, legesenter | klinik, lægehus | health centre, surgery
care home | äldreboende, vårdboende, boende | sykehjem, omsorgsbolig | plejehjem, plejecenter | nursing home
ward | avdelning, vårdavdelning | avdeling, sengepost | afdeling, sengeafsnit |
pharmacy | apotek | apotek | apotek | chemist
shop | butik, affär | butikk, forretning | butik, forretning | store
supermarket | livsmedelsbutik, stormarknad | dagligvarebutikk | supermarked | grocery store
shopping centre | köpcentrum | kjøpesenter | butikscenter, indkøbscenter | mall, shopping center
warehouse | lager, lagerlokal | lager | lager | storehouse, depot
factory | fabrik | fabrikk | fabrik | plant, mill, works
workshop | verkstad | verksted | værksted |
site | byggarbetsplats, arbetsplats | byggeplass, arbeidsplass | byggeplads, arbejdsplads | construction site, building site
yard | gård, gårdsplan | gårdsplass, tun | gårdsplads | courtyard
garden | trädgård | hage | have |
park | park | park | park |
parking | parkering, parkeringsplats, garage, p-plats, p-hus | parkering, parkeringsplass, garasje, p-plass, p-hus | parkering, parkeringsplads, p-plads, p-hus | car park, parking lot, parking space, garage
street | gata, väg | gate, vei | gade, vej | road
pavement | trottoar, gångbana | fortau | fortov | sidewalk
path | gångväg, stig | gangvei, sti | gangsti, sti | walkway
square | torg | torg | torv, plads |
bridge | bro | bru, bro | bro |
tunnel | tunnel | tunnel | tunnel |
port | hamn | havn | havn | harbour, harbor
quay | kaj | kai | kaj | dock, pier, wharf
loading dock | lastkaj, lastbrygga | lasterampe, lasteplass | læsserampe, rampe | loading bay, ramp
terminal | terminal | terminal | terminal |
station | station | stasjon | station |
airport | flygplats | flyplass | lufthavn |
city | stad | by | by | town
village | by, ort | bygd, tettsted | landsby |
country | land | land | land |
area | område | område | område | zone, district
neighbourhood | kvarter, stadsdel | nabolag, bydel | kvarter, bydel | neighborhood
countryside | landsbygd | distrikt, bygd | landet, land | rural area
hotel | hotell | hotell | hotel |
restaurant | restaurang, krog | restaurant | restaurant | eatery
bar | bar, pub | bar, pub | bar, værtshus | pub
cafe | kafé, café, fik | kafé | café | coffee shop
conference centre | konferensanläggning | konferansesenter | konferencecenter |
gym | gym, träningslokal | treningssenter, gym | fitnesscenter | fitness centre
sports hall | idrottshall, sporthall | idrettshall, flerbrukshall | idrætshal, sportshal | arena
swimming pool | simhall, bassäng, badhus | svømmehall, basseng | svømmehal, bassin | pool
field | plan, fotbollsplan, åker | bane, jorde, åker | bane, mark | pitch
stadium | arena | stadion | stadion |
church | kyrka | kirke | kirke |
library | bibliotek | bibliotek | bibliotek |
museum | museum | museum | museum |
theatre | teater | teater | teater | theater
cinema | bio, biograf | kino | biograf |
hall | sal, hall | sal, hall | sal, hal |
apartment | lägenhet | leilighet | lejlighed | flat
house | villa, småhus | enebolig | villa, parcelhus | home
home | hem, bostad | hjem, bolig | hjem, bolig | residence, dwelling
farm | gård, lantbruk | gård, gårdsbruk | gård, landbrug |
barn | lada, ladugård, stall | låve, fjøs, stall | lade, stald | stable
greenhouse | växthus | drivhus | drivhus |
forest | skog | skog | skov | woods
lake | sjö | innsjø | sø |
sea | hav | hav, sjø | hav | ocean
coast | kust | kyst | kyst | shore
island | ö | øy | ø |
mountain | berg, fjäll | fjell | bjerg |
river | älv, å, flod | elv | å, flod |
ground | mark | grunn, bakke | jord, grund | soil
container | container, sopkärl, kärl | container, konteiner | container | skip, bin
bin | soptunna, papperskorg | søppelbøtte, søppeldunk | skraldespand, affaldsspand | trash can, rubbish bin, dustbin
waste room | soprum, miljörum | avfallsrom, søppelrom | affaldsrum, skralderum | bin store
storage room | förråd, lagerrum | bod, lagerrom | depotrum, depot | storeroom
server room | serverrum, datarum | serverrom | serverrum | data centre
bicycle storage | cykelrum, cykelställ, cykelparkering | sykkelbod, sykkelstativ, sykkelparkering | cykelkælder, cykelstativ, cykelparkering | bike rack, bike shed
garage | garage | garasje | garage |
counter | disk, kassa | disk, kasse | disk, kasse | checkout, till
shelf | hylla | hylle | hylde | shelving
desk | skrivbord | skrivebord, pult | skrivebord | workstation
chair | stol | stol | stol | seat
table | bord | bord | bord |
seat | sittplats, säte | sete, sitteplass | sæde, siddeplads |
bed | säng | seng | seng |
furniture | möbler, inredning | møbler, interiør | møbler, inventar | furnishing
facade | fasad | fasade | facade | exterior wall, front
tap | kran, vattenkran | kran, vannkran | hane, vandhane | faucet
sink | handfat, diskho | vask, servant | vask, håndvask | washbasin, basin
pipe | rör, ledning | rør, ledning | rør, ledning | pipework, piping
drain | avlopp, brunn | avløp, sluk | afløb, kloak | sewer, drainage
radiator | element, radiator | ovn, radiator | radiator | heater
lamp | lampa, armatur | lampe, armatur | lampe, armatur | light fitting, fixture
socket | eluttag, uttag | stikkontakt | stikkontakt | outlet, power point
switch | strömbrytare, brytare | bryter, lysbryter | kontakt, afbryder |
lock | lås | lås | lås |
fence | staket, stängsel | gjerde | hegn |
signboard | skylt | skilt | skilt | sign, signage, signpost
map | karta | kart | kort |
route | rutt, sträcka | rute, strekning | rute, strækning | way
destination | destination, mål | destinasjon, mål | destination, mål |
place | plats, ställe | plass, sted | plads, sted | spot, location
location | läge, placering | beliggenhet, plassering | beliggenhed, placering | position
address | adress | adresse | adresse |
back door | bakdörr, baksida | bakdør, bakside | bagdør, bagindgang, bagside | rear entrance
front | framsida | forside | forside |
inside | insida, inomhus | innside, innendørs | inderside, indendørs | indoors
outside | utsida, utomhus | utside, utendørs | yderside, udendørs | outdoors
"""

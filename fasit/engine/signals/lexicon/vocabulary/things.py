"""Things: objects, equipment, vehicles, materials, clothing, documents, utilities and weather."""

ROWS = """
key | nyckel, nycklar | nøkkel, nøkler | nøgle, nøgler | keys
key card | passerkort, nyckelkort, kort, tagg, bricka | nøkkelkort, adgangskort, kort, brikke | nøglekort, adgangskort, kort, brik | access card, card, fob, badge
badge | namnbricka, id-kort, legitimation, passerbricka | navneskilt, id-kort, legitimasjon | navneskilt, id-kort, legitimation | name tag, id card, identification
alarm | larm | alarm | alarm |
camera | kamera, övervakningskamera | kamera, overvåkingskamera | kamera, overvågningskamera | cctv
machine | maskin, apparat, automat | maskin, apparat, automat | maskine, apparat, automat | appliance, device, vending machine
tool | verktyg | verktøy | værktøj | tools
equipment | utrustning | utstyr | udstyr | gear, kit
vehicle | fordon, bil | kjøretøy, bil | køretøj, bil | car
van | skåpbil, servicebil, varubil | varebil, servicebil | varebil, servicebil | service van
truck | lastbil | lastebil | lastbil | lorry
bus | buss | buss | bus | coach
train | tåg | tog | tog | railway
ship | fartyg, båt | skip, båt | skib, båd | boat, vessel
ferry | färja | ferje | færge |
bicycle | cykel, cyklar, elcykel | sykkel, sykler, elsykkel | cykel, cykler, elcykel | bike, e-bike, cycle
fuel | bränsle, diesel, bensin | drivstoff, diesel, bensin | brændstof, diesel, benzin | petrol, gasoline
electricity | el, ström, elektricitet | strøm, elektrisitet | strøm, elektricitet | power
water | vatten, kranvatten, dricksvatten | vann, kranvann, drikkevann | vand, postevand, drikkevand | tap water, drinking water
air | luft, inomhusluft | luft, inneluft | luft, indeluft | indoor air
ventilation | ventilation, luftväxling, fläkt | ventilasjon, lufting, vifte | ventilation, udluftning | air handling, fan
heating | uppvärmning, värme, element | oppvarming, varme | opvarmning, varme | heater
light | ljus, belysning, lampor | lys, belysning | lys, belysning | lighting, brightness, lux
sound | ljud | lyd | lyd |
noise | buller, oljud, störning | støy, bråk | støj, larm | din
music | musik, bakgrundsmusik | musikk, bakgrunnsmusikk | musik, baggrundsmusik | background music
radio | radio | radio | radio |
snow | snö | snø | sne |
ice | is | is | is |
rain | regn | regn | regn |
wind | vind, storm | vind, storm | vind, storm |
weather | väder | vær | vejr |
salt | salt | salt | salt | grit
sand | sand | sand | sand |
leaves | löv | løv | blade |
grass | gräs | gress | græs | lawn
tree | träd | tre | træ | trees
clothes | kläder, arbetskläder | klær, arbeidstøy, arbeidsklær | tøj, arbejdstøj | clothing, workwear, garments
uniform | uniform | uniform | uniform |
shoes | skor, skyddsskor | sko, vernesko | sko, sikkerhedssko | boots
gloves | handskar | hansker | handsker |
helmet | hjälm | hjelm | hjelm | hard hat
vest | väst, varselväst | vest, refleksvest | vest, refleksvest | hi-vis vest
logo | logga, logotyp | logo | logo | branding
size | storlek | størrelse | størrelse | sizes
towel | handduk | håndkle | håndklæde | towels
linen | linne, sänglinne | sengetøy, lin | sengetøj, linned | bedding, sheets
paper | papper | papir | papir |
soap | tvål | såpe | sæbe |
detergent | rengöringsmedel, tvättmedel | vaskemiddel, rengjøringsmiddel | rengøringsmiddel, vaskemiddel | cleaning agent
bag | påse, säck, väska | pose, sekk, veske | pose, sæk, taske | sack
box | låda, kartong | eske, kartong, boks | kasse, kasse, æske | carton
bottle | flaska | flaske | flaske |
cup | kopp, mugg | kopp | kop | mug
coffee | kaffe | kaffe | kaffe |
tea | te | te | te |
food | mat, livsmedel | mat, matvarer | mad, fødevarer | meals, groceries
meal | måltid | måltid | måltid |
bread | bröd | brød | brød |
milk | mjölk | melk | mælk |
fruit | frukt | frukt | frugt |
vegetable | grönsaker | grønnsaker | grøntsager | vegetables, veg
meat | kött | kjøtt | kød |
fish | fisk | fisk | fisk |
phone | telefon, mobil | telefon, mobil | telefon, mobil | mobile, smartphone
computer | dator | datamaskin, pc | computer, pc | pc, laptop
screen | skärm | skjerm | skærm | display, monitor
printer | skrivare | skriver | printer |
wifi | wifi, trådlöst nätverk | wifi, trådløst nett | wifi, trådløst netværk | wireless
internet | internet, nät | internett, nett | internet, net | web
email | mejl, e-post | e-post | mail, e-mail | e-mail
message | meddelande, sms | melding, sms, beskjed | besked, sms | text, notification
letter | brev | brev | brev |
form | blankett, formulär | skjema | blanket, formular |
list | lista | liste | liste |
log | logg, loggbok | logg, loggbok | log, logbog | logbook
record | register, journal | register, journal | register, journal |
receipt | kvitto | kvittering | kvittering |
document | dokument, handling | dokument | dokument | paperwork
contract | kontrakt | kontrakt | kontrakt | agreement
signature | underskrift, namnteckning | underskrift, signatur | underskrift, signatur |
stamp | stämpel | stempel | stempel |
photo | foto, bild | foto, bilde | foto, billede | picture, image
video | video, film | video, film | video, film |
ticket | biljett | billett | billet |
card | kort | kort | kort |
cash | kontanter | kontanter | kontanter |
wallet | plånbok | lommebok | pung | purse
money | pengar | penger | penge |
fine | böter, p-bot, parkeringsbot | bot, bøter, p-bot | bøde, p-bøde, parkeringsbøde | penalty, ticket, parking ticket
licence | licens, tillstånd | lisens, tillatelse | licens, tilladelse | license, permit
fee | avgift | avgift, gebyr | afgift, gebyr | charge
battery | batteri | batteri | batteri |
charger | laddare, laddbox, laddstolpe | lader, ladeboks, ladestasjon | lader, ladestander | charging point
cable | kabel, sladd | kabel, ledning | kabel, ledning | cord
trap | fälla, råttfälla, musfälla | felle, musefelle | fælde, musefælde | traps
mouse | mus, möss | mus | mus | mice
rat | råtta, råttor | rotte, rotter | rotte, rotter | rats
cockroach | kackerlacka | kakerlakk | kakerlak | roach
insect | insekt, ohyra | insekt, skadedyr | insekt, skadedyr | bug, vermin
pest | skadedjur, ohyra | skadedyr | skadedyr | vermin
bird | fågel | fugl | fugl |
dog | hund | hund | hund |
animal | djur | dyr | dyr |
plant | växt | plante | plante |
flower | blomma | blomst | blomst |
graffiti | klotter, graffiti | tagging, graffiti | graffiti, tags | tagging
glass | glas | glass | glas |
wood | trä | tre, treverk | træ | timber
metal | metall, stål | metall, stål | metal, stål | steel
plastic | plast | plast | plastik |
stone | sten | stein | sten |
concrete | betong | betong | beton | cement
paint | färg | maling | maling |
mould | mögel | mugg | skimmel | mold
dust | damm | støv | støv |
smoke | rök | røyk | røg |
fire | brand, eld | brann, ild | brand, ild | blaze
smell | lukt, doft | lukt | lugt | odour, odor
bacteria | bakterier | bakterier | bakterier | germs
chemical | kemikalie | kjemikalie | kemikalie | chemicals
medicine | läkemedel, medicin | legemiddel, medisin | lægemiddel, medicin | medication, drugs
pool | bassäng, badvatten | basseng, badevann | bassin, badevand | pool water
lost property | hittegods, kvarglömda saker | hittegods, gjenglemte ting | hittegods, glemte ting | lost and found
thing | sak, grej | ting, sak | ting | item, belongings, stuff
"""

"""Nouns of the industries Fasit's customers are in, field by field.

Facility services, hospitality, healthcare, schools, public sector, transport, food,
construction, energy and IT: the things, places, people and jobs a customer in one of
these industries talks about when it is not talking about buying as such. Base forms;
inflections come through the stems and the definite-ending fallback (``analysis``).
"""

ROWS = """
# --- facility services: cleaning, property, outdoor care, security ----------------------
cleaning | städning, lokalvård, storstädning, städ | renhold, rengjøring, vask, hovedrengjøring | rengøring, gulvvask, hovedrengøring | housekeeping, janitorial
window cleaning | fönsterputs, fönstertvätt | vindusvask, vinduspuss | vinduespudsning | window washing
floor care | golvvård, polering, skurning | gulvvask, gulvpleie, boning | gulvpleje, polering | floor polishing, scrubbing
mop | mopp, skurborste | mopp, kost | moppe, kost, gulvklud | broom
vacuum cleaner | dammsugare | støvsuger | støvsuger | hoover
cleaning trolley | städvagn | rengjøringstralle, vaskevogn | rengøringsvogn | janitor cart
waste bin | papperskorg, soptunna, sopkärl | søppelbøtte, søppeldunk, avfallsdunk | skraldespand, affaldsspand | rubbish bin, trash can, wheelie bin
rubbish | sopor, skräp, avfall | søppel, avfall | skrald, affald | garbage, trash, litter
litter | nedskräpning, skräp | forsøpling | henkastet affald | littering
recycling room | soprum, miljörum, återvinningsrum | søppelrom, miljøstasjon, avfallsrom | affaldsrum, miljøstation | bin store
compost | kompost, matavfall | kompost, matavfall | kompost, madaffald | food waste, organic waste
sewage | avlopp, spillvatten | avløp, kloakk | kloak, spildevand | sewer, waste water
gutter | hängränna, stuprör | takrenne, nedløpsrør | tagrende, nedløbsrør | drainpipe, downpipe
snow clearing | snöröjning, snöskottning, plogning | snørydding, snømåking, brøyting | snerydning, snekastning | snow removal, snow ploughing, gritting
gritting | sandning, halkbekämpning, saltning | strøing, sandstrøing, salting | glatførebekæmpelse, saltning, grusning | salting, de-icing
slippery ice | halka, ishalka | holke, glattføre, is på bakken | glatføre, isglat | black ice
icicle | istapp | istapp | istap | icicles
lawn mowing | gräsklippning | gressklipping | græsslåning | grass cutting
hedge | häck | hekk | hæk | hedges
landscaping | markskötsel, grönyteskötsel, trädgårdsskötsel | grøntanlegg, uteområde, hagestell | grønne områder, havepleje, udearealer | grounds maintenance, gardening
playground | lekplats | lekeplass | legeplads | play area
bench | bänk, parkbänk | benk, parkbenk | bænk | benches
caretaker | fastighetsskötare, vaktmästare, husvärd | vaktmester, driftstekniker | pedel, vicevært, ejendomsfunktionær | janitor, facilities manager, superintendent
property manager | fastighetsförvaltare, förvaltare | eiendomsforvalter, forvalter | ejendomsadministrator, administrator | property management
facility management | fastighetsförvaltning, fastighetsdrift | eiendomsdrift, eiendomsforvaltning | ejendomsdrift, facility management | building management
security guard | väktare, vakt, ordningsvakt | vekter, vakt, ordensvakt | vagt, sikkerhedsvagt, dørmand | guard, bouncer, patrol
patrol | rond, bevakning, nattrond | runde, vakthold | runderingen, vagtrunde | rounds
burglary | inbrott, stöld | innbrudd, tyveri | indbrud, tyveri | break-in, theft
vandalism | skadegörelse, vandalisering | hærverk | hærværk | damage
access control | passersystem, passerkontroll, inpassering | adgangskontroll, adgangssystem | adgangskontrol, adgangssystem | entry system
intercom | porttelefon, snabbtelefon | porttelefon, calling-anlegg | dørtelefon, samtaleanlæg | door phone, buzzer
burglar alarm | inbrottslarm | innbruddsalarm | tyverialarm, indbrudsalarm | intruder alarm
fire alarm | brandlarm, brandvarnare | brannalarm, røykvarsler | brandalarm, røgalarm | smoke detector
fire extinguisher | brandsläckare | brannslukker, brannslukningsapparat | brandslukker, ildslukker | extinguisher
sprinkler | sprinkler, sprinklersystem | sprinkler, sprinkleranlegg | sprinkler, sprinkleranlæg | sprinklers
evacuation | utrymning, utrymningsväg, brandövning | evakuering, rømningsvei, brannøvelse | evakuering, flugtvej, brandøvelse | fire drill, escape route
defibrillator | hjärtstartare | hjertestarter | hjertestarter | aed
first aid | första hjälpen, förbandslåda | førstehjelp, førstehjelpsskrin | førstehjælp, førstehjælpskasse | first aid kit
elevator service | hissbesiktning, hisservice | heisservice, heiskontroll | elevatorservice, elevatoreftersyn | lift inspection
escalator | rulltrappa | rulletrapp | rulletrappe | escalators
boiler | panna, värmepanna | kjele, fyrkjele | kedel, fyr | furnace
air conditioning | luftkonditionering, kyla | aircondition, klimaanlegg, kjøling | aircondition, klimaanlæg, køling | cooling, air con
draught | drag, kallras | trekk | træk | draft
humidity | fukt, luftfuktighet | fukt, luftfuktighet, fuktighet | fugt, luftfugtighed | damp, moisture
water damage | vattenskada, läcka | vannskade, lekkasje | vandskade, utæthed | leak
blocked drain | stopp i avloppet, stopp | tett avløp, tetthet | tilstoppet afløb, stop | blockage
indoor climate | inomhusklimat, innemiljö | inneklima, innemiljø | indeklima | indoor environment
radon | radon | radon | radon |
asbestos | asbest | asbest | asbest |

# --- hospitality: hotels, restaurants, events ------------------------------------------
hotel room | hotellrum, gästrum | hotellrom, gjesterom | hotelværelse, værelse | guest room
check-in | incheckning, utcheckning | innsjekking, utsjekking | indtjekning, udtjekning | check-out
booking | bokning, reservation | booking, bestilling, reservasjon | booking, reservation | reservation
breakfast | frukost | frokost | morgenmad | buffet
lunch | lunch | lunsj | frokost | luncheon
dinner | middag | middag | aftensmad, middag | supper
menu | meny, matsedel, sedel | meny | menu, menukort | menus
dish | rätt, maträtt | rett | ret | course
portion | portion | porsjon | portion | serving
buffet | buffé, buffet | buffet, koldtbord | buffet, tag selv-bord | self-service
waiter | servitör, servitris | servitør | tjener | server, waitress
chef | kock, kökschef | kokk, kjøkkensjef | kok, køkkenchef | head chef
dishwasher | diskmaskin, disk | oppvaskmaskin, oppvask | opvaskemaskine, opvask | washing up
tableware | porslin, bestick, glas | servise, bestikk | service, bestik | cutlery, crockery, plates
minibar | minibar | minibar | minibar |
room service | rumsservice | romservice | roomservice |
laundry | tvätt, tvätteri, tvättstuga | vaskeri, klesvask | vaskeri, tøjvask | laundry service, washing
mattress | madrass | madrass | madras | mattresses
pillow | kudde | pute | pude | pillows
blanket | filt, täcke | pledd, dyne | tæppe, dyne | duvet, quilt
conference | konferens, kongress | konferanse, kongress | konference, kongres | convention
event | evenemang, event, arrangemang | arrangement, event | arrangement, event | function
banquet | bankett, fest, julbord | bankett, fest, julebord | banket, fest, julefrokost | party, christmas party
wedding | bröllop | bryllup | bryllup |
spa | spa, bastu | spa, badstue | spa, sauna | sauna
bar staff | bartender | bartender | bartender | barman
alcohol | alkohol, sprit, vin, öl | alkohol, brennevin, vin, øl | alkohol, spiritus, vin, øl | wine, beer, liquor
serving licence | serveringstillstånd | skjenkebevilling | alkoholbevilling | liquor licence
tip | dricksen | tips | drikkepenge | gratuity
review | recension, omdöme | anmeldelse, omtale | anmeldelse | rating, reviews

# --- healthcare and care -------------------------------------------------------------
care | omsorg, vård | omsorg, pleie | omsorg, pleje | caring
home care | hemtjänst, hemsjukvård | hjemmetjeneste, hjemmesykepleie | hjemmepleje, hjemmehjælp | home help
elderly care | äldreomsorg | eldreomsorg | ældrepleje | aged care
patient room | patientrum, vårdsal | pasientrom | patientstue | patient room
bed | säng, sjukhussäng | seng, sykeseng | seng, hospitalsseng | beds
wheelchair | rullstol | rullestol | kørestol | wheelchairs
walker | rollator | rullator | rollator | walking frame
lifting aid | lyft, patientlyft, taklyft | personløfter, takheis | personløfter, loftlift | hoist
incontinence | inkontinens, blöjor | inkontinens, bleier | inkontinens, bleer | nappies, diapers
dressing | förband, bandage | bandasje, forbinding | forbinding, bandage | bandages
syringe | spruta, kanyl | sprøyte | sprøjte, kanyle | needle
gloves | undersökningshandskar, handskar | hansker | handsker | disposable gloves
face mask | munskydd, ansiktsmask | munnbind, maske | mundbind, maske | mask
infection | infektion, smitta | infeksjon, smitte | infektion, smitte | contagion
hand hygiene | handhygien, handsprit | håndhygiene, antibac, håndsprit | håndhygiejne, håndsprit | hand sanitiser
disinfection | desinfektion | desinfeksjon | desinfektion | disinfectant
sterilisation | sterilisering | sterilisering | sterilisering | sterilization
medical waste | smittförande avfall, riskavfall | smittefarlig avfall | risikoaffald | clinical waste
prescription | recept | resept | recept | prescriptions
journal | journal, patientjournal | journal, pasientjournal | journal, patientjournal | medical record
appointment | läkartid, läkarbesök | legetime | lægetid | doctor's appointment
waiting room | väntrum | venterom | venteværelse | waiting area
ambulance | ambulans | ambulanse | ambulance |
emergency department | akuten, akutmottagning | legevakt, akuttmottak | skadestue, akutmodtagelse | a&e, emergency room
dentist | tandläkare | tannlege | tandlæge | dental
therapist | fysioterapeut, terapeut | fysioterapeut, terapeut | fysioterapeut, terapeut | physiotherapist
midwife | barnmorska | jordmor | jordemoder |
pharmacist | apotekare | farmasøyt | farmaceut |
care worker | undersköterska, vårdbiträde | helsefagarbeider, pleiemedarbeider | social- og sundhedsassistent, sosu, sosu-assistent | nursing assistant, carer
relative | anhörig | pårørende | pårørende | next of kin, family member
dementia | demens | demens | demens |
fall | fallolycka | fallulykke | faldulykke | falls
sick leave | sjukskrivning, sjukfrånvaro | sykmelding, sykefravær | sygemelding, sygefravær | absence
vaccination | vaccination, vaccin | vaksinasjon, vaksine | vaccination, vaccine | vaccine

# --- schools and childcare ----------------------------------------------------------
lesson | lektion | skoletime | lektion | class
homework | läxa, läxor | lekser | lektier |
exam | prov, tentamen, examen | prøve, eksamen | prøve, eksamen | test
grade | betyg | karakter | karakter | grades, marks
curriculum | läroplan | læreplan | læreplan | syllabus
timetable | skolschema | timeplan | skoleskema |
school meal | skollunch, skolmat | skolemat | skolemad | school lunch
after-school care | fritids, fritidshem | sfo, aks | sfo, fritidshjem | after-school club
recess | rast | friminutt | frikvarter | break time
schoolyard | skolgård | skolegård | skolegård | playground
teaching material | läromedel, lärobok | læremiddel, lærebok | undervisningsmateriale, lærebog | textbook
whiteboard | whiteboard, tavla | tavle | tavle | blackboard
projector | projektor | prosjektør | projektor | beamer
bullying | mobbning | mobbing | mobning |
special needs | särskilt stöd, specialpedagogik | spesialundervisning, tilrettelegging | specialundervisning, støtte | additional support
school bus | skolskjuts, skolbuss | skoleskyss, skolebuss | skolebus, skolekørsel | school transport

# --- public sector --------------------------------------------------------------------
council | kommunfullmäktige, nämnd, kommunstyrelse | kommunestyre, bystyre | byråd, kommunalbestyrelse | city council
politician | politiker | politiker | politiker |
citizen | invånare, medborgare | innbygger | borger | resident
permit | bygglov, tillstånd | byggetillatelse, tillatelse | byggetilladelse, tilladelse | planning permission
application | ansökan | søknad | ansøgning | applications
case handling | ärende, handläggning, handläggare | sak, saksbehandling, saksbehandler | sag, sagsbehandling, sagsbehandler | case worker
public record | allmän handling, offentlighetsprincipen | innsyn, offentlighet | aktindsigt, offentlighed | freedom of information
election | riksdagsval, kommunval | valg | valg | vote
tax | skatt | skatt | skat | taxes
social services | socialtjänst | sosialtjeneste, nav | socialforvaltning, jobcenter | welfare
library card | lånekort | lånekort | lånerkort |
road | väg, gata | vei, gate | vej, gade | street
traffic | trafik | trafikk | trafik |
streetlight | gatubelysning, gatlykta | gatelys, veilys | gadelys, gadebelysning | street lighting
pothole | potthål, tjälskott | hull i veien, hull | hul i vejen | potholes
public toilet | offentlig toalett | offentlig toalett | offentligt toilet | public restroom

# --- transport and travel -------------------------------------------------------------
driver licence | körkort | førerkort, sertifikat | kørekort | driving licence
car park | parkeringshus, parkeringsplats, p-plats | parkeringshus, parkeringsplass, p-plass | parkeringshus, parkeringsplads, p-plads | parking lot
charging station | laddstation, laddplats | ladestasjon, ladeplass | ladestation, ladeplads | ev charger
electric car | elbil | elbil | elbil | ev
tyre | bildäck, vinterdäck | dekk, vinterdekk | dæk, vinterdæk | tires, winter tyres
car wash | biltvätt | bilvask | bilvask | car washing
workshop visit | verkstadsbesök, service | verkstedbesøk | værkstedsbesøg | garage visit
fleet | bilpark, fordonsflotta | bilpark, flåte | bilpark, vognpark | vehicles
timetable | tidtabell, turlista | rutetabell | køreplan | schedule
departure | avgång | avgang, avreise | afgang | departure time
delay | försening | forsinkelse | forsinkelse | delays
platform | perrong | perrong, plattform | perron | platforms
ticket machine | biljettautomat | billettautomat | billetautomat | ticket vending machine
cargo | gods | gods | gods | freight
ferry crossing | färjetur, överfart | ferjetur, overfart | færgetur, overfart | crossing
taxi | taxi | taxi, drosje | taxa | cab
flight | flyg, flygresa | fly, flyreise | fly, flyrejse | flights
travel expense | resekostnad, traktamente | reisekostnad, diett | rejseudgift, diæter | per diem
carpool | samåkning | samkjøring | samkørsel | car sharing
commute | pendling | pendling | pendling | commuting

# --- food production, retail and agriculture -------------------------------------------
grocery store | livsmedelsbutik, mataffär | dagligvarebutikk, matbutikk | dagligvarebutik | grocery
checkout | kassa, självscanning | selvbetjening | selvscanning | till, self-checkout
trolley | kundvagn | handlevogn | indkøbsvogn | shopping cart
shelf | hylla | hylle | hylde | shelves
freezer | frys | fryser | fryser | deep freezer
fridge | kyl, kylskåp | kjøleskap | køleskab | refrigerator
bakery | bageri | bakeri | bageri | baker
butcher | slakteri, charkuteri | slakteri, kjøttforedling | slagteri | slaughterhouse
dairy | mejeri | meieri | mejeri |
egg | ägg | egg | æg | eggs
cheese | ost | ost | ost |
potato | potatis | potet | kartoffel | potatoes
flour | mjöl | mel | mel |
sugar | socker | sukker | sukker |
salad | sallad | salat | salat |
sandwich | smörgås, macka | smørbrød, baguett | sandwich, smørrebrød | sandwiches
soup | soppa | suppe | suppe |
vegetarian | vegetarisk, vegansk | vegetar, vegansk | vegetarisk, vegansk | vegan, plant-based
gluten | gluten, glutenfri | gluten, glutenfri | gluten, glutenfri | gluten-free
crop | skörd, gröda | avling | afgrøde | harvest
livestock | boskap, kossor, grisar | husdyr, kyr, griser | husdyr, køer, grise | cattle, cows, pigs
feed | foder | dyrefôr | foder | fodder
fertiliser | gödsel, konstgödsel | gjødsel | gødning | manure, fertilizer
tractor | traktor | traktor | traktor | tractors
fish farm | fiskodling, odling | oppdrett, fiskeoppdrett, merd | fiskeopdræt, havbrug | aquaculture, salmon farm
salmon | lax | laks | laks |
vending machine | varuautomat, kaffeautomat | automat, kaffeautomat | automat, kaffeautomat | vending

# --- construction ----------------------------------------------------------------------
construction site | byggarbetsplats, bygge, arbetsplats | byggeplass, anleggsplass | byggeplads, arbejdsplads | building site
scaffolding | ställning, byggställning | stillas | stillads | scaffold
crane | kran, byggkran | kran, byggekran | kran, byggekran | tower crane
excavator | grävmaskin | gravemaskin | gravemaskine | digger
foundation | grund, grundläggning | fundament, grunnmur | fundament, sokkel | groundwork
brick | tegel | tegl, murstein | mursten, tegl | bricks
insulation | isolering | isolasjon | isolering | insulating
plaster | gips, gipsskiva | gips, gipsplate | gips, gipsplade | plasterboard, drywall
tile | kakel, klinker | flis, fliser | fliser, klinker | tiles
pipework | rörarbete, rördragning | rørarbeid, røranlegg | rørarbejde, rørføring | plumbing
wiring | elinstallation, ledningsdragning | elektrisk anlegg, kabling | el-installation, ledningsføring | electrical installation
drawing | ritning, bygghandling | tegning, arbeidstegning | tegning, arbejdstegning | blueprint, plans
building inspection | besiktning, slutbesiktning | befaring, ferdigbefaring, overtakelse | gennemgang, afleveringsforretning | handover, snagging
defect | fel, brist, anmärkning | feil, mangel, avvik | fejl, mangel | defects, snag
site meeting | byggmöte | byggemøte | byggemøde | site meeting
subcontractor | underentreprenör | underentreprenør | underentreprenør, underleverandør | sub-contractor
carpenter | snickare | snekker, tømrer | tømrer, snedker | joiner
bricklayer | murare | murer | murer | mason
welder | svetsare | sveiser | svejser | welders
renovation | renovering, ombyggnad | renovering, oppussing, ombygging | renovering, ombygning | refurbishment, remodelling
demolition | rivning | riving | nedrivning | tear-down
noise | byggbuller | byggestøy | byggestøj | construction noise
dust | byggdamm | byggestøv | byggestøv | construction dust
working at height | fallskydd, arbete på höjd | fallsikring, arbeid i høyden | faldsikring, arbejde i højden | fall protection
safety induction | säkerhetsintroduktion, skyddsrond | sikkerhetsopplæring, vernerunde | sikkerhedsintroduktion, sikkerhedsrunde | site induction, safety walk
accident | olycka, arbetsplatsolycka, tillbud | ulykke, arbeidsulykke, nestenulykke | ulykke, arbejdsulykke, nærved-ulykke | near miss, injury
toilet trailer | bajamaja, byggtoalett | byggtoalett, dobil | byggepladstoilet | portable toilet
site hut | bod, byggbod, etableringsbod | brakke, anleggsbrakke | skurvogn, mandskabsvogn | site cabin
road work | vägarbete | veiarbeid | vejarbejde | roadworks

# --- energy and utilities ---------------------------------------------------------------
power cut | strömavbrott, elavbrott | strømbrudd | strømafbrydelse, strømsvigt | power outage, blackout
electricity bill | elräkning | strømregning | elregning | power bill
solar panel | solcell, solpanel, solceller | solcellepanel, solcelle | solcelle, solpanel | solar
wind turbine | vindkraftverk, vindsnurra | vindturbin, vindmølle | vindmølle | wind power
heat pump | värmepump | varmepumpe | varmepumpe | heat pumps
district heating | fjärrvärme | fjernvarme | fjernvarme | district heat
gas | gas, naturgas, biogas | gass, naturgass, biogass | gas, naturgas, biogas | natural gas
oil | olja, eldningsolja | olje, fyringsolje | olie, fyringsolie | heating oil
grid | elnät | strømnett | elnet | power grid
substation | transformator, nätstation | trafo, nettstasjon | transformerstation | transformer
power plant | kraftverk, vattenkraft | kraftverk, vannkraft | kraftværk | hydropower
peak load | effekttopp, toppeffekt | effekttopp, toppbelastning | spidsbelastning | peak demand
thermostat | termostat | termostat | termostat | thermostats
water pipe | vattenledning, vattenrör | vannledning, vannrør | vandledning, vandrør | water main
water meter | vattenmätare | vannmåler | vandmåler | water meters
drought | torka | tørke | tørke | dry spell
flooding | översvämning | oversvømmelse, flom | oversvømmelse | floods
storm | storm, oväder | storm, uvær | storm, uvejr | gale

# --- IT and office ------------------------------------------------------------------------
password | lösenord | passord | adgangskode, kodeord | passwords
account login | inloggning, konto | innlogging, konto | login, konto | user account
laptop | bärbar dator, laptop | bærbar, laptop | bærbar, laptop | notebook
tablet | surfplatta, ipad | nettbrett, ipad | tablet, ipad | ipad
keyboard | tangentbord | tastatur | tastatur | keyboards
headset | headset, hörlurar | headset, hodetelefoner | headset, høretelefoner | headphones
video call | videomöte, teams-möte | videomøte, teamsmøte | videomøde, teamsmøde | video meeting, zoom call
network | nätverk | nettverk | netværk | lan
server | server | server | server | servers
virus | virus, skadlig kod | virus, skadevare | virus, malware | malware, ransomware
phishing | nätfiske, bedrägeri | phishing, svindel | phishing, svindel | scam
spam | skräppost | søppelpost | spam | junk mail
helpdesk | helpdesk, servicedesk, it-support | brukerstøtte, it-støtte | helpdesk, it-support | service desk
printer paper | papper, toner | toner, blekk | toner, blæk | toner, ink
intranet | intranät | intranett | intranet |
website | webbplats, hemsida | nettside, hjemmeside | hjemmeside, webside | homepage
screen time | skärmtid | skjermtid | skærmtid | screen use
desk booking | skrivbordsbokning, flexplats | pultbooking, fleksiplass | skrivebordsbooking, flexplads | hot desking
standing desk | höj- och sänkbart skrivbord | hev-senk-pult | hæve-sænkebord | sit-stand desk
office chair | kontorsstol | kontorstol | kontorstol | desk chair

# --- people at work: staff matters across industries ---------------------------------------
staff turnover | personalomsättning | turnover | personaleomsætning | churn
recruitment | rekrytering | rekruttering | rekruttering | hiring
background check | utdrag ur belastningsregistret, bakgrundskontroll | politiattest, vandelsattest | straffeattest, børneattest | police check, criminal record check
language skills | språkkunskaper, svenska | språkkunnskaper, norsk | sprogkundskaber, dansk | language
wage | lön | lønn | løn | salary
collective agreement | kollektivavtal | tariffavtale | overenskomst | union agreement
rota | bemanning, arbetsschema | turnus, vaktplan, bemanning | vagtplan, bemanding | staffing, roster, shifts
substitute | vikarie, ersättare | vikar, stedfortreder | vikar, afløser | stand-in, cover
pause | rast, paus, fika | pause, lunsjpause | pause, frokostpause | coffee break
staff room | personalrum | personalrom, pauserom | personalerum | break room
wellbeing | trivsel, arbetsmiljö, friskvård | trivsel, arbeidsmiljø | trivsel, arbejdsmiljø | wellness, work environment
stress | stress | stress | stress | burnout
"""

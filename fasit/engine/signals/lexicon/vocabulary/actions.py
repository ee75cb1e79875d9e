"""Actions: verbs of buying, delivering, installing, cleaning, repairing, checking, signing, reporting, and everyday work."""

ROWS = """
buy | köpa, handla, inhandla | kjøpe, handle | købe, handle | purchase
sell | sälja | selge | sælge |
order | beställa | bestille | bestille |
pay | betala | betale | betale |
deliver | leverera, skicka, frakta | levere, sende, frakte | levere, sende, fragte | ship, dispatch
send | sända, skicka | sende | sende |
receive | ta emot, motta, mottaga | motta, ta imot | modtage, tage imod | accept delivery
arrive | komma, anlända, ankomma | komme, ankomme | komme, ankomme, nå frem | come
call | ringa, telefonera | ringe | ringe | phone, ring
notify | meddela, avisera, underrätta, varsla | varsle, melde, gi beskjed, underrette | meddele, varsle, advisere, underrette | inform, alert, warn, notice
install | installera, montera, sätta upp | installere, montere | installere, montere | mount, fit
repair | laga, reparera, åtgärda | reparere, fikse, utbedre | reparere, udbedre, ordne | fix, mend
replace | byta, ersätta, byta ut | bytte, erstatte, skifte | skifte, udskifte, erstatte | swap, exchange
clean | städa, rengöra, tvätta, torka | rengjøre, vaske, tørke | gøre rent, rengøre, vaske, tørre af | wash, wipe
wash | tvätta, diska | vaske | vaske | launder
remove | ta bort, avlägsna, sanera | fjerne | fjerne | clear away
clear | röja, skotta, ploga | rydde, måke, brøyte | rydde, skovle | plough, plow, shovel
check | kontrollera, kolla, granska, inspektera | kontrollere, sjekke, inspisere | kontrollere, tjekke, inspicere | inspect, verify, examine
test | testa, prova | teste, prøve | teste, prøve | try
measure | mäta | måle | måle | gauge
sign | signera, skriva under, underteckna | signere, skrive under, undertegne | signere, skrive under, underskrive |
approve | godkänna, attestera | godkjenne, attestere | godkende, attestere | authorise, authorize, sign off
report | rapportera, anmäla | rapportere, melde | rapportere, anmelde, indberette |
register | registrera, skriva in | registrere, skrive inn | registrere, skrive ind | sign in, log, record
complain | klaga, reklamera | klage, reklamere | klage, reklamere |
ask | fråga, be | spørre, be | spørge, bede | request
answer | svara, besvara | svare, besvare | svare, besvare | reply, respond
help | hjälpa, bistå | hjelpe, bistå | hjælpe, bistå | assist, support
wait | vänta | vente | vente |
start | börja, starta, komma igång | begynne, starte | begynde, starte | begin, launch, go live
stop | stoppa, stanna, avbryta | stoppe, stanse, avbryte | stoppe, standse, afbryde | halt
finish | avsluta, slutföra, bli klar | avslutte, fullføre, bli ferdig | afslutte, gøre færdig, blive færdig | complete, end
open | öppna | åpne | åbne |
close | stänga | stenge, lukke | lukke | shut
lock | låsa | låse | låse |
unlock | låsa upp | låse opp | låse op |
park | parkera, ställa bilen | parkere | parkere |
drive | köra | kjøre | køre |
travel | resa, åka | reise | rejse | journey
move | flytta | flytte | flytte | relocate
carry | bära | bære | bære |
lift | lyfta | løfte | løfte |
load | lasta | laste | læsse |
unload | lossa, lasta av | losse, laste av | losse, læsse af |
store | lagra, förvara | lagre, oppbevare | lagre, opbevare | keep
lose | tappa, förlora, glömma | miste, tape, glemme | miste, tabe, glemme | forget, misplace
find | hitta | finne | finde | locate
steal | stjäla | stjele | stjæle | theft
break | gå sönder, krångla, haverera | gå i stykker, svikte | gå i stykker, bryde sammen | fail, malfunction, break down
work | arbeta, jobba | arbeide, jobbe | arbejde |
use | använda, nyttja | bruke, benytte | bruge, benytte | utilise, utilize
consume | förbruka, dra | forbruke | forbruge |
save | spara | spare | spare | reduce
waste | slösa, slösa bort | sløse | spilde | squander
plan | planera | planlegge | planlægge | schedule
book | boka | booke, bestille | booke, reservere | reserve
cancel | avboka, avbeställa, ställa in | avbestille, avlyse | aflyse, afbestille | call off
postpone | skjuta upp | utsette | udsætte | delay
change | ändra, förändra | endre, forandre | ændre, forandre | modify, alter
choose | välja | velge | vælge | select, pick
decide | besluta, bestämma | bestemme, beslutte | beslutte, bestemme |
compare | jämföra | sammenligne | sammenligne | benchmark
offer | erbjuda | tilby | tilbyde |
negotiate | förhandla | forhandle | forhandle |
agree | komma överens, enas | bli enige | blive enige |
cooperate | samarbeta | samarbeide | samarbejde | collaborate
hire | anställa, rekrytera | ansette, rekruttere | ansætte, rekruttere | recruit, employ
fire | säga upp, avskeda | si opp, sparke | fyre, afskedige | dismiss, lay off
train | utbilda, lära upp | lære opp | oplære, uddanne | educate, teach
learn | lära sig | lære | lære |
explain | förklara | forklare | forklare |
inform | informera | informere | informere |
document | dokumentera | dokumentere | dokumentere |
write | skriva | skrive | skrive |
read | läsa | lese | læse |
print | skriva ut | skrive ut | printe, udskrive |
translate | översätta | oversette | oversætte |
show | visa | vise | vise | display
see | se | se | se |
hear | höra | høre | høre |
smell | lukta | lukte | lugte | stink
taste | smaka | smake | smage |
feel | känna | føle | føle |
sleep | sova | sove | sove |
eat | äta | spise | spise |
drink | dricka | drikke | drikke |
cook | laga mat | lage mat | lave mad |
serve | servera | servere | servere |
heat | värma, värma upp | varme, varme opp | varme, opvarme | warm
cool | kyla | kjøle | køle | chill
freeze | frysa | fryse | fryse |
melt | smälta, tina | smelte, tine | smelte, tø | thaw
burn | brinna, bränna | brenne | brænde |
leak | läcka | lekke | lække | drip
flood | översvämma | oversvømme | oversvømme |
slip | halka | skli | glide |
fall | ramla, falla | falle | falde | trip
injure | skada | skade | skade | hurt
protect | skydda | beskytte | beskytte | shield
prevent | förebygga, förhindra | forebygge, hindre | forebygge, forhindre | avoid
allow | tillåta, få | tillate, få lov | tillade, må | permit, let
forbid | förbjuda | forby | forbyde | ban, prohibit
require | kräva | kreve | kræve | demand
need | behöva | trenge | behøve, have brug for | require
want | vilja ha, önska | ønske | ønske | wish
expect | förvänta | forvente | forvente |
promise | lova | love | love | commit
guarantee | garantera | garantere | garantere |
follow up | följa upp | følge opp | følge op | chase
monitor | övervaka, bevaka | overvåke | overvåge | track, watch
count | räkna | telle | tælle |
calculate | beräkna, kalkylera | beregne, kalkulere | beregne, kalkulere | estimate
invoice | fakturera | fakturere | fakturere | bill
charge | debitera, ta betalt | ta betalt | opkræve, tage betaling | bill
refund | återbetala | refundere, tilbakebetale | refundere, tilbagebetale | reimburse
borrow | låna | låne | låne | loan
rent | hyra | leie | leje | lease
return | returnera, lämna tillbaka | returnere, levere tilbake | returnere, aflevere | hand back
collect | hämta | hente | hente | pick up, fetch
sort | sortera | sortere | sortere | separate
recycle | återvinna | resirkulere, gjenvinne | genbruge, genanvende |
throw away | slänga, kasta | kaste | smide ud | discard, dispose
paint | måla | male | male |
build | bygga | bygge | bygge | construct
renovate | renovera, bygga om | renovere, pusse opp | renovere, istandsætte | refurbish
demolish | riva | rive | rive ned | tear down
dig | gräva | grave | grave | excavate
cut | klippa, skära | klippe, skjære | klippe, skære | trim, mow
grow | växa, odla | vokse, dyrke | vokse, dyrke |
water | vattna | vanne | vande | irrigate
spray | spruta | sprøyte | sprøjte |
ventilate | ventilera, vädra | ventilere, lufte | ventilere, lufte ud | air
light | tända, lysa | tenne, lyse | tænde, lyse | illuminate
switch off | släcka, stänga av | slukke, skru av | slukke | turn off
charge battery | ladda | lade | oplade | recharge
connect | ansluta, koppla | koble, tilkoble | tilslutte, forbinde | link, plug in
log in | logga in | logge inn | logge ind |
download | ladda ner | laste ned | downloade, hente |
upload | ladda upp | laste opp | uploade |
update | uppdatera | oppdatere | opdatere | upgrade
backup | säkerhetskopiera | ta backup | tage backup | back up
delete | radera | slette | slette | erase
share | dela | dele | dele |
copy | kopiera | kopiere | kopiere | duplicate
scan | skanna | skanne | scanne |
publish | publicera, lägga ut | publisere, legge ut | publicere, lægge ud | post
pick | plocka | plukke | plukke |
pack | packa | pakke | pakke | wrap
label | märka | merke | mærke | tag
weigh | väga | veie | veje |
mix | blanda | blande | blande |
fill | fylla | fylle | fylde | refill
empty | tömma | tømme | tømme |
cover | täcka | dekke | dække |
replace staff | ersätta, vikariera | vikariere | vikariere, afløse | cover for
queue | köa, stå i kö | stå i kø | stå i kø | line up
visit | besöka | besøke | besøge |
meet | träffa, mötas | møte, treffe | mødes, møde |
greet | hälsa på, ta emot | hilse på | hilse på | welcome
inspect | besiktiga | besiktige | syne | survey
investigate | utreda, undersöka | utrede, undersøke | udrede, undersøge | look into
solve | lösa | løse | løse | resolve
cause | orsaka | forårsake | forårsage |
fail | misslyckas | mislykkes | mislykkes |
succeed | lyckas | lykkes | lykkes |
improve | förbättra | forbedre | forbedre |
increase | öka, höja | øke, heve | øge, hæve | raise, grow
decrease | minska, sänka | minske, senke, redusere | mindske, sænke, reducere | reduce, lower, cut
pay attention | uppmärksamma | legge merke til | lægge mærke til | notice
complain noise | störa | forstyrre | forstyrre | disturb
"""

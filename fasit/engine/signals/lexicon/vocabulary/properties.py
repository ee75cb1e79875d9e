"""Properties: adjectives and adverbs of speed, cost, quality, state, size and feeling."""

ROWS = """
fast | snabb, snabbt, fort, kvick | rask, raskt, fort, kjapp | hurtig, hurtigt, hurtigere | quick, quickly, rapid, prompt
slow | långsam, sakta, seg | treg, langsom, sakte | langsom, sløv | sluggish
early | tidig, tidigt, i god tid | tidlig, i god tid | tidlig, i god tid | earlier, in advance, ahead
late | sen, sent, försenad | sen, sent, forsinket | sen, sent, forsinket | delayed, overdue
cheap | billig | billig | billig | inexpensive, low-cost
expensive | dyr, kostsam | dyr, kostbar | dyr, kostbar | costly, pricey
safe | säker, trygg | sikker, trygg | sikker, tryg | secure
dangerous | farlig, riskabel | farlig, risikabel | farlig, risikabel | hazardous, unsafe, risky
clean | ren, städad | ren, rengjort | ren, rengjort | tidy
dirty | smutsig, skitig, ostädad | skitten, møkkete | beskidt, snavset | filthy, unclean
valid | giltig, gälla | gyldig, gjelde | gyldig, gælde |
broken | trasig, sönder, ur funktion | ødelagt, i stykker, ute av drift | i stykker, ude af drift, defekt | out of order, faulty, defective, out of service
new | ny | ny | ny |
old | gammal | gammel | gammel | aged, outdated
big | stor | stor | stor | large
small | liten | liten | lille | little, tiny
high | hög | høy | høj | tall
low | låg | lav | lav |
long | lång | lang | lang | lengthy
short | kort | kort | kort | brief
heavy | tung | tung | tung |
light weight | lätt | lett | let | lightweight
hot | varm, het | varm, het | varm, hed | warm
cold | kall, kylig, iskall | kald, kjølig, iskald | kold, kølig, iskold | chilly, freezing, cool
dark | mörk, dunkel | mørk | mørk | dim, gloomy, dull
bright | ljus, klar | lys, klar | lys, klar | light, brighter
loud | högljudd, bullrig | høylytt, bråkete | højlydt, larmende | noisy
quiet | tyst, lugn | stille, rolig | stille, rolig | silent, calm
wet | våt, blöt, fuktig | våt, fuktig | våd, fugtig | damp, moist, humid
dry | torr | tørr | tør |
slippery | hal, halt | glatt, sleip | glat | icy
stuffy | kvav, instängd, unken | tett, innestengt | tung, indelukket | stale, close
fresh | frisk, färsk | frisk, fersk | frisk, fersk |
full | full, fullsatt | full, fullt | fuld, fyldt | packed, crowded
empty | tom | tom | tom |
free | gratis, kostnadsfri | gratis, kostnadsfri | gratis, omkostningsfri | complimentary, no charge
available | ledig, tillgänglig | ledig, tilgjengelig | ledig, tilgængelig | vacant, free
busy | upptagen, fullbokad | opptatt, fullbooket | optaget, fuldt booket | occupied
visible | synlig | synlig | synlig |
hidden | dold | skjult | skjult |
easy | enkel, lätt, smidig | enkel, lett, grei | nem, let, enkel | simple, straightforward
difficult | svår, krånglig, besvärlig | vanskelig, tungvint, komplisert | svær, besværlig, kompliceret | hard, complicated, cumbersome
good | bra, god | bra, god | god, godt | fine, great
bad | dålig | dårlig | dårlig | poor
better | bättre | bedre | bedre |
worse | sämre | verre, dårligere | værre, dårligere |
correct | rätt, korrekt, riktig | riktig, korrekt | rigtig, korrekt | right, accurate
wrong | fel, felaktig | feil, gal | forkert, fejl | incorrect, mistaken
missing | saknas, fattas | mangler | mangler | lacking, absent
enough | tillräcklig, räcker | nok, tilstrekkelig | nok, tilstrækkelig | sufficient
weak | svag | svak | svag | faint
strong | stark, kraftig | sterk, kraftig | stærk, kraftig | powerful
stable | stabil | stabil | stabil | reliable
reliable | pålitlig, driftsäker | pålitelig, driftssikker | pålidelig, driftssikker | dependable
flexible | flexibel, smidig | fleksibel | fleksibel |
local | lokal, närliggande | lokal | lokal | nearby
near | nära | nær | nær | close by
far | långt, långt bort | langt, langt unna | langt, langt væk | distant, remote
whole | hel | hel | hel | entire
same | samma | samme | samme | identical
different | olik, annan, annorlunda | annerledes, forskjellig | anderledes, forskellig | other, varied
open | öppen | åpen | åben |
closed | stängd | stengt | lukket | shut
locked | låst | låst | låst |
daily | daglig, dagligen | daglig | daglig | every day
weekly | veckovis | ukentlig | ugentlig | every week
monthly | månatlig, månadsvis | månedlig | månedlig | every month
yearly | årlig, årligen | årlig | årlig | annual, annually
often | ofta | ofte | ofte | frequently
rarely | sällan | sjelden | sjældent | seldom
always | alltid | alltid | altid |
never | aldrig | aldri | aldrig |
again | igen | igjen | igen | once more
soon | snart | snart | snart | shortly
immediately | direkt, genast, omedelbart | umiddelbart, straks, med en gang | straks, med det samme, omgående | at once, right away
urgent | akut, brådskande | akutt, haster | akut, haster | pressing
possible | möjlig | mulig | mulig |
impossible | omöjlig | umulig | umulig |
legal | laglig, lagenlig | lovlig | lovlig | lawful
illegal | olaglig | ulovlig | ulovlig | unlawful
official | officiell | offisiell | officiel |
private | privat | privat | privat |
public | offentlig | offentlig | offentlig |
digital | digital | digital | digital | electronic
manual | manuell | manuell | manuel | by hand
automatic | automatisk | automatisk | automatisk | automated
electric | elektrisk | elektrisk | elektrisk |
sick | sjuk, sjukskriven | syk, sykmeldt | syg, sygemeldt | ill, unwell
healthy | frisk | frisk | rask | well
tired | trött | trøtt, sliten | træt | exhausted
happy | nöjd, glad | fornøyd, glad | tilfreds, glad | satisfied, pleased
unhappy | missnöjd, besviken | misfornøyd, skuffet | utilfreds, skuffet | dissatisfied, disappointed
angry | arg | sint | vred, sur | annoyed, upset
worried | orolig | bekymret | bekymret | concerned
strict | strikt, sträng | streng | streng |
mandatory | obligatorisk | obligatorisk, påbudt | obligatorisk, påbudt | compulsory, required
optional | frivillig, valfri | valgfri | valgfri | voluntary
exact | exakt, noggrann | nøyaktig, presis | nøjagtig, præcis | precise, accurate
approximate | ungefärlig, cirka | omtrentlig, cirka | omtrentlig, cirka | roughly, about
important | viktig | viktig | vigtig | crucial, essential
necessary | nödvändig | nødvendig | nødvendig |
uncomfortable | obekväm | ubehagelig, ukomfortabel | ubehagelig, ukomfortabel |
comfortable | bekväm | komfortabel, behagelig | komfortabel, behagelig |
ugly | ful | stygg | grim |
nice | fin, trevlig | fin, hyggelig | fin, hyggelig, pæn | pleasant
tasty | god, smaklig | god, smakfull | lækker | delicious
undrinkable | odrickbar | udrikkelig | udrikkelig |
drinkable | drickbar | drikkbar | drikkelig | potable
lukewarm | ljummen | lunken | lunken | tepid
secure | låsbar | låsbar | aflåselig | lockable
reflective | reflekterande | reflekterende, refleks | reflekterende, refleks | high-visibility, hi-vis
green | grön | grønn | grøn |
red | röd | rød | rød |
white | vit | hvit | hvid |
black | svart | svart | sort |
brown | brun | brun | brun |
"""

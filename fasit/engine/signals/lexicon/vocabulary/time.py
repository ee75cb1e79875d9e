"""Time, calendar, quantities and measures."""

ROWS = """
time | tid | tid | tid |
day | dag | dag | dag |
night | natt, nattetid | natt, nattestid | nat, nattetid | overnight
evening | kväll, kvällstid | kveld, kveldstid | aften |
morning | morgon, förmiddag | morgen, formiddag | morgen, formiddag |
afternoon | eftermiddag | ettermiddag | eftermiddag |
lunch | lunch | lunsj | frokost | lunchtime
week | vecka | uke | uge |
weekend | helg, veckoslut | helg, helgen | weekend | weekends
month | månad | måned | måned |
year | år | år | år |
hour | timme | time | time |
minute | minut | minutt | minut |
second | sekund | sekund | sekund |
quarter | kvartal | kvartal | kvartal |
season | säsong, årstid | sesong | sæson |
winter | vinter | vinter | vinter |
spring | vår | vår | forår |
summer | sommar | sommer | sommer |
autumn | höst | høst | efterår | fall
holiday | semester, ledighet, helgdag | ferie, fridag | ferie, helligdag | vacation
christmas | jul | jul | jul | xmas
easter | påsk | påske | påske |
monday | måndag | mandag | mandag |
tuesday | tisdag | tirsdag | tirsdag |
wednesday | onsdag | onsdag | onsdag |
thursday | torsdag | torsdag | torsdag |
friday | fredag | fredag | fredag |
saturday | lördag | lørdag | lørdag |
sunday | söndag | søndag | søndag |
today | idag | i dag | i dag |
tomorrow | imorgon | i morgen | i morgen |
yesterday | igår | i går | i går |
deadline | deadline, tidsfrist, sista dag | frist, tidsfrist | frist, tidsfrist | due date, cut-off
schedule | schema, tidsplan, tidtabell | timeplan, turnus, vaktplan, rutetabell | vagtplan, tidsplan, køreplan | rota, roster, timetable, shift plan
shift | skift, pass, arbetspass | skift, vakt | skift, vagt | duty
opening hours | öppettider | åpningstider | åbningstider | business hours
appointment | tid, besökstid, bokning | avtale, time | aftale, tid | booking
period | period | periode | periode | term
date | datum | dato | dato |
calendar | kalender | kalender | kalender |
age | ålder | alder | alder |
number | antal, nummer | antall, nummer | antal, nummer | amount
amount | mängd, belopp | mengde, beløp | mængde, beløb | quantity, sum
percent | procent | prosent | procent | per cent
half | halv, hälften | halv, halvparten | halv, halvdelen |
double | dubbel | dobbel | dobbelt | twice
degree | grad | grad | grad | degrees
temperature | temperatur, värme | temperatur | temperatur |
weight | vikt | vekt | vægt |
length | längd | lengde | længde |
size | storlek | størrelse | størrelse | dimension
volume | volym | volum | volumen |
metre | meter | meter | meter | meters, metres
kilometre | kilometer, mil | kilometer, mil | kilometer | mile
kilo | kilo | kilo | kilo | kilogram
litre | liter | liter | liter | liters, litres
ton | ton | tonn | ton | tonne
square metre | kvadratmeter | kvadratmeter | kvadratmeter | sqm
level | nivå | nivå | niveau |
limit | gräns, gränsvärde, tak | grense, grenseverdi | grænse, grænseværdi | threshold, cap
minimum | minimum, minst | minimum, minst | minimum, mindst | at least
maximum | maximum, max | maksimum | maksimum | at most
average | genomsnitt, snitt | gjennomsnitt, snitt | gennemsnit, snit | mean
total | totalt, summa | totalt, sum | i alt, sum |
rest | rast, paus | pause | pause | break
overtime | övertid | overtid | overarbejde |
working hours | arbetstid | arbeidstid | arbejdstid | work hours
frequency | frekvens | frekvens | frekvens | how often
interval | intervall | intervall | interval |
duration | varaktighet, längd | varighet | varighed |
delay | försening | forsinkelse | forsinkelse | hold-up
history | historik | historikk | historik | log
future | framtid | fremtid | fremtid |
past | förr, tidigare | tidligere | tidligere | previously
anniversary | jubileum | jubileum | jubilæum |
"""

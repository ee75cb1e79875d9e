"""People, roles, organisations and groups."""

ROWS = """
# pivot | sv | nb | da | en
person | person, människa | person, menneske | person, menneske | people, human
employee | anställd, medarbetare, personal, arbetstagare | ansatt, medarbeider, personale, arbeidstaker | ansat, medarbejder, personale, lønmodtager | staff, worker, personnel, workforce
colleague | kollega, arbetskamrat | kollega, arbeidskamerat | kollega, arbejdskammerat | coworker
manager | chef, ledare, förman, arbetsledare | sjef, leder, formann, arbeidsleder | chef, leder, formand, arbejdsleder | boss, supervisor, foreman, head
director | direktör, vd | direktør, daglig leder | direktør, administrerende direktør | ceo, executive
owner | ägare | eier | ejer | proprietor
customer | kund, klient | kunde, klient | kunde, klient | client
guest | gäst | gjest | gæst |
visitor | besökare, besökande | besøkende | besøgende | caller
supplier | leverantör | leverandør | leverandør | vendor, provider
partner | partner, samarbetspartner | partner, samarbeidspartner | partner, samarbejdspartner | collaborator
contractor | entreprenör, underleverantör, hantverkare | entreprenør, underleverandør, håndverker | entreprenør, underleverandør, håndværker | subcontractor, tradesman, craftsman
technician | tekniker, montör, servicetekniker | tekniker, montør, servicetekniker | tekniker, montør, servicetekniker | engineer, fitter, mechanic
electrician | elektriker, elinstallatör | elektriker, elektroinstallatør | elektriker, el-installatør |
plumber | rörmokare, vvs-montör | rørlegger | vvs-montør, blikkenslager |
carpenter | snickare, timmerman | snekker, tømrer | tømrer, snedker | joiner
painter | målare | maler | maler |
cleaner | städare, lokalvårdare, städpersonal | renholder, vaskehjelp, rengjøringspersonale | rengøringsassistent, rengøringspersonale | janitor, custodian
driver | chaufför, förare, bilförare | sjåfør, fører | chauffør, fører | chauffeur
courier | bud, kurir | bud, kurer | bud, kurér | messenger
guard | väktare, vakt, ordningsvakt | vekter, vakt | vagt, vægter | security guard, watchman
receptionist | receptionist | resepsjonist | receptionist | front desk clerk
cook | kock, kokerska | kokk | kok | chef cook
waiter | servitör, servitris | servitør, kelner | tjener, servitrice | waitress
nurse | sjuksköterska, undersköterska | sykepleier, helsefagarbeider | sygeplejerske, sosu-assistent |
doctor | läkare, doktor | lege, doktor | læge, doktor | physician
patient | patient | pasient | patient |
resident | boende, invånare, hyresgäst | beboer, innbygger, leietaker | beboer, indbygger, lejer | tenant, inhabitant
carer | vårdare, omsorgspersonal, vårdbiträde | pleier, omsorgsarbeider | plejer, hjemmehjælper | caregiver, care worker
teacher | lärare, pedagog | lærer, pedagog | lærer, pædagog | educator
pupil | elev | elev | elev | student
student | student, studerande | student | studerende |
child | barn | barn | barn | kid, children
parent | förälder, föräldrar | forelder, foreldre | forælder, forældre |
principal | rektor | rektor | rektor, skoleleder | headteacher, headmaster
passenger | passagerare, resenär | passasjer, reisende | passager, rejsende | traveller, traveler
pilot | pilot | pilot | pilot |
captain | kapten, befälhavare | kaptein | kaptajn | skipper
crew | besättning | mannskap | besætning |
farmer | bonde, lantbrukare | bonde, gårdbruker | landmand |
fisherman | fiskare | fisker | fisker |
operator | operatör, maskinförare | operatør, maskinfører | operatør, maskinfører | machine operator
engineer | ingenjör | ingeniør | ingeniør |
architect | arkitekt | arkitekt | arkitekt |
consultant | konsult, rådgivare | konsulent, rådgiver | konsulent, rådgiver | adviser, advisor
lawyer | jurist, advokat | jurist, advokat | jurist, advokat | attorney, solicitor
accountant | revisor, redovisningskonsult | regnskapsfører, revisor | revisor, bogholder | auditor, bookkeeper
buyer | inköpare, upphandlare | innkjøper | indkøber | purchaser, procurement officer
seller | säljare, försäljare | selger | sælger | salesperson, salesman, rep
salesperson | säljare | selger | sælger |
apprentice | lärling | lærling | lærling | trainee
intern | praktikant | praktikant | praktikant |
temp | vikarie, ersättare, inhyrd | vikar, innleid, erstatter | vikar, afløser, indlejet | substitute, stand-in, cover, replacement staff
volunteer | volontär, frivillig | frivillig | frivillig |
union | fack, fackförening | fagforening | fagforening | trade union
board | styrelse | styre | bestyrelse | board of directors
management | ledning, företagsledning | ledelse | ledelse | leadership
team | team, arbetslag, lag | team, arbeidslag, lag | team, arbejdshold, hold | crew
department | avdelning, enhet | avdeling, enhet | afdeling, enhed | unit, division
company | företag, bolag, firma | bedrift, selskap, firma, foretak | virksomhed, selskab, firma | business, firm, enterprise
organisation | organisation | organisasjon | organisation | organization
authority | myndighet | myndighet, etat | myndighed | agency, regulator
municipality | kommun | kommune | kommune | council, local authority
region | region, landsting | fylke, region | region | county
state | stat | stat | stat | government
ministry | departement | departement | ministerium |
police | polis | politi | politi |
fire brigade | räddningstjänst, brandkår | brannvesen | brandvæsen, beredskab | fire service, fire department
inspector | inspektör, kontrollant | inspektør, kontrollør | inspektør, kontrollant | auditor
tenant | hyresgäst | leietaker | lejer | lessee
landlord | hyresvärd, fastighetsägare | utleier, gårdeier | udlejer | property owner
neighbour | granne | nabo | nabo | neighbor
member | medlem | medlem | medlem |
user | användare | bruker | bruger |
recruit | nyanställd | nyansatt | nyansat | new hire, new employee
candidate | kandidat, sökande | kandidat, søker | kandidat, ansøger | applicant
expert | expert, specialist | ekspert, spesialist | ekspert, specialist | specialist
coordinator | samordnare, koordinator | koordinator | koordinator |
administrator | administratör | administrator | administrator | admin
secretary | sekreterare | sekretær | sekretær |
caretaker | vaktmästare, fastighetsskötare | vaktmester | pedel, vicevært, ejendomsfunktionær | janitor, facility manager
host | värd, värdinna | vert | vært | hostess
lifeguard | badvakt, livräddare | badevakt, livredder | livredder, badevagt |
coach | tränare | trener | træner | trainer
athlete | idrottare | idrettsutøver | idrætsudøver, sportsudøver | sportsman
audience | publik, åskådare | publikum, tilskuere | publikum, tilskuere | spectators
elderly | äldre, pensionär | eldre, pensjonist | ældre, pensionist | senior, pensioner
family | familj | familie | familie |
friend | vän, kompis | venn | ven |
citizen | medborgare, invånare | borger, innbygger | borger, indbygger |
public | allmänhet | allmennheten, publikum | offentligheden | general public
competitor | konkurrent | konkurrent | konkurrent | rival
authority staff | tjänsteman | saksbehandler, byråkrat | sagsbehandler, embedsmand | civil servant, caseworker
politician | politiker | politiker | politiker |
chairman | ordförande | styreleder, leder | formand | chair
shareholder | aktieägare, delägare | aksjonær, medeier | aktionær, medejer | stakeholder
group | grupp, koncern | gruppe, konsern | gruppe, koncern |
chain | kedja | kjede | kæde |
branch | filial | filial, avdelingskontor | filial | subsidiary
headquarters | huvudkontor | hovedkontor | hovedkontor | head office
staffing agency | bemanningsföretag | bemanningsbyrå | vikarbureau | temp agency
association | förening | forening | forening | club, society
"""

"""Words and sentences the demo generator draws from.

The customer statements are written per theme and language so the signals
board in the demo has themes at every level; their wording varies on purpose.
"""

FIRST_NAMES = {
    "NO": ["Kari", "Ole", "Ingrid", "Lars", "Marte", "Henrik", "Silje", "Jon", "Ragnhild", "Eirik",
           "Hanne", "Trond", "Solveig", "Anders", "Tone", "Bjørn", "Linn", "Petter", "Astrid", "Knut"],
    "SE": ["Anna", "Erik", "Karin", "Johan", "Maria", "Per", "Eva", "Magnus", "Lena", "Fredrik",
           "Sara", "Anders", "Helena", "Mikael", "Ulrika", "Björn", "Elin", "Gustav", "Malin", "Oskar"],
    "DK": ["Mette", "Søren", "Louise", "Jens", "Camilla", "Rasmus", "Pernille", "Niels", "Sanne",
           "Morten", "Line", "Henrik", "Trine", "Jesper", "Lotte", "Anders", "Maja", "Kasper", "Ida", "Mikkel"],
}
LAST_NAMES = {
    "NO": ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
           "Berg", "Haugen", "Bakke", "Solberg", "Moen", "Lie", "Dahl", "Strand"],
    "SE": ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
           "Svensson", "Gustafsson", "Lindberg", "Holm", "Lund", "Ek", "Berglund", "Sandberg"],
    "DK": ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
           "Rasmussen", "Jørgensen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen", "Møller"],
}
PLACES = {
    "NO": ["Bergen", "Trondheim", "Stavanger", "Drammen", "Tromsø", "Ålesund", "Bodø", "Skien", "Hamar", "Molde"],
    "SE": ["Västerås", "Göteborg", "Malmö", "Uppsala", "Örebro", "Linköping", "Umeå", "Jönköping", "Luleå", "Gävle"],
    "DK": ["Odense", "Aarhus", "Aalborg", "Esbjerg", "Vejle", "Kolding", "Horsens", "Randers", "Herning", "Roskilde"],
}
COMPANY_WORDS = {
    "NO": (["Mekaniske", "Energi", "Bygg", "Kommune", "Havbruk", "Elektro", "Industri", "Transport"], "AS"),
    "SE": (["Verkstad", "Energi", "Bygg", "Kommun", "Plast", "Elteknik", "Industri", "Logistik"], "AB"),
    "DK": (["Maskinfabrik", "Forsyning", "Byg", "Kommune", "Plast", "El-teknik", "Industri", "Transport"], "A/S"),
}
TITLES = [
    ("Administrerende direktør / CEO", "decision_maker"),
    ("Innkjøpssjef / Head of purchasing", "economic_buyer"),
    ("CFO", "economic_buyer"),
    ("Produksjonssjef / Production manager", "influencer"),
    ("Vedlikeholdsleder / Maintenance lead", "champion"),
    ("Driftstekniker / Operator", "user"),
    ("Prosjektleder / Project manager", "influencer"),
    ("Sentralbord / Reception", "gatekeeper"),
    ("Innkjøper / Buyer", "user"),
    ("IT-ansvarlig / IT lead", "influencer"),
]
INTERESTS = ["skiing", "sailing", "football (Rosenborg)", "golf", "orienteering", "fly fishing",
             "cycling", "jazz", "cooking", "hunting", "running marathons", "handball", "cross-country skiing",
             "photography", "wine", "mountain hiking", "choir singing", "woodwork", "ice hockey", "gardening"]
FAMILY = [("Partner", "Siri"), ("Daughter", "Emma"), ("Son", "Noah"), ("Partner", "Thomas"),
          ("Son", "William"), ("Daughter", "Nora"), ("Partner", "Hanna"), ("Daughter", "Alma")]
WHAT_MATTERS = [
    "Wants suppliers who keep their promises on delivery dates.",
    "Is measured on uptime; hates surprises.",
    "Cares about the environmental footprint of what they buy.",
    "Prefers one contact who knows their plant.",
    "Needs arguments the CFO accepts: total cost over five years.",
    "Proud of the apprentices they train; likes suppliers who help with training.",
]
LIFE_EVENTS = ["Became grandparent", "Moved to a new house", "Ran the Birkebeiner race", "Child started school",
               "Returned from parental leave", "Promoted to the management team", "Daughter got married"]

# Customer statements by theme; each theme has wording in several languages.
STATEMENTS = {
    "pay_per_use": {
        "nb": ["Vi vil heller betale per driftstime enn å kjøpe maskinene.",
               "Vi ønsker en leieavtale der vi betaler etter bruk."],
        "sv": ["Vi vill inte äga utrustningen, vi vill betala för hur mycket den används.",
               "Kan ni erbjuda en modell där vi betalar per drifttimme?"],
        "da": ["Vi vil hellere lease udstyret og betale efter forbrug.",
               "Vi skal have en betaling pr. driftstime i stedet for et køb."],
        "en": ["We would rather pay per hour of use than buy the equipment outright."],
    },
    "delivery_time": {
        "nb": ["Vi trenger kortere leveringstid på reservedeler, to uker er for lenge.",
               "Leveringstiden er det som avgjør for oss neste år."],
        "sv": ["Vi behöver kortare leveranstid på reservdelar.",
               "Leveranstiderna är för långa, vi kan inte vänta tre veckor."],
        "da": ["Vi har brug for kortere leveringstid på reservedele."],
        "en": ["We need spare parts delivered within a few days, not weeks."],
    },
    "remote_monitoring": {
        "nb": ["Vi ønsker fjernovervåking av anleggene så vi ser feil før de skjer."],
        "sv": ["Det vore bra om ni kunde övervaka maskinerna på distans."],
        "da": ["Vi vil gerne have fjernovervågning af pumperne."],
        "en": ["It would help if you could monitor the machines remotely and warn us."],
    },
    "invoice": {
        "nb": ["Vi trenger én samlet faktura per måned i stedet for mange små."],
        "sv": ["Vi vill ha en samlingsfaktura per månad, inte en per leverans."],
        "da": ["Vi ønsker en samlet faktura hver måned."],
        "en": ["We want one consolidated invoice per month."],
    },
    "weekend_support": {
        "nb": ["Vi trenger support i helgene, det er da produksjonen går hardest."],
        "sv": ["Vi behöver support även på helger."],
        "en": ["We need someone to answer the phone at weekends."],
    },
    "training": {
        "sv": ["Våra operatörer behöver utbildning på svenska."],
        "da": ["Vi mangler oplæring af nye medarbejdere i brugen af anlægget."],
    },
    "climate_report": {
        "en": ["Our board wants a CO2 report for everything we buy from you."],
        "nb": ["Vi må rapportere klimaavtrykket fra innkjøpene våre, kan dere levere tallene?"],
    },
    "framework": {
        "da": ["Vi vil gerne have en rammeaftale over tre år."],
    },
}
SMALL_TALK = {
    "nb": ["Hyggelig møte, god stemning.", "Vi gikk gjennom status på prosjektet."],
    "sv": ["Trevligt möte, bra stämning.", "Vi gick igenom läget i projektet."],
    "da": ["Godt møde med god stemning.", "Vi gennemgik status på projektet."],
    "en": ["Good meeting, positive mood.", "We went through the project status."],
}
NEXT_STEPS = {
    "nb": "Neste steg: sende tilbud innen fredag.",
    "sv": "Nästa steg: skicka offert före fredag.",
    "da": "Næste skridt: sende tilbud inden fredag.",
    "en": "Next step: send a quote by Friday.",
}
FOLLOW_UP_TASKS = ["Send quote", "Book a visit at the plant", "Send the service agreement draft",
                   "Call back about spare parts", "Share the reference case", "Invite to the customer day"]
COUNTRY_LANGUAGE = {"NO": "nb", "SE": "sv", "DK": "da"}

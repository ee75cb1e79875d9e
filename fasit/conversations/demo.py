"""Demo meeting transcripts, so the listening card and the Listening pages are alive
in ``make demo``.

Each seller gets one meeting a month over the last six months, in their own
language and sometimes in English, as a Teams WebVTT, Zoom WebVTT or SRT file. How
well they listen varies: some meetings are mostly questions and customer stories,
some are mostly pitch. Erik gets better month by month, Sofia listens well, Mads
pitches. The transcripts are stored and analysed synchronously, with the function
the background task uses.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from django.utils import timezone

from fasit.conversations.models import Conversation, Kind
from fasit.conversations.services import listening_analyse, transcript_store
from fasit.tenancy.models import Team

MONTHS = 6
ENGLISH_MONTHS = {1, 4}
# (username, home language, listening skill six months ago, and today): 0 pitches, 1 listens.
SELLERS = [
    ("erik", "nb", 0.15, 0.9),
    ("sofia", "sv", 0.75, 0.85),
    ("mads", "da", 0.2, 0.35),
]
WORDS_PER_SECOND = 2.6

PHRASES: dict[str, dict[str, list[str]]] = {
    "sv": {
        "hello_seller": ["Hej {customer}, tack för att du tog dig tid i dag."],
        "hello_customer": ["Hej {seller}! Absolut, roligt att ses."],
        "agenda": [
            "Jag tänkte att vi börjar med hur ni har det i dag, och sedan visar jag gärna "
            "lite om det passar."
        ],
        "open": [
            "Hur ser ert underhåll ut i dag?",
            "Vad tar mest tid för teknikerna just nu?",
            "Berätta om det senaste stoppet ni hade.",
            "Varför tittar ni på det här just nu?",
            "Vilka fler är med och bestämmer i en sådan här fråga?",
            "Hur märker ni att en maskin är på väg att gå sönder?",
            "Vad skulle hända om ni inte gör något alls?",
            "När behöver ni ha något på plats?",
            "Hur har ni löst reservdelarna hittills?",
            "Vad var det som inte fungerade med förra leverantören?",
            "Vilken del av processen är mest sårbar?",
            "Hur mäter ni tillgängligheten på linjerna?",
        ],
        "closed": [
            "Har ni en budget för det här i år?",
            "Är det du som äger frågan?",
            "Kör ni fortfarande med papperslistor?",
            "Skulle en pilot på en linje kunna passa?",
            "Går ni treskift hela året?",
        ],
        "story": [
            "Vi har tre fabriker och ingen gemensam bild av underhållet.",
            "Förra vintern stod linje två stilla i nästan två dygn.",
            "Teknikerna ringer runt och letar reservdelar, det tar timmar varje vecka.",
            "Ledningen vill se siffror på tillgängligheten varje månad, och dem har vi inte.",
            "Vi har provat ett system tidigare, men ingen orkade fylla i det.",
            "Det som oroar mig mest är att de som kan maskinerna går i pension snart.",
            "Inköp vill helst ha ett ramavtal så att vi slipper upphandla varje gång.",
            "Vår produktionschef mäter allt i stopptimmar, så det är den siffran som räknas.",
            "Vi har också ett miljömål om att minska energin med tio procent.",
            "Ärligt talat är vi lite trötta på leverantörer som lovar för mycket.",
        ],
        "yes": ["Ja, det har vi.", "Nej, inte än.", "Det tror jag, ja.", "Nja, delvis."],
        "backchannel": ["Mm.", "Okej.", "Ja.", "Precis.", "Jaha."],
        "summary": [
            "Om jag förstår dig rätt är det stoppen på linje två som kostar mest.",
            "Så det du säger är att ni saknar en gemensam bild av underhållet.",
            "Det låter som att kunskapen sitter i några få personer.",
        ],
        "pitch": [
            "Vår plattform samlar all underhållsdata på ett ställe.",
            "Vi har över tvåhundra kunder i Norden, många inom tillverkning.",
            "Sensorerna monteras på en dag och kräver ingen ombyggnad.",
            "Teknikerna får en app där de ser vilka maskiner som behöver service.",
            "Vi är marknadsledande på förebyggande underhåll i Sverige.",
            "Systemet larmar innan lagren går sönder, ofta flera veckor innan.",
            "Våra kunder brukar minska stopptiden med ungefär en tredjedel.",
            "Dessutom ingår support dygnet runt och en egen kontaktperson.",
            "Vi kan också ta över reservdelslagret om ni vill.",
            "Priset är per maskin och månad, så det är lätt att börja smått.",
        ],
        "close_seller": ["Då skickar jag ett förslag till fredag. Tack för i dag!"],
        "close_customer": ["Tack själv, vi hörs."],
    },
    "nb": {
        "hello_seller": ["Hei {customer}, takk for at du tok deg tid i dag."],
        "hello_customer": ["Hei {seller}! Bare hyggelig."],
        "agenda": [
            "Jeg tenkte vi starter med hvordan dere har det i dag, og så kan jeg vise litt "
            "etterpå hvis det passer."
        ],
        "open": [
            "Hvordan ser vedlikeholdet ut hos dere i dag?",
            "Hva tar mest tid for teknikerne akkurat nå?",
            "Fortell om den siste stansen dere hadde.",
            "Hvorfor ser dere på dette akkurat nå?",
            "Hvem andre er med og bestemmer i en sånn sak?",
            "Hvordan merker dere at en maskin er i ferd med å gå i stykker?",
            "Hva skjer hvis dere ikke gjør noe?",
            "Når må dere ha noe på plass?",
            "Hvordan har dere løst reservedelene til nå?",
            "Hva var det som ikke fungerte med forrige leverandør?",
            "Hvilken del av prosessen er mest sårbar?",
            "Hvordan måler dere tilgjengeligheten på linjene?",
        ],
        "closed": [
            "Har dere budsjett til dette i år?",
            "Er det du som eier saken?",
            "Bruker dere fortsatt papirlister?",
            "Kunne en pilot på én linje passe?",
            "Kjører dere treskift hele året?",
        ],
        "story": [
            "Vi har tre anlegg og ikke noe felles bilde av vedlikeholdet.",
            "I fjor vinter sto linje to stille i nesten to døgn.",
            "Teknikerne ringer rundt og leter etter reservedeler, det tar timer hver uke.",
            "Ledelsen vil ha tall på tilgjengelighet hver måned, og dem har vi ikke.",
            "Vi prøvde et system tidligere, men ingen gadd å fylle det ut.",
            "Det som bekymrer meg mest, er at de som kan maskinene snart går av med pensjon.",
            "Innkjøp vil helst ha en rammeavtale så vi slipper anbud hver gang.",
            "Produksjonssjefen vår måler alt i stopptimer, så det er det tallet som teller.",
            "Vi har også et miljømål om å kutte energibruken med ti prosent.",
            "Ærlig talt er vi litt lei leverandører som lover for mye.",
        ],
        "yes": ["Ja, det har vi.", "Nei, ikke ennå.", "Det tror jeg, ja.", "Tja, delvis."],
        "backchannel": ["Mm.", "Ok.", "Ja.", "Akkurat.", "Skjønner."],
        "summary": [
            "Hvis jeg har forstått deg riktig, er det stansene på linje to som koster mest.",
            "Så det du sier er at dere mangler et felles bilde av vedlikeholdet.",
            "Det høres ut som at kunnskapen sitter hos noen få personer.",
        ],
        "pitch": [
            "Plattformen vår samler alle vedlikeholdsdata på ett sted.",
            "Vi har over to hundre kunder i Norden, mange innen industri.",
            "Sensorene monteres på én dag og krever ingen ombygging.",
            "Teknikerne får en app der de ser hvilke maskiner som trenger service.",
            "Vi er markedsledende på forebyggende vedlikehold i Norge.",
            "Systemet varsler før lagrene går, ofte flere uker før.",
            "Kundene våre reduserer stansetiden med omtrent en tredjedel.",
            "I tillegg får dere døgnåpen support og en egen kontaktperson.",
            "Vi kan også ta over reservedelslageret om dere vil.",
            "Prisen er per maskin per måned, så det er lett å starte smått.",
        ],
        "close_seller": ["Da sender jeg et tilbud innen fredag. Takk for i dag!"],
        "close_customer": ["Takk selv, vi snakkes."],
    },
    "da": {
        "hello_seller": ["Hej {customer}, tak fordi du havde tid i dag."],
        "hello_customer": ["Hej {seller}! Selv tak."],
        "agenda": [
            "Jeg tænkte, vi starter med, hvordan I har det i dag, og så viser jeg gerne "
            "lidt bagefter, hvis det passer."
        ],
        "open": [
            "Hvordan ser jeres vedligehold ud i dag?",
            "Hvad tager mest tid for teknikerne lige nu?",
            "Fortæl om det seneste stop, I havde.",
            "Hvorfor kigger I på det her lige nu?",
            "Hvem er ellers med til at beslutte sådan noget?",
            "Hvordan opdager I, at en maskine er ved at gå i stykker?",
            "Hvad sker der, hvis I ikke gør noget?",
            "Hvornår skal I have noget på plads?",
            "Hvordan har I klaret reservedelene indtil nu?",
            "Hvad var det, der ikke virkede med den forrige leverandør?",
            "Hvilken del af processen er mest sårbar?",
            "Hvordan måler I tilgængeligheden på linjerne?",
        ],
        "closed": [
            "Har I et budget til det her i år?",
            "Er det dig, der ejer sagen?",
            "Bruger I stadig papirlister?",
            "Kunne en pilot på én linje passe?",
            "Kører I treholdsskift hele året?",
        ],
        "story": [
            "Vi har tre fabrikker og intet fælles overblik over vedligeholdet.",
            "Sidste vinter stod linje to stille i næsten to døgn.",
            "Teknikerne ringer rundt og leder efter reservedele, det tager timer hver uge.",
            "Ledelsen vil se tal for tilgængelighed hver måned, og dem har vi ikke.",
            "Vi prøvede et system før, men ingen gad udfylde det.",
            "Det, der bekymrer mig mest, er, at dem, der kender maskinerne, snart går på pension.",
            "Indkøb vil helst have en rammeaftale, så vi slipper for udbud hver gang.",
            "Vores produktionschef måler alt i stoptimer, så det er det tal, der tæller.",
            "Vi har også et miljømål om at skære energiforbruget med ti procent.",
            "Ærligt talt er vi lidt trætte af leverandører, der lover for meget.",
        ],
        "yes": ["Ja, det har vi.", "Nej, ikke endnu.", "Det tror jeg, ja.", "Tja, delvist."],
        "backchannel": ["Mm.", "Okay.", "Ja.", "Præcis.", "Nå."],
        "summary": [
            "Hvis jeg forstår dig ret, er det stoppene på linje to, der koster mest.",
            "Så det du siger er, at I mangler et fælles overblik over vedligeholdet.",
            "Det lyder som om, at viden sidder hos nogle få personer.",
        ],
        "pitch": [
            "Vores platform samler alle vedligeholdsdata ét sted.",
            "Vi har over to hundrede kunder i Norden, mange inden for industri.",
            "Sensorerne monteres på én dag og kræver ingen ombygning.",
            "Teknikerne får en app, hvor de ser, hvilke maskiner der skal have service.",
            "Vi er markedsførende inden for forebyggende vedligehold i Danmark.",
            "Systemet advarer, før lejerne går, ofte flere uger før.",
            "Vores kunder reducerer stoptiden med omkring en tredjedel.",
            "Derudover får I support døgnet rundt og en fast kontaktperson.",
            "Vi kan også overtage reservedelslageret, hvis I vil.",
            "Prisen er pr. maskine pr. måned, så det er nemt at starte i det små.",
        ],
        "close_seller": ["Så sender jeg et tilbud inden fredag. Tak for i dag!"],
        "close_customer": ["Selv tak, vi høres."],
    },
    "en": {
        "hello_seller": ["Hi {customer}, thanks for making the time today."],
        "hello_customer": ["Hi {seller}! Happy to."],
        "agenda": [
            "I thought we would start with how things work for you today, and then I can "
            "show you a few things if that suits you."
        ],
        "open": [
            "How does your maintenance work today?",
            "What takes most of your technicians' time right now?",
            "Tell me about the last stoppage you had.",
            "Why are you looking at this right now?",
            "Who else is involved in a decision like this?",
            "How do you notice that a machine is about to fail?",
            "What happens if you do nothing at all?",
            "When do you need something in place?",
            "How have you handled spare parts so far?",
            "What did not work with your previous supplier?",
            "Which part of the process is the most vulnerable?",
            "How do you measure the availability of the lines?",
        ],
        "closed": [
            "Do you have a budget for this year?",
            "Are you the one who owns this?",
            "Are you still using paper checklists?",
            "Would a pilot on one line work for you?",
            "Do you run three shifts all year?",
        ],
        "story": [
            "We have three plants and no shared picture of maintenance.",
            "Last winter line two was down for almost two days.",
            "The technicians call around looking for spare parts, it takes hours every week.",
            "Management wants availability figures every month, and we do not have them.",
            "We tried a system before, but nobody could be bothered to fill it in.",
            "What worries me most is that the people who know the machines retire soon.",
            "Purchasing would rather have a framework agreement than a tender every time.",
            "Our production manager measures everything in hours of downtime.",
            "We also have an environmental goal to cut energy use by ten percent.",
            "Honestly, we are a bit tired of suppliers who promise too much.",
        ],
        "yes": ["Yes, we do.", "No, not yet.", "I think so, yes.", "Well, partly."],
        "backchannel": ["Mm.", "Okay.", "Right.", "Sure.", "I see."],
        "summary": [
            "So what I'm hearing is that the stoppages on line two cost you the most.",
            "If I understand you correctly, you lack a shared picture of maintenance.",
            "In other words, the knowledge sits with a few people.",
        ],
        "pitch": [
            "Our platform collects all your maintenance data in one place.",
            "We have more than two hundred customers in the Nordics, many in manufacturing.",
            "The sensors are fitted in a day and need no rebuilding.",
            "Your technicians get an app that shows which machines need service.",
            "We are the market leader in preventive maintenance in the region.",
            "The system warns you before a bearing fails, often weeks before.",
            "Our customers usually cut their downtime by about a third.",
            "On top of that you get round-the-clock support and a named contact.",
            "We can also take over your spare-parts stock if you like.",
            "The price is per machine and month, so it is easy to start small.",
        ],
        "close_seller": ["Then I will send you a proposal by Friday. Thanks for today!"],
        "close_customer": ["Thank you, talk soon."],
    },
}

COLLEAGUES = {
    "sv": "Johan Ek",
    "nb": "Trine Aas",
    "da": "Lene Holm",
    "en": "Chris Walker",
}


def _meeting(
    rng: random.Random, language: str, seller: str, customer: str, skill: float
) -> list[tuple[str, str]]:
    """(speaker, sentence) in order: how much the seller asks, listens and pitches
    follows ``skill``."""
    p = PHRASES[language]
    first_name = customer.split()[0]
    lines: list[tuple[str, str]] = [
        (seller, rng.choice(p["hello_seller"]).format(customer=first_name)),
        (customer, rng.choice(p["hello_customer"]).format(seller=seller.split()[0])),
    ]
    colleague = COLLEAGUES[language] if rng.random() < 0.3 else None

    def pitch(sentences: int) -> None:
        for sentence in rng.sample(p["pitch"], min(sentences, len(p["pitch"]))):
            lines.append((seller, sentence))
            if rng.random() < 0.25:
                lines.append((customer, rng.choice(p["backchannel"])))

    def story(sentences: int) -> None:
        teller = colleague if colleague and rng.random() < 0.3 else customer
        for sentence in rng.sample(p["story"], min(sentences, len(p["story"]))):
            lines.append((teller, sentence))
            if rng.random() < 0.2:
                lines.append((seller, rng.choice(p["backchannel"])))

    if skill < 0.5:
        pitch(rng.randint(6, 10))
    else:
        lines.append((seller, p["agenda"][0]))
    questions = round(3 + skill * 10 + rng.uniform(-1.5, 1.5))
    open_share = 0.25 + 0.65 * skill
    open_pool = rng.sample(p["open"], len(p["open"]))
    summaries = rng.sample(p["summary"], len(p["summary"]))
    for i in range(max(2, questions)):
        if open_pool and rng.random() < open_share:
            lines.append((seller, open_pool.pop()))
            story(rng.randint(1, 2) + round(skill * 3))
        else:
            lines.append((seller, rng.choice(p["closed"])))
            lines.append((customer, rng.choice(p["yes"])))
        if summaries and rng.random() < skill * 0.45 and i > 1:
            lines.append((seller, summaries.pop()))
            lines.append((customer, rng.choice(p["backchannel"])))
        if skill < 0.5 and rng.random() < 0.35:
            pitch(rng.randint(2, 4))
    pitch(rng.randint(2, 4) if skill >= 0.5 else rng.randint(4, 7))
    lines.append((seller, p["close_seller"][0]))
    lines.append((customer, p["close_customer"][0]))
    return lines


def _cues(rng: random.Random, lines: list[tuple[str, str]]) -> list[tuple[float, float, str, str]]:
    """Timed captions: one per sentence, speaking at a steady pace, short pauses."""
    cues, at, previous = [], rng.uniform(1, 4), None
    for speaker, text in lines:
        at += rng.uniform(0.05, 0.3) if speaker == previous else rng.uniform(0.4, 1.6)
        length = max(0.6, len(text.split()) / WORDS_PER_SECOND * rng.uniform(0.85, 1.2))
        cues.append((at, at + length, speaker, text))
        at += length
        previous = speaker
    return cues


def _stamp(seconds: float, *, comma: bool = False, padded: bool = True) -> str:
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    if not padded:  # the Graph API's style: 0:3:7.25
        return f"{hours}:{minutes}:{secs}.{millis // 10:02d}"
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{',' if comma else '.'}{millis:03d}"


def render_transcript(fmt: str, cues: list[tuple[float, float, str, str]], seed: int) -> str:
    """``teams`` (voice tags, GUID cue ids, Graph timestamps), ``zoom`` or ``srt``."""
    if fmt == "teams":
        guid = f"{seed:08x}-77aa-4f00-9d3e-5b1c0e2a{seed % 9999:04d}"
        blocks = [
            f"{guid}/{i}-0\n{_stamp(s, padded=False)} --> {_stamp(e, padded=False)}\n"
            f"<v {who}>{text}</v>"
            for i, (s, e, who, text) in enumerate(cues, 1)
        ]
        return "WEBVTT\n\n" + "\n\n".join(blocks) + "\n"
    if fmt == "zoom":
        blocks = [
            f"{i}\n{_stamp(s)} --> {_stamp(e)}\n{who}: {text}"
            for i, (s, e, who, text) in enumerate(cues, 1)
        ]
        return "WEBVTT\n\n" + "\n\n".join(blocks) + "\n"
    blocks = [
        f"{i}\n{_stamp(s, comma=True)} --> {_stamp(e, comma=True)}\n{who}: {text}"
        for i, (s, e, who, text) in enumerate(cues, 1)
    ]
    return "\n\n".join(blocks) + "\n"


def _conversation_for(
    team: Team, user: Any, start: dt.datetime, end: dt.datetime
) -> Conversation | None:
    """A meeting, video call or call of this seller in the window, with a customer."""
    return (
        Conversation.objects.for_team(team)
        .filter(
            users=user,
            occurred_at__gte=start,
            occurred_at__lt=end,
            kind__in=[Kind.MEETING, Kind.VIDEO, Kind.CALL],
            people__isnull=False,
            transcript_file__isnull=True,
        )
        .select_related("account")
        .order_by("occurred_at", "pk")
        .first()
    )


def seed(
    *,
    team: Team,
    users: dict[str, Any],
    today: dt.date,
    seed: int,
    scale: int,
    log: Callable[[str], None],
) -> dict[str, int]:
    rng = random.Random(seed * 7919 + 3)
    now = timezone.make_aware(dt.datetime.combine(today, dt.time(15, 0)))
    formats = ["teams", "zoom", "srt"]
    count = 0
    for month in range(MONTHS):
        start = now - dt.timedelta(days=30 * (month + 1))
        end = now - dt.timedelta(days=30 * month)
        for username, home, then, later in SELLERS:
            user = users[username]
            conversation = _conversation_for(team, user, start, end)
            if conversation is None:
                continue
            person = conversation.people.order_by("pk").first()
            language = "en" if month in ENGLISH_MONTHS else home
            progress = 1 - month / (MONTHS - 1)
            skill = min(1.0, max(0.0, then + (later - then) * progress + rng.uniform(-0.1, 0.1)))
            seller_name = user.get_full_name()
            lines = _meeting(rng, language, seller_name, person.name, skill)
            fmt = formats[(count + month) % len(formats)]
            if fmt == "teams" and rng.random() < 0.5:
                # Teams writes "Last, First" for some directories; Fasit matches it.
                last, first = user.last_name, user.first_name
                lines = [(f"{last}, {first}" if s == seller_name else s, t) for s, t in lines]
            text = render_transcript(fmt, _cues(rng, lines), seed + count)
            suffix = "srt" if fmt == "srt" else "vtt"
            analysis = transcript_store(
                conversation=conversation,
                actor=user,
                name=f"{fmt}-{conversation.occurred_at:%Y-%m-%d}-{username}.{suffix}",
                content=text.encode(),
            )
            listening_analyse(analysis_id=analysis.pk)
            count += 1
    log(f"{count} transcripts analysed")
    return {"transcripts": count}

"""Benchmark of market-signal grouping: from scratch, and one add to a full index.

    .venv/bin/python bench/bench_signals.py            # 10,000 and 100,000 statements
    .venv/bin/python bench/bench_signals.py 20000      # other sizes

Statements are generated deterministically from templates across many themes and the
four languages, with fillers, numbers and place names for variety, plus ~10% small
talk with made-up words that each start a theme of their own (the worst case for the
index: many singleton themes). Languages are given, as the app stores them; detecting
them costs extra and is measured separately on the smallest size.

Targets: 100,000 from scratch <= 60 s and <= 4 GiB; one add <= 10 ms p95.
"""

from __future__ import annotations

import datetime as dt
import random
import resource
import sys
import time

from fasit.engine.signals.grouping import build_index
from fasit.engine.signals.model import Statement

THEMES: dict[str, dict[str, list[str]]] = {
    "einvoice": {
        "sv": [
            "Vi vill ha alla fakturor som e-faktura via Peppol",
            "Skicka fakturorna elektroniskt",
        ],
        "nb": ["Vi trenger EHF-faktura fra dere", "Fakturaene må komme som EHF"],
        "da": ["Vi skal have fakturaer i OIOUBL", "Send fakturaen elektronisk via Peppol"],
        "en": ["We need e-invoices through Peppol", "Please send invoices electronically"],
    },
    "lead_time": {
        "sv": ["Leveranstiden är för lång", "Vi behöver kortare leveranstid"],
        "nb": ["Leveringstiden er for lang", "Vi trenger kortere leveringstid"],
        "da": ["Leveringstiden er alt for lang", "Vi har brug for kortere leveringstid"],
        "en": ["Your lead time is too long", "We need shorter lead times"],
    },
    "spare_parts": {
        "sv": ["Ni borde ha reservdelar på lager i Sverige", "Reservdelslagret måste vara lokalt"],
        "nb": ["Reservedelene må ligge på lager i Norge", "Vi trenger et lokalt reservedelslager"],
        "da": ["Reservedele skal være på lager i Danmark", "Vi savner et lokalt reservedelslager"],
        "en": ["Spare parts must be stocked locally", "Keep spare parts in stock near us"],
    },
    "training": {
        "sv": ["Operatörerna behöver utbildning", "Utbildningen måste ingå"],
        "nb": ["Vi trenger opplæring av operatørene", "Opplæring må være inkludert"],
        "da": ["Vi har brug for et kursus til medarbejderne", "Oplæring skal være inkluderet"],
        "en": ["Our operators need training", "Training must be included"],
    },
    "support_hours": {
        "sv": [
            "Vi behöver support på helger och kvällar",
            "Supporten måste vara öppen dygnet runt",
        ],
        "nb": ["Vi trenger support i helgene", "Kundeservice må være åpen døgnet rundt"],
        "da": ["Vi har brug for support i weekenden", "Support skal være åben døgnet rundt"],
        "en": ["We need support at weekends", "Support must be available 24/7"],
    },
    "payment_terms": {
        "sv": ["Vi vill ha 60 dagars betalningstid", "Betalningsvillkoren är för korta"],
        "nb": ["Vi ønsker lengre betalingsfrist", "Betalingsbetingelsene må være 60 dager"],
        "da": ["Vi vil have længere betalingsfrist", "Betalingsbetingelserne er for korte"],
        "en": ["We want longer payment terms", "Payment terms of 60 days please"],
    },
    "webshop": {
        "sv": ["Vi vill beställa i en webbshop", "Kan vi beställa online själva"],
        "nb": ["Vi vil bestille i nettbutikken", "Kan vi bestille på nett selv"],
        "da": ["Vi vil bestille i en webshop", "Kan vi bestille online selv"],
        "en": ["We want to order in a web shop", "Can we order online ourselves"],
    },
    "pay_per_use": {
        "sv": ["Vi vill betala per användning", "Vi vill hellre hyra än köpa maskinen"],
        "nb": ["Vi vil betale per bruk", "Vi vil heller leie enn å kjøpe"],
        "da": ["Vi vil betale efter forbrug", "Vi vil hellere leje end købe"],
        "en": ["We want to pay per use", "We would rather lease than buy"],
    },
    "co2": {
        "sv": ["Vi behöver CO2-data per produkt", "Utan klimatdeklaration köper vi inte"],
        "nb": ["Vi trenger klimaregnskap per leveranse", "Vi må ha CO2-avtrykket per produkt"],
        "da": ["Vi skal dokumentere CO2-aftrykket", "Vi har brug for klimaaftryk per vare"],
        "en": ["We need the carbon footprint per product", "We must report CO2 per delivery"],
    },
    "contact": {
        "sv": ["Vi vill ha en kontaktperson", "Ge oss en fast kontakt"],
        "nb": ["Vi ønsker én fast kontaktperson", "Gi oss én kontakt hos dere"],
        "da": ["Vi vil have én fast kontaktperson", "Giv os én kontakt hos jer"],
        "en": ["We want one contact person", "Give us a single point of contact"],
    },
    "remote": {
        "sv": ["Vi vill ha fjärrövervakning av pumparna", "Övervaka maskinerna på distans"],
        "nb": ["Vi ønsker fjernovervåking av anlegget", "Overvåk maskinene på avstand"],
        "da": ["Vi vil have fjernovervågning af anlægget", "Overvåg maskinerne på afstand"],
        "en": ["We want remote monitoring of the pumps", "Monitor the machines remotely"],
    },
    "framework": {
        "sv": ["Vi vill ha ett ramavtal med fasta priser", "Ett ramavtal på tre år"],
        "nb": ["Vi ønsker en rammeavtale med faste priser", "En rammeavtale over tre år"],
        "da": ["Vi vil have en rammeaftale med faste priser", "En rammeaftale på tre år"],
        "en": ["We want a framework agreement with fixed prices", "A three-year framework deal"],
    },
    "packaging": {
        "sv": ["Ta tillbaka pallarna och emballaget", "Mindre plastemballage tack"],
        "nb": ["Ta med emballasjen tilbake", "Mindre plastemballasje takk"],
        "da": ["Tag pallerne og emballagen tilbage", "Mindre plastemballage tak"],
        "en": ["Take back the pallets and packaging", "Less plastic packaging please"],
    },
    "manuals": {
        "sv": ["Manualerna måste finnas på svenska", "Vi vill ha bruksanvisningen på svenska"],
        "nb": ["Brukerveiledningen må være på norsk", "Vi vil ha manualer på norsk"],
        "da": ["Manualerne skal være på dansk", "Vi vil have brugsanvisningen på dansk"],
        "en": ["Manuals must be in the local language", "Translate the manuals please"],
    },
    "api": {
        "sv": ["Vi behöver ett öppet API", "Koppla ert system till vårt affärssystem"],
        "nb": ["Vi trenger et åpent API", "Integrasjon med ERP-systemet vårt"],
        "da": ["Vi har brug for et åbent API", "Integration med vores ERP-system"],
        "en": ["We need an open API", "Integrate with our ERP system"],
    },
    "warranty": {
        "sv": ["Vi vill ha förlängd garanti", "Fem års garanti vore bra"],
        "nb": ["Vi ønsker utvidet garanti", "Fem års garanti hadde vært fint"],
        "da": ["Vi vil have forlænget garanti", "Fem års garanti ville være godt"],
        "en": ["We want an extended warranty", "A five-year warranty would help"],
    },
}
FILLERS = {
    "sv": ["", "Ärligt talat, ", "Som sagt, ", "För vår del: "],
    "nb": ["", "Ærlig talt, ", "Som sagt, ", "For vår del: "],
    "da": ["", "Ærligt talt, ", "Som sagt, ", "For vores del: "],
    "en": ["", "Honestly, ", "As I said, ", "For our part, "],
}
TAILS = {
    "sv": ["", " för fabriken i {city}", " inför {year}", " på alla {n} anläggningar"],
    "nb": ["", " for fabrikken i {city}", " før {year}", " på alle {n} anleggene"],
    "da": ["", " til fabrikken i {city}", " inden {year}", " på alle {n} anlæg"],
    "en": ["", " for the plant in {city}", " before {year}", " across all {n} sites"],
}
CITIES = ["Luleå", "Bodø", "Aalborg", "Leeds", "Umeå", "Bergen", "Odense", "Gävle", "Skien"]
SYLLABLES = ["ka", "lo", "mi", "ster", "vik", "berg", "ru", "dal", "sen", "tor", "pa", "nes"]


def _noise(rng: random.Random) -> str:
    word = "".join(rng.choice(SYLLABLES) for _ in range(3))
    other = "".join(rng.choice(SYLLABLES) for _ in range(3))
    return f"Vi har {rng.randint(2, 900)} {word} i {other}."


def generate(n: int, seed: int = 7) -> list[Statement]:
    rng = random.Random(seed)
    themes = sorted(THEMES)
    accounts = [f"Account {i:05d}" for i in range(max(10, n // 8))]
    out: list[Statement] = []
    for i in range(n):
        language = rng.choice(("sv", "nb", "da", "en"))
        if rng.random() < 0.1:
            text = _noise(rng)
        else:
            template = rng.choice(THEMES[rng.choice(themes)][language])
            tail = rng.choice(TAILS[language]).format(
                city=rng.choice(CITIES), year=rng.randint(2026, 2030), n=rng.randint(2, 40)
            )
            text = f"{rng.choice(FILLERS[language])}{template}{tail}."
        out.append(
            Statement(
                id=f"s{i:06d}",
                account=rng.choice(accounts),
                conversation=f"c{i:06d}",
                date=dt.date(2026, 1, 1) + dt.timedelta(days=i % 365),
                text=text,
                language=language,
            )
        )
    return out


def _maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(n: int) -> None:
    statements = generate(n + 200)
    base, extra = statements[:n], statements[n:]
    t0, c0 = time.perf_counter(), time.process_time()
    index = build_index(base)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    c1 = time.process_time()
    themes = index.themes()  # checks corroboration of every theme of 3+ accounts
    themes_cpu = time.process_time() - c1
    latencies = []
    cpu_latencies = []
    for statement in extra:
        t1, c2 = time.perf_counter(), time.process_time()
        index.add(statement)
        latencies.append((time.perf_counter() - t1) * 1000)
        cpu_latencies.append((time.process_time() - c2) * 1000)
    latencies.sort()
    cpu_latencies.sort()
    p95 = latencies[int(0.95 * len(latencies)) - 1]
    cpu_p95 = cpu_latencies[int(0.95 * len(cpu_latencies)) - 1]
    print(
        f"N={n:>7,}  from scratch {seconds:6.1f} s  ({n / seconds:,.0f}/s, CPU {cpu:.1f} s; "
        f"themes() CPU {themes_cpu:.2f} s)  "
        f"themes {len(themes):,}  peak RSS {_maxrss_mib():,.0f} MiB  "
        f"add p50 {latencies[len(latencies) // 2]:.2f} ms  p95 {p95:.2f} ms "
        f"(CPU p50 {cpu_latencies[len(cpu_latencies) // 2]:.2f} ms  p95 {cpu_p95:.2f} ms)"
    )


def run_detection(n: int) -> None:
    statements = [Statement(s.id, s.account, s.conversation, s.date, s.text) for s in generate(n)]
    t0 = time.perf_counter()
    build_index(statements)
    print(f"N={n:>7,}  with language detection: {time.perf_counter() - t0:.1f} s")


def run_proposals() -> None:
    """Classifying a sentence as a proposal (the labelled proposal sets, model loaded)."""
    from fasit.engine.signals.proposals import classify
    from fasit.engine.signals.tests.helpers import DATA

    rows = []
    for path in sorted(DATA.glob("proposals_*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                fields = line.split("\t")
                rows.append((fields[0], fields[-1]))
    classify(rows[0][1], rows[0][0])  # loads the model
    t0 = time.perf_counter()
    for language, text in rows:
        classify(text, language)
    per = (time.perf_counter() - t0) / len(rows) * 1000
    print(f"proposals: {len(rows):,} sentences classified, {per:.3f} ms each")


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [10_000, 100_000]
    for n in sizes:
        run(n)
    run_detection(min(sizes))
    run_proposals()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

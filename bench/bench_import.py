"""Importing a HubSpot contacts export of N rows, against the floor of a plain insert.

Generates (once, cached under var/bench/) a HubSpot-style contacts export: Nordic first
and last names, one company per 25 contacts (``Associated Company``), Norwegian,
Swedish, Danish and Finnish phones and mobiles, e-mail addresses at the company's
domain, job titles, contact owners, create dates and some birthdays. Then, each in a
fresh database and its own process (so the peak memory is the import's own):

* the import, exactly as ``fasit import FILE --team bench`` runs it (validation,
  matching, one transaction, people, accounts, roles, dates, external keys, audit);
* the floor: the same rows read with the csv module and written with one plain
  ``executemany`` (SQLite) or ``COPY`` (PostgreSQL) per table — accounts, people and
  their roles — with no validation, matching or audit.

It prints rows/s, seconds, peak memory (max RSS) and import/floor. No assertions.

    .venv/bin/python bench/bench_import.py [N ...]          # default 100000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/fasit_bench .venv/bin/python bench/bench_import.py 1000000
"""

from __future__ import annotations

import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CACHE = ROOT / "var" / "bench"

FIRST = [
    "Anders",
    "Anna",
    "Astrid",
    "Bjørn",
    "Britt",
    "Camilla",
    "Dag",
    "Elin",
    "Emil",
    "Emma",
    "Erik",
    "Eva",
    "Frida",
    "Gustav",
    "Hanna",
    "Henrik",
    "Ida",
    "Ingrid",
    "Jakob",
    "Jens",
    "Johan",
    "Jonas",
    "Kari",
    "Karin",
    "Kristian",
    "Lars",
    "Lena",
    "Linnea",
    "Magnus",
    "Maja",
    "Marius",
    "Mette",
    "Mikael",
    "Nils",
    "Nora",
    "Ola",
    "Oskar",
    "Per",
    "Pia",
    "Rasmus",
    "Sara",
    "Siri",
    "Sofia",
    "Stig",
    "Søren",
    "Tove",
    "Trine",
    "Ulla",
    "Åsa",
    "Øystein",
    "Aino",
    "Eero",
    "Juha",
    "Leena",
    "Mikko",
    "Päivi",
    "Sanna",
    "Tuomas",
    "Veera",
]
LAST = [
    "Andersen",
    "Berg",
    "Bakke",
    "Dahl",
    "Eriksson",
    "Hansen",
    "Holm",
    "Jensen",
    "Johansson",
    "Karlsson",
    "Larsen",
    "Lund",
    "Lindqvist",
    "Madsen",
    "Nielsen",
    "Nilsson",
    "Nordmann",
    "Olsen",
    "Pedersen",
    "Persson",
    "Rasmussen",
    "Sørensen",
    "Strand",
    "Svensson",
    "Haugen",
    "Lie",
    "Moen",
    "Solberg",
    "Christensen",
    "Andersson",
    "Gustafsson",
    "Lindberg",
    "Korhonen",
    "Virtanen",
    "Mäkinen",
    "Nieminen",
    "Hämäläinen",
    "Laine",
    "Heikkinen",
    "Ødegård",
    "Østby",
    "Ågren",
]
STEMS = [
    "Fjord",
    "Nord",
    "Vik",
    "Berg",
    "Dal",
    "Havn",
    "Skog",
    "Elv",
    "Sjø",
    "Fjell",
    "Lys",
    "Kraft",
    "Energi",
    "Bygg",
    "Stål",
    "Trä",
    "Mek",
    "Data",
    "Frakt",
    "Mat",
    "Vann",
    "Vind",
    "Sol",
    "Is",
    "Stein",
    "Glas",
    "Papir",
    "Plast",
    "Olje",
    "Fisk",
]
KINDS = [
    "Energi",
    "Bygg",
    "Elektro",
    "Maskin",
    "Logistikk",
    "Handel",
    "Industri",
    "Teknikk",
    "Service",
    "Gruppen",
]
FORMS = {"NO": "AS", "SE": "AB", "DK": "A/S", "FI": "Oy"}
TITLES = [
    "Daglig leder",
    "Innkjøpssjef",
    "Inköpschef",
    "Indkøbschef",
    "CFO",
    "CEO",
    "Driftssjef",
    "Teknisk sjef",
    "Prosjektleder",
    "Key account manager",
    "Logistikksjef",
    "Controller",
    "Økonomisjef",
    "Ekonomichef",
]
OWNERS = ["Maja Berg", "erik@bench.example", "Sofia Lind", "mads@bench.example", ""]
COUNTRY = {"NO": "Norway", "SE": "Sweden", "DK": "Denmark", "FI": "Finland"}


PHONE_PATTERNS = {
    ("NO", False): ["+47 22{:06d}", "+47 55{:06d}", "+47 73{:06d}", "22 {:06d}"],
    ("NO", True): ["+47 9{:07d}", "+47 4{:07d}", "9{:07d}"],
    ("SE", False): ["08-{:07d}", "031-{:06d}", "+46 40 {:06d}"],
    ("SE", True): ["070-{:07d}", "073-{:07d}", "+46 76 {:07d}"],
    ("DK", False): ["+45 33{:06d}", "+45 86{:06d}"],
    ("DK", True): ["+45 40{:06d}", "+45 51{:06d}", "+45 61{:06d}"],
    ("FI", False): ["+358 9 {:07d}"],
    ("FI", True): ["+358 40 {:07d}", "+358 50 {:07d}"],
}


def _phone(rng: random.Random, country: str, mobile: bool) -> str:
    """A number as people type them; drawn again until it is a real, valid number."""
    import phonenumbers

    while True:
        pattern = rng.choice(PHONE_PATTERNS[(country, mobile)])
        width = int(pattern.split(":")[1][1:3].rstrip("d}"))
        number = pattern.format(rng.randrange(10**width))
        if phonenumbers.is_valid_number(phonenumbers.parse(number, country)):
            return number


def generate(n: int, path: Path, seed: int = 14) -> None:
    rng = random.Random(seed)
    companies = []
    for i in range(max(1, n // 25)):
        country = rng.choices(["NO", "SE", "DK", "FI"], weights=[45, 30, 15, 10])[0]
        name = f"{rng.choice(STEMS)}{rng.choice(STEMS).lower()} {rng.choice(KINDS)} {i} {FORMS[country]}"
        domain = (
            f"{name.split()[0].lower()}{i}.example".replace("ø", "o")
            .replace("å", "a")
            .replace("æ", "ae")
            .replace("ä", "a")
            .replace("ö", "o")
        )
        companies.append((name, country, domain))
    header = [
        "Record ID", "First Name", "Last Name", "Email", "Phone Number", "Mobile Phone Number",
        "Job Title", "Associated Company", "Contact owner", "Create Date", "Country/Region",
        "Date of birth", "Lifecycle Stage",
    ]  # fmt: skip
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for i in range(n):
            company, country, domain = companies[rng.randrange(len(companies))]
            first, last = rng.choice(FIRST), rng.choice(LAST)
            local = f"{first}.{last}.{i}".lower()
            for a, b in (("ø", "o"), ("å", "a"), ("æ", "ae"), ("ä", "a"), ("ö", "o")):
                local = local.replace(a, b)
            birthday = ""
            if rng.random() < 0.3:
                birthday = f"{rng.randrange(1955, 2000)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            writer.writerow(
                [
                    100000 + i,
                    first,
                    last,
                    f"{local}@{domain}",
                    _phone(rng, country, False) if rng.random() < 0.7 else "",
                    _phone(rng, country, True) if rng.random() < 0.5 else "",
                    rng.choice(TITLES),
                    company,
                    rng.choice(OWNERS),
                    f"20{rng.randrange(15, 25)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d} 10:{rng.randrange(60):02d}",
                    COUNTRY[country],
                    birthday,
                    "customer",
                ]
            )


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _backend_cpu() -> float:
    """CPU seconds of this connection's PostgreSQL backend so far (from /proc, when the
    server runs on this machine; 0 otherwise or on SQLite, whose work is in-process)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _fresh_database() -> None:
    """Point Django at a new, migrated database of its own."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        base, _sep, name = url.rpartition("/")
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    else:
        os.environ["FASIT_DATA_DIR"] = tempfile.mkdtemp(prefix="fasit-bench-import-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fasit.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def run_import(path: Path) -> dict[str, float]:
    _fresh_database()
    from fasit.testing import MembershipFactory, TeamFactory, UserFactory
    from fasit.transfer.importing import ImportOptions, open_import_file, run_import

    team = TeamFactory(name="Bench", slug="bench")
    for username, first, last in (
        ("maja", "Maja", "Berg"),
        ("erik", "Erik", "Dahl"),
        ("sofia", "Sofia", "Lind"),
        ("mads", "Mads", "Holm"),
    ):
        user = UserFactory(
            username=username, first_name=first, last_name=last, email=f"{username}@bench.example"
        )
        MembershipFactory(team=team, user=user)
    import_file, _owners = open_import_file(path, path.name, team=team)
    cpu, reader, backend = _cpu(), _cpu(resource.RUSAGE_CHILDREN), _backend_cpu()
    started = time.perf_counter()
    outcome = run_import(team=team, actor=None, files=[import_file], options=ImportOptions())
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "cpu": _cpu() - cpu,
        "reader_cpu": _cpu(resource.RUSAGE_CHILDREN) - reader,
        "backend_cpu": _backend_cpu() - backend,
        "peak_mib": _peak_mib(),
        **outcome.counts(),
        "accounts": outcome.accounts_created,
    }


def run_floor(path: Path) -> dict[str, float]:
    """The same rows into accounts, people and roles with one plain bulk write each."""
    _fresh_database()
    import datetime as dt

    from django.db import connection, transaction

    from fasit.tenancy.models import Team

    team = Team.objects.create(name="Floor", slug="floor")
    cpu, backend = _cpu(), _backend_cpu()
    started = time.perf_counter()
    now = dt.datetime.now(dt.UTC)
    today = dt.date.today()
    companies: dict[str, int] = {}
    people, roles = [], []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        for i, row in enumerate(reader, start=1):
            companies.setdefault(row[7], len(companies) + 1)
            people.append(
                (
                    i,
                    team.pk,
                    f"{row[1]} {row[2]}",
                    row[3],
                    row[4] or row[5],
                    "NO",
                    "",
                    "",
                    "",
                    "li_customer",
                    today,
                    "other",
                    "bench",
                    now,
                    now,
                )
            )
            roles.append((i, companies[row[7]], row[6], ""))
    accounts = [
        (pk, team.pk, name, "", "NO", "customer", "", now, now) for name, pk in companies.items()
    ]
    account_sql = "customers_account (id, team_id, name, org_number, country, tier, notes, created_at, updated_at)"
    person_sql = (
        "customers_person (id, team_id, name, email, phone, country, preferred_meeting, what_matters, "
        "notes, legal_basis, legal_basis_recorded_on, data_source, data_source_detail, "
        "created_at, updated_at)"
    )
    role_sql = "customers_personrole (person_id, account_id, title, buying_role)"
    # One transaction, as the import has (in autocommit SQLite commits every row).
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor
            for table, rows in ((account_sql, accounts), (person_sql, people), (role_sql, roles)):
                with raw.copy(f"COPY {table} FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
        else:
            # The same page cache as the import gives itself (transfer/importing.py):
            # with SQLite's default 2 MiB the floor was slower than the import.
            from fasit.transfer.importing import IMPORT_CACHE_KIB

            cursor.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
            for table, rows in ((account_sql, accounts), (person_sql, people), (role_sql, roles)):
                marks = ", ".join(["%s"] * len(rows[0]))
                cursor.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "cpu": _cpu() - cpu,
        "backend_cpu": _backend_cpu() - backend,
        "peak_mib": _peak_mib(),
        "rows": len(people),
        "accounts": len(accounts),
    }


def _child(mode: str, path: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, __file__, f"--{mode}", str(path)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> None:
    if argv[:1] in (["--import"], ["--floor"]):
        run = run_import if argv[0] == "--import" else run_floor
        print(json.dumps(run(Path(argv[1]))))
        return
    if any(a in ("-h", "--help") for a in argv):
        print(__doc__)
        return
    sizes = [int(a) for a in argv] or [100_000]
    backend = (
        "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    )
    print(f"{backend}; {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}")
    print(
        f"{'rows':>9} {'import s':>9} {'rows/s':>8} {'peak MiB':>9} {'floor s':>8} {'floor MiB':>9} {'x floor':>7}"
    )
    for n in sizes:
        path = CACHE / f"hubspot-contacts-{n}.csv"
        if not path.exists():
            generate(n, path)
        imported = _child("import", path)
        floor = _child("floor", path)
        print(
            f"{n:>9} {imported['seconds']:>9.1f} {n / imported['seconds']:>8.0f} "
            f"{imported['peak_mib']:>9.0f} {floor['seconds']:>8.1f} {floor['peak_mib']:>9.0f} "
            f"{imported['seconds'] / floor['seconds']:>7.1f}"
        )
        print(
            f"          created {imported['created']:.0f}, invalid {imported['invalid']:.0f}, "
            f"accounts {imported['accounts']:.0f} (floor: {floor['accounts']:.0f})"
        )
        # Wall time on a shared machine says little; CPU seconds of each process say
        # where the work is (the reader runs beside the importer, the backend in turn).
        print(
            f"          CPU s: import {imported['cpu']:.1f} + reader {imported['reader_cpu']:.1f}"
            f" + database backend {imported['backend_cpu']:.1f}; floor {floor['cpu']:.1f}"
            f" + backend {floor['backend_cpu']:.1f}; load average {os.getloadavg()[0]:.1f}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])

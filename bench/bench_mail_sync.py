"""Mailbox sync of N messages (a busy seller's five years) from a real Dovecot.

Starts Dovecot on loopback (fasit/capture/tests/dovecot.py; Debian's dovecot-imapd),
fills one mailbox over IMAP APPEND with N messages spread over five years — about one
in five exchanged with one of 200 customer accounts (threads with replies, both
directions, in the inbox and the sent folder), the rest newsletters, colleagues and
strangers — then, in a fresh database and its own process (so the peak memory is the
sync's own), runs the sync exactly as ``fasit mail sync`` does:

* the first sync: messages read per second, seconds, conversations made, peak memory
  (max RSS of the sync process);
* a second sync with nothing new (the figure a periodic sync pays every time).

No assertions.

    .venv/bin/python bench/bench_mail_sync.py [N]        # default 10000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/fasit_bench .venv/bin/python bench/bench_mail_sync.py 100000
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

ACCOUNTS = 200
USER, PASSWORD = "seller", "bench-secret"
ME = "seller@firma.no"


def _messages(n: int, seed: int = 11) -> tuple[list[bytes], list[bytes]]:
    """(inbox, sent) as raw RFC 5322 bytes, oldest first."""
    rng = random.Random(seed)
    end = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    start = end - dt.timedelta(days=5 * 365)
    span = (end - start).total_seconds()
    inbox: list[bytes] = []
    sent: list[bytes] = []
    subjects = ["Tilbud", "Leveranse", "Møte neste uke", "Förfrågan", "Faktura", "Årsavtale"]
    made = 0
    while made < n:
        when = start + dt.timedelta(seconds=rng.random() * span)
        if rng.random() < 0.2:
            # A thread with a customer: our message and (mostly) their reply.
            account = rng.randrange(ACCOUNTS)
            person = f"p{rng.randrange(2)}@acct{account}.no"
            root = f"<t{made}@firma.no>"
            subject = f"{rng.choice(subjects)} {made}"
            sent.append(_raw(ME, person, subject, when, root, None))
            made += 1
            if made < n and rng.random() < 0.7:
                reply_at = when + dt.timedelta(minutes=rng.randrange(5, 600))
                inbox.append(_raw(person, ME, f"SV: {subject}", reply_at, f"<r{made}@acct.no>", root))
                made += 1
        else:
            sender = rng.choice(
                [f"news{rng.randrange(50)}@nyhetsbrev.no", f"kollega{rng.randrange(20)}@firma.no",
                 f"someone{rng.randrange(5000)}@gmail.com", f"x{rng.randrange(9000)}@annet{rng.randrange(900)}.se"]
            )
            inbox.append(_raw(sender, ME, f"Nyhet {made}", when, f"<n{made}@mail.test>", None))
            made += 1
    return inbox, sent


def _raw(sender: str, to: str, subject: str, when: dt.datetime, mid: str, reply_to: str | None) -> bytes:
    headers = [
        f"From: {sender}",
        f"To: {to}",
        f"Subject: {subject}",
        f"Date: {format_datetime(when)}",
        f"Message-ID: {mid}",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
    ]
    if reply_to:
        headers += [f"In-Reply-To: {reply_to}", f"References: {reply_to}"]
    body = "Hei,\n\nHer er en vanlig e-post med litt tekst i, som en selger får mange av.\n" * 4
    return ("\r\n".join(headers) + "\r\n\r\n" + body.replace("\n", "\r\n")).encode()


def _fresh_database() -> None:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        base, _sep, name = url.rpartition("/")
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    else:
        os.environ["FASIT_DATA_DIR"] = tempfile.mkdtemp(prefix="fasit-bench-mail-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fasit.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def child(port: int) -> None:
    """The sync, in a process of its own."""
    os.environ["FASIT_CAPTURE_KEY"] = "PMk1w0mFvJ3bqzqj7VjT3xV3FZlrhpQm2mMvUq0ZXKY="
    _fresh_database()
    from fasit.capture.imap import mailbox_connect, sync_mailbox
    from fasit.conversations.models import Conversation
    from fasit.customers.models import Account, Person, PersonRole
    from fasit.tenancy.models import Role
    from fasit.testing import MembershipFactory, TeamFactory, UserFactory

    team = TeamFactory(name="Bench", slug="bench")
    user = UserFactory(username="seller", email=ME)
    MembershipFactory(team=team, user=user, role=Role.MEMBER)
    accounts = Account.objects.bulk_create(
        Account(team=team, name=f"Kunde {i} AS") for i in range(ACCOUNTS)
    )
    people = Person.objects.bulk_create(
        Person(team=team, name=f"Person {i}-{j}", email=f"p{j}@acct{i}.no",
               legal_basis="li_customer", legal_basis_recorded_on=dt.date(2026, 1, 1))
        for i in range(ACCOUNTS) for j in range(2)
    )
    PersonRole.objects.bulk_create(
        PersonRole(person=p, account=accounts[index // 2]) for index, p in enumerate(people)
    )
    connection = mailbox_connect(
        team=team, user=user, host="127.0.0.1", port=port, tls="none",
        username=USER, password=PASSWORD,
    )
    started, cpu = time.perf_counter(), time.process_time()
    first = sync_mailbox(connection)
    first_seconds, first_cpu = time.perf_counter() - started, time.process_time() - cpu
    connection.refresh_from_db()
    started = time.perf_counter()
    second = sync_mailbox(connection)
    resync_seconds = time.perf_counter() - started
    print(json.dumps({
        "read": first.read,
        "captured": first.captured,
        "error": first.error or second.error,
        "conversations": Conversation.objects.count(),
        "first_seconds": first_seconds,
        "first_cpu": first_cpu,
        "resync_read": second.read,
        "resync_seconds": resync_seconds,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        child(int(argv[1]))
        return
    n = int(argv[0]) if argv else 10_000
    from fasit.capture.tests.dovecot import Dovecot

    server = Dovecot({USER: PASSWORD}).start()
    try:
        inbox, sent = _messages(n)
        started = time.perf_counter()
        server.append(USER, "INBOX", inbox)
        server.append(USER, "Sent", sent)
        fill = time.perf_counter() - started
        print(f"{n} messages ({len(inbox)} inbox, {len(sent)} sent) appended to Dovecot "
              f"in {fill:.1f} s")
        del inbox, sent
        result = subprocess.run(
            [sys.executable, __file__, "--child", str(server.port)],
            capture_output=True, text=True, check=False, cwd=ROOT,
        )
        if result.returncode != 0:
            print(result.stderr[-3000:])
            raise SystemExit(1)
        figures = json.loads(result.stdout.strip().splitlines()[-1])
    finally:
        server.stop()
    database = "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    print(f"database: {database}")
    print(
        f"first sync:   {figures['read']} messages in {figures['first_seconds']:.1f} s = "
        f"{figures['read'] / figures['first_seconds']:.0f} messages/s; "
        f"{figures['captured']} captured into {figures['conversations']} conversations"
    )
    print(
        f"              of which {figures['first_cpu']:.1f} s CPU in the sync process "
        "(the rest: Dovecot, the database, and the machine's other load)"
    )
    print(f"peak memory:  {figures['peak_mib']:.0f} MiB (max RSS of the sync process)")
    print(
        f"nothing new:  {figures['resync_read']} messages read in "
        f"{figures['resync_seconds'] * 1000:.0f} ms"
    )
    if figures["error"]:
        print(f"error: {figures['error']}")


if __name__ == "__main__":
    main(sys.argv[1:])

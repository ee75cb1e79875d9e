"""Writes under load while large analyses run: does SQLite stay writable?

Serves a copy of a seeded SQLite demo with ``fasit serve`` (gunicorn and its task worker)
on a loopback port, signs 50 clients in as the demo's sellers and has each log
conversations through the API (``POST /api/conversations``) as fast as it can for
``--seconds`` (default 120). Meanwhile one more client keeps the task worker busy with
the largest inputs Fasit accepts: a conversation with a note of the maximum length
(20,000 characters, full of statements to propose) and a conversation with a 20 MB
WebVTT transcript (upload, parse, listening analysis, proposals from the customer's
turns), one after the other until the time is up.

Prints the writes acknowledged (201), the errors by status and how many of them the
server logged as "database is locked", p50/p95/max latency of the writes, and what the
large analyses did. ``--kill`` kills the whole server (``kill -9`` of its process
group: web workers and task worker) half-way, starts it again, and afterwards checks
that every conversation acknowledged with a 201 is in the database. ``--scaling``
first times the engine's proposals and listening analysis at 1×, 2× and 4× input size
(in this process). No assertions; loopback only; bounded by ``--seconds``.

    .venv/bin/python bench/bench_write_load.py [--seconds 120] [--clients 50] [--kill]
        [--scaling] [--demo DIR]   # DIR: an existing `fasit demo --no-serve` data dir
"""

from __future__ import annotations

import argparse
import http.client
import http.cookies
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FASIT = ROOT / ".venv" / "bin" / "fasit"
WRITERS = ["maja", "erik", "sofia", "mads"]
PASSWORD = "fasit-demo"
SELLER = "Maja Lindqvist"
CUSTOMER = "Okänd Kund"
NOTE_SENTENCES = [
    "Vi behöver leverans vecka 34.",
    "Det tar för lång tid att få svar från supporten.",
    "Kunden vill ha EDI-fakturor.",
    "Trevligt möte med inköpschefen.",
    "We need a better price on the lease.",
    "Det viktigste for oss er at fakturaene er riktige.",
    "Kan vi beställa via EDI?",
    "Vi pratade om semestern.",
]
WORDS = [
    "vi",
    "har",
    "lager",
    "order",
    "kunder",
    "leverans",
    "system",
    "pris",
    "avtal",
    "inköp",
    "faktura",
    "problem",
    "lösning",
    "budget",
    "plan",
    "projekt",
    "idag",
    "ofta",
    "alltid",
    "mycket",
    "bra",
    "svårt",
    "enkelt",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- inputs ---------------------------------------------------------------------------


def big_note(chars: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < chars:
        line = ("- " if rng.random() < 0.3 else "") + rng.choice(NOTE_SENTENCES)
        line += "\n" if rng.random() < 0.3 else " "
        out.append(line)
        size += len(line)
    return "".join(out)[:chars]


def _ts(ms: int) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def big_vtt(nbytes: int, seed: int = 1) -> bytes:
    """A two-speaker WebVTT meeting of about ``nbytes``; the customer now and then
    says something worth proposing."""
    rng = random.Random(seed)
    out = ["WEBVTT\n\n"]
    size, t, speaker = 8, 0, SELLER
    while size < nbytes:
        if rng.random() < 0.45:
            speaker = CUSTOMER if speaker == SELLER else SELLER
        n = rng.randint(4, 13)
        text = " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."
        if speaker == SELLER and rng.random() < 0.2:
            text += " Hur ser det ut hos er idag?"
        if speaker == CUSTOMER and rng.random() < 0.05:
            text += " " + rng.choice(NOTE_SENTENCES[:3])
        duration = n * 340
        block = f"{_ts(t)} --> {_ts(t + duration)}\n<v {speaker}>{text}</v>\n\n"
        out.append(block)
        size += len(block.encode())
        t += duration + rng.randint(200, 800)
    return "".join(out).encode()


def scaling() -> None:
    """Time the engine's expensive steps at 1×, 2× and 4× size: linear means the
    ratios stay near 2 and 4."""
    sys.path.insert(0, str(ROOT))
    from fasit.engine.listening import analyse
    from fasit.engine.signals.proposals import propose
    from fasit.engine.transcripts import parse_transcript

    propose(big_note(500), notes=True)  # warm-up: models, caches
    print("engine scaling (seconds; ratio to 1×)")
    base = 0.0
    for factor in (1, 2, 4):
        note = big_note(5000 * factor)
        start = time.perf_counter()
        propose(note, notes=True)
        took = time.perf_counter() - start
        base = base or took
        print(f"  proposals, note {len(note):>6} chars: {took:6.2f} s  ×{took / base:4.1f}")
    base = 0.0
    for factor in (1, 2, 4):
        data = big_vtt(factor * 1024 * 1024)
        start = time.perf_counter()
        analyse(parse_transcript(data), [SELLER])
        took = time.perf_counter() - start
        base = base or took
        print(
            f"  parse+listening, VTT {len(data) / 2**20:4.1f} MB: {took:6.2f} s  ×{took / base:4.1f}"
        )


# --- HTTP -----------------------------------------------------------------------------


class Client:
    """One browser: its own connection (keep-alive) and cookies."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        self.conn: http.client.HTTPConnection | None = None
        self.used = 0.0

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, bytes]:
        if self.conn is not None and time.monotonic() - self.used > 1.0:
            # gunicorn closes a keep-alive connection idle for 2 s; a request sent on
            # it just then fails on the client side without reaching Fasit.
            self.conn.close()
            self.conn = None
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        sent = {
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "Referer": f"http://127.0.0.1:{self.port}/",
            **(headers or {}),
        }
        if "csrftoken" in self.cookies:
            sent["X-CSRFToken"] = self.cookies["csrftoken"]
        try:
            self.conn.request(method, path, body=body, headers=sent)
            response = self.conn.getresponse()
            data = response.read()
            self.used = time.monotonic()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = None
            raise
        for header in response.headers.get_all("Set-Cookie") or []:
            jar: http.cookies.SimpleCookie = http.cookies.SimpleCookie()
            jar.load(header)
            self.cookies.update({k: m.value for k, m in jar.items()})
        return response.status, data

    def sign_in(self, username: str) -> None:
        _status, page = self.request("GET", "/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if token is None:
            raise SystemExit("no CSRF token on the login page")
        body = (
            f"username={username}&password={PASSWORD}&csrfmiddlewaretoken={token.group(1).decode()}"
        ).encode()
        status, _ = self.request(
            "POST", "/login/", body, {"Content-Type": "application/x-www-form-urlencoded"}
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise SystemExit(f"could not sign in as {username} ({status})")

    def post_json(self, path: str, payload: dict[str, Any]) -> tuple[int, Any]:
        status, data = self.request(
            "POST", path, json.dumps(payload).encode(), {"Content-Type": "application/json"}
        )
        try:
            return status, json.loads(data)
        except ValueError:
            return status, None

    def upload(self, path: str, field: str, name: str, content: bytes) -> int:
        boundary = uuid.uuid4().hex
        token = self.cookies.get("csrftoken", "")
        body = b"".join(
            [
                f"--{boundary}\r\nContent-Disposition: form-data; "
                f'name="csrfmiddlewaretoken"\r\n\r\n{token}\r\n'.encode(),
                f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; '
                f'filename="{name}"\r\nContent-Type: text/vtt\r\n\r\n'.encode(),
                content,
                f"\r\n--{boundary}--\r\n".encode(),
            ]
        )
        status, _ = self.request(
            "POST", path, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        )
        return status


# --- the run --------------------------------------------------------------------------


class Server:
    def __init__(self, data_dir: Path, port: int, log: Any, env: dict[str, str]) -> None:
        self.data_dir, self.port, self.log, self.env = data_dir, port, log, env
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [str(FASIT), "serve", "--addr", f"127.0.0.1:{self.port}"],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            env={**os.environ, **self.env, "FASIT_DATA_DIR": str(self.data_dir)},
            start_new_session=True,  # its own process group: --kill reaches every child
        )
        end = time.monotonic() + 120
        while time.monotonic() < end:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        raise SystemExit("the server did not start within 120 s")

    def kill(self) -> None:
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        # Only `fasit serve` itself: it stops gunicorn and its task worker (a second
        # SIGTERM straight to the worker would make it abandon its task).
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


class Stats:
    def __init__(self, origin: float) -> None:
        self.origin = origin
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.finished: list[float] = []  # seconds from origin, for each latency
        self.acknowledged: list[int] = []
        self.errors: Counter[str] = Counter()

    def ok(self, seconds: float, pk: int) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.finished.append(time.monotonic() - self.origin)
            self.acknowledged.append(pk)

    def error(self, kind: str) -> None:
        with self.lock:
            self.errors[kind] += 1


def writer(client: Client, accounts: list[int], stats: Stats, stop: threading.Event) -> None:
    rng = random.Random(id(client))
    n = 0
    while not stop.is_set():
        n += 1
        payload = {
            "account_id": rng.choice(accounts),
            "kind": "call",
            "subject": f"Load {n}",
            "notes": "Kort samtal. Vi behöver offert på service.",
        }
        start = time.perf_counter()
        try:
            status, body = client.post_json("/api/conversations", payload)
        except (OSError, http.client.HTTPException):
            stats.error("connection (server down)")
            time.sleep(0.2)
            continue
        if status == 201 and isinstance(body, dict):
            stats.ok(time.perf_counter() - start, int(body["id"]))
        else:
            stats.error(f"HTTP {status}")


class Heavy:
    """One client that keeps the task worker busy with the largest inputs: a note of
    the maximum length, then a 20 MB transcript whose analysis it waits for; again
    until the time is up. The first round is queued before the load starts, so the
    worker is analysing from the first second."""

    def __init__(self, client: Client, account: int, transcript: bytes, origin: float) -> None:
        self.client, self.account, self.transcript = client, account, transcript
        self.note = big_note(20_000)
        self.origin = origin
        self.log: list[str] = []
        # (start, end) of each wait for a transcript's analysis, seconds from origin.
        self.windows: list[tuple[float, float]] = []
        self.rounds = 0

    def now(self) -> float:
        return time.monotonic() - self.origin

    def queue(self) -> int | None:
        """Log the big note and upload the big transcript; the transcript's id."""
        self.rounds += 1
        n, c = self.rounds, self.client
        start = self.now()
        status, _body = c.post_json(
            "/api/conversations",
            {"account_id": self.account, "subject": f"Big note {n}", "notes": self.note},
        )
        self.log.append(
            f"{start:5.0f} s  note of {len(self.note):,} characters logged: HTTP {status} "
            f"in {self.now() - start:.1f} s"
        )
        status, body = c.post_json(
            "/api/conversations", {"account_id": self.account, "subject": f"Big transcript {n}"}
        )
        if status != 201:
            self.log.append(f"conversation for the transcript: HTTP {status}")
            return None
        start = self.now()
        status = c.upload(
            f"/conversations/{body['id']}/transcript/", "transcript", "big.vtt", self.transcript
        )
        self.log.append(
            f"{start:5.0f} s  transcript of {len(self.transcript) / 2**20:.0f} MB uploaded: "
            f"HTTP {status} in {self.now() - start:.1f} s"
        )
        return int(body["id"])

    def wait(self, pk: int, stop: threading.Event) -> None:
        start = self.now()
        state = "pending"
        while not stop.is_set():
            status, data = self.client.request("GET", f"/api/conversations/{pk}/listening")
            state = json.loads(data).get("status") if status == 200 else f"HTTP {status}"
            if state not in {"pending", "HTTP 404"}:
                break
            time.sleep(2)
        self.windows.append((start, self.now()))
        self.log.append(
            f"{self.now():5.0f} s  its analysis: {state} (waited {self.now() - start:.0f} s)"
        )

    def run(self, first: int | None, stop: threading.Event) -> None:
        pk = first
        while not stop.is_set():
            try:
                if pk is not None:
                    self.wait(pk, stop)
                if not stop.is_set():
                    pk = self.queue()
            except (OSError, http.client.HTTPException, ValueError) as exc:
                self.log.append(f"{self.now():5.0f} s  heavy client: {type(exc).__name__}")
                pk = None
                time.sleep(1)


def account_ids(db: Path) -> list[int]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT id FROM customers_account LIMIT 200")]


def run(args: argparse.Namespace) -> None:
    work = Path(tempfile.mkdtemp(prefix="bench_write_load_"))
    if args.demo:
        shutil.copy(Path(args.demo) / "fasit.sqlite3", work / "fasit.sqlite3")
        shutil.copy(Path(args.demo) / "secret_key", work / "secret_key")
    else:
        print("seeding a demo (fasit demo --no-serve) …", flush=True)
        subprocess.run(
            [str(FASIT), "demo", "--no-serve", "--seed", "1"],
            env={**os.environ, "FASIT_DATA_DIR": str(work)},
            check=True,
            capture_output=True,
        )
    db = work / "fasit.sqlite3"
    accounts = account_ids(db)
    log_path = work / "server.log"
    transcript = big_vtt(20 * 1024 * 1024)
    port = free_port()
    env = {"FASIT_TASK_STALE_SECONDS": str(args.stale_seconds)}
    with open(log_path, "w") as log:
        server = Server(work, port, log, env)
        server.start()
        try:
            clients = [Client(port) for _ in range(args.clients)]
            for i, client in enumerate(clients):
                client.sign_in(WRITERS[i % len(WRITERS)])
            big = Client(port)
            big.sign_in("maja")
            start = time.monotonic()
            heavy = Heavy(big, accounts[0], transcript, start)
            first = heavy.queue()
            stats, stop = Stats(start), threading.Event()
            threads = [
                threading.Thread(target=writer, args=(c, accounts, stats, stop)) for c in clients
            ]
            threads.append(threading.Thread(target=heavy.run, args=(first, stop)))
            print(
                f"{args.clients} clients logging conversations for {args.seconds} s on "
                f"http://127.0.0.1:{port}/ while a 20,000-character note and a 20 MB "
                "transcript are analysed …",
                flush=True,
            )
            load_start = time.monotonic()
            for thread in threads:
                thread.start()
            killed_at = None
            if args.kill:
                time.sleep(args.seconds / 2)
                killed_at = time.monotonic() - start
                server.kill()
                server.start()
                time.sleep(max(0.0, args.seconds - (time.monotonic() - load_start)))
            else:
                time.sleep(args.seconds)
            stop.set()
            elapsed = time.monotonic() - load_start
            for thread in threads:
                thread.join(timeout=180)
        finally:
            server.stop()
    locked = sum(
        line.count("database is locked")
        for line in log_path.read_text(errors="replace").splitlines()
        if "OperationalError" in line
    )
    report(args, stats, elapsed, locked, heavy, killed_at, db)
    print(f"server log: {log_path}")


def report(
    args: argparse.Namespace,
    stats: Stats,
    elapsed: float,
    locked: int,
    heavy: Heavy,
    killed_at: float | None,
    db: Path,
) -> None:
    ms = sorted(x * 1000 for x in stats.latencies)
    print(f"\nwrites acknowledged (201): {len(ms)} in {elapsed:.0f} s ({len(ms) / elapsed:.1f}/s)")
    print(f"errors: {sum(stats.errors.values())} {dict(stats.errors) or ''}")
    print(f'"database is locked" in the server log: {locked}')
    if ms:
        p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
        print(f"write latency ms: p50 {statistics.median(ms):.0f}  p95 {p95:.0f}  max {ms[-1]:.0f}")
    slowest = sorted(zip(stats.latencies, stats.finished, strict=True), reverse=True)[:3]
    if slowest:
        print(
            "slowest writes (ms, finished at s): "
            + ", ".join(f"{x * 1000:.0f} at {t:.0f}" for x, t in slowest)
        )
    for start, end in heavy.windows:
        during = sorted(
            x * 1000
            for x, t in zip(stats.latencies, stats.finished, strict=True)
            if start <= t <= end
        )
        if during:
            p95 = during[min(len(during) - 1, int(len(during) * 0.95))]
            print(
                f"  while a 20 MB transcript was analysed ({start:.0f}-{end:.0f} s): "
                f"{len(during)} writes, p50 {statistics.median(during):.0f} ms, p95 {p95:.0f} ms"
            )
    print("large inputs (seconds from the first upload):")
    for line in heavy.log:
        print(f"  {line}")
    with sqlite3.connect(db) as conn:
        tasks = dict(
            conn.execute(
                "SELECT status, COUNT(*) FROM django_tasks_database_dbtaskresult GROUP BY status"
            )
        )
        print(f"tasks by status at the end: {tasks}")
        if killed_at is not None:
            found = set()
            ids = stats.acknowledged
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                marks = ",".join("?" * len(chunk))
                found |= {
                    row[0]
                    for row in conn.execute(
                        f"SELECT id FROM conversations_conversation WHERE id IN ({marks})", chunk
                    )
                }
            print(
                f"kill -9 of the whole server at {killed_at:.0f} s: {len(ids)} acknowledged, "
                f"{len(ids) - len(found)} missing afterwards"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--kill", action="store_true", help="kill -9 the server half-way")
    parser.add_argument("--scaling", action="store_true", help="time the engine at 1×, 2×, 4×")
    parser.add_argument("--demo", default="", help="copy this seeded demo data dir")
    parser.add_argument(
        "--stale-seconds",
        type=int,
        default=60,
        help="FASIT_TASK_STALE_SECONDS for the server (a task the kill left running "
        "is picked up again after this)",
    )
    args = parser.parse_args()
    if not 1 <= args.seconds <= 600:
        raise SystemExit("--seconds: 1 to 600")
    if args.scaling:
        scaling()
    run(args)


if __name__ == "__main__":
    main()

"""Requests per second and latency under concurrent load, next to the server's ceiling.

Serves an existing demo (``FASIT_DATA_DIR`` or ``DATABASE_URL``, e.g. a
``fasit demo --no-serve --scale 100``) with ``fasit serve`` on a loopback port, signs
in as a demo user and runs wrk (Debian's ``wrk``) against each request at each
connection count, beside a static file served by the same server in the same run.
Prints rps, p50, p99, non-2xx responses and the ratio to the static ceiling, and
the load-independent figure: the CPU milliseconds the server (and, on PostgreSQL, the
database's backends) spent per request, read from /proc, with the requests per second
two idle cores would give at that cost (``2 cores``), the load average when the run
started, wrk's own CPU as a share of the two cores (``wrk %``: the load generator runs on
the same machine) and how wrk's connections were split over the web workers halfway
through (``split``, from ``ss``). ``--gc`` records the server's garbage collections
(``bench/gc_probe``) and prints, per run, how many of each generation ran, the longest
(wall and CPU ms: the worker's threads wait for it) and their CPU per request;
``--switch-interval`` tries another GIL switch interval in the server. It measures the server once it is idle after start: each web worker warms
the signal indexes in the background first (printed as the warm-up; at ``--scale
1000`` minutes of CPU that would otherwise be counted against the first runs'
requests). No assertions; loopback only; each run is bounded by ``--duration``.

    FASIT_DATA_DIR=/tmp/s100 .venv/bin/python bench/bench_http.py \\
        [--connections 16,64] [--duration 10] [--only api] [--user maja] [--gc]
"""

from __future__ import annotations

import argparse
import contextlib
import http.cookiejar
import os
import re
import resource
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FASIT = ROOT / ".venv" / "bin" / "fasit"

# label -> path; "static" is the ceiling every other figure is compared with.
REQUESTS = {
    "static": "/static/fasit/fasit.css",
    "api conversations": "/api/conversations?limit=50",
    "api accounts": "/api/accounts?limit=50",
    "api people": "/api/people?limit=50",
    "api journeys": "/api/buying/journeys?limit=50",
    "api key accounts": "/api/relationships/key-accounts?limit=50",
    "api being-on": "/api/relationships/being-on?limit=50",
    "home": "/",
    "being-on": "/relationships/being-on/",
    "key accounts": "/relationships/key-accounts/",
    "signals board": "/signals/",
    "listening": "/conversations/listening/",
    "buying insight": "/buying/insight/",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer {url} within {timeout:.0f} s")


def settle(base: str, limit: float = 120.0) -> None:
    """Wait until the server answers a static file quickly again, so one run's backlog
    (work for clients wrk has already left) does not count against the next run."""
    end = time.monotonic() + limit
    quick = 0
    while quick < 3 and time.monotonic() < end:
        start = time.monotonic()
        with contextlib.suppress(OSError):
            urllib.request.urlopen(base + REQUESTS["static"], timeout=30).read()
        quick = quick + 1 if time.monotonic() - start < 0.1 else 0
        time.sleep(0.2)


def wait_until_idle(pid: int, database: str, limit: float) -> tuple[float, float]:
    """Wait until the server (and its database backends) has been idle for two seconds:
    each web worker warms the signal indexes in a background thread at start
    (``fasit.signals.index.warm_all``), minutes of CPU at ``--scale 1000``, and a run
    measured beside it would count that work against its requests. Returns the wait's
    wall and CPU seconds."""
    start, cpu_start = time.monotonic(), server_cpu(pid, database)
    previous, quiet = cpu_start, 0
    while quiet < 2 and time.monotonic() - start < limit:
        time.sleep(1.0)
        current = server_cpu(pid, database)
        quiet = quiet + 1 if current - previous < 0.05 else 0
        previous = current
    return time.monotonic() - start, previous - cpu_start


def sign_in(base: str, username: str, password: str) -> str:
    """The session cookie of a signed-in user (through the real login form)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if token is None:
        raise SystemExit("no CSRF token on the login page")
    body = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token.group(1)}
    ).encode()
    opener.open(urllib.request.Request(f"{base}/login/", data=body, headers={"Referer": base}))
    cookies = {c.name: c.value for c in jar}
    if "sessionid" not in cookies:
        raise SystemExit(f"could not sign in as {username}")
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def to_ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(us|ms|s|m)", value).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def server_cpu(pid: int, database: str) -> float:
    """CPU seconds used so far by the server (master and workers) and, on PostgreSQL,
    by the database's backends (the processes named after it): what one request costs
    whatever else runs on the machine."""
    total = sum(_cpu_seconds(p) for p in _descendants(pid))
    if database:
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    cmdline = (entry / "cmdline").read_bytes()
                except OSError:
                    continue
                if cmdline.startswith(b"postgres:") and f" {database} ".encode() in cmdline:
                    total += _cpu_seconds(int(entry.name))
    return total


def run_wrk(url: str, cookie: str, connections: int, duration: int) -> dict[str, float]:
    out = subprocess.run(
        [
            "wrk",
            f"-t{min(2, connections)}",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "10s",
            "--latency",
            "-H",
            f"Cookie: {cookie}",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=duration + 60,
        check=True,
    ).stdout
    done = re.search(r"(\d+) requests in", out)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p50 = re.search(r"\s50%\s+([\d.]+\w+)", out)
    p99 = re.search(r"\s99%\s+([\d.]+\w+)", out)
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*timeout (\d+)", out)
    return {
        "requests": float(done.group(1)) if done else 0.0,
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50": to_ms(p50.group(1)) if p50 else float("nan"),
        "p99": to_ms(p99.group(1)) if p99 else float("nan"),
        "non2xx": float(bad.group(1)) if bad else 0.0,
        "timeouts": float(errors.group(1)) if errors else 0.0,
    }


def connection_split(port: int) -> str:
    """How wrk's connections are split over the server's workers right now (``ss``):
    established connections per worker process, most first, e.g. ``40/24``."""
    try:
        out = subprocess.run(
            ["ss", "-tnpH", "state", "established", f"( sport = :{port} )"],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return "?"
    per: dict[str, int] = {}
    for pid in re.findall(r"pid=(\d+)", out):
        per[pid] = per.get(pid, 0) + 1
    return "/".join(str(n) for n in sorted(per.values(), reverse=True)) or "-"


def gc_summary(probe: str, start: float, end: float, requests: float) -> str:
    """The server's garbage collections during one run (``--gc``): how many of each
    generation and the longest (wall ms, the GIL held throughout, and the collecting
    thread's CPU ms), and the collections' CPU per request."""
    pauses: dict[int, list[tuple[float, float]]] = {0: [], 1: [], 2: []}
    with contextlib.suppress(OSError), open(probe) as lines:
        for line in lines:
            fields = line.split()
            if len(fields) == 6 and start <= float(fields[0]) <= end:
                pauses[int(fields[2])].append((float(fields[3]), float(fields[4])))
    parts = [
        f"gen{g} {len(v)} max {max((w for w, _ in v), default=0):.1f}"
        f"/{max((c for _, c in v), default=0):.1f}"
        for g, v in pauses.items()
    ]
    cpu = sum(c for v in pauses.values() for _, c in v)
    per = cpu / requests if requests else float("nan")
    return (
        f"{'':<20} gc (longest wall/cpu ms): "
        + ", ".join(parts)
        + f"; {cpu:.0f} ms CPU in all, {per:.3f} ms a request"
    )


def run(args: argparse.Namespace, port: int, log: Any) -> None:
    base = f"http://127.0.0.1:{port}"
    env = os.environ.copy()
    probe = ""
    if args.gc or args.switch_interval:
        if args.gc:
            probe = log.name + ".gc"
            env["FASIT_GC_PROBE"] = probe
        if args.switch_interval:
            env["FASIT_PROBE_SWITCH_INTERVAL"] = str(args.switch_interval)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(ROOT / "bench" / "gc_probe"), env.get("PYTHONPATH", "")) if p
        )
    server = subprocess.Popen(
        [str(FASIT), "serve", "--addr", f"127.0.0.1:{port}", "--no-worker"]
        + args.serve_args.split(),
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    try:
        wait_for(f"{base}/login/")
        cookie = sign_in(base, args.user, args.password)
        connections = [int(c) for c in args.connections.split(",")]
        ceiling: dict[int, float] = {}
        database = urllib.parse.urlparse(os.environ.get("DATABASE_URL", "")).path.strip("/")
        wall, cpu_s = wait_until_idle(server.pid, database, args.warm_limit)
        print(f"server warm-up (signal indexes): {wall:.0f} s wall, {cpu_s:.1f} s CPU")
        print(
            f"{'request':<20} {'conn':>4} {'rps':>8} {'p50 ms':>8} {'p99 ms':>8} "
            f"{'non-2xx':>7} {'t/o':>4} {'of static':>9} {'cpu ms':>7} {'2 cores':>7} {'load':>5} "
            f"{'wrk %':>5} {'split':>7}"
        )
        for label, path in REQUESTS.items():
            wanted = [w for w in args.only.split(",") if w]
            if wanted and label != "static" and not any(w in label for w in wanted):
                continue
            for n in connections:
                settle(base)
                load = os.getloadavg()[0]
                cpu_before = server_cpu(server.pid, database)
                wrk_before = resource.getrusage(resource.RUSAGE_CHILDREN)
                started = time.time()
                split: list[str] = []
                sampler = threading.Timer(
                    args.duration / 2, lambda found=split: found.append(connection_split(port))
                )
                sampler.start()
                result = run_wrk(base + path, cookie, n, args.duration)
                sampler.join()
                ended = time.time()
                wrk_after = resource.getrusage(resource.RUSAGE_CHILDREN)
                wrk_cpu = (wrk_after.ru_utime - wrk_before.ru_utime) + (
                    wrk_after.ru_stime - wrk_before.ru_stime
                )
                # Work still queued when wrk stops is done (or dropped) while settling;
                # it is part of what these requests cost.
                settle(base)
                cpu = (server_cpu(server.pid, database) - cpu_before) * 1000
                cpu_ms = cpu / result["requests"] if result["requests"] else float("nan")
                if label == "static":
                    ceiling[n] = result["rps"]
                ratio = result["rps"] / ceiling[n] if ceiling.get(n) else 0.0
                print(
                    f"{label:<20} {n:>4} {result['rps']:>8.1f} {result['p50']:>8.1f} "
                    f"{result['p99']:>8.1f} {result['non2xx']:>7.0f} {result['timeouts']:>4.0f} "
                    f"{ratio:>9.3f} {cpu_ms:>7.2f} {2000 / cpu_ms:>7.0f} {load:>5.1f} "
                    f"{100 * wrk_cpu / (2 * (ended - started)):>5.0f} {''.join(split):>7}",
                    flush=True,
                )
                if probe:
                    print(gc_summary(probe, started, ended, result["requests"]), flush=True)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--connections", default="16,64")
    parser.add_argument("--duration", type=int, default=10, help="seconds per run")
    parser.add_argument("--user", default="maja")
    parser.add_argument("--password", default="fasit-demo")
    parser.add_argument(
        "--only",
        default="",
        help="run only requests whose label has one of these (comma-separated)",
    )
    parser.add_argument(
        "--gc",
        action="store_true",
        help="record the server's garbage collections (bench/gc_probe) and print each run's",
    )
    parser.add_argument(
        "--switch-interval",
        type=float,
        default=0.0,
        help="the server's GIL switch interval in seconds (default Python's 0.005)",
    )
    parser.add_argument("--serve-args", default="", help="extra arguments to `fasit serve`")
    parser.add_argument(
        "--warm-limit",
        type=float,
        default=900,
        help="seconds to wait at most for the server's warm-up before measuring",
    )
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    if not (os.environ.get("FASIT_DATA_DIR") or os.environ.get("DATABASE_URL")):
        raise SystemExit("set FASIT_DATA_DIR (or DATABASE_URL) to a seeded demo")

    port = free_port()
    # A file, not a pipe: a server that logs a lot would block on a full pipe.
    with tempfile.NamedTemporaryFile(
        "w+", prefix="bench_http_", suffix=".log", delete=False
    ) as log:
        run(args, port, log)
    print(f"server log: {log.name}")


if __name__ == "__main__":
    main()

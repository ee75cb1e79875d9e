"""Garbage-collection probe for bench/bench_http.py ``--gc`` (not part of Fasit).

Put this folder on ``PYTHONPATH`` with ``FASIT_GC_PROBE=<file>``: every Python process
started then (the server's master and workers) appends one line per collection to the
file — wall time at the end, pid, generation, wall ms, CPU ms of the collecting thread,
objects collected. A collection holds the GIL, so every request of that process waits
for it: the pauses are part of the latency tail.
"""

import gc
import os
import time

_path = os.environ.get("FASIT_GC_PROBE")

if _path:
    _started = [0.0, 0.0]

    def _record(phase: str, info: dict) -> None:
        if phase == "start":
            _started[0], _started[1] = time.perf_counter(), time.thread_time()
            return
        wall = (time.perf_counter() - _started[0]) * 1000
        cpu = (time.thread_time() - _started[1]) * 1000
        line = (
            f"{time.time():.4f} {os.getpid()} {info['generation']} {wall:.3f} {cpu:.3f} "
            f"{info['collected']}\n"
        )
        try:
            with open(_path, "a") as out:
                out.write(line)
        except OSError:
            pass

    gc.callbacks.append(_record)

# For trying another GIL switch interval in the server without changing it
# (bench_http.py --switch-interval): seconds, as sys.setswitchinterval takes.
_switch = os.environ.get("FASIT_PROBE_SWITCH_INTERVAL")
if _switch:
    import sys

    sys.setswitchinterval(float(_switch))

"""How long crisis screening takes, on text built from the project's own safe sentences.

    .venv/bin/python bench/crisis_speed.py

Prints three figures against the targets of issue 10 (one process, one thread, the model loaded):
- p95 of the first screen of 200 different entries of up to 1,000 characters (target <= 20 ms);
- the first screen of one 40,000-character entry (target <= 300 ms; median of 5 different entries);
- p95 of an autosave that adds one sentence to an entry already screened (target <= 20 ms).
"Screen" is `respond()`, rules and model; each measured text is new to the cache unless it says so.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import crisis_data  # noqa: E402
from trustrepair.safety.detection import model_status, respond  # noqa: E402


def entry(pool: list[str], rng: random.Random, limit: int) -> str:
    words, text = [], ""
    while True:
        s = rng.choice(pool)
        if len(text) + len(s) + 1 > limit:
            return text or s[:limit]
        words.append(s)
        text = " ".join(words)


CPU: list[float] = []  # CPU time of each measurement, beside wall time (this machine is often shared)


def timed(text: str) -> float:
    start, cpu = time.perf_counter(), time.process_time()
    respond(text)
    CPU.append((time.process_time() - cpu) * 1000)
    return (time.perf_counter() - start) * 1000


def p95(values: list[float]) -> float:
    return sorted(values)[int(0.95 * (len(values) - 1))]


def main() -> None:
    pool = [r.sentence for name in crisis_data.files() for r in crisis_data.read(name)]
    rng = random.Random(10)
    print(model_status().label)
    respond("Warming up: the model loads on first use.")
    # each run gets its own marker so nothing is served from an earlier run's cache
    marker = f" (run {rng.randrange(10**9)})"
    short = [entry(pool, rng, 1000 - len(marker)) + marker + str(i) for i in range(200)]
    CPU.clear()
    first = [timed(t) for t in short]
    print(
        f"entry up to 1,000 characters, first screen: p95 {p95(first):6.1f} ms wall, "
        f"{p95(CPU):6.1f} ms CPU (target <= 20)"
    )
    CPU.clear()
    long_times = [timed(entry(pool, rng, 40_000 - 20) + marker + str(i)) for i in range(5)]
    print(
        f"40,000 characters, first screen:        median {statistics.median(long_times):6.1f} ms wall, "
        f"{statistics.median(CPU):6.1f} ms CPU (target <= 300)"
    )
    CPU.clear()
    autosave = [timed(f"{text} {rng.choice(pool)} ({i})") for i, text in enumerate(short[:100])]
    print(
        f"autosave adding one sentence:              p95 {p95(autosave):6.1f} ms wall, "
        f"{p95(CPU):6.1f} ms CPU (target <= 20)"
    )
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores while measuring)")


if __name__ == "__main__":
    main()

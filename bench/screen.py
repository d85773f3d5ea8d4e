"""Benchmark the compliance screen on the labelled set: answers/s, peak memory, ratio vs baseline.

Run: .venv/bin/python bench/screen.py [--seconds 2]
The baseline is a trivial pass that only lowercases and tokenizes each answer, measured in the
same run, so the ratio is comparable across machines.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.screening import AllowList, Screener  # noqa: E402

DATA = ROOT / "tests" / "data" / "screening.jsonl"
ALLOW = AllowList(
    names=frozenset({"Lakeside Family Medicine", "Priya Patel", "Marcus Webb", "Linda Okoro"}),
    phones=frozenset({"(608) 241-4400", "(608) 241-4401"}),
    urls=frozenset({"https://www.lakesidefamilymed.com"}),
    emails=frozenset({"appointments@lakesidefamilymed.com"}),
    addresses=frozenset({"2150 Lakeshore Drive"}),
)
_WORDS = re.compile(r"\w+")


def _rate(work: Callable[[list[dict]], None], rows: list[dict], seconds: float) -> float:
    """Answers per second: repeat passes over the set until `seconds` have elapsed."""
    work(rows)  # warm-up (regex caches, allow-list screeners)
    passes, start = 0, time.perf_counter()
    while True:
        work(rows)
        passes += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return passes * len(rows) / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=2.0, help="time per measurement")
    args = parser.parse_args()
    rows = [json.loads(line) for line in DATA.read_text("utf-8").splitlines() if line.strip()]
    screener = Screener(ALLOW)
    extras = {r["physician"]: AllowList(names=frozenset({r["physician"]})) for r in rows}

    def baseline(batch: list[dict]) -> None:
        for row in batch:
            _WORDS.findall(row["text"].lower())

    def screen(batch: list[dict]) -> None:
        for row in batch:
            screener.screen(row["text"], extra_allow=extras[row["physician"]])

    base_rate = _rate(baseline, rows, args.seconds)
    screen_rate = _rate(screen, rows, args.seconds)
    # Longer answers: four labelled answers joined (~300 characters), same physician allow-list.
    long_rows = [
        {"text": " ".join(r["text"] for r in rows[i : i + 4]), "physician": rows[i]["physician"]}
        for i in range(0, len(rows) - 3, 4)
    ]
    long_base = _rate(baseline, long_rows, args.seconds)
    long_rate = _rate(screen, long_rows, args.seconds)

    tracemalloc.start()
    screen(rows)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    max_rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    print(f"labelled answers: {len(rows)} (mean {sum(len(r['text']) for r in rows) / len(rows):.0f} chars)")
    print(f"baseline (lowercase + tokenize): {base_rate:,.0f} answers/s")
    print(f"screen: {screen_rate:,.0f} answers/s ({1e6 / screen_rate:.0f} µs/answer, one core)")
    print(f"ratio vs baseline: {base_rate / screen_rate:.1f}x slower")
    print(
        f"4-answer texts (~{sum(len(r['text']) for r in long_rows) / len(long_rows):.0f} chars): "
        f"{long_rate:,.0f} answers/s, ratio vs baseline {long_base / long_rate:.1f}x"
    )
    print(f"peak traced memory during one pass: {peak / 1024:.0f} KiB; process max RSS: {max_rss_kb / 1024:.1f} MiB")
    print("target >= 2,000 answers/s:", "met" if screen_rate >= 2000 else "NOT met")


if __name__ == "__main__":
    main()

"""Benchmark the compliance screen on the labelled set: answers/s, start-up, resident memory.

Run: .venv/bin/python bench/screen.py [--seconds 2]
Also starts `rounds screen` as a child (temporary SQLite config) on text it has not seen and reports
its start-up (time to the first verdict), its steady rate after the first verdict (as
shared/eval/score.py measures it) and peak RSS. Targets (issue 9): >= 500 answers/s on one core,
start-up < 3 s, RSS < 300 MB.
The screen keeps a few results per text while it reads it, so passes over the same texts again run
faster than new text does: the targets are checked on new text (`tools/corpus/untrained`, one pass).
The baseline is a trivial pass that only lowercases and tokenizes each answer, measured in the
same run, so the ratio is comparable across machines.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.screening import AllowList, Screener  # noqa: E402

DATA = ROOT / "tests" / "data" / "screening.jsonl"
NEW_TEXT = ROOT / "tools" / "corpus" / "untrained"
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


def _rate_once(work: Callable[[list[dict]], None], rows: list[dict]) -> float:
    """Answers per second over one pass: for text the screen has not read before."""
    start = time.perf_counter()
    work(rows)
    return len(rows) / (time.perf_counter() - start)


def _new_rows() -> list[dict]:
    rows = []
    for path in sorted(NEW_TEXT.glob("*.jsonl")):
        for i, line in enumerate(path.read_text("utf-8").splitlines()):
            if line.strip():
                rows.append({"id": f"{path.stem}-{i}", "text": json.loads(line)["text"], "physician": "Priya Patel"})
    return rows


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
    screen_rate = _rate(screen, rows, args.seconds)  # (after a warm-up pass over the same texts)
    new_rows = _new_rows()
    extras.update({r["physician"]: AllowList(names=frozenset({r["physician"]})) for r in new_rows})
    new_base = _rate_once(baseline, new_rows)
    new_rate = _rate_once(screen, new_rows)
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
    print(f"screen, the same texts again: {screen_rate:,.0f} answers/s, ratio {base_rate / screen_rate:.1f}x")
    print(
        f"screen, new text ({len(new_rows)} answers, one pass): {new_rate:,.0f} answers/s "
        f"({1e6 / new_rate:.0f} µs/answer, one core), ratio vs baseline {new_base / new_rate:.1f}x"
    )
    print(
        f"4-answer texts (~{sum(len(r['text']) for r in long_rows) / len(long_rows):.0f} chars): "
        f"{long_rate:,.0f} answers/s, ratio vs baseline {long_base / long_rate:.1f}x"
    )
    print(f"peak traced memory during one pass: {peak / 1024:.0f} KiB; process max RSS: {max_rss_kb / 1024:.1f} MiB")
    print("target >= 500 answers/s (new text):", "met" if new_rate >= 500 else "NOT met")
    startup, steady, rss_mib = cli_startup(new_rows)
    print(
        f"`rounds screen` on new text: first verdict after {startup:.2f} s, then {steady:,.0f} answers/s, "
        f"peak RSS {rss_mib:.0f} MiB"
    )
    print("target >= 500 answers/s through `rounds screen`:", "met" if steady >= 500 else "NOT met")
    print("target start-up < 3 s:", "met" if startup < 3 else "NOT met")
    print("target RSS < 300 MB:", "met" if rss_mib * 1.048576 < 300 else "NOT met")


def cli_startup(rows: list[dict]) -> tuple[float, float, float]:
    """Start `rounds screen` on a fresh SQLite config: seconds to the first verdict, answers/s after it
    (each verdict line stamped as it arrives, as shared/eval/score.py does) and peak RSS (MiB)."""
    rounds = Path(sys.executable).with_name("rounds")
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "config.toml"
        config.write_text(
            f'[database]\nurl = "sqlite:///{tmp}/rounds.db"\n\n[practice]\nname = "Lakeside Family Medicine"\n',
            "utf-8",
        )
        subprocess.run([rounds, "--config", config, "db", "upgrade"], check=True, capture_output=True)
        lines = "".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in rows)
        start = time.perf_counter()
        child = subprocess.Popen(
            [rounds, "--config", config, "screen"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        feeder = threading.Thread(target=_feed, args=(child.stdin, lines), daemon=True)
        feeder.start()
        stamps = [time.perf_counter() for _ in child.stdout]
        _, _, usage = os.wait4(child.pid, 0)
        child.returncode = 0
        feeder.join()
    steady = (len(stamps) - 1) / (stamps[-1] - stamps[0])
    return stamps[0] - start, steady, usage.ru_maxrss / 1024


def _feed(stdin, lines: str) -> None:
    stdin.write(lines)
    stdin.close()


if __name__ == "__main__":
    main()

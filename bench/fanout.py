"""Fan-out benchmark: 10,000 physicians due at once, against a rate-limited fake Slack.

Run from the repository root:  .venv/bin/python bench/fanout.py [--people 10000]

The headline run is warm: a bot that was running before 09:00, so the week's rows exist and
only the fan-out itself is timed (production). A cold run, whose first tick ever also creates
the week's rows, is printed too.

The fake Slack (tests/fake_slack.py) answers every call after 100 ms, as Slack does from a
hospital's network (`--api-delay-ms`), and enforces per-method token buckets, scaled so the run
takes under a minute (chat.postMessage 200/s workspace-wide; conversations.open shaped like
Tier 3 but scaled to 200/s with a burst), and answers 5% of all calls with 429 +
Retry-After: 1. Rounds runs with the shipped defaults plus the rate an admin would set
(`post_messages_per_second`); how many sends are in flight is Rounds' own business. A first
message goes to the user id, so conversations.open is only called to recover after a crash
(bench/crash.py measures that). `run_due` is called until the outbox is drained. Printed: the time taken, the
floor those limits impose (max over methods of calls / rate), their ratio (target ≤ 1.1),
duplicated and missing messages (target 0 and 0), and a baseline run of the same pipeline
against an unlimited fake with no 429s (the cost of Rounds itself).
"""

from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, select, text  # noqa: E402

from bench.fanout_trace import Trace  # noqa: E402
from bot.config import config_from_mapping  # noqa: E402
from bot.outbox import outbox_counts  # noqa: E402
from bot.scheduler import run_due  # noqa: E402
from bot.services import build_services  # noqa: E402
from bot.store import Base, OutboxStatus, Person, Question, upgrade  # noqa: E402
from bot.store.db import make_engine  # noqa: E402
from handlers.slack.chat import SlackChat  # noqa: E402
from tests.fake_slack import FakeSlack  # noqa: E402

# 2026-11-24 is a Tuesday; 09:00 in New York is 14:00 UTC.
DUE = datetime(2026, 11, 24, 14, 0, tzinfo=UTC)
CREATED = datetime(2026, 11, 1, tzinfo=UTC)
LIMITS = {  # method: (calls per second, burst)
    "chat.postMessage": (200.0, 20.0),
    "conversations.open": (200.0, 50.0),
}
RANDOM_429 = 0.05


def populate(services, people: int) -> None:
    """Insert `people` physicians all due at DUE, plus a small question bank."""
    with services.db.transaction() as session:
        session.execute(insert(Question), [
            {"specialty": "", "text": f"What do new patients ask you most about topic {i}?",
             "active": True, "created_at": CREATED} for i in range(40)])
        session.execute(insert(Person), [
            {"email": f"dr{i}@example.org", "name": f"Dr. Bench {i}", "roles": "physician",
             "specialty": "", "timezone": "America/New_York", "weekday": 1,
             "local_time": "09:00", "slack_user_id": f"U{i:08d}", "active": True,
             "created_at": CREATED, "updated_at": CREATED} for i in range(people)])


def empty(url: str) -> None:
    """Drop Rounds' tables from a scratch database given with --database-url (each run starts empty)."""
    engine = make_engine(url)
    Base.metadata.drop_all(engine)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


class FakeSlackProcess:
    """tests/fake_slack.py in its own process, so it doesn't compete with Rounds for the GIL."""

    def __init__(self, limited: bool, delay_ms: float):
        args = [sys.executable, "-m", "tests.fake_slack", "--ts-clock", str(DUE.timestamp()),
                "--latency-ms", str(delay_ms)]
        if limited:
            args += [f"--limit={m}={rate}:{burst}" for m, (rate, burst) in LIMITS.items()]
            args += ["--random-429", str(RANDOM_429), "--retry-after", "1"]
        self.process = subprocess.Popen(args, cwd=ROOT, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)
        self.url = self.process.stdout.readline().strip()
        if not self.url:
            raise RuntimeError("fake Slack did not start")

    def summary(self, timeline: bool = False) -> dict:
        query = "?timeline=1" if timeline else ""
        with urllib.request.urlopen(self.url.replace("/api/", "/_fake/summary") + query) as response:
            return json.load(response)

    def stop(self) -> None:
        self.process.stdin.close()
        self.process.wait(10)


def run(people: int, limited: bool, delay_ms: float, database_url: str | None, warm: bool = True,
        trace: bool = False) -> dict:
    workdir = tempfile.mkdtemp(prefix="rounds-fanout-")
    url = database_url or f"sqlite:///{workdir}/bench.db"
    if database_url:
        empty(database_url)
    upgrade(url)
    fake = FakeSlackProcess(limited, delay_ms)
    try:
        post_rate = LIMITS["chat.postMessage"][0] if limited else 10_000
        config = config_from_mapping({
            "database": {"url": url},
            "slack": {"bot_token": "xoxb-bench", "signing_secret": "bench", "api_url": fake.url,
                      "post_messages_per_second": post_rate},
        }, env={})
        chat = SlackChat(config.slack)
        services = build_services(config, chats={"slack": chat})
        populate(services, people)
        if warm:
            # A running bot has ticked before 09:00: this week's rows already exist (they are
            # created on the first tick of each local week). Nothing is due yet at this tick.
            warmup = run_due(services, DUE - timedelta(hours=1))
            assert warmup.scheduled == people and warmup.questions_sent == 0
        tracer = Trace(chat) if trace else None
        if tracer:
            tracer.start()
        started = time.monotonic()
        ticks, phases = 0, Counter()
        while True:
            now = DUE + timedelta(seconds=time.monotonic() - started)
            report = run_due(services, now)
            phases["queued"] += report.questions_sent
            ticks += 1
            counts = outbox_counts(services.db)
            if not counts.get(OutboxStatus.PENDING) and not counts.get(OutboxStatus.SENDING):
                break
            time.sleep(0.5)
        elapsed = time.monotonic() - started
        if tracer:
            tracer.stop()
        with services.db.transaction() as session:
            users = session.scalars(select(Person.slack_user_id)).all()
        services.db.dispose()
        state = fake.summary(timeline=trace)
        if tracer:
            tracer.report(state["timeline"], started, started + elapsed, people)
    finally:
        fake.stop()
    expected = {FakeSlack.dm_channel(u) for u in users}
    per_channel = Counter(channel for channel, _ in state["posted"])
    ok_calls = {m: statuses.get("200", 0) for m, statuses in state["calls"].items()}
    floor = max((ok_calls.get(m, 0) / rate for m, (rate, _) in LIMITS.items()), default=0)
    return {
        "elapsed": elapsed, "floor": floor, "ticks": ticks,
        "calls": {m: sum(s.values()) for m, s in state["calls"].items()},
        "429s": sum(s.get("429", 0) for s in state["calls"].values()),
        "duplicated": sum(n - 1 for n in per_channel.values() if n > 1),
        "missing": len(expected - set(per_channel)), "failed": counts.get(OutboxStatus.FAILED, 0),
        "first_call": (state["first_call"] or started) - started,
        "last_post": (state["last_post"] or started) - started,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--api-delay-ms", type=float, default=100.0,
                        help="how long the fake Slack takes to answer each call (default 100, like Slack)")
    parser.add_argument("--rate", type=float, default=200.0,
                        help="chat.postMessage per second Slack allows and Rounds is configured with (default 200)")
    parser.add_argument("--database-url", help="a scratch database, emptied before each run "
                        "(default: a fresh SQLite file)")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--no-cold", action="store_true", help="skip the cold-start run")
    parser.add_argument("--trace", action="store_true",
                        help="print a timeline of the warm run (bench/fanout_trace.py)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    LIMITS["chat.postMessage"] = (args.rate, args.rate / 10)

    limited = run(args.people, True, args.api_delay_ms, args.database_url, trace=args.trace)
    print("scenario              warm: the bot was running before 09:00 (as in production)")
    print(f"people                {args.people}")
    print(f"Slack answers after   {args.api_delay_ms:g} ms per call; config: shipped defaults + "
          f"post_messages_per_second = {LIMITS['chat.postMessage'][0]:g}")
    print(f"calls                 {limited['calls']} ({limited['429s']} answered 429)")
    print(f"time taken            {limited['elapsed']:.1f} s in {limited['ticks']} tick(s): first call after "
          f"{limited['first_call']:.2f} s, last message posted at {limited['last_post']:.1f} s")
    print(f"floor from limits     {limited['floor']:.1f} s "
          f"(max over methods of successful calls / rate: "
          + ", ".join(f"{m} {r:g}/s" for m, (r, _) in LIMITS.items()) + ")")
    print(f"ratio time/floor      {limited['elapsed'] / limited['floor']:.3f}  (target <= 1.1)")
    print(f"duplicated messages   {limited['duplicated']}  (target 0)")
    print(f"missing messages      {limited['missing']}  (target 0)")
    print(f"failed for good       {limited['failed']}")
    if not args.no_cold:
        cold = run(args.people, True, args.api_delay_ms, args.database_url, warm=False)
        print(f"cold start            {cold['elapsed']:.1f} s, ratio {cold['elapsed'] / cold['floor']:.3f} "
              f"(first tick ever also creates the week's {args.people} rows); "
              f"duplicated {cold['duplicated']}, missing {cold['missing']}")
    if not args.no_baseline:
        baseline = run(args.people, False, args.api_delay_ms, args.database_url)
        print(f"baseline (no limits, no 429s): {baseline['elapsed']:.1f} s, "
              f"duplicated {baseline['duplicated']}, missing {baseline['missing']}; "
              f"limited run / baseline = {limited['elapsed'] / baseline['elapsed']:.2f}, "
              f"baseline / floor = {baseline['elapsed'] / limited['floor']:.2f}")


if __name__ == "__main__":
    main()

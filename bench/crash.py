"""Crash mid fan-out: how long a restart takes to settle the messages left in doubt.

Run from the repository root:  .venv/bin/python bench/crash.py [--people 4000] [--crash-after 8]

A child process starts the 09:00 fan-out (same fake Slack and config as bench/fanout.py) and is
killed with SIGKILL mid-way. Rows it had claimed but not recorded are in doubt: Slack may or
may not have them. A restarted Rounds (this process) then delivers the rest; each row in doubt
is first looked up in the DM's history (conversations.open + conversations.history, Tier 3,
paced at `conversations_open_per_second` = 0.8/s) and re-sent only if it is not there.
Printed: rows in doubt at the crash, time until everything settled, duplicated and missing.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from bench.fanout import DUE, FakeSlackProcess, populate  # noqa: E402
from bot.config import config_from_mapping  # noqa: E402
from bot.outbox import LEASE, outbox_counts  # noqa: E402
from bot.scheduler import run_due  # noqa: E402
from bot.services import build_services  # noqa: E402
from bot.store import OutboxMessage, OutboxStatus, Person, upgrade  # noqa: E402
from handlers.slack.chat import SlackChat  # noqa: E402
from tests.fake_slack import FakeSlack  # noqa: E402


def services_for(url: str, fake_url: str):
    config = config_from_mapping({
        "database": {"url": url},
        "slack": {"bot_token": "xoxb-bench", "signing_secret": "bench", "api_url": fake_url,
                  "post_messages_per_second": 200.0},
    }, env={})
    return build_services(config, chats={"slack": SlackChat(config.slack)})


def deliver_until_settled(services, clock_zero: float) -> None:
    """Tick like `rounds serve` until nothing is pending or being sent."""
    while True:
        run_due(services, DUE + timedelta(seconds=time.time() - clock_zero))
        counts = outbox_counts(services.db)
        if not counts.get(OutboxStatus.PENDING) and not counts.get(OutboxStatus.SENDING):
            return
        time.sleep(0.5)


def child(url: str, fake_url: str, clock_zero: float) -> None:
    logging.basicConfig(level=logging.ERROR)
    deliver_until_settled(services_for(url, fake_url), clock_zero)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=4000)
    parser.add_argument("--crash-after", type=float, default=8.0, help="seconds into the fan-out")
    parser.add_argument("--api-delay-ms", type=float, default=100.0)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], float(args.child[2]))
        return
    logging.basicConfig(level=logging.ERROR)
    url = f"sqlite:///{tempfile.mkdtemp(prefix='rounds-crash-')}/bench.db"
    upgrade(url)
    fake = FakeSlackProcess(True, args.api_delay_ms)
    try:
        services = services_for(url, fake.url)
        populate(services, args.people)
        run_due(services, DUE - timedelta(hours=1))  # the week's rows exist, as in production
        clock_zero = time.time()
        worker = subprocess.Popen([sys.executable, __file__, "--child", url, fake.url, str(clock_zero)],
                                  cwd=ROOT)
        time.sleep(args.crash_after)
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait()
        crashed = time.monotonic()
        with services.db.transaction() as session:
            in_doubt = session.scalar(select(func.count()).select_from(OutboxMessage)
                                      .where(OutboxMessage.status == OutboxStatus.SENDING))
            sent = session.scalar(select(func.count()).select_from(OutboxMessage)
                                  .where(OutboxMessage.status == OutboxStatus.SENT))
        deliver_until_settled(services, clock_zero)
        settled = time.monotonic() - crashed
        with services.db.transaction() as session:
            users = session.scalars(select(Person.slack_user_id)).all()
        services.db.dispose()
        state = fake.summary()
    finally:
        fake.stop()
    per_channel = Counter(channel for channel, _ in state["posted"])
    expected = {FakeSlack.dm_channel(u) for u in users}
    print(f"people                {args.people}; crash (SIGKILL) {args.crash_after:g} s into the fan-out")
    print(f"at the crash          {sent} recorded sent, {in_doubt} in doubt (claimed, not recorded)")
    print(f"restart settled in    {settled:.1f} s (lease {LEASE.total_seconds():g} s, then one Tier 3 "
          f"lookup per row in doubt at 0.8/s; the other {args.people - sent - in_doubt} go at full rate)")
    print(f"calls                 { {m: sum(s.values()) for m, s in state['calls'].items()} }")
    print(f"duplicated messages   {sum(n - 1 for n in per_channel.values() if n > 1)}  (target 0)")
    print(f"missing messages      {len(expected - set(per_channel))}  (target 0)")


if __name__ == "__main__":
    main()

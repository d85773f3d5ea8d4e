"""Delivery guarantees on Slack with real `rounds tick` processes on PostgreSQL.

(a) A process killed after Slack stored the question but before the outbox recorded it: the
next tick after the lease finds the message by its metadata and does not post it again.
(b) Two processes ticking at once on one database: every physician is messaged exactly once.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.config import config_from_mapping
from bot.services import build_services
from bot.store import Database, OutboxMessage, OutboxStatus
from tests.fake_slack import FakeSlack
from tests.handlers.conftest import BOT_TOKEN, QUESTION_DUE, SIGNING_SECRET, USER, add_physician

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]
ROUNDS = [sys.executable, "-m", "bot"]


def write_config(tmp_path, database_url: str, fake: FakeSlack, **slack) -> Path:
    settings = {"bot_token": BOT_TOKEN, "signing_secret": SIGNING_SECRET, "api_url": fake.url,
                "post_messages_per_second": 500.0, "conversations_open_per_second": 500.0, **slack}
    lines = ["[database]", f'url = "{database_url}"', "", "[slack]"]
    lines += [f"{k} = {v!r}".replace("'", '"') for k, v in settings.items()]
    path = tmp_path / "config.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


def tick(config: Path, now: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("ROUNDS_CONFIG", None)
    return subprocess.Popen([*ROUNDS, "--config", str(config), "tick", "--now", now], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen) -> str:
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, f"rounds tick failed ({process.returncode}):\n{out}\n{err}"
    return out


def services_for(database_url: str):
    config = config_from_mapping({"database": {"url": database_url}}, env={})
    return build_services(config, database=Database(database_url))


def test_crash_between_post_and_record_does_not_send_twice(postgres_url, tmp_path):
    with FakeSlack() as fake:
        fake.ts_clock = QUESTION_DUE.timestamp
        services = services_for(postgres_url)
        add_physician(services)
        config = write_config(tmp_path, postgres_url, fake)
        fake.hold("chat.postMessage")  # Slack stores the post, the answer never comes back
        first = tick(config, "2026-11-24T14:00:00Z")
        fake.wait_for(lambda: len(fake.posted()) == 1, timeout=60)
        first.send_signal(signal.SIGKILL)
        first.wait(10)
        fake.release_holds()
        with services.db.transaction() as session:
            row = session.scalars(select(OutboxMessage)).one()
            assert row.status == OutboxStatus.SENDING, "the crash left the row claimed"
        # Within the lease (30 s) nobody touches it; after the lease the next tick recovers it.
        finish(tick(config, "2026-11-24T14:00:20Z"))
        assert len(fake.posted()) == 1
        output = finish(tick(config, "2026-11-24T14:01:00Z"))
        assert "recovered 1" in output
        key = fake.posted()[0].metadata["event_payload"]["key"]
        assert len(fake.posted_with_key(key)) == 1
        assert len(fake.posted(FakeSlack.dm_channel(USER))) == 1
        with services.db.transaction() as session:
            row = session.scalars(select(OutboxMessage)).one()
            assert (row.status, row.sent_ts) == (OutboxStatus.SENT, fake.posted()[0].ts)
        services.db.dispose()


def test_two_processes_message_each_physician_exactly_once(postgres_url, tmp_path):
    people = 200
    with FakeSlack() as fake:
        fake.ts_clock = QUESTION_DUE.timestamp
        fake.latency = 0.002
        services = services_for(postgres_url)
        for index in range(people):
            add_physician(services, user_id=f"U{index:08d}", email=f"dr{index}@example.org",
                          name=f"Dr. {index}")
        config = write_config(tmp_path, postgres_url, fake)
        processes = [tick(config, "2026-11-24T14:00:00Z") for _ in range(2)]
        outputs = [finish(process) for process in processes]
        per_channel = Counter(message.channel for message in fake.posted())
        assert len(per_channel) == people
        assert set(per_channel.values()) == {1}
        with services.db.transaction() as session:
            statuses = Counter(session.scalars(select(OutboxMessage.status)).all())
        assert statuses == {OutboxStatus.SENT: people}
        assert all("delivered" in output for output in outputs)
        services.db.dispose()

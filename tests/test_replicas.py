"""Several bot replicas on one PostgreSQL database: every message still goes out exactly once."""

from __future__ import annotations

import threading
from datetime import timedelta

from bot.config import config_from_mapping
from bot.scheduler import run_due
from bot.services import build_services
from bot.store import Person, Question
from tests.conftest import RecordingChat, utc


class SharedPlatform:
    """One platform both replicas talk to (what Slack is for two `rounds serve` processes)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.chat = RecordingChat()

    def replica_chat(self):
        platform = self

        class ReplicaChat:
            platform_name = "console"
            platform = "console"

            def open_direct(self, user_id):
                return f"D-{user_id}"

            def send(self, channel, message):
                with platform.lock:
                    return platform.chat.send(channel, message)

            def update(self, ref, message):
                pass

            def find_sent(self, channel, key, since):
                with platform.lock:
                    return platform.chat.find_sent(channel, key, since)

            def lookup_user_by_email(self, email):
                return None

        return ReplicaChat()


def test_two_replicas_ticking_at_once_send_each_question_once(postgres_url):
    config = config_from_mapping({"database": {"url": postgres_url}}, env={})
    platform = SharedPlatform()
    replicas = [build_services(config, chats={"console": platform.replica_chat()}) for _ in range(2)]
    created = utc(2026, 11, 1)
    with replicas[0].db.transaction() as session:
        session.add(Question(specialty="", text="What do new patients ask you most?", created_at=created))
        for index in range(300):
            session.add(Person(email=f"p{index}@example.org", name=f"Dr. P{index}", roles="physician",
                               specialty="", timezone="America/Chicago", weekday=1, local_time="09:00",
                               created_at=created, updated_at=created))
    due = utc(2026, 11, 24, 15)  # Tuesday 09:00 Chicago
    barrier = threading.Barrier(2)
    errors = []

    def tick(services):
        try:
            for step in range(5):
                barrier.wait()
                run_due(services, due + timedelta(seconds=step))
        except Exception as error:  # surfaced below
            errors.append(error)

    threads = [threading.Thread(target=tick, args=(services,)) for services in replicas]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    recipients = [channel for channel, _, _ in platform.chat.sent]
    assert len(recipients) == 300
    assert len(set(recipients)) == 300
    for services in replicas:
        services.db.dispose()

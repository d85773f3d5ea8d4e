"""The weekly digest reaches the marketing channel through the fake Slack, chart via files_upload_v2."""

from __future__ import annotations

import struct
from datetime import timedelta

from sqlalchemy import select

from bot.scheduler import run_due
from bot.services import build_services
from bot.store import OutboxMessage, OutboxStatus
from handlers.slack.chat import SlackChat
from tests.conftest import make_config
from tests.handlers.conftest import Clock, slack_settings
from tests.metrics import scenario

MARKETING = "C0MARKETING"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def ticks_until(services, start, predicate, limit=6):
    """Run ticks a few seconds apart (as `rounds serve` does) until `predicate()`; returns the reports."""
    reports = []
    for second in range(0, 5 * limit, 5):
        reports.append(run_due(services, start + timedelta(seconds=second)))
        if predicate():
            break
    return reports


def test_digest_follows_the_planning_message_and_the_chart_goes_into_its_thread(database_url, fake_slack):
    config = make_config(database_url, slack=slack_settings(fake_slack, marketing_channel=MARKETING))
    clock = Clock(scenario.DIGEST_DUE)
    services = build_services(config, chats={"slack": SlackChat(config.slack)}, clock=clock)
    try:
        scenario.build(services)
        # The planning message's first two posts fail (Slack 500): it is posted again after looks at the
        # history, 1.5 s later. Before the digest waited for it, this put the digest first.
        fake_slack.fail_next("chat.postMessage", status=500, count=2)
        reports = ticks_until(services, scenario.DIGEST_DUE, lambda: bool(fake_slack.files))
        assert sum(r.digests for r in reports) == 1 and sum(r.planning_messages for r in reports) == 1
        posted = fake_slack.posted(MARKETING)
        keys = [(m.metadata or {}).get("event_payload", {}).get("key") for m in posted]
        assert keys == ["planning:2026-W48", "digest:2026-W48"]  # the digest follows the planning message
        digest = posted[1]
        assert "Questions sent: 2 (±0)" in digest.text
        assert [c.method for c in fake_slack.calls if c.method.startswith("files.")] == [
            "files.getUploadURLExternal", "files.completeUploadExternal"]
        (upload,) = fake_slack.files
        assert (upload["channel_id"], upload["thread_ts"]) == (MARKETING, digest.ts)
        width, height = png_size(upload["data"])
        assert 800 <= width <= 1600 and 500 <= height <= 1200  # readable on a phone, not a poster
        assert upload["alt_txt"].startswith("Weekly chart, oldest first.") and "2 sent, 1 answered" in upload["alt_txt"]
        # Once a week: later ticks queue nothing more.
        assert run_due(services, scenario.DIGEST_DUE.replace(hour=20)).digests == 0
        assert len(fake_slack.files) == 1 and len(fake_slack.posted(MARKETING)) == 2
    finally:
        services.db.dispose()


def test_a_failed_chart_upload_is_retried_by_a_later_tick(database_url, fake_slack):
    config = make_config(database_url, slack=slack_settings(fake_slack, marketing_channel=MARKETING))
    services = build_services(config, chats={"slack": SlackChat(config.slack)}, clock=Clock(scenario.DIGEST_DUE))
    try:
        scenario.build(services)
        fake_slack.error_next("files.completeUploadExternal", "internal_error")
        ticks_until(services, scenario.DIGEST_DUE, lambda: bool(fake_slack.calls_to("files.completeUploadExternal")))
        assert fake_slack.files == []
        with services.db.transaction() as session:
            chart = session.scalars(select(OutboxMessage).where(OutboxMessage.key == "digest:2026-W48:chart")).one()
            assert (chart.status, chart.attempts) == (OutboxStatus.PENDING, 1)
            retry_at = chart.not_before
        run_due(services, retry_at)
        (upload,) = fake_slack.files
        assert upload["thread_ts"] == fake_slack.posted_with_key("digest:2026-W48")[0].ts
        with services.db.transaction() as session:
            assert session.scalars(select(OutboxMessage.status).where(
                OutboxMessage.key == "digest:2026-W48:chart")).one() == OutboxStatus.SENT
    finally:
        services.db.dispose()

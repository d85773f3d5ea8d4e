"""The weekly digest reaches the marketing channel through the fake Slack, chart via files_upload_v2."""

from __future__ import annotations

import struct

from bot.scheduler import run_due
from bot.services import build_services
from handlers.slack.chat import SlackChat
from tests.conftest import make_config
from tests.handlers.conftest import Clock, slack_settings
from tests.metrics import scenario

MARKETING = "C0MARKETING"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_digest_posts_numbers_then_uploads_the_chart_into_its_thread(database_url, fake_slack):
    config = make_config(database_url, slack=slack_settings(fake_slack, marketing_channel=MARKETING))
    clock = Clock(scenario.DIGEST_DUE)
    services = build_services(config, chats={"slack": SlackChat(config.slack)}, clock=clock)
    try:
        scenario.build(services)
        report = run_due(services, scenario.DIGEST_DUE)
        assert report.digests == 1 and report.planning_messages == 1
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
        # Once a week: a later tick queues nothing more.
        assert run_due(services, scenario.DIGEST_DUE.replace(hour=20)).digests == 0
        assert len(fake_slack.files) == 1
    finally:
        services.db.dispose()

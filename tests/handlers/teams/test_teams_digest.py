"""The weekly digest on Teams: the text after the planning message in the marketing channel, then
the chart as an Image (data URI) in a card replying in the digest's thread, under Teams' limit;
a picture that cannot be made small enough is sent as its alt text."""

from __future__ import annotations

import base64
import io
import json
import random
from datetime import timedelta

from bot.chat import Image, OutgoingMessage
from bot.scheduler import run_due
from bot.templating import Templates
from handlers.teams.render import MAX_CARD_BYTES, message_activity
from tests.handlers.conftest import Clock
from tests.handlers.teams.conftest import TEAM_CHANNEL, card_of, install_in_team, post, teams_services
from tests.handlers.test_slack_digest import png_size
from tests.metrics import scenario

TEAMS_MESSAGE_LIMIT = 80_000


def test_digest_then_its_chart_as_an_image_in_the_thread(sqlite_url, connector):
    services = teams_services(sqlite_url, connector, clock=Clock(scenario.DIGEST_DUE))
    try:
        post(services, install_in_team(connector))
        scenario.build(services)
        for second in range(0, 60, 5):
            run_due(services, scenario.DIGEST_DUE + timedelta(seconds=second))
            if len(connector.sent(TEAM_CHANNEL)) == 3:
                break
        planning, digest, chart = connector.sent(TEAM_CHANNEL)
        assert planning.body["text"].startswith("Content calendar for next week")
        assert digest.body["text"].startswith("The week in numbers") and "Questions sent: 2 (±0)" in digest.body["text"]
        assert chart.activity_id == digest.response_id, "the chart replies in the digest's thread"
        assert len(json.dumps(chart.body).encode()) < TEAMS_MESSAGE_LIMIT
        card = card_of(chart)
        [image] = [item for item in card["body"] if item["type"] == "Image"]
        assert image["altText"].startswith("Weekly chart, oldest first.") and "2 sent, 1 answered" in image["altText"]
        prefix = "data:image/png;base64,"
        assert image["url"].startswith(prefix)
        width, height = png_size(base64.b64decode(image["url"][len(prefix):]))
        assert 480 <= width <= 1024 and height <= 1024
        assert "Weekly chart" in card["fallbackText"] and chart.body["summary"] == "The last 8 weeks"
        assert run_due(services, scenario.DIGEST_DUE.replace(hour=22)).digests == 0
        assert len(connector.sent(TEAM_CHANNEL)) == 3
    finally:
        services.db.dispose()


def _noise_png(side: int) -> str:
    from PIL import Image as Picture

    noise = random.Random(7).randbytes(side * side * 3)
    buffer = io.BytesIO()
    Picture.frombytes("RGB", (side, side), noise).save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode()


def test_a_picture_too_big_for_a_card_is_sent_as_its_alt_text():
    image = Image("noise.png", "Noise", "Weekly chart, oldest first. Nov 1: 2 sent.", _noise_png(1024))
    activity = message_activity(Templates(), OutgoingMessage(text="The last 8 weeks", image=image))
    assert not activity.attachments
    assert activity.text == "The last 8 weeks\nWeekly chart, oldest first. Nov 1: 2 sent."


def test_an_unreadable_picture_falls_back_to_alt_text_too():
    image = Image("x.png", "X", "The numbers in words.", base64.b64encode(b"not a png" * 20_000).decode())
    activity = message_activity(Templates(), OutgoingMessage(text="Chart", image=image))
    assert activity.text == "Chart\nThe numbers in words." and not activity.attachments
    assert MAX_CARD_BYTES < TEAMS_MESSAGE_LIMIT

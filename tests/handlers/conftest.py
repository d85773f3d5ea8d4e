"""Slack adapter fixtures: a fake Slack Web API, services wired to it, signed requests, captured logs."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import logging
import time
from datetime import datetime
from urllib.parse import urlencode

import pytest

from bot.services import build_services
from bot.store import Person, Question
from handlers.slack.chat import SlackChat
from tests.conftest import make_config, utc
from tests.fake_slack import FakeSlack

SIGNING_SECRET = "test-signing-secret"
BOT_TOKEN = "xoxb-test-token"
USER = "U0LEE0001"
EMAIL = "lee@example.org"
# 2026-11-24 is a Tuesday; 09:00 in New York is 14:00 UTC.
QUESTION_DUE = utc(2026, 11, 24, 14, 0)
CREATED = utc(2026, 11, 1)


@pytest.fixture
def fake_slack():
    with FakeSlack(emails={EMAIL: USER}) as fake:
        yield fake


def slack_settings(fake: FakeSlack, **overrides) -> dict:
    return {"bot_token": BOT_TOKEN, "signing_secret": SIGNING_SECRET, "api_url": fake.url,
            "conversations_open_per_second": 500.0, **overrides}


class Clock:
    """A settable clock for `Services.clock`."""

    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock(QUESTION_DUE)


@pytest.fixture
def slack_services(database_url, fake_slack, clock):
    config = make_config(database_url, slack=slack_settings(fake_slack))
    services = build_services(config, chats={"slack": SlackChat(config.slack)}, clock=clock)
    fake_slack.ts_clock = lambda: clock.now.timestamp()
    yield services
    services.db.dispose()


def add_physician(services, user_id: str = USER, email: str = EMAIL, name: str = "Dr. Ana Lee",
                  specialty: str = "cardiology") -> int:
    with services.db.transaction() as session:
        if session.query(Question).count() == 0:
            for index in range(3):
                session.add(Question(specialty="", text=f"What do patients ask about {index}?",
                                     created_at=CREATED))
        person = Person(email=email, name=name, roles="physician", specialty=specialty,
                        timezone="America/New_York", weekday=1, local_time="09:00",
                        slack_user_id=user_id, created_at=CREATED, updated_at=CREATED)
        session.add(person)
        session.flush()
        return person.id


# --- signed requests ------------------------------------------------------------------------

_event_ids = itertools.count(1)


def sign(body: str | bytes, timestamp: int | str | None = None, secret: str = SIGNING_SECRET) -> dict:
    """Headers Slack would send: `v0=` + HMAC-SHA256(secret, `v0:{ts}:{body}`).

    Any timestamp text is signed as given, so tests of malformed timestamps ("abc", "1.5e9") send a
    request whose signature is right for what it carries.
    """
    timestamp = str(int(time.time()) if timestamp is None else timestamp)
    raw = body.encode() if isinstance(body, str) else body
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:".encode() + raw, hashlib.sha256)
    return {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": "v0=" + digest.hexdigest()}


def event_body(event: dict, event_id: str | None = None) -> str:
    return json.dumps({
        "token": "unused", "team_id": "T0000TEST", "api_app_id": "A0ROUNDS",
        "type": "event_callback", "event_id": event_id or f"Ev{next(_event_ids):08d}",
        "event_time": int(time.time()), "event": event,
        "authorizations": [{"team_id": "T0000TEST", "user_id": "UBOT00001", "is_bot": True}],
    })


def dm_event(text: str, ts: str, channel: str, user: str = USER, **extra) -> dict:
    return {"type": "message", "channel": channel, "user": user, "text": text, "ts": ts,
            "event_ts": ts, "channel_type": "im", **extra}


def edit_event(text: str, ts: str, old_text: str, channel: str, user: str = USER) -> dict:
    return {"type": "message", "subtype": "message_changed", "channel": channel,
            "channel_type": "im", "hidden": True, "ts": f"{float(ts) + 5:.6f}",
            "event_ts": f"{float(ts) + 5:.6f}",
            "message": {"type": "message", "user": user, "text": text, "ts": ts,
                        "edited": {"user": user, "ts": f"{float(ts) + 5:.6f}"}},
            "previous_message": {"type": "message", "user": user, "text": old_text, "ts": ts}}


def action_body(action_id: str, value: str, channel: str, message_ts: str, user: str = USER,
                select: bool = False) -> str:
    if select:
        action = {"type": "static_select", "action_id": action_id, "block_id": "b1",
                  "selected_option": {"text": {"type": "plain_text", "text": "x"},
                                      "value": value}, "action_ts": "1"}
    else:
        action = {"type": "button", "action_id": action_id, "block_id": "b1", "value": value,
                  "text": {"type": "plain_text", "text": "x"}, "action_ts": "1"}
    payload = {
        "type": "block_actions", "team": {"id": "T0000TEST"}, "user": {"id": user},
        "api_app_id": "A0ROUNDS", "token": "unused", "trigger_id": "1.2.3",
        "container": {"type": "message", "message_ts": message_ts, "channel_id": channel,
                      "is_ephemeral": False},
        "channel": {"id": channel}, "message": {"ts": message_ts, "type": "message"},
        "actions": [action],
    }
    return urlencode({"payload": json.dumps(payload)})


# --- captured logs ----------------------------------------------------------------------------


class Captured(logging.Handler):
    """Every record of every logger, formatted as the server would print it (with tracebacks)."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        self.lines: list[str] = []
        self.levels: list[int] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))
        self.levels.append(record.levelno)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@pytest.fixture
def logs():
    """Every logger at DEBUG into one `Captured` (tests assert no traceback, no PHI, no error)."""
    handler = Captured()
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield handler
    root.removeHandler(handler)
    root.setLevel(previous)

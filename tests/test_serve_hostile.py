"""`rounds serve -vv` as a real process against hostile input (issue 8): what Slack would see, what
/healthz does meanwhile, whether SIGTERM still stops it, and what the server prints.

The database is seeded in-process (a physician whose question is out this week, on the real
clock, since the server runs on it); then only signed HTTP requests reach the server.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

from bot.scheduler import run_due
from bot.services import build_services
from bot.store import Person, Question, upgrade
from handlers.slack.chat import SlackChat
from tests.conftest import make_config
from tests.fake_slack import FakeSlack
from tests.handlers.conftest import sign
from tests.test_serve import SECRET, free_port, signed, start_serve, status_of

USER = "U0LEE0001"
DM = FakeSlack.dm_channel(USER)
PHI = "Last week my patient Maria Gonzalez-Whitfield, DOB 03/14/1962, phone (312) 555-0147, MRN 00482913"
PHI_MARKERS = ("Gonzalez", "00482913", "03/14/1962", "555-0147")


def seed(tmp_path, fake: FakeSlack) -> None:
    """A physician (Slack USER) whose question for this week has been sent, on the real clock."""
    url = f"sqlite:///{tmp_path / 'rounds.db'}"
    upgrade(url)
    config = make_config(url, slack={"bot_token": "xoxb-serve", "signing_secret": SECRET, "api_url": fake.url})
    services = build_services(config, chats={"slack": SlackChat(config.slack)})
    now = datetime.now(UTC)
    due = now - timedelta(minutes=1)  # due a minute ago: sent now, not a late catch-up
    with services.db.transaction() as session:
        session.add(Question(specialty="", text="What do patients get wrong about blood pressure?", created_at=now))
        session.add(Person(email="lee@example.org", name="Dr. Ana Lee", roles="physician", specialty="",
                           timezone="UTC", weekday=due.weekday(), local_time=f"{due:%H:%M}", slack_user_id=USER,
                           created_at=now - timedelta(days=30), updated_at=now))
    run_due(services, now)
    services.db.dispose()
    assert fake.posted(DM), "the seeded question was not sent"


class Server:
    """`rounds -vv serve` with its output read as it comes (debug logs would fill a pipe)."""

    def __init__(self, tmp_path, fake: FakeSlack):
        port = free_port()
        self.process = start_serve(tmp_path, port, f'bot_token = "xoxb-serve"\nsigning_secret = "{SECRET}"\n'
                                                   f'api_url = "{fake.url}"\n', verbose=True)
        self.base = f"http://127.0.0.1:{port}"
        self.lines: list[str] = []
        self.reader = threading.Thread(target=lambda: self.lines.extend(self.process.stdout), daemon=True)
        self.reader.start()
        for _ in range(150):
            try:
                if status_of(f"{self.base}/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        self.process.kill()
        raise AssertionError("rounds serve did not come up: " + "".join(self.lines)[-2000:])

    def stop(self) -> str:
        """SIGTERM, and the process's whole output; it must stop within seconds, cleanly."""
        self.process.terminate()
        self.process.wait(timeout=15)
        self.reader.join(timeout=5)
        output = "".join(self.lines)
        assert self.process.returncode == 0, output[-3000:]
        return output


def assert_clean_output(output: str) -> None:
    assert "Traceback" not in output and " ERROR " not in output, output[-3000:]
    for marker in PHI_MARKERS:
        assert marker not in output


def dm_body(text: str, ts: float) -> bytes:
    return json.dumps({
        "type": "event_callback", "team_id": "T0000TEST", "api_app_id": "A0ROUNDS", "event_id": f"Ev{int(ts * 1e6)}",
        "event": {"type": "message", "channel": DM, "channel_type": "im", "user": USER, "text": text,
                  "ts": f"{ts:.6f}"}}).encode()


def test_answers_of_any_size_are_acknowledged_fast_while_healthz_answers_and_sigterm_stops(tmp_path):
    with FakeSlack() as fake:
        seed(tmp_path, fake)
        server = Server(tmp_path, fake)
        base = server.base
        try:
            health: list[float] = []
            done = threading.Event()

            def poll_health():
                while not done.is_set():
                    started = time.monotonic()
                    assert status_of(f"{base}/healthz")[0] == 200
                    health.append(time.monotonic() - started)

            poller = threading.Thread(target=poll_health)
            poller.start()
            timings = {}
            start = time.time()
            for index, size in enumerate((2_000, 10_000, 40_000, 200_000)):
                text = (PHI + ". " + "Blood pressure readings vary through the day. " * (size // 40))[:size]
                began = time.monotonic()
                status, _ = status_of(signed(f"{base}/slack/events", dm_body(text, start + index)))
                timings[size] = time.monotonic() - began
                assert status == 200
            done.set()
            poller.join(timeout=10)
            assert max(timings.values()) < 3.0, timings
            assert health and max(health) < 1.5, max(health)
            replies = [m.text for m in fake.posted(DM)][1:]
            assert replies[0].startswith("I held your answer")  # 2,000 characters: screened, held
            assert all("longer than a post can be" in reply for reply in replies[1:]) and len(replies) == 4
            # A 1 MB body is refused before anything reads it, and the server still stops at once.
            big = dm_body("x" * (1024 * 1024), start + 9)
            assert status_of(signed(f"{base}/slack/events", big))[0] == 413
        finally:
            output = server.stop()
    assert_clean_output(output)


def test_malformed_and_odd_requests_get_4xx_and_leave_no_trace_of_phi(tmp_path):
    with FakeSlack() as fake:
        seed(tmp_path, fake)
        server = Server(tmp_path, fake)
        base = server.base
        try:
            body = b'{"type":"url_verification","challenge":"x"}'
            for stamp in ("abc", "", "1.5e9", "0x10"):
                request = urllib.request.Request(f"{base}/slack/events", data=body, method="POST", headers={
                    "Content-Type": "application/json", **sign(body, stamp, SECRET)})
                assert status_of(request)[0] in (400, 401), stamp
            odd = [
                {"type": "event_callback", "event_id": "Ev1", "event": {"type": PHI, "user": USER}},
                {"type": "event_callback", "event_id": "Ev2", "event": {"type": "message", "text": ["x"]}},
                {"type": PHI, "user": {"id": USER}},
                {"type": "block_actions", "user": {"id": USER}, "actions": [{"action_id": PHI, "value": "1"}]},
                {"type": "block_actions", "user": {"id": USER},
                 "actions": [{"action_id": "prompt.skip", "value": "¹"}]},
                {"type": "block_actions", "user": {"id": USER}, "actions": [{"action_id": "review.approve",
                                                                             "value": "9" * 30}]},
                {"type": "block_actions", "user": {"id": USER}, "actions": "review.approve"},
                {"type": "block_actions", "user": {"id": USER}, "actions": [None]},
                {"type": "view_submission", "user": {"id": USER}, "view": None},
                {"type": "view_submission", "user": {"id": USER},
                 "view": {"type": "modal", "callback_id": PHI, "state": {"values": {}}}},
            ]
            for payload in odd:
                text = json.dumps(payload)
                if payload["type"] == "event_callback":
                    request = signed(f"{base}/slack/events", text.encode())
                else:
                    request = signed(f"{base}/slack/events", urlencode({"payload": text}).encode())
                    request.add_header("Content-Type", "application/x-www-form-urlencoded")
                assert status_of(request)[0] < 500, payload
            deep = ('{"a":' * 50_000 + "1" + "}" * 50_000).encode()
            assert status_of(signed(f"{base}/slack/events", deep))[0] == 400
            lone = b'{"type":"event_callback","event_id":"Ev3","event":{"type":"message","channel_type":"im",' \
                   b'"channel":"' + DM.encode() + b'","user":"' + USER.encode() + b'","ts":"1.000001",' \
                   b'"text":"lone \\ud800 surrogate"}}'
            assert status_of(signed(f"{base}/slack/events", lone))[0] == 200
            assert status_of(f"{base}/healthz")[0] == 200
        finally:
            output = server.stop()
    assert_clean_output(output)


def test_socket_mode_payloads_pass_the_same_gate(tmp_path):
    """Over Socket Mode no HTTP route sees the payload: Bolt's middleware applies the same gate."""
    port = free_port()
    with FakeSlack() as fake:
        process = start_serve(tmp_path, port, f'bot_token = "xoxb-socket"\napp_token = "xapp-1-socket"\n'
                                              f'api_url = "{fake.url}"\n', verbose=True)
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True)
        reader.start()
        try:
            fake.wait_for(lambda: fake.socket_connected, timeout=30)
            odd = [
                {"type": "events_api", "payload": {"type": "event_callback", "event_id": "Ev0ODD1",
                                                   "event": {"type": PHI, "user": PHI}}},
                {"type": "events_api", "payload": {"type": "event_callback", "event_id": "Ev0ODD2",
                                                   "event": {"type": "message", "channel_type": "im",
                                                             "channel": "D0X", "user": "U0X", "text": [PHI]}}},
                {"type": "interactive", "payload": {"type": "block_actions", "user": {"id": "U0X"},
                                                    "actions": [{"action_id": PHI, "value": "¹"}]}},
                {"type": "interactive", "payload": {"type": "view_submission", "user": {"id": "U0X"},
                                                    "view": None}},
            ]
            for index, envelope in enumerate(odd):
                fake.socket_send({"envelope_id": f"odd-{index}", "accepts_response_payload": False,
                                  "retry_attempt": 0, "retry_reason": "", **envelope})
            event = {"type": "message", "channel_type": "im", "channel": "D0STRANGER", "user": "U0STRANGER",
                     "text": "hello?", "ts": f"{time.time():.6f}"}
            fake.socket_send({"envelope_id": "env-ok", "type": "events_api", "accepts_response_payload": False,
                              "retry_attempt": 0, "retry_reason": "",
                              "payload": {"type": "event_callback", "team_id": "T0000TEST", "event_id": "Ev0GOOD",
                                          "event_time": int(time.time()), "event": event}})
            # Every envelope acknowledged (an unacknowledged one is redelivered), the odd ones too.
            fake.wait_for(lambda: {a.get("envelope_id") for a in fake.socket_acks} >= {
                "odd-0", "odd-1", "odd-2", "odd-3", "env-ok"}, timeout=15)
            fake.wait_for(lambda: fake.posted("D0STRANGER"), timeout=15)
        finally:
            process.terminate()
            process.wait(timeout=15)
            reader.join(timeout=5)
    output = "".join(lines)
    assert process.returncode == 0, output[-3000:]
    assert "slack payload refused" in output
    assert_clean_output(output)

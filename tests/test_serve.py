"""`rounds serve` as a real process: health, signed Slack requests, the ticker, a clean stop."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.fake_slack import FakeSlack
from tests.handlers.conftest import sign

ROOT = Path(__file__).resolve().parent.parent
SECRET = "serve-test-secret"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def signed(url: str, body: bytes, secret: str = SECRET, age: int = 0) -> urllib.request.Request:
    return urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/json", **sign(body, int(time.time()) - age, secret)})


def status_of(request) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def start_serve(tmp_path: Path, port: int, slack_settings: str, verbose: bool = False) -> subprocess.Popen:
    """`rounds serve` as its own process, on SQLite, with `slack_settings` as [slack] lines (-vv: debug logs)."""
    config = tmp_path / "config.toml"
    config.write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "rounds.db"}"\n[slack]\n{slack_settings}'
        f'[server]\nhost = "127.0.0.1"\nport = {port}\ntick_seconds = 1\n')
    env = {**os.environ, "ROUNDS_CONFIG": str(config)}
    command = [sys.executable, "-m", "bot", *(["-vv"] if verbose else []), "serve"]
    return subprocess.Popen(command, cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def stop_cleanly(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    output, _ = process.communicate(timeout=20)
    assert process.returncode == 0, output
    assert "Traceback" not in output


def test_rounds_serve_answers_health_and_signed_requests_and_stops_cleanly(tmp_path):
    port = free_port()
    with FakeSlack() as fake:
        process = start_serve(tmp_path, port, f'bot_token = "xoxb-serve"\nsigning_secret = "{SECRET}"\n'
                                              f'api_url = "{fake.url}"\n')
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    status, body = status_of(f"{base}/healthz")
                    break
                except (urllib.error.URLError, ConnectionError):
                    time.sleep(0.1)
            else:
                raise AssertionError("rounds serve did not come up")
            assert status == 200 and json.loads(body)["ok"] is True
            challenge = json.dumps({"type": "url_verification", "challenge": "abc123"}).encode()
            status, body = status_of(signed(f"{base}/slack/events", challenge))
            assert status == 200 and b"abc123" in body
            assert status_of(signed(f"{base}/slack/events", challenge, secret="forged"))[0] == 401
            assert status_of(signed(f"{base}/slack/events", challenge, age=600))[0] == 401
            assert status_of(signed(f"{base}/slack/events", b"{not json"))[0] in range(400, 500)
        finally:
            stop_cleanly(process)


def test_rounds_serve_in_socket_mode_acknowledges_and_handles_events(tmp_path):
    """With an app token, events come over Socket Mode's websocket: each envelope is
    acknowledged, handled once (a retry of the same event is not handled again), and
    answered through the Web API."""
    port = free_port()
    with FakeSlack() as fake:
        process = start_serve(tmp_path, port, f'bot_token = "xoxb-socket"\napp_token = "xapp-1-socket"\n'
                                              f'api_url = "{fake.url}"\n')
        try:
            fake.wait_for(lambda: fake.socket_connected, timeout=30)
            [connect] = fake.calls_to("apps.connections.open")
            assert connect.headers.get("Authorization") == "Bearer xapp-1-socket"
            event = {"type": "message", "channel_type": "im", "channel": "D0STRANGER",
                     "user": "U0STRANGER", "text": "hello?", "ts": f"{time.time():.6f}"}
            for attempt, envelope_id in enumerate(["env-1", "env-2"]):  # Slack retrying the event
                fake.socket_send({
                    "envelope_id": envelope_id, "type": "events_api", "accepts_response_payload": False,
                    "retry_attempt": attempt, "retry_reason": "timeout" if attempt else "",
                    "payload": {"type": "event_callback", "team_id": "T0000TEST", "api_app_id": "A0TEST",
                                "event_id": "Ev0SOCKET", "event_time": int(time.time()), "event": event}})
            fake.wait_for(lambda: {a.get("envelope_id") for a in fake.socket_acks} >= {"env-1", "env-2"},
                          timeout=15)
            fake.wait_for(lambda: fake.posted("D0STRANGER"), timeout=15)
            time.sleep(1.0)  # room for a wrongly handled retry to show up
            [reply] = fake.posted("D0STRANGER")
            assert reply.text.startswith("I don't have you on the Rounds roster")
            assert status_of(f"http://127.0.0.1:{port}/healthz")[0] == 200
            assert status_of(signed(f"http://127.0.0.1:{port}/slack/events", b"{}"))[0] == 404
        finally:
            stop_cleanly(process)


def test_rounds_serve_stops_at_once_on_a_token_slack_refuses(tmp_path):
    with FakeSlack() as fake:
        fake.error_next("auth.test", "invalid_auth", count=5)
        process = start_serve(tmp_path, free_port(), f'bot_token = "xoxb-wrong"\nsigning_secret = "{SECRET}"\n'
                                                     f'api_url = "{fake.url}"\n')
        output, _ = process.communicate(timeout=30)
    assert process.returncode == 2, output
    assert "Slack refused the bot token (invalid_auth)" in output and "Traceback" not in output


def test_rounds_serve_says_where_it_serves_and_warns_about_the_marketing_channel(tmp_path):
    port = free_port()
    with FakeSlack() as fake:
        process = start_serve(tmp_path, port, f'bot_token = "xoxb-serve"\nsigning_secret = "{SECRET}"\n'
                                              f'api_url = "{fake.url}"\nmarketing_channel = "C0MARKETING"\n')
        try:
            for _ in range(100):
                try:
                    status_of(f"http://127.0.0.1:{port}/healthz")
                    break
                except (urllib.error.URLError, ConnectionError):
                    time.sleep(0.1)
        finally:
            process.send_signal(signal.SIGTERM)
            output, _ = process.communicate(timeout=20)
    assert f"serving on http://127.0.0.1:{port}" in output  # at the default log level
    assert "not a member of slack.marketing_channel C0MARKETING" in output


def test_rounds_serve_warns_when_there_is_no_marketing_channel(tmp_path):
    port = free_port()
    with FakeSlack() as fake:
        process = start_serve(tmp_path, port, f'bot_token = "xoxb-serve"\nsigning_secret = "{SECRET}"\n'
                                              f'api_url = "{fake.url}"\n')
        try:
            fake.wait_for(lambda: fake.calls_to("auth.test"), timeout=20)
            time.sleep(1.0)
        finally:
            process.send_signal(signal.SIGTERM)
            output, _ = process.communicate(timeout=20)
    assert "slack.marketing_channel is empty" in output

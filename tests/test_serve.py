"""`rounds serve` as a real process: health, signed Slack requests, the ticker, a clean stop."""

from __future__ import annotations

import hashlib
import hmac
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

ROOT = Path(__file__).resolve().parent.parent
SECRET = "serve-test-secret"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def signed(url: str, body: bytes, secret: str = SECRET, age: int = 0) -> urllib.request.Request:
    stamp = str(int(time.time()) - age)
    signature = "v0=" + hmac.new(secret.encode(), f"v0:{stamp}:".encode() + body, hashlib.sha256).hexdigest()
    return urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/json", "X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature})


def status_of(request) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_rounds_serve_answers_health_and_signed_requests_and_stops_cleanly(tmp_path):
    port = free_port()
    with FakeSlack() as fake:
        config = tmp_path / "config.toml"
        config.write_text(
            f'[database]\nurl = "sqlite:///{tmp_path / "rounds.db"}"\n'
            f'[slack]\nbot_token = "xoxb-serve"\nsigning_secret = "{SECRET}"\napi_url = "{fake.url}"\n'
            f'[server]\nhost = "127.0.0.1"\nport = {port}\ntick_seconds = 1\n')
        env = {**os.environ, "ROUNDS_CONFIG": str(config)}
        process = subprocess.Popen([sys.executable, "-m", "bot", "serve"], cwd=tmp_path, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
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
            process.send_signal(signal.SIGTERM)
            output, _ = process.communicate(timeout=20)
        assert process.returncode == 0, output
        assert "Traceback" not in output

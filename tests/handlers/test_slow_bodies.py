"""Requests whose body never arrives, and clients that leave mid-body (session 17, item 4), over raw
sockets into the real web app: Slack's `/slack/events` and Teams' `/api/messages`."""

from __future__ import annotations

import asyncio
import logging
import socket
import struct
import time

import pytest
from aiohttp.test_utils import TestServer

from bot.services import build_services
from bot.store import upgrade
from handlers.server import create_web_app
from handlers.slack.chat import SlackChat
from handlers.teams.chat import TeamsChat
from tests.conftest import make_config
from tests.fake_connector import FakeConnector
from tests.handlers.conftest import Captured, slack_settings

HEAD = ("POST {path} HTTP/1.1\r\nHost: rounds\r\nContent-Type: application/json\r\n"
        "X-Slack-Request-Timestamp: {stamp}\r\nContent-Length: 1000\r\n\r\n{{")


def database(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'rounds.db'}"
    upgrade(url)
    return url


def slack_app(tmp_path, fake_slack):
    config = make_config(database(tmp_path), slack=slack_settings(fake_slack),
                         server={"body_timeout_seconds": 1})
    return build_services(config, chats={"slack": SlackChat(config.slack)})


def teams_app(tmp_path, connector: FakeConnector):
    config = make_config(database(tmp_path), server={"host": "127.0.0.1", "body_timeout_seconds": 1},
                         teams={"allow_unauthenticated": True, "openid_metadata_url": connector.metadata_url})
    services = build_services(config)
    services.chats["teams"] = TeamsChat(config.teams, services.db, services.templates, retry_base=0.01)
    return services


async def _stalled(port: int, path: str) -> tuple[float, bytes]:
    """Headers promising 1,000 bytes, then one: what comes back, and when the server closed."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(HEAD.format(path=path, stamp=int(time.time())).encode())
    await writer.drain()
    started = time.monotonic()
    answer = await asyncio.wait_for(reader.read(), 10)  # to EOF: the server must close
    writer.close()
    return time.monotonic() - started, answer


def _dropped(port: int, path: str, reset: bool) -> None:
    """Headers and one byte of body, then the client goes away (a FIN, or a RST)."""
    client = socket.create_connection(("127.0.0.1", port))
    client.sendall(HEAD.format(path=path, stamp=int(time.time())).encode())
    time.sleep(0.2)
    if reset:
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    client.close()


def serve_and_probe(services, path: str) -> list[tuple[float, bytes]]:
    async def main():
        async with TestServer(create_web_app(services, run_ticker=False)) as server:
            results = await asyncio.gather(*(_stalled(server.port, path) for _ in range(50)))
            for reset in (False, True):
                await asyncio.to_thread(_dropped, server.port, path, reset)
            await asyncio.sleep(0.5)
            reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
            writer.write(b"GET /healthz HTTP/1.1\r\nHost: rounds\r\nConnection: close\r\n\r\n")
            health = await asyncio.wait_for(reader.read(), 10)
            writer.close()
            return results, health

    try:
        results, health = asyncio.run(main())
    finally:
        services.db.dispose()
    assert health.startswith(b"HTTP/1.1 200"), health
    return results


def assert_timed_out_and_quiet(results, logs: Captured) -> None:
    assert len(results) == 50
    for took, answer in results:
        assert answer.startswith(b"HTTP/1.1 408 "), answer
        assert b"request body not received in time" in answer
        assert took < 5  # one second of waiting, then closed: no lingering for the rest of the body
    assert "Traceback" not in logs.text and max(logs.levels, default=0) < logging.WARNING, logs.text[-3000:]
    assert logs.text.count("client disconnected before sending the whole body") == 2, logs.text[-3000:]


def test_a_slack_request_whose_body_never_comes_gets_408_and_is_closed(tmp_path, fake_slack, logs):
    assert_timed_out_and_quiet(serve_and_probe(slack_app(tmp_path, fake_slack), "/slack/events"), logs)


def test_a_teams_request_whose_body_never_comes_gets_408_and_is_closed(tmp_path, logs):
    with FakeConnector() as connector:
        results = serve_and_probe(teams_app(tmp_path, connector), "/api/messages")
    assert_timed_out_and_quiet(results, logs)


def test_body_timeout_is_a_checked_setting(tmp_path):
    from bot.config import ConfigError

    with pytest.raises(ConfigError, match="server.body_timeout_seconds"):
        make_config("sqlite://", server={"body_timeout_seconds": 0})

"""The web app around the Slack adapter: routes per transport, and a ticker that survives errors."""

from __future__ import annotations

import asyncio

from aiohttp.test_utils import TestClient, TestServer

from bot.services import build_services
from handlers.server import create_web_app, run_jobs_forever
from tests.conftest import make_config
from tests.handlers.conftest import slack_settings


def test_socket_mode_serves_health_but_no_events_route(database_url, fake_slack):
    config = make_config(database_url, slack=slack_settings(fake_slack, app_token="xapp-1-test"))
    services = build_services(config)

    async def main():
        async with TestClient(TestServer(create_web_app(services, run_ticker=False))) as client:
            return (await client.post("/slack/events", data="{}")).status, \
                (await client.get("/healthz")).status

    assert asyncio.run(main()) == (404, 200)
    services.db.dispose()


def test_job_loop_logs_a_raising_job_and_the_others_go_on(caplog):
    import schedule

    from bot.jobs import guarded

    calls = {"flaky": 0, "steady": 0}

    def flaky():
        calls["flaky"] += 1
        raise RuntimeError("database went away")

    def steady():
        calls["steady"] += 1

    scheduler = schedule.Scheduler()
    scheduler.every(0.01).seconds.do(guarded("flaky", flaky))
    scheduler.every(0.01).seconds.do(guarded("steady", steady))

    async def main():
        task = asyncio.create_task(run_jobs_forever(scheduler, poll=0.01))
        while calls["steady"] < 3 or calls["flaky"] < 3:
            await asyncio.sleep(0.01)
        task.cancel()

    asyncio.run(asyncio.wait_for(main(), 10))
    assert calls["flaky"] >= 3 and calls["steady"] >= 3
    assert "periodic job flaky failed" in caplog.text


def test_healthz_reports_a_broken_slack_connection(database_url, fake_slack):
    from handlers.slack.health import SlackHealth

    config = make_config(database_url, slack=slack_settings(fake_slack, app_token="xapp-1-test"))
    services = build_services(config)
    health = SlackHealth(config.slack, ttl=0)

    async def main():
        async with TestClient(TestServer(create_web_app(services, run_ticker=False, slack_health=health))) as client:
            good = await client.get("/healthz")
            fake_slack.error_next("auth.test", "token_revoked", count=1)
            bad = await client.get("/healthz")
            return good.status, bad.status, await bad.json()

    good, bad, body = asyncio.run(main())
    assert good == 200 and bad == 503
    assert body["ok"] is False and body["slack"] == {"ok": False, "error": "token_revoked"}
    services.db.dispose()


def test_the_slack_app_starts_without_bolts_client_and_token_warning(database_url, fake_slack, monkeypatch, caplog):
    """With SLACK_BOT_TOKEN in the environment (how admins configure it) Bolt warned at every start
    that the token "will be unused": noise, since Rounds always gives Bolt its own client."""
    from handlers.slack.app import create_slack_app

    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-from-env")
    services = build_services(make_config(database_url, slack=slack_settings(fake_slack)))
    with caplog.at_level("INFO"):
        create_slack_app(services)
    assert not [r for r in caplog.records if "will be unused" in r.getMessage()]
    services.db.dispose()

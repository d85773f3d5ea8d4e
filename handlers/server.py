"""One aiohttp process: `/slack/events`, `/api/messages` (Teams), `/healthz`, plus the ticker.

The periodic jobs (`run_due` every `[server] tick_seconds`, the daily retention purge) run from
Rounds' own `schedule.Scheduler` (bot/jobs.py), polled by a small asyncio loop in a thread: the
database is the schedule, so a missed or failed run is caught up by the next one, and a job
that raises is logged while the others go on.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Iterable

from aiohttp import web
from sqlalchemy import text

from bot.jobs import build_scheduler
from bot.outbox import outbox_counts
from bot.people import unreachable_people
from bot.store import OutboxStatus

MAX_BODY_BYTES = 1024 * 1024  # every endpoint: Slack's largest payloads are far smaller

logger = logging.getLogger(__name__)

SERVICES_KEY = web.AppKey("services", object)
TICKER_KEY = web.AppKey("ticker", asyncio.Task)
SLACK_HEALTH_KEY = web.AppKey("slack_health", object)


def create_web_app(services, *, slack_app=None, extra_routes: Iterable[web.RouteDef] = (),
                   run_ticker: bool = True, slack_health=None) -> web.Application:
    """The HTTP app: health, Slack events (HTTP mode) and any extra platform routes.

    Args:
        services: the core `Services`.
        slack_app: a Bolt app to serve at `/slack/events`; built from `services` when Slack is
            configured for HTTP mode and none is given. Socket Mode serves no Slack route.
        extra_routes: more routes, e.g. Teams' `POST /api/messages`, added by its adapter.
        run_ticker: start the background `run_due` ticker with the app (tests turn it off).
        slack_health: a `handlers.slack.health.SlackHealth` whose status /healthz reports.
    """
    # Larger bodies get 413 before any parsing; a body that does not arrive in time gets 408.
    app = web.Application(client_max_size=MAX_BODY_BYTES,
                          middlewares=[body_deadline(services.config.server.body_timeout_seconds)])
    app[SERVICES_KEY] = services
    app[SLACK_HEALTH_KEY] = slack_health
    app.router.add_get("/healthz", healthz)
    slack = services.config.slack
    if slack_app is None and slack.configured and not slack.socket_mode:
        from handlers.slack.app import create_slack_app

        slack_app = create_slack_app(services)
    if slack_app is not None:
        from handlers.slack.routes import slack_routes

        app.router.add_routes(slack_routes(slack_app, slack.signing_secret))
    if "teams" in services.chats:
        from handlers.teams.routes import teams_routes

        app.router.add_routes(teams_routes(services))
    app.router.add_routes(list(extra_routes))
    if run_ticker:
        app.cleanup_ctx.append(_ticker_context)
    return app


def body_deadline(seconds: float):
    """Middleware: read a request's whole body within `seconds` before any handler sees it.

    aiohttp waits for a body as long as the client keeps the connection open, so headers that
    promise 1,000 bytes followed by one would hold a connection (and a handler) forever. Read
    here, the body is cached for the handler's `read()`/`json()`. Too slow: 408 and the
    connection is closed. A client that goes away mid-body is one line at INFO, not a traceback.
    """

    @web.middleware
    async def middleware(request: web.Request, handler):
        if request.body_exists:
            try:
                await asyncio.wait_for(request.read(), seconds)
            except TimeoutError:
                logger.info("%s %s: request body not received within %ss; answered 408 and closed",
                            request.method, request.path, seconds)
                return await _answer_and_close(request, web.json_response(
                    {"error": "request body not received in time"}, status=408))
            except ConnectionResetError:  # aiohttp's ClientConnectionResetError is one
                logger.info("%s %s: client disconnected before sending the whole body", request.method,
                            request.path)
                raise _ClientGone from None
        return await handler(request)

    return middleware


async def _answer_and_close(request: web.Request, response: web.Response) -> web.Response:
    """Send `response` now and close the connection: aiohttp would otherwise linger, reading the
    rest of a body that is not coming, before it closes."""
    response.force_close()
    await response.prepare(request)
    await response.write_eof()
    request.protocol.force_close()  # the transport sends what it holds, then closes
    return response


class _ClientGone(web.HTTPBadRequest):
    """The client left mid-request: nobody to answer, nothing to log beyond the one line."""


async def healthz(request: web.Request) -> web.Response:
    services, slack = request.app[SERVICES_KEY], request.app[SLACK_HEALTH_KEY]
    report = await asyncio.to_thread(health_report, services)
    if slack is not None:
        report["slack"] = await asyncio.to_thread(slack.status)
        report["ok"] = report["ok"] and report["slack"]["ok"]
    return web.json_response(report, status=200 if report["ok"] else 503)


def health_report(services) -> dict:
    """Database reachable, and how many outbox messages wait or failed for good."""
    try:
        with services.db.transaction() as session:
            session.execute(text("SELECT 1"))
        counts = outbox_counts(services.db)
    except Exception as error:  # reported, not raised: health checks must answer
        logger.warning("health check: database unreachable (%s)", type(error).__name__)
        return {"ok": False, "database": False, "outbox": None}
    waiting = counts.get(OutboxStatus.PENDING, 0) + counts.get(OutboxStatus.SENDING, 0)
    report = {"ok": True, "database": True,
              "outbox": {"pending": waiting, "failed": counts.get(OutboxStatus.FAILED, 0)}}
    if services.platform == "teams":  # people Rounds cannot write to yet (app not installed, blocked)
        with services.db.transaction() as session:
            report["unreachable_people"] = len(unreachable_people(session, services.platform))
    return report


# --- the ticker -----------------------------------------------------------------------------


async def run_jobs_forever(scheduler, poll: float = 1.0) -> None:
    """Run the scheduler's due jobs (in a thread: they are blocking), forever.

    The first pass runs every job at once (catching up whatever is due after a restart);
    jobs guard themselves, so an exception here would be a bug in the loop, logged and survived.
    """
    await asyncio.to_thread(scheduler.run_all)
    while True:
        await asyncio.sleep(min(poll, max(0.05, scheduler.idle_seconds or poll)))
        try:
            await asyncio.to_thread(scheduler.run_pending)
        except Exception:
            logger.exception("periodic jobs failed; trying again")


async def _ticker_context(app: web.Application):
    services = app[SERVICES_KEY]
    task = asyncio.create_task(run_jobs_forever(build_scheduler(services)))
    app[TICKER_KEY] = task
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


# --- serving --------------------------------------------------------------------------------


async def serve(services, *, extra_routes: Iterable[web.RouteDef] = (),
                on_ready: Callable[[str], None] | None = None) -> None:
    """Serve until cancelled: HTTP mode, or Socket Mode when `[slack] app_token` is set.

    Both modes serve `/healthz` (and any extra routes) on `[server] host`/`port` and run the
    ticker; in Socket Mode Slack's events arrive over the socket instead of `/slack/events`.
    With Slack configured, the token is checked first (`auth.test`): a refused token raises
    `SlackStartupError` before anything is served. `on_ready` gets one line saying where
    Rounds serves (the CLI prints it whatever the log level).
    """
    server = services.config.server
    slack = services.config.slack
    slack_health = None
    if slack.configured:
        from handlers.slack.health import SlackHealth

        slack_health = SlackHealth(slack)
        for warning in await asyncio.to_thread(slack_health.check_at_start):
            logger.warning("%s", warning)
    socket_handler = None
    if slack.configured and slack.socket_mode:
        from handlers.slack.app import create_slack_app
        from handlers.slack.socket import socket_mode_handler

        socket_handler = socket_mode_handler(create_slack_app(services), slack.app_token)
    runner = web.AppRunner(create_web_app(services, extra_routes=extra_routes, slack_health=slack_health),
                           access_log=None)
    await runner.setup()
    await web.TCPSite(runner, server.host, server.port).start()
    where = (f"serving on http://{server.host}:{server.port}: GET /healthz"
             + (", Slack over Socket Mode" if socket_handler else ", POST /slack/events" if slack_health else "")
             + f"; ticking every {server.tick_seconds}s")
    logger.info("%s", where)
    if on_ready is not None:
        on_ready(where)
    try:
        if socket_handler is not None:
            await socket_handler.connect_async()
        await asyncio.Event().wait()
    finally:
        if socket_handler is not None:
            await socket_handler.close_async()
        await runner.cleanup()

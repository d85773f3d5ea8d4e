"""`rounds run | serve | console | tick`: start Rounds, or run what is due at one instant."""

from __future__ import annotations

import argparse
import sys

from bot.commands import CommandError, Context, add_parser
from bot.commands.arguments import instant

CONSOLE_DATABASE_URL = "sqlite:///rounds-console.db"


def register(subparsers: argparse._SubParsersAction) -> None:
    run = add_parser(
        subparsers, "run", help="serve when Slack or Teams is configured, otherwise the console",
        description="Start Rounds the right way for this config: `rounds serve` when Slack "
                    "credentials (slack.bot_token or\nSLACK_BOT_TOKEN) or Teams credentials ([teams] app_id "
                    "or MicrosoftAppId) are configured,\notherwise `rounds console`.",
        examples="  rounds run\n  SLACK_BOT_TOKEN=xoxb-… SLACK_SIGNING_SECRET=… rounds run",
    )
    run.set_defaults(handler=run_command)

    serve = add_parser(
        subparsers, "serve", help="run the Slack / Teams server and the scheduled jobs",
        description="Serve Slack and/or Teams (HTTP on [server] host:port: POST /slack/events, POST "
                    "/api/messages for Teams,\nGET /healthz; Slack may use Socket Mode instead when "
                    "slack.app_token is set) and tick the schedule "
                    "every [server] tick_seconds.\nSeveral processes may serve one PostgreSQL "
                    "database: each message is still sent once.",
        examples="  rounds serve\n  rounds --config /etc/rounds/config.toml -v serve",
    )
    serve.set_defaults(handler=serve_command)

    console = add_parser(
        subparsers, "console", help="try the whole loop in this terminal, no workspace needed",
        description="An interactive console on the same core as Slack: act as any roster member\n"
                    "(:as NAME), see the bot's messages with numbered buttons, and move the clock "
                    "(:advance 1d, :tick).\nIts simulated, future-dated messages go to its own "
                    f"demo database ({CONSOLE_DATABASE_URL.removeprefix('sqlite:///')})\nunless "
                    "--database or a configured [database] url says otherwise; its clock resumes "
                    "where that\ndatabase left off.",
        examples="  rounds console --roster examples/roster.csv\n  rounds console\n"
                 "  rounds console --database sqlite:///other-demo.db\n"
                 "  rounds console --now 2026-11-30T12:00:00Z",
    )
    console.add_argument("--roster", metavar="FILE.csv", help="import this roster into the console's database first")
    console.add_argument("--database", metavar="URL", help="the database to use (default: the demo database)")
    console.add_argument("--now", type=instant, metavar="ISO-8601",
                         help="start the clock here instead of the current time (it still resumes "
                              "where the database left off, if later); for repeatable demos and tests")
    console.set_defaults(handler=console_command)

    tick = add_parser(
        subparsers, "tick", help="run everything due at one instant once, then exit",
        description="Schedule, send, nudge and expire what is due at --now (default: the current "
                    "time), deliver\nthe outbox, print a one-line summary and exit. It is the same "
                    "run_due the server ticks,\nso it is safe to run from cron or by hand at any "
                    "instant, any number of times.",
        examples="  rounds tick\n  rounds tick --now 2026-12-01T14:00:00Z\n"
                 "  rounds tick --now 2026-12-01T09:00:00-05:00",
    )
    tick.add_argument("--now", type=instant, metavar="ISO-8601",
                      help="the instant to run at, with a UTC offset or Z (default: now)")
    tick.set_defaults(handler=tick_command)


def run_command(ctx: Context) -> int:
    if ctx.config.slack.configured or ctx.config.teams.configured:
        return serve_command(ctx)
    return console_command(ctx)


def serve_command(ctx: Context) -> int:
    if not (ctx.config.slack.configured or ctx.config.teams.configured):
        raise CommandError("serve needs Slack or Teams credentials: set slack.bot_token (or "
                           "SLACK_BOT_TOKEN) and slack.signing_secret or slack.app_token, or "
                           "teams.app_id and teams.app_password (or MicrosoftAppId/MicrosoftAppPassword); "
                           "to try Rounds without Slack, run `rounds console`")
    import asyncio

    from handlers import server
    from handlers.slack.health import SlackStartupError

    services = ctx.services(with_chats=True)
    try:
        asyncio.run(_serve_until_stopped(server, services, lambda where: ctx.err(f"rounds: {where}")))
    except SlackStartupError as error:
        raise CommandError(str(error)) from None
    return 0


async def _serve_until_stopped(server, services, on_ready) -> None:
    """Serve until SIGTERM/SIGINT (docker stop, systemd, Ctrl-C), then shut down cleanly."""
    import asyncio
    import signal

    task = asyncio.ensure_future(server.serve(services, on_ready=on_ready))
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, task.cancel)
    try:
        await task
    except asyncio.CancelledError:
        pass


def console_command(ctx: Context) -> int:
    """The console, on its own demo database unless told otherwise: its rows are simulated and
    future-dated (audit rows are never deleted), so they must not land in a real database."""
    import dataclasses

    from bot.config import DEFAULT_DATABASE_URL
    from handlers import console

    database = getattr(ctx.args, "database", None)
    if database is None and ctx.config.database.url == DEFAULT_DATABASE_URL:
        database = CONSOLE_DATABASE_URL
    if database:
        ctx._config = dataclasses.replace(ctx.config, database=dataclasses.replace(ctx.config.database, url=database))
    services = ctx.services()
    if getattr(ctx.args, "now", None) is not None:
        start = ctx.args.now
        services.clock = lambda: start  # the roster import and the resume point use it too
    if getattr(ctx.args, "roster", None):
        from bot.roster import import_roster

        report = import_roster(services, ctx.args.roster, services.clock())
        for problem in report.errors:
            ctx.err(f"{ctx.args.roster}:{problem.line}: error: {problem.reason}")
    from bot.text import lenient_lines

    # A terminal or pipe may hand over bytes that are not UTF-8: they read as U+FFFD, never a traceback.
    return int(console.run_console(services, input=lenient_lines(sys.stdin),
                                   clock_start=console.resume_time(services)) or 0)


def tick_command(ctx: Context) -> int:
    from bot.scheduler import run_due

    services = ctx.services(with_chats=True)
    now = ctx.args.now or services.clock()
    services.clock = lambda: now
    if services.platform == "console" and "console" not in services.chats:
        from handlers import console

        services.chats["console"] = console.make_console_chat(services, clock=lambda: now)
    report = run_due(services, now)
    ctx.out(f"tick at {now.isoformat().replace('+00:00', 'Z')}: {report.summary()}")
    return 0

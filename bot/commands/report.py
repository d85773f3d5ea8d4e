"""`rounds report`: the digest's numbers (and chart) for any period, on the command line."""

from __future__ import annotations

import argparse
from datetime import datetime, time, timedelta
from pathlib import Path

from bot.commands import CommandError, Context, add_parser, cannot_write, table, write_output
from bot.commands.arguments import day

DESCRIPTION = """\
Print the program's numbers for a period, each beside the same-length period just before it:
questions sent and answered (response rate, per physician in json), opted-out and paused
physicians (now), answers held for PHI and overridden, drafts approved / rejected / sent
back, median and slowest time to approve, posts scheduled in the period's following week,
and inbox checks on time / late / missed (per working day, in the period its deadline falls
in; "–" before the first check was recorded).

Dates are practice-local days ([practice] timezone): --since is the first day counted,
--until the last (default: up to now). --chart also writes the last 8 weeks (ending at the
period's end) as a PNG."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_parser(subparsers, "report", help="the program's numbers for a period (table, csv, json, chart)",
                        description=DESCRIPTION,
                        examples="  rounds report --since 2026-11-01\n"
                                 "  rounds report --since 2026-11-01 --until 2026-11-30 --format csv > nov.csv\n"
                                 "  rounds report --since 2026-11-23 --format json --chart weeks.png")
    parser.add_argument("--since", metavar="DATE", type=day, required=True, help="first day counted (YYYY-MM-DD)")
    parser.add_argument("--until", metavar="DATE", type=day, help="last day counted (default: up to now)")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output (default: table)")
    parser.add_argument("--chart", metavar="PNG", type=Path, help="also write the 8-week chart to this file")
    parser.set_defaults(handler=report_command)


def report_command(ctx: Context) -> int:
    from bot import weeks
    from bot.metrics.digest import chart_data
    from bot.metrics.numbers import period_numbers
    from bot.metrics.report import as_csv, as_json, as_table, rows

    chart = ctx.args.chart
    if chart is not None and not chart.parent.is_dir():  # before any numbers are printed
        raise cannot_write(chart, FileNotFoundError(2, f"no folder {chart.parent}"))
    services = ctx.services()
    tz = services.config.practice.timezone
    start = weeks.local_instant(ctx.args.since, time(0), tz)
    now = services.clock()
    # The whole --until day counts: the period ends (exclusive) at the next local midnight.
    end = weeks.local_instant(ctx.args.until + timedelta(days=1), time(0), tz) if ctx.args.until else now
    if end <= start and not ctx.args.until:
        raise CommandError(f"--since {ctx.args.since} is in the future: nothing has happened yet to report")
    if end <= start:
        raise CommandError(f"--until must not be before --since ({ctx.args.since} .. {ctx.args.until})")
    # The previous period is as many whole local days just before --since (today counts as one while
    # the period runs up to now), whatever a DST change does to their hours: it starts at a midnight.
    last_day = ctx.args.until or weeks.local_date(end, tz)
    days = (last_day - ctx.args.since).days + 1
    previous_start = weeks.local_instant(ctx.args.since - timedelta(days=days), time(0), tz)
    with services.db.transaction() as session:
        current, previous = period_numbers(session, start, end, today=weeks.local_date(end, tz),
                                           config=services.config, now=min(now, end), previous_start=previous_start)
        data = chart_data(session, services.config, end, now=min(now, end)) if ctx.args.chart else None
    table_rows = rows(current, previous)
    periods = [period_label(numbers.start, numbers.end, tz) for numbers in (current, previous)]
    if ctx.args.format == "csv":
        ctx.stdout.write(as_csv(table_rows, periods))
    elif ctx.args.format == "json":
        ctx.out(as_json(current, table_rows, periods, tz))
    else:
        (first, last), (previous_first, previous_last) = periods
        so_far = "" if ctx.args.until else f", today up to {end.astimezone(weeks.zone(tz)):%H:%M}"
        ctx.out(f"{first} – {last} ({tz}{so_far}), compared with {previous_first} – {previous_last}")
        ctx.out(table(as_table(table_rows), ("metric", "this period", "previous", "change")))
    if data is not None:
        from bot.metrics.chart import render_chart

        write_output(ctx.args.chart, render_chart(data))
        ctx.err(f"chart written to {ctx.args.chart}")
    return 0


def period_label(start: datetime, end: datetime, tz: str) -> tuple[str, str]:
    """The first and the last day counted, as the user gives them (--since, --until: both inclusive).

    The period is [start, end): an end at local midnight is shown as the day before, the last one
    counted; an end at another time (up to now) is shown as that day, which is counted so far.
    Whole dates only: a time of day in one label and not the other read as a different period.
    """
    from bot import weeks

    local_start, local_end = start.astimezone(weeks.zone(tz)), end.astimezone(weeks.zone(tz))
    last = local_end.date() - timedelta(days=1) if local_end.time() == time(0) else local_end.date()
    return local_start.date().isoformat(), last.isoformat()

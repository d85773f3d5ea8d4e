"""`rounds calendar [--week W]` and `rounds calendar export`: the content calendar of approved posts."""

from __future__ import annotations

import argparse
import sys

from bot.commands import CommandError, Context, add_parser, write_output
from bot.commands.arguments import instant
from bot.commands.arguments import iso_week as parse_week

SHOW_HELP = """\
Print one week of the content calendar: every approved post in its slot, by day, in the
practice's time zone ([practice] timezone), then the answers still waiting for approval.
Slots per channel come from [calendar] slots; an approved post takes the next free slot of
each of its channels. Without --week, the current week (practice time) is shown."""

EXPORT_HELP = """\
Write the week's posts (or, with --all, every upcoming post) for a scheduling tool:
  ics        iCalendar: one event per post (UID draft-<id>@rounds, so importing again updates it)
  csv        CSV with a header: date,time,timezone,channel,physician,text,answer_id
  hootsuite  Hootsuite bulk composer CSV, no header: "dd/mm/yyyy hh:mm" (24-hour, practice
             time), text, link. Hootsuite takes one file per social profile, so this format
             needs exactly one --channel; in its bulk upload choose the day-first date format.
             An X thread is one row per numbered post, five minutes apart.
  html       a web page of the posts (e.g. --channel blog for the blog or a newsletter);
             the other formats are plain text.
Output goes to stdout unless --output is given. Each exported post is recorded in the audit
trail (action "exported")."""


def _add_week(parser: argparse.ArgumentParser, default=None) -> None:
    parser.add_argument("--week", metavar="YYYY-Www", type=parse_week, default=default,
                        help="an ISO week like 2026-W49 (default: the current week, practice time)")
    # What 'current' and 'upcoming' mean: the calendar as it stood, or will stand, at another instant.
    parser.add_argument("--now", type=instant, metavar="ISO-8601", default=default,
                        help="read the calendar as at this instant, with a UTC offset or Z (default: now)")


def _now(ctx: Context, services):
    return getattr(ctx.args, "now", None) or services.clock()


def register(subparsers: argparse._SubParsersAction) -> None:
    group = add_parser(subparsers, "calendar", help="show or export the weekly content calendar",
                       description=SHOW_HELP,
                       examples="  rounds calendar\n"
                                "  rounds calendar --week 2026-W49\n"
                                "  rounds calendar --week 2026-W49 --full\n"
                                "  rounds calendar export --format ics --week 2026-W49 --output posts.ics\n"
                                "  rounds calendar export --format hootsuite --all --channel x > x.csv")
    _add_week(group)
    group.add_argument("--full", action="store_true", help="print each post's whole text, not one line")
    group.set_defaults(handler=show_command)
    commands = group.add_subparsers(dest="calendar_command", metavar="COMMAND", title="commands")

    exporter = add_parser(
        commands, "export", help="write the calendar as iCalendar, CSV, Hootsuite bulk CSV or an HTML page",
        description=EXPORT_HELP,
        examples="  rounds calendar export --format ics --output week.ics\n"
                 "  rounds calendar export --format csv --week 2026-W49 > week49.csv\n"
                 "  rounds calendar export --format hootsuite --all --channel facebook --output fb.csv")
    exporter.add_argument("--format", required=True, choices=("ics", "csv", "hootsuite", "html"),
                          help="ics, csv, hootsuite (one --channel) or html")
    _add_week(exporter, default=argparse.SUPPRESS)  # `rounds calendar --week W export` works too
    exporter.add_argument("--all", action="store_true", help="every upcoming post instead of one week")
    exporter.add_argument("--channel", action="append", metavar="CHANNEL",
                          help="only this channel (facebook, instagram, x, linkedin, blog, …); repeatable")
    exporter.add_argument("--output", metavar="FILE", help="write to FILE instead of stdout")
    exporter.set_defaults(handler=export_command)


def _chosen_week(ctx: Context, now) -> str:
    from bot.weeks import local_week

    return ctx.args.week or local_week(now, ctx.config.practice.timezone)


def show_command(ctx: Context) -> int:
    from bot.review.calendar import excerpt, pending_reviews, week_entries
    from bot.weeks import describe_local, week_monday

    services = ctx.services()
    tz = services.config.practice.timezone
    now = _now(ctx, services)
    week = _chosen_week(ctx, now)
    monday = week_monday(week)
    with services.db.transaction() as session:
        entries = week_entries(session, services.config, week)
        pending = pending_reviews(session)
    ctx.out(f"Content calendar {week} (week of {monday:%a %b} {monday.day}, {monday.year}), times in {tz}")
    day = None
    for entry in entries:
        local = entry.local_at
        if local.date() != day:
            day = local.date()
            ctx.out(f"\n{local:%A %b} {local.day}")
        ctx.out(f"  {local:%H:%M}  {entry.label:<10} {entry.physician}  (answer {entry.answer_id})")
        if ctx.args.full:
            ctx.out("\n".join(f"      {line}" for line in entry.text.splitlines()))
        else:
            ctx.out(f"      {excerpt(entry.text, 72)}")
    if not entries:
        ctx.out("\nNo posts scheduled this week.")
    ctx.out(f"\nWaiting for approval: {len(pending)}")
    for review in pending:
        ctx.out(f"  answer {review.answer_id}: {review.physician}, \"{excerpt(review.question, 50)}\", "
                f"since {describe_local(review.since, tz)}")
    return 0


def export_command(ctx: Context) -> int:
    from bot.review.calendar import export, upcoming_entries, week_entries
    from bot.review.drafts import post_channels

    args = ctx.args
    if args.all and getattr(args, "week", None):
        raise CommandError("calendar export: give either --week or --all, not both")
    if args.format == "hootsuite" and len(set(args.channel or ())) != 1:
        raise CommandError("calendar export --format hootsuite: Hootsuite takes one file per social "
                           "profile; give exactly one --channel (e.g. --channel facebook), once per file")
    services = ctx.services()
    known = sorted(post_channels(services.templates))
    unknown = sorted(set(args.channel or ()) - set(known))
    if unknown:
        raise CommandError(f"calendar export: no channel {', '.join(unknown)}; the channels with a post template "
                           f"are {', '.join(known)}")
    now = _now(ctx, services)
    with services.db.transaction() as session:
        if args.all:
            entries = upcoming_entries(session, services.config, now)
        else:
            entries = week_entries(session, services.config, _chosen_week(ctx, now))
        if args.channel:
            entries = [e for e in entries if e.channel in set(args.channel)]
        data = export(session, entries, args.format, now)
    if args.output:
        write_output(args.output, data)
        ctx.err(f"wrote {len(entries)} post(s) to {args.output}")
    elif ctx.stdout is sys.stdout:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        ctx.stdout.write(data.decode("utf-8"))
    if not entries:
        ctx.err("no posts scheduled for that selection")
    return 0

"""`rounds inbox status | swap | replies | check`: the daily inbox check from the command line."""

from __future__ import annotations

import argparse
import sys

from bot.commands import CommandError, Context, add_parser, table
from bot.commands.arguments import day as parse_date
from bot.commands.arguments import iso_week as parse_week

GROUP_HELP = """\
Daily inbox checks: on each working day at [inbox] reminder_time the staff on duty get one
private reminder with the [[inbox.accounts]] to look at; tapping Done records it, and each lead
is told at [inbox] deadline if nobody did. These commands show a day, hand a week of duty to
someone else (weekly rotation), print the reply templates and check a draft reply."""

STATUS_HELP = """\
Print one day's inbox check (practice time): who was on duty, when each was reminded, who
tapped Done and when (with the count and note if given), and whether the leads were told.
Without --date, today in the practice's time zone."""

SWAP_HELP = """\
With [inbox] rotation = "weekly", give the duty for one ISO week to someone else (any active
roster person, by email). Run it before the week starts: a day whose reminder already went out
keeps its person. Running it again for the same week replaces the earlier hand-over."""

REPLIES_HELP = """\
Print the reply templates (templates/replies/KIND.txt.j2) with the practice's public phone
filled in: all of them, or one KIND. None gives medical advice or confirms that the writer
is a patient; each invites them to call the practice."""

CHECK_HELP = """\
Read a draft reply from standard input (or FILE) and print what the screen finds: patient
details (PHI), individual medical advice, and text that confirms someone is a patient. The
text is not stored or logged. Exit status 0 when the reply looks fine, 1 when it needs changes."""


def register(subparsers: argparse._SubParsersAction) -> None:
    group = add_parser(subparsers, "inbox", help="daily inbox checks: status, swap, replies, check",
                       description=GROUP_HELP,
                       examples="  rounds inbox status\n  rounds inbox status --date 2026-12-03\n"
                                "  rounds inbox swap --week 2026-W50 --to sam@example.org\n"
                                "  rounds inbox replies\n  rounds inbox replies complaint\n"
                                "  rounds inbox check < draft.txt")
    group.set_defaults(group_parser=group)
    commands = group.add_subparsers(dest="inbox_command", metavar="COMMAND", title="commands")

    status = add_parser(commands, "status", help="print one day's inbox check", description=STATUS_HELP,
                        examples="  rounds inbox status\n  rounds inbox status --date 2026-12-03")
    status.add_argument("--date", type=parse_date, metavar="YYYY-MM-DD",
                        help="the practice-local day (default: today, practice time)")
    status.set_defaults(handler=status_command)

    swap = add_parser(commands, "swap", help="hand one week of inbox duty to someone else", description=SWAP_HELP,
                      examples="  rounds inbox swap --week 2026-W50 --to sam@example.org")
    swap.add_argument("--week", type=parse_week, required=True, metavar="YYYY-Www", help="an ISO week like 2026-W50")
    swap.add_argument("--to", required=True, metavar="EMAIL", help="the roster email of who takes the week")
    swap.set_defaults(handler=swap_command)

    replies = add_parser(commands, "replies", help="print the reply templates", description=REPLIES_HELP,
                         examples="  rounds inbox replies\n  rounds inbox replies medical-advice")
    replies.add_argument("kind", nargs="?", help="one template, e.g. complaint (default: all)")
    replies.set_defaults(handler=replies_command)

    check = add_parser(commands, "check", help="check a draft reply before posting it", description=CHECK_HELP,
                       examples="  rounds inbox check < draft.txt\n  rounds inbox check draft.txt\n"
                                "  echo 'We saw you last week!' | rounds inbox check")
    check.add_argument("file", nargs="?", type=argparse.FileType("rb"), default=None,
                       help="a file holding the reply (default: standard input)")
    check.set_defaults(handler=check_command)


def _time(instant, tz) -> str:
    from bot.inbox.messages import clock

    return clock(instant, tz) if instant is not None else "-"


def status_command(ctx: Context) -> int:
    from bot.inbox.messages import day_label
    from bot.inbox.status import day_status

    services = ctx.services()
    config = services.config
    calendar = config.practice.calendar
    day = ctx.args.date or calendar.local_date(services.clock())
    inbox = config.inbox
    ctx.out(f"Inbox check for {day_label(day)} {day.year} ({config.practice.timezone}; rotation {inbox.rotation}, "
            f"reminder {inbox.reminder_time:%H:%M}, deadline {inbox.deadline:%H:%M})")
    if not inbox.enabled:
        ctx.out("Inbox checks are off: add [[inbox.accounts]] to the config to turn them on.")
    with services.db.transaction() as session:
        status = day_status(session, config, day)
    if not status.working_day:
        ctx.out("Not a working day ([practice] working_days, holidays): no check.")
    tz = calendar.zone
    if status.duties:
        rows = [(d.person, d.email, _time(d.reminded_at, tz), _time(d.snoozed_at, tz),
                 str(d.help_requests or ""), _time(d.done_at, tz)) for d in status.duties]
        ctx.out(table(rows, ("on duty", "email", "reminded", "snoozed", "help", "done")))
    elif status.expected:
        ctx.out(f"Not begun yet. On duty: {', '.join(status.expected)}.")
    elif status.working_day and inbox.enabled:
        ctx.out("Nobody on duty: no check was scheduled.")
    if status.done_at is not None:
        extra = f", {status.done_count} messages answered" if status.done_count is not None else ""
        note = f", note: {status.done_note}" if status.done_note else ""
        ctx.out(f"Done by {status.done_by} at {_time(status.done_at, tz)}{extra}{note}.")
    elif status.recorded:
        ctx.out("Not done.")
    if status.escalated_at is not None:
        ctx.out(f"Escalated to the leads at {_time(status.escalated_at, tz)}.")
    return 0


def swap_command(ctx: Context) -> int:
    from bot import weeks
    from bot.inbox.duty import is_available
    from bot.outbox import insert_ignoring_duplicates
    from bot.people import find_person_by_email
    from bot.store import InboxWeekOverride

    services = ctx.services()
    week, now = ctx.args.week, services.clock()
    with services.db.transaction() as session:
        person = find_person_by_email(session, ctx.args.to)
        if person is None or not person.active:
            raise CommandError(f"{ctx.args.to} is not an active person on the roster "
                               "(rounds roster list shows who is)")
        if not insert_ignoring_duplicates(session, InboxWeekOverride,
                                          {"week": week, "person_id": person.id, "created_at": now}):
            override = session.get(InboxWeekOverride, week)
            override.person_id, override.created_at = person.id, now
        paused = not is_available(person, weeks.week_monday(week))
    ctx.out(f"{week}: inbox duty goes to {person.name} ({person.email}).")
    if services.config.inbox.rotation != "weekly":
        ctx.err('note: [inbox] rotation is "everyone", so every staff member is reminded; the swap '
                'takes effect with rotation = "weekly"')
    if paused:
        ctx.err(f"note: {person.name} is paused at the start of that week; the rotation covers the days they are away")
    return 0


def replies_command(ctx: Context) -> int:
    from bot.inbox.replies import all_replies, kinds, render_reply

    services = ctx.services()
    if ctx.args.kind:
        if ctx.args.kind not in kinds(services):
            raise CommandError(f"no reply template {ctx.args.kind!r}; known: {', '.join(kinds(services))}")
        chosen = [render_reply(services, ctx.args.kind)]
    else:
        chosen = all_replies(services)
    ctx.out("\n\n".join(f"[{reply.kind}] {reply.title}\n{reply.text}" for reply in chosen))
    return 0


def check_command(ctx: Context) -> int:
    from bot.inbox.reply_check import check_reply, describe_findings
    from bot.text import read_text

    stream = ctx.args.file or sys.stdin
    text = read_text(stream)  # bytes that are not UTF-8 read as U+FFFD, and are checked like the rest
    if not text.strip():
        raise CommandError("nothing to check: give the reply on standard input or as a file")
    services = ctx.services()
    with services.db.transaction() as session:
        findings = check_reply(services.screeners.get(session), text)
    ctx.out(describe_findings(findings))
    return 1 if findings else 0

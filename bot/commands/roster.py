"""`rounds roster import | list | remove`: who Rounds talks to."""

from __future__ import annotations

import argparse
import csv

from bot.commands import CommandError, Context, add_parser, table

IMPORT_HELP = """\
Import people from a CSV file whose first line is the header

  name,email,role,specialty,timezone,weekday,time,slack_user_id,teams_user_id

name, email and role are required; the other columns may be empty or left out.
  role           physician, staff, approver, lead; several separated by ';' (physician;lead)
  specialty      e.g. cardiology, pediatrics, family medicine (picks the question bank)
  timezone       IANA name like America/Chicago     (empty: [prompts] default_timezone)
  weekday, time  when the weekly question arrives, local (empty: [prompts] defaults)
  slack_user_id  Slack member id (U…); empty: looked up by email when Slack is configured
  teams_user_id  Teams: the person's Entra ID (AAD) object id, a GUID; empty: matched by
                 email/UPN among a team's members when Rounds is installed in that team

People are matched by email (any case): re-importing updates them in place and never
duplicates them. An empty timezone/weekday/time/slack_user_id/teams_user_id keeps what a
known person already has. People missing from the file are kept unless --deactivate-missing is given.
A bad row is reported with its line number, one line per problem (column, value, what is
allowed), and skipped; the good rows still import, and
the exit status is 1 if any row failed."""


def register(subparsers: argparse._SubParsersAction) -> None:
    group = add_parser(subparsers, "roster", help="import, list and remove people",
                       description="Manage the roster: physicians, staff, approvers and leads.",
                       examples="  rounds roster import examples/roster.csv\n  rounds roster list")
    commands = group.add_subparsers(dest="roster_command", metavar="COMMAND", title="commands")
    group.set_defaults(group_parser=group)

    importer = add_parser(
        commands, "import", help="add or update people from a CSV file", description=IMPORT_HELP,
        examples="  rounds roster import examples/roster.csv\n"
                 "  rounds roster import --deactivate-missing staff-export.csv")
    importer.add_argument("file", metavar="FILE.csv", help="the roster CSV")
    importer.add_argument("--deactivate-missing", action="store_true",
                          help="mark people who are not in FILE as having left the roster "
                               "(they get nothing more; their history is kept)")
    importer.set_defaults(handler=import_command)

    lister = add_parser(
        commands, "list", help="show everyone on the roster and their status",
        description="Show the roster as a table: name, email, roles, specialty, time zone, "
                    "weekday, time,\nSlack id and status (active, paused, opted-out, left).",
        examples="  rounds roster list\n  rounds roster list --active\n"
                 "  rounds roster list --csv > roster-backup.csv")
    lister.add_argument("--active", action="store_true", help="leave out people who left")
    lister.add_argument("--csv", action="store_true",
                        help="print CSV in the import format instead of a table")
    lister.set_defaults(handler=list_command)

    remover = add_parser(
        commands, "remove", help="take someone off the roster",
        description="Mark a person as having left: they get no more questions or messages. "
                    "Their history is\nkept; importing them again puts them back.",
        examples="  rounds roster remove dr.lee@example.org")
    remover.add_argument("email", metavar="EMAIL")
    remover.set_defaults(handler=remove_command)


def import_command(ctx: Context) -> int:
    from bot.csvfile import CsvFormatError
    from bot.roster import import_roster

    services = ctx.services(with_chats=True)
    progress, lookups = ctx.progress("roster rows checked"), ctx.progress("Slack lookups", every=20)
    try:
        report = import_roster(services, ctx.args.file, services.clock(),
                               deactivate_missing=ctx.args.deactivate_missing, progress=progress,
                               lookup_progress=lookups)
    except FileNotFoundError:
        raise CommandError(f"roster file {ctx.args.file!r} not found") from None
    except CsvFormatError as error:
        raise CommandError(f"{ctx.args.file}: {error}") from None
    finally:
        progress.done()
        lookups.done()
    for label, emails in (("added", report.added), ("updated", report.updated),
                          ("left", report.deactivated)):
        for email in emails:
            ctx.out(f"{label:8} {email}")
    for problem in report.errors:
        ctx.err(f"{ctx.args.file}:{problem.line}: error: {problem.reason}")
    for problem in report.warnings:
        ctx.err(f"{ctx.args.file}:{problem.line}: warning: {problem.reason}")
    summary = (f"roster: {report.imported} of {report.rows} rows imported "
               f"({len(report.added)} added, {len(report.updated)} updated, "
               f"{len(report.unchanged)} unchanged)")
    if report.deactivated:
        summary += f", {len(report.deactivated)} marked as left"
    if report.errors:
        summary += f"; {report.failed_rows} row(s) failed"
    if report.warnings:
        summary += f"; {len(report.warnings)} warning(s)"
    ctx.err(summary)
    return 0 if report.ok else 1


def list_command(ctx: Context) -> int:
    from bot.people import unreachable_people
    from bot.policy import policy_status, required
    from bot.roster import list_people, person_status, weekday_name

    services = ctx.services()
    with_policy = required(services)  # a POLICY column only when a policy gates sending
    now = services.clock()
    with services.db.transaction() as session:
        people = list_people(session, include_inactive=not ctx.args.active)
        unreachable = unreachable_people(session, services.platform)
        if ctx.args.csv:
            writer = csv.writer(ctx.stdout, lineterminator="\n")
            writer.writerow(["name", "email", "role", "specialty", "timezone", "weekday", "time",
                             "slack_user_id", "teams_user_id"])
            for p in people:  # staff: empty day and time, which an import of this file keeps as they are
                writer.writerow([p.name, p.email, p.roles, p.specialty, p.timezone,
                                 weekday_name(p.weekday).lower() if p.is_physician else "",
                                 p.local_time if p.is_physician else "", p.slack_user_id or "",
                                 p.teams_user_id or ""])
            return 0
        # Only physicians get questions: a weekday and time shown for staff would promise one.
        rows = [(p.name, p.email, p.roles.replace(";", ", "), p.specialty or "-", p.timezone,
                 weekday_name(p.weekday)[:3] if p.is_physician else "-",
                 p.local_time if p.is_physician else "-", _platform_id(services.platform, p),
                 _status(person_status(p, now), unreachable.get(p.id)))
                + ((policy_status(services, p),) if with_policy else ())
                for p in people]
    if not rows:
        ctx.err("the roster is empty; add people with `rounds roster import FILE.csv`")
        hint = ctx.console_data_hint()
        if hint:
            ctx.err(f"rounds: {hint}")
        return 0
    ctx.out(table(rows, ("NAME", "EMAIL", "ROLES", "SPECIALTY", "TIME ZONE", "DAY", "TIME",
                         "TEAMS ID" if services.platform == "teams" else "SLACK ID", "STATUS")
                + (("POLICY",) if with_policy else ())))
    ctx.err(f"{len(rows)} people, {sum(1 for r in rows if r[8] == 'active')} active"
            + (f", {len(unreachable)} unreachable on {services.platform}" if unreachable else ""))
    return 0


def _platform_id(platform: str, person) -> str:
    return (person.teams_user_id if platform == "teams" else person.slack_user_id) or "-"


def _status(status: str, unreachable: str | None) -> str:
    """The roster status, plus why Rounds cannot reach an active person (Teams: not installed, blocked)."""
    return f"{status} ({unreachable})" if unreachable and status == "active" else status


def remove_command(ctx: Context) -> int:
    from bot.roster import remove_person

    services = ctx.services()
    with services.db.transaction() as session:
        person = remove_person(session, ctx.args.email, services.clock())
        if person is None:
            raise CommandError(f"nobody on the roster has the email {ctx.args.email!r}")
        ctx.out(f"{person.name} <{person.email}> is off the roster and gets nothing more")
    return 0

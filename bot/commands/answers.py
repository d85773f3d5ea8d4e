"""`rounds answers purge`: blank the text of stale answers that will never be published."""

from __future__ import annotations

import argparse

from bot.commands import CommandError, Context, add_parser
from bot.commands.arguments import MAX_DAYS, days


def register(subparsers: argparse._SubParsersAction) -> None:
    group = add_parser(subparsers, "answers", help="manage stored answers (retention)",
                       description="Manage the physicians' stored answers. See docs/retention.md.",
                       examples="  rounds answers purge --older-than 90 --dry-run")
    commands = group.add_subparsers(dest="answers_command", metavar="COMMAND", title="commands")
    group.set_defaults(group_parser=group)

    purger = add_parser(
        commands, "purge", help="blank the text of old answers that were rejected, sent back or never submitted",
        description="Blank the text of answers last changed more than DAYS days ago that will never be\n"
                    "published: rejected, sent back, or never submitted for approval (e.g. held by the\n"
                    "PHI guard and never revised). Their chat messages and drafts are deleted too.\n"
                    "Approved answers and their posts are kept. Each purged answer gets a `purged`\n"
                    "audit row; the audit trail itself is never deleted.",
        examples="  rounds answers purge --older-than 90 --dry-run   show how many would be purged\n"
                 "  rounds answers purge --older-than 90")
    purger.add_argument("--older-than", required=True, metavar="DAYS", type=days,
                        help=f"purge answers last changed more than DAYS days ago (1 to {MAX_DAYS})")
    purger.add_argument("--dry-run", action="store_true", help="report what would be purged; change nothing")
    purger.set_defaults(handler=purge_command)


def purge_command(ctx: Context) -> int:
    from bot.retention import purge_answers

    services = ctx.services()
    try:
        report = purge_answers(services.db, ctx.args.older_than, services.clock(), dry_run=ctx.args.dry_run)
    except ValueError as error:
        raise CommandError(str(error)) from None
    count = len(report.answer_ids)
    verb = "would purge" if report.dry_run else "purged"
    ctx.out(f"{verb} {count} answer(s) last changed more than {ctx.args.older_than} day(s) ago "
            f"({report.parts_deleted} message part(s), {report.drafts_deleted} unapproved draft(s))")
    if count:
        ctx.out("answer ids: " + " ".join(str(answer_id) for answer_id in report.answer_ids))
    return 0

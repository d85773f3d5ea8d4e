"""`rounds export person EMAIL`: everything stored about one person, for an access request."""

from __future__ import annotations

import argparse
import json

from bot.commands import CommandError, Context, add_parser


def register(subparsers: argparse._SubParsersAction) -> None:
    group = add_parser(subparsers, "export", help="export what Rounds stores about a person",
                       description="Exports for access requests.",
                       examples="  rounds export person lee@example.org > lee.json")
    group.set_defaults(group_parser=group)
    commands = group.add_subparsers(dest="export_command", metavar="SUBCOMMAND")
    person = add_parser(
        commands, "person", help="everything stored about one person, as JSON",
        description="Print, as one JSON document, everything Rounds stores about the person with this\n"
                    "email: their roster row, weekly questions, answers (with the chat messages they came\n"
                    "from), drafts, messages queued for them, and audit rows about them or by them.\n"
                    "The export itself is recorded in the audit trail (action person_exported).",
        examples="  rounds export person lee@example.org > lee.json")
    person.add_argument("email", help="the person's roster email")
    person.set_defaults(handler=person_command)


def person_command(ctx: Context) -> int:
    from bot.access import export_person

    services = ctx.services()
    record = export_person(services, ctx.args.email, services.clock())
    if record is None:
        raise CommandError(f"nobody on the roster has the email {ctx.args.email!r}")
    ctx.out(json.dumps(record, indent=2, ensure_ascii=False))
    return 0

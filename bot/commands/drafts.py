"""`rounds drafts show ANSWER_ID`: print the channel drafts Rounds makes from one answer."""

from __future__ import annotations

import argparse

from bot.commands import Context, add_parser


def register(subparsers: argparse._SubParsersAction) -> None:
    group = add_parser(subparsers, "drafts", help="show the social media drafts made from an answer",
                       description="Show the drafts Rounds renders from a physician's answer, one "
                                   "per channel\n(templates/posts/, plus the drafts.templates_dir "
                                   "override folder).",
                       examples="  rounds drafts show 42")
    commands = group.add_subparsers(dest="drafts_command", metavar="COMMAND", title="commands")
    group.set_defaults(group_parser=group)

    shower = add_parser(
        commands, "show", help="print every channel's draft for one answer",
        description="Print what will be posted on every channel for one answer, with its length\n"
                    "and the channel's limit (X counts each link as 23 characters; a long answer\n"
                    "is a numbered X thread). Edited drafts are shown as edited, with the original\n"
                    "below. A post over a platform's limit is marked TOO LONG (it cannot be\n"
                    "approved). Exit status 1 if there is no such answer.",
        examples="  rounds drafts show 42")
    shower.add_argument("answer_id", metavar="ANSWER_ID", type=int, help="the answer's id")
    shower.set_defaults(handler=show_command)


def show_command(ctx: Context) -> int:
    from bot.review.drafts import validate_post_templates
    from bot.review.show import show_drafts

    services = ctx.services()
    validate_post_templates(services.templates)
    status = show_drafts(services, ctx.args.answer_id, ctx.stdout)
    hint = ctx.console_data_hint() if status else None
    if hint:
        ctx.err(f"rounds: {hint}")
    return status

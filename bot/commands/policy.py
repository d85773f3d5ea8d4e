"""`rounds policy show|reset`: the social-media policy everyone acknowledges before anything else."""

from __future__ import annotations

import argparse

from bot.commands import Context, add_parser

DESCRIPTION = """\
The practice's social-media policy ([policy] url and summary). While a url is set, each person
gets the policy with an "I have read it" button before their first question, inbox reminder
or approval, and Rounds sends them nothing else until they tap it (their messages wait).
`rounds roster list` shows who has read it; acknowledgements are in the audit trail."""


def register(subparsers: argparse._SubParsersAction) -> None:
    group = add_parser(subparsers, "policy", help="show the social-media policy, or ask everyone again",
                       description=DESCRIPTION,
                       examples="  rounds policy show\n  rounds policy reset     # after the policy changed")
    group.set_defaults(group_parser=group)
    commands = group.add_subparsers(dest="policy_command", metavar="SUBCOMMAND")
    show = add_parser(commands, "show", help="the configured policy and how many have read it",
                      description="Print [policy] url and summary, and how many people have acknowledged it.",
                      examples="  rounds policy show")
    show.set_defaults(handler=show_command)
    reset = add_parser(commands, "reset", help="clear every acknowledgement: everyone is asked again",
                       description="Clear every acknowledgement (audited as policy_reset): each person gets "
                                   "the policy again, and nothing else, until they tap \"I have read it\".",
                       examples="  rounds policy reset")
    reset.set_defaults(handler=reset_command)


def show_command(ctx: Context) -> int:
    from sqlalchemy import func, select

    from bot.store import Person

    services = ctx.services()
    policy = services.config.policy
    if not policy.url:
        ctx.out("No policy is configured ([policy] url is empty): nobody is asked to acknowledge one.")
        return 0
    with services.db.transaction() as session:
        total = session.scalar(select(func.count()).select_from(Person).where(Person.active.is_(True)))
        read = session.scalar(select(func.count()).select_from(Person).where(
            Person.active.is_(True), Person.policy_acknowledged_at.is_not(None)))
    ctx.out(policy.url)
    if policy.summary:
        ctx.out(policy.summary)
    ctx.out(f"{read} of {total} people have read it")
    return 0


def reset_command(ctx: Context) -> int:
    from bot.policy import reset

    if not ctx.config.policy.url:  # nothing to ask again: change nothing, not even the audit trail
        ctx.out("No policy is configured ([policy] url is empty): there is nothing to reset, and nothing was "
                "changed. Set [policy] url (and summary) in the config to ask everyone to read one.")
        return 0
    services = ctx.services()
    with services.db.transaction() as session:
        count = reset(session, services.clock())
    ctx.out(f"{count} people will get the policy again, and nothing else until they acknowledge it")
    return 0

"""`rounds db upgrade`: bring the database schema up to date."""

from __future__ import annotations

import argparse

from bot.commands import Context, add_parser, safe_url


def register(subparsers: argparse._SubParsersAction) -> None:
    group = add_parser(subparsers, "db", help="database maintenance",
                       description="Database maintenance.",
                       examples="  rounds db upgrade")
    commands = group.add_subparsers(dest="db_command", metavar="COMMAND", title="commands")
    group.set_defaults(group_parser=group)

    upgrade = add_parser(
        commands, "upgrade", help="apply database migrations (safe to run any time)",
        description="Apply every pending migration to [database] url (or ROUNDS_DATABASE_URL), "
                    "then seed the\nstarter question bank if it is empty. Every other command "
                    "does this too; run it\nexplicitly before starting several servers on one "
                    "PostgreSQL database.",
        examples="  rounds db upgrade\n"
                 "  ROUNDS_DATABASE_URL=postgresql+psycopg://rounds@db/rounds rounds db upgrade")
    upgrade.set_defaults(handler=upgrade_command)


def upgrade_command(ctx: Context) -> int:
    from bot.commands import ensure_bank, prepare_database
    from bot.services import build_services

    config = ctx.config
    prepare_database(config.database.url)
    services = build_services(config)
    try:
        seeded = ensure_bank(services)
    finally:
        services.db.dispose()
    ctx.out(f"database {safe_url(config.database.url)} is up to date")
    if seeded:
        ctx.out(f"seeded the question bank with {seeded} starter questions")
    return 0

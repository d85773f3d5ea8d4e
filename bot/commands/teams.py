"""`rounds teams package`: write the Teams app package to upload to Teams (admin center or client)."""

from __future__ import annotations

import argparse

from bot.commands import CommandError, Context, add_parser, write_output


def register(subparsers: argparse._SubParsersAction) -> None:
    teams = add_parser(subparsers, "teams", help="Microsoft Teams tools",
                       description="Microsoft Teams tools (see docs/teams-setup.md).",
                       examples="  rounds teams package --domain rounds.example.org")
    commands = teams.add_subparsers(dest="teams_command", metavar="COMMAND", title="commands")
    teams.set_defaults(group_parser=teams)
    package = add_parser(
        commands, "package", help="write the Teams app package (manifest and icons) as a zip",
        description="Write the app package Teams admins upload: manifest.json with the configured bot id\n"
                    "(teams.app_id or MicrosoftAppId) and valid domain, and generated 192x192 colour and\n"
                    "32x32 outline icons.",
        examples="  rounds teams package --domain rounds.example.org --output rounds-teams.zip",
    )
    package.add_argument("--output", default="rounds-teams.zip", help="the zip to write (default: %(default)s)")
    package.add_argument("--domain", required=True,
                         help="the public host serving /api/messages, e.g. rounds.example.org")
    package.set_defaults(handler=package_command)


def package_command(ctx: Context) -> int:
    from bot.config import load_config
    from handlers.teams.package import build_package

    # Only the app id goes into the package: a machine that builds it need not hold the password.
    config = load_config(getattr(ctx.args, "config", None), for_sending=False)
    try:
        data = build_package(config, ctx.args.domain)
    except ValueError as error:
        raise CommandError(str(error)) from None
    write_output(ctx.args.output, data)
    ctx.err(f"wrote {ctx.args.output} ({len(data)} bytes): upload it in Teams (Apps > Manage your apps > "
            "Upload an app) or the Teams admin center")
    return 0

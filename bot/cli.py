"""The `rounds` command: parse arguments, run one subcommand, turn known failures into messages.

Subcommands live in `bot/commands/` (one module per group, each with `register`). Exit
status: 0 success, 1 the command ran but something in its input failed (e.g. a roster row),
2 usage, config or environment errors (printed as one line, never a traceback).
"""

from __future__ import annotations

import argparse
import errno
import logging
import sys
from collections.abc import Sequence

from bot.commands import CommandError, Context, register_all
from bot.config import ConfigError

DESCRIPTION = """\
Rounds DMs each physician one short question a week and turns the answers into social posts.

With no config file Rounds runs on defaults: a SQLite database rounds.db in the current
folder, and the console instead of Slack. Every command that uses the database first brings
it up to date (migrations) and seeds the starter question bank if it is empty."""

EXAMPLES = """\
examples:
  rounds roster import examples/roster.csv   load people (re-run any time to update them)
  rounds console --roster examples/roster.csv   try the whole loop in this terminal (demo database)
  rounds run                                 Slack if configured, else the console
  rounds tick --now 2026-12-01T14:00:00Z     run what is due at that instant, once
  rounds --config prod.toml db upgrade       apply database migrations

Run `rounds COMMAND --help` for each command's options and examples."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rounds", description=DESCRIPTION, epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--config", metavar="PATH",
                        help="config file (default: $ROUNDS_CONFIG, else ./config.toml if present, "
                             "else built-in defaults)")
    parser.add_argument("--database", metavar="URL", dest="database_url",
                        help="the database to use, over [database] url and $ROUNDS_DATABASE_URL "
                             "(e.g. sqlite:///rounds-console.db, the console's)")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="log more (-v: info, -vv: debug)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    register_all(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `rounds` console script and `python -m bot`."""
    parser = build_parser()
    args = parser.parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)  # to repeat the command in hints
    handler = getattr(args, "handler", None)
    if handler is None:
        # A group without its subcommand (`rounds roster`) shows that group's help.
        (getattr(args, "group_parser", None) or parser).print_help(sys.stderr)
        return 2
    logging.basicConfig(
        level=(logging.WARNING, logging.INFO, logging.DEBUG)[min(args.verbose, 2)],
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # Chat SDKs log whole request and response bodies at DEBUG, and message text may hold PHI:
    # their loggers never go below INFO, whatever -v says. Rounds' own logs carry ids only.
    for name in ("slack_sdk", "slack_bolt", "aiohttp.access", "urllib3", "botbuilder", "botframework", "msrest",
                 "msal"):
        logging.getLogger(name).setLevel(max(logging.INFO, logging.getLogger().level))
    from bot.templating import TemplateError

    ctx = Context(args)
    try:
        status = handler(ctx)
        sys.stdout.flush()  # a closed pipe shows up here, not in the interpreter's last flush
        return status
    except (ConfigError, TemplateError) as error:
        print(f"rounds: config error: {error}", file=sys.stderr)
        return 2
    except CommandError as error:
        print(f"rounds: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("rounds: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _reader_went_away()
    except OSError as error:
        if error.errno not in _FULL:
            raise
        print(f"rounds: cannot write: {error.strerror}; free some space or write somewhere else", file=sys.stderr)
        _reader_went_away()  # nothing more reaches the full device, not even the final flush
        return 1
    finally:
        ctx.close()


_FULL = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EIO})  # the output cannot take more


def _reader_went_away() -> int:
    """`rounds audit export … | head`: the reader closed the pipe; stop quietly, like `cat`.

    stdout is pointed at /dev/null so the interpreter's final flush of the unwritten rest
    does not raise again on the way out (the recipe in Python's `signal` documentation).
    """
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return 141  # 128 + SIGPIPE, what a shell reports for a command stopped by a closed pipe


if __name__ == "__main__":
    sys.exit(main())

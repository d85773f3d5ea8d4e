"""`rounds screen`: screen JSON lines from stdin with the same guard and allow-lists as the live flow."""

from __future__ import annotations

import argparse
import gc
import sys

from bot.commands import Context, add_parser


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_parser(
        subparsers, "screen", help="screen answers (JSON lines on stdin) for PHI and medical advice",
        description="Read JSON lines {\"id\": ..., \"text\": ...} on stdin and write one JSON line per\n"
                    "input: {\"id\": ..., \"verdict\": \"block\"|\"warn\"|\"ok\", \"findings\": [{\"kind\", "
                    "\"start\", \"end\"}]}.\n"
                    "block = possible PHI, warn = individual medical advice. The allow-lists are the\n"
                    "live flow's: the practice's public names, phones and URLs from config, and the\n"
                    "names of everyone on the roster. Invalid lines get {\"line\": N, \"error\": ...};\n"
                    "the rest are still screened, and the exit status is 1. A result for a line\n"
                    "without an \"id\" has \"id\": null and its \"line\": N.",
        examples='  echo \'{"id": 1, "text": "Call Mrs. Alvarez at 608-555-0142"}\' | rounds screen\n'
                 "  rounds screen < answers.jsonl > verdicts.jsonl")
    parser.set_defaults(handler=screen_command)


def screen_command(ctx: Context) -> int:
    from bot.review.compliance import ScreenerCache
    from bot.screening import screen_jsonl

    services = ctx.services()
    with services.db.transaction() as session:
        screener = ScreenerCache(services.config.practice).get(session)
    from bot.text import lenient_lines

    # The models and word lists loaded above live as long as the process: set apart from the collector, which
    # otherwise walks them all again on each full collection while a batch is screened.
    gc.freeze()

    # Bytes that are not UTF-8 read as U+FFFD: the line is still screened, never a traceback.
    invalid = screen_jsonl(lenient_lines(sys.stdin), ctx.stdout, screener)
    if invalid:
        print(f"rounds screen: {invalid} invalid input line(s); see the error lines in the output",
              file=ctx.stderr)
    return 1 if invalid else 0

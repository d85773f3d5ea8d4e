"""The console's read-eval-print loop: lines from the terminal or a pipe, each run as a `:command`
(`handlers.console.commands`) or sent as a message; where its clock resumes."""

from __future__ import annotations

import logging
import re
import sys
from datetime import UTC, datetime
from typing import TextIO

from bot.services import Services
from bot.weeks import in_day_range
from handlers.console.commands import Commands, Quit
from handlers.console.session import ConsoleSession

logger = logging.getLogger(__name__)

INTRO = (
    "Rounds console: the whole loop with no chat workspace. You play every roster member;\n"
    "everything is stored in the console's own database (rounds-console.db unless --database says\n"
    "otherwise); ROUNDS_DATABASE_URL=sqlite:///rounds-console.db points other commands at it.\n"
    "Approval cards go to #marketing (:channel); act as an approver to click them."
)


CLEAR_SCREEN = "\033[H\033[2J"
_ESCAPE = re.compile(r"\x1b(\[[0-9;?]*[ -/]*[@-~]|O.|.)")
TERMINAL_WORDS = {"clear", "cls", "reset"}


def is_terminal_control(line: str) -> bool:
    """Ctrl-L, arrow keys and `clear` are meant for the terminal, never as a DM to the bot
    (without line editing, a terminal hands them over as text: "\x0c", "\x1b[A")."""
    if line.strip().lower() in TERMINAL_WORDS:
        return True
    rest = _ESCAPE.sub("", line)
    rest = "".join(char for char in rest if ord(char) >= 32 and char != "\x7f")
    return rest.strip() == "" and rest != line  # nothing but keys: typed text still goes through


def resume_time(services: Services) -> datetime:
    """Where the console's clock left off: the time the last console saved (`:advance`, `:next`),
    or the latest thing its database saw, if later than now. Restarting at the real time while
    the database holds events weeks ahead would make `:next` walk old weeks again."""
    from sqlalchemy import func, select

    from bot.store import AuditEvent, ConsoleClock, ConsoleMessage, OutboxMessage

    now = services.clock()
    with services.db.transaction() as session:
        latest = [session.scalar(select(func.max(column))) for column in
                  (ConsoleClock.now, ConsoleMessage.created_at, AuditEvent.at, OutboxMessage.created_at)]
    # A moment past the calendar's end (written before times were checked) is no place to resume.
    return max([now, *(moment for moment in latest if moment is not None and in_day_range(moment))])


def run_console(services: Services, input: TextIO = sys.stdin, output: TextIO = sys.stdout,
                clock_start: datetime | None = None) -> int:
    """Run the interactive console until :quit or end of input.

    Args:
        services: core services; their "console" chat is set to a `ConsoleChat` on the
            services' database whose clock is the console's own, and `services.clock` follows
            the console's clock while it runs.
        input: lines to read (a TTY gets a prompt; a pipe works too).
        output: where to print.
        clock_start: the console's starting time (aware); defaults to now.

    Returns:
        The exit status (0).
    """
    start = clock_start or services.clock()
    if start.tzinfo is None:
        raise ValueError("clock_start must be an aware datetime")
    session = ConsoleSession(services, output, start.astimezone(UTC))
    session.input, session.interactive = input, _isatty(input)
    if session.interactive:
        _enable_line_editing()
    previous_chat, previous_clock = services.chats.get("console"), services.clock
    services.chats["console"] = session.chat
    services.clock = session.clock
    try:
        return _loop(session, Commands(session), input)
    finally:
        services.clock = previous_clock
        if previous_chat is None:
            services.chats.pop("console", None)
        else:
            services.chats["console"] = previous_chat


def _loop(session: ConsoleSession, commands: Commands, input: TextIO) -> int:
    session.say(INTRO)
    if session.services.platform != "console":
        session.say(f"Note: people are reached on {session.services.platform}; "
                    "only console messages show here.")
    session.say(f"Console time: {session.now:%a %Y-%m-%d %H:%M} UTC")
    session.show_people()
    session.say("Type :as NAME to act as someone, :tick to run what is due, :help for more.")
    interactive = _isatty(input)
    while True:
        if interactive:
            who = session.member.name if session.member else "rounds"
            session.out.write(f"{who}> ")
            session.out.flush()
        try:
            line = input.readline()
        except KeyboardInterrupt:
            session.say("")
            return 0
        if not line:
            return 0
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        if is_terminal_control(line):
            if interactive:
                session.out.write(CLEAR_SCREEN)
            continue
        try:
            commands.run(line)
        except Quit:
            return 0
        except Exception as error:  # one boundary: report, keep the console alive
            logger.exception("console command failed")
            session.say(f"Error: {type(error).__name__}; the details are in the log.")
        session.out.flush()


def _enable_line_editing() -> None:
    """On a terminal, readline gives arrow keys, history and Ctrl-L (clear) their usual meaning."""
    try:
        import readline  # noqa: F401
    except ImportError:  # not on every platform; the control-key filter still applies
        pass


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False




"""The console's read-eval-print loop and its `:commands`."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TextIO

from bot.chat import small_number
from bot.services import Services
from bot.weeks import DAY_RANGE, LATEST_INSTANT, in_day_range
from handlers.console.chat import dm_channel
from handlers.console.render import indent, safe
from handlers.console.session import HELP, ConsoleSession, parse_duration

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


class Quit(Exception):
    """Raised by :quit to leave the loop."""


def _number(text: str) -> int | None:
    """A typed number ("3", "#3"); "¹" or thirty nines are not one (`str.isdigit` says they are)."""
    return small_number(text.strip().lstrip("#"))


class Commands:
    """One method per `:command`; each gets the rest of the line."""

    def __init__(self, session: ConsoleSession):
        self.s = session
        self.table: dict[str, Callable[[str], None]] = {
            "as": self.act_as, "people": self.people, "who": self.people,
            "choose": self.choose, "reply": self.reply, "edit": self.edit, "say": self.say,
            "inbox": self.inbox, "channel": self.channel, "marketing": self.channel, "drafts": self.drafts,
            "tick": self.tick, "advance": self.advance, "next": self.next,
            "now": self.now, "rounds": self.rounds, "form": self.form,
            "help": self.help, "quit": self.quit, "q": self.quit, "exit": self.quit,
        }

    def run(self, line: str) -> None:
        if line.startswith(":"):
            name, _, rest = line[1:].partition(" ")
            handler = self.table.get(name.lower())
            if handler is None:
                self.s.say(f"Unknown command :{safe(name)}. Type :help for the commands.")
                return
            handler(rest.strip())
            return
        choice = small_number(line.strip(), digits=3)
        if choice is not None:  # a bare number clicks; `:say 3` sends "3"
            self.s.choose(choice)
            return
        self.s.send_text(line)

    # --- commands -----------------------------------------------------------------------------

    def act_as(self, who: str) -> None:
        if not who:
            self.s.say("Usage: :as NAME (a name, an email, or a unique prefix)")
            self.s.show_people()
            return
        matches = match_members(self.s.members(), who)
        if len(matches) != 1:
            what = "Several people match" if matches else "No one on the roster matches"
            self.s.say(f"{what} {safe(who)!r}.")
            if matches:
                for member in matches:
                    self.s.say(f"   {member.describe()}")
            else:
                self.s.show_people()
            return
        self.s.show_new()  # anything that arrived for the previous identity first
        self.s.member = matches[0]
        self.s.focus_id = None  # a bare number never clicks what the previous identity saw
        self.s.pending_form = None  # nor does :form fill in a form opened for them
        self.s.say(f"You are now {safe(self.s.member.name)} "
                   f"(local time {self.s.local_now(self.s.member)}).")
        history = self.s.chat.history(dm_channel(self.s.member.email))
        if history:
            earlier = len(history) - 3
            if earlier > 0:
                self.s.say(f"({earlier} earlier message{'s' if earlier != 1 else ''}: :inbox)")
            for stored in history[-3:]:
                self.s.show(stored)
        self.s.hint_waiting_cards()

    def form(self, _rest: str) -> None:
        self.s.open_pending_form()

    def people(self, _rest: str) -> None:
        self.s.show_people()

    def choose(self, rest: str) -> None:
        parts = rest.split()
        number = _number(parts[0]) if parts else None
        message_id = _number(parts[1]) if len(parts) == 2 else None
        if number is None or len(parts) > 2 or (len(parts) == 2 and message_id is None):
            self.s.say("Usage: :choose N  or  :choose N #M (choice N of message #M)")
            return
        self.s.choose(number, message_id)

    def reply(self, rest: str) -> None:
        target, _, text = rest.partition(" ")
        number = _number(target)
        if number is None or not text.strip():
            self.s.say("Usage: :reply M TEXT (reply in the thread of message #M)")
            return
        if self.s.require_member() is None:
            return
        stored = self.s.own_message(number)
        if stored is not None:
            self.s.send_text(text, thread_ts=stored.message.thread_ts or stored.ts)

    def edit(self, rest: str) -> None:
        target, _, text = rest.partition(" ")
        number = _number(target)
        if number is None or not text.strip():
            self.s.say("Usage: :edit M TEXT (edit your earlier message #M)")
            return
        self.s.edit_text(number, text)

    def say(self, rest: str) -> None:
        if not rest:
            self.s.say("Usage: :say TEXT")
            return
        self.s.send_text(rest)

    def inbox(self, _rest: str) -> None:
        member = self.s.require_member()
        if member is None:
            return
        history = self.s.chat.history(dm_channel(member.email))
        if not history:
            self.s.say(f"No messages with {safe(member.name)} yet.")
        for stored in history:
            self.s.show(stored)

    def channel(self, _rest: str) -> None:
        self.s.show_channel()

    def drafts(self, rest: str) -> None:
        from bot.review.cards import all_drafts_for

        number = _number(rest)
        text = all_drafts_for(self.s.services, number) if number is not None else None
        if text is None:
            self.s.say("Usage: :drafts ID (the answer id on the card)" if number is None
                       else f"No answer with id {number}.")
            return
        self.s.say(indent(text))

    def tick(self, _rest: str) -> None:
        self.s.tick()

    def advance(self, rest: str) -> None:
        try:
            later = self.s.now + parse_duration(rest)
        except ValueError as error:
            self.s.say(f"{error}.")
            return
        except OverflowError:
            later = None
        if later is None or later > LATEST_INSTANT:
            self.s.say(f"That is further ahead than the calendar goes: Rounds works with days from {DAY_RANGE}.")
            return
        self.s.now = later
        self.s.say(f"Clock moved forward {rest.strip()}.")
        self.s.tick()

    def next(self, _rest: str) -> None:
        member = self.s.require_member()
        if member is None:
            return
        open_week = self.s.open_question_week(member)
        if open_week is not None:
            self.s.say(f"{safe(member.name)} already has this week's question ({open_week}) open: type the answer, "
                       f"or `:advance 1w` to let it lapse.")
            return
        due = self.s.next_question_at(member)
        if due is None:
            self.s.say(f"{safe(member.name)} gets no questions (not an active physician).")
            return
        self.s.now = max(self.s.now, due)
        self.s.say(f"Clock moved to {self.s.now:%a %Y-%m-%d %H:%M} UTC "
                   f"({self.s.local_now(member)}).")
        self.s.tick()

    def now(self, _rest: str) -> None:
        self.s.say(f"Console time: {self.s.now:%a %Y-%m-%d %H:%M} UTC")
        if self.s.member is not None:
            self.s.say(f"{safe(self.s.member.name)}'s time: "
                       f"{self.s.local_now(self.s.member)}")

    def rounds(self, rest: str) -> None:
        """`:rounds WORDS`: the console's /rounds (help, status, pause 2w, settings …), privately."""
        from bot.words import handle_slash

        member = self.s.require_member()
        if member is None:
            return
        outcome = handle_slash(self.s.services, "console", member.email, rest, self.s.now)
        for reply in outcome.replies:
            self.s.say(safe(reply.text))
        self.s.deliver_now()

    def help(self, _rest: str) -> None:
        self.s.say(HELP)

    def quit(self, _rest: str) -> None:
        raise Quit


def match_members(members, who: str):
    """Exact email or name first; otherwise a prefix of the email, the name or a word of it."""
    wanted = who.strip().lower()
    exact = [m for m in members if wanted in (m.email.lower(), m.name.lower())]
    if exact:
        return exact

    def words(member) -> list[str]:
        return [member.name.lower(), member.email.lower()] + [
            w.strip(".,") for w in member.name.lower().split()
        ]

    return [m for m in members if any(w.startswith(wanted) for w in words(m))]


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




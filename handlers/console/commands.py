"""The console's `:commands`: one method each, the help that lists them, and the durations
`:advance` reads. The session (`handlers.console.session`) does what they ask; the loop
(`handlers.console.run`) reads the lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

from bot.chat import small_number
from bot.weeks import DAY_RANGE, LATEST_INSTANT
from handlers.console.chat import dm_channel
from handlers.console.members import match_members
from handlers.console.render import indent, safe
from handlers.console.session import ConsoleSession

_DURATION = re.compile(r"([0-9]{1,5})\s*([wdhm])")  # bounded: "99999999999d" would overflow timedelta
_UNITS = {"w": "weeks", "d": "days", "h": "hours", "m": "minutes"}

HELP = """\
Commands:
  :as NAME            act as a roster member (name, email, or a unique prefix)
  :people             the roster
  TEXT                send TEXT to the bot as the current person (a DM)
  N  or  :choose N    click choice [N] of the latest message with choices
  :choose N #M        click choice [N] of message #M
  :reply M TEXT       reply in the thread of message #M
  :edit M TEXT        edit your earlier message #M
  :say TEXT           send TEXT literally (even if it starts with ':' or is a number)
  :inbox              the current person's conversation with the bot
  :channel            the #marketing channel: approval cards and the weekly plan (alias :marketing);
                      approvers and leads see new cards in full as they arrive
  :choose N #M        also clicks buttons on a #marketing card (#M), as whoever you are now
  :drafts ID          every draft of answer ID in full (the card shows one; ID is on the card)
  Forms (Edit, Reject, Send back) ask one line per field: an empty line keeps the shown
  value, \\n in a line is a line break, a number picks an option, :cancel abandons the form.
  :form               fill in the form a click left open (It's fine on a held answer asks why
                      in a form; until you type :form, your lines are messages as usual)
  :tick               run everything due at the console's time
  :advance 1d|3h|30m|2w   move the console's clock forward, then tick
  :next               move the clock to the current person's next question, then tick
  :now                console time in UTC and the current person's local time
  :rounds WORDS       the /rounds command: help, status, pause 2w, resume, ask, settings …
  :help               this help
  :quit               leave (end of input works too)"""


def parse_duration(text: str) -> timedelta:
    """'1d', '3h', '30m', '2w' or combinations like '1d12h'; raises ValueError otherwise."""
    compact = text.replace(" ", "").lower()
    parts = _DURATION.findall(compact)
    if not parts or "".join(n + u for n, u in parts) != compact:
        raise ValueError(f"can't read {text!r} as a duration: use e.g. 1d, 3h, 30m, 2w")
    delta = timedelta()
    for number, unit in parts:
        delta += timedelta(**{_UNITS[unit]: int(number)})
    return delta


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

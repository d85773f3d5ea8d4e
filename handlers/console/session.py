"""`rounds console`: act as any roster member, see the bot's messages, click, move the clock.

It runs on the same core and database as Slack: plain lines go to `bot.inbound.handle_message`,
clicks to `handle_action`, `:tick` / `:advance` to `bot.scheduler.run_due` at the console's
own clock. Messages are numbered by their row in `console_messages`, so numbers stay stable.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime, timedelta
from typing import TextIO
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.chat import ActionEvent, IncomingMessage, MessageRef, Outcome, OutgoingMessage
from bot.inbound import handle_action, handle_message
from bot.prompts import next_question_time
from bot.scheduler import run_due
from bot.services import Services
from bot.store import Person
from handlers.console.chat import ConsoleChat, StoredMessage, dm_channel, email_of_channel
from handlers.console.render import (
    Choice,
    choices_of,
    render_compact,
    render_message,
    safe,
)

BOT_NAME = "Rounds"
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DURATION = re.compile(r"(\d+)\s*([wdhm])")
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
  :tick               run everything due at the console's time
  :advance 1d|3h|30m|2w   move the console's clock forward, then tick
  :next               move the clock to the current person's next question, then tick
  :now                console time in UTC and the current person's local time
  :help               this help
  :quit               leave (end of input works too)"""


@dataclasses.dataclass(frozen=True)
class Member:
    """A roster row as the console needs it (no live ORM object kept across transactions)."""

    email: str
    name: str
    roles: str
    specialty: str
    timezone: str
    weekday: int
    local_time: str
    active: bool
    opted_out: bool

    @classmethod
    def of(cls, person: Person) -> Member:
        return cls(person.email, person.name, person.roles, person.specialty, person.timezone,
                   person.weekday, person.local_time, person.active,
                   person.opted_out_at is not None)

    def describe(self) -> str:
        roles = ", ".join(r for r in self.roles.split(";") if r) or "no role"
        extra = f" ({self.specialty})" if self.specialty else ""
        state = "" if self.active else "  [left the roster]"
        state += "  [opted out]" if self.opted_out else ""
        when = f"{WEEKDAY_NAMES[self.weekday % 7]} {self.local_time} {self.timezone}"
        return f"{safe(self.name)} <{safe(self.email)}>: {roles}{extra}, {when}{state}"


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


def summarize(report: object) -> str:
    """One line for a TickReport, whatever its exact fields."""
    if dataclasses.is_dataclass(report):
        parts = [
            f"{f.name.replace('_', ' ')} {value}"
            for f in dataclasses.fields(report)
            if (value := getattr(report, f.name)) not in (0, None, "", [], (), {})
        ]
        return ", ".join(parts) or "nothing was due"
    summary = getattr(report, "summary", None)
    return str(summary()) if callable(summary) else str(report)


class ConsoleSession:
    """The state of one console: its clock, who you are, which messages were already shown."""

    def __init__(self, services: Services, output: TextIO, start: datetime):
        self.services = services
        self.out = output
        self.now = start
        self.chat = ConsoleChat(services.db, self.clock)
        self.member: Member | None = None
        self.seen_id = self.chat.last_id()

    def clock(self) -> datetime:
        return self.now

    # --- output -------------------------------------------------------------------------------

    def say(self, text: str = "") -> None:
        print(text, file=self.out)

    def members(self) -> list[Member]:
        with self.services.db.transaction() as session:
            people = session.scalars(select(Person).order_by(Person.name, Person.email)).all()
            return [Member.of(p) for p in people]

    def show_people(self) -> None:
        people = self.members()
        if not people:
            self.say("The roster is empty: import one with `rounds roster import FILE.csv`.")
            return
        self.say("People:")
        for member in people:
            marker = "*" if self.member and member.email == self.member.email else " "
            self.say(f" {marker} {member.describe()}")

    def sender(self, stored: StoredMessage) -> str:
        if stored.from_bot:
            return BOT_NAME
        if self.member and stored.author == self.member.email:
            return "you"
        return stored.author or "?"

    def show(self, stored: StoredMessage, note: str = "") -> None:
        thread_number = None
        if stored.message.thread_ts:
            root = self.chat.by_ref(MessageRef(stored.channel, stored.message.thread_ts))
            thread_number = root.id if root else None
        self.say(render_message(stored.id, self.sender(stored), stored.message, thread_number, note))

    def show_new(self) -> None:
        """Print what arrived since last time: in full for you, one line each for others."""
        names = None
        for stored in self.chat.after(self.seen_id):
            self.seen_id = max(self.seen_id, stored.id)
            if not stored.from_bot:
                continue
            if self.member and stored.channel == dm_channel(self.member.email):
                self.show(stored)
                continue
            if names is None:
                names = {m.email: m.name for m in self.members()}
            email = email_of_channel(stored.channel)
            recipient = names.get(email, email) if email else stored.channel
            self.say(render_compact(recipient, stored.message))

    # --- acting -----------------------------------------------------------------------------------

    def require_member(self) -> Member | None:
        if self.member is None:
            self.say("Choose who you are first: :as NAME")
            self.show_people()
        return self.member

    def apply(self, outcome: Outcome, thread_ts: str | None) -> None:
        """Show the core's private replies now; they are stored in the person's DM too."""
        assert self.member is not None
        channel = dm_channel(self.member.email)
        for reply in outcome.replies:
            if reply.replace_original is not None:
                original = self.chat.by_ref(reply.replace_original)
                key = original.message.key if original else ""
                self.chat.update(reply.replace_original, OutgoingMessage(
                    text=reply.text, key=key, buttons=reply.buttons,
                    thread_ts=original.message.thread_ts if original else None))
                updated = self.chat.by_ref(reply.replace_original)
                if updated is not None:
                    self.show(updated, note=" (updated)")
            else:
                self.chat.send(channel, OutgoingMessage(text=reply.text, buttons=reply.buttons,
                                                        thread_ts=thread_ts))
            self.show_new()

    def send_text(self, text: str, thread_ts: str | None = None) -> None:
        member = self.require_member()
        if member is None:
            return
        if not text.strip():
            return
        channel = dm_channel(member.email)
        ref = self.chat.record_incoming(member.email, channel, text, thread_ts)
        mine = self.chat.by_ref(ref)
        self.seen_id = max(self.seen_id, mine.id)
        self.say(f"(your message #{mine.id})")
        incoming = IncomingMessage(platform="console", user_id=member.email, channel=channel,
                                   ts=ref.ts, text=text, is_direct=True, thread_ts=thread_ts)
        self.apply(handle_message(self.services, incoming, self.now), thread_ts)

    def edit_text(self, message_id: int, text: str) -> None:
        member = self.require_member()
        if member is None:
            return
        stored = self.own_message(message_id)
        if stored is None:
            return
        if stored.author != member.email:
            self.say(f"Message #{message_id} is not yours to edit.")
            return
        edited = self.chat.edit_incoming(stored.ref, text)
        self.say(f"(you edited #{message_id})")
        incoming = IncomingMessage(platform="console", user_id=member.email,
                                   channel=stored.channel, ts=stored.ts, text=text,
                                   is_direct=True, thread_ts=edited.message.thread_ts,
                                   edited=True)
        self.apply(handle_message(self.services, incoming, self.now), edited.message.thread_ts)

    def choose(self, number: int, message_id: int | None = None) -> None:
        member = self.require_member()
        if member is None:
            return
        target = self.message_for_choice(message_id)
        if target is None:
            return
        choices = choices_of(target.message)
        if not 1 <= number <= len(choices):
            self.say(f"Message #{target.id} has choices 1 to {len(choices)}.")
            return
        choice: Choice = choices[number - 1]
        self.say(f"(you clicked [{number}] {safe(choice.label)} on #{target.id})")
        event = ActionEvent(platform="console", user_id=member.email, action=choice.action,
                            value=choice.value, message=target.ref)
        self.apply(handle_action(self.services, event, self.now), target.message.thread_ts)

    def message_for_choice(self, message_id: int | None) -> StoredMessage | None:
        assert self.member is not None
        if message_id is not None:
            stored = self.own_message(message_id)
            if stored is not None and not choices_of(stored.message):
                self.say(f"Message #{message_id} has nothing to click.")
                return None
            return stored
        for stored in reversed(self.chat.history(dm_channel(self.member.email))):
            if stored.from_bot and choices_of(stored.message):
                return stored
        self.say("Nothing to click: no message with choices yet.")
        return None

    def own_message(self, message_id: int) -> StoredMessage | None:
        """Message #id if it is in the current person's conversation."""
        assert self.member is not None
        stored = self.chat.get(message_id)
        if stored is None or stored.channel != dm_channel(self.member.email):
            self.say(f"There is no message #{message_id} in your conversation (see :inbox).")
            return None
        return stored

    def latest_has_choices(self) -> bool:
        if self.member is None:
            return False
        history = self.chat.history(dm_channel(self.member.email))
        return any(s.from_bot and choices_of(s.message) for s in history)

    def tick(self) -> None:
        report = run_due(self.services, self.now)
        self.say(f"Tick at {self.now:%Y-%m-%d %H:%M} UTC: {summarize(report)}")
        self.show_new()

    def next_question_at(self, member: Member) -> datetime | None:
        with self.services.db.transaction() as session:
            person = session.scalars(select(Person).where(Person.email == member.email)).first()
            if person is None or not person.receives_questions:
                return None
            return next_question_time(person, self.now)

    def local_now(self, member: Member) -> str:
        local = self.now.astimezone(ZoneInfo(member.timezone))
        return f"{local:%a %Y-%m-%d %H:%M} {member.timezone}"


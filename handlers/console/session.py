"""`rounds console`: act as any roster member, see the bot's messages, click, move the clock.

It runs on the same core and database as Slack: plain lines go to `bot.weekly.inbound.handle_message`,
clicks to `handle_action`, `:tick` / `:advance` to `bot.scheduler.run_due` at the console's
own clock. Messages are numbered by their row in `console_messages`, so numbers stay stable.
This is the session's state and what it does; the `:commands` that ask for it are in
`handlers.console.commands`, the roster members it acts as in `handlers.console.members`.
"""

from __future__ import annotations

from datetime import datetime
from typing import TextIO
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.chat import ActionEvent, Form, IncomingMessage, MessageRef, Outcome, OutgoingMessage
from bot.outbox import deliver_due
from bot.review.calendar import CONSOLE_MARKETING_CHANNEL
from bot.scheduler import run_due
from bot.services import Services
from bot.store import Person, Prompt, PromptStatus
from bot.weekly.cadence import next_delivery
from bot.weekly.inbound import handle_action, handle_message, record_reply
from handlers.console.chat import ConsoleChat, StoredMessage, dm_channel, email_of_channel
from handlers.console.forms import FormPrompter
from handlers.console.members import Member
from handlers.console.render import (
    Choice,
    choices_of,
    render_compact,
    render_message,
    safe,
)

BOT_NAME = "Rounds"
MARKETING = CONSOLE_MARKETING_CHANNEL


class ConsoleSession:
    """The state of one console: its clock, who you are, which messages were already shown."""

    def __init__(self, services: Services, output: TextIO, start: datetime):
        self.services = services
        self.out = output
        self._now = start
        self.chat = ConsoleChat(services.db, self.clock)
        self.member: Member | None = None
        self.seen_id = self.chat.last_id()
        self.focus_id: int | None = None  # the latest message with choices shown (bare numbers)
        self.input: TextIO | None = None  # set by run_console; forms read their fields from it
        self.pending_form: Form | None = None  # a form opened on request (`Form.on_request`): `:form`
        self.interactive = False

    @property
    def now(self) -> datetime:
        return self._now

    @now.setter
    def now(self, moment: datetime) -> None:
        """Every move of the clock is saved with the database: a console reopened on it resumes
        here, even when the move sent nothing (README: "its clock resumes where …")."""
        self._now = moment
        self.chat.save_clock(moment)

    def clock(self) -> datetime:
        return self._now

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
            self.say("The roster is empty: start the console with one, e.g. "
                     "`rounds console --roster examples/roster.csv`.")
            return
        self.say("People:")
        for member in people:
            marker = "*" if self.member and member.email == self.member.email else " "
            self.say(f" {marker} {member.describe()}")

    def read_line(self, prompt: str) -> str | None:
        """One line for a form: prompted on a terminal, echoed after the prompt when piped."""
        if self.input is None:
            return None
        if self.interactive:
            self.out.write(prompt)
            self.out.flush()
        try:
            line = self.input.readline()
        except KeyboardInterrupt:  # Ctrl-C abandons the form, not the console
            self.say("")
            return None
        if not line:
            return None
        if not self.interactive:
            self.say(prompt + safe(line.rstrip("\r\n")))
        return line

    def sender(self, stored: StoredMessage) -> str:
        if stored.from_bot:
            return BOT_NAME if stored.channel != MARKETING else f"{BOT_NAME} in {MARKETING}"
        if self.member and stored.author == self.member.email:
            return "you"
        return stored.author or "?"

    def show(self, stored: StoredMessage, note: str = "") -> None:
        thread_number = None
        if stored.message.thread_ts:
            root = self.chat.by_ref(MessageRef(stored.channel, stored.message.thread_ts))
            thread_number = root.id if root else None
        self.say(render_message(stored.id, self.sender(stored), stored.message, thread_number, note))
        if stored.from_bot and choices_of(stored.message):
            self.focus_id = stored.id

    def show_new(self) -> None:
        """Print what arrived since last time: in full for you, one line each for others."""
        names = None
        for stored in self.chat.after(self.seen_id):
            self.seen_id = max(self.seen_id, stored.id)
            if not stored.from_bot:
                continue
            if self.member and (stored.channel == dm_channel(self.member.email)
                                or (stored.channel == MARKETING and self.member.reviews)):
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
        """Update cards for everyone, show the private replies (kept in the DM), then any form."""
        assert self.member is not None
        channel = dm_channel(self.member.email)
        for ref, message in outcome.updates:
            self.chat.update(ref, message)
            updated = self.chat.by_ref(ref)
            if updated is not None:
                self.show(updated, note=" (updated)")
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
                ref = self.chat.send(channel, OutgoingMessage(text=reply.text, buttons=reply.buttons,
                                                              thread_ts=thread_ts))
                if reply.key:  # a reply the core may change later (a held notice): say where it is
                    record_reply(self.services, reply.key, ref, self.now)
            self.show_new()
        self.deliver_now()
        if outcome.form is not None and outcome.form.on_request:
            # Like a modal the person may close: the lines they type next stay chat messages.
            self.pending_form = outcome.form
            for _name, why in outcome.form.errors:  # a refused submission: why, then the form again
                self.say(f"(not sent: {safe(why)})")
            self.say(f"(form {safe(outcome.form.title)!r} is open: :form fills it in; "
                     "anything else you type is a message as usual)")
        elif outcome.form is not None:
            self.submit_form(outcome.form)

    def deliver_now(self) -> None:
        """Send what the input just queued (a note to the physician, a send-back request) and show
        it before the next prompt, as Slack would deliver it at once, not on the next tick. Only
        the outbox: nothing scheduled for later becomes due."""
        deliver_due(self.services, self.now)
        self.show_new()

    def open_pending_form(self) -> None:
        """`:form`: fill in the form a click left open (It's fine), once."""
        if self.require_member() is None:
            return
        form, self.pending_form = self.pending_form, None
        if form is None:
            self.say("No form is open.")
            return
        self.submit_form(form)

    def submit_form(self, form: Form) -> None:
        """Ask for the form's fields, then send them to the core as the form's action."""
        assert self.member is not None
        fields = FormPrompter(self.read_line, self.say).fill(form)
        if fields is None:
            return
        event = ActionEvent(platform="console", user_id=self.member.email, action=form.action,
                            value=form.value, message=form.message, fields=fields)
        self.apply(handle_action(self.services, event, self.now), self.dm_thread(form.message))

    def dm_thread(self, ref: MessageRef | None) -> str | None:
        """The DM thread a private reply about `ref` belongs in (none for a channel message)."""
        if ref is None or self.member is None or ref.channel != dm_channel(self.member.email):
            return None
        stored = self.chat.by_ref(ref)
        return stored.message.thread_ts if stored else None

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
        self.apply(handle_action(self.services, event, self.now), self.dm_thread(target.ref))

    def message_for_choice(self, message_id: int | None) -> StoredMessage | None:
        """Message #id (yours or in #marketing), else the last card: the latest message with
        choices shown, or the latest you can click (your DM, and #marketing if you review)."""
        assert self.member is not None
        if message_id is None:
            focus = self.focused_card()
            message_id = focus.id if focus is not None else None
        if message_id is not None:
            stored = self.clickable_message(message_id)
            if stored is not None and not choices_of(stored.message):
                self.say(f"Message #{message_id} has nothing to click.")
                return None
            return stored
        cards = [s for s in self.chat.history(dm_channel(self.member.email)) if s.from_bot and choices_of(s.message)]
        if self.member.reviews:
            cards += [s for s in self.chat.history(MARKETING) if s.from_bot and choices_of(s.message)]
        if cards:
            return max(cards, key=lambda stored: stored.id)
        self.say("Nothing to click: no message with choices yet. To send a number as a message, "
                 "use :say N.")
        return None

    def own_message(self, message_id: int) -> StoredMessage | None:
        """Message #id if it is in the current person's conversation."""
        assert self.member is not None
        stored = self.chat.get(message_id)
        if stored is None or stored.channel != dm_channel(self.member.email):
            self.say(f"There is no message #{message_id} in your conversation (see :inbox).")
            return None
        return stored

    def clickable_message(self, message_id: int) -> StoredMessage | None:
        """Message #id if it is in the current person's conversation or in #marketing."""
        assert self.member is not None
        stored = self.chat.get(message_id)
        if stored is not None and stored.channel == MARKETING:
            return stored
        return self.own_message(message_id)

    def focused_card(self) -> StoredMessage | None:
        """The message a bare number clicks: the latest message with choices shown to you, while
        it still has choices and is yours or in #marketing."""
        if self.focus_id is None or self.member is None:
            return None
        stored = self.chat.get(self.focus_id)
        if stored is None or not choices_of(stored.message):
            return None
        mine = stored.channel in (MARKETING, dm_channel(self.member.email))
        return stored if mine else None

    def hint_waiting_cards(self) -> None:
        """Tell an approver or lead how many #marketing cards still have buttons."""
        if self.member is None or not self.member.reviews:
            return
        waiting = [s.id for s in self.chat.history(MARKETING) if s.from_bot and choices_of(s.message)]
        if waiting:
            numbers = ", ".join(f"#{n}" for n in waiting)
            self.say(f"({len(waiting)} message{'s' if len(waiting) != 1 else ''} to act on in {MARKETING}: "
                     f"{numbers}; see :channel)")

    def show_channel(self) -> None:
        history = self.chat.history(MARKETING)
        if not history:
            self.say(f"No messages in {MARKETING} yet.")
        for stored in history:
            self.show(stored)

    def tick(self) -> None:
        report = run_due(self.services, self.now)
        self.say(f"Tick at {self.now:%Y-%m-%d %H:%M} UTC: {report.summary(skip_zero=True)}")
        self.show_new()

    def next_question_at(self, member: Member) -> datetime | None:
        with self.services.db.transaction() as session:
            person = session.scalars(select(Person).where(Person.email == member.email)).first()
            if person is None or not person.receives_questions:
                return None
            return next_delivery(session, person, self.now)

    def open_question_week(self, member: Member) -> str | None:
        """The week of a question already sent and still open: `:next` must not jump past it
        (that would expire the very question the user is about to answer)."""
        with self.services.db.transaction() as session:
            return session.scalar(select(Prompt.week).join(Person, Prompt.person_id == Person.id).where(
                Person.email == member.email, Prompt.status == PromptStatus.SENT,
                Prompt.expires_at > self.now).limit(1))

    def local_now(self, member: Member) -> str:
        local = self.now.astimezone(ZoneInfo(member.timezone))
        return f"{local:%a %Y-%m-%d %H:%M} {member.timezone}"


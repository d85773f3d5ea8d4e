"""The console's chat platform: the bot's messages live in the `console_messages` table.

Because the 'workspace' is the database, `rounds tick` in one process and `rounds console` in
another see the same conversations. A direct-message channel is "dm:" + the person's email;
the console's platform user id is the email.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from bot.chat import MessageRef, OutgoingMessage
from bot.services import Services
from bot.store import ConsoleClock, ConsoleMessage, Database, Person

DM_PREFIX = "dm:"


def dm_channel(email: str) -> str:
    return DM_PREFIX + email


def email_of_channel(channel: str) -> str | None:
    """The email a DM channel belongs to, None for other channels."""
    return channel[len(DM_PREFIX):] if channel.startswith(DM_PREFIX) else None


@dataclass(frozen=True)
class StoredMessage:
    """One message of the console workspace, from the bot (author None) or from a person."""

    id: int
    channel: str
    ts: str
    key: str
    author: str | None  # a person's email when a human wrote it; None for the bot
    message: OutgoingMessage  # for a human's message only text and thread_ts are meaningful
    created_at: datetime

    @property
    def ref(self) -> MessageRef:
        return MessageRef(self.channel, self.ts)

    @property
    def from_bot(self) -> bool:
        return self.author is None


def _to_stored(row: ConsoleMessage) -> StoredMessage:
    data = json.loads(row.payload)
    author = data.get("author")
    if author is None:
        message = OutgoingMessage.from_json(row.payload)
    else:
        message = OutgoingMessage(text=data["text"], thread_ts=data.get("thread_ts"))
    return StoredMessage(row.id, row.channel, row.ts, row.key, author, message, row.created_at)


class ConsoleChat:
    """`bot.chat.Chat` backed by the database; also records what people type in the console.

    Message ts are "<epoch seconds of the clock>.<row id, 6+ digits>": unique because the row id
    is, and increasing with the row id, even when the console's clock is moved.
    """

    platform = "console"

    def __init__(self, db: Database, clock: Callable[[], datetime]):
        self.db = db
        self.clock = clock

    # --- the Chat protocol ------------------------------------------------------------------

    def open_direct(self, user_id: str) -> str:
        return dm_channel(user_id)

    def send(self, channel: str, message: OutgoingMessage) -> MessageRef:
        return self._insert(channel, message.key, message.to_json())

    def update(self, ref: MessageRef, message: OutgoingMessage) -> None:
        """Rewrite the payload; the row keeps its key so `find_sent` still finds it."""
        with self.db.transaction() as session:
            row = self._row(session, ref)
            if row is None:
                raise LookupError(f"no console message {ref.ts} in {ref.channel}")
            row.payload = message.to_json()

    def find_sent(self, channel: str, key: str, since: datetime) -> MessageRef | None:
        """Find the message tagged `key` in `channel`.

        Outbox keys are unique, so the key alone identifies the message; `since` is not used to
        filter because the console's clock can be moved back and forth between processes.
        """
        if not key:
            return None
        with self.db.transaction() as session:
            row = session.scalars(
                select(ConsoleMessage)
                .where(ConsoleMessage.channel == channel, ConsoleMessage.key == key)
                .order_by(ConsoleMessage.id)
                .limit(1)
            ).first()
            return MessageRef(row.channel, row.ts) if row else None

    def lookup_user_by_email(self, email: str) -> str | None:
        with self.db.transaction() as session:
            person = session.scalars(
                select(Person).where(func.lower(Person.email) == email.strip().lower())
            ).first()
            return person.email if person else None

    # --- console extras -------------------------------------------------------------------------

    def record_incoming(self, author: str, channel: str, text: str,
                        thread_ts: str | None = None) -> MessageRef:
        """Store a message a person typed, so it gets a ts and shows in the history."""
        payload = json.dumps({"author": author, "text": text, "thread_ts": thread_ts},
                             separators=(",", ":"))
        return self._insert(channel, "", payload)

    def edit_incoming(self, ref: MessageRef, text: str) -> StoredMessage:
        """Replace the text of a message a person typed earlier (same ts)."""
        with self.db.transaction() as session:
            row = self._row(session, ref)
            if row is None:
                raise LookupError(f"no console message {ref.ts} in {ref.channel}")
            data = json.loads(row.payload)
            if data.get("author") is None:
                raise ValueError("only a person's own messages can be edited")
            data["text"] = text
            row.payload = json.dumps(data, separators=(",", ":"))
            return _to_stored(row)

    def get(self, message_id: int) -> StoredMessage | None:
        with self.db.transaction() as session:
            row = session.get(ConsoleMessage, message_id)
            return _to_stored(row) if row else None

    def by_ref(self, ref: MessageRef) -> StoredMessage | None:
        with self.db.transaction() as session:
            row = self._row(session, ref)
            return _to_stored(row) if row else None

    def history(self, channel: str) -> list[StoredMessage]:
        with self.db.transaction() as session:
            rows = session.scalars(
                select(ConsoleMessage).where(ConsoleMessage.channel == channel)
                .order_by(ConsoleMessage.id)
            ).all()
            return [_to_stored(row) for row in rows]

    def after(self, last_id: int) -> list[StoredMessage]:
        """Every message stored after row `last_id`, oldest first (what arrived since)."""
        with self.db.transaction() as session:
            rows = session.scalars(
                select(ConsoleMessage).where(ConsoleMessage.id > last_id)
                .order_by(ConsoleMessage.id)
            ).all()
            return [_to_stored(row) for row in rows]

    def save_clock(self, now: datetime) -> None:
        """Remember the console's time with its database, so the next console resumes there."""
        with self.db.transaction() as session:
            row = session.get(ConsoleClock, 1, with_for_update=True)
            if row is None:
                session.add(ConsoleClock(id=1, now=now))
            else:
                row.now = now

    def last_id(self) -> int:
        with self.db.transaction() as session:
            return session.scalar(select(func.max(ConsoleMessage.id))) or 0

    # --- internals ----------------------------------------------------------------------------

    def _insert(self, channel: str, key: str, payload: str) -> MessageRef:
        now = self.clock()
        with self.db.transaction() as session:
            row = ConsoleMessage(channel=channel, ts=f"tmp-{uuid.uuid4().hex[:24]}", key=key,
                                 payload=payload, created_at=now)
            session.add(row)
            session.flush()
            row.ts = f"{int(now.timestamp())}.{row.id:06d}"
            return MessageRef(channel, row.ts)

    @staticmethod
    def _row(session, ref: MessageRef) -> ConsoleMessage | None:
        return session.scalars(
            select(ConsoleMessage).where(ConsoleMessage.channel == ref.channel,
                                         ConsoleMessage.ts == ref.ts)
        ).first()


def make_console_chat(services_or_db: Services | Database,
                      clock: Callable[[], datetime] | None = None) -> ConsoleChat:
    """Build the console chat for `services.chats["console"]`.

    Args:
        services_or_db: the services (their database and clock are used) or a database.
        clock: what "now" is for the messages' timestamps; defaults to the services' clock,
            or the system clock. `rounds tick --now T` should pass a clock returning T.
    """
    if isinstance(services_or_db, Services):
        return ConsoleChat(services_or_db.db, clock or services_or_db.clock)
    from bot.services import system_clock

    return ConsoleChat(services_or_db, clock or system_clock)

"""Outbox rows as feature code writes and reads them: a message queued under a unique key in the
same transaction as the state it reports (a question marked sent, a nudge recorded), and what was
sent where. Kept apart from delivery (`bot.outbox.delivery`) so the many modules that queue a
message depend on these few functions, not on the claim-and-send machinery.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.chat import MessageRef, OutgoingMessage
from bot.store import OutboxMessage, OutboxStatus

UPDATE = "update"  # recipient_kind of a row that edits a sent message (recipient: "channel ts")
POLICY_KEY_PREFIX = "policy:"  # the policy DMs: the only ones sent before a person acknowledges it


def insert_ignoring_duplicates(session: Session, model, values: dict) -> bool:
    """INSERT … ON CONFLICT DO NOTHING; True if a row was inserted (unique keys make it once)."""
    return insert_many_ignoring_duplicates(session, model, [values]) == 1


def insert_many_ignoring_duplicates(session: Session, model, rows: list[dict]) -> int:
    """One multi-row INSERT … ON CONFLICT DO NOTHING; returns how many rows were new.

    A weekly fan-out inserts thousands of rows: one statement per batch, not per row.
    """
    if not rows:
        return 0
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    table = model.__table__
    key_column = table.primary_key.columns.values()[0]
    statement = insert(table).on_conflict_do_nothing().returning(key_column)
    if len(rows) == 1:
        return len(session.execute(statement.values(**rows[0])).all())
    return len(session.execute(statement, rows).all())


def outbox_row(*, key: str, platform: str, recipient: str, message: OutgoingMessage, now: datetime,
               recipient_kind: str = "user") -> dict:
    """The values of one outbox row; the message is tagged with its key for crash recovery
    (an update keeps the key of the message it edits)."""
    tagged = message if recipient_kind == UPDATE else OutgoingMessage(**{**message.__dict__, "key": key})
    return {"key": key, "platform": platform, "recipient_kind": recipient_kind, "recipient": recipient,
            "payload": tagged.to_json(), "status": OutboxStatus.PENDING, "attempts": 0, "not_before": now,
            "created_at": now}


def enqueue(session: Session, *, key: str, platform: str, recipient: str,
            message: OutgoingMessage, now: datetime, recipient_kind: str = "user") -> bool:
    """Queue `message` under `key`; a key already queued is not queued again."""
    row = outbox_row(key=key, platform=platform, recipient=recipient, message=message, now=now,
                     recipient_kind=recipient_kind)
    return insert_ignoring_duplicates(session, OutboxMessage, row)


def enqueue_update(session: Session, *, key: str, platform: str, ref: MessageRef,
                   message: OutgoingMessage, now: datetime) -> bool:
    """Queue an edit of a sent message (e.g. its buttons gone once its question closed), in
    the same transaction as the change it shows; editing twice is harmless."""
    return enqueue(session, key=key, platform=platform, recipient=f"{ref.channel} {ref.ts}",
                   message=message, now=now, recipient_kind=UPDATE)


def sent_message(db, ref: MessageRef) -> OutgoingMessage | None:
    """What the outbox last sent at `ref`, if it sent anything there.

    For platforms where a form takes the place of the message it was opened from (Teams shows
    card inputs in place of the card): once the form is submitted, the message can be shown again.
    """
    with db.transaction() as session:
        payload = session.scalars(
            select(OutboxMessage.payload).where(OutboxMessage.sent_channel == ref.channel,
                                                OutboxMessage.sent_ts == ref.ts)
            .order_by(OutboxMessage.id.desc()).limit(1)).first()
    return OutgoingMessage.from_json(payload) if payload else None


def outbox_counts(db) -> dict[str, int]:
    """Rows per status, for /healthz and `rounds tick` output."""
    with db.transaction() as session:
        rows = session.execute(
            select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
        ).all()
    return {status: count for status, count in rows}

"""The outbox: every message the bot starts on its own is sent exactly once.

A message is written as a row in the same transaction as the state it reports (a question
marked sent, a nudge recorded). Delivery claims rows with a lease (`FOR UPDATE SKIP LOCKED` on
PostgreSQL, `BEGIN IMMEDIATE` on SQLite), so replicas never claim the same row. A row whose
lease ran out without being recorded may have reached the platform before a crash: before
re-sending it, delivery asks the platform whether a message tagged with the row's key already
exists (`Chat.find_sent`). Failures are retried with backoff on later ticks and logged by key;
nothing is silently dropped.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.chat import MessageRef, OutgoingMessage, PermanentSendError
from bot.store import OutboxMessage, OutboxStatus

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=2)
RECOVERY_WINDOW = timedelta(minutes=5)  # how far before the first attempt find_sent looks
MAX_BACKOFF = timedelta(minutes=15)
CLAIM_BATCH = 200


def insert_ignoring_duplicates(session: Session, model, values: dict) -> bool:
    """INSERT … ON CONFLICT DO NOTHING; True if a row was inserted (unique keys make it once)."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    key_column = model.__table__.primary_key.columns.values()[0]
    statement = insert(model).values(**values).on_conflict_do_nothing().returning(key_column)
    return session.execute(statement).first() is not None


def enqueue(session: Session, *, key: str, platform: str, recipient: str,
            message: OutgoingMessage, now: datetime, recipient_kind: str = "user") -> bool:
    """Queue `message` under `key`; a key already queued is not queued again."""
    tagged = OutgoingMessage(**{**message.__dict__, "key": key})
    return insert_ignoring_duplicates(session, OutboxMessage, {
        "key": key, "platform": platform, "recipient_kind": recipient_kind,
        "recipient": recipient, "payload": tagged.to_json(), "status": OutboxStatus.PENDING,
        "attempts": 0, "not_before": now, "created_at": now,
    })


@dataclass(frozen=True)
class Claim:
    id: int
    key: str
    platform: str
    recipient_kind: str
    recipient: str
    payload: str
    attempts: int  # including this one
    first_attempt_at: datetime


@dataclass
class DeliveryReport:
    delivered: int = 0
    recovered: int = 0  # found already sent after a crash, not sent again
    retrying: int = 0
    failed: int = 0


def claim_batch(db, now: datetime, platforms: list[str], limit: int = CLAIM_BATCH) -> list[Claim]:
    """Lease up to `limit` due rows to this worker; other workers skip them."""
    with db.transaction() as session:
        rows = session.scalars(
            select(OutboxMessage)
            .where(
                OutboxMessage.status.in_((OutboxStatus.PENDING, OutboxStatus.SENDING)),
                OutboxMessage.platform.in_(platforms),
                OutboxMessage.not_before <= now,
                or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until <= now),
            )
            .order_by(OutboxMessage.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        ).all()
        claims = []
        for row in rows:
            row.status = OutboxStatus.SENDING
            row.attempts += 1
            row.claimed_until = now + LEASE
            row.first_attempt_at = row.first_attempt_at or now
            claims.append(Claim(row.id, row.key, row.platform, row.recipient_kind, row.recipient,
                                row.payload, row.attempts, row.first_attempt_at))
        return claims


def _send(chat, claim: Claim) -> tuple[MessageRef, bool]:
    """Send one claimed message; returns (where it is, whether it was recovered, not sent)."""
    message = OutgoingMessage.from_json(claim.payload)
    if claim.recipient_kind == "user":
        channel = chat.open_direct(claim.recipient)
    else:
        channel = claim.recipient
    if claim.attempts > 1:
        found = chat.find_sent(channel, claim.key, claim.first_attempt_at - RECOVERY_WINDOW)
        if found is not None:
            return found, True
    return chat.send(channel, message), False


def backoff(attempts: int) -> timedelta:
    return min(timedelta(seconds=30) * (2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def _record(db, claim: Claim, now: datetime, ref: MessageRef | None, error: Exception | None) -> str:
    with db.transaction() as session:
        row = session.get(OutboxMessage, claim.id)
        row.claimed_until = None
        if error is None:
            row.status, row.sent_channel, row.sent_ts, row.sent_at = OutboxStatus.SENT, ref.channel, ref.ts, now
            row.last_error = None
            return "sent"
        row.last_error = f"{type(error).__name__}: {error}"[:500]
        if isinstance(error, PermanentSendError):
            row.status = OutboxStatus.FAILED
            logger.error("outbox %s (%s) failed for good: %s", claim.key, claim.platform, row.last_error)
            return "failed"
        row.status = OutboxStatus.PENDING
        row.not_before = now + backoff(claim.attempts)
        logger.warning("outbox %s (%s) not delivered, attempt %d, retrying after %s: %s",
                       claim.key, claim.platform, claim.attempts, row.not_before.isoformat(),
                       row.last_error)
        return "retrying"


def _deliver_one(services, claim: Claim, now: datetime) -> tuple[str, bool]:
    ref, recovered, error = None, False, None
    try:
        ref, recovered = _send(services.chat(claim.platform), claim)
    except Exception as exc:  # recorded on the row and logged by key; retried unless permanent
        error = exc
        if not isinstance(exc, PermanentSendError):
            logger.debug("send error for outbox %s", claim.key, exc_info=True)
    return _record(services.db, claim, now, ref, error), recovered


def deliver_due(services, now: datetime, max_batches: int | None = None) -> DeliveryReport:
    """Deliver every due outbox row for the platforms this process can reach."""
    report = DeliveryReport()
    platforms = sorted(services.chats)
    if not platforms:
        return report
    workers = max(1, services.config.slack.send_concurrency)
    batches = 0
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="outbox") as pool:
        while max_batches is None or batches < max_batches:
            claims = claim_batch(services.db, now, platforms, limit=max(CLAIM_BATCH, workers * 4))
            if not claims:
                break
            batches += 1
            for outcome, recovered in pool.map(lambda c: _deliver_one(services, c, now), claims):
                if outcome == "sent":
                    report.delivered += 1
                    report.recovered += recovered
                elif outcome == "failed":
                    report.failed += 1
                else:
                    report.retrying += 1
    return report


def outbox_counts(db) -> dict[str, int]:
    """Rows per status, for /healthz and `rounds tick` output."""
    with db.transaction() as session:
        rows = session.execute(
            select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
        ).all()
    return {status: count for status, count in rows}

"""Delivering the outbox: due rows are claimed, sent in a rolling window, and recorded in batches.

Delivery claims rows with a lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL, `BEGIN IMMEDIATE` on
SQLite), so replicas never claim the same row. A row whose lease ran out without being recorded
may have reached the platform before a crash: before re-sending it, delivery asks the platform
whether a message tagged with the row's key already exists (`Chat.find_sent`). Failures are
retried with backoff on later ticks and logged by key; nothing is silently dropped.

Apart from `bot.outbox.rows`, which feature code uses to queue messages: this is the worker side,
tuned for throughput (bench/fanout.py measures it), called only by the scheduler and the console.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import exists, func, literal, or_, select, update

from bot.chat import MessageRef, OutgoingMessage, PermanentSendError
from bot.outbox.rows import POLICY_KEY_PREFIX, UPDATE, insert_many_ignoring_duplicates
from bot.pacing import MAX_IN_FLIGHT, ClaimLead
from bot.store import DirectChannel, OutboxMessage, OutboxStatus, Person
from bot.store.models import UTCDateTime

logger = logging.getLogger(__name__)

# A claim is leased for LEASE and renewed every RENEW while its send is in flight, so the rows
# of a process that died are free again within LEASE (each then costs a Tier 3 lookup), while
# a slow send (429s, timeouts) of a live process is never taken over by another replica.
LEASE = timedelta(seconds=30)
RENEW = timedelta(seconds=10)
RECOVERY_WINDOW = timedelta(minutes=5)  # how far before the first attempt find_sent looks
MAX_BACKOFF = timedelta(minutes=15)
CLAIM_BATCH = 200
RECORD_BATCH = 200
RECORD_SECONDS = 0.1  # sent but unrecorded rows are in doubt after a crash: record them soon
# Retries (each first looks the message up) and edits use Tier 3 methods (~0.8/s): a few at
# a time, beside the window of first sends, or they would hold its places and their leases.
SLOW_IN_FLIGHT = 2
SLOW_PHASE = timedelta(seconds=20)  # how long one delivery keeps at slow rows after first sends
SLOW_LOOK_SECONDS = 1.0  # how often a busy delivery looks for slow rows among its claims
DEFAULT_IN_FLIGHT = 8  # for a chat that does not say (console, webhook, tests)


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
    channel: str | None = None  # the recipient's known direct-message conversation, if any


@dataclass
class DeliveryReport:
    delivered: int = 0
    recovered: int = 0  # found already sent after a crash, not sent again
    retrying: int = 0
    failed: int = 0


def awaiting_policy():
    """Rows to a person who has not acknowledged the social-media policy, other than the policy itself.

    They wait in the outbox (not dropped) and go out on the first tick after "I have read it".
    """
    unacknowledged = exists().where(
        Person.policy_acknowledged_at.is_(None),
        or_(Person.slack_user_id == OutboxMessage.recipient,
            func.lower(Person.email) == func.lower(OutboxMessage.recipient)))
    return (OutboxMessage.recipient_kind == "user") & ~OutboxMessage.key.startswith(POLICY_KEY_PREFIX) \
        & unacknowledged


def claim_batch(db, now: datetime, platforms: list[str], limit: int = CLAIM_BATCH,
                slow: int | None = None, policy_gate: bool = False) -> list[Claim]:
    """Lease up to `limit` due rows to this worker; other workers skip them.

    `slow` caps how many of them may be slow rows: retries (rows attempted before: each first
    asks the platform whether the message already went out) and edits, both at the pace of
    Tier 3 methods. A few at a time keep first sends flowing and few rows leased and idle.
    With `policy_gate` (a `[policy] url` is configured) DMs to people who have not yet
    acknowledged the policy are left waiting.

    One UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING per claim, no ORM
    objects: a fan-out at 200/s claims a few rows some forty times a second, and loading,
    changing and flushing them one by one kept the delivery loop busy for more than half of
    a fan-out (bench/fanout.py --trace), so the window of sends under-filled.
    """
    due = (
        OutboxMessage.status.in_((OutboxStatus.PENDING, OutboxStatus.SENDING)),
        OutboxMessage.platform.in_(platforms),
        OutboxMessage.not_before <= now,
        or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until <= now),
        *((~awaiting_policy(),) if policy_gate else ()),
    )

    def due_ids(*extra, count):
        return (select(OutboxMessage.id).where(*due, *extra).order_by(OutboxMessage.id)
                .limit(count).with_for_update(skip_locked=True))

    is_slow = or_(OutboxMessage.attempts > 0, OutboxMessage.recipient_kind == UPDATE)
    with db.transaction() as session:
        if slow is None:
            chosen = OutboxMessage.id.in_(due_ids(count=limit))
        else:
            slow_ids = session.scalars(due_ids(is_slow, count=slow)).all() if slow > 0 else []
            chosen = OutboxMessage.id.in_(due_ids(~is_slow, count=max(0, limit - len(slow_ids))))
            if slow_ids:
                chosen = or_(OutboxMessage.id.in_(slow_ids), chosen)
        rows = session.execute(
            update(OutboxMessage).where(chosen)
            .values(status=OutboxStatus.SENDING, attempts=OutboxMessage.attempts + 1,
                    claimed_until=now + LEASE,
                    first_attempt_at=func.coalesce(OutboxMessage.first_attempt_at, literal(now, UTCDateTime)))
            .returning(OutboxMessage.id, OutboxMessage.key, OutboxMessage.platform, OutboxMessage.recipient_kind,
                       OutboxMessage.recipient, OutboxMessage.payload, OutboxMessage.attempts,
                       OutboxMessage.first_attempt_at, _known_direct_channel())
            .execution_options(synchronize_session=False)
        ).all()
    return [Claim(*row) for row in sorted(rows, key=lambda row: row.id)]


def _known_direct_channel():
    """The recipient's direct-message conversation already on record, if the row is a DM."""
    return (select(DirectChannel.channel)
            .where(OutboxMessage.recipient_kind == "user", DirectChannel.platform == OutboxMessage.platform,
                   DirectChannel.user_id == OutboxMessage.recipient)
            .scalar_subquery())


def _send(chat, claim: Claim) -> tuple[MessageRef, bool]:
    """Send one claimed message; returns (where it is, whether it was recovered, not sent)."""
    message = OutgoingMessage.from_json(claim.payload)
    if claim.recipient_kind == UPDATE:
        channel, _, ts = claim.recipient.partition(" ")
        chat.update(MessageRef(channel, ts), message)
        return MessageRef(channel, ts), False
    if claim.recipient_kind == "user":
        channel = claim.channel or chat.open_direct(claim.recipient)
    else:
        channel = claim.recipient
    if claim.attempts > 1:
        found = chat.find_sent(channel, claim.key, claim.first_attempt_at - RECOVERY_WINDOW)
        if found is not None:
            return found, True
    return chat.send(channel, message), False


def backoff(attempts: int) -> timedelta:
    return min(timedelta(seconds=30) * (2 ** max(attempts - 1, 0)), MAX_BACKOFF)


@dataclass(frozen=True)
class Attempt:
    claim: Claim
    ref: MessageRef | None
    recovered: bool
    error: Exception | None


def _attempt(services, claim: Claim) -> Attempt:
    """Send one claimed message from a worker thread; the outcome is recorded by the caller."""
    try:
        ref, recovered = _send(services.chat(claim.platform), claim)
        return Attempt(claim, ref, recovered, None)
    except Exception as error:  # recorded on the row and logged by key; retried unless permanent
        if not isinstance(error, PermanentSendError):
            logger.debug("send error for outbox %s", claim.key, exc_info=True)
        return Attempt(claim, None, False, error)


REWRITABLE = ("card:",)  # keys whose payload may change while queued (an approval card: see cards.current_card)


def record_attempts(db, attempts: list[Attempt], now: datetime,
                    report: DeliveryReport) -> list[tuple[str, MessageRef, OutgoingMessage]]:
    """Record a batch of outcomes in one transaction (one per message would cap throughput).

    Returns the sent messages whose payload was replaced while they were in flight (a card whose
    answer changed): (platform, where it is, what it must show now), for the caller to update.
    """
    rows = []
    for attempt in attempts:
        claim, error = attempt.claim, attempt.error
        values = {"id": claim.id, "claimed_until": None}
        if error is None:
            values.update(status=OutboxStatus.SENT, sent_channel=attempt.ref.channel, sent_ts=attempt.ref.ts,
                          sent_at=now, last_error=None)
            report.delivered += 1
            report.recovered += attempt.recovered
        elif isinstance(error, PermanentSendError):
            values.update(status=OutboxStatus.FAILED, last_error=f"{type(error).__name__}: {error}"[:500])
            logger.error("outbox %s (%s) failed for good: %s", claim.key, claim.platform, values["last_error"])
            report.failed += 1
        else:
            retry_at = now + backoff(claim.attempts)
            values.update(status=OutboxStatus.PENDING, not_before=retry_at,
                          last_error=f"{type(error).__name__}: {error}"[:500])
            logger.warning("outbox %s (%s) not delivered, attempt %d, retrying after %s: %s", claim.key,
                           claim.platform, claim.attempts, retry_at.isoformat(), values["last_error"])
            report.retrying += 1
        rows.append(values)
    opened = {(a.claim.platform, a.claim.recipient): a.ref.channel for a in attempts
              if a.error is None and a.claim.recipient_kind == "user" and a.claim.channel is None}
    sent = {a.claim.id: a for a in attempts if a.error is None and a.claim.key.startswith(REWRITABLE)}
    stale = []
    with db.transaction() as session:
        if sent:  # locked, so a rewrite either came before this (seen here) or sees sent_ts after
            current = session.execute(select(OutboxMessage.id, OutboxMessage.payload)
                                      .where(OutboxMessage.id.in_(sent)).with_for_update()).all()
            stale = [(sent[row_id].claim.platform, sent[row_id].ref, OutgoingMessage.from_json(payload))
                     for row_id, payload in current if payload != sent[row_id].claim.payload]
        session.execute(update(OutboxMessage), rows)
        insert_many_ignoring_duplicates(session, DirectChannel, [
            {"platform": platform, "user_id": user, "channel": channel, "created_at": now}
            for (platform, user), channel in opened.items()])
    return stale


def _bring_up_to_date(services, stale: list[tuple[str, MessageRef, OutgoingMessage]]) -> None:
    """Update messages that changed while being sent; a failure leaves the older snapshot, whose
    buttons are refused as outdated (and refresh the card when clicked)."""
    for platform, ref, message in stale:
        try:
            services.chat(platform).update(ref, message)
        except Exception as error:  # logged by key type only; the decision guard still holds
            logger.warning("could not bring %s message %s up to date (%s)", platform, ref.ts, type(error).__name__)


def renew_leases(db, ids: list[int], now: datetime) -> None:
    """Extend the leases of sends still in flight (see LEASE)."""
    with db.transaction() as session:
        session.execute(update(OutboxMessage).where(OutboxMessage.id.in_(ids),
                                                    OutboxMessage.status == OutboxStatus.SENDING)
                        .values(claimed_until=now + LEASE))


def sends_in_flight(services, platforms: list[str]) -> int:
    """How many sends to keep in flight: what each platform's chat asks for (its rate times
    the latency it observes, see bot/pacing.py), or a few for chats without a rate limit."""
    return sum(getattr(services.chat(p), "sends_in_flight", lambda: DEFAULT_IN_FLIGHT)()
               for p in platforms)


def deliver_due(services, now: datetime, max_batches: int | None = None,
                more_coming: Callable[[], bool] | None = None) -> DeliveryReport:
    """Deliver every due outbox row for the platforms this process can reach.

    A rolling window: rows are claimed just in time, exactly as many as there are free places
    in the window (which follows the platform's rate and latency), so one slow send (a 429
    waiting out Retry-After) never holds up the others, and few rows are leased but not yet
    sent if the process dies (each such row costs a slow lookup after a restart). Retries
    and edits go through a small window of their own (`SLOW_IN_FLIGHT`). Outcomes are recorded in
    batches. `now` advances with the real time spent here, so leases stay valid however long
    a large fan-out takes.
    """
    report = DeliveryReport()
    platforms = sorted(services.chats)
    if not platforms:
        return report
    started = time.monotonic()

    def current() -> datetime:
        return now + timedelta(seconds=time.monotonic() - started)

    batches, exhausted, in_flight, finished = 0, False, {}, []
    last_record = last_renew = time.monotonic()
    lead, last_slow_look = ClaimLead(), float("-inf")
    with ThreadPoolExecutor(max_workers=2 * MAX_IN_FLIGHT * len(platforms) + SLOW_IN_FLIGHT,
                            thread_name_prefix="outbox") as pool:
        while True:
            window = sends_in_flight(services, platforms)
            slow = sum(1 for claim in in_flight.values() if claim.attempts > 1 or claim.recipient_kind == UPDATE)
            free = window + lead.rows(window) + SLOW_IN_FLIGHT - len(in_flight)
            if not exhausted and free >= max(1, window // 8):
                slow_budget = SLOW_IN_FLIGHT - slow
                # Asked before claiming: the scheduler commits every row before it stops queueing,
                # so once it has stopped, this claim sees them all. Asked after, a row committed
                # between the claim and the question would wait for the next tick.
                coming = more_coming is not None and more_coming()
                claiming = time.monotonic()
                # Slow rows are few and go at Tier 3's pace: looked for once a second, or as soon
                # as there is nothing else to send, not on every one of a fan-out's claims.
                look = slow_budget > 0 and claiming - last_slow_look >= SLOW_LOOK_SECONDS
                claims = claim_batch(services.db, current(), platforms, limit=free,
                                     slow=slow_budget if look else 0, policy_gate=bool(services.config.policy.url))
                if not claims and slow_budget > 0 and not look:
                    look = True
                    claims = claim_batch(services.db, current(), platforms, limit=free,
                                         slow=slow_budget, policy_gate=bool(services.config.policy.url))
                if look:
                    last_slow_look = claiming
                lead.claimed(time.monotonic() - claiming)
                batches += 1
                # Slow rows may be waiting behind the full slow window: keep at them for a while,
                # then leave the rest to the next tick so the ticker is never held for long.
                more_slow = slow_budget == 0 and time.monotonic() - started < SLOW_PHASE.total_seconds()
                exhausted = (not claims and not more_slow) or (max_batches is not None and batches >= max_batches)
                if exhausted and coming:
                    exhausted = False  # the scheduler is still queueing: look again shortly
                    if not in_flight:
                        time.sleep(0.05)
                        continue
                in_flight.update((pool.submit(_attempt, services, claim), claim) for claim in claims)
            if not in_flight:
                break
            if time.monotonic() - last_renew > RENEW.total_seconds():
                renew_leases(services.db, [claim.id for claim in in_flight.values()], current())
                last_renew = time.monotonic()
            done, _ = wait(in_flight, timeout=0.25, return_when=FIRST_COMPLETED)
            for future in done:
                del in_flight[future]
                finished.append(future.result())
            lead.completed(len(done))
            if finished and (len(finished) >= RECORD_BATCH or not in_flight
                             or time.monotonic() - last_record > RECORD_SECONDS):
                _bring_up_to_date(services, record_attempts(services.db, finished, current(), report))
                finished, last_record = [], time.monotonic()
    if finished:
        _bring_up_to_date(services, record_attempts(services.db, finished, current(), report))
    return report

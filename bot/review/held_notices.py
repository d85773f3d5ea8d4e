"""Where each held notice (the physician's private "I held your answer" reply) was posted, so that
when the hold ends another way than its "It's fine" button, the notice loses the button.

A held notice is sent at once by the adapter as the reply to the physician's message, not by the
outbox. The core writes an outbox row for it in the same transaction as the hold (key
`held:{answer_id}:{version}`, status `REPLIED`, never claimed by delivery) and the adapter reports
where it posted the reply (`record_place`). Whatever ends the hold (a new version of the answer,
an override, the question closing, the retention purge) calls `retire` in its own transaction:
every earlier notice of the answer is updated without buttons and with one line saying why, at
once by the adapter when the physician's own message ended the hold, else through the outbox.
A notice retired before its place was recorded is updated as soon as it is.

The rows never hold the notice's text: the flagged excerpts may identify a patient, so they
stay in the physician's DM only, and the update replaces them with a neutral sentence.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import select

from bot.chat import MessageRef, OutgoingMessage
from bot.outbox import enqueue_update, insert_ignoring_duplicates
from bot.store import Answer, AnswerStatus, OutboxMessage, OutboxStatus

logger = logging.getLogger(__name__)

PREFIX = "held:"
REPLY = "reply"  # the row's recipient_kind: posted by the adapter, not by delivery
NEW_VERSION = "You sent a new version; this one is no longer used."
OVERRIDDEN = "You said it's fine, so your answer went on with your reason."
CLOSED = "This question has closed, so this answer will not be used."
PURGED = "This answer was deleted under the practice's retention policy."
RETIRED_TEXT = "I held an answer of yours here because it might identify a patient."
HOLDING = (AnswerStatus.HELD, AnswerStatus.AWAITING_REASON)  # the latter: rows from before the It's fine form


def notice_key(answer: Answer) -> str:
    return f"{PREFIX}{answer.id}:{answer.version}"


def _version(key: str) -> int:
    return int(key.rsplit(":", 1)[1])


def record_notice(session, *, platform: str, user_id: str, answer: Answer, now: datetime) -> str:
    """Note, with the hold, that a held notice for this version is being sent; returns its key."""
    key = notice_key(answer)
    insert_ignoring_duplicates(session, OutboxMessage, {
        "key": key, "platform": platform, "recipient_kind": REPLY, "recipient": user_id[:500],
        "payload": OutgoingMessage(text="", key=key).to_json(), "status": OutboxStatus.REPLIED,
        "attempts": 0, "not_before": now, "created_at": now})
    return key


def record_place(session, key: str, ref: MessageRef, now: datetime) -> None:
    """The adapter posted the notice `key` at `ref`; if it was retired meanwhile, update it now."""
    row = session.scalars(select(OutboxMessage).where(OutboxMessage.key == key,
                                                      OutboxMessage.recipient_kind == REPLY)
                          .with_for_update()).first()
    if row is None or row.sent_ts is not None:
        return
    row.sent_channel, row.sent_ts, row.sent_at = ref.channel, ref.ts, now
    if row.status == OutboxStatus.SUPERSEDED:
        _queue_update(session, row, OutgoingMessage.from_json(row.payload), now)


def retired_message(key: str, line: str) -> OutgoingMessage:
    return OutgoingMessage(text=f"{RETIRED_TEXT}\n\n{line}", key=key)


def retire(session, answer_id: int, line: str, now: datetime, *, before_version: int | None = None,
           here: str | None = None) -> list[tuple[MessageRef, OutgoingMessage]]:
    """End the answer's live held notices (those of versions before `before_version`, or all).

    Each is to lose its button and say `line`: notices on platform `here` (the one the caller is
    answering on) are returned for the adapter to update at once, like `Outcome.updates`; the
    others are queued in the outbox in this transaction.
    """
    rows = session.scalars(select(OutboxMessage).where(
        OutboxMessage.key.like(f"{PREFIX}{answer_id}:%"), OutboxMessage.recipient_kind == REPLY,
        OutboxMessage.status == OutboxStatus.REPLIED).with_for_update()).all()
    now_updates = []
    for row in rows:
        if before_version is not None and _version(row.key) >= before_version:
            continue
        message = retired_message(row.key, line)
        row.status, row.payload = OutboxStatus.SUPERSEDED, message.to_json()
        if row.sent_ts is None:
            continue  # `record_place` queues the update once the adapter says where it is
        if row.platform == here:
            now_updates.append((MessageRef(row.sent_channel, row.sent_ts), message))
        else:
            _queue_update(session, row, message, now)
    return now_updates


def _queue_update(session, row: OutboxMessage, message: OutgoingMessage, now: datetime) -> None:
    enqueue_update(session, key=f"held-retired:{row.key[len(PREFIX):]}", platform=row.platform,
                   ref=MessageRef(row.sent_channel, row.sent_ts), message=message, now=now)


def retire_closed(db, late: timedelta, now: datetime) -> int:
    """A tick's sweep: live notices whose question no longer takes answers (its week ended more
    than `late` ago), or whose answer is no longer held at that version, are retired."""
    with db.transaction() as session:
        rows = session.execute(select(OutboxMessage.key).where(
            OutboxMessage.status == OutboxStatus.REPLIED, OutboxMessage.recipient_kind == REPLY,
            OutboxMessage.key.like(f"{PREFIX}%"))).scalars().all()
        notices: dict[int, list[int]] = {}
        for key in rows:
            answer_id, version = key[len(PREFIX):].split(":")
            notices.setdefault(int(answer_id), []).append(int(version))
        retired = 0
        for answer_id, versions in notices.items():
            answer = session.get(Answer, answer_id)
            if answer is None or answer.prompt.expires_at + late <= now:
                retire(session, answer_id, CLOSED, now)
            elif min(versions) < answer.version:
                retire(session, answer_id, NEW_VERSION, now, before_version=answer.version)
            elif answer.status not in HOLDING:
                retire(session, answer_id, OVERRIDDEN, now)
            else:
                continue
            retired += 1
    if retired:
        logger.info("held notices of %s answers retired", retired)
    return retired

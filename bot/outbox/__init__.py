"""The outbox: every message the bot starts on its own is sent exactly once.

A message is written as a row in the same transaction as the state it reports (a question
marked sent, a nudge recorded): `rows`. Delivery claims due rows with a lease, so replicas never
claim the same row, asks the platform before re-sending a row that may have gone out before a
crash, and retries failures with backoff, logged by key; nothing is silently dropped: `delivery`.
"""

from bot.outbox.delivery import LEASE, DeliveryReport, awaiting_policy, claim_batch, deliver_due
from bot.outbox.rows import (
    POLICY_KEY_PREFIX,
    enqueue,
    enqueue_update,
    insert_ignoring_duplicates,
    insert_many_ignoring_duplicates,
    outbox_counts,
    outbox_row,
    sent_message,
)

__all__ = [
    "LEASE",
    "POLICY_KEY_PREFIX",
    "DeliveryReport",
    "awaiting_policy",
    "claim_batch",
    "deliver_due",
    "enqueue",
    "enqueue_update",
    "insert_ignoring_duplicates",
    "insert_many_ignoring_duplicates",
    "outbox_counts",
    "outbox_row",
    "sent_message",
]

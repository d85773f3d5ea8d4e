"""`run_due(now)`: everything due at one instant, once. `rounds serve` ticks it; `rounds tick` calls it.

The database holds what is due and what was sent, so a tick can run at any instant, any number
of times, in any number of processes: missed ticks are caught up, nothing is sent twice.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, fields
from datetime import datetime

from bot.inbox.schedule import run_inbox
from bot.metrics.digest import send_weekly_digest
from bot.outbox import deliver_due
from bot.policy import send_policy_requests
from bot.review.calendar import send_planning_message
from bot.review.held_notices import retire_closed
from bot.review.reminders import run_reviews
from bot.weekly.prompts import (
    PromptReport,
    expire_prompts,
    lapse_prompts,
    late_answers,
    schedule_week,
    send_due_nudges,
    send_due_questions,
)

logger = logging.getLogger(__name__)


@dataclass
class TickReport:
    scheduled: int = 0
    questions_sent: int = 0
    nudges_sent: int = 0
    expired: int = 0
    cancelled: int = 0
    delivered: int = 0
    recovered: int = 0
    retrying: int = 0
    failed: int = 0
    cards_posted: int = 0
    reminders: int = 0
    escalations: int = 0
    planning_messages: int = 0
    digests: int = 0
    policy_requests: int = 0
    inbox_reminders: int = 0
    inbox_escalations: int = 0

    def summary(self, skip_zero: bool = False) -> str:
        """One line, e.g. "scheduled 3, questions sent 3, …"; `skip_zero` leaves out the zeros."""
        parts = [f"{f.name.replace('_', ' ')} {getattr(self, f.name)}" for f in fields(self)
                 if getattr(self, f.name) or not skip_zero]
        return ", ".join(parts) or "nothing was due"


def run_due(services, now: datetime) -> TickReport:
    """Schedule, send, nudge, expire, then deliver the outbox, all as of `now` (aware UTC)."""
    if now.tzinfo is None:
        raise ValueError("run_due needs an aware datetime")
    prompts = PromptReport()
    queueing = threading.Event()
    queueing.set()
    outcome: dict = {}

    def deliver() -> None:
        try:
            outcome["report"] = deliver_due(services, now, more_coming=queueing.is_set)
        except BaseException as error:  # re-raised in the ticking thread below
            outcome["error"] = error

    # Delivery starts at once and keeps going while the steps below queue messages, so a large
    # weekly fan-out starts sending with its first batch instead of after the last.
    deliverer = threading.Thread(target=deliver, name="deliver", daemon=True)
    deliverer.start()
    try:
        expire_prompts(services, now, prompts)
        lapse_prompts(services, now)  # expired questions whose late window ended say so
        # Held notices of answers whose question no longer takes replies lose their button.
        retire_closed(services.db, late_answers(services), now)
        # Questions already scheduled go first, so at 09:00 the fan-out starts sending at once
        # rather than after the whole roster's week has been checked; rows that scheduling
        # creates already due (a first tick, a catch-up) are queued batch by batch.
        send_due_questions(services, now, prompts)
        schedule_week(services, now, prompts,
                      after_batch=lambda: send_due_questions(services, now, prompts))
        send_due_nudges(services, now, prompts)
        reviews = run_reviews(services, now)
        planning = send_planning_message(services, now)
        digests = send_weekly_digest(services, now)  # right after the planning message
        inbox = run_inbox(services, now)
        # Last: anyone with a DM now waiting who has not read the policy gets it first.
        policy_requests = send_policy_requests(services, now)
    finally:
        queueing.clear()
        deliverer.join()
    if "error" in outcome:
        raise outcome["error"]
    delivery = outcome["report"]
    report = TickReport(**prompts.__dict__, **delivery.__dict__, **reviews.__dict__, **inbox.__dict__,
                        planning_messages=planning, digests=digests, policy_requests=policy_requests)
    logger.info("tick at %s: %s", now.isoformat(), report.summary())
    return report

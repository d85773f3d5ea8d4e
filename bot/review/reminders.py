"""Scheduled review steps in `run_due`: post settled answers as cards, remind once, escalate once.

An escalation goes only to people who can decide, never to the answer's author (nobody approves
their own answer): the leads; when the only lead wrote the answer (or there is no lead), the
other approvers, by roster role or by user id in `[approvals] approvers`. A lead whose own answer
waits is told who was asked, or, when nobody else can approve it, that another approver or lead
must be added: the one person it helps.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from bot import audit
from bot.chat import OutgoingMessage
from bot.outbox import enqueue
from bot.people import address
from bot.review.approvals import APPROVER_ROLES, approvers_by_id_only
from bot.review.calendar import marketing_recipient
from bot.review.cards import card_key, card_message, card_ref
from bot.store import Answer, AnswerStatus, Person, ReviewStatus

logger = logging.getLogger(__name__)
BATCH = 200


@dataclass
class ReviewReport:
    cards_posted: int = 0
    reminders: int = 0
    escalations: int = 0


def _claim(session, *conditions):
    return session.scalars(select(Answer).where(*conditions).order_by(Answer.id).limit(BATCH)
                           .with_for_update(skip_locked=True)).all()


def post_ready_cards(services, now: datetime, report: ReviewReport) -> None:
    """Answers screened ready and unchanged for `settle_minutes` become one card each."""
    recipient = marketing_recipient(services)
    if not recipient:
        return
    settled = now - timedelta(minutes=services.config.approvals.settle_minutes)
    with services.db.transaction() as session:
        for answer in _claim(session, Answer.status == AnswerStatus.READY, Answer.review_status.is_(None),
                             Answer.updated_at <= settled):
            answer.review_status, answer.submitted_at = ReviewStatus.PENDING, now
            answer.review_round += 1
            answer.reminded_at = answer.escalated_at = answer.decided_at = None
            answer.decided_by = answer.decision_note = None
            session.flush()
            enqueue(session, key=card_key(answer), platform=services.platform, recipient=recipient,
                    recipient_kind="channel", message=card_message(services, session, answer), now=now)
            audit.record(session, subject="answer", subject_id=answer.id, action="submitted", now=now,
                         round=answer.review_round)
            report.cards_posted += 1


def _waited(services, now: datetime, hours: float):
    """Keep answers whose card has waited `hours` working hours (weekends and holidays do not count).

    The query's bound uses elapsed hours, which are never fewer than working hours, so it only
    narrows; the working-hours check is exact.
    """
    calendar = services.config.practice.calendar
    return lambda answer: calendar.working_hours_between(answer.submitted_at, now) >= hours


def remind_and_escalate(services, now: datetime, report: ReviewReport) -> None:
    approvals = services.config.approvals
    remind_before = now - timedelta(hours=approvals.remind_after_hours)
    escalate_before = now - timedelta(hours=approvals.escalate_after_hours)
    reminded_enough = _waited(services, now, approvals.remind_after_hours)
    escalated_enough = _waited(services, now, approvals.escalate_after_hours)
    calendar = services.config.practice.calendar
    with services.db.transaction() as session:
        for answer in filter(reminded_enough, _claim(session, Answer.review_status == ReviewStatus.PENDING,
                                                      Answer.reminded_at.is_(None),
                                                      Answer.submitted_at <= remind_before)):
            card = card_ref(session, answer)
            if card is None:
                continue  # the card itself is not delivered yet
            text = services.templates.render("messages/review_reminder.txt.j2",
                                             hours=round(calendar.working_hours_between(answer.submitted_at, now)))
            enqueue(session, key=f"remind:{answer.id}:{answer.review_round}", platform=services.platform,
                    recipient=card.channel, recipient_kind="channel", now=now,
                    message=OutgoingMessage(text=text, thread_ts=card.ts))
            answer.reminded_at = now
            report.reminders += 1
        people = session.scalars(select(Person).where(Person.active.is_(True)).order_by(Person.name)).all()
        by_id: list[str] | None = None  # looked up once, when something is escalated
        for answer in filter(escalated_enough, _claim(session, Answer.review_status == ReviewStatus.PENDING,
                                                       Answer.escalated_at.is_(None),
                                                       Answer.submitted_at <= escalate_before)):
            by_id = approvers_by_id_only(services, session) if by_id is None else by_id
            _escalate(services, session, answer, people, by_id, now)
            report.escalations += 1


def deciders(people: list[Person], author: Person, approver_ids: frozenset[str] = frozenset(),
             address_of: Callable[[Person], str | None] = lambda person: None) -> tuple[str, list[Person]]:
    """Who an escalation asks to decide: ("lead", the leads) or, when no lead but the author can,
    ("approver", the other approvers: by role, or by their user id in `approver_ids`); never the author."""
    others = [p for p in people if p.id != author.id]
    leads = [p for p in others if "lead" in p.role_set]
    if leads:
        return "lead", leads
    return "approver", [p for p in others if p.role_set & APPROVER_ROLES or address_of(p) in approver_ids]


def _escalate(services, session, answer: Answer, people: list[Person], by_id: list[str], now: datetime) -> None:
    """Ask who can decide (`deciders`; approvers known only by a configured id when approvers are asked)."""
    author = answer.prompt.person
    hours = round(services.config.practice.calendar.working_hours_between(answer.submitted_at, now))
    # Only people Rounds can reach count: a lead with no chat id must not keep the approvers out.
    role, asked = deciders([p for p in people if address(services, p)], author,
                           frozenset(services.config.approvals.approvers), lambda p: address(services, p))
    asked_by_id = by_id if role == "approver" else []
    template = "review_escalation.txt.j2" if role == "lead" else "review_escalation_approver.txt.j2"
    text = services.templates.render(f"messages/{template}", physician=author.name, hours=hours,
                                     author_is_lead="lead" in author.role_set)
    for person in asked:
        enqueue(session, key=f"escalate:{answer.id}:{answer.review_round}:{person.id}", platform=services.platform,
                recipient=address(services, person), message=OutgoingMessage(text=text), now=now)
    for user_id in asked_by_id:
        enqueue(session, key=f"escalate:{answer.id}:{answer.review_round}:id:{user_id}", platform=services.platform,
                recipient=user_id, message=OutgoingMessage(text=text), now=now)
    author_told = False
    if "lead" in author.role_set and author.active:  # escalations come to them: say where this one went
        recipient = address(services, author)
        if recipient:
            own = services.templates.render("messages/review_escalation_own.txt.j2", hours=hours,
                                            asked=[p.name for p in asked] + [f"<{i}>" for i in asked_by_id])
            enqueue(session, key=f"escalate:{answer.id}:{answer.review_round}:{author.id}",
                    platform=services.platform, recipient=recipient, message=OutgoingMessage(text=own), now=now)
            author_told = True
    if not asked and not asked_by_id:
        logger.warning("answer %s waits for approval but nobody who can decide could be told "
                       "(no approver or lead on the roster but its author)", answer.id)
    answer.escalated_at = now
    audit.record(session, subject="answer", subject_id=answer.id, action="escalated", now=now,
                 told=[p.id for p in asked], told_ids=asked_by_id, told_as=role, author_told=author_told,
                 leads=[p.id for p in asked if role == "lead"])


def run_reviews(services, now: datetime) -> ReviewReport:
    report = ReviewReport()
    post_ready_cards(services, now, report)
    remind_and_escalate(services, now, report)
    return report

"""The inbox loop's part of `run_due`: create the day's duties, send due reminders, escalate once.

The database is the schedule. A tick anywhere between `reminder_time` and `deadline` on a
working day creates the day's row and one duty row per person on duty (unique per person and
day, so racing ticks and replicas insert each once), then claims due duties with
`FOR UPDATE SKIP LOCKED` and queues their reminders in the outbox in the same transaction.
A tick that comes late (the process was down) catches up the same day, but never at or after
the deadline and never on a later day: a reminder to do this morning's work at 3 pm, or
tomorrow, would only be noise. At the deadline a day nobody finished is escalated once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from bot.chat import OutgoingMessage
from bot.inbox.duty import DayTimes, day_times, is_available, on_duty, people_with_role, previous_working_day
from bot.inbox.messages import clock, day_label, reminder_message, render, status_line
from bot.outbox import enqueue, insert_ignoring_duplicates, insert_many_ignoring_duplicates
from bot.people import address
from bot.review.calendar import marketing_recipient
from bot.store import InboxDay, InboxDuty

logger = logging.getLogger(__name__)
BATCH = 200


@dataclass
class InboxReport:
    inbox_reminders: int = 0
    inbox_escalations: int = 0


def run_inbox(services, now: datetime) -> InboxReport:
    """Everything the inbox loop has due at `now` (aware UTC); does nothing while it is off."""
    report = InboxReport()
    config = services.config
    if not config.inbox.enabled:
        return report
    calendar = config.practice.calendar
    today = calendar.local_date(now)
    if not calendar.is_working_day(today):
        return report
    times = day_times(config, today)
    if times.reminder_at <= now < times.deadline_at:
        create_duties(services, times, now)
        send_due_reminders(services, times, now, report)
    elif now >= times.deadline_at:
        escalate(services, times, now, report)
    return report


def create_duties(services, times: DayTimes, now: datetime) -> None:
    """The day's row and its duty rows, once; people added to the roster later join the same day."""
    with services.db.transaction() as session:
        insert_ignoring_duplicates(session, InboxDay, {
            "day": times.day, "rotation": services.config.inbox.rotation, "created_at": now})
        record = session.scalars(select(InboxDay).where(InboxDay.day == times.day)).one()
        if record.done_at is not None:
            return  # finished already: nobody new needs reminding
        people = on_duty(session, services.config, times.day)
        if services.config.inbox.rotation == "weekly":
            existing = session.scalars(select(InboxDuty.id).where(InboxDuty.day == times.day)).first()
            if existing is not None:
                return  # the week's person was fixed when the day began; a later swap starts tomorrow
        insert_many_ignoring_duplicates(session, InboxDuty, [
            {"day_id": record.id, "day": times.day, "person_id": person.id, "next_send_at": times.reminder_at,
             "sends": 0, "help_requests": 0, "created_at": now} for person in people])
        if not people:
            logger.warning("inbox check on %s: no staff member is available for duty", times.day)


def send_due_reminders(services, times: DayTimes, now: datetime, report: InboxReport) -> None:
    """Queue each due reminder once; a person paused or removed since then is skipped."""
    with services.db.transaction() as session:
        duties = session.scalars(
            select(InboxDuty)
            .where(InboxDuty.day == times.day, InboxDuty.next_send_at.is_not(None), InboxDuty.next_send_at <= now)
            .order_by(InboxDuty.id).limit(BATCH).with_for_update(skip_locked=True)
        ).all()
        if not duties:
            return
        record = duties[0].inbox_day
        last_day = previous_working_day(services.config.practice.calendar, times.day)
        last = session.scalars(select(InboxDay).where(InboxDay.day == last_day)).first() if last_day else None
        yesterday = status_line(services, last_day, last)
        for duty in duties:
            duty.next_send_at = None
            recipient = address(services, duty.person)
            if record.done_at is not None or not is_available(duty.person, times.day) or not recipient:
                if not recipient and record.done_at is None:
                    logger.warning("inbox duty %s: person %s has no %s address", duty.id, duty.person_id,
                                   services.platform)
                continue
            duty.sends += 1
            duty.reminded_at = duty.reminded_at or now
            message = reminder_message(services, duty, times.deadline_at, yesterday, snoozed=duty.sends > 1)
            enqueue(session, key=reminder_key(duty.day, duty.person_id, duty.sends), platform=services.platform,
                    recipient=recipient, message=message, now=now)
            report.inbox_reminders += 1


def reminder_key(day: date, person_id: int, send: int) -> str:
    return f"inbox:remind:{day.isoformat()}:{person_id}:{send}"


def reminder_key_prefix(day: date) -> str:
    return f"inbox:remind:{day.isoformat()}:"


def escalate(services, times: DayTimes, now: datetime, report: InboxReport) -> None:
    """Tell each lead once (and the marketing channel if configured) that nobody tapped Done today."""
    with services.db.transaction() as session:
        record = session.scalars(
            select(InboxDay).where(InboxDay.day == times.day, InboxDay.done_at.is_(None),
                                   InboxDay.escalated_at.is_(None))
            .with_for_update(skip_locked=True)
        ).first()
        if record is None:
            return
        record.escalated_at = now
        duties = session.scalars(select(InboxDuty).where(InboxDuty.day_id == record.id)
                                 .order_by(InboxDuty.id)).all()
        tz = services.config.practice.calendar.zone
        text = render(services, "escalation", day=day_label(times.day), deadline=clock(times.deadline_at, tz),
                      on_duty=[duty.person.name for duty in duties],
                      reminded=[duty.person.name for duty in duties if duty.reminded_at is not None])
        leads = [lead for lead in people_with_role(session, "lead") if is_available(lead, times.day)]
        for lead in leads:
            recipient = address(services, lead)
            if recipient:
                enqueue(session, key=f"inbox:escalate:{times.day.isoformat()}:{lead.id}",
                        platform=services.platform, recipient=recipient, message=OutgoingMessage(text=text), now=now)
        if not leads:
            logger.warning("inbox check on %s was not done but the roster has no lead to tell", times.day)
        channel = marketing_recipient(services) if services.config.inbox.escalate_to_channel else ""
        if channel:
            enqueue(session, key=f"inbox:escalate:{times.day.isoformat()}:channel", platform=services.platform,
                    recipient=channel, recipient_kind="channel", message=OutgoingMessage(text=text), now=now)
        report.inbox_escalations += 1

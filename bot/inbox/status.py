"""One day's inbox check as a record: for `rounds inbox status` and the weekly digest (a later issue).

Completion is kept per person and per day in `inbox_duties` (reminded, snoozed, asked for
help, tapped Done) and per day in `inbox_days` (done by whom, when, escalated), so a digest can
say "done 4 of 5 days, by Sam 3 times" without reading any message content.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from bot.inbox.duty import on_duty
from bot.store import InboxDay, InboxDuty


@dataclass(frozen=True)
class DutyStatus:
    person: str
    email: str
    reminded_at: datetime | None
    snoozed_at: datetime | None
    help_requests: int
    done_at: datetime | None


@dataclass(frozen=True)
class DayStatus:
    day: date
    working_day: bool
    recorded: bool  # a check was scheduled (the day's row exists)
    duties: tuple[DutyStatus, ...]
    expected: tuple[str, ...]  # who would be on duty, for a day not yet begun
    done_by: str | None
    done_at: datetime | None
    done_count: int | None
    done_note: str | None
    escalated_at: datetime | None


def day_status(session, config, day: date) -> DayStatus:
    calendar = config.practice.calendar
    record = session.scalars(select(InboxDay).where(InboxDay.day == day)).first()
    duties = () if record is None else tuple(
        DutyStatus(d.person.name, d.person.email, d.reminded_at, d.snoozed_at, d.help_requests, d.done_at)
        for d in session.scalars(select(InboxDuty).where(InboxDuty.day_id == record.id).order_by(InboxDuty.id)))
    expected = ()
    if record is None and calendar.is_working_day(day) and config.inbox.enabled:
        expected = tuple(person.name for person in on_duty(session, config, day))
    return DayStatus(
        day=day, working_day=calendar.is_working_day(day), recorded=record is not None, duties=duties,
        expected=expected,
        done_by=record.done_by.name if record is not None and record.done_by is not None else None,
        done_at=record.done_at if record else None, done_count=record.done_count if record else None,
        done_note=record.done_note if record else None, escalated_at=record.escalated_at if record else None)


def completion(session, first: date, last: date) -> list[tuple[date, str, bool, bool]]:
    """(day, person email, reminded, tapped Done) per duty between two days, for the digest."""
    rows = session.scalars(select(InboxDuty).where(InboxDuty.day >= first, InboxDuty.day <= last)
                           .order_by(InboxDuty.day, InboxDuty.id)).all()
    return [(duty.day, duty.person.email, duty.reminded_at is not None, duty.done_at is not None) for duty in rows]

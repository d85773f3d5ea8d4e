"""Who is on inbox duty on a practice day, and the day's times (reminder, deadline) as instants.

Everything is computed in the practice's time zone from `[practice] timezone` and its working
calendar, with the same DST rule as the weekly question (`bot.weeks.local_instant`): a time that
does not exist on a spring-forward day happens an hour later on the wall clock, a time that
happens twice happens at its first occurrence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import weeks
from bot.store import InboxWeekOverride, Person

ROTATION_EPOCH = date(2001, 1, 1)  # a Monday: week numbers count from here, so rotation never resets


@dataclass(frozen=True)
class DayTimes:
    day: date
    reminder_at: datetime
    deadline_at: datetime


def day_times(config, day: date) -> DayTimes:
    """The reminder and deadline instants (aware UTC) of a practice-local day."""
    tz = config.practice.timezone
    return DayTimes(day, weeks.local_instant(day, config.inbox.reminder_time, tz),
                    weeks.local_instant(day, config.inbox.deadline, tz))


def is_available(person: Person, day: date) -> bool:
    """Active, not opted out, not paused on that day: paused or deactivated people get nothing."""
    if not person.active or person.opted_out_at is not None:
        return False
    paused_until = person.paused_until
    if isinstance(paused_until, datetime):
        paused_until = paused_until.date()
    return paused_until is None or day >= paused_until


def people_with_role(session: Session, role: str) -> list[Person]:
    """Active people with `role`, in roster order (the order they were added)."""
    people = session.scalars(select(Person).where(Person.active.is_(True)).order_by(Person.id)).all()
    return [person for person in people if role in person.role_set]


def week_index(day: date) -> int:
    return (day - ROTATION_EPOCH).days // 7


def weekly_assignee(session: Session, day: date) -> Person | None:
    """The week's one staff member: a hand-over if one was made, else the next in roster order.

    The roster is walked from the week's position, skipping whoever is paused that day, so a
    vacation moves the duty to the next person for that week only.
    """
    week = weeks.week_key(day)
    override = session.get(InboxWeekOverride, week)
    if override is not None and is_available(override.person, day):
        return override.person
    staff = people_with_role(session, "staff")
    if not staff:
        return None
    start = week_index(day) % len(staff)
    for offset in range(len(staff)):
        person = staff[(start + offset) % len(staff)]
        if is_available(person, day):
            return person
    return None


def on_duty(session: Session, config, day: date) -> list[Person]:
    """The staff who get the day's reminder under the configured rotation."""
    if config.inbox.rotation == "weekly":
        person = weekly_assignee(session, day)
        return [person] if person is not None else []
    return [person for person in people_with_role(session, "staff") if is_available(person, day)]


def previous_working_day(calendar, day: date) -> date | None:
    """The working day before `day` (within a month), for the reminder's "last time" line."""
    for offset in range(1, 32):
        candidate = day - timedelta(days=offset)
        if calendar.is_working_day(candidate):
            return candidate
    return None

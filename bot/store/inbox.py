"""Inbox-check tables: one row per practice day, one per (person, day) on duty, week hand-overs.

Unique keys make each reminder exactly-once: a (person, day) duty row is inserted once however
many ticks or replicas race, and its sends are keyed in the outbox by (day, person, send number).
Done is a compare-and-set on the day row, so a double tap or a Slack retry records it once.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.store.models import Base, Person, UTCDateTime


class InboxDay(Base):
    """A working day's check (practice-local date): who finished it and whether the leads were told."""

    __tablename__ = "inbox_days"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    rotation: Mapped[str] = mapped_column(String(16))  # the [inbox] rotation in force that day
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True)
    done_count: Mapped[int | None] = mapped_column(Integer, nullable=True)  # messages answered, if given
    done_note: Mapped[str | None] = mapped_column(Text, nullable=True)  # follow-up note, if given
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    done_by: Mapped[Person | None] = relationship()


class InboxDuty(Base):
    """One person on duty on one day: when they were reminded, snoozed, asked for help, finished."""

    __tablename__ = "inbox_duties"
    __table_args__ = (UniqueConstraint("person_id", "day", name="uq_inbox_duty_person_day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day_id: Mapped[int] = mapped_column(ForeignKey("inbox_days.id"), index=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    next_send_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
    sends: Mapped[int] = mapped_column(Integer, default=0)  # reminders queued: 1, or 2 after a snooze
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)  # the first one
    snoozed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    help_requests: Mapped[int] = mapped_column(Integer, default=0)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)  # this person tapped Done
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    person: Mapped[Person] = relationship()
    inbox_day: Mapped[InboxDay] = relationship()


class InboxWeekOverride(Base):
    """`rounds inbox swap`: this ISO week's duty (weekly rotation) goes to this person instead."""

    __tablename__ = "inbox_week_overrides"

    week: Mapped[str] = mapped_column(String(8), primary_key=True)  # "2026-W50"
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    person: Mapped[Person] = relationship()

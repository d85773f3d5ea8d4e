"""The practice's working calendar: which local days count, and how many working hours have passed.

Approval reminders and escalations wait for working hours, and inbox checks happen only on
working days, so a card posted on Friday afternoon is not "48 hours late" on Sunday. A day
counts when its weekday is in `[practice] working_days` and it is not a holiday; hours are
counted in the practice's time zone, midnight to midnight, so DST days have 23 or 25 hours.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

MONDAY_TO_FRIDAY = frozenset(range(5))


@dataclass(frozen=True)
class WorkCalendar:
    timezone: str = "America/New_York"
    working_days: frozenset[int] = MONDAY_TO_FRIDAY
    holidays: frozenset[date] = frozenset()

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def local_date(self, instant: datetime) -> date:
        return instant.astimezone(self.zone).date()

    def is_working_day(self, day: date) -> bool:
        return day.weekday() in self.working_days and day not in self.holidays

    def day_start(self, day: date) -> datetime:
        """The aware instant the local day begins (midnight always exists, DST moves 2 am)."""
        return datetime.combine(day, time(0), self.zone)

    def working_hours_between(self, start: datetime, end: datetime) -> float:
        """Hours between two instants that fall on working days; linear in the days spanned."""
        if end <= start:
            return 0.0
        total = timedelta(0)
        day = self.local_date(start)
        last = self.local_date(end)
        while day <= last:
            if self.is_working_day(day):
                begin = max(start, self.day_start(day))
                finish = min(end, self.day_start(day + timedelta(days=1)))
                if finish > begin:
                    total += finish - begin
            day += timedelta(days=1)
        return total.total_seconds() / 3600

    def next_working_day(self, day: date) -> date:
        """The first working day on or after `day` (a year ahead at most: a calendar with no working day)."""
        for offset in range(366):
            candidate = day + timedelta(days=offset)
            if self.is_working_day(candidate):
                return candidate
        raise ValueError("the practice calendar has no working day in the coming year")


def holidays_from_ics(path: Path) -> frozenset[date]:
    """All-day (or timed) events in an .ics file, each covering the local dates from start to end."""
    from icalendar import Calendar

    calendar = Calendar.from_ical(path.read_bytes())
    days: set[date] = set()
    for event in calendar.walk("VEVENT"):
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND") if "DTEND" in event else None
        first = start.date() if isinstance(start, datetime) else start
        if end is None:
            days.add(first)
            continue
        stop = end.date() if isinstance(end, datetime) else end
        if isinstance(end, datetime) and end.time() != time(0):
            stop += timedelta(days=1)  # a timed event ending mid-day still covers that day
        days.update(_dates(first, max(stop, first + timedelta(days=1))))
    return frozenset(days)


def _dates(first: date, stop: date) -> Iterable[date]:
    day = first
    while day < stop:
        yield day
        day += timedelta(days=1)

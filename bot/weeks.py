"""Local weeks and wall-clock instants, computed per person's IANA time zone.

DST rule (stated in the README): a local time that does not exist (spring forward) is sent at
the instant it would have been before the change, i.e. one hour later on the wall clock
(02:30 → 03:30); a local time that happens twice (fall back) is sent at its first occurrence.
Both follow from zoneinfo's `fold=0`, and a (person, week) row makes either happen once.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

# The days Rounds reasons about. Wider than any real use, narrow enough that every computation
# (a week later, a year of reports before, a time zone away) stays inside what `datetime` holds.
EARLIEST_DAY = date(2000, 1, 1)
LATEST_DAY = date(2099, 12, 31)
DAY_RANGE = f"{EARLIEST_DAY.isoformat()} to {LATEST_DAY.isoformat()}"
LATEST_INSTANT = datetime(LATEST_DAY.year, 12, 31, 23, 59, 59, tzinfo=UTC)


def in_day_range(day: date) -> bool:
    """Whether `day` (or the UTC day of an aware datetime) lies between EARLIEST_DAY and LATEST_DAY."""
    if isinstance(day, datetime):
        day = day.astimezone(UTC).date()
    return EARLIEST_DAY <= day <= LATEST_DAY


def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def local_date(now: datetime, tz: str) -> date:
    return now.astimezone(zone(tz)).date()


def week_key(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def local_week(now: datetime, tz: str) -> str:
    """The ISO week (e.g. "2026-W48") that `now` falls in on the person's own calendar."""
    return week_key(local_date(now, tz))


def week_monday(key: str) -> date:
    year, _, week = key.partition("-W")
    return date.fromisocalendar(int(year), int(week), 1)


def local_instant(day: date, at: time, tz: str) -> datetime:
    """The UTC instant of a local wall-clock time, with the DST rule above (fold=0)."""
    return datetime.combine(day, at, tzinfo=zone(tz)).replace(fold=0).astimezone(UTC)


def week_start(key: str, tz: str) -> datetime:
    return local_instant(week_monday(key), time(0, 0), tz)


def week_end(key: str, tz: str) -> datetime:
    """Local Monday 00:00 after the week: when an unanswered question expires."""
    return local_instant(week_monday(key) + timedelta(days=7), time(0, 0), tz)


def due_instant(key: str, weekday: int, at: time, tz: str) -> datetime:
    """When a person's question for week `key` is due: their weekday and time, their zone."""
    return local_instant(week_monday(key) + timedelta(days=weekday), at, tz)


def next_week_key(key: str, weeks: int = 1) -> str:
    return week_key(week_monday(key) + timedelta(weeks=weeks))


def describe_local(instant: datetime, tz: str) -> str:
    """A phone-friendly local time such as "Tue Dec 1, 9:00 AM"."""
    local = instant.astimezone(zone(tz))
    hour = local.strftime("%I").lstrip("0") or "12"
    return f"{local:%a %b} {local.day}, {hour}:{local:%M %p}"


def describe_date(day: date, today: date) -> str:
    """A local date such as "Mon Jan 4", with the year when it is not this year ("Thu Jan 1, 2099")."""
    text = f"{day:%a %b} {day.day}"
    return text if day.year == today.year else f"{text}, {day.year}"

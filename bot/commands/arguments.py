"""argparse types for dates, weeks, instants and counts of days: a bad or out-of-range value is a
usage error (exit 2) naming the form and the allowed range, never an OverflowError later on."""

from __future__ import annotations

import argparse
import re
from datetime import UTC, date, datetime

from bot.weeks import DAY_RANGE, in_day_range

WEEK_FORM = re.compile(r"^(\d{4})-[Ww](\d{2})$")
MAX_DAYS = 36500  # a hundred years


def _in_range(value: str, day: date, what: str) -> None:
    if not in_day_range(day):
        raise argparse.ArgumentTypeError(f"{value.strip()!r} is out of range: {what} from {DAY_RANGE}")


def day(value: str) -> date:
    """A YYYY-MM-DD day from EARLIEST_DAY to LATEST_DAY."""
    try:
        parsed = date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-12-03 (YYYY-MM-DD)") from None
    _in_range(value, parsed, "use a day")
    return parsed


def iso_week(value: str) -> str:
    """"2026-W49" (any case) → "2026-W49", a week whose days are in range."""
    match = WEEK_FORM.match(value.strip())
    if match:
        try:
            monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError:
            if int(match[2]) == 53:
                raise argparse.ArgumentTypeError(f"{match[1]} has only 52 ISO weeks: try {match[1]}-W52 or "
                                                 f"{int(match[1]) + 1}-W01") from None
        else:
            _in_range(value, monday, "use a week with days")
            return f"{match[1]}-W{match[2]}"
    raise argparse.ArgumentTypeError(f"{value!r} is not an ISO week: expected the form 2026-W49 "
                                     "(year, W, week number 01-53)")


def instant(value: str) -> datetime:
    """An ISO-8601 instant with an offset, in range, returned in UTC."""
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an ISO-8601 time like 2026-12-01T14:00:00Z") from None
    if parsed.tzinfo is None:
        raise argparse.ArgumentTypeError(
            f"{value!r} has no UTC offset; add one, e.g. {value}Z or {value}-05:00")
    try:
        in_utc = parsed.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00+05:00 is before year 1 in UTC
        in_utc = None
    if in_utc is None or not in_day_range(in_utc):
        raise argparse.ArgumentTypeError(f"{value.strip()!r} is out of range: use a time from {DAY_RANGE} (UTC)")
    return in_utc


def days(value: str) -> int:
    """A whole number of days from 1 to MAX_DAYS."""
    try:
        count = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of days") from None
    if not 1 <= count <= MAX_DAYS:
        raise argparse.ArgumentTypeError(f"{value!r} is out of range: use 1 to {MAX_DAYS} days")
    return count

"""Inbox checks per period for the digest and `rounds report`: on time, late, missed, per working day.

A practice day belongs to the period its deadline (`[inbox] deadline`, practice-local) falls
in, so a week's numbers never change after the week is over. A day is *on time* when someone
tapped Done before the deadline, *late* when at or after it (the leads were already told), and
*missed* when its deadline has passed with nobody done. A working day with no row at all (Rounds
was down the whole morning, so nobody was even reminded) is missed too, from the first day ever
recorded on: counting days before inbox checks existed would make up misses. A day still before
its deadline is not counted yet. A period entirely before the first recorded day is None ("not
tracked"), never a made-up zero.

Cost: two queries (the first recorded day, then the days in range: one row per practice day,
so an 8-week chart reads at most ~60 short rows whatever the number of duties or messages).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.inbox.duty import day_times
from bot.store import InboxDay

DAY = timedelta(days=1)


@dataclass(frozen=True)
class InboxCounts:
    on_time: int = 0
    late: int = 0
    missed: int = 0

    @property
    def days(self) -> int:
        return self.on_time + self.late + self.missed


def inbox_counts(session: Session, config, edges: list[datetime], now: datetime) -> list[InboxCounts | None]:
    """Counts for each [edges[i], edges[i+1]) period, oldest first; None where not tracked.

    Args:
        session: an open session.
        config: the app config (practice calendar and `[inbox]` times).
        edges: period boundaries, aware UTC, ascending.
        now: days whose deadline is after `now` and that are not done yet are not counted.
    """
    periods = len(edges) - 1
    first_recorded = session.scalar(select(func.min(InboxDay.day)))
    if first_recorded is None:
        return [None] * periods
    calendar = config.practice.calendar
    # Deadlines fall on their own local day, so one day of margin on each side covers every zone.
    first = max(first_recorded, calendar.local_date(edges[0]) - DAY)
    last = calendar.local_date(edges[-1]) + DAY
    done_at = dict(session.execute(
        select(InboxDay.day, InboxDay.done_at).where(InboxDay.day >= first, InboxDay.day <= last)).all())
    tallies = [[0, 0, 0] for _ in range(periods)]
    day = first
    while day <= last:
        _tally(config, day, day in done_at, done_at.get(day), edges, now, tallies)
        day += DAY
    start_tracked = day_times(config, first_recorded).deadline_at
    return [InboxCounts(*tallies[i]) if edges[i + 1] > start_tracked else None for i in range(periods)]


def _tally(config, day: date, recorded: bool, done: datetime | None, edges, now, tallies) -> None:
    """Add one practice day to its period's on time / late / missed count (if it counts)."""
    if not recorded and not (config.inbox.enabled and config.practice.calendar.is_working_day(day)):
        return
    deadline = day_times(config, day).deadline_at
    index = bisect_right(edges, deadline) - 1
    if not 0 <= index < len(tallies):
        return
    if done is not None:
        tallies[index][0 if done < deadline else 1] += 1
    elif deadline <= now:
        tallies[index][2] += 1

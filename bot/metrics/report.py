"""The numbers as rows: one list feeds the digest text, `rounds report` tables, CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import timedelta

from bot.metrics.numbers import Numbers


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    current: int | float | timedelta | None
    previous: int | float | timedelta | None


def rows(current: Numbers, previous: Numbers) -> list[Row]:
    """Every number with its value for the period before; None means not available."""
    pairs = [
        ("questions_sent", "Questions sent"), ("answered", "Answered"), ("response_rate", "Response rate"),
        ("opted_out", "Opted out (now)"), ("paused", "Paused (now)"), ("held", "Held for PHI"),
        ("overridden", "PHI hold overridden"), ("approved", "Drafts approved"), ("rejected", "Drafts rejected"),
        ("sent_back", "Drafts sent back"), ("median_approval", "Median time to approve"),
        ("slowest_approval", "Slowest time to approve"), ("posts_next_week", "Posts scheduled for next week"),
        ("inbox_on_time", "Inbox checks on time"), ("inbox_late", "Inbox checks late"),
        ("inbox_missed", "Inbox checks missed"),
    ]
    people_now = {"opted_out", "paused"}
    return [Row(key, label, getattr(current, key), None if key in people_now else getattr(previous, key))
            for key, label in pairs]


def show(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, timedelta):
        return duration(value)
    if isinstance(value, float):
        return f"{value:.0%}"
    return str(value)


def duration(value: timedelta) -> str:
    """'45m', '3h 20m', '2d 4h': short enough for a phone line."""
    minutes = int(value.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days}d {hours}h"
    return f"{hours}h {minutes}m" if hours else f"{minutes}m"


def change(current, previous) -> str:
    """'+2', '−1', '±0', '+10 pts' for rates, '' when either side is unknown."""
    if current is None or previous is None:
        return ""
    if isinstance(current, timedelta):
        delta = current - previous
        sign = "+" if delta > timedelta(0) else "−" if delta < timedelta(0) else "±"
        return f"{sign}{duration(abs(delta))}" if sign != "±" else "±0"
    if isinstance(current, float):
        points = round((current - previous) * 100)
        return f"{'+' if points > 0 else '−' if points < 0 else '±'}{abs(points)} pts"
    delta = current - previous
    return f"{'+' if delta > 0 else '−' if delta < 0 else '±'}{abs(delta)}"


def as_table(table_rows: list[Row]) -> list[tuple[str, str, str, str]]:
    return [(row.label, show(row.current), show(row.previous), change(row.current, row.previous))
            for row in table_rows]


def _plain(value):
    if isinstance(value, timedelta):
        return int(value.total_seconds())
    if isinstance(value, float):
        return round(value, 4)
    return value


def as_csv(table_rows: list[Row], periods: list[tuple[str, str]] | None = None) -> str:
    """metric, current, previous: durations in seconds, rates as fractions, blanks for unknown.

    `periods` ([(first, last) day of the current period, of the previous one]) come first, as the
    `since` and `until` rows: both days counted, as the user gives them.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["metric", "current", "previous"])
    if periods:
        (first, last), (previous_first, previous_last) = periods
        writer.writerow(["since", first, previous_first])
        writer.writerow(["until", last, previous_last])
    for row in table_rows:
        writer.writerow([row.key, "" if row.current is None else _plain(row.current),
                         "" if row.previous is None else _plain(row.previous)])
    return out.getvalue()


def as_json(current: Numbers, table_rows: list[Row], periods: list[tuple[str, str]] | None = None,
            timezone: str | None = None) -> str:
    """`since` and `until` are the first and last day counted (both inclusive, local to `timezone`),
    for the previous period too; without `periods`, the instants [start, end)."""
    if periods:
        (first, last), (previous_first, previous_last) = periods
        period = {"since": first, "until": last, "previous_since": previous_first, "previous_until": previous_last,
                  "timezone": timezone}
    else:
        period = {"since": current.start.isoformat(), "until": current.end.isoformat()}
    data = {
        **period,
        "current": {row.key: _plain(row.current) for row in table_rows},
        "previous": {row.key: _plain(row.previous) for row in table_rows},
        "physicians": [{"name": p.name, "sent": p.sent, "answered": p.answered} for p in current.physicians],
    }
    return json.dumps(data, indent=2)

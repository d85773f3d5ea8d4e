"""The weekly digest: the marketing channel's week in numbers, with a chart, after the planning message.

It is due at `[calendar] planning_day`/`planning_time` and covers the seven days before that
instant, so a late tick (a catch-up) reports exactly the same week. Its outbox key
(`digest:<week>`) makes it go out once across ticks, restarts and replicas.
"""

from __future__ import annotations

import base64
import logging
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import weeks
from bot.chat import Image, OutgoingMessage
from bot.metrics.chart import ChartData, alt_text, render_chart
from bot.metrics.numbers import WEEK, Numbers, edges_back, period_numbers, series
from bot.metrics.report import change, duration, rows, show
from bot.outbox import enqueue
from bot.review.calendar import marketing_recipient
from bot.store import OutboxMessage

logger = logging.getLogger(__name__)

CHART_WEEKS = 8
PHYSICIANS_SHOWN = 10


def chart_data(session: Session, end: datetime, tz: str) -> ChartData:
    """The last `CHART_WEEKS` weeks ending at `end`, labelled by each week's first local day."""
    edges = edges_back(end, CHART_WEEKS)
    counts = series(session, edges)
    labels = tuple(f"{weeks.local_date(edge, tz):%b} {weeks.local_date(edge, tz).day}" for edge in edges[:-1])
    return ChartData(labels, tuple(counts["sent"]), tuple(counts["answered"]), tuple(counts["approved"]))


def _line(label: str, current, previous) -> str:
    delta = change(current, previous)
    return f"{label}: {show(current)}" + (f" ({delta})" if delta else "")


def digest_text(current: Numbers, previous: Numbers, tz: str) -> str:
    """Short lines for a phone; each number with its change from the week before."""
    first, last = weeks.local_date(current.start, tz), weeks.local_date(current.end, tz)
    by_key = {row.key: row for row in rows(current, previous)}

    def line(key: str, label: str | None = None) -> str:
        row = by_key[key]
        return _line(label or row.label, row.current, row.previous)

    lines = [f"The week in numbers, {first:%b} {first.day} – {last:%b} {last.day} (change from the week before):",
             line("questions_sent"),
             f"{line('answered')}, response rate {show(current.response_rate)}"
             + (f" ({change(current.response_rate, previous.response_rate)})"
                if change(current.response_rate, previous.response_rate) else "")]
    shown = current.physicians[:PHYSICIANS_SHOWN]
    if shown:
        lines.append("  " + " · ".join(f"{p.name} {p.answered}/{p.sent}" for p in shown)
                     + (f" · … {len(current.physicians) - len(shown)} more" if len(current.physicians) > len(shown)
                        else ""))
    lines.append(f"Not asked: {current.opted_out} opted out, {current.paused} paused")
    lines.append(f"{line('held')}; {line('overridden', 'overridden')}")
    lines.append(f"Drafts: {line('approved', 'approved')}, {line('rejected', 'rejected')}, "
                 f"{line('sent_back', 'sent back')}")
    if current.median_approval is not None:
        lines.append(f"Time to approve: median {duration(current.median_approval)}, slowest "
                     f"{duration(current.slowest_approval)}")
    else:
        lines.append("Time to approve: nothing was approved")
    lines.append(line("posts_next_week"))
    if current.inbox_on_time is None:
        lines.append("Inbox checks: not tracked yet")
    else:
        lines.append(f"Inbox checks: {line('inbox_on_time', 'on time')}, {line('inbox_late', 'late')}, "
                     f"{line('inbox_missed', 'missed')}")
    return "\n".join(lines)


def digest_message(services, session: Session, end: datetime) -> OutgoingMessage:
    """The digest for the week ending at `end`, with its chart (rendered here, sent with it)."""
    tz = services.config.practice.timezone
    current, previous = period_numbers(session, end - WEEK, end, today=weeks.local_date(end, tz))
    data = chart_data(session, end, tz)
    image = Image(filename=f"rounds-{weeks.local_date(end, tz).isoformat()}.png", title="Rounds: last 8 weeks",
                  alt_text=alt_text(data), png_base64=base64.b64encode(render_chart(data)).decode())
    return OutgoingMessage(text=digest_text(current, previous, tz), image=image)


def send_weekly_digest(services, now: datetime) -> int:
    """Once per practice week, at/after the planning day and time, queue the digest."""
    config = services.config
    tz = config.practice.timezone
    week = weeks.local_week(now, tz)
    due = weeks.due_instant(week, config.calendar.planning_weekday, config.calendar.planning_time, tz)
    if now < due:
        return 0
    recipient = marketing_recipient(services)
    if not recipient:
        return 0
    key = f"digest:{week}"
    with services.db.transaction() as session:
        if session.scalar(select(OutboxMessage.id).where(OutboxMessage.key == key)) is not None:
            return 0
        message = digest_message(services, session, due)
        queued = enqueue(session, key=key, platform=services.platform, recipient=recipient,
                         recipient_kind="channel", message=message, now=now)
    logger.info("weekly digest %s queued", week)
    return int(queued)

"""The weekly digest: the marketing channel's week in numbers, with a chart, after the planning message.

It is due at `[calendar] planning_day`/`planning_time` and covers the seven days before that
instant, so a late tick (a catch-up) reports exactly the same week. Its outbox keys
(`digest:<week>`, `digest:<week>:chart`) make each part go out once across ticks, restarts and
replicas, and in order: planning message, digest, chart in the digest's thread.
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
from bot.metrics.inbox import inbox_counts
from bot.metrics.numbers import WEEK, Numbers, edges_back, period_numbers, series
from bot.metrics.report import change, duration, rows, show
from bot.outbox import enqueue
from bot.review.calendar import marketing_recipient
from bot.store import OutboxMessage, OutboxStatus

logger = logging.getLogger(__name__)

CHART_WEEKS = 8
WAITING = (OutboxStatus.PENDING, OutboxStatus.SENDING)
PHYSICIANS_SHOWN = 10


def chart_data(session: Session, config, end: datetime, now: datetime | None = None) -> ChartData:
    """The last `CHART_WEEKS` weeks ending at `end`, labelled by each week's first local day.

    Inbox days still before their deadline at `now` (default `end`) are not counted yet.
    """
    tz = config.practice.timezone
    edges = edges_back(end, CHART_WEEKS)
    counts = series(session, edges)
    inbox = inbox_counts(session, config, edges, now or end)
    labels = tuple(f"{weeks.local_date(edge, tz):%b} {weeks.local_date(edge, tz).day}" for edge in edges[:-1])
    return ChartData(labels, tuple(counts["sent"]), tuple(counts["answered"]), tuple(counts["approved"]),
                     inbox_on_time=tuple(None if week is None else week.on_time for week in inbox),
                     inbox_days=tuple(None if week is None else week.days for week in inbox))


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
    """The digest's text for the week ending at `end` (the chart follows in its own message)."""
    tz = services.config.practice.timezone
    current, previous = period_numbers(session, end - WEEK, end, today=weeks.local_date(end, tz),
                                       config=services.config)
    return OutgoingMessage(text=digest_text(current, previous, tz))


def chart_message(services, data: ChartData, end: datetime, thread_ts: str | None) -> OutgoingMessage:
    """The 8-week chart as an image in the digest's thread (rendered here: call outside a transaction)."""
    tz = services.config.practice.timezone
    image = Image(filename=f"rounds-{weeks.local_date(end, tz).isoformat()}.png", title="Rounds: last 8 weeks",
                  alt_text=alt_text(data), png_base64=base64.b64encode(render_chart(data)).decode())
    return OutgoingMessage(text="The last 8 weeks", image=image, thread_ts=thread_ts)


def send_weekly_digest(services, now: datetime) -> int:
    """Once per practice week, at/after the planning day and time: the digest, then its chart.

    Each step waits in the database for the one before it instead of racing it in the outbox's
    worker threads: the digest is queued once the week's planning message is no longer waiting
    (sent or failed), and the chart once the digest is sent (its thread is the digest's ts). A
    tick that finds its step not ready does nothing; a later tick (seconds later) goes on. The
    chart is an outbox row of its own, so a failed upload is retried with backoff like any send.
    Returns how many digests (text) were queued.
    """
    config = services.config
    tz = config.practice.timezone
    week = weeks.local_week(now, tz)
    due = weeks.due_instant(week, config.calendar.planning_weekday, config.calendar.planning_time, tz)
    if now < due:
        return 0
    recipient = marketing_recipient(services)
    if not recipient:
        return 0
    key, chart_key = f"digest:{week}", f"digest:{week}:chart"
    with services.db.transaction() as session:
        # Only the columns needed: the chart's row holds a PNG, and this runs on every tick of the week.
        rows = {row.key: row for row in session.execute(
            select(OutboxMessage.key, OutboxMessage.status, OutboxMessage.sent_ts, OutboxMessage.sent_channel)
            .where(OutboxMessage.key.in_((f"planning:{week}", key, chart_key))))}
        planning, digest = rows.get(f"planning:{week}"), rows.get(key)
        if planning is not None and planning.status in WAITING:
            return 0  # the digest follows the planning message: wait until it is out
        if digest is None:
            queued = enqueue(session, key=key, platform=services.platform, recipient=recipient,
                             recipient_kind="channel", message=digest_message(services, session, due), now=now)
            logger.info("weekly digest %s queued", week)
            return int(queued)
        if digest.status != OutboxStatus.SENT or chart_key in rows:
            return 0
        thread, channel = digest.sent_ts, digest.sent_channel or recipient
        data = chart_data(session, config, due)
    message = chart_message(services, data, due, thread)  # matplotlib: no transaction held meanwhile
    with services.db.transaction() as session:
        enqueue(session, key=chart_key, platform=services.platform, recipient=channel, recipient_kind="channel",
                message=message, now=now)
    return 0

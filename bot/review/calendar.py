"""The content calendar: approved posts take weekly slots; marketing plans and exports the week.

Slots come from `[calendar] slots` (per channel, local times in `[practice] timezone`, DST-correct
via `bot.weeks.local_instant`). The unique key (channel, slot_at) on drafts is what keeps two
approvals at the same moment from taking one slot: each candidate is tried inside a SAVEPOINT and
a conflict moves on to the next slot.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot import audit
from bot.chat import OutgoingMessage
from bot.config import Config
from bot.outbox import enqueue
from bot.review.html import html_document
from bot.review.limits import channel_label, hard_problems, thread_parts
from bot.store import Answer, AnswerStatus, Draft, OutboxMessage, Person, Prompt, Question, ReviewStatus
from bot.weeks import (
    describe_local,
    due_instant,
    local_instant,
    local_week,
    next_week_key,
    week_end,
    week_monday,
    week_start,
)

logger = logging.getLogger(__name__)

SEARCH_WEEKS = 52  # how far ahead an approved post looks for a free slot
EXCERPT = 60  # characters of a post shown per line in the planning message
PENDING_SHOWN = 5  # oldest reviews listed in the planning message; the rest are counted
CONSOLE_MARKETING_CHANNEL = "#marketing"
FORMATS = ("ics", "csv", "hootsuite", "html")
THREAD_GAP = timedelta(minutes=5)  # Hootsuite rows of one X thread: one post every 5 minutes
CSV_COLUMNS = ("date", "time", "timezone", "channel", "physician", "text", "answer_id")


# --- slots ------------------------------------------------------------------------------------


def slot_instants(config: Config, channel: str, now: datetime, weeks: int = SEARCH_WEEKS) -> Iterator[datetime]:
    """The channel's slot instants at or after `now`, in order, for `weeks` practice weeks."""
    tz = config.practice.timezone
    slots = config.calendar.slots.get(channel, ())
    first = week_monday(local_week(now, tz))
    for week in range(weeks + 1):
        monday = first + timedelta(weeks=week)
        instants = sorted(local_instant(monday + timedelta(days=s.weekday), s.at, tz) for s in slots)
        yield from (instant for instant in instants if instant >= now)


def _is_slot_conflict(error: IntegrityError) -> bool:
    text = str(error.orig)
    return "uq_draft_channel_slot" in text or "drafts.channel, drafts.slot_at" in text


def _slot_taken(session: Session, channel: str, instant: datetime) -> bool:
    return session.scalar(
        select(Draft.id).where(Draft.channel == channel, Draft.slot_at == instant).limit(1)
    ) is not None


def _take_next_slot(session: Session, config: Config, draft: Draft, now: datetime) -> datetime | None:
    for instant in slot_instants(config, draft.channel, now):
        if _slot_taken(session, draft.channel, instant):
            continue
        try:
            with session.begin_nested():
                draft.slot_at = instant
                session.flush()
        except IntegrityError as error:  # another approval took it first: try the next slot
            if not _is_slot_conflict(error):
                raise
            continue
        return instant
    return None


def assign_slots(session: Session, config: Config, drafts: Sequence[Draft],
                 now: datetime) -> dict[str, datetime | None]:
    """Give each approved draft the next free slot of its channel at or after `now`.

    A draft that already has a slot keeps it (approving twice changes nothing); a channel with no
    configured slots, or none free within SEARCH_WEEKS weeks, gets None, and so does a draft over
    its platform's hard limit (approval refuses those; this is the scheduler's own guard).

    Args:
        session: the approval's transaction; slots are written to the drafts in it.
        config: the `[calendar]` slots and `[practice]` time zone.
        drafts: the answer's drafts, one per channel (already in the session).
        now: aware UTC instant of the approval.

    Returns:
        {channel: slot instant (aware UTC) or None}
    """
    session.flush()  # the drafts must be rows before a savepoint rollback can restore them
    slots: dict[str, datetime | None] = {}
    for draft in drafts:
        if draft.slot_at is None and not hard_problems(draft.channel, draft.text):
            _take_next_slot(session, config, draft, now)
        slots[draft.channel] = draft.slot_at
    return slots


# --- reading the calendar ---------------------------------------------------------------------


@dataclass(frozen=True)
class CalendarEntry:
    """One scheduled post: where and when it goes, whose it is, and its text."""

    draft_id: int
    answer_id: int
    channel: str
    slot_at: datetime  # aware UTC
    timezone: str  # the practice's, in which `local_at` is shown
    physician: str
    text: str
    question: str = ""
    answer_text: str = ""

    @property
    def local_at(self) -> datetime:
        return self.slot_at.astimezone(ZoneInfo(self.timezone))

    @property
    def label(self) -> str:
        return channel_label(self.channel)


@dataclass(frozen=True)
class PendingReview:
    """An answer still waiting for marketing (or for the physician's OK of an edit)."""

    answer_id: int
    physician: str
    question: str
    since: datetime  # aware UTC
    status: str


def _entries(session: Session, config: Config, *conditions) -> list[CalendarEntry]:
    rows = session.execute(
        select(Draft, Answer, Person.name, Question.text)
        .join(Answer, Draft.answer_id == Answer.id)
        .join(Prompt, Answer.prompt_id == Prompt.id)
        .join(Person, Prompt.person_id == Person.id)
        .join(Question, Prompt.question_id == Question.id)
        # READY as well as approved: an export never shows an answer whose current text is held.
        .where(Draft.slot_at.is_not(None), Answer.review_status == ReviewStatus.APPROVED,
               Answer.status == AnswerStatus.READY, *conditions)
        .order_by(Draft.slot_at, Draft.channel, Draft.id)
    ).all()
    tz = config.practice.timezone
    return [CalendarEntry(draft.id, answer.id, draft.channel, draft.slot_at, tz, name, draft.text,
                          question, answer.text) for draft, answer, name, question in rows]


def week_entries(session: Session, config: Config, week_key: str) -> list[CalendarEntry]:
    """The posts scheduled in one practice week ("2026-W49"), in time order."""
    tz = config.practice.timezone
    return _entries(session, config, Draft.slot_at >= week_start(week_key, tz), Draft.slot_at < week_end(week_key, tz))


def upcoming_entries(session: Session, config: Config, now: datetime) -> list[CalendarEntry]:
    """Every post scheduled at or after `now`, in time order."""
    return _entries(session, config, Draft.slot_at >= now)


def pending_reviews(session: Session) -> list[PendingReview]:
    """Answers waiting for a decision (or the physician's sign-off), oldest first."""
    waiting = (ReviewStatus.PENDING, ReviewStatus.AWAITING_SIGNOFF)
    rows = session.execute(
        select(Answer, Person.name, Question.text)
        .join(Prompt, Answer.prompt_id == Prompt.id)
        .join(Person, Prompt.person_id == Person.id)
        .join(Question, Prompt.question_id == Question.id)
        .where(Answer.review_status.in_(waiting))
    ).all()
    pending = [PendingReview(a.id, name, question, a.submitted_at or a.created_at, a.review_status)
               for a, name, question in rows]
    return sorted(pending, key=lambda p: (p.since, p.answer_id))


# --- the weekly planning message --------------------------------------------------------------


def marketing_recipient(services) -> str:
    """Where marketing reads: the configured Slack or Teams channel, or the console's #marketing."""
    if services.platform == "slack":
        return services.config.slack.marketing_channel
    if services.platform == "teams":
        return services.config.teams.marketing_channel
    return CONSOLE_MARKETING_CHANNEL


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """One line of at most `limit` characters, cut at a word end with "…"."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:-") + "…"


def _clock(local: datetime) -> str:
    hour = local.strftime("%I").lstrip("0") or "12"
    return f"{hour}:{local:%M %p}"


def _week_lines(entries: list[CalendarEntry]) -> list[str]:
    """Per day, one line per (time, answer) with its channels: five channels are one line."""
    lines: list[str] = []
    groups: dict[tuple[datetime, int], list[CalendarEntry]] = {}
    for entry in entries:
        groups.setdefault((entry.slot_at, entry.answer_id), []).append(entry)
    day = None
    for group in groups.values():
        local = group[0].local_at
        if local.date() != day:
            day = local.date()
            lines.append(f"{local:%a %b} {local.day}")
        channels = ", ".join(e.label for e in group)
        first = group[0]
        lines.append(f"  {_clock(local)} {channels}: {first.physician}, \"{excerpt(first.answer_text or first.text)}\"")
    return lines


def planning_message(services, session: Session, now: datetime) -> OutgoingMessage:
    """Next week's calendar and what still waits for approval, short enough for a phone."""
    config = services.config
    tz = config.practice.timezone
    week = next_week_key(local_week(now, tz))
    monday = week_monday(week)
    sunday = monday + timedelta(days=6)
    lines = [f"Content calendar for next week, {monday:%b} {monday.day} – {sunday:%b} {sunday.day} ({week}):"]
    entries = week_entries(session, config, week)
    lines += _week_lines(entries) if entries else ["  Nothing scheduled yet."]
    pending = pending_reviews(session)
    lines.append("")
    if not pending:
        lines.append("Nothing is waiting for approval.")
    else:
        lines.append(f"Waiting for approval: {len(pending)}")
        for review in pending[:PENDING_SHOWN]:
            since = describe_local(review.since, tz).rsplit(",", 1)[0]
            note = " (physician's OK)" if review.status == ReviewStatus.AWAITING_SIGNOFF else ""
            lines.append(f"  • {review.physician}: \"{excerpt(review.question, 40)}\" since {since}{note}")
        if len(pending) > PENDING_SHOWN:
            lines.append(f"  … and {len(pending) - PENDING_SHOWN} more")
    return OutgoingMessage(text="\n".join(lines))


def send_planning_message(services, now: datetime) -> int:
    """Once per practice week, at/after the planning day and time, queue the planning message.

    A late tick catches up within the same week; a week whose planning time passed unseen is
    not sent the next week (its "next week" has already begun).
    """
    config = services.config
    tz = config.practice.timezone
    week = local_week(now, tz)
    if now < due_instant(week, config.calendar.planning_weekday, config.calendar.planning_time, tz):
        return 0
    recipient = marketing_recipient(services)
    if not recipient:
        logger.debug("no marketing channel configured; planning message for %s not sent", week)
        return 0
    key = f"planning:{week}"
    with services.db.transaction() as session:
        if session.scalar(select(OutboxMessage.id).where(OutboxMessage.key == key)) is not None:
            return 0
        message = planning_message(services, session, now)
        queued = enqueue(session, key=key, platform=services.platform, recipient=recipient,
                         recipient_kind="channel", message=message, now=now)
    return int(queued)


# --- exports ----------------------------------------------------------------------------------


def export_ics(entries: Sequence[CalendarEntry], stamp: datetime | None = None) -> bytes:
    """iCalendar with one VEVENT per post; UIDs are stable per draft so re-imports update events."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Rounds//content calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Rounds content calendar")
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC)
    for entry in entries:
        event = Event()
        event.add("uid", f"draft-{entry.draft_id}@rounds")
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.local_at)
        event.add("dtend", entry.local_at + timedelta(minutes=15))
        event.add("summary", f"{entry.label}: {entry.physician}")
        event.add("description", entry.text)
        event.add("categories", [entry.label])
        calendar.add_component(event)
    if entries:  # VTIMEZONE rules only around the posts' dates keep the file small
        days = [entry.local_at.date() for entry in entries]
        calendar.add_missing_timezones(min(days) - timedelta(days=366), max(days) + timedelta(days=366))
    return calendar.to_ical()


def export_csv(entries: Sequence[CalendarEntry]) -> str:
    """Plain CSV with a header: date, time (local, 24-hour), timezone, channel, physician, text, answer_id."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        local = entry.local_at
        writer.writerow((f"{local:%Y-%m-%d}", f"{local:%H:%M}", entry.timezone, entry.channel,
                         entry.physician, entry.text, entry.answer_id))
    return out.getvalue()


def export_hootsuite(entries: Sequence[CalendarEntry]) -> str:
    """Hootsuite bulk composer CSV: what we rely on.

    - No header row: every row is a post.
    - Column A: date and time as "dd/mm/yyyy hh:mm", 24-hour, local to the practice; pick the
      day-first date format in Hootsuite's upload dialog.
    - Column B: the post text. Column C: a link (optional; left empty, the text holds the link).
    - Hootsuite wants minutes that end in 0 or 5 and times at least 10 minutes ahead, and one
      file per social profile: export with `--channel` for each profile.
    - Every row must be a post the network accepts: an X thread is one row per numbered post,
      five minutes apart (the bulk composer has no threads).
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for entry in entries:
        for number, part in enumerate(thread_parts(entry.channel, entry.text)):
            at = entry.local_at + number * THREAD_GAP
            writer.writerow((f"{at:%d/%m/%Y %H:%M}", part, ""))
    return out.getvalue()


def export_html(entries: Sequence[CalendarEntry]) -> str:
    """A standalone HTML page of the posts (for a blog or newsletter): the only HTML export."""
    sections = [(f"{entry.label}, {entry.local_at:%a %b} {entry.local_at.day} {_clock(entry.local_at)}: "
                 f"{entry.physician}", entry.text) for entry in entries]
    return html_document("Rounds posts", sections)


def export(session: Session, entries: Sequence[CalendarEntry], fmt: str, now: datetime,
           actor: Person | None = None) -> bytes:
    """Render `entries` as `fmt` and record an `exported` audit row per draft (no text)."""
    if fmt == "ics":
        data = export_ics(entries, stamp=now)
    elif fmt == "csv":
        data = export_csv(entries).encode("utf-8")
    elif fmt == "hootsuite":
        data = export_hootsuite(entries).encode("utf-8")
    elif fmt == "html":
        data = export_html(entries).encode("utf-8")
    else:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    for entry in entries:
        audit.record(session, subject="draft", subject_id=entry.draft_id, action="exported", now=now,
                     actor=actor, format=fmt, channel=entry.channel, slot_at=entry.slot_at.isoformat())
    return data

"""The digest's numbers for a period and the one before it, in a few grouped queries.

Every query buckets rows by period with one CASE expression and groups on it, so the current
period, the previous one (for "change from last week") and the chart's eight weeks each cost
one round trip per kind of number, however many rows there are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from bot.metrics.inbox import inbox_counts
from bot.store import Answer, AuditEvent, Draft, Person, Prompt, ReviewStatus

WEEK = timedelta(days=7)


@dataclass(frozen=True)
class PhysicianRate:
    name: str
    sent: int
    answered: int

    @property
    def rate(self) -> float | None:
        return self.answered / self.sent if self.sent else None


@dataclass
class Numbers:
    """One period's numbers. Inbox checks are None for a period before any check was recorded."""

    start: datetime
    end: datetime
    questions_sent: int = 0
    answered: int = 0
    opted_out: int = 0
    paused: int = 0
    held: int = 0
    overridden: int = 0
    approved: int = 0
    rejected: int = 0
    sent_back: int = 0
    median_approval: timedelta | None = None
    slowest_approval: timedelta | None = None
    posts_next_week: int = 0
    inbox_on_time: int | None = None
    inbox_late: int | None = None
    inbox_missed: int | None = None
    physicians: list[PhysicianRate] = field(default_factory=list)

    @property
    def response_rate(self) -> float | None:
        return self.answered / self.questions_sent if self.questions_sent else None


COUNTED = ("questions_sent", "answered", "opted_out", "paused", "held", "overridden", "approved", "rejected",
           "sent_back", "posts_next_week", "inbox_on_time", "inbox_late", "inbox_missed")


def edges_back(end: datetime, periods: int, length: timedelta = WEEK) -> list[datetime]:
    """`periods + 1` instants ending at `end`, `length` apart, oldest first."""
    return [end - length * (periods - index) for index in range(periods + 1)]


def bucket(column, edges: list[datetime]):
    """CASE giving the index of the [edges[i], edges[i+1]) period `column` falls in (else NULL)."""
    return case(*[(and_(column >= edges[i], column < edges[i + 1]), i) for i in range(len(edges) - 1)],
                else_=None)


def _counts(session: Session, column, edges: list[datetime], *where) -> dict[int, int]:
    """How many rows fall in each period, by period index, in one grouped query."""
    index = bucket(column, edges).label("period")
    rows = session.execute(
        select(index, func.count()).where(column >= edges[0], column < edges[-1], *where).group_by(index)
    ).all()
    return {int(period): count for period, count in rows if period is not None}


def series(session: Session, edges: list[datetime]) -> dict[str, list[int]]:
    """Per period: questions sent, answers, approvals (for the chart and the comparisons)."""
    periods = range(len(edges) - 1)
    sent = _counts(session, Prompt.sent_at, edges)
    answered = _counts(session, Prompt.answered_at, edges)
    approved = _counts(session, Answer.decided_at, edges, Answer.review_status == ReviewStatus.APPROVED)
    return {"sent": [sent.get(i, 0) for i in periods], "answered": [answered.get(i, 0) for i in periods],
            "approved": [approved.get(i, 0) for i in periods]}


def period_numbers(session: Session, start: datetime, end: datetime, today: date | None = None, *,
                   config=None, now: datetime | None = None, previous_start: datetime | None = None) -> list[Numbers]:
    """Numbers for [start, end) and for the period of the same length just before it.

    `previous_start` starts that period where the caller counts it (the same number of local days
    before, across a DST change); by default it is as long as [start, end).

    Returns `[current, previous]` (bucket index 1 is the current period, 0 the previous).
    `today` (the practice's local date at `end`) decides who counts as paused; opted-out and
    paused physicians are counted now, not per period. Inbox checks need `config` (the
    practice calendar and deadline); a day still before its deadline at `now` (default `end`)
    is not counted yet.
    """
    length = end - start
    before = previous_start or start - length
    edges = [before, start, end]
    result = [Numbers(start=start, end=end), Numbers(start=before, end=start)]
    _prompt_numbers(session, edges, result)
    for index, count in _held_counts(session, edges).items():
        result[index].held = count
    for index, count in _counts(session, Answer.overridden_at, edges).items():
        result[1 - index].overridden = count
    _decisions(session, edges, result)
    _approval_times(session, edges, result)
    slot_edges = [start, end, end + length]  # each period's following one
    for index, count in _counts(session, Draft.slot_at, slot_edges,
                                Draft.answer_id.in_(select(Answer.id).where(
                                    Answer.review_status == ReviewStatus.APPROVED))).items():
        result[1 - index].posts_next_week = count
    _people_now(session, result[0], today or end.date())
    if config is not None:
        previous_inbox, current_inbox = inbox_counts(session, config, edges, now or end)
        for numbers, counts in ((result[0], current_inbox), (result[1], previous_inbox)):
            if counts is not None:
                numbers.inbox_on_time, numbers.inbox_late, numbers.inbox_missed = (
                    counts.on_time, counts.late, counts.missed)
    return result


def _prompt_numbers(session: Session, edges: list[datetime], result: list[Numbers]) -> None:
    """Questions sent in each period and how many of those were answered; per physician for now."""
    index = bucket(Prompt.sent_at, edges).label("period")
    answered = func.sum(case((Prompt.answered_at.is_not(None), 1), else_=0))
    rows = session.execute(
        select(index, Person.name, func.count(), answered)
        .join(Person, Person.id == Prompt.person_id)
        .where(Prompt.sent_at >= edges[0], Prompt.sent_at < edges[-1])
        .group_by(index, Person.id, Person.name)
    ).all()
    for period, name, sent, done in rows:
        numbers = result[1 - int(period)]
        numbers.questions_sent += sent
        numbers.answered += int(done or 0)
        if numbers is result[0]:
            numbers.physicians.append(PhysicianRate(name, sent, int(done or 0)))
    result[0].physicians.sort(key=lambda p: (p.rate if p.rate is not None else -1, p.name))


def _held_counts(session: Session, edges: list[datetime]) -> dict[int, int]:
    """Answers the guard held for PHI, from the audit trail (an answer held twice counts once)."""
    index = bucket(AuditEvent.at, edges).label("period")
    rows = session.execute(
        select(index, func.count(func.distinct(AuditEvent.subject_id)))
        .where(AuditEvent.at >= edges[0], AuditEvent.at < edges[-1], AuditEvent.subject == "answer",
               AuditEvent.action == "held")
        .group_by(index)
    ).all()
    return {1 - int(period): count for period, count in rows if period is not None}


def _decisions(session: Session, edges: list[datetime], result: list[Numbers]) -> None:
    index = bucket(Answer.decided_at, edges).label("period")
    rows = session.execute(
        select(index, Answer.review_status, func.count())
        .where(Answer.decided_at >= edges[0], Answer.decided_at < edges[-1])
        .group_by(index, Answer.review_status)
    ).all()
    names = {ReviewStatus.APPROVED: "approved", ReviewStatus.REJECTED: "rejected",
             ReviewStatus.SENT_BACK: "sent_back"}
    for period, status, count in rows:
        if status in names:
            numbers = result[1 - int(period)]
            setattr(numbers, names[status], getattr(numbers, names[status]) + count)


def _approval_times(session: Session, edges: list[datetime], result: list[Numbers]) -> None:
    """Median and slowest submit→approve time; reads only the two timestamps of approvals."""
    rows = session.execute(
        select(Answer.submitted_at, Answer.decided_at)
        .where(Answer.review_status == ReviewStatus.APPROVED, Answer.submitted_at.is_not(None),
               Answer.decided_at >= edges[0], Answer.decided_at < edges[-1])
    ).all()
    waits: list[list[timedelta]] = [[], []]
    for submitted, decided in rows:
        waits[0 if decided >= edges[1] else 1].append(decided - submitted)
    for numbers, times in zip(result, waits, strict=True):
        if times:
            times.sort()
            middle = len(times) // 2
            numbers.median_approval = (times[middle] if len(times) % 2
                                       else (times[middle - 1] + times[middle]) / 2)
            numbers.slowest_approval = times[-1]


def _people_now(session: Session, numbers: Numbers, today: date) -> None:
    physician = Person.roles.like("%physician%")
    opted = func.sum(case((Person.opted_out_at.is_not(None), 1), else_=0))
    paused = func.sum(case((and_(Person.opted_out_at.is_(None), Person.paused_until > today), 1), else_=0))
    row = session.execute(select(opted, paused).where(Person.active.is_(True), physician)).one()
    numbers.opted_out, numbers.paused = int(row[0] or 0), int(row[1] or 0)

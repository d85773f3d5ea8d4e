"""The weekly question: schedule one per physician per local ISO week, send it, nudge once, expire.

Every step is a short transaction that claims rows with `FOR UPDATE SKIP LOCKED` (PostgreSQL)
or under SQLite's write lock, and writes the message into the outbox in the same transaction,
so several replicas and restarted processes never send anything twice. When a person's
questions come, and how a snooze or a pause moves them, is `bot.weekly.cadence`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import selectinload

from bot import weeks
from bot.chat import Button, Menu, MessageRef, OutgoingMessage
from bot.config import parse_clock_time
from bot.outbox import enqueue, enqueue_update, insert_many_ignoring_duplicates, outbox_row
from bot.outbox.rows import UPDATE
from bot.people import address
from bot.store import OutboxMessage, OutboxStatus, Person, Prompt, PromptStatus
from bot.weekly.cadence import PAUSE_WEEKS, is_paused, pause_label, snooze_until
from bot.weekly.questions import pick_questions

logger = logging.getLogger(__name__)

SEND_BATCH = 100
SCHEDULE_BATCH = 200
FIRST_BATCH = 50  # small first batches, so delivery starts within milliseconds of a fan-out
# Queueing is CPU-bound Python; the sends it feeds run on threads of the same process that each
# need the GIL for a moment several times a call. A CPU-bound thread keeps them waiting up to
# a switch interval (5 ms) each time, so while 10,000 questions were queued the fan-out sent at
# under half its rate (bench/fanout.py --trace). Pausing this long after each batch (in
# proportion to the batch's own time) lets the sends through; queueing stays ahead of them.
GIVE_WAY = 1.0
CATCH_UP_GRACE = timedelta(hours=1)  # later than this is a catch-up: it waits out quiet hours
LAPSE_LOOKBACK = timedelta(days=2)  # how late after a late window's end its messages are still changed


@dataclass
class PromptReport:
    scheduled: int = 0
    questions_sent: int = 0
    nudges_sent: int = 0
    expired: int = 0
    cancelled: int = 0


# --- scheduling -----------------------------------------------------------------------------


def schedule_week(services, now: datetime, report: PromptReport,
                  after_batch: Callable[[], None] | None = None) -> None:
    """Create this local week's prompt row for every physician who should get one.

    The roster is taken in batches, each its own transaction, and `after_batch` runs after
    each batch that created rows: on a first tick with thousands of physicians due, their
    questions start going out after the first batch instead of after the whole roster.
    """
    last_id, limit = 0, FIRST_BATCH
    while True:
        batch_started = time.monotonic()
        with services.db.transaction() as session:
            people = session.scalars(
                select(Person).where(Person.active.is_(True), Person.opted_out_at.is_(None),
                                     Person.id > last_id)
                .order_by(Person.id).limit(limit)
            ).all()
            if not people:
                return
            full = len(people) == limit
            last_id, limit = people[-1].id, SCHEDULE_BATCH
            created = _schedule_people(session, [p for p in people if p.is_physician], now)
        report.scheduled += created
        if full:  # more may follow: give way to the sends (see GIVE_WAY)
            time.sleep(GIVE_WAY * (time.monotonic() - batch_started))
        if created and after_batch is not None:
            after_batch()


def _schedule_people(session, people: list[Person], now: datetime) -> int:
    wanted = {p.id: weeks.local_week(now, p.timezone) for p in people}
    existing = set()
    if wanted:
        existing = set(session.execute(
            select(Prompt.person_id, Prompt.week).where(Prompt.person_id.in_(wanted),
                                                        Prompt.week.in_(set(wanted.values())))
        ).all())
    missing = []
    for person in people:
        week = wanted[person.id]
        if (person.id, week) in existing or is_paused(person, week):
            continue
        due = weeks.due_instant(week, person.weekday, parse_clock_time(person.local_time),
                                person.timezone)
        # Someone added after this week's slot starts next week, not with a surprise catch-up.
        if person.created_at > due:
            continue
        missing.append((person, week, due))
    if not missing:
        return 0
    picks = pick_questions(session, [person for person, _, _ in missing])
    rows = []
    for person, week, due in missing:
        question = picks.get(person.id)
        if question is None:
            logger.warning("no question available for person %s (specialty %r)", person.id,
                           person.specialty)
            continue
        rows.append({"person_id": person.id, "week": week, "question_id": question.id,
                     "status": PromptStatus.SCHEDULED, "due_at": due,
                     "expires_at": weeks.week_end(week, person.timezone), "sends": 0})
    return insert_many_ignoring_duplicates(session, Prompt, rows) if rows else 0


def question_message(services, prompt: Prompt, now: datetime, snoozed: bool = False,
                     resumed: bool = False) -> OutgoingMessage:
    """The question with Skip, Snooze (only if a snooze from `now` comes back before the question
    closes) and the Pause menu."""
    text = services.templates.render("messages/question.txt.j2", person=prompt.person,
                                     question=prompt.question, snoozed=snoozed, resumed=resumed)
    value = str(prompt.id)
    snooze = (Button("Snooze 1 day", "prompt.snooze", value),) if snooze_until(prompt, now) else ()
    return OutgoingMessage(
        text=text,
        buttons=(Button("Skip this week", "prompt.skip", value), *snooze),
        menus=(Menu("Pause (vacation)…", "prompt.pause",
                    tuple((pause_label(prompt, n), f"{value}:{n}") for n in PAUSE_WEEKS)),),
    )


def _in_quiet_hours(services, person: Person, now: datetime) -> bool:
    local = now.astimezone(weeks.zone(person.timezone)).time()
    return services.config.prompts.quiet_hours.contains(local)


def _claim_prompts(session, *conditions, after_id: int, limit: int = SEND_BATCH):
    """Lock a batch of prompts (others skip them), with their people and questions loaded in bulk."""
    return session.scalars(
        select(Prompt).where(*conditions, Prompt.id > after_id)
        .options(selectinload(Prompt.person), selectinload(Prompt.question))
        .order_by(Prompt.id).limit(limit).with_for_update(skip_locked=True)
    ).all()


def send_due_questions(services, now: datetime, report: PromptReport) -> None:
    """Queue every due question (catch-ups included) exactly once.

    With a `[policy] url`, the question of someone who has not acknowledged the policy stays
    scheduled (not queued, not counted as sent): after "I have read it" the next tick sends it
    if its week is still open, otherwise it expires with its week like any unsent question,
    instead of arriving weeks late from the outbox.
    """
    gate = ()
    if services.config.policy.url:
        gate = (Prompt.person_id.not_in(select(Person.id).where(Person.policy_acknowledged_at.is_(None))),)
    last_id, more, batch_started = 0, False, 0.0
    while True:
        if more:  # the last batch was full: give way before the next one
            time.sleep(GIVE_WAY * (time.monotonic() - batch_started))
        batch_started = time.monotonic()
        with services.db.transaction() as session:
            prompts = _claim_prompts(
                session, Prompt.status == PromptStatus.SCHEDULED, Prompt.due_at <= now,
                Prompt.expires_at > now, *gate, after_id=last_id,
                limit=SEND_BATCH if last_id else FIRST_BATCH,
            )
            if not prompts:
                return
            more = len(prompts) == (SEND_BATCH if last_id else FIRST_BATCH)
            outbox = []
            for prompt in prompts:
                last_id = prompt.id
                person = prompt.person
                if not person.receives_questions:
                    prompt.status, prompt.closed_at = PromptStatus.CANCELLED, now
                    report.cancelled += 1
                    continue
                late = now - prompt.due_at > CATCH_UP_GRACE
                if late and _in_quiet_hours(services, person, now):
                    continue  # a catch-up waits for the morning
                recipient = address(services, person)
                if not recipient:
                    logger.warning("person %s has no %s user id; question not sent",
                                   person.id, services.platform)
                    continue
                snoozed = prompt.sends > 0
                prompt.sends += 1
                outbox.append(outbox_row(key=f"question:{prompt.id}:{prompt.sends}", platform=services.platform,
                                         recipient=recipient, now=now,
                                         message=question_message(services, prompt, now, snoozed=snoozed)))
                prompt.status = PromptStatus.SENT
                prompt.sent_at = now
                report.questions_sent += 1
            insert_many_ignoring_duplicates(session, OutboxMessage, outbox)


def send_due_nudges(services, now: datetime, report: PromptReport) -> None:
    """One gentle nudge after `nudge_after_hours` of silence, never more, never in quiet hours."""
    cutoff = now - timedelta(hours=services.config.prompts.nudge_after_hours)
    last_id = 0
    while True:
        with services.db.transaction() as session:
            prompts = _claim_prompts(
                session, Prompt.status == PromptStatus.SENT, Prompt.nudged_at.is_(None),
                Prompt.sent_at <= cutoff, Prompt.expires_at > now, after_id=last_id,
            )
            if not prompts:
                return
            for prompt in prompts:
                last_id = prompt.id
                person = prompt.person
                recipient = address(services, person)
                if not person.receives_questions or not recipient:
                    continue
                if _in_quiet_hours(services, person, now):
                    continue
                text = services.templates.render("messages/nudge.txt.j2", person=person,
                                                 question=prompt.question)
                value = str(prompt.id)
                enqueue(session, key=f"nudge:{prompt.id}", platform=services.platform,
                        recipient=recipient, now=now, message=OutgoingMessage(
                            text=text, buttons=(Button("Skip this week", "prompt.skip", value),)))
                prompt.nudged_at = now
                report.nudges_sent += 1


def late_answers(services) -> timedelta:
    """How long after its week a question still takes answers (`[prompts] late_answer_days`)."""
    return timedelta(days=services.config.prompts.late_answer_days)


def expire_prompts(services, now: datetime, report: PromptReport) -> None:
    """Close unanswered questions whose week has ended; their messages lose their buttons."""
    late = late_answers(services)
    while True:
        with services.db.transaction() as session:
            prompts = _claim_prompts(session, Prompt.status.in_(PromptStatus.OPEN), Prompt.expires_at <= now,
                                     after_id=0)
            if not prompts:
                return
            for prompt in prompts:
                prompt.status, prompt.closed_at = PromptStatus.EXPIRED, now
                if prompt.sent_at is None:
                    continue
                line = "This question's week has ended."
                if late:
                    until = weeks.describe_local(prompt.expires_at + late, prompt.person.timezone)
                    line += f" A reply here still counts until {until}."
                for ref, message in closed_messages(session, prompt, line):
                    enqueue_update(session, key=f"closed:{prompt.id}:{ref.ts}", platform=services.platform,
                                   ref=ref, message=message, now=now)
            report.expired += len(prompts)


def lapse_prompts(services, now: datetime) -> int:
    """Expired questions whose late window has just ended: "A reply here still counts until …"
    on their messages becomes "Replies here no longer count". Returns how many.

    An expired question's `closed_at` is when it expired; once its messages say the window is
    over it becomes the time they were changed (after the window's end), which keeps it out of
    the next tick's query. A question whose window ended more than `LAPSE_LOOKBACK` ago (the
    bot was down) keeps its old line.
    """
    late = late_answers(services)
    if not late:
        return 0  # no late window, no "still counts" line to take back
    ended, lapsed = now - late, 0
    while True:
        with services.db.transaction() as session:
            prompts = _claim_prompts(session, Prompt.status == PromptStatus.EXPIRED, Prompt.sent_at.is_not(None),
                                     Prompt.expires_at <= ended, Prompt.expires_at > ended - min(late, LAPSE_LOOKBACK),
                                     Prompt.closed_at <= ended, after_id=0)
            prompts = [p for p in prompts if p.closed_at < p.expires_at + late]
            if not prompts:
                return lapsed
            for prompt in prompts:
                prompt.closed_at = now
                until = weeks.describe_local(prompt.expires_at + late, prompt.person.timezone)
                line = f"This question's week has ended. Replies here stopped counting on {until}."
                for ref, message in closed_messages(session, prompt, line):
                    enqueue_update(session, key=f"lapsed:{prompt.id}:{ref.ts}", platform=services.platform,
                                   ref=ref, message=message, now=now)
            lapsed += len(prompts)


def closed_messages(session, prompt: Prompt, line: str, *, except_ref: MessageRef | None = None,
                    ) -> list[tuple[MessageRef, OutgoingMessage]]:
    """The prompt's sent messages (questions, nudge) without buttons, plus one line saying why.

    Once a question is closed its buttons can only answer "already closed": they go, for
    every message that carried them, whatever closed it.
    """
    rows = session.scalars(select(OutboxMessage).where(
        or_(OutboxMessage.key.like(f"question:{prompt.id}:%"), OutboxMessage.key == f"nudge:{prompt.id}"),
        OutboxMessage.sent_ts.is_not(None))).all()
    closed = []
    for row in rows:
        ref = MessageRef(row.sent_channel, row.sent_ts)
        if except_ref is not None and (ref.channel, ref.ts) == (except_ref.channel, except_ref.ts):
            continue
        sent = OutgoingMessage.from_json(row.payload)
        closed.append((ref, OutgoingMessage(text=f"{sent.text}\n\n{line}", key=sent.key)))
    return closed


def question_in_thread(session, channel: str, ts: str) -> int | None:
    """The prompt id whose question or nudge was sent as message `ts` in `channel`, if any."""
    rows = session.execute(select(OutboxMessage.key).where(
        OutboxMessage.sent_ts == ts, OutboxMessage.sent_channel == channel)).scalars().all()
    for key in rows:
        kind, _, rest = key.partition(":")
        if kind in ("question", "nudge"):
            prompt_id = rest.partition(":")[0]
            if prompt_id.isascii() and prompt_id.isdigit():
                return int(prompt_id)
    return None


def cancel_open_prompts(session, person: Person, now: datetime) -> None:
    """Someone who opts out or leaves the roster gets nothing more."""
    session.execute(
        update(Prompt)
        .where(Prompt.person_id == person.id, Prompt.status.in_(PromptStatus.OPEN))
        .values(status=PromptStatus.CANCELLED, closed_at=now)
    )


def reopen_prompts(services, session, person: Person, now: datetime) -> None:
    """`resume` (or `start`) again: this week's question, if `stop` cancelled it or a pause set it aside,
    is theirs again (sent ones open, unsent ones due now) — "questions again from this week".

    A sent question a pause closed lost its buttons and says it was paused: it is asked again
    (`ask_again`), so the physician sees it, with its buttons, where they just typed "resume".
    """
    closed = []
    if person.opted_out_at is not None:
        closed.append((Prompt.status == PromptStatus.CANCELLED) & (Prompt.closed_at >= person.opted_out_at))
    if person.paused_until is not None:
        closed.append(Prompt.status == PromptStatus.PAUSED)
    if not closed:
        return
    prompts = session.scalars(select(Prompt).where(
        Prompt.person_id == person.id, or_(*closed), Prompt.expires_at > now)).all()
    for prompt in prompts:
        was_paused = prompt.status == PromptStatus.PAUSED
        prompt.closed_at = None
        if prompt.sent_at is None:
            # its own time if that is still to come this week, else now
            prompt.status, prompt.due_at = PromptStatus.SCHEDULED, max(prompt.due_at, now)
        else:
            prompt.status = PromptStatus.ANSWERED if prompt.answered_at else PromptStatus.SENT
            if was_paused and prompt.status == PromptStatus.SENT:
                ask_again(services, session, prompt, now)


RESUMED_LINE = "Questions resumed: this question is asked again below."


def ask_again(services, session, prompt: Prompt, now: datetime) -> None:
    """Post a paused question again after `resume`, through the outbox (once, under the next
    `question:` key); its earlier messages, which said it was paused, now say it was resumed."""
    recipient = address(services, prompt.person)
    if not recipient:
        return
    edit_question_messages(services, session, prompt, RESUMED_LINE, "resumed", now)
    prompt.sends += 1
    enqueue(session, key=f"question:{prompt.id}:{prompt.sends}", platform=services.platform,
            recipient=recipient, now=now, message=question_message(services, prompt, now, resumed=True))
    prompt.sent_at = now


def edit_question_messages(services, session, prompt: Prompt, line: str, kind: str, now: datetime) -> None:
    """Queue the edit of every sent message of the prompt to its text without buttons plus `line`
    (a pause typed or picked on the home tab, a resume). An earlier pause or resume edit of the
    same message still waiting in the outbox is dropped, so the edits cannot land out of order."""
    for ref, message in closed_messages(session, prompt, line):
        recipient = f"{ref.channel} {ref.ts}"
        session.execute(update(OutboxMessage).where(
            OutboxMessage.recipient_kind == UPDATE, OutboxMessage.recipient == recipient,
            OutboxMessage.status == OutboxStatus.PENDING,
            or_(OutboxMessage.key.like(f"paused:{prompt.id}:%"), OutboxMessage.key.like(f"resumed:{prompt.id}:%")),
        ).values(status=OutboxStatus.SUPERSEDED))
        enqueue_update(session, key=f"{kind}:{prompt.id}:{ref.ts}:{prompt.sends}", platform=services.platform,
                       ref=ref, message=message, now=now)

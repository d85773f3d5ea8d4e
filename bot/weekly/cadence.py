"""A person's weekly cadence: when their next question comes, and how a snooze or a pause moves it.

Pure date arithmetic over a person's weekday, time, zone and pause (and one query for a question
still to come this week), apart from the tick steps that send and close questions
(`bot.weekly.prompts`): the Pause menu, `pause 2w`, the home tab, the console and "your next
question arrives …" replies all ask the same functions, so they say and do the same thing.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

from sqlalchemy import select

from bot import weeks
from bot.config import parse_clock_time
from bot.store import Person, Prompt, PromptStatus

PAUSE_WEEKS = (1, 2, 4)  # the Pause menu on a question
MAX_PAUSE_WEEKS = 52  # the longest pause, typed (`pause until …`) or picked on the home tab


def is_paused(person: Person, week: str) -> bool:
    """Whether `week` (a local ISO week) falls in the person's pause: no question is scheduled for it."""
    return person.paused_until is not None and weeks.week_monday(week) < person.paused_until


def snooze_until(prompt: Prompt, now: datetime, days: int = 1) -> datetime | None:
    """When a question snoozed at `now` comes again: the same local time `days` later (across a
    DST change too, by the rule in `bot.weeks`), or None when that is not before the question
    closes. A closed question is never sent again (the late window takes replies, not re-sends)."""
    tz = prompt.person.timezone
    local = now.astimezone(weeks.zone(tz))
    again = weeks.local_instant(local.date() + timedelta(days=days), local.time().replace(tzinfo=None), tz)
    return again if again < prompt.expires_at else None


def pause_resumes(week: str, count: int) -> date:
    """The local Monday questions come back after a pause of `count` weeks taken in `week`.

    The week it is taken in is the first week paused (its question, open or still to come, is
    not asked), so a pause of `count` weeks leaves out `count` questions. The Pause menu on a
    question and the typed `pause 2w` both use this, so they say and do the same thing.
    """
    return weeks.week_monday(weeks.next_week_key(week, count))


def pause_label(prompt: Prompt, count: int) -> str:
    """"Pause 2 weeks — back Tue Dec 15": whether this week counts is ambiguous, a date is not."""
    person = prompt.person
    return _pause_label(prompt.week, count, person.weekday, person.local_time, person.timezone)


@lru_cache(maxsize=1024)
def _pause_label(week: str, count: int, weekday: int, local_time: str, timezone: str) -> str:
    """Cached: a fan-out labels three pauses for each of thousands of people who mostly share a
    week, weekday, time and zone (uncached, this was a fifth of the CPU of queueing them)."""
    back = weeks.due_instant(weeks.week_key(pause_resumes(week, count)), weekday,
                             parse_clock_time(local_time), timezone)
    local = back.astimezone(weeks.zone(timezone))
    return f"Pause {count} week{'s' if count > 1 else ''} — back {local:%a %b} {local.day}"


def _resume_week(person: Person) -> str | None:
    """The first local week a pause leaves alone (`is_paused` is false for it), None if not paused."""
    if person.paused_until is None:
        return None
    week = weeks.week_key(person.paused_until)
    return week if weeks.week_monday(week) >= person.paused_until else weeks.next_week_key(week)


def next_question_time(person: Person, now: datetime, after_week: str | None = None) -> datetime:
    """When this person's next question is due (for 'your next question arrives …'): their next
    weekly slot after `now` (and after `after_week`) in a week their pause does not cover."""
    week = weeks.next_week_key(after_week) if after_week else weeks.local_week(now, person.timezone)
    resume = _resume_week(person)
    if resume is not None and weeks.week_monday(resume) > weeks.week_monday(week):
        week = resume
    at = parse_clock_time(person.local_time)
    due = weeks.due_instant(week, person.weekday, at, person.timezone)
    return due if due > now else weeks.due_instant(weeks.next_week_key(week), person.weekday, at, person.timezone)


def next_delivery(session, person: Person, now: datetime) -> datetime:
    """When this person next gets a message from Rounds: a snoozed or not-yet-sent question of
    this week, or else their next weekly slot."""
    pending = session.scalar(select(Prompt.due_at).where(
        Prompt.person_id == person.id, Prompt.status == PromptStatus.SCHEDULED, Prompt.due_at > now,
        Prompt.expires_at > now).order_by(Prompt.due_at).limit(1))
    following = next_question_time(person, now)
    return min(pending, following) if pending is not None else following


def describe_next_question(person: Person, now: datetime, after_week: str | None = None) -> str:
    """"Tue Dec 8, 9:00 AM"; with the year when it is not this year ("Tue Jan 4, 2028, 9:00 AM")."""
    return describe_when(person, next_question_time(person, now, after_week), now)


def describe_next_delivery(session, person: Person, now: datetime) -> str:
    """`describe_next_question`, counting a snoozed question of this week (`next_delivery`)."""
    return describe_when(person, next_delivery(session, person, now), now)


def describe_when(person: Person, due: datetime, now: datetime) -> str:
    """`due` in the person's zone, with the year when it is not this year."""
    text = weeks.describe_local(due, person.timezone)
    if weeks.local_date(due, person.timezone).year != weeks.local_date(now, person.timezone).year:
        day, _, clock = text.partition(", ")
        text = f"{day}, {weeks.local_date(due, person.timezone).year}, {clock}"
    return text

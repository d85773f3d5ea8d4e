"""The words people type: `/rounds …` on Slack, the same words in a DM, on Teams and the console.

One parser and one core for every platform; adapters only pass (platform, user, text) in and
send the `Outcome` back. In a DM only an exact command form is a command (anything else is an
answer to the week's question); the slash command answers unknown words with help, never silence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot import audit, policy, weeks
from bot.chat import Outcome
from bot.config import is_timezone, parse_clock_time, parse_weekday
from bot.inbox.actions import check_reply_text
from bot.inbox.replies import replies_text
from bot.people import person_for_platform_user
from bot.store import Person, Prompt, PromptStatus
from bot.weekly.cadence import (
    MAX_PAUSE_WEEKS,
    describe_next_delivery,
    describe_next_question,
    is_paused,
    pause_resumes,
)
from bot.weekly.prompts import edit_question_messages, late_answers, reopen_prompts

HELP = """\
Rounds words (type them here, or after /rounds):
  status                  your next question and what is paused
  ask                     send me this week's question now
  pause 2w                no questions this week and next (1w … 12w)
  pause until 2027-01-04  no questions until that date
  resume                  questions again from this week
  settings                your day, time and time zone
  settings day wednesday · settings time 08:30 · settings timezone America/Chicago
  replies                 the inbox reply templates
  check <text>            check a reply to a patient review before you post it
  help                    this list"""

STAFF_WORDS = (  # (line, roles that may use it): the words for people who get no weekly question
    ("  replies                 the inbox reply templates", None),
    ("  check <text>            check a reply to a patient review before you post it", {"staff", "lead"}),
    ("  help                    this list", None),
)
QUESTION_WORDS = frozenset({"status", "ask", "pause", "resume", "settings"})  # only physicians get questions

PAUSE_WEEKS = re.compile(r"^pause\s+(?:for\s+)?(\d+)\s*w(?:ee)?(?:ks?)?$")
PAUSE_UNTIL = re.compile(r"^pause\s+until\s+(\d{4}-\d{2}-\d{2})$")
PAUSE_HINT = "Pause for 1 to 12 weeks, e.g. “pause 2w”, or until a date: “pause until 2027-01-04”."
SETTING = re.compile(r"^settings\s+(day|weekday|time|timezone|tz)\s+(\S+)$")
SIMPLE = {"help", "status", "resume", "ask", "settings", "replies"}


@dataclass(frozen=True)
class Command:
    word: str
    argument: str = ""
    value: str = ""


def parse(text: str) -> Command | None:
    """The command in `text`, or None when it is not one of the command forms."""
    cleaned = " ".join(text.strip().split())
    lowered = cleaned.lower().rstrip(".!")
    if lowered in SIMPLE:
        return Command(lowered)
    if match := PAUSE_WEEKS.match(lowered):
        return Command("pause", "weeks", match[1])
    if match := PAUSE_UNTIL.match(lowered):
        return Command("pause", "until", match[1])
    if match := SETTING.match(lowered):
        return Command("settings", {"weekday": "day", "tz": "timezone"}.get(match[1], match[1]),
                       cleaned.split()[-1])
    if lowered.startswith("check ") and cleaned[6:].strip():
        return Command("check", "", cleaned[6:].strip())
    return None


def handle_slash(services, platform: str, user_id: str, text: str, now: datetime) -> Outcome:
    """`/rounds <text>`: a command, or help for anything else (empty text included)."""
    command = parse(text) or _unclear(text)
    with services.db.transaction() as session:
        person = person_for_platform_user(session, platform, user_id)
        if person is None or not person.active:
            return Outcome().say("You are not on this practice's Rounds roster. " + HELP.splitlines()[0])
        if policy.needs_policy(services, person):
            return policy.policy_reply(services, person)
        return run(services, session, person, command, now)


def _unclear(text: str) -> Command:
    """A slash command that is not one of the forms: `pause` with a bad length gets the pause hint
    (not the whole help); anything else gets the help. Only for /rounds: in a DM, text that merely
    starts with "pause" may be an answer."""
    first = text.strip().split(maxsplit=1)[:1]
    if first and first[0].lower() == "pause":
        return Command("pause", "unclear")
    return Command("help")


def run(services, session: Session, person: Person, command: Command, now: datetime) -> Outcome:
    """Carry out one command for `person` inside the caller's transaction.

    Someone who gets no weekly question (staff, approvers, leads who are not physicians) is never
    told about one: the question words answer them with what Rounds does for them.
    """
    if not person.is_physician and command.word in QUESTION_WORDS:
        return Outcome().say(staff_text(services, person))
    handler = {"help": _help, "status": _status, "pause": _pause, "resume": _resume, "ask": _ask,
               "settings": _settings, "replies": _replies, "check": _check}[command.word]
    return handler(services, session, person, command, now)


def _help(services, session, person, command, now) -> Outcome:
    return Outcome().say(help_text(services, person))


def help_text(services, person: Person) -> str:
    """Help that follows the person's roles: physicians get the weekly question's words, everyone
    else what Rounds does for them and their own words."""
    if person.is_physician:
        return services.templates.render("messages/help.txt.j2") + "\n\n" + HELP
    roles = person.role_set
    words = [line for line, only in STAFF_WORDS if only is None or roles & only]
    return staff_text(services, person) + "\n\n" + HELP.splitlines()[0] + "\n" + "\n".join(words)


def staff_text(services, person: Person) -> str:
    """What Rounds is for someone who gets no weekly question, by their roles."""
    return services.templates.render("messages/staff_help.txt.j2", roles=person.role_set)


def _status(services, session, person, command, now) -> Outcome:
    lines = [f"{person.name}: {_schedule(person)}."]
    if person.opted_out_at is not None:
        lines.append("You have opted out of weekly questions; type “resume” to get them again.")
    elif person.is_physician:
        today = weeks.local_date(now, person.timezone)
        if person.paused_until and person.paused_until > today:
            lines.append(f"Paused until {weeks.describe_date(person.paused_until, today)}.")
        lines += _open_questions(services, session, person, now)
        lines.append(f"Next question: {describe_next_question(person, now)}.")
    return Outcome().say("\n".join(lines))


def _open_questions(services, session: Session, person: Person, now: datetime) -> list[str]:
    """Questions that still take an answer (this week's, last week's in its late window) or are snoozed."""
    late = late_answers(services)
    prompts = session.scalars(select(Prompt).where(
        Prompt.person_id == person.id, Prompt.expires_at > now - late,
        Prompt.status.in_((PromptStatus.SENT, PromptStatus.EXPIRED, PromptStatus.SCHEDULED)))
        .order_by(Prompt.expires_at)).all()
    lines = []
    for prompt in prompts:
        until = weeks.describe_local(prompt.expires_at + late, person.timezone)
        if prompt.status == PromptStatus.SCHEDULED:
            if prompt.sends and prompt.expires_at > now:
                again = weeks.describe_local(prompt.due_at, person.timezone)
                lines.append(f"This week's question is snoozed: it comes again {again}.")
        elif prompt.sent_at is None:
            continue
        elif prompt.expires_at > now:
            lines.append(f"This week's question is open (a reply counts until {until}): “{prompt.question.text}”")
        else:
            lines.append(f"Last week's question is still open (a reply in its thread counts until {until}): "
                         f"“{prompt.question.text}”")
    return lines


def _schedule(person: Person) -> str:
    day = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[person.weekday]
    return f"questions on {day}s at {person.local_time} ({person.timezone})"


def close_paused_prompts(services, session: Session, person: Person, now: datetime, line: str) -> None:
    """Open prompts of weeks the pause now covers are closed as paused (not sent, not nudged);
    the messages of a sent one lose their buttons and say `line`, as after the Pause menu."""
    if person.paused_until is None:
        return
    for prompt in session.scalars(select(Prompt).where(Prompt.person_id == person.id,
                                                       Prompt.status.in_(PromptStatus.OPEN))).all():
        if weeks.week_monday(prompt.week) < person.paused_until:
            prompt.status, prompt.closed_at = PromptStatus.PAUSED, now
            if prompt.sent_at is not None:
                edit_question_messages(services, session, prompt, line, "paused", now)


def pause_until(services, session: Session, person: Person, until: date, now: datetime) -> None:
    """A pause typed (`pause 2w`, `pause until …`) or picked on the home tab."""
    person.paused_until, person.updated_at = until, now
    today = weeks.local_date(now, person.timezone)
    close_paused_prompts(services, session, person, now, f"Paused until {weeks.describe_date(until, today)}. "
                                                         f"Next question: {describe_next_question(person, now)}.")
    audit.record(session, subject="person", subject_id=person.id, action="paused", now=now, actor=person,
                 until=until.isoformat())


def latest_pause(today: date) -> date:
    """The latest date a pause may run until: `MAX_PAUSE_WEEKS` from today."""
    return today + timedelta(weeks=MAX_PAUSE_WEEKS)


def _pause(services, session, person, command, now) -> Outcome:
    today = weeks.local_date(now, person.timezone)
    if command.argument == "unclear":
        return Outcome().say(PAUSE_HINT)
    if command.argument == "weeks":
        count = int(command.value)
        if not 1 <= count <= 12:
            return Outcome().say(PAUSE_HINT)
        until = pause_resumes(weeks.local_week(now, person.timezone), count)
    else:
        try:
            until = date.fromisoformat(command.value)
        except ValueError:
            return Outcome().say(f"{command.value} is not a date; try “pause until 2027-01-04”.")
        if until <= today:
            return Outcome().say("That date has passed; pick a later one.")
        if until > latest_pause(today):
            return Outcome().say(f"A pause can last up to {MAX_PAUSE_WEEKS} weeks: pick a date up to "
                                 f"{weeks.describe_date(latest_pause(today), today)}, or type “stop” "
                                 "to stop questions altogether.")
    pause_until(services, session, person, until, now)
    return Outcome().say(f"Paused until {weeks.describe_date(until, today)}. Next question: "
                         f"{describe_next_question(person, now)}. Type “resume” to undo.")


def resume(services, session: Session, person: Person, now: datetime) -> None:
    """Questions again, after a pause or `stop`: this week's question, cancelled by `stop` or set
    aside by the pause, is theirs again (a paused one is asked again). "resume" is the one word
    Rounds tells people; "start" in a DM does the same."""
    reopen_prompts(services, session, person, now)
    person.paused_until, person.opted_out_at, person.updated_at = None, None, now
    audit.record(session, subject="person", subject_id=person.id, action="resumed", now=now, actor=person)


def _resume(services, session, person, command, now) -> Outcome:
    """Questions again; someone who neither stopped nor paused is told they already get them
    (nothing is changed or audited: there was nothing to resume)."""
    stopped = person.opted_out_at is not None or is_paused(person, weeks.local_week(now, person.timezone))
    if stopped:
        resume(services, session, person, now)
    open_question = session.scalar(select(Prompt.id).where(
        Prompt.person_id == person.id, Prompt.status == PromptStatus.SENT, Prompt.expires_at > now).limit(1))
    # A snoozed question is the next one, as `status` says ("it comes again …").
    next_time = describe_next_delivery(session, person, now)
    return Outcome().say(services.templates.render("messages/started.txt.j2", open_question=open_question is not None,
                                                   next_time=next_time, already=not stopped))


def _ask(services, session, person, command, now) -> Outcome:
    """This week's question now: a scheduled one is made due at once and goes out on the next tick."""
    if not person.is_physician:
        return Outcome().say("Weekly questions are for physicians on the roster.")
    week = weeks.local_week(now, person.timezone)
    prompt = session.scalars(select(Prompt).where(Prompt.person_id == person.id, Prompt.week == week)
                             .with_for_update()).first()
    if prompt is None:
        from bot.weekly.questions import pick_questions

        if person.opted_out_at is not None:
            return Outcome().say("You have opted out; type “resume” first.")
        question = pick_questions(session, [person]).get(person.id)
        if question is None:
            return Outcome().say("There is no question for you in the bank right now.")
        session.add(Prompt(person_id=person.id, week=week, question_id=question.id, status=PromptStatus.SCHEDULED,
                           due_at=now, expires_at=weeks.week_end(week, person.timezone), sends=0))
        return Outcome().say("This week's question is on its way.")
    if prompt.status == PromptStatus.SCHEDULED:
        prompt.due_at = min(prompt.due_at, now)
        return Outcome().say("This week's question is on its way.")
    if prompt.status == PromptStatus.SENT:
        return Outcome().say(f"This week's question: {prompt.question.text}\nJust reply here.")
    return Outcome().say(f"This week's question is already {prompt.status}. "
                         f"Next: {describe_next_question(person, now, week)}.")


def change_settings(session: Session, person: Person, now: datetime, *, weekday: int | None = None,
                    local_time: str | None = None, timezone: str | None = None) -> None:
    """New day/time/zone; this week's not-yet-sent question moves with them."""
    if weekday is not None:
        person.weekday = weekday
    if local_time is not None:
        person.local_time = local_time
    if timezone is not None:
        person.timezone = timezone
    person.updated_at = now
    week = weeks.local_week(now, person.timezone)
    session.execute(update(Prompt).where(Prompt.person_id == person.id, Prompt.week == week,
                                         Prompt.status == PromptStatus.SCHEDULED)
                    .values(due_at=weeks.due_instant(week, person.weekday, parse_clock_time(person.local_time),
                                                     person.timezone)))
    audit.record(session, subject="person", subject_id=person.id, action="settings_changed", now=now,
                 actor=person, weekday=person.weekday, time=person.local_time, timezone=person.timezone)


def _settings(services, session, person, command, now) -> Outcome:
    if not command.argument:
        return Outcome().say(f"You get {_schedule(person)}.\nChange with “settings day wednesday”, "
                             "“settings time 08:30” or “settings timezone America/Chicago”.")
    try:
        if command.argument == "day":
            change_settings(session, person, now, weekday=parse_weekday(command.value))
        elif command.argument == "time":
            change_settings(session, person, now, local_time=parse_clock_time(command.value).strftime("%H:%M"))
        elif is_timezone(command.value):
            change_settings(session, person, now, timezone=command.value)
        else:
            return Outcome().say(f"{command.value} is not a time zone; try e.g. America/Chicago.")
    except ValueError:
        return Outcome().say(f"{command.value} is not a valid {command.argument}.")
    return Outcome().say(f"Done: {_schedule(person)}. Next question: {describe_next_question(person, now)}.")


def _replies(services, session, person, command, now) -> Outcome:
    return Outcome().say(replies_text(services))


def _check(services, session, person, command, now) -> Outcome:
    return check_reply_text(services, session, command.value, Outcome())

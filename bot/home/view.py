"""What a person's home shows, by role, as neutral blocks the adapters render.

A physician: next question (day, time, time zone), streak, last approved posts and their slots,
and controls to change day / time / zone, pause until a date, or resume. An approver: drafts
waiting, oldest first, each linking to its card. Staff and leads: today's inbox check and its state
(`bot.home.inbox`). Views are capped at `MAX_BLOCKS` rendered blocks (Slack's Home tab allows 100).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import weeks
from bot.chat import Button, Menu, MessageRef
from bot.home.inbox import TITLE as INBOX_TITLE
from bot.home.inbox import inbox_block_text
from bot.review.calendar import CalendarEntry, _entries, pending_reviews
from bot.review.cards import card_ref
from bot.store import Answer, Person, Prompt, PromptStatus
from bot.weekly.cadence import describe_next_question

MAX_BLOCKS = 100
PENDING_SHOWN = 20
POSTS_SHOWN = 5
STREAK_WEEKS = 52
TIMEZONES = ("America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles",
             "America/Anchorage", "Pacific/Honolulu", "Europe/London", "Europe/Paris")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class HomeBlock:
    """A header with text lines and optional controls; `link` is a card to jump to."""

    title: str = ""
    text: str = ""
    buttons: tuple[Button, ...] = ()
    menus: tuple[Menu, ...] = ()
    date_action: str = ""  # a date picker (pause until) with this action id
    date_initial: date | None = None
    link: MessageRef | None = None
    link_label: str = ""


@dataclass(frozen=True)
class HomeView:
    blocks: tuple[HomeBlock, ...] = field(default_factory=tuple)


def home_view(services, session: Session, person: Person | None, now: datetime) -> HomeView:
    """The person's home at `now`; someone not on the roster gets a short explanation."""
    if person is None or not person.active:
        return HomeView((HomeBlock("Rounds", "You are not on this practice's Rounds roster."),))
    blocks = [HomeBlock(f"Rounds for {person.name}", "Type /rounds help for everything you can do.")]
    if services.config.policy.url and person.policy_acknowledged_at is None:
        blocks.append(HomeBlock("Social-media policy", f"Please read it first: {services.config.policy.url}",
                                buttons=(Button("I have read it", "policy.ack", str(person.policy_round),
                                                "primary"),)))
        return HomeView(tuple(blocks))
    if person.is_physician:
        blocks += _physician(services, session, person, now)
    if "approver" in person.role_set:
        blocks += _approver(session)
    if person.role_set & {"staff", "lead"}:  # leads are told when a check is missed: they see it too
        text, buttons = inbox_block_text(services, session, person, now)
        blocks.append(HomeBlock(INBOX_TITLE, text, buttons=buttons))
    return HomeView(tuple(blocks))


def _physician(services, session: Session, person: Person, now: datetime) -> list[HomeBlock]:
    today = weeks.local_date(now, person.timezone)
    paused = person.paused_until is not None and person.paused_until > today
    if person.opted_out_at is not None:
        status = "You have opted out of weekly questions."
    else:
        status = f"Next question: {describe_next_question(person, now)} ({person.timezone})."
        if paused:
            status += f"\nPaused until {weeks.describe_date(person.paused_until, today)}."
    streak = answer_streak(session, person, now)
    status += f"\nStreak: {streak} week{'s' if streak != 1 else ''} answered in a row."
    controls = (
        Menu(f"Day: {DAYS[person.weekday]}", "home.weekday", tuple((day, str(i)) for i, day in enumerate(DAYS))),
        Menu(f"Time: {person.local_time}", "home.time",
             tuple((f"{h:02d}:{m:02d}", f"{h:02d}:{m:02d}") for h in range(6, 21) for m in (0, 30))),
        Menu(f"Zone: {person.timezone}", "home.timezone",
             tuple((tz, tz) for tz in dict.fromkeys((person.timezone, *TIMEZONES)))),
    )
    blocks = [HomeBlock("Your weekly question", status),
              HomeBlock("Settings", f"{DAYS[person.weekday]}s at {person.local_time}, {person.timezone}",
                        menus=controls),
              HomeBlock("Pause", "No questions until the date you pick." if not paused else "",
                        buttons=(Button("Resume now", "home.resume", "", "primary"),) if paused or
                        person.opted_out_at is not None else (),
                        date_action="home.pause_until", date_initial=person.paused_until if paused else None)]
    posts = last_posts(services, session, person)
    lines = [f"• {e.local_at:%a %b} {e.local_at.day} {e.local_at:%H:%M}, {e.label}: {e.text[:80]}" for e in posts]
    blocks.append(HomeBlock("Your last approved posts", "\n".join(lines) or "None yet."))
    return blocks


def answer_streak(session: Session, person: Person, now: datetime) -> int:
    """Weeks answered in a row, counting back from the latest closed or answered week."""
    statuses = session.scalars(
        select(Prompt.status).where(Prompt.person_id == person.id,
                                    Prompt.week <= weeks.local_week(now, person.timezone))
        .order_by(Prompt.week.desc()).limit(STREAK_WEEKS)).all()
    streak = 0
    for index, status in enumerate(statuses):
        if status == PromptStatus.ANSWERED:
            streak += 1
        elif index == 0 and status in PromptStatus.OPEN:
            continue  # this week is still open: it neither breaks nor extends the streak
        elif status == PromptStatus.PAUSED:
            continue
        else:
            break
    return streak


def last_posts(services, session: Session, person: Person) -> list[CalendarEntry]:
    mine = Answer.person_id == person.id
    entries = _entries(session, services.config, mine)
    return sorted(entries, key=lambda e: e.slot_at, reverse=True)[:POSTS_SHOWN]


def _approver(session: Session) -> list[HomeBlock]:
    pending = pending_reviews(session)
    if not pending:
        return [HomeBlock("Drafts waiting", "Nothing is waiting for approval.")]
    blocks = [HomeBlock("Drafts waiting", f"{len(pending)} waiting, oldest first.")]
    for review in pending[:PENDING_SHOWN]:
        answer = session.get(Answer, review.answer_id)
        ref = card_ref(session, answer) if answer is not None else None
        blocks.append(HomeBlock(text=f"{review.physician}: “{review.question[:80]}” since "
                                     f"{review.since:%b} {review.since.day}",
                                link=ref, link_label="Open card"))
    if len(pending) > PENDING_SHOWN:
        blocks.append(HomeBlock(text=f"… and {len(pending) - PENDING_SHOWN} more in the marketing channel."))
    return blocks

"""Staff's home block: today's inbox check and where it stands, read from the inbox loop's tables.

It shows what the loop recorded (who is on duty, when each was reminded, snoozed or asked for
help, who tapped Done and when, whether the leads were told), never message content. The
viewer's own duty gets the reminder's buttons (Done, Need help, reply templates, check a reply),
routed to the same inbox actions as the DM, so the home and the reminder can never disagree.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.chat import Button
from bot.inbox import messages as m
from bot.inbox.duty import day_times, on_duty
from bot.store import InboxDay, InboxDuty, Person

TITLE = "Today's inbox check"


def inbox_block_text(services, session: Session, person: Person, now: datetime) -> tuple[str, tuple[Button, ...]]:
    """The block's text and the viewer's buttons for the practice's day at `now`."""
    config = services.config
    if not config.inbox.enabled:
        return "Inbox checks are off: no inbox accounts are configured ([inbox] accounts).", ()
    calendar = config.practice.calendar
    tz = calendar.zone
    today = calendar.local_date(now)
    if not calendar.is_working_day(today):
        upcoming = calendar.next_working_day(today)
        return (f"No check today: not a working day. Next: {m.day_label(upcoming)} at "
                f"{m.clock(day_times(config, upcoming).reminder_at, tz)}."), ()
    times = day_times(config, today)
    head = (f"{m.day_label(today)}: reminder {m.clock(times.reminder_at, tz)}, "
            f"deadline {m.clock(times.deadline_at, tz)}.")
    accounts = "\n".join(f"• {account.name}: {account.url}" for account in config.inbox.accounts)
    record = session.scalars(select(InboxDay).where(InboxDay.day == today)).first()
    if record is None:
        if now >= times.deadline_at:
            return f"{head}\nNo check was started today (Rounds was not running between those times).", ()
        expected = ", ".join(p.name for p in on_duty(session, config, today)) or "nobody is available"
        return f"{head}\nOn duty: {expected}. Not started yet.\n{accounts}", ()
    duties = session.scalars(select(InboxDuty).where(InboxDuty.day_id == record.id).order_by(InboxDuty.id)).all()
    lines = [head, "On duty:" if duties else "On duty: nobody was available."]
    lines += [f"• {_duty_line(duty, tz)}" for duty in duties]
    if record.done_at is not None:
        lines.append(m.done_line(services, record))
    elif now >= times.deadline_at:
        told = f"; the leads were told at {m.clock(record.escalated_at, tz)}" if record.escalated_at else ""
        lines.append(f"✗ Not done by the deadline{told}.")
    else:
        lines.append("Not done yet.")
    lines.append(accounts)
    mine = next((duty for duty in duties if duty.person_id == person.id), None)
    return "\n".join(lines), _buttons(mine, record)


def _duty_line(duty: InboxDuty, tz) -> str:
    parts = [f"reminded {m.clock(duty.reminded_at, tz)}" if duty.reminded_at else "not reminded yet"]
    if duty.snoozed_at:
        parts.append(f"snoozed {m.clock(duty.snoozed_at, tz)}")
    if duty.help_requests:
        parts.append("asked for help")
    if duty.done_at:
        parts.append(f"done {m.clock(duty.done_at, tz)}")
    return f"{duty.person.name}: {', '.join(parts)}"


def _buttons(duty: InboxDuty | None, record: InboxDay) -> tuple[Button, ...]:
    """The viewer's own duty only: the inbox actions refuse a button that isn't theirs."""
    if duty is None:
        return ()
    value = str(duty.id)
    helpers = (Button("Reply templates", m.TEMPLATES, value), Button("Check a reply", m.CHECK, value))
    if record.done_at is not None:
        return helpers
    return (Button("Done", m.DONE, value, "primary"), Button("Need help", m.HELP, value), *helpers)

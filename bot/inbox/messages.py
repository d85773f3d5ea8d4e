"""What the inbox loop says: the reminder, its Done line, and the leads' messages.

Text comes from `templates/messages/inbox_*.txt.j2`; this module only gathers the context and
the buttons. Buttons carry the duty id, so a click is routed to one (person, day) row.
"""

from __future__ import annotations

from datetime import date, datetime

from bot.chat import Button, OutgoingMessage
from bot.store import InboxDay, InboxDuty

DONE, HELP, SNOOZE, TEMPLATES, CHECK, DETAILS = (
    "inbox.done", "inbox.help", "inbox.snooze", "inbox.templates", "inbox.check", "inbox.details")


def clock(instant: datetime, tz) -> str:
    """24-hour local time such as "10:12", like the times in `[inbox]`."""
    local = instant.astimezone(tz)
    return f"{local.hour}:{local:%M}"


def day_label(day: date) -> str:
    return f"{day:%a %b} {day.day}"


def render(services, name: str, **context) -> str:
    return services.templates.render(f"messages/inbox_{name}.txt.j2", **context)


def status_line(services, day: date | None, record: InboxDay | None) -> str:
    """One line about a past day: done by whom and when, or not done (and whether leads were told)."""
    if day is None:
        return ""
    tz = services.config.practice.calendar.zone
    label = day_label(day)
    if record is None:
        return f"Last working day ({label}): no check was scheduled."
    if record.done_at is not None:
        who = record.done_by.name if record.done_by is not None else "someone"
        return f"Last working day ({label}): ✓ done by {who} at {clock(record.done_at, tz)}."
    told = " (the lead was told)" if record.escalated_at is not None else ""
    return f"Last working day ({label}): ✗ not marked done{told}."


def reminder_message(services, duty: InboxDuty, deadline_at: datetime, yesterday: str,
                     snoozed: bool = False) -> OutgoingMessage:
    """The private reminder: checklist with links, last working day's status, and the buttons."""
    config = services.config
    tz = config.practice.calendar.zone
    text = render(services, "reminder", person=duty.person, accounts=config.inbox.accounts,
                  day=day_label(duty.day), deadline=clock(deadline_at, tz), yesterday=yesterday,
                  weekly=config.inbox.rotation == "weekly", snoozed=snoozed, phone=config.practice.phone)
    value = str(duty.id)
    buttons = (Button("Done", DONE, value, "primary"), Button("Need help", HELP, value))
    if not snoozed:
        buttons += (Button("Snooze 1 hour", SNOOZE, value),)
    buttons += (Button("Reply templates", TEMPLATES, value), Button("Check a reply", CHECK, value))
    return OutgoingMessage(text=text, buttons=buttons)


def done_line(services, record: InboxDay) -> str:
    """"✓ Done by Sam Ortiz at 10:12 (3 messages answered)"."""
    summary = done_summary(services, record)
    return f"✓ D{summary[1:]}"


def done_summary(services, record: InboxDay) -> str:
    """"done by Sam Ortiz at 10:12 (…)", to fit inside a sentence."""
    tz = services.config.practice.calendar.zone
    who = record.done_by.name if record.done_by is not None else "someone"
    details = []
    if record.done_count is not None:
        details.append(f"{record.done_count} message{'s' if record.done_count != 1 else ''} answered")
    if record.done_note:
        details.append(f"note: {record.done_note}")
    extra = f" ({'; '.join(details)})" if details else ""
    return f"done by {who} at {clock(record.done_at, tz)}{extra}"


def done_message(services, original: OutgoingMessage, record: InboxDay, duty_id: int,
                 is_doer: bool) -> OutgoingMessage:
    """A reminder after Done: its checklist kept, the Done line added, only helpers left as buttons."""
    head = original.text.split("\n\n✓ Done by ")[0]
    value = str(duty_id)
    buttons = (Button("Add count or note", DETAILS, value),) if is_doer else ()
    buttons += (Button("Reply templates", TEMPLATES, value), Button("Check a reply", CHECK, value))
    return OutgoingMessage(text=f"{head}\n\n{done_line(services, record)}", buttons=buttons, key=original.key)

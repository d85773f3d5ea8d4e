"""Buttons and forms on the inbox reminder: Done, Need help, Snooze 1 hour, Reply templates, Check a reply.

Done is a compare-and-set on the day row (UPDATE … WHERE done_at IS NULL RETURNING), so a
double tap, a Slack retry or two staff members at once record exactly one Done; everyone's
reminder for the day is then updated to say who did it and when. Messages to leads go through
the outbox (exactly once, keyed by duty). A draft reply sent to "Check a reply" is screened in
memory and never stored or logged.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime, timedelta

from sqlalchemy import select, update

from bot import audit
from bot.chat import ActionEvent, Button, Form, FormField, MessageRef, Outcome, OutgoingMessage, small_number
from bot.inbox import messages as m
from bot.inbox.duty import day_times, is_available, people_with_role
from bot.inbox.replies import replies_text
from bot.inbox.reply_check import check_reply, describe_findings
from bot.inbox.schedule import reminder_key_prefix
from bot.outbox import enqueue
from bot.people import address, person_for_platform_user
from bot.store import InboxDay, InboxDuty, OutboxMessage

logger = logging.getLogger(__name__)

SNOOZE = timedelta(hours=1)
NOTE_LIMIT = 300
CHECK_LIMIT = 3000


def handle_inbox_action(services, action: ActionEvent, now: datetime) -> Outcome:
    """A click or form submission on an inbox reminder, only by the person it was sent to."""
    outcome = Outcome()
    if action.action == m.CHECK + ".submit":
        with services.db.transaction() as session:
            return check_reply_text(services, session, action.fields.get("reply", ""), outcome)
    duty_id = small_number(action.value, digits=18)  # "¹" passes str.isdigit; 30 nines overflow
    if duty_id is None:
        return outcome
    with services.db.transaction() as session:
        person = person_for_platform_user(session, action.platform, action.user_id)
        duty = session.get(InboxDuty, duty_id)
        if person is None or duty is None or duty.person_id != person.id:
            return outcome.say("That button isn't for you.")
        handler = HANDLERS.get(action.action)
        if handler is None:  # never the id itself: it arrived from outside and may hold any text
            logger.warning("unknown inbox action id (%s characters) from %s", len(action.action), action.platform)
            return outcome
        return handler(services, session, duty, action, now, outcome)


# --- Done -------------------------------------------------------------------------------------


def _done(services, session, duty: InboxDuty, action, now, outcome) -> Outcome:
    won = session.execute(
        update(InboxDay).where(InboxDay.id == duty.day_id, InboxDay.done_at.is_(None))
        .values(done_at=now, done_by_id=duty.person_id).returning(InboxDay.id)
    ).first()
    session.execute(update(InboxDuty).where(InboxDuty.day_id == duty.day_id).values(next_send_at=None))
    record = session.get(InboxDay, duty.day_id)
    session.refresh(record)
    if won is None:
        if action.message is not None:  # a double tap or a retry: show the Done that stands
            outcome.updates.extend(_reminder_updates(services, session, record, only=action.message))
        if record.done_by_id != duty.person_id:
            outcome.say(f"Already {m.done_summary(services, record)}. Thank you all the same!")
        return outcome
    duty.done_at = now
    audit.record(session, subject="inbox_day", subject_id=record.id, action="done", now=now, actor=duty.person)
    outcome.updates.extend(_reminder_updates(services, session, record))
    if record.escalated_at is not None:
        _tell_leads_late_done(services, session, record, now)
    return outcome


def _reminder_updates(services, session, record: InboxDay, only: MessageRef | None = None):
    """Every reminder sent for the day (snoozed re-sends too), rewritten with the Done line."""
    rows = session.scalars(select(OutboxMessage).where(
        OutboxMessage.key.like(reminder_key_prefix(record.day) + "%"), OutboxMessage.sent_ts.is_not(None))).all()
    duties = {duty.person_id: duty.id for duty in
              session.scalars(select(InboxDuty).where(InboxDuty.day_id == record.id))}
    updates = []
    for row in rows:
        ref = MessageRef(row.sent_channel, row.sent_ts)
        if only is not None and ref != only:
            continue
        person_id = int(row.key.split(":")[3])
        original = OutgoingMessage.from_json(row.payload)
        updates.append((ref, m.done_message(services, original, record, duties.get(person_id, 0),
                                            is_doer=person_id == record.done_by_id)))
    return updates


def _tell_leads_late_done(services, session, record: InboxDay, now: datetime) -> None:
    text = m.render(services, "late_done", day=m.day_label(record.day), done=m.done_line(services, record))
    for lead in people_with_role(session, "lead"):
        recipient = address(services, lead)
        if recipient and is_available(lead, record.day):
            enqueue(session, key=f"inbox:late-done:{record.day.isoformat()}:{lead.id}", platform=services.platform,
                    recipient=recipient, message=OutgoingMessage(text=text), now=now)


def _details_form(services, session, duty, action, now, outcome) -> Outcome:
    record = duty.inbox_day
    if record.done_by_id != duty.person_id:
        return outcome.say("Only whoever tapped Done can add the count and a note.")
    outcome.form = Form(
        title="Inbox check done", submit_label="Save", action=m.DETAILS + ".submit", value=str(duty.id),
        message=action.message,
        fields=(FormField("count", "How many messages did you answer? (optional)", multiline=False,
                          required=False, max_length=6,
                          initial="" if record.done_count is None else str(record.done_count)),
                FormField("note", "Anything to follow up? (optional)", required=False, max_length=NOTE_LIMIT,
                          initial=record.done_note or "")))
    return outcome


def _save_details(services, session, duty, action, now, outcome) -> Outcome:
    record = session.get(InboxDay, duty.day_id, with_for_update=True)
    if record.done_by_id != duty.person_id:
        return outcome.say("Only whoever tapped Done can add the count and a note.")
    count = (action.fields.get("count") or "").strip()
    number = small_number(count, digits=6)
    if count and (number is None or number > 100000):
        return outcome.say(f"The count should be a whole number, like 3 (got {count[:20]!r}). Nothing was changed.")
    record.done_count = number if count else None
    record.done_note = " ".join((action.fields.get("note") or "").split())[:NOTE_LIMIT] or None
    session.flush()
    outcome.updates.extend(_reminder_updates(services, session, record))
    return outcome.say("Thanks, noted.")


# --- Need help, Snooze, templates, check --------------------------------------------------------


def _help_form(services, session, duty, action, now, outcome) -> Outcome:
    outcome.form = Form(title="Need help", submit_label="Tell the lead", action=m.HELP + ".submit",
                        value=str(duty.id), message=action.message,
                        fields=(FormField("note", "What do you need help with? (one line)", multiline=False,
                                          max_length=NOTE_LIMIT),))
    return outcome


def _ask_for_help(services, session, duty, action, now, outcome) -> Outcome:
    note = " ".join((action.fields.get("note") or "").split())[:NOTE_LIMIT]
    if not note:
        return outcome.say("Please say in one line what you need help with.")
    leads = [lead for lead in people_with_role(session, "lead")
             if lead.id != duty.person_id and is_available(lead, duty.day) and address(services, lead)]
    if not leads:
        logger.warning("inbox duty %s asked for help but the roster has no lead to tell", duty.id)
        return outcome.say("There's no lead on the roster to tell. Please ask your practice manager directly.")
    # The same note submitted twice (a double submit) is one request; a new note is another.
    digest = hashlib.sha256(note.encode()).hexdigest()[:12]
    text = m.render(services, "help", person=duty.person, day=m.day_label(duty.day), note=note)
    sent = False
    for lead in leads:
        sent |= enqueue(session, key=f"inbox:help:{duty.id}:{digest}:{lead.id}", platform=services.platform,
                        recipient=address(services, lead), message=OutgoingMessage(text=text), now=now)
    if sent:
        duty.help_requests += 1
        audit.record(session, subject="inbox_day", subject_id=duty.day_id, action="help", now=now,
                     actor=duty.person, leads=[lead.id for lead in leads])
    return outcome.say(f"I've told {', '.join(lead.name for lead in leads)}. They'll get back to you.")


def _snooze(services, session, duty, action, now, outcome) -> Outcome:
    record = duty.inbox_day
    if record.done_at is not None:
        return outcome.say(f"No need: already {m.done_summary(services, record)}.")
    if duty.snoozed_at is not None:
        return outcome.say("You've already snoozed today's reminder once.")
    again = now + SNOOZE
    deadline_at = day_times(services.config, duty.day).deadline_at
    tz = services.config.practice.calendar.zone
    if again >= deadline_at:
        return outcome.say(f"It's too close to the {m.clock(deadline_at, tz)} deadline to snooze: "
                           "please check the inboxes now, or tap Need help.")
    duty.snoozed_at, duty.next_send_at = now, again
    return outcome.say(f"Snoozed: I'll remind you again at {m.clock(again, tz)}.")


def _templates(services, session, duty, action, now, outcome) -> Outcome:
    return outcome.say(replies_text(services), buttons=(Button("Check a reply", m.CHECK, str(duty.id)),))


def check_form(value: str = "", message: MessageRef | None = None) -> Form:
    return Form(title="Check a reply", submit_label="Check", action=m.CHECK + ".submit", value=value,
                message=message,
                fields=(FormField("reply", "Paste the reply you want to post", max_length=CHECK_LIMIT),))


def _check_form(services, session, duty, action, now, outcome) -> Outcome:
    outcome.form = check_form(str(duty.id), action.message)
    return outcome


MAX_REPLY_CHARS = 3000  # as long as an answer may be (Instagram replies allow 2,200 characters)


def check_reply_text(services, session, text: str, outcome: Outcome) -> Outcome:
    """Screen a draft reply and answer privately; the text goes nowhere else."""
    if not text.strip():
        return outcome.say("Paste the reply you want to check, e.g. \"check Thanks for your message…\".")
    if len(text) > MAX_REPLY_CHARS:  # what any social network takes as a reply; the screen stays quick
        return outcome.say(f"That is longer than a reply can be ({len(text):,} characters): please check a reply "
                           f"of up to {MAX_REPLY_CHARS:,} characters.")
    return outcome.say(describe_findings(check_reply(services.screeners.get(session), text)))


CHECK_WORD = "check"


def is_check_message(person, text: str) -> bool:
    """`check <reply>` from staff or a lead; a physician's answer starting "Check…" stays an answer
    unless written `check:` (physicians who are also staff use that form)."""
    roles = person.role_set
    lowered = text.lower()
    if not roles & {"staff", "lead"} or not lowered.startswith(CHECK_WORD):
        return False
    rest = lowered[len(CHECK_WORD):]
    if rest.startswith(":"):
        return True
    return "physician" not in roles and (rest == "" or rest[0].isspace())


def check_message(services, session, text: str, outcome: Outcome) -> Outcome:
    """A DM `check <reply>`: the same check as the form, answered privately."""
    return check_reply_text(services, session, text[len(CHECK_WORD):].lstrip(": \n\t"), outcome)


HANDLERS = {
    m.DONE: _done, m.DETAILS: _details_form, m.DETAILS + ".submit": _save_details,
    m.HELP: _help_form, m.HELP + ".submit": _ask_for_help, m.SNOOZE: _snooze,
    m.TEMPLATES: _templates, m.CHECK: _check_form,
}

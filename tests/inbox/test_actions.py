"""Done, Need help, Snooze, Reply templates and Check a reply, through `handle_action` / `handle_message`."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from bot.chat import IncomingMessage
from bot.scheduler import run_due
from bot.store import AuditEvent, InboxDay, InboxDuty, OutboxMessage, ProcessedEvent
from bot.weekly.inbound import handle_action, handle_message
from tests.conftest import utc
from tests.inbox.conftest import DEADLINE, REMIND, THU, add_person, click, email_of, reminder_for

AT_10_12 = utc(2026, 12, 3, 15, 12)


def remind_two(services):
    add_person(services, "Sam Ortiz", "staff")
    add_person(services, "Kim Reyes", "staff")
    add_person(services, "Jo Lead", "lead")
    assert run_due(services, REMIND).delivered == 2


def day_record(services) -> InboxDay:
    with services.db.transaction() as session:
        record = session.scalars(select(InboxDay).where(InboxDay.day == THU)).one()
        session.expunge(record)
        return record


def test_done_records_once_and_updates_everyones_reminder(inbox, chat):
    remind_two(inbox)
    sam, kim = reminder_for(inbox, "Sam Ortiz"), reminder_for(inbox, "Kim Reyes")
    outcome = handle_action(inbox, click("Sam Ortiz", "inbox.done", sam), AT_10_12)
    assert outcome.replies == []
    updated = {ref.ts: message for ref, message in outcome.updates}
    assert set(updated) == {sam.sent_ts, kim.sent_ts}
    for message in updated.values():
        assert message.text.endswith("✓ Done by Sam Ortiz at 10:12")
        assert "Facebook Page inbox" in message.text
        assert "Done" not in [b.label for b in message.buttons]
    assert [b.label for b in updated[sam.sent_ts].buttons][0] == "Add count or note"
    # A double tap, then the same click again a minute later (a retry): nothing new is recorded.
    for later in (AT_10_12, AT_10_12 + timedelta(minutes=1)):
        again = handle_action(inbox, click("Sam Ortiz", "inbox.done", sam), later)
        assert again.replies == [] and [ref.ts for ref, _ in again.updates] == [sam.sent_ts]
    # Kim taps on her own (stale) reminder: told who did it.
    late = handle_action(inbox, click("Kim Reyes", "inbox.done", kim), AT_10_12 + timedelta(minutes=5))
    assert late.replies[0].text == "Already done by Sam Ortiz at 10:12. Thank you all the same!"
    record = day_record(inbox)
    assert record.done_at == AT_10_12
    with inbox.db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent)
                              .where(AuditEvent.subject == "inbox_day", AuditEvent.action == "done")) == 1
        done = {d.person.name: d.done_at for d in session.scalars(select(InboxDuty))}
    assert done == {"Sam Ortiz": AT_10_12, "Kim Reyes": None}
    # No escalation on a day that was done.
    assert run_due(inbox, DEADLINE).inbox_escalations == 0
    assert chat.texts_to(email_of("Jo Lead")) == []


def test_someone_elses_button_is_refused(inbox):
    remind_two(inbox)
    outcome = handle_action(inbox, click("Kim Reyes", "inbox.done", reminder_for(inbox, "Sam Ortiz")), AT_10_12)
    assert outcome.replies[0].text == "That button isn't for you."
    assert day_record(inbox).done_at is None


def test_done_after_the_deadline_counts_and_the_leads_hear(inbox, chat):
    remind_two(inbox)
    assert run_due(inbox, DEADLINE).inbox_escalations == 1
    handle_action(inbox, click("Kim Reyes", "inbox.done", reminder_for(inbox, "Kim Reyes")),
                  DEADLINE + timedelta(minutes=65))
    run_due(inbox, DEADLINE + timedelta(minutes=66))
    texts = chat.texts_to(email_of("Jo Lead"))
    assert len(texts) == 2 and texts[1] == "Update on Thu Dec 3's inbox check: ✓ Done by Kim Reyes at 13:05."
    assert run_due(inbox, DEADLINE + timedelta(hours=2)).inbox_escalations == 0


def test_done_with_count_and_note(inbox):
    remind_two(inbox)
    sam = reminder_for(inbox, "Sam Ortiz")
    handle_action(inbox, click("Sam Ortiz", "inbox.done", sam), AT_10_12)
    form = handle_action(inbox, click("Sam Ortiz", "inbox.details", sam), AT_10_12).form
    assert [f.name for f in form.fields] == ["count", "note"] and not any(f.required for f in form.fields)
    bad = handle_action(inbox, click("Sam Ortiz", "inbox.details.submit", sam, {"count": "lots"}), AT_10_12)
    assert "whole number" in bad.replies[0].text
    event = click("Sam Ortiz", "inbox.details.submit", sam, {"count": "3", "note": "Call back the Smith review"})
    saved = handle_action(inbox, event, AT_10_12)
    assert saved.replies[0].text == "Thanks, noted."
    assert saved.updates[0][1].text.endswith(
        "✓ Done by Sam Ortiz at 10:12 (3 messages answered; note: Call back the Smith review)")
    record = day_record(inbox)
    assert (record.done_count, record.done_note) == (3, "Call back the Smith review")


def test_need_help_tells_the_lead_privately_with_the_note(inbox, chat):
    remind_two(inbox)
    sam = reminder_for(inbox, "Sam Ortiz")
    form = handle_action(inbox, click("Sam Ortiz", "inbox.help", sam), AT_10_12).form
    assert form.action == "inbox.help.submit" and form.fields[0].name == "note"
    submit = click("Sam Ortiz", "inbox.help.submit", sam, {"note": "An angry review, not sure how to answer"})
    assert submit.value == form.value
    for _ in range(2):  # a double submit asks once
        outcome = handle_action(inbox, submit, AT_10_12)
        assert outcome.replies[0].text == "I've told Jo Lead. They'll get back to you."
    run_due(inbox, AT_10_12)
    [text] = chat.texts_to(email_of("Jo Lead"))
    assert text.startswith("Sam Ortiz needs help with today's inbox check (Thu Dec 3):")
    assert '"An angry review, not sure how to answer"' in text
    assert chat.texts_to(email_of("Kim Reyes"))[-1:] != [text]


def test_snooze_resends_once_an_hour_later_never_after_the_deadline(inbox, chat):
    remind_two(inbox)
    sam = reminder_for(inbox, "Sam Ortiz")
    at_10 = utc(2026, 12, 3, 15, 0)
    outcome = handle_action(inbox, click("Sam Ortiz", "inbox.snooze", sam), at_10)
    assert outcome.replies[0].text == "Snoozed: I'll remind you again at 11:00."
    again = handle_action(inbox, click("Sam Ortiz", "inbox.snooze", sam), at_10 + timedelta(minutes=1))
    assert again.replies[0].text == "You've already snoozed today's reminder once."
    assert run_due(inbox, at_10 + timedelta(minutes=59)).inbox_reminders == 0
    assert run_due(inbox, at_10 + timedelta(hours=1)).inbox_reminders == 1
    assert run_due(inbox, at_10 + timedelta(hours=1, minutes=5)).inbox_reminders == 0
    resent = chat.texts_to(email_of("Sam Ortiz"))
    assert len(resent) == 2 and resent[1].startswith("Reminder (snoozed an hour ago)")
    # Kim snoozes at 11:30: too close to the 12:00 deadline.
    late = handle_action(inbox, click("Kim Reyes", "inbox.snooze", reminder_for(inbox, "Kim Reyes")),
                         utc(2026, 12, 3, 16, 30))
    assert late.replies[0].text.startswith("It's too close to the 12:00 deadline to snooze")
    # Done updates both of Sam's messages, the first and the re-sent one.
    done = handle_action(inbox, click("Sam Ortiz", "inbox.done", reminder_for(inbox, "Sam Ortiz")),
                         utc(2026, 12, 3, 16, 40))
    assert len(done.updates) == 3


def test_snoozed_reminder_is_not_resent_once_someone_is_done(inbox, chat):
    remind_two(inbox)
    at_10 = utc(2026, 12, 3, 15, 0)
    handle_action(inbox, click("Sam Ortiz", "inbox.snooze", reminder_for(inbox, "Sam Ortiz")), at_10)
    handle_action(inbox, click("Kim Reyes", "inbox.done", reminder_for(inbox, "Kim Reyes")), at_10)
    assert run_due(inbox, at_10 + timedelta(hours=1)).inbox_reminders == 0


def test_reply_templates_shown_privately(inbox):
    remind_two(inbox)
    outcome = handle_action(inbox, click("Sam Ortiz", "inbox.templates", reminder_for(inbox, "Sam Ortiz")),
                            AT_10_12)
    text = outcome.replies[0].text
    for title in ("Asks for medical advice", "Complaint or negative review", "Appointment request",
                  "Compliment or thanks", "Possible emergency"):
        assert f"— {title} —" in text
    assert "911" in text and "988" in text and text.count("(555) 010-0100") == 5
    assert [b.label for b in outcome.replies[0].buttons] == ["Check a reply"]


def test_check_a_reply_from_the_form_and_in_a_dm_is_not_stored(inbox):
    remind_two(inbox)
    sam = reminder_for(inbox, "Sam Ortiz")
    form = handle_action(inbox, click("Sam Ortiz", "inbox.check", sam), AT_10_12).form
    assert form.action == "inbox.check.submit"
    draft = "Hi Maria Gonzalez, we saw you last week! Your appointment on Friday is set."
    submit = click("Sam Ortiz", "inbox.check.submit", sam, {"reply": draft})
    found = handle_action(inbox, submit, AT_10_12).replies[0].text
    assert found.startswith("⚠ Please change this reply before posting it:")
    assert '"we saw you"' in found and '"Your appointment on' in found and '"Maria Gonzalez"' in found
    dm = IncomingMessage(platform="console", user_id=email_of("Sam Ortiz"), channel="D-sam", ts="1.1",
                         text="check " + draft)
    assert handle_message(inbox, dm, AT_10_12).replies[0].text == found
    clean = IncomingMessage(platform="console", user_id=email_of("Sam Ortiz"), channel="D-sam", ts="1.2",
                            text="check: Thank you for reaching out! Please call us at (555) 010-0100.")
    assert handle_message(inbox, clean, AT_10_12).replies[0].text.startswith("✓ Looks fine to post")
    with inbox.db.transaction() as session:
        stored = [row.payload for row in session.scalars(select(OutboxMessage))]
        stored += [row.key for row in session.scalars(select(ProcessedEvent))]
        stored += [row.detail for row in session.scalars(select(AuditEvent))]
    assert not any("Gonzalez" in value or "Thank you for reaching" in value for value in stored)


def test_a_physicians_answer_starting_with_check_stays_an_answer(inbox):
    add_person(inbox, "Dr. Ana Lee", "physician;staff")
    dm = IncomingMessage(platform="console", user_id=email_of("Dr. Ana Lee"), channel="D-ana", ts="1.3",
                         text="Check your blood pressure at home.")
    text = handle_message(inbox, dm, AT_10_12).replies[0].text
    assert "Looks fine" not in text and "Please change" not in text


def test_an_over_long_reply_to_check_is_refused_before_screening(inbox):
    from bot.words import handle_slash

    add_person(inbox, "Sam Ortiz", "staff")
    reply = handle_slash(inbox, "console", email_of("Sam Ortiz"), "check " + "x" * 20000, AT_10_12).replies[0]
    assert reply.text.startswith("That is longer than a reply can be (20,000 characters)")

"""When reminders go out and when leads hear: working days, weekends, holidays, catch-up, DST, zones."""

from __future__ import annotations

from datetime import date, timedelta

from bot.chat import OutgoingMessage
from bot.scheduler import run_due
from tests.conftest import utc
from tests.inbox.conftest import (
    DEADLINE,
    REMIND,
    THU,
    add_person,
    email_of,
    inbox_services,
    sent_reminders,
)


def roster(services):
    add_person(services, "Sam Ortiz", "staff")
    add_person(services, "Kim Reyes", "staff")
    add_person(services, "Pat Paused", "staff", paused_until=date(2026, 12, 10))
    add_person(services, "Gone Away", "staff", active=False)
    add_person(services, "Jo Lead", "lead")
    add_person(services, "Dr. Ana Lee", "physician")


def test_working_day_reminds_each_available_staff_member_once(inbox, chat):
    roster(inbox)
    assert run_due(inbox, REMIND - timedelta(seconds=1)).inbox_reminders == 0
    report = run_due(inbox, REMIND)
    assert report.inbox_reminders == 2
    for again in (REMIND, REMIND + timedelta(minutes=30), DEADLINE - timedelta(seconds=1)):
        assert run_due(inbox, again).inbox_reminders == 0
    assert [len(chat.texts_to(email_of(n))) for n in ("Sam Ortiz", "Kim Reyes", "Pat Paused", "Gone Away",
                                                       "Jo Lead", "Dr. Ana Lee")] == [1, 1, 0, 0, 0, 0]
    [(_, message, _)] = [s for s in chat.sent if s[0] == f"D-{email_of('Sam Ortiz')}"]
    assert "Facebook Page inbox: https://business.facebook.com/latest/inbox" in message.text
    assert "Google Business messages: https://business.google.com/messages" in message.text
    assert "by 12:00" in message.text and "(555) 010-0100" in message.text
    assert "Last working day (Wed Dec 2): no check was scheduled." in message.text
    assert [b.label for b in message.buttons] == ["Done", "Need help", "Snooze 1 hour", "Reply templates",
                                                  "Check a reply"]


def test_weekend_and_holiday_send_nothing(database_url, chat):
    services = inbox_services(database_url, chat, practice={"holidays": ["2026-12-24"]})
    add_person(services, "Sam Ortiz", "staff")
    add_person(services, "Jo Lead", "lead")
    saturday, holiday = utc(2026, 12, 5, 14), utc(2026, 12, 24, 14)
    for instant in (saturday, saturday + timedelta(hours=4), holiday, holiday + timedelta(hours=4)):
        report = run_due(services, instant)
        assert (report.inbox_reminders, report.inbox_escalations) == (0, 0)
    assert [s for s in chat.sent if s[0].startswith("D-")] == []
    services.db.dispose()


def test_accounts_missing_means_off(database_url, chat):
    services = inbox_services(database_url, chat, inbox={"accounts": []})
    add_person(services, "Sam Ortiz", "staff")
    assert run_due(services, REMIND).inbox_reminders == 0
    assert run_due(services, DEADLINE).inbox_escalations == 0
    services.db.dispose()


def test_catch_up_after_downtime_same_day_only_before_the_deadline(inbox, chat):
    add_person(inbox, "Sam Ortiz", "staff")
    add_person(inbox, "Jo Lead", "lead")
    # Down all Thursday morning: the first tick at 11:30 catches up.
    assert run_due(inbox, utc(2026, 12, 3, 16, 30)).inbox_reminders == 1
    # Down all Friday until the deadline: no reminder at 12:00 or after, and none the next day.
    friday_deadline = utc(2026, 12, 4, 17, 0)
    assert run_due(inbox, friday_deadline).inbox_reminders == 0
    assert run_due(inbox, friday_deadline + timedelta(hours=3)).inbox_reminders == 0
    monday = utc(2026, 12, 7, 14, 0)
    report = run_due(inbox, monday)
    assert report.inbox_reminders == 1
    assert [row.key.split(":")[2] for row in sent_reminders(inbox, date(2026, 12, 7))] == ["2026-12-07"]
    assert sent_reminders(inbox, date(2026, 12, 4)) == []
    last = chat.texts_to(email_of("Sam Ortiz"))[-1]
    assert "Last working day (Fri Dec 4): no check was scheduled." in last


def test_escalation_once_to_each_lead_and_the_channel(database_url, chat):
    services = inbox_services(database_url, chat, inbox={"escalate_to_channel": True})
    add_person(services, "Sam Ortiz", "staff")
    add_person(services, "Jo Lead", "lead")
    add_person(services, "Max Lead", "lead;approver")
    run_due(services, REMIND)
    assert run_due(services, DEADLINE - timedelta(seconds=1)).inbox_escalations == 0
    assert run_due(services, DEADLINE).inbox_escalations == 1
    assert run_due(services, DEADLINE + timedelta(hours=2)).inbox_escalations == 0
    for lead in ("Jo Lead", "Max Lead"):
        [text] = chat.texts_to(email_of(lead))
        assert "Nobody marked today's inbox check done by 12:00 (Thu Dec 3)" in text
        assert "On duty: Sam Ortiz." in text
    assert len([s for s in chat.sent if s[0] == "#marketing" and s[1].key.startswith("inbox:")]) == 1
    # The next day's reminder says so.
    run_due(services, REMIND + timedelta(days=1))
    assert "✗ not marked done (the lead was told)" in chat.texts_to(email_of("Sam Ortiz"))[-1]
    services.db.dispose()


def test_dst_spring_forward_and_a_time_that_does_not_exist(database_url, chat):
    # Los Angeles moves to PDT on Sunday 2026-03-08; Sunday is a working day here.
    services = inbox_services(database_url, chat, inbox={"reminder_time": "02:30", "deadline": "12:00"},
                              practice={"timezone": "America/Los_Angeles",
                                        "working_days": ["fri", "sun", "mon"]})
    add_person(services, "Sam Ortiz", "staff")
    # Friday (PST, UTC-8): 02:30 is 10:30 UTC.
    assert run_due(services, utc(2026, 3, 6, 10, 29)).inbox_reminders == 0
    assert run_due(services, utc(2026, 3, 6, 10, 30)).inbox_reminders == 1
    # Sunday: 02:30 does not exist; it happens at the instant 02:30 PST would be (03:30 PDT, 10:30 UTC).
    assert run_due(services, utc(2026, 3, 8, 10, 29)).inbox_reminders == 0
    assert run_due(services, utc(2026, 3, 8, 10, 30)).inbox_reminders == 1
    # Monday (PDT, UTC-7): 02:30 is 09:30 UTC, an hour earlier in UTC than last week.
    assert run_due(services, utc(2026, 3, 9, 9, 30)).inbox_reminders == 1
    assert run_due(services, utc(2026, 3, 9, 10, 30)).inbox_reminders == 0
    services.db.dispose()


def test_practice_ahead_of_utc_uses_its_own_date(database_url, chat):
    # Sydney (AEDT, UTC+11): Monday 2026-12-07 09:00 is Sunday 22:00 UTC.
    services = inbox_services(database_url, chat, practice={"timezone": "Australia/Sydney"})
    add_person(services, "Sam Ortiz", "staff")
    assert run_due(services, utc(2026, 12, 6, 21, 59)).inbox_reminders == 0
    assert run_due(services, utc(2026, 12, 6, 22, 0)).inbox_reminders == 1
    assert [row.key.split(":")[2] for row in sent_reminders(services, date(2026, 12, 7))] == ["2026-12-07"]
    # Friday 12:00 Sydney is Friday 01:00 UTC: no escalation before it, one at it.
    add_person(services, "Jo Lead", "lead")
    run_due(services, utc(2026, 12, 10, 22, 0))
    assert run_due(services, utc(2026, 12, 11, 0, 59)).inbox_escalations == 0
    assert run_due(services, utc(2026, 12, 11, 1, 0)).inbox_escalations == 1
    services.db.dispose()


def test_weekly_rotation_changes_at_the_iso_week_boundary_and_skips_the_paused(database_url, chat):
    services = inbox_services(database_url, chat, inbox={"rotation": "weekly"})
    names = ["Ann Ames", "Ben Burr", "Cy Cole"]
    for name in names:
        add_person(services, name, "staff")

    def on_duty(instant) -> list[str]:
        before = len(chat.sent)
        run_due(services, instant)
        return [channel.removeprefix("D-") for channel, _, _ in chat.sent[before:] if channel.startswith("D-")]

    friday, monday = utc(2026, 12, 4, 14), utc(2026, 12, 7, 14)
    first = on_duty(REMIND)
    assert len(first) == 1 and on_duty(friday) == first
    second = on_duty(monday)
    assert len(second) == 1 and second != first
    order = [email_of(n) for n in names]
    assert order.index(second[0]) == (order.index(first[0]) + 1) % 3
    assert "You're on inbox duty this week." in OutgoingMessage.from_json(sent_reminders(
        services, date(2026, 12, 7))[0].payload).text
    # The next week's person is paused: the one after them takes it.
    third_name = names[(order.index(second[0]) + 1) % 3]
    with services.db.transaction() as session:
        from sqlalchemy import update

        from bot.store import Person
        session.execute(update(Person).where(Person.email == email_of(third_name))
                        .values(paused_until=date(2026, 12, 21)))
    assert on_duty(monday + timedelta(days=7)) == [order[(order.index(second[0]) + 2) % 3]]
    services.db.dispose()


def test_reminder_time_on_thursday_is_checked_against_the_calendar():
    # A guard for the fixtures' arithmetic: Thursday 09:00 New York is 14:00 UTC in December.
    assert THU.weekday() == 3 and REMIND.hour == 14

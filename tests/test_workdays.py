"""The practice's working calendar: weekends, holidays, DST days, and approval reminders that wait for them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from bot.config import ConfigError, config_from_mapping, load_config
from bot.scheduler import run_due
from bot.services import build_services
from bot.store import Answer
from bot.workdays import WorkCalendar
from tests.conftest import RecordingChat, make_config, utc
from tests.test_weekly_question import add_person, add_questions, say

NY = WorkCalendar("America/New_York")


def test_weekends_and_holidays_are_not_working_days():
    calendar = WorkCalendar("America/New_York", holidays=frozenset({date(2026, 12, 25)}))
    assert calendar.is_working_day(date(2026, 12, 24))  # Thursday
    assert not calendar.is_working_day(date(2026, 12, 25))  # Christmas, a Friday
    assert not calendar.is_working_day(date(2026, 12, 26))  # Saturday
    assert calendar.next_working_day(date(2026, 12, 25)) == date(2026, 12, 28)


def test_working_hours_skip_the_weekend():
    friday_4pm = utc(2026, 12, 4, 21)  # 16:00 New York
    monday_4pm = utc(2026, 12, 7, 21)
    assert NY.working_hours_between(friday_4pm, monday_4pm) == pytest.approx(24.0)
    assert NY.working_hours_between(monday_4pm, friday_4pm) == 0.0


def test_working_hours_on_dst_days_follow_the_clock():
    # Sunday 2026-03-08 (23 h) is not a working day; Monday 2026-03-09 starts in EDT.
    seven_day = WorkCalendar("America/New_York", working_days=frozenset(range(7)))
    start, end = utc(2026, 3, 8, 5), utc(2026, 3, 9, 4)  # local midnight to midnight on the short day
    assert seven_day.working_hours_between(start, end) == pytest.approx(23.0)
    assert NY.working_hours_between(start, end) == 0.0


def test_a_calendar_with_no_working_day_says_so():
    with pytest.raises(ValueError, match="no working day"):
        WorkCalendar(working_days=frozenset()).next_working_day(date(2026, 1, 1))


def test_config_reads_working_days_holidays_and_an_ics_file(tmp_path):
    (tmp_path / "holidays.ics").write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        "BEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Closed\r\n"
        "DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270102\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    (tmp_path / "config.toml").write_text(
        '[practice]\nworking_days = ["mon", "tue", "wed", "thu", "fri", "sat"]\n'
        'holidays = ["2026-12-25", 2026-11-26]\nholidays_file = "holidays.ics"\n')
    practice = load_config(tmp_path / "config.toml", env={}).practice
    assert practice.working_days == frozenset(range(6))
    assert practice.holidays == {date(2026, 12, 25), date(2026, 11, 26), date(2026, 12, 31), date(2027, 1, 1)}
    assert practice.calendar.is_working_day(date(2026, 12, 26))  # a Saturday, worked here


@pytest.mark.parametrize("practice, words", [
    ({"working_days": ["mon", "funday"]}, ["practice.working_days", "funday"]),
    ({"working_days": []}, ["practice.working_days"]),
    ({"holidays": ["25/12/2026"]}, ["practice.holidays", "YYYY-MM-DD"]),
    ({"holidays_file": "/nonexistent/holidays.ics"}, ["practice.holidays_file", ".ics"]),
])
def test_bad_calendar_values_name_the_key(practice, words):
    with pytest.raises(ConfigError) as error:
        config_from_mapping({"practice": practice}, env={})
    for word in words:
        assert word in str(error.value)


FRIDAY_ANSWER = utc(2026, 12, 4, 20)  # Fri 15:00 New York
FRIDAY_CARD = utc(2026, 12, 4, 20, 30)


def carded_on_friday(database_url, **practice):
    chat = RecordingChat()
    services = build_services(make_config(database_url, practice={"timezone": "America/New_York", **practice}),
                              chats={"console": chat})
    add_questions(services, 2)
    add_person(services, weekday=4, at="09:00")
    add_person(services, email="lead@example.org", name="Lou Chen", roles="lead")
    add_person(services, email="sam@example.org", name="Sam Ortiz", roles="approver")
    run_due(services, utc(2026, 12, 4, 14))  # Fri 09:00: the question goes out
    say(services, "Chest pain is not always a heart attack, but get it checked.", "1.1", now=FRIDAY_ANSWER)
    assert run_due(services, FRIDAY_CARD).cards_posted == 1
    return services, chat


def test_approval_reminders_and_escalations_wait_through_the_weekend(database_url):
    services, chat = carded_on_friday(database_url)
    for hours in range(1, 75):  # every hour of the weekend and Monday
        report = run_due(services, FRIDAY_CARD + timedelta(hours=hours))
        if FRIDAY_CARD + timedelta(hours=hours) < utc(2026, 12, 7, 20, 30):
            assert report.reminders == 0, f"reminded {hours} h after a Friday card"
    reminders = [m for _, m, _ in chat.sent if m.key.startswith("remind:")]
    assert len(reminders) == 1 and "24 working hours" in reminders[0].text
    assert run_due(services, utc(2026, 12, 8, 20, 29)).escalations == 0  # Tue: 47.98 working hours
    assert run_due(services, utc(2026, 12, 8, 20, 31)).escalations == 1
    [escalation] = [m for _, m, _ in chat.sent if m.key.startswith("escalate:")]
    assert "48 working hours" in escalation.text
    services.db.dispose()


def test_a_holiday_monday_does_not_count(database_url):
    services, chat = carded_on_friday(database_url, holidays=["2026-12-07"])
    assert run_due(services, utc(2026, 12, 7, 23)).reminders == 0  # Monday evening, a holiday
    assert run_due(services, utc(2026, 12, 8, 20, 31)).reminders == 1  # Tuesday: 24 working hours
    with services.db.transaction() as session:
        assert session.scalars(select(Answer)).one().escalated_at is None
    services.db.dispose()

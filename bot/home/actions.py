"""The controls on a physician's home: day, time, time zone, pause until a date, resume."""

from __future__ import annotations

from datetime import date, datetime

from bot import weeks, words
from bot.chat import ActionEvent, Outcome
from bot.config import is_timezone, parse_clock_time
from bot.people import person_for_platform_user

ACTIONS = ("home.weekday", "home.time", "home.timezone", "home.pause_until", "home.resume")


def handle_home_action(services, action: ActionEvent, now: datetime) -> Outcome:
    """Apply one control; the adapter re-publishes the home afterwards (no chat reply needed)."""
    outcome = Outcome()
    with services.db.transaction() as session:
        person = person_for_platform_user(session, action.platform, action.user_id)
        if person is None or not person.is_physician:
            return outcome
        value = action.value.strip()
        try:
            if action.action == "home.weekday" and value.isdigit() and int(value) < 7:
                words.change_settings(session, person, now, weekday=int(value))
            elif action.action == "home.time":
                words.change_settings(session, person, now, local_time=parse_clock_time(value).strftime("%H:%M"))
            elif action.action == "home.timezone" and is_timezone(value):
                words.change_settings(session, person, now, timezone=value)
            elif action.action == "home.pause_until":
                until = date.fromisoformat(value)
                today = weeks.local_date(now, person.timezone)
                if today < until <= words.latest_pause(today):  # the same limit as `pause until`
                    words.pause_until(services, session, person, until, now)
            elif action.action == "home.resume":
                words.resume(services, session, person, now)
        except ValueError:
            return outcome
    return outcome

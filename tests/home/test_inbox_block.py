"""Staff's home block through the day: off, weekend, not started, reminded, missed and escalated."""

from __future__ import annotations

from datetime import timedelta

from bot.home import home_view
from bot.scheduler import run_due
from bot.services import build_services
from bot.store import Person
from tests.conftest import make_config
from tests.inbox.conftest import DEADLINE, REMIND, add_person, inbox_services


def staff_home(services, person_id, now) -> str:
    with services.db.transaction() as session:
        view = home_view(services, session, session.get(Person, person_id), now)
    [block] = [block for block in view.blocks if block.title == "Today's inbox check"]
    return block.text


def test_inbox_block_through_the_day(database_url, chat):
    services = inbox_services(database_url, chat)
    sam = add_person(services, "Sam Ortiz", "staff")
    jo = add_person(services, "Jo Lead", "lead")
    assert "Sam Ortiz. Not started yet." in staff_home(services, sam, REMIND - timedelta(hours=1))
    saturday = REMIND + timedelta(days=2)
    assert staff_home(services, sam, saturday) == "No check today: not a working day. Next: Mon Dec 7 at 9:00."
    run_due(services, REMIND)
    assert "Sam Ortiz: reminded 9:00" in staff_home(services, sam, REMIND + timedelta(minutes=5))
    run_due(services, DEADLINE)
    assert "✗ Not done by the deadline; the leads were told at 12:00." in staff_home(services, sam, DEADLINE)
    assert "Sam Ortiz: reminded 9:00" in staff_home(services, jo, DEADLINE)  # the lead sees it too
    services.db.dispose()


def test_inbox_block_when_checks_are_off_or_never_started(database_url, chat):
    services = inbox_services(database_url, chat)
    sam = add_person(services, "Sam Ortiz", "staff")
    assert "No check was started today" in staff_home(services, sam, DEADLINE)
    services.db.dispose()
    off = build_services(make_config(database_url), chats={"console": chat})
    assert staff_home(off, sam, REMIND).startswith("Inbox checks are off")
    off.db.dispose()

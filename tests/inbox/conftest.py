"""Inbox-check fixtures: services with `[inbox]` on, a roster of staff and leads, clicks as the core sees them."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from bot.chat import ActionEvent, MessageRef
from bot.services import build_services
from bot.store import OutboxMessage, Person
from tests.conftest import RecordingChat, make_config, utc

CREATED = utc(2026, 11, 1)
ACCOUNTS = [{"name": "Facebook Page inbox", "url": "https://business.facebook.com/latest/inbox"},
            {"name": "Google Business messages", "url": "https://business.google.com/messages"}]
# Thursday 2026-12-03 in New York (EST, UTC-5): 09:00 is 14:00 UTC, the 12:00 deadline 17:00 UTC.
THU = date(2026, 12, 3)
REMIND = utc(2026, 12, 3, 14, 0)
DEADLINE = utc(2026, 12, 3, 17, 0)


def inbox_services(database_url, chat=None, inbox=None, practice=None):
    raw_inbox = {"accounts": ACCOUNTS, **(inbox or {})}
    config = make_config(database_url, inbox=raw_inbox,
                         practice={"timezone": "America/New_York", **(practice or {})})
    return build_services(config, chats={"console": chat or RecordingChat()})


@pytest.fixture
def chat():
    return RecordingChat()


@pytest.fixture
def inbox(database_url, chat):
    services = inbox_services(database_url, chat)
    yield services
    services.db.dispose()


def add_person(services, name: str, roles: str, **extra) -> int:
    email = name.split()[0].lower() + "@example.org"
    with services.db.transaction() as session:
        person = Person(email=email, name=name, roles=roles, specialty="", timezone="America/New_York",
                        weekday=1, local_time="09:00", created_at=CREATED, updated_at=CREATED, **extra)
        session.add(person)
        session.flush()
        return person.id


def email_of(name: str) -> str:
    return name.split()[0].lower() + "@example.org"


def sent_reminders(services, day: date = THU) -> list[OutboxMessage]:
    with services.db.transaction() as session:
        rows = session.scalars(select(OutboxMessage).where(OutboxMessage.key.like(f"inbox:remind:{day}:%"))
                               .order_by(OutboxMessage.id)).all()
        session.expunge_all()
        return rows


def reminder_for(services, name: str, day: date = THU) -> OutboxMessage:
    with services.db.transaction() as session:
        person = session.scalars(select(Person).where(Person.email == email_of(name))).one()
        person_id = person.id
    rows = [row for row in sent_reminders(services, day) if row.key.split(":")[3] == str(person_id)]
    return rows[-1]


def click(name: str, action: str, row: OutboxMessage, fields: dict | None = None) -> ActionEvent:
    """A click on the reminder `row` (after delivery) by `name`, as the console adapter sends it."""
    from bot.chat import OutgoingMessage

    message = OutgoingMessage.from_json(row.payload)
    value = message.buttons[0].value  # every reminder button carries the duty id
    return ActionEvent(platform="console", user_id=email_of(name), action=action, value=value,
                       message=MessageRef(row.sent_channel, row.sent_ts) if row.sent_ts else None,
                       fields=fields or {})

"""Held notices whose place the adapter reports only after the hold already ended."""

from __future__ import annotations

from types import SimpleNamespace

from sqlalchemy import select

from bot.chat import MessageRef, OutgoingMessage
from bot.review import held_notices
from bot.store import OutboxMessage, OutboxStatus
from tests.conftest import utc

NOW = utc(2026, 11, 24, 15)


def test_a_notice_retired_before_its_place_is_known_is_updated_once_it_is(services):
    answer = SimpleNamespace(id=7, version=1)
    with services.db.transaction() as session:
        key = held_notices.record_notice(session, platform="slack", user_id="U1", answer=answer, now=NOW)
        # A new version arrives before the adapter said where the first notice went.
        assert held_notices.retire(session, 7, held_notices.NEW_VERSION, NOW, before_version=2, here="slack") == []
    with services.db.transaction() as session:
        held_notices.record_place(session, key, MessageRef("D1", "100.1"), NOW)
        held_notices.record_place(session, key, MessageRef("D1", "100.1"), NOW)  # reported twice: once
    with services.db.transaction() as session:
        [update] = session.scalars(select(OutboxMessage).where(OutboxMessage.recipient_kind == "update")).all()
        notice = session.scalars(select(OutboxMessage).where(OutboxMessage.key == key)).one()
        assert notice.status == OutboxStatus.SUPERSEDED and notice.sent_ts == "100.1"
    assert update.recipient == "D1 100.1" and update.status == OutboxStatus.PENDING
    message = OutgoingMessage.from_json(update.payload)
    assert message.buttons == () and held_notices.NEW_VERSION in message.text


def test_notices_of_other_platforms_are_queued_not_returned(services):
    with services.db.transaction() as session:
        key = held_notices.record_notice(session, platform="teams", user_id="aad-1",
                                         answer=SimpleNamespace(id=8, version=1), now=NOW)
        held_notices.record_place(session, key, MessageRef("a:chat", "msg-1"), NOW)
        assert held_notices.retire(session, 8, held_notices.CLOSED, NOW, here="slack") == []
        [update] = session.scalars(select(OutboxMessage).where(OutboxMessage.recipient_kind == "update")).all()
        assert update.platform == "teams" and update.recipient == "a:chat msg-1"

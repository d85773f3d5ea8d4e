"""Held notices whose place the adapter reports only after the hold already ended."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

from sqlalchemy import select

from bot.chat import MessageRef, OutgoingMessage
from bot.review import held_notices
from bot.scheduler import run_due
from bot.store import Answer, AnswerStatus, OutboxMessage, OutboxStatus, Prompt
from tests.conftest import utc
from tests.test_weekly_question import add_person, add_questions

NOW = utc(2026, 11, 24, 15)
LATE = timedelta(days=7)


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


def test_the_tick_sweep_retires_notices_a_change_left_behind(services):
    """A safety net: a notice still live although its answer moved on is retired by the sweep,
    and every live notice when its question stops taking answers."""
    add_questions(services, 1)
    add_person(services)
    run_due(services, utc(2026, 11, 24, 14))
    with services.db.transaction() as session:
        prompt = session.scalars(select(Prompt)).one()
        closes = prompt.expires_at + LATE
        answer = Answer(prompt_id=prompt.id, person_id=prompt.person_id, text="x", status=AnswerStatus.HELD,
                        version=2, created_at=NOW, updated_at=NOW)
        session.add(answer)
        session.flush()
        for version in (1, 2):
            key = held_notices.record_notice(session, platform="console", user_id="lee@example.org",
                                             answer=SimpleNamespace(id=answer.id, version=version), now=NOW)
            held_notices.record_place(session, key, MessageRef("D1", f"10{version}.1"), NOW)
    assert held_notices.retire_closed(services.db, LATE, NOW) == 1  # version 1: outdated
    assert held_notices.retire_closed(services.db, LATE, NOW) == 0
    assert held_notices.retire_closed(services.db, LATE, closes - timedelta(minutes=1)) == 0
    assert held_notices.retire_closed(services.db, LATE, closes) == 1  # version 2: the question closed
    with services.db.transaction() as session:
        updates = session.scalars(select(OutboxMessage).where(OutboxMessage.recipient_kind == "update")
                                  .order_by(OutboxMessage.id)).all()
        assert [u.recipient for u in updates] == ["D1 101.1", "D1 102.1"]
        texts = [OutgoingMessage.from_json(u.payload).text for u in updates]
    assert held_notices.NEW_VERSION in texts[0] and held_notices.CLOSED in texts[1]

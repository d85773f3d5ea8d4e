"""Sending on Teams through the outbox: exactly once, retries on 429/412/502/504, 403 marks a
person unreachable (reported by `rounds roster list` and /healthz), people without the app
stay queued and reported, and sends are paced per conversation."""

from __future__ import annotations

import asyncio
import io

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import select

from bot.chat import OutgoingMessage
from bot.outbox import deliver_due, enqueue
from bot.people import unreachable_people
from bot.scheduler import run_due
from bot.store import OutboxMessage, OutboxStatus
from handlers.server import create_web_app
from handlers.teams.pacing import Pacer
from tests.handlers.conftest import QUESTION_DUE
from tests.handlers.teams.conftest import LEE_AAD, LEE_CHAT, add_person, install, post


def outbox_statuses(teams) -> list[str]:
    with teams.db.transaction() as session:
        return [row.status for row in session.scalars(select(OutboxMessage))]


def healthz(teams) -> dict:
    async def main():
        async with TestClient(TestServer(create_web_app(teams, run_ticker=False))) as client:
            return await (await client.get("/healthz")).json()

    return asyncio.run(main())


@pytest.mark.parametrize("status", [429, 412, 502, 504])
def test_retryable_statuses_are_retried_and_the_question_is_sent_once(teams, connector, status):
    add_person(teams, LEE_AAD, "Dr. Ana Lee")
    post(teams, install(connector, LEE_AAD, LEE_CHAT))
    connector.fail_next(status, count=2, retry_after=0.01 if status == 429 else None)
    assert run_due(teams, QUESTION_DUE).delivered == 1
    assert len(connector.sent(LEE_CHAT)) == 1
    assert [c.status for c in connector.calls] == [status, status, 200]
    assert run_due(teams, QUESTION_DUE).delivered == 0, "sent exactly once"


def test_persistent_server_errors_keep_the_message_in_the_outbox(teams, connector):
    add_person(teams, LEE_AAD, "Dr. Ana Lee")
    post(teams, install(connector, LEE_AAD, LEE_CHAT))
    connector.fail_next(502, count=10)
    report = run_due(teams, QUESTION_DUE)
    assert report.delivered == 0
    assert outbox_statuses(teams) == [OutboxStatus.PENDING]


def test_a_blocked_bot_marks_the_person_unreachable_and_is_not_retried(teams, connector):
    add_person(teams, LEE_AAD, "Dr. Ana Lee")
    post(teams, install(connector, LEE_AAD, LEE_CHAT))
    connector.fail_next(403, code="MessageWritesBlocked")
    run_due(teams, QUESTION_DUE)
    assert outbox_statuses(teams) == [OutboxStatus.FAILED]
    assert len(connector.calls) == 1
    with teams.db.transaction() as session:
        [reason] = unreachable_people(session, "teams").values()
    assert "blocked" in reason
    assert healthz(teams)["unreachable_people"] == 1
    # Writing to the bot again unblocks the conversation.
    post(teams, {**install(connector, LEE_AAD, LEE_CHAT), "type": "message", "text": "help"})
    with teams.db.transaction() as session:
        assert unreachable_people(session, "teams") == {}


def test_people_without_the_app_wait_in_the_outbox_and_are_reported(teams, connector, capsys):
    from bot.commands import Context
    from bot.commands.roster import list_command

    add_person(teams, LEE_AAD, "Dr. Ana Lee")
    add_person(teams, None, "Dr. Bo Kim")
    run_due(teams, QUESTION_DUE)
    assert connector.calls == []
    assert set(outbox_statuses(teams)) <= {OutboxStatus.PENDING}
    assert healthz(teams)["unreachable_people"] == 2
    out, err = io.StringIO(), io.StringIO()
    ctx = Context(args=type("Args", (), {"active": False, "csv": False})(), stdout=out, stderr=err,
                  _config=teams.config, _services=teams)
    assert list_command(ctx) == 0
    assert "app not installed for them yet" in out.getvalue()
    assert "no teams_user_id" in out.getvalue()
    assert "2 unreachable on teams" in err.getvalue()
    # Once the app is installed, the waiting question goes out.
    post(teams, install(connector, LEE_AAD, LEE_CHAT))
    deliver_due(teams, QUESTION_DUE.replace(hour=23))
    assert len(connector.sent(LEE_CHAT)) == 1


def test_pacing_keeps_a_conversation_under_seven_a_second_and_sixty_per_30_seconds():
    now = [0.0]
    pacer = Pacer(clock=lambda: now[0])
    limits = [("conversation:c", 7, 1.0), ("conversation:c", 60, 30.0), ("tenant:t", 50, 1.0)]
    waits = [pacer.reserve(limits) for _ in range(61)]
    assert waits[:7] == [0.0] * 7 and waits[7] == pytest.approx(1.0)
    assert waits[60] == pytest.approx(30.0)
    assert pacer.reserve([("conversation:d", 7, 1.0), ("tenant:t", 50, 1.0)]) == 0.0, "not stuck behind c"


def test_pacing_shares_fifty_a_second_across_a_tenants_conversations():
    now = [0.0]
    pacer = Pacer(clock=lambda: now[0])
    waits = [pacer.reserve([(f"conversation:{n}", 7, 1.0), ("tenant:t", 50, 1.0)]) for n in range(51)]
    assert waits[:50] == [0.0] * 50 and waits[50] == pytest.approx(1.0)
    now[0] = 5.0
    assert pacer.reserve([("conversation:x", 7, 1.0), ("tenant:t", 50, 1.0)]) == 0.0


def test_a_marketing_channel_message_waits_for_the_team_install(teams, connector):
    with teams.db.transaction() as session:
        enqueue(session, key="planning:test", platform="teams", recipient="Marketing", recipient_kind="channel",
                message=OutgoingMessage(text="Plan"), now=QUESTION_DUE)
    deliver_due(teams, QUESTION_DUE)
    assert outbox_statuses(teams) == [OutboxStatus.PENDING]


def test_uninstalling_the_app_marks_the_person_unreachable(teams, connector):
    add_person(teams, LEE_AAD, "Dr. Ana Lee")
    post(teams, install(connector, LEE_AAD, LEE_CHAT))
    post(teams, {**install(connector, LEE_AAD, LEE_CHAT), "action": "remove"})
    with teams.db.transaction() as session:
        assert unreachable_people(session, "teams") == {1: "unreachable: app uninstalled"}
    run_due(teams, QUESTION_DUE)
    assert connector.calls == [] and outbox_statuses(teams) == [OutboxStatus.FAILED]

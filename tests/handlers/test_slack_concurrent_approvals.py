"""100 cards, two approvers clicking each at the same moment through two replicas' real endpoints.

PostgreSQL only: two web apps (two bot replicas) share one database; every click is a signed
`block_actions` request; exactly one decision per card, the other approver told privately.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import func, select

from bot.chat import IncomingMessage
from bot.scheduler import run_due
from bot.services import build_services
from bot.store import Answer, AuditEvent, Person, Question, ReviewStatus
from bot.weekly.inbound import handle_message
from handlers.server import create_web_app
from handlers.slack.chat import SlackChat
from tests.conftest import make_config
from tests.fake_slack import FakeSlack
from tests.handlers.conftest import CREATED, QUESTION_DUE, action_body, slack_settings
from tests.handlers.test_slack_events import post_form

MARKETING = "C0MKTG"
APPROVERS = ("U0SAM0001", "U0JO00001")
CARDS = 100


def populate(services) -> None:
    with services.db.transaction() as session:
        session.add(Question(specialty="", text="What do new patients ask you most?", created_at=CREATED))
        for index, user in enumerate(APPROVERS):
            session.add(Person(email=f"approver{index}@example.org", name=f"Approver {index}", roles="approver",
                               specialty="", timezone="America/New_York", weekday=1, local_time="09:00",
                               slack_user_id=user, created_at=CREATED, updated_at=CREATED))
        for index in range(CARDS):
            session.add(Person(email=f"dr{index}@example.org", name=f"Dr. Number {index}", roles="physician",
                               specialty="", timezone="America/New_York", weekday=1, local_time="09:00",
                               slack_user_id=f"U1{index:08d}", created_at=CREATED, updated_at=CREATED))


def test_hundred_concurrent_double_approvals_over_slack_make_exactly_hundred_decisions(postgres_url):
    with FakeSlack() as fake:
        config = make_config(postgres_url, slack=slack_settings(fake, marketing_channel=MARKETING),
                             approvals={"settle_minutes": 10})
        replicas = [build_services(config, chats={"slack": SlackChat(config.slack)}) for _ in range(2)]
        primary = replicas[0]
        populate(primary)
        assert run_due(primary, QUESTION_DUE).delivered == CARDS
        answered = QUESTION_DUE + timedelta(hours=1)
        for index in range(CARDS):
            user = f"U1{index:08d}"
            handle_message(primary, IncomingMessage("slack", user, FakeSlack.dm_channel(user), f"{index}.5",
                                                    "Patients often ask whether a cough needs antibiotics."),
                           answered)
        assert run_due(primary, answered + timedelta(minutes=15)).cards_posted == CARDS
        cards = [m for m in fake.posted(MARKETING) if m.blocks]
        assert len(cards) == CARDS
        with primary.db.transaction() as session:
            answer_ids = list(session.scalars(select(Answer.id).order_by(Answer.id)))
        # Card i belongs to answer i: both were created in the same order.
        bodies = [(replica, action_body("review.approve", f"{answer_id}:1", MARKETING, card.ts, user=approver))
                  for answer_id, card in zip(answer_ids, cards, strict=True)
                  for replica, approver in zip((0, 1), APPROVERS, strict=True)]

        async def scenario():
            apps = [create_web_app(services, run_ticker=False) for services in replicas]
            async with TestClient(TestServer(apps[0])) as one, TestClient(TestServer(apps[1])) as two:
                clients = (one, two)
                responses = await asyncio.gather(*(post_form(clients[r], body) for r, body in bodies))
                return [response.status for response in responses]

        assert asyncio.run(scenario()) == [200] * (2 * CARDS)
        with primary.db.transaction() as session:
            approved = session.scalar(select(func.count()).select_from(Answer)
                                      .where(Answer.review_status == ReviewStatus.APPROVED))
            decisions = session.scalar(select(func.count()).select_from(AuditEvent)
                                       .where(AuditEvent.action == "approved"))
        assert approved == CARDS and decisions == CARDS
        assert len(fake.calls_to("chat.update")) == CARDS, "each card updated once, for everyone"
        told = [e["text"] for e in fake.ephemeral]
        assert len(told) == CARDS and all(text.startswith("Already approved by") for text in told)
        for services in replicas:
            services.db.dispose()

"""The social-media policy on Teams: the policy card first, nothing else until I have read it,
then the waiting weekly question, through `/api/messages` and the fake connector."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.scheduler import run_due
from bot.store import Person
from tests.handlers.conftest import QUESTION_DUE
from tests.handlers.teams.conftest import (
    LEE_AAD,
    LEE_CHAT,
    actions_of,
    add_person,
    card_of,
    execute,
    install,
    message,
    post,
    teams_services,
)

POLICY = {"url": "https://example.org/social-media-policy", "summary": "Never post about a patient."}


def test_policy_first_then_the_question_once_read(sqlite_url, connector):
    services = teams_services(sqlite_url, connector, sections={"policy": POLICY})
    try:
        add_person(services, LEE_AAD, "Dr. Ana Lee")
        post(services, install(connector, LEE_AAD, LEE_CHAT))
        run_due(services, QUESTION_DUE)
        [policy] = connector.sent(LEE_CHAT)
        card = card_of(policy)
        assert POLICY["url"] in card["fallbackText"] and list(actions_of(card)) == ["I have read it"]
        post(services, message(connector, "Patients often ask about chest pain."))
        assert POLICY["url"] in str(connector.sent(LEE_CHAT)[-1].body), "anything written gets the policy again"
        read = actions_of(card)["I have read it"]
        [(status, _)] = post(services, execute(connector, read["verb"], read["data"], LEE_AAD, LEE_CHAT,
                                               policy.response_id))
        assert status == 200
        with services.db.transaction() as session:
            assert session.scalars(select(Person)).one().policy_acknowledged_at is not None
        run_due(services, QUESTION_DUE + timedelta(minutes=1))
        question = card_of(connector.sent(LEE_CHAT)[-1])
        assert "Skip this week" in actions_of(question)
    finally:
        services.db.dispose()

"""The /rounds words on Teams: typed in the personal chat with Rounds, they go through the core's
direct-message handling (Teams has no slash commands for bots; App Home has no Teams equivalent)."""

from __future__ import annotations

from sqlalchemy import select

from bot.store import Person
from tests.conftest import utc
from tests.handlers.teams.conftest import LEE_AAD, LEE_CHAT, add_person, install, message, post

MONDAY = utc(2026, 11, 23, 14)


def said(connector) -> list[str]:
    return [call.body.get("text") or "" for call in connector.sent(LEE_CHAT)]


def test_words_typed_in_the_personal_chat(teams, connector):
    add_person(teams, LEE_AAD, "Dr. Ana Lee")
    post(teams, install(connector, LEE_AAD, LEE_CHAT))
    teams.clock.now = MONDAY
    results = post(teams, message(connector, "status"), message(connector, "<at>Rounds</at> settings time 08:30",
                                                                 textFormat="xml"),
                   message(connector, "pause 2w"), message(connector, "replies"), message(connector, "help"))
    assert [status for status, _ in results] == [200] * 5
    status, settings, pause, replies, words = said(connector)
    assert "questions on Tuesdays at 09:00 (America/New_York)" in status
    assert "Tuesdays at 08:30" in settings
    assert "Paused until Mon Dec 7" in pause
    assert replies.strip() and "Rounds words" in words
    with teams.db.transaction() as session:
        person = session.scalars(select(Person)).one()
        assert person.local_time == "08:30" and person.paused_until is not None

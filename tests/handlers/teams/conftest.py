"""Teams adapter fixtures: a fake Bot Connector, services wired to it, and real activities.

Activities are shaped like the ones Teams posts to `/api/messages` (message, messageUpdate,
conversationUpdate, installationUpdate, invoke `adaptiveCard/action`, Action.Submit messages).
"""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.services import build_services
from bot.store import Person, Question, upgrade
from handlers.server import create_web_app
from handlers.teams.chat import TeamsChat
from tests.conftest import make_config
from tests.fake_connector import FakeConnector
from tests.handlers.conftest import CREATED, QUESTION_DUE, Clock

TENANT = "tenant-1"
BOT = "28:rounds-bot"
LEE_AAD, SAM_AAD, JO_AAD, LOU_AAD = "aad-lee", "aad-sam", "aad-jo", "aad-lou"
LEE_CHAT = "a:personal-lee"
TEAM_CHANNEL = "19:marketing@thread.tacv2"
_ids = itertools.count(1)


@pytest.fixture
def connector():
    with FakeConnector() as fake:
        yield fake


@pytest.fixture
def sqlite_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'rounds.db'}"
    upgrade(url)
    return url


def teams_services(database_url: str, connector: FakeConnector, clock=None, sections: dict | None = None,
                   **teams):
    settings = {"allow_unauthenticated": True, "marketing_channel": "Marketing",
                "openid_metadata_url": connector.metadata_url, **teams}
    if settings.get("app_id"):
        settings.pop("allow_unauthenticated")
    config = make_config(database_url, teams=settings, server={"host": "127.0.0.1"},
                         **{"approvals": {"settle_minutes": 10}, **(sections or {})})
    services = build_services(config, clock=clock or Clock(QUESTION_DUE))
    services.chats["teams"] = TeamsChat(config.teams, services.db, services.templates, retry_base=0.01)
    return services


@pytest.fixture
def teams(sqlite_url, connector):
    services = teams_services(sqlite_url, connector)
    yield services
    services.db.dispose()


def add_person(services, aad: str | None, name: str, roles: str = "physician", email: str | None = None) -> int:
    with services.db.transaction() as session:
        if session.query(Question).count() == 0:
            for index in range(3):
                session.add(Question(specialty="", text=f"What do patients ask about {index}?", created_at=CREATED))
        person = Person(email=email or f"{name.split()[-1].lower()}@example.org", name=name, roles=roles,
                        specialty="cardiology", timezone="America/New_York", weekday=1, local_time="09:00",
                        teams_user_id=aad, created_at=CREATED, updated_at=CREATED)
        session.add(person)
        session.flush()
        return person.id


# --- activities -------------------------------------------------------------------------------


def _base(connector, kind: str, conversation: str, aad: str | None, conversation_type: str = "personal",
          **extra) -> dict[str, Any]:
    activity = {
        "type": kind, "id": extra.pop("id", f"act-{next(_ids)}"), "channelId": "msteams",
        "serviceUrl": connector.url, "timestamp": "2026-11-24T15:00:00.000Z",
        "from": {"id": f"29:{aad or 'someone'}", "name": "Someone", "aadObjectId": aad},
        "recipient": {"id": BOT, "name": "Rounds"},
        "conversation": {"id": conversation, "conversationType": conversation_type, "tenantId": TENANT},
        "channelData": {"tenant": {"id": TENANT}},
        **extra,
    }
    if conversation_type == "channel":
        activity["conversation"]["isGroup"] = True
        activity["channelData"].update(team={"id": "19:team@thread.tacv2", "name": "Marketing team"},
                                       channel={"id": TEAM_CHANNEL, "name": "Marketing"})
    return activity


def install(connector, aad: str, conversation: str) -> dict:
    return _base(connector, "installationUpdate", conversation, aad, action="add")


def install_in_team(connector, aad: str = SAM_AAD) -> dict:
    return _base(connector, "conversationUpdate", TEAM_CHANNEL, aad, "channel",
                 membersAdded=[{"id": BOT}])


def message(connector, text: str, aad: str = LEE_AAD, conversation: str = LEE_CHAT, **extra) -> dict:
    return _base(connector, "message", conversation, aad, text=text, **{"textFormat": "plain", **extra})


def edited(connector, activity_id: str, text: str, aad: str = LEE_AAD, conversation: str = LEE_CHAT) -> dict:
    return _base(connector, "messageUpdate", conversation, aad, id=activity_id, text=text,
                 channelData={"tenant": {"id": TENANT}, "eventType": "editMessage"})


def execute(connector, verb: str, data: dict, aad: str, conversation: str, reply_to: str,
            conversation_type: str = "personal", **inputs) -> dict:
    """The invoke Teams sends for an `Action.Execute` click (inputs merged into data)."""
    return _base(connector, "invoke", conversation, aad, conversation_type, name="adaptiveCard/action",
                 replyToId=reply_to, value={"action": {"type": "Action.Execute", "verb": verb,
                                                       "data": {**data, **inputs}}, "trigger": "manual"})


def submit(connector, data: dict, aad: str, conversation: str, reply_to: str,
           conversation_type: str = "personal") -> dict:
    """The message Teams sends for an `Action.Submit` click: no text, the data as `value`."""
    return _base(connector, "message", conversation, aad, conversation_type, replyToId=reply_to, value=data)


# --- posting --------------------------------------------------------------------------------


def post(services, *activities: dict, headers: dict | None = None) -> list[tuple[int, Any]]:
    """POST each activity to /api/messages; returns (status, JSON body or None) per activity."""

    async def main():
        async with TestClient(TestServer(create_web_app(services, run_ticker=False))) as client:
            results = []
            for activity in activities:
                response = await client.post("/api/messages", json=activity, headers=headers or {})
                body = await response.json() if response.content_type == "application/json" else None
                results.append((response.status, body))
            return results

    return asyncio.run(main())


def card_of(call) -> dict:
    [attachment] = call.body["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    return attachment["content"]


def actions_of(card: dict) -> dict[str, dict]:
    return {action["title"]: action for action in card.get("actions", [])}

"""`POST /api/messages` on Rounds' own aiohttp server (beside `/slack/events` and `/healthz`).

Our own route rather than `CloudAdapter.process`: the stock one answers invoke responses that
carry a body (every `Action.Execute` click) with a 500, and lets a malformed token surface as
a 500 too. Here the token is verified first (any failure → 401), then the activity is run and
an invoke's response body returned as JSON. A body that is not an activity gets a 400.
"""

from __future__ import annotations

import logging
import traceback

from aiohttp import web
from botbuilder.schema import Activity

from handlers.teams.auth import Unauthorized, authenticate
from handlers.teams.chat import TeamsChat
from handlers.teams.inbound import TeamsBot

logger = logging.getLogger(__name__)

MESSAGES_PATH = "/api/messages"


def messages_handler(services, chat: TeamsChat):
    config = services.config.teams
    bot = TeamsBot(services, chat)

    async def api_messages(request: web.Request) -> web.Response:
        try:
            body = await request.json()
            activity = Activity().deserialize(body)
            if not isinstance(body, dict) or not activity.type:
                raise ValueError("not an activity")
        except Exception:  # JSONDecodeError, bad UTF-8, msrest DeserializationError, …
            return web.json_response({"error": "malformed activity"}, status=400)
        try:
            auth = await authenticate(chat.adapter, config, activity, request.headers.get("Authorization", ""))
        except Unauthorized:
            return web.json_response({"error": "unauthorized"}, status=401)
        try:
            invoke = await chat.adapter.process_activity(auth, activity, bot.on_turn)
        except Exception as error:  # the one Teams error handler: ids and frames, never text
            logger.error("teams activity failed: %s type=%s id=%s conversation=%s\n%s", type(error).__name__,
                         activity.type, activity.id, activity.conversation.id if activity.conversation else None,
                         "".join(traceback.format_tb(error.__traceback__)))
            return web.json_response({"error": "internal error"}, status=500)
        if invoke is not None:
            return web.json_response(invoke.body, status=int(invoke.status))
        return web.Response(status=200)

    return api_messages


def teams_routes(services, chat: TeamsChat | None = None) -> list[web.RouteDef]:
    """The Teams route; `chat` defaults to the services' Teams chat (one adapter per process)."""
    chat = chat or services.chat("teams")
    return [web.post(MESSAGES_PATH, messages_handler(services, chat))]

"""Socket Mode transport: the same Bolt app, fed over a websocket (no public URL needed).

Envelopes pass the same payload gate as HTTP requests (`handlers.slack.payloads.check`) before
Bolt sees them: Bolt builds its listener arguments from the body before any middleware runs, so
`view: null` would raise there. A payload that is malformed or not for Rounds is acknowledged
(an unacknowledged envelope is redelivered), logged by its ids, and not dispatched.
"""

from __future__ import annotations

import logging

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.socket_mode.response import SocketModeResponse

from handlers.slack.logs import quiet_logger
from handlers.slack.payloads import Verdict, check, log_ids

logger = logging.getLogger(__name__)


class GatedSocketModeHandler(AsyncSocketModeHandler):
    """Bolt's Socket Mode handler with the payload gate in front of the app."""

    def __init__(self, app: AsyncApp, app_token: str, known_actions: frozenset[str] = frozenset()):
        super().__init__(app, app_token, logger=quiet_logger("slack_sdk.socket_mode.rounds"))
        self.known_actions = known_actions

    async def handle(self, client, req) -> None:  # type: ignore[override]
        verdict, reason = check(req.payload)
        if verdict is Verdict.DISPATCH:
            await super().handle(client, req)
            return
        if verdict is Verdict.REJECT:
            logger.warning("slack payload refused: %s %s", reason, log_ids(req.payload, self.known_actions))
        await client.send_socket_mode_response(SocketModeResponse(envelope_id=req.envelope_id))


def socket_mode_handler(app: AsyncApp, app_token: str) -> AsyncSocketModeHandler:
    """Events missed while the socket is down arrive later as retries; the core dedupes them."""
    from bot.weekly.inbound import KNOWN_ACTIONS

    return GatedSocketModeHandler(app, app_token, KNOWN_ACTIONS)

"""Socket Mode transport: the same Bolt app, fed over a websocket (no public URL needed)."""

from __future__ import annotations

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp

from handlers.slack.logs import quiet_logger


def socket_mode_handler(app: AsyncApp, app_token: str) -> AsyncSocketModeHandler:
    """Events missed while the socket is down arrive later as retries; the core dedupes them."""
    return AsyncSocketModeHandler(app, app_token, logger=quiet_logger("slack_sdk.socket_mode.rounds"))

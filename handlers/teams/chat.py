"""The sending side of Teams: `TeamsChat` implements `bot.chat.Chat` over the Bot Connector.

Every send is proactive in Bot Framework terms: it loads the stored conversation reference and
runs `continue_conversation`, so the outbox, reminders and replies to a click all take the same
path. The connector client neither paces nor retries, so each call here first books a slot with
the `Pacer` (per conversation and per tenant) and is retried on 429/412/502/504 with backoff and
jitter. A 403 (`MessageWritesBlocked`: the person blocked the bot) marks the conversation
unreachable and fails for good; no stored reference (app not installed yet) is transient, so
the message stays in the outbox until the app is installed.

The outbox calls the sync methods from worker threads; each runs its own short event loop. The
aiohttp handlers call the `*_async` twins' coroutines directly on the server's loop.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from typing import Any

import aiohttp
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity, ErrorResponseException
from msrest.exceptions import ClientRequestError

from bot.chat import MessageRef, OutgoingMessage, PermanentSendError, TransientSendError
from bot.config import TeamsConfig
from handlers.teams import references
from handlers.teams.auth import make_adapter
from handlers.teams.pacing import Pacer, RetryableStatus, with_retries
from handlers.teams.render import message_activity

logger = logging.getLogger(__name__)


def _status(error: Exception) -> int:
    response = getattr(error, "response", None)
    return int(getattr(response, "status_code", 0) or 0)


def _retry_after(error: Exception) -> float | None:
    response = getattr(error, "response", None)
    value = (getattr(response, "headers", None) or {}).get("Retry-After")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def classify(error: Exception) -> RetryableStatus | None:
    """429, 412, 502, 504 (and dropped connections) are worth another try; the rest are not."""
    if isinstance(error, ErrorResponseException) and _status(error) in (412, 429, 502, 504):
        return RetryableStatus(_status(error), _retry_after(error))
    if isinstance(error, (ClientRequestError, aiohttp.ClientConnectionError)):
        return RetryableStatus(0, None)
    return None


def _address(activity: Activity, turn_context: TurnContext) -> None:
    """From the bot, to the conversation the continuation runs in (what Teams expects on a send)."""
    incoming = turn_context.activity
    activity.conversation, activity.from_property = incoming.conversation, incoming.recipient
    activity.recipient, activity.service_url = incoming.from_property, incoming.service_url
    activity.channel_id = incoming.channel_id


class TeamsChat:
    """Teams sender for the outbox and the inbound handlers (thread-safe)."""

    platform = "teams"

    def __init__(self, config: TeamsConfig, db, templates, *, adapter: CloudAdapter | None = None,
                 retry_base: float = 1.0, pacer: Pacer | None = None):
        self.config, self.db, self.templates = config, db, templates
        self.adapter = adapter or make_adapter(config)
        self.retry_base = retry_base
        self.pacer = pacer or Pacer()

    # --- Chat protocol (sync, outbox worker threads) ---------------------------------------

    def open_direct(self, user_id: str) -> str:
        """The personal chat's conversation id; transient until the app is installed for them."""
        target = references.personal_conversation(self.db, user_id)
        if target is None:
            raise TransientSendError("teams: app not installed for this person yet (no conversation)")
        return target.conversation_id

    def send(self, channel: str, message: OutgoingMessage) -> MessageRef:
        return asyncio.run(self.send_async(channel, message))

    def update(self, ref: MessageRef, message: OutgoingMessage) -> None:
        asyncio.run(self.update_async(ref, message))

    def find_sent(self, channel: str, key: str, since: datetime) -> MessageRef | None:
        """Bots cannot read a Teams conversation's history, so a send cut off by a crash cannot
        be looked up: the outbox sends it again (at most one duplicate, only after a crash)."""
        return None

    def lookup_user_by_email(self, email: str) -> str | None:
        """Teams has no lookup by email for bots; people are matched when they are seen."""
        return None

    # --- async sending ----------------------------------------------------------------------

    async def send_async(self, channel: str, message: OutgoingMessage) -> MessageRef:
        activity = message_activity(self.templates, message)
        return await self.send_activity_async(channel, activity, thread_ts=message.thread_ts)

    async def send_activity_async(self, channel: str, activity: Activity,
                                  thread_ts: str | None = None) -> MessageRef:
        target = await self._target(channel)
        sent: dict[str, Any] = {}

        async def send(turn_context: TurnContext) -> None:
            # The connector itself, not turn_context.send_activity: that would make every proactive
            # message a reply to the continuation activity (a thread reply in a channel).
            connector = turn_context.turn_state[self.adapter.BOT_CONNECTOR_CLIENT_KEY]
            _address(activity, turn_context)
            if thread_ts:  # a reminder: a reply in the card's channel thread
                response = await connector.conversations.reply_to_activity(target.conversation_id, thread_ts,
                                                                           activity)
            else:
                response = await connector.conversations.send_to_conversation(target.conversation_id, activity)
            sent["id"] = response.id if response is not None else ""

        await self._call(target, lambda: self.adapter.continue_conversation(target.reference, send,
                                                                              self.config.app_id))
        return MessageRef(target.conversation_id, sent.get("id") or "")

    async def update_async(self, ref: MessageRef, message: OutgoingMessage) -> None:
        activity = message_activity(self.templates, message)
        await self.update_activity_async(ref, activity)

    async def update_activity_async(self, ref: MessageRef, activity: Activity) -> None:
        """Replace a sent message for everyone (the approval card after a decision)."""
        target = await self._target(ref.channel)
        activity.id = ref.ts

        async def update(turn_context: TurnContext) -> None:
            connector = turn_context.turn_state[self.adapter.BOT_CONNECTOR_CLIENT_KEY]
            _address(activity, turn_context)
            await connector.conversations.update_activity(target.conversation_id, ref.ts, activity)

        await self._call(target, lambda: self.adapter.continue_conversation(target.reference, update,
                                                                              self.config.app_id))

    async def _target(self, channel: str) -> references.Target:
        target = await asyncio.to_thread(references.conversation, self.db, channel)
        if target is None:
            raise TransientSendError("teams: no conversation reference yet for this recipient")
        if target.unreachable:
            raise PermanentSendError(f"teams: conversation unreachable ({target.unreachable})")
        return target

    async def _call(self, target: references.Target, call) -> None:
        async def paced():
            wait = self.pacer.reserve([
                (f"conversation:{target.conversation_id}", 7, 1.0),
                (f"conversation:{target.conversation_id}", self.config.sends_per_30_seconds, 30.0),
                (f"tenant:{target.tenant_id}", max(1, int(self.config.tenant_requests_per_second)), 1.0),
            ])
            if wait:
                await asyncio.sleep(wait)
            return await call()

        try:
            await with_retries(paced, classify, base=self.retry_base)
        except ErrorResponseException as error:
            status = _status(error)
            if status == 403:
                await asyncio.to_thread(references.mark_unreachable, self.db, target.conversation_id,
                                        "blocked the bot (403 MessageWritesBlocked)", datetime.now(UTC))
                raise PermanentSendError("teams: 403, the person blocked the bot") from None
            kind = TransientSendError if status >= 500 or status in (412, 429) else PermanentSendError
            raise kind(f"teams: connector answered HTTP {status}") from None
        except (TimeoutError, ClientRequestError, aiohttp.ClientError, OSError) as error:
            raise TransientSendError(f"teams: {type(error).__name__}") from None

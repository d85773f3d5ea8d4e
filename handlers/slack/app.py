"""Inbound Slack: a Bolt `AsyncApp` that translates events and clicks into core calls.

Acknowledging within 3 s: the app runs with `process_before_response=True`, so each listener
finishes before Slack gets its HTTP 200 (deterministic, and what FaaS hosts need). That is
safe because every listener acks first and then does only short work: one or two short
database transactions in the core (run in a thread with `asyncio.to_thread`) and at most a
couple of Web API calls for the private replies.

At-most-once effects: Slack retries an event (same `event_id`, `X-Slack-Retry-Num`) when we
were slow or failed, and has re-sent messages with new event ids. The core deduplicates
messages on (channel, ts) in the same transaction as their effect; the adapter also records
`slack:event:{event_id}` with `already_seen` *after* the core succeeded, and skips events it
has already recorded. A failed attempt therefore leaves nothing recorded and its retry is
handled normally, while a retry of a handled event is a no-op.

Never log message text (it may hold PHI): the error handler logs ids and the exception type.
"""

from __future__ import annotations

import asyncio
import logging
import re
import traceback
from dataclasses import replace
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.chat import ActionEvent, IncomingMessage, MessageRef, Outcome
from bot.people import display_names
from bot.store import ProcessedEvent
from bot.weekly import inbound
from handlers.slack.forms import action_from_view, blank_required, field_errors, render_form
from handlers.slack.home import HomePublisher, register_home
from handlers.slack.logs import bolt_logger, web_client_logger
from handlers.slack.markup import decode, mentioned_users
from handlers.slack.payloads import log_ids
from handlers.slack.render import core_action, render_message

logger = logging.getLogger(__name__)

HANDLED_MESSAGE_SUBTYPES = (None, "file_share", "thread_broadcast")


def create_slack_app(services) -> AsyncApp:
    """Build the Bolt app for `services` (HTTP mode or Socket Mode use the same app).

    Args:
        services: the core `Services`; `services.config.slack` holds token, secret and API URL.
    """
    config = services.config.slack
    client = AsyncWebClient(token=config.bot_token, base_url=config.api_url, logger=web_client_logger(),
                            retry_handlers=[AsyncConnectionErrorRetryHandler(max_retry_count=2),
                                            AsyncRateLimitErrorRetryHandler(max_retry_count=3),
                                            AsyncServerErrorRetryHandler(max_retry_count=2)])
    app = AsyncApp(
        client=client,
        signing_secret=config.signing_secret,
        # Only Socket Mode may run without a signing secret; HTTP mode always verifies.
        request_verification_enabled=bool(config.signing_secret) or not config.socket_mode,
        process_before_response=True,
        logger=bolt_logger(),
    )
    register_events(app, services)
    home = register_home(app, services)
    register_actions(app, services, home)
    register_views(app, services)
    app.error(_log_error)
    return app


# --- events ---------------------------------------------------------------------------------


def register_events(app: AsyncApp, services) -> None:
    @app.event("message")
    async def on_message(ack, body, event, client):
        await ack()
        message = incoming_from_event(event)
        if message is None:
            return
        await handle_event(services, body, client, message)


def incoming_from_event(event: dict[str, Any]) -> IncomingMessage | None:
    """A person's DM (or DM thread reply, or edit of one) as an `IncomingMessage`; else None."""
    if event.get("channel_type") != "im":
        return None
    subtype = event.get("subtype")
    edited = subtype == "message_changed"
    if edited:
        inner = event.get("message") or {}
        previous = event.get("previous_message") or {}
        if inner.get("subtype") or inner.get("text") == previous.get("text"):
            return None  # unfurls, attachments and the like change nothing we store
    elif subtype in HANDLED_MESSAGE_SUBTYPES:
        inner = event
    else:
        return None
    if inner.get("bot_id") or not inner.get("user") or not inner.get("ts"):
        return None
    thread_ts = inner.get("thread_ts")
    return IncomingMessage(
        platform="slack",
        user_id=inner["user"],
        channel=event.get("channel") or inner.get("channel", ""),
        ts=inner["ts"],
        text=inner.get("text") or "",  # still Slack markup: `handle_event` decodes it
        is_direct=True,
        thread_ts=thread_ts if thread_ts and thread_ts != inner["ts"] else None,
        edited=edited,
    )


async def handle_event(services, body: dict[str, Any], client: AsyncWebClient,
                       message: IncomingMessage) -> None:
    event_key = f"slack:event:{body.get('event_id')}" if body.get("event_id") else None
    if event_key and await asyncio.to_thread(_recorded, services, event_key):
        logger.info("slack event %s already handled; ignoring retry", body.get("event_id"))
        return
    mentioned = mentioned_users(message.text)
    names = await asyncio.to_thread(display_names, services, "slack", mentioned) if mentioned else {}
    message = replace(message, text=decode(message.text, names))
    now = services.clock()
    outcome = await asyncio.to_thread(inbound.handle_message, services, message, now)
    await send_replies(services, client, outcome, message.channel, message.user_id,
                       thread_ts=message.thread_ts)
    await send_updates(client, outcome)
    if event_key:
        await asyncio.to_thread(inbound.already_seen, services, event_key, now)


def _recorded(services, key: str) -> bool:
    with services.db.transaction() as session:
        return session.get(ProcessedEvent, key[:200]) is not None


# --- actions --------------------------------------------------------------------------------


def register_actions(app: AsyncApp, services, home: HomePublisher) -> None:
    # Every action id (prompt.*, answer.override, review.*) goes to the core, which routes it.
    @app.action(re.compile(r".+"))
    async def on_action(ack, body, client):
        await ack()
        action = action_from_body(body)
        if action is None:
            return
        outcome = await asyncio.to_thread(inbound.handle_action, services, action,
                                          services.clock())
        channel = (body.get("channel") or {}).get("id") or (action.message.channel
                                                             if action.message else "")
        if outcome.form is not None:
            await open_form(client, outcome, body.get("trigger_id"))
        from_home = (body.get("view") or {}).get("type") == "home"
        await send_replies(services, client, outcome, channel or action.user_id, action.user_id)
        await send_updates(client, outcome)
        if from_home:  # a control on the App Home: show the person the change
            await home.publish(client, action.user_id)


async def open_form(client: AsyncWebClient, outcome: Outcome, trigger_id: str | None) -> None:
    """Open the core's form as a modal (the trigger is valid for 3 s, once); say so if it fails."""
    try:
        if not trigger_id:
            raise ValueError("no trigger_id in the action payload")
        await client.views_open(trigger_id=trigger_id, view=render_form(outcome.form))
    except (SlackApiError, ValueError) as error:
        code = error.response.get("error") if isinstance(error, SlackApiError) else type(error).__name__
        logger.warning("views.open for %s failed (%s)", outcome.form.action, code)
        outcome.say("Sorry, that form could not be opened. Please try again.")


# --- modal submissions ----------------------------------------------------------------------


def register_views(app: AsyncApp, services) -> None:
    @app.view(re.compile(r".+"))
    async def on_view_submission(ack, body, client):
        view = body.get("view") or {}
        action = action_from_view(body)
        errors = blank_required(view, action.fields) if action is not None else {}
        if errors:
            await ack(response_action="errors", errors=errors)
            return
        if action is None:
            await ack()
            return
        # The core decides before the ack: a refused field (an It's fine reason naming a patient)
        # is answered in the modal itself, which stays open with what was typed.
        outcome = await asyncio.to_thread(inbound.handle_action, services, action,
                                          services.clock())
        refused = outcome.form.errors if outcome.form is not None else ()
        if refused:
            await ack(response_action="errors", errors=field_errors(view, refused))
            return
        await ack()
        channel = action.message.channel if action.message else action.user_id
        await send_replies(services, client, outcome, channel, action.user_id)
        await send_updates(client, outcome)


def action_from_body(body: dict[str, Any]) -> ActionEvent | None:
    """The first action of a `block_actions` payload as an `ActionEvent` (value passed as is)."""
    actions = body.get("actions") or []
    user = (body.get("user") or {}).get("id")
    if body.get("type") != "block_actions" or not actions or not user:
        return None
    clicked = actions[0]
    if clicked.get("type") == "static_select":
        value = (clicked.get("selected_option") or {}).get("value", "")
    elif clicked.get("type") == "datepicker":
        value = clicked.get("selected_date") or ""
    else:
        value = clicked.get("value") or ""
    container = body.get("container") or {}
    channel = container.get("channel_id") or (body.get("channel") or {}).get("id")
    ts = container.get("message_ts") or (body.get("message") or {}).get("ts")
    ref = MessageRef(channel, ts) if channel and ts else None
    return ActionEvent(platform="slack", user_id=user, action=core_action(clicked["action_id"]),
                       value=value, message=ref)


# --- replies and errors ---------------------------------------------------------------------


async def send_replies(services, client: AsyncWebClient, outcome: Outcome, channel: str, user_id: str,
                       thread_ts: str | None = None) -> None:
    """Send the core's private replies: in the DM, or ephemeral anywhere else (escaped).

    `channel` may be the user's own id (a form with no card behind it): Slack delivers a
    chat.postMessage to a user id in the app's DM with them.
    """
    for reply in outcome.replies:
        rendered = render_message(reply.as_message())
        if reply.replace_original is not None:
            await client.chat_update(channel=reply.replace_original.channel,
                                     ts=reply.replace_original.ts, **rendered)
        elif channel.startswith("D") or channel == user_id:
            posted = await client.chat_postMessage(channel=channel, thread_ts=thread_ts, **rendered)
            if reply.key and posted.get("ts"):  # a reply the core may change later: say where it is
                await asyncio.to_thread(inbound.record_reply, services, reply.key,
                                        MessageRef(posted.get("channel") or channel, posted["ts"]),
                                        services.clock())
        else:
            await client.chat_postEphemeral(channel=channel, user=user_id, thread_ts=thread_ts,
                                            **rendered)


async def send_updates(client: AsyncWebClient, outcome: Outcome) -> None:
    """Update messages for everyone (the approval card after a decision: buttons gone)."""
    for ref, message in outcome.updates:
        try:
            await client.chat_update(channel=ref.channel, ts=ref.ts, **render_message(message))
        except SlackApiError as error:  # the decision stands; only the card's display is stale
            logger.warning("chat.update of %s/%s failed (%s)", ref.channel, ref.ts,
                           error.response.get("error"))


async def _log_error(error: Exception, body: dict[str, Any]) -> None:
    """The one Slack error handler: ids and the exception's type and frames, never its text.

    Exception messages can carry message text (database parameters, API echoes), so only the
    type, a Slack error code and the stack frames are logged.
    """
    code = error.response.get("error") if isinstance(error, SlackApiError) else None
    frames = "".join(traceback.format_tb(error.__traceback__))
    logger.error("slack listener failed: %s%s %s\n%s", type(error).__name__,
                 f" ({code})" if code else "", log_ids(body, inbound.KNOWN_ACTIONS), frames)

"""The sending side of Slack: `SlackChat` implements `bot.chat.Chat` with the sync WebClient.

The core's outbox calls it from worker threads, so everything here is thread-safe. Delivery:
- 429s are retried by slack_sdk after `Retry-After`; every attempt of chat.postMessage first
  takes a token from a client-side bucket (`[slack] post_messages_per_second`, pacing.py), so a big
  fan-out stays under the workspace cap instead of bouncing off it.
- How many posts the outbox keeps in flight follows from that rate and the latency measured
  here on every post (`sends_in_flight`, see bot/pacing.py): no concurrency to tune.
- Recovery after a crash (conversations.open, conversations.history: Tier 3, ~50 a minute
  each) is paced by `[slack] conversations_open_per_second`, one bucket per method.
- chat.postMessage is *not* idempotent, so its 5xx / connection failures are not blindly
  retried: we look for the message (tagged with `metadata`) in the conversation history
  first, and only post again if it is not there. Other calls are safe to repeat and use
  slack_sdk's ServerErrorRetryHandler / ConnectionErrorRetryHandler.
- What still fails is raised as `TransientSendError` (the outbox keeps it and retries on the
  next tick) or `PermanentSendError` (the platform refused for good).
"""

from __future__ import annotations

import base64
import logging
import threading
import time
from datetime import datetime, timedelta
from typing import Any
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, ServerErrorRetryHandler
from slack_sdk.http_retry.builtin_interval_calculators import BackoffRetryIntervalCalculator
from slack_sdk.http_retry.jitter import RandomJitter

from bot.chat import MessageRef, OutgoingMessage, PermanentSendError, TransientSendError
from bot.config import SlackConfig
from bot.pacing import SendWindow
from handlers.slack.logs import web_client_logger
from handlers.slack.pacing import PacedRateLimitRetryHandler, TokenBucket, paced_seconds
from handlers.slack.render import render_message

logger = logging.getLogger(__name__)

METADATA_EVENT_TYPE = "rounds_outbox"
# Slack's clock and ours may disagree a little; look a bit further back than asked.
HISTORY_SKEW = timedelta(minutes=15)
POST_ATTEMPTS = 3
GROUP_CACHE_SECONDS = 300.0

PERMANENT_ERRORS = frozenset({
    "user_not_found", "users_not_found", "channel_not_found", "not_in_channel", "is_archived",
    "channel_is_archived", "account_inactive", "invalid_auth", "not_authed", "token_revoked",
    "token_expired", "no_permission", "missing_scope", "cannot_dm_bot", "user_disabled",
    "user_is_bot", "restricted_action", "messages_tab_disabled", "team_access_not_granted",
    "ekm_access_denied", "org_login_required", "invalid_blocks", "invalid_blocks_format",
    "msg_too_long", "no_text", "invalid_metadata_format", "invalid_metadata_schema",
    "metadata_too_large", "message_not_found", "cant_update_message", "edit_window_closed",
    "invalid_arguments", "invalid_arg_name", "invalid_array_arg", "invalid_charset",
    "invalid_form_data", "invalid_post_type", "missing_post_type", "method_deprecated",
    "deprecated_endpoint", "two_factor_setup_required", "not_allowed_token_type",
    "access_denied", "enterprise_is_restricted", "accesslimited",
})


def _backoff() -> BackoffRetryIntervalCalculator:
    return BackoffRetryIntervalCalculator(backoff_factor=0.5, jitter=RandomJitter())


class ServerErrorsRetryHandler(ServerErrorRetryHandler):
    """Retry 500, 502, 503 and 504 with exponential backoff (slack_sdk's retries 500/503)."""

    def _can_retry(self, *, state, request, response=None, error=None) -> bool:
        return response is not None and response.status_code in (500, 502, 503, 504)


def _is_user_id(channel: str) -> bool:
    """Slack user ids start with U or W; conversation ids with C, G or D."""
    return channel[:1] in ("U", "W")


def is_permanent(error: SlackApiError) -> bool:
    code = str(error.response.get("error", "")) if error.response is not None else ""
    status = error.response.status_code if error.response is not None else 0
    return code in PERMANENT_ERRORS or status in (400, 401, 403, 404)


def _translate(error: Exception, method: str) -> Exception:
    """Map a slack_sdk failure to the core's Permanent/TransientSendError (ids only, no text)."""
    if isinstance(error, SlackApiError):
        code = error.response.get("error", "") if error.response is not None else ""
        status = error.response.status_code if error.response is not None else 0
        kind = PermanentSendError if is_permanent(error) else TransientSendError
        return kind(f"slack {method}: {code or 'error'} (HTTP {status})")
    return TransientSendError(f"slack {method}: {type(error).__name__}")


def _server_side(error: SlackApiError) -> bool:
    """A 5xx or a Slack-side failure: the post may or may not have happened."""
    if error.response is None:
        return False
    return error.response.status_code >= 500 or error.response.get("error") in SERVER_ERRORS


SERVER_ERRORS = frozenset({"internal_error", "fatal_error", "service_unavailable",
                           "request_timeout"})
TRANSIENT_EXCEPTIONS = (SlackRequestError, URLError, OSError, TimeoutError)


class SlackChat:
    """Sync Slack sender used by the outbox (worker threads) and the roster import."""

    platform = "slack"

    def __init__(self, config: SlackConfig, *, timeout: int = 30):
        self.config = config
        self.post_bucket = TokenBucket(config.post_messages_per_second,
                                       burst=max(1.0, config.post_messages_per_second / 20))
        # conversations.open is Tier 3 (~50/min): paced too, or a fan-out trips its limit.
        self.open_bucket = TokenBucket(config.conversations_open_per_second,
                                       burst=max(1.0, config.conversations_open_per_second / 20))
        # conversations.history (looking for a message before re-sending it) is Tier 3 as well
        # for an internal app (Slack's 2025 limit of 1/min applies to commercially distributed
        # non-Marketplace apps only).
        self.history_bucket = TokenBucket(config.conversations_open_per_second,
                                          burst=max(1.0, config.conversations_open_per_second / 20))
        self.post_window = SendWindow(config.post_messages_per_second)
        # chat.update (a closed question losing its buttons) is Tier 3 too.
        self.update_bucket = TokenBucket(config.conversations_open_per_second,
                                         burst=max(1.0, config.conversations_open_per_second / 20))
        self._channels: dict[str, str] = {}
        self._channels_lock = threading.Lock()
        self._groups: dict[str, tuple[float, frozenset[str]]] = {}
        self._groups_lock = threading.Lock()
        common = {"token": config.bot_token, "base_url": config.api_url, "timeout": timeout,
                  "logger": web_client_logger()}
        # Safe to repeat: connection errors, 429 and 5xx are retried inside slack_sdk.
        self.client = WebClient(**common, retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=2, interval_calculator=_backoff()),
            PacedRateLimitRetryHandler(None),
            ServerErrorsRetryHandler(max_retry_count=2, interval_calculator=_backoff()),
        ])
        # chat.postMessage: only 429 (Slack did not process it) is retried blindly.
        self.post_client = WebClient(**common, retry_handlers=[
            PacedRateLimitRetryHandler(self.post_bucket, window=self.post_window),
        ])

    # --- Chat protocol -----------------------------------------------------------------

    def sends_in_flight(self) -> int:
        """Posts to keep waiting on Slack at once to reach `post_messages_per_second`."""
        return self.post_window.size()

    def open_direct(self, user_id: str) -> str:
        """The DM's channel id when known, otherwise the user id itself.

        chat.postMessage accepts a user id and posts to the app's DM with that user, answering
        with the DM's channel id (cached here; the outbox stores it). So a first message costs
        no conversations.open, which is Tier 3 (about 50 a minute): opening every DM of a
        10,000-physician practice first would hold the first week's questions back for hours.
        """
        with self._channels_lock:
            return self._channels.get(user_id, user_id)

    def _conversation(self, channel: str) -> str:
        """A real conversation id for reading history: a user id is resolved by opening the DM."""
        if not _is_user_id(channel):
            return channel
        with self._channels_lock:
            cached = self._channels.get(channel)
        if cached:
            return cached
        self.open_bucket.acquire()
        response = self._call("conversations.open", self.client.conversations_open,
                              users=channel, return_im=False)
        return self._remember(channel, response["channel"]["id"])

    def _remember(self, user_id: str, channel: str) -> str:
        with self._channels_lock:
            self._channels[user_id] = channel
        return channel

    def send(self, channel: str, message: OutgoingMessage) -> MessageRef:
        """Post the message; a message with an image is a file share (its text the comment)."""
        if message.image is not None:
            return self.upload_image(self._conversation(channel), message)
        return self._post(channel, message)

    def upload_image(self, channel: str, message: OutgoingMessage) -> MessageRef:
        """files_upload_v2 (getUploadURLExternal, upload, completeUploadExternal), into the thread if any.

        Failures raise like any send, so the outbox retries the upload on a later tick. A file
        share carries no message metadata for `find_sent` to look for, so an upload whose reply
        was lost may be repeated: a second copy of a chart beats a missing one.
        """
        image = message.image
        assert image is not None
        response = self._call("files.completeUploadExternal", self.client.files_upload_v2, channel=channel,
                              thread_ts=message.thread_ts, content=base64.b64decode(image.png_base64),
                              filename=image.filename, title=image.title, alt_txt=image.alt_text,
                              initial_comment=message.text or None)
        files = response.get("files") or [{}]
        return MessageRef(channel, message.thread_ts or f"file:{files[0].get('id', '')}")

    def _post(self, channel: str, message: OutgoingMessage) -> MessageRef:
        started = datetime.now().astimezone()
        kwargs: dict[str, Any] = render_message(message)
        if message.key:
            kwargs["metadata"] = {"event_type": METADATA_EVENT_TYPE,
                                  "event_payload": {"key": message.key}}
        if message.thread_ts:
            kwargs["thread_ts"] = message.thread_ts
        for attempt in range(1, POST_ATTEMPTS + 1):
            self.post_bucket.acquire()
            call_started, waited = time.monotonic(), paced_seconds()
            try:
                response = self.post_client.chat_postMessage(channel=channel, **kwargs)
                # Slack's answer time, not our own pacing nor Retry-After (counted apart in the window).
                self.post_window.observe(time.monotonic() - call_started - (paced_seconds() - waited))
                posted_in = response["channel"]
                if _is_user_id(posted_in):  # updates and history need the DM's own id
                    posted_in = self._conversation(posted_in)
                if _is_user_id(channel):
                    self._remember(channel, posted_in)
                return MessageRef(posted_in, response["ts"])
            except SlackApiError as error:
                if attempt == POST_ATTEMPTS or not _server_side(error):
                    raise _translate(error, "chat.postMessage") from error
            except TRANSIENT_EXCEPTIONS as error:
                if attempt == POST_ATTEMPTS:
                    raise _translate(error, "chat.postMessage") from error
            # Slack may have posted it before failing: look before posting again.
            time.sleep(0.5 * 2 ** (attempt - 1))
            if message.key and not message.thread_ts:
                found = self.find_sent(channel, message.key, started)
                if found is not None:
                    return found
        raise AssertionError("unreachable")

    def update(self, ref: MessageRef, message: OutgoingMessage) -> None:
        self.update_bucket.acquire()
        self._call("chat.update", self.client.chat_update, channel=ref.channel, ts=ref.ts,
                   **render_message(message))

    def find_sent(self, channel: str, key: str, since: datetime) -> MessageRef | None:
        channel = self._conversation(channel)
        oldest = f"{(since - HISTORY_SKEW).timestamp():.6f}"
        cursor = None
        while True:
            self.history_bucket.acquire()
            response = self._call("conversations.history", self.client.conversations_history,
                                  channel=channel, oldest=oldest, include_all_metadata=True,
                                  limit=200, cursor=cursor)
            for item in response.get("messages", []):
                metadata = item.get("metadata") or {}
                if (metadata.get("event_type") == METADATA_EVENT_TYPE
                        and (metadata.get("event_payload") or {}).get("key") == key):
                    return MessageRef(channel, item["ts"])
            cursor = (response.get("response_metadata") or {}).get("next_cursor")
            if not response.get("has_more") or not cursor:
                return None

    def lookup_user_by_email(self, email: str) -> str | None:
        try:
            response = self.client.users_lookupByEmail(email=email)
        except SlackApiError as error:
            if error.response is not None and error.response.get("error") == "users_not_found":
                return None
            raise _translate(error, "users.lookupByEmail") from error
        except TRANSIENT_EXCEPTIONS as error:
            raise _translate(error, "users.lookupByEmail") from error
        return response["user"]["id"]

    # --- platform extras ----------------------------------------------------------------

    def group_members(self, group_id: str) -> set[str]:
        """User ids in a Slack user group (approvers), cached for 5 minutes; empty on error.

        An error is logged and not cached, so the next click asks Slack again; nobody is let
        in on a failure.
        """
        with self._groups_lock:
            cached = self._groups.get(group_id)
        if cached is not None and time.monotonic() - cached[0] < GROUP_CACHE_SECONDS:
            return set(cached[1])
        try:
            response = self._call("usergroups.users.list", self.client.usergroups_users_list,
                                  usergroup=group_id)
        except (PermanentSendError, TransientSendError) as error:
            logger.warning("approver group %s: %s", group_id, error)
            return set()
        members = frozenset(response.get("users") or ())
        with self._groups_lock:
            self._groups[group_id] = (time.monotonic(), members)
        return set(members)

    # --- helpers ------------------------------------------------------------------------

    def _call(self, method: str, function, **kwargs) -> Any:
        try:
            return function(**{k: v for k, v in kwargs.items() if v is not None})
        except SlackApiError as error:
            raise _translate(error, method) from error
        except TRANSIENT_EXCEPTIONS as error:
            raise _translate(error, method) from error


__all__ = ["SlackChat", "TokenBucket", "is_permanent"]

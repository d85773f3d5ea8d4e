"""The approval webhook as a `bot.chat.Chat`: the outbox delivers "webhook" rows through it.

Each send is one HTTPS POST of the JSON document the core built (`bot.review.webhook`), with headers:

- `Content-Type: application/json`
- `X-Rounds-Delivery: <outbox key>`, e.g. `webhook:42`; the same on every retry of one delivery.
- `X-Rounds-Timestamp: <unix seconds>` when this attempt was made.
- `X-Rounds-Signature: sha256=<hex HMAC-SHA256(secret, f"{timestamp}.{body}")>` over the UTF-8
  bytes of the timestamp, a dot and the exact request body. Receivers recompute it with the
  shared `[webhook] secret`, compare in constant time, and reject stale timestamps (e.g. more
  than 5 minutes old) so a captured request cannot be replayed later.

Delivery is at-least-once. 429, 5xx and connection errors are retried here a few times with
exponential backoff and jitter (honouring `Retry-After`), then raised as `TransientSendError`:
the outbox keeps the row and retries on later ticks, across restarts. Other 4xx (and redirects,
which would turn the POST into a GET) raise `PermanentSendError`. There is no way to ask a
receiver whether it already got a POST, so `find_sent` returns None: a crash between the POST
and recording it repeats the POST once the lease runs out, and receivers dedupe on
`X-Rounds-Delivery`. Request bodies and URLs are never logged or put in errors (URLs may hold
tokens, bodies hold post text).
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import logging
import random
import time
import urllib.request
from collections.abc import Callable
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.error import HTTPError, URLError

from bot.chat import MessageRef, OutgoingMessage, PermanentSendError, TransientSendError, small_number
from bot.config import WebhookConfig

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 10.0
ATTEMPTS = 4
BASE_DELAY_SECONDS = 0.5
MAX_DELAY_SECONDS = 30.0  # a longer Retry-After is left to the outbox's next tick
USER_AGENT = "Rounds-Webhook/1"


def sign(secret: str, timestamp: str, body: str) -> str:
    """The X-Rounds-Signature value for one request."""
    digest = hmac.new(secret.encode(), f"{timestamp}.{body}".encode(), hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify(secret: str, timestamp: str, body: str, signature: str) -> bool:
    """What a receiver does (used by the tests): recompute and compare in constant time."""
    return hmac.compare_digest(sign(secret, timestamp, body), signature)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # urllib then raises HTTPError with the 3xx status


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    seconds = small_number(value)  # "¹" passes str.isdigit but not float(); bounded too
    if seconds is not None:
        return float(seconds)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)


class WebhookChat:
    """POSTs approved posts to `[webhook] url`, signed with `[webhook] secret`."""

    platform = "webhook"

    def __init__(self, config: WebhookConfig, *, attempts: int = ATTEMPTS,
                 base_delay: float = BASE_DELAY_SECONDS, max_delay: float = MAX_DELAY_SECONDS,
                 timeout: float = TIMEOUT_SECONDS, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.time):
        self.config = config
        self.attempts, self.base_delay, self.max_delay = max(1, attempts), base_delay, max_delay
        self.timeout, self._sleep, self._clock = timeout, sleep, clock
        self._opener = urllib.request.build_opener(_NoRedirects)

    def _url(self, channel: str) -> str:
        # The outbox stores the URL as the recipient when it fits; otherwise a marker for config.
        return channel if channel.startswith(("http://", "https://")) else self.config.url

    def _post(self, url: str, key: str, body: str) -> tuple[str, int]:
        timestamp = str(int(self._clock()))
        request = urllib.request.Request(url, data=body.encode(), method="POST", headers={
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "X-Rounds-Delivery": key,
            "X-Rounds-Timestamp": timestamp,
            "X-Rounds-Signature": sign(self.config.secret, timestamp, body),
        })
        with self._opener.open(request, timeout=self.timeout) as response:
            response.read()
            return timestamp, response.status

    def _backoff(self, attempt: int) -> float:
        base = min(self.max_delay, self.base_delay * (2 ** (attempt - 1)))
        return base * random.uniform(0.5, 1.5)

    def send(self, channel: str, message: OutgoingMessage) -> MessageRef:
        """POST `message.text`; raise TransientSendError or PermanentSendError when it fails."""
        url = self._url(channel)
        if not url:
            raise PermanentSendError("no webhook url is configured")
        problem = ""
        for attempt in range(1, self.attempts + 1):
            wait = None
            try:
                timestamp, status = self._post(url, message.key, message.text)
                return MessageRef(channel, f"{timestamp}:{status}")
            except HTTPError as error:
                status, retry_after = error.code, error.headers.get("Retry-After") if error.headers else None
                error.close()
                if status != 429 and status < 500:
                    raise PermanentSendError(f"webhook answered HTTP {status}") from None
                problem = f"HTTP {status}"
                wait = retry_after_seconds(retry_after, self._clock())
            except (URLError, http.client.HTTPException, OSError) as error:
                reason = getattr(error, "reason", error)
                problem = f"{type(error).__name__}: {type(reason).__name__}"
            logger.warning("webhook %s: attempt %d of %d failed (%s)", message.key, attempt, self.attempts, problem)
            if attempt == self.attempts:
                break
            if wait is not None and wait > self.max_delay:
                problem += f", Retry-After {wait:.0f}s"
                break
            self._sleep(wait if wait is not None else self._backoff(attempt))
        raise TransientSendError(f"webhook not delivered after {attempt} attempt(s): {problem}")

    def open_direct(self, user_id: str) -> str:
        raise PermanentSendError("the webhook has no direct messages")

    def find_sent(self, channel: str, key: str, since: datetime) -> MessageRef | None:
        return None  # at-least-once: receivers dedupe on X-Rounds-Delivery

    def update(self, ref: MessageRef, message: OutgoingMessage) -> None:
        return None  # a POST cannot be edited

    def lookup_user_by_email(self, email: str) -> str | None:
        return None

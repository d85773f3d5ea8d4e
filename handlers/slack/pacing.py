"""Client-side pacing of Slack calls: a token bucket per rate limit and a 429 retry that uses it.

Split from chat.py (the sender) so the pacing rules can be read in one place; `SendWindow`
(how many sends to keep in flight) is platform-neutral and lives in bot/pacing.py.
"""

from __future__ import annotations

import random
import threading
import time
from contextlib import nullcontext

from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.pacing import SendWindow

REFUND_SHARE = 0.1  # of the rate that refunds of 429'd tokens may give back: see TokenBucket.refund
LATE_TURN_SECONDS = 0.02  # the least lateness after a pacing turn that counts as a turn missed
RETRY_JITTER = 0.1  # seconds added at random to Retry-After, so retries don't all land together

_paced = threading.local()  # seconds this thread spent waiting for tokens or Retry-After (not Slack's latency)


def paced_seconds() -> float:
    return getattr(_paced, "seconds", 0.0)


class TokenBucket:
    """Thread-safe pacing: `acquire()` blocks until a token is free (rate per second, burst)."""

    def __init__(self, rate: float, burst: float = 1.0):
        self.rate, self.burst = float(rate), max(1.0, float(burst))
        self._tokens = self.burst
        self._stamp = time.monotonic()
        # A turn missed by more than the burst could have saved it up went unused: see acquire.
        self.tolerance = max(LATE_TURN_SECONDS, self.burst / self.rate)
        self._refund_rate = self.rate * REFUND_SHARE
        self._refundable = self._refund_cap = max(1.0, self._refund_rate)
        self._refund_stamp = self._stamp
        self.unused = 0.0  # turns that passed with nobody waiting for them (capacity lost)
        self._lock = threading.Lock()

    def acquire(self) -> None:
        """Reserve the next turn and sleep until it comes.

        A thread that wakes up well after its turn (the process stalled: the GIL, the OS) takes
        a new one instead of going at once: the turns that passed meanwhile went unused, as they
        did in Slack's own bucket, which cannot save up more than its burst. Without this, the
        sends of a stall all went out together when it ended and were refused.
        """
        while True:
            with self._lock:
                now = time.monotonic()
                refilled = self._tokens + (now - self._stamp) * self.rate
                self.unused += max(0.0, refilled - self.burst)
                self._tokens, self._stamp = min(self.burst, refilled), now
                self._tokens -= 1  # reserve now; wait outside the lock for the debt to refill
                wait = 0.0 if self._tokens >= 0 else -self._tokens / self.rate
            if not wait:
                return
            _paced.seconds = paced_seconds() + wait
            time.sleep(wait)
            late = time.monotonic() - (now + wait)
            if late <= self.tolerance:
                return
            _paced.seconds = paced_seconds() + late
            with self._lock:
                self.unused += 1

    def refund(self) -> None:
        """Give back the token of an attempt Slack refused with 429, a tenth of the rate at most.

        Slack did not count the refused call, so giving its token back is exact for Slack's
        occasional refusals under the limit (keeping half of each, as before, cost 2.5% of the
        rate at 5% of calls refused). When we really are over the limit (another process posting
        to the workspace), whole refunds would let the excess circulate, each refund sending
        another call out too early; the cap makes such an excess die out.
        """
        with self._lock:
            now = time.monotonic()
            self._refundable = min(self._refund_cap,
                                   self._refundable + (now - self._refund_stamp) * self._refund_rate)
            self._refund_stamp = now
            if self._refundable >= 1:
                self._refundable -= 1
                self._tokens = min(self.burst, self._tokens + 1)


class PacedRateLimitRetryHandler(RateLimitErrorRetryHandler):
    """Retries a 429 after its Retry-After, then waits for a pacing token like any call.

    slack_sdk's own handler adds up to a whole second of jitter to Retry-After; here the
    client-side bucket already spreads requests out, so only a tenth of a second is added
    (a message refused near the end of a fan-out no longer waits up to two seconds). While it
    waits, the send holds a place in `window` beside those the latency calls for.
    """

    def __init__(self, bucket: TokenBucket | None, max_retry_count: int = 5,
                 window: SendWindow | None = None):
        super().__init__(max_retry_count=max_retry_count)
        self.bucket = bucket
        self.window = window

    def prepare_for_next_attempt(self, *, state, request, response=None, error=None) -> None:
        if response is None:
            raise error
        if self.bucket is not None:
            self.bucket.refund()
        state.next_attempt_requested = True
        wait = retry_after_seconds(response.headers) + random.uniform(0, RETRY_JITTER)
        _paced.seconds = paced_seconds() + wait  # Slack's wait, not its answer time: see SendWindow
        with self.window.waiting_out() if self.window is not None else nullcontext():
            time.sleep(wait)
        state.increment_current_attempt()
        if self.bucket is not None:
            self.bucket.acquire()


def retry_after_seconds(headers: dict) -> float:
    """Slack's Retry-After (whole seconds); 1 when missing or unreadable."""
    for name, values in headers.items():
        if name.lower() == "retry-after":
            value = values[0] if isinstance(values, list) else values
            try:
                return max(0.0, float(value))
            except (TypeError, ValueError):
                return 1.0
    return 1.0


__all__ = ["PacedRateLimitRetryHandler", "TokenBucket", "paced_seconds", "retry_after_seconds"]

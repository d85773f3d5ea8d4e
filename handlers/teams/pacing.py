"""Client-side pacing and retries for Bot Connector calls (the connector client does neither).

Teams allows a bot about 7 sends a second and 60 per 30 s in one conversation, and about 50
requests a second per app per tenant. `Pacer.reserve` books the next free instant under every
limit that applies and says how long to wait, so callers wait (`asyncio.sleep`) instead of
collecting 429s. What still comes back 429, 412, 502 or 504 is retried with exponential
backoff and full jitter (honouring Retry-After), a few times; then the outbox keeps it.
"""

from __future__ import annotations

import asyncio
import bisect
import random
import threading
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from typing import TypeVar

RETRY_STATUSES = frozenset({412, 429, 502, 504})
T = TypeVar("T")


class Pacer:
    """Thread-safe sliding windows: each (key, count, seconds) allows `count` calls per `seconds`."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self._booked: dict[tuple[str, int, float], deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def reserve(self, limits: list[tuple[str, int, float]]) -> float:
        """Book the earliest instant every limit allows; returns the seconds to wait for it.

        A conversation's sends keep their order (first come, first served); a tenant's window is
        shared, so a conversation held back by its own limit does not hold up the others.
        """
        with self._lock:
            now = self.clock()
            at = now
            for key in limits:
                booked = self._booked[key]
                while booked and booked[0] <= now - key[2]:
                    booked.popleft()
                if booked and key[0].startswith("conversation:"):
                    at = max(at, booked[-1])
            moved = True
            while moved:
                moved = False
                for key in limits:
                    _, count, seconds = key
                    window = [t for t in self._booked[key] if at - seconds < t <= at]
                    if len(window) >= count:
                        at, moved = window[len(window) - count] + seconds, True
            for key in limits:
                bisect.insort(self._booked[key], at)
            return max(0.0, at - now)


class RetryableStatus(Exception):
    """A connector call answered with a status worth retrying (429, 412, 502, 504)."""

    def __init__(self, status: int, retry_after: float | None):
        super().__init__(f"HTTP {status}")
        self.status, self.retry_after = status, retry_after


async def with_retries(call: Callable[[], Awaitable[T]], classify: Callable[[Exception], RetryableStatus | None],
                       attempts: int = 4, base: float = 1.0, cap: float = 30.0) -> T:
    """Run `call`; retry what `classify` calls retryable with backoff and jitter, re-raise the rest."""
    for attempt in range(1, attempts + 1):
        try:
            return await call()
        except Exception as error:
            retryable = classify(error)
            if retryable is None or attempt == attempts:
                raise
            delay = random.uniform(0, min(cap, base * 2 ** (attempt - 1)))  # full jitter
            if retryable.retry_after is not None:
                delay = max(delay, retryable.retry_after)
            await asyncio.sleep(delay)
    raise AssertionError("unreachable")

"""How many sends to keep in flight: the platform's rate times the latency we observe.

A platform that allows R messages a second and answers each call in L seconds can only be
kept at its rate with about R × L calls waiting for an answer at once (Little's law). R is
configured (`[slack] post_messages_per_second`); L is not something an admin can know (it is
~100 ms from a hospital network, more under load), so it is measured on every call. The
window is that product with a margin for slow answers, plus the sends waiting out a 429's
Retry-After, counted as they are (averaging a one-second wait into L made the window swing
with every few 429s and run dry when it dipped), bounded so a burst of slow answers cannot
start hundreds of threads. There is no second knob.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager

# Room for slow answers and for calls waiting their turn; more would only queue on our own pacing,
# and every claimed row is in doubt after a crash, costing a Tier 3 lookup on restart
# (bench/crash.py: ~50 rows in doubt at 1.5, ~140 at 2.0; bench/fanout.py the same within noise).
MARGIN = 1.5
MIN_IN_FLIGHT = 4
MAX_IN_FLIGHT = 256
INITIAL_LATENCY = 0.25  # seconds, until the first answers are measured: errs towards more
SMOOTHING = 0.05  # weight of each new observation in the moving average


class SendWindow:
    """A thread-safe estimate of the sends to keep in flight for one rate limit."""

    def __init__(self, rate_per_second: float, *, initial_latency: float = INITIAL_LATENCY):
        self.rate = float(rate_per_second)
        self._latency = float(initial_latency)
        self._waiting_out = 0
        self._lock = threading.Lock()

    def observe(self, seconds: float) -> None:
        """Record how long one call took to be answered (time spent waiting for our own
        pacing excluded: counting it would grow the window, which grows the wait, and so on;
        Retry-After waits excluded: see `waiting_out`)."""
        with self._lock:
            self._latency += SMOOTHING * (max(0.0, seconds) - self._latency)

    @property
    def latency(self) -> float:
        with self._lock:
            return self._latency

    @contextmanager
    def waiting_out(self) -> Iterator[None]:
        """While a send sleeps out a 429's Retry-After, it holds a place of its own."""
        with self._lock:
            self._waiting_out += 1
        try:
            yield
        finally:
            with self._lock:
                self._waiting_out -= 1

    def size(self) -> int:
        """Sends to keep in flight now: ⌈rate × latency × margin⌉ + those waiting out a 429, bounded."""
        with self._lock:
            wanted = math.ceil(self.rate * self._latency * MARGIN) + self._waiting_out
        return max(MIN_IN_FLIGHT, min(MAX_IN_FLIGHT, wanted))


class ClaimLead:
    """How many rows beyond the window to claim: those its sends will finish while we claim.

    The delivery loop claims and records in turn; while a claim waits on the database (tens
    of milliseconds on a busy SQLite file), sends finish and their places stand empty, so the
    platform's pacing ran out of waiting sends and turns went unused (bench/fanout.py --trace).
    Claiming ahead by (sends finished per second) × (time a claim takes) keeps it fed.
    """

    def __init__(self):
        self.claim_seconds = 0.0
        self._done: deque[tuple[float, int]] = deque()

    def claimed(self, seconds: float) -> None:
        self.claim_seconds += 0.2 * (seconds - self.claim_seconds)

    def completed(self, count: int) -> None:
        if count:
            self._done.append((time.monotonic(), count))

    def rows(self, window: int) -> int:
        horizon = time.monotonic() - 1.0
        while self._done and self._done[0][0] < horizon:
            self._done.popleft()
        per_second = sum(count for _, count in self._done)
        return min(window // 2, math.ceil(2 * per_second * self.claim_seconds))


__all__ = ["ClaimLead", "SendWindow", "MAX_IN_FLIGHT"]

"""`bench/fanout.py --trace`: a timeline of one fan-out, to see where time over the floor goes.

Wraps the outbox's delivery steps (claim, send, record) in the bench process only, samples the
sends in flight and the Slack chat's window every 10 ms, and lines both up with every call the
fake Slack received (its clock is time.monotonic() too). Printed: the gap before the first
call, sends per second with the 429s (occasional vs over the limit), in flight vs window, time
spent claiming and recording, and the tail after the last fresh send.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict

import bot.outbox.delivery as delivery
import bot.scheduler as scheduler


class Trace:
    """Records delivery events in this process while a fan-out runs (monkeypatched, bench only)."""

    def __init__(self, chat):
        self.chat = chat
        self.events: dict[str, list] = defaultdict(list)
        self.in_flight = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._originals: dict = {}

    def start(self) -> None:
        self.cpu = time.process_time()
        bucket = self.chat.post_bucket  # turns that passed unused before the run are not counted
        bucket.unused = -max(0.0, bucket._tokens + (time.monotonic() - bucket._stamp) * bucket.rate - bucket.burst)
        for module, name in ((delivery, "_attempt"), (delivery, "claim_batch"), (delivery, "record_attempts"),
                             (delivery, "renew_leases"), (scheduler, "deliver_due"),
                             (scheduler, "send_due_questions")):
            original = getattr(module, name)
            self._originals[(module, name)] = original
            setattr(module, name, self._wrap(name, original))
        threading.Thread(target=self._sample, daemon=True).start()

    def stop(self) -> None:
        self.cpu = time.process_time() - self.cpu
        self._stop.set()
        for (module, name), original in self._originals.items():
            setattr(module, name, original)

    def _wrap(self, name, original):
        def traced(*args, **kwargs):
            began = time.monotonic()
            if name == "_attempt":
                with self._lock:
                    self.in_flight += 1
            try:
                result = original(*args, **kwargs)
            finally:
                if name == "_attempt":
                    with self._lock:
                        self.in_flight -= 1
            size = len(result) if name == "claim_batch" else None
            if name == "_attempt":
                size = (result.claim.attempts, result.error is None)
            self.events[name].append((began, time.monotonic(), size))
            return result
        return traced

    def _sample(self) -> None:
        while not self._stop.is_set():
            window = self.chat.post_window
            self.events["sample"].append((time.monotonic(), self.in_flight, self.chat.sends_in_flight(),
                                          window.latency, getattr(self.chat.post_bucket, "unused", 0.0)))
            time.sleep(0.01)

    def report(self, timeline: list, started: float, ended: float, people: int) -> None:
        """Print the timeline (times in seconds from the start of the timed run)."""
        posts = [(at - started, status, why) for method, at, status, why in timeline
                 if method == "chat.postMessage" and at >= started]
        ok = sorted(t for t, status, _ in posts if status == 200)
        seconds = int(ended - started) + 1
        rows = defaultdict(lambda: defaultdict(float))
        for t, status, why in posts:
            rows[int(t)]["ok" if status == 200 else why] += 1
        unused = {}
        for t, in_flight, window, latency, lost in self.events["sample"]:
            if started <= t <= ended:
                unused.setdefault(int(t - started), lost)
                row = rows[int(t - started)]
                row["n"] += 1
                row["in_flight"] += in_flight
                row["window"] += window
                row["latency"] += latency
        for name in ("claim_batch", "record_attempts", "renew_leases"):
            for began, finished, _ in self.events[name]:
                if started <= began <= ended:
                    rows[int(began - started)][name] += finished - began
        print("\ntrace: second | posts ok | 429 random | 429 limit | in flight | window | latency ms | "
              "claiming ms | recording ms | pacing turns unused")
        for second in range(seconds):
            row = rows[second]
            n = row["n"] or 1
            row["unused"] = unused.get(second + 1, unused.get(second, 0.0)) - unused.get(second, 0.0)
            print(f"  {second:3d} | {row['ok']:4.0f} | {row['random']:3.0f} | {row['limit']:3.0f} | "
                  f"{row['in_flight'] / n:5.1f} | {row['window'] / n:5.1f} | {1000 * row['latency'] / n:5.0f} | "
                  f"{1000 * row['claim_batch']:5.0f} | {1000 * row['record_attempts']:5.0f} | {row['unused']:4.1f}")
        attempts = [(b - started, f - started, size) for b, f, size in self.events["_attempt"] if b >= started]
        fresh = [a for a in attempts if a[2][0] == 1]
        claims = [(b - started, f - started, size) for b, f, size in self.events["claim_batch"] if b >= started]
        delivers = [(b - started, f - started) for b, f, _ in self.events["deliver_due"] if b >= started]
        queueing = [(b - started, f - started) for b, f, _ in self.events["send_due_questions"] if b >= started]
        print("trace: questions queued (send_due_questions) " + ", ".join(f"{b:.2f}-{f:.2f} s" for b, f in queueing))
        floor_end = people / 200
        print(f"trace: deliver_due started {delivers[0][0]:.3f} s, first claim done {claims[0][1]:.3f} s "
              f"({claims[0][2]} rows), first send started {min(a[0] for a in attempts):.3f} s, "
              f"first post arrived {ok[0]:.3f} s")
        print(f"trace: posts ok by {floor_end:.0f} s (the floor): {sum(1 for t in ok if t <= floor_end)}; "
              f"ok posts/s over [1 s, last fresh send]: "
              f"{sum(1 for t in ok if 1 <= t <= max(a[0] for a in fresh)) / (max(a[0] for a in fresh) - 1):.1f}")
        print(f"trace: last fresh send started {max(a[0] for a in fresh):.2f} s, last send ended "
              f"{max(a[1] for a in attempts):.2f} s, last ok post arrived {ok[-1]:.2f} s, "
              f"deliver_due ended {delivers[-1][1]:.2f} s, run ended {ended - started:.2f} s; "
              f"{len(delivers)} deliver_due call(s)")
        tail = [a for a in attempts if a[1] > max(x[0] for x in fresh)]
        print(f"trace: sends still running after the last fresh send: {len(tail)} "
              f"(of which retried inside slack_sdk: {sum(1 for a in tail if a[1] - a[0] > 0.9)})")
        print(f"trace: claims {len(claims)} ({sum(f - b for b, f, _ in claims):.2f} s), records "
              f"{len(self.events['record_attempts'])} "
              f"({sum(f - b for b, f, _ in self.events['record_attempts']):.2f} s), "
              f"CPU of this process {self.cpu:.1f} s ({1000 * self.cpu / people:.2f} ms per message); "
              f"pacing turns unused {getattr(self.chat.post_bucket, 'unused', 0.0):.0f} "
              f"({getattr(self.chat.post_bucket, 'unused', 0.0) / 200:.2f} s at 200/s)")

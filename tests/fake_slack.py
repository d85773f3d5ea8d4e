"""A small fake Slack Web API on 127.0.0.1 that records every call, for tests and the bench.

It runs an aiohttp server on its own event loop in a background thread, so both sync tests
(SlackChat, `rounds tick` subprocesses) and async tests (Bolt's AsyncWebClient) can use it:

    with FakeSlack() as fake:
        config = make_config(url, slack={..., "api_url": fake.url})

Knobs: `fail_next(method, status, count)` (e.g. 429 with Retry-After, or 500),
`error_next(method, "channel_not_found")`, `limit(method, per_second, burst)` (token bucket
answering 429 + Retry-After when exceeded), `random_429` (a fraction of calls answered 429),
`hold(method)` (store the message, then never answer: simulates a crash between "sent" and
"recorded"), `ts_clock` (the clock message timestamps are made from).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import random
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import WSMsgType, web

BOT_USER_ID = "UBOT00001"
BOT_ID = "BBOT00001"
TEAM_ID = "T0000TEST"


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    headers: dict[str, str]
    status: int = 200
    at: float = field(default_factory=time.monotonic)
    refused_by: str = ""  # why a 429 was answered: "random" (an occasional refusal) or "limit"


@dataclass
class _Bucket:
    rate: float
    burst: float
    tokens: float
    stamp: float

    def take(self, now: float) -> float:
        """Take one token; return 0 if granted, else seconds until one is available."""
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / self.rate


@dataclass
class _Failure:
    status: int
    count: int
    retry_after: int | None = None
    error: str | None = None


@dataclass
class StoredMessage:
    channel: str
    ts: str
    text: str
    blocks: Any
    metadata: Any
    thread_ts: str | None = None
    user: str = BOT_USER_ID
    bot_id: str = BOT_ID
    updates: list[dict[str, Any]] = field(default_factory=list)


class FakeSlack:
    """The fake Web API server; `url` ends in `/api/` like Slack's base URL."""

    def __init__(self, emails: dict[str, str] | None = None):
        self.calls: list[Call] = []
        self.messages: list[StoredMessage] = []
        self.ephemeral: list[dict[str, Any]] = []
        self.emails = {k.lower(): v for k, v in (emails or {}).items()}
        self.unknown_users: set[str] = set()
        self.usergroups: dict[str, list[str]] = {}  # usergroups.users.list: group id → user ids
        self.bot_channels: set[str] = set()  # conversations.info: channels the bot is a member of
        self.random_429 = 0.0
        self.random_retry_after = 1
        self.echo_user_channel = False  # answer a post to a user id with that id, not the DM's
        self.rng = random.Random(7)
        self.ts_clock: Callable[[], float] = time.time
        self.latency = 0.0
        self._failures: dict[str, list[_Failure]] = defaultdict(list)
        self._buckets: dict[str, _Bucket] = {}
        self._held: set[str] = set()
        self._seq = itertools.count(1)
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._hold_release: asyncio.Event | None = None
        self._extra_routes: list[tuple[str, str, Any]] = []
        self._sockets: list[web.WebSocketResponse] = []
        self.socket_acks: list[dict[str, Any]] = []  # what Socket Mode clients sent back
        self.uploads: dict[str, dict[str, Any]] = {}  # file id → filename, alt_txt, length, data
        self.files: list[dict[str, Any]] = []  # completed uploads: id, title, channel_id, thread_ts, data
        self.home_views: dict[str, list[dict[str, Any]]] = defaultdict(list)  # views.publish per user
        self.port = 0

    # --- lifecycle -----------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def start(self) -> FakeSlack:
        self._thread = threading.Thread(target=self._run, name="fake-slack", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("fake Slack did not start")
        return self

    def stop(self) -> None:
        if self._loop is None:
            return
        asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread:
            self._thread.join(10)
        self._loop = None

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        self._hold_release = asyncio.Event()
        app = web.Application(client_max_size=10 * 1024 * 1024)
        app.router.add_route("*", "/api/{method}", self._dispatch)
        app.router.add_get("/socket-mode", self._socket_mode)
        app.router.add_post("/upload/{file_id}", self._upload)
        for verb, path, handler in self._extra_routes:
            app.router.add_route(verb, path, handler)
        self._runner = web.AppRunner(app, access_log=None)
        loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(self._runner, "127.0.0.1", 0, backlog=1024)
        loop.run_until_complete(site.start())
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self._ready.set()
        loop.run_forever()

    async def _shutdown(self) -> None:
        if self._hold_release:
            self._hold_release.set()
        for socket in self._sockets:
            await socket.close()
        if self._runner:
            await self._runner.cleanup()

    # --- knobs ---------------------------------------------------------------------------

    def fail_next(self, method: str, status: int = 429, count: int = 1,
                  retry_after: int | None = None) -> None:
        """Answer the next `count` calls of `method` with HTTP `status` (429 gets Retry-After)."""
        if status == 429 and retry_after is None:
            retry_after = 1
        with self._lock:
            self._failures[method].append(_Failure(status, count, retry_after))

    def error_next(self, method: str, error: str, count: int = 1) -> None:
        """Answer the next `count` calls of `method` with `{"ok": false, "error": error}`."""
        with self._lock:
            self._failures[method].append(_Failure(200, count, error=error))

    def limit(self, method: str, per_second: float, burst: float | None = None) -> None:
        burst = burst if burst is not None else max(1.0, per_second / 10)
        self._buckets[method] = _Bucket(per_second, burst, burst, time.monotonic())

    def hold(self, method: str = "chat.postMessage") -> None:
        """Store the next call's effect but never answer it (until `release_holds`)."""
        self._held.add(method)

    def release_holds(self) -> None:
        self._held.clear()
        if self._loop and self._hold_release:
            self._loop.call_soon_threadsafe(self._hold_release.set)

    # --- queries -------------------------------------------------------------------------

    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def posted(self, channel: str | None = None) -> list[StoredMessage]:
        with self._lock:
            return [m for m in self.messages if channel is None or m.channel == channel]

    def posted_with_key(self, key: str) -> list[StoredMessage]:
        return [m for m in self.posted()
                if (m.metadata or {}).get("event_payload", {}).get("key") == key]

    def wait_for(self, predicate: Callable[[], bool], timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise TimeoutError("fake Slack: condition not met in time")
            time.sleep(0.02)

    @staticmethod
    def dm_channel(user_id: str) -> str:
        return "D" + user_id.lstrip("U")

    # --- the API -------------------------------------------------------------------------

    async def _dispatch(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params: dict[str, Any] = dict(request.query)
        raw = await request.read()
        if raw:
            if request.content_type == "application/json":
                params.update(json.loads(raw))
            else:
                params.update(parse_qsl(raw.decode(), keep_blank_values=True))
        call = Call(method, params, dict(request.headers))
        if self.latency:
            await asyncio.sleep(self.latency)
        early = self._early_answer(method, call)
        with self._lock:
            self.calls.append(call)
        if early is not None:
            call.status = early.status
            return early
        handler = getattr(self, "_api_" + method.replace(".", "_"), None)
        if handler is None:
            return web.json_response({"ok": False, "error": "unknown_method"})
        body = handler(params)
        if method in self._held:
            self._held.discard(method)
            assert self._hold_release is not None
            await self._hold_release.wait()
        return web.json_response(body)

    def _early_answer(self, method: str, call: Call) -> web.Response | None:
        with self._lock:
            queue = self._failures.get(method)
            if queue:
                failure = queue[0]
                failure.count -= 1
                if failure.count <= 0:
                    queue.pop(0)
                if failure.error:
                    return web.json_response({"ok": False, "error": failure.error})
                headers = ({"Retry-After": str(failure.retry_after)}
                           if failure.retry_after is not None else {})
                return web.json_response({"ok": False, "error": "ratelimited" if failure.status == 429
                                          else "internal_error"}, status=failure.status,
                                         headers=headers)
            if self.random_429 and method != "auth.test" and self.rng.random() < self.random_429:
                call.refused_by = "random"
                return web.json_response({"ok": False, "error": "ratelimited"}, status=429,
                                         headers={"Retry-After": str(self.random_retry_after)})
            bucket = self._buckets.get(method)
            if bucket is not None:
                wait = bucket.take(time.monotonic())
                if wait:
                    call.refused_by = "limit"
                    return web.json_response({"ok": False, "error": "ratelimited"}, status=429,
                                             headers={"Retry-After": str(max(1, round(wait)))})
        return None

    def _next_ts(self) -> str:
        return f"{int(self.ts_clock())}.{next(self._seq):06d}"

    def _api_auth_test(self, params):
        return {"ok": True, "url": "https://rounds-test.slack.com/", "team": "Test",
                "user": "rounds", "team_id": TEAM_ID, "user_id": BOT_USER_ID, "bot_id": BOT_ID}

    def _api_conversations_open(self, params):
        user = params.get("users", "")
        if not user or user in self.unknown_users:
            return {"ok": False, "error": "user_not_found"}
        return {"ok": True, "channel": {"id": self.dm_channel(user)}}

    def _api_chat_postMessage(self, params):
        channel = params.get("channel", "")
        if not channel:
            return {"ok": False, "error": "channel_not_found"}
        if not params.get("text") and not params.get("blocks"):
            return {"ok": False, "error": "no_text"}
        answered_channel = None
        if channel[:1] in ("U", "W"):  # a user id posts to the app's DM with that user
            if channel in self.unknown_users:
                return {"ok": False, "error": "channel_not_found"}
            answered_channel = channel if self.echo_user_channel else None
            channel = self.dm_channel(channel)
        blocks = params.get("blocks")
        metadata = params.get("metadata")
        if isinstance(blocks, str):
            blocks = json.loads(blocks)
        if isinstance(metadata, str):
            metadata = json.loads(metadata)
        with self._lock:
            message = StoredMessage(channel, self._next_ts(), params.get("text", ""), blocks,
                                    metadata, params.get("thread_ts"))
            self.messages.append(message)
        return {"ok": True, "channel": answered_channel or channel, "ts": message.ts,
                "message": {"text": message.text, "ts": message.ts, "bot_id": BOT_ID}}

    def _api_chat_update(self, params):
        with self._lock:
            for message in self.messages:
                if message.channel == params.get("channel") and message.ts == params.get("ts"):
                    message.updates.append(dict(params))
                    message.text = params.get("text", message.text)
                    blocks = params.get("blocks", message.blocks)
                    message.blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
                    return {"ok": True, "channel": message.channel, "ts": message.ts}
        return {"ok": False, "error": "message_not_found"}

    def _api_chat_postEphemeral(self, params):
        with self._lock:
            self.ephemeral.append(dict(params))
        return {"ok": True, "message_ts": self._next_ts()}

    def _api_conversations_history(self, params):
        channel = params.get("channel")
        oldest = float(params.get("oldest") or 0)
        with_metadata = str(params.get("include_all_metadata", "")).lower() in ("1", "true")
        limit = int(params.get("limit") or 100)
        found = [m for m in self.posted(channel) if float(m.ts) >= oldest and not m.thread_ts]
        found.sort(key=lambda m: float(m.ts), reverse=True)
        start = int(params.get("cursor") or 0)
        page = found[start:start + limit]
        more = start + limit < len(found)
        out = []
        for m in page:
            item = {"type": "message", "user": m.user, "bot_id": m.bot_id, "text": m.text,
                    "ts": m.ts}
            if with_metadata and m.metadata:
                item["metadata"] = m.metadata
            out.append(item)
        return {"ok": True, "messages": out, "has_more": more,
                "response_metadata": {"next_cursor": str(start + limit) if more else ""}}

    # --- files (the files_upload_v2 flow) and App Home ---------------------------------------

    def _api_files_getUploadURLExternal(self, params):
        if not params.get("filename") or not str(params.get("length", "")).isdigit():
            return {"ok": False, "error": "invalid_arguments"}
        file_id = f"F{next(self._seq):08d}"
        with self._lock:
            self.uploads[file_id] = {"filename": params["filename"], "length": int(params["length"]),
                                     "alt_txt": params.get("alt_txt"), "data": None}
        return {"ok": True, "upload_url": f"http://127.0.0.1:{self.port}/upload/{file_id}", "file_id": file_id}

    async def _upload(self, request: web.Request) -> web.Response:
        file_id = request.match_info["file_id"]
        data = await request.read()
        with self._lock:
            upload = self.uploads.get(file_id)
            if upload is None:
                return web.Response(status=404, text="unknown upload")
            upload["data"] = data
        return web.Response(status=200, text=f"OK - {len(data)}")

    def _api_files_completeUploadExternal(self, params):
        files = params.get("files")
        files = json.loads(files) if isinstance(files, str) else files or []
        done = []
        with self._lock:
            for item in files:
                upload = self.uploads.get(item.get("id"))
                if upload is None or upload["data"] is None or len(upload["data"]) != upload["length"]:
                    return {"ok": False, "error": "file_upload_not_found"}
                record = {**upload, "id": item["id"], "title": item.get("title"),
                          "channel_id": params.get("channel_id"), "thread_ts": params.get("thread_ts")}
                self.files.append(record)
                done.append({"id": item["id"], "title": item.get("title"), "name": upload["filename"]})
        return {"ok": True, "files": done}

    def _api_views_publish(self, params):
        view = params.get("view")
        view = json.loads(view) if isinstance(view, str) else view
        user = params.get("user_id", "")
        if not user or user in self.unknown_users or not isinstance(view, dict) or view.get("type") != "home":
            return {"ok": False, "error": "invalid_arguments"}
        if len(view.get("blocks") or []) > 100:
            return {"ok": False, "error": "invalid_blocks"}
        with self._lock:
            self.home_views[user].append(view)
        return {"ok": True, "view": {"id": f"V{next(self._seq):08d}", "type": "home", **view}}

    def _api_users_lookupByEmail(self, params):
        user = self.emails.get(str(params.get("email", "")).lower())
        if user is None:
            return {"ok": False, "error": "users_not_found"}
        return {"ok": True, "user": {"id": user, "profile": {"email": params.get("email")}}}

    def _api_usergroups_users_list(self, params):
        group = params.get("usergroup", "")
        if group not in self.usergroups:
            return {"ok": False, "error": "no_such_subteam"}
        return {"ok": True, "users": list(self.usergroups[group])}

    def opened_views(self) -> list[dict[str, Any]]:
        """The `view` of every views.open call, decoded."""
        views = [call.params.get("view") for call in self.calls_to("views.open")]
        return [json.loads(v) if isinstance(v, str) else v for v in views]

    def _api_views_open(self, params):
        if not params.get("trigger_id"):
            return {"ok": False, "error": "invalid_trigger_id"}
        return {"ok": True, "view": {"id": f"V{next(self._seq):08d}"}}

    def _api_conversations_info(self, params):
        channel = params.get("channel", "")
        if not channel:
            return {"ok": False, "error": "channel_not_found"}
        return {"ok": True, "channel": {"id": channel, "is_member": channel in self.bot_channels}}


    # --- Socket Mode: apps.connections.open hands out a websocket on this same server ---------

    def _api_apps_connections_open(self, params):
        return {"ok": True, "url": f"ws://127.0.0.1:{self.port}/socket-mode"}

    async def _socket_mode(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse(autoping=True)  # answers the client's pings
        await socket.prepare(request)
        self._sockets.append(socket)
        await socket.send_json({"type": "hello", "num_connections": 1,
                                "connection_info": {"app_id": "A0TEST"}})
        async for frame in socket:
            if frame.type == WSMsgType.TEXT:
                with self._lock:
                    self.socket_acks.append(json.loads(frame.data))
        return socket

    @property
    def socket_connected(self) -> bool:
        return any(not socket.closed for socket in self._sockets)

    def socket_send(self, envelope: dict[str, Any]) -> None:
        """Push an envelope to the connected Socket Mode client (call from the test's thread)."""
        async def push() -> None:
            for socket in self._sockets:
                if not socket.closed:
                    await socket.send_json(envelope)

        assert self._loop is not None
        asyncio.run_coroutine_threadsafe(push(), self._loop).result(5)


# --- out of process (the bench runs the fake in its own process, so it doesn't share a GIL) ---


def summary(fake: FakeSlack, timeline: bool = False) -> dict[str, Any]:
    """Calls per (method, status), the posted messages' channels and keys, and when the first
    call and the last successful post came, as JSON. Times are time.monotonic(), which is
    system-wide, so the bench can line them up with its own clock. `timeline` adds every call
    as [method, arrival, status, why refused] (bench/fanout.py --trace)."""
    with fake._lock:
        calls: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for call in fake.calls:
            calls[call.method][str(call.status)] += 1
        posted = [[m.channel, ((m.metadata or {}).get("event_payload") or {}).get("key")]
                  for m in fake.messages]
        first_call = min((call.at for call in fake.calls), default=None)
        last_post = max((call.at for call in fake.calls
                         if call.method == "chat.postMessage" and call.status == 200), default=None)
        calls_in_order = ([[c.method, c.at, c.status, c.refused_by] for c in fake.calls]
                          if timeline else None)
    return {"calls": calls, "posted": posted, "first_call": first_call, "last_post": last_post,
            "timeline": calls_in_order}


def main(argv: list[str] | None = None) -> None:
    """`python -m tests.fake_slack --limit chat.postMessage=200:20 --random-429 0.05 --ts-clock T`.

    Prints the base URL on stdout, then serves until stdin closes. `GET /_fake/summary`
    returns `summary()`.
    """
    import argparse
    import sys

    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", action="append", default=[], help="method=rate:burst")
    parser.add_argument("--random-429", type=float, default=0.0)
    parser.add_argument("--retry-after", type=int, default=1)
    parser.add_argument("--ts-clock", type=float, help="fixed base for message timestamps")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="answer every call after this long")
    args = parser.parse_args(argv)
    fake = FakeSlack()
    fake.latency = args.latency_ms / 1000
    fake.random_429, fake.random_retry_after = args.random_429, args.retry_after
    if args.ts_clock is not None:
        fake.ts_clock = lambda: args.ts_clock
    for spec in args.limit:
        method, _, shape = spec.partition("=")
        rate, _, burst = shape.partition(":")
        fake.limit(method, float(rate), float(burst) if burst else None)

    async def summary_route(request: web.Request) -> web.Response:
        return web.json_response(summary(fake, timeline="timeline" in request.query))

    fake._extra_routes = [("GET", "/_fake/summary", summary_route)]
    fake.start()
    print(fake.url, flush=True)
    sys.stdin.read()
    fake.stop()


if __name__ == "__main__":
    main()

"""A fake Bot Connector (the Teams side of Bot Framework) for adapter tests, on loopback.

It records every call (method, path, conversation, activity JSON), answers sends with new
activity ids, and serves OpenID metadata and a JWKS for a key the test holds, so tokens can be
signed exactly like the Bot Framework's. Knobs: `fail_next(status, count, retry_after)` answers
the next calls with an error (429, 403 MessageWritesBlocked, 502, …), `members` is what a
team's member list returns.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import jwt
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

ISSUER = "https://api.botframework.com"
KEY_ID = "test-key-1"


@dataclass
class Call:
    method: str
    path: str
    conversation: str
    activity_id: str | None
    body: dict[str, Any]
    status: int = 200
    response_id: str | None = None  # the activity id a successful send was given
    at: float = field(default_factory=time.monotonic)


class FakeConnector:
    def __init__(self):
        self.calls: list[Call] = []
        self.members: list[dict[str, Any]] = []
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self._failures: list[tuple[int, int, float | None, str]] = []
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._ready = threading.Event()
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def metadata_url(self) -> str:
        return f"{self.url}.well-known/openidconfiguration"

    # --- lifecycle -----------------------------------------------------------------------

    def __enter__(self) -> FakeConnector:
        self._thread = threading.Thread(target=self._run, name="fake-connector", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("fake connector did not start")
        return self

    def __exit__(self, *exc) -> None:
        asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def _run(self) -> None:
        self._loop = loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        app = web.Application(client_max_size=10 * 1024 * 1024)
        app.router.add_get("/.well-known/openidconfiguration", self._metadata)
        app.router.add_get("/keys", self._keys)
        app.router.add_route("*", "/v3/conversations/{conversation}/activities", self._activities)
        app.router.add_route("*", "/v3/conversations/{conversation}/activities/{activity}", self._activities)
        app.router.add_get("/v3/conversations/{conversation}/members", self._members)
        app.router.add_get("/v3/conversations/{conversation}/pagedmembers", self._paged_members)
        self._runner = web.AppRunner(app, access_log=None)
        loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        loop.run_until_complete(site.start())
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self._ready.set()
        loop.run_forever()

    # --- knobs and tokens ------------------------------------------------------------------

    def fail_next(self, status: int, count: int = 1, retry_after: float | None = None,
                  code: str = "") -> None:
        with self._lock:
            self._failures.append((status, count, retry_after, code))

    def token(self, audience: str, service_url: str, *, expires_in: int = 3600, issuer: str = ISSUER,
              key=None, kid: str = KEY_ID) -> str:
        now = int(time.time())
        claims = {"iss": issuer, "aud": audience, "serviceurl": service_url, "nbf": now - 60,
                  "iat": now - 60, "exp": now + expires_in}
        return jwt.encode(claims, key or self.key, algorithm="RS256", headers={"kid": kid})

    def sent(self, conversation: str | None = None) -> list[Call]:
        return [c for c in self.calls if c.method == "POST" and c.status < 300
                and (conversation is None or c.conversation == conversation)]

    def updated(self) -> list[Call]:
        return [c for c in self.calls if c.method == "PUT" and c.status < 300]

    # --- handlers ---------------------------------------------------------------------------

    async def _metadata(self, request: web.Request) -> web.Response:
        return web.json_response({"issuer": ISSUER, "jwks_uri": f"{self.url}keys",
                                  "id_token_signing_alg_values_supported": ["RS256"]})

    async def _keys(self, request: web.Request) -> web.Response:
        jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        jwk.update(kid=KEY_ID, use="sig", endorsements=["msteams"])
        return web.json_response({"keys": [jwk]})

    async def _activities(self, request: web.Request) -> web.Response:
        body = await request.json() if request.can_read_body else {}
        call = Call(request.method, request.path, request.match_info["conversation"],
                    request.match_info.get("activity"), body)
        with self._lock:
            self.calls.append(call)
            failure = self._failures[0] if self._failures else None
            if failure is not None:
                status, count, retry_after, code = failure
                self._failures[0] = (status, count - 1, retry_after, code)
                if count - 1 <= 0:
                    self._failures.pop(0)
        if failure is not None:
            call.status = failure[0]
            headers = {"Retry-After": str(failure[2])} if failure[2] is not None else {}
            return web.json_response({"error": {"code": failure[3] or "Error", "message": "fake"}},
                                     status=failure[0], headers=headers)
        if request.method == "PUT":
            return web.json_response({"id": call.activity_id})
        call.response_id = f"msg-{next(self._ids)}"
        return web.json_response({"id": call.response_id}, status=201)

    async def _members(self, request: web.Request) -> web.Response:
        return web.json_response(self.members)

    async def _paged_members(self, request: web.Request) -> web.Response:
        return web.json_response({"members": self.members})

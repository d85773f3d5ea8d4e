"""`POST /slack/events` on our own aiohttp server, dispatched into the Bolt app.

Order matters, and nothing unauthenticated is parsed beyond the two signing headers:
1. The timestamp header must be a plain integer (`abc`, `1.5e9`, `0x10`, empty → 400): the
   SDK's verifier calls `int()` on it and would raise, which aiohttp turns into a 500.
2. The signature and its age are checked (forged or stale → 401; Bolt checks them again).
3. The body is parsed (undecodable, not JSON, nested too deep → 400) and passed through the
   one payload gate, `handlers.slack.payloads.check`: malformed → 400, well-formed but not for
   Rounds → 200 without touching Bolt, so Slack does not retry and Bolt logs no body.
Bodies over `handlers.server.MAX_BODY_BYTES` are refused with 413 by aiohttp (`client_max_size`).
A signed request therefore never gets a 500 for its shape: junk can't look like an outage.
"""

from __future__ import annotations

import logging
import re

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.request.internals import parse_body
from slack_sdk.signature import SignatureVerifier

from handlers.slack.payloads import Verdict, check, log_ids

logger = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
TIMESTAMP = re.compile(r"\d{1,12}")


def _bad(status: int, error: str) -> web.Response:
    return web.json_response({"error": error}, status=status)


def slack_events_handler(app: AsyncApp, signing_secret: str):
    """An aiohttp handler that feeds requests to `app` (Events API and interactivity)."""
    verifier = SignatureVerifier(signing_secret)

    async def slack_events(request: web.Request) -> web.Response:
        stamp = request.headers.get("X-Slack-Request-Timestamp", "")
        if not TIMESTAMP.fullmatch(stamp):
            return _bad(400 if stamp else 401, "invalid timestamp")
        body = await request.read()  # over client_max_size: aiohttp answers 413
        try:
            raw = body.decode("utf-8")
        except UnicodeDecodeError:
            return _bad(400, "malformed body")
        if not verifier.is_valid_request(raw, dict(request.headers)):
            return _bad(401, "invalid request")
        try:
            parsed = parse_body(raw, request.headers.get("Content-Type"))
        except (ValueError, RecursionError):  # not JSON, or nested deeper than the parser goes
            return _bad(400, "malformed body")
        verdict, reason = check(parsed)
        if verdict is Verdict.REJECT:
            logger.warning("slack payload refused: %s %s", reason, log_ids(parsed))
            return _bad(400, "malformed payload")
        if verdict is Verdict.ACK:
            logger.debug("slack payload acknowledged, not handled: %s %s", reason, log_ids(parsed))
            return web.Response(status=200)
        try:
            bolt_request = AsyncBoltRequest(body=raw, query=request.query_string,
                                            headers=request.headers)  # type: ignore[arg-type]
        except (TypeError, AttributeError, KeyError, ValueError):
            # Bolt reads ids from wherever a payload might carry them ('event.message.user' as a number): a
            # payload it cannot read them from is malformed, whatever shape the gate above let through.
            logger.warning("slack payload refused: unreadable by the Slack library %s", log_ids(parsed))
            return _bad(400, "malformed payload")
        return await to_aiohttp_response(await app.async_dispatch(bolt_request))

    return slack_events


def slack_routes(app: AsyncApp, signing_secret: str) -> list[web.RouteDef]:
    return [web.post(EVENTS_PATH, slack_events_handler(app, signing_secret))]


__all__ = ["EVENTS_PATH", "slack_routes"]

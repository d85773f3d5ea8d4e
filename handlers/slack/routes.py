"""`POST /slack/events` on our own aiohttp server, dispatched into the Bolt app.

The signature and timestamp are checked first (forged or stale → 401; Bolt checks them again),
so nothing unauthenticated is even parsed. A signed body Bolt cannot parse gets a 400, never a
500, so junk can't look like an outage to Slack.
"""

from __future__ import annotations

import logging

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_sdk.signature import SignatureVerifier

logger = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"


def slack_events_handler(app: AsyncApp, signing_secret: str):
    """An aiohttp handler that feeds requests to `app` (Events API and interactivity)."""
    verifier = SignatureVerifier(signing_secret)

    async def slack_events(request: web.Request) -> web.Response:
        try:
            raw = (await request.read()).decode("utf-8")
        except UnicodeDecodeError:
            return web.json_response({"error": "malformed body"}, status=400)
        if not verifier.is_valid_request(raw, dict(request.headers)):
            return web.json_response({"error": "invalid request"}, status=401)
        try:
            bolt_request = await to_bolt_request(request)
        except (ValueError, TypeError, AttributeError, KeyError):  # JSONDecodeError, bad UTF-8, …
            return web.json_response({"error": "malformed body"}, status=400)
        if not isinstance(bolt_request.body, dict):
            return web.json_response({"error": "malformed body"}, status=400)
        bolt_response = await app.async_dispatch(bolt_request)
        return await to_aiohttp_response(bolt_response)

    return slack_events


def slack_routes(app: AsyncApp, signing_secret: str) -> list[web.RouteDef]:
    return [web.post(EVENTS_PATH, slack_events_handler(app, signing_secret))]


__all__ = ["EVENTS_PATH", "slack_routes"]

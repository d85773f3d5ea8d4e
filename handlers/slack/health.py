"""Is Slack reachable with this token? Checked at start-up and reported by /healthz.

A wrong or revoked token used to go unnoticed: `rounds serve` started, /healthz said ok, and
every send failed later, one by one, in the log. `auth.test` answers in one call whether the
token works; `conversations.info` whether the bot is in the marketing channel (it can only
post approval cards where it is a member).
"""

from __future__ import annotations

import logging
import threading
import time

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.config import SlackConfig

logger = logging.getLogger(__name__)

FATAL = frozenset({"invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive",
                   "no_permission", "not_allowed_token_type", "team_access_not_granted"})


class SlackStartupError(Exception):
    """Slack refused the token: serving would only fail later, message by message."""


class SlackHealth:
    """`auth.test`, remembered for `ttl` seconds so health probes don't each call Slack."""

    def __init__(self, config: SlackConfig, *, ttl: float = 30.0, timeout: int = 10):
        self.config, self.ttl = config, ttl
        self.client = WebClient(token=config.bot_token, base_url=config.api_url, timeout=timeout)
        self._lock = threading.Lock()
        self._checked: tuple[float, dict] | None = None

    def status(self) -> dict:
        """{"ok": True, "bot_user_id": …} or {"ok": False, "error": "invalid_auth"} (no secrets)."""
        with self._lock:
            if self._checked is not None and time.monotonic() - self._checked[0] < self.ttl:
                return self._checked[1]
        try:
            response = self.client.auth_test()
            result = {"ok": True, "bot_user_id": response.get("user_id"), "team": response.get("team")}
        except SlackApiError as error:
            result = {"ok": False, "error": str(error.response.get("error") or error.response.status_code)}
        except Exception as error:  # network trouble: reported, not raised (health must answer)
            result = {"ok": False, "error": type(error).__name__}
        with self._lock:
            self._checked = (time.monotonic(), result)
        return result

    def check_at_start(self) -> list[str]:
        """Raise SlackStartupError if Slack refuses the token; return warnings worth logging."""
        status = self.status()
        if not status["ok"]:
            if status["error"] in FATAL:
                raise SlackStartupError(
                    f"Slack refused the bot token ({status['error']}): check slack.bot_token or "
                    "SLACK_BOT_TOKEN (the Bot User OAuth Token, xoxb-…, under OAuth & Permissions), "
                    "and that the app is installed in the workspace")
            return [f"Slack is not reachable at {self.config.api_url} ({status['error']}); "
                    "Rounds starts anyway and retries: see /healthz"]
        return self._marketing_channel_warnings()

    def _marketing_channel_warnings(self) -> list[str]:
        channel = self.config.marketing_channel
        if not channel:
            return ["slack.marketing_channel is empty: approval cards, reminders and the weekly "
                    "calendar have nowhere to go; set it to the channel id (C…) and invite the bot"]
        try:
            info = self.client.conversations_info(channel=channel)
        except SlackApiError as error:
            code = error.response.get("error")
            if code == "missing_scope":
                return [f"cannot check that the bot is in slack.marketing_channel {channel}: the app "
                        "lacks channels:read / groups:read (reinstall it from slack-manifest.yml)"]
            return [f"slack.marketing_channel {channel}: Slack says {code}; check the id and "
                    "invite the bot (/invite @Rounds)"]
        except Exception as error:
            return [f"slack.marketing_channel {channel} could not be checked ({type(error).__name__})"]
        if not (info.get("channel") or {}).get("is_member", True):
            return [f"the bot is not a member of slack.marketing_channel {channel}: approval cards "
                    "cannot be posted there; invite it with /invite @Rounds"]
        return []


__all__ = ["SlackHealth", "SlackStartupError"]

"""Loggers for the Slack SDKs that can't write message text, whatever the log level.

slack_sdk logs whole request and response bodies at DEBUG (`body_params: {...}` of every
chat.postMessage, which may quote a held answer back to its physician), and Bolt logs the
whole body of any request it has no listener for ("Unhandled request ({...})"). The CLI caps
those loggers at INFO, but Rounds' own objects should not rely on how logging was configured:
every Slack client and the Bolt app get loggers from here, filtered so neither can happen.
"""

from __future__ import annotations

import logging

# Bolt warns "As you gave `client` as well, `token` will be unused" whenever SLACK_BOT_TOKEN is in
# the environment: Rounds always builds its own client (retries, quiet logger) from that token.
_NOISE = ("Unhandled request", "As you gave `client` as well")


class NoBodies(logging.Filter):
    """Drop DEBUG records (bodies), Bolt's "Unhandled request" dump and its warning about the
    client Rounds always gives it; keep the rest."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno > logging.DEBUG and not str(record.msg).startswith(_NOISE)


def quiet_logger(name: str) -> logging.Logger:
    """The logger `name` with the `NoBodies` filter attached (once)."""
    logger = logging.getLogger(name)
    if not any(isinstance(f, NoBodies) for f in logger.filters):
        logger.addFilter(NoBodies())
    return logger


def bolt_logger() -> logging.Logger:
    return quiet_logger("slack_bolt.rounds")


def web_client_logger() -> logging.Logger:
    return quiet_logger("slack_sdk.web.rounds")


__all__ = ["NoBodies", "bolt_logger", "quiet_logger", "web_client_logger"]

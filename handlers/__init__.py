"""Per-platform adapters: translate chat payloads to core calls and back."""

from __future__ import annotations


def make_chats(config) -> dict:
    """The sending side of every configured platform, keyed by platform name."""
    chats: dict = {}
    if config.slack.configured:
        from handlers.slack.chat import SlackChat

        chats["slack"] = SlackChat(config.slack)
    if config.teams.configured and not config.slack.configured:
        from bot.store import Database
        from bot.templating import Templates
        from handlers.teams.chat import TeamsChat

        chats["teams"] = TeamsChat(config.teams, Database(config.database.url), Templates(config.drafts.templates_dir
                                                                                            or None))
    if config.webhook.url:
        from handlers.webhook import WebhookChat

        chats["webhook"] = WebhookChat(config.webhook)
    # The console chat is added here by its adapter.
    return chats

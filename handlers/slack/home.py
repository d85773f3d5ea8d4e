"""Slack's App Home and `/rounds`: render the core's home view as Block Kit and publish it.

`app_home_opened` fires on every visit: each visit publishes a fresh view (views.publish is
Tier 4, 100+ a minute). Blocks are built with slack_sdk's Block Kit models, so Slack's limits
(100 blocks, 3,000 characters a section, 75 a button label) are checked before we send, and
the view is cut to 100 blocks. A control on the home (day, time, zone, pause, resume) goes to the
core like any click; afterwards the home is published again to show the change.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    DatePickerElement,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot import words
from bot.chat import OutgoingMessage
from bot.home import HomeView, home_view
from bot.people import person_for_platform_user
from handlers.slack.render import actions_blocks, escape, render_message, truncate

logger = logging.getLogger(__name__)

MAX_HOME_BLOCKS = 100
SECTION_LIMIT = 3000


def permalink(workspace_url: str, channel: str, ts: str) -> str:
    """Slack's message link form: <workspace>/archives/<channel>/p<ts without the dot>."""
    return f"{workspace_url.rstrip('/')}/archives/{channel}/p{ts.replace('.', '')}"


def render_home(view: HomeView, workspace_url: str = "https://slack.com") -> dict[str, Any]:
    """The home view as a validated `type: home` view payload (at most 100 blocks)."""
    blocks: list[Any] = []
    for block in view.blocks:
        if block.title:
            if blocks:
                blocks.append(DividerBlock())
            blocks.append(HeaderBlock(text=truncate(block.title, 150)))
        accessory = None
        if block.link is not None:
            accessory = ButtonElement(text=block.link_label or "Open", action_id="home.open_card",
                                      url=permalink(workspace_url, block.link.channel, block.link.ts))
        if block.text or accessory:
            blocks.append(SectionBlock(text=MarkdownTextObject(text=truncate(escape(block.text or " "), SECTION_LIMIT)),
                                       accessory=accessory))
        controls = actions_blocks(OutgoingMessage(text="", buttons=block.buttons, menus=block.menus))
        if block.date_action:
            picker = DatePickerElement(action_id=block.date_action, placeholder="Pause until…",
                                       initial_date=block.date_initial.isoformat() if block.date_initial else None)
            controls.append(ActionsBlock(elements=[picker]).to_dict())
        blocks.extend(controls)
    dicts = [b if isinstance(b, dict) else b.to_dict() for b in blocks][:MAX_HOME_BLOCKS]
    home = View(type="home", blocks=dicts)
    home.validate_json()
    return home.to_dict()


def build_home(services, user_id: str) -> HomeView:
    with services.db.transaction() as session:
        person = person_for_platform_user(session, "slack", user_id)
        return home_view(services, session, person, services.clock())


async def publish_home(services, client: AsyncWebClient, user_id: str, workspace_url: str) -> None:
    view = await asyncio.to_thread(build_home, services, user_id)
    try:
        await client.views_publish(user_id=user_id, view=render_home(view, workspace_url))
    except SlackApiError as error:
        logger.warning("views.publish for %s failed (%s)", user_id, error.response.get("error"))


class HomePublisher:
    """Publishes a person's home; knows the workspace URL (from auth.test, once) for card links."""

    def __init__(self, services):
        self.services = services
        self.workspace_url: str | None = None

    async def publish(self, client: AsyncWebClient, user_id: str) -> None:
        if self.workspace_url is None:
            self.workspace_url = (await client.auth_test()).get("url") or "https://slack.com/"
        await publish_home(self.services, client, user_id, self.workspace_url)


def register_home(app, services) -> HomePublisher:
    """`app_home_opened` and `/rounds`; returns the publisher the action listener re-uses."""
    home = HomePublisher(services)

    @app.event("app_home_opened")
    async def on_home_opened(ack, event, client):
        await ack()
        if event.get("tab", "home") == "home" and event.get("user"):
            await home.publish(client, event["user"])

    @app.command("/rounds")
    async def on_rounds_command(ack, command):
        # The core's work is one short transaction: answer in the acknowledgement itself,
        # privately, where the command was typed (no response_url round trip).
        outcome = await asyncio.to_thread(words.handle_slash, services, "slack", command.get("user_id", ""),
                                          command.get("text") or "", services.clock())
        reply = outcome.replies[0] if outcome.replies else None
        rendered = render_message(reply.as_message()) if reply else {"text": words.HELP}
        await ack(response_type="ephemeral", **rendered)

    return home

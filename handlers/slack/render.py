"""Platform-neutral messages → Slack Block Kit (via slack_sdk's block models).

Core text is plain text, so every string is escaped (`&`, `<`, `>`) before it reaches Slack:
text a person typed and the bot echoes back can never become `<!channel>`, `<@U…>` or
`<!subteam^…>`. The plain `text` fallback (notifications, screen readers) is escaped too.
"""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    Option,
    SectionBlock,
    StaticSelectElement,
)
from slack_sdk.models.blocks.basic_components import MarkdownTextObject

from bot.chat import OutgoingMessage

SECTION_LIMIT = 3000
TEXT_LIMIT = 39_000
BUTTON_LABEL_LIMIT = 75
OPTION_VALUE_LIMIT = 150
MAX_BLOCKS = 50
ACTION_ID_SEPARATOR = "#"  # "prompt.pause#2" when two elements of one message share an action


def escape(text: str) -> str:
    """Escape Slack's three control characters so text is shown literally, never as a mention."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def core_action(action_id: str) -> str:
    """The core's action id from a Slack action_id (undoes the de-duplication suffix)."""
    return action_id.split(ACTION_ID_SEPARATOR, 1)[0]


def _chunks(text: str, size: int) -> list[str]:
    """Split escaped text into pieces under `size`, preferring line breaks, never inside an entity."""
    pieces: list[str] = []
    while len(text) > size:
        cut = text.rfind("\n", 0, size)
        if cut <= 0:
            cut = text.rfind(" ", 0, size)
        if cut <= 0:
            cut = size
            amp = text.rfind("&", cut - 5, cut)
            if amp != -1 and ";" not in text[amp:cut]:
                cut = amp  # don't split "&amp;" in two
        pieces.append(text[:cut])
        text = text[cut:].lstrip("\n")
    pieces.append(text)
    return [p for p in pieces if p] or [" "]


def _label(text: str) -> str:
    text = text.strip() or "…"
    return text if len(text) <= BUTTON_LABEL_LIMIT else text[: BUTTON_LABEL_LIMIT - 1] + "…"


def _unique(action: str, seen: dict[str, int]) -> str:
    count = seen.get(action, 0)
    seen[action] = count + 1
    return action if count == 0 else f"{action}{ACTION_ID_SEPARATOR}{count}"


def text_blocks(text: str) -> list[dict[str, Any]]:
    """Escaped text as one or more mrkdwn sections (each under Slack's 3,000-char limit)."""
    return [
        SectionBlock(text=MarkdownTextObject(text=piece)).to_dict()
        for piece in _chunks(escape(text), SECTION_LIMIT)
    ][: MAX_BLOCKS - 1]


def render_message(message: OutgoingMessage) -> dict[str, Any]:
    """Keyword arguments for chat.postMessage / chat.update: `text` fallback plus `blocks`."""
    blocks = text_blocks(message.text)
    seen: dict[str, int] = {}
    elements: list[Any] = []
    for button in message.buttons:
        elements.append(ButtonElement(
            text=_label(escape(button.label)),
            action_id=_unique(button.action, seen),
            value=button.value or None,
            style=button.style if button.style in ("primary", "danger") else None,
        ))
    for menu in message.menus:
        elements.append(StaticSelectElement(
            placeholder=_label(escape(menu.placeholder)),
            action_id=_unique(menu.action, seen),
            options=[Option(text=_label(escape(label)), value=value[:OPTION_VALUE_LIMIT])
                     for label, value in menu.options],
        ))
    for start in range(0, len(elements), 25):
        blocks.append(ActionsBlock(elements=elements[start:start + 25]).to_dict())
    return {"text": escape(message.text)[:TEXT_LIMIT] or " ", "blocks": blocks[:MAX_BLOCKS]}


def render_text(text: str) -> dict[str, Any]:
    """A plain reply (no buttons); used for `replace_original` updates, which drop the buttons."""
    return {"text": escape(text)[:TEXT_LIMIT] or " ", "blocks": text_blocks(text)}

"""Platform-neutral messages → Slack Block Kit (via slack_sdk's block models).

Core text is plain text, so every string is escaped (`&`, `<`, `>`) before it reaches Slack:
text a person typed and the bot echoes back can never become `<!channel>`, `<@U…>` or
`<!subteam^…>`. The plain `text` fallback (notifications, screen readers) is escaped too.

The block models validate Slack's limits but cost ~1 ms a message, which matters in a
10,000-message fan-out; so each *shape* of buttons and menus (labels, action ids) is built and
validated through the models once and cached, and only the per-message values (validated for
length here) are filled in. Text sections are plain dicts cut under the 3,000-char limit.

Approval cards are few, so they are built wholly through the models (header, badge, one
section per labelled part, footer, buttons); long parts are cut for display only (the drafts
themselves are never shortened) and a card never exceeds Slack's 50 blocks.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    Option,
    SectionBlock,
    StaticSelectElement,
)

from bot.chat import Card, CardSection, OutgoingMessage

SECTION_LIMIT = 3000
TEXT_LIMIT = 39_000
BUTTON_LABEL_LIMIT = 75
OPTION_VALUE_LIMIT = 150
BUTTON_VALUE_LIMIT = 2000
MAX_BLOCKS = 50
HEADER_LIMIT = 150
LABEL_LIMIT = 300
ELLIPSIS = "…"
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
    return [{"type": "section", "text": {"type": "mrkdwn", "text": piece}}
            for piece in _chunks(escape(text), SECTION_LIMIT)][: MAX_BLOCKS - 1]


@lru_cache(maxsize=512)
def _actions_shape(shape: tuple) -> str:
    """Actions blocks for one shape of buttons and menus, built by the block models (validated)."""
    seen: dict[str, int] = {}
    elements: list[Any] = []
    for kind, label, action, extra in shape:
        if kind == "button":
            elements.append(ButtonElement(text=_label(escape(label)), value="-",
                                          action_id=_unique(action, seen), style=extra))
        else:
            elements.append(StaticSelectElement(
                placeholder=_label(escape(label)), action_id=_unique(action, seen),
                options=[Option(text=_label(escape(option)), value="-") for option in extra]))
    blocks = [ActionsBlock(elements=elements[start:start + 25]).to_dict()
              for start in range(0, len(elements), 25)]
    return json.dumps(blocks)


def _value(value: str, limit: int) -> str:
    if len(value) > limit:
        raise ValueError(f"action value of {len(value)} characters exceeds Slack's {limit}")
    return value


def actions_blocks(message: OutgoingMessage) -> list[dict[str, Any]]:
    """The message's buttons and menus as actions blocks, with its own values filled in."""
    shape = tuple(
        [("button", b.label, b.action, b.style if b.style in ("primary", "danger") else None)
         for b in message.buttons]
        + [("select", m.placeholder, m.action, tuple(label for label, _ in m.options))
           for m in message.menus])
    if not shape:
        return []
    blocks = json.loads(_actions_shape(shape))
    values = [b.value for b in message.buttons] + [[v for _, v in m.options] for m in message.menus]
    elements = [element for block in blocks for element in block["elements"]]
    for element, value in zip(elements, values, strict=True):
        if element["type"] == "button":
            if value:
                element["value"] = _value(value, BUTTON_VALUE_LIMIT)
            else:
                element.pop("value", None)
        else:
            for option, option_value in zip(element["options"], value, strict=True):
                option["value"] = _value(option_value, OPTION_VALUE_LIMIT)
    return blocks


def truncate(escaped: str, limit: int) -> str:
    """Cut already-escaped text to `limit` characters with "…", never inside an `&amp;` entity."""
    if len(escaped) <= limit:
        return escaped
    cut = limit - len(ELLIPSIS)
    amp = escaped.rfind("&", max(0, cut - 5), cut)
    if amp != -1 and ";" not in escaped[amp:cut]:
        cut = amp
    return escaped[:cut].rstrip() + ELLIPSIS


def _section_text(section: CardSection, limit: int = SECTION_LIMIT) -> str:
    """`*label*` and the escaped text, cut to `limit` (the label keeps priority)."""
    label = truncate(escape(section.label.strip()), min(LABEL_LIMIT, max(1, limit - 2)))
    head = f"*{label}*" if label else ""
    room = limit - len(head) - 1
    if not section.text.strip() or room < 2:
        return head or " "
    head = f"{head}\n" if head else ""
    return head + truncate(escape(section.text), room)


def _fold(sections: tuple[CardSection, ...], room: int) -> list[str]:
    """One mrkdwn text per section; past `room` blocks the rest share the last block evenly."""
    if len(sections) <= room:
        return [_section_text(section) for section in sections]
    if room <= 0:
        return []
    kept, rest = sections[: room - 1], sections[room - 1:]
    share = (SECTION_LIMIT - 2 * (len(rest) - 1)) // len(rest)
    folded = "\n\n".join(_section_text(section, share) for section in rest)
    return [_section_text(section) for section in kept] + [truncate(folded, SECTION_LIMIT)]


def card_blocks(card: Card, actions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Header, badge, one section per card section, footer, then the given actions blocks."""
    top = [HeaderBlock(text=truncate(escape(card.title.strip()) or " ", HEADER_LIMIT))]
    if card.badge:
        top.append(ContextBlock(elements=[MarkdownTextObject(text=truncate(escape(card.badge), SECTION_LIMIT))]))
    bottom = []
    if card.footer:
        bottom.append(ContextBlock(elements=[MarkdownTextObject(text=truncate(escape(card.footer),
                                                                                SECTION_LIMIT))]))
    room = MAX_BLOCKS - len(top) - len(bottom) - len(actions)
    middle = [SectionBlock(text=MarkdownTextObject(text=text)) for text in _fold(card.sections, room)]
    return [block.to_dict() for block in top + middle + bottom] + actions


def render_message(message: OutgoingMessage) -> dict[str, Any]:
    """Keyword arguments for chat.postMessage / chat.update: `text` fallback plus `blocks`."""
    if message.card is not None:
        blocks = card_blocks(message.card, actions_blocks(message)[: MAX_BLOCKS - 1])
    else:
        blocks = text_blocks(message.text) + actions_blocks(message)
    return {"text": escape(message.text)[:TEXT_LIMIT] or " ", "blocks": blocks[:MAX_BLOCKS]}

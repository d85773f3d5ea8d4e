"""Plain-text rendering for the terminal: messages, numbered choices, compact one-liners.

Text is printed as data: control characters (terminal escape sequences) are made visible,
and nothing in it is interpreted or formatted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.chat import Card, OutgoingMessage

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
COMPACT_WIDTH = 72


def safe(text: str) -> str:
    """Show control characters as escapes so typed or stored text cannot drive the terminal."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


@dataclass(frozen=True)
class Choice:
    """A numbered thing to click: a button, or one option of a menu."""

    label: str
    action: str
    value: str


def choices_of(message: OutgoingMessage) -> list[Choice]:
    """Buttons first, then each menu option, in display order (numbered from 1)."""
    found = [Choice(b.label, b.action, b.value) for b in message.buttons]
    for menu in message.menus:
        found.extend(Choice(_option_label(menu.placeholder, label), menu.action, value)
                     for label, value in menu.options)
    return found


def _option_label(placeholder: str, label: str) -> str:
    """'Pause 1 week' stands alone under 'Pause (vacation)…'; other options get the menu name."""
    head = placeholder.split()[0].lower() if placeholder.split() else ""
    if head and label.lower().startswith(head):
        return label
    return f"{placeholder.rstrip('…. ')}: {label}"


def render_choices(choices: list[Choice]) -> str:
    return "  ".join(f"[{n}] {safe(c.label)}" for n, c in enumerate(choices, 1))


def indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line if line else line for line in safe(text).splitlines())


def render_card(card: Card) -> list[str]:
    """A card as indented lines: title, badge, each section's label and its text, footer."""
    lines = [indent(card.title)]
    if card.badge:
        lines.append(indent(card.badge))
    for section in card.sections:
        lines.append(indent(section.label + ":"))
        lines.append(indent(section.text or "(empty)", "        "))
    if card.footer:
        lines.append(indent(card.footer))
    return lines


def render_message(number: int, sender: str, message: OutgoingMessage,
                   thread_number: int | None = None, note: str = "") -> str:
    """A full message: header line, indented text (or the card), numbered choices."""
    where = f" (in thread of #{thread_number})" if thread_number is not None else ""
    header = f"#{number} {safe(sender)}{where}{note}:"
    if message.card is not None:
        lines = [header, *render_card(message.card)]
    else:
        lines = [header, indent(message.text or "")]
    if message.image is not None:  # a terminal shows no picture: its alt text says the same numbers
        lines.append(indent(f"[picture: {message.image.alt_text}]"))
    choices = choices_of(message)
    if choices:
        lines.append("    " + render_choices(choices))
    return "\n".join(lines)


def one_line(text: str, width: int = COMPACT_WIDTH) -> str:
    """The text's lines joined into one, shortened with an ellipsis."""
    line = safe(" ".join(part.strip() for part in text.splitlines() if part.strip()))
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def render_compact(recipient: str, message: OutgoingMessage) -> str:
    return f"→ {safe(recipient)}: {one_line(message.text)}"

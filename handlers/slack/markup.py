"""Slack's message markup → plain text, on the way in ("Text in, text out").

Slack sends `&`, `<`, `>` as `&amp;`, `&lt;`, `&gt;`, links as `<https://…>` or
`<https://…|label>`, and mentions as `<@U…>`, `<#C…|name>`, `<!here>`, `<!subteam^S…>`.
Stored as they arrive, they show up in drafts verbatim and are escaped twice on cards
(`Q&amp;amp;A`). So messages are decoded here, once: a link becomes what the person typed (its
label when the label is part of the URL, as with Slack's auto-links; else "label (URL)"), a user
mention the person's display name (or nothing when unknown), channel and special mentions are
dropped (a post must not carry them), a date its fallback text. Entities are decoded last, so
`&lt;@U1&gt;` stays the literal text `<@U1>`. One pass over the text: linear.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from bot.text import plain_text

_TOKEN = re.compile(r"<([^<>]*)>")
_USER = re.compile(r"@([UW][A-Z0-9]{1,39})(?:\|[^>]*)?")
MAX_MENTIONS = 50  # names looked up per message; more mentions than that are dropped
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">"}
_ENTITY = re.compile(r"&(?:amp|lt|gt);")


def unescape(text: str) -> str:
    """Slack's three entities back to characters (in one pass, so `&amp;lt;` → `&lt;`)."""
    return _ENTITY.sub(lambda m: _ENTITIES[m.group()], text)


def mentioned_users(text: str) -> list[str]:
    """User ids mentioned as `<@U…>` (at most MAX_MENTIONS, in order, once each)."""
    seen: dict[str, None] = {}
    for match in _TOKEN.finditer(text):
        user = _USER.fullmatch(match.group(1))
        if user and len(seen) < MAX_MENTIONS:
            seen.setdefault(user.group(1))
    return list(seen)


def decode(text: str, names: Mapping[str, str] | Callable[[str], str | None] = {}) -> str:  # noqa: B006
    """Slack message text → plain text (see module docstring); `names` maps user ids to names."""
    lookup = names.get if isinstance(names, Mapping) else names
    pieces: list[str] = []
    position = 0
    for match in _TOKEN.finditer(text):
        before, token = unescape(text[position:match.start()]), _token(match.group(1), lookup)
        if not token and before.endswith(" ") and text.startswith(" ", match.end()):
            before = before[:-1]  # a dropped mention leaves one space, not two
        pieces += (before, token)
        position = match.end()
    pieces.append(unescape(text[position:]))
    return plain_text("".join(pieces))


def _token(inner: str, lookup: Callable[[str], str | None]) -> str:
    target, _, label = inner.partition("|")
    if target.startswith("@"):
        user = _USER.fullmatch(inner)
        return (lookup(user.group(1)) or "") if user else ""
    if target.startswith("#"):
        return ""
    if target.startswith("!"):
        return unescape(label) if target.startswith("!date^") else ""
    url, label = unescape(target), unescape(label)
    if not label or label == url:
        return url
    if url.lower().startswith(("mailto:", "tel:")) or label.lower() in url.lower():
        return label
    return f"{label} ({url})"


__all__ = ["decode", "mentioned_users", "unescape"]

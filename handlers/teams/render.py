"""Platform-neutral messages and forms → Teams activities with Adaptive Cards (templates/teams/).

Buttons are `Action.Execute` (Universal Actions, card 1.5: an `adaptiveCard/action` invoke the
bot answers with a card) with an `Action.Submit` fallback for clients without them; both carry
the same data, so either comes back as the same `ActionEvent`. Every card has a plain-text
fallback (`fallbackText`, and the activity's `summary` for notifications), and is kept under
Teams' message size limit by shortening long parts for display only. A picture (the digest
chart) is an Image element with a data URI, made smaller until the card fits; if it cannot fit,
the message is its text and the picture's alt text.
"""

from __future__ import annotations

import json
from typing import Any

from botbuilder.schema import Activity, ActivityTypes, Attachment

from bot.chat import Form, MessageRef, OutgoingMessage
from handlers.teams.images import fitted_data_uri

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
MAX_CARD_BYTES = 70_000  # Teams refuses messages over ~80 KB (413 above ~100 KB); leave room
SUMMARY_LIMIT = 300
SHORTENED = "… (shortened here; the full text is kept)"
STYLES = {"primary": "positive", "danger": "destructive"}
ACTION, VALUE, MENU, REF = "rounds_action", "rounds_value", "rounds_menu", "rounds_ref"


def _ref_data(ref: MessageRef | None) -> dict[str, str]:
    return {REF: json.dumps([ref.channel, ref.ts])} if ref is not None else {}


def _context(message: OutgoingMessage, limit: int | None) -> dict[str, Any]:
    def cut(text: str) -> str:
        return text if limit is None or len(text) <= limit else text[:limit] + SHORTENED

    card = message.card
    buttons = [{"title": b.label, "verb": b.action, "style": STYLES.get(b.style or ""),
                "data": {ACTION: b.action, VALUE: b.value}} for b in message.buttons]
    menus = [{"id": f"menu{index}", "placeholder": m.placeholder, "options": m.options}
             for index, m in enumerate(message.menus)]
    for index, menu in enumerate(message.menus):
        buttons.append({"title": menu.placeholder, "verb": menu.action, "style": None,
                        "data": {ACTION: menu.action, MENU: f"menu{index}"}})
    return {
        "fallback": cut(message.text), "text": cut(message.text), "buttons": buttons, "menus": menus,
        "title": card.title if card else "", "badge": card.badge if card else "",
        "footer": card.footer if card else "",
        "sections": [{"label": s.label, "text": cut(s.text)} for s in (card.sections if card else ())],
        "image": None,
    }


def message_card(templates, message: OutgoingMessage) -> dict[str, Any]:
    """The Adaptive Card for a message, its long parts shortened until it fits Teams' limit."""
    for limit in (None, 6000, 3000, 1500, 700, 300):
        context = _context(message, limit)
        content = templates.render("teams/message.json.j2", **context)
        if len(content.encode()) <= MAX_CARD_BYTES:
            return json.loads(content)
    raise ValueError("message too large for a Teams card even when shortened")


def image_card(templates, message: OutgoingMessage) -> dict[str, Any] | None:
    """The card of a message with a picture, or None if the picture cannot be made to fit."""
    image = message.image
    assert image is not None
    context = {**_context(message, None), "fallback": f"{message.text}\n{image.alt_text}"}
    context["image"] = {"url": "", "alt": image.alt_text}
    room = MAX_CARD_BYTES - len(templates.render("teams/message.json.j2", **context).encode())
    url = fitted_data_uri(image.png_base64, room) if room > 0 else None
    if url is None:
        return None
    context["image"]["url"] = url
    return json.loads(templates.render("teams/message.json.j2", **context))


def needs_card(message: OutgoingMessage) -> bool:
    return bool(message.buttons or message.menus or message.card or message.image)


def message_activity(templates, message: OutgoingMessage) -> Activity:
    """A message activity: plain text, or an Adaptive Card with a plain-text summary."""
    if message.image is not None:
        card = image_card(templates, message)
        if card is None:  # too big even when smaller: the numbers in words
            return Activity(type=ActivityTypes.message, text=f"{message.text}\n{message.image.alt_text}",
                            text_format="plain")
        return card_activity(card, message.text)
    if not needs_card(message):
        return Activity(type=ActivityTypes.message, text=message.text, text_format="plain")
    summary = message.card.title if message.card else message.text
    return Activity(type=ActivityTypes.message, summary=summary[:SUMMARY_LIMIT],
                    attachments=[Attachment(content_type=CARD_CONTENT_TYPE,
                                            content=message_card(templates, message))])


def form_card(templates, form: Form) -> dict[str, Any]:
    data = {ACTION: form.action, VALUE: form.value, **_ref_data(form.message)}
    content = templates.render("teams/form.json.j2", title=form.title, submit_label=form.submit_label,
                               action=form.action, data=data, fields=form.fields,
                               description=form.description.strip(), errors=form.errors)
    return json.loads(content)


def card_activity(card: dict[str, Any], summary: str) -> Activity:
    return Activity(type=ActivityTypes.message, summary=summary[:SUMMARY_LIMIT],
                    attachments=[Attachment(content_type=CARD_CONTENT_TYPE, content=card)])


def parse_action_data(data: Any) -> tuple[str, str, dict[str, str], MessageRef | None] | None:
    """(action, value, form fields, message) from a card action's data; None if not ours."""
    if not isinstance(data, dict) or not isinstance(data.get(ACTION), str):
        return None
    value = str(data.get(VALUE) or "")
    if data.get(MENU):
        value = str(data.get(data[MENU]) or "")
    ref = None
    if isinstance(data.get(REF), str):
        try:
            channel, ts = json.loads(data[REF])
            ref = MessageRef(str(channel), str(ts))
        except (ValueError, TypeError):
            ref = None
    fields = {k: str(v) for k, v in data.items()
              if k not in (ACTION, VALUE, MENU, REF, "msteams") and not k.startswith("menu")}
    return data[ACTION], value, fields, ref

"""Core `Form`s as Slack modals, and modal submissions back as core `ActionEvent`s.

A form opens with `views.open` from a click's `trigger_id`. The modal carries what the core
needs to handle its submission: `callback_id` is the form's action, `private_metadata` the
form's value and the card (channel, ts) it is about (never the description, which may name a held
answer's flagged excerpts and is only shown), and each input block's `block_id` is the
field's name (with one fixed `action_id`), so `state.values` maps straight to `fields`.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from slack_sdk.models.blocks import (
    ContextBlock,
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    SectionBlock,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot.chat import ActionEvent, Form, FormField, MessageRef
from handlers.slack.render import escape, truncate

logger = logging.getLogger(__name__)

INPUT_ACTION_ID = "value"
VIEW_TITLE_LIMIT = 24
INPUT_LIMIT = 3000  # plain_text_input max_length
LABEL_LIMIT = 2000
OPTION_LABEL_LIMIT = 75
SECTION_LIMIT = 3000
HINT_LIMIT = 2000
BLANK_ERROR = "Please fill this in."


def _plain(text: str, limit: int) -> str:
    """Escaped plain text (same policy as render.py's button labels), cut to `limit`."""
    return truncate(escape(text.strip()) or " ", limit)


def _input(form_field: FormField) -> InputBlock:
    if form_field.options:
        options = [Option(text=_plain(label, OPTION_LABEL_LIMIT), value=value)
                   for label, value in form_field.options]
        initial = next((o for o in options if o.value == form_field.initial), None)
        element = StaticSelectElement(action_id=INPUT_ACTION_ID, options=options, initial_option=initial,
                                      placeholder="Choose…")
    else:
        max_length = min(form_field.max_length or INPUT_LIMIT, INPUT_LIMIT)
        element = PlainTextInputElement(action_id=INPUT_ACTION_ID, multiline=form_field.multiline,
                                        initial_value=form_field.initial or None, max_length=max_length)
    hint = PlainTextObject(text=_plain(form_field.hint, HINT_LIMIT)) if form_field.hint else None
    return InputBlock(block_id=form_field.name, label=_plain(form_field.label, LABEL_LIMIT), element=element,
                      optional=not form_field.required, hint=hint)


def _fits(form_field: FormField) -> bool:
    limit = min(form_field.max_length or INPUT_LIMIT, INPUT_LIMIT)
    return bool(form_field.options) or len(form_field.initial) <= limit


def render_form(form: Form) -> dict[str, Any]:
    """The modal view for `form` (validated by slack_sdk's view and block models).

    A text field whose current text is longer than Slack lets an input hold is left out (and
    said so): a cut-down initial value would silently shorten that text on submit.
    """
    metadata = {"value": form.value}
    if form.message is not None:
        metadata.update(channel=form.message.channel, ts=form.message.ts)
    blocks: list[Any] = []
    if form.description.strip():  # plain text, escaped: what was typed never becomes a mention
        blocks.append(SectionBlock(text=PlainTextObject(text=_plain(form.description, SECTION_LIMIT))))
    for form_field in form.fields:
        if _fits(form_field):
            blocks.append(_input(form_field))
        else:
            note = (f"*{escape(form_field.label)}* is too long to edit here "
                    f"({len(form_field.initial)} characters) and stays as it is.")
            blocks.append(ContextBlock(elements=[MarkdownTextObject(text=truncate(note, 3000))]))
    view = View(type="modal", callback_id=form.action, title=_plain(form.title, VIEW_TITLE_LIMIT),
                submit=_plain(form.submit_label, VIEW_TITLE_LIMIT), close="Cancel",
                private_metadata=json.dumps(metadata, separators=(",", ":")), blocks=blocks[:100])
    return view.to_dict()


def submitted_values(view: dict[str, Any]) -> dict[str, str]:
    """`{block_id: value}` from a view's `state.values` (text inputs and single selects)."""
    values: dict[str, str] = {}
    for block_id, inputs in ((view.get("state") or {}).get("values") or {}).items():
        entry = inputs.get(INPUT_ACTION_ID) or next(iter(inputs.values()), {})
        if "selected_option" in entry:
            values[block_id] = (entry.get("selected_option") or {}).get("value", "")
        else:
            values[block_id] = entry.get("value") or ""
    return values


def blank_required(view: dict[str, Any], values: dict[str, str]) -> dict[str, str]:
    """Per-field errors for required inputs left blank (whitespace counts as blank)."""
    return {block["block_id"]: BLANK_ERROR for block in view.get("blocks") or []
            if block.get("type") == "input" and not block.get("optional")
            and block.get("block_id") and not values.get(block["block_id"], "").strip()}


def field_errors(view: dict[str, Any], errors: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """The core's refusals as `response_action: errors`, on the inputs the view has (else its first)."""
    inputs = [block["block_id"] for block in view.get("blocks") or []
              if block.get("type") == "input" and block.get("block_id")]
    shown: dict[str, str] = {}
    for name, why in errors:
        block_id = name if name in inputs else (inputs[0] if inputs else name)
        shown[block_id] = truncate(" ".join(filter(None, (shown.get(block_id), why))), HINT_LIMIT)
    return shown


def action_from_view(body: dict[str, Any]) -> ActionEvent | None:
    """A `view_submission` as the `ActionEvent` the form promised (None if it isn't one of ours)."""
    view = body.get("view") or {}
    user = (body.get("user") or {}).get("id")
    if body.get("type") != "view_submission" or not user or not view.get("callback_id"):
        return None
    try:
        metadata = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        logger.warning("view %s has unreadable private_metadata", view.get("id"))
        return None
    if not isinstance(metadata, dict):
        return None
    channel, ts = metadata.get("channel"), metadata.get("ts")
    ref = MessageRef(channel, ts) if channel and ts else None
    return ActionEvent(platform="slack", user_id=user, action=view["callback_id"],
                       value=str(metadata.get("value", "")), message=ref, fields=submitted_values(view))


__all__ = ["INPUT_ACTION_ID", "action_from_view", "blank_required", "field_errors", "render_form", "submitted_values"]

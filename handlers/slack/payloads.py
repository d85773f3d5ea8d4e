"""The one gate every signed Slack payload passes before Bolt or a listener reads it.

Slack's payloads are JSON written by someone else: a listener that does `body["user"]["id"]`
or `value.isdigit()` on whatever arrived turns an odd payload into a 500, and Slack retries
500s (and may disable an app whose deliveries keep failing). So the shapes Rounds and Bolt
read are checked here, once, and everything after this gate may trust them:

- `check(body)` says `DISPATCH` (hand it to Bolt), `ACK` (a well-formed payload Rounds has no
  listener for: answer 200 so Slack does not retry, without Bolt's "Unhandled request" dump)
  or `REJECT` (malformed: 400).
- `log_ids(body)` is what may be logged about any body, valid or not: ids that match Slack's
  id formats or a known list; anything else as its type, length and a short hash, because a
  free-text field in an id's place (`action_id: "Last week my patient…"`) must not reach logs.
"""

from __future__ import annotations

import hashlib
import re
from enum import Enum
from typing import Any

SLACK_ID = re.compile(r"[A-Z0-9][A-Z0-9_]{1,39}")  # U…, W…, C…, D…, G…, T…, E…, A…, B…, S…
TS = re.compile(r"\d{1,12}(?:\.\d{1,9})?")
EVENT_ID = re.compile(r"Ev[A-Za-z0-9_]{1,40}")
# What Slack allows as action_id/callback_id/block_id: up to 255 characters.
BLOCK_ID_LIMIT = 255
VALUE_LIMIT = 2000  # a button's value
METADATA_LIMIT = 3000  # a view's private_metadata
TEXT_LIMIT = 1_000_000  # request bodies are capped at 1 MB anyway; the core caps answers lower

KNOWN_EVENT_TYPES = frozenset({
    "message", "app_home_opened", "app_mention", "app_uninstalled", "tokens_revoked",
    "member_joined_channel", "member_left_channel", "team_join", "user_change",
    "channel_created", "channel_deleted", "channel_rename", "im_created", "reaction_added",
    "reaction_removed", "file_shared", "app_rate_limited", "subteam_updated",
    "subteam_members_changed", "user_profile_changed", "url_verification",
})
KNOWN_PAYLOAD_TYPES = frozenset({
    "url_verification", "event_callback", "block_actions", "view_submission", "view_closed",
    "shortcut", "message_action", "block_suggestion", "interactive_message", "app_rate_limited",
})
# Well-formed, but nothing in Rounds listens to them: acknowledged so Slack does not retry.
ACKNOWLEDGED_TYPES = frozenset({"view_closed", "shortcut", "message_action", "block_suggestion",
                                "interactive_message", "app_rate_limited"})
HANDLED_EVENT_TYPES = frozenset({"message", "app_home_opened"})


class Verdict(Enum):
    DISPATCH = "dispatch"
    ACK = "ack"
    REJECT = "reject"


class Malformed(Exception):
    """A payload field is missing or of the wrong shape (the message names the field only)."""


# --- checking -------------------------------------------------------------------------------


def check(body: Any) -> tuple[Verdict, str]:
    """Whether `body` may go to Bolt; the reason names a field, never its content."""
    try:
        return _check(body)
    except Malformed as error:
        return Verdict.REJECT, str(error)


def _check(body: Any) -> tuple[Verdict, str]:
    if not isinstance(body, dict):
        raise Malformed("body is not an object")
    if "command" in body and "type" not in body:
        _check_command(body)
        return Verdict.DISPATCH, "slash command"
    kind = _str(body, "type", required=True, limit=60)
    if kind not in KNOWN_PAYLOAD_TYPES:
        return Verdict.ACK, "payload type not handled"  # a newer Slack feature: fine, just not ours
    _common(body)
    if kind == "url_verification":
        _str(body, "challenge", required=True, limit=200)
        return Verdict.DISPATCH, kind
    if kind in ACKNOWLEDGED_TYPES:
        return Verdict.ACK, kind
    if kind == "event_callback":
        return _check_event(body)
    _id(_obj(body, "user", required=True), "id", required=True)
    if kind == "block_actions":
        _check_actions(body)
    else:
        _check_view(body)
    return Verdict.DISPATCH, kind


def _common(body: dict) -> None:
    """Fields Bolt itself reads to build its context, whatever the payload type."""
    for name in ("team_id", "api_app_id", "enterprise_id", "user_id", "channel_id"):
        _id(body, name)
    for name in ("team", "enterprise", "channel", "container", "message"):
        obj = _obj(body, name)
        if obj:
            _id(obj, "id")
            _id(obj, "enterprise_id")
            _id(obj, "team_id")
    user = _obj(body, "user")
    if user:
        _id(user, "team_id")
    authorizations = body.get("authorizations")
    if authorizations is not None:
        if not isinstance(authorizations, list) or not all(isinstance(a, dict) for a in authorizations):
            raise Malformed("authorizations")
        for authorization in authorizations[:1]:
            for name in ("team_id", "enterprise_id", "user_id"):
                _id(authorization, name)
    container = _obj(body, "container")
    if container:
        _id(container, "channel_id")
        _ts(container, "message_ts")
    message = _obj(body, "message")
    if message:
        _ts(message, "ts")
    view = _obj(body, "view")
    if view:
        for name in ("team_id", "app_installed_team_id", "id", "app_id"):
            _id(view, name)
    _str(body, "trigger_id", limit=200)


def _check_event(body: dict) -> tuple[Verdict, str]:
    _str(body, "event_id", limit=60)
    event = _obj(body, "event", required=True)
    kind = _str(event, "type", required=True, limit=60)
    if kind not in HANDLED_EVENT_TYPES:  # e.g. user_change, whose `user` is an object: not ours to check
        return Verdict.ACK, "event not handled"
    for name in ("user", "channel", "team"):
        _id(event, name)
    if kind == "app_home_opened":
        _id(event, "user", required=True)
        _str(event, "tab", limit=40)
        return Verdict.DISPATCH, "event"
    for name in ("subtype", "channel_type", "bot_id"):
        _str(event, name, limit=60)
    if kind == "message":  # every message Slack sends names its conversation; one without is forged
        _id(event, "channel", required=True)
    _message_fields(event)
    if event.get("subtype") == "message_changed":
        _message_fields(_obj(event, "message", required=True))
        _message_fields(_obj(event, "previous_message"))
    return Verdict.DISPATCH, "event"


def _message_fields(message: dict | None) -> None:
    if not message:
        return
    _id(message, "user")
    _id(message, "channel")
    _ts(message, "ts")
    _ts(message, "thread_ts")
    _str(message, "text", limit=TEXT_LIMIT)
    _str(message, "subtype", limit=60)
    _str(message, "bot_id", limit=60)


def _check_actions(body: dict) -> None:
    actions = body.get("actions")
    if not isinstance(actions, list) or not actions or not isinstance(actions[0], dict):
        raise Malformed("actions")
    first = actions[0]
    _str(first, "action_id", required=True, limit=BLOCK_ID_LIMIT)
    _str(first, "block_id", limit=BLOCK_ID_LIMIT)
    _str(first, "type", limit=60)
    _str(first, "value", limit=VALUE_LIMIT)
    _str(first, "selected_date", limit=40)
    selected = _obj(first, "selected_option")
    if selected:
        _str(selected, "value", limit=VALUE_LIMIT)


def _check_command(body: dict) -> None:
    """A slash command (form fields, all strings): the fields Rounds and Bolt read."""
    _str(body, "command", required=True, limit=60)
    _str(body, "text", limit=TEXT_LIMIT)
    _id(body, "user_id", required=True)
    for name in ("team_id", "channel_id", "enterprise_id", "api_app_id"):
        _id(body, name)
    for name in ("trigger_id", "response_url", "channel_name", "user_name", "team_domain"):
        _str(body, name, limit=500)


def _check_view(body: dict) -> None:
    view = _obj(body, "view", required=True)
    _str(view, "type", required=True, limit=40)  # Bolt reads view["type"] of every submission
    _str(view, "callback_id", required=True, limit=BLOCK_ID_LIMIT)
    _str(view, "private_metadata", limit=METADATA_LIMIT)
    blocks = view.get("blocks")
    if blocks is not None:
        if not isinstance(blocks, list) or not all(isinstance(b, dict) for b in blocks):
            raise Malformed("view.blocks")
        for block in blocks:
            _str(block, "type", limit=60)
            _str(block, "block_id", limit=BLOCK_ID_LIMIT)
            if not isinstance(block.get("optional", False), bool):
                raise Malformed("view.blocks.optional")
    state = _obj(view, "state")
    values = _obj(state, "values") if state else None
    for block_id, inputs in (values or {}).items():
        if len(block_id) > BLOCK_ID_LIMIT or not isinstance(inputs, dict):
            raise Malformed("view.state.values")
        for entry in inputs.values():
            if not isinstance(entry, dict):
                raise Malformed("view.state.values")
            _str(entry, "value", limit=TEXT_LIMIT)
            selected = _obj(entry, "selected_option")
            if selected:
                _str(selected, "value", limit=VALUE_LIMIT)


# --- field helpers --------------------------------------------------------------------------


def _obj(parent: dict, name: str, required: bool = False) -> dict | None:
    value = parent.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, dict):
        raise Malformed(name)
    return value


def _str(parent: dict, name: str, required: bool = False, limit: int = BLOCK_ID_LIMIT) -> str | None:
    value = parent.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str) or len(value) > limit or (required and not value):
        raise Malformed(name)
    return value


def _id(parent: dict, name: str, required: bool = False) -> None:
    value = _str(parent, name, required=required, limit=40)
    if value and not SLACK_ID.fullmatch(value):
        raise Malformed(name)


def _ts(parent: dict, name: str) -> None:
    value = _str(parent, name, limit=40)
    if value and not TS.fullmatch(value):
        raise Malformed(name)


# --- what may be logged ---------------------------------------------------------------------


def fingerprint(value: Any) -> str:
    """A value that must not be logged as it is: its type, length and a short hash."""
    raw = value if isinstance(value, str) else repr(value)
    digest = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"<{type(value).__name__} len={len(raw)} sha256={digest}>"


def safe_id(value: Any, pattern: re.Pattern[str] = SLACK_ID,
            known: frozenset[str] | None = None) -> str | None:
    """`value` itself if it is a bounded id of the expected form (or a known name), else a fingerprint."""
    if value is None:
        return None
    if isinstance(value, str) and (value in known if known is not None else pattern.fullmatch(value)):
        return value
    return fingerprint(value)


def _get(parent: Any, *path: Any) -> Any:
    for key in path:
        if isinstance(parent, dict):
            parent = parent.get(key)
        elif isinstance(parent, list) and isinstance(key, int) and len(parent) > key:
            parent = parent[key]
        else:
            return None
    return parent


def log_ids(body: Any, action_ids: frozenset[str] = frozenset()) -> dict[str, str | None]:
    """Ids of any body, valid or not, each bounded (see module docstring); never text."""
    event_type = _get(body, "event", "type")
    return {
        "type": safe_id(_get(body, "type"), known=KNOWN_PAYLOAD_TYPES),
        "event_id": safe_id(_get(body, "event_id"), EVENT_ID),
        "event_type": safe_id(event_type, known=KNOWN_EVENT_TYPES),
        "subtype": safe_id(_get(body, "event", "subtype"), re.compile(r"[a-z_]{1,40}")),
        "team": safe_id(_get(body, "team_id") or _get(body, "team", "id")),
        "user": safe_id(_get(body, "event", "user") or _get(body, "user", "id")),
        "channel": safe_id(_get(body, "event", "channel") or _get(body, "channel", "id")),
        "ts": safe_id(_get(body, "event", "ts"), TS),
        "action_id": safe_id(_get(body, "actions", 0, "action_id"), known=action_ids),
        "callback_id": safe_id(_get(body, "view", "callback_id"), known=action_ids),
        "command": safe_id(_get(body, "command"), re.compile(r"/[a-z0-9_-]{1,30}")),
    }


__all__ = ["Verdict", "check", "fingerprint", "log_ids", "safe_id"]

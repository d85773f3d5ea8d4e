"""Conversation references: where Rounds may write on Teams, kept from every activity it sees.

Teams only lets a bot post into a conversation it has a reference for (service URL, tenant,
conversation id), which it learns from `installationUpdate`, `conversationUpdate` and any
message. Rows live in the core's `conversation_references` table; this module turns activities
into rows and rows back into the SDK's `ConversationReference`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ConversationReference
from sqlalchemy import func, select

from bot.store import ConversationReference as Row

PLATFORM = "teams"


def base_conversation_id(conversation_id: str) -> str:
    """A channel thread's id is "<channel>;messageid=<root>": the channel is the part before."""
    return conversation_id.split(";messageid=", 1)[0]


@dataclass(frozen=True)
class Seen:
    """What one activity tells us about its conversation."""

    conversation_id: str
    kind: str
    user_id: str | None
    name: str | None
    tenant_id: str
    service_url: str
    reference: str


def seen_in(activity: Activity) -> Seen | None:
    """The conversation an incoming activity came from, or None if it names none."""
    if activity.conversation is None or not activity.conversation.id or not activity.service_url:
        return None
    reference = TurnContext.get_conversation_reference(activity)
    reference.activity_id = None  # a proactive send must not become a reply to this activity
    conversation_id = base_conversation_id(activity.conversation.id)
    reference.conversation.id = conversation_id
    channel_data = activity.channel_data or {}
    kind = activity.conversation.conversation_type or "personal"
    user = activity.from_property
    name = ((channel_data.get("channel") or {}).get("name")
            or (channel_data.get("team") or {}).get("name")) if kind == "channel" else None
    tenant = activity.conversation.tenant_id or (channel_data.get("tenant") or {}).get("id") or ""
    return Seen(conversation_id=conversation_id, kind=kind,
                user_id=(user.aad_object_id if user is not None and kind == "personal" else None),
                name=name, tenant_id=tenant, service_url=activity.service_url,
                reference=json.dumps(reference.serialize()))


def remember(db, seen: Seen, now: datetime, removed: bool = False) -> None:
    """Insert or refresh a reference; a new activity from a blocked conversation unblocks it."""
    with db.transaction() as session:
        row = session.get(Row, (PLATFORM, seen.conversation_id))
        if row is None:
            row = Row(platform=PLATFORM, conversation_id=seen.conversation_id, created_at=now)
            session.add(row)
        row.kind, row.tenant_id, row.service_url, row.reference = (seen.kind, seen.tenant_id,
                                                                   seen.service_url, seen.reference)
        row.user_id = seen.user_id or row.user_id
        row.name = seen.name or row.name
        row.updated_at = now
        if removed:
            row.unreachable_at, row.unreachable_reason = now, "app uninstalled"
        else:
            row.unreachable_at = row.unreachable_reason = None


@dataclass(frozen=True)
class Target:
    conversation_id: str
    tenant_id: str
    reference: ConversationReference
    unreachable: str | None


def _target(row: Row) -> Target:
    reference = ConversationReference().deserialize(json.loads(row.reference))
    return Target(row.conversation_id, row.tenant_id, reference,
                  (row.unreachable_reason or "refused") if row.unreachable_at else None)


def personal_conversation(db, user_id: str) -> Target | None:
    """The personal chat with a person (AAD object id), if the app is installed for them."""
    with db.transaction() as session:
        row = session.scalars(select(Row).where(Row.platform == PLATFORM, Row.kind == "personal",
                                                Row.user_id == user_id)
                              .order_by(Row.updated_at.desc())).first()
        return _target(row) if row is not None else None


def conversation(db, recipient: str) -> Target | None:
    """A conversation by id, or a channel by the name `[teams] marketing_channel` gives it."""
    with db.transaction() as session:
        row = session.get(Row, (PLATFORM, base_conversation_id(recipient)))
        if row is None:
            row = session.scalars(select(Row).where(Row.platform == PLATFORM, Row.kind == "channel",
                                                    func.lower(Row.name) == recipient.strip().lower())
                                  .order_by(Row.updated_at.desc())).first()
        return _target(row) if row is not None else None


def mark_unreachable(db, conversation_id: str, reason: str, now: datetime) -> None:
    """The platform refused for good (403 MessageWritesBlocked): stop sending, report it."""
    with db.transaction() as session:
        row = session.get(Row, (PLATFORM, base_conversation_id(conversation_id)))
        if row is not None:
            row.unreachable_at, row.unreachable_reason, row.updated_at = now, reason[:200], now

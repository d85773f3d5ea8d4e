"""The optional approval webhook: on approval, queue the approved posts as one signed JSON POST.

The POST goes through the outbox like every other message (key `webhook:{answer_id}`, platform
"webhook", delivered by `handlers.webhook.WebhookChat`), so it is written in the approval's
transaction, retried with backoff on later ticks when the receiver is down, and never lost by a
restart. Delivery is at-least-once; the `X-Rounds-Delivery` header (the outbox key) lets the
receiver drop repeats. See docs/webhook.md for the payload and the signature scheme.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from bot.chat import OutgoingMessage
from bot.outbox import enqueue
from bot.review.html import text_to_html
from bot.review.limits import thread_parts
from bot.store import Answer, Draft, Person

PLATFORM = "webhook"
EVENT = "post.approved"
# The URL is never copied into the outbox (webhook URLs often carry a token): rows name the
# configured URL, and the webhook chat posts to whatever [webhook] url says at delivery time.
CONFIGURED_URL = "config"


def webhook_key(answer_id: int) -> str:
    return f"{PLATFORM}:{answer_id}"


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z") if moment else None


def webhook_payload(answer: Answer, person: Person, drafts: Iterable[Draft],
                    approved_by: Person | str, now: datetime) -> dict[str, Any]:
    """The JSON document a receiver gets for one approved answer: who, what, and when it posts."""
    question = answer.prompt.question.text if answer.prompt is not None else ""
    return {
        "event": EVENT,
        "answer_id": answer.id,
        "week": answer.prompt.week if answer.prompt is not None else None,
        "physician": {"name": person.name, "specialty": person.specialty},
        "question": question,
        "approved_by": approved_by.name if isinstance(approved_by, Person) else str(approved_by),
        "approved_at": _iso(now),
        "posts": [_post(draft) for draft in sorted(drafts, key=lambda d: d.channel)],
    }


def _post(draft: Draft) -> dict[str, Any]:
    """One post: its readable text; X threads also as their posts; the blog also as HTML."""
    post: dict[str, Any] = {"channel": draft.channel, "text": draft.text, "slot_at": _iso(draft.slot_at)}
    parts = thread_parts(draft.channel, draft.text)
    if len(parts) > 1:
        post["thread"] = parts
    if draft.channel == "blog":
        post["html"] = text_to_html(draft.text)
    return post


def enqueue_webhook(services, session, answer: Answer, person: Person, drafts: Iterable[Draft],
                    approved_by: Person | str, now: datetime) -> bool:
    """Queue the approval webhook in the caller's transaction; True if queued.

    Nothing is queued when `[webhook] url` is empty, or when this answer's webhook was queued
    before (the key is unique per answer).

    Args:
        services: the running `Services` (its config says whether and where to post).
        session: the approval's open session, so the POST is queued if and only if it commits.
        answer, person, drafts: the approved answer, its physician and its final drafts.
        approved_by: the approver (a Person, or the name to show).
        now: the approval instant (aware, UTC).
    """
    url = services.config.webhook.url
    if not url:
        return False
    payload = webhook_payload(answer, person, drafts, approved_by, now)
    return enqueue(session, key=webhook_key(answer.id), platform=PLATFORM,
                   recipient=CONFIGURED_URL, recipient_kind="channel",
                   message=OutgoingMessage(text=json.dumps(payload, ensure_ascii=False)), now=now)

"""The audit trail: one append-only row per state change, written in the same transaction."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from bot.store import AuditEvent, Person

SYSTEM = "rounds"


def record(session, *, subject: str, subject_id: int, action: str, now: datetime,
           actor: Person | None = None, **detail: Any) -> None:
    """Append an audit row. `detail` must not hold flagged text: ids, kinds, spans, reasons."""
    session.add(AuditEvent(
        at=now, actor_person_id=actor.id if actor else None, actor=actor.name if actor else SYSTEM,
        subject=subject, subject_id=subject_id, action=action,
        detail=json.dumps(detail, sort_keys=True, default=str),
    ))

"""Everything stored about one person, for an access request (HIPAA right of access, GDPR art. 15).

One JSON document: their roster row, their weekly questions, their answers (text and the chat
messages they came from), the drafts made from them, the messages Rounds queued for them, and
the audit rows about them or by them. Exporting is itself audited (`person_exported`).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from bot import audit
from bot.people import find_person_by_email
from bot.store import Answer, AnswerPart, AuditEvent, Draft, OutboxMessage, Person, Prompt, Question


def _columns(row) -> dict[str, Any]:
    return {column.key: _plain(getattr(row, column.key)) for column in row.__table__.columns}


def _plain(value):
    return value.isoformat() if isinstance(value, (datetime, date)) else value


def person_record(session: Session, person: Person) -> dict[str, Any]:
    prompts = session.execute(
        select(Prompt, Question.text).join(Question, Question.id == Prompt.question_id)
        .where(Prompt.person_id == person.id).order_by(Prompt.id)).all()
    answers = session.scalars(select(Answer).where(Answer.person_id == person.id).order_by(Answer.id)).all()
    answer_ids = [answer.id for answer in answers]
    parts = session.scalars(select(AnswerPart).where(AnswerPart.answer_id.in_(answer_ids))
                            .order_by(AnswerPart.id)).all() if answer_ids else []
    drafts = session.scalars(select(Draft).where(Draft.answer_id.in_(answer_ids))
                             .order_by(Draft.id)).all() if answer_ids else []
    addresses = [a for a in (person.slack_user_id, person.email.lower()) if a]
    messages = session.scalars(select(OutboxMessage).where(
        OutboxMessage.recipient_kind == "user", func.lower(OutboxMessage.recipient).in_(
            [a.lower() for a in addresses])).order_by(OutboxMessage.id)).all()
    about = or_(AuditEvent.actor_person_id == person.id,
                (AuditEvent.subject == "person") & (AuditEvent.subject_id == person.id),
                (AuditEvent.subject == "answer") & AuditEvent.subject_id.in_(answer_ids or [-1]))
    events = session.scalars(select(AuditEvent).where(about).order_by(AuditEvent.id)).all()
    return {
        "person": _columns(person),
        "questions": [{**_columns(prompt), "question": text} for prompt, text in prompts],
        "answers": [_columns(answer) for answer in answers],
        "answer_messages": [_columns(part) for part in parts],
        "drafts": [_columns(draft) for draft in drafts],
        "messages_sent": [{**_columns(m), "payload": json.loads(m.payload)} for m in messages],
        "audit": [{**_columns(e), "detail": json.loads(e.detail or "{}")} for e in events],
    }


def export_person(services, email: str, now: datetime, requested_by: str = "cli") -> dict[str, Any] | None:
    """The person's record as a dict (None if unknown); the export is recorded in the audit trail."""
    with services.db.transaction() as session:
        person = find_person_by_email(session, email)
        if person is None:
            return None
        record = person_record(session, person)
        audit.record(session, subject="person", subject_id=person.id, action="person_exported", now=now,
                     requested_by=requested_by)
    return record

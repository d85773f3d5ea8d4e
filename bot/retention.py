"""Retention: blank the text of answers that will never be published, keep the audit trail.

An answer is purged when its last change is older than the retention period and it will never
become a post: marketing rejected it or sent it back, or it was never submitted for approval
(held by the guard and never revised or overridden). Purging blanks its text, the guard's
suggested rewording, the It's fine reason and marketing's reject or send-back note, deletes its
chat message parts and its drafts that never took a calendar slot, and appends a `purged` audit
row (ids and counts, never text). Approved answers and their posts are published content and
are kept. Audit rows are never deleted (docs/retention.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, exists, func, or_, select

from bot import audit
from bot.review import held_notices
from bot.store import Answer, AnswerPart, AuditEvent, Draft, ReviewStatus

PURGED = "purged"
BATCH = 200  # answers per transaction
PURGEABLE_REVIEWS = (ReviewStatus.REJECTED, ReviewStatus.SENT_BACK)


@dataclass
class PurgeReport:
    answer_ids: list[int] = field(default_factory=list)
    parts_deleted: int = 0
    drafts_deleted: int = 0
    dry_run: bool = False


def purgeable(cutoff: datetime):
    """The WHERE clause for answers to purge: stale, unpublishable and not purged before."""
    already_purged = exists().where(AuditEvent.subject == "answer", AuditEvent.subject_id == Answer.id,
                                    AuditEvent.action == PURGED)
    return and_(
        Answer.updated_at < cutoff,
        or_(Answer.decided_at.is_(None), Answer.decided_at < cutoff),
        or_(Answer.review_status.in_(PURGEABLE_REVIEWS),
            and_(Answer.submitted_at.is_(None), Answer.review_status.is_(None))),
        ~already_purged,
    )


def _count(session, model, answer_ids: list[int], *where) -> int:
    return session.scalar(select(func.count()).select_from(model).where(model.answer_id.in_(answer_ids), *where))


def purge_answers(db, older_than_days: int, now: datetime, dry_run: bool = False) -> PurgeReport:
    """Purge answers whose last change is more than `older_than_days` before `now`.

    Args:
        db: the `Database`.
        older_than_days: retention period in days (at least 1).
        now: the current instant (aware, UTC).
        dry_run: count what would be purged and change nothing.
    """
    if older_than_days < 1:
        raise ValueError("older_than_days must be at least 1")
    cutoff = now - timedelta(days=older_than_days)
    report = PurgeReport(dry_run=dry_run)
    unslotted = Draft.slot_at.is_(None)
    last_id = 0
    while True:
        with db.transaction() as session:
            answers = session.scalars(
                select(Answer).where(purgeable(cutoff), Answer.id > last_id).order_by(Answer.id).limit(BATCH)
            ).all()
            if not answers:
                return report
            ids = [answer.id for answer in answers]
            last_id = ids[-1]
            parts = _count(session, AnswerPart, ids)
            drafts = _count(session, Draft, ids, unslotted)
            report.answer_ids.extend(ids)
            report.parts_deleted += parts
            report.drafts_deleted += drafts
            if dry_run:
                continue
            for answer in answers:
                answer_parts = _count(session, AnswerPart, [answer.id])
                answer_drafts = _count(session, Draft, [answer.id], unslotted)
                audit.record(session, subject="answer", subject_id=answer.id, action=PURGED, now=now,
                             older_than_days=older_than_days, review_status=answer.review_status,
                             status=answer.status, parts_deleted=answer_parts, drafts_deleted=answer_drafts)
                answer.text = ""
                answer.advice_suggestion = ""
                if answer.override_reason is not None:  # stays "overridden"; the words were the physician's
                    answer.override_reason = ""
                answer.decision_note = None  # marketing's reject / send-back words quote the answer at times
                held_notices.retire(session, answer.id, held_notices.PURGED, now)
                answer.updated_at = now
            session.execute(delete(AnswerPart).where(AnswerPart.answer_id.in_(ids)))
            session.execute(delete(Draft).where(Draft.answer_id.in_(ids), unslotted))

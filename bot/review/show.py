"""`rounds drafts show ANSWER_ID`: what will be posted for an answer, per channel.

Once an answer is drafted, the stored drafts are the truth: an approved edit is what goes out,
so the command prints the stored text and, when marketing changed it, the original beside it.
A held answer shows neither its text nor drafts (those stored are an earlier version's, withdrawn):
only that it is held, and why in kinds. A ready answer not drafted yet is previewed from the
templates, and says so.
"""

from __future__ import annotations

from typing import Any, TextIO

from sqlalchemy import select

from bot.review.cards import held_summary
from bot.review.drafts import Draft as RenderedDraft
from bot.review.drafts import render_drafts
from bot.review.limits import channel_label, hard_problems, thread_parts
from bot.store import Answer, AnswerStatus
from bot.store import Draft as StoredDraft


def _size(channel: str, text: str, length: int, limit: int | None) -> str:
    parts = len(thread_parts(channel, text))
    size = f"{length}/{limit}" if limit else f"{length}, no limit"
    return f"thread of {parts}, longest {size}" if parts > 1 else size


def _write_draft(out: TextIO, channel: str, text: str, length: int, limit: int | None,
                 problem: str | None, original: str | None = None, note: str = "") -> None:
    blocking = hard_problems(channel, text)
    flags = "  TOO LONG" if blocking else ""
    edited = "  (edited)" if original is not None else ""
    out.write(f"\n== {channel_label(channel)} [{_size(channel, text, length, limit)}]{flags}{edited}{note} ==\n"
              f"{text}\n")
    for why in blocking or ([problem] if problem else []):
        out.write(f"!! {why}\n")
    if original is not None:
        out.write(f"-- original draft, before the edit --\n{original}\n")


def show_drafts(services: Any, answer_id: int | str, out: TextIO) -> int:
    """Print every channel's post for an answer (stored, with originals of edits); 1 if unknown."""
    try:
        number = int(answer_id)
    except (TypeError, ValueError):
        out.write(f"Answer id must be a number, got {answer_id!r}.\n")
        return 1
    with services.db.transaction() as session:
        answer = session.get(Answer, number)
        if answer is None:
            out.write(f"No answer with id {number}.\n")
            return 1
        prompt, person = answer.prompt, answer.prompt.person
        specialty = f" ({person.specialty})" if person.specialty else ""
        if answer.status != AnswerStatus.READY:  # held: no text, and the drafts stored are an old version's
            out.write(f"Drafts for answer {number}: {person.name}{specialty}, week {prompt.week}, held\n"
                      f"{held_summary(answer)}\n")
            return 0
        status = answer.review_status or answer.status
        out.write(f"Drafts for answer {number}: {person.name}{specialty}, week {prompt.week}, {status}\n"
                  f"Answer: {answer.text}\n")
        stored = list(session.scalars(select(StoredDraft).where(StoredDraft.answer_id == number)
                                      .order_by(StoredDraft.channel)))
        for draft in stored:
            changed = draft.edited and draft.original_text not in (None, draft.text)
            _write_draft(out, draft.channel, draft.text, draft.length, draft.limit, draft.problem,
                         original=draft.original_text if changed else None)
        if stored:
            return 0
        out.write("(not drafted yet: a preview from the templates)\n")
        preview = render_drafts(services.templates, services.config.practice, services.config.drafts,
                                physician_name=person.name, specialty=person.specialty,
                                public_topic=prompt.question.public_topic, answer_text=answer.text,
                                week=prompt.week)
    for rendered in preview:
        _write_preview(out, rendered)
    return 0


def _write_preview(out: TextIO, draft: RenderedDraft) -> None:
    note = "  (answer shortened at a sentence end)" if draft.trimmed else ""
    _write_draft(out, draft.channel, draft.text, draft.length, draft.limit, draft.problem, note=note)

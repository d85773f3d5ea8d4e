"""What happens when a person writes to the bot or taps a button, on any platform.

Adapters translate platform payloads into `IncomingMessage` / `ActionEvent` and send back the
`Outcome.replies`. Every inbound effect happens once: messages are deduplicated on
(platform, channel, ts), events on the adapter's own ids via `already_seen`.

Text is made plain here (`bot.text.plain_text`), whatever the platform, and an answer is capped
at `MAX_ANSWER_CHARS`: a post can't be longer, and every later step (screening, drafts, cards)
then works on bounded text. A longer answer gets a private reply and is not processed.

Each change of an answer's text bumps its version and is screened again; if its card is out
for review, the card is brought to the new version (or withdrawn while the answer is held) in
the same transaction, and earlier held notices of the answer lose their "It's fine" button
(`bot.review.held_notices`). After a final decision (approved, rejected) the answer no longer changes.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot import audit, policy, words
from bot.chat import ActionEvent, IncomingMessage, MessageRef, Outcome
from bot.home.actions import ACTIONS as HOME_ACTIONS
from bot.inbox import messages as inbox_messages
from bot.inbox.actions import check_message, handle_inbox_action, is_check_message
from bot.outbox import insert_ignoring_duplicates
from bot.people import person_for_platform_user
from bot.review import compliance, held_notices
from bot.review.approvals import CARD_ACTIONS, PHYSICIAN_ACTIONS
from bot.review.cards import current_card
from bot.store import (
    Answer,
    AnswerPart,
    AnswerStatus,
    Person,
    ProcessedEvent,
    Prompt,
    PromptStatus,
    ReviewStatus,
)
from bot.text import plain_text
from bot.weekly import buttons
from bot.weekly.buttons import render
from bot.weekly.cadence import describe_next_question
from bot.weekly.prompts import closed_messages, late_answers, question_in_thread

logger = logging.getLogger(__name__)

STOP_WORDS = {"stop", "unsubscribe", "opt out", "optout"}
START_WORDS = {"start", "unstop"}  # also mean "resume" (bot/words.py), the word Rounds tells people
HELP_WORDS = {"help", "?"}
MAX_ANSWER_CHARS = 3000  # LinkedIn's limit, and what one Slack section or modal input can show
MAX_FIELD_CHARS = 5000  # a submitted form field (Slack's inputs allow 3,000)
INBOX_ACTIONS = (inbox_messages.DONE, inbox_messages.HELP, inbox_messages.SNOOZE, inbox_messages.TEMPLATES,
                 inbox_messages.CHECK, inbox_messages.DETAILS)
PROMPT_ACTIONS = frozenset({"prompt.skip", "prompt.snooze", "prompt.pause"})
# Every action id Rounds itself puts on a button or form: what may be logged as it is.
KNOWN_ACTIONS = (PROMPT_ACTIONS | {compliance.OVERRIDE, compliance.OVERRIDE_SUBMIT, policy.ACKNOWLEDGE}
                 | CARD_ACTIONS | PHYSICIAN_ACTIONS
                 | frozenset(HOME_ACTIONS) | {"home.open_card"}
                 | {action + suffix for action in INBOX_ACTIONS for suffix in ("", ".submit")})
IN_REVIEW = (ReviewStatus.PENDING, ReviewStatus.AWAITING_SIGNOFF)
FINAL = (ReviewStatus.APPROVED, ReviewStatus.REJECTED)


def already_seen(services, key: str, now: datetime) -> bool:
    """Record an inbound dedupe key; True if it was recorded before (a retry or a duplicate)."""
    with services.db.transaction() as session:
        return not insert_ignoring_duplicates(session, ProcessedEvent,
                                              {"key": key[:200], "created_at": now})


def _open_prompt(session: Session, person: Person, now: datetime, late: timedelta) -> Prompt | None:
    """The prompt a reply belongs to: this week's open one, else the latest question sent if
    its week ended less than `late` ago (people answer last week's question on Monday)."""
    current = session.scalars(
        select(Prompt)
        .where(Prompt.person_id == person.id,
               Prompt.status.in_((PromptStatus.SENT, PromptStatus.ANSWERED)),
               Prompt.expires_at > now)
        .order_by(Prompt.id.desc())
        .with_for_update()
    ).first()
    if current is not None or not late:
        return current
    latest = session.scalars(
        select(Prompt).where(Prompt.person_id == person.id, Prompt.sent_at.is_not(None))
        .order_by(Prompt.id.desc()).with_for_update()
    ).first()
    if (latest is not None and latest.expires_at + late > now
            and latest.status in (PromptStatus.SENT, PromptStatus.ANSWERED, PromptStatus.EXPIRED)):
        return latest
    return None


def _thread_prompt(session: Session, person: Person, prompt_id: int, now: datetime,
                   late: timedelta) -> Prompt | None:
    """The prompt a reply in its question's (or nudge's) thread answers, while it still takes
    answers (its week, then `late`); None once it does not."""
    prompt = session.get(Prompt, prompt_id, with_for_update=True)
    if (prompt is None or prompt.person_id != person.id or prompt.sent_at is None
            or prompt.status not in (PromptStatus.SENT, PromptStatus.ANSWERED, PromptStatus.EXPIRED)
            or prompt.expires_at + late <= now):
        return None
    return prompt


def handle_message(services, message: IncomingMessage, now: datetime) -> Outcome:
    """A person wrote to the bot: an answer, an addition, an edit, or a command word."""
    outcome = Outcome()
    text = plain_text(message.text).strip()
    if not text:
        return outcome
    if message.edited:
        digest = hashlib.sha256(text.encode()).hexdigest()[:16]
        key = f"{message.platform}:edit:{message.channel}:{message.ts}:{digest}"
    else:
        key = f"{message.platform}:msg:{message.channel}:{message.ts}"
    with services.db.transaction() as session:
        # Same transaction as the effect: if handling fails, the retry is not mistaken for a dupe.
        if not insert_ignoring_duplicates(session, ProcessedEvent, {"key": key[:200], "created_at": now}):
            return outcome
        person = person_for_platform_user(session, message.platform, message.user_id)
        if person is None or not person.active:
            return outcome.say(render(services, "unknown_person"))
        if policy.needs_policy(services, person):
            return policy.policy_reply(services, person, outcome)
        if len(text) > MAX_ANSWER_CHARS:  # a reply to check ('check …') is told about a reply, not an answer
            return _too_long(services, outcome, len(text), check=text.lstrip().lower().startswith("check"))
        if not person.is_physician:  # staff get no questions: tell them what Rounds is for them
            return _staff_message(services, session, person, message, text, now, outcome)
        if message.edited:
            return _apply_edit(services, session, person, message, text, now, outcome)
        command = text.lower().rstrip(".! ")
        if command in STOP_WORDS:
            # No more questions or nudges (the senders check opted_out_at); an open question
            # stays open, so `start` again the same week finds it where it was.
            person.opted_out_at, person.updated_at = now, now
            return outcome.say(render(services, "stopped"))
        if command in START_WORDS:  # what "resume" does: one behaviour, whichever word was typed
            outcome.replies.extend(words.run(services, session, person, words.Command("resume"), now).replies)
            return outcome
        if command in HELP_WORDS:
            return outcome.say(words.help_text(services, person))
        if is_check_message(person, text):  # staff checking a reply to a patient: screened, never stored
            return check_message(services, session, text, outcome)
        typed = words.parse(text)
        if typed is not None and typed.word != "check":  # status, pause 2w …: the same words as /rounds
            result = words.run(services, session, person, typed, now)  # ("check" in a DM is staff-only, above)
            outcome.replies.extend(result.replies)
            return outcome
        sent_back = _sent_back_answer(session, person)
        if sent_back is not None:
            return _revise_sent_back(services, session, person, sent_back, message, text, now, outcome)
        in_thread = question_in_thread(session, message.channel, message.thread_ts) if message.thread_ts else None
        if in_thread is not None:  # a reply in a question's thread answers that question, or none
            prompt = _thread_prompt(session, person, in_thread, now, late_answers(services))
            if prompt is None:
                return outcome.say(render(services, "thread_closed",
                                           open_question=_open_prompt(session, person, now, timedelta()) is not None,
                                           next_time=describe_next_question(person, now)))
        else:
            prompt = _open_prompt(session, person, now, late_answers(services))
        if prompt is None:
            return outcome.say(render(services, "no_open_question",
                                       next_time=describe_next_question(person, now)))
        return _add_to_answer(services, session, person, prompt, message, text, now, outcome)


def _staff_message(services, session, person, message, text, now, outcome) -> Outcome:
    """Staff-only people get no weekly question: a reply to check, a /rounds word, or what Rounds does for them."""
    if is_check_message(person, text):  # a reply to a patient to check: screened, never stored
        return check_message(services, session, text, outcome)
    typed = words.parse(text)
    if typed is not None and typed.word != "check" and not message.edited:  # help and the question
        outcome.replies.extend(words.run(services, session, person, typed, now).replies)  # words follow roles
        return outcome
    return outcome if message.edited else outcome.say(words.staff_text(services, person))


def _too_long(services, outcome: Outcome, length: int, check: bool = False) -> Outcome:
    logger.info("answer of %s characters not processed (limit %s)", length, MAX_ANSWER_CHARS)
    return outcome.say(render(services, "too_long", limit=MAX_ANSWER_CHARS, length=length, check=check))


def _add_to_answer(services, session, person, prompt, message, text, now, outcome) -> Outcome:
    """A reply to the open question: the answer, an addition, or a revision of a held answer.

    Always answer text, never an override reason (that comes only from the It's fine form):
    a message after a tap on It's fine is a new version, screened again.
    """
    answer = session.scalars(select(Answer).where(Answer.prompt_id == prompt.id).with_for_update()
                             .execution_options(populate_existing=True)).first()
    if answer is not None and answer.review_status in FINAL:
        return outcome.say(render(services, "answer_decided"))
    first = answer is None
    revising = not first and answer.status in held_notices.HOLDING
    if not first and not revising and len(answer.text) + 1 + len(text) > MAX_ANSWER_CHARS:
        return _too_long(services, outcome, len(answer.text) + 1 + len(text))
    if first:
        answer = Answer(prompt_id=prompt.id, person_id=person.id, text="", status=AnswerStatus.HELD,
                        version=0, created_at=now, updated_at=now)
        session.add(answer)
        session.flush()
        audit.record(session, subject="answer", subject_id=answer.id, action="received", now=now, actor=person)
    elif revising:  # a revised answer replaces the held one
        session.execute(delete(AnswerPart).where(AnswerPart.answer_id == answer.id))
        audit.record(session, subject="answer", subject_id=answer.id, action="revised", now=now, actor=person)
    else:
        audit.record(session, subject="answer", subject_id=answer.id, action="extended", now=now, actor=person)
    session.add(AnswerPart(answer_id=answer.id, channel=message.channel, ts=message.ts, text=text))
    session.flush()
    _rebuild_answer_text(session, answer, now)
    if prompt.status != PromptStatus.ANSWERED:
        prompt.status, prompt.answered_at = PromptStatus.ANSWERED, now
        outcome.updates.extend(closed_messages(session, prompt, "✓ Answered. Thank you!"))
    return _screen_and_reply(services, session, person, answer, message, now, outcome,
                             "thanks" if first else "revised" if revising else "extended")


def _screen_and_reply(services, session, person, answer, message, now, outcome, clean_reply: str) -> Outcome:
    """Nobody else sees an answer before the guard: held answers get a private explanation.

    An answer out for review keeps its card in step: the card shows the new version (screened
    again) or, while the answer is held, says it was withdrawn and leaves review until the
    answer is ready again (then a new card follows).
    """
    outcome.updates.extend(held_notices.retire(session, answer.id, held_notices.NEW_VERSION, now,
                                               before_version=answer.version, here=message.platform))
    verdict = compliance.screen_answer(services, session, answer, person, now)
    if answer.review_status in IN_REVIEW:
        withdrawn = answer.status != AnswerStatus.READY
        answer.review_status = None if withdrawn else ReviewStatus.PENDING
        audit.record(session, subject="answer", subject_id=answer.id, now=now,
                     action="card_withdrawn" if withdrawn else "card_updated", version=answer.version)
        session.flush()
        outcome.updates.extend(current_card(services, session, answer))
    if verdict.verdict == "block":
        held = compliance.held_message(services, answer, verdict)
        key = held_notices.record_notice(session, platform=message.platform, user_id=message.user_id,
                                         answer=answer, now=now)
        return outcome.say(held.text, buttons=held.buttons, key=key)
    return outcome.say(render(services, clean_reply, person=person))


def record_reply(services, key: str, ref: MessageRef, now: datetime) -> None:
    """Adapters: where a reply with a `key` (a held notice) was posted, so a later change can edit it."""
    if key.startswith(held_notices.PREFIX):
        with services.db.transaction() as session:
            held_notices.record_place(session, key, ref, now)


def _sent_back_answer(session: Session, person: Person) -> Answer | None:
    """An answer marketing sent back: the physician's next message revises it, whatever the week."""
    return session.scalars(
        select(Answer).where(Answer.person_id == person.id, Answer.review_status == ReviewStatus.SENT_BACK)
        .order_by(Answer.id.desc()).with_for_update().execution_options(populate_existing=True)
    ).first()


def _revise_sent_back(services, session, person, answer, message, text, now, outcome) -> Outcome:
    session.execute(delete(AnswerPart).where(AnswerPart.answer_id == answer.id))
    session.add(AnswerPart(answer_id=answer.id, channel=message.channel, ts=message.ts, text=text))
    session.flush()
    _rebuild_answer_text(session, answer, now)
    answer.review_status = None
    audit.record(session, subject="answer", subject_id=answer.id, action="revised", now=now, actor=person)
    return _screen_and_reply(services, session, person, answer, message, now, outcome, "revised")


def _rebuild_answer_text(session, answer: Answer, now: datetime) -> None:
    """The answer's text from its parts: a new version, which outdates every card and form.

    An It's fine override (its reason and the kinds it covered) was given for the old text only:
    the new version is screened on its own, and a hold on it needs a new reason.
    """
    session.refresh(answer, ["parts"])
    answer.text = "\n".join(part.text for part in answer.parts)
    answer.version = (answer.version or 0) + 1
    answer.override_reason, answer.overridden_at = None, None
    answer.updated_at = now


def _apply_edit(services, session, person, message, text, now, outcome) -> Outcome:
    part = session.scalars(
        select(AnswerPart).where(AnswerPart.channel == message.channel,
                                 AnswerPart.ts == message.ts)
    ).first()
    if part is None or part.answer.person_id != person.id:
        return outcome  # an edit of a message that was not part of an answer
    # Lock and re-read: the row may have been loaded (through `part.answer`) before a concurrent
    # decision committed, and a stale `review_status` would let an approved answer change.
    answer = session.get(Answer, part.answer_id, with_for_update=True, populate_existing=True)
    if answer.prompt.expires_at + late_answers(services) <= now:
        return outcome
    if answer.review_status in FINAL:
        return outcome.say(render(services, "answer_decided"))
    if len(answer.text) - len(part.text) + len(text) > MAX_ANSWER_CHARS:
        return _too_long(services, outcome, len(answer.text) - len(part.text) + len(text))
    part.text = text
    session.flush()
    _rebuild_answer_text(session, answer, now)
    audit.record(session, subject="answer", subject_id=answer.id, action="edited", now=now, actor=person)
    return _screen_and_reply(services, session, person, answer, message, now, outcome, "edited")


# --- buttons ----------------------------------------------------------------------------------


def handle_action(services, action: ActionEvent, now: datetime) -> Outcome:
    """Skip, Snooze or Pause tapped on a question: only by its own physician, only while open."""
    outcome = Outcome()
    if any(len(value) > MAX_FIELD_CHARS for value in action.fields.values()):
        return outcome.say(f"That is too long: please keep each field under {MAX_FIELD_CHARS} characters.")
    action = replace(action, fields={name: plain_text(value) for name, value in action.fields.items()})
    if action.action == policy.ACKNOWLEDGE:
        return policy.acknowledge(services, action, now)
    if policy.required(services):
        with services.db.transaction() as session:
            person = person_for_platform_user(session, action.platform, action.user_id)
            if policy.needs_policy(services, person):
                return policy.policy_reply(services, person, outcome)
    if action.action.startswith("home."):
        from bot.home.actions import handle_home_action

        return handle_home_action(services, action, now)
    if action.action.startswith("review."):
        from bot.review.approvals import handle_review_action

        return handle_review_action(services, action, now)
    if action.action.startswith("inbox."):
        return handle_inbox_action(services, action, now)
    if action.action in (compliance.OVERRIDE, compliance.OVERRIDE_SUBMIT):
        return buttons.override(services, action, now, outcome)
    return buttons.prompt_button(services, action, now, outcome)

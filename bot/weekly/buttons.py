"""The buttons on a physician's own messages: Skip, Snooze and Pause on a question, and It's
fine on a held answer. Only the person the message was for may tap them, and only while the
question (or the hold) is still open; a tap on a closed one gets one line saying why."""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime

from bot import audit, weeks
from bot.chat import ActionEvent, Outcome, parse_ref, small_number
from bot.people import person_for_platform_user
from bot.review import compliance, held_notices
from bot.store import Answer, Prompt, PromptStatus
from bot.weekly.cadence import PAUSE_WEEKS, describe_next_question, pause_resumes, snooze_until
from bot.weekly.prompts import closed_messages, late_answers

logger = logging.getLogger(__name__)


def render(services, name: str, **context) -> str:
    """A message from templates/messages/."""
    return services.templates.render(f"messages/{name}.txt.j2", **context)



def prompt_button(services, action: ActionEvent, now: datetime, outcome: Outcome) -> Outcome:
    """Skip, Snooze or Pause tapped on a question: only by its own physician, only while open."""
    handlers = {"prompt.skip": _skip, "prompt.snooze": _snooze, "prompt.pause": _pause}
    handler = handlers.get(action.action)
    if handler is None:  # the id is not ours: log its size and hash, never its text
        digest = hashlib.sha256(action.action.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        logger.warning("unknown action id (%s characters, sha256 %s) from %s", len(action.action), digest,
                       action.platform)
        return outcome
    prompt_id_text, _, extra = action.value.partition(":")
    prompt_id = small_number(prompt_id_text, digits=18)
    if prompt_id is None:
        return outcome
    with services.db.transaction() as session:
        person = person_for_platform_user(session, action.platform, action.user_id)
        prompt = session.get(Prompt, prompt_id, with_for_update=True)
        if person is None or prompt is None or prompt.person_id != person.id:
            return outcome.say("That button isn't for you.")
        if prompt.status not in PromptStatus.OPEN or prompt.expires_at <= now:
            return outcome.say(render(services, "closed",
                                       next_time=describe_next_question(person, now, prompt.week)),
                               replace_original=action.message)
        outcome = handler(services, session, person, prompt, extra, action, now, outcome)
        if prompt.status not in PromptStatus.OPEN or prompt.due_at > now:  # closed or snoozed
            line = outcome.replies[-1].text if outcome.replies else "This question is closed."
            outcome.updates.extend(closed_messages(session, prompt, line, except_ref=action.message))
        return outcome


def _skip(services, session, person, prompt, _extra, action, now, outcome) -> Outcome:
    prompt.status, prompt.closed_at = PromptStatus.SKIPPED, now
    return outcome.say(render(services, "skipped", person=person,
                               next_time=describe_next_question(person, now, prompt.week)),
                       replace_original=action.message)


def _snooze(services, session, person, prompt, _extra, action, now, outcome) -> Outcome:
    again = snooze_until(prompt, now)
    if again is None:
        prompt.status, prompt.closed_at = PromptStatus.SKIPPED, now
        return outcome.say(render(services, "snooze_too_late",
                                   next_time=describe_next_question(person, now, prompt.week)),
                           replace_original=action.message)
    prompt.status, prompt.due_at = PromptStatus.SCHEDULED, again
    return outcome.say(render(services, "snoozed",
                               next_time=weeks.describe_local(again, person.timezone)),
                       replace_original=action.message)


def _pause(services, session, person, prompt, extra, action, now, outcome) -> Outcome:
    count = small_number(extra, digits=2)
    if count not in PAUSE_WEEKS:
        return outcome.say("Choose 1, 2 or 4 weeks.")
    # The same pause as typing `pause {count}w`: this week's question is the first one left out.
    person.paused_until = pause_resumes(prompt.week, count)
    person.updated_at = now
    prompt.status, prompt.closed_at = PromptStatus.PAUSED, now
    return outcome.say(render(services, "paused", weeks=count,
                               next_time=describe_next_question(person, now, prompt.week)),
                       replace_original=action.message)


def override(services, action: ActionEvent, now: datetime, outcome: Outcome) -> Outcome:
    """It's fine on a held notice opens the reason form; submitting the form sends the answer on.

    Both name the held version: a tap or a form about text that has changed since is refused.
    The reason comes from the form only; whatever the physician types meanwhile is answer text.
    An answer left in the old AWAITING_REASON status (a tap from before forms) counts as held.
    """
    ref = parse_ref(action.value)
    if ref is None:
        return outcome
    submitted = action.action == compliance.OVERRIDE_SUBMIT
    with services.db.transaction() as session:
        person = person_for_platform_user(session, action.platform, action.user_id)
        answer = session.get(Answer, ref[0], with_for_update=True, populate_existing=True)
        if person is None or answer is None or answer.person_id != person.id:
            return outcome.say("That button isn't for you.")
        if answer.status not in held_notices.HOLDING or answer.prompt.expires_at + late_answers(services) <= now:
            return outcome.say("That answer is no longer held, so there is nothing to confirm.",
                               replace_original=None if submitted else action.message)
        if ref[1] != answer.version:
            return outcome.say("Your answer has changed since then: please check the latest message about it.")
        if not submitted:
            outcome.form = compliance.override_form(services, answer, action.message)
            return outcome
        reason = " ".join(action.fields.get(compliance.REASON_FIELD, "").split())[:compliance.REASON_LIMIT]
        if not reason:
            return outcome.say("Please say why it is fine to share: your answer is still held.")
        kinds = compliance.reason_phi_kinds(services, session, person, reason, answer)
        if kinds:  # never stored, never logged: only that it was refused, and the kinds
            audit.record(session, subject="answer", subject_id=answer.id, action="override_refused", now=now,
                         actor=person, kinds=kinds)
            logger.info("answer %s: It's fine reason refused by the guard (%s)", answer.id, ",".join(kinds))
            outcome.form = compliance.refused_reason_form(services, answer, action.message, kinds)
            return outcome
        compliance.override(services, session, answer, person, reason, now)
        outcome.updates.extend(held_notices.retire(session, answer.id, held_notices.OVERRIDDEN, now,
                                                   here=action.platform))
        return outcome.say(render(services, "overridden"))

"""Screen every answer before anyone else sees it, then hold it or turn it into drafts.

A blocked answer (possible PHI) stays between the physician and the bot: they revise it, or tap
"It's fine", which opens a short form for the reason (`override_form`); submitting it sends the
answer on with a warning badge and an audit row. The reason is screened like an answer: one that
may identify someone is refused in the form and never stored (`reason_phi_kinds`). The reason
never comes from the chat: whatever the physician types in the conversation is answer text,
screened again.
Advice findings don't block: the drafts carry a warning and a suggested rewording. Flagged text
is never logged; findings are stored as kinds and spans.
"""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from datetime import datetime

from sqlalchemy import delete, func, select

from bot import audit
from bot.chat import Button, Form, FormField, MessageRef, OutgoingMessage, versioned_value
from bot.config import PracticeConfig
from bot.review.drafts import render_drafts
from bot.review.kinds import describe_kinds
from bot.screening import ADVICE_KINDS, AllowList, Finding, Screener, Verdict, suggest_rewording
from bot.store import Answer, AnswerStatus, Draft, Person

logger = logging.getLogger(__name__)


def practice_allow_list(practice: PracticeConfig) -> AllowList:
    return AllowList(names=frozenset(practice.names) | frozenset(practice.staff_names),
                     phones=frozenset(practice.phones), urls=frozenset(practice.urls),
                     places=frozenset(practice.places), addresses=frozenset(practice.addresses))


def roster_allow_list(session) -> AllowList:
    """Everyone on the roster is public staff, not a patient: their names and emails are allowed."""
    rows = session.execute(select(Person.name, Person.email)).all()
    return AllowList(names=frozenset(name for name, _ in rows), emails=frozenset(email for _, email in rows))


class ScreenerCache:
    """One Screener per roster version: rebuilt only when people are added or changed."""

    def __init__(self, practice: PracticeConfig):
        self.practice = practice
        self._fingerprint = None
        self._screener: Screener | None = None

    def get(self, session) -> Screener:
        fingerprint = tuple(session.execute(select(func.count(Person.id), func.max(Person.updated_at))).one())
        if self._screener is None or fingerprint != self._fingerprint:
            allow = practice_allow_list(self.practice).merged(roster_allow_list(session))
            self._screener, self._fingerprint = Screener(allow), fingerprint
        return self._screener


def findings_json(verdict: Verdict) -> str:
    return json.dumps([{"kind": f.kind, "start": f.start, "end": f.end, "reason": f.reason}
                       for f in verdict.findings])


OVERRIDE = "answer.override"  # the held notice's It's fine button: opens `override_form`
OVERRIDE_SUBMIT = "answer.override.submit"
REASON_FIELD = "reason"
REASON_LIMIT = 300


def flagged_excerpts(answer: Answer, findings) -> list[dict[str, str]]:
    """The PHI findings as {excerpt, reason}: for the physician's eyes only, never logged."""
    return [{"excerpt": answer.text[f.start:f.end], "reason": f.reason}
            for f in findings if f.category == "phi"]


def held_message(services, answer: Answer, verdict: Verdict) -> OutgoingMessage:
    """Private to the physician: which parts were flagged and why, plus the way forward."""
    flagged = flagged_excerpts(answer, verdict.findings)
    text = services.templates.render("messages/held.txt.j2", flagged=flagged)
    fine = Button("It's fine", OVERRIDE, versioned_value(answer.id, answer.version))
    return OutgoingMessage(text=text, buttons=(fine,))


def override_form(services, answer: Answer, message: MessageRef | None) -> Form:
    """It's fine: the reason is asked in a form, for this version of the answer only.

    The form opens only for the physician who tapped, so its description names the flagged
    excerpts (like the held notice itself). Its value is the version: a form about text that has
    changed since is refused on submit.
    """
    flagged = flagged_excerpts(answer, stored_findings(answer))
    description = services.templates.render("messages/override_form.txt.j2", flagged=flagged).strip()
    reason = FormField(REASON_FIELD, "Why is it fine to share?", multiline=False, max_length=REASON_LIMIT,
                       hint="e.g. the name and details are made up. Don't name or describe anyone here: "
                            "marketing reads this")
    return Form(title="It's fine to share", submit_label="Send on", action=OVERRIDE_SUBMIT,
                value=versioned_value(answer.id, answer.version), fields=(reason,), message=message,
                description=description, on_request=True)


REASON_STORIES = frozenset({"patient_story"})


def reason_phi_kinds(services, session, person: Person, reason: str, answer: Answer | None = None) -> list[str]:
    """The PHI kinds in a reason (It's fine, reject, send back), screened as a note ([] when it may be stored).

    The reason is shown on the card and kept in the audit trail, so it must not identify anyone. It
    is screened with names counted in any casing ('john smith said yes'), and it may not repeat what
    the guard flagged in the answer, in any casing or spacing. A reason is about a patient by nature
    ('the patient agreed in writing'), so the story sense that holds answers about one patient does
    not refuse it: identifiers do.
    """
    verdict = services.screeners.get(session).screen(reason, AllowList(names=frozenset({person.name})),
                                                     purpose="note")
    kinds = {f.kind for f in verdict.findings if f.category == "phi" and f.kind not in REASON_STORIES}
    if answer is not None:
        kinds |= _repeated_kinds(answer, reason)
    return sorted(kinds)


# Kinds whose words are ordinary language ('on Friday', 'ninety-one', 'the photo'): naming them in a
# reason ('Friday is not a patient detail here') identifies no one; their digits still count.
_PLAIN_WORD_KINDS = frozenset({"date", "age_over_89", "biometric", "photo"})


def _repeated_kinds(answer: Answer, reason: str) -> set[str]:
    """Kinds of the answer's flagged excerpts that the reason repeats: a word of four letters or more
    of the excerpt ('OYELARAN' of 'Mrs. Oyelaran'), or its digits however they are spaced."""
    words = set(_bare(reason).split())
    digits = "".join(c for c in reason if c.isdigit())
    kinds = set()
    for finding in json.loads(answer.findings or "[]"):
        if finding.get("kind") in REASON_STORIES or finding.get("kind") in ADVICE_KINDS:
            continue
        excerpt = answer.text[finding.get("start", 0):finding.get("end", 0)]
        excerpt_digits = "".join(c for c in excerpt if c.isdigit())
        said_words = set() if finding.get("kind") in _PLAIN_WORD_KINDS else \
            {w for w in _bare(excerpt).split() if len(w) >= 4 and w.isalpha()} & words
        if said_words or (len(excerpt_digits) >= 4 and excerpt_digits in digits):
            kinds.add(finding["kind"])
    return kinds


def _bare(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in text.casefold()).split())


def refused_reason_form(services, answer: Answer, message: MessageRef | None, kinds: list[str]) -> Form:
    """The It's fine form again, saying why the reason was refused (in kinds, never its text)."""
    why = (f"This reason may identify a patient ({describe_kinds(kinds)}), so it was not saved and your "
           "answer is still held. Say why it is fine without naming or describing anyone.")
    return replace(override_form(services, answer, message), errors=((REASON_FIELD, why),))


def screen_answer(services, session, answer: Answer, person: Person, now: datetime) -> Verdict:
    """Screen the whole current answer; hold it, or mark it ready and (re)render its drafts."""
    screener = services.screeners.get(session)
    verdict = screener.screen(answer.text, AllowList(names=frozenset({person.name})))
    answer.verdict, answer.findings, answer.screened_at = verdict.verdict, findings_json(verdict), now
    kinds = sorted({f.kind for f in verdict.findings})
    audit.record(session, subject="answer", subject_id=answer.id, action="screened", now=now,
                 verdict=verdict.verdict, kinds=kinds)
    if verdict.verdict == "block":
        answer.status = AnswerStatus.HELD
        audit.record(session, subject="answer", subject_id=answer.id, action="held", now=now, kinds=kinds)
        logger.info("answer %s held by the guard (%s)", answer.id, ",".join(kinds))
        return verdict
    advice = [f for f in verdict.findings if f.category == "advice"]
    answer.advice_suggestion = suggest_rewording(answer.text, advice) if advice else ""
    mark_ready(services, session, answer, person, now)
    return verdict


def mark_ready(services, session, answer: Answer, person: Person, now: datetime) -> None:
    answer.status = AnswerStatus.READY
    save_drafts(services, session, answer, person, now)
    audit.record(session, subject="answer", subject_id=answer.id, action="drafted", now=now,
                 verdict=answer.verdict, overridden=answer.override_reason is not None)


def save_drafts(services, session, answer: Answer, person: Person, now: datetime) -> list[Draft]:
    """Render every channel's draft from the templates and store it (replacing older drafts)."""
    prompt = answer.prompt
    drafts = render_drafts(services.templates, services.config.practice, services.config.drafts,
                           physician_name=person.name, specialty=person.specialty,
                           public_topic=prompt.question.public_topic, answer_text=answer.text,
                           week=prompt.week)
    session.execute(delete(Draft).where(Draft.answer_id == answer.id))
    rows = [Draft(answer_id=answer.id, channel=d.channel, text=d.text, original_text=d.text, length=d.length,
                  limit=d.limit, fits=d.fits, problem=d.problem, created_at=now, updated_at=now) for d in drafts]
    session.add_all(rows)
    return rows


def stored_findings(answer: Answer) -> list[Finding]:
    """The answer's findings as screened (kinds and spans, as stored), for the card and rewording."""
    return [Finding(kind=f["kind"], start=f["start"], end=f["end"], reason=f.get("reason", ""))
            for f in json.loads(answer.findings or "[]")]


def override(services, session, answer: Answer, person: Person, reason: str, now: datetime) -> None:
    """The physician says the flagged parts are fine: send on with their reason, audited.

    The override covers the PHI hold only: advice found in the same answer still gets its warning
    and suggested rewording on the card.
    """
    answer.override_reason, answer.overridden_at = reason, now
    advice = [f for f in stored_findings(answer) if f.category == "advice"]
    answer.advice_suggestion = suggest_rewording(answer.text, advice) if advice else ""
    audit.record(session, subject="answer", subject_id=answer.id, action="overridden", now=now, actor=person,
                 reason=reason, kinds=sorted({f["kind"] for f in json.loads(answer.findings)}))
    mark_ready(services, session, answer, person, now)

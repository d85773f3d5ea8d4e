"""A week with known counts for the digest and `rounds report` (times in UTC; practice in New York).

The digest due Thu 2026-11-26 14:00 New York (19:00 UTC) covers [Nov 19 19:00Z, Nov 26 19:00Z);
the week before is [Nov 12 19:00Z, Nov 19 19:00Z).
"""

from __future__ import annotations

from datetime import date

from bot.store import Answer, AnswerStatus, AuditEvent, Draft, Person, Prompt, PromptStatus, Question, ReviewStatus
from tests.conftest import utc

DIGEST_DUE = utc(2026, 11, 26, 19, 0)
CREATED = utc(2026, 11, 1)


def _person(session, name, email, roles="physician", user=None, **extra) -> Person:
    person = Person(email=email, name=name, roles=roles, specialty="", timezone="America/New_York", weekday=1,
                    local_time="09:00", slack_user_id=user, created_at=CREATED, updated_at=CREATED, **extra)
    session.add(person)
    session.flush()
    return person


def _prompt(session, person, question, week, sent, answered=None) -> Prompt:
    prompt = Prompt(person_id=person.id, week=week, question_id=question.id,
                    status=PromptStatus.ANSWERED if answered else PromptStatus.SENT, due_at=sent,
                    expires_at=utc(2026, 12, 31), sent_at=sent, sends=1, answered_at=answered)
    session.add(prompt)
    session.flush()
    return prompt


def _answer(session, prompt, submitted, decided, status) -> Answer:
    answer = Answer(prompt_id=prompt.id, person_id=prompt.person_id, text="An answer.", status=AnswerStatus.READY,
                    verdict="ok", review_status=status, submitted_at=submitted, decided_at=decided,
                    decided_by="Sam Ortiz", created_at=submitted, updated_at=decided)
    session.add(answer)
    session.flush()
    return answer


def build(services) -> dict[str, int]:
    """Insert the scenario; returns ids by name."""
    with services.db.transaction() as session:
        question = Question(specialty="", text="What do patients ask?", created_at=CREATED)
        session.add(question)
        session.flush()
        lee = _person(session, "Dr. Ana Lee", "lee@example.org", user="U0LEE0001")
        kim = _person(session, "Dr. Bo Kim", "kim@example.org", user="U0KIM0001")
        _person(session, "Dr. Opt Out", "opt@example.org", opted_out_at=utc(2026, 11, 2))
        _person(session, "Dr. Pau Sed", "pau@example.org", paused_until=date(2026, 12, 10))
        _person(session, "Sam Ortiz", "sam@example.org", roles="approver", user="U0SAM0001")
        # This week: two sent, one answered (held for PHI, overridden, approved 2 h after submission).
        p1 = _prompt(session, lee, question, "2026-W48", utc(2026, 11, 24, 14), utc(2026, 11, 24, 15))
        _prompt(session, kim, question, "2026-W48", utc(2026, 11, 24, 14))
        a1 = _answer(session, p1, utc(2026, 11, 24, 15, 30), utc(2026, 11, 24, 17, 30), ReviewStatus.APPROVED)
        a1.overridden_at = utc(2026, 11, 24, 15, 30)
        session.add(AuditEvent(at=utc(2026, 11, 24, 15), actor="rounds", subject="answer", subject_id=a1.id,
                               action="held", detail="{}"))
        # Last week: two sent, both answered; one rejected last week, one approved this week (3 days).
        p2 = _prompt(session, lee, question, "2026-W47", utc(2026, 11, 17, 14), utc(2026, 11, 17, 16))
        p3 = _prompt(session, kim, question, "2026-W47", utc(2026, 11, 17, 14), utc(2026, 11, 18, 10))
        a2 = _answer(session, p2, utc(2026, 11, 17, 16), utc(2026, 11, 20, 16), ReviewStatus.APPROVED)
        _answer(session, p3, utc(2026, 11, 18, 10), utc(2026, 11, 18, 12), ReviewStatus.REJECTED)
        # Three weeks ago: one sent, answered, approved (only in the chart).
        p4 = _prompt(session, lee, question, "2026-W46", utc(2026, 11, 10, 14), utc(2026, 11, 10, 15))
        _answer(session, p4, utc(2026, 11, 10, 15), utc(2026, 11, 11, 15), ReviewStatus.APPROVED)
        # Next week's posts.
        for answer, channel, slot in ((a1, "facebook", utc(2026, 11, 30, 15)), (a2, "x", utc(2026, 12, 2, 15))):
            session.add(Draft(answer_id=answer.id, channel=channel, text="A post.", length=7, slot_at=slot,
                              created_at=CREATED, updated_at=CREATED))
        return {"lee": lee.id, "kim": kim.id}

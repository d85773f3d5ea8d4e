"""The practice's social-media policy: read and acknowledged before Rounds sends anything else.

With `[policy] url` set, every person gets the policy with an **I have read it** button before
their first question, inbox reminder or approval. Until they tap it:
- their other DMs wait in the outbox (`bot.outbox.awaiting_policy`), nothing is dropped;
- whatever they write or tap is answered with the policy again.
Acknowledgements (and resets) are in the audit trail. `rounds policy reset` clears every
acknowledgement and bumps `policy_round`, so the policy is sent once more to everyone.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from bot import audit
from bot.chat import ActionEvent, Button, Outcome, OutgoingMessage
from bot.outbox import POLICY_KEY_PREFIX, enqueue
from bot.people import address, person_for_platform_user
from bot.store import OutboxMessage, OutboxStatus, Person

logger = logging.getLogger(__name__)

ACKNOWLEDGE = "policy.ack"


def required(services) -> bool:
    return bool(services.config.policy.url)


def needs_policy(services, person: Person | None) -> bool:
    """True while this person must acknowledge the policy before anything else."""
    return required(services) and person is not None and person.policy_acknowledged_at is None


def policy_message(services, person: Person) -> OutgoingMessage:
    policy = services.config.policy
    practice = services.config.practice.name or "the practice"
    lines = [f"Before Rounds sends you anything, please read {practice}'s social-media policy:", policy.url]
    if policy.summary:
        lines += ["", policy.summary]
    lines += ["", "Tap “I have read it” when you have; until then Rounds will send you nothing else."]
    return OutgoingMessage(text="\n".join(lines),
                           buttons=(Button("I have read it", ACKNOWLEDGE, str(person.policy_round), "primary"),))


def policy_key(person: Person) -> str:
    return f"{POLICY_KEY_PREFIX}{person.id}:{person.policy_round}"


def send_policy_requests(services, now: datetime) -> int:
    """Queue the policy for each unacknowledged person with a DM waiting for them (once per round)."""
    if not required(services):
        return 0
    queued = 0
    with services.db.transaction() as session:
        waiting = select(OutboxMessage.recipient).where(
            OutboxMessage.status == OutboxStatus.PENDING, OutboxMessage.recipient_kind == "user",
            ~OutboxMessage.key.startswith(POLICY_KEY_PREFIX))
        people = session.scalars(select(Person).where(
            Person.active.is_(True), Person.policy_acknowledged_at.is_(None),
            or_(Person.slack_user_id.in_(waiting), func.lower(Person.email).in_(waiting)))).all()
        for person in people:
            recipient = address(services, person)
            if recipient and enqueue(session, key=policy_key(person), platform=services.platform,
                                     recipient=recipient, message=policy_message(services, person), now=now):
                audit.record(session, subject="person", subject_id=person.id, action="policy_sent", now=now,
                             round=person.policy_round)
                queued += 1
    return queued


def policy_reply(services, person: Person, outcome: Outcome | None = None) -> Outcome:
    """What a person who has not acknowledged gets, whatever they wrote or tapped."""
    message = policy_message(services, person)
    return (outcome or Outcome()).say(message.text, buttons=message.buttons)


def acknowledge(services, action: ActionEvent, now: datetime) -> Outcome:
    """'I have read it': recorded once per round, audited; waiting messages go out next tick."""
    outcome = Outcome()
    with services.db.transaction() as session:
        person = person_for_platform_user(session, action.platform, action.user_id)
        if person is None:
            return outcome.say("You are not on this practice's roster.")
        if person.policy_acknowledged_at is None:
            person.policy_acknowledged_at, person.updated_at = now, now
            audit.record(session, subject="person", subject_id=person.id, action="policy_acknowledged", now=now,
                         actor=person, round=person.policy_round, url=services.config.policy.url)
        return outcome.say("Thank you. Rounds will now send you your messages as usual.",
                           replace_original=action.message)


def reset(session: Session, now: datetime) -> int:
    """Ask everyone again (after the policy changed); returns how many people were reset."""
    result = session.execute(update(Person).where(Person.active.is_(True))
                             .values(policy_acknowledged_at=None, policy_round=Person.policy_round + 1,
                                     updated_at=now))
    audit.record(session, subject="policy", subject_id=0, action="policy_reset", now=now, people=result.rowcount)
    return result.rowcount


def policy_status(services, person: Person) -> str:
    """For `rounds roster list`: acknowledged (date), or waiting, or '-' when no policy is set."""
    if not required(services):
        return "-"
    if person.policy_acknowledged_at is None:
        return "not yet: nothing sent"
    return f"read {person.policy_acknowledged_at:%Y-%m-%d}"

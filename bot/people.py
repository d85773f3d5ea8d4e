"""Who someone is on each platform: one lookup shared by the weekly loop, review and the roster."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.store import ConversationReference, Person


def find_person_by_email(session: Session, email: str) -> Person | None:
    statement = select(Person).where(func.lower(Person.email) == email.strip().lower())
    return session.scalars(statement).first()


def person_for_platform_user(session: Session, platform: str, user_id: str) -> Person | None:
    """The person behind a platform user id (Slack member id; the console uses the email)."""
    if platform == "slack":
        return session.scalars(select(Person).where(Person.slack_user_id == user_id)).first()
    if platform == "teams":  # the AAD object id, the same in every team and chat of the tenant
        return session.scalars(select(Person).where(Person.teams_user_id == user_id)).first()
    if platform == "console":
        return find_person_by_email(session, user_id)
    raise ValueError(f"people are not linked to {platform!r} users yet (known: slack, teams, console)")


def address(services, person: Person) -> str | None:
    """The person's user id on the platform people are reached on."""
    if services.platform == "slack":
        return person.slack_user_id
    if services.platform == "teams":
        return person.teams_user_id
    return person.email


def unreachable_people(session: Session, platform: str) -> dict[int, str]:
    """Active people Rounds cannot message on `platform`, with why (id → reason).

    Only platforms that write into conversations they have seen (Teams) can be blocked this
    way; on Slack and the console everyone with an id is reachable. Reported by
    `rounds roster list` and /healthz, so nobody is skipped silently.
    """
    if platform != "teams":
        return {}
    people = session.scalars(select(Person).where(Person.active.is_(True))).all()
    references = {ref.user_id: ref for ref in session.scalars(
        select(ConversationReference).where(ConversationReference.platform == platform,
                                            ConversationReference.kind == "personal"))}
    reasons = {}
    for person in people:
        reference = references.get(person.teams_user_id) if person.teams_user_id else None
        if not person.teams_user_id:
            reasons[person.id] = "no teams_user_id (not seen in Teams yet)"
        elif reference is None:
            reasons[person.id] = "app not installed for them yet"
        elif reference.unreachable_at is not None:
            reasons[person.id] = f"unreachable: {reference.unreachable_reason or 'refused'}"
    return reasons


def display_names(services, platform: str, user_ids: list[str]) -> dict[str, str]:
    """{user id: name} for the roster members among `user_ids` (mentions in a message)."""
    if platform != "slack" or not user_ids:
        return {}
    with services.db.transaction() as session:
        rows = session.execute(select(Person.slack_user_id, Person.name)
                               .where(Person.slack_user_id.in_(user_ids))).all()
    return {user_id: name for user_id, name in rows}

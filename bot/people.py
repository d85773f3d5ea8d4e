"""Who someone is on each platform: one lookup shared by the weekly loop, review and the roster."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.store import Person


def find_person_by_email(session: Session, email: str) -> Person | None:
    statement = select(Person).where(func.lower(Person.email) == email.strip().lower())
    return session.scalars(statement).first()


def person_for_platform_user(session: Session, platform: str, user_id: str) -> Person | None:
    """The person behind a platform user id (Slack member id; the console uses the email)."""
    if platform == "slack":
        return session.scalars(select(Person).where(Person.slack_user_id == user_id)).first()
    if platform == "console":
        return find_person_by_email(session, user_id)
    raise ValueError(f"people are not linked to {platform!r} users yet (known: slack, console)")


def address(services, person: Person) -> str | None:
    """The person's user id on the platform people are reached on."""
    if services.platform == "slack":
        return person.slack_user_id
    return person.email


def display_names(services, platform: str, user_ids: list[str]) -> dict[str, str]:
    """{user id: name} for the roster members among `user_ids` (mentions in a message)."""
    if platform != "slack" or not user_ids:
        return {}
    with services.db.transaction() as session:
        rows = session.execute(select(Person.slack_user_id, Person.name)
                               .where(Person.slack_user_id.in_(user_ids))).all()
    return {user_id: name for user_id, name in rows}

"""Roster members as the console shows them and finds them from what was typed after `:as`.

A `Member` is a plain snapshot of a `Person` row, so the console never keeps a live ORM object
across the short transactions of the core.
"""

from __future__ import annotations

import dataclasses

from bot.store import Person
from handlers.console.render import safe

REVIEW_ROLES = frozenset({"approver", "lead"})
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclasses.dataclass(frozen=True)
class Member:
    """A roster row as the console needs it (no live ORM object kept across transactions)."""

    email: str
    name: str
    roles: str
    specialty: str
    timezone: str
    weekday: int
    local_time: str
    active: bool
    opted_out: bool

    @classmethod
    def of(cls, person: Person) -> Member:
        return cls(person.email, person.name, person.roles, person.specialty, person.timezone,
                   person.weekday, person.local_time, person.active,
                   person.opted_out_at is not None)

    @property
    def reviews(self) -> bool:
        """Approvers and leads watch #marketing: its new messages are shown to them in full."""
        return bool(REVIEW_ROLES & set(self.roles.split(";")))

    def describe(self) -> str:
        roles = ", ".join(r for r in self.roles.split(";") if r) or "no role"
        extra = f" ({self.specialty})" if self.specialty else ""
        state = "" if self.active else "  [left the roster]"
        state += "  [opted out]" if self.opted_out else ""
        when = f"{WEEKDAY_NAMES[self.weekday % 7]} {self.local_time} {self.timezone}"
        return f"{safe(self.name)} <{safe(self.email)}>: {roles}{extra}, {when}{state}"


def match_members(members, who: str):
    """Exact email or name first; otherwise a prefix of the email, the name or a word of it."""
    wanted = who.strip().lower()
    exact = [m for m in members if wanted in (m.email.lower(), m.name.lower())]
    if exact:
        return exact

    def words(member) -> list[str]:
        return [member.name.lower(), member.email.lower()] + [
            w.strip(".,") for w in member.name.lower().split()
        ]

    return [m for m in members if any(w.startswith(wanted) for w in words(m))]

"""Reply templates for patients' messages: `templates/replies/<kind>.txt.j2`, one per kind of message.

None gives advice or confirms that the writer is a patient; each invites them to call the
practice's public phone from `[practice]`. An override folder (`[drafts] templates_dir`) may
change them or add kinds: a file `replies/<kind>.txt.j2` there is picked up by name.
"""

from __future__ import annotations

from dataclasses import dataclass

TITLES = {
    "medical-advice": "Asks for medical advice",
    "complaint": "Complaint or negative review",
    "appointment": "Appointment request",
    "compliment": "Compliment or thanks",
    "emergency": "Possible emergency",
}
ORDER = tuple(TITLES)


@dataclass(frozen=True)
class ReplyTemplate:
    kind: str
    title: str
    text: str


def kinds(services) -> list[str]:
    """Shipped kinds in their usual order, then any added by an override folder."""
    found = [name.removeprefix("replies/").removesuffix(".txt.j2") for name in services.templates.names("replies")
             if name.endswith(".txt.j2")]
    return [kind for kind in ORDER if kind in found] + sorted(set(found) - set(ORDER))


def render_reply(services, kind: str) -> ReplyTemplate:
    practice = services.config.practice
    text = services.templates.render(f"replies/{kind}.txt.j2", practice=practice.name, phone=practice.phone,
                                     url=practice.url)
    return ReplyTemplate(kind, TITLES.get(kind, kind.replace("-", " ").capitalize()), text)


def all_replies(services) -> list[ReplyTemplate]:
    return [render_reply(services, kind) for kind in kinds(services)]


def replies_text(services) -> str:
    """Every template as one private message: a title line, then the text to copy."""
    parts = ["Reply templates (copy, adjust, then use Check a reply before posting):"]
    for reply in all_replies(services):
        parts.append(f"— {reply.title} —\n{reply.text}")
    return "\n\n".join(parts)

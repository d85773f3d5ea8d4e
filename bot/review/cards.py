"""What the marketing channel and the physician see during review: the card and its messages."""

from __future__ import annotations

import json

from sqlalchemy import select

from bot import weeks
from bot.chat import Button, Card, CardSection, Form, FormField, MessageRef, OutgoingMessage, versioned_value
from bot.store import Answer, AnswerStatus, Draft, OutboxMessage, ReviewStatus

CHANNEL_LABELS = {"facebook": "Facebook", "instagram": "Instagram", "x": "X", "linkedin": "LinkedIn",
                  "blog": "Blog / newsletter"}
DECISION_WORDS = {
    ReviewStatus.APPROVED: "Approved", ReviewStatus.REJECTED: "Rejected", ReviewStatus.SENT_BACK: "Sent back",
    ReviewStatus.AWAITING_SIGNOFF: "Edited, waiting for the physician's OK",
}


def channel_label(channel: str) -> str:
    return CHANNEL_LABELS.get(channel, channel.replace("_", " ").title())


def card_key(answer: Answer) -> str:
    return f"card:{answer.id}:{answer.review_round}"


def card_ref(session, answer: Answer) -> MessageRef | None:
    """Where this round's card was posted (from the outbox), once it has been delivered."""
    row = session.scalars(select(OutboxMessage).where(OutboxMessage.key == card_key(answer))).first()
    if row is None or row.sent_ts is None:
        return None
    return MessageRef(row.sent_channel, row.sent_ts)


def drafts_of(session, answer: Answer) -> list[Draft]:
    return list(session.scalars(select(Draft).where(Draft.answer_id == answer.id).order_by(Draft.channel)))


def badge(answer: Answer) -> str:
    if answer.override_reason is not None:
        kinds = sorted({f["kind"] for f in json.loads(answer.findings or "[]") if f["kind"] != "advice"})
        return f"⚠ PHI override ({', '.join(kinds)}): \"{answer.override_reason}\""
    if answer.verdict == "warn":
        suggestion = f" Suggested: \"{answer.advice_suggestion}\"" if answer.advice_suggestion else ""
        return f"⚠ Advice warning: part of the answer reads like individual medical advice.{suggestion}"
    return "✓ Clean: no patient details or individual advice found"


def decision_footer(answer: Answer, tz: str) -> str:
    if answer.review_status in (None, ReviewStatus.PENDING):
        return "Waiting for approval"
    when = weeks.describe_local(answer.decided_at, tz) if answer.decided_at else ""
    note = f": {answer.decision_note}" if answer.decision_note else ""
    return f"{DECISION_WORDS[answer.review_status]} by {answer.decided_by}, {when}{note}"


def answer_value(answer: Answer) -> str:
    """What the card's buttons and forms carry: the answer *and* the version they show."""
    return versioned_value(answer.id, answer.version)


def withdrawn_message(answer: Answer) -> OutgoingMessage:
    """The card while its answer is held for revision: who and which week, no text, no buttons."""
    person = answer.prompt.person
    title = f"{person.name}: drafts for {answer.prompt.week}"
    footer = "Withdrawn — the answer is being revised. A new card follows when it is ready."
    return OutgoingMessage(text=f"{title}. {footer}", card=Card(title=title, footer=footer))


def card_message(services, session, answer: Answer) -> OutgoingMessage:
    """The approval card: who, the question and answer, every draft, the guard's badge, buttons.

    Only a READY answer (screened clean, advice warning, or overridden) is ever shown: for any
    other state the card is the withdrawn notice, so held text can't reach the channel even if
    a caller renders at the wrong moment.
    """
    if answer.status != AnswerStatus.READY:
        return withdrawn_message(answer)
    person, question = answer.prompt.person, answer.prompt.question
    specialty = f" ({person.specialty})" if person.specialty else ""
    sections = [CardSection("Question", question.text), CardSection("Answer", answer.text)]
    for draft in drafts_of(session, answer):
        limit = f"{draft.length}/{draft.limit}" if draft.limit else f"{draft.length} chars"
        problem = f" ⚠ {draft.problem}" if draft.problem else ""
        edited = ", edited" if draft.edited else ""
        sections.append(CardSection(f"{channel_label(draft.channel)} ({limit}{edited}){problem}", draft.text))
    footer = decision_footer(answer, services.config.practice.timezone)
    value = answer_value(answer)
    buttons = ()
    if answer.review_status == ReviewStatus.PENDING:
        buttons = (Button("Approve", "review.approve", value, "primary"), Button("Edit", "review.edit", value),
                   Button("Reject", "review.reject", value, "danger"), Button("Send back", "review.sendback", value))
    title = f"{person.name}{specialty}: drafts for {answer.prompt.week}"
    text = f"{title}. {footer}."
    return OutgoingMessage(text=text, buttons=buttons,
                           card=Card(title=title, sections=tuple(sections), badge=badge(answer), footer=footer))


def edit_form(session, answer: Answer, message: MessageRef | None) -> Form:
    fields = tuple(FormField(name=draft.channel, label=channel_label(draft.channel), initial=draft.text,
                             max_length=2900) for draft in drafts_of(session, answer))
    then = FormField(name="then", label="Then", multiline=False,
                     options=(("Save and approve", "approve"), ("Save only", "save")), initial="approve")
    return Form(title="Edit drafts", submit_label="Save", action="review.edit.submit", value=answer_value(answer),
                fields=fields + (then,), message=message)


def reason_form(answer: Answer, kind: str, message: MessageRef | None) -> Form:
    name = answer.prompt.person.name
    if kind == "reject":
        return Form(title="Reject drafts", submit_label="Reject", action="review.reject.submit",
                    value=answer_value(answer), message=message,
                    fields=(FormField("reason", f"Why? ({name} will see this)", max_length=500),))
    return Form(title="Send back", submit_label="Send back", action="review.sendback.submit",
                value=answer_value(answer), message=message,
                fields=(FormField("reason", f"What should {name} change?", max_length=500),))


def approved_message(services, answer: Answer, drafts: list[Draft]) -> OutgoingMessage:
    tz = services.config.practice.timezone
    posts = [{"channel": channel_label(d.channel), "text": d.text,
              "slot": weeks.describe_local(d.slot_at, tz) if d.slot_at else "not scheduled"} for d in drafts]
    text = services.templates.render("messages/approved.txt.j2", posts=posts, answer=answer)
    buttons = () if services.config.prompts.self_post else (
        Button("Send me the text to post myself", "review.selfpost", str(answer.id)),)
    return OutgoingMessage(text=text, buttons=buttons)


def self_post_message(services, drafts: list[Draft]) -> OutgoingMessage:
    mine = [d for d in drafts if d.channel in ("linkedin", "x")] or drafts
    posts = [{"channel": channel_label(d.channel), "text": d.text} for d in mine]
    return OutgoingMessage(text=services.templates.render("messages/self_post.txt.j2", posts=posts))


def current_card(services, session, answer: Answer) -> list[tuple[MessageRef, OutgoingMessage]]:
    """Bring this round's card up to the answer's current version (or withdraw it).

    A card still waiting in the outbox gets the new snapshot as its payload; a delivered one is
    returned as an update for the adapter to apply now. Nothing when no card was queued.
    """
    row = session.scalars(select(OutboxMessage).where(OutboxMessage.key == card_key(answer))
                          .with_for_update()).first()
    if row is None:
        return []
    message = card_message(services, session, answer)
    if row.sent_ts is None:
        row.payload = OutgoingMessage(**{**message.__dict__, "key": row.key}).to_json()
        return []
    return [(MessageRef(row.sent_channel, row.sent_ts), message)]

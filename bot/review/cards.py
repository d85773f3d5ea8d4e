"""What the marketing channel and the physician see during review: the card and its messages.

Everything here is read on a phone: the card shows the answer, the badges, its id (for `rounds
drafts show`) and one draft in full, with the others one line each and "Show all drafts" one
tap away; the physician's approval notice is two or three lines.
"""

from __future__ import annotations

import json

from sqlalchemy import select

from bot import weeks
from bot.chat import Button, Card, CardSection, Form, FormField, MessageRef, OutgoingMessage, versioned_value
from bot.review.kinds import describe_kinds
from bot.review.limits import hard_problems
from bot.screening import ADVICE_KINDS
from bot.store import Answer, AnswerStatus, Draft, OutboxMessage, ReviewStatus

CHANNEL_LABELS = {"facebook": "Facebook", "instagram": "Instagram", "x": "X", "linkedin": "LinkedIn",
                  "blog": "Blog / newsletter"}
LEAD_DRAFT_ORDER = ("facebook", "linkedin", "instagram", "x", "blog")  # the one shown in full
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


def has_advice(answer: Answer) -> bool:
    return bool(answer.advice_suggestion) or answer.verdict == "warn"


def badge(answer: Answer, drafts: list[Draft] = ()) -> str:
    """Every finding that still matters, one line each: an override never hides the advice warning, and
    advice an edit added to a draft is on the badge too (the card never says Clean above it)."""
    from bot.review.edit_screen import ADVICE_NOTE
    from bot.review.limits import channel_label

    lines = []
    if answer.override_reason is not None:
        kinds = {f["kind"] for f in json.loads(answer.findings or "[]") if f["kind"] not in ADVICE_KINDS}
        what = f" ({describe_kinds(kinds)})" if kinds else ""
        lines.append(f"⚠ PHI override{what}: \"{answer.override_reason}\"")
    if has_advice(answer):
        suggestion = f" Suggested: \"{answer.advice_suggestion}\"" if answer.advice_suggestion else ""
        lines.append(f"⚠ Advice warning: part of the answer reads like individual medical advice.{suggestion}")
    edited = sorted(channel_label(d.channel) for d in drafts if d.problem == ADVICE_NOTE)
    if edited:
        lines.append(f"⚠ Advice warning: an edit made the {', '.join(edited)} draft read like individual "
                     "medical advice.")
    return "\n".join(lines) or "✓ Clean: no patient details or individual advice found"


def draft_status(draft: Draft) -> str:
    """"X (thread of 2, longest 262/280, edited) ⛔ …" : what a reviewer needs to know in one line."""
    from bot.review.limits import thread_parts

    parts = len(thread_parts(draft.channel, draft.text))
    size = f"{draft.length}/{draft.limit}" if draft.limit else f"{draft.length} chars"
    if parts > 1:
        size = f"thread of {parts}, longest {size}"
    edited = ", edited" if draft.edited else ""
    blocking = hard_problems(draft.channel, draft.text)
    note = f" ⛔ {blocking[0]}" if blocking else (f" ⚠ {draft.problem}" if draft.problem else "")
    return f"{channel_label(draft.channel)} ({size}{edited}){note}"


def lead_draft(drafts: list[Draft]) -> Draft | None:
    """The draft shown in full: one over a hard limit (it needs attention), else the latest edit
    (what changed), else by channel."""
    if not drafts:
        return None
    rank = {channel: index for index, channel in enumerate(LEAD_DRAFT_ORDER)}
    edited = max((d.updated_at for d in drafts if d.edited), default=None)
    return min(drafts, key=lambda d: (not hard_problems(d.channel, d.text),
                                      not (d.edited and d.updated_at == edited),
                                      rank.get(d.channel, 99), d.channel))


def held_summary(answer: Answer) -> str:
    """Why an answer that is not READY shows no text: held, and why in kinds only (never the text)."""
    kinds = {f["kind"] for f in json.loads(answer.findings or "[]") if f["kind"] not in ADVICE_KINDS}
    why = f" ({describe_kinds(kinds)})" if kinds else ""
    return (f"Answer {answer.id} is held: the guard found what may identify a patient{why}. Its text is not "
            "shown and its drafts are withdrawn until the physician revises it or says it is fine.")


def all_drafts_text(answer: Answer, drafts: list[Draft]) -> str:
    """Every draft in full as readable text (the "Show all drafts" reply and console `:drafts`).

    Drafts are of the current version only: while the answer is held they are those of an earlier
    version (withdrawn), and the answer's text may not be shown, so only the hold is described.
    """
    if answer.status != AnswerStatus.READY:
        return held_summary(answer)
    blocks = [f"All drafts for answer {answer.id}:"]
    blocks += [f"{draft_status(draft)}\n{draft.text}" for draft in drafts]
    return "\n\n".join(blocks)


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
    """The approval card: who, the answer, the badges, one draft in full, the others one line each.

    Only a READY answer (screened clean, advice warning, or overridden) is ever shown: for any
    other state the card is the withdrawn notice, so held text can't reach the channel even if
    a caller renders at the wrong moment.
    """
    if answer.status != AnswerStatus.READY:
        return withdrawn_message(answer)
    person = answer.prompt.person
    specialty = f" ({person.specialty})" if person.specialty else ""
    sections = [CardSection("Answer", answer.text)]
    drafts = drafts_of(session, answer)
    shown = lead_draft(drafts)
    if shown is not None:
        sections.append(CardSection(draft_status(shown), shown.text))
        others = [draft_status(d) for d in drafts if d is not shown]
        if others:
            sections.append(CardSection("Other drafts (tap Show all drafts)", "\n".join(others)))
    footer = decision_footer(answer, services.config.practice.timezone)
    value = answer_value(answer)
    buttons: tuple[Button, ...] = ()
    if answer.review_status == ReviewStatus.PENDING:
        buttons = (Button("Approve", "review.approve", value, "primary"), Button("Edit", "review.edit", value),
                   Button("Reject", "review.reject", value, "danger"), Button("Send back", "review.sendback", value))
        if has_advice(answer) and answer.advice_suggestion:
            buttons += (Button("Use suggested wording", "review.reword", value),)
        buttons += (Button("Show all drafts", "review.show", value),)
    title = f"{person.name}{specialty}: drafts for {answer.prompt.week} (answer {answer.id})"
    text = f"{title}. {footer}."
    return OutgoingMessage(text=text, buttons=buttons,
                           card=Card(title=title, sections=tuple(sections), badge=badge(answer, drafts), footer=footer))


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
    """Two or three lines for the physician: which channels, when, by whom (not the posts again)."""
    tz = services.config.practice.timezone
    scheduled = sorted((d for d in drafts if d.slot_at), key=lambda d: d.slot_at)
    posts = [{"channel": channel_label(d.channel), "when": weeks.describe_local(d.slot_at, tz)} for d in scheduled]
    unscheduled = [channel_label(d.channel) for d in drafts if not d.slot_at]
    text = services.templates.render("messages/approved.txt.j2", posts=posts, unscheduled=unscheduled,
                                     decided_by=answer.decided_by or "marketing")
    buttons = () if services.config.prompts.self_post else (
        Button("Send me the text to post myself", "review.selfpost", str(answer.id)),)
    return OutgoingMessage(text=text, buttons=buttons)


def self_post_message(services, drafts: list[Draft]) -> OutgoingMessage:
    mine = [d for d in drafts if d.channel in ("linkedin", "x")] or drafts
    posts = [{"channel": channel_label(d.channel), "text": d.text} for d in mine]
    return OutgoingMessage(text=services.templates.render("messages/self_post.txt.j2", posts=posts))


def all_drafts_for(services, answer_id: int) -> str | None:
    """`all_drafts_text` for an answer id (None: no such answer), for adapters' own commands."""
    with services.db.transaction() as session:
        answer = session.get(Answer, answer_id)
        return None if answer is None else all_drafts_text(answer, drafts_of(session, answer))


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

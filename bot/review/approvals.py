"""One-tap approval: Approve, Edit, Reject, Send back on the card; only approvers; one decision.

Approvers are the roster's "approver" and "lead" roles (escalations go to the leads, or to the
other approvers, configured user ids included, when the answer is the only lead's own: see
`reminders`), configured user ids, or the configured group. A draft over a
platform's hard limit is never approved: Approve says why and offers Edit.

A card is a snapshot of one version of the answer: its buttons and forms carry "id:version".
Every decision is a compare-and-set on (id, version, review status, READY) — UPDATE … WHERE …
RETURNING — so double clicks, two approvers at once and Slack retries produce exactly one
decision, and a click on a card whose answer changed since (or is held) decides nothing: the
approver is told privately and the card is brought up to date. The others are told privately
who decided and when. Messages to the physician go
through the outbox (exactly once); the card is updated for everyone through `Outcome.updates`.
"""

from __future__ import annotations

import difflib
import logging
from dataclasses import replace
from datetime import datetime

from sqlalchemy import select, update

from bot import audit, weeks
from bot.chat import ActionEvent, Button, Outcome, parse_ref
from bot.config import is_user_id_on
from bot.outbox import enqueue
from bot.people import address, person_for_platform_user
from bot.review.cards import (
    all_drafts_text,
    answer_value,
    approved_message,
    card_message,
    card_ref,
    channel_label,
    current_card,
    drafts_of,
    edit_form,
    reason_form,
    self_post_message,
)
from bot.review.edit_screen import ADVICE_NOTE, advice_warning, refusals, screen_edits
from bot.review.limits import hard_problems, measure
from bot.store import Answer, AnswerStatus, Draft, Person, ReviewStatus

logger = logging.getLogger(__name__)

SUBSTANTIAL_EDIT = 0.8  # similarity below this sends an edit back to the physician (physician_signoff)
CARD_ACTIONS = {"review.approve", "review.edit", "review.reject", "review.sendback", "review.edit.submit",
                "review.reject.submit", "review.sendback.submit", "review.reword", "review.show"}
APPROVER_ROLES = frozenset({"approver", "lead"})
PHYSICIAN_ACTIONS = {"review.signoff", "review.selfpost"}


def is_approver(services, person: Person | None, platform: str, user_id: str) -> bool:
    """Roster role "approver" or "lead", a configured user id, or a member of the configured user group."""
    if person is not None and person.role_set & APPROVER_ROLES:
        return True
    approvals = services.config.approvals
    if user_id in approvals.approvers:
        return True
    if approvals.approver_group and platform in services.chats:
        members = getattr(services.chats[platform], "group_members", None)
        if members is not None:
            return user_id in members(approvals.approver_group)
    return False


def approvers_by_id_only(services, session) -> list[str]:
    """The `[approvals] approvers` ids, on the platform people are reached on, of nobody on the roster:
    they may approve, and their id is the only way to reach them (an escalation asks them too)."""
    ids = [i for i in services.config.approvals.approvers if is_user_id_on(services.platform, i)]
    if not ids:
        return []
    on_roster = {address(services, person) for person in session.scalars(select(Person))}
    return [i for i in ids if i not in on_roster]


def actor_name(services, person: Person | None, user_id: str) -> str:
    return person.name if person is not None else f"<{user_id}>"


def decide(session, answer_id: int, version: int, new_status: str, by: str, now: datetime,
           note: str | None = None, expected: tuple[str, ...] = ReviewStatus.DECIDABLE) -> bool:
    """Compare-and-set on (id, version): True only for the one caller that moved this version of
    a READY answer out of `expected`; a changed, held or already decided answer is left alone."""
    result = session.execute(
        update(Answer)
        .where(Answer.id == answer_id, Answer.version == version, Answer.status == AnswerStatus.READY,
               Answer.review_status.in_(expected))
        .values(review_status=new_status, decided_at=now, decided_by=by, decision_note=note)
        .returning(Answer.id)
    ).first()
    return result is not None


def already_decided(services, answer: Answer) -> str:
    when = weeks.describe_local(answer.decided_at, services.config.practice.timezone) if answer.decided_at else ""
    verb = {ReviewStatus.APPROVED: "approved", ReviewStatus.REJECTED: "rejected",
            ReviewStatus.SENT_BACK: "sent back", ReviewStatus.AWAITING_SIGNOFF: "edited"}.get(answer.review_status,
                                                                                            "handled")
    return f"Already {verb} by {answer.decided_by} ({when})."


def handle_review_action(services, action: ActionEvent, now: datetime) -> Outcome:
    """A click or form submission on an approval card, or the physician's own sign-off buttons."""
    outcome = Outcome()
    ref = parse_ref(action.value)
    if ref is None:
        logger.info("review action with an unreadable value (%s characters)", len(action.value))
        return outcome
    answer_id, version = ref
    with services.db.transaction() as session:
        person = person_for_platform_user(session, action.platform, action.user_id)
        answer = session.get(Answer, answer_id, with_for_update=True, populate_existing=True)
        if answer is None:
            return outcome.say("That answer no longer exists.")
        if action.action != "review.selfpost" and version != answer.version:
            return _outdated(services, session, answer, action, outcome)
        if action.action in PHYSICIAN_ACTIONS:
            return _physician_action(services, session, person, answer, action, now, outcome)
        if action.action == "review.show":
            return outcome.say(all_drafts_text(answer, drafts_of(session, answer)))
        if not is_approver(services, person, action.platform, action.user_id):
            return outcome.say("Only approvers can approve, edit, reject or send back drafts.")
        if person is not None and person.id == answer.person_id:
            return outcome.say("Nobody approves their own answer: another approver needs to review it.")
        if answer.review_status != ReviewStatus.PENDING:
            return outcome.say(already_decided(services, answer))
        by = actor_name(services, person, action.user_id)
        # The card's own place first: Edit may be clicked on the private "can't approve" reply.
        card = card_ref(session, answer) or action.message
        if action.action == "review.approve":
            return _approve(services, session, answer, person, by, card, now, outcome)
        if action.action == "review.edit":
            outcome.form = edit_form(session, answer, card)
            return outcome
        if action.action in ("review.reject", "review.sendback"):
            outcome.form = reason_form(answer, action.action.split(".")[1], card)
            return outcome
        if action.action == "review.edit.submit":
            return _apply_edits(services, session, answer, person, by, action, card, now, outcome)
        if action.action == "review.reword":
            return use_suggested_wording(services, session, answer, person, by, card, now, outcome)
        kind = action.action.split(".")[1]
        reason = (action.fields.get("reason") or "").strip()
        if not reason:
            return outcome.say("Please give a reason.")
        refused = _refused_reason(services, session, answer, person, by, kind, reason, card, now)
        if refused is not None:
            outcome.form = refused
            return outcome
        return _reject_or_send_back(services, session, answer, person, by, kind, reason, card, now, outcome)


def _outdated(services, session, answer: Answer, action: ActionEvent, outcome: Outcome) -> Outcome:
    """A click or form from before the answer last changed: refused, and the card refreshed."""
    logger.info("answer %s: %s on an outdated version refused", answer.id, action.action)
    if answer.review_status in (ReviewStatus.PENDING, ReviewStatus.AWAITING_SIGNOFF, None):
        outcome.updates.extend(current_card(services, session, answer))
    return outcome.say("Nothing was changed: the physician has changed this answer since that card or form "
                       "was shown. The card now shows the current version (or says it was withdrawn).")


def _refresh_card(services, session, answer: Answer, card, outcome: Outcome) -> None:
    session.flush()
    session.refresh(answer)
    if card is not None:
        outcome.updates.append((card, card_message(services, session, answer)))


def _dm_physician(services, session, answer: Answer, key: str, message, now: datetime) -> None:
    person = answer.prompt.person
    recipient = address(services, person)
    if recipient:
        enqueue(session, key=key, platform=services.platform, recipient=recipient, message=message, now=now)
    else:
        logger.warning("person %s has no %s address; review message %s not sent", person.id, services.platform, key)


def blocking_problems(session, answer: Answer) -> list[str]:
    """What stops these drafts from being published as they are (hard limits), one line each."""
    return [problem for draft in drafts_of(session, answer) for problem in hard_problems(draft.channel, draft.text)]


def refuse_over_limit(answer: Answer, problems: list[str], outcome: Outcome, saved: bool = False) -> Outcome:
    """Say why the drafts cannot be approved, with an Edit button to fix them."""
    lead = "Saved, but not approved" if saved else "Not approved"
    text = f"{lead}: a post over a platform's limit cannot be published.\n" + "\n".join(
        f"• {problem}" for problem in problems) + "\nEdit the draft to shorten it, then approve."
    return outcome.say(text, buttons=(Button("Edit", "review.edit", answer_value(answer), "primary"),))


def _approve(services, session, answer, person, by, card, now, outcome, expected=ReviewStatus.DECIDABLE):
    problems = blocking_problems(session, answer)
    if problems:
        return refuse_over_limit(answer, problems, outcome)
    if not decide(session, answer.id, answer.version, ReviewStatus.APPROVED, by, now, expected=expected):
        session.refresh(answer)
        return outcome.say(already_decided(services, answer))
    finish_approval(services, session, answer, person, by, now)
    _refresh_card(services, session, answer, card, outcome)
    return outcome


def finish_approval(services, session, answer: Answer, actor: Person | None, by: str, now: datetime) -> None:
    """After the one successful approval: calendar slots, audit, physician, webhook, self-post."""
    from bot.review.calendar import assign_slots
    from bot.review.webhook import enqueue_webhook

    drafts = drafts_of(session, answer)
    slots = assign_slots(session, services.config, drafts, now)
    audit.record(session, subject="answer", subject_id=answer.id, action="approved", now=now, actor=actor,
                 by=by, slots={channel: slot.isoformat() if slot else None for channel, slot in slots.items()})
    session.flush()
    _dm_physician(services, session, answer, f"approved:{answer.id}", approved_message(services, answer, drafts), now)
    if services.config.prompts.self_post:
        _dm_physician(services, session, answer, f"selfpost:{answer.id}", self_post_message(services, drafts), now)
    enqueue_webhook(services, session, answer, answer.prompt.person, drafts, by, now)


def _apply_edits(services, session, answer, person, by, action, card, now, outcome) -> Outcome:
    """Save marketing's edits (screened first: PHI refuses them all, advice saves without approving)."""
    changes = [(draft, action.fields[draft.channel].strip()) for draft in drafts_of(session, answer)
               if action.fields.get(draft.channel) is not None
               and action.fields[draft.channel].strip() != draft.text.strip()]
    screen = screen_edits(services, session, answer.prompt.person.name,
                          {draft.channel: (draft.text, new_text) for draft, new_text in changes})
    if screen.phi:  # nothing saved; the form again, saying which draft and why (in kinds)
        audit.record(session, subject="answer", subject_id=answer.id, action="edit_refused", now=now, actor=person,
                     by=by, kinds={channel: kinds for channel, kinds in sorted(screen.phi.items())})
        logger.info("answer %s: an edit by marketing refused by the guard", answer.id)
        outcome.form = replace(edit_form(session, answer, card), errors=refusals(screen))
        return outcome
    substantial = False
    for draft, new_text in changes:
        similarity = difflib.SequenceMatcher(None, draft.text, new_text).ratio()
        substantial |= similarity < SUBSTANTIAL_EDIT
        set_draft_text(session, draft, new_text, person, by, now, advice=draft.channel in screen.advice)
    if action.fields.get("then", "approve") != "approve":
        _refresh_card(services, session, answer, card, outcome)
        return outcome.say(advice_warning(screen) if screen.advice else "Saved. The drafts wait for approval.")
    if screen.advice:
        _refresh_card(services, session, answer, card, outcome)
        return outcome.say(advice_warning(screen))
    problems = blocking_problems(session, answer)
    if problems:
        _refresh_card(services, session, answer, card, outcome)
        return refuse_over_limit(answer, problems, outcome, saved=True)
    if substantial and services.config.approvals.physician_signoff:
        if not decide(session, answer.id, answer.version, ReviewStatus.AWAITING_SIGNOFF, by, now):
            session.refresh(answer)
            return outcome.say(already_decided(services, answer))
        audit.record(session, subject="answer", subject_id=answer.id, action="signoff_requested", now=now,
                     actor=person, by=by)
        _ask_signoff(services, session, answer, by, now)
        _refresh_card(services, session, answer, card, outcome)
        return outcome.say("Saved. The physician will be asked to OK the edited post.")
    return _approve(services, session, answer, person, by, card, now, outcome)


def set_draft_text(session, draft: Draft, new_text: str, person, by: str, now: datetime, advice: bool = False,
                   **why) -> None:
    """Change one draft's text; its length and problems follow.

    The audit row says who changed which channel's draft and how much (lengths), never the text:
    audit rows are kept for years, the draft row holds the current text and is purged with the answer.
    """
    audit.record(session, subject="draft", subject_id=draft.id, action="edited", now=now, actor=person, by=by,
                 channel=draft.channel, length_before=len(draft.text), length_after=len(new_text),
                 advice_added=advice, **why)
    if draft.original_text is None:
        draft.original_text = draft.text
    draft.text, draft.edited, draft.updated_at = new_text, True, now
    draft.length = measure(draft.channel, new_text)
    blocking = hard_problems(draft.channel, new_text)
    over_soft = draft.limit is not None and draft.length > draft.limit
    draft.fits = not blocking and not over_soft
    draft.problem = (blocking[0] if blocking else
                     f"Longer than the {draft.limit} characters set for {channel_label(draft.channel)}"
                     if over_soft else ADVICE_NOTE if advice else None)


def use_suggested_wording(services, session, answer: Answer, person, by: str, card, now: datetime,
                          outcome: Outcome) -> Outcome:
    """Re-draft every channel from the suggested general rewording, in one tap, audited per draft.

    The physician's answer itself is unchanged (the card still shows what they wrote); only the
    posts change, exactly as if marketing had typed the rewording into each field.
    """
    from bot.review.drafts import render_drafts

    suggestion = (answer.advice_suggestion or "").strip()
    if not suggestion:
        return outcome.say("There is no suggested wording for this answer.")
    prompt, physician = answer.prompt, answer.prompt.person
    fresh = {d.channel: d.text for d in render_drafts(
        services.templates, services.config.practice, services.config.drafts, physician_name=physician.name,
        specialty=physician.specialty, public_topic=prompt.question.public_topic, answer_text=suggestion,
        week=prompt.week)}
    changed = 0
    for draft in drafts_of(session, answer):
        new_text = fresh.get(draft.channel)
        if new_text is not None and new_text != draft.text:
            set_draft_text(session, draft, new_text, person, by, now, via="suggested_wording")
            changed += 1
    _refresh_card(services, session, answer, card, outcome)
    return outcome.say(f"Used the suggested wording in {changed} draft(s). Review them, then approve.")


def _ask_signoff(services, session, answer: Answer, by: str, now: datetime) -> None:
    from bot.chat import OutgoingMessage

    posts = [{"channel": channel_label(d.channel), "text": d.text} for d in drafts_of(session, answer)]
    text = services.templates.render("messages/signoff.txt.j2", posts=posts, decided_by=by)
    ok = Button("OK, publish it", "review.signoff", answer_value(answer), "primary")
    message = OutgoingMessage(text=text, buttons=(ok,))
    _dm_physician(services, session, answer, f"signoff:{answer.id}:{answer.review_round}", message, now)


def _refused_reason(services, session, answer, person, by, kind, reason, card, now):
    """The reason form again if the reason may identify a patient: it would stay on the card and in
    the audit trail for years. Screened like an It's fine reason; never stored or logged."""
    from bot.review.compliance import reason_phi_kinds
    from bot.review.kinds import describe_kinds

    kinds = reason_phi_kinds(services, session, answer.prompt.person, reason, answer)
    if not kinds:
        return None
    audit.record(session, subject="answer", subject_id=answer.id, action="reason_refused", now=now, actor=person,
                 by=by, decision=kind, kinds=kinds)
    why = (f"This reason may identify a patient ({describe_kinds(kinds)}), so nothing was sent. Say what to "
           "change without naming or describing anyone.")
    return replace(reason_form(answer, kind, card), errors=(("reason", why),))


def _reject_or_send_back(services, session, answer, person, by, kind, reason, card, now, outcome) -> Outcome:
    status = ReviewStatus.REJECTED if kind == "reject" else ReviewStatus.SENT_BACK
    if not decide(session, answer.id, answer.version, status, by, now, note=reason):
        session.refresh(answer)
        return outcome.say(already_decided(services, answer))
    template = "rejected" if kind == "reject" else "sent_back"
    audit.record(session, subject="answer", subject_id=answer.id, action=template, now=now, actor=person, by=by,
                 reason=reason)
    text = services.templates.render(f"messages/{template}.txt.j2", question=answer.prompt.question.text,
                                     reason=reason, decided_by=by)
    from bot.chat import OutgoingMessage

    _dm_physician(services, session, answer, f"{template}:{answer.id}:{answer.review_round}",
                  OutgoingMessage(text=text), now)
    _refresh_card(services, session, answer, card, outcome)
    return outcome


def _physician_action(services, session, person, answer, action, now, outcome) -> Outcome:
    if person is None or person.id != answer.person_id:
        return outcome.say("That button isn't for you.")
    if action.action == "review.selfpost":
        if answer.review_status != ReviewStatus.APPROVED:
            return outcome.say("That post isn't approved yet.")
        _dm_physician(services, session, answer, f"selfpost:{answer.id}",
                      self_post_message(services, drafts_of(session, answer)), now)
        return outcome.say("On its way.")
    # review.signoff: the physician OKs the edited post; this approves it (never one over a hard limit).
    if blocking_problems(session, answer):
        return outcome.say("This post needs another edit by marketing before it can go out.")
    if not decide(session, answer.id, answer.version, ReviewStatus.APPROVED, answer.decided_by or person.name,
                  now, expected=(ReviewStatus.AWAITING_SIGNOFF,)):
        session.refresh(answer)
        return outcome.say("Thanks, that's already done.")
    audit.record(session, subject="answer", subject_id=answer.id, action="signed_off", now=now, actor=person)
    session.refresh(answer)
    finish_approval(services, session, answer, person, answer.decided_by, now)
    _refresh_card(services, session, answer, card_ref(session, answer), outcome)
    return outcome.say("Thanks! It's approved and scheduled.", replace_original=action.message)

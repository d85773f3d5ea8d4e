"""One-tap approval through the core: who may act, exactly one decision, card, physician, audit."""

from __future__ import annotations

import json
import threading
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.chat import ActionEvent, MessageRef
from bot.config import config_from_mapping
from bot.scheduler import run_due
from bot.services import build_services
from bot.store import Answer, AuditEvent, Draft, ReviewStatus
from bot.weekly.inbound import handle_action
from tests.conftest import RecordingChat, utc
from tests.test_weekly_question import add_person, add_questions, say

SENT = utc(2026, 11, 24, 14)  # Tue 09:00 New York: the question goes out
ANSWERED = utc(2026, 11, 24, 15)
CARD_TIME = utc(2026, 11, 24, 15, 30)  # after settle_minutes (10)
CLEAN = "Patients often ask whether chest pain always means a heart attack. Often it doesn't, but get it checked."


def card_value(services, answer_id: int) -> str:
    """What the answer's current card carries: "id:version"."""
    with services.db.transaction() as session:
        answer = session.get(Answer, answer_id)
        return f"{answer_id}:{answer.version if answer else 1}"


def click(services, who, action, answer_id, now=CARD_TIME, fields=None, message=None):
    """A click on the current card (an int id) or on a card carrying `answer_id` as given (a str)."""
    value = answer_id if isinstance(answer_id, str) else card_value(services, answer_id)
    event = ActionEvent("console", who, action, value, message or MessageRef("#marketing", "9.9"),
                        dict(fields or {}))
    return handle_action(services, event, now)


def answered_and_carded(services, chat):
    add_questions(services, 2)
    add_person(services)
    add_person(services, email="sam@example.org", name="Sam Ortiz", roles="approver")
    add_person(services, email="jo@example.org", name="Jo Park", roles="approver")
    add_person(services, email="pat@example.org", name="Pat Reyes", roles="staff")
    add_person(services, email="lead@example.org", name="Lou Chen", roles="lead")
    run_due(services, SENT)
    say(services, CLEAN, "1.1", now=ANSWERED)
    report = run_due(services, CARD_TIME)
    assert report.cards_posted == 1
    with services.db.transaction() as session:
        return session.scalars(select(Answer)).one().id


def card_sent(chat):
    return [m for channel, m, _ in chat.sent if channel == "#marketing" and m.card is not None]


def audit_actions(services):
    with services.db.transaction() as session:
        return [e.action for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def test_card_waits_for_settle_then_is_posted_once(services, chat):
    add_questions(services, 2)
    add_person(services)
    run_due(services, SENT)
    say(services, CLEAN, "1.1", now=ANSWERED)
    assert run_due(services, ANSWERED + timedelta(minutes=5)).cards_posted == 0
    assert run_due(services, ANSWERED + timedelta(minutes=10)).cards_posted == 1
    run_due(services, ANSWERED + timedelta(minutes=20))
    [card] = card_sent(chat)
    assert [b.label for b in card.buttons] == ["Approve", "Edit", "Reject", "Send back", "Show all drafts"]
    labels = [s.label for s in card.card.sections]
    assert labels[0] == "Answer" and labels[1].startswith("Facebook (") and len(labels) == 3
    assert "X (" in card.card.sections[2].text  # the other drafts, one line each
    assert card.card.badge.startswith("✓ Clean")
    assert "Dr. Ana Lee (cardiology)" in card.card.title


def card_ref_of(services, answer_id: int) -> MessageRef:
    from bot.review.cards import card_ref

    with services.db.transaction() as session:
        return card_ref(session, session.get(Answer, answer_id))


def test_approve_updates_card_tells_physician_and_fills_calendar(services, chat):
    answer_id = answered_and_carded(services, chat)
    outcome = click(services, "sam@example.org", "review.approve", answer_id)
    [(ref, card)] = outcome.updates
    assert ref == card_ref_of(services, answer_id)  # the card itself, whatever message was clicked
    assert card.buttons == () and card.card.footer.startswith("Approved by Sam Ortiz")
    run_due(services, CARD_TIME + timedelta(minutes=1))
    [approved] = [m for c, m, _ in chat.sent if c == "D-lee@example.org" and m.key.startswith("approved:")]
    assert "approved" in approved.text and "Wed Nov 25, 10:00 AM" in approved.text
    with services.db.transaction() as session:
        drafts = session.scalars(select(Draft).where(Draft.answer_id == answer_id)).all()
        assert all(d.slot_at is not None for d in drafts)
        assert session.get(Answer, answer_id).review_status == ReviewStatus.APPROVED
    assert audit_actions(services)[-2:] == ["submitted", "approved"]


def test_only_approvers_and_never_your_own(services, chat):
    answer_id = answered_and_carded(services, chat)
    outcome = click(services, "pat@example.org", "review.approve", answer_id)
    assert outcome.replies[0].text.startswith("Only approvers") and outcome.updates == []
    with services.db.transaction() as session:
        from bot.store import Person
        lee = session.scalars(select(Person).where(Person.email == "lee@example.org")).one()
        lee.roles = "physician;approver"
    outcome = click(services, "lee@example.org", "review.approve", answer_id)
    assert "Nobody approves their own answer" in outcome.replies[0].text
    with services.db.transaction() as session:
        assert session.get(Answer, answer_id).review_status == ReviewStatus.PENDING


def test_second_click_is_told_who_decided(services, chat):
    answer_id = answered_and_carded(services, chat)
    click(services, "sam@example.org", "review.approve", answer_id)
    outcome = click(services, "jo@example.org", "review.approve", answer_id)
    assert outcome.replies[0].text.startswith("Already approved by Sam Ortiz")
    assert audit_actions(services).count("approved") == 1


def test_edit_form_then_save_and_approve_records_the_change_without_its_text(services, chat):
    answer_id = answered_and_carded(services, chat)
    form = click(services, "sam@example.org", "review.edit", answer_id).form
    names = [f.name for f in form.fields]
    assert "x" in names and names[-1] == "then"
    x_initial = next(f.initial for f in form.fields if f.name == "x")
    new_x = x_initial.replace("Often it doesn't", "Often it isn't")
    outcome = click(services, "sam@example.org", "review.edit.submit", answer_id,
                    fields={"x": new_x, "then": "approve"})
    assert outcome.updates and outcome.updates[0][1].card.footer.startswith("Approved")
    with services.db.transaction() as session:
        x = session.scalars(select(Draft).where(Draft.answer_id == answer_id, Draft.channel == "x")).one()
        assert x.text == new_x and x.edited
        edit = session.scalars(select(AuditEvent).where(AuditEvent.action == "edited")).one()
        # Audit rows are kept for years: channel and lengths, never the draft's text (the draft row has it).
        assert "Often it" not in edit.detail
        assert json.loads(edit.detail)["channel"] == "x" and json.loads(edit.detail)["length_after"] == len(new_x)


def test_substantial_edit_needs_physician_ok_when_configured(database_url, chat):
    config = config_from_mapping({"database": {"url": database_url}, "approvals": {"physician_signoff": True}}, env={})
    services = build_services(config, chats={"console": chat})
    answer_id = answered_and_carded(services, chat)
    outcome = click(services, "sam@example.org", "review.edit.submit", answer_id,
                    fields={"x": "Chest pain: call us. This is general information, not medical advice.",
                            "then": "approve"})
    assert "OK the edited post" in outcome.replies[0].text
    run_due(services, CARD_TIME + timedelta(minutes=1))
    [ask] = [m for c, m, _ in chat.sent if m.key.startswith("signoff:")]
    assert ask.buttons[0].action == "review.signoff"
    assert "isn't for you" in click(services, "sam@example.org", "review.signoff", answer_id).replies[0].text
    done = click(services, "lee@example.org", "review.signoff", answer_id, message=MessageRef("D-lee", "5.5"))
    assert "approved" in done.replies[0].text
    with services.db.transaction() as session:
        assert session.get(Answer, answer_id).review_status == ReviewStatus.APPROVED
    services.db.dispose()


def test_reject_asks_a_reason_and_tells_the_physician(services, chat):
    answer_id = answered_and_carded(services, chat)
    form = click(services, "sam@example.org", "review.reject", answer_id).form
    assert form.action == "review.reject.submit" and form.fields[0].name == "reason"
    assert click(services, "sam@example.org", "review.reject.submit", answer_id,
                 fields={"reason": " "}).replies[0].text == "Please give a reason."
    outcome = click(services, "sam@example.org", "review.reject.submit", answer_id,
                    fields={"reason": "We covered chest pain last month"})
    assert "Rejected by Sam Ortiz" in outcome.updates[0][1].card.footer
    run_due(services, CARD_TIME + timedelta(minutes=1))
    [told] = [m for c, m, _ in chat.sent if m.key.startswith("rejected:")]
    assert "We covered chest pain last month" in told.text


def test_send_back_then_revision_makes_a_new_card(services, chat):
    answer_id = answered_and_carded(services, chat)
    click(services, "sam@example.org", "review.sendback.submit", answer_id, fields={"reason": "Add one tip"})
    run_due(services, CARD_TIME + timedelta(minutes=1))
    [asked] = [m for c, m, _ in chat.sent if m.key.startswith("sent_back:")]
    assert "Add one tip" in asked.text
    later = CARD_TIME + timedelta(days=8)  # the week is over; the revision still counts
    outcome = say(services, CLEAN + " Tip: write down when it started.", "2.1", now=later)
    assert outcome.replies[0].text.startswith("Thanks, that looks good now")
    assert run_due(services, later + timedelta(minutes=11)).cards_posted == 1
    assert [m.key for m in card_sent(chat)] == [f"card:{answer_id}:1", f"card:{answer_id}:2"]


def test_one_reminder_in_thread_then_one_escalation_to_the_lead(services, chat):
    answered_and_carded(services, chat)
    [card] = [ref for c, m, ref in chat.sent if m.card is not None]
    assert run_due(services, CARD_TIME + timedelta(hours=23)).reminders == 0
    assert run_due(services, CARD_TIME + timedelta(hours=24)).reminders == 1
    [reminder] = [m for c, m, _ in chat.sent if m.key.startswith("remind:")]
    assert reminder.thread_ts == card.ts and "24 working hours" in reminder.text
    assert run_due(services, CARD_TIME + timedelta(hours=48)).escalations == 1
    run_due(services, CARD_TIME + timedelta(hours=72))
    assert [c for c, m, _ in chat.sent if m.key.startswith("escalate:")] == ["D-lead@example.org"]
    assert len([m for c, m, _ in chat.sent if m.key.startswith("remind:")]) == 1


def _lead_answers(services, *others):
    """Dr. Ana Lee, physician and lead, answers; `others` are (email, name, roles) on the roster."""
    add_questions(services, 2)
    add_person(services, roles="physician;lead")
    for email, name, roles in others:
        add_person(services, email=email, name=name, roles=roles)
    run_due(services, SENT)
    say(services, CLEAN, "1.1", now=ANSWERED)
    assert run_due(services, CARD_TIME).cards_posted == 1
    assert run_due(services, CARD_TIME + timedelta(hours=48)).escalations == 1
    return {channel: m.text for channel, m, _ in chat_escalations(services)}


def chat_escalations(services):
    chat = services.chats["console"]
    return [(c, m, ref) for c, m, ref in chat.sent if m.key.startswith("escalate:")]


def test_a_leads_own_answer_is_escalated_to_the_approvers_and_the_lead_is_told_who(services, chat):
    told = _lead_answers(services, ("sam@example.org", "Sam Ortiz", "approver"),
                         ("jo@example.org", "Jo Park", "staff;approver"), ("pat@example.org", "Pat Reyes", "staff"))

    assert sorted(told) == ["D-jo@example.org", "D-lee@example.org", "D-sam@example.org"]  # not Pat (staff)
    for approver in ("D-sam@example.org", "D-jo@example.org"):
        assert "Dr. Ana Lee is the lead and nobody approves their own answer, so it is up to you as an " \
               "approver: tap Approve" in told[approver]
    assert "As lead you can decide" not in told["D-lee@example.org"]
    assert "Nobody approves their own answer, so Jo Park and Sam Ortiz have been asked to decide." \
        in told["D-lee@example.org"]
    # What the approvers are told they can do, they can: Sam approves.
    assert "Approved by Sam Ortiz" in click(services, "sam@example.org", "review.approve", 1,
                                            now=CARD_TIME + timedelta(hours=49)).updates[0][1].card.footer


def test_another_lead_is_asked_before_approvers_when_a_lead_answers(services, chat):
    told = _lead_answers(services, ("lou@example.org", "Lou Chen", "lead"),
                         ("sam@example.org", "Sam Ortiz", "approver"))

    assert sorted(told) == ["D-lee@example.org", "D-lou@example.org"]
    assert "As lead you can decide" in told["D-lou@example.org"]
    assert "Lou Chen has been asked to decide." in told["D-lee@example.org"]


def test_when_nobody_else_can_approve_the_lead_is_told_to_add_an_approver(services, chat):
    told = _lead_answers(services, ("pat@example.org", "Pat Reyes", "staff"))

    assert list(told) == ["D-lee@example.org"]
    assert "nobody else on the roster can approve them" in told["D-lee@example.org"]
    assert 'Add an approver or another lead to the roster (role "approver" or "lead")' in told["D-lee@example.org"]
    with services.db.transaction() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "escalated")).one()
        assert '"told": []' in event.detail and '"author_told": true' in event.detail


def test_hundred_concurrent_double_approvals_make_exactly_hundred_decisions(postgres_url):
    chat = RecordingChat()
    config = config_from_mapping({"database": {"url": postgres_url}}, env={})
    services = [build_services(config, chats={"console": chat}) for _ in range(2)]
    primary = services[0]
    add_questions(primary, 2)
    add_person(primary, email="sam@example.org", name="Sam Ortiz", roles="approver")
    add_person(primary, email="jo@example.org", name="Jo Park", roles="approver")
    for index in range(100):
        add_person(primary, email=f"p{index}@example.org", name=f"Dr. P{index}")
    run_due(primary, SENT)
    for index in range(100):
        say(primary, CLEAN, f"1.{index}", email=f"p{index}@example.org", now=ANSWERED)
    run_due(primary, CARD_TIME)
    with primary.db.transaction() as session:
        ids = list(session.scalars(select(Answer.id)))
    assert len(ids) == 100
    barrier = threading.Barrier(4)
    results = {i: [] for i in range(4)}

    def approver(slot, who, replica):
        barrier.wait()
        for answer_id in ids:
            results[slot].append(click(replica, who, "review.approve", answer_id))

    threads = [threading.Thread(target=approver, args=(slot, who, services[slot % 2]))
               for slot, who in enumerate(["sam@example.org", "jo@example.org", "sam@example.org", "jo@example.org"])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    decisions = sum(1 for outcomes in results.values() for o in outcomes if o.updates)
    told = sum(1 for outcomes in results.values() for o in outcomes
               if o.replies and "Already approved" in o.replies[0].text)
    assert decisions == 100 and told == 300
    assert audit_actions(primary).count("approved") == 100
    with primary.db.transaction() as session:
        slots = [(d.channel, d.slot_at) for d in session.scalars(select(Draft))]
    assert len(slots) == len(set(slots)), "no two posts share a calendar slot"
    for replica in services:
        replica.db.dispose()


@pytest.mark.parametrize("action", ["review.approve", "review.bogus"])
def test_bad_answer_ids_are_answered_not_crashed(services, chat, action):
    assert click(services, "sam@example.org", action, 999).replies[0].text == "That answer no longer exists."

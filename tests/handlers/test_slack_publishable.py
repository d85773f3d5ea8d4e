"""Issue 10 over Slack: drafts a marketing team would publish as they are, approvals that cannot go wrong.

Every test drives the real path: the physician's DM through signed `/slack/events`, the card
posted by `run_due`, signed block_actions and view_submissions from approvers, and what the fake
Slack Web API recorded.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.review.limits import hard_problems, thread_parts
from bot.review.post_text import x_length
from bot.scheduler import run_due
from bot.store import AuditEvent, Draft, Question, ReviewStatus
from tests.fake_slack import FakeSlack
from tests.handlers.conftest import QUESTION_DUE, USER, Clock, add_physician, dm_event, event_body
from tests.handlers.test_slack_approvals import (
    ANSWERED,
    CARD_TIME,
    CLICKED,
    DM,
    LOU,
    MARKETING,
    PAT,
    SAM,
    actions_of,
    add_staff,
    answer_and_post_card,
    answer_row,
    block_text,
    build,
    card_updates,
    click,
    ephemeral_texts,
    submit,
    view_submission,
)
from tests.handlers.test_slack_events import post_signed, run

HTML = re.compile(r"<[a-zA-Z/][^>]*>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")
CHEST_PAIN = ("They ask whether chest pain always means a heart attack. Usually it doesn't: muscle strain, "
              "heartburn and anxiety are common causes. But chest pain with shortness of breath, sweating or "
              "pain spreading to the arm or jaw needs 911 right away. If you're unsure, call us; we'd rather "
              "see you and reassure you.")
TOPIC = "Is chest pain always a heart attack?"


@pytest.fixture
def review(database_url, fake_slack):
    services = build(database_url, fake_slack, Clock(QUESTION_DUE))
    yield services
    services.db.dispose()


def set_topics(services, topic: str) -> None:
    with services.db.transaction() as session:
        for question in session.scalars(select(Question)):
            question.public_topic = topic


def drafts(services) -> dict[str, Draft]:
    with services.db.transaction() as session:
        rows = session.scalars(select(Draft)).all()
        for row in rows:
            session.expunge(row)
        return {row.channel: row for row in rows}


def slack_decoded(text: str) -> str:
    """What a person sees: Slack shows `&amp;` `&lt;` `&gt;` as the characters."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def edit_x(services, fake, answer_id: int, new_x: str, then: str) -> None:
    click(services, "review.edit", answer_id, SAM, ts=card_ts(fake))
    view = fake.opened_views()[-1]
    submit(services, view_submission(view, SAM, {"x": new_x, "then": then}))


def card_ts(fake) -> str:
    return next(m.ts for m in fake.posted(MARKETING) if m.blocks and m.blocks[0]["type"] == "header")


# --- 1. a public hook, never the physician's question ----------------------------------------


def test_posts_lead_with_the_public_topic_and_never_quote_the_question(review, fake_slack):
    add_physician(review)
    set_topics(review, TOPIC)
    add_staff(review, SAM, "Sam Ortiz", "approver")
    assert run_due(review, QUESTION_DUE).delivered == 1
    review.clock.now = ANSWERED
    run(review, lambda client: post_signed(client, event_body(dm_event(CHEST_PAIN, f"{ANSWERED.timestamp()}", DM))))
    run_due(review, CARD_TIME)
    with review.db.transaction() as session:
        question = session.scalars(select(Question)).first().text
    for channel, draft in drafts(review).items():
        assert draft.text.startswith(TOPIC), channel
        assert question not in draft.text and "What do patients ask" not in draft.text, channel
    card = block_text([b for m in fake_slack.posted(MARKETING) for b in m.blocks or []])
    assert "What do patients ask" not in card


def test_a_question_without_a_topic_leads_with_the_answers_own_first_sentence(review, fake_slack):
    answer_and_post_card(review, fake_slack, CHEST_PAIN)
    for channel, draft in drafts(review).items():
        assert draft.text.startswith("They ask whether chest pain always means a heart attack."), channel
        assert "What do patients ask" not in draft.text, channel


# --- 2. X keeps the whole answer --------------------------------------------------------------


def test_x_keeps_the_whole_answer_as_a_numbered_thread_with_the_short_disclaimer(review, fake_slack):
    long_answer = CHEST_PAIN + " " + " ".join(
        f"Point {n}: keep a list of your symptoms and when they started." for n in range(6))
    answer_and_post_card(review, fake_slack, long_answer)
    x = drafts(review)["x"]
    parts = thread_parts("x", x.text)
    assert len(parts) > 1
    for number, part in enumerate(parts, 1):
        assert x_length(part) <= 280 and part.endswith(f"({number}/{len(parts)})")
    assert "General info, not medical advice." in parts[-1]
    assert "This is general information" not in x.text
    said = " ".join(" ".join(re.sub(r" \(\d+/\d+\)$", "", p) for p in parts).split())
    assert said.startswith("They ask whether chest pain always means a heart attack. Dr. Ana Lee (Cardiology): ")
    body = long_answer.split(". ", 1)[1]
    assert " ".join(body.split()) in said  # nothing cut, nothing reordered


# --- 3. over a hard limit: no approval, no schedule ----------------------------------------------


def test_a_draft_over_a_hard_limit_cannot_be_approved_approve_says_why_and_offers_edit(review, fake_slack):
    card, answer = answer_and_post_card(review, fake_slack)
    too_long = "Chest pain is not always a heart attack. " + "Get it checked. " * 16 + "https://example.org/x"
    assert x_length(too_long) > 280
    edit_x(review, fake_slack, answer, too_long, then="save")
    assert "⛔" in block_text(card_updates(fake_slack)[-1].params["blocks"])
    click(review, "review.approve", answer, SAM, ts=card.ts)
    refusal = ephemeral_texts(fake_slack, SAM)[-1]
    assert refusal.startswith("Not approved") and "X post: " in refusal and "/280" in refusal
    [ephemeral] = [e for e in fake_slack.ephemeral if e.get("text") == refusal]
    blocks = ephemeral["blocks"] if isinstance(ephemeral["blocks"], list) else json.loads(ephemeral["blocks"])
    assert [a["action_id"] for a in actions_of(blocks)] == ["review.edit"]
    assert answer_row(review).review_status == ReviewStatus.PENDING
    assert all(d.slot_at is None for d in drafts(review).values())
    # "Save and approve" with the same over-long text is saved but not approved either.
    edit_x(review, fake_slack, answer, too_long + " More.", then="approve")
    assert ephemeral_texts(fake_slack, SAM)[-1].startswith("Saved, but not approved")
    assert answer_row(review).review_status == ReviewStatus.PENDING
    # Fixed: approved and scheduled.
    edit_x(review, fake_slack, answer, "Chest pain is not always a heart attack. Get it checked.", then="approve")
    assert answer_row(review).review_status == ReviewStatus.APPROVED
    assert not any(hard_problems(d.channel, d.text) for d in drafts(review).values())


# --- 4 and 6. readable text, phone-sized messages ----------------------------------------------


def test_card_is_phone_sized_show_all_drafts_is_one_tap_and_nothing_read_holds_html(review, fake_slack):
    answer = "Usually it doesn't & that's <good> news. " + CHEST_PAIN
    as_slack_sends_it = answer.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    card, answer_id = answer_and_post_card(review, fake_slack, as_slack_sends_it)
    sections = [b for b in card.blocks if b["type"] == "section"]
    assert len(sections) == 3  # the answer, one draft in full, the others a line each
    assert f"(answer {answer_id.split(':')[0]})" in card.blocks[0]["text"]["text"]  # value is "id:version"
    shown = slack_decoded(block_text(card.blocks).encode().decode("unicode_escape"))
    assert "Usually it doesn't & that's <good> news." in shown
    click(review, "review.show", answer_id, PAT, ts=card.ts)  # anyone may look
    all_drafts = ephemeral_texts(fake_slack, PAT)[-1]
    for label in ("Blog / newsletter", "Facebook", "Instagram", "LinkedIn", "X"):
        assert f"\n{label} (" in all_drafts
    people_read = [slack_decoded(all_drafts)] + [d.text for d in drafts(review).values()]
    for text in people_read:
        assert "Usually it doesn't & that's <good> news." in text
        assert not HTML.search(text.replace("<good>", "")), text
    click(review, "review.approve", answer_id, SAM, ts=card.ts)
    run_due(review, CLICKED + timedelta(minutes=1))
    [notice] = [m for m in fake_slack.posted(DM) if "approved" in m.text]
    lines = slack_decoded(notice.text).splitlines()
    assert 2 <= len(lines) <= 3 and "Sam Ortiz" in lines[0] and lines[1].startswith("Going out: ")
    assert "Facebook" in lines[1] and "Usually it doesn't" not in notice.text


# --- 9 and 10. advice survives an override; one tap applies the suggestion -------------------


def test_phi_override_keeps_the_advice_warning_and_suggested_wording_applies_to_every_draft(review, fake_slack):
    add_physician(review)
    add_staff(review, SAM, "Sam Ortiz", "approver")
    run_due(review, QUESTION_DUE)
    review.clock.now = ANSWERED
    text = ("Chest pain is not always a heart attack. For my patient on Friday: stop taking your "
            "metoprolol before the test.")
    run(review, lambda client: post_signed(client, event_body(dm_event(text, f"{ANSWERED.timestamp()}", DM))))
    held = fake_slack.posted(DM)[-1]
    [button] = actions_of(held.blocks)
    click(review, "answer.override", button["value"], USER, channel=DM, ts=held.ts)
    [view] = fake_slack.opened_views()
    submit(review, view_submission(view, USER, {"reason": "Friday is not a patient detail here"}))
    review.clock.now = CARD_TIME
    assert run_due(review, CARD_TIME).cards_posted == 1
    card = next(m for m in fake_slack.posted(MARKETING) if m.blocks and m.blocks[0]["type"] == "header")
    badge = slack_decoded(block_text(card.blocks[1]))
    assert "PHI override (a date tied to a person)" in badge and "Advice warning" in badge
    assert "decision to make with your own doctor" in badge  # the suggestion is on the card
    buttons = [a["action_id"] for a in actions_of(card.blocks)]
    assert "review.reword" in buttons

    review.clock.now = CLICKED
    reword = next(a["value"] for a in actions_of(card.blocks) if a["action_id"] == "review.reword")
    click(review, "review.reword", reword, SAM, ts=card.ts)  # the card's own "id:version"
    for channel, draft in drafts(review).items():
        assert "metoprolol" not in draft.text and "decision to make with your own doctor" in draft.text, channel
        assert draft.edited and "metoprolol" in draft.original_text, channel
    with review.db.transaction() as session:
        edits = session.scalars(select(AuditEvent).where(AuditEvent.action == "edited")).all()
        assert len(edits) == 5 and all(json.loads(e.detail)["via"] == "suggested_wording" for e in edits)
        assert all(e.actor == "Sam Ortiz" for e in edits)
    assert "metoprolol" in answer_row(review).text  # the physician's own words are unchanged


# --- 11. the lead can act on an escalation ---------------------------------------------------


def test_the_lead_escalated_to_can_approve_and_the_escalation_says_so(review, fake_slack):
    card, answer_id = answer_and_post_card(review, fake_slack)
    run_due(review, CARD_TIME + timedelta(hours=24))
    run_due(review, CARD_TIME + timedelta(hours=48))
    [escalation] = fake_slack.posted(FakeSlack.dm_channel(LOU))
    assert "As lead you can decide" in escalation.text
    review.clock.now = CARD_TIME + timedelta(hours=49)
    click(review, "review.approve", answer_id, LOU, ts=card.ts)
    assert answer_row(review).review_status == ReviewStatus.APPROVED
    assert answer_row(review).decided_by == "Lou Chen"
    assert "Only approvers" not in " ".join(ephemeral_texts(fake_slack, LOU))

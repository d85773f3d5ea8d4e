"""It's fine over Slack: the tap opens a modal for the reason; the DM never supplies it.

Signed DM events, block_actions and view_submission payloads into `/slack/events`, the card
posted by `run_due`, and what the fake Slack Web API recorded. The held text (a name, a phone
number) reaches the physician's DM and their own modal only: no other channel, no card, no
update, no log line.
"""

from __future__ import annotations

import json
import logging
from datetime import timedelta

import pytest
from slack_sdk.models.views import View
from sqlalchemy import select

from bot.scheduler import run_due
from bot.store import Answer, AuditEvent
from tests.handlers.conftest import Clock, add_physician, dm_event, edit_event, event_body
from tests.handlers.test_slack_approvals import (
    ANSWERED,
    CARD_TIME,
    DM,
    MARKETING,
    QUESTION_DUE,
    SAM,
    USER,
    actions_of,
    add_staff,
    block_text,
    build,
    click,
    submit,
    view_submission,
)
from tests.handlers.test_slack_events import post_signed, run

PHI_ANSWER = "My patient John Smith called me at 617-555-0199 about his racing heart."
CLEAN = "They ask whether a racing heart always means a heart problem. Usually it does not."
EXCERPTS = ("John Smith", "617-555-0199")


def say(services, text: str, at) -> str:
    services.clock.now = at
    ts = f"{at.timestamp():.6f}"
    assert run(services, lambda client: post_signed(client, event_body(dm_event(text, ts, DM)))).status == 200
    return ts


def held_notice(fake):
    notices = [m for m in fake.posted(DM) if m.text.startswith("I held your answer")]
    assert notices, [m.text for m in fake.posted(DM)]
    return notices[-1]


def answers(services) -> list[Answer]:
    with services.db.transaction() as session:
        rows = session.scalars(select(Answer)).all()
        for row in rows:
            session.expunge(row)
        return rows


def audit_actions(services) -> list[str]:
    with services.db.transaction() as session:
        return [e.action for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def marketing_text(fake) -> str:
    return json.dumps([c.params for c in fake.calls if c.params.get("channel") == MARKETING], ensure_ascii=False)


def assert_held_text_stayed_private(fake, caplog):
    """The excerpts only in the physician's held notice (DM) and the modal opened for them."""
    for call in fake.calls:
        dumped = json.dumps(call.params, ensure_ascii=False)
        if not any(excerpt in dumped for excerpt in EXCERPTS):
            continue
        if call.method == "views.open":
            continue  # the It's fine modal: shown to the physician who tapped, only
        assert call.method == "chat.postMessage" and call.params["channel"] == DM, call.method
        assert "I held your answer" in call.params["text"]
    for record in caplog.records:
        assert not any(excerpt in record.getMessage() for excerpt in EXCERPTS), record.getMessage()


@pytest.fixture
def review(database_url, fake_slack):
    services = build(database_url, fake_slack, Clock(QUESTION_DUE))
    yield services
    services.db.dispose()


@pytest.fixture
def held(review, fake_slack, caplog):
    """The physician answers with a name and a phone number and taps It's fine: the modal opens."""
    caplog.set_level(logging.DEBUG)
    add_physician(review)
    add_staff(review, SAM, "Sam Ortiz", "approver")
    assert run_due(review, QUESTION_DUE).delivered == 1
    say(review, PHI_ANSWER, ANSWERED)
    notice = held_notice(fake_slack)
    [button] = actions_of(notice.blocks)
    assert button["action_id"] == "answer.override"
    posted_before = len(fake_slack.posted(DM))
    review.clock.now = ANSWERED + timedelta(minutes=1)
    assert click(review, "answer.override", button["value"], USER, channel=DM, ts=notice.ts) == [200]
    assert len(fake_slack.posted(DM)) == posted_before, "the tap asks nothing in the chat"
    [view] = fake_slack.opened_views()
    return notice, view


def test_its_fine_opens_a_modal_asking_why_with_the_flagged_excerpts(review, fake_slack, held, caplog):
    notice, view = held
    View(**view).validate_json()
    assert view["callback_id"] == "answer.override.submit" and len(view["title"]["text"]) <= 24
    [answer] = answers(review)
    assert json.loads(view["private_metadata"]) == {"value": f"{answer.id}:{answer.version}",
                                                    "channel": DM, "ts": notice.ts}
    assert not any(excerpt in view["private_metadata"] for excerpt in EXCERPTS)
    [description] = [b for b in view["blocks"] if b["type"] == "section"]
    assert all(excerpt in description["text"]["text"] for excerpt in EXCERPTS)
    [reason] = [b for b in view["blocks"] if b["type"] == "input"]
    assert reason["block_id"] == "reason" and reason["label"]["text"] == "Why is it fine to share?"
    assert not reason.get("optional") and reason["element"]["multiline"] is False
    assert "made up" in reason["hint"]["text"]
    assert answer.status == "held"
    assert_held_text_stayed_private(fake_slack, caplog)


def test_the_repro_a_message_after_its_fine_is_the_answer_not_the_reason(review, fake_slack, held, caplog):
    notice, view = held
    say(review, CLEAN, ANSWERED + timedelta(minutes=2))
    assert fake_slack.posted(DM)[-1].text.startswith("Thanks, that looks good now")
    [answer] = answers(review)
    assert answer.text == CLEAN and answer.status == "ready" and answer.override_reason is None
    # The modal left open is about the held version: submitting it now changes nothing.
    status, body = submit(review, view_submission(view, USER, {"reason": "The name is made up"}))
    assert status == 200 and not body
    assert "no longer held" in fake_slack.posted(DM)[-1].text
    review.clock.now = CARD_TIME
    assert run_due(review, CARD_TIME).cards_posted == 1
    shown = marketing_text(fake_slack)
    assert CLEAN in shown and "PHI override" not in shown
    [answer] = answers(review)
    assert answer.override_reason is None and "overridden" not in audit_actions(review)
    assert_held_text_stayed_private(fake_slack, caplog)


def test_the_reason_given_in_the_modal_sends_the_answer_on_with_the_badge(review, fake_slack, held, caplog):
    notice, view = held
    status, body = submit(review, view_submission(view, USER, {"reason": "The name is made up"}))
    assert status == 200 and not body
    assert "goes to marketing with a warning" in fake_slack.posted(DM)[-1].text
    [update] = [c for c in fake_slack.calls_to("chat.update") if c.params["ts"] == notice.ts]
    assert actions_of(update.params.get("blocks")) == [] and "went on with your reason" in update.params["text"]
    [answer] = answers(review)
    assert answer.status == "ready" and answer.override_reason == "The name is made up"
    assert audit_actions(review)[-2:] == ["overridden", "drafted"]
    review.clock.now = CARD_TIME
    assert run_due(review, CARD_TIME).cards_posted == 1
    card = next(m for m in fake_slack.posted(MARKETING) if m.blocks and m.blocks[0]["type"] == "header")
    assert "PHI override" in block_text(card.blocks) and "The name is made up" in block_text(card.blocks)
    # The kinds in the words the physician was shown, not the screen's ids (patient_story).
    [badge] = [b for b in card.blocks if b["type"] == "context" and "PHI override" in json.dumps(b)]
    assert "PHI override (a name, a phone number" in badge["elements"][0]["text"], badge  # plain words, not ids
    assert "_" not in badge["elements"][0]["text"].split(":")[0]
    # The overridden text goes on as the physician confirmed it: that is the override.
    assert "racing heart" in block_text(card.blocks)
    for call in fake_slack.calls:
        if call.params.get("channel") != MARKETING:
            assert "PHI override" not in json.dumps(call.params)


def test_a_blank_reason_is_refused_by_the_modal(review, fake_slack, held):
    _, view = held
    status, body = submit(review, view_submission(view, USER, {"reason": "   "}))
    assert status == 200 and body["response_action"] == "errors" and "reason" in body["errors"]
    [answer] = answers(review)
    assert answer.status == "held" and answer.override_reason is None


def test_a_modal_about_an_outdated_version_is_refused(review, fake_slack, held, caplog):
    _, view = held
    say(review, "John Smith asked me about his racing heart again.", ANSWERED + timedelta(minutes=2))
    second = held_notice(fake_slack)
    status, body = submit(review, view_submission(view, USER, {"reason": "The name is made up"}))
    assert status == 200 and not body
    assert "changed since then" in fake_slack.posted(DM)[-1].text
    [answer] = answers(review)
    assert answer.status == "held" and answer.override_reason is None
    assert "overridden" not in audit_actions(review)
    review.clock.now = CARD_TIME
    assert run_due(review, CARD_TIME).cards_posted == 0
    # The newer notice's button opens a form for the newer version, which does work.
    [button] = actions_of(second.blocks)
    review.clock.now = CARD_TIME + timedelta(minutes=1)
    click(review, "answer.override", button["value"], USER, channel=DM, ts=second.ts)
    newer = fake_slack.opened_views()[-1]
    submit(review, view_submission(newer, USER, {"reason": "The name is made up"}))
    [answer] = answers(review)
    assert answer.status == "ready" and answer.override_reason == "The name is made up"
    assert_held_text_stayed_private(fake_slack, caplog)


def test_someone_else_cannot_submit_the_physicians_form(review, fake_slack, held):
    _, view = held
    submit(review, view_submission(view, SAM, {"reason": "Fine by me"}))
    [answer] = answers(review)
    assert answer.status == "held" and answer.override_reason is None


def test_an_edit_after_its_fine_takes_the_override_and_its_reason_off_the_card(review, fake_slack, held, caplog):
    """The reason was given for the held version: the rewritten answer's card carries neither it nor its kinds."""
    _, view = held
    submit(review, view_submission(view, USER, {"reason": "The name is made up"}))
    review.clock.now = CARD_TIME
    assert run_due(review, CARD_TIME).cards_posted == 1
    card = next(m for m in fake_slack.posted(MARKETING) if m.blocks and m.blocks[0]["type"] == "header")
    assert "The name is made up" in block_text(card.blocks)
    edited_at = CARD_TIME + timedelta(minutes=5)
    review.clock.now = edited_at
    body = event_body(edit_event(CLEAN, f"{ANSWERED.timestamp():.6f}", PHI_ANSWER, DM))
    assert run(review, lambda client: post_signed(client, body)).status == 200
    [update] = [c for c in fake_slack.calls_to("chat.update") if c.params.get("ts") == card.ts]
    shown = json.dumps(update.params, ensure_ascii=False)
    assert CLEAN in shown
    assert "PHI override" not in shown and "made up" not in shown, shown
    assert "Clean" in shown
    [answer] = answers(review)
    assert answer.status == "ready" and answer.override_reason is None and answer.overridden_at is None
    assert not any(excerpt in shown for excerpt in EXCERPTS)


REASON_WITH_PHI = "John Smith agreed in writing, call him at 617-555-0199 to verify"


def test_a_reason_that_identifies_the_patient_is_refused_in_the_modal_and_never_stored(review, fake_slack, held,
                                                                                       caplog):
    """The reason is screened like an answer: the modal says why (in kinds), nothing is saved, it can be sent again."""
    _, view = held
    [reason] = [b for b in view["blocks"] if b["type"] == "input"]
    assert "agreed" not in reason["hint"]["text"] and "Don't name" in reason["hint"]["text"]
    status, body = submit(review, view_submission(view, USER, {"reason": REASON_WITH_PHI}))
    assert status == 200 and body["response_action"] == "errors", body
    error = body["errors"]["reason"]
    assert "a name" in error and "a phone number" in error and "still held" in error
    assert not any(excerpt in json.dumps(body) for excerpt in EXCERPTS)
    [answer] = answers(review)
    assert answer.status == "held" and answer.override_reason is None
    with review.db.transaction() as session:
        rows = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
        assert rows[-1].action == "override_refused" and json.loads(rows[-1].detail)["kinds"] == ["name", "phone"]
        assert not any(excerpt in row.detail for row in rows for excerpt in EXCERPTS)
    review.clock.now = CARD_TIME
    assert run_due(review, CARD_TIME).cards_posted == 0
    assert_held_text_stayed_private(fake_slack, caplog)
    # The same modal, submitted again with a reason that names nobody, sends the answer on.
    status, body = submit(review, view_submission(view, USER, {"reason": "The name and number are made up"}))
    assert status == 200 and not body
    [answer] = answers(review)
    assert answer.status == "ready" and answer.override_reason == "The name and number are made up"
    review.clock.now = CARD_TIME + timedelta(minutes=20)
    assert run_due(review, review.clock.now).cards_posted == 1
    shown = marketing_text(fake_slack)
    assert "made up" in shown and "agreed in writing" not in shown and "verify" not in shown
    for record in caplog.records:
        assert "agreed in writing" not in record.getMessage()

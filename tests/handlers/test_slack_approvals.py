"""The approval card over Slack: signed block_actions and view_submission payloads against the fake.

Each test runs the whole path: a physician's DM answer through `/slack/events`, the card posted
by `run_due` to the marketing channel, clicks and modal submissions from approvers (form-encoded
`payload=` JSON, signed as Slack signs them), and what the fake Slack Web API recorded.
"""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View
from sqlalchemy import select

from bot.chat import Button, Card, CardSection, Form, FormField, MessageRef, OutgoingMessage
from bot.scheduler import run_due
from bot.services import build_services
from bot.store import Answer, AuditEvent, Draft, Person, ReviewStatus
from handlers.slack.chat import SlackChat
from handlers.slack.forms import render_form
from handlers.slack.render import MAX_BLOCKS, SECTION_LIMIT, render_message
from tests.conftest import make_config
from tests.fake_slack import FakeSlack
from tests.handlers.conftest import (
    CREATED,
    QUESTION_DUE,
    USER,
    Clock,
    action_body,
    add_physician,
    dm_event,
    event_body,
    slack_settings,
)
from tests.handlers.test_slack_events import post_form, post_signed, run

MARKETING = "C0MKTG"
DM = FakeSlack.dm_channel(USER)
SAM, JO, PAT, LOU, GROUPIE = "U0SAM0001", "U0JO00001", "U0PAT0001", "U0LOU0001", "U0GRP0001"
APPROVER_GROUP = "S0APPROVE"
ANSWERED = QUESTION_DUE + timedelta(hours=1)
CARD_TIME = ANSWERED + timedelta(minutes=30)  # past settle_minutes (10)
CLICKED = CARD_TIME + timedelta(minutes=5)
CLEAN = "Patients often ask whether chest pain always means a heart attack. Often it doesn't, but get it checked."
PHI_ANSWER = "Mrs. Oyelaran came in on 3/14 with her MRN 4481290 and asked about knee pain."


# --- setup ----------------------------------------------------------------------------------


def build(database_url, fake, clock, **approvals):
    config = make_config(database_url, slack=slack_settings(fake, marketing_channel=MARKETING),
                         approvals={"settle_minutes": 10, **approvals})
    services = build_services(config, chats={"slack": SlackChat(config.slack)}, clock=clock)
    fake.ts_clock = lambda: clock.now.timestamp()
    return services


@pytest.fixture
def review(database_url, fake_slack):
    clock = Clock(QUESTION_DUE)
    services = build(database_url, fake_slack, clock)
    yield services
    services.db.dispose()


def add_staff(services, user_id: str, name: str, roles: str) -> None:
    with services.db.transaction() as session:
        session.add(Person(email=f"{user_id.lower()}@example.org", name=name, roles=roles, specialty="",
                           timezone="America/New_York", weekday=1, local_time="09:00", slack_user_id=user_id,
                           created_at=CREATED, updated_at=CREATED))


STAFF = ((SAM, "Sam Ortiz", "approver"), (JO, "Jo Park", "approver"), (PAT, "Pat Reyes", "staff"),
         (LOU, "Lou Chen", "lead"))


def answer_and_post_card(services, fake, answer_text: str = CLEAN, staff=STAFF):
    """Question, the physician's DM answer through the endpoint, then the card after settle."""
    add_physician(services)
    for user_id, name, roles in staff:
        add_staff(services, user_id, name, roles)
    assert run_due(services, QUESTION_DUE).delivered == 1
    services.clock.now = ANSWERED

    async def scenario(client):
        return (await post_signed(client, event_body(dm_event(answer_text, f"{ANSWERED.timestamp()}", DM)))).status

    assert run(services, scenario) == 200
    services.clock.now = CARD_TIME
    assert run_due(services, CARD_TIME).cards_posted == 1
    services.clock.now = CLICKED
    card = card_message(fake)
    return card, actions_of(card.blocks)[0]["value"]  # what the card's buttons carry: "id:version"


def card_message(fake):
    [card] = [m for m in fake.posted(MARKETING) if m.blocks and m.blocks[0]["type"] == "header"]
    return card


def answer_id(services) -> int:
    with services.db.transaction() as session:
        return session.scalars(select(Answer)).one().id


def answer_row(services) -> Answer:
    with services.db.transaction() as session:
        answer = session.scalars(select(Answer)).one()
        session.expunge(answer)
        return answer


def audit_count(services, action: str) -> int:
    with services.db.transaction() as session:
        return len(session.scalars(select(AuditEvent).where(AuditEvent.action == action)).all())


def block_text(blocks) -> str:
    return json.dumps(blocks, ensure_ascii=False)


def blocks_of(call) -> list[dict]:
    blocks = call.params["blocks"]
    return json.loads(blocks) if isinstance(blocks, str) else blocks


def actions_of(blocks) -> list[dict]:
    return [e for b in blocks or [] if b["type"] == "actions" for e in b["elements"]]


def click(services, action_id: str, value, user: str, channel: str = MARKETING, ts: str = "", times: int = 1,
          headers: dict | None = None):
    body = action_body(action_id, str(value), channel, ts, user=user)

    async def scenario(client):
        return [(await post_form(client, body, headers=headers)).status for _ in range(times)]

    return run(services, scenario)


def view_submission(view: dict, user: str, values: dict[str, str | None]) -> str:
    """The `view_submission` Slack sends for `view` (as opened) with these inputs typed in."""
    state: dict[str, dict] = {}
    for block in view["blocks"]:
        if block["type"] != "input":
            continue
        element, block_id = block["element"], block["block_id"]
        if element["type"] == "static_select":
            value = values.get(block_id, (element.get("initial_option") or {}).get("value"))
            selected = {"text": {"type": "plain_text", "text": value}, "value": value} if value else None
            state[block_id] = {element["action_id"]: {"type": "static_select", "selected_option": selected}}
        else:
            value = values.get(block_id, element.get("initial_value"))
            state[block_id] = {element["action_id"]: {"type": "plain_text_input", "value": value}}
    payload = {
        "type": "view_submission", "team": {"id": "T0000TEST", "domain": "test"},
        "user": {"id": user, "team_id": "T0000TEST"}, "api_app_id": "A0ROUNDS", "token": "unused",
        "trigger_id": "4.5.6",
        "view": {**view, "id": "V0000001", "team_id": "T0000TEST", "app_id": "A0ROUNDS",
                 "state": {"values": state}, "hash": "1.abc", "root_view_id": "V0000001"},
        "response_urls": [],
    }
    return urlencode({"payload": json.dumps(payload)})


def submit(services, body: str):
    async def scenario(client):
        response = await post_form(client, body)
        text = await response.text()
        return response.status, json.loads(text) if text else None

    return run(services, scenario)


def card_updates(fake) -> list:
    """chat.update calls on the marketing channel (the question's own DM update is not the card)."""
    return [call for call in fake.calls_to("chat.update") if call.params.get("channel") == MARKETING]


def ephemeral_texts(fake, user: str) -> list[str]:
    return [e["text"] for e in fake.ephemeral if e.get("user") == user]


# --- the card -------------------------------------------------------------------------------


def test_card_is_posted_to_marketing_with_header_badge_drafts_and_buttons(review, fake_slack):
    card, _ = answer_and_post_card(review, fake_slack)
    types = [b["type"] for b in card.blocks]
    assert types[0] == "header" and types[-1] == "actions" and len(card.blocks) <= MAX_BLOCKS
    assert "Dr. Ana Lee (cardiology)" in card.blocks[0]["text"]["text"]
    assert "Clean" in block_text(card.blocks[1])
    sections = [b["text"]["text"] for b in card.blocks if b["type"] == "section"]
    assert sections[0].startswith("*Answer*\n") and sections[1].startswith("*Facebook (")
    assert "\nX (" in sections[2]  # the other drafts, a line each
    buttons = actions_of(card.blocks)
    assert [b["action_id"] for b in buttons] == ["review.approve", "review.edit", "review.reject", "review.sendback",
                                                 "review.show"]
    assert [b.get("style") for b in buttons] == ["primary", None, "danger", None, None]
    assert {b["value"] for b in buttons} == {f"{answer_id(review)}:1"}
    assert "Waiting for approval" in card.text  # the plain fallback
    for block in card.blocks:
        Block.parse(block).validate_json()


def test_approve_updates_the_card_for_everyone_and_tells_the_physician(review, fake_slack):
    card, answer = answer_and_post_card(review, fake_slack)
    assert click(review, "review.approve", answer, SAM, ts=card.ts) == [200]
    [update] = card_updates(fake_slack)
    assert (update.params["channel"], update.params["ts"]) == (MARKETING, card.ts)
    blocks = blocks_of(update)
    assert actions_of(blocks) == [] and "Approved by Sam Ortiz" in block_text(blocks)
    assert fake_slack.ephemeral == []
    assert answer_row(review).review_status == ReviewStatus.APPROVED
    before = len(fake_slack.posted(DM))
    run_due(review, CLICKED + timedelta(minutes=1))
    [told] = fake_slack.posted(DM)[before:]
    assert "approved" in told.text.lower()


def test_non_approver_is_told_privately_and_nothing_changes(review, fake_slack):
    card, answer = answer_and_post_card(review, fake_slack)
    assert click(review, "review.approve", answer, PAT, ts=card.ts) == [200]
    [private] = fake_slack.ephemeral
    assert (private["channel"], private["user"]) == (MARKETING, PAT)
    assert private["text"].startswith("Only approvers")
    assert card_updates(fake_slack) == [] and fake_slack.calls_to("views.open") == []
    assert answer_row(review).review_status == ReviewStatus.PENDING


def test_nobody_approves_their_own_answer(review, fake_slack):
    card, answer = answer_and_post_card(review, fake_slack)
    with review.db.transaction() as session:
        session.scalars(select(Person).where(Person.slack_user_id == USER)).one().roles = "physician;approver"
    click(review, "review.approve", answer, USER, ts=card.ts)
    assert "Nobody approves their own answer" in ephemeral_texts(fake_slack, USER)[0]
    assert card_updates(fake_slack) == []
    assert answer_row(review).review_status == ReviewStatus.PENDING


def test_double_click_and_slack_retry_make_one_decision(review, fake_slack):
    card, answer = answer_and_post_card(review, fake_slack)
    assert click(review, "review.approve", answer, SAM, ts=card.ts, times=2) == [200, 200]
    click(review, "review.approve", answer, SAM, ts=card.ts, headers={"X-Slack-Retry-Num": "1",
                                                                      "X-Slack-Retry-Reason": "http_timeout"})
    click(review, "review.approve", answer, JO, ts=card.ts)
    assert audit_count(review, "approved") == 1
    assert len(card_updates(fake_slack)) == 1
    told = ephemeral_texts(fake_slack, SAM) + ephemeral_texts(fake_slack, JO)
    assert len(told) == 3 and all(t.startswith("Already approved by Sam Ortiz") for t in told)


def test_concurrent_clicks_by_two_approvers_make_one_decision(review, fake_slack):
    card, answer = answer_and_post_card(review, fake_slack)
    bodies = [action_body("review.approve", str(answer), MARKETING, card.ts, user=user)
              for user in (SAM, JO, SAM, JO, SAM, JO)]

    async def scenario(client):
        responses = await asyncio.gather(*(post_form(client, body) for body in bodies))
        return [r.status for r in responses]

    assert run(review, scenario) == [200] * 6
    assert audit_count(review, "approved") == 1
    assert len(card_updates(fake_slack)) == 1
    told = [e["text"] for e in fake_slack.ephemeral]
    assert len(told) == 5 and all(t.startswith("Already approved by") for t in told)


# --- modals ---------------------------------------------------------------------------------


def test_edit_opens_a_modal_and_its_submission_edits_and_approves(review, fake_slack):
    card, answer = answer_and_post_card(review, fake_slack)
    click(review, "review.edit", answer, SAM, ts=card.ts)
    [opened] = fake_slack.calls_to("views.open")
    assert opened.params["trigger_id"] == "1.2.3"
    [view] = fake_slack.opened_views()
    View(**view).validate_json()
    assert view["type"] == "modal" and view["callback_id"] == "review.edit.submit"
    assert len(view["title"]["text"]) <= 24
    assert json.loads(view["private_metadata"]) == {"value": str(answer), "channel": MARKETING, "ts": card.ts}
    inputs = {b["block_id"]: b["element"] for b in view["blocks"] if b["type"] == "input"}
    with review.db.transaction() as session:
        channels = [d.channel for d in session.scalars(select(Draft).order_by(Draft.channel))]
    assert list(inputs) == channels + ["then"]
    assert inputs["x"]["type"] == "plain_text_input" and inputs["x"]["multiline"] is True
    assert inputs["then"]["type"] == "static_select" and inputs["then"]["initial_option"]["value"] == "approve"
    assert card_updates(fake_slack) == []

    new_x = inputs["x"]["initial_value"].replace("Often it doesn't", "Often it isn't")
    status, body = submit(review, view_submission(view, SAM, {"x": new_x}))
    assert status == 200 and not body
    [update] = card_updates(fake_slack)
    assert update.params["ts"] == card.ts and "Approved by Sam Ortiz" in str(update.params["blocks"])
    with review.db.transaction() as session:
        x = session.scalars(select(Draft).where(Draft.channel == "x")).one()
        assert x.text == new_x and x.edited
    assert answer_row(review).review_status == ReviewStatus.APPROVED
    assert audit_count(review, "edited") == 1


def test_edit_and_save_only_keeps_the_buttons(review, fake_slack):
    card, answer = answer_and_post_card(review, fake_slack)
    click(review, "review.edit", answer, SAM, ts=card.ts)
    [view] = fake_slack.opened_views()
    x = next(b["element"]["initial_value"] for b in view["blocks"] if b.get("block_id") == "x")
    submit(review, view_submission(view, SAM, {"x": x + " Call us.", "then": "save"}))
    [update] = card_updates(fake_slack)
    blocks = blocks_of(update)
    assert [b["action_id"] for b in actions_of(blocks)][0] == "review.approve"
    assert ephemeral_texts(fake_slack, SAM) == ["Saved. The drafts wait for approval."]
    assert answer_row(review).review_status == ReviewStatus.PENDING


def audit_details(services, action: str) -> list[dict]:
    with services.db.transaction() as session:
        return [json.loads(e.detail) for e in session.scalars(select(AuditEvent).where(AuditEvent.action == action)
                                                               .order_by(AuditEvent.id))]


def test_an_edit_adding_patient_details_is_refused_in_the_modal_and_nothing_is_saved(review, fake_slack):
    """Marketing's text is screened like an answer: PHI an edit adds refuses the edit; audit rows hold no text."""
    card, answer = answer_and_post_card(review, fake_slack)
    click(review, "review.edit", answer, SAM, ts=card.ts)
    [view] = fake_slack.opened_views()
    inputs = {b["block_id"]: b["element"] for b in view["blocks"] if b["type"] == "input"}
    before = inputs["facebook"]["initial_value"]
    added = "Edited by marketing: call Bob Jones at 617-555-7777"
    status, body = submit(review, view_submission(view, SAM, {"facebook": before + "\n" + added}))
    assert status == 200 and body["response_action"] == "errors", body
    assert list(body["errors"]) == ["facebook"]
    assert "a name" in body["errors"]["facebook"] and "a phone number" in body["errors"]["facebook"]
    assert "Bob Jones" not in json.dumps(body) and "nothing was saved" in body["errors"]["facebook"]
    with review.db.transaction() as session:
        facebook = session.scalars(select(Draft).where(Draft.channel == "facebook")).one()
        assert facebook.text == before and not facebook.edited
    assert answer_row(review).review_status == ReviewStatus.PENDING
    assert audit_count(review, "edited") == 0
    assert audit_details(review, "edit_refused")[0]["kinds"] == {"facebook": ["name", "phone"]}
    assert card_updates(fake_slack) == [] and ephemeral_texts(fake_slack, SAM) == []
    for call in fake_slack.calls:
        assert "Bob Jones" not in json.dumps(call.params), call.method
    # A clean edit is saved: its audit row says which channel and how much, never the text.
    new_text = before.replace("Often it doesn't", "Often it isn't")
    status, body = submit(review, view_submission(view, SAM, {"facebook": new_text, "then": "save"}))
    assert status == 200 and not body
    [detail] = audit_details(review, "edited")
    assert detail == {"by": "Sam Ortiz", "channel": "facebook", "length_before": len(before),
                      "length_after": len(new_text), "advice_added": False}
    with review.db.transaction() as session:
        rows = session.scalars(select(AuditEvent)).all()
        assert not any("Often it" in row.detail or "Bob Jones" in row.detail for row in rows)


def test_an_edit_adding_advice_is_saved_with_a_warning_and_not_approved(review, fake_slack):
    card, answer = answer_and_post_card(review, fake_slack)
    click(review, "review.edit", answer, SAM, ts=card.ts)
    [view] = fake_slack.opened_views()
    before = next(b["element"]["initial_value"] for b in view["blocks"] if b.get("block_id") == "facebook")
    advice = "Take 20 mg of propranolol twice a day and stop your metoprolol."
    status, body = submit(review, view_submission(view, SAM, {"facebook": before + "\n" + advice}))
    assert status == 200 and not body, "Save and approve: saved, but not approved until someone reads it"
    [reply] = ephemeral_texts(fake_slack, SAM)
    assert reply.startswith("Saved, but not approved") and "Facebook" in reply and "medical advice" in reply
    assert answer_row(review).review_status == ReviewStatus.PENDING
    [update] = card_updates(fake_slack)
    assert "individual medical advice (added in an edit)" in block_text(blocks_of(update))
    # The badge above the drafts says so too: never "Clean" over a draft an edit made into advice.
    assert "an edit made the Facebook draft read like individual medical advice" in block_text(blocks_of(update))
    assert "✓ Clean" not in block_text(blocks_of(update))
    assert [b["action_id"] for b in actions_of(blocks_of(update))][0] == "review.approve"
    assert audit_details(review, "edited")[0]["advice_added"] is True


def test_reject_asks_a_reason_in_a_modal_and_tells_the_physician(review, fake_slack):
    card, answer = answer_and_post_card(review, fake_slack)
    click(review, "review.reject", answer, SAM, ts=card.ts)
    [view] = fake_slack.opened_views()
    assert view["callback_id"] == "review.reject.submit" and view["submit"]["text"] == "Reject"
    [reason] = [b for b in view["blocks"] if b["type"] == "input"]
    assert reason["block_id"] == "reason" and not reason.get("optional")

    status, body = submit(review, view_submission(view, SAM, {"reason": "   "}))
    assert status == 200 and body["response_action"] == "errors" and set(body["errors"]) == {"reason"}
    assert card_updates(fake_slack) == [] and fake_slack.ephemeral == []
    assert answer_row(review).review_status == ReviewStatus.PENDING

    submit(review, view_submission(view, SAM, {"reason": "We covered chest pain last month"}))
    [update] = card_updates(fake_slack)
    assert "Rejected by Sam Ortiz" in str(update.params["blocks"])
    assert answer_row(review).review_status == ReviewStatus.REJECTED
    before = len(fake_slack.posted(DM))
    run_due(review, CLICKED + timedelta(minutes=1))
    [told] = fake_slack.posted(DM)[before:]
    assert "We covered chest pain last month" in told.text


def test_send_back_reaches_the_physician_privately(review, fake_slack):
    card, answer = answer_and_post_card(review, fake_slack)
    click(review, "review.sendback", answer, SAM, ts=card.ts)
    [view] = fake_slack.opened_views()
    assert view["callback_id"] == "review.sendback.submit"
    submit(review, view_submission(view, SAM, {"reason": "Add one tip <!channel>"}))
    assert answer_row(review).review_status == ReviewStatus.SENT_BACK
    [update] = card_updates(fake_slack)
    assert "<!channel>" not in str(update.params) and "&lt;!channel&gt;" in str(update.params["blocks"])
    before = len(fake_slack.posted(DM))
    run_due(review, CLICKED + timedelta(minutes=1))
    [asked] = fake_slack.posted(DM)[before:]
    assert "Add one tip" in asked.text and "<!channel>" not in asked.text


def test_a_send_back_reason_naming_a_patient_is_refused_in_the_modal(review, fake_slack):
    """The reason would sit on the card and in the audit trail for years: screened, refused, never stored."""
    card, answer = answer_and_post_card(review, fake_slack)
    click(review, "review.sendback", answer, SAM, ts=card.ts)
    [view] = fake_slack.opened_views()
    status, body = submit(review, view_submission(view, SAM, {"reason": "Say Bob Jones (617-555-7777) is fine now"}))
    assert status == 200 and body["response_action"] == "errors"
    assert "a name" in body["errors"]["reason"] and "Bob Jones" not in json.dumps(body)
    row = answer_row(review)
    assert row.review_status == ReviewStatus.PENDING and row.decision_note is None
    assert card_updates(fake_slack) == [] and audit_count(review, "sent_back") == 0
    assert audit_details(review, "reason_refused")[0]["kinds"] == ["name", "phone"]
    for call in fake_slack.calls:
        assert "Bob Jones" not in json.dumps(call.params), call.method
    status, body = submit(review, view_submission(view, SAM, {"reason": "Add one practical tip"}))
    assert status == 200 and not body and answer_row(review).review_status == ReviewStatus.SENT_BACK


def test_a_modal_submitted_by_a_non_approver_changes_nothing(review, fake_slack):
    card, answer = answer_and_post_card(review, fake_slack)
    click(review, "review.reject", answer, SAM, ts=card.ts)
    [view] = fake_slack.opened_views()
    submit(review, view_submission(view, PAT, {"reason": "No"}))
    assert ephemeral_texts(fake_slack, PAT)[0].startswith("Only approvers")
    assert answer_row(review).review_status == ReviewStatus.PENDING


# --- who approves ---------------------------------------------------------------------------


def test_members_of_the_approver_group_may_approve(database_url, fake_slack):
    clock = Clock(QUESTION_DUE)
    services = build(database_url, fake_slack, clock, approver_group=APPROVER_GROUP)
    fake_slack.usergroups = {APPROVER_GROUP: [GROUPIE]}
    try:
        card, answer = answer_and_post_card(services, fake_slack)
        click(services, "review.approve", answer, PAT, ts=card.ts)
        assert ephemeral_texts(fake_slack, PAT)[0].startswith("Only approvers")
        click(services, "review.approve", answer, GROUPIE, ts=card.ts)
        assert answer_row(services).review_status == ReviewStatus.APPROVED
        assert len(card_updates(fake_slack)) == 1
        calls = fake_slack.calls_to("usergroups.users.list")
        assert len(calls) == 1 and calls[0].params["usergroup"] == APPROVER_GROUP  # cached
    finally:
        services.db.dispose()


def test_group_lookup_failure_lets_nobody_in(database_url, fake_slack):
    config = make_config(database_url, slack=slack_settings(fake_slack))
    chat = SlackChat(config.slack)
    assert chat.group_members("S0UNKNOWN") == set()
    fake_slack.usergroups = {"S0UNKNOWN": [GROUPIE]}
    assert chat.group_members("S0UNKNOWN") == {GROUPIE}  # errors are not cached


# --- reminder and escalation ------------------------------------------------------------------


def test_reminder_in_the_card_thread_then_escalation_to_the_lead(review, fake_slack):
    card, _ = answer_and_post_card(review, fake_slack)
    run_due(review, CARD_TIME + timedelta(hours=23))
    assert [m for m in fake_slack.posted(MARKETING) if m.thread_ts] == []
    run_due(review, CARD_TIME + timedelta(hours=24))
    [reminder] = [m for m in fake_slack.posted(MARKETING) if m.thread_ts]
    assert reminder.thread_ts == card.ts and "24 working hours" in reminder.text
    lead_dm = FakeSlack.dm_channel(LOU)
    assert fake_slack.posted(lead_dm) == []
    run_due(review, CARD_TIME + timedelta(hours=48))
    run_due(review, CARD_TIME + timedelta(hours=72))
    [escalation] = fake_slack.posted(lead_dm)
    assert "Dr. Ana Lee" in escalation.text and "48 working hours" in escalation.text
    assert len([m for m in fake_slack.posted(MARKETING) if m.thread_ts]) == 1


def test_with_no_lead_the_escalation_also_asks_approvers_configured_by_id(database_url, fake_slack):
    """`[approvals] approvers` ids may approve, so when no lead can decide they are asked with the
    roster's approvers: one on nobody's roster row (reached by the id), one a roster member without the role."""
    services = build(database_url, fake_slack, Clock(QUESTION_DUE), approvers=[GROUPIE, PAT])
    try:
        card, answer = answer_and_post_card(services, fake_slack, staff=(
            (SAM, "Sam Ortiz", "approver"), (PAT, "Pat Reyes", "staff"), (JO, "Jo Park", "staff")))
        assert run_due(services, CARD_TIME + timedelta(hours=48)).escalations == 1
        for user in (SAM, GROUPIE, PAT):
            [escalation] = fake_slack.posted(FakeSlack.dm_channel(user))
            assert "Drafts from Dr. Ana Lee have waited 48 working hours" in escalation.text
            assert "There is no lead on the roster to decide" in escalation.text
        assert fake_slack.posted(FakeSlack.dm_channel(JO)) == []  # staff, and not configured
        with services.db.transaction() as session:
            event = session.scalars(select(AuditEvent).where(AuditEvent.action == "escalated")).one()
            assert f'"told_ids": ["{GROUPIE}"]' in event.detail

        services.clock.now = CARD_TIME + timedelta(hours=49)  # what they are asked to do, they can
        assert click(services, "review.approve", answer, GROUPIE, ts=card.ts) == [200]
        assert answer_row(services).review_status == ReviewStatus.APPROVED
    finally:
        services.db.dispose()


# --- the held answer's button ------------------------------------------------------------------


def test_held_answer_reply_has_its_button_and_the_click_is_handled(review, fake_slack):
    add_physician(review)
    run_due(review, QUESTION_DUE)
    review.clock.now = ANSWERED

    async def scenario(client):
        return (await post_signed(client, event_body(dm_event(PHI_ANSWER, f"{ANSWERED.timestamp()}", DM)))).status

    assert run(review, scenario) == 200
    held = fake_slack.posted(DM)[-1]
    [button] = actions_of(held.blocks)
    assert button["action_id"] == "answer.override"
    click(review, "answer.override", button["value"], USER, channel=DM, ts=held.ts)
    [view] = fake_slack.opened_views()  # the reason is asked in a modal, not in the chat
    assert view["callback_id"] == "answer.override.submit"
    assert fake_slack.posted(DM)[-1].ts == held.ts
    assert fake_slack.ephemeral == []


# --- Block Kit limits ---------------------------------------------------------------------------


def test_a_huge_card_renders_within_block_kit_limits():
    sections = tuple(CardSection(f"Draft {i} <@U1>", "Long & <!here> text. " * 300) for i in range(80))
    buttons = (Button("Approve", "review.approve", "7", "primary"), Button("Reject", "review.reject", "7", "danger"))
    message = OutgoingMessage(text="Card & <!channel>", buttons=buttons,
                              card=Card("T" * 400, sections, badge="⚠ " + "b" * 4000, footer="f" * 4000))
    rendered = render_message(message)
    blocks = rendered["blocks"]
    assert len(blocks) == MAX_BLOCKS
    for block in blocks:
        Block.parse(block).validate_json()  # raises past any Block Kit limit
    texts = [b["text"]["text"] for b in blocks if b["type"] == "section"]
    assert all(len(t) <= SECTION_LIMIT for t in texts) and texts[0].endswith("…")
    assert "Draft 79" in texts[-1]  # the rest folded into the last section
    assert "<!here>" not in json.dumps(rendered) and "<@U1>" not in json.dumps(rendered)
    assert blocks[-1]["type"] == "actions"


def test_a_form_with_a_text_too_long_for_a_modal_leaves_it_out():
    form = Form(title="Edit drafts for a very long title", submit_label="Save", action="review.edit.submit",
                value="7", message=MessageRef(MARKETING, "1.2"),
                fields=(FormField("blog", "Blog", initial="x" * 3500, max_length=2900),
                        FormField("x", "X", initial="short", max_length=2900)))
    view = render_form(form)
    View(**view).validate_json()
    assert [b.get("block_id") for b in view["blocks"] if b["type"] == "input"] == ["x"]
    assert "too long to edit here" in json.dumps(view)
    assert len(view["title"]["text"]) <= 24


def test_an_expired_trigger_is_told_privately_and_changes_nothing(review, fake_slack):
    card, answer = answer_and_post_card(review, fake_slack)
    fake_slack.error_next("views.open", "expired_trigger_id")
    assert click(review, "review.reject", answer, SAM, ts=card.ts) == [200]
    assert ephemeral_texts(fake_slack, SAM) == ["Sorry, that form could not be opened. Please try again."]
    assert answer_row(review).review_status == ReviewStatus.PENDING

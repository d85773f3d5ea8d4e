"""A card is a snapshot of one answer version (issue 8, point 1), through the real `/slack/events`.

The sequence from the issue, in every order: a clean answer's card is posted, then the physician
adds or edits in patient details (held) or clean text, and an approver acts on the old card,
or on an Edit modal opened before the change, or at the same moment as the change. Held text
must never reach the marketing channel, a card update, the webhook or an export, the answer is
never held and approved at once, and a decision on an outdated version is refused privately.
"""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.review.calendar import upcoming_entries
from bot.scheduler import run_due
from bot.store import Answer, AnswerStatus, OutboxMessage, ReviewStatus
from tests.fake_slack import FakeSlack
from tests.handlers.conftest import QUESTION_DUE, USER, Clock, action_body, dm_event, edit_event, event_body
from tests.handlers.test_slack_approvals import (
    ANSWERED,
    CLEAN,
    MARKETING,
    SAM,
    actions_of,
    answer_and_post_card,
    blocks_of,
    card_updates,
    click,
    ephemeral_texts,
    submit,
    view_submission,
)
from tests.handlers.test_slack_events import post_form, post_signed, run

DM = FakeSlack.dm_channel(USER)
PHI = "Last week my patient Maria Gonzalez-Whitfield, DOB 03/14/1962, phone (312) 555-0147, MRN 00482913, asked me."
PHI_MARKERS = ("Gonzalez", "555-0147", "00482913", "03/14/1962")
WEBHOOK = {"url": "https://hooks.example.org/rounds", "secret": "s3cret"}


@pytest.fixture
def review(database_url, fake_slack):
    services = build_with_webhook(database_url, fake_slack)
    yield services
    services.db.dispose()


def build_with_webhook(database_url, fake):
    from bot.services import build_services
    from handlers.slack.chat import SlackChat
    from tests.conftest import make_config
    from tests.handlers.conftest import slack_settings

    config = make_config(database_url, slack=slack_settings(fake, marketing_channel=MARKETING),
                         approvals={"settle_minutes": 10}, webhook=WEBHOOK)
    services = build_services(config, chats={"slack": SlackChat(config.slack)}, clock=Clock(QUESTION_DUE))
    fake.ts_clock = lambda: services.clock.now.timestamp()
    return services


def dm(services, text: str, offset: float):
    """The physician writes another message in the DM, `offset` seconds after the answer."""
    body = event_body(dm_event(text, f"{ANSWERED.timestamp() + offset:.6f}", DM))

    async def scenario(client):
        return (await post_signed(client, body)).status

    return run(services, scenario)


def edit_first_message(services, new_text: str):
    body = event_body(edit_event(new_text, f"{ANSWERED.timestamp()}", CLEAN, DM))

    async def scenario(client):
        return (await post_signed(client, body)).status

    return run(services, scenario)


def answer_row(services) -> Answer:
    with services.db.transaction() as session:
        answer = session.scalars(select(Answer)).one()
        session.expunge(answer)
        return answer


def marketing_texts(fake) -> str:
    """Everything Rounds ever sent to the marketing channel: posts, updates, ephemerals, modals."""
    calls = [c for c in fake.calls_to("chat.postMessage") + fake.calls_to("chat.update")
             if c.params.get("channel") == MARKETING]
    return json.dumps([c.params for c in calls] + fake.ephemeral + fake.opened_views(), ensure_ascii=False)


def webhook_rows(services) -> list[str]:
    with services.db.transaction() as session:
        rows = session.scalars(select(OutboxMessage).where(OutboxMessage.platform == "webhook"))
        return [row.payload for row in rows]


def assert_no_held_text_left_rounds(services, fake):
    leaked = marketing_texts(fake) + "".join(webhook_rows(services))
    with services.db.transaction() as session:
        leaked += json.dumps([e.text + e.answer_text for e in upcoming_entries(session, services.config,
                                                                                ANSWERED - timedelta(days=30))])
    for marker in PHI_MARKERS:
        assert marker not in leaked
    answer = answer_row(services)
    assert not (answer.status == AnswerStatus.HELD and answer.review_status == ReviewStatus.APPROVED)


def assert_withdrawn(update, card_ts: str):
    assert update.params["ts"] == card_ts
    blocks = json.dumps(blocks_of(update), ensure_ascii=False)
    assert "Withdrawn" in blocks and actions_of(blocks_of(update)) == []


@pytest.mark.parametrize("change", ["added message", "edited message"])
def test_held_change_withdraws_the_card_at_once_and_an_old_approve_is_refused(review, fake_slack, change):
    card, old_value = answer_and_post_card(review, fake_slack)
    if change == "added message":
        assert dm(review, PHI, 60) == 200
    else:
        assert edit_first_message(review, CLEAN + " " + PHI) == 200
    assert fake_slack.posted(DM)[-1].text.startswith("I held your answer")
    [withdrawn] = card_updates(fake_slack)
    assert_withdrawn(withdrawn, card.ts)
    assert answer_row(review).status == AnswerStatus.HELD

    assert click(review, "review.approve", old_value, SAM, ts=card.ts) == [200]
    assert "changed this answer" in ephemeral_texts(fake_slack, SAM)[-1]
    answer = answer_row(review)
    assert answer.review_status != ReviewStatus.APPROVED and answer.decided_by is None
    assert webhook_rows(review) == []
    assert_no_held_text_left_rounds(review, fake_slack)


def test_clean_change_updates_the_card_to_the_new_version_and_only_that_version_can_be_approved(review, fake_slack):
    card, old_value = answer_and_post_card(review, fake_slack)
    assert dm(review, "Also: a walk after dinner helps more than people think.", 60) == 200
    [updated] = card_updates(fake_slack)
    new_value = actions_of(blocks_of(updated))[0]["value"]
    assert updated.params["ts"] == card.ts and new_value != old_value and new_value.endswith(":2")
    assert "walk after dinner" in json.dumps(blocks_of(updated))

    assert click(review, "review.approve", old_value, SAM, ts=card.ts) == [200]
    assert answer_row(review).review_status == ReviewStatus.PENDING
    assert click(review, "review.approve", new_value, SAM, ts=card.ts) == [200]
    answer = answer_row(review)
    assert answer.review_status == ReviewStatus.APPROVED and answer.version == 2
    [hook] = webhook_rows(review)
    assert "walk after dinner" in hook


def test_edit_modal_opened_before_the_change_cannot_save_or_approve(review, fake_slack):
    card, value = answer_and_post_card(review, fake_slack)
    click(review, "review.edit", value, SAM, ts=card.ts)
    [view] = fake_slack.opened_views()
    assert dm(review, PHI, 60) == 200  # the physician adds patient details while the modal is open
    status, _ = submit(review, view_submission(view, SAM, {"x": "Shorter post. Call us."}))
    assert status == 200
    assert "changed this answer" in ephemeral_texts(fake_slack, SAM)[-1]
    answer = answer_row(review)
    assert answer.status == AnswerStatus.HELD and answer.review_status is None
    assert webhook_rows(review) == []
    assert_no_held_text_left_rounds(review, fake_slack)


def test_changes_after_approval_do_not_touch_the_approved_post(review, fake_slack):
    card, value = answer_and_post_card(review, fake_slack)
    assert click(review, "review.approve", value, SAM, ts=card.ts) == [200]
    before = answer_row(review)
    assert dm(review, PHI, 60) == 200
    assert edit_first_message(review, CLEAN + " " + PHI) == 200
    after = answer_row(review)
    assert (after.text, after.version, after.status) == (before.text, before.version, before.status)
    assert "already reviewed" in fake_slack.posted(DM)[-1].text
    assert_no_held_text_left_rounds(review, fake_slack)


@pytest.mark.parametrize("edit_first", [True, False])
def test_approve_racing_a_held_edit_never_leaks(database_url, edit_first):
    """Approve and the PHI edit arrive together (in both orders of submission): whichever wins,
    held text reaches no card, update, webhook or export, and the answer is never held+approved."""
    with FakeSlack(emails={"lee@example.org": USER}) as fake:
        services = build_with_webhook(database_url, fake)
        try:
            card, value = answer_and_post_card(services, fake)
            approve = action_body("review.approve", value, MARKETING, card.ts, user=SAM)
            edit = event_body(edit_event(CLEAN + " " + PHI, f"{ANSWERED.timestamp()}", CLEAN, DM))

            async def scenario(client):
                requests = [post_form(client, approve), post_signed(client, edit)]
                if edit_first:
                    requests.reverse()
                return [r.status for r in await asyncio.gather(*requests)]

            assert run(services, scenario) == [200, 200]
            answer = answer_row(services)
            if answer.review_status == ReviewStatus.APPROVED:  # approval won: the edit was refused
                assert PHI not in answer.text and "already reviewed" in fake.posted(DM)[-1].text
            else:  # the edit won: the card was withdrawn and the approval refused
                assert answer.status == AnswerStatus.HELD
                assert "changed this answer" in ephemeral_texts(fake, SAM)[-1]
            assert_no_held_text_left_rounds(services, fake)
            run_due(services, services.clock.now + timedelta(hours=1))  # later ticks leak nothing either
            assert_no_held_text_left_rounds(services, fake)
        finally:
            services.db.dispose()


def test_revised_clean_answer_after_withdrawal_gets_a_new_card(review, fake_slack):
    card, old_value = answer_and_post_card(review, fake_slack)
    assert dm(review, PHI, 60) == 200
    assert dm(review, "Chest pain is worth a call; most of the time it is not the heart.", 120) == 200
    answer = answer_row(review)
    assert answer.status == AnswerStatus.READY and answer.review_status is None
    review.clock.now += timedelta(minutes=30)
    assert run_due(review, review.clock.now).cards_posted == 1
    cards = [m for m in fake_slack.posted(MARKETING) if m.blocks and m.blocks[0]["type"] == "header"]
    assert len(cards) == 2 and actions_of(cards[-1].blocks)[0]["value"] == f"{answer.id}:{answer.version}"
    assert click(review, "review.approve", old_value, SAM, ts=card.ts) == [200]
    assert answer_row(review).review_status == ReviewStatus.PENDING
    assert_no_held_text_left_rounds(review, fake_slack)


def test_a_card_changed_while_it_was_being_posted_is_updated_once_posted(review, fake_slack):
    """The answer is held while its card's chat.postMessage is in flight: once the post is
    recorded, the card is withdrawn at once (the outbox saw its payload replaced)."""
    import threading

    from tests.handlers.conftest import add_physician
    from tests.handlers.test_slack_approvals import CARD_TIME, JO, LOU, PAT, add_staff

    add_physician(review)
    for user, name, roles in ((SAM, "Sam Ortiz", "approver"), (JO, "Jo Park", "approver"),
                              (PAT, "Pat Reyes", "staff"), (LOU, "Lou Chen", "lead")):
        add_staff(review, user, name, roles)
    run_due(review, QUESTION_DUE)
    review.clock.now = ANSWERED
    assert dm(review, CLEAN, 0) == 200
    review.clock.now = CARD_TIME
    fake_slack.hold("chat.postMessage")
    ticking = threading.Thread(target=run_due, args=(review, CARD_TIME))
    ticking.start()
    fake_slack.wait_for(lambda: fake_slack.posted(MARKETING))
    assert dm(review, PHI, 60) == 200  # held while the card's post has not come back
    assert card_updates(fake_slack) == []  # nothing to update yet: the post has no ts recorded
    fake_slack.release_holds()
    ticking.join(timeout=30)
    [card] = fake_slack.posted(MARKETING)
    [withdrawn] = card_updates(fake_slack)
    assert_withdrawn(withdrawn, card.ts)
    assert_no_held_text_left_rounds(review, fake_slack)

"""A held answer's private notice over Slack: its "It's fine" button goes when the hold ends another way.

Signed DM events and clicks into `/slack/events`, the outbox delivered by `run_due`, and what the
fake Slack Web API recorded. The flagged excerpts may identify a patient: they reach the
physician's DM once and nothing else (no other channel, no update, no log line).
"""

from __future__ import annotations

import json
import logging
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.retention import purge_answers
from bot.review import held_notices
from bot.scheduler import run_due
from bot.store import Answer
from tests.fake_slack import FakeSlack
from tests.handlers.conftest import QUESTION_DUE, USER, action_body, add_physician, dm_event, edit_event, event_body
from tests.handlers.test_slack_approvals import submit, view_submission
from tests.handlers.test_slack_events import post_form, post_signed, run

DM = FakeSlack.dm_channel(USER)
ANSWERED = QUESTION_DUE + timedelta(hours=1)
PHI_ANSWER = "Mrs. Oyelaran came in on 3/14 with her MRN 4481290 and asked about knee pain."
PHI_REVISION = "A patient, Mrs. Oyelaran, asked me about knee pain."
CLEAN = "Patients often ask whether knee pain always means arthritis. Often it doesn't, but get it checked."
EXCERPTS = ("Oyelaran", "4481290", "3/14")


def actions_of(blocks) -> list[dict]:
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    return [e for b in blocks or [] if b["type"] == "actions" for e in b["elements"]]


def say(services, text: str, at, ts: str | None = None) -> str:
    """The physician writes `text` in the DM at `at`; returns the message's ts."""
    services.clock.now = at
    ts = ts or f"{at.timestamp():.6f}"

    async def scenario(client):
        return (await post_signed(client, event_body(dm_event(text, ts, DM)))).status

    assert run(services, scenario) == 200
    return ts


def click(services, action_id: str, value: str, message_ts: str, at) -> None:
    services.clock.now = at

    async def scenario(client):
        return (await post_form(client, action_body(action_id, value, DM, message_ts))).status

    assert run(services, scenario) == 200


def held_notice(fake):
    """The latest held notice posted in the DM, with its It's fine button."""
    notices = [m for m in fake.posted(DM) if m.text.startswith("I held your answer")]
    assert notices, [m.text for m in fake.posted(DM)]
    return notices[-1]


def updates_of(fake, ts: str) -> list:
    return [c for c in fake.calls_to("chat.update") if c.params["ts"] == ts]


def assert_phi_stayed_in_the_notices(fake, caplog):
    for call in fake.calls_to("chat.postMessage") + fake.calls_to("chat.postEphemeral"):
        dumped = json.dumps(call.params)
        if any(excerpt in dumped for excerpt in EXCERPTS):
            assert call.params["channel"] == DM and "I held your answer" in call.params["text"]
    for view in fake.opened_views():  # the It's fine modal, opened for the physician only
        assert view["callback_id"] == "answer.override.submit"
    for call in fake.calls_to("chat.update"):
        assert not any(excerpt in json.dumps(call.params) for excerpt in EXCERPTS)
    for record in caplog.records:
        assert not any(excerpt in record.getMessage() for excerpt in EXCERPTS)


@pytest.fixture
def held(slack_services, fake_slack, caplog):
    """The question is sent; the physician answers with PHI and gets the held notice."""
    caplog.set_level(logging.DEBUG)
    add_physician(slack_services)
    assert run_due(slack_services, QUESTION_DUE).delivered == 1
    answer_ts = say(slack_services, PHI_ANSWER, ANSWERED)
    notice = held_notice(fake_slack)
    [button] = actions_of(notice.blocks)
    assert button["action_id"] == "answer.override"
    return notice, answer_ts


def test_a_clean_revision_takes_the_button_off_the_earlier_held_notice(slack_services, fake_slack, held, caplog):
    notice, _ = held
    say(slack_services, CLEAN, ANSWERED + timedelta(minutes=5))
    assert fake_slack.posted(DM)[-1].text.startswith("Thanks")  # the revision was taken
    [update] = updates_of(fake_slack, notice.ts)
    assert update.params["channel"] == DM
    assert actions_of(update.params.get("blocks")) == []
    assert held_notices.NEW_VERSION in update.params["text"]
    run_due(slack_services, ANSWERED + timedelta(minutes=6))
    assert len(updates_of(fake_slack, notice.ts)) == 1  # once, not again from the outbox
    assert_phi_stayed_in_the_notices(fake_slack, caplog)


def test_a_held_revision_retires_only_the_older_notice(slack_services, fake_slack, held, caplog):
    first, _ = held
    say(slack_services, PHI_REVISION, ANSWERED + timedelta(minutes=5))
    second = held_notice(fake_slack)
    assert second.ts != first.ts
    [update] = updates_of(fake_slack, first.ts)
    assert actions_of(update.params.get("blocks")) == []
    assert updates_of(fake_slack, second.ts) == []
    [button] = actions_of(second.blocks)
    # Its It's fine then works; once the form's reason is given, that notice loses its button too.
    click(slack_services, "answer.override", button["value"], second.ts, ANSWERED + timedelta(minutes=6))
    [view] = fake_slack.opened_views()
    assert view["callback_id"] == "answer.override.submit"
    slack_services.clock.now = ANSWERED + timedelta(minutes=7)
    submit(slack_services, view_submission(view, USER, {"reason": "She is a colleague, not a patient."}))
    [override_update] = updates_of(fake_slack, second.ts)
    assert actions_of(override_update.params.get("blocks")) == []
    assert held_notices.OVERRIDDEN in override_update.params["text"]
    assert_phi_stayed_in_the_notices(fake_slack, caplog)


def test_an_edit_of_the_held_answer_retires_its_notice(slack_services, fake_slack, held, caplog):
    notice, answer_ts = held
    slack_services.clock.now = ANSWERED + timedelta(minutes=5)

    async def scenario(client):
        return (await post_signed(client, event_body(edit_event(CLEAN, answer_ts, PHI_ANSWER, DM)))).status

    assert run(slack_services, scenario) == 200
    [update] = updates_of(fake_slack, notice.ts)
    assert actions_of(update.params.get("blocks")) == []
    assert_phi_stayed_in_the_notices(fake_slack, caplog)


def test_when_the_question_closes_the_notice_loses_its_button(slack_services, fake_slack, held, caplog):
    notice, _ = held
    with slack_services.db.transaction() as session:
        expires = session.scalars(select(Answer)).one().prompt.expires_at
    late = timedelta(days=slack_services.config.prompts.late_answer_days)
    run_due(slack_services, expires + late - timedelta(hours=1))
    assert updates_of(fake_slack, notice.ts) == []  # a late "It's fine" still counts
    run_due(slack_services, expires + late + timedelta(minutes=1))
    [update] = updates_of(fake_slack, notice.ts)
    assert actions_of(update.params.get("blocks")) == []
    assert held_notices.CLOSED in update.params["text"]
    run_due(slack_services, expires + late + timedelta(minutes=2))
    assert len(updates_of(fake_slack, notice.ts)) == 1
    assert_phi_stayed_in_the_notices(fake_slack, caplog)


def test_purging_the_answer_retires_its_notice(slack_services, fake_slack, held, caplog):
    notice, _ = held
    purged_at = ANSWERED + timedelta(days=40)
    assert purge_answers(slack_services.db, 30, purged_at).answer_ids  # before any tick saw it close
    run_due(slack_services, purged_at)
    [update] = updates_of(fake_slack, notice.ts)
    assert held_notices.PURGED in update.params["text"]
    assert actions_of(update.params.get("blocks")) == []
    assert_phi_stayed_in_the_notices(fake_slack, caplog)

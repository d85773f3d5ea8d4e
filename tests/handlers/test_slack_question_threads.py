"""Replies in a question's Slack thread (signed events into `/slack/events`, the fake Slack Web API).

A reply in the thread of a question answers that question while it still takes answers (its
week, then `[prompts] late_answer_days`), even once a newer question is open; a plain DM goes
to the newest open question.
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.scheduler import run_due
from bot.store import Answer, Prompt, PromptStatus
from tests.fake_slack import FakeSlack
from tests.handlers.conftest import QUESTION_DUE, USER, add_physician, dm_event, event_body
from tests.handlers.test_slack_events import post_signed, run

DM = FakeSlack.dm_channel(USER)
NEXT_WEEK = QUESTION_DUE + timedelta(weeks=1)  # Tue Dec 1, 9:00 AM in New York


@pytest.fixture
def slack(slack_services, fake_slack):
    slack_services.fake_slack = fake_slack
    return slack_services


def say(services, text: str, at, thread_ts: str | None = None) -> list[str]:
    """`text` typed in the DM (in the thread of `thread_ts`, if given); Rounds' replies in the DM."""
    services.clock.now = at
    ts = f"{at.timestamp():.6f}"
    extra = {"thread_ts": thread_ts} if thread_ts else {}
    before = len(services.fake_slack.calls_to("chat.postMessage"))

    async def scenario(client):
        return (await post_signed(client, event_body(dm_event(text, ts, DM, **extra)))).status

    assert run(services, scenario) == 200
    return [call.params["text"] for call in services.fake_slack.calls_to("chat.postMessage")[before:]
            if call.params["channel"] == DM]


def two_questions(services) -> tuple[str, str]:
    """Last week's question and this week's, both sent; returns their message ts."""
    add_physician(services)
    assert run_due(services, QUESTION_DUE).delivered == 1
    assert run_due(services, NEXT_WEEK).delivered >= 1
    first, second = services.fake_slack.posted(DM)
    return first.ts, second.ts


def statuses_and_answers(services) -> list[tuple[str, str | None]]:
    with services.db.transaction() as session:
        prompts = session.scalars(select(Prompt).order_by(Prompt.id)).all()
        return [(p.status, session.scalars(select(Answer.text).where(Answer.prompt_id == p.id)).first())
                for p in prompts]


def test_a_reply_in_last_weeks_thread_answers_last_weeks_question(slack):
    first_ts, _ = two_questions(slack)

    [thanks] = say(slack, "They ask whether salt matters. It does.", NEXT_WEEK + timedelta(hours=1),
                   thread_ts=first_ts)

    assert thanks.startswith("Thank you! Got it.")
    assert statuses_and_answers(slack) == [(PromptStatus.ANSWERED, "They ask whether salt matters. It does."),
                                           (PromptStatus.SENT, None)]


def test_a_plain_dm_still_answers_the_newest_open_question(slack):
    first_ts, second_ts = two_questions(slack)

    say(slack, "Last week: salt.", NEXT_WEEK + timedelta(hours=1), thread_ts=first_ts)
    say(slack, "This week: sleep.", NEXT_WEEK + timedelta(hours=2))
    say(slack, "And naps.", NEXT_WEEK + timedelta(hours=3), thread_ts=second_ts)

    assert statuses_and_answers(slack) == [(PromptStatus.ANSWERED, "Last week: salt."),
                                           (PromptStatus.ANSWERED, "This week: sleep.\nAnd naps.")]


def test_a_reply_in_a_thread_after_its_late_window_answers_nothing(slack):
    slack.config = dataclasses.replace(slack.config, prompts=dataclasses.replace(
        slack.config.prompts, late_answer_days=1))  # last week's question took answers until Mon Nov 30
    first_ts, _ = two_questions(slack)

    [reply] = say(slack, "Sorry, only now.", NEXT_WEEK + timedelta(hours=1), thread_ts=first_ts)

    assert "no longer takes answers" in reply and "This week's question is open" in reply
    assert statuses_and_answers(slack) == [(PromptStatus.EXPIRED, None), (PromptStatus.SENT, None)]


def test_when_the_late_window_ends_the_expired_question_says_replies_no_longer_count(slack):
    add_physician(slack)
    assert run_due(slack, QUESTION_DUE).delivered == 1
    [question] = slack.fake_slack.posted(DM)
    week_ended = QUESTION_DUE + timedelta(days=5, hours=15)  # Mon Nov 30, 12:00 AM in New York
    run_due(slack, week_ended)
    late_ended = week_ended + timedelta(days=7)

    run_due(slack, late_ended - timedelta(minutes=1))
    run_due(slack, late_ended + timedelta(minutes=1))
    run_due(slack, late_ended + timedelta(hours=1))

    updates = [call.params["text"] for call in slack.fake_slack.calls_to("chat.update")
               if call.params["ts"] == question.ts]
    assert len(updates) == 2 and "A reply here still counts until Mon Dec 7, 12:00 AM." in updates[0]
    assert updates[1].endswith("This question's week has ended. Replies here stopped counting on Mon Dec 7, 12:00 AM.")
    assert "still counts" not in updates[1]

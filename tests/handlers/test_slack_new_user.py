"""What a new user hit, through Slack: signed DM events and `/rounds` into `/slack/events`, checked
by what the fake Slack Web API recorded (the core-level tests are in tests/test_weekly_question.py).

- A reply within `[prompts] late_answer_days` after the week ended still counts for that question.
- `stop` then `start` in the same week keeps the open question open.
- Staff-only people are never told they will get questions: replies and help follow their roles.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.scheduler import run_due
from bot.store import Answer, Person, Prompt, PromptStatus
from tests.conftest import utc
from tests.fake_slack import FakeSlack
from tests.handlers.conftest import CREATED, QUESTION_DUE, USER, add_physician, dm_event, event_body
from tests.handlers.test_slack_events import post_signed, run
from tests.handlers.test_slack_rounds_home import slash

DM = FakeSlack.dm_channel(USER)
WEEK_ENDED = utc(2026, 11, 30, 5, 0)  # Mon 00:00 in New York: the question's week is over
PAT = "U0PAT0001"
PAT_DM = FakeSlack.dm_channel(PAT)
QUESTION_TALK = ("No open question", "next one arrives", "next question", "Next question", "one short question",
                 "questions on", "Tuesdays", "09:00", "pause 2w", "Skip this week")


def say(services, text: str, at, user: str = USER, channel: str = DM) -> list[str]:
    """`text` typed in the DM at `at`; returns the texts Rounds posted in that DM in reply."""
    services.clock.now = at
    ts = f"{at.timestamp():.6f}"
    fake = services.fake_slack
    before = len(fake.calls_to("chat.postMessage"))

    async def scenario(client):
        return (await post_signed(client, event_body(dm_event(text, ts, channel, user=user)))).status

    assert run(services, scenario) == 200
    return [call.params["text"] for call in fake.calls_to("chat.postMessage")[before:]
            if call.params["channel"] == channel]


@pytest.fixture
def slack(slack_services, fake_slack):
    slack_services.fake_slack = fake_slack
    return slack_services


def question_sent(services) -> str:
    add_physician(services)
    assert run_due(services, QUESTION_DUE).delivered == 1
    [question] = services.fake_slack.posted(DM)
    return question.ts


def prompt(services) -> Prompt:
    with services.db.transaction() as session:
        row = session.scalars(select(Prompt).order_by(Prompt.id)).first()
        session.expunge(row)
        return row


def answer_text(services) -> str | None:
    with services.db.transaction() as session:
        answer = session.scalars(select(Answer)).first()
        return answer.text if answer else None


# --- late answers -------------------------------------------------------------------------------


def test_a_reply_the_monday_after_the_week_counts_for_that_question(slack, fake_slack):
    question_ts = question_sent(slack)
    run_due(slack, WEEK_ENDED)
    [closed] = [c for c in fake_slack.calls_to("chat.update") if c.params["ts"] == question_ts]
    assert "A reply here still counts until Mon Dec 7" in closed.params["text"]
    assert prompt(slack).status == PromptStatus.EXPIRED

    replies = say(slack, "People ask whether salt matters. It does.", WEEK_ENDED + timedelta(hours=9))
    assert len(replies) == 1 and replies[0].startswith("Thank you! Got it.")
    assert not any(text in replies[0] for text in ("No open question", "next one arrives"))
    assert answer_text(slack) == "People ask whether salt matters. It does."
    assert prompt(slack).status == PromptStatus.ANSWERED


def test_a_reply_on_the_last_late_day_counts_and_one_after_it_does_not(slack, fake_slack):
    question_sent(slack)
    run_due(slack, WEEK_ENDED)
    last_day = WEEK_ENDED + timedelta(days=7) - timedelta(minutes=5)  # Sun Dec 6, 23:55 in New York
    assert say(slack, "Just in time.", last_day)[0].startswith("Thank you! Got it.")
    assert answer_text(slack) == "Just in time."


def test_a_reply_after_late_answer_days_is_not_taken(slack, fake_slack):
    slack.config = dataclasses.replace(slack.config, prompts=dataclasses.replace(
        slack.config.prompts, late_answer_days=1))
    question_sent(slack)
    run_due(slack, WEEK_ENDED)
    [reply] = say(slack, "Too late.", WEEK_ENDED + timedelta(days=1, hours=1))
    assert reply.startswith("No open question right now.")
    assert answer_text(slack) is None


# --- stop, then start the same week -------------------------------------------------------------


def test_stop_then_start_the_same_week_keeps_the_open_question(slack, fake_slack):
    question_ts = question_sent(slack)
    [stopped] = say(slack, "stop", QUESTION_DUE + timedelta(hours=1))
    assert "won't get any more questions" in stopped
    run_due(slack, QUESTION_DUE + timedelta(days=1))  # a tick while stopped closes nothing
    assert prompt(slack).status == PromptStatus.SENT
    assert fake_slack.calls_to("chat.update") == []  # the question keeps its buttons

    [started] = say(slack, "start", QUESTION_DUE + timedelta(days=1, hours=1))
    assert "This week's question is still open" in started
    [thanks] = say(slack, "Mostly about salt.", QUESTION_DUE + timedelta(days=1, hours=2))
    assert thanks.startswith("Thank you")
    assert prompt(slack).status == PromptStatus.ANSWERED and answer_text(slack) == "Mostly about salt."
    [answered] = [c for c in fake_slack.calls_to("chat.update") if c.params["ts"] == question_ts]
    assert "Answered" in answered.params["text"]


# --- staff --------------------------------------------------------------------------------------


def add_staff(services, roles: str = "staff") -> None:
    with services.db.transaction() as session:
        session.add(Person(email="pat@example.org", name="Pat Reyes", roles=roles, specialty="",
                           timezone="America/New_York", weekday=1, local_time="09:00", slack_user_id=PAT,
                           created_at=CREATED, updated_at=CREATED))


def assert_no_question_talk(text: str) -> None:
    for phrase in QUESTION_TALK:
        assert phrase not in text, f"{phrase!r} told to staff: {text!r}"


@pytest.mark.parametrize("roles", ["staff", "staff;approver", "approver", "lead"])
def test_staff_typing_anything_are_not_told_about_questions(slack, fake_slack, roles):
    question_sent(slack)  # a physician has an open question: staff still get none
    add_staff(slack, roles)
    at = QUESTION_DUE + timedelta(hours=1)
    for index, text in enumerate(("hello", "What is Rounds?", "help", "status", "settings", "ask", "resume",
                                  "pause 2w", "stop")):
        replies = say(slack, text, at + timedelta(minutes=index), user=PAT, channel=PAT_DM)
        assert len(replies) == 1, (text, replies)
        assert_no_question_talk(replies[0])
        if text in ("hello", "What is Rounds?", "help"):
            assert "you don't get questions" in replies[0]
    with slack.db.transaction() as session:
        assert session.scalars(select(Prompt).join(Person).where(Person.slack_user_id == PAT)).all() == []


def test_staff_help_is_staff_text_and_physician_help_is_physician_text(slack, fake_slack):
    add_physician(slack)
    add_staff(slack, "staff")
    [staff_help] = say(slack, "help", QUESTION_DUE, user=PAT, channel=PAT_DM)
    [physician_help] = say(slack, "help", QUESTION_DUE + timedelta(minutes=1))
    assert "you don't get questions" in staff_help and "check" in staff_help
    assert "one short question a week" in physician_help and "pause 2w" in physician_help
    assert "you don't get questions" not in physician_help


@pytest.mark.parametrize("words", ["", "help", "status", "settings", "pause 2w", "ask", "make me a sandwich"])
def test_rounds_slash_command_follows_the_staff_role(slack, fake_slack, words):
    add_staff(slack, "staff;approver")
    slack.clock.now = QUESTION_DUE
    reply = slash(slack, words, user=PAT)
    assert reply["response_type"] == "ephemeral"
    assert_no_question_talk(reply["text"])
    if words in ("", "help", "make me a sandwich"):
        assert "you don't get questions" in reply["text"] and "Rounds words" in reply["text"]
    assert not fake_slack.calls_to("chat.postMessage")  # answered in the acknowledgement
    with slack.db.transaction() as session:
        person = session.scalars(select(Person).where(Person.slack_user_id == PAT)).one()
        assert person.paused_until is None and session.scalars(select(Prompt)).all() == []


def test_rounds_help_for_a_physician_is_physician_text(slack, fake_slack):
    add_physician(slack)
    reply = slash(slack, "help")
    assert "Rounds words" in reply["text"] and "pause 2w" in reply["text"]
    assert "you don't get questions" not in json.dumps(reply)

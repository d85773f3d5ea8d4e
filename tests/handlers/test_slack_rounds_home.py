"""`/rounds` and the App Home through signed requests to `/slack/events`, against the fake Slack."""

from __future__ import annotations

import json
from datetime import date
from urllib.parse import urlencode

from slack_sdk.models.views import View
from sqlalchemy import select

from bot.home import HomeBlock, HomeView
from bot.store import Person, Prompt, PromptStatus
from handlers.slack.home import render_home
from tests.handlers.conftest import QUESTION_DUE, USER, add_physician, event_body
from tests.handlers.test_slack_events import post_form, post_signed, run


def slash_body(text: str, user: str = USER) -> str:
    return urlencode({"token": "unused", "team_id": "T0000TEST", "team_domain": "test", "channel_id": "D0LEE0001",
                      "channel_name": "directmessage", "user_id": user, "user_name": "lee", "command": "/rounds",
                      "text": text, "api_app_id": "A0ROUNDS", "is_enterprise_install": "false",
                      "response_url": "https://hooks.slack.com/commands/T/1/x", "trigger_id": "1.2.3"})


def slash(services, text: str, user: str = USER) -> dict:
    async def scenario(client):
        response = await post_form(client, slash_body(text, user))
        assert response.status == 200
        return await response.json()

    return run(services, scenario)


def test_slash_command_words(slack_services, fake_slack, clock):
    person_id = add_physician(slack_services)
    assert "Rounds words" in slash(slack_services, "")["text"]
    assert "Rounds words" in slash(slack_services, "make me a sandwich")["text"]  # unknown words: help
    status = slash(slack_services, "status")
    assert status["response_type"] == "ephemeral"
    assert "Tuesdays at 09:00 (America/New_York)" in status["text"]

    paused = slash(slack_services, "pause 2w")["text"]
    assert paused.startswith("Paused until Mon Dec 7")  # this week (Nov 23) and the next
    with slack_services.db.transaction() as session:
        assert session.get(Person, person_id).paused_until == date(2026, 12, 7)
    assert slash(slack_services, "pause until 2027-01-04")["text"].startswith("Paused until Mon Jan 4")
    assert "Welcome back" in slash(slack_services, "resume")["text"]
    changed = slash(slack_services, "settings day wednesday")["text"]
    assert "Wednesdays at 09:00" in changed
    assert "not a time zone" in slash(slack_services, "settings timezone Mars/Base")["text"]

    clock.now = QUESTION_DUE
    assert "on its way" in slash(slack_services, "ask")["text"]
    with slack_services.db.transaction() as session:
        prompt = session.scalars(select(Prompt).where(Prompt.person_id == person_id)).one()
        assert prompt.status == PromptStatus.SCHEDULED and prompt.due_at <= QUESTION_DUE
    assert "not on this practice" in slash(slack_services, "status", user="U0STRANGER")["text"]
    assert not fake_slack.calls_to("chat.postMessage")  # answered in the acknowledgement


def test_home_opened_publishes_a_valid_view_and_controls_update_it(slack_services, fake_slack):
    add_physician(slack_services)
    opened = event_body({"type": "app_home_opened", "user": USER, "channel": "D0LEE0001", "tab": "home",
                         "event_ts": "1700000000.000100"})

    async def open_home(client):
        response = await post_signed(client, opened)
        assert response.status == 200

    run(slack_services, open_home)
    (view,) = fake_slack.home_views[USER]
    View(**view).validate_json()  # slack_sdk's Block Kit models: limits and shapes
    assert len(view["blocks"]) <= 100
    text = json.dumps(view)
    assert "Next question" in text and "Streak: 0 weeks" in text and "home.pause_until" in text

    picked = {"type": "block_actions", "team": {"id": "T0000TEST"}, "user": {"id": USER}, "api_app_id": "A0ROUNDS",
              "token": "unused", "trigger_id": "1.2.3", "container": {"type": "view", "view_id": "V1"},
              "view": {"id": "V1", "type": "home"},
              "actions": [{"type": "datepicker", "action_id": "home.pause_until", "block_id": "b",
                           "selected_date": "2027-01-04", "action_ts": "1"}]}

    async def pick(client):
        response = await post_form(client, urlencode({"payload": json.dumps(picked)}))
        assert response.status == 200

    run(slack_services, pick)
    assert len(fake_slack.home_views[USER]) == 2  # published again, showing the pause
    assert "Paused until Mon Jan 4" in json.dumps(fake_slack.home_views[USER][-1])


def test_home_views_stay_under_100_blocks():
    many = HomeView(tuple(HomeBlock(f"Block {i}", "text " * 900) for i in range(80)))
    rendered = render_home(many)
    assert len(rendered["blocks"]) == 100
    View(**rendered).validate_json()

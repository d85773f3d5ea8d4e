"""`/rounds` and the App Home through signed requests to `/slack/events`, against the fake Slack."""

from __future__ import annotations

import json
from datetime import date
from urllib.parse import urlencode

from slack_sdk.models.views import View
from sqlalchemy import select

from bot.home import HomeBlock, HomeView
from bot.store import AuditEvent, Person, Prompt, PromptStatus
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
    for unclear in ("pause 99999w", "pause forever", "pause until next month", "pause"):
        hint = slash(slack_services, unclear)["text"]  # the pause hint, not the whole help
        assert hint.startswith("Pause for 1 to 12 weeks") and "Rounds words" not in hint, unclear
    assert slash(slack_services, "pause for 3 weeks")["text"].startswith("Paused until Mon Dec 14")
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


def test_resume_from_someone_who_never_stopped_changes_nothing_and_says_so(slack_services, fake_slack):
    person_id = add_physician(slack_services)
    reply = slash(slack_services, "resume")["text"]
    assert reply.startswith("You are already receiving weekly questions. Your next question arrives ")
    assert "Welcome back" not in reply
    with slack_services.db.transaction() as session:
        assert not session.scalars(select(AuditEvent).where(AuditEvent.action == "resumed")).all()
        assert session.get(Person, person_id).opted_out_at is None

    slash(slack_services, "pause 1w")
    assert slash(slack_services, "resume")["text"].startswith("Welcome back! ")
    with slack_services.db.transaction() as session:
        assert len(session.scalars(select(AuditEvent).where(AuditEvent.action == "resumed")).all()) == 1


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


def _home_button_click(action_id: str, value: str, user: str) -> str:
    payload = {"type": "block_actions", "team": {"id": "T0000TEST"}, "user": {"id": user}, "api_app_id": "A0ROUNDS",
               "token": "unused", "trigger_id": "1.2.3", "container": {"type": "view", "view_id": "V1"},
               "view": {"id": "V1", "type": "home"},
               "actions": [{"type": "button", "action_id": action_id, "block_id": "b", "value": value,
                            "text": {"type": "plain_text", "text": "x"}, "action_ts": "1"}]}
    return urlencode({"payload": json.dumps(payload)})


def _home_buttons(view: dict) -> dict[str, str]:
    return {element["action_id"]: element.get("value") for block in view["blocks"] if block["type"] == "actions"
            for element in block["elements"]}


def test_staff_home_shows_todays_inbox_check_and_done_from_the_home(database_url, fake_slack):
    """Who is on duty, reminded when, done by whom: and the viewer's own Done works from the home."""
    from tests.handlers.test_slack_inbox import KIM, SAM
    from tests.handlers.test_slack_inbox import build as inbox_build

    services = inbox_build(database_url, fake_slack)  # both reminded at 9:00; now is 10:12

    def open_home(user):
        async def scenario(client):
            response = await post_signed(client, event_body({"type": "app_home_opened", "user": user, "tab": "home",
                                                             "channel": "D0X", "event_ts": "1700000000.000100"}))
            assert response.status == 200

        run(services, scenario)
        view = fake_slack.home_views[user][-1]
        View(**view).validate_json()
        return view

    view = open_home(SAM)
    text = json.dumps(view, ensure_ascii=False)
    assert "Today's inbox check" in text
    assert "Thu Dec 3: reminder 9:00, deadline 12:00." in text
    assert "Sam Ortiz: reminded 9:00" in text and "Kim Reyes: reminded 9:00" in text
    assert "Not done yet." in text and "Facebook Page inbox: https://business.facebook.com/latest/inbox" in text
    buttons = _home_buttons(view)
    assert list(buttons) == ["inbox.done", "inbox.help", "inbox.templates", "inbox.check"]

    async def tap_done(client):
        response = await post_form(client, _home_button_click("inbox.done", buttons["inbox.done"], SAM))
        assert response.status == 200

    run(services, tap_done)
    after = json.dumps(fake_slack.home_views[SAM][-1], ensure_ascii=False)  # published again after the tap
    assert "✓ Done by Sam Ortiz at 10:12" in after and "Sam Ortiz: reminded 9:00, done 10:12" in after
    assert list(_home_buttons(fake_slack.home_views[SAM][-1])) == ["inbox.templates", "inbox.check"]
    [reminder] = fake_slack.posted(fake_slack.dm_channel(KIM))
    assert reminder.text.endswith("✓ Done by Sam Ortiz at 10:12")  # the DM reminders agree with the home

    kim = json.dumps(open_home(KIM), ensure_ascii=False)
    assert "✓ Done by Sam Ortiz at 10:12" in kim and "Kim Reyes: reminded 9:00" in kim
    services.db.dispose()

"""Signed requests to the real `/slack/events` endpoint, Web API pointed at the fake Slack."""

from __future__ import annotations

import asyncio
import json
import time

from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import select

from bot.scheduler import run_due
from bot.store import Answer, Person, Prompt, PromptStatus
from handlers.server import create_web_app
from tests.fake_slack import FakeSlack
from tests.handlers.conftest import (
    QUESTION_DUE,
    USER,
    action_body,
    add_physician,
    dm_event,
    edit_event,
    event_body,
    sign,
)

DM = FakeSlack.dm_channel(USER)


def run(services, scenario):
    """Run `scenario(client)` against the web app on a local test server (no ticker)."""

    async def main():
        app = create_web_app(services, run_ticker=False)
        async with TestClient(TestServer(app)) as client:
            return await scenario(client)

    return asyncio.run(main())


async def post_signed(client, body: str, headers: dict | None = None,
                      content_type: str = "application/json", **sign_args):
    all_headers = {"Content-Type": content_type, **sign(body, **sign_args), **(headers or {})}
    return await client.post("/slack/events", data=body.encode(), headers=all_headers)


async def post_form(client, body: str, **kwargs):
    return await post_signed(client, body, content_type="application/x-www-form-urlencoded",
                             **kwargs)


def send_question(services, fake) -> str:
    """Run the tick that sends this week's question; return the question message's ts."""
    add_physician(services)
    report = run_due(services, QUESTION_DUE)
    assert report.delivered == 1
    [question] = fake.posted(DM)
    return question.ts


def answer_text(services) -> str | None:
    with services.db.transaction() as session:
        answer = session.scalars(select(Answer)).first()
        return answer.text if answer else None


def replies(fake, after_ts: str) -> list[str]:
    return [m.text for m in fake.posted(DM) if float(m.ts) > float(after_ts)]


# --- protocol -------------------------------------------------------------------------------


def test_url_verification_challenge(slack_services):
    body = json.dumps({"type": "url_verification", "challenge": "abc123", "token": "x"})

    async def scenario(client):
        response = await post_signed(client, body)
        return response.status, await response.text()

    status, text = run(slack_services, scenario)
    assert status == 200 and "abc123" in text


def test_forged_and_stale_signatures_get_401(slack_services, fake_slack):
    body = event_body(dm_event("hello", "1764000000.000100", DM))

    async def scenario(client):
        forged = await post_signed(client, body, secret="not-the-secret")
        stale = await post_signed(client, body, timestamp=int(time.time()) - 60 * 6)
        missing = await client.post("/slack/events", data=body,
                                    headers={"Content-Type": "application/json"})
        return forged.status, stale.status, missing.status

    assert run(slack_services, scenario) == (401, 401, 401)
    assert fake_slack.calls_to("chat.postMessage") == []


def test_malformed_bodies_get_4xx_not_500(slack_services):
    async def scenario(client):
        statuses = []
        for body, content_type in [("{not json", "application/json"),
                                   ("payload=%7Bbroken", "application/x-www-form-urlencoded"),
                                   ("[1, 2, 3]", "application/json"),
                                   ("", "application/json"),
                                   ("\xff\xfe", "application/json")]:
            response = await post_signed(client, body, content_type=content_type)
            statuses.append(response.status)
        raw = await client.post("/slack/events", data=b"\xff\xfe\x00",
                                headers={"Content-Type": "application/json",
                                         **sign("x")})
        statuses.append(raw.status)
        return statuses

    statuses = run(slack_services, scenario)
    assert all(400 <= status < 500 for status in statuses), statuses


def test_healthz_reports_database_and_outbox(slack_services, fake_slack):
    add_physician(slack_services)
    fake_slack.error_next("chat.postMessage", "channel_not_found")
    run_due(slack_services, QUESTION_DUE)

    async def scenario(client):
        response = await client.get("/healthz")
        return response.status, await response.json()

    status, report = run(slack_services, scenario)
    assert status == 200
    assert report == {"ok": True, "database": True, "outbox": {"pending": 0, "failed": 1}}


# --- the weekly question over Slack -----------------------------------------------------------


def test_question_is_sent_with_metadata_and_buttons(slack_services, fake_slack):
    send_question(slack_services, fake_slack)
    [message] = fake_slack.posted(DM)
    assert message.metadata["event_type"] == "rounds_outbox"
    assert message.metadata["event_payload"]["key"].startswith("question:")
    actions = [b for b in message.blocks if b["type"] == "actions"][0]["elements"]
    assert [e["action_id"] for e in actions] == ["prompt.skip", "prompt.snooze", "prompt.pause"]
    assert fake_slack.calls_to("chat.postMessage")[0].params["channel"] == USER  # no conversations.open
    assert fake_slack.calls_to("conversations.open") == []


def test_dm_answers_the_question_and_is_thanked(slack_services, fake_slack, clock):
    question_ts = send_question(slack_services, fake_slack)

    async def scenario(client):
        body = event_body(dm_event("People ask about salt.", f"{float(question_ts) + 60}", DM))
        return (await post_signed(client, body)).status

    assert run(slack_services, scenario) == 200
    assert answer_text(slack_services) == "People ask about salt."
    [thanks] = replies(fake_slack, question_ts)
    assert thanks.startswith("Thank you")
    [update] = fake_slack.calls_to("chat.update")
    assert update.params["ts"] == question_ts and "Answered" in update.params["text"]
    assert "actions" not in json.dumps(update.params.get("blocks") or []), "Skip/Snooze/Pause are gone"


def test_thread_reply_answers_and_reply_goes_to_the_thread(slack_services, fake_slack):
    question_ts = send_question(slack_services, fake_slack)
    ts = f"{float(question_ts) + 30}"

    async def scenario(client):
        body = event_body(dm_event("In the thread.", ts, DM, thread_ts=question_ts))
        return (await post_signed(client, body)).status

    assert run(slack_services, scenario) == 200
    assert answer_text(slack_services) == "In the thread."
    assert fake_slack.posted(DM)[-1].thread_ts == question_ts


def test_retried_event_has_its_effect_once(slack_services, fake_slack):
    question_ts = send_question(slack_services, fake_slack)
    body = event_body(dm_event("Once only.", f"{float(question_ts) + 60}", DM), event_id="EvRETRY1")

    async def scenario(client):
        first = await post_signed(client, body)
        retry = await post_signed(client, body, headers={"X-Slack-Retry-Num": "1",
                                                         "X-Slack-Retry-Reason": "http_timeout"})
        return first.status, retry.status

    assert run(slack_services, scenario) == (200, 200)
    assert answer_text(slack_services) == "Once only."
    assert len(replies(fake_slack, question_ts)) == 1


def test_same_message_with_a_new_event_id_has_its_effect_once(slack_services, fake_slack):
    question_ts = send_question(slack_services, fake_slack)
    event = dm_event("Same message.", f"{float(question_ts) + 60}", DM)

    async def scenario(client):
        await post_signed(client, event_body(event, event_id="EvA"))
        await post_signed(client, event_body(event, event_id="EvB"))

    run(slack_services, scenario)
    assert answer_text(slack_services) == "Same message."
    assert len(replies(fake_slack, question_ts)) == 1


def test_second_message_extends_and_edit_updates_the_answer(slack_services, fake_slack):
    question_ts = send_question(slack_services, fake_slack)
    first_ts, second_ts = f"{float(question_ts) + 60}", f"{float(question_ts) + 120}"

    async def scenario(client):
        await post_signed(client, event_body(dm_event("First part.", first_ts, DM)))
        await post_signed(client, event_body(dm_event("Second part.", second_ts, DM)))
        await post_signed(client, event_body(edit_event("First part, edited.", first_ts,
                                                        "First part.", DM)))

    run(slack_services, scenario)
    assert answer_text(slack_services) == "First part, edited.\nSecond part."
    assert len(replies(fake_slack, question_ts)) == 3  # thanks, extended, edited


def test_bot_messages_and_other_subtypes_are_ignored(slack_services, fake_slack):
    question_ts = send_question(slack_services, fake_slack)
    ts = f"{float(question_ts) + 60}"

    async def scenario(client):
        statuses = []
        for event in (dm_event("from a bot", ts, DM, bot_id="B999"),
                      dm_event("joined", ts, DM, subtype="channel_join"),
                      {**dm_event("in a channel", ts, "C123"), "channel_type": "channel"}):
            statuses.append((await post_signed(client, event_body(event))).status)
        return statuses

    assert run(slack_services, scenario) == [200, 200, 200]
    assert answer_text(slack_services) is None
    assert replies(fake_slack, question_ts) == []


def test_user_text_is_escaped_in_everything_the_bot_posts(slack_services, fake_slack):
    question_ts = send_question(slack_services, fake_slack)
    typed = "Hey <!channel> and <@U123> <!subteam^S1> & <#C1>"
    # What Slack sends when someone types that literally: its three entities, no live markup.
    nasty = typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    async def scenario(client):
        await post_signed(client, event_body(dm_event(nasty, f"{float(question_ts) + 60}", DM,
                                                      user="U0STRANGER")))
        await post_signed(client, event_body(dm_event(nasty, f"{float(question_ts) + 61}", DM)))

    run(slack_services, scenario)
    assert answer_text(slack_services) == typed  # stored as typed: plain text
    for call in fake_slack.calls_to("chat.postMessage") + fake_slack.calls_to("chat.update"):
        dumped = json.dumps({k: call.params.get(k) for k in ("text", "blocks")})
        for live in ("<!channel>", "<@U123>", "<!subteam", "<#C1>"):
            assert live not in dumped


# --- buttons --------------------------------------------------------------------------------


def prompt_status(services) -> str:
    with services.db.transaction() as session:
        return session.scalars(select(Prompt)).one().status


def prompt_id(services) -> int:
    with services.db.transaction() as session:
        return session.scalars(select(Prompt)).one().id


def test_skip_button_closes_the_question_and_removes_the_buttons(slack_services, fake_slack):
    question_ts = send_question(slack_services, fake_slack)
    body = action_body("prompt.skip", str(prompt_id(slack_services)), DM, question_ts)

    async def scenario(client):
        return (await post_form(client, body)).status

    assert run(slack_services, scenario) == 200
    assert prompt_status(slack_services) == PromptStatus.SKIPPED
    [update] = fake_slack.calls_to("chat.update")
    assert update.params["ts"] == question_ts
    assert all(b["type"] != "actions" for b in update.params["blocks"])


def test_snooze_button_reschedules_a_day_later(slack_services, fake_slack):
    question_ts = send_question(slack_services, fake_slack)
    body = action_body("prompt.snooze", str(prompt_id(slack_services)), DM, question_ts)

    async def scenario(client):
        return (await post_form(client, body)).status

    assert run(slack_services, scenario) == 200
    assert prompt_status(slack_services) == PromptStatus.SCHEDULED
    assert len(fake_slack.calls_to("chat.update")) == 1


def test_pause_menu_pauses_for_the_chosen_weeks(slack_services, fake_slack):
    question_ts = send_question(slack_services, fake_slack)
    value = f"{prompt_id(slack_services)}:2"
    body = action_body("prompt.pause", value, DM, question_ts, select=True)

    async def scenario(client):
        return (await post_form(client, body)).status

    assert run(slack_services, scenario) == 200
    assert prompt_status(slack_services) == PromptStatus.PAUSED
    with slack_services.db.transaction() as session:
        assert session.scalars(select(Person)).one().paused_until is not None


def test_someone_elses_button_changes_nothing(slack_services, fake_slack):
    question_ts = send_question(slack_services, fake_slack)
    body = action_body("prompt.skip", str(prompt_id(slack_services)), DM, question_ts,
                       user="U0OTHER01")

    async def scenario(client):
        return (await post_form(client, body)).status

    assert run(slack_services, scenario) == 200
    assert prompt_status(slack_services) == PromptStatus.SENT


def action_ids(message) -> list[str]:
    return [e["action_id"] for block in message.blocks or () if block.get("type") == "actions"
            for e in block["elements"]]


def test_a_typed_pause_takes_the_buttons_off_and_resume_posts_the_question_again(slack_services, fake_slack, clock):
    """`pause 1w` typed in the DM edits the question like the Pause menu (buttons gone, why in one
    line); `resume` then posts the question again with its buttons, once, through the outbox."""
    question_ts = send_question(slack_services, fake_slack)
    key = fake_slack.posted(DM)[0].metadata["event_payload"]["key"]

    async def scenario(client):
        await post_signed(client, event_body(dm_event("pause 1w", "1764000100.000100", DM)))
        run_due(slack_services, clock.now)  # the outbox edits the question
        await post_signed(client, event_body(dm_event("resume", "1764000200.000100", DM)))
        await post_signed(client, event_body(dm_event("resume", "1764000300.000100", DM)))
        run_due(slack_services, clock.now)

    run(slack_services, scenario)
    original = next(m for m in fake_slack.posted(DM) if m.ts == question_ts)
    paused, resumed = original.updates[0]["text"], original.updates[-1]["text"]
    assert paused.endswith("Paused until Mon Nov 30. Next question: Tue Dec 1, 9:00 AM.")
    assert resumed.endswith("Questions resumed: this question is asked again below.")
    assert action_ids(original) == []
    [again] = fake_slack.posted_with_key(key.rsplit(":", 1)[0] + ":2")
    assert again.text.startswith("Here is this week's question again:")
    assert action_ids(again) == ["prompt.skip", "prompt.snooze", "prompt.pause"]
    assert [m for m in fake_slack.posted(DM) if "question again" in m.text] == [again]

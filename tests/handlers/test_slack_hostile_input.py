"""Odd, hostile and malformed input at `/slack/events` (issue 8, points 2–6), signed as Slack signs.

Every request goes through the real aiohttp app (`create_web_app`) against the fake Slack. The
logs are captured at DEBUG for every logger, and checked: no traceback, no error, and none of
the seeded patient details, whatever arrived.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from urllib.parse import urlencode

import pytest
from aiohttp.test_utils import TestClient, TestServer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bot.store import Answer, Draft
from bot.weekly.inbound import MAX_ANSWER_CHARS
from handlers.server import create_web_app
from tests.fake_slack import FakeSlack
from tests.handlers.conftest import USER, Captured, action_body, dm_event, event_body, sign
from tests.handlers.test_slack_approvals import (
    ANSWERED,
    MARKETING,
    SAM,
    answer_and_post_card,
    card_updates,
    review,  # noqa: F401 (fixture)
)
from tests.handlers.test_slack_events import post_form, post_signed, run

DM = FakeSlack.dm_channel(USER)
PHI = "Last week my patient Maria Gonzalez-Whitfield, DOB 03/14/1962, MRN 00482913"
PHI_MARKERS = ("Gonzalez", "00482913", "03/14/1962")
HELD = "My patient Jonas Oyelaran-Briggs, MRN 7731904, born 02/02/1950, asked me."  # only ever held
HELD_MARKERS = ("Oyelaran", "7731904", "02/02/1950")


def assert_clean_logs(logs: Captured) -> None:
    assert "Traceback" not in logs.text and max(logs.levels, default=0) < logging.ERROR, logs.text[-3000:]
    for marker in PHI_MARKERS:
        assert marker not in logs.text


def raw_post(services, body: bytes, headers: dict, content_type: str = "application/json"):
    async def scenario(client):
        response = await client.post("/slack/events", data=body, headers={"Content-Type": content_type, **headers})
        return response.status

    return run(services, scenario)


# --- 3: malformed timestamps --------------------------------------------------------------------


@pytest.mark.parametrize("stamp", ["abc", "", "1.5e9", "0x10", " 1700000000", "١٧٠٠٠٠٠٠٠٠", "9" * 40])
def test_malformed_timestamps_get_4xx_never_5xx(review, logs, stamp):  # noqa: F811
    body = b'{"type":"url_verification","challenge":"x"}'
    status = raw_post(review, body, sign(body, stamp))
    assert status in (400, 401)
    assert_clean_logs(logs)


def test_request_bodies_over_a_megabyte_get_413(review):  # noqa: F811
    body = json.dumps({"type": "url_verification", "challenge": "x" * (1024 * 1024)})
    assert raw_post(review, body.encode(), sign(body)) == 413


def test_json_nested_50000_deep_gets_400(review, logs):  # noqa: F811
    body = '{"a":' * 50_000 + "1" + "}" * 50_000
    assert raw_post(review, body.encode(), sign(body)) == 400
    form = urlencode({"payload": "[" * 50_000 + "]" * 50_000})
    assert raw_post(review, form.encode(), sign(form), "application/x-www-form-urlencoded") == 400
    assert_clean_logs(logs)


# --- 4: Slack's encoding is decoded on the way in -------------------------------------------------


def test_slack_markup_is_decoded_stored_plain_and_escaped_once(review, fake_slack):  # noqa: F811
    encoded = ("Q&amp;A: is a BP &gt; 140 high? Usually not on one reading. See <https://www.heart.org/|heart.org>, "
               "<https://example.org/bp?a=1&amp;b=2> and ask <@U0SAM0001> <!here> <#C0GEN|general>. \u202eTrust me.")
    card, _ = answer_and_post_card(review, fake_slack, answer_text=encoded)
    with review.db.transaction() as session:
        answer = session.scalars(select(Answer)).one()
        drafts = {d.channel: d.text for d in session.scalars(select(Draft))}
    assert answer.text.startswith("Q&A: is a BP > 140 high?")
    assert "heart.org" in answer.text and "https://example.org/bp?a=1&b=2" in answer.text
    assert "Sam Ortiz" in answer.text
    for raw in ("&amp;", "&gt;", "<https", "<@", "<!here>", "C0GEN", "\u202e"):
        assert raw not in answer.text
        assert all(raw not in text for text in drafts.values())  # every draft is plain text, the blog's too
    assert drafts["blog"].startswith("Q&A: is a BP > 140 high?")
    [shown] = [b["text"]["text"] for b in card.blocks if b["type"] == "section" and "*Answer*" in b["text"]["text"]]
    assert "Q&amp;A" in shown and "&amp;amp;" not in shown and "&gt; 140" in shown and "<@U0SAM0001>" not in shown


def test_controls_and_bidi_overrides_never_reach_a_post(review, fake_slack):  # noqa: F811
    sneaky = "Drink\u0000 water\u202e daily.\u2066 It\u0007 helps\ufeff a lot."
    answer_and_post_card(review, fake_slack, answer_text=sneaky)
    with review.db.transaction() as session:
        texts = [session.scalars(select(Answer)).one().text] + [d.text for d in session.scalars(select(Draft))]
    for text in texts:
        assert not any(c in text for c in "\u0000\u202e\u2066\u0007\ufeff")
    assert "Drink water daily. It helps a lot." in texts[0]


# --- 2: over-long answers --------------------------------------------------------------------------


def test_an_over_long_answer_gets_a_private_reply_and_is_not_processed(review, fake_slack, logs):  # noqa: F811
    from bot.scheduler import run_due
    from tests.handlers.conftest import QUESTION_DUE, add_physician

    add_physician(review)
    run_due(review, QUESTION_DUE)
    review.clock.now = ANSWERED
    long = ("A sentence about blood pressure. " * 2000)[: MAX_ANSWER_CHARS * 3]

    async def scenario(client):
        return (await post_signed(client, event_body(dm_event(long + PHI, f"{ANSWERED.timestamp()}", DM)))).status

    assert run(review, scenario) == 200
    assert "longer than a post can be" in fake_slack.posted(DM)[-1].text
    with review.db.transaction() as session:
        assert session.scalars(select(Answer)).first() is None
    assert_clean_logs(logs)


def test_additions_cannot_grow_an_answer_past_the_cap(review, fake_slack):  # noqa: F811
    first = "Most chest pain is not the heart. " * 60
    answer_and_post_card(review, fake_slack, answer_text=first)
    more = "More. " * ((MAX_ANSWER_CHARS - len(first)) // 6 + 10)
    body = event_body(dm_event(more, f"{ANSWERED.timestamp() + 9}", DM))

    async def scenario(client):
        return (await post_signed(client, body)).status

    assert run(review, scenario) == 200
    assert "longer than a post can be" in fake_slack.posted(DM)[-1].text
    with review.db.transaction() as session:
        assert session.scalars(select(Answer)).one().text == first.strip()
    assert card_updates(fake_slack) == []


# --- 5 and 6: odd payloads, and what is logged about them -------------------------------------------


def odd_payloads(answer_value: str, card_ts: str) -> list[tuple[str, str]]:
    """(content type, body) for each odd payload the issue names, built on real shapes."""
    def event(**changes):
        return json.loads(event_body(dm_event("hello", f"{time.time():.6f}", DM, **changes)))

    def action(**changes):
        body = action_body("review.approve", answer_value, MARKETING, card_ts, user=SAM)
        payload = json.loads(_form(body)["payload"])
        payload["actions"][0].update(changes)
        return payload

    bodies: list[dict | list] = [
        {**event(), "event": {**event()["event"], "text": ["a", "list"]}},
        {**event(), "event": {**event()["event"], "channel": None}},  # found by the fuzzer: a 500 (IntegrityError)
        {**event(), "event": {k: v for k, v in event()["event"].items() if k != "channel"}},
        # found by the fuzzer: Bolt's own id extraction raised on a nested message's user that is a number
        {**event(), "event": {**{k: v for k, v in event()["event"].items() if k != "user"}, "message": {"user": 1.5}}},
        {**event(), "event": {**{k: v for k, v in event()["event"].items() if k != "user"}, "message": {"user": True}}},
        {**event(), "event": {**event()["event"], "text": 42}},
        {**event(), "event": {**event()["event"], "type": PHI}},
        {**event(), "event": {**event()["event"], "user": PHI}},
        {**event(), "event": None},
        {**event(), "event": "a string"},
        {**event(), "event": {**event()["event"], "text": "lone \ud800 surrogate"}},
        {**action(), "actions": "a string"},
        {**action(), "actions": [None]},
        {**action(), "actions": []},
        action(action_id=7),
        action(action_id=PHI),
        {**action(), "actions": [{"type": "button", "value": answer_value}]},
        action(value="¹"),
        action(value="9" * 30),
        action(value="9" * 30 + ":" + "9" * 30),
        action(value="\ud800"),
        {**action(), "type": PHI},
        {**action(), "user": None},
        {**action(), "channel": [], "container": "x"},
        {"type": "view_submission", "user": {"id": SAM}, "view": None},
        {"type": "view_submission", "user": {"id": SAM}, "view": {"callback_id": PHI, "state": {"values": []}}},
        {"type": "view_submission", "user": {"id": SAM},
         "view": {"type": "modal", "callback_id": "review.reject.submit", "private_metadata": "{\"value\": \"1:1\"}",
                  "state": {"values": {"reason": {"value": {"type": "plain_text_input", "value": ["x"]}}}}}},
        {"type": "view_submission", "user": {"id": SAM},
         "view": {"type": "modal", "callback_id": "review.reject.submit", "private_metadata": "[1, 2]",
                  "state": {"values": {"reason": {"value": {"type": "plain_text_input", "value": PHI + "\ud800"}}}}}},
        {"type": "event_callback", "event": {"type": "app_home_opened", "user": PHI}},
        [1, 2, 3],
        "just a string",
    ]
    out = []
    for body in bodies:
        text = json.dumps(body)
        if isinstance(body, dict) and body.get("type") not in ("event_callback", "url_verification"):
            out.append(("application/x-www-form-urlencoded", urlencode({"payload": text})))
        else:
            out.append(("application/json", text))
    return out


def _form(body: str) -> dict:
    from urllib.parse import parse_qsl

    return dict(parse_qsl(body))


def test_the_odd_payloads_from_the_issue_get_no_5xx_no_traceback_and_no_phi_in_logs(review, fake_slack, logs):  # noqa: F811
    card, value = answer_and_post_card(review, fake_slack)
    statuses = []
    for content_type, body in odd_payloads(value, card.ts):
        async def scenario(client, body=body, content_type=content_type):
            return (await post_signed(client, body, content_type=content_type)).status

        statuses.append(run(review, scenario))
    assert all(status < 500 for status in statuses), statuses
    assert_clean_logs(logs)
    with review.db.transaction() as session:
        assert session.scalars(select(Answer)).one().review_status == "pending"


# --- 5: property-based fuzzing of signed payloads ----------------------------------------------------

SPECIAL_STRINGS = st.sampled_from(["", "¹", "9" * 30, "\ud800", PHI, "review.approve", "1:1", "U0SAM0001",
                                   "D0LEE0001", "1.5", "<@U1>", "&amp;", "message", "block_actions"])
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats(allow_nan=False) | st.text(max_size=30) | SPECIAL_STRINGS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, prefix + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, prefix + (index,))


def _mutated(base, path, replacement, delete: bool):
    if not path:
        return replacement
    copy = json.loads(json.dumps(base))
    parent = copy
    for key in path[:-1]:
        parent = parent[key]
    if delete and isinstance(parent, dict):
        parent.pop(path[-1], None)
    else:
        parent[path[-1]] = replacement
    return copy


@st.composite
def fuzzed_payloads(draw, bases):
    kind = draw(st.sampled_from(sorted(bases)))
    payload = bases[kind]
    for _ in range(draw(st.integers(1, 3))):
        paths = list(_paths(payload))
        path = draw(st.sampled_from(paths))
        payload = _mutated(payload, path, draw(JSON_VALUES), draw(st.booleans()))
    return kind, payload


def test_fuzzed_signed_payloads_never_get_5xx_or_a_traceback(review, fake_slack, logs):  # noqa: F811
    card, value = answer_and_post_card(review, fake_slack)
    event = json.loads(event_body(dm_event("Also: " + HELD, f"{time.time():.6f}", DM)))
    edit = json.loads(event_body({"type": "message", "subtype": "message_changed", "channel": DM, "channel_type": "im",
                                  "message": {"type": "message", "user": USER, "text": HELD,
                                              "ts": f"{ANSWERED.timestamp()}"},
                                  "previous_message": {"type": "message", "user": USER, "text": "x", "ts": "1.0"}}))
    click = json.loads(_form(action_body("review.approve", value, MARKETING, card.ts, user=SAM))["payload"])
    view = {"type": "view_submission", "team": {"id": "T0000TEST"}, "user": {"id": SAM, "team_id": "T0000TEST"},
            "api_app_id": "A0ROUNDS", "trigger_id": "4.5.6",
            "view": {"id": "V0000001", "type": "modal", "callback_id": "review.reject.submit",
                     "private_metadata": json.dumps({"value": value, "channel": MARKETING, "ts": card.ts}),
                     "blocks": [{"type": "input", "block_id": "reason", "optional": False}],
                     "state": {"values": {"reason": {"value": {"type": "plain_text_input",
                                                                "value": "Too close to last week's post"}}}}}}
    bases = {"event": event, "edit": edit, "block_actions": click, "view_submission": view}
    loop = asyncio.new_event_loop()

    async def start() -> TestClient:
        started = TestClient(TestServer(create_web_app(review, run_ticker=False)))
        await started.start_server()
        return started

    client = loop.run_until_complete(start())

    async def send(kind: str, payload) -> int:
        text = json.dumps(payload)
        if kind in ("block_actions", "view_submission"):
            return (await post_form(client, urlencode({"payload": text}))).status
        return (await post_signed(client, text)).status

    @settings(max_examples=250, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(fuzzed_payloads(bases))
    def each(case):
        assert loop.run_until_complete(send(*case)) < 500

    try:
        each()
    finally:
        loop.run_until_complete(client.close())
        loop.close()
    assert_clean_logs(logs)
    assert all(marker not in logs.text for marker in HELD_MARKERS)
    with review.db.transaction() as session:  # nothing fuzzed decided the card on a held version
        answer = session.scalars(select(Answer)).one()
        assert not (answer.status == "held" and answer.review_status == "approved")
    for update in card_updates(fake_slack):  # held text never reached the marketing channel
        assert all(marker not in json.dumps(update.params) for marker in HELD_MARKERS)


def test_slash_commands_and_home_events_through_the_same_gate(review, fake_slack, logs):  # noqa: F811
    """/rounds and app_home_opened are endpoints too: odd ones get 4xx or a plain answer, never a
    5xx, and nothing typed into an id ends up in the logs."""
    from tests.handlers.test_slack_rounds_home import slash_body

    answer_and_post_card(review, fake_slack)
    fields = dict(_form(slash_body("status")))
    cases = [
        ("application/x-www-form-urlencoded", slash_body("pause until ¹²³")),
        ("application/x-www-form-urlencoded", slash_body("pause 99999999999999999999w")),
        ("application/x-www-form-urlencoded", slash_body("check " + PHI + " &amp; <@U0SAM0001>")),
        ("application/x-www-form-urlencoded", urlencode({**fields, "user_id": PHI})),
        ("application/x-www-form-urlencoded", urlencode({**fields, "command": PHI})),
        ("application/x-www-form-urlencoded", urlencode({k: v for k, v in fields.items() if k != "user_id"})),
        ("application/json", json.dumps({"type": "event_callback", "event": {"type": "app_home_opened", "user": SAM,
                                                                             "tab": 7}})),
        ("application/json", json.dumps({"type": "event_callback", "event": {"type": "app_home_opened"}})),
        ("application/json", json.dumps({"type": "block_actions", "user": {"id": SAM},
                                         "actions": [{"action_id": "home.pause_until", "type": "datepicker",
                                                      "selected_date": ["2027-01-04"]}]})),
        ("application/x-www-form-urlencoded", urlencode({"payload": json.dumps({
            "type": "block_actions", "user": {"id": USER}, "container": {"type": "view", "view_id": "V1"},
            "view": {"id": "V1", "type": "home"},
            "actions": [{"action_id": "home.weekday", "type": "static_select",
                         "selected_option": {"value": "¹"}}]})})),
        ("application/x-www-form-urlencoded", urlencode({"payload": json.dumps({
            "type": "block_actions", "user": {"id": USER},
            "actions": [{"action_id": "inbox.done", "type": "button", "value": "9" * 30}]})})),
    ]
    statuses = []
    for content_type, body in cases:
        async def scenario(client, body=body, content_type=content_type):
            return (await post_signed(client, body, content_type=content_type)).status

        statuses.append(run(review, scenario))
    assert all(status < 500 for status in statuses), statuses
    assert statuses[3:6] == [400, 400, 400]
    assert_clean_logs(logs)


def test_well_formed_events_and_payloads_rounds_does_not_handle_are_acknowledged(review, logs):  # noqa: F811
    """Shapes from Slack's own docs that Rounds has no listener for: 200, so Slack never retries them
    (a 400 would be retried, and enough failures disable the app's event subscription)."""
    unhandled = [
        {"type": "event_callback", "event_id": "Ev0USERCHANGE", "event": {
            "type": "user_change", "user": {"id": "U0SAM0001", "name": "sam", "profile": {"real_name": "Sam"}}}},
        {"type": "event_callback", "event_id": "Ev0CHANNEL", "event": {
            "type": "channel_created", "channel": {"id": "C024BE91L", "name": "fun", "creator": "U024BE7LH"}}},
        {"type": "event_callback", "event_id": "Ev0TEAMJOIN", "event": {"type": "team_join", "user": {"id": "U1"}}},
        {"type": "function_executed", "function_execution_id": "Fx1"},
    ]
    statuses = []
    for payload in unhandled:
        async def scenario(client, payload=payload):
            return (await post_signed(client, json.dumps(payload))).status

        statuses.append(run(review, scenario))
    assert statuses == [200, 200, 200, 200]
    assert_clean_logs(logs)

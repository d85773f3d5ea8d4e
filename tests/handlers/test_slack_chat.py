"""SlackChat against the fake Slack: retries, pacing, error mapping, find_sent, rendering."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest

from bot.chat import Button, Menu, MessageRef, OutgoingMessage, PermanentSendError, TransientSendError
from bot.config import SlackConfig
from handlers.slack.chat import SlackChat
from handlers.slack.pacing import TokenBucket, retry_after_seconds
from handlers.slack.render import core_action, escape, render_message
from tests.fake_slack import FakeSlack
from tests.handlers.conftest import BOT_TOKEN, EMAIL, USER

SINCE = datetime(2020, 1, 1, tzinfo=UTC)


def make_chat(fake, **overrides) -> SlackChat:
    settings = {"conversations_open_per_second": 500.0, **overrides}
    return SlackChat(SlackConfig(bot_token=BOT_TOKEN, signing_secret="s", api_url=fake.url, **settings), timeout=5)


def test_send_tags_the_message_and_find_sent_finds_it(fake_slack):
    chat = make_chat(fake_slack)
    channel = FakeSlack.dm_channel(USER)
    ref = chat.send(chat.open_direct(USER), OutgoingMessage("hello", key="question:1:1"))
    assert ref == MessageRef(channel, fake_slack.posted()[0].ts)
    assert fake_slack.posted()[0].metadata == {"event_type": "rounds_outbox",
                                               "event_payload": {"key": "question:1:1"}}
    since = datetime.now(UTC) - timedelta(minutes=1)
    assert chat.find_sent(channel, "question:1:1", since) == ref
    assert chat.find_sent(channel, "question:2:1", since) is None
    history = fake_slack.calls_to("conversations.history")[0].params
    assert history["include_all_metadata"] in ("1", "true", True)


def test_find_sent_pages_through_history(fake_slack):
    chat = make_chat(fake_slack, post_messages_per_second=2000)
    for index in range(450):
        chat.send("D1", OutgoingMessage(f"m{index}", key=f"k{index}"))
    since = datetime.now(UTC) - timedelta(minutes=1)
    assert chat.find_sent("D1", "k0", since) is not None
    assert len(fake_slack.calls_to("conversations.history")) == 3


def test_a_first_direct_message_needs_no_conversations_open(fake_slack):
    """chat.postMessage takes the user id; the DM's channel id comes back and is remembered."""
    chat = make_chat(fake_slack)
    assert chat.open_direct(USER) == USER
    ref = chat.send(chat.open_direct(USER), OutgoingMessage("hello", key="k"))
    assert ref.channel == FakeSlack.dm_channel(USER)
    assert chat.open_direct(USER) == ref.channel
    assert fake_slack.calls_to("conversations.open") == []
    assert [m.channel for m in fake_slack.posted()] == [ref.channel]


def test_a_post_answered_with_the_user_id_is_recorded_with_the_dm_id(fake_slack):
    """Should Slack echo the user id back, updates and history still get the DM's own id."""
    fake_slack.echo_user_channel = True
    chat = make_chat(fake_slack)
    ref = chat.send(chat.open_direct(USER), OutgoingMessage("hello", key="k"))
    assert ref.channel == FakeSlack.dm_channel(USER) == chat.open_direct(USER)
    assert [c.params["users"] for c in fake_slack.calls_to("conversations.open")] == [USER]


def test_recovery_by_user_id_opens_the_conversation_once(fake_slack):
    """find_sent reads history, which needs the DM's channel id: opened once, then cached."""
    chat = make_chat(fake_slack)
    assert chat.find_sent(USER, "k", SINCE) is None
    assert chat.find_sent(USER, "k", SINCE) is None
    assert [c.params["users"] for c in fake_slack.calls_to("conversations.open")] == [USER]
    assert {c.params["channel"] for c in fake_slack.calls_to("conversations.history")} == {
        FakeSlack.dm_channel(USER)}


def test_429_is_retried_after_retry_after(fake_slack):
    chat = make_chat(fake_slack)
    fake_slack.fail_next("chat.postMessage", 429, count=1, retry_after=1)
    started = time.monotonic()
    chat.send("D1", OutgoingMessage("hi", key="k"))
    assert time.monotonic() - started >= 1.0
    assert [c.status for c in fake_slack.calls_to("chat.postMessage")] == [429, 200]
    assert len(fake_slack.posted()) == 1


def test_429_on_other_methods_is_retried(fake_slack):
    chat = make_chat(fake_slack)
    fake_slack.fail_next("conversations.open", 429, count=1, retry_after=1)
    assert chat.find_sent(USER, "k", SINCE) is None
    assert len(fake_slack.calls_to("conversations.open")) == 2


def test_500_on_post_is_retried_after_checking_history(fake_slack):
    chat = make_chat(fake_slack)
    fake_slack.fail_next("chat.postMessage", 500, count=1)
    ref = chat.send("D1", OutgoingMessage("hi", key="k500"))
    assert ref.ts == fake_slack.posted()[0].ts
    assert len(fake_slack.posted_with_key("k500")) == 1
    assert len(fake_slack.calls_to("conversations.history")) == 1


def test_500_on_other_methods_is_retried(fake_slack):
    chat = make_chat(fake_slack)
    fake_slack.fail_next("conversations.open", 503, count=2)
    assert chat.find_sent(USER, "k", SINCE) is None
    assert len(fake_slack.calls_to("conversations.open")) == 3


def test_persistent_server_errors_become_transient(fake_slack):
    chat = make_chat(fake_slack)
    fake_slack.fail_next("chat.postMessage", 500, count=10)
    with pytest.raises(TransientSendError):
        chat.send("D1", OutgoingMessage("hi", key="k"))
    assert fake_slack.posted() == []


def test_persistent_429_becomes_transient(fake_slack):
    chat = make_chat(fake_slack)
    fake_slack.fail_next("users.lookupByEmail", 429, count=10, retry_after=0)
    with pytest.raises(TransientSendError):
        chat.lookup_user_by_email(EMAIL)


def test_connection_refused_becomes_transient(fake_slack):
    chat = SlackChat(SlackConfig(bot_token=BOT_TOKEN, signing_secret="s",
                                 api_url="http://127.0.0.1:9/api/"), timeout=2)
    with pytest.raises(TransientSendError):
        chat.send("D1", OutgoingMessage("hi", key="k"))


@pytest.mark.parametrize("error", ["user_not_found", "channel_not_found", "not_in_channel",
                                   "is_archived", "account_inactive", "invalid_auth",
                                   "cannot_dm_bot", "token_revoked"])
def test_permanent_errors(fake_slack, error):
    chat = make_chat(fake_slack)
    fake_slack.error_next("chat.postMessage", error)
    with pytest.raises(PermanentSendError, match=error):
        chat.send("D1", OutgoingMessage("hi", key="k"))


def test_unknown_user_is_permanent(fake_slack):
    chat = make_chat(fake_slack)
    fake_slack.unknown_users.add("U0GONE")
    with pytest.raises(PermanentSendError):
        chat.send(chat.open_direct("U0GONE"), OutgoingMessage("hi", key="k"))
    with pytest.raises(PermanentSendError):
        chat.find_sent("U0GONE", "k", SINCE)


def test_lookup_user_by_email(fake_slack):
    chat = make_chat(fake_slack)
    assert chat.lookup_user_by_email(EMAIL.upper()) == USER
    assert chat.lookup_user_by_email("nobody@example.org") is None


def test_update_replaces_text_and_blocks(fake_slack):
    chat = make_chat(fake_slack)
    ref = chat.send("D1", OutgoingMessage("hi", buttons=(Button("Go", "x.go", "1"),), key="k"))
    chat.update(ref, OutgoingMessage("done"))
    [message] = fake_slack.posted()
    assert message.text == "done"
    assert [b["type"] for b in message.blocks] == ["section"]


def test_posts_are_paced_client_side(fake_slack):
    chat = make_chat(fake_slack, post_messages_per_second=20)
    started = time.monotonic()
    threads = [threading.Thread(target=chat.send, args=("D1", OutgoingMessage(f"m{i}")))
               for i in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(fake_slack.posted()) == 30
    assert time.monotonic() - started >= (30 - 1) / 20 - 0.1


def test_token_bucket_rate():
    bucket = TokenBucket(100, burst=1)
    started = time.monotonic()
    for _ in range(51):
        bucket.acquire()
    assert 0.45 <= time.monotonic() - started < 1.0


# --- rendering --------------------------------------------------------------------------------


def test_escape():
    assert escape("a & b <!channel> <@U1>") == "a &amp; b &lt;!channel&gt; &lt;@U1&gt;"


def test_render_escapes_everything_and_keeps_a_text_fallback():
    message = OutgoingMessage(
        "Answer: <!here> & <@U1>",
        buttons=(Button("<!channel>", "a.one", "1"), Button("Two", "a.one", "2")),
        menus=(Menu("Pick <@U2>", "a.menu", (("<!everyone>", "v1"),)),),
    )
    rendered = render_message(message)
    dumped = str(rendered)
    for live in ("<!here>", "<@U1>", "<!channel>", "<@U2>", "<!everyone>"):
        assert live not in dumped
    assert rendered["text"] == "Answer: &lt;!here&gt; &amp; &lt;@U1&gt;"
    ids = [e["action_id"] for e in rendered["blocks"][-1]["elements"]]
    assert len(set(ids)) == 3 and [core_action(i) for i in ids] == ["a.one", "a.one", "a.menu"]


def test_long_text_is_split_into_valid_sections():
    rendered = render_message(OutgoingMessage("word & " * 2000))
    sections = [b for b in rendered["blocks"] if b["type"] == "section"]
    assert len(sections) > 1
    assert all(len(b["text"]["text"]) <= 3000 for b in sections)
    assert "".join(b["text"]["text"] for b in sections).count("&amp;") == 2000


def test_retry_after_is_read_from_the_header():
    assert retry_after_seconds({"Retry-After": ["3"]}) == 3.0
    assert retry_after_seconds({"retry-after": "2"}) == 2.0
    assert retry_after_seconds({}) == 1.0
    assert retry_after_seconds({"Retry-After": ["soon"]}) == 1.0


def test_a_429_gives_back_its_token_up_to_a_tenth_of_the_rate():
    """Occasional refusals cost nothing; refusals over the limit cannot circulate."""
    bucket = TokenBucket(20, burst=5)  # refunds: 2 a second, up to 2 at once
    for _ in range(5):
        bucket.acquire()
    for _ in range(4):
        bucket.refund()
    assert 1.9 < bucket._tokens < 2.5  # two given back, plus what refilled meanwhile


def test_a_pacing_turn_missed_by_a_stall_is_not_taken_late():
    """Sends that woke up long after their turn do not all go at once (Slack would refuse them)."""
    bucket = TokenBucket(100, burst=1)
    bucket.acquire()  # the burst
    original_sleep = time.sleep
    try:
        time.sleep = lambda seconds: original_sleep(seconds + 0.1)  # every wake-up 100 ms late
        started = time.monotonic()
        bucket.acquire()
    finally:
        time.sleep = original_sleep
    assert bucket.unused >= 1  # the late turn went unused; a new one was taken (free by then)
    assert bucket._tokens < 1  # and the bucket did not hand out the missed turn as well
    assert time.monotonic() - started < 0.3

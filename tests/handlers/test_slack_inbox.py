"""Inbox checks over Slack: signed block_actions, view submissions and DMs through the real app and the fake Slack."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from bot.scheduler import run_due
from bot.services import build_services
from bot.store import AuditEvent, InboxDay, Person
from handlers.slack.chat import SlackChat
from tests.conftest import make_config, utc
from tests.fake_slack import FakeSlack
from tests.handlers.conftest import CREATED, Clock, action_body, dm_event, event_body, slack_settings
from tests.handlers.test_slack_approvals import submit, view_submission
from tests.handlers.test_slack_events import post_form, post_signed, run
from tests.inbox.conftest import ACCOUNTS, REMIND, THU

SAM, KIM, JO = "U0SAM0001", "U0KIM0001", "U0JO00001"
AT_10_12 = utc(2026, 12, 3, 15, 12)


def build(database_url, fake):
    clock = Clock(REMIND)
    config = make_config(database_url, slack=slack_settings(fake), inbox={"accounts": ACCOUNTS},
                         practice={"timezone": "America/New_York"})
    services = build_services(config, chats={"slack": SlackChat(config.slack)}, clock=clock)
    fake.ts_clock = lambda: clock.now.timestamp()
    with services.db.transaction() as session:
        for user, name, roles in ((SAM, "Sam Ortiz", "staff"), (KIM, "Kim Reyes", "staff"), (JO, "Jo Lead", "lead")):
            session.add(Person(email=f"{user.lower()}@example.org", name=name, roles=roles, specialty="",
                               timezone="America/New_York", weekday=1, local_time="09:00", slack_user_id=user,
                               created_at=CREATED, updated_at=CREATED))
    assert run_due(services, REMIND).inbox_reminders == 2
    for minutes in range(1, 6):  # on a loaded machine a send may time out once: retried on a later tick
        if all(fake.posted(FakeSlack.dm_channel(user)) for user in (SAM, KIM)):
            break
        run_due(services, REMIND + timedelta(minutes=minutes))
    clock.now = AT_10_12
    return services


def reminder(fake, user):
    [message] = fake.posted(FakeSlack.dm_channel(user))
    buttons = {element["action_id"]: element.get("value") for block in message.blocks
               if block["type"] == "actions" for element in block["elements"]}
    return message, buttons


def click(fake, user, action_id):
    message, buttons = reminder(fake, user)
    return action_body(action_id, buttons[action_id], FakeSlack.dm_channel(user), message.ts, user=user)


def test_done_double_tapped_and_retried_is_recorded_once(database_url, fake_slack):
    services = build(database_url, fake_slack)
    message, buttons = reminder(fake_slack, SAM)
    assert list(buttons) == ["inbox.done", "inbox.help", "inbox.snooze", "inbox.templates", "inbox.check"]
    assert "Facebook Page inbox: https://business.facebook.com/latest/inbox" in message.text
    body = click(fake_slack, SAM, "inbox.done")

    async def scenario(client):
        statuses = []
        for headers in ({}, {}, {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}):
            response = await post_form(client, body, headers=headers)
            statuses.append(response.status)
        return statuses

    assert run(services, scenario) == [200, 200, 200]
    with services.db.transaction() as session:
        record = session.scalars(select(InboxDay).where(InboxDay.day == THU)).one()
        assert (record.done_at, record.done_by.name) == (AT_10_12, "Sam Ortiz")
        assert session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "done")) == 1
    for user in (SAM, KIM):
        updated, buttons = reminder(fake_slack, user)
        assert updated.text.endswith("✓ Done by Sam Ortiz at 10:12")
        assert "inbox.done" not in buttons
    assert fake_slack.posted(FakeSlack.dm_channel(SAM))[1:] == []  # no extra chatter for a double tap
    services.db.dispose()


def test_need_help_opens_a_modal_and_tells_the_lead(database_url, fake_slack):
    services = build(database_url, fake_slack)

    async def scenario(client):
        return (await post_form(client, click(fake_slack, KIM, "inbox.help"))).status

    assert run(services, scenario) == 200
    [view] = fake_slack.opened_views()
    assert view["callback_id"] == "inbox.help.submit"
    status, _ = submit(services, view_submission(view, KIM, {"note": "A review mentions <!channel> & a lawsuit"}))
    assert status == 200
    assert fake_slack.posted(FakeSlack.dm_channel(KIM))[-1].text == "I've told Jo Lead. They'll get back to you."
    run_due(services, AT_10_12)
    [told] = fake_slack.posted(FakeSlack.dm_channel(JO))
    assert told.text.startswith("Kim Reyes needs help with today's inbox check (Thu Dec 3):")
    assert "&lt;!channel&gt; &amp; a lawsuit" in told.text  # escaped: never a live mention
    services.db.dispose()


def test_check_a_reply_by_modal_and_by_dm(database_url, fake_slack):
    services = build(database_url, fake_slack)

    async def open_form(client):
        return (await post_form(client, click(fake_slack, SAM, "inbox.check"))).status

    assert run(services, open_form) == 200
    [view] = fake_slack.opened_views()
    submit(services, view_submission(view, SAM, {"reply": "Thanks, we saw you last week!"}))
    found = fake_slack.posted(FakeSlack.dm_channel(SAM))[-1].text
    assert found.startswith("⚠ Please change this reply before posting it:") and '"we saw you"' in found

    async def dm(client):
        event = dm_event("check Your appointment on Friday is confirmed.", "1764775000.000100",
                         FakeSlack.dm_channel(SAM), user=SAM)
        return (await post_signed(client, event_body(event))).status

    assert run(services, dm) == 200
    assert '"Your appointment on' in fake_slack.posted(FakeSlack.dm_channel(SAM))[-1].text
    services.db.dispose()

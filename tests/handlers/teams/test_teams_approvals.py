"""The approval card on Teams: posted to the marketing channel (known from the team install),
Approve / Edit / Reject / Send back / Use suggested wording / Show all drafts by Action.Execute or
Action.Submit, forms as card inputs, the card updated for everyone, approver rights and one
decision, a click on an outdated "id:version" refused with the card refreshed, reminders and
escalations."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.scheduler import run_due
from bot.store import Answer, Draft, ReviewStatus
from tests.handlers.conftest import QUESTION_DUE
from tests.handlers.teams.conftest import (
    JO_AAD,
    LEE_AAD,
    LEE_CHAT,
    LOU_AAD,
    SAM_AAD,
    TEAM_CHANNEL,
    actions_of,
    add_person,
    card_of,
    execute,
    install,
    install_in_team,
    message,
    post,
    submit,
)
from tests.handlers.teams.test_teams_weekly import ANSWER

ANSWERED = QUESTION_DUE + timedelta(hours=1)
CARD_TIME = ANSWERED + timedelta(minutes=30)
THREAD = f"{TEAM_CHANNEL};messageid=msg-3"


@pytest.fixture
def card(teams, connector):
    """Dr. Lee answers; the card reaches the marketing channel. Returns (card call, card JSON)."""
    add_person(teams, LEE_AAD, "Dr. Ana Lee")
    add_person(teams, SAM_AAD, "Sam Ortiz", "approver")
    add_person(teams, JO_AAD, "Jo Park", "approver")
    add_person(teams, "aad-pat", "Pat Reyes", "staff")
    add_person(teams, LOU_AAD, "Lou Chen", "lead")
    post(teams, install(connector, LEE_AAD, LEE_CHAT), install_in_team(connector))
    run_due(teams, QUESTION_DUE)
    teams.clock.now = ANSWERED
    post(teams, message(connector, ANSWER))
    teams.clock.now = CARD_TIME
    assert run_due(teams, CARD_TIME).cards_posted == 1
    [call] = connector.sent(TEAM_CHANNEL)
    return call, card_of(call)


def click(teams, connector, card_json, title, aad, **inputs):
    action = actions_of(card_json)[title]
    [(status, body)] = post(teams, execute(connector, action["verb"], action["data"], aad, THREAD, "msg-3",
                                           "channel", **inputs))
    assert status == 200
    return body


def channel_updates(connector):
    return [c for c in connector.updated() if c.conversation == TEAM_CHANNEL]


def review_status(teams) -> str:
    with teams.db.transaction() as session:
        return session.scalars(select(Answer)).one().review_status


def test_card_is_an_adaptive_card_with_the_four_decisions(card):
    call, card_json = card
    assert card_json["version"] == "1.5" and card_json["fallbackText"]
    assert set(actions_of(card_json)) == {"Approve", "Edit", "Reject", "Send back", "Show all drafts"}
    assert "Dr. Ana Lee" in call.body["summary"]


def test_approve_updates_the_card_for_everyone_and_a_second_click_is_refused(teams, connector, card):
    _, card_json = card
    body = click(teams, connector, card_json, "Approve", SAM_AAD)
    assert review_status(teams) == ReviewStatus.APPROVED
    assert body["type"] == "application/vnd.microsoft.card.adaptive"
    assert body["value"].get("actions", []) == []  # buttons gone in the returned card
    [update] = channel_updates(connector)
    assert update.conversation == TEAM_CHANNEL and update.activity_id == "msg-3"
    assert "Approved by Sam Ortiz" in str(card_of(update))
    second = click(teams, connector, card_json, "Approve", JO_AAD)
    assert "already" in str(second).lower()
    assert len(channel_updates(connector)) == 1


def test_only_approvers_decide(teams, connector, card):
    _, card_json = card
    body = click(teams, connector, card_json, "Approve", "aad-pat")
    assert "Only approvers" in str(body)
    assert review_status(teams) == ReviewStatus.PENDING


def test_edit_opens_a_card_form_and_its_submission_saves_and_approves(teams, connector, card):
    _, card_json = card
    form = click(teams, connector, card_json, "Edit", SAM_AAD)["value"]
    inputs = {item["id"]: item for item in form["body"] if item["type"].startswith("Input.")}
    assert "x" in inputs and inputs["then"]["type"] == "Input.ChoiceSet"
    save = actions_of(form)["Save"]
    assert save["fallback"]["type"] == "Action.Submit"
    click(teams, connector, form, "Save", SAM_AAD, x="Chest pain? Get it checked. Call us.", then="approve")
    with teams.db.transaction() as session:
        x_draft = session.scalars(select(Draft).where(Draft.channel == "x")).one()
        assert x_draft.text == "Chest pain? Get it checked. Call us."
    assert review_status(teams) == ReviewStatus.APPROVED


@pytest.mark.parametrize("title, status", [("Reject", ReviewStatus.REJECTED), ("Send back", ReviewStatus.SENT_BACK)])
def test_reject_and_send_back_ask_a_reason_in_a_card_and_tell_the_physician(teams, connector, card, title, status):
    _, card_json = card
    form = click(teams, connector, card_json, title, SAM_AAD)["value"]
    [submit_title] = actions_of(form)
    before = len(connector.sent(LEE_CHAT))
    click(teams, connector, form, submit_title, SAM_AAD, reason="Please drop the last sentence.")
    assert review_status(teams) == status
    run_due(teams, CARD_TIME + timedelta(minutes=1))
    assert len(connector.sent(LEE_CHAT)) > before, "the physician hears about it in her personal chat"


def test_action_submit_fallback_approves_too(teams, connector, card):
    _, card_json = card
    data = actions_of(card_json)["Approve"]["fallback"]["data"]
    [(status, _)] = post(teams, submit(connector, data, SAM_AAD, THREAD, "msg-3", "channel"))
    assert status == 200 and review_status(teams) == ReviewStatus.APPROVED
    assert len(channel_updates(connector)) == 1


def test_reminder_goes_to_the_card_thread_and_escalation_to_the_lead(teams, connector, card):
    post(teams, install(connector, LOU_AAD, "a:personal-lou"))
    run_due(teams, CARD_TIME + timedelta(days=6))
    threads = [c for c in connector.sent(TEAM_CHANNEL) if c.activity_id == "msg-3"]
    assert threads, "the reminder is a reply in the card's thread"
    assert connector.sent("a:personal-lou"), "the lead gets the escalation in a personal chat"


def test_planning_message_reaches_the_marketing_channel_by_name(teams, connector):
    post(teams, install_in_team(connector))
    thursday = QUESTION_DUE + timedelta(days=2, hours=6)  # Thursday 15:00 in New York
    run_due(teams, thursday)
    [planning] = connector.sent(TEAM_CHANNEL)  # the weekly digest follows on a later tick
    assert planning.body["text"].startswith("Content calendar for next week")
    run_due(teams, thursday + timedelta(minutes=1))
    assert connector.sent(TEAM_CHANNEL)[-1].body["text"].startswith("The week in numbers")


def test_team_install_links_roster_people_by_email(teams, connector):
    add_person(teams, None, "Jo Park", "approver", email="jo.park@example.org")
    connector.members = [{"id": "29:jo", "name": "Jo Park", "aadObjectId": JO_AAD, "email": "Jo.Park@example.org",
                          "userPrincipalName": "jo.park@example.org"}]
    post(teams, install_in_team(connector))
    from bot.store import Person

    with teams.db.transaction() as session:
        assert session.scalars(select(Person)).one().teams_user_id == JO_AAD


def test_show_all_drafts_answers_privately_without_deciding(teams, connector, card):
    post(teams, install(connector, SAM_AAD, "a:personal-sam"))
    _, card_json = card
    body = click(teams, connector, card_json, "Show all drafts", SAM_AAD)
    assert body["type"] == "application/vnd.microsoft.activity.message"
    [shown] = connector.sent("a:personal-sam")  # Teams has no ephemeral messages: the personal chat
    with teams.db.transaction() as session:
        for draft in session.scalars(select(Draft)):
            assert draft.text in shown.body["text"]
    assert review_status(teams) == ReviewStatus.PENDING and channel_updates(connector) == []


def test_a_click_on_an_outdated_version_decides_nothing_and_refreshes_the_card(teams, connector, card):
    _, old_card = card
    old_value = actions_of(old_card)["Approve"]["data"]["rounds_value"]
    teams.clock.now = CARD_TIME + timedelta(minutes=1)
    post(teams, message(connector, "Also: a walk after dinner helps more than people think."))
    [refreshed] = channel_updates(connector)
    new_value = actions_of(card_of(refreshed))["Approve"]["data"]["rounds_value"]
    assert refreshed.activity_id == "msg-3" and new_value != old_value and new_value.endswith(":2")
    assert "walk after dinner" in str(card_of(refreshed))

    body = click(teams, connector, old_card, "Approve", SAM_AAD)
    assert review_status(teams) == ReviewStatus.PENDING
    assert actions_of(body["value"])["Approve"]["data"]["rounds_value"] == new_value  # the clicker sees it now
    refusal = [c for c in connector.sent() if "Nothing was changed" in str(c.body.get("text"))]
    assert refusal, "the approver is told privately why nothing happened"
    assert len(channel_updates(connector)) == 2  # the card is refreshed again, for everyone
    assert actions_of(card_of(channel_updates(connector)[-1]))["Approve"]["data"]["rounds_value"] == new_value
    click(teams, connector, card_of(refreshed), "Approve", SAM_AAD)
    assert review_status(teams) == ReviewStatus.APPROVED


ADVICE = ("Chest pain is not always a heart attack, but get it checked. For my patient on Friday: stop taking "
          "your metoprolol before the test.")


def test_use_suggested_wording_applies_the_suggestion_to_every_draft(teams, connector):
    add_person(teams, LEE_AAD, "Dr. Ana Lee")
    add_person(teams, SAM_AAD, "Sam Ortiz", "approver")
    post(teams, install(connector, LEE_AAD, LEE_CHAT), install_in_team(connector))
    run_due(teams, QUESTION_DUE)
    teams.clock.now = ANSWERED
    post(teams, message(connector, ADVICE))
    held = card_of(connector.sent(LEE_CHAT)[-1])
    fine = actions_of(held)["It's fine"]  # held for a patient detail ("my patient on Friday")
    notice_id = connector.sent(LEE_CHAT)[-1].response_id
    [(_, body)] = post(teams, execute(connector, fine["verb"], fine["data"], LEE_AAD, LEE_CHAT, notice_id))
    send = actions_of(body["value"])["Send on"]  # the reason form, in the notice's place
    post(teams, execute(connector, send["verb"], send["data"], LEE_AAD, LEE_CHAT, notice_id,
                        reason="Friday is not a patient detail here"))
    teams.clock.now = CARD_TIME
    assert run_due(teams, CARD_TIME).cards_posted == 1
    [posted] = connector.sent(TEAM_CHANNEL)
    card_json = card_of(posted)
    assert "Advice warning" in str(card_json)
    action = actions_of(card_json)["Use suggested wording"]
    [(status, _)] = post(teams, execute(connector, action["verb"], action["data"], SAM_AAD,
                                        f"{TEAM_CHANNEL};messageid={posted.response_id}", posted.response_id,
                                        "channel"))
    assert status == 200
    with teams.db.transaction() as session:
        drafts = session.scalars(select(Draft)).all()
        assert drafts and all("metoprolol" not in d.text and d.edited for d in drafts)
    assert channel_updates(connector), "the card shows the reworded drafts to everyone"

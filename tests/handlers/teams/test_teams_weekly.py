"""The weekly loop on Teams: the question as a card (Skip / Snooze / Pause), answers, edits,
the screen's private feedback and It's fine, all through `/api/messages` and the fake connector."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.scheduler import run_due
from bot.store import Answer, AnswerStatus, Person, Prompt, PromptStatus
from tests.handlers.conftest import QUESTION_DUE
from tests.handlers.teams.conftest import (
    LEE_AAD,
    LEE_CHAT,
    actions_of,
    add_person,
    card_of,
    edited,
    execute,
    install,
    message,
    post,
    submit,
)

ANSWER = "Patients often ask whether chest pain always means a heart attack. Often it doesn't, but get it checked."
PHI = "Mrs. Oyelaran came in on 3/14 with her MRN 4481290 and asked about knee pain."


def question_card(teams, connector):
    """Install the app for Dr. Lee, run the week: the question arrives in her personal chat."""
    add_person(teams, LEE_AAD, "Dr. Ana Lee")
    assert post(teams, install(connector, LEE_AAD, LEE_CHAT))[0][0] == 200
    assert run_due(teams, QUESTION_DUE).delivered == 1
    [call] = connector.sent(LEE_CHAT)
    return call, card_of(call)


def prompt_status(teams) -> str:
    with teams.db.transaction() as session:
        return session.scalars(select(Prompt)).one().status


def test_question_card_has_buttons_with_submit_fallback_and_a_plain_text_summary(teams, connector):
    call, card = question_card(teams, connector)
    assert card["version"] == "1.5" and card["fallbackText"]
    assert call.body["summary"]
    buttons = actions_of(card)
    assert {"Skip this week", "Snooze 1 day", "Pause (vacation)…"} <= set(buttons)
    for action in buttons.values():
        assert action["type"] == "Action.Execute" and action["fallback"]["type"] == "Action.Submit"
        assert action["fallback"]["data"] == action["data"]
    assert any(item["type"] == "Input.ChoiceSet" for item in card["body"])


def test_skip_by_action_execute_updates_the_question_in_place(teams, connector):
    call, card = question_card(teams, connector)
    skip = actions_of(card)["Skip this week"]
    [(status, body)] = post(teams, execute(connector, skip["verb"], skip["data"], LEE_AAD, LEE_CHAT, "msg-1"))
    assert status == 200 and body["statusCode"] == 200
    assert body["type"] == "application/vnd.microsoft.card.adaptive"
    assert prompt_status(teams) == PromptStatus.SKIPPED
    [update] = connector.updated()
    assert update.activity_id == "msg-1"


def test_snooze_by_action_submit_fallback(teams, connector):
    call, card = question_card(teams, connector)
    snooze = actions_of(card)["Snooze 1 day"]
    [(status, _)] = post(teams, submit(connector, snooze["fallback"]["data"], LEE_AAD, LEE_CHAT, "msg-1"))
    assert status == 200
    with teams.db.transaction() as session:
        prompt = session.scalars(select(Prompt)).one()
        assert prompt.status == PromptStatus.SCHEDULED or prompt.due_at > QUESTION_DUE


def test_pause_from_the_menu(teams, connector):
    call, card = question_card(teams, connector)
    pause = actions_of(card)["Pause (vacation)…"]
    menu = pause["data"]["rounds_menu"]
    [choice_set] = [item for item in card["body"] if item["type"] == "Input.ChoiceSet"]
    two_weeks = choice_set["choices"][1]["value"]
    [(status, body)] = post(teams, execute(connector, pause["verb"], pause["data"], LEE_AAD, LEE_CHAT, "msg-1",
                                           **{menu: two_weeks}))
    assert status == 200
    with teams.db.transaction() as session:
        assert session.scalars(select(Person)).one().paused_until is not None


def test_answer_then_edit_then_redelivery_has_one_effect(teams, connector):
    question_card(teams, connector)
    teams.clock.now = QUESTION_DUE + timedelta(hours=1)
    answer = message(connector, ANSWER)
    results = post(teams, answer, answer)  # Teams re-delivers after 15 s without an answer
    assert [status for status, _ in results] == [200, 200]
    thanks = connector.sent(LEE_CHAT)[1:]
    assert len(thanks) == 1, "a re-delivered message must be handled once"
    post(teams, edited(connector, answer["id"], ANSWER + " Call us to book a check."))
    with teams.db.transaction() as session:
        stored = session.scalars(select(Answer)).one()
        assert stored.text.endswith("Call us to book a check.")


def held_and_tapped(teams, connector):
    """PHI is held with private feedback; It's fine shows the reason form in the notice's place."""
    question_card(teams, connector)
    teams.clock.now = QUESTION_DUE + timedelta(hours=1)
    post(teams, message(connector, PHI))
    feedback = connector.sent(LEE_CHAT)[-1]
    fine = actions_of(card_of(feedback))["It's fine"]
    with teams.db.transaction() as session:
        assert session.scalars(select(Answer)).one().status == AnswerStatus.HELD
    sent_before = len(connector.sent(LEE_CHAT))
    [(status, body)] = post(teams, execute(connector, fine["verb"], fine["data"], LEE_AAD, LEE_CHAT,
                                           feedback.response_id))
    assert status == 200 and body["type"] == "application/vnd.microsoft.card.adaptive"
    assert len(connector.sent(LEE_CHAT)) == sent_before, "the tap asks nothing in the chat"
    return feedback, body["value"]


def test_phi_is_held_with_private_feedback_and_its_fine_opens_a_reason_form(teams, connector):
    feedback, form = held_and_tapped(teams, connector)
    [reason] = [item for item in form["body"] if item["type"] == "Input.Text"]
    assert reason["id"] == "reason" and reason["label"] == "Why is it fine to share?" and reason["isRequired"]
    assert "made up" in reason["placeholder"]
    assert "Oyelaran" in str(form["body"]), "the form, shown to Dr. Lee only, names the flagged parts"
    send = actions_of(form)["Send on"]
    [(status, _)] = post(teams, execute(connector, send["verb"], send["data"], LEE_AAD, LEE_CHAT,
                                        feedback.response_id, reason="Patient gave written consent."))
    assert status == 200
    with teams.db.transaction() as session:
        answer = session.scalars(select(Answer)).one()
        assert answer.status == AnswerStatus.READY and answer.override_reason == "Patient gave written consent."
    for call in connector.updated():
        assert "Oyelaran" not in str(call.body) and "4481290" not in str(call.body)


def test_a_reason_that_identifies_the_patient_is_refused_in_the_form_and_never_stored(teams, connector):
    """Screened like an answer: the form comes back saying why (in kinds), the answer stays held."""
    feedback, form = held_and_tapped(teams, connector)
    send = actions_of(form)["Send on"]
    [(status, body)] = post(teams, execute(connector, send["verb"], send["data"], LEE_AAD, LEE_CHAT,
                                           feedback.response_id, reason="Mrs. Oyelaran said yes, MRN 4481290"))
    assert status == 200 and body["type"] == "application/vnd.microsoft.card.adaptive"
    again = body["value"]
    [error] = [item["text"] for item in again["body"] if item.get("color") == "Attention"]
    assert "a name" in error and "a medical record number" in error and "still held" in error
    assert "Send on" in actions_of(again), "the form is shown again, to send a better reason"
    with teams.db.transaction() as session:
        answer = session.scalars(select(Answer)).one()
        assert answer.status == AnswerStatus.HELD and answer.override_reason is None
    for call in connector.sent(LEE_CHAT) + connector.updated():
        assert "said yes" not in str(call.body)
    [(status, _)] = post(teams, execute(connector, send["verb"], send["data"], LEE_AAD, LEE_CHAT,
                                        feedback.response_id, reason="The details are made up."))
    with teams.db.transaction() as session:
        answer = session.scalars(select(Answer)).one()
        assert answer.status == AnswerStatus.READY and answer.override_reason == "The details are made up."


def test_a_message_after_its_fine_is_the_answer_and_the_form_is_then_refused(teams, connector):
    feedback, form = held_and_tapped(teams, connector)
    teams.clock.now += timedelta(minutes=2)
    post(teams, message(connector, ANSWER))
    with teams.db.transaction() as session:
        answer = session.scalars(select(Answer)).one()
        assert answer.status == AnswerStatus.READY and answer.text == ANSWER and answer.override_reason is None
    send = actions_of(form)["Send on"]
    post(teams, execute(connector, send["verb"], send["data"], LEE_AAD, LEE_CHAT, feedback.response_id,
                        reason="Patient gave written consent."))
    with teams.db.transaction() as session:
        answer = session.scalars(select(Answer)).one()
        assert answer.text == ANSWER and answer.override_reason is None


def test_a_revision_takes_it_s_fine_off_the_earlier_held_notice(teams, connector):
    """The held notice's place is recorded: a clean revision updates it in place, without the button."""
    question_card(teams, connector)
    teams.clock.now = QUESTION_DUE + timedelta(hours=1)
    post(teams, message(connector, PHI))
    notice = connector.sent(LEE_CHAT)[-1]
    assert "It's fine" in actions_of(card_of(notice))
    teams.clock.now += timedelta(minutes=5)
    post(teams, message(connector, ANSWER))
    [update] = [c for c in connector.updated() if c.activity_id == notice.response_id]
    assert update.conversation == LEE_CHAT
    text = str(update.body)
    assert "no longer used" in text and "It's fine" not in text
    assert "Oyelaran" not in text and "4481290" not in text


def test_text_arrives_as_plain_text(teams, connector):
    question_card(teams, connector)
    teams.clock.now = QUESTION_DUE + timedelta(hours=1)
    post(teams, message(connector, "<at>Rounds</at> Fish &amp; chips <b>matter</b>", textFormat="xml"))
    with teams.db.transaction() as session:
        assert session.scalars(select(Answer)).one().text == "Fish & chips matter"


def test_notices_stop_start_help_and_unknown_people(teams, connector):
    question_card(teams, connector)
    post(teams, message(connector, "stop"), message(connector, "start"), message(connector, "help"))
    assert len(connector.sent(LEE_CHAT)) == 4
    post(teams, install(connector, "aad-stranger", "a:stranger"), message(connector, "hi", aad="aad-stranger",
                                                                         conversation="a:stranger"))
    [notice] = connector.sent("a:stranger")
    assert notice.body["text"] and notice.body["textFormat"] == "plain"

"""Every answer is screened before anyone else sees it; PHI is held privately, never logged."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from bot.chat import ActionEvent
from bot.scheduler import run_due
from bot.store import Answer, AnswerStatus, AuditEvent, Draft
from bot.weekly.inbound import handle_action
from tests.conftest import utc
from tests.test_weekly_question import add_person, add_questions, say

ROOT = Path(__file__).resolve().parent.parent
PHI_ANSWER = "Mrs. Oyelaran came in on 3/14 with her MRN 4481290 and asked about knee pain."


def setup_answerable(services):
    add_questions(services, 2)
    add_person(services)
    add_person(services, email="maria@example.org", name="Maria Gomez", roles="staff")
    run_due(services, utc(2026, 11, 24, 14))


def answer_row(services):
    with services.db.transaction() as session:
        answer = session.scalars(select(Answer)).one()
        drafts = session.scalars(select(Draft).where(Draft.answer_id == answer.id)).all()
        audit = [e.action for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]
        return answer, drafts, audit


def test_clean_answer_becomes_drafts(services):
    setup_answerable(services)
    outcome = say(services, "Patients often ask whether knee pain means arthritis. Usually it does not.", "1.1")
    assert outcome.replies[0].text.startswith("Thank you")
    answer, drafts, audit = answer_row(services)
    assert (answer.status, answer.verdict) == (AnswerStatus.READY, "ok")
    assert {d.channel for d in drafts} >= {"facebook", "instagram", "x", "linkedin", "blog"}
    assert all("not medical advice" in d.text for d in drafts)
    assert audit == ["received", "screened", "drafted"]


def test_phi_is_held_privately_and_never_logged(services, caplog):
    setup_answerable(services)
    caplog.set_level(logging.DEBUG)
    outcome = say(services, PHI_ANSWER, "1.1")
    reply = outcome.replies[0]
    assert reply.text.startswith("I held your answer")
    assert '"Mrs. Oyelaran"' in reply.text, "the physician sees which parts were flagged"
    assert [b.action for b in reply.buttons] == ["answer.override"]
    answer, drafts, audit = answer_row(services)
    assert answer.status == AnswerStatus.HELD and answer.verdict == "block" and drafts == []
    kinds = {f["kind"] for f in json.loads(answer.findings)}
    assert {"name", "mrn"} <= kinds
    assert "Oyelaran" not in answer.findings, "findings hold kinds and spans, not text"
    assert audit == ["received", "screened", "held"]
    with services.db.transaction() as session:
        details = " ".join(e.detail for e in session.scalars(select(AuditEvent)))
    for secret in ("Oyelaran", "4481290", "3/14"):
        assert secret not in caplog.text
        assert secret not in details


def test_revised_answer_replaces_the_held_one(services):
    setup_answerable(services)
    say(services, PHI_ANSWER, "1.1")
    outcome = say(services, "Patients often ask about knee pain; most of it improves with exercise.", "1.2")
    assert outcome.replies[0].text.startswith("Thanks, that looks good now")
    answer, drafts, audit = answer_row(services)
    assert answer.status == AnswerStatus.READY and "Oyelaran" not in answer.text
    assert drafts and all("Oyelaran" not in d.text for d in drafts)
    assert audit[-3:] == ["revised", "screened", "drafted"]


def test_its_fine_opens_a_form_whose_reason_sends_on_with_badge_and_audit(services):
    setup_answerable(services)
    outcome = say(services, PHI_ANSWER, "1.1")
    value = outcome.replies[0].buttons[0].value
    stranger = handle_action(services, ActionEvent("console", "maria@example.org", "answer.override", value),
                             utc(2026, 11, 24, 15))
    assert "isn't for you" in stranger.replies[0].text and stranger.form is None
    asked = handle_action(services, ActionEvent("console", "lee@example.org", "answer.override", value),
                          utc(2026, 11, 24, 15))
    form = asked.form
    assert asked.replies == [] and form is not None and form.action == "answer.override.submit"
    assert form.value == value and [f.name for f in form.fields] == ["reason"]
    assert form.fields[0].label == "Why is it fine to share?" and form.fields[0].required and form.fields[0].hint
    assert '"Mrs. Oyelaran"' in form.description, "the form, private to the physician, names the excerpts"
    answer, _, _ = answer_row(services)
    assert answer.status == AnswerStatus.HELD, "a tap alone changes nothing"
    blank = handle_action(services, ActionEvent("console", "lee@example.org", form.action, form.value,
                                                fields={"reason": "  "}), utc(2026, 11, 24, 15))
    assert "still held" in blank.replies[0].text and answer_row(services)[0].status == AnswerStatus.HELD
    # The reason is screened like an answer: one naming the patient is refused, never stored.
    named = handle_action(services, ActionEvent("console", "lee@example.org", form.action, form.value,
                                                fields={"reason": "Mrs. Oyelaran is our practice manager, she agreed"}),
                          utc(2026, 11, 24, 15))
    assert named.replies == [] and named.form is not None and named.form.action == form.action
    [(field, why)] = named.form.errors
    assert field == "reason" and "(a name)" in why and "Oyelaran" not in why
    answer, _, audit = answer_row(services)
    assert answer.status == AnswerStatus.HELD and answer.override_reason is None and audit[-1] == "override_refused"
    # Names in any casing, and anything the guard flagged repeated in other casing or spacing, are refused.
    for disguised in ("oyelaran said yes", "OYELARAN AGREED", "record 4481 290 is a test one",
                      "robert brown said yes", "zelda quarrington agreed", "Jo\u200bhn Sm\u200bith said yes"):
        again = handle_action(services, ActionEvent("console", "lee@example.org", form.action, form.value,
                                                    fields={"reason": disguised}), utc(2026, 11, 24, 15))
        assert again.form is not None and again.form.errors, disguised
        assert answer_row(services)[0].override_reason is None
    done = handle_action(services, ActionEvent("console", "lee@example.org", form.action, form.value,
                                               fields={"reason": "The patient agreed in writing to share it"}),
                         utc(2026, 11, 24, 15))
    assert "goes to marketing with a warning" in done.replies[0].text
    answer, drafts, audit = answer_row(services)
    assert answer.status == AnswerStatus.READY and answer.override_reason.startswith("The patient agreed in writing"), \
        "a reason is about a patient by nature: only identifiers refuse it"
    assert drafts
    assert audit[-2:] == ["overridden", "drafted"]


def test_a_message_after_its_fine_is_answer_text_never_the_reason(services):
    setup_answerable(services)
    value = say(services, PHI_ANSWER, "1.1").replies[0].buttons[0].value
    form = handle_action(services, ActionEvent("console", "lee@example.org", "answer.override", value),
                         utc(2026, 11, 24, 15)).form
    clean = "Patients often ask about knee pain; most of it improves with exercise."
    outcome = say(services, clean, "1.2")
    assert outcome.replies[0].text.startswith("Thanks, that looks good now")
    answer, drafts, audit = answer_row(services)
    assert answer.status == AnswerStatus.READY and answer.text == clean and answer.override_reason is None
    assert drafts and all("Oyelaran" not in d.text for d in drafts)
    assert audit[-3:] == ["revised", "screened", "drafted"]
    # The form, about the held version, is refused now: it can't send the old text on.
    late = handle_action(services, ActionEvent("console", "lee@example.org", form.action, form.value,
                                               fields={"reason": "made up"}), utc(2026, 11, 24, 15))
    assert "no longer held" in late.replies[0].text
    answer, _, audit = answer_row(services)
    assert answer.text == clean and answer.override_reason is None and "overridden" not in audit


def test_a_form_about_an_outdated_held_version_is_refused(services):
    setup_answerable(services)
    value = say(services, PHI_ANSWER, "1.1").replies[0].buttons[0].value
    form = handle_action(services, ActionEvent("console", "lee@example.org", "answer.override", value),
                         utc(2026, 11, 24, 15)).form
    say(services, "Mrs. Oyelaran asked me about knee pain.", "1.2")  # still held, a new version
    late = handle_action(services, ActionEvent("console", "lee@example.org", form.action, form.value,
                                               fields={"reason": "made up"}), utc(2026, 11, 24, 15))
    assert "changed since then" in late.replies[0].text
    answer, drafts, audit = answer_row(services)
    assert answer.status == AnswerStatus.HELD and answer.override_reason is None and drafts == []
    assert "overridden" not in audit


def test_an_answer_left_awaiting_a_reason_counts_as_held(services):
    """Rows from before the form: the next message is answer text, and It's fine opens the form."""
    setup_answerable(services)
    value = say(services, PHI_ANSWER, "1.1").replies[0].buttons[0].value
    with services.db.transaction() as session:
        session.scalars(select(Answer)).one().status = AnswerStatus.AWAITING_REASON
    asked = handle_action(services, ActionEvent("console", "lee@example.org", "answer.override", value),
                          utc(2026, 11, 24, 15))
    assert asked.form is not None
    outcome = say(services, "Patients often ask about knee pain; most of it improves with exercise.", "1.2")
    assert outcome.replies[0].text.startswith("Thanks, that looks good now")
    answer, _, audit = answer_row(services)
    assert answer.status == AnswerStatus.READY and answer.override_reason is None and "overridden" not in audit


def test_advice_warns_with_a_suggestion_but_does_not_block(services):
    setup_answerable(services)
    outcome = say(services, "If your knee hurts you should double your dose of ibuprofen.", "1.1")
    assert outcome.replies[0].text.startswith("Thank you")
    answer, drafts, _ = answer_row(services)
    assert (answer.status, answer.verdict) == (AnswerStatus.READY, "warn")
    assert answer.advice_suggestion and drafts


def test_roster_names_and_practice_phone_are_not_phi(services):
    setup_answerable(services)
    say(services, "Maria Gomez at our front desk can book you: call (555) 010-0100. Dr. Ana Lee sees knees.", "1.1")
    answer, _, _ = answer_row(services)
    assert answer.verdict == "ok", answer.findings


def test_template_syntax_in_an_answer_is_just_text(services):
    setup_answerable(services)
    say(services, "Patients ask about {{ 7*7 }} and {% raw %} things.", "1.1")
    _, drafts, _ = answer_row(services)
    assert any("{{ 7*7 }}" in d.text for d in drafts)
    assert all("49" not in d.text for d in drafts)


def test_rounds_screen_uses_roster_names_as_allow_list(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'r.db'}"
    env = {**os.environ, "ROUNDS_DATABASE_URL": db_url, "ROUNDS_CONFIG": ""}
    roster = tmp_path / "roster.csv"
    roster.write_text("name,email,role,specialty,timezone,weekday,time,slack_user_id\n"
                      "Tobiah Wendeborn,tw@example.org,staff,,America/Chicago,tue,09:00,\n")
    rounds = [sys.executable, "-m", "bot"]
    subprocess.run([*rounds, "roster", "import", str(roster)], env=env, cwd=tmp_path, check=True,
                   capture_output=True)
    lines = "\n".join([
        json.dumps({"id": "a", "text": "Ask Tobiah Wendeborn at the desk about parking."}),
        json.dumps({"id": "b", "text": "Mr. Caspian Thorley, MRN 5512903, came in last Tuesday."}),
        "{broken",
        json.dumps({"id": "d"}),
    ])
    result = subprocess.run([*rounds, "screen"], input=lines, env=env, cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert out[0] == {"id": "a", "verdict": "ok", "findings": []}
    assert out[1]["verdict"] == "block" and {"name", "mrn"} <= {f["kind"] for f in out[1]["findings"]}
    assert out[2]["line"] == 3 and "error" in out[2]
    assert out[3]["line"] == 4 and "text" in out[3]["error"]


def test_rounds_screen_allows_the_practice_city_and_address_from_config(tmp_path):
    config = tmp_path / "config.toml"
    lines = "\n".join(json.dumps({"id": i, "text": t}) for i, t in [
        ("city", "My patient who lives in Rockville fell again."),
        ("address", "Flu shots at 100 Main Street, Rockville, MD 20850 all week."),
        ("other", "My patient who lives in Gaithersburg fell again."),
    ])
    env = {**os.environ, "ROUNDS_DATABASE_URL": f"sqlite:///{tmp_path / 'r.db'}", "ROUNDS_CONFIG": str(config)}
    rounds = [sys.executable, "-m", "bot"]

    def screened(practice: str) -> dict[str, str]:
        config.write_text(practice)
        result = subprocess.run([*rounds, "screen"], input=lines, env=env, cwd=tmp_path, capture_output=True,
                                text=True)
        return {row["id"]: row["verdict"] for row in map(json.loads, result.stdout.splitlines())}

    assert screened("") == {"city": "block", "address": "block", "other": "block"}
    public = '[practice]\nplaces = ["Rockville"]\naddresses = ["100 Main Street, Rockville, MD 20850"]\n'
    assert screened(public) == {"city": "ok", "address": "ok", "other": "block"}

"""Retention: `purge_answers` and `rounds answers purge` on SQLite and PostgreSQL."""

from __future__ import annotations

import argparse
import io
import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.commands import Context
from bot.commands import answers as answers_command
from bot.retention import purge_answers
from bot.store import Answer, AnswerPart, AnswerStatus, AuditEvent, Draft, Person, Prompt, PromptStatus, Question
from tests.conftest import utc

OLD = utc(2026, 1, 5, 14, 0)
NOW = utc(2026, 12, 1, 12, 0)
RECENT = NOW - timedelta(days=10)


def add_answer(session, person, question, week: int, *, at=OLD, status=AnswerStatus.READY,
               review_status=None, submitted=True, decided_at=None, slotted=False) -> int:
    prompt = Prompt(person_id=person.id, week=f"2026-W{week:02d}", question_id=question.id,
                    status=PromptStatus.ANSWERED, due_at=at, expires_at=at + timedelta(days=6))
    session.add(prompt)
    session.flush()
    answer = Answer(prompt_id=prompt.id, person_id=person.id, text=f"Answer of week {week}: my patient Jo...",
                    status=status, advice_suggestion="Try: patients often ask...", review_status=review_status,
                    submitted_at=at if submitted else None, decided_at=decided_at, created_at=at, updated_at=at,
                    override_reason=f"Jo said it is fine ({week})" if status == AnswerStatus.HELD else None,
                    decision_note=f"too close to Jo's story ({week})" if decided_at else None)
    session.add(answer)
    session.flush()
    session.add(AnswerPart(answer_id=answer.id, channel="D1", ts=f"{week}.0001", text=answer.text))
    for channel in ("x", "blog"):
        slot = at + timedelta(days=week, hours=1 if channel == "x" else 2) if slotted else None
        session.add(Draft(answer_id=answer.id, channel=channel, text=f"{channel} post of week {week}",
                          length=20, slot_at=slot, created_at=at, updated_at=at))
    return answer.id


@pytest.fixture
def answers(services):
    """One answer in each interesting state; returns their ids by name."""
    with services.db.transaction() as session:
        person = Person(email="p@example.org", name="Priya Patel", specialty="Cardiology", timezone="UTC",
                        weekday=0, local_time="09:00", created_at=OLD, updated_at=OLD)
        question = Question(specialty="", text="What do patients ask?", created_at=OLD)
        session.add_all([person, question])
        session.flush()
        return {
            "rejected": add_answer(session, person, question, 2, review_status="rejected", decided_at=OLD),
            "sent_back": add_answer(session, person, question, 3, review_status="sent_back", decided_at=OLD),
            "held": add_answer(session, person, question, 4, status=AnswerStatus.HELD, submitted=False),
            "approved": add_answer(session, person, question, 5, review_status="approved", decided_at=OLD,
                                   slotted=True),
            "pending": add_answer(session, person, question, 6, review_status="pending"),
            "recent_rejected": add_answer(session, person, question, 7, at=RECENT, review_status="rejected",
                                          decided_at=RECENT),
            # Created long ago, but rejected recently: its retention period starts at the decision.
            "late_rejected": add_answer(session, person, question, 8, review_status="rejected", decided_at=RECENT),
        }


def snapshot(services) -> dict:
    with services.db.transaction() as session:
        return {
            "answers": {a.id: (a.text, a.advice_suggestion) for a in session.scalars(select(Answer))},
            "notes": {a.id: (a.override_reason, a.decision_note) for a in session.scalars(select(Answer))},
            "parts": sorted(p.answer_id for p in session.scalars(select(AnswerPart))),
            "drafts": sorted((d.answer_id, d.channel) for d in session.scalars(select(Draft))),
            "audit": [(e.subject_id, e.action, e.detail) for e in session.scalars(select(AuditEvent))],
        }


def test_purge_blanks_rejected_sent_back_and_never_submitted_answers(services, answers):
    before = snapshot(services)
    report = purge_answers(services.db, 90, NOW)
    purged = {answers["rejected"], answers["sent_back"], answers["held"]}
    assert set(report.answer_ids) == purged and not report.dry_run
    assert report.parts_deleted == 3 and report.drafts_deleted == 6
    after = snapshot(services)
    for answer_id, texts in after["answers"].items():
        assert texts == (("", "") if answer_id in purged else before["answers"][answer_id])
    # Reasons written before reasons were screened may quote the answer: they go with it.
    assert after["notes"][answers["held"]] == ("", None), "still marked overridden, without its words"
    assert after["notes"][answers["rejected"]] == (None, None) == after["notes"][answers["sent_back"]]
    assert after["notes"][answers["approved"]] == before["notes"][answers["approved"]]
    assert not purged & set(after["parts"]) and not purged & {a for a, _ in after["drafts"]}
    kept = set(answers.values()) - purged
    assert {a for a, _ in after["drafts"]} == kept and set(after["parts"]) == kept
    audit_rows = [row for row in after["audit"] if row[1] == "purged"]
    assert sorted(row[0] for row in audit_rows) == sorted(purged)
    for _, _, detail in audit_rows:
        assert "Answer of week" not in detail and "Jo" not in detail  # no text in the audit trail
        assert json.loads(detail)["older_than_days"] == 90
    # Purging again changes nothing and records nothing more.
    assert purge_answers(services.db, 90, NOW).answer_ids == []
    assert snapshot(services) == after


def test_approved_answers_and_their_posts_are_kept(services, answers):
    purge_answers(services.db, 1, NOW + timedelta(days=3650))
    after = snapshot(services)
    approved = answers["approved"]
    assert after["answers"][approved][0].startswith("Answer of week 5")
    assert (approved, "x") in after["drafts"] and (approved, "blog") in after["drafts"]
    assert after["answers"][answers["pending"]][0] != ""  # waiting for a decision: not ours to purge


def test_a_slotted_draft_of_a_purged_answer_is_kept(services, answers):
    with services.db.transaction() as session:
        draft = session.scalars(select(Draft).where(Draft.answer_id == answers["rejected"],
                                                    Draft.channel == "x")).one()
        draft.slot_at = utc(2026, 2, 2, 15, 0)
    report = purge_answers(services.db, 90, NOW)
    assert report.drafts_deleted == 5
    assert (answers["rejected"], "x") in snapshot(services)["drafts"]


def test_dry_run_changes_nothing(services, answers):
    before = snapshot(services)
    report = purge_answers(services.db, 90, NOW, dry_run=True)
    assert report.dry_run and len(report.answer_ids) == 3
    assert report.parts_deleted == 3 and report.drafts_deleted == 6
    assert snapshot(services) == before


def test_recently_decided_answers_wait_for_their_own_retention_period(services, answers):
    report = purge_answers(services.db, 5, NOW)
    assert answers["recent_rejected"] in report.answer_ids and answers["late_rejected"] in report.answer_ids
    report = purge_answers(services.db, 5, NOW)
    assert report.answer_ids == []


def test_days_must_be_positive(services):
    with pytest.raises(ValueError):
        purge_answers(services.db, 0, NOW)


def run_command(services, *args: str) -> tuple[int, str]:
    parser = argparse.ArgumentParser(prog="rounds")
    answers_command.register(parser.add_subparsers(dest="command"))
    out = io.StringIO()
    services.clock = lambda: NOW
    ctx = Context(parser.parse_args(["answers", "purge", *args]), stdout=out, stderr=io.StringIO(),
                  _config=services.config, _services=services)
    return ctx.args.handler(ctx), out.getvalue()


def test_purge_command_dry_run_then_purge(services, answers):
    before = snapshot(services)
    status, printed = run_command(services, "--older-than", "90", "--dry-run")
    assert status == 0 and printed.startswith("would purge 3 answer(s) last changed more than 90 day(s) ago")
    assert snapshot(services) == before
    status, printed = run_command(services, "--older-than", "90")
    assert status == 0 and printed.startswith("purged 3 answer(s)")
    ids = sorted((answers["rejected"], answers["sent_back"], answers["held"]))
    assert f"answer ids: {' '.join(map(str, ids))}" in printed


@pytest.mark.parametrize("value", ["0", "-3", "ninety"])
def test_purge_command_rejects_bad_days(value, capsys):
    parser = argparse.ArgumentParser(prog="rounds")
    answers_command.register(parser.add_subparsers(dest="command"))
    with pytest.raises(SystemExit):
        parser.parse_args(["answers", "purge", "--older-than", value])
    assert "--older-than" in capsys.readouterr().err

"""The policy gate (nothing else is sent before "I have read it") and the daily jobs at fixed instants."""

from __future__ import annotations

import threading
from datetime import date

import schedule
from sqlalchemy import select

from bot.chat import ActionEvent
from bot.jobs import RETENTION_JOB, build_scheduler, guarded, run_daily_purge
from bot.scheduler import run_due
from bot.services import build_services
from bot.store import AuditEvent, JobRun, Person
from bot.weekly import inbound
from tests.conftest import RecordingChat, make_config, utc

POLICY = {"url": "https://intranet.example.org/social-media", "summary": "No patient details, ever."}
DUE = utc(2026, 11, 24, 14)  # Tuesday 09:00 New York


def add_physician(services, email="lee@example.org") -> int:
    from bot.weekly.questions import ensure_question_bank

    with services.db.transaction() as session:
        ensure_question_bank(session, utc(2026, 11, 1))
        person = Person(email=email, name="Dr. Ana Lee", roles="physician", specialty="", timezone="America/New_York",
                        weekday=1, local_time="09:00", created_at=utc(2026, 11, 1), updated_at=utc(2026, 11, 1))
        session.add(person)
        session.flush()
        return person.id


def test_nothing_but_the_policy_until_it_is_acknowledged(database_url):
    chat = RecordingChat()
    services = build_services(make_config(database_url, policy=POLICY), chats={"console": chat})
    try:
        person_id = add_physician(services)
        report = run_due(services, DUE)
        assert report.questions_sent == 1 and report.policy_requests == 1
        [(channel, message, _)] = chat.sent  # the question waits in the outbox
        assert message.key.startswith("policy:") and POLICY["url"] in message.text
        assert message.buttons[0].label == "I have read it"
        run_due(services, DUE.replace(hour=15))
        assert len(chat.sent) == 1  # still nothing else, and the policy is not sent twice

        from bot.chat import IncomingMessage
        reply = inbound.handle_message(services, IncomingMessage("console", "lee@example.org", "D", "1.0", "status"),
                                       DUE)
        assert POLICY["url"] in reply.replies[0].text  # whatever they write, the policy first

        inbound.handle_action(services, ActionEvent("console", "lee@example.org", "policy.ack", "0"), DUE)
        run_due(services, DUE.replace(hour=16))
        assert [m.key.split(":")[0] for _, m, _ in chat.sent] == ["policy", "question"]
        with services.db.transaction() as session:
            actions = session.scalars(select(AuditEvent.action).where(AuditEvent.subject == "person",
                                                                      AuditEvent.subject_id == person_id)).all()
        assert actions == ["policy_sent", "policy_acknowledged"]

        from bot.policy import reset
        with services.db.transaction() as session:
            assert reset(session, DUE) == 1
            assert session.get(Person, person_id).policy_acknowledged_at is None
    finally:
        services.db.dispose()


def _old_rejected_answer(services):
    """An answer rejected 100 days ago: the purge blanks it."""
    from bot.store import Answer, Prompt, PromptStatus, ReviewStatus
    person_id = add_physician(services)
    with services.db.transaction() as session:
        old = utc(2026, 8, 1)
        prompt = Prompt(person_id=person_id, week="2026-W31", question_id=1, status=PromptStatus.ANSWERED,
                        due_at=old, expires_at=old, sent_at=old, answered_at=old, sends=1)
        session.add(prompt)
        session.flush()
        session.add(Answer(prompt_id=prompt.id, person_id=person_id, text="old", status="ready",
                           review_status=ReviewStatus.REJECTED, decided_at=old, created_at=old, updated_at=old))


def test_daily_purge_once_a_day_after_its_time_and_caught_up(database_url):
    config = make_config(database_url, retention={"answer_days": 90, "time": "03:00"})
    one, two = (build_services(config, chats={}) for _ in range(2))  # two replicas, one database
    try:
        _old_rejected_answer(one)
        assert run_daily_purge(one, utc(2026, 12, 1, 7, 59)) is None  # 02:59 New York: not yet
        # The process was down at 03:00; at 09:00 the day's purge is caught up, by one replica only.
        results = []
        threads = [threading.Thread(target=lambda s=s: results.append(run_daily_purge(s, utc(2026, 12, 1, 14))))
                   for s in (one, two)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(results, key=lambda r: r is None) == [1, None]
        assert run_daily_purge(two, utc(2026, 12, 1, 20)) is None  # done for today
        with one.db.transaction() as session:
            (run,) = session.scalars(select(JobRun)).all()
            assert (run.job, run.period, run.outcome) == (RETENTION_JOB, "2026-12-01", "purged 1 answers")
        assert run_daily_purge(one, utc(2026, 12, 2, 9)) == 0  # the next day runs again
    finally:
        one.db.dispose()
        two.db.dispose()


def test_scheduler_runs_each_job_and_a_raising_job_does_not_stop_the_others(database_url, caplog):
    services = build_services(make_config(database_url), chats={})
    services.clock = lambda: utc(2026, 12, 1, 14)
    ran = []
    try:
        scheduler = build_scheduler(services, jobs={
            "tick": (30, lambda: (_ for _ in ()).throw(RuntimeError("database went away"))),
            "extra": (60, lambda: ran.append("extra")),
        })
        assert isinstance(scheduler, schedule.Scheduler) and scheduler is not schedule.default_scheduler
        assert {tag for job in scheduler.get_jobs() for tag in job.tags} == {"tick", RETENTION_JOB, "extra"}
        scheduler.run_all()
        assert ran == ["extra"]
        assert "periodic job tick failed" in caplog.text
        with services.db.transaction() as session:  # the purge ran (09:00 New York is after 03:00)
            assert session.scalars(select(JobRun.period)).all() == ["2026-12-01"]
        guarded("boom", lambda: 1 / 0)()  # logged, not raised
    finally:
        services.db.dispose()


def test_pause_words_close_this_weeks_question(database_url):
    from bot.words import Command, run
    services = build_services(make_config(database_url), chats={"console": RecordingChat()})
    try:
        person_id = add_physician(services)
        run_due(services, DUE - (DUE - utc(2026, 11, 23, 6)))  # Monday: this week's row is scheduled
        with services.db.transaction() as session:
            person = session.get(Person, person_id)
            run(services, session, person, Command("pause", "weeks", "1"), utc(2026, 11, 23, 12))
            assert person.paused_until == date(2026, 11, 30)
        assert run_due(services, DUE).questions_sent == 0
    finally:
        services.db.dispose()

"""The weekly question end to end through the core, at fixed instants, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.chat import ActionEvent, IncomingMessage, MessageRef
from bot.scheduler import run_due
from bot.store import Answer, OutboxMessage, Person, Prompt, PromptStatus, Question
from bot.weekly.inbound import handle_action, handle_message
from tests.conftest import utc

# 2026-11-24 is a Tuesday (ISO week 2026-W48).
CREATED = utc(2026, 11, 1)


def add_person(services, email="lee@example.org", name="Dr. Ana Lee", tz="America/New_York",
               weekday=1, at="09:00", roles="physician", specialty="cardiology", created=CREATED):
    with services.db.transaction() as session:
        person = Person(email=email, name=name, roles=roles, specialty=specialty, timezone=tz,
                        weekday=weekday, local_time=at, created_at=created, updated_at=created)
        session.add(person)
        session.flush()
        return person.id


def add_questions(services, count=5, specialty=""):
    with services.db.transaction() as session:
        for index in range(count):
            session.add(Question(specialty=specialty, text=f"What do new patients ask about topic {specialty}{index}?",
                                 created_at=CREATED))


def say(services, text, ts, email="lee@example.org", now=None, edited=False, thread_ts=None):
    message = IncomingMessage(platform="console", user_id=email, channel=f"D-{email}", ts=ts, text=text,
                              thread_ts=thread_ts, edited=edited)
    return handle_message(services, message, now or utc(2026, 11, 24, 15))


def dms(chat, full=False):
    """What physicians received in their DMs (the marketing channel gets other messages)."""
    sent = [entry for entry in chat.sent if entry[0].startswith("D-")]
    return sent if full else [message for _, message, _ in sent]


def prompts_of(services):
    with services.db.transaction() as session:
        return session.scalars(select(Prompt).order_by(Prompt.id)).all()


@pytest.fixture
def physician(services):
    add_questions(services, 3)
    add_questions(services, 3, specialty="cardiology")
    return add_person(services)


def test_question_is_sent_once_at_local_weekday_and_time(services, chat, physician):
    # 08:59 New York (EST, UTC-5) is 13:59 UTC: not yet.
    assert run_due(services, utc(2026, 11, 24, 13, 59)).questions_sent == 0
    assert dms(chat) == []
    report = run_due(services, utc(2026, 11, 24, 14, 0))
    assert (report.questions_sent, report.delivered) == (1, 1)
    channel, message, _ = dms(chat, full=True)[0]
    assert channel == "D-lee@example.org"
    assert "this week's question" in message.text
    assert [b.action for b in message.buttons] == ["prompt.skip", "prompt.snooze"]
    assert [v for _, v in message.menus[0].options] == [f"{physician}:1", f"{physician}:2", f"{physician}:4"]
    # Later ticks in the same week send nothing more.
    for hour in (15, 20, 23):
        run_due(services, utc(2026, 11, 24, hour))
    assert len(dms(chat)) == 1


def test_specialty_questions_first_and_no_repeats(services, chat, physician):
    asked = []
    start = utc(2026, 11, 24, 14)
    for week in range(6):
        run_due(services, start + timedelta(weeks=week))
        asked.append(prompts_of(services)[-1].question_id)
    assert len(set(asked)) == 6, "no repeats until the bank (3 specialty + 3 general) is exhausted"
    with services.db.transaction() as session:
        specialties = [session.get(Question, q).specialty for q in asked]
    assert specialties[:3] == ["cardiology"] * 3
    run_due(services, start + timedelta(weeks=6))
    assert prompts_of(services)[-1].question_id == asked[0], "then the least recently asked"


def test_answer_thanks_extension_and_edit(services, chat, physician):
    run_due(services, utc(2026, 11, 24, 14))
    outcome = say(services, "They ask whether <!channel> chest pain is always a heart attack.", "100.1")
    assert len(outcome.replies) == 1 and outcome.replies[0].text.startswith("Thank you")
    [(ref, question)] = outcome.updates
    assert ref == dms(chat, full=True)[0][2], "the question message itself"
    assert question.buttons == () and question.menus == () and "✓ Answered" in question.text
    outcome = say(services, "Also about statins.", "100.2", thread_ts="1.000100")
    assert outcome.replies[0].text == "Added that to your answer."
    say(services, "They ask whether chest pain is always cardiac.", "100.1", edited=True)
    with services.db.transaction() as session:
        answer = session.scalars(select(Answer)).one()
        assert answer.text == "They ask whether chest pain is always cardiac.\nAlso about statins."
    assert prompts_of(services)[0].status == PromptStatus.ANSWERED


def test_duplicate_delivery_of_a_message_has_one_effect(services, chat, physician):
    run_due(services, utc(2026, 11, 24, 14))
    first = say(services, "Knees.", "200.1")
    again = say(services, "Knees.", "200.1")
    assert first.replies and not again.replies
    with services.db.transaction() as session:
        assert session.scalars(select(Answer)).one().text == "Knees."


def test_one_nudge_after_48_hours_never_in_quiet_hours(services, chat, physician):
    run_due(services, utc(2026, 11, 24, 14))  # sent Tue 09:00 local
    run_due(services, utc(2026, 11, 26, 13, 59))
    assert len(dms(chat)) == 1
    # 48 h later is Thu 09:00 local: not quiet (quiet is 20:00-07:00).
    assert run_due(services, utc(2026, 11, 26, 14)).nudges_sent == 1
    assert "reminder" in dms(chat, full=True)[1][1].text.lower()
    for day in range(0, 4):
        run_due(services, utc(2026, 11, 26, 15) + timedelta(days=day))
    assert len(dms(chat)) == 2, "never more than one nudge"


def test_nudge_waits_out_quiet_hours(services, chat):
    add_questions(services, 2)
    add_person(services, at="21:30")  # the physician's own slot is in quiet hours: allowed
    run_due(services, utc(2026, 11, 25, 2, 30))  # Tue 21:30 EST
    assert len(dms(chat)) == 1
    # 48 h later is Thu 21:30 local: quiet. Nothing until 07:00 Fri local (12:00 UTC).
    for hour in (2, 6, 11):
        run_due(services, utc(2026, 11, 27, hour, 30))
    assert len(dms(chat)) == 1
    run_due(services, utc(2026, 11, 27, 12, 0))
    assert len(dms(chat)) == 2


def test_unanswered_question_expires_at_end_of_local_week(services, chat, physician):
    run_due(services, utc(2026, 11, 24, 14))
    run_due(services, utc(2026, 11, 30, 4, 59))  # Sun 23:59 New York
    assert prompts_of(services)[0].status == PromptStatus.SENT
    report = run_due(services, utc(2026, 11, 30, 5, 0))  # Mon 00:00 New York
    assert report.expired == 1
    assert prompts_of(services)[0].status == PromptStatus.EXPIRED
    # The question's message loses its buttons, saying why (issue 11, point 2).
    [(ref, closed)] = chat.updates
    assert not closed.buttons and not closed.menus
    assert closed.text.endswith("This question's week has ended. A reply here still counts until Mon Dec 7, 12:00 AM.")


def test_late_answer_within_late_answer_days_counts_for_last_weeks_question(services, chat, physician):
    run_due(services, utc(2026, 11, 24, 14))
    run_due(services, utc(2026, 11, 30, 5, 0))  # Mon 00:00 New York: the week ended
    outcome = say(services, "Late answer", "300.1", now=utc(2026, 11, 30, 14))  # Monday morning
    assert outcome.replies[0].text.startswith("Thank you! Got it.")
    assert prompts_of(services)[0].status == PromptStatus.ANSWERED
    with services.db.transaction() as session:
        assert session.scalars(select(Answer)).one().text == "Late answer"


def test_answer_after_late_answer_days_is_not_taken(services, chat, physician):
    services.config = dataclasses.replace(services.config, prompts=dataclasses.replace(
        services.config.prompts, late_answer_days=1))
    run_due(services, utc(2026, 11, 24, 14))
    run_due(services, utc(2026, 11, 30, 5, 0))
    outcome = say(services, "Too late", "300.1", now=utc(2026, 12, 1, 6))  # Mon 01:00 + 1 day
    assert "No open question" in outcome.replies[0].text


def test_missed_ticks_caught_up_within_the_week_once(services, chat, physician):
    # The bot was down Tuesday; it comes back Wednesday 10:00 local: one catch-up.
    report = run_due(services, utc(2026, 11, 25, 15))
    assert report.questions_sent == 1 and len(dms(chat)) == 1
    # Down for the whole week: nothing for the missed week when it comes back next week.
    chat.sent.clear()
    run_due(services, utc(2026, 12, 7, 15))  # Monday of W50, before the W50 slot
    assert dms(chat) == []


def test_catch_up_waits_for_morning_in_quiet_hours(services, chat, physician):
    run_due(services, utc(2026, 11, 25, 3, 0))  # back up Tue 22:00 local, slot was 09:00
    assert dms(chat) == []
    run_due(services, utc(2026, 11, 25, 12, 0))  # Wed 07:00 local
    assert len(dms(chat)) == 1


def test_new_person_added_after_slot_starts_next_week(services, chat):
    add_questions(services, 2)
    add_person(services, created=utc(2026, 11, 24, 18))
    run_due(services, utc(2026, 11, 24, 19))
    assert dms(chat) == []
    run_due(services, utc(2026, 12, 1, 14))
    assert len(dms(chat)) == 1


@pytest.mark.parametrize("tz, weekday, at, expected_utc", [
    # Spring forward, New York 2027-03-14 (Sunday): 02:30 does not exist -> 03:30 EDT = 07:30 UTC.
    ("America/New_York", 6, "02:30", utc(2027, 3, 14, 7, 30)),
    # Fall back, New York 2026-11-01 (Sunday): 01:30 happens twice -> the first (EDT) = 05:30 UTC.
    ("America/New_York", 6, "01:30", utc(2026, 11, 1, 5, 30)),
    # Southern hemisphere: Sydney leaves DST 2027-04-04 (Sunday) 03:00 -> 02:30 twice: first, AEDT.
    ("Australia/Sydney", 6, "02:30", utc(2027, 4, 3, 15, 30)),
    # A half-hour zone.
    ("Asia/Kolkata", 0, "09:00", utc(2027, 3, 8, 3, 30)),
])
def test_dst_and_time_zones_send_once_at_a_defined_instant(services, chat, tz, weekday, at, expected_utc):
    add_questions(services, 2)
    add_person(services, tz=tz, weekday=weekday, at=at, created=utc(2026, 1, 1))
    minute = timedelta(minutes=1)
    run_due(services, expected_utc - minute)
    assert dms(chat) == []
    run_due(services, expected_utc)
    assert len(dms(chat)) == 1
    # Ticking every 10 minutes across the whole DST night sends nothing more.
    for step in range(0, 36):
        run_due(services, expected_utc + step * timedelta(minutes=10))
    assert len(dms(chat)) == 1


def test_skip_closes_the_week(services, chat, physician):
    run_due(services, utc(2026, 11, 24, 14))
    ref = MessageRef("D-lee@example.org", "1.000100")
    outcome = handle_action(services, ActionEvent("console", "lee@example.org", "prompt.skip", str(physician), ref),
                            utc(2026, 11, 24, 15))
    assert outcome.replies[0].replace_original == ref
    assert "Skipped" in outcome.replies[0].text
    run_due(services, utc(2026, 11, 26, 15))
    assert len(dms(chat)) == 1, "no nudge after a skip"
    again = handle_action(services, ActionEvent("console", "lee@example.org", "prompt.skip", str(physician), ref),
                          utc(2026, 11, 24, 16))
    assert "already closed" in again.replies[0].text


def test_snooze_resends_a_day_later(services, chat, physician):
    run_due(services, utc(2026, 11, 24, 14))
    handle_action(services, ActionEvent("console", "lee@example.org", "prompt.snooze", str(physician)),
                  utc(2026, 11, 24, 15))
    run_due(services, utc(2026, 11, 25, 14, 59))
    assert len(dms(chat)) == 1
    run_due(services, utc(2026, 11, 25, 15))
    assert len(dms(chat)) == 2 and dms(chat, full=True)[1][1].text.startswith("As promised")


def test_pause_two_weeks_skips_two_weeks(services, chat, physician):
    run_due(services, utc(2026, 11, 24, 14))
    outcome = handle_action(services, ActionEvent("console", "lee@example.org", "prompt.pause", f"{physician}:2"),
                            utc(2026, 11, 24, 15))
    # The same two weeks as typing `pause 2w`: this week's question and next week's.
    assert "Paused for 2 weeks" in outcome.replies[0].text and "Dec 8" in outcome.replies[0].text
    run_due(services, utc(2026, 12, 1, 14))
    assert len(dms(chat)) == 1, "no question this week (paused) nor next week"
    run_due(services, utc(2026, 12, 8, 14))
    assert len(dms(chat)) == 2


def test_someone_elses_button_changes_nothing(services, chat, physician):
    add_person(services, email="kim@example.org", name="Dr. Kim")
    run_due(services, utc(2026, 11, 24, 14))
    outcome = handle_action(services, ActionEvent("console", "kim@example.org", "prompt.skip", str(physician)),
                            utc(2026, 11, 24, 15))
    assert "isn't for you" in outcome.replies[0].text
    assert prompts_of(services)[0].status == PromptStatus.SENT


def test_stop_and_leaving_the_roster_mean_nothing_more(services, chat, physician):
    add_person(services, email="kim@example.org", name="Dr. Kim")
    outcome = say(services, "STOP", "400.1", now=utc(2026, 11, 23, 12))
    assert "won't get any more" in outcome.replies[0].text
    with services.db.transaction() as session:
        session.scalars(select(Person).where(Person.email == "kim@example.org")).one().active = False
    for day in range(14):
        run_due(services, utc(2026, 11, 23, 14) + timedelta(days=day))
    assert dms(chat) == []
    say(services, "start", "400.2", now=utc(2026, 12, 7, 12))
    run_due(services, utc(2026, 12, 8, 14))
    assert len(dms(chat)) == 1


def test_failed_sends_stay_in_outbox_and_are_retried(services, chat, physician):
    calls = {"n": 0}
    real_send = chat.send

    def flaky(channel, message):
        calls["n"] += 1
        if calls["n"] <= 2:
            from bot.chat import TransientSendError
            raise TransientSendError("rate limited")
        return real_send(channel, message)

    chat.send = flaky
    now = utc(2026, 11, 24, 14)
    assert run_due(services, now).retrying == 1
    assert run_due(services, now + timedelta(seconds=10)).delivered == 0, "backoff: not yet"
    assert run_due(services, now + timedelta(seconds=31)).retrying == 1
    assert run_due(services, now + timedelta(minutes=2)).delivered == 1
    assert len(dms(chat)) == 1


def test_permanent_failure_is_recorded_not_retried(services, chat, physician):
    chat.unknown_users.add("lee@example.org")
    report = run_due(services, utc(2026, 11, 24, 14))
    assert report.failed == 1
    with services.db.transaction() as session:
        row = session.scalars(select(OutboxMessage)).one()
        assert row.status == "failed" and "user_not_found" in row.last_error
    assert run_due(services, utc(2026, 11, 24, 16)).failed == 0


def test_crash_between_send_and_record_does_not_send_twice(services, chat, physician):
    """A worker sent the message and died before recording it: the lease runs out, the next
    tick finds the tagged message on the platform and records it instead of re-sending."""
    from bot.outbox.delivery import LEASE, _send, claim_batch

    now = utc(2026, 11, 24, 14)
    from bot.weekly.prompts import PromptReport, schedule_week, send_due_questions
    schedule_week(services, now, PromptReport())
    send_due_questions(services, now, PromptReport())
    [claim] = claim_batch(services.db, now, ["console"])
    _send(chat, claim)  # reached the platform; then the process "crashed"
    assert run_due(services, now + LEASE - timedelta(seconds=1)).delivered == 0, "lease still held"
    report = run_due(services, now + LEASE)
    assert (report.delivered, report.recovered) == (1, 1)
    assert len(dms(chat)) == 1


def test_many_physicians_in_many_zones_each_get_exactly_one(services, chat):
    add_questions(services, 4)
    zones = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
             "Pacific/Honolulu", "Europe/London", "Asia/Tokyo"]
    for index in range(70):
        add_person(services, email=f"p{index}@example.org", name=f"Dr. P{index}", tz=zones[index % 7],
                   weekday=index % 7, at=f"{8 + index % 10:02d}:{(index * 7) % 60:02d}")
    start = utc(2026, 11, 23, 0)
    for step in range(0, 7 * 24 * 2 + 24):  # every 30 minutes for a week and a day
        run_due(services, start + step * timedelta(minutes=30))
    keys = [message.key for _, message, _ in chat.sent if message.key.startswith("question:")]
    assert len(keys) == len(set(keys)), "no message sent twice"
    with services.db.transaction() as session:
        sent_w48 = session.execute(
            select(Prompt.person_id, func.count())
            .where(Prompt.week == "2026-W48", Prompt.sent_at.is_not(None)).group_by(Prompt.person_id)
        ).all()
        prompt_ids = set(session.scalars(select(Prompt.id).where(Prompt.sent_at.is_not(None))).all())
    assert len(sent_w48) == 70, "every physician got their week-48 question"
    assert {int(key.split(":")[1]) for key in keys} == prompt_ids, "one message per (person, week)"


def test_week_is_the_local_iso_week():
    from bot.weeks import local_week
    # Sunday 23:30 in Los Angeles is already Monday in UTC.
    instant = datetime(2026, 11, 30, 7, 30, tzinfo=UTC)
    assert local_week(instant, "America/Los_Angeles") == "2026-W48"
    assert local_week(instant, "UTC") == "2026-W49"
    assert date(2026, 11, 24).isocalendar().week == 48


def test_direct_channels_are_opened_once_and_remembered_across_processes(services, chat, physician):
    """DM conversations are stored, so a restarted process doesn't re-open thousands of them."""
    opened = []
    real_open = chat.open_direct

    def counting_open(user_id):
        opened.append(user_id)
        return real_open(user_id)

    chat.open_direct = counting_open
    run_due(services, utc(2026, 11, 24, 14))
    assert opened == ["lee@example.org"]
    run_due(services, utc(2026, 11, 26, 14))  # the nudge, as if from a fresh process
    run_due(services, utc(2026, 12, 1, 14))  # next week's question
    assert opened == ["lee@example.org"], "the stored conversation is reused"
    assert len(dms(chat)) == 3


def test_stop_then_start_the_same_week_keeps_the_open_question(services, chat, physician):
    run_due(services, utc(2026, 11, 24, 14))
    assert "won't get any more questions" in say(services, "stop", "400.1").replies[0].text
    assert prompts_of(services)[0].status == PromptStatus.SENT
    started = say(services, "start", "400.2", now=utc(2026, 11, 25, 15))
    assert "This week's question is still open" in started.replies[0].text
    assert say(services, "Mostly salt.", "400.3", now=utc(2026, 11, 25, 16)).replies[0].text.startswith("Thank you")
    assert prompts_of(services)[0].status == PromptStatus.ANSWERED


def test_a_question_due_while_stopped_comes_back_with_start(services, chat, physician):
    run_due(services, utc(2026, 11, 23, 15))  # Monday: the week's row exists
    say(services, "stop", "401.1", now=utc(2026, 11, 23, 16))
    run_due(services, utc(2026, 11, 24, 14))  # due while stopped: not sent
    assert dms(chat) == []
    say(services, "start", "401.2", now=utc(2026, 11, 25, 15))
    assert run_due(services, utc(2026, 11, 25, 15, 1)).questions_sent == 1


def test_closing_a_question_takes_the_buttons_off_all_its_messages(services, chat, physician):
    run_due(services, utc(2026, 11, 24, 14))
    run_due(services, utc(2026, 11, 26, 14))  # the nudge, with its own Skip button
    (question_ref, nudge_ref) = [ref for _, _, ref in dms(chat, full=True)]
    outcome = handle_action(services, ActionEvent("console", "lee@example.org", "prompt.skip", str(physician),
                                                  question_ref), utc(2026, 11, 26, 15))
    assert outcome.replies[0].replace_original == question_ref
    [(ref, message)] = outcome.updates
    assert ref == nudge_ref and not message.buttons and "Skipped" in message.text.splitlines()[-1]


def test_staff_are_not_told_about_questions(services, chat):
    add_person(services, email="pat@example.org", name="Pat Staff", roles="staff;approver")
    for text in ("hello", "help"):
        reply = say(services, text, f"402.{text}", email="pat@example.org").replies[0].text
        assert "you don't get questions" in reply and "marketing channel" in reply
        assert "next one arrives" not in reply and "one short question" not in reply


def test_one_tick_edits_every_expired_question_not_just_a_window_of_them(services, chat):
    add_questions(services, 3)
    for index in range(5):
        add_person(services, email=f"dr{index}@example.org", name=f"Dr. {index}")
    run_due(services, utc(2026, 11, 24, 14))
    run_due(services, utc(2026, 11, 30, 5, 0))  # the week ended: five questions lose their buttons
    assert len(chat.updates) == 5

"""The content calendar: slots, the weekly planning message, exports and `rounds calendar`."""

from __future__ import annotations

import csv
import io
import itertools
import os
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import select

from bot.outbox import deliver_due
from bot.review.calendar import (
    CalendarEntry,
    assign_slots,
    export,
    export_csv,
    export_hootsuite,
    export_ics,
    marketing_recipient,
    pending_reviews,
    planning_message,
    send_planning_message,
    slot_instants,
    week_entries,
)
from bot.services import build_services
from bot.store import Answer, AuditEvent, Draft, OutboxMessage, Person, Prompt, Question, ReviewStatus, upgrade
from tests.conftest import RecordingChat, make_config, utc

CHICAGO = "America/Chicago"
CREATED = utc(2026, 11, 1)
SLOTS = ["mon 10:00", "wed 10:00", "fri 10:00"]
# 2026-11-24 is a Tuesday in ISO week 2026-W48; Chicago is UTC-6 (CST) then, so 10:00 is 16:00 UTC.
CALENDAR = {"slots": {"facebook": SLOTS, "x": SLOTS}, "planning_day": "thursday", "planning_time": "14:00"}
_weeks = itertools.count(1)


def calendar_config(url: str, **extra):
    return make_config(url, practice={"timezone": CHICAGO}, calendar=CALENDAR, **extra)


@pytest.fixture
def chat():
    return RecordingChat()


@pytest.fixture
def services(database_url, chat):
    built = build_services(calendar_config(database_url), chats={"console": chat})
    yield built
    built.db.dispose()


def add_person(session, name="Dr. Ana Lee", email="lee@example.org") -> Person:
    person = session.scalar(select(Person).where(Person.email == email))
    if person is None:
        person = Person(email=email, name=name, roles="physician", specialty="cardiology", timezone=CHICAGO,
                        weekday=1, local_time="09:00", created_at=CREATED, updated_at=CREATED)
        session.add(person)
        session.flush()
    return person


def add_answer(services, channels=("facebook", "x"), review_status=ReviewStatus.APPROVED, slot_at=None,
               text="Most new patients ask whether they can keep exercising. Usually yes.",
               name="Dr. Ana Lee", email="lee@example.org", submitted_at=CREATED) -> int:
    """An answer with one draft per channel, inserted directly; returns the answer id."""
    number = next(_weeks)
    with services.db.transaction() as session:
        person = add_person(session, name, email)
        question = Question(specialty="", text=f"What do new patients ask about topic {number}?", created_at=CREATED)
        session.add(question)
        session.flush()
        prompt = Prompt(person_id=person.id, week=f"2025-W{number:02d}", question_id=question.id, status="answered",
                        due_at=CREATED, expires_at=CREATED + timedelta(days=7))
        session.add(prompt)
        session.flush()
        answer = Answer(prompt_id=prompt.id, person_id=person.id, text=text, status="ready", verdict="ok",
                        review_status=review_status, submitted_at=submitted_at, created_at=CREATED,
                        updated_at=CREATED)
        session.add(answer)
        session.flush()
        for channel in channels:
            post = f"{channel} post: {text} https://example.org/"
            session.add(Draft(answer_id=answer.id, channel=channel, text=post, length=len(post), slot_at=slot_at,
                              created_at=CREATED, updated_at=CREATED))
        return answer.id


def approve(services, answer_id, now):
    with services.db.transaction() as session:
        drafts = session.scalars(select(Draft).where(Draft.answer_id == answer_id).order_by(Draft.channel)).all()
        return assign_slots(session, services.config, list(drafts), now)


# --- slots ------------------------------------------------------------------------------------


def test_next_free_slot_then_taken_slots_move_on_and_roll_into_next_week(services):
    now = utc(2026, 11, 24, 15)  # Tue 09:00 in Chicago
    first = approve(services, add_answer(services), now)
    assert first == {"facebook": utc(2026, 11, 25, 16), "x": utc(2026, 11, 25, 16)}  # Wed 10:00 CST
    assert approve(services, add_answer(services, channels=("facebook",)), now) == {"facebook": utc(2026, 11, 27, 16)}
    # Facebook rolls over to Monday of the next week; x still has Friday free: slots are per channel.
    third = approve(services, add_answer(services), now)
    assert third == {"facebook": utc(2026, 11, 30, 16), "x": utc(2026, 11, 27, 16)}


def test_slot_at_now_is_taken_and_assigned_drafts_keep_their_slot(services):
    wednesday_ten = utc(2026, 11, 25, 16)
    answer = add_answer(services, channels=("facebook",))
    assert approve(services, answer, wednesday_ten) == {"facebook": wednesday_ten}
    assert approve(services, answer, utc(2026, 12, 20)) == {"facebook": wednesday_ten}


def test_channel_without_slots_gets_none(services):
    slots = approve(services, add_answer(services, channels=("facebook", "blog")), utc(2026, 11, 24, 15))
    assert slots == {"facebook": utc(2026, 11, 25, 16), "blog": None}


def test_slot_instants_follow_dst(database_url):
    config = make_config(database_url, practice={"timezone": CHICAGO},
                         calendar={"slots": {"facebook": SLOTS, "instagram": ["sun 02:30"]}})
    # US DST starts Sun 2026-03-08: Friday 10:00 is CST (16:00 UTC), Monday 10:00 is CDT (15:00 UTC).
    got = list(itertools.islice(slot_instants(config, "facebook", utc(2026, 3, 5)), 3))
    assert got == [utc(2026, 3, 6, 16), utc(2026, 3, 9, 15), utc(2026, 3, 11, 15)]
    # 02:30 does not exist that Sunday: it is the instant it would have been (03:30 CDT, 08:30 UTC).
    assert next(slot_instants(config, "instagram", utc(2026, 3, 5))) == utc(2026, 3, 8, 8, 30)
    # Fall back (Sun 2026-11-01): slots the week after are CST again.
    assert next(slot_instants(config, "facebook", utc(2026, 10, 31))) == utc(2026, 11, 2, 16)


def test_concurrent_approval_waits_for_the_other_and_takes_the_next_slot(services):
    """B reads the calendar while A's slot is uncommitted; the unique key makes B move on."""
    now = utc(2026, 11, 24, 15)
    a, b = add_answer(services, channels=("facebook",)), add_answer(services, channels=("facebook",))
    flushed, results = threading.Event(), {}

    def first():
        with services.db.transaction() as session:
            results["a"] = assign_slots(session, services.config, [session.scalar(
                select(Draft).where(Draft.answer_id == a))], now)
            flushed.set()
            time.sleep(0.5)  # hold the uncommitted slot while B tries

    thread = threading.Thread(target=first)
    thread.start()
    assert flushed.wait(10)
    results["b"] = approve(services, b, now)
    thread.join()
    assert results["a"] == {"facebook": utc(2026, 11, 25, 16)}
    assert results["b"] == {"facebook": utc(2026, 11, 27, 16)}


def test_many_concurrent_approvals_never_share_a_slot(postgres_url):
    built = build_services(calendar_config(postgres_url), chats={"console": RecordingChat()})
    try:
        answers = [add_answer(built, channels=("facebook", "x")) for _ in range(12)]
        barrier = threading.Barrier(len(answers))
        errors = []

        def run(answer_id):
            try:
                barrier.wait(10)
                approve(built, answer_id, utc(2026, 11, 24, 15))
            except Exception as error:  # reported below
                errors.append(error)

        threads = [threading.Thread(target=run, args=(answer_id,)) for answer_id in answers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        with built.db.transaction() as session:
            drafts = session.scalars(select(Draft)).all()
        assert all(d.slot_at is not None for d in drafts)
        for channel in ("facebook", "x"):
            taken = sorted(d.slot_at for d in drafts if d.channel == channel)
            assert len(set(taken)) == 12
            assert taken == list(itertools.islice(slot_instants(built.config, channel, utc(2026, 11, 24, 15)), 12))
    finally:
        built.db.dispose()


# --- reading and the planning message ---------------------------------------------------------


def test_week_entries_and_pending_reviews(services):
    monday = utc(2026, 11, 30, 16)
    approved = add_answer(services, slot_at=monday)
    add_answer(services, channels=("facebook",), slot_at=utc(2026, 12, 7, 16))  # next week
    add_answer(services, review_status=ReviewStatus.REJECTED, slot_at=utc(2026, 12, 2, 16))
    old = add_answer(services, review_status=ReviewStatus.PENDING, name="Dr. Bo Kim", email="kim@example.org",
                     submitted_at=utc(2026, 11, 20))
    new = add_answer(services, review_status=ReviewStatus.AWAITING_SIGNOFF, submitted_at=utc(2026, 11, 22))
    with services.db.transaction() as session:
        entries = week_entries(session, services.config, "2026-W49")
        pending = pending_reviews(session)
    assert [(e.answer_id, e.channel, e.slot_at) for e in entries] == [(approved, "facebook", monday),
                                                                      (approved, "x", monday)]
    assert entries[0].physician == "Dr. Ana Lee"
    assert entries[0].local_at.hour == 10 and entries[0].local_at.tzinfo.key == CHICAGO
    assert [(p.answer_id, p.physician, p.since) for p in pending] == [(old, "Dr. Bo Kim", utc(2026, 11, 20)),
                                                                     (new, "Dr. Ana Lee", utc(2026, 11, 22))]
    assert pending[0].question.startswith("What do new patients ask")


def test_planning_message_lists_next_week_and_waiting_reviews(services):
    add_answer(services, slot_at=utc(2026, 11, 30, 16), text="Yes, you can keep exercising after a stent. " * 3)
    add_answer(services, channels=("facebook",), slot_at=utc(2026, 12, 2, 16), name="Dr. Bo Kim",
               email="kim@example.org", text="Flu shots are safe in pregnancy.")
    add_answer(services, slot_at=utc(2026, 11, 27, 16))  # this week: not in next week's plan
    add_answer(services, review_status=ReviewStatus.PENDING, submitted_at=utc(2026, 11, 23, 15))
    with services.db.transaction() as session:
        text = planning_message(services, session, utc(2026, 11, 26, 20)).text
    lines = text.splitlines()
    assert lines[0] == "Content calendar for next week, Nov 30 – Dec 6 (2026-W49):"
    assert lines[1] == "Mon Nov 30"
    assert lines[2].startswith('  10:00 AM Facebook, X: Dr. Ana Lee, "Yes, you can keep exercising')
    assert len(lines[2].split('"')[1]) <= 60 and lines[2].endswith('…"')
    assert lines[3:5] == ["Wed Dec 2", '  10:00 AM Facebook: Dr. Bo Kim, "Flu shots are safe in pregnancy."']
    assert "Nov 27" not in text
    assert "Waiting for approval: 1" in text
    assert "Dr. Ana Lee" in lines[-1] and "since Mon Nov 23" in lines[-1]
    assert max(len(line) for line in lines) < 100


def test_planning_message_when_nothing_is_planned(services):
    with services.db.transaction() as session:
        text = planning_message(services, session, utc(2026, 11, 26, 20)).text
    assert "Nothing scheduled yet." in text and "Nothing is waiting for approval." in text


def planning_rows(services):
    with services.db.transaction() as session:
        return session.scalars(select(OutboxMessage).where(OutboxMessage.key.like("planning:%"))).all()


def test_planning_message_is_sent_once_at_the_planning_time(services, chat):
    # Thursday 14:00 in Chicago (CST) is 20:00 UTC.
    assert send_planning_message(services, utc(2026, 11, 26, 19, 59)) == 0
    assert send_planning_message(services, utc(2026, 11, 26, 20)) == 1
    assert send_planning_message(services, utc(2026, 11, 26, 20, 30)) == 0
    assert send_planning_message(services, utc(2026, 11, 28, 12)) == 0
    deliver_due(services, utc(2026, 11, 26, 20, 1))
    assert [(channel, message.key) for channel, message, _ in chat.sent] == [("#marketing", "planning:2026-W48")]
    assert chat.sent[0][1].text.startswith("Content calendar for next week")
    # The next week gets its own message at its own planning time.
    assert send_planning_message(services, utc(2026, 12, 3, 19)) == 0
    assert send_planning_message(services, utc(2026, 12, 3, 20)) == 1
    assert [row.key for row in planning_rows(services)] == ["planning:2026-W48", "planning:2026-W49"]


def test_planning_message_caught_up_later_in_the_week_but_not_the_next(services):
    # Sunday 19:00 in Chicago, still W48: a missed Thursday is caught up.
    assert send_planning_message(services, utc(2026, 11, 30, 1)) == 1
    assert [row.recipient_kind for row in planning_rows(services)] == ["channel"]


def test_planning_message_for_a_missed_week_is_not_sent_the_week_after(services):
    # Monday 01:00 in Chicago is W49, whose planning time is Thursday: W48's is not sent late.
    assert send_planning_message(services, utc(2026, 11, 30, 7)) == 0
    assert planning_rows(services) == []


def test_marketing_recipient(database_url):
    console = build_services(calendar_config(database_url), chats={})
    slack = build_services(calendar_config(database_url, slack={
        "bot_token": "xoxb-1", "signing_secret": "s", "marketing_channel": "C0MARKETING"}), chats={})
    try:
        assert marketing_recipient(console) == "#marketing"
        assert marketing_recipient(slack) == "C0MARKETING"
    finally:
        console.db.dispose()
        slack.db.dispose()


# --- exports ----------------------------------------------------------------------------------

ENTRIES = [
    CalendarEntry(7, 3, "facebook", utc(2026, 12, 2, 16), CHICAGO, "Dr. Ana Lee",
                  'Patients ask: "can I run?"\nYes, usually, with care.', "Q?", "Yes"),
    CalendarEntry(8, 3, "x", utc(2026, 12, 4, 16, 5), CHICAGO, "Dr. Ana Lee", "Short, with a comma", "Q?", "Yes"),
]


def test_ics_parses_back_with_one_event_per_post():
    parsed = Calendar.from_ical(export_ics(ENTRIES, stamp=utc(2026, 11, 26, 20)))
    events = parsed.walk("VEVENT")
    assert [str(e["UID"]) for e in events] == ["draft-7@rounds", "draft-8@rounds"]
    assert [str(e["SUMMARY"]) for e in events] == ["Facebook: Dr. Ana Lee", "X: Dr. Ana Lee"]
    start = events[0].decoded("DTSTART")
    assert start == utc(2026, 12, 2, 16) and start.hour == 10 and str(start.tzinfo) == CHICAGO
    assert str(events[0]["DESCRIPTION"]) == ENTRIES[0].text
    assert events[0].decoded("DTSTAMP") == utc(2026, 11, 26, 20)
    assert [tz["TZID"] for tz in parsed.walk("VTIMEZONE")] == [CHICAGO]


def test_ics_of_nothing_is_an_empty_calendar():
    assert Calendar.from_ical(export_ics([])).walk("VEVENT") == []


def test_csv_export_has_a_header_and_local_times():
    rows = list(csv.DictReader(io.StringIO(export_csv(ENTRIES))))
    assert list(rows[0]) == ["date", "time", "timezone", "channel", "physician", "text", "answer_id"]
    assert rows[0] == {"date": "2026-12-02", "time": "10:00", "timezone": CHICAGO, "channel": "facebook",
                       "physician": "Dr. Ana Lee", "text": ENTRIES[0].text, "answer_id": "3"}
    assert rows[1]["time"] == "10:05"


def test_hootsuite_export_is_day_first_24_hour_without_header():
    rows = list(csv.reader(io.StringIO(export_hootsuite(ENTRIES))))
    assert rows == [["02/12/2026 10:00", ENTRIES[0].text, ""], ["04/12/2026 10:05", "Short, with a comma", ""]]


def test_export_records_an_audit_row_per_draft_without_text(services):
    add_answer(services, slot_at=utc(2026, 11, 30, 16))
    with services.db.transaction() as session:
        entries = week_entries(session, services.config, "2026-W49")
        data = export(session, entries, "csv", utc(2026, 11, 26, 20))
    assert data.decode().count("facebook post:") == 1
    with services.db.transaction() as session:
        rows = session.scalars(select(AuditEvent).where(AuditEvent.action == "exported")).all()
    assert sorted(r.subject_id for r in rows) == sorted(e.draft_id for e in entries)
    assert {r.subject for r in rows} == {"draft"} and all("exercising" not in r.detail for r in rows)


# --- the command ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pycache(tmp_path_factory):
    return str(tmp_path_factory.mktemp("pycache"))


@pytest.fixture
def cli(tmp_path, pycache):
    """`python -m bot` with a temporary SQLite database and a config holding [calendar]."""
    url = f"sqlite:///{tmp_path / 'rounds.db'}"
    upgrade(url)
    config = tmp_path / "config.toml"
    config.write_text('[practice]\ntimezone = "America/Chicago"\n\n[calendar]\nplanning_day = "thursday"\n'
                      'planning_time = "14:00"\n\n[calendar.slots]\nfacebook = ["mon 10:00", "wed 10:00"]\n'
                      'x = ["fri 10:00"]\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLACK_", "ROUNDS_", "Microsoft")) and k != "PYTHONDONTWRITEBYTECODE"}
    env.update(ROUNDS_DATABASE_URL=url, ROUNDS_CONFIG=str(config), PYTHONPYCACHEPREFIX=pycache,
               PYTHONPATH=str(Path(__file__).parent.parent))

    def run(*args, check_exit=0):
        result = subprocess.run([sys.executable, "-m", "bot", *args], cwd=tmp_path, env=env, capture_output=True,
                                text=True, timeout=60)
        if check_exit is not None:
            assert result.returncode == check_exit, (result.stdout, result.stderr)
        assert "Traceback" not in result.stderr, result.stderr
        return result

    built = build_services(calendar_config(url), chats={})
    run.services = built
    yield run
    built.db.dispose()


def test_cli_help(cli):
    shown = cli("calendar", "--help").stdout
    assert "rounds calendar --week 2026-W49" in shown and "export" in shown
    shown = cli("calendar", "export", "--help").stdout
    assert "--format {ics,csv,hootsuite,html}" in shown and "dd/mm/yyyy hh:mm" in shown and "--all" in shown


def test_cli_bad_week_names_the_form(cli):
    result = cli("calendar", "--week", "2026-49", check_exit=2)
    assert "2026-W49" in result.stderr and "'2026-49'" in result.stderr
    result = cli("calendar", "export", "--format", "csv", "--week", "2026-W60", check_exit=2)
    assert "expected the form 2026-W49" in result.stderr


def test_cli_prints_the_week(cli):
    answer = add_answer(cli.services, slot_at=utc(2026, 11, 30, 16))
    add_answer(cli.services, review_status=ReviewStatus.PENDING, name="Dr. Bo Kim", email="kim@example.org")
    shown = cli("calendar", "--week", "2026-w49").stdout
    assert "Content calendar 2026-W49 (week of Mon Nov 30, 2026), times in America/Chicago" in shown
    assert "Monday Nov 30" in shown
    assert f"10:00  Facebook   Dr. Ana Lee  (answer {answer})" in shown
    assert "facebook post: Most new patients ask" in shown
    assert "Waiting for approval: 1" in shown and "Dr. Bo Kim" in shown
    assert "No posts scheduled this week." in cli("calendar", "--week", "2026-W50").stdout


def test_cli_exports(cli, tmp_path):
    add_answer(cli.services, slot_at=utc(2026, 11, 30, 16))
    ics = cli("calendar", "export", "--format", "ics", "--week", "2026-W49").stdout
    events = Calendar.from_ical(ics).walk("VEVENT")
    assert sorted(str(e["SUMMARY"]) for e in events) == ["Facebook: Dr. Ana Lee", "X: Dr. Ana Lee"]
    result = cli("calendar", "--week", "2026-W49", "export", "--format", "csv", "--output", "week.csv")
    assert "wrote 2 post(s) to week.csv" in result.stderr
    rows = list(csv.DictReader((tmp_path / "week.csv").open(newline="", encoding="utf-8")))
    assert [(r["date"], r["time"], r["channel"]) for r in rows] == [("2026-11-30", "10:00", "facebook"),
                                                                   ("2026-11-30", "10:00", "x")]
    hootsuite = cli("calendar", "export", "--format", "hootsuite", "--week", "2026-W49", "--channel", "x").stdout
    assert [row[0] for row in csv.reader(io.StringIO(hootsuite))] == ["30/11/2026 10:00"]
    empty = cli("calendar", "export", "--format", "csv", "--week", "2026-W50")
    assert empty.stdout.strip() == ",".join(("date", "time", "timezone", "channel", "physician", "text", "answer_id"))
    assert "no posts" in empty.stderr
    with cli.services.db.transaction() as session:
        exported = session.scalars(select(AuditEvent).where(AuditEvent.action == "exported")).all()
    assert len(exported) == 2 + 2 + 1
    assert "--week or --all" in cli("calendar", "export", "--format", "csv", "--all", "--week", "2026-W49",
                                    check_exit=2).stderr

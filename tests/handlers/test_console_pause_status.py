"""Pause, status and snooze through the console (`drive`): what they say matches what happens.

- `pause until` shows the year when it is not this year, is capped, and the next question
  named is the first one after the pause (also in `status` weeks later).
- The Pause menu on a question and the typed `pause 1w` mean the same weeks, and say so.
- `status` names an open question and until when a reply counts.
- Snooze is offered only when it comes back before the question closes (same local time, DST too).
- A typed pause takes the buttons off the open question as the Pause menu does; `resume` asks a
  paused question again (once), and names a snoozed question as the next one.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from bot.store import OutboxMessage, Person
from handlers.console import make_console_chat
from tests.conftest import utc
from tests.handlers.test_console import add_person, console_services, drive, seed_questions  # noqa: F401
from tests.test_cli import base_env  # noqa: F401 (fixture)

DEC_1 = utc(2026, 12, 1, 14)  # Tue Dec 1, 9:00 AM in New York: Dr. Lee's question is due


def paused_until(services):
    with services.db.transaction() as session:
        return session.scalars(select(Person.paused_until)).one()


def test_pause_until_a_far_date_is_capped_and_the_next_question_follows_the_pause(console_services):  # noqa: F811
    add_person(console_services.db, "lee@example.org", "Dr. Amy Lee")
    seed_questions(console_services.db)

    out = drive(console_services, ":as lee", ":tick", ":rounds pause until 2099-01-01",
                ":rounds pause until 2027-03-01", ":advance 2w", ":rounds status", start=DEC_1)

    assert "A pause can last up to 52 weeks: pick a date up to Tue Nov 30, 2027" in out
    assert "Paused until Thu Jan 1" not in out
    assert "Paused until Mon Mar 1, 2027. Next question: Tue Mar 2, 2027, 9:00 AM." in out
    status = out.split("Clock moved forward 2w.")[1]
    assert "Paused until Mon Mar 1, 2027.\nNext question: Tue Mar 2, 2027, 9:00 AM." in status
    assert str(paused_until(console_services)) == "2027-03-01"


def test_the_pause_menu_and_the_typed_pause_mean_the_same_weeks(console_services):  # noqa: F811
    add_person(console_services.db, "lee@example.org", "Dr. Amy Lee")
    seed_questions(console_services.db)

    clicked = drive(console_services, ":as lee", ":tick", ":choose 3", start=DEC_1)
    assert "[3] Pause 1 week — back Tue Dec 8  [4] Pause 2 weeks — back Tue Dec 15" in clicked
    assert "Paused for 1 week. Your next question arrives Tue Dec 8, 9:00 AM." in clicked
    by_button = paused_until(console_services)

    typed = drive(console_services, ":as lee", ":rounds resume", ":rounds pause 1w", start=DEC_1)
    assert "Paused until Mon Dec 7. Next question: Tue Dec 8, 9:00 AM." in typed
    assert paused_until(console_services) == by_button


def test_status_names_the_open_question_and_until_when_a_reply_counts(console_services):  # noqa: F811
    add_person(console_services.db, "lee@example.org", "Dr. Amy Lee")
    seed_questions(console_services.db, "What do patients ask most?")

    out = drive(console_services, ":as lee", ":tick", ":rounds status", ":advance 6d", ":rounds status",
                start=DEC_1)

    this_week, next_monday = out.split("Clock moved forward 6d.")
    assert ("This week's question is open (a reply counts until Mon Dec 14, 12:00 AM): "
            "“What do patients ask most?”\nNext question: Tue Dec 8, 9:00 AM.") in this_week
    assert ("Last week's question is still open (a reply in its thread counts until Mon Dec 14, 12:00 AM): "
            "“What do patients ask most?”\nNext question: Tue Dec 8, 9:00 AM.") in next_monday


def test_no_snooze_is_offered_when_it_would_come_back_after_the_question_closes(console_services):  # noqa: F811
    add_person(console_services.db, "sun@example.org", "Dr. Sam Sun", weekday=6)  # Sundays, the week's last day
    add_person(console_services.db, "sat@example.org", "Dr. Sal Sat", weekday=5)
    seed_questions(console_services.db)

    saturday = drive(console_services, ":as Sal", ":tick", ":choose 2", start=utc(2026, 11, 28, 14))
    sunday = drive(console_services, ":as Sam", ":tick", start=utc(2026, 11, 29, 14))

    assert "[1] Skip this week  [2] Pause 1 week — back Sun Dec 6" in sunday and "Snooze" not in sunday
    assert "[1] Skip this week  [2] Snooze 1 day  [3] Pause 1 week" in saturday
    assert "Snoozed. I'll ask again Sun Nov 29, 9:00 AM." in saturday


def test_a_snooze_across_the_spring_forward_comes_back_at_the_same_local_time(console_services):  # noqa: F811
    # Sat Mar 13, 2027, 11:30 PM in New York; clocks go forward at 2 AM on Sunday, so the same
    # time on Sunday is 23 hours later and still before the question closes (Mon 12:00 AM).
    add_person(console_services.db, "sat@example.org", "Dr. Sal Sat", weekday=5, local_time="23:30")
    seed_questions(console_services.db)

    out = drive(console_services, ":as Sal", ":tick", ":choose 2", start=utc(2027, 3, 14, 4, 30))

    assert "[2] Snooze 1 day" in out
    assert "Snoozed. I'll ask again Sun Mar 14, 11:30 PM." in out


def test_status_names_a_snoozed_question(console_services):  # noqa: F811
    add_person(console_services.db, "lee@example.org", "Dr. Amy Lee")
    seed_questions(console_services.db)

    out = drive(console_services, ":as lee", ":tick", ":choose 2", ":rounds status", start=DEC_1)

    assert ("This week's question is snoozed: it comes again Wed Dec 2, 9:00 AM.\n"
            "Next question: Tue Dec 8, 9:00 AM.") in out


def test_opting_out_and_back_in_is_one_word_resume_everywhere(console_services):  # noqa: F811
    """stop's reply, status, help and the pause reply all name "resume", never "start"; and
    "resume" after "stop" gives back this week's question, as "start" did."""
    add_person(console_services.db, "lee@example.org", "Dr. Amy Lee")
    seed_questions(console_services.db)

    out = drive(console_services, ":as lee", ":tick", "help", "stop", ":rounds status", "resume",
                "Mostly about salt.", start=DEC_1)

    told = out.split("(your message #")[1:]  # what each typed line got back
    assert 'Reply "stop" to opt out and "resume" to get questions again.' in told[0]
    assert 'Reply "resume" anytime to get them again.' in told[1]
    assert "You have opted out of weekly questions; type “resume” to get them again." in told[1]
    assert "Welcome back! This week's question is still open: reply here to answer it." in told[2]
    assert "Thank you! Got it." in told[3]
    assert '"start"' not in out and "“start”" not in out


def test_start_still_works_and_answers_like_resume(console_services):  # noqa: F811
    add_person(console_services.db, "lee@example.org", "Dr. Amy Lee")
    seed_questions(console_services.db)

    out = drive(console_services, ":as lee", ":tick", "stop", "start", start=DEC_1)

    assert "Welcome back! This week's question is still open: reply here to answer it." in out


def test_resume_without_a_stop_or_pause_says_questions_already_come(tmp_path, base_env):  # noqa: F811
    """`rounds console` as a real process: "resume" (or "start") from someone who never stopped is
    no "Welcome back"; after a stop or a pause it is."""
    import subprocess

    from tests.test_cli import EXAMPLE_ROSTER, ROUNDS

    lines = (":as Maya", "resume", ":next", "start", "stop", "resume", "pause 1w", ":rounds resume", ":quit")
    played = subprocess.run([str(ROUNDS), "console", "--roster", str(EXAMPLE_ROSTER)], input="\n".join(lines) + "\n",
                            cwd=tmp_path, env=base_env, capture_output=True, text=True, timeout=120)
    assert played.returncode == 0 and "Traceback" not in played.stderr, played.stderr
    told = played.stdout.split("(your message #")[1:]  # what each typed line got back
    never_stopped, with_open_question, after_stop = told[0], told[1], told[3]
    after_pause = played.stdout.split("Paused until ")[-1]  # "pause 1w", then `:rounds resume`
    assert "You are already receiving weekly questions. Your next question arrives " in never_stopped
    assert ("You are already receiving weekly questions. This week's question is still open: reply here to "
            "answer it.") in with_open_question
    assert "Welcome back" not in never_stopped + with_open_question
    assert "Welcome back! This week's question is still open: reply here to answer it." in after_stop
    assert "Welcome back! " in after_pause


def test_resume_after_a_pause_gives_back_this_weeks_question(console_services):  # noqa: F811
    """"resume" is "questions again from this week": a pause taken after this week's question was
    sent sets it aside; resuming the same week opens it again, and an answer is then taken."""
    add_person(console_services.db, "lee@example.org", "Dr. Amy Lee")
    seed_questions(console_services.db)

    out = drive(console_services, ":as lee", ":tick", "pause 1w", "resume", "Mostly about salt.", start=DEC_1)

    told = out.split("(your message #")[1:]  # what each typed line got back
    assert "Paused until" in told[0]
    assert "Welcome back! This week's question is still open: reply here to answer it." in told[1]
    assert "Thank you! Got it." in told[2]


def console_message(services, number: int):
    return make_console_chat(services).get(number).message


def question_keys(services) -> list[str]:
    with services.db.transaction() as session:
        return sorted(session.scalars(select(OutboxMessage.key).where(OutboxMessage.key.like("question:%"))))


def test_resume_after_the_pause_button_asks_the_question_again_once(console_services):  # noqa: F811
    """The Pause menu turned message #1 into "Paused for 1 week …"; `resume` posts the question again
    with its buttons (one outbox row), #1 says it was resumed, and the new question's buttons work."""
    add_person(console_services.db, "lee@example.org", "Dr. Amy Lee")
    seed_questions(console_services.db)

    out = drive(console_services, ":as lee", ":tick", ":choose 3", "resume", "resume", start=DEC_1)

    assert "Paused for 1 week. Your next question arrives Tue Dec 8, 9:00 AM." in out
    after = out.split("(your message #")[1]  # what the first "resume" got back
    assert "Welcome back! This week's question is still open: reply here to answer it." in after
    assert after.count("Here is this week's question again:") == 1
    assert "[1] Skip this week  [2] Snooze 1 day  [3] Pause 1 week — back Tue Dec 8" in after
    assert "You are already receiving weekly questions. This week's question is still open" in out
    assert question_keys(console_services) == ["question:1:1", "question:1:2"]
    first = console_message(console_services, 1)
    assert "Paused" not in first.text and not first.buttons and not first.menus
    assert first.text.endswith("Questions resumed: this question is asked again below.")

    again = re.search(r"#(\d+) Rounds:\n    Here is this week's question again:", after)[1]
    skipped = drive(console_services, ":as lee", ":choose 1", start=DEC_1)
    assert f"(you clicked [1] Skip this week on #{again})" in skipped
    assert "Skipped this week. Your next question arrives Tue Dec 8, 9:00 AM." in skipped


@pytest.mark.parametrize("typed", ["pause 1w", ":rounds pause 1w"])
def test_a_typed_pause_takes_the_buttons_off_the_open_question(console_services, typed):  # noqa: F811
    add_person(console_services.db, "lee@example.org", "Dr. Amy Lee")
    seed_questions(console_services.db)

    out = drive(console_services, ":as lee", ":tick", typed, ":choose 1 #1", "resume", start=DEC_1)

    assert "Paused until Mon Dec 7. Next question: Tue Dec 8, 9:00 AM. Type “resume” to undo." in out
    assert "Message #1 has nothing to click." in out
    assert "This question is already closed" not in out
    assert "Here is this week's question again:" in out.split("Welcome back!")[1]
    first = console_message(console_services, 1)
    assert not first.buttons and not first.menus
    assert first.text.endswith("Questions resumed: this question is asked again below.")


def test_a_typed_pause_says_so_on_the_question(console_services):  # noqa: F811
    add_person(console_services.db, "lee@example.org", "Dr. Amy Lee")
    seed_questions(console_services.db)

    drive(console_services, ":as lee", ":tick", "pause 1w", start=DEC_1)

    first = console_message(console_services, 1)
    assert first.text.startswith("Hi Dr. Amy Lee, this week's question:")
    assert first.text.endswith("Paused until Mon Dec 7. Next question: Tue Dec 8, 9:00 AM.")
    assert not first.buttons and not first.menus


def test_resume_after_a_snooze_names_the_snoozed_question_as_status_does(console_services):  # noqa: F811
    add_person(console_services.db, "lee@example.org", "Dr. Amy Lee")
    seed_questions(console_services.db)

    out = drive(console_services, ":as lee", ":tick", ":choose 2", "resume", "status", start=DEC_1)

    assert "Snoozed. I'll ask again Wed Dec 2, 9:00 AM." in out
    assert ("You are already receiving weekly questions. Your next question arrives Wed Dec 2, 9:00 AM."
            in out)
    assert "This week's question is snoozed: it comes again Wed Dec 2, 9:00 AM." in out


def test_resume_before_this_weeks_question_went_out_keeps_its_time(console_services):  # noqa: F811
    """Paused and resumed before this week's question was due: it comes at its usual time this week, as
    the reply says, not at once."""
    add_person(console_services.db, "lee@example.org", "Dr. Amy Lee", weekday=3)  # Thursdays, 9:00
    seed_questions(console_services.db)

    out = drive(console_services, ":as lee", "pause 1w", "resume", ":tick", start=DEC_1)

    told = out.split("(your message #")[1:]
    assert "Thu Dec 3" in told[1], told[1]
    with console_services.db.transaction() as session:
        from bot.store import Prompt

        assert all(prompt.sent_at is None for prompt in session.scalars(select(Prompt)))  # not sent at once

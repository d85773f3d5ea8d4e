"""The console adapter, driven through `run_console` with scripted input on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.chat import OutgoingMessage
from bot.scheduler import run_due
from bot.services import build_services
from bot.store import Answer, Draft, Person, Prompt, PromptStatus, Question, ReviewStatus
from handlers.console import ConsoleChat, make_console_chat, run_console
from handlers.console.commands import parse_duration
from tests.conftest import make_config

CREATED = datetime(2026, 11, 1, tzinfo=UTC)
# Tuesday 2026-11-24 14:00 UTC = 09:00 in New York, 08:00 in Chicago (both outside quiet hours).
TUESDAY = datetime(2026, 11, 24, 14, 0, tzinfo=UTC)


def add_person(db, email, name, timezone="America/New_York", local_time="09:00", weekday=1,
               roles="physician", specialty=""):
    with db.transaction() as session:
        session.add(Person(email=email, name=name, roles=roles, specialty=specialty,
                           timezone=timezone, weekday=weekday, local_time=local_time,
                           created_at=CREATED, updated_at=CREATED))


def seed_questions(db, *texts):
    texts = texts or (
        "What do new patients ask you most about blood pressure?",
        "What is one myth about your specialty you wish would go away?",
        "What small habit would you recommend to every patient?",
    )
    with db.transaction() as session:
        for text in texts:
            session.add(Question(specialty="", text=text, active=True, created_at=CREATED))


@pytest.fixture
def console_services(database_url):
    built = build_services(make_config(database_url))
    yield built
    built.db.dispose()


class Script:
    """Console input: plain lines, or callables that read the output so far and return a line.

    Callables let a test answer what it just saw (e.g. edit "your message #N"); one may return
    a list of lines.
    """

    def __init__(self, output: io.StringIO, *items):
        self.output = output
        self.items = list(items)

    def readline(self) -> str:
        while self.items:
            item = self.items.pop(0)
            if callable(item):
                item = item(self.output.getvalue())
            if isinstance(item, list):  # several lines decided at once (e.g. a whole form)
                self.items[:0] = item
                continue
            if item is not None:
                return item + "\n"
        return ""

    def isatty(self) -> bool:
        return False


def drive(services, *items, start=TUESDAY) -> str:
    output = io.StringIO()
    status = run_console(services, Script(output, *items), output, clock_start=start)
    assert status == 0
    return output.getvalue()


MY_MESSAGE = r"your message #(\d+)"
QUESTION_TO = r"#(\d+) Rounds:\n    Hi {name}, this week's question"


def last_number(pattern: str, text: str) -> int:
    return int(re.findall(pattern, text)[-1])


def question_number(name: str, text: str) -> int:
    return last_number(QUESTION_TO.format(name=re.escape(name)), text)


def prompt_of(db, email) -> Prompt:
    with db.transaction() as session:
        return session.scalars(
            select(Prompt).join(Person).where(Person.email == email).order_by(Prompt.id.desc())
        ).first()


# --- the whole loop ------------------------------------------------------------------------------


def test_question_answer_edit_and_thread_reply(console_services):
    db = console_services.db
    add_person(db, "lee@example.org", "Dr. Amy Lee")
    seed_questions(db)

    out = drive(
        console_services,
        ":as lee",
        ":tick",
        "Mostly about salt.",
        lambda seen: f":edit {last_number(MY_MESSAGE, seen)} Mostly about salt, really.",
        lambda seen: f":reply {question_number('Dr. Amy Lee', seen)} Also coffee.",
        ":inbox",
        ":quit",
        "this line is never read",
    )

    assert "Dr. Amy Lee <lee@example.org>: physician" in out  # the roster in the intro
    assert "questions sent 1" in out
    assert "Hi Dr. Amy Lee, this week's question:" in out
    assert "[1] Skip this week  [2] Snooze 1 day  [3] Pause 1 week" in out
    assert "Thank you! Got it." in out
    assert "Updated your answer." in out
    assert "(in thread of #" in out
    assert "Added that to your answer." in out
    assert "never read" not in out
    with db.transaction() as session:
        answer = session.scalars(select(Answer)).one()
        assert answer.text == "Mostly about salt, really.\nAlso coffee."
    assert prompt_of(db, "lee@example.org").status == PromptStatus.ANSWERED


def test_nudge_snooze_resend_and_skip(console_services):
    db = console_services.db
    add_person(db, "kim@example.org", "Dr. Bo Kim", timezone="America/Chicago", local_time="08:00")
    add_person(db, "lee@example.org", "Dr. Amy Lee")
    seed_questions(db)

    out = drive(
        console_services,
        ":tick",  # nobody chosen yet: both questions shown compactly
        ":as Dr. Bo",
        ":advance 2d",  # no answer for 48 hours: one nudge
        lambda seen: f":choose 2 #{question_number('Dr. Bo Kim', seen)}",
        ":now",
        ":advance 1d",  # the snoozed question comes back
        "1",  # bare number: click Skip on the latest message with choices
    )

    assert "→ Dr. Bo Kim: Hi Dr. Bo Kim, this week's question:" in out
    assert "→ Dr. Amy Lee: Hi Dr. Amy Lee, this week's question:" in out
    assert "Clock moved forward 2d." in out
    assert "Quick reminder:" in out
    assert "(you clicked [2] Snooze 1 day on #" in out
    assert "Snoozed. I'll ask again" in out
    assert "Console time: Thu 2026-11-26 14:00 UTC" in out
    assert "Dr. Bo Kim's time: Thu 2026-11-26 08:00 America/Chicago" in out
    assert "As promised, here it is again:" in out
    assert "(you clicked [1] Skip this week on #" in out
    assert "Skipped this week." in out
    assert prompt_of(db, "kim@example.org").status == PromptStatus.SKIPPED
    # Dr. Lee's nudge went to her, shown to Dr. Kim's console as one line.
    assert "→ Dr. Amy Lee: Quick reminder:" in out


def test_pause_from_the_menu(console_services):
    db = console_services.db
    add_person(db, "lee@example.org", "Dr. Amy Lee")
    seed_questions(db)

    out = drive(console_services, ":as lee@example.org", ":tick", ":choose 4")

    # Each choice says when questions come back (issue 11, point 4), and the reply agrees.
    # This week counts as the first week paused, as with a typed `pause 2w`.
    assert "[3] Pause 1 week — back Tue Dec 1  [4] Pause 2 weeks — back Tue Dec 8  " \
           "[5] Pause 4 weeks — back Tue Dec 22" in out
    assert "(you clicked [4] Pause 2 weeks — back Tue Dec 8 on #" in out
    assert "Paused for 2 weeks. Your next question arrives Tue Dec 8, 9:00 AM." in out
    assert "(updated)" in out
    assert prompt_of(db, "lee@example.org").status == PromptStatus.PAUSED


def test_next_jumps_to_the_persons_question(console_services):
    db = console_services.db
    add_person(db, "lee@example.org", "Dr. Amy Lee")
    add_person(db, "pat@example.org", "Pat Staff", roles="staff")
    seed_questions(db)

    out = drive(console_services, ":as lee", ":next", ":as pat", ":next",
                start=TUESDAY - timedelta(days=1))

    assert "Clock moved to Tue 2026-11-24 14:00 UTC (Tue 2026-11-24 09:00 America/New_York)" in out
    assert "Hi Dr. Amy Lee, this week's question:" in out
    assert "Pat Staff gets no questions (not an active physician)." in out


def test_help_errors_and_unknown_people(console_services):
    db = console_services.db
    add_person(db, "lee@example.org", "Dr. Amy Lee")
    add_person(db, "kim@example.org", "Dr. Bo Kim")
    add_person(db, "pat@example.org", "Pat Staff", roles="staff;approver")

    out = drive(
        console_services,
        "hello before choosing anyone",
        ":frobnicate",
        ":as zed",
        ":as dr",
        ":as pat",
        ":advance soon",
        ":edit 99 nope",
        ":choose 1",
        ":help",
    )

    assert "Choose who you are first: :as NAME" in out
    assert "Unknown command :frobnicate. Type :help for the commands." in out
    assert "No one on the roster matches 'zed'." in out
    assert "Pat Staff <pat@example.org>: staff, approver" in out
    assert "Several people match 'dr'." in out
    assert "You are now Pat Staff" in out
    assert "can't read 'soon' as a duration" in out
    assert "There is no message #99 in your conversation" in out
    assert "Nothing to click: no message with choices yet." in out
    assert ":advance 1d|3h|30m|2w" in out


def test_typed_text_is_printed_as_data(console_services):
    db = console_services.db
    add_person(db, "lee@example.org", "Dr. Amy Lee")

    out = drive(console_services, ":as lee", "{{ 7*7 }} \x1b[31mred {name}", ":inbox")

    assert "{{ 7*7 }} \\x1b[31mred {name}" in out
    assert "\x1b" not in out
    assert "No open question right now." in out  # the core answered; nothing was sent yet


def test_a_tick_in_another_process_shows_up_in_the_console(console_services, database_url):
    db = console_services.db
    add_person(db, "lee@example.org", "Dr. Amy Lee")
    seed_questions(db)

    # `rounds tick` in another process: its own services, its own console chat, same database.
    other = build_services(make_config(database_url))
    other.chats["console"] = make_console_chat(other, clock=lambda: TUESDAY)
    try:
        report = run_due(other, TUESDAY)
    finally:
        other.db.dispose()
    assert report.delivered == 1

    out = drive(console_services, ":as lee", "Salt.")

    assert "Hi Dr. Amy Lee, this week's question:" in out  # recent history on :as
    assert "Thank you! Got it." in out


def test_run_console_installs_and_restores_its_chat(console_services):
    seen = {}

    def peek(_output):
        seen["chat"] = console_services.chats.get("console")
        seen["now"] = console_services.clock()
        return None

    drive(console_services, ":advance 3h", peek)

    assert isinstance(seen["chat"], ConsoleChat)
    assert seen["now"] == TUESDAY + timedelta(hours=3)
    assert "console" not in console_services.chats
    assert console_services.clock() != TUESDAY + timedelta(hours=3)


def test_a_terminal_gets_a_prompt_a_pipe_does_not(console_services):
    add_person(console_services.db, "lee@example.org", "Dr. Amy Lee")

    class Terminal(Script):
        def isatty(self) -> bool:
            return True

    piped = drive(console_services, ":as lee")
    output = io.StringIO()
    run_console(console_services, Terminal(output, ":as lee"), output, clock_start=TUESDAY)

    assert "rounds> " not in piped and "Dr. Amy Lee> " not in piped
    assert "rounds> " in output.getvalue() and "Dr. Amy Lee> " in output.getvalue()


# --- ConsoleChat -----------------------------------------------------------------------------


def test_console_chat_send_update_find_across_instances(console_services):
    db = console_services.db
    add_person(db, "lee@example.org", "Dr. Amy Lee")
    now = [TUESDAY]
    first = ConsoleChat(db, lambda: now[0])
    second = make_console_chat(db, clock=lambda: now[0])

    channel = first.open_direct("lee@example.org")
    assert channel == "dm:lee@example.org"
    ref = first.send(channel, OutgoingMessage(text="Question?", key="question:1:1"))
    now[0] -= timedelta(days=3)  # a clock moved back does not break ordering or uniqueness
    later = second.send(channel, OutgoingMessage(text="Reminder", key="nudge:1"))

    assert ref.channel == channel and later.channel == channel
    assert ref.ts != later.ts
    assert second.find_sent(channel, "question:1:1", TUESDAY + timedelta(days=1)) == ref
    assert first.find_sent(channel, "nudge:1", TUESDAY) == later
    assert first.find_sent(channel, "missing", TUESDAY) is None
    assert first.find_sent("dm:other@example.org", "nudge:1", TUESDAY) is None
    assert [m.message.text for m in second.history(channel)] == ["Question?", "Reminder"]

    second.update(ref, OutgoingMessage(text="Skipped this week."))
    updated = first.by_ref(ref)
    assert updated.message.text == "Skipped this week."
    assert updated.message.buttons == ()
    assert first.find_sent(channel, "question:1:1", TUESDAY) == ref  # the key survives

    assert first.lookup_user_by_email("Lee@Example.org") == "lee@example.org"
    assert first.lookup_user_by_email("nobody@example.org") is None


def test_console_chat_records_and_edits_what_people_type(console_services):
    chat = ConsoleChat(console_services.db, lambda: TUESDAY)
    question = chat.send("dm:lee@example.org", OutgoingMessage(text="Q?", key="question:1:1"))
    ref = chat.record_incoming("lee@example.org", "dm:lee@example.org", "first",
                               thread_ts=question.ts)

    edited = chat.edit_incoming(ref, "second")

    assert edited.ts == ref.ts and edited.author == "lee@example.org"
    assert edited.message.text == "second" and edited.message.thread_ts == question.ts
    with pytest.raises(ValueError):
        chat.edit_incoming(question, "not yours")
    assert chat.find_sent("dm:lee@example.org", "", TUESDAY) is None


@pytest.mark.parametrize("text, expected", [
    ("1d", timedelta(days=1)), ("3h", timedelta(hours=3)), ("30m", timedelta(minutes=30)),
    ("2w", timedelta(weeks=2)), ("1d12h", timedelta(days=1, hours=12)),
])
def test_parse_duration(text, expected):
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "soon", "1x", "d1", "1d soon"])
def test_parse_duration_rejects(text):
    with pytest.raises(ValueError):
        parse_duration(text)


def test_held_answer_shows_its_fine_button_whose_form_takes_a_reason(database_url):
    """The guard's private hold is a real, clickable message in the console too."""
    import io

    from bot.config import config_from_mapping
    from bot.services import build_services
    from bot.store import Answer, AnswerStatus, Person, Question
    from handlers.console import run_console
    from tests.conftest import utc

    services = build_services(config_from_mapping({"database": {"url": database_url}}, env={}))
    created = utc(2026, 11, 1)
    with services.db.transaction() as session:
        session.add(Question(specialty="", text="What do patients ask most?", created_at=created))
        session.add(Person(email="lee@example.org", name="Dr. Ana Lee", roles="physician", specialty="",
                           timezone="America/New_York", weekday=1, local_time="09:00",
                           created_at=created, updated_at=created))
    script = "\n".join([":as Ana", ":tick", "Mr. Caspian Thorley, MRN 5512903, asked about knees.",
                        "1", ":form", "Mr. Caspian Thorley said yes", ":form", "He is not a patient", ":quit"]) + "\n"
    output = io.StringIO()
    run_console(services, input=io.StringIO(script), output=output, clock_start=utc(2026, 11, 24, 14))
    text = output.getvalue()
    assert "I held your answer" in text and "[1] It's fine" in text
    assert "Why is it fine to share? (e.g. the name and details are made up" in text
    # A reason that names the patient is refused (said in kinds), and the form can be filled in again.
    assert "(not sent: This reason may identify a patient (a name)" in text
    assert text.count("Thorley said yes") == 1, "the refused reason is echoed where it was typed, nowhere else"
    assert "goes to marketing with a warning" in text
    with services.db.transaction() as session:
        assert session.query(Answer).one().status == AnswerStatus.READY
    services.db.dispose()


def test_a_revision_takes_it_s_fine_off_the_earlier_held_notice(console_services):
    add_person(console_services.db, "lee@example.org", "Dr. Ana Lee")
    seed_questions(console_services.db)
    out = drive(console_services, ":as Ana", ":tick", "Mr. Caspian Thorley, MRN 5512903, asked about knees.",
                "Patients ask whether knee pain always means arthritis. Often it does not.", ":quit")
    held = last_number(r"#(\d+) Rounds:\n    I held your answer", out)
    updated = out[out.index(f"#{held} Rounds (updated):"):]
    notice = updated[:updated.index("\n#")] if "\n#" in updated else updated
    assert "no longer used" in notice and "It's fine" not in notice and "5512903" not in notice


# --- It's fine asks in a form: the chat is always the answer ---------------------------------------

PHI = "My patient John Smith called me at 617-555-0199 about his racing heart."
CLEANED = "They ask whether a racing heart always means a heart problem. Usually it does not."


def test_the_repro_a_line_after_its_fine_is_the_answer_and_marketing_sees_only_it(console_services):
    add_person(console_services.db, "maya@example.org", "Dr. Maya Patel", specialty="cardiology")
    add_person(console_services.db, "pat@example.org", "Pat Staff", roles="staff;approver")
    seed_questions(console_services.db)
    out = drive(console_services, ":as Maya", ":next", PHI, "1", CLEANED, ":form", "The name is made up",
                ":advance 15m", ":as Pat", ":channel", ":quit")
    assert "(form \"It's fine to share\" is open: :form fills it in" in out
    assert "Thanks, that looks good now" in out
    answer = answer_of(console_services.db)
    assert answer.text == CLEANED and answer.override_reason is None and answer.status == "ready"
    marketing = [line for line in out.splitlines() if "#marketing" in line or line.startswith("        ")]
    card = re.search(r"#\d+ Rounds in #marketing:\n.*?Waiting for approval", out, re.S).group(0)
    assert CLEANED in card and "PHI override" not in card
    assert not any(secret in card or secret in "\n".join(marketing) for secret in ("John Smith", "617-555-0199"))
    # The form she opened later is about the held version: refused, nothing changes.
    assert "That answer is no longer held" in out.split("(you submitted")[-1]
    assert answer_of(console_services.db).override_reason is None


def test_an_edit_after_its_fine_is_the_answer_and_no_reason_is_pending(console_services):
    add_person(console_services.db, "maya@example.org", "Dr. Maya Patel", specialty="cardiology")
    seed_questions(console_services.db)
    out = drive(console_services, ":as Maya", ":next", PHI, "1",
                lambda seen: f":edit {last_number(MY_MESSAGE, seen)} {CLEANED}",
                "Patients also ask about palpitations at night.", ":quit")
    assert "why is it fine" not in out.lower()  # nothing in the chat asks for a reason to withdraw
    after_edit = out.split("(you edited #")[-1]
    assert "Updated your answer." in after_edit and "no longer used" in after_edit
    assert "Added that to your answer." in after_edit  # the next line adds to the (clean) answer
    answer = answer_of(console_services.db)
    assert answer.status == "ready" and answer.override_reason is None
    assert answer.text == CLEANED + "\nPatients also ask about palpitations at night."


def test_its_fine_through_the_console_form_sends_the_answer_on_with_the_badge(console_services):
    add_person(console_services.db, "maya@example.org", "Dr. Maya Patel", specialty="cardiology")
    add_person(console_services.db, "pat@example.org", "Pat Staff", roles="staff;approver")
    seed_questions(console_services.db)
    out = drive(console_services, ":as Maya", ":next", PHI, "1", ":form", "The name is made up",
                ":advance 15m", ":as Pat", ":channel", ":quit")
    form = out[out.index("Form: It's fine to share"):out.index("(you submitted")]
    assert '"John Smith": looks like' in form and '"617-555-0199"' in form  # private to Maya
    assert "You said it's fine, so your answer went on with your reason." in out
    card = re.search(r"#\d+ Rounds in #marketing:\n.*?Waiting for approval", out, re.S).group(0)
    assert "PHI override" in card and "The name is made up" in card
    answer = answer_of(console_services.db)
    assert answer.status == "ready" and answer.override_reason == "The name is made up"


def test_the_repro_an_edit_after_the_card_takes_the_override_reason_off_it(console_services):
    """It's fine, the card with the badge, then :edit to a clean answer: the updated card has no override."""
    add_person(console_services.db, "maya@example.org", "Dr. Maya Patel", specialty="cardiology")
    seed_questions(console_services.db)
    out = drive(console_services, ":as Maya", ":next", PHI, "1", ":form", "The name is made up", ":advance 15m",
                lambda seen: f":edit {last_number(MY_MESSAGE, seen)} {CLEANED}", ":quit")
    updated = out.split("Rounds in #marketing (updated):")[-1]
    assert "Rounds in #marketing (updated):" in out and CLEANED in updated
    assert "PHI override" not in updated and "made up" not in updated and "✓ Clean" in updated
    assert answer_of(console_services.db).override_reason is None


def test_a_console_form_about_an_outdated_version_is_refused(console_services):
    add_person(console_services.db, "maya@example.org", "Dr. Maya Patel", specialty="cardiology")
    seed_questions(console_services.db)
    out = drive(console_services, ":as Maya", ":next", PHI, "1",
                "John Smith asked me about his racing heart again.", ":form", "The name is made up", ":quit")
    assert "Your answer has changed since then" in out.split("(you submitted")[-1]
    answer = answer_of(console_services.db)
    assert answer.status == "held" and answer.override_reason is None


# --- review in the #marketing channel ------------------------------------------------------------

ANSWER = "They ask whether chest pain always means a heart attack. Usually it does not."
CARD_BUTTONS = "[1] Approve  [2] Edit  [3] Reject  [4] Send back  [5] Show all drafts"
CARD = r"#(\d+) Rounds in #marketing:\n    Dr\. Amy Lee \(cardiology\): drafts for"


def review_team(db):
    add_person(db, "lee@example.org", "Dr. Amy Lee", specialty="cardiology")
    add_person(db, "pat@example.org", "Pat Staff", roles="staff;approver")
    add_person(db, "tom@example.org", "Tom Becker", roles="staff")
    seed_questions(db, "What do new patients ask you most about heart health?")


ANSWERED = (":as lee", ":tick", ANSWER, ":advance 15m")  # the card is posted on this tick


def answer_of(db) -> Answer:
    with db.transaction() as session:
        return session.scalars(select(Answer)).one()


def test_approver_sees_the_card_and_approves_it(console_services):
    db = console_services.db
    review_team(db)

    out = drive(
        console_services, *ANSWERED,
        ":as tom", ":channel", "1",  # a non-approver can look and click, but is refused
        ":as pat", ":channel", "1",  # a bare number clicks the card in view
        "1",  # the card has no buttons any more
        ":as lee", ":tick", ":inbox",
    )

    # Dr. Lee is neither approver nor lead: the new card is one line for her.
    assert "→ #marketing: Dr. Amy Lee (cardiology): drafts for 2026-W48 (answer 1). Waiting for a…" in out
    card = re.search(CARD + r".*?" + re.escape(CARD_BUTTONS), out, re.S).group(0)
    assert "✓ Clean: no patient details or individual advice found" in card
    assert "What do new patients ask you most about heart health?" not in card  # not for the public
    assert f"    Answer:\n        {ANSWER}" in card
    assert "    Facebook (" in card  # one draft in full, the others one line each
    assert "        X (" in card and "        LinkedIn (" in card
    assert "    Waiting for approval\n    " + CARD_BUTTONS in card
    assert "Only approvers can approve, edit, reject or send back drafts." in out
    assert "(1 message to act on in #marketing: #" in out  # the hint when Pat takes over
    assert "(you clicked [1] Approve on #" in out
    updated = re.search(r"#\d+ Rounds in #marketing \(updated\):\n.*?(?=\n\S)", out, re.S).group(0)
    assert "    Approved by Pat Staff, " in updated and "[1]" not in updated
    assert "Nothing to click" in out.split("Approved by Pat Staff")[-1]
    notice = out.split("You are now Dr. Amy Lee")[-1]
    assert "Your post was approved by Pat Staff." in notice and "Going out: " in notice
    assert answer_of(db).review_status == ReviewStatus.APPROVED
    assert answer_of(db).decided_by == "Pat Staff"


def test_approver_watching_gets_the_card_in_full_and_edits_it(console_services):
    db = console_services.db
    review_team(db)
    new_x = "Chest pain is not always a heart attack.\\nGet it checked. #hearthealth"

    def edit_lines(_seen):
        with db.transaction() as session:
            channels = sorted(session.scalars(select(Draft.channel)).all())
        assert "x" in channels
        return [new_x if channel == "x" else "" for channel in channels] + ["1"]  # Save and approve

    out = drive(
        console_services, ":as pat", ":as lee", ":tick", ANSWER, ":as pat", ":advance 15m",
        "2", edit_lines,
    )

    after_tick = out.split("cards posted 1")[-1]
    assert re.search(CARD, after_tick) and CARD_BUTTONS in after_tick  # in full, as it arrives
    assert "(you clicked [2] Edit on #" in out
    assert "Form: Edit drafts (one line per field;" in out
    assert "  Then: [1] Save and approve  [2] Save only (empty line: Save and approve)" in out
    # The echo names what the submission did (it approves), never a bare "Save".
    assert "(you submitted 'Save and approve')" in out and "(you submitted 'Save')" not in out
    updated = out.split("(updated):")[-1]
    assert "    X (" in updated and ", edited)" in updated
    assert "        Chest pain is not always a heart attack.\n        Get it checked. #hearthealth" in updated
    assert "Approved by Pat Staff" in updated
    assert answer_of(db).review_status == ReviewStatus.APPROVED
    with db.transaction() as session:
        x_draft = session.scalars(select(Draft).where(Draft.channel == "x")).one()
        assert x_draft.text == "Chest pain is not always a heart attack.\nGet it checked. #hearthealth"
        assert x_draft.edited
        assert not session.scalars(select(Draft).where(Draft.channel != "x", Draft.edited)).first()


def test_edit_form_save_only_says_so_and_leaves_the_card_waiting(console_services):
    db = console_services.db
    review_team(db)

    def edit_lines(_seen):
        with db.transaction() as session:
            count = len(session.scalars(select(Draft.channel)).all())
        return [""] * count + ["2"]  # every draft as it is, then: Save only

    out = drive(console_services, *ANSWERED, ":as pat", ":channel", "2", edit_lines)

    assert "(you submitted 'Save only')" in out and "(you submitted 'Save')" not in out
    assert "Approved by" not in out.split("(you submitted")[-1]
    assert answer_of(db).review_status == ReviewStatus.PENDING


def test_reject_with_a_reason_tells_the_physician(console_services):
    db = console_services.db
    review_team(db)

    out = drive(
        console_services, *ANSWERED, ":as pat", ":channel",
        "3", ":tick", "", "Too close to last week's post.",  # a command is refused, a reason required
        ":as lee", ":tick",
    )

    assert "  Why? (Dr. Amy Lee will see this):" in out
    assert "Commands don't work inside a form" in out
    assert "This field is required (or :cancel)." in out
    assert "(you submitted 'Reject')" in out
    assert "Rejected by Pat Staff, " in out.split("(updated):")[-1]
    told = out.split("You are now Dr. Amy Lee")[-1]
    # One full stop, inside the quote, though the reason was typed with its own (point 5).
    assert "Pat Staff said: \"Too close to last week's post.\" Thank you for answering" in told
    assert '.".' not in told
    assert answer_of(db).review_status == ReviewStatus.REJECTED


def test_cancel_abandons_a_form(console_services):
    db = console_services.db
    review_team(db)

    out = drive(console_services, *ANSWERED, ":as pat", ":channel", "3", ":cancel", ":channel")

    assert "Form 'Reject drafts' abandoned; nothing was sent." in out
    assert out.count(CARD_BUTTONS) == 2  # both :channel, still clickable (one line on arrival)
    assert answer_of(db).review_status == ReviewStatus.PENDING


def test_send_back_revision_and_a_new_card(console_services):
    db = console_services.db
    review_team(db)

    out = drive(
        console_services, *ANSWERED, ":as pat", ":channel",
        lambda seen: f":choose 4 #{last_number(CARD, seen)}", "Please add when to call 911.",
        ":as lee", ":tick",
        "They ask whether chest pain always means a heart attack. It often does not, but sudden, "
        "severe chest pain is a reason to call 911.",
        ":advance 15m", ":as pat", ":channel",
    )

    assert "  What should Dr. Amy Lee change?:" in out
    assert "Sent back by Pat Staff, " in out
    assert "asks for a change to your answer" in out
    assert '"Please add when to call 911." Reply here with your revised answer.' in out
    assert out.split("Clock moved forward 15m.")[-1].count("cards posted 1") == 1
    channel = out.split("You are now Pat Staff")[-1]
    assert len(re.findall(CARD, channel)) == 2  # the sent-back card and the new one
    assert channel.count(CARD_BUTTONS) == 1 and "Sent back by Pat Staff" in channel
    assert "sudden, severe chest pain" in channel
    answer = answer_of(db)
    assert answer.review_status == ReviewStatus.PENDING and answer.review_round == 2


def test_what_a_click_causes_arrives_before_the_next_prompt_not_on_the_next_tick(console_services):
    """Slack delivers the physician's note at once: the console shows it right after the click
    or form that caused it, and the physician finds it before typing anything (no :tick)."""
    db = console_services.db
    review_team(db)

    sent_back = drive(
        console_services, *ANSWERED, ":as pat", ":channel",
        lambda seen: f":choose 4 #{last_number(CARD, seen)}", "Please add when to call 911.",
        ":as lee", "It often does not, but sudden, severe chest pain is a reason to call 911.",
    )

    after_form = sent_back.split("(you submitted 'Send back')")[1].split("You are now Dr. Amy Lee")[0]
    assert "→ Dr. Amy Lee: Marketing (Pat Staff) asks for a change to your answer" in after_form
    assert "Tick at" not in sent_back.split("(you submitted 'Send back')")[1]
    lee = sent_back.split("You are now Dr. Amy Lee")[-1]
    assert lee.index("asks for a change") < lee.index("(your message #")  # before she replies

    approved = drive(console_services, ":advance 15m", ":as pat", ":channel",
                     lambda seen: f":choose 1 #{last_number(CARD, seen)}", ":as lee",
                     start=TUESDAY + timedelta(minutes=15))  # where the first run left off
    after_click = approved.split("(you clicked [1] Approve")[1].split("You are now Dr. Amy Lee")[0]
    assert "→ Dr. Amy Lee: Your post was approved by Pat Staff." in after_click
    assert "Tick at" not in approved.split("(you clicked [1] Approve")[1]
    assert "Your post was approved by Pat Staff." in approved.split("You are now Dr. Amy Lee")[-1]


def test_a_leads_own_overdue_answer_goes_to_an_approver_who_can_decide(console_services):
    """The black-box run: the only lead answers, the card waits 6 days. The lead is not asked to
    decide (they can't approve their own answer); the approver is, and can."""
    db = console_services.db
    add_person(db, "lee@example.org", "Dr. Amy Lee", specialty="cardiology", roles="physician;lead")
    add_person(db, "pat@example.org", "Pat Staff", roles="staff;approver")
    seed_questions(db, "What do new patients ask you most about heart health?")

    out = drive(console_services, *ANSWERED, ":advance 6d", ":as pat", "1")

    lee = out.split("Clock moved forward 6d.")[1].split("You are now Pat Staff")[0]
    assert "As lead you can decide" not in lee
    assert "Your drafts have waited 96 working hours for approval in the marketing channel. Nobody approves " \
           "their own answer, so Pat Staff has been asked to decide." in lee
    pat = out.split("You are now Pat Staff")[1]
    assert "Dr. Amy Lee is the lead and nobody approves their own answer, so it is up to you as an approver" in pat
    assert "Approved by Pat Staff" in pat
    assert answer_of(db).review_status == ReviewStatus.APPROVED


def test_channel_when_empty_and_help_mentions_it(console_services):
    add_person(console_services.db, "pat@example.org", "Pat Staff", roles="staff;approver")

    out = drive(console_services, ":as pat", ":marketing", ":help")

    assert "No messages in #marketing yet." in out
    assert ":channel" in out and ":cancel abandons the form" in out


def test_odd_and_over_long_console_input_is_answered_not_crashed(console_services):
    """Issue 8 on the console: "¹" and huge numbers are not numbers, durations that overflow the
    calendar are refused, an over-long answer gets the private reply, controls and bidi overrides
    never reach the stored answer."""
    from bot.weekly.inbound import MAX_ANSWER_CHARS

    db = console_services.db
    add_person(db, "lee@example.org", "Dr. Amy Lee")
    seed_questions(db)

    out = drive(console_services, ":as lee", ":tick", "¹", "9" * 30, ":choose ¹", ":advance " + "99999w" * 6,
                "x " * MAX_ANSWER_CHARS, "Salt\u202e matters\u0007 most.", ":quit")

    assert "Traceback" not in out
    assert "further ahead than the calendar goes" in out
    assert "longer than a post can be" in out
    with db.transaction() as session:
        assert session.scalars(select(Answer)).one().text == "¹\n" + "9" * 30 + "\nSalt matters most."


# --- what a new user hit (issue 11) --------------------------------------------------------------


def test_a_bare_number_clicks_the_last_card_without_looking_at_the_channel_first(console_services):
    db = console_services.db
    review_team(db)

    out = drive(console_services, *ANSWERED, ":as pat", "1")  # the hint names the card; no :channel

    assert "(you clicked [1] Approve on #" in out
    assert "(your message #" not in out.split("You are now Pat Staff")[-1]  # never a DM "1"
    assert answer_of(db).review_status == ReviewStatus.APPROVED


def test_a_bare_number_with_nothing_to_click_is_not_sent_to_the_bot(console_services):
    add_person(console_services.db, "lee@example.org", "Dr. Amy Lee")
    seed_questions(console_services.db)

    out = drive(console_services, ":as lee", "2", ":say 2")

    assert "Nothing to click" in out and ":say N" in out
    assert out.count("(your message #") == 1  # only :say sent it


def test_clear_and_terminal_keys_never_reach_the_bot(console_services):
    add_person(console_services.db, "lee@example.org", "Dr. Amy Lee")
    seed_questions(console_services.db)

    out = drive(console_services, ":as lee", "clear", "\x0c", "\x1b[A", ":inbox")

    assert "(your message #" not in out and "No messages with Dr. Amy Lee yet." in out


def test_next_goes_to_a_snoozed_question_before_next_week(console_services):
    add_person(console_services.db, "lee@example.org", "Dr. Amy Lee")
    seed_questions(console_services.db)

    out = drive(console_services, ":as lee", ":tick", "2", ":next")

    assert "Clock moved to Wed 2026-11-25 14:00 UTC" in out
    assert out.split("Clock moved to")[-1].count("questions sent 1") == 1  # asked again


def test_a_late_answer_counts_and_the_expired_question_lost_its_buttons(console_services):
    add_person(console_services.db, "lee@example.org", "Dr. Amy Lee")
    seed_questions(console_services.db)

    out = drive(console_services, ":as lee", ":tick", ":advance 6d", ":inbox",
                "They ask about salt, mostly.")  # Monday: last week's question, answered late

    inbox = out.split("Clock moved forward 6d.")[-1]
    assert "This question's week has ended. A reply here still counts until Mon Dec 7, 12:00 AM." in inbox
    assert "[1] Skip this week" not in inbox
    assert "Thank you! Got it." in inbox and "No open question" not in inbox
    with console_services.db.transaction() as session:
        statuses = session.scalars(select(Prompt.status).order_by(Prompt.id)).all()
    assert statuses[0] == PromptStatus.ANSWERED  # last week's question, not this week's


def test_next_does_not_jump_past_an_open_question(console_services):
    add_person(console_services.db, "lee@example.org", "Dr. Amy Lee")
    seed_questions(console_services.db)

    out = drive(console_services, ":as lee", ":next", ":next", "They ask about salt, mostly.")

    second = out.split("Clock moved to", 1)[1]
    assert "already has this week's question (2026-W49) open" in second
    assert "Clock moved to" not in second and "Thank you!" in second  # the answer went to the open question


def test_a_reply_in_last_weeks_thread_answers_last_weeks_question(console_services):
    add_person(console_services.db, "lee@example.org", "Dr. Amy Lee")
    seed_questions(console_services.db)

    out = drive(console_services, ":as lee", ":tick", ":advance 1w",
                lambda seen: f":reply {question_number('Dr. Amy Lee', seen.split('Clock moved')[0])} Salt, mostly.",
                "And this week: sleep.")

    assert "Thank you! Got it." in out
    with console_services.db.transaction() as session:
        answers = session.execute(select(Prompt.week, Answer.text).join(Answer, Answer.prompt_id == Prompt.id)
                                  .order_by(Prompt.id)).all()
    assert [tuple(row) for row in answers] == [("2026-W48", "Salt, mostly."), ("2026-W49", "And this week: sleep.")]


def test_an_over_long_reply_to_check_is_told_about_a_reply(console_services):
    """Staff checking a reply ('check …') that is too long are told about a reply, not an answer."""
    from bot.weekly.inbound import MAX_ANSWER_CHARS

    add_person(console_services.db, "sam@example.org", "Sam Ortiz", roles="staff")
    out = drive(console_services, ":as sam", "check " + "Thanks for writing in. " * (MAX_ANSWER_CHARS // 20), ":quit")

    assert "That reply is longer than Rounds checks" in out and "“check”" in out
    assert "keep your answer" not in out

"""The question bank: starter seed, add/import/list, and who gets which question next."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.csvfile import CsvFormatError
from bot.specialties import normalise_specialty
from bot.store import Person, Prompt, PromptStatus, Question
from bot.weekly.questions import (
    add_question,
    ensure_question_bank,
    import_questions,
    list_questions,
    pick_next_question,
    seed_starter_bank,
    starter_rows,
)
from tests.conftest import utc

NOW = utc(2026, 11, 23, 12, 0)

SPECIALTIES = (
    "family medicine", "internal medicine", "pediatrics", "cardiology", "orthopedics",
    "dermatology", "obstetrics & gynecology", "gastroenterology", "endocrinology", "neurology",
    "oncology", "psychiatry", "ophthalmology", "urology", "pulmonology", "sports medicine",
)


def make_person(session, email: str, specialty: str = "") -> Person:
    person = Person(email=email, name=email.split("@")[0], roles="physician", specialty=specialty,
                    timezone="America/New_York", weekday=1, local_time="09:00", active=True,
                    created_at=NOW, updated_at=NOW)
    session.add(person)
    session.flush()
    return person


def ask(session, person: Person, question: Question, week_index: int) -> None:
    """Record that `person` was asked `question` in week number `week_index` of 2026."""
    due = NOW + timedelta(weeks=week_index)
    session.add(Prompt(person_id=person.id, week=f"2026-W{week_index:02d}", question_id=question.id,
                       status=PromptStatus.ANSWERED, due_at=due, expires_at=due + timedelta(days=6),
                       sends=1))
    session.flush()


def test_starter_bank_is_big_varied_and_well_formed():
    rows = starter_rows()
    assert len(rows) >= 80
    texts = [row["text"] for row in rows]
    assert len(set(texts)) == len(texts)
    assert all(text.endswith("?") and len(text) <= 120 for text in texts)
    general = [row for row in rows if not row["specialty"]]
    assert len(general) >= 10
    for specialty in SPECIALTIES:
        assert sum(row["specialty"] == specialty for row in rows) >= 4, specialty
    # Specialty names in the file are already in normalised form.
    assert all(normalise_specialty(row["specialty"]) == row["specialty"] for row in rows)


def test_normalise_specialty_folds_case_spaces_and_aliases():
    assert normalise_specialty("  Family   Medicine ") == "family medicine"
    assert normalise_specialty("OB/GYN") == "obstetrics & gynecology"
    assert normalise_specialty("Physical Therapy") == "sports medicine"
    assert normalise_specialty("General") == ""
    assert normalise_specialty(None) == ""
    assert normalise_specialty("Podiatry") == "podiatry"


def test_seed_is_idempotent_and_ensure_only_seeds_an_empty_bank(services):
    with services.db.transaction() as session:
        added = seed_starter_bank(session, NOW)
        assert added == len(starter_rows())
        assert seed_starter_bank(session, NOW) == 0
        assert ensure_question_bank(session, NOW) == 0
        total = session.scalar(select(func.count()).select_from(Question))
    assert total == added


def test_ensure_question_bank_leaves_a_curated_bank_alone(services):
    with services.db.transaction() as session:
        add_question(session, "What is your favourite stethoscope?", NOW)
        assert ensure_question_bank(session, NOW) == 0
        assert len(list_questions(session)) == 1


def test_add_question_normalises_and_does_not_duplicate(services):
    with services.db.transaction() as session:
        question, created = add_question(session, "  What do   patients ask most? ", NOW,
                                         specialty=" Cardiology ")
        assert created and question.text == "What do patients ask most?"
        assert question.specialty == "cardiology"
        again, created_again = add_question(session, "What do patients ask most?", NOW,
                                            specialty="CARDIOLOGY")
        assert not created_again and again.id == question.id
        with pytest.raises(ValueError, match="empty"):
            add_question(session, "   ", NOW)
        with pytest.raises(ValueError, match="characters"):
            add_question(session, "x" * 301 + "?", NOW)


def test_import_questions_reports_bad_lines_and_keeps_good_ones(services):
    text = (
        "Specialty,Text\n"
        "Cardiology,What should people know about statins?\n"
        ",\n"
        "  ,What's a good first step toward better sleep?\n"
        "cardiology,What should people know about statins?\n"
        "dermatology,\n"
        "neurology,What do patients ask about migraines?,extra\n"
    )
    with services.db.transaction() as session:
        report = import_questions(session, io.StringIO(text), NOW)
        assert [q.text for q in report.added] == [
            "What should people know about statins?",
            "What's a good first step toward better sleep?",
        ]
        assert [(p.line, p.reason) for p in report.errors] == [
            (3, "the row has no values (only commas): fill it in or delete the line"),  # reported, not skipped
            (5, "the same question is already on line 2"),
            (6, "the question text is empty"),
            (7, "has 3 fields but the header has 2; put values that contain commas in double quotes"),
        ]
        assert not report.ok
        again = import_questions(session, io.StringIO(text), NOW)
        assert again.added == [] and again.existing == 2
        assert [q.specialty for q in list_questions(session)] == ["", "cardiology"]


def test_import_questions_names_missing_columns(services):
    with services.db.transaction() as session, pytest.raises(CsvFormatError, match="text"):
        import_questions(session, io.StringIO("specialty,question\ncardiology,Why?\n"), NOW)


def test_list_questions_filters_by_normalised_specialty(services):
    with services.db.transaction() as session:
        seed_starter_bank(session, NOW)
        peds = list_questions(session, specialty="Peds")
        general = list_questions(session, specialty="general")
        everything = list_questions(session)
    assert peds and all(q.specialty == "pediatrics" for q in peds)
    assert general and all(q.specialty == "" for q in general)
    assert len(everything) == len(starter_rows())
    assert everything[0].specialty == ""  # general first


def test_pick_prefers_specialty_then_general_and_never_repeats_until_exhausted(services):
    with services.db.transaction() as session:
        own = [add_question(session, f"Cardiology question {i}?", NOW, "cardiology")[0] for i in range(3)]
        general = [add_question(session, f"General question {i}?", NOW)[0] for i in range(2)]
        add_question(session, "Dermatology question?", NOW, "dermatology")
        person = make_person(session, "heart@example.org", specialty="Cardiology")
        asked = []
        for week in range(1, 6):
            question = pick_next_question(session, person, NOW)
            asked.append(question.id)
            ask(session, person, question, week)
        assert set(asked[:3]) == {q.id for q in own}
        assert set(asked[3:]) == {q.id for q in general}
        # Exhausted: start again with the least recently asked, in the same order.
        for week in range(6, 11):
            question = pick_next_question(session, person, NOW)
            assert question.id == asked[week - 6]
            ask(session, person, question, week)


def test_pick_is_deterministic_but_varies_between_physicians(services):
    with services.db.transaction() as session:
        for i in range(12):
            add_question(session, f"Pediatrics question {i}?", NOW, "pediatrics")
        people = [make_person(session, f"kid{i}@example.org", "pediatrics") for i in range(6)]
        first = [pick_next_question(session, p, NOW).id for p in people]
        assert first == [pick_next_question(session, p, NOW).id for p in people]
        assert len(set(first)) > 1


def test_pick_skips_inactive_questions_and_handles_an_empty_fit(services):
    with services.db.transaction() as session:
        question, _ = add_question(session, "Retired question?", NOW, "urology")
        question.active = False
        person = make_person(session, "uro@example.org", "urology")
        assert pick_next_question(session, person, NOW) is None
        general, _ = add_question(session, "General question?", NOW)
        assert pick_next_question(session, person, NOW).id == general.id


def test_physician_without_specialty_gets_general_questions_only(services):
    with services.db.transaction() as session:
        seed_starter_bank(session, NOW)
        person = make_person(session, "gp@example.org")
        for week in range(1, 30):
            question = pick_next_question(session, person, NOW)
            assert question.specialty == ""
            ask(session, person, question, week)


# --- public topics (issue 10): what posts lead with -------------------------------------------


def test_seeded_starter_questions_carry_their_public_topic_and_fill_a_missing_one(services):
    with services.db.transaction() as session:
        seed_starter_bank(session, NOW)
        question = session.scalars(select(Question).where(
            Question.text == "What do new patients ask you most about heart health?")).one()
        assert question.public_topic == "Common questions about heart health, answered"
        question.public_topic = ""  # a database seeded before topics existed
    with services.db.transaction() as session:
        assert seed_starter_bank(session, NOW) == 0
        assert session.scalars(select(func.count()).select_from(Question)
                               .where(Question.public_topic == "")).one() == 0


def test_import_and_add_take_an_optional_public_topic(services):
    source = io.StringIO("specialty,text,public_topic\n"
                         "podiatry,What should runners know about shoes?,Choosing running shoes that fit\n"
                         "podiatry,How should people care for their feet in winter?,\n")
    with services.db.transaction() as session:
        report = import_questions(session, source, NOW)
        assert report.ok and len(report.added) == 2 and not report.warnings
        topics = {q.text: q.public_topic for q in report.added}
        assert topics["What should runners know about shoes?"] == "Choosing running shoes that fit"
        assert topics["How should people care for their feet in winter?"] == ""  # hook from the answer
        question, created = add_question(session, "How should people care for their feet in winter?", NOW,
                                         specialty="podiatry", public_topic="Winter foot care")
        assert not created and question.public_topic == "Winter foot care"
        with pytest.raises(ValueError, match="public topic"):
            add_question(session, "Another question?", NOW, public_topic="x" * 121)

"""The question bank: general questions plus questions per specialty, and who gets which next.

Questions are written to draw out *general education* answers (what patients ask, myths,
what to bring), never anything about a specific patient. A physician is never asked the same
question twice until every question that fits them has been asked once.
"""

from __future__ import annotations

import csv
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.csvfile import CsvSource, Progress, RowProblem, counted, extra_fields, read_rows
from bot.specialties import normalise_specialty
from bot.store import Person, Prompt, Question

MAX_QUESTION_LENGTH = 300
MAX_TOPIC_LENGTH = 120  # a post's opening line, not a paragraph
STARTER_BANK = ("data", "questions.csv")  # inside the bot package, so it ships in the wheel

# Common spellings people type in a roster, mapped to the bank's specialty names.
def normalise_text(value: str) -> str:
    return " ".join(value.split())


def _validate_text(text: str) -> str | None:
    if not text:
        return "the question text is empty"
    if len(text) > MAX_QUESTION_LENGTH:
        return f"the question is {len(text)} characters; keep it under {MAX_QUESTION_LENGTH}"
    return None


# --- adding -----------------------------------------------------------------------------------


def find_question(session: Session, specialty: str, text: str) -> Question | None:
    statement = select(Question).where(Question.specialty == normalise_specialty(specialty),
                                       Question.text == normalise_text(text))
    return session.scalars(statement).first()


def _validate_topic(topic: str) -> str | None:
    if len(topic) > MAX_TOPIC_LENGTH:
        return f"the public topic is {len(topic)} characters; keep it under {MAX_TOPIC_LENGTH}"
    return None


def add_question(session: Session, text: str, now: datetime, specialty: str = "",
                 public_topic: str = "") -> tuple[Question, bool]:
    """Add a question (or re-activate the identical one); return (question, newly added).

    `public_topic` is the patient-facing line posts lead with; a given one replaces the old.
    Raises ValueError when the text is empty or too long, or the topic too long.
    """
    text, public_topic = normalise_text(text), normalise_text(public_topic)
    problem = _validate_text(text) or _validate_topic(public_topic)
    if problem:
        raise ValueError(problem)
    existing = find_question(session, specialty, text)
    if existing is not None:
        existing.active = True
        if public_topic:
            existing.public_topic = public_topic
        return existing, False
    question = Question(specialty=normalise_specialty(specialty), text=text, active=True,
                        public_topic=public_topic, created_at=now)
    session.add(question)
    session.flush()
    return question, True


@dataclass
class QuestionImportReport:
    added: list[Question] = field(default_factory=list)
    existing: int = 0
    errors: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def import_questions(session: Session, source: CsvSource, now: datetime,
                     progress: Progress | None = None) -> QuestionImportReport:
    """Import CSV with header `specialty,text` (optional `public_topic`); bad lines are reported.

    A row without a public topic still imports: its posts lead with a hook from the answer.
    Raises CsvFormatError when the header is missing a column.
    """
    rows, ignored = read_rows(source, ("specialty", "text"), optional=("public_topic",))
    report = QuestionImportReport()
    if ignored:
        report.warnings.append(RowProblem(1, f"ignored unknown column(s) {', '.join(ignored)}"))
    seen: dict[tuple[str, str], int] = {}
    for line, row in counted(rows, progress):
        text = normalise_text(row.get("text", ""))
        topic = normalise_text(row.get("public_topic") or "")
        problem = extra_fields(row, 3 if "public_topic" in row else 2) or _validate_text(text) \
            or _validate_topic(topic)
        identity = (normalise_specialty(row.get("specialty")), text)
        if problem is None and identity in seen:
            problem = f"the same question is already on line {seen[identity]}"
        if problem:
            report.errors.append(RowProblem(line, problem, text[:60]))
            continue
        seen[identity] = line
        question, created = add_question(session, text, now, specialty=identity[0], public_topic=topic)
        if created:
            report.added.append(question)
        else:
            report.existing += 1
    return report


def starter_rows() -> list[dict[str, str]]:
    """The starter bank shipped inside the package (bot/weekly/data/questions.csv)."""
    resource = resources.files("bot.weekly").joinpath(*STARTER_BANK)
    with resource.open("r", encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def starter_topics() -> dict[tuple[str, str], str]:
    """(specialty, question text) → the public topic line shipped for that starter question."""
    return {(normalise_specialty(row["specialty"]), normalise_text(row["text"])):
            normalise_text(row.get("public_topic") or "") for row in starter_rows()}


def seed_starter_bank(session: Session, now: datetime) -> int:
    """Add the starter questions that are not in the bank yet; return how many were added.

    Starter questions already in the bank without a public topic get the shipped one.
    """
    existing = {(q.specialty, q.text): q for q in session.scalars(select(Question))}
    added = 0
    for identity, topic in starter_topics().items():
        question = existing.get(identity)
        if question is None:
            question = Question(specialty=identity[0], text=identity[1], public_topic=topic, active=True,
                                created_at=now)
            session.add(question)
            existing[identity] = question
            added += 1
        elif not question.public_topic:
            question.public_topic = topic
    session.flush()
    return added


def ensure_question_bank(session: Session, now: datetime) -> int:
    """Seed the starter bank only when the bank is empty (a fresh database)."""
    if session.scalar(select(func.count()).select_from(Question)):
        return 0
    return seed_starter_bank(session, now)


# --- reading and choosing ---------------------------------------------------------------------


def list_questions(session: Session, specialty: str | None = None,
                   include_inactive: bool = False) -> list[Question]:
    """Questions ordered by specialty (general first) then id; `specialty` filters exactly."""
    statement = select(Question).order_by(Question.specialty, Question.id)
    if specialty is not None:
        statement = statement.where(Question.specialty == normalise_specialty(specialty))
    if not include_inactive:
        statement = statement.where(Question.active.is_(True))
    return list(session.scalars(statement))


def _stable_rank(person: Person, question: Question) -> int:
    """Same order every time for one physician, a different order for each physician."""
    return zlib.crc32(f"{person.id}:{question.id}".encode())


def pick_next_question(session: Session, person: Person, now: datetime) -> Question | None:
    """The next question for `person` (see `pick_questions`); None if no active question fits."""
    return pick_questions(session, [person]).get(person.id)


def pick_questions(session: Session, people: Sequence[Person]) -> dict[int, Question]:
    """The next question for each person, in a few queries however many people (the weekly fan-out).

    Never a question asked before, their specialty first; once every fitting question has been
    asked, start again with the least recently asked. People with no fitting question are left out.
    """
    if not people:
        return {}
    by_specialty: dict[str, list[Question]] = defaultdict(list)
    for question in session.scalars(select(Question).where(Question.active.is_(True))):
        by_specialty[question.specialty].append(question)
    last_asked = _last_asked(session, [person.id for person in people])
    chosen = {}
    for person in people:
        specialty = normalise_specialty(person.specialty)
        candidates = (by_specialty.get(specialty, []) if specialty else []) + by_specialty.get("", [])
        if not candidates:
            continue
        asked = last_asked.get(person.id, {})

        def general_last(question: Question, specialty=specialty) -> bool:
            return not (specialty and question.specialty == specialty)

        unasked = [q for q in candidates if q.id not in asked]
        if unasked:
            own = [q for q in unasked if not general_last(q)] or unasked
            chosen[person.id] = min(own, key=lambda q: _stable_rank(person, q))
        else:
            chosen[person.id] = min(candidates,
                                    key=lambda q: (asked[q.id], general_last(q), _stable_rank(person, q)))
    return chosen


def _last_asked(session: Session, person_ids: Sequence[int]) -> dict[int, dict[int, str]]:
    """person id → question id → the latest ISO week ("2026-W48") it was asked of them."""
    result: dict[int, dict[int, str]] = defaultdict(dict)
    for start in range(0, len(person_ids), 1000):
        statement = (
            select(Prompt.person_id, Prompt.question_id, func.max(Prompt.week))
            .where(Prompt.person_id.in_(person_ids[start:start + 1000]))
            .group_by(Prompt.person_id, Prompt.question_id)
        )
        for person_id, question_id, week in session.execute(statement):
            result[person_id][question_id] = week
    return result


def count_by_specialty(questions: Iterable[Question]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for question in questions:
        counts[question.specialty] = counts.get(question.specialty, 0) + 1
    return counts

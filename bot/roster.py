"""The roster: who Rounds talks to, imported from CSV and kept in the `people` table.

Import validates every row and reports bad ones by line number while good rows still import.
People are keyed by email (case-insensitive): re-importing updates them in place. People
missing from a file stay unless asked (`deactivate_missing`), because a partial export must
not silently take a physician off the roster.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.chat import PermanentSendError, TransientSendError
from bot.config import WEEKDAYS, PromptsConfig, is_timezone, parse_clock_time, parse_weekday
from bot.csvfile import CsvSource, Progress, RowProblem, counted, extra_fields, is_empty_row, read_rows
from bot.people import find_person_by_email, person_for_platform_user  # noqa: F401 (re-exported)
from bot.services import Services
from bot.specialties import normalise_specialty
from bot.store import Person

logger = logging.getLogger(__name__)

ROLES = ("physician", "staff", "approver", "lead")
REQUIRED_COLUMNS = ("name", "email", "role")
OPTIONAL_COLUMNS = ("specialty", "timezone", "weekday", "time", "slack_user_id", "teams_user_id")
EMAIL = re.compile(r"^[^@\s,;<>\"]+@[^@\s,;<>\"]+\.[^@\s,;<>\".]{2,}$")
SLACK_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,31}$")
AAD_OBJECT_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


class PersonStatus:
    ACTIVE = "active"
    PAUSED = "paused"
    OPTED_OUT = "opted-out"
    LEFT = "left"


@dataclass(frozen=True)
class RosterRow:
    """One validated roster line; None for schedule fields left empty (keep or default)."""

    line: int
    name: str
    email: str
    roles: str
    specialty: str
    timezone: str | None
    weekday: int | None
    local_time: str | None
    slack_user_id: str | None
    teams_user_id: str | None = None  # AAD (Entra ID) object id, lower case


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)  # emails
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deactivated: list[str] = field(default_factory=list)
    errors: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def failed_rows(self) -> int:
        """Rows with at least one error (a row may have several)."""
        return len({problem.line for problem in self.errors})

    @property
    def imported(self) -> int:
        return len(self.added) + len(self.updated) + len(self.unchanged)


# --- validation -------------------------------------------------------------------------------


def parse_roles(value: str) -> str:
    """'Physician; Lead' → 'physician;lead' (canonical order); ValueError names unknown roles."""
    given = [part.strip().lower() for part in value.split(";") if part.strip()]
    if not given:
        raise ValueError(f"role is empty; expected one or more of {', '.join(ROLES)} separated by ';'")
    unknown = [role for role in given if role not in ROLES]
    if unknown:
        raise ValueError(f"unknown role(s) {', '.join(repr(r) for r in unknown)}; "
                         f"expected {', '.join(ROLES)} (several separated by ';')")
    return ";".join(role for role in ROLES if role in given)


class RowInvalid(ValueError):
    """A roster row with one or more problems, each naming the column, the value and what is allowed."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def validate_row(line: int, row: dict[str, str]) -> RosterRow:
    """Check one row; raise RowInvalid listing every problem found, not just the first."""
    problems: list[str] = []
    problem = extra_fields(row, len(REQUIRED_COLUMNS + OPTIONAL_COLUMNS))
    if problem and is_empty_row(row):
        raise RowInvalid([problem])  # not "name is empty; email '' is not…" for a line of commas
    if problem:
        problems.append(problem)
    name = " ".join(row.get("name", "").split())
    if not name:
        problems.append("name is empty")
    email = row.get("email", "").lower()
    if not EMAIL.match(email):
        problems.append(f"email {row.get('email', '')!r} is not a valid email address")
    roles = ""
    try:
        roles = parse_roles(row.get("role", ""))
    except ValueError as error:
        problems.append(str(error))
    timezone = row.get("timezone") or None
    if timezone is not None and not is_timezone(timezone):
        problems.append(f"timezone {timezone!r} is not an IANA time zone name like America/Chicago")
    weekday = None
    if row.get("weekday"):
        try:
            weekday = parse_weekday(row["weekday"])
        except ValueError:
            problems.append(f"weekday {row['weekday']!r} is not a weekday name (monday … sunday, or mon … sun)")
    local_time = None
    if row.get("time"):
        try:
            local_time = parse_clock_time(row["time"]).strftime("%H:%M")
        except ValueError:
            problems.append(f"time {row['time']!r} is not a 24-hour time like 09:00 (00:00 to 23:59)")
    slack_user_id = row.get("slack_user_id") or None
    if slack_user_id is not None and not SLACK_USER_ID.match(slack_user_id):
        problems.append(f"slack_user_id {slack_user_id!r} is not a Slack member id like U0123ABCD "
                        "(Profile → ⋮ → Copy member ID)")
    teams_user_id = (row.get("teams_user_id") or "").strip().lower() or None
    if teams_user_id is not None and not AAD_OBJECT_ID.match(teams_user_id):
        problems.append(f"teams_user_id {row['teams_user_id']!r} is not an Entra ID (AAD) object id like "
                        "3f2504e0-4f89-11d3-9a0c-0305e82c3301 (Entra admin center → Users → Object ID)")
    if problems:
        raise RowInvalid(problems)
    return RosterRow(line, name, email, roles, normalise_specialty(row.get("specialty")),
                     timezone, weekday, local_time, slack_user_id, teams_user_id)


# --- import -----------------------------------------------------------------------------------


def import_roster(services: Services, rows_or_file: CsvSource, now: datetime, *,
                  deactivate_missing: bool = False, progress: Progress | None = None,
                  lookup_progress: Progress | None = None) -> ImportReport:
    """Import a roster CSV: validate, resolve Slack ids by email, then upsert in one transaction.

    Args:
        services: config, database and chats (Slack lookups happen only if "slack" is in chats).
        rows_or_file: a path, an open text file, or parsed rows (dicts, numbered from line 2).
        now: aware UTC time stamped on created/updated people.
        deactivate_missing: mark active people whose email is not in the file as left.
        progress: called with a running row count while rows are validated.
        lookup_progress: called with a running count of Slack lookups (network calls).

    Raises:
        CsvFormatError: the header lacks a required column, or the file is unreadable.
    """
    rows, ignored = read_rows(rows_or_file, REQUIRED_COLUMNS, OPTIONAL_COLUMNS)
    report = ImportReport(rows=len(rows))
    if ignored:
        report.warnings.append(RowProblem(1, f"ignored unknown column(s) {', '.join(ignored)}"))
    valid, mentioned = _validate_all(rows, report, progress)
    _resolve_slack_ids(services, valid, report, lookup_progress)
    with services.db.transaction() as session:
        for row in valid:
            _upsert(session, services.config.prompts, row, now, report)
        if deactivate_missing:
            for person in list_people(session):
                if person.active and person.email.lower() not in mentioned:
                    person.active = False
                    person.updated_at = now
                    report.deactivated.append(person.email)
    logger.info("roster import: %d added, %d updated, %d failed", len(report.added),
                len(report.updated), report.failed_rows)
    return report


def _validate_all(rows: list[tuple[int, dict[str, str]]], report: ImportReport,
                  progress: Progress | None) -> tuple[list[RosterRow], set[str]]:
    valid: list[RosterRow] = []
    first_line_of: dict[str, int] = {}
    slack_line_of: dict[str, int] = {}
    teams_line_of: dict[str, int] = {}
    mentioned: set[str] = set()
    for line, raw in counted(rows, progress):
        mentioned.add(raw.get("email", "").lower())
        try:
            row = validate_row(line, raw)
        except RowInvalid as error:  # one problem each, all of them
            report.errors.extend(RowProblem(line, reason, raw.get("email", "")) for reason in error.problems)
            continue
        if row.email in first_line_of:
            report.errors.append(RowProblem(
                line, f"duplicate email {row.email} (first on line {first_line_of[row.email]})", row.email))
            continue
        if row.slack_user_id and row.slack_user_id in slack_line_of:
            report.errors.append(RowProblem(
                line, f"duplicate slack_user_id {row.slack_user_id} (first on line "
                f"{slack_line_of[row.slack_user_id]})", row.email))
            continue
        if row.teams_user_id and row.teams_user_id in teams_line_of:
            report.errors.append(RowProblem(
                line, f"duplicate teams_user_id {row.teams_user_id} (first on line "
                f"{teams_line_of[row.teams_user_id]})", row.email))
            continue
        first_line_of[row.email] = line
        if row.slack_user_id:
            slack_line_of[row.slack_user_id] = line
        if row.teams_user_id:
            teams_line_of[row.teams_user_id] = line
        valid.append(row)
    return valid, mentioned


def _resolve_slack_ids(services: Services, rows: list[RosterRow], report: ImportReport,
                       progress: Progress | None) -> None:
    """Fill missing Slack ids with users.lookupByEmail, outside any transaction (network)."""
    if "slack" not in services.chats:
        return
    needed = [row for row in rows if not row.slack_user_id]
    if not needed:
        return
    with services.db.transaction() as session:
        known = {email for email, in session.execute(
            select(func.lower(Person.email)).where(Person.slack_user_id.is_not(None)))}
    chat = services.chat("slack")
    lookups = 0
    for index, row in enumerate(rows):
        if row.slack_user_id or row.email in known:
            continue
        lookups += 1
        if progress is not None:
            progress(lookups)
        try:
            user_id = chat.lookup_user_by_email(row.email)
        except (PermanentSendError, TransientSendError) as error:
            report.warnings.append(RowProblem(
                row.line, f"Slack lookup for {row.email} failed ({error}); they can't be messaged "
                "on Slack until slack_user_id is filled in or the import is run again", row.email))
            continue
        if user_id:
            rows[index] = RosterRow(**{**row.__dict__, "slack_user_id": user_id})
        else:
            report.warnings.append(RowProblem(
                row.line, f"no Slack user has the email {row.email}; they can't be messaged on "
                "Slack until slack_user_id is filled in", row.email))


def _upsert(session: Session, defaults: PromptsConfig, row: RosterRow, now: datetime,
            report: ImportReport) -> None:
    person = find_person_by_email(session, row.email)
    if row.slack_user_id:
        holder = session.scalars(select(Person).where(Person.slack_user_id == row.slack_user_id)).first()
        if holder is not None and holder is not person:
            report.errors.append(RowProblem(
                row.line, f"slack_user_id {row.slack_user_id} already belongs to {holder.email}",
                row.email))
            return
    if row.teams_user_id:
        holder = session.scalars(select(Person).where(Person.teams_user_id == row.teams_user_id)).first()
        if holder is not None and holder is not person:
            report.errors.append(RowProblem(
                row.line, f"teams_user_id {row.teams_user_id} already belongs to {holder.email}", row.email))
            return
    if person is None:
        person = Person(email=row.email, created_at=now, active=True,
                        timezone=row.timezone or defaults.default_timezone,
                        weekday=defaults.default_weekday if row.weekday is None else row.weekday,
                        local_time=row.local_time or defaults.default_time.strftime("%H:%M"))
        _apply(person, row)
        person.updated_at = now
        session.add(person)
        session.flush()
        report.added.append(person.email)
        return
    before = _snapshot(person)
    _apply(person, row)
    if row.timezone:
        person.timezone = row.timezone
    if row.weekday is not None:
        person.weekday = row.weekday
    if row.local_time:
        person.local_time = row.local_time
    person.active = True  # back on the roster
    if _snapshot(person) == before:
        report.unchanged.append(person.email)
        return
    person.updated_at = now
    session.flush()
    report.updated.append(person.email)


def _apply(person: Person, row: RosterRow) -> None:
    person.name = row.name
    person.roles = row.roles
    person.specialty = row.specialty
    if row.slack_user_id and row.slack_user_id != person.slack_user_id:
        person.slack_user_id = row.slack_user_id
        person.slack_dm_channel = None  # a different user: open their DM afresh
    if row.teams_user_id:
        person.teams_user_id = row.teams_user_id


def _snapshot(person: Person) -> tuple:
    return (person.name, person.roles, person.specialty, person.timezone, person.weekday,
            person.local_time, person.slack_user_id, person.teams_user_id, person.active)


# --- queries ----------------------------------------------------------------------------------


def list_people(session: Session, include_inactive: bool = True) -> list[Person]:
    statement = select(Person).order_by(func.lower(Person.name), Person.email)
    if not include_inactive:
        statement = statement.where(Person.active.is_(True))
    return list(session.scalars(statement))


def remove_person(session: Session, email: str, now: datetime) -> Person | None:
    """Take someone off the roster (kept for history, sent nothing more); None if unknown."""
    person = find_person_by_email(session, email)
    if person is not None and person.active:
        person.active = False
        person.updated_at = now
    return person


def local_today(person: Person, now: datetime) -> date:
    return now.astimezone(ZoneInfo(person.timezone)).date()


def person_status(person: Person, now: datetime) -> str:
    """active, paused (`paused_until` is the local date questions resume), opted-out or left."""
    if not person.active:
        return PersonStatus.LEFT
    if person.opted_out_at is not None:
        return PersonStatus.OPTED_OUT
    paused_until = person.paused_until
    if paused_until is not None:
        if isinstance(paused_until, datetime):
            paused_until = paused_until.date()
        if local_today(person, now) < paused_until:
            return PersonStatus.PAUSED
    return PersonStatus.ACTIVE


def weekday_name(index: int) -> str:
    return WEEKDAYS[index].capitalize()

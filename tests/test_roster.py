"""Roster import: validation by line, Slack lookup by email, re-import in place, leaving."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.csvfile import CsvFormatError
from bot.roster import (
    find_person_by_email,
    import_roster,
    list_people,
    person_for_platform_user,
    person_status,
    remove_person,
)
from bot.services import build_services
from tests.conftest import RecordingChat, make_config, utc

NOW = utc(2026, 11, 23, 12, 0)
EXAMPLE = Path(__file__).parent / "data" / "roster_example.csv"
HEADER = "name,email,role,specialty,timezone,weekday,time,slack_user_id\n"


def csv(*lines: str) -> io.StringIO:
    return io.StringIO(HEADER + "".join(line + "\n" for line in lines))


@pytest.fixture
def slack_services(database_url):
    chat = RecordingChat(platform="slack")
    built = build_services(make_config(database_url), chats={"slack": chat})
    built.slack_chat = chat  # for the tests' convenience
    yield built
    built.db.dispose()


def people_by_email(services) -> dict:
    with services.db.transaction() as session:
        return {p.email: p for p in list_people(session)}


def test_example_file_imports_good_rows_and_reports_bad_ones_by_line(services):
    report = import_roster(services, EXAMPLE, NOW)
    assert not report.ok
    assert report.rows == 10
    assert report.added == ["maya.patel@example.org", "daniel.okafor@example.org",
                            "priya.shah@example.org", "kenji.mori@example.org"]
    reasons = {problem.line: problem.reason for problem in report.errors}
    assert sorted(reasons) == [4, 5, 7, 8, 9, 10]
    assert "Mars/Olympus_Mons" in reasons[4]
    assert "not-an-email" in reasons[5]
    assert "duplicate email maya.patel@example.org (first on line 2)" == reasons[7]
    assert "janitor" in reasons[8]
    assert "25:00" in reasons[9]
    assert "someday" in reasons[10]

    people = people_by_email(services)
    assert set(people) == set(report.added)
    daniel = people["daniel.okafor@example.org"]
    assert (daniel.specialty, daniel.weekday, daniel.local_time) == ("pediatrics", 2, "08:30")
    priya = people["priya.shah@example.org"]
    assert priya.roles == "staff;approver"
    assert not priya.is_physician
    # Empty schedule cells take the [prompts] defaults.
    assert (priya.timezone, priya.weekday, priya.local_time) == ("America/New_York", 1, "09:00")
    assert people["maya.patel@example.org"].roles == "physician;lead"
    assert people["maya.patel@example.org"].slack_user_id == "U0MAYA001"


def test_reimport_updates_in_place_and_never_duplicates(services):
    import_roster(services, csv("Dr. A,a@example.org,physician,cardiology,America/Chicago,mon,08:00,"), NOW)
    later = NOW + timedelta(days=1)
    report = import_roster(services, csv(
        "Dr. A Smith,A@Example.ORG,physician;approver,Dermatology,,,,",
        "Dr. B,b@example.org,physician,,Europe/London,fri,16:00,",
    ), later)
    assert report.ok
    assert report.updated == ["a@example.org"] and report.added == ["b@example.org"]
    people = people_by_email(services)
    assert len(people) == 2
    a = people["a@example.org"]
    assert (a.name, a.roles, a.specialty) == ("Dr. A Smith", "physician;approver", "dermatology")
    # Empty schedule cells keep what a known person already has.
    assert (a.timezone, a.weekday, a.local_time) == ("America/Chicago", 0, "08:00")
    assert a.updated_at == later and a.created_at == NOW
    same = import_roster(services, csv("Dr. A Smith,a@example.org,physician;approver,dermatology,,,,"), later)
    assert same.unchanged == ["a@example.org"] and not same.updated


def test_people_missing_from_a_reimport_stay_unless_deactivated(services):
    import_roster(services, csv("A,a@example.org,physician,,,,,", "B,b@example.org,physician,,,,,",
                                "C,c@example.org,staff,,,,,"), NOW)
    kept = import_roster(services, csv("A,a@example.org,physician,,,,,"), NOW)
    assert kept.deactivated == []
    assert all(p.active for p in people_by_email(services).values())

    report = import_roster(services, csv("A,a@example.org,physician,,,,,",
                                         "C,c@example.org,nobody,,,,,"), NOW, deactivate_missing=True)
    # B left; C's row failed, but C is in the file, so C stays.
    assert report.deactivated == ["b@example.org"]
    people = people_by_email(services)
    assert not people["b@example.org"].active and not people["b@example.org"].receives_questions
    assert people["c@example.org"].active
    assert person_status(people["b@example.org"], NOW) == "left"
    # Importing B again puts them back on the roster.
    import_roster(services, csv("B,b@example.org,physician,,,,,"), NOW)
    assert people_by_email(services)["b@example.org"].active


def test_missing_slack_ids_are_looked_up_by_email_when_slack_is_configured(slack_services):
    slack_services.slack_chat.emails = {"a@example.org": "U0AAA111"}
    report = import_roster(slack_services, csv("A,A@example.org,physician,,,,,",
                                               "B,b@example.org,physician,,,,,",
                                               "C,c@example.org,physician,,,,,U0CCC333"), NOW)
    assert report.ok
    assert [(w.line, w.key) for w in report.warnings] == [(3, "b@example.org")]
    assert "can't be messaged on Slack" in report.warnings[0].reason
    people = people_by_email(slack_services)
    assert people["a@example.org"].slack_user_id == "U0AAA111"
    assert people["b@example.org"].slack_user_id is None  # imported all the same
    assert people["c@example.org"].slack_user_id == "U0CCC333"
    with slack_services.db.transaction() as session:
        assert person_for_platform_user(session, "slack", "U0AAA111").email == "a@example.org"
        assert person_for_platform_user(session, "slack", "U0NOBODY") is None


def test_no_lookup_without_slack_and_a_known_id_is_kept(services, database_url):
    import_roster(services, csv("A,a@example.org,physician,,,,,U0AAA111"), NOW)
    assert import_roster(services, csv("A,a@example.org,physician,,,,,"), NOW).warnings == []
    chat = RecordingChat(platform="slack")
    with_slack = build_services(make_config(database_url), chats={"slack": chat})
    try:
        report = import_roster(with_slack, csv("A,a@example.org,physician,,,,,"), NOW)
    finally:
        with_slack.db.dispose()
    assert report.warnings == []  # not looked up again: already known
    assert people_by_email(services)["a@example.org"].slack_user_id == "U0AAA111"


def test_slack_ids_must_be_unique_and_well_formed(services):
    import_roster(services, csv("A,a@example.org,physician,,,,,U0AAA111"), NOW)
    report = import_roster(services, csv("B,b@example.org,physician,,,,,U0AAA111",
                                         "C,c@example.org,physician,,,,,not-an-id",
                                         "D,d@example.org,physician,,,,,U0DDD444",
                                         "E,e@example.org,physician,,,,,U0DDD444"), NOW)
    reasons = {p.line: p.reason for p in report.errors}
    assert "already belongs to a@example.org" in reasons[2]
    assert "not a Slack member id" in reasons[3]
    assert "first on line 4" in reasons[5]
    assert report.added == ["d@example.org"]


def test_missing_required_columns_are_named(services):
    with pytest.raises(CsvFormatError, match="missing required column.*email, role"):
        import_roster(services, io.StringIO("name,specialty\nA,cardiology\n"), NOW)
    with pytest.raises(CsvFormatError, match="empty"):
        import_roster(services, io.StringIO(""), NOW)


def test_optional_columns_may_be_left_out_and_unknown_ones_are_warned(services):
    report = import_roster(services, io.StringIO("Email,Name,Role,Pager\nz@example.org,Z,lead,123\n"), NOW)
    assert report.added == ["z@example.org"]
    assert report.warnings[0].line == 1 and "pager" in report.warnings[0].reason


def test_progress_is_called_per_row(services):
    counts = []
    rows = [f"P{i},p{i}@example.org,physician,,,,," for i in range(250)]
    report = import_roster(services, csv(*rows), NOW, progress=counts.append)
    assert len(report.added) == 250 and counts[-1] == 250


def test_remove_and_status_and_console_lookup(services):
    import_roster(services, csv("A,a@example.org,physician,,America/New_York,,,",
                                "B,b@example.org,physician,,,,,"), NOW)
    with services.db.transaction() as session:
        a = find_person_by_email(session, "A@EXAMPLE.org")
        assert person_for_platform_user(session, "console", "A@example.org").id == a.id
        assert person_status(a, NOW) == "active"
        a.paused_until = date(2026, 11, 30)
        assert person_status(a, NOW) == "paused"
        assert person_status(a, utc(2026, 11, 30, 12)) == "active"
        a.opted_out_at = NOW
        assert person_status(a, NOW) == "opted-out"
        assert remove_person(session, "b@example.org", NOW).active is False
        assert remove_person(session, "nobody@example.org", NOW) is None
        with pytest.raises(ValueError):
            person_for_platform_user(session, "fax", "123")


def test_cli_progress_counts_on_a_terminal_only():
    from bot.commands import Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal, pipe = Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        progress = Progress(stream, "roster rows checked")
        for count in range(1, 251):
            progress(count)
        progress.done()
    assert "roster rows checked: 200" in terminal.getvalue() and terminal.getvalue().endswith("\n")
    assert pipe.getvalue() == ""


def test_slack_lookups_report_progress(slack_services):
    counts = []
    import_roster(slack_services, csv(*[f"P{i},p{i}@example.org,staff,,,,," for i in range(30)]), NOW,
                  lookup_progress=counts.append)
    assert counts == list(range(1, 31))

"""What a black-box tester found with the `rounds` command (session 16), run as real subprocesses."""

from __future__ import annotations

from tests.test_cli import base_env, cli, rounds, write_config  # noqa: F401 (fixtures)


def config_error(tmp_path, base_env, extra: str) -> str:  # noqa: F811
    config = write_config(tmp_path, f"sqlite:///{tmp_path / 'x.db'}", extra)
    result = rounds("roster", "list", env=base_env, config=config, cwd=tmp_path, check_exit=2)
    assert result.stderr.startswith("rounds: config error: ")
    assert not (tmp_path / "x.db").exists()  # nothing half-started
    return result.stderr


def test_a_slot_without_a_template_is_reported_with_the_other_mistakes(tmp_path, base_env):  # noqa: F811
    stderr = config_error(tmp_path, base_env,
                          '[practice]\nphones = ["not a phone"]\n[calendar.slots]\ntiktok = ["mon 10:00"]\n')
    assert stderr.startswith("rounds: config error: 2 problems:")
    assert "practice.phones contains 'not a phone'" in stderr
    assert "calendar.slots.tiktok has no post template" in stderr and "facebook" in stderr


def test_every_bad_slot_is_reported_by_its_value(tmp_path, base_env):  # noqa: F811
    stderr = config_error(tmp_path, base_env,
                          '[calendar.slots]\nfacebook = ["mon 25:00", "someday 10:00", "tue 09:00"]\n')
    assert "2 problems:" in stderr
    assert "calendar.slots.facebook contains 'mon 25:00'" in stderr
    assert "calendar.slots.facebook contains 'someday 10:00'" in stderr
    assert "hour must be" not in stderr and "'tue 09:00'" not in stderr
    assert "mon, tue, wed, thu, fri, sat, sun" in stderr and "24-hour" in stderr


def test_every_bad_working_day_and_cross_key_mistake_is_reported(tmp_path, base_env):  # noqa: F811
    stderr = config_error(tmp_path, base_env,
                          '[practice]\nworking_days = ["mon", "funday", "someday"]\n'
                          '[slack]\nbot_token = "abc"\napi_url = "slack.com"\n'
                          '[drafts]\ntemplates_dir = "no-such-folder"\n')
    for words in ("practice.working_days contains 'funday'", "practice.working_days contains 'someday'",
                  "slack.bot_token", "slack.api_url = 'slack.com'", "drafts.templates_dir = 'no-such-folder'"):
        assert words in stderr


def test_roster_import_reports_every_problem_of_a_row_and_imports_the_good_rows(cli, tmp_path):  # noqa: F811
    roster = tmp_path / "roster.csv"
    roster.write_text("name,email,role,specialty,timezone,weekday,time\n"
                      "Dr. Ana Lee,ana.lee@example.org,physician,cardiology,Mars/Base,funday,25:00\n"
                      "Dr. Bo Kim,bo.kim@example.org,physician,dermatology,America/Chicago,tuesday,09:00\n")
    result = cli("roster", "import", str(roster), check_exit=1)
    errors = [line for line in result.stderr.splitlines() if ":2: error:" in line]
    assert len(errors) == 3, result.stderr
    assert "timezone 'Mars/Base'" in errors[0] and "IANA" in errors[0]
    assert "weekday 'funday'" in errors[1] and "monday" in errors[1]
    assert "time '25:00'" in errors[2] and "24-hour" in errors[2]
    assert "added    bo.kim@example.org" in result.stdout
    assert "1 of 2 rows imported" in result.stderr and "1 row(s) failed" in result.stderr


def test_report_shows_the_period_as_given_and_counts_the_whole_until_day(tmp_path, database_url, base_env):  # noqa: F811
    import json

    from bot.services import build_services
    from bot.store import Question
    from tests.conftest import make_config, utc
    from tests.metrics import scenario

    services = build_services(make_config(database_url), chats={})
    with services.db.transaction() as session:  # New York: EDT until Sun 1 Nov, then EST
        question = Question(specialty="", text="What do patients ask?", created_at=scenario.CREATED)
        session.add(question)
        session.flush()
        lee = scenario._person(session, "Dr. Ana Lee", "lee@example.org")
        for week, sent in (("2026-W44", utc(2026, 11, 1, 4, 30)),     # Sun 1 Nov 00:30 EST: first day
                           ("2026-W49", utc(2026, 12, 7, 4, 30)),     # Sun 6 Dec 23:30 EST: last day
                           ("2026-W50", utc(2026, 12, 7, 5, 30)),     # Mon 7 Dec 00:30: after it
                           ("2026-W43", utc(2026, 10, 31, 12)),       # Sat 31 Oct: the period before
                           ("2026-W39", utc(2026, 9, 26, 4, 30)),     # Sat 26 Sep 00:30 EDT: its first day
                           ("2026-W38", utc(2026, 9, 26, 3, 30))):    # Fri 25 Sep 23:30 EDT: before both
            scenario._prompt(session, lee, question, week, sent)
    services.db.dispose()
    config = write_config(tmp_path, database_url)
    period = ("report", "--since", "2026-11-01", "--until", "2026-12-06")

    table = rounds(*period, env=base_env, config=config, cwd=tmp_path).stdout
    assert table.splitlines()[0] == ("2026-11-01 – 2026-12-06 (America/New_York), "
                                     "compared with 2026-09-26 – 2026-10-31")
    data = json.loads(rounds(*period, "--format", "json", env=base_env, config=config, cwd=tmp_path).stdout)
    assert (data["since"], data["until"]) == ("2026-11-01", "2026-12-06")
    assert (data["previous_since"], data["previous_until"]) == ("2026-09-26", "2026-10-31")
    assert data["current"]["questions_sent"] == 2 and data["previous"]["questions_sent"] == 2
    lines = rounds(*period, "--format", "csv", env=base_env, config=config, cwd=tmp_path).stdout.splitlines()
    assert lines[:3] == ["metric,current,previous", "since,2026-11-01,2026-09-26", "until,2026-12-06,2026-10-31"]
    assert "questions_sent,2,2" in lines


def test_an_emptied_list_of_practice_names_is_refused_like_the_other_required_facts(tmp_path, base_env):  # noqa: F811
    stderr = config_error(tmp_path, base_env, '[practice]\nnames = []\nphones = []\n')
    assert "practice.names = [] is not allowed" in stderr and "at least one practice name" in stderr
    assert "sign off" in stderr and "practice.phones = [] is not allowed" in stderr


def test_a_lookup_in_the_default_database_points_to_the_consoles_when_it_is_there(tmp_path, base_env):  # noqa: F811
    import subprocess

    from tests.test_cli import ANSWER, EXAMPLE_ROSTER, ROUNDS

    script = "\n".join((":as Maya", ":next", ANSWER, ":advance 15m", ":quit")) + "\n"
    played = subprocess.run([str(ROUNDS), "console", "--roster", str(EXAMPLE_ROSTER)], input=script, cwd=tmp_path,
                            env=base_env, capture_output=True, text=True, timeout=120)
    assert played.returncode == 0 and "(answer 1)" in played.stdout, played.stderr
    assert (tmp_path / "rounds-console.db").is_file() and not (tmp_path / "rounds.db").exists()

    result = rounds("drafts", "show", "1", env=base_env, config=None, cwd=tmp_path, check_exit=1)
    assert "No answer with id 1." in result.stdout
    assert ("the console keeps its data in rounds-console.db: add --database sqlite:///rounds-console.db "
            "(rounds --database sqlite:///rounds-console.db drafts show 1)") in result.stderr
    hinted = rounds("--database", "sqlite:///rounds-console.db", "drafts", "show", "1", env=base_env, config=None,
                    cwd=tmp_path)
    assert hinted.stdout.startswith("Drafts for answer 1: Dr. Maya Patel") and "console keeps" not in hinted.stderr

    (tmp_path / "rounds-console.db").unlink()  # no console database: no hint
    assert "console keeps" not in rounds("drafts", "show", "1", env=base_env, config=None, cwd=tmp_path,
                                         check_exit=1).stderr

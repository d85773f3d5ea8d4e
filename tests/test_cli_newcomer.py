"""What a new user hit with the `rounds` command (issue 11), run as real subprocesses."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from bot import audit
from bot.services import build_services
from tests.conftest import make_config
from tests.test_cli import ROUNDS, base_env, cli, rounds, write_config  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_ROSTER = ROOT / "examples" / "roster.csv"


def test_roster_list_shows_no_weekday_or_time_for_staff(cli):  # noqa: F811
    cli("roster", "import", str(EXAMPLE_ROSTER))
    lines = cli("roster", "list").stdout.splitlines()
    staff = next(line for line in lines if "tom.becker@example.org" in line)
    physician = next(line for line in lines if "maya.patel@example.org" in line)
    assert "Tue" in physician and "09:00" in physician
    assert not re.search(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b", staff) and "09:00" not in staff


def test_roster_list_and_its_csv_show_no_day_or_time_for_staff_even_if_the_import_had_one(cli, tmp_path):  # noqa: F811
    roster = tmp_path / "roster.csv"
    roster.write_text("name,email,role,specialty,timezone,weekday,time,slack_user_id\n"
                      "Dr. Ana Lee,ana.lee@example.org,physician,cardiology,America/New_York,wednesday,08:30,U0ANA\n"
                      "Pat Reyes,pat.reyes@example.org,staff,,America/New_York,wednesday,08:30,U0PAT\n"
                      "Lou Chen,lou.chen@example.org,approver;lead,,America/Chicago,friday,10:15,U0LOU\n")
    cli("roster", "import", str(roster))
    lines = cli("roster", "list").stdout.splitlines()
    for email in ("pat.reyes@example.org", "lou.chen@example.org"):
        line = next(line for line in lines if email in line)
        assert not re.search(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b", line) and not re.search(r"\d\d:\d\d", line)
    assert re.search(r"Wed\s+08:30", next(line for line in lines if "ana.lee@example.org" in line))
    exported = cli("roster", "list", "--csv").stdout
    rows = {row.split(",")[1]: row.split(",") for row in exported.splitlines()[1:]}
    assert rows["pat.reyes@example.org"][5:7] == ["", ""] and rows["lou.chen@example.org"][5:7] == ["", ""]
    assert rows["ana.lee@example.org"][5:7] == ["wednesday", "08:30"]
    backup = tmp_path / "backup.csv"
    backup.write_text(exported)
    cli("roster", "import", str(backup))  # the export imports as it is, changing nothing
    assert cli("roster", "list", "--csv").stdout == exported


def test_a_closed_pipe_ends_a_command_quietly(tmp_path, database_url, base_env):  # noqa: F811
    config = write_config(tmp_path, database_url)
    services = build_services(make_config(database_url))
    with services.db.transaction() as session:
        for index in range(3000):  # well over a pipe's 64 KiB buffer
            audit.record(session, subject="answer", subject_id=index, action="received",
                         now=datetime(2026, 11, 2, tzinfo=UTC))
    services.db.dispose()
    env = dict(base_env, ROUNDS_CONFIG=str(config))
    process = subprocess.Popen([str(ROUNDS), "audit", "export", "--since", "2026-11-01", "--format", "csv"],
                               cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.readline()  # like `| head -1`: read a line, then go away
    process.stdout.close()
    stderr = process.stderr.read().decode()
    process.wait(60)
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr and "Exception ignored" not in stderr
    assert stderr == ""


def test_hootsuite_export_needs_exactly_one_channel(cli):  # noqa: F811
    for extra in ((), ("--channel", "facebook", "--channel", "x")):
        result = cli("calendar", "export", "--format", "hootsuite", "--all", *extra, check_exit=2)
        assert "one file per social profile" in result.stderr and "--channel" in result.stderr
    assert cli("calendar", "export", "--format", "hootsuite", "--all", "--channel", "facebook").returncode == 0


def test_a_config_with_several_mistakes_reports_them_all_at_once(tmp_path, base_env):  # noqa: F811
    config = write_config(tmp_path, f"sqlite:///{tmp_path / 'x.db'}",
                          '[prompts]\nnudge_after_hours = 0\ndefault_timezone = "Mars/Base"\n'
                          '[server]\nport = 99999\n[practice]\nphones = ["not a phone"]\n')
    result = rounds("roster", "list", env=base_env, config=config, cwd=tmp_path, check_exit=2)
    assert result.stderr.startswith("rounds: config error: 4 problems:")
    for key in ("prompts.nudge_after_hours", "prompts.default_timezone", "server.port", "'not a phone'"):
        assert key in result.stderr


def test_a_calendar_slot_for_a_channel_without_a_template_is_refused(tmp_path, base_env):  # noqa: F811
    config = write_config(tmp_path, f"sqlite:///{tmp_path / 'x.db'}", '[calendar.slots]\ntiktok = ["mon 10:00"]\n')
    result = rounds("roster", "list", env=base_env, config=config, cwd=tmp_path, check_exit=2)
    assert "calendar.slots.tiktok has no post template" in result.stderr and "facebook" in result.stderr


def readme_console_lines() -> list[str]:
    """The README's console walkthrough, as typed: each `> ` line without its aligned comment."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Try it in the console")[1].split("\n## ")[0]
    return [re.split(r"\s{2,}", line[2:])[0] for line in section.splitlines() if line.startswith("> ")]


def test_the_console_clock_resumes_where_it_was_left_even_if_nothing_was_sent(tmp_path, base_env):  # noqa: F811
    """`:advance 3h` with nothing due, `:quit`, reopen: the clock is where it was left, not back
    at the last message (the README promises it resumes where the database left off)."""
    def play(*lines: str) -> str:
        result = subprocess.run([str(ROUNDS), "console", "--now", "2026-11-30T14:15:00Z"], cwd=tmp_path,
                                env=base_env, input="\n".join((*lines, ":quit")) + "\n", capture_output=True,
                                text=True, timeout=60)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        return result.stdout

    first = play(":now", ":advance 3h", ":now")
    assert "Console time: Mon 2026-11-30 14:15 UTC" in first
    assert "Console time: Mon 2026-11-30 17:15 UTC" in first
    assert "Console time: Mon 2026-11-30 17:15 UTC" in play(":now")


def test_the_readme_console_walkthrough_runs_as_written(tmp_path, base_env):  # noqa: F811
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "roster.csv").write_bytes(EXAMPLE_ROSTER.read_bytes())
    lines = readme_console_lines()
    assert lines[1] == ":as Maya" and lines[-1] == "1"
    result = subprocess.run([str(ROUNDS), "console", "--roster", "examples/roster.csv"], cwd=tmp_path,
                            env=base_env, input="\n".join(lines) + "\n", capture_output=True, text=True,
                            timeout=120)
    out = result.stdout
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    for refusal in ("No one on the roster matches", "Unknown command", "Nothing to click", "Error:"):
        assert refusal not in out
    assert "You are now Dr. Maya Patel" in out and "You are now Priya Shah" in out
    assert "(you clicked [1] Approve on #" in out and "Approved by Priya Shah" in out
    # Its own demo database, not rounds.db; a restart resumes the clock past what it saw.
    assert (tmp_path / "rounds-console.db").is_file() and not (tmp_path / "rounds.db").exists()
    moved_to = re.search(r"Clock moved to \w+ (\S+ \S+) UTC", out).group(1)
    again = subprocess.run([str(ROUNDS), "console"], cwd=tmp_path, env=base_env, input=":now\n",
                           capture_output=True, text=True, timeout=60).stdout
    resumed = re.search(r"Console time: \w+ (\S+ \S+) UTC", again).group(1)
    assert resumed >= moved_to

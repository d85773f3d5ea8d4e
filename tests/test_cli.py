"""The `rounds` command, run as a real subprocess the way an operator runs it."""

from __future__ import annotations

import csv
import io
import logging
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

ROUNDS = Path(sys.executable).parent / "rounds"
EXAMPLE = Path(__file__).parent / "data" / "roster_example.csv"

SUBCOMMANDS = [
    ["run"], ["serve"], ["console"], ["tick"],
    ["roster"], ["roster", "import"], ["roster", "list"], ["roster", "remove"],
    ["questions"], ["questions", "list"], ["questions", "add"], ["questions", "import"],
    ["db"], ["db", "upgrade"],
]


@pytest.fixture(scope="module")
def base_env(tmp_path_factory) -> dict[str, str]:
    """No Slack or Rounds settings from outside; compiled bytecode cached outside the tree
    (with PYTHONDONTWRITEBYTECODE each subprocess recompiles everything and takes seconds)."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLACK_", "ROUNDS_", "Microsoft")) and k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path_factory.mktemp("pycache"))
    return env


def write_config(folder: Path, database_url: str, extra: str = "") -> Path:
    config = folder / "config.toml"
    config.write_text(f'[database]\nurl = "{database_url}"\n{extra}', encoding="utf-8")
    return config


def rounds(*args: str, env: dict[str, str], config: Path | None, cwd: Path,
           check_exit: int | None = 0):
    env = dict(env)
    if config is not None:
        env["ROUNDS_CONFIG"] = str(config)
    result = subprocess.run([str(ROUNDS), *args], cwd=cwd, env=env, capture_output=True,
                            text=True, timeout=60)
    if check_exit is not None:
        assert result.returncode == check_exit, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def cli(tmp_path, database_url, base_env):
    """Run `rounds` with ROUNDS_CONFIG pointing at a config for this test's database."""
    config = write_config(tmp_path, database_url)

    def run(*args: str, check_exit: int | None = 0):
        return rounds(*args, env=base_env, config=config, cwd=tmp_path, check_exit=check_exit)

    return run


def _every_command() -> list[list[str]]:
    """Every command and subcommand the parser knows, so a new one cannot ship without --help examples."""
    import argparse

    from bot.cli import build_parser

    found: list[list[str]] = []

    def walk(parser: argparse.ArgumentParser, path: list[str]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    found.append([*path, name])
                    walk(sub, [*path, name])

    walk(build_parser(), [])
    return found


def test_every_command_has_help_with_examples(tmp_path, base_env):
    commands = _every_command()
    assert len(commands) > len(SUBCOMMANDS)
    for args in commands:
        result = rounds(*args, "--help", env=base_env, config=None, cwd=tmp_path)
        assert result.stdout.startswith(f"usage: rounds {' '.join(args)}"), args
        assert "examples:" in result.stdout, args


def test_help_on_the_command_and_every_subcommand(tmp_path, base_env):
    top = rounds("--help", env=base_env, config=None, cwd=tmp_path)
    for name in ("run", "serve", "console", "tick", "roster", "questions", "db"):
        assert name in top.stdout
    for args in SUBCOMMANDS:
        result = rounds(*args, "--help", env=base_env, config=None, cwd=tmp_path)
        assert result.stdout.startswith(f"usage: rounds {' '.join(args)}"), args
        assert "examples:" in result.stdout, args
    assert not (tmp_path / "rounds.db").exists()  # help touches no database


def test_python_dash_m_bot_is_the_same_command(tmp_path, base_env):
    result = subprocess.run([sys.executable, "-m", "bot", "--help"], cwd=tmp_path, env=base_env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("usage: rounds")


def test_a_group_without_a_command_shows_its_help(tmp_path, base_env):
    result = rounds("roster", env=base_env, config=None, cwd=tmp_path, check_exit=2)
    assert "import" in result.stderr and "list" in result.stderr


def test_defaults_without_config_use_rounds_db_in_the_current_folder(tmp_path, base_env):
    result = rounds("db", "upgrade", env=base_env, config=None, cwd=tmp_path)
    assert (tmp_path / "rounds.db").is_file()
    assert "starter questions" in result.stdout


@pytest.mark.parametrize("extra, key", [
    ("[prompts]\nnudge_after_hours = 0\n", "prompts.nudge_after_hours"),
    ('[prompts]\ndefault_timezone = "Mars/Base"\n', "prompts.default_timezone"),
    ("[server]\nport = 99999\n", "server.port"),
])
def test_a_bad_config_value_exits_2_naming_the_key(tmp_path, base_env, extra, key):
    config = write_config(tmp_path, f"sqlite:///{tmp_path / 'x.db'}", extra)
    for args in (["db", "upgrade"], ["roster", "list"], ["tick"]):
        result = rounds(*args, env=base_env, config=config, cwd=tmp_path, check_exit=2)
        assert result.stderr.startswith("rounds: config error: ") and key in result.stderr
    assert not (tmp_path / "x.db").exists()  # nothing half-started


def test_a_missing_config_file_is_a_config_error(tmp_path, base_env):
    result = rounds("roster", "list", env=base_env, config=tmp_path / "nope.toml", cwd=tmp_path, check_exit=2)
    assert "rounds: config error:" in result.stderr and "nope.toml" in result.stderr


def test_db_upgrade_migrates_and_seeds_once(cli):
    first = cli("db", "upgrade")
    assert "up to date" in first.stdout and "seeded the question bank" in first.stdout
    assert "seeded" not in cli("db", "upgrade").stdout


def test_roster_import_reports_bad_lines_imports_good_rows_and_reimports_in_place(cli, tmp_path):
    result = cli("roster", "import", str(EXAMPLE), check_exit=1)
    for line in (4, 5, 7, 8, 9, 10):
        assert f"roster_example.csv:{line}: error:" in result.stderr
    for email in ("maya.patel@example.org", "daniel.okafor@example.org", "priya.shah@example.org",
                  "kenji.mori@example.org"):
        assert f"added    {email}" in result.stdout
    assert "4 of 10 rows imported" in result.stderr and "6 row(s) failed" in result.stderr

    fixed = tmp_path / "fixed.csv"
    fixed.write_text(
        "name,email,role,specialty,timezone,weekday,time,slack_user_id\n"
        "Dr. Maya Patel-Ng,MAYA.PATEL@example.org,physician;lead,cardiology,America/Chicago,,,\n"
        "Dr. Bad Zone,bad.zone@example.org,physician,neurology,America/Denver,tuesday,09:00,\n",
        encoding="utf-8")
    again = cli("roster", "import", str(fixed))
    assert "updated  maya.patel@example.org" in again.stdout
    assert "added    bad.zone@example.org" in again.stdout

    listing = cli("roster", "list").stdout
    assert listing.count("maya.patel@example.org") == 1
    assert "Dr. Maya Patel-Ng" in listing and "America/Chicago" in listing
    header = listing.splitlines()[0]
    for column in ("NAME", "EMAIL", "ROLES", "SPECIALTY", "TIME ZONE", "DAY", "TIME", "SLACK ID", "STATUS"):
        assert column in header
    assert "U0MAYA001" in listing  # kept: the re-import left slack_user_id empty

    cli("roster", "remove", "kenji.mori@example.org")
    kenji = next(line for line in cli("roster", "list").stdout.splitlines() if "kenji" in line)
    assert kenji.rstrip().endswith("left")
    assert cli("roster", "remove", "nobody@example.org", check_exit=2).stderr.startswith("rounds: nobody")

    exported = cli("roster", "list", "--csv").stdout
    assert exported.startswith("name,email,role,specialty,timezone,weekday,time,slack_user_id,teams_user_id\n")


def test_roster_teams_user_id_column_is_validated_and_exported(cli, tmp_path):
    lee_id = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
    roster = tmp_path / "teams.csv"
    roster.write_text(
        "name,email,role,teams_user_id\n"
        f"Dr. Ana Lee,lee@example.org,physician,{lee_id.upper()}\n"
        "Sam Ortiz,sam@example.org,approver,U0SAM0001\n"
        f"Jo Park,jo@example.org,approver,{lee_id}\n"
        "Kim Reyes,kim@example.org,staff,\n"
        "Lou Chen,lou@example.org,lead,3f2504e0-4f89-11d3-9a0c-0305e82c330\n",
        encoding="utf-8")
    result = cli("roster", "import", str(roster), check_exit=1)
    assert "teams.csv:3: error: teams_user_id 'U0SAM0001' is not an Entra ID (AAD) object id" in result.stderr
    assert f"teams.csv:4: error: duplicate teams_user_id {lee_id} (first on line 2)" in result.stderr
    assert "teams.csv:6: error: teams_user_id '3f2504e0-4f89-11d3-9a0c-0305e82c330' is not" in result.stderr
    assert "2 of 5 rows imported" in result.stderr

    exported = cli("roster", "list", "--csv").stdout
    rows = {row["email"]: row for row in csv.DictReader(io.StringIO(exported))}
    assert rows["lee@example.org"]["teams_user_id"] == lee_id  # stored in lower case, as Teams sends it
    assert rows["kim@example.org"]["teams_user_id"] == ""

    taken = tmp_path / "taken.csv"
    taken.write_text(f"name,email,role,teams_user_id\nKim Reyes,kim@example.org,staff,{lee_id}\n", encoding="utf-8")
    assert f"taken.csv:2: error: teams_user_id {lee_id} already belongs to lee@example.org" in cli(
        "roster", "import", str(taken), check_exit=1).stderr
    export = tmp_path / "export.csv"
    export.write_text(exported, encoding="utf-8")
    assert "(0 added, 0 updated, 2 unchanged)" in cli("roster", "import", str(export)).stderr  # round trip


def test_roster_import_of_a_file_with_wrong_columns_or_missing_file(cli, tmp_path):
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("full name,mail\nA,a@example.org\n", encoding="utf-8")
    result = cli("roster", "import", str(wrong), check_exit=2)
    assert "missing required column(s) name, email, role" in result.stderr
    assert "not found" in cli("roster", "import", str(tmp_path / "none.csv"), check_exit=2).stderr


def test_questions_list_add_and_import(cli, tmp_path):
    listing = cli("questions", "list")
    assert "cardiology" in listing.stdout and "general" in listing.stdout
    cardiology = cli("questions", "list", "--specialty", "Cardiology").stdout.splitlines()[2:]
    assert cardiology and all("cardiology" in line for line in cardiology)

    added = cli("questions", "add", "--specialty", "Podiatry", "What should runners know about shoes?")
    assert "added question" in added.stdout and "(podiatry)" in added.stdout
    again = cli("questions", "add", "--specialty", "podiatry", "What should runners know about shoes?")
    assert "already in the bank" in again.stdout
    assert "the question text is empty" in cli("questions", "add", "  ", check_exit=2).stderr
    podiatry = cli("questions", "list", "--specialty", "podiatry").stdout
    assert "What should runners know about shoes?" in podiatry

    bank = tmp_path / "bank.csv"
    bank.write_text("specialty,text\npodiatry,How should people care for their feet in winter?\n"
                    "podiatry,\n,What's a habit worth starting this month?\n", encoding="utf-8")
    imported = cli("questions", "import", str(bank), check_exit=1)
    assert "bank.csv:3: error: the question text is empty" in imported.stderr
    assert "2 added" in imported.stderr
    assert "winter" in cli("questions", "list", "--specialty", "podiatry").stdout


def test_tick_needs_an_offset_and_prints_a_summary(cli):
    naive = cli("tick", "--now", "2026-12-01T09:00:00", check_exit=2)
    assert "no UTC offset" in naive.stderr and "2026-12-01T09:00:00Z" in naive.stderr
    result = cli("tick", "--now", "2026-12-01T14:00:00Z")
    assert result.stdout.startswith("tick at 2026-12-01T14:00:00Z: ")
    assert len(result.stdout.strip().splitlines()) == 1


def test_serve_without_slack_credentials_says_what_to_set(cli):
    result = cli("serve", check_exit=2)
    assert "slack.bot_token" in result.stderr and "rounds console" in result.stderr


def _added_before(database_url: str, when: datetime) -> None:
    """People added at `when`: someone added after this week's slot starts next week, so a test
    that imports through the CLI (on the real clock) and then ticks at a fixed instant sets it."""
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE people SET created_at = :when"), {"when": when})
    engine.dispose()


def test_example_roster_then_tick_sends_the_weekly_questions(cli, database_url):
    example = Path(__file__).resolve().parent.parent / "examples" / "roster.csv"
    assert "6 added" in cli("roster", "import", str(example)).stderr
    _added_before(database_url, datetime(2026, 11, 23, tzinfo=UTC))  # the import ran on the real clock
    # Tuesday 1 December 2026, 09:05 in New York: Dr. Patel's slot (and Monday's catch-up).
    first = cli("tick", "--now", "2026-12-01T14:05:00Z").stdout
    assert "questions sent 2" in first
    assert "questions sent 0" in cli("tick", "--now", "2026-12-01T14:05:00Z").stdout  # once


def test_roster_import_looks_up_slack_ids_by_email_through_the_slack_api(tmp_path, base_env):
    from tests.fake_slack import FakeSlack

    roster = tmp_path / "roster.csv"
    roster.write_text("name,email,role\nDr. A,a@example.org,physician\nDr. B,b@example.org,physician\n",
                      encoding="utf-8")
    with FakeSlack(emails={"A@example.org": "U0AAA111"}) as slack:
        config = write_config(tmp_path, f"sqlite:///{tmp_path / 'slack.db'}",
                              f'[slack]\nbot_token = "xoxb-test"\nsigning_secret = "s"\n'
                              f'api_url = "{slack.url}"\n')
        result = rounds("roster", "import", str(roster), env=base_env, config=config, cwd=tmp_path)
        looked_up = [call.method for call in slack.calls if call.method == "users.lookupByEmail"]
    assert len(looked_up) == 2
    assert "roster.csv:3: warning: no Slack user has the email b@example.org" in result.stderr
    listing = rounds("roster", "list", env=base_env, config=config, cwd=tmp_path).stdout
    assert "U0AAA111" in listing


def test_chat_sdk_debug_logs_stay_off_even_at_vv(tmp_path):
    """slack_sdk logs message bodies at DEBUG; with -vv Rounds still keeps them at INFO."""
    code = ("import logging, sys; from bot.cli import main; main(['-vv', 'questions', 'list']); "
            "print(logging.getLogger('slack_sdk').getEffectiveLevel(), logging.getLogger('bot').getEffectiveLevel())")
    env = {**os.environ, "ROUNDS_DATABASE_URL": f"sqlite:///{tmp_path / 'r.db'}", "ROUNDS_CONFIG": ""}
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == f"{logging.INFO} {logging.DEBUG}"


# --- issue 10: the example roster, the console piped in, `rounds drafts show`, exports ---------
# The same steps the README's example posts come from.

EXAMPLE_ROSTER = Path(__file__).resolve().parent.parent / "examples" / "roster.csv"
ANSWER = ("They ask whether chest pain always means a heart attack. Usually it doesn't: muscle strain, "
          "heartburn and anxiety are common causes. But chest pain with shortness of breath, sweating, or "
          "pain spreading to the arm or jaw needs 911 right away. If you are unsure, call us: we would "
          "rather see you & reassure you.")
NEW_X = "Chest pain is not always a heart attack, but get it checked. https://example.org"
HTML = re.compile(r"<[a-zA-Z/][^>]*>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")


CONSOLE_START = "2026-11-30T12:00:00Z"  # Monday, before anyone's slot: the same messages whatever the real date


def console(env: dict[str, str], tmp_path: Path, *lines: str) -> str:
    """Run `rounds console` (the `cli` fixture's config) with these lines piped in, then :quit."""
    script = "\n".join((*lines, ":quit")) + "\n"
    env = dict(env, ROUNDS_CONFIG=str(tmp_path / "config.toml"))
    result = subprocess.run([str(ROUNDS), "console", "--now", CONSOLE_START], input=script, cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    return result.stdout


def test_drafts_show_prints_what_will_be_posted_with_the_original_beside_an_edit(cli, base_env, tmp_path,
                                                                                database_url):
    assert "6 added" in cli("roster", "import", str(EXAMPLE_ROSTER)).stderr
    _added_before(database_url, datetime(2026, 11, 23, tzinfo=UTC))
    out = console(base_env, tmp_path, ":as Maya", ":next", ANSWER, ":advance 15m")
    card = out.split("Rounds in #marketing:")[-1]
    assert "(answer 1)" in card and "[5] Show all drafts" in card
    assert "What do new patients ask you most about heart health?" not in card

    before = cli("drafts", "show", "1").stdout
    assert "== X [thread of 2, longest " in before and "TOO LONG" not in before
    assert "Common questions about heart health, answered" in before  # the bank's public topic
    assert "What do new patients ask" not in before
    assert "link in our bio" in before and "(edited)" not in before

    out = console(base_env, tmp_path, ":as Priya Shah", ":choose 2 #5", "", "", "", "", NEW_X, "2", ":drafts 1")
    assert "Saved. The drafts wait for approval." in out
    assert f"X ({len(NEW_X) - len('https://example.org') + 23}/280, edited)\n    {NEW_X}" in out  # :drafts 1

    after = cli("drafts", "show", "1").stdout
    x_block = after.split("== X [")[-1]
    assert x_block.startswith(f"{len(NEW_X) - len('https://example.org') + 23}/280]  (edited) ==\n{NEW_X}\n")
    assert "-- original draft, before the edit --\nCommon questions about heart health, answered" in x_block
    for block in after.split("\n== ")[1:]:
        assert not HTML.search(block), block  # readable text, the blog too
    assert "rather see you & reassure you." in after


HELD_EDIT = "My patient John Smith at 617-555-0123 had a racing heart."


def test_drafts_show_and_console_drafts_say_an_edited_answer_is_held_and_show_no_stale_drafts(cli, base_env, tmp_path,
                                                                                              database_url):
    """A clean answer with its card, then an edit that is held: no held text, no drafts of the old version."""
    cli("roster", "import", str(EXAMPLE_ROSTER))
    _added_before(database_url, datetime(2026, 11, 23, tzinfo=UTC))
    out = console(base_env, tmp_path, ":as Maya", ":next", ANSWER, ":advance 15m", f":edit 3 {HELD_EDIT}",
                  ":as Priya Shah", ":drafts 1")
    assert "(your message #3)" in out  # the answer (#2 is the other physician's question)
    assert "Withdrawn" in out.split("Rounds in #marketing (updated):")[-1]
    drafts_reply = out.split("Rounds in #marketing (updated):")[-1]
    assert "Answer 1 is held" in drafts_reply and "(a name, a phone number)" in drafts_reply
    assert "All drafts for answer 1" not in drafts_reply and "Common questions about heart health" not in drafts_reply

    shown = cli("drafts", "show", "1").stdout
    assert "John Smith" not in shown and "617-555-0123" not in shown, shown
    assert "held" in shown and "(a name, a phone number)" in shown
    assert "== " not in shown and "chest pain" not in shown, "no drafts of the superseded clean version"


def test_exports_people_read_are_text_and_html_is_only_in_the_html_export(cli, base_env, tmp_path, database_url):
    cli("roster", "import", str(EXAMPLE_ROSTER))
    _added_before(database_url, datetime(2026, 11, 23, tzinfo=UTC))
    console(base_env, tmp_path, ":as Maya", ":next", ANSWER, ":advance 15m", ":as Priya Shah", ":choose 1 #5")
    # (read as at the console's start: 'upcoming' on the real clock empties once the post's slot has passed)
    at = ("--now", CONSOLE_START)
    csv_text = cli("calendar", "export", "--format", "csv", "--all", *at).stdout
    hootsuite = "".join(cli("calendar", "export", "--format", "hootsuite", "--all", "--channel", channel, *at).stdout
                        for channel in ("blog", "facebook", "instagram", "linkedin", "x"))  # one file per profile
    html = cli("calendar", "export", "--format", "html", "--all", "--channel", "blog", *at).stdout
    assert "rather see you & reassure you." in csv_text and "rather see you & reassure you." in hootsuite
    assert not HTML.search(csv_text) and not HTML.search(hootsuite)
    assert "<p>" in html and "see you &amp; reassure you." in html and "&amp;amp;" not in html
    assert '<a href="https://example.org/?utm_source=blog&amp;utm_medium=social' in html
    rows = list(csv.reader(io.StringIO(hootsuite)))
    assert len(rows) == 6  # five channels, the X thread as two rows
    thread = [row for row in rows if "utm_source=x" in row[1] or row[1].endswith("(1/2)")]
    assert [row[1][-5:] for row in thread] == ["(1/2)", "(2/2)"] and thread[0][0] != thread[1][0]

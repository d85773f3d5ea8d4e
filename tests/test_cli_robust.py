"""What a black-box tester found with the `rounds` command (session 17), run as real subprocesses."""

from __future__ import annotations

import json
import subprocess

from tests.test_cli import ROUNDS, base_env, cli, rounds, write_config  # noqa: F401 (fixtures)


def run_bytes(args: list[str], data: bytes, env: dict, cwd, config=None, strict: bool = False):
    """`rounds ARGS < data`; `strict` decodes stdin as a UTF-8 terminal locale does (errors are errors)."""
    env = {**env, "LC_ALL": "C.UTF-8"}
    if strict:
        env["PYTHONIOENCODING"] = "utf-8:strict"
    if config is not None:
        env["ROUNDS_CONFIG"] = str(config)
    result = subprocess.run([str(ROUNDS), *args], input=data, cwd=cwd, env=env, capture_output=True, timeout=60)
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    return result.returncode, result.stdout.decode("utf-8", "replace"), stderr


def sqlite(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'rounds.db'}"


# --- 1. text the screen cannot encode ----------------------------------------------------------


def test_screen_takes_lone_surrogates_and_bad_bytes_and_screens_every_line(tmp_path, base_env):  # noqa: F811
    config = write_config(tmp_path, sqlite(tmp_path))
    lines = (b'{"id":1,"text":"Call \\ud800 John Smith at 608-555-0142"}\n'
             b'{"id":2,"text":"ok text"}\n'
             b'{"id":3,"text":"caf\xff \xfe bytes"}\n')
    status, out, err = run_bytes(["screen"], lines, base_env, tmp_path, config, strict=True)
    results = [json.loads(line) for line in out.splitlines()]
    assert status == 0, err
    assert [r["id"] for r in results] == [1, 2, 3]
    first = results[0]
    assert first["verdict"] == "block"
    phone = [f for f in first["findings"] if f["kind"] == "phone"]
    text = "Call \ud800 John Smith at 608-555-0142"
    assert phone and text[phone[0]["start"]:phone[0]["end"]] == "608-555-0142"  # offsets into the input


def test_inbox_check_takes_control_characters_and_bad_bytes(tmp_path, base_env):  # noqa: F811
    config = write_config(tmp_path, sqlite(tmp_path))
    for strict in (False, True):
        status, out, err = run_bytes(["inbox", "check"], b"\x00\x01\xff\xfe bad bytes\n", base_env, tmp_path,
                                     config, strict)
        assert status == 0 and "Looks fine" in out, (out, err)
    draft = tmp_path / "draft.txt"
    draft.write_bytes(b"We saw you last week \xff\xfe!\n")
    status, out, err = run_bytes(["inbox", "check", str(draft)], b"", base_env, tmp_path, config)
    assert status == 1 and "Confirms someone is a patient" in out, (out, err)


def test_the_console_takes_bad_bytes_as_a_message(tmp_path, base_env):  # noqa: F811
    from tests.test_cli import EXAMPLE

    script = b":as Maya\n" + b"caf\xff \xed\xa0\x80 answer text\n:quit\n"
    for strict in (False, True):
        status, out, err = run_bytes(["console", "--roster", str(EXAMPLE)], script, base_env, tmp_path,
                                     strict=strict)
        assert status == 0 and "Error:" not in out, (out, err)


# --- 2. dates, times and durations out of range ------------------------------------------------

OUT_OF_RANGE = [
    (["answers", "purge", "--older-than", "99999999999"], "use 1 to 36500 days"),
    (["answers", "purge", "--older-than", "1000000", "--dry-run"], "use 1 to 36500 days"),
    (["tick", "--now", "9999-12-31T23:59Z"], "2000-01-01 to 2099-12-31"),
    (["tick", "--now", "0001-01-01T00:00Z"], "2000-01-01 to 2099-12-31"),
    (["console", "--now", "9999-12-31T23:59Z"], "2000-01-01 to 2099-12-31"),
    (["calendar", "--week", "9999-W52"], "2000-01-01 to 2099-12-31"),
    (["calendar", "export", "--week", "1999-W01", "--format", "csv"], "2000-01-01 to 2099-12-31"),
    (["report", "--since", "0001-01-01"], "2000-01-01 to 2099-12-31"),
    (["report", "--since", "2026-11-01", "--until", "9999-12-31"], "2000-01-01 to 2099-12-31"),
    (["inbox", "status", "--date", "9999-12-31"], "2000-01-01 to 2099-12-31"),
    (["inbox", "swap", "--week", "9999-W52", "--to", "a@example.org"], "2000-01-01 to 2099-12-31"),
    (["audit", "export", "--since", "2026-01-01", "--until", "9999-12-31", "--format", "csv"],
     "2000-01-01 to 2099-12-31"),
]


def test_out_of_range_dates_times_and_days_are_usage_errors_that_change_nothing(tmp_path, base_env):  # noqa: F811
    config = write_config(tmp_path, f"sqlite:///{tmp_path / 'fresh.db'}")
    for args, allowed in OUT_OF_RANGE:
        result = rounds(*args, env=base_env, config=config, cwd=tmp_path, check_exit=None)
        assert result.returncode == 2 and "out of range" in result.stderr and allowed in result.stderr, (args, result)
    assert not (tmp_path / "fresh.db").exists()  # refused before anything was written


def test_the_ends_of_the_range_work(tmp_path, base_env):  # noqa: F811
    config = write_config(tmp_path, sqlite(tmp_path))
    for args in (["tick", "--now", "2099-12-31T23:59Z"], ["tick", "--now", "2000-01-01T00:00Z"],
                 ["report", "--since", "2000-01-01", "--until", "2099-12-31"], ["calendar", "--week", "2099-W53"],
                 ["answers", "purge", "--older-than", "36500", "--dry-run"]):
        rounds(*args, env=base_env, config=config, cwd=tmp_path)


def test_the_console_clock_stays_in_range(tmp_path, base_env):  # noqa: F811
    from tests.test_cli import EXAMPLE

    script = b":as Maya\n:advance 99999w\n:advance 4000w\n:advance 1d\n:now\n:quit\n"
    status, out, err = run_bytes(["console", "--roster", str(EXAMPLE), "--now", "2026-12-01T12:00Z"], script,
                                 base_env, tmp_path)
    assert status == 0 and "Error:" not in out, (out, err)
    assert out.count("further ahead than the calendar goes: Rounds works with days from 2000-01-01 to 2099-12-31") == 2
    assert "Clock moved forward 1d." in out and "Console time: Wed 2026-12-02" in out


def test_the_console_does_not_resume_past_the_end_of_the_calendar(tmp_path, base_env):  # noqa: F811
    """A database written at year 9999 before times were checked: the console opens at today."""
    from datetime import UTC, datetime

    from bot.audit import record
    from bot.store import Database, upgrade

    url = "sqlite:///" + str(tmp_path / "rounds-console.db")
    upgrade(url)
    database = Database(url)
    with database.transaction() as session:
        record(session, subject="answer", subject_id=1, action="edited", now=datetime(9999, 12, 31, 23, 59, tzinfo=UTC))
    database.dispose()
    status, out, err = run_bytes(["console"], b":advance 1d\n:quit\n", base_env, tmp_path)
    assert status == 0 and "Error:" not in out and "Console time: " in out and "9999" not in out, (out, err)
    assert "Clock moved forward 1d." in out


# --- 3. output files that cannot be written ----------------------------------------------------

APP_ID = "8a9c2f4e-1b2d-4c3e-9f00-112233445566"


def test_every_output_path_that_cannot_be_written_is_one_clear_line(tmp_path, base_env):  # noqa: F811
    config = write_config(tmp_path, sqlite(tmp_path))
    env = {**base_env, "MicrosoftAppId": APP_ID, "MicrosoftAppPassword": "secret"}
    missing = tmp_path / "no-such-folder"
    for args, target in (
        (["report", "--since", "2026-11-01", "--chart"], missing / "x.png"),
        (["report", "--since", "2026-11-01", "--chart"], tmp_path),
        (["calendar", "export", "--format", "csv", "--output"], missing / "x.csv"),
        (["audit", "export", "--since", "2026-11-01", "--format", "csv", "--output"], missing / "x.csv"),
        (["teams", "package", "--domain", "rounds.example.org", "--output"], missing / "x.zip"),
    ):
        result = rounds(*args, str(target), env=env, config=config, cwd=tmp_path, check_exit=2)
        assert result.stderr.startswith(f"rounds: cannot write {target}: "), (args, result.stderr)
        assert "give a file in an existing folder that you can write to" in result.stderr
    assert not missing.exists()


# --- 5. policy reset without a policy ----------------------------------------------------------


def test_policy_reset_without_a_policy_says_so_and_changes_nothing(tmp_path, base_env):  # noqa: F811
    from datetime import UTC, datetime

    from sqlalchemy import func, select, update

    from bot.store import AuditEvent, Database, Person
    from tests.test_cli import EXAMPLE

    url = sqlite(tmp_path)
    config = write_config(tmp_path, url)
    rounds("roster", "import", str(EXAMPLE), env=base_env, config=config, cwd=tmp_path, check_exit=1)  # 6 bad rows
    database = Database(url)
    read_at = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    with database.transaction() as session:
        session.execute(update(Person).values(policy_acknowledged_at=read_at))
    result = rounds("policy", "reset", env=base_env, config=config, cwd=tmp_path)  # like `policy show`: exit 0
    assert result.stdout.startswith("No policy is configured ([policy] url is empty): there is nothing to reset, "
                                    "and nothing was changed. Set [policy] url")
    assert "will get the policy again" not in result.stdout
    with database.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Person)
                              .where(Person.policy_acknowledged_at.is_(None))) == 0
        assert session.scalar(select(func.count()).select_from(AuditEvent)
                              .where(AuditEvent.action == "policy_reset")) == 0
    configured = write_config(tmp_path, url, '[policy]\nurl = "https://example.org/policy"\n')
    result = rounds("policy", "reset", env=base_env, config=configured, cwd=tmp_path)
    assert "people will get the policy again" in result.stdout
    database.dispose()


# --- 6. rows that are not imported are all reported --------------------------------------------


def test_questions_import_reports_a_row_of_only_commas_with_its_line(cli, tmp_path):  # noqa: F811
    source = tmp_path / "questions.csv"
    source.write_text("specialty,text\ncardiology,What do patients ask about stents?\n,\n\nfoo\n,,\n", encoding="utf-8")
    result = cli("questions", "import", str(source), check_exit=1)
    assert f"{source}:3: error: the row has no values (only commas)" in result.stderr
    assert f"{source}:5: error: the question text is empty" in result.stderr
    assert f"{source}:6: error: the row has no values (only commas)" in result.stderr
    assert ":4:" not in result.stderr  # a blank line is no row
    assert "1 added" in result.stderr and "3 line(s) failed" in result.stderr


def test_roster_import_reports_a_row_of_only_commas_once(cli, tmp_path):  # noqa: F811
    source = tmp_path / "roster.csv"
    source.write_text("name,email,role\n,,\nAna Lee,ana@example.org,physician\n", encoding="utf-8")
    result = cli("roster", "import", str(source), check_exit=1)
    assert result.stderr.splitlines()[0] == (f"{source}:2: error: the row has no values (only commas): "
                                             "fill it in or delete the line")
    assert "1 of 2 rows imported" in result.stderr


# --- 7. the report's periods are whole dates ---------------------------------------------------


def test_report_up_to_now_compares_with_as_many_whole_days_before(cli):  # noqa: F811
    import re
    from datetime import UTC, date, datetime, timedelta

    since = (datetime.now(UTC) - timedelta(days=12)).date()
    first = cli("report", "--since", since.isoformat()).stdout.splitlines()[0]
    shape = re.fullmatch(r"(\S+) – (\S+) \(America/New_York, today up to \d\d:\d\d\), compared with (\S+) – (\S+)",
                         first)
    assert shape, first
    start, last, previous_start, previous_last = (date.fromisoformat(day) for day in shape.groups())
    assert start == since and previous_last == since - timedelta(days=1)
    assert (last - start) == (previous_last - previous_start)
    data = json.loads(cli("report", "--since", since.isoformat(), "--format", "json").stdout)
    assert {data[key] for key in ("since", "until", "previous_since", "previous_until")} == {
        day.isoformat() for day in (start, last, previous_start, previous_last)}


# --- 8. the Teams package needs the app id only, and a valid one -------------------------------


def test_teams_package_needs_only_a_valid_app_id(tmp_path, base_env):  # noqa: F811
    import zipfile

    output = tmp_path / "rounds-teams.zip"
    args = ("teams", "package", "--domain", "rounds.example.org", "--output", str(output))
    rounds(*args, env={**base_env, "MicrosoftAppId": APP_ID}, config=None, cwd=tmp_path)
    with zipfile.ZipFile(output) as archive:
        assert json.loads(archive.read("manifest.json"))["bots"][0]["botId"] == APP_ID
    output.unlink()
    for bad in ("notaguid", APP_ID + "0", "{" + APP_ID + "}"):
        result = rounds(*args, env={**base_env, "MicrosoftAppId": bad, "MicrosoftAppPassword": "pw"}, config=None,
                        cwd=tmp_path, check_exit=2)
        assert f"teams.app_id (or MicrosoftAppId) = {bad!r} is not an app id: expected the bot's Microsoft App ID, " \
               "a GUID like 00000000-0000-0000-0000-000000000000" in result.stderr
    assert not output.exists()
    # Sending still needs the password: serve and tick say so.
    result = rounds("tick", env={**base_env, "MicrosoftAppId": APP_ID}, config=None, cwd=tmp_path, check_exit=2)
    assert "teams.app_password (or MicrosoftAppPassword) is missing" in result.stderr


# --- a full output device ----------------------------------------------------------------------


def test_a_full_output_device_is_one_line_not_a_traceback(tmp_path, base_env):  # noqa: F811
    """`> /dev/full` (a full disk) fails every write: one line saying so, exit 1, for stdout and --output."""
    database = ["--database", sqlite(tmp_path)]
    for args, data in ((["screen"], b'{"id": 1, "text": "hi"}\n'),
                       ([*database, "audit", "export", "--since", "2026-01-01", "--format", "csv"], b""),
                       ([*database, "audit", "export", "--since", "2026-01-01", "--format", "csv",
                        "--output", "/dev/full"], b"")):
        with open("/dev/full", "wb") as full:
            result = subprocess.run([str(ROUNDS), *args], input=data, cwd=tmp_path, env=base_env,
                                    stdout=full, stderr=subprocess.PIPE, timeout=60)
        stderr = result.stderr.decode("utf-8", "replace")
        assert "Traceback" not in stderr and result.returncode == 1, (args, stderr)
        assert "cannot write: No space left on device" in stderr, stderr

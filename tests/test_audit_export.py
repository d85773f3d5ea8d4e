"""`rounds audit export`, run as a subprocess the way an operator (or an auditor) runs it."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import datetime

import pytest

from bot import audit
from bot.store import Database, Person, upgrade
from tests.conftest import utc


@pytest.fixture(scope="module")
def base_env(tmp_path_factory) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLACK_", "ROUNDS_", "Microsoft")) and k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path_factory.mktemp("pycache"))
    return env


@pytest.fixture
def trail(tmp_path):
    """A SQLite database with five audit rows on 2026-11-29 .. 2026-12-02."""
    url = f"sqlite:///{tmp_path / 'rounds.db'}"
    upgrade(url)
    db = Database(url)
    now = utc(2026, 11, 1)
    with db.transaction() as session:
        sam = Person(email="sam@example.org", name="Sam Ortiz, \"Marketing\"", roles="approver",
                     timezone="UTC", weekday=0, local_time="09:00", created_at=now, updated_at=now)
        session.add(sam)
        session.flush()
        audit.record(session, subject="answer", subject_id=1, action="received", now=utc(2026, 11, 29, 23, 59))
        audit.record(session, subject="answer", subject_id=1, action="screened", now=utc(2026, 11, 30, 0, 0),
                     verdict="ok", kinds=[])
        audit.record(session, subject="draft", subject_id=3, action="edited", now=utc(2026, 11, 30, 12, 0),
                     actor=sam, before="Old, text\nline", after="New ✓")
        audit.record(session, subject="answer", subject_id=1, action="approved", now=utc(2026, 12, 1, 23, 59, 59),
                     actor=sam)
        audit.record(session, subject="answer", subject_id=2, action="received", now=utc(2026, 12, 2, 0, 0))
        sam_id = sam.id
    db.dispose()
    return url, sam_id


def export(*args: str, url: str, env: dict[str, str], cwd, check_exit: int = 0):
    result = subprocess.run([sys.executable, "-m", "bot", "audit", "export", *args], cwd=cwd,
                            env={**env, "ROUNDS_DATABASE_URL": url}, capture_output=True, text=True, timeout=60)
    assert result.returncode == check_exit, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_csv_export_from_a_day_in_id_order(trail, base_env, tmp_path):
    url, sam_id = trail
    result = export("--since", "2026-11-30", "--format", "csv", url=url, env=base_env, cwd=tmp_path)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["id", "at", "actor", "actor_person_id", "subject", "subject_id", "action", "detail"]
    assert [r["action"] for r in rows] == ["screened", "edited", "approved", "received"]  # not the 29th
    assert [int(r["id"]) for r in rows] == sorted(int(r["id"]) for r in rows)
    screened, edited, approved, received = rows
    assert screened["at"] == "2026-11-30T00:00:00Z" and screened["actor"] == "rounds"
    assert screened["actor_person_id"] == "" and json.loads(screened["detail"]) == {"kinds": [], "verdict": "ok"}
    assert edited["actor"] == 'Sam Ortiz, "Marketing"' and edited["actor_person_id"] == str(sam_id)
    assert json.loads(edited["detail"]) == {"before": "Old, text\nline", "after": "New ✓"}  # quoted, round-trips
    assert (edited["subject"], edited["subject_id"]) == ("draft", "3")
    assert "4 row(s)" in result.stderr


def test_jsonl_export_with_until_is_inclusive_of_that_day(trail, base_env, tmp_path):
    url, sam_id = trail
    result = export("--since", "2026-11-29", "--until", "2026-12-01", "--format", "jsonl",
                    url=url, env=base_env, cwd=tmp_path)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["action"] for line in lines] == ["received", "screened", "edited", "approved"]
    approved = lines[-1]
    assert approved["at"] == "2026-12-01T23:59:59Z" and approved["actor_person_id"] == sam_id
    assert approved["detail"] == {} and isinstance(approved["id"], int)
    assert lines[2]["detail"]["after"] == "New ✓"


def test_output_file(trail, base_env, tmp_path):
    url, _ = trail
    target = tmp_path / "audit.csv"
    result = export("--since", "2026-01-01", "--format", "csv", "--output", str(target),
                    url=url, env=base_env, cwd=tmp_path)
    assert result.stdout == ""
    with target.open(newline="", encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 5
    assert f"5 row(s) to {target}" in result.stderr


def test_nothing_in_range_is_just_a_header(trail, base_env, tmp_path):
    url, _ = trail
    result = export("--since", "2030-01-01", "--format", "csv", url=url, env=base_env, cwd=tmp_path)
    assert result.stdout.splitlines() == ["id,at,actor,actor_person_id,subject,subject_id,action,detail"]
    assert "0 row(s)" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["--since", "30/11/2026"], "--since '30/11/2026' is not a date: use YYYY-MM-DD"),
    (["--since", "2026-02-30"], "--since '2026-02-30' is not a date"),
    (["--since", "2026-12-01", "--until", "yesterday"], "--until 'yesterday' is not a date"),
    (["--since", "2026-12-01", "--until", "2026-11-30"], "--until 2026-11-30 is before --since 2026-12-01"),
])
def test_bad_dates_are_clear_errors(trail, base_env, tmp_path, args, message):
    url, _ = trail
    result = export(*args, "--format", "csv", url=url, env=base_env, cwd=tmp_path, check_exit=2)
    assert message in result.stderr and result.stdout == ""


def test_format_is_required_and_checked(trail, base_env, tmp_path):
    url, _ = trail
    result = export("--since", "2026-12-01", "--format", "xml", url=url, env=base_env, cwd=tmp_path, check_exit=2)
    assert "invalid choice: 'xml'" in result.stderr


def test_help(base_env, tmp_path):
    result = export("--help", url="sqlite:///never-created.db", env=base_env, cwd=tmp_path)
    assert result.stdout.startswith("usage: rounds audit export")
    assert "--since" in result.stdout and "--format {csv,jsonl}" in result.stdout and "examples:" in result.stdout
    assert not (tmp_path / "never-created.db").exists()


def test_progress_counts_on_a_terminal_every_10000_rows():
    from bot.commands import Progress
    from bot.commands.audit import write_rows

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    stderr = Terminal()
    rows = ((i, datetime(2026, 1, 1, tzinfo=utc(2026, 1, 1).tzinfo), "rounds", None, "answer", i, "received", "{}")
            for i in range(1, 25_001))
    out = io.StringIO()
    assert write_rows(rows, "jsonl", out, Progress(stderr, "audit rows exported", 10_000)) == 25_000
    assert "audit rows exported: 10000" in stderr.getvalue() and "audit rows exported: 20000" in stderr.getvalue()
    assert "25000" not in stderr.getvalue()
    assert len(out.getvalue().splitlines()) == 25_000

"""`rounds inbox …` and `rounds tick` as real subprocesses, including two ticks at once on PostgreSQL."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.store import ConsoleMessage, Database, OutboxMessage
from tests.test_cli import ROUNDS, base_env, rounds, write_config  # noqa: F401 (base_env is a fixture)

INBOX = """
[practice]
timezone = "America/New_York"
phone = "(555) 010-0199"

[inbox]
reminder_time = "09:00"
deadline = "12:00"
rotation = "{rotation}"

[[inbox.accounts]]
name = "Facebook Page inbox"
url = "https://business.facebook.com/latest/inbox"
"""
ROSTER = """name,email,role,specialty,timezone,weekday,time,slack_user_id
Sam Ortiz,sam@example.org,staff,,America/New_York,tuesday,09:00,
Kim Reyes,kim@example.org,staff,,America/New_York,tuesday,09:00,
Lou Park,lou@example.org,staff,,America/New_York,tuesday,09:00,
Jo Lead,jo@example.org,lead,,America/New_York,tuesday,09:00,
"""
THU_0900 = "2026-12-03T09:00:00-05:00"


def setup_cli(tmp_path: Path, database_url: str, env: dict, rotation: str = "everyone"):
    config = write_config(tmp_path, database_url, INBOX.format(rotation=rotation))
    (tmp_path / "roster.csv").write_text(ROSTER, encoding="utf-8")

    def run(*args: str, check_exit: int | None = 0, stdin: str | None = None):
        if stdin is None:
            return rounds(*args, env=env, config=config, cwd=tmp_path, check_exit=check_exit)
        result = subprocess.run([str(ROUNDS), *args], cwd=tmp_path, env={**env, "ROUNDS_CONFIG": str(config)},
                                input=stdin, capture_output=True, text=True, timeout=60)
        assert check_exit is None or result.returncode == check_exit, (result.stdout, result.stderr)
        return result

    run("roster", "import", "roster.csv")
    return run


def test_help_on_every_inbox_command(tmp_path, base_env):  # noqa: F811
    for args in (["inbox"], ["inbox", "status"], ["inbox", "swap"], ["inbox", "replies"], ["inbox", "check"]):
        result = rounds(*args, "--help", env=base_env, config=None, cwd=tmp_path)
        assert result.stdout.startswith(f"usage: rounds {' '.join(args)}"), args
        assert "examples:" in result.stdout, args


def test_tick_status_swap_replies_and_check(tmp_path, database_url, base_env):  # noqa: F811
    run = setup_cli(tmp_path, database_url, base_env, rotation="weekly")
    assert "Not begun yet. On duty:" in run("inbox", "status", "--date", "2026-12-03").stdout
    run("inbox", "swap", "--week", "2026-W49", "--to", "lou@example.org")
    tick = run("tick", "--now", THU_0900)
    assert "inbox reminders 1" in tick.stdout
    status = run("inbox", "status", "--date", "2026-12-03").stdout
    assert "Lou Park" in status and "lou@example.org" in status and "9:00" in status and "Not done." in status
    assert "inbox escalations 1" in run("tick", "--now", "2026-12-03T12:00:00-05:00").stdout
    assert "Escalated to the leads at 12:00." in run("inbox", "status", "--date", "2026-12-03").stdout
    assert "Not a working day" in run("inbox", "status", "--date", "2026-12-05").stdout
    bad = run("inbox", "swap", "--week", "2026-W50", "--to", "nobody@example.org", check_exit=2)
    assert "nobody@example.org is not an active person on the roster" in bad.stderr
    assert "not an ISO week" in run("inbox", "swap", "--week", "2026-50", "--to", "lou@example.org",
                                    check_exit=2).stderr
    replies = run("inbox", "replies").stdout
    for kind in ("medical-advice", "complaint", "appointment", "compliment", "emergency"):
        assert f"[{kind}]" in replies
    assert replies.count("(555) 010-0199") == 5
    one = run("inbox", "replies", "emergency").stdout
    assert one.startswith("[emergency] Possible emergency") and "911" in one and "988" in one
    assert "known: medical-advice" in run("inbox", "replies", "nope", check_exit=2).stderr
    flagged = run("inbox", "check", stdin="As our patient, you should double your dose.", check_exit=1)
    assert '"As our patient"' in flagged.stdout and "Individual medical advice" in flagged.stdout
    clean = run("inbox", "check", stdin="Thank you for your message! Please call us at (555) 010-0199.")
    assert clean.stdout.startswith("✓ Looks fine to post")
    (tmp_path / "draft.txt").write_text("We saw you last week.", encoding="utf-8")
    assert '"We saw you"' in run("inbox", "check", "draft.txt", check_exit=1).stdout


def test_bad_inbox_config_names_the_key(tmp_path, database_url, base_env):  # noqa: F811
    config = write_config(tmp_path, database_url, '[inbox]\nrotation = "daily"\n')
    result = rounds("inbox", "status", env=base_env, config=config, cwd=tmp_path, check_exit=2)
    assert 'inbox.rotation = \'daily\' is not allowed: expected "everyone" or "weekly"' in result.stderr


@pytest.mark.postgres
def test_two_tick_processes_at_the_same_instant_send_one_reminder_each(tmp_path, postgres_url, base_env):  # noqa: F811
    run = setup_cli(tmp_path, postgres_url, base_env)
    env = {**base_env, "ROUNDS_CONFIG": str(tmp_path / "config.toml")}
    ticks = [subprocess.Popen([str(ROUNDS), "tick", "--now", THU_0900], cwd=tmp_path, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [tick.communicate(timeout=60) for tick in ticks]
    assert [tick.returncode for tick in ticks] == [0, 0], outputs
    reminders = sorted(int(out.split("inbox reminders ")[1].split(",")[0]) for out, _ in outputs)
    assert sum(reminders) == 3
    run("tick", "--now", "2026-12-03T09:05:00-05:00")
    db = Database(postgres_url)
    with db.transaction() as session:
        keys = session.scalars(select(OutboxMessage.key).where(OutboxMessage.key.like("inbox:remind:%"))).all()
        delivered = session.scalar(select(func.count()).select_from(ConsoleMessage)
                                   .where(ConsoleMessage.key.like("inbox:remind:%")))
    db.dispose()
    assert len(keys) == len(set(keys)) == 3
    assert delivered == 3

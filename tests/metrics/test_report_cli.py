"""`rounds report` as a subprocess: the same numbers as the digest, in table, CSV and JSON, and a chart."""

from __future__ import annotations

import json

from bot.services import build_services
from tests.conftest import make_config
from tests.metrics import scenario
from tests.test_cli import base_env, rounds, write_config  # noqa: F401  (fixture)


def test_report_formats_and_chart(tmp_path, database_url, base_env):  # noqa: F811
    services = build_services(make_config(database_url), chats={})
    scenario.build(services)
    services.db.dispose()
    config = write_config(tmp_path, database_url)

    def cli(*args, check_exit=0):
        return rounds(*args, env=base_env, config=config, cwd=tmp_path, check_exit=check_exit)

    period = ("--since", "2026-11-20", "--until", "2026-11-26")
    data = json.loads(cli("report", *period, "--format", "json", "--chart", "weeks.png").stdout)
    assert data["current"]["questions_sent"] == 2 and data["current"]["answered"] == 1
    assert data["current"]["response_rate"] == 0.5 and data["previous"]["response_rate"] == 1.0
    assert data["current"]["approved"] == 2 and data["current"]["slowest_approval"] == 72 * 3600
    assert [data[period]["inbox_" + kind] for period in ("current", "previous")
            for kind in ("on_time", "late", "missed")] == [2, 1, 1, 2, 1, 1]
    assert {p["name"] for p in data["physicians"]} == {"Dr. Ana Lee", "Dr. Bo Kim"}
    assert (tmp_path / "weeks.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    table = cli("report", *period).stdout
    assert "2026-11-20 – 2026-11-26 (America/New_York), compared with 2026-11-13 – 2026-11-19" in table
    assert any(line.split() == ["Questions", "sent", "2", "2", "±0"] for line in table.splitlines()), table
    csv_text = cli("report", *period, "--format", "csv").stdout
    assert csv_text.splitlines()[0] == "metric,current,previous"
    assert "answered,1,2" in csv_text.splitlines()
    assert "inbox_missed,1,1" in csv_text.splitlines()
    assert any(line.split() == ["Inbox", "checks", "late", "1", "1", "±0"] for line in table.splitlines()), table

    bad = cli("report", "--since", "2026-11-20", "--until", "2026-11-01", check_exit=2)
    assert "--until must not be before --since" in bad.stderr
    assert "--chart PNG" in cli("report", "--help").stdout

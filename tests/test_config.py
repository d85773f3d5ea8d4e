"""Config: defaults, environment secrets, and errors that name the key, the value and what is allowed."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from bot.config import SECTIONS, ConfigError, config_from_mapping, load_config

ROOT = Path(__file__).resolve().parent.parent


def test_defaults_run_console_on_sqlite():
    config = config_from_mapping({}, env={})
    assert config.database.url == "sqlite:///rounds.db"
    assert not config.slack.configured
    assert config.prompts.nudge_after_hours == 48


def test_example_config_is_valid_and_documents_every_section():
    raw = tomllib.loads((ROOT / "config.example.toml").read_text())
    config_from_mapping(raw, env={})
    assert set(raw) == SECTIONS  # every section the loader accepts is documented, and no other


def test_secrets_come_from_environment():
    config = config_from_mapping({}, env={"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s",
                                          "ROUNDS_DATABASE_URL": "postgresql+psycopg://x@h/db"})
    assert config.slack.bot_token == "xoxb-1" and config.slack.signing_secret == "s"
    assert config.database.url.startswith("postgresql")


@pytest.mark.parametrize("raw, words", [
    ({"prompts": {"nudge_after_hours": "soon"}}, ["prompts.nudge_after_hours", "'soon'", "a number"]),
    ({"prompts": {"default_timezone": "Mars/Olympus"}}, ["prompts.default_timezone", "IANA"]),
    ({"prompts": {"default_weekday": "funday"}}, ["prompts.default_weekday", "monday"]),
    ({"prompts": {"default_time": "9am"}}, ["prompts.default_time", "09:00"]),
    ({"prompts": {"quiet_hours": "late"}}, ["prompts.quiet_hours", "20:00-07:00"]),
    ({"server": {"port": 70000}}, ["server.port", "70000", "0 to 65535"]),
    ({"slack": {"bot_token": "abc"}}, ["slack.bot_token", "xoxb-"]),
    ({"slack": {"bot_token": "xoxb-1"}}, ["slack.signing_secret", "Socket Mode"]),
    ({"slack": {"api_url": "slack.com"}}, ["slack.api_url", "http"]),
    ({"slack": {"tokn": "x"}}, ["[slack]", "tokn", "allowed"]),
    ({"database": {"url": "mysql://x"}}, ["database.url", "postgresql"]),
    ({"nonsense": {}}, ["nonsense", "allowed"]),
    ({"calendar": {"slots": {"x": ["someday 10:00"]}}}, ["calendar.slots.x", "someday", "mon 10:00"]),
    ({"approvals": {"remind_after_hours": 50}}, ["approvals.escalate_after_hours", "more hours"]),
    ({"webhook": {"url": "https://hooks.example.org/x"}}, ["webhook.secret"]),
    ({"slack": {"marketing_channel": "#marketing"}}, ["slack.marketing_channel", "'#marketing'", "C…"]),
    ({"approvals": {"approvers": ["U0ANN", "bob"]}}, ["approvals.approvers contains 'bob'", "U…", "roster"]),
])
def test_errors_name_key_value_and_what_is_allowed(raw, words):
    with pytest.raises(ConfigError) as error:
        config_from_mapping(raw, env={})
    for word in words:
        assert word in str(error.value)


def test_missing_or_broken_file(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.toml", env={})
    broken = tmp_path / "broken.toml"
    broken.write_text("[slack\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(broken, env={})


def test_config_path_from_environment(tmp_path):
    file = tmp_path / "c.toml"
    file.write_text('[server]\nport = 8080\n')
    assert load_config(env={"ROUNDS_CONFIG": str(file)}).server.port == 8080


def test_every_wrong_value_in_a_file_is_reported_at_once(tmp_path):
    """A wrong value is replaced by its default while checking goes on, so one run names every mistake."""
    file = tmp_path / "config.toml"
    file.write_text('[prompts]\nquiet_hours = "25:00-07:00"\ndefault_weekday = "funday"\nnudge_after_hours = "two"\n'
                    'default_timezone = "Mars/Olympus"\n[practice]\nworking_days = ["mon", "xyz"]\n'
                    'holidays = ["2026-02-30"]\nhashtags = "nope"\n[calendar]\nslots = { x = ["someday 99:00"] }\n'
                    '[inbox]\nrotation = "daily"\naccounts = [{name = "", url = "x"}, {name = "FB", url = "ftp://x"}]\n')
    with pytest.raises(ConfigError) as error:
        load_config(file, env={})
    message = str(error.value)
    assert message.startswith("11 problems:")
    for key in ("prompts.quiet_hours", "prompts.default_weekday", "prompts.nudge_after_hours",
                "prompts.default_timezone", "practice.working_days", "practice.holidays", "practice.hashtags",
                "calendar.slots.x", "inbox.rotation", "inbox.accounts[0].name", "inbox.accounts[1].url"):
        assert key in message, key


def test_public_short_numbers_are_phones_and_nonsense_is_not():
    practice = config_from_mapping({"practice": {"phones": ["(614) 555-0100", "1-800-222-1222", "988", "911"]}},
                                   env={}).practice
    assert practice.phones == ("(614) 555-0100", "1-800-222-1222", "988", "911")
    with pytest.raises(ConfigError, match="practice.phones contains 'not a phone'"):
        config_from_mapping({"practice": {"phones": ["(614) 555-0100", "not a phone"]}}, env={})
    with pytest.raises(ConfigError, match="practice.phones contains '12'"):
        config_from_mapping({"practice": {"phones": ["12"]}}, env={})


def test_platform_ids_are_accepted():
    config = config_from_mapping({"slack": {"marketing_channel": "C0123ABCD"}, "approvals": {"approvers": [
        "U0123ABCD", "W0123ABCD", "29:1a2b3c", "8f0e7a1c-1234-4bcd-9ef0-0123456789ab"]}}, env={})
    assert config.slack.marketing_channel == "C0123ABCD" and len(config.approvals.approvers) == 4

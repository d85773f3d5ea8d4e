"""Configuration: `config.toml` loaded once into frozen, validated objects.

Every error names the key, the value and what is allowed, so a wrong config stops start-up
before anything half-starts. Handlers receive these objects; they never read `os.environ`.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bot.config.models import (  # noqa: F401 (the public names of bot.config)
    DEFAULT_DATABASE_URL,
    DEFAULT_SLACK_API_URL,
    DEFAULT_TEAMS_OPENID_METADATA_URL,
    LOOPBACK_HOSTS,
    WEEKDAYS,
    ApprovalsConfig,
    CalendarConfig,
    CalendarSlot,
    Config,
    ConfigError,
    DatabaseConfig,
    DraftsConfig,
    PolicyConfig,
    PracticeConfig,
    PromptsConfig,
    QuietHours,
    RetentionConfig,
    ServerConfig,
    SlackConfig,
    TeamsConfig,
    WebhookConfig,
)
from bot.config.sections import (
    _approvals,
    _calendar,
    _database,
    _drafts,
    _inbox,
    _policy,
    _practice,
    _prompts,
    _retention,
    _server,
    _slack,
    _teams,
    _webhook,
    check_against_templates,
    is_user_id_on,  # noqa: F401
    parse_slot,  # noqa: F401
)
from bot.config.values import collected_problems, is_phone_number, is_timezone, parse_clock_time, parse_weekday  # noqa: F401

SECTIONS = {"database", "slack", "teams", "server", "prompts", "practice", "drafts", "approvals", "calendar", "webhook",
            "policy", "retention", "inbox"}


def config_from_mapping(raw: Mapping[str, Any], env: Mapping[str, str] | None = None,
                        source: str = "defaults", for_sending: bool = True) -> Config:
    """Build a validated Config from parsed TOML plus secret environment variables.

    Every problem in the file is reported in one ConfigError (one line each), not just the
    first: a value that is wrong is replaced by its default to go on checking the rest.
    `for_sending=False` is for tools that only describe the bot (the Teams app package): the
    secrets a platform needs to send (teams.app_password) are not required then.
    """
    env = {} if env is None else env
    problems: list[str] = []
    token = collected_problems.set(problems)
    try:
        unknown = sorted(set(raw) - SECTIONS)
        if unknown:
            problems.append(f"unknown section(s) [{'], ['.join(unknown)}]; allowed: {', '.join(sorted(SECTIONS))}")

        def section(build, name: str, *args):
            try:
                return build(raw.get(name, {}), *args)
            except ConfigError as error:  # a check across keys of the section: go on with the next
                problems.append(str(error))
                return None

        server = section(_server, "server")
        config = Config(
            database=section(_database, "database", env), slack=section(_slack, "slack", env),
            teams=section(_teams, "teams", env, server or ServerConfig(), for_sending),
            server=server, prompts=section(_prompts, "prompts"),
            practice=section(_practice, "practice", Path(source).parent if source != "defaults" else None),
            drafts=section(_drafts, "drafts"),
            approvals=section(_approvals, "approvals"), calendar=section(_calendar, "calendar"),
            webhook=section(_webhook, "webhook", env), policy=section(_policy, "policy"),
            retention=section(_retention, "retention"), inbox=section(_inbox, "inbox"), source=source,
        )
        check_against_templates(config.drafts, config.calendar)  # same pass: reported with the rest
    finally:
        collected_problems.reset(token)
    if len(problems) == 1:
        raise ConfigError(problems[0])
    if problems:
        raise ConfigError(f"{len(problems)} problems:\n" + "\n".join(f"  {p}" for p in problems))
    return config


def load_config(path: str | os.PathLike[str] | None = None,
                env: Mapping[str, str] | None = None, for_sending: bool = True) -> Config:
    """Load `path`, else $ROUNDS_CONFIG, else ./config.toml if present, else defaults."""
    env = dict(os.environ) if env is None else env
    chosen = path or env.get("ROUNDS_CONFIG")
    if not chosen and Path("config.toml").is_file():
        chosen = "config.toml"
    if not chosen:
        return config_from_mapping({}, env, for_sending=for_sending)
    file = Path(chosen)
    if not file.is_file():
        raise ConfigError(f"config file {str(file)!r} not found; copy config.example.toml to start one")
    try:
        raw = tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{file}: not valid TOML ({error})") from None
    return config_from_mapping(raw, env, source=str(file), for_sending=for_sending)

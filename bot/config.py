"""Configuration: `config.toml` loaded once into frozen, validated objects.

Every error names the key, the value and what is allowed, so a wrong config stops start-up
before anything half-starts. Handlers receive these objects; they never read `os.environ`.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers

from bot.inbox.settings import KEYS as INBOX_KEYS
from bot.inbox.settings import InboxConfig, parse_inbox
from bot.workdays import MONDAY_TO_FRIDAY, WorkCalendar, holidays_from_ics

DEFAULT_DATABASE_URL = "sqlite:///rounds.db"
DEFAULT_SLACK_API_URL = "https://slack.com/api/"
DEFAULT_TEAMS_OPENID_METADATA_URL = "https://login.botframework.com/v1/.well-known/openidconfiguration"
LOOPBACK_HOSTS = ("127.0.0.1", "::1", "localhost")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class ConfigError(ValueError):
    """A config value is wrong; the message says which key, what value and what is allowed."""


@dataclass(frozen=True)
class DatabaseConfig:
    url: str = DEFAULT_DATABASE_URL


@dataclass(frozen=True)
class SlackConfig:
    bot_token: str = ""
    signing_secret: str = ""
    app_token: str = ""
    api_url: str = DEFAULT_SLACK_API_URL
    marketing_channel: str = ""
    # Client-side pacing for chat.postMessage, so a large fan-out stays under the workspace cap.
    # How many posts are in flight follows from it and the latency observed (bot/pacing.py).
    post_messages_per_second: float = 20.0
    conversations_open_per_second: float = 0.8  # Tier 3: about 50 a minute

    @property
    def configured(self) -> bool:
        return bool(self.bot_token)

    @property
    def socket_mode(self) -> bool:
        return bool(self.app_token)


@dataclass(frozen=True)
class TeamsConfig:
    """Microsoft Teams (Bot Framework): credentials, the marketing channel and pacing."""

    app_id: str = ""
    app_password: str = ""
    tenant_id: str = ""  # empty: multi-tenant bot
    marketing_channel: str = ""  # channel name or conversation id of the marketing team's channel
    allow_unauthenticated: bool = False  # local testing only; refused unless the server is on loopback
    openid_metadata_url: str = DEFAULT_TEAMS_OPENID_METADATA_URL
    sends_per_second: float = 7.0  # per conversation (Teams: 7 per second, 60 per 30 s)
    sends_per_30_seconds: int = 60
    tenant_requests_per_second: float = 50.0

    @property
    def configured(self) -> bool:
        return bool(self.app_id) or self.allow_unauthenticated


@dataclass(frozen=True)
class ServerConfig:
    host: str = "0.0.0.0"
    port: int = 3000
    tick_seconds: int = 30


@dataclass(frozen=True)
class QuietHours:
    """Local hours during which nudges wait; start > end means the window spans midnight."""

    start: time = time(20, 0)
    end: time = time(7, 0)

    def contains(self, local: time) -> bool:
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end


@dataclass(frozen=True)
class PromptsConfig:
    nudge_after_hours: float = 48.0
    quiet_hours: QuietHours = field(default_factory=QuietHours)
    default_weekday: int = 1  # Tuesday (Monday = 0)
    default_time: time = time(9, 0)
    default_timezone: str = "America/New_York"
    self_post: bool = False
    # A reply this many days after its question's week ended still answers that question
    # (people answer last week's question on Monday): it is kept, not thrown away.
    late_answer_days: int = 7


@dataclass(frozen=True)
class PracticeConfig:
    """Public facts about the practice; the guard treats every one of them as public, not PHI."""

    names: tuple[str, ...] = ("Our Practice",)
    phones: tuple[str, ...] = ("(555) 010-0100",)
    urls: tuple[str, ...] = ("https://example.org/",)
    timezone: str = "America/New_York"
    staff_names: tuple[str, ...] = ()
    places: tuple[str, ...] = ()  # the practice's own city, neighbourhoods, campuses: never a patient's place
    addresses: tuple[str, ...] = ()  # the practice's public street addresses
    hashtags: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    working_days: frozenset[int] = MONDAY_TO_FRIDAY
    holidays: frozenset[date] = frozenset()

    @property
    def calendar(self) -> WorkCalendar:
        """Working days and holidays in the practice's time zone (approval reminders, inbox checks)."""
        return WorkCalendar(self.timezone, self.working_days, self.holidays)

    @property
    def name(self) -> str:
        return self.names[0]

    @property
    def phone(self) -> str:
        return self.phones[0]

    @property
    def url(self) -> str:
        return self.urls[0]


@dataclass(frozen=True)
class DraftsConfig:
    templates_dir: str = ""  # folder whose files override or add to templates/posts/
    facebook_soft_limit: int = 1000


@dataclass(frozen=True)
class ApprovalsConfig:
    approvers: tuple[str, ...] = ()  # Slack user ids (U…); roster people with role "approver" also count
    approver_group: str = ""  # a Slack user group id (S…) whose members may approve
    settle_minutes: int = 10  # wait this long after the last change before posting the card
    remind_after_hours: float = 24.0
    escalate_after_hours: float = 48.0
    physician_signoff: bool = False  # substantial edits go back to the physician for a one-tap OK


@dataclass(frozen=True)
class CalendarSlot:
    weekday: int  # Monday = 0
    at: time


@dataclass(frozen=True)
class CalendarConfig:
    """Weekly posting slots per channel, in the practice's time zone."""

    slots: Mapping[str, tuple[CalendarSlot, ...]] = field(default_factory=lambda: {
        channel: (CalendarSlot(0, time(10, 0)), CalendarSlot(2, time(10, 0)), CalendarSlot(4, time(10, 0)))
        for channel in ("facebook", "instagram", "x", "linkedin", "blog")
    })
    planning_weekday: int = 3  # Thursday
    planning_time: time = time(14, 0)


@dataclass(frozen=True)
class WebhookConfig:
    url: str = ""
    secret: str = ""


@dataclass(frozen=True)
class PolicyConfig:
    """The practice's social-media policy: everyone acknowledges it before Rounds sends anything."""

    url: str = ""  # empty: no policy gate
    summary: str = ""


@dataclass(frozen=True)
class RetentionConfig:
    answer_days: int = 90
    time: time = time(3, 0)  # practice-local time of the daily purge


@dataclass(frozen=True)
class Config:
    database: DatabaseConfig = field(default_factory=DatabaseConfig)
    slack: SlackConfig = field(default_factory=SlackConfig)
    teams: TeamsConfig = field(default_factory=TeamsConfig)
    server: ServerConfig = field(default_factory=ServerConfig)
    prompts: PromptsConfig = field(default_factory=PromptsConfig)
    practice: PracticeConfig = field(default_factory=PracticeConfig)
    drafts: DraftsConfig = field(default_factory=DraftsConfig)
    approvals: ApprovalsConfig = field(default_factory=ApprovalsConfig)
    calendar: CalendarConfig = field(default_factory=CalendarConfig)
    webhook: WebhookConfig = field(default_factory=WebhookConfig)
    policy: PolicyConfig = field(default_factory=PolicyConfig)
    retention: RetentionConfig = field(default_factory=RetentionConfig)
    inbox: InboxConfig = field(default_factory=InboxConfig)
    source: str = "defaults"


# --- loading -------------------------------------------------------------------------------


# While a whole file is checked, problems are collected here instead of stopping at the first:
# someone fixing a config wants every mistake in one run, not one per run.
_problems: ContextVar[list[str] | None] = ContextVar("config_problems", default=None)


def _problem(error: ConfigError, fallback: Any) -> Any:
    """Record `error` and carry on with `fallback` while collecting; raise it otherwise."""
    problems = _problems.get()
    if problems is None:
        raise error
    problems.append(str(error))
    return fallback


class _Section:
    """Reads typed values out of one TOML table, naming `section.key` in every error."""

    def __init__(self, raw: Mapping[str, Any], name: str, known: set[str]):
        if not isinstance(raw, Mapping):
            raise ConfigError(f"[{name}] must be a table, got {raw!r}")
        unknown = sorted(set(raw) - known)
        if unknown:
            _problem(ConfigError(
                f"[{name}] has unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(known))}"
            ), None)
        self.raw, self.name = {k: v for k, v in raw.items() if k in known}, name

    def _bad(self, key: str, value: Any, allowed: str) -> ConfigError:
        return ConfigError(f"{self.name}.{key} = {value!r} is not allowed: expected {allowed}")

    def string(self, key: str, default: str) -> str:
        value = self.raw.get(key, default)
        if not isinstance(value, str):
            return _problem(self._bad(key, value, "a string"), default)
        return value

    def strings(self, key: str, default: tuple[str, ...], nonempty: bool = False) -> tuple[str, ...]:
        value = self.raw.get(key, default)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            return _problem(self._bad(key, value, "a string or a list of strings"), default)
        if nonempty and not value:
            return _problem(self._bad(key, value, "at least one value"), default)
        return tuple(value)

    def number(self, key: str, default: float, low: float, high: float) -> float:
        value = self.raw.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            return _problem(self._bad(key, value, f"a number from {low:g} to {high:g}"), float(default))
        return float(value)

    def integer(self, key: str, default: int, low: int, high: int) -> int:
        value = self.raw.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            return _problem(self._bad(key, value, f"a whole number from {low} to {high}"), default)
        return value

    def boolean(self, key: str, default: bool) -> bool:
        value = self.raw.get(key, default)
        if not isinstance(value, bool):
            return _problem(self._bad(key, value, "true or false"), default)
        return value

    def clock_time(self, key: str, default: time) -> time:
        value = self.raw.get(key, default.strftime("%H:%M"))
        try:
            return parse_clock_time(value)
        except ValueError:
            return _problem(self._bad(key, value, 'a 24-hour time like "09:00"'), default)

    def timezone(self, key: str, default: str) -> str:
        value = self.string(key, default)
        if not is_timezone(value):
            return _problem(self._bad(key, value, 'an IANA time zone name like "America/Chicago"'), default)
        return value

    def weekday(self, key: str, default: int) -> int:
        value = self.raw.get(key, WEEKDAYS[default])
        try:
            return parse_weekday(value)
        except ValueError:
            return _problem(self._bad(key, value, "a weekday name (monday … sunday)"), default)


def parse_clock_time(value: Any) -> time:
    """Parse "HH:MM" (24-hour); raise ValueError otherwise."""
    if isinstance(value, time):
        return value
    if not isinstance(value, str):
        raise ValueError(value)
    hours, _, minutes = value.strip().partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        raise ValueError(value)
    return time(int(hours), int(minutes))


def parse_weekday(value: Any) -> int:
    """Monday = 0; accepts full names and three-letter abbreviations, any case."""
    if isinstance(value, str):
        text = value.strip().lower()
        for index, name in enumerate(WEEKDAYS):
            if text in (name, name[:3]):
                return index
    raise ValueError(value)


def is_phone_number(text: str, region: str = "US") -> bool:
    """A number phonenumbers can read and that has a possible length (fictional 555s allowed)."""
    try:
        return phonenumbers.is_possible_number(phonenumbers.parse(text, region))
    except phonenumbers.NumberParseException:
        return False


def is_timezone(name: str) -> bool:
    if not name or name != name.strip():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _database(raw: Mapping[str, Any], env: Mapping[str, str]) -> DatabaseConfig:
    section = _Section(raw, "database", {"url"})
    url = env.get("ROUNDS_DATABASE_URL") or section.string("url", DEFAULT_DATABASE_URL)
    if not url.startswith(("sqlite", "postgresql")):
        raise ConfigError(
            f"database.url = {url!r} is not allowed: expected a sqlite:/// or postgresql+psycopg:// URL"
        )
    return DatabaseConfig(url=url)


def _slack(raw: Mapping[str, Any], env: Mapping[str, str]) -> SlackConfig:
    keys = {"bot_token", "signing_secret", "app_token", "api_url", "marketing_channel",
            "post_messages_per_second", "conversations_open_per_second",
            "send_concurrency"}  # accepted and ignored: the rate and observed latency decide it now
    section = _Section(raw, "slack", keys)
    config = SlackConfig(
        bot_token=env.get("SLACK_BOT_TOKEN") or section.string("bot_token", ""),
        signing_secret=env.get("SLACK_SIGNING_SECRET") or section.string("signing_secret", ""),
        app_token=env.get("SLACK_APP_TOKEN") or section.string("app_token", ""),
        api_url=section.string("api_url", DEFAULT_SLACK_API_URL),
        marketing_channel=section.string("marketing_channel", ""),
        post_messages_per_second=section.number("post_messages_per_second", 20.0, 0.1, 10000),
        conversations_open_per_second=section.number("conversations_open_per_second", 0.8, 0.01, 10000),
    )
    if config.bot_token and not config.bot_token.startswith("xoxb-"):
        raise ConfigError("slack.bot_token (or SLACK_BOT_TOKEN) is not allowed: expected a bot token "
                          "starting with xoxb-")
    if config.app_token and not config.app_token.startswith("xapp-"):
        raise ConfigError("slack.app_token (or SLACK_APP_TOKEN) is not allowed: expected an app-level "
                          "token starting with xapp- (or leave it empty for HTTP mode)")
    if config.bot_token and not config.app_token and not config.signing_secret:
        raise ConfigError("slack.signing_secret (or SLACK_SIGNING_SECRET) is missing: HTTP mode needs "
                          "it to verify requests; set it, or set slack.app_token for Socket Mode")
    if not config.api_url.startswith(("http://", "https://")):
        raise ConfigError(f"slack.api_url = {config.api_url!r} is not allowed: expected an http(s) URL")
    if not config.api_url.endswith("/"):
        config = SlackConfig(**{**config.__dict__, "api_url": config.api_url + "/"})
    return config


def _teams(raw: Mapping[str, Any], env: Mapping[str, str], server: ServerConfig) -> TeamsConfig:
    keys = {"app_id", "app_password", "tenant_id", "marketing_channel", "allow_unauthenticated",
            "openid_metadata_url", "sends_per_second", "sends_per_30_seconds", "tenant_requests_per_second"}
    section = _Section(raw, "teams", keys)
    config = TeamsConfig(
        app_id=env.get("MicrosoftAppId") or section.string("app_id", ""),
        app_password=env.get("MicrosoftAppPassword") or section.string("app_password", ""),
        tenant_id=env.get("MicrosoftAppTenantId") or section.string("tenant_id", ""),
        marketing_channel=section.string("marketing_channel", ""),
        allow_unauthenticated=section.boolean("allow_unauthenticated", False),
        openid_metadata_url=section.string("openid_metadata_url", DEFAULT_TEAMS_OPENID_METADATA_URL),
        sends_per_second=section.number("sends_per_second", 7.0, 0.1, 7.0),
        sends_per_30_seconds=section.integer("sends_per_30_seconds", 60, 1, 60),
        tenant_requests_per_second=section.number("tenant_requests_per_second", 50.0, 0.1, 50.0),
    )
    if config.app_id and not config.app_password:
        raise ConfigError("teams.app_password (or MicrosoftAppPassword) is missing: the bot needs it to "
                          "send; set it, or leave teams.app_id empty")
    if config.allow_unauthenticated and server.host not in LOOPBACK_HOSTS:
        raise ConfigError(f"teams.allow_unauthenticated = true is not allowed while server.host = "
                          f"{server.host!r}: it is for local testing only, on 127.0.0.1, ::1 or localhost")
    if config.allow_unauthenticated and config.app_id:
        raise ConfigError("teams.allow_unauthenticated = true is not allowed with teams.app_id set: "
                          "a registered bot always verifies Bot Framework tokens")
    if not config.openid_metadata_url.startswith(("http://", "https://")):
        raise section._bad("openid_metadata_url", config.openid_metadata_url, "an http(s) URL")
    return config


def _server(raw: Mapping[str, Any]) -> ServerConfig:
    section = _Section(raw, "server", {"host", "port", "tick_seconds"})
    return ServerConfig(
        host=section.string("host", "0.0.0.0"),
        port=section.integer("port", 3000, 0, 65535),
        tick_seconds=section.integer("tick_seconds", 30, 1, 3600),
    )


def _prompts(raw: Mapping[str, Any]) -> PromptsConfig:
    keys = {"nudge_after_hours", "quiet_hours", "default_weekday", "default_time",
            "default_timezone", "self_post", "late_answer_days"}
    section = _Section(raw, "prompts", keys)
    quiet = section.raw.get("quiet_hours", "20:00-07:00")
    try:
        start, end = (parse_clock_time(part) for part in str(quiet).split("-"))
    except ValueError:
        allowed = 'a local range like "20:00-07:00" (or "00:00-00:00" for none)'
        raise section._bad("quiet_hours", quiet, allowed) from None
    return PromptsConfig(
        nudge_after_hours=section.number("nudge_after_hours", 48.0, 1, 24 * 6),
        quiet_hours=QuietHours(start, end),
        default_weekday=section.weekday("default_weekday", 1),
        default_time=section.clock_time("default_time", time(9, 0)),
        default_timezone=section.timezone("default_timezone", "America/New_York"),
        self_post=section.boolean("self_post", False),
        late_answer_days=section.integer("late_answer_days", 7, 0, 28),
    )


def _working_days(section: _Section) -> frozenset[int]:
    listed = section.strings("working_days", ("mon", "tue", "wed", "thu", "fri"), nonempty=True)
    try:
        return frozenset(parse_weekday(day) for day in listed)
    except ValueError as error:
        raise section._bad("working_days", list(listed),
                           f'weekday names like ["mon", "tue", "wed", "thu", "fri"] ({error.args[0]!r} is not one)')\
            from None


def _holidays(section: _Section, base_dir: Path | None) -> frozenset[date]:
    listed = section.raw.get("holidays", [])
    if not isinstance(listed, list):
        raise section._bad("holidays", listed, 'a list of dates like ["2026-12-25", "2027-01-01"]')
    days: set[date] = set()
    for value in listed:
        try:
            days.add(value if isinstance(value, date) else date.fromisoformat(str(value)))
        except ValueError:
            raise section._bad("holidays", value, 'dates like "2026-12-25" (YYYY-MM-DD)') from None
    file = section.string("holidays_file", "")
    if file:
        path = Path(file) if Path(file).is_absolute() or base_dir is None else base_dir / file
        try:
            days |= holidays_from_ics(path)
        except (OSError, ValueError) as error:
            raise section._bad("holidays_file", file, f"a readable .ics calendar of holidays ({error})") from None
    return frozenset(days)


def _practice(raw: Mapping[str, Any], base_dir: Path | None = None) -> PracticeConfig:
    keys = {"name", "names", "phone", "phones", "url", "urls", "timezone", "staff_names", "places", "addresses",
            "hashtags",
            "working_days", "holidays", "holidays_file"}
    section = _Section(raw, "practice", keys)
    defaults = PracticeConfig()
    names = section.strings("names", ()) or section.strings("name", defaults.names, nonempty=True)
    phones = section.strings("phones", ()) or section.strings("phone", defaults.phones, nonempty=True)
    urls = section.strings("urls", ()) or section.strings("url", defaults.urls, nonempty=True)
    for url in urls:
        if not url.startswith(("http://", "https://")):
            _problem(ConfigError(f"practice.urls contains {url!r}: expected http(s) URLs"), None)
    for phone in phones:
        if not is_phone_number(phone):
            _problem(ConfigError(f"practice.phones contains {phone!r}: expected a phone number like "
                                 '"(555) 010-0100" or "+1 555 010 0100"'), None)
    hashtags_raw = section.raw.get("hashtags", {})
    if not isinstance(hashtags_raw, Mapping):
        raise section._bad("hashtags", hashtags_raw, "a table of specialty = [\"#tag\", …]")
    hashtags = {
        specialty: _Section({"tags": tags}, f"practice.hashtags.{specialty}", {"tags"}).strings("tags", ())
        for specialty, tags in hashtags_raw.items()
    }
    return PracticeConfig(
        names=names, phones=phones, urls=urls,
        timezone=section.timezone("timezone", defaults.timezone),
        staff_names=section.strings("staff_names", ()),
        places=section.strings("places", ()),
        addresses=section.strings("addresses", ()),
        hashtags=hashtags,
        working_days=_working_days(section),
        holidays=_holidays(section, base_dir),
    )


def _drafts(raw: Mapping[str, Any]) -> DraftsConfig:
    section = _Section(raw, "drafts", {"templates_dir", "facebook_soft_limit"})
    return DraftsConfig(
        templates_dir=section.string("templates_dir", ""),
        facebook_soft_limit=section.integer("facebook_soft_limit", 1000, 50, 63206),
    )


def _approvals(raw: Mapping[str, Any]) -> ApprovalsConfig:
    keys = {"approvers", "approver_group", "settle_minutes", "remind_after_hours", "escalate_after_hours",
            "physician_signoff"}
    section = _Section(raw, "approvals", keys)
    config = ApprovalsConfig(
        approvers=section.strings("approvers", ()),
        approver_group=section.string("approver_group", ""),
        settle_minutes=section.integer("settle_minutes", 10, 0, 24 * 60),
        remind_after_hours=section.number("remind_after_hours", 24.0, 0.5, 24 * 14),
        escalate_after_hours=section.number("escalate_after_hours", 48.0, 0.5, 24 * 30),
        physician_signoff=section.boolean("physician_signoff", False),
    )
    if config.escalate_after_hours <= config.remind_after_hours:
        raise section._bad("escalate_after_hours", config.escalate_after_hours,
                           f"more hours than approvals.remind_after_hours ({config.remind_after_hours:g})")
    return config


def parse_slot(value: Any) -> CalendarSlot:
    """"mon 10:00" → CalendarSlot(0, 10:00); raise ValueError otherwise."""
    if not isinstance(value, str) or len(value.split()) != 2:
        raise ValueError(value)
    day, at = value.split()
    return CalendarSlot(parse_weekday(day), parse_clock_time(at))


def _calendar(raw: Mapping[str, Any]) -> CalendarConfig:
    section = _Section(raw, "calendar", {"slots", "planning_day", "planning_time"})
    defaults = CalendarConfig()
    slots_raw = section.raw.get("slots")
    slots = defaults.slots
    if slots_raw is not None:
        if not isinstance(slots_raw, Mapping):
            raise section._bad("slots", slots_raw, 'a table of channel = ["mon 10:00", …]')
        slots = {}
        for channel, values in slots_raw.items():
            listed = _Section({"v": values}, f"calendar.slots.{channel}", {"v"}).strings("v", (), nonempty=True)
            try:
                slots[channel] = tuple(sorted((parse_slot(v) for v in listed), key=lambda s: (s.weekday, s.at)))
            except ValueError as error:
                raise ConfigError(f"calendar.slots.{channel} contains {error.args[0]!r}: expected slots like "
                                  '"mon 10:00" (weekday and 24-hour time)') from None
    return CalendarConfig(
        slots=slots,
        planning_weekday=section.weekday("planning_day", defaults.planning_weekday),
        planning_time=section.clock_time("planning_time", defaults.planning_time),
    )


def _webhook(raw: Mapping[str, Any], env: Mapping[str, str]) -> WebhookConfig:
    section = _Section(raw, "webhook", {"url", "secret"})
    config = WebhookConfig(url=section.string("url", ""),
                           secret=env.get("ROUNDS_WEBHOOK_SECRET") or section.string("secret", ""))
    if config.url and not config.url.startswith(("http://", "https://")):
        raise section._bad("url", config.url, "an http(s) URL (or empty for no webhook)")
    if config.url and not config.secret:
        raise ConfigError("webhook.secret (or ROUNDS_WEBHOOK_SECRET) is missing: posts to webhook.url are "
                          "signed with it; set one, or leave webhook.url empty")
    return config


def _policy(raw: Mapping[str, Any]) -> PolicyConfig:
    section = _Section(raw, "policy", {"url", "summary"})
    config = PolicyConfig(url=section.string("url", ""), summary=section.string("summary", ""))
    if config.url and not config.url.startswith(("http://", "https://")):
        raise section._bad("url", config.url, "an http(s) URL (or empty for no policy)")
    return config


def _retention(raw: Mapping[str, Any]) -> RetentionConfig:
    section = _Section(raw, "retention", {"answer_days", "time"})
    defaults = RetentionConfig()
    return RetentionConfig(answer_days=section.integer("answer_days", defaults.answer_days, 1, 36500),
                           time=section.clock_time("time", defaults.time))


def _inbox(raw: Mapping[str, Any]) -> InboxConfig:
    return parse_inbox(_Section(raw, "inbox", INBOX_KEYS))


SECTIONS = {"database", "slack", "teams", "server", "prompts", "practice", "drafts", "approvals", "calendar", "webhook",
            "policy", "retention", "inbox"}


def config_from_mapping(raw: Mapping[str, Any], env: Mapping[str, str] | None = None,
                        source: str = "defaults") -> Config:
    """Build a validated Config from parsed TOML plus secret environment variables.

    Every problem in the file is reported in one ConfigError (one line each), not just the
    first: a value that is wrong is replaced by its default to go on checking the rest.
    """
    env = {} if env is None else env
    problems: list[str] = []
    token = _problems.set(problems)
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
            teams=section(_teams, "teams", env, server or ServerConfig()),
            server=server, prompts=section(_prompts, "prompts"),
            practice=section(_practice, "practice", Path(source).parent if source != "defaults" else None),
            drafts=section(_drafts, "drafts"),
            approvals=section(_approvals, "approvals"), calendar=section(_calendar, "calendar"),
            webhook=section(_webhook, "webhook", env), policy=section(_policy, "policy"),
            retention=section(_retention, "retention"), inbox=section(_inbox, "inbox"), source=source,
        )
    finally:
        _problems.reset(token)
    if len(problems) == 1:
        raise ConfigError(problems[0])
    if problems:
        raise ConfigError(f"{len(problems)} problems:\n" + "\n".join(f"  {p}" for p in problems))
    return config


def load_config(path: str | os.PathLike[str] | None = None,
                env: Mapping[str, str] | None = None) -> Config:
    """Load `path`, else $ROUNDS_CONFIG, else ./config.toml if present, else defaults."""
    env = dict(os.environ) if env is None else env
    chosen = path or env.get("ROUNDS_CONFIG")
    if not chosen and Path("config.toml").is_file():
        chosen = "config.toml"
    if not chosen:
        return config_from_mapping({}, env)
    file = Path(chosen)
    if not file.is_file():
        raise ConfigError(f"config file {str(file)!r} not found; copy config.example.toml to start one")
    try:
        raw = tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{file}: not valid TOML ({error})") from None
    return config_from_mapping(raw, env, source=str(file))

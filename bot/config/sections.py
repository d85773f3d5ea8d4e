"""One parser per `[section]` of config.toml, each into its frozen config object."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, time
from pathlib import Path
from typing import Any

from bot.config.models import (
    DEFAULT_DATABASE_URL,
    DEFAULT_SLACK_API_URL,
    DEFAULT_TEAMS_OPENID_METADATA_URL,
    LOOPBACK_HOSTS,
    ApprovalsConfig,
    CalendarConfig,
    CalendarSlot,
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
from bot.config.values import Section, is_phone_number, parse_clock_time, parse_weekday, record_problem
from bot.inbox.settings import KEYS as INBOX_KEYS
from bot.inbox.settings import InboxConfig, parse_inbox
from bot.workdays import MONDAY_TO_FRIDAY, holidays_from_ics

WEEKDAY_NAMES = "weekday names mon, tue, wed, thu, fri, sat, sun (or written out in full, like monday)"
SLOT_ALLOWED = ('slots like "mon 10:00": a weekday (mon, tue, wed, thu, fri, sat, sun) and a 24-hour time '
                'HH:MM from 00:00 to 23:59')


def _database(raw: Mapping[str, Any], env: Mapping[str, str]) -> DatabaseConfig:
    section = Section(raw, "database", {"url"})
    url = env.get("ROUNDS_DATABASE_URL") or section.string("url", DEFAULT_DATABASE_URL)
    if not url.startswith(("sqlite", "postgresql")):
        record_problem(ConfigError(
            f"database.url = {url!r} is not allowed: expected a sqlite:/// or postgresql+psycopg:// URL"
        ), None)
    return DatabaseConfig(url=url)


_SLACK_CHANNEL_ID = re.compile(r"[CG](?=[A-Z0-9]*\d)[A-Z0-9]{4,}")
# User ids as each platform writes them: Slack member ids; Teams ids (29:…) or Azure AD object ids.
_USER_ID_SHAPES = {
    "slack": re.compile(r"[UW][A-Z0-9]{2,}"),
    "teams": re.compile(r"29:[\w.:-]+|[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}"),
}


def is_user_id_on(platform: str, user_id: str) -> bool:
    """Whether `user_id` is written as `platform`'s user ids are (config lists may mix platforms)."""
    shape = _USER_ID_SHAPES.get(platform)
    return shape is not None and shape.fullmatch(user_id) is not None


def _slack(raw: Mapping[str, Any], env: Mapping[str, str]) -> SlackConfig:
    keys = {"bot_token", "signing_secret", "app_token", "api_url", "marketing_channel",
            "post_messages_per_second", "conversations_open_per_second",
            "send_concurrency"}  # accepted and ignored: the rate and observed latency decide it now
    section = Section(raw, "slack", keys)
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
        record_problem(ConfigError("slack.bot_token (or SLACK_BOT_TOKEN) is not allowed: expected a bot token "
                                   "starting with xoxb-"), None)
    if config.app_token and not config.app_token.startswith("xapp-"):
        record_problem(ConfigError("slack.app_token (or SLACK_APP_TOKEN) is not allowed: expected an app-level "
                                   "token starting with xapp- (or leave it empty for HTTP mode)"), None)
    if config.bot_token and not config.app_token and not config.signing_secret:
        record_problem(ConfigError("slack.signing_secret (or SLACK_SIGNING_SECRET) is missing: HTTP mode needs "
                                   "it to verify requests; set it, or set slack.app_token for Socket Mode"), None)
    if config.marketing_channel and not _SLACK_CHANNEL_ID.fullmatch(config.marketing_channel):
        section.problem("marketing_channel", config.marketing_channel,
                        "the channel's id (C… or G…: channel details → About, at the bottom), not its name; "
                        "Slack edits cards and reads threads by id only", None)
    if not config.api_url.startswith(("http://", "https://")):
        record_problem(ConfigError(f"slack.api_url = {config.api_url!r} is not allowed: expected an http(s) URL"), None)
    if not config.api_url.endswith("/"):
        config = SlackConfig(**{**config.__dict__, "api_url": config.api_url + "/"})
    return config


APP_ID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def _teams(raw: Mapping[str, Any], env: Mapping[str, str], server: ServerConfig,
           for_sending: bool = True) -> TeamsConfig:
    keys = {"app_id", "app_password", "tenant_id", "marketing_channel", "allow_unauthenticated",
            "openid_metadata_url", "sends_per_second", "sends_per_30_seconds", "tenant_requests_per_second"}
    section = Section(raw, "teams", keys)
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
    if config.app_id and not APP_ID.fullmatch(config.app_id):
        record_problem(ConfigError(f"teams.app_id (or MicrosoftAppId) = {config.app_id!r} is not an app id: expected "
                                   "the bot's Microsoft App ID, a GUID like 00000000-0000-0000-0000-000000000000 "
                                   "(Azure portal: the bot's Configuration page)"), None)
    if for_sending and config.app_id and not config.app_password:
        record_problem(ConfigError("teams.app_password (or MicrosoftAppPassword) is missing: the bot needs it to "
                                   "send; set it, or leave teams.app_id empty"), None)
    if config.allow_unauthenticated and server.host not in LOOPBACK_HOSTS:
        record_problem(ConfigError(f"teams.allow_unauthenticated = true is not allowed while server.host = "
                                   f"{server.host!r}: it is for local testing only, on 127.0.0.1, ::1 or "
                                   "localhost"), None)
    if config.allow_unauthenticated and config.app_id:
        record_problem(ConfigError("teams.allow_unauthenticated = true is not allowed with teams.app_id set: "
                                   "a registered bot always verifies Bot Framework tokens"), None)
    if not config.openid_metadata_url.startswith(("http://", "https://")):
        record_problem(section._bad("openid_metadata_url", config.openid_metadata_url, "an http(s) URL"), None)
    return config


def _server(raw: Mapping[str, Any]) -> ServerConfig:
    section = Section(raw, "server", {"host", "port", "tick_seconds", "body_timeout_seconds"})
    return ServerConfig(
        host=section.string("host", "0.0.0.0"),
        port=section.integer("port", 3000, 0, 65535),
        tick_seconds=section.integer("tick_seconds", 30, 1, 3600),
        body_timeout_seconds=section.integer("body_timeout_seconds", 10, 1, 300),
    )


def _prompts(raw: Mapping[str, Any]) -> PromptsConfig:
    keys = {"nudge_after_hours", "quiet_hours", "default_weekday", "default_time",
            "default_timezone", "self_post", "late_answer_days"}
    section = Section(raw, "prompts", keys)
    quiet = section.raw.get("quiet_hours", "20:00-07:00")
    try:
        start, end = (parse_clock_time(part) for part in str(quiet).split("-"))
    except ValueError:
        allowed = 'a local range like "20:00-07:00" (or "00:00-00:00" for none)'
        start, end = section.problem("quiet_hours", quiet, allowed, (time(20, 0), time(7, 0)))
    return PromptsConfig(
        nudge_after_hours=section.number("nudge_after_hours", 48.0, 1, 24 * 6),
        quiet_hours=QuietHours(start, end),
        default_weekday=section.weekday("default_weekday", 1),
        default_time=section.clock_time("default_time", time(9, 0)),
        default_timezone=section.timezone("default_timezone", "America/New_York"),
        self_post=section.boolean("self_post", False),
        late_answer_days=section.integer("late_answer_days", 7, 0, 28),
    )


def _working_days(section: Section) -> frozenset[int]:
    listed = section.strings("working_days", ("mon", "tue", "wed", "thu", "fri"), nonempty=True)
    days, wrong = set(), False
    for day in listed:  # every wrong day by its value, not the first only
        try:
            days.add(parse_weekday(day))
        except ValueError:
            wrong = True
            section.problem_entry("working_days", day, WEEKDAY_NAMES, None)
    return MONDAY_TO_FRIDAY if wrong else frozenset(days)


def _holidays(section: Section, base_dir: Path | None) -> frozenset[date]:
    listed = section.raw.get("holidays", [])
    if not isinstance(listed, list):
        listed = section.problem("holidays", listed, 'a list of dates like ["2026-12-25", "2027-01-01"]', [])
    days: set[date] = set()
    for value in listed:
        try:
            days.add(value if isinstance(value, date) else date.fromisoformat(str(value)))
        except ValueError:
            section.problem("holidays", value, 'dates like "2026-12-25" (YYYY-MM-DD)', None)
    file = section.string("holidays_file", "")
    if file:
        path = Path(file) if Path(file).is_absolute() or base_dir is None else base_dir / file
        try:
            days |= holidays_from_ics(path)
        except (OSError, ValueError) as error:
            section.problem("holidays_file", file, f"a readable .ics calendar of holidays ({error})", None)
    return frozenset(days)


def _required(section: Section, plural: str, singular: str, default: tuple[str, ...],
              needed: str) -> tuple[str, ...]:
    """A practice fact posts need (name, phone, url): `names = [...]` or `name = "..."`, left out for
    the default, but never emptied: an empty list is refused, not quietly replaced by the default."""
    if plural in section.raw:
        return section.strings(plural, default, nonempty=True, needed=needed)
    return section.strings(singular, default, nonempty=True, needed=needed)


def _practice(raw: Mapping[str, Any], base_dir: Path | None = None) -> PracticeConfig:
    keys = {"name", "names", "phone", "phones", "url", "urls", "timezone", "staff_names", "places", "addresses",
            "hashtags",
            "working_days", "holidays", "holidays_file"}
    section = Section(raw, "practice", keys)
    defaults = PracticeConfig()
    names = _required(section, "names", "name", defaults.names,
                      'at least one practice name: posts sign off with the first ("Call <name> at …")')
    for name in names:
        if not name.strip():
            section.problem_entry("names" if "names" in section.raw else "name", name,
                                  "practice names that are not blank (posts sign off with them)", None)
    phones = _required(section, "phones", "phone", defaults.phones,
                       'at least one phone number: posts sign off with the first ("… at <phone>")')
    urls = _required(section, "urls", "url", defaults.urls, "at least one http(s) URL: posts link to the first")
    for url in urls:
        if not url.startswith(("http://", "https://")):
            section.problem_entry("urls", url, "http(s) URLs", None)
    for phone in phones:
        if not is_phone_number(phone):
            section.problem_entry("phones", phone, 'phone numbers like "(555) 010-0100" or "+1 555 010 0100"', None)
    hashtags_raw = section.raw.get("hashtags", {})
    if not isinstance(hashtags_raw, Mapping):
        hashtags_raw = section.problem("hashtags", hashtags_raw, "a table of specialty = [\"#tag\", …]", {})
    hashtags = {
        specialty: Section({"tags": tags}, f"practice.hashtags.{specialty}", {"tags"}).strings("tags", ())
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
    section = Section(raw, "drafts", {"templates_dir", "facebook_soft_limit"})
    return DraftsConfig(
        templates_dir=section.string("templates_dir", ""),
        facebook_soft_limit=section.integer("facebook_soft_limit", 1000, 50, 63206),
    )


def _approvals(raw: Mapping[str, Any]) -> ApprovalsConfig:
    keys = {"approvers", "approver_group", "settle_minutes", "remind_after_hours", "escalate_after_hours",
            "physician_signoff"}
    section = Section(raw, "approvals", keys)
    config = ApprovalsConfig(
        approvers=section.strings("approvers", ()),
        approver_group=section.string("approver_group", ""),
        settle_minutes=section.integer("settle_minutes", 10, 0, 24 * 60),
        remind_after_hours=section.number("remind_after_hours", 24.0, 0.5, 24 * 14),
        escalate_after_hours=section.number("escalate_after_hours", 48.0, 0.5, 24 * 30),
        physician_signoff=section.boolean("physician_signoff", False),
    )
    for entry in config.approvers:
        if not any(is_user_id_on(platform, entry) for platform in _USER_ID_SHAPES):
            record_problem(section.bad_entry(
                "approvers", entry, "a Slack user id (U… or W…) or a Teams user id (29:… or an Azure AD object "
                "id); to name people, give them the role approver in the roster"), None)
    if config.escalate_after_hours <= config.remind_after_hours:
        section.problem("escalate_after_hours", config.escalate_after_hours,
                        f"more hours than approvals.remind_after_hours ({config.remind_after_hours:g})", None)
    return config


def parse_slot(value: Any) -> CalendarSlot:
    """"mon 10:00" → CalendarSlot(0, 10:00); raise ValueError otherwise."""
    if not isinstance(value, str) or len(value.split()) != 2:
        raise ValueError(value)
    day, at = value.split()
    return CalendarSlot(parse_weekday(day), parse_clock_time(at))


def _calendar(raw: Mapping[str, Any]) -> CalendarConfig:
    section = Section(raw, "calendar", {"slots", "planning_day", "planning_time"})
    defaults = CalendarConfig()
    slots_raw = section.raw.get("slots")
    slots = defaults.slots
    if slots_raw is not None:
        if not isinstance(slots_raw, Mapping):
            slots_raw = section.problem("slots", slots_raw, 'a table of channel = ["mon 10:00", …]', defaults.slots)
        slots = {}
        for channel, values in slots_raw.items():
            channel_section = Section({channel: values}, "calendar.slots", {channel})
            listed = channel_section.strings(channel, (), nonempty=True)
            parsed = []
            for value in listed:  # every wrong slot by its value, not the first only
                try:
                    parsed.append(parse_slot(value))
                except ValueError:
                    channel_section.problem_entry(channel, value, SLOT_ALLOWED, None)
            slots[channel] = tuple(sorted(parsed, key=lambda s: (s.weekday, s.at)))
    return CalendarConfig(
        slots=slots,
        planning_weekday=section.weekday("planning_day", defaults.planning_weekday),
        planning_time=section.clock_time("planning_time", defaults.planning_time),
    )


def _webhook(raw: Mapping[str, Any], env: Mapping[str, str]) -> WebhookConfig:
    section = Section(raw, "webhook", {"url", "secret"})
    config = WebhookConfig(url=section.string("url", ""),
                           secret=env.get("ROUNDS_WEBHOOK_SECRET") or section.string("secret", ""))
    if config.url and not config.url.startswith(("http://", "https://")):
        record_problem(section._bad("url", config.url, "an http(s) URL (or empty for no webhook)"), None)
    if config.url and not config.secret:
        record_problem(ConfigError("webhook.secret (or ROUNDS_WEBHOOK_SECRET) is missing: posts to webhook.url are "
                                   "signed with it; set one, or leave webhook.url empty"), None)
    return config


def _policy(raw: Mapping[str, Any]) -> PolicyConfig:
    section = Section(raw, "policy", {"url", "summary"})
    config = PolicyConfig(url=section.string("url", ""), summary=section.string("summary", ""))
    if config.url and not config.url.startswith(("http://", "https://")):
        record_problem(section._bad("url", config.url, "an http(s) URL (or empty for no policy)"), None)
    return config


def _retention(raw: Mapping[str, Any]) -> RetentionConfig:
    section = Section(raw, "retention", {"answer_days", "time"})
    defaults = RetentionConfig()
    return RetentionConfig(answer_days=section.integer("answer_days", defaults.answer_days, 1, 36500),
                           time=section.clock_time("time", defaults.time))


def check_against_templates(drafts: DraftsConfig | None, calendar: CalendarConfig | None) -> None:
    """The checks that need the post templates, in the same pass as every other check.

    Slots are only ever taken by drafts, and drafts exist only for channels with a post template:
    a slot for any other channel (a typo, or `tiktok` with no template) would sit empty forever.
    """
    from bot.review.drafts import post_channels  # imports bot.config: only once it is loaded
    from bot.templating import TemplateError, Templates

    templates_dir = drafts.templates_dir if drafts else ""
    try:
        templates = Templates(templates_dir or None)
    except TemplateError:
        record_problem(ConfigError(f"drafts.templates_dir = {templates_dir!r} is not allowed: expected an "
                                   "existing folder of template overrides (or empty for the packaged ones)"), None)
        return
    if calendar is None:
        return
    channels = post_channels(templates)
    for name in sorted(set(calendar.slots) - set(channels)):
        record_problem(ConfigError(
            f"calendar.slots.{name} has no post template (posts/{name}.txt.j2): slots are for the channels "
            f"with a template: {', '.join(channels)}; add a template to [drafts] templates_dir or remove the slot"
        ), None)


def _inbox(raw: Mapping[str, Any]) -> InboxConfig:
    return parse_inbox(Section(raw, "inbox", INBOX_KEYS))


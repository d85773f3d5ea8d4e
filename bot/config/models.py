"""What Rounds is configured with: frozen, validated objects (see config.example.toml)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time

from bot.inbox.settings import InboxConfig
from bot.workdays import MONDAY_TO_FRIDAY, WorkCalendar

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
    body_timeout_seconds: int = 10


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


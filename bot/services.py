"""Composition: build every core object once from config and pass it around (no singletons)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.chat import Chat
from bot.config import Config, ConfigError
from bot.review.compliance import ScreenerCache
from bot.review.drafts import post_channels, validate_post_templates
from bot.store import Database
from bot.templating import Templates


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    """What core functions need: config, database, templates and the chats to send through.

    `platform` is where people are reached ("slack" or "teams" when configured, else "console");
    the outbox records it per message so a message is always delivered where it was meant.
    """

    config: Config
    db: Database
    templates: Templates
    platform: str
    chats: dict[str, Chat] = field(default_factory=dict)
    clock: Callable[[], datetime] = system_clock
    screeners: ScreenerCache | None = None

    def chat(self, platform: str | None = None) -> Chat:
        name = platform or self.platform
        try:
            return self.chats[name]
        except KeyError:
            raise RuntimeError(f"no {name} chat is configured in this process") from None


def people_platform(config: Config) -> str:
    """Where people are reached: one chat platform per practice (Slack wins if both are set)."""
    if config.slack.configured:
        return "slack"
    return "teams" if config.teams.configured else "console"


def check_slot_channels(config: Config, templates: Templates) -> None:
    """Slots are only ever taken by drafts, and drafts exist only for channels with a post
    template: a slot for any other channel (a typo, or `tiktok` with no template) would sit
    empty forever without a word. `config_from_mapping` reports this with every other config
    problem (bot.config.sections.check_against_templates); checked again here with the templates
    actually built, for a Config made some other way."""
    channels = post_channels(templates)
    unknown = sorted(set(config.calendar.slots) - set(channels))
    if unknown:
        raise ConfigError(
            "; ".join(f"calendar.slots.{name} has no post template (posts/{name}.txt.j2)" for name in unknown)
            + f": slots are for the channels with a template: {', '.join(channels)}; add a template "
            "to [drafts] templates_dir or remove the slot")


def build_services(config: Config, chats: dict[str, Chat] | None = None,
                   clock: Callable[[], datetime] = system_clock,
                   database: Database | None = None) -> Services:
    """Build services; templates are compiled now so a broken override stops start-up."""
    templates = Templates(config.drafts.templates_dir or None)
    templates.check()
    validate_post_templates(templates)
    check_slot_channels(config, templates)
    return Services(
        config=config,
        db=database or Database(config.database.url),
        templates=templates,
        platform=people_platform(config),
        chats=dict(chats or {}),
        clock=clock,
        screeners=ScreenerCache(config.practice),
    )

"""`[inbox]` configuration: reminder and deadline times, rotation, escalation, accounts to check.

Kept apart from `bot.config` (which only wires it in) so the inbox loop's settings live with the
loop. Parsing goes through the caller's section reader, so errors name `inbox.<key>`, the value
and what is allowed, like every other section.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from typing import Any

ROTATIONS = ("everyone", "weekly")
KEYS = {"reminder_time", "deadline", "rotation", "escalate_to_channel", "accounts"}
ACCOUNT_KEYS = {"name", "url"}


@dataclass(frozen=True)
class InboxAccount:
    """One inbox to look at (a Facebook Page inbox, Google Business messages…), shown with its link."""

    name: str
    url: str


@dataclass(frozen=True)
class InboxConfig:
    """With no accounts the loop is off: nobody is reminded of an empty checklist."""

    reminder_time: time = time(9, 0)
    deadline: time = time(12, 0)
    rotation: str = "everyone"  # "everyone" | "weekly"
    escalate_to_channel: bool = False
    accounts: tuple[InboxAccount, ...] = ()

    @property
    def enabled(self) -> bool:
        return bool(self.accounts)


def parse_inbox(section: Any) -> InboxConfig:
    """Build the config from a `bot.config.Section` over the `[inbox]` table.

    Args:
        section: the section reader (its `_bad` names the key, value and allowed values).
    """
    rotation = section.string("rotation", "everyone")
    if rotation not in ROTATIONS:
        rotation = section.problem("rotation", rotation, '"everyone" or "weekly"', "everyone")
    config = InboxConfig(
        reminder_time=section.clock_time("reminder_time", time(9, 0)),
        deadline=section.clock_time("deadline", time(12, 0)),
        rotation=rotation,
        escalate_to_channel=section.boolean("escalate_to_channel", False),
        accounts=_accounts(section),
    )
    if config.deadline <= config.reminder_time:
        section.problem("deadline", config.deadline.strftime("%H:%M"),
                        f"a time after inbox.reminder_time ({config.reminder_time.strftime('%H:%M')}) "
                        "on the same day", None)
    return config


def _accounts(section: Any) -> tuple[InboxAccount, ...]:
    raw = section.raw.get("accounts", [])
    if not isinstance(raw, list):
        return section.problem("accounts", raw, 'a list of [[inbox.accounts]] tables with name and url', ())
    accounts = []
    for index, entry in enumerate(raw):
        where = f"inbox.accounts[{index}]"
        if not isinstance(entry, Mapping):
            section.problem("accounts", entry, "[[inbox.accounts]] tables with name and url", None)
            continue
        account = type(section)(entry, where, ACCOUNT_KEYS)
        name = account.string("name", "").strip()
        url = account.string("url", "").strip()
        if not name:
            account.problem("name", name, 'the inbox\'s name, like "Facebook Page inbox"', None)
        elif not url.startswith(("http://", "https://")):
            account.problem("url", url, "an http(s) link to the inbox", None)
        else:
            accounts.append(InboxAccount(name, url))
    return tuple(accounts)

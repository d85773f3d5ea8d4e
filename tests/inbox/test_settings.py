"""`[inbox]` config: defaults, the accounts that turn it on, and errors that name the key."""

from __future__ import annotations

from datetime import time

import pytest

from bot.config import ConfigError, config_from_mapping

ACCOUNT = {"name": "Facebook Page inbox", "url": "https://business.facebook.com/latest/inbox"}


def test_defaults_are_off_until_accounts_are_listed():
    config = config_from_mapping({}, env={})
    assert not config.inbox.enabled
    assert (config.inbox.reminder_time, config.inbox.deadline, config.inbox.rotation) == (time(9), time(12), "everyone")
    on = config_from_mapping({"inbox": {"accounts": [ACCOUNT], "rotation": "weekly", "escalate_to_channel": True,
                                        "reminder_time": "08:30", "deadline": "11:00"}}, env={})
    assert on.inbox.enabled and on.inbox.accounts[0].name == "Facebook Page inbox"
    assert (on.inbox.reminder_time, on.inbox.deadline, on.inbox.rotation) == (time(8, 30), time(11), "weekly")


@pytest.mark.parametrize("inbox, words", [
    ({"rotation": "daily"}, ["inbox.rotation", "'daily'", '"everyone" or "weekly"']),
    ({"reminder_time": "9am"}, ["inbox.reminder_time", "09:00"]),
    ({"deadline": "08:00"}, ["inbox.deadline", "after inbox.reminder_time (09:00)"]),
    ({"escalate_to_channel": "yes"}, ["inbox.escalate_to_channel", "true or false"]),
    ({"accounts": {"name": "x"}}, ["inbox.accounts", "[[inbox.accounts]]"]),
    ({"accounts": [{"name": "FB", "url": "business.facebook.com"}]}, ["inbox.accounts[0].url", "http(s)"]),
    ({"accounts": [{"url": "https://x.example"}]}, ["inbox.accounts[0].name"]),
    ({"accounts": [{**ACCOUNT, "login": "me"}]}, ["inbox.accounts[0]", "login", "allowed: name, url"]),
    ({"reminder": "09:00"}, ["[inbox]", "reminder", "allowed:"]),
])
def test_errors_name_the_key_and_what_is_allowed(inbox, words):
    with pytest.raises(ConfigError) as error:
        config_from_mapping({"inbox": inbox}, env={})
    for word in words:
        assert word in str(error.value)

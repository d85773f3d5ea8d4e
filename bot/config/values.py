"""Typed values out of TOML tables, each error naming `section.key`, the value and what is allowed."""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar
from datetime import time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers

from bot.config.models import WEEKDAYS, ConfigError

# --- loading -------------------------------------------------------------------------------


# While a whole file is checked, problems are collected here instead of stopping at the first:
# someone fixing a config wants every mistake in one run, not one per run.
collected_problems: ContextVar[list[str] | None] = ContextVar("config_problems", default=None)


def record_problem(error: ConfigError, fallback: Any) -> Any:
    """Record `error` and carry on with `fallback` while collecting; raise it otherwise."""
    problems = collected_problems.get()
    if problems is None:
        raise error
    problems.append(str(error))
    return fallback


class Section:
    """Reads typed values out of one TOML table, naming `section.key` in every error."""

    def __init__(self, raw: Mapping[str, Any], name: str, known: set[str]):
        if not isinstance(raw, Mapping):
            raise ConfigError(f"[{name}] must be a table, got {raw!r}")
        unknown = sorted(set(raw) - known)
        if unknown:
            record_problem(ConfigError(
                f"[{name}] has unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(known))}"
            ), None)
        self.raw, self.name = {k: v for k, v in raw.items() if k in known}, name

    def _bad(self, key: str, value: Any, allowed: str) -> ConfigError:
        return ConfigError(f"{self.name}.{key} = {value!r} is not allowed: expected {allowed}")

    def bad_entry(self, key: str, entry: Any, allowed: str) -> ConfigError:
        """One wrong entry of a list-valued key, by its value."""
        return ConfigError(f"{self.name}.{key} contains {entry!r}: expected {allowed}")

    def problem(self, key: str, value: Any, allowed: str, fallback: Any) -> Any:
        """A wrong value: recorded (checking goes on with `fallback`) while a file is checked, else raised."""
        return record_problem(self._bad(key, value, allowed), fallback)

    def problem_entry(self, key: str, entry: Any, allowed: str, fallback: Any) -> Any:
        """One wrong entry of a list: recorded by its value (checking goes on) while a file is checked."""
        return record_problem(self.bad_entry(key, entry, allowed), fallback)

    def string(self, key: str, default: str) -> str:
        value = self.raw.get(key, default)
        if not isinstance(value, str):
            return record_problem(self._bad(key, value, "a string"), default)
        return value

    def strings(self, key: str, default: tuple[str, ...], nonempty: bool = False,
                needed: str = "at least one value") -> tuple[str, ...]:
        value = self.raw.get(key, default)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple)):
            return record_problem(self._bad(key, value, "a string or a list of strings"), default)
        wrong = [v for v in value if not isinstance(v, str)]
        for entry in wrong:  # each one by its value, not the first only
            record_problem(self.bad_entry(key, entry, "strings"), None)
        if wrong:
            return default
        if nonempty and not value:
            return record_problem(self._bad(key, value, needed), default)
        return tuple(value)

    def number(self, key: str, default: float, low: float, high: float) -> float:
        value = self.raw.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            return record_problem(self._bad(key, value, f"a number from {low:g} to {high:g}"), float(default))
        return float(value)

    def integer(self, key: str, default: int, low: int, high: int) -> int:
        value = self.raw.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            return record_problem(self._bad(key, value, f"a whole number from {low} to {high}"), default)
        return value

    def boolean(self, key: str, default: bool) -> bool:
        value = self.raw.get(key, default)
        if not isinstance(value, bool):
            return record_problem(self._bad(key, value, "true or false"), default)
        return value

    def clock_time(self, key: str, default: time) -> time:
        value = self.raw.get(key, default.strftime("%H:%M"))
        try:
            return parse_clock_time(value)
        except ValueError:
            return record_problem(self._bad(key, value, 'a 24-hour time like "09:00"'), default)

    def timezone(self, key: str, default: str) -> str:
        value = self.string(key, default)
        if not is_timezone(value):
            return record_problem(self._bad(key, value, 'an IANA time zone name like "America/Chicago"'), default)
        return value

    def weekday(self, key: str, default: int) -> int:
        value = self.raw.get(key, WEEKDAYS[default])
        try:
            return parse_weekday(value)
        except ValueError:
            return record_problem(self._bad(key, value, "a weekday name (monday … sunday)"), default)


def parse_clock_time(value: Any) -> time:
    """Parse "HH:MM" (24-hour); raise ValueError otherwise."""
    if isinstance(value, time):
        return value
    if not isinstance(value, str):
        raise ValueError(value)
    hours, _, minutes = value.strip().partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        raise ValueError(value)
    try:
        return time(int(hours), int(minutes))
    except ValueError:  # "25:00": the value, not Python's "hour must be in 0..23"
        raise ValueError(value) from None


def parse_weekday(value: Any) -> int:
    """Monday = 0; accepts full names and three-letter abbreviations, any case."""
    if isinstance(value, str):
        text = value.strip().lower()
        for index, name in enumerate(WEEKDAYS):
            if text in (name, name[:3]):
                return index
    raise ValueError(value)


def is_phone_number(text: str, region: str = "US") -> bool:
    """A number phonenumbers can read with a possible length (fictional 555s allowed), or a public short
    number such as 911 or 988 (a practice's posts and replies may point to them)."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_possible_number(number) or phonenumbers.is_valid_short_number(number)


def is_timezone(name: str) -> bool:
    if not name or name != name.strip():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


"""The screen most tests here share: no allow-list, the default region (a file may define its own)."""

from __future__ import annotations

import pytest

from bot.screening import Screener


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener()
